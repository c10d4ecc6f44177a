//! Crossings and road corridors: open now or not, and when that changes.

use super::list::{in_area, Empty, ListFrame};
use crate::components::chrome::NavLink;
use crate::components::item::{labels, Areas, Field, Hours, Links, OptionalText, Updated};
use crate::components::status::{live_openness, OpennessBadge};
use crate::components::text::FeedText;
use crate::i18n::{Label, Msg};
use crate::route::{Route, View};
use crate::state::Portal;
use bawaba_model::{openness, Corridor, CorridorStatus, FeedKind, Openness};
use leptos::prelude::*;

/// Open ones first, then those opening soonest, then closed, then unknown.
pub fn order_key(o: &Openness) -> (u8, i64) {
    match o {
        Openness::Open { .. } => (0, 0),
        Openness::ClosedNow { opens: Some(t) } => (1, t.timestamp()),
        Openness::ClosedNow { opens: None } => (2, 0),
        Openness::ClosedByStatus => (3, 0),
        Openness::Unknown => (4, 0),
    }
}

/// Corridors under the current filter, in reading order.
pub fn sorted_corridors(portal: &Portal) -> Vec<Corridor> {
    let route = portal.route.get();
    let now = portal.now.get();
    let tz = portal.tz();
    let mut items: Vec<Corridor> = portal
        .corridors()
        .into_iter()
        .filter(|c| route.id.as_ref().is_none_or(|id| &c.base.id == id))
        .filter(|c| route.id.is_some() || in_area(&c.base.area, route.area.as_deref()))
        .collect();
    items.sort_by_key(|c| order_key(&openness(c.status.class(), &c.schedule, now, tz)));
    items
}

#[component]
pub fn CorridorsPage() -> impl IntoView {
    let portal = Portal::get();
    let p = portal.clone();
    let items = Memo::new(move |_| sorted_corridors(&p));
    let route = portal.route;
    view! {
        <ListFrame title=Msg::NavCorridors kind=FeedKind::Corridors area_filter=true>
            <Show
                when=move || !items.get().is_empty()
                fallback=move || view! { <Empty filtered=route.get().area.is_some() single=route.get().id.is_some()/> }
            >
                <ul class="cards">
                    <For each=move || items.get() key=|c| (c.base.id.clone(), c.base.updated_at) let:c>
                        <li><CorridorCard corridor=c/></li>
                    </For>
                </ul>
            </Show>
        </ListFrame>
    }
}

#[component]
pub fn CorridorCard(corridor: Corridor) -> impl IntoView {
    let c = corridor;
    let open = live_openness(c.status.class(), c.schedule.clone());
    let closed_by_status = c.status == CorridorStatus::Closed;
    // "Restricted" and "scheduled" qualify an opening; say so next to the badge.
    let qualifier = matches!(c.status, CorridorStatus::Restricted | CorridorStatus::Scheduled | CorridorStatus::Other(_));
    let status_msg = c.status.msg();
    let lang = Portal::get().lang;
    view! {
        <article class="card" aria-labelledby=format!("c-{}", c.base.id)>
            <h2 id=format!("c-{}", c.base.id)>
                <NavLink to=Route { view: View::Corridors, ..Route::default() }.with_id(&c.base.id)>
                    <FeedText text=c.name.clone()/>
                </NavLink>
            </h2>
            <p class="kind">{move || lang.get().t(c.kind.msg())}</p>
            <OpennessBadge openness=open/>
            <dl>
                {qualifier.then(|| view! { <Field label=Msg::DeclaredStatus>{move || lang.get().t(status_msg)}</Field> })}
                <Hours schedule=c.schedule.clone() usual=closed_by_status/>
                {(!c.allowed.is_empty()).then(|| view! { <Field label=Msg::AllowedLabel>{labels(&c.allowed)}</Field> })}
                {c.direction.as_ref().map(|d| { let m = d.msg(); view! { <Field label=Msg::DirectionLabel>{move || lang.get().t(m)}</Field> } })}
                <Areas areas=c.base.area.clone()/>
                <OptionalText label=Msg::NotesLabel text=c.base.notes.clone()/>
                <Links links=c.base.links.clone()/>
            </dl>
            <Updated base=c.base.clone()/>
        </article>
    }
}
