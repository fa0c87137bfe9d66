//! Online backups to a directory or an S3 bucket: consistent, incremental, restorable.
//!
//! ```text
//! <target>/blobs/<hash>.age                  every blob of every kept snapshot, once
//! <target>/snapshots/<id>/vault.toml         the vault's public settings
//! <target>/snapshots/<id>/catalog.bin        the catalogue at the instant
//! <target>/snapshots/<id>/events.bin         the access log up to the instant's size
//! <target>/snapshots/<id>/manifest.json      written last: sizes, BLAKE3 hashes, blobs
//! ```
//!
//! A snapshot without `manifest.json` is unfinished and never restored. Blobs already in
//! the target are not copied again (they are immutable and named by their hash); a blob
//! copy is completed only if it hashes to its name. A restore checks every hash again.

use std::collections::{BTreeSet, HashMap, HashSet};
use std::io::{self, Read};
use std::path::Path as FsPath;
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::sync::Mutex;
use std::time::Instant;

use object_store::path::Path;
use serde::{Deserialize, Serialize};
use vault_core::{
    is_snapshot_id, BlobId, BlobStore, Error, Restore, Result, Session, StorageSettings, Vault,
};

use crate::objects::{self, ObjectReader, ObjectWriter};
use crate::{connect, Connected, Credentials, Location};

/// Format of `manifest.json`.
const MANIFEST_FORMAT: u32 = 1;
/// Blobs copied at once (each copy streams; small blobs are latency-bound on S3).
const COPIERS: usize = 4;

/// Where backups go.
pub struct Target {
    conn: Connected,
}

impl Target {
    /// The target at `location` (`s3://BUCKET/PREFIX` or a directory, created if need be),
    /// with the S3 settings (endpoint, region, path style) of `settings`.
    pub fn open(
        location: &str,
        settings: &StorageSettings,
        credentials: &Credentials,
    ) -> Result<Target> {
        let location = Location::parse(location)?;
        Ok(Target {
            conn: connect(&location, settings, credentials)?,
        })
    }

    /// The target as configured (no credential).
    pub fn describe(&self) -> &str {
        &self.conn.name
    }

    fn path(&self, parts: &[&str]) -> Path {
        let mut p = Path::from(self.conn.prefix.as_str());
        for part in parts {
            p = p.join(*part);
        }
        p
    }

    fn blob_path(&self, id: &BlobId) -> Path {
        self.path(&["blobs", &format!("{id}.age")])
    }

    fn writer(&self, path: Path) -> ObjectWriter {
        ObjectWriter::new(
            self.conn.store.clone(),
            path,
            self.conn.name.as_str().into(),
        )
    }

    fn reader(&self, path: Path) -> Result<ObjectReader> {
        let name = path.to_string();
        ObjectReader::open(
            self.conn.store.clone(),
            path,
            self.conn.name.as_str().into(),
        )?
        .ok_or(Error::NotFound {
            kind: "backup file",
            id: name,
        })
    }

    /// The blobs in the target, with their sizes (one listing).
    fn stored_blobs(&self) -> Result<HashMap<BlobId, u64>> {
        Ok(
            objects::list(&self.conn.store, self.path(&["blobs"]), &self.conn.name)?
                .into_iter()
                .filter_map(|m| {
                    let id = BlobId::parse(m.location.filename()?.strip_suffix(".age")?)?;
                    Some((id, m.size))
                })
                .collect(),
        )
    }

    fn manifest(&self, id: &str) -> Result<Option<Manifest>> {
        let path = self.path(&["snapshots", id, "manifest.json"]);
        let Some(mut r) = ObjectReader::open(
            self.conn.store.clone(),
            path,
            self.conn.name.as_str().into(),
        )?
        else {
            return Ok(None);
        };
        let mut text = Vec::new();
        r.read_to_end(&mut text)?;
        serde_json::from_slice(&text).map(Some).map_err(|_| {
            Error::damaged(vault_core::Damage::Manifest {
                snapshot: id.to_string(),
            })
        })
    }

    /// Snapshot ids present (finished or not), sorted oldest first.
    fn snapshot_ids(&self) -> Result<Vec<String>> {
        let metas = objects::list(&self.conn.store, self.path(&["snapshots"]), &self.conn.name)?;
        let base = self.path(&["snapshots"]);
        let ids: BTreeSet<String> = metas
            .iter()
            .filter_map(|m| {
                let mut parts = m.location.prefix_match(&base)?;
                parts.next().map(|p| p.as_ref().to_owned())
            })
            .filter(|id| is_snapshot_id(id))
            .collect();
        Ok(ids.into_iter().collect())
    }
}

