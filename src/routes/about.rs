//! Where the information comes from, and every problem found in it: the
//! "details section a publisher can read" of contract section 5.

use crate::components::text::tr;
use crate::components::frame::Title;
use crate::components::map_credits::MapCredits;
use crate::components::part::{Draw, Part};
use leptos::wasm_split::SplitLoaderError;
use crate::components::pass;
use crate::components::text::RawText;
use bawaba_ui::source::{feed_facts, SourceTitle};
use crate::i18n::{describe, fill, Label, Lang, Msg};
use crate::state::{FeedSlot, Portal};
use crate::store::Trouble;
use leptos::prelude::*;

/// About the data's part of the app (components::part), fetched when
/// first opened.
#[leptos::wasm_split::wasm_split(about, wasm_split_path = ::leptos::wasm_split, fallible)]
pub fn part() -> Result<Draw, SplitLoaderError> {
    Ok(|| view! { <AboutPage/> }.into_any())
}

#[component]
pub fn AboutPage() -> impl IntoView {
    let portal = Portal::get();
    let slots = portal.feeds.iter().cloned().collect::<Vec<_>>();
    view! {
        <Title msg=Msg::AboutTitle/>
        <p>{tr(Msg::AboutIntro)}</p>
        <h2>{tr(Msg::FeedsTitle)}</h2>
        <ul class="cards">
            {slots.into_iter().map(|s| view! { <li><FeedReport source=s/></li> }).collect_view()}
        </ul>
        <Part load=|| Box::pin(pass::part())/>
        <OpenSharedFile/>
        <h2>{tr(Msg::MapTitle)}</h2>
        <MapCredits/>
    }
}

/// "Open a shared file": a bulletin someone passed on (`crate::receive`).
#[component]
fn OpenSharedFile() -> impl IntoView {
    let portal = Portal::get();
    let outcome = RwSignal::new(Vec::<String>::new());
    // Opened from the phone's share sheet (manifest's share_target, sw.js):
    // taken in once the kept copies are on screen, since what is newer is
    // judged against them.
    if window().location().search().unwrap_or_default().contains("shared=1") {
        let p = portal.clone();
        Effect::new(move |taken: Option<bool>| {
            if taken == Some(true) || p.loading() {
                return taken.unwrap_or(false);
            }
            let p = p.clone();
            leptos::task::spawn_local(async move {
                if let Some(text) = crate::store::take_shared().await {
                    outcome.set(crate::receive::open_text(&p, text).await);
                }
            });
            true
        });
    }
    let on_change = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        let Some(file) = input.files().and_then(|f| f.get(0)) else { return };
        input.set_value("");
        // The last file's outcome goes while this one is read.
        outcome.set(Vec::new());
        let p = portal.clone();
        leptos::task::spawn_local(async move { outcome.set(crate::receive::open(&p, file).await) });
    };
    view! {
        <h2 id="shared">{tr(Msg::OpenSharedTitle)}</h2>
        <p>{tr(Msg::OpenSharedHelp)}</p>
        // The browser's own control is in the browser's language, not the
        // page's: hidden, and opened by a button in the reader's words.
        <input id="shared-file" class="vh" type="file" accept=".html,.htm,text/html" on:change=on_change/>
        <label for="shared-file" class="refresh">{tr(Msg::OpenSharedButton)}</label>
        <ul class="shared-outcome" aria-live="polite">{move || outcome.get().into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}</ul>
    }
}

/// Items whose point lies in another governorate than their `area` says: the
/// portal files them under the publisher's `area`, and says so here.
fn misfiled_lines(l: Lang, feed: &bawaba_model::Feed) -> Vec<String> {
    bawaba_model::governorates::misfiled(&feed.items)
        .into_iter()
        // The id last: text from the feed is never read for placeholders.
        .map(|(base, point)| {
            let area = base.area.iter().map(|a| l.t(a.msg())).collect::<Vec<_>>().join(l.list_sep());
            fill(l.t(Msg::AreaElsewhere), &[("point", l.t(point.msg()).to_owned()), ("area", area), ("item", bawaba_ui::plain::isolate(&base.id))])
        })
        .collect()
}

#[component]
fn FeedReport(source: FeedSlot) -> impl IntoView {
    let portal = Portal::get();
    let lang = portal.lang;
    let url = source.url.clone();
    let s = source.clone();
    let body = move || {
        let l = lang.get();
        let st = s.state.get();
        let failure = match &st.trouble {
            Some(Trouble::Failed(e)) | Some(Trouble::Held(bawaba_model::keep::Held::Failed(e))) => {
                Some(describe::load_error(l, e))
            }
            _ => None,
        };
        let failure = failure.map(|f| view! { <p class="problem" role="status">{f}</p> });
        let body = match st.feed {
            None if st.trouble.is_none() => view! { <p>{l.t(Msg::FeedLoading)}</p> }.into_any(),
            None => ().into_any(),
            Some(feed) => {
                let issues = feed.issues.clone();
                let skipped = feed.skipped;
                let misfiled = misfiled_lines(l, &feed);
                view! {
                    {feed_facts(&feed, st.verified_by.clone())}
                    {(!issues.is_empty()).then(|| view! {
                        <details class="issues">
                            <summary>
                                {l.t(Msg::DetailsForPublishers)}" — "
                                {l.count(crate::i18n::Count::SkippedItems, skipped as u64)}
                            </summary>
                            <ul>
                                {issues.into_iter().map(|i| view! {
                                    <li>
                                        <code dir="ltr">{i.path.clone()}</code>
                                        {i.item_id.clone().map(|id| view! { " (" <RawText text=id/> ")" })}
                                        {l.colon()}{describe::problem(l, &i.problem)}" — "{describe::effect(l, &i)}
                                    </li>
                                }).collect_view()}
                            </ul>
                        </details>
                    })}
                    {(!misfiled.is_empty()).then(|| view! {
                        <details class="issues">
                            <summary>{l.t(Msg::AreaMismatches)}" — "{misfiled.len()}</summary>
                            <ul>{misfiled.into_iter().map(|line| view! { <li>{line}</li> }).collect_view()}</ul>
                        </details>
                    })}
                }
                .into_any()
            }
        };
        view! { {failure} {body} }
    };
    view! {
        <article class="card">
            <SourceTitle url=url/>
            {body}
        </article>
    }
}
