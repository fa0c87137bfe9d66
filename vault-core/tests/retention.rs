//! Retention: a case is erased on its term (its team's retention after the last contact),
//! unless a manager keeps it longer; views do not move the date. Time moves by an injected
//! clock, not by waiting.

mod common;

use std::sync::Arc;

use common::*;
use vault_core::testing::ManualClock;
use vault_core::{CaseProfile, DocumentKind, Error, HoldReason};

const DAY: u64 = 86_400;

fn profile(name: &str) -> CaseProfile {
    CaseProfile {
        name: name.into(),
        ..Default::default()
    }
}

#[test]
fn a_case_is_erased_on_its_term_unless_kept_and_views_do_not_move_it() {
    let f = Fixture::new();
    let start = f.vault.case(&f.alice, &f.case).unwrap().updated;
    let clock = ManualClock::at(start);
    f.vault.set_clock(Arc::new(clock.clone()));
    let quiet = f.case.clone();
    let contacted = f
        .vault
        .create_case(&f.bob, TEAM, &profile("Contact Testname"))
        .unwrap();
    let held = f
        .vault
        .create_case(&f.bob, TEAM, &profile("Recours Testname"))
        .unwrap();
    let doc = f.add(&f.bob, DocumentKind::Identity, "titre.pdf", b"%PDF titre");

    // 700 days on: bob reads the quiet case (page, document); he hears from another person.
    clock.advance_days(700);
    f.vault.case_overview(&f.bob, &quiet).unwrap();
    read_all(&f.vault, &f.bob, &doc);
    f.vault.record_contact(&f.bob, &contacted).unwrap();

    // The due list is the managers'; it shows what reaches its term within 30 days.
    assert!(matches!(
        f.vault.retention_due(&f.bob, 30),
        Err(Error::Denied(_))
    ));
    let due = f.vault.retention_due(&f.alice, 30).unwrap();
    let ids: Vec<_> = due.iter().map(|d| d.case.clone()).collect();
    assert_eq!(ids.len(), 2, "{due:?}");
    assert!(ids.contains(&quiet) && ids.contains(&held), "{due:?}");
    let quiet_due = due.iter().find(|d| d.case == quiet).unwrap();
    // The document added on day 0 was its last contact; reading it was not.
    assert!(quiet_due.term >= start + 730 * DAY && quiet_due.term < start + 731 * DAY);
    assert_eq!(quiet_due.name, BENEFICIARY);
    assert_eq!(quiet_due.team, TEAM);

    // A hold: an appeal is pending. Not by a volunteer, not in the past.
    let until = start + 900 * DAY;
    assert!(matches!(
        f.vault
            .hold_case(&f.bob, &held, until, HoldReason::Procedure, None),
        Err(Error::Denied(_))
    ));
    assert!(matches!(
        f.vault
            .hold_case(&f.alice, &held, start, HoldReason::Procedure, None),
        Err(Error::Invalid(_))
    ));
    let note = "Recours CNDA en cours, audience prévue";
    f.vault
        .hold_case(&f.alice, &held, until, HoldReason::Procedure, Some(note))
        .unwrap();
    let due = f.vault.retention_due(&f.alice, 30).unwrap();
    assert_eq!(due.len(), 1, "the kept case is no longer due: {due:?}");

    // Day 731: a dry run lists the quiet case and erases nothing; the sweep erases it.
    clock.advance_days(31);
    let would = f.vault.sweep_retention(true).unwrap();
    assert_eq!(would.len(), 1);
    assert_eq!(would[0].case, quiet);
    assert!(would[0].erased.is_none());
    f.vault.case(&f.alice, &quiet).unwrap();
    let swept = f.vault.sweep_retention(false).unwrap();
    assert_eq!(swept.len(), 1);
    assert_eq!(swept[0].erased.as_ref().unwrap().documents, 1);
    assert!(matches!(
        f.vault.case(&f.alice, &quiet),
        Err(Error::NotFound { .. })
    ));
    f.vault.case(&f.alice, &held).unwrap();
    f.vault.case(&f.alice, &contacted).unwrap();
    // Nothing is left of it on disk that a key would open: no blob, no wrap.
    assert!(files(&f.data().join("blobs")).is_empty());
    assert!(
        files_containing(&f.data().join("catalog"), quiet.to_string().as_bytes()).is_empty(),
        "the erased case's entries are still in sled's files"
    );
    let events = f.vault.log_events(&f.alice, 0, 10_000).unwrap();
    let erasure = events
        .iter()
        .find(|e| e.action == "retention.erase" && e.outcome.to_string() == "ok")
        .expect("the erasure is in the log");
    assert_eq!(erasure.actor, "system");
    assert!(erasure.targets.contains(&format!("case:{quiet}")));
    let hold = events
        .iter()
        .find(|e| e.action == "case.hold" && e.outcome.to_string() == "ok");
    assert!(hold
        .unwrap()
        .targets
        .contains(&"reason:procedure".to_string()));
    assert!(events.iter().any(|e| e.action == "case.contact"));

    // Near the hold's date the kept case is due again, with its reason and note.
    clock.advance_days(150);
    let due = f.vault.retention_due(&f.alice, 30).unwrap();
    assert_eq!(due.len(), 1, "{due:?}");
    assert_eq!(due[0].case, held);
    assert_eq!(due[0].hold.as_ref().unwrap().reason, HoldReason::Procedure);
    assert_eq!(due[0].hold_note.as_deref(), Some(note));
    clock.advance_days(20);
    let swept = f.vault.sweep_retention(false).unwrap();
    assert_eq!(swept.iter().map(|s| &s.case).collect::<Vec<_>>(), [&held]);

    // An admin shortens the team's retention to a year: the contacted case (day 700)
    // reaches its term on day 1065. Not a volunteer; not under 30 days.
    assert!(matches!(
        f.vault.set_team_retention(&f.bob, TEAM, 365),
        Err(Error::Denied(_))
    ));
    assert!(matches!(
        f.vault.set_team_retention(&f.alice, TEAM, 10),
        Err(Error::Invalid(_))
    ));
    f.vault.set_team_retention(&f.alice, TEAM, 365).unwrap();
    assert!(f.vault.sweep_retention(false).unwrap().is_empty());
    clock.advance_days(1066 - 901);
    let swept = f.vault.sweep_retention(false).unwrap();
    assert_eq!(
        swept.iter().map(|s| &s.case).collect::<Vec<_>>(),
        [&contacted]
    );
}

