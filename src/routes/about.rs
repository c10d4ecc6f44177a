//! Where the information comes from, and every problem found in it: the
//! "details section a publisher can read" of contract section 5.

use super::list::Title;
use crate::components::text::{FeedText, RawText};
use crate::format;
use crate::i18n::{describe, Msg};
use crate::state::{FeedSlot, Portal};
use crate::store::Trouble;
use bawaba_model::FeedKind;
use leptos::prelude::*;

#[component]
pub fn AboutPage() -> impl IntoView {
    let portal = Portal::get();
    let lang = portal.lang;
    let slots = portal.feeds.iter().cloned().collect::<Vec<_>>();
    view! {
        <Title msg=Msg::AboutTitle/>
        <p>{move || lang.get().t(Msg::AboutIntro)}</p>
        <h2>{move || lang.get().t(Msg::FeedsTitle)}</h2>
        <ul class="cards">
            {slots.into_iter().map(|s| view! { <li><FeedReport source=s/></li> }).collect_view()}
        </ul>
    }
}

#[component]
fn FeedReport(source: FeedSlot) -> impl IntoView {
    let portal = Portal::get();
    let (lang, now) = (portal.lang, portal.now);
    let url = source.url.clone();
    let s = source.clone();
    let body = move || {
        let l = lang.get();
        let t = now.get();
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
                let kind = match feed.kind() {
                    FeedKind::Corridors => Msg::KindCorridors,
                    FeedKind::DistributionPoints => Msg::KindDistribution,
                    _ => Msg::KindNotices,
                };
                let publisher = feed.publisher.as_ref().and_then(|p| p.name.clone());
                let published = match feed.published_at {
                    Some(p) => format!("{} ({})", format::day_time(l, p, t, portal.tz()), format::age(l, p, t)),
                    None => l.t(Msg::PublishedUnknown).to_owned(),
                };
                let expires = match feed.expires_at {
                    Some(e) => format::day_time(l, e, t, portal.tz()),
                    None => l.t(Msg::FeedNoExpiry).to_owned(),
                };
                let issues = feed.issues.clone();
                let signature = match &st.verified_by {
                    Some(key) => crate::i18n::fill(l.t(Msg::SignatureVerified), &[("key", key.clone())]),
                    None => l.t(Msg::SignatureNotRequired).to_owned(),
                };
                view! {
                    <dl>
                        <div class="field"><dt>{l.t(Msg::TypeLabel)}</dt><dd>{l.t(kind)}</dd></div>
                        {publisher.map(|n| view! { <div class="field"><dt>{l.t(Msg::OrganizationLabel)}</dt><dd><FeedText text=n/></dd></div> })}
                        <div class="field"><dt>{l.t(Msg::PublishedLabel)}</dt><dd>{published}</dd></div>
                        <div class="field"><dt>{l.t(Msg::FeedExpires)}</dt><dd>{expires}</dd></div>
                        <div class="field"><dt>{l.t(Msg::FeedItems)}</dt><dd>{l.digits(&feed.items.len().to_string())}</dd></div>
                        <div class="field"><dt>{l.t(Msg::SignatureLabel)}</dt><dd class="signature">{signature}</dd></div>
                    </dl>
                    {(!issues.is_empty()).then(|| view! {
                        <details class="issues">
                            <summary>
                                {l.t(Msg::DetailsForPublishers)}" — "
                                {l.count(crate::i18n::Count::SkippedItems, feed.skipped as u64)}
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
                }
                .into_any()
            }
        };
        view! { {failure} {body} }
    };
    view! {
        <article class="card">
            <h3><span>{move || lang.get().t(Msg::FeedSource)}</span>{move || lang.get().colon()}<RawText text=url/></h3>
            {body}
        </article>
    }
}
