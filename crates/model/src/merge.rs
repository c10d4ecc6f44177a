//! Several publishers, one view: items of different feeds that describe the
//! same thing (the same `id`, or a `same_as` naming the other's item) become
//! one entry that keeps every publisher's statement, newest first. When their
//! statuses differ the entry says so and claims neither: its status is
//! `SourcesDiffer`, which is never "open now". One rule for the portal's
//! lists, widgets, map, printed page and share text and for the static pages.

use crate::feed::{Corridor, CorridorStatus, Declared, DistributionPoint, ItemBase, Notice, PointStatus, Source, Statement};
use std::collections::HashMap;
use std::sync::Arc;

/// An item kind several publishers may describe.
pub trait Mergeable: Clone {
    fn base(&self) -> &ItemBase;
    fn base_mut(&mut self) -> &mut ItemBase;
    fn declared(&self) -> Declared;
    /// Makes the entry say that its publishers disagree.
    fn disputed(&mut self);
}

impl Mergeable for Corridor {
    fn base(&self) -> &ItemBase {
        &self.base
    }
    fn base_mut(&mut self) -> &mut ItemBase {
        &mut self.base
    }
    fn declared(&self) -> Declared {
        Declared::Corridor(self.status.clone())
    }
    fn disputed(&mut self) {
        self.status = CorridorStatus::SourcesDiffer;
    }
}

impl Mergeable for DistributionPoint {
    fn base(&self) -> &ItemBase {
        &self.base
    }
    fn base_mut(&mut self) -> &mut ItemBase {
        &mut self.base
    }
    fn declared(&self) -> Declared {
        Declared::Point(self.status.clone())
    }
    fn disputed(&mut self) {
        self.status = PointStatus::SourcesDiffer;
    }
}

impl Mergeable for Notice {
    fn base(&self) -> &ItemBase {
        &self.base
    }
    fn base_mut(&mut self) -> &mut ItemBase {
        &mut self.base
    }
    fn declared(&self) -> Declared {
        Declared::Notice(self.severity.clone())
    }
    /// A notice has no status to withhold: it takes the gravest severity any
    /// publisher gave, so a danger one still reaches the danger banner.
    fn disputed(&mut self) {
        let gravest = self.base.statements.iter().filter_map(|s| match &s.declared {
            Declared::Notice(v) => Some(v),
            _ => None,
        });
        if let Some(v) = gravest.min_by_key(|v| v.rank()) {
            self.severity = v.clone();
        }
    }
}

impl ItemBase {
    /// True when the publishers of a merged entry declared different things.
    pub fn sources_differ(&self) -> bool {
        self.statements.windows(2).any(|w| w[0].declared != w[1].declared)
    }

    /// Whether `feed` (a feed's `id`) is among the publishers of this entry.
    pub fn published_in(&self, feed: &str) -> bool {
        let is = |s: &Option<Arc<Source>>| s.as_ref().and_then(|s| s.feed.as_deref()) == Some(feed);
        is(&self.source) || self.statements.iter().any(|s| is(&s.source))
    }

    /// Whether this entry is, or includes, the item `id` of any feed: a
    /// shared link names one publisher's item and must find its entry.
    pub fn answers_to(&self, id: &str) -> bool {
        self.id == id || self.statements.iter().any(|s| s.id == id)
    }
}

/// The items of several feeds of one kind (in the deployment's order), with
/// those that describe the same thing made one entry. The entry is the
/// newest statement's item, listed where the first of them was, filed under
/// every area any of them names. Items nobody else describes are passed
/// through as they are (the same `Arc`).
pub fn merge<T: Mergeable>(feeds: &[&[Arc<T>]]) -> Vec<Arc<T>> {
    let all: Vec<&Arc<T>> = feeds.iter().flat_map(|items| items.iter()).collect();
    let bases: Vec<&ItemBase> = all.iter().map(|i| i.base()).collect();
    let Some(groups) = groups(&bases, feeds.len()) else { return all.into_iter().cloned().collect() };
    groups
        .into_iter()
        .map(|members| {
            if members.len() == 1 {
                return all[members[0]].clone();
            }
            let declared: Vec<Declared> = members.iter().map(|&n| all[n].declared()).collect();
            let mut entry = T::clone(all[members[0]]);
            *entry.base_mut() = one_base(&members, &bases, declared);
            if entry.base().sources_differ() {
                entry.disputed();
            }
            Arc::new(entry)
        })
        .collect()
}

