//! A poster for one place (`?view=print&id=…`), drawn on the phone and
//! printed or saved from there, with no network: the QR code is made here.

use crate::components::frame::{Empty, Title};
use crate::components::nav_link::NavLink;
use crate::components::share::item_link;
use crate::i18n::Msg;
use crate::route::{Route, View};
use crate::state::Portal;
use bawaba_model::{Feed, FeedKind, Items};
use bawaba_ui::poster::{Place, Poster};
use crate::components::part::Draw;
use leptos::prelude::*;
use leptos::wasm_split::SplitLoaderError;
use std::sync::Arc;

/// The place with this id, the view its page is on, and when its feed was
/// published.
fn find(p: &Portal, id: &str) -> Option<(Place, View, Option<chrono::DateTime<chrono::Utc>>)> {
    let feeds: Vec<Arc<Feed>> = [FeedKind::Corridors, FeedKind::DistributionPoints].into_iter().flat_map(|k| p.feeds_of(k)).collect();
    feeds.iter().find_map(|f| {
        let place = match &f.items {
            Items::Corridors(v) => v.iter().find(|c| c.base.id == id).map(|c| (Place::Corridor(c.clone()), View::Corridors)),
            Items::DistributionPoints(v) => v.iter().find(|d| d.base.id == id).map(|d| (Place::Point(d.clone()), View::Distribution)),
            Items::Notices(_) => None,
        };
        place.map(|(place, view)| (place, view, f.published_at))
    })
}

/// The poster's part of the app (components::part), fetched when first
/// opened; it draws the place the address names.
#[leptos::wasm_split::wasm_split(poster, wasm_split_path = ::leptos::wasm_split, fallible)]
pub fn part() -> Result<Draw, SplitLoaderError> {
    Ok(|| view! { <PosterPage id=Portal::get().route.with_untracked(|r| r.id.clone()).unwrap_or_default()/> }.into_any())
}

#[component]
pub fn PosterPage(id: String) -> impl IntoView {
    let portal = Portal::get();
    let lang = portal.lang;
    let link = {
        let (p, id) = (portal.clone(), id.clone());
        Memo::new(move |_| find(&p, &id).map(|(_, view, _)| item_link(view, &id, lang.get())))
    };
    // Made on the phone, with no network once the portal is installed; a
    // task and a signal, not a resource: no async machinery for one value.
    let code = RwSignal::new(None::<Option<(usize, String)>>);
    Effect::new(move |_| {
        let link = link.get();
        leptos::task::spawn_local(async move {
            code.set(Some(match link {
                Some(l) => crate::modules::qr(&l).await,
                None => None,
            }));
        });
    });
    view! {
        <Title msg=Msg::PosterTitle unseen=true/>
        {move || code.get().map(|qr| poster(&portal, &id, qr))}
    }
}

fn poster(portal: &Portal, id: &str, qr: Option<(usize, String)>) -> AnyView {
    // The poster reads the language once: drawn again when it changes.
    let l = portal.lang.get();
    let Some((place, view, published)) = find(portal, id) else {
        return view! { <Empty filtered=false single=true/> }.into_any();
    };
    let link = item_link(view, place.id(), l);
    view! {
        <div class="no-print poster-tools">
            <button type="button" class="refresh" on:click=|_| { let _ = window().print(); }>{l.t(Msg::PrintButton)}</button>
            <NavLink to=Route { view: View::Print, ..Route::default() }>{l.t(Msg::BackToList)}</NavLink>
        </div>
        <Poster place=place link=link qr=qr published=published/>
    }
    .into_any()
}
