//! Upload links: a beneficiary hands over photos of their papers from a phone, with no
//! account. Each file is encrypted to the case's public key as a new document of kind
//! `other`; the uploader can read nothing back. A link's uploads run one at a time, so
//! its limits on files and bytes hold whatever the concurrency.

use crate::log::action::Action;
use std::fmt;
use std::io::Read;
use std::net::IpAddr;
use std::sync::PoisonError;

use serde::{Deserialize, Serialize};

use super::{lifetime, LinkStatus, LinkToken};
use super::{
    UPLOAD_DEFAULT_BYTES, UPLOAD_DEFAULT_FILES, UPLOAD_DEFAULT_TTL, UPLOAD_MAX_FILES,
    UPLOAD_MAX_TTL,
};
use crate::catalog::Batch;
use crate::error::{Error, Result};
use crate::ids::{CaseId, DocumentId, LinkId, UserId};
use crate::log::audit::target;
use crate::model::{DocumentKind, DocumentMeta, NewDocument};
use crate::vault::{Session, Vault};

#[derive(Clone, Serialize, Deserialize)]
pub(crate) struct UploadRecord {
    pub id: LinkId,
    pub case: CaseId,
    pub creator: UserId,
    pub created: u64,
    pub expires: u64,
    pub max_files: u32,
    pub max_bytes: u64,
    pub files: u32,
    pub bytes: u64,
    pub revoked: bool,
}

impl UploadRecord {
    fn status(&self, now: u64) -> LinkStatus {
        if self.revoked {
            LinkStatus::Revoked
        } else if now >= self.expires {
            LinkStatus::Expired
        } else if self.files >= self.max_files || self.bytes >= self.max_bytes {
            LinkStatus::Exhausted
        } else {
            LinkStatus::Live
        }
    }

    fn targets(&self) -> Vec<String> {
        vec![target("case", &self.case), target("upload", &self.id)]
    }
}

/// What a volunteer asks for when making an upload link.
#[derive(Clone, Debug, Default)]
pub struct NewUploadLink {
    /// Seconds the link lives: 3 days when `None`, 30 days at most.
    pub expires_in: Option<u64>,
    /// Files it takes: 10 when `None`, 100 at most.
    pub max_files: Option<u32>,
    /// Bytes it takes in all: 200 MiB when `None`, at most the vault's document limit.
    pub max_bytes: Option<u64>,
}

/// An upload link as the members of the case's team see it.
#[derive(Clone, Debug, Serialize)]
pub struct UploadLinkInfo {
    /// The link's id (not its token).
    pub id: LinkId,
    /// Its case.
    pub case: CaseId,
    /// Who made it.
    pub creator: UserId,
    /// When (Unix seconds).
    pub created: u64,
    /// Until when (Unix seconds).
    pub expires: u64,
    /// Files it takes.
    pub max_files: u32,
    /// Bytes it takes in all.
    pub max_bytes: u64,
    /// Files received.
    pub files: u32,
    /// Bytes received.
    pub bytes: u64,
    /// Live or why not.
    pub status: LinkStatus,
}

impl From<(UploadRecord, u64)> for UploadLinkInfo {
    fn from((r, now): (UploadRecord, u64)) -> Self {
        UploadLinkInfo {
            status: r.status(now),
            id: r.id,
            case: r.case,
            creator: r.creator,
            created: r.created,
            expires: r.expires,
            max_files: r.max_files,
            max_bytes: r.max_bytes,
            files: r.files,
            bytes: r.bytes,
        }
    }
}

/// What the uploader's page shows.
#[derive(Clone, Debug)]
pub struct UploadView {
    /// Until when (Unix seconds).
    pub expires: u64,
    /// Files it still takes.
    pub files_left: u32,
    /// Bytes it still takes.
    pub bytes_left: u64,
}

