//! "Pass it on": a bulletin written on the phone from the copies it keeps.
//! For the portal, with no JavaScript glue (bawaba-module's interface): it
//! puts what the phone keeps into `input(len)`'s buffer; `write_bulletin()`
//! returns the length of the bulletin (0 when the input is not understood),
//! read from `output()`. `check_page()` checks a received bulletin put in the
//! same buffer.
//!
//! Input, UTF-8 lines then raw feed bytes:
//!
//! ```text
//! bawaba-pass/1
//! <lang> <written at, ms since 1970> <time zone> <default language> <languages…>
//! F <url> <sig or -> <verified by or -> <length>\n<the feed's bytes, exactly>
//! L <url>                     (a feed of the deployment with no copy kept)
//! ```
//!
//! Fields are separated by one tab; `-` stands for none.

use crate::{bulletin, Written};
use crate::page::{CarriedFeed, LeftOut};
#[cfg(test)]
use crate::page::FEED_BLOCK_CLASS;
use crate::words::{self as ed, PageMsg};
use bawaba_ui::i18n::Lang;
use std::sync::Arc;

/// The next line (without its newline) and what follows it.
fn line(rest: &[u8]) -> Option<(&str, &[u8])> {
    let end = rest.iter().position(|&b| b == b'\n')?;
    Some((std::str::from_utf8(&rest[..end]).ok()?, &rest[end + 1..]))
}

fn some(field: &str) -> Option<String> {
    (field != "-").then(|| field.to_owned())
}

pub(crate) fn read(input: &[u8]) -> Option<(Written, Vec<CarriedFeed>)> {
    let (format, rest) = line(input)?;
    if format != "bawaba-pass/1" {
        return None;
    }
    let (head, mut rest) = line(rest)?;
    let mut head = head.split('\t');
    let lang = Lang::from_tag(head.next()?)?;
    let at = chrono::DateTime::from_timestamp_millis(head.next()?.parse().ok()?)?;
    let time_zone = head.next()?.parse().ok()?;
    let default_language = Lang::from_tag(head.next()?)?.tag();
    let languages = head.filter_map(Lang::from_tag).collect();
    let mut w = Written { lang, at, time_zone, default_language, languages, left_out: vec![], by_hand: true };
    let mut sources = vec![];
    while !rest.is_empty() {
        let (record, after) = line(rest)?;
        let fields: Vec<&str> = record.split('\t').collect();
        match fields[..] {
            ["L", url] => {
                w.left_out.push(LeftOut { url: url.to_owned(), reason: ed::t(lang, PageMsg::LeftOutNotKept).to_owned() });
                rest = after;
            }
            ["F", url, sig, verified_by, len] => {
                let len: usize = len.parse().ok()?;
                let bytes = after.get(..len)?;
                rest = &after[len..];
                match bawaba_model::parse_feed(bytes) {
                    Ok(feed) => sources.push(CarriedFeed {
                        url: url.to_owned(),
                        feed: Arc::new(feed),
                        bytes: bytes.into(),
                        sig: some(sig),
                        verified_by: some(verified_by),
                    }),
                    // The phone kept it, so it read once; if it no longer
                    // does, say so rather than pass it on.
                    Err(_) => w.left_out.push(LeftOut { url: url.to_owned(), reason: ed::t(lang, PageMsg::LeftOutInvalid).to_owned() }),
                }
            }
            _ => return None,
        }
    }
    Some((w, sources))
}

/// The bulletin, or None when the input is not understood.
pub fn write(input: &[u8]) -> Option<String> {
    read(input).map(|(w, sources)| bulletin(&w, sources))
}

// For the portal (bawaba-module): what the phone keeps goes in, or a
// received bulletin to check (the portal refuses one over 10 MiB). 64 MiB
// is a dozen feeds at the contract's 5 MB each, more than a phone keeps.
bawaba_module::exports!(64 << 20);

