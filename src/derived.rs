//! What the views show, derived from the portal's state as memos: the merged
//! lists, ordered by whether each place is open now, the search indexes, and
//! the items a view's address asks for. A view reads these; it never works
//! them out itself, and never from another view.

use crate::route::Route;
use crate::store::FeedSlot;
use bawaba_model::filter::{nearest_first, Filter};
use bawaba_model::order::stable_order;
use bawaba_model::merge::merge;
use bawaba_model::search::{Query, Searchable};
use bawaba_model::{order_notices, Corridor, DistributionPoint, Feed, FeedKind, ItemBase, Items, Notice, Openness, Point, Tz};
use bawaba_ui::status::Stated;
use chrono::{DateTime, Utc};
use leptos::prelude::*;
use std::collections::HashMap;
use std::sync::Arc;

/// Every item of a kind, what several publishers describe as one entry.
pub type Merged<T> = Arc<Vec<Arc<T>>>;

/// Places with whether each is open now, open ones first, then those
/// opening soonest (`Openness::rank`).
pub type Ordered<T> = Arc<Open<T>>;

/// The places of an [`Ordered`] list, and what it was worked out from: the
/// merged list, the time and whether the clock seemed wrong.
pub struct Open<T> {
    places: Vec<(Openness, Arc<T>)>,
    from: (Merged<T>, DateTime<Utc>, bool),
}

impl<T> std::ops::Deref for Open<T> {
    type Target = [(Openness, Arc<T>)];

    fn deref(&self) -> &Self::Target {
        &self.places
    }
}

/// Normalized search text of every item, by item identity.
pub struct Index {
    text: HashMap<usize, String>,
    /// The items it was built from: held, so that no other item can take
    /// one of their addresses (the keys) while the index stands. Of any
    /// kind: one type of memo in the wasm for the three indexes.
    from: Arc<dyn std::any::Any + Send + Sync>,
}

pub type SearchIndex = Arc<Index>;

/// An item's key in the search index and in lists: its identity, not its id
/// (ids are only unique within one feed) nor its `updated_at` (a publisher
/// may correct an item without changing it, and the correction must show).
/// Each copy of a feed is parsed into new items, so an update redraws them.
pub fn item_key<T>(item: &Arc<T>) -> usize {
    Arc::as_ptr(item) as *const () as usize
}

/// True when two lists differ, comparing items by identity: large feeds are
/// never compared field by field.
pub fn list_changed<T>(old: Option<&Vec<Arc<T>>>, new: Option<&Vec<Arc<T>>>) -> bool {
    match (old, new) {
        (Some(a), Some(b)) => a.len() != b.len() || a.iter().zip(b).any(|(x, y)| !Arc::ptr_eq(x, y)),
        _ => true,
    }
}

fn ordered_changed<T>(old: Option<&Ordered<T>>, new: Option<&Ordered<T>>) -> bool {
    match (old, new) {
        (Some(a), Some(b)) if Arc::ptr_eq(a, b) => false,
        (Some(a), Some(b)) => a.len() != b.len() || a.iter().zip(b.iter()).any(|(x, y)| x.0 != y.0 || !Arc::ptr_eq(&x.1, &y.1)),
        _ => true,
    }
}

/// Every item of each kind from every loaded feed, what several publishers
/// describe as one entry (`bawaba_model::merge`); notices in reading order.
#[derive(Default)]
pub struct Lists {
    /// The feeds each kind was merged from (corridors, points, notices).
    from: [Vec<Arc<Feed>>; 3],
    pub corridors: Merged<Corridor>,
    pub points: Merged<DistributionPoint>,
    pub notices: Merged<Notice>,
}

fn items<T>(feeds: &[Arc<Feed>], pick: fn(&Items) -> Option<&Vec<Arc<T>>>) -> Vec<&[Arc<T>]> {
    feeds.iter().filter_map(|f| pick(&f.items).map(Vec::as_slice)).collect()
}

