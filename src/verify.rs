//! Signature checks (contract section 7) done by the browser's WebCrypto
//! Ed25519, so the wasm carries no crypto code (Chrome 137+, Firefox 129+,
//! Safari 17+). Where WebCrypto lacks Ed25519 the feed is not shown: an
//! unverifiable "crossing open" must not look like a verified one.

use crate::api::LoadError;
use bawaba_model::config::TrustedKey;
use bawaba_model::detached::{key_bytes, signature_bytes, SignatureError};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{CryptoKey, SubtleCrypto};

const ALGORITHM: &str = "Ed25519";

fn subtle() -> Option<SubtleCrypto> {
    let crypto = web_sys::window()?.crypto().ok()?;
    // `crypto.subtle` is undefined outside secure contexts (plain http).
    let subtle = js_sys::Reflect::get(&crypto, &JsValue::from_str("subtle")).ok()?;
    (!subtle.is_undefined()).then(|| subtle.unchecked_into())
}

async fn import(subtle: &SubtleCrypto, raw: &[u8; 32]) -> Result<CryptoKey, LoadError> {
    let data = js_sys::Uint8Array::from(&raw[..]);
    let usages = js_sys::Array::of1(&JsValue::from_str("verify"));
    let promise = subtle.import_key_with_str("raw", &data, ALGORITHM, false, &usages).map_err(|_| LoadError::NoVerifier)?;
    // A browser without Ed25519 rejects here with NotSupportedError.
    Ok(JsFuture::from(promise).await.map_err(|_| LoadError::NoVerifier)?.unchecked_into())
}

/// The id of the first trusted key whose check of `bytes` against the
/// signature text passes.
pub async fn verify(bytes: &[u8], signature: &str, keys: &[TrustedKey]) -> Result<String, LoadError> {
    let signature = signature_bytes(signature).map_err(LoadError::Signature)?;
    let subtle = subtle().ok_or(LoadError::NoVerifier)?;
    for key in keys {
        let Ok(raw) = key_bytes(&key.ed25519) else { continue };
        let key_object = import(&subtle, &raw).await?;
        let promise = subtle
            .verify_with_str_and_u8_array_and_u8_array(ALGORITHM, &key_object, &signature, bytes)
            .map_err(|_| LoadError::NoVerifier)?;
        if JsFuture::from(promise).await.map_err(|_| LoadError::NoVerifier)?.as_bool() == Some(true) {
            return Ok(key.id.clone());
        }
    }
    Err(LoadError::Signature(SignatureError::NotVerified))
}
