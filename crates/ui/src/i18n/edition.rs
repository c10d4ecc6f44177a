//! Text only the published edition uses (written by `bawaba-feed publish`),
//! apart from `Msg` so the portal's wasm does not carry it: `Lang::t` keeps
//! every `Msg` arm, used or not. Each language matches on every variant, so
//! a missing translation does not compile.

use super::Lang;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EdMsg {
    Title,
    AsPublished,
    LiveLink,
    LeftOut,
    LeftOutRemote,
    LeftOutInvalid,
    LeftOutSignature,
    /// A bulletin written on a phone ("Pass it on"): a feed it kept no copy of.
    LeftOutNotKept,
    /// Instead of AsPublished on a bulletin written on a phone.
    PassedByHand,
    AlsoHere,
    Expired,
    AreaNone,
    ZoneGaza,
    SnapshotAsPublished,
    SnapshotEverything,
    /// The first line of an SMS digest.
    DigestAsOf,
}

impl EdMsg {
    pub const ALL: &'static [EdMsg] = &[EdMsg::Title, EdMsg::AsPublished, EdMsg::LiveLink, EdMsg::LeftOut, EdMsg::LeftOutRemote, EdMsg::LeftOutInvalid, EdMsg::LeftOutSignature, EdMsg::LeftOutNotKept, EdMsg::PassedByHand, EdMsg::AlsoHere, EdMsg::Expired, EdMsg::AreaNone, EdMsg::ZoneGaza, EdMsg::SnapshotAsPublished, EdMsg::SnapshotEverything, EdMsg::DigestAsOf];
}

