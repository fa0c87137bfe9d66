//! Share links and upload links: counting, expiry, revocation, passphrases, limits.

mod common;

use std::io::Read;

use common::*;
use secrecy::{ExposeSecret, SecretString};
use vault_core::{
    ActorLabel, DocumentId, DocumentKind, Error, LinkToken, NewShare, NewUploadLink, Vault,
    SHARE_DEFAULT_TTL,
};

fn share(f: &Fixture, docs: &[&DocumentId], max: u32, passphrase: Option<&str>) -> LinkToken {
    let new = NewShare {
        documents: docs.iter().map(|d| (*d).clone()).collect(),
        max_downloads: Some(max),
        passphrase: passphrase.map(|p| SecretString::from(p.to_string())),
        label: Some("Me Dupont".into()),
        ..NewShare::default()
    };
    f.vault.create_share(&f.bob, &f.case, &new).unwrap().1
}

fn download(
    vault: &Vault,
    token: &LinkToken,
    doc: &DocumentId,
    pass: Option<&str>,
) -> Result<Vec<u8>, Error> {
    let pass = pass.map(|p| SecretString::from(p.to_string()));
    let (mut reader, _) =
        vault.download_shared(token, doc, pass.as_ref(), None, vault_core::unix_now())?;
    let mut out = Vec::new();
    reader.read_to_end(&mut out).unwrap();
    Ok(out)
}

fn is_unavailable<T: std::fmt::Debug>(r: Result<T, Error>) -> bool {
    matches!(r, Err(Error::LinkUnavailable))
}

#[test]
fn opening_consumes_nothing_and_downloads_are_counted_then_keys_destroyed() {
    let f = Fixture::new();
    let a = f.add(&f.bob, DocumentKind::Appeal, "recours.pdf", b"recours");
    let b = f.add(
        &f.bob,
        DocumentKind::Identity,
        "passeport.jpg",
        b"passeport",
    );
    let other = f.add(&f.bob, DocumentKind::Evidence, "preuve.jpg", b"preuve");
    let token = share(&f, &[&a, &b], 3, None);
    let now = vault_core::unix_now();
    for _ in 0..10 {
        let view = f.vault.open_share(&token, None, None, now).unwrap();
        assert_eq!(view.downloads_left, 3);
        assert_eq!(view.documents.len(), 2);
    }
    let names: Vec<String> = f
        .vault
        .open_share(&token, None, None, now)
        .unwrap()
        .documents
        .iter()
        .map(|d| d.meta.filename.clone())
        .collect();
    assert!(
        names.contains(&"recours.pdf".to_string()) && names.contains(&"passeport.jpg".to_string())
    );
    // Only what was shared.
    assert!(is_unavailable(download(&f.vault, &token, &other, None)));
    assert_eq!(download(&f.vault, &token, &a, None).unwrap(), b"recours");
    assert_eq!(download(&f.vault, &token, &b, None).unwrap(), b"passeport");
    let (_, left) = f
        .vault
        .download_shared(&token, &a, None, None, now)
        .unwrap();
    assert_eq!(left, 0);
    assert!(is_unavailable(f.vault.open_share(&token, None, None, now)));
    assert!(is_unavailable(download(&f.vault, &token, &a, None)));
    let info = &f.vault.list_shares(&f.bob, &f.case).unwrap()[0];
    assert_eq!(info.status, vault_core::LinkStatus::Exhausted);
    assert_eq!(info.downloads, 3);
    assert_eq!(info.label.as_deref(), Some("Me Dupont"));

    // The volunteer sees in the case's report when the lawyer downloaded.
    let report = f.vault.access_report(&f.bob, &f.case).unwrap();
    let actor = format!("share:{}", token.id());
    let downloads = report
        .iter()
        .filter(|e| {
            e.actor == actor && e.action == "share.download" && e.outcome == vault_core::Outcome::Ok
        })
        .count();
    assert_eq!(downloads, 3);
    assert!(report
        .iter()
        .any(|e| e.actor == actor && e.action == "share.open"));
    assert!(report.iter().any(|e| e.action == "share.create"));
}

#[test]
fn twenty_concurrent_downloads_of_a_five_download_link_give_exactly_five() {
    let f = Fixture::new();
    let a = f.add(
        &f.bob,
        DocumentKind::Appeal,
        "recours.pdf",
        &pattern(300_000, 1),
    );
    let token = share(&f, &[&a], 5, None);
    let text = token.to_secret_string().expose_secret().to_owned();
    let results: Vec<bool> = std::thread::scope(|s| {
        let handles: Vec<_> = (0..20)
            .map(|_| {
                let vault = f.vault.clone();
                let a = a.clone();
                let text = text.clone();
                s.spawn(move || {
                    let token = LinkToken::parse(&text).unwrap();
                    match download(&vault, &token, &a, None) {
                        Ok(bytes) => {
                            assert_eq!(bytes, pattern(300_000, 1));
                            true
                        }
                        Err(Error::LinkUnavailable) => false,
                        Err(e) => panic!("{e}"),
                    }
                })
            })
            .collect();
        handles.into_iter().map(|h| h.join().unwrap()).collect()
    });
    assert_eq!(results.iter().filter(|ok| **ok).count(), 5);
}