/// A file of a snapshot: size and BLAKE3.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq, Eq)]
pub struct FileSum {
    /// Bytes.
    pub bytes: u64,
    /// BLAKE3, hex.
    pub blake3: String,
}

/// `manifest.json`: what a finished snapshot holds.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Manifest {
    /// [`MANIFEST_FORMAT`].
    pub format: u32,
    /// The snapshot's id.
    pub id: String,
    /// When it was taken (seconds since the Unix epoch).
    pub created: u64,
    /// Events of the access log in it, and their root hash (hex).
    pub log_size: u64,
    /// Root hash of those events (hex): what a checkpoint of that size signs.
    pub log_root: String,
    /// Catalogue entries.
    pub catalog_entries: u64,
    /// `vault.toml`.
    pub vault_toml: FileSum,
    /// `catalog.bin`.
    pub catalog: FileSum,
    /// `events.bin`.
    pub events: FileSum,
    /// Every blob the catalogue refers to.
    pub blobs: Vec<BlobId>,
    /// Their total size in bytes.
    pub blob_bytes: u64,
}

/// What a backup did.
#[derive(Clone, Debug, Serialize)]
pub struct BackupReport {
    /// The snapshot's id.
    pub snapshot: String,
    /// The target (no credential).
    pub target: String,
    /// When the snapshot was taken.
    pub created: u64,
    /// Events of the access log in it.
    pub log_size: u64,
    /// Blobs the snapshot refers to.
    pub blobs: usize,
    /// Blobs copied this time (the others were in the target already).
    pub blobs_copied: usize,
    /// Bytes copied this time: new blobs, the catalogue and the log.
    pub bytes_copied: u64,
    /// Milliseconds the catalogue was held for the export (changes waited that long).
    pub frozen_ms: u64,
    /// Milliseconds in all.
    pub took_ms: u64,
}

/// Backs `vault` up to `target`, while it serves; records `backup.create` in the access
/// log, by `by` (an admin) or the system, with the outcome.
pub fn backup(vault: &Vault, by: Option<&Session>, target: &Target) -> Result<BackupReport> {
    vault.may_back_up(by)?;
    let started = Instant::now();
    let snapshot = match vault.snapshot() {
        Ok(s) => s,
        Err(e) => {
            let _ = vault.record_backup(by, "none", Err(&e));
            return Err(e);
        }
    };
    let frozen_ms = started.elapsed().as_millis() as u64;
    let id = snapshot.id.clone();
    let result = copy_snapshot(&snapshot, target, started, frozen_ms);
    drop(snapshot);
    vault.record_backup(by, &id, result.as_ref().map(|_| ()))?;
    if let Err(e) = &result {
        tracing::error!(snapshot = %id, target = %target.describe(), error = %e, "backup failed");
    }
    result
}

