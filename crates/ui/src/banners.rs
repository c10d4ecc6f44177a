//! Banners shown on every view: demo data, and danger notices.

use crate::cards::NoticeLine;
use crate::i18n::Msg;
use crate::reader::Reader;
use bawaba_model::Notice;
use leptos::prelude::*;
use std::sync::Arc;

/// Shown whenever any feed on screen says `demo: true`. A named landmark, so
/// it is in a screen reader's list of regions and no text sits outside one.
///
/// `compact` (the portal): a strip of one line, whole while it has focus (a
/// tap or the keyboard), so the first screen is left to the data. Done in the
/// stylesheet, so a screen reader always has the whole text.
#[component]
pub fn DemoBanner(#[prop(optional)] compact: bool) -> impl IntoView {
    let reader = Reader::get();
    let (lang, demo) = (reader.lang, reader.demo);
    move || {
        demo.get().then(|| {
            view! {
                <aside class=banded("demo-banner", compact) tabindex=compact.then_some("0") aria-label=move || lang.get().t(Msg::DemoLabel)>
                    <span class="icon" aria-hidden="true">"⚠"</span>
                    {move || lang.get().t(Msg::DemoBanner)}
                </aside>
            }
        })
    }
}

/// The class of a banner, as a band when compact.
fn banded(class: &'static str, compact: bool) -> String {
    if compact { format!("{class} band") } else { class.to_owned() }
}

/// Danger notices in effect, each linking to its detail. The caller chooses
/// which (every view: those in effect now, for the widget's area) and their
/// order. `compact`: a strip as for [`DemoBanner`], with the count and the
/// first notice; the first stays where it is when the strip opens, so a tap on
/// it lands on it.
#[component]
pub fn DangerBanner(
    #[prop(into)] dangers: Signal<Vec<Arc<Notice>>>,
    #[prop(optional)] compact: bool,
    /// What the portal adds after the notices ("Listen").
    #[prop(optional_no_strip)]
    actions: Option<ViewFn>,
) -> impl IntoView {
    let lang = Reader::get().lang;
    move || {
        let list = dangers.get();
        let count = list.len();
        (count > 0).then(|| {
            view! {
                <section class=banded("danger-banner", compact) tabindex=compact.then_some("0") aria-labelledby="danger-banner-title">
                    <h2 id="danger-banner-title" class="danger-title" data-count=move || compact.then(|| lang.get().digits(&count.to_string()))>
                        <span class="icon" aria-hidden="true">"⚠"</span>
                        {move || lang.get().t(Msg::DangerBannerLabel)}
                    </h2>
                    <ul>
                        {list.into_iter().map(|n| view! { <NoticeLine notice=n no_tag=true/> }).collect_view()}
                    </ul>
                    {actions.as_ref().map(|a| view! { <div class="banner-actions">{a.run()}</div> })}
                </section>
            }
        })
    }
}
