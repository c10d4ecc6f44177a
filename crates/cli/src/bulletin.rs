//! A bulletin is a page `publish` wrote (`static/<lang>.html`): readable
//! without script, carrying its feeds byte for byte (with their signatures)
//! and what it was written with. `bawaba-feed verify PAGE.html [--pubkey K]`
//! checks what circulates from phone to phone: each feed as the portal
//! checks a fetched one, its signature against a key the coordinator trusts,
//! and the readable part against the same page drawn again from the feeds,
//! since someone may edit "Rafah crossing: closed" to "open" and leave the
//! signed data as it was. Format: docs/feed-format.md, "Bulletins".

use bawaba_edition::{altered, source_of, Altered, Unreadable, Written, META_CLASS};
use bawaba_model::bulletin::{blocks, Block};
use bawaba_model::signature;
use bawaba_edition::page::FEED_BLOCK_CLASS;
use bawaba_ui::i18n::{describe, Lang};
use serde_json::Value;
use std::process::ExitCode;

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
    let feeds: Vec<&Block> = all.iter().filter(|b| b.attr("class") == Some(FEED_BLOCK_CLASS)).collect();
    let Some(meta) = meta.filter(|m| m["format"] == "bawaba-bulletin/1") else {
        problems.push("not a bulletin: it has no bawaba-bulletin/1 block (bulletins are the pages bawaba-feed publish writes)".into());
        return Checked { problems, passed };
    };
    let mut sources = vec![];
    for b in &feeds {
        let url = b.attr("data-url").unwrap_or("(a feed without a data-url)").to_owned();
        let source = match source_of(b) {
            Ok(s) => s,
            Err(Unreadable::Base64) => {
                problems.push(format!("{url}: its base64 cannot be decoded"));
                continue;
            }
            Err(Unreadable::Feed(e)) => {
                problems.push(format!("{url}: not a valid feed: {}", describe::feed_error(Lang::En, &e)));
                continue;
            }
        };
        match (key, &source.sig) {
            (Some(k), Some(s)) => match signature::verify(&source.bytes, s, &[k]) {
                Ok(_) => passed.push(format!("{url}: signature verified")),
                Err(_) => problems.push(format!("{url}: signature does NOT verify with the key given: the feed changed or another key signed it")),
            },
            (Some(_), None) => problems.push(format!("{url}: not signed, and a key was given")),
            (None, Some(_)) => passed.push(format!("{url}: signed (not checked: give --pubkey to check it)")),
            (None, None) => passed.push(format!("{url}: not signed")),
        }
        sources.push(source);
    }
    if feeds.is_empty() {
        problems.push("the bulletin carries no feed".into());
    }
    // Drawn again with what the page says it was written with.
    let Some(w) = Written::from_meta(&meta) else {
        problems.push("its bawaba-bulletin block is incomplete: the page cannot be drawn again to compare".into());
        return Checked { problems, passed };
    };
    if problems.is_empty() {
        match altered(html, &w, sources) {
            None => passed.push("the readable part is what its feeds say".into()),
            Some(Altered::Words(page, feeds)) => {
                problems.push(format!("the readable part was altered: it reads \"…{page}…\" where its feeds give \"…{feeds}…\""))
            }
            Some(Altered::Markup) => problems.push("the page's markup was altered (its words are the feeds', but a link or an attribute is not)".into()),
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
