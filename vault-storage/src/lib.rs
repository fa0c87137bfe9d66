//! `vault-storage`: where a vault's blobs live beyond its own disk, and online backups.
//!
//! - [`ObjectBlobStore`]: blobs on S3-compatible storage (Garage, MinIO, a provider) with
//!   `object_store`; they keep their content-addressed names and stay plain age files.
//! - [`open_blob_store`]: the store a vault's `[storage]` settings name, mirrored when a
//!   mirror is set ([`vault_core::MirrorBlobStore`]).
//! - [`backup`]: consistent, incremental backups of a running vault to a directory or an
//!   S3 bucket; listing, pruning and restoring them.
//!
//! vault-core stays synchronous and free of any async runtime: this crate runs its
//! requests on a runtime of its own (`objects.rs`).

#![forbid(unsafe_code)]
#![deny(missing_docs)]

pub mod backup;
mod objects;
mod s3;

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use object_store::aws::AmazonS3Builder;
use object_store::local::LocalFileSystem;
use object_store::{BackoffConfig, ClientOptions, ObjectStore, RetryConfig};
use vault_core::{
    BlobStore, Error, FsBlobStore, MirrorBlobStore, Problem, Result, StorageSettings, Vault,
};

pub use s3::ObjectBlobStore;

/// Where blobs or backups go, as written in settings and flags.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Location {
    /// A directory of the local filesystem (another disk, a network mount).
    Dir(PathBuf),
    /// `s3://BUCKET/PREFIX`.
    S3 {
        /// The bucket.
        bucket: String,
        /// The key prefix, without leading or trailing `/` (may be empty).
        prefix: String,
    },
}

impl Location {
    /// Parses `s3://BUCKET[/PREFIX]`, `file:///DIR` or a directory path.
    pub fn parse(text: &str) -> Result<Location> {
        let invalid = Error::Invalid;
        if let Some(rest) = text.strip_prefix("s3://") {
            let (bucket, prefix) = rest.split_once('/').unwrap_or((rest, ""));
            let bucket_ok = (3..=63).contains(&bucket.len())
                && bucket
                    .bytes()
                    .all(|b| matches!(b, b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.'));
            if !bucket_ok {
                return Err(invalid(Problem::StorageBucket));
            }
            let prefix = prefix.trim_matches('/');
            if prefix.split('/').any(|p| p == "." || p == "..")
                || prefix.bytes().any(|b| b.is_ascii_control())
            {
                return Err(invalid(Problem::StoragePrefix));
            }
            return Ok(Location::S3 {
                bucket: bucket.to_owned(),
                prefix: prefix.to_owned(),
            });
        }
        if text.contains("://") && !text.starts_with("file://") {
            return Err(invalid(Problem::StorageScheme));
        }
        let path = text.strip_prefix("file://").unwrap_or(text);
        if path.is_empty() {
            return Err(invalid(Problem::StorageEmpty));
        }
        Ok(Location::Dir(PathBuf::from(path)))
    }
}

impl std::fmt::Display for Location {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Location::Dir(p) => write!(f, "{}", p.display()),
            Location::S3 { bucket, prefix } if prefix.is_empty() => write!(f, "s3://{bucket}"),
            Location::S3 { bucket, prefix } => write!(f, "s3://{bucket}/{prefix}"),
        }
    }
}

/// S3 access keys: from `AWS_ACCESS_KEY_ID` / `AWS_SECRET_ACCESS_KEY` (and
/// `AWS_SESSION_TOKEN`), or from a file of the same `NAME=value` lines. Never from
/// `vault.toml`; never printed (`Debug` hides them).
#[derive(Clone, Default)]
pub struct Credentials {
    access_key_id: Option<String>,
    secret_access_key: Option<String>,
    session_token: Option<String>,
}

impl std::fmt::Debug for Credentials {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "Credentials(key id: {}, secret: ***)",
            if self.access_key_id.is_some() {
                "set"
            } else {
                "unset"
            }
        )
    }
}

impl Credentials {
    /// From the environment.
    pub fn from_env() -> Credentials {
        let var = |k| std::env::var(k).ok().filter(|v: &String| !v.is_empty());
        Credentials {
            access_key_id: var("AWS_ACCESS_KEY_ID"),
            secret_access_key: var("AWS_SECRET_ACCESS_KEY"),
            session_token: var("AWS_SESSION_TOKEN"),
        }
    }

    /// From a file of `AWS_ACCESS_KEY_ID=...` and `AWS_SECRET_ACCESS_KEY=...` lines
    /// (`#` comments and blank lines allowed). The error never quotes the file.
    pub fn from_file(path: &Path) -> Result<Credentials> {
        let text = std::fs::read_to_string(path)
            .map_err(|_| Error::Invalid(Problem::CredentialsUnreadable))?;
        let mut c = Credentials::default();
        for line in text.lines().map(str::trim) {
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let (k, v) = line
                .split_once('=')
                .ok_or(Error::Invalid(Problem::CredentialsLine))?;
            let v = Some(v.trim().trim_matches('"').to_owned());
            match k.trim() {
                "AWS_ACCESS_KEY_ID" => c.access_key_id = v,
                "AWS_SECRET_ACCESS_KEY" => c.secret_access_key = v,
                "AWS_SESSION_TOKEN" => c.session_token = v,
                _ => return Err(Error::Invalid(Problem::CredentialsName)),
            }
        }
        Ok(c)
    }

    /// From `file` if given, else from the environment.
    pub fn load(file: Option<&Path>) -> Result<Credentials> {
        file.map_or_else(|| Ok(Credentials::from_env()), Credentials::from_file)
    }
}

