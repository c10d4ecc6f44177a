//! The overview: what a person needs first, on one screen.

use super::corridors::sorted_corridors;
use super::distribution::sorted_points;
use super::list::Title;
use super::notices::{sorted_notices, SeverityTag};
use crate::components::chrome::NavLink;
use crate::components::status::{live_openness, OpennessBadge};
use crate::components::text::FeedText;
use crate::i18n::Msg;
use crate::route::{Route, View};
use crate::state::Portal;
use bawaba_model::{openness, Openness, Severity};
use leptos::prelude::*;

#[component]
pub fn NowPage() -> impl IntoView {
    view! {
        <Title msg=Msg::NavNow/>
        <CorridorsNow/>
        <ImportantNotices/>
        <DistributionNow/>
    }
}

fn see_all(view: View) -> impl IntoView {
    let lang = Portal::get().lang;
    view! {
        <p class="more">
            <NavLink to=Route { view, ..Route::default() }>{move || lang.get().t(Msg::SeeAll)}</NavLink>
        </p>
    }
}

#[component]
fn CorridorsNow() -> impl IntoView {
    let portal = Portal::get();
    let p = portal.clone();
    let items = Memo::new(move |_| sorted_corridors(&p));
    let (lang, now, tz) = (portal.lang, portal.now, portal.tz());
    let count = move || {
        let list = items.get();
        let open = list.iter().filter(|c| matches!(openness(c.status.class(), &c.schedule, now.get(), tz), Openness::Open { .. })).count();
        lang.get().f(Msg::HomeOpenCount, &[("open", &open.to_string()), ("total", &list.len().to_string())])
    };
    view! {
        <section class="summary" aria-labelledby="now-corridors">
            <h2 id="now-corridors">{move || lang.get().t(Msg::HomeCorridorsTitle)}</h2>
            <p class="count">{count}</p>
            <ul class="compact">
                <For each=move || items.get() key=|c| (c.base.id.clone(), c.base.updated_at) let:c>
                    <li>
                        <NavLink to=Route { view: View::Corridors, ..Route::default() }.with_id(&c.base.id)>
                            <FeedText text=c.name.clone()/>
                        </NavLink>
                        <OpennessBadge openness=live_openness(c.status.class(), c.schedule.clone())/>
                    </li>
                </For>
            </ul>
            {see_all(View::Corridors)}
        </section>
    }
}

#[component]
fn ImportantNotices() -> impl IntoView {
    let portal = Portal::get();
    let p = portal.clone();
    let lang = portal.lang;
    let items = Memo::new(move |_| {
        let mut v = sorted_notices(&p, false);
        v.retain(|n| n.severity.rank() <= Severity::Warning.rank());
        v.truncate(5);
        v
    });
    view! {
        <Show when=move || !items.get().is_empty()>
            <section class="summary" aria-labelledby="now-notices">
                <h2 id="now-notices">{move || lang.get().t(Msg::HomeNoticesTitle)}</h2>
                <ul class="compact">
                    <For each=move || items.get() key=|n| (n.base.id.clone(), n.base.updated_at) let:n>
                        <li>
                            <SeverityTag severity=n.severity.clone()/>
                            " "
                            <NavLink to=Route { view: View::Notices, ..Route::default() }.with_id(&n.base.id)>
                                <FeedText text=n.title.clone()/>
                            </NavLink>
                        </li>
                    </For>
                </ul>
                {see_all(View::Notices)}
            </section>
        </Show>
    }
}

#[component]
fn DistributionNow() -> impl IntoView {
    let portal = Portal::get();
    let p = portal.clone();
    let (lang, now, tz) = (portal.lang, portal.now, portal.tz());
    let counts = Memo::new(move |_| {
        let list = sorted_points(&p);
        let open = list.iter().filter(|d| matches!(openness(d.status.class(), &d.schedule, now.get(), tz), Openness::Open { .. })).count();
        (open, list.len())
    });
    view! {
        <section class="summary" aria-labelledby="now-distribution">
            <h2 id="now-distribution">{move || lang.get().t(Msg::HomeDistributionTitle)}</h2>
            <p class="count">{move || {
                let (open, total) = counts.get();
                lang.get().f(Msg::HomeDistributionOpenCount, &[("open", &open.to_string()), ("total", &total.to_string())])
            }}</p>
            {see_all(View::Distribution)}
        </section>
    }
}