/// Which items are one thing: groups of positions, newest first, groups in
/// the order of their first item; `None` when no two are. Not generic, as
/// `one_base`, so the portal carries them once for the three kinds of item.
fn groups(bases: &[&ItemBase], feeds: usize) -> Option<Vec<Vec<usize>>> {
    if feeds < 2 {
        return None;
    }
    // Every position of each id (at most one per feed: ids are unique within one).
    let mut by_id: HashMap<&str, Vec<usize>> = HashMap::new();
    for (n, b) in bases.iter().enumerate() {
        by_id.entry(b.id.as_str()).or_default().push(n);
    }
    let named = bases.iter().any(|b| !b.same_as.is_empty());
    if !named && by_id.values().all(|v| v.len() == 1) {
        return None;
    }
    let feed_of = |n: usize| bases[n].source.as_ref().and_then(|s| s.feed.as_deref());
    let mut parent: Vec<usize> = (0..bases.len()).collect();
    for same in by_id.values() {
        for &n in &same[1..] {
            union(&mut parent, same[0], n);
        }
    }
    for (n, b) in bases.iter().enumerate() {
        for r in &b.same_as {
            for &other in by_id.get(r.id.as_str()).into_iter().flatten() {
                if feed_of(other) == Some(r.feed.as_str()) {
                    union(&mut parent, other, n);
                }
            }
        }
    }
    // A group's place is its first member's; `slot` maps a root to its group.
    let mut slot = vec![usize::MAX; bases.len()];
    let mut groups: Vec<Vec<usize>> = vec![];
    for n in 0..bases.len() {
        let root = find(&mut parent, n);
        if slot[root] == usize::MAX {
            slot[root] = groups.len();
            groups.push(vec![]);
        }
        // Newest first; among equals, the deployment's order (a group has a
        // few members: an insertion keeps the wasm free of another sort).
        let g = &mut groups[slot[root]];
        let at = g.iter().position(|&m| bases[m].updated_at < bases[n].updated_at).unwrap_or(g.len());
        g.insert(at, n);
    }
    Some(groups)
}

/// The merged entry's base: the newest statement's, with every statement,
/// every area any of them names, and a location if only an older one gave it.
fn one_base(members: &[usize], bases: &[&ItemBase], declared: Vec<Declared>) -> ItemBase {
    let mut base = bases[members[0]].clone();
    base.statements = members
        .iter()
        .zip(declared)
        .map(|(&n, declared)| {
            let b = bases[n];
            Statement { source: b.source.clone(), id: b.id.clone(), updated_at: b.updated_at, declared, notes: b.notes.clone() }
        })
        .collect();
    for &n in &members[1..] {
        for a in &bases[n].area {
            if !base.area.contains(a) {
                base.area.push(a.clone());
            }
        }
        base.location = base.location.or(bases[n].location);
    }
    base
}

fn find(parent: &mut [usize], mut n: usize) -> usize {
    while parent[n] != n {
        parent[n] = parent[parent[n]];
        n = parent[n];
    }
    n
}

