//! The portal's state, provided once as typed context: the reader's
//! language and address, the clock, the feeds, and the lists derived from
//! them (`derived`), which every view reads.

use crate::derived::{self, Lists, Ordered, SearchIndex};
use crate::i18n::Lang;
use crate::route::Route;
pub use crate::store::FeedSlot;
use bawaba_model::{Config, Corridor, DistributionPoint, Feed, FeedKind};
use chrono::{DateTime, Utc};
use leptos::prelude::*;
use std::sync::Arc;

/// The newest publication time among the feeds held (tracked).
pub fn newest_published(feeds: &[FeedSlot]) -> Option<DateTime<Utc>> {
    feeds.iter().filter_map(|s| s.state.with(|st| st.feed.as_ref().and_then(|f| f.published_at))).max()
}

/// The search text of each kind of item, built when someone first searches.
#[derive(Clone, Copy)]
pub struct Indexes {
    pub corridors: Memo<SearchIndex>,
    pub points: Memo<SearchIndex>,
    pub notices: Memo<SearchIndex>,
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
    /// Every crossing and road, open ones first.
    pub corridors: Memo<Ordered<Corridor>>,
    /// Every aid point, open ones first.
    pub points: Memo<Ordered<DistributionPoint>>,
    /// Every item merged, notices (past ones too) most severe and then
    /// newest first.
    pub lists: Memo<Arc<Lists>>,
    pub search: Indexes,
    /// Any loaded feed is demo data: every view then carries the demo banner.
    pub demo: Memo<bool>,
}

impl Portal {
    /// The state of a portal reading `config`'s feeds (each starts from its
    /// kept copy, then the network).
    pub fn new(config: Arc<Config>, lang: Lang) -> Portal {
        let route = RwSignal::new(Route::current());
        let now = RwSignal::new(crate::clock::now_utc());
        let timeout_ms = config.timeout_seconds.map(|s| s * 1000).unwrap_or(crate::api::DEFAULT_TIMEOUT_MS);
        let keys = Arc::new(config.trusted_keys.clone());
        let feeds = Arc::new(config.feeds.iter().map(|u| FeedSlot::start(u.clone(), timeout_ms, keys.clone())).collect::<Vec<_>>());
        let held = feeds.clone();
        let clock_wrong = Memo::new(move |_| {
            now.track();
            crate::clock::offset_ms().is_none() && bawaba_model::clock::seems_wrong(crate::clock::phone_now(), newest_published(&held))
        });
        let tz = config.time_zone;
        let lists = derived::lists(feeds.clone());
        let held = feeds.clone();
        Portal {
            lang: RwSignal::new(lang),
            route,
            now,
            online: RwSignal::new(window().navigator().on_line()),
            embed: route.get_untracked().embed,
            here: RwSignal::new(None),
            voices: RwSignal::new(0),
            clock_wrong,
            corridors: derived::ordered(lists, |l| &l.corridors, now, clock_wrong, tz),
            points: derived::ordered(lists, |l| &l.points, now, clock_wrong, tz),
            lists,
            search: Indexes {
                corridors: derived::search_index(lists, |l| &l.corridors),
                points: derived::search_index(lists, |l| &l.points),
                notices: derived::search_index(lists, |l| &l.notices),
            },
            demo: Memo::new(move |_| held.iter().any(|s| s.state.with(|st| st.feed.as_ref().is_some_and(|f| f.demo)))),
            config,
            feeds,
        }
    }

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
        self.verified_feeds_of(kind).into_iter().map(|(f, _, _)| f).collect()
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
        let now = crate::clock::now_utc();
        for s in self.feeds.iter().filter(|s| s.state.with_untracked(|st| st.received_at.is_none_or(|at| now - at > age))) {
            s.refresh();
        }
    }

    /// The time the portal goes by: the corrected clock; while it seems
    /// wrong, never before the newest publication (the dangers in effect then
    /// still show, and nothing in effect reads "starts …").
    pub fn current_time(&self) -> DateTime<Utc> {
        let now = crate::clock::now_utc();
        // Untracked: the effects that set the time must not re-run on every feed.
        if self.clock_wrong.get_untracked() { untrack(|| newest_published(&self.feeds)).map_or(now, |p| p.max(now)) } else { now }
    }

    /// Moves to another address, keeping the chosen language in it.
    pub fn go(&self, mut route: Route) {
        route.lang = Some(self.lang.get_untracked());
        route.push();
        self.route.set(route);
    }
}
