//! From bytes to a validated [`Feed`]: total (no input panics), and every
//! problem is recorded with its JSON path instead of stopping at the first.

use crate::feed::*;
use crate::issue::{Effect, Expected, FeedError, Issue, Problem};
use crate::json::{Json, JsonType};
use crate::schedule::{parse_clock, parse_weekday, Schedule, WeeklySlot, Window};
use crate::text::LocalizedText;
use chrono::Utc;
use std::collections::HashSet;

type Fail = (String, Problem);
type Parsed<T> = Result<T, Fail>;

/// Parses and validates one feed file.
pub fn parse_feed(bytes: &[u8]) -> Result<Feed, FeedError> {
    if bytes.len() > MAX_FEED_BYTES {
        return Err(FeedError::TooLarge { bytes: bytes.len() });
    }
    let root = Json::parse(bytes).map_err(|_| FeedError::NotJson)?;
    parse_feed_json(&root)
}

pub fn parse_feed_json(root: &Json) -> Result<Feed, FeedError> {
    if root.kind() != JsonType::Object {
        return Err(FeedError::NotAnObject);
    }
    check_format(root.get("format"))?;
    let kind = match root.get("kind") {
        None | Some(Json::Null) => return Err(FeedError::MissingKind),
        Some(Json::String(s)) => FeedKind::from_wire(s),
        Some(other) => FeedKind::Other(describe(other)),
    };
    if let FeedKind::Other(k) = kind {
        return Err(FeedError::UnknownKind(k));
    }
    let raw_items = root.get("items").and_then(Json::as_array).ok_or(FeedError::ItemsNotAList)?;
    if raw_items.len() > MAX_ITEMS {
        return Err(FeedError::TooManyItems { count: raw_items.len() });
    }

    let mut issues = Vec::new();
    let mut env = Fields::new(root, None, &mut issues);
    let id = env.optional("id", ident);
    let publisher = env.optional("publisher", publisher);
    let published_at = env.optional("published_at", timestamp);
    let expires_at = env.optional("expires_at", timestamp);
    let demo = match root.get("demo") {
        None | Some(Json::Null) | Some(Json::Bool(false)) => false,
        Some(Json::Bool(true)) => true,
        // A malformed flag most likely meant "this is sample data": label it,
        // since calling real data "demo" is far less harmful than the reverse.
        Some(other) => {
            env.note("demo", Problem::WrongType { expected: Expected::Json(JsonType::Bool), found: other.kind() });
            true
        }
    };

    let mut seen = HashSet::new();
    // Every item says who published it: one shared record per feed.
    let source = std::sync::Arc::new(crate::feed::Source { feed: id.clone(), publisher: publisher.as_ref().and_then(|p: &Publisher| p.name.clone()) });
    let mut cx = (&mut seen, &mut issues, &source);
    let items = match kind {
        FeedKind::Corridors => Items::Corridors(each(raw_items, &mut cx, corridor)),
        FeedKind::DistributionPoints => Items::DistributionPoints(each(raw_items, &mut cx, point_item)),
        FeedKind::Notices => Items::Notices(each(raw_items, &mut cx, notice)),
        FeedKind::Other(_) => unreachable!("rejected above"),
    };
    let skipped = raw_items.len() - items.len();
    Ok(Feed { id, publisher, published_at, expires_at, demo, items, issues, skipped })
}

/// `bawaba-feed/1` and any `bawaba-feed/1.x`: the major version is what matters.
fn check_format(v: Option<&Json>) -> Result<(), FeedError> {
    let s = match v {
        None | Some(Json::Null) => return Err(FeedError::MissingFormat),
        Some(Json::String(s)) => s,
        Some(other) => return Err(FeedError::UnknownFormat(describe(other))),
    };
    let major = s.strip_prefix("bawaba-feed/").map(|v| v.split('.').next().unwrap_or(""));
    if major == Some("1") {
        Ok(())
    } else {
        Err(FeedError::UnknownFormat(s.chars().take(60).collect()))
    }
}

