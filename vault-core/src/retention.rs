//! Retention (GDPR art. 5(1)(e); the CNIL's guideline for the social sector keeps a file
//! 2 years after the last contact): each team has a retention in days, each case a last
//! contact (`CaseRecord::updated`, moved by real activity, never by a view). A case's term
//! is its last contact plus its team's retention, or the date a manager keeps it until (a
//! legal hold), whichever is later. On its term the sweeper crypto-shreds it exactly as
//! [`Vault::erase_case`] does, and the log records a `retention.erase` by `system`.
//!
//! | key | value |
//! |---|---|
//! | `holdnote/<cid>` | a hold's note, sealed to the case key |

use serde::{Deserialize, Serialize};

use crate::cases::{CaseRecord, EraseReport};
use crate::catalog::Batch;
use crate::error::{Error, Problem, Result, Why};
use crate::ids::{CaseId, UserId};
use crate::keys;
use crate::log::action::Action;
use crate::log::audit::{target, Actor};
use crate::model::{CaseStatus, Role};
use crate::teams::TeamRecord;
use crate::vault::{Session, Vault};

/// Two years after the last contact, the CNIL's default for a reception and support file.
pub const DEFAULT_DAYS: u32 = 730;
/// What the due list shows by default: the cases that reach their term within 30 days.
pub const DUE_WITHIN_DAYS: u32 = 30;
const DAY: u64 = 86_400;
/// A hold's note is a justification, not a file: a few lines.
const MAX_NOTE_BYTES: usize = 2_000;
const MIN_DAYS: u32 = 30;
const MAX_DAYS: u32 = 36_500;
/// When retention began on this vault (Unix seconds): its creation, or the first open by
/// a version that has retention. No case is erased before 30 days after it, so that an
/// upgraded vault shows its long-idle cases in the due list before any goes.
pub(crate) const SINCE: &str = "retention/since";
const NOTICE_DAYS: u64 = 30;
/// The catalogue prefix of holds' notes.
pub(crate) const HOLD_NOTE: &str = "holdnote/";

pub(crate) fn default_days() -> u32 {
    DEFAULT_DAYS
}

/// Why a case is kept past its term: intermediate archiving, only when justified.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum HoldReason {
    /// A procedure in progress: an appeal, an asylum claim, a hearing.
    Procedure,
    /// Evidence within a limitation period (for a trial, a complaint).
    Evidence,
    /// Another reason, written in the note.
    Other,
}

impl HoldReason {
    /// Every reason, in the order forms offer them.
    pub const ALL: [HoldReason; 3] = [
        HoldReason::Procedure,
        HoldReason::Evidence,
        HoldReason::Other,
    ];

    /// Its code: `procedure`, `evidence`, `other` (the words are vault-words').
    pub fn as_str(self) -> &'static str {
        match self {
            HoldReason::Procedure => "procedure",
            HoldReason::Evidence => "evidence",
            HoldReason::Other => "other",
        }
    }
}

impl std::str::FromStr for HoldReason {
    type Err = Error;
    fn from_str(s: &str) -> Result<Self> {
        HoldReason::ALL
            .into_iter()
            .find(|r| r.as_str() == s)
            .ok_or(Error::Invalid(Problem::HoldUntil))
    }
}

/// A case kept past its term.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Hold {
    /// Kept until then (Unix seconds).
    pub until: u64,
    /// Why.
    pub reason: HoldReason,
    /// Who decided it.
    pub by: UserId,
    /// When (Unix seconds).
    pub at: u64,
}

/// A case near (or past) its term, as the due list shows it. Its Debug output leaves the
/// name and the note out, as `CaseProfile`'s does.
#[derive(Clone, Serialize)]
pub struct Due {
    /// The case.
    pub case: CaseId,
    /// The beneficiary's name (decrypted for the manager who asked).
    pub name: String,
    /// Its team's name.
    pub team: String,
    /// Open or closed.
    pub status: CaseStatus,
    /// The last contact (Unix seconds).
    pub last_contact: u64,
    /// When it was closed, if it is.
    pub closed: Option<u64>,
    /// When it is erased (Unix seconds).
    pub term: u64,
    /// Its hold, if it is kept past the team's retention.
    pub hold: Option<Hold>,
    /// The hold's note, decrypted.
    pub hold_note: Option<String>,
}

impl std::fmt::Debug for Due {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Due")
            .field("case", &self.case)
            .field("name", &"***")
            .field("status", &self.status)
            .field("last_contact", &self.last_contact)
            .field("closed", &self.closed)
            .field("term", &self.term)
            .field("hold", &self.hold)
            .field("hold_note", &self.hold_note.as_ref().map(|_| "***"))
            .finish()
    }
}

