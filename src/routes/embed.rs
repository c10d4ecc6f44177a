//! Widgets for other sites (`?embed=…`) and the builder that makes their
//! snippets (`?view=embed`).

use super::corridors::{ordered_corridors, CorridorCard};
use super::distribution::{ordered_points, PointCard};
use super::list::{item_key, search_index, visible, Title};
use super::notices::{sorted_notices, NoticeCard, NoticeLine};
use crate::components::banners::{DangerBanner, DemoBanner};
use crate::components::chrome::NavLink;
use crate::components::feed_status::{FeedMeta, FeedProblems};
use crate::components::share::copy_text;
use bawaba_ui::cards::{CorridorLine, PointLine};
use crate::i18n::{Label, Lang, Msg};
use crate::route::{Embed, Route, Theme, View};
use crate::state::Portal;
use bawaba_model::{Area, Corridor, DistributionPoint, FeedKind, Notice};
use leptos::prelude::*;
use std::sync::Arc;
use wasm_bindgen::{closure::Closure, JsCast, JsValue};

/// How many items a widget shows unless told otherwise.
const WIDGET_DEFAULT_LIMIT: usize = 10;

fn kind_of(view: View) -> (FeedKind, Msg) {
    match view {
        View::Distribution => (FeedKind::DistributionPoints, Msg::KindDistribution),
        View::Notices => (FeedKind::Notices, Msg::KindNotices),
        _ => (FeedKind::Corridors, Msg::KindCorridors),
    }
}

