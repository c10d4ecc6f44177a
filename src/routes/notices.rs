//! Reconstruction and safety notices, most severe first.

use super::list::{haystack, listing, search_index, Cards, EnumFilter, ListFrame, SearchIndex};
use crate::components::chrome::NavLink;
use crate::components::share::{item_actions, Shared};
use crate::i18n::Msg;
use crate::route::{Route, View};
use crate::state::Portal;
use bawaba_model::search::Query;
use bawaba_model::{Category, FeedKind, Notice, Severity};
use leptos::prelude::*;
use std::sync::Arc;

/// Current notices (or past ones with `past`), severity first, newest first.
/// With `index`, the search reads the normalised text built once per feed,
/// as the other lists do; without (widgets, the home page), nothing is searched.
pub fn sorted_notices(portal: &Portal, past: bool, index: Option<Memo<SearchIndex>>) -> Vec<Arc<Notice>> {
    let route = portal.route.get();
    let now = portal.now.get();
    let mut filter = route.filter();
    let index = match index {
        Some(m) if !filter.query.is_empty() => Some(m.get()),
        _ => {
            filter.query = Query::default();
            None
        }
    };
    let mut items: Vec<Arc<Notice>> = portal
        .notices()
        .into_iter()
        .filter(|n| (filter.id.is_some() || n.is_expired(now) == past) && filter.keeps_notice(n, || haystack(&index, n)))
        .collect();
    bawaba_ui::edition::order_notices(&mut items);
    items
}

#[component]
pub fn NoticesPage() -> impl IntoView {
    let portal = Portal::get();
    let p = portal.clone();
    let route = portal.route;
    let lang = portal.lang;
    let past = Memo::new(move |_| route.get().past);
    let listing = listing();
    let index = search_index(Portal::notices);
    let items = Memo::new(move |_| sorted_notices(&p, past.get(), Some(index)));
    view! {
        <ListFrame title=Msg::NavNotices kind=FeedKind::Notices area_filter=true filters=|| view! {
            <EnumFilter id="category-filter" label=Msg::CategoryLabel values=Category::KNOWN wire=Category::wire
                get=|r| r.category.clone() set=|r, v| r.category = v/>
            <EnumFilter id="severity-filter" label=Msg::SeverityLabel values=Severity::KNOWN wire=Severity::wire
                get=|r| r.severity.clone() set=|r, v| r.severity = v/>
        }>
            {move || past.get().then(|| view! { <p class="subtitle">{move || lang.get().t(Msg::PastNotices)}</p> })}
            <Cards items=items card=|i| view! { <NoticeCard notice=i/> }.into_any()/>
            {move || listing.get().then(|| {
                let to = Route { view: View::Notices, past: !past.get(), ..Route::default() };
                view! {
                    <p class="more">
                        <NavLink to=to>{move || lang.get().t(if past.get() { Msg::BackToList } else { Msg::PastNotices })}</NavLink>
                    </p>
                }
            })}
        </ListFrame>
    }
}

pub use bawaba_ui::cards::NoticeLine;

/// The shared card (bawaba-ui), with the portal's share bar.
#[component]
pub fn NoticeCard(notice: Arc<Notice>) -> impl IntoView {
    let actions = item_actions(Shared::Notice(notice.clone()));
    view! { <bawaba_ui::cards::NoticeCard notice=notice actions=actions/> }
}
