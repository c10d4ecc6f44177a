//! "Open now / closed now" with the next change, never by colour alone.

use crate::format;
use crate::i18n::Msg;
use crate::state::Portal;
use bawaba_model::{openness, Openness, Schedule, StatusClass};
use leptos::prelude::*;

/// The openness of something with this status and schedule, kept current.
pub fn live_openness(class: StatusClass, schedule: Schedule) -> Memo<Openness> {
    let portal = Portal::get();
    let tz = portal.tz();
    Memo::new(move |_| openness(class, &schedule, portal.now.get(), tz))
}

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
    let portal = Portal::get();
    let p = portal.clone();
    let parts = move || {
        let lang = p.lang.get();
        let now = p.now.get();
        let when = |t| if absolute { format::date_time_full(lang, t, p.tz()) } else { format::day_time(lang, t, now, p.tz()) };
        match openness.get() {
            Openness::Open { until } => (
                "open",
                "✓",
                lang.t(if restricted { Msg::OpenNowRestricted } else { Msg::OpenNow }),
                Some(match until {
                    Some(t) => lang.f(Msg::OpenUntil, &[("time", &when(t))]),
                    None => String::new(),
                })
                .filter(|s| !s.is_empty()),
            ),
            Openness::ClosedNow { opens } => (
                "closed",
                "✕",
                lang.t(Msg::ClosedNow),
                Some(match opens {
                    Some(t) => lang.f(Msg::OpensAt, &[("time", &when(t))]),
                    None => lang.t(Msg::NoOpeningKnown).to_owned(),
                }),
            ),
            Openness::ClosedByStatus => ("closed", "✕", lang.t(declared.unwrap_or(Msg::ClosedByStatus)), None),
            Openness::Unknown => ("unknown", "?", lang.t(Msg::StatusUnknown), None),
        }
    };
    // One effect for the whole badge: it is on every card of long lists.
    move || {
        let (class, icon, label, next) = parts();
        view! {
            <p class=format!("badge badge-{class}")>
                <span class="badge-icon" aria-hidden="true">{icon}</span>
                <strong class="badge-label">{label}</strong>
                {next.map(|next| view! { <span class="badge-next">{next}</span> })}
            </p>
        }
    }
}
