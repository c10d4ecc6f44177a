//! What every list view shares: title, sources, area filter, one-item mode.

use crate::components::chrome::NavLink;
use crate::components::feed_status::FeedMeta;
use crate::i18n::{fill, Label, Msg};
use crate::route::Route;
use crate::state::Portal;
use bawaba_model::filter::{nearest_first, Filter};
use bawaba_model::search::Searchable;
use bawaba_model::Point;
use bawaba_model::{openness, Area, FeedKind, ItemBase, Openness, Schedule, StatusClass};
use leptos::prelude::*;
use std::collections::HashMap;
use std::sync::Arc;

/// The page heading; focusable so moving between views can move focus to it.
/// `unseen`: for screen readers only, where the tab bar already shows the
/// name (the overview), leaving the screen to the data.
#[component]
pub fn Title(msg: Msg, #[prop(optional)] unseen: bool) -> impl IntoView {
    let lang = Portal::get().lang;
    view! { <h1 id="view-title" tabindex="-1" class=unseen.then_some("vh")>{move || lang.get().t(msg)}</h1> }
}

/// A choice of governorate, kept in `?area=`.
#[component]
pub fn AreaFilter() -> impl IntoView {
    let portal = Portal::get();
    let (lang, route) = (portal.lang, portal.route);
    let known: Vec<Area> = Area::KNOWN.to_vec();
    let on_change = move |ev: leptos::ev::Event| {
        let value = event_target_value(&ev);
        let area = (!value.is_empty()).then_some(value);
        portal.go(Route { area, id: None, ..route.get_untracked() });
    };
    view! {
        <div class="filter">
            <label for="area-filter">{move || lang.get().t(Msg::AreaLabel)}</label>
            <select id="area-filter" on:change=on_change prop:value=move || route.get().area.unwrap_or_default()>
                <option value="">{move || lang.get().t(Msg::AllAreas)}</option>
                {known
                    .into_iter()
                    .map(|a| {
                        let slug = a.wire().to_owned();
                        let m = a.msg();
                        view! { <option value=slug.clone() selected=move || route.get().area.as_deref() == Some(slug.as_str())>{move || lang.get().t(m)}</option> }
                    })
                    .collect_view()}
            </select>
        </div>
    }
}

/// Which publisher (`?publisher=<feed id>`), offered when several feeds of
/// the kind name themselves.
#[component]
pub fn PublisherFilter(kind: FeedKind) -> impl IntoView {
    let p = Portal::get();
    let (lang, route) = (p.lang, p.route);
    move || {
        let portal = p.clone();
        let on_change = move |ev: leptos::ev::Event| {
            let v = event_target_value(&ev);
            portal.go(Route { publisher: (!v.is_empty()).then_some(v), id: None, ..route.get_untracked() });
        };
        let feeds: Vec<_> = p.feeds_of(kind.clone()).into_iter().filter(|f| f.id.is_some()).collect();
        (feeds.len() > 1).then(|| view! {
            <div class="filter">
                <label for="publisher-filter">{move || lang.get().t(Msg::PublisherLabel)}</label>
                <select id="publisher-filter" on:change=on_change>
                    <option value="">{move || lang.get().t(Msg::AllPublishers)}</option>
                    {feeds.into_iter().map(|f| {
                        let id = f.id.clone().unwrap_or_default();
                        let chosen = route.get_untracked().publisher.as_deref() == Some(id.as_str());
                        let name = f.publisher.as_ref().and_then(|p| p.name.clone());
                        let value = id.clone();
                        view! { <option value=value selected=chosen>{name.map_or(id, |n| bawaba_ui::plain::text_in(&n, lang.get_untracked(), p.default_language()))}</option> }
                    }).collect_view()}
                </select>
            </div>
        })
    }
}

/// The governorate chosen (`?area=`), for the views that follow it. One
/// function, so the wasm carries one memo of this type, not one per view.
pub fn chosen_area() -> Memo<Option<String>> {
    let route = Portal::get().route;
    Memo::new(move |_| route.get().area)
}

