//! Who can open what: passwords, teams, rotation, recovery. Checked on the stored bytes.

mod common;

use common::*;
use secrecy::ExposeSecret;
use vault_core::{CaseStatus, DocumentKind, Error, Problem, Role};

fn identity(session: &vault_core::Session) -> age::x25519::Identity {
    session.export_identity().expose_secret().parse().unwrap()
}

#[test]
fn wrong_password_and_unknown_user_give_the_same_error() {
    let f = Fixture::new();
    let wrong = f
        .vault
        .login("alice", &password("not-her-password"))
        .unwrap_err();
    let unknown = f
        .vault
        .login("mallory", &password("alice-pass"))
        .unwrap_err();
    assert!(matches!(wrong, Error::BadCredentials));
    assert!(matches!(unknown, Error::BadCredentials));
    assert_eq!(wrong.to_string(), unknown.to_string());
}

#[test]
fn a_user_outside_the_team_cannot_open_the_case_nor_any_wrap() {
    let f = Fixture::new();
    let doc = f.add(&f.bob, DocumentKind::Evidence, "photos.zip", b"preuves");
    assert!(matches!(
        f.vault.case(&f.carol, &f.case),
        Err(Error::Denied(_))
    ));
    assert!(matches!(
        f.vault.open_document(&f.carol, &doc, None),
        Err(Error::Denied(_))
    ));
    assert!(matches!(
        f.vault.list_documents(&f.carol, &f.case),
        Err(Error::Denied(_))
    ));
    assert!(f.vault.list_cases(&f.carol).unwrap().is_empty());
    assert_eq!(
        f.vault.list_cases(&f.bob).unwrap()[0].profile.name,
        BENEFICIARY
    );

    let carol = identity(&f.carol);
    let data = f.data();
    drop(f.vault);
    // At the level of the stored bytes: no secret key in clear anywhere...
    assert!(files_containing(&data, b"AGE-SECRET-KEY").is_empty());
    assert!(files_containing(&data, b"age-secret-key").is_empty());
    // ...and everything Carol's key opens in the catalogue leads to no case key.
    let values = catalogue_values(&data);
    let reachable = reachable_keys(&values, vec![carol]);
    assert_eq!(reachable.len(), 1, "Carol's key opens nothing but itself");
    let sealed_profile = &values
        .iter()
        .find(|(k, _)| k.starts_with("profile/"))
        .unwrap()
        .1;
    assert!(reachable
        .iter()
        .all(|k| try_open(sealed_profile, k).is_none()));
}

#[test]
fn a_removed_member_cannot_open_documents_added_later() {
    let f = Fixture::new();
    let before = f.add(&f.bob, DocumentKind::Identity, "passeport.jpg", b"avant");
    let bob = identity(&f.bob);
    let data = f.data();
    let dir = f.dir;
    // Everything Bob could unwrap before his removal, from a copy of the catalogue.
    let (vault, alice) = (f.vault, f.alice);
    drop(f.bob);
    drop(vault);
    let before_values = catalogue_values(&data);
    let bob_keys = reachable_keys(&before_values, vec![bob]);
    assert!(
        bob_keys.len() >= 4,
        "user, team, case and document keys: {}",
        bob_keys.len()
    );

    let vault = vault_core::Vault::open(&data).unwrap();
    let team = vault.remove_member(&alice, TEAM, "bob").unwrap();
    assert_eq!(team.epoch, 2);
    let after = vault
        .add_document(
            &alice,
            &f.case,
            &b"apres"[..],
            &doc(DocumentKind::Evidence, "new.pdf"),
        )
        .unwrap();
    // Bob signs in again: the vault refuses him the case.
    let bob_session = vault.login("bob", &password("bob-pass-1")).unwrap();
    assert!(matches!(
        vault.open_document(&bob_session, &after, None),
        Err(Error::Denied(_))
    ));
    // Alice still reads old and new documents: nothing was lost in the rotation.
    assert_eq!(read_all(&vault, &alice, &before), b"avant");
    assert_eq!(read_all(&vault, &alice, &after), b"apres");
    assert_eq!(
        vault.case(&alice, &f.case).unwrap().profile.name,
        BENEFICIARY
    );
    drop(bob_session);
    drop(vault);

    // None of Bob's old keys opens the new document's key wrap, its metadata, the new
    // case key wrap, the re-sealed profile, or the new team key wrap.
    let values = catalogue_values(&data);
    let new_entries: Vec<_> = values
        .iter()
        .filter(|(k, _)| {
            k.contains(after.as_str())
                || k.starts_with("wrap/case/")
                || k.starts_with("wrap/team/")
                || k.starts_with("profile/")
        })
        .collect();
    assert!(new_entries.len() >= 6);
    for (key, value) in &new_entries {
        for k in &bob_keys {
            assert!(
                try_open(value, k).is_none(),
                "an old key of Bob opens {key}"
            );
        }
    }
    // Nor does the closure of his keys over the whole new catalogue reach anything new.
    let bob_user = bob_keys.into_iter().next().unwrap();
    assert_eq!(reachable_keys(&values, vec![bob_user]).len(), 1);
    drop(dir);
}

