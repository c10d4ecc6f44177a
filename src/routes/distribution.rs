//! Aid distribution points: what, where, when, and whether open now.

use super::corridors::order_key;
use super::list::{in_area, Empty, ListFrame};
use crate::components::chrome::NavLink;
use crate::components::item::{labels, Areas, Field, Hours, Links, OptionalText, Updated};
use crate::components::status::{live_openness, OpennessBadge};
use crate::components::text::FeedText;
use crate::i18n::{Label, Msg};
use crate::route::{Route, View};
use crate::state::Portal;
use bawaba_model::{openness, DistributionPoint, FeedKind, PointStatus, StatusClass};
use leptos::prelude::*;

pub fn sorted_points(portal: &Portal) -> Vec<DistributionPoint> {
    let route = portal.route.get();
    let now = portal.now.get();
    let tz = portal.tz();
    let mut items: Vec<(_, DistributionPoint)> = portal
        .points()
        .into_iter()
        .filter(|p| route.id.as_ref().is_none_or(|id| &p.base.id == id))
        .filter(|p| route.id.is_some() || in_area(&p.base.area, route.area.as_deref()))
        .map(|p| (order_key(&openness(p.status.class(), &p.schedule, now, tz)), p))
        .collect();
    items.sort_by(|a, b| a.0.cmp(&b.0));
    items.into_iter().map(|(_, p)| p).collect()
}

#[component]
pub fn DistributionPage() -> impl IntoView {
    let portal = Portal::get();
    let p = portal.clone();
    let items = Memo::new(move |_| sorted_points(&p));
    let route = portal.route;
    view! {
        <ListFrame title=Msg::NavDistribution kind=FeedKind::DistributionPoints area_filter=true>
            <Show
                when=move || !items.get().is_empty()
                fallback=move || view! { <Empty filtered=route.get().area.is_some() single=route.get().id.is_some()/> }
            >
                <ul class="cards">
                    <For each=move || items.get() key=|p| (p.base.id.clone(), p.base.updated_at) let:p>
                        <li><PointCard point=p/></li>
                    </For>
                </ul>
            </Show>
        </ListFrame>
    }
}

#[component]
pub fn PointCard(point: DistributionPoint) -> impl IntoView {
    let p = point;
    let open = live_openness(p.status.class(), p.schedule.clone());
    let closed_by_status = p.status.class() == StatusClass::Closed;
    let declared = (p.status != PointStatus::Open).then(|| p.status.msg());
    let services = p.services.clone();
    view! {
        <article class="card" aria-labelledby=format!("d-{}", p.base.id)>
            <h2 id=format!("d-{}", p.base.id)>
                <NavLink to=Route { view: View::Distribution, ..Route::default() }.with_id(&p.base.id)>
                    <FeedText text=p.name.clone()/>
                </NavLink>
            </h2>
            {p.organization.clone().map(|o| view! { <p class="org"><FeedText text=o/></p> })}
            <OpennessBadge openness=open declared=declared.unwrap_or(Msg::ClosedByStatus)/>
            <dl>
                {(!services.is_empty()).then(|| view! { <Field label=Msg::ServicesLabel>{labels(&services)}</Field> })}
                <OptionalText label=Msg::LandmarkLabel text=p.landmark.clone()/>
                <Hours schedule=p.schedule.clone() usual=closed_by_status/>
                <OptionalText label=Msg::RequirementsLabel text=p.requirements.clone()/>
                <Areas areas=p.base.area.clone()/>
                <OptionalText label=Msg::NotesLabel text=p.base.notes.clone()/>
                <Links links=p.base.links.clone()/>
            </dl>
            <Updated base=p.base.clone()/>
        </article>
    }
}
