//! Where a widget's page is: `bawaba-feed publish` writes it there, the
//! portal's widget builder and `embed.js` (public/, the same scheme in
//! JavaScript) point there.

use crate::i18n::Lang;

/// `widgets/<kind>-<lang>[-compact].html`, relative to the deployment's
/// folder; `kind` as `data-feed` names it (corridors, distribution, notices).
pub fn widget_path(kind: &str, lang: Lang, compact: bool) -> String {
    format!("widgets/{kind}-{}{}.html", lang.tag(), if compact { "-compact" } else { "" })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn as_embed_js_writes_it() {
        assert_eq!(widget_path("corridors", Lang::En, true), "widgets/corridors-en-compact.html");
        assert_eq!(widget_path("notices", Lang::Ar, false), "widgets/notices-ar.html");
    }
}
