//! How large a publisher's sheet may be, checked before and while it is
//! read: a 4 MB xlsx can inflate to gigabytes (a "zip bomb"), and two cells
//! far apart make a reader build a grid of billions. Every limit is well
//! above what a feed can hold (20,000 items of a few dozen fields) and is
//! named in the error and in the README ("Spreadsheet limits").

use std::io::Read;
use std::path::Path;

/// The file on disk (xlsx, ods or csv).
pub const MAX_FILE_BYTES: u64 = 10 * 1024 * 1024;
/// Parts in an xlsx or ods (a zip of XML files).
pub const MAX_PARTS: usize = 1_000;
/// One part inflated, and all of them together.
pub const MAX_PART_BYTES: u64 = 64 * 1024 * 1024;
pub const MAX_INFLATED_BYTES: u64 = 128 * 1024 * 1024;
pub const MAX_SHEETS: usize = 100;
/// Rows and columns of a sheet, counted to its last filled cell, and the
/// cells of that grid (empty ones between filled ones count).
pub const MAX_ROWS: usize = 30_000;
pub const MAX_COLS: usize = 100;
pub const MAX_CELLS: usize = 1_000_000;

const MIB: u64 = 1024 * 1024;

/// The error for a limit passed: what, and the limit, so the publisher knows
/// what to split or trim.
pub fn over(what: &str, limit: String) -> String {
    format!("too large: {what} (the limit is {limit}; see the README, \"Spreadsheet limits\"); nothing was read")
}

pub fn file(bytes: u64) -> Result<(), String> {
    if bytes > MAX_FILE_BYTES {
        return Err(over(&format!("the file is {:.1} MiB", bytes as f64 / MIB as f64), format!("{} MiB", MAX_FILE_BYTES / MIB)));
    }
    Ok(())
}

/// An xlsx or ods, part by part: the sizes it declares, then the bytes each
/// part really inflates to, counted as they come (a part may lie about its
/// size) and never kept.
pub fn zip(path: &Path) -> Result<(), String> {
    let mut archive = zip::ZipArchive::new(std::fs::File::open(path).map_err(|e| e.to_string())?).map_err(|e| e.to_string())?;
    if archive.len() > MAX_PARTS {
        return Err(over(&format!("the file has {} parts", archive.len()), format!("{MAX_PARTS} parts")));
    }
    let part = |name: &str| over(&format!("its part {name} inflates to more than {} MiB", MAX_PART_BYTES / MIB), format!("{} MiB per part", MAX_PART_BYTES / MIB));
    let all = || over(&format!("its parts inflate to more than {} MiB", MAX_INFLATED_BYTES / MIB), format!("{} MiB in all", MAX_INFLATED_BYTES / MIB));
    let mut declared = 0u64;
    for i in 0..archive.len() {
        let entry = archive.by_index_raw(i).map_err(|e| e.to_string())?;
        if entry.size() > MAX_PART_BYTES {
            return Err(part(entry.name()));
        }
        declared = declared.saturating_add(entry.size());
    }
    if declared > MAX_INFLATED_BYTES {
        return Err(all());
    }
    let (mut total, mut buf) = (0u64, vec![0u8; 64 * 1024]);
    for i in 0..archive.len() {
        let mut entry = archive.by_index(i).map_err(|e| e.to_string())?;
        let name = entry.name().to_owned();
        let mut size = 0u64;
        loop {
            let n = entry.read(&mut buf).map_err(|e| format!("{name}: {e}"))?;
            if n == 0 {
                break;
            }
            size += n as u64;
            total += n as u64;
            if size > MAX_PART_BYTES {
                return Err(part(&name));
            }
            if total > MAX_INFLATED_BYTES {
                return Err(all());
            }
        }
    }
    Ok(())
}

/// Counts a sheet's grid as it is read, cell by cell, and stops at the first
/// limit passed. `row` and `col` are 0-based.
#[derive(Default)]
pub struct Grid {
    cells: usize,
}

impl Grid {
    pub fn cell(&mut self, sheet: &str, row: usize, col: usize) -> Result<(), String> {
        rows_cols(sheet, row + 1, col + 1)?;
        self.cells += 1;
        cells(sheet, self.cells)
    }
}

pub fn sheets(count: usize) -> Result<(), String> {
    if count > MAX_SHEETS {
        return Err(over(&format!("the file has {count} sheets"), format!("{MAX_SHEETS} sheets")));
    }
    Ok(())
}

