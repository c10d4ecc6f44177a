//! "Open now / closed now" with the next change, never by colour alone; on a
//! published page, the status as published instead.

use crate::i18n::{Label, Msg};
use crate::reader::Reader;
use bawaba_model::{openness, Openness, PointStatus, Schedule, StatusClass};
use leptos::prelude::*;

/// The openness of something with this status and schedule, kept current.
pub fn live_openness(class: StatusClass, schedule: Schedule) -> Memo<Openness> {
    let reader = Reader::get();
    let (now, tz) = (reader.now, reader.tz);
    Memo::new(move |_| openness(class, &schedule, now.get(), tz))
}

/// The status a publisher declared for an aid point when it is not plain
/// "open": "Suspended", "Out of stock", "Moved" say more than "Closed" (and
/// a moved point is not "closed now" where it used to be). Every view that
/// shows a point's status labels it with this.
pub fn point_declared(status: &PointStatus) -> Option<Msg> {
    (*status != PointStatus::Open).then(|| status.msg())
}

/// The badge's parts: (class, icon, label, next change).
type Parts = (&'static str, &'static str, String, Option<String>);

/// A badge: a shape that differs per state (circle, square, diamond), a symbol,
/// a word, and the next change. Colour only reinforces what the text says.
#[component]
pub fn OpennessBadge(
    openness: Memo<Openness>,
    /// The announced status, used as the label when it is what closes the place
    /// ("Out of stock" says more than "Closed").
    #[prop(optional)]
    declared: Option<Msg>,
    /// A restricted crossing or road: "open now" alone would say too much.
    #[prop(optional)]
    restricted: bool,
    /// Full dates instead of "today"/"tomorrow": for the printed page.
    #[prop(optional)]
    absolute: bool,
) -> impl IntoView {
    let reader = Reader::get();
    let parts = move || -> Parts {
        let lang = reader.lang.get();
        let when = |t| reader.when(lang, t, absolute);
        match openness.get() {
            Openness::Open { until } => (
                "open",
                "✓",
                lang.t(if restricted { Msg::OpenNowRestricted } else { Msg::OpenNow }).to_owned(),
                until.map(|t| lang.f(Msg::OpenUntil, &[("time", &when(t))])),
            ),
            Openness::ClosedNow { opens } => (
                "closed",
                "✕",
                lang.t(Msg::ClosedNow).to_owned(),
                Some(match opens {
                    Some(t) => lang.f(Msg::OpensAt, &[("time", &when(t))]),
                    None => lang.t(Msg::NoOpeningKnown).to_owned(),
                }),
            ),
            Openness::ClosedByStatus => ("closed", "✕", lang.t(declared.unwrap_or(Msg::ClosedByStatus)).to_owned(), None),
            // Publishers who disagree say so; an unknown status, only that.
            Openness::Unknown => ("unknown", "?", lang.t(declared.filter(|m| *m == Msg::SourcesDiffer).unwrap_or(Msg::StatusUnknown)).to_owned(), None),
        }
    };
    // One effect for the whole badge: it is on every card of long lists.
    move || badge(parts())
}

/// The status exactly as the publisher gave it, for a page read later: no
/// claim about now, only "Status as published: Open".
#[component]
pub fn PublishedBadge(class: StatusClass, status: Msg) -> impl IntoView {
    let lang = Reader::get().lang.get_untracked();
    let (class, icon) = match class {
        StatusClass::Open => ("open", "✓"),
        StatusClass::Closed => ("closed", "✕"),
        StatusClass::Scheduled => ("closed", "◷"),
        StatusClass::Unknown => ("unknown", "?"),
    };
    badge((class, icon, lang.f(Msg::StatusAsPublished, &[("status", lang.t(status))]), None))
}

/// Publishers disagree: neither open nor closed is claimed, live or published.
pub fn disputed_badge() -> impl IntoView {
    badge(("unknown", "≠", Reader::get().lang.get_untracked().t(Msg::SourcesDiffer).to_owned(), None))
}

fn badge((class, icon, label, next): Parts) -> impl IntoView {
    view! {
        <p class=format!("badge badge-{class}")>
            <span class="badge-icon" aria-hidden="true">{icon}</span>
            <strong class="badge-label">{label}</strong>
            {next.map(|next| view! { <span class="badge-next">{next}</span> })}
        </p>
    }
}
