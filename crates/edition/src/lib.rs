//! The pages Bawaba writes for reading without the app: the portal's Leptos
//! components rendered to HTML (ssr). `bawaba-feed` writes them at publish
//! time; the portal writes a bulletin on the phone ("Pass it on") with this
//! same crate built as a wasm of its own (`pass`), fetched only when asked,
//! so a bulletin passed by hand is the page the publisher's tool writes,
//! never a second template.

use bawaba_model::bulletin::{blocks, unescape, Block};
use bawaba_model::Tz;
use crate::page::{feed_block, LeftOut, PublishedPage, CarriedFeed, FEED_BLOCK_CLASS};
use crate::words::{self as ed, PageMsg};
use bawaba_ui::i18n::{Lang, Msg};
use bawaba_ui::{ItemKind, LinkFn, Reader, Reading};
use chrono::{DateTime, Utc};
use leptos::prelude::*;
use serde_json::{json, Value};
use std::sync::Arc;

pub mod page;
pub mod pass;
pub mod snapshot;
pub mod widget;
pub mod words;

/// The portal's own stylesheet, so an item looks the same on both, then
/// what only the published page needs.
const CSS: &str = concat!(include_str!("../../../style/main.css"), include_str!("../../../style/views.css"), include_str!("published.css"));

/// The class of the block that says how a bulletin was written.
pub const META_CLASS: &str = "bawaba-bulletin";

/// How a bulletin is written, and so how it can be drawn again: carried in
/// its `bawaba-bulletin` block (docs/feed-format.md, "Bulletins").
#[derive(Clone)]
pub struct Written {
    pub lang: Lang,
    pub at: DateTime<Utc>,
    pub time_zone: Tz,
    pub default_language: &'static str,
    /// The deployment's languages, for the page's switcher.
    pub languages: Vec<Lang>,
    pub left_out: Vec<LeftOut>,
    /// Written on a phone from the copies it kept ("Pass it on"), not by
    /// the publisher's tool.
    pub by_hand: bool,
}

fn tag(v: &Value) -> Option<Lang> {
    v.as_str().and_then(Lang::from_tag)
}

impl Written {
    /// The `bawaba-bulletin` block.
    pub fn meta_block(&self) -> String {
        let mut meta = json!({
            "format": "bawaba-bulletin/1",
            "written_at": self.at.to_rfc3339(),
            "lang": self.lang.tag(),
            "time_zone": self.time_zone.name(),
            "default_language": self.default_language,
            "languages": self.languages.iter().map(|l| l.tag()).collect::<Vec<_>>(),
            "left_out": self.left_out.iter().map(|l| json!({"url": l.url, "reason": l.reason})).collect::<Vec<_>>(),
        });
        if self.by_hand {
            meta["passed_by_hand"] = true.into();
        }
        // "<" escaped, so no text in it can end the block.
        let text = meta.to_string().replace('<', "\\u003c");
        format!("<script type=\"application/json\" class=\"{META_CLASS}\">{text}</script>\n")
    }

    /// Read back from a `bawaba-bulletin` block's JSON; None when it lacks
    /// what drawing the page again needs.
    pub fn from_meta(meta: &Value) -> Option<Written> {
        if meta["format"] != "bawaba-bulletin/1" {
            return None;
        }
        let at = DateTime::parse_from_rfc3339(meta["written_at"].as_str()?).ok()?.with_timezone(&Utc);
        Some(Written {
            lang: tag(&meta["lang"])?,
            at,
            time_zone: meta["time_zone"].as_str()?.parse().ok()?,
            default_language: tag(&meta["default_language"])?.tag(),
            languages: meta["languages"].as_array().into_iter().flatten().filter_map(tag).collect(),
            left_out: meta["left_out"]
                .as_array()
                .into_iter()
                .flatten()
                .map(|l| LeftOut { url: l["url"].as_str().unwrap_or("").into(), reason: l["reason"].as_str().unwrap_or("").into() })
                .collect(),
            by_hand: meta["passed_by_hand"] == true,
        })
    }
}

/// Runs `f` in a Published reader's context: the time of writing, the
/// deployment's zone, and item names linking to `link`.
pub fn in_reader<T>(lang: Lang, now: DateTime<Utc>, tz: Tz, default_language: &'static str, demo: bool, link: LinkFn, f: impl FnOnce() -> T) -> T {
    Owner::new().with(|| {
        Reader {
            lang: RwSignal::new(lang),
            now: RwSignal::new(now),
            tz,
            default_language,
            here: RwSignal::new(None),
            demo: Memo::new(move |_| demo),
            reading: Reading::Published,
            link,
        }
        .provide();
        f()
    })
}

/// Leptos marks the seams between dynamic text with `<!>`, which an HTML
/// parser reports as a malformed comment; a static page has no use for
/// them. Feed text is escaped, so this touches only markers; never apply it
/// to a feed block, whose text is carried as it is.
pub fn without_markers(html: String) -> String {
    html.replace("<!>", "")
}

