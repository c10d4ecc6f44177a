//! Every command's arguments, read one way: the words it takes, options
//! with a value (`--kind notices`, `-o FILE`), and switches (`--demo`).
//! Anything else is a usage error: the usage is printed, exit 2. With the
//! values several commands share: the time zone, `--at`, `--link-base`,
//! and the kind of feed.

use bawaba_model::{FeedKind, Tz};
use chrono::{DateTime, Utc};
use std::process::ExitCode;

/// The deployment's time zone, where a command reads no config.json.
pub const GAZA: Tz = Tz::Asia__Gaza;

/// A command was given words it does not take.
#[derive(Debug)]
pub struct Usage;

/// What a command may be given.
pub struct Spec {
    /// Options that take a value; `-o` is also written `--output`.
    pub options: &'static [&'static str],
    pub switches: &'static [&'static str],
    /// How many plain words it takes: at least, at most.
    pub words: (usize, usize),
}

pub struct Args {
    pub words: Vec<String>,
    values: Vec<(&'static str, String)>,
    switches: Vec<&'static str>,
}

impl Args {
    pub fn parse(args: &[String], spec: &Spec) -> Result<Args, Usage> {
        let mut out = Args { words: vec![], values: vec![], switches: vec![] };
        let mut it = args.iter();
        while let Some(a) = it.next() {
            let name = if a == "--output" { "-o" } else { a.as_str() };
            if let Some(&option) = spec.options.iter().find(|o| **o == name) {
                out.values.push((option, it.next().ok_or(Usage)?.clone()));
            } else if let Some(&switch) = spec.switches.iter().find(|s| **s == name) {
                out.switches.push(switch);
            } else if a.starts_with('-') {
                return Err(Usage);
            } else {
                out.words.push(a.clone());
            }
        }
        let (least, most) = spec.words;
        if out.words.len() < least || out.words.len() > most {
            return Err(Usage);
        }
        Ok(out)
    }

    /// The option's value (the last, if given twice).
    pub fn value(&self, option: &str) -> Option<&str> {
        self.values.iter().rev().find(|(o, _)| *o == option).map(|(_, v)| v.as_str())
    }

    /// Every value of an option given several times (`--lang ar --lang en`).
    pub fn values<'a>(&'a self, option: &'a str) -> impl Iterator<Item = &'a str> {
        self.values.iter().filter(move |(o, _)| *o == option).map(|(_, v)| v.as_str())
    }

    pub fn required(&self, option: &str) -> Result<&str, Usage> {
        self.value(option).ok_or(Usage)
    }

    pub fn has(&self, switch: &str) -> bool {
        self.switches.contains(&switch)
    }

    /// The first word (a command with `words: (1, _)` has it).
    pub fn word(&self) -> &str {
        self.words.first().map_or("", String::as_str)
    }
}

/// The kind of feed, as commands name it (`distribution` for short).
pub fn kind(word: &str) -> Option<FeedKind> {
    Some(match word {
        "corridors" => FeedKind::Corridors,
        "distribution" | "distribution_points" => FeedKind::DistributionPoints,
        "notices" => FeedKind::Notices,
        _ => return None,
    })
}

/// `--at`: a time with its offset; now when not given.
pub fn at(args: &Args) -> Result<DateTime<Utc>, ExitCode> {
    let Some(v) = args.value("--at") else { return Ok(Utc::now()) };
    DateTime::parse_from_rfc3339(v).map(|t| t.with_timezone(&Utc)).map_err(|_| {
        eprintln!("--at: write a date and time with its offset, e.g. 2026-11-24T10:00:00+02:00");
        ExitCode::from(2)
    })
}

/// `--link-base`: only https: links are ever written for readers to follow
/// (an SMS, a QR code on a wall).
pub fn link_base(args: &Args) -> Result<Option<String>, ExitCode> {
    match args.value("--link-base") {
        None => Ok(None),
        Some(v) if v.starts_with("https://") => Ok(Some(v.to_owned())),
        Some(_) => {
            eprintln!("--link-base: the portal's https:// address");
            Err(ExitCode::from(2))
        }
    }
}

/// Says what went wrong, and exits with `code`.
pub fn fail(msg: String, code: u8) -> ExitCode {
    eprintln!("{msg}");
    ExitCode::from(code)
}

/// A file's bytes, or exit 2 saying why not.
pub fn read(path: &str) -> Result<Vec<u8>, ExitCode> {
    std::fs::read(path).map_err(|e| {
        eprintln!("{path}: cannot read: {e}");
        ExitCode::from(2)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const SPEC: Spec = Spec { options: &["--kind", "-o", "--lang"], switches: &["--demo"], words: (1, 1) };

    fn parse(words: &[&str]) -> Result<Args, Usage> {
        Args::parse(&words.iter().map(|w| w.to_string()).collect::<Vec<_>>(), &SPEC)
    }

    #[test]
    fn words_options_and_switches() {
        let a = parse(&["sheet.csv", "--kind", "notices", "--output", "out.json", "--demo", "--lang", "ar", "--lang", "en"]).unwrap();
        assert_eq!((a.word(), a.value("--kind"), a.value("-o"), a.has("--demo")), ("sheet.csv", Some("notices"), Some("out.json"), true));
        assert_eq!(a.values("--lang").collect::<Vec<_>>(), ["ar", "en"]);
        assert!(!parse(&["sheet.csv"]).unwrap().has("--demo"));
    }

    #[test]
    fn anything_else_is_a_usage_error() {
        assert!(parse(&["a", "--verbose"]).is_err(), "an unknown option");
        assert!(parse(&["a", "--kind"]).is_err(), "an option without its value");
        assert!(parse(&["a", "b"]).is_err(), "too many words");
        assert!(parse(&[]).is_err(), "too few");
        assert!(parse(&["a"]).unwrap().required("--kind").is_err());
    }

    #[test]
    fn shared_values() {
        assert_eq!(kind("distribution"), Some(FeedKind::DistributionPoints));
        assert_eq!(kind("weather"), None);
        let a = Args::parse(&["--at".into(), "2026-11-24T10:00:00+02:00".into()], &Spec { options: &["--at"], switches: &[], words: (0, 0) }).unwrap();
        assert_eq!(at(&a).unwrap().to_rfc3339(), "2026-11-24T08:00:00+00:00");
        assert_eq!(GAZA.name(), "Asia/Gaza");
    }
}
