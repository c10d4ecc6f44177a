//! `bawaba-feed import`: a publisher's sheet (xlsx, ods or csv) to a feed.
//! Columns are matched by their header (the feed's field names, `name:ar`)
//! or their HXL hashtag (`#loc+name+i_ar`); either row alone is enough. Every
//! cell that cannot be read is reported as `Sheet!F12: …`, and the feed is
//! written only when there is none.

use crate::sheet::{Col, WEEK};
use bawaba_model::{Area, FeedKind, Tz};
use bawaba_ui::i18n::{Label, Lang};
use chrono::{NaiveDate, NaiveDateTime, TimeZone};
use serde_json::{json, Map, Value};
use std::path::Path;

#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Empty,
    Text(String),
    Number(f64),
    /// A cell typed as a date in the spreadsheet (local time, no zone).
    Date(NaiveDateTime),
}

/// The first sheet of a file: its name and its cells from A1.
pub struct Grid {
    pub sheet: String,
    pub rows: Vec<Vec<Cell>>,
}

/// Reads the first sheet of an xlsx, xls, ods or csv file.
pub fn read(path: &Path) -> Result<Grid, String> {
    let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("").to_ascii_lowercase();
    if ext == "csv" {
        let mut r = csv::ReaderBuilder::new().has_headers(false).flexible(true).from_path(path).map_err(|e| e.to_string())?;
        let mut rows = vec![];
        for rec in r.records() {
            let rec = rec.map_err(|e| e.to_string())?;
            rows.push(rec.iter().map(|t| if t.trim().is_empty() { Cell::Empty } else { Cell::Text(t.to_owned()) }).collect());
        }
        if let Some(Cell::Text(t)) = rows.first_mut().and_then(|r: &mut Vec<Cell>| r.first_mut()) {
            *t = t.trim_start_matches('\u{feff}').to_owned();
        }
        let sheet = path.file_name().and_then(|n| n.to_str()).unwrap_or("sheet").to_owned();
        return Ok(Grid { sheet, rows });
    }
    use calamine::{Data, Reader};
    let mut book = calamine::open_workbook_auto(path).map_err(|e| e.to_string())?;
    let sheet = book.sheet_names().first().cloned().ok_or("the file has no sheet")?;
    let range = book.worksheet_range(&sheet).map_err(|e| e.to_string())?;
    let (top, left) = range.start().unwrap_or((0, 0));
    let mut rows = vec![vec![]; top as usize];
    for row in range.rows() {
        let mut cells = vec![Cell::Empty; left as usize];
        cells.extend(row.iter().map(|d| match d {
            Data::Empty | Data::Error(_) => Cell::Empty,
            Data::String(s) | Data::DateTimeIso(s) | Data::DurationIso(s) if s.trim().is_empty() => Cell::Empty,
            Data::String(s) | Data::DateTimeIso(s) | Data::DurationIso(s) => Cell::Text(s.clone()),
            Data::Int(i) => Cell::Number(*i as f64),
            Data::Float(f) => Cell::Number(*f),
            Data::Bool(b) => Cell::Text(b.to_string()),
            Data::DateTime(d) => d.as_datetime().map(Cell::Date).unwrap_or(Cell::Number(d.as_f64())),
        }));
        rows.push(cells);
    }
    Ok(Grid { sheet, rows })
}

/// `F12` for row 11, column 5 (both from 0).
pub fn cell_name(row: usize, col: usize) -> String {
    let mut letters = String::new();
    let mut n = col + 1;
    while n > 0 {
        letters.insert(0, (b'A' + ((n - 1) % 26) as u8) as char);
        n = (n - 1) / 26;
    }
    format!("{letters}{}", row + 1)
}

/// Arabic-Indic and Persian digits, and the Arabic decimal separator, as ASCII.
pub fn ascii_digits(s: &str) -> String {
    s.chars()
        .filter(|c| *c != '\u{066C}')
        .map(|c| match c {
            '\u{0660}'..='\u{0669}' => char::from(b'0' + (c as u32 - 0x0660) as u8),
            '\u{06F0}'..='\u{06F9}' => char::from(b'0' + (c as u32 - 0x06F0) as u8),
            '\u{066B}' => '.',
            c => c,
        })
        .collect()
}

