//! `bawaba-feed export`: the same data for GIS teams (GeoJSON, RFC 7946) and
//! alerting systems (CAP 1.2). Only a valid feed is exported, so what leaves
//! here is exactly what the portal would show. Mappings: docs/feed-format.md,
//! "Exports".

use crate::args::{self, Args, Spec, Usage, GAZA};
use crate::sheet::{sheet_name, write};
use bawaba_model::{Area, Category, Feed, Items, Notice, Point, Severity, Timestamp, Tz};
use serde_json::{json, Map, Value};
use std::process::ExitCode;

pub const SPEC: Spec = Spec { options: &["--to", "-o"], switches: &[], words: (1, 1) };

/// `export --to geojson FEED [-o FILE]`, `--to cap FEED -o DIR`, `--to csv|xlsx FEED -o FILE`.
pub fn run(a: &Args) -> Result<ExitCode, Usage> {
    let (to, file, out) = (a.required("--to")?, a.word(), a.value("-o"));
    if !["geojson", "cap", "csv", "xlsx"].contains(&to) || to != "geojson" && out.is_none() {
        return Err(Usage);
    }
    let bytes = match args::read(file) {
        Ok(b) => b,
        Err(code) => return Ok(code),
    };
    let feed = match crate::check::valid(file, &bytes) {
        Ok(feed) => feed,
        Err(report) => {
            eprintln!("{file}: not exported: fix these first");
            report.print();
            return Ok(ExitCode::from(1));
        }
    };
    let written = match (to, out) {
        ("csv" | "xlsx", Some(path)) => {
            let rows = sheet_rows(&bytes, &feed);
            if !path.to_ascii_lowercase().ends_with(&format!(".{to}")) {
                eprintln!("{path}: --to {to} writes a .{to} file");
                return Ok(ExitCode::from(2));
            }
            write::write(std::path::Path::new(path), sheet_name(&feed.kind()), &rows, false)
                .map(|_| format!("wrote {path}: {} rows", rows.len() - 2))
                .map_err(std::io::Error::other)
        }
        ("geojson", out) => {
            let text = serde_json::to_string_pretty(&geojson(&bytes, &feed)).unwrap_or_default() + "\n";
            match out {
                Some(path) => std::fs::write(path, text).map(|_| format!("wrote {path}")),
                None => {
                    print!("{text}");
                    return Ok(ExitCode::SUCCESS);
                }
            }
        }
        (_, dir) => {
            let dir = dir.unwrap_or_default();
            let alerts = cap(&feed);
            if alerts.is_empty() {
                eprintln!("{file}: CAP export is for notices feeds");
                return Ok(ExitCode::from(1));
            }
            std::fs::create_dir_all(dir)
                .and_then(|_| alerts.iter().try_for_each(|(name, xml)| std::fs::write(std::path::Path::new(dir).join(name), xml)))
                .map(|_| format!("wrote {} CAP alerts to {dir}", alerts.len()))
        }
    };
    Ok(match written {
        Ok(msg) => {
            eprintln!("{msg}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("cannot write: {e}");
            ExitCode::from(2)
        }
    })
}

/// A valid feed's rows as `export --to csv|xlsx` writes them: its header,
/// its hashtags, then one row per item, from the feed's own JSON.
pub fn sheet_rows(bytes: &[u8], feed: &Feed) -> Vec<Vec<String>> {
    let raw: Value = serde_json::from_slice(bytes).unwrap_or_default();
    write::rows(&raw, feed.kind(), false)
}

/// A FeatureCollection of every located item. Properties are the item's own
/// JSON as published (names in every language, hours, links), less the field
/// that became the geometry: a corridor's `path` as a LineString, otherwise
/// its `location` as a Point, both as `[lon, lat]`.
pub fn geojson(bytes: &[u8], feed: &Feed) -> Value {
    let raw: Value = serde_json::from_slice(bytes).unwrap_or(Value::Null);
    let by_id: Map<String, Value> =
        raw["items"].as_array().into_iter().flatten().filter_map(|i| Some((i["id"].as_str()?.to_owned(), i.clone()))).collect();
    let at = |p: Point| json!([p.lon, p.lat]);
    let point = |p: Point| ("location", json!({"type": "Point", "coordinates": at(p)}));
    let located: Vec<(&str, (&str, Value))> = match &feed.items {
        Items::Corridors(v) => v
            .iter()
            .filter_map(|c| {
                let line = || ("path", json!({"type": "LineString", "coordinates": c.path.iter().map(|&p| at(p)).collect::<Vec<_>>()}));
                let geometry = if c.path.is_empty() { point(c.base.location?) } else { line() };
                Some((c.base.id.as_str(), geometry))
            })
            .collect(),
        Items::DistributionPoints(v) => v.iter().map(|p| (p.base.id.as_str(), point(p.location))).collect(),
        Items::Notices(v) => v.iter().filter_map(|n| Some((n.base.id.as_str(), point(n.base.location?)))).collect(),
    };
    let features: Vec<Value> = located
        .into_iter()
        .map(|(id, (field, geometry))| {
            let mut properties = by_id.get(id).and_then(Value::as_object).cloned().unwrap_or_default();
            properties.remove(field);
            properties.insert("kind".into(), json!(feed.kind().wire()));
            json!({
                "type": "Feature",
                "id": id,
                "geometry": geometry,
                "properties": properties,
            })
        })
        .collect();
    json!({
        "type": "FeatureCollection",
        // A foreign member (RFC 7946 section 6.1): where the data came from.
        "bawaba": {"feed": feed.id, "kind": feed.kind().wire(), "demo": feed.demo, "published_at": feed.published_at.map(|t| t.to_rfc3339())},
        "features": features,
    })
}

/// One CAP 1.2 alert per notice: `(file name, XML)`.
pub fn cap(feed: &Feed) -> Vec<(String, String)> {
    let Items::Notices(notices) = &feed.items else { return vec![] };
    let tz: Tz = GAZA;
    notices.iter().map(|n| alert(feed, n, tz)).collect()
}

/// CAP identifiers and senders may not contain spaces, commas, `<` or `&`.
fn token(s: &str) -> String {
    s.chars().map(|c| if c.is_ascii_alphanumeric() || "._-@:".contains(c) { c } else { '-' }).collect()
}

fn escape(s: &str) -> String {
    s.chars()
        // Characters XML 1.0 cannot carry at all are dropped, not escaped.
        .filter(|c| matches!(*c, '\t' | '\n' | '\r') || (*c >= ' ' && *c != '\u{FFFE}' && *c != '\u{FFFF}'))
        .fold(String::new(), |mut out, c| {
            match c {
                '<' => out.push_str("&lt;"),
                '>' => out.push_str("&gt;"),
                '&' => out.push_str("&amp;"),
                '"' => out.push_str("&quot;"),
                '\'' => out.push_str("&apos;"),
                c => out.push(c),
            }
            out
        })
}

/// CAP times carry their offset and no "Z"; Gaza local time is what readers
/// of the alert will reason in.
fn cap_time(t: Timestamp, tz: Tz) -> String {
    t.with_timezone(&tz).format("%Y-%m-%dT%H:%M:%S%:z").to_string()
}

pub fn severity(s: &Severity) -> &'static str {
    match s {
        Severity::Danger => "Severe",
        Severity::Warning => "Moderate",
        Severity::Advisory | Severity::Info => "Minor",
        Severity::Other(_) => "Unknown",
    }
}

