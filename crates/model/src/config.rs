//! `config.json`: one file per deployment (contract section 1).

use crate::issue::ConfigError;
use crate::json::Json;
use crate::parse::text;
use crate::text::{primary, LocalizedText};
use chrono_tz::Tz;

/// The languages the portal has UI text for.
pub const UI_LANGUAGES: [&str; 4] = ["ar", "en", "he", "fr"];

#[derive(Debug, Clone, PartialEq)]
pub struct TrustedKey {
    pub id: String,
    pub ed25519: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Config {
    pub site_name: Option<LocalizedText>,
    /// The UI languages offered, in the deployment's order; never empty.
    pub languages: Vec<&'static str>,
    pub default_language: &'static str,
    pub time_zone: Tz,
    /// Feed addresses as written: relative to `config.json`, or absolute `https:`.
    pub feeds: Vec<String>,
    pub trusted_keys: Vec<TrustedKey>,
    /// How long to wait for one feed before calling it a timeout. Not in the
    /// contract: a deployment setting (see docs/feed-format.md, "Decisions").
    pub timeout_seconds: Option<u32>,
}

fn ui_language(tag: &str) -> Option<&'static str> {
    let p = primary(tag);
    UI_LANGUAGES.iter().copied().find(|l| *l == p)
}

/// A feed address the portal may fetch: a relative path, or `https:`.
pub fn is_allowed_feed_url(url: &str) -> bool {
    let lower = url.trim().to_ascii_lowercase();
    if lower.is_empty() || lower.starts_with("//") {
        return false;
    }
    match lower.split_once(':') {
        // A colon before any slash is a scheme.
        Some((scheme, _)) if !scheme.contains('/') => scheme == "https",
        _ => true,
    }
}

