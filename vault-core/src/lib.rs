//! `vault-core`: the encrypted document vault of a legal-aid association.
//!
//! Each beneficiary's papers are kept in a *case* of a *team*. Access is cryptographic:
//! a user's password unlocks their key, which opens their teams' keys, which open the case
//! keys, which open the document keys. Contents are standard age files in a blob store;
//! everything else lives in a small sled catalogue. See `docs/architecture.md`.
//!
//! ```
//! use secrecy::SecretString;
//! use vault_core::{CaseProfile, DocumentKind, KdfParams, NewDocument, Settings, Vault};
//!
//! # fn main() -> Result<(), vault_core::Error> {
//! let dir = tempfile::tempdir().unwrap();
//! let settings = Settings { kdf: KdfParams::insecure_for_tests(), ..Settings::default() };
//! let password = SecretString::from("a long passphrase".to_string());
//! let created = Vault::create(&dir.path().join("vault"), &settings, "alice", &password)?;
//! let vault = created.vault;
//! // created.recovery_key must now be written down and kept offline.
//!
//! let alice = vault.login("alice", &password)?;
//! vault.create_team(&alice, "Permanence Belleville")?;
//! let profile = CaseProfile { name: "A. B.".into(), ..CaseProfile::default() };
//! let case = vault.create_case(&alice, "Permanence Belleville", &profile)?;
//! let new = NewDocument {
//!     kind: DocumentKind::Appeal,
//!     filename: "recours.pdf".into(),
//!     media_type: "application/pdf".into(),
//!     note: None,
//! };
//! let doc = vault.add_document(&alice, &case, &b"%PDF-1.7 ..."[..], &new)?;
//!
//! let (meta, mut reader) = vault.open_document(&alice, &doc, None)?;
//! let mut back = Vec::new();
//! std::io::copy(&mut reader, &mut back)?;
//! assert_eq!(back, b"%PDF-1.7 ...");
//! assert_eq!(meta.filename, "recours.pdf");
//! # Ok(())
//! # }
//! ```

#![forbid(unsafe_code)]
#![deny(missing_docs)]

mod backup;
mod blob;
mod blob_fs;
mod blob_mem;
mod blob_mirror;
mod bundle;
mod bundle_verify;
mod cases;
mod catalog;
mod clock;
mod codec;
mod config;
mod copies;
mod documents;
mod error;
mod faults;
mod fsck;
mod ids;
mod keys;
mod links;
pub mod log;
mod model;
mod overview;
mod recovery;
mod resolve;
mod retention;
mod search;
mod shares;
mod teams;
pub mod testing;
mod units;
mod users;
mod vault;

pub use backup::{is_snapshot_id, Restore, Snapshot};
pub use blob::{BadCopy, BlobId, BlobStore, BlobWriter, Copies, CopyState};
pub use blob_fs::FsBlobStore;
pub use blob_mem::MemBlobStore;
pub use blob_mirror::MirrorBlobStore;
pub use bundle::{
    BundleContext, BundleSummary, Custody, CustodyDocument, CustodyEvent, CustodyVersion,
};
pub use bundle_verify::{verify_bundle, BundleCheck, BundleProblem};
pub use cases::EraseReport;
pub use clock::{Clock, SystemClock};
pub use config::{Settings, StorageSettings, FORMAT_VERSION};
pub use copies::{
    Block, Findings, Form, Format, Inspection, Mark, Outgoing, Reveals, Sent, Uncleanable,
};
pub use documents::{check_filename, check_name, is_hidden_char, DocumentReader};
pub use error::{Damage, DocumentFault, Error, LogFault, NameProblem, Named, Problem, Result, Why};
pub use fsck::FsckReport;
pub use ids::{now as unix_now, CaseId, DocumentId, LinkId, TeamId, UserId};
pub use keys::{check_recipients, KdfParams, PublicKey, SecretKey, MAX_RECIPIENTS};
pub use links::share::{
    NewShare, ShareInfo, SharedArchive, SharedDocument, SharedFile, SharedView,
};
pub use links::space::{Space, SpaceInfo, SPACE_DEFAULT_TTL, SPACE_MAX_TTL};
pub use links::upload::{NewUploadLink, Receipt, UploadLinkInfo, UploadView};
pub use links::{
    LinkStatus, LinkToken, PASSPHRASE_TRIES, SHARE_DEFAULT_DOWNLOADS, SHARE_DEFAULT_TTL,
    SHARE_MAX_DOWNLOADS, SHARE_MAX_TTL, UPLOAD_DEFAULT_BYTES, UPLOAD_DEFAULT_FILES,
    UPLOAD_DEFAULT_TTL, UPLOAD_MAX_FILES, UPLOAD_MAX_TTL,
};
pub use log::action::{Action, ActionKind};
pub use log::event::{Event, Outcome};
pub use log::recover::LogNotice;
pub use log::report::{format_time, ActorLabel};
pub use log::verify::{verify_log_at, Checkpoint, LogPin, LogProblem, LogVerification};
pub use model::{
    Case, CaseProfile, CaseStatus, DocumentInfo, DocumentKind, DocumentMeta, NewDocument, Role,
    Team, User,
};
pub use overview::CaseOverview;
pub use recovery::Rotated;
pub use resolve::MIN_PREFIX;
pub use retention::{
    Due, Hold, HoldReason, Swept, DEFAULT_DAYS as DEFAULT_RETENTION_DAYS, DUE_WITHIN_DAYS,
};
pub use search::{finds, CasePage, CaseQuery, MAX_PAGE, MIN_PREFIX_LETTERS};
pub use shares::{combine_shares, recovery_key_from_text, seal_share, split_key, MAX_SHARES};
pub use units::{parse_duration, parse_size};
pub use users::MIN_PASSWORD_CHARS;
pub use vault::{Created, Session, Vault, DEFAULT_MIN_FREE};
