//! Checkpoints (signed tree heads) and full verification of the log.

use std::fmt;

use ed25519_dalek::{Signature, Signer, SigningKey, Verifier, VerifyingKey};
use serde::Serialize;

use crate::error::{Error, Result};
use crate::log::event::Event;
use crate::log::merkle::Hash;
use std::fs::File;
use std::io::{BufReader, Read};
use std::path::Path;

use crate::log::store::{frontier_root, level_path, push_leaf, EventReader};
use crate::vault::Vault;

/// A signed statement "the log `origin` had `size` events with root `root`".
///
/// Text form (docs/audit-log.md), the signed message being the first three lines:
/// ```text
/// <origin>
/// <size, decimal>
/// <root, 64 hex>
///
/// — <origin> <signature, 128 hex>
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Checkpoint {
    /// Names the log (from `vault.toml`).
    pub origin: String,
    /// Number of events.
    pub size: u64,
    /// Root hash, hex.
    pub root: String,
    /// Ed25519 signature of [`Checkpoint::body`], hex.
    pub signature: String,
}

impl Checkpoint {
    /// The signed text: origin, size and root, each followed by a newline.
    pub fn body(&self) -> String {
        format!("{}\n{}\n{}\n", self.origin, self.size, self.root)
    }

    fn sign(origin: &str, size: u64, root: &Hash, key: &SigningKey) -> Checkpoint {
        let mut c = Checkpoint {
            origin: origin.to_owned(),
            size,
            root: hex::encode(root),
            signature: String::new(),
        };
        c.signature = hex::encode(key.sign(c.body().as_bytes()).to_bytes());
        c
    }

    /// Parses the text form.
    pub fn parse(text: &str) -> Result<Checkpoint> {
        let bad = || Error::Invalid {
            field: "checkpoint",
            reason: "not a vault log checkpoint",
        };
        let mut lines = text.lines();
        let origin = lines.next().ok_or_else(bad)?.to_owned();
        let size = lines.next().and_then(|l| l.parse().ok()).ok_or_else(bad)?;
        let root = lines
            .next()
            .filter(|r| r.len() == 64)
            .ok_or_else(bad)?
            .to_owned();
        if lines.next() != Some("") {
            return Err(bad());
        }
        let sig_line = lines.next().ok_or_else(bad)?;
        let signature = sig_line
            .strip_prefix("— ")
            .and_then(|rest| rest.strip_prefix(origin.as_str()))
            .and_then(|rest| rest.strip_prefix(' '))
            .filter(|s| s.len() == 128)
            .ok_or_else(bad)?
            .to_owned();
        Ok(Checkpoint {
            origin,
            size,
            root,
            signature,
        })
    }

    /// Whether the signature is valid for `public_key` (hex, 32 bytes).
    pub fn verify_signature(&self, public_key: &str) -> bool {
        let key = hex::decode(public_key)
            .ok()
            .and_then(|b| <[u8; 32]>::try_from(b).ok())
            .and_then(|b| VerifyingKey::from_bytes(&b).ok());
        let sig = hex::decode(&self.signature)
            .ok()
            .and_then(|b| <[u8; 64]>::try_from(b).ok())
            .map(|b| Signature::from_bytes(&b));
        match (key, sig) {
            (Some(k), Some(s)) => k.verify(self.body().as_bytes(), &s).is_ok(),
            _ => false,
        }
    }
}

impl fmt::Display for Checkpoint {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}\n— {} {}\n", self.body(), self.origin, self.signature)
    }
}

/// Reads the stored hashes of one tree level in index order.
struct LevelReader {
    reader: Option<BufReader<File>>,
}

impl LevelReader {
    fn at<'a>(levels: &'a mut Vec<LevelReader>, dir: &Path, level: u32) -> &'a mut LevelReader {
        while levels.len() <= level as usize {
            let path = level_path(dir, levels.len() as u32);
            levels.push(LevelReader {
                reader: File::open(path)
                    .ok()
                    .map(|f| BufReader::with_capacity(64 * 1024, f)),
            });
        }
        &mut levels[level as usize]
    }

    /// The next stored hash of this level, if there is one.
    fn next(&mut self) -> Option<Hash> {
        let mut hash = [0u8; 32];
        self.reader.as_mut()?.read_exact(&mut hash).ok()?;
        Some(hash)
    }
}

/// Keeps the first problem found.
fn note(i: u64, what: String, first: &mut Option<(u64, String)>) {
    if first.is_none() {
        *first = Some((i, what));
    }
}

/// What [`Vault::verify_log`] found.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct LogVerification {
    /// Events read.
    pub size: u64,
    /// Root recomputed from the events, hex.
    pub root: String,
    /// The first index where the log is not what it should be, if any.
    pub first_bad_index: Option<u64>,
    /// What is wrong, in English; `None` when the log verifies.
    pub problem: Option<String>,
}