pub fn urgency(n: &Notice, sent: Timestamp) -> &'static str {
    if n.is_expired(sent) {
        "Past"
    } else if n.effective_at > sent {
        "Future"
    } else if matches!(n.severity, Severity::Danger | Severity::Warning) {
        "Immediate"
    } else {
        "Expected"
    }
}

/// CAP's category and an English event name for each notice category.
pub fn category(c: &Category) -> (&'static str, &'static str) {
    match c {
        Category::Uxo => ("CBRNE", "Unexploded ordnance"),
        Category::Water => ("Infra", "Water supply"),
        Category::Electricity => ("Infra", "Electricity supply"),
        Category::Telecom => ("Infra", "Telecommunications"),
        Category::Roads => ("Transport", "Roads"),
        Category::Rubble => ("Safety", "Rubble and damaged buildings"),
        Category::Health => ("Health", "Health"),
        Category::Shelter => ("Safety", "Shelter"),
        Category::Education => ("Other", "Education"),
        Category::General | Category::Other(_) => ("Other", "General notice"),
    }
}

/// Governorate names as OCHA writes them in English.
fn area_name(a: &Area) -> String {
    match a {
        Area::NorthGaza => "North Gaza".into(),
        Area::Gaza => "Gaza".into(),
        Area::DeirAlBalah => "Deir al-Balah".into(),
        Area::KhanYounis => "Khan Younis".into(),
        Area::Rafah => "Rafah".into(),
        Area::Other(s) => s.clone(),
    }
}

