//! From bytes to a validated [`Feed`]: total (no input panics), and every
//! problem is recorded with its JSON path instead of stopping at the first.

use crate::feed::*;
use crate::issue::{Effect, Expected, FeedError, Issue, Problem};
use crate::json::{Json, JsonType};
use crate::schedule::{parse_clock, parse_weekday, Schedule, WeeklySlot, Window};
use crate::text::LocalizedText;
use chrono::{DateTime, NaiveDateTime, Utc};
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
    let mut env = Fields::new(root, String::new(), None, &mut issues);
    let id = env.optional("id", string);
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
    let items = match kind {
        FeedKind::Corridors => Items::Corridors(each(raw_items, &mut seen, &mut issues, corridor)),
        FeedKind::DistributionPoints => Items::DistributionPoints(each(raw_items, &mut seen, &mut issues, point_item)),
        FeedKind::Notices => Items::Notices(each(raw_items, &mut seen, &mut issues, notice)),
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
        Json::Number(n) => n.to_string(),
        Json::String(s) => s.chars().take(60).collect(),
        Json::Array(_) => "[…]".into(),
        Json::Object(_) => "{…}".into(),
    }
}

fn each<T>(
    raw: &[Json],
    seen: &mut HashSet<String>,
    issues: &mut Vec<Issue>,
    parse: fn(&mut Fields) -> Option<T>,
) -> Vec<T> {
    let mut out = Vec::with_capacity(raw.len());
    for (i, item) in raw.iter().enumerate() {
        let path = format!("items[{i}]");
        if item.kind() != JsonType::Object {
            issues.push(Issue {
                path,
                item_id: None,
                problem: Problem::WrongType { expected: Expected::Json(JsonType::Object), found: item.kind() },
                effect: Effect::ItemSkipped,
            });
            continue;
        }
        let item_id = item.get("id").and_then(Json::as_str).map(|s| s.chars().take(200).collect::<String>());
        let mut f = Fields::new(item, path.clone(), item_id.clone(), issues);
        let parsed = parse(&mut f);
        let ok = !f.invalid;
        if let (true, Some(t)) = (ok, parsed) {
            let id = item_id.unwrap_or_default();
            if seen.insert(id.clone()) {
                out.push(t);
            } else {
                issues.push(Issue {
                    path: format!("{path}.id"),
                    item_id: Some(id),
                    problem: Problem::DuplicateId,
                    effect: Effect::ItemSkipped,
                });
            }
        }
    }
    out
}

/// Reads the fields of one object, recording problems as it goes.
struct Fields<'a> {
    obj: &'a Json,
    path: String,
    item_id: Option<String>,
    issues: &'a mut Vec<Issue>,
    /// Set when a required field failed: the item is skipped.
    invalid: bool,
}

impl<'a> Fields<'a> {
    fn new(obj: &'a Json, path: String, item_id: Option<String>, issues: &'a mut Vec<Issue>) -> Self {
        Fields { obj, path, item_id, issues, invalid: false }
    }

    fn at(&self, key: &str, sub: &str) -> String {
        if self.path.is_empty() {
            format!("{key}{sub}")
        } else {
            format!("{}.{key}{sub}", self.path)
        }
    }

    fn push(&mut self, key: &str, sub: &str, problem: Problem, effect: Effect) {
        let path = self.at(key, sub);
        self.issues.push(Issue { path, item_id: self.item_id.clone(), problem, effect });
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
        let id = self.required("id", string);
        let updated_at = self.required("updated_at", timestamp);
        let area = self.list("area", |j| string(j).map(|s| Area::from_wire(&s)));
        let location = self.optional("location", point);
        let links = self.list("links", link);
        let notes = self.optional("notes", text);
        Some(ItemBase { id: id?, updated_at: updated_at?, area, location, links, notes })
    }

    /// `hours` and `windows` together; a bad slot or window is dropped alone.
    fn schedule(&mut self) -> Schedule {
        Schedule { hours: self.list("hours", weekly_slot), windows: self.list("windows", window) }
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
    Some(Corridor { base: base?, name: name?, kind: kind?, status: status?, schedule, allowed, direction })
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

fn string(j: &Json) -> Parsed<String> {
    match j {
        Json::String(s) if s.trim().is_empty() => Err((String::new(), Problem::Empty)),
        Json::String(s) => Ok(s.clone()),
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
            Json::String(s) if !s.trim().is_empty() => Some((k.clone(), s.clone())),
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
/// its own problem so the publisher knows exactly what to add.
pub fn parse_timestamp(s: &str) -> Result<Timestamp, Problem> {
    if let Ok(t) = DateTime::parse_from_rfc3339(s.trim()) {
        return Ok(t.with_timezone(&Utc));
    }
    let naive = ["%Y-%m-%dT%H:%M:%S%.f", "%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M:%S%.f", "%Y-%m-%d %H:%M"];
    if naive.iter().any(|f| NaiveDateTime::parse_from_str(s.trim(), f).is_ok()) {
        return Err(Problem::TimestampWithoutOffset);
    }
    Err(Problem::BadTimestamp)
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
