//! Documents: each version is a standard age file in the blob store, encrypted to a fresh
//! version key; the key is wrapped to the case key, and the metadata (name, kind, size,
//! BLAKE3 of the plaintext) is sealed to the version key.
//!
//! Adding streams: plaintext is read in 64 KiB chunks, hashed, encrypted and written to
//! `tmp/`; only then is the blob committed and the catalogue entry written, in one batch.
//! Intake needs only the case's public key, so it works while nobody is signed in.

use crate::log::action::Action;
use std::io::{self, BufReader, Read, Write};

use secrecy::SecretString;
use serde::{Deserialize, Serialize};

use crate::blob::{BackgroundHasher, BlobId};
use crate::cases::CaseRecord;
use crate::catalog::Batch;
use crate::codec;
use crate::error::{DocumentFault, Error, NameProblem, Named, Problem, Result};
use crate::ids::{CaseId, DocumentId};
use crate::keys::{self, SecretKey};
use crate::log::audit::{target, Actor, Audit};
use crate::model::{DocumentInfo, DocumentKind, DocumentMeta, NewDocument};
use crate::vault::{Session, Vault};

#[derive(Serialize, Deserialize)]
pub(crate) struct DocumentRecord {
    pub id: DocumentId,
    pub case: CaseId,
    pub versions: Vec<VersionRecord>,
}

#[derive(Serialize, Deserialize)]
pub(crate) struct VersionRecord {
    pub number: u32,
    pub blob: BlobId,
    pub created: u64,
}

/// Whether a version starts a document or extends one, with the document's kind.
#[derive(Clone, Copy)]
enum New {
    Document(DocumentKind),
    Version(DocumentKind),
}

impl New {
    fn kind(self) -> DocumentKind {
        match self {
            New::Document(k) | New::Version(k) => k,
        }
    }
}

/// What else a new version's catalogue batch must carry (an upload link's counters),
/// given the version's metadata.
pub(crate) type Extra<'a> = &'a dyn Fn(&mut Batch, &DocumentMeta) -> Result<()>;

/// A version whose contents are stored but not yet in the catalogue.
struct Stored {
    key: SecretKey,
    blob: Box<dyn crate::blob::BlobWriter>,
    size: u64,
    hash: blake3::Hash,
}

/// Whether `c` changes the direction of the text around it.
fn is_direction_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}')
}

/// Whether `c` shows nothing: zero-width spaces and joiners, word joiner, byte-order mark.
fn is_invisible(c: char) -> bool {
    matches!(c, '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{FEFF}')
}

/// Whether `c` is one of the characters [`check_name`] refuses (direction control or
/// invisible), for showing a refused name with them made visible.
pub fn is_hidden_char(c: char) -> bool {
    is_direction_control(c) || is_invisible(c)
}

/// Checks that a name given by a user shows what it is: not blank, no direction control,
/// no invisible character. `field` names it in the error.
pub fn check_name(field: Named, name: &str) -> Result<()> {
    let problem = if name.trim().is_empty() {
        Some(NameProblem::Blank)
    } else if let Some(c) = name.chars().find(|&c| is_direction_control(c)) {
        Some(NameProblem::DirectionControl(c))
    } else {
        name.chars()
            .find(|&c| is_invisible(c))
            .map(NameProblem::Invisible)
    };
    match problem {
        Some(problem) => Err(Error::BadName { field, problem }),
        None => Ok(()),
    }
}

/// Checks an original file name: no directory part, no control character, and a name that
/// shows what it is ([`check_name`]).
pub fn check_filename(name: &str) -> Result<()> {
    let bad = |problem| Err(Error::Invalid(problem));
    if name.is_empty() || name == "." || name == ".." {
        return bad(Problem::FileNameEmpty);
    }
    if name.len() > 255 {
        return bad(Problem::FileNameLong);
    }
    if name.contains(['/', '\\']) {
        return bad(Problem::FileNameDirectory);
    }
    if name.chars().any(char::is_control) {
        return bad(Problem::FileNameControl);
    }
    check_name(Named::FileName, name)
}

