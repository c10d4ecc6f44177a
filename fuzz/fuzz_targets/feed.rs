//! Any bytes as a feed: parsing and validation never panic, and what the
//! portal then computes for every item (open now, search text, distance)
//! never panics either.
#![no_main]

use bawaba_model::search::{normalize, Query, Searchable};
use bawaba_model::{geo, openness, parse_feed, Items, Point, Tz};
use chrono::{DateTime, Utc};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(feed) = parse_feed(data) else { return };
    let tz: Tz = "Asia/Gaza".parse().unwrap();
    let now = DateTime::<Utc>::from_timestamp(1_795_500_000, 0).unwrap();
    let here = Point { lat: 31.5, lon: 34.45 };
    let query = Query::new("مدرسه school");
    match &feed.items {
        Items::Corridors(v) => {
            for c in v {
                let _ = openness(c.status.class(), &c.schedule, now, tz);
                let _ = query.matches(&c.haystack());
            }
        }
        Items::DistributionPoints(v) => {
            for p in v {
                let _ = openness(p.status.class(), &p.schedule, now, tz);
                let _ = geo::distance_m(here, p.location);
                let _ = geo::rounded(geo::distance_m(here, p.location));
                let _ = query.matches(&p.haystack());
            }
        }
        Items::Notices(v) => {
            for n in v {
                let _ = n.is_expired(now);
                let _ = normalize(&n.haystack());
            }
        }
    }
});
