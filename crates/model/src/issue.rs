//! Problems found in feeds and configs, as data: the portal translates them,
//! the command-line tool prints them. No user-facing strings live here.

use crate::json::JsonType;

/// Why a whole feed cannot be used (section 5). The portal keeps its last good
/// copy and says this in the reader's language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FeedError {
    NotJson,
    NotAnObject,
    MissingFormat,
    /// `format` names a version this portal does not know; the message names it.
    UnknownFormat(String),
    MissingKind,
    UnknownKind(String),
    ItemsNotAList,
    TooLarge {
        bytes: usize,
    },
    TooManyItems {
        count: usize,
    },
}

/// Why `config.json` cannot be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ConfigError {
    NotJson,
    NotAnObject,
    NoFeeds,
    UnknownTimeZone(String),
    /// A `trusted_keys` entry whose key is not 32 bytes of base64 (its id).
    /// Fatal: silently dropping it could leave a deployment verifying nothing.
    BadTrustedKey(String),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Effect {
    /// The item was not shown.
    ItemSkipped,
    /// The item was shown without this optional field.
    FieldDropped,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Expected {
    Json(JsonType),
    /// A LocalizedText: an object of language tag to non-empty string.
    Text,
    /// An RFC 3339 timestamp with an offset.
    Timestamp,
    /// `HH:MM`, 24-hour.
    Clock,
    /// `mon` … `sun`.
    Day,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    Missing,
    WrongType {
        expected: Expected,
        found: JsonType,
    },
    /// A LocalizedText with no usable entry, or an empty id.
    Empty,
    BadTimestamp,
    /// Looks like a timestamp but has no `Z` or `+hh:mm`: ambiguous, so refused.
    TimestampWithoutOffset,
    /// Latitude or longitude out of range, or not a finite number.
    OutOfRange,
    BadClock,
    BadDay,
    /// A window whose end is not after its start.
    EndNotAfterStart,
    /// Another item in the same feed already has this id.
    DuplicateId,
    /// A link whose scheme is not `https:` or `tel:`; it is never followed.
    UnsafeLink,
    /// A corridor's `path` with fewer than 2 or more than 500 points.
    PathLength,
    /// An id longer than `MAX_ID_CHARS` characters.
    IdTooLong,
}

/// One problem, where it was (a JSON path like `items[3].hours[0].open`), and
/// what the portal did about it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Issue {
    pub path: String,
    pub item_id: Option<String>,
    pub problem: Problem,
    pub effect: Effect,
}
