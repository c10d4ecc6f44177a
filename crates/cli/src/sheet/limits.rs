//! How large a publisher's sheet may be, checked before and while it is
//! read: a 4 MB xlsx can inflate to gigabytes (a "zip bomb"), and two cells
//! far apart make a reader build a grid of billions. Every limit is well
//! above what a feed can hold (20,000 items of a few dozen fields) and is
//! named in the error and in the README ("Spreadsheet limits").

use std::io::Read;

/// The file on disk (xlsx, ods or csv).
pub const MAX_FILE_BYTES: u64 = 10 * 1024 * 1024;
/// Parts in an xlsx or ods (a zip of XML files).
pub const MAX_PARTS: usize = 1_000;
/// One part inflated, and all of them together.
pub const MAX_PART_BYTES: u64 = 64 * 1024 * 1024;
pub const MAX_INFLATED_BYTES: u64 = 128 * 1024 * 1024;
pub const MAX_SHEETS: usize = 100;
/// Rows and columns of a sheet, counted to its last filled cell, and its
/// filled cells (for an ods, also every cell its reader writes out: the
/// grid to the last filled cell, empty ones between included).
pub const MAX_ROWS: usize = 30_000;
pub const MAX_COLS: usize = 100;
pub const MAX_CELLS: usize = 1_000_000;
/// The text of every cell together, as read (repeats written out).
pub const MAX_TEXT_BYTES: u64 = 128 * 1024 * 1024;

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
pub fn zip(bytes: &[u8]) -> Result<(), String> {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).map_err(|e| e.to_string())?;
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

/// Counts a sheet as it is read, cell by cell, and stops at the first limit
/// passed: its rows and columns, its filled cells and the bytes of their
/// text (one shared string referenced by many cells is copied into each).
/// `row` and `col` are 0-based.
#[derive(Default)]
pub struct Grid {
    cells: usize,
    text: usize,
}

impl Grid {
    pub fn cell(&mut self, sheet: &str, row: usize, col: usize, text_bytes: usize) -> Result<(), String> {
        rows_cols(sheet, row + 1, col + 1)?;
        self.cells += 1;
        self.text = self.text.saturating_add(text_bytes);
        cells(sheet, self.cells)?;
        text(self.text)
    }

    /// A row with no filled cell (csv): still a row.
    pub fn row(&mut self, sheet: &str, row: usize) -> Result<(), String> {
        rows_cols(sheet, row + 1, 1)
    }
}

