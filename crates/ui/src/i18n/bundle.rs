//! The languages the portal's wasm does not carry, once loaded: each a list
//! of every message in `Msg::ALL`'s order, from `bawaba-feed strings` of the
//! same build (the file names carry a hash of their contents, so a bundle
//! never meets another build's wasm).

use super::{Lang, Msg};
use std::sync::OnceLock;

/// Between two messages of a bundle: a control character no message holds.
pub const SEPARATOR: char = '\u{1f}';

static BUNDLES: [OnceLock<Vec<&'static str>>; 3] = [OnceLock::new(), OnceLock::new(), OnceLock::new()];

fn slot(lang: Lang) -> Option<&'static OnceLock<Vec<&'static str>>> {
    match lang {
        Lang::Ar => Some(&BUNDLES[0]),
        Lang::He => Some(&BUNDLES[1]),
        Lang::Fr => Some(&BUNDLES[2]),
        Lang::En => None,
    }
}

/// True when `lang` can be shown: English always, the others once installed.
pub fn ready(lang: Lang) -> bool {
    slot(lang).is_none_or(|s| s.get().is_some())
}

/// Installs a language's bundle; false (and nothing installed) when it does
/// not have one message for every `Msg`. Kept for the page's life.
pub fn install(lang: Lang, bundle: String) -> bool {
    let Some(slot) = slot(lang) else { return true };
    let text: &'static str = Box::leak(bundle.into_boxed_str());
    let messages: Vec<&'static str> = text.split(SEPARATOR).collect();
    if messages.len() != Msg::ALL.len() {
        return false;
    }
    let _ = slot.set(messages);
    true
}

pub fn get(lang: Lang, msg: Msg) -> Option<&'static str> {
    slot(lang)?.get().map(|v| v[msg as usize])
}

#[cfg(all(test, not(feature = "bundles")))]
mod tests {
    use super::*;

    #[test]
    fn a_bundle_of_the_right_length_is_installed_and_read_by_message() {
        assert!(!ready(Lang::He) && ready(Lang::En), "English is always there");
        assert_eq!(get(Lang::He, Msg::Listen), None);
        assert!(!install(Lang::He, "x\u{1f}y".into()), "a bundle from another build is refused");
        assert!(!ready(Lang::He));
        assert!(install(Lang::He, Lang::He.all_messages().join("\u{1f}")));
        assert!(ready(Lang::He));
        assert_eq!(get(Lang::He, Msg::Listen), Some("האזנה"));
        assert_eq!(get(Lang::He, Msg::AppName), Some(Lang::He.t(Msg::AppName)));
    }
}
