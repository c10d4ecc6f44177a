//! Which governorate a point is in, from the five governorates' boundaries
//! (OCHA COD-AB via geoBoundaries, CC BY 3.0 IGO; `data/SOURCES.md` has the
//! attribution any view that draws them must show). Simplified boundaries:
//! good for "you are in Khan Younis" and for checking a publisher's `area`
//! against its `point`, not for surveying.

use crate::feed::{Area, ItemBase, Items, Point};

include!(concat!(env!("OUT_DIR"), "/governorates.rs"));

/// Where the table's numbers count from (34.2° E, 31.2° N), in 1e-4 degree.
pub const ORIGIN: (i32, i32) = (342_000, 312_000);

/// A point of the table.
pub fn point_of((lon, lat): (u16, u16)) -> Point {
    Point { lat: f64::from(i32::from(lat) + ORIGIN.1) / 1e4, lon: f64::from(i32::from(lon) + ORIGIN.0) / 1e4 }
}

/// Whether (lon, lat) in the table's units is inside a ring: a ray to the
/// east crosses its edges an odd number of times.
fn inside(ring: &[(u16, u16)], lon: f64, lat: f64) -> bool {
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
    let (lon, lat) = (p.lon * 1e4 - f64::from(ORIGIN.0), p.lat * 1e4 - f64::from(ORIGIN.1));
    BOUNDARIES.iter().find(|(_, ring)| inside(ring, lon, lat)).map(|(slug, _)| Area::from_wire(slug))
}

/// The governorate `p` lies in when the item's `area` names others only.
/// The portal still files the item under the publisher's `area`; this is for
/// `bawaba-feed validate` and the portal's diagnostics to point out.
pub fn elsewhere(p: Point, area: &[Area]) -> Option<Area> {
    governorate_at(p).filter(|g| !area.is_empty() && !area.contains(g))
}

/// Every located item whose point lies in another governorate than its
/// `area` names, with the governorate it lies in: the diagnostics' list.
pub fn misfiled(items: &Items) -> Vec<(&ItemBase, Area)> {
    let bases: Vec<&ItemBase> = match items {
        Items::Corridors(v) => v.iter().map(|c| &c.base).collect(),
        Items::DistributionPoints(v) => v.iter().map(|p| &p.base).collect(),
        Items::Notices(v) => v.iter().map(|n| &n.base).collect(),
    };
    bases.into_iter().filter_map(|b| Some((b, elsewhere(b.location?, &b.area)?))).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A point in the table's units.
    fn point(lon: f64, lat: f64) -> Point {
        Point { lat: (lat + f64::from(ORIGIN.1)) / 10_000.0, lon: (lon + f64::from(ORIGIN.0)) / 10_000.0 }
    }

    #[test]
    fn table_points_read_back_as_degrees() {
        assert_eq!(point_of((0, 0)), Point { lat: 31.2, lon: 34.2 });
        assert_eq!(point_of((2463, 613)), Point { lat: 31.2613, lon: 34.4463 });
        assert_eq!(point_of(BOUNDARIES[4].1[0]), point(f64::from(BOUNDARIES[4].1[0].0), f64::from(BOUNDARIES[4].1[0].1)));
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
        let (dx, dy) = (f64::from(x2) - f64::from(x1), f64::from(y2) - f64::from(y1));
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

    #[test]
    fn elsewhere_names_the_governorate_only_when_the_area_leaves_it_out() {
        let rafah = Point { lat: 31.2870, lon: 34.2522 };
        assert_eq!(elsewhere(rafah, &[Area::KhanYounis]), Some(Area::Rafah));
        assert_eq!(elsewhere(rafah, &[Area::KhanYounis, Area::Rafah]), None, "one of its areas");
        assert_eq!(elsewhere(rafah, &[Area::Rafah]), None);
        assert_eq!(elsewhere(rafah, &[]), None, "no area given: nothing to disagree with");
        assert_eq!(elsewhere(Point { lat: 31.5, lon: 34.3 }, &[Area::Gaza]), None, "at sea: in no governorate");
    }

    #[test]
    fn misfiled_lists_located_items_outside_their_area() {
        let f = crate::parse_feed(br#"{"format":"bawaba-feed/1","kind":"notices","id":"t","publisher":{"name":{"en":"P"}},
            "published_at":"2026-11-24T06:00:00Z","items":[
            {"id":"in-rafah","updated_at":"2026-11-24T06:00:00Z","title":{"en":"a"},"category":"uxo","severity":"danger","effective_at":"2026-11-24T06:00:00Z","area":["khan_younis"],"location":{"lat":31.287,"lon":34.2522}},
            {"id":"agrees","updated_at":"2026-11-24T06:00:00Z","title":{"en":"b"},"category":"uxo","severity":"danger","effective_at":"2026-11-24T06:00:00Z","area":["rafah"],"location":{"lat":31.287,"lon":34.2522}},
            {"id":"no-point","updated_at":"2026-11-24T06:00:00Z","title":{"en":"c"},"category":"uxo","severity":"danger","effective_at":"2026-11-24T06:00:00Z","area":["gaza"]}
            ]}"#).unwrap();
        let found: Vec<_> = misfiled(&f.items).into_iter().map(|(b, a)| (b.id.as_str(), a)).collect();
        assert_eq!(found, [("in-rafah", Area::Rafah)]);
    }
}
