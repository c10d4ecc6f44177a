//! Dates, times, ages and hours in the reader's language, always in the
//! deployment's time zone (not the phone's, which may be set wrong).

use crate::i18n::{Count, Lang, Msg};
use bawaba_model::schedule::WeeklySlot;
use bawaba_model::Tz;
use chrono::{DateTime, Datelike, Duration, NaiveTime, Timelike, Utc};

pub fn clock(lang: Lang, t: NaiveTime) -> String {
    lang.digits(&format!("{:02}:{:02}", t.hour(), t.minute()))
}

/// "today 16:00", "tomorrow 08:00", "Sun 29 Nov 08:00".
pub fn day_time(lang: Lang, t: DateTime<Utc>, now: DateTime<Utc>, tz: Tz) -> String {
    let local = t.with_timezone(&tz);
    let today = now.with_timezone(&tz).date_naive();
    let date = local.date_naive();
    let day = match (date - today).num_days() {
        0 => lang.t(Msg::Today).to_owned(),
        1 => lang.t(Msg::Tomorrow).to_owned(),
        -1 => lang.t(Msg::Yesterday).to_owned(),
        _ => date_label(lang, date, today),
    };
    crate::i18n::fill(lang.t(Msg::DateTimeTemplate), &[("day", day), ("time", clock(lang, local.time()))])
}

/// "1.2 km north-west" from the reader to a place.
pub fn distance(lang: Lang, from: bawaba_model::Point, to: bawaba_model::Point) -> String {
    use bawaba_model::geo::{distance_m, rounded, Compass};
    let (whole, tenths, km) = rounded(distance_m(from, to));
    let amount = if km {
        let sep = match lang {
            Lang::Ar => "٫",
            Lang::Fr => ",",
            _ => ".",
        };
        lang.f(Msg::Kilometres, &[("km", &format!("{whole}{sep}{tenths}"))])
    } else {
        lang.f(Msg::Metres, &[("m", &whole.to_string())])
    };
    let direction = match Compass::between(from, to) {
        Compass::N => Msg::CompassN,
        Compass::NE => Msg::CompassNE,
        Compass::E => Msg::CompassE,
        Compass::SE => Msg::CompassSE,
        Compass::S => Msg::CompassS,
        Compass::SW => Msg::CompassSW,
        Compass::W => Msg::CompassW,
        Compass::NW => Msg::CompassNW,
    };
    crate::i18n::fill(lang.t(Msg::DistanceTemplate), &[("distance", amount), ("direction", lang.t(direction).to_owned())])
}

/// The dash of a range whose ends are short ("08:00–15:00", "Sun–Thu"), with
/// word joiners so a narrow line never breaks it in two (in Arabic the halves
/// would then read in the wrong order).
pub const RANGE_DASH: &str = "\u{2060}–\u{2060}";

/// "tomorrow 09:00–13:00", or both ends in full when it spans days.
pub fn window(lang: Lang, start: DateTime<Utc>, end: DateTime<Utc>, now: DateTime<Utc>, tz: Tz) -> String {
    window_with(lang, start, end, tz, |t| day_time(lang, t, now, tz))
}

/// As [`window`], with the day and time written by `when` (relative on
/// screen, in full on a page read later).
pub fn window_with(lang: Lang, start: DateTime<Utc>, end: DateTime<Utc>, tz: Tz, when: impl Fn(DateTime<Utc>) -> String) -> String {
    let (s, e) = (start.with_timezone(&tz), end.with_timezone(&tz));
    if s.date_naive() == e.date_naive() {
        format!("{}{RANGE_DASH}{}", when(start), clock(lang, e.time()))
    } else {
        format!("{} – {}", when(start), when(end))
    }
}

/// "Sun 29 Nov", with the year only when it is not the current one.
pub fn date_label(lang: Lang, date: chrono::NaiveDate, today: chrono::NaiveDate) -> String {
    date_words(lang, date, date.year() != today.year())
}

fn date_words(lang: Lang, date: chrono::NaiveDate, with_year: bool) -> String {
    let wd = lang.weekday(date.weekday().num_days_from_monday() as usize);
    let month = lang.month(date.month0() as usize);
    let year = if with_year { format!(" {}", date.year()) } else { String::new() };
    lang.digits(&format!("{wd} {} {month}{year}", date.day()))
}

/// "Tue 24 Nov 2026 16:00", for text read later (a printed sheet, a
/// forwarded message), where "today" or "3 hours ago" would become wrong.
pub fn date_time_full(lang: Lang, t: DateTime<Utc>, tz: Tz) -> String {
    let local = t.with_timezone(&tz);
    let day = date_words(lang, local.date_naive(), true);
    crate::i18n::fill(lang.t(Msg::DateTimeTemplate), &[("day", day), ("time", clock(lang, local.time()))])
}

/// "24/11 16:00": day/month and time, for an SMS, where every character
/// counts and a full date would leave no room for the news (the message is
/// read within days, and says which).
pub fn date_time_short(lang: Lang, t: DateTime<Utc>, tz: Tz) -> String {
    let local = t.with_timezone(&tz);
    lang.digits(&format!("{}/{} {:02}:{:02}", local.day(), local.month(), local.hour(), local.minute()))
}

