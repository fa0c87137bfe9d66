//! kill -9 at seeded random points of the real programs: during uploads, new versions,
//! a member's removal (key rotation), erasure (`vault`), and link downloads
//! (`vault-server`), 20 rounds each. After each kill the vault is reopened and must hold:
//! `fsck` clean (no orphan, no leftover, no damage), the log verifies against the
//! checkpoint taken before the round, nothing listed that was not acknowledged (but for
//! the one operation in flight, which may have completed before the kill: then it is
//! whole), every acknowledged document bit for bit.
//!
//! Replay one round: `KILL_SEED=<n> cargo test -p vault-tests --test kills`.

mod util;

use std::collections::BTreeMap;
use std::process::{Child, Stdio};
use std::time::{Duration, Instant};

use serde_json::{json, Value};
use util::server::{Api, Server};
use util::*;

const ROUNDS: u64 = 20;

struct Rng(u64);

impl Rng {
    fn new(seed: u64) -> Rng {
        Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }
    fn below(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % n.max(1)
    }
}

/// Kills `child` after `delay`, unless it ended first; returns its stdout and whether it
/// succeeded (acknowledged) before the kill.
fn kill_after(mut child: Child, delay: Duration) -> (bool, String) {
    let deadline = Instant::now() + delay;
    loop {
        if let Some(status) = child.try_wait().unwrap() {
            let mut out = String::new();
            use std::io::Read;
            if let Some(mut stdout) = child.stdout.take() {
                stdout.read_to_string(&mut out).unwrap();
            }
            return (status.success(), out.trim().to_string());
        }
        if Instant::now() >= deadline {
            child.kill().unwrap();
            child.wait().unwrap();
            return (false, String::new());
        }
        std::thread::sleep(Duration::from_micros(500));
    }
}

fn spawn(v: &VaultDir, args: &[&str]) -> Child {
    v.command(args, None)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap()
}

/// How long an operation takes unkilled: kills are drawn within it.
fn timed(v: &VaultDir, args: &[&str]) -> Duration {
    let start = Instant::now();
    v.ok(args, None);
    start.elapsed()
}

fn docs(v: &VaultDir, case: &str) -> Vec<String> {
    let list: Value = serde_json::from_str(&v.ok(&["doc", "list", case, "--json"], None)).unwrap();
    let mut ids: Vec<String> = list
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["id"].as_str().unwrap().to_string())
        .collect();
    ids.sort();
    ids
}

fn content(v: &VaultDir, doc: &str) -> Vec<u8> {
    let out = v.root.path().join("out.bin");
    let _ = std::fs::remove_file(&out);
    v.ok(&["doc", "get", doc, "-o"], Some(&out));
    std::fs::read(out).unwrap()
}

/// The checks after every kill.
fn healthy(v: &VaultDir, why: &str) {
    let fsck = v.vault(&["fsck", "--json"], None);
    let report: Value = serde_json::from_slice(&fsck.stdout)
        .unwrap_or_else(|_| panic!("{why}: {}", String::from_utf8_lossy(&fsck.stderr)));
    for field in [
        "missing_blobs",
        "corrupt_blobs",
        "missing_entries",
        "orphan_blobs",
        "leftovers",
    ] {
        assert_eq!(report[field], json!([]), "{why}: {report}");
    }
    let verify = v.vault(&["log", "verify", "--checkpoint", "cp.txt"], None);
    assert!(
        verify.status.success(),
        "{why}: {}",
        String::from_utf8_lossy(&verify.stderr)
    );
}

fn checkpoint(v: &VaultDir) {
    v.ok(&["log", "checkpoint", "-o", "cp.txt"], None);
}

fn seeds(salt: u64) -> Vec<u64> {
    match std::env::var("KILL_SEED").ok().and_then(|s| s.parse().ok()) {
        Some(seed) => vec![seed],
        None => (0..ROUNDS).map(|i| salt * 1000 + i).collect(),
    }
}