#[test]
fn expiry_revocation_lock_and_exhaustion_all_look_like_an_unknown_link() {
    let f = Fixture::new();
    let a = f.add(&f.bob, DocumentKind::Appeal, "recours.pdf", b"recours");
    let now = vault_core::unix_now();

    let expiring = share(&f, &[&a], 5, None);
    let later = now + SHARE_DEFAULT_TTL + 1;
    assert!(
        f.vault.open_share(&expiring, None, None, later - 2).is_ok(),
        "alive just before"
    );
    let expired = f
        .vault
        .open_share(&expiring, None, None, later)
        .unwrap_err();
    assert_eq!(
        f.vault.sweep_links(later).unwrap(),
        1,
        "the sweeper destroys its keys"
    );
    assert_eq!(f.vault.sweep_links(later).unwrap(), 0);

    let revoked_token = share(&f, &[&a], 5, None);
    assert!(matches!(
        f.vault.revoke_share(&f.carol, &revoked_token.id()),
        Err(Error::Denied(_))
    ));
    f.vault.revoke_share(&f.bob, &revoked_token.id()).unwrap();
    let revoked = f
        .vault
        .open_share(&revoked_token, None, None, now)
        .unwrap_err();

    let exhausted_token = share(&f, &[&a], 1, None);
    download(&f.vault, &exhausted_token, &a, None).unwrap();
    let exhausted = f
        .vault
        .open_share(&exhausted_token, None, None, now)
        .unwrap_err();

    let locked_token = share(&f, &[&a], 5, Some("citron vert"));
    for _ in 0..vault_core::PASSPHRASE_TRIES {
        let _ = f.vault.open_share(
            &locked_token,
            Some(&SecretString::from("faux".to_string())),
            None,
            now,
        );
    }
    let right = SecretString::from("citron vert".to_string());
    let locked = f
        .vault
        .open_share(&locked_token, Some(&right), None, now)
        .unwrap_err();

    let unknown = f
        .vault
        .open_share(&LinkToken::parse(&"A".repeat(43)).unwrap(), None, None, now)
        .unwrap_err();
    for e in [&expired, &revoked, &exhausted, &locked] {
        assert!(matches!(e, Error::LinkUnavailable), "{e:?}");
        assert_eq!(e.to_string(), unknown.to_string());
        assert_eq!(e.code(), unknown.code());
    }
    let statuses: Vec<_> = f
        .vault
        .list_shares(&f.bob, &f.case)
        .unwrap()
        .into_iter()
        .map(|s| s.status)
        .collect();
    use vault_core::LinkStatus::*;
    for s in [Expired, Revoked, Exhausted, Locked] {
        assert!(statuses.contains(&s), "{statuses:?}");
    }
    let report = f.vault.access_report(&f.bob, &f.case).unwrap();
    for action in [
        "share.expire",
        "share.revoke",
        "share.locked",
        "share.passphrase_failed",
    ] {
        assert!(report.iter().any(|e| e.action == action), "{action}");
    }
}

#[test]
fn a_passphrase_is_needed_counted_and_locks_the_link() {
    let f = Fixture::new();
    let a = f.add(&f.bob, DocumentKind::Appeal, "recours.pdf", b"recours");
    let token = share(&f, &[&a], 5, Some("citron vert"));
    let now = vault_core::unix_now();
    assert!(matches!(
        f.vault.open_share(&token, None, None, now),
        Err(Error::PassphraseRequired)
    ));
    let wrong = SecretString::from("citron jaune".to_string());
    match f.vault.open_share(&token, Some(&wrong), None, now) {
        Err(Error::WrongPassphrase { tries_left }) => assert_eq!(tries_left, 9),
        other => panic!("{other:?}"),
    }
    let right = SecretString::from("citron vert".to_string());
    assert_eq!(
        f.vault
            .open_share(&token, Some(&right), None, now)
            .unwrap()
            .documents
            .len(),
        1
    );
    assert_eq!(
        download(&f.vault, &token, &a, Some("citron vert")).unwrap(),
        b"recours"
    );
    assert!(matches!(
        download(&f.vault, &token, &a, None),
        Err(Error::PassphraseRequired)
    ));
    // Without the passphrase the token's own key opens nothing.
    for _ in 0..8 {
        assert!(matches!(
            f.vault.open_share(&token, Some(&wrong), None, now),
            Err(Error::WrongPassphrase { .. })
        ));
    }
    assert!(
        is_unavailable(f.vault.open_share(&token, Some(&wrong), None, now)),
        "the tenth locks"
    );
    assert!(is_unavailable(f.vault.open_share(
        &token,
        Some(&right),
        None,
        now
    )));
}

