//! Text only the pages Bawaba writes use (the static pages, the first
//! screen, bulletins, the SMS digest), apart from the UI's `Msg` so the
//! portal's wasm does not carry it: `Lang::t` keeps every `Msg` arm, used or
//! not. One file per language, as `Msg`; each matches on every variant, so
//! a missing translation does not compile.

mod ar;
mod en;
mod fr;
mod he;

use bawaba_ui::i18n::Lang;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PageMsg {
    Title,
    AsPublished,
    LiveLink,
    LeftOut,
    LeftOutRemote,
    LeftOutInvalid,
    LeftOutSignature,
    /// A bulletin written on a phone ("Pass it on"): a feed it kept no copy of.
    LeftOutNotKept,
    /// Instead of AsPublished on a bulletin written on a phone.
    PassedByHand,
    AlsoHere,
    Expired,
    AreaNone,
    ZoneGaza,
    SnapshotAsPublished,
    SnapshotEverything,
    /// The first line of an SMS digest.
    DigestAsOf,
}

impl PageMsg {
    pub const ALL: &'static [PageMsg] = &[PageMsg::Title, PageMsg::AsPublished, PageMsg::LiveLink, PageMsg::LeftOut, PageMsg::LeftOutRemote, PageMsg::LeftOutInvalid, PageMsg::LeftOutSignature, PageMsg::LeftOutNotKept, PageMsg::PassedByHand, PageMsg::AlsoHere, PageMsg::Expired, PageMsg::AreaNone, PageMsg::ZoneGaza, PageMsg::SnapshotAsPublished, PageMsg::SnapshotEverything, PageMsg::DigestAsOf];
}

pub fn t(lang: Lang, msg: PageMsg) -> &'static str {
    match lang {
        Lang::Ar => ar::t(msg),
        Lang::En => en::t(msg),
        Lang::He => he::t(msg),
        Lang::Fr => fr::t(msg),
    }
}

/// A template with its placeholders filled, numbers in the language's digits.
pub fn f(lang: Lang, msg: PageMsg, args: &[(&str, &str)]) -> String {
    let localized: Vec<(&str, String)> = args.iter().map(|(k, v)| (*k, lang.digits(v))).collect();
    bawaba_ui::i18n::fill(t(lang, msg), &localized)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn placeholders(s: &str) -> Vec<&str> {
        let mut out: Vec<&str> = s.split('{').skip(1).filter_map(|p| p.split_once('}').map(|(k, _)| k)).collect();
        out.sort();
        out
    }

    #[test]
    fn every_edition_message_is_translated_with_the_same_placeholders() {
        for &m in PageMsg::ALL {
            let en = t(Lang::En, m);
            for lang in [Lang::Ar, Lang::He, Lang::Fr] {
                let text = t(lang, m);
                assert!(!text.trim().is_empty(), "{lang:?} {m:?}");
                assert_eq!(placeholders(text), placeholders(en), "{lang:?} {m:?}: {text}");
                assert_eq!(bawaba_ui::i18n::glossary::second_word(lang, text), None, "{lang:?} {m:?}: {text}");
                if lang != Lang::Fr {
                    assert_ne!(text, en, "{lang:?} {m:?} is still English");
                } else {
                    assert_eq!(bawaba_ui::i18n::breakable_french_mark(text), None, "{m:?}: {text}");
                }
            }
        }
    }
}
