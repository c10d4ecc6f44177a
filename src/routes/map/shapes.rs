//! What the map draws: the governorates, one marker or road line per place,
//! all in map units (`project`), no tiles.

use crate::i18n::{Label, Msg};
use crate::route::{Route, View};
use crate::state::Portal;
use bawaba_model::governorates::{point_of, BOUNDARIES};
use bawaba_model::{Area, Point};
use leptos::prelude::*;
use std::sync::atomic::{AtomicU32, Ordering::Relaxed};

/// Map units per degree of latitude.
const K: f64 = 1000.0;
const LAT_TOP: f64 = 31.62;
const LON_LEFT: f64 = 34.18;
/// cos(31.4°): degrees of longitude are shorter than degrees of latitude here.
const COS_LAT: f64 = 0.8536;

pub fn project(p: Point) -> (f64, f64) {
    ((p.lon - LON_LEFT) * COS_LAT * K, (LAT_TOP - p.lat) * K)
}

/// A map coordinate with one decimal, written without Rust's float
/// formatting, which would add about 5 KB (brotli) to the wasm for this alone.
pub fn num(v: f64) -> String {
    let tenths = (v * 10.0).round() as i64;
    let sign = if tenths < 0 { "-" } else { "" };
    format!("{sign}{}.{}", tenths.abs() / 10, tenths.abs() % 10)
}

/// An SVG `points` list.
pub fn points(pts: impl Iterator<Item = Point>) -> String {
    pts.map(project).map(|(x, y)| format!("{},{}", num(x), num(y))).collect::<Vec<_>>().join(" ")
}

/// CSS pixels the pointers moved since one went down on the map (one map at a
/// time; a plain atomic costs the wasm less than a context would).
pub static TRAVEL: AtomicU32 = AtomicU32::new(0);

/// Follows `to` on a tap, or on Enter or Space when focused: what a link does,
/// for SVG shapes. A click that ends a drag of more than a few pixels is not
/// a tap.
fn follows(to: Route) -> (impl Fn(leptos::ev::MouseEvent) + Clone, impl Fn(leptos::ev::KeyboardEvent) + Clone) {
    let portal = Portal::get();
    let (p, t) = (portal.clone(), to.clone());
    let click = move |_| {
        if TRAVEL.load(Relaxed) < 8 {
            p.go(t.clone())
        }
    };
    let key = move |ev: leptos::ev::KeyboardEvent| {
        if ev.key() == "Enter" || ev.key() == " " {
            ev.prevent_default();
            portal.go(to.clone());
        }
    };
    (click, key)
}

/// The five governorates (see `bawaba_model::governorates`; attribution in
/// `MapCredits`), together the Strip's outline. A tap makes one the area
/// filter of the map and the lists.
#[component]
pub fn Governorates(selected: Memo<Option<String>>) -> impl IntoView {
    let lang = Portal::get().lang;
    BOUNDARIES
        .iter()
        .map(|(slug, ring)| {
            let pts = points(ring.iter().map(|&p| point_of(p)));
            let name = Area::from_wire(slug).msg();
            let (click, key) = follows(Route { view: View::Map, area: Some(slug.to_string()), ..Route::default() });
            let on = move || selected.get().as_deref() == Some(*slug);
            let label = move || format!("{}{}{}", lang.get().t(Msg::AreaLabel), lang.get().colon(), lang.get().t(name));
            view! {
                <polygon class="gov" points=pts role="link" tabindex="0" aria-label=label aria-current=move || on().then_some("true") on:click=click on:keydown=key></polygon>
            }
        })
        .collect_view()
}

/// One place's look: which shape, which state, and its road line if any.
#[derive(Clone, PartialEq)]
pub struct Marker {
    pub view: View,
    pub id: String,
    pub name: String,
    pub state: &'static str,
    pub label: String,
    pub at: Option<(f64, f64)>,
    /// A corridor's `path` as SVG points; empty when it has none.
    pub line: String,
}

#[component]
pub fn MarkerShape(marker: Marker) -> impl IntoView {
    let class = format!("m-{}", marker.state);
    let title = format!("{} — {}", marker.name, marker.label);
    let (click, key) = follows(Route { view: marker.view, ..Route::default() }.with_id(&marker.id));
    // A road's line: open or closed by its pattern as well as its colour (see
    // the stylesheet), over a wide transparent copy that is easy to tap, its
    // two ends as dots. Empty, and so not drawn, for a place without one.
    let ends = match (marker.line.split(' ').next(), marker.line.rsplit(' ').next()) {
        (Some(a), Some(b)) if !marker.line.is_empty() => format!("M{}h0M{}h0", a.replace(',', " "), b.replace(',', " ")),
        _ => String::new(),
    };
    let shape = marker.at.map(|(x, y)| {
        let shape = match marker.view {
            View::Corridors => {
                view! { <rect x=num(x - 6.0) y=num(y - 6.0) width="12" height="12" class=class.clone()></rect> }.into_any()
            }
            View::Notices => {
                let points =
                    format!("{},{} {},{} {},{}", num(x), num(y - 8.0), num(x + 7.0), num(y + 5.0), num(x - 7.0), num(y + 5.0));
                view! { <polygon points=points class=class.clone()></polygon> }.into_any()
            }
            _ => view! { <circle cx=num(x) cy=num(y) r="6" class=class.clone()></circle> }.into_any(),
        };
        // Open or closed by a mark as well as by colour: a cross when closed, a
        // question mark when unknown (the shape already says what kind of place).
        let mark = match marker.state {
            "closed" => Some(
                view! { <path class="m-mark" d=format!("M{} {}l6 6m0 -6l-6 6", num(x - 3.0), num(y - 3.0))></path> }.into_any(),
            ),
            "unknown" => Some(view! { <text class="m-mark" x=num(x) y=num(y + 3.5) text-anchor="middle">"?"</text> }.into_any()),
            _ => None,
        };
        view! { {shape} {mark} }
    });
    view! {
        <g class="marker" role="link" tabindex="0" aria-label=title.clone() on:click=click on:keydown=key>
            <title>{title.clone()}</title>
            <polyline class="hit" points=marker.line.clone()></polyline>
            <polyline class=format!("line {class}") points=marker.line></polyline>
            <path class=format!("end {class}") d=ends></path>
            {shape}
        </g>
    }
}
