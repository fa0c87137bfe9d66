//! The vault handle: opening and creating a data directory, signing in.
//!
//! ```text
//! <data-dir>/vault.toml   public settings (format version, recovery recipient, argon2)
//! <data-dir>/vault.lock   held by the process that has the vault open
//! <data-dir>/catalog/     sled: everything except document contents
//! <data-dir>/blobs/       one age file per document version
//! <data-dir>/tmp/         writes in progress; swept when the vault opens
//! <data-dir>/log/         the access log (events, offsets, tree hashes)
//! ```

use crate::log::action::Action;
use std::fs::{self, File};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};

use secrecy::SecretString;

use crate::blob::BlobStore;
use crate::blob_fs::{sync_dir, FsBlobStore};
use crate::catalog::{Batch, Catalog};
use crate::config::{Limits, Settings, VaultToml, FORMAT_VERSION};
use crate::error::{Error, Result};
use crate::keys::{self, KdfParams, PublicKey, SecretKey};
use crate::log::audit::{target, Actor};
use crate::log::store::LogState;
use crate::model::{Role, User};
use crate::users::{check_name, check_password, UserRecord};
use std::net::IpAddr;
use zeroize::Zeroizing;

/// An open vault: a cheap `Clone` handle, shareable between threads.
#[derive(Clone)]
pub struct Vault {
    pub(crate) inner: Arc<Inner>,
}

pub(crate) struct Inner {
    pub(crate) root: PathBuf,
    pub(crate) toml: VaultToml,
    /// The recovery recipient new wraps go to; the catalogue's `recovery/recipient` when
    /// it has one (a rotation changes it), else `vault.toml`'s.
    pub(crate) recovery: std::sync::RwLock<PublicKey>,
    pub(crate) catalog: Catalog,
    pub(crate) blobs: Box<dyn BlobStore>,
    /// Serialises read-modify-write changes of the catalogue. A std Mutex: it is never
    /// held across an await (vault-core has none) nor while a document streams in.
    write: Mutex<()>,
    /// One lock per upload link in use: its uploads run one at a time, so its file and
    /// byte limits hold under concurrent uploads (a std Mutex, held while a file streams
    /// in; only uploads to the same link wait for it).
    pub(crate) link_locks: Mutex<std::collections::HashMap<crate::ids::LinkId, Arc<Mutex<()>>>>,
    swept: usize,
    /// Size and right edge of the access log; its lock serialises appends.
    pub(crate) log: Mutex<LogState>,
    /// Appends waiting to be written together (group commit).
    pub(crate) group: crate::log::store::Group,
    /// Free bytes the data directory's disk must keep: below it, changes and uploads are
    /// refused with [`Error::DiskFull`] so that the catalogue and the log, which finish
    /// what is in flight, never meet a full disk in normal use. Reads go on.
    pub(crate) min_free: Arc<AtomicU64>,
    /// Snapshots being backed up, and the blobs whose deletion waits for them to end
    /// (`backup.rs`): a backup copies every blob of its instant, even one erased since.
    pub(crate) pins: Mutex<crate::backup::Pins>,
    /// What "now" is for cases and links (`clock.rs`).
    clock: std::sync::RwLock<Arc<dyn crate::clock::Clock>>,
    /// Today's key for client pseudonyms, in memory only.
    pub(crate) pseudonym_key: Mutex<Option<(u64, Zeroizing<[u8; 32]>)>>,
    /// Held open for the vault's lifetime: the OS lock on it keeps other processes out.
    _lock: File,
}

/// A signed-in user: their identity is unlocked in memory until this is dropped.
pub struct Session {
    pub(crate) user: User,
    pub(crate) key: SecretKey,
    /// Pseudonym of the client's address, when there is a client.
    pub(crate) client: Option<String>,
    /// Keys this session has unwrapped, kept while it lives.
    pub(crate) unwrapped: crate::keys::KeyCache,
}

impl std::fmt::Debug for Session {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Session({}, {}, key: ***)", self.user.id, self.user.role)
    }
}

impl Session {
    /// Who is signed in.
    pub fn user(&self) -> &User {
        &self.user
    }

    /// The user's own secret key, in age's text form. For interoperability and audits:
    /// whoever holds it opens everything this user can open.
    pub fn export_identity(&self) -> SecretString {
        self.key.to_secret_string()
    }
}

