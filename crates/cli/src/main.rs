//! bawaba-feed: the publishers' tool. It uses the portal's own feed model, so
//! "valid here" means "shown by the portal".
//!
//!   bawaba-feed validate FILE... [--format json]   exit 0 valid, 1 invalid, 2 usage/I/O
//!   bawaba-feed schema                               the JSON Schema the portal ships
//!   bawaba-feed new corridors|distribution|notices   a starter feed to edit
//!   bawaba-feed keygen KEYFILE                       a signing key (KEYFILE, KEYFILE.pub)
//!   bawaba-feed sign FEED --key KEYFILE              writes FEED.sig
//!   bawaba-feed verify FEED --pubkey KEY|FILE        exit 0 verified, 1 not
//!   bawaba-feed verify PAGE.html [--pubkey KEY|FILE] a bulletin: its feeds and its readable part
//!   bawaba-feed export --to geojson FEED [-o FILE]   located items for GIS
//!   bawaba-feed export --to cap FEED -o DIR          one CAP 1.2 alert per notice
//!   bawaba-feed export --to csv|xlsx FEED -o FILE    a sheet that imports back to the feed
//!   bawaba-feed template KIND -o FILE.xlsx|.csv      a sheet to fill in, with help in ar/en
//!   bawaba-feed import SHEET --kind KIND -o FEED     a spreadsheet (xlsx, ods, csv) to a feed
//!   bawaba-feed publish DIR [--at TIME]              the static edition of a built deployment
//!   bawaba-feed digest FEED... --area A --lang L     SMS messages for a broadcast gateway
//!   bawaba-feed posters FEED... -o DIR --link-base U  an A4 poster per crossing and aid point
//!   bawaba-feed strings DIR                          the portal's language bundles (a build step)

mod bulletin;
mod check;
mod digest;
mod export;
mod import;
mod posters;
mod publish;
mod schema;
mod sheet;
mod sign;
mod spans;

use std::process::ExitCode;

const USAGE: &str = "usage:
  bawaba-feed validate FILE... [--format json]
  bawaba-feed schema
  bawaba-feed new corridors|distribution|notices
  bawaba-feed keygen KEYFILE
  bawaba-feed sign FEED --key KEYFILE
  bawaba-feed verify FEED --pubkey KEY|KEYFILE.pub
  bawaba-feed verify PAGE.html [--pubkey KEY|KEYFILE.pub]
  bawaba-feed export --to geojson FEED [-o FILE]
  bawaba-feed export --to cap FEED -o DIR
  bawaba-feed export --to csv|xlsx FEED -o FILE
  bawaba-feed template corridors|distribution|notices -o FILE.xlsx|FILE.csv
  bawaba-feed import SHEET.xlsx|.ods|.csv --kind corridors|distribution|notices -o FEED.json
                     [--id ID] [--publisher NAME] [--demo] [--at TIME]
  bawaba-feed publish DIR [--at TIME]
  bawaba-feed digest FEED... --area AREA --lang ar|en|he|fr [--kind corridors|distribution|notices]...
                     [--at TIME] [--hours H] [--segments N] [--link-base https://…/] [--format text|json]
  bawaba-feed posters FEED... -o DIR --link-base https://…/ [--lang ar|en|he|fr]... [--at TIME]";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("validate") => validate(&args[1..]),
        Some("schema") if args.len() == 1 => {
            print!("{}", schema::generate());
            ExitCode::SUCCESS
        }
        Some("new") if args.len() == 2 => match starter(&args[1]) {
            Some(text) => {
                print!("{text}");
                ExitCode::SUCCESS
            }
            None => usage(),
        },
        Some("keygen") if args.len() == 2 => sign::keygen(&args[1]),
        Some("sign") if args.len() == 4 && args[2] == "--key" => sign::sign(&args[1], &args[3]),
        Some("verify") if args.get(1).is_some_and(|f| f.ends_with(".html")) => match (args.len(), args.get(2).map(String::as_str)) {
            (2, None) => bulletin::verify(&args[1], None),
            (4, Some("--pubkey")) => bulletin::verify(&args[1], Some(&args[3])),
            _ => usage(),
        },
        Some("verify") if args.len() == 4 && args[2] == "--pubkey" => sign::verify(&args[1], &args[3]),
        Some("export") => export_cmd(&args[1..]),
        Some("template") => template_cmd(&args[1..]),
        Some("import") => import::run(&args[1..]),
        Some("publish") => publish::run(&args[1..]),
        Some("digest") => digest_cmd(&args[1..]),
        Some("posters") => posters_cmd(&args[1..]),
        Some("strings") if args.len() == 2 => strings(&args[1]),
        Some("-h" | "--help" | "help") => {
            println!("{USAGE}");
            ExitCode::SUCCESS
        }
        _ => usage(),
    }
}

