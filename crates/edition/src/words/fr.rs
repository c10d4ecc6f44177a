//! French: the words of the pages Bawaba writes.

use super::PageMsg;

pub fn t(msg: PageMsg) -> &'static str {
    use PageMsg::*;
    match msg {
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
    }
}
