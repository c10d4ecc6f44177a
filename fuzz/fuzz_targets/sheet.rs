//! Any bytes as a publisher's spreadsheet, the way `import` reads it: the
//! first byte picks csv, xlsx or ods, the rest is the file. Reading it
//! within the limits (crates/cli/src/sheet/limits.rs), finding its columns
//! and turning its rows into items never panics, and never takes more memory
//! than libFuzzer's -rss_limit_mb allows.
#![no_main]

use bawaba_feed::commands::import::items;
use bawaba_feed::sheet::read::{layout, read_bytes};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&kind, bytes)) = data.split_first() else { return };
    let ext = ["csv", "xlsx", "ods"][kind as usize % 3];
    // The command reads the file's bytes so, as the desk does.
    if let Ok(grid) = read_bytes(&format!("sheet.{ext}"), bytes) {
        let _ = items(&grid, &layout(&grid));
    }
});
