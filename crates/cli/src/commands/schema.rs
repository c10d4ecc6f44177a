//! The JSON Schema the portal ships, generated from the model: every list of
//! known values and every limit comes from `bawaba-model`, so adding a service
//! or a category there changes the schema too. The structure lives in
//! `schema.template.json`; `"@Name"` marks what is filled in. A test keeps
//! `public/schema/feed.schema.json` equal to this output; regenerate it with
//! `cargo run -q -p bawaba-feed -- schema > public/schema/feed.schema.json`.

use crate::args::{Args, Spec, Usage};
use std::process::ExitCode;
use bawaba_model::schedule::DAYS;
use bawaba_model::{
    Allowed, Area, Category, CorridorStatus, CorridorType, Direction, FeedKind, PointStatus, Service, Severity, MAX_ITEMS,
    MAX_ID_CHARS, MAX_PATH_POINTS,
};

const TEMPLATE: &str = include_str!("../../schema.template.json");

fn list<'a>(values: impl IntoIterator<Item = &'a str>) -> String {
    let quoted: Vec<String> = values.into_iter().map(|v| format!("\"{v}\"")).collect();
    format!("[{}]", quoted.join(", "))
}

macro_rules! wires {
    ($t:ty) => {
        list(<$t>::KNOWN.iter().map(|v| v.wire()))
    };
}

pub const SPEC: Spec = Spec { options: &[], switches: &[], words: (0, 0) };

pub fn run(_: &Args) -> Result<ExitCode, Usage> {
    print!("{}", generate());
    Ok(ExitCode::SUCCESS)
}

pub fn generate() -> String {
    let fills = [
        ("FeedKind", wires!(FeedKind)),
        ("Days", list(DAYS.iter().map(|(name, _)| *name))),
        ("CorridorType", wires!(CorridorType)),
        ("CorridorStatus", wires!(CorridorStatus)),
        ("Allowed", wires!(Allowed)),
        ("Direction", wires!(Direction)),
        ("Service", wires!(Service)),
        ("PointStatus", wires!(PointStatus)),
        ("Category", wires!(Category)),
        ("Severity", wires!(Severity)),
        ("Area", wires!(Area)),
        ("MAX_ITEMS", MAX_ITEMS.to_string()),
        ("MAX_PATH_POINTS", MAX_PATH_POINTS.to_string()),
        ("MAX_ID_CHARS", MAX_ID_CHARS.to_string()),
    ];
    let mut out = TEMPLATE.to_owned();
    for (name, value) in fills {
        out = out.replace(&format!("\"@{name}\""), &value);
    }
    out
}

#[cfg(test)]
mod tests {
    use bawaba_model::{parse_feed, Effect};
    use serde_json::{json, Value};

    /// A complete item of each kind: every field the format defines, valid.
    fn full_items() -> [(&'static str, &'static str, Value); 3] {
        let base = json!({
            "id": "x", "updated_at": "2026-11-24T06:00:00+02:00", "area": ["gaza"],
            "location": {"lat": 31.5, "lon": 34.45}, "links": [{"url": "https://example.org", "label": {"en": "More"}}],
            "notes": {"en": "Notes"}, "same_as": [{"feed": "other-publisher", "id": "y"}]
        });
        let with = |extra: Value| {
            let mut v = base.clone();
            v.as_object_mut().unwrap().extend(extra.as_object().unwrap().clone());
            v
        };
        let hours = json!([{"days": ["sun"], "open": "08:00", "close": "16:00"}]);
        let windows = json!([{"start": "2026-11-24T08:00:00+02:00", "end": "2026-11-24T16:00:00+02:00"}]);
        [
            (
                "corridors",
                "Corridor",
                with(json!({"name": {"en": "A"}, "type": "crossing", "status": "open", "hours": hours,
                "windows": windows, "allowed": ["pedestrians"], "direction": "both",
                "path": [{"lat": 31.5, "lon": 34.45}, {"lat": 31.4, "lon": 34.4}]})),
            ),
            (
                "distribution_points",
                "DistributionPoint",
                with(json!({"name": {"en": "A"}, "organization": {"en": "O"},
                "landmark": {"en": "L"}, "services": ["food"], "status": "open", "hours": hours, "windows": windows,
                "requirements": {"en": "ID"}})),
            ),
            (
                "notices",
                "Notice",
                with(json!({"title": {"en": "T"}, "body": {"en": "B"}, "category": "water",
                "severity": "info", "effective_at": "2026-11-24T06:00:00+02:00", "expires_at": "2026-11-25T06:00:00+02:00"})),
            ),
        ]
    }

    fn names(v: &Value) -> Vec<String> {
        let mut out: Vec<String> = match v {
            Value::Array(a) => a.iter().filter_map(|s| s.as_str().map(str::to_owned)).collect(),
            Value::Object(o) => o.keys().cloned().collect(),
            _ => vec![],
        };
        out.sort();
        out
    }

    /// The schema's structure is written by hand: this keeps it in step with
    /// the parser. Every field the parser reads is in the schema, and a field
    /// is `required` in the schema exactly when the parser skips an item
    /// without it.
    #[test]
    fn schema_fields_and_required_fields_agree_with_the_parser() {
        let schema: Value = serde_json::from_str(&super::generate()).unwrap();
        let defs = &schema["$defs"];
        for (kind, def, item) in full_items() {
            let feed = |item: &Value| {
                let doc = json!({"format": "bawaba-feed/1", "kind": kind, "items": [item]});
                parse_feed(doc.to_string().as_bytes()).unwrap()
            };
            let parsed = feed(&item);
            assert!(parsed.issues.is_empty(), "{kind}: the full item is valid: {:?}", parsed.issues);

            let mut in_schema = names(&defs["ItemBase"]["properties"]);
            in_schema.extend(names(&defs[def]["properties"]));
            in_schema.sort();
            assert_eq!(in_schema, names(&item), "{kind}: the schema lists every field of the format");

            let mut required = names(&defs["ItemBase"]["required"]);
            required.extend(names(&defs[def]["required"]));
            required.sort();
            let mut skipped_without = vec![];
            for field in names(&item) {
                let mut less = item.clone();
                less.as_object_mut().unwrap().remove(&field);
                let f = feed(&less);
                if f.skipped == 1 {
                    skipped_without.push(field);
                } else {
                    assert!(f.issues.iter().all(|i| i.effect != Effect::ItemSkipped), "{kind}.{field}");
                }
            }
            assert_eq!(required, skipped_without, "{kind}: required in the schema = required by the parser");
        }
    }

    #[test]
    fn every_placeholder_is_filled() {
        let schema = super::generate();
        assert!(!schema.contains("\"@"), "an unfilled placeholder");
        serde_json::from_str::<serde_json::Value>(&schema).expect("the schema is JSON");
    }
}
