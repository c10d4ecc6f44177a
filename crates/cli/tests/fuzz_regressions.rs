//! Sheets that once broke (or nearly broke) `import`'s reader, replayed on
//! every test run: found by `tools/fuzz sheet`, copied from
//! `fuzz/artifacts/sheet/` into `tests/fuzz-regressions/`. As the fuzz
//! target reads them, the first byte picks csv, xlsx or ods. Each must be
//! read or refused, never a panic.

use bawaba_feed::commands::import::items;
use bawaba_feed::sheet::read::{layout, read};

#[test]
fn every_saved_sheet_is_read_or_refused_without_a_panic() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fuzz-regressions");
    let tmp = std::env::temp_dir().join(format!("bawaba-fuzz-replay-{}", std::process::id()));
    std::fs::create_dir_all(&tmp).unwrap();
    let mut replayed = 0;
    for entry in std::fs::read_dir(dir).expect("the regression folder exists") {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "md") {
            continue;
        }
        let bytes = std::fs::read(&path).unwrap();
        let Some((&kind, file)) = bytes.split_first() else { continue };
        let sheet = tmp.join(format!("sheet.{}", ["csv", "xlsx", "ods"][kind as usize % 3]));
        std::fs::write(&sheet, file).unwrap();
        if let Ok(grid) = read(&sheet) {
            let _ = items(&grid, &layout(&grid));
        }
        replayed += 1;
    }
    let _ = std::fs::remove_dir_all(tmp);
    assert!(replayed >= 2, "the saved sheets are read ({replayed})");
}
