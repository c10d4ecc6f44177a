//! The browser's geolocation, asked for only when the reader presses "near me".

use bawaba_model::Point;
use leptos::prelude::*;

/// The browser's geolocation, once; `done(None)` when refused or unavailable.
pub fn locate(done: impl FnOnce(Option<Point>) + 'static) {
    use std::cell::RefCell;
    use std::rc::Rc;
    use wasm_bindgen::{closure::Closure, JsCast, JsValue};
    let done = Rc::new(RefCell::new(Some(done)));
    let finish = {
        let done = done.clone();
        move |p: Option<Point>| {
            if let Some(f) = done.borrow_mut().take() {
                f(p)
            }
        }
    };
    let geo = js_sys::Reflect::get(&window().navigator(), &"geolocation".into()).ok().filter(|g| !g.is_undefined());
    let Some(geo) = geo else { return finish(None) };
    let ok_finish = finish.clone();
    let ok = Closure::once_into_js(move |pos: JsValue| {
        let coords = js_sys::Reflect::get(&pos, &"coords".into()).ok();
        let num = |k: &str| coords.as_ref().and_then(|c| js_sys::Reflect::get(c, &k.into()).ok()).and_then(|v| v.as_f64());
        ok_finish(num("latitude").zip(num("longitude")).map(|(lat, lon)| Point { lat, lon }))
    });
    let err = Closure::once_into_js(move |_: JsValue| finish(None));
    let options = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&options, &"timeout".into(), &JsValue::from_f64(20_000.0));
    let _ = js_sys::Reflect::set(&options, &"maximumAge".into(), &JsValue::from_f64(60_000.0));
    if let Ok(f) = js_sys::Reflect::get(&geo, &"getCurrentPosition".into()) {
        if let Some(f) = f.dyn_ref::<js_sys::Function>() {
            let _ = f.call3(&geo, &ok, &err, &options);
        }
    }
}
