//! Any text as a server's `Date` header (the wrong-clock rule reads it):
//! a time or `None`, never a panic, and the rule that uses it never panics.
#![no_main]

use bawaba_model::clock::{http_date, seems_wrong};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    if let Some(t) = http_date(text) {
        let _ = seems_wrong(t, Some(t));
        let _ = seems_wrong(chrono::DateTime::from_timestamp(1_795_500_000, 0).unwrap(), Some(t));
    }
});
