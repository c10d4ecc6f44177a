//! The publisher's desk: what `bawaba-feed import` does, in a coordinator's
//! browser. The page (public/desk.html, desk.js) hands this module a file's
//! bytes and gets back, as JSON, the feed `import` would write and every
//! problem it would print, in the coordinator's language, by the same code
//! (`Sheet::convert`, `say.rs`): never a second implementation.
//!
//! Calls (crates/module): `import` reads a request line then the file,
//! `publish` the deployment's files with the new feed to a zip of what
//! `bawaba-feed publish` writes, `export` a feed's bytes to the csv `export`
//! writes, `sign` a request line (the key file's text in it) then the feed,
//! `keygen` 32 random bytes from the page, `words` the page's own sentences
//! for one language. The key is only ever in this page's memory: never sent,
//! never stored.

use bawaba_feed::args::{kind, GAZA};
use bawaba_feed::commands::import::Sheet;
use bawaba_feed::commands::{keygen::key_files, sign::signature_file};
use bawaba_feed::say::Say;
use bawaba_feed::sheet::read::read_bytes;
use bawaba_model::FeedError;
use bawaba_ui::i18n::Lang;
use chrono::{DateTime, SecondsFormat, Utc};
use serde_json::{json, Value};

pub mod publish;
pub mod words;

// A sheet at the import's size limit fits; a publish takes the deployment's
// feeds together: ten of the contract's largest would pass the sheet's limit.
bawaba_module::exports!(96 * 1024 * 1024);

/// What the page asks: `{"lang", "name", "kind", "now", "id"?, "publisher"?,
/// "at"?, "demo"?}`, a newline, then the file's bytes. `now` is the
/// computer's clock (a wasm of its own has none).
pub fn import_request(input: &[u8]) -> Value {
    let (ask, file) = split(input);
    let s = |k: &str| ask.get(k).and_then(Value::as_str);
    let (lang, now) = (lang_of(&ask), now_of(&ask));
    let name = s("name").unwrap_or("sheet.csv");
    // A feed already written (JSON): checked as `validate` checks it, and
    // handed back as it is, to be signed.
    if name.to_ascii_lowercase().ends_with(".json") {
        let report = bawaba_feed::check::check(name, file, now);
        let place = |f: &bawaba_feed::check::Finding| {
            let path = if f.path.is_empty() { String::new() } else { format!(" {}", f.path) };
            format!("{name}:{}:{}{path}", f.line, f.column)
        };
        let found = [(true, &report.errors), (false, &report.warnings)].into_iter().flat_map(|(error, list)| list.iter().map(move |f| (place(f), error, &f.say)));
        return said(lang, report.items, found, report.errors.is_empty().then(|| String::from_utf8_lossy(file).into_owned()));
    }
    let Some(kind) = s("kind").and_then(kind) else { return unreadable(lang, &Say::Feed(FeedError::MissingKind)) };
    let published = s("at").map(str::to_owned).unwrap_or_else(|| now.with_timezone(&GAZA).to_rfc3339_opts(SecondsFormat::Secs, false));
    let grid = match read_bytes(name, file) {
        Ok(g) => g,
        Err(e) => return unreadable(lang, &e),
    };
    let sheet = Sheet { name, kind, id: s("id"), publisher: s("publisher"), published, demo: ask.get("demo").and_then(Value::as_bool).unwrap_or(false) };
    let imported = sheet.convert(&grid, now);
    // Nothing is handed out while a problem stands, as the command writes nothing.
    let feed = (imported.errors == 0).then_some(imported.feed);
    said(lang, imported.items, imported.found.iter().map(|f| (f.at.clone(), f.error, &f.say)), feed)
}

/// What the desk says of a file it read: the items, each finding (where,
/// whether it is an error, what) in `lang`, and the feed when no error
/// stands.
fn said<'a>(lang: Lang, items: usize, found: impl Iterator<Item = (String, bool, &'a Say)>, feed: Option<String>) -> Value {
    let found: Vec<Value> = found.map(|(at, error, say)| json!({"at": at, "error": error, "text": say.text(lang), "hint": say.hint(lang)})).collect();
    let errors = found.iter().filter(|f| f["error"] == json!(true)).count();
    json!({"read": true, "items": items, "errors": errors, "found": found, "feed": feed})
}

/// A file the desk could not read as a sheet or a feed.
fn unreadable(lang: Lang, why: &Say) -> Value {
    json!({"read": false, "text": why.text(lang), "hint": why.hint(lang)})
}

/// The line before the bytes, and the bytes.
pub(crate) fn split(input: &[u8]) -> (Value, &[u8]) {
    match input.iter().position(|b| *b == b'\n') {
        Some(n) => (serde_json::from_slice(&input[..n]).unwrap_or(Value::Null), &input[n + 1..]),
        None => (Value::Null, input),
    }
}

/// The coordinator's language in a request line (Arabic when it names none).
pub(crate) fn lang_of(ask: &Value) -> Lang {
    ask.get("lang").and_then(Value::as_str).and_then(Lang::from_tag).unwrap_or(Lang::Ar)
}

/// The computer's clock in a request line.
pub(crate) fn now_of(ask: &Value) -> DateTime<Utc> {
    ask.get("now").and_then(Value::as_str).and_then(|t| DateTime::parse_from_rfc3339(t).ok()).map(|t| t.with_timezone(&Utc)).unwrap_or_default()
}

