//! A widget for other sites (`?embed=…`): one kind of item, in the
//! reader's language, with the data's age, the demo banner and the area's
//! danger notices, and a way to the full portal. `builder` makes its code.

use crate::components::text::tr;
use crate::components::banners::{DangerBanner, DemoBanner};
use crate::components::cards::{CorridorCard, NoticeCard, PointCard};
use crate::components::feed_status::{FeedMeta, FeedProblems};
use crate::components::nav_link::NavLink;
use crate::derived::{item_key, keep_all, keep_point, notices, visible};
use crate::i18n::{Label, Msg};
use crate::route::{Embed, Route, Theme, View};
use crate::state::Portal;
use bawaba_model::{Area, Corridor, DistributionPoint, Notice};
use bawaba_ui::cards::{CorridorLine, NoticeLine, PointLine};
use crate::components::part::Draw;
use leptos::prelude::*;
use leptos::wasm_split::SplitLoaderError;
use std::sync::Arc;
use wasm_bindgen::{closure::Closure, JsCast, JsValue};

/// How many items a widget shows unless told otherwise.
const WIDGET_DEFAULT_LIMIT: usize = 10;

/// The widget's part of the app (components::part): the portal never
/// needs it, a page embedding one needs nothing else.
#[leptos::wasm_split::wasm_split(widget, wasm_split_path = ::leptos::wasm_split, fallible)]
pub fn part() -> Result<Draw, SplitLoaderError> {
    Ok(|| Portal::get().embed.clone().map(|embed| view! { <Widget embed=embed/> }).into_any())
}

/// The widget: no site chrome, but always the data's age, the demo banner,
/// the area's danger notices, and a way to the full portal.
#[component]
pub fn Widget(embed: Embed) -> impl IntoView {
    let portal = Portal::get();
    let route = portal.route;
    if let Some(html) = document().document_element() {
        let _ = html.set_attribute("data-theme", if embed.theme == Theme::Dark { "dark" } else { "light" });
        let _ = html.set_attribute("class", "embedded");
    }
    report_height(embed.wid.clone());
    let (kind, title) = embed.feed.kind();
    let area = route.get_untracked().area;
    let area_name = area.as_deref().map(|a| Area::from_wire(a).msg());
    let limit = embed.limit.unwrap_or(WIDGET_DEFAULT_LIMIT);
    let full = Route { view: embed.feed, ..route.get_untracked() };
    let feed = embed.feed;
    let compact = embed.compact;
    view! {
        <main id="main" class=if compact { "widget compact-widget" } else { "widget" }>
            <h1 id="view-title" class="widget-title">
                {tr(title)}
                {area_name.map(|m| view! { " · " {tr(m)} })}
            </h1>
            <DemoBanner/>
            <DangerBanner area=area.clone().unwrap_or_default()/>
            <FeedProblems/>
            <FeedMeta kind=kind/>
            {match feed {
                View::Distribution => view! { <PointsWidget limit=limit compact=compact/> }.into_any(),
                View::Notices => view! { <NoticesWidget limit=limit compact=compact/> }.into_any(),
                _ => view! { <CorridorsWidget limit=limit compact=compact/> }.into_any(),
            }}
            <p class="open-full">
                <NavLink to=full>{tr(Msg::OpenFullPortal)}" ↗"</NavLink>
            </p>
        </main>
    }
}

/// The first `limit` items of a widget, as cards or as compact lines.
/// Rebuilt when the language changes (cards read it once).
#[component]
fn WidgetList<T: Send + Sync + 'static>(
    items: Memo<Vec<Arc<T>>>,
    limit: usize,
    compact: bool,
    line: fn(Arc<T>) -> AnyView,
    card: fn(Arc<T>) -> AnyView,
) -> impl IntoView {
    let lang = Portal::get().lang;
    let shown = move || items.with(|v| v.iter().take(limit).cloned().collect::<Vec<_>>());
    view! {
        <ul class=if compact { "compact" } else { "cards" }>
            {move || { lang.track(); view! {
                <For each=shown key=item_key let:i>
                    {if compact { line(i) } else { view! { <li>{card(i)}</li> }.into_any() }}
                </For>
            } }}
        </ul>
    }
}

#[component]
fn CorridorsWidget(limit: usize, compact: bool) -> impl IntoView {
    let p = Portal::get();
    let items = visible(p.route, p.here, p.corridors, p.search.corridors, |c| &c.base, keep_all);
    let line = |c: Arc<Corridor>| view! { <CorridorLine corridor=c/> }.into_any();
    let card = |c| view! { <CorridorCard corridor=c/> }.into_any();
    view! { <WidgetList items=items limit=limit compact=compact line=line card=card/> }
}

#[component]
fn PointsWidget(limit: usize, compact: bool) -> impl IntoView {
    let p = Portal::get();
    let items = visible(p.route, p.here, p.points, p.search.points, |p| &p.base, keep_point);
    let line = |p: Arc<DistributionPoint>| view! { <PointLine point=p/> }.into_any();
    let card = |p| view! { <PointCard point=p/> }.into_any();
    view! { <WidgetList items=items limit=limit compact=compact line=line card=card/> }
}

#[component]
fn NoticesWidget(limit: usize, compact: bool) -> impl IntoView {
    let p = Portal::get();
    let items = notices(p.route, p.now, p.lists, None);
    let line = |n: Arc<Notice>| view! { <NoticeLine notice=n/> }.into_any();
    let card = |n| view! { <NoticeCard notice=n/> }.into_any();
    view! { <WidgetList items=items limit=limit compact=compact line=line card=card/> }
}

/// Tells the page around the iframe how tall the widget is, whenever that
/// changes. Only the height and the widget's id are sent; the host's
/// embed.js checks the origin and the sending frame.
fn report_height(wid: Option<String>) {
    let Some(wid) = wid else { return };
    let Some(parent) = window().parent().ok().flatten() else { return };
    let send = move || {
        let Some(body) = document().body() else { return };
        let height = body.get_bounding_client_rect().height().ceil();
        let msg = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&msg, &"bawaba".into(), &"height".into());
        let _ = js_sys::Reflect::set(&msg, &"wid".into(), &JsValue::from_str(&wid));
        let _ = js_sys::Reflect::set(&msg, &"height".into(), &JsValue::from_f64(height));
        // "*": the widget does not know, and must not care, who embeds it; the
        // message carries nothing but a number.
        let _ = parent.post_message(&msg, "*");
    };
    let callback = Closure::<dyn FnMut()>::new(send);
    if let (Ok(observer), Some(body)) = (web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref()), document().body()) {
        observer.observe(&body);
        // Lives as long as the page.
        std::mem::forget(observer);
    }
    callback.forget();
}
