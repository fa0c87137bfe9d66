//! The catalogue: one sled tree holding everything but document contents.
//!
//! Keys are ASCII paths (`case/<id>`, `wrap/case/<id>/team`, ...). Records are JSON; wraps,
//! sealed profiles and sealed metadata are raw age files. Every change is one atomic sled
//! batch, flushed to disk before the call returns.
//!
//! | key | value |
//! |---|---|
//! | `user/<uid>` | user record (name, role, argon2 salt and parameters, public key) |
//! | `username/<name>` | uid |
//! | `wrap/user/<uid>/password`, `wrap/user/<uid>/recovery` | the user's key |
//! | `team/<tid>`, `teamname/<name>` | team record, tid |
//! | `wrap/team/<tid>/<uid>`, `wrap/team/<tid>/recovery` | the team key |
//! | `case/<cid>` | case record (team, status, public key, dates) |
//! | `wrap/case/<cid>/team`, `wrap/case/<cid>/recovery` | the case key |
//! | `profile/<cid>` | profile sealed to the case key |
//! | `doc/<cid>/<did>`, `docindex/<did>` | document record (versions, blob ids), cid |
//! | `wrap/version/<did>/<n>` | the version key, wrapped to the case key |
//! | `meta/<did>/<n>` | version metadata sealed to the version key |
//! | `order/<tid>/<status>/<rev>/<cid>`, `index/order` | cases by last activity (search.rs) |
//! | `blind/<hash>/<cid>`, `blindof/<cid>`, `index/names/<tid>` | the blind name index |

use std::fs;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{PoisonError, RwLock, RwLockReadGuard};

use serde::de::DeserializeOwned;
use serde::Serialize;

use crate::error::{Error, Result};

/// First bytes of a catalogue export; then `(u32 length, bytes)` for each key and value,
/// in key order, then `u32::MAX` and the number of entries (u64), all big-endian.
const EXPORT_MAGIC: &[u8; 24] = b"vault-catalog-export v1\n";

/// No catalogue value is near this (wraps and sealed records are a few KiB): a larger
/// length in an export is damage, not a reason to allocate.
const MAX_EXPORTED_VALUE: u32 = 64 * 1024 * 1024;

fn bad_export() -> Error {
    Error::damaged(crate::Damage::CatalogExport)
}

/// A length of an export; `u32::MAX` ends the entries.
fn read_len(input: &mut impl std::io::Read) -> Result<u32> {
    let mut b = [0u8; 4];
    input.read_exact(&mut b).map_err(|_| bad_export())?;
    Ok(u32::from_be_bytes(b))
}

/// `len` bytes of an export (a key or a value).
fn read_part(input: &mut impl std::io::Read, len: u32) -> Result<Vec<u8>> {
    if len > MAX_EXPORTED_VALUE {
        return Err(bad_export());
    }
    let mut part = vec![0u8; len as usize];
    input.read_exact(&mut part).map_err(|_| bad_export())?;
    Ok(part)
}

/// Reads an export (format above), handing each entry to `f`; returns the number of
/// entries. A truncated or altered export, or bytes after its end, are refused.
pub(crate) fn read_export(
    input: &mut impl std::io::Read,
    mut f: impl FnMut(Vec<u8>, Vec<u8>) -> Result<()>,
) -> Result<u64> {
    let mut magic = [0u8; EXPORT_MAGIC.len()];
    input.read_exact(&mut magic).map_err(|_| bad_export())?;
    if magic != *EXPORT_MAGIC {
        return Err(bad_export());
    }
    let mut count = 0u64;
    loop {
        let klen = read_len(input)?;
        if klen == u32::MAX {
            break;
        }
        let key = read_part(input, klen)?;
        let vlen = read_len(input)?;
        f(key, read_part(input, vlen)?)?;
        count += 1;
    }
    let mut b = [0u8; 8];
    input.read_exact(&mut b).map_err(|_| bad_export())?;
    let mut rest = [0u8; 1];
    if u64::from_be_bytes(b) != count || input.read(&mut rest)? != 0 {
        return Err(bad_export());
    }
    Ok(count)
}

