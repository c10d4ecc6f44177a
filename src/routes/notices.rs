//! Reconstruction and safety notices, most severe first.

use super::list::{haystack, listing, search_index, Cards, EnumFilter, ListFrame, SearchIndex};
use crate::components::chrome::NavLink;
use crate::components::item::{Areas, Links, OptionalText, Updated};
use crate::components::share::{notice_text, ItemShare};
use crate::components::text::FeedText;
use crate::format;
use crate::i18n::{Label, Msg};
use crate::route::{Route, View};
use crate::state::Portal;
use bawaba_model::search::Query;
use bawaba_model::{Category, FeedKind, Notice, Severity};
use leptos::prelude::*;
use std::sync::Arc;

/// Current notices (or past ones with `past`), severity first, newest first.
/// With `index`, the search reads the normalised text built once per feed,
/// as the other lists do; without (widgets, the home page), nothing is searched.
pub fn sorted_notices(portal: &Portal, past: bool, index: Option<Memo<SearchIndex>>) -> Vec<Arc<Notice>> {
    let route = portal.route.get();
    let now = portal.now.get();
    let mut filter = route.filter();
    let index = match index {
        Some(m) if !filter.query.is_empty() => Some(m.get()),
        _ => {
            filter.query = Query::default();
            None
        }
    };
    let mut items: Vec<Arc<Notice>> = portal
        .notices()
        .into_iter()
        .filter(|n| (filter.id.is_some() || n.is_expired(now) == past) && filter.keeps_notice(n, || haystack(&index, n)))
        .collect();
    items.sort_by(|a, b| a.severity.rank().cmp(&b.severity.rank()).then(b.effective_at.cmp(&a.effective_at)));
    items
}

#[component]
pub fn NoticesPage() -> impl IntoView {
    let portal = Portal::get();
    let p = portal.clone();
    let route = portal.route;
    let lang = portal.lang;
    let past = Memo::new(move |_| route.get().past);
    let listing = listing();
    let index = search_index(Portal::notices);
    let items = Memo::new(move |_| sorted_notices(&p, past.get(), Some(index)));
    view! {
        <ListFrame title=Msg::NavNotices kind=FeedKind::Notices area_filter=true>
            {move || past.get().then(|| view! { <p class="subtitle">{move || lang.get().t(Msg::PastNotices)}</p> })}
            {move || listing.get().then(|| view! {
                <EnumFilter id="category-filter" label=Msg::CategoryLabel values=Category::KNOWN wire=Category::wire
                    get=|r| r.category.clone() set=|r, v| r.category = v/>
                <EnumFilter id="severity-filter" label=Msg::SeverityLabel values=Severity::KNOWN wire=Severity::wire
                    get=|r| r.severity.clone() set=|r, v| r.severity = v/>
            })}
            <Cards items=items card=|i| view! { <NoticeCard notice=i/> }.into_any()/>
            {move || listing.get().then(|| {
                let to = Route { view: View::Notices, past: !past.get(), ..Route::default() };
                view! {
                    <p class="more">
                        <NavLink to=to>{move || lang.get().t(if past.get() { Msg::BackToList } else { Msg::PastNotices })}</NavLink>
                    </p>
                }
            })}
        </ListFrame>
    }
}

/// A severity as a shape, a symbol and a word.
/// A notice in a short list (overview, compact widget): severity and title,
/// and when it starts if it has not yet; a short list shows no other dates,
/// and a notice for tomorrow must not read as today's.
#[component]
pub fn NoticeLine(notice: Arc<Notice>) -> impl IntoView {
    let portal = Portal::get();
    let (lang, now, tz) = (portal.lang, portal.now, portal.tz());
    let starts = notice.effective_at;
    view! {
        <li>
            <SeverityTag severity=notice.severity.clone()/>
            " "
            <NavLink to=Route { view: View::Notices, ..Route::default() }.with_id(&notice.base.id)>
                <FeedText text=notice.title.clone()/>
            </NavLink>
            {move || {
                let (l, t) = (lang.get(), now.get());
                (starts > t).then(|| view! { <span class="starts">{l.f(Msg::NotYetInEffect, &[("time", &format::day_time(l, starts, t, tz))])}</span> })
            }}
        </li>
    }
}

#[component]
pub fn SeverityTag(severity: Severity) -> impl IntoView {
    let lang = Portal::get().lang;
    let (class, icon) = match severity {
        Severity::Danger => ("danger", "‼"),
        Severity::Warning => ("warning", "⚠"),
        Severity::Advisory => ("advisory", "!"),
        Severity::Info => ("info", "i"),
        Severity::Other(_) => ("warning", "?"),
    };
    let m = severity.msg();
    view! {
        <span class=format!("severity severity-{class}")>
            <span class="icon" aria-hidden="true">{icon}</span>
            {move || lang.get().t(m)}
        </span>
    }
}

#[component]
pub fn NoticeCard(notice: Arc<Notice>) -> impl IntoView {
    let n = (*notice).clone();
    let portal = Portal::get();
    let (lang, now, tz) = (portal.lang, portal.now, portal.tz());
    let (effective, expires) = (n.effective_at, n.expires_at);
    let category = n.category.msg();
    let when = move || {
        let (l, t) = (lang.get(), now.get());
        let mut parts = vec![];
        let started = effective <= t;
        let from = format::day_time(l, effective, t, tz);
        parts.push(if started {
            l.f(Msg::EffectiveFrom, &[("time", &from)])
        } else {
            l.f(Msg::NotYetInEffect, &[("time", &from)])
        });
        if let Some(e) = expires {
            if e <= t {
                parts.push(l.t(Msg::Expired).to_owned());
            } else {
                parts.push(l.f(Msg::ExpiresAt, &[("time", &format::day_time(l, e, t, tz))]));
            }
        }
        parts.join(" · ")
    };
    let item = notice.clone();
    view! {
        <article class=format!("card notice notice-{}", n.severity.wire()) aria-labelledby=format!("n-{}", n.base.id)>
            <p class="tags">
                <SeverityTag severity=n.severity.clone()/>
                <span class="category">{lang.get_untracked().t(category)}</span>
            </p>
            <h2 id=format!("n-{}", n.base.id)>
                <NavLink to=Route { view: View::Notices, ..Route::default() }.with_id(&n.base.id)>
                    <FeedText text=n.title.clone()/>
                </NavLink>
            </h2>
            <p class="when">{when}</p>
            {n.body.clone().map(|b| view! { <p class="body"><FeedText text=b/></p> })}
            <dl>
                <Areas areas=n.base.area.clone()/>
                <OptionalText label=Msg::NotesLabel text=n.base.notes.clone()/>
                <Links links=n.base.links.clone()/>
            </dl>
            <ItemShare view=View::Notices id=notice.base.id.clone() text=move |p: &Portal, link: &str| { notice_text(&item, p.lang.get(), p.default_language(), p.now.get(), p.tz(), p.any_demo(), link) }/>
            <Updated base=n.base.clone()/>
        </article>
    }
}
