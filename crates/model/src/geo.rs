//! Straight-line distance and compass direction, for "near me". Pure maths:
//! the position never leaves the device.
//!
//! Distances here are a few kilometres, so the Earth is taken as flat around
//! the two points (equirectangular): within 0.1 % of the great circle up to
//! 100 km, and the result is rounded to 10 m or 100 m anyway. Doing without
//! sine, arcsine and arctangent keeps libm's trigonometry out of the
//! portal's wasm (3.8 KB brotli); the one cosine is a short polynomial.

use crate::feed::Point;

const EARTH_RADIUS_M: f64 = 6_371_008.8;

/// Cosine of a latitude in radians (|x| <= pi/2, which the parser ensures):
/// Taylor series to x^16, error below 1e-9 there.
fn cos_lat(x: f64) -> f64 {
    let x2 = x * x;
    let mut term = 1.0;
    let mut sum = 1.0;
    for k in 1..=8 {
        term *= -x2 / ((2 * k - 1) * (2 * k)) as f64;
        sum += term;
    }
    sum
}

/// Metres east and north from `a` to `b` on the local flat approximation.
fn offset_m(a: Point, b: Point) -> (f64, f64) {
    let mut dlon = b.lon - a.lon;
    // The short way round across the antimeridian.
    if dlon > 180.0 {
        dlon -= 360.0;
    } else if dlon < -180.0 {
        dlon += 360.0;
    }
    let mid = ((a.lat + b.lat) / 2.0).to_radians();
    let east = dlon.to_radians() * cos_lat(mid) * EARTH_RADIUS_M;
    let north = (b.lat - a.lat).to_radians() * EARTH_RADIUS_M;
    (east, north)
}

