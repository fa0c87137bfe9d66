//! Blob stores and backups against real components: the same contract suite over the
//! memory, filesystem, S3 (a real Garage server, started by `tests/tools/garage.sh`) and
//! mirrored stores; the S3 server stopped mid-operation; a restore drill while the vault
//! serves uploads and downloads.
//!
//! Without a `garage` binary (on PATH or `$GARAGE_BIN`) the S3 tests skip with a reason;
//! under `CI=true` they fail instead (`.ci/run` installs Garage).

mod util;

use std::io::{Read, Write};
use std::path::Path;

use secrecy::SecretString;
use util::garage::Garage;
use vault_core::{
    BlobId, BlobStore, CaseProfile, DocumentKind, Error, FsBlobStore, KdfParams, MemBlobStore,
    MirrorBlobStore, NewDocument, Settings, StorageSettings, Vault,
};
use vault_storage::backup::{self, Target};
use vault_storage::{Credentials, Location};

/// Deterministic bytes of length `n` (no two sizes share a prefix pattern by chance).
fn bytes(n: usize, seed: u8) -> Vec<u8> {
    let mut out = Vec::with_capacity(n);
    let mut x = (u64::from(seed) + 1).wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ n as u64;
    while out.len() < n {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        out.extend_from_slice(&x.to_le_bytes());
    }
    out.truncate(n);
    out
}

fn put(store: &dyn BlobStore, data: &[u8]) -> BlobId {
    let mut w = store.create().unwrap();
    // Written in uneven pieces, as an encryptor does.
    for chunk in data.chunks(100_003) {
        w.write_all(chunk).unwrap();
    }
    let id = w.commit().unwrap();
    store.settle(&id).unwrap();
    id
}

fn get(store: &dyn BlobStore, id: &BlobId) -> Vec<u8> {
    let mut out = Vec::new();
    store.open(id).unwrap().read_to_end(&mut out).unwrap();
    out
}

/// The contract every store keeps.
fn contract(store: &dyn BlobStore) {
    let name = store.describe();
    // Round trips, from empty to 64 MiB (several multipart parts on S3).
    let mut ids = Vec::new();
    for (i, n) in [
        0usize,
        1,
        65_536,
        5 * 1024 * 1024 + 1,
        9 * 1024 * 1024,
        64 * 1024 * 1024,
    ]
    .into_iter()
    .enumerate()
    {
        let data = bytes(n, i as u8);
        let id = put(store, &data);
        assert_eq!(
            id.as_str(),
            blake3::hash(&data).to_hex().as_str(),
            "{name}: {n} B named by hash"
        );
        assert!(get(store, &id) == data, "{name}: {n} B read back");
        assert!(store.check(&id).unwrap(), "{name}: {n} B checks");
        ids.push(id);
    }
    // The same bytes again: the same blob, still readable.
    let again = put(store, &bytes(1, 1));
    assert_eq!(again, ids[1]);
    let listed = store.list().unwrap();
    for id in &ids {
        assert!(listed.contains(id), "{name}: {id} listed");
    }
    // Concurrent writers.
    let written: Vec<(BlobId, Vec<u8>)> = std::thread::scope(|s| {
        let handles: Vec<_> = (0..8u8)
            .map(|i| {
                s.spawn(move || {
                    let data = bytes(300_000 + usize::from(i) * 7919, 100 + i);
                    (put(store, &data), data)
                })
            })
            .collect();
        handles.into_iter().map(|h| h.join().unwrap()).collect()
    });
    for (id, data) in &written {
        assert!(get(store, id) == *data, "{name}: concurrent blob {id}");
    }
    // An abandoned write leaves nothing listed under a blob name.
    let before = store.list().unwrap();
    {
        let mut w = store.create().unwrap();
        w.write_all(&bytes(6 * 1024 * 1024, 7)).unwrap();
        drop(w);
    }
    assert_eq!(
        store.list().unwrap(),
        before,
        "{name}: a dropped writer adds no blob"
    );
    // Missing blobs are reported as such; removal is idempotent.
    store.remove(&ids[2]).unwrap();
    store.remove(&ids[2]).unwrap();
    assert!(
        matches!(store.open(&ids[2]), Err(Error::DocumentDamaged(_))),
        "{name}: missing"
    );
    assert!(!store.list().unwrap().contains(&ids[2]));
    // Commit markers survive until settled.
    store.mark(&ids[0]).unwrap();
    assert!(store.unsettled().unwrap().contains(&ids[0]) || store.unsettled().unwrap().is_empty());
    store.settle(&ids[0]).unwrap();
    assert!(!store.unsettled().unwrap().contains(&ids[0]));
}