fn check_new(new: &NewDocument) -> Result<()> {
    check_filename(&new.filename)?;
    if new.media_type.len() > 255 || new.media_type.chars().any(char::is_control) {
        return Err(Error::Invalid(crate::Problem::MediaType));
    }
    if new.note.as_ref().is_some_and(|n| n.len() > 10_000) {
        return Err(Error::Invalid(crate::Problem::NoteLong));
    }
    Ok(())
}

impl Vault {
    /// Encrypts `content` to a fresh version key into an uncommitted blob.
    fn store_contents(&self, content: impl Read, limit: u64) -> Result<Stored> {
        let key = SecretKey::generate();
        let blob = self.inner.blobs.create()?;
        let encryptor = age::Encryptor::with_recipients(std::iter::once(key.public().recipient()))
            .map_err(|_| Error::Catalog("cannot start encryption".into()))?;
        let mut writer = encryptor.wrap_output(blob)?;
        let mut input = content.take(limit.saturating_add(1));
        // Plaintext is hashed on another thread, ciphertext hashed and written on a third
        // (the blob writer): this thread only reads and encrypts. 256 KiB reads.
        let mut hasher = BackgroundHasher::new();
        let mut buf = vec![0u8; 256 * 1024];
        let mut size = 0u64;
        loop {
            let n = match input.read(&mut buf) {
                Ok(0) => break,
                Ok(n) => n,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(e.into()),
            };
            hasher.update(&buf[..n]);
            writer.write_all(&buf[..n])?;
            size += n as u64;
        }
        if size > limit {
            return Err(Error::TooLarge { limit });
        }
        let blob = writer.finish()?;
        let hash = hasher
            .finalize()
            .ok_or_else(|| Error::Io(io::Error::other("the hashing thread failed")))?;
        Ok(Stored {
            key,
            blob,
            size,
            hash,
        })
    }

    /// Commits the blob and writes version `number` of `doc` in the catalogue, wrapped to
    /// the case's current key. Holds the write lock: a key rotation cannot interleave.
    #[allow(clippy::too_many_arguments)]
    fn commit_version(
        &self,
        case: &CaseId,
        doc: &DocumentId,
        stored: Stored,
        new: &NewDocument,
        kind: New,
        audit: &mut Audit,
        extra: Option<Extra<'_>>,
    ) -> Result<(u32, DocumentMeta)> {
        let guard = self.write_lock();
        let catalog = &self.inner.catalog;
        let case_record = self.case_record(case)?;
        let doc_key = format!("doc/{case}/{doc}");
        let mut record: DocumentRecord = match (catalog.record(&doc_key)?, kind) {
            (Some(r), _) => r,
            (None, New::Document(_)) => DocumentRecord {
                id: doc.clone(),
                case: case.clone(),
                versions: Vec::new(),
            },
            // Deleted while the new version streamed in: do not bring it back.
            (None, New::Version(_)) => return Err(Error::not_found("document", doc.as_str())),
        };
        let kind = kind.kind();
        let number = record.versions.len() as u32 + 1;
        let created = self.now();
        let meta = DocumentMeta {
            kind,
            filename: new.filename.clone(),
            media_type: new.media_type.clone(),
            note: new.note.clone(),
            size: stored.size,
            blake3: stored.hash.to_hex().to_string(),
            created,
        };
        let mut batch = Batch::default();
        batch.put_raw(
            &format!("wrap/version/{doc}/{number}"),
            keys::wrap(&stored.key, &[&case_record.public])?,
        );
        batch.put_raw(
            &format!("meta/{doc}/{number}"),
            keys::seal(&codec::encode(&meta)?, &[&stored.key.public()])?,
        );
        // Checks that must hold under the lock run before the blob is committed: if one
        // fails, dropping the writer deletes the partial file.
        if let Some(extra) = extra {
            extra(&mut batch, &meta)?;
        }
        let blob = stored.blob.commit()?;
        record.versions.push(VersionRecord {
            number,
            blob: blob.clone(),
            created,
        });
        batch.put(&doc_key, &record)?;
        batch.put(&format!("docindex/{doc}"), case)?;
        // A new version is the case's last activity (the desk's list sorts by it). Read
        // under the write lock, so no change of status is overwritten.
        let updated = CaseRecord {
            updated: created,
            ..case_record.clone()
        };
        self.put_case(&mut batch, Some(&case_record), &updated)?;
        let committed = self.commit(batch, audit, &[]);
        if committed.is_err() {
            // Not applied (the log refused it, or the catalogue's flush failed and was
            // undone, `Catalog::apply`): nothing refers to the blob, it goes at once.
            let _ = self.inner.blobs.remove(&blob);
        }
        let _ = self.inner.blobs.settle(&blob);
        committed?;
        drop(guard);
        self.record_inspection(doc, number, &stored.key, &blob, &meta);
        Ok((number, meta))
    }

