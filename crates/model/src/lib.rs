//! The Bawaba feed format, version 1: one definition shared by the portal and
//! the publishers' tools. Pure Rust, no web types, so every rule of the
//! contract (`docs/feed-format.md`) is tested natively with `cargo test`.

pub mod bulletin;
pub mod clock;
pub mod config;
pub mod detached;
pub mod feed;
pub mod filter;
pub mod geo;
pub mod governorates;
pub mod issue;
pub mod json;
pub mod keep;
pub mod merge;
pub mod order;
pub mod parse;
pub mod schedule;
pub mod search;
#[cfg(feature = "signatures")]
pub mod signature;
pub mod text;

pub use chrono_tz::Tz;
pub use config::{parse_config, Config};
pub use feed::*;
pub use issue::{ConfigError, Effect, Expected, FeedError, Issue, Problem};
pub use parse::{is_safe_url, parse_feed};
pub use schedule::{openness, Openness, Rank, Schedule, StatusClass};
pub use text::{is_rtl, LocalizedText, Resolved};
