//! Consistency check of the data directory: it reads no secret and needs no password.
//!
//! Every blob the catalogue refers to must exist and hash to its name; every version must
//! have its key wrap and metadata; blobs nobody refers to (a crash between writing a blob
//! and recording it, or between erasing a case and deleting its files) are orphans, and
//! files left in `tmp/` are leftovers. Both can be removed with [`Vault::fsck_repair`].

use std::collections::BTreeSet;

use serde::Serialize;

use crate::blob::{BadCopy, BlobId};
use crate::documents::DocumentRecord;
use crate::error::Result;
use crate::vault::Vault;

/// What [`Vault::fsck`] found. Ids only: no names, no secrets.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct FsckReport {
    /// Document versions in the catalogue.
    pub versions: usize,
    /// Blobs read and hashed.
    pub blobs_checked: usize,
    /// Blobs referred to by the catalogue but absent.
    pub missing_blobs: Vec<BlobId>,
    /// Blobs whose content no longer hashes to their name.
    pub corrupt_blobs: Vec<BlobId>,
    /// Catalogue entries missing for a version (key wrap or metadata), as `<doc>/<n>`.
    pub missing_entries: Vec<String>,
    /// Blobs that no catalogue entry refers to.
    pub orphan_blobs: Vec<BlobId>,
    /// Unfinished writes in `tmp/`.
    pub leftovers: Vec<String>,
    /// Copies of a mirror that are missing or damaged while the other is good, each with
    /// its store: nothing is lost yet, but one more fault would lose it.
    pub degraded_copies: Vec<BadCopy>,
    /// The blobs of those lines, for `fsck_repair`.
    #[serde(skip)]
    degraded_blobs: Vec<BlobId>,
    /// Orphans and leftovers removed (by `fsck_repair` only).
    pub removed: usize,
    /// Mirrored copies rewritten from the good one (by `fsck_repair` only).
    pub rewritten: usize,
    /// The blob store checked, as configured.
    pub store: String,
}

impl FsckReport {
    /// True when nothing at all is wrong.
    pub fn is_clean(&self) -> bool {
        self.missing_blobs.is_empty()
            && self.corrupt_blobs.is_empty()
            && self.missing_entries.is_empty()
            && self.orphan_blobs.is_empty()
            && self.leftovers.is_empty()
            && self.degraded_copies.is_empty()
    }

    /// True when documents are lost or damaged (orphans and leftovers lose nothing).
    pub fn has_damage(&self) -> bool {
        !(self.missing_blobs.is_empty()
            && self.corrupt_blobs.is_empty()
            && self.missing_entries.is_empty())
    }
}

impl Vault {
    /// Checks the vault; changes nothing.
    pub fn fsck(&self) -> Result<FsckReport> {
        let _guard = self.write_lock();
        self.check()
    }

    /// Checks the vault, then removes orphan blobs and leftovers and rewrites a mirror's
    /// missing or damaged copies from the good one. Damage is reported, never "repaired"
    /// by deleting catalogue entries.
    pub fn fsck_repair(&self) -> Result<FsckReport> {
        let _guard = self.write_lock();
        let mut report = self.check()?;
        let blobs = &self.inner.blobs;
        for blob in &report.orphan_blobs {
            blobs.remove(blob)?;
        }
        report.removed = report.orphan_blobs.len() + blobs.remove_leftovers()?;
        let degraded = std::mem::take(&mut report.degraded_blobs);
        for id in degraded {
            report.rewritten += blobs.repair_copies(&id)?;
        }
        Ok(report)
    }

    fn check(&self) -> Result<FsckReport> {
        let catalog = &self.inner.catalog;
        let blobs = &self.inner.blobs;
        let mut report = FsckReport {
            store: blobs.describe(),
            ..FsckReport::default()
        };
        let stored: BTreeSet<BlobId> = blobs.list()?.into_iter().collect();
        let mut referenced = BTreeSet::new();
        for doc in catalog.records::<DocumentRecord>("doc/")? {
            for v in &doc.versions {
                report.versions += 1;
                for prefix in ["wrap/version", "meta"] {
                    if !catalog.contains(&format!("{prefix}/{}/{}", doc.id, v.number))? {
                        report
                            .missing_entries
                            .push(format!("{}/{}", doc.id, v.number));
                    }
                }
                referenced.insert(v.blob.clone());
                if !stored.contains(&v.blob) {
                    report.missing_blobs.push(v.blob.clone());
                    continue;
                }
                report.blobs_checked += 1;
                let copies = blobs.check_copies(&v.blob)?;
                if !copies.good {
                    report.corrupt_blobs.push(v.blob.clone());
                } else if !copies.problems.is_empty() {
                    report.degraded_copies.extend(copies.problems);
                    report.degraded_blobs.push(v.blob.clone());
                }
            }
        }
        report.missing_entries.dedup();
        report.orphan_blobs = stored.difference(&referenced).cloned().collect();
        report.leftovers = blobs.leftovers()?;
        Ok(report)
    }
}
