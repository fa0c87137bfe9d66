//! Errors of the vault library.
//!
//! An error carries a stable code (`Error::code`) and its fields; its `Display` is that code
//! and those fields, for logs. The sentences that say what failed and what to do are
//! vault-words' (`errors.ftl`, French and English). No error ever holds a secret, a
//! beneficiary's name or a file name: errors reach logs and terminals.

use std::path::PathBuf;

/// The result type of this crate.
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// What can go wrong when using a vault.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The data directory does not exist or holds no vault.
    #[error("not_a_vault: {}", path.display())]
    NotAVault {
        /// The directory that was looked at.
        path: PathBuf,
    },

    /// `create` was asked for a directory that already holds a vault or other files.
    #[error("already_exists: {}", path.display())]
    AlreadyExists {
        /// The directory that was looked at.
        path: PathBuf,
    },

    /// The vault was written by a newer version of this software.
    #[error("newer_format: {found} (this program reads up to {supported})")]
    NewerFormat {
        /// The format version in `vault.toml`.
        found: u32,
        /// The highest format version this build understands.
        supported: u32,
    },

    /// Another process (a `vault` command or `vault-server`) holds the data directory.
    #[error("in_use: {}", path.display())]
    InUse {
        /// The data directory.
        path: PathBuf,
    },

    /// A file of the data directory is missing or unreadable as what it should be.
    #[error("damaged: {0}")]
    Damaged(Damage),

    /// Unknown user or wrong password: deliberately the same error.
    #[error("bad_credentials")]
    BadCredentials,

    /// The recovery key does not open this vault's recovery wraps.
    #[error("bad_recovery_key")]
    BadRecoveryKey,

    /// The signed-in user may not do this (role or membership); [`Why`] says which rule.
    #[error("denied: {}", .0.code())]
    Denied(Why),

    /// A user, team, case or document that does not exist (or was erased).
    #[error("not_found: {kind} {id}")]
    NotFound {
        /// "user", "team", "case" or "document".
        kind: &'static str,
        /// The id or name that was asked for.
        id: String,
    },

    /// A user or team name is already taken.
    #[error("duplicate: {kind} {name}")]
    Duplicate {
        /// "user", "team" or "member".
        kind: &'static str,
        /// The name.
        name: String,
    },

    /// Input that the vault refuses; [`Problem`] says which rule it broke.
    #[error("invalid: {} ({})", .0.code(), .0.field())]
    Invalid(Problem),

    /// A name given by a user that would not show what it is (see [`NameProblem`]).
    #[error("bad_name: {} {}", field.code(), problem.code())]
    BadName {
        /// Which name.
        field: Named,
        /// What is wrong with it.
        problem: NameProblem,
    },

    /// A document is larger than the vault accepts; nothing of it was stored.
    #[error("too_large: over {limit} bytes")]
    TooLarge {
        /// The limit, in bytes.
        limit: u64,
    },

    /// A share or upload link that does not exist, expired, was used up, revoked or
    /// locked: deliberately one error, so that a dead link reveals nothing.
    #[error("link_unavailable")]
    LinkUnavailable,

    /// This share link asks for its passphrase.
    #[error("passphrase_required")]
    PassphraseRequired,

    /// A wrong passphrase; the link locks when no try is left.
    #[error("wrong_passphrase: {tries_left} tries left")]
    WrongPassphrase {
        /// Tries left.
        tries_left: u32,
    },

    /// An upload link has taken all the files it accepts.
    #[error("link_full")]
    LinkFull,

    /// Evidence documents are immutable.
    #[error("immutable")]
    Immutable,

    /// A stored document does not decrypt or does not match its recorded hash.
    #[error("document_damaged: {0}")]
    DocumentDamaged(DocumentFault),

    /// The access log could not be written: the operation was not done and nothing was
    /// returned (fail closed).
    #[error("log_unavailable")]
    LogUnavailable,

    /// The disk is full.
    #[error("disk_full")]
    DiskFull,

    /// Too many documents are being cleaned or inspected at once: try again shortly.
    #[error("busy")]
    Busy,

    /// The blob storage (an S3 bucket, a mirror's copy) failed or could not be reached.
    /// `store` names it (`s3://bucket/prefix`, a directory); `detail` never holds a
    /// credential.
    #[error("storage_unavailable: {store}: {detail}")]
    Storage {
        /// The storage, as configured (no credential).
        store: String,
        /// What failed.
        detail: String,
    },

    /// An input/output error of the operating system.
    #[error("io: {0}")]
    Io(#[source] std::io::Error),

    /// The catalogue database failed.
    #[error("catalog: {0}")]
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

/// Which part of the data directory is damaged (the words are vault-words', `damaged-<code>`
/// in `errors.ftl`). Never holds a secret or a name.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Damage {
    /// Vault.toml is missing.
    ConfigMissing,
    /// Vault.toml cannot be read.
    ConfigUnreadable,
    /// Vault.toml has no format_version.
    ConfigNoVersion,
    /// Vault.toml is malformed.
    ConfigMalformed,
    /// The catalogue directory is missing.
    CatalogDirMissing,
    /// The blobs directory is missing.
    BlobsDirMissing,
    /// The access log directory is missing.
    LogDirMissing,
    /// A file of the access log is missing.
    LogFileMissing,
    /// The catalogue is corrupted.
    CatalogCorrupted,
    /// The catalogue could not be reopened.
    CatalogReopen,
    /// The catalogue export is truncated or malformed.
    CatalogExport,
    /// A catalogue key is not text.
    CatalogKeyNotText,
    /// A catalogue entry is too large.
    CatalogEntryTooLarge,
    /// An encrypted catalogue entry.
    SealedEntry,
    /// A key wrap.
    KeyWrap,
    /// A team key wrap.
    TeamKeyWrap,
    /// A case key wrap.
    CaseKeyWrap,
    /// A document key wrap.
    DocumentKeyWrap,
    /// The log key wrap.
    LogKeyWrap,
    /// The log key does not match vault.toml.
    LogKeyMismatch,
    /// A public key is not an age1... recipient.
    PublicKey,
    /// A user record.
    UserRecord,
    /// A user key does not match its record.
    UserKeyMismatch,
    /// A case profile.
    CaseProfile,
    /// Document metadata.
    DocumentMetadata,
    /// A document record in the catalogue.
    DocumentRecord,
    /// A document without version.
    DocumentWithoutVersion,
    /// A space.
    Space,
    /// A share link.
    ShareLink,
    /// An access-log event.
    LogEvent,
    /// The access log's offsets.
    LogOffsets,
    /// An access-log hash file is missing.
    LogHashFileMissing,
    /// An access-log hash is missing.
    LogHashMissing,
    /// The access log's events file.
    LogEventsFile,
    /// The two copies of a mirrored blob differ.
    MirrorCopiesDiffer,
    /// A repaired copy does not match its name.
    RepairedCopy,
    /// A blob hash.
    BlobHash,
    /// Blob already committed.
    BlobCommitted,
    /// A blob id.
    BlobName,
    /// The backup's vault.toml.
    BackupConfig,
    /// The access log is shorter than its size says.
    BackupLogShort,
    /// The backup's vault.toml does not match its manifest.
    BackupConfigSum,
    /// The backup's catalogue does not match its manifest.
    BackupCatalogSum,
    /// The backup's access log does not match its manifest.
    BackupLogSum,
    /// The manifest cannot be written.
    ManifestWrite,
    /// A catalogue entry (`key` is the entry's kind: `doc`, `wrap`...) does not decode.
    CatalogEntry {
        /// The entry's kind.
        key: String,
    },
    /// A catalogue entry is missing.
    CatalogEntryMissing {
        /// The entry's kind.
        key: String,
    },
    /// An event of the access log, from which the log is damaged.
    LogRecord {
        /// The event.
        event: u64,
        /// What is wrong with it.
        fault: LogFault,
    },
    /// A snapshot's manifest.
    Manifest {
        /// The snapshot.
        snapshot: String,
    },
    /// A blob of a backup does not hash to its name.
    BackupBlobAltered {
        /// The blob.
        blob: String,
    },
    /// A blob of a snapshot is missing from the backup.
    BackupBlobMissing {
        /// The blob.
        blob: String,
    },
}