/// Writes the bulletin from the input; its length, 0 when the input is not
/// understood.
#[cfg(all(target_arch = "wasm32", not(feature = "library")))]
#[no_mangle]
pub extern "C" fn write_bulletin() -> usize {
    answer(write(input_bytes()).unwrap_or_default().into_bytes())
}

/// The input is a received bulletin: 0 when its readable part is what its
/// feeds say, 1 when it was altered, 2 when it cannot be drawn again.
#[cfg(all(target_arch = "wasm32", not(feature = "library")))]
#[no_mangle]
pub extern "C" fn check_page() -> usize {
    match std::str::from_utf8(input_bytes()).ok().and_then(crate::is_altered) {
        Some(false) => 0,
        Some(true) => 1,
        None => 2,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const FEED: &[u8] = br#"{"format":"bawaba-feed/1","kind":"corridors","id":"x","publisher":{"name":{"en":"P"}},"published_at":"2026-11-24T06:00:00+02:00","items":[{"id":"rafah","updated_at":"2026-11-24T06:00:00+02:00","name":{"en":"Rafah"},"kind":"crossing","status":"closed"}]}"#;

    fn input(records: &[u8]) -> Vec<u8> {
        let mut v = b"bawaba-pass/1\nar\t1795500000000\tAsia/Gaza\tar\tar\ten\n".to_vec();
        v.extend_from_slice(records);
        v
    }

    fn feed_record(url: &str, sig: &str, by: &str, bytes: &[u8]) -> Vec<u8> {
        let mut v = format!("F\t{url}\t{sig}\t{by}\t{}\n", bytes.len()).into_bytes();
        v.extend_from_slice(bytes);
        v
    }

    #[test]
    fn reads_what_the_phone_keeps() {
        let mut records = feed_record("data/corridors.json", "c2ln", "coordination", FEED);
        records.extend(b"L\tdata/notices.json\n");
        records.extend(feed_record("data/broken.json", "-", "-", b"{not json"));
        let (w, sources) = read(&input(&records)).unwrap();
        assert_eq!((w.lang, w.at.timestamp_millis(), w.time_zone.name(), w.default_language), (Lang::Ar, 1795500000000, "Asia/Gaza", "ar"));
        assert_eq!(w.languages, [Lang::Ar, Lang::En]);
        assert!(w.by_hand);
        assert_eq!(sources.len(), 1);
        assert_eq!((&*sources[0].bytes, sources[0].sig.as_deref(), sources[0].verified_by.as_deref()), (FEED, Some("c2ln"), Some("coordination")));
        let left: Vec<_> = w.left_out.iter().map(|l| (l.url.as_str(), l.reason.as_str())).collect();
        assert_eq!(left, [("data/notices.json", ed::t(Lang::Ar, PageMsg::LeftOutNotKept)), ("data/broken.json", ed::t(Lang::Ar, PageMsg::LeftOutInvalid))]);
        // "-" is none.
        let (_, sources) = read(&input(&feed_record("a.json", "-", "-", FEED))).unwrap();
        assert_eq!((sources[0].sig.as_deref(), sources[0].verified_by.as_deref()), (None, None));
    }

    #[test]
    fn input_not_understood_writes_nothing() {
        let good = input(&feed_record("a.json", "-", "-", FEED));
        assert!(write(&good).is_some());
        assert!(write(&good[..good.len() - 1]).is_none(), "a feed shorter than its length");
        let mut other = good.clone();
        other[12] = b'2';
        assert!(write(&other).is_none(), "another version of the input");
        assert!(write(&input(b"X\ta.json\n")).is_none(), "an unknown record");
        assert!(write(&input(b"L\ta.json")).is_none(), "a record without its line end");
        assert!(write(b"bawaba-pass/1\nxx\t0\tAsia/Gaza\tar\n").is_none(), "not a language");
        assert!(write(b"bawaba-pass/1\nen\tnow\tAsia/Gaza\tar\n").is_none(), "not a time");
        assert!(write(b"bawaba-pass/1\nen\t0\tMars/Olympus\tar\n").is_none(), "not a zone");
    }

    #[test]
    fn the_page_says_it_was_passed_by_hand_and_carries_the_feed() {
        let page = write(&input(&feed_record("data/corridors.json", "-", "-", FEED))).unwrap();
        assert!(page.contains(std::str::from_utf8(FEED).unwrap()), "byte for byte");
        assert!(page.contains("<html lang=\"ar\" dir=\"rtl\" class=\"published\">"));
        assert!(page.contains("\"passed_by_hand\":true"));
        assert!(page.contains("مُرّرت يدًا بيد"));
        assert!(!page.contains("../index.html"), "no link to a portal that is not there");
        assert!(!page.contains("href=\"en.html\""), "nor to other languages' pages, which do not travel with it");
        // What the CLI's verify draws again from the page's own block.
        let meta = bawaba_model::bulletin::blocks(&page).into_iter().find(|b| b.attr("class") == Some(crate::META_CLASS)).unwrap();
        let w = Written::from_meta(&serde_json::from_str(&meta.text).unwrap()).unwrap();
        let (_, sources) = read(&input(&feed_record("data/corridors.json", "-", "-", FEED))).unwrap();
        assert_eq!(crate::altered(&page, &w, sources.clone()), None);
        let edited = page.replacen("مُرّرت يدًا بيد", "نشرتها الأمم المتحدة", 1);
        assert!(matches!(crate::altered(&edited, &w, sources), Some(crate::Altered::Words(..))));
    }

    #[test]
    fn a_received_page_is_checked_against_its_feeds() {
        let page = write(&input(&feed_record("data/corridors.json", "c2ln", "-", FEED))).unwrap();
        assert_eq!(crate::check_readable(&page), Some(None));
        let edited = page.replacen("مُرّرت يدًا بيد", "نشرتها الأمم المتحدة", 1);
        assert!(matches!(crate::check_readable(&edited), Some(Some(crate::Altered::Words(..)))));
        // Same words, another attribute: the markup was altered.
        let restyled = page.replacen("class=\"masthead\"", "class=\"masthead hidden\"", 1);
        assert_ne!(restyled, page);
        assert_eq!(crate::check_readable(&restyled), Some(Some(crate::Altered::Markup)));
        assert_eq!(crate::check_readable("<!doctype html><p>Rafah open"), None, "not a bulletin");
        let broken = page.replacen("\"kind\":\"corridors\"", "\"kind\":\"nonsense\"", 1);
        assert_eq!(crate::check_readable(&broken), None, "a feed that does not read: not drawn again");
        // The portal's yes or no agrees on each.
        let answers: Vec<_> = [&page, &edited, &restyled, &broken].iter().map(|p| crate::is_altered(p)).collect();
        assert_eq!(answers, [Some(false), Some(true), Some(true), None]);
        // A feed carried as base64 reads as the same bytes.
        let blocks = bawaba_model::bulletin::blocks(&page);
        let block = blocks.iter().find(|b| b.attr("class") == Some(FEED_BLOCK_CLASS)).unwrap();
        let mut b64 = bawaba_model::bulletin::Block { attrs: block.attrs.clone(), text: String::new() };
        b64.attrs.push(("data-encoding".into(), "base64".into()));
        b64.text = crate::page::base64(FEED);
        let source = crate::source_of(&b64).ok().unwrap();
        assert_eq!((&*source.bytes, source.url.as_str(), source.sig.as_deref()), (FEED, "data/corridors.json", Some("c2ln")));
        b64.text = "not base64!".into();
        assert!(matches!(crate::source_of(&b64), Err(crate::Unreadable::Base64)));
        // A page whose block is of another format is not a bulletin.
        let other = page.replacen("bawaba-bulletin/1", "bawaba-bulletin/2", 1);
        assert_eq!(crate::written_of(&bawaba_model::bulletin::blocks(&other)).map(|w| w.lang), None);
    }
}
