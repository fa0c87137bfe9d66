//! The recovery key's rotation: when a custodian leaves, a new key replaces the old one, and
//! the old key and its shares open nothing the vault stores from then on.

mod common;

use std::path::Path;
use std::str::FromStr;

use common::*;
use secrecy::{ExposeSecret, SecretString};
use vault_core::{combine_shares, DocumentKind, Error, Role, SecretKey, Vault};

const AGE_HEADER: &[u8] = b"age-encryption.org/v1\n";

/// Every entry of the catalogue of the (closed) vault in `data`, read with sled itself.
fn catalogue(data: &Path) -> Vec<(String, Vec<u8>)> {
    let db = sled::open(data.join("catalog")).unwrap();
    db.iter()
        .map(|item| {
            let (k, v) = item.unwrap();
            (String::from_utf8(k.to_vec()).unwrap(), v.to_vec())
        })
        .collect()
}

/// Whether `key` opens the age file `sealed`; panics on a file that is not one.
fn opens(sealed: &[u8], key: &SecretKey) -> bool {
    let identity = age::x25519::Identity::from_str(key.to_secret_string().expose_secret()).unwrap();
    let decryptor = age::Decryptor::new_buffered(sealed).unwrap();
    match decryptor.decrypt(std::iter::once(&identity as &dyn age::Identity)) {
        Ok(_) => true,
        Err(age::DecryptError::NoMatchingKeys) => false,
        Err(e) => panic!("not an age file the vault wrote: {e}"),
    }
}

fn recovery_wraps(entries: &[(String, Vec<u8>)]) -> Vec<(String, Vec<u8>)> {
    entries
        .iter()
        .filter(|(k, _)| k.starts_with("wrap/") && k.ends_with("/recovery"))
        .cloned()
        .collect()
}