/// What is wrong with an event of the log ([`Damage::LogRecord`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum LogFault {
    /// Its bytes are missing although it was committed.
    BytesMissing,
    /// The index does not place it after the event before it.
    Misplaced,
    /// The record is missing or not a valid event.
    Invalid,
}

impl LogFault {
    /// A stable code: `bytes-missing`.
    pub fn code(self) -> &'static str {
        match self {
            LogFault::BytesMissing => "bytes-missing",
            LogFault::Misplaced => "misplaced",
            LogFault::Invalid => "invalid",
        }
    }
}

impl Damage {
    /// A stable code: `config-malformed`.
    pub fn code(&self) -> &'static str {
        match self {
            Damage::ConfigMissing => "config-missing",
            Damage::ConfigUnreadable => "config-unreadable",
            Damage::ConfigNoVersion => "config-no-version",
            Damage::ConfigMalformed => "config-malformed",
            Damage::CatalogDirMissing => "catalog-dir-missing",
            Damage::BlobsDirMissing => "blobs-dir-missing",
            Damage::LogDirMissing => "log-dir-missing",
            Damage::LogFileMissing => "log-file-missing",
            Damage::CatalogCorrupted => "catalog-corrupted",
            Damage::CatalogReopen => "catalog-reopen",
            Damage::CatalogExport => "catalog-export",
            Damage::CatalogKeyNotText => "catalog-key-not-text",
            Damage::CatalogEntryTooLarge => "catalog-entry-too-large",
            Damage::SealedEntry => "sealed-entry",
            Damage::KeyWrap => "key-wrap",
            Damage::TeamKeyWrap => "team-key-wrap",
            Damage::CaseKeyWrap => "case-key-wrap",
            Damage::DocumentKeyWrap => "document-key-wrap",
            Damage::LogKeyWrap => "log-key-wrap",
            Damage::LogKeyMismatch => "log-key-mismatch",
            Damage::PublicKey => "public-key",
            Damage::UserRecord => "user-record",
            Damage::UserKeyMismatch => "user-key-mismatch",
            Damage::CaseProfile => "case-profile",
            Damage::DocumentMetadata => "document-metadata",
            Damage::DocumentRecord => "document-record",
            Damage::DocumentWithoutVersion => "document-without-version",
            Damage::Space => "space",
            Damage::ShareLink => "share-link",
            Damage::LogEvent => "log-event",
            Damage::LogOffsets => "log-offsets",
            Damage::LogHashFileMissing => "log-hash-file-missing",
            Damage::LogHashMissing => "log-hash-missing",
            Damage::LogEventsFile => "log-events-file",
            Damage::MirrorCopiesDiffer => "mirror-copies-differ",
            Damage::RepairedCopy => "repaired-copy",
            Damage::BlobHash => "blob-hash",
            Damage::BlobCommitted => "blob-committed",
            Damage::BlobName => "blob-name",
            Damage::BackupConfig => "backup-config",
            Damage::BackupLogShort => "backup-log-short",
            Damage::BackupConfigSum => "backup-config-sum",
            Damage::BackupCatalogSum => "backup-catalog-sum",
            Damage::BackupLogSum => "backup-log-sum",
            Damage::ManifestWrite => "manifest-write",
            Damage::CatalogEntry { .. } => "catalog-entry",
            Damage::CatalogEntryMissing { .. } => "catalog-entry-missing",
            Damage::LogRecord { .. } => "log-record",
            Damage::Manifest { .. } => "manifest",
            Damage::BackupBlobAltered { .. } => "backup-blob-altered",
            Damage::BackupBlobMissing { .. } => "backup-blob-missing",
        }
    }
}

