//! Errors of the vault library.
//!
//! Every message says what failed and, where there is something to do, what to do.
//! No message ever contains a secret, a beneficiary's name or a file name: errors reach
//! logs and terminals.

use std::path::PathBuf;

/// The result type of this crate.
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// What can go wrong when using a vault.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The data directory does not exist or holds no vault.
    #[error("no vault at {path}: create one with `vault init`, or give the right --data-dir")]
    NotAVault {
        /// The directory that was looked at.
        path: PathBuf,
    },

    /// `create` was asked for a directory that already holds a vault or other files.
    #[error("{path} already exists and is not empty: choose another directory")]
    AlreadyExists {
        /// The directory that was looked at.
        path: PathBuf,
    },

    /// The vault was written by a newer version of this software.
    #[error(
        "this vault has format version {found}, this program reads up to {supported}: upgrade the software before opening it"
    )]
    NewerFormat {
        /// The format version in `vault.toml`.
        found: u32,
        /// The highest format version this build understands.
        supported: u32,
    },

    /// Another process (a `vault` command or `vault-server`) holds the data directory.
    #[error(
        "the vault at {path} is in use by another process (vault-server or another `vault` command): stop it, or use the server's interface"
    )]
    InUse {
        /// The data directory.
        path: PathBuf,
    },

    /// A file of the data directory is missing or unreadable as what it should be.
    #[error("the vault is damaged: {what}; restore it from a backup (see docs/operations.md)")]
    Damaged {
        /// Which part is damaged (never contains secrets or names).
        what: String,
    },

    /// Unknown user or wrong password: deliberately the same error.
    #[error("unknown user or wrong password")]
    BadCredentials,

    /// The recovery key does not open this vault's recovery wraps.
    #[error("this recovery key does not belong to this vault")]
    BadRecoveryKey,

    /// The signed-in user may not do this (role or membership); [`Why`] says which rule.
    #[error("access denied: {}", .0.code())]
    Denied(Why),

    /// A user, team, case or document that does not exist (or was erased).
    #[error("{kind} not found: {id}")]
    NotFound {
        /// "user", "team", "case" or "document".
        kind: &'static str,
        /// The id or name that was asked for.
        id: String,
    },

    /// A user or team name is already taken.
    #[error("{kind} already exists: {name}")]
    Duplicate {
        /// "user", "team" or "member".
        kind: &'static str,
        /// The name.
        name: String,
    },

    /// Input that the vault refuses; the message names the field.
    #[error("invalid {field}: {reason}")]
    Invalid {
        /// The field that was wrong.
        field: &'static str,
        /// Why.
        reason: &'static str,
    },

    /// A name given by a user that would not show what it is (see [`NameProblem`]).
    #[error("invalid {field}: {}", problem.code())]
    BadName {
        /// The field: "file name", "name", "label"...
        field: &'static str,
        /// What is wrong with it.
        problem: NameProblem,
    },

    /// A document is larger than the vault accepts; nothing of it was stored.
    #[error("the document is larger than the limit of {limit} bytes: nothing was stored")]
    TooLarge {
        /// The limit, in bytes.
        limit: u64,
    },

    /// A share or upload link that does not exist, expired, was used up, revoked or
    /// locked: deliberately one error, so that a dead link reveals nothing.
    #[error("this link does not exist or is no longer valid")]
    LinkUnavailable,

    /// This share link asks for its passphrase.
    #[error("this link needs its passphrase")]
    PassphraseRequired,

    /// A wrong passphrase; the link locks when no try is left.
    #[error("wrong passphrase: {tries_left} tries left before the link locks")]
    WrongPassphrase {
        /// Tries left.
        tries_left: u32,
    },

    /// An upload link has taken all the files it accepts.
    #[error("this upload link accepts no more files")]
    LinkFull,

    /// Evidence documents are immutable.
    #[error(
        "this document is evidence: evidence cannot be replaced, deleted or filed under another kind (only erasing the whole case removes it)"
    )]
    Immutable,

    /// A stored document does not decrypt or does not match its recorded hash.
    #[error("document damaged: {0}; restore the vault from a backup")]
    DocumentDamaged(String),

    /// The access log could not be written: the operation was not done and nothing was
    /// returned (fail closed).
    #[error("the access log cannot be written, so nothing was done or returned: check the disk, then retry")]
    LogUnavailable,

    /// The disk is full.
    #[error("no space left on the disk: nothing was stored; free space and retry")]
    DiskFull,

    /// The blob storage (an S3 bucket, a mirror's copy) failed or could not be reached.
    /// `store` names it (`s3://bucket/prefix`, a directory); `detail` never holds a
    /// credential.
    #[error("the blob storage {store} failed: {detail}; nothing was stored or returned from it, check that it is reachable, then retry")]
    Storage {
        /// The storage, as configured (no credential).
        store: String,
        /// What failed.
        detail: String,
    },

    /// An input/output error of the operating system.
    #[error("input/output error: {0}")]
    Io(#[source] std::io::Error),

    /// The catalogue database failed.
    #[error("catalogue error: {0}")]
    Catalog(String),
}

