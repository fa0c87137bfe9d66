//! Checkpoints (signed tree heads) and full verification of the log.

use crate::log::action::Action;
use std::fmt;

use ed25519_dalek::{Signature, Signer, SigningKey, Verifier, VerifyingKey};
use serde::Serialize;

use crate::error::{Error, Result};
use crate::log::merkle::Hash;
use std::fs::File;
use std::io::{BufReader, Read};
use std::path::Path;

use crate::config::VaultToml;
use crate::log::recover::{LogNotice, RecordScan, Scanned};
use crate::log::store::{frontier_root, level_path, push_leaf};
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
        let bad = || Error::Invalid(crate::Problem::NotACheckpoint);
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
        let parsed = Checkpoint {
            origin,
            size,
            root,
            signature,
        };
        // Exactly the documented grammar: LF line ends, lower-case hex, a decimal size
        // without sign or leading zero, nothing after the signature line. Written back,
        // the checkpoint must be the text it was read from.
        if parsed.to_string() != text
            || parsed.origin.is_empty()
            || !is_lower_hex(&parsed.root)
            || !is_lower_hex(&parsed.signature)
        {
            return Err(bad());
        }
        Ok(parsed)
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

fn is_lower_hex(s: &str) -> bool {
    s.bytes()
        .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
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

/// What is wrong with a log, found by [`verify_log_at`] (the words are vault-words').
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
#[non_exhaustive]
pub enum LogProblem {
    /// The index counts this event as written, but its bytes are missing or torn.
    IndexedEventMissing {
        /// The event.
        event: u64,
    },
    /// The event's record is not a valid event.
    InvalidEvent {
        /// The event.
        event: u64,
    },
    /// The event is not where the index says.
    EventMisplaced {
        /// The event.
        event: u64,
    },
    /// The event does not hash to the leaf hash recorded for it.
    EventAltered {
        /// The event.
        event: u64,
    },
    /// An inner hash over a range of events was altered.
    HashesAltered {
        /// The first event of the range.
        from: u64,
        /// The last event of the range.
        to: u64,
    },
    /// Fewer events on disk than the open vault holds.
    EventMissing {
        /// The first missing event.
        event: u64,
    },
    /// The files were rewritten while the vault was open.
    RewrittenWhileOpen,
    /// The kept checkpoint names another log.
    OtherLog {
        /// The checkpoint's origin.
        theirs: String,
        /// This log's origin.
        ours: String,
    },
    /// The kept checkpoint's signature is not valid for this log's key.
    BadSignature,
    /// The log is shorter than the kept checkpoint: events were removed.
    EventsRemoved {
        /// Events in the log.
        size: u64,
        /// Events in the checkpoint.
        checkpoint: u64,
    },
    /// The events before the checkpoint's size were rewritten.
    HistoryRewritten {
        /// Events in the checkpoint.
        checkpoint: u64,
    },
}

/// Keeps the first problem found.
fn note(i: u64, what: LogProblem, first: &mut Option<(u64, LogProblem)>) {
    if first.is_none() {
        *first = Some((i, what));
    }
}

/// What [`Vault::verify_log`] and [`verify_log_at`] found.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct LogVerification {
    /// Events read.
    pub size: u64,
    /// Root recomputed from the events, hex.
    pub root: String,
    /// The first index where the log is not what it should be, if any (`None` for a
    /// problem of the checkpoint itself: signature, origin).
    pub first_bad_index: Option<u64>,
    /// What is wrong; `None` when the log verifies.
    pub problem: Option<LogProblem>,
    /// What is not damage but should be known: a torn last record (a crash), indexes
    /// shorter than the events (rebuilt at the next opening for writing).
    pub notices: Vec<LogNotice>,
}

impl LogVerification {
    /// True when nothing is wrong.
    pub fn is_ok(&self) -> bool {
        self.problem.is_none()
    }
}

/// The key and origin an auditor checks a checkpoint against: their own copies, not
/// `vault.toml`'s, which whoever controls the host can rewrite. `None` takes the vault's.
#[derive(Clone, Debug, Default)]
pub struct LogPin {
    /// Ed25519 public key, 64 hex characters.
    pub public_key: Option<String>,
    /// The log's origin line.
    pub origin: Option<String>,
}