#[test]
fn password_change_rewraps_and_recovery_restores_a_lost_password() {
    let f = Fixture::new();
    let doc = f.add(&f.bob, DocumentKind::Appeal, "recours.odt", b"draft");
    assert!(matches!(
        f.vault
            .change_password(&f.bob, &password("wrong-old"), &password("new-pass-2")),
        Err(Error::BadCredentials)
    ));
    assert!(matches!(
        f.vault
            .change_password(&f.bob, &password("bob-pass-1"), &password("short")),
        Err(Error::Invalid(Problem::PasswordShort))
    ));
    f.vault
        .change_password(&f.bob, &password("bob-pass-1"), &password("new-pass-2"))
        .unwrap();
    assert!(matches!(
        f.vault.login("bob", &password("bob-pass-1")),
        Err(Error::BadCredentials)
    ));
    let bob = f.vault.login("bob", &password("new-pass-2")).unwrap();
    assert_eq!(read_all(&f.vault, &bob, &doc), b"draft");

    // Bob forgets it; an admin with the recovery key gives him a new one.
    let wrong_recovery = vault_core::SecretKey::parse(
        age::x25519::Identity::generate()
            .to_string()
            .expose_secret(),
    )
    .unwrap();
    assert!(matches!(
        f.vault
            .recover_user(&f.alice, &wrong_recovery, "bob", &password("third-pass")),
        Err(Error::BadRecoveryKey)
    ));
    assert!(matches!(
        f.vault
            .recover_user(&f.carol, &f.recovery_key(), "bob", &password("third-pass")),
        Err(Error::Denied(_))
    ));
    f.vault
        .recover_user(&f.alice, &f.recovery_key(), "bob", &password("third-pass"))
        .unwrap();
    let bob = f.vault.login("bob", &password("third-pass")).unwrap();
    assert_eq!(read_all(&f.vault, &bob, &doc), b"draft");
}

