//! Bawaba, the portal: wires the app together. The network is in `api`
//! (and `modules` for the wasm modules fetched when asked), what is kept on
//! the phone in `store`, the state and what is derived from it in `state`
//! and `derived`, the views in `routes` (one file each), the pieces they
//! share in `components`.

pub mod api;
mod clock;
mod components;
mod derived;
mod geolocation;
mod language;
mod modules;
mod page;
mod pass;
mod receive;
pub mod route;
mod routes;
mod state;
mod store;
mod verify;
mod watch;

// How items look and read (formatting, UI text, cards) lives in bawaba-ui,
// shared with the publishers' tool; these paths keep the portal's modules short.
pub use bawaba_ui::{format, i18n};

use api::LoadError;
use bawaba_model::Config;
use components::banners::{ClockBanner, DangerBanner, DemoBanner};
use components::chrome::{Footer, Header};
use components::feed_status::{ConnectionBar, FeedProblems};
use components::part::Part;
use i18n::{describe, Lang, Msg};
use leptos::prelude::*;
use route::View;
use state::Portal;
use std::sync::Arc;

#[component]
pub fn App() -> impl IntoView {
    let boot_lang = language::initial(None);
    page::set_lang(boot_lang);
    // The reader's language (when the wasm does not carry it) arrives with
    // the config, not after it; the config may choose another one.
    let config = LocalResource::new(move || async move {
        let (config, _) = futures::future::join(api::fetch_config(), api::load_language(boot_lang)).await;
        if let Ok(c) = &config {
            api::load_language(language::initial(Some(c))).await;
        }
        config
    });
    view! {
        <Transition fallback=move || view! { <p class="boot" role="status">{boot_lang.t(Msg::Loading)}</p> }>
            {move || config.get().map(|result| match result {
                Ok(config) => view! { <PortalApp config=config/> }.into_any(),
                Err(error) => view! { <ConfigFailed error=error lang=language::shown(boot_lang)/> }.into_any(),
            })}
        </Transition>
    }
}

/// Without a usable config.json there is nothing to show but the reason.
#[component]
fn ConfigFailed(error: LoadError, lang: Lang) -> impl IntoView {
    Effect::new(|_| page::take_over());
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
    let lang = language::shown(language::initial(Some(&config)));
    let portal = Portal::new(config, lang);
    provide_context(portal.clone());
    components::reader::provide(&portal);
    watch::keep_current(&portal);
    let (route, clock_wrong) = (portal.route, portal.clock_wrong);
    // The views are drawn again when the clock comes to seem wrong or right,
    // under the reader's context that goes with it.
    let p = portal.clone();
    let reading = move || {
        clock_wrong.track();
        components::reader::provide(&p);
    };
    if portal.embed.is_some() {
        return view! { <ClockBanner/> {move || { reading(); view! { <Part load=|| Box::pin(routes::widget::part())/> } }} }.into_any();
    }
    // Only a change of view rebuilds the page; a filter or item change
    // updates it in place.
    let current_view = Memo::new(move |_| route.get().view);
    view! {
        <Header/>
        <ConnectionBar/>
        <DemoBanner compact=true/>
        <DangerBanner compact=true/>
        <ClockBanner/>
        <main id="main" tabindex="-1">
            <FeedProblems/>
            {move || { reading(); match current_view.get() {
                View::Now => view! { <routes::now::NowPage/> }.into_any(),
                View::Corridors => view! { <routes::corridors::CorridorsPage/> }.into_any(),
                View::Distribution => view! { <routes::distribution::DistributionPage/> }.into_any(),
                View::Notices => view! { <routes::notices::NoticesPage/> }.into_any(),
                View::About => view! { <Part title=Msg::AboutTitle load=|| Box::pin(routes::about::part())/> }.into_any(),
                View::Embed => view! { <Part title=Msg::EmbedTitle load=|| Box::pin(routes::builder::part())/> }.into_any(),
                // One governorate's sheet, or with an id one place's poster.
                View::Print => (move || match route.with(|r| r.id.clone()) {
                    Some(_) => view! { <Part title=Msg::PosterTitle load=|| Box::pin(routes::poster::part())/> }.into_any(),
                    None => view! { <Part title=Msg::PrintTitle load=|| Box::pin(routes::print::part())/> }.into_any(),
                })
                .into_any(),
                View::Map => view! { <Part title=Msg::MapTitle load=|| Box::pin(routes::map::part())/> }.into_any(),
            } }}
        </main>
        <Footer/>
    }
    .into_any()
}