#[test]
fn contract_memory() {
    contract(&MemBlobStore::new());
}

#[test]
fn contract_filesystem() {
    let dir = tempfile::tempdir().unwrap();
    contract(&FsBlobStore::new(dir.path().join("blobs"), dir.path().join("tmp")).unwrap());
}

#[test]
fn contract_directory_through_object_store_and_mirror() {
    let dir = tempfile::tempdir().unwrap();
    let first = FsBlobStore::new(dir.path().join("a/blobs"), dir.path().join("a/tmp")).unwrap();
    let second = FsBlobStore::new(dir.path().join("b/blobs"), dir.path().join("b/tmp")).unwrap();
    contract(&MirrorBlobStore::new(Box::new(first), Box::new(second)));
}

#[test]
fn contract_s3_on_garage() {
    let Some(garage) = Garage::start(1) else {
        return;
    };
    contract(garage.store("contract").as_ref());
}

/// A mirror of the local disk and S3: a copy lost or damaged on either side is served
/// from the other, fsck names it, and `--repair` rewrites it.
#[test]
fn mirror_of_disk_and_s3_falls_back_and_repairs() {
    let Some(garage) = Garage::start(1) else {
        return;
    };
    let (dir, vault, alice, case) = vault_with_case(None);
    drop(vault);
    let loc = format!("s3://{}/mirror", garage.var("S3_BUCKET"));
    let settings = StorageSettings {
        mirror: Some(loc.clone()),
        ..garage.settings(None)
    };
    let data_dir = dir.path().join("v");
    let vault = vault_storage::open_vault(&data_dir, &settings, &garage.credentials()).unwrap();
    let alice = vault.login("alice", &alice).unwrap();
    let content = bytes(3 * 1024 * 1024, 9);
    let doc = vault
        .add_document(&alice, &case, &content[..], &new_doc())
        .unwrap();
    let s3 = garage.store("mirror");
    let local = Vault::local_blobs(&data_dir).unwrap();
    let blob = local.list().unwrap()[0].clone();
    assert!(
        s3.list().unwrap().contains(&blob),
        "the S3 copy exists before the upload returns"
    );
    // Lose the local copy: reads go on from S3; fsck says so; repair rewrites it.
    local.remove(&blob).unwrap();
    assert!(read_doc(&vault, &alice, &doc) == content);
    let report = vault.fsck().unwrap();
    assert!(!report.has_damage());
    assert_eq!(report.degraded_copies.len(), 1, "{report:?}");
    assert_eq!(
        report.degraded_copies[0].state,
        vault_core::CopyState::Missing,
        "{report:?}"
    );
    assert_eq!(vault.fsck_repair().unwrap().rewritten, 1);
    assert!(vault.fsck().unwrap().is_clean());
    // Damage the S3 copy: still served from the disk, fsck names S3.
    let mut w = s3.create().unwrap();
    w.write_all(b"not the blob").unwrap();
    let other = w.commit().unwrap();
    s3.remove(&blob).unwrap();
    drop(other);
    assert!(read_doc(&vault, &alice, &doc) == content);
    let report = vault.fsck().unwrap();
    assert!(
        report
            .degraded_copies
            .iter()
            .any(|c| c.store.contains(&loc)),
        "{report:?}"
    );
    vault.fsck_repair().unwrap();
    assert!(s3.list().unwrap().contains(&blob));
}

/// The S3 server stops mid-operation: uploads fail with an error naming the store (and
/// no credential), nothing is listed that is not stored, and it all works again when
/// the server is back.
#[test]
fn s3_server_stopped_gives_a_clear_error_and_nothing_false() {
    let Some(garage) = Garage::start(1) else {
        return;
    };
    let store = garage.store("stopped");
    let kept = put(store.as_ref(), &bytes(1_000_000, 3));
    let mut w = store.create().unwrap();
    w.write_all(&bytes(9 * 1024 * 1024, 4)).unwrap();
    garage.control("kill", Some(1));
    let rest = w.write_all(&bytes(9 * 1024 * 1024, 5)).map_err(Error::from);
    let err = match rest {
        Err(e) => e,
        Ok(()) => w.commit().expect_err("a commit with the server down fails"),
    };
    let text = err.to_string();
    assert!(matches!(err, Error::Storage { .. }), "{err:?}");
    assert!(
        text.contains("s3://vault/stopped"),
        "names the store: {text}"
    );
    assert!(
        !text.contains(garage.var("AWS_SECRET_ACCESS_KEY")),
        "no secret: {text}"
    );
    assert!(
        !text.contains(garage.var("AWS_ACCESS_KEY_ID")),
        "no key id: {text}"
    );
    assert!(matches!(store.open(&kept), Err(Error::Storage { .. })));
    assert!(matches!(store.list(), Err(Error::Storage { .. })));
    garage.control("restart", Some(1));
    assert_eq!(
        store.list().unwrap(),
        vec![kept.clone()],
        "only the committed blob"
    );
    assert!(get(store.as_ref(), &kept) == bytes(1_000_000, 3));
}

