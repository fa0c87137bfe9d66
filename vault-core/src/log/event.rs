//! Access-log events and their canonical encoding (specified in docs/audit-log.md).
//!
//! ```text
//! u8      encoding version (1)
//! u64 BE  sequence number (the leaf index)
//! u64 BE  time, Unix seconds
//! str     actor: a user id (32 hex), "share:<id>", "upload:<id>", "system" or "anonymous"
//! str     action, e.g. "document.read"
//! u8      outcome: 0 ok, 1 denied, 2 failed
//! u16 BE number of targets, then each: str "<kind>:<id>"
//! u8      0: no client; 1: followed by 32 bytes of client pseudonym
//! ```
//! `str` is a u16 BE byte length and that many bytes of UTF-8. Nothing follows.

use std::fmt;

use serde::Serialize;

use crate::error::{Error, Result};

/// The version byte written today.
pub const EVENT_VERSION: u8 = 1;

/// How an operation ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Outcome {
    /// Done.
    Ok,
    /// Refused: role, membership, wrong password.
    Denied,
    /// Attempted and failed (damaged document, I/O error...).
    Failed,
    /// A change about to be applied, written before it (write-ahead). The same actor,
    /// action and targets follow with `ok` once it is applied, or `failed` when it could
    /// not be; a `begun` with neither means the process stopped in between.
    Begun,
}

impl Outcome {
    fn byte(self) -> u8 {
        match self {
            Outcome::Ok => 0,
            Outcome::Denied => 1,
            Outcome::Failed => 2,
            Outcome::Begun => 3,
        }
    }
}

/// One access-log entry. Ids only: never a name, a file name or a secret.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Event {
    /// Position in the log, from 0.
    pub seq: u64,
    /// Unix seconds.
    pub time: u64,
    /// Who: a user id, `share:<id>`, `upload:<id>`, `system` or `anonymous`.
    pub actor: String,
    /// What, e.g. `document.read`.
    pub action: String,
    /// How it ended.
    pub outcome: Outcome,
    /// What it touched: `case:<id>`, `document:<id>`, `user:<id>`, `team:<id>`.
    pub targets: Vec<String>,
    /// Keyed BLAKE3 of the client's address (key rotated daily), hex.
    pub client: Option<String>,
}

impl fmt::Display for Outcome {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Outcome::Ok => "ok",
            Outcome::Denied => "denied",
            Outcome::Failed => "failed",
            Outcome::Begun => "begun",
        })
    }
}

fn put_str(out: &mut Vec<u8>, s: &str) {
    // Fields are ids and action names, far below 64 KiB; longer text is cut at a char
    // boundary rather than mis-encoded.
    let mut end = s.len().min(u16::MAX as usize);
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    out.extend_from_slice(&(end as u16).to_be_bytes());
    out.extend_from_slice(&s.as_bytes()[..end]);
}

impl Event {
    /// The canonical bytes: the Merkle leaf.
    pub fn encode(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(128);
        out.push(EVENT_VERSION);
        out.extend_from_slice(&self.seq.to_be_bytes());
        out.extend_from_slice(&self.time.to_be_bytes());
        put_str(&mut out, &self.actor);
        put_str(&mut out, &self.action);
        out.push(self.outcome.byte());
        let count = self.targets.len().min(u16::MAX as usize);
        out.extend_from_slice(&(count as u16).to_be_bytes());
        for t in self.targets.iter().take(count) {
            put_str(&mut out, t);
        }
        match self.client.as_deref().and_then(|c| hex::decode(c).ok()) {
            Some(bytes) if bytes.len() == 32 => {
                out.push(1);
                out.extend_from_slice(&bytes);
            }
            _ => out.push(0),
        }
        out
    }

    /// Parses canonical bytes; anything else (trailing bytes included) is an error.
    pub fn decode(bytes: &[u8]) -> Result<Event> {
        let mut r = Reader(bytes);
        let bad = || Error::damaged(crate::Damage::LogEvent);
        if r.u8().ok_or_else(bad)? != EVENT_VERSION {
            return Err(bad());
        }
        let seq = r.u64().ok_or_else(bad)?;
        let time = r.u64().ok_or_else(bad)?;
        let actor = r.str().ok_or_else(bad)?;
        let action = r.str().ok_or_else(bad)?;
        let outcome = match r.u8().ok_or_else(bad)? {
            0 => Outcome::Ok,
            1 => Outcome::Denied,
            2 => Outcome::Failed,
            3 => Outcome::Begun,
            _ => return Err(bad()),
        };
        let count = r.u16().ok_or_else(bad)?;
        let targets = (0..count)
            .map(|_| r.str().ok_or_else(bad))
            .collect::<Result<Vec<_>>>()?;
        let client = match r.u8().ok_or_else(bad)? {
            0 => None,
            1 => Some(hex::encode(r.take(32).ok_or_else(bad)?)),
            _ => return Err(bad()),
        };
        if !r.0.is_empty() {
            return Err(bad());
        }
        Ok(Event {
            seq,
            time,
            actor,
            action,
            outcome,
            targets,
            client,
        })
    }
}

