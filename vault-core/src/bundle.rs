//! Evidence bundles: documents of a case as a BagIt bag (RFC 8493), serialised as a ZIP
//! and streamed to any `Write` (never the whole bundle in memory, nor in a temporary
//! plaintext file).
//!
//! ```text
//! <reference>/bagit.txt
//! <reference>/bag-info.txt              association, case reference, export time, exporter,
//!                                       Payload-Oxum
//! <reference>/data/<file name>          each document's newest version, bit-identical
//! <reference>/data/working-copies/<file name>   only when asked: a copy without hidden
//!                                       metadata (GPS, authors, serials), named as such
//! <reference>/manifest-sha256.txt       one line per file of data/
//! <reference>/manifest-sha512.txt
//! <reference>/custody/custody.json     per document: intake, versions (BLAKE3 as recorded),
//!                                       every event of the log that names it, each with its
//!                                       record and its inclusion proof
//! <reference>/custody/checkpoint.txt    the signed checkpoint the proofs lead to (it counts
//!                                       the export's own event)
//! <reference>/custody/log-public-key.txt
//! <reference>/tagmanifest-sha256.txt    every tag file above
//! <reference>/custody/tagmanifest-sha256.txt.sig   Ed25519 signature of the tag
//!                                       manifest by the log key, hex
//! ```
//!
//! The log key signs, so an admin makes bundles (the key is wrapped to admins only).
//!
//! Files are stored uncompressed (method "stored"): evidence is mostly photos and PDFs,
//! which do not compress, and any unzip tool reads it. The ZIP is written by the `zip`
//! crate in streaming mode (data descriptors, no seeking).

use std::collections::HashSet;
use std::io::{Read, Write};

use sha2::{Digest, Sha256, Sha512};
use zip::write::SimpleFileOptions;
use zip::CompressionMethod;

use crate::error::{Error, Result};
use crate::ids::{CaseId, DocumentId};
use crate::log::action::Action;
use crate::log::audit::target;
use crate::model::DocumentMeta;
use crate::vault::{Session, Vault};
use crate::DocumentReader;

/// What a bundle holds, once written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BundleSummary {
    /// The bag's top directory in the ZIP (`case-<id>-<date>`), also its reference.
    pub reference: String,
    /// Documents in `data/`.
    pub documents: usize,
    /// Their bytes.
    pub bytes: u64,
}

/// Renders the custody record in words: the files to add to `custody/` (name, text).
/// It is given who each actor is for the exporting admin (an account's name, a share link's
/// label).
pub type CustodyReport = fn(&Custody, &dyn Fn(&str) -> crate::ActorLabel) -> Vec<(String, String)>;

/// What the bag says of its making (`bag-info.txt`), and the presentation layer's
/// custody report.
#[derive(Clone, Default)]
pub struct BundleContext {
    /// `Source-Organization`: the association's name, when set.
    pub association: Option<String>,
    /// The lawyer's own age recipients: when given, the whole bundle is encrypted to them
    /// (`bundle.zip.age`), so that the file alone is not enough to read it.
    pub to: Vec<crate::PublicKey>,
    /// Files written into `custody/` from the custody record (a report in words, which
    /// vault-core does not spell): name, contents.
    pub report: Option<CustodyReport>,
    /// Also copies without hidden metadata, under `data/working-copies/`, beside the
    /// originals (never in their place).
    pub working_copies: bool,
}

impl std::fmt::Debug for BundleContext {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("BundleContext")
            .field("association", &self.association)
            .finish_non_exhaustive()
    }
}

/// One version of a bundled document, as the vault recorded it at intake.
#[derive(Clone, Debug, serde::Serialize)]
pub struct CustodyVersion {
    /// Version number, from 1.
    pub number: u32,
    /// When it came in (Unix seconds).
    pub created: u64,
    /// Its size in bytes.
    pub size: u64,
    /// Its BLAKE3, hex, as computed at intake.
    pub blake3: String,
}

