//! The page around the views: header, language switch, navigation, footer.

use crate::components::text::tr;
use crate::components::nav_link::{plain_click, NavLink};
use crate::components::text::FeedText;
use crate::i18n::{Lang, Msg};
use crate::route::{Route, View};
use crate::state::Portal;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::MouseEvent;

/// The four languages, each named in itself, as large buttons.
#[component]
pub fn LangSwitch() -> impl IntoView {
    let portal = Portal::get();
    let offered: Vec<Lang> = portal.config.languages.iter().filter_map(|l| Lang::from_tag(l)).collect();
    let lang = portal.lang;
    let route = portal.route;
    view! {
        <nav class="lang-switch" aria-label=tr(Msg::LanguageLabel)>
            {offered
                .into_iter()
                .map(|l| {
                    let href = move || Route { lang: Some(l), ..route.get() }.href();
                    view! {
                        <a
                            href=href
                            lang=l.tag()
                            hreflang=l.tag()
                            aria-current=move || (lang.get() == l).then_some("true")
                            on:click=move |ev| {
                                if plain_click(&ev) {
                                    ev.prevent_default();
                                    close_menu(&ev);
                                    crate::language::save(l);
                                    crate::language::switch(lang, l, move || Route { lang: Some(l), ..route.get_untracked() }.replace());
                                }
                            }
                        >
                            {l.autonym()}
                        </a>
                    }
                })
                .collect_view()}
        </nav>
    }
}

/// The menu a `<details>` is: closed once a choice is made in it.
fn close_menu(ev: &MouseEvent) {
    let menu = ev.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()).and_then(|e| e.closest("details").ok().flatten());
    if let Some(menu) = menu {
        let _ = menu.remove_attribute("open");
    }
}

/// The language control: the current language, opening the four, each in its
/// own script. A `<details>`: it opens and closes by keyboard and tells a
/// screen reader whether it is open, with no code of ours; choosing closes it.
#[component]
fn LangMenu() -> impl IntoView {
    let lang = Portal::get().lang;
    view! {
        <details class="lang-menu">
            <summary aria-label=move || format!("{}{}{}", lang.get().t(Msg::LanguageLabel), lang.get().colon(), lang.get().autonym())>
                <span lang=move || lang.get().tag()>{move || lang.get().autonym()}</span>
            </summary>
            <LangSwitch/>
        </details>
    }
}

/// One row on a phone: the name, "about the data" and the language; the
/// sections are the tab bar, which the stylesheet puts at the bottom of a
/// phone's screen (in the header everywhere else, and first in focus order).
#[component]
pub fn Header() -> impl IntoView {
    let portal = Portal::get();
    let route = portal.route;
    let name = portal.config.site_name.clone();
    view! {
        <header class="site-header">
            <a class="skip-link" href="#main">{tr(Msg::SkipToContent)}</a>
            <div class="bar">
                <div class="brand">
                    <NavLink to=Route::default() class="brand-link">
                        {match name {
                            Some(n) => view! { <FeedText text=n/> }.into_any(),
                            None => view! { <span>{tr(Msg::AppName)}</span> }.into_any(),
                        }}
                    </NavLink>
                </div>
                <NavLink to=Route { view: View::About, ..Route::default() } class="about-link" current=Signal::derive(move || route.get().view == View::About)>
                    <span class="about-icon" aria-hidden="true">"i"</span>
                    <span class="about-text">{tr(Msg::NavAbout)}</span>
                </NavLink>
                <LangMenu/>
            </div>
            <MainNav/>
        </header>
    }
}

/// The data views, each with its shape (the map's: circle for aid points,
/// square for crossings, triangle for notices) and a short name.
#[component]
pub fn MainNav() -> impl IntoView {
    let portal = Portal::get();
    let route = portal.route;
    let tab = |v: View| match v {
        View::Corridors => (Msg::TabCorridors, "tab-corridors"),
        View::Distribution => (Msg::TabDistribution, "tab-distribution"),
        View::Notices => (Msg::NavNotices, "tab-notices"),
        View::Map => (Msg::NavMap, "tab-map"),
        _ => (Msg::TabNow, "tab-now"),
    };
    view! {
        <nav class="main-nav tabs" aria-label=tr(Msg::MainNavLabel)>
            {View::NAV
                .into_iter()
                .map(|v| {
                    let (msg, class) = tab(v);
                    view! {
                        <NavLink to=Route { view: v, ..Route::default() } class=class keep_area=true current=Signal::derive(move || route.get().view == v)>
                            <span class="tab-icon" aria-hidden="true"></span>
                            <span>{tr(msg)}</span>
                        </NavLink>
                    }
                })
                .collect_view()}
        </nav>
    }
}

#[component]
pub fn Footer() -> impl IntoView {
    let lang = Portal::get().lang;
    view! {
        <footer class="site-footer">
            <p>{tr(Msg::TimesAreGazaTime)}</p>
            <p><NavLink to=Route { view: View::Embed, ..Route::default() }>{tr(Msg::NavEmbed)}</NavLink></p>
            // Written by `bawaba-feed publish`: every item, no script, for a
            // phone that cannot run this app, or to save and pass on.
            <p><a href=move || format!("static/{}.html", lang.get().tag()) hreflang=move || lang.get().tag()>{tr(Msg::StaticLink)}</a></p>
            <p>{tr(Msg::FooterPrivacy)}</p>
        </footer>
    }
}
