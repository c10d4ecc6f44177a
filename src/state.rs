//! Shared state, provided once by `Portal` as typed context.

use crate::i18n::Lang;
use crate::components::chrome::NavLink;
use crate::route::{Route, View};
use bawaba_ui::{Edition, ItemKind, Reader};
pub use crate::store::FeedSlot;
use bawaba_model::merge::{merge, Mergeable};
use bawaba_model::{Config, Corridor, DistributionPoint, Feed, FeedKind, Items, Notice};
use chrono::{DateTime, Utc};
use leptos::prelude::*;
use std::sync::Arc;

thread_local! {
    /// The merged items of the last sets of feeds, by the feeds' identities.
    static MERGED: std::cell::RefCell<Vec<(FeedKind, Vec<Arc<Feed>>, Box<dyn std::any::Any>)>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// The newest publication time among the feeds held (tracked).
pub fn newest_published(feeds: &[FeedSlot]) -> Option<DateTime<Utc>> {
    feeds.iter().filter_map(|s| s.state.with(|st| st.feed.as_ref().and_then(|f| f.published_at))).max()
}

#[derive(Clone)]
pub struct Portal {
    pub config: Arc<Config>,
    pub lang: RwSignal<Lang>,
    pub route: RwSignal<Route>,
    /// The current time, ticking every 30 s so "open now" stays true.
    pub now: RwSignal<DateTime<Utc>>,
    pub feeds: Arc<Vec<FeedSlot>>,
    /// What the browser says about the connection.
    pub online: RwSignal<bool>,
    /// Set when the portal runs as a widget in another site's iframe.
    pub embed: Option<crate::route::Embed>,
    /// The device's position, once the reader asked for "near me". Kept in
    /// memory only: never stored, never sent.
    pub here: RwSignal<Option<bawaba_model::Point>>,
    /// Bumped when the phone's list of speech voices changes ("Listen").
    pub voices: RwSignal<u32>,
    /// The phone's clock seems wrong and the server's time is not known:
    /// nothing is said about "now" (`bawaba_model::clock`).
    pub clock_wrong: Memo<bool>,
}

impl Portal {
    pub fn get() -> Portal {
        expect_context::<Portal>()
    }

    pub fn tz(&self) -> bawaba_model::Tz {
        self.config.time_zone
    }

    pub fn default_language(&self) -> &'static str {
        self.config.default_language
    }

    /// Every loaded feed of one kind; several feeds of a kind are shown together.
    pub fn feeds_of(&self, kind: FeedKind) -> Vec<Arc<Feed>> {
        self.feeds.iter().filter_map(|s| s.state.with(|st| st.feed.clone())).filter(|f| f.kind() == kind).collect()
    }

    /// As `feeds_of`, with the id of the trusted key that verified each one
    /// and whether it came from a shared file.
    pub fn verified_feeds_of(&self, kind: FeedKind) -> Vec<(Arc<Feed>, Option<String>, bool)> {
        self.feeds
            .iter()
            .filter_map(|s| s.state.with(|st| st.feed.clone().map(|f| (f, st.verified_by.clone(), st.from_file))))
            .filter(|(f, _, _)| f.kind() == kind)
            .collect()
    }

    /// True while a feed has nothing to show yet and is still being fetched.
    pub fn loading(&self) -> bool {
        self.feeds.iter().any(|s| s.state.with(|st| st.feed.is_none() && st.trouble.is_none()))
    }

    /// Checks every feed again (manual refresh, connection back, interval).
    pub fn refresh_all(&self) {
        for s in self.feeds.iter() {
            s.refresh();
        }
    }

    /// Checks the feeds last received longer ago than `age`, or never.
    pub fn refresh_older_than(&self, age: chrono::Duration) {
        let now = crate::now_utc();
        for s in self.feeds.iter().filter(|s| s.state.with_untracked(|st| st.received_at.is_none_or(|at| now - at > age))) {
            s.refresh();
        }
    }

    /// Every item of one kind, from every loaded feed of that kind, what
    /// several publishers describe as one entry (`bawaba_model::merge`).
    /// Merged once per set of feeds, not on every change of a feed's state
    /// (a check starting or ending): on a 10,000-point feed beside another
    /// publisher's, merging each time cost over a second of a slow phone's
    /// first screen (tools/bench).
    fn items_of<T: Mergeable + Send + Sync + 'static>(&self, kind: FeedKind, pick: fn(&Items) -> Option<&Vec<Arc<T>>>) -> Vec<Arc<T>> {
        let feeds = self.feeds_of(kind.clone());
        MERGED.with(|m| {
            let mut m = m.borrow_mut();
            // The feeds themselves are the key (held, so no other feed can
            // take an address of theirs): one entry per kind of item.
            let same = |held: &Vec<Arc<Feed>>| held.len() == feeds.len() && held.iter().zip(&feeds).all(|(a, b)| Arc::ptr_eq(a, b));
            let at = m.iter().position(|(k, _, _)| *k == kind);
            if let Some((_, held, v)) = at.map(|i| &m[i]) {
                if let Some(v) = v.downcast_ref::<Vec<Arc<T>>>().filter(|_| same(held)) {
                    return v.clone();
                }
            }
            let lists: Vec<&[Arc<T>]> = feeds.iter().filter_map(|f| pick(&f.items).map(Vec::as_slice)).collect();
            let merged = merge(&lists);
            let entry = (kind, feeds.clone(), Box::new(merged.clone()) as Box<dyn std::any::Any>);
            match at {
                Some(i) => m[i] = entry,
                None => m.push(entry),
            }
            merged
        })
    }

    pub fn corridors(&self) -> Vec<Arc<Corridor>> {
        self.items_of(FeedKind::Corridors, |i| if let Items::Corridors(v) = i { Some(v) } else { None })
    }

    pub fn points(&self) -> Vec<Arc<DistributionPoint>> {
        self.items_of(FeedKind::DistributionPoints, |i| if let Items::DistributionPoints(v) = i { Some(v) } else { None })
    }

    pub fn notices(&self) -> Vec<Arc<Notice>> {
        self.items_of(FeedKind::Notices, |i| if let Items::Notices(v) = i { Some(v) } else { None })
    }

    /// The newest publication time of the feeds held: the real time is at
    /// least this, whatever the phone's clock says.
    pub fn newest_published(&self) -> Option<DateTime<Utc>> {
        newest_published(&self.feeds)
    }

    /// The time the portal goes by: the corrected clock; while it seems
    /// wrong, never before the newest publication (the dangers in effect then
    /// still show, and nothing in effect reads "starts …").
    pub fn current_time(&self) -> DateTime<Utc> {
        let now = crate::now_utc();
        // Untracked: the effects that set the time must not re-run on every feed.
        if self.clock_wrong.get_untracked() { untrack(|| self.newest_published()).map_or(now, |p| p.max(now)) } else { now }
    }

    /// Any loaded feed is demo data: every view then carries the demo banner.
    pub fn any_demo(&self) -> bool {
        self.feeds.iter().any(|s| s.state.with(|st| st.feed.as_ref().is_some_and(|f| f.demo)))
    }

    /// What the shared components (bawaba-ui) need to know about the reader,
    /// from the portal's live state: its clock, language switch and "near me";
    /// item names link within the app (or, in a widget, to the full portal).
    pub fn reader(&self) -> Reader {
        let p = self.clone();
        // While the clock seems wrong, read as a published page is: the
        // status as published and full dates.
        let wrong = self.clock_wrong.get_untracked();
        Reader {
            lang: self.lang,
            now: self.now,
            tz: self.tz(),
            default_language: self.default_language(),
            here: self.here,
            demo: Memo::new(move |_| p.any_demo()),
            edition: if wrong { Edition::Published } else { Edition::Live },
            link: Arc::new(|kind: ItemKind, id: &str, inner: AnyView| {
                let view = match kind {
                    ItemKind::Corridor => View::Corridors,
                    ItemKind::Point => View::Distribution,
                    ItemKind::Notice => View::Notices,
                };
                let to = Route { view, ..Route::default() }.with_id(id);
                view! { <NavLink to=to>{inner}</NavLink> }.into_any()
            }),
        }
    }

    /// Moves to another address, keeping the chosen language in it.
    pub fn go(&self, mut route: Route) {
        route.lang = Some(self.lang.get_untracked());
        route.push();
        self.route.set(route);
    }
}
