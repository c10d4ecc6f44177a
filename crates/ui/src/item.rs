//! Pieces of an item card shared by the cards.
//!
//! Cards read the language once (`get_untracked`) and the lists that hold
//! them are rebuilt when it changes: a card then costs a handful of reactive
//! effects instead of dozens, which keeps filtering a 10,000-point feed fast
//! on a slow phone.

use crate::format;
use crate::i18n::{Label, Msg};
use crate::reader::Reader;
use crate::text::FeedText;
use bawaba_model::{is_safe_url, Area, ItemBase, Link, LocalizedText, Schedule};
use leptos::prelude::*;

/// A labelled row of a card: `<dt>` and `<dd>`.
#[component]
pub fn Field(label: Msg, children: Children) -> impl IntoView {
    let lang = Reader::get().lang.get_untracked();
    view! {
        <div class="field">
            <dt>{lang.t(label)}</dt>
            <dd>{children()}</dd>
        </div>
    }
}

/// A list of contract enum values as translated words.
pub fn labels<T: Label>(values: &[T]) -> String {
    let l = Reader::get().lang.get_untracked();
    values.iter().map(|v| l.t(v.msg())).collect::<Vec<_>>().join(l.list_sep())
}

#[component]
pub fn Areas(areas: Vec<Area>) -> impl IntoView {
    (!areas.is_empty()).then(|| view! { <Field label=Msg::AreaLabel>{labels(&areas)}</Field> })
}

#[component]
pub fn OptionalText(label: Msg, text: Option<LocalizedText>) -> impl IntoView {
    text.map(|t| view! { <Field label=label><FeedText text=t/></Field> })
}

/// Links: only `https:` and `tel:` ever become links (the parser already
/// dropped others; the check is repeated here because it is cheap and this is
/// the last line of defence). They open outside the portal, without referrer.
#[component]
pub fn Links(links: Vec<Link>) -> impl IntoView {
    let lang = Reader::get().lang;
    (!links.is_empty()).then(|| {
        let items = links
            .into_iter()
            .filter(|l| is_safe_url(&l.url))
            .map(|l| {
                let is_tel = l.url.to_ascii_lowercase().starts_with("tel:");
                let number = l.url[4.min(l.url.len())..].to_owned();
                let has_label = l.label.is_some();
                let label = match l.label {
                    Some(t) => view! { <FeedText text=t/> }.into_any(),
                    None if is_tel => view! {
                        <span>{crate::i18n::fill(lang.get_untracked().t(Msg::CallTemplate), &[("number", String::new())])}</span>
                        <bdi dir="ltr" class="tel">{number.clone()}</bdi>
                    }
                    .into_any(),
                    None => view! { <bdi dir="ltr">{l.url.clone()}</bdi> }.into_any(),
                };
                let (target, rel) = if is_tel { (None, None) } else { (Some("_blank"), Some("noopener noreferrer external")) };
                view! {
                    <li>
                        <a href=l.url.clone() target=target rel=rel>{label}</a>
                        {(is_tel && has_label).then(|| view! { " " <bdi dir="ltr" class="tel">{number.clone()}</bdi> })}
                    </li>
                }
            })
            .collect_view();
        view! { <Field label=Msg::LinksLabel><ul class="links">{items}</ul></Field> }
    })
}

/// Weekly hours and one-off windows. With `usual` the hours are only
/// informative (the place is closed by its status).
#[component]
pub fn Hours(schedule: Schedule, #[prop(optional)] usual: bool) -> impl IntoView {
    let reader = Reader::get();
    let lang = reader.lang;
    let now = reader.now;
    let hours = schedule.hours.clone();
    let windows = schedule.windows.clone();
    let label = if usual { Msg::UsualHours } else { Msg::Hours };
    view! {
        {(!hours.is_empty()).then(|| view! {
            <Field label=label>
                <ul class="hours">
                    {hours.into_iter().map(|s| view! { <li>{format::slot(lang.get_untracked(), &s)}</li> }).collect_view()}
                </ul>
            </Field>
        })}
        {
            // Windows that are over are history, not information: hide them.
            let upcoming: Vec<_> = windows.into_iter().filter(|w| w.end > now.get_untracked()).collect();
            (!upcoming.is_empty()).then(|| view! {
                <Field label=Msg::Windows>
                    <ul class="hours">
                        {upcoming.into_iter().map(|w| {
                            let r = reader.clone();
                            view! { <li>{move || format::window_with(lang.get_untracked(), w.start, w.end, r.tz, |t| r.when(lang.get_untracked(), t, false))}</li> }
                        }).collect_view()}
                    </ul>
                </Field>
            })
        }
    }
}

/// "Updated 3 hours ago · Published by …", with the full date on a published
/// page; when several publishers describe the item, what each one says,
/// newest first, and whether they differ. Plain text with the names
/// bidi-isolated: fewer shapes of view, a smaller wasm.
#[component]
pub fn Updated(base: ItemBase) -> impl IntoView {
    let reader = Reader::get();
    let (lang, now) = (reader.lang, reader.now);
    let published = reader.published();
    let l = lang.get_untracked();
    let tz = reader.tz;
    let when = move |t| if published { format::date_time_full(l, t, tz) } else { format::age(l, t, now.get()) };
    let t = base.updated_at;
    let by = base.source.as_ref().and_then(|s| s.publisher.as_ref()).filter(|_| base.statements.is_empty());
    let by = by.map(|n| format!(" · {}", l.f(Msg::PublishedBy, &[("publisher", &crate::plain::isolate(&crate::plain::text_in(n, l, reader.default_language)))])));
    let heading = if base.sources_differ() { format!("≠ {}{}{}", l.t(Msg::SourcesDiffer), l.colon(), l.t(Msg::EachSource)) } else { l.t(Msg::EachSource).to_owned() };
    let lines: Vec<String> = base.statements.iter().map(|s| crate::plain::statement_line(l, s, reader.default_language, &when(s.updated_at))).collect();
    view! {
        <p class="updated">{move || l.f(Msg::UpdatedTemplate, &[("when", &when(t))]) + by.as_deref().unwrap_or("")}</p>
        {(!lines.is_empty()).then(|| view! {
            <div class="sources">
                <h3>{heading}</h3>
                <ul>{lines.into_iter().map(|t| view! { <li>{t}</li> }).collect_view()}</ul>
            </div>
        }.into_any())}
    }
}

/// "1.2 km north-west", when the reader asked for "near me".
#[component]
pub fn Distance(location: Option<bawaba_model::Point>) -> impl IntoView {
    let reader = Reader::get();
    let (lang, here) = (reader.lang, reader.here);
    move || here.get().zip(location).map(|(h, l)| view! { <p class="distance">{format::distance(lang.get_untracked(), h, l)}</p> })
}
