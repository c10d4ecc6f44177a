//! Honesty about the data: who published it, when, whether it has expired,
//! what could not be loaded and what was skipped.

use crate::components::text::tr;
use crate::components::text::FeedText;
use crate::format;
use crate::i18n::{describe, Count, Msg};
use crate::route::{Route, View};
use crate::state::Portal;
use crate::store::{FeedState, Trouble};
use bawaba_model::keep::Held;
use bawaba_model::{Feed, FeedKind};
use leptos::prelude::*;
use std::sync::Arc;

/// Publisher and age of every feed of one kind, and the expiry warning.
#[component]
pub fn FeedMeta(kind: FeedKind) -> impl IntoView {
    let portal = Portal::get();
    let p = portal.clone();
    // Feeds compared by identity: field by field, each copy of a
    // 10,000-point feed that arrived cost a slow phone 80 ms here.
    let feeds = Memo::new_with_compare(
        move |_| p.verified_feeds_of(kind.clone()),
        |a, b| !matches!((a, b), (Some(a), Some(b)) if a.len() == b.len() && a.iter().zip(b).all(|(x, y)| Arc::ptr_eq(&x.0, &y.0) && x.1 == y.1 && x.2 == y.2)),
    );
    view! {
        <For
            each=move || feeds.get().into_iter().enumerate()
            key=|(i, (f, v, file))| (*i, Arc::as_ptr(f) as usize, v.clone(), *file)
            let:((_, (feed, verified_by, from_file)))
        >
            <OneFeedMeta feed=feed verified=verified_by.is_some() from_file=from_file/>
        </For>
    }
}

/// "This information may be out of date", with how long ago the feed
/// expired (contract sections 3 and 4), while it is expired.
fn expired_warning(feed: Arc<Feed>) -> impl IntoView {
    let portal = Portal::get();
    move || {
        let now = portal.now.get();
        let lang = portal.lang.get();
        feed.expires_at.filter(|e| *e <= now).map(|e| {
            view! {
                // Not a live region: its age changes every minute, and a
                // screen reader would read the warning out each time.
                <p class="warning">
                    <span class="icon" aria-hidden="true">"⚠"</span>
                    {lang.f(Msg::ExpiredFeed, &[("when", &format::age(lang, e, now))])}
                </p>
            }
        })
    }
}

/// The expiry warning of every feed of these kinds, for views that show
/// their items without the full feed details (the overview, map, print).
#[component]
pub fn ExpiredFeeds(kinds: Vec<FeedKind>) -> impl IntoView {
    let p = Portal::get();
    let feeds = Memo::new_with_compare(move |_| kinds.iter().flat_map(|k| p.verified_feeds_of(k.clone())).map(|(f, _, _)| f).collect::<Vec<_>>(), crate::derived::list_changed);
    view! {
        <For each=move || feeds.get() key=|f| Arc::as_ptr(f) as usize let:feed>
            {expired_warning(feed)}
        </For>
    }
}

#[component]
fn OneFeedMeta(feed: Arc<Feed>, verified: bool, from_file: bool) -> impl IntoView {
    let portal = Portal::get();
    let (p1, p3) = (portal.clone(), portal.clone());
    let f1 = feed.clone();
    let publisher = feed.publisher.as_ref().and_then(|p| p.name.clone());
    let published = move || {
        let lang = p1.lang.get();
        match f1.published_at {
            Some(t) => lang.f(Msg::PublishedAt, &[("when", &format::age(lang, t, p1.now.get()))]),
            None => lang.t(Msg::PublishedUnknown).to_owned(),
        }
    };
    let expired = expired_warning(feed.clone());
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
    // Words, not only a tick: the mark must read the same to a screen reader.
    let mark = verified.then(|| {
        view! {
            <span class="verified">
                <span class="icon" aria-hidden="true">"✔"</span>
                {tr(Msg::VerifiedPublisher)}
            </span>
            " · "
        }
    });
    // Passed by hand: said until the network brings a copy (unverified
    // only where the deployment has no trusted keys to verify it with).
    let file = from_file.then(|| {
        let m = if verified { Msg::ReceivedFromFile } else { Msg::ReceivedUnverified };
        view! { <strong class="from-file">{tr(m)}</strong> " · " }
    });
    view! {
        <div class="feed-meta">
            <p class="meta">{file}{mark}{by}<span>{published}</span></p>
            {expired}
            {skipped_note}
        </div>
    }
}