    /// Reads what a version's metadata reveals (GPS, names, serials; never changing the
    /// version) and keeps it beside the version, sealed to its key. The version is stored
    /// whatever happens here: a failure only leaves it without findings.
    fn record_inspection(
        &self,
        doc: &DocumentId,
        number: u32,
        key: &SecretKey,
        blob: &BlobId,
        meta: &DocumentMeta,
    ) {
        let recorded = (|| -> Result<()> {
            let reader = self.reader(blob, key, meta)?;
            let inspection = crate::copies::inspect(reader, meta)?;
            let sealed = keys::seal(&codec::encode(&inspection)?, &[&key.public()])?;
            let _guard = self.write_lock();
            // Deleted meanwhile: nothing to describe.
            if !self.inner.catalog.contains(&format!("docindex/{doc}"))? {
                return Ok(());
            }
            let mut batch = Batch::default();
            batch.put_raw(&format!("inspection/{doc}/{number}"), sealed);
            // Derived from the version, like the search index: no event of its own (the
            // version's own event covers it).
            self.inner.catalog.apply(batch)
        })();
        if let Err(e) = recorded {
            tracing::warn!(
                code = e.code(),
                "a document's metadata could not be inspected"
            );
        }
    }

    /// What a version's metadata revealed when it came in (`None` for versions stored
    /// before the vault inspected them, or whose inspection failed).
    pub(crate) fn inspection_with_key(
        &self,
        doc: &DocumentId,
        number: u32,
        key: &SecretKey,
    ) -> Result<Option<crate::copies::Inspection>> {
        let Some(sealed) = self
            .inner
            .catalog
            .raw(&format!("inspection/{doc}/{number}"))?
        else {
            return Ok(None);
        };
        open_version_record(&sealed, key).map(Some)
    }

    /// Adds a document to a case with only the case's public key: no one need be signed in
    /// (upload links, imports). The depositor cannot read anything back.
    pub fn intake(
        &self,
        case: &CaseId,
        content: impl Read,
        new: &NewDocument,
    ) -> Result<DocumentId> {
        let targets = vec![target("case", case)];
        self.audited(Actor::system(), Action::DocumentAdd, targets, |audit| {
            let limit = self.max_document_bytes();
            self.intake_inner(case, content, new, audit, limit, None)
                .map(|(id, _)| id)
        })
    }

    /// Stores a new document of `case` (at most `limit` bytes) with only the case's public
    /// key; `extra` adds to its catalogue batch.
    pub(crate) fn intake_inner(
        &self,
        case: &CaseId,
        content: impl Read,
        new: &NewDocument,
        audit: &mut Audit,
        limit: u64,
        extra: Option<Extra<'_>>,
    ) -> Result<(DocumentId, DocumentMeta)> {
        check_new(new)?;
        self.case_record(case)?;
        let id = DocumentId::generate()?;
        audit.target("document", &id);
        let stored = self.store_contents(content, limit)?;
        let kind = New::Document(new.kind);
        let (_, meta) = self.commit_version(case, &id, stored, new, kind, audit, extra)?;
        Ok((id, meta))
    }

    /// Adds a document to a case of one of the user's teams.
    pub fn add_document(
        &self,
        session: &Session,
        case: &CaseId,
        content: impl Read,
        new: &NewDocument,
    ) -> Result<DocumentId> {
        let targets = vec![target("case", case)];
        self.audited(session.actor(), Action::DocumentAdd, targets, |audit| {
            self.case_key(session, case)?;
            let limit = self.max_document_bytes();
            self.intake_inner(case, content, new, audit, limit, None)
                .map(|(id, _)| id)
        })
    }