/// Verifies the log of the data directory `path` without changing anything: no file is
/// created, written, renamed or cut, also when the log has a torn tail (it is reported
/// in `notices`). Takes a shared lock, so it refuses while a process has the vault open.
pub fn verify_log_at(
    path: &Path,
    kept: Option<&Checkpoint>,
    pin: &LogPin,
) -> Result<LogVerification> {
    if !path.join("vault.toml").is_file() {
        return Err(Error::NotAVault {
            path: path.to_path_buf(),
        });
    }
    let _lock = crate::vault::lock_shared(path)?;
    let toml = VaultToml::read(&path.join("vault.toml"))?;
    let dir = path.join("log");
    verify_files(&dir, None, kept, &resolve(pin, &toml))
}

fn resolve(pin: &LogPin, toml: &VaultToml) -> (String, String) {
    (
        pin.public_key
            .clone()
            .unwrap_or_else(|| toml.log_public_key.clone()),
        pin.origin
            .clone()
            .unwrap_or_else(|| toml.log_origin.clone()),
    )
}

/// One sequential pass over the log's files: every record of `events.bin` decoded and
/// hashed, every index entry present compared with what the events give. `live` is what
/// a running vault holds in memory: size, bytes of `events.bin`, root.
fn verify_files(
    dir: &Path,
    live: Option<(u64, u64, Hash)>,
    kept: Option<&Checkpoint>,
    (public_key, origin): &(String, String),
) -> Result<LogVerification> {
    let events = File::open(dir.join("events.bin"))
        .map_err(|_| Error::damaged(crate::Damage::LogEventsFile))?;
    // A running vault's log is read up to what it held when asked: appends made meanwhile
    // are not part of this check.
    let len = live.map_or(events.metadata()?.len(), |l| l.1);
    let (mut offsets, indexed) = match File::open(dir.join("offsets.bin")) {
        Ok(f) => {
            let n = crate::log::recover::indexed_count(&f)?;
            let n = live.map_or(n, |l| n.min(l.0));
            (Some(BufReader::new(f)), n)
        }
        Err(_) => (None, 0),
    };
    let mut scan = RecordScan::new(events, len, 0, 0)?;
    let mut size = 0u64;
    let mut frontier: Vec<Hash> = Vec::new();
    let mut first_bad: Option<(u64, LogProblem)> = None;
    let mut notices = Vec::new();
    let mut kept_root = None;
    let mut short_levels = false;
    // Every file is read once, in order: events, offsets, and each level's hashes.
    let mut levels: Vec<LevelReader> = Vec::new();
    loop {
        let (at, bytes) = match scan.step() {
            Scanned::Record(at, bytes, _) => (at, bytes),
            Scanned::End => break,
            Scanned::Torn(_) if size < indexed => {
                note(
                    size,
                    LogProblem::IndexedEventMissing { event: size },
                    &mut first_bad,
                );
                break;
            }
            Scanned::Torn(at) => {
                notices.push(LogNotice::TornTail {
                    at,
                    bytes: len - at,
                    quarantine: None,
                });
                break;
            }
            Scanned::Damaged(seq) => {
                note(seq, LogProblem::InvalidEvent { event: seq }, &mut first_bad);
                break;
            }
        };
        let i = size;
        if i < indexed {
            let mut offset = [0u8; 8];
            let read = offsets.as_mut().map(|o| o.read_exact(&mut offset));
            if !matches!(read, Some(Ok(()))) || u64::from_be_bytes(offset) != at {
                note(i, LogProblem::EventMisplaced { event: i }, &mut first_bad);
            }
        }
        push_leaf(
            i,
            &mut frontier,
            &bytes,
            |level, index, hash| match LevelReader::at(&mut levels, dir, level).next() {
                // Zeros are what a crash leaves in a file extended before its data.
                None => short_levels = true,
                Some(stored) if stored == [0; 32] => short_levels = true,
                Some(stored) if stored == *hash => {}
                Some(_) => {
                    let start = index << level;
                    let what = if level == 0 {
                        LogProblem::EventAltered { event: i }
                    } else {
                        LogProblem::HashesAltered { from: start, to: i }
                    };
                    note(start, what, &mut first_bad);
                }
            },
        );
        size += 1;
        if kept.is_some_and(|k| k.size == size) {
            kept_root = Some(frontier_root(size, &frontier));
        }
        if first_bad.is_some() {
            break;
        }
    }
    if first_bad.is_none() && size < indexed {
        note(
            size,
            LogProblem::IndexedEventMissing { event: size },
            &mut first_bad,
        );
    }
    if first_bad.is_none() && size > indexed {
        notices.push(LogNotice::IndexRebuilt {
            file: "offsets.bin".into(),
            covered: indexed,
            size,
            rebuilt: false,
        });
    }
    if first_bad.is_none() && short_levels {
        notices.push(LogNotice::IndexRebuilt {
            file: "level-NN.bin".into(),
            covered: crate::log::recover::levels_cover(dir, size),
            size,
            rebuilt: false,
        });
    }
    let root = frontier_root(size, &frontier);
    if let (None, Some((live_size, _, live_root))) = (&first_bad, live) {
        if size < live_size {
            note(
                size,
                LogProblem::EventMissing { event: size },
                &mut first_bad,
            );
        } else if size != live_size || root != live_root {
            note(0, LogProblem::RewrittenWhileOpen, &mut first_bad);
        }
    }
    let mut kept_problem = None;
    if let (None, Some(k)) = (&first_bad, kept) {
        if k.origin != *origin {
            kept_problem = Some(LogProblem::OtherLog {
                theirs: k.origin.clone(),
                ours: origin.to_string(),
            });
        } else if !k.verify_signature(public_key) {
            kept_problem = Some(LogProblem::BadSignature);
        } else if k.size > size {
            first_bad = Some((
                size,
                LogProblem::EventsRemoved {
                    size,
                    checkpoint: k.size,
                },
            ));
        } else if k.size == 0 {
            // Every log extends the empty one.
        } else if kept_root.map(hex::encode).as_deref() != Some(k.root.as_str()) {
            first_bad = Some((0, LogProblem::HistoryRewritten { checkpoint: k.size }));
        }
    }
    let (first_bad_index, problem) = match (first_bad, kept_problem) {
        (Some((i, p)), _) => (Some(i), Some(p)),
        (None, p) => (None, p),
    };
    Ok(LogVerification {
        size,
        root: hex::encode(root),
        first_bad_index,
        problem,
        notices,
    })
}