/// What creating a vault returns: the vault, and the recovery key, shown once.
pub struct Created {
    /// The new vault, open.
    pub vault: Vault,
    /// The first admin.
    pub admin: User,
    /// The recovery key (`AGE-SECRET-KEY-1...`). It is not stored anywhere: the caller
    /// must hand it to the association to keep offline.
    pub recovery_key: SecretString,
}

/// The free-space floor unless set otherwise: room for the catalogue and the log to
/// finish what is in flight (measured: a change writes a few KiB; sled's segments are
/// 512 KiB).
pub const DEFAULT_MIN_FREE: u64 = 64 * 1024 * 1024;

const TOML: &str = "vault.toml";
const LOCK: &str = "vault.lock";
const CATALOG: &str = "catalog";
const BLOBS: &str = "blobs";
const TMP: &str = "tmp";
const LOG: &str = "log";

impl Vault {
    /// Creates a vault in `path` (which must not exist or be empty), with its first admin.
    pub fn create(
        path: &Path,
        settings: &Settings,
        admin_name: &str,
        admin_password: &SecretString,
    ) -> Result<Created> {
        settings.kdf.validate()?;
        check_name(crate::Named::UserName, admin_name)?;
        check_password(admin_password)?;
        Vault::check_free(path)?;
        let existed = path.exists();
        fs::create_dir_all(path)?;
        // Another process creating the same vault keeps its files: we stop here.
        let lock = lock(path)?;
        let created = Vault::create_in(path, lock, settings, admin_name, admin_password);
        if created.is_err() {
            // Leave no half-made vault behind: the next `init` must be able to start over.
            for name in [TOML, LOCK, CATALOG, BLOBS, TMP, LOG] {
                let p = path.join(name);
                let _ = if p.is_dir() {
                    fs::remove_dir_all(&p)
                } else {
                    fs::remove_file(&p)
                };
            }
            if !existed {
                let _ = fs::remove_dir(path);
            }
        }
        created
    }

    fn create_in(
        path: &Path,
        lock: File,
        settings: &Settings,
        admin_name: &str,
        admin_password: &SecretString,
    ) -> Result<Created> {
        let recovery = SecretKey::generate();
        let mut batch = Batch::default();
        crate::search::mark_order_index(&mut batch);
        batch.put(crate::recovery::RECIPIENT, &recovery.public())?;
        batch.put(crate::retention::SINCE, &crate::ids::now())?;
        let admin_key = SecretKey::generate();
        let admin_id = crate::ids::UserId::generate()?;
        let log_public_key = Vault::new_log_key(
            &mut batch,
            &admin_id,
            &admin_key.public(),
            &recovery.public(),
        )?;
        let toml = VaultToml {
            format_version: FORMAT_VERSION,
            public_url: settings.public_url.clone(),
            recovery_recipient: recovery.public(),
            log_origin: format!("vault-log/{}", crate::ids::new_id()?),
            log_public_key,
            argon2: settings.kdf.clone(),
            limits: Limits {
                max_document_bytes: settings.max_document_bytes,
            },
            storage: settings.storage.clone(),
        };
        let catalog = Catalog::open(&path.join(CATALOG))?;
        // No floor while the vault is made (a few KiB): the default applies once it is.
        let floor = Arc::new(AtomicU64::new(0));
        let mut blobs = FsBlobStore::new(path.join(BLOBS), path.join(TMP))?;
        blobs.share_floor(floor.clone());
        let vault = Vault::assemble(
            path,
            toml.clone(),
            catalog,
            Box::new(blobs),
            lock,
            0,
            true,
            floor,
        )?;
        let admin = vault.insert_user_with(
            &mut batch,
            admin_id,
            admin_key,
            admin_name,
            Role::Admin,
            admin_password,
        )?;
        let actor = Actor {
            id: admin.id.to_string(),
            client: None,
        };
        vault.audited(
            actor,
            Action::VaultCreate,
            vec![target("user", &admin.id)],
            |audit| vault.commit(batch, audit, &[]),
        )?;
        // vault.toml last: a directory without it is an unfinished creation, not a vault.
        write_atomically(&path.join(TOML), toml.to_text()?.as_bytes())?;
        vault.set_min_free_bytes(DEFAULT_MIN_FREE);
        Ok(Created {
            vault,
            admin,
            recovery_key: recovery.to_secret_string(),
        })
    }

