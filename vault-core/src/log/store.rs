//! The access log in the catalogue: events, stored subtree hashes, appends.
//!
//! | key | value |
//! |---|---|
//! | `log/e/<seq, 16 hex digits>` | the event's canonical bytes |
//! | `log/n/<level, 2 hex>/<index, 16 hex>` | hash of the perfect subtree `[index << level, (index + 1) << level)` |
//!
//! An event is appended in the same atomic sled batch as the change it records, or on
//! its own (reads) and flushed before the read returns anything. The in-memory state (size
//! and the right edge of the tree) is advanced only once the batch is durable.

use std::sync::{MutexGuard, PoisonError};

use crate::catalog::{Batch, Catalog};
use crate::error::{Error, Result};
use crate::log::event::{Event, Outcome};
use crate::log::merkle::{self, Hash, Nodes};
use crate::vault::Vault;

/// Size and right edge of the tree: `frontier[level]` is the hash of the perfect subtree
/// of 2^level leaves that ends the tree, for each bit set in `size`.
#[derive(Default)]
pub(crate) struct LogState {
    pub size: u64,
    pub frontier: Vec<Hash>,
    /// Fault injection for tests: appends fail while set.
    pub fail: bool,
}

pub(crate) fn event_key(seq: u64) -> String {
    format!("log/e/{seq:016x}")
}

pub(crate) fn node_key(level: u32, index: u64) -> String {
    format!("log/n/{level:02x}/{index:016x}")
}

/// Adds one leaf to the batch and the frontier; returns the new size.
fn push_leaf(batch: &mut Batch, state: &mut (u64, Vec<Hash>), bytes: &[u8]) {
    let (size, frontier) = state;
    let mut hash = merkle::leaf_hash(bytes);
    let (mut level, mut index) = (0u32, *size);
    batch.put_raw(&node_key(0, index), hash.to_vec());
    while index & 1 == 1 {
        hash = merkle::node_hash(&frontier[level as usize], &hash);
        level += 1;
        index >>= 1;
        batch.put_raw(&node_key(level, index), hash.to_vec());
    }
    if frontier.len() <= level as usize {
        frontier.resize(level as usize + 1, [0; 32]);
    }
    frontier[level as usize] = hash;
    *size += 1;
}

/// The root of a tree given its size and frontier.
pub(crate) fn frontier_root(size: u64, frontier: &[Hash]) -> Hash {
    if size == 0 {
        return merkle::empty_root();
    }
    let mut level = size.trailing_zeros();
    let mut root = frontier[level as usize];
    level += 1;
    while (size >> level) != 0 {
        if (size >> level) & 1 == 1 {
            root = merkle::node_hash(&frontier[level as usize], &root);
        }
        level += 1;
    }
    root
}

impl Nodes for Catalog {
    type Error = Error;
    fn node(&self, level: u32, index: u64) -> Result<Hash> {
        let bytes = self.required_raw(&node_key(level, index))?;
        bytes
            .as_ref()
            .try_into()
            .map_err(|_| Error::damaged("an access-log hash"))
    }
}

/// An event about to be appended (its number and time are set at append).
pub(crate) struct NewEvent {
    pub actor: String,
    pub action: &'static str,
    pub outcome: Outcome,
    pub targets: Vec<String>,
    pub client: Option<String>,
}

