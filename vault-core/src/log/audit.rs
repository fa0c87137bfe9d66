//! Recording operations: who did what to which ids, with which outcome.
//!
//! Changes record their event durably *before* their catalogue batch is applied, as
//! `begun`, and again as `ok` or `failed` once it is ([`Vault::commit`], write-ahead); reads record theirs, durably, before returning
//! anything ([`Vault::audited`]); refusals and failures are recorded too. If the log cannot be written the operation fails with
//! [`Error::LogUnavailable`] and returns nothing: fail closed.

use crate::log::action::Action;
use std::net::IpAddr;
use std::sync::PoisonError;

use ed25519_dalek::SigningKey;
use zeroize::Zeroizing;

use crate::catalog::Batch;
use crate::error::Why;
use crate::error::{Error, Result};
use crate::ids::{now, random_bytes};
use crate::keys::{self, PublicKey, SecretKey};
use crate::log::event::Outcome;
use crate::log::store::NewEvent;
use crate::vault::{Session, Vault};

/// Who acts, as the log names them.
#[derive(Clone)]
pub(crate) struct Actor {
    pub id: String,
    pub client: Option<String>,
}

impl Actor {
    pub(crate) fn system() -> Actor {
        Actor {
            id: "system".into(),
            client: None,
        }
    }
}

impl Session {
    pub(crate) fn actor(&self) -> Actor {
        Actor {
            id: self.user.id.to_string(),
            client: self.client.clone(),
        }
    }
}

/// The event an operation is building: targets are added as they become known.
pub(crate) struct Audit {
    actor: Actor,
    action: Action,
    targets: Vec<String>,
    /// The targets again, so that adding one stays cheap when an event names a whole
    /// team's cases (a key rotation, an index build over 100,000 cases).
    seen: std::collections::HashSet<String>,
    committed: bool,
}

impl Audit {
    pub(crate) fn target(&mut self, kind: &str, id: impl std::fmt::Display) {
        let t = target(kind, id);
        if self.seen.insert(t.clone()) {
            self.targets.push(t);
        }
    }

    /// The operation's action, e.g. `share.open`.
    pub(crate) fn action(&self) -> Action {
        self.action
    }

    fn event(&self, action: Action, outcome: Outcome) -> NewEvent {
        NewEvent {
            actor: self.actor.id.clone(),
            action,
            outcome,
            targets: self.targets.clone(),
            client: self.actor.client.clone(),
        }
    }
}

/// Builds a target string: `kind:id`.
pub(crate) fn target(kind: &str, id: impl std::fmt::Display) -> String {
    format!("{kind}:{id}")
}

fn outcome_of(e: &Error) -> Outcome {
    match e {
        Error::Denied(_)
        | Error::BadCredentials
        | Error::BadRecoveryKey
        | Error::Immutable
        | Error::LinkUnavailable
        | Error::PassphraseRequired
        | Error::WrongPassphrase { .. }
        | Error::LinkFull => Outcome::Denied,
        _ => Outcome::Failed,
    }
}

impl Vault {
    /// Runs `f` and records its event. A read's event is durable before its result is
    /// returned; a change records its event through [`Vault::commit`] inside `f`.
    pub(crate) fn audited<T>(
        &self,
        actor: Actor,
        action: Action,
        targets: Vec<String>,
        f: impl FnOnce(&mut Audit) -> Result<T>,
    ) -> Result<T> {
        let mut audit = Audit {
            actor,
            action,
            seen: targets.iter().cloned().collect(),
            targets,
            committed: false,
        };
        let result = f(&mut audit);
        let outcome = match &result {
            // A committed change has its event; a later step's failure (say, deleting
            // blobs) does not undo it.
            _ if audit.committed => return result,
            Ok(_) => Outcome::Ok,
            Err(Error::LogUnavailable) => return result,
            Err(e) => outcome_of(e),
        };
        self.append_events(vec![audit.event(action, outcome)])?;
        result
    }

    /// Applies a change together with its event (and `also`, further events), atomically.
    pub(crate) fn commit(&self, batch: Batch, audit: &mut Audit, also: &[Action]) -> Result<()> {
        let mut events = vec![audit.event(audit.action, Outcome::Ok)];
        events.extend(also.iter().map(|a| audit.event(*a, Outcome::Ok)));
        // Once the change is recorded (begun, then ok or failed), `audited` adds nothing.
        self.append_change(batch, events, &mut audit.committed)
    }

