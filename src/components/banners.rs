//! Banners shown on every view: demo data, and danger notices.

use crate::components::chrome::NavLink;
use crate::components::text::FeedText;
use crate::i18n::Msg;
use crate::route::{Route, View};
use crate::state::Portal;
use bawaba_model::Severity;
use leptos::prelude::*;

/// Shown whenever any loaded feed says `demo: true`. A named landmark, so
/// it is in a screen reader's list of regions and no text sits outside one.
#[component]
pub fn DemoBanner() -> impl IntoView {
    let portal = Portal::get();
    let p = portal.clone();
    let lang = portal.lang;
    view! {
        <Show when=move || p.any_demo()>
            <aside class="demo-banner" aria-label=move || lang.get().t(Msg::DemoLabel)>
                <span class="icon" aria-hidden="true">"⚠"</span>
                {move || lang.get().t(Msg::DemoBanner)}
            </aside>
        </Show>
    }
}

/// Danger notices in effect now, on every view, each linking to its detail.
#[component]
pub fn DangerBanner(
    /// Only notices for this area (or for no particular area): a widget about
    /// Rafah shows Rafah's dangers.
    #[prop(optional)]
    area: Option<String>,
) -> impl IntoView {
    let portal = Portal::get();
    let p = portal.clone();
    let dangers = Memo::new(move |_| {
        let now = p.now.get();
        p.notices()
            .into_iter()
            .filter(|n| n.severity == Severity::Danger && !n.is_expired(now) && n.effective_at <= now)
            .filter(|n| match area.as_deref().filter(|a| !a.is_empty()) {
                Some(a) => n.base.area.is_empty() || n.base.area.iter().any(|x| x.wire() == a),
                None => true,
            })
            .collect::<Vec<_>>()
    });
    let lang = portal.lang;
    view! {
        <Show when=move || !dangers.with(Vec::is_empty)>
            <section class="danger-banner" aria-labelledby="danger-banner-title">
                <h2 id="danger-banner-title" class="danger-title">
                    <span class="icon" aria-hidden="true">"⚠"</span>
                    {move || lang.get().t(Msg::DangerBannerLabel)}
                </h2>
                <ul>
                    <For each=move || dangers.get() key=|n| n.base.id.clone() let:n>
                        <li>
                            <NavLink to=Route { view: View::Notices, id: Some(n.base.id.clone()), ..Route::default() }>
                                <FeedText text=n.title.clone()/>
                            </NavLink>
                        </li>
                    </For>
                </ul>
            </section>
        </Show>
    }
}