/// Item names link to their card on `page` ("" for the same page).
pub fn link_to(page: String) -> LinkFn {
    Arc::new(move |kind: ItemKind, id: &str, inner: AnyView| view! { <a href=format!("{page}#{}", kind.anchor(id))>{inner}</a> }.into_any())
}

/// One language's bulletin: the edition's body, rendered by Leptos, then
/// the feeds byte for byte and how it was written, in a document with the
/// stylesheet inline and a policy that allows no script and no request.
pub fn bulletin(w: &Written, sources: Vec<CarriedFeed>) -> String {
    let lang = w.lang;
    let demo = sources.iter().any(|s| s.feed.demo);
    let title = if demo { format!("{} — {}", lang.t(Msg::DemoLabel), ed::t(lang, PageMsg::Title)) } else { ed::t(lang, PageMsg::Title).to_owned() };
    let (left_out, languages, by_hand) = (w.left_out.clone(), w.languages.clone(), w.by_hand);
    let (head, blocks, body) = in_reader(lang, w.at, w.time_zone, w.default_language, demo, link_to(String::new()), || {
        let head = without_markers(view! { <title>{title}</title> }.to_html());
        // Each feed block is rendered alone, apart from the page, and left
        // untouched (see feed_block).
        let blocks: String = sources.iter().map(|s| feed_block(s).to_html() + "\n").collect();
        let body = without_markers(view! { <PublishedPage sources=sources left_out=left_out languages=languages by_hand=by_hand/> }.to_html());
        (head, blocks, body)
    });
    let generator = if by_hand { "bawaba pass-it-on" } else { "bawaba-feed publish" };
    document(lang, &head, &format!("{body}{blocks}{}", w.meta_block()), generator)
}

/// A page as every page Bawaba writes: the portal's stylesheet inline and a
/// policy that allows no script and no request at all.
pub fn document(lang: Lang, head: &str, body: &str, generator: &str) -> String {
    document_with(lang, head, body, generator, "published", "")
}

/// The same, with `<html>`'s classes and the policy's sources for scripts
/// (`"script-src 'self'; "` for a widget's page and its widget.js).
pub(crate) fn document_with(lang: Lang, head: &str, body: &str, generator: &str, class: &str, scripts: &str) -> String {
    format!(
        "<!doctype html>\n<html lang=\"{lang}\" dir=\"{dir}\" class=\"{class}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; {scripts}style-src 'unsafe-inline'\">\n\
         <meta name=\"referrer\" content=\"no-referrer\">\n<meta name=\"generator\" content=\"{generator}\">\n\
         {head}\n<style>{css}</style>\n</head>\n<body>\n{body}\n</body>\n</html>\n",
        lang = lang.tag(),
        dir = lang.dir(),
        css = minified(CSS),
    )
}

/// The stylesheet without comments and layout whitespace, as
/// tools/postbuild.mjs inlines the portal's: a sixth of a bulletin passed
/// from phone to phone was the sheet's comments and indentation. Spaces go
/// only next to `{`, `}`, `;` and line ends, never between selector parts
/// (`a :focus` is not `a:focus`), nor inside quoted content.
fn minified(css: &str) -> String {
    let mut out = String::with_capacity(css.len());
    let mut rest = css;
    while let Some(start) = rest.find("/*") {
        out.push_str(&rest[..start]);
        rest = rest[start..].find("*/").map_or("", |end| &rest[start + end + 2..]);
    }
    out.push_str(rest);
    let spaced = out.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut tight = String::with_capacity(spaced.len());
    for c in spaced.chars() {
        if matches!(c, '{' | '}' | ';') && tight.ends_with(' ') {
            tight.pop();
        }
        if c == '}' && tight.ends_with(';') {
            tight.pop();
        }
        if c == ' ' && tight.ends_with(['{', '}', ';']) {
            continue;
        }
        tight.push(c);
    }
    tight.trim().to_owned()
}

/// Where a bulletin's readable part is not what its feeds say.
#[derive(Debug, PartialEq)]
pub enum Altered {
    /// "…a few words…" of the page, and of the page drawn again.
    Words(String, String),
    /// Same words, but a link or an attribute differs.
    Markup,
}

/// Draws the page again from its feeds and how it says it was written, and
/// compares: someone may edit "Rafah crossing: closed" to "open" and leave
/// the signed data as it was. None when the page is exactly as drawn.
pub fn altered(html: &str, w: &Written, sources: Vec<CarriedFeed>) -> Option<Altered> {
    let drawn = bulletin(w, sources);
    if drawn == html {
        return None;
    }
    Some(match first_difference(&words(html), &words(&drawn)) {
        Some((page, feeds)) => Altered::Words(page, feeds),
        None => Altered::Markup,
    })
}

/// Why a feed block cannot be read as a feed.
pub enum Unreadable {
    /// `data-encoding="base64"` whose text is not base64.
    Base64,
    Feed(bawaba_model::FeedError),
}

