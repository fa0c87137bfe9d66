//! A beneficiary's own space: a personal link and a short passcode, handed over at the
//! desk. With both, the person sees their own documents, downloads them, reads every access
//! to their case (their right of access) and can make a share link for their own lawyer.
//!
//! The case key is wrapped to an X25519 key derived from the link's token and argon2id of
//! the passcode; the catalogue keeps only the public half (so that a key rotation can wrap
//! the new case key to it), the salt and the state. Ten wrong passcodes lock the space and
//! delete the wrap; revocation and expiry delete it too.
//!
//! ```text
//! space/<id>            SpaceRecord: case, creator, expiry, state, salt, public key
//! spacewrap/<id>        the case key, wrapped to the space's key
//! linkidx/<case>/<id>   "space"
//! ```

use crate::log::action::Action;
use std::fmt;
use std::net::IpAddr;

use secrecy::{ExposeSecret, SecretString};
use serde::{Deserialize, Serialize};
use zeroize::Zeroizing;

use super::share::{NewShare, PassphraseKdf, ShareInfo};
use super::{lifetime, LinkStatus, LinkToken, PASSPHRASE_TRIES};
use crate::catalog::Batch;
use crate::copies::{Form, Outgoing};
use crate::error::{Error, Result};
use crate::ids::{random_bytes, CaseId, DocumentId, LinkId, UserId};
use crate::keys::{self, PublicKey, SecretKey};
use crate::log::audit::{target, Actor};
use crate::log::event::{Event, Outcome};
use crate::model::{DocumentInfo, DocumentMeta};
use crate::vault::{Session, Vault};

/// A space lives 90 days unless said otherwise.
pub const SPACE_DEFAULT_TTL: u64 = 90 * 86_400;
/// Longest life of a space (it can be made again).
pub const SPACE_MAX_TTL: u64 = 365 * 86_400;

/// The passcode's alphabet: no 0/O, 1/I/L to confuse when read aloud or copied by hand.
const ALPHABET: &[u8] = b"ABCDEFGHJKMNPQRSTUVWXYZ23456789";

#[derive(Clone, Serialize, Deserialize)]
pub(crate) struct SpaceRecord {
    id: LinkId,
    case: CaseId,
    creator: UserId,
    created: u64,
    expires: u64,
    revoked: bool,
    failed: u32,
    locked: bool,
    kdf: PassphraseKdf,
    public: PublicKey,
}

impl SpaceRecord {
    fn status(&self, now: u64) -> LinkStatus {
        if self.revoked {
            LinkStatus::Revoked
        } else if self.locked {
            LinkStatus::Locked
        } else if now >= self.expires {
            LinkStatus::Expired
        } else {
            LinkStatus::Live
        }
    }

    fn targets(&self) -> Vec<String> {
        vec![target("case", &self.case), target("space", &self.id)]
    }
}

/// A space as the members of the case's team see it (never its link or passcode).
#[derive(Clone, Debug, Serialize)]
pub struct SpaceInfo {
    /// The space's id.
    pub id: LinkId,
    /// Its case.
    pub case: CaseId,
    /// Who made it.
    pub creator: UserId,
    /// When (Unix seconds).
    pub created: u64,
    /// Until when.
    pub expires: u64,
    /// Live or why not.
    pub status: LinkStatus,
}

impl From<(&SpaceRecord, u64)> for SpaceInfo {
    fn from((r, now): (&SpaceRecord, u64)) -> Self {
        SpaceInfo {
            id: r.id.clone(),
            case: r.case.clone(),
            creator: r.creator.clone(),
            created: r.created,
            expires: r.expires,
            status: r.status(now),
        }
    }
}

/// A beneficiary with their space open: the space's own key (from the link's token and
/// the passcode), held while their session lasts. Every use checks that the space is still
/// live and unwraps the case key anew from `spacewrap/<id>`: a key rotation (re-wrapped
/// there) is followed, a revocation or a lock (wrap deleted) closes open sessions at once.
/// No Debug of the key.
pub struct Space {
    id: LinkId,
    case: CaseId,
    space_key: SecretKey,
    actor: Actor,
}

impl fmt::Debug for Space {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Space({})", self.id)
    }
}

impl Space {
    /// The space's id.
    pub fn id(&self) -> &LinkId {
        &self.id
    }

    /// The case it opens.
    pub fn case(&self) -> &CaseId {
        &self.case
    }
}

