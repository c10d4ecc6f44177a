//! Links within the portal.

use crate::route::Route;
use crate::state::Portal;
use leptos::prelude::*;
use web_sys::MouseEvent;

/// A click the app should handle itself; modified clicks (new tab, etc.) are
/// left to the browser, which follows the real `href`.
pub fn plain_click(ev: &MouseEvent) -> bool {
    ev.button() == 0 && !ev.ctrl_key() && !ev.meta_key() && !ev.shift_key() && !ev.alt_key()
}

/// A link to another address of the portal, in the current language. It is a
/// real link (works without the app, can be copied and shared).
#[component]
pub fn NavLink(
    to: Route,
    #[prop(optional, into)] class: String,
    #[prop(optional, into)] current: Signal<bool>,
    /// Keeps the current `?area=`: a governorate chosen (on the map, say)
    /// stays chosen from one tab to the next.
    #[prop(optional)]
    keep_area: bool,
    children: Children,
) -> impl IntoView {
    let portal = Portal::get();
    let (lang, route) = (portal.lang, portal.route);
    let dest = move || {
        let area = if keep_area { route.get().area } else { to.area.clone() };
        Route { area, ..to.clone() }
    };
    let d = dest.clone();
    let href = move || Route { lang: Some(lang.get()), ..d() }.href();
    if portal.embed.is_some() {
        // Inside a widget, every link opens the full portal in a new tab.
        return view! { <a href=href class=class target="_blank" rel="noopener">{children()}</a> }.into_any();
    }
    view! {
        <a
            href=href
            class=class
            aria-current=move || current.get().then_some("page")
            on:click=move |ev| {
                if plain_click(&ev) {
                    ev.prevent_default();
                    portal.go(dest());
                }
            }
        >
            {children()}
        </a>
    }
    .into_any()
}
