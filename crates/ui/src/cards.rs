//! One card per item kind, and the one-line forms of the short lists: how an
//! item looks and reads, the same on screen, in a widget and on a published
//! page. What differs between those is the reader's context, not the card.

use crate::i18n::{Label, Msg};
use crate::item::{labels, Areas, Distance, Field, Hours, Links, OptionalText, Updated};
use crate::reader::{ItemKind, Reader};
use crate::status::{status_badge, Stated};
use crate::text::FeedText;
use bawaba_model::{Corridor, DistributionPoint, LocalizedText, Notice, Severity, StatusClass};
use leptos::prelude::*;
use std::sync::Arc;

/// The card's heading: the item's name, linked as the reader's context links items.
fn heading(kind: ItemKind, id: &str, name: LocalizedText) -> impl IntoView {
    let reader = Reader::get();
    let anchor = kind.anchor(id);
    view! { <h2 id=anchor>{reader.link_to(kind, id, view! { <FeedText text=name/> }.into_any())}</h2> }
}

#[component]
pub fn CorridorCard(
    corridor: Arc<Corridor>,
    /// What the portal adds under the details (sharing).
    #[prop(optional_no_strip)]
    actions: Option<AnyView>,
) -> impl IntoView {
    let c = corridor;
    let reader = Reader::get();
    let status = c.stated();
    // "Restricted" and "scheduled" qualify an opening; say so next to the
    // live badge (a published badge says the status itself).
    let qualifier = status.qualifier().filter(|_| !reader.published());
    let lang = reader.lang.get_untracked();
    let allowed = c.allowed.clone();
    let direction = c.direction.as_ref().map(|d| d.msg());
    view! {
        <article class="card" aria-labelledby=ItemKind::Corridor.anchor(&c.base.id)>
            {heading(ItemKind::Corridor, &c.base.id, c.name.clone())}
            // The state straight under the name: on a small phone's first
            // screen, and the first thing read after the name.
            {status_badge(status, &c.schedule, false)}
            <p class="kind">{lang.t(c.kind.msg())}</p>
            <Distance location=c.base.location/>
            <dl>
                {qualifier.map(|m| view! { <Field label=Msg::DeclaredStatus>{lang.t(m)}</Field> })}
                <Hours schedule=c.schedule.clone() usual=status.class == StatusClass::Closed/>
                {(!allowed.is_empty()).then(|| view! { <Field label=Msg::AllowedLabel>{labels(&allowed)}</Field> })}
                {direction.map(|m| view! { <Field label=Msg::DirectionLabel>{lang.t(m)}</Field> })}
                <Areas areas=c.base.area.clone()/>
                <OptionalText label=Msg::NotesLabel text=c.base.notes.clone()/>
                <Links links=c.base.links.clone()/>
            </dl>
            {actions}
            <Updated base=c.base.clone()/>
        </article>
    }
}

#[component]
pub fn PointCard(
    point: Arc<DistributionPoint>,
    /// What the portal adds under the details (sharing).
    #[prop(optional_no_strip)]
    actions: Option<AnyView>,
) -> impl IntoView {
    let p = point;
    let status = p.stated();
    let services = p.services.clone();
    view! {
        <article class="card" aria-labelledby=ItemKind::Point.anchor(&p.base.id)>
            {heading(ItemKind::Point, &p.base.id, p.name.clone())}
            {status_badge(status, &p.schedule, false)}
            {p.organization.clone().map(|o| view! { <p class="org"><FeedText text=o/></p> })}
            <Distance location=p.base.location/>
            <dl>
                {(!services.is_empty()).then(|| view! { <Field label=Msg::ServicesLabel>{labels(&services)}</Field> })}
                <OptionalText label=Msg::LandmarkLabel text=p.landmark.clone()/>
                <Hours schedule=p.schedule.clone() usual=status.class == StatusClass::Closed/>
                <OptionalText label=Msg::RequirementsLabel text=p.requirements.clone()/>
                <Areas areas=p.base.area.clone()/>
                <OptionalText label=Msg::NotesLabel text=p.base.notes.clone()/>
                <Links links=p.base.links.clone()/>
            </dl>
            {actions}
            <Updated base=p.base.clone()/>
        </article>
    }
}

