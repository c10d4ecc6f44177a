//! The desk's publish: `bawaba-feed publish` itself (`publish_to`) on the
//! deployment's files as the page fetched them, with the coordinator's feed
//! in its place; what it writes comes back as one zip to upload.

use bawaba_feed::commands::publish::{publish_to, Deployment};
use bawaba_ui::i18n::Lang;
use crate::{lang_of, now_of, split};
use serde_json::{json, Value};
use std::collections::BTreeMap;
use std::io::Write;

/// The deployment in memory: the files read, those written, what was said.
struct Memory {
    lang: Lang,
    files: BTreeMap<String, Vec<u8>>,
    written: BTreeMap<String, Vec<u8>>,
    left_out: Vec<Value>,
}

impl Deployment for Memory {
    fn read(&self, path: &str) -> std::io::Result<Vec<u8>> {
        self.written.get(path).or_else(|| self.files.get(path)).cloned().ok_or_else(|| std::io::Error::new(std::io::ErrorKind::NotFound, format!("{path}: not found")))
    }
    fn write(&mut self, path: &str, bytes: &[u8]) -> std::io::Result<()> {
        self.written.insert(path.to_owned(), bytes.to_vec());
        Ok(())
    }
    fn shown(&self, path: &str) -> String {
        path.to_owned()
    }
    fn note(&mut self, _line: String) {}
    fn left_out(&mut self, url: &str, why: &dyn Fn(Lang) -> String) {
        self.left_out.push(json!({"url": url, "why": why(self.lang)}));
    }
}

/// `{"lang", "now", "files": [[path, length], ...], "carry": [path, ...]}`,
/// a newline, then the files' bytes one after the other. Answers a line of
/// JSON (`code` as the command exits, the feeds left out and why, the
/// files in the zip, the static pages by language), a newline, then the
/// zip: the files named in `carry`
/// (the new feed and its signature) and every file publish wrote.
pub fn request(input: &[u8]) -> Vec<u8> {
    let (ask, mut rest) = split(input);
    if ask.is_null() {
        return vec![];
    }
    let (lang, now) = (lang_of(&ask), now_of(&ask));
    let mut files = BTreeMap::new();
    for f in ask["files"].as_array().map(Vec::as_slice).unwrap_or(&[]) {
        let (Some(path), Some(len)) = (f[0].as_str(), f[1].as_u64()) else { return vec![] };
        let Some((bytes, after)) = rest.split_at_checked(len as usize) else { return vec![] };
        files.insert(path.to_owned(), bytes.to_vec());
        rest = after;
    }
    let mut dir = Memory { lang, files, written: BTreeMap::new(), left_out: vec![] };
    let code = publish_to(&mut dir, now);
    let carried: Vec<&str> = ask["carry"].as_array().map(|c| c.iter().filter_map(Value::as_str).collect()).unwrap_or_default();
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let mut names = vec![];
    let entries = carried.iter().filter_map(|p| dir.files.get(*p).map(|b| (p.to_string(), b))).chain(dir.written.iter().map(|(p, b)| (p.clone(), b)));
    for (path, bytes) in entries {
        // Already compressed: stored as they are.
        let method = if path.ends_with(".br") || path.ends_with(".gz") { zip::CompressionMethod::Stored } else { zip::CompressionMethod::Deflated };
        let options = zip::write::SimpleFileOptions::default().compression_method(method);
        if zip.start_file(path.as_str(), options).and_then(|()| zip.write_all(bytes).map_err(Into::into)).is_err() {
            return vec![];
        }
        names.push(path);
    }
    let Ok(zip) = zip.finish() else { return vec![] };
    // The pages to read without the app, to preview: every card as the
    // portal draws it, the deployment's feeds merged ("Sources differ").
    let pages: serde_json::Map<String, Value> = dir
        .written
        .iter()
        .filter_map(|(p, b)| Some((p.strip_prefix("static/")?.strip_suffix(".html")?.to_owned(), json!(String::from_utf8_lossy(b)))))
        .collect();
    let mut out = json!({"code": code, "left_out": dir.left_out, "files": names, "pages": pages}).to_string().into_bytes();
    out.push(b'\n');
    out.extend_from_slice(&zip.into_inner());
    out
}
