//! Documents: round trips, versions, evidence, damage, intake.

mod common;

use std::io::Read;

use common::*;
use vault_core::{DocumentKind, Error};

#[test]
fn round_trips_at_chunk_boundaries_and_large_sizes() {
    let f = Fixture::new();
    // age encrypts in 64 KiB chunks: 65535, 65536 and 65537 straddle the first boundary.
    for (i, size) in [0usize, 1, 65_535, 65_536, 65_537, 10 * 1024 * 1024]
        .into_iter()
        .enumerate()
    {
        let content = pattern(size, i as u64);
        let id = f.add(&f.bob, DocumentKind::Identity, "passeport.jpg", &content);
        assert_eq!(read_all(&f.vault, &f.alice, &id), content, "size {size}");
        let (meta, _) = f.vault.open_document(&f.bob, &id, None).unwrap();
        assert_eq!(meta.size, size as u64);
        assert_eq!(meta.blake3, blake3::hash(&content).to_hex().as_str());
        assert_eq!(f.vault.verify_document(&f.bob, &id).unwrap(), 1);
    }
    assert_eq!(f.vault.list_documents(&f.bob, &f.case).unwrap().len(), 6);
    assert!(f.vault.fsck().unwrap().is_clean());
}

#[test]
fn appeals_take_versions_and_evidence_is_immutable() {
    let f = Fixture::new();
    let appeal = f.add(
        &f.bob,
        DocumentKind::Appeal,
        "recours-v1.odt",
        b"premier jet",
    );
    let n = f
        .vault
        .add_version(
            &f.bob,
            &appeal,
            &b"second jet"[..],
            &doc(DocumentKind::Other, "recours-v2.odt"),
        )
        .unwrap();
    assert_eq!(n, 2);
    assert_eq!(read_all(&f.vault, &f.bob, &appeal), b"second jet");
    let history = f.vault.document_history(&f.bob, &appeal).unwrap();
    assert_eq!(history.len(), 2);
    assert_eq!(history[0].filename, "recours-v1.odt");
    // A document keeps its kind across versions.
    assert_eq!(history[1].kind, DocumentKind::Appeal);
    let (_, mut v1) = f.vault.open_document(&f.bob, &appeal, Some(1)).unwrap();
    let mut first = Vec::new();
    v1.read_to_end(&mut first).unwrap();
    assert_eq!(first, b"premier jet");

    let evidence = f.add(
        &f.bob,
        DocumentKind::Evidence,
        "certificat-medical.pdf",
        b"ITT 10 jours",
    );
    let replaced = f.vault.add_version(
        &f.alice,
        &evidence,
        &b"autre"[..],
        &doc(DocumentKind::Evidence, "x.pdf"),
    );
    assert!(matches!(replaced, Err(Error::Immutable)));
    assert!(matches!(
        f.vault.delete_document(&f.alice, &evidence),
        Err(Error::Immutable)
    ));
    assert_eq!(read_all(&f.vault, &f.bob, &evidence), b"ITT 10 jours");

    f.vault.delete_document(&f.bob, &appeal).unwrap();
    assert!(matches!(
        f.vault.open_document(&f.bob, &appeal, None),
        Err(Error::NotFound { .. })
    ));
    assert_eq!(f.vault.list_documents(&f.bob, &f.case).unwrap().len(), 1);
    assert!(f.vault.fsck().unwrap().is_clean());
}

#[test]
fn a_flipped_byte_in_a_blob_is_reported_as_damage() {
    let f = Fixture::new();
    let content = pattern(200_000, 7);
    let id = f.add(&f.bob, DocumentKind::Evidence, "photo.jpg", &content);
    let blob = files(&f.data().join("blobs"))
        .into_iter()
        .find(|p| p.extension().is_some_and(|e| e == "age"))
        .unwrap();
    // Flip one byte in the header, in the first chunk, and in the last chunk, in turn.
    let original = std::fs::read(&blob).unwrap();
    for offset in [40, 1000, original.len() - 5] {
        let mut bytes = original.clone();
        bytes[offset] ^= 0x01;
        std::fs::write(&blob, &bytes).unwrap();
        let mut handed_out = Vec::new();
        let result = f
            .vault
            .open_document(&f.bob, &id, None)
            .and_then(|(_, mut r)| std::io::copy(&mut r, &mut handed_out).map_err(Error::from));
        assert!(
            matches!(result, Err(Error::DocumentDamaged(_))),
            "offset {offset}: {result:?}"
        );
        assert!(
            handed_out.len() < content.len(),
            "offset {offset}: the damaged document was handed out whole"
        );
        assert!(matches!(
            f.vault.verify_document(&f.bob, &id),
            Err(Error::DocumentDamaged(_))
        ));
        let report = f.vault.fsck().unwrap();
        assert_eq!(report.corrupt_blobs.len(), 1);
        assert!(report.has_damage());
    }
    std::fs::write(&blob, &original).unwrap();
    assert_eq!(read_all(&f.vault, &f.bob, &id), content);
}

