//! The fault suite: every write point of the vault (blob bytes, fsync, rename, directory
//! fsync; the log's hashes, records and offsets and their fsyncs; the catalogue's batch
//! and flush) fails with ENOSPC or EIO, at a seeded hit, during an upload, a new
//! version, a member's removal (key rotation), an erasure and a link download. After
//! each round the vault is closed and reopened, and must hold: `fsck` clean, the log
//! verifies against the checkpoint taken before, nothing listed that was not
//! acknowledged, every acknowledged document bit for bit, and an `ok` event for the
//! operation if and only if it was acknowledged.
//!
//! Replay one round: `FAULT_SEED=<n> cargo test -p vault-core --test faults`.

mod common;

use std::io::Read;

use common::*;
use fail::FailScenario;
use vault_core::{Checkpoint, DocumentId, DocumentKind, LinkToken, NewShare, Outcome};

const POINTS: [&str; 14] = [
    "blob.write",
    "blob.fsync",
    "blob.rename",
    "blob.dirsync",
    "log.levels",
    "log.levels.fsync",
    "log.events",
    "log.events.fsync",
    "log.offsets",
    "log.offsets.fsync",
    "catalog.batch",
    "catalog.flush",
    // The same points hit later in the operation (the completion after the change).
    "log.events",
    "catalog.flush",
];

#[derive(Clone, Copy, Debug)]
enum Op {
    Upload,
    NewVersion,
    RemoveMember,
    Erase,
    ShareDownload,
}

impl Op {
    fn action(self) -> &'static str {
        match self {
            Op::Upload => "document.add",
            Op::NewVersion => "document.version",
            Op::RemoveMember => "team.member.remove",
            Op::Erase => "case.erase",
            Op::ShareDownload => "share.download",
        }
    }
}

/// xorshift: deterministic choices from a round's seed.
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % n
    }
}

/// What the round expects to find after reopening.
struct Expect {
    /// Documents of the fixture's case, with their newest content.
    docs: Vec<(DocumentId, Vec<u8>)>,
    /// Whether the second case still exists (erasure rounds).
    second_case: Option<(vault_core::CaseId, bool)>,
    /// Whether bob is still a member.
    bob_member: bool,
    /// The share link and its downloads left.
    share: Option<(LinkToken, u32)>,
}

