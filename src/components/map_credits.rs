//! The credits the governorate boundaries require wherever they are used.

use crate::components::text::tr;
use crate::i18n::Msg;
use leptos::prelude::*;

/// What the boundaries' licence (CC BY 3.0 IGO) requires wherever they are
/// drawn: credit, the licence, that they were changed; and OCHA's disclaimer.
#[component]
pub fn MapCredits() -> impl IntoView {
    view! {
        <p class="map-source">
            {tr(Msg::MapSource)}" "
            <a href="https://creativecommons.org/licenses/by/3.0/igo/" lang="en" dir="ltr">"CC BY 3.0 IGO"</a>"."
        </p>
        <p class="map-source">{tr(Msg::MapDisclaimer)}</p>
    }
}
