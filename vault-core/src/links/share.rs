//! Share links: a volunteer sends some documents of a case to a lawyer.
//!
//! Opening the link (its page) consumes nothing; each download is counted atomically
//! under the catalogue's write lock, with its event, before the first byte is handed out.

use crate::log::action::Action;
use std::fmt;
use std::io::{Read, Write};
use std::net::IpAddr;

use secrecy::{ExposeSecret, SecretString};
use serde::{Deserialize, Serialize};

use super::{lifetime, LinkStatus, LinkToken, PASSPHRASE_TRIES};
use super::{SHARE_DEFAULT_DOWNLOADS, SHARE_DEFAULT_TTL, SHARE_MAX_DOWNLOADS, SHARE_MAX_TTL};
use crate::blob::BlobId;
use crate::cases::CaseRecord;
use crate::catalog::Batch;
use crate::copies::{self, Form, LazyOutgoing, Outgoing, Sent};
use crate::documents::DocumentRecord;
use crate::error::{Error, Result};
use crate::ids::{random_bytes, CaseId, DocumentId, LinkId, UserId};
use crate::keys::{self, KdfParams, PublicKey, SealingReader, SecretKey};
use crate::log::audit::{target, Actor, Audit};
use crate::log::event::Outcome;
use crate::model::DocumentMeta;
use crate::vault::{Session, Vault};

#[derive(Clone, Serialize, Deserialize)]
pub(crate) struct ShareRecord {
    pub id: LinkId,
    pub case: CaseId,
    pub creator: UserId,
    pub created: u64,
    pub expires: u64,
    pub max_downloads: u32,
    pub downloads: u32,
    pub revoked: bool,
    pub failed_passphrases: u32,
    pub locked: bool,
    /// The wraps are deleted: nothing opens the documents any more.
    pub purged: bool,
    pub passphrase: Option<PassphraseKdf>,
    pub documents: Vec<SharedVersion>,
    /// How many of the lawyer's own age recipients every download is encrypted to (they
    /// are in `sharekeys/<id>`); 0: downloads are the plaintext. Kept here in clear too, so
    /// that a link whose sealed list went missing refuses rather than hands out plaintext.
    #[serde(default)]
    pub sealed_to: u32,
    /// Cleaned copies or originals (records made before cleaning existed read as cleaned:
    /// what leaves now carries no hidden metadata unless someone asks).
    #[serde(default)]
    pub form: Form,
}

/// How a passphrase is stretched before it is mixed into the link's key.
#[derive(Clone, Serialize, Deserialize)]
pub(crate) struct PassphraseKdf {
    pub salt: String,
    pub params: KdfParams,
}

/// The version of a document that the link gives (the newest when it was made).
#[derive(Clone, Serialize, Deserialize)]
pub(crate) struct SharedVersion {
    doc: DocumentId,
    version: u32,
    blob: BlobId,
    /// What leaves for it, as found when the share was made (none in older records).
    #[serde(default)]
    sent: Option<Sent>,
}

impl ShareRecord {
    fn status(&self, now: u64) -> LinkStatus {
        if self.revoked {
            LinkStatus::Revoked
        } else if self.locked {
            LinkStatus::Locked
        } else if self.downloads >= self.max_downloads {
            LinkStatus::Exhausted
        } else if now >= self.expires || self.purged {
            // Only a dead link is purged: one purged otherwise alive was swept as expired.
            LinkStatus::Expired
        } else {
            LinkStatus::Live
        }
    }

    fn targets(&self) -> Vec<String> {
        vec![target("case", &self.case), target("share", &self.id)]
    }
}

