//! End-to-end tests of the `vault` and `vault-server` binaries.

mod util;

use std::io::Write;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use util::*;

#[test]
fn a_killed_add_leaves_no_visible_document_and_fsck_is_clean() {
    let v = VaultDir::init();
    let case = v.new_case();
    // The child reads the document from a FIFO: it is killed while the document streams in.
    let fifo = v.root.path().join("incoming.jpg");
    let status = Command::new("mkfifo").arg(&fifo).status().expect("mkfifo");
    assert!(status.success());
    let mut child = v
        .command(&["doc", "add", &case, "--kind", "evidence"], Some(&fifo))
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut writer = std::fs::OpenOptions::new().write(true).open(&fifo).unwrap();
    let chunk = pattern(1 << 20, 9);
    for _ in 0..8 {
        writer.write_all(&chunk).unwrap();
    }
    // Wait until the encrypted half-document has reached tmp/, then kill -9.
    let deadline = Instant::now() + Duration::from_secs(60);
    loop {
        let partial: u64 = v
            .files_in("tmp")
            .iter()
            .map(|p| p.metadata().map(|m| m.len()).unwrap_or(0))
            .sum();
        if partial > 1 << 20 {
            break;
        }
        assert!(Instant::now() < deadline, "the child never wrote to tmp/");
        std::thread::yield_now();
    }
    child.kill().unwrap();
    let status = child.wait().unwrap();
    assert!(!status.success());
    drop(writer);
    assert!(
        !v.files_in("tmp").is_empty(),
        "the kill left its partial file, as a crash would"
    );
    assert!(v.files_in("blobs").is_empty(), "no blob became visible");

    // Reopened: no document is visible, and fsck (after the sweep at open) is clean.
    assert_eq!(v.ok(&["doc", "list", &case], None), "");
    let fsck = v.vault(&["fsck", "--json"], None);
    assert!(
        fsck.status.success(),
        "fsck: {}",
        String::from_utf8_lossy(&fsck.stdout)
    );
    assert!(v.files_in("tmp").is_empty());
    // The vault still works.
    let file = v.root.path().join("after.txt");
    std::fs::write(&file, b"after the crash").unwrap();
    let id = v.ok(&["doc", "add", &case, "--kind", "other"], Some(&file));
    assert_eq!(v.ok(&["doc", "get", &id], None), "after the crash");
}

#[test]
fn blobs_decrypt_with_the_go_age_tool() {
    let Ok(version) = Command::new("age").arg("--version").output() else {
        if std::env::var_os("CI").is_some() {
            panic!("the `age` tool is missing in CI: .ci/run must install it");
        }
        eprintln!("SKIPPED blobs_decrypt_with_the_go_age_tool: the `age` tool is not installed (apt-get install age)");
        return;
    };
    eprintln!("age {}", String::from_utf8_lossy(&version.stdout).trim());
    let v = VaultDir::init();
    let case = v.new_case();
    for (i, size) in [0usize, 1, 65_536, 65_537, 3 << 20].into_iter().enumerate() {
        let content = pattern(size, i as u8);
        let file = v.root.path().join(format!("piece-{i}.bin"));
        std::fs::write(&file, &content).unwrap();
        let id = v.ok(&["doc", "add", &case, "--kind", "identity"], Some(&file));
        let out = v.vault(&["doc", "export-key", &id], None);
        assert!(out.status.success());
        let key_file = v.root.path().join(format!("key-{i}.txt"));
        std::fs::write(&key_file, &out.stdout).unwrap();
        let blob = String::from_utf8(out.stderr).unwrap().trim().to_string();
        let decrypted = Command::new("age")
            .arg("-d")
            .arg("-i")
            .arg(&key_file)
            .arg(&blob)
            .output()
            .unwrap();
        assert!(
            decrypted.status.success(),
            "age -d: {}",
            String::from_utf8_lossy(&decrypted.stderr)
        );
        assert!(
            decrypted.stdout == content,
            "size {size}: age's plaintext differs"
        );
    }
}

#[test]
fn cli_errors_are_one_clear_line() {
    let v = VaultDir::init();
    let case = v.new_case();
    std::fs::write(v.password_file(), "wrong-password\n").unwrap();
    let out = v.vault(&["case", "list"], None);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.contains("mot de passe") && err.contains("wrong password"),
        "{err}"
    );
    assert!(!err.contains("panicked") && !err.contains("wrong-password"));

    std::fs::write(v.password_file(), format!("{ADMIN_PASSWORD}\n")).unwrap();
    let out = v.vault(
        &["doc", "add", &case, "--kind", "other"],
        Some(v.root.path()),
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("directory"));
    let out = v.vault(&["doc", "get", "0123456789abcdef0123456789abcdef"], None);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("not found"));
    let out = Command::new(bin("vault"))
        .env_clear()
        .env("VAULT_DIR", v.root.path().join("none"))
        .args(["fsck"])
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&out.stderr).contains("vault init"));
}

#[test]
fn the_server_holds_the_vault_and_the_cli_says_so() {
    let v = VaultDir::init();
    let mut server = util::server::Server::start(&v.data(), &[]);
    let out = v.vault(&["case", "list"], None);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1));
    assert!(err.contains("vault-server"), "{err}");
    server.kill();
    assert!(v.vault(&["case", "list"], None).status.success());
}

