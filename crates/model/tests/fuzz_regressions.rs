//! Inputs that once broke (or nearly broke) the parsers, replayed on every
//! test run: found by `tools/fuzz`, copied from `fuzz/artifacts/<target>/`
//! into `tests/fuzz-regressions/`. Each must come back as a feed or a typed
//! error, never a panic, and the config parser must say the same of it; read
//! as a bulletin and as a Date header (tools/fuzz's `bulletin` and
//! `http_date`), it must not panic either.

use bawaba_model::{openness, parse_config, parse_feed, Items, Tz};

#[test]
fn every_saved_input_is_answered_without_a_panic() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fuzz-regressions");
    let mut replayed = 0;
    for entry in std::fs::read_dir(dir).expect("the regression folder exists") {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "md") {
            continue;
        }
        let bytes = std::fs::read(&path).unwrap();
        let feed = parse_feed(&bytes);
        let config = parse_config(&bytes);
        // What the portal computes next must not panic either.
        if let Ok(f) = &feed {
            let tz: Tz = "Asia/Gaza".parse().unwrap();
            let now = chrono::DateTime::from_timestamp(1_795_500_000, 0).unwrap();
            match &f.items {
                Items::Corridors(v) => v.iter().for_each(|c| {
                    let _ = openness(c.status.class(), &c.schedule, now, tz);
                }),
                Items::DistributionPoints(v) => v.iter().for_each(|p| {
                    let _ = openness(p.status.class(), &p.schedule, now, tz);
                }),
                Items::Notices(_) => {}
            }
        }
        // The same bytes as a received bulletin, and as a Date header.
        let text = String::from_utf8_lossy(&bytes);
        if let Ok(reading) = bawaba_model::bulletin::carried(&text) {
            reading.feeds.iter().filter_map(|f| f.bytes.as_deref()).for_each(|b| drop(parse_feed(b)));
        }
        let _ = bawaba_model::clock::http_date(&text);
        // Not JSON at all is the same verdict for both parsers.
        if serde_json::from_slice::<serde_json::Value>(&bytes).is_err() {
            assert!(feed.is_err() && config.is_err(), "{}", path.display());
        }
        replayed += 1;
    }
    assert!(replayed >= 3, "the saved inputs are read ({replayed})");
}
