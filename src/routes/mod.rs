//! The views, one file each (the map's shapes beside it). A view takes its
//! data from the portal's state (`derived`) and draws it with components;
//! no view imports another.

pub mod about;
pub mod builder;
pub mod corridors;
pub mod distribution;
pub mod map;
pub mod notices;
pub mod now;
pub mod poster;
pub mod print;
pub mod widget;
