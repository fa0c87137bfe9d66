//! Opening a log that a crash, a lost page or a hostile host left behind: `events.bin`
//! is the truth, indexes are rebuilt, a torn last record is set aside (never deleted),
//! anything else is reported as damage with nothing changed. Read-only verification
//! writes nothing. Checkpoints are checked against the auditor's own key and origin.

mod common;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use common::*;
use vault_core::{verify_log_at, Checkpoint, Error, LogNotice, LogPin, Vault};

/// A closed vault with a few dozen events and a checkpoint of all of them.
fn closed_vault() -> (tempfile::TempDir, PathBuf, Checkpoint, u64) {
    let f = Fixture::new();
    while f.vault.log_size() < 56 {
        f.vault.case(&f.bob, &f.case).unwrap();
    }
    let checkpoint = f.vault.checkpoint(&f.alice).unwrap();
    let size = f.vault.log_size();
    assert_eq!(size, 57);
    let data = f.data();
    let (vault, dir) = (f.vault, f.dir);
    drop(vault);
    (dir, data, checkpoint, size)
}

fn log(data: &Path, name: &str) -> PathBuf {
    data.join("log").join(name)
}

/// BLAKE3 of every file under `root`, by path.
fn hashes(root: &Path) -> BTreeMap<PathBuf, String> {
    files(root)
        .into_iter()
        .map(|p| {
            let bytes = std::fs::read(&p).unwrap();
            (p, blake3::hash(&bytes).to_hex().to_string())
        })
        .collect()
}

fn reopened_is_whole(data: &Path, checkpoint: &Checkpoint, size: u64) -> Vault {
    let vault = Vault::open(data).unwrap();
    assert_eq!(vault.log_size(), size, "no event lost");
    let report = vault.verify_log(Some(checkpoint)).unwrap();
    assert!(report.is_ok(), "{report:?}");
    vault
}

#[test]
fn an_emptied_offsets_file_is_rebuilt_and_no_event_is_lost() {
    let (_dir, data, checkpoint, size) = closed_vault();
    let events = std::fs::read(log(&data, "events.bin")).unwrap();
    let offsets = std::fs::read(log(&data, "offsets.bin")).unwrap();
    std::fs::write(log(&data, "offsets.bin"), b"").unwrap();
    // The read-only check already sees every event, and says the index is short.
    let report = verify_log_at(&data, Some(&checkpoint), &LogPin::default()).unwrap();
    assert!(report.is_ok() && report.size == size, "{report:?}");
    assert!(report
        .notices
        .iter()
        .any(|n| matches!(n, LogNotice::IndexRebuilt { covered: 0, .. })));
    let vault = reopened_is_whole(&data, &checkpoint, size);
    assert!(!vault.log_notices().is_empty());
    drop(vault);
    assert_eq!(std::fs::read(log(&data, "events.bin")).unwrap(), events);
    assert_eq!(std::fs::read(log(&data, "offsets.bin")).unwrap(), offsets);
}

#[test]
fn lost_last_pages_of_offsets_and_levels_are_rebuilt() {
    let (_dir, data, checkpoint, size) = closed_vault();
    let offsets = std::fs::read(log(&data, "offsets.bin")).unwrap();
    std::fs::write(
        log(&data, "offsets.bin"),
        &offsets[..offsets.len() - 8 * 20 - 3],
    )
    .unwrap();
    let level0 = std::fs::read(log(&data, "level-00.bin")).unwrap();
    std::fs::write(log(&data, "level-00.bin"), &level0[..32 * 30]).unwrap();
    std::fs::remove_file(log(&data, "level-02.bin")).unwrap();
    let vault = reopened_is_whole(&data, &checkpoint, size);
    // Still appends and proves after the rebuild.
    let proof = vault.inclusion_proof(3, size).unwrap();
    assert!(!proof.is_empty());
    drop(vault);
    assert_eq!(std::fs::read(log(&data, "offsets.bin")).unwrap(), offsets);
    assert_eq!(std::fs::read(log(&data, "level-00.bin")).unwrap(), level0);
}

