//! The access report of one case: every event touching it, for a person or as JSON.

use crate::error::Result;
use crate::ids::CaseId;
use crate::log::audit::target;
use crate::log::event::{Event, Outcome};
use crate::log::recover::{RecordScan, Scanned};
use crate::vault::{Session, Vault};

/// French label of an action, for people; unknown actions are shown as they are.
pub fn action_label_fr(action: &str) -> &str {
    match action {
        "vault.create" => "création du coffre",
        "session.open" => "connexion",
        "session.failed" => "échec de connexion",
        "user.create" => "création d'un compte",
        "user.password" => "changement de mot de passe",
        "user.recover" => "récupération d'un compte",
        "user.disable" => "désactivation d'un compte",
        "user.enable" => "réactivation d'un compte",
        "team.create" => "création d'une équipe",
        "team.member.add" => "ajout d'un membre à l'équipe",
        "team.member.remove" => "retrait d'un membre de l'équipe",
        "team.key.rotate" => "renouvellement des clés de l'équipe",
        "case.create" => "ouverture du dossier",
        "case.view" => "consultation du dossier",
        "case.list" => "liste des dossiers (nom visible)",
        "case.update" => "modification du dossier",
        "case.close" => "clôture du dossier",
        "case.reopen" => "réouverture du dossier",
        "case.erase" => "effacement du dossier",
        "case.report" => "consultation du journal du dossier",
        "document.add" => "ajout d'un document",
        "document.version" => "nouvelle version d'un document",
        "document.list" => "liste des documents",
        "document.history" => "historique d'un document",
        "document.read" => "lecture d'un document",
        "document.verify" => "vérification d'un document",
        "document.delete" => "suppression d'un document",
        "document.reclassify" => "changement du type d'un document",
        "document.export_key" => "export de la clé d'un document",
        "log.checkpoint" => "signature d'un point de contrôle du journal",
        "backup.create" => "sauvegarde du coffre",
        "log.read" => "lecture du journal",
        "user.list" => "liste des comptes",
        "share.create" => "création d'un lien de partage",
        "share.list" => "liste des liens de partage",
        "share.open" => "ouverture d'un lien de partage",
        "share.download" => "téléchargement par un lien de partage",
        "share.passphrase_failed" => "phrase secrète erronée sur un lien de partage",
        "share.locked" => "blocage d'un lien de partage (trop d'essais)",
        "share.revoke" => "révocation d'un lien de partage",
        "share.expire" => "expiration d'un lien de partage (clés détruites)",
        "upload.create" => "création d'un lien de dépôt",
        "upload.list" => "liste des liens de dépôt",
        "upload.open" => "ouverture d'un lien de dépôt",
        "upload.revoke" => "révocation d'un lien de dépôt",
        "space.create" => "création de l'espace personnel",
        "space.list" => "liste des espaces personnels",
        "space.open" => "ouverture de l'espace personnel",
        "space.passcode_failed" => "code erroné sur l'espace personnel",
        "space.locked" => "blocage de l'espace personnel (trop d'essais)",
        "space.revoke" => "révocation de l'espace personnel",
        "space.expire" => "expiration de l'espace personnel (clé détruite)",
        other => other,
    }
}

fn outcome_fr(o: Outcome) -> &'static str {
    match o {
        Outcome::Ok => "effectué",
        Outcome::Denied => "refusé",
        Outcome::Failed => "échoué",
        Outcome::Begun => "commencé",
    }
}

/// `YYYY-MM-DD HH:MM:SS UTC` from Unix seconds (proleptic Gregorian calendar).
pub fn format_time(secs: u64) -> String {
    let days = (secs / 86_400) as i64;
    let rem = secs % 86_400;
    // Howard Hinnant's civil_from_days.
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    format!(
        "{y:04}-{m:02}-{d:02} {:02}:{:02}:{:02} UTC",
        rem / 3600,
        rem % 3600 / 60,
        rem % 60
    )
}

