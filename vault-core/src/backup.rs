//! Online backups: a consistent snapshot of a running vault, and a data directory
//! written back from one.
//!
//! A [`Snapshot`] is one instant of the vault: the catalogue as it was (exported under the
//! catalogue's exclusive guard, so no change is half in it), the access log up to the
//! size it had at that instant (`events.bin` only grows, so its first bytes are read
//! later), `vault.toml`, and the list of blobs the catalogue refers to. Blobs are
//! immutable and content-addressed; while a snapshot exists, blobs that a change stops
//! referring to are not deleted (they stay marked), so every blob of the instant can still
//! be copied. Where the copy goes (a directory, S3) is the storage crate's business.
//!
//! [`Restore`] writes a new data directory from those parts: the log's indexes are
//! rebuilt from `events.bin` when the vault is first opened (`log/recover.rs`).

use crate::log::action::Action;
use std::fs::{self, File};
use std::io::{self, BufWriter, Read, Write};
use std::path::{Path, PathBuf};
use std::sync::PoisonError;

use crate::blob::{BlobId, BlobStore};
use crate::blob_fs::{sync_dir, FsBlobStore};
use crate::catalog::Catalog;
use crate::config::{StorageSettings, VaultToml};
use crate::documents::DocumentRecord;
use crate::error::Why;
use crate::error::{Error, Result};
use crate::log::audit::{target, Actor};
use crate::log::event::Outcome;
use crate::log::store::NewEvent;
use crate::vault::{Session, Vault};

/// Name prefix of a snapshot's catalogue export in `tmp/` (swept at open).
pub(crate) const SNAPSHOT_FILE_PREFIX: &str = "snapshot-";

/// Snapshots in progress, and the blob deletions that wait for them.
#[derive(Default)]
pub(crate) struct Pins {
    active: usize,
    deferred: Vec<BlobId>,
}

/// One instant of the vault, ready to be copied. Dropping it lets waiting deletions run.
pub struct Snapshot {
    /// `YYYYMMDDTHHMMSSZ-xxxxxxxx`: sorts by time.
    pub id: String,
    /// When it was taken (seconds since the Unix epoch).
    pub created: u64,
    /// Events of the access log in it.
    pub log_size: u64,
    /// Root hash of those events (hex), as `vault log checkpoint` would sign it.
    pub log_root: String,
    /// Bytes of `events.bin` that hold them.
    pub log_bytes: u64,
    /// Entries of the catalogue.
    pub catalog_entries: u64,
    /// Bytes of the catalogue export.
    pub catalog_bytes: u64,
    /// Every blob the catalogue refers to, sorted.
    pub blobs: Vec<BlobId>,
    vault_toml: String,
    catalog_file: PathBuf,
    vault: Vault,
}

impl Snapshot {
    /// The text of `vault.toml`.
    pub fn vault_toml(&self) -> &str {
        &self.vault_toml
    }

    /// The catalogue export (read from a file under `tmp/`).
    pub fn catalog(&self) -> Result<File> {
        Ok(File::open(&self.catalog_file)?)
    }

    /// The first `log_bytes` of `events.bin`.
    pub fn events(&self) -> Result<io::Take<File>> {
        let file = File::open(self.vault.log_dir().join("events.bin"))?;
        Ok(file.take(self.log_bytes))
    }

    /// Reads a blob of the snapshot from the vault's store.
    pub fn open_blob(&self, id: &BlobId) -> Result<Box<dyn Read + Send>> {
        self.vault.inner.blobs.open(id)
    }
}

impl std::fmt::Debug for Snapshot {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "Snapshot({}, {} events, {} blobs)",
            self.id,
            self.log_size,
            self.blobs.len()
        )
    }
}

impl Drop for Snapshot {
    fn drop(&mut self) {
        let _ = fs::remove_file(&self.catalog_file);
        self.vault.release_pin();
    }
}

