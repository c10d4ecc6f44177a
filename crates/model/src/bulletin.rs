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

    /// The bytes a feed block carries: its text, or its base64 decoded
    /// (`data-encoding="base64"`); `None` when that base64 does not decode.
    pub fn bytes(&self) -> Option<Vec<u8>> {
        match self.attr("data-encoding") {
            Some("base64") => crate::detached::decode_base64(self.text.trim()),
            _ => Some(self.text.clone().into_bytes()),
        }
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

/// The most feeds a bulletin may carry. A deployment names a few feeds (the
/// contract's largest has ten of one kind); a page with more is not one a
/// portal wrote, and each block would cost the reader a line and a check.
pub const MAX_FEEDS: usize = 64;

/// Why a file is not taken in at all.
#[derive(Debug, PartialEq, Eq)]
pub enum Refused {
    /// No `bawaba-bulletin` block naming this format, or no feed.
    NotBulletin,
    /// More than `MAX_FEEDS` feed blocks (how many).
    TooManyFeeds(usize),
}

/// What a bulletin carries: each feed once, and the addresses of feeds it
/// carries twice or more with different bytes or signatures, which are left
/// out whole (which copy would be the publisher's cannot be told).
#[derive(Default)]
pub struct Reading {
    pub feeds: Vec<Carried>,
    pub twice: Vec<String>,
}

/// The feeds of a bulletin, or why the page is not taken in.
pub fn carried(html: &str) -> Result<Reading, Refused> {
    let all = blocks(html);
    let meta = all.iter().find(|b| b.attr("class") == Some("bawaba-bulletin")).ok_or(Refused::NotBulletin)?;
    let json = crate::json::Json::parse(meta.text.as_bytes()).map_err(|_| Refused::NotBulletin)?;
    if json.get("format").and_then(crate::json::Json::as_str) != Some(FORMAT) {
        return Err(Refused::NotBulletin);
    }
    let feeds: Vec<&Block> = all.iter().filter(|b| b.attr("class") == Some("bawaba-feed")).collect();
    if feeds.len() > MAX_FEEDS {
        return Err(Refused::TooManyFeeds(feeds.len()));
    }
    let mut reading = Reading::default();
    for b in feeds {
        let c = Carried {
            url: b.attr("data-url").unwrap_or_default().to_owned(),
            bytes: b.bytes(),
            signature: b.attr("data-sig").map(str::to_owned),
        };
        if reading.twice.contains(&c.url) {
            continue;
        }
        match reading.feeds.iter().position(|f| f.url == c.url) {
            Some(i) if reading.feeds[i].bytes == c.bytes && reading.feeds[i].signature == c.signature => {}
            Some(i) => {
                reading.twice.push(reading.feeds.remove(i).url);
            }
            None => reading.feeds.push(c),
        }
    }
    if reading.feeds.is_empty() && reading.twice.is_empty() {
        return Err(Refused::NotBulletin);
    }
    Ok(reading)
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
        let c = carried(&page).ok().expect("a bulletin").feeds;
        assert_eq!(c.len(), 2);
        assert_eq!((c[0].url.as_str(), c[0].bytes.as_deref(), c[0].signature.as_deref()), ("data/a.json", Some(&b"{\"a\":1}"[..]), Some("c2ln")));
        assert_eq!((c[1].url.as_str(), c[1].bytes.as_deref(), c[1].signature.as_deref()), ("data/b.json", Some(&b"{\"b\":2}"[..]), None));
        assert_eq!(carried(feed).err(), Some(Refused::NotBulletin), "feeds without the bulletin block");
        assert_eq!(carried(&format!("{}{feed}", meta("bawaba-bulletin/2"))).err(), Some(Refused::NotBulletin), "another format");
        assert_eq!(carried("<p>Rafah crossing open</p>").err(), Some(Refused::NotBulletin));
        assert_eq!(carried(&meta(FORMAT)).err(), Some(Refused::NotBulletin), "no feed");
        let broken = format!("{}<script type=\"application/json\" class=\"bawaba-feed\" data-url=\"x\" data-encoding=\"base64\">!!</script>", meta(FORMAT));
        assert_eq!(carried(&broken).ok().unwrap().feeds[0].bytes, None);
    }

    fn block(url: &str, text: &str) -> String {
        format!("<script type=\"application/json\" class=\"bawaba-feed\" data-url=\"{url}\">{text}</script>")
    }
    const META: &str = "<script type=\"application/json\" class=\"bawaba-bulletin\">{\"format\":\"bawaba-bulletin/1\"}</script>";

    /// Issue 32: bulletins at their limits each have one clear outcome.
    #[test]
    fn too_many_feeds_is_refused_whole() {
        let page = |n: usize| META.to_owned() + &(0..n).map(|i| block(&format!("data/{i}.json"), "{}")).collect::<String>();
        assert_eq!(carried(&page(MAX_FEEDS)).ok().map(|r| r.feeds.len()), Some(MAX_FEEDS));
        assert_eq!(carried(&page(10_000)).err(), Some(Refused::TooManyFeeds(10_000)));
    }

    #[test]
    fn a_feed_carried_twice_is_taken_once_or_not_at_all() {
        let page = META.to_owned() + &block("a.json", "{\"a\":1}") + &block("b.json", "{\"b\":1}") + &block("a.json", "{\"a\":1}")
            + &block("b.json", "{\"b\":2}") + &block("b.json", "{\"b\":1}");
        let r = carried(&page).ok().unwrap();
        // The same bytes twice: one copy. Different bytes: neither, named.
        assert_eq!(r.feeds.iter().map(|f| f.url.as_str()).collect::<Vec<_>>(), ["a.json"]);
        assert_eq!(r.twice, ["b.json"]);
        let only_twice = META.to_owned() + &block("b.json", "1") + &block("b.json", "2");
        assert_eq!(carried(&only_twice).ok().map(|r| (r.feeds.len(), r.twice)), Some((0, vec!["b.json".to_owned()])));
    }

    #[test]
    fn deep_nesting_in_a_block_is_an_error_not_a_crash() {
        let deep = "[".repeat(100_000) + &"]".repeat(100_000);
        // In the bulletin's own block: not a bulletin.
        let meta = format!("<script type=\"application/json\" class=\"bawaba-bulletin\">{{\"format\":\"bawaba-bulletin/1\",\"x\":{deep}}}</script>");
        assert_eq!(carried(&(meta + &block("a.json", "{}"))).err(), Some(Refused::NotBulletin));
        // In a feed's block: carried as it is, and refused by the feed's own
        // checks (a damaged file), as a downloaded one would be.
        let r = carried(&(META.to_owned() + &block("a.json", &deep))).ok().unwrap();
        assert_eq!(crate::parse_feed(r.feeds[0].bytes.as_deref().unwrap()).err(), Some(crate::FeedError::NotJson));
    }
}
