//! Helpers shared by the integration tests of vault-core.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

use secrecy::SecretString;
use vault_core::{
    CaseId, CaseProfile, DocumentKind, KdfParams, NewDocument, Role, SecretKey, Session, Settings,
    Vault,
};

pub const TEAM: &str = "Permanence Belleville";
pub const BENEFICIARY: &str = "Zainab Haidari-Testname";

pub fn password(text: &str) -> SecretString {
    SecretString::from(text.to_string())
}

pub fn settings() -> Settings {
    Settings {
        kdf: KdfParams::insecure_for_tests(),
        ..Settings::default()
    }
}

/// A vault in a temporary directory with an admin "alice" (member of TEAM), a volunteer
/// "bob" (member of TEAM) and a volunteer "carol" (in no team).
pub struct Fixture {
    pub dir: tempfile::TempDir,
    pub vault: Vault,
    pub recovery: SecretString,
    pub alice: Session,
    pub bob: Session,
    pub carol: Session,
    pub case: CaseId,
}

impl Fixture {
    #[allow(clippy::new_without_default)]
    pub fn new() -> Fixture {
        Fixture::new_in(tempfile::tempdir().unwrap())
    }

    /// The same vault, made in `dir` (say, a small filesystem mounted there).
    pub fn new_in(dir: tempfile::TempDir) -> Fixture {
        let created = Vault::create(
            &dir.path().join("data"),
            &settings(),
            "alice",
            &password("alice-pass"),
        )
        .unwrap();
        let vault = created.vault;
        // Small test filesystems: the floor is for the tests that set it.
        vault.set_min_free_bytes(0);
        let alice = vault.login("alice", &password("alice-pass")).unwrap();
        vault
            .create_user(&alice, "bob", Role::Volunteer, &password("bob-pass-1"))
            .unwrap();
        vault
            .create_user(&alice, "carol", Role::Volunteer, &password("carol-pass"))
            .unwrap();
        vault.create_team(&alice, TEAM).unwrap();
        vault.add_member(&alice, TEAM, "bob").unwrap();
        let bob = vault.login("bob", &password("bob-pass-1")).unwrap();
        let carol = vault.login("carol", &password("carol-pass")).unwrap();
        let profile = CaseProfile {
            name: BENEFICIARY.into(),
            birth_date: Some("1990-02-28".into()),
            nationality: Some("afghane".into()),
            contact: Some("+33 6 12 34 56 78".into()),
            language: Some("dari".into()),
            notes: Some("Rendez-vous OFPRA le 12".into()),
        };
        let case = vault.create_case(&alice, TEAM, &profile).unwrap();
        Fixture {
            dir,
            vault,
            recovery: created.recovery_key,
            alice,
            bob,
            carol,
            case,
        }
    }

    pub fn data(&self) -> PathBuf {
        self.dir.path().join("data")
    }

    /// Closes the vault (dropping it and every session) and reopens it from its files, as
    /// after a restart; `why` prefixes a failure. The folder stays until the last is dropped.
    pub fn reopen(self, why: &str) -> (Vault, CaseId, tempfile::TempDir) {
        let data = self.data();
        let Fixture {
            vault,
            alice,
            bob,
            carol,
            dir,
            case,
            ..
        } = self;
        drop((vault, alice, bob, carol));
        let vault = Vault::open(&data).unwrap_or_else(|e| panic!("{why}: reopen: {e}"));
        (vault, case, dir)
    }

    pub fn add(
        &self,
        who: &Session,
        kind: DocumentKind,
        name: &str,
        content: &[u8],
    ) -> vault_core::DocumentId {
        self.vault
            .add_document(who, &self.case, content, &doc(kind, name))
            .unwrap()
    }

    pub fn recovery_key(&self) -> SecretKey {
        use secrecy::ExposeSecret;
        SecretKey::parse(self.recovery.expose_secret()).unwrap()
    }
}

pub fn doc(kind: DocumentKind, name: &str) -> NewDocument {
    NewDocument {
        kind,
        filename: name.into(),
        media_type: "application/octet-stream".into(),
        note: Some("note confidentielle".into()),
    }
}

pub fn read_all(vault: &Vault, who: &Session, doc: &vault_core::DocumentId) -> Vec<u8> {
    let (_, mut reader) = vault.open_document(who, doc, None).unwrap();
    let mut out = Vec::new();
    std::io::copy(&mut reader, &mut out).unwrap();
    out
}

/// Deterministic pseudo-random bytes (not crypto: test data only).
pub fn pattern(len: usize, seed: u64) -> Vec<u8> {
    let mut x = seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1;
    (0..len)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            (x >> 24) as u8
        })
        .collect()
}

/// Every file under `root`, recursively.
pub fn files(root: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![root.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else {
                out.push(path);
            }
        }
    }
    out
}

/// Files under `root` whose bytes contain `needle`.
pub fn files_containing(root: &Path, needle: &[u8]) -> Vec<PathBuf> {
    files(root)
        .into_iter()
        .filter(|f| {
            let bytes = std::fs::read(f).unwrap();
            bytes.windows(needle.len()).any(|w| w == needle)
        })
        .collect()
}

/// The catalogue's sled database (the vault must be closed). sled releases its lock from a
/// background thread shortly after a vault is dropped: wait for it.
pub fn open_catalog(data: &Path) -> sled::Db {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(5);
    loop {
        match sled::open(data.join("catalog")) {
            Ok(db) => return db,
            Err(_) if std::time::Instant::now() < deadline => {
                std::thread::sleep(std::time::Duration::from_millis(10));
            }
            Err(e) => panic!("cannot open the catalogue: {e}"),
        }
    }
}

/// Every value stored in the catalogue (the vault must be closed).
pub fn catalogue_values(data: &Path) -> Vec<(String, Vec<u8>)> {
    let db = open_catalog(data);
    db.iter()
        .map(|item| {
            let (k, v) = item.unwrap();
            (String::from_utf8(k.to_vec()).unwrap(), v.to_vec())
        })
        .collect()
}

/// Tries to decrypt an age file with a key; the plaintext if it opens.
pub fn try_open(ciphertext: &[u8], key: &age::x25519::Identity) -> Option<Vec<u8>> {
    let decryptor = age::Decryptor::new_buffered(ciphertext).ok()?;
    let mut reader = decryptor
        .decrypt(std::iter::once(key as &dyn age::Identity))
        .ok()?;
    let mut out = Vec::new();
    std::io::Read::read_to_end(&mut reader, &mut out).ok()?;
    Some(out)
}

/// Every key that `start` can reach by opening catalogue values, transitively: what a
/// holder of `start` with a copy of the catalogue could unwrap.
pub fn reachable_keys(
    values: &[(String, Vec<u8>)],
    start: Vec<age::x25519::Identity>,
) -> Vec<age::x25519::Identity> {
    use secrecy::ExposeSecret;
    let mut keys = start;
    let mut known: std::collections::HashSet<String> = keys
        .iter()
        .map(|k| k.to_string().expose_secret().to_string())
        .collect();
    loop {
        let mut found = Vec::new();
        for (_, value) in values {
            for key in &keys {
                if let Some(plain) = try_open(value, key) {
                    if let Ok(text) = std::str::from_utf8(&plain) {
                        if let Ok(k) = text.parse::<age::x25519::Identity>() {
                            if known.insert(text.to_string()) {
                                found.push(k);
                            }
                        }
                    }
                }
            }
        }
        if found.is_empty() {
            return keys;
        }
        keys.extend(found);
    }
}
