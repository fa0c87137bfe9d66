//! Ids typed by people: any unique prefix of at least 8 characters.

use crate::error::{Error, Result};
use crate::ids::{CaseId, DocumentId, LinkId};
use crate::vault::Vault;

/// The shortest prefix accepted.
pub const MIN_PREFIX: usize = 8;

impl Vault {
    /// The one key under `space/` whose id starts with `prefix`.
    fn resolve(&self, space: &str, kind: &'static str, prefix: &str) -> Result<String> {
        let prefix = prefix.trim().to_ascii_lowercase();
        if prefix.len() < MIN_PREFIX
            || prefix.len() > 32
            || !prefix.bytes().all(|b| b.is_ascii_hexdigit())
        {
            return Err(Error::Invalid(crate::Problem::IdPrefixShort));
        }
        let keys = self.inner.catalog.keys(&format!("{space}/{prefix}"))?;
        match keys.as_slice() {
            [one] => Ok(one[space.len() + 1..].to_string()),
            [] => Err(Error::not_found(kind, prefix)),
            _ => Err(Error::Invalid(crate::Problem::IdPrefixAmbiguous)),
        }
    }

    /// The case whose id starts with `prefix` (at least 8 hex characters).
    pub fn resolve_case(&self, prefix: &str) -> Result<CaseId> {
        self.resolve("case", "case", prefix)?.parse()
    }

    /// The document whose id starts with `prefix` (at least 8 hex characters).
    pub fn resolve_document(&self, prefix: &str) -> Result<DocumentId> {
        self.resolve("docindex", "document", prefix)?.parse()
    }

    /// The share link whose id starts with `prefix` (at least 8 hex characters).
    pub fn resolve_share(&self, prefix: &str) -> Result<LinkId> {
        self.resolve("share", "share link", prefix)?.parse()
    }

    /// The upload link whose id starts with `prefix` (at least 8 hex characters).
    pub fn resolve_upload_link(&self, prefix: &str) -> Result<LinkId> {
        self.resolve("uplink", "upload link", prefix)?.parse()
    }
}