pub fn t(lang: Lang, msg: EdMsg) -> &'static str {
    use EdMsg::*;
    match lang {
        Lang::Ar => match msg {
            Title => "المعابر ونقاط المساعدات وتنبيهات السلامة",
            AsPublished => "كما نُشرت {when} بتوقيت {zone}. هذه الصفحة لا تتحدّث وحدها: تحقّق من التواريخ والساعات قبل أن تذهب.",
            LiveLink => "افتح البوابة المباشرة (تحتاج متصفحًا حديثًا واتصالًا)",
            LeftOut => "غير موجود في هذه الصفحة:",
            LeftOutRemote => "منشور على موقع آخر لم يمكن الوصول إليه عند كتابة هذه الصفحة",
            LeftOutInvalid => "تعذّرت قراءة الملف كنشرة",
            LeftOutSignature => "تعذّر التحقق من توقيعه بمفتاح موثوق",
            LeftOutNotKept => "لم يكن على الهاتف الذي مرّر هذه الصفحة نسخة منه",
            PassedByHand => "مُرّرت يدًا بيد: كتبها هاتف {when} بتوقيت {zone} من النسخ التي يحفظها، لا الجهة الناشرة. هذه الصفحة لا تتحدّث وحدها: انظر وقت نشر كل مصدر أدناه، وتحقّق من التواريخ والساعات قبل أن تذهب.",
            AlsoHere => "يخصّ هذه المنطقة أيضًا:",
            Expired => "انتهت صلاحية بعض هذه المعلومات: حدّد ناشرها انتهاءها {when}. تحقّق من المصادر المحلية قبل التنقل.",
            AreaNone => "في كل أنحاء القطاع",
            ZoneGaza => "غزة",
            SnapshotAsPublished => "كما نُشرت {when} بتوقيت {zone}. تحقّق من التواريخ والساعات قبل أن تذهب.",
            SnapshotEverything => "كل المعلومات في صفحة واحدة: كل المعابر ونقاط المساعدات والتنبيهات",
            DigestAsOf => "الوضع حتى {when}",
        },
        Lang::En => match msg {
            Title => "Crossings, aid points and safety notices",
            AsPublished => "As published {when}, {zone} time. This page does not update itself: check the dates and hours before you go.",
            LiveLink => "Open the live portal (needs a recent browser and a connection)",
            LeftOut => "Not on this page:",
            LeftOutRemote => "published on another website, which could not be reached when this page was written",
            LeftOutInvalid => "the file could not be read as a feed",
            LeftOutSignature => "its signature could not be verified with a trusted key",
            LeftOutNotKept => "the phone that passed this page on had no copy of it",
            PassedByHand => "Passed by hand: written on a phone {when}, {zone} time, from the copies it kept, not by the publisher. This page does not update itself: see when each feed was published below, and check the dates and hours before you go.",
            AlsoHere => "Also concerns this area:",
            Expired => "Some of this information has expired: its publisher set it to end {when}. Check with local sources before you travel.",
            AreaNone => "Across the Strip",
            ZoneGaza => "Gaza",
            SnapshotAsPublished => "As published {when}, {zone} time. Check the dates and hours before you go.",
            SnapshotEverything => "Everything on one page: every crossing, aid point and notice",
            DigestAsOf => "As of {when}",
        },
        Lang::He => match msg {
            Title => "מעברים, נקודות סיוע והודעות בטיחות",
            AsPublished => "כפי שפורסם {when}, שעון {zone}. הדף הזה אינו מתעדכן מעצמו: בדקו את התאריכים והשעות לפני היציאה.",
            LiveLink => "פתחו את הפורטל החי (דרוש דפדפן עדכני וחיבור)",
            LeftOut => "לא בדף הזה:",
            LeftOutRemote => "פורסם באתר אחר שלא היה זמין בעת כתיבת הדף",
            LeftOutInvalid => "לא ניתן היה לקרוא את הקובץ כפיד",
            LeftOutSignature => "לא ניתן היה לאמת את חתימתו במפתח מהימן",
            LeftOutNotKept => "לטלפון שהעביר את הדף הזה לא היה עותק שלו",
            PassedByHand => "הועבר מיד ליד: נכתב בטלפון {when}, שעון {zone}, מהעותקים ששמר, לא על ידי המפרסם. הדף הזה אינו מתעדכן מעצמו: ראו למטה מתי פורסם כל מקור, ובדקו את התאריכים והשעות לפני היציאה.",
            AlsoHere => "נוגע גם לאזור הזה:",
            Expired => "חלק מהמידע הזה פג תוקף: המפרסם קבע את סיומו {when}. בדקו במקורות מקומיים לפני שאתם יוצאים לדרך.",
            AreaNone => "בכל רחבי הרצועה",
            ZoneGaza => "עזה",
            SnapshotAsPublished => "כפי שפורסם {when}, שעון {zone}. בדקו את התאריכים והשעות לפני היציאה.",
            SnapshotEverything => "הכול בדף אחד: כל המעברים, נקודות הסיוע וההודעות",
            DigestAsOf => "המצב נכון ל{when}",
        },
        Lang::Fr => match msg {
            Title => "Passages, points d’aide et avis de sécurité",
            AsPublished => "Tel que publié le {when}, heure de {zone}. Cette page ne se met pas à jour d’elle-même : vérifiez les dates et les horaires avant de partir.",
            LiveLink => "Ouvrir le portail en direct (navigateur récent et connexion nécessaires)",
            LeftOut => "Absent de cette page :",
            LeftOutRemote => "publié sur un autre site, injoignable au moment où cette page a été écrite",
            LeftOutInvalid => "le fichier n’a pas pu être lu comme un flux",
            LeftOutSignature => "sa signature n’a pas pu être vérifiée avec une clé de confiance",
            LeftOutNotKept => "le téléphone qui a transmis cette page n’en avait pas de copie",
            PassedByHand => "Transmis de main en main\u{a0}: écrit sur un téléphone le {when}, heure de {zone}, à partir des copies qu’il gardait, et non par l’éditeur. Cette page ne se met pas à jour d’elle-même\u{a0}: voyez ci-dessous quand chaque source a été publiée, et vérifiez les dates et les horaires avant de partir.",
            AlsoHere => "Concerne aussi cette zone :",
            Expired => "Une partie de ces informations a expiré : leur éditeur en avait fixé la fin au {when}. Vérifiez auprès de sources locales avant de vous déplacer.",
            AreaNone => "Dans toute la bande de Gaza",
            ZoneGaza => "Gaza",
            SnapshotAsPublished => "Tel que publié le {when}, heure de {zone}. Vérifiez les dates et les horaires avant de partir.",
            SnapshotEverything => "Tout sur une page : chaque passage, point d’aide et avis",
            DigestAsOf => "Situation au {when}",
        },
    }
}

/// A template with its placeholders filled, numbers in the language's digits.
pub fn f(lang: Lang, msg: EdMsg, args: &[(&str, &str)]) -> String {
    let localized: Vec<(&str, String)> = args.iter().map(|(k, v)| (*k, lang.digits(v))).collect();
    super::fill(t(lang, msg), &localized)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn placeholders(s: &str) -> Vec<&str> {
        let mut out: Vec<&str> = s.split('{').skip(1).filter_map(|p| p.split_once('}').map(|(k, _)| k)).collect();
        out.sort();
        out
    }

    #[test]
    fn every_edition_message_is_translated_with_the_same_placeholders() {
        for &m in EdMsg::ALL {
            let en = t(Lang::En, m);
            for lang in [Lang::Ar, Lang::He, Lang::Fr] {
                let text = t(lang, m);
                assert!(!text.trim().is_empty(), "{lang:?} {m:?}");
                assert_eq!(placeholders(text), placeholders(en), "{lang:?} {m:?}: {text}");
                if lang != Lang::Fr {
                    assert_ne!(text, en, "{lang:?} {m:?} is still English");
                } else {
                    assert_eq!(super::super::breakable_french_mark(text), None, "{m:?}: {text}");
                }
            }
        }
    }
}