/// A bundled document and what the log says of it.
#[derive(Clone, Debug, serde::Serialize)]
pub struct CustodyDocument {
    /// The document's id.
    pub id: DocumentId,
    /// Its path in the bag (`data/...`).
    pub file: String,
    /// Its original file name.
    pub filename: String,
    /// Its kind (`evidence`, `appeal`...).
    pub kind: crate::DocumentKind,
    /// Every version, oldest first; `data/` holds the last.
    pub versions: Vec<CustodyVersion>,
    /// The log events that name it (indexes into [`Custody::events`] by `seq`).
    pub events: Vec<u64>,
}

/// A working copy in the bag: a document's newest version without its hidden metadata.
#[derive(Clone, Debug, serde::Serialize)]
pub struct WorkingCopy {
    /// Its path in the bag (`data/working-copies/...`).
    pub file: String,
    /// The document it is a copy of.
    pub of: DocumentId,
    /// What was taken out of the original.
    pub removed: Vec<crate::Block>,
}

/// An event of the log, with what proves it is in the log of the checkpoint.
#[derive(Clone, Debug, serde::Serialize)]
pub struct CustodyEvent {
    /// The event, decoded.
    #[serde(flatten)]
    pub event: crate::Event,
    /// Its record as the log hashes it (docs/audit-log.md), hex.
    pub record: String,
    /// Its inclusion proof against the checkpoint's root (RFC 6962 PATH), hex.
    pub proof: Vec<String>,
}

/// The chain of custody a bundle carries (`custody/custody.json`).
#[derive(Clone, Debug, serde::Serialize)]
pub struct Custody {
    /// The log's origin.
    pub origin: String,
    /// The log's public key, hex.
    pub log_public_key: String,
    /// The checkpoint's size and root.
    pub checkpoint_size: u64,
    /// The checkpoint's root, hex.
    pub checkpoint_root: String,
    /// The documents, in the order of `data/`.
    pub documents: Vec<CustodyDocument>,
    /// Every event that names one of them, in log order.
    pub events: Vec<CustodyEvent>,
    /// Working copies, when asked for: not evidence, and not checked against intake.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub working_copies: Vec<WorkingCopy>,
}

/// A path of `data/` as a BagIt manifest writes it: `%`, CR and LF percent-encoded
/// (RFC 8493 section 2.1.3).
fn manifest_path(path: &str) -> String {
    path.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// A file name for `data/`, unique in the bag: stored names are already checked (no
/// directory part, no control character); a name taken twice gets " (2)", " (3)"...
/// before its extension.
fn unique_name(name: &str, taken: &mut HashSet<String>) -> String {
    let name = name.replace(['/', '\\'], "_");
    let (stem, ext) = match name.rfind('.') {
        Some(i) if i > 0 => (&name[..i], &name[i..]),
        _ => (name.as_str(), ""),
    };
    let mut candidate = name.clone();
    let mut n = 2;
    while !taken.insert(candidate.to_lowercase()) {
        candidate = format!("{stem} ({n}){ext}");
        n += 1;
    }
    candidate
}

/// The payload of a bag as it is written: each file into the ZIP, hashed on the way into
/// both manifests.
struct Payload<'a> {
    reference: &'a str,
    sha256: String,
    sha512: String,
    bytes: u64,
    buf: Vec<u8>,
}

impl Payload<'_> {
    /// Writes `reader` (of `len` bytes) to the ZIP as `name` (`data/...`).
    fn add<W: Write>(
        &mut self,
        zip: &mut zip::ZipWriter<zip::write::StreamWriter<W>>,
        name: &str,
        len: u64,
        reader: &mut impl Read,
    ) -> Result<()> {
        let options = SimpleFileOptions::default()
            .compression_method(CompressionMethod::Stored)
            .large_file(len >= u64::from(u32::MAX));
        zip.start_file(format!("{}/{name}", self.reference), options)
            .map_err(zip_error)?;
        let (mut h256, mut h512) = (Sha256::new(), Sha512::new());
        loop {
            let n = reader.read(&mut self.buf)?;
            if n == 0 {
                break;
            }
            h256.update(&self.buf[..n]);
            h512.update(&self.buf[..n]);
            zip.write_all(&self.buf[..n])?;
            self.bytes += n as u64;
        }
        let path = manifest_path(name);
        self.sha256
            .push_str(&format!("{}  {path}\n", hex::encode(h256.finalize())));
        self.sha512
            .push_str(&format!("{}  {path}\n", hex::encode(h512.finalize())));
        Ok(())
    }
}

