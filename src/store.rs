//! Feeds on the device: the last good copy of each feed is kept in Cache
//! Storage, shown at once (even offline), and replaced only by a better one
//! (rules in `bawaba_model::keep`). With trusted keys in config.json, only
//! verified bytes are shown or kept, and kept copies are checked again on
//! every start, so removing a key from the config withdraws what it signed.

use crate::api::{self, Freshness, LoadError};
use crate::clock::now_utc as now;
use bawaba_model::config::TrustedKey;
use bawaba_model::keep::{decide, Decision, Held, KeptCopy};
use bawaba_model::{parse_feed, Feed, Timestamp};
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::sync::Arc;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

const CACHE: &str = "bawaba-feeds";
const RECEIVED_HEADER: &str = "x-bawaba-received-at";
const SIGNATURE_HEADER: &str = "x-bawaba-signature";
const FINGERPRINT_HEADER: &str = "x-bawaba-fingerprint";
/// Set on a copy received from a shared file, until the network brings one.
const FROM_FILE_HEADER: &str = "x-bawaba-from-file";

/// Why the feed on screen is not a fresh one, or why there is none.
#[derive(Debug, Clone, PartialEq)]
pub enum Trouble {
    /// The refresh failed and nothing is kept on this device.
    Failed(LoadError),
    /// The kept copy stays on screen, for this reason.
    Held(Held<LoadError>),
}

impl Trouble {
    /// No answer from the server, or none in time.
    pub fn no_way(&self) -> bool {
        matches!(self, Trouble::Failed(LoadError::Network | LoadError::Timeout) | Trouble::Held(Held::Failed(LoadError::Network | LoadError::Timeout)))
    }
}

#[derive(Clone, Default)]
pub struct FeedState {
    /// What is on screen.
    pub feed: Option<Arc<Feed>>,
    /// When this device received what is on screen.
    pub received_at: Option<Timestamp>,
    pub trouble: Option<Trouble>,
    /// The id of the trusted key that verified what is on screen; `None` when
    /// the deployment lists no trusted keys.
    pub verified_by: Option<String>,
    /// A refresh is under way.
    pub checking: bool,
    /// What is on screen came from a shared file (a bulletin), not the network.
    pub from_file: bool,
    /// Identifies the bytes on screen, so an unchanged feed is not parsed again.
    fingerprint: Option<(usize, u64)>,
    /// The phone's storage refused to keep what is on screen (full): the copy
    /// kept before, if any, is what an offline start shows.
    pub unsaved: bool,
}

/// One feed named in config.json.
#[derive(Clone)]
pub struct FeedSlot {
    pub url: String,
    pub state: RwSignal<FeedState>,
    timeout_ms: u32,
    keys: Arc<Vec<TrustedKey>>,
    /// A check was asked for while one was under way (the connection came
    /// back during a fetch that will time out): run one more after it.
    again: StoredValue<bool>,
}

/// What became of a feed received from a shared file.
pub enum Received {
    /// Newer than what the phone had: now shown and kept.
    Newer,
    /// The phone already has this or newer: kept as it was.
    NotNewer,
}

/// Bytes as received, and the signature they were verified with.
struct Fetched {
    bytes: Vec<u8>,
    signed: Option<Signed>,
}

#[derive(Clone)]
struct Signed {
    key_id: String,
    signature: String,
}

fn fingerprint(bytes: &[u8]) -> (usize, u64) {
    // FNV-1a over 8 bytes at a time: only compared with the previous copy of
    // the same feed (and its length), where a change in any one word always
    // changes it; a byte at a time, a 4.5 MB feed cost 42 ms at 4x CPU.
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for word in bytes.chunks(8) {
        h = (h ^ word.iter().fold(0, |w, b| w << 8 | *b as u64)).wrapping_mul(0x100_0000_01b3);
    }
    (bytes.len(), h)
}

/// A fingerprint as kept beside the feed's bytes.
fn fingerprint_text((len, hash): (usize, u64)) -> String {
    format!("{len}-{hash:x}")
}

impl FeedSlot {
    /// Shows the kept copy, if any, then checks the network.
    pub fn start(url: String, timeout_ms: u32, keys: Arc<Vec<TrustedKey>>) -> FeedSlot {
        let state = RwSignal::new(FeedState { checking: true, ..Default::default() });
        let slot = FeedSlot { url, state, timeout_ms, keys, again: StoredValue::new(false) };
        let s = slot.clone();
        spawn_local(async move {
            if let Some(copy) = s.kept_copy().await {
                s.state.update(|st| copy.show(st));
            }
            // First what index.html's `<link rel=preload>` is already
            // fetching. It may have come from the browser's own cache, so
            // if it is what is on screen, only a revalidation (a 304 when
            // unchanged) can say the copy was checked; offline, it says why
            // it was not.
            if s.refresh_now(Freshness::Startup).await {
                s.refresh_now(Freshness::Revalidate).await;
            }
            s.run_again().await;
        });
        slot
    }

