//! What `import` and `validate` say about a file, in the four languages: the
//! command line prints the English (`Display`, the words it always printed),
//! the desk (crates/desk) the coordinator's language. One list, so the two
//! can never tell a publisher different things.

use bawaba_model::{Effect, Expected, FeedError, Problem, MAX_FEED_BYTES};
use bawaba_model::json::JsonType;
use bawaba_ui::i18n::{describe, Lang, Msg};
use std::fmt;

#[derive(Debug, Clone, PartialEq)]
pub enum Say {
    // A cell of a sheet that cannot be read as its column asks.
    NotGovernorate(String),
    NotCoordinate(String),
    NotWindow(String),
    NotSameAs(String),
    NotPath(String),
    NotHours(String),
    NotDays(String),
    NotDateTime(String),
    /// A cell with nothing in it where a value was asked for.
    NoValue,
    IgnoredColumn,
    // The file itself.
    NotASheet,
    /// A key file that is not one `keygen` writes.
    NotAKey,
    /// Cannot be read, or over a limit: the reader's own words (English).
    Unreadable(String),
    NotJson(String),
    Feed(FeedError),
    Problem(Problem, Effect),
    // Warnings: shown by the portal, probably not what was meant.
    Expired,
    Demo,
    PublishedInFuture,
    NoArabic,
    PastWindow,
    OutsideGaza,
    AreaElsewhere { point: String, area: String },
}

fn type_name(t: JsonType) -> &'static str {
    match t {
        JsonType::Null => "null",
        JsonType::Bool => "true/false",
        JsonType::Number => "a number",
        JsonType::String => "a string",
        JsonType::Array => "a list",
        JsonType::Object => "an object",
    }
}

fn expected(e: &Expected) -> &'static str {
    match e {
        Expected::Json(t) => type_name(*t),
        Expected::Text => "a text object like {\"ar\": \"…\", \"en\": \"…\"}",
        Expected::Timestamp => "an RFC 3339 timestamp with an offset",
        Expected::Clock => "a time \"HH:MM\"",
        Expected::Day => "a day: mon, tue, wed, thu, fri, sat, sun",
    }
}

fn problem_en(p: &Problem) -> String {
    match p {
        Problem::Missing => "required field is missing".into(),
        Problem::WrongType { expected: e, found } => format!("expected {}, found {}", expected(e), type_name(*found)),
        Problem::Empty => "empty value".into(),
        Problem::BadTimestamp => "not a valid date and time".into(),
        Problem::TimestampWithoutOffset => "date and time without a time-zone offset".into(),
        Problem::OutOfRange => "coordinate out of range".into(),
        Problem::BadClock => "not a time HH:MM".into(),
        Problem::BadDay => "not a day".into(),
        Problem::EndNotAfterStart => "ends before it starts".into(),
        Problem::DuplicateId => "another item already has this id".into(),
        Problem::UnsafeLink => "link is not https: or tel:".into(),
        Problem::PathLength => "a path needs 2 to 500 points".into(),
        Problem::IdTooLong => format!("id longer than {} characters", bawaba_model::MAX_ID_CHARS),
    }
}

fn feed_error_en(e: &FeedError) -> String {
    match e {
        FeedError::NotJson => "not valid JSON".into(),
        FeedError::NotAnObject => "the file must be a JSON object".into(),
        FeedError::MissingFormat => "\"format\" is missing".into(),
        FeedError::UnknownFormat(v) => format!("unknown format \"{v}\" (the portal reads bawaba-feed/1)"),
        FeedError::MissingKind => "\"kind\" is missing".into(),
        FeedError::UnknownKind(k) => format!("unknown kind \"{k}\""),
        FeedError::ItemsNotAList => "\"items\" must be a list".into(),
        FeedError::TooLarge { bytes } => format!("file is {bytes} bytes; the limit is {MAX_FEED_BYTES}"),
        FeedError::TooManyItems { count } => format!("{count} items; the limit is 20000"),
    }
}

/// `{0}` in a sentence, the publisher's own text, quoted as written. In
/// Arabic and Hebrew it is isolated, so "8-15" is never drawn as "15-8".
fn with(lang: Lang, sentence: &str, value: &str) -> String {
    if lang.is_rtl() {
        sentence.replace("{0}", &format!("\u{2068}{value}\u{2069}"))
    } else {
        sentence.replace("{0}", value)
    }
}