#[test]
fn roles_limit_who_manages_users_teams_and_erasure() {
    let f = Fixture::new();
    assert!(matches!(
        f.vault
            .create_user(&f.bob, "dan", Role::Volunteer, &password("dan-pass-1")),
        Err(Error::Denied(_))
    ));
    assert!(matches!(
        f.vault.create_team(&f.bob, "x"),
        Err(Error::Denied(_))
    ));
    assert!(matches!(
        f.vault.erase_case(&f.bob, &f.case),
        Err(Error::Denied(_))
    ));
    assert!(matches!(f.vault.list_users(&f.bob), Err(Error::Denied(_))));
    let coord = f
        .vault
        .create_user(
            &f.alice,
            "claire",
            Role::Coordinator,
            &password("claire-pass"),
        )
        .unwrap();
    let claire = f.vault.login("claire", &password("claire-pass")).unwrap();
    assert_eq!(claire.user().id, coord.id);
    assert!(matches!(
        f.vault
            .create_user(&claire, "eve", Role::Admin, &password("eve-pass-1")),
        Err(Error::Denied(_))
    ));
    f.vault
        .create_user(&claire, "dan", Role::Volunteer, &password("dan-pass-1"))
        .unwrap();
    assert!(matches!(
        f.vault
            .create_user(&claire, "dan", Role::Volunteer, &password("dan-pass-1")),
        Err(Error::Duplicate { .. })
    ));
    // A coordinator outside the team cannot erase its cases nor add members to it.
    assert!(matches!(
        f.vault.erase_case(&claire, &f.case),
        Err(Error::Denied(_))
    ));
    assert!(matches!(
        f.vault.add_member(&claire, TEAM, "dan"),
        Err(Error::Denied(_))
    ));
    assert_eq!(f.vault.list_users(&f.alice).unwrap().len(), 5);
}

#[test]
fn cases_update_close_and_reopen() {
    let f = Fixture::new();
    let mut case = f.vault.case(&f.bob, &f.case).unwrap();
    assert_eq!(case.status, CaseStatus::Open);
    case.profile.notes = Some("Audience CNDA le 3 mars".into());
    f.vault.update_case(&f.bob, &f.case, &case.profile).unwrap();
    f.vault
        .set_case_status(&f.bob, &f.case, CaseStatus::Closed)
        .unwrap();
    let closed = f.vault.case(&f.alice, &f.case).unwrap();
    assert_eq!(closed.status, CaseStatus::Closed);
    assert_eq!(
        closed.profile.notes.as_deref(),
        Some("Audience CNDA le 3 mars")
    );
    f.vault
        .set_case_status(&f.bob, &f.case, CaseStatus::Open)
        .unwrap();
    assert_eq!(
        f.vault.case(&f.bob, &f.case).unwrap().status,
        CaseStatus::Open
    );
    let mut bad = closed.profile.clone();
    bad.birth_date = Some("1990-02-30".into());
    assert!(matches!(
        f.vault.update_case(&f.bob, &f.case, &bad),
        Err(Error::Invalid(Problem::BirthDate))
    ));
    bad.birth_date = None;
    bad.name = " ".into();
    assert!(matches!(
        f.vault.update_case(&f.bob, &f.case, &bad),
        Err(Error::Invalid(Problem::CaseNameEmpty))
    ));

    // Each change is in the log, by its author, naming the case and nothing of the profile;
    // the refused edits are there as failures.
    let target = format!("case:{}", f.case);
    let events = f.vault.log_events(&f.alice, 0, 10_000).unwrap();
    let changes: Vec<(String, String, String)> = events
        .iter()
        .filter(|e| e.targets.contains(&target))
        .filter(|e| !["case.view", "case.create"].contains(&e.action.as_str()))
        .map(|e| (e.actor.clone(), e.action.clone(), e.outcome.to_string()))
        .collect();
    let bob = f.bob.user().id.to_string();
    let expected: Vec<(String, String, String)> = [
        ("case.update", "begun"),
        ("case.update", "ok"),
        ("case.close", "begun"),
        ("case.close", "ok"),
        ("case.reopen", "begun"),
        ("case.reopen", "ok"),
        ("case.update", "failed"),
        ("case.update", "failed"),
    ]
    .iter()
    .map(|(a, o)| (bob.clone(), a.to_string(), o.to_string()))
    .collect();
    assert_eq!(changes, expected);
    for e in &events {
        for t in &e.targets {
            assert!(!t.contains("CNDA") && !t.contains(BENEFICIARY), "{t}");
        }
    }
}

#[test]
fn debug_output_reveals_no_secret_and_no_name() {
    let f = Fixture::new();
    let case = f.vault.case(&f.bob, &f.case).unwrap();
    let text = format!("{:?} {:?} {:?}", f.bob, case, f.recovery_key());
    assert!(!text.contains(BENEFICIARY));
    assert!(!text.contains("AGE-SECRET-KEY"));
    let key = f.bob.export_identity();
    assert!(!text.contains(&key.expose_secret()[16..40]));
}

