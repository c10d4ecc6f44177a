//! Which language the portal speaks: the reader's choice, kept on the phone,
//! and the words of a language the wasm does not carry, fetched once.

use crate::i18n::{bundle, Lang};
use crate::route::Route;
use bawaba_model::Config;
use leptos::prelude::*;

const KEY: &str = "bawaba.lang";

/// The language the reader chose last time on this phone.
fn saved() -> Option<Lang> {
    let storage = web_sys::window()?.local_storage().ok()??;
    Lang::from_tag(&storage.get_item(KEY).ok()??)
}

/// Keeps the reader's choice on this phone (nothing else is kept about them).
pub fn save(lang: Lang) {
    if let Some(s) = web_sys::window().and_then(|w| w.local_storage().ok().flatten()) {
        let _ = s.set_item(KEY, lang.tag());
    }
}

/// The reader's language: `?lang=`, else their saved choice, else the
/// browser's languages, else the deployment's default.
pub fn initial(config: Option<&Config>) -> Lang {
    let offered = |l: &Lang| config.is_none_or(|c| c.languages.contains(&l.tag()));
    let browser = || {
        let langs = web_sys::window()?.navigator().languages();
        langs.iter().filter_map(|v| v.as_string()).filter_map(|t| Lang::from_tag(&t)).find(offered)
    };
    Route::current()
        .lang
        .filter(offered)
        .or_else(|| saved().filter(offered))
        .or_else(browser)
        .or_else(|| config.and_then(|c| Lang::from_tag(c.default_language)))
        .unwrap_or(Lang::Ar)
}

/// `lang` if its words are here, else English (its bundle could not be
/// fetched): never Arabic attributes on English words.
pub fn shown(lang: Lang) -> Lang {
    if bundle::ready(lang) {
        lang
    } else {
        Lang::En
    }
}

/// Shows the portal in `to` once its words are here (at once when they
/// are; a fetch the first time otherwise); `then` runs with it.
pub fn switch(lang: RwSignal<Lang>, to: Lang, then: impl FnOnce() + 'static) {
    leptos::task::spawn_local(async move {
        if crate::api::load_language(to).await {
            lang.set(to);
            then();
        }
    });
}
