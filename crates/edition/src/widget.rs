//! The widgets' pages: one kind of item in one language, written at publish
//! time (`widgets/<kind>-<lang>[-compact].html`) for `embed.js` to put on
//! other sites. A widget on an NGO's page used to start the whole portal
//! (280 KB on the wire, 12 s on 2G) to show ten lines; this page is the same
//! lines and cards, in the `Published` edition (status as published, the time
//! of publication, never "open now"), and a small script (`widget.js`) that
//! keeps the items of the area asked for, as many as asked, in the theme
//! asked, and tells the host page its height. Without that script it still
//! shows every item.

use crate::page::{everything, CarriedFeed, Expired};
use crate::words::PageMsg;
use bawaba_model::{Area, ItemBase};
use bawaba_ui::banners::{DangerBanner, DemoBanner};
use bawaba_ui::cards::{CorridorCard, CorridorLine, NoticeCard, NoticeLine, PointCard, PointLine};
use bawaba_ui::i18n::{Label, Lang, Msg};
use bawaba_ui::status::{Said, Stated};
use bawaba_ui::{ItemKind, LinkFn};
use leptos::prelude::*;
use std::sync::Arc;

/// A widget's heading: the kind of item it lists.
fn title(kind: ItemKind) -> Msg {
    match kind {
        ItemKind::Corridor => Msg::KindCorridors,
        ItemKind::Point => Msg::KindDistribution,
        ItemKind::Notice => Msg::KindNotices,
    }
}

/// Where a widget's page is, relative to the deployment's folder.
pub fn widget_path(kind: ItemKind, lang: Lang, compact: bool) -> String {
    bawaba_ui::widget::widget_path(kind.view(), lang, compact)
}

/// Item names open the item in the full portal, in a new tab (as in the
/// live widget): the widget's page is one folder down.
pub fn link_to_portal(lang: Lang) -> LinkFn {
    Arc::new(move |kind: ItemKind, id: &str, inner: AnyView| {
        let href = format!("../?view={}&id={}&lang={}", kind.view(), query_value(id), lang.tag());
        view! { <a href=href target="_blank" rel="noopener">{inner}</a> }.into_any()
    })
}

