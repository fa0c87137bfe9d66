//! The real binaries on a real S3 server (Garage): `vault init --blobs s3://...`, the
//! server storing uploads in S3 and backing up while it serves (`POST
//! /api/v1/admin/backups`), a failed backup and a stopped store answered clearly, and
//! `vault restore` into a new directory that reads back every document.

mod util;

use serde_json::Value;
use util::garage::Garage;
use util::server::{Api, Server};
use util::*;

fn upload(api: &Api, case: &str, data: &[u8]) -> String {
    let (status, _, body) = api.send_bytes(
        "POST",
        &format!("/api/v1/cases/{case}/documents?kind=identity&filename=passeport.jpg"),
        "image/jpeg",
        data.to_vec(),
    );
    assert_eq!(status, 201, "{}", String::from_utf8_lossy(&body));
    let v: Value = serde_json::from_slice(&body).unwrap();
    v["id"].as_str().unwrap().to_owned()
}

#[test]
fn server_on_s3_backs_up_while_serving_and_restores() {
    let Some(garage) = Garage::start(1) else {
        return;
    };
    let flags = garage.flags();
    let flags: Vec<&str> = flags.iter().map(String::as_str).collect();
    let v = VaultDir::empty();
    let mut init: Vec<&str> = INIT.to_vec();
    init.extend(["--blobs", "s3://vault/e2e"]);
    init.extend(&flags);
    let out = v.vault(&init, None);
    assert!(
        out.status.success(),
        "init: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    // Every command on this vault finds its blobs from vault.toml; it needs the keys.
    let creds = garage.credentials_file().display().to_string();
    let cli = |args: &[&str]| {
        let mut all = args.to_vec();
        all.extend(["--s3-credentials", creds.as_str()]);
        v.ok(&all, None)
    };
    cli(&["team", "add", "Belleville"]);

    // The server reads [storage] from vault.toml; only the credentials file is given.
    let mut server = Server::start(
        &v.data(),
        &[
            "--s3-credentials",
            &creds,
            "--backup-to",
            "s3://vault/e2e-backups",
        ],
    );
    let api = Api::signed_in(&server.base, "alice", ADMIN_PASSWORD);
    let case = api.new_case("Fatou D.");
    let docs: Vec<(String, Vec<u8>)> = (0..3u8)
        .map(|i| {
            let data = pattern(3 * 1024 * 1024 + usize::from(i), i);
            (upload(&api, &case, &data), data)
        })
        .collect();
    // Nothing went to the local disk: the blobs are in the bucket.
    assert!(
        v.files_in("blobs").is_empty(),
        "blobs on local disk: {:?}",
        v.files_in("blobs")
    );
    for (doc, data) in &docs {
        let got = api.get(&format!("/api/v1/documents/{doc}/content"));
        assert_eq!(got.0, 200);
        assert!(got.2 == *data, "read back from S3");
    }

    // A backup while uploads go on.
    let (status, report) = std::thread::scope(|s| {
        let uploader = s.spawn(|| {
            for i in 0..3u8 {
                upload(&api, &case, &pattern(500_000, 50 + i));
            }
        });
        let answer = api.json("POST", "/api/v1/admin/backups", None);
        uploader.join().unwrap();
        answer
    });
    assert_eq!(status, 201, "{report}");
    let snapshot = report["snapshot"].as_str().unwrap().to_owned();
    assert!(report["blobs"].as_u64().unwrap() >= 3, "{report}");
    let (status, last) = api.json("GET", "/api/v1/admin/backups", None);
    assert_eq!(status, 200);
    assert_eq!(last["last"]["ok"], true, "{last}");
    assert_eq!(last["target"], "s3://vault/e2e-backups");

    // The store stops: an upload and a backup fail clearly, and say so.
    garage.control("kill", Some(1));
    let (status, _, body) = api.send_bytes(
        "POST",
        &format!("/api/v1/cases/{case}/documents?kind=identity&filename=x.jpg"),
        "image/jpeg",
        pattern(100_000, 9),
    );
    assert_eq!(status, 503, "{}", String::from_utf8_lossy(&body));
    assert!(String::from_utf8_lossy(&body).contains("storage_unavailable"));
    let (status, failed) = api.json("POST", "/api/v1/admin/backups", None);
    assert_eq!(status, 503, "{failed}");
    assert_eq!(failed["error"], "backup_failed");
    let (_, last) = api.json("GET", "/api/v1/admin/backups", None);
    assert_eq!(last["last"]["ok"], false, "{last}");
    // The server writes the line before it answers; the test reads its output on
    // another thread, so give that thread a moment.
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(5);
    while !server.log().contains("BACKUP FAILED") && std::time::Instant::now() < deadline {
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    assert!(server.log().contains("BACKUP FAILED"), "{}", server.log());
    garage.control("restart", Some(1));
    let log = server.log() + &server.printed();
    assert!(
        !log.contains(garage.var("AWS_SECRET_ACCESS_KEY")),
        "secret in the output"
    );
    server.terminate();

    // Restore the snapshot into a new directory (blobs on its own disk) and read it all.
    let restored = v.root.path().join("restored");
    let mut restore = vec!["restore", "s3://vault/e2e-backups", snapshot.as_str()];
    restore.extend(&flags);
    let out = v
        .command(&restore, None)
        .env("VAULT_DIR", &restored)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "restore: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("fsck OK"));
    for (doc, data) in &docs {
        let file = v.root.path().join(format!("{doc}.out"));
        let out = v
            .command(&["doc", "get", doc, "-o"], Some(&file))
            .env("VAULT_DIR", &restored)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "get: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(
            std::fs::read(&file).unwrap() == *data,
            "{doc} identical after restore"
        );
    }
    // The backups (the one that worked, and the one that failed) are in the live log,
    // by alice, with the snapshot id.
    let out = cli(&["log", "show", "--json"]);
    let events: Value = serde_json::from_str(&out).unwrap();
    let backups: Vec<&Value> = events
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["action"] == "backup.create")
        .collect();
    assert_eq!(backups.len(), 2, "{backups:?}");
    assert!(
        backups[0]["targets"].to_string().contains(&snapshot),
        "{backups:?}"
    );
    assert_eq!(backups[0]["outcome"], "ok");
    assert_eq!(backups[1]["outcome"], "failed");
}