/// One round: set up, inject, operate, reopen, check. Returns whether the fault hit
/// (the operation failed).
fn round(op: Op, seed: u64) -> bool {
    let mut rng = Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1);
    // A link download writes no blob: its rounds draw from the log's and catalogue's.
    let points = match op {
        Op::ShareDownload => &POINTS[4..],
        _ => &POINTS[..],
    };
    let point = points[rng.below(points.len() as u64) as usize];
    let kind = ["enospc", "eio"][rng.below(2) as usize];
    let skip = rng.below(3);
    let f = Fixture::new();
    let base = pattern(70_000, seed);
    let doc = f.add(&f.bob, DocumentKind::Other, "recours.odt", &base);
    let mut expect = Expect {
        docs: vec![(doc.clone(), base.clone())],
        second_case: None,
        bob_member: true,
        share: None,
    };
    if let Op::Erase = op {
        let profile = vault_core::CaseProfile {
            name: "Second".into(),
            ..Default::default()
        };
        let c2 = f.vault.create_case(&f.alice, TEAM, &profile).unwrap();
        f.vault
            .add_document(
                &f.alice,
                &c2,
                &b"autre"[..],
                &common::doc(DocumentKind::Other, "a"),
            )
            .unwrap();
        expect.second_case = Some((c2, true));
    }
    if let Op::ShareDownload = op {
        let new = NewShare {
            documents: vec![doc.clone()],
            max_downloads: Some(3),
            ..NewShare::default()
        };
        let (_, token) = f.vault.create_share(&f.bob, &f.case, &new).unwrap();
        expect.share = Some((token, 3));
    }
    let checkpoint: Checkpoint = f.vault.checkpoint(&f.alice).unwrap();
    let mark = f.vault.log_size();
    let content = pattern(600_000, seed + 1);

    fail::cfg(point, &format!("{skip}*off->1*return({kind})")).unwrap();
    let result: Result<(), vault_core::Error> = match op {
        Op::Upload => f
            .vault
            .add_document(
                &f.bob,
                &f.case,
                &content[..],
                &common::doc(DocumentKind::Other, "n"),
            )
            .map(|id| expect.docs.push((id, content.clone()))),
        Op::NewVersion => f
            .vault
            .add_version(
                &f.bob,
                &doc,
                &content[..],
                &common::doc(DocumentKind::Other, "v2"),
            )
            .map(|_| expect.docs[0].1 = content.clone()),
        Op::RemoveMember => f
            .vault
            .remove_member(&f.alice, TEAM, "bob")
            .map(|_| expect.bob_member = false),
        Op::Erase => {
            let c2 = expect.second_case.as_ref().unwrap().0.clone();
            f.vault
                .erase_case(&f.alice, &c2)
                .map(|_| expect.second_case.as_mut().unwrap().1 = false)
        }
        Op::ShareDownload => {
            let token = &expect.share.as_ref().unwrap().0;
            let downloaded = f
                .vault
                .download_shared(token, &doc, None, None, vault_core::unix_now())
                .map(|(mut reader, _)| {
                    let mut out = Vec::new();
                    reader.read_to_end(&mut out).unwrap();
                    assert_eq!(out, base);
                });
            if downloaded.is_ok() {
                expect.share.as_mut().unwrap().1 -= 1;
            }
            downloaded
        }
    };
    fail::remove(point);
    let why = format!("seed {seed}: {op:?} with {point} {kind} after {skip}: {result:?}");

    // Close everything, reopen.
    let (vault, case, dir) = f.reopen(&why);
    let alice = vault.login("alice", &password("alice-pass")).unwrap();
    let report = vault.fsck().unwrap();
    assert!(report.is_clean(), "{why}: {report:?}");
    let log = vault.verify_log(Some(&checkpoint)).unwrap();
    assert!(log.is_ok(), "{why}: {log:?}");
    let mut listed: Vec<String> = vault
        .list_documents(&alice, &case)
        .unwrap()
        .iter()
        .map(|d| d.id.to_string())
        .collect();
    listed.sort();
    let mut want: Vec<String> = expect.docs.iter().map(|(d, _)| d.to_string()).collect();
    want.sort();
    assert_eq!(listed, want, "{why}");
    for (d, content) in &expect.docs {
        assert_eq!(&read_all(&vault, &alice, d), content, "{why}");
    }
    let bob = vault.login("bob", &password("bob-pass-1")).unwrap();
    assert_eq!(
        vault.open_document(&bob, &doc, None).is_ok(),
        expect.bob_member,
        "{why}"
    );
    if let Some((c2, exists)) = &expect.second_case {
        assert_eq!(vault.case(&alice, c2).is_ok(), *exists, "{why}");
    }
    if let Some((token, left)) = &expect.share {
        let view = vault
            .open_share(token, None, None, vault_core::unix_now())
            .unwrap();
        assert_eq!(view.downloads_left, *left, "{why}");
    }
    // The log says ok for the operation exactly when it was acknowledged.
    let ok = (mark..vault.log_size())
        .map(|i| vault.log_event(i).unwrap())
        .any(|e| e.action == op.action() && e.outcome == Outcome::Ok);
    assert_eq!(ok, result.is_ok(), "{why}");
    drop(dir);
    result.is_err()
}

