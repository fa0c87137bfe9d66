//! Checks an evidence bundle offline, without any vault: the bag's manifests, the tag
//! manifest's signature, the checkpoint, every inclusion proof, and each file against
//! the BLAKE3 recorded at intake. docs/evidence.md says how to do the same with standard
//! tools.

use std::collections::{BTreeMap, BTreeSet};
use std::io::{Read, Seek};

use sha2::{Digest, Sha256, Sha512};

use crate::log::merkle::{leaf_hash, verify_inclusion};
use crate::{Checkpoint, Event};

/// Why a bundle is refused; the first problem found.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum BundleProblem {
    /// Not a ZIP, or no single top directory with a `bagit.txt`.
    NotABag,
    /// A file of `data/` whose hash is not the manifest's.
    FileChanged(String),
    /// A file the manifest lists that the bag does not hold.
    FileMissing(String),
    /// A file of `data/` that no manifest lists.
    FileUnlisted(String),
    /// A tag file (manifests, custody, bag-info) whose hash is not the tag manifest's,
    /// or that it does not list.
    TagChanged(String),
    /// The tag manifest's signature is not the log key's.
    BadSignature,
    /// The checkpoint is not signed by the log key, or names another log.
    BadCheckpoint,
    /// An event of the custody record is not proved in the checkpoint's log.
    BadProof(u64),
    /// A file whose BLAKE3 is not the one the vault recorded at intake.
    IntakeMismatch(String),
}

/// What a bundle proved.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BundleCheck {
    /// Files in `data/`, all matching both manifests and their intake BLAKE3.
    pub documents: usize,
    /// Working copies in `data/working-copies/` (matching both manifests; not evidence).
    pub working_copies: usize,
    /// Their bytes.
    pub bytes: u64,
    /// Events of the custody record, each proved in the log.
    pub events: usize,
    /// The checkpoint's size (events in the log when the bundle was made).
    pub checkpoint_size: u64,
    /// The log key that signed, hex.
    pub public_key: String,
    /// Whether that key came from the bundle itself (no `--pubkey` given): then it only
    /// proves that the bundle is whole, not who made it.
    pub key_from_bundle: bool,
}

/// A file of the bag read to its end: its SHA-256, SHA-512 and BLAKE3 (streamed).
fn hashes(mut r: impl Read) -> std::io::Result<(String, String, String, u64)> {
    let (mut a, mut b, mut c) = (Sha256::new(), Sha512::new(), blake3::Hasher::new());
    let mut buf = vec![0u8; 64 * 1024];
    let mut n = 0u64;
    loop {
        let got = r.read(&mut buf)?;
        if got == 0 {
            break;
        }
        a.update(&buf[..got]);
        b.update(&buf[..got]);
        c.update(&buf[..got]);
        n += got as u64;
    }
    Ok((
        hex::encode(a.finalize()),
        hex::encode(b.finalize()),
        c.finalize().to_hex().to_string(),
        n,
    ))
}

/// `hash  path` lines of a manifest, paths decoded (RFC 8493 section 2.1.3).
fn manifest(text: &str) -> BTreeMap<String, String> {
    text.lines()
        .filter_map(|l| l.split_once(' '))
        .map(|(h, p)| {
            let p = p
                .trim_start()
                .replace("%0A", "\n")
                .replace("%0D", "\r")
                .replace("%25", "%");
            (p, h.to_lowercase())
        })
        .collect()
}

