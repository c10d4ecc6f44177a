//! Which governorate a point is in, from the five governorates' boundaries
//! (OCHA COD-AB via geoBoundaries, CC BY 3.0 IGO; `data/SOURCES.md` has the
//! attribution any view that draws them must show). Simplified boundaries:
//! good for "you are in Khan Younis" and for checking a publisher's `area`
//! against its `point`, not for surveying.

use crate::feed::{Area, Point};

include!(concat!(env!("OUT_DIR"), "/governorates.rs"));

/// Whether (lon, lat) in 1e-4 degree is inside a ring: a ray to the east
/// crosses its edges an odd number of times.
fn inside(ring: &[(i32, i32)], lon: f64, lat: f64) -> bool {
    let mut odd = false;
    for pair in ring.windows(2) {
        let ((x1, y1), (x2, y2)) = (pair[0], pair[1]);
        let (x1, y1, x2, y2) = (f64::from(x1), f64::from(y1), f64::from(x2), f64::from(y2));
        if (y1 > lat) != (y2 > lat) && lon < x1 + (lat - y1) * (x2 - x1) / (y2 - y1) {
            odd = !odd;
        }
    }
    odd
}

/// The governorate `p` is in; None outside the Strip. A point exactly on a
/// shared border goes to one of the two, the same one every time.
pub fn governorate_at(p: Point) -> Option<Area> {
    let (lon, lat) = (p.lon * 10_000.0, p.lat * 10_000.0);
    BOUNDARIES.iter().find(|(_, ring)| inside(ring, lon, lat)).map(|(slug, _)| Area::from_wire(slug))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn point(lon_e4: f64, lat_e4: f64) -> Point {
        Point { lat: lat_e4 / 10_000.0, lon: lon_e4 / 10_000.0 }
    }

    #[test]
    fn five_governorates_north_to_south_with_closed_rings() {
        let slugs: Vec<_> = BOUNDARIES.iter().map(|(s, _)| *s).collect();
        assert_eq!(slugs, ["north_gaza", "gaza", "deir_al_balah", "khan_younis", "rafah"]);
        assert!(BOUNDARIES.iter().all(|(_, r)| r.len() > 3 && r.first() == r.last()));
        assert!(BOUNDARIES.iter().all(|(s, _)| Area::KNOWN.contains(&Area::from_wire(s))));
    }

    /// The centre of each governorate's vertices is in it, and in no other.
    #[test]
    fn each_governorate_contains_its_centre() {
        for (slug, ring) in BOUNDARIES {
            let n = (ring.len() - 1) as f64;
            let (x, y) = ring[1..].iter().fold((0.0, 0.0), |(x, y), &(a, b)| (x + f64::from(a) / n, y + f64::from(b) / n));
            assert_eq!(governorate_at(point(x, y)), Some(Area::from_wire(slug)), "{slug}");
            let others = BOUNDARIES.iter().filter(|(s, r)| s != slug && inside(r, x, y)).count();
            assert_eq!(others, 0, "{slug}'s centre is in one governorate only");
        }
    }

    /// An edge two neighbours share: a step to either side of its middle
    /// lands in one and then the other.
    fn across_shared_border(a: &str, b: &str) {
        let ring = |s: &str| BOUNDARIES.iter().find(|(x, _)| *x == s).unwrap().1;
        let (ra, rb) = (ring(a), ring(b));
        let shared = ra.windows(2).find(|e| rb.windows(2).any(|f| (f[0] == e[1] && f[1] == e[0]) || f == *e)).expect("a shared edge");
        let ((x1, y1), (x2, y2)) = (shared[0], shared[1]);
        let (mx, my) = (f64::from(x1 + x2) / 2.0, f64::from(y1 + y2) / 2.0);
        let (dx, dy) = (f64::from(x2 - x1), f64::from(y2 - y1));
        let len = (dx * dx + dy * dy).sqrt();
        // 2 × 1e-4 degree, about 20 m, at right angles to the edge.
        let (nx, ny) = (-dy / len * 2.0, dx / len * 2.0);
        let one = governorate_at(point(mx + nx, my + ny));
        let other = governorate_at(point(mx - nx, my - ny));
        let (a, b) = (Some(Area::from_wire(a)), Some(Area::from_wire(b)));
        assert!((one == a && other == b) || (one == b && other == a), "{one:?} / {other:?}");
    }

    #[test]
    fn points_just_either_side_of_two_shared_borders() {
        across_shared_border("gaza", "deir_al_balah");
        across_shared_border("khan_younis", "rafah");
    }

    /// The cases where counting crossings goes wrong: a ray through a vertex
    /// counts once, and a point on a western edge is inside (so one on a
    /// border shared with a western neighbour is in exactly one of the two).
    #[test]
    fn a_ray_through_a_vertex_and_a_point_on_an_edge() {
        let ring = [(0, 0), (10, 0), (12, 5), (10, 10), (0, 10), (0, 0)];
        assert!(inside(&ring, 5.0, 5.0), "the ray passes through (12, 5)");
        assert!(inside(&ring, 0.0, 5.0), "on the western edge");
        assert!(!inside(&ring, 12.0, 5.0), "on the eastern vertex");
        assert!(!inside(&ring, -1.0, 5.0) && !inside(&ring, 13.0, 5.0));
    }

    #[test]
    fn outside_the_strip_is_nowhere() {
        assert_eq!(governorate_at(Point { lat: 31.5, lon: 34.3 }), None, "the sea off Gaza City");
        assert_eq!(governorate_at(Point { lat: 31.2, lon: 34.2 }), None, "Sinai");
        assert_eq!(governorate_at(Point { lat: 31.45, lon: 34.6 }), None, "east of the fence");
    }

    #[test]
    fn known_places_are_in_their_governorate() {
        // Khan Younis town centre and Rafah town centre.
        assert_eq!(governorate_at(Point { lat: 31.3462, lon: 34.3063 }), Some(Area::KhanYounis));
        assert_eq!(governorate_at(Point { lat: 31.2870, lon: 34.2522 }), Some(Area::Rafah));
        assert_eq!(governorate_at(Point { lat: 31.5200, lon: 34.4500 }), Some(Area::Gaza));
    }
}