impl LogVerification {
    /// True when nothing is wrong.
    pub fn is_ok(&self) -> bool {
        self.problem.is_none()
    }
}

impl Vault {
    /// Signs a checkpoint of the log as it is now. Admins only (the log key is wrapped to
    /// them and to the recovery key).
    pub fn checkpoint(&self, session: &crate::Session) -> Result<Checkpoint> {
        self.audited(session.actor(), "log.checkpoint", vec![], |_| {
            let key = self.log_signing_key(session)?;
            let state = self.log_state();
            let root = frontier_root(state.size, &state.frontier);
            Ok(Checkpoint::sign(
                &self.inner.toml.log_origin,
                state.size,
                &root,
                &key,
            ))
        })
    }

    /// The log's public key (hex), from `vault.toml`.
    pub fn log_public_key(&self) -> &str {
        &self.inner.toml.log_public_key
    }

    /// Recomputes every leaf and stored hash from the events and reports the first index
    /// that differs; with `kept`, a checkpoint kept outside the vault, also checks that the
    /// log still extends it. Reads ids only: no password needed.
    pub fn verify_log(&self, kept: Option<&Checkpoint>) -> Result<LogVerification> {
        // The size and root the running vault holds in memory, read once.
        let (expected, live_root) = {
            let state = self.log_state();
            (state.size, frontier_root(state.size, &state.frontier))
        };
        let dir = self.log_dir();
        let mut offsets = BufReader::new(
            File::open(dir.join("offsets.bin"))
                .map_err(|_| Error::damaged("the access log's offsets file"))?,
        );
        let mut size = 0u64;
        let mut position = 0u64;
        let mut frontier: Vec<Hash> = Vec::new();
        let mut first_bad: Option<(u64, String)> = None;
        let mut kept_root = None;
        // Every file is read once, in order: events, offsets, and each level's hashes.
        let mut levels: Vec<LevelReader> = Vec::new();
        for (i, bytes) in EventReader::open(&dir, expected)? {
            let mut offset = [0u8; 8];
            if offsets.read_exact(&mut offset).is_err() || u64::from_be_bytes(offset) != position {
                note(
                    i,
                    format!("event {i} is not where the log's index says"),
                    &mut first_bad,
                );
            }
            position += 4 + bytes.len() as u64;
            match Event::decode(&bytes) {
                Ok(e) if e.seq == i => {}
                Ok(e) => note(
                    i,
                    format!("event {i} says it is event {}", e.seq),
                    &mut first_bad,
                ),
                Err(_) => note(i, format!("event {i} is not a valid event"), &mut first_bad),
            }
            push_leaf(i, &mut frontier, &bytes, |level, index, hash| {
                if LevelReader::at(&mut levels, &dir, level).next().as_ref() != Some(hash) {
                    let start = index << level;
                    let what = if level == 0 {
                        format!("event {i} does not match its recorded hash")
                    } else {
                        format!("the hashes over events {start} to {i} were altered")
                    };
                    note(start, what, &mut first_bad);
                }
            });
            size += 1;
            if kept.is_some_and(|k| k.size == size) {
                kept_root = Some(frontier_root(size, &frontier));
            }
            if first_bad.is_some() {
                break;
            }
        }
        if first_bad.is_none() && size != expected {
            note(
                size,
                format!("event {size} is missing or torn"),
                &mut first_bad,
            );
        }
        let root = frontier_root(size, &frontier);
        if first_bad.is_none() && root != live_root {
            note(
                0,
                "the files no longer match the log this vault holds in memory: rewritten while open".into(),
                &mut first_bad,
            );
        }
        if let (None, Some(k)) = (&first_bad, kept) {
            if !k.verify_signature(self.log_public_key()) {
                first_bad = Some((
                    0,
                    "the kept checkpoint's signature is not valid for this vault".into(),
                ));
            } else if k.size > size {
                first_bad = Some((size, format!("the log has {size} events but the checkpoint {}: events from {size} on were removed", k.size)));
            } else if k.size == 0 {
                // Every log extends the empty one.
            } else if kept_root.map(hex::encode).as_deref() != Some(k.root.as_str()) {
                first_bad = Some((
                    0,
                    format!(
                        "events before {} were rewritten (hashes recomputed): the log does not extend the checkpoint",
                        k.size
                    ),
                ));
            }
        }
        let (first_bad_index, problem) = match first_bad {
            Some((i, p)) => (Some(i), Some(p)),
            None => (None, None),
        };
        Ok(LogVerification {
            size,
            root: hex::encode(root),
            first_bad_index,
            problem,
        })
    }
}
