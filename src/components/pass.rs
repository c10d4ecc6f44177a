//! "Pass it on" (`crate::pass`), on the overview and in About the data:
//! write the page, say its name and size, then share or save it; and
//! whether that works with no connection on this phone.

use crate::components::text::tr;
use crate::i18n::Msg;
use crate::{modules, pass};
use crate::state::Portal;
use crate::components::part::Draw;
use leptos::prelude::*;
use leptos::wasm_split::SplitLoaderError;

/// "Pass it on"'s part of the app (components::part): the section on the
/// overview and in About the data, fetched after the view is drawn.
#[leptos::wasm_split::wasm_split(pass, wasm_split_path = ::leptos::wasm_split, fallible)]
pub fn part() -> Result<Draw, SplitLoaderError> {
    Ok(|| view! { <PassItOn/> }.into_any())
}

#[component]
pub fn PassItOn() -> impl IntoView {
    let portal = Portal::get();
    let lang = portal.lang;
    let written = RwSignal::new(None::<Option<pass::Ready>>);
    let busy = RwSignal::new(false);
    let write = move |_| {
        let p = portal.clone();
        busy.set(true);
        leptos::task::spawn_local(async move {
            let ready = pass::write(&p).await;
            written.update(|w| {
                if let Some(Some(old)) = w {
                    pass::release(old);
                }
                *w = Some(ready);
            });
            busy.set(false);
        });
    };
    let share = move |_| {
        // Closing the share sheet without choosing rejects: nothing to say.
        if let Some(shared) = pass::share() {
            leptos::task::spawn_local(async move {
                let _ = wasm_bindgen_futures::JsFuture::from(shared).await;
            });
        }
    };
    let outcome = move || {
        let l = lang.get();
        written.with(|w| match w {
            None => None,
            Some(None) => Some(view! { <p class="problem" role="status">{l.t(Msg::PassFailed)}</p> }.into_any()),
            Some(Some(w)) => {
                // Whole kilobytes, rounded: integer arithmetic, no float formatting in the wasm.
                let size = ((w.bytes + 512) / 1024).to_string();
                let ready = l.f(Msg::PassReady, &[("size", &size)]);
                Some(view! {
                    // The name as it is saved: never with the reader's digits.
                    <p role="status">{ready}" "<bdi dir="ltr">{w.name.clone()}</bdi></p>
                    <p class="pass-actions">
                        {pass::can_share().then(|| view! { <button type="button" class="refresh" on:click=share>{l.t(Msg::PassShare)}</button> })}
                        <a class="refresh" href=w.url.clone() download=w.name.clone()>{l.t(Msg::PassSave)}</a>
                    </p>
                }.into_any())
            }
        })
    };
    view! {
        <section class="pass" aria-labelledby="pass-title">
            <h2 id="pass-title">{tr(Msg::PassTitle)}</h2>
            <p>{tr(Msg::PassHelp)}</p>
            <button type="button" class="refresh" on:click=write disabled=move || busy.get()>{tr(Msg::PassButton)}</button>
            {outcome}
            <ReadyOffline/>
        </section>
    }
}

/// Whether the page can be made with no connection on this phone (the
/// service worker keeps the bulletin writer), and if not yet, a way to
/// make it so before a blackout: on a slow connection it is not fetched
/// unasked.
#[component]
fn ReadyOffline() -> impl IntoView {
    let lang = Portal::get().lang;
    let state = RwSignal::new(None::<(bool, String)>);
    let busy = RwSignal::new(false);
    let check = move || leptos::task::spawn_local(async move { state.try_set(modules::offline("pass").await); });
    check();
    // A first visit: the worker takes over after this is drawn.
    modules::when_controlled(check);
    let download = move |_| {
        busy.set(true);
        leptos::task::spawn_local(async move {
            modules::keep("pass").await;
            state.set(modules::offline("pass").await);
            busy.set(false);
        });
    };
    move || {
        let l = lang.get();
        state.get().map(|(ready, kb)| match ready {
            true => view! { <p class="verified">{l.t(Msg::PassOffline)}</p> }.into_any(),
            false => view! {
                <p>{l.f(Msg::PassNotOffline, &[("size", &kb)])}</p>
                <button type="button" class="refresh" on:click=download disabled=move || busy.get()>{l.t(Msg::PassGetReady)}</button>
            }
            .into_any(),
        })
    }
}
