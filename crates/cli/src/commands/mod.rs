//! One file per command. Each says what it takes (`SPEC`, read by
//! `crate::args`) and runs with it; `COMMANDS` lists them with their usage,
//! which `bawaba-feed help` prints.

use crate::args::{Args, Spec, Usage};
use std::process::ExitCode;

pub mod digest;
pub mod export;
pub mod import;
pub mod keygen;
pub mod new;
pub mod posters;
pub mod publish;
pub mod schema;
pub mod sign;
pub mod strings;
pub mod template;
pub mod validate;
pub mod verify;

pub struct Command {
    pub name: &'static str,
    /// Its lines of the usage, without the `bawaba-feed` each starts with.
    pub usage: &'static [&'static str],
    pub spec: Spec,
    pub run: fn(&Args) -> Result<ExitCode, Usage>,
}

pub const COMMANDS: &[Command] = &[
    Command { name: "validate", usage: &["validate FILE... [--format json]"], spec: validate::SPEC, run: validate::run },
    Command { name: "schema", usage: &["schema"], spec: schema::SPEC, run: schema::run },
    Command { name: "new", usage: &["new corridors|distribution|notices"], spec: new::SPEC, run: new::run },
    Command { name: "keygen", usage: &["keygen KEYFILE"], spec: keygen::SPEC, run: keygen::run },
    Command { name: "sign", usage: &["sign FEED --key KEYFILE"], spec: sign::SPEC, run: sign::run },
    Command {
        name: "verify",
        usage: &["verify FEED --pubkey KEY|KEYFILE.pub", "verify PAGE.html [--pubkey KEY|KEYFILE.pub]"],
        spec: verify::SPEC,
        run: verify::run,
    },
    Command {
        name: "export",
        usage: &["export --to geojson FEED [-o FILE]", "export --to cap FEED -o DIR", "export --to csv|xlsx FEED -o FILE"],
        spec: export::SPEC,
        run: export::run,
    },
    Command { name: "template", usage: &["template corridors|distribution|notices -o FILE.xlsx|FILE.csv"], spec: template::SPEC, run: template::run },
    Command {
        name: "import",
        usage: &["import SHEET.xlsx|.ods|.csv --kind corridors|distribution|notices -o FEED.json", "        [--id ID] [--publisher NAME] [--demo] [--at TIME]"],
        spec: import::SPEC,
        run: import::run,
    },
    Command { name: "publish", usage: &["publish DIR [--at TIME]"], spec: publish::SPEC, run: publish::run },
    Command {
        name: "digest",
        usage: &[
            "digest FEED... --area AREA --lang ar|en|he|fr [--kind corridors|distribution|notices]...",
            "        [--at TIME] [--hours H] [--segments N] [--link-base https://…/] [--format text|json]",
        ],
        spec: digest::SPEC,
        run: digest::run,
    },
    Command { name: "posters", usage: &["posters FEED... -o DIR --link-base https://…/ [--lang ar|en|he|fr]... [--at TIME]"], spec: posters::SPEC, run: posters::run },
    Command { name: "strings", usage: &["strings DIR   (a build step: the portal's language bundles)"], spec: strings::SPEC, run: strings::run },
];