#[test]
fn sharing_checks_its_input_and_membership() {
    let f = Fixture::new();
    let a = f.add(&f.bob, DocumentKind::Appeal, "recours.pdf", b"recours");
    let base = || NewShare {
        documents: vec![a.clone()],
        ..NewShare::default()
    };
    let bad = [
        NewShare {
            expires_in: Some(31 * 86_400),
            ..base()
        },
        NewShare {
            expires_in: Some(0),
            ..base()
        },
        NewShare {
            max_downloads: Some(0),
            ..base()
        },
        NewShare {
            max_downloads: Some(51),
            ..base()
        },
        NewShare {
            documents: vec![],
            ..base()
        },
        NewShare {
            label: Some("a\nb".into()),
            ..base()
        },
        NewShare {
            passphrase: Some(SecretString::from("abc".to_string())),
            ..base()
        },
    ];
    for new in &bad {
        assert!(
            matches!(
                f.vault.create_share(&f.bob, &f.case, new),
                Err(Error::Invalid(_))
            ),
            "{new:?}"
        );
    }
    assert!(matches!(
        f.vault.create_share(&f.carol, &f.case, &base()),
        Err(Error::Denied(_))
    ));
    let unknown = NewShare {
        documents: vec!["0123456789abcdef0123456789abcdef".parse().unwrap()],
        ..base()
    };
    assert!(matches!(
        f.vault.create_share(&f.bob, &f.case, &unknown),
        Err(Error::NotFound { .. })
    ));
    let (info, token) = f.vault.create_share(&f.bob, &f.case, &base()).unwrap();
    assert_eq!(info.max_downloads, 5);
    assert_eq!(info.expires - info.created, SHARE_DEFAULT_TTL);
    assert_eq!(info.id, token.id(), "the id is derived from the token");
}

#[test]
fn the_token_is_stored_nowhere_and_erasure_removes_the_links() {
    let f = Fixture::new();
    let a = f.add(&f.bob, DocumentKind::Appeal, "recours.pdf", b"recours");
    let token = share(&f, &[&a], 5, None);
    let (_, upload) = f
        .vault
        .create_upload_link(&f.bob, &f.case, &NewUploadLink::default())
        .unwrap();
    let texts = [
        token.to_secret_string().expose_secret().to_owned(),
        upload.to_secret_string().expose_secret().to_owned(),
    ];
    let data = f.data();
    let Fixture {
        vault,
        alice,
        bob,
        carol,
        case,
        dir,
        ..
    } = f;
    vault.erase_case(&alice, &case).unwrap();
    drop((vault, alice, bob, carol));
    for text in &texts {
        assert!(
            files_containing(&data, text.as_bytes()).is_empty(),
            "a token is on disk"
        );
    }
    let values = catalogue_values(&data);
    for prefix in ["share/", "sharewrap/", "sharelabel/", "uplink/", "linkidx/"] {
        assert!(
            !values.iter().any(|(k, _)| k.starts_with(prefix)),
            "{prefix} left after erasure"
        );
    }
    drop(dir);
}

#[test]
fn uploads_respect_the_links_limits_and_names() {
    let f = Fixture::new();
    let new = NewUploadLink {
        max_files: Some(3),
        max_bytes: Some(1000),
        ..NewUploadLink::default()
    };
    let (info, token) = f.vault.create_upload_link(&f.bob, &f.case, &new).unwrap();
    let now = vault_core::unix_now();
    let view = f.vault.open_upload_link(&token, None, now).unwrap();
    assert_eq!((view.files_left, view.bytes_left), (3, 1000));
    let up = |content: &[u8], name: &str| {
        f.vault
            .upload_via_link(&token, content, name, "image/jpeg", None, now)
    };
    let r = up(&[1u8; 600], "photo-1.jpg").unwrap();
    assert_eq!(r.meta.size, 600);
    assert_eq!(r.meta.blake3, blake3::hash(&[1u8; 600]).to_hex().as_str());
    // Over the bytes left: refused whole.
    assert!(matches!(
        up(&[2u8; 600], "photo-2.jpg"),
        Err(Error::TooLarge { limit: 400 })
    ));
    for bad in ["../photo.jpg", "a\nb.jpg", "", ".."] {
        assert!(matches!(up(b"x", bad), Err(Error::Invalid(_))), "{bad:?}");
    }
    up(&[3u8; 100], "photo-3.jpg").unwrap();
    up(&[4u8; 100], "photo-4.jpg").unwrap();
    assert!(
        matches!(up(b"x", "photo-5.jpg"), Err(Error::LinkFull)),
        "three files at most"
    );
    assert!(is_unavailable(f.vault.open_upload_link(&token, None, now)));

    // What the volunteer then sees: three documents of kind other, by the link.
    let docs = f.vault.list_documents(&f.bob, &f.case).unwrap();
    let mut names: Vec<_> = docs.iter().map(|d| d.meta.filename.as_str()).collect();
    names.sort();
    assert_eq!(names, ["photo-1.jpg", "photo-3.jpg", "photo-4.jpg"]);
    assert!(docs.iter().all(|d| d.meta.kind == DocumentKind::Other));
    let listed = &f.vault.list_upload_links(&f.bob, &f.case).unwrap()[0];
    assert_eq!(
        (listed.id.clone(), listed.files, listed.bytes),
        (info.id, 3, 800)
    );
    let report = f.vault.access_report(&f.bob, &f.case).unwrap();
    let actor = format!("upload:{}", token.id());
    assert_eq!(
        report
            .iter()
            .filter(|e| e.actor == actor
                && e.action == "document.add"
                && e.outcome == vault_core::Outcome::Ok)
            .count(),
        3
    );
    assert!(f.vault.fsck().unwrap().is_clean());
}