/// A bulletin's feed block as the feed it carries.
pub fn source_of(b: &Block) -> Result<CarriedFeed, Unreadable> {
    let bytes = b.bytes().ok_or(Unreadable::Base64)?;
    let feed = bawaba_model::parse_feed(&bytes).map_err(Unreadable::Feed)?;
    Ok(CarriedFeed {
        url: b.attr("data-url").unwrap_or_default().to_owned(),
        feed: Arc::new(feed),
        bytes: bytes.into(),
        sig: b.attr("data-sig").map(str::to_owned),
        verified_by: b.attr("data-verified-by").map(str::to_owned),
    })
}

/// The bulletin's own block, read: how it was written.
pub fn written_of(blocks: &[Block]) -> Option<Written> {
    let meta = blocks.iter().find(|b| b.attr("class") == Some(META_CLASS))?;
    Written::from_meta(&serde_json::from_str(&meta.text).ok()?)
}

/// A bulletin's readable part against its feeds (the portal's import, which
/// checks the feeds themselves as fetched ones): Some(None) when the page is
/// as drawn, Some(Some(how)) when altered, None when it cannot be drawn
/// again (not a bulletin, or a feed in it that does not read).
pub fn check_readable(html: &str) -> Option<Option<Altered>> {
    let (w, sources) = drawn_from(html)?;
    Some(altered(html, &w, sources))
}

/// As `check_readable`, yes or no: the portal says only whether the page
/// was altered, so it never lists the words of a page that can be 10 MiB.
pub fn is_altered(html: &str) -> Option<bool> {
    let (w, sources) = drawn_from(html)?;
    Some(bulletin(&w, sources) != html)
}

/// How a bulletin says it was written, and the feeds it was drawn from.
fn drawn_from(html: &str) -> Option<(Written, Vec<CarriedFeed>)> {
    let all = blocks(html);
    let w = written_of(&all)?;
    let sources = all.iter().filter(|b| b.attr("class") == Some(FEED_BLOCK_CLASS)).map(|b| source_of(b).ok()).collect::<Option<Vec<_>>>()?;
    Some((w, sources))
}

/// The words a reader sees, for saying where two pages differ.
fn words(html: &str) -> Vec<String> {
    let body = html.split_once("<body>").map_or(html, |(_, b)| b);
    let mut text = String::new();
    let mut rest = body;
    while let Some(lt) = rest.find('<') {
        text.push_str(&rest[..lt]);
        text.push(' ');
        let after = &rest[lt..];
        let skip = if after.starts_with("<script") { after.find("</script>").map(|e| e + 9) } else { after.find('>').map(|e| e + 1) };
        let Some(skip) = skip else { break };
        rest = &after[skip..];
    }
    unescape(&text).split_whitespace().map(str::to_owned).collect()
}

/// "…a few words…" around the first place the two differ.
fn first_difference(page: &[String], drawn: &[String]) -> Option<(String, String)> {
    let at = page.iter().zip(drawn).position(|(a, b)| a != b).or_else(|| (page.len() != drawn.len()).then(|| page.len().min(drawn.len())))?;
    let around = |w: &[String]| w[at.saturating_sub(4)..(at + 6).min(w.len())].join(" ");
    Some((around(page), around(drawn)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_sheet_loses_comments_and_layout_only() {
        let css = "/* why */\n.a  .b > c {\n  color: red;\n  margin: 0 1px;\n}\n.x::after { content: \" · \"; }\n@media print {\n  .y { display: none; }\n}\n";
        assert_eq!(minified(css), ".a .b > c{color: red;margin: 0 1px}.x::after{content: \" · \"}@media print{.y{display: none}}");
        assert!(!minified(CSS).contains("/*"));
        assert!(minified(CSS).len() < CSS.len() * 85 / 100, "{} of {}", minified(CSS).len(), CSS.len());
    }

    #[test]
    fn words_are_what_a_reader_sees() {
        let html = "<head><title>t</title></head><body><h1>Rafah&amp;co</h1><p>Closed<br>now</p><script type=\"application/json\">{\"secret\": 1}</script><p>end</p></body>";
        assert_eq!(words(html), ["Rafah&co", "Closed", "now", "end"]);
        let (a, b) = first_difference(&words("<body>a b c</body>"), &words("<body>a x c</body>")).unwrap();
        assert_eq!((a.as_str(), b.as_str()), ("a b c", "a x c"));
        assert_eq!(first_difference(&words("<body>a b</body>"), &words("<body>a b</body>")), None);
        // Four words before the first difference and five after.
        let page: Vec<String> = (0..30).map(|i| i.to_string()).collect();
        let mut drawn = page.clone();
        drawn[10] = "ten".into();
        let (a, b) = first_difference(&page, &drawn).unwrap();
        assert_eq!((a.as_str(), b.as_str()), ("6 7 8 9 10 11 12 13 14 15", "6 7 8 9 ten 11 12 13 14 15"));
        assert_eq!(first_difference(&words("<body>a b</body>"), &words("<body>a b c</body>")), Some(("a b".to_owned(), "a b c".to_owned())), "one is longer");
    }
}