/// A document ready to go into the bag: id, metadata, plaintext stream, versions, and a
/// second stream for its working copy when one is asked for.
type Opened = (
    DocumentId,
    DocumentMeta,
    DocumentReader,
    Vec<CustodyVersion>,
    Option<DocumentReader>,
);

fn zip_error(e: zip::result::ZipError) -> Error {
    match e {
        zip::result::ZipError::Io(io) => Error::Io(io),
        other => Error::Io(std::io::Error::other(other.to_string())),
    }
}

impl Vault {
    /// Writes an evidence bundle of `docs` (every document of the case when empty) to
    /// `out`. The export is an event of its own (`bundle.export`, naming the case and its
    /// documents), durable before the first byte is written. A document whose contents do
    /// not match the BLAKE3 recorded at intake fails the export
    /// ([`Error::DocumentDamaged`]): a bundle never carries a file the vault doubts.
    pub fn export_bundle(
        &self,
        session: &Session,
        case: &CaseId,
        docs: &[DocumentId],
        context: &BundleContext,
        out: impl Write,
    ) -> Result<BundleSummary> {
        let opened: Vec<Opened> = self.audited(
            session.actor(),
            Action::BundleExport,
            vec![target("case", case)],
            |audit| {
                crate::keys::check_recipients(&context.to)?;
                // The log key signs the bundle: refused before anything is read without it.
                self.log_signing_key(session)?;
                let (_, case_key) = self.case_key(session, case)?;
                let listed = self.documents_with_key(case, &case_key)?;
                let wanted: Vec<&DocumentId> = if docs.is_empty() {
                    listed.iter().map(|d| &d.id).collect()
                } else {
                    for d in docs {
                        if !listed.iter().any(|l| &l.id == d) {
                            return Err(Error::not_found("document", d.as_str()));
                        }
                    }
                    docs.iter().collect()
                };
                let mut opened = Vec::new();
                if context.working_copies {
                    audit.target("copy", crate::Form::Cleaned.as_str());
                }
                for doc in wanted {
                    audit.target("document", doc);
                    let (meta, reader) = self.open_with_key(case, doc, &case_key)?;
                    let versions = self.custody_versions(case, doc, &case_key)?;
                    let copy = if context.working_copies {
                        Some(self.open_with_key(case, doc, &case_key)?.1)
                    } else {
                        None
                    };
                    opened.push((doc.clone(), meta, reader, versions, copy));
                }
                Ok(opened)
            },
        )?;
        // After the export's event: the checkpoint counts it, so the bundle shows its own
        // making.
        let checkpoint = self.checkpoint(session)?;
        let signing = self.log_signing_key(session)?;
        if context.to.is_empty() {
            return self.write_bag(session, case, opened, &checkpoint, &signing, context, out);
        }
        // Encrypted to the lawyer's own age key(s): the Go `age` tool opens it.
        let mut sealed = crate::keys::seal_stream(out, &context.to)?;
        let summary = self.write_bag(
            session,
            case,
            opened,
            &checkpoint,
            &signing,
            context,
            &mut sealed,
        )?;
        sealed.finish()?;
        Ok(summary)
    }