impl std::fmt::Display for Damage {
    /// The code and the fields, for logs.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.code())?;
        match self {
            Damage::CatalogEntry { key } | Damage::CatalogEntryMissing { key } => {
                write!(f, " {key}")
            }
            Damage::LogRecord { event, fault } => write!(f, " {event} {}", fault.code()),
            Damage::Manifest { snapshot } => write!(f, " {snapshot}"),
            Damage::BackupBlobAltered { blob } | Damage::BackupBlobMissing { blob } => {
                write!(f, " {blob}")
            }
            _ => Ok(()),
        }
    }
}

/// What is wrong with a stored document ([`Error::DocumentDamaged`]).
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum DocumentFault {
    /// Its encrypted file is missing from the store.
    BlobMissing {
        /// The blob.
        blob: String,
    },
    /// Its encrypted file is altered (in every copy).
    BlobAltered {
        /// The blob.
        blob: String,
    },
    /// A copy being written does not hash to the blob's name.
    CopyMismatch {
        /// The object's name.
        name: String,
    },
    /// Its encrypted file does not decrypt.
    DoesNotDecrypt,
    /// Its encrypted file was altered or truncated (found while reading).
    AlteredOrTruncated,
    /// It is longer than recorded.
    LongerThanRecorded,
    /// It does not match its recorded hash.
    HashMismatch,
}