fn usage() -> ExitCode {
    eprintln!("{USAGE}");
    ExitCode::from(2)
}

fn validate(args: &[String]) -> ExitCode {
    let mut json = false;
    let mut files = vec![];
    let mut i = 0;
    while i < args.len() {
        match args[i].as_str() {
            "--format" => {
                match args.get(i + 1).map(String::as_str) {
                    Some("json") => json = true,
                    Some("text") => json = false,
                    _ => return usage(),
                }
                i += 1;
            }
            f if f.starts_with('-') => return usage(),
            f => files.push(f.to_owned()),
        }
        i += 1;
    }
    if files.is_empty() {
        return usage();
    }
    let now = chrono::Utc::now();
    let mut reports = vec![];
    for f in &files {
        match std::fs::read(f) {
            Ok(bytes) => reports.push(check::check(f, &bytes, now)),
            Err(e) => {
                eprintln!("{f}: cannot read: {e}");
                return ExitCode::from(2);
            }
        }
    }
    if json {
        println!(
            "{}",
            serde_json::to_string_pretty(&serde_json::Value::Array(reports.iter().map(check::Report::to_json).collect()))
                .unwrap_or_default()
        );
    } else {
        for r in &reports {
            r.print();
        }
    }
    if reports.iter().all(|r| r.errors.is_empty()) {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}

fn starter(kind: &str) -> Option<&'static str> {
    Some(match kind {
        "corridors" => include_str!("../starters/corridors.json"),
        "distribution" | "distribution_points" => include_str!("../starters/distribution.json"),
        "notices" => include_str!("../starters/notices.json"),
        _ => return None,
    })
}

fn export_cmd(args: &[String]) -> ExitCode {
    let (mut to, mut out, mut file) = (None, None, None);
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--to" => to = it.next().cloned(),
            "-o" | "--output" => out = it.next().cloned(),
            f if !f.starts_with('-') && file.is_none() => file = Some(f.to_owned()),
            _ => return usage(),
        }
    }
    let (Some(to), Some(file)) = (to, file) else { return usage() };
    if !["geojson", "cap", "csv", "xlsx"].contains(&to.as_str()) || to != "geojson" && out.is_none() {
        return usage();
    }
    let bytes = match std::fs::read(&file) {
        Ok(b) => b,
        Err(e) => {
            eprintln!("{file}: cannot read: {e}");
            return ExitCode::from(2);
        }
    };
    let feed = match export::read(&file, &bytes) {
        Ok(feed) => feed,
        Err(report) => {
            eprintln!("{file}: not exported: fix these first");
            report.print();
            return ExitCode::from(1);
        }
    };
    let written = if to == "csv" || to == "xlsx" {
        let path = out.unwrap_or_default();
        let raw: serde_json::Value = serde_json::from_slice(&bytes).unwrap_or_default();
        let kind = feed.kind();
        let rows = sheet::rows(&raw, kind.clone(), false);
        if !path.to_ascii_lowercase().ends_with(&format!(".{to}")) {
            eprintln!("{path}: --to {to} writes a .{to} file");
            return ExitCode::from(2);
        }
        sheet::write(std::path::Path::new(&path), sheet::sheet_name(&kind), &rows, false)
            .map(|_| format!("wrote {path}: {} rows", rows.len() - 2))
            .map_err(std::io::Error::other)
    } else if to == "geojson" {
        let text = serde_json::to_string_pretty(&export::geojson(&bytes, &feed)).unwrap_or_default() + "\n";
        match &out {
            Some(path) => std::fs::write(path, text).map(|_| format!("wrote {path}")),
            None => {
                print!("{text}");
                return ExitCode::SUCCESS;
            }
        }
    } else {
        let dir = out.unwrap_or_default();
        let alerts = export::cap(&feed);
        if alerts.is_empty() {
            eprintln!("{file}: CAP export is for notices feeds");
            return ExitCode::from(1);
        }
        std::fs::create_dir_all(&dir)
            .and_then(|_| alerts.iter().try_for_each(|(name, xml)| std::fs::write(std::path::Path::new(&dir).join(name), xml)))
            .map(|_| format!("wrote {} CAP alerts to {dir}", alerts.len()))
    };
    match written {
        Ok(msg) => {
            eprintln!("{msg}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("cannot write: {e}");
            ExitCode::from(2)
        }
    }
}

