//! The tool as a publisher runs it: real files, exit codes, line and column.

use std::io::Write;
use std::process::{Command, Output};

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_bawaba-feed")).args(args).output().expect("runs")
}

fn file(contents: &str) -> tempfile_path::TempFile {
    tempfile_path::TempFile::new(contents)
}

/// A tiny temp-file helper (no extra dependency).
mod tempfile_path {
    pub struct TempFile(pub std::path::PathBuf);
    impl TempFile {
        pub fn new(contents: &str) -> TempFile {
            use std::sync::atomic::{AtomicUsize, Ordering};
            static N: AtomicUsize = AtomicUsize::new(0);
            let p =
                std::env::temp_dir().join(format!("bawaba-cli-{}-{}.json", std::process::id(), N.fetch_add(1, Ordering::SeqCst)));
            let mut f = std::fs::File::create(&p).unwrap();
            super::Write::write_all(&mut f, contents.as_bytes()).unwrap();
            TempFile(p)
        }
        pub fn path(&self) -> &str {
            self.0.to_str().unwrap()
        }
    }
    impl Drop for TempFile {
        fn drop(&mut self) {
            let _ = std::fs::remove_file(&self.0);
        }
    }
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

#[test]
fn the_demo_feeds_are_valid() {
    for f in ["corridors", "distribution", "notices"] {
        let o = run(&["validate", &format!("{}/../../public/data/{f}.json", env!("CARGO_MANIFEST_DIR"))]);
        assert_eq!(o.status.code(), Some(0), "{f}: {}", stdout(&o));
        assert!(stdout(&o).contains("valid (0 errors"), "{}", stdout(&o));
    }
}

#[test]
fn starters_validate() {
    for kind in ["corridors", "distribution", "notices"] {
        let o = run(&["new", kind]);
        assert_eq!(o.status.code(), Some(0));
        let f = file(&stdout(&o));
        let v = run(&["validate", f.path()]);
        assert_eq!(v.status.code(), Some(0), "{kind}: {}", stdout(&v));
        // A starter is labelled demo until the publisher says otherwise, and
        // validate reminds them before real information goes out so labelled.
        assert!(stdout(&v).contains("warning: demo: demo is not false"), "{kind}: {}", stdout(&v));
        let real = file(&stdout(&o).replace("\"demo\": true", "\"demo\": false"));
        assert!(!stdout(&run(&["validate", real.path()])).contains("warning: demo"), "{kind}");
    }
}

const BAD: &str = r#"{
  "format": "bawaba-feed/1",
  "kind": "distribution_points",
  "items": [
    {"id": "a", "updated_at": "2026-11-24T06:00:00", "name": {"en": "A"},
     "location": {"lat": 31.35, "lon": 34.3}, "status": "open"},
    {"id": "b", "updated_at": "2026-11-24T06:00:00Z", "name": {"en": "B"},
     "location": {"lat": 34.3, "lon": 31.35}, "status": "open",
     "hours": [{"days": ["sun"], "open": "8am", "close": "16:00"}]}
  ]
}"#;

#[test]
fn errors_carry_line_column_path_and_hint() {
    let f = file(BAD);
    let o = run(&["validate", f.path()]);
    assert_eq!(o.status.code(), Some(1));
    let out = stdout(&o);
    let p = f.path();
    assert!(
        out.contains(&format!("{p}:5:31: error: items[0].updated_at: date and time without a time-zone offset (item skipped)")),
        "{out}"
    );
    assert!(out.contains("hint: add the offset"), "{out}");
    assert!(out.contains(&format!("{p}:9:42: error: items[1].hours[0].open: not a time HH:MM (field ignored)")), "{out}");
    // Warnings are apart from errors.
    assert!(out.contains(&format!("{p}:8:18: warning: items[1].location: point outside the Gaza Strip")), "{out}");
    assert!(out.contains("warning: items[1].name: no Arabic text"), "{out}");
    assert!(out.contains("INVALID (2 errors, "), "{out}");
}