/// A short rendering of a non-string value for an error message.
fn describe(j: &Json) -> String {
    match j {
        Json::Null => "null".into(),
        Json::Bool(b) => b.to_string(),
        // Integral numbers as written; others by type only, which keeps float
        // formatting (15 KB of wasm) out of the portal.
        Json::Number(n) if n.fract() == 0.0 && n.abs() < 1e15 => (*n as i64).to_string(),
        Json::Number(_) => "(number)".into(),
        Json::String(s) => s.chars().take(60).collect(),
        Json::Array(_) => "[…]".into(),
        Json::Object(_) => "{…}".into(),
    }
}

/// The ids seen so far (borrowed from the text read), the problems found,
/// and the feed's source for its items.
type Each<'a, 'j> = (&'a mut HashSet<&'j str>, &'a mut Vec<Issue>, &'a std::sync::Arc<crate::feed::Source>);

fn each<'j, T: crate::merge::Mergeable>(raw: &'j [Json<'j>], (seen, issues, source): &mut Each<'_, 'j>, parse: fn(&mut Fields) -> Option<T>) -> Vec<std::sync::Arc<T>> {
    let mut out = Vec::with_capacity(raw.len());
    for (i, item) in raw.iter().enumerate() {
        if item.kind() != JsonType::Object {
            issues.push(Issue {
                path: format!("items[{i}]"),
                item_id: None,
                problem: Problem::WrongType { expected: Expected::Json(JsonType::Object), found: item.kind() },
                effect: Effect::ItemSkipped,
            });
            continue;
        }
        let mut f = Fields::new(item, Some(i), issues);
        let parsed = parse(&mut f);
        let ok = !f.invalid;
        if let (true, Some(mut t)) = (ok, parsed) {
            t.base_mut().source = Some(std::sync::Arc::clone(source));
            // Unique on the whole id; a report shows no more than an id may hold.
            let full = item.get("id").and_then(Json::as_str).unwrap_or_default();
            if seen.insert(full) {
                out.push(std::sync::Arc::new(t));
            } else {
                issues.push(Issue {
                    path: format!("items[{i}].id"),
                    item_id: Some(short_id(item).unwrap_or_default()),
                    problem: Problem::DuplicateId,
                    effect: Effect::ItemSkipped,
                });
            }
        }
    }
    out
}

/// An item's id as a report shows it: no more than an id may hold.
fn short_id(item: &Json) -> Option<String> {
    item.get("id").and_then(Json::as_str).map(|s| s.chars().take(crate::feed::MAX_ID_CHARS).collect())
}

/// Reads the fields of one object, recording problems as it goes.
struct Fields<'a> {
    obj: &'a Json<'a>,
    /// Which item this is (none for the feed itself). Its path and id are
    /// only written out when there is a problem to report: building them for
    /// every item was a tenth of parsing a long feed.
    index: Option<usize>,
    issues: &'a mut Vec<Issue>,
    /// Set when a required field failed: the item is skipped.
    invalid: bool,
}

impl<'a> Fields<'a> {
    fn new(obj: &'a Json<'a>, index: Option<usize>, issues: &'a mut Vec<Issue>) -> Self {
        Fields { obj, index, issues, invalid: false }
    }

    fn at(&self, key: &str, sub: &str) -> String {
        match self.index {
            None => format!("{key}{sub}"),
            Some(i) => format!("items[{i}].{key}{sub}"),
        }
    }

    fn push(&mut self, key: &str, sub: &str, problem: Problem, effect: Effect) {
        let path = self.at(key, sub);
        let item_id = self.index.and_then(|_| short_id(self.obj));
        self.issues.push(Issue { path, item_id, problem, effect });
    }

    fn note(&mut self, key: &str, problem: Problem) {
        self.push(key, "", problem, Effect::FieldDropped);
    }

    fn required<T>(&mut self, key: &str, parse: fn(&Json) -> Parsed<T>) -> Option<T> {
        let Some(v) = self.obj.get(key).filter(|v| **v != Json::Null) else {
            self.push(key, "", Problem::Missing, Effect::ItemSkipped);
            self.invalid = true;
            return None;
        };
        match parse(v) {
            Ok(t) => Some(t),
            Err((sub, problem)) => {
                self.push(key, &sub, problem, Effect::ItemSkipped);
                self.invalid = true;
                None
            }
        }
    }