/// A case whose term has come, erased by a sweep (or that a dry run would erase).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Swept {
    /// The case.
    pub case: CaseId,
    /// Its term (Unix seconds).
    pub term: u64,
    /// What went, `None` in a dry run.
    pub erased: Option<EraseReport>,
}

/// A case's term under its team's retention, never before `floor`.
fn term(case: &CaseRecord, team: &TeamRecord, floor: u64) -> u64 {
    let natural = case.updated + u64::from(team.retention_days) * DAY;
    case.hold
        .as_ref()
        .map_or(natural, |h| natural.max(h.until))
        .max(floor)
}

/// Records when retention began, if it is not yet recorded (`SINCE`).
pub(crate) fn mark_since(catalog: &crate::catalog::Catalog, now: u64) -> Result<()> {
    if !catalog.contains(SINCE)? {
        let mut batch = Batch::default();
        batch.put(SINCE, &now)?;
        catalog.apply(batch)?;
    }
    Ok(())
}

impl Vault {
    /// A case's term under its team's current retention.
    pub(crate) fn case_term(&self, case: &CaseRecord) -> Result<u64> {
        let team: TeamRecord = self
            .inner
            .catalog
            .required(&format!("team/{}", case.team))?;
        Ok(term(case, &team, self.retention_floor()?))
    }

    /// No term comes before 30 days after retention began on this vault.
    fn retention_floor(&self) -> Result<u64> {
        let since: u64 = self.inner.catalog.record(SINCE)?.unwrap_or(0);
        Ok(since + NOTICE_DAYS * DAY)
    }

    /// Sets how many days after their last contact a team's cases are erased (30 days to
    /// 100 years). Admins only; in the log.
    pub fn set_team_retention(&self, admin: &Session, team: &str, days: u32) -> Result<()> {
        self.audited(admin.actor(), Action::TeamRetention, vec![], |audit| {
            if admin.user.role != Role::Admin {
                return Err(Error::Denied(Why::AdminsSetRetention));
            }
            if !(MIN_DAYS..=MAX_DAYS).contains(&days) {
                return Err(Error::Invalid(Problem::RetentionDays));
            }
            let _guard = self.write_lock();
            let mut record = self.team_record(team)?;
            audit.target("team", &record.id);
            record.retention_days = days;
            let mut batch = Batch::default();
            batch.put(&format!("team/{}", record.id), &record)?;
            self.commit(batch, audit, &[])
        })
    }

    /// A volunteer met or heard from the person today: the case's last contact is now.
    pub fn record_contact(&self, session: &Session, case: &CaseId) -> Result<()> {
        self.audited(
            session.actor(),
            Action::CaseContact,
            vec![target("case", case)],
            |audit| {
                let _guard = self.write_lock();
                let (old, _key) = self.case_key(session, case)?;
                let record = CaseRecord {
                    updated: self.now(),
                    ..old.clone()
                };
                let mut batch = Batch::default();
                self.put_case(&mut batch, Some(&old), &record)?;
                self.commit(batch, audit, &[])
            },
        )
    }

    /// Keeps a case past its term until `until` (a legal hold: an appeal in progress,
    /// evidence for a trial), with a reason and an optional note (sealed to the case key).
    /// Admins and coordinators of its team; in the log with its reason.
    pub fn hold_case(
        &self,
        session: &Session,
        case: &CaseId,
        until: u64,
        reason: HoldReason,
        note: Option<&str>,
    ) -> Result<()> {
        let targets = vec![target("case", case), target("reason", reason.as_str())];
        self.audited(session.actor(), Action::CaseHold, targets, |audit| {
            if !session.user.role.manages() {
                return Err(Error::Denied(Why::ManagersKeepCases));
            }
            let now = self.now();
            if until <= now || until > now + u64::from(MAX_DAYS) * DAY {
                return Err(Error::Invalid(Problem::HoldUntil));
            }
            let note = note.map(str::trim).filter(|n| !n.is_empty());
            if note.is_some_and(|n| n.len() > MAX_NOTE_BYTES) {
                return Err(Error::Invalid(Problem::NotesLong));
            }
            let _guard = self.write_lock();
            let (old, key) = self.case_key(session, case)?;
            let record = CaseRecord {
                hold: Some(Hold {
                    until,
                    reason,
                    by: session.user.id.clone(),
                    at: now,
                }),
                ..old.clone()
            };
            let mut batch = Batch::default();
            let note_key = format!("{HOLD_NOTE}{case}");
            match note {
                Some(n) => batch.put_raw(&note_key, keys::seal(n.as_bytes(), &[&key.public()])?),
                None => batch.remove(&note_key),
            }
            self.put_case(&mut batch, Some(&old), &record)?;
            self.commit(batch, audit, &[])
        })
    }