/// Three nodes, replication 3: one node killed during uploads and reads loses nothing.
#[test]
fn garage_three_nodes_survive_one_node_lost() {
    let Some(garage) = Garage::start(3) else {
        return;
    };
    let store = garage.store("replicated");
    let mut stored = Vec::new();
    for i in 0..4u8 {
        let data = bytes(2 * 1024 * 1024 + usize::from(i), 20 + i);
        stored.push((put(store.as_ref(), &data), data));
    }
    garage.control("kill", Some(3));
    for i in 4..8u8 {
        let data = bytes(6 * 1024 * 1024 + usize::from(i), 20 + i);
        stored.push((put(store.as_ref(), &data), data));
    }
    for (id, data) in &stored {
        assert!(
            get(store.as_ref(), id) == *data,
            "{id} read with a node down"
        );
    }
    garage.control("restart", Some(3));
    for (id, data) in &stored {
        assert!(
            get(store.as_ref(), id) == *data,
            "{id} read after the node is back"
        );
    }
}

fn new_doc() -> NewDocument {
    NewDocument {
        kind: DocumentKind::Appeal,
        filename: "recours.pdf".into(),
        media_type: "application/pdf".into(),
        note: None,
    }
}

fn read_doc(vault: &Vault, s: &vault_core::Session, doc: &vault_core::DocumentId) -> Vec<u8> {
    let (_, mut r) = vault.open_document(s, doc, None).unwrap();
    let mut out = Vec::new();
    r.read_to_end(&mut out).unwrap();
    out
}

/// A vault with alice (admin) and one case; returns alice's password.
fn vault_with_case(
    storage: Option<StorageSettings>,
) -> (tempfile::TempDir, Vault, SecretString, vault_core::CaseId) {
    let dir = tempfile::tempdir().unwrap();
    let settings = Settings {
        kdf: KdfParams::insecure_for_tests(),
        storage: storage.unwrap_or_default(),
        ..Settings::default()
    };
    let password = SecretString::from("a long passphrase".to_string());
    let vault = Vault::create(&dir.path().join("v"), &settings, "alice", &password)
        .unwrap()
        .vault;
    let alice = vault.login("alice", &password).unwrap();
    vault.create_team(&alice, "Permanence").unwrap();
    let profile = CaseProfile {
        name: "A. B.".into(),
        ..CaseProfile::default()
    };
    let case = vault.create_case(&alice, "Permanence", &profile).unwrap();
    (dir, vault, password, case)
}

