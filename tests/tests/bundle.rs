//! Evidence bundles (`vault bundle create`), checked by tools that know nothing of the
//! vault: Python's `bagit` (PyPI) and coreutils' `sha256sum -c`.

mod util;

use std::path::{Path, PathBuf};
use std::process::Command;

use util::*;

/// Why the independent checkers cannot run here, if they cannot. Under `CI=true` a
/// missing checker fails the test instead.
fn checkers_missing() -> Option<String> {
    let bagit = Command::new("python3")
        .args(["-c", "import bagit"])
        .output()
        .map(|o| o.status.success())
        .unwrap_or(false);
    let why = (!bagit).then(|| "Python's bagit is missing (pip install bagit)".to_owned());
    match why {
        Some(why) if std::env::var("CI").as_deref() == Ok("true") => panic!("{why}"),
        why => why,
    }
}

/// Extracts `zip` into `into` with Python's zipfile; answers the bag's directory (the
/// ZIP's single top directory).
fn extract(zip: &Path, into: &Path) -> PathBuf {
    let out = Command::new("python3")
        .args([
            "-c",
            "import sys, zipfile; z = zipfile.ZipFile(sys.argv[1]); z.extractall(sys.argv[2]); \
             print('\\n'.join(sorted({n.split('/')[0] for n in z.namelist()})))",
        ])
        .arg(zip)
        .arg(into)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let tops = String::from_utf8(out.stdout).unwrap();
    let tops: Vec<&str> = tops.lines().collect();
    assert_eq!(tops.len(), 1, "one top directory: {tops:?}");
    into.join(tops[0])
}

/// Python's bagit on the bag: `Ok` when valid, else its complaint.
fn bagit_validate(bag: &Path) -> Result<(), String> {
    let out = Command::new("python3")
        .args([
            "-c",
            "import sys, bagit\n\
             try:\n    bagit.Bag(sys.argv[1]).validate()\n    print('valid')\n\
             except bagit.BagError as e:\n    print(e)\n    sys.exit(1)",
        ])
        .arg(bag)
        .output()
        .unwrap();
    let said = String::from_utf8_lossy(&out.stdout).trim().to_owned();
    if out.status.success() {
        Ok(())
    } else {
        Err(format!("{said}{}", String::from_utf8_lossy(&out.stderr)))
    }
}

/// Copies a directory tree.
fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let path = entry.unwrap().path();
        let target = to.join(path.file_name().unwrap());
        if path.is_dir() {
            copy_dir(&path, &target);
        } else {
            std::fs::copy(&path, &target).unwrap();
        }
    }
}

/// Zips `dir`'s contents again (stored entries, paths relative to `dir`), as someone who
/// altered an extracted bundle would.
fn rezip(dir: &Path, out: &Path) {
    let status = Command::new("python3")
        .args([
            "-c",
            "import os, sys, zipfile\n\
             with zipfile.ZipFile(sys.argv[2], 'w', zipfile.ZIP_STORED) as z:\n\
             \x20   for root, _, files in os.walk(sys.argv[1]):\n\
             \x20       for f in files:\n\
             \x20           p = os.path.join(root, f)\n\
             \x20           z.write(p, os.path.relpath(p, sys.argv[1]))",
        ])
        .arg(dir)
        .arg(out)
        .status()
        .unwrap();
    assert!(status.success());
}

fn sha256sum_check(bag: &Path) -> bool {
    Command::new("sha256sum")
        .args(["--quiet", "-c", "manifest-sha256.txt"])
        .current_dir(bag)
        .status()
        .unwrap()
        .success()
}