impl DocumentFault {
    /// A stable code: `blob-missing`.
    pub fn code(&self) -> &'static str {
        match self {
            DocumentFault::BlobMissing { .. } => "blob-missing",
            DocumentFault::BlobAltered { .. } => "blob-altered",
            DocumentFault::CopyMismatch { .. } => "copy-mismatch",
            DocumentFault::DoesNotDecrypt => "does-not-decrypt",
            DocumentFault::AlteredOrTruncated => "altered-or-truncated",
            DocumentFault::LongerThanRecorded => "longer-than-recorded",
            DocumentFault::HashMismatch => "hash-mismatch",
        }
    }
}

impl std::fmt::Display for DocumentFault {
    /// The code and the fields, for logs.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.code())?;
        match self {
            DocumentFault::BlobMissing { blob } | DocumentFault::BlobAltered { blob } => {
                write!(f, " {blob}")
            }
            DocumentFault::CopyMismatch { name } => write!(f, " {name}"),
            _ => Ok(()),
        }
    }
}

/// The names that people give: [`Error::BadName`] and [`Problem::NameLength`] say which.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Named {
    /// A document's original file name.
    FileName,
    /// A user's name.
    UserName,
    /// A team's name.
    TeamName,
    /// The name of a case's person.
    CaseName,
    /// A share link's label.
    Label,
    /// A share link's message to its recipient.
    Message,
}

impl Named {
    /// A stable code: `file-name`.
    pub fn code(self) -> &'static str {
        match self {
            Named::FileName => "file-name",
            Named::UserName => "user-name",
            Named::TeamName => "team-name",
            Named::CaseName => "case-name",
            Named::Label => "label",
            Named::Message => "message",
        }
    }
}

