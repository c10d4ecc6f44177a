//! The overview: what a person needs first, on one screen.

use crate::components::text::tr;
use crate::components::feed_status::ExpiredFeeds;
use crate::components::frame::Title;
use crate::components::nav_link::NavLink;
use crate::components::part::Part;
use crate::components::pass;
use crate::derived::{item_key, notices, Ordered};
use crate::i18n::Msg;
use crate::route::{Route, View};
use crate::state::Portal;
use bawaba_model::{FeedKind, Severity};
use bawaba_ui::cards::{CorridorLine, NoticeLine};
use bawaba_ui::status::{Counts, Said, Stated};
use leptos::prelude::*;

#[component]
pub fn NowPage() -> impl IntoView {
    view! {
        <Title msg=Msg::NavNow unseen=true/>
        <CorridorsNow/>
        <ImportantNotices/>
        <DistributionNow/>
        <Part load=|| Box::pin(pass::part()) when_seen=true/>
    }
}

/// How many places of a list are in each state now (`bawaba_ui::status::Counts`).
fn counts<T: Stated>(ordered: &Ordered<T>) -> Counts {
    Counts::of(ordered.iter().map(|(open, i)| i.stated().counted(Said::Live(*open))))
}

/// The count under a section's heading; none while the phone's clock seems
/// wrong (nothing is said about now).
fn count_line(counts: impl Fn() -> Counts + Send + Sync + 'static) -> impl IntoView {
    let p = Portal::get();
    let (lang, wrong) = (p.lang, p.clock_wrong);
    view! { <p class="count" hidden=move || wrong.get().then_some("")>{move || counts().line(lang.get(), false)}</p> }
}

fn see_all(view: View) -> impl IntoView {
    view! {
        <p class="more">
            <NavLink to=Route { view, ..Route::default() }>{tr(Msg::SeeAll)}</NavLink>
        </p>
    }
}

#[component]
fn CorridorsNow() -> impl IntoView {
    let p = Portal::get();
    let ordered = p.corridors;
    let items = move || ordered.get().iter().map(|(_, c)| c.clone()).collect::<Vec<_>>();
    view! {
        <section class="summary" aria-labelledby="now-corridors">
            <h2 id="now-corridors">{tr(Msg::HomeCorridorsTitle)}</h2>
            {count_line(move || ordered.with(counts))}
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
    let p = Portal::get();
    let current = notices(p.route, p.now, p.lists, None);
    // Warnings and dangers only, the five first: the overview is one screen.
    let items = move || current.with(|v| v.iter().filter(|n| n.severity.rank() <= Severity::Warning.rank()).take(5).cloned().collect::<Vec<_>>());
    view! {
        <Show when=move || !items().is_empty()>
            <section class="summary" aria-labelledby="now-notices">
                <h2 id="now-notices">{tr(Msg::HomeNoticesTitle)}</h2>
                <ExpiredFeeds kinds=vec![FeedKind::Notices]/>
                <ul class="compact">
                    <For each=items key=item_key let:n>
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
    let p = Portal::get();
    let points = p.points;
    view! {
        <section class="summary" aria-labelledby="now-distribution">
            <h2 id="now-distribution">{tr(Msg::HomeDistributionTitle)}</h2>
            {count_line(move || points.with(counts))}
            <ExpiredFeeds kinds=vec![FeedKind::DistributionPoints]/>
            {see_all(View::Distribution)}
        </section>
    }
}
