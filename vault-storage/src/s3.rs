//! Blobs in an object store (S3-compatible storage in production).
//!
//! ```text
//! <prefix>/blobs/<hash>.age     committed blobs: plain age files, content-addressed
//! <prefix>/tmp/<random>.part    an upload finished but not yet in place
//! <prefix>/tmp/<hash>.commit    commit marker: in place, not yet recorded by the catalogue
//! ```
//!
//! A blob is uploaded to `tmp/` (one PUT, or a multipart upload that stays invisible
//! until completed), then, its hash known, a commit marker is put, the object is copied
//! (server side) to its name under `blobs/`, and the temporary object deleted. A kill at
//! any point leaves either nothing visible, a leftover in `tmp/` (swept at the next open),
//! or a marked blob (removed at the next open if the catalogue does not refer to it):
//! never a partial object under a blob name.

use std::collections::HashSet;
use std::io::{self, Read, Write};
use std::sync::{Arc, Mutex, PoisonError};

use object_store::path::Path;
use object_store::ObjectStore;
use vault_core::{BlobId, BlobStore, BlobWriter, Error, Result};

use crate::objects::{self, ObjectReader, ObjectWriter};

/// Blobs in an object store, under a prefix.
pub struct ObjectBlobStore {
    store: Arc<dyn ObjectStore>,
    prefix: Path,
    name: Arc<str>,
    /// Temporary names of this process's uploads in progress: not leftovers.
    active: Arc<Mutex<HashSet<String>>>,
}

const MARKER: &str = ".commit";
const PART: &str = ".part";

fn active_set(active: &Mutex<HashSet<String>>) -> std::sync::MutexGuard<'_, HashSet<String>> {
    active.lock().unwrap_or_else(PoisonError::into_inner)
}

impl ObjectBlobStore {
    /// Blobs in `store` under `prefix`; `name` names it in messages (`s3://bucket/prefix`).
    pub fn new(store: Arc<dyn ObjectStore>, prefix: &str, name: &str) -> Self {
        ObjectBlobStore {
            store,
            prefix: Path::from(prefix),
            name: Arc::from(name),
            active: Arc::default(),
        }
    }

    fn blob_path(&self, id: &BlobId) -> Path {
        self.prefix.clone().join("blobs").join(format!("{id}.age"))
    }

    fn tmp_path(&self, name: &str) -> Path {
        self.prefix.clone().join("tmp").join(name)
    }

    fn tmp_names(&self) -> Result<Vec<String>> {
        let metas = objects::list(&self.store, self.prefix.clone().join("tmp"), &self.name)?;
        Ok(metas
            .into_iter()
            .filter_map(|m| m.location.filename().map(str::to_owned))
            .collect())
    }

    fn leftover_names(&self) -> Result<Vec<String>> {
        let active = active_set(&self.active).clone();
        Ok(self
            .tmp_names()?
            .into_iter()
            .filter(|n| !n.ends_with(MARKER) && !active.contains(n))
            .collect())
    }
}

struct ObjectBlobWriter {
    upload: Option<ObjectWriter>,
    tmp_name: String,
    store: Arc<dyn ObjectStore>,
    prefix: Path,
    name: Arc<str>,
    active: Arc<Mutex<HashSet<String>>>,
}