pub fn parse_config(bytes: &[u8]) -> Result<Config, ConfigError> {
    let root = Json::parse(bytes).map_err(|_| ConfigError::NotJson)?;
    if !matches!(root, Json::Object(_)) {
        return Err(ConfigError::NotAnObject);
    }
    let feeds: Vec<String> = root
        .get("feeds")
        .and_then(Json::as_array)
        .map(|a| a.iter().filter_map(Json::as_str).map(|s| s.trim().to_owned()).collect())
        .unwrap_or_default();
    // An address that is not allowed is kept here and refused when fetched,
    // reported like any feed that failed: the other feeds still show.
    if feeds.is_empty() {
        return Err(ConfigError::NoFeeds);
    }
    let tz_name = root.get("time_zone").and_then(Json::as_str).unwrap_or("Asia/Gaza");
    let time_zone: Tz = tz_name.parse().map_err(|_| ConfigError::UnknownTimeZone(tz_name.chars().take(60).collect()))?;

    // Unsupported or misspelt languages are ignored rather than fatal: the
    // portal still works in the ones it knows.
    let mut languages: Vec<&'static str> = Vec::new();
    for l in root.get("languages").and_then(Json::as_array).unwrap_or(&[]).iter().filter_map(Json::as_str) {
        if let Some(l) = ui_language(l) {
            if !languages.contains(&l) {
                languages.push(l);
            }
        }
    }
    if languages.is_empty() {
        languages = UI_LANGUAGES.to_vec();
    }
    let default_language = root
        .get("default_language")
        .and_then(Json::as_str)
        .and_then(ui_language)
        .filter(|l| languages.contains(l))
        .unwrap_or(languages[0]);

    // Absent or empty: no checks. Anything but a list is a mistake that
    // must not switch the checks off silently.
    let keys = match root.get("trusted_keys") {
        None | Some(Json::Null) => &[][..],
        Some(Json::Array(a)) => a.as_slice(),
        Some(_) => return Err(ConfigError::BadTrustedKey("trusted_keys".into())),
    };
    let mut trusted_keys = Vec::new();
    for k in keys {
        let id = k.get("id").and_then(Json::as_str).unwrap_or("").chars().take(60).collect::<String>();
        let key = k.get("ed25519").and_then(Json::as_str).unwrap_or("");
        if crate::detached::key_bytes(key).is_err() {
            return Err(ConfigError::BadTrustedKey(id));
        }
        trusted_keys.push(TrustedKey { id, ed25519: key.trim().to_owned() });
    }

    Ok(Config {
        site_name: root.get("site_name").and_then(|n| text(n).ok()),
        languages,
        default_language,
        time_zone,
        feeds,
        trusted_keys,
        timeout_seconds: root.get("timeout_seconds").and_then(|t| match t {
            Json::Number(n) if *n >= 1.0 && *n <= 600.0 => Some(*n as u32),
            _ => None,
        }),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_contract_example() {
        let c = parse_config(
            br#"{"site_name":{"ar":"...","en":"Gaza public information"},"languages":["ar","en","he","fr"],
            "default_language":"ar","time_zone":"Asia/Gaza",
            "feeds":["data/corridors.json","data/distribution.json","data/notices.json"],
            "trusted_keys":[{"id":"publisher-2026","ed25519":"O2onvM62pC1io6jQKm8Nc2UyFXcd4kOmOsBIoYtZ2ik="}]}"#,
        )
        .unwrap();
        assert_eq!(c.languages, ["ar", "en", "he", "fr"]);
        assert_eq!(c.default_language, "ar");
        assert_eq!(c.time_zone, chrono_tz::Asia::Gaza);
        assert_eq!(c.feeds.len(), 3);
        assert_eq!(c.trusted_keys[0].id, "publisher-2026");
    }

    #[test]
    fn language_subset_and_default_outside_it() {
        let c = parse_config(br#"{"languages":["en","fr","xx"],"default_language":"ar","feeds":["a.json"]}"#).unwrap();
        assert_eq!(c.languages, ["en", "fr"]);
        assert_eq!(c.default_language, "en");
    }

    #[test]
    fn feed_urls_relative_or_https_only() {
        for ok in ["data/a.json", "./a.json", "../a.json", "https://example.org/a.json", "a.json?v=2"] {
            assert!(is_allowed_feed_url(ok), "{ok}");
        }
        for bad in [
            "http://example.org/a.json",
            "javascript:alert(1)",
            "data:application/json,{}",
            "//evil/a.json",
            "file:///etc/passwd",
            " ",
        ] {
            assert!(!is_allowed_feed_url(bad), "{bad}");
        }
        // Refused when fetched (`is_allowed_feed_url`), not here: the other feeds still show.
        assert_eq!(parse_config(br#"{"feeds":["http://x/a.json","a.json"]}"#).unwrap().feeds, ["http://x/a.json", "a.json"]);
        assert!(!is_allowed_feed_url("http://x/a.json"));
        for keys in [r#"{"id":"k1","ed25519":"AAAA"}"#, r#""k1""#, "true"] {
            let config = format!(r#"{{"feeds":["a"],"trusted_keys":{keys}}}"#);
            assert_eq!(parse_config(config.as_bytes()), Err(ConfigError::BadTrustedKey("trusted_keys".into())), "{keys}");
        }
        assert!(parse_config(br#"{"feeds":["a"],"trusted_keys":null}"#).unwrap().trusted_keys.is_empty());
    }

    #[test]
    fn timeout_seconds_between_1_and_600_else_the_default() {
        let t = |v: &str| parse_config(format!(r#"{{"feeds":["a"],"timeout_seconds":{v}}}"#).as_bytes()).unwrap().timeout_seconds;
        assert_eq!(t("1"), Some(1));
        assert_eq!(t("30"), Some(30));
        assert_eq!(t("600"), Some(600));
        for bad in ["0", "0.5", "600.5", "601", "-5", "\"30\"", "null"] {
            assert_eq!(t(bad), None, "{bad}");
        }
        assert_eq!(parse_config(br#"{"feeds":["a"]}"#).unwrap().timeout_seconds, None);
    }

    #[test]
    fn a_colon_after_a_slash_is_part_of_a_path_not_a_scheme() {
        assert!(is_allowed_feed_url("feeds/2026-11-24T08:00.json"));
        assert!(is_allowed_feed_url("./a:b.json"));
        assert!(!is_allowed_feed_url("ftp:a/b.json"), "a scheme before any slash");
    }

    #[test]
    fn config_errors() {
        assert_eq!(parse_config(b"{"), Err(ConfigError::NotJson));
        assert_eq!(parse_config(b"[]"), Err(ConfigError::NotAnObject));
        assert_eq!(parse_config(b"{}"), Err(ConfigError::NoFeeds));
        assert_eq!(
            parse_config(br#"{"feeds":["a"],"time_zone":"Mars/Olympus"}"#),
            Err(ConfigError::UnknownTimeZone("Mars/Olympus".into()))
        );
        // The contract's placeholder text, a key cut short, a missing key.
        for key in [r#""<32-byte public key, base64>""#, r#""AAAA""#, "null"] {
            let config = format!(r#"{{"feeds":["a"],"trusted_keys":[{{"id":"k1","ed25519":{key}}}]}}"#);
            assert_eq!(parse_config(config.as_bytes()), Err(ConfigError::BadTrustedKey("k1".into())), "{key}");
        }
    }
}