fn copy_snapshot(
    snapshot: &vault_core::Snapshot,
    target: &Target,
    started: Instant,
    frozen_ms: u64,
) -> Result<BackupReport> {
    let stored = target.stored_blobs()?;
    let missing: Vec<&BlobId> = snapshot
        .blobs
        .iter()
        .filter(|b| !stored.contains_key(*b))
        .collect();
    let copied_bytes = AtomicU64::new(0);
    let next = AtomicUsize::new(0);
    let first_error: Mutex<Option<Error>> = Mutex::new(None);
    std::thread::scope(|scope| {
        for _ in 0..COPIERS.min(missing.len()) {
            scope.spawn(|| loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                let Some(id) = missing.get(i) else { break };
                if first_error.lock().is_ok_and(|e| e.is_some()) {
                    break;
                }
                match copy_blob(snapshot, target, id) {
                    Ok(n) => {
                        copied_bytes.fetch_add(n, Ordering::Relaxed);
                    }
                    Err(e) => {
                        if let Ok(mut slot) = first_error.lock() {
                            slot.get_or_insert(e);
                        }
                    }
                }
            });
        }
    });
    if let Some(e) = first_error.into_inner().ok().flatten() {
        return Err(e);
    }
    // The manifest's total: blobs already there, by the listing, and those just copied.
    let blob_bytes: u64 = snapshot
        .blobs
        .iter()
        .filter_map(|id| stored.get(id))
        .sum::<u64>()
        + copied_bytes.load(Ordering::Relaxed);
    let id = snapshot.id.as_str();
    let put = |name: &str, reader: &mut dyn Read| -> Result<FileSum> {
        let mut w = target.writer(target.path(&["snapshots", id, name]));
        io::copy(reader, &mut w)?;
        let up = w.finish(None)?;
        Ok(FileSum {
            bytes: up.size,
            blake3: up.hash.to_hex().to_string(),
        })
    };
    let vault_toml = put("vault.toml", &mut snapshot.vault_toml().as_bytes())?;
    let catalog = put("catalog.bin", &mut io::BufReader::new(snapshot.catalog()?))?;
    let events = put("events.bin", &mut snapshot.events()?)?;
    if events.bytes != snapshot.log_bytes {
        return Err(Error::damaged(vault_core::Damage::BackupLogShort));
    }
    let manifest = Manifest {
        format: MANIFEST_FORMAT,
        id: id.to_owned(),
        created: snapshot.created,
        log_size: snapshot.log_size,
        log_root: snapshot.log_root.clone(),
        catalog_entries: snapshot.catalog_entries,
        vault_toml: vault_toml.clone(),
        catalog: catalog.clone(),
        events: events.clone(),
        blobs: snapshot.blobs.clone(),
        blob_bytes,
    };
    let text = serde_json::to_vec_pretty(&manifest)
        .map_err(|_| Error::damaged(vault_core::Damage::ManifestWrite))?;
    objects::put_small(
        &target.conn.store,
        target.path(&["snapshots", id, "manifest.json"]),
        text,
        &target.conn.name,
    )?;
    Ok(BackupReport {
        snapshot: id.to_owned(),
        target: target.describe().to_owned(),
        created: snapshot.created,
        log_size: snapshot.log_size,
        blobs: snapshot.blobs.len(),
        blobs_copied: missing.len(),
        bytes_copied: copied_bytes.load(Ordering::Relaxed)
            + vault_toml.bytes
            + catalog.bytes
            + events.bytes,
        frozen_ms,
        took_ms: started.elapsed().as_millis() as u64,
    })
}

/// Copies one blob; the copy is completed only if it hashes to its name.
fn copy_blob(snapshot: &vault_core::Snapshot, target: &Target, id: &BlobId) -> Result<u64> {
    let expected = blake3::Hash::from_hex(id.as_str())
        .map_err(|_| Error::damaged(vault_core::Damage::BlobName))?;
    let mut reader = snapshot.open_blob(id)?;
    let mut w = target.writer(target.blob_path(id));
    io::copy(&mut reader, &mut w)?;
    Ok(w.finish(Some(expected))?.size)
}

/// A snapshot in the target.
#[derive(Clone, Debug, Serialize)]
pub struct SnapshotInfo {
    /// Its id.
    pub id: String,
    /// False for a snapshot whose backup did not finish: it is never restored.
    pub complete: bool,
    /// When it was taken (0 if unfinished).
    pub created: u64,
    /// Events of the access log in it.
    pub log_size: u64,
    /// Blobs it refers to.
    pub blobs: usize,
    /// Their total size.
    pub blob_bytes: u64,
}

/// The snapshots of `target`, oldest first.
pub fn list(target: &Target) -> Result<Vec<SnapshotInfo>> {
    let mut out = Vec::new();
    for id in target.snapshot_ids()? {
        out.push(match target.manifest(&id)? {
            Some(m) => SnapshotInfo {
                id,
                complete: true,
                created: m.created,
                log_size: m.log_size,
                blobs: m.blobs.len(),
                blob_bytes: m.blob_bytes,
            },
            None => SnapshotInfo {
                id,
                complete: false,
                created: 0,
                log_size: 0,
                blobs: 0,
                blob_bytes: 0,
            },
        });
    }
    Ok(out)
}

/// What [`prune`] removed.
#[derive(Clone, Debug, Serialize)]
pub struct PruneReport {
    /// Snapshots removed.
    pub snapshots_removed: Vec<String>,
    /// Snapshots kept.
    pub snapshots_kept: usize,
    /// Blobs that no kept snapshot refers to, removed.
    pub blobs_removed: usize,
}

