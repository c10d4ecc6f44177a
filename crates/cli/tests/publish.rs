//! `bawaba-feed publish` on real deployment folders: the static edition as a
//! reader's browser parses it, and what it refuses.

use scraper::{Html, Selector};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const AT: &str = "2026-11-24T16:00:00+02:00";

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_bawaba-feed")).args(args).output().expect("runs")
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// The demo deployment's feeds (`public/config.json`).
const DEMO_FEEDS: [&str; 4] = ["corridors", "distribution", "distribution-committee", "notices"];

fn public() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../public")
}

/// A deployment folder with the demo config and feeds, as a build leaves them.
fn deployment(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("bawaba-publish-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("data")).unwrap();
    std::fs::copy(public().join("config.json"), dir.join("config.json")).unwrap();
    for f in DEMO_FEEDS {
        std::fs::copy(public().join(format!("data/{f}.json")), dir.join(format!("data/{f}.json"))).unwrap();
    }
    dir
}

/// The demo deployment with a signing key (`publisher.key`, trusted in
/// `config.json` as "coordination-2026") and every feed signed with it.
fn signed_deployment(name: &str) -> PathBuf {
    let dir = deployment(name);
    let key = dir.join("publisher.key");
    assert_eq!(run(&["keygen", key.to_str().unwrap()]).status.code(), Some(0));
    let public_key = std::fs::read_to_string(dir.join("publisher.key.pub")).unwrap();
    let config = std::fs::read_to_string(dir.join("config.json")).unwrap();
    let config = config.trim_end().trim_end_matches('}').to_owned()
        + &format!(",\"trusted_keys\":[{{\"id\":\"coordination-2026\",\"ed25519\":\"{}\"}}]}}", public_key.trim());
    std::fs::write(dir.join("config.json"), config).unwrap();
    for f in DEMO_FEEDS {
        let o = run(&["sign", dir.join(format!("data/{f}.json")).to_str().unwrap(), "--key", key.to_str().unwrap()]);
        assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    }
    dir
}

fn page(dir: &Path, lang: &str) -> (String, Html) {
    let text = std::fs::read_to_string(dir.join(format!("static/{lang}.html"))).unwrap();
    let html = Html::parse_document(&text);
    (text, html)
}

fn sel(s: &str) -> Selector {
    Selector::parse(s).unwrap()
}

/// What a reader sees: the text of the body without the inert feed blocks.
fn visible_text(html: &Html) -> String {
    let main = html.select(&sel("body > header, body > aside, body > main")).flat_map(|e| e.text()).collect::<Vec<_>>();
    main.join(" ").split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Every valid item's name (or title) in one language, by the model's own
/// fallback, from the feed files.
fn names(lang: &str) -> Vec<String> {
    use bawaba_model::{parse_feed, Items, LocalizedText};
    let mut out = vec![];
    let now = chrono::DateTime::parse_from_rfc3339(AT).unwrap().with_timezone(&chrono::Utc);
    let name = |t: &LocalizedText| t.resolve(lang, "ar").unwrap().text.split_whitespace().collect::<Vec<_>>().join(" ");
    for f in DEMO_FEEDS {
        let feed = parse_feed(&std::fs::read(public().join(format!("data/{f}.json"))).unwrap()).unwrap();
        assert_eq!(feed.skipped, 0, "{f}: the demo feeds are whole");
        match &feed.items {
            Items::Corridors(v) => out.extend(v.iter().map(|c| name(&c.name))),
            Items::DistributionPoints(v) => out.extend(v.iter().map(|p| name(&p.name))),
            Items::Notices(v) => out.extend(v.iter().filter(|n| !n.is_expired(now)).map(|n| name(&n.title))),
        }
    }
    out
}

#[test]
fn the_demo_deployment_publishes_a_page_per_language_with_every_item_and_no_script() {
    let dir = deployment("demo");
    let o = run(&["publish", dir.to_str().unwrap(), "--at", AT]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    for (lang, dir_attr, open_now, published) in [
        ("en", "ltr", "Open now", "As published Tue 24 Nov 2026 16:00, Gaza time"),
        ("ar", "rtl", "مفتوح الآن", "كما نُشرت في الثلاثاء ٢٤ تشرين الثاني ٢٠٢٦ الساعة ١٦:٠٠ بتوقيت غزة"),
        ("he", "rtl", "פתוח עכשיו", "שעון עזה"),
        ("fr", "ltr", "Ouvert maintenant", "heure de Gaza"),
    ] {
        let (text, html) = page(&dir, lang);
        assert!(html.errors.is_empty(), "{lang}: the page parses without errors: {:?}", html.errors);
        let root = html.select(&sel("html")).next().unwrap();
        assert_eq!((root.attr("lang"), root.attr("dir")), (Some(lang), Some(dir_attr)));
        // No script at all: the only <script> elements are the inert feed blocks.
        for s in html.select(&sel("script")) {
            assert_eq!(s.attr("type"), Some("application/json"), "{lang}: a script that would run");
        }
        let handlers = html.root_element().descendants().filter_map(|n| n.value().as_element()).filter(|e| e.attrs().any(|(k, _)| k.starts_with("on"))).count();
        assert_eq!(handlers, 0, "{lang}: no event handler attributes");
        assert!(!text.contains("javascript:"), "{lang}");
        let seen = visible_text(&html);
        assert!(seen.contains(published), "{lang}: the publication time in full: {}", &seen[..400.min(seen.len())]);
        assert!(!seen.contains(open_now), "{lang}: a published page never says open now");
        for n in names(lang) {
            assert!(seen.contains(&n), "{lang}: {n} is on the page");
        }
        assert_eq!(html.select(&sel(".demo-banner")).count(), 1, "{lang}: demo data is labelled");
        // Danger notices come first, before the areas.
        let first_section = html.select(&sel("main > section")).next().unwrap();
        assert_eq!(first_section.value().attr("class"), Some("danger-banner"), "{lang}");
        // Each element id once (cards of items in several areas are drawn once).
        let mut ids: Vec<_> = html.root_element().descendants().filter_map(|n| n.value().as_element()?.id()).collect();
        let total = ids.len();
        ids.sort();
        ids.dedup();
        assert_eq!(ids.len(), total, "{lang}: duplicate ids");
    }
}

#[test]
fn the_page_carries_each_feed_byte_for_byte_in_an_inert_block() {
    let dir = deployment("blocks");
    // A name that would end a script block early if written as is.
    let notices = std::fs::read_to_string(dir.join("data/notices.json")).unwrap().replacen("\"en\": \"", "\"en\": \"</script><script>alert(1)</script> ", 1);
    assert!(notices.contains("</script>"));
    std::fs::write(dir.join("data/notices.json"), &notices).unwrap();
    // Text that looks like the markers Leptos leaves between dynamic text
    // (which the page's markup is cleaned of): a feed carried as text must
    // keep it.
    let corridors = std::fs::read_to_string(dir.join("data/corridors.json")).unwrap().replacen("\"en\": \"", "\"en\": \"<!> ", 1);
    assert!(corridors.contains("<!>"));
    std::fs::write(dir.join("data/corridors.json"), &corridors).unwrap();
    let o = run(&["publish", dir.to_str().unwrap(), "--at", AT]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let (_, html) = page(&dir, "en");
    assert!(html.errors.is_empty(), "{:?}", html.errors);
    let blocks: Vec<_> = html.select(&sel("script.bawaba-feed")).collect();
    assert_eq!(blocks.len(), DEMO_FEEDS.len());
    for b in blocks {
        let url = b.attr("data-url").unwrap();
        let bytes = std::fs::read(dir.join(url)).unwrap();
        let text: String = b.text().collect();
        let carried = match b.attr("data-encoding") {
            Some("base64") => bawaba_model::detached::decode_base64(&text).unwrap(),
            None => text.into_bytes(),
            other => panic!("{other:?}"),
        };
        assert_eq!(carried, bytes, "{url}");
        assert_eq!(b.attr("data-encoding").is_some(), url.ends_with("notices.json"), "{url}: base64 only when it must");
    }
    // The markup in the name is text on the page, not an element.
    assert_eq!(html.select(&sel("script")).filter(|s| s.attr("type") != Some("application/json")).count(), 0);
    assert!(visible_text(&html).contains("</script><script>alert(1)</script>"));
}

#[test]
fn an_expired_feed_is_said_to_have_expired() {
    let dir = deployment("expired");
    let o = run(&["publish", dir.to_str().unwrap(), "--at", "2028-02-01T12:00:00+02:00"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let (_, html) = page(&dir, "en");
    assert!(visible_text(&html).contains("Some of this information has expired"));
}

#[test]
fn with_trusted_keys_only_verified_feeds_are_published() {
    let dir = signed_deployment("signed");
    let o = run(&["publish", dir.to_str().unwrap(), "--at", AT]);
    assert_eq!(o.status.code(), Some(0), "all signed: {}", stderr(&o));
    let (_, html) = page(&dir, "en");
    assert_eq!(visible_text(&html).matches("Verified with the trusted key “coordination-2026”").count(), DEMO_FEEDS.len());
    let sig = std::fs::read_to_string(dir.join("data/corridors.json.sig")).unwrap();
    let block = html.select(&sel("script.bawaba-feed[data-url='data/corridors.json']")).next().unwrap();
    assert_eq!(block.attr("data-sig"), Some(sig.trim()), "the signature travels with the feed");

    // Tampered after signing, and one not signed at all: both left out, named, exit 1.
    let path = dir.join("data/distribution.json");
    let tampered = std::fs::read_to_string(&path).unwrap().replacen("\"open\"", "\"closed\"", 1);
    std::fs::write(&path, tampered).unwrap();
    std::fs::remove_file(dir.join("data/notices.json.sig")).unwrap();
    let o = run(&["publish", dir.to_str().unwrap(), "--at", AT]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let err = stderr(&o);
    assert!(err.contains("data/distribution.json: signature: does not verify"), "{err}");
    assert!(err.contains("data/notices.json: signature: data/notices.json.sig is missing"), "{err}");
    let (_, html) = page(&dir, "en");
    let seen = visible_text(&html);
    assert!(seen.contains("Not on this page:"), "{seen}");
    let left_out = html.select(&sel(".sources li")).map(|li| li.text().collect::<String>()).filter(|t| t.contains("data/")).collect::<Vec<_>>();
    assert!(left_out.iter().any(|t| t.starts_with("data/distribution.json") && t.ends_with("its signature could not be verified with a trusted key")), "{left_out:?}");
    assert_eq!(html.select(&sel("script.bawaba-feed")).count(), DEMO_FEEDS.len() - 2, "only the verified feeds are carried");
    let (_, ar) = page(&dir, "ar");
    assert!(visible_text(&ar).contains("تعذّر التحقق من توقيعه بمفتاح موثوق"), "the reason in the page's language");
}

#[test]
fn publish_refuses_what_is_not_a_deployment() {
    let empty = std::env::temp_dir().join(format!("bawaba-publish-{}-none", std::process::id()));
    let _ = std::fs::create_dir_all(&empty);
    let o = run(&["publish", empty.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("config.json: cannot read"), "{}", stderr(&o));
    let dir = deployment("bad-at");
    assert_eq!(run(&["publish", dir.to_str().unwrap(), "--at", "tomorrow"]).status.code(), Some(2));
    assert_eq!(run(&["publish"]).status.code(), Some(2));
    assert_eq!(run(&["publish", dir.to_str().unwrap(), dir.to_str().unwrap()]).status.code(), Some(2), "two folders");
    assert_eq!(run(&["publish", "--verbose", dir.to_str().unwrap()]).status.code(), Some(2), "an unknown flag");
}

#[test]
fn an_item_the_portal_would_skip_is_not_published_and_the_publisher_is_told() {
    let dir = deployment("skipped");
    let path = dir.join("data/distribution.json");
    let text = std::fs::read_to_string(&path).unwrap();
    // An item without a location: the portal skips it.
    let broken = r#"{"id":"ghost","updated_at":"2026-11-24T06:00:00+02:00","name":{"en":"Ghost kitchen","ar":"مطبخ الشبح"},"status":"open"},"#;
    std::fs::write(&path, text.replacen("\"items\": [", &format!("\"items\": [{broken}"), 1)).unwrap();
    let o = run(&["publish", dir.to_str().unwrap(), "--at", AT]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(stderr(&o).contains("data/distribution.json: 1 items skipped"), "{}", stderr(&o));
    assert!(!stderr(&o).contains("data/corridors.json: "), "whole feeds are not mentioned: {}", stderr(&o));
    for lang in ["en", "ar"] {
        let (_, html) = page(&dir, lang);
        let seen = visible_text(&html);
        assert!(!seen.contains("Ghost kitchen") && !seen.contains("مطبخ الشبح"), "{lang}: a skipped item is not shown");
    }
}

#[test]
fn a_feed_that_cannot_be_read_is_left_out_and_named() {
    let dir = deployment("broken");
    std::fs::write(dir.join("data/notices.json"), "{\"format\":").unwrap();
    let o = run(&["publish", dir.to_str().unwrap(), "--at", AT]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("data/notices.json: not a valid feed"), "{}", stderr(&o));
    let (_, html) = page(&dir, "fr");
    assert!(visible_text(&html).contains("le fichier n’a pas pu être lu comme un flux"));
    // The other feeds are still published.
    assert!(html.select(&sel("article.card")).count() > 10);
}

/// The repository's index.html, as a build leaves it (with the precompressed
/// copies the build writes beside it).
fn with_index(dir: &Path) -> String {
    let index = std::fs::read_to_string(public().join("../index.html")).unwrap();
    std::fs::write(dir.join("index.html"), &index).unwrap();
    std::fs::write(dir.join("index.html.br"), "old").unwrap();
    std::fs::write(dir.join("index.html.gz"), "old").unwrap();
    index
}

/// The corridors' names in a language, from the demo feed.
fn corridor_names(lang: &str) -> Vec<String> {
    use bawaba_model::{parse_feed, Items};
    let feed = parse_feed(&std::fs::read(public().join("data/corridors.json")).unwrap()).unwrap();
    let Items::Corridors(v) = &feed.items else { panic!("corridors") };
    v.iter().map(|c| c.name.resolve(lang, "ar").unwrap().text.split_whitespace().collect::<Vec<_>>().join(" ")).collect()
}

#[test]
fn the_first_screen_goes_into_index_html_between_its_markers_and_nothing_else_changes() {
    let dir = deployment("index");
    let before = with_index(&dir);
    let o = run(&["publish", dir.to_str().unwrap(), "--at", AT]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let text = std::fs::read_to_string(dir.join("index.html")).unwrap();
    let html = Html::parse_document(&text);
    assert!(html.errors.is_empty(), "parses without errors: {:?}", html.errors);
    let root = html.select(&sel("html")).next().unwrap();
    assert_eq!((root.attr("lang"), root.attr("dir")), (Some("ar"), Some("rtl")), "the deployment's default language");
    // Everything outside the markers is as the build wrote it: the policy,
    // the preloads, the scripts, the noscript text, the app's element.
    let start = before.find("<!-- bawaba:snapshot").unwrap();
    let end = before.find("<!-- /bawaba:snapshot -->").unwrap();
    let head = &before[before.find("<head>").unwrap()..start];
    assert!(text.contains(head), "the head is untouched");
    assert!(text.ends_with(&before[end..]), "what follows the snapshot is untouched");
    let boot = html.select(&sel("#boot")).collect::<Vec<_>>();
    assert_eq!(boot.len(), 1);
    assert_eq!(boot[0].attr("class"), Some("snapshot"), "the app and fallback.js tell a snapshot by its class");
    assert_eq!(html.select(&sel("#boot script, #boot [id=main], #boot #view-title")).count(), 0, "no script, and no id the app uses for its own");
    let seen = boot[0].text().collect::<Vec<_>>().join(" ").split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(seen.contains("كما نُشرت في الثلاثاء ٢٤ تشرين الثاني ٢٠٢٦ الساعة ١٦:٠٠ بتوقيت غزة"), "{seen}");
    assert!(!seen.contains("الآن مفتوح") && !seen.contains("مفتوح الآن"), "never open now: {seen}");
    for n in corridor_names("ar") {
        assert!(seen.contains(&n), "{n} on the first screen");
    }
    assert_eq!(html.select(&sel("#boot .demo-banner")).count(), 1, "demo data is labelled");
    assert_eq!(html.select(&sel("#boot .danger-banner")).count(), 1, "the demo has a danger notice in effect");
    // Links lead to the static pages, which work without the app.
    let hrefs: Vec<_> = html.select(&sel("#boot a")).filter_map(|a| a.attr("href")).collect();
    assert!(hrefs.iter().any(|h| h.starts_with("static/ar.html#c-")), "{hrefs:?}");
    for lang in ["ar", "en", "he", "fr"] {
        assert!(hrefs.contains(&format!("static/{lang}.html").as_str()), "{lang}: {hrefs:?}");
    }
    // The build's compressed copies would serve the old page: written anew.
    for (ext, magic) in [("gz", &[0x1f_u8, 0x8b][..]), ("br", &[][..])] {
        let copy = std::fs::read(dir.join(format!("index.html.{ext}"))).unwrap();
        assert_ne!(copy, b"old", "{ext}");
        assert!(copy.starts_with(magic) && copy.len() < text.len() / 2, "{ext}: compressed");
    }
    let zipped = std::fs::read(dir.join("index.html.gz")).unwrap();
    let mut gz = flate2::read::GzDecoder::new(&zipped[..]);
    let mut unzipped = String::new();
    std::io::Read::read_to_string(&mut gz, &mut unzipped).unwrap();
    assert_eq!(unzipped, text, "the .gz is the new page");
    // Publishing again replaces the snapshot, it does not add a second one.
    let o = run(&["publish", dir.to_str().unwrap(), "--at", AT]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(std::fs::read_to_string(dir.join("index.html")).unwrap(), text);
}

#[test]
fn the_first_screen_is_in_the_deployments_default_language() {
    let dir = deployment("index-en");
    with_index(&dir);
    let config = std::fs::read_to_string(dir.join("config.json")).unwrap();
    assert!(config.contains("\"default_language\": \"ar\""), "the demo's default, replaced here");
    std::fs::write(dir.join("config.json"), config.replace("\"default_language\": \"ar\"", "\"default_language\": \"en\"")).unwrap();
    let o = run(&["publish", dir.to_str().unwrap(), "--at", AT]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let html = Html::parse_document(&std::fs::read_to_string(dir.join("index.html")).unwrap());
    let root = html.select(&sel("html")).next().unwrap();
    assert_eq!((root.attr("lang"), root.attr("dir")), (Some("en"), Some("ltr")));
    let seen = html.select(&sel("#boot")).next().unwrap().text().collect::<String>();
    assert!(seen.contains("As published Tue 24 Nov 2026 16:00, Gaza time"), "{seen}");
    assert!(!seen.contains("Open now"), "{seen}");
}

#[test]
fn an_index_html_without_markers_is_left_alone() {
    let dir = deployment("index-old");
    let old = "<!doctype html><html><body><div id=\"boot\">loading</div></body></html>";
    std::fs::write(dir.join("index.html"), old).unwrap();
    let o = run(&["publish", dir.to_str().unwrap(), "--at", AT]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(stderr(&o).contains("no snapshot comments"), "{}", stderr(&o));
    assert_eq!(std::fs::read_to_string(dir.join("index.html")).unwrap(), old);
}

/// A signed deployment's page, with the key it was signed with.
fn signed_bulletin(name: &str) -> (PathBuf, PathBuf) {
    let dir = signed_deployment(name);
    assert_eq!(run(&["publish", dir.to_str().unwrap(), "--at", AT]).status.code(), Some(0));
    (dir.clone(), dir.join("publisher.key.pub"))
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

/// `verify` on a bulletin: good ones pass, in every language, with and
/// without the key; a changed byte of a signed feed, an edited sentence the
/// feeds do not say, a changed link, and a page that is not a bulletin are
/// refused (exit 1), each saying what.
#[test]
fn verify_checks_a_bulletins_feeds_and_its_readable_part() {
    let (dir, pubkey) = signed_bulletin("verify");
    let pubkey = pubkey.to_str().unwrap();
    for lang in ["ar", "en", "he", "fr"] {
        let page = dir.join(format!("static/{lang}.html"));
        let o = run(&["verify", page.to_str().unwrap(), "--pubkey", pubkey]);
        assert_eq!(o.status.code(), Some(0), "{lang}: {}", stdout(&o));
        assert_eq!(stdout(&o).matches(": ok: data/").count(), DEMO_FEEDS.len());
        assert!(stdout(&o).contains("ok: the readable part is what its feeds say"));
    }
    let page = dir.join("static/en.html");
    let o = run(&["verify", page.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "without a key: {}", stdout(&o));
    assert!(stdout(&o).contains("data/corridors.json: signed (not checked: give --pubkey to check it)"));
    let good = std::fs::read_to_string(&page).unwrap();
    let tampered = dir.join("tampered.html");
    let refused = |html: String, words: &str| {
        std::fs::write(&tampered, html).unwrap();
        let o = run(&["verify", tampered.to_str().unwrap(), "--pubkey", pubkey]);
        assert_eq!(o.status.code(), Some(1), "{words}: {}", stdout(&o));
        assert!(stdout(&o).contains(words), "{words}: {}", stdout(&o));
    };
    // One byte of a signed feed: its id, "kerem-shalom", becomes "kerem-shalon".
    let at = good.find("\"id\": \"kerem-shalom\"").expect("the feed's text in its block");
    let mut bytes = good.clone().into_bytes();
    bytes[at + "\"id\": \"kerem-shalo".len()] = b'n';
    refused(String::from_utf8(bytes).unwrap(), "data/corridors.json: signature does NOT verify");
    // The readable part edited, the signed data left as it was.
    let closed = "Status as published: Closed";
    assert!(good.contains(closed));
    refused(good.replacen(closed, "Status as published: Open", 1), "the readable part was altered: it reads \"…");
    // A link redirected: the words stay, the markup does not.
    let href = good.find("href=\"https://example.org/").expect("a link");
    refused(format!("{}href=\"https://evil.example/{}", &good[..href], &good[href + "href=\"https://example.org/".len()..]), "the page's markup was altered");
    // Another key.
    let other = dir.join("other.key");
    assert_eq!(run(&["keygen", other.to_str().unwrap()]).status.code(), Some(0));
    let o = run(&["verify", page.to_str().unwrap(), "--pubkey", dir.join("other.key.pub").to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(stdout(&o).matches("signature does NOT verify with the key given").count(), DEMO_FEEDS.len());
    // Not a bulletin; not readable; not a key.
    refused("<!doctype html><p>Rafah crossing open</p>".into(), "not a bulletin");
    assert_eq!(run(&["verify", dir.join("missing.html").to_str().unwrap()]).status.code(), Some(2));
    assert_eq!(run(&["verify", page.to_str().unwrap(), "--pubkey", "not-a-key"]).status.code(), Some(2));
}

#[test]
fn each_kind_and_language_gets_a_widget_page_with_its_items_areas_and_time_and_only_widget_js() {
    let dir = deployment("widgets");
    let o = run(&["publish", dir.to_str().unwrap(), "--at", AT]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    for kind in ["corridors", "distribution", "notices"] {
        for lang in ["ar", "en", "he", "fr"] {
            for compact in ["", "-compact"] {
                let path = dir.join(format!("widgets/{kind}-{lang}{compact}.html"));
                let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
                assert!(dir.join(format!("widgets/{kind}-{lang}{compact}.html.br")).exists(), "{kind}-{lang}{compact}: a .br copy as for every page");
                let html = Html::parse_document(&text);
                assert!(html.errors.is_empty(), "{kind}-{lang}{compact}: {:?}", html.errors);
                assert_eq!(html.select(&sel("html")).next().unwrap().attr("lang"), Some(lang));
                // One script, the deployment's own, allowed by the page's policy and nothing else.
                let scripts: Vec<_> = html.select(&sel("script")).map(|s| s.attr("src")).collect();
                assert_eq!(scripts, [Some("../widget.js")], "{kind}-{lang}{compact}");
                assert!(text.contains("content=\"default-src 'none'; script-src 'self'; style-src 'unsafe-inline'\""), "{kind}-{lang}{compact}");
                assert_eq!(html.select(&sel(".demo-banner")).count(), 1, "{kind}-{lang}{compact}: demo data is labelled");
                assert_eq!(html.select(&sel(".as-published")).count(), 1, "{kind}-{lang}{compact}: says when it was published");
                // Every item carries its areas, for widget.js's ?area=.
                let items: Vec<_> = html.select(&sel(".widget-items > li")).collect();
                assert!(!items.is_empty(), "{kind}-{lang}{compact}");
                assert!(items.iter().all(|li| li.attr("data-area").is_some() && li.attr("data-id").is_some_and(|id| !id.is_empty())), "{kind}-{lang}{compact}");
                // Item names open the item in the portal, in a new tab.
                let first = html.select(&sel(".widget-items > li a")).next().unwrap();
                assert!(first.attr("href").unwrap().starts_with(&format!("../?view={kind}&id=")), "{kind}-{lang}{compact}");
                assert_eq!(first.attr("target"), Some("_blank"));
            }
        }
    }
    // The English crossings: every crossing, with its area, status as published, never "open now".
    let text = std::fs::read_to_string(dir.join("widgets/corridors-en-compact.html")).unwrap();
    let html = Html::parse_document(&text);
    let seen: String = html.select(&sel("main")).flat_map(|e| e.text()).collect();
    for n in corridor_names("en") {
        assert!(seen.contains(&n), "{n} in the widget");
    }
    assert!(seen.contains("Status as published"), "{seen}");
    assert!(!seen.contains("Open now"));
    let rafah = html.select(&sel(".widget-items > li[data-area~=rafah]")).count();
    assert!(rafah >= 1 && rafah < html.select(&sel(".widget-items > li")).count(), "some crossings in Rafah, not all");
    // Each area's danger notices wait in a template for a widget of that area.
    assert_eq!(html.select(&sel("template[data-area]")).count(), 5);
}
