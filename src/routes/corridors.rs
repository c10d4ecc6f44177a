//! Crossings and road corridors: open now or not, and when that changes.

use super::list::{listing, ordered_by_openness, search_index, visible, Cards, ListFrame, OpenNowFilter, Ordered};
use crate::components::chrome::NavLink;
use crate::components::item::{labels, Areas, Distance, Field, Hours, Links, OptionalText, Updated};
use crate::components::share::{corridor_text, ItemShare};
use crate::components::status::{live_openness, OpennessBadge};
use crate::components::text::FeedText;
use crate::i18n::{Label, Msg};
use crate::route::{Route, View};
use crate::state::Portal;
use bawaba_model::{Corridor, CorridorStatus, FeedKind};
use leptos::prelude::*;
use std::sync::Arc;

/// Every corridor, open ones first.
pub fn ordered_corridors() -> Memo<Ordered<Corridor>> {
    ordered_by_openness(Portal::corridors, |c| (c.status.class(), &c.schedule))
}

#[component]
pub fn CorridorsPage() -> impl IntoView {
    let items = visible(ordered_corridors(), |c| &c.base, search_index(Portal::corridors), |_, _| true);
    let listing = listing();
    view! {
        <ListFrame title=Msg::NavCorridors kind=FeedKind::Corridors area_filter=true near=true>
            {move || listing.get().then(|| view! { <OpenNowFilter/> })}
            <Cards items=items card=|i| view! { <CorridorCard corridor=i/> }.into_any()/>
        </ListFrame>
    }
}

#[component]
pub fn CorridorCard(corridor: Arc<Corridor>) -> impl IntoView {
    let c = (*corridor).clone();
    let open = live_openness(c.status.class(), c.schedule.clone());
    let closed_by_status = c.status == CorridorStatus::Closed;
    // "Restricted" and "scheduled" qualify an opening; say so next to the badge.
    let qualifier = matches!(c.status, CorridorStatus::Restricted | CorridorStatus::Scheduled | CorridorStatus::Other(_));
    let status_msg = c.status.msg();
    let lang = Portal::get().lang;
    let item = corridor.clone();
    view! {
        <article class="card" aria-labelledby=format!("c-{}", c.base.id)>
            <h2 id=format!("c-{}", c.base.id)>
                <NavLink to=Route { view: View::Corridors, ..Route::default() }.with_id(&c.base.id)>
                    <FeedText text=c.name.clone()/>
                </NavLink>
            </h2>
            <p class="kind">{lang.get_untracked().t(c.kind.msg())}</p>
            <OpennessBadge openness=open restricted=c.status.is_restricted()/>
            <Distance location=c.base.location/>
            <dl>
                {qualifier.then(|| view! { <Field label=Msg::DeclaredStatus>{lang.get_untracked().t(status_msg)}</Field> })}
                <Hours schedule=c.schedule.clone() usual=closed_by_status/>
                {(!c.allowed.is_empty()).then(|| view! { <Field label=Msg::AllowedLabel>{labels(&c.allowed)}</Field> })}
                {c.direction.as_ref().map(|d| { let m = d.msg(); view! { <Field label=Msg::DirectionLabel>{lang.get_untracked().t(m)}</Field> } })}
                <Areas areas=c.base.area.clone()/>
                <OptionalText label=Msg::NotesLabel text=c.base.notes.clone()/>
                <Links links=c.base.links.clone()/>
            </dl>
            <ItemShare view=View::Corridors id=corridor.base.id.clone() text=move |p: &Portal, link: &str| { corridor_text(&item, p.lang.get(), p.default_language(), p.now.get(), p.tz(), p.any_demo(), link) }/>
            <Updated base=c.base.clone()/>
        </article>
    }
}