#[test]
fn a_volunteer_works_on_a_case_until_removed_from_the_team() {
    let v = VaultDir::init();
    let bob_password = v.root.path().join("bob-password");
    std::fs::write(&bob_password, "bob-password-1\n").unwrap();
    v.ok(
        &[
            "user",
            "add",
            "bob",
            "--role",
            "volunteer",
            "--new-password-file",
        ],
        Some(&bob_password),
    );
    v.ok(&["team", "add-member", "Belleville", "bob"], None);
    let case = v.new_case();
    let as_bob = |args: &[&str], extra: Option<&std::path::Path>| {
        let mut cmd = v.command(args, extra);
        cmd.env("VAULT_USER", "bob")
            .env("VAULT_PASSWORD_FILE", &bob_password);
        cmd.output().unwrap()
    };
    // Three documents of three kinds, added by bob, read back byte for byte.
    let mut docs = Vec::new();
    for (i, kind) in ["identity", "appeal", "evidence"].into_iter().enumerate() {
        let file = v.root.path().join(format!("{kind}.bin"));
        let content = pattern(70_000 + i, i as u8);
        std::fs::write(&file, &content).unwrap();
        let out = as_bob(&["doc", "add", &case, "--kind", kind], Some(&file));
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        docs.push((
            String::from_utf8(out.stdout).unwrap().trim().to_string(),
            content,
        ));
    }
    for (id, content) in &docs {
        let out = as_bob(&["doc", "get", id], None);
        assert!(out.status.success() && out.stdout == *content);
    }
    let evidence = &docs[2].0;
    let file = v.root.path().join("replacement.bin");
    std::fs::write(&file, b"x").unwrap();
    let listed = String::from_utf8(as_bob(&["case", "list"], None).stdout).unwrap();
    assert!(listed.contains(&case) && listed.contains("Fatou D."));

    v.ok(&["team", "remove-member", "Belleville", "bob"], None);
    let out = as_bob(&["doc", "get", evidence], None);
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty());
    assert!(String::from_utf8_lossy(&out.stderr).contains("access denied"));
    assert_eq!(
        String::from_utf8(as_bob(&["case", "list"], None).stdout).unwrap(),
        ""
    );
    let out = as_bob(&["doc", "add", &case, "--kind", "other"], Some(&file));
    assert_eq!(out.status.code(), Some(1));
    // Alice still reads everything.
    for (id, content) in &docs {
        assert!(v.vault(&["doc", "get", id], None).stdout == *content);
    }
}

#[test]
fn the_log_is_shown_checkpointed_and_verified_from_the_cli() {
    let v = VaultDir::init();
    let case = v.new_case();
    let file = v.root.path().join("recours.odt");
    std::fs::write(&file, b"draft").unwrap();
    let doc = v.ok(&["doc", "add", &case, "--kind", "appeal"], Some(&file));
    let kept = v.root.path().join("checkpoint.txt");
    v.ok(&["log", "checkpoint", "-o"], Some(&kept));
    let text = std::fs::read_to_string(&kept).unwrap();
    assert!(
        text.starts_with("vault-log/") && text.contains("\n— vault-log/"),
        "{text}"
    );
    v.ok(&["doc", "get", &doc], None);
    let out = v.vault(&["log", "verify", "--checkpoint"], Some(&kept));
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stderr).contains("extends the checkpoint"));
    let report = v.ok(&["log", "show", "--case", &case], None);
    for label in [
        "ouverture du dossier",
        "ajout d'un document",
        "lecture d'un document",
    ] {
        assert!(report.contains(label), "{report}");
    }
    assert!(!report.contains("Fatou") && !report.contains("recours.odt"));
    assert!(
        report.contains("par alice"),
        "accounts are shown by name: {report}"
    );
    let json = v.ok(&["log", "show", "--json"], None);
    let all: serde_json::Value = serde_json::from_str(&json).unwrap();
    let all = all.as_array().unwrap();
    assert!(all.iter().any(|e| e["action"] == "session.open"));
    assert!(all.iter().enumerate().all(|(i, e)| e["seq"] == i as u64));
    // A proof printed by the CLI verifies against the checkpoint with the documented
    // algorithm alone.
    let checkpoint = vault_core::Checkpoint::parse(&text).unwrap();
    let size = checkpoint.size.to_string();
    let proof: serde_json::Value =
        serde_json::from_str(&v.ok(&["log", "prove", "--size", &size, "--event", "1"], None))
            .unwrap();
    let hash = |h: &serde_json::Value| -> [u8; 32] {
        hex::decode(h.as_str().unwrap())
            .unwrap()
            .try_into()
            .unwrap()
    };
    let path: Vec<[u8; 32]> = proof["proof"]
        .as_array()
        .unwrap()
        .iter()
        .map(hash)
        .collect();
    let event = hex::decode(proof["event"].as_str().unwrap()).unwrap();
    let leaf = vault_core::log::merkle::leaf_hash(&event);
    let root: [u8; 32] = hex::decode(&checkpoint.root).unwrap().try_into().unwrap();
    assert!(vault_core::log::merkle::verify_inclusion(
        &leaf,
        1,
        checkpoint.size,
        &path,
        &root
    ));
    let consistency: serde_json::Value =
        serde_json::from_str(&v.ok(&["log", "prove", "--size", &size, "--old", "2"], None))
            .unwrap();
    assert_eq!(consistency["type"], "consistency");
    // A checkpoint from another vault does not verify here.
    let other = VaultDir::init();
    let out = other.vault(&["log", "verify", "--checkpoint"], Some(&kept));
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn no_progress_bar_when_stderr_is_not_a_terminal() {
    let v = VaultDir::init();
    let case = v.new_case();
    let file = v.root.path().join("scan.tiff");
    std::fs::write(&file, pattern(9 << 20, 3)).unwrap();
    let out = v.vault(
        &["doc", "add", &case[..8], "--kind", "identity"],
        Some(&file),
    );
    assert!(out.status.success());
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(String::from_utf8(out.stdout).unwrap().trim().len(), 32);
}
