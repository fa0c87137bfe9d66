//! What leaves the vault: a copy without hidden metadata by default, the original when a
//! volunteer asks for it. The originals, and their BLAKE3, never change.
//!
//! The parsers of `vault-meta` need a whole file in memory. Files up to their format's
//! cap (32 MiB, PDFs 16 MiB) are read in whole, and every such operation (an intake's
//! inspection, a cleaned download until its last byte is sent) first reserves what it
//! will hold from one budget of [`BUDGET`] bytes, so that the memory they take stays
//! bounded whatever the number of downloads; a larger file is sent as it is, as the
//! volunteer was told.

use std::io::{self, Cursor, Read};
use std::sync::{Condvar, Mutex, PoisonError};
use std::time::Duration;

use bytes::Bytes;
use serde::{Deserialize, Serialize};
pub use vault_meta::{Block, Findings, Format, Mark, Reveals, Uncleanable};

use crate::documents::DocumentReader;
use crate::error::{Error, Result};

use crate::model::DocumentMeta;

/// The memory that files held for inspection or cleaning may take together: 64 MiB.
pub const BUDGET: u64 = 64 * 1024 * 1024;

/// How long an operation waits for its share of the budget before it gives up (the
/// caller says "try again").
const WAIT: Duration = Duration::from_secs(60);

/// Which form of its documents a share link gives.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Form {
    /// Copies without hidden metadata (the default).
    #[default]
    Cleaned,
    /// The originals, bit for bit, as a volunteer asked.
    Original,
}

impl Form {
    /// Its name in the log's targets (`copy:cleaned`, `copy:original`).
    pub fn as_str(self) -> &'static str {
        match self {
            Form::Cleaned => "cleaned",
            Form::Original => "original",
        }
    }
}

/// What leaves for one document of a share: recorded when the share is made, shown to the
/// volunteer, and given again at every download.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case", tag = "copy")]
pub enum Sent {
    /// A cleaned copy, without these blocks (none: the file carried none).
    Cleaned {
        /// The blocks taken out.
        removed: Vec<Block>,
    },
    /// The original, because no cleaned copy can be made.
    AsIs {
        /// Why no cleaned copy.
        why: Uncleanable,
    },
    /// The original, because the volunteer asked for originals.
    Original,
}

impl Sent {
    /// Its name in the log's targets (`copy:cleaned`, `copy:as-is`, `copy:original`).
    pub fn as_str(&self) -> &'static str {
        match self {
            Sent::Cleaned { .. } => "cleaned",
            Sent::AsIs { .. } => "as-is",
            Sent::Original => "original",
        }
    }
}

/// What the vault read in a document's metadata when it came in.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Inspection {
    /// What its metadata reveals; empty when it was too large to read.
    pub findings: Findings,
    /// Larger than its format's cap: neither read nor cleanable.
    pub too_large: bool,
}

impl Inspection {
    /// Whether a share's cleaned copy of it would in fact be the original (the volunteer
    /// is told before sharing).
    pub fn sent_as_is(&self) -> Option<Uncleanable> {
        if self.findings.format.is_some_and(|f| !f.cleanable()) {
            return Some(Uncleanable::Format);
        }
        if self.too_large {
            return Some(Uncleanable::TooLarge);
        }
        match self.findings.format {
            Some(f) if f.cleanable() && !self.findings.damaged => None,
            Some(f) if f.cleanable() => Some(Uncleanable::Damaged),
            _ => Some(Uncleanable::Format),
        }
    }
}

/// A semaphore counting bytes: std has none, and a whole async runtime is not wanted in
/// vault-core.
struct Gate {
    free: Mutex<u64>,
    freed: Condvar,
}

static GATE: Gate = Gate {
    free: Mutex::new(BUDGET),
    freed: Condvar::new(),
};

/// Bytes of the budget held while a file is in memory; given back when dropped.
pub(crate) struct Permit(u64);

impl Permit {
    fn take(bytes: u64) -> Result<Permit> {
        // More than the whole budget (never, with the caps) waits for all of it.
        let bytes = bytes.min(BUDGET);
        let free = GATE.free.lock().unwrap_or_else(PoisonError::into_inner);
        let (mut free, timeout) = GATE
            .freed
            .wait_timeout_while(free, WAIT, |free| *free < bytes)
            .unwrap_or_else(PoisonError::into_inner);
        if timeout.timed_out() && *free < bytes {
            return Err(Error::Busy);
        }
        *free -= bytes;
        Ok(Permit(bytes))
    }
}

impl Drop for Permit {
    fn drop(&mut self) {
        *GATE.free.lock().unwrap_or_else(PoisonError::into_inner) += self.0;
        GATE.freed.notify_all();
    }
}

/// How much of a file tells its format.
const HEAD: usize = 4096;

/// The first bytes of a document, and whether they are of a format `vault-meta` knows.
fn head(reader: &mut DocumentReader) -> Result<(Vec<u8>, Option<Format>)> {
    let mut head = Vec::with_capacity(HEAD);
    reader.by_ref().take(HEAD as u64).read_to_end(&mut head)?;
    let format = Format::sniff(&head);
    Ok((head, format))
}