#[test]
fn an_indexed_record_cut_short_is_damage_and_nothing_changes() {
    let (_dir, data, checkpoint, _size) = closed_vault();
    let events = std::fs::read(log(&data, "events.bin")).unwrap();
    std::fs::write(log(&data, "events.bin"), &events[..events.len() - 10]).unwrap();
    let before = hashes(&data.join("log"));
    let err = match Vault::open(&data) {
        Err(e) => e,
        Ok(v) => panic!("opened a cut log with {} events", v.log_size()),
    };
    assert!(matches!(err, Error::Damaged { .. }), "{err}");
    assert!(
        matches!(
            err,
            Error::Damaged(vault_core::Damage::LogRecord { event: 56, .. })
        ),
        "{err}"
    );
    assert_eq!(hashes(&data.join("log")), before, "nothing changed");
    let report = verify_log_at(&data, Some(&checkpoint), &LogPin::default()).unwrap();
    assert_eq!(report.first_bad_index, Some(56), "{report:?}");
}

#[test]
fn a_torn_last_record_is_moved_to_quarantine_not_deleted() {
    let (_dir, data, checkpoint, size) = closed_vault();
    let events = std::fs::read(log(&data, "events.bin")).unwrap();
    // A crash in the middle of an append: part of a record, its offset never written.
    let torn: Vec<u8> = [&[0u8, 0, 0, 200][..], &[7u8; 50][..]].concat();
    std::fs::write(log(&data, "events.bin"), [&events[..], &torn].concat()).unwrap();
    let before = hashes(&data);
    let report = verify_log_at(&data, Some(&checkpoint), &LogPin::default()).unwrap();
    assert!(report.is_ok(), "{report:?}");
    assert!(matches!(
        report.notices[..],
        [LogNotice::TornTail {
            bytes: 54,
            quarantine: None,
            ..
        }]
    ));
    assert_eq!(hashes(&data), before, "verification wrote nothing");
    let vault = reopened_is_whole(&data, &checkpoint, size);
    let [LogNotice::TornTail {
        quarantine: Some(q),
        ..
    }] = &vault.log_notices()[..]
    else {
        panic!("{:?}", vault.log_notices());
    };
    assert!(q.starts_with(data.join("log")));
    assert_eq!(std::fs::read(q).unwrap(), torn);
    assert!(q
        .file_name()
        .is_some_and(|n| n.to_string_lossy().starts_with("quarantine-")));
    drop(vault);
    assert_eq!(std::fs::read(log(&data, "events.bin")).unwrap(), events);
}

#[test]
fn zeros_left_by_a_crash_are_a_torn_tail_and_a_bad_record_before_the_end_is_damage() {
    let (_dir, data, checkpoint, size) = closed_vault();
    let events = std::fs::read(log(&data, "events.bin")).unwrap();
    std::fs::write(
        log(&data, "events.bin"),
        [&events[..], &[0u8; 300]].concat(),
    )
    .unwrap();
    drop(reopened_is_whole(&data, &checkpoint, size));
    // An unindexed record that does not decode, with more bytes after it: damage.
    let offsets = std::fs::read(log(&data, "offsets.bin")).unwrap();
    std::fs::write(log(&data, "offsets.bin"), &offsets[..8 * 50]).unwrap();
    let mut bad = events.clone();
    let at = u64::from_be_bytes(offsets[8 * 52..8 * 53].try_into().unwrap()) as usize;
    bad[at + 4] ^= 0xff;
    std::fs::write(log(&data, "events.bin"), &bad).unwrap();
    let before = hashes(&data.join("log"));
    let err = Vault::open(&data).err().expect("damage refused");
    assert!(
        matches!(
            err,
            Error::Damaged(vault_core::Damage::LogRecord { event: 52, .. })
        ),
        "{err}"
    );
    assert_eq!(hashes(&data.join("log")), before);
}

