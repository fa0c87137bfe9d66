//! Dates in Paris time and the access report in plain words ("Me Dupont a téléchargé
//! recours.pdf le 3 mars 2026 à 14 h 12").

use std::collections::HashMap;

use maud::{Markup, PreEscaped};
use vault_core::Event;

use crate::html::escape;
use crate::i18n::Lang;

/// Days since 1970-01-01 of a civil date (Howard Hinnant's days_from_civil).
fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The civil date of a day since 1970-01-01.
fn civil_from_days(days: i64) -> (i64, i64, i64) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (yoe + era * 400 + i64::from(m <= 2), m, d)
}

/// The last Sunday of a month, as days since 1970-01-01.
fn last_sunday(y: i64, m: i64) -> i64 {
    let last = days_from_civil(y, m + 1, 1) - 1;
    // 1970-01-01 was a Thursday: (days + 4) % 7 is 0 on Sundays.
    last - (last + 4).rem_euclid(7)
}

/// Paris's offset from UTC at a moment: +2 h from the last Sunday of March 01:00 UTC to the
/// last Sunday of October 01:00 UTC (EU summer time), else +1 h.
fn paris_offset(secs: i64) -> i64 {
    let (y, _, _) = civil_from_days(secs.div_euclid(86_400));
    let start = last_sunday(y, 3) * 86_400 + 3600;
    let end = last_sunday(y, 10) * 86_400 + 3600;
    if (start..end).contains(&secs) {
        7200
    } else {
        3600
    }
}

const MONTHS_FR: [&str; 12] = [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
];
const MONTHS_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// A moment in Paris time: "3 mars 2026 à 14 h 12", "3 March 2026, 14:12".
pub fn local_time(lang: Lang, secs: u64) -> String {
    let secs = secs as i64;
    let local = secs + paris_offset(secs);
    let (y, m, d) = civil_from_days(local.div_euclid(86_400));
    let rem = local.rem_euclid(86_400);
    let (h, min) = (rem / 3600, rem % 3600 / 60);
    let month = (m - 1) as usize;
    match lang {
        Lang::Fr => format!("{d} {} {y} à {h} h {min:02}", MONTHS_FR[month]),
        Lang::En => format!("{d} {} {y}, {h:02}:{min:02}", MONTHS_EN[month]),
    }
}

/// The document an event is about, if any.
pub fn document_of(e: &Event) -> Option<&str> {
    e.targets.iter().find_map(|t| t.strip_prefix("document:"))
}

/// Where the document's name and who did it go in a sentence, before they are put in
/// `<bdi>` (neither is in a name: control characters are refused in names).
const DOC: char = '\u{1}';
const WHO: char = '\u{2}';

/// One event of a case as a sentence, in HTML: who did what, to which document, when; the
/// names in `<bdi>`, so that one written right to left cannot reorder the words around it.
/// `names` maps document ids to file names (those the reader can see).
pub fn sentence(lang: Lang, e: &Event, who: &str, names: &HashMap<String, String>) -> Markup {
    let doc = document_of(e)
        .map(|id| names.get(id).cloned().unwrap_or_else(|| deleted(lang)))
        .unwrap_or_default();
    let text = sentence_with(lang, e, &WHO.to_string(), &DOC.to_string());
    let mut out = String::with_capacity(text.len() + 64);
    for c in escape(&text).chars() {
        match c {
            DOC => out.push_str(&format!("<bdi>{}</bdi>", escape(&doc))),
            WHO => out.push_str(&format!("<bdi>{}</bdi>", escape(who))),
            c => out.push(c),
        }
    }
    PreEscaped(out)
}

/// The sentence with `who` and `doc` put in as they are.
fn sentence_with(lang: Lang, e: &Event, who: &str, doc: &str) -> String {
    let when = local_time(lang, e.time);
    let refused = !matches!(e.outcome, vault_core::Outcome::Ok);
    let what = match lang {
        Lang::Fr => action_fr(&e.action, doc),
        Lang::En => action_en(&e.action, doc),
    };
    match (lang, refused) {
        (Lang::Fr, false) => format!("{who} {what} le {when}"),
        (Lang::Fr, true) => format!("{who} : refusé ou échoué — {what} — le {when}"),
        (Lang::En, false) => format!("{who} {what} on {when}"),
        (Lang::En, true) => format!("{who}: refused or failed — {what} — on {when}"),
    }
}

fn deleted(lang: Lang) -> String {
    match lang {
        Lang::Fr => "un document supprimé".into(),
        Lang::En => "a deleted document".into(),
    }
}