/// One line of the report, in French, naming the actor as `who`.
pub fn describe_fr_as(e: &Event, who: &str) -> String {
    format!(
        "n°{}  {}  {}  par {}  ({})",
        e.seq,
        format_time(e.time),
        action_label_fr(&e.action),
        who,
        outcome_fr(e.outcome)
    )
}

/// One line of the report, in French, naming the actor by its id.
pub fn describe_fr(e: &Event) -> String {
    describe_fr_as(e, &e.actor)
}

impl Vault {
    /// How a person reads an actor: the user's name for a user id (names of accounts are
    /// not secret, see docs/threat-model.md), else the actor as it is.
    pub fn actor_label(&self, actor: &str) -> String {
        let name = actor
            .parse::<crate::UserId>()
            .ok()
            .and_then(|id| {
                self.inner
                    .catalog
                    .record::<crate::users::UserRecord>(&format!("user/{id}"))
                    .ok()
                    .flatten()
            })
            .map(|r| r.name);
        name.unwrap_or_else(|| actor.to_owned())
    }

    /// Events `[start, start + limit)` of the whole log (ids only). Admins and
    /// coordinators; the request is itself recorded.
    pub fn log_events(&self, session: &Session, start: u64, limit: u64) -> Result<Vec<Event>> {
        self.audited(session.actor(), "log.read", vec![], |_| {
            if !session.user.role.manages() {
                return Err(crate::Error::Denied(
                    "only admins and coordinators read the whole log",
                ));
            }
            let end = self.log_size().min(start.saturating_add(limit));
            (start..end).map(|i| self.log_event(i)).collect()
        })
    }

    /// Like [`Vault::actor_label`], and for a share link its label when the session's
    /// user may read it ("Me Dupont (lien de partage)"); upload links are named as such.
    pub fn actor_label_for(&self, session: &Session, actor: &str) -> String {
        if let Some(id) = actor.strip_prefix("share:") {
            return match id
                .parse()
                .ok()
                .and_then(|id| self.share_label(session, &id).ok().flatten())
            {
                Some(label) => format!("{label} (lien de partage)"),
                None => "lien de partage".into(),
            };
        }
        if actor.starts_with("upload:") {
            return "lien de dépôt".into();
        }
        if actor.starts_with("space:") {
            return "la personne (espace personnel)".into();
        }
        self.actor_label(actor)
    }

    /// Every event that touched a case, in order. For members of the case's team; the
    /// request is itself recorded.
    pub fn access_report(&self, session: &Session, case: &CaseId) -> Result<Vec<Event>> {
        self.audited(
            session.actor(),
            "case.report",
            vec![target("case", case)],
            |_| {
                self.case_key(session, case)?;
                self.case_events(case)
            },
        )
    }

    /// Every event that touched a case, in order, without the `begun` half of changes
    /// (whoever asks must have been allowed).
    pub(crate) fn case_events(&self, case: &CaseId) -> Result<Vec<Event>> {
        let wanted = target("case", case);
        let mut out = Vec::new();
        let size = self.log_size();
        let file = std::fs::File::open(self.log_dir().join("events.bin"))
            .map_err(|_| crate::Error::damaged("the access log's events file"))?;
        let len = file.metadata()?.len();
        let mut scan = RecordScan::new(file, len, 0, 0)?;
        while scan.seq() < size {
            let Scanned::Record(_, _, event) = scan.step() else {
                // A partial report must not pass for a complete one.
                return Err(crate::Error::damaged("the access log's events file"));
            };
            // A change's `begun` is followed by its `ok` or `failed`: the report shows
            // the outcome once.
            if event.targets.contains(&wanted) && event.outcome != Outcome::Begun {
                out.push(event);
            }
        }
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times_are_formatted_in_utc() {
        assert_eq!(format_time(0), "1970-01-01 00:00:00 UTC");
        assert_eq!(format_time(951_782_400), "2000-02-29 00:00:00 UTC");
        assert_eq!(format_time(1_795_868_645), "2026-11-28 12:24:05 UTC");
    }
}
