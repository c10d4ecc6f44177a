//! What every view's page is built of: its heading, and for a list its
//! frame (sources, filters, one-item mode), its cards and "show more".

use crate::components::text::tr;
use crate::components::feed_status::FeedMeta;
use crate::components::filters::{chosen_area, listing, AreaFilter, PublisherFilter, SearchBox};
use crate::components::nav_link::NavLink;
use crate::components::near_me::NearMe;
use crate::derived::item_key;
use crate::i18n::Msg;
use crate::route::Route;
use crate::state::Portal;
use bawaba_model::FeedKind;
use leptos::prelude::*;
use std::sync::Arc;

/// The page heading; focusable so moving between views can move focus to it.
/// `unseen`: for screen readers only, where the tab bar already shows the
/// name (the overview), leaving the screen to the data.
#[component]
pub fn Title(msg: Msg, #[prop(optional)] unseen: bool) -> impl IntoView {
    view! { <h1 id="view-title" tabindex="-1" class=unseen.then_some("vh")>{tr(msg)}</h1> }
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
    let single = move || !listing().get();
    let area = chosen_area();
    let publishers = kind.clone();
    view! {
        <Title msg=title/>
        <FeedMeta kind=kind/>
        {move || single().then(|| view! {
            <p class="back">
                <NavLink to=Route { id: None, ..route.get_untracked() }>
                    <span aria-hidden="true" class="flip">"←"</span>" "{tr(Msg::BackToList)}
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
                    <summary>{tr(Msg::FiltersLabel)}</summary>
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
                <NavLink to=Route { view: crate::route::View::Print, area: Some(area), ..Route::default() }>{tr(Msg::PrintLink)}</NavLink>
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
                    {tr(Msg::ShowMore)}
                </button>
            </p>
        </Show>
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