    /// The copy kept on this device, verified again and parsed.
    async fn kept_copy(&self) -> Option<KeptFeed> {
        let (bytes, received_at, signature, from_file) = load_kept(&self.url).await?;
        let mut copy = self.checked(bytes, received_at, signature).await?;
        copy.from_file = from_file;
        Some(copy)
    }

    async fn checked(&self, bytes: Vec<u8>, received_at: Timestamp, signature: Option<String>) -> Option<KeptFeed> {
        let signed = self.check(&bytes, signature).await.ok()?;
        let feed = parse_feed(&bytes).ok()?;
        Some(KeptFeed { feed, received_at, signed, fingerprint: fingerprint(&bytes), from_file: false })
    }

    /// `Ok(None)` when no signature is required; otherwise the key that verifies.
    async fn check(&self, bytes: &[u8], signature: Option<String>) -> Result<Option<Signed>, LoadError> {
        if self.keys.is_empty() {
            return Ok(None);
        }
        let signature = signature.ok_or(LoadError::SignatureMissing)?;
        let key_id = crate::verify::verify(bytes, &signature, &self.keys).await?;
        Ok(Some(Signed { key_id, signature }))
    }

    async fn fetch(&self, freshness: Freshness) -> Result<Fetched, LoadError> {
        if self.keys.is_empty() {
            return Ok(Fetched { bytes: api::fetch_feed_bytes(&self.url, self.timeout_ms, freshness).await?, signed: None });
        }
        // Both at once: on 2G a second round trip costs more than the bytes.
        let (bytes, signature) = futures::future::join(
            api::fetch_feed_bytes(&self.url, self.timeout_ms, freshness),
            api::fetch_signature(&self.url, self.timeout_ms, freshness),
        )
        .await;
        let bytes = bytes?;
        let signed = self.check(&bytes, Some(signature?)).await?;
        Ok(Fetched { bytes, signed })
    }

    pub fn refresh(&self) {
        if self.state.with_untracked(|st| st.checking) {
            self.again.set_value(true);
            return;
        }
        let s = self.clone();
        spawn_local(async move {
            s.refresh_now(Freshness::Revalidate).await;
            s.run_again().await;
        });
    }

    /// A feed from a shared file: checked exactly as a fetched one (size,
    /// signature where the deployment lists trusted keys, parse, limits) and
    /// kept only when the keep-last-good rules would keep a fetched one.
    pub async fn receive(&self, bytes: Vec<u8>, signature: Option<String>) -> Result<Received, LoadError> {
        if bytes.len() > bawaba_model::MAX_FEED_BYTES {
            return Err(LoadError::Feed(bawaba_model::FeedError::TooLarge { bytes: bytes.len() }));
        }
        let signed = self.check(&bytes, signature).await?;
        let feed = parse_feed(&bytes).map_err(LoadError::Feed)?;
        let current = self.state.get_untracked();
        let print = fingerprint(&bytes);
        let kept = current.feed.as_ref().zip(current.received_at).map(|(f, at)| KeptCopy::of(f, at));
        if current.fingerprint == Some(print) || !matches!(decide::<()>(kept.as_ref(), Ok(&feed)), Decision::Replace) {
            return Ok(Received::NotNewer);
        }
        let received = now();
        self.state.set(FeedState {
            unsaved: current.unsaved,
            feed: Some(Arc::new(feed)),
            received_at: Some(received),
            verified_by: signed.as_ref().map(|s| s.key_id.clone()),
            trouble: None,
            checking: current.checking,
            fingerprint: Some(print),
            from_file: true,
        });
        self.keep(&bytes, print, received, signed.as_ref(), true).await;
        Ok(Received::Newer)
    }

    /// The checks asked for while one was under way, as one more check.
    async fn run_again(&self) {
        while self.again.get_value() {
            self.again.set_value(false);
            self.refresh_now(Freshness::Revalidate).await;
        }
    }

