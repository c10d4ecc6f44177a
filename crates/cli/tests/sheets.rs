//! Spreadsheets in and out: `template`, `export --to csv|xlsx` and `import`,
//! on the demo feeds and on sheets filled in as a publisher would.

use bawaba_model::{parse_feed, Items};
use std::path::PathBuf;
use std::process::{Command, Output};

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_bawaba-feed")).args(args).output().expect("runs")
}

fn out(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned() + &String::from_utf8_lossy(&o.stderr)
}

fn dir(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("bawaba-sheets-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

fn items(path: &std::path::Path) -> Items {
    parse_feed(&std::fs::read(path).unwrap()).expect("a feed").items
}

/// The same items, field for field; not who published them (the sheet
/// carries items, the feed's id and publisher are given to `import`).
fn same(a: &Items, b: &Items) -> bool {
    use bawaba_model::merge::Mergeable;
    fn eq<T: Mergeable + PartialEq>(a: &[std::sync::Arc<T>], b: &[std::sync::Arc<T>]) -> bool {
        let anonymous = |t: &T| {
            let mut t = t.clone();
            t.base_mut().source = None;
            t
        };
        a.len() == b.len() && a.iter().zip(b).all(|(x, y)| anonymous(x) == anonymous(y))
    }
    match (a, b) {
        (Items::Corridors(a), Items::Corridors(b)) => eq(a, b),
        (Items::DistributionPoints(a), Items::DistributionPoints(b)) => eq(a, b),
        (Items::Notices(a), Items::Notices(b)) => eq(a, b),
        _ => false,
    }
}

/// Every demo feed, exported to a sheet and imported back, is the same feed:
/// every item, field and language.
#[test]
fn demo_feeds_round_trip_through_csv_and_xlsx() {
    let d = dir("round-trip");
    // The second publisher's feed names the first's items (`same_as`).
    for (file, kind) in [("corridors", "corridors"), ("distribution", "distribution"), ("distribution-committee", "distribution"), ("notices", "notices")] {
        let feed = PathBuf::from(format!("../../public/data/{file}.json"));
        for ext in ["csv", "xlsx"] {
            let sheet = d.join(format!("{file}.{ext}"));
            let o = run(&["export", "--to", ext, feed.to_str().unwrap(), "-o", sheet.to_str().unwrap()]);
            assert_eq!(o.status.code(), Some(0), "{}", out(&o));
            let back = d.join(format!("{file}-{ext}.json"));
            let o = run(&["import", sheet.to_str().unwrap(), "--kind", kind, "-o", back.to_str().unwrap(), "--demo"]);
            assert_eq!(o.status.code(), Some(0), "{file}.{ext}: {}", out(&o));
            assert!(same(&items(&feed), &items(&back)), "{file}.{ext} imports back to the same items");
        }
    }
    let _ = std::fs::remove_dir_all(d);
}

/// A template has a column per field and language, the hashtag row, an
/// example row and a help sheet; imported as it is, it is a valid feed.
#[test]
fn a_template_imports_as_it_is() {
    let d = dir("template");
    for kind in ["corridors", "distribution", "notices"] {
        for ext in ["csv", "xlsx"] {
            let t = d.join(format!("{kind}.{ext}"));
            let o = run(&["template", kind, "-o", t.to_str().unwrap()]);
            assert_eq!(o.status.code(), Some(0), "{}", out(&o));
            let f = d.join(format!("{kind}-{ext}.json"));
            let o = run(&["import", t.to_str().unwrap(), "--kind", kind, "-o", f.to_str().unwrap()]);
            assert_eq!(o.status.code(), Some(0), "{kind}.{ext}: {}", out(&o));
            assert_eq!(items(&f).len(), 1);
        }
    }
    let csv = std::fs::read_to_string(d.join("distribution.csv")).unwrap();
    let mut lines = csv.lines();
    let header = lines.next().unwrap();
    assert!(header.starts_with("\u{feff}id,updated_at,name:ar,name:en,name:he,name:fr,organization:ar"), "{header}");
    assert!(lines.next().unwrap().starts_with("#meta+id,#date+updated,#loc+name+i_ar,#loc+name+i_en"));
    use calamine::Reader;
    let mut book = calamine::open_workbook_auto(d.join("distribution.xlsx")).unwrap();
    assert_eq!(book.sheet_names(), ["Points", "Help"]);
    let help = book.worksheet_range("Help").unwrap();
    let row = |r: usize| help.rows().nth(r).unwrap().iter().map(|c| c.to_string()).collect::<Vec<_>>();
    assert_eq!(row(0), ["column / العمود", "العربية", "English"]);
    assert_eq!(row(1)[0], "id");
    for (kind, name) in [("corridors", "Corridors"), ("notices", "Notices")] {
        let book = calamine::open_workbook_auto(d.join(format!("{kind}.xlsx"))).unwrap();
        assert_eq!(book.sheet_names(), [name, "Help"]);
    }
    let text: Vec<String> = help.rows().flat_map(|r| r.iter().map(|c| c.to_string())).collect();
    assert!(text.iter().any(|t| t.contains("Sun–Thu 08:00–15:00")), "how to write hours");
    assert!(text.iter().any(|t| t.contains("أيام وساعات العمل")), "in Arabic too");
    let _ = std::fs::remove_dir_all(d);
}

/// Writes an xlsx as a spreadsheet program would: dates typed as dates,
/// coordinates as numbers or as text.
fn workbook(path: &std::path::Path, rows: &[Vec<Cell>]) {
    use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};
    let mut book = Workbook::new();
    let date = Format::new().set_num_format("yyyy-mm-dd hh:mm");
    let text = Format::new().set_num_format("@");
    let sheet = book.add_worksheet().set_name("Points").unwrap();
    for (r, row) in rows.iter().enumerate() {
        for (c, cell) in row.iter().enumerate() {
            let (r, c) = (r as u32, c as u16);
            match cell {
                Cell::S(s) => sheet.write_string(r, c, *s).map(|_| ()),
                Cell::T(s) => sheet.write_string_with_format(r, c, *s, &text).map(|_| ()),
                Cell::N(n) => sheet.write_number(r, c, *n).map(|_| ()),
                Cell::D(s) => sheet.write_datetime_with_format(r, c, ExcelDateTime::parse_from_str(s).unwrap(), &date).map(|_| ()),
                Cell::E => Ok(()),
            }
            .unwrap();
        }
    }
    book.save(path).unwrap();
}

enum Cell {
    S(&'static str),
    /// Text-formatted, as Excel keeps coordinates pasted from elsewhere.
    T(&'static str),
    N(f64),
    D(&'static str),
    E,
}

#[test]
fn a_sheet_filled_by_hand_with_dates_arabic_digits_and_names() {
    use Cell::*;
    let d = dir("by-hand");
    let header = ["id", "updated_at", "name:ar", "name:en", "status", "hours", "area", "lat", "lon", "services"];
    let mut rows = vec![header.iter().map(|h| S(h)).collect::<Vec<_>>()];
    rows.push(vec![S("kitchen-1"), D("2026-11-24 08:30"), S("مطبخ الحي"), S("Kitchen"), S("Open"), S("Sun–Thu 08:00–15:00"), S("PS0270"), N(31.3462), N(34.306), S("food; bread")]);
    rows.push(vec![S("bakery-2"), S("٢٠٢٦-١١-٢٤ ٠٧:٠٠"), S("مخبز"), E, S("open"), S("sat-thu 7:00 - 12:00"), S("خان يونس"), T("٣١٫٣٤٥"), T("٣٤٫٣١"), S("bread")]);
    rows.push(vec![S("water-3"), S("2026-11-24T06:00:00+02:00"), S("نقطة مياه"), E, S("open"), E, S("Khan Younis"), T("31.35, 34.30"), E, S("water")]);
    // A row of blanks (spaces) is no item.
    rows.push(vec![S(" "), S("  "), E, S(" ")]);
    rows.push(vec![S("clinic-4"), S("2026-11-24 09:00"), S("عيادة"), E, S("open"), E, S("khan_younis"), T("31,35"), T("34,3"), S("medical")]);
    rows.push(vec![S("tent-5"), S("2026-11-24 09:00"), S("خيمة"), E, S("open"), E, S("khan_younis"), T("٣١٫٣٤، ٣٤٫٢٩"), E, S("shelter")]);
    let sheet = d.join("points.xlsx");
    workbook(&sheet, &rows);
    let feed = d.join("points.json");
    let o = run(&["import", sheet.to_str().unwrap(), "--kind", "distribution", "-o", feed.to_str().unwrap(), "--publisher", "Kitchens", "--id", "kitchens-ky"]);
    assert_eq!(o.status.code(), Some(0), "{}", out(&o));
    assert!(out(&o).contains("5 items"), "{}", out(&o));
    let v: serde_json::Value = serde_json::from_slice(&std::fs::read(&feed).unwrap()).unwrap();
    let item = |i: usize| &v["items"][i];
    assert_eq!(item(0)["updated_at"], "2026-11-24T08:30:00+02:00", "a date cell, in Gaza time");
    assert_eq!(item(0)["hours"][0]["days"], serde_json::json!(["sun", "mon", "tue", "wed", "thu"]));
    assert_eq!(item(0)["area"], serde_json::json!(["khan_younis"]));
    assert_eq!(item(0)["status"], "open");
    assert_eq!(item(0)["services"], serde_json::json!(["food", "bread"]));
    assert_eq!(item(1)["updated_at"], "2026-11-24T07:00:00+02:00", "Arabic-Indic digits");
    assert_eq!(item(1)["location"], serde_json::json!({"lat": 31.345, "lon": 34.31}), "text-formatted, Arabic-Indic");
    assert_eq!(item(1)["hours"][0], serde_json::json!({"days": ["sat", "sun", "mon", "tue", "wed", "thu"], "open": "07:00", "close": "12:00"}));
    assert_eq!(item(2)["location"], serde_json::json!({"lat": 31.35, "lon": 34.3}), "both in one cell");
    assert_eq!(item(3)["location"], serde_json::json!({"lat": 31.35, "lon": 34.3}), "decimal commas");
    assert_eq!(item(4)["location"], serde_json::json!({"lat": 31.34, "lon": 34.29}), "Arabic-Indic, both in one cell");
    assert_eq!(v["publisher"]["name"]["en"], "Kitchens");
    assert_eq!(v["id"], "kitchens-ky");
    // Two sheets at once: a usage error.
    let o = run(&["import", sheet.to_str().unwrap(), sheet.to_str().unwrap(), "--kind", "distribution", "-o", feed.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(v["demo"], false);
    let _ = std::fs::remove_dir_all(d);
}

/// Each bad cell is named as Sheet!cell with what to write instead; a
/// missing required field is placed at its row; nothing is written.
#[test]
fn bad_cells_are_named_and_nothing_is_written() {
    use Cell::*;
    let d = dir("bad");
    let header = ["id", "updated_at", "name:ar", "status", "hours", "area", "lat", "lon", "same_as"];
    let mut rows = vec![header.iter().map(|h| S(h)).collect::<Vec<_>>()];
    rows.push(vec![S("a"), S("2026-11-24 08:00"), S("أ"), S("open"), S("8-15"), S("rafah"), N(31.28), N(34.25), E]);
    rows.push(vec![S("b"), S("24/11/2026"), S("ب"), S("open"), E, S("Jabalia"), N(31.28), N(34.25), S("ocha/kitchen-3")]);
    rows.push(vec![S("c"), S("2026-11-24 08:00"), S("ج"), S("open"), E, S("rafah"), N(31.28), E, S("kitchen-3")]);
    let sheet = d.join("points.xlsx");
    workbook(&sheet, &rows);
    let feed = d.join("points.json");
    let o = run(&["import", sheet.to_str().unwrap(), "--kind", "distribution", "-o", feed.to_str().unwrap()]);
    let text = out(&o);
    assert_eq!(o.status.code(), Some(1), "{text}");
    assert!(text.contains(r#"Points!E2: error: "8-15" is not an hours range; write "08:00–15:00""#), "{text}");
    assert!(text.contains(r#"Points!B3: error: "24/11/2026" is not a date and time; write "2026-11-24 08:00" (Gaza time)"#), "{text}");
    assert!(text.contains(r#"Points!F3: error: "Jabalia" is not a governorate"#), "{text}");
    assert!(text.contains("Points!H4: error: "), "the missing longitude, at its cell: {text}");
    assert!(text.contains(r#"Points!I4: error: "kitchen-3" does not name another publisher's item; write "their-feed-id/their-item-id""#), "{text}");
    assert!(!text.contains("Points!I3"), "a well-written reference: {text}");
    assert!(text.contains("nothing written"));
    assert!(!feed.exists());
    // A sheet that cannot be read: exit 2, as validate.
    let o = run(&["import", d.join("missing.xlsx").to_str().unwrap(), "--kind", "notices", "-o", feed.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(run(&["import", sheet.to_str().unwrap(), "--kind", "weather", "-o", "x.json"]).status.code(), Some(2));
    let _ = std::fs::remove_dir_all(d);
}

/// The hashtag row alone is enough, as KoboToolbox and HDX exports have it.
#[test]
fn hashtags_alone_are_enough() {
    let d = dir("hxl");
    let csv = d.join("export.csv");
    std::fs::write(
        &csv,
        "#meta+id,#date+updated,#loc+name+i_ar,#org+name+i_en,#status,#adm2+code,#geo+lat,#geo+lon,#meta+colour\n\
         p1,2026-11-24 08:00,نقطة,Org,open,PS0275,31.28,34.25,red\n",
    )
    .unwrap();
    let feed = d.join("p.json");
    let o = run(&["import", csv.to_str().unwrap(), "--kind", "distribution", "-o", feed.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}", out(&o));
    assert!(out(&o).contains("export.csv!I1 (#meta+colour): warning: not a feed field"), "{}", out(&o));
    assert_eq!(out(&o).matches("not a feed field").count(), 1, "the other columns are fields");
    let v: serde_json::Value = serde_json::from_slice(&std::fs::read(&feed).unwrap()).unwrap();
    assert_eq!(v["items"][0]["organization"], serde_json::json!({"en": "Org"}));
    assert_eq!(v["items"][0]["area"], serde_json::json!(["rafah"]));
    let _ = std::fs::remove_dir_all(d);
}

/// Files LibreOffice wrote (see tests/data/README.md), as ods and as xlsx:
/// both import to the same items, typed dates in Gaza time included.
#[test]
fn sheets_saved_by_libreoffice_import_the_same() {
    let d = dir("libreoffice");
    let expected: serde_json::Value = serde_json::from_str(include_str!("data/points-by-hand.expected.json")).unwrap();
    for ext in ["ods", "xlsx"] {
        let feed = d.join(format!("{ext}.json"));
        let sheet = format!("tests/data/points-by-hand.{ext}");
        let o = run(&["import", &sheet, "--kind", "distribution", "-o", feed.to_str().unwrap()]);
        assert_eq!(o.status.code(), Some(0), "{}", out(&o));
        let v: serde_json::Value = serde_json::from_slice(&std::fs::read(&feed).unwrap()).unwrap();
        assert_eq!(v["items"], expected, "{ext}");
    }
    let _ = std::fs::remove_dir_all(d);
}

/// One bad cell alone is enough to write nothing.
#[test]
fn one_bad_cell_writes_nothing() {
    let d = dir("one-bad");
    let csv = d.join("points.csv");
    std::fs::write(&csv, "id,updated_at,name:ar,status,area,lat,lon,hours\np1,2026-11-24 08:00,نقطة,open,rafah,31.28,34.25,8-15\n").unwrap();
    let feed = d.join("p.json");
    let o = run(&["import", csv.to_str().unwrap(), "--kind", "distribution", "-o", feed.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1), "{}", out(&o));
    assert!(out(&o).contains(r#"points.csv!H2: error: "8-15" is not an hours range; write "08:00–15:00""#), "{}", out(&o));
    assert!(!feed.exists());
    let _ = std::fs::remove_dir_all(d);
}