#[test]
fn a_truncated_or_missing_blob_is_damage() {
    let f = Fixture::new();
    let id = f.add(
        &f.bob,
        DocumentKind::Identity,
        "titre-sejour.png",
        &pattern(150_000, 3),
    );
    let blob = files(&f.data().join("blobs")).pop().unwrap();
    let bytes = std::fs::read(&blob).unwrap();
    std::fs::write(&blob, &bytes[..bytes.len() - 70_000]).unwrap();
    assert!(matches!(
        f.vault.verify_document(&f.bob, &id),
        Err(Error::DocumentDamaged(_))
    ));
    std::fs::remove_file(&blob).unwrap();
    assert!(matches!(
        f.vault.verify_document(&f.bob, &id),
        Err(Error::DocumentDamaged(_))
    ));
    assert_eq!(f.vault.fsck().unwrap().missing_blobs.len(), 1);
}

#[test]
fn file_names_with_paths_or_control_characters_are_refused() {
    let f = Fixture::new();
    for name in [
        "",
        "..",
        "../etc/passwd",
        "a/b.pdf",
        "c:\\x.pdf",
        "bell\u{7}.pdf",
        "new\nline.pdf",
    ] {
        let r = f
            .vault
            .add_document(&f.bob, &f.case, &b"x"[..], &doc(DocumentKind::Other, name));
        assert!(
            matches!(
                r,
                Err(Error::Invalid(p)) if p.field() == "file name"
            ),
            "{name:?}"
        );
    }
    assert!(f.vault.list_documents(&f.bob, &f.case).unwrap().is_empty());
    assert!(f.vault.fsck().unwrap().is_clean());
}

#[test]
fn file_names_that_hide_what_they_are_are_refused() {
    let f = Fixture::new();
    let appeal = f.add(&f.bob, DocumentKind::Appeal, "recours.odt", b"v1");
    for name in [
        // Reads as "photo-passeportexe.jpg".
        "photo-passeport\u{202E}gpj.exe",
        "a\u{202A}b.pdf",
        "a\u{202B}b.pdf",
        "a\u{202C}b.pdf",
        "a\u{202D}b.pdf",
        "a\u{2066}b.pdf",
        "a\u{2067}b.pdf",
        "a\u{2068}b.pdf",
        "a\u{2069}b.pdf",
        "\u{200E}a.pdf",
        "\u{200F}a.pdf",
        "a\u{200B}.pdf",
        "a\u{200C}.pdf",
        "a\u{200D}.pdf",
        "a\u{2060}.pdf",
        "\u{FEFF}a.pdf",
        " ",
        "   ",
    ] {
        let new = doc(DocumentKind::Other, name);
        let refused = |r: Result<(), Error>| {
            matches!(
                r,
                Err(Error::BadName {
                    field: vault_core::Named::FileName,
                    ..
                })
            )
        };
        let r = f.vault.add_document(&f.bob, &f.case, &b"x"[..], &new);
        assert!(refused(r.map(drop)), "{name:?} accepted");
        let r = f.vault.add_version(&f.bob, &appeal, &b"x"[..], &new);
        assert!(refused(r.map(drop)), "{name:?} accepted as a version");
        let r = f.vault.intake(&f.case, &b"x"[..], &new);
        assert!(refused(r.map(drop)), "{name:?} accepted by intake");
    }
    // Letters of right-to-left scripts are names like any other.
    f.add(
        &f.bob,
        DocumentKind::Other,
        "\u{0639}\u{0642}\u{062F}.pdf",
        b"x",
    );
    assert_eq!(f.vault.list_documents(&f.bob, &f.case).unwrap().len(), 2);
    assert_eq!(f.vault.document_history(&f.bob, &appeal).unwrap().len(), 1);
    assert!(f.vault.fsck().unwrap().is_clean());
}

