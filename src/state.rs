//! Shared state, provided once by `Portal` as typed context.

use crate::api::{self, LoadError};
use crate::i18n::Lang;
use crate::route::Route;
use bawaba_model::{Config, Corridor, DistributionPoint, Feed, FeedKind, Items, Notice};
use chrono::{DateTime, Utc};
use leptos::prelude::*;
use std::sync::Arc;

/// One feed named in config.json, with its latest load result.
#[derive(Clone)]
pub struct FeedSlot {
    pub url: String,
    pub data: LocalResource<Result<Arc<Feed>, LoadError>>,
}

impl FeedSlot {
    pub fn new(url: String, timeout_ms: u32) -> FeedSlot {
        let u = url.clone();
        FeedSlot { url, data: LocalResource::new(move || api::fetch_feed(u.clone(), timeout_ms)) }
    }

    /// The feed, once loaded and valid.
    pub fn feed(&self) -> Option<Arc<Feed>> {
        self.data.get().and_then(|r| r.ok())
    }

    pub fn error(&self) -> Option<LoadError> {
        self.data.get().and_then(|r| r.err())
    }
}

#[derive(Clone)]
pub struct Portal {
    pub config: Arc<Config>,
    pub lang: RwSignal<Lang>,
    pub route: RwSignal<Route>,
    /// The current time, ticking every 30 s so "open now" stays true.
    pub now: RwSignal<DateTime<Utc>>,
    pub feeds: Arc<Vec<FeedSlot>>,
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
        self.feeds.iter().filter_map(|s| s.feed()).filter(|f| f.kind() == kind).collect()
    }

    /// True while any feed is still loading for the first time.
    pub fn loading(&self) -> bool {
        self.feeds.iter().any(|s| s.data.get().is_none())
    }

    pub fn corridors(&self) -> Vec<Corridor> {
        self.feeds_of(FeedKind::Corridors)
            .into_iter()
            .flat_map(|f| match &f.items {
                Items::Corridors(v) => v.clone(),
                _ => vec![],
            })
            .collect()
    }

    pub fn points(&self) -> Vec<DistributionPoint> {
        self.feeds_of(FeedKind::DistributionPoints)
            .into_iter()
            .flat_map(|f| match &f.items {
                Items::DistributionPoints(v) => v.clone(),
                _ => vec![],
            })
            .collect()
    }

    pub fn notices(&self) -> Vec<Notice> {
        self.feeds_of(FeedKind::Notices)
            .into_iter()
            .flat_map(|f| match &f.items {
                Items::Notices(v) => v.clone(),
                _ => vec![],
            })
            .collect()
    }

    /// Any loaded feed is demo data: every view then carries the demo banner.
    pub fn any_demo(&self) -> bool {
        self.feeds.iter().filter_map(|s| s.feed()).any(|f| f.demo)
    }

    /// Moves to another address, keeping the chosen language in it.
    pub fn go(&self, mut route: Route) {
        route.lang = Some(self.lang.get_untracked());
        route.push();
        self.route.set(route);
    }
}
