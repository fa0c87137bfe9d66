//! Cases: one beneficiary's file, in one team.
//!
//! The case key is wrapped to the team key and to the recovery key; the profile is sealed
//! to the case key. Erasing a case deletes its wraps, its sealed entries and its blobs:
//! nothing that would decrypt it is left (crypto-shredding).

use crate::log::action::Action;
use serde::{Deserialize, Serialize};

use crate::catalog::Batch;
use crate::codec;
use crate::documents::DocumentRecord;
use crate::error::Why;
use crate::error::{Error, Result};
use crate::ids::{CaseId, TeamId};
use crate::keys::{self, PublicKey, SecretKey};
use crate::log::audit::{target, Audit};
use crate::model::{Case, CaseProfile, CaseStatus};
use crate::search::NameKey;
use crate::teams::TeamRecord;
use crate::vault::{Session, Vault};

#[derive(Clone, Serialize, Deserialize)]
pub(crate) struct CaseRecord {
    pub id: CaseId,
    pub team: TeamId,
    pub epoch: u32,
    pub public: PublicKey,
    pub status: CaseStatus,
    pub created: u64,
    /// The last contact: moved by real activity (a document added, the profile changed,
    /// the case closed or reopened, a volunteer's "contact today"), never by a view. The
    /// retention term counts from it.
    pub updated: u64,
    /// When the case was closed, while it is.
    #[serde(default)]
    pub closed: Option<u64>,
    /// Kept past its term (a legal hold), until a date.
    #[serde(default)]
    pub hold: Option<crate::retention::Hold>,
}

/// What erasing a case removed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct EraseReport {
    /// Documents removed.
    pub documents: usize,
    /// Encrypted files deleted.
    pub blobs: usize,
}

impl Vault {
    /// Opens a case wrap with a team key.
    pub(crate) fn unwrap_case_key(&self, case: &CaseId, team_key: &SecretKey) -> Result<SecretKey> {
        self.unwrap_case_key_in(case, team_key, None)
    }

    /// [`Vault::unwrap_case_key`], through a session's cache when one is given.
    fn unwrap_case_key_in(
        &self,
        case: &CaseId,
        team_key: &SecretKey,
        cache: Option<&keys::KeyCache>,
    ) -> Result<SecretKey> {
        let wrap = self
            .inner
            .catalog
            .required_raw(&format!("wrap/case/{case}/team"))?;
        match cache {
            Some(cache) => cache.unwrap(&wrap, team_key)?,
            None => keys::unwrap(&wrap, team_key)?,
        }
        .ok_or_else(|| Error::damaged(crate::Damage::CaseKeyWrap))
    }

    pub(crate) fn case_record(&self, case: &CaseId) -> Result<CaseRecord> {
        self.inner
            .catalog
            .record(&format!("case/{case}"))?
            .ok_or_else(|| Error::not_found("case", case.as_str()))
    }

    /// The case record and key, if the session's user is in the case's team.
    pub(crate) fn case_key(
        &self,
        session: &Session,
        case: &CaseId,
    ) -> Result<(CaseRecord, SecretKey)> {
        let record = self.case_record(case)?;
        let team_key = self.team_key(session, &record.team)?;
        let key = self.unwrap_case_key_in(case, &team_key, Some(&session.unwrapped))?;
        Ok((record, key))
    }

    /// Creates a case in a team the user belongs to; returns its id.
    pub fn create_case(
        &self,
        session: &Session,
        team: &str,
        profile: &CaseProfile,
    ) -> Result<CaseId> {
        self.audited(session.actor(), Action::CaseCreate, vec![], |audit| {
            self.create_case_inner(session, team, profile, audit)
        })
    }