    /// Adds a new version of a document (not evidence). The kind stays the document's.
    pub fn add_version(
        &self,
        session: &Session,
        doc: &DocumentId,
        content: impl Read,
        new: &NewDocument,
    ) -> Result<u32> {
        let targets = vec![target("document", doc)];
        self.audited(session.actor(), Action::DocumentVersion, targets, |audit| {
            check_new(new)?;
            let (record, case_key) = self.document_record(session, doc, audit)?;
            let first = self.version_meta(&record, 1, &case_key)?.1;
            if first.kind == DocumentKind::Evidence {
                return Err(Error::Immutable);
            }
            let stored = self.store_contents(content, self.max_document_bytes())?;
            // Checked again under the write lock: the document may have been reclassified
            // (as evidence, say) while the new version streamed in.
            let unchanged = |_: &mut Batch, _: &DocumentMeta| {
                let current = self.current_record(&record)?;
                match self.version_meta(&current, 1, &case_key)?.1.kind {
                    DocumentKind::Evidence => Err(Error::Immutable),
                    kind if kind != first.kind => Err(Error::Invalid(crate::Problem::KindChanged)),
                    _ => Ok(()),
                }
            };
            let kind = New::Version(first.kind);
            self.commit_version(
                &record.case,
                doc,
                stored,
                new,
                kind,
                audit,
                Some(&unchanged),
            )
            .map(|(number, _)| number)
        })
    }

    /// Finds a document and opens its case key; names the case in the event.
    fn document_record(
        &self,
        session: &Session,
        doc: &DocumentId,
        audit: &mut Audit,
    ) -> Result<(DocumentRecord, SecretKey)> {
        let catalog = &self.inner.catalog;
        let case: CaseId = catalog
            .record(&format!("docindex/{doc}"))?
            .ok_or_else(|| Error::not_found("document", doc.as_str()))?;
        audit.target("case", &case);
        let (_, case_key) = self.case_key(session, &case)?;
        let record = catalog.required(&format!("doc/{case}/{doc}"))?;
        Ok((record, case_key))
    }

    /// A document's record as the catalogue has it now (under the write lock: as it stays).
    fn current_record(&self, record: &DocumentRecord) -> Result<DocumentRecord> {
        self.inner
            .catalog
            .record(&format!("doc/{}/{}", record.case, record.id))?
            .ok_or_else(|| Error::not_found("document", record.id.as_str()))
    }

    /// Opens version `number`'s key and metadata.
    pub(crate) fn version_meta(
        &self,
        record: &DocumentRecord,
        number: u32,
        case_key: &SecretKey,
    ) -> Result<(SecretKey, DocumentMeta)> {
        self.version_meta_in(record, number, case_key, None)
    }

    /// [`Vault::version_meta`], with the version's key taken from (or kept in) a session's
    /// cache.
    pub(crate) fn version_meta_in(
        &self,
        record: &DocumentRecord,
        number: u32,
        case_key: &SecretKey,
        cache: Option<&keys::KeyCache>,
    ) -> Result<(SecretKey, DocumentMeta)> {
        let catalog = &self.inner.catalog;
        let wrap = catalog.required_raw(&format!("wrap/version/{}/{number}", record.id))?;
        let key = match cache {
            Some(cache) => cache.unwrap(&wrap, case_key)?,
            None => keys::unwrap(&wrap, case_key)?,
        }
        .ok_or_else(|| Error::damaged(crate::Damage::DocumentKeyWrap))?;
        let meta = self.meta_with_key(&record.id, number, &key)?;
        Ok((key, meta))
    }

    fn pick_version(record: &DocumentRecord, version: Option<u32>) -> Result<&VersionRecord> {
        let found = match version {
            None => record.versions.last(),
            Some(n) => record.versions.iter().find(|v| v.number == n),
        };
        found.ok_or_else(|| {
            Error::not_found(
                "document version",
                format!("{}/{}", record.id, version.unwrap_or(0)),
            )
        })
    }

    /// The documents of a case, each with its newest version's metadata.
    pub fn list_documents(&self, session: &Session, case: &CaseId) -> Result<Vec<DocumentInfo>> {
        let targets = vec![target("case", case)];
        self.audited(session.actor(), Action::DocumentList, targets, |_| {
            self.list_documents_inner(session, case)
        })
    }