    /// Applies a change with events of their own outcomes (the operation's own action
    /// first): a refusal that still changes state, such as a wrong passphrase counted.
    pub(crate) fn commit_events(
        &self,
        batch: Batch,
        audit: &mut Audit,
        events: &[(Action, Outcome)],
    ) -> Result<()> {
        let events = events.iter().map(|(a, o)| audit.event(*a, *o)).collect();
        self.append_change(batch, events, &mut audit.committed)
    }

    /// The actor of a link's holder: `share:<id>` or `upload:<id>`, with the client's
    /// daily pseudonym.
    pub(crate) fn link_actor(
        &self,
        kind: &str,
        id: impl std::fmt::Display,
        client: Option<IpAddr>,
    ) -> Result<Actor> {
        Ok(Actor {
            id: format!("{kind}:{id}"),
            client: client.map(|a| self.client_pseudonym(a)).transpose()?,
        })
    }

    /// The pseudonym of a client address: keyed BLAKE3 with a random key that lives in
    /// memory only and changes every day (UTC), so the log cannot be mapped back to
    /// addresses, nor linked across days.
    pub fn client_pseudonym(&self, address: IpAddr) -> Result<String> {
        let day = now() / 86_400;
        let mut slot = self
            .inner
            .pseudonym_key
            .lock()
            .unwrap_or_else(PoisonError::into_inner);
        if slot.as_ref().is_none_or(|(d, _)| *d != day) {
            let mut key = Zeroizing::new([0u8; 32]);
            random_bytes(key.as_mut())?;
            *slot = Some((day, key));
        }
        let key = &slot.as_ref().ok_or(Error::LogUnavailable)?.1;
        Ok(blake3::keyed_hash(key, address.to_string().as_bytes())
            .to_hex()
            .to_string())
    }

    /// Generates the log signing key; wraps its seed to `admin` and the recovery key.
    pub(crate) fn new_log_key(
        batch: &mut Batch,
        admin: &crate::ids::UserId,
        admin_key: &PublicKey,
        recovery: &PublicKey,
    ) -> Result<String> {
        let mut seed = Zeroizing::new([0u8; 32]);
        random_bytes(seed.as_mut())?;
        let key = SigningKey::from_bytes(&seed);
        batch.put_raw(
            &format!("wrap/logkey/{admin}"),
            keys::seal(seed.as_ref(), &[admin_key])?,
        );
        batch.put_raw(
            "wrap/logkey/recovery",
            keys::seal(seed.as_ref(), &[recovery])?,
        );
        Ok(hex::encode(key.verifying_key().to_bytes()))
    }

    /// The log signing key, opened with an admin's key.
    pub(crate) fn log_signing_key(&self, session: &Session) -> Result<SigningKey> {
        let wrap = self
            .inner
            .catalog
            .raw(&format!("wrap/logkey/{}", session.user.id))?
            .ok_or(Error::Denied(Why::AdminsSignCheckpoints))?;
        self.open_log_key(&wrap, &session.key)
    }

    fn open_log_key(&self, wrap: &[u8], with: &SecretKey) -> Result<SigningKey> {
        let seed =
            keys::open(wrap, with)?.ok_or_else(|| Error::damaged(crate::Damage::LogKeyWrap))?;
        let seed: Zeroizing<[u8; 32]> = Zeroizing::new(
            seed.as_slice()
                .try_into()
                .map_err(|_| Error::damaged(crate::Damage::LogKeyWrap))?,
        );
        let key = SigningKey::from_bytes(&seed);
        if hex::encode(key.verifying_key().to_bytes()) != self.inner.toml.log_public_key {
            return Err(Error::damaged(crate::Damage::LogKeyMismatch));
        }
        Ok(key)
    }

    /// Wraps the log key to a new admin (the acting admin opens it).
    pub(crate) fn share_log_key(
        &self,
        batch: &mut Batch,
        actor: &Session,
        new_admin: &crate::ids::UserId,
        new_admin_key: &PublicKey,
    ) -> Result<()> {
        let key = self.log_signing_key(actor)?;
        let seed = Zeroizing::new(key.to_bytes());
        batch.put_raw(
            &format!("wrap/logkey/{new_admin}"),
            keys::seal(seed.as_ref(), &[new_admin_key])?,
        );
        Ok(())
    }
}
