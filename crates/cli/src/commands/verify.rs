//! `bawaba-feed verify`: a feed against its `.sig` and a public key, or a
//! bulletin (`PAGE.html`): its feeds and its readable part (`crate::bulletin`).

use crate::args::{fail, Args, Spec, Usage};
use bawaba_model::signature::{self, SignatureError};
use std::process::ExitCode;

pub const SPEC: Spec = Spec { options: &["--pubkey"], switches: &[], words: (1, 1) };

pub fn run(a: &Args) -> Result<ExitCode, Usage> {
    let file = a.word();
    Ok(if file.ends_with(".html") { crate::bulletin::verify(file, a.value("--pubkey")) } else { verify(file, a.required("--pubkey")?) })
}

fn verify(feed: &str, pubkey: &str) -> ExitCode {
    let bytes = match std::fs::read(feed) {
        Ok(b) => b,
        Err(e) => return fail(format!("{feed}: {e}"), 2),
    };
    // --pubkey takes the .pub file or the key text itself.
    let from_file = std::fs::read_to_string(pubkey).ok();
    let key = from_file.clone().unwrap_or_else(|| pubkey.to_owned());
    let Ok(sig) = std::fs::read_to_string(format!("{feed}.sig")) else {
        return fail(format!("{feed}: no signature ({feed}.sig is missing)"), 1);
    };
    match signature::verify(&bytes, &sig, &[key.trim()]) {
        Ok(_) => {
            println!("{feed}: signature verified");
            ExitCode::SUCCESS
        }
        Err(SignatureError::BadKey) if from_file.is_none() => {
            fail(format!("{pubkey}: no such file, and not a public key either (32 bytes, base64)"), 2)
        }
        Err(SignatureError::BadKey) => fail(format!("{pubkey}: not a public key (32 bytes, base64)"), 2),
        Err(SignatureError::Malformed) => fail(format!("{feed}.sig: not an Ed25519 signature (64 bytes, base64)"), 1),
        Err(SignatureError::NotVerified) => {
            fail(format!("{feed}: signature does NOT verify: the file changed or another key signed it"), 1)
        }
    }
}
