//! The case list at scale: pages by last activity, and a name search through a blind
//! index that keeps no name in clear on disk.

mod common;

use common::*;
use vault_core::{CaseProfile, CaseQuery, CaseStatus, Vault};

fn profile(name: &str) -> CaseProfile {
    CaseProfile {
        name: name.into(),
        ..CaseProfile::default()
    }
}

fn names(vault: &Vault, who: &vault_core::Session, query: &CaseQuery) -> (Vec<String>, bool) {
    let page = vault.find_cases(who, query).unwrap();
    (
        page.cases.into_iter().map(|c| c.profile.name).collect(),
        page.more,
    )
}

fn search(text: &str) -> CaseQuery {
    CaseQuery {
        name: Some(text.into()),
        limit: 50,
        ..CaseQuery::default()
    }
}

/// Every byte of every file under `dir`.
fn all_bytes(dir: &std::path::Path, out: &mut Vec<u8>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            all_bytes(&path, out);
        } else {
            out.extend(std::fs::read(&path).unwrap());
        }
    }
}

#[test]
fn the_list_comes_in_pages_by_last_activity_and_status() {
    let f = Fixture::new();
    let v = &f.vault;
    let mut made = Vec::new();
    for i in 0..6 {
        // Distinct activity times: the order is by the second.
        std::thread::sleep(std::time::Duration::from_millis(1100));
        made.push(
            v.create_case(&f.alice, TEAM, &profile(&format!("Personne {i}")))
                .unwrap(),
        );
    }
    let page = |offset, status| CaseQuery {
        status,
        offset,
        limit: 3,
        name: None,
    };
    // Newest first, three at a time; the fixture's own case is the oldest.
    assert_eq!(
        names(v, &f.bob, &page(0, None)),
        (
            vec![
                "Personne 5".into(),
                "Personne 4".into(),
                "Personne 3".into()
            ],
            true
        )
    );
    assert_eq!(
        names(v, &f.bob, &page(6, None)),
        (vec![BENEFICIARY.to_string()], false)
    );
    // A document added is activity: that case comes first.
    std::thread::sleep(std::time::Duration::from_millis(1100));
    v.add_document(
        &f.bob,
        &made[1],
        &b"scan"[..],
        &doc(vault_core::DocumentKind::Identity, "id.pdf"),
    )
    .unwrap();
    assert_eq!(names(v, &f.bob, &page(0, None)).0[0], "Personne 1");
    // Closing moves it out of the open ones and into the closed ones.
    v.set_case_status(&f.alice, &made[1], CaseStatus::Closed)
        .unwrap();
    let open = names(v, &f.bob, &page(0, Some(CaseStatus::Open))).0;
    assert!(!open.contains(&"Personne 1".to_string()), "{open:?}");
    assert_eq!(
        names(v, &f.bob, &page(0, Some(CaseStatus::Closed))),
        (vec!["Personne 1".to_string()], false)
    );
    // Someone in no team sees no case, and a page of one is allowed but never more than
    // the largest page.
    assert_eq!(names(v, &f.carol, &page(0, None)), (vec![], false));
    let big = CaseQuery {
        limit: 10_000,
        ..CaseQuery::default()
    };
    assert_eq!(v.find_cases(&f.bob, &big).unwrap().cases.len(), 7);
    // The event names the cases of the page, not every case.
    let events = v.log_events(&f.alice, 0, 10_000).unwrap();
    let last = events
        .iter()
        .rev()
        .find(|e| e.action == "case.list")
        .unwrap();
    assert_eq!(last.targets.len(), 7);
    let earlier = events
        .iter()
        .filter(|e| e.action == "case.list" && e.actor == f.bob.user().id.to_string())
        .find(|e| e.targets.len() == 3);
    assert!(earlier.is_some(), "a page of three names three cases");
}

