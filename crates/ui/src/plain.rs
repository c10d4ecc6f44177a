//! Items as plain text, in the reader's language: the text shared to
//! WhatsApp, the SMS digest, and what is read aloud all take their words
//! from here, so they never disagree with each other or with the screen.

use crate::format;
use crate::i18n::{Label, Lang, Msg};
use bawaba_model::Statement;
use crate::status::{Said, Stated};
use bawaba_model::{LocalizedText, Tz};
use chrono::{DateTime, Utc};

/// A feed text in the reader's language (or its fallback), as plain text.
pub fn text_in(t: &LocalizedText, lang: Lang, default: &str) -> String {
    t.resolve(lang.tag(), default).map(|r| r.text.to_owned()).unwrap_or_default()
}

/// Text from a feed inside a sentence in another direction ("الجهة الناشرة:
/// Relief committee"), isolated as `<bdi>` would (FSI … PDI).
pub fn isolate(text: &str) -> String {
    format!("\u{2068}{text}\u{2069}")
}

/// One of several publishers' statements, for a card and a shared text:
/// "Relief committee: Closed · Updated 2 hours ago" (the publisher's name,
/// or its feed's id when it gave none).
pub fn statement_line(lang: Lang, s: &Statement, default: &str, when: &str) -> String {
    let source = s.source.as_deref();
    let who = source.and_then(|s| s.publisher.as_ref()).map(|p| text_in(p, lang, default)).or_else(|| source.and_then(|s| s.feed.clone()));
    format!(
        "{}{}{} · {}",
        isolate(&who.unwrap_or_default()),
        lang.colon(),
        lang.t(s.declared.msg()),
        lang.f(Msg::UpdatedTemplate, &[("when", when)])
    )
}

/// "Open now · until Tue 24 Nov 2026 16:00" as plain text, with full dates
/// (a forwarded or broadcast text is read later); `now` is None where the
/// status can only be given as published (a clock that seems wrong).
pub fn status_line(lang: Lang, item: &dyn Stated, now: Option<DateTime<Utc>>, tz: Tz) -> String {
    let said = now.map_or(Said::Published, |now| Said::Live(item.openness_at(now, tz)));
    item.stated().words(lang, said, |t| format::date_time_full(lang, t, tz)).line()
}

/// A written text (the shared one) made for the ear: the voice of a phone
/// reads symbols, abbreviations and a dash between two times badly, and a
/// link not at all. Each line becomes a sentence, so the voice pauses.
pub fn for_ear(text: &str, lang: Lang) -> String {
    let to = format!(" {} ", lang.t(Msg::SpokenTo));
    let mut sentences = vec![];
    for line in text.lines().filter(|l| !l.starts_with("https://") && !l.starts_with("http://")) {
        let mut s: String = line
            .replace(" · ", lang.list_sep())
            .replace(" — ", lang.list_sep())
            .replace(crate::format::RANGE_DASH, &to)
            .chars()
            .filter(|c| !matches!(c, '*' | '🕒' | '📍' | '⚠' | '\u{2060}'))
            .collect();
        for (short, long) in lang.spoken() {
            s = replace_word(&s, short, long);
        }
        let s = without_leading_zero(s.trim());
        if s.is_empty() {
            continue;
        }
        let ends = s.ends_with(['.', '!', '?', '؟', ':']);
        sentences.push(if ends { s } else { format!("{s}.") });
    }
    sentences.join("\n")
}

/// `word` replaced where it stands as a whole word (not inside "Monday").
fn replace_word(s: &str, word: &str, by: &str) -> String {
    let mut out = String::new();
    let mut rest = s;
    while let Some(i) = rest.find(word) {
        let before = rest[..i].chars().next_back().or(out.chars().next_back());
        let after = rest[i + word.len()..].chars().next();
        out.push_str(&rest[..i]);
        let whole = !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric);
        out.push_str(if whole { by } else { word });
        rest = &rest[i + word.len()..];
    }
    out + rest
}

/// "08:00" as "8:00": some voices say "zero eight".
fn without_leading_zero(s: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    let zero = |c: char| c == '0' || c == '٠';
    let digit = |c: char| c.is_ascii_digit() || ('٠'..='٩').contains(&c);
    chars
        .iter()
        .enumerate()
        .filter(|&(i, &c)| {
            let starts = i == 0 || !digit(chars[i - 1]);
            !(zero(c) && starts && chars.get(i + 1).is_some_and(|&n| digit(n)) && chars.get(i + 2) == Some(&':'))
        })
        .map(|(_, c)| *c)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use bawaba_model::schedule::parse_clock;
    use bawaba_model::schedule::WeeklySlot;
    use chrono::{TimeZone, Weekday};

    fn slot() -> WeeklySlot {
        WeeklySlot { days: vec![Weekday::Sun, Weekday::Mon, Weekday::Tue, Weekday::Wed, Weekday::Thu], open: parse_clock("08:00").unwrap(), close: parse_clock("15:00").unwrap() }
    }

    #[test]
    fn hours_are_read_as_words() {
        let written = format!("*Rafah bakery*\n🕒 {}\nhttps://bawaba.example/?id=x", format::slot(Lang::En, &slot()));
        assert_eq!(for_ear(&written, Lang::En), "Rafah bakery.\nSunday to Thursday 8:00 to 15:00.");
        let written = format!("🕒 {}", format::slot(Lang::Fr, &slot()));
        assert_eq!(for_ear(&written, Lang::Fr), "dimanche à jeudi 8:00 à 15:00.");
        let written = format!("🕒 {}", format::slot(Lang::Ar, &slot()));
        assert_eq!(for_ear(&written, Lang::Ar), "الأحد إلى الخميس ٨:٠٠ إلى ١٥:٠٠.");
    }

    #[test]
    fn dates_and_separators_are_spoken() {
        let tz: Tz = "Asia/Gaza".parse().unwrap();
        let t = Utc.with_ymd_and_hms(2026, 11, 24, 14, 0, 0).unwrap();
        let he = format!("סגור עכשיו · {}", Lang::He.f(Msg::OpensAt, &[("time", &format::date_time_full(Lang::He, t, tz))]));
        let spoken = for_ear(&he, Lang::He);
        assert!(spoken.starts_with("סגור עכשיו, "), "{spoken}");
        assert!(spoken.contains("נובמבר") && !spoken.contains("נוב׳") && !spoken.contains("ג׳"), "{spoken}");
        let en = format!("*Kerem Shalom* — Crossing\n⚠ Demo data\nOpen now · {}", Lang::En.f(Msg::OpenUntil, &[("time", &format::date_time_full(Lang::En, t, tz))]));
        assert_eq!(for_ear(&en, Lang::En), "Kerem Shalom, Crossing.\nDemo data.\nOpen now, until Tuesday 24 November 2026 16:00.");
        // Inside a word, an abbreviation stays as it is.
        assert_eq!(replace_word("Sunrise Sun", "Sun", "Sunday"), "Sunrise Sunday");
        assert_eq!(without_leading_zero("10:05 08:30 2030"), "10:05 8:30 2030");
        assert_eq!(without_leading_zero("0x:1 ٠٧:٠٠"), "0x:1 ٧:٠٠", "only a zero before a digit and a colon");
    }
}
