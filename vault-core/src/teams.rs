//! Teams: the people who can open a set of cases.
//!
//! The team key is wrapped to each member and to the recovery key. Removing a member
//! rotates everything they could open: a new team key (next epoch), a new key for every
//! case of the team, the profiles re-sealed and every document version key re-wrapped to
//! the new case keys. The old wraps are deleted. Document contents are not re-encrypted:
//! what the member could already read, they may have copied (see docs/threat-model.md).

use crate::log::action::Action;
use std::sync::MutexGuard;

use serde::{Deserialize, Serialize};

use crate::cases::CaseRecord;
use crate::catalog::Batch;
use crate::codec;
use crate::documents::DocumentRecord;
use crate::error::Why;
use crate::error::{Error, Result};
use crate::ids::{TeamId, UserId};
use crate::keys::{self, PublicKey, SecretKey};
use crate::log::audit::Audit;
use crate::model::CaseProfile;
use crate::model::Team;
use crate::search::NameKey;
use crate::users::{check_name, UserRecord};
use crate::vault::{Session, Vault};

#[derive(Serialize, Deserialize)]
pub(crate) struct TeamRecord {
    pub id: TeamId,
    pub name: String,
    pub epoch: u32,
    pub public: PublicKey,
    pub members: Vec<UserId>,
    pub created: u64,
    /// Its cases are erased this many days after their last contact.
    #[serde(default = "crate::retention::default_days")]
    pub retention_days: u32,
}

impl TeamRecord {
    fn to_team(&self) -> Team {
        Team {
            id: self.id.clone(),
            name: self.name.clone(),
            epoch: self.epoch,
            members: self.members.clone(),
            retention_days: self.retention_days,
        }
    }
}

impl Vault {
    /// Creates a team; its creator is its first member. Admins and coordinators only.
    pub fn create_team(&self, actor: &Session, name: &str) -> Result<Team> {
        self.audited(actor.actor(), Action::TeamCreate, vec![], |audit| {
            self.create_team_inner(actor, name, audit)
        })
    }

    fn create_team_inner(&self, actor: &Session, name: &str, audit: &mut Audit) -> Result<Team> {
        if !actor.user.role.manages() {
            return Err(Error::Denied(Why::ManagersCreateTeams));
        }
        check_name(crate::Named::TeamName, name)?;
        if name.parse::<TeamId>().is_ok() {
            return Err(Error::Invalid(crate::Problem::TeamNameLikeId));
        }
        let _guard = self.write_lock();
        if self.inner.catalog.contains(&format!("teamname/{name}"))? {
            return Err(Error::Duplicate {
                kind: "team",
                name: name.to_owned(),
            });
        }
        let id = TeamId::generate()?;
        let key = SecretKey::generate();
        let record = TeamRecord {
            id: id.clone(),
            name: name.to_owned(),
            epoch: 1,
            public: key.public(),
            members: vec![actor.user.id.clone()],
            created: self.now(),
            retention_days: crate::retention::default_days(),
        };
        let mut batch = Batch::default();
        let creator = actor.key.public();
        batch.put_raw(
            &format!("wrap/team/{id}/{}", actor.user.id),
            keys::wrap(&key, &[&creator])?,
        );
        batch.put_raw(
            &format!("wrap/team/{id}/recovery"),
            keys::wrap(&key, &[&self.recovery_public()])?,
        );
        batch.put(&format!("team/{id}"), &record)?;
        batch.put(&format!("teamname/{name}"), &id)?;
        // No case yet: its name index is complete.
        self.mark_names_indexed(&mut batch, &id, record.epoch)?;
        audit.target("team", &id);
        self.commit(batch, audit, &[])?;
        Ok(record.to_team())
    }

    /// Every team (team names are not secret).
    pub fn list_teams(&self, _actor: &Session) -> Result<Vec<Team>> {
        let mut teams: Vec<Team> = (self.inner.catalog.records::<TeamRecord>("team/")?)
            .iter()
            .map(TeamRecord::to_team)
            .collect();
        teams.sort_by(|a, b| a.name.cmp(&b.name));
        Ok(teams)
    }

    /// Finds a team by name or id.
    pub fn team(&self, name_or_id: &str) -> Result<Team> {
        self.team_record(name_or_id).map(|r| r.to_team())
    }

    pub(crate) fn team_record(&self, name_or_id: &str) -> Result<TeamRecord> {
        let catalog = &self.inner.catalog;
        let id = match catalog.record::<TeamId>(&format!("teamname/{name_or_id}"))? {
            Some(id) => id,
            None => name_or_id
                .parse::<TeamId>()
                .map_err(|_| Error::not_found("team", name_or_id))?,
        };
        catalog
            .record(&format!("team/{id}"))?
            .ok_or_else(|| Error::not_found("team", name_or_id))
    }

    /// The team key, if the session's user is a member.
    pub(crate) fn team_key(&self, session: &Session, team: &TeamId) -> Result<SecretKey> {
        let wrap = self
            .inner
            .catalog
            .raw(&format!("wrap/team/{team}/{}", session.user.id))?
            .ok_or(Error::Denied(Why::NotATeamMember))?;
        session
            .unwrapped
            .unwrap(&wrap, &session.key)?
            .ok_or_else(|| Error::damaged(crate::Damage::TeamKeyWrap))
    }

    fn check_manager(actor: &Session) -> Result<()> {
        if actor.user.role.manages() {
            Ok(())
        } else {
            Err(Error::Denied(Why::ManagersManageMembers))
        }
    }

