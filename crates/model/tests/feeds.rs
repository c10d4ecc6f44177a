//! Contract sections 3–5, rule by rule, on whole feed files.

use bawaba_model::*;
use chrono::{DateTime, Utc};

fn feed(kind: &str, items: &str) -> String {
    format!(
        r#"{{"format":"bawaba-feed/1","kind":"{kind}","id":"t","publisher":{{"name":{{"en":"P"}}}},
        "published_at":"2026-11-24T06:00:00+02:00","expires_at":"2026-11-25T06:00:00+02:00","demo":false,"items":[{items}]}}"#
    )
}

fn corridor(extra: &str) -> String {
    format!(
        r#"{{"id":"ks","updated_at":"2026-11-24T06:00:00+02:00","name":{{"ar":"كرم أبو سالم","en":"Kerem Shalom"}},"type":"crossing","status":"open"{extra}}}"#
    )
}

fn point(id: &str, extra: &str) -> String {
    format!(
        r#"{{"id":"{id}","updated_at":"2026-11-24T06:00:00Z","name":{{"en":"Kitchen"}},"location":{{"lat":31.35,"lon":34.3}},"status":"open"{extra}}}"#
    )
}

fn notice(extra: &str) -> String {
    format!(
        r#"{{"id":"n1","updated_at":"2026-11-24T06:00:00Z","title":{{"en":"UXO"}},"category":"uxo","severity":"danger","effective_at":"2026-11-24T06:00:00Z"{extra}}}"#
    )
}

fn at(s: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
}

fn parse(s: &str) -> Feed {
    parse_feed(s.as_bytes()).expect("feed should parse")
}

fn corridors(f: &Feed) -> &[std::sync::Arc<Corridor>] {
    match &f.items {
        Items::Corridors(c) => c,
        other => panic!("expected corridors, got {:?}", other.kind()),
    }
}

fn points(f: &Feed) -> &[std::sync::Arc<DistributionPoint>] {
    match &f.items {
        Items::DistributionPoints(c) => c,
        other => panic!("expected points, got {:?}", other.kind()),
    }
}

fn notices(f: &Feed) -> &[std::sync::Arc<Notice>] {
    match &f.items {
        Items::Notices(c) => c,
        other => panic!("expected notices, got {:?}", other.kind()),
    }
}

#[test]
fn envelope_fields_are_read() {
    let f = parse(&feed("corridors", &corridor("")));
    assert_eq!(f.id.as_deref(), Some("t"));
    assert_eq!(f.published_at, Some(at("2026-11-24T04:00:00Z")));
    assert!(f.is_expired(at("2026-11-25T06:00:00+02:00")));
    assert!(!f.is_expired(at("2026-11-25T05:59:59+02:00")));
    assert!(!f.demo);
    assert!(f.issues.is_empty(), "{:?}", f.issues);
    let c = &corridors(&f)[0];
    assert_eq!(c.kind, CorridorType::Crossing);
    assert_eq!(c.status, CorridorStatus::Open);
}