#[test]
fn read_only_verification_writes_nothing_even_with_a_broken_index() {
    let (_dir, data, checkpoint, size) = closed_vault();
    std::fs::write(log(&data, "offsets.bin"), b"").unwrap();
    std::fs::remove_file(log(&data, "level-01.bin")).unwrap();
    let events = std::fs::read(log(&data, "events.bin")).unwrap();
    std::fs::write(
        log(&data, "events.bin"),
        [&events[..], &[1u8, 2, 3]].concat(),
    )
    .unwrap();
    let before = hashes(&data);
    let report = verify_log_at(&data, Some(&checkpoint), &LogPin::default()).unwrap();
    assert!(report.is_ok() && report.size == size, "{report:?}");
    assert_eq!(hashes(&data), before);
    // While a process holds the vault, it refuses rather than read a moving log.
    let vault = Vault::open(&data).unwrap();
    assert!(matches!(
        verify_log_at(&data, None, &LogPin::default()),
        Err(Error::InUse { .. })
    ));
    drop(vault);
}

#[test]
fn checkpoints_follow_the_documented_grammar_exactly() {
    let (_dir, _data, checkpoint, _) = closed_vault();
    let text = checkpoint.to_string();
    assert_eq!(Checkpoint::parse(&text).unwrap(), checkpoint);
    let crlf = text.replace('\n', "\r\n");
    let trailing = format!("{text}extra line\n");
    let blank = format!("{text}\n");
    let upper = text.replace(&checkpoint.signature, &checkpoint.signature.to_uppercase());
    let no_newline = text.trim_end().to_string();
    let zero = text.replacen(
        &format!("\n{}\n", checkpoint.size),
        &format!("\n0{}\n", checkpoint.size),
        1,
    );
    for bad in [crlf, trailing, blank, upper, no_newline, zero] {
        assert!(Checkpoint::parse(&bad).is_err(), "accepted {bad:?}");
    }
}

#[test]
fn an_auditor_checks_against_their_own_key_and_origin() {
    let (_dir, data, checkpoint, _) = closed_vault();
    let toml = std::fs::read_to_string(data.join("vault.toml")).unwrap();
    let key = |t: &str| {
        t.lines()
            .find_map(|l| l.strip_prefix("log_public_key = "))
            .unwrap()
            .trim_matches('"')
            .to_string()
    };
    let real = key(&toml);
    let pinned = LogPin {
        public_key: Some(real.clone()),
        origin: Some(checkpoint.origin.clone()),
    };
    assert!(verify_log_at(&data, Some(&checkpoint), &pinned)
        .unwrap()
        .is_ok());
    // A host that swaps vault.toml's key for its own cannot fool a pinned auditor.
    let other = hex::encode(
        ed25519_dalek::SigningKey::from_bytes(&[9u8; 32])
            .verifying_key()
            .to_bytes(),
    );
    std::fs::write(data.join("vault.toml"), toml.replace(&real, &other)).unwrap();
    let unpinned = verify_log_at(&data, Some(&checkpoint), &LogPin::default()).unwrap();
    assert!(!unpinned.is_ok(), "vault.toml's key no longer verifies");
    assert!(verify_log_at(&data, Some(&checkpoint), &pinned)
        .unwrap()
        .is_ok());
    let wrong_key = LogPin {
        public_key: Some(other),
        ..pinned.clone()
    };
    assert!(!verify_log_at(&data, Some(&checkpoint), &wrong_key)
        .unwrap()
        .is_ok());
    let wrong_origin = LogPin {
        origin: Some("vault-log/another".into()),
        ..pinned
    };
    let report = verify_log_at(&data, Some(&checkpoint), &wrong_origin).unwrap();
    assert!(
        matches!(
            &report.problem,
            Some(vault_core::LogProblem::OtherLog { .. })
        ),
        "{report:?}"
    );
}

