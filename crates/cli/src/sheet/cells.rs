//! What a cell says: a governorate, weekly hours, a time, a number, in the
//! ways publishers write them (Arabic-Indic digits, dashes, local times).

use super::WEEK;
use crate::say::Say;
use crate::args::GAZA;
use bawaba_model::Area;
use bawaba_ui::i18n::{Label, Lang};
use chrono::{NaiveDate, NaiveDateTime, TimeZone};
use serde_json::{json, Value};

/// A cell as the sheet holds it.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Empty,
    Text(String),
    Number(f64),
    /// A cell typed as a date in the spreadsheet (local time, no zone).
    Date(NaiveDateTime),
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
pub fn hours_of(text: &str) -> Result<Value, Say> {
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
            return Err(Say::NotHours(times.trim().to_owned()));
        };
        if clocks.len() != 2 {
            return Err(Say::NotHours(times.trim().to_owned()));
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
                let bad = || Say::NotDays(days.trim().to_owned());
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
pub fn time_of(cell: &Cell) -> Result<String, Say> {
    let local = |n: NaiveDateTime| {
        GAZA.from_local_datetime(&n).earliest().map(|t| t.to_rfc3339_opts(chrono::SecondsFormat::Secs, false)).ok_or(Say::NoValue)
    };
    let text = match cell {
        Cell::Date(d) => return local(*d),
        Cell::Text(t) => ascii_digits(t.trim()),
        Cell::Number(n) => n.to_string(),
        Cell::Empty => return Err(Say::NoValue),
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
    Err(Say::NotDateTime(text))
}

pub fn number_of(text: &str) -> Option<f64> {
    let t = ascii_digits(text.trim());
    let t = if t.contains('.') { t } else { t.replace(',', ".") };
    t.parse::<f64>().ok().filter(|n| n.is_finite())
}

pub fn text_of(c: &Cell) -> String {
    match c {
        Cell::Text(t) => t.trim().to_owned(),
        // Display writes 12.0 as "12": an id typed as a number reads back as typed.
        Cell::Number(n) => n.to_string(),
        Cell::Date(d) => d.format("%Y-%m-%d %H:%M").to_string(),
        Cell::Empty => String::new(),
    }
}

pub fn word(s: &str) -> String {
    s.trim().to_lowercase().replace([' ', '-'], "_")
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
        assert_eq!(hours_of("Sun–Thu 8-15").unwrap_err().to_string(), r#""8-15" is not an hours range; write "08:00–15:00""#);
        assert_eq!(hours_of("Sun–Thu 08:00").unwrap_err().to_string(), r#""08:00" is not an hours range; write "08:00–15:00""#);
        assert_eq!(hours_of("Sun–Thu 08:00–25:00").unwrap_err().to_string(), r#""08:00–25:00" is not an hours range; write "08:00–15:00""#);
        assert_eq!(hours_of("Sunnday 08:00–15:00").unwrap_err().to_string(), r#""Sunnday" are not days; write "Sun–Thu" or "Sat, Mon""#);
        assert_eq!(hours_of("الأحد 08:00–15:00").unwrap_err().to_string(), r#""الأحد" are not days; write "Sun–Thu" or "Sat, Mon""#);
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
        assert!(time_of(&Cell::Text("24/11/2026".into())).unwrap_err().to_string().starts_with("\"24/11/2026\" is not a date and time"));
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

}
