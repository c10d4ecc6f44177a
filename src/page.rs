//! The document around the app: its language and direction, where focus
//! goes, the published first screen giving way (after which fallback.js
//! registers the service worker).

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
/// app's content rather than left on nothing. `#app[data-live]` then tells
/// fallback.js that the service worker may install: its downloads compete
/// with the app's own on a slow link.
pub fn take_over() {
    let doc = document();
    let boot = doc.get_element_by_id("boot");
    let focused = boot.as_ref().is_some_and(|b| b.matches(":focus-within").unwrap_or(false));
    if let Some(b) = boot {
        b.remove();
    }
    if let Some(app) = doc.get_element_by_id("app") {
        let _ = app.remove_attribute("hidden");
        let _ = app.set_attribute("data-live", "");
    }
    if focused {
        focus("main");
    }
}

/// The views' stylesheet (style/views.css), added to the page the first
/// time a view needs it; `done` is told whether it loaded (at once when it
/// already has). One that failed (offline, never kept) is taken out again,
/// so the next try fetches it anew.
pub fn view_styles(done: impl FnOnce(bool) + 'static) {
    use std::{cell::Cell, rc::Rc};
    let doc = document();
    let link = match doc.get_element_by_id("view-styles") {
        Some(l) if l.has_attribute("data-loaded") => return done(true),
        Some(l) => l,
        None => {
            let Ok(l) = doc.create_element("link") else { return done(false) };
            for (name, value) in [("id", "view-styles"), ("rel", "stylesheet"), ("href", "views.css")] {
                let _ = l.set_attribute(name, value);
            }
            let _ = doc.head().map(|h| h.append_child(&l));
            l
        }
    };
    let done = Rc::new(Cell::new(Some(done)));
    for (event, ok) in [("load", true), ("error", false)] {
        let (done, l) = (done.clone(), link.clone());
        let heard = wasm_bindgen::closure::Closure::once_into_js(move || {
            if ok {
                let _ = l.set_attribute("data-loaded", "");
            } else {
                l.remove();
            }
            if let Some(d) = done.take() {
                d(ok);
            }
        });
        let _ = link.add_event_listener_with_callback(event, heard.unchecked_ref());
    }
}

/// Runs `f` once when `el` comes near the screen (a section far down a
/// view: its part is fetched only if the reader scrolls towards it).
pub fn when_seen(el: &web_sys::Element, f: impl FnOnce() + 'static) {
    use web_sys::{IntersectionObserver, IntersectionObserverEntry, IntersectionObserverInit};
    let mut f = Some(f);
    let seen = wasm_bindgen::closure::Closure::<dyn FnMut(js_sys::Array, IntersectionObserver)>::new(move |entries: js_sys::Array, watch: IntersectionObserver| {
        if entries.iter().any(|e| e.unchecked_into::<IntersectionObserverEntry>().is_intersecting()) {
            watch.disconnect();
            if let Some(f) = f.take() {
                f();
            }
        }
    });
    let options = IntersectionObserverInit::new();
    options.set_root_margin("300px");
    if let Ok(watch) = IntersectionObserver::new_with_options(seen.as_ref().unchecked_ref(), &options) {
        watch.observe(el);
        seen.forget();
    }
}

/// Loads the page again, from the address it is at (the view in its query).
pub fn reload() {
    let _ = window().location().reload();
}
