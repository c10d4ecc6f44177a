//! How Bawaba's items look and read in each language: the cards, badges,
//! hours, banners and poster, with the formatting and UI text they use (the
//! pages written for reading without the app are bawaba-edition's). Rendered live in the browser by the portal and to HTML
//! natively by `bawaba-feed publish`, from the same code. Components read
//! who reads and when from the [`Reader`] context only: nothing here touches
//! the browser.

pub mod banners;
pub mod cards;
pub mod error;
pub mod format;
pub mod i18n;
pub mod item;
pub mod plain;
pub mod poster;
pub mod qr;
pub mod reader;
pub mod source;
pub mod status;
pub mod text;
pub mod widget;

pub use error::LoadError;
pub use reader::{ItemKind, LinkFn, Reader, Reading};
