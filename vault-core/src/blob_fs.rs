//! The filesystem blob store: `blobs/ab/cd/<hash>.age`, written through `tmp/`.
//!
//! A blob is written to `tmp/<random>.part`, fsynced, renamed into `blobs/`, and the
//! directories are fsynced: after a crash a blob is either whole under its name or a
//! leftover in `tmp/`, never a half file under a blob name.

use std::collections::HashSet;
use std::fs::{self, File};
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc::{sync_channel, SyncSender};
use std::sync::{Arc, Mutex, PoisonError};
use std::thread::{self, JoinHandle};

use crate::blob::{missing, BlobId, BlobStore, BlobWriter};
use crate::error::Result;
use crate::ids::new_id;

/// Blobs under a directory of the local filesystem.
pub struct FsBlobStore {
    blobs: PathBuf,
    tmp: PathBuf,
    /// Names of this process's writes in progress: not leftovers. A std Mutex, held only
    /// to insert or remove a name.
    active: Arc<Mutex<HashSet<String>>>,
    /// Free bytes the disk must keep (the vault's floor): a write that would go below it
    /// stops with "disk full" while the catalogue and the log still have room.
    floor: Arc<AtomicU64>,
}

fn active_set(active: &Mutex<HashSet<String>>) -> std::sync::MutexGuard<'_, HashSet<String>> {
    active.lock().unwrap_or_else(PoisonError::into_inner)
}

impl FsBlobStore {
    /// Uses `blobs` and `tmp`, creating them if needed.
    pub fn new(blobs: PathBuf, tmp: PathBuf) -> Result<Self> {
        fs::create_dir_all(&blobs)?;
        fs::create_dir_all(&tmp)?;
        Ok(FsBlobStore {
            blobs,
            tmp,
            active: Arc::default(),
            floor: Arc::default(),
        })
    }

    fn path_of(&self, id: &BlobId) -> PathBuf {
        blob_path(&self.blobs, id)
    }
}

/// `blobs/ab/cd/abcd....age`: two levels keep directories small.
fn blob_path(blobs: &Path, id: &BlobId) -> PathBuf {
    let h = id.as_str();
    blobs.join(&h[0..2]).join(&h[2..4]).join(format!("{h}.age"))
}

/// fsync a directory so that a rename or creation in it survives a crash.
pub(crate) fn sync_dir(dir: &Path) -> io::Result<()> {
    File::open(dir)?.sync_all()
}

/// Creates `dir` and its missing parents up to `root`, syncing each parent.
fn create_synced(dir: &Path, root: &Path) -> io::Result<()> {
    if dir.is_dir() {
        return Ok(());
    }
    if let Some(parent) = dir.parent() {
        if parent != root {
            create_synced(parent, root)?;
        }
        match fs::create_dir(dir) {
            Ok(()) => sync_dir(parent)?,
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {}
            Err(e) => return Err(e),
        }
    }
    Ok(())
}

/// Bytes handed to the writer thread at a time; at most four such buffers exist per
/// write (one filling, two queued, one being written): memory stays bounded.
const CHUNK: usize = 256 * 1024;

/// Suffix of a commit marker in `tmp/`: `<blob id>.commit`.
const MARKER: &str = ".commit";

/// The commit marker of blob `id` in the temporary directory `tmp`.
fn marker_path(tmp: &Path, id: &BlobId) -> PathBuf {
    tmp.join(format!("{id}{MARKER}"))
}

/// Hashes and writes the ciphertext on its own thread, so that encryption (on the caller's
/// thread) and hashing plus the write system calls run on two cores at once.
type Worker = JoinHandle<io::Result<(File, blake3::Hash)>>;

fn spawn_worker(mut file: File) -> (SyncSender<Vec<u8>>, Worker) {
    let (tx, rx) = sync_channel::<Vec<u8>>(2);
    let worker = thread::spawn(move || {
        let mut hasher = blake3::Hasher::new();
        for buf in rx {
            crate::faults::inject!("blob.write");
            file.write_all(&buf)?;
            hasher.update(&buf);
        }
        Ok((file, hasher.finalize()))
    });
    (tx, worker)
}

struct FsWriter {
    buf: Vec<u8>,
    tx: Option<SyncSender<Vec<u8>>>,
    worker: Option<Worker>,
    tmp_path: PathBuf,
    tmp_dir: PathBuf,
    tmp_name: String,
    active: Arc<Mutex<HashSet<String>>>,
    blobs: PathBuf,
    floor: Arc<AtomicU64>,
    /// Chunks sent since free space was last checked.
    unchecked: u32,
}

/// Free space is checked every this many chunks (4 MiB).
const CHECK_EVERY: u32 = 16;

/// Fails with "disk full" when the filesystem of `dir` has fewer than `floor` bytes free.
pub(crate) fn check_floor(dir: &Path, floor: u64) -> io::Result<()> {
    if floor > 0 && fs2::available_space(dir)? < floor {
        return Err(io::Error::from(io::ErrorKind::StorageFull));
    }
    Ok(())
}

