//! `bawaba-feed keygen KEYFILE`: a signing key (contract section 7). The
//! secret key never leaves the publisher's machine; the public key goes into
//! config.json's trusted_keys.

use crate::args::{fail, Args, Spec, Usage};
use bawaba_model::signature;
use std::process::ExitCode;

pub const SPEC: Spec = Spec { options: &[], switches: &[], words: (1, 1) };

pub fn run(a: &Args) -> Result<ExitCode, Usage> {
    Ok(keygen(a.word()))
}

fn keygen(path: &str) -> ExitCode {
    if std::path::Path::new(path).exists() {
        return fail(format!("{path} exists: not overwriting a key"), 2);
    }
    let mut seed = [0u8; 32];
    #[cfg(not(target_arch = "wasm32"))]
    let random = getrandom::getrandom(&mut seed);
    #[cfg(target_arch = "wasm32")]
    let random: Result<(), ()> = { let _ = &mut seed; Err(()) };
    if random.is_err() {
        return fail("no secure random source".into(), 2);
    }
    let Some((secret, public)) = key_files(&seed) else { return fail("key generation failed".into(), 2) };
    if let Err(e) = write_secret(path, &secret) {
        return fail(format!("{path}: {e}"), 2);
    }
    if let Err(e) = std::fs::write(format!("{path}.pub"), &public) {
        return fail(format!("{path}.pub: {e}"), 2);
    }
    println!("secret key: {path} (keep it private, never publish it)");
    println!("public key: {path}.pub");
    println!("add to config.json: \"trusted_keys\": [{{\"id\": \"my-key\", \"ed25519\": \"{}\"}}]", public.trim());
    ExitCode::SUCCESS
}

/// The texts of the two files a key is kept in, from its 32 random bytes:
/// the secret key file (without its last newline, which `write_secret`
/// adds) and the public `.pub` file.
pub fn key_files(seed: &[u8; 32]) -> Option<(String, String)> {
    let key = signature::signing_key(&signature::encode_seed(seed)).ok()?;
    Some((signature::encode_seed(seed), format!("{}\n", signature::encode_public(&key))))
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

