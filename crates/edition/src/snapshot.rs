//! The first screen, written into `index.html` at publish time so the first
//! response already carries the data: the overview in the deployment's
//! default language, drawn by the same lines and banners as the live
//! overview, in the `Published` edition (status as published, full dates,
//! never "open now"). The portal removes it once its own data is drawn.
//!
//! Without the app (no script, no WebAssembly) it stays, and its links lead
//! to the static pages, which work everywhere.

use bawaba_ui::banners::{DangerBanner, DemoBanner};
use bawaba_ui::cards::{CorridorLine, NoticeLine};
use crate::page::{everything, CarriedFeed};
use crate::words::{self as ed, PageMsg};
use bawaba_ui::i18n::{Lang, Msg};
use bawaba_ui::status::{Counts, Said, Stated};
use bawaba_ui::text::FeedText;
use bawaba_model::{LocalizedText, Severity};
use leptos::prelude::*;

/// How many notices the overview lists, as the live one does.
const NOTICES: usize = 5;

/// The address of a language's static page, relative to `index.html`.
pub fn static_page(lang: Lang) -> String {
    format!("static/{}.html", lang.tag())
}

/// The overview as published. The reader's context must be `Published`,
/// with `now` the time of writing and links into the static page.
#[component]
pub fn Snapshot(
    sources: Vec<CarriedFeed>,
    site_name: Option<LocalizedText>,
    /// The languages the deployment offers, each linking to its static page.
    languages: Vec<Lang>,
) -> impl IntoView {
    let all = everything(&sources, PageMsg::SnapshotAsPublished);
    let (lang, dangers, written) = (all.lang, all.dangers.clone(), all.written.clone());
    let mut corridors = all.corridors.clone();
    corridors.sort_by_key(|c| c.stated().tone(Said::Published));
    // As declared by their publishers: the page says when, and never "now".
    let corridor_count = Counts::of(corridors.iter().map(|c| c.stated().counted(Said::Published))).line(lang, true);
    let notices: Vec<_> = all.notices.iter().filter(|n| n.severity.rank() <= Severity::Warning.rank()).take(NOTICES).cloned().collect();
    let points = Counts::of(all.points.iter().map(|p| p.stated().counted(Said::Published))).line(lang, true);
    let everything_link = static_page(lang);
    view! {
        <header class="site-header">
            <div class="brand">
                <a class="brand-link" href="./">
                    {match site_name {
                        Some(n) => view! { <FeedText text=n/> }.into_any(),
                        None => view! { <span>{lang.t(Msg::AppName)}</span> }.into_any(),
                    }}
                </a>
            </div>
            <nav class="lang-switch" aria-label=lang.t(Msg::LanguageLabel)>
                {languages.into_iter().map(|l| view! {
                    <a href=static_page(l) lang=l.tag() hreflang=l.tag() aria-current=(l == lang).then_some("true")>{l.autonym()}</a>
                }).collect_view()}
            </nav>
        </header>
        <DemoBanner/>
        <DangerBanner dangers=Signal::stored(dangers)/>
        <main>
            // Not "Now": this is the overview as it was published.
            <h1>{ed::t(lang, PageMsg::Title)}</h1>
            <p class="as-published">{written}</p>
            <section class="summary">
                <h2>{lang.t(Msg::NavCorridors)}</h2>
                <p class="count">{corridor_count}</p>
                <ul class="compact">
                    {corridors.into_iter().map(|c| view! { <CorridorLine corridor=c/> }).collect_view()}
                </ul>
            </section>
            {(!notices.is_empty()).then(|| view! {
                <section class="summary">
                    <h2>{lang.t(Msg::HomeNoticesTitle)}</h2>
                    <ul class="compact">
                        {notices.into_iter().map(|n| view! { <NoticeLine notice=n/> }).collect_view()}
                    </ul>
                </section>
            })}
            <section class="summary">
                <h2>{lang.t(Msg::HomeDistributionTitle)}</h2>
                <p class="count">{points}</p>
            </section>
            <p class="more"><a href=everything_link>{ed::t(lang, PageMsg::SnapshotEverything)}</a></p>
        </main>
    }
}