    /// Returns `true` when a start-up fetch brought the copy on screen, which
    /// proves nothing about the server (see [`FeedSlot::start`]).
    async fn refresh_now(&self, freshness: Freshness) -> bool {
        self.state.update(|st| st.checking = true);
        let fetched = self.fetch(freshness).await;
        let current = self.state.get_untracked();
        if let (Ok(f), Some(shown)) = (&fetched, current.fingerprint) {
            if fingerprint(&f.bytes) == shown {
                if freshness == Freshness::Startup {
                    return true;
                }
                // Unchanged (often a 304 behind the scenes): nothing to parse.
                if let Some(feed) = &current.feed {
                    if self.adopt_newer(feed, Some(shown)).await {
                        return false;
                    }
                }
                let key_id = f.signed.as_ref().map(|s| s.key_id.clone());
                self.state.update(|st| {
                    st.checking = false;
                    st.trouble = None;
                    st.received_at = Some(now());
                    st.verified_by = key_id;
                    st.from_file = false;
                });
                self.keep(&f.bytes, shown, now(), f.signed.as_ref(), false).await;
                return false;
            }
        }
        let parsed: Result<(Feed, Fetched), LoadError> =
            fetched.and_then(|f| parse_feed(&f.bytes).map(|feed| (feed, f)).map_err(LoadError::Feed));
        let kept = current.feed.as_ref().zip(current.received_at).map(|(f, at)| KeptCopy::of(f, at));
        match decide(kept.as_ref(), parsed.as_ref().map(|(f, _)| f).map_err(Clone::clone)) {
            Decision::Replace => {
                let Ok((feed, fetched)) = parsed else { return false };
                if self.adopt_newer(&feed, current.fingerprint).await {
                    return false;
                }
                let received = now();
                let print = fingerprint(&fetched.bytes);
                // On screen first, then kept: writing a large feed to the
                // phone's storage takes longer than drawing it. Still
                // checking until it is kept, so that a check asked for
                // meanwhile runs after it and cannot keep an older copy over
                // a newer one.
                self.state.set(FeedState {
                    unsaved: current.unsaved,
                    feed: Some(Arc::new(feed)),
                    received_at: Some(received),
                    verified_by: fetched.signed.as_ref().map(|s| s.key_id.clone()),
                    trouble: None,
                    checking: true,
                    fingerprint: Some(print),
                    from_file: false,
                });
                self.keep(&fetched.bytes, print, received, fetched.signed.as_ref(), false).await;
                self.state.update(|st| st.checking = false);
            }
            Decision::Keep(held) => self.state.update(|st| {
                st.trouble = Some(Trouble::Held(held));
                st.checking = false;
            }),
            Decision::Fail(e) => self.state.update(|st| {
                st.trouble = Some(Trouble::Failed(e));
                st.checking = false;
            }),
        }
        false
    }

    /// Keeps the bytes on screen on the phone, and says so when its storage
    /// refuses them (or takes them again after refusing).
    async fn keep(&self, bytes: &[u8], print: (usize, u64), received_at: Timestamp, signed: Option<&Signed>, from_file: bool) {
        let saved = store_kept(&self.url, bytes, print, received_at, signed, from_file).await;
        if self.state.with_untracked(|st| st.unsaved) == saved {
            self.state.update(|st| st.unsaved = !saved);
        }
    }

    /// Another tab, or the widget builder's preview, may have kept a newer
    /// copy since this one was loaded. If so it is shown (the fetched one is
    /// older) and `true` returned, instead of writing an older copy over it.
    async fn adopt_newer(&self, fetched: &Feed, on_screen: Option<(usize, u64)>) -> bool {
        let Some((response, received_at)) = kept_response(&self.url).await else { return false };
        // The same bytes as on screen (the usual case, at every re-check):
        // known from the saved fingerprint, without reading and hashing the
        // whole feed again. Copies saved before it was written are read.
        let saved = response.headers().get(FINGERPRINT_HEADER).ok().flatten();
        if saved.is_some_and(|p| on_screen.is_some_and(|f| p == fingerprint_text(f))) {
            return false;
        }
        let Some((bytes, signature)) = kept_body(response).await else { return false };
        if Some(fingerprint(&bytes)) == on_screen {
            return false;
        }
        let Some(device) = self.checked(bytes, received_at, signature).await else { return false };
        let held = KeptCopy::of(&device.feed, device.received_at);
        if !matches!(decide::<()>(Some(&held), Ok(fetched)), Decision::Keep(Held::Older)) {
            return false;
        }
        self.state.update(|st| {
            device.show(st);
            st.trouble = Some(Trouble::Held(Held::Older));
            st.checking = false;
        });
        true
    }
}

