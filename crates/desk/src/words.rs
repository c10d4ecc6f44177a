//! The desk page's own sentences, in the four languages. What it says about
//! a sheet comes from bawaba-feed (`say.rs`); these are only its frame.

use bawaba_ui::i18n::Lang;
use serde_json::{json, Value};

/// Every sentence of the page in `lang`, by key; `{n}` is a count.
pub fn page(lang: Lang) -> Value {
    let rows: [(&str, [&str; 4]); 20] = [
        ("title", ["مكتب الناشر", "Publisher's desk", "שולחן המפרסם", "Bureau de l'éditeur"]),
        ("intro", [
            "حوّل جدولك إلى ملف تقرؤه البوابة، على هذا الحاسوب ومن دون إنترنت. لا يُرسل الملف إلى أي مكان.",
            "Turn your sheet into a feed the portal reads, on this computer, with no internet. The file is sent nowhere.",
            "הפכו את הגיליון שלכם לפיד שהפורטל קורא, במחשב הזה וללא אינטרנט. הקובץ לא נשלח לשום מקום.",
            "Transformez votre feuille en flux que le portail lit, sur cet ordinateur, sans internet. Le fichier n'est envoyé nulle part.",
        ]),
        ("step1", [
            "افتح: جدول \u{2066}.xlsx\u{2069} أو \u{2066}.ods\u{2069} أو \u{2066}.csv\u{2069} (الصف الأول أسماء الحقول، كما في القالب).",
            "Open: an .xlsx, .ods or .csv sheet (the first row names the fields, as in the template).",
            "פתחו: גיליון \u{2066}.xlsx\u{2069}, \u{2066}.ods\u{2069} או \u{2066}.csv\u{2069} (השורה הראשונה היא שמות השדות, כמו בתבנית).",
            "Ouvrir : une feuille .xlsx, .ods ou .csv (la première ligne nomme les champs, comme dans le modèle).",
        ]),
        ("step2", [
            "افحص: كل مشكلة تُذكر بخليتها وبما يجب كتابته؛ لا يُحفظ شيء ما دامت هناك مشكلة.",
            "Check: every problem is named by its cell, with what to write; nothing is saved while one stands.",
            "בדקו: כל בעיה מצוינת לפי התא שלה, עם מה לכתוב; דבר לא נשמר כל עוד יש בעיה.",
            "Vérifier : chaque problème est nommé par sa cellule, avec ce qu'il faut écrire ; rien n'est enregistré tant qu'il en reste un.",
        ]),
        ("step3", [
            "احفظ الملف، ثم وقّعه وانشره بأداة bawaba-feed (التوقيع والنشر من هذه الصفحة لم يُبنيا بعد).",
            "Save the feed, then sign and publish it with bawaba-feed (signing and publishing from this page are not built yet).",
            "שמרו את הפיד, ואז חתמו ופרסמו אותו עם bawaba-feed (חתימה ופרסום מהדף הזה עדיין לא נבנו).",
            "Enregistrez le flux, puis signez-le et publiez-le avec bawaba-feed (signer et publier depuis cette page ne sont pas encore faits).",
        ]),
        ("language", ["اللغة", "Language", "שפה", "Langue"]),
        ("file", ["الجدول", "Sheet", "גיליון", "Feuille"]),
        ("kind", ["نوع البيانات", "What the sheet lists", "מה הגיליון מפרט", "Ce que la feuille liste"]),
        ("corridors", ["المعابر والممرات", "Crossings and corridors", "מעברים ומסדרונות", "Points de passage et corridors"]),
        ("distribution_points", ["نقاط توزيع المساعدات", "Aid distribution points", "נקודות חלוקת סיוע", "Points de distribution d'aide"]),
        ("notices", ["الإشعارات", "Notices", "הודעות", "Avis"]),
        ("id", ["معرّف الملف (اختياري)", "Feed id (optional)", "מזהה הפיד (רשות)", "Identifiant du flux (facultatif)"]),
        ("publisher", ["اسم الناشر (اختياري)", "Publisher's name (optional)", "שם המפרסם (רשות)", "Nom de l'éditeur (facultatif)"]),
        ("demo", ["بيانات تجريبية، ليست معلومات حقيقية", "Demo data, not real information", "נתוני הדגמה, לא מידע אמיתי", "Données de démonstration, pas d'information réelle"]),
        ("check", ["افحص الجدول", "Check the sheet", "בדקו את הגיליון", "Vérifier la feuille"]),
        ("ready", ["{n} عنصر، لا مشكلات: الملف جاهز", "{n} items, no problems: the feed is ready", "{n} פריטים, אין בעיות: הפיד מוכן", "{n} éléments, aucun problème : le flux est prêt"]),
        ("blocked", [
            "المشكلات: {n}. لا يمكن حفظ الملف قبل إصلاحها في الجدول.",
            "Problems: {n}. The feed cannot be saved until they are fixed in the sheet.",
            "בעיות: {n}. לא ניתן לשמור את הפיד עד שיתוקנו בגיליון.",
            "Problèmes : {n}. Le flux ne peut pas être enregistré avant qu'ils soient corrigés dans la feuille.",
        ]),
        ("warnings", ["تنبيهات (لا تمنع الحفظ)", "Warnings (they do not stop saving)", "אזהרות (אינן מונעות שמירה)", "Avertissements (ils n'empêchent pas l'enregistrement)"]),
        ("save", ["احفظ الملف", "Save the feed", "שמרו את הפיד", "Enregistrer le flux"]),
        ("unreadable", ["تعذّرت قراءة هذا الملف", "This file cannot be read", "לא ניתן לקרוא את הקובץ הזה", "Ce fichier ne peut pas être lu"]),
    ];
    let i = match lang {
        Lang::Ar => 0,
        Lang::En => 1,
        Lang::He => 2,
        Lang::Fr => 3,
    };
    let mut out = serde_json::Map::new();
    for (key, t) in rows {
        out.insert(key.into(), json!(t[i]));
    }
    out.insert("dir".into(), json!(lang.dir()));
    Value::Object(out)
}
