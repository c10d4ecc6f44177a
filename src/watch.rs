//! What keeps an open portal in step with the world and the document in
//! step with the portal: the clock, feed checks, the connection, the
//! phone's voices, the back button, and the page's language, title, focus
//! and first screen.

use crate::i18n::Msg;
use crate::page;
use crate::route::{Route, View};
use crate::state::Portal;
use leptos::prelude::*;
use std::time::Duration;

pub fn keep_current(portal: &Portal) {
    let (lang, route, now, online, clock_wrong) = (portal.lang, portal.route, portal.now, portal.online, portal.clock_wrong);
    crate::components::listen::watch_voices(portal.voices);

    let p = portal.clone();
    set_interval(move || now.set(p.current_time()), Duration::from_secs(30));
    // A clock that seems wrong: ask the server the time (a revalidation
    // carries its Date), and move to the corrected time once known.
    let p = portal.clone();
    Effect::new(move |_| {
        let wrong = clock_wrong.get();
        now.set(p.current_time());
        if wrong && online.get_untracked() {
            p.refresh_all();
        }
    });
    // Re-check feeds every 5 minutes while the page is in view (a 304 costs a
    // few hundred bytes), and as soon as the connection comes back.
    let p = portal.clone();
    set_interval(
        move || {
            if document().visibility_state() == web_sys::VisibilityState::Visible && online.get_untracked() {
                p.refresh_all();
            }
        },
        Duration::from_secs(300),
    );
    let p = portal.clone();
    let _ = window_event_listener(leptos::ev::online, move |_| {
        online.set(true);
        p.refresh_all();
    });
    let _ = window_event_listener(leptos::ev::offline, move |_| online.set(false));
    // Back to the portal after a while in another app: the interval did not
    // run meanwhile, so check now if the last check is that old.
    let p = portal.clone();
    let _ = window_event_listener(leptos::ev::visibilitychange, move |_| {
        if document().visibility_state() == web_sys::VisibilityState::Visible {
            // Timers are slowed in the background: "open now" must not lag.
            now.set(p.current_time());
            if online.get_untracked() {
                p.refresh_older_than(chrono::Duration::minutes(5));
            }
        }
    });
    // Once the first information is drawn, the snapshot gives way to it
    // (and fallback.js registers the service worker).
    let p = portal.clone();
    Effect::new(move |drawn: Option<bool>| {
        if drawn == Some(true) || p.loading() {
            return drawn.unwrap_or(false);
        }
        request_animation_frame(page::take_over);
        true
    });
    Effect::new(move |_| page::set_lang(lang.get()));
    // Back and forward buttons: the address is the state.
    let _ = window_event_listener(leptos::ev::popstate, move |_| {
        let r = Route::current();
        match r.lang {
            Some(l) if l != lang.get_untracked() => crate::language::switch(lang, l, move || route.set(r)),
            _ => route.set(r),
        }
    });
    // After moving to another view, start at the top and put the screen
    // reader on the new heading.
    Effect::new(move |previous: Option<(View, Option<String>)>| {
        let r = route.get();
        let key = (r.view, r.id.clone());
        if previous.is_some_and(|p| p != key) {
            window().scroll_to_with_x_and_y(0.0, 0.0);
            page::focus_title(true, 60);
        }
        key
    });
    let c = portal.config.clone();
    Effect::new(move |_| {
        let l = lang.get();
        let site = c.site_name.as_ref().and_then(|n| n.resolve(l.tag(), c.default_language).map(|r| r.text.to_owned()));
        document().set_title(&site.unwrap_or_else(|| l.t(Msg::AppName).to_owned()));
    });
}
