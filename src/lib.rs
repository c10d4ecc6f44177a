//! Bawaba, the portal: wires the app together. Data types and fetching are in
//! `api`, views in `routes`, shared pieces in `components`.

pub mod api;
mod components;
pub mod route;
mod routes;
mod state;
mod store;
mod modules;
mod pass;
mod receive;
mod verify;

// How items look and read (formatting, UI text, cards) lives in bawaba-ui,
// shared with the publishers' tool; these paths keep the portal's modules short.
pub use bawaba_ui::{format, i18n};

use api::LoadError;
use bawaba_model::Config;
use chrono::{DateTime, Utc};
use components::banners::{ClockBanner, DangerBanner, DemoBanner};
use components::chrome::{saved_lang, Footer, Header};
use components::feed_status::{ConnectionBar, FeedProblems};
use i18n::{describe, Lang, Msg};
use leptos::prelude::*;
use route::{Route, View};
use state::{FeedSlot, Portal};
use std::sync::Arc;
use std::time::Duration;

/// The server's time minus the phone's, in ms, once a response the server
/// answered itself carried a `Date` header; `i64::MIN` before that.
static CLOCK_OFFSET_MS: std::sync::atomic::AtomicI64 = std::sync::atomic::AtomicI64::new(i64::MIN);

/// The phone's clock, as it says.
pub fn phone_now() -> DateTime<Utc> {
    DateTime::from_timestamp_millis(js_sys::Date::now() as i64).unwrap_or_default()
}

/// The time: the phone's clock, corrected by the server's when known (a
/// phone restarted after a blackout may be years off).
pub fn now_utc() -> DateTime<Utc> {
    phone_now() + chrono::Duration::milliseconds(clock_offset_ms().unwrap_or(0))
}

pub fn clock_offset_ms() -> Option<i64> {
    Some(CLOCK_OFFSET_MS.load(std::sync::atomic::Ordering::Relaxed)).filter(|o| *o != i64::MIN)
}

/// Keeps the server's time from an HTTP `Date` header.
pub fn server_said(date: &str) {
    if let Some(t) = bawaba_model::clock::http_date(date) {
        CLOCK_OFFSET_MS.store((t - phone_now()).num_milliseconds(), std::sync::atomic::Ordering::Relaxed);
    }
}

/// The reader's language: `?lang=`, else their saved choice, else the
/// browser's languages, else the deployment's default.
fn initial_lang(config: Option<&Config>) -> Lang {
    let offered = |l: &Lang| config.is_none_or(|c| c.languages.contains(&l.tag()));
    let browser = || {
        let langs = web_sys::window()?.navigator().languages();
        langs.iter().filter_map(|v| v.as_string()).filter_map(|t| Lang::from_tag(&t)).find(offered)
    };
    Route::current()
        .lang
        .filter(offered)
        .or_else(|| saved_lang().filter(offered))
        .or_else(browser)
        .or_else(|| config.and_then(|c| Lang::from_tag(c.default_language)))
        .unwrap_or(Lang::Ar)
}

/// `lang` if its words are here, else English (its bundle could not be
/// fetched): never Arabic attributes on English words.
fn shown(lang: Lang) -> Lang {
    if i18n::bundle::ready(lang) {
        lang
    } else {
        Lang::En
    }
}

/// Shows the portal in `lang` once its words are here (at once when they
/// are; a fetch the first time otherwise); `then` runs with it.
pub fn switch_language(lang: RwSignal<Lang>, to: Lang, then: impl FnOnce() + 'static) {
    leptos::task::spawn_local(async move {
        if api::load_language(to).await {
            lang.set(to);
            then();
        }
    });
}

fn set_document_lang(lang: Lang) {
    if let Some(html) = document().document_element() {
        let _ = html.set_attribute("lang", lang.tag());
        let _ = html.set_attribute("dir", lang.dir());
    }
}

/// Puts focus (and a screen reader) on the view's heading. The new view may
/// not be drawn by the next frame, so the heading focused first can be the
/// old one on its way out: for a second, focus lost that way goes to the
/// heading then on the page. Focus the reader moved elsewhere is left alone.
fn focus_title(first: bool, frames: u8) {
    request_animation_frame(move || {
        let doc = document();
        let lost = doc.active_element().is_none_or(|a| !a.is_connected() || doc.body().is_some_and(|b| *b == a));
        if first || lost {
            if let Some(el) = doc.get_element_by_id("view-title") {
                let _ = wasm_bindgen::JsCast::unchecked_ref::<web_sys::HtmlElement>(&el).focus();
            }
        }
        if frames > 0 {
            focus_title(false, frames - 1);
        }
    });
}

/// The overview as published (#boot, written into index.html by
/// `bawaba-feed publish`) gives way to the app once the app has drawn its
/// own data. Both change in the same frame, so nothing that stays on screen
/// moves; a reader who had focused a link in the snapshot is put on the
/// app's content rather than left on nothing.
pub fn take_over() {
    let doc = document();
    let Some(boot) = doc.get_element_by_id("boot") else { return };
    let focused = boot.matches(":focus-within").unwrap_or(false);
    boot.remove();
    if let Some(app) = doc.get_element_by_id("app") {
        let _ = app.remove_attribute("hidden");
    }
    if focused {
        if let Some(main) = doc.get_element_by_id("main") {
            let _ = wasm_bindgen::JsCast::unchecked_ref::<web_sys::HtmlElement>(&main).focus();
        }
    }
}

/// The service worker (public/sw.js) keeps the app shell for offline use.
/// Its address is relative, so its scope is wherever the portal is deployed.
fn register_service_worker() {
    let navigator = window().navigator();
    let supported = js_sys::Reflect::has(&navigator, &"serviceWorker".into()).unwrap_or(false);
    if supported && window().is_secure_context() {
        let _ = navigator.service_worker().register("sw.js");
    }
}

