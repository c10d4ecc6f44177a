//! Any bytes as a publisher's spreadsheet, the way `import` reads it: the
//! first byte picks csv, xlsx or ods, the rest is the file. Reading it
//! within the limits (crates/cli/src/sheet/limits.rs), finding its columns
//! and turning its rows into items never panics, and never takes more memory
//! than libFuzzer's -rss_limit_mb allows.
#![no_main]

use bawaba_feed::commands::import::items;
use bawaba_feed::sheet::read::{layout, read};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&kind, bytes)) = data.split_first() else { return };
    let ext = ["csv", "xlsx", "ods"][kind as usize % 3];
    // The reader takes a path, as the command does: one file per process.
    let path = std::env::temp_dir().join(format!("bawaba-fuzz-{}.{ext}", std::process::id()));
    if std::fs::write(&path, bytes).is_err() {
        return;
    }
    if let Ok(grid) = read(&path) {
        let _ = items(&grid, &layout(&grid));
    }
});
