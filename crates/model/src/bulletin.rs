//! Bulletins: the pages `bawaba-feed publish` writes carry each feed's exact
//! bytes, and its signature, in inert `<script type="application/json">`
//! blocks (docs/feed-format.md, "Bulletins"). How a reader finds them: one
//! reading for the publishers' `verify` and the portal's "Open a shared file".

/// The format a bulletin's `bawaba-bulletin` block names.
pub const FORMAT: &str = "bawaba-bulletin/1";

/// An inert block: its attributes (unescaped) and its text as written.
pub struct Block {
    pub attrs: Vec<(String, String)>,
    pub text: String,
}

impl Block {
    pub fn attr(&self, name: &str) -> Option<&str> {
        self.attrs.iter().find(|(k, _)| k == name).map(|(_, v)| v.as_str())
    }
}

/// The escapes `publish` writes in attribute values and text.
pub fn unescape(s: &str) -> String {
    s.replace("&quot;", "\"").replace("&#x27;", "'").replace("&#39;", "'").replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")
}

/// Every inert JSON block of a page, in order.
pub fn blocks(html: &str) -> Vec<Block> {
    let mut out = vec![];
    let mut rest = html;
    while let Some(start) = rest.find("<script type=\"application/json\"") {
        let after = &rest[start..];
        let Some(end_tag) = after.find('>') else { break };
        let tag = &after[..end_tag];
        let Some(close) = after[end_tag..].find("</script>") else { break };
        let text = after[end_tag + 1..end_tag + close].to_owned();
        let mut attrs = vec![];
        let mut t = tag;
        while let Some(eq) = t.find("=\"") {
            let name = t[..eq].rsplit([' ', '\n']).next().unwrap_or("").to_owned();
            let v = &t[eq + 2..];
            let Some(q) = v.find('"') else { break };
            attrs.push((name, unescape(&v[..q])));
            // From the closing quote: the next search skips it.
            t = &v[q..];
        }
        out.push(Block { attrs, text });
        rest = &after[end_tag + close..];
    }
    out
}

/// One feed a bulletin carries: where the deployment lists it, its bytes
/// (`None` when its base64 cannot be decoded) and its signature.
pub struct Carried {
    pub url: String,
    pub bytes: Option<Vec<u8>>,
    pub signature: Option<String>,
}

/// The feeds of a bulletin, or `None` when the page is not one (no
/// `bawaba-bulletin` block naming this format).
pub fn carried(html: &str) -> Option<Vec<Carried>> {
    let all = blocks(html);
    let meta = all.iter().find(|b| b.attr("class") == Some("bawaba-bulletin"))?;
    let format = crate::json::Json::parse(meta.text.as_bytes()).ok()?.get("format")?.as_str()?.to_owned();
    if format != FORMAT {
        return None;
    }
    Some(
        all.iter()
            .filter(|b| b.attr("class") == Some("bawaba-feed"))
            .map(|b| Carried {
                url: b.attr("data-url").unwrap_or_default().to_owned(),
                bytes: match b.attr("data-encoding") {
                    Some("base64") => crate::detached::decode_base64(b.text.trim()),
                    _ => Some(b.text.clone().into_bytes()),
                },
                signature: b.attr("data-sig").map(str::to_owned),
            })
            .collect(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_are_read_with_their_attributes_and_raw_text() {
        let html = "<p>x</p><script type=\"application/json\" class=\"bawaba-feed\" data-url=\"a&amp;b.json\" data-sig=\"\">{\"a\":\"<b>\"}</script>\n\
                    <script type=\"application/json\" class=\"bawaba-bulletin\">{}</script>";
        let b = blocks(html);
        assert_eq!(b.len(), 2);
        assert_eq!(b[0].attr("class"), Some("bawaba-feed"));
        assert_eq!(b[0].attr("data-url"), Some("a&b.json"), "attribute values are unescaped");
        assert_eq!(b[0].attr("data-sig"), Some(""));
        assert_eq!(b[0].text, "{\"a\":\"<b>\"}", "the text exactly as it is");
        assert_eq!((b[1].attr("class"), b[1].text.as_str()), (Some("bawaba-bulletin"), "{}"));
        // A text longer than its tag, as every feed is.
        let long = format!("<script type=\"application/json\" class=\"f\">{}</script><script type=\"application/json\" class=\"g\">2</script>", "x".repeat(500));
        let b = blocks(&long);
        assert_eq!(b.iter().map(|b| (b.attr("class").unwrap(), b.text.len())).collect::<Vec<_>>(), [("f", 500), ("g", 1)]);
    }

    #[test]
    fn a_bulletin_is_known_by_its_block_and_format() {
        let feed = "<script type=\"application/json\" class=\"bawaba-feed\" data-url=\"data/a.json\" data-sig=\"c2ln\">{\"a\":1}</script>";
        let coded = "<script type=\"application/json\" class=\"bawaba-feed\" data-url=\"data/b.json\" data-encoding=\"base64\">eyJiIjoyfQ==</script>";
        let meta = |f: &str| format!("<script type=\"application/json\" class=\"bawaba-bulletin\">{{\"format\":\"{f}\"}}</script>");
        let page = format!("{}{feed}{coded}", meta(FORMAT));
        let c = carried(&page).expect("a bulletin");
        assert_eq!(c.len(), 2);
        assert_eq!((c[0].url.as_str(), c[0].bytes.as_deref(), c[0].signature.as_deref()), ("data/a.json", Some(&b"{\"a\":1}"[..]), Some("c2ln")));
        assert_eq!((c[1].url.as_str(), c[1].bytes.as_deref(), c[1].signature.as_deref()), ("data/b.json", Some(&b"{\"b\":2}"[..]), None));
        assert!(carried(feed).is_none(), "feeds without the bulletin block");
        assert!(carried(&format!("{}{feed}", meta("bawaba-bulletin/2"))).is_none(), "another format");
        assert!(carried("<p>Rafah crossing open</p>").is_none());
        let broken = format!("{}<script type=\"application/json\" class=\"bawaba-feed\" data-url=\"x\" data-encoding=\"base64\">!!</script>", meta(FORMAT));
        assert_eq!(carried(&broken).unwrap()[0].bytes, None);
    }
}
