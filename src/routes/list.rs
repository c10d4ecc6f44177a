//! What every list view shares: title, sources, area filter, one-item mode.

use crate::components::chrome::NavLink;
use crate::components::feed_status::FeedMeta;
use crate::i18n::{Label, Msg};
use crate::route::Route;
use crate::state::Portal;
use bawaba_model::{Area, FeedKind};
use leptos::prelude::*;

/// The page heading; focusable so moving between views can move focus to it.
#[component]
pub fn Title(msg: Msg) -> impl IntoView {
    let lang = Portal::get().lang;
    view! { <h1 id="view-title" tabindex="-1">{move || lang.get().t(msg)}</h1> }
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

/// Whether an item belongs under the current area filter. Items without an
/// area are only listed under "all areas": we do not guess where they are.
pub fn in_area(areas: &[Area], filter: Option<&str>) -> bool {
    match filter {
        None => true,
        Some(f) => areas.iter().any(|a| a.wire() == f),
    }
}

/// The frame of a list view: heading, sources, optional area filter, and the
/// "back to the list" link in one-item mode.
#[component]
pub fn ListFrame(title: Msg, kind: FeedKind, #[prop(optional)] area_filter: bool, children: Children) -> impl IntoView {
    let portal = Portal::get();
    let route = portal.route;
    let lang = portal.lang;
    let single = move || route.get().id.is_some();
    view! {
        <Title msg=title/>
        <FeedMeta kind=kind/>
        {move || single().then(|| view! {
            <p class="back">
                <NavLink to=Route { id: None, ..route.get() }>
                    <span aria-hidden="true" class="flip">"←"</span>" "{move || lang.get().t(Msg::BackToList)}
                </NavLink>
            </p>
        })}
        {move || (area_filter && !single()).then(|| view! { <AreaFilter/> })}
        {children()}
    }
}

/// Shown when a list is empty, or a linked item is not (or no longer) there.
#[component]
pub fn Empty(filtered: bool, single: bool) -> impl IntoView {
    let portal = Portal::get();
    let p = portal.clone();
    let lang = portal.lang;
    let msg = if single {
        Msg::ItemNotFound
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