/// Handle on the catalogue database.
pub(crate) struct Catalog {
    path: PathBuf,
    /// Replaced by [`Catalog::compact`]. Readers hold the read guard for a whole
    /// (synchronous, short) operation, so no handle on an old database outlives a swap.
    db: RwLock<sled::Db>,
    /// Set when a compaction could not reopen the catalogue: every later call fails
    /// rather than using the in-memory stand-in.
    broken: AtomicBool,
}

/// Whether sled failed to take its file lock.
fn is_lock_error(e: &sled::Error) -> bool {
    matches!(e, sled::Error::Io(io) if io.kind() == std::io::ErrorKind::WouldBlock
        || io.to_string().contains("could not acquire lock"))
}

/// Removes the snapshot files that sled began and never finished. sled 0.34 writes
/// `snap.<lsn>.generating` while it opens a database, syncs it, then renames it to
/// `snap.<lsn>`; a process killed before the rename leaves it behind, and the next open
/// takes it for the newest snapshot and fails with "corrupted" (sled issue #1527). The
/// previous snapshot is only deleted after the rename, so it and the log are still whole:
/// dropping the unfinished file is what sled itself should do. Done by hand because
/// sled 0.34 offers no repair, and only under the vault's lock (no other opener).
fn drop_unfinished_snapshots(path: &Path) -> Result<()> {
    let entries = match fs::read_dir(path) {
        Ok(entries) => entries,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(()),
        Err(e) => return Err(e.into()),
    };
    for entry in entries {
        let entry = entry?;
        let name = entry.file_name();
        let name = name.to_string_lossy();
        if name.starts_with("snap.") && name.ends_with(".generating") {
            fs::remove_file(entry.path())?;
        }
    }
    Ok(())
}

fn open_db(path: &Path) -> Result<sled::Db> {
    drop_unfinished_snapshots(path)?;
    let config = sled::Config::new()
        .path(path)
        .cache_capacity(8 * 1024 * 1024)
        // Every batch is flushed explicitly: no background flusher thread.
        .flush_every_ms(None);
    // Callers hold the vault's own lock (vault.lock), so sled's lock can only be held by
    // a database this process just closed: sled releases it from a background thread,
    // shortly after. Wait for it (measured: milliseconds; up to 5 s on a loaded machine).
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(5);
    loop {
        match config.open() {
            Ok(db) => return Ok(db),
            Err(e) if is_lock_error(&e) && std::time::Instant::now() < deadline => {
                std::thread::sleep(std::time::Duration::from_millis(10));
            }
            Err(e) if is_lock_error(&e) => {
                return Err(Error::Catalog(
                    "the catalogue is locked by another process".into(),
                ))
            }
            Err(e) => return Err(e.into()),
        }
    }
}

fn sibling(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(suffix);
    path.with_file_name(name)
}

impl Catalog {
    /// Finishes or rolls back a compaction that a crash interrupted.
    pub(crate) fn recover(path: &Path) -> Result<()> {
        let (new, old) = (sibling(path, ".compact"), sibling(path, ".old"));
        if !path.exists() && old.exists() {
            // Crash between the two renames: the old catalogue is complete, keep it.
            fs::rename(&old, path)?;
        }
        for leftover in [new, old] {
            if leftover.exists() {
                fs::remove_dir_all(leftover)?;
            }
        }
        Ok(())
    }

    pub(crate) fn open(path: &Path) -> Result<Self> {
        Ok(Catalog {
            path: path.to_path_buf(),
            db: RwLock::new(open_db(path)?),
            broken: AtomicBool::new(false),
        })
    }