    /// What a membership change starts with: the role check, the write lock, the team and
    /// the user, both named in the event.
    fn membership(
        &self,
        actor: &Session,
        team: &str,
        user: &str,
        audit: &mut Audit,
    ) -> Result<(MutexGuard<'_, ()>, TeamRecord, UserRecord)> {
        Self::check_manager(actor)?;
        let guard = self.write_lock();
        let record = self.team_record(team)?;
        let member = self.user_by_name(user)?;
        audit.target("team", &record.id);
        audit.target("user", &member.id);
        Ok((guard, record, member))
    }

    /// Adds a user to a team: wraps the team key to them. The actor must be a member.
    pub fn add_member(&self, actor: &Session, team: &str, user: &str) -> Result<Team> {
        self.audited(actor.actor(), Action::TeamMemberAdd, vec![], |audit| {
            self.add_member_inner(actor, team, user, audit)
        })
    }

    fn add_member_inner(
        &self,
        actor: &Session,
        team: &str,
        user: &str,
        audit: &mut Audit,
    ) -> Result<Team> {
        let (_guard, mut record, member) = self.membership(actor, team, user, audit)?;
        if record.members.contains(&member.id) {
            return Err(Error::Duplicate {
                kind: "member",
                name: member.name,
            });
        }
        let key = self.team_key(actor, &record.id)?;
        let mut batch = Batch::default();
        batch.put_raw(
            &format!("wrap/team/{}/{}", record.id, member.id),
            keys::wrap(&key, &[&member.public])?,
        );
        record.members.push(member.id);
        batch.put(&format!("team/{}", record.id), &record)?;
        self.commit(batch, audit, &[])?;
        Ok(record.to_team())
    }

    /// Removes a user from a team and rotates the team's keys (see the module docs).
    /// The actor must be a member (possibly the one leaving).
    pub fn remove_member(&self, actor: &Session, team: &str, user: &str) -> Result<Team> {
        self.audited(actor.actor(), Action::TeamMemberRemove, vec![], |audit| {
            self.remove_member_inner(actor, team, user, audit)
        })
    }

    fn remove_member_inner(
        &self,
        actor: &Session,
        team: &str,
        user: &str,
        audit: &mut Audit,
    ) -> Result<Team> {
        let (_guard, mut record, leaving) = self.membership(actor, team, user, audit)?;
        if !record.members.contains(&leaving.id) {
            return Err(Error::not_found("member", user));
        }
        if record.members.len() == 1 {
            return Err(Error::Invalid(crate::Problem::LastMember));
        }
        let old_team = self.team_key(actor, &record.id)?;
        let catalog = &self.inner.catalog;
        let mut batch = Batch::default();

        let new_team = SecretKey::generate();
        record.members.retain(|m| *m != leaving.id);
        record.epoch += 1;
        record.public = new_team.public();
        batch.remove(&format!("wrap/team/{}/{}", record.id, leaving.id));
        for member in &record.members {
            let user: UserRecord = catalog.required(&format!("user/{member}"))?;
            batch.put_raw(
                &format!("wrap/team/{}/{member}", record.id),
                keys::wrap(&new_team, &[&user.public])?,
            );
        }
        batch.put_raw(
            &format!("wrap/team/{}/recovery", record.id),
            keys::wrap(&new_team, &[&self.recovery_public()])?,
        );

        let name_key = NameKey::of_team(&new_team);
        for mut case in catalog.records::<CaseRecord>("case/")? {
            if case.team != record.id {
                continue;
            }
            let cid = case.id.clone();
            audit.target("case", &cid);
            let old_case = self.unwrap_case_key(&cid, &old_team)?;
            let new_case = SecretKey::generate();
            batch.put_raw(
                &format!("wrap/case/{cid}/team"),
                keys::wrap(&new_case, &[&new_team.public()])?,
            );
            batch.put_raw(
                &format!("wrap/case/{cid}/recovery"),
                keys::wrap(&new_case, &[&self.recovery_public()])?,
            );
            let profile = catalog.required_raw(&format!("profile/{cid}"))?;
            let plain = keys::open(&profile, &old_case)?
                .ok_or_else(|| Error::damaged(crate::Damage::CaseProfile))?;
            batch.put_raw(
                &format!("profile/{cid}"),
                keys::seal(&plain, &[&new_case.public()])?,
            );
            // The name index follows the new team key (the old hashes open nothing new).
            let profile: CaseProfile = codec::decode(&plain, crate::Damage::CaseProfile)?;
            self.index_name(&mut batch, &cid, &name_key, &profile.name)?;
            self.rewrap_spaces(&mut batch, &cid, &new_case)?;
            for doc in catalog.records::<DocumentRecord>(&format!("doc/{cid}/"))? {
                for version in &doc.versions {
                    let key_path = format!("wrap/version/{}/{}", doc.id, version.number);
                    let wrap = catalog.required_raw(&key_path)?;
                    let version_key = keys::unwrap(&wrap, &old_case)?
                        .ok_or_else(|| Error::damaged(crate::Damage::DocumentKeyWrap))?;
                    batch.put_raw(&key_path, keys::wrap(&version_key, &[&new_case.public()])?);
                }
            }
            let old = case.clone();
            case.epoch += 1;
            case.public = new_case.public();
            self.put_case(&mut batch, Some(&old), &case)?;
        }
        self.mark_names_indexed(&mut batch, &record.id, record.epoch)?;
        batch.put(&format!("team/{}", record.id), &record)?;
        self.commit(batch, audit, &[Action::TeamKeyRotate])?;
        // The deleted wraps must not linger in sled's files.
        catalog.compact()?;
        Ok(record.to_team())
    }
}
