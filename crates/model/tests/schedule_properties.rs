//! Property tests for the opening-hours rule: for any instant and any hours a
//! publisher can write, `openness` returns (never panics), and what it says
//! is consistent with itself a moment later. Seeded, so a failure repeats;
//! `BAWABA_PROPERTY_CASES` runs more cases than the default.

use bawaba_model::schedule::{openness, Openness, Schedule, StatusClass, WeeklySlot, Window, DAYS};
use bawaba_model::Tz;
use chrono::{DateTime, Duration, NaiveTime, TimeZone, Utc};

/// xorshift64*: small, deterministic, no dependency.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
    fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }
}

fn clock(rng: &mut Rng) -> NaiveTime {
    // Mostly whole and half hours, as people write them; sometimes any minute.
    let (h, m) = if rng.chance(80) { (rng.below(24), [0, 30][rng.below(2) as usize]) } else { (rng.below(24), rng.below(60)) };
    NaiveTime::from_hms_opt(h as u32, m as u32, 0).unwrap()
}

/// Gaza's 2026 clock changes (found from the tz data in the model's own tests),
/// where bugs would hide, plus ordinary days and the far past and future.
fn instant(rng: &mut Rng) -> DateTime<Utc> {
    let around = |y, mo, d| Utc.with_ymd_and_hms(y, mo, d, 0, 0, 0).unwrap();
    let base = match rng.below(6) {
        0 => around(2026, 3, 28),
        1 => around(2026, 10, 24),
        2 => around(2026, 11, 24),
        3 => around(1971, 1, 1),
        4 => around(2999, 12, 31),
        _ => around(2026, 1, 1) + Duration::days(rng.below(3650) as i64),
    };
    base + Duration::minutes(rng.below(6 * 24 * 60) as i64 - 3 * 24 * 60)
}

fn schedule(rng: &mut Rng, near: DateTime<Utc>) -> Schedule {
    let hours = (0..rng.below(4))
        .map(|_| WeeklySlot {
            days: DAYS.iter().filter(|_| rng.chance(50)).map(|(_, d)| *d).collect(),
            open: clock(rng),
            close: clock(rng),
        })
        .collect();
    let windows = (0..rng.below(3))
        .map(|_| {
            let start = near + Duration::minutes(rng.below(20 * 24 * 60) as i64 - 10 * 24 * 60);
            // Sometimes backwards or empty, as a careless publisher might write.
            let end = start + Duration::minutes(rng.below(3 * 24 * 60) as i64 - 60);
            Window { start, end }
        })
        .collect();
    Schedule { hours, windows, unreadable: false }
}

fn cases() -> u64 {
    std::env::var("BAWABA_PROPERTY_CASES").ok().and_then(|n| n.parse().ok()).unwrap_or(4000)
}

#[test]
fn any_instant_any_hours_the_rule_answers_and_agrees_with_itself() {
    let tz: Tz = "Asia/Gaza".parse().unwrap();
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let second = Duration::seconds(1);
    for case in 0..cases() {
        let now = instant(&mut rng);
        let s = schedule(&mut rng, now);
        let status = [StatusClass::Open, StatusClass::Scheduled][rng.below(2) as usize];
        let at = |t| openness(status, &s, t, tz);
        let ctx = || format!("case {case}: {status:?} at {now} with {s:?}");
        match at(now) {
            Openness::Open { until: Some(end) } => {
                assert!(end > now, "{}", ctx());
                assert!(matches!(at(end - second), Openness::Open { .. }), "open until {end}, but not just before: {}", ctx());
                assert!(!matches!(at(end), Openness::Open { until: Some(e) } if e == end), "still open at {end}: {}", ctx());
            }
            Openness::Open { until: None } => {}
            Openness::ClosedNow { opens: Some(start) } => {
                assert!(start > now, "{}", ctx());
                assert!(matches!(at(start), Openness::Open { .. }), "opens at {start}, but is not open then: {}", ctx());
                assert!(matches!(at(start - second), Openness::ClosedNow { .. }), "{}", ctx());
            }
            Openness::ClosedNow { opens: None } => {
                // Nothing known ahead: an hour later nothing has opened either,
                // unless an opening lay beyond the horizon and came into it.
                assert!(
                    !matches!(at(now + Duration::hours(1)), Openness::Open { until: Some(_) }) || !s.hours.is_empty(),
                    "{}",
                    ctx()
                );
            }
            other => panic!("{other:?} for an open or scheduled status: {}", ctx()),
        }
    }
}

#[test]
fn closed_and_unknown_statuses_ignore_the_hours() {
    let tz: Tz = "Asia/Gaza".parse().unwrap();
    let mut rng = Rng(42);
    for _ in 0..cases() / 4 {
        let now = instant(&mut rng);
        let s = schedule(&mut rng, now);
        assert_eq!(openness(StatusClass::Closed, &s, now, tz), Openness::ClosedByStatus);
        assert_eq!(openness(StatusClass::Unknown, &s, now, tz), Openness::Unknown);
    }
}

#[test]
fn the_ends_of_time_do_not_panic() {
    let tz: Tz = "Asia/Gaza".parse().unwrap();
    let every_day = Schedule {
        hours: vec![WeeklySlot {
            days: DAYS.iter().map(|(_, d)| *d).collect(),
            open: clock(&mut Rng(1)),
            close: clock(&mut Rng(2)),
        }],
        windows: vec![],
        unreadable: false,
    };
    for now in [DateTime::<Utc>::MIN_UTC, DateTime::<Utc>::MAX_UTC] {
        for status in [StatusClass::Open, StatusClass::Scheduled] {
            // A clock that far off cannot say "open".
            assert_eq!(openness(status, &every_day, now, tz), Openness::Unknown);
        }
    }
    assert!(!matches!(openness(StatusClass::Scheduled, &every_day, DateTime::<Utc>::UNIX_EPOCH, tz), Openness::Unknown));
}