    fn db(&self) -> RwLockReadGuard<'_, sled::Db> {
        self.db.read().unwrap_or_else(PoisonError::into_inner)
    }

    fn usable(&self) -> Result<RwLockReadGuard<'_, sled::Db>> {
        // A database that could not be reopened (say, on a full disk) is tried again at
        // each use: the vault heals once the cause is gone, without a restart.
        let unusable = || Error::damaged(crate::Damage::CatalogReopen);
        if self.broken.load(Ordering::SeqCst) && self.reopen().is_err() {
            return Err(unusable());
        }
        let db = self.db();
        // Checked again under the guard: a reopen that failed meanwhile left only the
        // empty stand-in, which must never answer.
        if self.broken.load(Ordering::SeqCst) {
            return Err(unusable());
        }
        Ok(db)
    }

    /// Rewrites the catalogue into a fresh database and deletes the old one, so that the
    /// bytes of deleted entries (wraps of an erased case) are gone from the files: sled
    /// otherwise keeps them in its log until it reuses the space.
    pub(crate) fn compact(&self) -> Result<()> {
        let mut db = self.db.write().unwrap_or_else(PoisonError::into_inner);
        let (new_path, old_path) = (sibling(&self.path, ".compact"), sibling(&self.path, ".old"));
        if new_path.exists() {
            fs::remove_dir_all(&new_path)?;
        }
        {
            let fresh = open_db(&new_path)?;
            for item in db.iter() {
                let (k, v) = item?;
                fresh.insert(k, v)?;
            }
            fresh.flush()?;
        }
        // Close the old database by putting a placeholder in its place: a temporary
        // in-memory database, so the lock is never left without a valid handle.
        let placeholder = sled::Config::new().temporary(true).open()?;
        drop(std::mem::replace(&mut *db, placeholder));
        let parent = self.path.parent().unwrap_or(Path::new("."));
        let swapped = (|| -> Result<()> {
            fs::rename(&self.path, &old_path)?;
            fs::rename(&new_path, &self.path)?;
            crate::blob_fs::sync_dir(parent)?;
            fs::remove_dir_all(&old_path)?;
            crate::blob_fs::sync_dir(parent)?;
            Ok(())
        })();
        // Whatever happened, the placeholder must go: reopen the real catalogue (the
        // complete old or new one, as a crash at this point would leave it).
        let reopened = Catalog::recover(&self.path).and_then(|()| open_db(&self.path));
        match reopened {
            Ok(real) => *db = real,
            Err(e) => {
                // The in-memory stand-in stays, but nothing may use it.
                self.broken.store(true, Ordering::SeqCst);
                return Err(e);
            }
        }
        swapped
    }

    pub(crate) fn raw(&self, key: &str) -> Result<Option<sled::IVec>> {
        Ok(self.usable()?.get(key.as_bytes())?)
    }

    pub(crate) fn contains(&self, key: &str) -> Result<bool> {
        Ok(self.usable()?.contains_key(key.as_bytes())?)
    }

    pub(crate) fn record<T: DeserializeOwned>(&self, key: &str) -> Result<Option<T>> {
        match self.raw(key)? {
            None => Ok(None),
            Some(bytes) => serde_json::from_slice(&bytes).map(Some).map_err(|_| {
                Error::damaged(crate::Damage::CatalogEntry {
                    key: entry_kind(key).to_owned(),
                })
            }),
        }
    }

    /// A record or wrap that other entries refer to and must exist.
    pub(crate) fn required<T: DeserializeOwned>(&self, key: &str) -> Result<T> {
        self.record(key)?.ok_or_else(|| {
            Error::damaged(crate::Damage::CatalogEntryMissing {
                key: entry_kind(key).to_owned(),
            })
        })
    }

    pub(crate) fn required_raw(&self, key: &str) -> Result<sled::IVec> {
        self.raw(key)?.ok_or_else(|| {
            Error::damaged(crate::Damage::CatalogEntryMissing {
                key: entry_kind(key).to_owned(),
            })
        })
    }

    /// Writes every entry to `out` as one instant's state: no change is applied while it
    /// runs (the database's exclusive guard is held), and `at_instant` runs under the same
    /// guard, so what it reads (the log's size) belongs to the same instant. Returns the
    /// number of entries and what `at_instant` returned.
    ///
    /// The format (`export` below) is ours: sled has no portable dump, and a restore must
    /// not depend on sled's on-disk layout.
    pub(crate) fn export<R>(
        &self,
        out: &mut impl std::io::Write,
        at_instant: impl FnOnce() -> Result<R>,
    ) -> Result<(u64, R)> {
        let db = self.db.write().unwrap_or_else(PoisonError::into_inner);
        if self.broken.load(Ordering::SeqCst) {
            return Err(Error::damaged(crate::Damage::CatalogReopen));
        }
        let instant = at_instant()?;
        out.write_all(EXPORT_MAGIC)?;
        let mut count = 0u64;
        for item in db.iter() {
            let (k, v) = item?;
            for part in [&k[..], &v[..]] {
                let len = u32::try_from(part.len())
                    .map_err(|_| Error::damaged(crate::Damage::CatalogEntryTooLarge))?;
                out.write_all(&len.to_be_bytes())?;
                out.write_all(part)?;
            }
            count += 1;
        }
        out.write_all(&u32::MAX.to_be_bytes())?;
        out.write_all(&count.to_be_bytes())?;
        Ok((count, instant))
    }

    /// Creates a catalogue at `path` (which must not exist) from an export; returns the
    /// number of entries. A truncated or altered export is refused.
    pub(crate) fn import(path: &Path, input: &mut impl std::io::Read) -> Result<u64> {
        if path.exists() {
            return Err(Error::AlreadyExists {
                path: path.to_path_buf(),
            });
        }
        let db = open_db(path)?;
        let count = read_export(input, |key, value| {
            db.insert(key, value)?;
            Ok(())
        })?;
        db.flush()?;
        Ok(count)
    }

    /// Every entry whose key starts with `prefix`, in key order.
    pub(crate) fn scan(&self, prefix: &str) -> Result<Vec<(String, sled::IVec)>> {
        self.usable()?
            .scan_prefix(prefix.as_bytes())
            .map(|item| {
                let (k, v) = item?;
                let key = String::from_utf8(k.to_vec())
                    .map_err(|_| Error::damaged(crate::Damage::CatalogKeyNotText))?;
                Ok((key, v))
            })
            .collect()
    }

    /// Every record under `prefix`, decoded.
    pub(crate) fn records<T: DeserializeOwned>(&self, prefix: &str) -> Result<Vec<T>> {
        self.scan(prefix)?
            .into_iter()
            .map(|(_, v)| {
                serde_json::from_slice(&v).map_err(|_| {
                    Error::damaged(crate::Damage::CatalogEntry {
                        key: entry_kind(prefix).to_owned(),
                    })
                })
            })
            .collect()
    }

    /// The first `n` keys under `prefix`, in key order (a page of an index).
    pub(crate) fn first_keys(&self, prefix: &str, n: usize) -> Result<Vec<String>> {
        self.usable()?
            .scan_prefix(prefix.as_bytes())
            .keys()
            .take(n)
            .map(|k| {
                String::from_utf8(k?.to_vec())
                    .map_err(|_| Error::damaged(crate::Damage::CatalogKeyNotText))
            })
            .collect()
    }

    /// Keys only, for deletions.
    pub(crate) fn keys(&self, prefix: &str) -> Result<Vec<String>> {
        Ok(self.scan(prefix)?.into_iter().map(|(k, _)| k).collect())
    }

    /// Applies a batch atomically and makes it durable. When that fails (a full disk:
    /// sled's flush fails and its error sticks), the batch is undone in memory and the
    /// database reopened from disk, so that nothing of a refused change is visible, now
    /// or after a restart, and the next change can succeed once space is free.
    pub(crate) fn apply(&self, batch: Batch) -> Result<()> {
        if batch.1 == 0 {
            return Ok(());
        }
        // What each key holds before, and will hold after (the last write wins).
        let after: std::collections::BTreeMap<Vec<u8>, Option<Vec<u8>>> =
            batch.2.iter().cloned().collect();
        let before: Vec<(Vec<u8>, Option<sled::IVec>)> = {
            let db = self.usable()?;
            after
                .keys()
                .map(|k| Ok((k.clone(), db.get(k)?)))
                .collect::<Result<_>>()?
        };
        let undo = || {
            let mut undo = sled::Batch::default();
            for (key, old) in &before {
                match old {
                    Some(old) => undo.insert(key.as_slice(), old.clone()),
                    None => undo.remove(key.as_slice()),
                }
            }
            undo
        };
        let failed = {
            let db = self.usable()?;
            let applied = (|| -> Result<()> {
                crate::faults::inject!("catalog.batch");
                db.apply_batch(batch.0)?;
                crate::faults::inject!("catalog.flush");
                db.flush()?;
                Ok(())
            })();
            match applied {
                Ok(()) => return Ok(()),
                Err(e) => {
                    let _ = db.apply_batch(undo());
                    e
                }
            }
        };
        self.reopen()?;
        // What the files hold now decides: a flush can fail after its bytes reached the
        // disk (EIO on fsync), and then the change did happen.
        let db = self.usable()?;
        let holds = |key: &Vec<u8>| db.get(key).ok().flatten().map(|v| v.to_vec());
        if after.iter().all(|(k, v)| holds(k) == *v) {
            return Ok(());
        }
        if !before
            .iter()
            .all(|(k, v)| holds(k) == v.as_ref().map(|v| v.to_vec()))
        {
            // Neither before nor after (a batch is atomic in sled; this is belt and
            // braces): put back what was there.
            let _ = db.apply_batch(undo()).and_then(|()| db.flush().map(drop));
        }
        Err(failed)
    }

    /// Closes the database and opens it again from its files (after a failed flush).
    fn reopen(&self) -> Result<()> {
        let mut db = self.db.write().unwrap_or_else(PoisonError::into_inner);
        let placeholder = sled::Config::new().temporary(true).open()?;
        drop(std::mem::replace(&mut *db, placeholder));
        match open_db(&self.path) {
            Ok(real) => {
                *db = real;
                self.broken.store(false, Ordering::SeqCst);
                Ok(())
            }
            Err(e) => {
                self.broken.store(true, Ordering::SeqCst);
                Err(e)
            }
        }
    }
}

