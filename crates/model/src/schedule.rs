//! Opening hours, one-off windows, and the contract's "open now?" rule (section 4).
//!
//! Weekly hours are wall-clock times in the deployment's time zone, so every
//! computation goes through `chrono_tz` to get daylight saving right: an
//! 08:00 opening is 06:00 UTC in winter and 05:00 UTC in summer in Gaza.

use chrono::{DateTime, Datelike, Duration, LocalResult, NaiveDate, NaiveDateTime, NaiveTime, TimeZone, Utc, Weekday};
use chrono_tz::Tz;

/// One line of WeeklyHours: these days, from `open` to `close` local time.
/// `close` before `open` runs past midnight into the next day; `close` equal to
/// `open` means the whole day.
#[derive(Debug, Clone, PartialEq)]
pub struct WeeklySlot {
    pub days: Vec<Weekday>,
    pub open: NaiveTime,
    pub close: NaiveTime,
}

/// A one-off period, `end` after `start`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Window {
    pub start: DateTime<Utc>,
    pub end: DateTime<Utc>,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Schedule {
    pub hours: Vec<WeeklySlot>,
    pub windows: Vec<Window>,
    /// Hours or windows were given but none could be read. That is not "no
    /// hours" (which means open while the status says open): the portal
    /// cannot tell when the place is open, so it does not say it is.
    pub unreadable: bool,
}

/// What the reader is told about a corridor or distribution point right now.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Openness {
    /// Open now; `until` is when that next changes, if the schedule says.
    Open { until: Option<DateTime<Utc>> },
    /// Closed now by the schedule; `opens` is the next opening, if any is known.
    ClosedNow { opens: Option<DateTime<Utc>> },
    /// Closed by its status, whatever the hours say (hours are only "usual hours").
    ClosedByStatus,
    /// The status is one this portal does not know: never shown as open.
    Unknown,
}

/// The order a reader scans places in: open ones first, then those opening
/// soonest, then closed with no opening known, closed by their status, and
/// unknown last. Variants compare in the order written, then by time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Rank {
    Open,
    Opens(DateTime<Utc>),
    NoOpening,
    ClosedByStatus,
    Unknown,
}

impl Openness {
    pub fn rank(&self) -> Rank {
        match *self {
            Openness::Open { .. } => Rank::Open,
            Openness::ClosedNow { opens: Some(t) } => Rank::Opens(t),
            Openness::ClosedNow { opens: None } => Rank::NoOpening,
            Openness::ClosedByStatus => Rank::ClosedByStatus,
            Openness::Unknown => Rank::Unknown,
        }
    }

    pub fn is_open(&self) -> bool {
        matches!(self, Openness::Open { .. })
    }
}

impl Rank {
    /// The rank as one number in the same order (`order::stable_order`).
    /// Opening times to the millisecond: schedules are written in minutes.
    pub fn key(&self) -> u64 {
        match *self {
            Rank::Open => 0,
            // Sign bit flipped: milliseconds in the same order as unsigned.
            Rank::Opens(t) => crate::order::time_key(t).clamp(1, u64::MAX - 3),
            Rank::NoOpening => u64::MAX - 2,
            Rank::ClosedByStatus => u64::MAX - 1,
            Rank::Unknown => u64::MAX,
        }
    }
}

/// The status of a corridor or distribution point, reduced to what the rule needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StatusClass {
    /// `open` (and `restricted` for corridors): open unless the schedule says otherwise.
    Open,
    /// `closed`, and for distribution points every known non-open status.
    Closed,
    /// `scheduled`: open only inside its hours or windows.
    Scheduled,
    Unknown,
}

/// How far ahead weekly hours are expanded. A week and a day covers every
/// weekly pattern, including a slot that runs past midnight on the last day.
const HORIZON_DAYS: i64 = 9;

impl Schedule {
    pub fn is_empty(&self) -> bool {
        self.hours.is_empty() && self.windows.is_empty()
    }

