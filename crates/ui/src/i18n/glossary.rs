//! One word per concept in each language: a reader who meets two words for
//! one thing (a feed called a "source" here and a "channel" there) wonders
//! whether they are two things. Kept for the concepts readers meet most:
//! a feed, a bulletin (a page passed from phone to phone), a publisher and
//! a status. The tests of every table check it (the UI's here, the written
//! pages' in bawaba-edition).

use super::Lang;

/// A concept, the word a language keeps for it, and the words it must not
/// use for it.
pub struct Term {
    pub concept: &'static str,
    pub word: &'static str,
    pub not: &'static [&'static str],
}

const AR: &[Term] = &[
    // «نشرة» is the bulletin's word: never a feed's.
    Term { concept: "feed", word: "مصدر", not: &["تغذية", "تغذيات", "نشرة بيانات", "النشرة", "كنشرة", "نشرات"] },
    Term { concept: "bulletin", word: "نشرة", not: &["منشور مُرسَل", "رسالة"] },
    // A publisher is «الجهة الناشرة»: «ناشر» alone is checked apart (below).
    Term { concept: "publisher", word: "الجهة الناشرة", not: &["الناشرين", "للناشرين"] },
    Term { concept: "status", word: "الحالة", not: &["الوضعية"] },
];
const EN: &[Term] = &[
    Term { concept: "feed", word: "feed", not: &["data file", "channel"] },
    Term { concept: "bulletin", word: "bulletin", not: &["leaflet", "newsletter"] },
    Term { concept: "publisher", word: "publisher", not: &["issuer", "provider"] },
    Term { concept: "status", word: "status", not: &[" state "] },
];
const HE: &[Term] = &[
    Term { concept: "feed", word: "מקור מידע", not: &["פיד", "ערוץ מידע", "ערוץ המידע"] },
    Term { concept: "bulletin", word: "עלון", not: &["ידיעון"] },
    Term { concept: "publisher", word: "מפרסם", not: &["גוף מפרסם", "מוציא לאור"] },
    Term { concept: "status", word: "מצב", not: &["סטטוס"] },
];
const FR: &[Term] = &[
    Term { concept: "feed", word: "flux", not: &["fil de données", "canal"] },
    Term { concept: "bulletin", word: "bulletin", not: &["feuillet", "tract"] },
    Term { concept: "publisher", word: "éditeur", not: &["diffuseur", "publicateur"] },
    Term { concept: "status", word: "état", not: &["statut", "Statut"] },
];

pub fn terms(lang: Lang) -> &'static [Term] {
    match lang {
        Lang::Ar => AR,
        Lang::En => EN,
        Lang::He => HE,
        Lang::Fr => FR,
    }
}

/// The concept and the second word `text` uses for it, if any.
pub fn second_word(lang: Lang, text: &str) -> Option<(&'static str, &'static str)> {
    for t in terms(lang) {
        if let Some(w) = t.not.iter().find(|w| text.contains(*w)) {
            return Some((t.concept, w));
        }
    }
    // «ناشر» is only ever the adjective of «الجهة الناشرة».
    let bare = text.match_indices("ناشر").any(|(i, w)| !text[i + w.len()..].starts_with('ة'));
    (lang == Lang::Ar && bare).then_some(("publisher", "ناشر"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_second_word_is_found_and_the_kept_one_is_not() {
        assert_eq!(second_word(Lang::Ar, "كل تغذية فيها"), Some(("feed", "تغذية")));
        assert_eq!(second_word(Lang::Ar, "ما يقوله كل ناشر"), Some(("publisher", "ناشر")));
        assert_eq!(second_word(Lang::Ar, "ما تقوله كل جهة ناشرة"), None);
        assert_eq!(second_word(Lang::He, "הסטטוס כפי שפורסם"), Some(("status", "סטטוס")));
        assert_eq!(second_word(Lang::Fr, "Statut publié"), Some(("status", "Statut")));
        assert_eq!(second_word(Lang::En, "not a data file"), Some(("feed", "data file")));
        assert_eq!(second_word(Lang::En, "Each feed in it is checked"), None);
    }
}
