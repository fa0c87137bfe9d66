//! The access log: what is recorded, fail-closed reads, proofs, checkpoints, tampering.

mod common;

use std::path::Path;

use common::*;
use vault_core::log::merkle;
use vault_core::{Checkpoint, DocumentKind, Error, Event, Outcome, Vault};

fn events(vault: &Vault) -> Vec<Event> {
    (0..vault.log_size())
        .map(|i| vault.log_event(i).unwrap())
        .collect()
}

fn actions(vault: &Vault) -> Vec<String> {
    events(vault)
        .into_iter()
        .map(|e| format!("{} {}", e.action, e.outcome))
        .collect()
}

#[test]
fn every_operation_appends_its_event() {
    let f = Fixture::new();
    let before = f.vault.log_size();
    let doc = f.add(&f.bob, DocumentKind::Evidence, "photo.jpg", b"preuve");
    read_all(&f.vault, &f.bob, &doc);
    f.vault.verify_document(&f.bob, &doc).unwrap();
    f.vault.list_documents(&f.bob, &f.case).unwrap();
    f.vault.case(&f.bob, &f.case).unwrap();
    assert!(f.vault.case(&f.carol, &f.case).is_err());
    assert!(f.vault.login("bob", &password("wrong-password")).is_err());
    assert!(f
        .vault
        .login("nobody", &password("wrong-password"))
        .is_err());
    f.vault.remove_member(&f.alice, TEAM, "bob").unwrap();
    let all = actions(&f.vault);
    assert_eq!(
        all[before as usize..],
        [
            // A change is recorded before it is applied (begun), then its outcome.
            "document.add begun",
            "document.add ok",
            "document.read ok",
            "document.verify ok",
            "document.list ok",
            "case.view ok",
            "case.view denied",
            "session.failed denied",
            "session.failed denied",
            "team.member.remove begun",
            "team.key.rotate begun",
            "team.member.remove ok",
            "team.key.rotate ok",
        ]
    );
    // The fixture's own operations came first, each recorded.
    for expected in [
        "vault.create ok",
        "session.open ok",
        "user.create ok",
        "team.create ok",
        "team.member.add ok",
        "case.create ok",
    ] {
        assert!(
            all[..before as usize].iter().any(|a| a == expected),
            "{expected}"
        );
    }
    // Ids only: the failed sign-in of an unknown name leaves no trace of the name.
    let unknown = f.vault.log_event(before + 8).unwrap();
    assert_eq!(unknown.actor, "anonymous");
    assert!(unknown.targets.is_empty());
    let read = f.vault.log_event(before + 2).unwrap();
    assert_eq!(read.actor, f.bob.user().id.to_string());
    assert!(
        read.targets.contains(&format!("document:{doc}"))
            && read.targets.contains(&format!("case:{}", f.case))
    );
    assert!(f.vault.verify_log(None).unwrap().is_ok());
}

#[test]
fn a_read_whose_event_cannot_be_written_returns_nothing() {
    let f = Fixture::new();
    let doc = f.add(
        &f.bob,
        DocumentKind::Identity,
        "passeport.jpg",
        b"secret scan",
    );
    let size = f.vault.log_size();
    f.vault.inject_log_failure(true);
    assert!(matches!(
        f.vault.open_document(&f.bob, &doc, None),
        Err(Error::LogUnavailable)
    ));
    assert!(matches!(
        f.vault.case(&f.bob, &f.case),
        Err(Error::LogUnavailable)
    ));
    assert!(matches!(
        f.vault.list_cases(&f.bob),
        Err(Error::LogUnavailable)
    ));
    assert!(matches!(
        f.vault.export_version_key(&f.bob, &doc, None),
        Err(Error::LogUnavailable)
    ));
    // A change whose event cannot be written is not made either.
    let added = f
        .vault
        .add_document(&f.bob, &f.case, &b"new"[..], &doc_new());
    assert!(matches!(added, Err(Error::LogUnavailable)));
    assert!(matches!(
        f.vault.login("bob", &password("bob-pass-1")),
        Err(Error::LogUnavailable)
    ));
    assert_eq!(Error::LogUnavailable.to_string(), "log_unavailable");
    f.vault.inject_log_failure(false);
    assert_eq!(
        f.vault.log_size(),
        size,
        "nothing was recorded, and nothing was done"
    );
    assert_eq!(f.vault.list_documents(&f.bob, &f.case).unwrap().len(), 1);
    assert_eq!(read_all(&f.vault, &f.bob, &doc), b"secret scan");
    assert!(
        f.vault.fsck().unwrap().is_clean(),
        "the refused add left no blob behind"
    );
}

fn doc_new() -> vault_core::NewDocument {
    doc(DocumentKind::Other, "x.txt")
}

