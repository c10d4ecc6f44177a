//! `bawaba-feed validate FILE... [--format json]`: each feed checked as the
//! portal reads it; exit 0 valid, 1 invalid, 2 usage or a file that cannot
//! be read.

use crate::args::{self, Args, Spec, Usage};
use std::process::ExitCode;

pub const SPEC: Spec = Spec { options: &["--format"], switches: &[], words: (1, usize::MAX) };

pub fn run(a: &Args) -> Result<ExitCode, Usage> {
    let json = match a.value("--format") {
        None | Some("text") => false,
        Some("json") => true,
        Some(_) => return Err(Usage),
    };
    let now = chrono::Utc::now();
    let mut reports = vec![];
    for f in &a.words {
        match args::read(f) {
            Ok(bytes) => reports.push(crate::check::check(f, &bytes, now)),
            Err(code) => return Ok(code),
        }
    }
    if json {
        let all = serde_json::Value::Array(reports.iter().map(crate::check::Report::to_json).collect());
        println!("{}", serde_json::to_string_pretty(&all).unwrap_or_default());
    } else {
        for r in &reports {
            r.print();
        }
    }
    Ok(if reports.iter().all(|r| r.errors.is_empty()) { ExitCode::SUCCESS } else { ExitCode::from(1) })
}
