//! Sheets made to exhaust the tool (issue 32): each is refused with the limit
//! it passed named, exit 2, nothing written, before it is built in memory.
//! The limits are in `src/sheet/limits.rs` and the README.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn dir(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("bawaba-limits-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

/// `import` of `sheet` to `<sheet>.json`: its exit code and what it said.
fn import(sheet: &Path) -> (Option<i32>, String) {
    let o: Output = Command::new(env!("CARGO_BIN_EXE_bawaba-feed"))
        .args(["import", sheet.to_str().unwrap(), "--kind", "distribution", "-o", sheet.with_extension("json").to_str().unwrap()])
        .output()
        .expect("runs");
    (o.status.code(), String::from_utf8_lossy(&o.stdout).into_owned() + &String::from_utf8_lossy(&o.stderr))
}

fn refused(sheet: &Path, limit: &str) {
    let (code, said) = import(sheet);
    assert_eq!(code, Some(2), "{said}");
    assert!(!sheet.with_extension("json").exists(), "nothing written for {}", sheet.display());
    assert!(said.contains("cannot read: too large") && said.contains(limit) && said.contains("Spreadsheet limits"), "{limit}: {said}");
}

/// The LibreOffice-saved test sheet with some of its parts replaced, as a
/// hostile hand would rezip it.
fn rezip(from: &str, to: &Path, replace: &dyn Fn(&str, Vec<u8>) -> Vec<u8>) {
    let mut src = zip::ZipArchive::new(std::fs::File::open(format!("tests/data/{from}")).unwrap()).unwrap();
    let mut out = zip::ZipWriter::new(std::fs::File::create(to).unwrap());
    let deflate = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated).compression_level(Some(1));
    for i in 0..src.len() {
        let mut entry = src.by_index(i).unwrap();
        let name = entry.name().to_owned();
        let mut bytes = vec![];
        entry.read_to_end(&mut bytes).unwrap();
        out.start_file(&name, deflate).unwrap();
        out.write_all(&replace(&name, bytes)).unwrap();
    }
    out.finish().unwrap();
}

/// Writes `n` for the 4-byte little-endian size at `at`.
fn poke(bytes: &mut [u8], at: usize, n: u32) {
    bytes[at..at + 4].copy_from_slice(&n.to_le_bytes());
}

#[test]
fn a_sheet_that_inflates_past_its_limit_is_refused_whatever_it_declares() {
    let d = dir("inflate");
    // 70 MiB of layout whitespace inside the sheet's XML: 70 KB zipped.
    let bomb = d.join("bomb.xlsx");
    let pad = |name: &str, bytes: Vec<u8>| {
        if name != "xl/worksheets/sheet1.xml" {
            return bytes;
        }
        let xml = String::from_utf8(bytes).unwrap();
        xml.replacen("<sheetData>", &format!("<sheetData>{}", " ".repeat(70 << 20)), 1).into_bytes()
    };
    rezip("points-by-hand.xlsx", &bomb, &pad);
    assert!(std::fs::metadata(&bomb).unwrap().len() < 1 << 20);
    refused(&bomb, "its part xl/worksheets/sheet1.xml inflates to more than 64 MiB");

    // The same part claiming 4 KB in both its headers: counted as it inflates.
    let mut bytes = std::fs::read(&bomb).unwrap();
    let name = b"xl/worksheets/sheet1.xml";
    let headers: Vec<(usize, usize)> = (0..bytes.len() - name.len())
        .filter(|&i| bytes[i..].starts_with(name))
        .filter_map(|i| match () {
            _ if i >= 30 && bytes[i - 30..].starts_with(b"PK\x03\x04") => Some((i - 30, 22)),
            _ if i >= 46 && bytes[i - 46..].starts_with(b"PK\x01\x02") => Some((i - 46, 24)),
            _ => None,
        })
        .collect();
    assert_eq!(headers.len(), 2, "a local header and a central one");
    for (at, size) in headers {
        poke(&mut bytes, at + size, 4096);
    }
    let liar = d.join("liar.xlsx");
    std::fs::write(&liar, bytes).unwrap();
    refused(&liar, "its part xl/worksheets/sheet1.xml inflates to more than 64 MiB");
    let _ = std::fs::remove_dir_all(d);
}