/// One of a text's four languages, written in the order Arabic, English,
/// Hebrew, French (also the desk's page words).
pub fn one_of<'a>(lang: Lang, [ar, en, he, fr]: [&'a str; 4]) -> &'a str {
    match lang {
        Lang::Ar => ar,
        Lang::En => en,
        Lang::He => he,
        Lang::Fr => fr,
    }
}

impl Say {
    /// The sentence in `lang`.
    pub fn text(&self, lang: Lang) -> String {
        use Lang::*;
        let pick = |ar: &str, en: &str, he: &str, fr: &str| one_of(lang, [ar, en, he, fr]).to_owned();
        match self {
            Say::NotGovernorate(v) => with(lang, &pick(
                "«{0}» ليست محافظة؛ اكتب north_gaza أو gaza أو deir_al_balah أو khan_younis أو rafah",
                "\"{0}\" is not a governorate; write north_gaza, gaza, deir_al_balah, khan_younis or rafah",
                "\u{2066}\"{0}\"\u{2069} אינו נפה; כתבו north_gaza, gaza, deir_al_balah, khan_younis או rafah",
                "« {0} » n'est pas un gouvernorat ; écrivez north_gaza, gaza, deir_al_balah, khan_younis ou rafah",
            ), v),
            Say::NotCoordinate(v) => with(lang, &pick(
                "«{0}» ليس إحداثيًا؛ اكتبه بالدرجات العشرية، مثل 31.3462",
                "\"{0}\" is not a coordinate; write it in decimal degrees, e.g. 31.3462",
                "\u{2066}\"{0}\"\u{2069} אינו קואורדינטה; כתבו במעלות עשרוניות, למשל 31.3462",
                "« {0} » n'est pas une coordonnée ; écrivez-la en degrés décimaux, par ex. 31.3462",
            ), v),
            Say::NotWindow(v) => with(lang, &pick(
                "«{0}» ليست فترة زمنية؛ اكتب \u{2066}\"2026-11-25 09:00 – 2026-11-25 13:00\"\u{2069}",
                "\"{0}\" is not a time window; write \"2026-11-25 09:00 – 2026-11-25 13:00\"",
                "\u{2066}\"{0}\"\u{2069} אינו חלון זמן; כתבו \u{2066}\"2026-11-25 09:00 – 2026-11-25 13:00\"\u{2069}",
                "« {0} » n'est pas une plage horaire ; écrivez « 2026-11-25 09:00 – 2026-11-25 13:00 »",
            ), v),
            Say::NotSameAs(v) => with(lang, &pick(
                "«{0}» لا يسمّي عنصرًا لناشر آخر؛ اكتب \u{2066}\"their-feed-id/their-item-id\"\u{2069}",
                "\"{0}\" does not name another publisher's item; write \"their-feed-id/their-item-id\"",
                "\u{2066}\"{0}\"\u{2069} אינו מציין פריט של מפרסם אחר; כתבו \u{2066}\"their-feed-id/their-item-id\"\u{2069}",
                "« {0} » ne désigne pas l'élément d'un autre éditeur ; écrivez « their-feed-id/their-item-id »",
            ), v),
            Say::NotPath(v) => with(lang, &pick(
                "«{0}» ليس مسارًا؛ اكتب \u{2066}\"31.55 34.53; 31.53 34.49\"\u{2069} (خط العرض خط الطول؛ …)",
                "\"{0}\" is not a path; write \"31.55 34.53; 31.53 34.49\" (lat lon; lat lon)",
                "\u{2066}\"{0}\"\u{2069} אינו מסלול; כתבו \u{2066}\"31.55 34.53; 31.53 34.49\"\u{2069} (קו רוחב קו אורך; …)",
                "« {0} » n'est pas un tracé ; écrivez « 31.55 34.53; 31.53 34.49 » (lat lon ; lat lon)",
            ), v),
            Say::NotHours(v) => with(lang, &pick(
                "«{0}» ليس نطاق ساعات؛ اكتب \u{2066}\"08:00–15:00\"\u{2069}",
                "\"{0}\" is not an hours range; write \"08:00–15:00\"",
                "\u{2066}\"{0}\"\u{2069} אינו טווח שעות; כתבו \u{2066}\"08:00–15:00\"\u{2069}",
                "« {0} » n'est pas une plage d'heures ; écrivez « 08:00–15:00 »",
            ), v),
            Say::NotDays(v) => with(lang, &pick(
                "«{0}» ليست أيامًا؛ اكتب \u{2066}\"Sun–Thu\"\u{2069} أو \u{2066}\"Sat, Mon\"\u{2069}",
                "\"{0}\" are not days; write \"Sun–Thu\" or \"Sat, Mon\"",
                "\u{2066}\"{0}\"\u{2069} אינם ימים; כתבו \u{2066}\"Sun–Thu\"\u{2069} או \u{2066}\"Sat, Mon\"\u{2069}",
                "« {0} » ne sont pas des jours ; écrivez « Sun–Thu » ou « Sat, Mon »",
            ), v),
            Say::NotDateTime(v) => with(lang, &pick(
                "«{0}» ليس تاريخًا ووقتًا؛ اكتب \u{2066}\"2026-11-24 08:00\"\u{2069} (بتوقيت غزة) أو اجعل نوع الخلية تاريخًا",
                "\"{0}\" is not a date and time; write \"2026-11-24 08:00\" (Gaza time) or type the cell as a date",
                "\u{2066}\"{0}\"\u{2069} אינו תאריך ושעה; כתבו \u{2066}\"2026-11-24 08:00\"\u{2069} (שעון עזה) או הגדירו את התא כתאריך",
                "« {0} » n'est pas une date et heure ; écrivez « 2026-11-24 08:00 » (heure de Gaza) ou donnez à la cellule le type date",
            ), v),
            Say::NoValue => String::new(),
            Say::IgnoredColumn => pick(
                "ليس حقلًا من حقول الملف؛ سيُتجاهل هذا العمود",
                "not a feed field; the column is ignored",
                "אינו שדה של הפיד; העמודה לא תיקרא",
                "pas un champ du flux ; la colonne est ignorée",
            ),
            Say::NotASheet => pick(
                "ليس جدولًا تقرؤه هذه الأداة: احفظه بصيغة \u{2066}.xlsx\u{2069} أو \u{2066}.ods\u{2069} أو \u{2066}.csv\u{2069}",
                "not a sheet this tool reads: save it as .xlsx, .ods or .csv",
                "אינו גיליון שהכלי קורא: שמרו אותו כ‑\u{2066}.xlsx\u{2069}, \u{2066}.ods\u{2069} או \u{2066}.csv\u{2069}",
                "pas une feuille que cet outil lit : enregistrez-la en .xlsx, .ods ou .csv",
            ),
            Say::NotAKey => pick(
                "ليس مفتاحًا كتبته keygen",
                "not a key written by keygen",
                "אינו מפתח שנכתב על ידי keygen",
                "pas une clé écrite par keygen",
            ),
            Say::Unreadable(detail) => match lang {
                En => detail.clone(),
                _ => with(lang, &pick("تعذّرت قراءة الملف: {0}", "", "לא ניתן לקרוא את הקובץ: {0}", "le fichier ne peut pas être lu : {0}"), detail),
            },
            Say::NotJson(detail) => match lang {
                En => format!("not valid JSON: {detail}"),
                _ => format!("{}: {detail}", describe::feed_error(lang, &FeedError::NotJson)),
            },
            Say::Feed(e) => match lang {
                En => feed_error_en(e),
                _ => describe::feed_error(lang, e),
            },
            Say::Problem(p, effect) => match lang {
                En => format!("{} ({})", problem_en(p), match effect {
                    Effect::ItemSkipped => "item skipped",
                    Effect::FieldDropped => "field ignored",
                }),
                _ => format!("{} ({})", describe::problem(lang, p), lang.t(match effect {
                    Effect::ItemSkipped => Msg::EffectSkipped,
                    Effect::FieldDropped => Msg::EffectDropped,
                })),
            },
            Say::Expired => pick(
                "انتهت صلاحية الملف: يُقال للقرّاء إنه قد يكون قديمًا",
                "the feed has expired: readers are told it may be out of date",
                "תוקף הפיד פג: הקוראים מתבקשים לשים לב שייתכן שאינו עדכני",
                "le flux a expiré : les lecteurs sont avertis qu'il peut être dépassé",
            ),
            Say::Demo => pick(
                "قيمة demo ليست false: تَسِم البوابة كل شاشة من هذا الملف بأنها بيانات تجريبية لا معلومات حقيقية",
                "demo is not false: the portal labels every screen of this feed as demo data, not real information",
                "demo אינו false: הפורטל מסמן כל מסך של פיד זה כנתוני הדגמה ולא כמידע אמיתי",
                "demo n'est pas false : le portail marque chaque écran de ce flux comme données de démonstration, pas comme information réelle",
            ),
            Say::PublishedInFuture => pick(
                "وقت النشر published_at في المستقبل: لن تعتمد الهواتف عليه في ترتيب نسخ هذا الملف",
                "published_at is in the future: phones will not use it to order copies of this feed",
                "published_at בעתיד: הטלפונים לא ישתמשו בו כדי לסדר עותקים של פיד זה",
                "published_at est dans le futur : les téléphones ne s'en serviront pas pour ordonner les copies de ce flux",
            ),
            Say::NoArabic => pick("لا يوجد نص عربي", "no Arabic text", "אין טקסט בערבית", "pas de texte en arabe"),
            Say::PastWindow => pick("هذه الفترة في الماضي", "this window is in the past", "חלון זמן זה כבר עבר", "cette plage est passée"),
            Say::OutsideGaza => pick("النقطة خارج قطاع غزة", "point outside the Gaza Strip", "הנקודה מחוץ לרצועת עזה", "point hors de la bande de Gaza"),
            Say::AreaElsewhere { point, area } => pick(
                "النقطة في {0}، لكن المنطقة المكتوبة {1}",
                "the point is in {0}, but area says {1}",
                "הנקודה ב‑{0}, אך האזור שנכתב הוא {1}",
                "le point est à {0}, mais la zone indique {1}",
            )
            .replace("{0}", point)
            .replace("{1}", area),
        }
    }

