//! The access log's faults through the real `vault` binary: an emptied index loses no
//! event, `vault log verify` writes nothing (every file of the data directory hashed
//! before and after), an auditor's pinned key and origin, JSON errors, a closed pipe.

mod util;

use std::collections::BTreeMap;
use std::io::Read;
use std::path::PathBuf;
use std::process::Stdio;

use util::*;

/// BLAKE3 of every file of the data directory, by path.
fn hashes(v: &VaultDir) -> BTreeMap<PathBuf, String> {
    v.files_in("")
        .into_iter()
        .map(|p| {
            let hash = blake3::hash(&std::fs::read(&p).unwrap())
                .to_hex()
                .to_string();
            (p, hash)
        })
        .collect()
}

fn size_of(v: &VaultDir) -> u64 {
    let out = v.ok(&["log", "verify", "--json"], None);
    let json: serde_json::Value = serde_json::from_str(&out).unwrap();
    json["size"].as_u64().unwrap()
}

fn toml_value(v: &VaultDir, key: &str) -> String {
    std::fs::read_to_string(v.data().join("vault.toml"))
        .unwrap()
        .lines()
        .find_map(|l| l.strip_prefix(&format!("{key} = ")).map(str::to_string))
        .unwrap()
        .trim_matches('"')
        .to_string()
}

#[test]
fn an_emptied_index_loses_no_event_and_verify_writes_nothing() {
    let v = VaultDir::init();
    let case = v.new_case();
    for _ in 0..5 {
        v.ok(&["case", "show", &case], None);
    }
    v.ok(&["log", "checkpoint", "-o", "cp.txt"], None);
    let size = size_of(&v);
    let log = v.data().join("log");
    std::fs::write(log.join("offsets.bin"), b"").unwrap();
    let events = std::fs::read(log.join("events.bin")).unwrap();
    // And a torn append at the end.
    std::fs::write(
        log.join("events.bin"),
        [&events[..], &[0, 0, 1, 0, 9, 9]].concat(),
    )
    .unwrap();
    let before = hashes(&v);
    let out = v.vault(&["log", "verify", "--checkpoint", "cp.txt"], None);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert!(stderr.contains("torn"), "{stderr}");
    assert_eq!(hashes(&v), before, "log verify wrote something");
    // A command that opens the vault for writing rebuilds the index and sets the torn
    // record aside, saying where.
    let out = v.vault(&["case", "list"], None);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert!(stderr.contains("quarantine-"), "{stderr}");
    assert!(
        size_of(&v) > size,
        "no event lost, and the list's own recorded"
    );
    assert!(v
        .files_in("log")
        .iter()
        .any(|p| p.to_string_lossy().contains("quarantine-")));
}

/// `vault log verify --checkpoint CP --pubkey KEY --origin ORIGIN`.
fn pinned_verify(v: &VaultDir, cp: &str, key: &str, origin: &str) -> std::process::Output {
    let args = [
        "log",
        "verify",
        "--checkpoint",
        cp,
        "--pubkey",
        key,
        "--origin",
        origin,
    ];
    v.vault(&args, None)
}

#[test]
fn an_auditor_pins_the_key_and_the_origin() {
    let v = VaultDir::init();
    v.ok(&["log", "checkpoint", "-o", "cp.txt"], None);
    let key = toml_value(&v, "log_public_key");
    let origin = toml_value(&v, "log_origin");
    assert!(pinned_verify(&v, "cp.txt", &key, &origin).status.success());
    let other_key = "3b6a27bcceb6a42d62a3a8d02a6f0d73653215771de243a63ac048a18b59da29";
    let out = v.vault(
        &[
            "log",
            "verify",
            "--checkpoint",
            "cp.txt",
            "--pubkey",
            other_key,
        ],
        None,
    );
    assert!(!out.status.success());
    let out = v.vault(
        &[
            "log",
            "verify",
            "--checkpoint",
            "cp.txt",
            "--origin",
            "vault-log/other",
        ],
        None,
    );
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("origin"));
    // A host that rewrites vault.toml's key cannot pass the auditor's pinned check off.
    let toml = std::fs::read_to_string(v.data().join("vault.toml")).unwrap();
    std::fs::write(v.data().join("vault.toml"), toml.replace(&key, other_key)).unwrap();
    assert!(!v
        .vault(&["log", "verify", "--checkpoint", "cp.txt"], None)
        .status
        .success());
    assert!(pinned_verify(&v, "cp.txt", &key, &origin).status.success());
    // A checkpoint with CRLF line ends is not the documented grammar.
    let text = std::fs::read_to_string(v.root.path().join("cp.txt")).unwrap();
    std::fs::write(v.root.path().join("crlf.txt"), text.replace('\n', "\r\n")).unwrap();
    assert!(!v
        .vault(
            &[
                "log",
                "verify",
                "--checkpoint",
                "crlf.txt",
                "--pubkey",
                &key
            ],
            None
        )
        .status
        .success());
}

#[test]
fn json_commands_fail_with_a_json_object() {
    let v = VaultDir::empty();
    let out = v.vault(&["log", "verify", "--json"], None);
    assert!(!out.status.success());
    let json: serde_json::Value =
        serde_json::from_slice(&out.stdout).expect("a JSON error on stdout");
    assert_eq!(json["error"]["code"], "not_a_vault", "{json}");
    let out = v.vault(&["case", "list", "--json"], None);
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["error"]["code"], "not_a_vault");
}

#[test]
fn a_closed_pipe_ends_the_command_without_a_panic() {
    let v = VaultDir::init();
    let case = v.new_case();
    // More output than a pipe holds (64 KiB), so the writer meets the closed end.
    for _ in 0..100 {
        v.ok(&["case", "show", &case], None);
    }
    let mut child = v
        .command(&["log", "show", "--json"], None)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // Read one byte, then close the pipe, as `| head -c1` does.
    let mut stdout = child.stdout.take().unwrap();
    let mut one = [0u8; 1];
    stdout.read_exact(&mut one).unwrap();
    drop(stdout);
    let mut stderr = String::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut stderr)
        .unwrap();
    child.wait().unwrap();
    assert!(!stderr.contains("panicked"), "{stderr}");
}

#[test]
fn the_cli_keeps_the_free_space_floor_it_is_given() {
    let v = VaultDir::init();
    let huge = "18000000000000000000";
    let out = v.vault(
        &[
            "--min-free",
            huge,
            "case",
            "add",
            "--team",
            "Belleville",
            "--name",
            "X",
        ],
        None,
    );
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("no space left"), "{stderr}");
    // Reads go on under the floor.
    v.ok(&["--min-free", huge, "case", "list"], None);
}
