//! "Near me": the list sorted by distance, and the governorate the reader
//! seems to be in, worked out on the phone from a position it keeps in
//! memory only.

use crate::i18n::{fill, Label, Msg};
use crate::route::Route;
use crate::state::Portal;
use bawaba_model::Area;
use leptos::prelude::*;

/// "Near me": asks for the position only when pressed, keeps it in memory.
#[component]
pub fn NearMe() -> impl IntoView {
    let portal = Portal::get();
    let (lang, here, route) = (portal.lang, portal.here, portal.route);
    let state = RwSignal::new(None::<Msg>);
    // Which governorate the reader is in, worked out on the phone from the
    // position it keeps in memory; never sent or stored.
    // Closures, not memos: a point-in-polygon test is cheaper than the code a
    // memo of a new type adds to the wasm.
    let area = move || here.get().map(bawaba_model::governorates::governorate_at);
    let offer = move || area().flatten().filter(|a| route.get().area.as_deref() != Some(a.wire()));
    let click = move |_| {
        if here.get_untracked().is_some() {
            here.set(None);
            state.set(None);
            return;
        }
        state.set(Some(Msg::Locating));
        crate::geolocation::locate(move |found| {
            here.set(found);
            state.set(if found.is_some() { Some(Msg::SortedByDistance) } else { Some(Msg::LocationUnavailable) });
        });
    };
    view! {
        <div class="near">
            <button type="button" class="refresh" on:click=click aria-pressed=move || if here.get().is_some() { "true" } else { "false" }>

                {move || lang.get().t(if here.get().is_some() { Msg::NearMeOff } else { Msg::NearMe })}
            </button>
            <span role="status">{move || {
                let l = lang.get();
                let found = where_text(l, area());
                format!("{} {found}", state.get().map_or("", |m| l.t(m)))
            }}</span>
            // Offered once the reader is found in a governorate not already chosen.
            <button type="button" class="refresh" hidden=move || offer().is_none().then_some("") on:click=move |_| {
                if let Some(a) = offer() {
                    portal.go(Route { area: Some(a.wire().to_owned()), id: None, ..route.get_untracked() });
                }
            }>
                {move || offer().map(|a| fill(lang.get().t(Msg::ShowOnlyArea), &[("area", lang.get().t(a.msg()).to_owned())]))}
            </button>
        </div>
    }
}

/// "You are in Khan Younis." or "You are outside the Gaza Strip."
fn where_text(lang: crate::i18n::Lang, area: Option<Option<Area>>) -> String {
    match area {
        Some(Some(a)) => fill(lang.t(Msg::YouAreIn), &[("area", lang.t(a.msg()).to_owned())]),
        Some(None) => lang.t(Msg::OutsideStrip).to_owned(),
        None => String::new(),
    }
}
