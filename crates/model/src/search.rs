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
            c if is_word_char(c) => c,
            // Punctuation, maqaf, dashes, apostrophes: word boundaries.
            _ => ' ',
        };
        if folded == ' ' {
            if !space {
                out.push(' ');
                space = true;
            }
        } else {
            out.push(fold_case(folded));
            space = false;
        }
    }
    if out.ends_with(' ') {
        out.pop();
    }
    out
}

/// Lower case for the scripts that have case and that people here write in
/// (Latin, Greek, Cyrillic); Arabic and Hebrew have none. The standard
/// library's `to_lowercase` covers all of Unicode and its tables cost about
/// 5 KB brotli in the portal's wasm. Agrees with it on these blocks (tested).
fn fold_case(c: char) -> char {
    let n = c as u32;
    let lower = match n {
        0x41..=0x5A | 0xC0..=0xD6 | 0xD8..=0xDE | 0x391..=0x3A1 | 0x3A3..=0x3AB | 0x410..=0x42F => n + 32,
        0x400..=0x40F => n + 80,
        0x388..=0x38A => n + 37,
        0x386 => 0x3AC,
        0x38C => 0x3CC,
        0x38E | 0x38F => n + 63,
        0x178 => 0xFF,
        0x130 => 'i' as u32,
        // Latin Extended-A and Cyrillic: pairs, capital first; some runs start
        // on an odd code point.
        0x139..=0x148 | 0x179..=0x17E | 0x4C1..=0x4CE if !n.is_multiple_of(2) => n + 1,
        0x4C0 => 0x4CF,
        0x100..=0x137 | 0x14A..=0x177 if n.is_multiple_of(2) => n + 1,
        0x460..=0x481 | 0x48A..=0x4BF | 0x4D0..=0x52F if n.is_multiple_of(2) => n + 1,
        _ => n,
    };
    char::from_u32(lower).unwrap_or(c)
}

/// Letters and digits, as far as search is concerned. ASCII is exact; beyond
/// it everything is a letter except the punctuation, spaces and symbols
/// people put between words. Cheaper than `char::is_alphanumeric`, whose
/// tables cost about 2 KB brotli in the wasm.
fn is_word_char(c: char) -> bool {
    match c as u32 {
        0..=0x7F => c.is_ascii_alphanumeric(),
        // Latin-1 punctuation and signs, but not ª µ º ² ³ ¹ ¼ ½ ¾.
        0xA0..=0xBF => matches!(c, 'ª' | 'µ' | 'º' | '²' | '³' | '¹' | '¼' | '½' | '¾'),
        0xD7 | 0xF7 => false,
        // Hebrew maqaf, paseq, sof pasuq, nun hafukha, geresh, gershayim.
        0x5BE | 0x5C0 | 0x5C3 | 0x5C6 | 0x5F3 | 0x5F4 => false,
        // Arabic signs and punctuation: comma, date separator, semicolon,
        // question mark, percent, decimal and thousands separators, star,
        // full stop, poetic and currency signs.
        0x606..=0x60F | 0x61B | 0x61D..=0x61F | 0x66A..=0x66D | 0x6D4 | 0x6FD | 0x6FE => false,
        // General punctuation (spaces, dashes, quotes, direction marks),
        // arrows and other symbols, ideographic space, emoji.
        0x2000..=0x206F | 0x2190..=0x2BFF | 0x3000 | 0xFE00..=0xFE0F | 0x1F000.. => false,
        _ => true,
    }
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
    fn case_folding_agrees_with_the_standard_library_where_it_applies() {
        // ASCII, Latin-1, Latin Extended-A, the Greek alphabet and Cyrillic:
        // every character whose standard lower case is one character.
        let blocks = [0x0..=0x17F, 0x386..=0x3AB, 0x400..=0x52F];
        let mut checked = 0;
        for c in blocks.into_iter().flatten().filter_map(char::from_u32) {
            let std: Vec<char> = c.to_lowercase().collect();
            if std.len() == 1 {
                assert_eq!(fold_case(c), std[0], "{c:?} U+{:04X}", c as u32);
                checked += 1;
            }
        }
        assert!(checked > 700, "{checked}");
        // Scripts without case are left alone.
        for c in ['ا', 'ب', 'ש', 'ם', '٣', '7'] {
            assert_eq!(fold_case(c), c);
        }
    }

    #[test]
    fn word_characters_agree_with_the_standard_library_in_the_portal_scripts() {
        // Latin, Arabic and Hebrew blocks: the same split as
        // `is_alphanumeric`, except combining marks (niqqud and tashkeel are
        // removed before this test applies; other marks stay inside words).
        let blocks = [0x0..=0x24F, 0x590..=0x5FF, 0x600..=0x6FF, 0x2000..=0x206F];
        for c in blocks.into_iter().flatten().filter_map(char::from_u32) {
            let mark = matches!(c as u32, 0x591..=0x5C7 | 0x610..=0x61A | 0x64B..=0x65F | 0x670 | 0x6D6..=0x6ED);
            // Code points Unicode has not assigned: no text contains them.
            let unassigned = matches!(c as u32, 0x590 | 0x5C8..=0x5CF | 0x5EB..=0x5EE | 0x5F5..=0x5FF);
            if !mark && !unassigned && !c.is_control() && !matches!(c as u32, 0x600..=0x605 | 0x6DD | 0x61C | 0x6E5 | 0x6E6) {
                assert_eq!(is_word_char(c), c.is_alphanumeric(), "{c:?} U+{:04X}", c as u32);
            }
        }
        for c in ['→', '★', '😀', '\u{200F}', '\u{3000}'] {
            assert!(!is_word_char(c), "{c:?}");
        }
    }

    #[test]
    fn greek_and_cyrillic_match_regardless_of_case() {
        assert!(finds("АЛЕКСАНДР", "Александр"));
        assert!(finds("ΑΘΗΝΑ", "αθηνα"));
        assert!(finds("ŁÓDŹ", "łódź"));
        // Capital dotted I: the standard library lowers it to two characters.
        assert_eq!(normalize("İSTANBUL"), "istanbul");
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
    fn alef_wasla_and_persian_keyboard_letters() {
        assert!(finds("الله", "ٱلله"), "alef wasla");
        assert!(finds("علي", "علی"), "Persian yeh");
        assert!(finds("كرم", "کرم"), "Persian kaf");
        assert!(finds("ٱلمدرسة", "المدرسه"), "both ways");
    }

    #[test]
    fn every_arabic_indic_and_persian_digit_folds_to_its_value() {
        assert_eq!(normalize("٠١٢٣٤٥٦٧٨٩"), "0123456789");
        assert_eq!(normalize("۰۱۲۳۴۵۶۷۸۹"), "0123456789");
    }

    #[test]
    fn every_french_accent_folds_to_its_letter() {
        assert_eq!(normalize("àáâäã ÀÁÂÄÃ"), "aaaaa aaaaa");
        assert_eq!(normalize("çÇ"), "cc");
        assert_eq!(normalize("èéêë ÈÉÊË"), "eeee eeee");
        assert_eq!(normalize("ìíîï ÌÍÎÏ"), "iiii iiii");
        assert_eq!(normalize("òóôöõ ÒÓÔÖÕ"), "ooooo ooooo");
        assert_eq!(normalize("ùúûü ÙÚÛÜ"), "uuuu uuuu");
        assert!(finds("francais ecole", "Français — École"));
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
