//! Opening the log after whatever happened to it: `events.bin` is the truth.
//!
//! `offsets.bin` and the level files are indexes: where they are short or missing (lost
//! pages, a crash between two fsyncs, a file deleted) they are rebuilt from the records.
//! Only a torn *last* record may be set aside (a crash in the middle of an append): its
//! bytes are moved to a quarantine file under `log/`, never deleted, and a notice names
//! it. Anything else (an indexed record cut short, a record that does not decode followed
//! by more bytes) is damage: opening fails with the first bad index, and nothing is
//! changed.

use std::fs::{File, OpenOptions};
use std::io::{BufReader, Read, Seek, SeekFrom, Write};
use std::os::unix::fs::FileExt;
use std::path::{Path, PathBuf};

use serde::Serialize;

use crate::blob_fs::sync_dir;
use crate::error::{Error, Result};
use crate::log::event::{Event, EVENT_VERSION};
use crate::log::merkle::Hash;
use crate::log::store::{level_path, push_leaf, MAX_RECORD};

/// Something found about the log's files that is not damage, but that an operator or an
/// auditor should know.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
#[non_exhaustive]
pub enum LogNotice {
    /// The last record of `events.bin` is incomplete (a crash during an append): its bytes
    /// were moved to `quarantine` (when the log was opened for writing) and are not part
    /// of the log.
    TornTail {
        /// Where the torn record starts in `events.bin`.
        at: u64,
        /// How many bytes it has.
        bytes: u64,
        /// The file under `log/` that now holds them; `None` when only verified.
        quarantine: Option<PathBuf>,
    },
    /// An index file (`offsets.bin`, `level-NN.bin`) covers fewer events than
    /// `events.bin` holds; it was rebuilt from the events (or would be, at the next
    /// opening for writing).
    IndexRebuilt {
        /// The file's name.
        file: String,
        /// Events it covered.
        covered: u64,
        /// Events in the log.
        size: u64,
        /// Whether the missing entries were written (`false`: only verified).
        rebuilt: bool,
    },
}

/// A damage report: the first index that is not what it should be.
pub(crate) fn damaged_at(event: u64, fault: crate::LogFault) -> Error {
    Error::damaged(crate::Damage::LogRecord { event, fault })
}

/// The records of `events.bin` past a point, read in order with bounded memory.
pub(crate) struct RecordScan {
    reader: BufReader<File>,
    pos: u64,
    len: u64,
    seq: u64,
}

/// One step of a [`RecordScan`].
pub(crate) enum Scanned {
    /// A whole record that decodes as event `seq`: (offset, bytes, the event).
    Record(u64, Vec<u8>, Event),
    /// The rest of the file, from this offset, is a torn record.
    Torn(u64),
    /// The record at this offset, event `seq`, is damaged (more bytes follow it).
    Damaged(u64),
    /// The end of the file.
    End,
}

impl RecordScan {
    /// Scans `events.bin` (opened as `file`, `len` bytes) from `pos`, where event `seq`
    /// starts.
    pub(crate) fn new(mut file: File, len: u64, pos: u64, seq: u64) -> Result<RecordScan> {
        file.seek(SeekFrom::Start(pos))?;
        Ok(RecordScan {
            reader: BufReader::with_capacity(256 * 1024, file),
            pos,
            len,
            seq,
        })
    }

    /// The number of the next event.
    pub(crate) fn seq(&self) -> u64 {
        self.seq
    }

    /// Whether every byte from here to the end is zero (a file extended by a crash
    /// before its data reached the disk).
    fn rest_is_zeros(&mut self, already: &[u8]) -> bool {
        if already.iter().any(|b| *b != 0) {
            return false;
        }
        let mut buf = [0u8; 64 * 1024];
        let mut left = self.len - self.pos - already.len() as u64;
        while left > 0 {
            let n = left.min(buf.len() as u64) as usize;
            if self.reader.read_exact(&mut buf[..n]).is_err() || buf[..n].iter().any(|b| *b != 0) {
                return false;
            }
            left -= n as u64;
        }
        true
    }

