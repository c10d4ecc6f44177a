//! publish: writes the static edition of a built deployment, from the same
//! Leptos components the portal draws, rendered to HTML here (ssr).
//!
//!   bawaba-feed publish DIR [--at TIME]
//!
//! DIR is a built deployment (trunk's `dist/`) with its `config.json` and
//! the feeds it lists. Every local feed is read as the portal reads it and,
//! when `trusted_keys` is set, its `.sig` verified; a feed that fails is
//! left out, named here and on the pages, and the exit code is 1. Writes
//! `static/<lang>.html` for each language the deployment offers: one
//! self-contained page, no script, the feeds embedded byte for byte; and
//! `widgets/<kind>-<lang>[-compact].html`, the pages `embed.js` shows.

use crate::args::{self, Args, Spec, Usage};
use bawaba_model::{parse_config, parse_feed, signature, Config};
use bawaba_edition::{bulletin, in_reader, link_to, without_markers, Written};
use bawaba_edition::page::{CarriedFeed, LeftOut};
use bawaba_edition::words::{self as ed, PageMsg};
use bawaba_ui::i18n::{describe, Lang};
use bawaba_edition::snapshot::{static_page, Snapshot};
use bawaba_edition::widget::{widget_page, widget_path};
use bawaba_ui::ItemKind;
use chrono::{DateTime, Utc};
use leptos::prelude::*;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;

/// What went wrong with one feed, for the publisher (English, on stderr) and
/// for the reader (on the page, in its language).
enum Refused {
    Remote,
    Unreadable(String),
    Invalid(bawaba_model::FeedError),
    Signature(String),
}

impl Refused {
    fn for_reader(&self, lang: Lang) -> String {
        ed::t(
            lang,
            match self {
                Refused::Remote => PageMsg::LeftOutRemote,
                Refused::Unreadable(_) | Refused::Invalid(_) => PageMsg::LeftOutInvalid,
                Refused::Signature(_) => PageMsg::LeftOutSignature,
            },
        )
        .to_owned()
    }

    fn for_publisher(&self) -> String {
        match self {
            Refused::Remote => "on another host: not fetched, left out (publish it in the deployment to include it)".into(),
            Refused::Unreadable(e) => format!("cannot read: {e}"),
            Refused::Invalid(e) => format!("not a valid feed: {}", describe::feed_error(Lang::En, e)),
            Refused::Signature(e) => format!("signature: {e}"),
        }
    }
}

pub const SPEC: Spec = Spec { options: &["--at"], switches: &[], words: (1, 1) };

pub fn run(a: &Args) -> Result<ExitCode, Usage> {
    Ok(match args::at(a) {
        Ok(now) => publish(&PathBuf::from(a.word()), now),
        Err(code) => code,
    })
}

/// Where publish reads the deployment and writes its pages: the folder on
/// disk for the command, files in memory for the desk (crates/desk).
pub trait Deployment {
    /// A file by its path in the deployment (`config.json`, `data/x.json`).
    fn read(&self, path: &str) -> std::io::Result<Vec<u8>>;
    fn write(&mut self, path: &str, bytes: &[u8]) -> std::io::Result<()>;
    /// How a path is named in what publish says.
    fn shown(&self, path: &str) -> String;
    /// One line of what publish says (the command prints it on stderr).
    fn note(&mut self, line: String);
    /// A feed left out, and why in a reader's language (the desk says it so;
    /// the command has said it in `note`).
    fn left_out(&mut self, _url: &str, _why: &dyn Fn(Lang) -> String) {}
}

/// The command's deployment: a folder.
struct Folder<'a>(&'a Path);

impl Deployment for Folder<'_> {
    fn read(&self, path: &str) -> std::io::Result<Vec<u8>> {
        std::fs::read(self.0.join(path))
    }
    fn write(&mut self, path: &str, bytes: &[u8]) -> std::io::Result<()> {
        let file = self.0.join(path);
        if let Some(parent) = file.parent() {
            std::fs::create_dir_all(parent)?;
        }
        std::fs::write(file, bytes)
    }
    fn shown(&self, path: &str) -> String {
        self.0.join(path).display().to_string()
    }
    fn note(&mut self, line: String) {
        eprintln!("{line}");
    }
}

fn publish(dir: &Path, now: DateTime<Utc>) -> ExitCode {
    ExitCode::from(publish_to(&mut Folder(dir), now))
}

