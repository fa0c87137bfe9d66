//! `vault.toml`: the public settings of a vault. Nothing in it is secret.

use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::keys::{KdfParams, PublicKey};

/// The data-directory format this build writes and reads.
pub const FORMAT_VERSION: u32 = 1;

/// Settings chosen when a vault is created.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Settings {
    /// The address where the server is reached (used for links later).
    pub public_url: String,
    /// argon2id parameters for new passwords.
    pub kdf: KdfParams,
    /// Largest document accepted, in bytes.
    pub max_document_bytes: u64,
    /// Where the blobs are kept, written to `vault.toml`.
    pub storage: StorageSettings,
}

/// Where a vault keeps its blobs: the `[storage]` table of `vault.toml`. Every program
/// that opens the vault reads it, so that the server and the `vault` commands use the same
/// stores; flags override it for one run. Never holds a credential: those come from the
/// environment or a file.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StorageSettings {
    /// The blob store: absent for `blobs/` in the data directory; `s3://BUCKET/PREFIX`, or
    /// a directory.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub blobs: Option<String>,
    /// A second store that receives every blob too (`s3://...` or a directory).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mirror: Option<String>,
    /// The S3 endpoint (`https://s3.example.org`); absent for AWS.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub s3_endpoint: Option<String>,
    /// The S3 region.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub s3_region: Option<String>,
    /// Path-style S3 requests (`endpoint/bucket/key`), as Garage and MinIO expect.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub s3_path_style: bool,
}

impl StorageSettings {
    /// Whether nothing is set (blobs in the data directory).
    pub fn is_default(&self) -> bool {
        *self == StorageSettings::default()
    }

    /// Reads the `[storage]` table of the vault in `path` (no lock taken: it is public).
    pub fn read(path: &Path) -> Result<StorageSettings> {
        if !path.join("vault.toml").is_file() {
            return Err(Error::NotAVault {
                path: path.to_path_buf(),
            });
        }
        Ok(VaultToml::read(&path.join("vault.toml"))?.storage)
    }
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            public_url: "http://127.0.0.1:8080".into(),
            kdf: KdfParams::default(),
            max_document_bytes: 2 * 1024 * 1024 * 1024,
            storage: StorageSettings::default(),
        }
    }
}

/// The content of `vault.toml`.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub(crate) struct VaultToml {
    pub format_version: u32,
    pub public_url: String,
    pub recovery_recipient: PublicKey,
    /// Names the access log in its checkpoints.
    pub log_origin: String,
    /// Ed25519 public key that verifies the log's checkpoints (hex).
    pub log_public_key: String,
    pub argon2: KdfParams,
    pub limits: Limits,
    #[serde(default, skip_serializing_if = "StorageSettings::is_default")]
    pub storage: StorageSettings,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub(crate) struct Limits {
    pub max_document_bytes: u64,
}

impl VaultToml {
    pub(crate) fn read(path: &Path) -> Result<Self> {
        let text = std::fs::read_to_string(path)
            .map_err(|_| Error::damaged(crate::Damage::ConfigUnreadable))?;
        // Read the version first, so a newer format says so instead of "damaged".
        #[derive(Deserialize)]
        struct Version {
            format_version: u32,
        }
        let version: Version =
            toml::from_str(&text).map_err(|_| Error::damaged(crate::Damage::ConfigNoVersion))?;
        if version.format_version > FORMAT_VERSION {
            return Err(Error::NewerFormat {
                found: version.format_version,
                supported: FORMAT_VERSION,
            });
        }
        let parsed: VaultToml =
            toml::from_str(&text).map_err(|_| Error::damaged(crate::Damage::ConfigMalformed))?;
        parsed.argon2.validate()?;
        Ok(parsed)
    }

    /// Parses the text of a `vault.toml` (from a backup).
    pub(crate) fn parse(text: &str) -> Result<Self> {
        let parsed: VaultToml =
            toml::from_str(text).map_err(|_| Error::damaged(crate::Damage::ConfigMalformed))?;
        if parsed.format_version > FORMAT_VERSION {
            return Err(Error::NewerFormat {
                found: parsed.format_version,
                supported: FORMAT_VERSION,
            });
        }
        parsed.argon2.validate()?;
        Ok(parsed)
    }

    pub(crate) fn to_text(&self) -> Result<String> {
        let body = toml::to_string_pretty(self)
            .map_err(|_| Error::Catalog("cannot write vault.toml".into()))?;
        Ok(format!(
            "# Public settings of this vault. Nothing here is secret.\n\
             # Do not edit format_version or recovery_recipient.\n{body}"
        ))
    }
}