/// True on a list, false on one item (`?id=`). A memo, so the filters built
/// under it are built once: rebuilding them on every change of the address
/// would cost time on a 10,000-item feed and take the focus from the search
/// box or the menu the reader is using.
pub fn listing() -> Memo<bool> {
    let route = Portal::get().route;
    Memo::new(move |_| route.get().id.is_none())
}

/// The frame of a list view: heading, sources, optional area filter, and the
/// "back to the list" link in one-item mode.
#[component]
pub fn ListFrame(
    title: Msg,
    kind: FeedKind,
    #[prop(optional)] area_filter: bool,
    /// Offer "near me" (lists of places).
    #[prop(optional)]
    near: bool,
    /// The view's own filters, with the search and area ones.
    #[prop(optional, into)]
    filters: Option<ViewFn>,
    children: Children,
) -> impl IntoView {
    let portal = Portal::get();
    let route = portal.route;
    let lang = portal.lang;
    let single = move || !listing().get();
    let area = chosen_area();
    let publishers = kind.clone();
    view! {
        <Title msg=title/>
        <FeedMeta kind=kind/>
        {move || single().then(|| view! {
            <p class="back">
                <NavLink to=Route { id: None, ..route.get_untracked() }>
                    <span aria-hidden="true" class="flip">"←"</span>" "{move || lang.get().t(Msg::BackToList)}
                </NavLink>
            </p>
        })}
        // Folded on a list, so the first item is on a phone's first screen;
        // open from the start when the address already narrows the list, so
        // what is hidden is never a surprise.
        {move || (!single()).then(|| {
            let r = route.get_untracked();
            let open = r.narrowed() || r.q.is_some() || r.area.is_some();
            view! {
                <details class="filters" open=open>
                    <summary>{move || lang.get().t(Msg::FiltersLabel)}</summary>
                    {area_filter.then(|| view! { <SearchBox/> <AreaFilter/> })}
                    {filters.clone().map(|f| f.run())}
                    <PublisherFilter kind=publishers.clone()/>
                    {near.then(|| view! { <NearMe/> })}
                </details>
            }
            .into_any()
        })}
        {move || area.get().filter(|_| !single()).map(|area| view! {
            <p class="more no-print">
                <NavLink to=Route { view: crate::route::View::Print, area: Some(area), ..Route::default() }>{move || lang.get().t(Msg::PrintLink)}</NavLink>
            </p>
        })}
        {children()}
    }
}

/// Shown when a list is empty, or a linked item is not (or no longer) there.
#[component]
pub fn Empty(filtered: bool, single: bool) -> impl IntoView {
    let portal = Portal::get();
    let p = portal.clone();
    let lang = portal.lang;
    let route = portal.route.get_untracked();
    let msg = if single {
        Msg::ItemNotFound
    } else if route.q.is_some() {
        Msg::NoSearchResults
    } else if route.narrowed() {
        Msg::NoItemsMatch
    } else if filtered {
        Msg::NoItemsInArea
    } else {
        Msg::NoItems
    };
    // While feeds are still arriving, "nothing here" would be a false statement.
    view! {
        <p class="empty" role="status">
            {move || if p.loading() { lang.get().t(Msg::Loading) } else { lang.get().t(msg) }}
        </p>
    }
}

/// How many cards a list shows at first (several screens on a phone): a slow
/// phone renders a dozen cards in well under 100 ms,
/// and 10,000 not at all.
pub const PAGE: usize = 10;

/// The number of cards shown, reset whenever the filter or view changes.
pub fn page_limit() -> RwSignal<usize> {
    let route = Portal::get().route;
    let limit = RwSignal::new(PAGE);
    Effect::new(move |_| {
        route.track();
        limit.set(PAGE);
    });
    limit
}

/// "Showing 30 of 2,400 — Show more".
#[component]
pub fn ShowMore(total: Signal<usize>, limit: RwSignal<usize>) -> impl IntoView {
    let lang = Portal::get().lang;
    view! {
        <Show when=move || { total.get() > limit.get() }>
            <p class="show-more">
                <span>{move || lang.get().f(Msg::ShownOf, &[("shown", &limit.get().to_string()), ("total", &total.get().to_string())])}</span>
                <button type="button" class="refresh" on:click=move |_| limit.update(|l| *l += PAGE * 2)>
                    {move || lang.get().t(Msg::ShowMore)}
                </button>
            </p>
        </Show>
    }
}