    /// Whether a vault can be created in `path`: it must not exist, or be an empty
    /// directory. Lets a command refuse before asking for a new password.
    pub fn check_free(path: &Path) -> Result<()> {
        if path.exists() {
            let empty = path.is_dir() && fs::read_dir(path)?.next().is_none();
            if !empty {
                return Err(Error::AlreadyExists {
                    path: path.to_path_buf(),
                });
            }
        }
        Ok(())
    }

    /// Opens the vault in `path`, with the filesystem blob store beside it.
    pub fn open(path: &Path) -> Result<Vault> {
        Vault::open_inner(path, None)
    }

    /// Opens the vault in `path` with another blob store (e.g. in memory, for tests).
    pub fn open_with_blobs(path: &Path, blobs: Box<dyn BlobStore>) -> Result<Vault> {
        Vault::open_inner(path, Some(blobs))
    }

    fn open_inner(path: &Path, blobs: Option<Box<dyn BlobStore>>) -> Result<Vault> {
        let not_a_vault = || Error::NotAVault {
            path: path.to_path_buf(),
        };
        if !path.is_dir() {
            return Err(not_a_vault());
        }
        if !path.join(TOML).is_file() {
            return Err(if path.join(CATALOG).exists() {
                Error::damaged(crate::Damage::ConfigMissing)
            } else {
                not_a_vault()
            });
        }
        let lock = lock(path)?;
        let toml = VaultToml::read(&path.join(TOML))?;
        Catalog::recover(&path.join(CATALOG))?;
        if !path.join(CATALOG).is_dir() {
            return Err(Error::damaged(crate::Damage::CatalogDirMissing));
        }
        let floor = Arc::new(AtomicU64::new(DEFAULT_MIN_FREE));
        let mut blobs = match blobs {
            Some(b) => b,
            None => Box::new(Vault::local_blobs(path)?),
        };
        blobs.share_floor(floor.clone());
        // We hold the lock: whatever is in tmp/ was cut off by a crash.
        sweep_snapshots(path)?;
        let swept = blobs.remove_leftovers()?;
        let catalog = Catalog::open(&path.join(CATALOG))?;
        settle_blobs(&catalog, blobs.as_ref())?;
        crate::search::ensure_order_index(&catalog)?;
        crate::retention::mark_since(&catalog, crate::ids::now())?;
        let stale = match catalog.record::<PublicKey>(crate::recovery::RECIPIENT)? {
            Some(current) if current != toml.recovery_recipient => Some(current),
            _ => None,
        };
        let vault = Vault::assemble(path, toml, catalog, blobs, lock, swept, false, floor)?;
        if let Some(current) = stale {
            // A rotation committed, and a crash came before vault.toml was rewritten.
            *vault
                .inner
                .recovery
                .write()
                .unwrap_or_else(PoisonError::into_inner) = current;
            vault.write_toml()?;
        }
        Ok(vault)
    }

    /// `vault.toml` as it stands now (the recovery recipient may have been rotated since
    /// the file was read).
    pub(crate) fn current_toml(&self) -> VaultToml {
        let mut toml = self.inner.toml.clone();
        toml.recovery_recipient = self.recovery_public();
        toml
    }

    /// Rewrites `vault.toml` from [`Vault::current_toml`].
    pub(crate) fn write_toml(&self) -> Result<()> {
        write_atomically(
            &self.inner.root.join(TOML),
            self.current_toml().to_text()?.as_bytes(),
        )
    }

    /// The filesystem blob store of the data directory `path` (`blobs/`, `tmp/`), which
    /// must exist.
    pub fn local_blobs(path: &Path) -> Result<FsBlobStore> {
        if !path.join(BLOBS).is_dir() {
            return Err(Error::damaged(crate::Damage::BlobsDirMissing));
        }
        FsBlobStore::new(path.join(BLOBS), path.join(TMP))
    }

