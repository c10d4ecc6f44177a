//! The publisher's desk: what `bawaba-feed import` does, in a coordinator's
//! browser. The page (public/desk.html, desk.js) hands this module a file's
//! bytes and gets back, as JSON, the feed `import` would write and every
//! problem it would print, in the coordinator's language, by the same code
//! (`Sheet::convert`, `say.rs`): never a second implementation.
//!
//! Calls (crates/module): `import` reads a request line then the file,
//! `publish` the deployment's files with the new feed to a zip of what
//! `bawaba-feed publish` writes, `export` a feed's bytes to the csv `export` writes, `sign` a request line (the key file's text in it) then the feed, `keygen`
//! 32 random bytes from the page, `words` the page's own sentences for one
//! language. The key is only ever in this page's memory: never sent, never
//! stored.

use bawaba_feed::args::{kind, GAZA};
use bawaba_feed::commands::import::{Imported, Sheet};
use bawaba_feed::commands::{keygen::key_files, sign::signature_file};
use bawaba_feed::sheet::read::read_bytes;
use bawaba_ui::i18n::Lang;
#[cfg(test)]
use bawaba_feed::say::Say;
use chrono::{DateTime, SecondsFormat, Utc};
use serde_json::{json, Value};

pub mod publish;
pub mod words;

// A sheet at the import's size limit fits; a publish takes the deployment's feeds together: ten of the contract's
// largest would pass the sheet's limit.
bawaba_module::exports!(96 * 1024 * 1024);

/// What the page asks: `{"lang", "name", "kind", "now", "id"?, "publisher"?,
/// "at"?, "demo"?}`, a newline, then the file's bytes. `now` is the
/// computer's clock (a wasm of its own has none).
pub fn import_request(input: &[u8]) -> Value {
    let (ask, file) = split(input);
    let s = |k: &str| ask.get(k).and_then(Value::as_str);
    let lang = s("lang").and_then(Lang::from_tag).unwrap_or(Lang::Ar);
    let name = s("name").unwrap_or("sheet.csv");
    let now = s("now").and_then(|t| DateTime::parse_from_rfc3339(t).ok()).map(|t| t.with_timezone(&Utc)).unwrap_or_default();
    // A feed already written (JSON): checked as `validate` checks it, and
    // handed back as it is, to be signed.
    if name.to_ascii_lowercase().ends_with(".json") {
        return checked_feed(lang, name, file, now);
    }
    let Some(kind) = s("kind").and_then(kind) else { return json!({"read": false, "text": "kind"}) };
    let published = s("at").map(str::to_owned).unwrap_or_else(|| now.with_timezone(&GAZA).to_rfc3339_opts(SecondsFormat::Secs, false));
    let grid = match read_bytes(name, file) {
        Ok(g) => g,
        Err(e) => return json!({"read": false, "text": e.text(lang), "hint": e.hint(lang)}),
    };
    let sheet = Sheet { name, kind, id: s("id"), publisher: s("publisher"), published, demo: ask.get("demo").and_then(Value::as_bool).unwrap_or(false) };
    answer_json(lang, sheet.convert(&grid, now))
}

fn checked_feed(lang: Lang, name: &str, bytes: &[u8], now: DateTime<Utc>) -> Value {
    let report = bawaba_feed::check::check(name, bytes, now);
    let place = |f: &bawaba_feed::check::Finding| {
        let path = if f.path.is_empty() { String::new() } else { format!(" {}", f.path) };
        format!("{name}:{}:{}{path}", f.line, f.column)
    };
    let mut found: Vec<Value> = vec![];
    for (error, list) in [(true, &report.errors), (false, &report.warnings)] {
        found.extend(list.iter().map(|f| json!({"at": place(f), "error": error, "text": f.say.text(lang), "hint": f.say.hint(lang)})));
    }
    let errors = report.errors.len();
    let items = bawaba_model::parse_feed(bytes).map(|f| f.items.len()).unwrap_or(0);
    let feed = (errors == 0).then(|| String::from_utf8_lossy(bytes).into_owned());
    json!({"read": true, "items": items, "errors": errors, "found": found, "feed": feed})
}

fn answer_json(lang: Lang, imported: Imported) -> Value {
    let found: Vec<Value> = imported
        .found
        .iter()
        .map(|f| json!({"at": f.at, "error": f.error, "text": f.say.text(lang), "hint": f.say.hint(lang)}))
        .collect();
    // Nothing is handed out while a problem stands, as the command writes nothing.
    let feed = (imported.errors == 0).then_some(imported.feed);
    json!({"read": true, "items": imported.items, "errors": imported.errors, "found": found, "feed": feed})
}

/// The line before the bytes, and the bytes.
fn split(input: &[u8]) -> (Value, &[u8]) {
    match input.iter().position(|b| *b == b'\n') {
        Some(n) => (serde_json::from_slice(&input[..n]).unwrap_or(Value::Null), &input[n + 1..]),
        None => (Value::Null, input),
    }
}

/// `{"lang", "key", "trusted"?}`, a newline, then the feed's bytes: its
/// `.sig` as `sign` writes it, its public key, and whether the deployment
/// trusts that key (null when the page could not read its config.json).
pub fn sign_request(input: &[u8]) -> Value {
    let (ask, feed) = split(input);
    let lang = ask.get("lang").and_then(Value::as_str).and_then(Lang::from_tag).unwrap_or(Lang::Ar);
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