/// Items with their openness order key (open first, then soonest to open…).
pub type Ordered<T> = Arc<Vec<((u8, i64), Arc<T>)>>;

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
        (Some(a), Some(b)) => a.len() != b.len() || a.iter().zip(b.iter()).any(|(x, y)| x.0 != y.0 || !Arc::ptr_eq(&x.1, &y.1)),
        _ => true,
    }
}

/// Every item ordered by whether it is open now. Recomputed when a feed or
/// the clock changes, not when the reader filters, so filtering a
/// 10,000-point feed stays instant.
pub fn ordered_by_openness<T: Send + Sync + 'static>(
    all: impl Fn(&Portal) -> Vec<Arc<T>> + Send + Sync + 'static,
    status: fn(&T) -> (StatusClass, &Schedule),
) -> Memo<Ordered<T>> {
    let portal = Portal::get();
    let tz = portal.tz();
    Memo::new_with_compare(
        move |_| {
            let now = portal.now.get();
            // A clock that seems wrong orders nothing by "open now".
            let wrong = portal.clock_wrong.get();
            let items = all(&portal);
            // Keys and positions are sorted, not the items: one sort in the
            // wasm for every kind of item, stable through the position.
            let mut keys: Vec<((u8, i64), usize)> = items
                .iter()
                .enumerate()
                .map(|(n, i)| {
                    let (class, schedule) = status(i);
                    (order_key(&openness(if wrong { StatusClass::Unknown } else { class }, schedule, now, tz)), n)
                })
                .collect();
            keys.sort_unstable();
            Arc::new(keys.into_iter().map(|(k, n)| (k, items[n].clone())).collect())
        },
        ordered_changed,
    )
}

/// Open ones first, then those opening soonest, then closed, then unknown.
pub fn order_key(o: &Openness) -> (u8, i64) {
    match o {
        Openness::Open { .. } => (0, 0),
        Openness::ClosedNow { opens: Some(t) } => (1, t.timestamp()),
        Openness::ClosedNow { opens: None } => (2, 0),
        Openness::ClosedByStatus => (3, 0),
        Openness::Unknown => (4, 0),
    }
}

/// Normalized search text of every item, by item identity. Built once per
/// feed change, and only once someone searches.
pub type SearchIndex = Arc<HashMap<usize, String>>;

/// An item's key in the search index and in lists: its identity, not its id
/// (ids are only unique within one feed) nor its `updated_at` (a publisher
/// may correct an item without changing it, and the correction must show).
/// Each copy of a feed is parsed into new items, so an update redraws them.
pub fn item_key<T>(item: &Arc<T>) -> usize {
    Arc::as_ptr(item) as *const () as usize
}

/// An item's normalized search text, when there is a search.
pub fn haystack<'a, T>(index: &'a Option<SearchIndex>, item: &Arc<T>) -> Option<&'a str> {
    index.as_ref()?.get(&item_key(item)).map(String::as_str)
}

pub fn search_index<T: Searchable + Send + Sync + 'static>(all: fn(&Portal) -> Vec<Arc<T>>) -> Memo<SearchIndex> {
    let portal = Portal::get();
    Memo::new_with_compare(
        move |_| Arc::new(all(&portal).iter().map(|i| (item_key(i), i.haystack())).collect()),
        |a, b| !matches!((a, b), (Some(a), Some(b)) if Arc::ptr_eq(a, b)),
    )
}