#[test]
fn index_entries_left_as_zeros_by_a_crash_are_missing_not_damage() {
    let (_dir, data, checkpoint, size) = closed_vault();
    // The file grew before its data reached the disk: zeros where offsets and hashes go.
    let offsets = std::fs::read(log(&data, "offsets.bin")).unwrap();
    let level0 = std::fs::read(log(&data, "level-00.bin")).unwrap();
    let cut = |b: &[u8], n: usize| [&b[..b.len() - n], &vec![0u8; n][..]].concat();
    std::fs::write(log(&data, "offsets.bin"), cut(&offsets, 8 * 3)).unwrap();
    std::fs::write(log(&data, "level-00.bin"), cut(&level0, 32 * 4)).unwrap();
    let report = verify_log_at(&data, Some(&checkpoint), &LogPin::default()).unwrap();
    assert!(report.is_ok(), "{report:?}");
    drop(reopened_is_whole(&data, &checkpoint, size));
    assert_eq!(std::fs::read(log(&data, "offsets.bin")).unwrap(), offsets);
    assert_eq!(std::fs::read(log(&data, "level-00.bin")).unwrap(), level0);
}

#[test]
fn an_altered_length_is_damage_not_a_torn_tail() {
    let (_dir, data, checkpoint, _) = closed_vault();
    let offsets = std::fs::read(log(&data, "offsets.bin")).unwrap();
    // Unindexed records (the index emptied), one of which claims to run past the end.
    std::fs::write(log(&data, "offsets.bin"), b"").unwrap();
    let mut events = std::fs::read(log(&data, "events.bin")).unwrap();
    let at = u64::from_be_bytes(offsets[8 * 20..8 * 21].try_into().unwrap()) as usize;
    events[at] = 0x00;
    events[at + 1] = 0xf0;
    std::fs::write(log(&data, "events.bin"), &events).unwrap();
    let before = hashes(&data.join("log"));
    let err = Vault::open(&data).err().expect("damage refused");
    assert!(
        matches!(
            err,
            Error::Damaged(vault_core::Damage::LogRecord { event: 20, .. })
        ),
        "{err}"
    );
    assert_eq!(hashes(&data.join("log")), before, "nothing quarantined");
    let report = verify_log_at(&data, Some(&checkpoint), &LogPin::default()).unwrap();
    assert_eq!(report.first_bad_index, Some(20), "{report:?}");
}

#[test]
fn damage_found_while_rebuilding_hashes_changes_nothing() {
    let (_dir, data, _checkpoint, _) = closed_vault();
    // Short level files, a torn tail, and an indexed record in the middle cut short.
    std::fs::remove_file(log(&data, "level-00.bin")).unwrap();
    let offsets = std::fs::read(log(&data, "offsets.bin")).unwrap();
    let mut events = std::fs::read(log(&data, "events.bin")).unwrap();
    let at = u64::from_be_bytes(offsets[8 * 10..8 * 11].try_into().unwrap()) as usize;
    events[at + 3] = events[at + 3].wrapping_add(5);
    events.extend_from_slice(&[0, 0, 9, 9, 1]);
    std::fs::write(log(&data, "events.bin"), &events).unwrap();
    let before = hashes(&data.join("log"));
    assert!(Vault::open(&data).is_err());
    assert_eq!(hashes(&data.join("log")), before, "nothing changed");
}

#[test]
fn verifying_a_running_vault_while_it_appends_finds_nothing_wrong() {
    let f = Fixture::new();
    let vault = f.vault.clone();
    let (bob, case) = (f.bob, f.case.clone());
    let writer = std::thread::spawn(move || {
        for _ in 0..300 {
            vault.case(&bob, &case).unwrap();
        }
    });
    let mut checks = 0;
    while !writer.is_finished() {
        let report = f.vault.verify_log(None).unwrap();
        assert!(report.is_ok(), "{report:?}");
        checks += 1;
    }
    writer.join().unwrap();
    assert!(checks > 0);
}
