//! The published edition: every current item on one page, written at
//! publish time and read later (an old phone without WebAssembly, paper, a
//! file passed from phone to phone). It is drawn by the same cards as the
//! portal, in the `Published` edition of the reader's context, so it states
//! the status as published and full dates, never "open now" or "ago".
//!
//! The page also carries the feeds it was drawn from, byte for byte, with
//! their signatures, in inert `<script type="application/json">` blocks, so
//! the file can be imported and checked again later (the bulletin).

use bawaba_ui::banners::{DangerBanner, DemoBanner};
use bawaba_ui::cards::{CorridorCard, NoticeCard, PointCard};
use bawaba_ui::format;
use crate::words::{self as ed, PageMsg};
use bawaba_ui::i18n::{Label, Lang, Msg};
use bawaba_ui::source::{feed_facts, SourceTitle};
use bawaba_ui::reader::{ItemKind, Reader};
use bawaba_ui::text::{FeedText, RawText};
use bawaba_model::merge::merge;
use bawaba_model::{order_notices, Area, Corridor, DistributionPoint, Feed, Items, Notice, Severity};
use leptos::prelude::*;
use std::sync::Arc;

/// A feed a page is drawn from and carries, byte for byte.
#[derive(Clone)]
pub struct CarriedFeed {
    /// The address as `config.json` lists it.
    pub url: String,
    pub feed: Arc<Feed>,
    /// The file exactly as published.
    pub bytes: Arc<[u8]>,
    /// The `.sig` file's text, when the feed is signed.
    pub sig: Option<String>,
    /// The id of the trusted key that verified it.
    pub verified_by: Option<String>,
}

/// A feed that `config.json` lists but the page does not include, and why
/// (in the page's language).
#[derive(Clone)]
pub struct LeftOut {
    pub url: String,
    pub reason: String,
}

/// The class of the inert blocks that carry the feeds.
pub const FEED_BLOCK_CLASS: &str = "bawaba-feed";

/// Which group of the page an item is drawn in: its first area, or "across
/// the Strip" when it names none. The other areas it names link to it.
#[derive(Clone, PartialEq)]
enum Group {
    Area(Area),
    Strip,
}

/// What a page draws, as of the time of writing in the reader's context:
/// every item of the feeds (notices in force or to come only, most severe
/// and then newest first), the dangers in force, and when it was written.
pub(crate) struct Everything {
    pub lang: Lang,
    pub corridors: Vec<Arc<Corridor>>,
    pub points: Vec<Arc<DistributionPoint>>,
    pub notices: Vec<Arc<Notice>>,
    pub dangers: Vec<Arc<Notice>>,
    /// "As published Tue 24 Nov 2026 16:00, Gaza time…" (`written`).
    pub written: String,
}

/// What several publishers describe is one entry, as in the portal.
pub(crate) fn everything(sources: &[CarriedFeed], written: PageMsg) -> Everything {
    let reader = Reader::get();
    let now = reader.now.get_untracked();
    let (mut corridors, mut points, mut notices) = (vec![], vec![], vec![]);
    for s in sources {
        match &s.feed.items {
            Items::Corridors(v) => corridors.push(v.as_slice()),
            Items::DistributionPoints(v) => points.push(v.as_slice()),
            Items::Notices(v) => notices.push(v.as_slice()),
        }
    }
    let mut notices = merge(&notices);
    notices.retain(|n| !n.is_expired(now));
    order_notices(&mut notices);
    let dangers = notices.iter().filter(|n| n.severity == Severity::Danger && n.effective_at <= now).cloned().collect();
    let written = as_published(&reader, written);
    Everything { lang: reader.lang.get_untracked(), corridors: merge(&corridors), points: merge(&points), notices, dangers, written }
}

fn group_of(areas: &[Area]) -> Group {
    areas.first().map(|a| Group::Area(a.clone())).unwrap_or(Group::Strip)
}

