//! The validated feed model (contract sections 2–4).
//!
//! Every enum the contract lists keeps values it does not know as `Other`, so a
//! newer publisher's data is shown as "other", never dropped.

use crate::issue::Issue;
use crate::schedule::{Schedule, StatusClass};
use crate::text::LocalizedText;
use chrono::{DateTime, Utc};
use std::sync::Arc;

pub const FORMAT: &str = "bawaba-feed/1";
pub const MAX_FEED_BYTES: usize = 5 * 1024 * 1024;
pub const MAX_ITEMS: usize = 20_000;
/// The most characters an id (a feed's, an item's, a `same_as` reference's)
/// may have. An id travels in every link to its item, and links go into a
/// poster's QR code (2,048 bytes at most, crates/qr): 100 characters stay
/// inside that however they are percent-encoded.
pub const MAX_ID_CHARS: usize = 100;

pub type Timestamp = DateTime<Utc>;

/// Declares a contract enum with its wire names and an `Other` catch-all.
/// Variants after `;` are the portal's own, never read from a feed (a feed
/// that writes one gets `Other`) and not among `KNOWN`.
macro_rules! wire_enum {
    ($(#[$m:meta])* $name:ident { $($variant:ident = $wire:literal),+ $(,)? $(; $($own:ident = $own_wire:literal),+)? }) => {
        $(#[$m])*
        #[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum $name { $($variant,)+ $($($own,)+)? Other(String) }

        impl $name {
            pub const KNOWN: &'static [$name] = &[$($name::$variant),+];

            pub fn from_wire(s: &str) -> Self {
                match s { $($wire => $name::$variant,)+ other => $name::Other(other.to_owned()) }
            }

            pub fn wire(&self) -> &str {
                match self { $($name::$variant => $wire,)+ $($($name::$own => $own_wire,)+)? $name::Other(s) => s }
            }
        }
    };
}

wire_enum!(FeedKind { Corridors = "corridors", DistributionPoints = "distribution_points", Notices = "notices" });
wire_enum!(CorridorType { Crossing = "crossing", Road = "road", Sea = "sea" });
wire_enum!(
    /// `SourcesDiffer`: publishers of the same crossing disagree (`merge`).
    CorridorStatus { Open = "open", Closed = "closed", Restricted = "restricted", Scheduled = "scheduled"; SourcesDiffer = "sources_differ" }
);
wire_enum!(Allowed {
    Pedestrians = "pedestrians",
    PrivateVehicles = "private_vehicles",
    AidTrucks = "aid_trucks",
    CommercialTrucks = "commercial_trucks",
    MedicalEvacuation = "medical_evacuation",
    Returnees = "returnees",
});
wire_enum!(Direction {
    Both = "both",
    NorthToSouth = "north_to_south",
    SouthToNorth = "south_to_north",
    IntoGaza = "into_gaza",
    OutOfGaza = "out_of_gaza",
});
wire_enum!(Service {
    Food = "food",
    Bread = "bread",
    Water = "water",
    Hygiene = "hygiene",
    Medical = "medical",
    Nutrition = "nutrition",
    Shelter = "shelter",
    Cash = "cash",
    Fuel = "fuel",
    Clothing = "clothing",
    Psychosocial = "psychosocial",
});
wire_enum!(
    /// `SourcesDiffer`: publishers of the same point disagree (`merge`).
    PointStatus { Open = "open", Closed = "closed", Suspended = "suspended", OutOfStock = "out_of_stock", Moved = "moved"; SourcesDiffer = "sources_differ" }
);
wire_enum!(Category {
    Water = "water",
    Electricity = "electricity",
    Roads = "roads",
    Rubble = "rubble",
    Uxo = "uxo",
    Health = "health",
    Telecom = "telecom",
    Shelter = "shelter",
    Education = "education",
    General = "general",
});
wire_enum!(Severity { Info = "info", Advisory = "advisory", Warning = "warning", Danger = "danger" });
wire_enum!(
    /// A Gaza governorate. Unknown slugs are kept and shown as "other area".
    Area { NorthGaza = "north_gaza", Gaza = "gaza", DeirAlBalah = "deir_al_balah", KhanYounis = "khan_younis", Rafah = "rafah" }
);

impl Area {
    /// ISO 3166-2 code, used by exports.
    pub fn iso_code(&self) -> Option<&'static str> {
        Some(match self {
            Area::NorthGaza => "PS-NGZ",
            Area::Gaza => "PS-GZA",
            Area::DeirAlBalah => "PS-DEB",
            Area::KhanYounis => "PS-KYS",
            Area::Rafah => "PS-RFH",
            Area::Other(_) => return None,
        })
    }
}

impl Severity {
    /// Sort rank, most urgent first. An unknown severity ranks with `warning`:
    /// a publisher using a newer level most likely means something serious,
    /// but we never promote it to the danger banner.
    pub fn rank(&self) -> u8 {
        match self {
            Severity::Danger => 0,
            Severity::Warning | Severity::Other(_) => 1,
            Severity::Advisory => 2,
            Severity::Info => 3,
        }
    }
}

impl CorridorStatus {
    pub fn class(&self) -> StatusClass {
        match self {
            CorridorStatus::Open | CorridorStatus::Restricted => StatusClass::Open,
            CorridorStatus::Closed => StatusClass::Closed,
            CorridorStatus::Scheduled => StatusClass::Scheduled,
            // Never "open now" from one of two publishers who disagree.
            CorridorStatus::Other(_) | CorridorStatus::SourcesDiffer => StatusClass::Unknown,
        }
    }

    /// Open only with restrictions: wherever it shows as open, the reader
    /// must be told, "open now" alone would say too much.
    pub fn is_restricted(&self) -> bool {
        *self == CorridorStatus::Restricted
    }
}

impl PointStatus {
    pub fn class(&self) -> StatusClass {
        match self {
            PointStatus::Open => StatusClass::Open,
            PointStatus::Other(_) | PointStatus::SourcesDiffer => StatusClass::Unknown,
            _ => StatusClass::Closed,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Point {
    pub lat: f64,
    pub lon: f64,
}

/// A link that may be followed: the parser only keeps `https:` and `tel:` URLs.
#[derive(Debug, Clone, PartialEq)]
pub struct Link {
    pub url: String,
    pub label: Option<LocalizedText>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Publisher {
    pub name: Option<LocalizedText>,
    pub url: Option<String>,
}

/// Another publisher's item: its feed's `id` and the item's `id`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ItemRef {
    pub feed: String,
    pub id: String,
}

/// Who published an item: one record per feed, shared by its items.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Source {
    pub feed: Option<String>,
    pub publisher: Option<LocalizedText>,
}

/// What one publisher declared about it.
#[derive(Debug, Clone, PartialEq)]
pub enum Declared {
    Corridor(CorridorStatus),
    Point(PointStatus),
    Notice(Severity),
}

/// One publisher's statement about a thing several describe.
#[derive(Debug, Clone, PartialEq)]
pub struct Statement {
    pub source: Option<Arc<Source>>,
    pub id: String,
    pub updated_at: Timestamp,
    pub declared: Declared,
    pub notes: Option<LocalizedText>,
}

/// Fields every item has (section 4).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ItemBase {
    pub id: String,
    pub updated_at: Timestamp,
    pub area: Vec<Area>,
    pub location: Option<Point>,
    pub links: Vec<Link>,
    pub notes: Option<LocalizedText>,
    /// Other publishers' items describing the same thing (`same_as`).
    pub same_as: Vec<ItemRef>,
    /// Who published it: its feed, set for every item when the feed is read.
    pub source: Option<Arc<Source>>,
    /// When several publishers describe it, each one's statement, newest
    /// first (set by `merge`); empty otherwise.
    pub statements: Vec<Statement>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Corridor {
    pub base: ItemBase,
    pub name: LocalizedText,
    pub kind: CorridorType,
    pub status: CorridorStatus,
    pub schedule: Schedule,
    pub allowed: Vec<Allowed>,
    pub direction: Option<Direction>,
    /// The road's line, in order (2 to `MAX_PATH_POINTS` points); empty when
    /// none was given or it was dropped as invalid.
    pub path: Vec<Point>,
}

/// The most points a corridor's `path` may have (docs/feed-format.md).
pub const MAX_PATH_POINTS: usize = 500;

#[derive(Debug, Clone, PartialEq)]
pub struct DistributionPoint {
    pub base: ItemBase,
    pub name: LocalizedText,
    pub organization: Option<LocalizedText>,
    pub location: Point,
    pub landmark: Option<LocalizedText>,
    pub services: Vec<Service>,
    pub status: PointStatus,
    pub schedule: Schedule,
    pub requirements: Option<LocalizedText>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Notice {
    pub base: ItemBase,
    pub title: LocalizedText,
    pub body: Option<LocalizedText>,
    pub category: Category,
    pub severity: Severity,
    pub effective_at: Timestamp,
    pub expires_at: Option<Timestamp>,
}

impl Notice {
    pub fn is_expired(&self, now: Timestamp) -> bool {
        self.expires_at.is_some_and(|e| e <= now)
    }
}

/// Notices in reading order everywhere (lists, print, pages, SMS): most
/// severe first, then the newest.
pub fn order_notices(v: &mut [Arc<Notice>]) {
    // Severity in the top byte, then milliseconds since 1970 counted down
    // (56 bits hold two million years).
    const TIME: u64 = (1 << 56) - 1;
    let key = |n: &Arc<Notice>| (n.severity.rank() as u64) << 56 | TIME - (n.effective_at.timestamp_millis().max(0) as u64).min(TIME);
    let sorted: Vec<_> = crate::order::stable_order(v.iter().map(key)).into_iter().map(|n| v[n].clone()).collect();
    v.clone_from_slice(&sorted);
}

#[derive(Debug, Clone, PartialEq)]
/// Items are shared (`Arc`) so views can filter and sort large feeds without
/// copying them.
pub enum Items {
    Corridors(Vec<Arc<Corridor>>),
    DistributionPoints(Vec<Arc<DistributionPoint>>),
    Notices(Vec<Arc<Notice>>),
}

impl Items {
    pub fn len(&self) -> usize {
        match self {
            Items::Corridors(v) => v.len(),
            Items::DistributionPoints(v) => v.len(),
            Items::Notices(v) => v.len(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    pub fn kind(&self) -> FeedKind {
        match self {
            Items::Corridors(_) => FeedKind::Corridors,
            Items::DistributionPoints(_) => FeedKind::DistributionPoints,
            Items::Notices(_) => FeedKind::Notices,
        }
    }
}

/// A feed that passed feed-level validation, with the items that passed item
/// validation and every problem found on the way.
#[derive(Debug, Clone, PartialEq)]
pub struct Feed {
    pub id: Option<String>,
    pub publisher: Option<Publisher>,
    pub published_at: Option<Timestamp>,
    pub expires_at: Option<Timestamp>,
    pub demo: bool,
    pub items: Items,
    pub issues: Vec<Issue>,
    /// How many items were skipped (an item may have several issues).
    pub skipped: usize,
}

impl Feed {
    pub fn kind(&self) -> FeedKind {
        self.items.kind()
    }

    pub fn is_expired(&self, now: Timestamp) -> bool {
        self.expires_at.is_some_and(|e| e <= now)
    }
}
