//! A feed written as a sheet (`export --to csv|xlsx`, `template`): one row
//! per item under the header and hashtag rows.

use super::{columns, Col, WEEK};
use bawaba_model::FeedKind;
use serde_json::Value;

/// "Sun–Thu 08:00–15:00": consecutive days as a range, others listed.
pub fn hours_text(slots: &[Value]) -> String {
    let name = |d: &str| WEEK.iter().position(|x| *x == d);
    let cap = |d: &str| d[..1].to_uppercase() + &d[1..];
    slots
        .iter()
        .map(|s| {
            let mut days: Vec<usize> = s["days"].as_array().into_iter().flatten().filter_map(|d| name(d.as_str()?)).collect();
            days.sort_unstable();
            days.dedup();
            let consecutive = days.windows(2).all(|w| w[1] == w[0] + 1);
            let days = match days.as_slice() {
                [] => String::new(),
                [one] => cap(WEEK[*one]),
                [a, .., b] if consecutive => format!("{}–{}", cap(WEEK[*a]), cap(WEEK[*b])),
                all => all.iter().map(|d| cap(WEEK[*d])).collect::<Vec<_>>().join(", "),
            };
            format!("{days} {}–{}", s["open"].as_str().unwrap_or(""), s["close"].as_str().unwrap_or(""))
        })
        .collect::<Vec<_>>()
        .join("; ")
}

fn number(v: &Value) -> String {
    v.as_f64().map(|n| n.to_string()).unwrap_or_default()
}

/// A list field's elements, each as `one` writes it, joined by `sep`.
fn each(v: &Value, sep: &str, one: impl Fn(&Value) -> String) -> String {
    v.as_array().into_iter().flatten().map(one).collect::<Vec<_>>().join(sep)
}

/// One item's cell under one column, as text.
pub fn cell(item: &Value, col: &Col) -> String {
    let s = |v: &Value| v.as_str().unwrap_or("").to_owned();
    let link = &item["links"][0];
    match col {
        Col::Plain(k) | Col::Time(k) => s(&item[*k]),
        Col::Text(k, l) => s(&item[*k][l.as_str()]),
        Col::List(k) => each(&item[*k], ", ", s),
        Col::Lat => number(&item["location"]["lat"]),
        Col::Lon => number(&item["location"]["lon"]),
        Col::Hours => item["hours"].as_array().map(|h| hours_text(h)).unwrap_or_default(),
        Col::Windows => each(&item["windows"], "; ", |w| format!("{} – {}", s(&w["start"]), s(&w["end"]))),
        Col::Path => each(&item["path"], "; ", |p| format!("{} {}", number(&p["lat"]), number(&p["lon"]))),
        Col::Link => s(&link["url"]),
        Col::LinkLabel(l) => s(&link["label"][l.as_str()]),
        Col::SameAs => each(&item["same_as"], "; ", |r| format!("{}/{}", s(&r["feed"]), s(&r["id"]))),
    }
}

/// The rows of a sheet for a feed: header, hashtags, one row per item.
/// Columns no item fills are left out, except those a template needs.
pub fn rows(feed: &Value, kind: FeedKind, keep_empty: bool) -> Vec<Vec<String>> {
    let items = feed["items"].as_array().cloned().unwrap_or_default();
    let cols: Vec<Col> =
        columns(kind).into_iter().filter(|c| keep_empty || items.iter().any(|i| !cell(i, c).is_empty())).collect();
    let mut out = vec![cols.iter().map(Col::header).collect(), cols.iter().map(Col::hashtag).collect()];
    out.extend(items.iter().map(|i| cols.iter().map(|c| cell(i, c)).collect()));
    out
}

