//! A mirror: every blob is written to two stores before it is acknowledged, and read from
//! the first good copy.
//!
//! A read checks the copy's hash before serving it (one extra read of the first copy,
//! usually the local disk), so that a missing or damaged copy is never served: the other
//! one is, and the server's log says so. fsck lists every copy that is missing or damaged
//! and `--repair` rewrites it from the good one.

use std::io::{self, Read, Write};
use std::sync::atomic::AtomicU64;
use std::sync::Arc;

use crate::blob::{missing, BadCopy, BlobId, BlobStore, BlobWriter, Copies, CopyState};
use crate::error::{Error, Result};

/// Two stores holding the same blobs: the first is read first.
pub struct MirrorBlobStore {
    copies: [Box<dyn BlobStore>; 2],
}

impl MirrorBlobStore {
    /// Mirrors `first` (read first) and `second`.
    pub fn new(first: Box<dyn BlobStore>, second: Box<dyn BlobStore>) -> Self {
        MirrorBlobStore {
            copies: [first, second],
        }
    }

    /// Runs `f` on both stores (both are tried even if the first fails) and returns the
    /// first error.
    fn both(&self, f: impl Fn(&dyn BlobStore) -> Result<()>) -> Result<()> {
        let results: Vec<Result<()>> = self.copies.iter().map(|s| f(s.as_ref())).collect();
        results.into_iter().collect()
    }

    /// The state of each copy: `Ok(true)` good, `Ok(false)` damaged, `Err` missing or
    /// unreadable.
    fn states(&self, id: &BlobId) -> Vec<Result<bool>> {
        self.copies.iter().map(|s| s.check(id)).collect()
    }
}

struct MirrorWriter {
    writers: [Box<dyn BlobWriter>; 2],
}

impl Write for MirrorWriter {
    fn write(&mut self, data: &[u8]) -> io::Result<usize> {
        // Each writer hands the bytes to its own thread or task: both copies are written
        // at the same time.
        for w in &mut self.writers {
            w.write_all(data)?;
        }
        Ok(data.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        for w in &mut self.writers {
            w.flush()?;
        }
        Ok(())
    }
}

impl BlobWriter for MirrorWriter {
    fn commit(self: Box<Self>) -> Result<BlobId> {
        let [a, b] = self.writers;
        // Both are committed even if one fails: a copy committed alone keeps its commit
        // marker, so it is removed at the next open if nothing refers to it.
        let (a, b) = (a.commit(), b.commit());
        match (a, b) {
            (Ok(a), Ok(b)) if a == b => Ok(a),
            (Ok(_), Ok(_)) => Err(Error::damaged(crate::Damage::MirrorCopiesDiffer)),
            (Err(e), _) | (_, Err(e)) => Err(e),
        }
    }
}

impl BlobStore for MirrorBlobStore {
    fn create(&self) -> Result<Box<dyn BlobWriter>> {
        Ok(Box::new(MirrorWriter {
            writers: [self.copies[0].create()?, self.copies[1].create()?],
        }))
    }

    fn open(&self, id: &BlobId) -> Result<Box<dyn Read + Send>> {
        let mut first_error = None;
        for (i, (store, state)) in self.copies.iter().zip(self.states(id)).enumerate() {
            match state {
                Ok(true) => {
                    if i > 0 {
                        tracing::warn!(
                            blob = %id,
                            store = %store.describe(),
                            "served from the mirror's second copy: the first is missing or damaged (run fsck --repair)"
                        );
                    }
                    return store.open(id);
                }
                Ok(false) => {
                    tracing::warn!(blob = %id, store = %store.describe(), "a mirrored copy is damaged");
                    first_error.get_or_insert_with(|| {
                        Error::DocumentDamaged(crate::DocumentFault::BlobAltered {
                            blob: id.to_string(),
                        })
                    });
                }
                Err(e) => {
                    tracing::warn!(blob = %id, store = %store.describe(), error = %e, "a mirrored copy cannot be read");
                    first_error.get_or_insert(e);
                }
            }
        }
        Err(first_error.unwrap_or_else(|| missing(id)))
    }

    fn remove(&self, id: &BlobId) -> Result<()> {
        self.both(|s| s.remove(id))
    }

    fn list(&self) -> Result<Vec<BlobId>> {
        let mut all = self.copies[0].list()?;
        all.extend(self.copies[1].list()?);
        all.sort();
        all.dedup();
        Ok(all)
    }

    fn unsettled(&self) -> Result<Vec<BlobId>> {
        let mut all = self.copies[0].unsettled()?;
        all.extend(self.copies[1].unsettled()?);
        all.sort();
        all.dedup();
        Ok(all)
    }

    fn mark(&self, id: &BlobId) -> Result<()> {
        self.both(|s| s.mark(id))
    }

    fn settle(&self, id: &BlobId) -> Result<()> {
        self.both(|s| s.settle(id))
    }

    fn leftovers(&self) -> Result<Vec<String>> {
        let mut out = Vec::new();
        for store in &self.copies {
            let name = store.describe();
            out.extend(
                store
                    .leftovers()?
                    .into_iter()
                    .map(|l| format!("{name}: {l}")),
            );
        }
        Ok(out)
    }

    fn remove_leftovers(&self) -> Result<usize> {
        Ok(self.copies[0].remove_leftovers()? + self.copies[1].remove_leftovers()?)
    }

    fn share_floor(&mut self, floor: Arc<AtomicU64>) {
        for store in &mut self.copies {
            store.share_floor(floor.clone());
        }
    }

    fn check(&self, id: &BlobId) -> Result<bool> {
        Ok(self.check_copies(id)?.good)
    }

    fn describe(&self) -> String {
        format!(
            "mirror({}, {})",
            self.copies[0].describe(),
            self.copies[1].describe()
        )
    }

    fn check_copies(&self, id: &BlobId) -> Result<Copies> {
        let mut copies = Copies::default();
        for (store, state) in self.copies.iter().zip(self.states(id)) {
            match state {
                Ok(true) => copies.good = true,
                Ok(false) => copies.problems.push(BadCopy {
                    blob: id.clone(),
                    store: store.describe(),
                    state: CopyState::Damaged,
                }),
                Err(Error::DocumentDamaged(_)) => copies.problems.push(BadCopy {
                    blob: id.clone(),
                    store: store.describe(),
                    state: CopyState::Missing,
                }),
                // An unreachable store is not a missing copy: fsck stops and says so.
                Err(e) => return Err(e),
            }
        }
        Ok(copies)
    }

    fn repair_copies(&self, id: &BlobId) -> Result<usize> {
        let states = self.states(id);
        let Some(good) = states.iter().position(|s| matches!(s, Ok(true))) else {
            return Ok(0);
        };
        let mut rewritten = 0;
        for (i, state) in states.iter().enumerate() {
            if i == good || matches!(state, Ok(true)) {
                continue;
            }
            let target = &self.copies[i];
            // A damaged copy goes first: the store keeps an existing name as it is.
            target.remove(id)?;
            let mut writer = target.create()?;
            io::copy(&mut self.copies[good].open(id)?, &mut writer)?;
            let written = writer.commit()?;
            target.settle(&written)?;
            if written != *id {
                return Err(Error::damaged(crate::Damage::RepairedCopy));
            }
            tracing::warn!(blob = %id, store = %target.describe(), "mirrored copy rewritten from the good one");
            rewritten += 1;
        }
        Ok(rewritten)
    }
}