/// Checks the bundle in `zip`. `public_key` and `origin` are the log's as the checker
/// keeps them (from the association, or an earlier checkpoint); without them the bundle's
/// own are used, which proves integrity, not origin.
pub fn verify_bundle(
    zip: impl Read + Seek,
    public_key: Option<&str>,
    origin: Option<&str>,
) -> Result<BundleCheck, BundleProblem> {
    use BundleProblem::*;
    let mut archive = zip::ZipArchive::new(zip).map_err(|_| NotABag)?;
    let names: Vec<String> = archive
        .file_names()
        .map(|n| n.map(|n| n.into_owned()))
        .collect::<Result<_, _>>()
        .map_err(|_| NotABag)?;
    let tops: BTreeSet<&str> = names.iter().filter_map(|n| n.split('/').next()).collect();
    let [top] = tops.into_iter().collect::<Vec<_>>()[..] else {
        return Err(NotABag);
    };
    let top = top.to_owned();
    let mut text = |name: &str| -> Option<String> {
        let mut f = archive.by_name(&format!("{top}/{name}")).ok()?;
        let mut s = String::new();
        f.read_to_string(&mut s).ok()?;
        Some(s)
    };
    text("bagit.txt").ok_or(NotABag)?;
    let tagmanifest =
        text("tagmanifest-sha256.txt").ok_or(TagChanged("tagmanifest-sha256.txt".into()))?;
    let sig = text("custody/tagmanifest-sha256.txt.sig").ok_or(BadSignature)?;
    let key_text = text("custody/log-public-key.txt").unwrap_or_default();
    let mut key_lines = key_text.lines();
    let (bundle_origin, bundle_key) = (
        key_lines.next().unwrap_or(""),
        key_lines.next().unwrap_or(""),
    );
    let key = public_key.unwrap_or(bundle_key).trim().to_lowercase();
    let origin = origin.unwrap_or(bundle_origin).trim().to_owned();

    // The signature first: it vouches for the tag manifest, which vouches for the rest.
    let verifying = hex::decode(&key)
        .ok()
        .and_then(|k| <[u8; 32]>::try_from(k).ok())
        .and_then(|k| ed25519_dalek::VerifyingKey::from_bytes(&k).ok())
        .ok_or(BadSignature)?;
    let signature = hex::decode(sig.trim())
        .ok()
        .and_then(|s| <[u8; 64]>::try_from(s).ok())
        .map(|s| ed25519_dalek::Signature::from_bytes(&s))
        .ok_or(BadSignature)?;
    verifying
        .verify_strict(tagmanifest.as_bytes(), &signature)
        .map_err(|_| BadSignature)?;

    // Every tag file is the tag manifest's, and every tag file is in it.
    let tags = manifest(&tagmanifest);
    let prefix = format!("{top}/");
    for name in &names {
        let Some(rel) = name.strip_prefix(&prefix) else {
            continue;
        };
        let unlisted = !rel.starts_with("data/")
            && !rel.ends_with('/')
            && rel != "tagmanifest-sha256.txt"
            && rel != "custody/tagmanifest-sha256.txt.sig";
        if unlisted && !tags.contains_key(rel) {
            return Err(TagChanged(rel.to_owned()));
        }
    }
    for (rel, want) in &tags {
        let f = archive
            .by_name(&format!("{top}/{rel}"))
            .map_err(|_| TagChanged(rel.clone()))?;
        let (got, ..) = hashes(f).map_err(|_| TagChanged(rel.clone()))?;
        if &got != want {
            return Err(TagChanged(rel.clone()));
        }
    }
    let mut text = |name: &str| -> Option<String> {
        let mut f = archive.by_name(&format!("{top}/{name}")).ok()?;
        let mut s = String::new();
        f.read_to_string(&mut s).ok()?;
        Some(s)
    };
    let sha256 = manifest(&text("manifest-sha256.txt").ok_or(NotABag)?);
    let sha512 = manifest(&text("manifest-sha512.txt").ok_or(NotABag)?);

    // The checkpoint, signed by the same key, for the same log.
    let checkpoint = Checkpoint::parse(&text("custody/checkpoint.txt").ok_or(BadCheckpoint)?)
        .map_err(|_| BadCheckpoint)?;
    if !checkpoint.verify_signature(&key) || checkpoint.origin != origin {
        return Err(BadCheckpoint);
    }
    let root: [u8; 32] = hex::decode(&checkpoint.root)
        .ok()
        .and_then(|r| r.try_into().ok())
        .ok_or(BadCheckpoint)?;

    // Every event of the custody record is in that log.
    let custody: serde_json::Value = serde_json::from_str(
        &text("custody/custody.json").ok_or(TagChanged("custody/custody.json".into()))?,
    )
    .map_err(|_| TagChanged("custody/custody.json".into()))?;
    let events = custody["events"].as_array().cloned().unwrap_or_default();
    for e in &events {
        let seq = e["seq"].as_u64().unwrap_or(u64::MAX);
        let record = e["record"]
            .as_str()
            .and_then(|r| hex::decode(r).ok())
            .ok_or(BadProof(seq))?;
        let proof: Option<Vec<[u8; 32]>> = e["proof"].as_array().map(|p| {
            p.iter()
                .filter_map(|h| {
                    h.as_str()
                        .and_then(|h| hex::decode(h).ok())
                        .and_then(|h| h.try_into().ok())
                })
                .collect()
        });
        let proof = proof.ok_or(BadProof(seq))?;
        let decoded = Event::decode(&record).map_err(|_| BadProof(seq))?;
        let same = decoded.seq == seq && e["action"] == decoded.action.as_str();
        if !same || !verify_inclusion(&leaf_hash(&record), seq, checkpoint.size, &proof, &root) {
            return Err(BadProof(seq));
        }
    }

    // The files: both manifests, nothing more nor less, and the BLAKE3 of intake.
    let intake: BTreeMap<String, String> = custody["documents"]
        .as_array()
        .map(|docs| {
            docs.iter()
                .filter_map(|d| {
                    let file = d["file"].as_str()?.to_owned();
                    let last = d["versions"].as_array()?.last()?;
                    Some((file, last["blake3"].as_str()?.to_owned()))
                })
                .collect()
        })
        .unwrap_or_default();
    for name in &names {
        if let Some(rel) = name.strip_prefix(&prefix) {
            if rel.starts_with("data/") && !rel.ends_with('/') && !sha256.contains_key(rel) {
                return Err(FileUnlisted(rel.to_owned()));
            }
        }
    }
    // Working copies are named as such in the custody record: their hashes are the
    // manifests', not intake's (they are copies without metadata, not evidence).
    let working: std::collections::BTreeSet<String> = custody["working_copies"]
        .as_array()
        .map(|c| {
            c.iter()
                .filter_map(|w| w["file"].as_str())
                .filter(|f| f.starts_with("data/working-copies/"))
                .map(str::to_owned)
                .collect()
        })
        .unwrap_or_default();
    let mut bytes = 0;
    for (rel, want256) in &sha256 {
        let f = archive
            .by_name(&format!("{top}/{rel}"))
            .map_err(|_| FileMissing(rel.clone()))?;
        let (got256, got512, got_blake3, n) = hashes(f).map_err(|_| FileChanged(rel.clone()))?;
        if &got256 != want256 || sha512.get(rel) != Some(&got512) {
            return Err(FileChanged(rel.clone()));
        }
        if !working.contains(rel) && intake.get(rel) != Some(&got_blake3) {
            return Err(IntakeMismatch(rel.clone()));
        }
        if !working.contains(rel) {
            bytes += n;
        }
    }
    let copies = working.iter().filter(|w| sha256.contains_key(*w)).count();
    Ok(BundleCheck {
        documents: sha256.len() - copies,
        working_copies: copies,
        bytes,
        events: events.len(),
        checkpoint_size: checkpoint.size,
        public_key: key,
        key_from_bundle: public_key.is_none(),
    })
}
