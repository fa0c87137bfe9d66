//! Links for people without an account: share links (a lawyer downloads some documents of
//! a case) and upload links (a beneficiary hands over photos of their papers).
//!
//! A link's token is 32 random bytes, shown once in its address and never stored. The
//! catalogue keeps only what the token derives: the link's id (BLAKE3 `derive_key`), and
//! for a share link the document keys wrapped to an X25519 key derived from the token
//! (mixed with argon2id of a passphrase when there is one). Expiry, exhaustion, revocation
//! and locking delete those wraps: a dead link's token opens nothing, even with a copy of
//! the disk made afterwards.
//!
//! ```text
//! share/<id>            ShareRecord: case, documents, expiry, counts, state
//! sharewrap/<id>/<doc>  the document version key, wrapped to the link's key
//! sharelabel/<id>       "Me Dupont", sealed to the case key
//! sharemsg/<id>         the message to the recipient, sealed to the link's key and the case key
//! sharekeys/<id>        the lawyer's own age recipients, sealed to the link's key and the case key
//! uplink/<id>           UploadRecord: case, expiry, limits, counts, state
//! linkidx/<case>/<id>   "share", "upload" or "space": the links of a case
//! space/<id>, spacewrap/<id>   a beneficiary's own space (see `space.rs`)
//! ```

pub(crate) mod share;
pub(crate) mod space;
pub(crate) mod upload;

use std::fmt;
use std::sync::{Arc, Mutex, PoisonError};

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use secrecy::SecretString;
use serde::{Deserialize, Serialize};
use zeroize::Zeroizing;

use crate::catalog::Batch;
use crate::error::Result;
use crate::ids::{random_bytes, CaseId, LinkId};
use crate::keys::SecretKey;
use crate::vault::Vault;

/// Share links: 7 days unless said otherwise, 30 at most.
pub const SHARE_DEFAULT_TTL: u64 = 7 * 86_400;
/// Longest life of a share link.
pub const SHARE_MAX_TTL: u64 = 30 * 86_400;
/// Downloads of a share link unless said otherwise.
pub const SHARE_DEFAULT_DOWNLOADS: u32 = 5;
/// Most downloads of a share link.
pub const SHARE_MAX_DOWNLOADS: u32 = 50;
/// Wrong passphrases before a share link locks.
pub const PASSPHRASE_TRIES: u32 = 10;
/// Upload links: 3 days unless said otherwise, 30 at most.
pub const UPLOAD_DEFAULT_TTL: u64 = 3 * 86_400;
/// Longest life of an upload link.
pub const UPLOAD_MAX_TTL: u64 = 30 * 86_400;
/// Files an upload link takes unless said otherwise.
pub const UPLOAD_DEFAULT_FILES: u32 = 10;
/// Most files of an upload link.
pub const UPLOAD_MAX_FILES: u32 = 100;
/// Bytes an upload link takes unless said otherwise (200 MiB).
pub const UPLOAD_DEFAULT_BYTES: u64 = 200 << 20;

/// A link's secret: 32 random bytes, base64url in the link's address. Never stored.
pub struct LinkToken(Zeroizing<[u8; 32]>);

impl fmt::Debug for LinkToken {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("LinkToken(***)")
    }
}

impl LinkToken {
    pub(crate) fn generate() -> Result<LinkToken> {
        let mut bytes = Zeroizing::new([0u8; 32]);
        random_bytes(bytes.as_mut())?;
        Ok(LinkToken(bytes))
    }

    /// Reads a token from an address; `None` unless it is 43 base64url characters of 32
    /// bytes (so anything else is answered like an unknown link).
    pub fn parse(text: &str) -> Option<LinkToken> {
        if text.len() != 43 {
            return None;
        }
        let mut bytes = Zeroizing::new([0u8; 32]);
        let decoded = Zeroizing::new(URL_SAFE_NO_PAD.decode(text).ok()?);
        if decoded.len() != 32 {
            return None;
        }
        bytes.copy_from_slice(&decoded);
        Some(LinkToken(bytes))
    }

    /// The token as it appears in the address.
    pub fn to_secret_string(&self) -> SecretString {
        SecretString::from(URL_SAFE_NO_PAD.encode(&self.0[..]))
    }

    /// The link's id: what the catalogue and the log know of it.
    pub fn id(&self) -> LinkId {
        let derived = blake3::derive_key("vault link id v1", &self.0[..]);
        hex::encode(&derived[..16])
            .parse()
            .expect("32 hex characters are an id")
    }