/// `template KIND -o FILE`: the starter feed of that kind as a sheet, with
/// every column (one per language for text) and the help sheet.
fn template_cmd(args: &[String]) -> ExitCode {
    let (Some(kind), Some("-o"), Some(path), None) = (args.first(), args.get(1).map(String::as_str), args.get(2), args.get(3)) else {
        return usage();
    };
    let Some(text) = starter(kind) else { return usage() };
    let raw: serde_json::Value = serde_json::from_str(text).unwrap_or_default();
    let kind = bawaba_model::FeedKind::from_wire(raw["kind"].as_str().unwrap_or(""));
    let rows = sheet::rows(&raw, kind.clone(), true);
    match sheet::write(std::path::Path::new(path), sheet::sheet_name(&kind), &rows, true) {
        Ok(()) => {
            eprintln!("wrote {path}: fill in one row per place; keep the first two rows");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("{path}: cannot write: {e}");
            ExitCode::from(2)
        }
    }
}

fn digest_cmd(args: &[String]) -> ExitCode {
    use bawaba_ui::i18n::Lang;
    let mut files = vec![];
    let (mut area, mut lang, mut at, mut hours, mut segments, mut link_base, mut json) = (None, None, chrono::Utc::now(), 12, 1, None, false);
    let mut kinds = vec![];
    let mut it = args.iter();
    while let Some(a) = it.next() {
        let mut value = || it.next().cloned().unwrap_or_default();
        match a.as_str() {
            "--area" => area = Some(bawaba_model::Area::from_wire(&value())),
            "--lang" => lang = Lang::from_tag(&value()),
            "--kind" => match value().as_str() {
                "corridors" => kinds.push("corridors"),
                "distribution" | "distribution_points" => kinds.push("distribution"),
                "notices" => kinds.push("notices"),
                _ => return usage(),
            },
            "--at" => match at_value(&value()) {
                Ok(t) => at = t,
                Err(code) => return code,
            },
            "--hours" => match value().parse() {
                Ok(h) => hours = h,
                Err(_) => return usage(),
            },
            "--segments" => match value().parse::<usize>() {
                Ok(n) if n >= 1 => segments = n,
                _ => return usage(),
            },
            "--link-base" => match link_base_value(value()) {
                Ok(v) => link_base = Some(v),
                Err(code) => return code,
            },
            "--format" => match value().as_str() {
                "json" => json = true,
                "text" => json = false,
                _ => return usage(),
            },
            f if !f.starts_with('-') => files.push(f.to_owned()),
            _ => return usage(),
        }
    }
    let (Some(area), Some(lang)) = (area, lang) else { return usage() };
    if files.is_empty() {
        return usage();
    }
    if matches!(area, bawaba_model::Area::Other(_)) {
        eprintln!("--area: one of north_gaza, gaza, deir_al_balah, khan_younis, rafah");
        return ExitCode::from(2);
    }
    if kinds.is_empty() {
        kinds = vec!["notices", "corridors", "distribution"];
    }
    let feeds = match read_feeds(&files, "no digest") {
        Ok(f) => f,
        Err(code) => return code,
    };
    let tz: bawaba_model::Tz = "Asia/Gaza".parse().unwrap_or(bawaba_model::Tz::UTC);
    let request = digest::Request { area, lang, at, within: chrono::Duration::hours(hours), kinds, segments, link_base, tz };
    let messages = digest::digest(&feeds, &request);
    if json {
        println!("{}", serde_json::to_string_pretty(&serde_json::Value::Array(messages.iter().map(digest::Sms::to_json).collect())).unwrap_or_default());
    } else {
        for m in &messages {
            println!("{}\n", m.text);
        }
        let parts: usize = messages.iter().map(|m| m.segments.len()).sum();
        eprintln!("{} messages, {parts} SMS parts in all", messages.len());
    }
    ExitCode::SUCCESS
}

