//! `bawaba-feed posters`: an A4 poster for every crossing and aid point of
//! the feeds, drawn by the portal's own `Poster` component (the print view's
//! "Poster for this place"), with its QR code to the place's page.
//!
//! Writes DIR/LANG/ID.html, one poster each, and DIR/LANG/index.html with
//! all of them, one to a printed page.

use crate::args::{self, Args, Spec, Usage, GAZA};
use bawaba_edition::{document, in_reader, without_markers};
use bawaba_model::{Feed, Items};
use bawaba_ui::i18n::{Lang, Msg};
use bawaba_ui::poster::{Place, Poster};
use bawaba_ui::LinkFn;
use chrono::{DateTime, Utc};
use leptos::prelude::*;
use std::path::Path;
use std::process::ExitCode;
use std::sync::Arc;

pub const SPEC: Spec = Spec { options: &["-o", "--lang", "--link-base", "--at"], switches: &[], words: (1, usize::MAX) };

pub fn run(a: &Args) -> Result<ExitCode, Usage> {
    let out = a.required("-o")?;
    let mut langs = a.values("--lang").map(Lang::from_tag).collect::<Option<Vec<_>>>().ok_or(Usage)?;
    if langs.is_empty() {
        langs = Lang::ALL.to_vec();
    }
    let (at, link_base) = match (args::at(a), args::link_base(a)) {
        (Ok(at), Ok(l)) => (at, l.ok_or(Usage)?),
        (Err(code), _) | (_, Err(code)) => return Ok(code),
    };
    let feeds = match crate::check::valid_files(&a.words, "no posters") {
        Ok(f) => f,
        Err(code) => return Ok(code),
    };
    Ok(match write(&feeds, &Request { langs, link_base, at }, Path::new(out)) {
        Ok(n) => {
            eprintln!("{n} posters written under {out}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("{out}: cannot write: {e}");
            ExitCode::from(2)
        }
    })
}

/// What the posters are asked for.
pub struct Request {
    pub langs: Vec<Lang>,
    /// The portal's https:// address: the QR codes lead there.
    pub link_base: String,
    pub at: DateTime<Utc>,
}

/// Each place with the portal view its page is on and its feed's
/// publication time.
fn places(feeds: &[Feed]) -> Vec<(Place, &'static str, Option<DateTime<Utc>>)> {
    let mut v = vec![];
    for f in feeds {
        match &f.items {
            Items::Corridors(items) => v.extend(items.iter().map(|c| (Place::Corridor(c.clone()), "corridors", f.published_at))),
            Items::DistributionPoints(items) => v.extend(items.iter().map(|d| (Place::Point(d.clone()), "distribution", f.published_at))),
            Items::Notices(_) => {}
        }
    }
    v
}

/// An id as a file name: the contract's ids are slugs, but a file is
/// written only for one that cannot leave the folder.
fn file_name(id: &str) -> Option<String> {
    let ok = !id.is_empty() && !id.starts_with('.') && id.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'));
    ok.then(|| format!("{id}.html"))
}

pub fn link(base: &str, view: &str, id: &str, lang: Lang) -> String {
    format!("{base}?view={view}&id={id}&lang={}", lang.tag())
}

/// The posters of one language: (file name, page), the all-in-one index last.
pub fn render(feeds: &[Feed], r: &Request, lang: Lang) -> Vec<(String, String)> {
    // Posters are for Gaza: its zone, and Arabic as every text's fallback.
    let (tz, default_language) = (GAZA, "ar");
    let demo = feeds.iter().any(|f| f.demo);
    let title = |name: &str| if demo { format!("{} — {name}", lang.t(Msg::DemoLabel)) } else { name.to_owned() };
    // A poster links nowhere but through its QR code and printed address.
    let no_link: LinkFn = Arc::new(|_, _, inner| inner);
    let draw = |place: Place, view: &str, published| {
        let link = link(&r.link_base, view, place.id(), lang);
        let qr = bawaba_qr::qr_path(&link);
        without_markers(view! { <Poster place=place link=link qr=qr published=published/> }.to_html())
    };
    in_reader(lang, r.at, tz, default_language, demo, no_link, || {
        let mut pages = vec![];
        let mut all = String::new();
        for (place, view, published) in places(feeds) {
            let Some(file) = file_name(place.id()) else {
                eprintln!("{}: not a usable id for a file name; no poster", place.id());
                continue;
            };
            let name = bawaba_ui::plain::text_in(place.name(), lang, default_language);
            let poster = draw(place, view, published);
            let head = view! { <title>{title(&name)}</title> }.to_html();
            pages.push((file, document(lang, &head, &poster, "bawaba-feed posters")));
            all.push_str(&poster);
        }
        let head = view! { <title>{title(lang.t(Msg::PosterTitle))}</title> }.to_html();
        let heading = view! { <h1 class="vh">{lang.t(Msg::PosterTitle)}</h1> }.to_html();
        pages.push(("index.html".to_owned(), document(lang, &head, &format!("{heading}{all}"), "bawaba-feed posters")));
        pages
    })
}

/// Writes every language's posters under `out`; the number of posters.
pub fn write(feeds: &[Feed], r: &Request, out: &Path) -> std::io::Result<usize> {
    let mut n = 0;
    for &lang in &r.langs {
        let dir = out.join(lang.tag());
        std::fs::create_dir_all(&dir)?;
        for (file, page) in render(feeds, r, lang) {
            std::fs::write(dir.join(&file), page)?;
            n += usize::from(file != "index.html");
        }
    }
    Ok(n)
}

#[cfg(test)]
mod tests {
    use super::file_name;

    /// A poster's file stays in its folder whatever id a feed gives.
    #[test]
    fn only_plain_ids_become_file_names() {
        assert_eq!(file_name("shati-camp_bakery.2").as_deref(), Some("shati-camp_bakery.2.html"));
        for id in ["", ".hidden", "..", "../up", "a/b", "a\\b", "bakery ", "مخبز"] {
            assert_eq!(file_name(id), None, "{id:?}");
        }
    }
}
