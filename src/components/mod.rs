//! Components shared by the views; one concern each.

pub mod banners;
pub mod cards;
pub mod chrome;
pub mod feed_status;
pub mod filters;
pub mod frame;
pub mod listen;
pub mod map_credits;
pub mod nav_link;
pub mod near_me;
pub mod part;
pub mod pass;
pub mod reader;
pub mod share;
pub mod text;
