//! Components shared by the views; one concern each.

pub mod banners;
pub mod chrome;
pub mod feed_status;
pub mod listen;
pub mod pass;
pub mod share;
pub mod text;
