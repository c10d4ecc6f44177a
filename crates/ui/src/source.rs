//! Where information comes from: one feed's facts as a reader is told them,
//! in About the data (live) and in the published edition's list of sources.

use crate::format;
use crate::i18n::{fill, Count, Label, Msg};
use crate::reader::Reader;
use crate::text::{FeedText, RawText};
use bawaba_model::Feed;
use leptos::prelude::*;

/// A source's card title: "Source: data/corridors.json".
#[component]
pub fn SourceTitle(url: String) -> impl IntoView {
    let lang = Reader::get().lang;
    view! { <h3><span>{move || lang.get().t(Msg::FeedSource)}</span>{move || lang.get().colon()}<RawText text=url/></h3> }
}

/// The feed's kind, publisher, publication and expiry (and that it has
/// expired), item count and signature. Live, times read "today 16:00 (2
/// hours ago)"; published, in full. Not reactive itself: drawn inside the
/// caller's reactive block, which then follows the language and the clock.
pub fn feed_facts(feed: &Feed, verified_by: Option<String>) -> impl IntoView {
    let reader = Reader::get();
    let publisher = feed.publisher.as_ref().and_then(|p| p.name.clone());
    {
        let (l, t) = (reader.lang.get(), reader.now.get());
        let kind = feed.kind().msg();
        let published = match feed.published_at {
            Some(p) if reader.published() => reader.when(l, p, true),
            Some(p) => format!("{} ({})", reader.when(l, p, false), format::age(l, p, t)),
            None => l.t(Msg::PublishedUnknown).to_owned(),
        };
        let expires = match feed.expires_at {
            Some(e) if feed.is_expired(t) => format!("{} — {}", reader.when(l, e, false), l.t(Msg::Expired)),
            Some(e) => reader.when(l, e, false),
            None => l.t(Msg::FeedNoExpiry).to_owned(),
        };
        let signature = match &verified_by {
            Some(key) => fill(l.t(Msg::SignatureVerified), &[("key", key.clone())]),
            None => l.t(Msg::SignatureNotRequired).to_owned(),
        };
        view! {
            <dl>
                <div class="field"><dt>{l.t(Msg::TypeLabel)}</dt><dd>{l.t(kind)}</dd></div>
                {publisher.map(|n| view! { <div class="field"><dt>{l.t(Msg::OrganizationLabel)}</dt><dd><FeedText text=n/></dd></div> })}
                <div class="field"><dt>{l.t(Msg::PublishedLabel)}</dt><dd>{published}</dd></div>
                <div class="field"><dt>{l.t(Msg::FeedExpires)}</dt><dd>{expires}</dd></div>
                <div class="field"><dt>{l.t(Msg::FeedItems)}</dt><dd>{l.count(Count::Items, feed.items.len() as u64)}</dd></div>
                <div class="field"><dt>{l.t(Msg::SignatureLabel)}</dt><dd class="signature">{signature}</dd></div>
            </dl>
        }
    }
}