/// Which rule an input broke (the words are vault-words', `invalid-<code>` in `errors.ftl`;
/// `field` and `code` are stable and go to logs and to the API's error codes).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Problem {
    /// A file that is not a signed checkpoint of a vault's log.
    NotACheckpoint,
    /// A log index at or past the log's size.
    LogIndexPastEnd,
    /// A consistency proof asked from a larger size to a smaller one.
    LogSizeShrinks,
    /// A log size larger than the log.
    LogSizePastEnd,
    /// A team name of 32 hex characters, which would read as a team id.
    TeamNameLikeId,
    /// Removing the last member of a team.
    LastMember,
    /// An id prefix of fewer than 8 hex characters.
    IdPrefixShort,
    /// An id prefix that matches several ids.
    IdPrefixAmbiguous,
    /// An id that is not 32 hex characters.
    IdFormat,
    /// A role other than admin, coordinator or volunteer.
    Role,
    /// A case's person without a name.
    CaseNameEmpty,
    /// A field of a case's profile over 1000 bytes.
    ProfileFieldLong,
    /// A case's notes over 100 000 bytes.
    NotesLong,
    /// A birth date not written YYYY-MM-DD.
    BirthDate,
    /// A document kind other than identity, appeal, evidence or other.
    Kind,
    /// A document's kind changed while a new version was being sent.
    KindChanged,
    /// A duration not written as a number and m, h, d or w.
    Duration,
    /// A duration of zero where one is needed.
    DurationZero,
    /// A size not written as a number and a unit.
    Size,
    /// A user or team name that is empty or over 64 characters.
    NameLength(Named),
    /// A user or team name with a control character, `/` or surrounding spaces.
    NameCharacters(Named),
    /// A password under 8 characters.
    PasswordShort,
    /// A user disabling their own account.
    OwnAccount,
    /// A key that is not an age secret key.
    AgeKey,
    /// A recipient that is not an age public key (`age1...`).
    AgeRecipient,
    /// More than ten recipients, or one given twice.
    AgeRecipients,
    /// Argon2 parameters out of argon2's own range.
    Argon2Range,
    /// Argon2 parameters beyond 4 GiB, 100 passes or 64 lanes.
    Argon2Limits,
    /// A password that argon2id refused to hash.
    Argon2Refused,
    /// An upload link for 0 or more than 100 files.
    UploadFiles,
    /// An upload link's size limit of 0 or above the vault's document limit.
    UploadBytes,
    /// A link's lifetime of zero or more than `max_days`.
    Expiry {
        /// The longest lifetime, in days.
        max_days: u32,
    },
    /// A split of the recovery key into fewer than 2 or more than 16 shares, or with a
    /// threshold under 2 or above the count.
    ShareCount,
    /// A recovery share that does not read (typed wrong: its checksum fails), by its place
    /// among those given, from 1.
    ShareMistyped {
        /// Which one.
        which: u32,
    },
    /// Recovery shares of two different splits.
    SharesMixed,
    /// A team's retention of fewer than 30 days or more than 100 years.
    RetentionDays,
    /// A case kept past its term until a date that is not in the future, or more than
    /// 100 years ahead.
    HoldUntil,
    /// Fewer different recovery shares than the split needs.
    SharesTooFew {
        /// How many it needs.
        needed: u32,
    },
    /// A share link's label over 200 characters or with a control character.
    Label,
    /// A share link's message over 1,000 characters or with a control character other
    /// than a line break.
    Message,
    /// A share link for 0 or more than 50 downloads.
    Downloads,
    /// A share link for no document, over 100, or for a document of another case.
    ShareDocuments,
    /// A share link's passphrase under 4 characters.
    PassphraseShort,
    /// A case's keys changed while a space was made for it.
    CaseKeysChanged,
    /// A file name that is empty, `.` or `..`.
    FileNameEmpty,
    /// A file name over 255 bytes.
    FileNameLong,
    /// A file name with `/` or `\`.
    FileNameDirectory,
    /// A file name with a control character.
    FileNameControl,
    /// A media type over 255 bytes or with a control character.
    MediaType,
    /// A document's note over 10 000 bytes.
    NoteLong,
    /// A snapshot id not written YYYYMMDDTHHMMSSZ-xxxxxxxx.
    SnapshotId,
    /// A storage location with an invalid S3 bucket name.
    StorageBucket,
    /// An S3 prefix with `.`, `..` or a control character.
    StoragePrefix,
    /// A storage location other than `s3://` or a directory.
    StorageScheme,
    /// An empty storage location.
    StorageEmpty,
    /// An S3 credentials file that cannot be read.
    CredentialsUnreadable,
    /// A line of an S3 credentials file that is not `NAME=value`.
    CredentialsLine,
    /// A name in an S3 credentials file other than the `AWS_*` ones.
    CredentialsName,
}

