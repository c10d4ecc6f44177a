//! Banners shown on every view: demo data, and the danger notices in effect.

use crate::components::listen::{Listen, Spoken};
use crate::i18n::Msg;
use crate::state::Portal;
use bawaba_ui::plain::text_in;
use bawaba_model::Severity;
pub use bawaba_ui::banners::DemoBanner;
use leptos::prelude::*;

/// Danger notices in effect now, on every view, each linking to its detail.
#[component]
pub fn DangerBanner(
    /// Only notices for this area (or for no particular area): a widget about
    /// Rafah shows Rafah's dangers.
    #[prop(optional)]
    area: Option<String>,
    /// The portal's one-line strip; the notices of the area the reader chose
    /// come first, so the line shows the one nearest them.
    #[prop(optional)]
    compact: bool,
) -> impl IntoView {
    let p = Portal::get();
    let route = p.route;
    let q = p.clone();
    let (now, lists) = (p.now, p.lists);
    let dangers = Memo::new(move |_| {
        let now = now.get();
        let list = lists.with(|l| {
            l.notices
                .iter()
                .filter(|n| n.severity == Severity::Danger && !n.is_expired(now) && n.effective_at <= now)
                .filter(|n| match area.as_deref().filter(|a| !a.is_empty()) {
                    Some(a) => n.base.area.is_empty() || n.base.area.iter().any(|x| x.wire() == a),
                    None => true,
                })
                .cloned()
                .collect::<Vec<_>>()
        });
        match route.with(|r| r.area.clone()).filter(|_| compact) {
            // A partition, not a sort: newest first otherwise, and no
            // sorting code in the wasm for it.
            Some(chosen) => {
                let (mut mine, rest): (Vec<_>, Vec<_>) = list.into_iter().partition(|n| n.base.area.iter().any(|x| x.wire() == chosen));
                mine.extend(rest);
                mine
            }
            None => list,
        }
    });
    // Read aloud: the notices' titles and texts, as the banner lists them.
    let spoken: Spoken = std::sync::Arc::new(move || {
        let (l, list) = (q.lang.get_untracked(), dangers.get_untracked());
        let mut lines = vec![format!("{}{}{}", l.t(Msg::DangerBannerLabel), l.colon(), l.digits(&list.len().to_string()))];
        for n in &list {
            lines.push(text_in(&n.title, l, q.default_language()));
            lines.extend(n.body.as_ref().map(|b| text_in(b, l, q.default_language())));
        }
        if q.demo.get_untracked() {
            lines.push(l.t(Msg::DemoBanner).to_owned());
        }
        lines.join("\n")
    });
    let actions = compact.then(|| ViewFn::from(move || view! { <Listen text=spoken.clone()/> }));
    view! { <bawaba_ui::banners::DangerBanner dangers=dangers compact=compact actions=actions/> }
}

/// "Your phone's clock seems wrong: it says …", on every view while it does
/// (and no view says "open now" or "closed now" meanwhile).
#[component]
pub fn ClockBanner() -> impl IntoView {
    let p = Portal::get();
    let (lang, wrong, tz) = (p.lang, p.clock_wrong, p.tz());
    move || {
        wrong.get().then(|| {
            let l = lang.get();
            let says = crate::format::date_time_full(l, crate::clock::phone_now(), tz);
            view! { <p class="warning clock" role="status">{l.f(Msg::ClockWrong, &[("time", &says)])}</p> }
        })
    }
}
