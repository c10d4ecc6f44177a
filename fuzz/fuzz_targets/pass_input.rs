//! Any bytes as the bulletin writer's input (what "Pass it on" hands the
//! writer module: crates/edition's `pass` format): a page or `None`, never a
//! panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = bawaba_edition::pass::write(data);
});