impl Problem {
    /// One of each problem, for tests that every one has its words.
    pub const ALL: &'static [Problem] = &[
        Problem::NotACheckpoint,
        Problem::LogIndexPastEnd,
        Problem::LogSizeShrinks,
        Problem::LogSizePastEnd,
        Problem::TeamNameLikeId,
        Problem::LastMember,
        Problem::IdPrefixShort,
        Problem::IdPrefixAmbiguous,
        Problem::IdFormat,
        Problem::Role,
        Problem::CaseNameEmpty,
        Problem::ProfileFieldLong,
        Problem::NotesLong,
        Problem::BirthDate,
        Problem::Kind,
        Problem::KindChanged,
        Problem::Duration,
        Problem::DurationZero,
        Problem::Size,
        Problem::NameLength(Named::UserName),
        Problem::NameLength(Named::TeamName),
        Problem::NameCharacters(Named::UserName),
        Problem::NameCharacters(Named::TeamName),
        Problem::PasswordShort,
        Problem::OwnAccount,
        Problem::AgeKey,
        Problem::AgeRecipient,
        Problem::AgeRecipients,
        Problem::Argon2Range,
        Problem::Argon2Limits,
        Problem::Argon2Refused,
        Problem::UploadFiles,
        Problem::UploadBytes,
        Problem::Expiry { max_days: 30 },
        Problem::ShareCount,
        Problem::ShareMistyped { which: 2 },
        Problem::SharesMixed,
        Problem::SharesTooFew { needed: 2 },
        Problem::RetentionDays,
        Problem::HoldUntil,
        Problem::Label,
        Problem::Message,
        Problem::Downloads,
        Problem::ShareDocuments,
        Problem::PassphraseShort,
        Problem::CaseKeysChanged,
        Problem::FileNameEmpty,
        Problem::FileNameLong,
        Problem::FileNameDirectory,
        Problem::FileNameControl,
        Problem::MediaType,
        Problem::NoteLong,
        Problem::SnapshotId,
        Problem::StorageBucket,
        Problem::StoragePrefix,
        Problem::StorageScheme,
        Problem::StorageEmpty,
        Problem::CredentialsUnreadable,
        Problem::CredentialsLine,
        Problem::CredentialsName,
    ];

    /// The field that was wrong, in English for logs: `expiry`.
    pub fn field(self) -> &'static str {
        match self {
            Problem::NotACheckpoint => "checkpoint",
            Problem::LogIndexPastEnd => "log index",
            Problem::LogSizeShrinks | Problem::LogSizePastEnd => "log size",
            Problem::TeamNameLikeId => "team name",
            Problem::LastMember => "member",
            Problem::IdPrefixShort | Problem::IdPrefixAmbiguous | Problem::IdFormat => "id",
            Problem::Role => "role",
            Problem::CaseNameEmpty => "name",
            Problem::ProfileFieldLong => "profile",
            Problem::NotesLong => "notes",
            Problem::BirthDate => "birth date",
            Problem::Kind | Problem::KindChanged => "kind",
            Problem::Duration | Problem::DurationZero => "duration",
            Problem::Size => "size",
            Problem::NameLength(n) | Problem::NameCharacters(n) => n.code(),
            Problem::PasswordShort | Problem::Argon2Refused => "password",
            Problem::OwnAccount => "user",
            Problem::AgeKey => "key",
            Problem::AgeRecipient | Problem::AgeRecipients => "recipient",
            Problem::Argon2Range | Problem::Argon2Limits => "argon2 parameters",
            Problem::UploadFiles => "files",
            Problem::UploadBytes => "bytes",
            Problem::Expiry { .. } => "expiry",
            Problem::ShareCount
            | Problem::ShareMistyped { .. }
            | Problem::SharesMixed
            | Problem::SharesTooFew { .. } => "recovery shares",
            Problem::RetentionDays => "retention",
            Problem::HoldUntil => "until",
            Problem::Label => "label",
            Problem::Message => "message",
            Problem::Downloads => "downloads",
            Problem::ShareDocuments => "documents",
            Problem::PassphraseShort => "passphrase",
            Problem::CaseKeysChanged => "case",
            Problem::FileNameEmpty
            | Problem::FileNameLong
            | Problem::FileNameDirectory
            | Problem::FileNameControl => "file name",
            Problem::MediaType => "media type",
            Problem::NoteLong => "note",
            Problem::SnapshotId => "snapshot",
            Problem::StorageBucket
            | Problem::StoragePrefix
            | Problem::StorageScheme
            | Problem::StorageEmpty => "storage location",
            Problem::CredentialsUnreadable
            | Problem::CredentialsLine
            | Problem::CredentialsName => "S3 credentials file",
        }
    }

    /// A stable code: `expiry`, `password-short`.
    pub fn code(self) -> &'static str {
        match self {
            Problem::NotACheckpoint => "not-a-checkpoint",
            Problem::LogIndexPastEnd => "log-index-past-end",
            Problem::LogSizeShrinks => "log-size-shrinks",
            Problem::LogSizePastEnd => "log-size-past-end",
            Problem::TeamNameLikeId => "team-name-like-id",
            Problem::LastMember => "last-member",
            Problem::IdPrefixShort => "id-prefix-short",
            Problem::IdPrefixAmbiguous => "id-prefix-ambiguous",
            Problem::IdFormat => "id-format",
            Problem::Role => "role",
            Problem::CaseNameEmpty => "case-name-empty",
            Problem::ProfileFieldLong => "profile-field-long",
            Problem::NotesLong => "notes-long",
            Problem::BirthDate => "birth-date",
            Problem::Kind => "kind",
            Problem::KindChanged => "kind-changed",
            Problem::Duration => "duration",
            Problem::DurationZero => "duration-zero",
            Problem::Size => "size",
            Problem::NameLength(_) => "name-length",
            Problem::NameCharacters(_) => "name-characters",
            Problem::PasswordShort => "password-short",
            Problem::OwnAccount => "own-account",
            Problem::AgeKey => "age-key",
            Problem::AgeRecipient => "age-recipient",
            Problem::AgeRecipients => "age-recipients",
            Problem::Argon2Range => "argon2-range",
            Problem::Argon2Limits => "argon2-limits",
            Problem::Argon2Refused => "argon2-refused",
            Problem::UploadFiles => "upload-files",
            Problem::UploadBytes => "upload-bytes",
            Problem::ShareCount => "share-count",
            Problem::ShareMistyped { .. } => "share-mistyped",
            Problem::SharesMixed => "shares-mixed",
            Problem::SharesTooFew { .. } => "shares-too-few",
            Problem::RetentionDays => "retention-days",
            Problem::HoldUntil => "hold-until",
            Problem::Expiry { .. } => "expiry",
            Problem::Label => "label",
            Problem::Message => "message",
            Problem::Downloads => "downloads",
            Problem::ShareDocuments => "share-documents",
            Problem::PassphraseShort => "passphrase-short",
            Problem::CaseKeysChanged => "case-keys-changed",
            Problem::FileNameEmpty => "file-name-empty",
            Problem::FileNameLong => "file-name-long",
            Problem::FileNameDirectory => "file-name-directory",
            Problem::FileNameControl => "file-name-control",
            Problem::MediaType => "media-type",
            Problem::NoteLong => "note-long",
            Problem::SnapshotId => "snapshot-id",
            Problem::StorageBucket => "storage-bucket",
            Problem::StoragePrefix => "storage-prefix",
            Problem::StorageScheme => "storage-scheme",
            Problem::StorageEmpty => "storage-empty",
            Problem::CredentialsUnreadable => "credentials-unreadable",
            Problem::CredentialsLine => "credentials-line",
            Problem::CredentialsName => "credentials-name",
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
    /// Only admins and coordinators see the cases near their term and keep them longer.
    ManagersKeepCases,
    /// Only admins set a team's retention.
    AdminsSetRetention,
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
            Why::ManagersKeepCases => "managers-keep-cases",
            Why::AdminsSetRetention => "admins-set-retention",
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
    /// A damaged-vault error naming the part.
    pub fn damaged(part: Damage) -> Self {
        Error::Damaged(part)
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
            Error::Damaged(_) => "damaged",
            Error::BadCredentials => "bad_credentials",
            Error::BadRecoveryKey => "bad_recovery_key",
            Error::Denied(_) => "denied",
            Error::NotFound { .. } => "not_found",
            Error::Duplicate { .. } => "duplicate",
            Error::Invalid(_) => "invalid",
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
            Error::Busy => "busy",
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
            sled::Error::Corruption { .. } => Error::damaged(Damage::CatalogCorrupted),
            other => Error::Catalog(other.to_string()),
        }
    }
}