/// The first path segment of a key: says what is damaged without naming any id.
fn entry_kind(key: &str) -> &str {
    key.split('/').next().unwrap_or("")
}

/// A set of changes applied atomically by [`Catalog::apply`].
#[derive(Default)]
pub(crate) struct Batch(
    sled::Batch,
    usize,
    /// Each key written, with its new value (`None`: removed).
    Vec<(Vec<u8>, Option<Vec<u8>>)>,
    /// Removals.
    usize,
);

impl Batch {
    /// Whether the batch removes at least as many entries as it writes (an erasure, a
    /// deletion, a revocation, an expiry): such a change frees space, so the free-space
    /// floor does not hold it back.
    pub(crate) fn frees(&self) -> bool {
        self.3 * 2 >= self.1
    }

    /// Whether the batch changes nothing.
    pub(crate) fn is_empty(&self) -> bool {
        self.1 == 0
    }

    pub(crate) fn put<T: Serialize>(&mut self, key: &str, value: &T) -> Result<()> {
        let bytes = serde_json::to_vec(value)
            .map_err(|_| Error::Catalog("cannot encode a record".into()))?;
        self.2.push((key.as_bytes().to_vec(), Some(bytes.clone())));
        self.0.insert(key.as_bytes(), bytes);
        self.1 += 1;
        Ok(())
    }

