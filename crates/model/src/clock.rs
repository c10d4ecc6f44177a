//! A phone's clock can be wrong: after a blackout or a flat battery many
//! restart with a date years off, and nothing corrects it without a network.
//! "Open now" and every age are computed from that clock, so the portal
//! corrects it with the server's time when it has one, and otherwise says
//! when it cannot trust it and claims nothing about now.

use crate::feed::Timestamp;
use chrono::{Duration, NaiveDate, NaiveTime};

/// How far before a feed's publication the phone's clock may be before it is
/// taken as wrong: clocks drift a little, publishers' clocks too.
pub const SLACK: Duration = Duration::minutes(5);

/// How far after the newest publication a clock is taken as wrong: no feed
/// is read that long after it was published (feeds expire within days), and
/// a clock reset to a far future must not make everything "closed".
pub const MAX_AHEAD: Duration = Duration::days(5 * 366);

/// The server's time from an HTTP `Date` header, which is always the
/// IMF-fixdate form: `Tue, 24 Nov 2026 08:00:00 GMT`.
pub fn http_date(value: &str) -> Option<Timestamp> {
    let parts: Vec<&str> = value.split_whitespace().collect();
    let [_, day, month, year, time, "GMT"] = parts.as_slice() else { return None };
    const MONTHS: [&str; 12] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
    let month = MONTHS.iter().position(|m| m == month)? as u32 + 1;
    let date = NaiveDate::from_ymd_opt(year.parse().ok()?, month, day.parse().ok()?)?;
    // By hand: chrono's format parser would add kilobytes to the portal.
    let hms: Vec<u32> = time.split(':').map(|n| if n.len() == 2 { n.parse().ok() } else { None }).collect::<Option<_>>()?;
    let [h, m, s] = hms.as_slice() else { return None };
    let time = NaiveTime::from_hms_opt(*h, *m, *s)?;
    Some(date.and_time(time).and_utc())
}

/// Whether the phone's clock seems wrong when the server's time is not known:
/// earlier than the newest feed's publication (beyond `SLACK`), or later than
/// any sensible reading of it (`MAX_AHEAD`). With no publication time there is
/// nothing to tell by.
pub fn seems_wrong(phone: Timestamp, newest_published: Option<Timestamp>) -> bool {
    newest_published.is_some_and(|p| phone < p - SLACK || phone > p + MAX_AHEAD)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: &str) -> Timestamp {
        chrono::DateTime::parse_from_rfc3339(s).unwrap().to_utc()
    }

    #[test]
    fn an_http_date_is_read_in_its_one_form() {
        assert_eq!(http_date("Tue, 24 Nov 2026 08:00:00 GMT"), Some(at("2026-11-24T08:00:00Z")));
        assert_eq!(http_date("Sun, 06 Nov 1994 08:49:37 GMT"), Some(at("1994-11-06T08:49:37Z")));
        assert_eq!(http_date("Tue, 29 Feb 2028 23:59:59 GMT"), Some(at("2028-02-29T23:59:59Z")), "a leap day");
    }

    #[test]
    fn anything_else_is_no_time() {
        for bad in [
            "",
            "Tue, 24 Nov 2026 08:00:00",
            "Tue, 24 Nov 2026 08:00:00 UTC",
            "Tue, 24 Foo 2026 08:00:00 GMT",
            "Tue, 31 Nov 2026 08:00:00 GMT",
            "Tue, 24 Nov 2026 25:00:00 GMT",
            "Tue, 24 Nov 2026 8:00:00 GMT",
            "Tue, 24 Nov 2026 08:00 GMT",
            "Tue, 24 Nov 2026 08:00:00:00 GMT",
            "2026-11-24T08:00:00Z",
            "Tue, 24 Nov 2026 08:00:00 GMT extra",
        ] {
            assert_eq!(http_date(bad), None, "{bad}");
        }
    }

    #[test]
    fn a_clock_before_the_newest_publication_is_wrong_beyond_a_few_minutes() {
        let published = Some(at("2026-11-24T08:00:00Z"));
        assert!(!seems_wrong(at("2026-11-24T08:00:00Z"), published));
        assert!(!seems_wrong(at("2026-11-24T07:55:00Z"), published), "five minutes of drift");
        assert!(seems_wrong(at("2026-11-24T07:54:59Z"), published));
        assert!(seems_wrong(at("2000-01-01T00:00:00Z"), published), "a phone reset to 2000");
        assert!(!seems_wrong(at("2026-11-30T08:00:00Z"), published), "a week later: an old feed, a right clock");
    }

    #[test]
    fn a_clock_years_ahead_is_wrong_and_no_publication_tells_nothing() {
        let published = Some(at("2026-11-24T08:00:00Z"));
        assert!(!seems_wrong(at("2031-11-20T00:00:00Z"), published));
        let limit = at("2026-11-24T08:00:00Z") + MAX_AHEAD;
        assert!(!seems_wrong(limit, published), "up to the limit itself");
        assert!(seems_wrong(limit + Duration::seconds(1), published));
        assert!(seems_wrong(at("2036-01-01T00:00:00Z"), published));
        assert!(!seems_wrong(at("1970-01-01T00:00:00Z"), None));
    }
}
