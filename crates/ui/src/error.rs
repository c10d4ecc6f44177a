//! Why a feed (or the config) could not be used: the portal's load errors,
//! here so their sentences (`i18n::describe`) live with the other UI text.

use bawaba_model::detached::SignatureError;
use bawaba_model::{ConfigError, FeedError};

/// Why a feed (or the config) could not be used. Translated by `i18n::describe`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LoadError {
    /// The HTTP status of a non-2xx answer.
    Http(u16),
    Timeout,
    /// Offline, DNS, CORS refusal: the browser does not tell them apart.
    Network,
    /// An address that is not relative or `https:`.
    BadUrl,
    Feed(FeedError),
    Config(ConfigError),
    /// Signatures are required and `<feed>.sig` is not published (404).
    SignatureMissing,
    Signature(SignatureError),
    /// The browser has no WebCrypto Ed25519 (or no WebCrypto outside https).
    NoVerifier,
}
