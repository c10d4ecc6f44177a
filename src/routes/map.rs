//! The offline map (`?view=map`): the Strip's outline shipped inside the app
//! (Natural Earth, public domain), and every located place drawn as a shape
//! and colour by kind and status. No tiles, no network.

use super::corridors::ordered_corridors;
use super::distribution::ordered_points;
use super::list::{Ordered, Title};
use crate::components::feed_status::ExpiredFeeds;
use crate::components::text::resolve;
use crate::i18n::{Label, Lang, Msg};
use crate::route::{Route, View};
use crate::state::Portal;
use bawaba_ui::status::point_declared;
use bawaba_model::json::Json;
use bawaba_model::{FeedKind, LocalizedText, Point, Severity, StatusClass};
use leptos::prelude::*;

const OUTLINE: &str = include_str!("../../public/geo/gaza-strip.json");
/// Map units per degree of latitude.
const K: f64 = 1000.0;
const LAT_TOP: f64 = 31.62;
const LON_LEFT: f64 = 34.18;
/// cos(31.4°): degrees of longitude are shorter than degrees of latitude here.
const COS_LAT: f64 = 0.8536;
const FULL: (f64, f64, f64, f64) = (0.0, 0.0, 360.0, 430.0);

fn project(p: Point) -> (f64, f64) {
    ((p.lon - LON_LEFT) * COS_LAT * K, (LAT_TOP - p.lat) * K)
}

/// A map coordinate with one decimal, written without Rust's float
/// formatting, which would add about 5 KB (brotli) to the wasm for this alone.
fn num(v: f64) -> String {
    let tenths = (v * 10.0).round() as i64;
    let sign = if tenths < 0 { "-" } else { "" };
    format!("{sign}{}.{}", tenths.abs() / 10, tenths.abs() % 10)
}

/// Each governorate's name, written beside the Strip (where markers do not
/// cover it) at the latitude of its main town: in the sea for the three
/// northern ones, east of the narrow south. Orientation only, not boundaries:
/// no openly licensed governorate boundaries could be had for the app (see
/// README). (name, lat, lon of the label's anchor, text runs west of it)
const GOVERNORATES: [(Msg, f64, f64, bool); 5] = [
    (Msg::AreaNorthGaza, 31.552, 34.445, true),
    (Msg::AreaGaza, 31.500, 34.390, true),
    (Msg::AreaDeirAlBalah, 31.425, 34.305, true),
    (Msg::AreaKhanYounis, 31.345, 34.360, false),
    (Msg::AreaRafah, 31.275, 34.345, false),
];

fn outline_points() -> String {
    let Ok(root) = Json::parse(OUTLINE.as_bytes()) else { return String::new() };
    let ring = root.get("outline").and_then(Json::as_array).unwrap_or(&[]);
    ring.iter()
        .filter_map(|pt| match pt.as_array() {
            Some([Json::Number(lon), Json::Number(lat)]) => Some(project(Point { lat: *lat, lon: *lon })),
            _ => None,
        })
        .map(|(x, y)| format!("{},{}", num(x), num(y)))
        .collect::<Vec<_>>()
        .join(" ")
}

/// One marker's look: which shape, which state.
#[derive(Clone, PartialEq)]
struct Marker {
    view: View,
    id: String,
    name: String,
    state: &'static str,
    label: &'static str,
    at: (f64, f64),
}

/// What a marker needs from a crossing, road or distribution point.
struct Place<'a> {
    id: &'a String,
    name: &'a LocalizedText,
    location: Option<Point>,
    /// Open only with restrictions: said in the marker's label.
    restricted: bool,
    /// What the publisher declared, when that is what closes it.
    declared: Option<Msg>,
}

/// Markers for places ordered by openness (open first), coloured by whether
/// they are open now; places without a location are not drawn.
fn places<T>(out: &mut Vec<Marker>, items: &Ordered<T>, view: View, lang: Lang, parts: fn(&T) -> Place<'_>) {
    for (key, item) in items.iter() {
        let Place { id, name, location, restricted, declared } = parts(item);
        let Some(loc) = location else { continue };
        let (state, m) = match key.0 {
            0 if restricted => ("open", Msg::OpenNowRestricted),
            0 => ("open", Msg::OpenNow),
            1..=3 => ("closed", declared.unwrap_or(Msg::ClosedNow)),
            _ => ("unknown", Msg::StatusUnknown),
        };
        out.push(Marker { view, id: id.clone(), name: resolve(name).0, state, label: lang.t(m), at: project(loc) });
    }
}