/// Removes the snapshots older than `keep_secs` (the newest finished one is always kept)
/// and unfinished ones older than that, then every blob no kept snapshot refers to.
/// Erased cases disappear from the backups only here: until then, older snapshots keep
/// their blobs.
pub fn prune(target: &Target, keep_secs: u64, now: u64) -> Result<PruneReport> {
    let snapshots = list(target)?;
    let newest_complete = snapshots
        .iter()
        .filter(|s| s.complete)
        .max_by_key(|s| (s.created, s.log_size))
        .map(|s| s.id.clone());
    let cutoff = now.saturating_sub(keep_secs);
    // Unfinished ones carry no manifest time: their id starts with the time they began.
    let created = |s: &SnapshotInfo| {
        if s.complete {
            s.created
        } else {
            id_time(&s.id).unwrap_or(u64::MAX)
        }
    };
    let (old, kept): (Vec<&SnapshotInfo>, Vec<&SnapshotInfo>) = snapshots
        .iter()
        .partition(|s| created(s) < cutoff && Some(&s.id) != newest_complete.as_ref());
    // Referenced by what stays (an unfinished recent one may be a backup in progress: its
    // blobs are not in a manifest yet, so blobs newer than the cutoff stay too).
    let mut referenced = HashSet::new();
    for s in &kept {
        if let Some(m) = target.manifest(&s.id)? {
            referenced.extend(m.blobs);
        }
    }
    let mut removed = Vec::new();
    for s in &old {
        // The manifest first: a snapshot cut short by a crash here is merely unfinished.
        let files = objects::list(
            &target.conn.store,
            target.path(&["snapshots", &s.id]),
            &target.conn.name,
        )?;
        objects::delete(
            &target.conn.store,
            target.path(&["snapshots", &s.id, "manifest.json"]),
            &target.conn.name,
        )?;
        for f in files {
            objects::delete(&target.conn.store, f.location, &target.conn.name)?;
        }
        removed.push(s.id.clone());
    }
    let mut blobs_removed = 0;
    let in_progress = kept.iter().any(|s| !s.complete);
    for meta in objects::list(
        &target.conn.store,
        target.path(&["blobs"]),
        &target.conn.name,
    )? {
        let Some(id) = meta
            .location
            .filename()
            .and_then(|n| n.strip_suffix(".age"))
            .and_then(BlobId::parse)
        else {
            continue;
        };
        let recent = meta.last_modified.timestamp() as u64 >= cutoff;
        if referenced.contains(&id) || (in_progress && recent) {
            continue;
        }
        objects::delete(&target.conn.store, meta.location, &target.conn.name)?;
        blobs_removed += 1;
    }
    Ok(PruneReport {
        snapshots_removed: removed,
        snapshots_kept: kept.len(),
        blobs_removed,
    })
}

/// The time in a snapshot id (`YYYYMMDDTHHMMSSZ-...`), in seconds since the epoch.
fn id_time(id: &str) -> Option<u64> {
    let n = |a: usize, b: usize| id.get(a..b)?.parse::<i64>().ok();
    let (y, m, d) = (n(0, 4)?, n(4, 6)?, n(6, 8)?);
    let (hh, mm, ss) = (n(9, 11)?, n(11, 13)?, n(13, 15)?);
    // Howard Hinnant's days_from_civil (no calendar crate needed for UTC dates).
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    let days = era * 146_097 + doe - 719_468;
    u64::try_from(days * 86_400 + hh * 3600 + mm * 60 + ss).ok()
}

/// What [`restore`] wrote.
#[derive(Clone, Debug, Serialize)]
pub struct RestoreReport {
    /// The snapshot restored.
    pub snapshot: String,
    /// Events of the access log restored.
    pub log_size: u64,
    /// Root hash of those events.
    pub log_root: String,
    /// Catalogue entries restored.
    pub catalog_entries: u64,
    /// Blobs restored.
    pub blobs: usize,
    /// Their bytes.
    pub blob_bytes: u64,
}

/// BLAKE3 of what passes through.
struct Hashing<R> {
    inner: R,
    hasher: blake3::Hasher,
    count: u64,
}

impl<R: Read> Read for Hashing<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.hasher.update(&buf[..n]);
        self.count += n as u64;
        Ok(n)
    }
}

fn hashing<R: Read>(inner: R) -> Hashing<R> {
    Hashing {
        inner,
        hasher: blake3::Hasher::new(),
        count: 0,
    }
}

fn check_sum<R>(h: &Hashing<R>, sum: &FileSum, what: vault_core::Damage) -> Result<()> {
    if h.count != sum.bytes || h.hasher.finalize().to_hex().as_str() != sum.blake3 {
        return Err(Error::damaged(what));
    }
    Ok(())
}