fn snapshot_id(created: u64) -> Result<String> {
    let stamp: String = crate::log::report::format_time(created)
        .chars()
        .filter(char::is_ascii_digit)
        .collect();
    let (date, time) = stamp.split_at(8.min(stamp.len()));
    Ok(format!("{date}T{time}Z-{}", &crate::ids::new_id()?[..8]))
}

/// Whether `s` has the shape of a snapshot id (it becomes part of a path).
pub fn is_snapshot_id(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 25
        && b[..8].iter().all(u8::is_ascii_digit)
        && b[8] == b'T'
        && b[9..15].iter().all(u8::is_ascii_digit)
        && b[15] == b'Z'
        && b[16] == b'-'
        && b[17..]
            .iter()
            .all(|c| matches!(c, b'0'..=b'9' | b'a'..=b'f'))
}

impl Vault {
    /// Takes a snapshot of this instant. The vault goes on serving: only catalogue
    /// changes wait while the catalogue is exported (reads of the catalogue too, for that
    /// time; measured in `bench/storage.sh`).
    pub fn snapshot(&self) -> Result<Snapshot> {
        let created = crate::ids::now();
        let id = snapshot_id(created)?;
        let tmp = self.inner.root.join("tmp");
        fs::create_dir_all(&tmp)?;
        let catalog_file = tmp.join(format!("{SNAPSHOT_FILE_PREFIX}{id}.catalog"));
        // Pinned before the export: a change that stops referring to a blob after the
        // instant leaves it in place until the snapshot is dropped.
        self.pins().active += 1;
        let snapshot = Snapshot {
            id,
            created,
            log_size: 0,
            log_root: String::new(),
            log_bytes: 0,
            catalog_entries: 0,
            catalog_bytes: 0,
            blobs: Vec::new(),
            vault_toml: self.current_toml().to_text()?,
            catalog_file,
            vault: self.clone(),
        };
        self.fill_snapshot(snapshot)
    }

    fn fill_snapshot(&self, mut snapshot: Snapshot) -> Result<Snapshot> {
        let file = fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&snapshot.catalog_file)?;
        let mut out = BufWriter::new(file);
        let (entries, (size, bytes, root)) = self.inner.catalog.export(&mut out, || {
            let state = self.log_state();
            let size = state.size;
            Ok((
                size,
                state.files.events_len(),
                crate::log::merkle::root(&state.files, size)?,
            ))
        })?;
        let file = out.into_inner().map_err(|e| e.into_error())?;
        file.sync_all()?;
        snapshot.catalog_entries = entries;
        snapshot.catalog_bytes = file.metadata()?.len();
        snapshot.log_size = size;
        snapshot.log_bytes = bytes;
        snapshot.log_root = hex::encode(root);
        // The blobs of the instant, from the export itself (not the live catalogue).
        snapshot.blobs = referenced_blobs(&mut io::BufReader::new(snapshot.catalog()?))?;
        Ok(snapshot)
    }

    fn pins(&self) -> std::sync::MutexGuard<'_, Pins> {
        self.inner
            .pins
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
    }

    /// Called after a change stopped referring to `blobs` (already marked): when a
    /// snapshot is being copied, their deletion waits for it; returns whether it does.
    pub(crate) fn defer_removals(&self, blobs: &[BlobId]) -> bool {
        let mut pins = self.pins();
        if pins.active == 0 {
            return false;
        }
        pins.deferred.extend(blobs.iter().cloned());
        true
    }

    fn release_pin(&self) {
        let deferred = {
            let mut pins = self.pins();
            pins.active = pins.active.saturating_sub(1);
            if pins.active > 0 {
                return;
            }
            std::mem::take(&mut pins.deferred)
        };
        // Nothing refers to these any more (their change is committed); a failure leaves
        // the marker, and the next open removes them.
        let store = &self.inner.blobs;
        for blob in deferred {
            if store.remove(&blob).is_ok() {
                let _ = store.settle(&blob);
            }
        }
    }

    /// Whether `by` may take a backup: admins only (a backup holds every case). `None`
    /// is the server's schedule or the `vault backup` command, run by whoever holds the
    /// data directory.
    pub fn may_back_up(&self, by: Option<&Session>) -> Result<()> {
        match by {
            Some(s) if s.user().role != crate::model::Role::Admin => {
                Err(Error::Denied(Why::AdminsTakeBackups))
            }
            _ => Ok(()),
        }
    }

    /// Records a backup in the access log: `backup.create` by the admin who asked for it
    /// (`None`: the schedule, or the `vault backup` command), with the snapshot's id
    /// and the outcome.
    pub fn record_backup(
        &self,
        by: Option<&Session>,
        snapshot: &str,
        result: std::result::Result<(), &Error>,
    ) -> Result<()> {
        let actor = by.map_or_else(Actor::system, Session::actor);
        self.append_events(vec![NewEvent {
            actor: actor.id,
            action: Action::BackupCreate,
            outcome: if result.is_ok() {
                Outcome::Ok
            } else {
                Outcome::Failed
            },
            targets: vec![target("snapshot", snapshot)],
            client: actor.client,
        }])
    }

    /// The `[storage]` settings of `vault.toml`.
    pub fn storage_settings(&self) -> &StorageSettings {
        &self.inner.toml.storage
    }

    /// The store that holds this vault's blobs.
    pub fn blob_store(&self) -> &dyn BlobStore {
        self.inner.blobs.as_ref()
    }
}