#[component]
pub fn MapPage() -> impl IntoView {
    let portal = Portal::get();
    let (lang, now) = (portal.lang, portal.now);
    let corridors = ordered_corridors();
    let points = ordered_points();
    let p = portal.clone();
    let markers = Memo::new(move |_| {
        let l = lang.get();
        let t = now.get();
        let mut out = vec![];
        corridors.with(|c| {
            places(&mut out, c, View::Corridors, l, |c| Place {
                id: &c.base.id,
                name: &c.name,
                location: c.base.location,
                restricted: c.status.is_restricted(),
                declared: (c.status.class() == StatusClass::Closed).then(|| c.status.msg()),
            })
        });
        points.with(|d| {
            places(&mut out, d, View::Distribution, l, |d| Place {
                id: &d.base.id,
                name: &d.name,
                location: Some(d.location),
                restricted: false,
                declared: point_declared(&d.status),
            })
        });
        // In effect now only: a triangle carries no date.
        for n in p.notices().iter().filter(|n| !n.is_expired(t) && n.effective_at <= t) {
            if let Some(loc) = n.base.location {
                let state = if n.severity == Severity::Danger { "danger" } else { "warning" };
                out.push(Marker {
                    view: View::Notices,
                    id: n.base.id.clone(),
                    name: resolve(&n.title).0,
                    state,
                    label: l.t(Msg::NavNotices),
                    at: project(loc),
                });
            }
        }
        out
    });
    let outline = outline_points();
    let vb = RwSignal::new(FULL);
    let zoom = move |factor: f64| {
        vb.update(|(x, y, w, h)| {
            let (cx, cy) = (*x + *w / 2.0, *y + *h / 2.0);
            let nw = (*w * factor).clamp(30.0, FULL.2 * 1.5);
            let nh = nw * FULL.3 / FULL.2;
            *x = cx - nw / 2.0;
            *y = cy - nh / 2.0;
            *w = nw;
            *h = nh;
        })
    };
    // Drag to pan; two fingers to pinch.
    // The pointers down on the map (one or two): a list, not a map, since
    // it is this short.
    let pointers = StoredValue::new(Vec::<(i32, (f64, f64))>::new());
    let put = move |id: i32, at: (f64, f64)| {
        pointers.update_value(|m| {
            m.retain(|(k, _)| *k != id);
            m.push((id, at));
        })
    };
    let on_down = move |ev: leptos::ev::PointerEvent| put(ev.pointer_id(), (ev.client_x() as f64, ev.client_y() as f64));
    let on_up = move |ev: leptos::ev::PointerEvent| {
        pointers.update_value(|m| {
            m.retain(|(k, _)| *k != ev.pointer_id());
        })
    };
    let on_move = move |ev: leptos::ev::PointerEvent| {
        let id = ev.pointer_id();
        let now_at = (ev.client_x() as f64, ev.client_y() as f64);
        let Some(before) = pointers.with_value(|m| m.iter().find(|(k, _)| *k == id).map(|(_, v)| *v)) else { return };
        let others: Vec<(f64, f64)> = pointers.with_value(|m| m.iter().filter(|(k, _)| *k != id).map(|(_, v)| *v).collect());
        // Screen pixels per map unit: the map is as wide as the screen allows.
        let width_px = ev
            .current_target()
            .and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(t).ok())
            .map_or(360.0, |el| el.client_width().max(1) as f64);
        match others.as_slice() {
            [] => vb.update(|(x, y, w, _)| {
                let s = *w / width_px;
                *x -= (now_at.0 - before.0) * s;
                *y -= (now_at.1 - before.1) * s;
            }),
            [other, ..] => {
                let d = |a: (f64, f64)| ((a.0 - other.0).powi(2) + (a.1 - other.1).powi(2)).sqrt().max(1.0);
                zoom(d(before) / d(now_at));
            }
        }
        put(id, now_at);
    };
    let t = move |m: Msg| lang.get().t(m);
    view! {
        <Title msg=Msg::MapTitle/>
        <ExpiredFeeds kinds=vec![FeedKind::Corridors, FeedKind::DistributionPoints, FeedKind::Notices]/>
        <div class="map-tools">
            <button type="button" class="refresh" on:click=move |_| zoom(0.7) aria-label=move || t(Msg::ZoomIn)>"+"</button>
            <button type="button" class="refresh" on:click=move |_| zoom(1.0 / 0.7) aria-label=move || t(Msg::ZoomOut)>"−"</button>
            <button type="button" class="refresh" on:click=move |_| vb.set(FULL)>{move || t(Msg::ZoomReset)}</button>
        </div>
        <svg
            class="map"
            role="group"
            aria-label=move || t(Msg::MapTitle)
            viewBox=move || { let (x, y, w, h) = vb.get(); format!("{} {} {} {}", num(x), num(y), num(w), num(h)) }
            on:pointerdown=on_down
            on:pointerup=on_up
            on:pointercancel=on_up
            on:pointerleave=on_up
            on:pointermove=on_move
        >
            <polygon class="strip" points=outline></polygon>
            <g class="gov-names" aria-hidden="true">
                {GOVERNORATES.map(|(m, lat, lon, west)| {
                    let (x, y) = project(Point { lat, lon });
                    let anchor = if west { "end" } else { "start" };
                    let (x, x2) = (num(x), num(x));
                    // "Middle Area (Deir al-Balah)": the name in brackets on a
                    // line of its own, or it runs off the map's edge.
                    let part = move |second: bool| {
                        let name = t(m);
                        match name.split_once(" (") {
                            Some((a, b)) => if second { format!("({b}") } else { a.to_owned() },
                            None => if second { String::new() } else { name.to_owned() },
                        }
                    };
                    view! { <text x=x y=num(y) text-anchor=anchor><tspan>{move || part(false)}</tspan><tspan x=x2 dy="1.1em">{move || part(true)}</tspan></text> }
                })}
            </g>
            <For each=move || markers.get() key=|m| (m.view as u8, m.id.clone(), m.state, m.name.clone()) let:m>
                <MarkerShape marker=m/>
            </For>
        </svg>
        <ul class="legend">
            <li><svg viewBox="0 0 20 20" aria-hidden="true"><circle cx="10" cy="10" r="7" class="m-open"></circle></svg>{move || t(Msg::KindDistribution)}</li>
            <li><svg viewBox="0 0 20 20" aria-hidden="true"><rect x="3" y="3" width="14" height="14" class="m-open"></rect></svg>{move || t(Msg::KindCorridors)}</li>
            <li><svg viewBox="0 0 20 20" aria-hidden="true"><polygon points="10,2 18,17 2,17" class="m-danger"></polygon></svg>{move || t(Msg::KindNotices)}</li>
            <li><svg viewBox="0 0 20 20" aria-hidden="true"><circle cx="10" cy="10" r="7" class="m-open"></circle></svg>{move || t(Msg::OpenNow)}</li>
            <li><svg viewBox="0 0 20 20" aria-hidden="true"><circle cx="10" cy="10" r="7" class="m-closed"></circle><path class="m-mark" d="M7 7l6 6m0 -6l-6 6"></path></svg>{move || t(Msg::ClosedNow)}</li>
            <li><svg viewBox="0 0 20 20" aria-hidden="true"><circle cx="10" cy="10" r="7" class="m-unknown"></circle><text class="m-mark" x="10" y="13.5" text-anchor="middle">"?"</text></svg>{move || t(Msg::StatusUnknown)}</li>
        </ul>
        // Under the map and its legend: the map itself on a phone's first screen.
        <p class="map-note">{move || t(Msg::MapNote)}</p>
        <p class="map-source">{move || t(Msg::MapSource)}</p>
    }
}

#[component]
fn MarkerShape(marker: Marker) -> impl IntoView {
    let portal = Portal::get();
    let (x, y) = marker.at;
    let class = format!("m-{}", marker.state);
    let title = format!("{} — {}", marker.name, marker.label);
    let to = Route { view: marker.view, ..Route::default() }.with_id(&marker.id);
    let p = portal.clone();
    let t2 = to.clone();
    let go = move |_| p.go(to.clone());
    let key = move |ev: leptos::ev::KeyboardEvent| {
        if ev.key() == "Enter" || ev.key() == " " {
            ev.prevent_default();
            portal.go(t2.clone());
        }
    };
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
        "closed" => {
            Some(view! { <path class="m-mark" d=format!("M{} {}l6 6m0 -6l-6 6", num(x - 3.0), num(y - 3.0))></path> }.into_any())
        }
        "unknown" => Some(view! { <text class="m-mark" x=num(x) y=num(y + 3.5) text-anchor="middle">"?"</text> }.into_any()),
        _ => None,
    };
    view! {
        <g class="marker" role="link" tabindex="0" aria-label=title.clone() on:click=go on:keydown=key>
            <title>{title.clone()}</title>
            {shape}
            {mark}
        </g>
    }
}
