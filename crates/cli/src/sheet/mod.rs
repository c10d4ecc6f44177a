//! Feeds as spreadsheets, for publishers who keep their lists in Excel,
//! LibreOffice or a KoboToolbox export: `export --to csv|xlsx` and `template`
//! write one row per item under a header row (the feed's own field names,
//! `name:ar` for text in a language) and an HXL hashtag row; `import` reads
//! such a sheet back (see `import.rs`). The columns, and how each cell is
//! written, are defined once here; `read`, `cells` and `write` do the rest.

pub mod cells;
pub mod limits;
pub mod read;
pub mod write;

use bawaba_model::FeedKind;

/// The week as Gaza's working week reads it, so "Sun–Thu" and "Sat–Thu" are
/// ranges.
pub const WEEK: [&str; 7] = ["sat", "sun", "mon", "tue", "wed", "thu", "fri"];

/// The languages a template offers a column for.
pub const LANGS: [&str; 4] = ["ar", "en", "he", "fr"];

/// What a column holds.
#[derive(Debug, Clone, PartialEq)]
pub enum Col {
    /// A field written as it is: id, status, type, …
    Plain(&'static str),
    /// A LocalizedText field in one language.
    Text(&'static str, String),
    /// A list of words: area, services, allowed ("a, b").
    List(&'static str),
    /// A timestamp: updated_at, effective_at, expires_at.
    Time(&'static str),
    Lat,
    Lon,
    /// "Sun–Thu 08:00–15:00; Fri 10:00–12:00"
    Hours,
    /// "start – end; start – end", each an RFC 3339 timestamp.
    Windows,
    /// "lat lon; lat lon; …"
    Path,
    /// The first link's address, and its label in one language.
    Link,
    LinkLabel(String),
    /// Other publishers' items for the same thing: "feed/id; feed/id".
    SameAs,
}

impl Col {
    /// The header: the feed's field name, with `:lang` for a language.
    pub fn header(&self) -> String {
        match self {
            Col::Plain(k) | Col::List(k) | Col::Time(k) => (*k).to_owned(),
            Col::Text(k, l) => format!("{k}:{l}"),
            Col::Lat => "lat".into(),
            Col::Lon => "lon".into(),
            Col::Hours => "hours".into(),
            Col::Windows => "windows".into(),
            Col::Path => "path".into(),
            Col::Link => "link".into(),
            Col::LinkLabel(l) => format!("link_label:{l}"),
            Col::SameAs => "same_as".into(),
        }
    }

    /// The HXL hashtag (https://hxlstandard.org), with `+i_ar` for a language.
    pub fn hashtag(&self) -> String {
        let lang = |l: &str| format!("+i_{l}");
        match self {
            Col::Plain("id") => "#meta+id".into(),
            Col::Plain("status") => "#status".into(),
            Col::Plain(k) => format!("#meta+{k}"),
            Col::Text("name", l) => format!("#loc+name{}", lang(l)),
            Col::Text("organization", l) => format!("#org+name{}", lang(l)),
            Col::Text(k, l) => format!("#meta+{k}{}", lang(l)),
            Col::List("area") => "#adm2+code".into(),
            Col::List("services") => "#service".into(),
            Col::List(k) => format!("#meta+{k}"),
            Col::Time("updated_at") => "#date+updated".into(),
            Col::Time("effective_at") => "#date+start".into(),
            Col::Time("expires_at") => "#date+end".into(),
            Col::Time(k) => format!("#date+{k}"),
            Col::Lat => "#geo+lat".into(),
            Col::Lon => "#geo+lon".into(),
            Col::Hours => "#meta+hours".into(),
            Col::Windows => "#meta+windows".into(),
            Col::Path => "#geo+path".into(),
            Col::Link => "#meta+url".into(),
            Col::LinkLabel(l) => format!("#meta+url+label{}", lang(l)),
            Col::SameAs => "#meta+same_as".into(),
        }
    }
}

/// The columns of a sheet of this kind, in order.
pub fn columns(kind: FeedKind) -> Vec<Col> {
    let texts = |k: &'static str| LANGS.iter().map(move |l| Col::Text(k, (*l).to_owned()));
    let mut c = vec![Col::Plain("id"), Col::Time("updated_at")];
    match kind {
        FeedKind::Corridors => {
            c.extend(texts("name"));
            c.extend([Col::Plain("type"), Col::Plain("status"), Col::Hours, Col::Windows, Col::List("allowed"), Col::Plain("direction")]);
        }
        FeedKind::DistributionPoints => {
            c.extend(texts("name"));
            c.extend(texts("organization"));
            c.extend([Col::Plain("status"), Col::List("services"), Col::Hours, Col::Windows]);
            c.extend(texts("landmark"));
            c.extend(texts("requirements"));
        }
        FeedKind::Notices => {
            c.extend(texts("title"));
            c.extend(texts("body"));
            c.extend([Col::Plain("category"), Col::Plain("severity"), Col::Time("effective_at"), Col::Time("expires_at")]);
        }
        FeedKind::Other(_) => {}
    }
    c.extend([Col::List("area"), Col::Lat, Col::Lon]);
    if kind == FeedKind::Corridors {
        c.push(Col::Path);
    }
    c.extend(texts("notes"));
    c.push(Col::Link);
    c.extend(LANGS.iter().map(|l| Col::LinkLabel((*l).to_owned())));
    c.push(Col::SameAs);
    c
}

/// The sheet's name: the kind, as a publisher would call it.
pub fn sheet_name(kind: &FeedKind) -> &'static str {
    match kind {
        FeedKind::Corridors => "Corridors",
        FeedKind::Notices => "Notices",
        _ => "Points",
    }
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
pub fn from_header(h: &str) -> Option<Col> {
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
pub fn from_hashtag(tag: &str) -> Option<Col> {
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

#[cfg(test)]
mod tests {
    use super::*;

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
            for c in columns(kind.clone()) {
                assert_eq!(from_header(&c.header()).as_ref(), Some(&c), "{}", c.header());
                assert_eq!(from_hashtag(&c.hashtag()).as_ref(), Some(&c), "{}", c.hashtag());
            }
        }
    }
}
