//! UI text in the four languages the portal ships.
//!
//! Every string is a `Msg` variant and every language matches on all of them,
//! so a missing translation is a compile error, not an English word in an
//! Arabic page. Templates use `{name}` placeholders filled by [`fill`].
//!
//! With the `bundles` feature (the portal's wasm only) Arabic, Hebrew and
//! French are not compiled in: the portal fetches the reader's language as a
//! bundle that `bawaba-feed strings` writes from these same tables at build
//! time, and installs it with [`bundle::install`]. English stays compiled in,
//! for what shows before a bundle arrives or if it cannot.

pub mod bundle;

// Only its plural rules and date names are used with `bundles`.
#[cfg_attr(feature = "bundles", allow(dead_code))]
mod ar;
pub mod describe;
pub mod edition;
mod en;
// Only its plural rules and date names are used with `bundles`.
#[cfg_attr(feature = "bundles", allow(dead_code))]
mod fr;
// Only its plural rules and date names are used with `bundles`.
#[cfg_attr(feature = "bundles", allow(dead_code))]
mod he;

use bawaba_model::{Allowed, Area, Category, CorridorStatus, CorridorType, Direction, PointStatus, Service, Severity};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Lang {
    Ar,
    En,
    He,
    Fr,
}

impl Lang {
    pub const ALL: [Lang; 4] = [Lang::Ar, Lang::En, Lang::He, Lang::Fr];