/// A severity as a shape, a symbol and a word.
#[component]
pub fn SeverityTag(severity: Severity) -> impl IntoView {
    let lang = Reader::get().lang;
    let (class, icon) = match severity {
        Severity::Danger => ("danger", "‼"),
        Severity::Warning => ("warning", "⚠"),
        Severity::Advisory => ("advisory", "!"),
        Severity::Info => ("info", "i"),
        Severity::Other(_) => ("warning", "?"),
    };
    let m = severity.msg();
    view! {
        <span class=format!("severity severity-{class}")>
            <span class="icon" aria-hidden="true">{icon}</span>
            {move || lang.get().t(m)}
        </span>
    }
}

#[component]
pub fn NoticeCard(
    notice: Arc<Notice>,
    /// What the portal adds under the details (sharing).
    #[prop(optional_no_strip)]
    actions: Option<AnyView>,
) -> impl IntoView {
    let n = notice;
    let reader = Reader::get();
    let (lang, now) = (reader.lang, reader.now);
    let (effective, expires) = (n.effective_at, n.expires_at);
    let category = n.category.msg();
    let r = reader.clone();
    let when = move || {
        let (l, t) = (lang.get(), now.get());
        let mut parts = vec![];
        let from = r.when(l, effective, false);
        parts.push(if effective <= t { l.f(Msg::EffectiveFrom, &[("time", &from)]) } else { l.f(Msg::NotYetInEffect, &[("time", &from)]) });
        if let Some(e) = expires {
            if e <= t {
                parts.push(l.t(Msg::Expired).to_owned());
            } else {
                parts.push(l.f(Msg::ExpiresAt, &[("time", &r.when(l, e, false))]));
            }
        }
        parts.join(l.sep())
    };
    view! {
        <article class=format!("card notice notice-{}", n.severity.wire()) aria-labelledby=ItemKind::Notice.anchor(&n.base.id)>
            <p class="tags">
                <SeverityTag severity=n.severity.clone()/>
                <span class="category">{lang.get_untracked().t(category)}</span>
            </p>
            {heading(ItemKind::Notice, &n.base.id, n.title.clone())}
            <p class="when">{when}</p>
            {n.body.clone().map(|b| view! { <p class="body"><FeedText text=b/></p> })}
            <dl>
                <Areas areas=n.base.area.clone()/>
                <OptionalText label=Msg::NotesLabel text=n.base.notes.clone()/>
                <Links links=n.base.links.clone()/>
            </dl>
            {actions}
            <Updated base=n.base.clone()/>
        </article>
    }
}

/// A notice in a short list (overview, compact widget, danger list):
/// severity and title, and when it starts if it has not yet; a short list
/// shows no other dates, and a notice for tomorrow must not read as today's.
#[component]
pub fn NoticeLine(notice: Arc<Notice>, #[prop(optional)] no_tag: bool) -> impl IntoView {
    let reader = Reader::get();
    let (lang, now) = (reader.lang, reader.now);
    let starts = notice.effective_at;
    view! {
        <li>
            {(!no_tag).then(|| view! { <SeverityTag severity=notice.severity.clone()/> " " })}
            {reader.link_to(ItemKind::Notice, &notice.base.id, view! { <FeedText text=notice.title.clone()/> }.into_any())}
            {move || {
                let (l, t) = (lang.get(), now.get());
                (starts > t).then(|| view! { <span class="starts">{l.f(Msg::NotYetInEffect, &[("time", &reader.when(l, starts, false))])}</span> })
            }}
        </li>
    }
}

/// One corridor in a short list: its name and whether it is open now (or,
/// published, its status as given).
#[component]
pub fn CorridorLine(corridor: Arc<Corridor>) -> impl IntoView {
    let reader = Reader::get();
    view! {
        <li>
            {reader.link_to(ItemKind::Corridor, &corridor.base.id, view! { <FeedText text=corridor.name.clone()/> }.into_any())}
            {status_badge(corridor.stated(), &corridor.schedule, false)}
        </li>
    }
}

/// One distribution point in a short list: its name and whether it is open
/// now (or, published, its status as given).
#[component]
pub fn PointLine(point: Arc<DistributionPoint>) -> impl IntoView {
    let reader = Reader::get();
    view! {
        <li>
            {reader.link_to(ItemKind::Point, &point.base.id, view! { <FeedText text=point.name.clone()/> }.into_any())}
            {status_badge(point.stated(), &point.schedule, false)}
        </li>
    }
}
