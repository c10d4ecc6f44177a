//! One file's problems, each with its place in the file, what was expected,
//! and a hint; errors (the portal would skip or drop something) apart from
//! warnings (shown, but probably not what the publisher meant).

use crate::say::Say;
use crate::spans::Spans;
use bawaba_model::json::Json;
use bawaba_model::parse::parse_feed_json;
use bawaba_model::{FeedError, Items, LocalizedText, Point, Timestamp, MAX_FEED_BYTES};
use serde_json::json;
use std::collections::HashMap;

pub struct Finding {
    pub line: usize,
    pub column: usize,
    pub path: String,
    pub say: Say,
}

impl Finding {
    /// What it says in English, as the command line prints it.
    pub fn message(&self) -> String {
        self.say.to_string()
    }
}

pub struct Report {
    pub file: String,
    /// The items the portal reads (0 when it reads no feed at all).
    pub items: usize,
    pub errors: Vec<Finding>,
    pub warnings: Vec<Finding>,
}

/// The Gaza Strip with a margin: points outside are most likely swapped or mistyped.
fn outside_gaza(p: Point) -> bool {
    !(31.18..=31.65).contains(&p.lat) || !(34.15..=34.62).contains(&p.lon)
}

pub fn check(file: &str, bytes: &[u8], now: Timestamp) -> Report {
    let mut r = Report { file: file.to_owned(), items: 0, errors: vec![], warnings: vec![] };
    let at = |line, column, path: &str, say: Say| Finding { line, column, path: path.to_owned(), say };
    if bytes.len() > MAX_FEED_BYTES {
        r.errors.push(at(1, 1, "", Say::Feed(FeedError::TooLarge { bytes: bytes.len() })));
        return r;
    }
    let root = match Json::parse(bytes) {
        Ok(j) => j,
        Err(e) => {
            r.errors.push(at(e.line(), e.column(), "", Say::NotJson(e.to_string())));
            return r;
        }
    };
    let text = String::from_utf8_lossy(bytes);
    let spans = Spans::of(&text);
    let feed = match parse_feed_json(&root) {
        Ok(f) => f,
        Err(e) => {
            // Where in the file the portal stopped reading.
            let path = match e {
                FeedError::UnknownFormat(_) => "format",
                FeedError::UnknownKind(_) => "kind",
                FeedError::ItemsNotAList | FeedError::TooManyItems { .. } => "items",
                _ => "",
            };
            let (l, c) = spans.find(path);
            r.errors.push(at(l, c, path, Say::Feed(e)));
            return r;
        }
    };
    r.items = feed.items.len();
    for issue in &feed.issues {
        let (l, c) = spans.find(&issue.path);
        r.errors.push(at(l, c, &issue.path, Say::Problem(issue.problem.clone(), issue.effect)));
    }

    // Warnings: what the portal shows, but a careful publisher would fix.
    // The first item with an id is the one the portal keeps (a later
    // duplicate is skipped), so warnings point at the first.
    let mut index: HashMap<String, usize> = HashMap::new();
    for (i, it) in root.get("items").and_then(Json::as_array).unwrap_or(&[]).iter().enumerate() {
        if let Some(id) = it.get("id").and_then(Json::as_str) {
            index.entry(id.to_owned()).or_insert(i);
        }
    }
    let mut warn = |path: String, say: Say| {
        let (l, c) = spans.find(&path);
        r.warnings.push(at(l, c, &path, say));
    };
    if feed.is_expired(now) {
        warn("expires_at".into(), Say::Expired);
    }
    if feed.demo {
        warn("demo".into(), Say::Demo);
    }
    let tolerance = chrono::Duration::minutes(bawaba_model::keep::CLOCK_TOLERANCE_MINUTES);
    if feed.published_at.is_some_and(|p| p > now + tolerance) {
        warn("published_at".into(), Say::PublishedInFuture);
    }
    let no_arabic = |t: &LocalizedText| !t.has_lang("ar");
    let item_path = |id: &str| format!("items[{}]", index.get(id).copied().unwrap_or(0));
    macro_rules! common {
        ($it:expr, $name:expr, $name_key:literal, $windows:expr, $location:expr) => {{
            let p = item_path(&$it.base.id);
            if no_arabic($name) {
                warn(format!("{p}.{}", $name_key), Say::NoArabic);
            }
            for (k, w) in $windows.iter().enumerate() {
                if w.end < now {
                    warn(format!("{p}.windows[{k}]"), Say::PastWindow);
                }
            }
            if let Some(loc) = $location {
                if outside_gaza(loc) {
                    warn(format!("{p}.location"), Say::OutsideGaza);
                } else if let Some(g) = bawaba_model::governorates::elsewhere(loc, &$it.base.area) {
                    let said: Vec<_> = $it.base.area.iter().map(|a| a.wire()).collect();
                    warn(format!("{p}.area"), Say::AreaElsewhere { point: g.wire().to_owned(), area: said.join(", ") });
                }
            }
        }};
    }
    match &feed.items {
        Items::Corridors(v) => v.iter().for_each(|c| common!(c, &c.name, "name", c.schedule.windows, c.base.location)),
        Items::DistributionPoints(v) => v.iter().for_each(|d| common!(d, &d.name, "name", d.schedule.windows, Some(d.location))),
        Items::Notices(v) => {
            v.iter().for_each(|n| common!(n, &n.title, "title", Vec::<bawaba_model::schedule::Window>::new(), n.base.location))
        }
    }
    r
}