    /// The link's X25519 key; with a passphrase, argon2id of it is mixed in.
    pub(crate) fn key(&self, passphrase: Option<&[u8; 32]>) -> Result<SecretKey> {
        let mut seed = Zeroizing::new(blake3::derive_key("vault link key v1", &self.0[..]));
        if let Some(stretched) = passphrase {
            *seed = *blake3::keyed_hash(&seed, stretched).as_bytes();
        }
        SecretKey::from_seed(&seed)
    }
}

/// Where a link stands. Only `Live` links do anything; the others answer like unknown
/// links.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum LinkStatus {
    /// Usable.
    Live,
    /// Past its expiry.
    Expired,
    /// Its downloads or files are used up.
    Exhausted,
    /// Revoked by a volunteer.
    Revoked,
    /// Locked after too many wrong passphrases.
    Locked,
}

/// Checks a requested lifetime in seconds: `None` is `default`; 0 and more than `max`
/// are refused.
pub(crate) fn lifetime(asked: Option<u64>, default: u64, max: u64) -> Result<u64> {
    let ttl = asked.unwrap_or(default);
    if ttl == 0 || ttl > max {
        return Err(crate::Error::Invalid(crate::Problem::Expiry {
            max_days: u32::try_from(max / 86_400).unwrap_or(u32::MAX),
        }));
    }
    Ok(ttl)
}

impl Vault {
    /// The lock that serialises one upload link's uploads.
    pub(crate) fn link_lock(&self, id: &LinkId) -> Arc<Mutex<()>> {
        let mut locks = self
            .inner
            .link_locks
            .lock()
            .unwrap_or_else(PoisonError::into_inner);
        // Forget locks no upload holds any more.
        locks.retain(|_, l| Arc::strong_count(l) > 1);
        locks.entry(id.clone()).or_default().clone()
    }

    /// The ids of every link of `case` (share links, upload links and spaces alike:
    /// `linkidx/<case>/<id>`), for whoever was allowed to see the case.
    pub(crate) fn link_ids_of(&self, case: &CaseId) -> Result<Vec<LinkId>> {
        self.inner
            .catalog
            .keys(&format!("linkidx/{case}/"))?
            .iter()
            .map(|key| key.rsplit('/').next().unwrap_or_default().parse())
            .collect()
    }

    /// Adds to `batch` the removal of every link of `case` (erasure).
    pub(crate) fn remove_case_links(&self, batch: &mut Batch, case: &CaseId) -> Result<()> {
        let catalog = &self.inner.catalog;
        for key in catalog.keys(&format!("linkidx/{case}/"))? {
            let id = key.rsplit('/').next().unwrap_or_default();
            for k in catalog.keys(&format!("sharewrap/{id}/"))? {
                batch.remove(&k);
            }
            batch.remove(&format!("share/{id}"));
            batch.remove(&format!("sharelabel/{id}"));
            batch.remove(&format!("sharemsg/{id}"));
            batch.remove(&format!("sharekeys/{id}"));
            batch.remove(&format!("uplink/{id}"));
            batch.remove(&format!("space/{id}"));
            batch.remove(&format!("spacewrap/{id}"));
            batch.remove(&key);
        }
        Ok(())
    }

    /// Destroys the keys of share links that died by expiry since the last sweep, and
    /// records it. Returns how many links were swept. The server runs it at start and
    /// every few minutes; exhausted, revoked and locked links lose their keys at once.
    pub fn sweep_links(&self, now: u64) -> Result<usize> {
        Ok(self.sweep_shares(now)? + self.sweep_spaces(now)?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_round_trip_and_derive_stable_ids_and_keys() {
        let t = LinkToken::generate().unwrap();
        let text = secrecy::ExposeSecret::expose_secret(&t.to_secret_string()).to_owned();
        assert_eq!(text.len(), 43);
        let back = LinkToken::parse(&text).unwrap();
        assert_eq!(back.id(), t.id());
        assert_eq!(
            back.key(None).unwrap().public(),
            t.key(None).unwrap().public()
        );
        let p = [7u8; 32];
        assert_ne!(
            t.key(Some(&p)).unwrap().public(),
            t.key(None).unwrap().public()
        );
        assert_ne!(LinkToken::generate().unwrap().id(), t.id());
        for bad in [
            "",
            "short",
            &text[..42],
            &format!("{text}A"),
            &text.replace(&text[..1], "*"),
        ] {
            assert!(LinkToken::parse(bad).is_none(), "{bad}");
        }
        assert_eq!(format!("{t:?}"), "LinkToken(***)");
    }

    #[test]
    fn lifetimes_are_bounded() {
        assert_eq!(lifetime(None, 5, 10).unwrap(), 5);
        assert_eq!(lifetime(Some(10), 5, 10).unwrap(), 10);
        assert!(lifetime(Some(0), 5, 10).is_err());
        assert!(lifetime(Some(11), 5, 10).is_err());
    }
}