#[component]
pub fn App() -> impl IntoView {
    let boot_lang = initial_lang(None);
    set_document_lang(boot_lang);
    // The reader's language (when the wasm does not carry it) arrives with
    // the config, not after it; the config may choose another one.
    let config = LocalResource::new(move || async move {
        let (config, _) = futures::future::join(api::fetch_config(), api::load_language(boot_lang)).await;
        if let Ok(c) = &config {
            api::load_language(initial_lang(Some(c))).await;
        }
        config
    });
    view! {
        <Transition fallback=move || view! { <p class="boot" role="status">{boot_lang.t(Msg::Loading)}</p> }>
            {move || config.get().map(|result| match result {
                Ok(config) => view! { <PortalApp config=config/> }.into_any(),
                Err(error) => view! { <ConfigFailed error=error lang=shown(boot_lang)/> }.into_any(),
            })}
        </Transition>
    }
}

/// Without a usable config.json there is nothing to show but the reason.
#[component]
fn ConfigFailed(error: LoadError, lang: Lang) -> impl IntoView {
    Effect::new(|_| take_over());
    view! {
        <main id="main" class="fatal">
            <h1>{lang.t(Msg::ConfigProblemTitle)}</h1>
            <p role="alert">{describe::load_error(lang, &error)}</p>
            <p><a href="">{lang.t(Msg::TryAgain)}</a></p>
        </main>
    }
}

#[component]
fn PortalApp(config: Arc<Config>) -> impl IntoView {
    let lang = RwSignal::new(shown(initial_lang(Some(&config))));
    let route = RwSignal::new(Route::current());
    let now = RwSignal::new(now_utc());
    let timeout_ms = config.timeout_seconds.map(|s| s * 1000).unwrap_or(api::DEFAULT_TIMEOUT_MS);
    let keys = Arc::new(config.trusted_keys.clone());
    let feeds = Arc::new(config.feeds.iter().map(|u| FeedSlot::start(u.clone(), timeout_ms, keys.clone())).collect::<Vec<_>>());
    let online = RwSignal::new(window().navigator().on_line());
    let embed = route.get_untracked().embed;
    let held = feeds.clone();
    let clock_wrong = Memo::new(move |_| {
        now.track();
        clock_offset_ms().is_none() && bawaba_model::clock::seems_wrong(phone_now(), state::newest_published(&held))
    });
    let portal = Portal {
        config: config.clone(),
        lang,
        route,
        now,
        feeds,
        online,
        embed: embed.clone(),
        here: RwSignal::new(None),
        voices: RwSignal::new(0),
        clock_wrong,
    };
    components::listen::watch_voices(portal.voices);
    provide_context(portal.clone());
    portal.reader().provide();

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
    // Once the first information is drawn: the snapshot gives way to it,
    // and the worker installs (that downloads the shell a second time, so
    // on a slow link not before). A widget in someone else's page installs
    // nothing (and has no snapshot).
    let p = portal.clone();
    Effect::new(move |drawn: Option<bool>| {
        if drawn == Some(true) || p.loading() {
            return drawn.unwrap_or(false);
        }
        request_animation_frame(take_over);
        if p.embed.is_none() {
            register_service_worker();
        }
        true
    });
    Effect::new(move |_| set_document_lang(lang.get()));
    // Back and forward buttons: the address is the state.
    let _ = window_event_listener(leptos::ev::popstate, move |_| {
        let r = Route::current();
        match r.lang {
            Some(l) if l != lang.get_untracked() => switch_language(lang, l, move || route.set(r)),
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
            focus_title(true, 60);
        }
        key
    });
    // Only a change of view rebuilds the page; a filter or item change
    // updates it in place.
    let current_view = Memo::new(move |_| route.get().view);
    let c = config.clone();
    Effect::new(move |_| {
        let l = lang.get();
        let site = c.site_name.as_ref().and_then(|n| n.resolve(l.tag(), c.default_language).map(|r| r.text.to_owned()));
        document().set_title(&site.unwrap_or_else(|| l.t(Msg::AppName).to_owned()));
    });

    // The views are drawn again when the clock comes to seem wrong or right,
    // under the reader's context that goes with it (`Portal::reader`).
    let p = portal.clone();
    let reading = move || p.reader().provide();
    if let Some(embed) = embed {
        return view! { <ClockBanner/> {move || { clock_wrong.track(); reading(); view! { <routes::embed::Widget embed=embed.clone()/> } }} }.into_any();
    }
    view! {
        <Header/>
        <ConnectionBar/>
        <DemoBanner compact=true/>
        <DangerBanner compact=true/>
        <ClockBanner/>
        <main id="main" tabindex="-1">
            <FeedProblems/>
            {move || { clock_wrong.track(); reading(); match current_view.get() {
                View::Now => view! { <routes::now::NowPage/> }.into_any(),
                View::Corridors => view! { <routes::corridors::CorridorsPage/> }.into_any(),
                View::Distribution => view! { <routes::distribution::DistributionPage/> }.into_any(),
                View::Notices => view! { <routes::notices::NoticesPage/> }.into_any(),
                View::About => view! { <routes::about::AboutPage/> }.into_any(),
                View::Embed => view! { <routes::embed::BuilderPage/> }.into_any(),
                View::Print => view! { <routes::print::PrintPage/> }.into_any(),
                View::Map => view! { <routes::map::MapPage/> }.into_any(),
            } }}
        </main>
        <Footer/>
    }
    .into_any()
}