impl FsWriter {
    /// Waits for the writer thread: the file and the hash, or the thread's error.
    fn finish_worker(&mut self) -> io::Result<(File, blake3::Hash)> {
        drop(self.tx.take());
        match self.worker.take().map(|w| w.join()) {
            Some(Ok(result)) => result,
            Some(Err(_)) => Err(io::Error::other("the blob writer thread failed")),
            None => Err(io::Error::other("blob already committed")),
        }
    }

    fn send(&mut self) -> io::Result<()> {
        self.unchecked += 1;
        if self.unchecked >= CHECK_EVERY {
            self.unchecked = 0;
            check_floor(&self.tmp_dir, self.floor.load(Ordering::Relaxed))?;
        }
        let full = std::mem::replace(&mut self.buf, Vec::with_capacity(CHUNK));
        let sent = match &self.tx {
            Some(tx) => tx.send(full).is_ok(),
            None => return Err(io::Error::other("blob already committed")),
        };
        if sent {
            Ok(())
        } else {
            // The thread stopped on an error (e.g. disk full): report that error.
            Err(self
                .finish_worker()
                .err()
                .unwrap_or_else(|| io::Error::other("blob writer stopped")))
        }
    }
}

impl Write for FsWriter {
    fn write(&mut self, data: &[u8]) -> io::Result<usize> {
        let n = data.len().min(CHUNK - self.buf.len());
        self.buf.extend_from_slice(&data[..n]);
        if self.buf.len() == CHUNK {
            self.send()?;
        }
        Ok(n)
    }

    /// Durability comes from `commit`; flushing here would only shorten the pipeline.
    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

impl BlobWriter for FsWriter {
    fn commit(mut self: Box<Self>) -> Result<BlobId> {
        if !self.buf.is_empty() {
            self.send()?;
        }
        let (file, hash) = self.finish_worker()?;
        let id = BlobId::from_hash(hash);
        (|| -> io::Result<()> {
            crate::faults::inject!("blob.fsync");
            file.sync_all()
        })()?;
        drop(file);
        let dest = blob_path(&self.blobs, &id);
        let dir = dest.parent().unwrap_or(&self.blobs).to_path_buf();
        create_synced(&dir, &self.blobs)?;
        if dest.exists() {
            // Same ciphertext hash: the very same bytes are already stored.
            fs::remove_file(&self.tmp_path)?;
        } else {
            // A marker, durable before the blob is in place: if the process dies before
            // the catalogue records the blob, the next open finds the marker and removes
            // the blob nobody refers to (`Vault::settle_blobs`). Settled after the
            // catalogue batch.
            let marker = marker_path(&self.tmp_dir, &id);
            File::create(&marker)?;
            sync_dir(&self.tmp_dir)?;
            (|| -> io::Result<()> {
                crate::faults::inject!("blob.rename");
                fs::rename(&self.tmp_path, &dest)?;
                crate::faults::inject!("blob.dirsync");
                sync_dir(&dir)
            })()
            .inspect_err(|_| {
                let _ = fs::remove_file(&dest);
                let _ = fs::remove_file(&marker);
            })?;
        }
        sync_dir(&self.tmp_dir)?;
        // Committed: Drop must not delete anything.
        active_set(&self.active).remove(&self.tmp_name);
        self.tmp_name.clear();
        Ok(id)
    }
}

impl Drop for FsWriter {
    fn drop(&mut self) {
        if !self.tmp_name.is_empty() {
            // Not committed: stop the thread and delete the partial file. A kill skips
            // this; the sweep at the next open removes those.
            let _ = self.finish_worker();
            let _ = fs::remove_file(&self.tmp_path);
            active_set(&self.active).remove(&self.tmp_name);
        }
    }
}

impl BlobStore for FsBlobStore {
    fn create(&self) -> Result<Box<dyn BlobWriter>> {
        check_floor(&self.tmp, self.floor.load(Ordering::Relaxed))?;
        let tmp_name = format!("{}.part", new_id()?);
        let tmp_path = self.tmp.join(&tmp_name);
        let file = fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&tmp_path)?;
        active_set(&self.active).insert(tmp_name.clone());
        let (tx, worker) = spawn_worker(file);
        Ok(Box::new(FsWriter {
            buf: Vec::with_capacity(CHUNK),
            tx: Some(tx),
            worker: Some(worker),
            tmp_path,
            tmp_dir: self.tmp.clone(),
            tmp_name,
            active: self.active.clone(),
            blobs: self.blobs.clone(),
            floor: self.floor.clone(),
            unchecked: 0,
        }))
    }

    fn open(&self, id: &BlobId) -> Result<Box<dyn Read + Send>> {
        match File::open(self.path_of(id)) {
            Ok(f) => Ok(Box::new(f)),
            Err(e) if e.kind() == io::ErrorKind::NotFound => Err(missing(id)),
            Err(e) => Err(e.into()),
        }
    }