#[test]
fn checkpoints_are_signed_by_admins_and_proofs_verify_against_them() {
    let f = Fixture::new();
    assert!(matches!(f.vault.checkpoint(&f.bob), Err(Error::Denied(_))));
    let first = f.vault.checkpoint(&f.alice).unwrap();
    assert!(first.verify_signature(f.vault.log_public_key()));
    for i in 0..10 {
        f.add(&f.bob, DocumentKind::Other, &format!("f{i}"), b"x");
    }
    let second = f.vault.checkpoint(&f.alice).unwrap();
    let parsed = Checkpoint::parse(&second.to_string()).unwrap();
    assert_eq!(parsed, second);
    assert!(parsed.verify_signature(f.vault.log_public_key()));
    let mut forged = parsed.clone();
    forged.size += 1;
    assert!(!forged.verify_signature(f.vault.log_public_key()));

    let root =
        |c: &Checkpoint| -> merkle::Hash { hex::decode(&c.root).unwrap().try_into().unwrap() };
    // Every event of the first checkpoint is included in the second.
    for i in 0..first.size {
        let leaf = merkle::leaf_hash(&f.vault.log_event(i).unwrap().encode());
        let proof = f.vault.inclusion_proof(i, second.size).unwrap();
        assert!(proof.len() as f64 <= (second.size as f64).log2().ceil());
        assert!(merkle::verify_inclusion(
            &leaf,
            i,
            second.size,
            &proof,
            &root(&second)
        ));
    }
    let proof = f.vault.consistency_proof(first.size, second.size).unwrap();
    assert!(merkle::verify_consistency(
        first.size,
        second.size,
        &root(&first),
        &root(&second),
        &proof
    ));
    // A new admin can sign too (the log key is wrapped to every admin).
    f.vault
        .create_user(
            &f.alice,
            "dora",
            vault_core::Role::Admin,
            &password("dora-pass-1"),
        )
        .unwrap();
    let dora = f.vault.login("dora", &password("dora-pass-1")).unwrap();
    assert!(f
        .vault
        .checkpoint(&dora)
        .unwrap()
        .verify_signature(f.vault.log_public_key()));
}

#[test]
fn the_case_report_lists_every_access_and_no_name() {
    let f = Fixture::new();
    let doc = f.add(&f.bob, DocumentKind::Evidence, "certificat.pdf", b"ITT");
    read_all(&f.vault, &f.alice, &doc);
    let _ = f.vault.case(&f.carol, &f.case);
    assert!(matches!(
        f.vault.access_report(&f.carol, &f.case),
        Err(Error::Denied(_))
    ));
    let report = f.vault.access_report(&f.bob, &f.case).unwrap();
    // The words are vault-words' (tested there); here, the events themselves.
    let has = |action: &str, outcome: Outcome| {
        report
            .iter()
            .any(|e| e.action == action && e.outcome == outcome)
    };
    assert!(has("case.create", Outcome::Ok));
    assert!(has("document.add", Outcome::Ok));
    assert!(has("document.read", Outcome::Ok));
    assert!(has("case.view", Outcome::Denied), "{report:?}");
    let text = format!("{report:?}");
    assert!(report
        .iter()
        .any(|e| e.actor == f.carol.user().id.to_string() && e.outcome == Outcome::Denied));
    assert!(!text.contains(BENEFICIARY) && !text.contains("certificat"));
    assert!(report.windows(2).all(|w| w[0].seq < w[1].seq));
    let json = serde_json::to_string(&report).unwrap();
    assert!(json.contains("\"action\":\"document.read\""));
}

