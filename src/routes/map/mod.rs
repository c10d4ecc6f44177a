//! The offline map (`?view=map`): the five governorates' boundaries shipped
//! inside the app (OCHA COD-AB, CC BY 3.0 IGO; see `MapCredits`), every
//! located place drawn as a shape and colour by kind and status, and roads as
//! lines. No tiles, no network.

mod shapes;

use crate::components::text::tr;
use crate::components::feed_status::ExpiredFeeds;
use crate::components::filters::chosen_area;
use crate::components::frame::Title;
use crate::components::part::Draw;
use leptos::wasm_split::SplitLoaderError;
use crate::components::map_credits::MapCredits;
use crate::components::nav_link::NavLink;
use crate::components::text::resolve;
use crate::derived::Ordered;
use crate::i18n::{Label, Lang, Msg};
use crate::route::{Route, View};
use crate::state::Portal;
use bawaba_model::filter::Filter;
use bawaba_model::{FeedKind, ItemBase, LocalizedText, Point, Severity};
use bawaba_ui::status::{Said, Stated};
use leptos::prelude::*;
use std::sync::atomic::Ordering::Relaxed;
use shapes::{num, project, Governorates, Marker, MarkerShape};

const FULL: (f64, f64, f64, f64) = (0.0, 0.0, 360.0, 430.0);

/// Each governorate's name, written beside the Strip (where markers do not
/// cover it) at the latitude of its main town: in the sea for the three
/// northern ones, east of the narrow south. (name, lat, lon of the label's
/// anchor, text runs west of it)
const GOVERNORATES: [(Msg, f64, f64, bool); 5] = [
    (Msg::AreaNorthGaza, 31.552, 34.445, true),
    (Msg::AreaGaza, 31.500, 34.390, true),
    (Msg::AreaDeirAlBalah, 31.425, 34.305, true),
    (Msg::AreaKhanYounis, 31.345, 34.360, false),
    (Msg::AreaRafah, 31.275, 34.345, false),
];

/// What a marker needs from a crossing, road or distribution point.
struct Place<'a> {
    base: &'a ItemBase,
    name: &'a LocalizedText,
    path: &'a [Point],
}

/// Markers for places ordered by openness (open first), coloured and
/// labelled by whether they are open now (`bawaba_ui::status`); places with
/// neither a location nor a line are not drawn.
fn places<T: Stated>(out: &mut Vec<Marker>, items: &Ordered<T>, view: View, lang: Lang, within: &Filter, parts: fn(&T) -> Place<'_>) {
    for (open, item) in items.iter() {
        let Place { base, name, path } = parts(item);
        if (base.location.is_none() && path.is_empty()) || !within.in_area(base) {
            continue;
        }
        let words = item.stated().words(lang, Said::Live(*open), |_| String::new());
        out.push(Marker {
            view,
            id: base.id.clone(),
            name: resolve(name).0,
            state: words.tone.class(),
            label: words.label,
            at: base.location.map(project),
            line: if path.is_empty() { String::new() } else { shapes::points(path.iter().copied()) },
        });
    }
}

/// The map's part of the app (components::part), fetched when first opened.
#[leptos::wasm_split::wasm_split(map, wasm_split_path = ::leptos::wasm_split, fallible)]
pub fn part() -> Result<Draw, SplitLoaderError> {
    Ok(|| view! { <MapPage/> }.into_any())
}

