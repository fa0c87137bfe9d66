//! Golden test of the `vault` command: one session through every command, error cases
//! included, compared with `golden/session.txt`. Ids, hashes, keys and times are replaced
//! by placeholders. After an intended change of output, regenerate with
//! `GOLDEN_UPDATE=1 cargo test -p vault-tests --test cli` and review the diff.

mod util;

use std::path::Path;
use std::process::Command;

use util::*;

struct Transcript {
    v: VaultDir,
    text: String,
}

/// Replaces a link's token (43 base64url characters after `/s/` or `/u/`).
fn tokens(text: &str) -> String {
    let mut out = text.to_string();
    for kind in ["/s/", "/u/"] {
        let mut from = 0;
        while let Some(i) = out[from..].find(kind).map(|i| i + from + kind.len()) {
            let end = out[i..]
                .find(|c: char| !(c.is_ascii_alphanumeric() || c == '-' || c == '_'))
                .map_or(out.len(), |e| e + i);
            if end - i == 43 {
                out.replace_range(i..end, "[TOKEN]");
            }
            from = i;
        }
    }
    out
}

/// Replaces what changes from run to run.
fn normalize(text: &str) -> String {
    let text = &tokens(text);
    let mut out = String::new();
    for word in text.split_inclusive(|c: char| !c.is_ascii_alphanumeric() && c != '-') {
        let (body, tail) = word.split_at(
            word.trim_end_matches(|c: char| !c.is_ascii_alphanumeric() && c != '-')
                .len(),
        );
        let hex = !body.is_empty()
            && body
                .bytes()
                .all(|b| b.is_ascii_hexdigit() && !b.is_ascii_uppercase());
        let replaced = if body.starts_with("AGE-SECRET-KEY-1") {
            "[KEY]"
        } else if hex && body.len() == 64 {
            "[HASH]"
        } else if hex && body.len() == 32 {
            "[ID]"
        } else if hex && body.len() >= 8 && body != "00000000" {
            // Random prefixes can be all digits; no other number here has 8 digits.
            "[PREFIX]"
        } else {
            body
        };
        out.push_str(replaced);
        out.push_str(tail);
    }
    // Times: "2026-11-28 04:46:07 UTC".
    let mut lines = Vec::new();
    for line in out.lines() {
        let mut l = line.to_string();
        while let Some(i) = l.find(" UTC") {
            if i >= 19 && l.is_char_boundary(i - 19) {
                l.replace_range(i - 19..i + 4, "[TIME]");
            } else {
                break;
            }
        }
        lines.push(l);
    }
    lines.join("\n")
}

impl Transcript {
    /// Runs `vault ARGS` as `user` with the password in `password_file`, and records it.
    fn run_as(&mut self, user: &str, password_file: &str, args: &[&str]) -> String {
        let mut cmd = Command::new(bin("vault"));
        cmd.env_clear()
            .current_dir(self.v.root.path())
            .env("VAULT_DIR", self.v.data())
            .env("VAULT_USER", user)
            .env(
                "VAULT_PASSWORD_FILE",
                self.v.root.path().join(password_file),
            )
            .args(args);
        let out = cmd.output().unwrap();
        let root = self.v.root.path().display().to_string();
        let stdout = String::from_utf8_lossy(&out.stdout).replace(&root, "[ROOT]");
        let stderr = String::from_utf8_lossy(&out.stderr).replace(&root, "[ROOT]");
        let as_user = match (user, password_file) {
            ("alice", "password") => String::new(),
            (_, "password" | "bob-password") if user != "alice" => format!("[as {user}] "),
            _ => format!("[as {user}, password file {password_file}] "),
        };
        self.text
            .push_str(&format!("$ {as_user}vault {}\n", args.join(" ")));
        if !stdout.is_empty() {
            self.text.push_str(stdout.trim_end());
            self.text.push('\n');
        }
        self.text
            .push_str(&format!("[exit {}]\n", out.status.code().unwrap_or(-1)));
        for line in stderr.lines() {
            self.text.push_str(&format!("! {line}\n"));
        }
        stdout.trim().to_string()
    }