/// The static edition of a deployment at `now`: its pages, widgets and
/// first screen written into it. 0 done, 1 a feed was left out (named), 2
/// a file that could not be read or written.
pub fn publish_to(dir: &mut dyn Deployment, now: DateTime<Utc>) -> u8 {
    let config = match dir.read("config.json") {
        Ok(bytes) => match parse_config(&bytes) {
            Ok(c) => c,
            Err(e) => {
                dir.note(format!("{}: {}", dir.shown("config.json"), describe::config_error(Lang::En, &e)));
                return 1;
            }
        },
        Err(e) => {
            dir.note(format!("{}: cannot read: {e} (publish takes a built deployment folder, e.g. dist/)", dir.shown("config.json")));
            return 2;
        }
    };
    let (sources, refused) = read_feeds(dir, &config);
    for (url, why) in &refused {
        dir.note(format!("{url}: {}", why.for_publisher()));
        dir.left_out(url, &|lang| why.for_reader(lang));
    }
    let languages: Vec<Lang> = config.languages.iter().filter_map(|t| Lang::from_tag(t)).collect();
    for &lang in &languages {
        let left_out = refused.iter().map(|(url, why)| LeftOut { url: url.clone(), reason: why.for_reader(lang) }).collect();
        let html = page(lang, now, &config, sources.clone(), left_out, languages.clone());
        let path = format!("static/{}.html", lang.tag());
        if let Err(e) = write_compressed(dir, &path, html.as_bytes()) {
            dir.note(format!("{}: {e}", dir.shown(&path)));
            return 2;
        }
        dir.note(format!("wrote {} ({} bytes)", dir.shown(&path), html.len()));
    }
    // In every language, not only the deployment's: embed.js cannot ask
    // which it offers, and a site asking for one must not get a 404.
    for lang in Lang::ALL {
        if let Err(e) = write_widgets(dir, lang, now, &config, &sources) {
            dir.note(e);
            return 2;
        }
    }
    if let Err(e) = write_index(dir, now, &config, &sources, languages) {
        dir.note(e);
        return 2;
    }
    let items: usize = sources.iter().map(|s| s.feed.items.len()).sum();
    dir.note(format!("{} feeds, {items} items; {} left out", sources.len(), refused.len()));
    u8::from(refused.iter().any(|(_, r)| !matches!(r, Refused::Remote)))
}

/// Writes the widgets' pages of one language (`embed.js` shows those): each
/// kind, as cards and compact.
fn write_widgets(dir: &mut dyn Deployment, lang: Lang, now: DateTime<Utc>, config: &Config, sources: &[CarriedFeed]) -> Result<(), String> {
    let w = Written { lang, at: now, time_zone: config.time_zone, default_language: config.default_language, languages: vec![], left_out: vec![], by_hand: false };
    for of in ItemKind::ALL {
        for compact in [false, true] {
            let path = widget_path(of, lang, compact);
            let html = widget_page(of, compact, lang, &w, sources.to_vec());
            write_compressed_at(dir, &path, html.as_bytes(), WIDGET_BROTLI).map_err(|e| format!("{}: {e}", dir.shown(&path)))?;
        }
    }
    dir.note(format!("wrote {} widget pages in {}", ItemKind::ALL.len() * 2, lang.tag()));
    Ok(())
}

/// Writes the snapshot into `index.html`.
fn write_index(dir: &mut dyn Deployment, now: DateTime<Utc>, config: &Config, sources: &[CarriedFeed], languages: Vec<Lang>) -> Result<(), String> {
    let path = "index.html";
    let index = match dir.read(path).map(|b| String::from_utf8_lossy(&b).into_owned()) {
        Ok(index) => index,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            dir.note(format!("{}: not found: only the static pages are written", dir.shown(path)));
            return Ok(());
        }
        Err(e) => return Err(format!("{}: {e}", dir.shown(path))),
    };
    let lang = Lang::from_tag(config.default_language).unwrap_or(Lang::Ar);
    let Some(html) = with_snapshot(&index, lang, now, config, sources.to_vec(), languages) else {
        dir.note(format!("{}: no snapshot comments (a build from before the static edition?): left as it is", dir.shown(path)));
        return Ok(());
    };
    write_compressed(dir, path, html.as_bytes()).map_err(|e| format!("{}: {e}", dir.shown(path)))?;
    dir.note(format!("wrote {} with the overview as published ({} bytes)", dir.shown(path), html.len()));
    Ok(())
}

/// Writes a file with the `.br` and `.gz` copies the build writes for its
/// own files: a host that serves those must not serve an older page.
/// Brotli's best quality for index.html, on every first visit; a notch
/// below for the static pages, ten times faster for a few percent more.
fn write_compressed(dir: &mut dyn Deployment, path: &str, bytes: &[u8]) -> std::io::Result<()> {
    write_compressed_at(dir, path, bytes, if bytes.len() <= 64 * 1024 { 11 } else { 9 })
}

/// The widgets' pages: 24 of them at every publish, where quality 11 took
/// 0.4 s each for 8% fewer bytes (5.6 KB instead of 6.0 for the compact
/// crossings in English).
const WIDGET_BROTLI: i32 = 9;

