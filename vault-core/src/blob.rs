//! The blob store: where encrypted document contents live, one age file per version.
//!
//! A blob is named by the BLAKE3 hash of its ciphertext ([`BlobId`]), distinct from the
//! hash of the plaintext that the encrypted metadata records ([`crate::DocumentMeta::blake3`]).
//! Only ciphertext reaches a store: the documents module writes through an age encryptor.

use std::fmt;
use std::io::{self, Read, Write};
use std::sync::mpsc::{sync_channel, SyncSender};
use std::thread::{self, JoinHandle};

use crate::error::{Error, Result};

/// The BLAKE3 hash of a blob's ciphertext, in hex; also its name in the store.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[serde(transparent)]
pub struct BlobId(String);

impl<'de> serde::Deserialize<'de> for BlobId {
    /// Only 64 hex characters: a tampered record cannot make a path out of a blob id.
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        BlobId::parse(&s).ok_or_else(|| serde::de::Error::custom("not a blob id"))
    }
}

impl BlobId {
    pub(crate) fn from_hash(hash: blake3::Hash) -> Self {
        BlobId(hash.to_hex().to_string())
    }

    /// Parses a blob name (64 lower-case hex characters).
    pub fn parse(s: &str) -> Option<Self> {
        (s.len() == 64 && s.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f')))
            .then(|| BlobId(s.to_owned()))
    }

    /// The hex text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for BlobId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// A blob being written. Dropping it without [`BlobWriter::commit`] discards it.
pub trait BlobWriter: Write + Send {
    /// Makes the blob durable and visible under the hash of what was written.
    fn commit(self: Box<Self>) -> Result<BlobId>;
}

/// Storage of encrypted blobs. Implementations must make a committed blob durable before
/// `commit` returns and must never expose a blob that was not committed.
pub trait BlobStore: Send + Sync {
    /// Starts a new blob.
    fn create(&self) -> Result<Box<dyn BlobWriter>>;
    /// Reads a blob. A missing blob is [`Error::DocumentDamaged`].
    fn open(&self, id: &BlobId) -> Result<Box<dyn Read + Send>>;
    /// Deletes a blob; deleting a missing blob is not an error.
    fn remove(&self, id: &BlobId) -> Result<()>;
    /// Every committed blob.
    fn list(&self) -> Result<Vec<BlobId>>;
    /// Blobs committed whose recording in the catalogue was not yet settled: after a
    /// crash, those the catalogue does not refer to are removed at open.
    fn unsettled(&self) -> Result<Vec<BlobId>> {
        Ok(Vec::new())
    }
    /// Marks a committed blob as unsettled (durably): about to be unreferenced, so that
    /// a crash before its deletion leaves no orphan.
    fn mark(&self, _id: &BlobId) -> Result<()> {
        Ok(())
    }
    /// Marks a committed blob as settled: recorded in the catalogue, or removed.
    fn settle(&self, _id: &BlobId) -> Result<()> {
        Ok(())
    }
    /// Uncommitted leftovers (e.g. from a crash), by name.
    fn leftovers(&self) -> Result<Vec<String>>;
    /// Deletes the leftovers; returns how many there were.
    fn remove_leftovers(&self) -> Result<usize>;

    /// Whether the blob's content still hashes to its name.
    fn check(&self, id: &BlobId) -> Result<bool> {
        let mut reader = self.open(id)?;
        let mut hasher = blake3::Hasher::new();
        io::copy(&mut reader, &mut hasher)?;
        Ok(BlobId::from_hash(hasher.finalize()) == *id)
    }

    /// Shares the vault's free-space floor with the store: a store on a local disk stops
    /// a write that would go below it. Others ignore it.
    fn share_floor(&mut self, _floor: std::sync::Arc<std::sync::atomic::AtomicU64>) {}

    /// The store as configured, for messages and fsck: a directory, `s3://bucket/prefix`,
    /// `memory`. Never a credential.
    fn describe(&self) -> String;

    /// Checks each copy of a blob that the store keeps: whether one good copy exists,
    /// and a line for every copy that is missing or damaged (a mirror's). A store of one
    /// copy reports no line: its [`BlobStore::check`] says it all.
    fn check_copies(&self, id: &BlobId) -> Result<Copies> {
        Ok(Copies {
            good: self.check(id)?,
            problems: Vec::new(),
        })
    }

    /// Writes good copies over missing or damaged ones; returns how many were rewritten.
    fn repair_copies(&self, _id: &BlobId) -> Result<usize> {
        Ok(0)
    }
}

/// What [`BlobStore::check_copies`] found.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Copies {
    /// At least one copy hashes to the blob's name.
    pub good: bool,
    /// Every missing or damaged copy, with its store.
    pub problems: Vec<BadCopy>,
}

/// A copy of a blob that a store of several copies (a mirror) lacks or holds damaged.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct BadCopy {
    /// The blob.
    pub blob: BlobId,
    /// The store that lacks it, as configured ([`BlobStore::describe`]).
    pub store: String,
    /// Missing or damaged.
    pub state: CopyState,
}

