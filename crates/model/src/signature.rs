//! Detached Ed25519 signatures over the exact bytes of a feed file
//! (contract section 7): 64 bytes, base64, in `<feed>.sig`.

use base64::engine::general_purpose::STANDARD;
use base64::Engine;
use ed25519_dalek::{Signature, Signer, SigningKey, Verifier, VerifyingKey};

pub use crate::detached::SignatureError;
use crate::detached::{key_bytes, signature_bytes};

pub fn public_key(b64: &str) -> Result<VerifyingKey, SignatureError> {
    VerifyingKey::from_bytes(&key_bytes(b64)?).map_err(|_| SignatureError::BadKey)
}

/// Ok with the index of the first trusted key that verifies `bytes`.
pub fn verify(bytes: &[u8], signature_b64: &str, trusted: &[&str]) -> Result<usize, SignatureError> {
    let sig = signature_bytes(signature_b64)?;
    let sig = Signature::from_bytes(&sig);
    let keys: Vec<VerifyingKey> = trusted.iter().map(|k| public_key(k)).collect::<Result<_, _>>()?;
    keys.iter().position(|k| k.verify(bytes, &sig).is_ok()).ok_or(SignatureError::NotVerified)
}

/// A signing key from its 32-byte secret seed (base64), as `keygen` writes it.
pub fn signing_key(seed_b64: &str) -> Result<SigningKey, SignatureError> {
    let seed = key_bytes(seed_b64)?;
    Ok(SigningKey::from_bytes(&seed))
}

pub fn sign(bytes: &[u8], key: &SigningKey) -> String {
    STANDARD.encode(key.sign(bytes).to_bytes())
}

pub fn encode_public(key: &SigningKey) -> String {
    STANDARD.encode(key.verifying_key().to_bytes())
}

pub fn encode_seed(seed: &[u8; 32]) -> String {
    STANDARD.encode(seed)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(n: u8) -> SigningKey {
        SigningKey::from_bytes(&[n; 32])
    }

    #[test]
    fn round_trip() {
        let k = key(7);
        let feed = br#"{"format":"bawaba-feed/1"}"#;
        let sig = sign(feed, &k);
        assert_eq!(verify(feed, &sig, &[&encode_public(&key(1)), &encode_public(&k)]), Ok(1));
    }

    #[test]
    fn one_changed_byte_fails() {
        let k = key(7);
        let sig = sign(b"status: closed", &k);
        assert_eq!(verify(b"status: opened", &sig, &[&encode_public(&k)]), Err(SignatureError::NotVerified));
    }

    #[test]
    fn another_publishers_key_fails() {
        let sig = sign(b"x", &key(7));
        assert_eq!(verify(b"x", &sig, &[&encode_public(&key(8))]), Err(SignatureError::NotVerified));
    }

    #[test]
    fn keys_survive_their_text_form() {
        // What keygen writes is what sign and config.json read back.
        let seed = [7u8; 32];
        assert_eq!(signing_key(&encode_seed(&seed)).unwrap().to_bytes(), seed);
        assert_eq!(public_key(&encode_public(&key(7))).unwrap(), key(7).verifying_key());
        assert_eq!(encode_seed(&[0u8; 32]), "A".repeat(43) + "=");
    }

    #[test]
    fn malformed_inputs() {
        assert_eq!(verify(b"x", "not base64!", &[&encode_public(&key(1))]), Err(SignatureError::Malformed));
        assert_eq!(verify(b"x", &STANDARD.encode([0u8; 10]), &[&encode_public(&key(1))]), Err(SignatureError::Malformed));
        let sig = sign(b"x", &key(1));
        assert_eq!(verify(b"x", &sig, &["AAAA"]), Err(SignatureError::BadKey));
        assert_eq!(signing_key("short").err(), Some(SignatureError::BadKey));
    }
}