fn text(bytes: usize) -> Result<(), String> {
    if bytes as u64 > MAX_TEXT_BYTES {
        return Err(over(&format!("its cells hold more than {} MiB of text", MAX_TEXT_BYTES / MIB), format!("{} MiB of text", MAX_TEXT_BYTES / MIB)));
    }
    Ok(())
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

/// An ods's sheets as its reader (calamine 0.31) will build them, from
/// `content.xml`, before anything is built: the reader builds every sheet of
/// the file at once, writes out each cell as many times as it repeats (an
/// empty run too, unless it ends its row), then each sheet's grid to its last
/// filled cell, rows repeated. Counted here the same way, conservatively: a
/// cell with any attribute but its repeat count and style is filled.
pub fn ods(bytes: &[u8]) -> Result<(), String> {
    use quick_xml::events::{BytesStart, Event};
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).map_err(|e| e.to_string())?;
    let content = archive.by_name("content.xml").map_err(|e| e.to_string())?;
    let mut xml = quick_xml::Reader::from_reader(std::io::BufReader::new(content));
    let decoder = xml.decoder();
    // A number attribute as the reader reads it (entities unescaped); one
    // that does not read is refused, as the reader would refuse it.
    let number = |e: &BytesStart, key: &[u8], default: usize| -> Result<usize, String> {
        match e.try_get_attribute(key).map_err(|e| e.to_string())? {
            None => Ok(default),
            Some(a) => {
                let v = a.decode_and_unescape_value(decoder).map_err(|e| e.to_string())?;
                v.trim().parse().map_err(|_| format!("content.xml: {} is not a count: {v}", String::from_utf8_lossy(key)))
            }
        }
    };
    let filled = |e: &BytesStart| e.attributes().flatten().any(|a| !matches!(a.key.as_ref(), b"table:number-columns-repeated" | b"table:style-name"));
    let (mut buf, mut sheets_seen, mut in_sheet) = (vec![], 0usize, false);
    // Across the file: cells written out, bytes of text written out, grid
    // cells of the sheets done.
    let (mut written, mut text_all, mut grids) = (0usize, 0usize, 0usize);
    // The sheet: its name, rows so far, columns to its last filled cell,
    // its grid so far. The row: its repeats, columns so far, columns to its
    // last filled cell, the empty run not yet written out, its text. The
    // cell being read: its repeats and text.
    let mut sheet = String::new();
    let (mut rows, mut width, mut grid) = (0usize, 0usize, 0usize);
    let (mut row_repeats, mut col, mut row_width, mut pending, mut row_text) = (1usize, 0usize, 0usize, 0usize, 0usize);
    let mut cell: Option<(usize, usize)> = None;
    let check = |sheet: &str, written: usize, text_all: usize| -> Result<(), String> {
        cells(sheet, written)?;
        text(text_all)
    };
    loop {
        let event = xml.read_event_into(&mut buf).map_err(|e| format!("content.xml: {e}"))?;
        match &event {
            Event::Start(e) | Event::Empty(e) => match e.name().as_ref() {
                b"table:table" => {
                    // The reader skips a sheet inside a cell; this count
                    // would start again there. Refused: no program writes one.
                    if in_sheet {
                        return Err("content.xml: a sheet inside a sheet's cell".into());
                    }
                    in_sheet = matches!(event, Event::Start(_));
                    sheets_seen += 1;
                    sheets(sheets_seen)?;
                    sheet = e.try_get_attribute("table:name").ok().flatten().map(|a| String::from_utf8_lossy(&a.value).into_owned()).unwrap_or_default();
                    (rows, width, grid) = (0, 0, 0);
                }
                b"table:table-row" => {
                    (row_repeats, col, row_width, pending, row_text) = (number(e, b"table:number-rows-repeated", 1)?, 0, 0, 0, 0);
                    if matches!(event, Event::Empty(_)) {
                        rows = rows.saturating_add(row_repeats);
                    }
                }
                b"table:table-cell" | b"table:covered-table-cell" => {
                    let reps = number(e, b"table:number-columns-repeated", 1)?;
                    let attrs_text: usize = e.attributes().flatten().map(|a| a.value.len()).sum();
                    if matches!(event, Event::Start(_)) || filled(e) {
                        written = written.saturating_add(pending).saturating_add(reps);
                        pending = 0;
                        row_width = col.saturating_add(reps);
                        rows_cols(&sheet, rows.saturating_add(1), row_width)?;
                        if matches!(event, Event::Start(_)) {
                            cell = Some((reps, attrs_text));
                        } else {
                            row_text = row_text.saturating_add(attrs_text.saturating_mul(reps));
                        }
                    } else {
                        written = written.saturating_add(pending);
                        pending = reps;
                    }
                    col = col.saturating_add(reps);
                    check(&sheet, written, text_all.saturating_add(row_text))?;
                }
                // A run of spaces (`text:s text:c="N"`) is N bytes of text.
                b"text:s" => {
                    if let Some((_, t)) = cell.as_mut() {
                        *t = t.saturating_add(number(e, b"text:c", 1)?);
                    }
                }
                _ => {}
            },
            Event::Text(t) => {
                if let Some((_, n)) = cell.as_mut() {
                    *n = n.saturating_add(t.len());
                }
            }
            Event::End(e) => match e.name().as_ref() {
                b"table:table-cell" | b"table:covered-table-cell" => {
                    if let Some((reps, t)) = cell.take() {
                        row_text = row_text.saturating_add(t.saturating_mul(reps));
                        text(text_all.saturating_add(row_text))?;
                    }
                }
                b"table:table-row" => {
                    rows = rows.saturating_add(row_repeats);
                    if row_width > 0 {
                        width = width.max(row_width);
                        rows_cols(&sheet, rows, width)?;
                        grid = rows.saturating_mul(width);
                        cells(&sheet, grids.saturating_add(grid))?;
                    }
                    // A row repeated is written out as many times.
                    text_all = text_all.saturating_add(row_text.saturating_mul(row_repeats));
                    text(text_all)?;
                }
                b"table:table" => {
                    in_sheet = false;
                    grids = grids.saturating_add(grid);
                    if grids > MAX_CELLS {
                        return Err(over(&format!("its sheets have more than {MAX_CELLS} cells in all"), format!("{MAX_CELLS} cells")));
                    }
                }
                _ => {}
            },
            Event::Eof => return Ok(()),
            _ => {}
        }
        buf.clear();
    }
}