#[test]
fn closing_a_case_records_its_date_and_moves_its_last_contact() {
    let f = Fixture::new();
    let start = f.vault.now();
    let clock = ManualClock::at(start);
    f.vault.set_clock(Arc::new(clock.clone()));
    clock.advance_days(100);
    f.vault
        .set_case_status(&f.alice, &f.case, vault_core::CaseStatus::Closed)
        .unwrap();
    let case = f.vault.case(&f.alice, &f.case).unwrap();
    assert_eq!(case.closed, Some(start + 100 * DAY));
    assert_eq!(case.updated, start + 100 * DAY);
    // Erased two years after the closing, not after the opening.
    clock.advance_days(729);
    assert!(f.vault.sweep_retention(false).unwrap().is_empty());
    clock.advance_days(2);
    assert_eq!(f.vault.sweep_retention(false).unwrap().len(), 1);
}

#[test]
fn no_case_is_erased_in_the_first_30_days_of_retention_on_a_vault() {
    // As on a vault upgraded to retention: a case idle for 1,000 days already.
    let f = Fixture::new();
    let now = f.vault.now();
    let clock = ManualClock::at(now - 1_000 * DAY);
    f.vault.set_clock(Arc::new(clock.clone()));
    let old = f
        .vault
        .create_case(&f.alice, TEAM, &profile("Ancien Testname"))
        .unwrap();
    clock.advance_days(1_000);
    assert!(f.vault.sweep_retention(true).unwrap().is_empty());
    assert!(f.vault.sweep_retention(false).unwrap().is_empty());
    // It shows in the due list first, with the date it will go.
    let due = f.vault.retention_due(&f.alice, 30).unwrap();
    let listed = due.iter().find(|d| d.case == old).expect("listed as due");
    assert!(listed.term > now && listed.term <= now + 30 * DAY + 60);
    clock.advance_days(31);
    let swept = f.vault.sweep_retention(false).unwrap();
    assert!(swept.iter().any(|s| s.case == old), "{swept:?}");
}
