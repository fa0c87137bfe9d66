//! Random identifiers and time.
//!
//! Ids are 128 random bits in lower-case hex: they say nothing about what they name, so
//! the catalogue and the access log can hold them without revealing anyone.

use std::time::{SystemTime, UNIX_EPOCH};

use crate::error::{Error, Result};

/// Fills `buf` with random bytes from the operating system.
pub(crate) fn random_bytes(buf: &mut [u8]) -> Result<()> {
    getrandom::fill(buf).map_err(|e| Error::Io(std::io::Error::other(e.to_string())))
}

/// A fresh random id (32 hex characters).
pub(crate) fn new_id() -> Result<String> {
    let mut bytes = [0u8; 16];
    random_bytes(&mut bytes)?;
    Ok(hex::encode(bytes))
}

/// Seconds since the Unix epoch.
pub fn now() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0)
}

macro_rules! id_type {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize)]
        #[serde(transparent)]
        pub struct $name(String);

        impl $name {
            #[allow(dead_code)]
            pub(crate) fn generate() -> Result<Self> {
                new_id().map($name)
            }

            /// The id as text.
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl std::str::FromStr for $name {
            type Err = Error;
            /// Accepts exactly 32 lower-case hex characters.
            fn from_str(s: &str) -> Result<Self> {
                if s.len() == 32 && s.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f')) {
                    Ok($name(s.to_owned()))
                } else {
                    Err(Error::Invalid(crate::Problem::IdFormat))
                }
            }
        }
    };
}

id_type!(
    /// Identifies a user.
    UserId
);
id_type!(
    /// Identifies a team.
    TeamId
);
id_type!(
    /// Identifies a case (one beneficiary's file).
    CaseId
);
id_type!(
    /// Identifies a document (all its versions).
    DocumentId
);
id_type!(
    /// Identifies a share or upload link: derived from its token, which is never stored.
    LinkId
);