    fn run(&mut self, args: &[&str]) -> String {
        self.run_as("alice", "password", args)
    }

    fn file(&self, name: &str, content: &[u8]) {
        std::fs::write(self.v.root.path().join(name), content).unwrap();
    }
}

#[test]
fn every_command_as_in_the_golden_transcript() {
    let mut t = Transcript {
        v: VaultDir::empty(),
        text: String::new(),
    };
    t.run(&["case", "list"]);
    t.run(INIT);
    t.run(&["init", "--admin", "alice"]);
    t.run(&["team", "add", "Belleville"]);
    t.file("bob-password", b"bob-password-1\n");
    t.file("new-password", b"new-password-2\n");
    t.file("a.txt", b"x");
    t.file("r.odt", b"draft");
    t.file("e.jpg", b"evidence");
    t.file("bad\tname.pdf", b"x");

    t.run(&["user", "add", "bob", "--new-password-file", "bob-password"]);
    t.run(&[
        "user",
        "add",
        "carol",
        "--role",
        "volunteer",
        "--new-password-file",
        "bob-password",
    ]);
    t.run(&["user", "list"]);
    t.run(&["team", "add-member", "Belleville", "bob"]);
    t.run(&["team", "list"]);
    let case = t.run(&[
        "case",
        "add",
        "--team",
        "Belleville",
        "--name",
        "Fatou D.",
        "--born",
        "1990-02-28",
        "--nationality",
        "guinéenne",
    ]);
    t.run(&["case", "list"]);
    t.run(&["case", "show", &case[..8]]);
    let ids = t.run(&[
        "doc",
        "add",
        &case[..8],
        "a.txt",
        "r.odt",
        "--kind",
        "appeal",
    ]);
    let draft = ids.lines().nth(1).unwrap().to_string();
    let evidence = t.run_as(
        "bob",
        "bob-password",
        &["doc", "add", &case, "e.jpg", "--kind", "evidence"],
    );
    t.run(&["doc", "list", &case]);
    t.run(&["doc", "replace", &draft[..10], "a.txt"]);
    t.run(&["doc", "replace", &evidence, "a.txt"]);
    t.run(&["doc", "get", &evidence[..8]]);
    t.run(&["doc", "get", &draft, "--version", "1", "-o", "draft-v1.odt"]);
    assert_eq!(
        std::fs::read(t.v.root.path().join("draft-v1.odt")).unwrap(),
        b"draft"
    );
    t.run(&["doc", "verify", &evidence]);
    t.run(&["doc", "reclassify", &evidence, "--kind", "other"]);
    let url = t.run(&[
        "share",
        "create",
        &case,
        &evidence[..8],
        &draft,
        "--expires",
        "2d",
        "--label",
        "Me Dupont",
    ]);
    assert!(
        url.starts_with("http://127.0.0.1:8080/s/") && url.len() == 24 + 43,
        "{url}"
    );
    t.run(&["share", "create", &case, &evidence, "--expires", "31d"]);
    t.run(&["share", "create", &case, &evidence, "--max-downloads", "51"]);
    t.run_as(
        "carol",
        "bob-password",
        &["share", "create", &case, &evidence],
    );
    let listed = t.run(&["share", "list", &case]);
    let id = listed.split_whitespace().next().unwrap().to_string();
    t.run(&["share", "revoke", &id[..8]]);
    t.run(&["share", "list", &case]);
    let url = t.run(&[
        "upload-link",
        "create",
        &case,
        "--max-files",
        "3",
        "--max-bytes",
        "10MiB",
    ]);
    assert!(url.starts_with("http://127.0.0.1:8080/u/"), "{url}");
    t.run(&["upload-link", "create", &case, "--max-bytes", "lots"]);
    t.run(&["upload-link", "list", &case]);
    t.run(&["doc", "add", &case, "missing.pdf", "--kind", "other"]);
    t.run(&["doc", "add", &case, ".", "--kind", "other"]);
    t.run(&["doc", "add", &case, "bad\tname.pdf", "--kind", "other"]);
    t.run(&["case", "show", "00000000"]);
    t.run(&["case", "show", "0000"]);
    t.run_as("carol", "bob-password", &["case", "show", &case]);
    t.run_as("alice", "bob-password", &["case", "list"]);
    t.run(&["case", "close", &case]);
    t.run(&["case", "list", "--team", "Belleville"]);
    t.run(&["case", "reopen", &case]);
    t.run(&["team", "remove-member", "Belleville", "bob"]);
    t.run_as("bob", "bob-password", &["doc", "get", &evidence]);
    t.run(&["log", "checkpoint", "-o", "checkpoint.txt"]);
    t.run(&["log", "verify", "--checkpoint", "checkpoint.txt"]);
    t.run(&["log", "show", "--case", &case]);
    t.run(&["log", "prove", "--size", "3", "--event", "1"]);
    t.run(&["fsck"]);
    t.run(&[
        "user",
        "recover",
        "bob",
        "--recovery-key-file",
        "recovery.key",
        "--new-password-file",
        "new-password",
    ]);
    t.run_as(
        "bob",
        "new-password",
        &["user", "passwd", "--new-password-file", "bob-password"],
    );
    t.run(&["case", "erase", &case]);
    t.run(&["case", "erase", &case, "--yes"]);
    t.run(&["doc", "get", &evidence]);

    let got = normalize(&t.text);
    let golden = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden/session.txt");
    if std::env::var_os("GOLDEN_UPDATE").is_some() {
        std::fs::write(&golden, format!("{got}\n")).unwrap();
        return;
    }
    let expected = std::fs::read_to_string(&golden).unwrap();
    let (expected, got) = (expected.trim_end(), got.trim_end());
    if expected != got {
        for (i, (e, g)) in expected.lines().zip(got.lines()).enumerate() {
            assert_eq!(e, g, "line {} of golden/session.txt differs", i + 1);
        }
        assert_eq!(
            expected.lines().count(),
            got.lines().count(),
            "the transcript's length differs"
        );
    }
}

