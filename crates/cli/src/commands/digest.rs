//! `bawaba-feed digest`: what an SMS broadcast gateway sends to an area.
//! The area's danger notices first, one message each; then the crossings and
//! aid points open now or opening within the next hours, packed into as few
//! messages as fit. The words are the portal's (`bawaba_ui::plain`), so an
//! SMS never says something the screen does not.

use bawaba_model::merge::merge;
use crate::args::{self, Args, Spec, Usage, GAZA};
use bawaba_model::{Area, Corridor, DistributionPoint, Feed, FeedKind, Items, LocalizedText, Notice, Openness, Rank, Severity, Tz};
use bawaba_ui::format;
use bawaba_edition::words::{self as ed, PageMsg};
use bawaba_ui::i18n::{Label, Lang, Msg};
use bawaba_ui::plain::text_in;
use bawaba_ui::status::{Said, Stated};
use chrono::{DateTime, Duration, Utc};
use std::process::ExitCode;
use std::sync::Arc;

/// How an SMS is encoded: GSM-7 when every character has a GSM-7 code, else UCS-2.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    Gsm7,
    Ucs2,
}

impl Encoding {
    pub fn name(self) -> &'static str {
        match self {
            Encoding::Gsm7 => "GSM-7",
            Encoding::Ucs2 => "UCS-2",
        }
    }

    /// Units in one SMS alone, and in each part of a longer one (the rest
    /// carries the header that joins the parts).
    fn capacity(self) -> (usize, usize) {
        match self {
            Encoding::Gsm7 => (160, 153),
            Encoding::Ucs2 => (70, 67),
        }
    }
}

/// GSM 03.38's default alphabet (one unit each) and its extension table (two).
const GSM7: &str = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
const GSM7_EXT: &str = "^{}\\[~]|€\u{c}";

/// The units a character takes: in GSM-7 (`None` when it has no code), and in UCS-2.
fn units(c: char, enc: Encoding) -> Option<usize> {
    match enc {
        Encoding::Gsm7 if GSM7.contains(c) => Some(1),
        Encoding::Gsm7 if GSM7_EXT.contains(c) => Some(2),
        Encoding::Gsm7 => None,
        Encoding::Ucs2 => Some(c.len_utf16()),
    }
}

fn len(s: &str, enc: Encoding) -> usize {
    s.chars().map(|c| units(c, enc).unwrap_or(2)).sum()
}

/// Typography an SMS does not need, for text that is otherwise GSM-7: no-break
/// spaces, curly apostrophes, dashes, the middle dot, word joiners. Arabic
/// and Hebrew are UCS-2 whatever is done, and keep theirs.
fn plain_typography(s: &str) -> String {
    s.chars()
        .filter(|&c| c != '\u{2060}')
        .map(|c| match c {
            '\u{a0}' | '\u{202f}' => ' ',
            '\u{2019}' | '\u{2018}' => '\'',
            '\u{2013}' | '\u{2014}' | '\u{b7}' => '-',
            '«' | '»' | '\u{201c}' | '\u{201d}' => '"',
            c => c,
        })
        .collect()
}

/// One message: its text, encoding and the segments it takes.
#[derive(Debug, Clone, PartialEq)]
pub struct Sms {
    pub text: String,
    pub encoding: Encoding,
    pub segments: Vec<String>,
}

impl Sms {
    pub fn to_json(&self) -> serde_json::Value {
        serde_json::json!({
            "text": self.text,
            "encoding": self.encoding.name(),
            "segments": self.segments.len(),
            "units": len(&self.text, self.encoding),
        })
    }
}

fn encoding_of(text: &str, lang: Lang) -> Encoding {
    if matches!(lang, Lang::Ar | Lang::He) || text.chars().any(|c| units(c, Encoding::Gsm7).is_none()) {
        Encoding::Ucs2
    } else {
        Encoding::Gsm7
    }
}