impl Report {
    pub fn print(&self) {
        for (kind, list) in [("error", &self.errors), ("warning", &self.warnings)] {
            for f in list {
                let path = if f.path.is_empty() { String::new() } else { format!("{}: ", f.path) };
                println!("{}:{}:{}: {kind}: {path}{}", self.file, f.line, f.column, f.say);
                if let Some(h) = f.say.hint_en() {
                    println!("  hint: {h}");
                }
            }
        }
        let verdict = if self.errors.is_empty() { "valid" } else { "INVALID" };
        println!("{}: {verdict} ({} errors, {} warnings)", self.file, self.errors.len(), self.warnings.len());
    }

    pub fn to_json(&self) -> serde_json::Value {
        let list = |v: &Vec<Finding>| {
            v.iter()
                .map(|f| json!({"line": f.line, "column": f.column, "path": f.path, "message": f.message(), "hint": f.say.hint_en()}))
                .collect::<Vec<_>>()
        };
        json!({"file": self.file, "valid": self.errors.is_empty(), "errors": list(&self.errors), "warnings": list(&self.warnings)})
    }
}

/// The feed, if `validate` would pass it: an export never carries an item
/// the portal would skip, nor hides that one was skipped.
pub fn valid(file: &str, bytes: &[u8]) -> Result<bawaba_model::Feed, Report> {
    let report = check(file, bytes, chrono::Utc::now());
    match bawaba_model::parse_feed(bytes) {
        Ok(feed) if report.errors.is_empty() => Ok(feed),
        _ => Err(report),
    }
}