impl Vault {
    pub(crate) fn log_state(&self) -> MutexGuard<'_, LogState> {
        self.inner
            .log
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
    }

    /// Loads the size and frontier from the catalogue (at open).
    pub(crate) fn load_log(catalog: &Catalog) -> Result<LogState> {
        let size = match catalog.last_key("log/e/")? {
            None => 0,
            Some(key) => {
                let seq = key
                    .strip_prefix("log/e/")
                    .and_then(|h| u64::from_str_radix(h, 16).ok())
                    .ok_or_else(|| Error::damaged("an access-log key"))?;
                seq + 1
            }
        };
        let mut frontier = Vec::new();
        for level in 0..64u32 {
            if (size >> level) == 0 {
                break;
            }
            frontier.push(if (size >> level) & 1 == 1 {
                catalog.node(level, (size >> level) - 1)?
            } else {
                [0; 32]
            });
        }
        Ok(LogState {
            size,
            frontier,
            fail: false,
        })
    }

    /// Appends events in the same atomic batch as `batch`, and makes it durable.
    pub(crate) fn append_events(&self, mut batch: Batch, events: Vec<NewEvent>) -> Result<()> {
        let mut state = self.log_state();
        if state.fail {
            return Err(Error::LogUnavailable);
        }
        let time = crate::ids::now();
        let mut next = (state.size, state.frontier.clone());
        for e in events {
            let event = Event {
                seq: next.0,
                time,
                actor: e.actor,
                action: e.action.to_string(),
                outcome: e.outcome,
                targets: e.targets,
                client: e.client,
            };
            let bytes = event.encode();
            batch.put_raw(&event_key(event.seq), bytes.clone());
            push_leaf(&mut batch, &mut next, &bytes);
        }
        self.inner
            .catalog
            .apply(batch)
            .map_err(|_| Error::LogUnavailable)?;
        state.size = next.0;
        state.frontier = next.1;
        Ok(())
    }

    /// Number of events in the log.
    pub fn log_size(&self) -> u64 {
        self.log_state().size
    }

    /// Event number `seq`.
    pub fn log_event(&self, seq: u64) -> Result<Event> {
        let bytes = self
            .inner
            .catalog
            .raw(&event_key(seq))?
            .ok_or_else(|| Error::not_found("log event", seq.to_string()))?;
        Event::decode(&bytes)
    }

    /// The root hash of the first `size` events.
    pub fn log_root(&self, size: u64) -> Result<Hash> {
        self.check_size(size)?;
        merkle::root(&self.inner.catalog, size)
    }

    fn check_size(&self, size: u64) -> Result<()> {
        if size > self.log_size() {
            return Err(Error::Invalid {
                field: "log size",
                reason: "larger than the log",
            });
        }
        Ok(())
    }

    /// Proof that event `seq` is in the log of `size` events (O(log n) stored hashes).
    pub fn inclusion_proof(&self, seq: u64, size: u64) -> Result<Vec<Hash>> {
        self.check_size(size)?;
        if seq >= size {
            return Err(Error::Invalid {
                field: "log index",
                reason: "not below the size",
            });
        }
        merkle::inclusion_proof(&self.inner.catalog, seq, size)
    }

    /// Proof that the log of `new` events extends the log of `old` events.
    pub fn consistency_proof(&self, old: u64, new: u64) -> Result<Vec<Hash>> {
        self.check_size(new)?;
        if old > new {
            return Err(Error::Invalid {
                field: "log size",
                reason: "the old size is larger than the new one",
            });
        }
        merkle::consistency_proof(&self.inner.catalog, old, new)
    }

    /// Fault injection for tests: while `on`, every append fails (as a full or read-only
    /// disk would make it).
    #[doc(hidden)]
    pub fn inject_log_failure(&self, on: bool) {
        self.log_state().fail = on;
    }

    /// Appends `count` system events in batches of `per_batch` (benchmarks and tests).
    #[doc(hidden)]
    pub fn append_test_events(&self, count: u64, per_batch: u64) -> Result<()> {
        let mut left = count;
        while left > 0 {
            let n = left.min(per_batch.max(1));
            let events = (0..n)
                .map(|i| NewEvent {
                    actor: "system".into(),
                    action: "test.event",
                    outcome: Outcome::Ok,
                    targets: vec![format!("case:{:032x}", i)],
                    client: None,
                })
                .collect();
            self.append_events(Batch::default(), events)?;
            left -= n;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn frontier_root_matches_the_tree() {
        struct Mem(std::collections::HashMap<(u32, u64), Hash>);
        impl Nodes for Mem {
            type Error = ();
            fn node(&self, level: u32, index: u64) -> Result<Hash, ()> {
                self.0.get(&(level, index)).copied().ok_or(())
            }
        }
        let mut mem = Mem(Default::default());
        let mut state = (0u64, Vec::new());
        for i in 0..100u64 {
            let mut batch = Batch::default();
            let bytes = i.to_be_bytes();
            // Mirror what push_leaf stores, for the reference computation.
            let mut h = merkle::leaf_hash(&bytes);
            let (mut level, mut index) = (0u32, i);
            mem.0.insert((0, index), h);
            while index & 1 == 1 {
                h = merkle::node_hash(&mem.0[&(level, index - 1)], &h);
                level += 1;
                index >>= 1;
                mem.0.insert((level, index), h);
            }
            push_leaf(&mut batch, &mut state, &bytes);
            assert_eq!(
                frontier_root(state.0, &state.1),
                merkle::root(&mem, i + 1).unwrap()
            );
        }
    }
}