#[test]
fn a_bundle_is_a_bag_that_standard_tools_validate_and_a_changed_byte_fails() {
    if let Some(why) = checkers_missing() {
        eprintln!("SKIPPED a_bundle_is_a_bag_that_standard_tools_validate: {why}");
        return;
    }
    let v = VaultDir::init();
    let case = v.new_case();
    let dir = v.root.path();
    let photo = pattern(300_000, 3);
    let files = [
        ("blessure.jpg", photo.clone(), "evidence"),
        ("recours.pdf", b"%PDF-1.7 recours v1".to_vec(), "appeal"),
        // The same name as the first, from another intake: disambiguated in the bag.
        ("blessure.jpg", b"second photo".to_vec(), "other"),
    ];
    let mut ids = Vec::new();
    for (i, (name, bytes, kind)) in files.iter().enumerate() {
        let sub = dir.join(format!("in{i}"));
        std::fs::create_dir_all(&sub).unwrap();
        let path = sub.join(name);
        std::fs::write(&path, bytes).unwrap();
        ids.push(v.ok(&["doc", "add", &case, "--kind", kind], Some(&path)));
    }
    // The appeal has a second version: the bundle carries the newest, under its name (one
    // with markup in it, which the HTML report must show as text).
    let v2 = dir.join("recours <v2>.pdf");
    std::fs::write(&v2, b"%PDF-1.7 recours v2").unwrap();
    v.ok(&["doc", "replace", &ids[1]], Some(&v2));

    let zip = dir.join("preuves.zip");
    let out = v.vault(
        &[
            "bundle",
            "create",
            &case,
            "-o",
            zip.to_str().unwrap(),
            "--association",
            "Droits Devant 93",
        ],
        None,
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(said.contains("3 documents"), "{said}");
    // An existing file is never overwritten.
    let again = v.vault(
        &["bundle", "create", &case, "-o", zip.to_str().unwrap()],
        None,
    );
    assert!(!again.status.success());

    let bag = extract(&zip, &dir.join("extracted"));
    bagit_validate(&bag).expect("a valid bag");
    assert!(sha256sum_check(&bag), "sha256sum -c accepts the manifest");
    // Bit-identical (the two photos of one name in either order).
    let one = std::fs::read(bag.join("data/blessure.jpg")).unwrap();
    let two = std::fs::read(bag.join("data/blessure (2).jpg")).unwrap();
    assert!(
        (one == photo && two == b"second photo") || (two == photo && one == b"second photo"),
        "the photos are not bit-identical"
    );
    assert!(std::fs::read(bag.join("data/recours <v2>.pdf")).unwrap() == b"%PDF-1.7 recours v2");
    let info = std::fs::read_to_string(bag.join("bag-info.txt")).unwrap();
    assert!(
        info.contains("Source-Organization: Droits Devant 93"),
        "{info}"
    );
    assert!(
        info.contains(&format!("Payload-Oxum: {}.3", photo.len() + 12 + 19)),
        "{info}"
    );
    assert!(info.contains("Exported-By: alice"), "{info}");
    assert!(
        !info.contains("Fatou"),
        "no name of the person in the bag's tags: {info}"
    );
    let sha512 = std::fs::read_to_string(bag.join("manifest-sha512.txt")).unwrap();
    assert_eq!(sha512.lines().count(), 3);

    // The export is in the case's access log, naming its documents.
    let report = v.ok(&["log", "show", "--case", &case, "--json"], None);
    let events: serde_json::Value = serde_json::from_str(&report).unwrap();
    let export = events
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["action"] == "bundle.export")
        .expect("a bundle.export event");
    for id in &ids {
        assert!(
            export["targets"]
                .as_array()
                .unwrap()
                .iter()
                .any(|t| t.as_str().unwrap().ends_with(id.as_str())),
            "{export}"
        );
    }

    // The chain of custody: every document with its versions as recorded at intake and
    // the events that name it, each proved to be in the log of the signed checkpoint,
    // the export's own event among them.
    let custody: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(bag.join("custody/custody.json")).unwrap())
            .unwrap();
    let checkpoint = vault_core::Checkpoint::parse(
        &std::fs::read_to_string(bag.join("custody/checkpoint.txt")).unwrap(),
    )
    .unwrap();
    let toml = std::fs::read_to_string(v.data().join("vault.toml")).unwrap();
    let key = toml
        .lines()
        .find_map(|l| l.strip_prefix("log_public_key = "))
        .unwrap()
        .trim_matches('"');
    assert!(
        checkpoint.verify_signature(key),
        "the checkpoint is signed by the log key"
    );
    assert_eq!(custody["log_public_key"], key);
    let root: [u8; 32] = hex::decode(&checkpoint.root).unwrap().try_into().unwrap();
    let events = custody["events"].as_array().unwrap();
    for e in events {
        let record = hex::decode(e["record"].as_str().unwrap()).unwrap();
        let proof: Vec<[u8; 32]> = e["proof"]
            .as_array()
            .unwrap()
            .iter()
            .map(|h| {
                hex::decode(h.as_str().unwrap())
                    .unwrap()
                    .try_into()
                    .unwrap()
            })
            .collect();
        let leaf = vault_core::log::merkle::leaf_hash(&record);
        assert!(
            vault_core::log::merkle::verify_inclusion(
                &leaf,
                e["seq"].as_u64().unwrap(),
                checkpoint.size,
                &proof,
                &root
            ),
            "event {} is proved",
            e["seq"]
        );
    }
    let actions: Vec<&str> = events
        .iter()
        .map(|e| e["action"].as_str().unwrap())
        .collect();
    assert!(
        actions.contains(&"document.add") && actions.contains(&"document.version"),
        "{actions:?}"
    );
    assert_eq!(
        actions.last(),
        Some(&"bundle.export"),
        "the bundle shows its own making"
    );
    let documents = custody["documents"].as_array().unwrap();
    assert_eq!(documents.len(), 3);
    let appeal = documents
        .iter()
        .find(|d| d["id"] == ids[1].as_str())
        .unwrap();
    assert_eq!(appeal["versions"].as_array().unwrap().len(), 2);
    assert_eq!(
        appeal["versions"][1]["blake3"],
        blake3::hash(b"%PDF-1.7 recours v2").to_hex().as_str()
    );
    assert!(std::fs::read_to_string(bag.join("tagmanifest-sha256.txt"))
        .unwrap()
        .contains("custody/custody.json"));

    // The same record in words, for a clerk: French and English, signed like the rest.
    let fr = std::fs::read_to_string(bag.join("custody/report-fr.txt")).unwrap();
    assert!(fr.starts_with("Chaîne de garde"), "{fr}");
    assert!(fr.contains("ajout d'un document  par alice"), "{fr}");
    assert!(fr.contains("export d'un dossier de preuves"), "{fr}");
    // Times in Paris time for the reader ("à 21 h 05"), with the log's UTC beside them.
    assert!(
        fr.lines()
            .any(|l| l.contains("reçue le ") && l.contains(" h ") && l.contains(" UTC")),
        "{fr}"
    );
    assert!(
        fr.lines()
            .filter(|l| l.contains("par alice"))
            .all(|l| l.contains(" h ") && l.contains(" — ")),
        "{fr}"
    );
    let en = std::fs::read_to_string(bag.join("custody/report-en.txt")).unwrap();
    assert!(
        en.contains("document added  by alice") && en.contains("(appeal)"),
        "{en}"
    );
    let tagmanifest = std::fs::read_to_string(bag.join("tagmanifest-sha256.txt")).unwrap();
    assert!(
        tagmanifest.contains("custody/report-fr.txt"),
        "{tagmanifest}"
    );
    // And as a page to print: tables of versions and events, in the reader's language, the
    // file name escaped, each version's BLAKE3 whole.
    for (lang, versions, by) in [
        ("fr", "Versions reçues", "Par"),
        ("en", "Versions received", "By"),
    ] {
        let name = format!("custody/report-{lang}.html");
        assert!(tagmanifest.contains(&name), "{tagmanifest}");
        let page = std::fs::read_to_string(bag.join(&name)).unwrap();
        assert!(page.contains(&format!("<html lang=\"{lang}\"")), "{page}");
        assert!(
            page.contains(&format!("<caption>{versions}</caption>")),
            "{page}"
        );
        assert!(page.contains(&format!(">{by}</th>")), "{page}");
        assert!(page.contains("recours &lt;v2&gt;.pdf"), "{page}");
        assert!(!page.contains("<v2>"), "{page}");
        for bytes in [&photo[..], b"%PDF-1.7 recours v1", b"%PDF-1.7 recours v2"] {
            let hash = blake3::hash(bytes).to_hex();
            assert!(page.contains(hash.as_str()), "{page}");
        }
        assert_eq!(
            page.matches("<td class=\"t\"").count() % 2,
            0,
            "each time twice, Paris and UTC"
        );
    }

    // `vault bundle verify`, offline: with the bundle's own key, then with the key as the
    // association published it.
    let verify = |zip: &Path, extra: &[&str]| {
        let mut args = vec!["bundle", "verify", zip.to_str().unwrap()];
        args.extend_from_slice(extra);
        let out = v.vault(&args, None);
        let said = format!(
            "{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        (out.status.success(), said)
    };
    let (ok, said) = verify(&zip, &[]);
    assert!(
        ok && said.contains("3 document(s)") && said.contains("the one the bundle gives itself"),
        "{said}"
    );
    let (ok, said) = verify(&zip, &["--pubkey", key]);
    assert!(ok && said.contains("Signed by the given log key"), "{said}");
    let other_key = "11".repeat(32);
    let (ok, said) = verify(&zip, &["--pubkey", &other_key]);
    assert!(!ok && said.contains("not the log key's"), "{said}");
    // Each alteration, refused with its reason.
    let pristine = dir.join("pristine");
    extract(&zip, &pristine);
    let top = bag.file_name().unwrap().to_str().unwrap().to_owned();
    let altered = |name: &str, change: &dyn Fn(&Path)| -> String {
        let work = dir.join(format!("alter-{name}"));
        copy_dir(&pristine, &work);
        change(&work.join(&top));
        let out = dir.join(format!("{name}.zip"));
        rezip(&work, &out);
        let (ok, said) = verify(&out, &["--pubkey", key]);
        assert!(!ok, "{name}: accepted");
        said
    };
    let data_file = |b: &Path| {
        std::fs::read_dir(b.join("data"))
            .unwrap()
            .next()
            .unwrap()
            .unwrap()
            .path()
    };
    let said = altered("byte", &|b| {
        let f = data_file(b);
        let mut bytes = std::fs::read(&f).unwrap();
        bytes[0] ^= 1;
        std::fs::write(&f, bytes).unwrap();
    });
    assert!(said.contains("no longer matches the manifest"), "{said}");
    let said = altered("removed", &|b| std::fs::remove_file(data_file(b)).unwrap());
    assert!(said.contains("is missing"), "{said}");
    let said = altered("manifest", &|b| {
        let m = b.join("manifest-sha256.txt");
        let text = std::fs::read_to_string(&m).unwrap();
        std::fs::write(&m, text.replacen(|c: char| c.is_ascii_hexdigit(), "0", 1)).unwrap();
    });
    assert!(
        said.contains("manifest-sha256.txt no longer matches the tag manifest"),
        "{said}"
    );
    let said = altered("proof", &|b| {
        let c = b.join("custody/custody.json");
        let text = std::fs::read_to_string(&c).unwrap();
        let at = text.find("\"proof\": [").unwrap() + 20;
        let mut bytes = text.into_bytes();
        bytes[at] = if bytes[at] == b'0' { b'1' } else { b'0' };
        std::fs::write(&c, bytes).unwrap();
    });
    assert!(
        said.contains("custody.json no longer matches the tag manifest"),
        "{said}"
    );
    let said = altered("signature", &|b| {
        std::fs::write(
            b.join("custody/tagmanifest-sha256.txt.sig"),
            "00".repeat(64),
        )
        .unwrap();
    });
    assert!(said.contains("signature is not the log key's"), "{said}");
    let said = altered("checkpoint", &|b| {
        let c = b.join("custody/checkpoint.txt");
        let text = std::fs::read_to_string(&c).unwrap();
        std::fs::write(&c, text.replacen(&checkpoint.size.to_string(), "1", 1)).unwrap();
    });
    assert!(
        said.contains("checkpoint.txt no longer matches the tag manifest"),
        "{said}"
    );

    // For the lawyer's own age key: the bundle comes out as an age file that the Go `age`
    // tool opens with the lawyer's key, and the result verifies.
    if age_tool("the --to part") {
        let (key_file, recipient) = age_keygen(dir, "lawyer.key");
        let sealed = dir.join("pour-maitre-dupont.zip");
        let out = v.vault(
            &[
                "bundle",
                "create",
                &case,
                "-o",
                sealed.to_str().unwrap(),
                "--to",
                &recipient,
            ],
            None,
        );
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let sealed = dir.join("pour-maitre-dupont.zip.age");
        let bytes = std::fs::read(&sealed).unwrap();
        assert!(bytes.starts_with(b"age-encryption.org/v1"), "an age file");
        let opened = dir.join("opened.zip");
        assert!(
            age_decrypt(&key_file, &sealed, &opened),
            "the lawyer's key opens it"
        );
        let (ok, said) = verify(&opened, &["--pubkey", key]);
        assert!(ok, "{said}");
        let bad = v.vault(
            &["bundle", "create", &case, "-o", "x.zip", "--to", "age1nope"],
            None,
        );
        let said = String::from_utf8_lossy(&bad.stderr);
        assert!(
            !bad.status.success() && said.contains("age recipient refused: age1nope"),
            "{said}"
        );
    }

    // One byte changed in a file: both checkers refuse the bag.
    let victim = bag.join(if one == photo {
        "data/blessure.jpg"
    } else {
        "data/blessure (2).jpg"
    });
    let mut bytes = std::fs::read(&victim).unwrap();
    bytes[1000] ^= 1;
    std::fs::write(&victim, &bytes).unwrap();
    let refused = bagit_validate(&bag).expect_err("a changed byte is caught");
    assert!(refused.contains("blessure"), "{refused}");
    assert!(!sha256sum_check(&bag));
}

