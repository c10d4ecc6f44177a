//! QR codes for posters, from the separate bawaba-qr wasm: fetched (from the
//! service worker's cache when offline) only when a poster is drawn, so the
//! app shell does not carry the encoder. tools/postbuild.mjs names the
//! module in index.html's `<meta name="bawaba-qr">`.

use js_sys::{Function, Reflect, Uint8Array, WebAssembly};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

fn export(exports: &JsValue, name: &str) -> Option<Function> {
    Reflect::get(exports, &name.into()).ok()?.dyn_into().ok()
}

/// The QR code of `text` as (side, path), or None when the module is
/// missing or the text cannot be encoded: the poster then shows the link
/// as text only.
pub async fn qr(text: &str) -> Option<(usize, String)> {
    let url = document().query_selector("meta[name=bawaba-qr]").ok()??.get_attribute("content")?;
    let fetched = window().fetch_with_str(&url);
    let made = JsFuture::from(WebAssembly::instantiate_streaming(&fetched, &js_sys::Object::new())).await.ok()?;
    let exports = Reflect::get(&Reflect::get(&made, &"instance".into()).ok()?, &"exports".into()).ok()?;
    let memory = || Reflect::get(&exports, &"memory".into()).ok().and_then(|m| Reflect::get(&m, &"buffer".into()).ok());
    let input = export(&exports, "input")?.call0(&JsValue::NULL).ok()?.as_f64()? as u32;
    let bytes = text.as_bytes();
    Uint8Array::new_with_byte_offset_and_length(&memory()?, input, bytes.len() as u32).copy_from(bytes);
    let len = export(&exports, "encode")?.call1(&JsValue::NULL, &bytes.len().into()).ok()?.as_f64()? as u32;
    let output = export(&exports, "output")?.call0(&JsValue::NULL).ok()?.as_f64()? as u32;
    let out = Uint8Array::new_with_byte_offset_and_length(&memory()?, output, len).to_vec();
    let (side, path) = std::str::from_utf8(&out).ok()?.split_once(' ')?;
    Some((side.parse().ok()?, path.to_owned()))
}

use leptos::prelude::{document, window};