#[test]
fn demo_flag() {
    let f = parse(&feed("corridors", "").replace(r#""demo":false"#, r#""demo":true"#));
    assert!(f.demo);
    let f = parse(&feed("corridors", "").replace(r#""demo":false"#, r#""demo":"yes""#));
    assert!(f.demo, "a malformed demo flag errs towards labelling");
    assert_eq!(f.issues[0].path, "demo");
}

#[test]
fn format_versions() {
    assert!(parse_feed(feed("notices", "").replace("bawaba-feed/1", "bawaba-feed/1.3").as_bytes()).is_ok());
    assert_eq!(
        parse_feed(feed("notices", "").replace("bawaba-feed/1", "bawaba-feed/2").as_bytes()),
        Err(FeedError::UnknownFormat("bawaba-feed/2".into()))
    );
    assert_eq!(
        parse_feed(feed("notices", "").replace(r#""format":"bawaba-feed/1","#, "").as_bytes()),
        Err(FeedError::MissingFormat)
    );
    assert_eq!(
        parse_feed(feed("notices", "").replace(r#""bawaba-feed/1""#, "1").as_bytes()),
        Err(FeedError::UnknownFormat("1".into()))
    );
}

#[test]
fn feed_level_errors() {
    assert_eq!(parse_feed(b"<html>502 Bad Gateway</html>"), Err(FeedError::NotJson));
    assert_eq!(parse_feed(br#"{"format":"bawaba-feed/1","#), Err(FeedError::NotJson), "truncated JSON");
    assert_eq!(parse_feed(b"[]"), Err(FeedError::NotAnObject));
    assert_eq!(parse_feed(feed("weather", "").as_bytes()), Err(FeedError::UnknownKind("weather".into())));
    assert_eq!(parse_feed(feed("notices", "").replace(r#""kind":"notices","#, "").as_bytes()), Err(FeedError::MissingKind));
    assert_eq!(
        parse_feed(feed("notices", "").replace(r#""items":[]"#, r#""items":{}"#).as_bytes()),
        Err(FeedError::ItemsNotAList)
    );
}

#[test]
fn size_and_item_limits() {
    let big = vec![b' '; MAX_FEED_BYTES + 1];
    assert_eq!(parse_feed(&big), Err(FeedError::TooLarge { bytes: MAX_FEED_BYTES + 1 }));
    let items = vec!["{}"; MAX_ITEMS + 1].join(",");
    assert_eq!(parse_feed(feed("notices", &items).as_bytes()), Err(FeedError::TooManyItems { count: MAX_ITEMS + 1 }));
    // Exactly at the limit is fine (every item is skipped, but the feed stands).
    let items = vec!["{}"; MAX_ITEMS].join(",");
    let f = parse(&feed("notices", &items));
    assert_eq!(f.skipped, MAX_ITEMS);
}

#[test]
fn unknown_fields_are_ignored() {
    let f = parse(
        &feed("corridors", &corridor(r#","future_field":{"x":[1,2]},"name_v2":"x""#)).replace(r#""demo""#, r#""extra":1,"demo""#),
    );
    assert_eq!(corridors(&f).len(), 1);
    assert!(f.issues.is_empty());
}

#[test]
fn missing_required_field_skips_item_and_says_which() {
    let bad = r#"{"id":"x","updated_at":"2026-11-24T06:00:00Z","type":"road","status":"open"}"#;
    let f = parse(&feed("corridors", &format!("{},{bad}", corridor(""))));
    assert_eq!(corridors(&f).len(), 1);
    assert_eq!(f.skipped, 1);
    let i = &f.issues[0];
    assert_eq!(
        (i.path.as_str(), i.item_id.as_deref(), &i.problem, i.effect),
        ("items[1].name", Some("x"), &Problem::Missing, Effect::ItemSkipped)
    );
}

#[test]
fn every_required_field_per_kind() {
    let cases: [(&str, String, &[&str]); 3] = [
        ("corridors", corridor(""), &["id", "updated_at", "name", "type", "status"]),
        ("distribution_points", point("p", ""), &["id", "updated_at", "name", "location", "status"]),
        ("notices", notice(""), &["id", "updated_at", "title", "category", "severity", "effective_at"]),
    ];
    for (kind, item, required) in cases {
        assert_eq!(parse(&feed(kind, &item)).items.len(), 1, "{kind} baseline");
        for field in required {
            let mut obj = bawaba_model::json::Json::parse(item.as_bytes()).unwrap();
            if let bawaba_model::json::Json::Object(e) = &mut obj {
                e.retain(|(k, _)| k != field);
            }
            let stripped = to_json(&obj);
            let f = parse(&feed(kind, &stripped));
            assert_eq!(f.items.len(), 0, "{kind} without {field} must be skipped");
            assert!(
                f.issues.iter().any(|i| i.path.ends_with(&format!(".{field}")) && i.problem == Problem::Missing),
                "{kind}.{field}: {:?}",
                f.issues
            );
        }
    }
}

fn to_json(j: &bawaba_model::json::Json) -> String {
    use bawaba_model::json::Json;
    match j {
        Json::Null => "null".into(),
        Json::Bool(b) => b.to_string(),
        Json::Number(n) => n.to_string(),
        Json::String(s) => format!("{s:?}"),
        Json::Array(a) => format!("[{}]", a.iter().map(to_json).collect::<Vec<_>>().join(",")),
        Json::Object(o) => {
            format!("{{{}}}", o.iter().map(|(k, v)| format!("{k:?}:{}", to_json(v))).collect::<Vec<_>>().join(","))
        }
    }
}

#[test]
fn wrong_types_skip_item() {
    let f = parse(&feed("corridors", &corridor("").replace(r#""status":"open""#, r#""status":1"#)));
    assert_eq!(f.items.len(), 0);
    assert_eq!(
        f.issues[0].problem,
        Problem::WrongType { expected: Expected::Json(json::JsonType::String), found: json::JsonType::Number }
    );
    let f = parse(&feed("corridors", &corridor("").replace(r#"{"ar":"كرم أبو سالم","en":"Kerem Shalom"}"#, r#""Kerem Shalom""#)));
    assert_eq!(f.items.len(), 0, "name must be a LocalizedText object");
    let f = parse(&feed("corridors", r#""just a string", 42, null"#));
    assert_eq!(f.skipped, 3);
}

#[test]
fn timestamps_need_an_offset() {
    let f = parse(&feed("corridors", &corridor("").replace("2026-11-24T06:00:00+02:00", "2026-11-24T06:00:00")));
    assert_eq!(f.items.len(), 0);
    assert_eq!(f.issues[0].problem, Problem::TimestampWithoutOffset);
    let f = parse(&feed("corridors", &corridor("").replace("2026-11-24T06:00:00+02:00", "yesterday")));
    assert_eq!(f.issues[0].problem, Problem::BadTimestamp);
    assert!(parse_feed(feed("corridors", "").replace("+02:00\",\"expires_at", "\",\"expires_at").as_bytes())
        .unwrap()
        .published_at
        .is_none());
}

#[test]
fn points_out_of_range() {
    let f = parse(&feed("distribution_points", &point("p", "").replace("31.35", "91")));
    assert_eq!(f.items.len(), 0);
    assert_eq!((f.issues[0].path.as_str(), &f.issues[0].problem), ("items[0].location.lat", &Problem::OutOfRange));
    let f = parse(&feed("distribution_points", &point("p", "").replace("34.3", "-180.5")));
    assert_eq!(f.issues[0].problem, Problem::OutOfRange);
    let f = parse(&feed("distribution_points", &point("p", "").replace("34.3", r#""34.3""#)));
    assert_eq!(f.items.len(), 0, "a string is not a coordinate");
    // On a corridor the location is optional: dropped, item kept.
    let f = parse(&feed("corridors", &corridor(r#","location":{"lat":100,"lon":34}"#)));
    assert_eq!(corridors(&f)[0].base.location, None);
    assert_eq!(f.issues[0].effect, Effect::FieldDropped);
}

#[test]
fn duplicate_ids_keep_the_first() {
    let f = parse(&feed("distribution_points", &format!("{},{}", point("a", ""), point("a", r#","status":"closed""#))));
    let p = points(&f);
    assert_eq!(p.len(), 1);
    assert_eq!(p[0].status, PointStatus::Open);
    assert_eq!(f.issues[0].problem, Problem::DuplicateId);
    assert_eq!(f.issues[0].effect, Effect::ItemSkipped);
}

#[test]
fn invalid_optional_fields_are_dropped_with_a_warning() {
    let f = parse(&feed(
        "distribution_points",
        &point(
            "p",
            r#","organization":"not an object","services":["food",7,"bread"],"hours":[{"days":["sun"],"open":"8am","close":"16:00"},{"days":["mon"],"open":"08:00","close":"16:00"}]"#,
        ),
    ));
    let p = &points(&f)[0];
    assert_eq!(p.organization, None);
    assert_eq!(p.services, [Service::Food, Service::Bread]);
    assert_eq!(p.schedule.hours.len(), 1);
    let paths: Vec<_> = f.issues.iter().map(|i| (i.path.as_str(), i.effect)).collect();
    assert_eq!(
        paths,
        [
            ("items[0].organization", Effect::FieldDropped),
            ("items[0].services[1]", Effect::FieldDropped),
            ("items[0].hours[0].open", Effect::FieldDropped)
        ]
    );
}

#[test]
fn unknown_enum_values_are_kept_as_other() {
    let f = parse(&feed(
        "corridors",
        &corridor(r#","allowed":["pedestrians","bicycles"],"direction":"sideways""#)
            .replace(r#""type":"crossing""#, r#""type":"air""#),
    ));
    let c = &corridors(&f)[0];
    assert_eq!(c.kind, CorridorType::Other("air".into()));
    assert_eq!(c.allowed, [Allowed::Pedestrians, Allowed::Other("bicycles".into())]);
    assert_eq!(c.direction, Some(Direction::Other("sideways".into())));
    let f = parse(&feed("corridors", &corridor("").replace(r#""status":"open""#, r#""status":"half_open""#)));
    assert_eq!(corridors(&f)[0].status.class(), StatusClass::Unknown, "never shown as open");
    let f = parse(&feed("corridors", &corridor(r#","area":["khan_younis","west_bank"]"#)));
    assert_eq!(corridors(&f)[0].base.area, [Area::KhanYounis, Area::Other("west_bank".into())]);
}

#[test]
fn only_https_and_tel_links_survive() {
    let links = r#","links":[{"url":"https://example.org/x","label":{"en":"Info"}},{"url":"tel:+970800000"},
        {"url":"javascript:alert(1)"},{"url":"JAVASCRIPT:alert(1)"},{"url":"http://example.org"},{"url":"data:text/html,<script>"},{"url":"https://"}]"#;
    let f = parse(&feed("corridors", &corridor(links)));
    let urls: Vec<_> = corridors(&f)[0].base.links.iter().map(|l| l.url.as_str()).collect();
    assert_eq!(urls, ["https://example.org/x", "tel:+970800000"]);
    assert_eq!(f.issues.iter().filter(|i| i.problem == Problem::UnsafeLink).count(), 5);
}

#[test]
fn markup_in_text_is_kept_as_plain_text() {
    // The model keeps text verbatim; the views insert it as text nodes only.
    let f = parse(&feed("corridors", &corridor("").replace("Kerem Shalom", "<img src=x onerror=alert(1)>")));
    assert_eq!(corridors(&f)[0].name.resolve("en", "ar").unwrap().text, "<img src=x onerror=alert(1)>");
}

#[test]
fn empty_texts_and_ids() {
    let f = parse(&feed(
        "corridors",
        &corridor("").replace(r#"{"ar":"كرم أبو سالم","en":"Kerem Shalom"}"#, r#"{"ar":"  ","en":""}"#),
    ));
    assert_eq!(f.issues[0].problem, Problem::Empty);
    let f = parse(&feed("corridors", &corridor("").replace(r#""id":"ks""#, r#""id":"""#)));
    assert_eq!(f.items.len(), 0);
    // One empty language among good ones only loses that language.
    let f = parse(&feed("corridors", &corridor("").replace(r#""en":"Kerem Shalom""#, r#""en":"","fr":"Kerem Shalom""#)));
    assert_eq!(corridors(&f)[0].name.0.len(), 2);
}

#[test]
fn windows_must_end_after_they_start() {
    let f = parse(&feed(
        "corridors",
        &corridor(
            r#","windows":[{"start":"2026-11-24T10:00:00Z","end":"2026-11-24T09:00:00Z"},{"start":"2026-11-24T10:00:00Z","end":"2026-11-24T12:00:00Z"}]"#,
        ),
    ));
    assert_eq!(corridors(&f)[0].schedule.windows.len(), 1);
    assert_eq!((f.issues[0].path.as_str(), &f.issues[0].problem), ("items[0].windows[0].end", &Problem::EndNotAfterStart));
}

#[test]
fn notices_severity_and_expiry() {
    let f = parse(&feed("notices", &notice(r#","expires_at":"2026-11-24T18:00:00+02:00","body":{"ar":"نص"}"#)));
    let n = &notices(&f)[0];
    assert_eq!(n.severity, Severity::Danger);
    assert!(!n.is_expired(at("2026-11-24T17:59:00+02:00")));
    assert!(n.is_expired(at("2026-11-24T18:00:00+02:00")));
    assert!(Severity::Danger.rank() < Severity::Warning.rank());
    assert!(Severity::Warning.rank() < Severity::Advisory.rank());
    assert!(Severity::Advisory.rank() < Severity::Info.rank());
}

#[test]
fn distribution_point_statuses_map_to_the_rule() {
    assert_eq!(PointStatus::Open.class(), StatusClass::Open);
    for s in ["closed", "suspended", "out_of_stock", "moved"] {
        assert_eq!(PointStatus::from_wire(s).class(), StatusClass::Closed, "{s}");
    }
    assert_eq!(PointStatus::from_wire("rationing").class(), StatusClass::Unknown);
    assert_eq!(CorridorStatus::Restricted.class(), StatusClass::Open);
    assert_eq!(CorridorStatus::Scheduled.class(), StatusClass::Scheduled);
}

#[test]
fn areas_have_iso_codes() {
    assert_eq!(Area::KhanYounis.iso_code(), Some("PS-KYS"));
    assert_eq!(Area::from_wire("rafah").iso_code(), Some("PS-RFH"));
    assert_eq!(Area::from_wire("elsewhere").iso_code(), None);
}

#[test]
fn parsing_is_total_on_garbage() {
    // Byte soup, JSON of every shape, and fields of every wrong type: never a panic.
    let shapes = ["null", "1", "\"s\"", "[]", "{}", "[1,{}]", "{\"a\":null}", "true", "-1e400", "1e400"];
    for kind in ["corridors", "distribution_points", "notices"] {
        for field in [
            "id",
            "updated_at",
            "name",
            "title",
            "location",
            "hours",
            "windows",
            "links",
            "area",
            "services",
            "status",
            "notes",
            "days",
        ] {
            for shape in shapes {
                let item = format!(r#"{{"{field}":{shape}}}"#);
                let _ = parse_feed(feed(kind, &item).as_bytes());
                let _ = parse_feed(feed(kind, &corridor(&format!(r#","{field}":{shape}"#))).as_bytes());
            }
        }
    }
    let mut seed = 0x2545_f491_4f6c_dd1du64;
    let base = feed("distribution_points", &point("p", r#","hours":[{"days":["sun"],"open":"08:00","close":"16:00"}]"#));
    for _ in 0..2000 {
        let mut bytes = base.clone().into_bytes();
        for _ in 0..4 {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            let i = (seed as usize) % bytes.len();
            bytes[i] = (seed >> 32) as u8;
        }
        let _ = parse_feed(&bytes);
    }
}

#[test]
fn hours_that_cannot_be_read_never_make_a_place_open() {
    let tz: chrono_tz::Tz = "Asia/Gaza".parse().unwrap();
    let night = at("2026-11-24T03:00:00+02:00");
    for hours in
        [r#","hours":[{"days":["Sun"],"open":"8:00","close":"4 PM"}]"#, r#","hours":"8-16""#, r#","windows":[{"start":"soon"}]"#]
    {
        let f = parse(&feed("corridors", &corridor(hours)));
        let c = &corridors(&f)[0];
        assert!(c.schedule.unreadable, "{hours}");
        assert!(!f.issues.is_empty(), "reported: {hours}");
        assert_eq!(openness(c.status.class(), &c.schedule, night, tz), Openness::Unknown, "{hours}");
    }
    // No hours at all, or an empty list, is the contract's "open while the status says so".
    for hours in ["", r#","hours":[]"#, r#","hours":null"#] {
        let f = parse(&feed("corridors", &corridor(hours)));
        let c = &corridors(&f)[0];
        assert_eq!(openness(c.status.class(), &c.schedule, night, tz), Openness::Open { until: None }, "{hours}");
    }
    // One readable slot among bad ones: the readable one is used.
    let f = parse(&feed(
        "corridors",
        &corridor(r#","hours":[{"days":["sun"],"open":"8:00"},{"days":["tue"],"open":"08:00","close":"16:00"}]"#),
    ));
    let c = &corridors(&f)[0];
    assert!(!c.schedule.unreadable);
    assert!(matches!(openness(c.status.class(), &c.schedule, night, tz), Openness::ClosedNow { .. }));
}

#[test]
fn long_ids_are_compared_whole() {
    let long = "x".repeat(MAX_ID_CHARS - 1);
    let items = format!("{},{}", point(&format!("{long}a"), ""), point(&format!("{long}b"), ""));
    let f = parse(&feed("distribution_points", &items));
    assert!(f.issues.is_empty(), "{:?}", f.issues);
    assert_eq!(f.items.len(), 2);
}

/// An id travels in every link to its item, and a poster's QR code holds
/// 2,048 bytes: an id over the limit drops its item (or, for the feed's own
/// id and a `same_as` reference, the field), reported like any bad value.
#[test]
fn ids_over_the_limit_are_refused() {
    let at_limit = "م".repeat(MAX_ID_CHARS);
    let over = "م".repeat(MAX_ID_CHARS + 1);
    let same_as = |id: &str| format!(r#","same_as":[{{"feed":"other","id":"{id}"}}]"#);
    let items = format!("{},{},{}", point(&at_limit, ""), point(&over, ""), point("k", &same_as(&over)));
    let f = parse(&feed("distribution_points", &items).replace(r#""id":"t""#, &format!(r#""id":"{over}""#)));
    assert_eq!(points(&f).iter().map(|p| p.base.id.chars().count()).collect::<Vec<_>>(), [MAX_ID_CHARS, 1]);
    assert_eq!(f.id, None, "the feed's own id is ignored");
    assert!(points(&f)[1].base.same_as.is_empty(), "the reference is dropped");
    let found: Vec<_> = f.issues.iter().map(|i| (i.path.as_str(), &i.problem, i.effect)).collect();
    assert_eq!(
        found,
        [
            ("id", &Problem::IdTooLong, Effect::FieldDropped),
            ("items[1].id", &Problem::IdTooLong, Effect::ItemSkipped),
            ("items[2].same_as[0].id", &Problem::IdTooLong, Effect::FieldDropped),
        ]
    );
    // The report shows no more of an id than an id may hold.
    assert_eq!(f.issues[1].item_id.as_ref().map(|i| i.chars().count()), Some(MAX_ID_CHARS));
}

/// Search finds an item by every text a reader might remember it by, not
/// only its name: the words below appear in no item's name.
#[test]
fn search_reaches_notes_organizations_landmarks_requirements_and_bodies() {
    use bawaba_model::search::{Query, Searchable};
    let c = parse(&feed("corridors", &corridor(r#","notes":{"en":"Convoys queue at gate four"}"#)));
    assert!(Query::new("convoys gate").matches(&corridors(&c)[0].haystack()), "a corridor's notes");
    let p = parse(&feed(
        "distribution_points",
        &point(
            "k",
            r#","organization":{"ar":"الهلال الأحمر"},"landmark":{"en":"behind the bakery"},"requirements":{"fr":"carte d'identité"},"notes":{"en":"wheelchair ramp"}"#,
        ),
    ));
    let hay = points(&p)[0].haystack();
    for q in ["الهلال الاحمر", "bakery", "carte identite", "wheelchair"] {
        assert!(Query::new(q).matches(&hay), "a point's {q}");
    }
    let n = parse(&feed("notices", &notice(r#","body":{"en":"Keep children away from the ruins"},"notes":{"en":"reported by the municipality"}"#)));
    let hay = notices(&n)[0].haystack();
    assert!(Query::new("children ruins").matches(&hay), "a notice's body");
    assert!(Query::new("municipality").matches(&hay), "a notice's notes");
    assert!(!Query::new("bakery").matches(&hay));
}

#[test]
fn a_later_major_version_that_starts_with_1_is_not_version_1() {
    for v in ["bawaba-feed/10", "bawaba-feed/12.0", "bawaba-feed/1x"] {
        assert_eq!(
            parse_feed(feed("notices", "").replace("bawaba-feed/1", v).as_bytes()),
            Err(FeedError::UnknownFormat(v.into())),
            "{v}"
        );
    }
}

#[test]
fn the_poles_and_the_antimeridian_are_valid_coordinates() {
    let f = parse(&feed("distribution_points", &point("p", "").replace("31.35", "90").replace("34.3", "-180")));
    assert_eq!(points(&f)[0].location, Point { lat: 90.0, lon: -180.0 }, "{:?}", f.issues);
    let f = parse(&feed("distribution_points", &point("p", "").replace("31.35", "-90").replace("34.3", "180")));
    assert_eq!(points(&f)[0].location, Point { lat: -90.0, lon: 180.0 }, "{:?}", f.issues);
    let f = parse(&feed("distribution_points", &point("p", "").replace("31.35", "90.000001")));
    assert_eq!(f.items.len(), 0, "just past the pole");
}

#[test]
fn a_window_that_ends_when_it_starts_is_dropped() {
    let f = parse(&feed("corridors", &corridor(r#","windows":[{"start":"2026-11-24T10:00:00Z","end":"2026-11-24T10:00:00Z"}]"#)));
    assert!(corridors(&f)[0].schedule.windows.is_empty());
    assert_eq!((f.issues[0].path.as_str(), &f.issues[0].problem), ("items[0].windows[0].end", &Problem::EndNotAfterStart));
}

#[test]
fn whitespace_is_not_an_id_or_a_value() {
    let f = parse(&feed("corridors", &corridor("").replace(r#""id":"ks""#, r#""id":"   ""#)));
    assert_eq!(f.items.len(), 0, "a blank id");
    assert_eq!((f.issues[0].path.as_str(), &f.issues[0].problem), ("items[0].id", &Problem::Empty));
    let f = parse(&feed("corridors", &corridor("").replace(r#""status":"open""#, r#""status":" \t""#)));
    assert_eq!(f.items.len(), 0, "a blank status");
    assert_eq!((f.issues[0].path.as_str(), &f.issues[0].problem), ("items[0].status", &Problem::Empty));
}

#[test]
fn an_open_place_with_only_windows_is_open_inside_them() {
    let f = parse(&feed(
        "corridors",
        &corridor(r#","windows":[{"start":"2026-11-24T09:00:00+02:00","end":"2026-11-24T13:00:00+02:00"}]"#),
    ));
    let c = &corridors(&f)[0];
    let tz = Tz::Asia__Gaza;
    assert_eq!(
        openness(c.status.class(), &c.schedule, at("2026-11-24T10:00:00+02:00"), tz),
        Openness::Open { until: Some(at("2026-11-24T13:00:00+02:00")) }
    );
    assert_eq!(openness(c.status.class(), &c.schedule, at("2026-11-24T14:00:00+02:00"), tz), Openness::ClosedNow { opens: None });
}

#[test]
fn a_required_field_set_to_null_is_missing() {
    for field in ["name", "status", "type", "updated_at"] {
        let text = corridor("");
        let mut obj = bawaba_model::json::Json::parse(text.as_bytes()).unwrap();
        if let bawaba_model::json::Json::Object(e) = &mut obj {
            for (k, v) in e.iter_mut() {
                if k == field {
                    *v = bawaba_model::json::Json::Null;
                }
            }
        }
        let f = parse(&feed("corridors", &to_json(&obj)));
        assert_eq!(f.items.len(), 0, "{field}: null");
        let path = format!("items[0].{field}");
        assert_eq!((f.issues[0].path.as_str(), &f.issues[0].problem), (path.as_str(), &Problem::Missing), "{field}");
    }
}

#[test]
fn a_feed_of_a_few_megabytes_is_within_the_limit() {
    // The contract allows 5 MiB: a 4.5 MiB feed (a long list, say) is read.
    let mut text = feed("notices", &notice(""));
    text.push_str(&" ".repeat(4 * 1024 * 1024 + 512 * 1024));
    assert_eq!(parse(&text).items.len(), 1);
}

#[test]
fn restricted_is_the_only_restricted_status_and_items_say_when_they_are_empty() {
    let restricted: Vec<_> = ["open", "restricted", "closed", "scheduled", "odd"]
        .into_iter()
        .filter(|s| CorridorStatus::from_wire(s).is_restricted())
        .collect();
    assert_eq!(restricted, ["restricted"]);
    assert!(!parse(&feed("notices", &notice(""))).items.is_empty());
    assert!(parse(&feed("notices", "")).items.is_empty());
}

#[test]
fn a_feed_of_exactly_the_size_limit_is_read() {
    let mut text = feed("notices", &notice(""));
    text.push_str(&" ".repeat(MAX_FEED_BYTES - text.len()));
    assert_eq!(text.len(), MAX_FEED_BYTES);
    assert_eq!(parse(&text).items.len(), 1);
}

#[test]
fn a_format_that_is_a_number_is_named_as_written_when_whole() {
    let with = |v: &str| parse_feed(feed("notices", "").replace(r#""bawaba-feed/1""#, v).as_bytes());
    for (written, named) in [("2", "2"), ("-3", "-3"), ("999999999999999", "999999999999999"), ("2.5", "(number)"), ("1e15", "(number)"), ("-1e15", "(number)")] {
        assert_eq!(with(written), Err(FeedError::UnknownFormat(named.into())), "{written}");
    }
}

#[test]
fn timestamps_need_their_separators_in_place() {
    use bawaba_model::parse::parse_timestamp;
    assert!(parse_timestamp("2026-11-24T08:00:00Z").is_ok());
    assert!(parse_timestamp("2026-11-24 08:00:00+02:00").is_ok(), "RFC 3339 allows a space");
    for bad in ["2026/11-24T08:00:00Z", "2026-11/24T08:00:00Z", "2026-11-24X08:00:00Z", "2026-11-24T08.00:00Z", "2026-11-24T08:0Z"] {
        assert_eq!(parse_timestamp(bad), Err(Problem::BadTimestamp), "{bad}");
    }
}

#[test]
fn offsets_up_to_23_59_are_read_and_no_further() {
    use bawaba_model::parse::parse_timestamp;
    assert_eq!(parse_timestamp("2026-11-24T23:00:00+23:00"), Ok(at("2026-11-24T00:00:00Z")));
    assert_eq!(parse_timestamp("2026-11-24T08:59:00+05:59"), Ok(at("2026-11-24T03:00:00Z")));
    for bad in ["2026-11-24T08:00:00+24:00", "2026-11-24T08:00:00+05:60", "2026-11-24T08:00:00+05:61", "2026-11-24T08:00:00+0500"] {
        assert_eq!(parse_timestamp(bad), Err(Problem::BadTimestamp), "{bad}");
    }
}

#[test]
fn a_link_needs_something_after_its_scheme() {
    for (url, safe) in [("tel:", false), ("tel:1", true), ("https://", false), ("https://a", true), ("TEL:+970", true), ("http://a", false)] {
        assert_eq!(is_safe_url(url), safe, "{url}");
    }
}

/// A corridor's `path`: kept whole when every point is valid and there are 2
/// to 500; otherwise dropped with the reason, and the corridor kept.
#[test]
fn corridor_paths_are_kept_whole_or_dropped_with_a_reason() {
    let pts = |n: usize| (0..n).map(|i| format!(r#"{{"lat":31.{i:04},"lon":34.3}}"#)).collect::<Vec<_>>().join(",");
    let with = |path: &str| parse(&feed("corridors", &corridor(&format!(r#","path":{path}"#))));
    let two = with(&format!("[{}]", pts(2)));
    let c = &corridors(&two)[0];
    assert_eq!(c.path, vec![Point { lat: 31.0, lon: 34.3 }, Point { lat: 31.0001, lon: 34.3 }]);
    assert!(two.issues.is_empty(), "{:?}", two.issues);
    assert_eq!(corridors(&with(&format!("[{}]", pts(500))))[0].path.len(), 500);
    assert!(corridors(&parse(&feed("corridors", &corridor(""))))[0].path.is_empty(), "no path given");

    let dropped = |path: &str, at: &str, problem: Problem| {
        let f = with(path);
        let c = corridors(&f);
        assert_eq!(c.len(), 1, "{path}: the corridor is kept");
        assert!(c[0].path.is_empty(), "{path}: the path is dropped");
        assert_eq!(f.issues.len(), 1, "{path}: {:?}", f.issues);
        let i = &f.issues[0];
        assert_eq!((i.path.as_str(), &i.problem, &i.effect), (at, &problem, &Effect::FieldDropped), "{path}");
        assert_eq!(i.item_id.as_deref(), Some("ks"));
    };
    dropped(&format!("[{}]", pts(1)), "items[0].path", Problem::PathLength);
    dropped("[]", "items[0].path", Problem::PathLength);
    dropped(&format!("[{}]", pts(501)), "items[0].path", Problem::PathLength);
    dropped(r#"{"lat":31.3,"lon":34.3}"#, "items[0].path", Problem::WrongType { expected: Expected::Json(json::JsonType::Array), found: json::JsonType::Object });
    dropped(&format!(r#"[{},{{"lat":95,"lon":34.3}}]"#, pts(2)), "items[0].path[2].lat", Problem::OutOfRange);
    dropped(&format!(r#"[{},{{"lat":31.3}}]"#, pts(1)), "items[0].path[1].lon", Problem::Missing);
    dropped(&format!(r#"[{},[34.3,31.3]]"#, pts(1)), "items[0].path[1]", Problem::WrongType { expected: Expected::Json(json::JsonType::Object), found: json::JsonType::Array });
}

/// Notices in reading order everywhere: the gravest first, then the newest.
#[test]
fn notices_are_ordered_gravest_then_newest() {
    let n = |id: &str, severity: &str, at: &str| {
        format!(r#"{{"id": "{id}", "updated_at": "2026-11-24T06:00:00Z", "title": {{"en": "{id}"}}, "category": "uxo", "severity": "{severity}", "effective_at": "{at}"}}"#)
    };
    let items = [n("old-info", "info", "2026-11-20T06:00:00Z"), n("old-danger", "danger", "2026-11-20T06:00:00Z"), n("new-info", "info", "2026-11-24T06:00:00Z"), n("warning", "warning", "2026-11-22T06:00:00Z"), n("new-danger", "danger", "2026-11-23T06:00:00Z"), n("info-tie", "info", "2026-11-24T06:00:00Z"), n("info-ms-later", "info", "2026-11-24T06:00:00.001Z")];
    let f = parse(&feed("notices", &items.join(",")));
    let mut v = notices(&f).to_vec();
    order_notices(&mut v);
    let ids: Vec<&str> = v.iter().map(|n| n.base.id.as_str()).collect();
    // A millisecond is newer; the same time keeps the feed's order.
    assert_eq!(ids, ["new-danger", "old-danger", "warning", "info-ms-later", "new-info", "info-tie", "old-info"]);
}