fn rounds(op: Op, salt: u64) {
    let _scenario = FailScenario::setup();
    if let Some(seed) = std::env::var("FAULT_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
    {
        round(op, seed);
        return;
    }
    let n = 28;
    let hit = (0..n).filter(|i| round(op, salt * 1000 + i)).count();
    eprintln!("{op:?}: {n} rounds, {hit} faults injected and survived");
    // The suite proves nothing if the faults never reach the operation.
    assert!(
        hit >= n as usize / 4,
        "{op:?}: only {hit} of {n} rounds met their fault"
    );
}

#[test]
fn faults_during_uploads() {
    rounds(Op::Upload, 1);
}

#[test]
fn faults_during_new_versions() {
    rounds(Op::NewVersion, 2);
}

#[test]
fn faults_during_member_removal() {
    rounds(Op::RemoveMember, 3);
}

#[test]
fn faults_during_erasure() {
    rounds(Op::Erase, 4);
}

#[test]
fn faults_during_link_downloads() {
    rounds(Op::ShareDownload, 5);
}

/// Group commit under faults: eight readers of eight documents read at once, twice each,
/// while the log's writer waits 30 ms before taking its group (so that the requests that
/// came meanwhile join it), and one log write point fails once. After reopening: `fsck`
/// clean, the log verifies against the checkpoint taken before, and each document has
/// exactly as many `document.read` ok events as reads that were handed a reader. A failed
/// group fails every reader in it: no reader of a failed group got its document.
#[test]
fn faults_during_concurrent_reads_fail_their_whole_group() {
    let _scenario = FailScenario::setup();
    let seeds: Vec<u64> = match std::env::var("FAULT_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
    {
        Some(seed) => vec![seed],
        None => (6000..6012).collect(),
    };
    let mut failed_together = 0;
    for seed in seeds {
        let mut rng = Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1);
        let point = POINTS[4 + rng.below(6) as usize];
        let kind = ["enospc", "eio"][rng.below(2) as usize];
        let skip = rng.below(2);
        let f = Fixture::new();
        let docs: Vec<(DocumentId, Vec<u8>)> = (0..8)
            .map(|i| {
                let content = pattern(20_000 + i * 1000, seed * 10 + i as u64);
                let name = format!("piece-{i}.pdf");
                (f.add(&f.bob, DocumentKind::Other, &name, &content), content)
            })
            .collect();
        let checkpoint: Checkpoint = f.vault.checkpoint(&f.alice).unwrap();
        let mark = f.vault.log_size();
        let (groups_before, requests_before) = f.vault.log_groups();

        fail::cfg("log.group", "sleep(30)").unwrap();
        fail::cfg(point, &format!("{skip}*off->1*return({kind})")).unwrap();
        let barrier = std::sync::Barrier::new(docs.len());
        // Per reader: for each of its two reads, whether it was handed the document.
        let outcomes: Vec<Vec<bool>> = std::thread::scope(|s| {
            let handles: Vec<_> = docs
                .iter()
                .map(|(doc, content)| {
                    let (f, barrier) = (&f, &barrier);
                    s.spawn(move || {
                        barrier.wait();
                        (0..2)
                            .map(|_| match f.vault.open_document(&f.bob, doc, None) {
                                Ok((_, mut reader)) => {
                                    let mut out = Vec::new();
                                    reader.read_to_end(&mut out).unwrap();
                                    assert_eq!(&out, content);
                                    true
                                }
                                Err(vault_core::Error::LogUnavailable) => false,
                                Err(e) => panic!("seed {seed}: a read failed otherwise: {e}"),
                            })
                            .collect()
                    })
                })
                .collect();
            handles.into_iter().map(|h| h.join().unwrap()).collect()
        });
        fail::remove(point);
        fail::remove("log.group");
        let (groups, requests) = f.vault.log_groups();
        let (groups, requests) = (groups - groups_before, requests - requests_before);
        let why = format!("seed {seed}: {point} {kind} after {skip}: {outcomes:?}, {requests} requests in {groups} groups");
        assert!(requests > groups, "{why}: no group held two reads");
        let refused = outcomes.iter().flatten().filter(|ok| !**ok).count();
        assert!(refused >= 1, "{why}: the fault never hit");
        if refused >= 2 {
            failed_together += 1;
        }

        let (vault, _, dir) = f.reopen(&why);
        assert!(vault.fsck().unwrap().is_clean(), "{why}");
        let log = vault.verify_log(Some(&checkpoint)).unwrap();
        assert!(log.is_ok(), "{why}: {log:?}");
        let events: Vec<vault_core::Event> = (mark..vault.log_size())
            .map(|i| vault.log_event(i).unwrap())
            .collect();
        for ((doc, _), reads) in docs.iter().zip(&outcomes) {
            let target = format!("document:{doc}");
            let logged = events
                .iter()
                .filter(|e| {
                    e.action == "document.read"
                        && e.outcome == Outcome::Ok
                        && e.targets.contains(&target)
                })
                .count();
            let handed = reads.iter().filter(|ok| **ok).count();
            assert_eq!(logged, handed, "{why}: {doc}: reads handed out vs logged");
        }
        drop(dir);
    }
    // With the writer waiting for its group, a failure meets several readers at once.
    assert!(failed_together >= 1, "no failed group held two reads");
}