/// The restore drill: uploads and downloads run while a backup is taken; the restored
/// vault passes fsck, its log verifies against a checkpoint taken before the backup,
/// every document acknowledged before the snapshot is there and identical, and nothing
/// half-written is. A second backup copies only what is new; an erased case stays in the
/// backups until they are pruned.
fn restore_drill(target_location: &str, settings: &StorageSettings, credentials: &Credentials) {
    let (dir, vault, password, case) = vault_with_case(None);
    let alice = vault.login("alice", &password).unwrap();
    let mut before = Vec::new();
    for i in 0..6u8 {
        let data = bytes(200_000 + usize::from(i) * 100_000, 40 + i);
        before.push((
            vault
                .add_document(&alice, &case, &data[..], &new_doc())
                .unwrap(),
            data,
        ));
    }
    let checkpoint = vault.checkpoint(&alice).unwrap();
    let target = Target::open(target_location, settings, credentials).unwrap();
    let stop = std::sync::atomic::AtomicBool::new(false);
    let during: std::sync::Mutex<Vec<_>> = std::sync::Mutex::new(Vec::new());
    let report = std::thread::scope(|s| {
        // Uploads and downloads go on during the backup.
        s.spawn(|| {
            let mut i = 0u8;
            while !stop.load(std::sync::atomic::Ordering::SeqCst) {
                let data = bytes(150_000, 100 + i);
                let doc = vault
                    .add_document(&alice, &case, &data[..], &new_doc())
                    .unwrap();
                during.lock().unwrap().push((doc, data));
                i = i.wrapping_add(1);
            }
        });
        s.spawn(|| {
            while !stop.load(std::sync::atomic::Ordering::SeqCst) {
                for (doc, data) in &before {
                    assert!(read_doc(&vault, &alice, doc) == *data);
                }
            }
        });
        std::thread::sleep(std::time::Duration::from_millis(300));
        let report = backup::backup(&vault, Some(&alice), &target).unwrap();
        stop.store(true, std::sync::atomic::Ordering::SeqCst);
        report
    });
    assert!(report.blobs >= before.len());
    // The backup is in the access log, by alice, with the snapshot id.
    let last = vault.log_event(vault.log_size() - 1);
    let found = (0..vault.log_size())
        .rev()
        .take(50)
        .filter_map(|i| vault.log_event(i).ok())
        .any(|e| {
            e.action == "backup.create" && e.targets.iter().any(|t| t.ends_with(&report.snapshot))
        });
    assert!(found, "backup.create recorded ({last:?})");

    // Restore into a new directory.
    let dest = dir.path().join("restored");
    let restored = backup::restore(
        &target,
        None,
        &dest,
        &StorageSettings::default(),
        credentials,
    )
    .unwrap();
    assert_eq!(restored.snapshot, report.snapshot);
    drop_vault_and_check(
        &dest,
        &password,
        &before,
        &during.lock().unwrap(),
        &checkpoint,
        report.log_size,
    );

    // Incremental: a second backup after 1 MiB more copies about that.
    let extra = bytes(1024 * 1024, 200);
    vault
        .add_document(&alice, &case, &extra[..], &new_doc())
        .unwrap();
    let second = backup::backup(&vault, None, &target).unwrap();
    // Only what is new since the first snapshot: the extra document and the uploads
    // that came after the first snapshot's instant.
    assert_eq!(
        second.blobs_copied,
        second.blobs - report.blobs,
        "{second:?}"
    );
    assert!(second.blobs_copied >= 1);
    assert!(
        second.bytes_copied < report.bytes_copied,
        "{second:?} vs {report:?}"
    );

    // Erase the case: backups keep its blobs until pruned.
    vault.erase_case(&alice, &case).unwrap();
    let third = backup::backup(&vault, None, &target).unwrap();
    assert_eq!(third.blobs, 0);
    let listed = backup::list(&target).unwrap();
    assert_eq!(listed.iter().filter(|s| s.complete).count(), 3);
    let kept_all = backup::prune(&target, 86_400, vault_core::unix_now()).unwrap();
    assert_eq!(
        kept_all.blobs_removed, 0,
        "recent snapshots keep the erased case's blobs"
    );
    let pruned = backup::prune(&target, 0, vault_core::unix_now() + 10).unwrap();
    assert_eq!(pruned.snapshots_kept, 1, "the newest is always kept");
    assert!(pruned.blobs_removed >= before.len(), "{pruned:?}");
}

fn drop_vault_and_check(
    dest: &Path,
    password: &SecretString,
    before: &[(vault_core::DocumentId, Vec<u8>)],
    during: &[(vault_core::DocumentId, Vec<u8>)],
    checkpoint: &vault_core::Checkpoint,
    size: u64,
) {
    let vault = Vault::open(dest).unwrap();
    let fsck = vault.fsck().unwrap();
    assert!(fsck.is_clean(), "restored vault passes fsck: {fsck:?}");
    let alice = vault.login("alice", password).unwrap();
    for (doc, data) in before {
        assert!(
            read_doc(&vault, &alice, doc) == *data,
            "{doc} identical after restore"
        );
    }
    // Uploads that raced the snapshot are either whole or absent.
    let mut present = 0;
    for (doc, data) in during {
        match vault.open_document(&alice, doc, None) {
            Ok((_, mut r)) => {
                let mut out = Vec::new();
                r.read_to_end(&mut out).unwrap();
                assert!(out == *data);
                present += 1;
            }
            Err(Error::NotFound { .. }) => {}
            Err(e) => panic!("half-written document {doc}: {e}"),
        }
    }
    eprintln!(
        "{present} of {} racing uploads were in the snapshot",
        during.len()
    );
    // The log holds the snapshot's events and verifies against the earlier checkpoint.
    assert!(vault.log_size() >= size);
    let verification = vault.verify_log(Some(checkpoint)).unwrap();
    assert!(verification.is_ok(), "{verification:?}");
}

#[test]
fn restore_drill_to_a_directory() {
    let dir = tempfile::tempdir().unwrap();
    let location = dir.path().join("backups").display().to_string();
    assert!(matches!(
        Location::parse(&location).unwrap(),
        Location::Dir(_)
    ));
    restore_drill(
        &location,
        &StorageSettings::default(),
        &Credentials::default(),
    );
}