    /// Writes the bag of `opened` as a ZIP to `out` (see the module's docs).
    #[allow(clippy::too_many_arguments)]
    fn write_bag(
        &self,
        session: &Session,
        case: &CaseId,
        mut opened: Vec<Opened>,
        checkpoint: &crate::Checkpoint,
        signing: &ed25519_dalek::SigningKey,
        context: &BundleContext,
        out: impl Write,
    ) -> Result<BundleSummary> {
        let exported = self.now();
        let day = crate::log::report::format_time(exported);
        let date = day.split(' ').next().unwrap_or_default().to_owned();
        let reference = format!(
            "case-{}-{}",
            &case.as_str()[..8.min(case.as_str().len())],
            date
        );
        let mut zip = zip::ZipWriter::new_stream(out);
        let mut taken = HashSet::new();
        let mut payload = Payload {
            reference: &reference,
            sha256: String::new(),
            sha512: String::new(),
            bytes: 0,
            buf: vec![0u8; 64 * 1024],
        };
        let mut documents = Vec::new();
        for (id, meta, reader, versions, _) in opened.iter_mut() {
            let name = format!("data/{}", unique_name(&meta.filename, &mut taken));
            payload.add(&mut zip, &name, meta.size, reader)?;
            documents.push(CustodyDocument {
                id: id.clone(),
                file: name.clone(),
                filename: meta.filename.clone(),
                kind: meta.kind,
                versions: std::mem::take(versions),
                events: Vec::new(),
            });
        }
        let originals_bytes = payload.bytes;
        // Working copies after the originals, each made when its turn comes (one held in
        // memory at a time). A document that cannot be cleaned gets none: its original is
        // already in the bag.
        let mut working_copies = Vec::new();
        let mut copy_names = HashSet::new();
        for (id, meta, _, _, copy) in opened.iter_mut() {
            let Some(copy) = copy.take() else {
                continue;
            };
            let mut out = crate::copies::outgoing(copy, meta, crate::Form::Cleaned)?;
            let crate::Sent::Cleaned { removed } = out.copy.clone() else {
                continue;
            };
            let name = format!(
                "data/working-copies/{}",
                unique_name(&meta.filename, &mut copy_names)
            );
            let len = out.len(meta);
            payload.add(&mut zip, &name, len, &mut out)?;
            working_copies.push(WorkingCopy {
                file: name,
                of: id.clone(),
                removed,
            });
        }
        let mut custody = self.custody(case, checkpoint, documents)?;
        let payload_files = opened.len() + working_copies.len();
        custody.working_copies = working_copies;
        let mut info = String::new();
        if let Some(a) = &context.association {
            info.push_str(&format!(
                "Source-Organization: {}\n",
                a.replace(['\r', '\n'], " ")
            ));
        }
        info.push_str(&format!("Bagging-Date: {date}\n"));
        info.push_str(&format!("Bagging-Time: {day}\n"));
        info.push_str(&format!("External-Identifier: case:{case}\n"));
        info.push_str(&format!(
            "Exported-By: {}\n",
            session.user().name.replace(['\r', '\n'], " ")
        ));
        info.push_str(&format!(
            "Payload-Oxum: {}.{payload_files}\n",
            payload.bytes
        ));
        info.push_str("Bag-Count: 1 of 1\n");
        info.push_str(&format!(
            "Bag-Software-Agent: vault {}\n",
            env!("CARGO_PKG_VERSION")
        ));
        let json = serde_json::to_string_pretty(&custody)
            .map_err(|e| Error::Io(std::io::Error::other(e.to_string())))?;
        let mut tags: Vec<(String, String)> = vec![
            (
                "bagit.txt".into(),
                "BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n".into(),
            ),
            ("bag-info.txt".into(), info),
            (
                "manifest-sha256.txt".into(),
                std::mem::take(&mut payload.sha256),
            ),
            (
                "manifest-sha512.txt".into(),
                std::mem::take(&mut payload.sha512),
            ),
            ("custody/custody.json".into(), json),
            ("custody/checkpoint.txt".into(), checkpoint.to_string()),
            (
                "custody/log-public-key.txt".into(),
                format!("{}\n{}\n", self.log_origin(), self.log_public_key()),
            ),
        ];
        if let Some(report) = context.report {
            let who = |actor: &str| self.actor_label_for(session, actor);
            for (name, text) in report(&custody, &who) {
                tags.push((format!("custody/{}", name.replace(['/', '\\'], "_")), text));
            }
        }
        let mut tagmanifest = String::new();
        let options = SimpleFileOptions::default().compression_method(CompressionMethod::Stored);
        for (name, text) in &tags {
            zip.start_file(format!("{reference}/{name}"), options)
                .map_err(zip_error)?;
            zip.write_all(text.as_bytes())?;
            tagmanifest.push_str(&format!(
                "{}  {name}\n",
                hex::encode(Sha256::digest(text.as_bytes()))
            ));
        }
        zip.start_file(format!("{reference}/tagmanifest-sha256.txt"), options)
            .map_err(zip_error)?;
        zip.write_all(tagmanifest.as_bytes())?;
        // The log key signs the tag manifest, which names every other file by its hash.
        let signature = ed25519_dalek::Signer::sign(signing, tagmanifest.as_bytes());
        zip.start_file(
            format!("{reference}/custody/tagmanifest-sha256.txt.sig"),
            options,
        )
        .map_err(zip_error)?;
        zip.write_all(format!("{}\n", hex::encode(signature.to_bytes())).as_bytes())?;
        zip.finish().map_err(zip_error)?;
        Ok(BundleSummary {
            reference,
            documents: opened.len(),
            bytes: originals_bytes,
        })
    }
}