#[test]
fn warnings_for_an_expired_feed_a_past_window_and_the_kept_duplicate() {
    let f = file(
        r#"{
  "format": "bawaba-feed/1",
  "kind": "corridors",
  "expires_at": "2020-01-02T00:00:00Z",
  "items": [
    {"id": "x", "updated_at": "2020-01-01T06:00:00Z", "name": {"en": "First"}, "type": "road", "status": "scheduled",
     "windows": [{"start": "2020-01-01T08:00:00+02:00", "end": "2020-01-01T16:00:00+02:00"}]},
    {"id": "x", "updated_at": "2020-01-01T06:00:00Z", "name": {"ar": "الثاني"}, "type": "road", "status": "open"}
  ]
}"#,
    );
    let o = run(&["validate", f.path()]);
    let out = stdout(&o);
    let p = f.path();
    // Warnings alone do not make a feed invalid; the duplicate is an error.
    assert_eq!(o.status.code(), Some(1), "{out}");
    assert!(out.contains(&format!("{p}:8:12: error: items[1].id")), "{out}");
    assert!(out.contains(&format!("{p}:4:17: warning: expires_at: the feed has expired")), "{out}");
    assert!(out.contains(&format!("{p}:7:18: warning: items[0].windows[0]: this window is in the past")), "{out}");
    // The kept item is the first "x": its missing Arabic is reported there.
    assert!(out.contains(&format!("{p}:6:63: warning: items[0].name: no Arabic text")), "{out}");
    assert!(!out.contains("items[1].name"), "{out}");
}

#[test]
fn a_publication_time_in_the_future_is_a_warning() {
    let f = file(
        r#"{
  "format": "bawaba-feed/1",
  "kind": "notices",
  "published_at": "2099-01-01T00:00:00Z",
  "items": []
}"#,
    );
    let o = run(&["validate", f.path()]);
    let out = stdout(&o);
    assert_eq!(o.status.code(), Some(0), "{out}");
    assert!(out.contains(&format!("{}:4:19: warning: published_at: published_at is in the future", f.path())), "{out}");
}

#[test]
fn json_output_for_pipelines() {
    let f = file(BAD);
    let o = run(&["validate", "--format", "json", f.path()]);
    assert_eq!(o.status.code(), Some(1));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("json");
    assert_eq!(v[0]["valid"], false);
    assert_eq!(v[0]["errors"][0]["line"], 5);
    assert_eq!(v[0]["errors"][0]["column"], 31);
    assert_eq!(v[0]["errors"][0]["path"], "items[0].updated_at");
    assert!(v[0]["warnings"].as_array().unwrap().len() >= 2);
}

#[test]
fn syntax_errors_and_feed_errors() {
    let f = file("{\n  \"format\": \"bawaba-feed/1\",\n  \"kind\": \"notices\"\n  \"items\": []\n}");
    let o = run(&["validate", f.path()]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stdout(&o).contains(&format!("{}:4:3: error: not valid JSON", f.path())), "{}", stdout(&o));
    let f = file("{\n  \"format\": \"bawaba-feed/2\",\n  \"kind\": \"notices\",\n  \"items\": []\n}");
    let o = run(&["validate", f.path()]);
    assert!(
        stdout(&o).contains(&format!("{}:2:13: error: format: unknown format \"bawaba-feed/2\"", f.path())),
        "{}",
        stdout(&o)
    );
}

#[test]
fn usage_and_io_errors_exit_2() {
    assert_eq!(run(&[]).status.code(), Some(2));
    assert_eq!(run(&["validate"]).status.code(), Some(2));
    assert_eq!(run(&["validate", "--format", "xml", "x.json"]).status.code(), Some(2));
    assert_eq!(run(&["validate", "/no/such/file.json"]).status.code(), Some(2));
    assert_eq!(run(&["new", "weather"]).status.code(), Some(2));
}

#[test]
fn schema_is_the_one_the_portal_ships() {
    let o = run(&["schema"]);
    assert_eq!(o.status.code(), Some(0));
    let shipped =
        std::fs::read_to_string(format!("{}/../../public/schema/feed.schema.json", env!("CARGO_MANIFEST_DIR"))).unwrap();
    assert_eq!(stdout(&o), shipped);
}

