//! Helpers for end-to-end tests: a vault directory driven through the real binaries.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

pub mod browser;
pub mod garage;
pub mod server;

/// Where cargo put the workspace's binaries (`cargo build --workspace --bins` first).
pub fn bin(name: &str) -> PathBuf {
    let exe = std::env::current_exe().expect("test executable path");
    let dir = exe.parent().and_then(Path::parent).expect("target dir");
    let path = dir.join(name);
    assert!(
        path.is_file(),
        "{} is missing: run `cargo build --workspace --bins` before the tests (the README's test command does)",
        path.display()
    );
    path
}

/// A data directory in a temporary folder, with password files; removed on drop.
pub struct VaultDir {
    pub root: tempfile::TempDir,
}

pub const ADMIN_PASSWORD: &str = "admin-pass-e2e";

/// `vault init` as the tests run it: admin "alice", cheap argon2 parameters, the recovery
/// key written to `recovery.key` (commands run in the temporary folder).
pub const INIT: &[&str] = &[
    "init",
    "--admin",
    "alice",
    "--kdf-memory-kib",
    "64",
    "--kdf-iterations",
    "1",
    "--kdf-parallelism",
    "1",
    "--recovery-key-out",
    "recovery.key",
];

impl VaultDir {
    /// A temporary folder with alice's password file, and no vault yet.
    pub fn empty() -> VaultDir {
        let root = tempfile::tempdir().unwrap();
        let v = VaultDir { root };
        std::fs::write(v.password_file(), format!("{ADMIN_PASSWORD}\n")).unwrap();
        v
    }

    /// `vault init` with cheap argon2 parameters, admin "alice", a team "Belleville".
    pub fn init() -> VaultDir {
        let v = VaultDir::empty();
        let out = v.vault(INIT, None);
        assert!(
            out.status.success(),
            "init: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let out = v.vault(&["team", "add", "Belleville"], None);
        assert!(
            out.status.success(),
            "team add: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        v
    }

    pub fn data(&self) -> PathBuf {
        self.root.path().join("data")
    }

    pub fn password_file(&self) -> PathBuf {
        self.root.path().join("password")
    }

    /// A `vault` command acting as alice; `extra` is appended as a path argument.
    pub fn command(&self, args: &[&str], extra: Option<&Path>) -> Command {
        let mut cmd = Command::new(bin("vault"));
        cmd.env_clear()
            .current_dir(self.root.path())
            .env("VAULT_DIR", self.data())
            .env("VAULT_USER", "alice")
            .env("VAULT_PASSWORD_FILE", self.password_file())
            .args(args);
        if let Some(p) = extra {
            cmd.arg(p);
        }
        cmd
    }

    pub fn vault(&self, args: &[&str], extra: Option<&Path>) -> Output {
        self.command(args, extra).output().unwrap()
    }

    /// Runs a command that must succeed; returns its stdout, trimmed.
    pub fn ok(&self, args: &[&str], extra: Option<&Path>) -> String {
        let out = self.vault(args, extra);
        assert!(
            out.status.success(),
            "vault {args:?} failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap().trim().to_string()
    }

    pub fn new_case(&self) -> String {
        self.ok(
            &["case", "add", "--team", "Belleville", "--name", "Fatou D."],
            None,
        )
    }

    /// Every file under the data directory's `dir`.
    pub fn files_in(&self, dir: &str) -> Vec<PathBuf> {
        let mut out = Vec::new();
        let mut stack = vec![self.data().join(dir)];
        while let Some(d) = stack.pop() {
            for e in std::fs::read_dir(&d).unwrap() {
                let p = e.unwrap().path();
                if p.is_dir() {
                    stack.push(p)
                } else {
                    out.push(p)
                }
            }
        }
        out
    }
}

/// Whether the Go `age` tool (and `age-keygen`) can run here. In CI it must: `.ci/run`
/// installs it; elsewhere a test without it skips its part with a printed reason.
pub fn age_tool(what: &str) -> bool {
    tool_here("age", "--version", "age", what)
}

/// Whether `program` runs here (`program version_arg` succeeds). Missing, a test skips
/// with a printed reason; under `CI=true` it fails (`.ci/run` installs the Debian
/// `package`).
pub fn tool_here(program: &str, version_arg: &str, package: &str, what: &str) -> bool {
    if Command::new(program)
        .arg(version_arg)
        .output()
        .is_ok_and(|o| o.status.success())
    {
        return true;
    }
    if std::env::var("CI").as_deref() == Ok("true") {
        panic!("{program} is missing (apt-get install {package})");
    }
    eprintln!("SKIPPED {what}: {program} is missing");
    false
}

/// The texts of the QR codes in an image file (SVG or PNG), as zbar reads them (an
/// independent reader, as a phone's camera would be).
pub fn qr_codes(image: &Path) -> Vec<String> {
    let out = Command::new("zbarimg")
        .args(["--quiet", "--raw"])
        .arg(image)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "zbarimg found no code in {image:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(str::to_owned)
        .collect()
}

/// Whether zbar's `zbarimg` reads QR codes here.
pub fn qr_reader(what: &str) -> bool {
    tool_here("zbarimg", "--version", "zbar-tools", what)
}

/// A new age identity made by the Go `age-keygen` in `dir`: its file and its recipient.
pub fn age_keygen(dir: &Path, name: &str) -> (PathBuf, String) {
    let file = dir.join(name);
    let made = Command::new("age-keygen")
        .arg("-o")
        .arg(&file)
        .output()
        .unwrap();
    assert!(made.status.success(), "age-keygen failed");
    let public = Command::new("age-keygen")
        .arg("-y")
        .arg(&file)
        .output()
        .unwrap();
    assert!(public.status.success(), "age-keygen -y failed");
    (
        file,
        String::from_utf8(public.stdout).unwrap().trim().to_owned(),
    )
}

/// Decrypts `sealed` into `out` with the Go `age` tool and the identity in `key`;
/// whether it opened.
pub fn age_decrypt(key: &Path, sealed: &Path, out: &Path) -> bool {
    Command::new("age")
        .args(["-d", "-i"])
        .arg(key)
        .arg("-o")
        .arg(out)
        .arg(sealed)
        .output()
        .unwrap()
        .status
        .success()
}

/// Deterministic test bytes.
pub fn pattern(len: usize, seed: u8) -> Vec<u8> {
    (0..len)
        .map(|i| ((i * 31 + seed as usize * 7) % 251) as u8 ^ (i >> 12) as u8)
        .collect()
}