/// A connection to a location: the object store, the prefix inside it, and its name.
pub(crate) struct Connected {
    pub store: Arc<dyn ObjectStore>,
    pub prefix: String,
    pub name: String,
}

/// Retries stay short: a stopped server must give a clear error in seconds, not hang a
/// volunteer's upload for minutes.
fn retry() -> RetryConfig {
    RetryConfig {
        backoff: BackoffConfig::default(),
        max_retries: 3,
        retry_timeout: Duration::from_secs(20),
    }
}

pub(crate) fn connect(
    location: &Location,
    settings: &StorageSettings,
    credentials: &Credentials,
) -> Result<Connected> {
    let name = location.to_string();
    let store: Arc<dyn ObjectStore> = match location {
        Location::Dir(dir) => {
            std::fs::create_dir_all(dir)?;
            Arc::new(
                LocalFileSystem::new_with_prefix(dir)
                    .map_err(|e| objects::storage_error(&name, &e))?,
            )
        }
        Location::S3 { bucket, .. } => {
            let mut b = AmazonS3Builder::new()
                .with_bucket_name(bucket)
                .with_region(settings.s3_region.as_deref().unwrap_or("us-east-1"))
                .with_virtual_hosted_style_request(!settings.s3_path_style)
                .with_retry(retry())
                .with_client_options(
                    ClientOptions::new()
                        .with_connect_timeout(Duration::from_secs(5))
                        .with_timeout(Duration::from_secs(120)),
                );
            if let Some(endpoint) = &settings.s3_endpoint {
                b = b
                    .with_endpoint(endpoint)
                    .with_allow_http(endpoint.starts_with("http://"));
            }
            match (&credentials.access_key_id, &credentials.secret_access_key) {
                (Some(id), Some(secret)) => {
                    b = b.with_access_key_id(id).with_secret_access_key(secret);
                }
                _ => {
                    return Err(Error::Storage {
                        store: name,
                        detail: "no S3 credentials: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or give --s3-credentials FILE".into(),
                    })
                }
            }
            if let Some(token) = &credentials.session_token {
                b = b.with_token(token);
            }
            Arc::new(b.build().map_err(|e| objects::storage_error(&name, &e))?)
        }
    };
    let prefix = match location {
        Location::Dir(_) => String::new(),
        Location::S3 { prefix, .. } => prefix.clone(),
    };
    Ok(Connected {
        store,
        prefix,
        name,
    })
}

/// One store at `location`: a directory holds `blobs/` and `tmp/` as a data directory
/// does; S3 holds objects under the prefix.
fn store_at(
    location: &Location,
    settings: &StorageSettings,
    credentials: &Credentials,
) -> Result<Box<dyn BlobStore>> {
    match location {
        Location::Dir(dir) => Ok(Box::new(FsBlobStore::new(
            dir.join("blobs"),
            dir.join("tmp"),
        )?)),
        Location::S3 { .. } => {
            let c = connect(location, settings, credentials)?;
            Ok(Box::new(ObjectBlobStore::new(c.store, &c.prefix, &c.name)))
        }
    }
}

/// The blob store that `settings` name for the vault in `data_dir`: `blobs/` of the data
/// directory unless `blobs` is set, mirrored to `mirror` when set.
pub fn open_blob_store(
    data_dir: &Path,
    settings: &StorageSettings,
    credentials: &Credentials,
) -> Result<Box<dyn BlobStore>> {
    let primary: Box<dyn BlobStore> = match &settings.blobs {
        None => Box::new(Vault::local_blobs(data_dir)?),
        Some(text) => store_at(&Location::parse(text)?, settings, credentials)?,
    };
    Ok(match &settings.mirror {
        None => primary,
        Some(text) => {
            let second = store_at(&Location::parse(text)?, settings, credentials)?;
            Box::new(MirrorBlobStore::new(primary, second))
        }
    })
}

/// `settings` with every field that `overrides` sets replaced (flags over `vault.toml`).
pub fn merge(settings: &StorageSettings, overrides: &StorageSettings) -> StorageSettings {
    StorageSettings {
        blobs: overrides.blobs.clone().or_else(|| settings.blobs.clone()),
        mirror: overrides.mirror.clone().or_else(|| settings.mirror.clone()),
        s3_endpoint: overrides
            .s3_endpoint
            .clone()
            .or_else(|| settings.s3_endpoint.clone()),
        s3_region: overrides
            .s3_region
            .clone()
            .or_else(|| settings.s3_region.clone()),
        s3_path_style: overrides.s3_path_style || settings.s3_path_style,
    }
}

/// Opens the vault in `data_dir` with the stores its `vault.toml` names, as overridden
/// by `overrides` (flags).
pub fn open_vault(
    data_dir: &Path,
    overrides: &StorageSettings,
    credentials: &Credentials,
) -> Result<Vault> {
    let Ok(stored) = StorageSettings::read(data_dir) else {
        // Not a vault, or vault.toml damaged: the plain open says which, precisely.
        return Vault::open(data_dir);
    };
    let settings = merge(&stored, overrides);
    if settings.is_default() {
        return Vault::open(data_dir);
    }
    Vault::open_with_blobs(data_dir, open_blob_store(data_dir, &settings, credentials)?)
}

/// A random id (32 hex characters) for temporary names.
pub(crate) fn random_id() -> Result<String> {
    let mut b = [0u8; 16];
    getrandom::fill(&mut b).map_err(|e| Error::Io(std::io::Error::other(e.to_string())))?;
    Ok(hex::encode(b))
}
