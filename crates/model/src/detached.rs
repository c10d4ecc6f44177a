//! The text forms of contract section 7: a detached signature is 64 bytes of
//! base64 in `<feed>.sig`, a trusted key 32 bytes of base64 in `config.json`.
//! Decoding lives here, without any crypto crate, so the portal can check the
//! shapes natively-tested and leave the Ed25519 arithmetic to the browser.

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SignatureError {
    /// The `.sig` file is not 64 bytes of base64.
    Malformed,
    /// A trusted key is not 32 bytes of base64.
    BadKey,
    /// No trusted key verifies these bytes: tampered, or signed by someone else.
    NotVerified,
}

/// Standard base64 (RFC 4648 section 4). Padding is optional and whitespace
/// (a trailing newline from an editor, a wrapped line) is ignored; anything
/// else that is not in the alphabet makes the whole text invalid.
pub fn decode_base64(text: &str) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(text.len() * 3 / 4);
    let (mut acc, mut bits, mut padding) = (0u32, 0u32, 0usize);
    for c in text.bytes().filter(|c| !c.is_ascii_whitespace()) {
        let v = match c {
            b'A'..=b'Z' => c - b'A',
            b'a'..=b'z' => c - b'a' + 26,
            b'0'..=b'9' => c - b'0' + 52,
            b'+' => 62,
            b'/' => 63,
            b'=' => {
                padding += 1;
                continue;
            }
            _ => return None,
        };
        if padding > 0 {
            return None; // data after '='
        }
        acc = (acc << 6) | v as u32;
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
            acc &= (1 << bits) - 1;
        }
    }
    // Leftover bits must be zero padding, and at most two '='.
    (padding <= 2 && bits < 6 && acc == 0).then_some(out)
}

pub fn signature_bytes(text: &str) -> Result<[u8; 64], SignatureError> {
    decode_base64(text).and_then(|v| v.try_into().ok()).ok_or(SignatureError::Malformed)
}

pub fn key_bytes(text: &str) -> Result<[u8; 32], SignatureError> {
    decode_base64(text).and_then(|v| v.try_into().ok()).ok_or(SignatureError::BadKey)
}

/// Where a feed's signature is published.
pub fn signature_url(feed_url: &str) -> String {
    format!("{feed_url}.sig")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rfc4648_vectors() {
        for (plain, encoded) in [
            ("", ""),
            ("f", "Zg=="),
            ("fo", "Zm8="),
            ("foo", "Zm9v"),
            ("foob", "Zm9vYg=="),
            ("fooba", "Zm9vYmE="),
            ("foobar", "Zm9vYmFy"),
        ] {
            assert_eq!(decode_base64(encoded).as_deref(), Some(plain.as_bytes()), "{encoded}");
            assert_eq!(decode_base64(encoded.trim_end_matches('=')).as_deref(), Some(plain.as_bytes()), "{encoded} unpadded");
        }
    }

    #[test]
    fn whitespace_ignored_other_garbage_refused() {
        assert_eq!(decode_base64("Zm9v\nYmFy\n").as_deref(), Some(&b"foobar"[..]));
        assert_eq!(decode_base64("Zm9v!"), None);
        assert_eq!(decode_base64("Zg==Zg=="), None);
        assert_eq!(decode_base64("Zm9vYmFy-_"), None, "base64url is not the contract's alphabet");
        assert_eq!(decode_base64("Zh=="), None, "non-zero leftover bits");
    }

    #[test]
    fn a_lone_character_is_not_a_byte() {
        // One base64 character carries 6 bits: not a whole byte.
        for bad in ["A", "AAAAA", "Zm9vA"] {
            assert_eq!(decode_base64(bad), None, "{bad}");
        }
    }

    #[test]
    fn a_signature_is_published_next_to_its_feed() {
        assert_eq!(signature_url("data/notices.json"), "data/notices.json.sig");
        assert_eq!(signature_url("https://example.org/a.json"), "https://example.org/a.json.sig");
    }

    #[test]
    fn padding_ends_the_text() {
        assert_eq!(decode_base64("Zg==AA"), None, "data after the padding");
        assert_eq!(decode_base64("Zg=A"), None, "data between padding characters");
        assert_eq!(decode_base64("Zg==="), None, "three padding characters");
        assert_eq!(decode_base64("Zg=="), Some(vec![b'f']), "two are fine");
    }

    #[test]
    fn characters_outside_the_alphabet_are_refused_alone() {
        for bad in ["-", "_", ".", "Zg-=", "\u{0}"] {
            assert_eq!(decode_base64(bad), None, "{bad:?}");
        }
        assert_eq!(decode_base64("+/+/"), Some(vec![0xfb, 0xff, 0xbf]), "+ and / are the standard alphabet's");
    }

    #[test]
    fn sizes() {
        let sig = "A".repeat(86) + "==";
        assert_eq!(signature_bytes(&sig), Ok([0u8; 64]));
        assert_eq!(signature_bytes("AAAA"), Err(SignatureError::Malformed));
        assert_eq!(key_bytes(&("A".repeat(43) + "=")), Ok([0u8; 32]));
        assert_eq!(key_bytes(&sig), Err(SignatureError::BadKey));
    }
}
