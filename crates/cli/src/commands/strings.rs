//! `bawaba-feed strings DIR`: the portal's language bundles, a build step
//! (tools/postbuild.mjs). Every UI message of Arabic, Hebrew and French, in
//! the order the portal's wasm reads them (it carries English only),
//! separated by U+001F, which no message holds: split, not parsed, in the wasm.

use crate::args::{Args, Spec, Usage};
use bawaba_ui::i18n::{bundle::SEPARATOR, Lang};
use std::process::ExitCode;

pub const SPEC: Spec = Spec { options: &[], switches: &[], words: (1, 1) };

pub fn run(a: &Args) -> Result<ExitCode, Usage> {
    let dir = std::path::Path::new(a.word());
    for lang in [Lang::Ar, Lang::He, Lang::Fr] {
        let messages = lang.all_messages();
        if let Some(m) = messages.iter().find(|m| m.contains(SEPARATOR)) {
            eprintln!("a {} message holds U+001F: {m}", lang.tag());
            return Ok(ExitCode::from(2));
        }
        let text = messages.join(&SEPARATOR.to_string());
        if let Err(e) = std::fs::create_dir_all(dir).and_then(|_| std::fs::write(dir.join(format!("{}.txt", lang.tag())), text)) {
            eprintln!("{}: cannot write: {e}", dir.display());
            return Ok(ExitCode::from(2));
        }
    }
    Ok(ExitCode::SUCCESS)
}
