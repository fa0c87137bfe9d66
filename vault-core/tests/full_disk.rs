//! A full disk heals without a restart and leaves nothing false: on a real, small tmpfs,
//! rounds of fill, refuse, free, succeed. A refused write is never listed (before or
//! after reopening), leaves no blob behind, and the log never says `ok` for it.

mod common;

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;

use common::*;
use vault_core::{DocumentKind, Error, Outcome, Vault};

/// A tmpfs mounted on a temporary directory, unmounted on drop.
struct Tmpfs(PathBuf);

impl Drop for Tmpfs {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg("-l").arg(&self.0).status();
    }
}

fn tmpfs(mib: u32) -> Option<(tempfile::TempDir, Tmpfs)> {
    let dir = tempfile::tempdir().unwrap();
    let mounted = Command::new("mount")
        .args(["-t", "tmpfs", "-o", &format!("size={mib}m"), "tmpfs"])
        .arg(dir.path())
        .stderr(std::process::Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    if !mounted {
        // Mounting needs root (or CAP_SYS_ADMIN); the fault-injection tests cover the
        // same paths without it.
        eprintln!("skipped: cannot mount a tmpfs here (needs root)");
        return None;
    }
    let path = dir.path().to_path_buf();
    Some((dir, Tmpfs(path)))
}

/// Writes into `path` until the disk is full.
fn fill(path: &Path) {
    let mut f = std::fs::File::create(path).unwrap();
    let chunk = vec![0x5au8; 64 * 1024];
    while f.write_all(&chunk).and_then(|()| f.sync_data()).is_ok() {}
}

/// Frees `bytes` by cutting the filler.
fn free(path: &Path, bytes: u64) {
    let len = std::fs::metadata(path).unwrap().len();
    let f = std::fs::OpenOptions::new().write(true).open(path).unwrap();
    f.set_len(len.saturating_sub(bytes)).unwrap();
    f.sync_all().unwrap();
}

#[test]
fn twenty_rounds_of_a_full_disk_heal_and_leave_nothing_false() {
    let Some((dir, _mount)) = tmpfs(48) else {
        return;
    };
    let filler = dir.path().join("filler");
    let f = Fixture::new_in(dir);
    let floor = 2 * 1024 * 1024;
    let mut acked: Vec<(vault_core::DocumentId, Vec<u8>)> = Vec::new();
    let mut refusals = Vec::new();
    let listed = |v: &Vault| {
        let mut ids: Vec<String> = v
            .list_documents(&f.bob, &f.case)
            .unwrap()
            .iter()
            .map(|d| d.id.to_string())
            .collect();
        ids.sort();
        ids
    };
    for round in 0..20u64 {
        // Odd rounds: no floor, so the catalogue and the log meet ENOSPC themselves.
        let guarded = round % 2 == 0;
        f.vault.set_min_free_bytes(if guarded { floor } else { 0 });
        let before = listed(&f.vault);
        fill(&filler);
        let content = if guarded {
            // Nearly full: under the floor, but with room for what is in flight.
            free(&filler, floor / 2);
            pattern(300 * 1024, round)
        } else {
            // A small document and a few pages free: the blob fits, then the log or the
            // catalogue's flush meets the full disk (which one varies with the round).
            free(&filler, 4096 * (round / 2));
            pattern(100, round)
        };
        let tried = f.vault.add_document(
            &f.bob,
            &f.case,
            &content[..],
            &doc(DocumentKind::Other, "tried.pdf"),
        );
        let mut expect = before.clone();
        match tried {
            // With a few pages free it may fit: then it is acknowledged, and must stay.
            Ok(id) if !guarded => {
                expect.push(id.to_string());
                expect.sort();
                acked.push((id, content.clone()));
            }
            Ok(_) => panic!("round {round}: stored under the floor"),
            Err(Error::DiskFull) => {}
            Err(e) if !guarded => refusals.push(e.code()),
            Err(e) => panic!("round {round}: {e}"),
        }
        if guarded {
            // Reads go on under the floor.
            assert_eq!(
                listed(&f.vault),
                expect,
                "round {round}: a refused write is listed"
            );
        }
        free(&filler, 10 * 1024 * 1024);
        assert_eq!(
            listed(&f.vault),
            expect,
            "round {round}: a refused write is listed"
        );
        let id = f
            .vault
            .add_document(
                &f.bob,
                &f.case,
                &content[..],
                &doc(DocumentKind::Other, "ok.pdf"),
            )
            .unwrap_or_else(|e| panic!("round {round}: after freeing space: {e}"));
        acked.push((id, content));
        let report = f.vault.fsck().unwrap();
        assert!(report.is_clean(), "round {round}: {report:?}");
        std::fs::remove_file(&filler).unwrap();
    }
    let mut want: Vec<String> = acked.iter().map(|(id, _)| id.to_string()).collect();
    want.sort();
    assert_eq!(listed(&f.vault), want);
    // After a restart: the same documents, bit for bit, and a log that says ok only for
    // them.
    let data = f.data();
    let Fixture {
        vault,
        alice,
        bob,
        dir,
        ..
    } = f;
    drop((vault, alice, bob));
    let vault = Vault::open(&data).unwrap();
    let bob = vault.login("bob", &password("bob-pass-1")).unwrap();
    for (id, content) in &acked {
        assert_eq!(&read_all(&vault, &bob, id), content);
    }
    let oks: Vec<String> = (0..vault.log_size())
        .map(|i| vault.log_event(i).unwrap())
        .filter(|e| e.action == "document.add" && e.outcome == Outcome::Ok)
        .flat_map(|e| e.targets)
        .filter_map(|t| t.strip_prefix("document:").map(str::to_string))
        .collect();
    let mut oks = oks;
    oks.sort();
    assert_eq!(oks, want, "the log claims only what happened");
    assert!(vault.verify_log(None).unwrap().is_ok());
    assert!(vault.fsck().unwrap().is_clean());
    // Refusals other than "disk full" (the log's own) are allowed below no floor only.
    assert!(
        refusals.iter().all(|c| *c == "log_unavailable"),
        "{refusals:?}"
    );
    drop(dir);
}

#[test]
fn under_the_floor_what_adds_is_refused_and_what_frees_space_goes_on() {
    let f = Fixture::new();
    let doc = f.add(&f.bob, DocumentKind::Other, "a.pdf", b"contenu");
    // A floor no disk meets.
    f.vault.set_min_free_bytes(u64::MAX);
    let refused = f.vault.add_document(
        &f.bob,
        &f.case,
        &b"plus"[..],
        &common::doc(DocumentKind::Other, "b.pdf"),
    );
    assert!(matches!(refused, Err(Error::DiskFull)), "{refused:?}");
    let profile = vault_core::CaseProfile {
        name: "Autre".into(),
        ..Default::default()
    };
    assert!(matches!(
        f.vault.create_case(&f.alice, TEAM, &profile),
        Err(Error::DiskFull)
    ));
    // Reads go on, and so do deletion and erasure, which free space.
    assert_eq!(read_all(&f.vault, &f.bob, &doc), b"contenu");
    f.vault.delete_document(&f.bob, &doc).unwrap();
    f.vault.erase_case(&f.alice, &f.case).unwrap();
    assert!(f.vault.fsck().unwrap().is_clean());
}
