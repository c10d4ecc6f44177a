//! "Listen": an item read aloud by the phone's own voice (Web Speech API),
//! for people who do not read well. The words are the shared text's, made
//! for the ear (`bawaba_ui::plain::for_ear`). The portal sends nothing
//! anywhere; the button shows only where the phone has a voice for the
//! page's language.
//!
//! Called through `Reflect`, not web-sys bindings: the same few calls, with
//! no generated glue in the wasm.

use crate::i18n::{Lang, Msg};
use crate::state::Portal;
use bawaba_ui::plain::for_ear;
use js_sys::{Array, Function, Reflect};
use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

fn get(target: &JsValue, key: &str) -> Option<JsValue> {
    Reflect::get(target, &key.into()).ok().filter(|v| !v.is_undefined() && !v.is_null())
}

fn call(target: &JsValue, method: &str, args: &[&JsValue]) -> Option<JsValue> {
    let f: Function = get(target, method)?.dyn_into().ok()?;
    f.apply(target, &args.iter().copied().collect::<Array>()).ok()
}

fn synth() -> Option<JsValue> {
    get(&window(), "speechSynthesis")
}

/// A voice of the phone's for `lang` ("ar" matches "ar-SA" and "ar_EG").
fn voice(lang: Lang) -> Option<JsValue> {
    let voices: Array = call(&synth()?, "getVoices", &[])?.dyn_into().ok()?;
    voices.iter().find(|v| get(v, "lang").and_then(|l| l.as_string()).is_some_and(|l| l.get(..2).is_some_and(|p| p.eq_ignore_ascii_case(lang.tag()))))
}

/// Browsers load their voices after the page: `voices` is bumped when the
/// list changes, so the buttons appear once a voice is there.
pub fn watch_voices(voices: RwSignal<u32>) {
    if let Some(s) = synth() {
        let bump = Closure::<dyn FnMut()>::new(move || voices.update(|n| *n += 1)).into_js_value();
        let _ = Reflect::set(&s, &"onvoiceschanged".into(), &bump);
    }
}

/// What a Listen button reads: the item's written text, made on demand.
pub type Spoken = std::sync::Arc<dyn Fn() -> String + Send + Sync>;

/// Speaks `text`, or stops it when it is being spoken; one voice at a time
/// in the whole portal.
#[component]
pub fn Listen(
    /// The written text, made when the button is pressed, in the language of the moment.
    text: Spoken,
) -> impl IntoView {
    let p = Portal::get();
    let (lang, voices) = (p.lang, p.voices);
    let speaking = RwSignal::new(false);
    let text = StoredValue::new(text);
    // This button's latest reading: a stopped one ends after the next began.
    let turn = StoredValue::new(0u32);
    let toggle = move |_| {
        let Some(s) = synth() else { return };
        // Also silences another item's reading.
        call(&s, "cancel", &[]);
        let l = lang.get_untracked();
        let (Some(v), Some(make)) = (voice(l), get(&window(), "SpeechSynthesisUtterance")) else { return };
        if speaking.get_untracked() {
            speaking.set(false);
            return;
        }
        let Ok(u) = Reflect::construct(make.unchecked_ref::<Function>(), &Array::of1(&for_ear(&text.with_value(|t| t()), l).into())) else { return };
        // The voice carries its language.
        let _ = Reflect::set(&u, &"voice".into(), &v);
        // Ends, is stopped (here or by another button), or fails: the
        // button says Listen again, unless it has started another reading.
        turn.update_value(|t| *t += 1);
        let mine = turn.get_value();
        let done = Closure::<dyn FnMut()>::new(move || {
            // The button may be gone by then (the reader moved on).
            if turn.try_get_value() == Some(mine) {
                speaking.try_set(false);
            }
        })
        .into_js_value();
        let _ = Reflect::set(&u, &"onend".into(), &done);
        let _ = Reflect::set(&u, &"onerror".into(), &done);
        call(&s, "speak", &[&u]);
        speaking.set(true);
    };
    // Leaving the view takes the Stop button away: stop the reading with it.
    on_cleanup(move || {
        if speaking.get_untracked() {
            synth().map(|s| call(&s, "cancel", &[]));
        }
    });
    move || {
        voices.track();
        voice(lang.get()).map(|_| {
            view! {
                <button type="button" class="refresh listen" aria-pressed=move || speaking.get().to_string() on:click=toggle>
                    {move || lang.get().t(if speaking.get() { Msg::ListenStop } else { Msg::Listen })}
                </button>
            }
        })
    }
}