/// What a volunteer asks for when sharing.
#[derive(Default)]
pub struct NewShare {
    /// Documents of the case (their newest versions are shared).
    pub documents: Vec<DocumentId>,
    /// Seconds the link lives: 7 days when `None`, 30 days at most.
    pub expires_in: Option<u64>,
    /// Downloads allowed in all: 5 when `None`, 50 at most.
    pub max_downloads: Option<u32>,
    /// A passphrase to send separately (SMS, phone); mixed into the key with argon2id.
    pub passphrase: Option<SecretString>,
    /// Who it is for, e.g. "Me Dupont"; sealed to the case key.
    pub label: Option<String>,
    /// A few words for the recipient, shown on the link's page ("Pièces pour l'audience
    /// du 12"); sealed to the link's key and the case key.
    pub message: Option<String>,
    /// The lawyer's own age recipients (`age1...`, at most ten): when given, every download
    /// through the link is an age file encrypted to them, so that the link alone (forwarded,
    /// leaked from a mailbox) does not read the documents.
    pub to: Vec<PublicKey>,
    /// Cleaned copies (the default) or the originals, with their metadata.
    pub form: Form,
}

impl fmt::Debug for NewShare {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "NewShare({} documents, ***)", self.documents.len())
    }
}

/// A share link as the members of the case's team see it.
#[derive(Clone, Serialize)]
pub struct ShareInfo {
    /// The link's id (not its token: the address cannot be rebuilt from it).
    pub id: LinkId,
    /// Its case.
    pub case: CaseId,
    /// Who it is for.
    pub label: Option<String>,
    /// Who made it.
    pub creator: UserId,
    /// When (Unix seconds).
    pub created: u64,
    /// Until when (Unix seconds).
    pub expires: u64,
    /// Downloads allowed.
    pub max_downloads: u32,
    /// Downloads made.
    pub downloads: u32,
    /// Whether it asks for a passphrase.
    pub passphrase: bool,
    /// The lawyer's own age recipients that every download is encrypted to (none: plaintext).
    pub to: Vec<PublicKey>,
    /// The shared documents.
    pub documents: Vec<DocumentId>,
    /// Cleaned copies or originals.
    pub form: Form,
    /// What leaves for each document, in the order of `documents` (`None`: the share was
    /// made before the vault recorded it).
    pub sent: Vec<Option<Sent>>,
    /// Live or why not.
    pub status: LinkStatus,
}

impl fmt::Debug for ShareInfo {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "ShareInfo({}, {:?}, ***)", self.id, self.status)
    }
}

/// A document as the link's holder sees it.
#[derive(Clone, Debug)]
pub struct SharedDocument {
    /// Its id (used in the download address).
    pub id: DocumentId,
    /// Name, kind, size.
    pub meta: DocumentMeta,
}

/// What a live link shows.
#[derive(Clone, Debug)]
pub struct SharedView {
    /// The documents still available.
    pub documents: Vec<SharedDocument>,
    /// Until when (Unix seconds).
    pub expires: u64,
    /// Downloads left, for all documents together.
    pub downloads_left: u32,
    /// The volunteer's message to the recipient, if any.
    pub message: Option<String>,
    /// The lawyer's own age recipients that the downloads are encrypted to (none: they are
    /// the plaintext).
    pub to: Vec<PublicKey>,
}

/// A shared document as it leaves through the link: its plaintext, or, when the share was
/// made to the lawyer's own age key(s), a standard age file encrypted to them. The caller
/// cannot choose: it reads what the share says.
pub struct SharedFile {
    /// Name, kind and size of the document (of the original's plaintext).
    pub meta: DocumentMeta,
    /// A cleaned copy, the original as it is, or the original as asked.
    pub sent: Sent,
    reader: Box<dyn Read + Send>,
    length: u64,
    sealed: bool,
}

impl SharedFile {
    fn new(meta: DocumentMeta, out: Outgoing, to: &[PublicKey]) -> Result<Self> {
        let length = out.len(&meta);
        let sent = out.copy.clone();
        let (reader, sealed): (Box<dyn Read + Send>, bool) = if to.is_empty() {
            (Box::new(out), false)
        } else {
            (Box::new(SealingReader::new(out, to)?), true)
        };
        Ok(SharedFile {
            meta,
            sent,
            reader,
            length,
            sealed,
        })
    }