#[test]
fn upload_links_expire_and_are_revoked_and_hold_under_concurrency() {
    let f = Fixture::new();
    let now = vault_core::unix_now();
    let (_, token) = f
        .vault
        .create_upload_link(&f.bob, &f.case, &NewUploadLink::default())
        .unwrap();
    let late = now + vault_core::UPLOAD_DEFAULT_TTL;
    assert!(is_unavailable(f.vault.upload_via_link(
        &token,
        &b"x"[..],
        "a.jpg",
        "image/jpeg",
        None,
        late
    )));
    f.vault.revoke_upload_link(&f.bob, &token.id()).unwrap();
    assert!(is_unavailable(f.vault.upload_via_link(
        &token,
        &b"x"[..],
        "a.jpg",
        "image/jpeg",
        None,
        now
    )));

    let new = NewUploadLink {
        max_files: Some(3),
        ..NewUploadLink::default()
    };
    let (_, token) = f.vault.create_upload_link(&f.bob, &f.case, &new).unwrap();
    let text = token.to_secret_string().expose_secret().to_owned();
    let stored = std::thread::scope(|s| {
        let handles: Vec<_> = (0..10)
            .map(|i| {
                let vault = f.vault.clone();
                let text = text.clone();
                s.spawn(move || {
                    let token = LinkToken::parse(&text).unwrap();
                    let content = pattern(100_000, i);
                    match vault.upload_via_link(
                        &token,
                        &content[..],
                        &format!("p{i}.jpg"),
                        "image/jpeg",
                        None,
                        now,
                    ) {
                        Ok(_) => 1,
                        Err(Error::LinkFull) => 0,
                        Err(e) => panic!("{e}"),
                    }
                })
            })
            .collect();
        handles.into_iter().map(|h| h.join().unwrap()).sum::<u32>()
    });
    assert_eq!(stored, 3);
    assert_eq!(f.vault.list_documents(&f.bob, &f.case).unwrap().len(), 3);
}

#[test]
fn a_volunteer_reclassifies_an_upload_and_the_report_names_the_lawyer() {
    let f = Fixture::new();
    let (_, token) = f
        .vault
        .create_upload_link(&f.bob, &f.case, &NewUploadLink::default())
        .unwrap();
    let now = vault_core::unix_now();
    let r = f
        .vault
        .upload_via_link(&token, &b"photo"[..], "titre.jpg", "image/jpeg", None, now)
        .unwrap();
    f.vault
        .set_document_kind(&f.bob, &r.id, DocumentKind::Identity)
        .unwrap();
    let docs = f.vault.list_documents(&f.bob, &f.case).unwrap();
    assert_eq!(docs[0].meta.kind, DocumentKind::Identity);
    assert_eq!(docs[0].meta.filename, "titre.jpg");
    assert!(matches!(
        f.vault
            .set_document_kind(&f.carol, &r.id, DocumentKind::Other),
        Err(Error::Denied(_))
    ));
    f.vault
        .set_document_kind(&f.bob, &r.id, DocumentKind::Evidence)
        .unwrap();
    assert!(matches!(
        f.vault
            .set_document_kind(&f.bob, &r.id, DocumentKind::Other),
        Err(Error::Immutable)
    ));

    let token = share(&f, &[&r.id], 5, None);
    download(&f.vault, &token, &r.id, None).unwrap();
    let report = f.vault.access_report(&f.bob, &f.case).unwrap();
    let download = report
        .iter()
        .find(|e| e.action == "share.download")
        .unwrap();
    assert_eq!(
        f.vault.actor_label_for(&f.bob, &download.actor),
        ActorLabel::Share(Some("Me Dupont".into()))
    );
    assert_eq!(
        f.vault.actor_label_for(&f.carol, &download.actor),
        ActorLabel::Share(None)
    );
    let upload = report
        .iter()
        .find(|e| e.actor.starts_with("upload:"))
        .unwrap();
    assert_eq!(
        f.vault.actor_label_for(&f.bob, &upload.actor),
        ActorLabel::Upload
    );
}

/// Hands out `inner`, calling `hook` once, before the first byte: what another volunteer
/// does while a file is still streaming in.
struct Meanwhile<R, F: FnMut()> {
    inner: R,
    hook: Option<F>,
}

impl<R: Read, F: FnMut()> Read for Meanwhile<R, F> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        if let Some(mut hook) = self.hook.take() {
            hook();
        }
        self.inner.read(buf)
    }
}

