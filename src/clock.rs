//! The time the portal goes by. A phone restarted after a blackout may be
//! years off, so the server's time is kept once a response it answered
//! itself carried a `Date` header (`api`), and the phone's clock is
//! corrected by it.

use chrono::{DateTime, Utc};
use std::sync::atomic::{AtomicI64, Ordering::Relaxed};

/// The server's time minus the phone's, in ms; `i64::MIN` before it is known.
static OFFSET_MS: AtomicI64 = AtomicI64::new(i64::MIN);

/// The phone's clock, as it says.
pub fn phone_now() -> DateTime<Utc> {
    DateTime::from_timestamp_millis(js_sys::Date::now() as i64).unwrap_or_default()
}

/// The phone's clock, corrected by the server's when known.
pub fn now_utc() -> DateTime<Utc> {
    phone_now() + chrono::Duration::milliseconds(offset_ms().unwrap_or(0))
}

/// How far off the phone's clock is, once the server has said.
pub fn offset_ms() -> Option<i64> {
    Some(OFFSET_MS.load(Relaxed)).filter(|o| *o != i64::MIN)
}

/// Keeps the server's time from an HTTP `Date` header.
pub fn server_said(date: &str) {
    if let Some(t) = bawaba_model::clock::http_date(date) {
        OFFSET_MS.store((t - phone_now()).num_milliseconds(), Relaxed);
    }
}