/// The ordered items the current address asks for: one item by `id`, or
/// those the filters keep (`bawaba_model::filter`), nearest first when the
/// reader asked for "near me".
pub fn visible<T: Searchable + Send + Sync + 'static>(
    ordered: Memo<Ordered<T>>,
    base: fn(&T) -> &ItemBase,
    index: Memo<SearchIndex>,
    // The view's own filters (service, …).
    keep: fn(&Filter, &T) -> bool,
) -> Memo<Vec<Arc<T>>> {
    let (route, here) = (Portal::get().route, Portal::get().here);
    Memo::new_with_compare(
        move |_| {
            let r = route.get();
            let filter = r.filter();
            let index = (!filter.query.is_empty()).then(|| index.get());
            let mut items: Vec<Arc<T>> = ordered.with(|v| {
                v.iter()
                    .filter(|(key, i)| filter.keeps_place(base(i), key.0 == 0, || haystack(&index, i)) && keep(&filter, i))
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

/// "Near me": asks for the position only when pressed, keeps it in memory.
#[component]
pub fn NearMe() -> impl IntoView {
    let portal = Portal::get();
    let (lang, here, route) = (portal.lang, portal.here, portal.route);
    let state = RwSignal::new(None::<Msg>);
    // Which governorate the reader is in, worked out on the phone from the
    // position it keeps in memory; never sent or stored.
    // Closures, not memos: a point-in-polygon test is cheaper than the code a
    // memo of a new type adds to the wasm.
    let area = move || here.get().map(bawaba_model::governorates::governorate_at);
    let offer = move || area().flatten().filter(|a| route.get().area.as_deref() != Some(a.wire()));
    let click = move |_| {
        if here.get_untracked().is_some() {
            here.set(None);
            state.set(None);
            return;
        }
        state.set(Some(Msg::Locating));
        locate(move |found| {
            here.set(found);
            state.set(if found.is_some() { Some(Msg::SortedByDistance) } else { Some(Msg::LocationUnavailable) });
        });
    };
    view! {
        <div class="near">
            <button type="button" class="refresh" on:click=click aria-pressed=move || if here.get().is_some() { "true" } else { "false" }>

                {move || lang.get().t(if here.get().is_some() { Msg::NearMeOff } else { Msg::NearMe })}
            </button>
            <span role="status">{move || {
                let l = lang.get();
                let found = where_text(l, area());
                format!("{} {found}", state.get().map_or("", |m| l.t(m)))
            }}</span>
            // Offered once the reader is found in a governorate not already chosen.
            <button type="button" class="refresh" hidden=move || offer().is_none().then_some("") on:click=move |_| {
                if let Some(a) = offer() {
                    portal.go(Route { area: Some(a.wire().to_owned()), id: None, ..route.get_untracked() });
                }
            }>
                {move || offer().map(|a| fill(lang.get().t(Msg::ShowOnlyArea), &[("area", lang.get().t(a.msg()).to_owned())]))}
            </button>
        </div>
    }
}

/// "You are in Khan Younis." or "You are outside the Gaza Strip."
fn where_text(lang: crate::i18n::Lang, area: Option<Option<Area>>) -> String {
    match area {
        Some(Some(a)) => fill(lang.t(Msg::YouAreIn), &[("area", lang.t(a.msg()).to_owned())]),
        Some(None) => lang.t(Msg::OutsideStrip).to_owned(),
        None => String::new(),
    }
}

/// The browser's geolocation, once; `done(None)` when refused or unavailable.
fn locate(done: impl FnOnce(Option<Point>) + 'static) {
    use std::cell::RefCell;
    use std::rc::Rc;
    use wasm_bindgen::{closure::Closure, JsCast, JsValue};
    let done = Rc::new(RefCell::new(Some(done)));
    let finish = {
        let done = done.clone();
        move |p: Option<Point>| {
            if let Some(f) = done.borrow_mut().take() {
                f(p)
            }
        }
    };
    let geo = js_sys::Reflect::get(&window().navigator(), &"geolocation".into()).ok().filter(|g| !g.is_undefined());
    let Some(geo) = geo else { return finish(None) };
    let ok_finish = finish.clone();
    let ok = Closure::once_into_js(move |pos: JsValue| {
        let coords = js_sys::Reflect::get(&pos, &"coords".into()).ok();
        let num = |k: &str| coords.as_ref().and_then(|c| js_sys::Reflect::get(c, &k.into()).ok()).and_then(|v| v.as_f64());
        ok_finish(num("latitude").zip(num("longitude")).map(|(lat, lon)| Point { lat, lon }))
    });
    let err = Closure::once_into_js(move |_: JsValue| finish(None));
    let options = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&options, &"timeout".into(), &JsValue::from_f64(20_000.0));
    let _ = js_sys::Reflect::set(&options, &"maximumAge".into(), &JsValue::from_f64(60_000.0));
    if let Ok(f) = js_sys::Reflect::get(&geo, &"getCurrentPosition".into()) {
        if let Some(f) = f.dyn_ref::<js_sys::Function>() {
            let _ = f.call3(&geo, &ok, &err, &options);
        }
    }
}

/// Search box, kept in `?q=` so a search can be shared as a link.
#[component]
pub fn SearchBox() -> impl IntoView {
    let portal = Portal::get();
    let (lang, route) = (portal.lang, portal.route);
    let on_input = move |ev: leptos::ev::Event| {
        let value = event_target_value(&ev);
        let q = (!value.trim().is_empty()).then_some(value);
        // Typing replaces the address instead of adding a history entry per key.
        let next = Route { q, id: None, lang: Some(lang.get_untracked()), ..route.get_untracked() };
        next.replace();
        route.set(next);
    };
    view! {
        <div class="filter search" role="search">
            <label for="search">{move || lang.get().t(Msg::SearchLabel)}</label>
            <input id="search" type="search" autocomplete="off" enterkeyhint="search"
                prop:value=move || route.get().q.unwrap_or_default() on:input=on_input/>
        </div>
    }
}

/// A choice among a contract enum's values, kept in the address.
#[component]
pub fn EnumFilter<T: Label + Clone + Send + Sync + 'static>(
    id: &'static str,
    label: Msg,
    values: &'static [T],
    wire: fn(&T) -> &str,
    get: fn(&Route) -> Option<String>,
    set: fn(&mut Route, Option<String>),
) -> impl IntoView {
    let portal = Portal::get();
    let (lang, route) = (portal.lang, portal.route);
    let on_change = move |ev: leptos::ev::Event| {
        let v = event_target_value(&ev);
        let mut r = Route { id: None, ..route.get_untracked() };
        set(&mut r, (!v.is_empty()).then_some(v));
        portal.go(r);
    };
    view! {
        <div class="filter">
            <label for=id>{move || lang.get().t(label)}</label>
            <select id=id on:change=on_change>
                <option value="">{move || lang.get().t(Msg::AllValues)}</option>
                {values.iter().map(|v| {
                    let (slug, m) = (wire(v).to_owned(), v.msg());
                    let s2 = slug.clone();
                    view! { <option value=slug selected=move || get(&route.get()).as_deref() == Some(s2.as_str())>{move || lang.get().t(m)}</option> }
                }).collect_view()}
            </select>
        </div>
    }
}

/// "Open now only", kept in `?open=1`.
#[component]
pub fn OpenNowFilter() -> impl IntoView {
    let portal = Portal::get();
    let (lang, route) = (portal.lang, portal.route);
    view! {
        <div class="filter check">
            <input id="open-now" type="checkbox" prop:checked=move || route.get().open
                on:change=move |ev| portal.go(Route { open: event_target_checked(&ev), id: None, ..route.get_untracked() })/>
            <label for="open-now">{move || lang.get().t(Msg::OpenNowOnly)}</label>
        </div>
    }
}

/// A page of cards with "show more", or the right "nothing here" message.
/// Cards are rebuilt when the language changes (they read it once).
#[component]
pub fn Cards<T: Send + Sync + 'static>(items: Memo<Vec<Arc<T>>>, card: fn(Arc<T>) -> AnyView) -> impl IntoView {
    let portal = Portal::get();
    let (route, lang) = (portal.route, portal.lang);
    let limit = page_limit();
    let total = Signal::derive(move || items.with(Vec::len));
    view! {
        <Show
            when=move || !items.with(Vec::is_empty)
            fallback=move || view! { <Empty filtered=route.get().area.is_some() single=route.get().id.is_some()/> }
        >
            <ul class="cards">
                {move || { lang.track(); view! {
                    <For each=move || items.with(|v| v.iter().take(limit.get()).cloned().collect::<Vec<_>>()) key=item_key let:i>
                        <li>{card(i)}</li>
                    </For>
                } }}
            </ul>
            <ShowMore total=total limit=limit/>
        </Show>
    }
}