    #[allow(clippy::too_many_arguments)]
    fn assemble(
        path: &Path,
        toml: VaultToml,
        catalog: Catalog,
        blobs: Box<dyn BlobStore>,
        lock: File,
        swept: usize,
        create: bool,
        min_free: Arc<AtomicU64>,
    ) -> Result<Vault> {
        let log = LogState::open(&path.join(LOG), create)?;
        Ok(Vault {
            inner: Arc::new(Inner {
                root: path.to_path_buf(),
                recovery: std::sync::RwLock::new(toml.recovery_recipient.clone()),
                toml,
                catalog,
                blobs,
                write: Mutex::new(()),
                link_locks: Mutex::new(std::collections::HashMap::new()),
                swept,
                log: Mutex::new(log),
                group: Default::default(),
                min_free,
                pins: Mutex::default(),
                pseudonym_key: Mutex::new(None),
                clock: std::sync::RwLock::new(Arc::new(crate::clock::SystemClock)),
                _lock: lock,
            }),
        })
    }

    /// Replaces the vault's clock (tests move time forward with `testing::ManualClock`).
    pub fn set_clock(&self, clock: Arc<dyn crate::clock::Clock>) {
        *self
            .inner
            .clock
            .write()
            .unwrap_or_else(PoisonError::into_inner) = clock;
    }

    /// Now, by the vault's clock, in Unix seconds.
    pub fn now(&self) -> u64 {
        self.inner
            .clock
            .read()
            .unwrap_or_else(PoisonError::into_inner)
            .now()
    }

    /// The data directory.
    pub fn path(&self) -> &Path {
        &self.inner.root
    }

    /// The public URL from `vault.toml`.
    pub fn public_url(&self) -> &str {
        &self.inner.toml.public_url
    }

    /// The recovery recipient (`age1...`), public.
    pub fn recovery_recipient(&self) -> String {
        self.recovery_public().to_string()
    }

    /// Sets the free-space floor, in bytes ([`DEFAULT_MIN_FREE`] unless set; 0 turns it
    /// off): below it, changes and uploads are refused with [`Error::DiskFull`].
    pub fn set_min_free_bytes(&self, bytes: u64) {
        self.inner.min_free.store(bytes, Ordering::Relaxed);
    }

    /// Refuses a change while the disk is below the floor.
    pub(crate) fn check_free_space(&self) -> Result<()> {
        let floor = self.inner.min_free.load(Ordering::Relaxed);
        Ok(crate::blob_fs::check_floor(&self.inner.root, floor)?)
    }

    /// How many unfinished writes were removed from `tmp/` when the vault opened.
    pub fn swept_at_open(&self) -> usize {
        self.inner.swept
    }

    pub(crate) fn kdf(&self) -> &KdfParams {
        &self.inner.toml.argon2
    }

    /// The largest document this vault accepts, in bytes (`limits` in `vault.toml`).
    pub fn max_document_bytes(&self) -> u64 {
        self.inner.toml.limits.max_document_bytes
    }

    pub(crate) fn write_lock(&self) -> MutexGuard<'_, ()> {
        self.inner
            .write
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
    }

    /// Signs a user in. An unknown user and a wrong password give the same error, after
    /// the same argon2 work. Both outcomes are recorded in the access log.
    pub fn login(&self, name: &str, password: &SecretString) -> Result<Session> {
        self.login_from(name, password, None)
    }

    /// Signs a user in from a client address (recorded as a daily pseudonym).
    pub fn login_from(
        &self,
        name: &str,
        password: &SecretString,
        client: Option<IpAddr>,
    ) -> Result<Session> {
        let client = client.map(|a| self.client_pseudonym(a)).transpose()?;
        let mut known = None;
        match self.verify_password(name, password, client.clone(), &mut known) {
            Ok(session) => self.audited(
                session.actor(),
                Action::SessionOpen,
                vec![target("user", &session.user.id)],
                |_| Ok(session),
            ),
            Err(e) => {
                let anonymous = Actor {
                    id: "anonymous".into(),
                    client,
                };
                // The user's id when the name exists: ids reveal no name.
                let targets = known.iter().map(|id| target("user", id)).collect();
                self.audited(anonymous, Action::SessionFailed, targets, |_| Err(e))
            }
        }
    }

    fn verify_password(
        &self,
        name: &str,
        password: &SecretString,
        client: Option<String>,
        known: &mut Option<crate::ids::UserId>,
    ) -> Result<Session> {
        let catalog = &self.inner.catalog;
        let record: Option<UserRecord> =
            match catalog.record::<String>(&format!("username/{name}"))? {
                Some(uid) => catalog.record(&format!("user/{uid}"))?,
                None => None,
            };
        let Some(record) = record else {
            // Same work as a real attempt, so timing does not tell who exists.
            let _ = SecretKey::from_password(password, &[0u8; 16], self.kdf());
            return Err(Error::BadCredentials);
        };
        *known = Some(record.id.clone());
        let salt =
            hex::decode(&record.salt).map_err(|_| Error::damaged(crate::Damage::UserRecord))?;
        let wrapping = SecretKey::from_password(password, &salt, &record.kdf)?;
        let wrap = catalog.required_raw(&format!("wrap/user/{}/password", record.id))?;
        let key = keys::unwrap(&wrap, &wrapping)?.ok_or(Error::BadCredentials)?;
        if key.public() != record.public {
            return Err(Error::damaged(crate::Damage::UserKeyMismatch));
        }
        // Checked after the same work as any attempt: a disabled account answers like a
        // wrong password.
        if record.disabled {
            return Err(Error::BadCredentials);
        }
        Ok(Session {
            user: record.to_user(),
            key,
            client,
            unwrapped: Default::default(),
        })
    }
}

