//! Aid distribution points: what, where, when, and whether open now.

use crate::components::cards::PointCard;
use crate::components::filters::{EnumFilter, OpenNowFilter};
use crate::components::frame::{Cards, ListFrame};
use crate::derived::{visible, keep_point};
use crate::i18n::Msg;
use crate::state::Portal;
use bawaba_model::{FeedKind, Service};
use leptos::prelude::*;

#[component]
pub fn DistributionPage() -> impl IntoView {
    let p = Portal::get();
    let items = visible(p.route, p.here, p.points, p.search.points, |p| &p.base, keep_point);
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
