//! "Pass it on" (`crate::pass`), on the overview and in About the data:
//! write the page, say its name and size, then share or save it.

use crate::components::text::tr;
use crate::i18n::Msg;
use crate::pass;
use crate::state::Portal;
use leptos::prelude::*;

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
        </section>
    }
}