    fn create_case_inner(
        &self,
        session: &Session,
        team: &str,
        profile: &CaseProfile,
        audit: &mut Audit,
    ) -> Result<CaseId> {
        profile.validate()?;
        let _guard = self.write_lock();
        let team: TeamRecord = self.team_record(team)?;
        audit.target("team", &team.id);
        // Membership is proved by opening the team key, not only checked.
        let team_key = self.team_key(session, &team.id)?;
        let id = CaseId::generate()?;
        audit.target("case", &id);
        let key = SecretKey::generate();
        let mut batch = Batch::default();
        batch.put_raw(
            &format!("wrap/case/{id}/team"),
            keys::wrap(&key, &[&team.public])?,
        );
        batch.put_raw(
            &format!("wrap/case/{id}/recovery"),
            keys::wrap(&key, &[&self.recovery_public()])?,
        );
        batch.put_raw(
            &format!("profile/{id}"),
            keys::seal(&codec::encode(profile)?, &[&key.public()])?,
        );
        let at = self.now();
        let record = CaseRecord {
            id: id.clone(),
            team: team.id,
            epoch: 1,
            public: key.public(),
            status: CaseStatus::Open,
            created: at,
            updated: at,
            closed: None,
            hold: None,
        };
        self.put_case(&mut batch, None, &record)?;
        self.index_name(&mut batch, &id, &NameKey::of_team(&team_key), &profile.name)?;
        self.commit(batch, audit, &[])?;
        Ok(id)
    }

    pub(crate) fn decrypt_case(&self, record: CaseRecord, key: &SecretKey) -> Result<Case> {
        let sealed = self
            .inner
            .catalog
            .required_raw(&format!("profile/{}", record.id))?;
        let plain =
            keys::open(&sealed, key)?.ok_or_else(|| Error::damaged(crate::Damage::CaseProfile))?;
        let profile: CaseProfile = codec::decode(&plain, crate::Damage::CaseProfile)?;
        let retention_term = self.case_term(&record)?;
        Ok(Case {
            retention_term,
            id: record.id,
            team: record.team,
            status: record.status,
            created: record.created,
            updated: record.updated,
            closed: record.closed,
            hold_until: record.hold.as_ref().map(|h| h.until),
            profile,
        })
    }

    /// A case with its decrypted profile.
    pub fn case(&self, session: &Session, case: &CaseId) -> Result<Case> {
        self.audited(
            session.actor(),
            Action::CaseView,
            vec![target("case", case)],
            |_| {
                let (record, key) = self.case_key(session, case)?;
                self.decrypt_case(record, &key)
            },
        )
    }

    /// Every case the user can open (the cases of their teams), newest first.
    pub fn list_cases(&self, session: &Session) -> Result<Vec<Case>> {
        self.audited(session.actor(), Action::CaseList, vec![], |audit| {
            let cases = self.list_cases_inner(session)?;
            // Each listed case shows its beneficiary's name: each is a target.
            for c in &cases {
                audit.target("case", &c.id);
            }
            Ok(cases)
        })
    }

    fn list_cases_inner(&self, session: &Session) -> Result<Vec<Case>> {
        let mut team_keys = std::collections::HashMap::new();
        let mut out = Vec::new();
        for record in self.inner.catalog.records::<CaseRecord>("case/")? {
            if !team_keys.contains_key(&record.team) {
                let key = match self.team_key(session, &record.team) {
                    Ok(key) => Some(key),
                    Err(Error::Denied(_)) => None,
                    Err(e) => return Err(e),
                };
                team_keys.insert(record.team.clone(), key);
            }
            let Some(Some(team_key)) = team_keys.get(&record.team) else {
                continue;
            };
            let key = self.unwrap_case_key(&record.id, team_key)?;
            out.push(self.decrypt_case(record, &key)?);
        }
        out.sort_by(|a, b| b.created.cmp(&a.created).then(a.id.cmp(&b.id)));
        Ok(out)
    }

    /// Replaces a case's profile.
    pub fn update_case(
        &self,
        session: &Session,
        case: &CaseId,
        profile: &CaseProfile,
    ) -> Result<()> {
        self.audited(
            session.actor(),
            Action::CaseUpdate,
            vec![target("case", case)],
            |audit| self.update_case_inner(session, case, profile, audit),
        )
    }

