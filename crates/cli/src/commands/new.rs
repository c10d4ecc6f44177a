//! `bawaba-feed new corridors|distribution|notices`: a starter feed to edit,
//! and the rows of `template`.

use crate::args::{self, Args, Spec, Usage};
use bawaba_model::FeedKind;
use std::process::ExitCode;

pub const SPEC: Spec = Spec { options: &[], switches: &[], words: (1, 1) };

/// The starter feed of a kind.
pub fn starter(kind: &FeedKind) -> Option<&'static str> {
    Some(match kind {
        FeedKind::Corridors => include_str!("../../starters/corridors.json"),
        FeedKind::DistributionPoints => include_str!("../../starters/distribution.json"),
        FeedKind::Notices => include_str!("../../starters/notices.json"),
        FeedKind::Other(_) => return None,
    })
}

pub fn run(a: &Args) -> Result<ExitCode, Usage> {
    print!("{}", args::kind(a.word()).as_ref().and_then(starter).ok_or(Usage)?);
    Ok(ExitCode::SUCCESS)
}