    fn optional<T>(&mut self, key: &str, parse: fn(&Json) -> Parsed<T>) -> Option<T> {
        let v = self.obj.get(key).filter(|v| **v != Json::Null)?;
        match parse(v) {
            Ok(t) => Some(t),
            Err((sub, problem)) => {
                self.push(key, &sub, problem, Effect::FieldDropped);
                None
            }
        }
    }

    /// An optional list whose bad elements are dropped one by one, so one typo
    /// in `services` does not hide the other services.
    fn list<T>(&mut self, key: &str, parse: fn(&Json) -> Parsed<T>) -> Vec<T> {
        let Some(v) = self.obj.get(key).filter(|v| **v != Json::Null) else { return vec![] };
        let Some(arr) = v.as_array() else {
            self.push(key, "", wrong(Expected::Json(JsonType::Array), v), Effect::FieldDropped);
            return vec![];
        };
        let mut out = Vec::with_capacity(arr.len());
        for (i, e) in arr.iter().enumerate() {
            match parse(e) {
                Ok(t) => out.push(t),
                Err((sub, problem)) => self.push(key, &format!("[{i}]{sub}"), problem, Effect::FieldDropped),
            }
        }
        out
    }

    fn base(&mut self) -> Option<ItemBase> {
        let id = self.required("id", ident);
        let updated_at = self.required("updated_at", timestamp);
        let area = self.list("area", |j| string(j).map(|s| Area::from_wire(&s)));
        let location = self.optional("location", point);
        let links = self.list("links", link);
        let notes = self.optional("notes", text);
        let same_as = self.list("same_as", item_ref);
        Some(ItemBase { id: id?, updated_at: updated_at?, area, location, links, notes, same_as, ..ItemBase::default() })
    }

    /// `hours` and `windows` together; a bad slot or window is dropped alone.
    fn schedule(&mut self) -> Schedule {
        let given = |k: &str| self.obj.get(k).is_some_and(|v| *v != Json::Null && v.as_array().is_none_or(|a| !a.is_empty()));
        let given = given("hours") || given("windows");
        let (hours, windows) = (self.list("hours", weekly_slot), self.list("windows", window));
        let unreadable = given && hours.is_empty() && windows.is_empty();
        Schedule { hours, windows, unreadable }
    }
}

fn wrong(expected: Expected, found: &Json) -> Problem {
    Problem::WrongType { expected, found: found.kind() }
}

fn corridor(f: &mut Fields) -> Option<Corridor> {
    let base = f.base();
    let name = f.required("name", text);
    let kind = f.required("type", |j| string(j).map(|s| CorridorType::from_wire(&s)));
    let status = f.required("status", |j| string(j).map(|s| CorridorStatus::from_wire(&s)));
    let schedule = f.schedule();
    let allowed = f.list("allowed", |j| string(j).map(|s| Allowed::from_wire(&s)));
    let direction = f.optional("direction", |j| string(j).map(|s| Direction::from_wire(&s)));
    let path = f.optional("path", path).unwrap_or_default();
    Some(Corridor { base: base?, name: name?, kind: kind?, status: status?, schedule, allowed, direction, path })
}

fn point_item(f: &mut Fields) -> Option<DistributionPoint> {
    let base = f.base();
    let name = f.required("name", text);
    let location = f.required("location", point);
    let status = f.required("status", |j| string(j).map(|s| PointStatus::from_wire(&s)));
    let organization = f.optional("organization", text);
    let landmark = f.optional("landmark", text);
    let services = f.list("services", |j| string(j).map(|s| Service::from_wire(&s)));
    let schedule = f.schedule();
    let requirements = f.optional("requirements", text);
    let mut base = base?;
    // `location` is required here; keep the common field in step with it.
    base.location = location;
    Some(DistributionPoint {
        base,
        name: name?,
        organization,
        location: location?,
        landmark,
        services,
        status: status?,
        schedule,
        requirements,
    })
}

fn notice(f: &mut Fields) -> Option<Notice> {
    let base = f.base();
    let title = f.required("title", text);
    let category = f.required("category", |j| string(j).map(|s| Category::from_wire(&s)));
    let severity = f.required("severity", |j| string(j).map(|s| Severity::from_wire(&s)));
    let effective_at = f.required("effective_at", timestamp);
    let body = f.optional("body", text);
    let expires_at = f.optional("expires_at", timestamp);
    Some(Notice {
        base: base?,
        title: title?,
        body,
        category: category?,
        severity: severity?,
        effective_at: effective_at?,
        expires_at,
    })
}