/// Feed files, each checked as `validate` checks it: 2 when one cannot be
/// read, 1 with the report when one is not valid (`what` says what is not
/// made then).
pub fn valid_files(files: &[String], what: &str) -> Result<Vec<bawaba_model::Feed>, std::process::ExitCode> {
    let mut feeds = vec![];
    for f in files {
        let bytes = crate::args::read(f)?;
        match valid(f, &bytes) {
            Ok(feed) => feeds.push(feed),
            Err(report) => {
                eprintln!("{f}: {what}: fix these first");
                report.print();
                return Err(std::process::ExitCode::from(1));
            }
        }
    }
    Ok(feeds)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: &str) -> Timestamp {
        chrono::DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&chrono::Utc)
    }

    fn feed(published: &str, items: &str) -> String {
        format!(
            r#"{{"format":"bawaba-feed/1","kind":"distribution_points","publisher":{{"name":{{"ar":"ن"}}}},"published_at":"{published}","expires_at":"2027-01-01T00:00:00Z","demo":false,"items":[{items}]}}"#
        )
    }

    fn point(lat: f64, lon: f64) -> String {
        format!(r#"{{"id":"p","updated_at":"2026-11-24T06:00:00Z","name":{{"ar":"نقطة"}},"location":{{"lat":{lat},"lon":{lon}}},"status":"open"}}"#)
    }

    fn warned(r: &Report, path_end: &str) -> bool {
        r.warnings.iter().any(|w| w.path.ends_with(path_end))
    }

    #[test]
    fn a_publication_time_ahead_of_the_clock_by_more_than_the_tolerance_is_warned() {
        let now = at("2026-11-24T08:00:00Z");
        let check_at = |p: &str| check("f.json", feed(p, &point(31.5, 34.45)).as_bytes(), now);
        assert!(!warned(&check_at("2026-11-24T07:00:00Z"), "published_at"), "in the past");
        assert!(!warned(&check_at("2026-11-24T08:10:00Z"), "published_at"), "exactly at the tolerance");
        assert!(warned(&check_at("2026-11-24T08:10:01Z"), "published_at"), "past it");
    }

    #[test]
    fn points_outside_the_strip_are_warned() {
        let now = at("2026-11-24T08:00:00Z");
        let r = |lat, lon| check("f.json", feed("2026-11-24T07:00:00Z", &point(lat, lon)).as_bytes(), now);
        assert!(!warned(&r(31.5, 34.45), "location"), "Gaza City");
        assert!(warned(&r(30.0, 34.45), "location"), "latitude south of the Strip");
        assert!(warned(&r(31.5, 35.2), "location"), "longitude east of the Strip");
        assert!(warned(&r(34.45, 31.5), "location"), "swapped");
    }

    #[test]
    fn an_area_that_disagrees_with_the_point_is_warned_naming_both() {
        let now = at("2026-11-24T08:00:00Z");
        let in_rafah = |area: &str| point(31.287, 34.2522).replace(r#""status""#, &format!(r#"{area}"status""#));
        let r = |area: &str| check("f.json", feed("2026-11-24T07:00:00Z", &in_rafah(area)).as_bytes(), now);
        let wrong = r(r#""area":["khan_younis"],"#);
        let w = wrong.warnings.iter().find(|w| w.path.ends_with("].area")).expect("warned");
        assert_eq!(w.message(), "the point is in rafah, but area says khan_younis");
        assert!(wrong.errors.is_empty(), "a warning: the item is still shown");
        assert!(!warned(&r(r#""area":["rafah"],"#), "area"), "the right area");
        assert!(!warned(&r(r#""area":["khan_younis","rafah"],"#), "area"), "one of several");
        assert!(!warned(&r(""), "area"), "no area given");
    }

    #[test]
    fn a_wrong_type_says_what_was_expected_and_what_was_found() {
        let now = at("2026-11-24T08:00:00Z");
        let item = point(31.5, 34.45).replace(r#""status":"open""#, r#""status":5"#).replace(r#"{"ar":"نقطة"}"#, "[1]");
        let r = check("f.json", feed("2026-11-24T07:00:00Z", &item).as_bytes(), now);
        let messages: Vec<_> = r.errors.iter().map(Finding::message).collect();
        assert!(messages.iter().any(|m| m.contains("expected a string, found a number")), "{messages:?}");
        assert!(messages.iter().any(|m| m.contains("expected a text object like {\"ar\": \"…\", \"en\": \"…\"}, found a list")), "{messages:?}");
    }

    #[test]
    fn a_feed_of_exactly_the_size_limit_is_checked_not_refused() {
        let mut text = feed("2026-11-24T07:00:00Z", &point(31.5, 34.45));
        text.push_str(&" ".repeat(MAX_FEED_BYTES - text.len()));
        let r = check("f.json", text.as_bytes(), at("2026-11-24T08:00:00Z"));
        assert!(r.errors.is_empty(), "{:?}", r.errors.iter().map(Finding::message).collect::<Vec<_>>());
        text.push(' ');
        let r = check("f.json", text.as_bytes(), at("2026-11-24T08:00:00Z"));
        assert_eq!(r.errors.len(), 1, "one byte over");
    }
}
