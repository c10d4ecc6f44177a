//! Honesty about the data: who published it, when, whether it has expired,
//! what could not be loaded and what was skipped.

use crate::components::text::FeedText;
use crate::format;
use crate::i18n::{describe, Count, Msg};
use crate::route::{Route, View};
use crate::state::Portal;
use bawaba_model::{Feed, FeedKind};
use leptos::prelude::*;
use std::sync::Arc;

/// Publisher and age of every feed of one kind, and the expiry warning.
#[component]
pub fn FeedMeta(kind: FeedKind) -> impl IntoView {
    let portal = Portal::get();
    let p = portal.clone();
    let feeds = Memo::new(move |_| p.feeds_of(kind.clone()));
    view! {
        <For each=move || feeds.get().into_iter().enumerate() key=|(i, f)| (*i, Arc::as_ptr(f) as usize) let:((_, feed))>
            <OneFeedMeta feed=feed/>
        </For>
    }
}

#[component]
fn OneFeedMeta(feed: Arc<Feed>) -> impl IntoView {
    let portal = Portal::get();
    let (p1, p2, p3) = (portal.clone(), portal.clone(), portal.clone());
    let f1 = feed.clone();
    let publisher = feed.publisher.as_ref().and_then(|p| p.name.clone());
    let published = move || {
        let lang = p1.lang.get();
        match f1.published_at {
            Some(t) => lang.f(Msg::PublishedAt, &[("when", &format::age(lang, t, p1.now.get()))]),
            None => lang.t(Msg::PublishedUnknown).to_owned(),
        }
    };
    let f2 = feed.clone();
    let expired = move || {
        let now = p2.now.get();
        let lang = p2.lang.get();
        f2.expires_at.filter(|e| *e <= now).map(|e| {
            view! {
                <p class="warning" role="status">
                    <span class="icon" aria-hidden="true">"⚠"</span>
                    {lang.f(Msg::ExpiredFeed, &[("when", &format::age(lang, e, now))])}
                </p>
            }
        })
    };
    let skipped = feed.skipped;
    let skipped_note = move || {
        (skipped > 0).then(|| {
            let lang = p3.lang.get();
            view! {
                <p class="note">
                    <a href=Route::to(View::About, lang).href()>
                        {lang.f(Msg::SkippedSummary, &[("skipped", &lang.count(Count::SkippedItems, skipped as u64))])}
                    </a>
                </p>
            }
        })
    };
    let by = publisher.map(|name| {
        let lang = portal.lang;
        view! {
            <span class="publisher">
                {move || lang.get().t(Msg::PublishedBy).split("{publisher}").next().unwrap_or("").to_owned()}
                <FeedText text=name/>
                {move || lang.get().t(Msg::PublishedBy).split("{publisher}").nth(1).unwrap_or("").to_owned()}
                " · "
            </span>
        }
    });
    view! {
        <div class="feed-meta">
            <p class="meta">{by}<span>{published}</span></p>
            {expired}
            {skipped_note}
        </div>
    }
}

/// Feeds that could not be loaded, each with the reason in the reader's
/// language. The other feeds keep working.
#[component]
pub fn FeedProblems() -> impl IntoView {
    let portal = Portal::get();
    let p = portal.clone();
    let failed = move || {
        p.feeds
            .iter()
            .filter_map(|s| s.error().map(|e| (s.url.clone(), e)))
            .collect::<Vec<_>>()
    };
    let lang = portal.lang;
    view! {
        <For each=failed key=|(url, e)| (url.clone(), format!("{e:?}")) let:((url, err))>
            <div class="problem" role="alert">
                <p class="problem-title">
                    <span class="icon" aria-hidden="true">"⚠"</span>
                    {let u = url.clone(); move || crate::i18n::fill(lang.get().t(Msg::FeedProblemTitle), &[("feed", u.clone())])}
                </p>
                <p>{let e = err.clone(); move || describe::load_error(lang.get(), &e)}</p>
            </div>
        </For>
    }
}