/// `{"feed": "…", "id": "…"}`: another publisher's item (`same_as`).
fn item_ref(j: &Json) -> Parsed<crate::feed::ItemRef> {
    if j.kind() != JsonType::Object {
        return Err((String::new(), wrong(Expected::Json(JsonType::Object), j)));
    }
    let part = |k: &str| match j.get(k) {
        None | Some(Json::Null) => Err((format!(".{k}"), Problem::Missing)),
        Some(v) => ident(v).map_err(|(_, p)| (format!(".{k}"), p)),
    };
    Ok(crate::feed::ItemRef { feed: part("feed")?, id: part("id")? })
}

/// An id: a non-empty string of at most `MAX_ID_CHARS` characters.
fn ident(j: &Json) -> Parsed<String> {
    let s = string(j)?;
    if s.chars().nth(crate::feed::MAX_ID_CHARS).is_some() {
        return Err((String::new(), Problem::IdTooLong));
    }
    Ok(s)
}

fn string(j: &Json) -> Parsed<String> {
    match j {
        Json::String(s) if s.trim().is_empty() => Err((String::new(), Problem::Empty)),
        Json::String(s) => Ok(s.to_string()),
        other => Err((String::new(), wrong(Expected::Json(JsonType::String), other))),
    }
}

/// A LocalizedText. Entries that are not non-empty strings are left out; the
/// text is invalid only when nothing usable remains.
pub(crate) fn text(j: &Json) -> Parsed<LocalizedText> {
    let Json::Object(entries) = j else { return Err((String::new(), wrong(Expected::Text, j))) };
    let kept: Vec<(String, String)> = entries
        .iter()
        .filter(|(k, _)| !k.trim().is_empty())
        .filter_map(|(k, v)| match v {
            Json::String(s) if !s.trim().is_empty() => Some((k.to_string(), s.to_string())),
            _ => None,
        })
        .collect();
    if kept.is_empty() {
        return Err((String::new(), Problem::Empty));
    }
    Ok(LocalizedText(kept))
}

pub(crate) fn timestamp(j: &Json) -> Parsed<Timestamp> {
    let Json::String(s) = j else { return Err((String::new(), wrong(Expected::Timestamp, j))) };
    parse_timestamp(s).map_err(|p| (String::new(), p))
}