impl Write for ObjectBlobWriter {
    fn write(&mut self, data: &[u8]) -> io::Result<usize> {
        match self.upload.as_mut() {
            Some(u) => u.write(data),
            None => Err(io::Error::other("blob already committed")),
        }
    }
    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

impl BlobWriter for ObjectBlobWriter {
    fn commit(mut self: Box<Self>) -> Result<BlobId> {
        let upload = self
            .upload
            .take()
            .ok_or_else(|| Error::damaged(vault_core::Damage::BlobCommitted))?;
        let uploaded = upload.finish(None)?;
        let id = BlobId::parse(uploaded.hash.to_hex().as_str())
            .ok_or_else(|| Error::damaged(vault_core::Damage::BlobHash))?;
        let tmp = self.prefix.clone().join("tmp").join(self.tmp_name.as_str());
        let dest = self.prefix.clone().join("blobs").join(format!("{id}.age"));
        let result = (|| -> Result<()> {
            if !objects::exists(&self.store, dest.clone(), &self.name)? {
                // The marker first: a kill after the copy leaves a marked blob, which the
                // next open removes if nothing refers to it.
                let marker = self
                    .prefix
                    .clone()
                    .join("tmp")
                    .join(format!("{id}{MARKER}"));
                objects::put_small(&self.store, marker, Vec::new(), &self.name)?;
                objects::copy(&self.store, tmp.clone(), dest, &self.name)?;
            }
            objects::delete(&self.store, tmp.clone(), &self.name)
        })();
        if result.is_err() {
            // Best effort: a temporary object left behind is a leftover, swept at open.
            let _ = objects::delete(&self.store, tmp, &self.name);
        }
        active_set(&self.active).remove(&self.tmp_name);
        self.tmp_name.clear();
        result.map(|()| id)
    }
}

impl Drop for ObjectBlobWriter {
    fn drop(&mut self) {
        // Dropping the upload aborts it (nothing was completed); the name is free again.
        drop(self.upload.take());
        if !self.tmp_name.is_empty() {
            active_set(&self.active).remove(&self.tmp_name);
        }
    }
}

impl BlobStore for ObjectBlobStore {
    fn create(&self) -> Result<Box<dyn BlobWriter>> {
        let tmp_name = format!("{}{PART}", crate::random_id()?);
        active_set(&self.active).insert(tmp_name.clone());
        let upload = ObjectWriter::new(
            self.store.clone(),
            self.tmp_path(&tmp_name),
            self.name.clone(),
        );
        Ok(Box::new(ObjectBlobWriter {
            upload: Some(upload),
            tmp_name,
            store: self.store.clone(),
            prefix: self.prefix.clone(),
            name: self.name.clone(),
            active: self.active.clone(),
        }))
    }

    fn open(&self, id: &BlobId) -> Result<Box<dyn Read + Send>> {
        match ObjectReader::open(self.store.clone(), self.blob_path(id), self.name.clone())? {
            Some(r) => Ok(Box::new(r)),
            None => Err(Error::DocumentDamaged(
                vault_core::DocumentFault::BlobMissing {
                    blob: id.to_string(),
                },
            )),
        }
    }

    fn remove(&self, id: &BlobId) -> Result<()> {
        objects::delete(&self.store, self.blob_path(id), &self.name)
    }

    fn list(&self) -> Result<Vec<BlobId>> {
        let metas = objects::list(&self.store, self.prefix.clone().join("blobs"), &self.name)?;
        let mut out: Vec<BlobId> = metas
            .iter()
            .filter_map(|m| m.location.filename())
            .filter_map(|n| n.strip_suffix(".age"))
            .filter_map(BlobId::parse)
            .collect();
        out.sort();
        Ok(out)
    }

    fn unsettled(&self) -> Result<Vec<BlobId>> {
        Ok(self
            .tmp_names()?
            .iter()
            .filter_map(|n| n.strip_suffix(MARKER))
            .filter_map(BlobId::parse)
            .collect())
    }

    fn mark(&self, id: &BlobId) -> Result<()> {
        objects::put_small(
            &self.store,
            self.tmp_path(&format!("{id}{MARKER}")),
            Vec::new(),
            &self.name,
        )
    }

    fn settle(&self, id: &BlobId) -> Result<()> {
        objects::delete(
            &self.store,
            self.tmp_path(&format!("{id}{MARKER}")),
            &self.name,
        )
    }

    fn leftovers(&self) -> Result<Vec<String>> {
        let mut out = self.leftover_names()?;
        out.sort();
        Ok(out)
    }

    fn remove_leftovers(&self) -> Result<usize> {
        let names = self.leftover_names()?;
        for name in &names {
            objects::delete(&self.store, self.tmp_path(name), &self.name)?;
        }
        Ok(names.len())
    }

    fn describe(&self) -> String {
        self.name.to_string()
    }
}