/// A photo a person sent through an upload link goes into the bundle bit-identical, and its
/// custody says so: the intake event names the upload link, not a volunteer.
#[test]
fn a_document_sent_through_an_upload_link_is_bundled_with_the_link_as_its_intake() {
    if let Some(why) = checkers_missing() {
        eprintln!("SKIPPED a_document_sent_through_an_upload_link: {why}");
        return;
    }
    use util::server::{raw_request, Api, Server};
    let v = VaultDir::init();
    let server = Server::start(&v.data(), &[]);
    let api = Api::signed_in(&server.base, "alice", ADMIN_PASSWORD);
    let case = api.new_case("Fatou D.");
    let (status, upload) = api.json(
        "POST",
        &format!("/api/v1/cases/{case}/upload-links"),
        Some(serde_json::json!({})),
    );
    assert_eq!(status, 201, "{upload}");
    let url = upload["url"].as_str().unwrap();
    let path = &url[url.find("/u/").unwrap()..];
    let photo = pattern(200_000, 7);
    let boundary = "b0undary";
    let mut form = format!(
        "--{boundary}\r\nContent-Disposition: form-data; name=\"files\"; filename=\"coups.jpg\"\r\n\
         Content-Type: image/jpeg\r\n\r\n"
    )
    .into_bytes();
    form.extend_from_slice(&photo);
    form.extend_from_slice(format!("\r\n--{boundary}--\r\n").as_bytes());
    let (status, answer) = raw_request(
        &server.base,
        &format!("POST {path} HTTP/1.1\r\nContent-Type: multipart/form-data; boundary={boundary}"),
        &form,
    );
    assert_eq!(status, 303, "{answer}");

    let (status, _, zip) = api.send(
        "POST",
        &format!("/api/v1/cases/{case}/bundles"),
        &[("content-type", "application/json")],
        std::io::Cursor::new(b"{}".to_vec()),
    );
    assert_eq!(status, 200, "{}", String::from_utf8_lossy(&zip));
    let dir = v.root.path();
    std::fs::write(dir.join("b.zip"), &zip).unwrap();
    let bag = extract(&dir.join("b.zip"), &dir.join("x"));
    bagit_validate(&bag).expect("a valid bag");
    assert!(std::fs::read(bag.join("data/coups.jpg")).unwrap() == photo);

    let custody: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(bag.join("custody/custody.json")).unwrap())
            .unwrap();
    let intake = custody["events"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["action"] == "document.add")
        .unwrap_or_else(|| panic!("no intake event: {custody}"));
    assert!(
        intake["actor"].as_str().unwrap().starts_with("upload:"),
        "{intake}"
    );
    assert_eq!(
        custody["documents"][0]["versions"][0]["blake3"],
        blake3::hash(&photo).to_hex().as_str()
    );
    let fr = std::fs::read_to_string(bag.join("custody/report-fr.txt")).unwrap();
    assert!(
        fr.lines()
            .any(|l| l.contains("ajout d'un document") && l.contains("lien de dépôt")),
        "{fr}"
    );
    let en = std::fs::read_to_string(bag.join("custody/report-en.html")).unwrap();
    assert!(en.contains("upload link"), "{en}");
}

