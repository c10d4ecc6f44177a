//! One governorate on one page, to print or save (`?view=print&area=…`):
//! for notice boards, and for people who share paper, not phones. (With
//! an `id`, the print view is one place's poster: `poster`.)

use crate::components::text::tr;
use crate::components::feed_status::ExpiredFeeds;
use crate::components::filters::AreaFilter;
use crate::components::frame::Title;
use crate::components::nav_link::NavLink;
use crate::components::text::FeedText;
use crate::format;
use crate::i18n::{Label, Msg};
use bawaba_ui::status::{status_badge, Stated};
use crate::route::{Route, View};
use crate::state::Portal;
use bawaba_model::filter::Filter;
use bawaba_model::{Area, FeedKind};
use crate::components::part::Draw;
use leptos::prelude::*;
use leptos::wasm_split::SplitLoaderError;

/// "Poster for this place", under a crossing or aid point on the sheet.
fn poster_link(id: &str) -> impl IntoView {
    let to = Route { view: View::Print, ..Route::default() }.with_id(id);
    view! { <span class="print-line no-print"><NavLink to=to>{tr(Msg::PosterLink)}</NavLink></span> }
}

/// The printable page's part of the app (components::part), fetched when first opened.
#[leptos::wasm_split::wasm_split(print, wasm_split_path = ::leptos::wasm_split, fallible)]
pub fn part() -> Result<Draw, SplitLoaderError> {
    Ok(|| view! { <AreaSheet/> }.into_any())
}

#[component]
pub fn AreaSheet() -> impl IntoView {
    let portal = Portal::get();
    let (lang, route, now, tz) = (portal.lang, portal.route, portal.now, portal.tz());
    let (corridors, points, lists) = (portal.corridors, portal.points, portal.lists);
    let area = move || route.get().area;
    let heading = move || {
        let l = lang.get();
        let place = area().map(|a| l.t(Area::from_wire(&a).msg())).unwrap_or(l.t(Msg::AllAreas));
        let date = format::date_time_full(l, now.get(), tz);
        l.f(Msg::PrintHeading, &[("area", place), ("when", &date)])
    };
    view! {
        <div class="print-page">
        <Title msg=Msg::PrintTitle/>
        <p class="print-heading"><strong>{heading}</strong></p>
        <ExpiredFeeds kinds=vec![FeedKind::Corridors, FeedKind::DistributionPoints]/>
        <div class="no-print">
            <AreaFilter/>
            <p><button type="button" class="refresh" on:click=|_| { let _ = window().print(); }>{tr(Msg::PrintButton)}</button></p>
        </div>
        <section class="print-section">
            <h2>{tr(Msg::KindCorridors)}</h2>
            <ul class="compact">
                {move || {
                    lang.track();
                    corridors.get().iter().map(|(_, c)| c.clone()).collect::<Vec<_>>().into_iter().map(|c| {
                        let badge = status_badge(c.stated(), &c.schedule, true);
                        view! { <li><strong><FeedText text=c.name.clone()/></strong>{badge}{poster_link(&c.base.id)}</li> }
                    }).collect_view()
                }}
            </ul>
        </section>
        <section class="print-section">
            <h2>{tr(Msg::KindDistribution)}</h2>
            <ul class="compact">
                {move || {
                    let (l, a) = (lang.get(), area());
                    let within = Filter { area: a.as_deref(), ..Filter::default() };
                    points.get().iter().map(|(_, p)| p.clone()).filter(|p| within.in_area(&p.base)).collect::<Vec<_>>().into_iter().map(|p| {
                        let badge = status_badge(p.stated(), &p.schedule, true);
                        let services = p.services.iter().map(|s| l.t(s.msg())).collect::<Vec<_>>().join(l.list_sep());
                        let hours = p.schedule.hours.iter().map(|s| format::slot(l, s)).collect::<Vec<_>>().join(l.sep());
                        view! {
                            <li>
                                <strong><FeedText text=p.name.clone()/></strong>
                                {badge}
                                <span class="print-line">{services}</span>
                                <span class="print-line">{hours}</span>
                                {p.landmark.clone().map(|t| view! { <span class="print-line"><FeedText text=t/></span> })}
                                {poster_link(&p.base.id)}
                            </li>
                        }
                    }).collect_view()
                }}
            </ul>
        </section>
        <section class="print-section">
            <h2>{tr(Msg::KindNotices)}</h2>
            <ul class="compact">
                {move || {
                    let (l, a, t) = (lang.get(), area(), now.get());
                    // Current notices; those for no particular area concern every area.
                    let within = Filter { area: a.as_deref(), ..Filter::default() };
                    lists.with(|all| all.notices.iter().filter(|n| !n.is_expired(t) && (n.base.area.is_empty() || within.in_area(&n.base))).map(|n| view! {
                        <li>
                            <strong>{l.t(n.severity.msg())}{l.colon()}</strong><FeedText text=n.title.clone()/>
                            {(n.effective_at > t).then(|| view! { <span class="print-line">{l.f(Msg::NotYetInEffect, &[("time", &format::date_time_full(l, n.effective_at, tz))])}</span> })}
                            {n.body.clone().map(|b| view! { <span class="print-line"><FeedText text=b/></span> })}
                        </li>
                    }).collect_view())
                }}
            </ul>
        </section>
        </div>
    }
}
