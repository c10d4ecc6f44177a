//! The JSON Schema the portal ships, generated from the model: every list of
//! known values and every limit comes from `bawaba-model`, so adding a service
//! or a category there changes the schema too. The structure lives in
//! `schema.template.json`; `"@Name"` marks what is filled in. A test keeps
//! `public/schema/feed.schema.json` equal to this output; regenerate it with
//! `cargo run -q -p bawaba-feed -- schema > public/schema/feed.schema.json`.

use bawaba_model::schedule::DAYS;
use bawaba_model::{
    Allowed, Area, Category, CorridorStatus, CorridorType, Direction, FeedKind, PointStatus, Service, Severity, MAX_ITEMS,
};

const TEMPLATE: &str = include_str!("../schema.template.json");

fn list<'a>(values: impl IntoIterator<Item = &'a str>) -> String {
    let quoted: Vec<String> = values.into_iter().map(|v| format!("\"{v}\"")).collect();
    format!("[{}]", quoted.join(", "))
}

macro_rules! wires {
    ($t:ty) => {
        list(<$t>::KNOWN.iter().map(|v| v.wire()))
    };
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
    ];
    let mut out = TEMPLATE.to_owned();
    for (name, value) in fills {
        out = out.replace(&format!("\"@{name}\""), &value);
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn every_placeholder_is_filled() {
        let schema = super::generate();
        assert!(!schema.contains("\"@"), "an unfilled placeholder");
        serde_json::from_str::<serde_json::Value>(&schema).expect("the schema is JSON");
    }
}