#[test]
fn a_name_is_found_through_the_blind_index_and_no_name_is_on_disk() {
    let f = Fixture::new();
    let v = &f.vault;
    let case = v
        .create_case(&f.bob, TEAM, &profile("Aïssatou Diallo-Nguyễn"))
        .unwrap();
    v.create_case(&f.bob, TEAM, &profile("Mamadou Diallo"))
        .unwrap();
    for typed in [
        "nguyen",
        "Diallo Nguyen",
        "diallo-nguyen",
        "aiss",
        "DIALLONGUYEN",
    ] {
        assert_eq!(
            names(v, &f.bob, &search(typed)).0,
            vec!["Aïssatou Diallo-Nguyễn".to_string()],
            "{typed:?}"
        );
    }
    assert_eq!(names(v, &f.bob, &search("diallo")).0.len(), 2);
    assert!(names(v, &f.bob, &search("martin")).0.is_empty());
    assert!(names(v, &f.bob, &search("--")).0.is_empty());
    // Someone outside the team finds nothing, even by the exact name.
    assert!(names(v, &f.carol, &search("Aïssatou Diallo-Nguyễn"))
        .0
        .is_empty());

    // A changed name is found by the new words only.
    v.update_case(&f.bob, &case, &profile("Aïssatou Nguyễn-Koné"))
        .unwrap();
    assert!(names(v, &f.bob, &search("diallo nguyen")).0.is_empty());
    assert_eq!(
        names(v, &f.bob, &search("kone")).0,
        vec!["Aïssatou Nguyễn-Koné".to_string()]
    );

    // Removing a member rotates the team key, and the index follows the new key.
    v.add_member(&f.alice, TEAM, "carol").unwrap();
    v.remove_member(&f.alice, TEAM, "carol").unwrap();
    assert_eq!(names(v, &f.bob, &search("kone")).0.len(), 1);
    assert!(names(v, &f.carol, &search("kone")).0.is_empty());

    // An erased case leaves the index.
    v.erase_case(&f.alice, &case).unwrap();
    assert!(names(v, &f.bob, &search("kone")).0.is_empty());
    assert!(names(v, &f.bob, &search("aissatou")).0.is_empty());

    let data = f.data();
    let dir = f.dir;
    drop(f.vault);
    let mut bytes = Vec::new();
    all_bytes(&data, &mut bytes);
    for word in ["mamadou", "Mamadou", "diallo", "Diallo", "MAMADOU"] {
        assert!(
            !bytes.windows(word.len()).any(|w| w == word.as_bytes()),
            "{word} is on disk in clear"
        );
    }
    drop(dir);
}

#[test]
fn a_vault_made_before_the_index_builds_it_at_the_first_search_and_records_it() {
    let f = Fixture::new();
    for name in ["Amina Yusuf", "Oleksandr Kovalenko"] {
        f.vault.create_case(&f.bob, TEAM, &profile(name)).unwrap();
    }
    let data = f.data();
    let (bob, alice) = (f.bob.user().id.clone(), f.alice.user().id.clone());
    let dir = f.dir;
    drop(f.vault);
    // What a vault of the previous version holds: no index at all.
    {
        let db = sled::open(data.join("catalog")).unwrap();
        for prefix in ["order/", "index/", "blind/", "blindof/"] {
            for key in db.scan_prefix(prefix).keys() {
                db.remove(key.unwrap()).unwrap();
            }
        }
        db.flush().unwrap();
    }
    let vault = Vault::open(&data).unwrap();
    let bob_session = vault.login("bob", &password("bob-pass-1")).unwrap();
    // The order index is rebuilt at open from the clear records.
    let all = vault
        .find_cases(
            &bob_session,
            &CaseQuery {
                limit: 50,
                ..CaseQuery::default()
            },
        )
        .unwrap();
    assert_eq!(all.cases.len(), 3);
    // The name index at the first search, once, as an event naming every case it read.
    assert_eq!(names(&vault, &bob_session, &search("kovalenko")).0.len(), 1);
    assert_eq!(names(&vault, &bob_session, &search("amina")).0.len(), 1);
    let alice_session = vault.login("alice", &password("alice-pass")).unwrap();
    let events = vault.log_events(&alice_session, 0, 10_000).unwrap();
    let builds: Vec<_> = events
        .iter()
        .filter(|e| e.action == "case.index" && e.outcome == vault_core::Outcome::Ok)
        .collect();
    assert_eq!(builds.len(), 1, "built once");
    assert_eq!(builds[0].actor, bob.to_string());
    assert_eq!(
        builds[0]
            .targets
            .iter()
            .filter(|t| t.starts_with("case:"))
            .count(),
        3
    );
    assert_ne!(bob, alice);
    drop(dir);
}
