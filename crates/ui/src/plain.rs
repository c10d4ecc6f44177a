//! Items as plain text, in the reader's language: the text shared to
//! WhatsApp, the SMS digest, and what is read aloud all take their words
//! from here, so they never disagree with each other or with the screen.

use crate::format;
use crate::i18n::{Lang, Msg};
use bawaba_model::{openness, LocalizedText, Openness, Schedule, StatusClass, Tz};
use chrono::{DateTime, Utc};

/// A feed text in the reader's language (or its fallback), as plain text.
pub fn text_in(t: &LocalizedText, lang: Lang, default: &str) -> String {
    t.resolve(lang.tag(), default).map(|r| r.text.to_owned()).unwrap_or_default()
}

/// "Open now · until Tue 24 Nov 2026 16:00" as plain text: with full dates,
/// since a forwarded or broadcast text is read later.
pub fn status_line(
    lang: Lang,
    class: StatusClass,
    schedule: &Schedule,
    now: DateTime<Utc>,
    tz: Tz,
    declared: Option<Msg>,
    restricted: bool,
) -> String {
    // Forwarded messages are read later: full dates, never "today".
    let when = |t| format::date_time_full(lang, t, tz);
    let open = lang.t(if restricted { Msg::OpenNowRestricted } else { Msg::OpenNow });
    match openness(class, schedule, now, tz) {
        Openness::Open { until: Some(t) } => format!("{open} · {}", lang.f(Msg::OpenUntil, &[("time", &when(t))])),
        Openness::Open { until: None } => open.to_owned(),
        Openness::ClosedNow { opens: Some(t) } => {
            format!("{} · {}", lang.t(Msg::ClosedNow), lang.f(Msg::OpensAt, &[("time", &when(t))]))
        }
        Openness::ClosedNow { opens: None } => format!("{} · {}", lang.t(Msg::ClosedNow), lang.t(Msg::NoOpeningKnown)),
        Openness::ClosedByStatus => lang.t(declared.unwrap_or(Msg::ClosedByStatus)).to_owned(),
        Openness::Unknown => lang.t(Msg::StatusUnknown).to_owned(),
    }
}
