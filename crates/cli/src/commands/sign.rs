//! `bawaba-feed sign FEED --key KEYFILE`: writes FEED.sig (contract section 7).

use crate::args::{fail, Args, Spec, Usage};
use bawaba_model::signature;
use std::process::ExitCode;

pub const SPEC: Spec = Spec { options: &["--key"], switches: &[], words: (1, 1) };

pub fn run(a: &Args) -> Result<ExitCode, Usage> {
    Ok(sign(a.word(), a.required("--key")?))
}

fn sign(feed: &str, key_file: &str) -> ExitCode {
    let bytes = match std::fs::read(feed) {
        Ok(b) => b,
        Err(e) => return fail(format!("{feed}: {e}"), 2),
    };
    let seed = match std::fs::read_to_string(key_file) {
        Ok(s) => s,
        Err(e) => return fail(format!("{key_file}: {e}"), 2),
    };
    let Ok(key) = signature::signing_key(&seed) else { return fail(format!("{key_file}: not a key written by keygen"), 2) };
    let sig_path = format!("{feed}.sig");
    if let Err(e) = std::fs::write(&sig_path, format!("{}\n", signature::sign(&bytes, &key))) {
        return fail(format!("{sig_path}: {e}"), 2);
    }
    println!("signed: {sig_path} (publish it next to {feed}; re-sign after every change)");
    ExitCode::SUCCESS
}

