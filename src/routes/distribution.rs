//! Aid distribution points: what, where, when, and whether open now.

use super::list::{ordered_by_openness, search_index, visible, Cards, EnumFilter, ListFrame, OpenNowFilter, Ordered};
use crate::components::share::{item_actions, Shared};
use crate::i18n::Msg;
use crate::state::Portal;
use bawaba_model::filter::Filter;
use bawaba_model::{DistributionPoint, FeedKind, Service};
use leptos::prelude::*;
use std::sync::Arc;

/// The distribution view's own filter: `?service=`.
pub fn keep_point(f: &Filter, p: &DistributionPoint) -> bool {
    f.keeps_services(&p.services)
}

/// Every distribution point, open ones first.
pub fn ordered_points() -> Memo<Ordered<DistributionPoint>> {
    ordered_by_openness(Portal::points, |p| (p.status.class(), &p.schedule))
}

#[component]
pub fn DistributionPage() -> impl IntoView {
    let items = visible(ordered_points(), |p| &p.base, search_index(Portal::points), keep_point);
    view! {
        <ListFrame title=Msg::NavDistribution kind=FeedKind::DistributionPoints area_filter=true near=true filters=|| view! {
            <EnumFilter id="service-filter" label=Msg::ServicesLabel values=Service::KNOWN wire=Service::wire
                get=|r| r.service.clone() set=|r, v| r.service = v/>
            <OpenNowFilter/>
        }>
            <Cards items=items card=|i| view! { <PointCard point=i/> }.into_any()/>
        </ListFrame>
    }
}

/// The shared card (bawaba-ui), with the portal's share bar.
#[component]
pub fn PointCard(point: Arc<DistributionPoint>) -> impl IntoView {
    let actions = item_actions(Shared::Point(point.clone()));
    view! { <bawaba_ui::cards::PointCard point=point actions=actions/> }
}
