//! Any bytes as config.json: a config or a typed error, never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = bawaba_model::parse_config(data);
});
