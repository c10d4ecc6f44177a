//! keygen, sign, verify (contract section 7). The secret key never leaves the
//! publisher's machine; the public key goes into config.json's trusted_keys.

use bawaba_model::signature::{self, SignatureError};
use std::process::ExitCode;

fn fail(msg: String, code: u8) -> ExitCode {
    eprintln!("{msg}");
    ExitCode::from(code)
}

pub fn keygen(path: &str) -> ExitCode {
    if std::path::Path::new(path).exists() {
        return fail(format!("{path} exists: not overwriting a key"), 2);
    }
    let mut seed = [0u8; 32];
    if getrandom::getrandom(&mut seed).is_err() {
        return fail("no secure random source".into(), 2);
    }
    let Ok(key) = signature::signing_key(&signature::encode_seed(&seed)) else { return fail("key generation failed".into(), 2) };
    let public = signature::encode_public(&key);
    if let Err(e) = write_secret(path, &signature::encode_seed(&seed)) {
        return fail(format!("{path}: {e}"), 2);
    }
    if let Err(e) = std::fs::write(format!("{path}.pub"), format!("{public}\n")) {
        return fail(format!("{path}.pub: {e}"), 2);
    }
    println!("secret key: {path} (keep it private, never publish it)");
    println!("public key: {path}.pub");
    println!("add to config.json: \"trusted_keys\": [{{\"id\": \"my-key\", \"ed25519\": \"{public}\"}}]");
    ExitCode::SUCCESS
}

/// Writes the secret key readable by its owner only (on Unix), and never
/// over an existing file.
fn write_secret(path: &str, contents: &str) -> std::io::Result<()> {
    use std::io::Write;
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    options.open(path)?.write_all(format!("{contents}\n").as_bytes())
}

pub fn sign(feed: &str, key_file: &str) -> ExitCode {
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

pub fn verify(feed: &str, pubkey: &str) -> ExitCode {
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