/// A kept copy, checked and parsed.
struct KeptFeed {
    feed: Feed,
    received_at: Timestamp,
    signed: Option<Signed>,
    fingerprint: (usize, u64),
    from_file: bool,
}

impl KeptFeed {
    fn show(self, st: &mut FeedState) {
        st.from_file = self.from_file;
        st.feed = Some(Arc::new(self.feed));
        st.received_at = Some(self.received_at);
        st.verified_by = self.signed.map(|s| s.key_id);
        st.fingerprint = Some(self.fingerprint);
    }
}

fn absolute(url: &str) -> Option<String> {
    api::resolve(url, &api::config_url())
}

async fn cache() -> Option<web_sys::Cache> {
    let caches = window().caches().ok()?;
    JsFuture::from(caches.open(CACHE)).await.ok()?.dyn_into().ok()
}

/// The kept bytes of a feed, when they were received and their signature.
/// Storage can be unavailable (private mode, old browser): then nothing is
/// kept, nothing breaks.
async fn load_kept(url: &str) -> Option<(Vec<u8>, Timestamp, Option<String>, bool)> {
    let (response, received) = kept_response(url).await?;
    let from_file = response.headers().get(FROM_FILE_HEADER).ok().flatten().is_some();
    let (bytes, signature) = kept_body(response).await?;
    Some((bytes, received, signature, from_file))
}

/// A bulletin shared to the installed app from the phone's share sheet:
/// the service worker keeps it under `shared-bulletin` (sw.js); taken once.
pub async fn take_shared() -> Option<String> {
    let (cache, key) = (cache().await?, absolute("shared-bulletin")?);
    let hit: web_sys::Response = JsFuture::from(cache.match_with_str(&key)).await.ok()?.dyn_into().ok()?;
    let _ = JsFuture::from(cache.delete_with_str(&key)).await;
    JsFuture::from(hit.text().ok()?).await.ok()?.as_string()
}

/// The kept bytes of a feed and their signature ("Pass it on").
pub async fn kept(url: &str) -> Option<(Vec<u8>, Option<String>)> {
    kept_body(kept_response(url).await?.0).await
}

/// The kept copy of a feed and when it was received, body not yet read.
async fn kept_response(url: &str) -> Option<(web_sys::Response, Timestamp)> {
    let cache = cache().await?;
    let hit = JsFuture::from(cache.match_with_str(&absolute(url)?)).await.ok()?;
    let response: web_sys::Response = hit.dyn_into().ok()?;
    let received = response.headers().get(RECEIVED_HEADER).ok()??;
    let received = chrono::DateTime::from_timestamp_millis(received.parse().ok()?)?;
    Some((response, received))
}

/// The kept bytes and their signature.
async fn kept_body(response: web_sys::Response) -> Option<(Vec<u8>, Option<String>)> {
    let signature = response.headers().get(SIGNATURE_HEADER).ok().flatten();
    let buffer = JsFuture::from(response.array_buffer().ok()?).await.ok()?;
    Some((js_sys::Uint8Array::new(&buffer).to_vec(), signature))
}

/// `false` only when the phone's storage refused the copy for want of room
/// (the Cache API writes a copy whole or not at all, so the one kept before
/// stays as it was). A browser without storage keeps nothing, as before.
async fn store_kept(url: &str, bytes: &[u8], print: (usize, u64), received_at: Timestamp, signed: Option<&Signed>, from_file: bool) -> bool {
    let (Some(cache), Some(key)) = (cache().await, absolute(url)) else { return true };
    let init = web_sys::ResponseInit::new();
    let headers = web_sys::Headers::new().ok();
    if let Some(h) = &headers {
        let _ = h.set(RECEIVED_HEADER, &received_at.timestamp_millis().to_string());
        let _ = h.set(FINGERPRINT_HEADER, &fingerprint_text(print));
        let _ = h.set("content-type", "application/json");
        if let Some(s) = signed {
            let _ = h.set(SIGNATURE_HEADER, s.signature.trim());
        }
        if from_file {
            let _ = h.set(FROM_FILE_HEADER, "1");
        }
        init.set_headers(&JsValue::from(h));
    }
    let body = js_sys::Uint8Array::from(bytes);
    let Ok(response) = web_sys::Response::new_with_opt_buffer_source_and_init(Some(&body), &init) else { return true };
    match JsFuture::from(cache.put_with_str(&key, &response)).await {
        Ok(_) => true,
        Err(e) => js_sys::Reflect::get(&e, &"name".into()).ok().and_then(|n| n.as_string()).as_deref() != Some("QuotaExceededError"),
    }
}
