//! Aid distribution points: what, where, when, and whether open now.

use super::list::{listing, ordered_by_openness, search_index, visible, Cards, EnumFilter, ListFrame, OpenNowFilter, Ordered};
use crate::components::chrome::NavLink;
use crate::components::item::{labels, Areas, Distance, Field, Hours, Links, OptionalText, Updated};
use crate::components::share::{point_text, ItemShare};
use crate::components::status::{live_openness, OpennessBadge};
use crate::components::text::FeedText;
use crate::i18n::{Label, Msg};
use crate::route::{Route, View};
use crate::state::Portal;
use bawaba_model::filter::Filter;
use bawaba_model::{DistributionPoint, FeedKind, PointStatus, Service, StatusClass};
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
    let listing = listing();
    view! {
        <ListFrame title=Msg::NavDistribution kind=FeedKind::DistributionPoints area_filter=true near=true>
            {move || listing.get().then(|| view! {
                <EnumFilter id="service-filter" label=Msg::ServicesLabel values=Service::KNOWN wire=Service::wire
                    get=|r| r.service.clone() set=|r, v| r.service = v/>
                <OpenNowFilter/>
            })}
            <Cards items=items card=|i| view! { <PointCard point=i/> }.into_any()/>
        </ListFrame>
    }
}

#[component]
pub fn PointCard(point: Arc<DistributionPoint>) -> impl IntoView {
    let p = (*point).clone();
    let open = live_openness(p.status.class(), p.schedule.clone());
    let closed_by_status = p.status.class() == StatusClass::Closed;
    let declared = (p.status != PointStatus::Open).then(|| p.status.msg());
    let services = p.services.clone();
    let item = point.clone();
    view! {
        <article class="card" aria-labelledby=format!("d-{}", p.base.id)>
            <h2 id=format!("d-{}", p.base.id)>
                <NavLink to=Route { view: View::Distribution, ..Route::default() }.with_id(&p.base.id)>
                    <FeedText text=p.name.clone()/>
                </NavLink>
            </h2>
            {p.organization.clone().map(|o| view! { <p class="org"><FeedText text=o/></p> })}
            <OpennessBadge openness=open declared=declared.unwrap_or(Msg::ClosedByStatus)/>
            <Distance location=p.base.location/>
            <dl>
                {(!services.is_empty()).then(|| view! { <Field label=Msg::ServicesLabel>{labels(&services)}</Field> })}
                <OptionalText label=Msg::LandmarkLabel text=p.landmark.clone()/>
                <Hours schedule=p.schedule.clone() usual=closed_by_status/>
                <OptionalText label=Msg::RequirementsLabel text=p.requirements.clone()/>
                <Areas areas=p.base.area.clone()/>
                <OptionalText label=Msg::NotesLabel text=p.base.notes.clone()/>
                <Links links=p.base.links.clone()/>
            </dl>
            <ItemShare view=View::Distribution id=point.base.id.clone() text=move |p: &Portal, link: &str| { point_text(&item, p.lang.get(), p.default_language(), p.now.get(), p.tz(), p.any_demo(), link) }/>
            <Updated base=p.base.clone()/>
        </article>
    }
}