#[component]
pub fn MapPage() -> impl IntoView {
    let portal = Portal::get();
    let (lang, now) = (portal.lang, portal.now);
    let area = chosen_area();
    let (corridors, points, lists) = (portal.corridors, portal.points, portal.lists);
    let markers = Memo::new(move |_| {
        let l = lang.get();
        let t = now.get();
        let a = area.get();
        // Filed under the chosen governorate (all, when none is), as the lists.
        let within = Filter { area: a.as_deref(), ..Filter::default() };
        let mut out = vec![];
        corridors.with(|c| {
            places(&mut out, c, View::Corridors, l, &within, |c| Place { base: &c.base, name: &c.name, path: &c.path })
        });
        points.with(|d| {
            places(&mut out, d, View::Distribution, l, &within, |d| Place { base: &d.base, name: &d.name, path: &[] })
        });
        // In effect now only: a triangle carries no date.
        for n in lists.get().notices.iter().filter(|n| !n.is_expired(t) && n.effective_at <= t && within.in_area(&n.base)) {
            if let Some(loc) = n.base.location {
                let state = if n.severity == Severity::Danger { "danger" } else { "warning" };
                out.push(Marker {
                    view: View::Notices,
                    id: n.base.id.clone(),
                    name: resolve(&n.title).0,
                    state,
                    label: l.t(Msg::NavNotices).to_owned(),
                    at: Some(project(loc)),
                    line: String::new(),
                });
            }
        }
        out
    });
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
    // How far the pointers moved since one went down: a drag that ends over
    // a governorate or a place is a pan, not a tap on it (see shapes::follows).
    let on_down = move |ev: leptos::ev::PointerEvent| {
        shapes::TRAVEL.store(0, Relaxed);
        put(ev.pointer_id(), (ev.client_x() as f64, ev.client_y() as f64))
    };
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
        shapes::TRAVEL.fetch_add(((now_at.0 - before.0).abs() + (now_at.1 - before.1).abs()) as u32, Relaxed);
        put(id, now_at);
    };
    let t = move |m: Msg| lang.get().t(m);
    view! {
        <Title msg=Msg::MapTitle/>
        <ExpiredFeeds kinds=vec![FeedKind::Corridors, FeedKind::DistributionPoints, FeedKind::Notices]/>
        <div class="map-tools">
            <button type="button" class="refresh" on:click=move |_| zoom(0.7) aria-label=tr(Msg::ZoomIn)>"+"</button>
            <button type="button" class="refresh" on:click=move |_| zoom(1.0 / 0.7) aria-label=tr(Msg::ZoomOut)>"−"</button>
            <button type="button" class="refresh" on:click=move |_| vb.set(FULL)>{tr(Msg::ZoomReset)}</button>
        </div>
        // The governorate chosen, by a tap or the address, and the way back to all.
        <p class="map-area" role="status" hidden=move || area.get().is_none().then_some("")>
            {move || area.get().map(|a| format!("{}{}{}", t(Msg::AreaLabel), lang.get().colon(), t(bawaba_model::Area::from_wire(&a).msg())))}
            <NavLink to=Route { view: View::Map, ..Route::default() }>{tr(Msg::AllAreas)}</NavLink>
        </p>
        <svg
            class="map"
            role="group"
            aria-label=tr(Msg::MapTitle)
            viewBox=move || { let (x, y, w, h) = vb.get(); format!("{} {} {} {}", num(x), num(y), num(w), num(h)) }
            on:pointerdown=on_down
            on:pointerup=on_up
            on:pointercancel=on_up
            on:pointerleave=on_up
            on:pointermove=on_move
        >
            <Governorates selected=area/>
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
            <li><svg viewBox="0 0 20 20" aria-hidden="true"><circle cx="10" cy="10" r="7" class="m-open"></circle></svg>{tr(Msg::KindDistribution)}</li>
            <li><svg viewBox="0 0 20 20" aria-hidden="true"><rect x="3" y="3" width="14" height="14" class="m-open"></rect></svg>{tr(Msg::KindCorridors)}</li>
            <li><svg viewBox="0 0 20 20" aria-hidden="true"><polygon points="10,2 18,17 2,17" class="m-danger"></polygon></svg>{tr(Msg::KindNotices)}</li>
            <li><svg viewBox="0 0 20 20" aria-hidden="true"><circle cx="10" cy="10" r="7" class="m-open"></circle></svg>{tr(Msg::OpenNow)}</li>
            <li><svg viewBox="0 0 20 20" aria-hidden="true"><circle cx="10" cy="10" r="7" class="m-closed"></circle><path class="m-mark" d="M7 7l6 6m0 -6l-6 6"></path></svg>{tr(Msg::ClosedNow)}</li>
            <li><svg viewBox="0 0 20 20" aria-hidden="true"><circle cx="10" cy="10" r="7" class="m-unknown"></circle><text class="m-mark" x="10" y="13.5" text-anchor="middle">"?"</text></svg>{tr(Msg::StatusUnknown)}</li>
        </ul>
        // Under the map and its legend: the map itself on a phone's first screen.
        <p class="map-note">{tr(Msg::MapNote)}</p>
        <MapCredits/>
    }
}
