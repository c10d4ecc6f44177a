//! LocalizedText and the contract's language fallback chain (section 2).

/// Text in several languages, in the order the publisher wrote them.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct LocalizedText(pub Vec<(String, String)>);

/// A text chosen for a reader, with the language it is really in, so the view
/// can mark fallback text with its own `lang` and `dir`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Resolved<'a> {
    pub lang: &'a str,
    pub text: &'a str,
}

impl Resolved<'_> {
    /// True when the text is not in the language the reader asked for.
    pub fn is_fallback_for(&self, wanted: &str) -> bool {
        primary(self.lang) != primary(wanted)
    }
}

/// The primary language subtag: `ar-PS` -> `ar`, lowercased.
pub fn primary(tag: &str) -> String {
    tag.split(['-', '_']).next().unwrap_or("").to_ascii_lowercase()
}

/// Right-to-left scripts among the languages publishers are likely to use.
pub fn is_rtl(tag: &str) -> bool {
    matches!(primary(tag).as_str(), "ar" | "he" | "fa" | "ur" | "yi" | "ps" | "ckb" | "dv" | "syr")
}

impl LocalizedText {
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Exact tag, then its primary language, then `default_language`, then `en`,
    /// then the first entry. Tags compare case-insensitively (BCP 47).
    pub fn resolve<'a>(&'a self, wanted: &str, default_language: &str) -> Option<Resolved<'a>> {
        let exact = |tag: &str| self.0.iter().find(|(k, _)| k.eq_ignore_ascii_case(tag));
        let wanted_primary = primary(wanted);
        exact(wanted)
            .or_else(|| exact(&wanted_primary))
            // `ar-PS` text still serves an `ar` reader better than another language.
            .or_else(|| self.0.iter().find(|(k, _)| primary(k) == wanted_primary))
            .or_else(|| exact(default_language))
            .or_else(|| exact("en"))
            .or_else(|| self.0.first())
            .map(|(lang, text)| Resolved { lang, text })
    }

    /// Every text, for search and for "does this item have Arabic?" warnings.
    pub fn values(&self) -> impl Iterator<Item = &str> {
        self.0.iter().map(|(_, v)| v.as_str())
    }

    pub fn has_lang(&self, tag: &str) -> bool {
        self.0.iter().any(|(k, _)| primary(k) == primary(tag))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn which_languages_a_text_has() {
        let t = LocalizedText(vec![("ar-PS".into(), "مخبز".into()), ("en".into(), "Bakery".into())]);
        assert!(!t.is_empty());
        assert!(LocalizedText(vec![]).is_empty());
        assert!(t.has_lang("ar"), "ar-PS is Arabic");
        assert!(t.has_lang("EN"));
        assert!(!t.has_lang("he"));
    }

    fn lt(pairs: &[(&str, &str)]) -> LocalizedText {
        LocalizedText(pairs.iter().map(|(a, b)| (a.to_string(), b.to_string())).collect())
    }

    #[test]
    fn exact_tag_first() {
        let t = lt(&[("ar", "عربي"), ("ar-PS", "فلسطيني"), ("en", "English")]);
        assert_eq!(t.resolve("ar-PS", "ar").unwrap().text, "فلسطيني");
        assert_eq!(t.resolve("AR-ps", "ar").unwrap().text, "فلسطيني");
    }

    #[test]
    fn primary_language_second() {
        let t = lt(&[("en", "English"), ("ar", "عربي")]);
        let r = t.resolve("ar-PS", "en").unwrap();
        assert_eq!(r, Resolved { lang: "ar", text: "عربي" });
        assert!(!r.is_fallback_for("ar-PS"));
    }

    #[test]
    fn regional_variant_serves_primary_reader() {
        let t = lt(&[("en", "English"), ("fr-FR", "Français")]);
        assert_eq!(t.resolve("fr", "ar").unwrap().text, "Français");
    }

    #[test]
    fn default_language_third() {
        let t = lt(&[("fr", "Français"), ("ar", "عربي"), ("en", "English")]);
        let r = t.resolve("he", "ar").unwrap();
        assert_eq!(r.lang, "ar");
        assert!(r.is_fallback_for("he"));
    }

    #[test]
    fn english_fourth() {
        let t = lt(&[("fr", "Français"), ("en", "English")]);
        assert_eq!(t.resolve("he", "ar").unwrap().lang, "en");
    }

    #[test]
    fn first_entry_last() {
        let t = lt(&[("fr", "Français"), ("de", "Deutsch")]);
        assert_eq!(t.resolve("he", "ar").unwrap().lang, "fr");
    }

    #[test]
    fn empty_text_resolves_to_nothing() {
        assert_eq!(LocalizedText::default().resolve("ar", "ar"), None);
    }

    #[test]
    fn rtl_detection() {
        assert!(is_rtl("ar"));
        assert!(is_rtl("he-IL"));
        assert!(!is_rtl("en"));
        assert!(!is_rtl("fr"));
    }
}