/// The widget: no site chrome, but always the data's age, the demo banner,
/// the area's danger notices, and a way to the full portal.
#[component]
pub fn Widget(embed: Embed) -> impl IntoView {
    let portal = Portal::get();
    let (lang, route) = (portal.lang, portal.route);
    if let Some(html) = document().document_element() {
        let _ = html.set_attribute("data-theme", if embed.theme == Theme::Dark { "dark" } else { "light" });
        let _ = html.set_attribute("class", "embedded");
    }
    report_height(embed.wid.clone());
    let (kind, title) = kind_of(embed.feed);
    let area = route.get_untracked().area;
    let area_name = area.as_deref().map(|a| Area::from_wire(a).msg());
    let limit = embed.limit.unwrap_or(WIDGET_DEFAULT_LIMIT);
    let full = Route { view: embed.feed, ..route.get_untracked() };
    let feed = embed.feed;
    let compact = embed.compact;
    view! {
        <main id="main" class=if compact { "widget compact-widget" } else { "widget" }>
            <h1 id="view-title" class="widget-title">
                {move || lang.get().t(title)}
                {area_name.map(|m| view! { " · " {move || lang.get().t(m)} })}
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
                <NavLink to=full>{move || lang.get().t(Msg::OpenFullPortal)}" ↗"</NavLink>
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
    let items = visible(ordered_corridors(), |c| &c.base, search_index(Portal::corridors), |_, _| true);
    let line = |c: Arc<Corridor>| view! { <CorridorLine corridor=c/> }.into_any();
    let card = |c| view! { <CorridorCard corridor=c/> }.into_any();
    view! { <WidgetList items=items limit=limit compact=compact line=line card=card/> }
}

#[component]
fn PointsWidget(limit: usize, compact: bool) -> impl IntoView {
    let items = visible(ordered_points(), |p| &p.base, search_index(Portal::points), super::distribution::keep_point);
    let line = |p: Arc<DistributionPoint>| view! { <PointLine point=p/> }.into_any();
    let card = |p| view! { <PointCard point=p/> }.into_any();
    view! { <WidgetList items=items limit=limit compact=compact line=line card=card/> }
}

#[component]
fn NoticesWidget(limit: usize, compact: bool) -> impl IntoView {
    let p = Portal::get();
    let items = Memo::new(move |_| sorted_notices(&p, false, None));
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

/// The widget builder: pick, preview, copy.
#[component]
pub fn BuilderPage() -> impl IntoView {
    let portal = Portal::get();
    let lang = portal.lang;
    let feed = RwSignal::new(View::Distribution);
    let widget_lang = RwSignal::new(lang.get_untracked());
    let area = RwSignal::new(String::new());
    let theme = RwSignal::new(Theme::Light);
    let compact = RwSignal::new(false);
    let limit = RwSignal::new(5usize);
    let height = RwSignal::new(480u32);

    let settings = Memo::new(move |_| {
        let embed = Embed { feed: feed.get(), limit: Some(limit.get()), theme: theme.get(), compact: compact.get(), wid: None };
        let a = area.get();
        Route::embed_href(&embed, widget_lang.get(), (!a.is_empty()).then_some(a.as_str()))
    });
    let base = Arc::new(portal_base());
    let b1 = base.clone();
    let iframe_code = Memo::new(move |_| {
        let l = widget_lang.get();
        format!(
            "<iframe src=\"{}{}\" title=\"{}\" loading=\"lazy\" sandbox=\"allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox\" referrerpolicy=\"no-referrer\" style=\"width:100%;height:{}px;border:0\"></iframe>",
            b1,
            html_attr(&settings.get()),
            html_attr(l.t(kind_of(feed.get()).1)),
            height.get()
        )
    });
    let b2 = base.clone();
    let script_code = Memo::new(move |_| {
        let mut s = format!(
            "<script src=\"{}embed.js\" data-feed=\"{}\" data-lang=\"{}\"",
            b2,
            feed.get().slug().unwrap_or("corridors"),
            widget_lang.get().tag()
        );
        let a = area.get();
        if !a.is_empty() {
            s += &format!(" data-area=\"{a}\"");
        }
        s += &format!(" data-limit=\"{}\"", limit.get());
        if theme.get() == Theme::Dark {
            s += " data-theme=\"dark\"";
        }
        if compact.get() {
            s += " data-compact";
        }
        s + " async referrerpolicy=\"no-referrer\"></script>"
    });
    let preview = move || format!("{}{}", base, settings.get());

    let feed_select = move |ev: leptos::ev::Event| {
        feed.set(match event_target_value(&ev).as_str() {
            "corridors" => View::Corridors,
            "notices" => View::Notices,
            _ => View::Distribution,
        })
    };
    let t = move |m: Msg| lang.get().t(m);
    view! {
        <Title msg=Msg::EmbedTitle/>
        <p>{move || t(Msg::EmbedIntro)}</p>
        <form class="builder" on:submit=|ev| ev.prevent_default()>
            <div class="filter">
                <label for="b-feed">{move || t(Msg::EmbedFeed)}</label>
                <select id="b-feed" on:change=feed_select>
                    {Embed::FEEDS.into_iter().map(|v| {
                        let slug = v.slug().unwrap_or_default();
                        view! { <option value=slug selected=move || feed.get() == v>{move || t(kind_of(v).1)}</option> }
                    }).collect_view()}
                </select>
            </div>
            <div class="filter">
                <label for="b-lang">{move || t(Msg::LanguageLabel)}</label>
                <select id="b-lang" on:change=move |ev| { if let Some(l) = Lang::from_tag(&event_target_value(&ev)) { crate::switch_language(widget_lang, l, || ()) } }>
                    {Lang::ALL.into_iter().map(|l| view! { <option value=l.tag() lang=l.tag() selected=move || widget_lang.get() == l>{l.autonym()}</option> }).collect_view()}
                </select>
            </div>
            <div class="filter">
                <label for="b-area">{move || t(Msg::AreaLabel)}</label>
                <select id="b-area" on:change=move |ev| area.set(event_target_value(&ev))>
                    <option value="">{move || t(Msg::AllAreas)}</option>
                    {Area::KNOWN.iter().map(|a| {
                        let (slug, m) = (a.wire().to_owned(), a.msg());
                        view! { <option value=slug>{move || t(m)}</option> }
                    }).collect_view()}
                </select>
            </div>
            <div class="filter">
                <label for="b-theme">{move || t(Msg::EmbedTheme)}</label>
                <select id="b-theme" on:change=move |ev| theme.set(if event_target_value(&ev) == "dark" { Theme::Dark } else { Theme::Light })>
                    <option value="light">{move || t(Msg::ThemeLight)}</option>
                    <option value="dark">{move || t(Msg::ThemeDark)}</option>
                </select>
            </div>
            <div class="filter">
                <label for="b-limit">{move || t(Msg::EmbedLimit)}</label>
                <input id="b-limit" type="number" min="1" max="100" inputmode="numeric" prop:value=move || limit.get().to_string()
                    on:input=move |ev| { if let Ok(n) = event_target_value(&ev).parse::<usize>() { limit.set(n.clamp(1, 100)) } }/>
            </div>
            <div class="filter">
                <label for="b-height">{move || t(Msg::EmbedHeight)}</label>
                <input id="b-height" type="number" min="120" max="4000" step="20" inputmode="numeric" prop:value=move || height.get().to_string()
                    on:input=move |ev| { if let Ok(n) = event_target_value(&ev).parse::<u32>() { height.set(n.clamp(120, 4000)) } }/>
            </div>
            <div class="filter check">
                <input id="b-compact" type="checkbox" prop:checked=move || compact.get() on:change=move |ev| compact.set(event_target_checked(&ev))/>
                <label for="b-compact">{move || t(Msg::EmbedCompact)}</label>
            </div>
        </form>
        <Snippet id="snippet-script" title=Msg::EmbedScriptSnippet code=script_code/>
        <Snippet id="snippet-iframe" title=Msg::EmbedIframeSnippet code=iframe_code/>
        <h2>{move || t(Msg::EmbedPreview)}</h2>
        <iframe class="preview" src=preview title=move || t(Msg::EmbedPreview) style:height=move || format!("{}px", height.get())></iframe>
    }
}

/// Code to copy, with a one-tap copy button and a spoken confirmation.
#[component]
fn Snippet(id: &'static str, title: Msg, code: Memo<String>) -> impl IntoView {
    let lang = Portal::get().lang;
    let status = RwSignal::new(None::<Msg>);
    let copy = move |_| {
        let text = code.get_untracked();
        leptos::task::spawn_local(async move {
            let done = copy_text(&text).await;
            status.set(Some(if done { Msg::Copied } else { Msg::CopyFailed }));
        });
    };
    // The heading names the code box and its copy button for screen readers.
    let title_id = format!("{id}-title");
    view! {
        <h2 id=title_id.clone()>{move || lang.get().t(title)}</h2>
        <div class="snippet">
            <textarea id=id aria-labelledby=title_id.clone() readonly rows="4" dir="ltr" spellcheck="false" prop:value=move || code.get()></textarea>
            <p>
                <button type="button" class="refresh" on:click=copy aria-describedby=title_id>{move || lang.get().t(Msg::Copy)}</button>
                " "<span role="status">{move || status.get().map(|m| lang.get().t(m))}</span>
            </p>
        </div>
    }
}

/// The portal's own address (without query), absolute, for snippets.
fn portal_base() -> String {
    let loc = window().location();
    let href = loc.href().unwrap_or_default();
    let cut = href.find(['?', '#']).unwrap_or(href.len());
    let path = &href[..cut];
    // `…/index.html` and `…/` are the same portal.
    match path.rfind('/') {
        Some(i) => path[..=i].to_owned(),
        None => path.to_owned(),
    }
}

fn html_attr(s: &str) -> String {
    s.replace('&', "&amp;").replace('"', "&quot;").replace('<', "&lt;")
}
