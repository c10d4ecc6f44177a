//! Keep-last-good: what to show when a feed is refreshed (contract section 5,
//! "nothing lost"). Pure rules; the portal stores the bytes.

use crate::feed::{Feed, Timestamp};

/// What is known about the copy kept on the device.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct KeptCopy {
    /// When this device received it.
    pub received_at: Timestamp,
    pub published_at: Option<Timestamp>,
    pub items: usize,
}

impl KeptCopy {
    pub fn of(feed: &Feed, received_at: Timestamp) -> KeptCopy {
        KeptCopy { received_at, published_at: feed.published_at, items: feed.items.len() }
    }
}

/// Why the kept copy is still shown instead of what was just fetched.
#[derive(Debug, Clone, PartialEq)]
pub enum Held<E> {
    /// The refresh failed: offline, timeout, HTTP error, invalid feed…
    Failed(E),
    /// The fetched feed was published before the kept one (a stale mirror or
    /// cache): going back in time would lose information.
    Older,
    /// Every item of the fetched feed was invalid while the kept copy had
    /// items: most likely a broken export, not a real "nothing to report".
    AllItemsInvalid,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Decision<E> {
    /// Show and keep the fetched feed.
    Replace,
    /// Keep showing the kept copy, and say why.
    Keep(Held<E>),
    /// Nothing to show: the refresh failed and nothing is kept.
    Fail(E),
}

/// How far ahead of this device's clock a publication time may be and still
/// count: clocks disagree a little, but a feed dated further ahead has a
/// wrong date, and trusting it would hold back every later feed until then.
pub const CLOCK_TOLERANCE_MINUTES: i64 = 10;

/// Decides between a kept copy and the result of a refresh.
pub fn decide<E>(kept: Option<&KeptCopy>, fetched: Result<&Feed, E>) -> Decision<E> {
    match (kept, fetched) {
        (None, Ok(_)) => Decision::Replace,
        (None, Err(e)) => Decision::Fail(e),
        (Some(_), Err(e)) => Decision::Keep(Held::Failed(e)),
        (Some(k), Ok(new)) => {
            // A kept copy dated after it arrived has a wrong date: it cannot
            // be used to call a fetched feed "older".
            let credible = k.published_at.filter(|p| *p <= k.received_at + chrono::Duration::minutes(CLOCK_TOLERANCE_MINUTES));
            if let (Some(old), Some(fresh)) = (credible, new.published_at) {
                if fresh < old {
                    return Decision::Keep(Held::Older);
                }
            }
            if new.items.is_empty() && new.skipped > 0 && k.items > 0 {
                return Decision::Keep(Held::AllItemsInvalid);
            }
            Decision::Replace
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::feed::Items;
    use chrono::{DateTime, Utc};

    fn at(s: &str) -> Timestamp {
        DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
    }

    fn feed(published: Option<&str>, items: usize, skipped: usize) -> Feed {
        let notices = (0..items)
            .map(|i| {
                std::sync::Arc::new(crate::feed::Notice {
                    base: crate::feed::ItemBase {
                        id: i.to_string(),
                        updated_at: at("2026-11-24T06:00:00Z"),
                        area: vec![],
                        location: None,
                        ..Default::default()
                    },
                    title: crate::text::LocalizedText(vec![("en".into(), "t".into())]),
                    body: None,
                    category: crate::feed::Category::General,
                    severity: crate::feed::Severity::Info,
                    effective_at: at("2026-11-24T06:00:00Z"),
                    expires_at: None,
                })
            })
            .collect();
        Feed {
            id: None,
            publisher: None,
            published_at: published.map(at),
            expires_at: None,
            demo: false,
            items: Items::Notices(notices),
            issues: vec![],
            skipped,
        }
    }

    fn kept(published: Option<&str>, items: usize) -> KeptCopy {
        KeptCopy { received_at: at("2026-11-24T07:00:00Z"), published_at: published.map(at), items }
    }

    #[test]
    fn first_good_copy_is_kept() {
        assert_eq!(decide::<()>(None, Ok(&feed(Some("2026-11-24T06:00:00Z"), 3, 0))), Decision::Replace);
    }

    #[test]
    fn failure_with_nothing_kept_is_an_error() {
        assert_eq!(decide(None, Err::<&Feed, _>("offline")), Decision::Fail("offline"));
    }

    #[test]
    fn failure_keeps_the_last_good_copy_with_the_reason() {
        let k = kept(Some("2026-11-24T06:00:00Z"), 3);
        assert_eq!(decide(Some(&k), Err::<&Feed, _>("timeout")), Decision::Keep(Held::Failed("timeout")));
    }

    #[test]
    fn newer_or_same_feed_replaces() {
        let k = kept(Some("2026-11-24T06:00:00Z"), 3);
        assert_eq!(decide::<()>(Some(&k), Ok(&feed(Some("2026-11-24T08:00:00Z"), 2, 0))), Decision::Replace);
        assert_eq!(decide::<()>(Some(&k), Ok(&feed(Some("2026-11-24T06:00:00Z"), 2, 0))), Decision::Replace);
        assert_eq!(decide::<()>(Some(&k), Ok(&feed(None, 2, 0))), Decision::Replace, "no date to compare: trust the fetch");
    }

    #[test]
    fn an_older_feed_never_replaces_a_newer_one() {
        let k = kept(Some("2026-11-24T06:00:00Z"), 3);
        assert_eq!(decide::<()>(Some(&k), Ok(&feed(Some("2026-11-23T06:00:00Z"), 5, 0))), Decision::Keep(Held::Older));
    }

    #[test]
    fn a_copy_dated_in_the_future_does_not_hold_back_later_feeds() {
        // Received on 24 November, but dated 2099: a wrong date.
        let k = KeptCopy { received_at: at("2026-11-24T06:00:00Z"), published_at: Some(at("2099-01-01T00:00:00Z")), items: 3 };
        assert_eq!(decide::<()>(Some(&k), Ok(&feed(Some("2026-11-24T08:00:00Z"), 2, 0))), Decision::Replace);
        // A few minutes of clock difference is not a wrong date: the copy
        // still protects against an older mirror.
        let k = KeptCopy { received_at: at("2026-11-24T06:00:00Z"), published_at: Some(at("2026-11-24T06:08:00Z")), items: 3 };
        assert_eq!(decide::<()>(Some(&k), Ok(&feed(Some("2026-11-24T05:00:00Z"), 2, 0))), Decision::Keep(Held::Older));
        // Exactly at the tolerance it still counts.
        let k = KeptCopy { received_at: at("2026-11-24T06:00:00Z"), published_at: Some(at("2026-11-24T06:10:00Z")), items: 3 };
        assert_eq!(decide::<()>(Some(&k), Ok(&feed(Some("2026-11-24T05:00:00Z"), 2, 0))), Decision::Keep(Held::Older));
        // Beyond the tolerance it does not.
        let k = KeptCopy { received_at: at("2026-11-24T06:00:00Z"), published_at: Some(at("2026-11-24T06:11:00Z")), items: 3 };
        assert_eq!(decide::<()>(Some(&k), Ok(&feed(Some("2026-11-24T05:00:00Z"), 2, 0))), Decision::Replace);
    }

    #[test]
    fn a_feed_whose_every_item_is_invalid_does_not_replace_a_good_one() {
        let k = kept(Some("2026-11-24T06:00:00Z"), 3);
        assert_eq!(decide::<()>(Some(&k), Ok(&feed(Some("2026-11-24T09:00:00Z"), 0, 4))), Decision::Keep(Held::AllItemsInvalid));
        // A genuinely empty feed (nothing skipped) is a real update: e.g. all notices lifted.
        assert_eq!(decide::<()>(Some(&k), Ok(&feed(Some("2026-11-24T09:00:00Z"), 0, 0))), Decision::Replace);
    }

    #[test]
    fn an_all_invalid_feed_replaces_a_kept_copy_that_was_empty_too() {
        // Nothing is lost by showing it, and its problems are then listed for
        // the publisher instead of an old empty copy.
        let k = kept(Some("2026-11-24T06:00:00Z"), 0);
        assert_eq!(decide::<()>(Some(&k), Ok(&feed(Some("2026-11-24T09:00:00Z"), 0, 4))), Decision::Replace);
    }
}