/// The page's body. The reader's context must be `Published`, with `now`
/// the time of writing.
#[component]
pub fn PublishedPage(
    sources: Vec<CarriedFeed>,
    left_out: Vec<LeftOut>,
    /// The languages of the other pages of this edition, for the switcher.
    languages: Vec<Lang>,
    /// Written on a phone from the copies it kept ("Pass it on"): says so
    /// instead of "as published", and links to no portal and no other
    /// language's page.
    #[prop(optional)]
    by_hand: bool,
) -> impl IntoView {
    let all = everything(&sources, if by_hand { PageMsg::PassedByHand } else { PageMsg::AsPublished });
    let (lang, dangers, written) = (all.lang, all.dangers.clone(), all.written.clone());
    let mut groups: Vec<Group> = Area::KNOWN.iter().cloned().map(Group::Area).collect();
    groups.push(Group::Area(Area::Other(String::new())));
    groups.push(Group::Strip);
    let sections = groups.into_iter().map(|g| area_section(g, &all)).collect_view();
    view! {
        <header class="masthead">
            <h1>{ed::t(lang, PageMsg::Title)}</h1>
            <p class="as-published">{written}</p>
            // A page passed by hand travels alone: no sibling pages to switch to.
            {(!by_hand).then(|| view! {
                <nav aria-label=lang.t(Msg::LanguageLabel)>
                    <ul class="langs">
                        {languages.into_iter().map(|l| {
                            let current = l == lang;
                            view! {
                                <li><a href=format!("{}.html", l.tag()) lang=l.tag() hreflang=l.tag() aria-current=current.then_some("page")>{l.autonym()}</a></li>
                            }
                        }).collect_view()}
                    </ul>
                </nav>
            })}
        </header>
        <DemoBanner/>
        <main id="main">
            <Expired sources=sources.clone()/>
            <DangerBanner dangers=Signal::stored(dangers)/>
            {sections}
            <Sources sources=sources.clone() left_out=left_out/>
            {(!by_hand).then(|| view! { <p class="live"><a href="../index.html">{ed::t(lang, PageMsg::LiveLink)}</a></p> })}
        </main>
    }
}

/// A warning for each feed past its `expires_at` at the time of writing.
#[component]
pub fn Expired(sources: Vec<CarriedFeed>) -> impl IntoView {
    let reader = Reader::get();
    let (lang, now) = (reader.lang.get_untracked(), reader.now.get_untracked());
    sources
        .iter()
        .filter(|s| s.feed.is_expired(now))
        .map(|s| {
            let when = s.feed.expires_at.map(|e| format::date_time_full(lang, e, reader.tz)).unwrap_or_default();
            view! { <p class="warning"><span class="icon" aria-hidden="true">"⚠"</span>{ed::f(lang, PageMsg::Expired, &[("when", &when)])}</p> }
        })
        .collect_view()
}

/// "As published Tue 24 Nov 2026 16:00, Gaza time…": `msg` filled with the
/// time of writing and the deployment's zone.
fn as_published(reader: &Reader, msg: PageMsg) -> String {
    let lang = reader.lang.get_untracked();
    let when = format::date_time_full(lang, reader.now.get_untracked(), reader.tz);
    ed::f(lang, msg, &[("when", &when), ("zone", zone_name(lang, reader.tz))])
}

/// "Gaza" (translated) for Gaza's zone, else the zone's city as the tz
/// database names it.
fn zone_name(lang: Lang, tz: bawaba_model::Tz) -> &'static str {
    match tz {
        bawaba_model::Tz::Asia__Gaza | bawaba_model::Tz::Asia__Hebron => ed::t(lang, PageMsg::ZoneGaza),
        _ => tz.name().rsplit('/').next().unwrap_or(tz.name()),
    }
}

