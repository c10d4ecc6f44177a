//! Sharing one item: forwarded text in WhatsApp groups is how information
//! moves in Gaza, so the text is complete on its own (name, status, hours,
//! where, link) and in the reader's language.

use crate::components::text::tr;
use crate::components::listen::{Listen, Spoken};
use crate::format;
use crate::i18n::{Label, Lang, Msg};
use crate::route::{Route, View};
use crate::state::Portal;
use bawaba_model::{Corridor, DistributionPoint, ItemBase, Notice, Tz};
use bawaba_ui::plain::{statement_line, status_line, text_in};
use chrono::{DateTime, Utc};
use leptos::prelude::*;
use std::sync::Arc;
use wasm_bindgen::{JsCast, JsValue};

/// The lines every shared text ends with: when it was updated, the demo
/// warning if it applies, and the link.
/// With several publishers, what each says (a forwarded text must not pick one).
fn footer(lines: &mut Vec<String>, lang: Lang, base: &ItemBase, default: &str, tz: Tz, demo: bool, link: &str) {
    let when = |t| format::date_time_full(lang, t, tz);
    if base.statements.is_empty() {
        lines.push(lang.f(Msg::UpdatedTemplate, &[("when", &when(base.updated_at))]));
    } else {
        if base.sources_differ() {
            lines.push(format!("≠ {}", lang.t(Msg::SourcesDiffer)));
        }
        for s in &base.statements {
            lines.push(format!("— {}", statement_line(lang, s, default, &when(s.updated_at))));
        }
    }
    if demo {
        lines.push(format!("⚠ {}", lang.t(Msg::DemoBanner)));
    }
    lines.push(link.to_owned());
}

/// `now` is `None` while the phone's clock seems wrong.
pub fn corridor_text(c: &Corridor, lang: Lang, default: &str, now: Option<DateTime<Utc>>, tz: Tz, demo: bool, link: &str) -> String {
    let mut lines = vec![format!("*{}* — {}", text_in(&c.name, lang, default), lang.t(c.kind.msg()))];
    lines.push(status_line(lang, c, now, tz));
    for s in &c.schedule.hours {
        lines.push(format!("🕒 {}", format::slot(lang, s)));
    }
    if !c.allowed.is_empty() {
        let who: Vec<_> = c.allowed.iter().map(|a| lang.t(a.msg())).collect();
        lines.push(format!("{}{}{}", lang.t(Msg::AllowedLabel), lang.colon(), who.join(lang.list_sep())));
    }
    footer(&mut lines, lang, &c.base, default, tz, demo, link);
    lines.join("\n")
}

pub fn point_text(
    p: &DistributionPoint,
    lang: Lang,
    default: &str,
    now: Option<DateTime<Utc>>,
    tz: Tz,
    demo: bool,
    link: &str,
) -> String {
    let mut lines = vec![format!("*{}*", text_in(&p.name, lang, default))];
    if !p.services.is_empty() {
        let s: Vec<_> = p.services.iter().map(|s| lang.t(s.msg())).collect();
        lines.push(s.join(lang.list_sep()));
    }
    lines.push(status_line(lang, p, now, tz));
    for s in &p.schedule.hours {
        lines.push(format!("🕒 {}", format::slot(lang, s)));
    }
    if let Some(l) = &p.landmark {
        lines.push(format!("📍 {}", text_in(l, lang, default)));
    }
    if let Some(r) = &p.requirements {
        lines.push(format!("{}{}{}", lang.t(Msg::RequirementsLabel), lang.colon(), text_in(r, lang, default)));
    }
    footer(&mut lines, lang, &p.base, default, tz, demo, link);
    lines.join("\n")
}

pub fn notice_text(n: &Notice, lang: Lang, default: &str, now: DateTime<Utc>, tz: Tz, demo: bool, link: &str) -> String {
    let mut lines = vec![format!("*{}* — {}", lang.t(n.severity.msg()), text_in(&n.title, lang, default))];
    if let Some(b) = &n.body {
        lines.push(text_in(b, lang, default));
    }
    // When it applies, in full: a forwarded notice may be read after it ended.
    let from = format::date_time_full(lang, n.effective_at, tz);
    lines.push(lang.f(if n.effective_at <= now { Msg::EffectiveFrom } else { Msg::NotYetInEffect }, &[("time", &from)]));
    if let Some(e) = n.expires_at {
        lines.push(lang.f(Msg::ExpiresAt, &[("time", &format::date_time_full(lang, e, tz))]));
    }
    footer(&mut lines, lang, &n.base, default, tz, demo, link);
    lines.join("\n")
}

/// The absolute address of one item, for sharing.
pub fn item_link(view: View, id: &str, lang: Lang) -> String {
    let here = window().location().href().unwrap_or_default();
    let base = &here[..here.find(['?', '#']).unwrap_or(here.len())];
    format!("{base}{}", Route { view, lang: Some(lang), ..Route::default() }.with_id(id).href())
}

/// The item a share bar is for.
#[derive(Clone)]
pub enum Shared {
    Corridor(Arc<Corridor>),
    Point(Arc<DistributionPoint>),
    Notice(Arc<Notice>),
}

impl Shared {
    fn view(&self) -> View {
        match self {
            Shared::Corridor(_) => View::Corridors,
            Shared::Point(_) => View::Distribution,
            Shared::Notice(_) => View::Notices,
        }
    }

