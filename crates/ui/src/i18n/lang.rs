//! The four languages: their tags, direction, digits, punctuation, and the
//! message tables they read from (`Lang::t`).

use super::{ar, en, fr, he, fill, Count, Msg};

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
            other => super::bundle::get(other, msg).unwrap_or_else(|| en::t(msg)),
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

    /// The separator between parts of a line whose parts may hold commas
    /// ("Open now: 2 · Open now, with restrictions: 1"). In Arabic the
    /// comma: a middle dot beside Arabic-Indic digits reads as a zero
    /// ("مفتوح الآن: ٢ · …" reads "٢٠").
    pub fn sep(self) -> &'static str {
        match self {
            Lang::Ar => "، ",
            _ => " · ",
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

