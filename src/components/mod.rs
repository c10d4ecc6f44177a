//! Components shared by the views; one concern each.

pub mod banners;
pub mod chrome;
pub mod feed_status;
pub mod item;
pub mod share;
pub mod status;
pub mod text;
