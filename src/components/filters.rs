//! The filters of a list, each kept in the address so a filtered list can
//! be shared as a link.

use crate::components::text::tr;
use crate::i18n::{Label, Msg};
use crate::route::Route;
use crate::state::Portal;
use bawaba_model::{Area, FeedKind};
use leptos::prelude::*;

/// A choice of governorate, kept in `?area=`.
#[component]
pub fn AreaFilter() -> impl IntoView {
    let portal = Portal::get();
    let route = portal.route;
    let known: Vec<Area> = Area::KNOWN.to_vec();
    let on_change = move |ev: leptos::ev::Event| {
        let value = event_target_value(&ev);
        let area = (!value.is_empty()).then_some(value);
        portal.go(Route { area, id: None, ..route.get_untracked() });
    };
    view! {
        <div class="filter">
            <label for="area-filter">{tr(Msg::AreaLabel)}</label>
            <select id="area-filter" on:change=on_change prop:value=move || route.get().area.unwrap_or_default()>
                <option value="">{tr(Msg::AllAreas)}</option>
                {known
                    .into_iter()
                    .map(|a| {
                        let slug = a.wire().to_owned();
                        let m = a.msg();
                        view! { <option value=slug.clone() selected=move || route.get().area.as_deref() == Some(slug.as_str())>{tr(m)}</option> }
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
                <label for="publisher-filter">{tr(Msg::PublisherLabel)}</label>
                <select id="publisher-filter" on:change=on_change>
                    <option value="">{tr(Msg::AllPublishers)}</option>
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
            <label for="search">{tr(Msg::SearchLabel)}</label>
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
    let route = portal.route;
    let on_change = move |ev: leptos::ev::Event| {
        let v = event_target_value(&ev);
        let mut r = Route { id: None, ..route.get_untracked() };
        set(&mut r, (!v.is_empty()).then_some(v));
        portal.go(r);
    };
    view! {
        <div class="filter">
            <label for=id>{tr(label)}</label>
            <select id=id on:change=on_change>
                <option value="">{tr(Msg::AllValues)}</option>
                {values.iter().map(|v| {
                    let (slug, m) = (wire(v).to_owned(), v.msg());
                    let s2 = slug.clone();
                    view! { <option value=slug selected=move || get(&route.get()).as_deref() == Some(s2.as_str())>{tr(m)}</option> }
                }).collect_view()}
            </select>
        </div>
    }
}

/// "Open now only", kept in `?open=1`.
#[component]
pub fn OpenNowFilter() -> impl IntoView {
    let portal = Portal::get();
    let route = portal.route;
    view! {
        <div class="filter check">
            <input id="open-now" type="checkbox" prop:checked=move || route.get().open
                on:change=move |ev| portal.go(Route { open: event_target_checked(&ev), id: None, ..route.get_untracked() })/>
            <label for="open-now">{tr(Msg::OpenNowOnly)}</label>
        </div>
    }
}
