//! How a place's status is turned into words, for every view: the badge on
//! cards and short lists, the plain text that is shared, sent by SMS and
//! read aloud, the map's markers, the printed page and the poster, and the
//! counts. One value built from any crossing, road or aid point
//! ([`Status`]), read at a moment or as published ([`Said`]), and one
//! function that says it ([`Status::words`]).

use crate::i18n::{Label, Lang, Msg};
use crate::reader::Reader;
use bawaba_model::{openness, Corridor, CorridorStatus, DistributionPoint, Openness, PointStatus, Schedule, StatusClass, Tz};
use chrono::{DateTime, Utc};
use leptos::prelude::*;

/// What a publisher declared about a place, as far as showing it goes.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Status {
    pub class: StatusClass,
    /// The publisher's own word: "Restricted", "Out of stock", "Moved" say
    /// more than "Closed" (and a moved point is not "closed now" where it
    /// used to be).
    pub declared: Msg,
    /// Open only with restrictions: "open now" alone would say too much.
    pub restricted: bool,
    /// Its publishers disagree: neither open nor closed is claimed, live or
    /// published.
    pub disputed: bool,
}

/// A place with a status and hours: a crossing, a road or an aid point.
pub trait Stated {
    fn stated(&self) -> Status;
    fn schedule(&self) -> &Schedule;

    /// Open now or not at `now`, by its status and hours.
    fn openness_at(&self, now: DateTime<Utc>, tz: Tz) -> Openness {
        openness(self.stated().class, self.schedule(), now, tz)
    }
}

impl Stated for Corridor {
    fn stated(&self) -> Status {
        let s = &self.status;
        Status { class: s.class(), declared: s.msg(), restricted: *s == CorridorStatus::Restricted, disputed: *s == CorridorStatus::SourcesDiffer }
    }

    fn schedule(&self) -> &Schedule {
        &self.schedule
    }
}

impl Stated for DistributionPoint {
    fn stated(&self) -> Status {
        let s = &self.status;
        Status { class: s.class(), declared: s.msg(), restricted: false, disputed: *s == PointStatus::SourcesDiffer }
    }

    fn schedule(&self) -> &Schedule {
        &self.schedule
    }
}

/// When a status is read: live at a moment, with the place's openness
/// then; or as published (a page read later, a clock that seems wrong),
/// which makes no claim about now.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Said {
    Live(Openness),
    Published,
}

/// The states a reader tells apart at a glance: each has its colour, shape
/// and count. `Scheduled` is only said as published (live, a schedule is
/// open or closed now). In the order a reader scans for: open first, then
/// what may open, closed, and what cannot be told.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Tone {
    Open,
    Restricted,
    Scheduled,
    Closed,
    Unknown,
    Disputed,
}

impl Tone {
    /// The class a badge or a map marker is drawn with.
    pub fn class(self) -> &'static str {
        match self {
            Tone::Open | Tone::Restricted => "open",
            Tone::Scheduled | Tone::Closed => "closed",
            Tone::Unknown | Tone::Disputed => "unknown",
        }
    }
}

/// A status in words: how it is drawn, its symbol (never colour alone), its
/// label and the next change ("until 16:00").
#[derive(Debug, Clone, PartialEq)]
pub struct Words {
    pub tone: Tone,
    pub icon: &'static str,
    pub label: String,
    pub next: Option<String>,
}

impl Words {
    /// "Open now · until Tue 24 Nov 2026 16:00": the shared text's line.
    pub fn line(&self) -> String {
        match &self.next {
            Some(next) => format!("{} · {next}", self.label),
            None => self.label.clone(),
        }
    }
}

impl Status {
    /// Which of the states it is in, said this way.
    pub fn tone(&self, said: Said) -> Tone {
        let open = if self.restricted { Tone::Restricted } else { Tone::Open };
        if self.disputed {
            return Tone::Disputed;
        }
        match said {
            Said::Live(Openness::Open { .. }) => open,
            Said::Live(Openness::ClosedNow { .. } | Openness::ClosedByStatus) => Tone::Closed,
            Said::Live(Openness::Unknown) => Tone::Unknown,
            Said::Published => match self.class {
                StatusClass::Open => open,
                StatusClass::Closed => Tone::Closed,
                StatusClass::Scheduled => Tone::Scheduled,
                StatusClass::Unknown => Tone::Unknown,
            },
        }
    }