/// An id as a query value: ids are feed text, so everything but plain
/// letters and digits is percent-encoded.
fn query_value(s: &str) -> String {
    s.bytes()
        .map(|b| if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.') { (b as char).to_string() } else { format!("%{b:02X}") })
        .collect()
}

/// An item's areas, as `widget.js` matches them (`[data-area~=…]`).
fn areas(of: &[Area]) -> String {
    of.iter().map(|a| a.wire().replace(char::is_whitespace, "_")).collect::<Vec<_>>().join(" ")
}

/// A widget's items, each carrying its areas and id: the lines render their
/// own `<li>`, given those here; the cards are wrapped in one, as in the
/// live widget.
fn rows<T>(
    items: Vec<Arc<T>>,
    compact: bool,
    base: fn(&T) -> &ItemBase,
    line: fn(Arc<T>, String, String) -> AnyView,
    card: fn(Arc<T>) -> AnyView,
) -> Vec<AnyView> {
    items
        .into_iter()
        .map(|item| {
            let (area, id) = (areas(&base(&item).area), base(&item).id.clone());
            if compact {
                line(item, area, id)
            } else {
                view! { <li data-area=area data-id=id>{card(item)}</li> }.into_any()
            }
        })
        .collect()
}

/// The page's body. The reader's context must be `Published`, with `now`
/// the time of writing and `link_to_portal` for item names.
#[component]
pub fn WidgetPage(of: ItemKind, compact: bool, sources: Vec<CarriedFeed>) -> impl IntoView {
    let all = everything(&sources, PageMsg::SnapshotAsPublished);
    let (lang, dangers, written) = (all.lang, all.dangers.clone(), all.written.clone());
    let items: Vec<AnyView> = match of {
        ItemKind::Corridor => {
            let mut v = all.corridors.clone();
            v.sort_by_key(|c| c.stated().tone(Said::Published));
            rows(
                v,
                compact,
                |c| &c.base,
                |c, area, id| view! { <CorridorLine corridor=c attr:data-area=area attr:data-id=id/> }.into_any(),
                |c| view! { <CorridorCard corridor=c/> }.into_any(),
            )
        }
        ItemKind::Point => {
            let mut v = all.points.clone();
            v.sort_by_key(|p| p.stated().tone(Said::Published));
            rows(
                v,
                compact,
                |p| &p.base,
                |p, area, id| view! { <PointLine point=p attr:data-area=area attr:data-id=id/> }.into_any(),
                |p| view! { <PointCard point=p/> }.into_any(),
            )
        }
        ItemKind::Notice => rows(
            all.notices.clone(),
            compact,
            |n| &n.base,
            |n, area, id| view! { <NoticeLine notice=n attr:data-area=area attr:data-id=id/> }.into_any(),
            |n| view! { <NoticeCard notice=n/> }.into_any(),
        ),
    };
    let empty = items.is_empty();
    let full = format!("../?view={}&lang={}", of.view(), lang.tag());
    view! {
        <main id="main" class=if compact { "widget compact-widget" } else { "widget" }>
            <h1 id="view-title" class="widget-title">{lang.t(title(of))}<span class="widget-area"></span></h1>
            <DemoBanner/>
            // Every danger in force; each area's own (with the Strip-wide
            // ones) in a template, which widget.js puts in its place for a
            // widget of one area, as the live widget shows them.
            <div class="widget-dangers"><DangerBanner dangers=Signal::stored(dangers.clone())/></div>
            {Area::KNOWN.iter().map(|a| {
                let mine: Vec<_> = dangers.iter().filter(|n| n.base.area.is_empty() || n.base.area.contains(a)).cloned().collect();
                view! { <template data-area=a.wire().to_owned()><div class="widget-dangers"><DangerBanner dangers=Signal::stored(mine)/></div></template> }
            }).collect_view()}
            <Expired sources=sources/>
            <p class="as-published">{written}</p>
            <ul class=if compact { "compact widget-items" } else { "cards widget-items" }>{items}</ul>
            // Shown by widget.js when nothing is left for the area asked for.
            <p class="widget-none" hidden=!empty>{lang.t(if empty { Msg::NoItems } else { Msg::NoItemsInArea })}</p>
            <p class="open-full"><a href=full target="_blank" rel="noopener">{lang.t(Msg::OpenFullPortal)}" ↗"</a></p>
            // The areas' names, for the title of a widget of one area.
            <ul class="widget-areas" hidden>
                {Area::KNOWN.iter().map(|a| view! { <li data-area=a.wire().to_owned()>{lang.t(a.msg())}</li> }).collect_view()}
            </ul>
        </main>
    }
}

/// One widget's page, in a document that loads `widget.js` and nothing else.
pub fn widget_page(of: ItemKind, compact: bool, lang: Lang, written: &crate::Written, sources: Vec<CarriedFeed>) -> String {
    let demo = sources.iter().any(|s| s.feed.demo);
    let title = format!("{}{} — {}", if demo { format!("{} — ", lang.t(Msg::DemoLabel)) } else { String::new() }, lang.t(title(of)), lang.t(Msg::AppName));
    let (head, body) = crate::in_reader(lang, written.at, written.time_zone, written.default_language, demo, link_to_portal(lang), || {
        let head = crate::without_markers(view! { <title>{title}</title> }.to_html());
        let body = crate::without_markers(view! { <WidgetPage of=of compact=compact sources=sources/> }.to_html());
        (head, body)
    });
    crate::document_with(lang, &head, &format!("{body}\n<script src=\"../widget.js\"></script>"), "bawaba-feed publish", "embedded published", "script-src 'self'; ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_query_values() {
        assert_eq!(query_value("kerem-shalom_1.2"), "kerem-shalom_1.2");
        assert_eq!(query_value("a&b=c d"), "a%26b%3Dc%20d");
        assert_eq!(query_value("معبر"), "%D9%85%D8%B9%D8%A8%D8%B1");
    }

    #[test]
    fn areas_are_space_separated_words() {
        assert_eq!(areas(&[Area::Gaza, Area::KhanYounis]), "gaza khan_younis");
        assert_eq!(areas(&[Area::from_wire("x y")]), "x_y");
    }
}