    /// The cases of the manager's teams whose term comes within `within_days` (or has
    /// passed, waiting for the sweeper), soonest first. Recorded as one `retention.due`
    /// whose targets are the cases shown.
    pub fn retention_due(&self, session: &Session, within_days: u32) -> Result<Vec<Due>> {
        self.audited(session.actor(), Action::RetentionDue, vec![], |audit| {
            if !session.user.role.manages() {
                return Err(Error::Denied(Why::ManagersKeepCases));
            }
            let horizon = self.now() + u64::from(within_days) * DAY;
            let floor = self.retention_floor()?;
            let catalog = &self.inner.catalog;
            let teams: Vec<TeamRecord> = catalog.records("team/")?;
            // Read once for all the manager's teams.
            let cases: Vec<CaseRecord> = catalog.records("case/")?;
            let mut due = Vec::new();
            for team in teams
                .iter()
                .filter(|t| t.members.contains(&session.user.id))
            {
                let team_key = self.team_key(session, &team.id)?;
                for case in cases.iter().filter(|c| c.team == team.id) {
                    let term = term(case, team, floor);
                    if term > horizon {
                        continue;
                    }
                    let case = case.clone();
                    let key = self.unwrap_case_key(&case.id, &team_key)?;
                    let hold_note = match catalog.raw(&format!("{HOLD_NOTE}{}", case.id))? {
                        Some(sealed) => keys::open(&sealed, &key)?
                            .map(|plain| String::from_utf8_lossy(&plain).into_owned()),
                        None => None,
                    };
                    audit.target("case", &case.id);
                    let info = self.decrypt_case(case.clone(), &key)?;
                    due.push(Due {
                        case: case.id,
                        name: info.profile.name,
                        team: team.name.clone(),
                        status: case.status,
                        last_contact: case.updated,
                        closed: case.closed,
                        term,
                        hold: case.hold,
                        hold_note,
                    });
                }
            }
            due.sort_by_key(|d| d.term);
            Ok(due)
        })
    }

    /// Erases every case whose term has come (or, in a dry run, lists them): no session,
    /// no key needed, the vault's own act. Each erasure is its own `retention.erase` event
    /// by `system`, and the case is re-read under the write lock first: a contact or a
    /// hold that came meanwhile keeps it.
    pub fn sweep_retention(&self, dry_run: bool) -> Result<Vec<Swept>> {
        let catalog = &self.inner.catalog;
        let teams: Vec<TeamRecord> = catalog.records("team/")?;
        let team_of = |case: &CaseRecord| teams.iter().find(|t| t.id == case.team);
        let now = self.now();
        let floor = self.retention_floor()?;
        let mut swept = Vec::new();
        for case in catalog.records::<CaseRecord>("case/")? {
            let Some(team) = team_of(&case) else { continue };
            if term(&case, team, floor) > now {
                continue;
            }
            if dry_run {
                swept.push(Swept {
                    term: term(&case, team, floor),
                    case: case.id,
                    erased: None,
                });
                continue;
            }
            let id = case.id.clone();
            // Re-read under the write lock, before the event: a contact or a hold that
            // came since keeps the case, and leaves no erasure in the log.
            let _guard = self.write_lock();
            let Some(current) = catalog.record::<CaseRecord>(&format!("case/{id}"))? else {
                continue;
            };
            let team: TeamRecord = catalog.required(&format!("team/{}", current.team))?;
            let term = term(&current, &team, floor);
            if term > self.now() {
                continue;
            }
            let erased = self
                .audited(
                    Actor::system(),
                    Action::RetentionErase,
                    vec![target("case", &id)],
                    |audit| self.shred_case(&current, audit, false),
                )
                .map(|report| Some((term, report)))?;
            if let Some((term, report)) = erased {
                swept.push(Swept {
                    case: id,
                    term,
                    erased: Some(report),
                });
            }
        }
        if swept.iter().any(|s| s.erased.is_some()) {
            // Once for the whole sweep (it copies the catalogue): the erased wraps' bytes
            // leave sled's files.
            let _guard = self.write_lock();
            catalog.compact()?;
        }
        Ok(swept)
    }
}
