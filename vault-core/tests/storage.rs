//! The data directory: what is on disk, opening it, erasing, fsck.

mod common;

use common::*;
use vault_core::{DocumentKind, Error, Problem, Vault};

#[test]
fn no_name_file_name_or_content_appears_in_clear_on_disk() {
    let f = Fixture::new();
    let content = b"ATTESTATION-DE-VIOLENCES-CONTENU-UNIQUE ".repeat(3000);
    f.add(
        &f.bob,
        DocumentKind::Evidence,
        "plainte-commissariat-unique.pdf",
        &content,
    );
    f.vault
        .intake(
            &f.case,
            &b"INTAKE-CONTENT-UNIQUE"[..],
            &doc(DocumentKind::Identity, "intake-name-unique.jpg"),
        )
        .unwrap();
    let data = f.data();
    drop(f.vault);
    for needle in [
        BENEFICIARY.as_bytes(),
        b"Haidari",
        b"afghane",
        b"+33 6 12 34 56 78",
        b"Rendez-vous OFPRA",
        b"1990-02-28",
        b"plainte-commissariat-unique",
        b"intake-name-unique",
        b"note confidentielle",
        b"ATTESTATION-DE-VIOLENCES",
        b"INTAKE-CONTENT-UNIQUE",
    ] {
        let found = files_containing(&data, needle);
        assert!(
            found.is_empty(),
            "{:?} found in {found:?}",
            String::from_utf8_lossy(needle)
        );
    }
    // The search itself works: the team name is public and is found.
    assert!(!files_containing(&data, TEAM.as_bytes()).is_empty());
}

#[test]
fn erasing_a_case_leaves_no_blob_and_no_wrap() {
    let f = Fixture::new();
    let erased = f.add(
        &f.bob,
        DocumentKind::Evidence,
        "a.jpg",
        &pattern(100_000, 1),
    );
    let draft = f.add(&f.bob, DocumentKind::Appeal, "b.odt", b"draft");
    let other_case = f
        .vault
        .create_case(
            &f.alice,
            TEAM,
            &vault_core::CaseProfile {
                name: "Autre".into(),
                ..Default::default()
            },
        )
        .unwrap();
    let kept = f
        .vault
        .add_document(
            &f.alice,
            &other_case,
            &b"kept"[..],
            &doc(DocumentKind::Other, "k"),
        )
        .unwrap();
    let data = f.data();
    let recovery = f.recovery_key().to_secret_string();
    let (case, alice) = (f.case.clone(), f.alice);
    drop(f.vault);
    // The erased case's wraps and sealed entries as stored, to look for them afterwards.
    let secrets: Vec<Vec<u8>> = catalogue_values(&data)
        .into_iter()
        .filter(|(k, _)| {
            [case.as_str(), erased.as_str(), draft.as_str()]
                .iter()
                .any(|id| k.contains(id))
        })
        .filter(|(k, _)| {
            k.starts_with("wrap/") || k.starts_with("profile/") || k.starts_with("meta/")
        })
        .map(|(_, v)| v)
        .collect();
    assert_eq!(
        secrets.len(),
        2 + 1 + 2 * 2,
        "case wraps, profile, two versions' wraps and metadata"
    );

    let vault = Vault::open(&data).unwrap();
    let report = vault.erase_case(&alice, &case).unwrap();
    assert_eq!((report.documents, report.blobs), (2, 2));
    assert!(matches!(
        vault.case(&alice, &case),
        Err(Error::NotFound { .. })
    ));
    assert!(matches!(
        vault.open_document(&alice, &erased, None),
        Err(Error::NotFound { .. })
    ));
    assert_eq!(read_all(&vault, &alice, &kept), b"kept");
    assert!(vault.fsck().unwrap().is_clean());
    drop(vault);

    assert_eq!(
        files(&data.join("blobs")).len(),
        1,
        "only the other case's blob is left"
    );
    let values = catalogue_values(&data);
    for id in [case.as_str(), erased.as_str(), draft.as_str()] {
        assert!(values.iter().all(|(k, _)| !k.contains(id)));
    }
    // Not even in the catalogue's files on disk (sled keeps freed bytes until compaction).
    for secret in &secrets {
        let window = &secret[secret.len() / 2..secret.len() / 2 + 48];
        assert!(
            files_containing(&data, window).is_empty(),
            "an erased wrap is still on disk"
        );
    }
    // Even the recovery key reaches no key of the erased case.
    use secrecy::ExposeSecret;
    let reachable = reachable_keys(&values, vec![recovery.expose_secret().parse().unwrap()]);
    // recovery, 3 users, team, the remaining case and its single document version.
    assert_eq!(reachable.len(), 1 + 3 + 1 + 1 + 1);
}