    /// Whether a whole record of event `seq + 1` or later starts somewhere in
    /// `[from, len)`: searched for its version byte and sequence number, in pieces.
    fn later_record(&self, from: u64) -> Result<bool> {
        let file = self.reader.get_ref();
        let next = self.seq + 1;
        // Records of later events start with 0x01 and the 6 high bytes of their number
        // (the same for the next 65,536 events).
        let mut prefix = vec![EVENT_VERSION];
        prefix.extend_from_slice(&next.to_be_bytes()[..6]);
        let mut buf = vec![0u8; 1 << 20];
        let mut pos = from;
        while pos < self.len {
            let n = ((self.len - pos) as usize).min(buf.len());
            file.read_exact_at(&mut buf[..n], pos)?;
            for i in memchr_all(&buf[..n], &prefix) {
                let start = pos + i as u64;
                if start < 4 {
                    continue;
                }
                let mut l = [0u8; 4];
                file.read_exact_at(&mut l, start - 4)?;
                let l = u64::from(u32::from_be_bytes(l));
                if l > MAX_RECORD || start + l > self.len {
                    continue;
                }
                let mut bytes = vec![0u8; l as usize];
                file.read_exact_at(&mut bytes, start)?;
                if Event::decode(&bytes).is_ok_and(|e| e.seq >= next) {
                    return Ok(true);
                }
            }
            if pos + n as u64 >= self.len {
                break;
            }
            // Overlap by the prefix's length, so no match is cut in two.
            pos += (n - prefix.len()) as u64;
        }
        Ok(false)
    }

    pub(crate) fn step(&mut self) -> Scanned {
        let at = self.pos;
        let remaining = self.len - at;
        if remaining == 0 {
            return Scanned::End;
        }
        let mut len = [0u8; 4];
        if remaining < 4 || self.reader.read_exact(&mut len).is_err() {
            return Scanned::Torn(at);
        }
        let n = u64::from(u32::from_be_bytes(len));
        if n > MAX_RECORD {
            return if self.rest_is_zeros(&len) {
                Scanned::Torn(at)
            } else {
                Scanned::Damaged(self.seq)
            };
        }
        if 4 + n > remaining {
            // Declared longer than what is there: the last record, torn; unless a later
            // event follows in those bytes (then this length was altered, not torn).
            return match self.later_record(at + 4) {
                Ok(false) => Scanned::Torn(at),
                _ => Scanned::Damaged(self.seq),
            };
        }
        let mut bytes = vec![0u8; n as usize];
        if self.reader.read_exact(&mut bytes).is_err() {
            return Scanned::Torn(at);
        }
        match Event::decode(&bytes) {
            Ok(e) if e.seq == self.seq => {
                self.pos = at + 4 + n;
                self.seq += 1;
                Scanned::Record(at, bytes, e)
            }
            _ => {
                // Zeros to the end are what a torn append leaves on some filesystems;
                // anything else is not a crash's leftover.
                let mut seen = len.to_vec();
                seen.extend_from_slice(&bytes);
                if self.rest_is_zeros(&seen) {
                    Scanned::Torn(at)
                } else {
                    Scanned::Damaged(self.seq)
                }
            }
        }
    }
}

/// Every position of `needle` in `hay`.
fn memchr_all<'a>(hay: &'a [u8], needle: &'a [u8]) -> impl Iterator<Item = usize> + 'a {
    hay.windows(needle.len())
        .enumerate()
        .filter(move |(_, w)| *w == needle)
        .map(|(i, _)| i)
}

/// How many entries `offsets.bin` holds: whole 8-byte entries, without trailing zero
/// entries past the first (offsets grow, so only a crash that extended the file before
/// its data reached the disk leaves them: they are missing, not wrong).
pub(crate) fn indexed_count(offsets: &File) -> Result<u64> {
    let mut n = offsets.metadata()?.len() / 8;
    while n > 1 && read_offset(offsets, n - 1) == Some(0) {
        n -= 1;
    }
    Ok(n)
}

/// Hashes a level file holds, without trailing all-zero entries (what a crash that
/// extended the file before its data reached the disk leaves).
fn level_count(path: &Path) -> u64 {
    let Ok(file) = File::open(path) else {
        return 0;
    };
    let mut n = file.metadata().map_or(0, |m| m.len() / 32);
    let mut hash = [0u8; 32];
    while n > 0 && file.read_exact_at(&mut hash, (n - 1) * 32).is_ok() && hash == [0; 32] {
        n -= 1;
    }
    n
}