/// The parts of a text, each within `per` units and ending at a space or a
/// line break, so no part splits a word or a number; only a word longer than
/// a whole part is cut.
fn parts(text: &str, enc: Encoding, per: usize) -> Vec<String> {
    let mut out = vec![];
    let mut cur = String::new();
    // Words with the space or line break that follows them.
    let mut rest = text;
    while !rest.is_empty() {
        let end = rest.find([' ', '\n']).map_or(rest.len(), |i| i + 1);
        let (word, tail) = rest.split_at(end);
        rest = tail;
        if len(&cur, enc) + len(word.trim_end(), enc) <= per {
            cur.push_str(word);
            continue;
        }
        if !cur.is_empty() {
            out.push(std::mem::take(&mut cur));
        }
        let mut word = word;
        while len(word.trim_end(), enc) > per {
            let mut cut = 0;
            for (i, c) in word.char_indices() {
                if len(&word[..i], enc) + units(c, enc).unwrap_or(2) > per {
                    break;
                }
                cut = i + c.len_utf8();
            }
            out.push(word[..cut].to_owned());
            word = &word[cut..];
        }
        cur.push_str(word);
    }
    if !cur.trim().is_empty() {
        out.push(cur);
    }
    out
}

/// Splits `text` into messages of at most `max_segments` segments each.
pub fn split(text: &str, lang: Lang, max_segments: usize) -> Vec<Sms> {
    let text = if matches!(lang, Lang::Ar | Lang::He) { text.to_owned() } else { plain_typography(text) };
    let enc = encoding_of(&text, lang);
    let (single, per) = enc.capacity();
    if len(&text, enc) <= single {
        return vec![Sms { segments: vec![text.clone()], text, encoding: enc }];
    }
    parts(&text, enc, per)
        .chunks(max_segments.max(1))
        .map(|segs| {
            let mut segs = segs.to_vec();
            if let Some(last) = segs.last_mut() {
                last.truncate(last.trim_end().len());
            }
            Sms { text: segs.concat(), encoding: enc, segments: segs }
        })
        .collect()
}

fn with_link(body: &str, link: Option<&str>) -> String {
    match link {
        Some(l) => format!("{body}\n{l}"),
        None => body.to_owned(),
    }
}

/// The fewest letters of news a message must have room for beside its head
/// and link; with less, it would say nothing.
const MIN_ROOM: usize = 20;

/// A body as messages of at most `max` parts each, every one starting with
/// `head` (the demo label, when it was written, and what it is) and ending
/// with the link, so that a message that arrives alone says what it is: a
/// body too long for one message is cut at spaces into several. `Err` with
/// the parts one message needs when `head` and the link leave no room for
/// the news in `max` parts.
pub fn fit(head: &str, body: &str, link: Option<&str>, lang: Lang, max: usize) -> Result<Vec<Sms>, usize> {
    let message = |b: &str| with_link(&format!("{head}{}", b.trim_end()), link);
    let whole = split(&message(body), lang, usize::MAX);
    let needed = whole.first().map_or(1, |m| m.segments.len());
    if needed <= max {
        return Ok(whole);
    }
    let enc = whole[0].encoding;
    let (single, per) = enc.capacity();
    let capacity = if max == 1 { single } else { per * max };
    let body = if matches!(lang, Lang::Ar | Lang::He) { body.to_owned() } else { plain_typography(body) };
    // Parts end at spaces, so a message cut to the letter may still need a
    // part more: the pieces shrink until every message fits.
    let mut room = capacity.saturating_sub(len(&message(""), enc));
    while room >= MIN_ROOM {
        let messages: Vec<Sms> = parts(&body, enc, room).iter().flat_map(|piece| split(&message(piece), lang, usize::MAX)).collect();
        if messages.iter().all(|m| m.segments.len() <= max) {
            return Ok(messages);
        }
        room -= 10;
    }
    // The parts a message with MIN_ROOM letters of news takes.
    let least = len(&message(""), enc) + MIN_ROOM;
    Err(if least <= single { 1 } else { least.div_ceil(per) })
}

pub const SPEC: Spec = Spec {
    options: &["--area", "--lang", "--kind", "--at", "--hours", "--segments", "--link-base", "--format"],
    switches: &[],
    words: (1, usize::MAX),
};

