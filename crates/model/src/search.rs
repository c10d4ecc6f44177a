//! Search that forgives how people type on a phone: Arabic letter variants
//! and diacritics, Hebrew niqqud, French accents, case, and both kinds of
//! digits are folded away before comparing.

use crate::feed::{Corridor, DistributionPoint, Notice};
use crate::text::LocalizedText;

/// Folds a text for comparison. Applied to both the query and the data.
pub fn normalize(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = true;
    for c in s.chars() {
        let folded = match c {
            // Arabic: tashkeel, superscript alef, tatweel and Quranic marks vanish.
            '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{0640}' | '\u{06D6}'..='\u{06ED}' => continue,
            // Hebrew: cantillation marks and niqqud vanish.
            '\u{0591}'..='\u{05BD}' | '\u{05BF}' | '\u{05C1}' | '\u{05C2}' | '\u{05C4}' | '\u{05C5}' | '\u{05C7}' => continue,
            'أ' | 'إ' | 'آ' | 'ٱ' | 'ٲ' | 'ٳ' => 'ا',
            'ة' => 'ه',
            'ى' => 'ي',
            'ؤ' => 'و',
            'ئ' => 'ي',
            // Persian/Urdu keyboard forms people sometimes type.
            'ک' => 'ك',
            'ی' => 'ي',
            '٠'..='٩' => char::from_u32('0' as u32 + (c as u32 - '٠' as u32)).unwrap_or(c),
            '۰'..='۹' => char::from_u32('0' as u32 + (c as u32 - '۰' as u32)).unwrap_or(c),
            // Latin accents (French, transliterated place names).
            'à' | 'á' | 'â' | 'ä' | 'ã' | 'À' | 'Á' | 'Â' | 'Ä' | 'Ã' => 'a',
            'ç' | 'Ç' => 'c',
            'è' | 'é' | 'ê' | 'ë' | 'È' | 'É' | 'Ê' | 'Ë' => 'e',
            'ì' | 'í' | 'î' | 'ï' | 'Ì' | 'Í' | 'Î' | 'Ï' => 'i',
            'ò' | 'ó' | 'ô' | 'ö' | 'õ' | 'Ò' | 'Ó' | 'Ô' | 'Ö' | 'Õ' => 'o',
            'ù' | 'ú' | 'û' | 'ü' | 'Ù' | 'Ú' | 'Û' | 'Ü' => 'u',
            'œ' | 'Œ' => {
                out.push_str("oe");
                space = false;
                continue;
            }
            c if c.is_alphanumeric() => c,
            // Punctuation, maqaf, dashes, apostrophes: word boundaries.
            _ => ' ',
        };
        if folded == ' ' {
            if !space {
                out.push(' ');
                space = true;
            }
        } else {
            out.extend(folded.to_lowercase());
            space = false;
        }
    }
    if out.ends_with(' ') {
        out.pop();
    }
    out
}

/// A query: its words, each of which must appear (in any language's text).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Query(Vec<String>);

impl Query {
    pub fn new(q: &str) -> Query {
        Query(normalize(q).split(' ').filter(|w| !w.is_empty()).map(str::to_owned).collect())
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// `haystack` must already be normalized (see [`Searchable::haystack`]).
    pub fn matches(&self, haystack: &str) -> bool {
        self.0.iter().all(|w| haystack.contains(w.as_str()))
    }
}

/// Items that can be searched: every language of every text that helps
/// someone find it.
pub trait Searchable {
    fn texts(&self) -> Vec<&LocalizedText>;

    fn haystack(&self) -> String {
        let mut all = String::new();
        for t in self.texts() {
            for v in t.values() {
                all.push_str(&normalize(v));
                all.push('\n');
            }
        }
        all
    }
}

impl Searchable for Corridor {
    fn texts(&self) -> Vec<&LocalizedText> {
        [Some(&self.name), self.base.notes.as_ref()].into_iter().flatten().collect()
    }
}

impl Searchable for DistributionPoint {
    fn texts(&self) -> Vec<&LocalizedText> {
        [
            Some(&self.name),
            self.organization.as_ref(),
            self.landmark.as_ref(),
            self.requirements.as_ref(),
            self.base.notes.as_ref(),
        ]
        .into_iter()
        .flatten()
        .collect()
    }
}

impl Searchable for Notice {
    fn texts(&self) -> Vec<&LocalizedText> {
        [Some(&self.title), self.body.as_ref(), self.base.notes.as_ref()].into_iter().flatten().collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn finds(query: &str, text: &str) -> bool {
        Query::new(query).matches(&normalize(text))
    }

    #[test]
    fn hamza_and_alef_forms() {
        assert!(finds("اسعاف", "إسعاف"));
        assert!(finds("احمد", "أحمد"));
        assert!(finds("القران", "القرآن"));
        assert!(finds("إسعاف", "اسعاف"), "both ways");
    }

    #[test]
    fn taa_marbuta_alef_maqsura_and_hamza_seats() {
        assert!(finds("مدرسه", "مدرسة"));
        assert!(finds("مستشفي", "مستشفى"));
        assert!(finds("مؤسسة", "موسسه"));
        assert!(finds("بئر", "بير"));
    }

    #[test]
    fn tashkeel_and_tatweel_are_ignored() {
        assert!(finds("مخبز", "مَخْبَزُ"));
        assert!(finds("خبز", "خـــبز"));
        assert!(finds("مَخْبَز", "مخبز"));
    }

    #[test]
    fn hebrew_niqqud_is_ignored() {
        assert!(finds("מים", "מַיִם"));
        assert!(finds("לחם", "לֶחֶם"));
        assert!(finds("דיר אל בלח", "דיר אל־בלח"), "maqaf is a word break");
    }

    #[test]
    fn french_accents_and_case() {
        assert!(finds("younes", "Khan Younès"));
        assert!(finds("KHAN", "khan younis"));
        assert!(finds("eau potable", "Eau potable, réservoir"));
        assert!(finds("oeuvre", "Œuvre"));
    }

    #[test]
    fn digits_of_either_kind() {
        assert!(finds("نقطة 12", "نقطة ١٢"));
        assert!(finds("١٢", "point 12"));
    }

    #[test]
    fn every_word_must_match_in_any_order() {
        assert!(finds("خان يونس خبز", "مخبز المواصي — خان يونس"));
        assert!(!finds("خان يونس ماء", "مخبز المواصي — خان يونس"));
        assert!(Query::new("  ،، - ").is_empty());
    }

    #[test]
    fn normalization_of_whitespace_and_punctuation() {
        assert_eq!(normalize("  Kerem-Shalom (Karem Abu Salem)  "), "kerem shalom karem abu salem");
        assert_eq!(normalize("مُخيَّم الشاطِئ،"), "مخيم الشاطي");
    }
}