#[test]
fn after_a_rotation_the_old_key_and_its_shares_open_nothing_stored() {
    let f = Fixture::new();
    let data = f.data();
    f.add(
        &f.bob,
        DocumentKind::Identity,
        "passeport.pdf",
        b"%PDF passport",
    );
    let old = f.recovery_key();
    let old_shares = f.vault.split_recovery(&f.alice, &old, 3, 2).unwrap();
    let Fixture {
        dir: _dir,
        vault,
        alice,
        bob,
        ..
    } = f;
    drop(vault);
    let before = recovery_wraps(&catalogue(&data));
    // users alice, bob, carol; the team; the case; the log key's seed.
    assert_eq!(
        before.len(),
        6,
        "{:?}",
        before.iter().map(|w| &w.0).collect::<Vec<_>>()
    );
    let vault = Vault::open(&data).unwrap();
    vault.set_min_free_bytes(0);

    // A volunteer, or the key of another vault, rotate nothing.
    let stranger = SecretKey::parse(
        age::x25519::Identity::generate()
            .to_string()
            .expose_secret(),
    )
    .unwrap();
    assert!(matches!(
        vault.rotate_recovery(&bob, &old, 3, 2, |_| Ok(())),
        Err(Error::Denied(_))
    ));
    assert!(matches!(
        vault.rotate_recovery(&alice, &stranger, 3, 2, |_| Ok(())),
        Err(Error::BadRecoveryKey)
    ));
    // The new shares could not be written out: nothing changes, the old key still works.
    let failed = vault.rotate_recovery(&alice, &old, 3, 2, |_| {
        Err(Error::Io(std::io::Error::other("USB key pulled out")))
    });
    assert!(matches!(failed, Err(Error::Io(_))), "{:?}", failed.err());
    vault
        .recover_user(&alice, &old, "bob", &password("bob-pass-2"))
        .unwrap();

    // A custodian leaves: two of the three old shares give the key that rotates.
    let mut delivered: Vec<SecretString> = Vec::new();
    let two_old = combine_shares(&old_shares[..2]).unwrap();
    let rotated = vault
        .rotate_recovery(&alice, &two_old, 3, 2, |shares| {
            delivered = shares.to_vec();
            Ok(())
        })
        .unwrap();
    assert_eq!(rotated.rewrapped, 6);
    assert!(rotated.compacted);
    assert_eq!(delivered.len(), 3);
    let new = combine_shares(&rotated.shares[1..]).unwrap();
    assert_eq!(new.public().to_string(), vault.recovery_recipient());
    assert_ne!(new.public(), old.public());

    // Written after the rotation: a user, a team and a case.
    vault
        .create_user(&alice, "dan", Role::Volunteer, &password("dan-pass-1"))
        .unwrap();
    vault.create_team(&alice, "Permanence Saint-Denis").unwrap();
    vault
        .create_case(
            &alice,
            "Permanence Saint-Denis",
            &vault_core::CaseProfile {
                name: "Amadou Diallo-Testname".into(),
                ..Default::default()
            },
        )
        .unwrap();

    // The old key, whole or from its shares, recovers no account, old or new.
    for name in ["bob", "dan"] {
        for key in [&old, &combine_shares(&old_shares[1..]).unwrap()] {
            assert!(matches!(
                vault.recover_user(&alice, key, name, &password("stolen-pass")),
                Err(Error::BadRecoveryKey)
            ));
        }
        vault
            .recover_user(&alice, &new, name, &password("new-pass-3"))
            .unwrap();
    }
    assert!(matches!(
        vault.split_recovery(&alice, &old, 3, 2),
        Err(Error::BadRecoveryKey)
    ));
    let events = vault.log_events(&alice, 0, 10_000).unwrap();
    let rotations: Vec<_> = events
        .iter()
        .filter(|e| e.action == "recovery.rotate")
        .map(|e| e.outcome.to_string())
        .collect();
    assert!(rotations.ends_with(&["ok".to_string()]), "{rotations:?}");
    assert!(rotations.contains(&"denied".to_string()), "{rotations:?}");
    drop(vault);

    // Over every stored wrap: the old key opens none; the new one opens each recovery wrap.
    let entries = catalogue(&data);
    let sealed: Vec<_> = entries
        .iter()
        .filter(|(_, v)| v.starts_with(AGE_HEADER))
        .collect();
    assert!(sealed.len() > 10, "{} sealed entries", sealed.len());
    for (k, v) in &sealed {
        assert!(!opens(v, &old), "the old recovery key opens {k}");
    }
    let after = recovery_wraps(&entries);
    assert_eq!(after.len(), 9, "three more: dan, the team, the case");
    for (k, v) in &after {
        assert!(opens(v, &new), "the new recovery key does not open {k}");
    }
    // Nor do the old wraps linger in sled's files, for a copy of the disk to give back.
    for (k, v) in &before {
        let stanza = &v[AGE_HEADER.len()..AGE_HEADER.len() + 60];
        assert!(
            files_containing(&data.join("catalog"), stanza).is_empty(),
            "the old wrap of {k} is still in the catalogue's files"
        );
    }
    // And the blobs are sealed to version keys, never to the recovery key.
    for file in files(&data.join("blobs")) {
        assert!(!opens(&std::fs::read(&file).unwrap(), &old), "{file:?}");
    }
}

#[test]
fn a_crash_before_vault_toml_is_rewritten_leaves_the_new_key_in_force() {
    let f = Fixture::new();
    let data = f.data();
    let toml_before = std::fs::read_to_string(data.join("vault.toml")).unwrap();
    let rotated = f
        .vault
        .rotate_recovery(&f.alice, &f.recovery_key(), 3, 2, |_| Ok(()))
        .unwrap();
    let new = combine_shares(&rotated.shares[..2]).unwrap();
    let toml_after = std::fs::read_to_string(data.join("vault.toml")).unwrap();
    assert!(
        toml_after.contains(&new.public().to_string()),
        "{toml_after}"
    );
    let Fixture {
        dir: _dir, vault, ..
    } = f;
    drop(vault);

    // As if the process had stopped between the catalogue's batch and vault.toml.
    std::fs::write(data.join("vault.toml"), &toml_before).unwrap();
    let vault = Vault::open(&data).unwrap();
    assert_eq!(vault.recovery_recipient(), new.public().to_string());
    let mended = std::fs::read_to_string(data.join("vault.toml")).unwrap();
    assert_eq!(mended, toml_after);
    let alice = vault.login("alice", &password("alice-pass")).unwrap();
    vault
        .recover_user(&alice, &new, "bob", &password("bob-pass-2"))
        .unwrap();
}
