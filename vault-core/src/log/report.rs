//! The access report of one case: every event touching it, for a person or as JSON.

use crate::error::Result;
use crate::error::Why;
use crate::ids::CaseId;
use crate::log::action::Action;
use crate::log::audit::target;
use crate::log::event::{Event, Outcome};
use crate::log::recover::{RecordScan, Scanned};
use crate::vault::{Session, Vault};

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

/// Who did something, as a person reads it; the words ("share link", "the person") are
/// the presentation layer's (vault-words).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ActorLabel {
    /// An account: its name, or its id when it is gone.
    User(String),
    /// A share link, with its label ("Me Dupont") when the reader may see it.
    Share(Option<String>),
    /// An upload link.
    Upload,
    /// The person, through their personal space.
    Space,
    /// The vault itself (expiries, the schedule).
    System,
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
        self.audited(session.actor(), Action::LogRead, vec![], |_| {
            if !session.user.role.manages() {
                return Err(crate::Error::Denied(Why::ManagersReadTheLog));
            }
            let end = self.log_size().min(start.saturating_add(limit));
            (start..end).map(|i| self.log_event(i)).collect()
        })
    }

    /// Who `actor` is for the user of `session`: an account's name, or a link or space
    /// (with a share link's label when the user may read it).
    pub fn actor_label_for(&self, session: &Session, actor: &str) -> ActorLabel {
        if let Some(id) = actor.strip_prefix("share:") {
            return ActorLabel::Share(
                id.parse()
                    .ok()
                    .and_then(|id| self.share_label(session, &id).ok().flatten()),
            );
        }
        if actor.starts_with("upload:") {
            return ActorLabel::Upload;
        }
        if actor.starts_with("space:") {
            return ActorLabel::Space;
        }
        if actor == "system" {
            return ActorLabel::System;
        }
        ActorLabel::User(self.actor_label(actor))
    }

    /// Every event that touched a case, in order. For members of the case's team; the
    /// request is itself recorded.
    pub fn access_report(&self, session: &Session, case: &CaseId) -> Result<Vec<Event>> {
        self.audited(
            session.actor(),
            Action::CaseReport,
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
            .map_err(|_| crate::Error::damaged(crate::Damage::LogEventsFile))?;
        let len = file.metadata()?.len();
        let mut scan = RecordScan::new(file, len, 0, 0)?;
        while scan.seq() < size {
            let Scanned::Record(_, _, event) = scan.step() else {
                // A partial report must not pass for a complete one.
                return Err(crate::Error::damaged(crate::Damage::LogEventsFile));
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
