//! "Pass it on": a bulletin written on the phone, offline, from the copies
//! it keeps (each feed's exact bytes and signature), by crates/edition's
//! wasm, the code `bawaba-feed publish` writes its pages with. Offered
//! through the phone's share sheet where it takes files, and as a file to
//! save.

use crate::state::Portal;
use leptos::prelude::*;
use chrono::{DateTime, Datelike, Utc};
use js_sys::{Array, Reflect};
use wasm_bindgen::{JsCast, JsValue};

/// A bulletin ready to pass on: its file name (`bawaba-2026-11-24-ar.html`;
/// `bawaba-demo-…` for demo data),
/// size in bytes, and an object URL of it for "Save the file".
#[derive(Clone, PartialEq)]
pub struct Ready {
    pub name: String,
    pub bytes: u64,
    pub url: String,
}

thread_local! {
    /// The last file written, for the share sheet (a browser object, so kept
    /// here rather than in a signal).
    static FILE: std::cell::RefCell<Option<web_sys::File>> = const { std::cell::RefCell::new(None) };
}

/// The writer's input (crates/edition/src/pass.rs): how to write, then each
/// feed of the deployment, kept or left out; None when the phone keeps no
/// copy of any.
async fn input(p: &Portal, at: DateTime<Utc>) -> Option<Vec<u8>> {
    let lang = p.lang.get_untracked();
    let config = &p.config;
    let mut head = format!("bawaba-pass/1\n{}\t{}\t{}\t{}", lang.tag(), at.timestamp_millis(), config.time_zone.name(), config.default_language);
    for l in &config.languages {
        head.push('\t');
        head.push_str(l);
    }
    head.push('\n');
    let mut out = head.into_bytes();
    let mut kept_any = false;
    for slot in p.feeds.iter() {
        match crate::store::kept(&slot.url).await {
            Some((bytes, sig)) => {
                kept_any = true;
                let verified_by = slot.state.with_untracked(|st| st.verified_by.clone());
                let field = |f: Option<String>| f.map(|s| s.trim().to_owned()).unwrap_or_else(|| "-".into());
                out.extend(format!("F\t{}\t{}\t{}\t{}\n", slot.url, field(sig), field(verified_by), bytes.len()).bytes());
                out.extend(bytes);
            }
            None => out.extend(format!("L\t{}\n", slot.url).bytes()),
        }
    }
    kept_any.then_some(out)
}

/// Writes the bulletin in the reader's language; None when the writer is
/// missing (an old cache) or the phone keeps no feed.
pub async fn write(p: &Portal) -> Option<Ready> {
    // One time for the page and its file name.
    let at = p.current_time();
    let html = crate::modules::bulletin(&input(p, at).await?).await?;
    let day = at.with_timezone(&p.tz()).date_naive();
    // Demo data is labelled in the file's name too, not only inside it.
    let demo = if p.demo.get_untracked() { "demo-" } else { "" };
    let name = format!("bawaba-{demo}{}-{:02}-{:02}-{}.html", day.year(), day.month(), day.day(), p.lang.get_untracked().tag());
    let options = web_sys::FilePropertyBag::new();
    options.set_type("text/html");
    let file = web_sys::File::new_with_u8_array_sequence_and_options(&Array::of1(&html), &name, &options).ok()?;
    let url = web_sys::Url::create_object_url_with_blob(&file).ok()?;
    let bytes = file.size() as u64;
    FILE.with_borrow_mut(|f| *f = Some(file));
    Some(Ready { name, bytes, url })
}

/// Lets go of a written file's URL.
pub fn release(ready: &Ready) {
    let _ = web_sys::Url::revoke_object_url(&ready.url);
}

/// What the share sheet takes for the last file written, where this
/// browser can share that file (Android's Chrome can; many desktops
/// cannot share files at all).
fn shareable() -> Option<(JsValue, js_sys::Object)> {
    let navigator: JsValue = window().navigator().into();
    let data = js_sys::Object::new();
    let file = FILE.with_borrow(|f| f.clone())?;
    Reflect::set(&data, &"files".into(), &Array::of1(&file)).ok()?;
    let can: js_sys::Function = Reflect::get(&navigator, &"canShare".into()).ok()?.dyn_into().ok()?;
    can.call1(&navigator, &data).ok()?.as_bool().filter(|&b| b)?;
    Some((navigator, data))
}

/// The phone's share sheet with the last file written; None where it
/// cannot take it.
pub fn share() -> Option<js_sys::Promise> {
    let (navigator, data) = shareable()?;
    let share: js_sys::Function = Reflect::get(&navigator, &"share".into()).ok()?.dyn_into().ok()?;
    share.call1(&navigator, &data).ok()?.dyn_into().ok()
}

/// Whether to offer "Share…" for the last file written.
pub fn can_share() -> bool {
    shareable().is_some()
}