/// The merged lists, each merged again only when one of its own feeds
/// changes: not when a check of a feed starts or ends, nor when a feed of
/// another kind arrives (on a 10,000-point feed beside another publisher's,
/// merging each time cost over a second of a slow phone's first screen).
pub fn lists(feeds: Arc<Vec<FeedSlot>>) -> Memo<Arc<Lists>> {
    Memo::new_with_compare(
        move |before: Option<&Arc<Lists>>| {
            let loaded: Vec<Arc<Feed>> = feeds.iter().filter_map(|s| s.state.with(|st| st.feed.clone())).collect();
            let of = |kind: FeedKind| loaded.iter().filter(|f| f.kind() == kind).cloned().collect::<Vec<_>>();
            let from = [of(FeedKind::Corridors), of(FeedKind::DistributionPoints), of(FeedKind::Notices)];
            let old = before.filter(|b| b.from.iter().zip(&from).all(|(a, b)| !list_changed(Some(a), Some(b))));
            if let Some(old) = old {
                return old.clone();
            }
            let kept = |i: usize| before.filter(|b| !list_changed(Some(&b.from[i]), Some(&from[i])));
            let corridors = kept(0).map_or_else(|| Arc::new(merge(&items(&from[0], |i| if let Items::Corridors(v) = i { Some(v) } else { None }))), |b| b.corridors.clone());
            let points = kept(1).map_or_else(|| Arc::new(merge(&items(&from[1], |i| if let Items::DistributionPoints(v) = i { Some(v) } else { None }))), |b| b.points.clone());
            let notices = kept(2).map_or_else(
                || {
                    let mut v = merge(&items(&from[2], |i| if let Items::Notices(v) = i { Some(v) } else { None }));
                    order_notices(&mut v);
                    Arc::new(v)
                },
                |b| b.notices.clone(),
            );
            Arc::new(Lists { from, corridors, points, notices })
        },
        |a, b| !matches!((a, b), (Some(a), Some(b)) if Arc::ptr_eq(a, b)),
    )
}

/// Every place ordered by whether it is open now. Recomputed when its own
/// items or the clock change, not when the reader filters nor when a feed
/// of another kind arrives (each pass over a 10,000-point feed costs a slow
/// phone 50 ms). A clock that seems wrong orders nothing by "open now".
pub fn ordered<T: Stated + Send + Sync + 'static>(
    lists: Memo<Arc<Lists>>,
    pick: fn(&Lists) -> &Merged<T>,
    now: RwSignal<DateTime<Utc>>,
    clock_wrong: Memo<bool>,
    tz: Tz,
) -> Memo<Ordered<T>> {
    Memo::new_with_compare(
        move |before: Option<&Ordered<T>>| {
            let (now, wrong) = (now.get(), clock_wrong.get());
            lists.with(|l| {
                let items = pick(l);
                if let Some(b) = before.filter(|b| Arc::ptr_eq(&b.from.0, items) && b.from.1 == now && b.from.2 == wrong) {
                    return b.clone();
                }
                let open: Vec<Openness> = items.iter().map(|i| if wrong { Openness::Unknown } else { i.openness_at(now, tz) }).collect();
                // Ranks are sorted, not the items: one sort in the wasm for
                // every kind of item (and for nearest first).
                let order = stable_order(open.iter().map(|o| o.rank().key()));
                let places = order.into_iter().map(|n| (open[n], items[n].clone())).collect();
                Arc::new(Open { places, from: (items.clone(), now, wrong) })
            })
        },
        ordered_changed,
    )
}

/// One kind of item as the search sees it.
pub trait Searched {
    /// The list's identity, held by its index.
    fn list(&self) -> Arc<dyn std::any::Any + Send + Sync>;
    /// Each item's search text, by its key.
    fn texts(&self) -> HashMap<usize, String>;
}