/// Why a name is refused: a code, worded by the programs that show it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum NameProblem {
    /// Empty, or only white space.
    Blank,
    /// A Unicode direction control (U+202A-202E, U+2066-2069, U+200E, U+200F): it can make
    /// `photo<U+202E>gpj.exe` read as `photoexe.jpg`.
    DirectionControl(char),
    /// An invisible character (U+200B-200D, U+2060, U+FEFF).
    Invisible(char),
}

impl NameProblem {
    /// A stable code: `blank`, `direction_control` or `invisible`.
    pub fn code(self) -> &'static str {
        match self {
            NameProblem::Blank => "blank",
            NameProblem::DirectionControl(_) => "direction_control",
            NameProblem::Invisible(_) => "invisible",
        }
    }

    /// The offending character, if one.
    pub fn character(self) -> Option<char> {
        match self {
            NameProblem::Blank => None,
            NameProblem::DirectionControl(c) | NameProblem::Invisible(c) => Some(c),
        }
    }
}

/// Which rule refused an action (the words are vault-words'; `code` is stable).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Why {
    /// The user is not a member of the case's team.
    NotATeamMember,
    /// Only admins sign checkpoints of the log.
    AdminsSignCheckpoints,
    /// Only admins and coordinators create teams.
    ManagersCreateTeams,
    /// Only admins and coordinators erase cases.
    ManagersEraseCases,
    /// Only admins take backups.
    AdminsTakeBackups,
    /// Only admins and coordinators list users.
    ManagersListUsers,
    /// Only an admin disables an admin.
    AdminDisablesAdmin,
    /// Only admins recover accounts.
    AdminsRecoverAccounts,
    /// Only admins and coordinators manage accounts and teams.
    ManagersManageAccounts,
    /// Only admins and coordinators disable accounts.
    ManagersDisableAccounts,
    /// Only admins and coordinators manage team members.
    ManagersManageMembers,
    /// Only admins and coordinators read the whole log.
    ManagersReadTheLog,
    /// Only admins create admins and coordinators; coordinators create volunteers.
    RolesCreateAccounts,
}

impl Why {
    /// A stable code: `not-a-team-member`.
    pub fn code(self) -> &'static str {
        match self {
            Why::NotATeamMember => "not-a-team-member",
            Why::AdminsSignCheckpoints => "admins-sign-checkpoints",
            Why::ManagersCreateTeams => "managers-create-teams",
            Why::ManagersEraseCases => "managers-erase-cases",
            Why::AdminsTakeBackups => "admins-take-backups",
            Why::ManagersListUsers => "managers-list-users",
            Why::AdminDisablesAdmin => "admin-disables-admin",
            Why::AdminsRecoverAccounts => "admins-recover-accounts",
            Why::ManagersManageAccounts => "managers-manage-accounts",
            Why::ManagersDisableAccounts => "managers-disable-accounts",
            Why::ManagersManageMembers => "managers-manage-members",
            Why::ManagersReadTheLog => "managers-read-the-log",
            Why::RolesCreateAccounts => "roles-create-accounts",
        }
    }
}

impl Error {
    /// A damaged-vault error naming the part (never a secret or a name).
    pub fn damaged(what: impl Into<String>) -> Self {
        Error::Damaged { what: what.into() }
    }

    pub(crate) fn not_found(kind: &'static str, id: impl Into<String>) -> Self {
        Error::NotFound {
            kind,
            id: id.into(),
        }
    }
}

impl Error {
    /// A stable code for the error's kind (`snake_case`), for scripts and for the layers
    /// that turn errors into words.
    pub fn code(&self) -> &'static str {
        match self {
            Error::NotAVault { .. } => "not_a_vault",
            Error::AlreadyExists { .. } => "already_exists",
            Error::NewerFormat { .. } => "newer_format",
            Error::InUse { .. } => "in_use",
            Error::Damaged { .. } => "damaged",
            Error::BadCredentials => "bad_credentials",
            Error::BadRecoveryKey => "bad_recovery_key",
            Error::Denied(_) => "denied",
            Error::NotFound { .. } => "not_found",
            Error::Duplicate { .. } => "duplicate",
            Error::Invalid { .. } => "invalid",
            Error::BadName { .. } => "bad_name",
            Error::TooLarge { .. } => "too_large",
            Error::LinkUnavailable => "link_unavailable",
            Error::PassphraseRequired => "passphrase_required",
            Error::WrongPassphrase { .. } => "wrong_passphrase",
            Error::LinkFull => "link_full",
            Error::Immutable => "immutable",
            Error::DocumentDamaged(_) => "document_damaged",
            Error::LogUnavailable => "log_unavailable",
            Error::DiskFull => "disk_full",
            Error::Storage { .. } => "storage_unavailable",
            Error::Io(_) => "io",
            Error::Catalog(_) => "catalog",
        }
    }
}

impl From<std::io::Error> for Error {
    fn from(e: std::io::Error) -> Self {
        if e.kind() == std::io::ErrorKind::StorageFull {
            return Error::DiskFull;
        }
        // A typed vault error carried through an io::Error (from a streaming reader).
        match e.downcast::<Error>() {
            Ok(inner) => inner,
            Err(e) => Error::Io(e),
        }
    }
}

impl From<sled::Error> for Error {
    fn from(e: sled::Error) -> Self {
        match e {
            sled::Error::Io(io) => io.into(),
            sled::Error::Corruption { .. } => Error::damaged("the catalogue is corrupted"),
            other => Error::Catalog(other.to_string()),
        }
    }
}