/// RFC 3339 with an explicit offset; a local time without one is refused with
/// its own problem so the publisher knows exactly what to add. Hand-written:
/// chrono's general parser would add ~25 KB to the wasm.
pub fn parse_timestamp(s: &str) -> Result<Timestamp, Problem> {
    let b = s.trim().as_bytes();
    let num = |r: std::ops::Range<usize>| -> Option<u32> {
        let d = b.get(r)?;
        d.iter().all(u8::is_ascii_digit).then(|| d.iter().fold(0, |n, c| n * 10 + (c - b'0') as u32))
    };
    let at = |i: usize, c: &[u8]| b.get(i).is_some_and(|x| c.contains(x));
    let shape = b.len() >= 16 && at(4, b"-") && at(7, b"-") && at(10, b"Tt ") && at(13, b":");
    if !shape {
        return Err(Problem::BadTimestamp);
    }
    let (Some(y), Some(mo), Some(d), Some(h), Some(mi)) = (num(0..4), num(5..7), num(8..10), num(11..13), num(14..16)) else {
        return Err(Problem::BadTimestamp);
    };
    // Seconds are required by RFC 3339 but a missing offset is the likelier
    // mistake to report, so read on.
    let mut i = 16;
    let mut sec = 0;
    if at(i, b":") {
        sec = num(i + 1..i + 3).ok_or(Problem::BadTimestamp)?;
        i += 3;
    }
    let mut nanos = 0u32;
    if at(i, b".") {
        let digits = b[i + 1..].iter().take_while(|c| c.is_ascii_digit()).count();
        if digits == 0 {
            return Err(Problem::BadTimestamp);
        }
        for (k, c) in b[i + 1..i + 1 + digits].iter().take(9).enumerate() {
            nanos += (c - b'0') as u32 * 10u32.pow(8 - k as u32);
        }
        i += 1 + digits;
    }
    let offset_secs: i32 = match b.get(i) {
        None => return Err(Problem::TimestampWithoutOffset),
        Some(b'Z' | b'z') if b.len() == i + 1 => 0,
        Some(sign @ (b'+' | b'-')) if b.len() == i + 6 && at(i + 3, b":") => {
            let (Some(oh), Some(om)) = (num(i + 1..i + 3), num(i + 4..i + 6)) else { return Err(Problem::BadTimestamp) };
            if oh > 23 || om > 59 {
                return Err(Problem::BadTimestamp);
            }
            let v = (oh * 3600 + om * 60) as i32;
            if *sign == b'-' {
                -v
            } else {
                v
            }
        }
        _ => return Err(Problem::BadTimestamp),
    };
    if !at(16, b":") {
        // `2026-11-24T06:00+02:00`: has an offset but no seconds.
        return Err(Problem::BadTimestamp);
    }
    // A leap second (`:60`) is read as the last instant of its minute.
    let (sec, nanos) = if sec == 60 { (59, 999_999_999) } else { (sec, nanos) };
    let naive = chrono::NaiveDate::from_ymd_opt(y as i32, mo, d)
        .and_then(|date| date.and_hms_nano_opt(h, mi, sec, nanos))
        .ok_or(Problem::BadTimestamp)?;
    let utc = naive - chrono::Duration::seconds(offset_secs as i64);
    Ok(chrono::TimeZone::from_utc_datetime(&Utc, &utc))
}

fn point(j: &Json) -> Parsed<Point> {
    if j.kind() != JsonType::Object {
        return Err((String::new(), wrong(Expected::Json(JsonType::Object), j)));
    }
    let coord = |key: &str, limit: f64| -> Parsed<f64> {
        match j.get(key) {
            None | Some(Json::Null) => Err((format!(".{key}"), Problem::Missing)),
            Some(Json::Number(n)) if n.is_finite() && n.abs() <= limit => Ok(*n),
            Some(Json::Number(_)) => Err((format!(".{key}"), Problem::OutOfRange)),
            Some(other) => Err((format!(".{key}"), wrong(Expected::Json(JsonType::Number), other))),
        }
    };
    Ok(Point { lat: coord("lat", 90.0)?, lon: coord("lon", 180.0)? })
}

/// A corridor's line: all its points or none, since a line with a point
/// left out would run where the road does not.
fn path(j: &Json) -> Parsed<Vec<Point>> {
    let Some(arr) = j.as_array() else { return Err((String::new(), wrong(Expected::Json(JsonType::Array), j))) };
    if !(2..=MAX_PATH_POINTS).contains(&arr.len()) {
        return Err((String::new(), Problem::PathLength));
    }
    arr.iter().enumerate().map(|(i, p)| point(p).map_err(|(sub, problem)| (format!("[{i}]{sub}"), problem))).collect()
}

/// True for the only schemes the portal will ever turn into a link.
pub fn is_safe_url(url: &str) -> bool {
    let lower = url.trim_start().to_ascii_lowercase();
    (lower.starts_with("https://") && lower.len() > "https://".len()) || (lower.starts_with("tel:") && lower.len() > 4)
}

fn link(j: &Json) -> Parsed<Link> {
    if j.kind() != JsonType::Object {
        return Err((String::new(), wrong(Expected::Json(JsonType::Object), j)));
    }
    let url = match j.get("url") {
        None | Some(Json::Null) => return Err((".url".into(), Problem::Missing)),
        Some(v) => string(v).map_err(|(_, p)| (".url".to_string(), p))?,
    };
    if !is_safe_url(&url) {
        return Err((".url".into(), Problem::UnsafeLink));
    }
    let label = j.get("label").and_then(|l| text(l).ok());
    Ok(Link { url: url.trim().to_owned(), label })
}