impl<T: Searchable + Send + Sync + 'static> Searched for Merged<T> {
    fn list(&self) -> Arc<dyn std::any::Any + Send + Sync> {
        self.clone()
    }

    fn texts(&self) -> HashMap<usize, String> {
        self.iter().map(|i| (item_key(i), i.haystack())).collect()
    }
}

/// The search text of every item of a kind, built once per change of its
/// items, and only once someone searches (a memo is worked out when first
/// read). Not generic: one memo in the wasm for the three indexes.
pub fn search_index(lists: Memo<Arc<Lists>>, pick: fn(&Lists) -> &dyn Searched) -> Memo<SearchIndex> {
    Memo::new_with_compare(
        move |before: Option<&SearchIndex>| {
            lists.with(|l| {
                let list = pick(l).list();
                match before {
                    // Only another kind's feed changed: this index stands.
                    Some(b) if Arc::ptr_eq(&b.from, &list) => b.clone(),
                    _ => Arc::new(Index { text: pick(l).texts(), from: list }),
                }
            })
        },
        |a, b| !matches!((a, b), (Some(a), Some(b)) if Arc::ptr_eq(a, b)),
    )
}

/// An item's normalized search text, when there is a search.
fn haystack<'a, T>(index: &'a Option<SearchIndex>, item: &Arc<T>) -> Option<&'a str> {
    index.as_ref()?.text.get(&item_key(item)).map(String::as_str)
}

/// The places the current address asks for: one by `id`, or those the
/// filters keep (`bawaba_model::filter`), nearest first when the reader
/// asked for "near me".
pub fn visible<T: Searchable + Send + Sync + 'static>(
    route: RwSignal<Route>,
    here: RwSignal<Option<Point>>,
    ordered: Memo<Ordered<T>>,
    index: Memo<SearchIndex>,
    base: fn(&T) -> &ItemBase,
    // The view's own filters (service, …).
    keep: fn(&Filter, &T) -> bool,
) -> Memo<Vec<Arc<T>>> {
    Memo::new_with_compare(
        move |_| {
            let r = route.get();
            let filter = r.filter();
            let index = (!filter.query.is_empty()).then(|| index.get());
            let mut items: Vec<Arc<T>> = ordered.with(|v| {
                v.iter()
                    .filter(|(open, i)| filter.keeps_place(base(i), open.is_open(), || haystack(&index, i)) && keep(&filter, i))
                    .map(|(_, i)| i.clone())
                    .collect()
            });
            if let Some(here) = here.get() {
                nearest_first(&mut items, here, |i| base(i).location);
            }
            items
        },
        list_changed,
    )
}

/// No filter of a view's own (crossings and roads).
pub fn keep_all<T>(_: &Filter, _: &T) -> bool {
    true
}

/// The aid points' own filter: `?service=`.
pub fn keep_point(f: &Filter, p: &DistributionPoint) -> bool {
    f.keeps_services(&p.services)
}

/// The notices the address asks for, in reading order, current ones (any
/// with an `id`). With `index`, for the notices view: past ones with
/// `?past=1`, and the search reads the text built once per feed, as the
/// other lists do; without (widgets, the overview), nothing is searched.
pub fn notices(route: RwSignal<Route>, now: RwSignal<DateTime<Utc>>, lists: Memo<Arc<Lists>>, index: Option<Memo<SearchIndex>>) -> Memo<Vec<Arc<Notice>>> {
    Memo::new_with_compare(
        move |_| {
            let r = route.get();
            let (mut filter, now) = (r.filter(), now.get());
            let past = r.past && index.is_some();
            let index = match index {
                Some(m) if !filter.query.is_empty() => Some(m.get()),
                _ => {
                    filter.query = Query::default();
                    None
                }
            };
            lists.with(|l| {
                l.notices
                    .iter()
                    .filter(|n| (filter.id.is_some() || n.is_expired(now) == past) && filter.keeps_notice(n, || haystack(&index, n)))
                    .cloned()
                    .collect()
            })
        },
        list_changed,
    )
}
