//! A view in a part of the app of its own (the map, the printable page, the
//! poster, the widget builder, About the data): its code (a wasm chunk,
//! split off at build time by tools/split.mjs) and its styles
//! (style/views.css) are fetched when it is first opened, and it is drawn
//! once both are here, never half-styled. A phone that cannot fetch them
//! (offline, and the view never opened here with a connection) says so, and
//! can try again.

use crate::components::frame::Title;
use crate::components::text::tr;
use crate::i18n::Msg;
use crate::page;
use crate::state::Portal;
use crate::store::Trouble;
use leptos::prelude::*;
use leptos::wasm_split::SplitLoaderError;
use std::future::Future;
use std::pin::Pin;

/// A view's code once its part has arrived.
pub type Draw = fn() -> AnyView;
/// Fetches a part (at once when it is here) and gives its view's code.
pub type Load = fn() -> Pin<Box<dyn Future<Output = Result<Draw, SplitLoaderError>>>>;

/// `title`: the view's heading, shown while the part is on its way or
/// missing; without one (a section of a view) nothing shows meanwhile.
/// `when_seen`: fetched only once the reader scrolls near it.
#[component]
pub fn Part(#[prop(optional)] title: Option<Msg>, load: Load, #[prop(optional)] when_seen: bool) -> impl IntoView {
    let heading = move || title.map(|msg| view! { <Title msg=msg/> });
    let styles = RwSignal::new(None::<bool>);
    let code = RwSignal::new(None::<Option<Draw>>);
    // Whether the phone was online when the part could not be had: offline,
    // it needs a connection; online, the file is not there (most likely a
    // newer deployment since the page was opened), and a reload helps;
    // unless no feed could be reached either: a phone attached to a mobile
    // network that passes nothing (a blackout's usual shape) is online to
    // the browser.
    let Portal { online, feeds, .. } = Portal::get();
    let failed_online = RwSignal::new(false);
    let fetch = move || {
        styles.set(None);
        code.set(None);
        failed_online.set(false);
        page::view_styles(move |ok| {
            if !ok {
                failed_online.try_set(online.get_untracked());
            }
            styles.try_set(Some(ok));
        });
        leptos::task::spawn_local(async move {
            let drawn = load().await.ok();
            failed_online.try_set(drawn.is_none() && online.get_untracked());
            code.try_set(Some(drawn));
        });
    };
    let started = RwSignal::new(!when_seen);
    let spot = NodeRef::<leptos::html::Div>::new();
    if when_seen {
        Effect::new(move || {
            if let Some(el) = spot.get() {
                page::when_seen(&el, move || {
                    started.try_set(true);
                    fetch();
                });
            }
        });
    } else {
        fetch();
    }
    move || match (started.get(), styles.get(), code.get()) {
        (false, ..) => view! { <div class="part-spot" node_ref=spot></div> }.into_any(),
        (_, Some(true), Some(Some(draw))) => draw(),
        (_, Some(false), _) | (_, _, Some(None)) => {
            // One view for both cases: each view shape costs the shell bytes.
            let gone = failed_online.get() && !feeds.iter().all(|s| s.state.with(|st| st.trouble.as_ref().is_some_and(Trouble::no_way)));
            let (said, action) = if gone { (Msg::PartFailed, Msg::Reload) } else { (Msg::PartNeedsNetwork, Msg::TryAgain) };
            view! {
                {heading}
                <p class="problem" role="alert">{tr(said)}</p>
                <button type="button" class="refresh" on:click=move |_| if gone { page::reload() } else { fetch() }>{tr(action)}</button>
            }
            .into_any()
        }
        _ => title.is_some().then(|| view! { {heading}<p role="status">{tr(Msg::Loading)}</p> }).into_any(),
    }
}