    /// The status in words. `when` writes a time ("today 16:00" live, in
    /// full on paper and in anything forwarded).
    pub fn words(&self, lang: Lang, said: Said, when: impl Fn(DateTime<Utc>) -> String) -> Words {
        let tone = self.tone(said);
        let (icon, label, next) = match (tone, said) {
            (Tone::Disputed, _) => ("≠", lang.t(Msg::SourcesDiffer).to_owned(), None),
            (_, Said::Published) => {
                let icon = match tone {
                    Tone::Open | Tone::Restricted => "✓",
                    Tone::Scheduled => "◷",
                    Tone::Closed => "✕",
                    Tone::Unknown | Tone::Disputed => "?",
                };
                (icon, lang.f(Msg::StatusAsPublished, &[("status", lang.t(self.declared))]), None)
            }
            (_, Said::Live(Openness::Open { until })) => {
                let label = lang.t(if self.restricted { Msg::OpenNowRestricted } else { Msg::OpenNow });
                ("✓", label.to_owned(), until.map(|t| lang.f(Msg::OpenUntil, &[("time", &when(t))])))
            }
            (_, Said::Live(Openness::ClosedNow { opens })) => {
                let next = match opens {
                    Some(t) => lang.f(Msg::OpensAt, &[("time", &when(t))]),
                    None => lang.t(Msg::NoOpeningKnown).to_owned(),
                };
                ("✕", lang.t(Msg::ClosedNow).to_owned(), Some(next))
            }
            (_, Said::Live(Openness::ClosedByStatus)) => ("✕", lang.t(self.declared).to_owned(), None),
            (_, Said::Live(Openness::Unknown)) => ("?", lang.t(Msg::StatusUnknown).to_owned(), None),
        };
        Words { tone, icon, label, next }
    }

    /// What a count files it under, said this way: its state and the word
    /// for it (a closed crossing is "closed now"; a suspended point is
    /// "suspended", not "closed").
    pub fn counted(&self, said: Said) -> (Tone, Msg) {
        let tone = self.tone(said);
        let word = match (tone, said) {
            (Tone::Disputed, _) => Msg::SourcesDiffer,
            (Tone::Unknown, _) => Msg::StatusUnknown,
            (_, Said::Published) => self.declared,
            (Tone::Open, _) => Msg::OpenNow,
            (Tone::Restricted, _) => Msg::OpenNowRestricted,
            (_, Said::Live(Openness::ClosedByStatus)) if self.declared != Msg::StatusClosed => self.declared,
            _ => Msg::ClosedNow,
        };
        (tone, word)
    }

    /// The declared word where the live badge does not say it: a crossing
    /// open "with restrictions" or on "scheduled openings", or a status
    /// this portal does not know.
    pub fn qualifier(&self) -> Option<Msg> {
        let said_by_badge = self.disputed || matches!(self.declared, Msg::StatusOpen) || self.class == StatusClass::Closed;
        (!said_by_badge).then_some(self.declared)
    }
}

/// How many places are in each state, each counted apart, by the word the
/// reader is told: open, open with restrictions, closed, suspended, out of
/// stock, moved, unknown… so that no count says more than the data (a
/// restricted crossing is not open to everyone, a moved point is not
/// "closed"). One count for the overview and the published first screen.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Counts(Vec<(Tone, Msg, usize)>);

impl Counts {
    /// Counts places by what is said of each (`Status::counted`).
    pub fn of(said: impl IntoIterator<Item = (Tone, Msg)>) -> Counts {
        let mut c = Counts::default();
        for s in said {
            c.add(s);
        }
        c
    }