    /// Every open interval overlapping `[from - 1 day, from + HORIZON_DAYS]`, merged and sorted.
    pub fn intervals(&self, from: DateTime<Utc>, tz: Tz) -> Vec<(DateTime<Utc>, DateTime<Utc>)> {
        let mut out: Vec<(DateTime<Utc>, DateTime<Utc>)> =
            self.windows.iter().filter(|w| w.end > w.start).map(|w| (w.start, w.end)).collect();
        let today = from.with_timezone(&tz).date_naive();
        for offset in -1..=HORIZON_DAYS {
            let Some(day) = today.checked_add_signed(Duration::days(offset)) else { continue };
            for slot in &self.hours {
                if !slot.days.contains(&day.weekday()) {
                    continue;
                }
                let close_day = if slot.close <= slot.open { day.succ_opt() } else { Some(day) };
                let Some(close_day) = close_day else { continue };
                let (Some(start), Some(end)) = (
                    local_to_utc(tz, day.and_time(slot.open), Edge::Start),
                    local_to_utc(tz, close_day.and_time(slot.close), Edge::End),
                ) else {
                    continue;
                };
                if end > start {
                    out.push((start, end));
                }
            }
        }
        // By start (ties in any order merge the same).
        let out: Vec<_> = crate::order::stable_order(out.iter().map(|w| crate::order::time_key(w.0))).into_iter().map(|n| out[n]).collect();
        let mut merged: Vec<(DateTime<Utc>, DateTime<Utc>)> = Vec::with_capacity(out.len());
        for (s, e) in out {
            match merged.last_mut() {
                Some(last) if s <= last.1 => last.1 = last.1.max(e),
                _ => merged.push((s, e)),
            }
        }
        merged
    }

    /// Whether `now` is inside the schedule, and when that next changes.
    fn openness(&self, now: DateTime<Utc>, tz: Tz) -> Openness {
        // A clock thousands of years off (a broken phone) would overflow the
        // local-time arithmetic below; such a reader is told "unknown", which
        // is never shown as open. Found by the property tests.
        if !(1900..=9000).contains(&now.year()) {
            return Openness::Unknown;
        }
        let intervals = self.intervals(now, tz);
        let horizon = now + Duration::days(HORIZON_DAYS - 1);
        if let Some(&(_, end)) = intervals.iter().find(|(s, e)| *s <= now && now < *e) {
            // An interval reaching past the horizon (say, open every day all day)
            // has no end we can honestly name.
            let until = (end < horizon).then_some(end);
            return Openness::Open { until };
        }
        let opens = intervals.iter().map(|(s, _)| *s).find(|s| *s > now);
        Openness::ClosedNow { opens }
    }
}

/// The contract's rule, for one status and schedule at one instant.
pub fn openness(status: StatusClass, schedule: &Schedule, now: DateTime<Utc>, tz: Tz) -> Openness {
    match status {
        StatusClass::Unknown => Openness::Unknown,
        StatusClass::Closed => Openness::ClosedByStatus,
        StatusClass::Open if schedule.unreadable => Openness::Unknown,
        StatusClass::Open if schedule.is_empty() => Openness::Open { until: None },
        StatusClass::Scheduled if schedule.is_empty() => Openness::ClosedNow { opens: None },
        StatusClass::Open | StatusClass::Scheduled => schedule.openness(now, tz),
    }
}

#[derive(Clone, Copy)]
enum Edge {
    Start,
    End,
}

/// Wall-clock time to an instant. In the autumn overlap an opening takes the
/// later instant and a closing the earlier: the contract's "says less, never
/// more", so "open" never outlasts any reading of the hours (a closing at
/// 01:00 must not still read open at the second 01:30). A time skipped by the
/// spring change moves to the first instant after the gap.
fn local_to_utc(tz: Tz, local: NaiveDateTime, edge: Edge) -> Option<DateTime<Utc>> {
    match tz.from_local_datetime(&local) {
        LocalResult::Single(t) => Some(t.with_timezone(&Utc)),
        LocalResult::Ambiguous(a, b) => Some(
            match edge {
                Edge::Start => a.max(b),
                Edge::End => a.min(b),
            }
            .with_timezone(&Utc),
        ),
        LocalResult::None => {
            // Gaps are at most a couple of hours; step forward minute by minute
            // from the skipped time to the first one that exists.
            (1..=180).find_map(|m| match tz.from_local_datetime(&(local + Duration::minutes(m))) {
                LocalResult::Single(t) => Some(t.with_timezone(&Utc)),
                LocalResult::Ambiguous(a, _) => Some(a.with_timezone(&Utc)),
                LocalResult::None => None,
            })
        }
    }
}