    /// Whether it is encrypted to the lawyer's own key(s).
    pub fn is_sealed(&self) -> bool {
        self.sealed
    }

    /// The name to save it under: the document's, with `.age` when it is encrypted.
    pub fn file_name(&self) -> String {
        if self.sealed {
            format!("{}.age", self.meta.filename)
        } else {
            self.meta.filename.clone()
        }
    }

    /// Its length in bytes, when known before the end (the plaintext's).
    pub fn length(&self) -> Option<u64> {
        (!self.sealed).then_some(self.length)
    }

    /// Its media type as a download.
    pub fn media_type(&self) -> &'static str {
        if self.sealed {
            "application/age"
        } else {
            "application/octet-stream"
        }
    }
}

impl Read for SharedFile {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        self.reader.read(buf)
    }
}

impl fmt::Debug for SharedFile {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "SharedFile(sealed: {}, ***)", self.sealed)
    }
}

/// Every document a link still offers, as one ZIP (its "download all"), encrypted as a
/// whole to the lawyer's own key(s) when the share was made to them.
pub struct SharedArchive {
    documents: Vec<(DocumentMeta, LazyOutgoing)>,
    to: Vec<PublicKey>,
}

impl SharedArchive {
    /// Whether it is encrypted to the lawyer's own key(s).
    pub fn is_sealed(&self) -> bool {
        !self.to.is_empty()
    }

    /// The name to save it under.
    pub fn file_name(&self) -> &'static str {
        if self.is_sealed() {
            "documents.zip.age"
        } else {
            "documents.zip"
        }
    }

    /// Its media type as a download.
    pub fn media_type(&self) -> &'static str {
        if self.is_sealed() {
            "application/age"
        } else {
            "application/zip"
        }
    }

    /// Writes the ZIP (or its age file) to `out`, streamed.
    pub fn write_to(self, out: impl Write) -> Result<()> {
        if self.to.is_empty() {
            return crate::bundle::zip_documents(self.documents, out);
        }
        let mut sealed = keys::seal_stream(out, &self.to)?;
        crate::bundle::zip_documents(self.documents, &mut sealed)?;
        sealed.finish()?;
        Ok(())
    }
}

impl fmt::Debug for SharedArchive {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "SharedArchive({} documents, sealed: {})",
            self.documents.len(),
            self.is_sealed()
        )
    }
}

/// The longest message of a share link, in characters.
pub const MAX_SHARE_MESSAGE: usize = 1000;

fn check_message(message: &Option<String>) -> Result<()> {
    match message {
        Some(m)
            if m.chars().count() > MAX_SHARE_MESSAGE
                || m.chars().any(|c| c.is_control() && c != '\n') =>
        {
            Err(Error::Invalid(crate::Problem::Message))
        }
        Some(m) => crate::documents::check_name(crate::Named::Message, m),
        None => Ok(()),
    }
}

fn check_label(label: &Option<String>) -> Result<()> {
    match label {
        Some(l) if l.chars().count() > 200 || l.chars().any(char::is_control) => {
            Err(Error::Invalid(crate::Problem::Label))
        }
        Some(l) => crate::documents::check_name(crate::Named::Label, l),
        None => Ok(()),
    }
}

impl Vault {
    fn share_record(&self, id: &LinkId) -> Result<Option<ShareRecord>> {
        self.inner.catalog.record(&format!("share/{id}"))
    }

    /// Makes a share link for some documents of a case. Returns the link and its token,
    /// which exists nowhere else: put it in the address now, it cannot be shown again.
    pub fn create_share(
        &self,
        session: &Session,
        case: &CaseId,
        new: &NewShare,
    ) -> Result<(ShareInfo, LinkToken)> {
        self.audited(
            session.actor(),
            Action::ShareCreate,
            vec![target("case", case)],
            |audit| {
                let (case_record, case_key) = self.case_key(session, case)?;
                let creator = session.user.id.clone();
                self.make_share(audit, case, &case_record, &case_key, creator, new)
            },
        )
    }

