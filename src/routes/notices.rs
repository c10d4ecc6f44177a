//! Reconstruction and safety notices, most severe first.

use crate::components::text::tr;
use crate::components::cards::NoticeCard;
use crate::components::filters::{listing, EnumFilter};
use crate::components::frame::{Cards, ListFrame};
use crate::components::nav_link::NavLink;
use crate::derived::notices;
use crate::i18n::Msg;
use crate::route::{Route, View};
use crate::state::Portal;
use bawaba_model::{Category, FeedKind, Severity};
use leptos::prelude::*;

#[component]
pub fn NoticesPage() -> impl IntoView {
    let p = Portal::get();
    let (route, lang) = (p.route, p.lang);
    let past = Memo::new(move |_| route.get().past);
    let listing = listing();
    let items = notices(route, p.now, p.lists, Some(p.search.notices));
    view! {
        <ListFrame title=Msg::NavNotices kind=FeedKind::Notices area_filter=true filters=|| view! {
            <EnumFilter id="category-filter" label=Msg::CategoryLabel values=Category::KNOWN wire=Category::wire
                get=|r| r.category.clone() set=|r, v| r.category = v/>
            <EnumFilter id="severity-filter" label=Msg::SeverityLabel values=Severity::KNOWN wire=Severity::wire
                get=|r| r.severity.clone() set=|r, v| r.severity = v/>
        }>
            {move || past.get().then(|| view! { <p class="subtitle">{tr(Msg::PastNotices)}</p> })}
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