/// The blobs that the document records of a catalogue export refer to.
fn referenced_blobs(export: &mut impl Read) -> Result<Vec<BlobId>> {
    let mut out = Vec::new();
    crate::catalog::read_export(export, |key, value| {
        if key.starts_with(b"doc/") {
            let record: DocumentRecord = serde_json::from_slice(&value)
                .map_err(|_| Error::damaged(crate::Damage::DocumentRecord))?;
            out.extend(record.versions.into_iter().map(|v| v.blob));
        }
        Ok(())
    })?;
    out.sort();
    out.dedup();
    Ok(out)
}

/// A data directory being written from a backup. Until [`Restore::finish`] writes
/// `vault.toml`, the directory is not a vault, and nothing opens it.
pub struct Restore {
    root: PathBuf,
}

impl Restore {
    /// Starts a restore into `dest`, which must not exist or be empty.
    pub fn begin(dest: &Path) -> Result<Restore> {
        Vault::check_free(dest)?;
        for dir in ["", "blobs", "tmp", "log"] {
            fs::create_dir_all(dest.join(dir))?;
        }
        Ok(Restore {
            root: dest.to_path_buf(),
        })
    }

    /// Writes the catalogue from its export; returns the number of entries.
    pub fn catalog(&self, export: &mut impl Read) -> Result<u64> {
        Catalog::import(&self.root.join("catalog"), export)
    }

    /// Writes the access log's `events.bin`; returns its length. Its indexes are rebuilt
    /// when the vault is opened.
    pub fn events(&self, events: &mut impl Read) -> Result<u64> {
        let path = self.root.join("log").join("events.bin");
        let mut file = File::create(&path)?;
        let n = io::copy(events, &mut file)?;
        file.sync_all()?;
        Ok(n)
    }

    /// The filesystem blob store of the new directory.
    pub fn local_blobs(&self) -> Result<FsBlobStore> {
        Vault::local_blobs(&self.root)
    }

    /// Writes `vault.toml` (from the snapshot, with `storage` as the new vault's blob
    /// settings), last: the directory becomes a vault.
    pub fn finish(self, vault_toml: &str, storage: StorageSettings) -> Result<()> {
        let mut toml = VaultToml::parse(vault_toml)?;
        toml.storage = storage;
        for dir in ["", "log"] {
            sync_dir(&self.root.join(dir))?;
        }
        let path = self.root.join("vault.toml");
        let tmp = path.with_extension("tmp");
        let mut f = File::create(&tmp)?;
        f.write_all(toml.to_text()?.as_bytes())?;
        f.sync_all()?;
        fs::rename(&tmp, &path)?;
        sync_dir(&self.root)?;
        Ok(())
    }
}
