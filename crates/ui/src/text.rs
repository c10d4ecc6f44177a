//! Feed text on screen: always a text node (never HTML), always bidi-isolated,
//! and marked with its real language when the fallback chain picked another.

use crate::reader::Reader;
use bawaba_model::text::is_rtl;
use bawaba_model::LocalizedText;
use leptos::prelude::*;

/// What to render for a text in the current language: (text, lang, dir),
/// with lang/dir set only when the text is not in the UI language.
pub fn resolve(text: &LocalizedText) -> (String, Option<String>, &'static str) {
    let reader = Reader::get();
    let ui = reader.lang.get().tag();
    match text.resolve(ui, reader.default_language) {
        Some(r) if r.is_fallback_for(ui) => {
            let dir = if is_rtl(r.lang) { "rtl" } else { "ltr" };
            (r.text.to_owned(), Some(r.lang.to_owned()), dir)
        }
        Some(r) => (r.text.to_owned(), None, "auto"),
        None => (String::new(), None, "auto"),
    }
}

/// Plain text in the reader's language, isolated with `<bdi>` so an RTL name
/// cannot reorder the LTR text around it (and vice versa).
#[component]
pub fn FeedText(text: LocalizedText) -> impl IntoView {
    move || {
        let (shown, lang, dir) = resolve(&text);
        view! { <bdi lang=lang dir=dir>{shown}</bdi> }
    }
}

/// A plain string from a feed that has no language (an id, a URL).
#[component]
pub fn RawText(text: String) -> impl IntoView {
    view! { <bdi dir="ltr">{text}</bdi> }
}
