//! bawaba-feed: the publishers' tool. It uses the portal's own feed model, so
//! "valid here" means "shown by the portal". `bawaba-feed help` lists the
//! commands (`commands::COMMANDS`); exit 0 done, 1 the data has problems
//! (named), 2 a usage mistake or a file that cannot be read or written.

use bawaba_feed::args;
use bawaba_feed::commands::COMMANDS;
use std::process::ExitCode;

fn usage_text() -> String {
    // A line that starts with a space goes on with the one above it.
    let line = |l: &&str| if l.starts_with(' ') { format!("  {:12}{l}", "") } else { format!("  bawaba-feed {l}") };
    let lines: Vec<String> = COMMANDS.iter().flat_map(|c| c.usage.iter()).map(line).collect();
    format!("usage:\n{}", lines.join("\n"))
}

fn main() -> ExitCode {
    let all: Vec<String> = std::env::args().skip(1).collect();
    let Some((name, rest)) = all.split_first() else { return usage() };
    if matches!(name.as_str(), "-h" | "--help" | "help") {
        println!("{}", usage_text());
        return ExitCode::SUCCESS;
    }
    let Some(command) = COMMANDS.iter().find(|c| c.name == name) else { return usage() };
    match args::Args::parse(rest, &command.spec).and_then(|a| (command.run)(&a)) {
        Ok(code) => code,
        Err(args::Usage) => usage(),
    }
}

fn usage() -> ExitCode {
    eprintln!("{}", usage_text());
    ExitCode::from(2)
}