/// Straight-line distance in metres.
pub fn distance_m(a: Point, b: Point) -> f64 {
    let (east, north) = offset_m(a, b);
    (east * east + north * north).sqrt()
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Compass {
    N,
    NE,
    E,
    SE,
    S,
    SW,
    W,
    NW,
}

impl Compass {
    /// The nearest of the eight directions from `a` to `b` (north when they
    /// are the same point). Sectors are 45 degrees wide, centred on each
    /// direction: compared through tan(22.5 degrees) instead of an angle.
    pub fn between(a: Point, b: Point) -> Compass {
        const TAN_22_5: f64 = 0.414_213_562_373_095;
        let (east, north) = offset_m(a, b);
        if east.abs() <= TAN_22_5 * north.abs() {
            if north < 0.0 {
                Compass::S
            } else {
                Compass::N
            }
        } else if north.abs() <= TAN_22_5 * east.abs() {
            if east > 0.0 {
                Compass::E
            } else {
                Compass::W
            }
        } else {
            match (east > 0.0, north > 0.0) {
                (true, true) => Compass::NE,
                (true, false) => Compass::SE,
                (false, false) => Compass::SW,
                (false, true) => Compass::NW,
            }
        }
    }
}

/// A distance rounded for reading: whole metres under 1 km (to 10 m), else
/// kilometres to one decimal. Returned as (whole, tenths, is_km) so callers
/// format without floating-point printing.
pub fn rounded(distance_m: f64) -> (u64, u64, bool) {
    if distance_m < 1000.0 {
        (((distance_m / 10.0).round() as u64) * 10, 0, false)
    } else {
        let tenths = (distance_m / 100.0).round() as u64;
        (tenths / 10, tenths % 10, true)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(lat: f64, lon: f64) -> Point {
        Point { lat, lon }
    }

    #[test]
    fn one_degree_of_latitude_is_about_111_km() {
        let d = distance_m(p(31.0, 34.4), p(32.0, 34.4));
        assert!((d - 111_195.0).abs() < 50.0, "{d}");
    }

    #[test]
    fn gaza_city_to_rafah() {
        // Gaza City (31.52, 34.45) to Rafah (31.29, 34.25): about 32 km south-west.
        let (a, b) = (p(31.52, 34.45), p(31.29, 34.25));
        let d = distance_m(a, b);
        assert!((30_000.0..34_000.0).contains(&d), "{d}");
        assert_eq!(Compass::between(a, b), Compass::SW);
        assert_eq!(Compass::between(b, a), Compass::NE);
    }

    #[test]
    fn cardinal_directions() {
        let o = p(31.4, 34.4);
        assert_eq!(Compass::between(o, p(31.5, 34.4)), Compass::N);
        assert_eq!(Compass::between(o, p(31.4, 34.5)), Compass::E);
        assert_eq!(Compass::between(o, p(31.3, 34.4)), Compass::S);
        assert_eq!(Compass::between(o, p(31.4, 34.3)), Compass::W);
        assert_eq!(Compass::between(o, o), Compass::N);
        // Across the antimeridian the short way is east, and back west.
        assert_eq!(Compass::between(p(0.0, 179.9), p(0.0, -179.9)), Compass::E);
        assert!(distance_m(p(0.0, 179.9), p(0.0, -179.9)) < 25_000.0);
        assert_eq!(Compass::between(p(0.0, -179.9), p(0.0, 179.9)), Compass::W);
        let d = distance_m(p(0.0, -179.9), p(0.0, 179.9));
        assert!((22_000.0..23_000.0).contains(&d), "{d}");
    }

    /// The textbook formulas, with the standard library's trigonometry.
    fn haversine(a: Point, b: Point) -> f64 {
        let (la1, la2) = (a.lat.to_radians(), b.lat.to_radians());
        let (dlat, dlon) = ((b.lat - a.lat).to_radians(), (b.lon - a.lon).to_radians());
        let h = (dlat / 2.0).sin().powi(2) + la1.cos() * la2.cos() * (dlon / 2.0).sin().powi(2);
        2.0 * EARTH_RADIUS_M * h.sqrt().asin()
    }
    fn bearing_deg(a: Point, b: Point) -> f64 {
        let (la1, la2) = (a.lat.to_radians(), b.lat.to_radians());
        let dlon = (b.lon - a.lon).to_radians();
        let y = dlon.sin() * la2.cos();
        let x = la1.cos() * la2.sin() - la1.sin() * la2.cos() * dlon.cos();
        (y.atan2(x).to_degrees() + 360.0) % 360.0
    }

    #[test]
    fn cosine_polynomial_matches_the_standard_library() {
        for i in -900..=900 {
            let x = (i as f64 / 10.0).to_radians();
            assert!((cos_lat(x) - x.cos()).abs() < 1e-9, "{i}");
        }
    }

    #[test]
    fn flat_approximation_agrees_with_the_great_circle_around_gaza() {
        // A grid over the Strip and beyond (Cairo to Amman), every pair.
        let mut points = Vec::new();
        for i in 0..12 {
            for j in 0..12 {
                points.push(p(29.8 + i as f64 * 0.25, 31.2 + j as f64 * 0.5));
            }
        }
        for &a in &points {
            for &b in &points {
                let (flat, great) = (distance_m(a, b), haversine(a, b));
                if great > 0.0 && great < 100_000.0 {
                    assert!((flat - great).abs() / great < 0.001, "{a:?} {b:?}: {flat} vs {great}");
                }
                if great > 50.0 && great < 100_000.0 {
                    // Same direction, except within a degree of a sector's edge.
                    let bearing = bearing_deg(a, b);
                    let edge = ((bearing + 22.5) % 45.0).min(45.0 - (bearing + 22.5) % 45.0);
                    if edge > 1.0 {
                        let i = (((bearing + 22.5) / 45.0) as usize) % 8;
                        let all =
                            [Compass::N, Compass::NE, Compass::E, Compass::SE, Compass::S, Compass::SW, Compass::W, Compass::NW];
                        assert_eq!(Compass::between(a, b), all[i], "{a:?} {b:?} {bearing}");
                    }
                }
            }
        }
    }

    #[test]
    fn same_point_is_zero() {
        assert_eq!(distance_m(p(31.4, 34.4), p(31.4, 34.4)), 0.0);
    }

    #[test]
    fn rounding_for_reading() {
        assert_eq!(rounded(847.0), (850, 0, false));
        assert_eq!(rounded(1_234.0), (1, 2, true));
        assert_eq!(rounded(31_960.0), (32, 0, true));
        assert_eq!(rounded(4.0), (0, 0, false));
        // A kilometre exactly reads "1.0 km", not "1000 m".
        assert_eq!(rounded(1_000.0), (1, 0, true));
    }
}
