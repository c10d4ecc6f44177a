//! Text on screen: feed text (the shared components of bawaba-ui), and the
//! portal's own words in the reader's language.

use crate::i18n::Msg;
use crate::state::Portal;
use leptos::prelude::*;
pub use bawaba_ui::text::{resolve, FeedText, RawText};

/// A word of the portal's, in the reader's language and following it when
/// it changes. One function, so every label shares one type of reactive
/// text and the wasm carries the code that draws it once, not once per
/// label (about 80 of them).
pub fn tr(msg: Msg) -> impl Fn() -> &'static str + Send + Sync + Copy + 'static {
    let lang = Portal::get().lang;
    move || lang.get().t(msg)
}