    /// Makes a share link of `case` with its key (a member's, or the beneficiary's own).
    pub(crate) fn make_share(
        &self,
        audit: &mut Audit,
        case: &CaseId,
        case_record: &CaseRecord,
        case_key: &SecretKey,
        creator: UserId,
        new: &NewShare,
    ) -> Result<(ShareInfo, LinkToken)> {
        let ttl = lifetime(new.expires_in, SHARE_DEFAULT_TTL, SHARE_MAX_TTL)?;
        let max = new.max_downloads.unwrap_or(SHARE_DEFAULT_DOWNLOADS);
        if !(1..=SHARE_MAX_DOWNLOADS).contains(&max) {
            return Err(Error::Invalid(crate::Problem::Downloads));
        }
        let mut docs = new.documents.clone();
        docs.sort();
        docs.dedup();
        if docs.is_empty() || docs.len() > 100 {
            return Err(Error::Invalid(crate::Problem::ShareDocuments));
        }
        check_label(&new.label)?;
        check_message(&new.message)?;
        keys::check_recipients(&new.to)?;
        let token = LinkToken::generate()?;
        let id = token.id();
        audit.target("share", &id);
        let (kdf, link_key) = match &new.passphrase {
            Some(p) if p.expose_secret().chars().count() < 4 => {
                return Err(Error::Invalid(crate::Problem::PassphraseShort))
            }
            Some(p) => {
                let mut salt = [0u8; 16];
                random_bytes(&mut salt)?;
                let params = self.inner.toml.argon2.clone();
                let stretched = keys::argon2id(p.expose_secret().as_bytes(), &salt, &params)?;
                let kdf = PassphraseKdf {
                    salt: hex::encode(salt),
                    params,
                };
                (Some(kdf), token.key(Some(&stretched))?)
            }
            None => (None, token.key(None)?),
        };
        let mut batch = Batch::default();
        let mut shared = Vec::new();
        for doc in &docs {
            let record: DocumentRecord =
                self.inner
                    .catalog
                    .record(&format!("doc/{case}/{doc}"))?
                    .ok_or_else(|| Error::not_found("document", doc.as_str()))?;
            let latest = record
                .versions
                .last()
                .ok_or_else(|| Error::damaged(crate::Damage::DocumentWithoutVersion))?;
            let (version_key, meta) = self.version_meta(&record, latest.number, case_key)?;
            // What will leave, found now (by making the copy once) so that the volunteer
            // sees it and the record keeps it.
            let sent = match new.form {
                Form::Original => Sent::Original,
                Form::Cleaned => {
                    let reader = self.reader(&latest.blob, &version_key, &meta)?;
                    copies::outgoing(reader, &meta, Form::Cleaned)?.copy
                }
            };
            batch.put_raw(
                &format!("sharewrap/{id}/{doc}"),
                keys::wrap(&version_key, &[&link_key.public()])?,
            );
            audit.target("document", doc);
            shared.push(SharedVersion {
                doc: doc.clone(),
                version: latest.number,
                blob: latest.blob.clone(),
                sent: Some(sent),
            });
        }
        if let Some(message) = &new.message {
            batch.put_raw(
                &format!("sharemsg/{id}"),
                keys::seal(
                    message.as_bytes(),
                    &[&link_key.public(), &case_record.public],
                )?,
            );
        }
        if !new.to.is_empty() {
            batch.put_raw(
                &format!("sharekeys/{id}"),
                keys::seal(
                    recipients_text(&new.to).as_bytes(),
                    &[&link_key.public(), &case_record.public],
                )?,
            );
        }
        if let Some(label) = &new.label {
            batch.put_raw(
                &format!("sharelabel/{id}"),
                keys::seal(label.as_bytes(), &[&case_record.public])?,
            );
        }
        let created = self.now();
        let record = ShareRecord {
            id: id.clone(),
            case: case.clone(),
            creator,
            created,
            expires: created + ttl,
            max_downloads: max,
            downloads: 0,
            revoked: false,
            failed_passphrases: 0,
            locked: false,
            purged: false,
            passphrase: kdf,
            documents: shared,
            sealed_to: new.to.len() as u32,
            form: new.form,
        };
        batch.put(&format!("share/{id}"), &record)?;
        batch.put(&format!("linkidx/{case}/{id}"), &"share")?;
        let _guard = self.write_lock();
        // The case may have been erased while the wraps were made.
        self.case_record(case)?;
        self.commit(batch, audit, &[])?;
        let info = self.share_info(record, new.label.clone(), new.to.clone(), created);
        Ok((info, token))
    }

