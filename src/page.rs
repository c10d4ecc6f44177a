//! The document around the app: its language and direction, where focus
//! goes, the published first screen giving way, the service worker.

use crate::i18n::Lang;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

pub fn set_lang(lang: Lang) {
    if let Some(html) = document().document_element() {
        let _ = html.set_attribute("lang", lang.tag());
        let _ = html.set_attribute("dir", lang.dir());
    }
}

fn focus(id: &str) {
    if let Some(el) = document().get_element_by_id(id) {
        let _ = el.unchecked_ref::<web_sys::HtmlElement>().focus();
    }
}

/// Puts focus (and a screen reader) on the view's heading. The new view may
/// not be drawn by the next frame, so the heading focused first can be the
/// old one on its way out: for a second, focus lost that way goes to the
/// heading then on the page. Focus the reader moved elsewhere is left alone.
pub fn focus_title(first: bool, frames: u8) {
    request_animation_frame(move || {
        let doc = document();
        let lost = doc.active_element().is_none_or(|a| !a.is_connected() || doc.body().is_some_and(|b| *b == a));
        if first || lost {
            focus("view-title");
        }
        if frames > 0 {
            focus_title(false, frames - 1);
        }
    });
}

/// The overview as published (#boot, written into index.html by
/// `bawaba-feed publish`) gives way to the app once the app has drawn its
/// own data. Both change in the same frame, so nothing that stays on screen
/// moves; a reader who had focused a link in the snapshot is put on the
/// app's content rather than left on nothing.
pub fn take_over() {
    let doc = document();
    let Some(boot) = doc.get_element_by_id("boot") else { return };
    let focused = boot.matches(":focus-within").unwrap_or(false);
    boot.remove();
    if let Some(app) = doc.get_element_by_id("app") {
        let _ = app.remove_attribute("hidden");
    }
    if focused {
        focus("main");
    }
}

/// The service worker (public/sw.js) keeps the app shell for offline use.
/// Its address is relative, so its scope is wherever the portal is deployed.
pub fn register_service_worker() {
    let navigator = window().navigator();
    let supported = js_sys::Reflect::has(&navigator, &"serviceWorker".into()).unwrap_or(false);
    if supported && window().is_secure_context() {
        let _ = navigator.service_worker().register("sw.js");
    }
}