#[test]
fn intake_needs_no_session_and_members_read_it() {
    let f = Fixture::new();
    let id = f
        .vault
        .intake(
            &f.case,
            &b"photo du recepisse"[..],
            &doc(DocumentKind::Identity, "recepisse.jpg"),
        )
        .unwrap();
    assert_eq!(read_all(&f.vault, &f.bob, &id), b"photo du recepisse");
    // Intake into a case that does not exist fails without storing anything.
    let unknown: vault_core::CaseId = "0123456789abcdef0123456789abcdef".parse().unwrap();
    assert!(matches!(
        f.vault
            .intake(&unknown, &b"x"[..], &doc(DocumentKind::Other, "x")),
        Err(Error::NotFound { .. })
    ));
    assert!(f.vault.fsck().unwrap().is_clean());
}

#[test]
fn documents_over_the_limit_are_refused_and_leave_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let settings = vault_core::Settings {
        max_document_bytes: 1000,
        ..settings()
    };
    let vault = vault_core::Vault::create(
        &dir.path().join("v"),
        &settings,
        "alice",
        &password("alice-pass"),
    )
    .unwrap()
    .vault;
    let alice = vault.login("alice", &password("alice-pass")).unwrap();
    vault.create_team(&alice, TEAM).unwrap();
    let case = vault
        .create_case(
            &alice,
            TEAM,
            &vault_core::CaseProfile {
                name: "X".into(),
                ..Default::default()
            },
        )
        .unwrap();
    let ok = vault.add_document(
        &alice,
        &case,
        &pattern(1000, 1)[..],
        &doc(DocumentKind::Other, "a"),
    );
    assert!(ok.is_ok());
    let too_big = vault.add_document(
        &alice,
        &case,
        &pattern(1001, 1)[..],
        &doc(DocumentKind::Other, "b"),
    );
    assert!(
        matches!(too_big, Err(Error::TooLarge { limit: 1000 })),
        "{too_big:?}"
    );
    assert_eq!(vault.list_documents(&alice, &case).unwrap().len(), 1);
    assert!(vault.fsck().unwrap().is_clean());
}

#[test]
fn a_read_error_from_the_source_stores_nothing() {
    struct Failing(usize);
    impl Read for Failing {
        fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
            if self.0 == 0 {
                return Err(std::io::Error::other("source vanished"));
            }
            let n = buf.len().min(self.0);
            buf[..n].fill(7);
            self.0 -= n;
            Ok(n)
        }
    }
    let f = Fixture::new();
    let r = f.vault.add_document(
        &f.bob,
        &f.case,
        Failing(300_000),
        &doc(DocumentKind::Other, "x"),
    );
    assert!(matches!(r, Err(Error::Io(_))));
    assert!(f.vault.list_documents(&f.bob, &f.case).unwrap().is_empty());
    assert!(f.vault.fsck().unwrap().is_clean());
}

#[test]
fn a_full_disk_fails_the_add_clearly_and_keeps_what_was_stored() {
    let f = Fixture::new();
    let kept = f.add(
        &f.bob,
        DocumentKind::Evidence,
        "kept.jpg",
        &pattern(100_000, 5),
    );
    let data = f.data();
    let (bob, dir) = (f.bob, f.dir);
    drop(f.vault);
    let full = vault_core::testing::FullDisk::new(
        vault_core::FsBlobStore::new(data.join("blobs"), data.join("tmp")).unwrap(),
        1 << 20,
    );
    let vault = vault_core::Vault::open_with_blobs(&data, Box::new(full)).unwrap();
    let r = vault.add_document(
        &bob,
        &f.case,
        &pattern(3 << 20, 6)[..],
        &doc(DocumentKind::Other, "big.pdf"),
    );
    let err = r.unwrap_err();
    assert!(matches!(err, Error::DiskFull), "{err:?}");
    assert_eq!(err.to_string(), "disk_full");
    assert_eq!(vault.list_documents(&bob, &f.case).unwrap().len(), 1);
    assert_eq!(read_all(&vault, &bob, &kept), pattern(100_000, 5));
    assert!(vault.fsck().unwrap().is_clean());
    drop(dir);
}

