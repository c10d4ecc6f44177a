//! Straight-line distance and compass direction, for "near me". Pure maths:
//! the position never leaves the device.

use crate::feed::Point;

const EARTH_RADIUS_M: f64 = 6_371_008.8;

/// Great-circle distance in metres (haversine).
pub fn distance_m(a: Point, b: Point) -> f64 {
    let (la1, la2) = (a.lat.to_radians(), b.lat.to_radians());
    let (dlat, dlon) = ((b.lat - a.lat).to_radians(), (b.lon - a.lon).to_radians());
    let h = (dlat / 2.0).sin().powi(2) + la1.cos() * la2.cos() * (dlon / 2.0).sin().powi(2);
    2.0 * EARTH_RADIUS_M * h.sqrt().asin()
}

/// Initial bearing from `a` to `b`, degrees clockwise from north, in [0, 360).
pub fn bearing_deg(a: Point, b: Point) -> f64 {
    let (la1, la2) = (a.lat.to_radians(), b.lat.to_radians());
    let dlon = (b.lon - a.lon).to_radians();
    let y = dlon.sin() * la2.cos();
    let x = la1.cos() * la2.sin() - la1.sin() * la2.cos() * dlon.cos();
    (y.atan2(x).to_degrees() + 360.0) % 360.0
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
    pub fn of(bearing: f64) -> Compass {
        const ALL: [Compass; 8] =
            [Compass::N, Compass::NE, Compass::E, Compass::SE, Compass::S, Compass::SW, Compass::W, Compass::NW];
        let i = (((bearing % 360.0 + 360.0) % 360.0 + 22.5) / 45.0) as usize % 8;
        ALL[i]
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
        assert_eq!(Compass::of(bearing_deg(a, b)), Compass::SW);
        assert_eq!(Compass::of(bearing_deg(b, a)), Compass::NE);
    }

    #[test]
    fn cardinal_bearings() {
        let o = p(31.4, 34.4);
        assert_eq!(Compass::of(bearing_deg(o, p(31.5, 34.4))), Compass::N);
        assert_eq!(Compass::of(bearing_deg(o, p(31.4, 34.5))), Compass::E);
        assert_eq!(Compass::of(bearing_deg(o, p(31.3, 34.4))), Compass::S);
        assert_eq!(Compass::of(bearing_deg(o, p(31.4, 34.3))), Compass::W);
        assert_eq!(Compass::of(359.0), Compass::N);
        assert_eq!(Compass::of(22.4), Compass::N);
        assert_eq!(Compass::of(22.6), Compass::NE);
        assert_eq!(Compass::of(-90.0), Compass::W);
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
    }
}