#[test]
fn what_happens_while_a_file_streams_in_is_not_undone() {
    let f = Fixture::new();
    let now = vault_core::unix_now();
    let (_, token) = f
        .vault
        .create_upload_link(&f.bob, &f.case, &NewUploadLink::default())
        .unwrap();
    // Revoked while the beneficiary's photo is on its way: refused, and the link stays revoked.
    let content = Meanwhile {
        inner: &pattern(300_000, 1)[..],
        hook: Some(|| f.vault.revoke_upload_link(&f.bob, &token.id()).unwrap()),
    };
    let sent = f
        .vault
        .upload_via_link(&token, content, "a.jpg", "image/jpeg", None, now);
    assert!(is_unavailable(sent));
    let links = f.vault.list_upload_links(&f.bob, &f.case).unwrap();
    assert_eq!(links[0].status, vault_core::LinkStatus::Revoked);
    assert_eq!(links[0].files, 0);
    assert!(f.vault.list_documents(&f.bob, &f.case).unwrap().is_empty());

    // Made evidence while a new version was on its way: the version is refused.
    let draft = f
        .vault
        .add_document(
            &f.bob,
            &f.case,
            &b"draft"[..],
            &doc(DocumentKind::Other, "p.pdf"),
        )
        .unwrap();
    let content = Meanwhile {
        inner: &b"second"[..],
        hook: Some(|| {
            f.vault
                .set_document_kind(&f.bob, &draft, DocumentKind::Evidence)
                .unwrap()
        }),
    };
    let sent = f
        .vault
        .add_version(&f.bob, &draft, content, &doc(DocumentKind::Other, "p.pdf"));
    assert!(matches!(sent, Err(Error::Immutable)), "{sent:?}");
    assert_eq!(f.vault.document_history(&f.bob, &draft).unwrap().len(), 1);
    assert!(matches!(
        f.vault.delete_document(&f.bob, &draft),
        Err(Error::Immutable)
    ));
}

#[test]
fn a_beneficiary_opens_their_space_with_the_link_and_the_passcode() {
    let f = Fixture::new();
    let now = vault_core::unix_now();
    let draft = f
        .vault
        .add_document(
            &f.bob,
            &f.case,
            &b"recours v1"[..],
            &doc(DocumentKind::Appeal, "recours.pdf"),
        )
        .unwrap();
    let (info, token, passcode) = f.vault.create_space(&f.bob, &f.case, None).unwrap();
    assert_eq!(info.status, vault_core::LinkStatus::Live);
    assert_eq!(info.expires - info.created, vault_core::SPACE_DEFAULT_TTL);
    assert!(matches!(
        f.vault.create_space(&f.carol, &f.case, None),
        Err(Error::Denied(_))
    ));
    let code = passcode.expose_secret().to_owned();

    // A wrong passcode is counted; the right one works however it is typed.
    let wrong = SecretString::from("AAAA-AAAA".to_string());
    assert!(matches!(
        f.vault.open_space(&token, &wrong, None, now),
        Err(Error::WrongPassphrase { tries_left: 9 })
    ));
    let typed = SecretString::from(code.to_lowercase().replace('-', " "));
    let space = f.vault.open_space(&token, &typed, None, now).unwrap();
    let (docs, _) = f.vault.space_home(&space, now).unwrap();
    assert_eq!(docs.len(), 1);
    assert_eq!(docs[0].meta.filename, "recours.pdf");
    let (_, mut reader) = f.vault.space_document(&space, &draft, now).unwrap();
    let mut got = Vec::new();
    reader.read_to_end(&mut got).unwrap();
    assert_eq!(got, b"recours v1");
    let unknown: DocumentId = "0123456789abcdef0123456789abcdef".parse().unwrap();
    assert!(f.vault.space_document(&space, &unknown, now).is_err());

    // Their right of access: every access to the case, theirs included.
    let (_, report) = f.vault.space_home(&space, now).unwrap();
    for action in [
        "case.create",
        "document.add",
        "space.create",
        "space.open",
        "document.read",
    ] {
        assert!(report.iter().any(|e| e.action == action), "{action}");
    }
    assert!(report
        .iter()
        .any(|e| e.action == "space.passcode_failed" && e.outcome == vault_core::Outcome::Denied));

    // A share link for their own lawyer, which works like any other.
    let new = NewShare {
        documents: vec![draft.clone()],
        label: Some("Me Martin".into()),
        ..NewShare::default()
    };
    let (_, lawyer) = f.vault.space_share(&space, &new, now).unwrap();
    assert_eq!(
        download(&f.vault, &lawyer, &draft, None).unwrap(),
        b"recours v1"
    );
    let shares = f.vault.list_shares(&f.bob, &f.case).unwrap();
    assert_eq!(shares[0].label.as_deref(), Some("Me Martin"));
    let report = f.vault.access_report(&f.bob, &f.case).unwrap();
    let made = report.iter().rfind(|e| e.action == "share.create").unwrap();
    assert_eq!(
        f.vault.actor_label_for(&f.bob, &made.actor),
        ActorLabel::Space
    );

    // A member leaves: the team's keys rotate, and the space, open all the while, still
    // opens what comes next, as does a new opening.
    f.vault.remove_member(&f.alice, TEAM, "bob").unwrap();
    let decision = f
        .vault
        .add_document(
            &f.alice,
            &f.case,
            &b"decision"[..],
            &doc(DocumentKind::Other, "decision.pdf"),
        )
        .unwrap();
    assert_eq!(f.vault.space_home(&space, now).unwrap().0.len(), 2);
    let (_, mut reader) = f.vault.space_document(&space, &decision, now).unwrap();
    let mut got = Vec::new();
    reader.read_to_end(&mut got).unwrap();
    assert_eq!(got, b"decision");
    let again = f.vault.open_space(&token, &passcode, None, now).unwrap();
    assert_eq!(f.vault.space_home(&again, now).unwrap().0.len(), 2);

    // Revoked: the open space and the link both stop at once.
    let listed = f.vault.list_spaces(&f.alice, &f.case).unwrap();
    assert_eq!(listed.len(), 1);
    f.vault.revoke_space(&f.alice, &listed[0].id).unwrap();
    assert!(is_unavailable(f.vault.space_home(&space, now)));
    assert!(is_unavailable(
        f.vault.open_space(&token, &passcode, None, now)
    ));
    assert_eq!(
        f.vault.list_spaces(&f.alice, &f.case).unwrap()[0].status,
        vault_core::LinkStatus::Revoked
    );
}