/// "3 hours ago" / "in 2 days" / "just now".
pub fn age(lang: Lang, t: DateTime<Utc>, now: DateTime<Utc>) -> String {
    let d = now - t;
    let (future, d) = if d < Duration::zero() { (true, -d) } else { (false, d) };
    let amount = if d < Duration::minutes(1) {
        return lang.t(Msg::JustNow).to_owned();
    } else if d < Duration::hours(1) {
        lang.count(Count::Minutes, d.num_minutes() as u64)
    } else if d < Duration::days(2) {
        lang.count(Count::Hours, d.num_hours() as u64)
    } else {
        lang.count(Count::Days, d.num_days() as u64)
    };
    let template = if future { Msg::InFutureTemplate } else { Msg::AgoTemplate };
    crate::i18n::fill(lang.t(template), &[("age", amount)])
}

/// "Sun–Thu 08:00–16:00". Consecutive days form a range, wrapping round the
/// week ("Fri, Sat"), starting from the first day of a run in Gaza's
/// Saturday-first week.
pub fn slot(lang: Lang, s: &WeeklySlot) -> String {
    let mut on = [false; 7];
    for d in &s.days {
        on[d.num_days_from_monday() as usize] = true;
    }
    let name = |i: usize| lang.weekday(i % 7);
    let days = if on.iter().all(|d| *d) {
        lang.t(Msg::EveryDay).to_owned()
    } else {
        // Saturday first: Sat=5, Sun=6, Mon=0 … Fri=4.
        let order = |i: usize| (i + 2) % 7;
        let start = (0..7).filter(|&i| on[i] && !on[(i + 6) % 7]).min_by_key(|&i| order(i)).unwrap_or(0);
        let mut parts = Vec::new();
        let mut i = 0;
        while i < 7 {
            let d = (start + i) % 7;
            if !on[d] {
                i += 1;
                continue;
            }
            let mut len = 1;
            while i + len < 7 && on[(start + i + len) % 7] {
                len += 1;
            }
            let last = d + len - 1;
            parts.push(match len {
                1 => name(d).to_owned(),
                2 => format!("{}{}{}", name(d), lang.list_sep(), name(last)),
                _ => format!("{}{RANGE_DASH}{}", name(d), name(last)),
            });
            i += len;
        }
        parts.join(lang.list_sep())
    };
    let time = if s.open == s.close {
        lang.t(Msg::AllDay).to_owned()
    } else {
        format!("{}{RANGE_DASH}{}", clock(lang, s.open), clock(lang, s.close))
    };
    format!("{days} {time}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use bawaba_model::schedule::parse_clock;
    use chrono::Weekday;

    #[test]
    fn distances_read_naturally() {
        let (a, b) = (bawaba_model::Point { lat: 31.52, lon: 34.45 }, bawaba_model::Point { lat: 31.29, lon: 34.25 });
        assert_eq!(distance(Lang::En, a, b), "31.8\u{a0}km south-west");
        assert_eq!(distance(Lang::Fr, a, b), "31,8\u{a0}km au sud-ouest");
        assert_eq!(distance(Lang::Fr, a, bawaba_model::Point { lat: 31.52, lon: 34.5 }), "4,7\u{a0}km à l’est");
        assert_eq!(distance(Lang::Ar, a, b), "٣١٫٨\u{a0}كم — جنوب غرب");
        let near = bawaba_model::Point { lat: 31.5265, lon: 34.45 };
        assert_eq!(distance(Lang::En, a, near), "720\u{a0}m north");
    }

    #[test]
    fn windows_on_one_day_name_the_day_once() {
        let at = |s: &str| DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc);
        let tz: Tz = "Asia/Gaza".parse().unwrap();
        let now = at("2026-11-24T10:00:00+02:00");
        assert_eq!(
            window(Lang::En, at("2026-11-25T09:00:00+02:00"), at("2026-11-25T13:00:00+02:00"), now, tz),
            "tomorrow 09:00\u{2060}–\u{2060}13:00"
        );
        assert_eq!(
            window(Lang::En, at("2026-11-28T20:00:00+02:00"), at("2026-11-29T06:00:00+02:00"), now, tz),
            "Sat 28 Nov 20:00 – Sun 29 Nov 06:00"
        );
        assert_eq!(
            window(Lang::Ar, at("2026-11-25T09:00:00+02:00"), at("2026-11-25T13:00:00+02:00"), now, tz),
            "غدًا الساعة ٠٩:٠٠\u{2060}–\u{2060}١٣:٠٠"
        );
    }

    #[test]
    fn day_ranges_follow_the_gaza_week() {
        use Weekday::*;
        let s = WeeklySlot {
            days: vec![Thu, Sun, Mon, Tue, Wed],
            open: parse_clock("08:00").unwrap(),
            close: parse_clock("16:00").unwrap(),
        };
        assert_eq!(slot(Lang::En, &s), "Sun\u{2060}–\u{2060}Thu 08:00\u{2060}–\u{2060}16:00");
        let s = WeeklySlot { days: vec![Sat, Fri], open: parse_clock("20:00").unwrap(), close: parse_clock("06:00").unwrap() };
        assert_eq!(slot(Lang::En, &s), "Fri, Sat 20:00\u{2060}–\u{2060}06:00");
        let s = WeeklySlot {
            days: vec![Mon, Sat, Sun, Thu],
            open: parse_clock("08:00").unwrap(),
            close: parse_clock("08:00").unwrap(),
        };
        assert_eq!(slot(Lang::En, &s), "Sat\u{2060}–\u{2060}Mon, Thu all day");
        let s = WeeklySlot {
            days: vec![Mon, Tue, Wed, Thu, Fri, Sat, Sun],
            open: parse_clock("07:00").unwrap(),
            close: parse_clock("19:00").unwrap(),
        };
        assert_eq!(slot(Lang::En, &s), "Every day 07:00\u{2060}–\u{2060}19:00");
    }
}
