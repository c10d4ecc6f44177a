//! The list filters a reader sets in the address (`?id=`, `area`, `open`,
//! `service`, `category`, `severity`, `publisher`, `q`) and "near me" ordering. Pure, so
//! the portal's lists, its widgets and the tests share one rule.

use crate::feed::{DistributionPoint, ItemBase, Notice, Point, Service};
use crate::geo::distance_m;
use crate::order::stable_order;
use crate::search::Query;

/// What the reader asked for. Values are as written in the address; an
/// unknown value simply matches nothing.
#[derive(Debug, Default)]
pub struct Filter<'a> {
    /// One item: every other filter is ignored, so a shared link always
    /// shows its item.
    pub id: Option<&'a str>,
    pub area: Option<&'a str>,
    /// Only what is open now.
    pub open_only: bool,
    pub service: Option<&'a str>,
    pub category: Option<&'a str>,
    pub severity: Option<&'a str>,
    /// A feed's `id`: what that publisher published (alone or with others).
    pub publisher: Option<&'a str>,
    pub query: Query,
}

impl Filter<'_> {
    /// Whether an item belongs under the area filter. Items without an area
    /// are only listed under "all areas": the portal does not guess where
    /// they are.
    pub fn in_area(&self, base: &ItemBase) -> bool {
        self.area.is_none_or(|f| base.area.iter().any(|a| a.wire() == f))
    }

    /// The filters every list shares. `haystack` is the item's normalized
    /// search text, asked for only when there is a search.
    fn common<'h>(&self, base: &ItemBase, haystack: impl FnOnce() -> Option<&'h str>) -> Option<bool> {
        if let Some(id) = self.id {
            return Some(base.answers_to(id));
        }
        if !self.in_area(base) || self.publisher.is_some_and(|p| !base.published_in(p)) || (!self.query.is_empty() && !haystack().is_some_and(|h| self.query.matches(h))) {
            return Some(false);
        }
        None
    }

    /// A crossing, a road or a distribution point; `open_now` as computed by
    /// the opening-hours rule.
    pub fn keeps_place<'h>(&self, base: &ItemBase, open_now: bool, haystack: impl FnOnce() -> Option<&'h str>) -> bool {
        self.common(base, haystack).unwrap_or(!self.open_only || open_now)
    }

    /// `?service=`, for distribution points.
    pub fn keeps_services(&self, services: &[Service]) -> bool {
        self.id.is_some() || self.service.is_none_or(|s| services.iter().any(|x| x.wire() == s))
    }

    pub fn keeps_point<'h>(&self, p: &DistributionPoint, open_now: bool, haystack: impl FnOnce() -> Option<&'h str>) -> bool {
        self.keeps_place(&p.base, open_now, haystack) && self.keeps_services(&p.services)
    }

    pub fn keeps_notice<'h>(&self, n: &Notice, haystack: impl FnOnce() -> Option<&'h str>) -> bool {
        self.common(&n.base, haystack).unwrap_or(
            self.category.is_none_or(|c| n.category.wire() == c) && self.severity.is_none_or(|s| n.severity.wire() == s),
        )
    }
}

/// Nearest first, to within 10 m. Stable, so among equals the earlier order
/// (open ones first) stays; places without a location go last.
pub fn nearest_first<T: Clone>(items: &mut [T], here: Point, location: impl Fn(&T) -> Option<Point>) {
    let order = stable_order(items.iter().map(|i| location(i).map(|l| (distance_m(here, l) / 10.0) as u64).unwrap_or(u64::MAX)));
    let sorted: Vec<T> = order.into_iter().map(|n| items[n].clone()).collect();
    items.clone_from_slice(&sorted);
}