#[test]
fn a_space_locks_after_ten_wrong_passcodes_and_expires() {
    let f = Fixture::new();
    let now = vault_core::unix_now();
    let (_, token, passcode) = f.vault.create_space(&f.bob, &f.case, Some(3600)).unwrap();
    let wrong = SecretString::from("BBBB-BBBB".to_string());
    // Typos before a right code are forgiven: the count starts again.
    for _ in 1..vault_core::PASSPHRASE_TRIES {
        assert!(f.vault.open_space(&token, &wrong, None, now).is_err());
    }
    f.vault.open_space(&token, &passcode, None, now).unwrap();
    // Ten wrong in a row lock it.
    for left in (1..vault_core::PASSPHRASE_TRIES).rev() {
        assert!(matches!(
            f.vault.open_space(&token, &wrong, None, now),
            Err(Error::WrongPassphrase { tries_left }) if tries_left == left
        ));
    }
    assert!(is_unavailable(
        f.vault.open_space(&token, &wrong, None, now)
    ));
    assert!(
        is_unavailable(f.vault.open_space(&token, &passcode, None, now)),
        "locked: even the right passcode opens nothing"
    );

    // Expiry, then the sweeper destroys the key.
    let (_, token, passcode) = f.vault.create_space(&f.bob, &f.case, Some(3600)).unwrap();
    // Read after the creation (the clock may have ticked since `now`), one second past
    // the hour: expired whatever second it was made in.
    let later = vault_core::unix_now() + 3601;
    assert!(is_unavailable(
        f.vault.open_space(&token, &passcode, None, later)
    ));
    assert_eq!(f.vault.sweep_links(later).unwrap(), 1);
    assert_eq!(f.vault.sweep_links(later).unwrap(), 0);
    assert!(is_unavailable(
        f.vault.open_space(&token, &passcode, None, now)
    ));
    let report = f.vault.access_report(&f.bob, &f.case).unwrap();
    assert!(report.iter().any(|e| e.action == "space.locked"));
    assert!(report.iter().any(|e| e.action == "space.expire"));
}

#[test]
fn a_share_carries_the_volunteers_message_sealed_to_its_key() {
    let f = Fixture::new();
    let a = f.add(&f.bob, DocumentKind::Appeal, "recours.pdf", b"recours");
    let message = "Pièces pour l'audience du 12 à la CNDA.\nAppelez-moi au besoin.";
    let new = |message: Option<String>, passphrase: Option<&str>| NewShare {
        documents: vec![a.clone()],
        message,
        passphrase: passphrase.map(|p| SecretString::from(p.to_string())),
        ..NewShare::default()
    };
    let now = vault_core::unix_now();
    let (_, token) = f
        .vault
        .create_share(&f.bob, &f.case, &new(Some(message.into()), Some("tulipe")))
        .unwrap();
    // Only with the link's key (its passphrase included) is the message read.
    let view = f
        .vault
        .open_share(
            &token,
            Some(&SecretString::from("tulipe".to_string())),
            None,
            now,
        )
        .unwrap();
    assert_eq!(view.message.as_deref(), Some(message));
    assert!(f.vault.open_share(&token, None, None, now).is_err());
    let (_, plain) = f
        .vault
        .create_share(&f.bob, &f.case, &new(None, None))
        .unwrap();
    assert_eq!(
        f.vault.open_share(&plain, None, None, now).unwrap().message,
        None
    );
    // Refused: too long, a control character, a character that turns text around.
    for bad in [
        "x".repeat(1001),
        "a\u{7}b".into(),
        "recours\u{202E}fdp.exe".into(),
    ] {
        let refused = f.vault.create_share(&f.bob, &f.case, &new(Some(bad), None));
        assert!(
            matches!(refused, Err(Error::Invalid(_) | Error::BadName { .. })),
            "{refused:?}"
        );
    }
    // Never in clear on disk.
    let data = f.data();
    let mut found = false;
    for entry in walk(&data) {
        let bytes = std::fs::read(&entry).unwrap();
        found |= bytes.windows(9).any(|w| w == b"audience ");
    }
    assert!(!found, "the message is on disk in clear");
}