pub fn run(a: &Args) -> Result<ExitCode, Usage> {
    let area = Area::from_wire(a.required("--area")?);
    let lang = Lang::from_tag(a.required("--lang")?).ok_or(Usage)?;
    let mut kinds = vec![];
    for k in a.values("--kind") {
        kinds.push(match args::kind(k).ok_or(Usage)? {
            FeedKind::Corridors => "corridors",
            FeedKind::DistributionPoints => "distribution",
            _ => "notices",
        });
    }
    let hours = a.value("--hours").map_or(Ok(12), str::parse).map_err(|_| Usage)?;
    // None: as few parts a message as the language needs.
    let segments = match a.value("--segments") {
        None => None,
        Some(v) => Some(v.parse::<usize>().ok().filter(|n| *n >= 1).ok_or(Usage)?),
    };
    let json = match a.value("--format") {
        None | Some("text") => false,
        Some("json") => true,
        Some(_) => return Err(Usage),
    };
    let (at, link_base) = match (args::at(a), args::link_base(a)) {
        (Ok(at), Ok(l)) => (at, l),
        (Err(code), _) | (_, Err(code)) => return Ok(code),
    };
    if matches!(area, Area::Other(_)) {
        eprintln!("--area: one of north_gaza, gaza, deir_al_balah, khan_younis, rafah");
        return Ok(ExitCode::from(2));
    }
    if kinds.is_empty() {
        kinds = vec!["notices", "corridors", "distribution"];
    }
    let feeds = match crate::check::valid_files(&a.words, "no digest") {
        Ok(f) => f,
        Err(code) => return Ok(code),
    };
    let mut request = Request { area, lang, at, within: Duration::hours(hours), kinds, segments: segments.unwrap_or(1), link_base, tz: GAZA };
    let messages = loop {
        match digest(&feeds, &request) {
            Ok(m) => break m,
            Err(needed) if segments.is_none() => request.segments = needed,
            Err(needed) => {
                eprintln!(
                    "--segments {}: too few for a message in this language to carry when it was written, what it is and its link beside the news; use --segments {needed} or more",
                    request.segments
                );
                return Ok(ExitCode::from(2));
            }
        }
    };
    if json {
        println!("{}", serde_json::to_string_pretty(&serde_json::Value::Array(messages.iter().map(Sms::to_json).collect())).unwrap_or_default());
    } else {
        for m in &messages {
            println!("{}\n", m.text);
        }
        let parts: usize = messages.iter().map(|m| m.segments.len()).sum();
        eprintln!("{} messages, {parts} SMS parts in all", messages.len());
    }
    Ok(ExitCode::SUCCESS)
}

/// What the digest is asked for.
pub struct Request {
    pub area: Area,
    pub lang: Lang,
    pub at: DateTime<Utc>,
    /// Crossings and points opening within this time are listed too.
    pub within: Duration,
    pub kinds: Vec<&'static str>,
    pub segments: usize,
    pub link_base: Option<String>,
    pub tz: Tz,
}

fn concerns(areas: &[Area], area: &Area) -> bool {
    areas.is_empty() || areas.contains(area)
}

/// Its place in the digest when it is open now, or opens within the hours asked.
fn soon(open: Openness, r: &Request) -> Option<Rank> {
    match open.rank() {
        Rank::Opens(t) if t > r.at + r.within => None,
        rank @ (Rank::Open | Rank::Opens(_)) => Some(rank),
        _ => None,
    }
}

fn link(r: &Request, query: String) -> Option<String> {
    r.link_base.as_ref().map(|b| format!("{b}?{query}&lang={}", r.lang.tag()))
}

/// "Kerem Shalom: Open now · until …", with its place in the digest, when it
/// is open now or opens soon.
fn place_line(name: &LocalizedText, place: &dyn Stated, r: &Request) -> Option<(Rank, String)> {
    let open = place.openness_at(r.at, r.tz);
    let rank = soon(open, r)?;
    // Times as short as the head's: the message says the day it was written.
    let status = place.stated().words(r.lang, Said::Live(open), |t| format::date_time_short(r.lang, t, r.tz)).line();
    Some((rank, format!("{}{}{status}", text_in(name, r.lang, DEFAULT), r.lang.colon())))
}

/// The last fallback of a feed text's language: the digest reads no
/// config.json, and a deployment for Gaza defaults to Arabic.
const DEFAULT: &str = "ar";