/// A new passcode: 8 characters of [`ALPHABET`], shown as `ABCD-2345`.
fn generate_passcode() -> Result<SecretString> {
    let mut bytes = Zeroizing::new([0u8; 8]);
    random_bytes(bytes.as_mut())?;
    let mut code = Zeroizing::new(String::with_capacity(9));
    for (i, b) in bytes.iter().enumerate() {
        if i == 4 {
            code.push('-');
        }
        // 256 is not a multiple of 31: the bias (at most 1/8) costs a fraction of a bit.
        code.push(ALPHABET[*b as usize % ALPHABET.len()] as char);
    }
    Ok(SecretString::from(code.to_string()))
}

/// A passcode as typed: case, spaces and dashes do not matter.
fn normalise(passcode: &str) -> Zeroizing<String> {
    Zeroizing::new(
        passcode
            .chars()
            .filter(|c| !c.is_whitespace() && *c != '-')
            .flat_map(char::to_uppercase)
            .collect(),
    )
}

impl Vault {
    fn space_record(&self, id: &LinkId) -> Result<Option<SpaceRecord>> {
        self.inner.catalog.record(&format!("space/{id}"))
    }

    /// Makes a space for the person of a case. Returns the token (for the address) and
    /// the passcode, both shown once and stored nowhere.
    pub fn create_space(
        &self,
        session: &Session,
        case: &CaseId,
        expires_in: Option<u64>,
    ) -> Result<(SpaceInfo, LinkToken, SecretString)> {
        self.audited(
            session.actor(),
            Action::SpaceCreate,
            vec![target("case", case)],
            |audit| {
                let ttl = lifetime(expires_in, SPACE_DEFAULT_TTL, SPACE_MAX_TTL)?;
                let (_, case_key) = self.case_key(session, case)?;
                let token = LinkToken::generate()?;
                let passcode = generate_passcode()?;
                let id = token.id();
                audit.target("space", &id);
                let mut salt = [0u8; 16];
                random_bytes(&mut salt)?;
                let params = self.inner.toml.argon2.clone();
                let typed = normalise(passcode.expose_secret());
                let stretched = keys::argon2id(typed.as_bytes(), &salt, &params)?;
                let space_key = token.key(Some(&stretched))?;
                let created = self.now();
                let record = SpaceRecord {
                    id: id.clone(),
                    case: case.clone(),
                    creator: session.user.id.clone(),
                    created,
                    expires: created + ttl,
                    revoked: false,
                    failed: 0,
                    locked: false,
                    kdf: PassphraseKdf {
                        salt: hex::encode(salt),
                        params,
                    },
                    public: space_key.public(),
                };
                let mut batch = Batch::default();
                batch.put(&format!("space/{id}"), &record)?;
                batch.put_raw(
                    &format!("spacewrap/{id}"),
                    keys::wrap(&case_key, &[&record.public])?,
                );
                batch.put(&format!("linkidx/{case}/{id}"), &"space")?;
                let _guard = self.write_lock();
                // The keys may have rotated, or the case been erased, meanwhile.
                let (_, current) = self.case_key(session, case)?;
                if current.public() != case_key.public() {
                    return Err(Error::Invalid(crate::Problem::CaseKeysChanged));
                }
                self.commit(batch, audit, &[])?;
                Ok(((&record, created).into(), token, passcode))
            },
        )
    }

    /// The spaces of a case, newest first.
    pub fn list_spaces(&self, session: &Session, case: &CaseId) -> Result<Vec<SpaceInfo>> {
        self.audited(
            session.actor(),
            Action::SpaceList,
            vec![target("case", case)],
            |_| {
                self.case_key(session, case)?;
                self.spaces_of(case, self.now())
            },
        )
    }

    /// The personal spaces of a case (whoever asks was allowed).
    pub(crate) fn spaces_of(&self, case: &CaseId, now: u64) -> Result<Vec<SpaceInfo>> {
        let mut out: Vec<SpaceInfo> = Vec::new();
        for id in self.link_ids_of(case)? {
            if let Some(record) = self.space_record(&id)? {
                out.push((&record, now).into());
            }
        }
        out.sort_by(|a, b| b.created.cmp(&a.created).then(a.id.cmp(&b.id)));
        Ok(out)
    }