/// `{"lang", "key", "trusted"?}`, a newline, then the feed's bytes: its
/// `.sig` as `sign` writes it, its public key, and whether the deployment
/// trusts that key (null when the page could not read its config.json).
pub fn sign_request(input: &[u8]) -> Value {
    let (ask, feed) = split(input);
    let lang = lang_of(&ask);
    let key = ask.get("key").and_then(Value::as_str).unwrap_or("");
    match signature_file(feed, key) {
        Ok((sig, public)) => {
            let trusted = ask.get("trusted").and_then(Value::as_array).map(|keys| keys.iter().any(|k| k.as_str().map(str::trim) == Some(public.as_str())));
            json!({"signed": true, "sig": sig, "public": public, "trusted": trusted})
        }
        Err(e) => json!({"signed": false, "text": e.text(lang)}),
    }
}

/// A new key's two files from the page's 32 random bytes, as `keygen`
/// writes them.
pub fn keygen_request(input: &[u8]) -> Value {
    match <[u8; 32]>::try_from(input).ok().and_then(|seed| key_files(&seed)) {
        Some((secret, public)) => json!({"secret": secret + "\n", "public": public}),
        None => Value::Null,
    }
}

/// A feed the desk has passed, as the csv `export --to csv` writes (the
/// xlsx writer asks the system clock, which a wasm of its own has not).
pub fn export_request(feed: &[u8]) -> Vec<u8> {
    match bawaba_model::parse_feed(feed) {
        Ok(parsed) => bawaba_feed::sheet::write::csv_bytes(&bawaba_feed::commands::export::sheet_rows(feed, &parsed)).unwrap_or_default(),
        Err(_) => vec![],
    }
}

#[cfg(target_arch = "wasm32")]
#[no_mangle]
pub extern "C" fn publish() -> usize {
    answer(publish::request(input_bytes()))
}

#[cfg(target_arch = "wasm32")]
#[no_mangle]
pub extern "C" fn export() -> usize {
    answer(export_request(input_bytes()))
}

#[cfg(target_arch = "wasm32")]
#[no_mangle]
pub extern "C" fn sign() -> usize {
    answer(sign_request(input_bytes()).to_string().into_bytes())
}

#[cfg(target_arch = "wasm32")]
#[no_mangle]
pub extern "C" fn keygen() -> usize {
    answer(keygen_request(input_bytes()).to_string().into_bytes())
}

#[cfg(target_arch = "wasm32")]
#[no_mangle]
pub extern "C" fn import() -> usize {
    answer(import_request(input_bytes()).to_string().into_bytes())
}

/// The page's sentences in the language named by the input ("ar"), as JSON.
#[cfg(target_arch = "wasm32")]
#[no_mangle]
pub extern "C" fn words() -> usize {
    let lang = std::str::from_utf8(input_bytes()).ok().and_then(Lang::from_tag).unwrap_or(Lang::Ar);
    answer(words::page(lang).to_string().into_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_feed_is_checked_as_validate_checks_it_and_handed_back_unchanged() {
        let good = std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/../../public/data/distribution.json")).unwrap();
        let ask = |bytes: &[u8]| {
            let mut r = br#"{"lang":"ar","name":"distribution.json","now":"2026-11-24T08:00:00Z"}"#.to_vec();
            r.push(b'\n');
            r.extend_from_slice(bytes);
            import_request(&r)
        };
        let said = ask(&good);
        assert_eq!(said["errors"], json!(0));
        assert_eq!(said["feed"].as_str().map(str::as_bytes), Some(&good[..]), "the very bytes, to be signed");
        assert!(said["found"].as_array().unwrap().iter().any(|f| f["text"] == json!(Say::Demo.text(Lang::Ar))), "the demo feed is warned as demo");
        let bad = String::from_utf8(good).unwrap().replacen("\"status\": \"open\"", "\"status\": 5", 1);
        let said = ask(bad.as_bytes());
        assert_eq!(said["feed"], Value::Null, "nothing handed back while an error stands");
        let at = said["found"][0]["at"].as_str().unwrap();
        assert!(at.starts_with("distribution.json:") && at.ends_with(".status"), "{at}");
    }

    #[test]
    fn a_key_made_here_signs_what_verifies_and_says_whether_the_portal_trusts_it() {
        let made = keygen_request(&[7; 32]);
        let (secret, public) = (made["secret"].as_str().unwrap(), made["public"].as_str().unwrap());
        let request = |trusted: Value| {
            let mut r = serde_json::to_vec(&json!({"lang": "en", "key": secret, "trusted": trusted})).unwrap();
            r.push(b'\n');
            r.extend_from_slice(b"{}");
            sign_request(&r)
        };
        let signed = request(json!([public.trim()]));
        assert_eq!(signed["trusted"], json!(true));
        assert_eq!(signed["public"].as_str(), Some(public.trim()));
        let sig = signed["sig"].as_str().unwrap();
        assert_eq!(bawaba_model::signature::verify(b"{}", sig, &[public.trim()]), Ok(0));
        assert_eq!(request(json!(["AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA="]))["trusted"], json!(false));
        assert_eq!(request(Value::Null)["trusted"], Value::Null, "the portal's keys unknown");
        assert_eq!(keygen_request(&[7; 31]), Value::Null, "32 random bytes or no key");
        let not_a_key = sign_request(b"{\"lang\":\"ar\",\"key\":\"hello\"}\n{}");
        assert_eq!(not_a_key["signed"], json!(false));
        assert_eq!(not_a_key["text"], json!(Say::NotAKey.text(Lang::Ar)));
    }
}
