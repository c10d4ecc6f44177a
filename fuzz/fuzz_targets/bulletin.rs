//! Any text as a received bulletin ("Open a shared file"): reading its
//! blocks and checking each feed it carries as a fetched one never panic.
//! (Drawing the page again, the writer module's `check_page`, is the
//! writer's code, which `pass_input` reaches; here it would cost a hundred
//! times the runs.)
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    if let Ok(reading) = bawaba_model::bulletin::carried(&text) {
        for feed in reading.feeds {
            if let Some(bytes) = feed.bytes {
                let _ = bawaba_model::parse_feed(&bytes);
            }
        }
    }
});