    /// One more place: open ones first, then what may open, closed, and
    /// what cannot be told (an insertion: the lists are a few words long).
    fn add(&mut self, (tone, word): (Tone, Msg)) {
        match self.0.iter().position(|(_, w, _)| *w == word) {
            Some(i) => self.0[i].2 += 1,
            None => {
                let at = self.0.iter().position(|(t, _, _)| *t > tone).unwrap_or(self.0.len());
                self.0.insert(at, (tone, word, 1));
            }
        }
    }

    /// "Open now: 1 · Open now, with restrictions: 1 · Closed now: 1" (in
    /// Arabic, with commas: `Lang::sep`): how
    /// many are open always (none open is news), the others when there are
    /// any. As published, in the publishers' own words: "Open: 2 ·
    /// Restricted: 3 · Closed: 3".
    pub fn line(&self, lang: Lang, published: bool) -> String {
        // Each part kept whole (no-break spaces inside it): a line breaks
        // only between two, never in "Open now, with / restrictions: 1".
        let part = |word: Msg, n: usize| [lang.t(word), lang.colon(), &lang.digits(&n.to_string())].concat().replace(' ', "\u{a0}");
        let mut parts = vec![];
        if !self.0.iter().any(|(tone, _, _)| *tone == Tone::Open) {
            parts.push(part(if published { Msg::StatusOpen } else { Msg::OpenNow }, 0));
        }
        parts.extend(self.0.iter().map(|(_, word, n)| part(*word, *n)));
        parts.join(lang.sep())
    }
}

/// A place's status on a card or a line: live and kept current, or as
/// published. `absolute`: full dates (the printed page).
pub fn status_badge(status: Status, schedule: &Schedule, absolute: bool) -> AnyView {
    let reader = Reader::get();
    if status.disputed || reader.published() {
        // Nothing here changes with the clock.
        return badge(status.words(reader.lang.get_untracked(), Said::Published, |_| String::new())).into_any();
    }
    let (now, tz, lang) = (reader.now, reader.tz, reader.lang);
    let schedule = schedule.clone();
    let open = Memo::new(move |_| openness(status.class, &schedule, now.get(), tz));
    // One effect for the whole badge: it is on every card of long lists.
    (move || {
        let l = lang.get();
        badge(status.words(l, Said::Live(open.get()), |t| reader.when(l, t, absolute)))
    })
    .into_any()
}