    pub(crate) fn put_raw(&mut self, key: &str, value: impl Into<sled::IVec>) {
        let value: sled::IVec = value.into();
        self.2.push((key.as_bytes().to_vec(), Some(value.to_vec())));
        self.0.insert(key.as_bytes(), value);
        self.1 += 1;
    }

    pub(crate) fn remove(&mut self, key: &str) {
        self.0.remove(key.as_bytes());
        self.1 += 1;
        self.3 += 1;
        self.2.push((key.as_bytes().to_vec(), None));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn with_entry(path: &Path, key: &str) {
        let c = Catalog::open(path).unwrap();
        let mut b = Batch::default();
        b.put_raw(key, b"v".as_slice());
        c.apply(b).unwrap();
    }

    #[test]
    fn compaction_keeps_every_live_entry() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("catalog");
        let c = Catalog::open(&path).unwrap();
        let mut b = Batch::default();
        b.put_raw("a/1", b"one".as_slice());
        b.put_raw("a/2", b"two".as_slice());
        c.apply(b).unwrap();
        let mut b = Batch::default();
        b.remove("a/1");
        c.apply(b).unwrap();
        c.compact().unwrap();
        assert_eq!(c.keys("a/").unwrap(), vec!["a/2".to_string()]);
        assert!(!sibling(&path, ".old").exists() && !sibling(&path, ".compact").exists());
        let mut b = Batch::default();
        b.put_raw("a/3", b"three".as_slice());
        c.apply(b).unwrap();
        drop(c);
        assert_eq!(Catalog::open(&path).unwrap().keys("a/").unwrap().len(), 2);
    }

