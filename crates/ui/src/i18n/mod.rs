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

// Only their plural rules and date names are used with `bundles`.
#[cfg_attr(feature = "bundles", allow(dead_code))]
mod ar;
pub mod describe;
pub mod glossary;
mod en;
#[cfg_attr(feature = "bundles", allow(dead_code))]
mod fr;
#[cfg_attr(feature = "bundles", allow(dead_code))]
mod he;
mod labels;
mod lang;
mod msg;

pub use labels::Label;
pub use lang::Lang;
pub use msg::Msg;

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


/// The first French mark set off by a plain (breakable) space, if any.
pub fn breakable_french_mark(t: &str) -> Option<&'static str> {
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

    /// One word per concept (`glossary`): no message names a feed, a
    /// bulletin, a publisher or a status with a second word.
    #[test]
    fn every_message_keeps_to_the_glossary() {
        for lang in Lang::ALL {
            for &m in Msg::ALL {
                // Nutrition, the aid service, is «تغذية» in Arabic: not a feed.
                if (lang, m) == (Lang::Ar, Msg::ServiceNutrition) {
                    continue;
                }
                let t = lang.t(m);
                assert_eq!(glossary::second_word(lang, t), None, "{lang:?} {m:?}: {t}");
            }
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