#[test]
fn the_last_member_cannot_be_removed_and_team_names_cannot_look_like_ids() {
    let f = Fixture::new();
    f.vault.remove_member(&f.alice, TEAM, "bob").unwrap();
    let last = f.vault.remove_member(&f.alice, TEAM, "alice");
    assert!(matches!(last, Err(Error::Invalid(Problem::LastMember))));
    assert_eq!(
        f.vault.case(&f.alice, &f.case).unwrap().profile.name,
        BENEFICIARY
    );
    let id_like = f
        .vault
        .create_team(&f.alice, "0123456789abcdef0123456789abcdef");
    assert!(matches!(
        id_like,
        Err(Error::Invalid(Problem::TeamNameLikeId))
    ));
}

#[test]
fn a_disabled_account_cannot_sign_in_until_enabled_again() {
    let f = Fixture::new();
    let bob = f.vault.set_user_disabled(&f.alice, "bob", true).unwrap();
    assert!(bob.disabled);
    assert!(matches!(
        f.vault.login("bob", &password("bob-pass-1")),
        Err(Error::BadCredentials)
    ));
    assert!(matches!(
        f.vault.login("bob", &password("wrong")),
        Err(Error::BadCredentials)
    ));
    // Nobody disables themselves; a volunteer disables nobody.
    assert!(matches!(
        f.vault.set_user_disabled(&f.alice, "alice", true),
        Err(Error::Invalid(_))
    ));
    assert!(matches!(
        f.vault.set_user_disabled(&f.carol, "alice", true),
        Err(Error::Denied(_))
    ));
    let users = f.vault.list_users(&f.alice).unwrap();
    assert!(users.iter().find(|u| u.name == "bob").unwrap().disabled);
    f.vault.set_user_disabled(&f.alice, "bob", false).unwrap();
    f.vault.login("bob", &password("bob-pass-1")).unwrap();
    let log = f.vault.log_events(&f.alice, 0, 1000).unwrap();
    assert!(log.iter().any(|e| e.action == "user.disable"));
    assert!(log.iter().any(|e| e.action == "user.enable"));
}

/// A session keeps the keys it has unwrapped, for speed: that must change no access. Bob
/// reads a document (his session now holds the team's, the case's and the version's keys),
/// is removed from the team, and the same session can open nothing more of it; carol, added
/// after the rotation, reads what is added since with a session that cached the old keys.
#[test]
fn keys_a_session_has_unwrapped_open_nothing_once_its_user_leaves_the_team() {
    let f = Fixture::new();
    let doc = f.add(&f.bob, DocumentKind::Other, "attestation.pdf", b"avant");
    f.vault.add_member(&f.alice, TEAM, "carol").unwrap();
    let carol = f.vault.login("carol", &password("carol-pass")).unwrap();
    assert_eq!(read_all(&f.vault, &f.bob, &doc), b"avant");
    assert_eq!(read_all(&f.vault, &carol, &doc), b"avant");
    // Twice: the second read comes from the session's cache.
    assert_eq!(read_all(&f.vault, &f.bob, &doc), b"avant");

    f.vault.remove_member(&f.alice, TEAM, "bob").unwrap();
    assert!(matches!(
        f.vault.open_document(&f.bob, &doc, None),
        Err(Error::Denied(_))
    ));
    assert!(f.vault.case(&f.bob, &f.case).is_err());
    assert!(f.vault.list_documents(&f.bob, &f.case).is_err());

    // After the rotation, carol's session (which cached the old keys) reads the new
    // document and the old one.
    let after = f.add(&carol, DocumentKind::Other, "recours.pdf", b"apres");
    assert_eq!(read_all(&f.vault, &carol, &after), b"apres");
    assert_eq!(read_all(&f.vault, &carol, &doc), b"avant");
    assert!(f.vault.open_document(&f.bob, &after, None).is_err());
}