/// Joins two groups. Which root stays does not matter: a group's place is
/// its first member's, found in `groups` by walking the items in order.
fn union(parent: &mut [usize], a: usize, b: usize) {
    let (a, b) = (find(parent, a), find(parent, b));
    parent[b] = a;
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{parse_feed, Area, Feed, Items, Severity, Timestamp};

    fn feed(id: &str, publisher: &str, items: &str) -> Feed {
        let json = format!(
            r#"{{"format": "bawaba-feed/1", "kind": "distribution_points", "id": "{id}", "publisher": {{"name": {{"en": "{publisher}"}}}}, "items": [{items}]}}"#
        );
        parse_feed(json.as_bytes()).unwrap()
    }

    fn point(id: &str, status: &str, updated: &str, extra: &str) -> String {
        format!(
            r#"{{"id": "{id}", "updated_at": "2026-11-24T{updated}:00+02:00", "name": {{"en": "{id}"}}, "location": {{"lat": 31.5, "lon": 34.45}}, "status": "{status}"{extra}}}"#
        )
    }

    fn points(f: &Feed) -> &[Arc<DistributionPoint>] {
        match &f.items {
            Items::DistributionPoints(v) => v,
            _ => unreachable!(),
        }
    }

    fn publishers(p: &DistributionPoint) -> Vec<String> {
        p.base.statements.iter().map(|s| s.source.as_ref().unwrap().feed.clone().unwrap()).collect()
    }

    #[test]
    fn every_item_knows_its_feed_and_publisher() {
        let a = feed("a", "Relief committee", &point("bakery", "open", "06:00", ""));
        let source = points(&a)[0].base.source.clone().unwrap();
        assert_eq!(source.feed.as_deref(), Some("a"));
        assert_eq!(source.publisher.as_ref().unwrap().0[0].1, "Relief committee");
    }

    #[test]
    fn the_same_id_in_two_feeds_is_one_entry_newest_first() {
        let a = feed("a", "A", &[point("bakery", "open", "06:00", r#", "area": ["gaza"]"#), point("kitchen", "open", "06:00", "")].join(","));
        let b = feed("b", "B", &point("bakery", "open", "09:00", r#", "area": ["north_gaza"], "notes": {"en": "queue long"}"#));
        let merged = merge(&[points(&a), points(&b)]);
        assert_eq!(merged.iter().map(|p| p.base.id.as_str()).collect::<Vec<_>>(), ["bakery", "kitchen"]);
        let bakery = &merged[0];
        assert_eq!(publishers(bakery), ["b", "a"], "newest first");
        assert_eq!(bakery.base.notes.as_ref().unwrap().0[0].1, "queue long", "the entry is the newest statement");
        assert_eq!(bakery.status, PointStatus::Open, "they agree: the status stands");
        assert!(!bakery.base.sources_differ());
        assert_eq!(bakery.base.area, [Area::NorthGaza, Area::Gaza], "filed under both publishers' areas");
        assert!(Arc::ptr_eq(&merged[1], &points(&a)[1]), "an item nobody else describes is passed through");
        assert!(merged[1].base.statements.is_empty());
    }

    #[test]
    fn publishers_who_disagree_are_both_kept_and_neither_is_claimed() {
        let a = feed("a", "A", &point("bakery", "open", "09:00", ""));
        let b = feed("b", "B", &point("bakery", "closed", "06:00", ""));
        let merged = merge(&[points(&a), points(&b)]);
        assert_eq!(merged.len(), 1);
        let p = &merged[0];
        assert!(p.base.sources_differ());
        assert_eq!(p.status, PointStatus::SourcesDiffer);
        assert_eq!(p.status.class(), crate::StatusClass::Unknown, "never open now");
        let said: Vec<_> = p.base.statements.iter().map(|s| s.declared.clone()).collect();
        assert_eq!(said, [Declared::Point(PointStatus::Open), Declared::Point(PointStatus::Closed)]);
    }

    #[test]
    fn same_as_names_another_publishers_item() {
        let a = feed("a", "A", &point("bakery-12", "open", "06:00", ""));
        let b = feed("b", "B", &point("israa", "out_of_stock", "08:00", r#", "same_as": [{"feed": "a", "id": "bakery-12"}]"#));
        let merged = merge(&[points(&a), points(&b)]);
        assert_eq!(merged.len(), 1);
        assert_eq!(publishers(&merged[0]), ["b", "a"]);
        assert!(merged[0].base.answers_to("bakery-12") && merged[0].base.answers_to("israa"), "a link to either item finds the entry");
        assert!(!merged[0].base.answers_to("other"));
        assert!(merged[0].base.published_in("a") && merged[0].base.published_in("b"));
        assert!(!merged[0].base.published_in("c"));
        // A reference to a feed or item that is not there merges nothing.
        let c = feed("c", "C", &point("x", "open", "08:00", r#", "same_as": [{"feed": "a", "id": "nope"}, {"feed": "z", "id": "bakery-12"}]"#));
        assert_eq!(merge(&[points(&a), points(&c)]).len(), 2);
    }

    #[test]
    fn three_publishers_and_a_failed_feed() {
        let a = feed("a", "A", &point("bakery", "open", "06:00", ""));
        let b = feed("b", "B", &point("bakery", "open", "07:00", ""));
        let c = feed("c", "C", &point("other-name", "suspended", "08:00", r#", "same_as": [{"feed": "b", "id": "bakery"}]"#));
        let merged = merge(&[points(&a), points(&b), points(&c)]);
        assert_eq!(merged.len(), 1);
        assert_eq!(publishers(&merged[0]), ["c", "b", "a"]);
        assert_eq!(merged[0].status, PointStatus::SourcesDiffer);
        // Feed b failed to load: c's reference finds nothing, a and c stand alone.
        let merged = merge(&[points(&a), points(&c)]);
        assert_eq!(merged.len(), 2);
        assert!(merged.iter().all(|p| p.base.statements.is_empty() && p.status != PointStatus::SourcesDiffer));
    }

    #[test]
    fn one_feed_is_passed_through() {
        let a = feed("a", "A", &[point("x", "open", "06:00", ""), point("y", "closed", "06:00", "")].join(","));
        let merged = merge(&[points(&a)]);
        assert!(merged.iter().zip(points(&a)).all(|(m, p)| Arc::ptr_eq(m, p)));
    }

    #[test]
    fn a_notice_takes_the_gravest_severity_and_says_they_differ() {
        let notice = |id: &str, sev: &str, at: &str| {
            format!(
                r#"{{"format": "bawaba-feed/1", "kind": "notices", "id": "{id}", "items": [{{"id": "uxo", "updated_at": "2026-11-24T{at}:00Z", "title": {{"en": "Shell"}}, "category": "uxo", "severity": "{sev}", "effective_at": "2026-11-24T06:00:00Z"}}]}}"#
            )
        };
        let (a, b) = (parse_feed(notice("a", "danger", "06:00").as_bytes()).unwrap(), parse_feed(notice("b", "info", "07:00").as_bytes()).unwrap());
        let (Items::Notices(a), Items::Notices(b)) = (&a.items, &b.items) else { unreachable!() };
        let merged = merge(&[a, b]);
        assert_eq!(merged.len(), 1);
        assert_eq!(merged[0].severity, Severity::Danger);
        assert!(merged[0].base.sources_differ());
    }

    #[test]
    fn crossings_merge_too_and_disagreeing_ones_are_never_open() {
        let feed = |id: &str, status: &str, at: &str| {
            let json = format!(
                r#"{{"format": "bawaba-feed/1", "kind": "corridors", "id": "{id}", "items": [{{"id": "rafah", "updated_at": "2026-11-24T{at}:00Z", "name": {{"en": "Rafah"}}, "type": "crossing", "status": "{status}", "area": ["{id}"]}}, {{"id": "{id}-only", "updated_at": "2026-11-24T06:00:00Z", "name": {{"en": "x"}}, "type": "road", "status": "open"}}]}}"#
            );
            parse_feed(json.as_bytes()).unwrap()
        };
        let corridors = |f: &Feed| match &f.items {
            Items::Corridors(v) => v.clone(),
            _ => unreachable!(),
        };
        let (a, b) = (corridors(&feed("rafah", "closed", "06:00")), corridors(&feed("gaza", "open", "07:00")));
        let merged = merge(&[&a, &b]);
        assert_eq!(merged.iter().map(|c| c.base.id.as_str()).collect::<Vec<_>>(), ["rafah", "rafah-only", "gaza-only"]);
        assert_eq!(merged[0].status, CorridorStatus::SourcesDiffer);
        assert_eq!(merged[0].base.area, [crate::Area::Gaza, crate::Area::Rafah], "the newest statement's area first");
        let (a2, b2) = (corridors(&feed("rafah", "open", "06:00")), corridors(&feed("gaza", "open", "07:00")));
        assert_eq!(merge(&[&a2, &b2])[0].status, CorridorStatus::Open, "agreeing: the status stands");
    }

    #[test]
    fn a_notice_only_one_publisher_gives_is_its_own_entry() {
        let notice = |feed: &str, id: &str| {
            format!(
                r#"{{"format": "bawaba-feed/1", "kind": "notices", "id": "{feed}", "items": [{{"id": "{id}", "updated_at": "2026-11-24T06:00:00Z", "title": {{"en": "{id}"}}, "category": "uxo", "severity": "info", "effective_at": "2026-11-24T06:00:00Z"}}, {{"id": "shared", "updated_at": "2026-11-24T06:00:00Z", "title": {{"en": "s"}}, "category": "uxo", "severity": "info", "effective_at": "2026-11-24T06:00:00Z"}}]}}"#
            )
        };
        let (a, b) = (parse_feed(notice("a", "one").as_bytes()).unwrap(), parse_feed(notice("b", "two").as_bytes()).unwrap());
        let (Items::Notices(a), Items::Notices(b)) = (&a.items, &b.items) else { unreachable!() };
        let merged = merge(&[a, b]);
        assert_eq!(merged.iter().map(|n| n.base.id.as_str()).collect::<Vec<_>>(), ["one", "shared", "two"]);
        assert_eq!(merged[1].base.statements.len(), 2);
        assert!(!merged[1].base.sources_differ());
    }

    #[test]
    fn among_statements_of_the_same_time_the_deployments_order_stands() {
        let a = feed("a", "A", &point("bakery", "open", "06:00", ""));
        let b = feed("b", "B", &point("bakery", "open", "06:00", ""));
        let c = feed("c", "C", &point("bakery", "open", "06:00", ""));
        assert_eq!(publishers(&merge(&[points(&a), points(&b), points(&c)])[0]), ["a", "b", "c"]);
    }

    #[test]
    fn nothing_shared_is_no_grouping_at_all() {
        let a = feed("a", "A", &point("x", "open", "06:00", ""));
        let b = feed("b", "B", &point("y", "open", "06:00", ""));
        let bases: Vec<&ItemBase> = points(&a).iter().chain(points(&b)).map(|p| &p.base).collect();
        assert_eq!(groups(&bases, 2), None, "two feeds, no id in common, no same_as: the fast path");
        assert_eq!(groups(&bases, 1), None);
        let c = feed("c", "C", &point("z", "open", "08:00", r#", "same_as": [{"feed": "a", "id": "x"}]"#));
        let bases: Vec<&ItemBase> = points(&a).iter().chain(points(&c)).map(|p| &p.base).collect();
        assert_eq!(groups(&bases, 2), Some(vec![vec![1, 0]]), "joined by same_as, newest first");
    }

    #[test]
    fn sources_differ_only_within_one_entry_of_several() {
        let mut base = ItemBase::default();
        assert!(!base.sources_differ());
        let s = |d| Statement { source: None, id: "x".into(), updated_at: Timestamp::default(), declared: d, notes: None };
        base.statements = vec![s(Declared::Point(PointStatus::Open)), s(Declared::Point(PointStatus::Open)), s(Declared::Point(PointStatus::Moved))];
        assert!(base.sources_differ());
        base.statements.pop();
        assert!(!base.sources_differ());
    }
}
