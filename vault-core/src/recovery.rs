//! The recovery key: its split among custodians and its rotation.
//!
//! Every user, team and case key is wrapped to the recovery recipient
//! (`wrap/<kind>/<id>/recovery`), and the log key's seed is sealed to it
//! (`wrap/logkey/recovery`). Rotating the recovery key re-wraps each of them to a new one in
//! one catalogue batch, which also records the new recipient (`recovery/recipient`): the
//! catalogue is the truth, `vault.toml` a copy that [`Vault::open`] brings up to date if a
//! crash came between the two.

use secrecy::SecretString;
use zeroize::Zeroizing;

use crate::catalog::Batch;
use crate::error::{Error, Result, Why};
use crate::keys::{self, PublicKey, SecretKey};
use crate::log::action::Action;
use crate::model::Role;
use crate::vault::{Session, Vault};

/// The catalogue key of the current recovery recipient (written by a rotation).
pub(crate) const RECIPIENT: &str = "recovery/recipient";
/// The log key's seed, sealed to the recovery key.
const LOG_KEY: &str = "wrap/logkey/recovery";
/// The kinds whose keys are wrapped to the recovery key, `wrap/<kind>/<id>/recovery`.
const WRAPPED: [&str; 3] = ["user", "team", "case"];

/// What a rotation did.
pub struct Rotated {
    /// The new key's shares, already handed to the caller's `deliver`.
    pub shares: Vec<SecretString>,
    /// How many wraps now open with the new key only.
    pub rewrapped: usize,
    /// Whether the catalogue's files were rewritten without the old wraps. When not (the
    /// rotation is in force all the same), their bytes stay in sled's files until its next
    /// compaction (an erasure, or the next rotation).
    pub compacted: bool,
}

impl Vault {
    /// Only an admin, with the vault's current recovery key, acts with it.
    pub(crate) fn check_recovery(&self, admin: &Session, key: &SecretKey) -> Result<()> {
        if admin.user.role != Role::Admin {
            return Err(Error::Denied(Why::AdminsRecoverAccounts));
        }
        if key.public() != self.recovery_public() {
            return Err(Error::BadRecoveryKey);
        }
        Ok(())
    }

    /// Splits the recovery key into `shares` shares for custodians, any `threshold` of
    /// which give it back ([`crate::combine_shares`]); an admin's act, with the key, in the
    /// log (the shares themselves are never stored).
    pub fn split_recovery(
        &self,
        admin: &Session,
        recovery_key: &SecretKey,
        shares: u8,
        threshold: u8,
    ) -> Result<Vec<SecretString>> {
        self.audited(admin.actor(), Action::RecoverySplit, vec![], |_| {
            self.check_recovery(admin, recovery_key)?;
            crate::shares::split_key(recovery_key, shares, threshold)
        })
    }

    /// Replaces the recovery key (a custodian left, a share was lost or seen): a new key
    /// is made and split into `shares` shares (`threshold` of them give it back), every
    /// wrap to the old key is replaced by one to the new key, and the old key and its
    /// shares open nothing from then on.
    ///
    /// `deliver` gets the new shares before anything changes (to write them out durably):
    /// if it fails, the rotation does not happen and the old key stays. An error always
    /// means the old key is still in force (and the delivered shares open nothing). The
    /// rotation is in the log.
    pub fn rotate_recovery(
        &self,
        admin: &Session,
        old: &SecretKey,
        shares: u8,
        threshold: u8,
        deliver: impl FnOnce(&[SecretString]) -> Result<()>,
    ) -> Result<Rotated> {
        self.audited(admin.actor(), Action::RecoveryRotate, vec![], |audit| {
            self.check_recovery(admin, old)?;
            let new = SecretKey::generate();
            let split = crate::shares::split_key(&new, shares, threshold)?;
            // Under the write lock: no user, team or case made meanwhile is wrapped to
            // the old key after its wraps were read.
            let _guard = self.write_lock();
            let mut batch = Batch::default();
            let to = new.public();
            let mut rewrapped = 0;
            for kind in WRAPPED {
                for (key, wrap) in self.inner.catalog.scan(&format!("wrap/{kind}/"))? {
                    if !key.ends_with("/recovery") {
                        continue;
                    }
                    // The old key is the vault's: a wrap it does not open is damage.
                    let inner = keys::unwrap(&wrap, old)?
                        .ok_or_else(|| Error::damaged(crate::Damage::KeyWrap))?;
                    batch.put_raw(&key, keys::wrap(&inner, &[&to])?);
                    rewrapped += 1;
                }
            }
            if let Some(sealed) = self.inner.catalog.raw(LOG_KEY)? {
                let seed: Zeroizing<Vec<u8>> = keys::open(&sealed, old)?
                    .ok_or_else(|| Error::damaged(crate::Damage::LogKeyWrap))?;
                batch.put_raw(LOG_KEY, keys::seal(&seed, &[&to])?);
                rewrapped += 1;
            }
            batch.put(RECIPIENT, &to)?;
            deliver(&split)?;
            self.commit(batch, audit, &[])?;
            self.set_recovery(to);
            // Without this, sled would keep the old wraps' bytes in its files for a while:
            // a copy of the disk and an old share would still open them. Its failure is
            // told, not returned: the new key is in force, and an error would say it is not.
            let compacted = self.inner.catalog.compact().is_ok();
            Ok(Rotated {
                shares: split,
                rewrapped,
                compacted,
            })
        })
    }

    /// The recovery recipient that new wraps go to.
    pub(crate) fn recovery_public(&self) -> PublicKey {
        self.inner
            .recovery
            .read()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .clone()
    }

    /// After a rotation: new wraps go to `to`, and `vault.toml` says so. The catalogue
    /// already does; a `vault.toml` that could not be written now is mended at the next
    /// open, so its failure is not the rotation's.
    fn set_recovery(&self, to: PublicKey) {
        *self
            .inner
            .recovery
            .write()
            .unwrap_or_else(std::sync::PoisonError::into_inner) = to;
        let _ = self.write_toml();
    }
}