fn rows_cols(sheet: &str, rows: usize, cols: usize) -> Result<(), String> {
    if rows > MAX_ROWS {
        return Err(over(&format!("sheet {sheet} has more than {MAX_ROWS} rows"), format!("{MAX_ROWS} rows")));
    }
    if cols > MAX_COLS {
        return Err(over(&format!("sheet {sheet} has more than {MAX_COLS} columns"), format!("{MAX_COLS} columns")));
    }
    Ok(())
}

fn cells(sheet: &str, cells: usize) -> Result<(), String> {
    if cells > MAX_CELLS {
        return Err(over(&format!("sheet {sheet} has more than {MAX_CELLS} cells"), format!("{MAX_CELLS} cells")));
    }
    Ok(())
}

/// An ods's sheets as its reader will build them, from `content.xml`'s
/// repeat counts (`table:number-rows-repeated`, `…-columns-repeated`),
/// before anything is built: the reader builds every sheet of the file at
/// once, each to its last filled cell, repeats written out.
pub fn ods(path: &Path) -> Result<(), String> {
    use quick_xml::events::{BytesStart, Event};
    let mut archive = zip::ZipArchive::new(std::fs::File::open(path).map_err(|e| e.to_string())?).map_err(|e| e.to_string())?;
    let content = archive.by_name("content.xml").map_err(|e| e.to_string())?;
    let mut xml = quick_xml::Reader::from_reader(std::io::BufReader::new(content));
    let repeats = |e: &BytesStart, key: &[u8]| -> usize {
        e.try_get_attribute(key).ok().flatten().and_then(|a| std::str::from_utf8(&a.value).ok()?.parse().ok()).unwrap_or(1)
    };
    let (mut buf, mut sheets_seen, mut cells_in_all) = (vec![], 0usize, 0usize);
    // The sheet being read: its name, rows so far, columns to its last
    // filled cell, cells of its grid to its last filled row; the row being
    // read: its repeats, columns so far, columns to its last filled cell.
    let mut sheet = String::new();
    let (mut rows, mut width) = (0usize, 0usize);
    let (mut row_repeats, mut col, mut row_width) = (1usize, 0usize, 0usize);
    let mut grid_cells = 0usize;
    loop {
        let event = xml.read_event_into(&mut buf).map_err(|e| format!("content.xml: {e}"))?;
        match &event {
            Event::Start(e) | Event::Empty(e) => match e.name().as_ref() {
                b"table:table" => {
                    sheets_seen += 1;
                    sheets(sheets_seen)?;
                    sheet = e.try_get_attribute("table:name").ok().flatten().map(|a| String::from_utf8_lossy(&a.value).into_owned()).unwrap_or_default();
                    (rows, width, grid_cells) = (0, 0, 0);
                }
                b"table:table-row" => {
                    (row_repeats, col, row_width) = (repeats(e, b"table:number-rows-repeated"), 0, 0);
                    if matches!(event, Event::Empty(_)) {
                        rows = rows.saturating_add(row_repeats);
                    }
                }
                b"table:table-cell" | b"table:covered-table-cell" => {
                    col = col.saturating_add(repeats(e, b"table:number-columns-repeated"));
                    // A cell with a type or any content is filled: the
                    // reader writes it out as many times as it repeats.
                    if matches!(event, Event::Start(_)) || e.try_get_attribute("office:value-type").ok().flatten().is_some() {
                        row_width = col;
                    }
                }
                _ => {}
            },
            Event::End(e) if e.name().as_ref() == b"table:table-row" => {
                rows = rows.saturating_add(row_repeats);
                if row_width > 0 {
                    width = width.max(row_width);
                    rows_cols(&sheet, rows, width)?;
                    grid_cells = rows.saturating_mul(width);
                    cells(&sheet, grid_cells)?;
                }
            }
            Event::End(e) if e.name().as_ref() == b"table:table" => {
                cells_in_all = cells_in_all.saturating_add(grid_cells);
                if cells_in_all > MAX_CELLS {
                    return Err(over(&format!("its sheets have more than {MAX_CELLS} cells in all"), format!("{MAX_CELLS} cells")));
                }
            }
            Event::Eof => return Ok(()),
            _ => {}
        }
        buf.clear();
    }
}
