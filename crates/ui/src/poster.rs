//! One place on one A4 page, for a wall at the place itself or where people
//! wait: the name large enough to read from a few steps, in the reader's
//! language and in Arabic, the hours, what to bring, and a QR code to the
//! place's page for what changed since. Paper stays up for days, so the
//! poster reads as a published page: the status as published and when,
//! never "open now". The portal's print view and `bawaba-feed posters` draw
//! it with this one component.

use crate::i18n::{Label, Lang, Msg};
use crate::item::{labels, Field, Hours, OptionalText};
use crate::qr::QrCode;
use crate::reader::{Reader, Reading};
use crate::status::{status_badge, Stated};
use crate::text::FeedText;
use bawaba_model::{Corridor, DistributionPoint, LocalizedText, StatusClass};
use chrono::{DateTime, Utc};
use leptos::context::Provider;
use leptos::prelude::*;
use std::sync::Arc;

/// What a poster can be for: a place people go to.
#[derive(Clone)]
pub enum Place {
    Corridor(Arc<Corridor>),
    Point(Arc<DistributionPoint>),
}

impl Place {
    pub fn id(&self) -> &str {
        match self {
            Place::Corridor(c) => &c.base.id,
            Place::Point(p) => &p.base.id,
        }
    }

    pub fn name(&self) -> &LocalizedText {
        match self {
            Place::Corridor(c) => &c.name,
            Place::Point(p) => &p.name,
        }
    }
}

/// The name in Arabic under the reader's, when the reader's is another
/// language and the publisher wrote one: most people at the place read Arabic.
fn arabic_name(name: &LocalizedText, lang: Lang) -> Option<String> {
    (lang != Lang::Ar).then(|| name.resolve("ar", "ar")).flatten().filter(|r| r.lang.starts_with("ar")).map(|r| r.text.to_owned())
}

/// A poster. `link` is the place's page; `qr` its QR code (side, path) from
/// bawaba-qr, left out when it could not be made; `published` the feed's
/// publication time.
#[component]
pub fn Poster(place: Place, link: String, qr: Option<(usize, String)>, published: Option<DateTime<Utc>>) -> impl IntoView {
    // Whatever page draws it, everything on the poster reads as published;
    // a Provider, so the page around it keeps its own reader.
    let reader = Reader { reading: Reading::Published, ..Reader::get() };
    view! { <Provider value=reader><PosterBody place=place link=link qr=qr published=published/></Provider> }
}

#[component]
fn PosterBody(place: Place, link: String, qr: Option<(usize, String)>, published: Option<DateTime<Utc>>) -> impl IntoView {
    let outer = Reader::get();
    let lang = outer.lang.get_untracked();
    let arabic = arabic_name(place.name(), lang);
    let when = published.map(|t| lang.f(Msg::PosterCheck, &[("when", &crate::format::date_time_full(lang, t, outer.tz))]));
    let details = match place.clone() {
        Place::Corridor(c) => view! {
            <p class="poster-kind">{lang.t(c.kind.msg())}</p>
            {status_badge(c.stated(), &c.schedule, false)}
            <dl>
                <Hours schedule=c.schedule.clone() usual=c.status.class() == StatusClass::Closed/>
                {(!c.allowed.is_empty()).then(|| view! { <Field label=Msg::AllowedLabel>{labels(&c.allowed)}</Field> })}
            </dl>
        }
        .into_any(),
        Place::Point(p) => view! {
            <p class="poster-kind">{labels(&p.services)}</p>
            {status_badge(p.stated(), &p.schedule, false)}
            <dl>
                <Hours schedule=p.schedule.clone() usual=p.status.class() == StatusClass::Closed/>
                <OptionalText label=Msg::RequirementsLabel text=p.requirements.clone()/>
                <OptionalText label=Msg::LandmarkLabel text=p.landmark.clone()/>
            </dl>
        }
        .into_any(),
    };
    view! {
        <article class="poster" aria-labelledby=format!("poster-{}", place.id())>
            // The page around it has its own demo banner (a landmark): on the
            // poster the mark is part of the poster, not a second region.
            {outer.demo.get_untracked().then(|| view! { <p class="demo-banner"><span class="icon" aria-hidden="true">"⚠"</span>{lang.t(Msg::DemoBanner)}</p> })}
            <h2 class="poster-name" id=format!("poster-{}", place.id())><FeedText text=place.name().clone()/></h2>
            {arabic.map(|a| view! { <p class="poster-ar" lang="ar" dir="rtl">{a}</p> })}
            {details}
            <div class="poster-qr">
                {qr.map(|(side, path)| view! { <QrCode side=side path=path/> })}
                <p><strong>{lang.t(Msg::PosterScan)}</strong><br/><bdi dir="ltr" class="poster-link">{link}</bdi></p>
            </div>
            {when.map(|w| view! { <p class="poster-when">{w}</p> })}
        </article>
    }
    // Erased: nested in the portal's views, the full type is too deep to compile.
    .into_any()
}