/// Parses `HH:MM` (24-hour). `24:00` is accepted as a closing time meaning midnight.
pub fn parse_clock(s: &str) -> Option<NaiveTime> {
    let (h, m) = s.split_once(':')?;
    if h.len() != 2 || m.len() != 2 || !h.bytes().chain(m.bytes()).all(|b| b.is_ascii_digit()) {
        return None;
    }
    let (h, m): (u32, u32) = (h.parse().ok()?, m.parse().ok()?);
    if h == 24 && m == 0 {
        return NaiveTime::from_hms_opt(0, 0, 0);
    }
    NaiveTime::from_hms_opt(h, m, 0)
}

/// The contract's day names, Monday first (section 4, `hours.days`).
pub const DAYS: [(&str, Weekday); 7] = [
    ("mon", Weekday::Mon),
    ("tue", Weekday::Tue),
    ("wed", Weekday::Wed),
    ("thu", Weekday::Thu),
    ("fri", Weekday::Fri),
    ("sat", Weekday::Sat),
    ("sun", Weekday::Sun),
];

pub fn parse_weekday(s: &str) -> Option<Weekday> {
    DAYS.iter().find(|(name, _)| *name == s).map(|(_, d)| *d)
}

/// The local calendar date of an instant in the deployment's zone.
pub fn local_date(t: DateTime<Utc>, tz: Tz) -> NaiveDate {
    t.with_timezone(&tz).date_naive()
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{FixedOffset, Timelike};

    const GAZA: Tz = chrono_tz::Asia::Gaza;

    fn at(s: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
    }

    fn slot(days: &[Weekday], open: &str, close: &str) -> WeeklySlot {
        WeeklySlot { days: days.to_vec(), open: parse_clock(open).unwrap(), close: parse_clock(close).unwrap() }
    }

    fn weekdays() -> Vec<Weekday> {
        use Weekday::*;
        vec![Sun, Mon, Tue, Wed, Thu]
    }

    fn hours(slots: Vec<WeeklySlot>) -> Schedule {
        Schedule { hours: slots, ..Schedule::default() }
    }

    /// Finds the instants where Gaza's UTC offset changes in a year, from the
    /// tz database itself, so the tests follow whatever rule Palestine uses.
    fn transitions(year: i32) -> Vec<DateTime<Utc>> {
        let mut t = Utc.with_ymd_and_hms(year, 1, 1, 0, 0, 0).unwrap();
        let end = Utc.with_ymd_and_hms(year + 1, 1, 1, 0, 0, 0).unwrap();
        let offset = |t: DateTime<Utc>| t.with_timezone(&GAZA).offset().fix().local_minus_utc();
        let mut out = vec![];
        while t < end {
            let next = t + Duration::hours(1);
            if offset(t) != offset(next) {
                // Narrow down to the minute.
                let mut m = t;
                while offset(m) == offset(t) {
                    m += Duration::minutes(1);
                }
                out.push(m);
            }
            t = next;
        }
        out
    }

    use chrono::Offset;

    #[test]
    fn gaza_is_utc_plus_two_in_winter_and_three_in_summer() {
        let winter = at("2026-01-15T12:00:00Z").with_timezone(&GAZA);
        let summer = at("2026-07-15T12:00:00Z").with_timezone(&GAZA);
        assert_eq!(winter.offset().fix(), FixedOffset::east_opt(2 * 3600).unwrap());
        assert_eq!(summer.offset().fix(), FixedOffset::east_opt(3 * 3600).unwrap());
        assert_eq!(transitions(2026).len(), 2, "one change into and one out of summer time");
    }

    #[test]
    fn open_inside_weekly_hours_until_closing() {
        // Tuesday 2026-11-24, 10:00 in Gaza (UTC+2).
        let s = hours(vec![slot(&weekdays(), "08:00", "16:00")]);
        let o = openness(StatusClass::Open, &s, at("2026-11-24T10:00:00+02:00"), GAZA);
        assert_eq!(o, Openness::Open { until: Some(at("2026-11-24T16:00:00+02:00")) });
    }

    #[test]
    fn open_status_outside_hours_is_closed_with_next_opening() {
        let s = hours(vec![slot(&weekdays(), "08:00", "16:00")]);
        let o = openness(StatusClass::Open, &s, at("2026-11-24T17:30:00+02:00"), GAZA);
        assert_eq!(o, Openness::ClosedNow { opens: Some(at("2026-11-25T08:00:00+02:00")) });
    }

    #[test]
    fn next_opening_skips_days_off() {
        // Thursday evening: Friday and Saturday are off, next is Sunday.
        let s = hours(vec![slot(&weekdays(), "08:00", "16:00")]);
        let o = openness(StatusClass::Open, &s, at("2026-11-26T18:00:00+02:00"), GAZA);
        assert_eq!(o, Openness::ClosedNow { opens: Some(at("2026-11-29T08:00:00+02:00")) });
    }

    #[test]
    fn window_past_midnight_is_open_after_midnight() {
        use Weekday::*;
        let s = hours(vec![slot(&[Mon], "20:00", "06:00")]);
        // Tuesday 02:00 belongs to Monday's night slot.
        let o = openness(StatusClass::Open, &s, at("2026-11-24T02:00:00+02:00"), GAZA);
        assert_eq!(o, Openness::Open { until: Some(at("2026-11-24T06:00:00+02:00")) });
        // Tuesday 07:00 is closed; next opening is the following Monday 20:00.
        let o = openness(StatusClass::Open, &s, at("2026-11-24T07:00:00+02:00"), GAZA);
        assert_eq!(o, Openness::ClosedNow { opens: Some(at("2026-11-30T20:00:00+02:00")) });
    }

    #[test]
    fn adjacent_slots_merge_into_one_stretch() {
        use Weekday::*;
        let s = hours(vec![slot(&[Mon], "08:00", "12:00"), slot(&[Mon], "12:00", "18:00")]);
        let o = openness(StatusClass::Open, &s, at("2026-11-23T09:00:00+02:00"), GAZA);
        assert_eq!(o, Openness::Open { until: Some(at("2026-11-23T18:00:00+02:00")) });
    }

    #[test]
    fn always_open_has_no_closing_time() {
        use Weekday::*;
        let s = hours(vec![slot(&[Mon, Tue, Wed, Thu, Fri, Sat, Sun], "00:00", "00:00")]);
        let o = openness(StatusClass::Open, &s, at("2026-11-24T03:00:00+02:00"), GAZA);
        assert_eq!(o, Openness::Open { until: None });
    }

    #[test]
    fn closed_status_wins_over_hours() {
        let s = hours(vec![slot(&weekdays(), "08:00", "16:00")]);
        let o = openness(StatusClass::Closed, &s, at("2026-11-24T10:00:00+02:00"), GAZA);
        assert_eq!(o, Openness::ClosedByStatus);
    }

    #[test]
    fn open_without_schedule_is_open() {
        let o = openness(StatusClass::Open, &Schedule::default(), at("2026-11-24T03:00:00Z"), GAZA);
        assert_eq!(o, Openness::Open { until: None });
    }

    #[test]
    fn scheduled_without_schedule_is_closed_with_no_known_opening() {
        let o = openness(StatusClass::Scheduled, &Schedule::default(), at("2026-11-24T03:00:00Z"), GAZA);
        assert_eq!(o, Openness::ClosedNow { opens: None });
    }

    #[test]
    fn scheduled_without_schedule_is_closed_whatever_the_clock() {
        // Even on a phone whose clock is centuries off (where open hours give "unknown").
        let o = openness(StatusClass::Scheduled, &Schedule::default(), at("1800-01-01T00:00:00Z"), GAZA);
        assert_eq!(o, Openness::ClosedNow { opens: None });
    }

    #[test]
    fn unknown_status_is_never_open() {
        let s = hours(vec![slot(&weekdays(), "00:00", "00:00")]);
        let o = openness(StatusClass::Unknown, &s, at("2026-11-24T10:00:00+02:00"), GAZA);
        assert_eq!(o, Openness::Unknown);
    }

    #[test]
    fn scheduled_window_open_inside_and_announced_before() {
        let w = Window { start: at("2026-11-25T09:00:00+02:00"), end: at("2026-11-25T13:00:00+02:00") };
        let s = Schedule { windows: vec![w], ..Schedule::default() };
        assert_eq!(
            openness(StatusClass::Scheduled, &s, at("2026-11-24T10:00:00+02:00"), GAZA),
            Openness::ClosedNow { opens: Some(w.start) }
        );
        assert_eq!(
            openness(StatusClass::Scheduled, &s, at("2026-11-25T10:00:00+02:00"), GAZA),
            Openness::Open { until: Some(w.end) }
        );
        assert_eq!(
            openness(StatusClass::Scheduled, &s, at("2026-11-25T13:00:00+02:00"), GAZA),
            Openness::ClosedNow { opens: None },
            "the end of a window is exclusive"
        );
    }

    #[test]
    fn windows_far_ahead_are_still_announced() {
        let w = Window { start: at("2027-01-20T09:00:00+02:00"), end: at("2027-01-20T13:00:00+02:00") };
        let s = Schedule { windows: vec![w], ..Schedule::default() };
        assert_eq!(
            openness(StatusClass::Scheduled, &s, at("2026-11-24T10:00:00+02:00"), GAZA),
            Openness::ClosedNow { opens: Some(w.start) }
        );
    }

    #[test]
    fn hours_follow_daylight_saving_on_both_sides_of_each_change() {
        for change in transitions(2026) {
            let before_day = local_date(change - Duration::days(2), GAZA);
            let after_day = local_date(change + Duration::days(2), GAZA);
            let all = vec![before_day.weekday(), after_day.weekday()];
            let s = hours(vec![slot(&all, "08:00", "16:00")]);
            for day in [before_day, after_day] {
                let ten = GAZA.from_local_datetime(&day.and_hms_opt(10, 0, 0).unwrap()).unwrap().with_timezone(&Utc);
                let Openness::Open { until: Some(until) } = openness(StatusClass::Open, &s, ten, GAZA) else {
                    panic!("should be open at 10:00 local on {day}");
                };
                let local = until.with_timezone(&GAZA);
                assert_eq!((local.date_naive(), local.hour(), local.minute()), (day, 16, 0), "closes at 16:00 local on {day}");
            }
            // And the UTC closing times differ by the hour gained or lost.
            let close = |d: NaiveDate| GAZA.from_local_datetime(&d.and_hms_opt(16, 0, 0).unwrap()).unwrap().with_timezone(&Utc);
            let gap = (close(after_day) - close(before_day)).num_minutes() % (24 * 60);
            assert!(gap == 60 || gap == 24 * 60 - 60, "offset moves by an hour around {change}: {gap}");
        }
    }

    #[test]
    fn night_slot_across_a_daylight_saving_change_keeps_its_local_times() {
        for change in transitions(2026) {
            let local = change.with_timezone(&GAZA);
            // The night that contains the change: open 20:00 the evening before, close 06:00.
            let evening = local_date(change - Duration::hours(6), GAZA);
            let s = hours(vec![slot(&[evening.weekday()], "20:00", "06:00")]);
            let Openness::Open { until: Some(until) } = openness(StatusClass::Open, &s, change, GAZA) else {
                panic!("open across the change at {local}");
            };
            let u = until.with_timezone(&GAZA);
            assert_eq!((u.hour(), u.minute()), (6, 0), "closes at 06:00 local despite the change at {local}");
        }
    }

    #[test]
    fn opening_time_skipped_by_spring_change_moves_after_the_gap() {
        let spring = transitions(2026)[0];
        let before = spring - Duration::minutes(1);
        let local_gap = before.with_timezone(&GAZA).naive_local() + Duration::minutes(1);
        let got = local_to_utc(GAZA, local_gap, Edge::Start).unwrap();
        assert_eq!(got, spring, "the first instant after the gap");
    }

    /// The hour that the autumn change repeats, as (first instant of the
    /// repeated local hour, local wall-clock time it starts at).
    fn repeated_hour(year: i32) -> (DateTime<Utc>, NaiveDateTime) {
        let autumn = transitions(year)[1];
        // After the change the clock reads an hour earlier than just before it.
        let local_after = autumn.with_timezone(&GAZA).naive_local();
        (autumn - Duration::hours(1), local_after)
    }

    #[test]
    fn a_closing_time_in_the_repeated_autumn_hour_closes_at_its_first_occurrence() {
        let (first_pass, wall) = repeated_hour(2026);
        let half_past = wall + Duration::minutes(30);
        let day = half_past.date();
        // Open from 20:00 the evening before until half past in the repeated hour.
        let evening = day.pred_opt().unwrap();
        let s = hours(vec![WeeklySlot { days: vec![evening.weekday()], open: NaiveTime::from_hms_opt(20, 0, 0).unwrap(), close: half_past.time() }]);
        let closing = first_pass + Duration::minutes(30);
        let before = openness(StatusClass::Open, &s, first_pass + Duration::minutes(10), GAZA);
        assert_eq!(before, Openness::Open { until: Some(closing) }, "the first pass of the hour is still open, until its own half past");
        // The second pass: the wall clock shows the same time again, an hour later.
        let second_pass = first_pass + Duration::hours(1) + Duration::minutes(10);
        assert_eq!(second_pass.with_timezone(&GAZA).naive_local(), wall + Duration::minutes(10));
        assert!(
            matches!(openness(StatusClass::Open, &s, second_pass, GAZA), Openness::ClosedNow { .. }),
            "the wall clock reads past the closing time on its first pass: never shown open again"
        );
    }

    #[test]
    fn an_opening_time_in_the_repeated_autumn_hour_opens_at_its_second_occurrence() {
        let (first_pass, wall) = repeated_hour(2026);
        let half_past = wall + Duration::minutes(30);
        let s = hours(vec![WeeklySlot { days: vec![half_past.date().weekday()], open: half_past.time(), close: NaiveTime::from_hms_opt(6, 0, 0).unwrap() }]);
        let second_half_past = first_pass + Duration::hours(1) + Duration::minutes(30);
        // First pass, after half past: the later reading of the hours is not open yet.
        assert_eq!(
            openness(StatusClass::Open, &s, first_pass + Duration::minutes(40), GAZA),
            Openness::ClosedNow { opens: Some(second_half_past) },
        );
        // Second pass, after half past: open.
        assert!(matches!(openness(StatusClass::Open, &s, second_half_past + Duration::minutes(1), GAZA), Openness::Open { .. }));
        assert_eq!(local_to_utc(GAZA, half_past, Edge::Start), Some(second_half_past));
        assert_eq!(local_to_utc(GAZA, half_past, Edge::End), Some(first_pass + Duration::minutes(30)));
    }

    #[test]
    fn a_window_that_takes_no_time_never_opens() {
        let t = at("2026-11-25T09:00:00+02:00");
        let s = Schedule { windows: vec![Window { start: t, end: t }], ..Schedule::default() };
        assert_eq!(openness(StatusClass::Scheduled, &s, at("2026-11-24T10:00:00+02:00"), GAZA), Openness::ClosedNow { opens: None });
    }

    #[test]
    fn hours_that_fall_wholly_in_the_spring_gap_are_not_an_opening() {
        // Both ends are skipped by the clock change, so they land on the same
        // instant: that day has no opening, and the next one is a week later.
        let spring = transitions(2026)[0];
        let skipped = (spring - Duration::minutes(1)).with_timezone(&GAZA).naive_local() + Duration::minutes(1);
        let (open, close) = (skipped + Duration::minutes(10), skipped + Duration::minutes(40));
        assert_eq!(local_to_utc(GAZA, open, Edge::Start), local_to_utc(GAZA, close, Edge::End), "both in the gap");
        let s = hours(vec![WeeklySlot { days: vec![open.date().weekday()], open: open.time(), close: close.time() }]);
        let before = spring - Duration::hours(2);
        let Openness::ClosedNow { opens: Some(next) } = openness(StatusClass::Open, &s, before, GAZA) else {
            panic!("closed before the gap")
        };
        assert!(next > spring + Duration::days(6), "the next real opening, a week on: {next}");
    }

    #[test]
    fn an_open_stretch_reaching_a_week_ahead_names_no_end() {
        let now = at("2026-11-24T10:00:00+02:00");
        let open_until = |end| {
            let s = Schedule { windows: vec![Window { start: now - Duration::hours(1), end }], ..Schedule::default() };
            openness(StatusClass::Scheduled, &s, now, GAZA)
        };
        let week = now + Duration::days(HORIZON_DAYS - 1);
        assert_eq!(open_until(week - Duration::minutes(1)), Openness::Open { until: Some(week - Duration::minutes(1)) });
        assert_eq!(open_until(week), Openness::Open { until: None }, "exactly a week and a day ahead");
        assert_eq!(open_until(week + Duration::hours(12)), Openness::Open { until: None });
    }

    #[test]
    fn places_are_ranked_open_first_then_soonest_to_open() {
        let (early, late) = (at("2026-11-24T08:00:00Z"), at("2026-11-24T09:00:00Z"));
        let mut ranks = vec![
            Openness::Unknown.rank(),
            Openness::ClosedByStatus.rank(),
            Openness::ClosedNow { opens: None }.rank(),
            Openness::ClosedNow { opens: Some(late) }.rank(),
            Openness::ClosedNow { opens: Some(early) }.rank(),
            Openness::Open { until: Some(early) }.rank(),
        ];
        let by_key: Vec<Rank> = crate::order::stable_order(ranks.iter().map(Rank::key)).into_iter().map(|n| ranks[n]).collect();
        ranks.sort();
        assert_eq!(ranks, [Rank::Open, Rank::Opens(early), Rank::Opens(late), Rank::NoOpening, Rank::ClosedByStatus, Rank::Unknown]);
        assert_eq!(by_key, ranks, "the ranks' numbers sort as the ranks do");
        assert_eq!(Openness::Open { until: None }.rank(), Openness::Open { until: Some(late) }.rank(), "open is open, whatever its end");
        assert!(Openness::Open { until: None }.is_open() && !Openness::ClosedNow { opens: Some(early) }.is_open());
    }

    #[test]
    fn day_names_are_the_contracts() {
        use Weekday::*;
        let got: Vec<_> = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"].iter().map(|d| parse_weekday(d)).collect();
        assert_eq!(got, [Some(Mon), Some(Tue), Some(Wed), Some(Thu), Some(Fri), Some(Sat), Some(Sun)]);
        for bad in ["Mon", "monday", "", "lun"] {
            assert_eq!(parse_weekday(bad), None, "{bad}");
        }
    }

    #[test]
    fn clock_parsing() {
        assert_eq!(parse_clock("08:30"), NaiveTime::from_hms_opt(8, 30, 0));
        assert_eq!(parse_clock("24:00"), NaiveTime::from_hms_opt(0, 0, 0));
        for bad in ["8:30", "25:00", "08:60", "0830", "08:3a", "", "+8:30"] {
            assert_eq!(parse_clock(bad), None, "{bad}");
        }
    }
}