#[test]
fn keygen_sign_verify_round_trip_and_tampering() {
    let dir = std::env::temp_dir().join(format!("bawaba-sign-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let key = dir.join("publisher.key");
    let feed = dir.join("notices.json");
    std::fs::write(&feed, include_str!("../starters/notices.json")).unwrap();
    let (key, feed) = (key.to_str().unwrap(), feed.to_str().unwrap());

    let o = run(&["keygen", key]);
    assert_eq!(o.status.code(), Some(0), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(stdout(&o).contains("\"trusted_keys\""));
    assert_eq!(run(&["keygen", key]).status.code(), Some(2), "never overwrites a key");
    let public = format!("{key}.pub");

    assert_eq!(run(&["verify", feed, "--pubkey", &public]).status.code(), Some(1), "unsigned");
    assert_eq!(run(&["sign", feed, "--key", key]).status.code(), Some(0));
    assert_eq!(run(&["verify", feed, "--pubkey", &public]).status.code(), Some(0));
    // The public key can also be given inline.
    let inline = std::fs::read_to_string(&public).unwrap();
    assert_eq!(run(&["verify", feed, "--pubkey", inline.trim()]).status.code(), Some(0));

    // One changed byte: "info" -> "infO".
    let text = std::fs::read_to_string(feed).unwrap().replacen("\"info\"", "\"infO\"", 1);
    std::fs::write(feed, text).unwrap();
    let o = run(&["verify", feed, "--pubkey", &public]);
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stderr).contains("does NOT verify"));

    // Another key does not verify the original either.
    let other = dir.join("other.key");
    run(&["keygen", other.to_str().unwrap()]);
    run(&["sign", feed, "--key", key]);
    let o = run(&["verify", feed, "--pubkey", &format!("{}.pub", other.to_str().unwrap())]);
    assert_eq!(o.status.code(), Some(1));
    // A mistyped path says which file and why.
    let err = |o: Output| String::from_utf8_lossy(&o.stderr).into_owned();
    let o = run(&["verify", feed, "--pubkey", "publisher.kye.pub"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(err(o).contains("publisher.kye.pub: no such file, and not a public key"));
    let o = run(&["sign", feed, "--key", "missing.key"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(err(o).contains("missing.key: "));
    // A file that is there but holds no key says so, not "no such file".
    let junk = dir.join("junk.pub");
    std::fs::write(&junk, "hello\n").unwrap();
    let o = run(&["verify", feed, "--pubkey", junk.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    let e = err(o);
    assert!(e.contains("junk.pub: not a public key (32 bytes, base64)") && !e.contains("no such file"), "{e}");
    // The secret key is the owner's alone.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        assert_eq!(std::fs::metadata(key).unwrap().permissions().mode() & 0o777, 0o600);
    }
    let _ = std::fs::remove_dir_all(&dir);
}

/// A fresh, empty directory under the system's temp dir.
fn temp_dir(name: &str) -> std::path::PathBuf {
    let d = std::env::temp_dir().join(format!("bawaba-cli-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    d
}

#[test]
fn geojson_export_has_every_located_item_as_lon_lat() {
    let o = run(&["export", "--to", "geojson", "../../public/data/distribution.json"]);
    assert_eq!(o.status.code(), Some(0), "{}", String::from_utf8_lossy(&o.stderr));
    let g: serde_json::Value = serde_json::from_str(&stdout(&o)).expect("GeoJSON is JSON");
    assert_eq!(g["type"], "FeatureCollection");
    let demo: serde_json::Value = serde_json::from_str(include_str!("../../../public/data/distribution.json")).unwrap();
    let items = demo["items"].as_array().unwrap();
    let features = g["features"].as_array().unwrap();
    assert_eq!(features.len(), items.len(), "every distribution point has a location");
    let first = &items[0];
    let f = features.iter().find(|f| f["id"] == first["id"]).expect("same ids");
    // RFC 7946: longitude first.
    assert_eq!(f["geometry"]["coordinates"], serde_json::json!([first["location"]["lon"], first["location"]["lat"]]));
    assert_eq!(f["properties"]["name"], first["name"], "names in every language");
    assert!(f["properties"].get("location").is_none());
    assert_eq!(g["bawaba"]["demo"], true);

    // Corridors without a location are left out, the others kept; -o writes a file.
    let out = temp_dir("corridors.geojson");
    let o = run(&["export", "--to", "geojson", "../../public/data/corridors.json", "-o", out.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0));
    let g: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&out).unwrap()).unwrap();
    let demo: serde_json::Value = serde_json::from_str(include_str!("../../../public/data/corridors.json")).unwrap();
    let located = demo["items"].as_array().unwrap().iter().filter(|i| i.get("location").is_some() || i.get("path").is_some()).count();
    assert_eq!(g["features"].as_array().unwrap().len(), located);
    // A road with a path is its line; its marker's point stays a property.
    let road = demo["items"].as_array().unwrap().iter().find(|i| i["id"] == "salah-al-din-road").unwrap();
    let f = g["features"].as_array().unwrap().iter().find(|f| f["id"] == "salah-al-din-road").unwrap();
    assert_eq!(f["geometry"]["type"], "LineString");
    let path = road["path"].as_array().unwrap();
    let line = f["geometry"]["coordinates"].as_array().unwrap();
    assert_eq!(line.len(), path.len());
    assert_eq!(line[0], serde_json::json!([path[0]["lon"], path[0]["lat"]]), "longitude first");
    assert_eq!(line[path.len() - 1], serde_json::json!([path[path.len() - 1]["lon"], path[path.len() - 1]["lat"]]));
    assert!(f["properties"].get("path").is_none());
    assert_eq!(f["properties"]["location"], road["location"]);
    let crossing = g["features"].as_array().unwrap().iter().find(|f| f["id"] == "kissufim").unwrap();
    assert_eq!(crossing["geometry"]["type"], "Point");
    let _ = std::fs::remove_file(out);
}

/// A corridor with a path and no location is exported as its line.
#[test]
fn geojson_export_writes_a_path_without_a_location_as_a_line() {
    let feed = file(
        r#"{"format":"bawaba-feed/1","kind":"corridors","id":"t","publisher":{"name":{"en":"P"}},"published_at":"2026-11-24T06:00:00Z","items":[
        {"id":"r","updated_at":"2026-11-24T06:00:00Z","name":{"en":"Road","ar":"طريق"},"type":"road","status":"open","area":["gaza"],"path":[{"lat":31.5,"lon":34.46},{"lat":31.47,"lon":34.42}]},
        {"id":"nowhere","updated_at":"2026-11-24T06:00:00Z","name":{"en":"Road","ar":"طريق"},"type":"road","status":"open"}]}"#,
    );
    let o = run(&["export", "--to", "geojson", feed.path()]);
    assert_eq!(o.status.code(), Some(0), "{}", String::from_utf8_lossy(&o.stderr));
    let g: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    let features = g["features"].as_array().unwrap();
    assert_eq!(features.len(), 1, "the corridor with neither is left out");
    assert_eq!(features[0]["geometry"], serde_json::json!({"type": "LineString", "coordinates": [[34.46, 31.5], [34.42, 31.47]]}));
}

#[test]
fn an_invalid_feed_is_not_exported() {
    let bad = file(r#"{"format":"bawaba-feed/1","kind":"notices","items":[{"id":"a","updated_at":"2026-11-24T06:00:00"}]}"#);
    let dir = temp_dir("bad-cap");
    let o = run(&["export", "--to", "cap", bad.path(), "-o", dir.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    assert!(!dir.exists(), "nothing written");
    assert_eq!(run(&["export", "--to", "cap", "../../public/data/notices.json"]).status.code(), Some(2), "cap needs -o DIR");
    assert_eq!(run(&["export", "--to", "kml", "../../public/data/notices.json"]).status.code(), Some(2));
}

/// Every alert must pass the OASIS CAP 1.2 schema (tests/data/CAP-v1.2.xsd),
/// checked with libxml2's xmllint, which tools/setup.sh installs.
fn assert_valid_cap(dir: &std::path::Path) -> Vec<String> {
    let files: Vec<String> =
        std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().path().to_str().unwrap().to_owned()).collect::<Vec<_>>();
    assert!(!files.is_empty());
    let xmllint = Command::new("xmllint").args(["--noout", "--schema", "tests/data/CAP-v1.2.xsd"]).args(&files).output();
    let o = xmllint.expect("xmllint is missing: run tools/setup.sh (Debian package libxml2-utils)");
    assert!(o.status.success(), "CAP schema errors:\n{}", String::from_utf8_lossy(&o.stderr));
    files.iter().map(|f| std::fs::read_to_string(f).unwrap()).collect()
}

#[test]
fn cap_export_of_the_demo_notices_passes_the_cap_schema() {
    let dir = temp_dir("cap-demo");
    let o = run(&["export", "--to", "cap", "../../public/data/notices.json", "-o", dir.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}", String::from_utf8_lossy(&o.stderr));
    let alerts = assert_valid_cap(&dir);
    let demo: serde_json::Value = serde_json::from_str(include_str!("../../../public/data/notices.json")).unwrap();
    assert_eq!(alerts.len(), demo["items"].as_array().unwrap().len(), "one alert per notice");
    let uxo = alerts.iter().find(|a| a.contains("uxo-al-katiba-school")).unwrap();
    assert_eq!(uxo.matches("<info>").count(), 4, "one <info> per language");
    for lang in ["ar", "en", "he", "fr"] {
        assert!(uxo.contains(&format!("<language>{lang}</language>")));
    }
    assert!(uxo.contains("<status>Test</status>"), "demo data is never an Actual alert");
    assert!(uxo.contains("<category>CBRNE</category>") && uxo.contains("<severity>Severe</severity>"));
    assert!(uxo.contains("<value>PS-KYS</value>"));
    assert!(uxo.contains("<circle>31.3445,34.3 0.5</circle>"));
    assert!(uxo.contains("<areaDesc>Khan Younis</areaDesc>"), "OCHA's English name");
    // Each <info> carries the body in its own language.
    let body = |lang: &str| demo["items"][0]["body"][lang].as_str().unwrap().to_owned();
    for lang in ["en", "ar"] {
        let info = uxo.split("<info>").find(|i| i.contains(&format!("<language>{lang}</language>"))).unwrap();
        let escaped = body(lang).replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('\'', "&apos;").replace('"', "&quot;");
        assert!(info.contains(&format!("<description>{escaped}</description>")), "{lang}: {info}");
    }
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn cap_export_escapes_hostile_text_and_stays_valid() {
    let hostile = file(
        r#"{"format":"bawaba-feed/1","kind":"notices","id":"x y<&>","demo":false,
            "publisher":{"name":{"en":"<b>Evil & Co</b>"},"url":"https://evil.example/a b"},
            "published_at":"2026-11-24T06:00:00Z",
            "items":[{"id":"n,1 <script>","updated_at":"2026-11-24T06:00:00Z",
              "title":{"en":"</headline><script>alert(1)</script> & more","ar":"تحذير ]]> <!--"},
              "body":{"en":"a \u0001 control char and ' \" quotes"},
              "category":"roads","severity":"unknown_level","effective_at":"2026-11-25T06:00:00Z"}]}"#,
    );
    let dir = temp_dir("cap-hostile");
    let o = run(&["export", "--to", "cap", hostile.path(), "-o", dir.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}{}", String::from_utf8_lossy(&o.stderr), stdout(&o));
    let alerts = assert_valid_cap(&dir);
    let a = &alerts[0];
    assert!(!a.contains("<script>") && a.contains("&lt;script&gt;"));
    assert!(
        a.contains("<status>Actual</status>")
            && a.contains("<urgency>Future</urgency>")
            && a.contains("<severity>Unknown</severity>")
    );
    assert!(a.contains("<sent>2026-11-24T08:00:00+02:00</sent>"), "Gaza local time with its offset, never Z");
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn a_feed_with_a_skipped_item_is_not_exported() {
    // parse_feed would keep the good notice; validate reports the bad one, and
    // an export must not quietly leave it out.
    let f = file(
        r#"{"format":"bawaba-feed/1","kind":"notices","demo":false,"published_at":"2026-11-24T06:00:00Z","items":[
            {"id":"a","updated_at":"2026-11-24T06:00:00Z","title":{"ar":"تحذير"},"category":"roads","severity":"danger","effective_at":"2026-11-24T06:00:00Z"},
            {"id":"b","updated_at":"2026-11-24T06:00:00Z","category":"roads","severity":"danger","effective_at":"2026-11-24T06:00:00Z"}]}"#,
    );
    let dir = temp_dir("cap-skipped");
    assert_eq!(run(&["export", "--to", "cap", f.path(), "-o", dir.to_str().unwrap()]).status.code(), Some(1));
    assert!(!dir.exists());
}

#[test]
fn a_notice_in_effect_from_the_moment_it_is_sent_is_immediate() {
    let f = file(
        r#"{"format":"bawaba-feed/1","kind":"notices","demo":false,"published_at":"2026-11-24T06:00:00Z","items":[
            {"id":"now","updated_at":"2026-11-24T06:00:00Z","title":{"ar":"تحذير"},"category":"uxo","severity":"danger","effective_at":"2026-11-24T06:00:00Z"}]}"#,
    );
    let dir = temp_dir("cap-now");
    assert_eq!(run(&["export", "--to", "cap", f.path(), "-o", dir.to_str().unwrap()]).status.code(), Some(0));
    let alerts = assert_valid_cap(&dir);
    assert!(alerts[0].contains("<urgency>Immediate</urgency>"), "{}", alerts[0]);
    assert!(alerts[0].contains("<areaDesc>Gaza Strip</areaDesc>"), "no area: the whole Strip");
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn help_and_usage_mistakes() {
    let help = run(&["help"]);
    assert_eq!(help.status.code(), Some(0));
    assert!(stdout(&help).contains("bawaba-feed publish DIR"), "{}", stdout(&help));
    assert_eq!(run(&["--help"]).status.code(), Some(0));
    // Each command with the wrong number of words, or the wrong flag, is a
    // usage error (2) that prints the usage, never a crash.
    for args in [
        &["schema", "extra"][..],
        &["new"],
        &["new", "notices", "extra"],
        &["keygen"],
        &["keygen", "a", "b"],
        &["sign", "feed.json", "--key"],
        &["sign", "feed.json", "--pubkey", "k"],
        &["sign", "feed.json", "--key", "k", "extra"],
        &["verify", "feed.json", "--pubkey"],
        &["verify", "feed.json", "--key", "k"],
        &["validate", "--verbose", "feed.json"],
        &["validate", "--format", "xml", "feed.json"],
        &["validate"],
        &["export", "--to", "geojson", "a.json", "b.json"],
        &["export", "--to", "geojson", "--verbose", "a.json"],
        &["frobnicate"],
        &[],
    ] {
        let o = run(args);
        assert_eq!(o.status.code(), Some(2), "{args:?}: {}", String::from_utf8_lossy(&o.stderr));
        assert!(String::from_utf8_lossy(&o.stderr).contains("usage:"), "{args:?}");
    }
}

#[test]
fn validate_prints_text_when_asked_for_text() {
    let f = file(&stdout(&run(&["new", "notices"])));
    let o = run(&["validate", "--format", "text", f.path()]);
    assert_eq!(o.status.code(), Some(0));
    assert!(stdout(&o).contains("valid (0 errors"), "{}", stdout(&o));
    assert!(!stdout(&o).trim_start().starts_with('['), "not JSON");
}

/// The SMS digest of the demo feeds for Khan Younis, as a gateway receives
/// it, in each language: compared with the files in `tests/golden/`, which
/// were read before they were kept (BAWABA_GOLDEN=write rewrites them).
#[test]
fn digest_golden_in_four_languages() {
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/../../public/data/");
    let feeds = ["notices.json", "corridors.json", "distribution.json"].map(|f| format!("{root}{f}"));
    for lang in ["ar", "en", "he", "fr"] {
        let mut args: Vec<&str> = vec!["digest"];
        args.extend(feeds.iter().map(String::as_str));
        args.extend(["--area", "khan_younis", "--lang", lang, "--at", "2026-11-24T10:00:00+02:00", "--segments", "3", "--link-base", "https://bawaba.example/"]);
        let out = run(&args);
        assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
        let text = stdout(&out);
        let golden = format!("{}/tests/golden/digest-{lang}.txt", env!("CARGO_MANIFEST_DIR"));
        if std::env::var("BAWABA_GOLDEN").as_deref() == Ok("write") {
            std::fs::write(&golden, &text).unwrap();
        }
        assert_eq!(text, std::fs::read_to_string(&golden).unwrap(), "digest in {lang} differs from {golden}");
    }
}

#[test]
fn digest_one_message_per_danger_notice_with_its_link_and_the_segments_chosen() {
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/../../public/data/");
    let notices = format!("{root}notices.json");
    let corridors = format!("{root}corridors.json");
    let base = ["digest", notices.as_str(), corridors.as_str(), "--area", "khan_younis", "--at", "2026-11-24T10:00:00+02:00", "--format", "json", "--link-base", "https://bawaba.example/"];
    let json = |extra: &[&str]| -> Vec<serde_json::Value> {
        let out = run(&[&base[..], extra].concat());
        assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
        serde_json::from_str(&stdout(&out)).unwrap()
    };
    let en = json(&["--lang", "en", "--segments", "2"]);
    let text = |m: &serde_json::Value| m["text"].as_str().unwrap().to_owned();
    let dangers: Vec<String> = en.iter().map(text).filter(|t| t.contains("Danger: ")).collect();
    assert_eq!(dangers.len(), 1, "Khan Younis has one danger notice in effect, in one message: {en:?}");
    assert!(dangers[0].ends_with("\nhttps://bawaba.example/?view=notices&id=uxo-al-katiba-school&lang=en"), "ends with its link: {}", dangers[0]);
    assert!(en.iter().all(|m| text(m).starts_with("Demo data - As of 24/11 10:00\n")), "every message says when it was written: {en:?}");
    assert!(en.iter().all(|m| m["encoding"] == "GSM-7"), "English stays GSM-7: {en:?}");
    // Arabic: UCS-2, whose 67-unit parts cannot hold the notice's own link
    // whole, so it links to the area; every message still ends with a link.
    let ar = json(&["--lang", "ar", "--segments", "3"]);
    assert!(text(&ar[0]).contains("الوضع بتاريخ ٢٤/١١ ١٠:٠٠\nخطر:"), "as of, then the danger notice: {ar:?}");
    assert!(ar.iter().all(|m| text(m).contains("الوضع بتاريخ ٢٤/١١ ١٠:٠٠")), "every message says when it was written: {ar:?}");
    assert!(ar.iter().all(|m| m["encoding"] == "UCS-2" && m["segments"].as_u64().unwrap() <= 3));
    assert!(ar.iter().all(|m| m["text"].as_str().unwrap().contains("بيانات تجريبية")), "demo data labelled on every message");
    assert!(ar.iter().all(|m| m["text"].as_str().unwrap().ends_with("?area=khan_younis&lang=ar")), "every message ends with the area's link");
    // One part of 70 UCS-2 units cannot hold the time, the label and the
    // link beside any news: refused, naming the parts needed, rather than
    // sent as fragments that say nothing alone.
    let one = run(&[&base[..], &["--lang", "ar", "--segments", "1"]].concat());
    assert_eq!(one.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&one.stderr).contains("use --segments 3 or more"), "{}", String::from_utf8_lossy(&one.stderr));
    // Unasked, as few parts as the language needs; a danger notice cut into
    // several messages says on each that it is one, and when.
    let auto = json(&["--lang", "ar"]);
    assert!(auto.iter().all(|m| m["segments"].as_u64().unwrap() <= 3));
    let long = json(&["--lang", "ar", "--segments", "2", "--kind", "notices"]);
    let danger: Vec<String> = long.iter().map(text).filter(|t| t.contains("خطر:")).collect();
    assert!(danger.len() >= 2 && danger.iter().all(|t| t.starts_with("بيانات تجريبية - الوضع بتاريخ ٢٤/١١ ١٠:٠٠\nخطر: ")), "{danger:?}");
    // A bad area is a usage error, not an empty digest.
    let out = run(&["digest", notices.as_str(), "--area", "atlantis", "--lang", "en"]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn posters_for_every_crossing_and_aid_point_in_each_language() {
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/../../public/data/");
    let (corridors, points) = (format!("{root}corridors.json"), format!("{root}distribution.json"));
    let dir = temp_dir("posters");
    let out_dir = dir.to_str().unwrap();
    let args = ["posters", &corridors, &points, "-o", out_dir, "--link-base", "https://bawaba.example/", "--lang", "ar", "--lang", "en", "--at", "2026-11-24T10:00:00+02:00"];
    let out = run(&args);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let count = |f: &str| serde_json::from_str::<serde_json::Value>(&std::fs::read_to_string(f).unwrap()).unwrap()["items"].as_array().unwrap().len();
    let places = count(&corridors) + count(&points);
    assert!(String::from_utf8_lossy(&out.stderr).contains(&format!("{} posters", places * 2)));
    for lang in ["ar", "en"] {
        let page = std::fs::read_to_string(dir.join(lang).join("shati-camp-bakery.html")).unwrap();
        let html = scraper::Html::parse_document(&page);
        let pick = |css: &str| html.select(&scraper::Selector::parse(css).unwrap()).map(|e| e.text().collect::<String>()).collect::<Vec<_>>();
        assert_eq!(pick(".poster").len(), 1);
        assert_eq!(pick("svg.qr").len(), 1, "a QR code");
        assert_eq!(pick(".poster-link"), ["https://bawaba.example/?view=distribution&id=shati-camp-bakery&lang=".to_owned() + lang]);
        let text = pick(".poster").concat();
        let (name, status, demo) = if lang == "ar" { ("مخبز مخيم الشاطئ", "الحالة كما نُشرت: مفتوح", "بيانات تجريبية") } else { ("Shati camp bakery", "Status as published: Open", "DEMO DATA") };
        assert!(text.contains(name) && text.contains(status) && text.contains(demo), "{text}");
        assert!(pick("title")[0].starts_with(if lang == "ar" { "بيانات تجريبية — " } else { "Demo data — " }), "the demo label in the file's title");
        assert!(!page.contains("<script") && page.contains("default-src 'none'"), "no script, no request");
        let all = std::fs::read_to_string(dir.join(lang).join("index.html")).unwrap();
        assert_eq!(all.matches("class=\"poster\"").count(), places, "every poster, to print at once");
    }
    // A QR code on a wall leads to the portal over https only.
    let plain = run(&["posters", &points, "-o", out_dir, "--link-base", "http://bawaba.example/"]);
    assert_eq!(plain.status.code(), Some(2));
    let missing = run(&["posters", &points, "-o", out_dir]);
    assert_eq!(missing.status.code(), Some(2));
}

#[test]
fn strings_writes_a_bundle_per_language_the_wasm_does_not_carry() {
    let dir = temp_dir("strings");
    let out = run(&["strings", dir.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let mut names: Vec<_> = std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().file_name().into_string().unwrap()).collect();
    names.sort();
    assert_eq!(names, ["ar.txt", "fr.txt", "he.txt"], "English is in the wasm");
    let ar = std::fs::read_to_string(dir.join("ar.txt")).unwrap();
    let messages: Vec<&str> = ar.split('\u{1f}').collect();
    assert_eq!(messages[0], "بوابة");
    assert!(messages.contains(&"استمع") && messages.iter().all(|m| !m.is_empty()));
    let en = std::fs::read_to_string(dir.join("fr.txt")).unwrap();
    assert_eq!(en.split('\u{1f}').count(), messages.len(), "one message each, in one order");
}

#[test]
fn digest_kinds_hours_and_arguments() {
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/../../public/data/");
    let feeds = ["notices.json", "corridors.json", "distribution.json"].map(|f| format!("{root}{f}"));
    let text = |extra: &[&str]| {
        let mut args: Vec<&str> = vec!["digest"];
        args.extend(feeds.iter().map(String::as_str));
        args.extend(["--area", "khan_younis", "--lang", "en", "--at", "2026-11-24T10:00:00+02:00", "--segments", "4"]);
        args.extend(extra);
        let out = run(&args);
        assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
        stdout(&out)
    };
    let all = text(&[]);
    let notices = text(&["--kind", "notices"]);
    assert!(notices.contains("Danger: ") && !notices.contains("Open now") && !notices.contains("Closed now"), "{notices}");
    let corridors = text(&["--kind", "corridors"]);
    let points = text(&["--kind", "distribution"]);
    assert!(!corridors.contains("Danger: ") && !points.contains("Danger: "));
    assert!(corridors.contains("Salah al-Din road: ") && corridors.lines().count() <= 4, "{corridors}");
    assert!(!points.contains("Salah al-Din road") && points.contains("Open now"), "{points}");
    assert_eq!(text(&["--kind", "notices", "--kind", "corridors", "--kind", "distribution"]), all);
    // Opening within the hours asked: none ahead with 0, more with 48.
    let now_only = text(&["--hours", "0"]);
    let two_days = text(&["--hours", "48"]);
    assert!(two_days.matches('\n').count() > now_only.matches('\n').count(), "{now_only}\n---\n{two_days}");
    assert!(!now_only.contains("Closed now"), "opening later is not listed with --hours 0: {now_only}");
    // --format text after json: text.
    assert_eq!(text(&["--format", "json", "--format", "text"]), all);
    // Usage errors say how to use it.
    for bad in [&["--segments", "0"][..], &["--bogus"], &["--kind", "roads"]] {
        let mut args: Vec<&str> = vec!["digest", &feeds[0], "--area", "rafah", "--lang", "en"];
        args.extend(bad);
        let out = run(&args);
        assert_eq!(out.status.code(), Some(2), "{bad:?}");
        assert!(String::from_utf8_lossy(&out.stderr).contains("usage:"), "{bad:?}");
    }
    let out = run(&["posters", &feeds[1], "-o", "/tmp/x", "--link-base", "https://a.example/", "--bogus"]);
    assert!(out.status.code() == Some(2) && String::from_utf8_lossy(&out.stderr).contains("usage:"));
    let out = run(&["strings"]);
    assert_eq!(out.status.code(), Some(2), "strings needs a folder");
}

/// Two publishers of the demo disagree about the Khan Younis kitchen (open,
/// out of stock): the digest then sends neither claim, as the portal shows
/// "Sources differ" instead of "open now".
#[test]
fn digest_sends_no_claim_publishers_disagree_on() {
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/../../public/data/");
    let digest = |files: &[&str]| {
        let mut args: Vec<String> = vec!["digest".into()];
        args.extend(files.iter().map(|f| format!("{root}{f}")));
        args.extend(["--area", "khan_younis", "--lang", "en", "--at", "2026-11-24T12:00:00+02:00"].map(String::from));
        let out = run(&args.iter().map(String::as_str).collect::<Vec<_>>());
        assert_eq!(out.status.code(), Some(0));
        stdout(&out)
    };
    let kitchen = "Khan Younis community kitchen";
    assert!(digest(&["distribution.json"]).contains(kitchen), "one publisher: open now");
    let both = digest(&["distribution.json", "distribution-committee.json"]);
    assert!(!both.contains(kitchen), "{both}");
    assert!(both.contains("al-Mawasi desalination point"), "what only one publisher describes is still sent: {both}");
}
