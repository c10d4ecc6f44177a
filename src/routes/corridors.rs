//! Crossings and road corridors: open now or not, and when that changes.

use super::list::{ordered_by_openness, search_index, visible, Cards, ListFrame, OpenNowFilter, Ordered};
use crate::components::share::{item_actions, Shared};
use crate::i18n::Msg;
use crate::state::Portal;
use bawaba_model::{Corridor, FeedKind};
use leptos::prelude::*;
use std::sync::Arc;

/// Every corridor, open ones first.
pub fn ordered_corridors() -> Memo<Ordered<Corridor>> {
    ordered_by_openness(Portal::corridors, |c| (c.status.class(), &c.schedule))
}

#[component]
pub fn CorridorsPage() -> impl IntoView {
    let items = visible(ordered_corridors(), |c| &c.base, search_index(Portal::corridors), |_, _| true);
    view! {
        <ListFrame title=Msg::NavCorridors kind=FeedKind::Corridors area_filter=true near=true filters=|| view! { <OpenNowFilter/> }>
            <Cards items=items card=|i| view! { <CorridorCard corridor=i/> }.into_any()/>
        </ListFrame>
    }
}

/// The shared card (bawaba-ui), with the portal's share bar.
#[component]
pub fn CorridorCard(corridor: Arc<Corridor>) -> impl IntoView {
    let actions = item_actions(Shared::Corridor(corridor.clone()));
    view! { <bawaba_ui::cards::CorridorCard corridor=corridor actions=actions/> }
}