/// Restores snapshot `id` (the newest finished one if `None`) of `target` into `dest`
/// (which must not exist or be empty), with its blobs in the store `storage` names (the
/// new data directory's own `blobs/` by default). Every file and blob is checked against
/// its hash; on any failure nothing is left in `dest`.
pub fn restore(
    target: &Target,
    id: Option<&str>,
    dest: &FsPath,
    storage: &StorageSettings,
    credentials: &Credentials,
) -> Result<RestoreReport> {
    let id = match id {
        Some(id) => id.to_owned(),
        // The newest: two snapshots of the same second are told apart by the log's size.
        None => list(target)?
            .into_iter()
            .filter(|s| s.complete)
            .max_by_key(|s| (s.created, s.log_size))
            .map(|s| s.id)
            .ok_or_else(|| Error::NotFound {
                kind: "snapshot",
                id: target.describe().to_owned(),
            })?,
    };
    if !is_snapshot_id(&id) {
        return Err(Error::Invalid(vault_core::Problem::SnapshotId));
    }
    let manifest = target.manifest(&id)?.ok_or_else(|| Error::NotFound {
        kind: "snapshot",
        id: id.clone(),
    })?;
    if manifest.format > MANIFEST_FORMAT {
        return Err(Error::NewerFormat {
            found: manifest.format,
            supported: MANIFEST_FORMAT,
        });
    }
    let existed = dest.exists();
    let result = restore_into(target, &manifest, dest, storage, credentials);
    if result.is_err() {
        // Leave nothing half-restored (dest was absent or empty).
        if existed {
            if let Ok(entries) = std::fs::read_dir(dest) {
                for e in entries.flatten() {
                    let p = e.path();
                    let _ = if p.is_dir() {
                        std::fs::remove_dir_all(p)
                    } else {
                        std::fs::remove_file(p)
                    };
                }
            }
        } else {
            let _ = std::fs::remove_dir_all(dest);
        }
    }
    result
}

fn restore_into(
    target: &Target,
    m: &Manifest,
    dest: &FsPath,
    storage: &StorageSettings,
    credentials: &Credentials,
) -> Result<RestoreReport> {
    let restore = Restore::begin(dest)?;
    let file = |name: &str| target.reader(target.path(&["snapshots", &m.id, name]));
    let mut toml = hashing(file("vault.toml")?);
    let mut toml_text = String::new();
    toml.read_to_string(&mut toml_text)
        .map_err(|_| Error::damaged(vault_core::Damage::BackupConfig))?;
    check_sum(&toml, &m.vault_toml, vault_core::Damage::BackupConfigSum)?;
    let mut catalog = hashing(io::BufReader::new(file("catalog.bin")?));
    let entries = restore.catalog(&mut catalog)?;
    check_sum(&catalog, &m.catalog, vault_core::Damage::BackupCatalogSum)?;
    let mut events = hashing(file("events.bin")?);
    restore.events(&mut events)?;
    check_sum(&events, &m.events, vault_core::Damage::BackupLogSum)?;
    let store: Box<dyn BlobStore> = if storage.is_default() {
        Box::new(restore.local_blobs()?)
    } else {
        crate::open_blob_store(dest, storage, credentials)?
    };
    let mut bytes = 0u64;
    for id in &m.blobs {
        let mut reader = target.reader(target.blob_path(id)).map_err(|_| {
            Error::damaged(vault_core::Damage::BackupBlobMissing {
                blob: id.to_string(),
            })
        })?;
        let mut w = store.create()?;
        bytes += io::copy(&mut reader, &mut w)?;
        let written = w.commit()?;
        store.settle(&written)?;
        if written != *id {
            store.remove(&written)?;
            return Err(Error::damaged(vault_core::Damage::BackupBlobAltered {
                blob: id.to_string(),
            }));
        }
    }
    restore.finish(&toml_text, storage.clone())?;
    Ok(RestoreReport {
        snapshot: m.id.clone(),
        log_size: m.log_size,
        log_root: m.log_root.clone(),
        catalog_entries: entries,
        blobs: m.blobs.len(),
        blob_bytes: bytes,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn id_time_reads_the_id_back() {
        // 2026-12-01 22:00:31 UTC
        assert_eq!(id_time("20261201T220031Z-0123abcd"), Some(1_796_162_431));
        assert_eq!(id_time("19700101T000000Z-00000000"), Some(0));
        assert_eq!(id_time("garbage"), None);
    }
}