    fn share_info(
        &self,
        r: ShareRecord,
        label: Option<String>,
        to: Vec<PublicKey>,
        now: u64,
    ) -> ShareInfo {
        ShareInfo {
            status: r.status(now),
            id: r.id,
            case: r.case,
            label,
            creator: r.creator,
            created: r.created,
            expires: r.expires,
            max_downloads: r.max_downloads,
            downloads: r.downloads,
            passphrase: r.passphrase.is_some(),
            to,
            form: r.form,
            sent: r.documents.iter().map(|d| d.sent.clone()).collect(),
            documents: r.documents.into_iter().map(|d| d.doc).collect(),
        }
    }

    /// The share links of a case, newest first, for the members of its team.
    pub fn list_shares(&self, session: &Session, case: &CaseId) -> Result<Vec<ShareInfo>> {
        self.audited(
            session.actor(),
            Action::ShareList,
            vec![target("case", case)],
            |_| {
                let (_, case_key) = self.case_key(session, case)?;
                self.shares_of(case, &case_key, self.now())
            },
        )
    }

    /// The share links of a case, opened with its key (whoever asks was allowed).
    pub(crate) fn shares_of(
        &self,
        case: &CaseId,
        case_key: &SecretKey,
        now: u64,
    ) -> Result<Vec<ShareInfo>> {
        let catalog = &self.inner.catalog;
        let mut out = Vec::new();
        for id in self.link_ids_of(case)? {
            let Some(record) = self.share_record(&id)? else {
                continue;
            };
            let label = match catalog.raw(&format!("sharelabel/{id}"))? {
                Some(sealed) => {
                    keys::open(&sealed, case_key)?.map(|p| String::from_utf8_lossy(&p).into_owned())
                }
                None => None,
            };
            let to = self.share_recipients(&record, case_key)?;
            out.push(self.share_info(record, label, to, now));
        }
        out.sort_by(|a, b| b.created.cmp(&a.created).then(a.id.cmp(&b.id)));
        Ok(out)
    }

    /// A share link's label, for a member of its case's team (not recorded: it names no
    /// one the member cannot already see in the link list).
    pub(crate) fn share_label(&self, session: &Session, id: &LinkId) -> Result<Option<String>> {
        let Some(record) = self.share_record(id)? else {
            return Ok(None);
        };
        let (_, case_key) = self.case_key(session, &record.case)?;
        self.open_label(id, &case_key)
    }

    fn open_label(&self, id: &LinkId, case_key: &SecretKey) -> Result<Option<String>> {
        Ok(match self.inner.catalog.raw(&format!("sharelabel/{id}"))? {
            Some(sealed) => {
                keys::open(&sealed, case_key)?.map(|p| String::from_utf8_lossy(&p).into_owned())
            }
            None => None,
        })
    }

