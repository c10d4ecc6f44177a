//! Where the reader is, kept in the query string (contract section 6) so every
//! link works on any static host, under any sub-path, with no rewrite rules.

use crate::i18n::{Lang, Msg};
use bawaba_model::FeedKind;
use web_sys::UrlSearchParams;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum View {
    #[default]
    Now,
    Corridors,
    Distribution,
    Notices,
    About,
    /// The widget builder for site editors.
    Embed,
    /// One governorate on one printable page.
    Print,
    /// The offline map.
    Map,
}

impl View {
    /// The tab bar: the data views. "About the data" is in the header.
    pub const NAV: [View; 5] = [View::Now, View::Corridors, View::Distribution, View::Notices, View::Map];

    pub fn slug(self) -> Option<&'static str> {
        Some(match self {
            View::Now => return None,
            View::Corridors => "corridors",
            View::Distribution => "distribution",
            View::Notices => "notices",
            View::About => "about",
            View::Embed => "embed",
            View::Print => "print",
            View::Map => "map",
        })
    }

    /// The kind of item a widget of this view shows, and its name.
    pub fn kind(self) -> (FeedKind, Msg) {
        match self {
            View::Distribution => (FeedKind::DistributionPoints, Msg::KindDistribution),
            View::Notices => (FeedKind::Notices, Msg::KindNotices),
            _ => (FeedKind::Corridors, Msg::KindCorridors),
        }
    }

    fn from_slug(s: &str) -> View {
        match s {
            "corridors" => View::Corridors,
            "distribution" => View::Distribution,
            "notices" => View::Notices,
            "about" => View::About,
            "embed" => View::Embed,
            "print" => View::Print,
            "map" => View::Map,
            // Unknown or not-yet-built views (map, embed) fall back to the overview.
            _ => View::Now,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Theme {
    #[default]
    Light,
    Dark,
}

/// `?embed=…`: the compact widget for other sites' iframes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Embed {
    /// Corridors, Distribution or Notices.
    pub feed: View,
    /// At most this many items (the rest behind "open the full portal").
    pub limit: Option<usize>,
    pub theme: Theme,
    /// One line per item instead of cards.
    pub compact: bool,
    /// Set by embed.js to tell its widgets' height messages apart.
    pub wid: Option<String>,
}

impl Embed {
    pub const FEEDS: [View; 3] = [View::Corridors, View::Distribution, View::Notices];
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Route {
    pub view: View,
    pub id: Option<String>,
    pub area: Option<String>,
    /// Show past (expired) notices.
    pub past: bool,
    pub lang: Option<Lang>,
    pub embed: Option<Embed>,
    /// Search text (`?q=`), as typed.
    pub q: Option<String>,
    /// `?open=1`: only what is open now.
    pub open: bool,
    /// `?service=bread` (distribution points).
    pub service: Option<String>,
    /// `?category=uxo` and `?severity=danger` (notices).
    pub category: Option<String>,
    pub severity: Option<String>,
    /// `?publisher=<feed id>`: what one publisher published.
    pub publisher: Option<String>,
}

impl Route {
    /// The list filters this address asks for.
    pub fn filter(&self) -> bawaba_model::filter::Filter<'_> {
        bawaba_model::filter::Filter {
            id: self.id.as_deref(),
            area: self.area.as_deref(),
            open_only: self.open,
            service: self.service.as_deref(),
            category: self.category.as_deref(),
            severity: self.severity.as_deref(),
            publisher: self.publisher.as_deref(),
            query: bawaba_model::search::Query::new(self.q.as_deref().unwrap_or("")),
        }
    }

    /// A list filter other than the area is chosen (open now, a service, a
    /// category, a severity, a publisher): an empty list then means "nothing matches",
    /// not "nothing published".
    pub fn narrowed(&self) -> bool {
        self.open || self.service.is_some() || self.category.is_some() || self.severity.is_some() || self.publisher.is_some()
    }

    pub fn parse(search: &str) -> Route {
        let Ok(p) = UrlSearchParams::new_with_str(search) else { return Route::default() };
        let non_empty = |k: &str| p.get(k).filter(|v| !v.trim().is_empty());
        Route {
            view: non_empty("view").map(|v| View::from_slug(&v)).unwrap_or_default(),
            id: non_empty("id"),
            area: non_empty("area"),
            past: p.get("past").is_some_and(|v| v == "1"),
            lang: p.get("lang").and_then(|l| Lang::from_tag(&l)),
            q: non_empty("q").map(|q| q.chars().take(200).collect()),
            open: p.get("open").is_some_and(|v| v == "1"),
            service: non_empty("service"),
            category: non_empty("category"),
            severity: non_empty("severity"),
            publisher: non_empty("publisher"),
            embed: non_empty("embed").and_then(|e| {
                let feed = View::from_slug(&e);
                Embed::FEEDS.contains(&feed).then(|| Embed {
                    feed,
                    limit: p.get("limit").and_then(|l| l.parse().ok()).filter(|l| (1..=500).contains(l)),
                    theme: if p.get("theme").as_deref() == Some("dark") { Theme::Dark } else { Theme::Light },
                    compact: p.get("compact").is_some_and(|v| v == "1"),
                    wid: non_empty("wid").filter(|w| w.len() <= 40 && w.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')),
                })
            }),
        }
    }

    /// The address of the widget's page for these settings, as embed.js
    /// writes it (no `wid`: embed.js adds its own): the page `bawaba-feed
    /// publish` writes, or on a deployment never published one that hands
    /// over to the live widget (`?embed=`).
    pub fn embed_href(embed: &Embed, lang: Lang, area: Option<&str>) -> String {
        let page = bawaba_ui::widget::widget_path(embed.feed.slug().unwrap_or("corridors"), lang, embed.compact);
        let Ok(p) = UrlSearchParams::new() else { return page };
        if let Some(a) = area {
            p.append("area", a);
        }
        if let Some(l) = embed.limit {
            p.append("limit", &l.to_string());
        }
        if embed.theme == Theme::Dark {
            p.append("theme", "dark");
        }
        format!("{page}?{}", String::from(p.to_string()))
    }

    pub fn current() -> Route {
        Route::parse(&location().and_then(|l| l.search().ok()).unwrap_or_default())
    }

    pub fn to(view: View, lang: Lang) -> Route {
        Route { view, lang: Some(lang), ..Route::default() }
    }

    pub fn with_id(mut self, id: &str) -> Route {
        self.id = Some(id.to_owned());
        self
    }

    /// The query string, starting with `?`; relative, so it keeps the page's path.
    pub fn href(&self) -> String {
        let Ok(p) = UrlSearchParams::new() else { return "?".into() };
        if let Some(v) = self.view.slug() {
            p.append("view", v);
        }
        if let Some(id) = &self.id {
            p.append("id", id);
        }
        if let Some(a) = &self.area {
            p.append("area", a);
        }
        if self.past {
            p.append("past", "1");
        }
        if let Some(q) = &self.q {
            p.append("q", q);
        }
        if self.open {
            p.append("open", "1");
        }
        for (k, v) in [("service", &self.service), ("category", &self.category), ("severity", &self.severity), ("publisher", &self.publisher)] {
            if let Some(v) = v {
                p.append(k, v);
            }
        }
        if let Some(l) = self.lang {
            p.append("lang", l.tag());
        }
        format!("?{}", String::from(p.to_string()))
    }

    /// Makes this the current address, adding a history entry.
    pub fn push(&self) {
        if let Some(h) = web_sys::window().and_then(|w| w.history().ok()) {
            let _ = h.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&self.href()));
        }
    }

    /// Updates the address without a history entry (e.g. a language change).
    pub fn replace(&self) {
        if let Some(h) = web_sys::window().and_then(|w| w.history().ok()) {
            let _ = h.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&self.href()));
        }
    }
}

fn location() -> Option<web_sys::Location> {
    web_sys::window().map(|w| w.location())
}