/// The rest of a document after its `head` (at most its format's cap in all), in an
/// anonymous memory map of its recorded size: unmapped, and so given back to the system,
/// as soon as the last copy sharing it is dropped. (Through the allocator, buffers this
/// large stayed in its arenas after use: the server's memory grew to half as much again
/// as the budget with four downloads at once.) The reader checks the BLAKE3 at the end.
fn read_rest(head: Vec<u8>, mut reader: DocumentReader, meta: &DocumentMeta) -> Result<Bytes> {
    let size = meta.size as usize;
    if size == 0 || head.len() >= size {
        // Small enough to have come whole with the head; read on to the checked end.
        let mut all = head;
        reader.read_to_end(&mut all)?;
        return Ok(Bytes::from(all));
    }
    let mut map = memmap2::MmapMut::map_anon(size)?;
    map[..head.len()].copy_from_slice(&head);
    reader.read_exact(&mut map[head.len()..])?;
    // At the end the reader checks the size and BLAKE3 recorded at intake.
    let mut end = [0u8; 1];
    if reader.read(&mut end)? != 0 {
        return Err(Error::DocumentDamaged(
            crate::DocumentFault::LongerThanRecorded,
        ));
    }
    Ok(Bytes::from_owner(map.make_read_only()?))
}

/// Inspects a document just stored.
pub(crate) fn inspect(reader: DocumentReader, meta: &DocumentMeta) -> Result<Inspection> {
    let mut reader = reader;
    let (head, format) = head(&mut reader)?;
    let Some(format) = format else {
        return Ok(Inspection::default());
    };
    if meta.size > format.max_bytes() {
        return Ok(Inspection {
            findings: Findings {
                format: Some(format),
                ..Findings::default()
            },
            too_large: true,
        });
    }
    let _permit = Permit::take(format.memory_cost(meta.size))?;
    let bytes = read_rest(head, reader, meta)?;
    Ok(Inspection {
        findings: vault_meta::inspect(&bytes),
        too_large: false,
    })
}

/// A document as it leaves: a stream of the original, or a cleaned copy in memory (with
/// its turn, given back when it has been read and dropped).
pub struct Outgoing {
    inner: OutgoingInner,
    /// What it is, as the share records it.
    pub copy: Sent,
}

enum OutgoingInner {
    Original(Box<dyn Read + Send>),
    /// A copy held in memory, its length, and the budget it holds until dropped.
    InMemory(Box<dyn Read + Send>, u64, #[allow(dead_code)] Permit),
}

impl Outgoing {
    /// Its length in bytes.
    pub fn len(&self, meta: &DocumentMeta) -> u64 {
        match &self.inner {
            OutgoingInner::Original(_) => meta.size,
            OutgoingInner::InMemory(_, len, _) => *len,
        }
    }
}

impl Read for Outgoing {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        match &mut self.inner {
            OutgoingInner::Original(r) => r.read(buf),
            OutgoingInner::InMemory(r, ..) => r.read(buf),
        }
    }
}

/// The form of a document that leaves in `form`: the original stream, or a cleaned copy
/// (the original, in memory, when none can be made).
pub(crate) fn outgoing(
    reader: DocumentReader,
    meta: &DocumentMeta,
    form: Form,
) -> Result<Outgoing> {
    let original = |reader: Box<dyn Read + Send>, copy: Sent| Outgoing {
        inner: OutgoingInner::Original(reader),
        copy,
    };
    if form == Form::Original {
        return Ok(original(Box::new(reader), Sent::Original));
    }
    let mut reader = reader;
    let (head, format) = head(&mut reader)?;
    // Streamed as it is, nothing of it held: a format that cannot be cleaned, or too large.
    let as_is = |why, head: Vec<u8>, reader: DocumentReader| {
        original(
            Box::new(Cursor::new(head).chain(reader)),
            Sent::AsIs { why },
        )
    };
    let format = match format {
        Some(f) if f.cleanable() => f,
        _ => return Ok(as_is(Uncleanable::Format, head, reader)),
    };
    if meta.size > format.max_bytes() {
        return Ok(as_is(Uncleanable::TooLarge, head, reader));
    }
    let permit = Permit::take(format.memory_cost(meta.size))?;
    let bytes = read_rest(head, reader, meta)?;
    let (reader, len, copy): (Box<dyn Read + Send>, u64, Sent) =
        match vault_meta::clean(bytes.clone()) {
            Ok(cleaned) => {
                let removed = cleaned.removed;
                (cleaned.reader, cleaned.len, Sent::Cleaned { removed })
            }
            Err(why) => {
                let len = bytes.len() as u64;
                (Box::new(Cursor::new(bytes)), len, Sent::AsIs { why })
            }
        };
    Ok(Outgoing {
        inner: OutgoingInner::InMemory(reader, len, permit),
        copy,
    })
}

/// A document of a ZIP download: made into its outgoing form only when the archive comes
/// to it, so that one at a time is held in memory.
pub(crate) struct LazyOutgoing {
    state: Lazy,
}

enum Lazy {
    Pending(Box<(DocumentReader, DocumentMeta, Form)>),
    Ready(Outgoing),
    Failed,
}

impl LazyOutgoing {
    pub(crate) fn new(reader: DocumentReader, meta: DocumentMeta, form: Form) -> LazyOutgoing {
        LazyOutgoing {
            state: Lazy::Pending(Box::new((reader, meta, form))),
        }
    }
}

impl Read for LazyOutgoing {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        if let Lazy::Pending(_) = self.state {
            let Lazy::Pending(pending) = std::mem::replace(&mut self.state, Lazy::Failed) else {
                unreachable!("checked above");
            };
            let (reader, meta, form) = *pending;
            self.state = Lazy::Ready(outgoing(reader, &meta, form).map_err(io::Error::other)?);
        }
        match &mut self.state {
            Lazy::Ready(out) => out.read(buf),
            Lazy::Failed => Err(io::Error::other(Error::Busy)),
            Lazy::Pending(_) => unreachable!("made ready above"),
        }
    }
}