fn posters_cmd(args: &[String]) -> ExitCode {
    use bawaba_ui::i18n::Lang;
    let (mut files, mut langs, mut out, mut link_base, mut at) = (vec![], vec![], None, None, chrono::Utc::now());
    let mut it = args.iter();
    while let Some(a) = it.next() {
        let mut value = || it.next().cloned().unwrap_or_default();
        match a.as_str() {
            "-o" => out = Some(value()),
            "--lang" => match Lang::from_tag(&value()) {
                Some(l) => langs.push(l),
                None => return usage(),
            },
            "--link-base" => match link_base_value(value()) {
                Ok(v) => link_base = Some(v),
                Err(code) => return code,
            },
            "--at" => match at_value(&value()) {
                Ok(t) => at = t,
                Err(code) => return code,
            },
            f if !f.starts_with('-') => files.push(f.to_owned()),
            _ => return usage(),
        }
    }
    let (Some(out), Some(link_base)) = (out, link_base) else { return usage() };
    if files.is_empty() {
        return usage();
    }
    if langs.is_empty() {
        langs = vec![Lang::Ar, Lang::En, Lang::He, Lang::Fr];
    }
    let feeds = match read_feeds(&files, "no posters") {
        Ok(f) => f,
        Err(code) => return code,
    };
    let request = posters::Request { langs, link_base, at };
    match posters::write(&feeds, &request, std::path::Path::new(&out)) {
        Ok(n) => {
            eprintln!("{n} posters written under {out}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("{out}: cannot write: {e}");
            ExitCode::from(2)
        }
    }
}

/// Feed files, each checked as `validate` checks it: 2 when one cannot be
/// read, 1 with the report when one is not valid (`what` says what is not
/// made then).
fn read_feeds(files: &[String], what: &str) -> Result<Vec<bawaba_model::Feed>, ExitCode> {
    let mut feeds = vec![];
    for f in files {
        let bytes = std::fs::read(f).map_err(|e| {
            eprintln!("{f}: cannot read: {e}");
            ExitCode::from(2)
        })?;
        match export::read(f, &bytes) {
            Ok(feed) => feeds.push(feed),
            Err(report) => {
                eprintln!("{f}: {what}: fix these first");
                report.print();
                return Err(ExitCode::from(1));
            }
        }
    }
    Ok(feeds)
}

/// The portal's language bundles (tools/postbuild.mjs): every UI message of
/// Arabic, Hebrew and French, in the order the portal's wasm reads them
/// (it carries English only), separated by U+001F, which no message holds:
/// split, not parsed, in the wasm.
fn strings(dir: &str) -> ExitCode {
    use bawaba_ui::i18n::{bundle::SEPARATOR, Lang};
    let dir = std::path::Path::new(dir);
    for lang in [Lang::Ar, Lang::He, Lang::Fr] {
        let messages = lang.all_messages();
        if let Some(m) = messages.iter().find(|m| m.contains(SEPARATOR)) {
            eprintln!("a {} message holds U+001F: {m}", lang.tag());
            return ExitCode::from(2);
        }
        let text = messages.join(&SEPARATOR.to_string());
        if let Err(e) = std::fs::create_dir_all(dir).and_then(|_| std::fs::write(dir.join(format!("{}.txt", lang.tag())), text)) {
            eprintln!("{}: cannot write: {e}", dir.display());
            return ExitCode::from(2);
        }
    }
    ExitCode::SUCCESS
}

/// `--at`: a time with its offset.
fn at_value(v: &str) -> Result<chrono::DateTime<chrono::Utc>, ExitCode> {
    chrono::DateTime::parse_from_rfc3339(v).map(|t| t.with_timezone(&chrono::Utc)).map_err(|_| {
        eprintln!("--at: write a date and time with its offset, e.g. 2026-11-24T10:00:00+02:00");
        ExitCode::from(2)
    })
}

/// `--link-base`: only https: links are ever written for readers to follow
/// (an SMS, a QR code on a wall).
fn link_base_value(v: String) -> Result<String, ExitCode> {
    if v.starts_with("https://") {
        Ok(v)
    } else {
        eprintln!("--link-base: the portal's https:// address");
        Err(ExitCode::from(2))
    }
}
