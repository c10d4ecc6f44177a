//! A QR code drawn as one SVG path (from `bawaba-qr`): the phone and
//! bawaba-feed write the same markup, with no image file and no request.

use crate::i18n::Msg;
use crate::reader::Reader;
use leptos::prelude::*;

/// Modules of white around the code: the quiet zone scanners need.
const QUIET: usize = 4;

/// A QR code of `side` modules whose dark ones are `path`, named for screen
/// readers.
#[component]
pub fn QrCode(side: usize, path: String) -> impl IntoView {
    let lang = Reader::get().lang.get_untracked();
    let full = side + 2 * QUIET;
    view! {
        <svg class="qr" viewBox=format!("-{QUIET} -{QUIET} {full} {full}") role="img" aria-label=lang.t(Msg::QrLabel) shape-rendering="crispEdges">
            <rect x=format!("-{QUIET}") y=format!("-{QUIET}") width=full height=full fill="#fff"/>
            <path d=path fill="#000"/>
        </svg>
    }
}