fn write_compressed_at(dir: &mut dyn Deployment, path: &str, bytes: &[u8], quality: i32) -> std::io::Result<()> {
    use std::io::Write;
    dir.write(path, bytes)?;
    let mut br = Vec::new();
    let params = brotli::enc::BrotliEncoderParams { quality, ..Default::default() };
    brotli::BrotliCompress(&mut &bytes[..], &mut br, &params)?;
    dir.write(&format!("{path}.br"), &br)?;
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    gz.write_all(bytes)?;
    dir.write(&format!("{path}.gz"), &gz.finish()?)
}

/// Reads every feed `config.json` lists, as the portal would.
fn read_feeds(dir: &mut dyn Deployment, config: &Config) -> (Vec<CarriedFeed>, Vec<(String, Refused)>) {
    let keys: Vec<&str> = config.trusted_keys.iter().map(|k| k.ed25519.as_str()).collect();
    let (mut sources, mut refused) = (vec![], vec![]);
    for url in &config.feeds {
        if url.contains("://") {
            refused.push((url.clone(), Refused::Remote));
            continue;
        }
        let bytes = match dir.read(url) {
            Ok(b) => b,
            Err(e) => {
                refused.push((url.clone(), Refused::Unreadable(e.to_string())));
                continue;
            }
        };
        let feed = match parse_feed(&bytes) {
            Ok(f) => f,
            Err(e) => {
                refused.push((url.clone(), Refused::Invalid(e)));
                continue;
            }
        };
        let sig = dir.read(&format!("{url}.sig")).ok().map(|b| String::from_utf8_lossy(&b).into_owned());
        let verified_by = if keys.is_empty() {
            None
        } else {
            let checked = match &sig {
                None => Err(format!("{url}.sig is missing and config.json requires signatures")),
                Some(s) => signature::verify(&bytes, s, &keys).map_err(|_| "does not verify with any trusted key (tampered, or signed by another key)".to_owned()),
            };
            match checked {
                Ok(i) => Some(config.trusted_keys[i].id.clone()),
                Err(e) => {
                    refused.push((url.clone(), Refused::Signature(e)));
                    continue;
                }
            }
        };
        if feed.skipped > 0 {
            dir.note(format!("{url}: {} items skipped, as the portal skips them (run validate for details)", feed.skipped));
        }
        sources.push(CarriedFeed { url: url.clone(), feed: Arc::new(feed), bytes: bytes.into(), sig, verified_by });
    }
    (sources, refused)
}

/// One language's page of the edition (a bulletin), as the deployment
/// publishes it.
pub fn page(lang: Lang, now: DateTime<Utc>, config: &Config, sources: Vec<CarriedFeed>, left_out: Vec<LeftOut>, languages: Vec<Lang>) -> String {
    let w = Written { lang, at: now, time_zone: config.time_zone, default_language: config.default_language, languages, left_out, by_hand: false };
    bulletin(&w, sources)
}

/// The comments in `index.html` between which the snapshot goes.
const SNAPSHOT_START: &str = "<!-- bawaba:snapshot";
const SNAPSHOT_END: &str = "<!-- /bawaba:snapshot -->";

/// `index.html` with the overview as published, in the deployment's default
/// language, between its snapshot comments (replacing what a previous
/// publish wrote), and `<html>`'s `lang`/`dir` set to match. None when the
/// file has no such comments (a build from before the static edition).
pub fn with_snapshot(index: &str, lang: Lang, now: DateTime<Utc>, config: &Config, sources: Vec<CarriedFeed>, languages: Vec<Lang>) -> Option<String> {
    let start = index.find(SNAPSHOT_START)?;
    let start = start + index[start..].find("-->")? + 3;
    let end = start + index[start..].find(SNAPSHOT_END)?;
    let demo = sources.iter().any(|s| s.feed.demo);
    let site_name = config.site_name.clone();
    let body = in_reader(lang, now, config.time_zone, config.default_language, demo, link_to(static_page(lang)), || {
        without_markers(view! { <Snapshot sources=sources site_name=site_name languages=languages/> }.to_html())
    });
    // The app removes #boot once it has drawn its own data; the class tells
    // it (and fallback.js) that what #boot holds is data, not "loading".
    let snapshot = format!("\n<div id=\"boot\" class=\"snapshot\" lang=\"{}\" dir=\"{}\">{body}</div>\n", lang.tag(), lang.dir());
    let mut html = format!("{}{snapshot}{}", &index[..start], &index[end..]);
    let open = html.find("<html")?;
    let close = open + html[open..].find('>')?;
    html.replace_range(open..=close, &format!("<html lang=\"{}\" dir=\"{}\">", lang.tag(), lang.dir()));
    Some(html)
}