/// A vault with 20 events and a checkpoint of them, closed; returns (dir, data, checkpoint).
fn logged_vault() -> (
    tempfile::TempDir,
    std::path::PathBuf,
    Checkpoint,
    std::path::PathBuf,
) {
    let f = Fixture::new();
    while f.vault.log_size() < 10 {
        f.vault.case(&f.bob, &f.case).unwrap();
    }
    let data = f.data();
    let snapshot = f.dir.path().join("snapshot-at-10");
    let (vault, alice, bob, case, dir) = (f.vault, f.alice, f.bob, f.case, f.dir);
    drop(vault);
    copy_dir(&data, &snapshot);
    let vault = Vault::open(&data).unwrap();
    while vault.log_size() < 19 {
        vault.case(&bob, &case).unwrap();
    }
    let checkpoint = vault.checkpoint(&alice).unwrap();
    assert_eq!(checkpoint.size, 19);
    vault.case(&bob, &case).unwrap();
    assert_eq!(vault.log_size(), 21);
    drop(vault);
    (dir, data, checkpoint, snapshot)
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.path().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

/// The access-log files of a data directory, read whole (tests only: small logs).
struct LogFiles {
    dir: std::path::PathBuf,
    events: Vec<u8>,
    offsets: Vec<u64>,
}

impl LogFiles {
    fn read(data: &Path) -> LogFiles {
        let dir = data.join("log");
        let events = std::fs::read(dir.join("events.bin")).unwrap();
        let offsets = std::fs::read(dir.join("offsets.bin"))
            .unwrap()
            .chunks(8)
            .map(|c| u64::from_be_bytes(c.try_into().unwrap()))
            .collect();
        LogFiles {
            dir,
            events,
            offsets,
        }
    }

    fn range(&self, seq: usize) -> std::ops::Range<usize> {
        let start = self.offsets[seq] as usize;
        let len = u32::from_be_bytes(self.events[start..start + 4].try_into().unwrap()) as usize;
        start..start + 4 + len
    }

    fn write(&self) {
        std::fs::write(self.dir.join("events.bin"), &self.events).unwrap();
        let offsets: Vec<u8> = self.offsets.iter().flat_map(|o| o.to_be_bytes()).collect();
        std::fs::write(self.dir.join("offsets.bin"), offsets).unwrap();
    }
}

/// Tampers with a copy of the data directory's log, then verifies it against `kept`.
fn tampered(
    data: &Path,
    kept: &Checkpoint,
    name: &str,
    edit: impl FnOnce(&mut LogFiles),
) -> vault_core::LogVerification {
    let copy = data.with_file_name(name);
    copy_dir(data, &copy);
    let mut files = LogFiles::read(&copy);
    edit(&mut files);
    files.write();
    let vault = Vault::open(&copy).unwrap();
    vault.verify_log(Some(kept)).unwrap()
}

#[test]
fn tampering_is_detected_at_the_right_index() {
    let (_dir, data, checkpoint, snapshot) = logged_vault();
    let clean = Vault::open(&data)
        .unwrap()
        .verify_log(Some(&checkpoint))
        .unwrap();
    assert!(clean.is_ok(), "{clean:?}");
    assert_eq!(clean.size, 21);

    let changed = tampered(&data, &checkpoint, "changed", |log| {
        let r = log.range(5);
        log.events[r.start + 4 + 12] ^= 1; // the time field
    });
    assert_eq!(changed.first_bad_index, Some(5), "{changed:?}");

    let deleted = tampered(&data, &checkpoint, "deleted", |log| {
        let r = log.range(5);
        log.events.drain(r.clone());
        log.offsets.remove(5);
        for o in &mut log.offsets[5..] {
            *o -= r.len() as u64;
        }
    });
    assert_eq!(deleted.first_bad_index, Some(5), "{deleted:?}");

    let swapped = tampered(&data, &checkpoint, "swapped", |log| {
        let mut records: Vec<Vec<u8>> = (0..log.offsets.len())
            .map(|i| log.events[log.range(i)].to_vec())
            .collect();
        records.swap(3, 7);
        log.events.clear();
        log.offsets.clear();
        for r in records {
            log.offsets.push(log.events.len() as u64);
            log.events.extend_from_slice(&r);
        }
    });
    assert_eq!(swapped.first_bad_index, Some(3), "{swapped:?}");

    let truncated = tampered(&data, &checkpoint, "truncated", |log| {
        let end = log.offsets[15] as usize;
        log.events.truncate(end);
        log.offsets.truncate(15);
    });
    assert_eq!(truncated.first_bad_index, Some(15), "{truncated:?}");

    // The whole data directory rolled back to an earlier copy: consistent in itself, but
    // it no longer extends the checkpoint the auditor kept.
    let rolled_back = Vault::open(&snapshot).unwrap();
    let report = rolled_back.verify_log(None).unwrap();
    assert!(report.is_ok(), "the old copy is consistent in itself");
    let old_size = rolled_back.log_size();
    assert!(old_size < checkpoint.size);
    let report = rolled_back.verify_log(Some(&checkpoint)).unwrap();
    assert_eq!(report.first_bad_index, Some(old_size), "{report:?}");

    // A rewritten history with recomputed hashes still fails against the kept root.
    let rewritten = tampered(&data, &checkpoint, "rewritten", |log| {
        let r = log.range(0);
        log.events[r.start + 4 + 12] ^= 1;
        let leaf = merkle::leaf_hash(&log.events[r.start + 4..r.end]);
        let level0 = log.dir.join("level-00.bin");
        let mut hashes = std::fs::read(&level0).unwrap();
        hashes[..32].copy_from_slice(&leaf);
        std::fs::write(level0, hashes).unwrap();
    });
    assert!(!rewritten.is_ok(), "{rewritten:?}");
    assert_eq!(rewritten.first_bad_index, Some(0));

    // A checkpoint signed by another key is refused.
    let mut forged = checkpoint.clone();
    forged.signature = "00".repeat(64);
    let report = Vault::open(&data)
        .unwrap()
        .verify_log(Some(&forged))
        .unwrap();
    assert!(!report.is_ok());
}
