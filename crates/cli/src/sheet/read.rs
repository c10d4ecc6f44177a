//! A publisher's sheet read: the first sheet of an xlsx, ods or csv
//! file, as cells, and which column holds which field (by its header or its
//! HXL hashtag; either row alone is enough).

use super::cells::{cell_name, text_of, Cell};
use super::{from_hashtag, from_header, limits, Col};
use crate::say::Say;
use std::path::Path;

/// The first sheet of a file: its name and its cells from A1.
pub struct Grid {
    pub sheet: String,
    pub rows: Vec<Vec<Cell>>,
}

/// Reads the first sheet of an xlsx, ods or csv file, within the limits of
/// `limits.rs`, checked before each part is built or as it is read.
pub fn read(path: &Path) -> Result<Grid, Say> {
    let unreadable = |e: std::io::Error| Say::Unreadable(e.to_string());
    limits::file(std::fs::metadata(path).map_err(unreadable)?.len()).map_err(Say::Unreadable)?;
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("sheet");
    read_bytes(name, &std::fs::read(path).map_err(unreadable)?)
}

/// The same from a file's bytes and its name (the desk's files never touch a
/// disk); the name's extension says what it is, and a csv's name is its sheet.
pub fn read_bytes(name: &str, bytes: &[u8]) -> Result<Grid, Say> {
    let ext = name.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase()).unwrap_or_default();
    limits::file(bytes.len() as u64).map_err(Say::Unreadable)?;
    // The readers' own errors and the limits', as they say them.
    match ext.as_str() {
        "csv" => csv(name, bytes),
        "xlsx" | "xlsm" => limits::zip(bytes).and_then(|()| xlsx(bytes)),
        "ods" => limits::zip(bytes).and_then(|()| limits::ods(bytes)).and_then(|()| ods(bytes)),
        // Excel 97's .xls (and .xlsb) are read whole, every sheet at once,
        // before their size can be known.
        _ => return Err(Say::NotASheet),
    }
    .map_err(Say::Unreadable)
}

fn csv(name: &str, bytes: &[u8]) -> Result<Grid, String> {
    let sheet = name.to_owned();
    let mut r = csv::ReaderBuilder::new().has_headers(false).flexible(true).from_reader(bytes);
    let (mut rows, mut count) = (vec![], limits::Grid::default());
    for rec in r.records() {
        let rec = rec.map_err(|e| e.to_string())?;
        count.row(&sheet, rows.len())?;
        // To its last filled cell: a file of commas is a file of empty rows.
        let mut row: Vec<Cell> = rec.iter().map(|t| if t.trim().is_empty() { Cell::Empty } else { Cell::Text(t.to_owned()) }).collect();
        row.truncate(row.iter().rposition(|c| *c != Cell::Empty).map_or(0, |last| last + 1));
        for (col, c) in row.iter().enumerate() {
            if let Cell::Text(t) = c {
                count.cell(&sheet, rows.len(), col, t.len())?;
            }
        }
        rows.push(row);
    }
    if let Some(Cell::Text(t)) = rows.first_mut().and_then(|r: &mut Vec<Cell>| r.first_mut()) {
        *t = t.trim_start_matches('\u{feff}').to_owned();
    }
    Ok(Grid { sheet, rows })
}

/// Cell by cell as the sheet's XML is inflated, so the limits stop it at the
/// first cell past them (two cells a million rows apart never become a grid).
fn xlsx(bytes: &[u8]) -> Result<Grid, String> {
    use calamine::Reader;
    let mut book = calamine::Xlsx::new(std::io::Cursor::new(bytes)).map_err(|e: calamine::XlsxError| e.to_string())?;
    let names = book.sheet_names();
    limits::sheets(names.len())?;
    let sheet = names.first().cloned().ok_or("the file has no sheet")?;
    let mut cells = book.worksheet_cells_reader(&sheet).map_err(|e| e.to_string())?;
    let (mut rows, mut count) = (Vec::<Vec<Cell>>::new(), limits::Grid::default());
    while let Some(c) = cells.next_cell().map_err(|e| e.to_string())? {
        let (r, col) = (c.get_position().0 as usize, c.get_position().1 as usize);
        let value = cell(&calamine::Data::from(c.get_value().clone()));
        if value == Cell::Empty {
            continue;
        }
        count.cell(&sheet, r, col, if let Cell::Text(t) = &value { t.len() } else { 0 })?;
        if rows.len() <= r {
            rows.resize(r + 1, vec![]);
        }
        let row = &mut rows[r];
        if row.len() <= col {
            row.resize(col + 1, Cell::Empty);
        }
        row[col] = value;
    }
    Ok(Grid { sheet, rows })
}

fn ods(bytes: &[u8]) -> Result<Grid, String> {
    use calamine::Reader;
    let mut book = calamine::Ods::new(std::io::Cursor::new(bytes)).map_err(|e: calamine::OdsError| e.to_string())?;
    let sheet = book.sheet_names().first().cloned().ok_or("the file has no sheet")?;
    let range = book.worksheet_range(&sheet).map_err(|e| e.to_string())?;
    let (top, left) = range.start().unwrap_or((0, 0));
    let mut rows = vec![vec![]; top as usize];
    for row in range.rows() {
        let mut cells = vec![Cell::Empty; left as usize];
        cells.extend(row.iter().map(cell));
        rows.push(cells);
    }
    Ok(Grid { sheet, rows })
}

fn cell(d: &calamine::Data) -> Cell {
    use calamine::Data;
    match d {
        Data::Empty | Data::Error(_) => Cell::Empty,
        Data::String(s) | Data::DateTimeIso(s) | Data::DurationIso(s) if s.trim().is_empty() => Cell::Empty,
        Data::String(s) | Data::DateTimeIso(s) | Data::DurationIso(s) => Cell::Text(s.clone()),
        Data::Int(i) => Cell::Number(*i as f64),
        Data::Float(f) => Cell::Number(*f),
        Data::Bool(b) => Cell::Text(b.to_string()),
        Data::DateTime(d) => d.as_datetime().map(Cell::Date).unwrap_or(Cell::Number(d.as_f64())),
    }
}

fn is_hashtag_row(row: &[Cell]) -> bool {
    let texts: Vec<&str> = row.iter().filter_map(|c| if let Cell::Text(t) = c { Some(t.trim()) } else { None }).collect();
    !texts.is_empty() && texts.iter().all(|t| t.starts_with('#'))
}


/// The sheet's columns, where its data starts, and the columns it ignores.
pub struct Layout {
    pub cols: Vec<Option<Col>>,
    pub first_data_row: usize,
    pub ignored: Vec<String>,
}

pub fn layout(grid: &Grid) -> Layout {
    let row = |i: usize| grid.rows.get(i).map(Vec::as_slice).unwrap_or(&[]);
    let (headers, tags, first) = if is_hashtag_row(row(0)) {
        (&[][..], row(0), 1)
    } else if is_hashtag_row(row(1)) {
        (row(0), row(1), 2)
    } else {
        (row(0), &[][..], 1)
    };
    let width = headers.len().max(tags.len());
    let mut ignored = vec![];
    let cols = (0..width)
        .map(|i| {
            let h = headers.get(i).map(text_of).unwrap_or_default();
            let t = tags.get(i).map(text_of).unwrap_or_default();
            let col = from_header(&h).or_else(|| from_hashtag(&t));
            if col.is_none() && !(h.is_empty() && t.is_empty()) {
                ignored.push(format!("{} ({})", cell_name(0, i), if h.is_empty() { t } else { h }));
            }
            col
        })
        .collect();
    Layout { cols, first_data_row: first, ignored }
}