    /// What to do about it, where there is advice beyond the sentence.
    pub fn hint(&self, lang: Lang) -> Option<String> {
        let pick = |ar: &str, en: &str, he: &str, fr: &str| Some(one_of(lang, [ar, en, he, fr]).to_owned());
        match self {
            Say::NotJson(_) => pick("السبب المعتاد فاصلة أو علامة اقتباس ناقصة", "a missing comma or quote is the usual cause", "הסיבה הרגילה היא פסיק או מירכאות חסרים", "une virgule ou un guillemet manquant en est la cause habituelle"),
            Say::Expired => pick("انشر نسخة جديدة بقيمة expires_at لاحقة", "publish a new copy with a later expires_at", "פרסמו עותק חדש עם expires_at מאוחר יותר", "publiez une nouvelle copie avec un expires_at plus tardif"),
            Say::Demo => pick("اجعل \u{2066}\"demo\"\u{2069}: false حين تكون المعلومات حقيقية", "set \"demo\": false when the information is real", "קבעו \u{2066}\"demo\"\u{2069}: false כשהמידע אמיתי", "mettez \"demo\": false quand l'information est réelle"),
            Say::PublishedInFuture => pick("هل ساعة الجهاز الذي صدّر الملف أو فرق توقيته خاطئ؟", "is the clock or the time zone offset of the exporting machine wrong?", "האם השעון או אזור הזמן של המחשב שייצא את הקובץ שגויים?", "l'horloge ou le fuseau horaire de la machine qui a exporté le fichier est-il faux ?"),
            Say::NoArabic => pick("معظم القرّاء يقرؤون العربية: أضف نصًا \u{2066}\"ar\"\u{2069}", "most readers read Arabic: add an \"ar\" entry", "רוב הקוראים קוראים ערבית: הוסיפו ערך \u{2066}\"ar\"\u{2069}", "la plupart des lecteurs lisent l'arabe : ajoutez une entrée « ar »"),
            Say::PastWindow => pick("احذفها أو صحّح تواريخها", "remove it, or correct its dates", "הסירו אותו או תקנו את התאריכים", "supprimez-la, ou corrigez ses dates"),
            Say::OutsideGaza => pick("هل تبادل خط العرض وخط الطول مكانيهما؟", "are lat and lon swapped?", "האם קו הרוחב וקו האורך הוחלפו?", "lat et lon sont-ils inversés ?"),
            Say::AreaElsewhere { .. } => pick("صحّح المنطقة أو النقطة: تعرض البوابة المنطقة كما كُتبت", "correct the area or the point: the portal shows the area as written", "תקנו את האזור או את הנקודה: הפורטל מציג את האזור כפי שנכתב", "corrigez la zone ou le point : le portail affiche la zone telle qu'écrite"),
            Say::Feed(e) => match e {
                FeedError::NotAnObject => pick("ابدأ من `bawaba-feed new …`", "start from `bawaba-feed new …`", "התחילו מ‑`bawaba-feed new …`", "partez de `bawaba-feed new …`"),
                FeedError::MissingFormat => pick("أضف \u{2066}\"format\"\u{2069}: \u{2066}\"bawaba-feed/1\"\u{2069}", "add \"format\": \"bawaba-feed/1\"", "הוסיפו \u{2066}\"format\"\u{2069}: \u{2066}\"bawaba-feed/1\"\u{2069}", "ajoutez \"format\": \"bawaba-feed/1\""),
                FeedError::MissingKind | FeedError::UnknownKind(_) => pick("corridors أو distribution_points أو notices", "corridors, distribution_points or notices", "corridors, distribution_points או notices", "corridors, distribution_points ou notices"),
                FeedError::TooLarge { .. } | FeedError::TooManyItems { .. } => pick("قسّمه إلى عدة ملفات", "split it into several feeds", "פצלו אותו לכמה פידים", "divisez-le en plusieurs flux"),
                _ => None,
            },
            Say::Problem(p, _) => match p {
                Problem::Missing => pick("أضفه: انظر docs/feed-format.md القسم 4", "add it: see docs/feed-format.md section 4", "הוסיפו אותו: ראו docs/feed-format.md סעיף 4", "ajoutez-le : voir docs/feed-format.md section 4"),
                Problem::WrongType { .. } => pick("تحقّق من علامات الاقتباس والأقواس لهذه القيمة", "check the quotes and brackets of this value", "בדקו את המירכאות והסוגריים של ערך זה", "vérifiez les guillemets et crochets de cette valeur"),
                Problem::Empty => pick("أعطه قيمة غير فارغة، أو احذف الحقل", "give it a non-empty value, or remove the field", "תנו לו ערך שאינו ריק, או הסירו את השדה", "donnez-lui une valeur non vide, ou supprimez le champ"),
                Problem::BadTimestamp => pick("اكتبه هكذا: 2026-11-24T08:00:00+02:00", "write it like 2026-11-24T08:00:00+02:00", "כתבו כך: 2026-11-24T08:00:00+02:00", "écrivez-la ainsi : 2026-11-24T08:00:00+02:00"),
                Problem::TimestampWithoutOffset => pick("أضف فرق التوقيت: 2026-11-24T08:00:00+02:00 (شتاء غزة) أو …Z للتوقيت العالمي", "add the offset: 2026-11-24T08:00:00+02:00 (Gaza winter) or …Z for UTC", "הוסיפו את ההפרש: 2026-11-24T08:00:00+02:00 (חורף בעזה) או …Z ל‑UTC", "ajoutez le décalage : 2026-11-24T08:00:00+02:00 (hiver à Gaza) ou …Z pour UTC"),
                Problem::OutOfRange => pick("يجب أن يكون lat بين ‎-90 و90 وlon بين ‎-180 و180؛ غزة تقريبًا lat 31.4 وlon 34.4", "lat must be in [-90, 90], lon in [-180, 180]; Gaza is about lat 31.4, lon 34.4", "lat חייב להיות ב‑[-90, 90], lon ב‑[-180, 180]; עזה היא בערך lat 31.4, lon 34.4", "lat doit être dans [-90, 90], lon dans [-180, 180] ; Gaza est vers lat 31.4, lon 34.4"),
                Problem::BadClock => pick("استخدم نظام 24 ساعة برقمين: \u{2066}\"08:00\"\u{2069}، \u{2066}\"16:30\"\u{2069}", "use 24-hour time with two digits: \"08:00\", \"16:30\"", "השתמשו בשעון 24 שעות בשתי ספרות: \u{2066}\"08:00\"\u{2069}, \u{2066}\"16:30\"\u{2069}", "utilisez l'heure sur 24 h à deux chiffres : « 08:00 », « 16:30 »"),
                Problem::BadDay => pick("استخدم mon, tue, wed, thu, fri, sat, sun", "use mon, tue, wed, thu, fri, sat, sun", "השתמשו ב‑mon, tue, wed, thu, fri, sat, sun", "utilisez mon, tue, wed, thu, fri, sat, sun"),
                Problem::EndNotAfterStart => pick("بدّل البداية والنهاية، أو صحّح التاريخ", "swap start and end, or fix the date", "החליפו בין ההתחלה לסוף, או תקנו את התאריך", "inversez début et fin, ou corrigez la date"),
                Problem::DuplicateId => pick("يجب أن يكون كل معرّف فريدًا في الملف", "ids must be unique within a feed", "כל מזהה חייב להיות ייחודי בפיד", "les identifiants doivent être uniques dans un flux"),
                Problem::UnsafeLink => pick("لا تُعرض للقرّاء إلا روابط https://‎ وtel:‎", "only https:// and tel: links are shown to readers", "רק קישורי https://‎ ו‑tel:‎ מוצגים לקוראים", "seuls les liens https:// et tel: sont montrés aux lecteurs"),
                Problem::PathLength => pick("اكتب نقاط الطريق بالترتيب، من طرف إلى الآخر", "give the road's points in order, from one end to the other", "כתבו את נקודות הדרך לפי הסדר, מקצה לקצה", "donnez les points de la route dans l'ordre, d'un bout à l'autre"),
                Problem::IdTooLong => pick("استخدم رمزًا قصيرًا مثل \u{2066}\"khy-12\"\u{2069}: المعرّف يدخل في كل رابط إلى العنصر", "use a short code, like \"khy-12\": the id goes into every link to the item", "השתמשו בקוד קצר, כמו \u{2066}\"khy-12\"\u{2069}: המזהה נכנס לכל קישור לפריט", "utilisez un code court, comme « khy-12 » : l'identifiant entre dans chaque lien vers l'élément"),
            },
            _ => None,
        }
    }