#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::{normalize, Searchable};
    use crate::{parse_feed, Items};

    fn points() -> Vec<DistributionPoint> {
        let json = r#"{"format": "bawaba-feed/1", "kind": "distribution_points", "items": [
          {"id": "bakery", "updated_at": "2026-11-24T06:00:00+02:00", "name": {"ar": "مخبز الإسراء", "en": "Al-Israa bakery"},
           "location": {"lat": 31.52, "lon": 34.45}, "status": "open", "area": ["gaza"], "services": ["bread"]},
          {"id": "kitchen", "updated_at": "2026-11-24T06:00:00+02:00", "name": {"en": "Community kitchen"},
           "location": {"lat": 31.34, "lon": 34.30}, "status": "open", "area": ["khan_younis"], "services": ["food", "bread"]},
          {"id": "water", "updated_at": "2026-11-24T06:00:00+02:00", "name": {"en": "Water point"},
           "location": {"lat": 31.28, "lon": 34.25}, "status": "out_of_stock", "area": ["rafah"], "services": ["water"]},
          {"id": "clinic", "updated_at": "2026-11-24T06:00:00+02:00", "name": {"ar": "نقطة إسعاف"},
           "location": {"lat": 31.50, "lon": 34.46}, "status": "open", "services": ["medical"]}
        ]}"#;
        match parse_feed(json.as_bytes()).unwrap().items {
            Items::DistributionPoints(v) => v.into_iter().map(|p| (*p).clone()).collect(),
            _ => unreachable!(),
        }
    }

    fn notices() -> Vec<Notice> {
        let json = r#"{"format": "bawaba-feed/1", "kind": "notices", "items": [
          {"id": "uxo", "updated_at": "2026-11-24T06:00:00+02:00", "title": {"en": "Unexploded shell"}, "category": "uxo",
           "severity": "danger", "effective_at": "2026-11-24T06:00:00+02:00", "area": ["khan_younis"]},
          {"id": "water-cut", "updated_at": "2026-11-24T06:00:00+02:00", "title": {"en": "Water cut"}, "category": "water",
           "severity": "info", "effective_at": "2026-11-24T06:00:00+02:00", "area": ["gaza"]},
          {"id": "road", "updated_at": "2026-11-24T06:00:00+02:00", "title": {"en": "Road damaged"}, "category": "roads",
           "severity": "danger", "effective_at": "2026-11-24T06:00:00+02:00"}
        ]}"#;
        match parse_feed(json.as_bytes()).unwrap().items {
            Items::Notices(v) => v.into_iter().map(|n| (*n).clone()).collect(),
            _ => unreachable!(),
        }
    }

    /// Ids of the points the filter keeps; `open` says which are open now.
    fn kept(f: &Filter, open: &[&str]) -> Vec<String> {
        points()
            .iter()
            .filter(|p| {
                let hay = p.haystack();
                f.keeps_point(p, open.contains(&p.base.id.as_str()), || Some(hay.as_str()))
            })
            .map(|p| p.base.id.clone())
            .collect()
    }

    const OPEN: &[&str] = &["bakery", "clinic"];

    #[test]
    fn no_filter_keeps_everything() {
        assert_eq!(kept(&Filter::default(), OPEN), ["bakery", "kitchen", "water", "clinic"]);
    }

    #[test]
    fn area_keeps_only_items_said_to_be_there() {
        let f = Filter { area: Some("gaza"), ..Filter::default() };
        // The clinic has no area: it is not guessed to be in Gaza City.
        assert_eq!(kept(&f, OPEN), ["bakery"]);
        assert!(kept(&Filter { area: Some("atlantis"), ..Filter::default() }, OPEN).is_empty());
    }

    #[test]
    fn service_and_open_now_combine() {
        let bread = Filter { service: Some("bread"), ..Filter::default() };
        assert_eq!(kept(&bread, OPEN), ["bakery", "kitchen"]);
        let open_bread = Filter { service: Some("bread"), open_only: true, ..Filter::default() };
        assert_eq!(kept(&open_bread, OPEN), ["bakery"]);
        let open_in_rafah = Filter { area: Some("rafah"), open_only: true, ..Filter::default() };
        assert!(kept(&open_in_rafah, OPEN).is_empty());
    }

    #[test]
    fn search_forgives_arabic_spelling_and_combines_with_filters() {
        // Typed without hamza: اسعاف finds إسعاف.
        let f = Filter { query: Query::new("اسعاف"), ..Filter::default() };
        assert_eq!(kept(&f, OPEN), ["clinic"]);
        let f = Filter { query: Query::new("الاسراء"), area: Some("gaza"), ..Filter::default() };
        assert_eq!(kept(&f, OPEN), ["bakery"]);
        let f = Filter { query: Query::new("bakery"), area: Some("rafah"), ..Filter::default() };
        assert!(kept(&f, OPEN).is_empty());
        // Without a search, the haystack is never built.
        let p = &points()[0];
        assert!(Filter::default().keeps_point(p, true, || panic!("no search, no haystack")));
        assert_eq!(normalize("إسعاف"), normalize("اسعاف"));
    }

    #[test]
    fn one_item_ignores_the_other_filters() {
        let f = Filter {
            id: Some("water"),
            area: Some("gaza"),
            open_only: true,
            service: Some("bread"),
            query: Query::new("zzz"),
            ..Filter::default()
        };
        assert_eq!(kept(&f, OPEN), ["water"]);
        assert!(kept(&Filter { id: Some("nothing"), ..Filter::default() }, OPEN).is_empty());
    }

    #[test]
    fn notices_by_category_severity_and_area() {
        let ids = |f: &Filter| {
            notices()
                .iter()
                .filter(|n| {
                    let hay = n.haystack();
                    f.keeps_notice(n, || Some(hay.as_str()))
                })
                .map(|n| n.base.id.clone())
                .collect::<Vec<_>>()
        };
        assert_eq!(ids(&Filter { severity: Some("danger"), ..Filter::default() }), ["uxo", "road"]);
        assert_eq!(ids(&Filter { severity: Some("danger"), category: Some("uxo"), ..Filter::default() }), ["uxo"]);
        assert_eq!(
            ids(&Filter { category: Some("water"), area: Some("khan_younis"), ..Filter::default() }),
            Vec::<String>::new()
        );
        assert_eq!(ids(&Filter { query: Query::new("WATER"), ..Filter::default() }), ["water-cut"]);
        assert_eq!(ids(&Filter { id: Some("road"), severity: Some("info"), ..Filter::default() }), ["road"]);
    }

    #[test]
    fn nearest_first_is_stable_and_puts_unlocated_last() {
        let here = Point { lat: 31.51, lon: 34.46 };
        let mut items = vec![
            ("rafah", Some(Point { lat: 31.28, lon: 34.25 })),
            ("nowhere", None),
            ("gaza-a", Some(Point { lat: 31.52, lon: 34.45 })),
            ("gaza-b", Some(Point { lat: 31.52, lon: 34.45 })),
            ("khan-younis", Some(Point { lat: 31.34, lon: 34.30 })),
        ];
        nearest_first(&mut items, here, |i| i.1);
        let order: Vec<_> = items.iter().map(|i| i.0).collect();
        assert_eq!(order, ["gaza-a", "gaza-b", "khan-younis", "rafah", "nowhere"]);
    }

    #[test]
    fn nearest_first_tells_apart_places_a_street_apart() {
        // About 110 m and 30 m north of here, listed farther first: the
        // nearer one comes first although both are well within a kilometre.
        let here = Point { lat: 31.5, lon: 34.45 };
        let mut items = vec![("farther", Point { lat: 31.501, lon: 34.45 }), ("nearer", Point { lat: 31.5003, lon: 34.45 })];
        nearest_first(&mut items, here, |i| Some(i.1));
        assert_eq!(items.iter().map(|i| i.0).collect::<Vec<_>>(), ["nearer", "farther"]);
        // Within 10 m counts as the same distance: the earlier order stays.
        let mut items = vec![("first", Point { lat: 31.50005, lon: 34.45 }), ("second", Point { lat: 31.50001, lon: 34.45 })];
        nearest_first(&mut items, here, |i| Some(i.1));
        assert_eq!(items.iter().map(|i| i.0).collect::<Vec<_>>(), ["first", "second"]);
    }

    #[test]
    fn publisher_keeps_what_that_feed_published_alone_or_with_others() {
        let feed = |id: &str, items: &str| {
            let json = format!(r#"{{"format": "bawaba-feed/1", "kind": "distribution_points", "id": "{id}", "items": [{items}]}}"#);
            match parse_feed(json.as_bytes()).unwrap().items {
                Items::DistributionPoints(v) => v,
                _ => unreachable!(),
            }
        };
        let item = |id: &str| format!(r#"{{"id": "{id}", "updated_at": "2026-11-24T06:00:00Z", "name": {{"en": "{id}"}}, "location": {{"lat": 31.5, "lon": 34.4}}, "status": "open"}}"#);
        let (a, b) = (feed("a", &[item("shared"), item("only-a")].join(",")), feed("b", &[item("shared"), item("only-b")].join(",")));
        let merged = crate::merge::merge(&[&a, &b]);
        let kept = |f: &Filter| merged.iter().filter(|p| f.keeps_point(p, true, || None)).map(|p| p.base.id.as_str()).collect::<Vec<_>>();
        assert_eq!(kept(&Filter { publisher: Some("a"), ..Filter::default() }), ["shared", "only-a"]);
        assert_eq!(kept(&Filter { publisher: Some("b"), ..Filter::default() }), ["shared", "only-b"]);
        assert!(kept(&Filter { publisher: Some("c"), ..Filter::default() }).is_empty());
        // A shared link to one publisher's item finds it whatever else is set.
        assert_eq!(kept(&Filter { id: Some("only-b"), publisher: Some("a"), ..Filter::default() }), ["only-b"]);
    }
}
