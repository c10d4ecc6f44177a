//! The shared cards (bawaba-ui) with what the portal adds under them:
//! "Listen", and on an item's own page the share bar.

use crate::components::share::{item_actions, Shared};
use bawaba_model::{Corridor, DistributionPoint, Notice};
use leptos::prelude::*;
use std::sync::Arc;

#[component]
pub fn CorridorCard(corridor: Arc<Corridor>) -> impl IntoView {
    let actions = item_actions(Shared::Corridor(corridor.clone()));
    view! { <bawaba_ui::cards::CorridorCard corridor=corridor actions=actions/> }
}

#[component]
pub fn PointCard(point: Arc<DistributionPoint>) -> impl IntoView {
    let actions = item_actions(Shared::Point(point.clone()));
    view! { <bawaba_ui::cards::PointCard point=point actions=actions/> }
}

#[component]
pub fn NoticeCard(notice: Arc<Notice>) -> impl IntoView {
    let actions = item_actions(Shared::Notice(notice.clone()));
    view! { <bawaba_ui::cards::NoticeCard notice=notice actions=actions/> }
}