#[test]
fn doc_add_refuses_names_that_lie_or_are_not_utf8() {
    use std::os::unix::ffi::OsStrExt;

    let v = VaultDir::init();
    let case = v.new_case();
    let not_utf8 = v
        .root
        .path()
        .join(std::ffi::OsStr::from_bytes(b"photo\xFF.jpg"));
    let lying = v.root.path().join("photo-passeport\u{202E}gpj.exe");
    let blank = v.root.path().join("   ");
    for (path, says) in [
        (&not_utf8, "UTF-8"),
        (&lying, "U+202E"),
        (&blank, "file name"),
    ] {
        std::fs::write(path, b"content").unwrap();
        let out = v.vault(&["doc", "add", &case, "--kind", "other"], Some(path));
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(!out.status.success(), "{path:?} accepted");
        assert!(stderr.contains(says), "{path:?}: {stderr}");
    }
    let list = v.ok(&["doc", "list", &case, "--json"], None);
    assert_eq!(list, "[]");
}

/// `vault --help` gives every command its own line of words, the one that is its own
/// (once, `backup` carried fsck's words and fsck had none).
#[test]
fn the_help_describes_each_command_with_its_own_words() {
    let out = Command::new(bin("vault")).arg("--help").output().unwrap();
    let help = String::from_utf8(out.stdout).unwrap();
    let commands: Vec<&str> = help
        .split("Commands:\n")
        .nth(1)
        .unwrap()
        .lines()
        .take_while(|l| !l.is_empty())
        .collect();
    assert!(commands.len() > 10, "{help}");
    for line in &commands {
        let mut words = line.split_whitespace();
        let name = words.next().unwrap();
        let said: Vec<&str> = words.collect();
        assert!(!said.is_empty(), "`{name}` has no description: {help}");
        if name == "fsck" {
            assert!(line.contains("Vérifier le coffre"), "{line}");
        }
        if name == "backup" {
            assert!(!line.contains("Vérifier le coffre"), "{line}");
        }
    }
}