    /// Revokes a space: its wrap is deleted, it opens nothing any more.
    pub fn revoke_space(&self, session: &Session, id: &LinkId) -> Result<()> {
        self.audited(
            session.actor(),
            Action::SpaceRevoke,
            vec![target("space", id)],
            |audit| {
                let not_found = || Error::not_found("space", id.as_str());
                let record = self.space_record(id)?.ok_or_else(not_found)?;
                audit.target("case", &record.case);
                self.case_key(session, &record.case)?;
                let _guard = self.write_lock();
                let mut record = self.space_record(id)?.ok_or_else(not_found)?;
                record.revoked = true;
                let mut batch = Batch::default();
                batch.put(&format!("space/{id}"), &record)?;
                batch.remove(&format!("spacewrap/{id}"));
                self.commit(batch, audit, &[])
            },
        )
    }

    /// `Ok` when the space of `token` is live, else [`Error::LinkUnavailable`]. Records
    /// nothing: the server asks before showing the passcode form.
    pub fn check_space(&self, token: &LinkToken, now: u64) -> Result<()> {
        match self.space_record(&token.id())? {
            Some(r) if r.status(now) == LinkStatus::Live => Ok(()),
            _ => Err(Error::LinkUnavailable),
        }
    }

    /// Opens a space with its passcode (argon2: run it where that is bounded). A wrong
    /// passcode is counted and recorded; the tenth in a row (a right one starts the count
    /// again) locks the space and deletes its wrap.
    /// Dead, unknown and locked spaces give [`Error::LinkUnavailable`].
    pub fn open_space(
        &self,
        token: &LinkToken,
        passcode: &SecretString,
        client: Option<IpAddr>,
        now: u64,
    ) -> Result<Space> {
        let id = token.id();
        let record = self.space_record(&id)?.ok_or(Error::LinkUnavailable)?;
        let actor = self.link_actor("space", &id, client)?;
        self.audited(
            actor.clone(),
            Action::SpaceOpen,
            record.targets(),
            |audit| {
                if record.status(now) != LinkStatus::Live {
                    return Err(Error::LinkUnavailable);
                }
                let salt = hex::decode(&record.kdf.salt)
                    .map_err(|_| Error::damaged(crate::Damage::Space))?;
                let typed = normalise(passcode.expose_secret());
                let stretched = keys::argon2id(typed.as_bytes(), &salt, &record.kdf.params)?;
                let space_key = token.key(Some(&stretched))?;
                let wrap = self
                    .inner
                    .catalog
                    .raw(&format!("spacewrap/{id}"))?
                    .ok_or(Error::LinkUnavailable)?;
                if keys::unwrap(&wrap, &space_key)?.is_some() {
                    // The person knows their code: earlier typos no longer count, so that ten
                    // spread over a year do not lock them out. Ten wrong in a row still lock.
                    if record.failed > 0 {
                        let _guard = self.write_lock();
                        let mut current = self.space_record(&id)?.ok_or(Error::LinkUnavailable)?;
                        if current.locked {
                            return Err(Error::LinkUnavailable);
                        }
                        current.failed = 0;
                        let mut batch = Batch::default();
                        batch.put(&format!("space/{id}"), &current)?;
                        self.commit(batch, audit, &[])?;
                    }
                    return Ok(Space {
                        id: id.clone(),
                        case: record.case.clone(),
                        space_key,
                        actor: actor.clone(),
                    });
                }
                let _guard = self.write_lock();
                let mut record = self.space_record(&id)?.ok_or(Error::LinkUnavailable)?;
                record.failed += 1;
                let tries_left = PASSPHRASE_TRIES.saturating_sub(record.failed);
                let mut batch = Batch::default();
                let mut events = vec![
                    (audit.action(), Outcome::Denied),
                    (Action::SpacePasscodeFailed, Outcome::Denied),
                ];
                if tries_left == 0 {
                    record.locked = true;
                    batch.remove(&format!("spacewrap/{id}"));
                    events.push((Action::SpaceLocked, Outcome::Ok));
                }
                batch.put(&format!("space/{id}"), &record)?;
                self.commit_events(batch, audit, &events)?;
                Err(if tries_left == 0 {
                    Error::LinkUnavailable
                } else {
                    Error::WrongPassphrase { tries_left }
                })
            },
        )
    }

    /// The case key of an open space that is still live (not revoked, expired or locked
    /// since), unwrapped from its current wrap.
    fn live_space(&self, space: &Space, now: u64) -> Result<SecretKey> {
        match self.space_record(&space.id)? {
            Some(r) if r.status(now) == LinkStatus::Live => {}
            _ => return Err(Error::LinkUnavailable),
        }
        let wrap = self
            .inner
            .catalog
            .raw(&format!("spacewrap/{}", space.id))?
            .ok_or(Error::LinkUnavailable)?;
        keys::unwrap(&wrap, &space.space_key)?.ok_or_else(|| Error::damaged(crate::Damage::Space))
    }