    fn unsettled(&self) -> Result<Vec<BlobId>> {
        let mut out = Vec::new();
        for entry in fs::read_dir(&self.tmp)? {
            let name = entry?.file_name();
            if let Some(id) = name
                .to_str()
                .and_then(|n| n.strip_suffix(MARKER))
                .and_then(BlobId::parse)
            {
                out.push(id);
            }
        }
        Ok(out)
    }

    fn mark(&self, id: &BlobId) -> Result<()> {
        File::create(marker_path(&self.tmp, id))?;
        sync_dir(&self.tmp)?;
        Ok(())
    }

    fn settle(&self, id: &BlobId) -> Result<()> {
        match fs::remove_file(marker_path(&self.tmp, id)) {
            Err(e) if e.kind() != io::ErrorKind::NotFound => Err(e.into()),
            _ => Ok(()),
        }
    }

    fn remove(&self, id: &BlobId) -> Result<()> {
        let path = self.path_of(id);
        match fs::remove_file(&path) {
            Ok(()) => Ok(sync_dir(path.parent().unwrap_or(&self.blobs))?),
            Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(()),
            Err(e) => Err(e.into()),
        }
    }

    fn list(&self) -> Result<Vec<BlobId>> {
        let mut out = Vec::new();
        for a in fs::read_dir(&self.blobs)? {
            let a = a?.path();
            if !a.is_dir() {
                continue;
            }
            for b in fs::read_dir(&a)? {
                let b = b?.path();
                if !b.is_dir() {
                    continue;
                }
                for f in fs::read_dir(&b)? {
                    let f = f?;
                    let name = f.file_name();
                    let id = name
                        .to_str()
                        .and_then(|n| n.strip_suffix(".age"))
                        .and_then(BlobId::parse);
                    // Only a blob at its own place counts; a misplaced file is not a blob.
                    if let Some(id) = id.filter(|id| blob_path(&self.blobs, id) == f.path()) {
                        out.push(id);
                    }
                }
            }
        }
        out.sort();
        Ok(out)
    }

    fn describe(&self) -> String {
        self.blobs.display().to_string()
    }

    fn share_floor(&mut self, floor: Arc<AtomicU64>) {
        self.floor = floor;
    }

    fn leftovers(&self) -> Result<Vec<String>> {
        let mut out: Vec<String> = self
            .leftover_names()?
            .iter()
            .map(|n| n.to_string_lossy().into_owned())
            .collect();
        out.sort();
        Ok(out)
    }

    fn remove_leftovers(&self) -> Result<usize> {
        let names = self.leftover_names()?;
        for name in &names {
            let path = self.tmp.join(name);
            let removed = if path.is_dir() {
                fs::remove_dir_all(path)
            } else {
                fs::remove_file(path)
            };
            match removed {
                Ok(()) => {}
                // Gone meanwhile (a writer that just finished or gave up): fine.
                Err(e) if e.kind() == io::ErrorKind::NotFound => {}
                Err(e) => return Err(e.into()),
            }
        }
        if !names.is_empty() {
            sync_dir(&self.tmp)?;
        }
        Ok(names.len())
    }
}

impl FsBlobStore {
    /// Entries of `tmp/` that no writer of this process is using, with their raw names.
    fn leftover_names(&self) -> Result<Vec<std::ffi::OsString>> {
        let active = active_set(&self.active).clone();
        let mut out = Vec::new();
        for entry in fs::read_dir(&self.tmp)? {
            let name = entry?.file_name();
            // Commit markers are settled by the vault, which knows what is referenced.
            let marker = name.to_str().is_some_and(|n| n.ends_with(MARKER));
            if !marker && !name.to_str().is_some_and(|n| active.contains(n)) {
                out.push(name);
            }
        }
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn store() -> (tempfile::TempDir, FsBlobStore) {
        let dir = tempfile::tempdir().unwrap();
        let s = FsBlobStore::new(dir.path().join("blobs"), dir.path().join("tmp")).unwrap();
        (dir, s)
    }

    #[test]
    fn commit_names_the_blob_by_its_hash() {
        let (_d, s) = store();
        let mut w = s.create().unwrap();
        w.write_all(b"ciphertext").unwrap();
        let id = w.commit().unwrap();
        assert_eq!(id.as_str(), blake3::hash(b"ciphertext").to_hex().as_str());
        assert_eq!(s.list().unwrap(), vec![id.clone()]);
        assert!(s.check(&id).unwrap());
        assert!(s.leftovers().unwrap().is_empty());
        let mut back = Vec::new();
        s.open(&id).unwrap().read_to_end(&mut back).unwrap();
        assert_eq!(back, b"ciphertext");
    }

    #[test]
    fn dropped_writer_leaves_nothing() {
        let (_d, s) = store();
        let mut w = s.create().unwrap();
        w.write_all(b"half").unwrap();
        drop(w);
        assert!(s.list().unwrap().is_empty());
        assert!(s.leftovers().unwrap().is_empty());
    }

    #[test]
    fn missing_blob_is_document_damaged() {
        let (_d, s) = store();
        let id = BlobId::from_hash(blake3::hash(b"x"));
        assert!(matches!(s.open(&id), Err(crate::Error::DocumentDamaged(_))));
    }
}