impl Vault {
    /// Signs a checkpoint of the log as it is now. Admins only (the log key is wrapped to
    /// them and to the recovery key).
    pub fn checkpoint(&self, session: &crate::Session) -> Result<Checkpoint> {
        self.audited(session.actor(), Action::LogCheckpoint, vec![], |_| {
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

    /// The log's origin, from `vault.toml`.
    pub fn log_origin(&self) -> &str {
        &self.inner.toml.log_origin
    }

    /// What opening the log found and repaired (a torn tail set aside, indexes rebuilt).
    pub fn log_notices(&self) -> Vec<LogNotice> {
        self.log_state().notices.clone()
    }

    /// Recomputes every leaf and stored hash from the events and reports the first index
    /// that differs; with `kept`, a checkpoint kept outside the vault, also checks that the
    /// log still extends it. Reads ids only: no password needed.
    pub fn verify_log(&self, kept: Option<&Checkpoint>) -> Result<LogVerification> {
        self.verify_log_pinned(kept, &LogPin::default())
    }

    /// [`Vault::verify_log`] against an auditor's own copy of the key and origin.
    pub fn verify_log_pinned(
        &self,
        kept: Option<&Checkpoint>,
        pin: &LogPin,
    ) -> Result<LogVerification> {
        // The size and root the running vault holds in memory, read once.
        let live = {
            let state = self.log_state();
            (
                state.size,
                state.files.events_len(),
                frontier_root(state.size, &state.frontier),
            )
        };
        verify_files(
            &self.log_dir(),
            Some(live),
            kept,
            &resolve(pin, &self.inner.toml),
        )
    }
}