/// Feeds that could not be loaded or updated, each with the reason in the
/// reader's language and, when a saved copy is still shown, its age. The other
/// feeds keep working.
#[component]
pub fn FeedProblems() -> impl IntoView {
    let portal = Portal::get();
    let feeds = portal.feeds.clone();
    let states: Vec<_> = feeds.iter().map(|s| s.state).collect();
    // Said once, whichever feeds it concerns: the phone's storage is the reason.
    let full = move || states.iter().any(|s| s.with(|st| st.unsaved));
    view! {
        {feeds.iter().map(|slot| view! { <FeedProblem slot_state=slot.state url=slot.url.clone()/> }).collect_view()}
        <Show when=full>
            <p class="problem held" role="status">
                <span class="icon" aria-hidden="true">"⚠"</span>
                {tr(Msg::StorageFull)}
            </p>
        </Show>
    }
}

#[component]
fn FeedProblem(slot_state: RwSignal<FeedState>, url: String) -> impl IntoView {
    let portal = Portal::get();
    let (lang, now) = (portal.lang, portal.now);
    move || {
        let st = slot_state.get();
        let trouble = st.trouble?;
        let l = lang.get();
        let (class, role, title, reason) = match trouble {
            Trouble::Failed(e) => ("problem", "alert", Msg::FeedProblemTitle, describe::load_error(l, &e)),
            Trouble::Held(Held::Failed(e)) => {
                ("problem held", "status", Msg::FeedUpdateProblemTitle, describe::load_error(l, &e))
            }
            Trouble::Held(Held::Older) => ("problem held", "status", Msg::FeedUpdateProblemTitle, l.t(Msg::HeldOlder).to_owned()),
            Trouble::Held(Held::AllItemsInvalid) => {
                ("problem held", "status", Msg::FeedUpdateProblemTitle, l.t(Msg::HeldAllInvalid).to_owned())
            }
        };
        let (before, after) = l.t(title).split_once("{feed}").unwrap_or((l.t(title), ""));
        // The age of the kept copy changes every minute: outside the live
        // region, so the problem is announced once, not every minute.
        let keeping = (class == "problem held").then_some(st.received_at).flatten().map(|t| {
            view! { <p class="keeping">{move || l.f(Msg::FeedProblemKeeping, &[("when", &format::age(l, t, now.get()))])}</p> }
        });
        Some(view! {
            <div class=class>
                <div role=role>
                    <p class="problem-title">
                        <span class="icon" aria-hidden="true">"⚠"</span>
                        // The address is Latin text inside a sentence that may be
                        // Arabic or Hebrew: isolated, or its slashes move.
                        {before}<bdi dir="ltr">{url.clone()}</bdi>{after}
                    </p>
                    <p>{reason}</p>
                </div>
                {keeping}
            </div>
        })
    }
}

/// Online or offline, and a way to check for newer information now.
#[component]
pub fn ConnectionBar() -> impl IntoView {
    let portal = Portal::get();
    let (lang, online) = (portal.lang, portal.online);
    let feeds = portal.feeds.clone();
    let checking = Memo::new(move |_| feeds.iter().any(|s| s.state.with(|st| st.checking)));
    let p = portal.clone();
    view! {
        <div class="connection" class:offline=move || !online.get()>
            <p class="connection-state" role="status">
                <span class="icon" aria-hidden="true">{move || if online.get() { "●" } else { "○" }}</span>
                {move || lang.get().t(if online.get() { Msg::Online } else { Msg::Offline })}
            </p>
            <button type="button" class="refresh" on:click=move |_| p.refresh_all() disabled=checking aria-busy=move || checking.get().then_some("true")>
                {move || lang.get().t(if checking.get() { Msg::Checking } else { Msg::Refresh })}
            </button>
        </div>
    }
}
