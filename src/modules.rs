//! Wasm modules of their own, fetched (from the service worker's cache when
//! offline) only when asked for, so the app shell does not carry them: the
//! posters' QR encoder (crates/qr) and the bulletin writer ("Pass it on",
//! and the check of a received bulletin's text; crates/edition). tools/postbuild.mjs names each in index.html's
//! `<meta name="bawaba-qr">` / `<meta name="bawaba-pass">`. Neither has
//! JavaScript glue: bytes go in through `input`, come out through `output`.

use js_sys::{Function, Reflect, Uint8Array, WebAssembly};
use leptos::prelude::{document, window};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

struct Module(JsValue);

impl Module {
    async fn load(meta: &str) -> Option<Module> {
        let url = document().query_selector(&format!("meta[name=bawaba-{meta}]")).ok()??.get_attribute("content")?;
        let fetched = window().fetch_with_str(&url);
        let made = JsFuture::from(WebAssembly::instantiate_streaming(&fetched, &js_sys::Object::new())).await.ok()?;
        Some(Module(Reflect::get(&Reflect::get(&made, &"instance".into()).ok()?, &"exports".into()).ok()?))
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

    /// Copies `bytes` into the module's input buffer (`input(len)`; the QR
    /// encoder's has a fixed size and takes no length).
    fn put(&self, bytes: &[u8]) -> Option<()> {
        self.view(self.call("input", Some(bytes.len()))?, bytes.len() as u32)?.copy_from(bytes);
        Some(())
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
    let m = Module::load("qr").await?;
    m.put(text.as_bytes())?;
    let len = m.call("encode", Some(text.len()))?;
    let out = m.view(m.call("output", None)?, len)?.to_vec();
    let (side, path) = std::str::from_utf8(&out).ok()?.split_once(' ')?;
    Some((side.parse().ok()?, path.to_owned()))
}

/// Whether a received bulletin's readable part was altered (its text is
/// not what its feeds say); None when the writer module is missing or the
/// page cannot be drawn again.
pub async fn page_altered(html: &str) -> Option<bool> {
    let m = Module::load("pass").await?;
    m.put(html.as_bytes())?;
    match m.call("check_page", None)? {
        0 => Some(false),
        1 => Some(true),
        _ => None,
    }
}

/// A bulletin written from `input` (crates/edition's `pass` format), as a
/// view of the module's memory; None when the module is missing or did not
/// understand the input.
pub async fn bulletin(input: &[u8]) -> Option<Uint8Array> {
    let m = Module::load("pass").await?;
    m.put(input)?;
    let len = m.call("write_bulletin", None).filter(|&l| l > 0)?;
    m.view(m.call("output", None)?, len)
}