#[test]
fn restore_drill_to_s3() {
    let Some(garage) = Garage::start(1) else {
        return;
    };
    let location = format!("s3://{}/backups", garage.var("S3_BUCKET"));
    restore_drill(&location, &garage.settings(None), &garage.credentials());
}

/// A tampered backup is refused, and nothing is left in the destination.
#[test]
fn tampered_backup_is_refused() {
    let (dir, vault, password, case) = vault_with_case(None);
    let alice = vault.login("alice", &password).unwrap();
    vault
        .add_document(&alice, &case, &bytes(500_000, 1)[..], &new_doc())
        .unwrap();
    let location = dir.path().join("backups");
    let target = Target::open(
        &location.display().to_string(),
        &StorageSettings::default(),
        &Credentials::default(),
    )
    .unwrap();
    backup::backup(&vault, None, &target).unwrap();
    let blob = std::fs::read_dir(location.join("blobs"))
        .unwrap()
        .next()
        .unwrap()
        .unwrap()
        .path();
    let mut b = std::fs::read(&blob).unwrap();
    let n = b.len() / 2;
    b[n] ^= 1;
    std::fs::write(&blob, b).unwrap();
    let dest = dir.path().join("restored");
    let err = backup::restore(
        &target,
        None,
        &dest,
        &StorageSettings::default(),
        &Credentials::default(),
    )
    .unwrap_err();
    assert!(
        matches!(
            err,
            vault_core::Error::Damaged(vault_core::Damage::BackupBlobAltered { .. })
        ),
        "{err}"
    );
    assert!(!dest.exists(), "nothing half-restored");
}

/// fsck over S3: a missing object, a corrupt one and an orphan are each reported;
/// `--repair` removes the orphan only, never a catalogue entry.
#[test]
fn fsck_over_s3_reports_and_repairs_orphans_only() {
    let Some(garage) = Garage::start(1) else {
        return;
    };
    let loc = format!("s3://{}/fsck", garage.var("S3_BUCKET"));
    let settings = garage.settings(Some(&loc));
    let (dir, vault, password, case) = vault_with_case(Some(settings.clone()));
    drop(vault);
    let data_dir = dir.path().join("v");
    let vault = vault_storage::open_vault(
        &data_dir,
        &StorageSettings::default(),
        &garage.credentials(),
    )
    .unwrap();
    assert_eq!(
        vault.blob_store().describe(),
        loc,
        "vault.toml's [storage] is used"
    );
    let alice = vault.login("alice", &password).unwrap();
    let docs: Vec<_> = (0..3u8)
        .map(|i| {
            vault
                .add_document(&alice, &case, &bytes(400_000, 60 + i)[..], &new_doc())
                .unwrap()
        })
        .collect();
    assert!(vault.fsck().unwrap().is_clean());
    let s3 = garage.store("fsck");
    let blobs = s3.list().unwrap();
    assert_eq!(blobs.len(), 3);
    // Missing: delete one object. Corrupt: replace another's bytes under its name.
    let (missing, corrupt) = (blobs[0].clone(), blobs[1].clone());
    s3.remove(&missing).unwrap();
    let (rt, store) = garage.raw();
    let path = object_store::path::Path::from(format!("fsck/blobs/{corrupt}.age"));
    rt.block_on(object_store::ObjectStoreExt::put(
        &store,
        &path,
        b"tampered".to_vec().into(),
    ))
    .unwrap();
    // Orphan: a blob nobody refers to.
    let orphan = put(s3.as_ref(), &bytes(1000, 99));
    let report = vault.fsck().unwrap();
    assert_eq!(report.missing_blobs, vec![missing.clone()], "{report:?}");
    assert_eq!(report.corrupt_blobs, vec![corrupt.clone()], "{report:?}");
    assert_eq!(report.orphan_blobs, vec![orphan.clone()], "{report:?}");
    assert!(report.has_damage());
    let repaired = vault.fsck_repair().unwrap();
    assert_eq!(repaired.removed, 1, "{repaired:?}");
    let left = s3.list().unwrap();
    assert!(!left.contains(&orphan), "the orphan is gone");
    assert!(left.contains(&corrupt), "damage is reported, never deleted");
    let after = vault.fsck().unwrap();
    assert_eq!(after.missing_blobs, vec![missing]);
    assert_eq!(after.corrupt_blobs, vec![corrupt]);
    assert!(after.orphan_blobs.is_empty());
    // The one intact document still reads.
    let intact = docs.iter().find(|d| {
        vault
            .open_document(&alice, d, None)
            .is_ok_and(|(_, mut r)| {
                let mut out = Vec::new();
                r.read_to_end(&mut out).is_ok()
            })
    });
    assert!(intact.is_some());
}
