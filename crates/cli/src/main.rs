//! bawaba-feed: the publishers' tool. It uses the portal's own feed model, so
//! "valid here" means "shown by the portal".
//!
//!   bawaba-feed validate FILE... [--format json]   exit 0 valid, 1 invalid, 2 usage/I/O
//!   bawaba-feed schema                               the JSON Schema the portal ships
//!   bawaba-feed new corridors|distribution|notices   a starter feed to edit
//!   bawaba-feed keygen KEYFILE                       a signing key (KEYFILE, KEYFILE.pub)
//!   bawaba-feed sign FEED --key KEYFILE              writes FEED.sig
//!   bawaba-feed verify FEED --pubkey KEY|FILE        exit 0 verified, 1 not

mod check;
mod sign;
mod spans;

use std::process::ExitCode;

const USAGE: &str = "usage:
  bawaba-feed validate FILE... [--format json]
  bawaba-feed schema
  bawaba-feed new corridors|distribution|notices
  bawaba-feed keygen KEYFILE
  bawaba-feed sign FEED --key KEYFILE
  bawaba-feed verify FEED --pubkey KEY|KEYFILE.pub";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("validate") => validate(&args[1..]),
        Some("schema") if args.len() == 1 => {
            print!("{}", include_str!("../../../public/schema/feed.schema.json"));
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
        Some("verify") if args.len() == 4 && args[2] == "--pubkey" => sign::verify(&args[1], &args[3]),
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
