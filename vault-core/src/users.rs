//! Users: creation, passwords, recovery.
//!
//! A user's key is random. It is stored twice, wrapped: to a key derived from the password
//! (argon2id, salt and parameters in the user record) and to the recovery key. Changing a
//! password re-wraps it; nothing else changes.

use crate::log::action::Action;
use secrecy::{ExposeSecret, SecretString};
use serde::{Deserialize, Serialize};

use crate::catalog::Batch;
use crate::error::{Error, Named, Problem, Result, Why};
use crate::ids::{random_bytes, UserId};
use crate::keys::{self, KdfParams, PublicKey, SecretKey};
use crate::log::audit::{target, Audit};
use crate::model::{Role, User};
use crate::vault::{Session, Vault};

/// Shortest password accepted.
pub const MIN_PASSWORD_CHARS: usize = 8;

#[derive(Serialize, Deserialize)]
pub(crate) struct UserRecord {
    pub id: UserId,
    pub name: String,
    pub role: Role,
    pub kdf: KdfParams,
    /// argon2id salt, hex.
    pub salt: String,
    pub public: PublicKey,
    pub created: u64,
    /// A disabled account cannot sign in (records written before this field read as
    /// enabled).
    #[serde(default)]
    pub disabled: bool,
}

impl UserRecord {
    pub(crate) fn to_user(&self) -> User {
        User {
            id: self.id.clone(),
            name: self.name.clone(),
            role: self.role,
            disabled: self.disabled,
        }
    }
}

/// Checks a user or team name: 1 to 64 characters, no control character, no `/`.
pub(crate) fn check_name(field: Named, name: &str) -> Result<()> {
    if name.trim().is_empty() || name.chars().count() > 64 {
        return Err(Error::Invalid(Problem::NameLength(field)));
    }
    if name.chars().any(|c| c.is_control() || c == '/') || name.trim() != name {
        return Err(Error::Invalid(Problem::NameCharacters(field)));
    }
    crate::documents::check_name(field, name)
}

pub(crate) fn check_password(password: &SecretString) -> Result<()> {
    if password.expose_secret().chars().count() < MIN_PASSWORD_CHARS {
        return Err(Error::Invalid(crate::Problem::PasswordShort));
    }
    Ok(())
}

impl Vault {
    /// Wraps `key` to a fresh password-derived key; returns the new salt (hex).
    fn password_wrap(
        &self,
        batch: &mut Batch,
        uid: &UserId,
        key: &SecretKey,
        password: &SecretString,
    ) -> Result<String> {
        check_password(password)?;
        let mut salt = [0u8; 16];
        random_bytes(&mut salt)?;
        let wrapping = SecretKey::from_password(password, &salt, self.kdf())?;
        let wrap = keys::wrap(key, &[&wrapping.public()])?;
        batch.put_raw(&format!("wrap/user/{uid}/password"), wrap);
        Ok(hex::encode(salt))
    }

    /// Adds a user with the given id and key to `batch` (no permission check: callers
    /// check).
    pub(crate) fn insert_user_with(
        &self,
        batch: &mut Batch,
        id: UserId,
        key: SecretKey,
        name: &str,
        role: Role,
        password: &SecretString,
    ) -> Result<User> {
        check_name(Named::UserName, name)?;
        if self.inner.catalog.contains(&format!("username/{name}"))? {
            return Err(Error::Duplicate {
                kind: "user",
                name: name.to_owned(),
            });
        }
        let salt = self.password_wrap(batch, &id, &key, password)?;
        batch.put_raw(
            &format!("wrap/user/{id}/recovery"),
            keys::wrap(&key, &[&self.recovery_public()])?,
        );
        let record = UserRecord {
            id: id.clone(),
            name: name.to_owned(),
            role,
            kdf: self.kdf().clone(),
            salt,
            public: key.public(),
            created: self.now(),
            disabled: false,
        };
        batch.put(&format!("user/{id}"), &record)?;
        batch.put(&format!("username/{name}"), &id)?;
        Ok(record.to_user())
    }

    /// Creates a user. Admins create anyone; coordinators create volunteers.
    pub fn create_user(
        &self,
        actor: &Session,
        name: &str,
        role: Role,
        password: &SecretString,
    ) -> Result<User> {
        self.audited(actor.actor(), Action::UserCreate, vec![], |audit| {
            match (actor.user.role, role) {
                (Role::Admin, _) | (Role::Coordinator, Role::Volunteer) => {}
                _ => return Err(Error::Denied(Why::RolesCreateAccounts)),
            }
            let _guard = self.write_lock();
            let mut batch = Batch::default();
            let (id, key) = (UserId::generate()?, SecretKey::generate());
            audit.target("user", &id);
            if role == Role::Admin {
                // Admins sign the log's checkpoints: the new one gets the log key too.
                self.share_log_key(&mut batch, actor, &id, &key.public())?;
            }
            let user = self.insert_user_with(&mut batch, id, key, name, role, password)?;
            self.commit(batch, audit, &[])?;
            Ok(user)
        })
    }

