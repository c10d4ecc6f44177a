//! `bawaba-feed import`: a publisher's sheet (xlsx, ods or csv) to a feed.
//! Every cell that cannot be read is reported as `Sheet!F12: …`, and the
//! feed is written only when there is none.

use crate::args::{self, Args, Spec, Usage, GAZA};
use crate::sheet::cells::{area_of, ascii_digits, cell_name, hours_of, number_of, text_of, time_of, word, Cell};
use crate::sheet::read::{layout, read, Grid, Layout};
use crate::sheet::Col;
use crate::say::Say;
use bawaba_model::{FeedKind, Timestamp};
use serde_json::{json, Map, Value};
use std::path::Path;
use std::process::ExitCode;

/// One problem, at a cell.
pub struct CellProblem {
    pub at: String,
    pub say: Say,
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
            let mut bad = |say: Say| problems.push(CellProblem { at: format!("{}!{}", grid.sheet, cell_name(r, c)), say });
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
                                None => bad(Say::NotGovernorate(w.to_owned())),
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
                        _ => bad(Say::NotCoordinate(text.clone())),
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
                            _ => bad(Say::NotWindow(w.to_owned())),
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
                        None => bad(Say::NotSameAs(text.clone())),
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
                        None => bad(Say::NotPath(text.clone())),
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

/// What becomes of a sheet: its file's name (the feed's id when none is
/// given), and the feed's own fields.
pub struct Sheet<'a> {
    pub name: &'a str,
    pub kind: FeedKind,
    pub id: Option<&'a str>,
    pub publisher: Option<&'a str>,
    pub published: String,
    pub demo: bool,
}

/// One thing said about a place of the sheet (`Points!J4`).
pub struct Found {
    pub at: String,
    pub error: bool,
    pub say: Say,
}

/// The feed as it would be written, and everything said about the sheet, in
/// the order the command prints it: the feed is written only with no error.
pub struct Imported {
    pub feed: String,
    pub items: usize,
    pub found: Vec<Found>,
    pub errors: usize,
}

impl Sheet<'_> {
    /// The command's work, for the command line and the desk alike.
    pub fn convert(&self, grid: &Grid, now: Timestamp) -> Imported {
        let layout = layout(grid);
        let (items, rows, problems) = items(grid, &layout);
        let stem = Path::new(self.name).file_stem().and_then(|s| s.to_str()).unwrap_or("feed");
        let id: String = self.id.map(str::to_owned).unwrap_or_else(|| stem.chars().map(|c| if c.is_ascii_alphanumeric() { c.to_ascii_lowercase() } else { '-' }).collect());
        let mut feed = json!({"format": "bawaba-feed/1", "kind": self.kind.wire(), "id": id, "published_at": self.published, "demo": self.demo, "items": items});
        if let Some(p) = self.publisher {
            feed["publisher"] = json!({"name": {"en": p}});
        }
        let bytes = serde_json::to_string_pretty(&feed).unwrap_or_default() + "\n";
        let report = crate::check::check(self.name, bytes.as_bytes(), now);
        let place = |path: &str| cell_of(path, grid, &layout, &rows).unwrap_or_else(|| format!("{}: {path}", self.name));
        let mut found: Vec<Found> = problems.into_iter().map(|p| Found { at: p.at, error: true, say: p.say }).collect();
        for (error, list) in [(true, report.errors), (false, report.warnings)] {
            found.extend(list.into_iter().map(|f| Found { at: place(&f.path), error, say: f.say }));
        }
        found.extend(layout.ignored.iter().map(|c| Found { at: format!("{}!{c}", grid.sheet), error: false, say: Say::IgnoredColumn }));
        let errors = found.iter().filter(|f| f.error).count();
        Imported { feed: bytes, items: rows.len(), found, errors }
    }
}

pub const SPEC: Spec = Spec { options: &["--kind", "-o", "--id", "--publisher", "--at"], switches: &["--demo"], words: (1, 1) };

/// Exit 0 written, 1 problems found (nothing written), 2 usage or a file
/// that cannot be read, as `validate`.
pub fn run(a: &Args) -> Result<ExitCode, Usage> {
    let kind = args::kind(a.required("--kind")?).ok_or(Usage)?;
    let (file, out) = (a.word(), a.required("-o")?);
    let published = match a.value("--at").map(|t| time_of(&Cell::Text(t.into()))) {
        Some(Ok(t)) => t,
        Some(Err(m)) => {
            eprintln!("--at: {m}");
            return Ok(ExitCode::from(2));
        }
        None => chrono::Utc::now().with_timezone(&GAZA).to_rfc3339_opts(chrono::SecondsFormat::Secs, false),
    };
    let grid = match read(Path::new(file)) {
        Ok(g) => g,
        Err(e) => {
            eprintln!("{file}: cannot read: {e}");
            return Ok(ExitCode::from(2));
        }
    };
    let sheet = Sheet { name: file, kind, id: a.value("--id"), publisher: a.value("--publisher"), published, demo: a.has("--demo") };
    let imported = sheet.convert(&grid, chrono::Utc::now());
    for f in &imported.found {
        println!("{}: {}: {}", f.at, if f.error { "error" } else { "warning" }, f.say);
        if let Some(h) = f.say.hint_en() {
            println!("  hint: {h}");
        }
    }
    if imported.errors > 0 {
        println!("{file}: INVALID ({} errors): nothing written", imported.errors);
        return Ok(ExitCode::from(1));
    }
    let warnings = imported.found.len() - imported.errors;
    let bytes = imported.feed;
    Ok(match std::fs::write(out, bytes) {
        Ok(()) => {
            println!("{file}: wrote {out}: {} items ({warnings} warnings)", imported.items);
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("{out}: cannot write: {e}");
            ExitCode::from(2)
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

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

}