    /// The English hint, as the command line has always printed it.
    pub fn hint_en(&self) -> Option<String> {
        self.hint(Lang::En)
    }
}

/// The English sentence, as the command line prints it.
impl fmt::Display for Say {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text(Lang::En))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_sentence_and_hint_reads_in_every_language() {
        let all = [
            Say::NotGovernorate("Jabalia".into()),
            Say::NotCoordinate("x".into()),
            Say::NotWindow("x".into()),
            Say::NotSameAs("x".into()),
            Say::NotPath("x".into()),
            Say::NotHours("8-15".into()),
            Say::NotDays("Sunnday".into()),
            Say::NotDateTime("24/11/2026".into()),
            Say::IgnoredColumn,
            Say::NotASheet,
            Say::NotAKey,
            Say::Unreadable("zip: invalid".into()),
            Say::NotJson("line 1".into()),
            Say::Feed(FeedError::UnknownKind("k".into())),
            Say::Problem(Problem::Missing, Effect::ItemSkipped),
            Say::Expired,
            Say::Demo,
            Say::PublishedInFuture,
            Say::NoArabic,
            Say::PastWindow,
            Say::OutsideGaza,
            Say::AreaElsewhere { point: "rafah".into(), area: "khan_younis".into() },
        ];
        for say in &all {
            let en = say.text(Lang::En);
            for lang in [Lang::Ar, Lang::He, Lang::Fr] {
                let t = say.text(lang);
                assert!(!t.is_empty() && t != en, "{say:?} in {lang:?}: {t}");
                assert_eq!(say.hint(lang).is_some(), say.hint_en().is_some(), "{say:?}: a hint in {lang:?} as in English");
                if let Some(h) = say.hint(lang) {
                    assert!(!h.is_empty() && Some(&h) != say.hint_en().as_ref(), "{say:?}'s hint in {lang:?}");
                }
            }
        }
        // The publisher's own text is quoted as written, in every language.
        assert!(Say::NotGovernorate("Jabalia".into()).text(Lang::Ar).contains("Jabalia"));
        assert_eq!(Say::AreaElsewhere { point: "rafah".into(), area: "khan_younis".into() }.to_string(), "the point is in rafah, but area says khan_younis");
    }
}