    /// Every user (admins and coordinators only).
    pub fn list_users(&self, actor: &Session) -> Result<Vec<User>> {
        self.audited(actor.actor(), Action::UserList, vec![], |_| {
            if !actor.user.role.manages() {
                return Err(Error::Denied(Why::ManagersListUsers));
            }
            let mut users: Vec<User> = (self.inner.catalog.records::<UserRecord>("user/")?)
                .iter()
                .map(UserRecord::to_user)
                .collect();
            users.sort_by(|a, b| a.name.cmp(&b.name));
            Ok(users)
        })
    }

    /// Disables an account (it can no longer sign in; the server ends its sessions) or
    /// enables it again. Admins and coordinators; nobody disables themselves, and only an
    /// admin disables an admin. Removing the person from their teams is what rotates the
    /// keys they held (see `remove_member`).
    pub fn set_user_disabled(&self, actor: &Session, name: &str, disabled: bool) -> Result<User> {
        let action = if disabled {
            Action::UserDisable
        } else {
            Action::UserEnable
        };
        self.audited(actor.actor(), action, vec![], |audit| {
            if !actor.user.role.manages() {
                return Err(Error::Denied(Why::ManagersDisableAccounts));
            }
            let _guard = self.write_lock();
            let mut record = self.user_by_name(name)?;
            audit.target("user", &record.id);
            if record.id == actor.user.id {
                return Err(Error::Invalid(crate::Problem::OwnAccount));
            }
            if record.role == Role::Admin && actor.user.role != Role::Admin {
                return Err(Error::Denied(Why::AdminDisablesAdmin));
            }
            record.disabled = disabled;
            let mut batch = Batch::default();
            batch.put(&format!("user/{}", record.id), &record)?;
            self.commit(batch, audit, &[])?;
            Ok(record.to_user())
        })
    }

    pub(crate) fn user_by_name(&self, name: &str) -> Result<UserRecord> {
        let uid: UserId = self
            .inner
            .catalog
            .record(&format!("username/{name}"))?
            .ok_or_else(|| Error::not_found("user", name))?;
        self.inner.catalog.required(&format!("user/{uid}"))
    }

    /// Changes the signed-in user's password: checks the old one, re-wraps the user key.
    /// Nothing else is re-encrypted.
    pub fn change_password(
        &self,
        session: &Session,
        old: &SecretString,
        new: &SecretString,
    ) -> Result<()> {
        let targets = vec![target("user", &session.user.id)];
        self.audited(session.actor(), Action::UserPassword, targets, |audit| {
            let current = self.login(&session.user.name, old)?;
            self.replace_password(&current.user.id, &current.key, new, audit)
        })
    }

    /// With the recovery key, an admin gives a user who lost their password a new one.
    /// Returns the user's id (a server ends their open sessions: the reset may be because
    /// someone else had the password).
    pub fn recover_user(
        &self,
        admin: &Session,
        recovery_key: &SecretKey,
        name: &str,
        new_password: &SecretString,
    ) -> Result<UserId> {
        self.audited(admin.actor(), Action::UserRecover, vec![], |audit| {
            self.check_recovery(admin, recovery_key)?;
            let record = self.user_by_name(name)?;
            audit.target("user", &record.id);
            let wrap = self
                .inner
                .catalog
                .required_raw(&format!("wrap/user/{}/recovery", record.id))?;
            let key = keys::unwrap(&wrap, recovery_key)?.ok_or(Error::BadRecoveryKey)?;
            self.replace_password(&record.id, &key, new_password, audit)?;
            Ok(record.id)
        })
    }

    fn replace_password(
        &self,
        uid: &UserId,
        key: &SecretKey,
        new: &SecretString,
        audit: &mut Audit,
    ) -> Result<()> {
        let _guard = self.write_lock();
        let mut record: UserRecord = self.inner.catalog.required(&format!("user/{uid}"))?;
        let mut batch = Batch::default();
        record.salt = self.password_wrap(&mut batch, uid, key, new)?;
        record.kdf = self.kdf().clone();
        batch.put(&format!("user/{uid}"), &record)?;
        self.commit(batch, audit, &[])
    }
}