    pub fn tag(self) -> &'static str {
        match self {
            Lang::Ar => "ar",
            Lang::En => "en",
            Lang::He => "he",
            Lang::Fr => "fr",
        }
    }

    pub fn from_tag(tag: &str) -> Option<Lang> {
        let primary = bawaba_model::text::primary(tag);
        Lang::ALL.into_iter().find(|l| l.tag() == primary)
    }

    pub fn is_rtl(self) -> bool {
        matches!(self, Lang::Ar | Lang::He)
    }

    pub fn dir(self) -> &'static str {
        if self.is_rtl() {
            "rtl"
        } else {
            "ltr"
        }
    }

    /// The language's name in itself, for the language switcher.
    pub fn autonym(self) -> &'static str {
        match self {
            Lang::Ar => "العربية",
            Lang::En => "English",
            Lang::He => "עברית",
            Lang::Fr => "Français",
        }
    }

    pub fn t(self, msg: Msg) -> &'static str {
        #[cfg(feature = "bundles")]
        return match self {
            Lang::En => en::t(msg),
            other => bundle::get(other, msg).unwrap_or_else(|| en::t(msg)),
        };
        #[cfg(not(feature = "bundles"))]
        match self {
            Lang::Ar => ar::t(msg),
            Lang::En => en::t(msg),
            Lang::He => he::t(msg),
            Lang::Fr => fr::t(msg),
        }
    }

    /// Every message, in `Msg::ALL`'s order: the bundle `bawaba-feed
    /// strings` writes for the portal.
    #[cfg(not(feature = "bundles"))]
    pub fn all_messages(self) -> Vec<&'static str> {
        Msg::ALL.iter().map(|&m| self.t(m)).collect()
    }

    /// A template with its placeholders filled; numbers in the values are
    /// written in the language's own digits.
    pub fn f(self, msg: Msg, args: &[(&str, &str)]) -> String {
        let localized: Vec<(&str, String)> = args.iter().map(|(k, v)| (*k, self.digits(v))).collect();
        fill(self.t(msg), &localized)
    }

    /// A count with the right plural form ("1 hour", "2 hours"; Arabic has six forms).
    pub fn count(self, unit: Count, n: u64) -> String {
        let s = match self {
            Lang::Ar => ar::count(unit, n),
            Lang::En => en::count(unit, n),
            Lang::He => he::count(unit, n),
            Lang::Fr => fr::count(unit, n),
        };
        self.digits(&s)
    }

    /// Weekday names, Monday first.
    pub fn weekday(self, monday_based: usize) -> &'static str {
        let names = match self {
            Lang::Ar => &ar::WEEKDAYS,
            Lang::En => &en::WEEKDAYS,
            Lang::He => &he::WEEKDAYS,
            Lang::Fr => &fr::WEEKDAYS,
        };
        names[monday_based % 7]
    }

    /// Abbreviations a voice would misread, with the words to say instead.
    pub fn spoken(self) -> &'static [(&'static str, &'static str)] {
        match self {
            Lang::Ar => ar::SPOKEN,
            Lang::En => en::SPOKEN,
            Lang::He => he::SPOKEN,
            Lang::Fr => fr::SPOKEN,
        }
    }

    pub fn month(self, zero_based: usize) -> &'static str {
        let names = match self {
            Lang::Ar => &ar::MONTHS,
            Lang::En => &en::MONTHS,
            Lang::He => &he::MONTHS,
            Lang::Fr => &fr::MONTHS,
        };
        names[zero_based % 12]
    }

    /// Arabic text here uses Arabic-Indic digits, as printed notices in Gaza
    /// do; the other languages keep ASCII digits.
    pub fn digits(self, s: &str) -> String {
        match self {
            Lang::Ar => s
                .chars()
                .map(|c| match c {
                    '0'..='9' => char::from_u32('٠' as u32 + (c as u32 - '0' as u32)).unwrap_or(c),
                    _ => c,
                })
                .collect(),
            _ => s.to_owned(),
        }
    }

    /// A label's colon: French puts a (non-breaking) space before it.
    pub fn colon(self) -> &'static str {
        match self {
            Lang::Fr => "\u{a0}: ",
            _ => ": ",
        }
    }

    /// A size in megabytes, one decimal, in the language's own writing:
    /// "6.0 MB", "٦٫٠ ميغابايت", "6,0 Mo". Integer arithmetic: no float
    /// formatting code in the wasm.
    pub fn megabytes(self, bytes: u64) -> String {
        let tenths = (bytes * 10 + 524_288) / 1_048_576;
        let (whole, tenth) = (tenths / 10, tenths % 10);
        match self {
            Lang::Ar => self.digits(&format!("{whole}\u{66b}{tenth}\u{a0}ميغابايت")),
            Lang::Fr => format!("{whole},{tenth}\u{a0}Mo"),
            Lang::En | Lang::He => format!("{whole}.{tenth}\u{a0}MB"),
        }
    }

    /// The separator between items of a list ("food, water").
    pub fn list_sep(self) -> &'static str {
        match self {
            Lang::Ar => "، ",
            _ => ", ",
        }
    }
}