impl Vault {
    /// Every version of a document, as recorded at intake.
    fn custody_versions(
        &self,
        case: &CaseId,
        doc: &DocumentId,
        case_key: &crate::keys::SecretKey,
    ) -> Result<Vec<CustodyVersion>> {
        let record: crate::documents::DocumentRecord = self
            .inner
            .catalog
            .record(&format!("doc/{case}/{doc}"))?
            .ok_or_else(|| Error::not_found("document", doc.as_str()))?;
        record
            .versions
            .iter()
            .map(|v| {
                let (_, meta) = self.version_meta(&record, v.number, case_key)?;
                Ok(CustodyVersion {
                    number: v.number,
                    created: v.created,
                    size: meta.size,
                    blake3: meta.blake3,
                })
            })
            .collect()
    }

    /// The custody record of `documents`: every event of the case's log that names one,
    /// up to the checkpoint, each with its record and inclusion proof.
    fn custody(
        &self,
        case: &CaseId,
        checkpoint: &crate::Checkpoint,
        mut documents: Vec<CustodyDocument>,
    ) -> Result<Custody> {
        let mut events = Vec::new();
        for event in self.case_events(case)? {
            if event.seq >= checkpoint.size {
                continue;
            }
            let mut named = false;
            for d in documents.iter_mut() {
                if event.targets.contains(&target("document", &d.id)) {
                    d.events.push(event.seq);
                    named = true;
                }
            }
            if named {
                let proof = self.inclusion_proof(event.seq, checkpoint.size)?;
                events.push(CustodyEvent {
                    record: hex::encode(event.encode()),
                    proof: proof.iter().map(hex::encode).collect(),
                    event,
                });
            }
        }
        Ok(Custody {
            origin: checkpoint.origin.clone(),
            log_public_key: self.log_public_key().to_owned(),
            checkpoint_size: checkpoint.size,
            checkpoint_root: checkpoint.root.clone(),
            documents,
            events,
            working_copies: Vec::new(),
        })
    }
}

/// Writes documents as a plain ZIP (a share link's "download all"): each under its file
/// name (made unique), stored, streamed to `out`.
pub(crate) fn zip_documents<R: Read>(docs: Vec<(DocumentMeta, R)>, out: impl Write) -> Result<()> {
    let mut zip = zip::ZipWriter::new_stream(out);
    let mut taken = HashSet::new();
    for (meta, mut reader) in docs {
        let options = SimpleFileOptions::default()
            .compression_method(CompressionMethod::Stored)
            .large_file(meta.size >= u64::from(u32::MAX));
        zip.start_file(unique_name(&meta.filename, &mut taken), options)
            .map_err(zip_error)?;
        std::io::copy(&mut reader, &mut zip)?;
    }
    zip.finish().map_err(zip_error)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_in_the_bag_are_unique_and_manifest_paths_encoded() {
        let mut taken = HashSet::new();
        assert_eq!(unique_name("photo.jpg", &mut taken), "photo.jpg");
        assert_eq!(unique_name("Photo.JPG", &mut taken), "Photo (2).JPG");
        assert_eq!(unique_name("photo.jpg", &mut taken), "photo (3).jpg");
        assert_eq!(unique_name("notes", &mut taken), "notes");
        assert_eq!(unique_name("notes", &mut taken), "notes (2)");
        assert_eq!(manifest_path("data/100%.pdf"), "data/100%25.pdf");
    }
}