    fn id(&self) -> &str {
        match self {
            Shared::Corridor(c) => &c.base.id,
            Shared::Point(p) => &p.base.id,
            Shared::Notice(n) => &n.base.id,
        }
    }

    /// The forwarded text, in the language and at the time of the moment.
    fn text(&self, p: &Portal, link: &str) -> String {
        let (lang, default, now, tz, demo) = (p.lang.get(), p.default_language(), p.now.get(), p.tz(), p.demo.get());
        let trusted = (!p.clock_wrong.get()).then_some(now);
        match self {
            Shared::Corridor(c) => corridor_text(c, lang, default, trusted, tz, demo, link),
            Shared::Point(d) => point_text(d, lang, default, trusted, tz, demo, link),
            Shared::Notice(n) => notice_text(n, lang, default, now, tz, demo, link),
        }
    }
}

/// What the portal adds to an item's card: "Listen" on every card, and the
/// share bar on the item's own page only (a list of cards with a share bar
/// each would be noise).
pub fn item_actions(item: Shared) -> Option<AnyView> {
    let portal = Portal::get();
    let lang = portal.lang;
    let single = portal.route.get_untracked().id.is_some();
    let (view, id) = (item.view(), item.id().to_owned());
    let link = Signal::derive(move || item_link(view, &id, lang.get()));
    let (p, spoken_item) = (portal.clone(), item.clone());
    // The forwarded text without its link: what is read aloud.
    let spoken: Spoken = Arc::new(move || spoken_item.text(&p, ""));
    let text = Signal::derive(move || item.text(&portal, &link.get()));
    Some(view! { <Listen text=spoken/> {single.then(|| view! { <ShareBar text=text link=link/> })} }.into_any())
}

/// Share, WhatsApp, and copy as text. `text` is built when needed, in the
/// language of the moment.
#[component]
pub fn ShareBar(text: Signal<String>, link: Signal<String>) -> impl IntoView {
    let lang = Portal::get().lang;
    let status = RwSignal::new(None::<Msg>);
    let whatsapp = move || {
        let encoded: String = js_sys::encode_uri_component(&text.get()).into();
        format!("https://wa.me/?text={encoded}")
    };
    let can_share = js_sys::Reflect::has(&window().navigator(), &"share".into()).unwrap_or(false);
    let share = move |_| {
        let data = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&data, &"text".into(), &JsValue::from_str(&text.get_untracked()));
        let _ = js_sys::Reflect::set(&data, &"url".into(), &JsValue::from_str(&link.get_untracked()));
        if let Ok(f) = js_sys::Reflect::get(&window().navigator(), &"share".into()) {
            if let Some(f) = f.dyn_ref::<js_sys::Function>() {
                let _ = f.call1(&window().navigator(), &data);
            }
        }
    };
    let copy = move |_| {
        let text = text.get_untracked();
        leptos::task::spawn_local(async move {
            let ok = copy_text(&text).await;
            status.set(Some(if ok { Msg::Copied } else { Msg::CopyFailed }));
        });
    };
    view! {
        <div class="share">
            {can_share.then(|| view! { <button type="button" class="refresh" on:click=share>{tr(Msg::Share)}</button> })}
            <a class="button" href=whatsapp target="_blank" rel="noopener noreferrer">{tr(Msg::ShareWhatsApp)}</a>
            <button type="button" class="refresh copy-text" on:click=copy>{tr(Msg::CopyAsText)}</button>
            <span role="status">{move || status.get().map(|m| lang.get().t(m))}</span>
            <details class="share-preview">
                <summary>{tr(Msg::LinkToItem)}</summary>
                <p><a href=move || link.get() dir="ltr">{move || link.get()}</a></p>
                <pre dir="auto">{move || text.get()}</pre>
            </details>
        </div>
    }
}

/// Copies `text` and says whether it really reached the clipboard: the
/// Clipboard API's promise is awaited (a refused permission is a failure, not
/// "Copied"); where that API is missing or refuses (older browsers, frames),
/// the older copy command on a temporary text box.
pub async fn copy_text(text: &str) -> bool {
    let navigator = window().navigator();
    let promise = js_sys::Reflect::get(&navigator, &"clipboard".into()).ok().and_then(|clipboard| {
        let write = js_sys::Reflect::get(&clipboard, &"writeText".into()).ok()?;
        write.dyn_ref::<js_sys::Function>()?.call1(&clipboard, &JsValue::from_str(text)).ok()
    });
    if let Some(p) = promise.and_then(|p| p.dyn_into::<js_sys::Promise>().ok()) {
        if wasm_bindgen_futures::JsFuture::from(p).await.is_ok() {
            return true;
        }
    }
    let Some(body) = document().body() else { return false };
    let Ok(area) = document().create_element("textarea") else { return false };
    let area: web_sys::HtmlTextAreaElement = area.unchecked_into();
    area.set_value(text);
    let _ = area.set_attribute("readonly", "");
    // A class, not a style attribute: the Content-Security-Policy forbids those.
    area.set_class_name("copy-buffer");
    let _ = body.append_child(&area);
    area.select();
    let done = document().unchecked_into::<web_sys::HtmlDocument>().exec_command("copy").unwrap_or(false);
    area.remove();
    done
}