/// kill -9 of `vault doc add` during a 24 MiB multipart upload to S3, at delays drawn
/// over the whole upload: no object appears under a blob name unless it is whole, no
/// document is listed that does not read back identical, and fsck finds nothing to mend.
#[test]
fn kill_during_a_multipart_upload_to_s3_leaves_nothing_partial() {
    let Some(garage) = Garage::start(1) else {
        return;
    };
    let v = VaultDir::empty();
    let mut init: Vec<&str> = INIT.to_vec();
    init.extend(["--blobs", "s3://vault/kills"]);
    let flags = garage.flags();
    init.extend(flags.iter().map(String::as_str));
    assert!(v.vault(&init, None).status.success());
    let creds = garage.credentials_file();
    let cmd = |args: &[&str], extra: Option<&std::path::Path>| {
        let mut c = v.command(args, extra);
        c.env("VAULT_S3_CREDENTIALS", &creds);
        c
    };
    let ok = |args: &[&str], extra: Option<&std::path::Path>| {
        let out = cmd(args, extra).output().unwrap();
        assert!(
            out.status.success(),
            "vault {args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap().trim().to_owned()
    };
    ok(&["team", "add", "Belleville"], None);
    let case = ok(
        &["case", "add", "--team", "Belleville", "--name", "Fatou D."],
        None,
    );
    let file = v.root.path().join("scan.bin");
    let size = 24 << 20;
    std::fs::write(&file, pattern(size, 0)).unwrap();
    let start = std::time::Instant::now();
    let first = ok(&["doc", "add", &case, "--kind", "other"], Some(&file));
    let took = start.elapsed();
    let mut acked = std::collections::BTreeMap::from([(first, pattern(size, 0))]);
    let listed = || -> Vec<String> {
        let list: Value =
            serde_json::from_str(&ok(&["doc", "list", &case, "--json"], None)).unwrap();
        let ids: Vec<String> = list
            .as_array()
            .unwrap()
            .iter()
            .map(|d| d["id"].as_str().unwrap().to_owned())
            .collect();
        ids
    };
    let read = |doc: &str| -> Vec<u8> {
        let out = v.root.path().join("out.bin");
        let _ = std::fs::remove_file(&out);
        ok(&["doc", "get", doc, "-o"], Some(&out));
        std::fs::read(out).unwrap()
    };
    let mut killed_mid = 0;
    for round in 1..=6u8 {
        let data = pattern(size, round);
        std::fs::write(&file, &data).unwrap();
        // From the start to past the end of an unkilled upload.
        let delay = took.mul_f64(f64::from(round) / 5.0);
        let why = format!("round {round}: killed after {delay:?}");
        let mut child = cmd(&["doc", "add", &case, "--kind", "other"], Some(&file))
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(delay);
        let done = child.try_wait().unwrap().is_some_and(|s| s.success());
        if !done {
            child.kill().unwrap();
            child.wait().unwrap();
        }
        // As the kill left them, before anything is mended.
        let objects = garage.objects("kills/blobs");
        let tmp = garage.objects("kills/tmp");
        let ids = listed();
        assert!(acked.keys().all(|id| ids.contains(id)), "{why}: lost one");
        let new: Vec<&String> = ids.iter().filter(|id| !acked.contains_key(*id)).collect();
        assert!(new.len() <= 1, "{why}: {new:?}");
        if done {
            assert_eq!(new.len(), 1, "{why}: acknowledged, so listed");
        }
        killed_mid += usize::from(!done && new.is_empty());
        let fsck = cmd(&["fsck", "--json"], None).output().unwrap();
        let report: Value = serde_json::from_slice(&fsck.stdout)
            .unwrap_or_else(|_| panic!("{why}: {}", String::from_utf8_lossy(&fsck.stderr)));
        for field in ["missing_blobs", "corrupt_blobs", "missing_entries"] {
            assert_eq!(report[field], serde_json::json!([]), "{why}: {report}");
        }
        // A blob the kill left unrecorded is an orphan (and a finished upload not yet
        // moved is a leftover): they lose nothing, and repair removes them.
        let repaired = cmd(&["fsck", "--repair", "--json"], None).output().unwrap();
        assert!(repaired.status.success(), "{why}");
        let again: Value =
            serde_json::from_slice(&cmd(&["fsck", "--json"], None).output().unwrap().stdout)
                .unwrap();
        for field in [
            "orphan_blobs",
            "leftovers",
            "missing_blobs",
            "corrupt_blobs",
        ] {
            assert_eq!(again[field], serde_json::json!([]), "{why}: {again}");
        }
        for id in new {
            assert!(read(id) == data, "{why}: a new document reads whole");
            acked.insert(id.clone(), data.clone());
        }
        // Once mended, one object per document: every one of them referenced, so
        // hash-checked by fsck.
        assert_eq!(
            garage.objects("kills/blobs").len(),
            acked.len(),
            "{why}: {objects:?} {tmp:?}"
        );
        eprintln!("{why}: done={done}, blobs {}, tmp {tmp:?}", objects.len());
    }
    for (id, data) in &acked {
        assert!(read(id) == *data, "{id} identical");
    }
    eprintln!("multipart kills: {killed_mid} of 6 rounds cut before the commit");
}