/// Reads offset `seq` of `offsets.bin`.
pub(crate) fn read_offset(offsets: &File, seq: u64) -> Option<u64> {
    let mut b = [0u8; 8];
    offsets.read_exact_at(&mut b, seq * 8).ok()?;
    Some(u64::from_be_bytes(b))
}

/// Where the record that `offsets.bin` places at `at` ends, if it is whole in a file of
/// `len` bytes.
fn record_end(events: &File, at: u64, len: u64) -> Option<u64> {
    let mut b = [0u8; 4];
    if at.checked_add(4)? > len {
        return None;
    }
    events.read_exact_at(&mut b, at).ok()?;
    let end = at + 4 + u64::from(u32::from_be_bytes(b));
    (end <= len).then_some(end)
}

/// Checks the last entries of `offsets.bin` against `events.bin`: returns where the
/// indexed records end. Records are made durable before their offsets, so an offset that
/// points past the end, or a last record cut short, is damage (never a crash's state).
pub(crate) fn indexed_end(events: &File, offsets: &File, indexed: u64, len: u64) -> Result<u64> {
    if indexed == 0 {
        return Ok(0);
    }
    let whole = |seq: u64| read_offset(offsets, seq).and_then(|at| record_end(events, at, len));
    if let Some(end) = whole(indexed - 1) {
        let chained = match indexed - 1 {
            0 => read_offset(offsets, 0) == Some(0),
            prev => whole(prev - 1) == read_offset(offsets, indexed - 1),
        };
        if chained {
            return Ok(end);
        }
        return Err(damaged_at(indexed - 1, crate::LogFault::Misplaced));
    }
    // The first indexed record that is not whole (offsets grow with the index).
    let mut first = indexed - 1;
    while first > 0 && whole(first - 1).is_none() {
        first -= 1;
    }
    Err(damaged_at(first, crate::LogFault::BytesMissing))
}

/// The largest size `n <= size` whose complete subtrees the level files all hold.
pub(crate) fn levels_cover(dir: &Path, size: u64) -> u64 {
    let mut n = size;
    for level in 0..64u32 {
        if (size >> level) == 0 {
            break;
        }
        let have = level_count(&level_path(dir, level));
        // Level `level` covers sizes below (have + 1) << level.
        let limit = (have.saturating_add(1))
            .checked_shl(level)
            .map_or(u64::MAX, |v| v.saturating_sub(1));
        n = n.min(limit);
    }
    n
}

/// Recomputes the hashes of events `[from, ..)` as the scan yields them, writing every
/// hash it completes with `store`; returns the frontier at the end. `frontier` is the
/// right edge of the tree of `from` events.
pub(crate) fn rehash(
    scan: &mut RecordScan,
    until: u64,
    mut frontier: Vec<Hash>,
    mut store: impl FnMut(u32, u64, &Hash) -> Result<()>,
) -> Result<Vec<Hash>> {
    while scan.seq() < until {
        match scan.step() {
            Scanned::Record(_, bytes, _) => {
                let seq = scan.seq() - 1;
                let mut failed = Ok(());
                push_leaf(seq, &mut frontier, &bytes, |l, i, h| {
                    if failed.is_ok() {
                        failed = store(l, i, h);
                    }
                });
                failed?;
            }
            Scanned::End | Scanned::Torn(_) | Scanned::Damaged(_) => {
                return Err(damaged_at(scan.seq(), crate::LogFault::Invalid))
            }
        }
    }
    Ok(frontier)
}

/// Moves the torn bytes `[at, len)` of `events.bin` to a new quarantine file under `dir`
/// (made durable first), then cuts them off `events.bin`.
pub(crate) fn quarantine(dir: &Path, events: &File, at: u64, len: u64) -> Result<PathBuf> {
    let time = crate::ids::now();
    let mut path;
    let mut n = 0u32;
    loop {
        path = dir.join(format!("quarantine-{time}-{at}-{n}.bin"));
        match OpenOptions::new().write(true).create_new(true).open(&path) {
            Ok(mut f) => {
                // Streamed: a torn append can be large.
                let mut from = events.try_clone()?;
                from.seek(SeekFrom::Start(at))?;
                std::io::copy(&mut from.take(len - at), &mut f)?;
                f.flush()?;
                f.sync_all()?;
                break;
            }
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists && n < 1000 => n += 1,
            Err(e) => return Err(e.into()),
        }
    }
    sync_dir(dir)?;
    events.set_len(at)?;
    events.sync_all()?;
    Ok(path)
}