/// What the uploader gets back for a file: enough to prove what they handed over.
#[derive(Clone)]
pub struct Receipt {
    /// The new document.
    pub id: DocumentId,
    /// What was received.
    pub meta: DocumentMeta,
}

impl fmt::Debug for Receipt {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Receipt({}, {:?})", self.id, self.meta)
    }
}

impl Vault {
    fn upload_record(&self, id: &LinkId) -> Result<Option<UploadRecord>> {
        self.inner.catalog.record(&format!("uplink/{id}"))
    }

    /// Makes an upload link for a case. The token exists nowhere else.
    pub fn create_upload_link(
        &self,
        session: &Session,
        case: &CaseId,
        new: &NewUploadLink,
    ) -> Result<(UploadLinkInfo, LinkToken)> {
        self.audited(
            session.actor(),
            Action::UploadCreate,
            vec![target("case", case)],
            |audit| {
                let ttl = lifetime(new.expires_in, UPLOAD_DEFAULT_TTL, UPLOAD_MAX_TTL)?;
                let max_files = new.max_files.unwrap_or(UPLOAD_DEFAULT_FILES);
                if !(1..=UPLOAD_MAX_FILES).contains(&max_files) {
                    return Err(Error::Invalid(crate::Problem::UploadFiles));
                }
                let max_bytes = new.max_bytes.unwrap_or(UPLOAD_DEFAULT_BYTES);
                if max_bytes == 0 || max_bytes > self.max_document_bytes() {
                    return Err(Error::Invalid(crate::Problem::UploadBytes));
                }
                self.case_key(session, case)?;
                let token = LinkToken::generate()?;
                let id = token.id();
                audit.target("upload", &id);
                let created = self.now();
                let record = UploadRecord {
                    id: id.clone(),
                    case: case.clone(),
                    creator: session.user.id.clone(),
                    created,
                    expires: created + ttl,
                    max_files,
                    max_bytes,
                    files: 0,
                    bytes: 0,
                    revoked: false,
                };
                let mut batch = Batch::default();
                batch.put(&format!("uplink/{id}"), &record)?;
                batch.put(&format!("linkidx/{case}/{id}"), &"upload")?;
                let _guard = self.write_lock();
                self.case_record(case)?;
                self.commit(batch, audit, &[])?;
                Ok(((record, created).into(), token))
            },
        )
    }

    /// The upload links of a case, newest first.
    pub fn list_upload_links(
        &self,
        session: &Session,
        case: &CaseId,
    ) -> Result<Vec<UploadLinkInfo>> {
        self.audited(
            session.actor(),
            Action::UploadList,
            vec![target("case", case)],
            |_| {
                self.case_key(session, case)?;
                self.upload_links_of(case, self.now())
            },
        )
    }

    /// The upload links of a case (whoever asks was allowed).
    pub(crate) fn upload_links_of(&self, case: &CaseId, now: u64) -> Result<Vec<UploadLinkInfo>> {
        let mut out: Vec<UploadLinkInfo> = Vec::new();
        for id in self.link_ids_of(case)? {
            if let Some(record) = self.upload_record(&id)? {
                out.push((record, now).into());
            }
        }
        out.sort_by(|a, b| b.created.cmp(&a.created).then(a.id.cmp(&b.id)));
        Ok(out)
    }

    /// Revokes an upload link: it takes nothing more.
    pub fn revoke_upload_link(&self, session: &Session, id: &LinkId) -> Result<()> {
        self.audited(
            session.actor(),
            Action::UploadRevoke,
            vec![target("upload", id)],
            |audit| {
                let not_found = || Error::not_found("upload link", id.as_str());
                let record = self.upload_record(id)?.ok_or_else(not_found)?;
                audit.target("case", &record.case);
                self.case_key(session, &record.case)?;
                let _guard = self.write_lock();
                let mut record = self.upload_record(id)?.ok_or_else(not_found)?;
                record.revoked = true;
                let mut batch = Batch::default();
                batch.put(&format!("uplink/{id}"), &record)?;
                self.commit(batch, audit, &[])
            },
        )
    }