fn area_section(group: Group, all: &Everything) -> impl IntoView {
    let reader = Reader::get();
    let lang = reader.lang.get_untracked();
    let here = |areas: &[Area]| match &group {
        Group::Strip => areas.is_empty(),
        Group::Area(Area::Other(_)) => matches!(group_of(areas), Group::Area(Area::Other(_))),
        Group::Area(a) => areas.contains(a),
    };
    let first_here = |areas: &[Area]| match (&group, group_of(areas)) {
        (Group::Area(Area::Other(_)), Group::Area(Area::Other(_))) => true,
        (g, mine) => *g == mine,
    };
    let notices: Vec<_> = all.notices.iter().filter(|n| here(&n.base.area)).cloned().collect();
    let corridors: Vec<_> = all.corridors.iter().filter(|c| here(&c.base.area)).cloned().collect();
    let points: Vec<_> = all.points.iter().filter(|p| here(&p.base.area)).cloned().collect();
    if notices.is_empty() && corridors.is_empty() && points.is_empty() {
        return None;
    }
    let (id, title) = match &group {
        Group::Strip => ("area-strip".to_owned(), ed::t(lang, PageMsg::AreaNone).to_owned()),
        Group::Area(a @ Area::Other(_)) => ("area-other".to_owned(), lang.t(a.msg()).to_owned()),
        Group::Area(a) => (format!("area-{}", a.wire()), lang.t(a.msg()).to_owned()),
    };
    // An item is drawn once, in its first area; the other areas it names
    // list it with a link, so no card (and no element id) is repeated.
    let mut also = vec![];
    let mut cards = vec![];
    for n in notices {
        if first_here(&n.base.area) {
            cards.push(view! { <li><NoticeCard notice=n/></li> }.into_any());
        } else {
            also.push((ItemKind::Notice, n.base.id.clone(), n.title.clone()));
        }
    }
    for c in corridors {
        if first_here(&c.base.area) {
            cards.push(view! { <li><CorridorCard corridor=c/></li> }.into_any());
        } else {
            also.push((ItemKind::Corridor, c.base.id.clone(), c.name.clone()));
        }
    }
    for p in points {
        if first_here(&p.base.area) {
            cards.push(view! { <li><PointCard point=p/></li> }.into_any());
        } else {
            also.push((ItemKind::Point, p.base.id.clone(), p.name.clone()));
        }
    }
    let heading = format!("{id}-title");
    let labelled = heading.clone();
    Some(view! {
        <section class="area" id=id aria-labelledby=labelled>
            <h2 id=heading>{title}</h2>
            <ul class="cards">{cards}</ul>
            {(!also.is_empty()).then(|| view! {
                <p class="also-title">{ed::t(lang, PageMsg::AlsoHere)}</p>
                <ul class="compact">
                    {also.into_iter().map(|(kind, id, name)| view! {
                        <li>{reader.link_to(kind, &id, view! { <FeedText text=name/> }.into_any())}</li>
                    }).collect_view()}
                </ul>
            })}
        </section>
    })
}

/// Each feed's publisher, publication and expiry, signature and item count;
/// and the feeds left out, with the reason.
#[component]
fn Sources(sources: Vec<CarriedFeed>, left_out: Vec<LeftOut>) -> impl IntoView {
    let lang = Reader::get().lang.get_untracked();
    view! {
        <section class="sources" aria-labelledby="sources-title">
            <h2 id="sources-title">{lang.t(Msg::FeedsTitle)}</h2>
            <ul class="cards">
                {sources.into_iter().map(|s| view! {
                    <li class="card">
                        <SourceTitle url=s.url/>
                        {feed_facts(&s.feed, s.verified_by)}
                    </li>
                }).collect_view()}
            </ul>
            {(!left_out.is_empty()).then(|| view! {
                <p class="warning">{ed::t(lang, PageMsg::LeftOut)}</p>
                <ul>
                    {left_out.into_iter().map(|l| view! { <li><RawText text=l.url/>{lang.colon()}{l.reason}</li> }).collect_view()}
                </ul>
            })}
        </section>
    }
}

/// The feed's exact bytes in an inert block (render each alone, apart from
/// the page, so tidying the page's markup cannot touch a byte of them): a `<script>` whose type is not
/// JavaScript is never run, and its text is not parsed as HTML. Only a
/// `</script` or `<!--` inside could end it early, so such a feed (or one
/// that is not UTF-8) is carried as base64 instead, still byte for byte.
pub fn feed_block(s: &CarriedFeed) -> impl IntoView {
    let text = std::str::from_utf8(&s.bytes).ok().filter(|t| {
        let lower = t.to_ascii_lowercase();
        !lower.contains("</script") && !lower.contains("<!--")
    });
    let (encoding, body) = match text {
        Some(t) => (None, t.to_owned()),
        None => (Some("base64"), base64(&s.bytes)),
    };
    view! {
        <script type="application/json" class=FEED_BLOCK_CLASS data-url=s.url.clone() data-encoding=encoding data-sig=s.sig.clone().map(|t| t.trim().to_owned()) data-verified-by=s.verified_by.clone()>
            {body}
        </script>
    }
}

/// Standard base64 with padding (RFC 4648 section 4).
pub fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [chunk[0], *chunk.get(1).unwrap_or(&0), *chunk.get(2).unwrap_or(&0)];
        let n = (b[0] as u32) << 16 | (b[1] as u32) << 8 | b[2] as u32;
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(ALPHABET[(n >> (18 - 6 * i) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use bawaba_model::detached::decode_base64;

    #[test]
    fn base64_round_trips_through_the_portals_decoder() {
        for len in 0..40usize {
            let bytes: Vec<u8> = (0..len).map(|i| (i * 37 + 11) as u8).collect();
            assert_eq!(decode_base64(&base64(&bytes)), Some(bytes.clone()), "{len} bytes");
        }
        assert_eq!(base64(b"foobar"), "Zm9vYmFy");
        assert_eq!(base64(b"f"), "Zg==");
    }
}