    /// The lawyer's own recipients of a share, opened with the link's key or the case key.
    /// A share made to them whose list cannot be opened is refused: its downloads are
    /// never handed out in plaintext.
    fn share_recipients(&self, record: &ShareRecord, key: &SecretKey) -> Result<Vec<PublicKey>> {
        if record.sealed_to == 0 {
            return Ok(Vec::new());
        }
        let damaged = || Error::damaged(crate::Damage::ShareLink);
        let sealed = self
            .inner
            .catalog
            .raw(&format!("sharekeys/{}", record.id))?
            .ok_or_else(damaged)?;
        let text = keys::open(&sealed, key)?.ok_or_else(damaged)?;
        let to = std::str::from_utf8(&text)
            .map_err(|_| damaged())?
            .lines()
            .map(|line| line.parse::<PublicKey>())
            .collect::<Result<Vec<_>>>()?;
        if to.len() != record.sealed_to as usize {
            return Err(damaged());
        }
        Ok(to)
    }

    /// Revokes a share link: its keys are destroyed at once.
    pub fn revoke_share(&self, session: &Session, id: &LinkId) -> Result<()> {
        self.audited(
            session.actor(),
            Action::ShareRevoke,
            vec![target("share", id)],
            |audit| {
                let record = self
                    .share_record(id)?
                    .ok_or_else(|| Error::not_found("share link", id.as_str()))?;
                audit.target("case", &record.case);
                self.case_key(session, &record.case)?;
                let _guard = self.write_lock();
                let mut record = self
                    .share_record(id)?
                    .ok_or_else(|| Error::not_found("share link", id.as_str()))?;
                record.revoked = true;
                let mut batch = Batch::default();
                self.purge_share(&mut batch, &mut record)?;
                self.commit(batch, audit, &[])
            },
        )
    }

    /// Adds the removal of a link's wraps to `batch`, and records it in `record`.
    fn purge_share(&self, batch: &mut Batch, record: &mut ShareRecord) -> Result<()> {
        for k in self
            .inner
            .catalog
            .keys(&format!("sharewrap/{}/", record.id))?
        {
            batch.remove(&k);
        }
        // The message was sealed to the link's key too: it goes with the link.
        batch.remove(&format!("sharemsg/{}", record.id));
        record.purged = true;
        batch.put(&format!("share/{}", record.id), record)
    }

    /// The link's record, live, with its holder's actor; every dead or unknown link gives
    /// the same [`Error::LinkUnavailable`].
    fn live_share(
        &self,
        token: &LinkToken,
        client: Option<IpAddr>,
    ) -> Result<(ShareRecord, Actor)> {
        let id = token.id();
        let record = self.share_record(&id)?.ok_or(Error::LinkUnavailable)?;
        let actor = self.link_actor("share", &id, client)?;
        Ok((record, actor))
    }

    /// The link's key, checking the passphrase. A wrong one is counted (and recorded);
    /// at the last try the link locks and its keys are destroyed.
    fn share_key(
        &self,
        record: &ShareRecord,
        token: &LinkToken,
        passphrase: Option<&SecretString>,
        audit: &mut Audit,
    ) -> Result<SecretKey> {
        let Some(kdf) = &record.passphrase else {
            return token.key(None);
        };
        let passphrase = passphrase.ok_or(Error::PassphraseRequired)?;
        let salt = hex::decode(&kdf.salt).map_err(|_| Error::damaged(crate::Damage::ShareLink))?;
        let stretched = keys::argon2id(passphrase.expose_secret().as_bytes(), &salt, &kdf.params)?;
        let key = token.key(Some(&stretched))?;
        // Any wrap of the link tells whether the key is right.
        let catalog = &self.inner.catalog;
        let wrap = catalog
            .scan(&format!("sharewrap/{}/", record.id))?
            .into_iter()
            .next()
            .ok_or(Error::LinkUnavailable)?;
        if keys::unwrap(&wrap.1, &key)?.is_some() {
            return Ok(key);
        }
        let _guard = self.write_lock();
        let mut record = self
            .share_record(&record.id)?
            .ok_or(Error::LinkUnavailable)?;
        record.failed_passphrases += 1;
        let tries_left = PASSPHRASE_TRIES.saturating_sub(record.failed_passphrases);
        let mut batch = Batch::default();
        let mut events = vec![
            (audit.action(), Outcome::Denied),
            (Action::SharePassphraseFailed, Outcome::Denied),
        ];
        if tries_left == 0 {
            record.locked = true;
            events.push((Action::ShareLocked, Outcome::Ok));
            self.purge_share(&mut batch, &mut record)?;
        } else {
            batch.put(&format!("share/{}", record.id), &record)?;
        }
        self.commit_events(batch, audit, &events)?;
        Err(if tries_left == 0 {
            Error::LinkUnavailable
        } else {
            Error::WrongPassphrase { tries_left }
        })
    }

