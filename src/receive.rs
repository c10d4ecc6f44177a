//! "Open a shared file": a bulletin passed from phone to phone (the page
//! `bawaba-feed publish` writes, with each feed's exact bytes and signature
//! in an inert block). Each feed is checked as a fetched one and kept under
//! the keep-last-good rules (`FeedSlot::receive`); nothing kept is lost.

use crate::i18n::{describe, fill, Label, Lang, Msg};
use bawaba_ui::plain::{isolate, text_in};
use crate::state::Portal;
use leptos::prelude::*;
use crate::store::Received;
use bawaba_model::bulletin::{Carried, Refused, MAX_FEEDS};
use bawaba_model::MAX_FEED_BYTES;
use wasm_bindgen_futures::JsFuture;

/// A bulletin carries every feed of a deployment and its readable pages:
/// over this it is not one.
const MAX_BULLETIN_BYTES: f64 = (2 * MAX_FEED_BYTES) as f64;

/// What became of the file, one line per feed, in the reader's language.
pub async fn open(p: &Portal, file: web_sys::File) -> Vec<String> {
    // Too large: not even read.
    if file.size() > MAX_BULLETIN_BYTES {
        return too_large(p);
    }
    // Its bytes, as they are: text() would decode them to UTF-16 and the
    // wasm encode them back, two passes over up to 10 MiB on a slow phone.
    let bytes = JsFuture::from(file.array_buffer()).await.map(|b| js_sys::Uint8Array::new(&b).to_vec()).unwrap_or_default();
    // A bulletin is UTF-8; a file that is not is not one.
    open_text(p, String::from_utf8(bytes).unwrap_or_default()).await
}

fn too_large(p: &Portal) -> Vec<String> {
    vec![p.lang.get_untracked().t(Msg::SharedTooLarge).to_owned()]
}

/// As `open`, for a file already read (one shared to the installed app).
pub async fn open_text(p: &Portal, text: String) -> Vec<String> {
    if text.len() as f64 > MAX_BULLETIN_BYTES {
        return too_large(p);
    }
    let l = p.lang.get_untracked();
    // Read as text, never parsed as a document: nothing in it is run or applied.
    let reading = match bawaba_model::bulletin::carried(&text) {
        Ok(r) => r,
        Err(Refused::NotBulletin) => return vec![l.t(Msg::SharedNotBulletin).to_owned()],
        Err(Refused::TooManyFeeds(n)) => return vec![l.f(Msg::SharedTooManyFeeds, &[("count", &n.to_string()), ("max", &MAX_FEEDS.to_string())])],
    };
    let mut lines = vec![];
    for feed in reading.feeds {
        lines.push(one_feed(p, l, feed).await);
    }
    for url in reading.twice {
        lines.push(fill(l.t(Msg::SharedTwice), &[("feed", named(p, l, url))]));
    }
    // The feeds were checked one by one; the words people read on the page
    // could still have been edited ("Rafah crossing: open").
    if crate::modules::page_altered(&text).await == Some(true) {
        lines.push(l.t(Msg::SharedAltered).to_owned());
    }
    lines
}

async fn one_feed(p: &Portal, l: Lang, feed: Carried) -> String {
    let slot = p.feeds.iter().find(|s| s.url == feed.url);
    let name = named(p, l, feed.url);
    let (msg, reason) = match (slot, feed.bytes) {
        (None, _) => (Msg::SharedOtherPortal, String::new()),
        (Some(_), None) => (Msg::SharedRefused, describe::load_error(l, &crate::api::LoadError::Feed(bawaba_model::FeedError::NotJson))),
        (Some(slot), Some(bytes)) => match slot.receive(bytes, feed.signature).await {
            Ok(Received::Newer) => (Msg::SharedNewer, String::new()),
            Ok(Received::NotNewer) => (Msg::SharedNotNewer, String::new()),
            Err(e) => (Msg::SharedRefused, describe::load_error(l, &e)),
        },
    };
    // Filled as written (`fill`, not `Lang::f`): a name's digits are the publisher's.
    fill(l.t(msg), &[("feed", name), ("reason", reason)])
}

/// A feed of this portal is named as the reader knows it, by its kind and
/// publisher; another portal's by its address. Either isolated: an address
/// or a Latin name must not reorder an Arabic or Hebrew sentence.
fn named(p: &Portal, l: Lang, url: String) -> String {
    let current = p.feeds.iter().find(|s| s.url == url).and_then(|s| s.state.with_untracked(|st| st.feed.clone()));
    isolate(&current.map_or(url, |f| feed_name(l, &f, p.default_language())))
}

/// "Crossings and roads — Relief committee": a feed's kind and publisher.
fn feed_name(l: Lang, feed: &bawaba_model::Feed, default: &str) -> String {
    let mut name = l.t(feed.kind().msg()).to_owned();
    if let Some(publisher) = feed.publisher.as_ref().and_then(|p| p.name.as_ref()) {
        name.push_str(" — ");
        name.push_str(&text_in(publisher, l, default));
    }
    name
}