struct Reader<'a>(&'a [u8]);

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Option<&'a [u8]> {
        if self.0.len() < n {
            return None;
        }
        let (head, tail) = self.0.split_at(n);
        self.0 = tail;
        Some(head)
    }
    fn u8(&mut self) -> Option<u8> {
        self.take(1).map(|b| b[0])
    }
    fn u64(&mut self) -> Option<u64> {
        self.take(8)
            .map(|b| u64::from_be_bytes(b.try_into().unwrap_or([0; 8])))
    }
    fn u16(&mut self) -> Option<u16> {
        Some(u16::from_be_bytes(self.take(2)?.try_into().ok()?))
    }
    fn str(&mut self) -> Option<String> {
        let len = self.u16()? as usize;
        String::from_utf8(self.take(len)?.to_vec()).ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn the_encoding_is_the_documented_one() {
        let e = Event {
            seq: 1,
            time: 2,
            actor: "system".into(),
            action: "a".into(),
            outcome: Outcome::Denied,
            targets: vec!["case:x".into()],
            client: None,
        };
        let expected: Vec<u8> = [
            &[1u8][..],
            &1u64.to_be_bytes(),
            &2u64.to_be_bytes(),
            &[0, 6],
            b"system",
            &[0, 1],
            b"a",
            &[1],
            &[0, 1],
            &[0, 6],
            b"case:x",
            &[0],
        ]
        .concat();
        assert_eq!(e.encode(), expected);
    }

    proptest! {
        #[test]
        fn events_round_trip(seq in any::<u64>(), time in any::<u64>(), actor in "[a-z0-9:]{0,40}",
                             action in "[a-z.]{1,30}", outcome in 0u8..4,
                             targets in proptest::collection::vec("[a-z]{1,8}:[0-9a-f]{32}", 0..5),
                             client in proptest::option::of("[0-9a-f]{64}")) {
            let outcome = [Outcome::Ok, Outcome::Denied, Outcome::Failed, Outcome::Begun][outcome as usize];
            let e = Event { seq, time, actor, action, outcome, targets, client };
            prop_assert_eq!(Event::decode(&e.encode()).unwrap(), e);
        }

        #[test]
        fn decoding_garbage_never_panics(bytes in proptest::collection::vec(any::<u8>(), 0..200)) {
            let _ = Event::decode(&bytes);
        }
    }
}

/// The known-answer vectors printed in docs/audit-log.md.
#[cfg(test)]
mod vectors {
    use super::*;
    use crate::log::merkle;

    fn vector_event(seq: u64) -> Event {
        Event {
            seq,
            time: 1_795_868_645,
            actor: "0123456789abcdef0123456789abcdef".into(),
            action: "document.read".into(),
            outcome: Outcome::Ok,
            targets: vec![
                "document:fedcba9876543210fedcba9876543210".into(),
                "case:00112233445566778899aabbccddeeff".into(),
            ],
            client: if seq == 2 {
                Some("ab".repeat(32))
            } else {
                None
            },
        }
    }

    #[test]
    fn documented_vectors() {
        let leaves: Vec<Vec<u8>> = (0..3).map(|i| vector_event(i).encode()).collect();
        let hashes: Vec<merkle::Hash> = leaves.iter().map(|l| merkle::leaf_hash(l)).collect();
        let n01 = merkle::node_hash(&hashes[0], &hashes[1]);
        let root3 = merkle::node_hash(&n01, &hashes[2]);
        let text = format!(
            "event0={}\nleaf0={}\nleaf1={}\nleaf2={}\nroot2={}\nroot3={}\nempty={}\n",
            hex::encode(&leaves[0]),
            hex::encode(hashes[0]),
            hex::encode(hashes[1]),
            hex::encode(hashes[2]),
            hex::encode(n01),
            hex::encode(root3),
            hex::encode(merkle::empty_root()),
        );
        println!("{text}");
        let doc = include_str!("../../../docs/audit-log.md");
        for line in text.lines() {
            let value = line.split('=').nth(1).unwrap_or_default();
            assert!(doc.contains(value), "docs/audit-log.md lacks {line}");
        }
    }
}