/// How to fill each column, in Arabic and English: the template's second sheet.
pub const HELP: &[(&str, &str, &str)] = &[
    ("id", "معرّف ثابت لكل مكان، بلا مسافات (مثل khan-younis-kitchen-1). لا تغيّره.", "A fixed id for each place, no spaces (e.g. khan-younis-kitchen-1). Never change it."),
    ("updated_at", "متى تحقّقت من المعلومات: تاريخ ووقت (بتوقيت غزة)، مثل 2026-11-24 08:00.", "When you checked the information: a date and time (Gaza time), e.g. 2026-11-24 08:00."),
    ("name:ar, name:en, …", "الاسم بكل لغة في عمود خاص بها: ar عربي، en إنجليزي، he عبري، fr فرنسي. العربية أولًا.", "The name in each language, one column each: ar Arabic, en English, he Hebrew, fr French. Arabic first."),
    ("status", "open مفتوح، closed مغلق؛ للنقاط أيضًا suspended معلّق، out_of_stock نفد، moved انتقل.", "open, closed; for points also suspended, out_of_stock, moved."),
    ("hours", "أيام وساعات العمل بالإنجليزية: Sun–Thu 08:00–15:00، وافصل بين الفترات بفاصلة منقوطة: Sat 09:00–12:00; Sun–Thu 08:00–15:00.", "Opening days and hours: Sun–Thu 08:00–15:00; separate periods with a semicolon: Sat 09:00–12:00; Sun–Thu 08:00–15:00."),
    ("windows", "فترات بتاريخ محدد: بداية – نهاية، مثل 2026-11-25 09:00 – 2026-11-25 13:00.", "Dated openings: start – end, e.g. 2026-11-25 09:00 – 2026-11-25 13:00."),
    ("area", "المحافظة: north_gaza أو gaza أو deir_al_balah أو khan_younis أو rafah، أو اسمها، أو رمزها (PS0270).", "The governorate: north_gaza, gaza, deir_al_balah, khan_younis or rafah, or its name, or its P-code (PS0270)."),
    ("lat, lon", "الموقع بالأرقام العشرية (31.3462 و34.3060)، أو الاثنان في خانة lat مثل 31.3462, 34.3060.", "The position in decimal degrees (31.3462 and 34.3060), or both in lat as 31.3462, 34.3060."),
    ("services, allowed", "كلمات من القائمة مفصولة بفواصل: food, bread, water …", "Words from the list, separated by commas: food, bread, water …"),
    ("link, link_label:ar, …", "رابط يبدأ بـ https:// أو رقم هاتف يبدأ بـ tel:، واسمه بكل لغة.", "A link starting with https:// or a phone number starting with tel:, and its label in each language."),
    ("same_as", "اختياري: نفس المكان كما تنشره جهة أخرى، بمعرّف نشرتها ومعرّفه: other-feed/place-id؛ وافصل بين أكثر من واحد بفاصلة منقوطة.", "Optional: the same place as another publisher publishes it, as their feed's id and its id: other-feed/place-id; separate several with a semicolon."),
    ("#…", "الصف الثاني وسوم HXL، يمكن الاستغناء عنه أو عن صف العناوين.", "The second row is HXL hashtags; either it or the header row alone is enough."),
];

/// Rows as a CSV file's bytes: UTF-8 with a byte-order mark, so Excel reads
/// Arabic (also the desk's export, which has no file system).
pub fn csv_bytes(rows: &[Vec<String>]) -> Result<Vec<u8>, String> {
    let mut w = csv::Writer::from_writer(Vec::from("\u{feff}".as_bytes()));
    for r in rows {
        w.write_record(r).map_err(|e| e.to_string())?;
    }
    w.into_inner().map_err(|e| e.to_string())
}

/// Writes rows as CSV (UTF-8 with a byte-order mark, so Excel reads Arabic)
/// or as an xlsx workbook whose cells are all text (so "08:00" stays a time
/// as written), with the help sheet when `help` is set.
pub fn write(path: &std::path::Path, name: &str, rows: &[Vec<String>], help: bool) -> Result<(), String> {
    let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("").to_ascii_lowercase();
    if ext == "csv" {
        return std::fs::write(path, csv_bytes(rows)?).map_err(|e| e.to_string());
    }
    if ext != "xlsx" {
        return Err("write a .xlsx or a .csv file".into());
    }
    use rust_xlsxwriter::{Format, Workbook};
    let mut book = Workbook::new();
    let text = Format::new().set_num_format("@");
    let bold = Format::new().set_bold().set_num_format("@");
    let sheet = book.add_worksheet().set_name(name).map_err(|e| e.to_string())?;
    for (r, row) in rows.iter().enumerate() {
        for (c, v) in row.iter().enumerate() {
            let f = if r < 2 { &bold } else { &text };
            sheet.write_string_with_format(r as u32, c as u16, v, f).map_err(|e| e.to_string())?;
        }
    }
    if help {
        let sheet = book.add_worksheet().set_name("Help").map_err(|e| e.to_string())?;
        for (c, h) in ["column / العمود", "العربية", "English"].iter().enumerate() {
            sheet.write_string_with_format(0, c as u16, *h, &bold).map_err(|e| e.to_string())?;
        }
        for (r, (col, ar, en)) in HELP.iter().enumerate() {
            for (c, v) in [col, ar, en].iter().enumerate() {
                sheet.write_string(r as u32 + 1, c as u16, **v).map_err(|e| e.to_string())?;
            }
        }
    }
    book.save(path).map_err(|e| e.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn hours_read_as_ranges_or_lists() {
        let slots = json!([
            {"days": ["sun", "mon", "tue", "wed", "thu"], "open": "08:00", "close": "15:00"},
            {"days": ["sat", "mon", "wed"], "open": "09:00", "close": "12:00"},
            {"days": ["fri"], "open": "10:00", "close": "11:00"}
        ]);
        assert_eq!(hours_text(slots.as_array().unwrap()), "Sun–Thu 08:00–15:00; Sat, Mon, Wed 09:00–12:00; Fri 10:00–11:00");
    }

    #[test]
    fn every_column_has_a_header_and_a_hashtag_of_its_own() {
        for kind in [FeedKind::Corridors, FeedKind::DistributionPoints, FeedKind::Notices] {
            let cols = columns(kind.clone());
            let mut headers: Vec<_> = cols.iter().map(Col::header).collect();
            let mut tags: Vec<_> = cols.iter().map(Col::hashtag).collect();
            headers.sort();
            headers.dedup();
            tags.sort();
            tags.dedup();
            assert_eq!((headers.len(), tags.len()), (cols.len(), cols.len()), "{kind:?}");
        }
    }
}
