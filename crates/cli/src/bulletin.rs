//! A bulletin is a page `publish` wrote (`static/<lang>.html`): readable
//! without script, carrying its feeds byte for byte (with their signatures)
//! and what it was written with. `bawaba-feed verify PAGE.html [--pubkey K]`
//! checks what circulates from phone to phone: each feed as the portal
//! checks a fetched one, its signature against a key the coordinator trusts,
//! and the readable part against the same page drawn again from the feeds,
//! since someone may edit "Rafah crossing: closed" to "open" and leave the
//! signed data as it was. Format: docs/feed-format.md, "Bulletins".

use crate::publish;
use bawaba_model::{parse_feed, signature, Config, Tz};
use bawaba_ui::edition::{LeftOut, Source};
use bawaba_ui::i18n::{describe, Lang};
use serde_json::{json, Value};
use std::process::ExitCode;
use std::sync::Arc;

use bawaba_model::bulletin::{blocks, unescape, Block};

pub const FEED_CLASS: &str = "bawaba-feed";
pub const META_CLASS: &str = "bawaba-bulletin";

/// The block that says how the page was written, so it can be drawn again.
pub fn meta_block(lang: Lang, at: chrono::DateTime<chrono::Utc>, config: &Config, left_out: &[LeftOut]) -> String {
    let meta = json!({
        "format": "bawaba-bulletin/1",
        "written_at": at.to_rfc3339(),
        "lang": lang.tag(),
        "time_zone": config.time_zone.name(),
        "default_language": config.default_language,
        "languages": config.languages,
        "left_out": left_out.iter().map(|l| json!({"url": l.url, "reason": l.reason})).collect::<Vec<_>>(),
    });
    // "<" escaped, so no text in it can end the block.
    let text = meta.to_string().replace('<', "\\u003c");
    format!("<script type=\"application/json\" class=\"{META_CLASS}\">{text}</script>\n")
}

/// One `<script type="application/json">` block: its attributes and text.
/// The words a reader sees, for saying where two pages differ.
fn words(html: &str) -> Vec<String> {
    let body = html.split_once("<body>").map_or(html, |(_, b)| b);
    let mut text = String::new();
    let mut rest = body;
    while let Some(lt) = rest.find('<') {
        text.push_str(&rest[..lt]);
        text.push(' ');
        let after = &rest[lt..];
        let skip = if after.starts_with("<script") { after.find("</script>").map(|e| e + 9) } else { after.find('>').map(|e| e + 1) };
        let Some(skip) = skip else { break };
        rest = &after[skip..];
    }
    unescape(&text).split_whitespace().map(str::to_owned).collect()
}

/// "…a few words…" around the first place the two differ.
fn first_difference(page: &[String], drawn: &[String]) -> Option<(String, String)> {
    let at = page.iter().zip(drawn).position(|(a, b)| a != b).or_else(|| (page.len() != drawn.len()).then(|| page.len().min(drawn.len())))?;
    let around = |w: &[String]| w[at.saturating_sub(4)..(at + 6).min(w.len())].join(" ");
    Some((around(page), around(drawn)))
}

/// What a check found: the problems, and what passed.
pub struct Checked {
    pub problems: Vec<String>,
    pub passed: Vec<String>,
}

