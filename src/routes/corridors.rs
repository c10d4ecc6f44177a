//! Crossings and road corridors: open now or not, and when that changes.

use crate::components::cards::CorridorCard;
use crate::components::filters::OpenNowFilter;
use crate::components::frame::{Cards, ListFrame};
use crate::derived::{visible, keep_all};
use crate::i18n::Msg;
use crate::state::Portal;
use bawaba_model::FeedKind;
use leptos::prelude::*;

#[component]
pub fn CorridorsPage() -> impl IntoView {
    let p = Portal::get();
    let items = visible(p.route, p.here, p.corridors, p.search.corridors, |c| &c.base, keep_all);
    view! {
        <ListFrame title=Msg::NavCorridors kind=FeedKind::Corridors area_filter=true near=true filters=|| view! { <OpenNowFilter/> }>
            <Cards items=items card=|i| view! { <CorridorCard corridor=i/> }.into_any()/>
        </ListFrame>
    }
}