/// Removes what a snapshot left in `tmp/` when the process died during a backup.
fn sweep_snapshots(path: &Path) -> Result<()> {
    let Ok(entries) = fs::read_dir(path.join(TMP)) else {
        return Ok(());
    };
    for entry in entries {
        let entry = entry?;
        if entry
            .file_name()
            .to_str()
            .is_some_and(|n| n.starts_with(crate::backup::SNAPSHOT_FILE_PREFIX))
        {
            fs::remove_file(entry.path())?;
        }
    }
    Ok(())
}

/// Blobs whose commit a crash interrupted before the catalogue recorded them (their
/// marker is still there): those nothing refers to are removed, so a kill during an
/// upload leaves no orphan. Reads the document records only when there is a marker.
fn settle_blobs(catalog: &Catalog, blobs: &dyn BlobStore) -> Result<()> {
    let unsettled = blobs.unsettled()?;
    if unsettled.is_empty() {
        return Ok(());
    }
    let referenced: std::collections::HashSet<crate::blob::BlobId> = catalog
        .records::<crate::documents::DocumentRecord>("doc/")?
        .into_iter()
        .flat_map(|d| d.versions.into_iter().map(|v| v.blob))
        .collect();
    for id in unsettled {
        if !referenced.contains(&id) {
            blobs.remove(&id)?;
        }
        blobs.settle(&id)?;
    }
    Ok(())
}

/// Takes the exclusive lock of the data directory.
fn lock(path: &Path) -> Result<File> {
    let file = fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(path.join(LOCK))?;
    match file.try_lock() {
        Ok(()) => Ok(file),
        Err(fs::TryLockError::WouldBlock) => Err(Error::InUse {
            path: path.to_path_buf(),
        }),
        Err(fs::TryLockError::Error(e)) => Err(e.into()),
    }
}

/// Takes a shared lock of the data directory, for reading it without opening it: refused
/// while a process has the vault open. `None` when there is no lock file (then nobody
/// has it open); the lock file is never created.
pub(crate) fn lock_shared(path: &Path) -> Result<Option<File>> {
    match File::open(path.join(LOCK)) {
        Ok(f) => match f.try_lock_shared() {
            Ok(()) => Ok(Some(f)),
            Err(fs::TryLockError::WouldBlock) => Err(Error::InUse {
                path: path.to_path_buf(),
            }),
            Err(fs::TryLockError::Error(e)) => Err(e.into()),
        },
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(e.into()),
    }
}

/// Writes a small file through a temporary name, fsync and rename.
fn write_atomically(path: &Path, bytes: &[u8]) -> Result<()> {
    let tmp = path.with_extension("tmp");
    let mut f = File::create(&tmp)?;
    f.write_all(bytes)?;
    f.sync_all()?;
    fs::rename(&tmp, path)?;
    if let Some(dir) = path.parent() {
        sync_dir(dir)?;
    }
    Ok(())
}
