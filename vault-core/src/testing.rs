//! Fault injection for tests of this crate and of the programs built on it (not used in
//! production paths).

use std::io::{self, Read, Write};

use crate::blob::{BlobId, BlobStore, BlobWriter};
use crate::blob_fs::FsBlobStore;
use crate::error::Result;

/// A filesystem blob store on a disk that fills up after `room` bytes per blob: writes
/// past it fail with `StorageFull`, as a real full disk does.
pub struct FullDisk {
    inner: FsBlobStore,
    room: u64,
}

impl FullDisk {
    /// Wraps `inner`; each blob may take `room` bytes.
    pub fn new(inner: FsBlobStore, room: u64) -> FullDisk {
        FullDisk { inner, room }
    }
}

struct FullWriter {
    inner: Box<dyn BlobWriter>,
    room: u64,
}

impl Write for FullWriter {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        if buf.len() as u64 > self.room {
            return Err(io::Error::from(io::ErrorKind::StorageFull));
        }
        self.room -= buf.len() as u64;
        self.inner.write(buf)
    }
    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush()
    }
}

impl BlobWriter for FullWriter {
    fn commit(self: Box<Self>) -> Result<BlobId> {
        self.inner.commit()
    }
}

impl BlobStore for FullDisk {
    fn create(&self) -> Result<Box<dyn BlobWriter>> {
        Ok(Box::new(FullWriter {
            inner: self.inner.create()?,
            room: self.room,
        }))
    }
    fn open(&self, id: &BlobId) -> Result<Box<dyn Read + Send>> {
        self.inner.open(id)
    }
    fn remove(&self, id: &BlobId) -> Result<()> {
        self.inner.remove(id)
    }
    fn list(&self) -> Result<Vec<BlobId>> {
        self.inner.list()
    }
    fn leftovers(&self) -> Result<Vec<String>> {
        self.inner.leftovers()
    }
    fn remove_leftovers(&self) -> Result<usize> {
        self.inner.remove_leftovers()
    }
    fn describe(&self) -> String {
        format!("full disk over {}", self.inner.describe())
    }
}

/// A clock that moves only when told (`Vault::set_clock`): a test reaches a case's
/// retention term or a link's expiry without waiting for it.
#[derive(Clone)]
pub struct ManualClock(std::sync::Arc<std::sync::atomic::AtomicU64>);

impl ManualClock {
    /// A clock stopped at `now` (Unix seconds).
    pub fn at(now: u64) -> ManualClock {
        ManualClock(std::sync::Arc::new(std::sync::atomic::AtomicU64::new(now)))
    }

    /// Moves the clock forward by `days` days.
    pub fn advance_days(&self, days: u64) {
        self.0
            .fetch_add(days * 86_400, std::sync::atomic::Ordering::SeqCst);
    }
}

impl crate::clock::Clock for ManualClock {
    fn now(&self) -> u64 {
        self.0.load(std::sync::atomic::Ordering::SeqCst)
    }
}