#[test]
fn kills_during_uploads_and_new_versions() {
    let v = VaultDir::init();
    let case = v.new_case();
    let file = v.root.path().join("doc.bin");
    std::fs::write(&file, pattern(4 << 20, 1)).unwrap();
    let first = v.ok(&["doc", "add", &case, "--kind", "other"], Some(&file));
    let mut acked: BTreeMap<String, Vec<u8>> = BTreeMap::new();
    acked.insert(first.clone(), pattern(4 << 20, 1));
    let add_time = timed(
        &v,
        &[
            "doc",
            "add",
            &case,
            "--kind",
            "other",
            file.to_str().unwrap(),
        ],
    );
    let added = docs(&v, &case);
    for id in added {
        acked.entry(id).or_insert_with(|| pattern(4 << 20, 1));
    }
    let mut killed = 0;
    for seed in seeds(1) {
        let mut rng = Rng::new(seed);
        let bytes = pattern(2 << 20 | rng.below(2 << 20) as usize, seed as u8);
        std::fs::write(&file, &bytes).unwrap();
        checkpoint(&v);
        let delay = Duration::from_micros(rng.below(add_time.as_micros() as u64));
        let replace = seed % 2 == 1;
        let why = format!(
            "seed {seed}: {} killed after {delay:?}",
            if replace { "replace" } else { "add" }
        );
        let child = if replace {
            spawn(&v, &["doc", "replace", &first, file.to_str().unwrap()])
        } else {
            spawn(
                &v,
                &[
                    "doc",
                    "add",
                    &case,
                    "--kind",
                    "other",
                    file.to_str().unwrap(),
                ],
            )
        };
        let (done, out) = kill_after(child, delay);
        killed += usize::from(!done);
        healthy(&v, &why);
        let now = docs(&v, &case);
        if replace {
            assert_eq!(now, acked.keys().cloned().collect::<Vec<_>>(), "{why}");
            let got = content(&v, &first);
            if done {
                assert_eq!(got, bytes, "{why}: acknowledged, so the new version");
            } else {
                assert!(
                    got == bytes || got == acked[&first],
                    "{why}: neither version"
                );
            }
            acked.insert(first.clone(), got);
        } else {
            let new: Vec<&String> = now.iter().filter(|id| !acked.contains_key(*id)).collect();
            if done {
                assert_eq!(new, vec![&out], "{why}");
            } else {
                // Killed after the commit, before it could say so: whole, or absent.
                assert!(new.len() <= 1, "{why}: {new:?}");
            }
            for id in new {
                assert_eq!(content(&v, id), bytes, "{why}");
                acked.insert(id.clone(), bytes.clone());
            }
            assert!(
                acked.keys().all(|id| now.contains(id)),
                "{why}: lost a document"
            );
        }
    }
    for (id, bytes) in &acked {
        assert_eq!(&content(&v, id), bytes);
    }
    eprintln!("uploads and versions: {ROUNDS} rounds, {killed} killed in flight");
}

#[test]
fn kills_during_member_removal_and_erasure() {
    let v = VaultDir::init();
    std::fs::write(v.root.path().join("bob-password"), "bob-pass-kills\n").unwrap();
    v.ok(
        &["user", "add", "bob", "--new-password-file", "bob-password"],
        None,
    );
    let case = v.new_case();
    let file = v.root.path().join("doc.bin");
    std::fs::write(&file, pattern(300_000, 7)).unwrap();
    let doc = v.ok(&["doc", "add", &case, "--kind", "other"], Some(&file));
    v.ok(&["team", "add-member", "Belleville", "bob"], None);
    let rotate_time = {
        let t = timed(&v, &["team", "remove-member", "Belleville", "bob"]);
        v.ok(&["team", "add-member", "Belleville", "bob"], None);
        t
    };
    let erase_time = {
        let c = v.new_case();
        v.ok(&["doc", "add", &c, "--kind", "other"], Some(&file));
        timed(&v, &["case", "erase", &c, "--yes"])
    };
    let mut killed = 0;
    for seed in seeds(2) {
        let mut rng = Rng::new(seed);
        let erase = seed % 2 == 1;
        let target = if erase {
            let c = v.new_case();
            v.ok(&["doc", "add", &c, "--kind", "other"], Some(&file));
            Some(c)
        } else {
            None
        };
        checkpoint(&v);
        let limit = if erase { erase_time } else { rotate_time };
        let delay = Duration::from_micros(rng.below(limit.as_micros() as u64));
        let why = format!(
            "seed {seed}: {} killed after {delay:?}",
            if erase { "erase" } else { "remove-member" }
        );
        let child = match &target {
            Some(c) => spawn(&v, &["case", "erase", c, "--yes"]),
            None => spawn(&v, &["team", "remove-member", "Belleville", "bob"]),
        };
        let (done, _) = kill_after(child, delay);
        killed += usize::from(!done);
        healthy(&v, &why);
        // The case's document still opens with the rotated (or not) keys.
        assert_eq!(content(&v, &doc), pattern(300_000, 7), "{why}");
        match &target {
            Some(c) => {
                let shown = v.vault(&["case", "show", c], None).status.success();
                if done {
                    assert!(!shown, "{why}: erased, yet shown");
                }
                if shown {
                    let ids = docs(&v, c);
                    assert_eq!(ids.len(), 1, "{why}");
                    assert_eq!(content(&v, &ids[0]), pattern(300_000, 7), "{why}");
                }
            }
            None => {
                // Back in the team for the next round, whatever the kill left.
                let _ = v.vault(&["team", "add-member", "Belleville", "bob"], None);
            }
        }
    }
    eprintln!("member removals and erasures: {ROUNDS} rounds, {killed} killed in flight");
}