/// The digest's messages, in sending order; `Err` with the parts one
/// message needs when `r.segments` leave no room for the news beside what
/// every message carries.
pub fn digest(feeds: &[Feed], r: &Request) -> Result<Vec<Sms>, usize> {
    let lang = r.lang;
    let demo = feeds.iter().any(|f| f.demo);
    // What several publishers describe is one entry, as in the portal: one
    // whose publishers disagree is never "open now", so it is not sent.
    let (mut corridors, mut points, mut notices) = (vec![], vec![], vec![]);
    for f in feeds {
        match &f.items {
            Items::Corridors(v) if r.kinds.contains(&"corridors") => corridors.push(v.as_slice()),
            Items::DistributionPoints(v) if r.kinds.contains(&"distribution") => points.push(v.as_slice()),
            Items::Notices(v) if r.kinds.contains(&"notices") => notices.push(v.as_slice()),
            _ => {}
        }
    }
    let mut dangers: Vec<Arc<Notice>> = merge(&notices)
        .into_iter()
        .filter(|n| n.severity == Severity::Danger && n.effective_at <= r.at && !n.is_expired(r.at) && concerns(&n.base.area, &r.area))
        .collect();
    let mut places: Vec<(Rank, String)> = vec![];
    places.extend(merge(&corridors).iter().filter(|c| concerns(&c.base.area, &r.area)).filter_map(|c: &Arc<Corridor>| place_line(&c.name, &**c, r)));
    places.extend(merge(&points).iter().filter(|p| concerns(&p.base.area, &r.area)).filter_map(|p: &Arc<DistributionPoint>| place_line(&p.name, &**p, r)));
    bawaba_model::order_notices(&mut dangers);
    // Open ones first, then those opening soonest; the feeds' order otherwise.
    places.sort_by_key(|(k, _)| *k);

    // Every message says what it is and when it was written, and that it is
    // demo data when it is: SMS are read hours later, and one that arrives
    // alone (the rest lost, or sent on) must stand on its own.
    let as_of = ed::f(lang, PageMsg::DigestAsOf, &[("when", &format::date_time_short(lang, r.at, r.tz))]);
    let demo_mark = if demo { format!("{} - ", lang.t(Msg::DemoLabel)) } else { String::new() };
    let head = format!("{demo_mark}{as_of}\n");
    let area_link = link(r, format!("area={}", r.area.wire()));
    // A link is never cut between two parts: a notice whose own link is longer
    // than a part (an Arabic or Hebrew part is 67 units) links to its area,
    // whose view opens with the area's danger notices first.
    let part = if matches!(lang, Lang::Ar | Lang::He) { Encoding::Ucs2 } else { Encoding::Gsm7 }.capacity().1;
    // (head, body, link): a notice's head also says it is a danger notice,
    // on every message its text is cut into.
    let mut messages: Vec<(String, String, Option<String>)> = vec![];
    for n in &dangers {
        let label = format!("{head}{}{}", lang.t(n.severity.msg()), lang.colon());
        let own = link(r, format!("view=notices&id={}", n.base.id)).filter(|l| l.chars().count() < part);
        messages.push((label, text_in(&n.title, lang, DEFAULT), own.or_else(|| area_link.clone())));
    }
    // The places, as many whole lines to a message as fit in the parts
    // chosen: a place's line is never cut from its name.
    let parts_of = |t: &str| split(&with_link(&format!("{head}{t}"), area_link.as_deref()), lang, usize::MAX)[0].segments.len();
    let mut lines: Vec<String> = vec![];
    for (_, line) in places {
        if parts_of(&line) > r.segments {
            return Err(parts_of(&line));
        }
        if !lines.is_empty() && parts_of(&format!("{}\n{line}", lines.join("\n"))) > r.segments {
            messages.push((head.clone(), lines.join("\n"), area_link.clone()));
            lines.clear();
        }
        lines.push(line);
    }
    if !lines.is_empty() || messages.is_empty() {
        messages.push((head.clone(), lines.join("\n"), area_link.clone()));
    }
    let mut out = vec![];
    for (head, body, link) in &messages {
        out.extend(fit(head, body, link.as_deref(), lang, r.segments)?);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gsm7_fits_160_and_extension_characters_count_twice() {
        let a = "a".repeat(160);
        assert_eq!(split(&a, Lang::En, 1), vec![Sms { text: a.clone(), encoding: Encoding::Gsm7, segments: vec![a.clone()] }]);
        // 79 braces are 158 units; two letters more make 160, three 161.
        let braces = "{".repeat(79) + "ab";
        let one = split(&braces, Lang::En, 1);
        assert_eq!((one.len(), one[0].segments.len(), one[0].encoding), (1, 1, Encoding::Gsm7), "GSM-7, one part");
        let over = braces + "c";
        let m = split(&over, Lang::En, 2);
        assert_eq!(m.len(), 1);
        assert_eq!(m[0].segments.len(), 2, "161 units: two parts of at most 153");
    }

    #[test]
    fn arabic_is_ucs2_and_parts_end_at_a_space() {
        let text = "معبر كرم أبو سالم مفتوح الآن حتى الساعة ١٦:٠٠ اليوم، والطريق إلى المعبر مفتوح للمشاة فقط بسبب أعمال إزالة الركام";
        let m = split(text, Lang::Ar, 3);
        assert_eq!(m.len(), 1);
        assert_eq!(m[0].encoding, Encoding::Ucs2);
        assert!(m[0].segments.len() >= 2);
        for s in &m[0].segments {
            assert!(s.encode_utf16().count() <= 67, "{s}");
        }
        // Rejoined, nothing is lost, and every part but the last ends at a space.
        assert_eq!(m[0].segments.concat(), text);
        assert!(m[0].segments[..m[0].segments.len() - 1].iter().all(|s| s.ends_with(' ')));
        // One segment at a time: each message one part.
        let one = split(text, Lang::Ar, 1);
        assert_eq!(one.len(), m[0].segments.len());
        assert!(one.iter().all(|s| s.segments.len() == 1));
    }

    #[test]
    fn a_number_is_never_split_and_a_word_longer_than_a_part_is_cut() {
        let text = format!("{} 2026-11-24T16:00 {}", "x ".repeat(74), "y".repeat(200));
        let m = split(&text, Lang::En, 10);
        let segs = &m[0].segments;
        assert!(segs.iter().any(|s| s.starts_with("2026-11-24T16:00")), "the number moves whole to the next part: {segs:?}");
        assert!(segs.iter().all(|s| len(s, Encoding::Gsm7) <= 153));
        assert_eq!(segs.concat(), text);
    }

    /// A word of exactly a part's length stays whole; a longer one is cut
    /// into full parts.
    #[test]
    fn a_long_word_fills_whole_parts() {
        let exact = format!("{} {} b", "x".repeat(10), "y".repeat(153));
        let segs = &split(&exact, Lang::En, 5)[0].segments;
        assert_eq!(segs, &["x".repeat(10) + " ", "y".repeat(153) + " ", "b".to_owned()]);
        let long = format!("a {}", "z".repeat(200));
        let segs = &split(&long, Lang::En, 5)[0].segments;
        assert_eq!(segs.iter().map(|s| s.len()).collect::<Vec<_>>(), [2, 153, 47]);
    }

    /// A body too long for the parts allowed becomes several messages, each
    /// with the head first and the link last, each within the parts, and
    /// together the whole body in order.
    #[test]
    fn fit_cuts_a_long_body_keeping_label_and_link_in_each() {
        let body: String = (1..=60).map(|i| format!("word{i} ")).collect();
        let link = "https://bawaba.example/?area=rafah&lang=en";
        let messages = fit("Demo data - ", &body, Some(link), Lang::En, 1).unwrap();
        assert!(messages.len() > 2, "{messages:?}");
        let mut words = vec![];
        for m in &messages {
            assert_eq!(m.segments.len(), 1, "{m:?}");
            assert!(m.text.starts_with("Demo data - ") && m.text.ends_with(&format!("\n{link}")), "{m:?}");
            let inner = m.text.trim_start_matches("Demo data - ").trim_end_matches(link);
            words.extend(inner.split_whitespace().map(str::to_owned));
        }
        assert_eq!(words.join(" "), body.trim_end());
        // A body that fits is one message, as split makes it.
        assert_eq!(fit("", "short", Some(link), Lang::En, 1), Ok(split(&format!("short\n{link}"), Lang::En, 1)));
    }

    /// A head and a link that leave no room for the news in the parts
    /// allowed: no message is cut to a fragment; the parts one needs are said.
    #[test]
    fn fit_refuses_rather_than_send_fragments() {
        let head = "بيانات تجريبية - الوضع بتاريخ ٢٤/١١ ١٠:٠٠\nخطر: ";
        let link = "https://bawaba.example/?area=khan_younis&lang=ar";
        let body = "جسم غير منفجر قرب مدرسة في حي الكتيبة بخان يونس";
        assert_eq!(fit(head, body, Some(link), Lang::Ar, 1), Err(2), "70 UCS-2 units hold the head and the link, not the news");
        let two = fit(head, body, Some(link), Lang::Ar, 2).unwrap();
        assert!(two.iter().all(|m| m.text.starts_with(head) && m.text.ends_with(link) && m.segments.len() <= 2), "{two:?}");
    }

    #[test]
    fn french_typography_does_not_force_ucs2() {
        let m = split("Passage restreint\u{a0}: jusqu\u{2019}à 16:00 \u{b7} ouverture", Lang::Fr, 1);
        assert_eq!(m[0].encoding, Encoding::Gsm7);
        assert_eq!(m[0].text, "Passage restreint : jusqu'à 16:00 - ouverture");
    }
}