/// Replaces `{key}` with its value; unknown placeholders stay visible so a
/// translation mistake is noticed rather than hidden.
pub fn fill(template: &str, args: &[(&str, String)]) -> String {
    let mut out = template.to_owned();
    for (k, v) in args {
        out = out.replace(&format!("{{{k}}}"), v);
    }
    out
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Count {
    Minutes,
    Hours,
    Days,
    Items,
    SkippedItems,
}

/// Declares `Msg` and the list of all its variants (for completeness tests).
macro_rules! messages {
    ($($variant:ident),+ $(,)?) => {
        /// Every piece of UI text.
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum Msg { $($variant),+ }

        impl Msg {
            pub const ALL: &'static [Msg] = &[$(Msg::$variant),+];
        }
    };
}

messages! {
    // Chrome and navigation
    AppName,
    SkipToContent,
    Loading,
    LanguageLabel,
    MainNavLabel,
    NavNow,
    NavCorridors,
    NavDistribution,
    NavNotices,
    NavAbout,
    NavMap,
    // Short tab labels for the phone's bottom bar
    TabNow,
    TabCorridors,
    TabDistribution,
    FiltersLabel,
    MapTitle,
    MapNote,
    ZoomIn,
    ZoomOut,
    ZoomReset,
    MapSource,
    MapDisclaimer,
    YouAreIn,
    OutsideStrip,
    ShowOnlyArea,
    AreaMismatches,
    AreaElsewhere,
    PrintTitle,
    PrintHeading,
    PrintButton,
    PrintLink,
    PosterLink,
    PosterTitle,
    PosterScan,
    PosterCheck,
    QrLabel,
    // Read aloud
    Listen,
    ListenStop,
    SpokenTo,
    AllValues,
    OpenNowOnly,
    CategoryLabel,
    SeverityLabel,
    NearMe,
    NearMeOff,
    Locating,
    LocationUnavailable,
    SortedByDistance,
    DistanceTemplate,
    Kilometres,
    Metres,
    CompassN,
    CompassNE,
    CompassE,
    CompassSE,
    CompassS,
    CompassSW,
    CompassW,
    CompassNW,
    Share,
    ShareWhatsApp,
    CopyAsText,
    SearchLabel,
    NoSearchResults,
    NavEmbed,
    OpenFullPortal,
    EmbedTitle,
    EmbedIntro,
    EmbedFeed,
    EmbedTheme,
    ThemeLight,
    ThemeDark,
    EmbedLimit,
    EmbedHeight,
    EmbedCompact,
    EmbedScriptSnippet,
    EmbedIframeSnippet,
    EmbedPreview,
    Copy,
    Copied,
    CopyFailed,
    TimesAreGazaTime,
    FooterPrivacy,
    // Banners and freshness
    DemoBanner,
    DemoLabel,
    DangerBannerLabel,
    ExpiredFeed,
    PublishedBy,
    PublishedAt,
    PublishedUnknown,
    AgoTemplate,
    InFutureTemplate,
    JustNow,
    UpdatedTemplate,
    // Openness
    OpenNow,
    OpenNowRestricted,
    OpenUntil,
    ClosedNow,
    OpensAt,
    NoOpeningKnown,
    StatusUnknown,
    ClockWrong,
    // Pass it on
    OpenSharedTitle,
    OpenSharedButton,
    OpenSharedHelp,
    PassTitle,
    PassHelp,
    PassButton,
    PassReady,
    PassShare,
    PassSave,
    PassFailed,
    SharedTooLarge,
    SharedNotBulletin,
    SharedNewer,
    SharedNotNewer,
    SharedRefused,
    SharedOtherPortal,
    SharedAltered,
    ReceivedFromFile,
    ReceivedUnverified,
    // Several publishers
    SourcesDiffer,
    EachSource,
    PublisherLabel,
    AllPublishers,
    UsualHours,
    Hours,
    Windows,
    AllDay,
    EveryDay,
    Today,
    Tomorrow,
    Yesterday,
    DateTimeTemplate,
    // Item fields
    DeclaredStatus,
    TypeLabel,
    AllowedLabel,
    DirectionLabel,
    ServicesLabel,
    OrganizationLabel,
    LandmarkLabel,
    RequirementsLabel,
    NotesLabel,
    LinksLabel,
    AreaLabel,
    CallTemplate,
    // Lists
    AllAreas,
    NoItems,
    NoItemsInArea,
    NoItemsMatch,
    ItemNotFound,
    BackToList,
    LinkToItem,
    ShowMore,
    ShownOf,
    // Home
    HomeCorridorsTitle,
    HomeNoticesTitle,
    HomeDistributionTitle,
    SeeAll,
    // Notices
    PastNotices,
    EffectiveFrom,
    ExpiresAt,
    Expired,
    NotYetInEffect,
    // Feed problems
    FeedProblemTitle,
    FeedProblemKeeping,
    FeedUpdateProblemTitle,
    HeldOlder,
    HeldAllInvalid,
    Online,
    Offline,
    Refresh,
    Checking,
    ErrNotJson,
    ErrNotAnObject,
    ErrMissingFormat,
    ErrUnknownFormat,
    ErrMissingKind,
    ErrUnknownKind,
    ErrItemsNotAList,
    ErrTooLarge,
    ErrTooManyItems,
    ErrHttp,
    ErrTimeout,
    ErrNetwork,
    ErrBadUrl,
    ConfigProblemTitle,
    ErrConfigNotJson,
    ErrConfigNotAnObject,
    ErrConfigNoFeeds,
    ErrConfigTimeZone,
    ErrConfigBadTrustedKey,
    ErrSignatureMissing,
    ErrSignatureMalformed,
    ErrSignatureNotVerified,
    ErrNoVerifier,
    VerifiedPublisher,
    SignatureLabel,
    SignatureVerified,
    SignatureNotRequired,
    TryAgain,
    // Item problems (for publishers)
    SkippedSummary,
    DetailsForPublishers,
    EffectSkipped,
    EffectDropped,
    ProblemMissing,
    ProblemWrongType,
    ProblemEmpty,
    ProblemBadTimestamp,
    ProblemNoOffset,
    ProblemOutOfRange,
    ProblemBadClock,
    ProblemBadDay,
    ProblemEndNotAfterStart,
    ProblemDuplicateId,
    ProblemUnsafeLink,
    ProblemPathLength,
    TypeString,
    TypeNumber,
    TypeObject,
    TypeList,
    TypeBool,
    TypeNull,
    TypeText,
    TypeTimestamp,
    TypeClock,
    TypeDay,
    // About
    AboutTitle,
    AboutIntro,
    FeedsTitle,
    FeedSource,
    FeedItems,
    FeedExpires,
    FeedNoExpiry,
    FeedLoading,
    PublishedLabel,
    KindCorridors,
    KindDistribution,
    KindNotices,
    // Enum values
    CorridorCrossing,
    CorridorRoad,
    CorridorSea,
    StatusOpen,
    StatusClosed,
    StatusRestricted,
    StatusScheduled,
    StatusSuspended,
    StatusOutOfStock,
    StatusMoved,
    AllowedPedestrians,
    AllowedPrivateVehicles,
    AllowedAidTrucks,
    AllowedCommercialTrucks,
    AllowedMedicalEvacuation,
    AllowedReturnees,
    DirBoth,
    DirNorthToSouth,
    DirSouthToNorth,
    DirIntoGaza,
    DirOutOfGaza,
    ServiceFood,
    ServiceBread,
    ServiceWater,
    ServiceHygiene,
    ServiceMedical,
    ServiceNutrition,
    ServiceShelter,
    ServiceCash,
    ServiceFuel,
    ServiceClothing,
    ServicePsychosocial,
    CatWater,
    CatElectricity,
    CatRoads,
    CatRubble,
    CatUxo,
    CatHealth,
    CatTelecom,
    CatShelter,
    CatEducation,
    CatGeneral,
    SevInfo,
    SevAdvisory,
    SevWarning,
    SevDanger,
    AreaNorthGaza,
    AreaGaza,
    AreaDeirAlBalah,
    AreaKhanYounis,
    AreaRafah,
    AreaOther,
    Other,
    // The published edition
    StatusAsPublished,
    StaticLink,
}

/// The label of a contract enum value; values this portal does not know
/// read "other", never the raw wire word.
pub trait Label {
    fn msg(&self) -> Msg;
}

macro_rules! labels {
    ($ty:ident { $($v:ident => $m:ident),+ $(,)? } other $o:ident) => {
        impl Label for $ty {
            fn msg(&self) -> Msg {
                match self { $($ty::$v => Msg::$m,)+ $ty::Other(_) => Msg::$o }
            }
        }
    };
}

impl Label for bawaba_model::Declared {
    fn msg(&self) -> Msg {
        use bawaba_model::Declared;
        match self {
            Declared::Corridor(s) => s.msg(),
            Declared::Point(s) => s.msg(),
            Declared::Notice(s) => s.msg(),
        }
    }
}

labels!(CorridorType { Crossing => CorridorCrossing, Road => CorridorRoad, Sea => CorridorSea } other Other);
labels!(CorridorStatus { Open => StatusOpen, Closed => StatusClosed, Restricted => StatusRestricted, Scheduled => StatusScheduled, SourcesDiffer => SourcesDiffer } other Other);
labels!(PointStatus { Open => StatusOpen, Closed => StatusClosed, Suspended => StatusSuspended, OutOfStock => StatusOutOfStock, Moved => StatusMoved, SourcesDiffer => SourcesDiffer } other Other);
labels!(Allowed {
    Pedestrians => AllowedPedestrians,
    PrivateVehicles => AllowedPrivateVehicles,
    AidTrucks => AllowedAidTrucks,
    CommercialTrucks => AllowedCommercialTrucks,
    MedicalEvacuation => AllowedMedicalEvacuation,
    Returnees => AllowedReturnees,
} other Other);
labels!(Direction { Both => DirBoth, NorthToSouth => DirNorthToSouth, SouthToNorth => DirSouthToNorth, IntoGaza => DirIntoGaza, OutOfGaza => DirOutOfGaza } other Other);
labels!(Service {
    Food => ServiceFood,
    Bread => ServiceBread,
    Water => ServiceWater,
    Hygiene => ServiceHygiene,
    Medical => ServiceMedical,
    Nutrition => ServiceNutrition,
    Shelter => ServiceShelter,
    Cash => ServiceCash,
    Fuel => ServiceFuel,
    Clothing => ServiceClothing,
    Psychosocial => ServicePsychosocial,
} other Other);
labels!(Category {
    Water => CatWater,
    Electricity => CatElectricity,
    Roads => CatRoads,
    Rubble => CatRubble,
    Uxo => CatUxo,
    Health => CatHealth,
    Telecom => CatTelecom,
    Shelter => CatShelter,
    Education => CatEducation,
    General => CatGeneral,
} other Other);
labels!(Severity { Info => SevInfo, Advisory => SevAdvisory, Warning => SevWarning, Danger => SevDanger } other Other);
labels!(Area { NorthGaza => AreaNorthGaza, Gaza => AreaGaza, DeirAlBalah => AreaDeirAlBalah, KhanYounis => AreaKhanYounis, Rafah => AreaRafah } other AreaOther);

/// The first French mark set off by a plain (breakable) space, if any.
#[cfg(test)]
pub(crate) fn breakable_french_mark(t: &str) -> Option<&'static str> {
    [" ;", " :", " ?", " !", " »", "« "].into_iter().find(|mark| t.contains(mark))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arabic_digits() {
        assert_eq!(Lang::Ar.digits("08:30, 12"), "٠٨:٣٠, ١٢");
        assert_eq!(Lang::Fr.digits("08:30"), "08:30");
    }

    #[test]
    fn sizes_in_each_language() {
        let six = 6 * 1024 * 1024 + 1;
        assert_eq!(Lang::En.megabytes(six), "6.0\u{a0}MB");
        assert_eq!(Lang::Ar.megabytes(six), "٦٫٠\u{a0}ميغابايت");
        assert_eq!(Lang::Fr.megabytes(5_400_000), "5,1\u{a0}Mo");
        assert_eq!(Lang::Fr.colon(), "\u{a0}: ");
    }

    fn placeholders(s: &str) -> Vec<&str> {
        let mut v: Vec<&str> = s
            .split('{')
            .skip(1)
            .filter_map(|p| p.split_once('}').map(|(k, _)| k))
            .filter(|k| k.chars().all(|c| c.is_ascii_lowercase()))
            .collect();
        v.sort_unstable();
        v
    }

    #[test]
    fn every_message_is_translated_with_the_same_placeholders() {
        for lang in [Lang::Ar, Lang::He, Lang::Fr] {
            let mut same_as_english = vec![];
            for &m in Msg::ALL {
                let (t, en) = (lang.t(m), Lang::En.t(m));
                assert!(!t.trim().is_empty(), "{lang:?} {m:?} is empty");
                assert_eq!(placeholders(t), placeholders(en), "{lang:?} {m:?}: {t}");
                // JSON's `null` is a keyword, the same in every language, and a
                // template made only of placeholders has no words to translate.
                let words = fill(en, &placeholders(en).iter().map(|k| (*k, String::new())).collect::<Vec<_>>());
                if t == en && m != Msg::TypeNull && words.chars().any(char::is_alphabetic) {
                    same_as_english.push(m);
                }
            }
            // A few words are the same in French ("Notes", "Information", "Signature"); in
            // Arabic and Hebrew nothing should be left in English.
            let allowed = if lang == Lang::Fr { 13 } else { 0 };
            assert!(same_as_english.len() <= allowed, "{lang:?} untranslated: {same_as_english:?}");
        }
    }

    /// French sets a no-break space before ";", ":", "?", "!" and "»" and after
    /// "«"; a plain one lets a line start with the mark.
    #[test]
    fn french_punctuation_never_starts_a_line() {
        for &m in Msg::ALL {
            let t = Lang::Fr.t(m);
            assert_eq!(breakable_french_mark(t), None, "{m:?}: {t}");
        }
    }

    /// A date or time dropped into a sentence must read with "aujourd’hui",
    /// "demain" or a weekday alike, so these are written as labels.
    #[test]
    fn times_are_labelled_so_any_day_reads() {
        let label = |lang: Lang, m: Msg| lang.f(m, &[("time", "X"), ("when", "X")]);
        assert_eq!(label(Lang::Fr, Msg::OpensAt), "ouverture\u{a0}: X");
        assert_eq!(label(Lang::Fr, Msg::OpenUntil), "fermeture\u{a0}: X");
        assert_eq!(label(Lang::Fr, Msg::UpdatedTemplate), "Mise à jour\u{a0}: X");
        assert_eq!(label(Lang::He, Msg::UpdatedTemplate), "עדכון אחרון: X");
        assert_eq!(label(Lang::He, Msg::OpensAt), "מועד פתיחה: X");
    }

    #[test]
    fn plurals() {
        assert_eq!(Lang::En.count(Count::Hours, 1), "1 hour");
        assert_eq!(Lang::En.count(Count::Hours, 3), "3 hours");
        for lang in Lang::ALL {
            for n in [0, 1, 2, 3, 10, 11, 99, 100, 101, 102, 111] {
                for unit in [Count::Minutes, Count::Hours, Count::Days, Count::Items, Count::SkippedItems] {
                    let s = lang.count(unit, n);
                    assert!(!s.is_empty() && !s.contains('{'), "{lang:?} {unit:?} {n}: {s}");
                }
            }
        }
        // Arabic has distinct forms for 1, 2, 3–10 and 11–99.
        let forms: Vec<String> = [1, 2, 3, 11]
            .iter()
            .map(|n| Lang::Ar.count(Count::Hours, *n).replace(|c: char| c.is_numeric() || c.is_whitespace(), ""))
            .collect();
        assert_eq!(forms.len(), 4);
        assert_ne!(forms[2], forms[3], "3 and 11 take different forms: {forms:?}");
        assert_ne!(forms[0], forms[2]);
    }

    #[test]
    fn templates_fill_every_placeholder_in_every_language() {
        for lang in Lang::ALL {
            let s = lang.f(Msg::OpenUntil, &[("time", "16:00")]);
            assert!(!s.contains('{'), "{lang:?}: {s}");
            assert!(s.contains(&lang.digits("16:00")), "{lang:?}: {s}");
        }
    }
}