#[test]
fn kills_of_the_server_during_link_downloads() {
    let v = VaultDir::init();
    let case = v.new_case();
    let file = v.root.path().join("doc.bin");
    let bytes = pattern(6 << 20, 3);
    std::fs::write(&file, &bytes).unwrap();
    let doc = v.ok(&["doc", "add", &case, "--kind", "other"], Some(&file));
    let url = v.ok(
        &[
            "share",
            "create",
            &case,
            &doc,
            "--max-downloads",
            "50",
            "--label",
            "Me Dupont",
        ],
        None,
    );
    let path = url
        .split_once("/s/")
        .map(|(_, t)| format!("/s/{t}/{doc}"))
        .unwrap();
    let mut killed = 0;
    let mut downloads = 0u32;
    for seed in seeds(3) {
        let mut rng = Rng::new(seed);
        checkpoint(&v);
        let mut server = Server::start(&v.data(), &[]);
        let delay = Duration::from_micros(rng.below(60_000));
        let why = format!("seed {seed}: server killed after {delay:?} of a download");
        let out = v.root.path().join("downloaded.bin");
        let _ = std::fs::remove_file(&out);
        // curl is the lawyer's browser: it reports a cut body as a failure.
        let curl = std::process::Command::new("curl")
            .args(["-s", "-f", "-X", "POST", "-d", "", "-o"])
            .arg(&out)
            .arg(format!("{}{path}", server.base))
            .spawn()
            .expect("curl (apt-get install curl)");
        std::thread::sleep(delay);
        server.kill();
        let (done, _) = kill_after(curl, Duration::from_secs(30));
        if done {
            assert_eq!(
                std::fs::read(&out).unwrap(),
                bytes,
                "{why}: a whole answer that differs"
            );
        } else {
            killed += 1;
        }
        healthy(&v, &why);
        assert_eq!(content(&v, &doc), bytes, "{why}");
        // Every counted download has its event; the link still works for the next.
        let used: Value =
            serde_json::from_str(&v.ok(&["share", "list", &case, "--json"], None)).unwrap();
        let now = used[0]["downloads"].as_u64().unwrap() as u32;
        assert!(now >= downloads && now <= downloads + 1, "{why}: {used}");
        downloads = now;
    }
    eprintln!("link downloads: {ROUNDS} rounds, {killed} cut by the kill");
}

/// Group commit under kill -9: eight clients read eight documents through the API, each
/// as fast as it can, and the server is killed at a seeded moment. The server answers a
/// read only once its event is durable, and events are written in groups: so after the
/// kill, each document has at least as many `document.read` events as answers its client
/// got (and at most one more: a read whose event was written when the kill came).
#[test]
fn kills_of_the_server_during_concurrent_reads() {
    let v = VaultDir::init();
    let case = v.new_case();
    let file = v.root.path().join("piece.bin");
    let docs: Vec<String> = (0..8u8)
        .map(|i| {
            std::fs::write(&file, pattern(150_000 + usize::from(i) * 1000, i)).unwrap();
            v.ok(&["doc", "add", &case, "--kind", "other"], Some(&file))
        })
        .collect();
    let mut answered = 0;
    for seed in seeds(4).into_iter().take(10) {
        let mut rng = Rng::new(seed);
        checkpoint(&v);
        let mark = vault_core::Vault::open(&v.data()).unwrap().log_size();
        let mut server = Server::start(&v.data(), &[]);
        let api = Api::signed_in(&server.base, "alice", ADMIN_PASSWORD);
        let delay = Duration::from_millis(100 + rng.below(500));
        let why = format!("seed {seed}: server killed after {delay:?} of concurrent reads");
        let readers: Vec<_> = docs
            .iter()
            .map(|doc| {
                let (api, path) = (api.clone(), format!("/api/v1/documents/{doc}/content"));
                std::thread::spawn(move || {
                    let mut ok = 0usize;
                    while let Some(status) = api.try_get(&path) {
                        assert_eq!(status, 200);
                        ok += 1;
                    }
                    ok
                })
            })
            .collect();
        std::thread::sleep(delay);
        server.kill();
        let told: Vec<usize> = readers.into_iter().map(|r| r.join().unwrap()).collect();
        answered += told.iter().sum::<usize>();
        healthy(&v, &why);
        let vault = vault_core::Vault::open(&v.data()).unwrap();
        let events: Vec<vault_core::Event> = (mark..vault.log_size())
            .map(|i| vault.log_event(i).unwrap())
            .collect();
        for (doc, told) in docs.iter().zip(&told) {
            let target = format!("document:{doc}");
            let logged = events
                .iter()
                .filter(|e| {
                    e.action == "document.read"
                        && e.outcome == vault_core::Outcome::Ok
                        && e.targets.contains(&target)
                })
                .count();
            assert!(
                logged >= *told && logged <= told + 1,
                "{why}: {doc}: {told} reads answered, {logged} in the log"
            );
        }
    }
    assert!(answered > 0, "no read was answered before the kills");
    eprintln!("concurrent reads: {answered} answered before the kills, each in the log");
}
