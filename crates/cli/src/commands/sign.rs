//! `bawaba-feed sign FEED --key KEYFILE`: writes FEED.sig (contract section 7).

use crate::args::{fail, Args, Spec, Usage};
use crate::say::Say;
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
    let sig = match signature_file(&bytes, &seed) {
        Ok((sig, _)) => sig,
        Err(e) => return fail(format!("{key_file}: {e}"), 2),
    };
    let sig_path = format!("{feed}.sig");
    if let Err(e) = std::fs::write(&sig_path, sig) {
        return fail(format!("{sig_path}: {e}"), 2);
    }
    println!("signed: {sig_path} (publish it next to {feed}; re-sign after every change)");
    ExitCode::SUCCESS
}

/// The `.sig` file of a feed's bytes, and the public key that verifies it,
/// from the text of a key file as `keygen` writes it (the command line and
/// the desk alike).
pub fn signature_file(bytes: &[u8], key_file_text: &str) -> Result<(String, String), Say> {
    let key = signature::signing_key(key_file_text).map_err(|_| Say::NotAKey)?;
    Ok((format!("{}\n", signature::sign(bytes, &key)), signature::encode_public(&key)))
}
