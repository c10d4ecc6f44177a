//! Error enums to sentences in the reader's language.

use super::{Lang, Msg};
use crate::error::LoadError;
use bawaba_model::detached::SignatureError;
use bawaba_model::json::JsonType;
use bawaba_model::{ConfigError, Effect, Expected, FeedError, Issue, Problem};

pub fn load_error(lang: Lang, e: &LoadError) -> String {
    match e {
        LoadError::Http(code) => lang.f(Msg::ErrHttp, &[("code", &code.to_string())]),
        LoadError::Timeout => lang.t(Msg::ErrTimeout).into(),
        LoadError::Network => lang.t(Msg::ErrNetwork).into(),
        LoadError::BadUrl => lang.t(Msg::ErrBadUrl).into(),
        LoadError::Feed(f) => feed_error(lang, f),
        LoadError::Config(c) => config_error(lang, c),
        LoadError::SignatureMissing => lang.t(Msg::ErrSignatureMissing).into(),
        LoadError::Signature(SignatureError::Malformed) => lang.t(Msg::ErrSignatureMalformed).into(),
        // A bad key is caught with the config; should one slip through, it verifies nothing.
        LoadError::Signature(SignatureError::NotVerified | SignatureError::BadKey) => lang.t(Msg::ErrSignatureNotVerified).into(),
        LoadError::NoVerifier => lang.t(Msg::ErrNoVerifier).into(),
    }
}

pub fn feed_error(lang: Lang, e: &FeedError) -> String {
    match e {
        FeedError::NotJson => lang.t(Msg::ErrNotJson).into(),
        FeedError::NotAnObject => lang.t(Msg::ErrNotAnObject).into(),
        FeedError::MissingFormat => lang.t(Msg::ErrMissingFormat).into(),
        // The version is the publisher's text: keep its digits as written.
        FeedError::UnknownFormat(v) => super::fill(lang.t(Msg::ErrUnknownFormat), &[("version", v.clone())]),
        FeedError::MissingKind => lang.t(Msg::ErrMissingKind).into(),
        FeedError::UnknownKind(k) => super::fill(lang.t(Msg::ErrUnknownKind), &[("kind", k.clone())]),
        FeedError::ItemsNotAList => lang.t(Msg::ErrItemsNotAList).into(),
        FeedError::TooLarge { bytes } => super::fill(lang.t(Msg::ErrTooLarge), &[("size", lang.megabytes(*bytes as u64))]),
        FeedError::TooManyItems { count } => lang.f(Msg::ErrTooManyItems, &[("count", &count.to_string())]),
    }
}

pub fn config_error(lang: Lang, e: &ConfigError) -> String {
    match e {
        ConfigError::NotJson => lang.t(Msg::ErrConfigNotJson).into(),
        ConfigError::NotAnObject => lang.t(Msg::ErrConfigNotAnObject).into(),
        ConfigError::NoFeeds => lang.t(Msg::ErrConfigNoFeeds).into(),
        ConfigError::UnknownTimeZone(z) => super::fill(lang.t(Msg::ErrConfigTimeZone), &[("zone", z.clone())]),
        ConfigError::BadTrustedKey(k) => super::fill(lang.t(Msg::ErrConfigBadTrustedKey), &[("key", k.clone())]),
    }
}

fn expected(lang: Lang, e: &Expected) -> &'static str {
    lang.t(match e {
        Expected::Json(t) => json_type(*t),
        Expected::Text => Msg::TypeText,
        Expected::Timestamp => Msg::TypeTimestamp,
        Expected::Clock => Msg::TypeClock,
        Expected::Day => Msg::TypeDay,
    })
}

fn json_type(t: JsonType) -> Msg {
    match t {
        JsonType::Null => Msg::TypeNull,
        JsonType::Bool => Msg::TypeBool,
        JsonType::Number => Msg::TypeNumber,
        JsonType::String => Msg::TypeString,
        JsonType::Array => Msg::TypeList,
        JsonType::Object => Msg::TypeObject,
    }
}

pub fn problem(lang: Lang, p: &Problem) -> String {
    let simple = |m| lang.t(m).to_owned();
    match p {
        Problem::Missing => simple(Msg::ProblemMissing),
        Problem::WrongType { expected: e, found } => super::fill(
            lang.t(Msg::ProblemWrongType),
            &[("expected", expected(lang, e).into()), ("found", lang.t(json_type(*found)).into())],
        ),
        Problem::Empty => simple(Msg::ProblemEmpty),
        Problem::BadTimestamp => simple(Msg::ProblemBadTimestamp),
        Problem::TimestampWithoutOffset => simple(Msg::ProblemNoOffset),
        Problem::OutOfRange => simple(Msg::ProblemOutOfRange),
        Problem::BadClock => simple(Msg::ProblemBadClock),
        Problem::BadDay => simple(Msg::ProblemBadDay),
        Problem::EndNotAfterStart => simple(Msg::ProblemEndNotAfterStart),
        Problem::DuplicateId => simple(Msg::ProblemDuplicateId),
        Problem::UnsafeLink => simple(Msg::ProblemUnsafeLink),
        Problem::PathLength => simple(Msg::ProblemPathLength),
        Problem::IdTooLong => lang.f(Msg::ProblemIdTooLong, &[("max", &bawaba_model::MAX_ID_CHARS.to_string())]),
    }
}

pub fn effect(lang: Lang, i: &Issue) -> &'static str {
    lang.t(match i.effect {
        Effect::ItemSkipped => Msg::EffectSkipped,
        Effect::FieldDropped => Msg::EffectDropped,
    })
}