    fn list_documents_inner(&self, session: &Session, case: &CaseId) -> Result<Vec<DocumentInfo>> {
        let (_, case_key) = self.case_key(session, case)?;
        self.documents_with_key(case, &case_key)
    }

    /// The documents of a case, opened with its key.
    pub(crate) fn documents_with_key(
        &self,
        case: &CaseId,
        case_key: &SecretKey,
    ) -> Result<Vec<DocumentInfo>> {
        let mut out = Vec::new();
        for record in self
            .inner
            .catalog
            .records::<DocumentRecord>(&format!("doc/{case}/"))?
        {
            let latest = Self::pick_version(&record, None)?;
            let (key, meta) = self.version_meta(&record, latest.number, case_key)?;
            let inspection = self.inspection_with_key(&record.id, latest.number, &key)?;
            out.push(DocumentInfo {
                id: record.id.clone(),
                case: case.clone(),
                versions: latest.number,
                meta,
                inspection,
            });
        }
        out.sort_by(|a, b| {
            (a.meta.created, &a.meta.filename, &a.id).cmp(&(
                b.meta.created,
                &b.meta.filename,
                &b.id,
            ))
        });
        Ok(out)
    }

    /// Every version's metadata, oldest first.
    pub fn document_history(
        &self,
        session: &Session,
        doc: &DocumentId,
    ) -> Result<Vec<DocumentMeta>> {
        let targets = vec![target("document", doc)];
        self.audited(session.actor(), Action::DocumentHistory, targets, |audit| {
            let (record, case_key) = self.document_record(session, doc, audit)?;
            record
                .versions
                .iter()
                .map(|v| {
                    self.version_meta(&record, v.number, &case_key)
                        .map(|(_, m)| m)
                })
                .collect()
        })
    }

    /// Opens a version (the newest when `version` is `None`) as a plaintext stream. The
    /// stream fails with [`Error::DocumentDamaged`] (inside the `io::Error`) on any
    /// tampering, before handing out the damaged chunk.
    pub fn open_document(
        &self,
        session: &Session,
        doc: &DocumentId,
        version: Option<u32>,
    ) -> Result<(DocumentMeta, DocumentReader)> {
        // The event is durable before the reader, and so the first byte, is handed out.
        let targets = vec![target("document", doc)];
        self.audited(session.actor(), Action::DocumentRead, targets, |audit| {
            let (record, case_key) = self.document_record(session, doc, audit)?;
            self.open_version(&record, &case_key, version, Some(&session.unwrapped))
        })
    }

    /// Opens the newest version of a document of `case` with the case's key (after
    /// checking the document is of that case).
    pub(crate) fn open_with_key(
        &self,
        case: &CaseId,
        doc: &DocumentId,
        case_key: &SecretKey,
    ) -> Result<(DocumentMeta, DocumentReader)> {
        let not_found = || Error::not_found("document", doc.as_str());
        let record: DocumentRecord = self
            .inner
            .catalog
            .record(&format!("doc/{case}/{doc}"))?
            .ok_or_else(not_found)?;
        self.open_version(&record, case_key, None, None)
    }

    fn open_version(
        &self,
        record: &DocumentRecord,
        case_key: &SecretKey,
        version: Option<u32>,
        cache: Option<&keys::KeyCache>,
    ) -> Result<(DocumentMeta, DocumentReader)> {
        let v = Self::pick_version(record, version)?;
        let (key, meta) = self.version_meta_in(record, v.number, case_key, cache)?;
        let reader = self.reader(&v.blob, &key, &meta)?;
        Ok((meta, reader))
    }

    /// The metadata of version `number` of `doc`, opened with the version's own key.
    pub(crate) fn meta_with_key(
        &self,
        doc: &DocumentId,
        number: u32,
        key: &SecretKey,
    ) -> Result<DocumentMeta> {
        let sealed = self
            .inner
            .catalog
            .required_raw(&format!("meta/{doc}/{number}"))?;
        open_version_record(&sealed, key)
    }

