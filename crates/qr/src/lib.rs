//! QR codes for posters, as SVG path data: bawaba-feed calls this natively;
//! the portal loads it as its own small wasm (`encode`) only when it draws
//! a poster, so the app shell does not carry the encoder (about 12 KB of
//! brotli). Both draw the same path with bawaba-ui's `QrCode`.

use qrcode::{Color, EcLevel, QrCode};
use std::fmt::Write;

/// Modules of white around the code: the quiet zone scanners need.
pub const QUIET: usize = 4;

/// The code's side in modules and its dark modules as a path, one
/// rectangle per horizontal run. None when the text is too long for any
/// QR code.
pub fn qr_path(text: &str) -> Option<(usize, String)> {
    // Medium error correction: a paper on a wall gets creased, rained on and
    // half torn; higher levels make the modules smaller for the same page.
    let code = QrCode::with_error_correction_level(text.as_bytes(), EcLevel::M).ok()?;
    let side = code.width();
    let colors = code.to_colors();
    let mut path = String::new();
    for (y, row) in colors.chunks(side).enumerate() {
        let mut x = 0;
        while x < side {
            let run = row[x..].iter().take_while(|c| **c == Color::Dark).count();
            if run > 0 {
                let _ = write!(path, "M{x} {y}h{run}v1h-{run}z");
            }
            x += run.max(1);
        }
    }
    Some((side, path))
}

// For the portal (bawaba-module): the link goes in; `encode()` answers
// "SIDE PATH", or nothing when it cannot be encoded. A link to this portal
// is short: anything longer is refused before it reaches the module's memory.
bawaba_module::exports!(2048);

/// The QR code of the link put in, as "SIDE PATH"; its length, 0 when none.
#[cfg(all(target_arch = "wasm32", not(feature = "library")))]
#[no_mangle]
pub extern "C" fn encode() -> usize {
    let text = std::str::from_utf8(input_bytes()).unwrap_or_default();
    answer(qr_path(text).map(|(side, path)| format!("{side} {path}")).unwrap_or_default().into_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The path drawn back into a grid of modules.
    fn modules(side: usize, path: &str) -> Vec<bool> {
        let mut grid = vec![false; side * side];
        for rect in path.split('M').filter(|r| !r.is_empty()) {
            let (xy, rest) = rect.split_once('h').unwrap();
            let (x, y) = xy.split_once(' ').unwrap();
            let (x, y): (usize, usize) = (x.parse().unwrap(), y.parse().unwrap());
            let run: usize = rest.split_once('v').unwrap().0.parse().unwrap();
            for i in x..x + run {
                grid[y * side + i] = true;
            }
        }
        grid
    }

    /// A scanner reads what the path draws: decoded by an independent reader.
    #[test]
    fn the_path_decodes_to_the_link() {
        let link = "https://bawaba.example/?view=distribution&id=dp-rafah-01&lang=ar";
        let (side, path) = qr_path(link).unwrap();
        let grid = modules(side, &path);
        let scale = 4;
        let px = (side + 2 * QUIET) * scale;
        let mut img = rqrr::PreparedImage::prepare_from_greyscale(px, px, |x, y| {
            let (mx, my) = ((x / scale) as isize - QUIET as isize, (y / scale) as isize - QUIET as isize);
            let dark = (0..side as isize).contains(&mx) && (0..side as isize).contains(&my) && grid[my as usize * side + mx as usize];
            if dark { 0 } else { 255 }
        });
        assert!(!path.contains("h0v"), "no empty runs");
        let grids = img.detect_grids();
        assert_eq!(grids.len(), 1);
        assert_eq!(grids[0].decode().unwrap().1, link);
    }

    #[test]
    fn a_text_too_long_for_any_code_gives_none() {
        assert!(qr_path(&"x".repeat(4000)).is_none());
        assert!(qr_path("https://a.example/").is_some());
    }
}