fn action_fr(action: &str, doc: &str) -> String {
    match action {
        "case.create" => "a ouvert le dossier".into(),
        "case.view" => "a consulté le dossier".into(),
        "case.list" => "a vu le nom dans la liste des dossiers".into(),
        "case.update" => "a modifié le profil".into(),
        "case.close" => "a clos le dossier".into(),
        "case.reopen" => "a rouvert le dossier".into(),
        "case.report" => "a consulté ce journal".into(),
        "document.add" => format!("a ajouté {doc}"),
        "document.version" => format!("a ajouté une nouvelle version de {doc}"),
        "document.list" => "a vu la liste des documents".into(),
        "document.history" => format!("a vu l'historique de {doc}"),
        "document.read" => format!("a téléchargé {doc}"),
        "document.verify" => format!("a vérifié {doc}"),
        "document.delete" => format!("a supprimé {doc}"),
        "document.reclassify" => format!("a changé le type de {doc}"),
        "share.create" => "a créé un lien de partage".into(),
        "share.list" => "a vu les liens de partage".into(),
        "share.open" => "a ouvert la page du lien de partage".into(),
        "share.download" => format!("a téléchargé {doc}"),
        "share.passphrase_failed" => "a donné une phrase secrète erronée".into(),
        "share.locked" => "a bloqué le lien (trop d'essais)".into(),
        "share.revoke" => "a révoqué un lien de partage".into(),
        "share.expire" => "a vu un lien de partage expirer (clés détruites)".into(),
        "upload.create" => "a créé un lien de dépôt".into(),
        "upload.list" => "a vu les liens de dépôt".into(),
        "upload.open" => "a ouvert la page de dépôt".into(),
        "upload.revoke" => "a révoqué un lien de dépôt".into(),
        "space.create" => "a créé l'espace personnel".into(),
        "space.list" => "a vu les espaces personnels".into(),
        "space.open" => "a ouvert l'espace personnel".into(),
        "space.passcode_failed" => "a donné un code erroné".into(),
        "space.locked" => "a bloqué l'espace personnel (trop d'essais)".into(),
        "space.revoke" => "a fermé l'espace personnel".into(),
        "space.expire" => "a vu l'espace personnel expirer (clé détruite)".into(),
        "case.erase" => "a effacé le dossier".into(),
        "document.export_key" => format!("a exporté la clé de {doc}"),
        other => format!("({})", vault_core::action_label_fr(other)),
    }
}

fn action_en(action: &str, doc: &str) -> String {
    match action {
        "case.create" => "opened the case".into(),
        "case.view" => "viewed the case".into(),
        "case.list" => "saw the name in the list of cases".into(),
        "case.update" => "changed the profile".into(),
        "case.close" => "closed the case".into(),
        "case.reopen" => "reopened the case".into(),
        "case.report" => "viewed this log".into(),
        "document.add" => format!("added {doc}"),
        "document.version" => format!("added a new version of {doc}"),
        "document.list" => "saw the list of documents".into(),
        "document.history" => format!("saw the history of {doc}"),
        "document.read" => format!("downloaded {doc}"),
        "document.verify" => format!("verified {doc}"),
        "document.delete" => format!("deleted {doc}"),
        "document.reclassify" => format!("changed the kind of {doc}"),
        "share.create" => "made a share link".into(),
        "share.list" => "saw the share links".into(),
        "share.open" => "opened the share link's page".into(),
        "share.download" => format!("downloaded {doc}"),
        "share.passphrase_failed" => "gave a wrong passphrase".into(),
        "share.locked" => "locked the link (too many tries)".into(),
        "share.revoke" => "revoked a share link".into(),
        "share.expire" => "saw a share link expire (keys destroyed)".into(),
        "upload.create" => "made an upload link".into(),
        "upload.list" => "saw the upload links".into(),
        "upload.open" => "opened the upload page".into(),
        "upload.revoke" => "revoked an upload link".into(),
        "space.create" => "made the personal space".into(),
        "space.list" => "saw the personal spaces".into(),
        "space.open" => "opened the personal space".into(),
        "space.passcode_failed" => "gave a wrong code".into(),
        "space.locked" => "locked the personal space (too many tries)".into(),
        "space.revoke" => "closed the personal space".into(),
        "space.expire" => "saw the personal space expire (key destroyed)".into(),
        "case.erase" => "erased the case".into(),
        "document.export_key" => format!("exported the key of {doc}"),
        other => format!("({other})"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paris_time_follows_summer_time() {
        // 2026-03-03 13:12 UTC is 14 h 12 in Paris (winter).
        let winter = days_from_civil(2026, 3, 3) as u64 * 86_400 + 13 * 3600 + 12 * 60;
        assert_eq!(local_time(Lang::Fr, winter), "3 mars 2026 à 14 h 12");
        assert_eq!(local_time(Lang::En, winter), "3 March 2026, 14:12");
        // 2026-07-14 10:00 UTC is noon (summer).
        let summer = days_from_civil(2026, 7, 14) as u64 * 86_400 + 10 * 3600;
        assert_eq!(local_time(Lang::Fr, summer), "14 juillet 2026 à 12 h 00");
        // Summer time 2026: from 29 March 01:00 UTC to 25 October 01:00 UTC.
        let start = days_from_civil(2026, 3, 29) as u64 * 86_400 + 3600;
        assert_eq!(local_time(Lang::En, start - 60), "29 March 2026, 01:59");
        assert_eq!(local_time(Lang::En, start), "29 March 2026, 03:00");
        let end = days_from_civil(2026, 10, 25) as u64 * 86_400 + 3600;
        assert_eq!(local_time(Lang::En, end - 60), "25 October 2026, 02:59");
        assert_eq!(local_time(Lang::En, end), "25 October 2026, 02:00");
    }
}