fn badge(w: Words) -> impl IntoView {
    view! {
        <p class=format!("badge badge-{}", w.tone.class())>
            <span class="badge-icon" aria-hidden="true">{w.icon}</span>
            <strong class="badge-label">{w.label}</strong>
            {w.next.map(|next| view! { <span class="badge-next">{next}</span> })}
        </p>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn status(class: StatusClass, declared: Msg) -> Status {
        Status { class, declared, restricted: false, disputed: false }
    }

    #[test]
    fn live_words_say_now_and_the_next_change() {
        let t = Utc.with_ymd_and_hms(2026, 11, 24, 14, 0, 0).unwrap();
        let when = |_| "16:00".to_owned();
        let open = status(StatusClass::Open, Msg::StatusOpen);
        let w = open.words(Lang::En, Said::Live(Openness::Open { until: Some(t) }), when);
        assert_eq!((w.tone, w.icon, w.line()), (Tone::Open, "✓", "Open now · until 16:00".to_owned()));
        let restricted = Status { restricted: true, declared: Msg::StatusRestricted, ..open };
        let w = restricted.words(Lang::En, Said::Live(Openness::Open { until: None }), when);
        assert_eq!((w.tone, w.line()), (Tone::Restricted, "Open now, with restrictions".to_owned()));
        assert_eq!(restricted.qualifier(), Some(Msg::StatusRestricted), "the card names the restriction");
        let w = open.words(Lang::En, Said::Live(Openness::ClosedNow { opens: None }), when);
        assert_eq!((w.tone, w.line()), (Tone::Closed, "Closed now · no opening time announced".to_owned()));
        let w = open.words(Lang::En, Said::Live(Openness::ClosedNow { opens: Some(t) }), when);
        assert_eq!(w.line(), "Closed now · opens 16:00");
        let out = status(StatusClass::Closed, Msg::StatusOutOfStock);
        assert_eq!(out.words(Lang::En, Said::Live(Openness::ClosedByStatus), when).line(), "Out of stock", "the declared word says why");
        assert_eq!(out.qualifier(), None, "the badge already says it");
        let other = status(StatusClass::Unknown, Msg::Other);
        let w = other.words(Lang::En, Said::Live(Openness::Unknown), when);
        assert_eq!((w.tone, w.icon, w.line()), (Tone::Unknown, "?", "Status unknown".to_owned()));
        assert_eq!(other.qualifier(), Some(Msg::Other));
    }

    #[test]
    fn each_state_is_counted_apart_and_restricted_is_never_plain_open() {
        let open = status(StatusClass::Open, Msg::StatusOpen);
        let restricted = Status { restricted: true, declared: Msg::StatusRestricted, ..open };
        let closed = status(StatusClass::Closed, Msg::StatusClosed);
        let moved = status(StatusClass::Closed, Msg::StatusMoved);
        let now = |o| Said::Live(o);
        // A line breaks only between parts: inside one, the spaces do not break.
        let read = |c: &Counts, lang, published| {
            let line = c.line(lang, published);
            assert!(line.split(lang.sep()).all(|part| !part.contains(' ')), "{line:?}");
            line.replace('\u{a0}', " ")
        };
        let live = Counts::of([
            open.counted(now(Openness::Open { until: None })),
            restricted.counted(now(Openness::Open { until: None })),
            open.counted(now(Openness::ClosedNow { opens: None })),
            closed.counted(now(Openness::ClosedByStatus)),
        ]);
        assert_eq!(read(&live, Lang::En, false), "Open now: 1 · Open now, with restrictions: 1 · Closed now: 2");
        assert_eq!(read(&live, Lang::Ar, false), "مفتوح الآن: ١، مفتوح الآن بقيود: ١، مغلق الآن: ٢", "no middle dot beside a digit: it reads as a zero");
        let points = Counts::of([moved.counted(now(Openness::ClosedByStatus)), open.counted(now(Openness::Unknown))]);
        assert_eq!(read(&points, Lang::En, false), "Open now: 0 · Moved: 1 · Status unknown: 1", "none open is said; a moved point is not closed");
        let published = Counts::of([closed.counted(Said::Published), restricted.counted(Said::Published), restricted.counted(Said::Published)]);
        assert_eq!(read(&published, Lang::En, true), "Open: 0 · Restricted: 2 · Closed: 1");
        let disputed = Status { disputed: true, ..status(StatusClass::Unknown, Msg::SourcesDiffer) };
        let odd = Counts::of([disputed.counted(Said::Published), status(StatusClass::Scheduled, Msg::StatusScheduled).counted(Said::Published), open.counted(Said::Published)]);
        assert_eq!(read(&odd, Lang::En, true), "Open: 1 · Scheduled openings: 1 · Sources differ: 1");
        assert_eq!(read(&Counts::default(), Lang::Fr, false), "Ouvert maintenant : 0");
    }

    #[test]
    fn published_words_never_say_now_and_disputed_ones_never_say_either() {
        let scheduled = status(StatusClass::Scheduled, Msg::StatusScheduled);
        let w = scheduled.words(Lang::En, Said::Published, |_| unreachable!());
        assert_eq!((w.tone, w.icon, w.line()), (Tone::Scheduled, "◷", "Status as published: Scheduled openings".to_owned()));
        assert_eq!(w.tone.class(), "closed");
        let disputed = Status { disputed: true, ..status(StatusClass::Unknown, Msg::SourcesDiffer) };
        for said in [Said::Published, Said::Live(Openness::Unknown), Said::Live(Openness::Open { until: None })] {
            let w = disputed.words(Lang::En, said, |_| unreachable!());
            assert_eq!((w.tone, w.icon, w.line()), (Tone::Disputed, "≠", "Sources differ".to_owned()));
        }
        assert_eq!(disputed.qualifier(), None);
    }
}
