//! An in-memory blob store, for tests of code above the store.

use std::collections::BTreeMap;
use std::io::{self, Cursor, Read, Write};
use std::sync::{Arc, Mutex, PoisonError};

use crate::blob::{missing, BlobId, BlobStore, BlobWriter};
use crate::error::Result;

/// Blobs in a map. Holds whole blobs in memory: tests only.
#[derive(Clone, Default)]
pub struct MemBlobStore {
    // A std Mutex: held only for a map operation, never across I/O or an await.
    blobs: Arc<Mutex<BTreeMap<BlobId, Arc<Vec<u8>>>>>,
}

impl MemBlobStore {
    /// An empty store.
    pub fn new() -> Self {
        Self::default()
    }

    fn map(&self) -> std::sync::MutexGuard<'_, BTreeMap<BlobId, Arc<Vec<u8>>>> {
        self.blobs.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

struct MemWriter {
    buf: Vec<u8>,
    store: MemBlobStore,
}

impl Write for MemWriter {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.buf.extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

impl BlobWriter for MemWriter {
    fn commit(self: Box<Self>) -> Result<BlobId> {
        let id = BlobId::from_hash(blake3::hash(&self.buf));
        self.store.map().insert(id.clone(), Arc::new(self.buf));
        Ok(id)
    }
}

struct SharedBytes(Arc<Vec<u8>>);
impl AsRef<[u8]> for SharedBytes {
    fn as_ref(&self) -> &[u8] {
        &self.0
    }
}

impl BlobStore for MemBlobStore {
    fn create(&self) -> Result<Box<dyn BlobWriter>> {
        Ok(Box::new(MemWriter {
            buf: Vec::new(),
            store: self.clone(),
        }))
    }

    fn open(&self, id: &BlobId) -> Result<Box<dyn Read + Send>> {
        let bytes = self.map().get(id).cloned().ok_or_else(|| missing(id))?;
        Ok(Box::new(Cursor::new(SharedBytes(bytes))))
    }

    fn remove(&self, id: &BlobId) -> Result<()> {
        self.map().remove(id);
        Ok(())
    }

    fn list(&self) -> Result<Vec<BlobId>> {
        Ok(self.map().keys().cloned().collect())
    }

    fn leftovers(&self) -> Result<Vec<String>> {
        Ok(Vec::new())
    }

    fn describe(&self) -> String {
        "memory".into()
    }

    fn remove_leftovers(&self) -> Result<usize> {
        Ok(0)
    }
}
