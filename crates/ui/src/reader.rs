//! The reader's context: what every component needs to know about who reads
//! and when, given as values. The portal fills it from the browser (signals
//! that follow the clock, the language switch, "near me"); a published page
//! fills it with constants. A component that needs more than this from its
//! surroundings does not belong in this crate.

use crate::i18n::Lang;
use bawaba_model::{Point, Tz};
use chrono::{DateTime, Utc};
use leptos::prelude::*;
use std::sync::Arc;

/// How what is drawn will be read: live, or later, as published.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reading {
    /// The live portal: "open now", "3 hours ago", kept current.
    Live,
    /// A page written at publish time and read later, perhaps days later and
    /// offline: never "open now" or "ago"; the status as the publisher gave
    /// it, with full dates.
    Published,
}

/// The kinds of item a card can link to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ItemKind {
    Corridor,
    Point,
    Notice,
}

impl ItemKind {
    pub const ALL: [ItemKind; 3] = [ItemKind::Corridor, ItemKind::Point, ItemKind::Notice];

    /// Its list's name in the portal's address (`?view=`), in embed.js's
    /// `data-feed` and in a widget page's name.
    pub fn view(self) -> &'static str {
        match self {
            ItemKind::Corridor => "corridors",
            ItemKind::Point => "distribution",
            ItemKind::Notice => "notices",
        }
    }

    /// The prefix of the card's element id (`c-`, `d-`, `n-`): one scheme for
    /// in-page anchors and aria-labelledby.
    pub fn anchor(self, id: &str) -> String {
        let p = match self {
            ItemKind::Corridor => "c",
            ItemKind::Point => "d",
            ItemKind::Notice => "n",
        };
        format!("{p}-{id}")
    }
}

/// Draws an item's name as a link to it. The portal routes inside the app
/// (or opens the portal from a widget); a published page links to the
/// card's anchor on the same page.
pub type LinkFn = Arc<dyn Fn(ItemKind, &str, AnyView) -> AnyView + Send + Sync>;

#[derive(Clone)]
pub struct Reader {
    // Plain RwSignals, not `Signal`: the portal's own state is these, so the
    // wasm carries no second set of accessors for them.
    pub lang: RwSignal<Lang>,
    /// The current time in the portal (ticking); the time of writing on a
    /// published page.
    pub now: RwSignal<DateTime<Utc>>,
    pub tz: Tz,
    /// The deployment's default language: the last step of text fallback.
    pub default_language: &'static str,
    /// Where the reader is, once they asked for "near me"; never on a published page.
    pub here: RwSignal<Option<Point>>,
    /// Any feed on screen is demo data.
    pub demo: Memo<bool>,
    pub reading: Reading,
    pub link: LinkFn,
}

impl Reader {
    pub fn get() -> Reader {
        expect_context::<Reader>()
    }

    pub fn provide(self) {
        provide_context(self);
    }

    pub fn published(&self) -> bool {
        self.reading == Reading::Published
    }

    /// A time as the edition needs it: "today 16:00" live, "Tue 24 Nov 2026
    /// 16:00" on a published page (read later, "today" would become wrong).
    pub fn when(&self, lang: Lang, t: DateTime<Utc>, full: bool) -> String {
        if full || self.published() {
            crate::format::date_time_full(lang, t, self.tz)
        } else {
            crate::format::day_time(lang, t, self.now.get(), self.tz)
        }
    }

    pub fn link_to(&self, kind: ItemKind, id: &str, inner: AnyView) -> AnyView {
        (self.link)(kind, id, inner)
    }
}
