//! Feed text on screen: the shared components (bawaba-ui).

pub use bawaba_ui::text::{resolve, FeedText, RawText};