const TEXT_FIELDS: [&str; 7] = ["name", "organization", "landmark", "requirements", "notes", "title", "body"];
const PLAIN_FIELDS: [&str; 6] = ["id", "status", "type", "direction", "category", "severity"];
const LIST_FIELDS: [&str; 3] = ["area", "services", "allowed"];
const TIME_FIELDS: [&str; 3] = ["updated_at", "effective_at", "expires_at"];

fn known<const N: usize>(list: [&'static str; N], k: &str) -> Option<&'static str> {
    list.into_iter().find(|x| *x == k)
}

/// A column from its header: `name:ar`, `lat`, `hours`, …; `location` is
/// read as "lat, lon" in one cell.
fn from_header(h: &str) -> Option<Col> {
    let h = h.trim().to_ascii_lowercase();
    let (key, lang) = match h.split_once(':') {
        Some((k, l)) => (k.trim().to_owned(), Some(l.trim().to_owned())),
        None => (h.clone(), None),
    };
    Some(match (key.as_str(), lang) {
        ("link_label", Some(l)) => Col::LinkLabel(l),
        (k, Some(l)) => Col::Text(known(TEXT_FIELDS, k)?, l),
        ("lat" | "latitude", None) => Col::Lat,
        ("lon" | "lng" | "longitude", None) => Col::Lon,
        ("location", None) => Col::Lat,
        ("hours", None) => Col::Hours,
        ("windows", None) => Col::Windows,
        ("path", None) => Col::Path,
        ("link" | "url", None) => Col::Link,
        ("same_as", None) => Col::SameAs,
        (k, None) => {
            if let Some(k) = known(PLAIN_FIELDS, k) {
                Col::Plain(k)
            } else if let Some(k) = known(LIST_FIELDS, k) {
                Col::List(k)
            } else {
                Col::Time(known(TIME_FIELDS, k)?)
            }
        }
    })
}

/// A column from its HXL hashtag (`#org+name+i_ar`); text without a `+i_`
/// language attribute is taken as Arabic.
fn from_hashtag(tag: &str) -> Option<Col> {
    let tag = tag.trim().to_ascii_lowercase();
    let mut parts = tag.split('+');
    let hash = parts.next()?.to_owned();
    let attrs: Vec<&str> = parts.collect();
    let lang = attrs.iter().find_map(|a| a.strip_prefix("i_")).unwrap_or("ar").to_owned();
    let has = |a: &str| attrs.contains(&a);
    Some(match hash.as_str() {
        "#loc" if has("name") => Col::Text("name", lang),
        "#org" => Col::Text("organization", lang),
        "#adm2" | "#adm1" => Col::List("area"),
        "#status" => Col::Plain("status"),
        "#service" | "#sector" => Col::List("services"),
        "#date" if has("start") => Col::Time("effective_at"),
        "#date" if has("end") => Col::Time("expires_at"),
        "#date" => Col::Time("updated_at"),
        "#geo" if has("lat") => Col::Lat,
        "#geo" if has("lon") => Col::Lon,
        "#geo" if has("coord") => Col::Lat,
        "#geo" if has("path") => Col::Path,
        "#meta" if has("url") && has("label") => Col::LinkLabel(lang),
        "#meta" => {
            let field = attrs.iter().find(|a| !a.starts_with("i_"))?;
            match known(TEXT_FIELDS, field) {
                Some(k) => Col::Text(k, lang),
                None => from_header(field)?,
            }
        }
        _ => return None,
    })
}

fn is_hashtag_row(row: &[Cell]) -> bool {
    let texts: Vec<&str> = row.iter().filter_map(|c| if let Cell::Text(t) = c { Some(t.trim()) } else { None }).collect();
    !texts.is_empty() && texts.iter().all(|t| t.starts_with('#'))
}

/// A governorate written as its slug, ISO 3166-2 code, OCHA P-code, or its
/// name in any of the portal's four languages (or a common spelling).
pub fn area_of(written: &str) -> Option<Area> {
    let norm = |s: &str| s.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).collect::<String>();
    let w = norm(&ascii_digits(written));
    let pcodes = ["PS0255", "PS0260", "PS0265", "PS0270", "PS0275"];
    let extra: [&[&str]; 5] = [
        &["north gaza", "شمال غزة"],
        &["gaza city", "gaza", "غزة", "مدينة غزة"],
        &["deir al-balah", "deir el-balah", "dayr al balah", "middle area", "الوسطى", "دير البلح"],
        &["khan younis", "khan yunis", "khan younes", "خان يونس"],
        &["rafah", "رفح"],
    ];
    Area::KNOWN.iter().zip(pcodes).zip(extra).find_map(|((a, pcode), extra)| {
        let names = [a.wire(), a.iso_code().unwrap_or(""), pcode]
            .into_iter()
            .map(str::to_owned)
            .chain(Lang::ALL.iter().map(|l| l.t(a.msg()).to_owned()))
            .chain(extra.iter().map(|s| (*s).to_owned()));
        names.map(|n| norm(&n)).any(|n| n == w).then(|| a.clone())
    })
}

/// "Sun–Thu 08:00–15:00; Fri 10:00–12:00" as the contract's weekly hours.
pub fn hours_of(text: &str) -> Result<Value, String> {
    let text = ascii_digits(text);
    let dash = |s: &str| s.replace(['–', '—', '−'], "-").replace(" to ", "-");
    let mut out = vec![];
    for part in text.split([';', '\n', '؛']).map(str::trim).filter(|p| !p.is_empty()) {
        let cut = part.find(|c: char| c.is_ascii_digit()).unwrap_or(part.len());
        let (days, times) = part.split_at(cut);
        let range = dash(times).replace(' ', "");
        let clocks: Vec<&str> = range.split('-').collect();
        let clock = |c: &str| {
            let (h, m) = c.split_once(':')?;
            let (h, m): (u32, u32) = (h.parse().ok()?, m.parse().ok()?);
            (m < 60 && (h < 24 || (h == 24 && m == 0))).then(|| format!("{h:02}:{m:02}"))
        };
        let (Some(open), Some(close)) = (clocks.first().and_then(|c| clock(c)), clocks.get(1).and_then(|c| clock(c))) else {
            return Err(format!("\"{}\" is not an hours range; write \"08:00–15:00\"", times.trim()));
        };
        if clocks.len() != 2 {
            return Err(format!("\"{}\" is not an hours range; write \"08:00–15:00\"", times.trim()));
        }
        let day = |d: &str| {
            let d = d.trim().to_ascii_lowercase();
            // A day's first three letters or more of its English name.
            let names = ["saturday", "sunday", "monday", "tuesday", "wednesday", "thursday", "friday"];
            names.iter().position(|n| d.len() >= 3 && n.starts_with(d.as_str()))
        };
        let mut list = vec![];
        let days = dash(days);
        if days.trim().is_empty() || ["daily", "every day", "يوميا", "يوميًا"].contains(&days.trim().to_lowercase().as_str()) {
            list.extend(0..7);
        } else {
            for d in days.split([',', '،', '/']).map(str::trim).filter(|d| !d.is_empty()) {
                let bad = || format!("\"{}\" are not days; write \"Sun–Thu\" or \"Sat, Mon\"", days.trim());
                match d.split_once('-') {
                    Some((a, b)) => {
                        let (a, b) = (day(a).ok_or_else(bad)?, day(b).ok_or_else(bad)?);
                        let mut i = a;
                        loop {
                            list.push(i);
                            if i == b {
                                break;
                            }
                            i = (i + 1) % 7;
                        }
                    }
                    None => list.push(day(d).ok_or_else(bad)?),
                }
            }
        }
        list.sort_unstable();
        list.dedup();
        let days: Vec<&str> = list.into_iter().map(|i| WEEK[i]).collect();
        out.push(json!({"days": days, "open": open, "close": close}));
    }
    Ok(Value::Array(out))
}

/// A timestamp: kept as written when it has an offset; a spreadsheet date
/// or "2026-11-24 08:00" is Gaza local time.
pub fn time_of(cell: &Cell) -> Result<String, String> {
    let gaza: Tz = "Asia/Gaza".parse().unwrap_or(Tz::UTC);
    let local = |n: NaiveDateTime| {
        gaza.from_local_datetime(&n).earliest().map(|t| t.to_rfc3339_opts(chrono::SecondsFormat::Secs, false)).ok_or(String::new())
    };
    let text = match cell {
        Cell::Date(d) => return local(*d),
        Cell::Text(t) => ascii_digits(t.trim()),
        Cell::Number(n) => n.to_string(),
        Cell::Empty => return Err(String::new()),
    };
    if chrono::DateTime::parse_from_rfc3339(&text).is_ok() {
        return Ok(text);
    }
    for f in ["%Y-%m-%d %H:%M", "%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M:%S", "%Y-%m-%dT%H:%M:%S"] {
        if let Ok(n) = NaiveDateTime::parse_from_str(&text, f) {
            return local(n);
        }
    }
    if let Ok(d) = NaiveDate::parse_from_str(&text, "%Y-%m-%d") {
        return local(d.and_hms_opt(0, 0, 0).unwrap_or_default());
    }
    Err(format!("\"{text}\" is not a date and time; write \"2026-11-24 08:00\" (Gaza time) or type the cell as a date"))
}

fn number_of(text: &str) -> Option<f64> {
    let t = ascii_digits(text.trim());
    let t = if t.contains('.') { t } else { t.replace(',', ".") };
    t.parse::<f64>().ok().filter(|n| n.is_finite())
}

fn text_of(c: &Cell) -> String {
    match c {
        Cell::Text(t) => t.trim().to_owned(),
        // Display writes 12.0 as "12": an id typed as a number reads back as typed.
        Cell::Number(n) => n.to_string(),
        Cell::Date(d) => d.format("%Y-%m-%d %H:%M").to_string(),
        Cell::Empty => String::new(),
    }
}

fn word(s: &str) -> String {
    s.trim().to_lowercase().replace([' ', '-'], "_")
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

/// One problem, at a cell.
pub struct CellProblem {
    pub at: String,
    pub message: String,
}

/// The items of the sheet as feed JSON, and every cell that could not be read.
pub fn items(grid: &Grid, layout: &Layout) -> (Vec<Value>, Vec<usize>, Vec<CellProblem>) {
    let mut items = vec![];
    let mut rows = vec![];
    let mut problems = vec![];
    for (r, row) in grid.rows.iter().enumerate().skip(layout.first_data_row) {
        if row.iter().all(|c| *c == Cell::Empty) {
            continue;
        }
        let mut item = Map::new();
        for (c, cell) in row.iter().enumerate() {
            let Some(Some(col)) = layout.cols.get(c) else { continue };
            if *cell == Cell::Empty {
                continue;
            }
            let text = text_of(cell);
            let mut bad = |message: String| problems.push(CellProblem { at: format!("{}!{}", grid.sheet, cell_name(r, c)), message });
            match col {
                Col::Plain("id") => {
                    item.insert("id".into(), json!(text));
                }
                Col::Plain(k) => {
                    item.insert((*k).into(), json!(word(&text)));
                }
                Col::Text(k, lang) => {
                    let obj = item.entry(*k).or_insert_with(|| json!({}));
                    obj[lang.as_str()] = json!(text);
                }
                Col::List(k) => {
                    let mut list = vec![];
                    for w in text.split([',', ';', '،', '\n']).map(str::trim).filter(|w| !w.is_empty()) {
                        if *k == "area" {
                            match area_of(w) {
                                Some(a) => list.push(json!(a.wire())),
                                None => bad(format!("\"{w}\" is not a governorate; write north_gaza, gaza, deir_al_balah, khan_younis or rafah")),
                            }
                        } else {
                            list.push(json!(word(w)));
                        }
                    }
                    item.insert((*k).into(), Value::Array(list));
                }
                Col::Time(k) => match time_of(cell) {
                    Ok(t) => {
                        item.insert((*k).into(), json!(t));
                    }
                    Err(m) => bad(m),
                },
                Col::Lat | Col::Lon => {
                    let both: Vec<&str> = text.split([',', ' ', '،']).filter(|p| !p.is_empty()).collect();
                    let nums: Option<Vec<f64>> = if let Cell::Number(n) = cell { Some(vec![*n]) } else { None };
                    // "31.52, 34.45" in one cell: a point; a lone "31,52" is a decimal comma.
                    let nums = nums.or_else(|| {
                        if both.len() == 2 && both.iter().all(|p| p.contains('.') || ascii_digits(p).contains('.')) {
                            both.iter().map(|p| number_of(p)).collect()
                        } else {
                            number_of(&text).map(|n| vec![n])
                        }
                    });
                    let loc = item.entry("location").or_insert_with(|| json!({}));
                    match (nums.as_deref(), col) {
                        (Some([lat, lon]), _) => {
                            loc["lat"] = json!(lat);
                            loc["lon"] = json!(lon);
                        }
                        (Some([n]), Col::Lat) => loc["lat"] = json!(n),
                        (Some([n]), _) => loc["lon"] = json!(n),
                        _ => bad(format!("\"{text}\" is not a coordinate; write it in decimal degrees, e.g. 31.3462")),
                    }
                }
                Col::Hours => match hours_of(&text) {
                    Ok(h) => {
                        item.insert("hours".into(), h);
                    }
                    Err(m) => bad(m),
                },
                Col::Windows => {
                    let mut list = vec![];
                    for w in text.split([';', '\n']).map(str::trim).filter(|w| !w.is_empty()) {
                        let ends = w.split_once(" – ").or_else(|| w.split_once(" - ")).or_else(|| w.split_once('–'));
                        let ends = ends.map(|(a, b)| (time_of(&Cell::Text(a.into())), time_of(&Cell::Text(b.into()))));
                        match ends {
                            Some((Ok(start), Ok(end))) => list.push(json!({"start": start, "end": end})),
                            _ => bad(format!("\"{w}\" is not a time window; write \"2026-11-25 09:00 – 2026-11-25 13:00\"")),
                        }
                    }
                    item.insert("windows".into(), Value::Array(list));
                }
                Col::SameAs => {
                    let refs: Option<Vec<Value>> = text
                        .split([';', '\n', '؛'])
                        .map(str::trim)
                        .filter(|r| !r.is_empty())
                        .map(|r| {
                            let (feed, id) = r.split_once('/')?;
                            let (feed, id) = (feed.trim(), id.trim());
                            (!feed.is_empty() && !id.is_empty()).then(|| json!({"feed": feed, "id": id}))
                        })
                        .collect();
                    match refs {
                        Some(r) => {
                            item.insert("same_as".into(), Value::Array(r));
                        }
                        None => bad(format!("\"{text}\" does not name another publisher's item; write \"their-feed-id/their-item-id\"")),
                    }
                }
                Col::Path => {
                    let pts: Option<Vec<Value>> = text
                        .split([';', '\n'])
                        .map(str::trim)
                        .filter(|p| !p.is_empty())
                        .map(|p| {
                            let n: Vec<f64> = p.split([' ', ',']).filter(|x| !x.is_empty()).map(number_of).collect::<Option<_>>()?;
                            (n.len() == 2).then(|| json!({"lat": n[0], "lon": n[1]}))
                        })
                        .collect();
                    match pts {
                        Some(p) => {
                            item.insert("path".into(), Value::Array(p));
                        }
                        None => bad(format!("\"{text}\" is not a path; write \"31.55 34.53; 31.53 34.49\" (lat lon; lat lon)")),
                    }
                }
                Col::Link => {
                    let links = item.entry("links").or_insert_with(|| json!([{}]));
                    links[0]["url"] = json!(text);
                }
                Col::LinkLabel(lang) => {
                    let links = item.entry("links").or_insert_with(|| json!([{}]));
                    if links[0].get("label").is_none() {
                        links[0]["label"] = json!({});
                    }
                    links[0]["label"][lang.as_str()] = json!(text);
                }
            }
        }
        items.push(Value::Object(item));
        rows.push(r);
    }
    (items, rows, problems)
}

/// The cell an issue found in the written feed (`items[3].hours[0]`) came from.
pub fn cell_of(path: &str, grid: &Grid, layout: &Layout, rows: &[usize]) -> Option<String> {
    let rest = path.strip_prefix("items[")?;
    let (n, rest) = rest.split_once(']')?;
    let row = *rows.get(n.parse::<usize>().ok()?)?;
    let mut parts = rest.trim_start_matches('.').split(['.', '[']);
    let field = parts.next().unwrap_or("");
    let sub = parts.next().unwrap_or("");
    let col = layout.cols.iter().position(|c| match c {
        Some(Col::Text(k, l)) => *k == field && (sub.is_empty() || l == sub),
        Some(Col::Lat) => field == "location" && sub != "lon",
        Some(Col::Lon) => field == "location" && sub == "lon",
        Some(Col::Link | Col::LinkLabel(_)) => field == "links",
        Some(c) => c.header() == field,
        None => false,
    });
    Some(match col {
        Some(c) => format!("{}!{}", grid.sheet, cell_name(row, c)),
        None => format!("{}!{} ({field})", grid.sheet, (row + 1)),
    })
}

/// `import SHEET --kind KIND -o FEED [--id ID] [--publisher NAME] [--demo]
/// [--at TIME]`: exit 0 written, 1 problems found (nothing written), 2 usage
/// or a file that cannot be read, as `validate`.
pub fn run(args: &[String]) -> std::process::ExitCode {
    use std::process::ExitCode;
    let usage = || {
        eprintln!("usage: bawaba-feed import SHEET.xlsx|.ods|.csv --kind corridors|distribution|notices -o FEED.json [--id ID] [--publisher NAME] [--demo] [--at TIME]");
        ExitCode::from(2)
    };
    let (mut file, mut kind, mut out, mut id, mut publisher, mut demo, mut at) = (None, None, None, None, None, false, None);
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--kind" => kind = it.next().cloned(),
            "-o" | "--output" => out = it.next().cloned(),
            "--id" => id = it.next().cloned(),
            "--publisher" => publisher = it.next().cloned(),
            "--at" => at = it.next().cloned(),
            "--demo" => demo = true,
            f if !f.starts_with('-') && file.is_none() => file = Some(f.to_owned()),
            _ => return usage(),
        }
    }
    let kind = match kind.as_deref() {
        Some("corridors") => FeedKind::Corridors,
        Some("distribution" | "distribution_points") => FeedKind::DistributionPoints,
        Some("notices") => FeedKind::Notices,
        _ => return usage(),
    };
    let (Some(file), Some(out)) = (file, out) else { return usage() };
    let published = match at.as_deref().map(|t| time_of(&Cell::Text(t.into()))) {
        Some(Ok(t)) => t,
        Some(Err(m)) => {
            eprintln!("--at: {m}");
            return ExitCode::from(2);
        }
        None => chrono::Utc::now().with_timezone(&"Asia/Gaza".parse::<Tz>().unwrap_or(Tz::UTC)).to_rfc3339_opts(chrono::SecondsFormat::Secs, false),
    };
    let grid = match read(Path::new(&file)) {
        Ok(g) => g,
        Err(e) => {
            eprintln!("{file}: cannot read: {e}");
            return ExitCode::from(2);
        }
    };
    let layout = layout(&grid);
    let (items, rows, problems) = items(&grid, &layout);
    let stem = Path::new(&file).file_stem().and_then(|s| s.to_str()).unwrap_or("feed");
    let id: String = id.unwrap_or_else(|| stem.chars().map(|c| if c.is_ascii_alphanumeric() { c.to_ascii_lowercase() } else { '-' }).collect());
    let mut feed = json!({"format": "bawaba-feed/1", "kind": kind.wire(), "id": id, "published_at": published, "demo": demo, "items": items});
    if let Some(p) = publisher {
        feed["publisher"] = json!({"name": {"en": p}});
    }
    let bytes = serde_json::to_string_pretty(&feed).unwrap_or_default() + "\n";
    let report = crate::check::check(&out, bytes.as_bytes(), chrono::Utc::now());
    let place = |path: &str| cell_of(path, &grid, &layout, &rows).unwrap_or_else(|| format!("{file}: {path}"));
    for p in &problems {
        println!("{}: error: {}", p.at, p.message);
    }
    for (kind, list) in [("error", &report.errors), ("warning", &report.warnings)] {
        for f in list {
            println!("{}: {kind}: {}", place(&f.path), f.message);
            if let Some(h) = f.hint {
                println!("  hint: {h}");
            }
        }
    }
    for c in &layout.ignored {
        println!("{}!{c}: warning: not a feed field; the column is ignored", grid.sheet);
    }
    let errors = problems.len() + report.errors.len();
    if errors > 0 {
        println!("{file}: INVALID ({errors} errors): nothing written");
        return ExitCode::from(1);
    }
    match std::fs::write(&out, bytes) {
        Ok(()) => {
            println!("{file}: wrote {out}: {} items ({} warnings)", rows.len(), report.warnings.len());
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("{out}: cannot write: {e}");
            ExitCode::from(2)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cell_names_run_past_z() {
        assert_eq!(cell_name(0, 0), "A1");
        assert_eq!(cell_name(11, 5), "F12");
        assert_eq!(cell_name(0, 25), "Z1");
        assert_eq!(cell_name(2, 26), "AA3");
        assert_eq!(cell_name(0, 701), "ZZ1");
        assert_eq!(cell_name(0, 702), "AAA1");
    }

    #[test]
    fn areas_by_slug_code_pcode_and_name() {
        for w in ["khan_younis", "PS-KYS", "PS0270", "Khan Younis", "khan yunis", "خان يونس", "ps0270"] {
            assert_eq!(area_of(w), Some(Area::KhanYounis), "{w}");
        }
        assert_eq!(area_of("Middle Area (Deir al-Balah)"), Some(Area::DeirAlBalah));
        assert_eq!(area_of("الوسطى"), Some(Area::DeirAlBalah));
        assert_eq!(area_of("PS٠٢٥٥"), Some(Area::NorthGaza), "Arabic-Indic digits in a P-code");
        assert_eq!(area_of("Gaza City"), Some(Area::Gaza));
        assert_eq!(area_of("Jabalia"), None);
    }

    #[test]
    fn hours_with_dashes_hyphens_and_lists() {
        let slot = |days: &[&str], open: &str, close: &str| json!({"days": days, "open": open, "close": close});
        assert_eq!(hours_of("Sun–Thu 08:00–15:00"), Ok(json!([slot(&["sun", "mon", "tue", "wed", "thu"], "08:00", "15:00")])));
        assert_eq!(hours_of("sun-thu 8:00 - 15:00"), hours_of("Sun–Thu 08:00–15:00"));
        assert_eq!(
            hours_of("Sat, Mon, Wednesday 09:00-12:00; Fri 10:00–11:00"),
            Ok(json!([slot(&["sat", "mon", "wed"], "09:00", "12:00"), slot(&["fri"], "10:00", "11:00")]))
        );
        assert_eq!(hours_of("Thu–Sun 20:00–06:00"), Ok(json!([slot(&["sat", "sun", "thu", "fri"], "20:00", "06:00")])), "across the week's end");
        assert_eq!(hours_of("٠٨:٠٠–١٥:٠٠"), Ok(json!([slot(&WEEK, "08:00", "15:00")])), "Arabic-Indic digits, every day");
        assert_eq!(hours_of("Sun–Thu 8-15").unwrap_err(), r#""8-15" is not an hours range; write "08:00–15:00""#);
        assert_eq!(hours_of("Sun–Thu 08:00").unwrap_err(), r#""08:00" is not an hours range; write "08:00–15:00""#);
        assert_eq!(hours_of("Sun–Thu 08:00–25:00").unwrap_err(), r#""08:00–25:00" is not an hours range; write "08:00–15:00""#);
        assert_eq!(hours_of("Sunnday 08:00–15:00").unwrap_err(), r#""Sunnday" are not days; write "Sun–Thu" or "Sat, Mon""#);
        assert_eq!(hours_of("الأحد 08:00–15:00").unwrap_err(), r#""الأحد" are not days; write "Sun–Thu" or "Sat, Mon""#);
    }

    #[test]
    fn times_keep_their_offset_or_are_gaza_time() {
        assert_eq!(time_of(&Cell::Text("2026-11-24T06:00:00+02:00".into())).unwrap(), "2026-11-24T06:00:00+02:00");
        assert_eq!(time_of(&Cell::Text("2026-11-24 08:00".into())).unwrap(), "2026-11-24T08:00:00+02:00");
        assert_eq!(time_of(&Cell::Text("٢٠٢٦-١١-٢٤ ٠٨:٠٠".into())).unwrap(), "2026-11-24T08:00:00+02:00");
        // Summer time in Gaza.
        assert_eq!(time_of(&Cell::Text("2026-07-01 08:00".into())).unwrap(), "2026-07-01T08:00:00+03:00");
        let d = NaiveDate::from_ymd_opt(2026, 11, 24).unwrap().and_hms_opt(9, 30, 0).unwrap();
        assert_eq!(time_of(&Cell::Date(d)).unwrap(), "2026-11-24T09:30:00+02:00");
        assert!(time_of(&Cell::Text("24/11/2026".into())).unwrap_err().starts_with("\"24/11/2026\" is not a date and time"));
    }

    #[test]
    fn digits_of_both_arabic_scripts() {
        assert_eq!(ascii_digits("٠١٢٣٤٥٦٧٨٩"), "0123456789");
        assert_eq!(ascii_digits("۰۱۲۳۴۵۶۷۸۹"), "0123456789", "Persian (Extended Arabic-Indic) digits");
        assert_eq!(ascii_digits("٣١٫٥٢"), "31.52");
        assert_eq!(ascii_digits("١٬٢٣٤"), "1234", "the Arabic thousands separator dropped");
    }

    #[test]
    fn numbers_read_as_typed() {
        assert_eq!(text_of(&Cell::Number(12.0)), "12");
        assert_eq!(text_of(&Cell::Number(31.5)), "31.5");
        assert_eq!(text_of(&Cell::Text("  kitchen ".into())), "kitchen");
    }

    #[test]
    fn clocks_up_to_24_00() {
        let ok = |t: &str| hours_of(&format!("Sun {t}")).is_ok();
        assert!(ok("00:00–24:00") && ok("08:00–23:59"));
        assert!(!ok("08:00–24:30"), "24 only as 24:00");
        assert!(!ok("08:00–08:60"), "60 minutes is the next hour");
    }

    /// A finding in the written feed is placed at the cell it came from.
    #[test]
    fn findings_are_placed_at_their_cell() {
        let header = ["id", "name:ar", "name:en", "lat", "lon", "link", "hours"];
        let grid = Grid {
            sheet: "Points".into(),
            rows: vec![header.iter().map(|h| Cell::Text((*h).into())).collect(), vec![Cell::Text("a".into())], vec![Cell::Text("b".into())]],
        };
        let l = layout(&grid);
        assert!(l.ignored.is_empty(), "every column is a field: {:?}", l.ignored);
        let rows = [1, 2];
        let at = |path: &str| cell_of(path, &grid, &l, &rows);
        assert_eq!(at("items[0].name").as_deref(), Some("Points!B2"), "a missing text: its first language");
        assert_eq!(at("items[1].name.en").as_deref(), Some("Points!C3"));
        assert_eq!(at("items[1].location.lat").as_deref(), Some("Points!D3"));
        assert_eq!(at("items[1].location.lon").as_deref(), Some("Points!E3"));
        assert_eq!(at("items[0].links[0].url").as_deref(), Some("Points!F2"));
        assert_eq!(at("items[0].hours[0].open").as_deref(), Some("Points!G2"));
        assert_eq!(at("items[0].services").as_deref(), Some("Points!2 (services)"), "no such column: the row");
        assert_eq!(at("items[5].name"), None);
        assert_eq!(at("published_at"), None);
    }

    #[test]
    fn columns_by_header_or_hashtag() {
        assert_eq!(from_hashtag("#loc"), None, "a place's name is #loc+name");
        assert_eq!(from_hashtag("#geo+coord"), Some(Col::Lat), "both in one cell");
        assert_eq!(from_hashtag("#geo+elevation"), None);
        assert_eq!(from_hashtag("#meta+url"), Some(Col::Link));
        assert_eq!(from_header("name:ar"), Some(Col::Text("name", "ar".into())));
        assert_eq!(from_header(" Services "), Some(Col::List("services")));
        assert_eq!(from_header("colour"), None);
        assert_eq!(from_hashtag("#loc+name+i_en"), Some(Col::Text("name", "en".into())));
        assert_eq!(from_hashtag("#org+name"), Some(Col::Text("organization", "ar".into())));
        assert_eq!(from_hashtag("#geo+lat"), Some(Col::Lat));
        assert_eq!(from_hashtag("#adm2+code"), Some(Col::List("area")));
        assert_eq!(from_hashtag("#meta+requirements+i_fr"), Some(Col::Text("requirements", "fr".into())));
        for kind in [FeedKind::Corridors, FeedKind::DistributionPoints, FeedKind::Notices] {
            for c in crate::sheet::columns(kind.clone()) {
                assert_eq!(from_header(&c.header()).as_ref(), Some(&c), "{}", c.header());
                assert_eq!(from_hashtag(&c.hashtag()).as_ref(), Some(&c), "{}", c.hashtag());
            }
        }
    }
}