/// What is wrong with a [`BadCopy`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum CopyState {
    /// The store has no such blob.
    Missing,
    /// The store's copy no longer hashes to the blob's name.
    Damaged,
}

/// BLAKE3 on another thread: the caller hands over bytes and gets the hash at the end.
/// Reading a document thus decrypts on one core and hashes on the other. The thread starts
/// only once a first [`HASH_CHUNK`] is full: a smaller document (most reads of a letter or
/// a scan) is hashed at the end on the caller's thread, without a thread started for it.
pub(crate) struct BackgroundHasher {
    buf: Vec<u8>,
    tx: Option<SyncSender<Vec<u8>>>,
    worker: Option<JoinHandle<blake3::Hash>>,
    /// Whether the thread was started (it may have gone since).
    started: bool,
}

/// Bytes sent to the hashing thread at a time (at most four buffers alive).
const HASH_CHUNK: usize = 256 * 1024;

impl BackgroundHasher {
    pub(crate) fn new() -> Self {
        BackgroundHasher {
            buf: Vec::new(),
            tx: None,
            worker: None,
            started: false,
        }
    }

    fn start(&mut self) {
        let (tx, rx) = sync_channel::<Vec<u8>>(2);
        let worker = thread::spawn(move || {
            let mut hasher = blake3::Hasher::new();
            for buf in rx {
                hasher.update(&buf);
            }
            hasher.finalize()
        });
        self.tx = Some(tx);
        self.worker = Some(worker);
        self.started = true;
    }

    pub(crate) fn update(&mut self, mut data: &[u8]) {
        while !data.is_empty() {
            if self.buf.capacity() == 0 {
                self.buf
                    .reserve_exact(HASH_CHUNK.min(data.len().max(64 * 1024)));
            }
            let n = data.len().min(HASH_CHUNK - self.buf.len());
            self.buf.extend_from_slice(&data[..n]);
            data = &data[n..];
            if self.buf.len() == HASH_CHUNK {
                if !self.started {
                    self.start();
                }
                let full = std::mem::replace(&mut self.buf, Vec::with_capacity(HASH_CHUNK));
                if let Some(tx) = &self.tx {
                    // A send fails only if the thread is gone; finalize then reports None.
                    let _ = tx.send(full);
                }
            }
        }
    }

    /// The hash of everything passed to `update`; `None` if the thread failed.
    pub(crate) fn finalize(&mut self) -> Option<blake3::Hash> {
        let rest = std::mem::take(&mut self.buf);
        if !self.started {
            // Once only: a second call finds no thread and says None, as after a join.
            self.started = true;
            return Some(blake3::hash(&rest));
        }
        let tx = self.tx.take()?;
        if !rest.is_empty() {
            tx.send(rest).ok()?;
        }
        drop(tx);
        self.worker.take()?.join().ok()
    }
}

impl Drop for BackgroundHasher {
    fn drop(&mut self) {
        drop(self.tx.take());
        if let Some(worker) = self.worker.take() {
            let _ = worker.join();
        }
    }
}

/// Maps a missing blob to the error users should see.
pub(crate) fn missing(id: &BlobId) -> Error {
    Error::DocumentDamaged(crate::DocumentFault::BlobMissing {
        blob: id.to_string(),
    })
}