/// Checks a bulletin: every feed, its signature (with `key`), and the
/// readable part against the page drawn again from the feeds.
pub fn check(html: &str, key: Option<&str>) -> Checked {
    let (mut problems, mut passed) = (vec![], vec![]);
    let all = blocks(html);
    let meta = all.iter().find(|b| b.attr("class") == Some(META_CLASS)).and_then(|b| serde_json::from_str::<Value>(&b.text).ok());
    let feeds: Vec<&Block> = all.iter().filter(|b| b.attr("class") == Some(FEED_CLASS)).collect();
    let Some(meta) = meta.filter(|m| m["format"] == "bawaba-bulletin/1") else {
        problems.push("not a bulletin: it has no bawaba-bulletin/1 block (bulletins are the pages bawaba-feed publish writes)".into());
        return Checked { problems, passed };
    };
    let mut sources = vec![];
    for b in &feeds {
        let url = b.attr("data-url").unwrap_or("(a feed without a data-url)").to_owned();
        let bytes = match b.attr("data-encoding") {
            Some("base64") => bawaba_model::detached::decode_base64(b.text.trim()),
            _ => Some(b.text.clone().into_bytes()),
        };
        let Some(bytes) = bytes else {
            problems.push(format!("{url}: its base64 cannot be decoded"));
            continue;
        };
        let feed = match parse_feed(&bytes) {
            Ok(f) => f,
            Err(e) => {
                problems.push(format!("{url}: not a valid feed: {}", describe::feed_error(Lang::En, &e)));
                continue;
            }
        };
        let sig = b.attr("data-sig").map(str::to_owned);
        match (key, &sig) {
            (Some(k), Some(s)) => match signature::verify(&bytes, s, &[k]) {
                Ok(_) => passed.push(format!("{url}: signature verified")),
                Err(_) => problems.push(format!("{url}: signature does NOT verify with the key given: the feed changed or another key signed it")),
            },
            (Some(_), None) => problems.push(format!("{url}: not signed, and a key was given")),
            (None, Some(_)) => passed.push(format!("{url}: signed (not checked: give --pubkey to check it)")),
            (None, None) => passed.push(format!("{url}: not signed")),
        }
        let verified_by = b.attr("data-verified-by").map(str::to_owned);
        sources.push(Source { url, feed: Arc::new(feed), bytes: bytes.into(), sig, verified_by });
    }
    if feeds.is_empty() {
        problems.push("the bulletin carries no feed".into());
    }
    // Drawn again with what the page says it was written with.
    let lang = meta["lang"].as_str().and_then(Lang::from_tag);
    let at = meta["written_at"].as_str().and_then(|t| chrono::DateTime::parse_from_rfc3339(t).ok());
    let tz = meta["time_zone"].as_str().and_then(|t| t.parse::<Tz>().ok());
    let tag = |v: &Value| v.as_str().and_then(Lang::from_tag).map(|l| l.tag());
    let languages: Vec<&'static str> = meta["languages"].as_array().into_iter().flatten().filter_map(tag).collect();
    let (Some(lang), Some(at), Some(tz), Some(default_language)) = (lang, at, tz, tag(&meta["default_language"])) else {
        problems.push("its bawaba-bulletin block is incomplete: the page cannot be drawn again to compare".into());
        return Checked { problems, passed };
    };
    if problems.is_empty() {
        let config = Config {
            site_name: None,
            languages: languages.clone(),
            default_language,
            time_zone: tz,
            feeds: sources.iter().map(|s| s.url.clone()).collect(),
            trusted_keys: vec![],
            timeout_seconds: None,
        };
        let left_out = meta["left_out"]
            .as_array()
            .into_iter()
            .flatten()
            .map(|l| LeftOut { url: l["url"].as_str().unwrap_or("").into(), reason: l["reason"].as_str().unwrap_or("").into() })
            .collect();
        let langs = languages.iter().filter_map(|t| Lang::from_tag(t)).collect();
        let drawn = publish::page(lang, at.with_timezone(&chrono::Utc), &config, sources, left_out, langs);
        if drawn == html {
            passed.push("the readable part is what its feeds say".into());
        } else {
            match first_difference(&words(html), &words(&drawn)) {
                Some((page, feeds)) => {
                    problems.push(format!("the readable part was altered: it reads \"…{page}…\" where its feeds give \"…{feeds}…\""))
                }
                None => problems.push("the page's markup was altered (its words are the feeds', but a link or an attribute is not)".into()),
            }
        }
    }
    Checked { problems, passed }
}

/// `verify PAGE.html [--pubkey KEY|FILE]`: exit 0 when every feed and the
/// readable part check out, 1 when not, 2 when the file cannot be read.
pub fn verify(path: &str, pubkey: Option<&str>) -> ExitCode {
    let html = match std::fs::read(path) {
        Ok(b) => String::from_utf8_lossy(&b).into_owned(),
        Err(e) => {
            eprintln!("{path}: {e}");
            return ExitCode::from(2);
        }
    };
    let key = pubkey.map(|k| std::fs::read_to_string(k).unwrap_or_else(|_| k.to_owned()).trim().to_owned());
    if let Some(k) = &key {
        if signature::public_key(k).is_err() {
            eprintln!("{}: not a public key (32 bytes, base64), nor a file holding one", pubkey.unwrap_or(""));
            return ExitCode::from(2);
        }
    }
    let checked = check(&html, key.as_deref());
    for p in &checked.passed {
        println!("{path}: ok: {p}");
    }
    for p in &checked.problems {
        println!("{path}: REFUSED: {p}");
    }
    if checked.problems.is_empty() {
        println!("{path}: verified");
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_are_what_a_reader_sees() {
        let html = "<head><title>t</title></head><body><h1>Rafah&amp;co</h1><p>Closed<br>now</p><script type=\"application/json\">{\"secret\": 1}</script><p>end</p></body>";
        assert_eq!(words(html), ["Rafah&co", "Closed", "now", "end"]);
        let (a, b) = first_difference(&words("<body>a b c</body>"), &words("<body>a x c</body>")).unwrap();
        assert_eq!((a.as_str(), b.as_str()), ("a b c", "a x c"));
        assert_eq!(first_difference(&words("<body>a b</body>"), &words("<body>a b</body>")), None);
        // Four words before the first difference and five after.
        let page: Vec<String> = (0..30).map(|i| i.to_string()).collect();
        let mut drawn = page.clone();
        drawn[10] = "ten".into();
        let (a, b) = first_difference(&page, &drawn).unwrap();
        assert_eq!((a.as_str(), b.as_str()), ("6 7 8 9 10 11 12 13 14 15", "6 7 8 9 ten 11 12 13 14 15"));
        assert_eq!(first_difference(&words("<body>a b</body>"), &words("<body>a b c</body>")), Some(("a b".to_owned(), "a b c".to_owned())), "one is longer");
    }
}