#[test]
fn working_copies_come_beside_the_originals_named_as_copies_and_the_bag_still_verifies() {
    if let Some(why) = checkers_missing() {
        eprintln!("SKIPPED working_copies_come_beside_the_originals: {why}");
        return;
    }
    use vault_meta::testing::{self, AUTHOR, SERIAL};
    let v = VaultDir::init();
    let case = v.new_case();
    let dir = v.root.path();
    let photo = testing::with_metadata(&testing::plain_jpeg(), 6);
    let files = [
        ("blessure.jpg", photo.clone()),
        ("attestation.pdf", testing::pdf(false)),
        ("notes.txt", b"rendez-vous mardi".to_vec()),
    ];
    for (name, bytes) in &files {
        let path = dir.join(name);
        std::fs::write(&path, bytes).unwrap();
        v.ok(&["doc", "add", &case, "--kind", "evidence"], Some(&path));
    }
    let zip = dir.join("preuves.zip");
    v.ok(
        &[
            "bundle",
            "create",
            &case,
            "-o",
            zip.to_str().unwrap(),
            "--working-copies",
        ],
        None,
    );
    let bag = extract(&zip, &dir.join("extracted"));
    bagit_validate(&bag).expect("a valid bag");
    assert!(sha256sum_check(&bag));
    // The originals as they came, the copies beside them without what they carried; the
    // text file, which has nothing to clean, gets no copy.
    assert_eq!(std::fs::read(bag.join("data/blessure.jpg")).unwrap(), photo);
    for name in ["blessure.jpg", "attestation.pdf"] {
        let copy = std::fs::read(bag.join("data/working-copies").join(name)).unwrap();
        let text = String::from_utf8_lossy(&copy);
        assert!(!text.contains(AUTHOR) && !text.contains(SERIAL), "{name}");
        assert!(vault_meta::inspect(&copy.into()).marks.is_empty(), "{name}");
    }
    assert!(!bag.join("data/working-copies/notes.txt").exists());
    let custody: serde_json::Value =
        serde_json::from_slice(&std::fs::read(bag.join("custody/custody.json")).unwrap()).unwrap();
    let copies = custody["working_copies"].as_array().unwrap();
    assert_eq!(copies.len(), 2, "{copies:?}");
    assert!(copies.iter().all(|c| c["file"]
        .as_str()
        .unwrap()
        .starts_with("data/working-copies/")));
    // The verifier proves the originals against intake and counts the copies apart.
    let said = v.ok(&["bundle", "verify", zip.to_str().unwrap()], None);
    assert!(said.contains("vérifié : 3 document(s)"), "{said}");
    assert!(said.contains("2 copie(s) de travail"), "{said}");
    // A copy changed after the fact is caught like any payload file.
    let mut changed = std::fs::read(bag.join("data/working-copies/attestation.pdf")).unwrap();
    changed.push(b'\n');
    std::fs::write(bag.join("data/working-copies/attestation.pdf"), changed).unwrap();
    assert!(bagit_validate(&bag).is_err());
}