    fn update_case_inner(
        &self,
        session: &Session,
        case: &CaseId,
        profile: &CaseProfile,
        audit: &mut Audit,
    ) -> Result<()> {
        profile.validate()?;
        let _guard = self.write_lock();
        let old = self.case_record(case)?;
        let team_key = self.team_key(session, &old.team)?;
        let key = self.unwrap_case_key(case, &team_key)?;
        let mut batch = Batch::default();
        batch.put_raw(
            &format!("profile/{case}"),
            keys::seal(&codec::encode(profile)?, &[&key.public()])?,
        );
        self.index_name(
            &mut batch,
            case,
            &NameKey::of_team(&team_key),
            &profile.name,
        )?;
        let record = CaseRecord {
            updated: self.now(),
            ..old.clone()
        };
        self.put_case(&mut batch, Some(&old), &record)?;
        self.commit(batch, audit, &[])
    }

    /// Closes or reopens a case.
    pub fn set_case_status(
        &self,
        session: &Session,
        case: &CaseId,
        status: CaseStatus,
    ) -> Result<()> {
        let action = match status {
            CaseStatus::Open => Action::CaseReopen,
            CaseStatus::Closed => Action::CaseClose,
        };
        self.audited(
            session.actor(),
            action,
            vec![target("case", case)],
            |audit| {
                let _guard = self.write_lock();
                let (old, _key) = self.case_key(session, case)?;
                let now = self.now();
                let record = CaseRecord {
                    status,
                    updated: now,
                    closed: (status == CaseStatus::Closed).then_some(now),
                    ..old.clone()
                };
                let mut batch = Batch::default();
                self.put_case(&mut batch, Some(&old), &record)?;
                self.commit(batch, audit, &[])
            },
        )
    }

    /// Erases a case for good: its wraps, profile, documents and blobs (GDPR art. 17).
    /// Admins and coordinators of the case's team only.
    pub fn erase_case(&self, session: &Session, case: &CaseId) -> Result<EraseReport> {
        self.audited(
            session.actor(),
            Action::CaseErase,
            vec![target("case", case)],
            |audit| self.erase_case_inner(session, case, audit),
        )
    }

    fn erase_case_inner(
        &self,
        session: &Session,
        case: &CaseId,
        audit: &mut Audit,
    ) -> Result<EraseReport> {
        if !session.user.role.manages() {
            return Err(Error::Denied(Why::ManagersEraseCases));
        }
        let _guard = self.write_lock();
        let (record, _key) = self.case_key(session, case)?;
        self.shred_case(&record, audit, true)
    }

    /// Crypto-shreds a case: its wraps, profile, documents, blobs and links go, in one
    /// batch, then (with `compact`) the catalogue is compacted. The caller holds the write
    /// lock and has decided (a manager's erasure, or its retention term); a sweep of many
    /// cases compacts once, after the last.
    pub(crate) fn shred_case(
        &self,
        record: &CaseRecord,
        audit: &mut Audit,
        compact: bool,
    ) -> Result<EraseReport> {
        let case = &record.id;
        let catalog = &self.inner.catalog;
        let mut batch = Batch::default();
        let mut blobs = Vec::new();
        let docs: Vec<DocumentRecord> = catalog.records(&format!("doc/{case}/"))?;
        for doc in &docs {
            blobs.extend(self.remove_document_entries(&mut batch, doc)?);
        }
        for k in catalog.keys(&format!("wrap/case/{case}/"))? {
            batch.remove(&k);
        }
        // Its share links' wraps go with it: crypto-shredding reaches them too.
        self.remove_case_links(&mut batch, case)?;
        batch.remove(&format!("profile/{case}"));
        batch.remove(&format!("{}{case}", crate::retention::HOLD_NOTE));
        self.remove_case_record(&mut batch, record)?;
        // The catalogue first: a crash after it leaves marked blobs, removed at the next
        // open; never a document whose file is gone.
        self.commit_removal(batch, audit, &blobs)?;
        // Without this, sled would keep the deleted wraps' bytes in its files for a while.
        if compact {
            catalog.compact()?;
        }
        Ok(EraseReport {
            documents: docs.len(),
            blobs: blobs.len(),
        })
    }
}