    /// What a link shows: its documents, expiry and downloads left. Consumes nothing;
    /// the opening is recorded.
    pub fn open_share(
        &self,
        token: &LinkToken,
        passphrase: Option<&SecretString>,
        client: Option<IpAddr>,
        now: u64,
    ) -> Result<SharedView> {
        let (record, actor) = self.live_share(token, client)?;
        self.audited(actor, Action::ShareOpen, record.targets(), |audit| {
            if record.status(now) != LinkStatus::Live {
                return Err(Error::LinkUnavailable);
            }
            let key = self.share_key(&record, token, passphrase, audit)?;
            let mut documents = Vec::new();
            for shared in &record.documents {
                // A document deleted since is simply no longer offered.
                if let Some((version_key, meta)) = self.shared_version(&record, shared, &key)? {
                    drop(version_key);
                    documents.push(SharedDocument {
                        id: shared.doc.clone(),
                        meta,
                    });
                }
            }
            let message = match self.inner.catalog.raw(&format!("sharemsg/{}", record.id))? {
                Some(sealed) => {
                    keys::open(&sealed, &key)?.map(|p| String::from_utf8_lossy(&p).into_owned())
                }
                None => None,
            };
            Ok(SharedView {
                documents,
                expires: record.expires,
                downloads_left: record.max_downloads - record.downloads,
                message,
                to: self.share_recipients(&record, &key)?,
            })
        })
    }

    /// The key and metadata of a shared version, if the document still exists.
    fn shared_version(
        &self,
        record: &ShareRecord,
        shared: &SharedVersion,
        key: &SecretKey,
    ) -> Result<Option<(SecretKey, DocumentMeta)>> {
        let catalog = &self.inner.catalog;
        if !catalog.contains(&format!("docindex/{}", shared.doc))? {
            return Ok(None);
        }
        let Some(wrap) = catalog.raw(&format!("sharewrap/{}/{}", record.id, shared.doc))? else {
            return Err(Error::LinkUnavailable);
        };
        let version_key = keys::unwrap(&wrap, key)?.ok_or(Error::LinkUnavailable)?;
        let meta = self.meta_with_key(&shared.doc, shared.version, &version_key)?;
        Ok(Some((version_key, meta)))
    }

    /// Downloads one shared document: counts one download, atomically and durably with
    /// its event, then hands out its stream (plaintext, or age-encrypted when the share was
    /// made to the lawyer's own key). Returns the downloads left.
    pub fn download_shared(
        &self,
        token: &LinkToken,
        doc: &DocumentId,
        passphrase: Option<&SecretString>,
        client: Option<IpAddr>,
        now: u64,
    ) -> Result<(SharedFile, u32)> {
        let (record, actor) = self.live_share(token, client)?;
        let mut targets = record.targets();
        targets.push(target("document", doc));
        self.audited(actor, Action::ShareDownload, targets, |audit| {
            if record.status(now) != LinkStatus::Live {
                return Err(Error::LinkUnavailable);
            }
            let shared = record
                .documents
                .iter()
                .find(|s| &s.doc == doc)
                .ok_or(Error::LinkUnavailable)?;
            let key = self.share_key(&record, token, passphrase, audit)?;
            let (version_key, meta) = self
                .shared_version(&record, shared, &key)?
                .ok_or(Error::LinkUnavailable)?;
            let to = self.share_recipients(&record, &key)?;
            let reader = self.reader(&shared.blob, &version_key, &meta)?;
            let out = copies::outgoing(reader, &meta, record.form)?;
            // A copy promised clean that cannot be made clean now is not replaced by the
            // original behind the volunteer's back.
            if matches!(shared.sent, Some(Sent::Cleaned { .. }))
                && !matches!(out.copy, Sent::Cleaned { .. })
            {
                return Err(Error::damaged(crate::Damage::ShareLink));
            }
            // What left, exactly: a cleaned copy, the original as it is, or as asked.
            audit.target("copy", out.copy.as_str());
            let file = SharedFile::new(meta, out, &to)?;
            let left = self.count_download(&record.id, now, audit)?;
            Ok((file, left))
        })
    }

