//! Banners shown on every view: demo data, and danger notices.

use crate::cards::NoticeLine;
use crate::i18n::Msg;
use crate::reader::Reader;
use bawaba_model::Notice;
use leptos::prelude::*;
use std::sync::Arc;

/// Shown whenever any feed on screen says `demo: true`. A named landmark, so
/// it is in a screen reader's list of regions and no text sits outside one.
#[component]
pub fn DemoBanner() -> impl IntoView {
    let reader = Reader::get();
    let (lang, demo) = (reader.lang, reader.demo);
    move || {
        demo.get().then(|| {
            view! {
                <aside class="demo-banner" aria-label=move || lang.get().t(Msg::DemoLabel)>
                    <span class="icon" aria-hidden="true">"⚠"</span>
                    {move || lang.get().t(Msg::DemoBanner)}
                </aside>
            }
        })
    }
}

/// Danger notices in effect, each linking to its detail. The caller chooses
/// which (every view: those in effect now, for the widget's area).
#[component]
pub fn DangerBanner(#[prop(into)] dangers: Signal<Vec<Arc<Notice>>>) -> impl IntoView {
    let lang = Reader::get().lang;
    move || {
        let list = dangers.get();
        (!list.is_empty()).then(|| {
            view! {
                <section class="danger-banner" aria-labelledby="danger-banner-title">
                    <h2 id="danger-banner-title" class="danger-title">
                        <span class="icon" aria-hidden="true">"⚠"</span>
                        {move || lang.get().t(Msg::DangerBannerLabel)}
                    </h2>
                    <ul>
                        {list.into_iter().map(|n| view! { <NoticeLine notice=n no_tag=true/> }).collect_view()}
                    </ul>
                </section>
            }
        })
    }
}
