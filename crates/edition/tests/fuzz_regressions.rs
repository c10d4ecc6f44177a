//! Inputs that once broke (or nearly broke) the bulletin writer's input
//! reader, replayed on every test run: found by `tools/fuzz pass_input`,
//! copied from `fuzz/artifacts/pass_input/` into `tests/fuzz-regressions/`.
//! Each must give a page or `None`, never a panic.

#[test]
fn every_saved_input_is_answered_without_a_panic() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fuzz-regressions");
    let mut replayed = 0;
    for entry in std::fs::read_dir(dir).expect("the regression folder exists") {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "md") {
            continue;
        }
        let page = bawaba_edition::pass::write(&std::fs::read(&path).unwrap());
        // A page it writes is one it can check again as unaltered.
        if let Some(page) = page {
            assert_eq!(bawaba_edition::is_altered(&page), Some(false), "{}", path.display());
        }
        replayed += 1;
    }
    assert!(replayed >= 2, "the saved inputs are read ({replayed})");
}