    /// A plaintext stream of a blob, checked against `meta` as it is read.
    pub(crate) fn reader(
        &self,
        blob: &BlobId,
        key: &SecretKey,
        meta: &DocumentMeta,
    ) -> Result<DocumentReader> {
        let blob = self.inner.blobs.open(blob)?;
        let damaged = || Error::DocumentDamaged(DocumentFault::DoesNotDecrypt);
        let decryptor = age::Decryptor::new_buffered(BufReader::with_capacity(64 * 1024, blob))
            .map_err(|_| damaged())?;
        let stream = decryptor
            .decrypt(std::iter::once(key.identity()))
            .map_err(|_| damaged())?;
        Ok(DocumentReader {
            inner: Box::new(stream),
            hasher: BackgroundHasher::new(),
            count: 0,
            verified: false,
            expected_size: meta.size,
            expected_hash: meta.blake3.clone(),
        })
    }

    /// Re-reads every version of a document and checks it against its recorded size and
    /// BLAKE3 hash. Returns the number of versions checked.
    pub fn verify_document(&self, session: &Session, doc: &DocumentId) -> Result<u32> {
        let targets = vec![target("document", doc)];
        self.audited(session.actor(), Action::DocumentVerify, targets, |audit| {
            let (record, case_key) = self.document_record(session, doc, audit)?;
            for v in &record.versions {
                let (_, mut reader) =
                    self.open_version(&record, &case_key, Some(v.number), None)?;
                io::copy(&mut reader, &mut io::sink())?;
            }
            Ok(record.versions.len() as u32)
        })
    }

    /// Changes a document's kind (an upload from a beneficiary arrives as `other`): every
    /// version's metadata is sealed again. Evidence stays evidence.
    pub fn set_document_kind(
        &self,
        session: &Session,
        doc: &DocumentId,
        kind: DocumentKind,
    ) -> Result<()> {
        let targets = vec![target("document", doc)];
        self.audited(
            session.actor(),
            Action::DocumentReclassify,
            targets,
            |audit| {
                let (record, case_key) = self.document_record(session, doc, audit)?;
                let _guard = self.write_lock();
                // Re-read under the lock: a version may have been added since.
                let record = self.current_record(&record)?;
                let mut batch = Batch::default();
                for v in &record.versions {
                    let (key, mut meta) = self.version_meta(&record, v.number, &case_key)?;
                    if meta.kind == DocumentKind::Evidence && kind != DocumentKind::Evidence {
                        return Err(Error::Immutable);
                    }
                    meta.kind = kind;
                    batch.put_raw(
                        &format!("meta/{doc}/{}", v.number),
                        keys::seal(&codec::encode(&meta)?, &[&key.public()])?,
                    );
                }
                self.commit(batch, audit, &[])
            },
        )
    }

    /// Deletes a document and all its versions. Evidence cannot be deleted.
    pub fn delete_document(&self, session: &Session, doc: &DocumentId) -> Result<()> {
        let targets = vec![target("document", doc)];
        self.audited(session.actor(), Action::DocumentDelete, targets, |audit| {
            self.delete_document_inner(session, doc, audit)
        })
    }

    fn delete_document_inner(
        &self,
        session: &Session,
        doc: &DocumentId,
        audit: &mut Audit,
    ) -> Result<()> {
        let (record, case_key) = self.document_record(session, doc, audit)?;
        let _guard = self.write_lock();
        let catalog = &self.inner.catalog;
        // Under the lock: a version may have been added, or the document reclassified, since.
        let record = self.current_record(&record)?;
        if self.version_meta(&record, 1, &case_key)?.1.kind == DocumentKind::Evidence {
            return Err(Error::Immutable);
        }
        let mut batch = Batch::default();
        let blobs = self.remove_document_entries(&mut batch, &record)?;
        self.commit_removal(batch, audit, &blobs)?;
        catalog.compact()?;
        Ok(())
    }

