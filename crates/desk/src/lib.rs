//! The publisher's desk: what `bawaba-feed import` does, in a coordinator's
//! browser. The page (public/desk.html, desk.js) hands this module a file's
//! bytes and gets back, as JSON, the feed `import` would write and every
//! problem it would print, in the coordinator's language, by the same code
//! (`Sheet::convert`, `say.rs`): never a second implementation.
//!
//! Calls (crates/module): `import` reads a request line then the file,
//! `words` the page's own sentences for one language.

use bawaba_feed::args::{kind, GAZA};
use bawaba_feed::commands::import::{Imported, Sheet};
use bawaba_feed::sheet::read::read_bytes;
use bawaba_ui::i18n::Lang;
use chrono::{DateTime, SecondsFormat, Utc};
use serde_json::{json, Value};

pub mod words;

// A sheet at the import's size limit and the request line before it.
bawaba_module::exports!(bawaba_feed::sheet::limits::MAX_FILE_BYTES as usize + 4096);

/// What the page asks: `{"lang", "name", "kind", "now", "id"?, "publisher"?,
/// "at"?, "demo"?}`, a newline, then the file's bytes. `now` is the
/// computer's clock (a wasm of its own has none).
pub fn import_request(input: &[u8]) -> Value {
    let (head, file) = match input.iter().position(|b| *b == b'\n') {
        Some(n) => (&input[..n], &input[n + 1..]),
        None => (input, &[][..]),
    };
    let ask: Value = serde_json::from_slice(head).unwrap_or(Value::Null);
    let s = |k: &str| ask.get(k).and_then(Value::as_str);
    let lang = s("lang").and_then(Lang::from_tag).unwrap_or(Lang::Ar);
    let name = s("name").unwrap_or("sheet.csv");
    let now = s("now").and_then(|t| DateTime::parse_from_rfc3339(t).ok()).map(|t| t.with_timezone(&Utc)).unwrap_or_default();
    let Some(kind) = s("kind").and_then(kind) else { return json!({"read": false, "text": "kind"}) };
    let published = s("at").map(str::to_owned).unwrap_or_else(|| now.with_timezone(&GAZA).to_rfc3339_opts(SecondsFormat::Secs, false));
    let grid = match read_bytes(name, file) {
        Ok(g) => g,
        Err(e) => return json!({"read": false, "text": e.text(lang), "hint": e.hint(lang)}),
    };
    let sheet = Sheet { name, kind, id: s("id"), publisher: s("publisher"), published, demo: ask.get("demo").and_then(Value::as_bool).unwrap_or(false) };
    answer_json(lang, sheet.convert(&grid, now))
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
