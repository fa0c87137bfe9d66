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
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            public_url: "http://127.0.0.1:8080".into(),
            kdf: KdfParams::default(),
            max_document_bytes: 2 * 1024 * 1024 * 1024,
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
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub(crate) struct Limits {
    pub max_document_bytes: u64,
}

impl VaultToml {
    pub(crate) fn read(path: &Path) -> Result<Self> {
        let text = std::fs::read_to_string(path)
            .map_err(|_| Error::damaged("vault.toml cannot be read"))?;
        // Read the version first, so a newer format says so instead of "damaged".
        #[derive(Deserialize)]
        struct Version {
            format_version: u32,
        }
        let version: Version = toml::from_str(&text)
            .map_err(|_| Error::damaged("vault.toml has no format_version"))?;
        if version.format_version > FORMAT_VERSION {
            return Err(Error::NewerFormat {
                found: version.format_version,
                supported: FORMAT_VERSION,
            });
        }
        let parsed: VaultToml =
            toml::from_str(&text).map_err(|_| Error::damaged("vault.toml is malformed"))?;
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