#[test]
fn a_grid_too_large_is_refused_at_its_first_cell_past_the_limit() {
    use rust_xlsxwriter::Workbook;
    let d = dir("grid");
    let book = |name: &str, cells: &[(u32, u16)]| {
        let mut b = Workbook::new();
        let sheet = b.add_worksheet();
        for &(r, c) in cells {
            sheet.write_string(r, c, "x").unwrap();
        }
        let path = d.join(name);
        b.save(&path).unwrap();
        path
    };
    // Two cells a million rows or 16,000 columns apart: a grid of billions.
    refused(&book("far-down.xlsx", &[(0, 0), (1_048_575, 0)]), "more than 30000 rows");
    refused(&book("far-right.xlsx", &[(0, 0), (0, 16_383)]), "more than 100 columns");
    // 10,001 full rows of 100 columns, written straight into the sheet's XML.
    let col = |c: usize| if c < 26 { ((b'A' + c as u8) as char).to_string() } else { format!("{}{}", (b'A' + (c / 26 - 1) as u8) as char, (b'A' + (c % 26) as u8) as char) };
    let rows: String = (1..=10_001).map(|r| format!("<row r=\"{r}\">{}</row>", (0..100).map(|c| format!("<c r=\"{}{r}\"><v>1</v></c>", col(c))).collect::<String>())).collect();
    let many = d.join("many.xlsx");
    rezip("points-by-hand.xlsx", &many, &|name, bytes| {
        if name != "xl/worksheets/sheet1.xml" {
            return bytes;
        }
        let xml = String::from_utf8(bytes).unwrap();
        let (start, end) = (xml.find("<sheetData>").unwrap() + "<sheetData>".len(), xml.find("</sheetData>").unwrap());
        format!("{}{rows}{}", &xml[..start], &xml[end..]).into_bytes()
    });
    refused(&many, "more than 1000000 cells");
    // One shared string of 30,000 characters (near Excel's longest) in
    // 5,000 cells: 143 MiB of text once read, from a file of 100 KB.
    let mut b = Workbook::new();
    let sheet = b.add_worksheet();
    let long = "x".repeat(30_000);
    for r in 0..5_000 {
        sheet.write_string(r, 0, &long).unwrap();
    }
    let shared = d.join("shared.xlsx");
    b.save(&shared).unwrap();
    refused(&shared, "more than 128 MiB of text");
    // Within every limit, the grid is read as before (and says what is wrong).
    let (code, said) = import(&book("fine.xlsx", &[(0, 0), (29_999, 99)]));
    assert_eq!(code, Some(1), "{said}");
    let _ = std::fs::remove_dir_all(d);
}

#[test]
fn an_ods_whose_repeats_would_fill_memory_is_refused_before_it_is_built() {
    let d = dir("ods");
    // Each case puts `cells` at the start of the first row of the sheet
    // LibreOffice saved, or `row` before that row.
    let cases: [(&str, &str, &str, &str); 7] = [
        ("wide", r#"<table:table-cell office:value-type="string" table:number-columns-repeated="1000000000"><text:p>x</text:p></table:table-cell>"#, "", "more than 100 columns"),
        ("long", "", r#"<table:table-row table:number-rows-repeated="100000000"><table:table-cell office:value-type="string"><text:p>x</text:p></table:table-cell></table:table-row>"#, "more than 30000 rows"),
        // An empty run is written out when any cell follows it.
        ("empty-run", r#"<table:table-cell table:number-columns-repeated="100000000"/><table:table-cell/>"#, "", "more than 1000000 cells"),
        // A value in an attribute alone fills a cell.
        ("value-attribute", r#"<table:table-cell office:value="1" table:number-columns-repeated="1000000000"/>"#, "", "more than 100 columns"),
        // The count as the reader reads it, entities unescaped.
        ("entity", "", r#"<table:table-row table:number-rows-repeated="&#49;00000000"><table:table-cell office:value-type="string"><text:p>x</text:p></table:table-cell></table:table-row>"#, "more than 30000 rows"),
        // Three thousand million spaces in one cell.
        ("spaces", r#"<table:table-cell office:value-type="string"><text:p><text:s text:c="3000000000"/></text:p></table:table-cell>"#, "", "more than 128 MiB of text"),
        ("sheet-in-a-cell", r#"<table:table-cell><table:table table:name="inner"></table:table></table:table-cell>"#, "", "a sheet inside a sheet's cell"),
    ];
    for (name, cells, row, expected) in cases {
        let path = d.join(format!("{name}.ods"));
        rezip("points-by-hand.ods", &path, &|part, bytes| {
            if part != "content.xml" {
                return bytes;
            }
            let xml = String::from_utf8(bytes).unwrap();
            let at = xml.find("<table:table-row").unwrap();
            let row_end = at + xml[at..].find('>').unwrap() + 1;
            format!("{}{row}{}{cells}{}", &xml[..at], &xml[at..row_end], &xml[row_end..]).into_bytes()
        });
        let (code, said) = import(&path);
        assert_eq!(code, Some(2), "{name}: {said}");
        assert!(said.contains(expected) && !path.with_extension("json").exists(), "{name}: {said}");
    }
    // The sheet as LibreOffice saved it (its trailing empty rows and
    // columns repeated a million times) is within the limits.
    let saved = d.join("saved.ods");
    std::fs::copy("tests/data/points-by-hand.ods", &saved).unwrap();
    let (code, said) = import(&saved);
    assert_eq!(code, Some(0), "{said}");
    let _ = std::fs::remove_dir_all(d);
}

#[test]
fn a_file_too_large_or_of_another_kind_is_refused_unread() {
    let d = dir("file");
    let big = d.join("big.csv");
    std::fs::write(&big, "id,name:en\n".to_owned() + &"p,x\n".repeat(3 << 20)).unwrap();
    refused(&big, "the file is 12.0 MiB");
    // A file of commas is empty rows, counted as rows.
    let commas = d.join("commas.csv");
    std::fs::write(&commas, ",,,,\n".repeat(1 << 20)).unwrap();
    refused(&commas, "more than 30000 rows");
    let xls = d.join("old.xls");
    std::fs::write(&xls, b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1").unwrap();
    let (code, said) = import(&xls);
    assert_eq!(code, Some(2), "{said}");
    assert!(said.contains("save it as .xlsx, .ods or .csv"), "{said}");
    let _ = std::fs::remove_dir_all(d);
}
