//! `bawaba-feed template KIND -o FILE.xlsx|.csv`: the starter feed of that
//! kind as a sheet, with every column (one per language for text) and, in a
//! workbook, the help sheet.

use crate::args::{self, Args, Spec, Usage};
use crate::sheet::{sheet_name, write};
use std::process::ExitCode;

pub const SPEC: Spec = Spec { options: &["-o"], switches: &[], words: (1, 1) };

pub fn run(a: &Args) -> Result<ExitCode, Usage> {
    let kind = args::kind(a.word()).ok_or(Usage)?;
    let path = a.required("-o")?;
    let text = super::new::starter(&kind).ok_or(Usage)?;
    let raw: serde_json::Value = serde_json::from_str(text).unwrap_or_default();
    let rows = write::rows(&raw, kind.clone(), true);
    Ok(match write::write(std::path::Path::new(path), sheet_name(&kind), &rows, true) {
        Ok(()) => {
            eprintln!("wrote {path}: fill in one row per place; keep the first two rows");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("{path}: cannot write: {e}");
            ExitCode::from(2)
        }
    })
}