    /// Downloads every document the link still offers at once (the lawyer's "download
    /// all"): one download counted, atomically and durably with its event (which names
    /// every document), then one archive of their streams. Returns it and the downloads
    /// left.
    pub fn download_shared_all(
        &self,
        token: &LinkToken,
        passphrase: Option<&SecretString>,
        client: Option<IpAddr>,
        now: u64,
    ) -> Result<(SharedArchive, u32)> {
        let (record, actor) = self.live_share(token, client)?;
        self.audited(actor, Action::ShareDownload, record.targets(), |audit| {
            if record.status(now) != LinkStatus::Live {
                return Err(Error::LinkUnavailable);
            }
            let key = self.share_key(&record, token, passphrase, audit)?;
            let mut out = Vec::new();
            for shared in &record.documents {
                // A document deleted since is simply no longer offered.
                if let Some((version_key, meta)) = self.shared_version(&record, shared, &key)? {
                    audit.target("document", &shared.doc);
                    let reader = self.reader(&shared.blob, &version_key, &meta)?;
                    let lazy = LazyOutgoing::new(reader, meta.clone(), record.form);
                    out.push((meta, lazy));
                }
            }
            if out.is_empty() {
                return Err(Error::LinkUnavailable);
            }
            audit.target("copy", record.form.as_str());
            let archive = SharedArchive {
                documents: out,
                to: self.share_recipients(&record, &key)?,
            };
            let left = self.count_download(&record.id, now, audit)?;
            Ok((archive, left))
        })
    }

    /// Counts one download of a live link, with its event; at the last one the link's
    /// keys go (the readers already opened have what they need). Returns the downloads
    /// left.
    fn count_download(&self, id: &LinkId, now: u64, audit: &mut Audit) -> Result<u32> {
        let _guard = self.write_lock();
        let mut record = self.share_record(id)?.ok_or(Error::LinkUnavailable)?;
        if record.status(now) != LinkStatus::Live {
            return Err(Error::LinkUnavailable);
        }
        record.downloads += 1;
        let mut batch = Batch::default();
        if record.downloads == record.max_downloads {
            self.purge_share(&mut batch, &mut record)?;
        } else {
            batch.put(&format!("share/{}", record.id), &record)?;
        }
        self.commit(batch, audit, &[])?;
        Ok(record.max_downloads - record.downloads)
    }

    /// Destroys the keys of every dead share link not yet purged.
    pub(crate) fn sweep_shares(&self, now: u64) -> Result<usize> {
        let mut swept = 0;
        for record in self.inner.catalog.records::<ShareRecord>("share/")? {
            if record.purged || record.status(now) == LinkStatus::Live {
                continue;
            }
            self.audited(
                Actor::system(),
                Action::ShareExpire,
                record.targets(),
                |audit| {
                    let _guard = self.write_lock();
                    let Some(mut record) = self.share_record(&record.id)? else {
                        return Ok(());
                    };
                    let mut batch = Batch::default();
                    self.purge_share(&mut batch, &mut record)?;
                    self.commit(batch, audit, &[])
                },
            )?;
            swept += 1;
        }
        Ok(swept)
    }
}

/// The recipients as stored: one per line.
fn recipients_text(to: &[PublicKey]) -> String {
    to.iter()
        .map(|k| k.to_string())
        .collect::<Vec<_>>()
        .join("\n")
}