#[test]
fn the_recovery_key_split_among_three_custodians_any_two_recover_an_account() {
    let v = VaultDir::init();
    let dir = v.root.path();
    std::fs::write(dir.join("bob-password"), "bob-password\n").unwrap();
    v.ok(
        &["user", "add", "bob", "--new-password-file", "bob-password"],
        None,
    );
    let split = || {
        let args = ["recovery", "split", "--recovery-key-file", "recovery.key"];
        v.vault(&[&args[..], &["--out-dir", "shares"]].concat(), None)
    };
    let said = split();
    let told = String::from_utf8_lossy(&said.stderr);
    assert!(said.status.success(), "{told}");
    assert!(
        told.contains("3 parts écrites") && told.contains("2 d'entre elles"),
        "{told}"
    );
    let share = |n: u32| format!("shares/share-{n}.txt");
    let qr = qr_reader("the QR codes of the shares");
    for n in 1..=3 {
        let text = std::fs::read_to_string(dir.join(share(n))).unwrap();
        assert!(text.starts_with("VAULTSHARE1"), "{text}");
        assert!(!text.contains("AGE-SECRET-KEY"), "a share is not the key");
        // Beside it, its QR code to print: a camera reads the same share back.
        if qr {
            let image = dir.join(format!("shares/share-{n}.svg"));
            assert_eq!(qr_codes(&image), [text.trim()]);
        }
    }
    // Never over an earlier split.
    let again = split();
    assert!(!again.status.success());

    std::fs::write(dir.join("new-password"), "a-new-password\n").unwrap();
    let recover = |shares: &[String]| {
        let mut args = vec![
            "user",
            "recover",
            "bob",
            "--new-password-file",
            "new-password",
        ];
        for s in shares {
            args.push("--recovery-share-file");
            args.push(s);
        }
        v.vault(&args, None)
    };
    // One share reveals nothing and is refused; so is a share copied wrong, by its place.
    let one = recover(&[share(2)]);
    assert!(!one.status.success());
    assert!(String::from_utf8_lossy(&one.stderr).contains("pas assez de parts : il en faut 2"));
    let mut typo = std::fs::read_to_string(dir.join(share(3))).unwrap();
    let at = typo.len() - 12;
    let swapped = if &typo[at..at + 1] == "Q" { "P" } else { "Q" };
    typo.replace_range(at..at + 1, swapped);
    std::fs::write(dir.join("typo.txt"), typo).unwrap();
    let wrong = recover(&[share(1), "typo.txt".into()]);
    assert!(String::from_utf8_lossy(&wrong.stderr).contains("la part n° 2 ne se lit pas"));
    // Any two: the account is back, and the split and the recovery are in the log.
    let two = recover(&[share(3), share(1)]);
    assert!(
        two.status.success(),
        "{}",
        String::from_utf8_lossy(&two.stderr)
    );

    // A custodian leaves. Into a directory that exists, the rotation stops before
    // anything changes: the old shares still recover.
    let rotate = |out: &str| {
        let args = ["recovery", "rotate", "--recovery-share-file", &share(1)];
        let more = ["--recovery-share-file", &share(3), "--out-dir", out];
        v.vault(&[&args[..], &more[..]].concat(), None)
    };
    let blocked = rotate("shares");
    assert!(!blocked.status.success());
    assert!(recover(&[share(1), share(2)]).status.success());
    let rotated = rotate("new-shares");
    assert!(
        rotated.status.success(),
        "{}",
        String::from_utf8_lossy(&rotated.stderr)
    );
    assert!(
        String::from_utf8_lossy(&rotated.stdout).contains("4 enveloppes ne s'ouvrent plus"),
        "users alice and bob, team Belleville, the log key: {}",
        String::from_utf8_lossy(&rotated.stdout)
    );
    // The old shares, any two, recover nothing; two new ones do.
    let old = recover(&[share(1), share(2)]);
    assert!(!old.status.success());
    assert!(
        String::from_utf8_lossy(&old.stderr)
            .contains("cette clé de récupération n'appartient pas à ce coffre"),
        "{}",
        String::from_utf8_lossy(&old.stderr)
    );
    let new = |n: u32| format!("new-shares/share-{n}.txt");
    assert!(recover(&[new(2), new(3)]).status.success());
    let log = v.ok(&["log", "show", "--json"], None);
    assert!(
        log.contains("recovery.split")
            && log.contains("user.recover")
            && log.contains("recovery.rotate"),
        "{log}"
    );
}

