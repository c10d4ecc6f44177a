//! One file per view.

pub mod about;
pub mod corridors;
pub mod distribution;
pub mod embed;
pub mod list;
pub mod map;
pub mod notices;
pub mod now;
pub mod poster;
pub mod print;