#[test]
fn reading_past_the_end_keeps_returning_nothing() {
    let f = Fixture::new();
    let id = f.add(&f.bob, DocumentKind::Other, "x.txt", b"abc");
    let (_, mut reader) = f.vault.open_document(&f.bob, &id, None).unwrap();
    let mut out = Vec::new();
    reader.read_to_end(&mut out).unwrap();
    assert_eq!(out, b"abc");
    let mut buf = [0u8; 8];
    assert_eq!(reader.read(&mut buf).unwrap(), 0);
    assert_eq!(reader.read(&mut buf).unwrap(), 0);
}

#[test]
fn the_in_memory_blob_store_serves_the_same_vault() {
    let f = Fixture::new();
    let (data, bob, case, dir) = (f.data(), f.bob, f.case, f.dir);
    drop(f.vault);
    let store = vault_core::MemBlobStore::new();
    let vault = vault_core::Vault::open_with_blobs(&data, Box::new(store.clone())).unwrap();
    let content = pattern(200_000, 4);
    let id = vault
        .add_document(
            &bob,
            &case,
            &content[..],
            &doc(DocumentKind::Other, "m.bin"),
        )
        .unwrap();
    assert_eq!(read_all(&vault, &bob, &id), content);
    use vault_core::BlobStore;
    assert_eq!(store.list().unwrap().len(), 1);
    assert!(
        files(&data.join("blobs")).is_empty(),
        "nothing went to the disk"
    );
    assert!(vault.fsck().unwrap().is_clean());
    drop(dir);
}

/// A case's last activity is its last document, not only its last change of profile:
/// the desk's list shows it as "Dernière activité" and sorts by it.
#[test]
fn a_new_document_is_the_cases_last_activity() {
    let f = Fixture::new();
    let before = f.vault.case(&f.bob, &f.case).unwrap().updated;
    // Times are in seconds.
    std::thread::sleep(std::time::Duration::from_millis(1100));
    let id = f
        .vault
        .add_document(
            &f.bob,
            &f.case,
            &b"x"[..],
            &doc(DocumentKind::Other, "a.pdf"),
        )
        .unwrap();
    let after = f.vault.case(&f.bob, &f.case).unwrap();
    assert!(after.updated > before, "{} then {}", before, after.updated);
    std::thread::sleep(std::time::Duration::from_millis(1100));
    f.vault
        .add_version(&f.bob, &id, &b"y"[..], &doc(DocumentKind::Other, "a.pdf"))
        .unwrap();
    assert!(f.vault.case(&f.bob, &f.case).unwrap().updated > after.updated);
    assert!(f.vault.fsck().unwrap().is_clean());
}

/// Bundles are signed by the log key, which admins hold: a volunteer is refused before
/// a byte is written, and the refusal is in the log.
#[test]
fn only_an_admin_exports_an_evidence_bundle() {
    let f = Fixture::new();
    f.add(&f.bob, DocumentKind::Evidence, "photo.jpg", b"photo");
    let mut out = Vec::new();
    let refused = f.vault.export_bundle(
        &f.bob,
        &f.case,
        &[],
        &vault_core::BundleContext::default(),
        &mut out,
    );
    assert!(
        matches!(refused, Err(vault_core::Error::Denied(_))),
        "{refused:?}"
    );
    assert!(out.is_empty());
    let events = f.vault.log_events(&f.alice, 0, 10_000).unwrap();
    assert!(events
        .iter()
        .any(|e| e.action == "bundle.export" && e.outcome == vault_core::Outcome::Denied));
    let summary = f
        .vault
        .export_bundle(
            &f.alice,
            &f.case,
            &[],
            &vault_core::BundleContext::default(),
            &mut out,
        )
        .unwrap();
    assert_eq!(summary.documents, 1);
    assert!(out.starts_with(b"PK"), "a ZIP");
}
