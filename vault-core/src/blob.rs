//! The blob store: where encrypted document contents live, one age file per version.
//!
//! A blob is named by the BLAKE3 hash of its ciphertext ([`BlobId`]), distinct from the
//! hash of the plaintext that the encrypted metadata records ([`crate::DocumentMeta::blake3`]).
//! Only ciphertext reaches a store: the documents module writes through an age encryptor.

use std::fmt;
use std::io::{self, Read, Write};

use crate::error::{Error, Result};

/// The BLAKE3 hash of a blob's ciphertext, in hex; also its name in the store.
#[derive(
    Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize,
)]
#[serde(transparent)]
pub struct BlobId(String);

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
}

/// A writer that hashes what passes through it (used for ciphertext and plaintext alike).
pub(crate) struct Hashing<W> {
    pub(crate) inner: W,
    pub(crate) hasher: blake3::Hasher,
    pub(crate) count: u64,
}

impl<W> Hashing<W> {
    pub(crate) fn new(inner: W) -> Self {
        Hashing {
            inner,
            hasher: blake3::Hasher::new(),
            count: 0,
        }
    }
}

impl<W: Write> Write for Hashing<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let n = self.inner.write(buf)?;
        self.hasher.update(&buf[..n]);
        self.count += n as u64;
        Ok(n)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush()
    }
}

impl<R: Read> Read for Hashing<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.hasher.update(&buf[..n]);
        self.count += n as u64;
        Ok(n)
    }
}

/// Maps a missing blob to the error users should see.
pub(crate) fn missing(id: &BlobId) -> Error {
    Error::DocumentDamaged(format!("its encrypted file {id} is missing"))
}