    /// Applies a batch that stops referring to `blobs`, then deletes them. Each is marked
    /// first (durably), so that if the process dies between the batch and the deletions
    /// the next open removes them (`settle_blobs`): no orphan is left behind.
    pub(crate) fn commit_removal(
        &self,
        batch: Batch,
        audit: &mut Audit,
        blobs: &[BlobId],
    ) -> Result<()> {
        let store = &self.inner.blobs;
        for blob in blobs {
            store.mark(blob)?;
        }
        let committed = self.commit(batch, audit, &[]);
        // While a backup copies its instant's blobs, deletions wait (marked) until it ends.
        let deferred = committed.is_ok() && self.defer_removals(blobs);
        for blob in blobs {
            if deferred {
                break;
            }
            // Once the change is done, a blob that cannot be deleted now keeps its marker
            // and goes at the next open: the change is not reported as failed.
            let removed = committed.is_err() || store.remove(blob).is_ok();
            if removed {
                let _ = store.settle(blob);
            }
        }
        committed
    }

    /// Adds to `batch` the removal of every catalogue entry of a document; returns its
    /// blobs, to delete once the batch is applied (never before: no entry may point to a
    /// missing blob).
    pub(crate) fn remove_document_entries(
        &self,
        batch: &mut Batch,
        doc: &DocumentRecord,
    ) -> Result<Vec<BlobId>> {
        let id = &doc.id;
        for prefix in [
            format!("wrap/version/{id}/"),
            format!("meta/{id}/"),
            format!("inspection/{id}/"),
        ] {
            for k in self.inner.catalog.keys(&prefix)? {
                batch.remove(&k);
            }
        }
        batch.remove(&format!("docindex/{id}"));
        batch.remove(&format!("doc/{}/{id}", doc.case));
        Ok(doc.versions.iter().map(|v| v.blob.clone()).collect())
    }

    /// The key of one document version, in age's text form: with it the standard `age`
    /// tool decrypts the version's blob. For audits and interoperability.
    pub fn export_version_key(
        &self,
        session: &Session,
        doc: &DocumentId,
        version: Option<u32>,
    ) -> Result<(BlobId, SecretString)> {
        let targets = vec![target("document", doc)];
        self.audited(
            session.actor(),
            Action::DocumentExportKey,
            targets,
            |audit| {
                let (record, case_key) = self.document_record(session, doc, audit)?;
                let v = Self::pick_version(&record, version)?;
                let (key, _) = self.version_meta(&record, v.number, &case_key)?;
                Ok((v.blob.clone(), key.to_secret_string()))
            },
        )
    }
}

/// A record sealed to a version's key (its metadata, its inspection), opened and decoded.
fn open_version_record<T: serde::de::DeserializeOwned>(
    sealed: &[u8],
    key: &SecretKey,
) -> Result<T> {
    let plain =
        keys::open(sealed, key)?.ok_or_else(|| Error::damaged(crate::Damage::DocumentMetadata))?;
    codec::decode(&plain, crate::Damage::DocumentMetadata)
}

/// The plaintext of a document version, streamed. At the end it checks the size and the
/// BLAKE3 hash recorded when the version was added.
pub struct DocumentReader {
    inner: Box<dyn Read + Send>,
    hasher: BackgroundHasher,
    count: u64,
    expected_size: u64,
    expected_hash: String,
    /// The end was reached and checked: further reads return 0.
    verified: bool,
}

fn damaged_io(fault: DocumentFault) -> io::Error {
    io::Error::other(Error::DocumentDamaged(fault))
}

impl Read for DocumentReader {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        if self.verified {
            return Ok(0);
        }
        let n = match self.inner.read(buf) {
            Ok(n) => n,
            // age reports a failed chunk MAC or a truncated file as invalid data.
            Err(e)
                if matches!(
                    e.kind(),
                    io::ErrorKind::InvalidData | io::ErrorKind::UnexpectedEof
                ) =>
            {
                return Err(damaged_io(DocumentFault::AlteredOrTruncated))
            }
            Err(e) => return Err(e),
        };
        self.count += n as u64;
        if self.count > self.expected_size {
            return Err(damaged_io(DocumentFault::LongerThanRecorded));
        }
        self.hasher.update(&buf[..n]);
        if n == 0 && !buf.is_empty() {
            let matches = self
                .hasher
                .finalize()
                .is_some_and(|h| h.to_hex().as_str() == self.expected_hash);
            if self.count != self.expected_size || !matches {
                return Err(damaged_io(DocumentFault::HashMismatch));
            }
            self.verified = true;
        }
        Ok(n)
    }
}
