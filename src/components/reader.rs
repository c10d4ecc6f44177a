//! What the shared components (bawaba-ui) need to know about the reader,
//! from the portal's live state.

use crate::components::nav_link::NavLink;
use crate::route::{Route, View};
use crate::state::Portal;
use bawaba_ui::{ItemKind, Reader, Reading};
use leptos::prelude::*;
use std::sync::Arc;

/// Provides the reader's context for the views below: its clock, language
/// switch and "near me"; item names link within the app (or, in a widget,
/// to the full portal). While the phone's clock seems wrong, everything
/// reads as a published page does: the status as published, full dates.
pub fn provide(p: &Portal) {
    Reader {
        lang: p.lang,
        now: p.now,
        tz: p.tz(),
        default_language: p.default_language(),
        here: p.here,
        demo: p.demo,
        reading: if p.clock_wrong.get_untracked() { Reading::Published } else { Reading::Live },
        link: Arc::new(|kind: ItemKind, id: &str, inner: AnyView| {
            let view = match kind {
                ItemKind::Corridor => View::Corridors,
                ItemKind::Point => View::Distribution,
                ItemKind::Notice => View::Notices,
            };
            let to = Route { view, ..Route::default() }.with_id(id);
            view! { <NavLink to=to>{inner}</NavLink> }.into_any()
        }),
    }
    .provide();
}