#[test]
fn opening_reports_missing_newer_damaged_and_busy_vaults() {
    let dir = tempfile::tempdir().unwrap();
    let missing = Vault::open(&dir.path().join("nope")).err().unwrap();
    assert!(matches!(missing, Error::NotAVault { .. }));
    assert!(missing.to_string().starts_with("not_a_vault: "));
    assert!(matches!(
        Vault::open(dir.path()),
        Err(Error::NotAVault { .. })
    ));

    let path = dir.path().join("v");
    // A refused creation leaves nothing behind, so it can simply be retried.
    let short = Vault::create(&path, &settings(), "alice", &password("short"));
    assert!(matches!(short, Err(Error::Invalid(Problem::PasswordShort))));
    assert!(!path.exists());
    let vault = Vault::create(&path, &settings(), "alice", &password("alice-pass"))
        .unwrap()
        .vault;
    let busy = Vault::open(&path).err().unwrap();
    assert!(matches!(busy, Error::InUse { .. }), "{busy}");
    assert!(busy.to_string().starts_with("in_use: "));
    assert!(matches!(
        Vault::create(&path, &settings(), "x", &password("xxxxxxxx")),
        Err(Error::AlreadyExists { .. })
    ));
    drop(vault);

    let toml = path.join("vault.toml");
    let text = std::fs::read_to_string(&toml).unwrap();
    std::fs::write(
        &toml,
        text.replace("format_version = 1", "format_version = 7"),
    )
    .unwrap();
    let newer = Vault::open(&path).err().unwrap();
    assert!(
        matches!(
            newer,
            Error::NewerFormat {
                found: 7,
                supported: 1
            }
        ),
        "{newer}"
    );
    assert!(newer.to_string().starts_with("newer_format: 7"), "{newer}");
    std::fs::write(&toml, "garbage = [").unwrap();
    assert!(matches!(Vault::open(&path), Err(Error::Damaged { .. })));
    std::fs::remove_file(&toml).unwrap();
    assert!(matches!(Vault::open(&path), Err(Error::Damaged { .. })));
    std::fs::write(&toml, &text).unwrap();
    Vault::open(&path).unwrap();
}

#[test]
fn fsck_reports_and_cleans_orphans_and_leftovers() {
    let f = Fixture::new();
    let id = f.add(&f.bob, DocumentKind::Other, "x", b"content");
    let data = f.data();
    let (alice, bob) = (f.alice, f.bob);
    drop(f.vault);
    // A crash: a blob written but never recorded, and a half-written temporary file.
    let bytes = b"orphan";
    let hash = blake3::hash(bytes).to_hex();
    let orphan = data.join("blobs").join(&hash[0..2]).join(&hash[2..4]);
    std::fs::create_dir_all(&orphan).unwrap();
    std::fs::write(orphan.join(format!("{hash}.age")), bytes).unwrap();
    let vault = Vault::open(&data).unwrap();
    let report = vault.fsck().unwrap();
    assert_eq!(report.orphan_blobs.len(), 1);
    assert!(!report.has_damage());
    // Leftovers in tmp/ appear while the vault is open (a crash is swept at the next open).
    std::fs::write(data.join("tmp/stale.part"), b"half").unwrap();
    assert_eq!(
        vault.fsck().unwrap().leftovers,
        vec!["stale.part".to_string()]
    );
    let repaired = vault.fsck_repair().unwrap();
    assert_eq!(repaired.removed, 2);
    assert!(vault.fsck().unwrap().is_clean());
    assert_eq!(read_all(&vault, &bob, &id), b"content");
    drop(alice);
}

#[test]
fn a_tampered_blob_id_in_the_catalogue_is_damage_not_a_path() {
    let f = Fixture::new();
    let id = f.add(&f.bob, DocumentKind::Appeal, "x.odt", b"draft");
    let (data, bob) = (f.data(), f.bob);
    drop(f.vault);
    {
        let db = open_catalog(&data);
        let key = format!("doc/{}/{}", f.case, id);
        let record = String::from_utf8(db.get(&key).unwrap().unwrap().to_vec()).unwrap();
        let blob = record.split("\"blob\":\"").nth(1).unwrap()[..64].to_string();
        db.insert(
            &key,
            record.replace(&blob, "../../../vault.toml").as_bytes(),
        )
        .unwrap();
        db.flush().unwrap();
    }
    let vault = Vault::open(&data).unwrap();
    assert!(matches!(
        vault.open_document(&bob, &id, None),
        Err(Error::Damaged { .. })
    ));
    assert!(matches!(
        vault.delete_document(&bob, &id),
        Err(Error::Damaged { .. })
    ));
    assert!(matches!(vault.fsck(), Err(Error::Damaged { .. })));
    assert!(data.join("vault.toml").exists());
}