fn walk(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            out.extend(walk(&path));
        } else {
            out.push(path);
        }
    }
    out
}

#[test]
fn a_share_to_a_lawyers_own_key_hands_out_only_age_files_for_that_key() {
    let f = Fixture::new();
    // Over three of age's 64 KiB chunks, so that the stream is cut and joined again.
    let big: Vec<u8> = (0..200_000u32).map(|i| (i * 7 + i / 251) as u8).collect();
    let a = f.add(&f.bob, DocumentKind::Evidence, "photo.jpg", &big);
    let b = f.add(&f.bob, DocumentKind::Appeal, "recours.pdf", b"recours");
    let lawyer = age::x25519::Identity::generate();
    let other = age::x25519::Identity::generate();
    let key = vault_core::PublicKey::parse(&format!("  {}\n", lawyer.to_public())).unwrap();
    let now = vault_core::unix_now();
    let new = NewShare {
        documents: vec![a.clone(), b.clone()],
        to: vec![key.clone()],
        ..NewShare::default()
    };
    let (info, token) = f.vault.create_share(&f.bob, &f.case, &new).unwrap();
    assert_eq!(info.to, vec![key.clone()]);
    assert_eq!(
        f.vault.list_shares(&f.bob, &f.case).unwrap()[0].to,
        vec![key.clone()]
    );
    assert_eq!(
        f.vault.open_share(&token, None, None, now).unwrap().to,
        vec![key.clone()]
    );

    // One document: an age file, read here in small pieces, that only the lawyer opens.
    let (mut file, _) = f
        .vault
        .download_shared(&token, &a, None, None, now)
        .unwrap();
    assert!(file.is_sealed());
    assert_eq!(file.file_name(), "photo.jpg.age");
    assert_eq!(file.length(), None);
    let mut sealed = Vec::new();
    let mut piece = [0u8; 1000];
    loop {
        let n = file.read(&mut piece).unwrap();
        if n == 0 {
            break;
        }
        sealed.extend_from_slice(&piece[..n]);
    }
    assert!(sealed.starts_with(b"age-encryption.org/v1\n"));
    assert!(!sealed.windows(64).any(|w| w == &big[1000..1064]));
    assert!(try_open(&sealed, &other).is_none());
    assert!(try_open(&sealed, &lawyer).unwrap() == big);

    // Everything at once: the ZIP itself is the age file.
    let (archive, _) = f
        .vault
        .download_shared_all(&token, None, None, now)
        .unwrap();
    assert!(archive.is_sealed());
    assert_eq!(archive.file_name(), "documents.zip.age");
    let mut out = Vec::new();
    archive.write_to(&mut out).unwrap();
    let zip = try_open(&out, &lawyer).unwrap();
    assert!(zip.starts_with(b"PK\x03\x04"));
    assert!(zip.windows(7).any(|w| w == b"recours"));

    // A share without a key is plaintext, as before.
    let (_, plain) = f
        .vault
        .create_share(
            &f.bob,
            &f.case,
            &NewShare {
                documents: vec![b.clone()],
                ..NewShare::default()
            },
        )
        .unwrap();
    let (mut file, _) = f
        .vault
        .download_shared(&plain, &b, None, None, now)
        .unwrap();
    assert!(!file.is_sealed());
    assert_eq!(file.file_name(), "recours.pdf");
    let mut out = Vec::new();
    file.read_to_end(&mut out).unwrap();
    assert_eq!(out, b"recours");

    // Refused: not a public key (a secret key pasted by mistake among them), eleven keys,
    // the same key twice.
    for bad in [
        "age1notakey".to_string(),
        lawyer.to_string().expose_secret().to_string(),
        "".into(),
    ] {
        assert!(matches!(
            vault_core::PublicKey::parse(&bad),
            Err(Error::Invalid(vault_core::Problem::AgeRecipient))
        ));
    }
    let many: Vec<_> = (0..11)
        .map(|_| {
            vault_core::PublicKey::parse(&age::x25519::Identity::generate().to_public().to_string())
                .unwrap()
        })
        .collect();
    for to in [many, vec![key.clone(), key.clone()]] {
        let refused = f.vault.create_share(
            &f.bob,
            &f.case,
            &NewShare {
                documents: vec![b.clone()],
                to,
                ..NewShare::default()
            },
        );
        assert!(
            matches!(
                refused,
                Err(Error::Invalid(vault_core::Problem::AgeRecipients))
            ),
            "{refused:?}"
        );
    }

    // The list of keys gone from the catalogue: the link refuses, never plaintext.
    let data = f.data();
    drop(f.vault);
    {
        let db = open_catalog(&data);
        let keys: Vec<_> = db
            .scan_prefix("sharekeys/")
            .keys()
            .map(|k| k.unwrap())
            .collect();
        assert_eq!(keys.len(), 1);
        db.remove(&keys[0]).unwrap();
        db.flush().unwrap();
    }
    let vault = Vault::open(&data).unwrap();
    let refused = vault.download_shared(&token, &b, None, None, now);
    assert!(matches!(refused, Err(Error::Damaged { .. })), "{refused:?}");
}

