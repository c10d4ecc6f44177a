//! The overview: what a person needs first, on one screen.

use super::corridors::ordered_corridors;
use super::distribution::ordered_points;
use super::list::{item_key, Ordered, Title};
use super::notices::{sorted_notices, NoticeLine};
use crate::components::chrome::NavLink;
use crate::components::feed_status::ExpiredFeeds;
use crate::components::pass::PassItOn;
use bawaba_ui::cards::CorridorLine;
use crate::i18n::Msg;
use crate::route::{Route, View};
use crate::state::Portal;
use bawaba_model::{FeedKind, Severity};
use leptos::prelude::*;

#[component]
pub fn NowPage() -> impl IntoView {
    view! {
        <Title msg=Msg::NavNow unseen=true/>
        <CorridorsNow/>
        <ImportantNotices/>
        <DistributionNow/>
        <PassItOn/>
    }
}

/// True while the phone's clock seems wrong: no count of what is open now.
fn clock_wrong() -> impl Fn() -> bool + Copy + Send + Sync + 'static {
    let wrong = Portal::get().clock_wrong;
    move || wrong.get()
}

/// (open now, total) of an ordered list.
fn open_count<T>(ordered: &Ordered<T>) -> (usize, usize) {
    (ordered.iter().filter(|(key, _)| key.0 == 0).count(), ordered.len())
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
    let lang = Portal::get().lang;
    let wrong = clock_wrong();
    let ordered = ordered_corridors();
    let items = move || ordered.get().iter().map(|(_, c)| c.clone()).collect::<Vec<_>>();
    // A restricted crossing is open, but not to everyone: counted apart.
    let count = move || {
        let o = ordered.get();
        let (open, total) = open_count(&o);
        let restricted = o.iter().filter(|(key, c)| key.0 == 0 && c.status.is_restricted()).count();
        let msg = if restricted > 0 { Msg::HomeOpenRestricted } else { Msg::HomeOpenCount };
        lang.get().f(msg, &[("open", &open.to_string()), ("total", &total.to_string()), ("restricted", &restricted.to_string())])
    };
    view! {
        <section class="summary" aria-labelledby="now-corridors">
            <h2 id="now-corridors">{move || lang.get().t(Msg::HomeCorridorsTitle)}</h2>
            <p class="count" hidden=move || wrong().then_some("")>{count}</p>
            <ExpiredFeeds kinds=vec![FeedKind::Corridors]/>
            <ul class="compact">
                <For each=items key=item_key let:c>
                    <CorridorLine corridor=c/>
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
        let mut v = sorted_notices(&p, false, None);
        v.retain(|n| n.severity.rank() <= Severity::Warning.rank());
        v.truncate(5);
        v
    });
    view! {
        <Show when=move || !items.with(Vec::is_empty)>
            <section class="summary" aria-labelledby="now-notices">
                <h2 id="now-notices">{move || lang.get().t(Msg::HomeNoticesTitle)}</h2>
                <ExpiredFeeds kinds=vec![FeedKind::Notices]/>
                <ul class="compact">
                    <For each=move || items.get() key=item_key let:n>
                        <NoticeLine notice=n/>
                    </For>
                </ul>
                {see_all(View::Notices)}
            </section>
        </Show>
    }
}

#[component]
fn DistributionNow() -> impl IntoView {
    let lang = Portal::get().lang;
    let wrong = clock_wrong();
    let ordered = ordered_points();
    let counts = Memo::new(move |_| open_count(&ordered.get()));
    view! {
        <section class="summary" aria-labelledby="now-distribution">
            <h2 id="now-distribution">{move || lang.get().t(Msg::HomeDistributionTitle)}</h2>
            <p class="count" hidden=move || wrong().then_some("")>{move || {
                let (open, total) = counts.get();
                lang.get().f(Msg::HomeDistributionOpenCount, &[("open", &open.to_string()), ("total", &total.to_string())])
            }}</p>
            <ExpiredFeeds kinds=vec![FeedKind::DistributionPoints]/>
            {see_all(View::Distribution)}
        </section>
    }
}
