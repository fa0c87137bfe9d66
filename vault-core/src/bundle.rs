//! Evidence bundles: documents of a case as a BagIt bag (RFC 8493), serialised as a ZIP
//! and streamed to any `Write` (never the whole bundle in memory, nor in a temporary
//! plaintext file).
//!
//! ```text
//! <reference>/bagit.txt
//! <reference>/bag-info.txt              association, case reference, export time, exporter,
//!                                       Payload-Oxum
//! <reference>/data/<file name>          each document's newest version, bit-identical
//! <reference>/manifest-sha256.txt       one line per file of data/
//! <reference>/manifest-sha512.txt
//! <reference>/tagmanifest-sha256.txt    the four tag files above
//! ```
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
use crate::ids::{now, CaseId, DocumentId};
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

/// What the bag says of its making (`bag-info.txt`).
#[derive(Clone, Debug, Default)]
pub struct BundleContext {
    /// `Source-Organization`: the association's name, when set.
    pub association: Option<String>,
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
        let mut opened: Vec<(DocumentMeta, DocumentReader)> = self.audited(
            session.actor(),
            Action::BundleExport,
            vec![target("case", case)],
            |audit| {
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
                for doc in wanted {
                    audit.target("document", doc);
                    opened.push(self.open_with_key(case, doc, &case_key)?);
                }
                Ok(opened)
            },
        )?;
        let exported = now();
        let day = crate::log::report::format_time(exported);
        let date = day.split(' ').next().unwrap_or_default().to_owned();
        let reference = format!(
            "case-{}-{}",
            &case.as_str()[..8.min(case.as_str().len())],
            date
        );
        let mut zip = zip::ZipWriter::new_stream(out);
        let mut taken = HashSet::new();
        let mut sha256_lines = String::new();
        let mut sha512_lines = String::new();
        let mut bytes = 0u64;
        let mut buf = vec![0u8; 64 * 1024];
        for (meta, reader) in opened.iter_mut() {
            let name = format!("data/{}", unique_name(&meta.filename, &mut taken));
            let options = SimpleFileOptions::default()
                .compression_method(CompressionMethod::Stored)
                .large_file(meta.size >= u64::from(u32::MAX));
            zip.start_file(format!("{reference}/{name}"), options)
                .map_err(zip_error)?;
            let (mut h256, mut h512) = (Sha256::new(), Sha512::new());
            loop {
                let n = reader.read(&mut buf)?;
                if n == 0 {
                    break;
                }
                h256.update(&buf[..n]);
                h512.update(&buf[..n]);
                zip.write_all(&buf[..n])?;
                bytes += n as u64;
            }
            let path = manifest_path(&name);
            sha256_lines.push_str(&format!("{}  {path}\n", hex::encode(h256.finalize())));
            sha512_lines.push_str(&format!("{}  {path}\n", hex::encode(h512.finalize())));
        }
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
        info.push_str(&format!("Payload-Oxum: {bytes}.{}\n", opened.len()));
        info.push_str("Bag-Count: 1 of 1\n");
        info.push_str(&format!(
            "Bag-Software-Agent: vault {}\n",
            env!("CARGO_PKG_VERSION")
        ));
        let tags = [
            (
                "bagit.txt",
                "BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n".to_owned(),
            ),
            ("bag-info.txt", info),
            ("manifest-sha256.txt", sha256_lines),
            ("manifest-sha512.txt", sha512_lines),
        ];
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
        zip.finish().map_err(zip_error)?;
        Ok(BundleSummary {
            reference,
            documents: opened.len(),
            bytes,
        })
    }
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