#[test]
fn a_persons_space_gives_their_photo_without_where_it_was_taken() {
    use vault_meta::testing::{self, AUTHOR, SERIAL};
    let f = Fixture::new();
    let now = vault_core::unix_now();
    let photo = testing::with_metadata(&testing::plain_jpeg(), 1);
    let id = f
        .vault
        .add_document(
            &f.bob,
            &f.case,
            &photo[..],
            &doc(DocumentKind::Evidence, "photo.jpg"),
        )
        .unwrap();
    let listed = f.vault.list_documents(&f.bob, &f.case).unwrap();
    let marks = &listed[0].inspection.as_ref().unwrap().findings.marks;
    assert!(
        marks.iter().any(|m| m.reveals == vault_core::Reveals::Gps),
        "{marks:?}"
    );
    let carries = |bytes: &[u8]| {
        let text = String::from_utf8_lossy(bytes);
        text.contains(AUTHOR) || text.contains(SERIAL) || text.contains("Exif")
    };

    let (_, token, passcode) = f.vault.create_space(&f.bob, &f.case, None).unwrap();
    let space = f.vault.open_space(&token, &passcode, None, now).unwrap();
    let (_, mut out) = f.vault.space_document(&space, &id, now).unwrap();
    assert!(
        matches!(out.copy, vault_core::Sent::Cleaned { .. }),
        "{:?}",
        out.copy
    );
    let mut got = Vec::new();
    out.read_to_end(&mut got).unwrap();
    assert!(
        !carries(&got),
        "the space's copy still carries its metadata"
    );
    // The share the person makes for their lawyer gives the cleaned copy too.
    let new = NewShare {
        documents: vec![id.clone()],
        ..NewShare::default()
    };
    let (_, lawyer) = f.vault.space_share(&space, &new, now).unwrap();
    assert!(!carries(&download(&f.vault, &lawyer, &id, None).unwrap()));
    // The volunteer's original is as it came.
    assert_eq!(read_all(&f.vault, &f.bob, &id), photo);
    let report = f.vault.access_report(&f.bob, &f.case).unwrap();
    // The person's read (by their space) and the lawyer's download; not the volunteer's.
    for action in ["document.read", "share.download"] {
        let event = report
            .iter()
            .rfind(|e| e.action == action && e.actor != f.bob.user().id.to_string())
            .unwrap();
        assert!(
            event.targets.iter().any(|t| t == "copy:cleaned"),
            "{action}: {event:?}"
        );
    }
}

/// A link holder's address is in the log only as a pseudonym: the same address gives the
/// same one for the day (one client's visits can be told apart from another's), a restart
/// draws a new key, and the address itself is in no file of the data directory.
#[test]
fn a_clients_address_is_logged_only_as_a_pseudonym_of_the_day() {
    let f = Fixture::new();
    let doc = f.add(&f.bob, DocumentKind::Other, "attestation.pdf", b"contenu");
    let token = share(&f, &[&doc], 5, None);
    let (lawyer, other): (std::net::IpAddr, std::net::IpAddr) = (
        "192.0.2.77".parse().unwrap(),
        "198.51.100.9".parse().unwrap(),
    );
    let now = vault_core::unix_now();
    let mut seen = Vec::new();
    for client in [lawyer, lawyer, other] {
        f.vault.open_share(&token, None, Some(client), now).unwrap();
        let event = f.vault.log_event(f.vault.log_size() - 1).unwrap();
        assert_eq!(event.action, "share.open");
        let pseudonym = event.client.expect("a link's event names its client");
        assert_eq!(pseudonym.len(), 64, "a 32-byte keyed hash in hex");
        seen.push(pseudonym);
    }
    assert_eq!(seen[0], seen[1], "one client, one pseudonym within the day");
    assert_ne!(seen[0], seen[2], "two clients, two pseudonyms");

    let (vault, _, dir) = f.reopen("a restart");
    vault.open_share(&token, None, Some(lawyer), now).unwrap();
    let after = vault
        .log_event(vault.log_size() - 1)
        .unwrap()
        .client
        .unwrap();
    assert_ne!(after, seen[0], "a restart draws a new pseudonym key");
    drop(vault);
    for address in ["192.0.2.77", "198.51.100.9"] {
        assert!(
            files_containing(&dir.path().join("data"), address.as_bytes()).is_empty(),
            "{address} is on disk"
        );
    }
}