fn publisher(j: &Json) -> Parsed<Publisher> {
    if j.kind() != JsonType::Object {
        return Err((String::new(), wrong(Expected::Json(JsonType::Object), j)));
    }
    let name = j.get("name").and_then(|n| text(n).ok());
    let url = j.get("url").and_then(Json::as_str).filter(|u| is_safe_url(u)).map(str::to_owned);
    Ok(Publisher { name, url })
}

fn weekly_slot(j: &Json) -> Parsed<WeeklySlot> {
    if j.kind() != JsonType::Object {
        return Err((String::new(), wrong(Expected::Json(JsonType::Object), j)));
    }
    let days = match j.get("days") {
        None | Some(Json::Null) => return Err((".days".into(), Problem::Missing)),
        Some(Json::Array(days)) => days
            .iter()
            .enumerate()
            .map(|(i, d)| d.as_str().and_then(parse_weekday).ok_or((format!(".days[{i}]"), Problem::BadDay)))
            .collect::<Parsed<Vec<_>>>()?,
        Some(other) => return Err((".days".into(), wrong(Expected::Json(JsonType::Array), other))),
    };
    if days.is_empty() {
        return Err((".days".into(), Problem::Empty));
    }
    let clock = |key: &str| -> Parsed<chrono::NaiveTime> {
        match j.get(key) {
            None | Some(Json::Null) => Err((format!(".{key}"), Problem::Missing)),
            Some(Json::String(s)) => parse_clock(s).ok_or((format!(".{key}"), Problem::BadClock)),
            Some(other) => Err((format!(".{key}"), wrong(Expected::Clock, other))),
        }
    };
    Ok(WeeklySlot { days, open: clock("open")?, close: clock("close")? })
}

fn window(j: &Json) -> Parsed<Window> {
    if j.kind() != JsonType::Object {
        return Err((String::new(), wrong(Expected::Json(JsonType::Object), j)));
    }
    let at = |key: &str| -> Parsed<Timestamp> {
        match j.get(key) {
            None | Some(Json::Null) => Err((format!(".{key}"), Problem::Missing)),
            Some(v) => timestamp(v).map_err(|(_, p)| (format!(".{key}"), p)),
        }
    };
    let (start, end) = (at("start")?, at("end")?);
    if end <= start {
        return Err((".end".into(), Problem::EndNotAfterStart));
    }
    Ok(Window { start, end })
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::DateTime;

    fn same_as_chrono(s: &str) {
        let expected = DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc);
        assert_eq!(parse_timestamp(s), Ok(expected), "{s}");
    }

    #[test]
    fn rfc3339_forms() {
        for s in [
            "2026-11-24T08:00:00+02:00",
            "2026-11-24T06:00:00Z",
            "2026-11-24t06:00:00z",
            "2026-11-24 06:00:00Z",
            "2026-11-24T06:00:00.5Z",
            "2026-11-24T06:00:00.123456789-05:30",
            "2026-03-01T00:30:00+14:00",
            "1999-12-31T23:59:59-12:00",
        ] {
            same_as_chrono(s);
        }
        assert_eq!(
            parse_timestamp("2016-12-31T23:59:60Z"),
            Ok(DateTime::parse_from_rfc3339("2016-12-31T23:59:59.999999999Z").unwrap().with_timezone(&Utc))
        );
    }

    #[test]
    fn missing_offsets_are_named() {
        for s in ["2026-11-24T06:00:00", "2026-11-24T06:00", "2026-11-24 06:00:00.25"] {
            assert_eq!(parse_timestamp(s), Err(Problem::TimestampWithoutOffset), "{s}");
        }
    }

    #[test]
    fn malformed_timestamps() {
        for s in [
            "",
            "2026-11-24",
            "24/11/2026 06:00",
            "2026-13-01T00:00:00Z",
            "2026-02-30T00:00:00Z",
            "2026-11-24T25:00:00Z",
            "2026-11-24T06:00:00+2:00",
            "2026-11-24T06:00:00+24:00",
            "2026-11-24T06:00:00Zjunk",
            "2026-11-24T06:00:00.Z",
            "2026-11-24T06:00+02:00",
            "２０２６-11-24T06:00:00Z",
            "2026-11-24T06:00:00+02:00:00",
        ] {
            assert_eq!(parse_timestamp(s), Err(Problem::BadTimestamp), "{s:?}");
        }
    }
}