    fn live_upload(&self, token: &LinkToken) -> Result<UploadRecord> {
        self.upload_record(&token.id())?
            .ok_or(Error::LinkUnavailable)
    }

    /// What the link still takes when it takes files now, else [`Error::LinkUnavailable`]
    /// (whatever the reason, a used-up link included). Records nothing: the server asks before reading a
    /// request's body, and each upload is recorded.
    pub fn check_upload_link(&self, token: &LinkToken, now: u64) -> Result<UploadView> {
        let record = self.live_upload(token)?;
        match record.status(now) {
            LinkStatus::Live => Ok(UploadView {
                expires: record.expires,
                files_left: record.max_files - record.files,
                bytes_left: record.max_bytes - record.bytes,
            }),
            _ => Err(Error::LinkUnavailable),
        }
    }

    /// What the uploader's page shows; the opening is recorded.
    pub fn open_upload_link(
        &self,
        token: &LinkToken,
        client: Option<IpAddr>,
        now: u64,
    ) -> Result<UploadView> {
        let record = self.live_upload(token)?;
        let actor = self.link_actor("upload", &record.id, client)?;
        self.audited(actor, Action::UploadOpen, record.targets(), |_| {
            if record.status(now) != LinkStatus::Live {
                return Err(Error::LinkUnavailable);
            }
            Ok(UploadView {
                expires: record.expires,
                files_left: record.max_files - record.files,
                bytes_left: record.max_bytes - record.bytes,
            })
        })
    }

    /// Stores one uploaded file as a new document of kind `other` of the link's case.
    /// Refused, with nothing stored, past the link's limits ([`Error::LinkFull`],
    /// [`Error::TooLarge`]) or with a bad file name.
    pub fn upload_via_link(
        &self,
        token: &LinkToken,
        content: impl Read,
        filename: &str,
        media_type: &str,
        client: Option<IpAddr>,
        now: u64,
    ) -> Result<Receipt> {
        let record = self.live_upload(token)?;
        let actor = self.link_actor("upload", &record.id, client)?;
        let lock = self.link_lock(&record.id);
        let _one_at_a_time = lock.lock().unwrap_or_else(PoisonError::into_inner);
        self.audited(actor, Action::DocumentAdd, record.targets(), |audit| {
            let record = self
                .upload_record(&record.id)?
                .ok_or(Error::LinkUnavailable)?;
            match record.status(now) {
                LinkStatus::Live => {}
                LinkStatus::Exhausted => return Err(Error::LinkFull),
                _ => return Err(Error::LinkUnavailable),
            }
            let new = NewDocument {
                kind: DocumentKind::Other,
                filename: filename.to_owned(),
                media_type: media_type.to_owned(),
                note: None,
            };
            let limit = (record.max_bytes - record.bytes).min(self.max_document_bytes());
            // Runs under the write lock: counts on the record as it is then, so a revocation
            // made while the file streamed in is neither undone nor ignored.
            let count = |batch: &mut Batch, meta: &DocumentMeta| {
                let mut current = self
                    .upload_record(&record.id)?
                    .ok_or(Error::LinkUnavailable)?;
                match current.status(now) {
                    LinkStatus::Live => {}
                    LinkStatus::Exhausted => return Err(Error::LinkFull),
                    _ => return Err(Error::LinkUnavailable),
                }
                if meta.size > current.max_bytes - current.bytes {
                    return Err(Error::TooLarge {
                        limit: current.max_bytes - current.bytes,
                    });
                }
                current.files += 1;
                current.bytes += meta.size;
                batch.put(&format!("uplink/{}", current.id), &current)
            };
            let (id, meta) =
                self.intake_inner(&record.case, content, &new, audit, limit, Some(&count))?;
            Ok(Receipt { id, meta })
        })
    }
}
