//! The desk page's own sentences, in the four languages. What it says about
//! a sheet comes from bawaba-feed (`say.rs`); these are only its frame.

use bawaba_feed::say::one_of;
use bawaba_ui::i18n::Lang;
use serde_json::{json, Value};

/// Every sentence of the page in `lang`, by key; `{n}` is a count.
pub fn page(lang: Lang) -> Value {
    let rows: &[(&str, [&str; 4])] = &[
        ("title", ["مكتب الناشر", "Publisher's desk", "שולחן המפרסם", "Bureau de l'éditeur"]),
        ("intro", [
            "حوّل جدولك إلى ملف تقرؤه البوابة، على هذا الحاسوب ومن دون إنترنت. لا يُرسل الملف إلى أي مكان.",
            "Turn your sheet into a feed the portal reads, on this computer, with no internet. The file is sent nowhere.",
            "הפכו את הגיליון שלכם לפיד שהפורטל קורא, במחשב הזה וללא אינטרנט. הקובץ לא נשלח לשום מקום.",
            "Transformez votre feuille en flux que le portail lit, sur cet ordinateur, sans internet. Le fichier n'est envoyé nulle part.",
        ]),
        ("step1", [
            "افتح: جدول \u{2066}.xlsx\u{2069} أو \u{2066}.ods\u{2069} أو \u{2066}.csv\u{2069} (الصف الأول أسماء الحقول، كما في القالب)، أو ملفًا منشورًا \u{2066}.json\u{2069} لفحصه وتوقيعه.",
            "Open: an .xlsx, .ods or .csv sheet (the first row names the fields, as in the template), or a feed already written (.json) to check and sign it.",
            "פתחו: גיליון \u{2066}.xlsx\u{2069}, \u{2066}.ods\u{2069} או \u{2066}.csv\u{2069} (השורה הראשונה היא שמות השדות, כמו בתבנית), או פיד שכבר נכתב (\u{2066}.json\u{2069}) כדי לבדוק ולחתום עליו.",
            "Ouvrir : une feuille .xlsx, .ods ou .csv (la première ligne nomme les champs, comme dans le modèle), ou un flux déjà écrit (.json) pour le vérifier et le signer.",
        ]),
        ("step2", [
            "افحص: كل مشكلة تُذكر بخليتها وبما يجب كتابته؛ لا يُحفظ شيء ما دامت هناك مشكلة.",
            "Check: every problem is named by its cell, with what to write; nothing is saved while one stands.",
            "בדקו: כל בעיה מצוינת לפי התא שלה, עם מה לכתוב; דבר לא נשמר כל עוד יש בעיה.",
            "Vérifier : chaque problème est nommé par sa cellule, avec ce qu'il faut écrire ; rien n'est enregistré tant qu'il en reste un.",
        ]),
        ("step3", [
            "احفظ الملف ووقّعه بمفتاحك، ثم عاين الصفحات واكتبها في ملف zip تفكّه في مجلد البوابة.",
            "Save the feed and sign it with your key, then preview the pages and write them to a zip to unpack into the portal's folder.",
            "שמרו את הפיד וחתמו עליו במפתח שלכם, ואז צפו בדפים וכתבו אותם לקובץ zip שתפרסו בתיקיית הפורטל.",
            "Enregistrez le flux et signez-le avec votre clé, puis prévisualisez les pages et écrivez-les dans un zip à décompresser dans le dossier du portail.",
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
        // A count before a colon: no plural to agree (1 item, 3 items; عنصر، عناصر).
        ("ready", ["عدد العناصر: {n}. لا مشكلات: الملف جاهز", "Items: {n}. No problems: the feed is ready", "פריטים: {n}. אין בעיות: הפיד מוכן", "Éléments : {n}. Aucun problème : le flux est prêt"]),
        ("blocked", [
            "المشكلات: {n}. لا يمكن حفظ الملف قبل إصلاحها في الجدول.",
            "Problems: {n}. The feed cannot be saved until they are fixed in the sheet.",
            "בעיות: {n}. לא ניתן לשמור את הפיד עד שיתוקנו בגיליון.",
            "Problèmes : {n}. Le flux ne peut pas être enregistré avant qu'ils soient corrigés dans la feuille.",
        ]),
        ("warnings", ["تنبيهات (لا تمنع الحفظ)", "Warnings (they do not stop saving)", "אזהרות (אינן מונעות שמירה)", "Avertissements (ils n'empêchent pas l'enregistrement)"]),
        ("save", ["احفظ الملف", "Save the feed", "שמרו את הפיד", "Enregistrer le flux"]),
        ("save_csv", ["احفظه جدولًا (\u{2066}.csv\u{2069})", "Save it as a sheet (.csv)", "שמרו כגיליון (\u{2066}.csv\u{2069})", "L'enregistrer comme feuille (.csv)"]),
        ("sign_title", ["وقّع الملف", "Sign the feed", "חתמו על הפיד", "Signer le flux"]),
        ("key", ["ملف مفتاحك السري (publisher.key)", "Your secret key file (publisher.key)", "קובץ המפתח הסודי שלכם (publisher.key)", "Votre fichier de clé secrète (publisher.key)"]),
        ("key_note", [
            "يُقرأ المفتاح على هذا الحاسوب فقط: لا يُرسل ولا يُحفظ في الصفحة.",
            "The key is read on this computer only: it is never sent, and the page does not keep it.",
            "המפתח נקרא במחשב הזה בלבד: הוא לעולם לא נשלח, והדף אינו שומר אותו.",
            "La clé est lue sur cet ordinateur seulement : elle n'est jamais envoyée, et la page ne la garde pas.",
        ]),
        ("sign", ["وقّع", "Sign", "חתמו", "Signer"]),
        ("signed", [
            "تم التوقيع. انشر الملفين جنبًا إلى جنب، ووقّع من جديد بعد كل تغيير.",
            "Signed. Publish both files side by side, and sign again after every change.",
            "נחתם. פרסמו את שני הקבצים זה לצד זה, וחתמו מחדש אחרי כל שינוי.",
            "Signé. Publiez les deux fichiers côte à côte, et signez de nouveau après chaque changement.",
        ]),
        ("save_sig", ["احفظ التوقيع", "Save the signature", "שמרו את החתימה", "Enregistrer la signature"]),
        ("trusted", ["هذه البوابة تثق بهذا المفتاح.", "This portal trusts this key.", "הפורטל הזה סומך על המפתח הזה.", "Ce portail fait confiance à cette clé."]),
        ("untrusted", [
            "هذه البوابة لا تثق بهذا المفتاح: سترفض الهواتف هذا الملف. أعطِ المفتاح العام أدناه لمن يدير البوابة ليضيفه إلى trusted_keys في config.json.",
            "This portal does not trust this key: phones would refuse this feed. Give the public key below to whoever runs the portal, for trusted_keys in config.json.",
            "הפורטל הזה אינו סומך על המפתח הזה: הטלפונים יסרבו לפיד. תנו את המפתח הציבורי שלמטה למי שמפעיל את הפורטל, עבור trusted_keys ב‑config.json.",
            "Ce portail ne fait pas confiance à cette clé : les téléphones refuseraient ce flux. Donnez la clé publique ci-dessous à qui gère le portail, pour trusted_keys dans config.json.",
        ]),
        ("unchecked", [
            "هذه البوابة لا تتحقق من التواقيع بعدُ (لا يوجد trusted_keys في config.json): يُعرض الملف كما هو. ليُتحقق منه، أعطِ المفتاح العام أدناه لمن يدير البوابة.",
            "This portal checks no signatures yet (config.json has no trusted_keys): the feed is shown as it is. To have it checked, give the public key below to whoever runs the portal.",
            "הפורטל הזה עדיין אינו בודק חתימות (אין trusted_keys ב‑config.json): הפיד מוצג כפי שהוא. כדי שייבדק, תנו את המפתח הציבורי שלמטה למי שמפעיל את הפורטל.",
            "Ce portail ne vérifie encore aucune signature (config.json n'a pas de trusted_keys) : le flux est affiché tel quel. Pour qu'il soit vérifié, donnez la clé publique ci-dessous à qui gère le portail.",
        ]),
        ("public", ["المفتاح العام", "Public key", "מפתח ציבורי", "Clé publique"]),
        ("make_key", ["أنشئ مفتاحًا جديدًا", "Make a new key", "צרו מפתח חדש", "Créer une nouvelle clé"]),
        ("key_made", [
            "احفظ الملفين. أبقِ publisher.key سرًّا، على هذا الحاسوب أو على ذاكرة USB فقط، لا بالبريد ولا بالمحادثات؛ وأعطِ publisher.key.pub لمن يدير البوابة.",
            "Save both files. Keep publisher.key private, on this computer or a USB stick only, never by e-mail or chat; give publisher.key.pub to whoever runs the portal.",
            "שמרו את שני הקבצים. שמרו את publisher.key בסוד, במחשב הזה או בדיסק USB בלבד, לעולם לא בדוא\"ל או בצ'אט; תנו את publisher.key.pub למי שמפעיל את הפורטל.",
            "Enregistrez les deux fichiers. Gardez publisher.key secret, sur cet ordinateur ou une clé USB seulement, jamais par e-mail ni messagerie ; donnez publisher.key.pub à qui gère le portail.",
        ]),
        ("save_key", ["احفظ المفتاح السري", "Save the secret key", "שמרו את המפתח הסודי", "Enregistrer la clé secrète"]),
        ("save_pub", ["احفظ المفتاح العام", "Save the public key", "שמרו את המפתח הציבורי", "Enregistrer la clé publique"]),
        ("publish_title", ["عاين الصفحات واكتبها", "Preview and write the pages", "צפו בדפים וכתבו אותם", "Prévisualiser et écrire les pages"]),
        ("publish_note", [
            "يكتب ما يكتبه bawaba-feed publish لهذه البوابة، وملفك مكان الملف الذي تختاره: الشاشة الأولى، والصفحات التي تُقرأ دون التطبيق، والأدوات المضمّنة. ملف zip واحد: فُكّه في مجلد البوابة فوق ما فيه.",
            "Writes what bawaba-feed publish writes for this portal, with your feed in place of the one you choose: the first screen, the pages read without the app, the widgets. One zip: unpack it into the portal's folder, over what is there.",
            "כותב את מה ש‑bawaba-feed publish כותב לפורטל הזה, עם הפיד שלכם במקום זה שתבחרו: המסך הראשון, הדפים שנקראים בלי האפליקציה, הווידג'טים. קובץ zip אחד: פרסו אותו בתיקיית הפורטל, מעל מה שיש בה.",
            "Écrit ce que bawaba-feed publish écrit pour ce portail, avec votre flux à la place de celui que vous choisissez : le premier écran, les pages lues sans l'application, les widgets. Un seul zip : décompressez-le dans le dossier du portail, par-dessus ce qui s'y trouve.",
        ]),
        ("publish_which", ["ملفك يحل محل", "Your feed replaces", "הפיד שלכם מחליף את", "Votre flux remplace"]),
        ("publish", ["اكتب الصفحات (zip)", "Write the pages (zip)", "כתבו את הדפים (zip)", "Écrire les pages (zip)"]),
        ("publishing", ["تُكتب الصفحات…", "Writing the pages…", "הדפים נכתבים…", "Écriture des pages…"]),
        ("published", ["تمت الكتابة. عدد الملفات: {n}.", "Written. Files in the zip: {n}.", "נכתב. מספר הקבצים: {n}.", "Écrit. Fichiers dans le zip : {n}."]),
        ("left_out", ["تُركت خارج الصفحات:", "Left out of the pages:", "הושארו מחוץ לדפים:", "Laissés hors des pages :"]),
        ("save_zip", ["احفظ ملف zip", "Save the zip", "שמרו את קובץ ה‑zip", "Enregistrer le zip"]),
        ("preview", [
            "معاينة: الصفحات كما سيراها القرّاء (مع ملفات الناشرين الآخرين في هذه البوابة)",
            "Preview: the pages as readers will see them (with this portal's other publishers)",
            "תצוגה מקדימה: הדפים כפי שהקוראים יראו אותם (עם המפרסמים האחרים של הפורטל)",
            "Aperçu : les pages telles que les lecteurs les verront (avec les autres éditeurs de ce portail)",
        ]),
        ("no_deployment", [
            "تعذّرت قراءة ملفات البوابة من هنا (لا اتصال؟): افتح المكتب من عنوان البوابة نفسها.",
            "The portal's files cannot be read from here (no connection?): open the desk from the portal's own address.",
            "לא ניתן לקרוא מכאן את קבצי הפורטל (אין חיבור?): פתחו את השולחן מהכתובת של הפורטל עצמו.",
            "Les fichiers du portail ne peuvent pas être lus d'ici (pas de connexion ?) : ouvrez le bureau depuis l'adresse du portail lui-même.",
        ]),
        ("unreadable", ["تعذّرت قراءة هذا الملف", "This file cannot be read", "לא ניתן לקרוא את הקובץ הזה", "Ce fichier ne peut pas être lu"]),
    ];
    let mut out = serde_json::Map::new();
    for (key, t) in rows {
        out.insert((*key).into(), json!(one_of(lang, *t)));
    }
    out.insert("dir".into(), json!(lang.dir()));
    Value::Object(out)
}
