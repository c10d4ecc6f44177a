//! Fetching `config.json`, the feeds, their signatures and the language
//! bundles. (The wasm modules fetched only when asked are `modules`'.)

use bawaba_model::detached::{signature_url, SignatureError};
use bawaba_model::{parse_config, Config, FeedError, MAX_FEED_BYTES};
use gloo_net::http::Request;
use std::sync::Arc;
use wasm_bindgen::JsCast;
use web_sys::{AbortController, RequestCache};

pub use bawaba_ui::LoadError;

/// A deployment can lower this in config.json (`timeout_seconds`); on 2G a
/// 100 KB feed can take 20 s, so the default is generous.
pub const DEFAULT_TIMEOUT_MS: u32 = 45_000;

/// The document's base, so everything works under any sub-path.
fn base_url() -> String {
    web_sys::window().and_then(|w| w.document()).and_then(|d| d.base_uri().ok().flatten()).unwrap_or_default()
}

/// Resolves `url` against `base` the way the browser would.
pub fn resolve(url: &str, base: &str) -> Option<String> {
    web_sys::Url::new_with_base(url, base).ok().map(|u| u.href())
}

pub fn config_url() -> String {
    resolve("config.json", &base_url()).unwrap_or_else(|| "config.json".into())
}

/// GETs `url` within `timeout_ms`, refusing bodies over the feed size limit.
/// `no-cache` makes the browser revalidate with ETag / Last-Modified, so an
/// unchanged feed costs a 304 and a few hundred bytes.
async fn get_bytes(url: &str, timeout_ms: u32, cache: RequestCache) -> Result<Vec<u8>, LoadError> {
    let controller = AbortController::new().ok();
    let signal = controller.as_ref().map(|c| c.signal());
    let timer = controller.clone().and_then(|c| {
        let cb = wasm_bindgen::closure::Closure::once_into_js(move || c.abort());
        web_sys::window()?.set_timeout_with_callback_and_timeout_and_arguments_0(cb.unchecked_ref(), timeout_ms as i32).ok()
    });
    let aborted = || signal.as_ref().is_some_and(|s| s.aborted());
    let result = async {
        let response = Request::get(url).cache(cache).abort_signal(signal.as_ref()).send().await.map_err(|_| {
            if aborted() {
                LoadError::Timeout
            } else {
                LoadError::Network
            }
        })?;
        if !response.ok() {
            return Err(LoadError::Http(response.status()));
        }
        // Only a response the server was asked for now says what time it is:
        // one from a cache carries the time it was first sent.
        if cache == RequestCache::NoCache {
            if let Some(date) = response.headers().get("date") {
                crate::clock::server_said(&date);
            }
        }
        let declared = response.headers().get("content-length").and_then(|l| l.parse::<usize>().ok());
        if let Some(bytes) = declared.filter(|b| *b > MAX_FEED_BYTES) {
            return Err(LoadError::Feed(FeedError::TooLarge { bytes }));
        }
        response.binary().await.map_err(|_| if aborted() { LoadError::Timeout } else { LoadError::Network })
    }
    .await;
    if let (Some(id), Some(w)) = (timer, web_sys::window()) {
        w.clear_timeout_with_handle(id);
    }
    result
}

/// The reader's language, when the wasm does not carry it (bawaba_ui's
/// `bundles`): fetched once, by the name index.html gives it (a content
/// hash, so never another build's). True once the language can be shown;
/// false leaves the portal in English.
pub async fn load_language(lang: crate::i18n::Lang) -> bool {
    use bawaba_ui::i18n::bundle;
    if bundle::ready(lang) {
        return true;
    }
    let prefix = format!("i18n-{}-", lang.tag());
    let meta = web_sys::window().and_then(|w| w.document()).and_then(|d| d.query_selector("meta[name=bawaba-strings]").ok().flatten());
    let names = meta.and_then(|m| m.get_attribute("content")).unwrap_or_default();
    let Some(url) = names.split(' ').find(|n| n.starts_with(&prefix)).and_then(|n| resolve(n, &base_url())) else { return false };
    match get_bytes(&url, DEFAULT_TIMEOUT_MS, RequestCache::Default).await.map(String::from_utf8) {
        Ok(Ok(text)) => bundle::install(lang, text),
        _ => false,
    }
}

pub async fn fetch_config() -> Result<Arc<Config>, LoadError> {
    // Default caching, so the `<link rel=preload>` in index.html is used.
    let bytes = get_bytes(&config_url(), DEFAULT_TIMEOUT_MS, RequestCache::Default).await?;
    let config = parse_config(&bytes).map_err(LoadError::Config)?;
    Ok(Arc::new(config))
}

/// How a fetch may use the browser's caches.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Freshness {
    /// At start: may take the copy `<link rel=preload>` in index.html
    /// fetched while the wasm was downloading, which may itself come from
    /// the browser's cache (the server's Cache-Control decides).
    Startup,
    /// Refresh and re-checks: always revalidate with the server.
    Revalidate,
}

impl Freshness {
    fn cache(self) -> RequestCache {
        match self {
            Freshness::Startup => RequestCache::Default,
            Freshness::Revalidate => RequestCache::NoCache,
        }
    }
}

/// Fetches one feed's bytes; `url` is as written in config.json. Parsing and
/// the keep-last-good decision are the store's.
pub async fn fetch_feed_bytes(url: &str, timeout_ms: u32, freshness: Freshness) -> Result<Vec<u8>, LoadError> {
    if !bawaba_model::config::is_allowed_feed_url(url) {
        return Err(LoadError::BadUrl);
    }
    let absolute = resolve(url, &config_url()).ok_or(LoadError::BadUrl)?;
    let bytes = get_bytes(&absolute, timeout_ms, freshness.cache()).await?;
    if bytes.len() > MAX_FEED_BYTES {
        return Err(LoadError::Feed(FeedError::TooLarge { bytes: bytes.len() }));
    }
    Ok(bytes)
}

/// The text of `<feed>.sig` (contract section 7). A signature is 88 characters;
/// anything much bigger is not one, and is not worth downloading on 2G.
pub async fn fetch_signature(url: &str, timeout_ms: u32, freshness: Freshness) -> Result<String, LoadError> {
    let absolute = resolve(&signature_url(url), &config_url()).ok_or(LoadError::BadUrl)?;
    let bytes = get_bytes(&absolute, timeout_ms, freshness.cache()).await.map_err(|e| match e {
        LoadError::Http(404 | 410) => LoadError::SignatureMissing,
        e => e,
    })?;
    if bytes.len() > 1024 {
        return Err(LoadError::Signature(SignatureError::Malformed));
    }
    String::from_utf8(bytes).map_err(|_| LoadError::Signature(SignatureError::Malformed))
}