fn alert(feed: &Feed, n: &Notice, tz: Tz) -> (String, String) {
    let identifier = token(&format!("{}.{}", feed.id.as_deref().unwrap_or("bawaba"), n.base.id));
    let sender = feed
        .publisher
        .as_ref()
        .and_then(|p| p.url.as_deref())
        .and_then(|u| u.strip_prefix("https://"))
        .map(|host| token(host.split('/').next().unwrap_or(host)))
        .unwrap_or_else(|| "bawaba-feed".into());
    let sent = feed.published_at.unwrap_or(n.base.updated_at);
    // Demo data must never be mistaken for a real alert.
    let status = if feed.demo { "Test" } else { "Actual" };
    let (cap_category, event) = category(&n.category);
    let web = n.base.links.iter().find(|l| l.url.starts_with("https:")).map(|l| l.url.clone());
    let contact = n.base.links.iter().find(|l| l.url.starts_with("tel:")).map(|l| l.url.trim_start_matches("tel:").to_owned());
    let areas: Vec<String> = n.base.area.iter().map(area_name).collect();
    let area_desc = if areas.is_empty() { "Gaza Strip".to_owned() } else { areas.join(", ") };

    let mut x = String::new();
    x.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<alert xmlns=\"urn:oasis:names:tc:emergency:cap:1.2\">\n");
    let el = |x: &mut String, indent: &str, name: &str, value: &str| {
        x.push_str(&format!("{indent}<{name}>{}</{name}>\n", escape(value)));
    };
    el(&mut x, "  ", "identifier", &identifier);
    el(&mut x, "  ", "sender", &sender);
    el(&mut x, "  ", "sent", &cap_time(sent, tz));
    el(&mut x, "  ", "status", status);
    el(&mut x, "  ", "msgType", "Alert");
    el(&mut x, "  ", "source", "bawaba-feed export");
    el(&mut x, "  ", "scope", "Public");
    if feed.demo {
        el(&mut x, "  ", "note", "Demo data: not real information.");
    }
    // One <info> per language the title is written in.
    for (lang, title) in &n.title.0 {
        x.push_str("  <info>\n");
        el(&mut x, "    ", "language", lang);
        el(&mut x, "    ", "category", cap_category);
        el(&mut x, "    ", "event", event);
        el(&mut x, "    ", "urgency", urgency(n, sent));
        el(&mut x, "    ", "severity", severity(&n.severity));
        el(&mut x, "    ", "certainty", "Observed");
        el(&mut x, "    ", "effective", &cap_time(n.effective_at, tz));
        if let Some(e) = n.expires_at {
            el(&mut x, "    ", "expires", &cap_time(e, tz));
        }
        if let Some(name) = feed.publisher.as_ref().and_then(|p| p.name.as_ref()) {
            if let Some(r) = name.resolve(lang, "ar") {
                el(&mut x, "    ", "senderName", r.text);
            }
        }
        el(&mut x, "    ", "headline", title);
        // The body in the headline's language, else the nearest one (Arabic first).
        if let Some(body) = n.body.as_ref().and_then(|b| b.resolve(lang, "ar").map(|r| r.text)) {
            el(&mut x, "    ", "description", body);
        }
        if let Some(w) = &web {
            el(&mut x, "    ", "web", w);
        }
        if let Some(c) = &contact {
            el(&mut x, "    ", "contact", c);
        }
        x.push_str("    <area>\n");
        el(&mut x, "      ", "areaDesc", &area_desc);
        if let Some(p) = n.base.location {
            // CAP circles are "lat,lon radius-in-km"; a notice's point is a place, not a zone.
            el(&mut x, "      ", "circle", &format!("{},{} 0.5", p.lat, p.lon));
        }
        for code in n.base.area.iter().filter_map(|a| a.iso_code()) {
            x.push_str(&format!(
                "      <geocode>\n        <valueName>ISO 3166-2</valueName>\n        <value>{code}</value>\n      </geocode>\n"
            ));
        }
        x.push_str("    </area>\n  </info>\n");
    }
    x.push_str("</alert>\n");
    (format!("{identifier}.xml"), x)
}