#[test]
fn shares_for_custodians_own_keys_open_only_with_theirs_and_two_recover() {
    if !age_tool("shares_for_custodians_own_keys") {
        return;
    }
    let v = VaultDir::init();
    let dir = v.root.path();
    let keys: Vec<(std::path::PathBuf, String)> = (1..=3)
        .map(|n| age_keygen(dir, &format!("custodian-{n}")))
        .collect();
    let mut args = vec!["recovery", "split", "--recovery-key-file", "recovery.key"];
    for (_, recipient) in &keys {
        args.extend(["--custodian", recipient.as_str()]);
    }
    args.extend(["--out-dir", "sealed"]);
    v.ok(&args, None);
    let sealed = |n: usize| dir.join(format!("sealed/share-{n}.age"));
    let raw = std::fs::read(sealed(1)).unwrap();
    assert!(raw.starts_with(b"age-encryption.org/v1"), "an age file");
    assert!(!String::from_utf8_lossy(&raw).contains("VAULTSHARE"));
    // Custodian 2's key does not open custodian 1's share; each opens their own.
    assert!(!age_decrypt(&keys[1].0, &sealed(1), &dir.join("wrong.txt")));
    for n in [1, 3] {
        assert!(age_decrypt(
            &keys[n - 1].0,
            &sealed(n),
            &dir.join(format!("open-{n}.txt"))
        ));
    }
    std::fs::write(dir.join("bob-password"), "bob-password\n").unwrap();
    v.ok(
        &["user", "add", "bob", "--new-password-file", "bob-password"],
        None,
    );
    std::fs::write(dir.join("new-password"), "a-new-password\n").unwrap();
    v.ok(
        &[
            "user",
            "recover",
            "bob",
            "--new-password-file",
            "new-password",
            "--recovery-share-file",
            "open-1.txt",
            "--recovery-share-file",
            "open-3.txt",
        ],
        None,
    );
}

#[test]
fn retention_lists_what_is_due_keeps_a_case_with_a_reason_and_sweeps_nothing_early() {
    let v = VaultDir::init();
    let dir = v.root.path();
    let case = v.ok(
        &[
            "case",
            "add",
            "--team",
            "Belleville",
            "--name",
            "Amina Testname",
        ],
        None,
    );
    // Two years ahead, on the Paris calendar, as the list prints it.
    let due = v.ok(&["retention", "due", "--days", "800", "--json"], None);
    let due: serde_json::Value = serde_json::from_str(&due).unwrap();
    assert_eq!(due.as_array().unwrap().len(), 1, "{due}");
    let term = due[0]["term"].as_u64().unwrap();
    let created = due[0]["last_contact"].as_u64().unwrap();
    assert!(term >= created + 730 * 86_400, "{due}");
    let soon = v.vault(&["retention", "due"], None);
    assert!(
        String::from_utf8_lossy(&soon.stderr).contains("Aucun dossier de vos équipes"),
        "{}",
        String::from_utf8_lossy(&soon.stderr)
    );
    // Nothing is due: a sweep, dry or not, erases nothing.
    let dry = v.vault(&["retention", "sweep", "--dry-run"], None);
    assert!(String::from_utf8_lossy(&dry.stderr).contains("0 dossiers seraient effacés"));
    v.ok(&["retention", "sweep"], None);
    v.ok(&["case", "show", &case], None);

    // A hold needs a date that reads, and is the managers'.
    let typo = v.vault(
        &[
            "retention",
            "hold",
            &case,
            "--until",
            "30/06/2099",
            "--reason",
            "evidence",
        ],
        None,
    );
    assert!(!typo.status.success());
    assert!(String::from_utf8_lossy(&typo.stderr).contains("AAAA-MM-JJ"));
    std::fs::write(dir.join("vera-password"), "vera-password-1\n").unwrap();
    v.ok(
        &[
            "user",
            "add",
            "vera",
            "--new-password-file",
            "vera-password",
        ],
        None,
    );
    v.ok(&["team", "add-member", "Belleville", "vera"], None);
    let as_vera = |args: &[&str]| {
        v.command(args, None)
            .env("VAULT_USER", "vera")
            .env("VAULT_PASSWORD_FILE", dir.join("vera-password"))
            .output()
            .unwrap()
    };
    let refused = as_vera(&[
        "retention",
        "hold",
        &case,
        "--until",
        "2099-06-30",
        "--reason",
        "evidence",
    ]);
    assert!(!refused.status.success());
    assert!(String::from_utf8_lossy(&refused.stderr)
        .contains("seuls les administrateurs et les coordinateurs voient"));
    // A volunteer records a contact; the admin keeps the case until 2099.
    assert!(as_vera(&["case", "contact", &case]).status.success());
    v.ok(
        &[
            "retention",
            "hold",
            &case,
            "--until",
            "2099-06-30",
            "--reason",
            "evidence",
            "--note",
            "Plainte déposée",
        ],
        None,
    );
    let due = v.ok(&["retention", "due", "--days", "36500"], None);
    assert!(
        due.contains("2099-06-30") || due.contains("2099-07-01"),
        "{due}"
    );
    assert!(
        due.contains("preuve dans un délai de prescription"),
        "{due}"
    );
    v.ok(&["team", "retention", "Belleville", "--days", "365"], None);
    assert!(v
        .ok(&["team", "list"], None)
        .contains("365 jours après le dernier contact"));
    let log = v.ok(&["log", "show", "--json"], None);
    for action in [
        "case.contact",
        "case.hold",
        "retention.due",
        "team.retention",
    ] {
        assert!(log.contains(action), "{action}: {log}");
    }
    assert!(log.contains("reason:evidence"));
    assert!(
        !log.contains("Plainte"),
        "the note is sealed with the case, not in the log"
    );
}

