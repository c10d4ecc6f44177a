//! Wasm modules of their own, fetched (from the service worker's cache when
//! offline) only when asked for, so the app shell does not carry them: the
//! posters' QR encoder (crates/qr) and the bulletin writer ("Pass it on",
//! and the check of a received bulletin's text; crates/edition).
//! tools/postbuild.mjs names each in index.html's `<meta name="bawaba-qr">`
//! / `<meta name="bawaba-pass">`. Both have the one interface of
//! crates/module: bytes in through `input(len)`, a call, bytes out through
//! `output()`.

use js_sys::{Function, Reflect, Uint8Array, WebAssembly};
use leptos::prelude::{document, window};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

struct Module(JsValue);

/// The `<meta name="bawaba-{meta}">` tag that names a module.
fn meta(name: &str) -> Option<web_sys::Element> {
    document().query_selector(&format!("meta[name=bawaba-{name}]")).ok()?
}

/// Whether a module works with no connection on this phone (the service
/// worker keeps it), with its size to download in KB when it does not;
/// None where nothing can be kept for later (no worker runs this page).
pub async fn offline(name: &str) -> Option<(bool, String)> {
    let m = meta(name)?;
    let url = m.get_attribute("content")?;
    let worker = Reflect::get(&window().navigator(), &"serviceWorker".into()).ok()?;
    Reflect::get(&worker, &"controller".into()).ok().filter(JsValue::is_object)?;
    let kept = JsFuture::from(window().caches().ok()?.match_with_str(&url)).await.ok()?;
    Some((kept.is_object(), m.get_attribute("data-kb").unwrap_or_default()))
}

/// Runs `f` when a service worker takes this page over (on a first
/// visit, a few seconds after the app is live).
pub fn when_controlled(f: impl FnOnce() + 'static) {
    let Ok(worker) = Reflect::get(&window().navigator(), &"serviceWorker".into()) else { return };
    if worker.is_object() {
        let f = wasm_bindgen::closure::Closure::once_into_js(f);
        let _ = worker.unchecked_into::<web_sys::EventTarget>().add_event_listener_with_callback("controllerchange", f.unchecked_ref());
    }
}

/// Fetches a module now, through the service worker, which keeps it.
pub async fn keep(name: &str) {
    if let Some(url) = meta(name).and_then(|m| m.get_attribute("content")) {
        let _ = JsFuture::from(window().fetch_with_str(&url)).await;
    }
}

impl Module {
    /// The module `<meta name="bawaba-{meta}">` names, with `bytes` put in;
    /// None when it is missing or refuses that much input.
    async fn with_input(meta: &str, bytes: &[u8]) -> Option<Module> {
        let url = self::meta(meta)?.get_attribute("content")?;
        let fetched = window().fetch_with_str(&url);
        let made = JsFuture::from(WebAssembly::instantiate_streaming(&fetched, &js_sys::Object::new())).await.ok()?;
        let m = Module(Reflect::get(&Reflect::get(&made, &"instance".into()).ok()?, &"exports".into()).ok()?);
        let at = m.call("input", Some(bytes.len())).filter(|&at| at != 0)?;
        m.view(at, bytes.len() as u32)?.copy_from(bytes);
        Some(m)
    }

    /// Calls an export that takes and returns a number.
    fn call(&self, name: &str, arg: Option<usize>) -> Option<u32> {
        let f: Function = Reflect::get(&self.0, &name.into()).ok()?.dyn_into().ok()?;
        let out = match arg {
            Some(a) => f.call1(&JsValue::NULL, &a.into()),
            None => f.call0(&JsValue::NULL),
        };
        Some(out.ok()?.as_f64()? as u32)
    }

    /// What a call answered: `len` bytes from `output()`, as a view of the
    /// module's memory (a bulletin goes to a file without a copy here).
    fn answer(&self, len: u32) -> Option<Uint8Array> {
        self.view(self.call("output", None)?, len)
    }

    /// `len` bytes of the module's memory from `at` (read after each call:
    /// the memory may have grown).
    fn view(&self, at: u32, len: u32) -> Option<Uint8Array> {
        let buffer = Reflect::get(&Reflect::get(&self.0, &"memory".into()).ok()?, &"buffer".into()).ok()?;
        Some(Uint8Array::new_with_byte_offset_and_length(&buffer, at, len))
    }
}

/// The QR code of `text` as (side, path), or None when the module is
/// missing or the text cannot be encoded: the poster then shows the link
/// as text only.
pub async fn qr(text: &str) -> Option<(usize, String)> {
    let m = Module::with_input("qr", text.as_bytes()).await?;
    let len = m.call("encode", None)?;
    let out = m.answer(len)?.to_vec();
    let (side, path) = std::str::from_utf8(&out).ok()?.split_once(' ')?;
    Some((side.parse().ok()?, path.to_owned()))
}

/// Whether a received bulletin's readable part was altered (its text is
/// not what its feeds say); None when the writer module is missing or the
/// page cannot be drawn again.
pub async fn page_altered(html: &str) -> Option<bool> {
    let m = Module::with_input("pass", html.as_bytes()).await?;
    match m.call("check_page", None)? {
        0 => Some(false),
        1 => Some(true),
        _ => None,
    }
}

/// A bulletin written from `input` (crates/edition's `pass` format); None
/// when the module is missing or did not understand the input.
pub async fn bulletin(input: &[u8]) -> Option<Uint8Array> {
    let m = Module::with_input("pass", input).await?;
    let len = m.call("write_bulletin", None).filter(|&l| l > 0)?;
    m.answer(len)
}
