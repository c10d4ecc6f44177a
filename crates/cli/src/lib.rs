//! bawaba-feed's commands as a library: the binary (`main.rs`) runs them,
//! and the fuzz targets (fuzz/) reach the spreadsheet import through it.

pub mod args;
pub mod bulletin;
pub mod check;
pub mod say;
pub mod commands;
pub mod sheet;
pub mod spans;