    /// What the person's space shows, recorded as one `case.view` by the space: their
    /// documents and every access to their case (their right of access).
    pub fn space_home(&self, space: &Space, now: u64) -> Result<(Vec<DocumentInfo>, Vec<Event>)> {
        let targets = vec![target("case", &space.case), target("space", &space.id)];
        self.audited(space.actor.clone(), Action::CaseView, targets, |audit| {
            let key = self.live_space(space, now)?;
            let documents = self.documents_with_key(&space.case, &key)?;
            for d in &documents {
                audit.target("document", &d.id);
            }
            Ok((documents, self.case_events(&space.case)?))
        })
    }

    /// One of the person's documents (its newest version) as it leaves: a copy without
    /// hidden metadata when one can be made (a phone's photo carries where it was taken).
    /// Recorded before the first byte.
    pub fn space_document(
        &self,
        space: &Space,
        doc: &DocumentId,
        now: u64,
    ) -> Result<(DocumentMeta, Outgoing)> {
        let targets = vec![
            target("case", &space.case),
            target("space", &space.id),
            target("document", doc),
        ];
        self.audited(
            space.actor.clone(),
            Action::DocumentRead,
            targets,
            |audit| {
                let key = self.live_space(space, now)?;
                let (meta, reader) = self.open_with_key(&space.case, doc, &key)?;
                let out = crate::copies::outgoing(reader, &meta, Form::Cleaned)?;
                audit.target("copy", out.copy.as_str());
                Ok((meta, out))
            },
        )
    }

    /// A share link the person makes for their own lawyer; its creator is recorded as the
    /// volunteer who made the space, its actor as the space.
    pub fn space_share(
        &self,
        space: &Space,
        new: &NewShare,
        now: u64,
    ) -> Result<(ShareInfo, LinkToken)> {
        let targets = vec![target("case", &space.case), target("space", &space.id)];
        self.audited(space.actor.clone(), Action::ShareCreate, targets, |audit| {
            let key = self.live_space(space, now)?;
            let record = self
                .space_record(&space.id)?
                .ok_or(Error::LinkUnavailable)?;
            let case_record = self.case_record(&space.case)?;
            self.make_share(audit, &space.case, &case_record, &key, record.creator, new)
        })
    }

    /// Deletes the wraps of spaces that expired since the last sweep, and records it.
    pub(crate) fn sweep_spaces(&self, now: u64) -> Result<usize> {
        let mut swept = 0;
        for record in self.inner.catalog.records::<SpaceRecord>("space/")? {
            let wrap = format!("spacewrap/{}", record.id);
            if record.status(now) == LinkStatus::Live || !self.inner.catalog.contains(&wrap)? {
                continue;
            }
            self.audited(
                Actor::system(),
                Action::SpaceExpire,
                record.targets(),
                |audit| {
                    let _guard = self.write_lock();
                    let mut batch = Batch::default();
                    batch.remove(&wrap);
                    self.commit(batch, audit, &[])
                },
            )?;
            swept += 1;
        }
        Ok(swept)
    }

    /// Wraps a case's new key (a rotation) to its live spaces.
    pub(crate) fn rewrap_spaces(
        &self,
        batch: &mut Batch,
        case: &CaseId,
        new_key: &SecretKey,
    ) -> Result<()> {
        for id in self.link_ids_of(case)? {
            let Some(record) = self.space_record(&id)? else {
                continue;
            };
            if self.inner.catalog.contains(&format!("spacewrap/{id}"))? {
                batch.put_raw(
                    &format!("spacewrap/{id}"),
                    keys::wrap(new_key, &[&record.public])?,
                );
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn passcodes_are_readable_and_typed_loosely() {
        let code = generate_passcode().unwrap();
        let text = code.expose_secret();
        assert_eq!(text.len(), 9);
        assert_eq!(&text[4..5], "-");
        assert!(text
            .bytes()
            .filter(|b| *b != b'-')
            .all(|b| ALPHABET.contains(&b)));
        assert_eq!(*normalise(" abcd-2345 "), "ABCD2345");
        assert_eq!(*normalise(&text.to_lowercase()), *normalise(text));
    }
}