    #[test]
    fn a_kill_while_sled_writes_its_snapshot_does_not_make_the_catalogue_unreadable() {
        // sled 0.34 writes `snap.<lsn>.generating` when it opens, then renames it; a kill
        // before the rename left it behind, and the next open took it for the newest
        // snapshot and answered "corrupted" (the kills suite found it; sled issue #1527).
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("catalog");
        with_entry(&path, "kept");
        std::thread::sleep(std::time::Duration::from_millis(50));
        for (name, bytes) in [
            ("snap.FFFFFFFFFFFFFFFE.generating", &b""[..]),
            ("snap.FFFFFFFFFFFFFFFF.generating", &[7u8; 40][..]),
        ] {
            fs::write(path.join(name), bytes).unwrap();
        }
        let c = Catalog::open(&path).unwrap();
        assert!(c.contains("kept").unwrap());
        drop(c);
        // A complete snapshot that is damaged is still damage: it is not removed.
        std::thread::sleep(std::time::Duration::from_millis(50));
        fs::write(path.join("snap.FFFFFFFFFFFFFFFF"), [7u8; 40]).unwrap();
        assert!(Catalog::open(&path).is_err());
        assert!(path.join("snap.FFFFFFFFFFFFFFFF").exists());
    }

    #[test]
    fn a_crash_during_compaction_is_rolled_back_or_finished() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("catalog");
        // Crash after the first rename: only catalog.old (complete) and catalog.compact.
        with_entry(&sibling(&path, ".old"), "kept");
        with_entry(&sibling(&path, ".compact"), "partial");
        Catalog::recover(&path).unwrap();
        let c = Catalog::open(&path).unwrap();
        assert!(c.contains("kept").unwrap() && !c.contains("partial").unwrap());
        drop(c);
        // Crash before the swap: catalog is intact, the half-made copy is dropped.
        with_entry(&sibling(&path, ".compact"), "partial");
        Catalog::recover(&path).unwrap();
        assert!(!sibling(&path, ".compact").exists());
        assert!(Catalog::open(&path).unwrap().contains("kept").unwrap());
    }
}
