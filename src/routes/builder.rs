//! The widget builder (`?view=embed`): a site editor picks what to show,
//! sees it, and copies the code (`widget` draws it).

use crate::components::text::tr;
use crate::components::frame::Title;
use crate::components::share::copy_text;
use crate::i18n::{Label, Lang, Msg};
use crate::route::{Embed, Route, Theme, View};
use crate::state::Portal;
use bawaba_model::Area;
use crate::components::part::Draw;
use leptos::prelude::*;
use leptos::wasm_split::SplitLoaderError;
use std::sync::Arc;

/// The widget builder's part of the app (components::part), fetched when first opened.
#[leptos::wasm_split::wasm_split(builder, wasm_split_path = ::leptos::wasm_split, fallible)]
pub fn part() -> Result<Draw, SplitLoaderError> {
    Ok(|| view! { <BuilderPage/> }.into_any())
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
            html_attr(l.t(feed.get().kind().1)),
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
        <p>{tr(Msg::EmbedIntro)}</p>
        <form class="builder" on:submit=|ev| ev.prevent_default()>
            <div class="filter">
                <label for="b-feed">{tr(Msg::EmbedFeed)}</label>
                <select id="b-feed" on:change=feed_select>
                    {Embed::FEEDS.into_iter().map(|v| {
                        let slug = v.slug().unwrap_or_default();
                        view! { <option value=slug selected=move || feed.get() == v>{move || t(v.kind().1)}</option> }
                    }).collect_view()}
                </select>
            </div>
            <div class="filter">
                <label for="b-lang">{tr(Msg::LanguageLabel)}</label>
                <select id="b-lang" on:change=move |ev| { if let Some(l) = Lang::from_tag(&event_target_value(&ev)) { crate::language::switch(widget_lang, l, || ()) } }>
                    {Lang::ALL.into_iter().map(|l| view! { <option value=l.tag() lang=l.tag() selected=move || widget_lang.get() == l>{l.autonym()}</option> }).collect_view()}
                </select>
            </div>
            <div class="filter">
                <label for="b-area">{tr(Msg::AreaLabel)}</label>
                <select id="b-area" on:change=move |ev| area.set(event_target_value(&ev))>
                    <option value="">{tr(Msg::AllAreas)}</option>
                    {Area::KNOWN.iter().map(|a| {
                        let (slug, m) = (a.wire().to_owned(), a.msg());
                        view! { <option value=slug>{move || t(m)}</option> }
                    }).collect_view()}
                </select>
            </div>
            <div class="filter">
                <label for="b-theme">{tr(Msg::EmbedTheme)}</label>
                <select id="b-theme" on:change=move |ev| theme.set(if event_target_value(&ev) == "dark" { Theme::Dark } else { Theme::Light })>
                    <option value="light">{tr(Msg::ThemeLight)}</option>
                    <option value="dark">{tr(Msg::ThemeDark)}</option>
                </select>
            </div>
            <div class="filter">
                <label for="b-limit">{tr(Msg::EmbedLimit)}</label>
                <input id="b-limit" type="number" min="1" max="100" inputmode="numeric" prop:value=move || limit.get().to_string()
                    on:input=move |ev| { if let Ok(n) = event_target_value(&ev).parse::<usize>() { limit.set(n.clamp(1, 100)) } }/>
            </div>
            <div class="filter">
                <label for="b-height">{tr(Msg::EmbedHeight)}</label>
                <input id="b-height" type="number" min="120" max="4000" step="20" inputmode="numeric" prop:value=move || height.get().to_string()
                    on:input=move |ev| { if let Ok(n) = event_target_value(&ev).parse::<u32>() { height.set(n.clamp(120, 4000)) } }/>
            </div>
            <div class="filter check">
                <input id="b-compact" type="checkbox" prop:checked=move || compact.get() on:change=move |ev| compact.set(event_target_checked(&ev))/>
                <label for="b-compact">{tr(Msg::EmbedCompact)}</label>
            </div>
        </form>
        <Snippet id="snippet-script" title=Msg::EmbedScriptSnippet code=script_code/>
        <Snippet id="snippet-iframe" title=Msg::EmbedIframeSnippet code=iframe_code/>
        <h2>{tr(Msg::EmbedPreview)}</h2>
        <iframe class="preview" src=preview title=tr(Msg::EmbedPreview) style:height=move || format!("{}px", height.get())></iframe>
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
        <h2 id=title_id.clone()>{tr(title)}</h2>
        <div class="snippet">
            <textarea id=id aria-labelledby=title_id.clone() readonly rows="4" dir="ltr" spellcheck="false" prop:value=move || code.get()></textarea>
            <p>
                <button type="button" class="refresh" on:click=copy aria-describedby=title_id>{tr(Msg::Copy)}</button>
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