#[test]
fn a_new_vault_starts_with_three_recovery_shares_any_two_of_which_recover() {
    let v = VaultDir::empty();
    let dir = v.root.path();
    // INIT without its --recovery-key-out: the key is never shown whole.
    let args: Vec<&str> = INIT[..INIT.len() - 2].to_vec();
    let out = v.vault(&args, None);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let told = String::from_utf8_lossy(&out.stderr);
    assert!(told.contains("EN TROIS PARTS"), "{told}");
    let stdout = String::from_utf8(out.stdout).unwrap();
    let shares: Vec<&str> = stdout.lines().collect();
    assert_eq!(shares.len(), 3, "{stdout}");
    assert!(!stdout.contains("AGE-SECRET-KEY"), "{stdout}");
    std::fs::write(dir.join("a.txt"), shares[0]).unwrap();
    std::fs::write(dir.join("c.txt"), shares[2]).unwrap();
    std::fs::write(dir.join("bob-password"), "bob-password\n").unwrap();
    std::fs::write(dir.join("new-password"), "a-new-password\n").unwrap();
    v.ok(
        &["user", "add", "bob", "--new-password-file", "bob-password"],
        None,
    );
    let recover = |files: &[&str]| {
        let mut args = vec![
            "user",
            "recover",
            "bob",
            "--new-password-file",
            "new-password",
        ];
        for f in files {
            args.extend(["--recovery-share-file", f]);
        }
        v.vault(&args, None)
    };
    assert!(
        !recover(&["a.txt"]).status.success(),
        "one share is not enough"
    );
    let two = recover(&["c.txt", "a.txt"]);
    assert!(
        two.status.success(),
        "{}",
        String::from_utf8_lossy(&two.stderr)
    );

    // Or into a directory, each share with its QR code.
    let w = VaultDir::empty();
    let mut args: Vec<&str> = INIT[..INIT.len() - 2].to_vec();
    args.extend(["--recovery-shares-out", "shares"]);
    let out = w.vault(&args, None);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(out.stdout.is_empty(), "nothing secret on the terminal");
    for n in 1..=3 {
        let share = w.root.path().join(format!("shares/share-{n}.txt"));
        assert!(std::fs::read_to_string(share)
            .unwrap()
            .starts_with("VAULTSHARE1"));
        assert!(w
            .root
            .path()
            .join(format!("shares/share-{n}.svg"))
            .is_file());
    }
}
