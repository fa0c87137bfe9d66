//! Keys and wraps: every key of the vault is an age X25519 identity.
//!
//! A *wrap* is a standard age file whose plaintext is a secret identity
//! (`AGE-SECRET-KEY-1...`), encrypted to one or more recipients. Small secrets (profiles,
//! metadata) are *sealed*: an age file of their bytes. Nothing here writes its own crypto:
//! age does the encryption, argon2 the password hashing.

use std::fmt;
use std::io::{Read, Write};
use std::str::FromStr;

use age::x25519;
use secrecy::{ExposeSecret, SecretString};
use serde::{Deserialize, Serialize};
use zeroize::{Zeroize, Zeroizing};

use crate::error::{Error, Result};

/// A secret key (an age X25519 identity): a user's, a team's, a case's, a document
/// version's, or the recovery key. It has no `Clone`, prints as `***` and is zeroized on drop.
pub struct SecretKey(x25519::Identity);

impl SecretKey {
    /// Generates a fresh random key.
    pub(crate) fn generate() -> Self {
        SecretKey(x25519::Identity::generate())
    }

    /// Parses a key from its text form (`AGE-SECRET-KEY-1...`), e.g. the recovery key, also
    /// as copied from paper: in lower case, with spaces, line breaks or dashes between
    /// groups of its characters (the bech32 alphabet has no `-`, so none is lost).
    pub fn parse(text: &str) -> Result<Self> {
        const PREFIX: &str = "AGE-SECRET-KEY-1";
        let mut typed: zeroize::Zeroizing<String> = zeroize::Zeroizing::new(
            text.chars()
                .filter(|c| !c.is_whitespace())
                .map(|c| c.to_ascii_uppercase())
                .collect(),
        );
        if let Some(rest) = typed.strip_prefix(PREFIX) {
            let rest: zeroize::Zeroizing<String> =
                zeroize::Zeroizing::new(rest.chars().filter(|&c| c != '-').collect());
            typed = zeroize::Zeroizing::new(format!("{PREFIX}{}", rest.as_str()));
        }
        x25519::Identity::from_str(&typed)
            .map(SecretKey)
            .map_err(|_| Error::Invalid(crate::Problem::AgeKey))
    }

    /// Derives the key that wraps a user's identity from their password (argon2id).
    pub(crate) fn from_password(
        password: &SecretString,
        salt: &[u8],
        params: &KdfParams,
    ) -> Result<Self> {
        let seed = argon2id(password.expose_secret().as_bytes(), salt, params)?;
        SecretKey::from_seed(&seed)
    }

    /// The identity whose secret scalar is `seed` (32 bytes from a KDF).
    pub(crate) fn from_seed(seed: &[u8; 32]) -> Result<Self> {
        // age builds an identity only from its Bech32 text: encode, parse, clear.
        let hrp = bech32::Hrp::parse_unchecked("age-secret-key-");
        let mut text = bech32::encode_upper::<bech32::Bech32>(hrp, seed)
            .map_err(|_| Error::Catalog("cannot encode a derived key".into()))?;
        let parsed = x25519::Identity::from_str(&text);
        text.zeroize();
        parsed
            .map(SecretKey)
            .map_err(|_| Error::Catalog("cannot parse a derived key".into()))
    }

    /// The secret scalar (what a recovery split shares), decoded from the key's text.
    pub(crate) fn seed(&self) -> Result<zeroize::Zeroizing<[u8; 32]>> {
        let text = self.0.to_string();
        let lower = zeroize::Zeroizing::new(text.expose_secret().to_lowercase());
        let (_, data) =
            bech32::decode(&lower).map_err(|_| Error::Catalog("cannot decode a key".into()))?;
        let data = zeroize::Zeroizing::new(data);
        let seed: [u8; 32] = data
            .as_slice()
            .try_into()
            .map_err(|_| Error::Catalog("cannot decode a key".into()))?;
        Ok(zeroize::Zeroizing::new(seed))
    }

    /// The public half: what others encrypt to.
    pub fn public(&self) -> PublicKey {
        PublicKey(self.0.to_public())
    }

    /// The key's text form (`AGE-SECRET-KEY-1...`), usable with the standard `age` tool.
    /// Handle with care: whoever holds it opens what is encrypted to it.
    pub fn to_secret_string(&self) -> SecretString {
        self.0.to_string()
    }

    pub(crate) fn identity(&self) -> &dyn age::Identity {
        &self.0
    }

    /// A second copy of the key (for [`KeyCache`]; deliberately not `Clone`).
    fn duplicate(&self) -> SecretKey {
        let text = self.0.to_string();
        SecretKey(
            x25519::Identity::from_str(text.expose_secret()).expect("a key's own text form parses"),
        )
    }
}

impl fmt::Debug for SecretKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("SecretKey(***)")
    }
}

/// A public key (an age X25519 recipient, `age1...`).
#[derive(Clone, PartialEq, Eq)]
pub struct PublicKey(x25519::Recipient);

impl PublicKey {
    pub(crate) fn recipient(&self) -> &dyn age::Recipient {
        &self.0
    }

    /// Parses a recipient someone typed or pasted (a lawyer's `age1...`), spaces around it
    /// ignored; anything else is [`Problem::AgeRecipient`](crate::Problem::AgeRecipient).
    pub fn parse(text: &str) -> Result<Self> {
        x25519::Recipient::from_str(text.trim())
            .map(PublicKey)
            .map_err(|_| Error::Invalid(crate::Problem::AgeRecipient))
    }

    /// Parses the recipients typed in one field: separated by spaces, commas or line
    /// breaks, checked as [`check_recipients`] does. An empty field is no recipient.
    pub fn parse_list(text: &str) -> Result<Vec<Self>> {
        let to = text
            .split(|c: char| c.is_whitespace() || c == ',')
            .filter(|part| !part.is_empty())
            .map(PublicKey::parse)
            .collect::<Result<Vec<_>>>()?;
        check_recipients(&to)?;
        Ok(to)
    }
}

/// The most recipients a share or a bundle is encrypted to.
pub const MAX_RECIPIENTS: usize = 10;

/// Checks a list of someone's own age recipients (a share's, a bundle's): at most
/// [`MAX_RECIPIENTS`], each once.
pub fn check_recipients(to: &[PublicKey]) -> Result<()> {
    let distinct: std::collections::HashSet<String> = to.iter().map(|k| k.to_string()).collect();
    if to.len() > MAX_RECIPIENTS || distinct.len() != to.len() {
        return Err(Error::Invalid(crate::Problem::AgeRecipients));
    }
    Ok(())
}

/// Encrypts a stream to someone's own recipients: a standard age file that the Go `age`
/// tool opens. `finish` must be called on the writer.
pub(crate) fn seal_stream<W: Write>(
    out: W,
    to: &[PublicKey],
) -> Result<age::stream::StreamWriter<W>> {
    let encryptor = age::Encryptor::with_recipients(to.iter().map(|k| k.recipient()))
        .map_err(|_| Error::Invalid(crate::Problem::AgeRecipients))?;
    Ok(encryptor.wrap_output(out)?)
}

/// A plaintext stream read as an age file encrypted to some recipients.
///
/// age encrypts through a `Write` and has no reader that encrypts; this adapter feeds it
/// one piece of plaintext at a time and hands out what it wrote, so a download stays a
/// stream with a bounded buffer (age's 64 KiB chunk and one piece read).
pub(crate) struct SealingReader<R> {
    plain: R,
    writer: Option<age::stream::StreamWriter<Pending>>,
    pending: Pending,
    piece: Vec<u8>,
}

/// What the age writer wrote and the reader has not handed out yet.
#[derive(Clone, Default)]
struct Pending(std::sync::Arc<std::sync::Mutex<(Vec<u8>, usize)>>);

impl Write for Pending {
    fn write(&mut self, data: &[u8]) -> std::io::Result<usize> {
        let mut p = self
            .0
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        p.0.extend_from_slice(data);
        Ok(data.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

impl<R: Read> SealingReader<R> {
    pub(crate) fn new(plain: R, to: &[PublicKey]) -> Result<Self> {
        let pending = Pending::default();
        let writer = seal_stream(pending.clone(), to)?;
        Ok(SealingReader {
            plain,
            writer: Some(writer),
            pending,
            piece: vec![0; 64 * 1024],
        })
    }
}

impl<R: Read> Read for SealingReader<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        loop {
            {
                let mut p = self
                    .pending
                    .0
                    .lock()
                    .unwrap_or_else(std::sync::PoisonError::into_inner);
                let (bytes, at) = &mut *p;
                if *at < bytes.len() {
                    let n = buf.len().min(bytes.len() - *at);
                    buf[..n].copy_from_slice(&bytes[*at..*at + n]);
                    *at += n;
                    if *at == bytes.len() {
                        bytes.clear();
                        *at = 0;
                    }
                    return Ok(n);
                }
            }
            let Some(writer) = self.writer.as_mut() else {
                return Ok(0);
            };
            let n = self.plain.read(&mut self.piece)?;
            if n == 0 {
                if let Some(writer) = self.writer.take() {
                    writer.finish()?;
                }
            } else {
                writer.write_all(&self.piece[..n])?;
            }
        }
    }
}

impl fmt::Display for PublicKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

impl fmt::Debug for PublicKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "PublicKey({})", self.0)
    }
}

impl FromStr for PublicKey {
    type Err = Error;
    fn from_str(s: &str) -> Result<Self> {
        x25519::Recipient::from_str(s)
            .map(PublicKey)
            .map_err(|_| Error::damaged(crate::Damage::PublicKey))
    }
}

impl Serialize for PublicKey {
    fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        s.collect_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for PublicKey {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        x25519::Recipient::from_str(&s)
            .map(PublicKey)
            .map_err(serde::de::Error::custom)
    }
}

/// argon2id parameters, stored per user so they can be raised later.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct KdfParams {
    /// Memory in KiB (default 65536 = 64 MiB).
    pub memory_kib: u32,
    /// Passes (default 3).
    pub iterations: u32,
    /// Lanes (default 4).
    pub parallelism: u32,
}

impl Default for KdfParams {
    /// RFC 9106's second recommended option: m = 64 MiB, t = 3, p = 4.
    fn default() -> Self {
        KdfParams {
            memory_kib: 64 * 1024,
            iterations: 3,
            parallelism: 4,
        }
    }
}

impl KdfParams {
    /// Cheap parameters for tests only: never use them for a real vault.
    pub fn insecure_for_tests() -> Self {
        KdfParams {
            memory_kib: 64,
            iterations: 1,
            parallelism: 1,
        }
    }

    fn to_argon2(&self) -> Result<argon2::Params> {
        argon2::Params::new(self.memory_kib, self.iterations, self.parallelism, Some(32))
            .map_err(|_| Error::Invalid(crate::Problem::Argon2Range))
    }

    /// Within argon2's range and within what a desk laptop can run (at most 4 GiB,
    /// 100 passes, 64 lanes): a tampered record cannot make sign-in exhaust memory.
    pub(crate) fn validate(&self) -> Result<()> {
        if self.memory_kib > 4 * 1024 * 1024 || self.iterations > 100 || self.parallelism > 64 {
            return Err(Error::Invalid(crate::Problem::Argon2Limits));
        }
        self.to_argon2().map(|_| ())
    }
}

/// Wraps `key` to every recipient in `to`: an age file whose plaintext is the key's text.
pub(crate) fn wrap(key: &SecretKey, to: &[&PublicKey]) -> Result<Vec<u8>> {
    let text = key.to_secret_string();
    seal(text.expose_secret().as_bytes(), to)
}

/// Opens a wrap with `with`. `Ok(None)` when the wrap is not for this key.
pub(crate) fn unwrap(wrap: &[u8], with: &SecretKey) -> Result<Option<SecretKey>> {
    let Some(plain) = open(wrap, with)? else {
        return Ok(None);
    };
    let text = std::str::from_utf8(&plain).map_err(|_| Error::damaged(crate::Damage::KeyWrap))?;
    SecretKey::parse(text)
        .map(Some)
        .map_err(|_| Error::damaged(crate::Damage::KeyWrap))
}

/// Keys a session has unwrapped (its teams', its cases', the versions it read), by the
/// BLAKE3 of the wrap they came out of: the same wrap bytes always open to the same key, so
/// a second read of a document costs no X25519 for them (measured: of five per read, three
/// are these, a fifth of the server's time serving 200 KB documents). Only what this
/// session has opened itself is here, and only while it lives: its own key opens all of it
/// anyway, and the keys are zeroized with it. Access checks do not change: the wrap is read
/// from the catalogue first every time (a member removed has no wrap to read), and a new
/// wrap after a rotation has other bytes.
#[derive(Default)]
pub(crate) struct KeyCache(std::sync::Mutex<std::collections::HashMap<[u8; 32], SecretKey>>);

/// Most keys a session keeps; past it, the cache starts again empty.
const CACHED_KEYS: usize = 1024;

impl KeyCache {
    /// [`unwrap`], remembering a key that opened.
    pub(crate) fn unwrap(&self, wrap: &[u8], with: &SecretKey) -> Result<Option<SecretKey>> {
        let id = *blake3::hash(wrap).as_bytes();
        let lock = || {
            self.0
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner)
        };
        if let Some(key) = lock().get(&id) {
            return Ok(Some(key.duplicate()));
        }
        let Some(key) = unwrap(wrap, with)? else {
            return Ok(None);
        };
        let mut cache = lock();
        if cache.len() >= CACHED_KEYS {
            cache.clear();
        }
        cache.insert(id, key.duplicate());
        Ok(Some(key))
    }
}

/// argon2id of `secret` with `salt`: 32 bytes, cleared on drop.
pub(crate) fn argon2id(
    secret: &[u8],
    salt: &[u8],
    params: &KdfParams,
) -> Result<Zeroizing<[u8; 32]>> {
    params.validate()?;
    let argon = argon2::Argon2::new(
        argon2::Algorithm::Argon2id,
        argon2::Version::V0x13,
        params.to_argon2()?,
    );
    let mut out = Zeroizing::new([0u8; 32]);
    argon
        .hash_password_into(secret, salt, out.as_mut())
        .map_err(|_| Error::Invalid(crate::Problem::Argon2Refused))?;
    Ok(out)
}

/// Encrypts a small secret (a profile, metadata, a key) to the recipients.
pub(crate) fn seal(plaintext: &[u8], to: &[&PublicKey]) -> Result<Vec<u8>> {
    let encryptor = age::Encryptor::with_recipients(to.iter().map(|k| k.recipient()))
        .map_err(|_| Error::Catalog("no recipient to encrypt to".into()))?;
    let mut out = Vec::with_capacity(plaintext.len() + 200 * to.len());
    let mut writer = encryptor.wrap_output(&mut out)?;
    writer.write_all(plaintext)?;
    writer.finish()?;
    Ok(out)
}

/// Decrypts a small sealed secret. `Ok(None)` when it is not for this key; a damaged
/// file is an error.
pub(crate) fn open(ciphertext: &[u8], with: &SecretKey) -> Result<Option<Zeroizing<Vec<u8>>>> {
    let decryptor = age::Decryptor::new_buffered(ciphertext)
        .map_err(|_| Error::damaged(crate::Damage::SealedEntry))?;
    let mut reader = match decryptor.decrypt(std::iter::once(with.identity())) {
        Ok(reader) => reader,
        Err(age::DecryptError::NoMatchingKeys) => return Ok(None),
        Err(_) => return Err(Error::damaged(crate::Damage::SealedEntry)),
    };
    // Plaintext is shorter than ciphertext: no reallocation leaves an uncleared copy.
    let mut plain = Zeroizing::new(Vec::with_capacity(ciphertext.len()));
    reader
        .read_to_end(&mut plain)
        .map_err(|_| Error::damaged(crate::Damage::SealedEntry))?;
    Ok(Some(plain))
}

#[cfg(test)]
mod tests {
    use secrecy::ExposeSecret as _;

    #[test]
    fn a_key_copied_from_paper_parses() {
        let key = SecretKey::generate();
        let text = key.0.to_string();
        let text = text.expose_secret();
        let body = &text["AGE-SECRET-KEY-1".len()..];
        // In groups of four, with dashes, over two lines, in lower case.
        let groups: Vec<String> = body
            .as_bytes()
            .chunks(4)
            .map(|c| String::from_utf8_lossy(c).to_lowercase())
            .collect();
        let (first, second) = groups.split_at(groups.len() / 2);
        let paper = format!(
            "age-secret-key-1 {}\n  {}\n",
            first.join("-"),
            second.join(" ")
        );
        assert_eq!(SecretKey::parse(&paper).unwrap().public(), key.public());
        // A character changed is still refused.
        let mut wrong = text.to_owned();
        wrong.replace_range(20..21, if &text[20..21] == "Q" { "P" } else { "Q" });
        assert!(SecretKey::parse(&wrong).is_err());
    }

    use super::*;

    #[test]
    fn password_derivation_is_deterministic_and_salted() {
        let params = KdfParams::insecure_for_tests();
        let pw = SecretString::from("correct horse".to_string());
        let a = SecretKey::from_password(&pw, b"0123456789abcdef", &params).unwrap();
        let b = SecretKey::from_password(&pw, b"0123456789abcdef", &params).unwrap();
        let c = SecretKey::from_password(&pw, b"fedcba9876543210", &params).unwrap();
        assert_eq!(a.public(), b.public());
        assert_ne!(a.public(), c.public());
    }

    #[test]
    fn wrap_opens_only_for_its_recipients() {
        let key = SecretKey::generate();
        let alice = SecretKey::generate();
        let bob = SecretKey::generate();
        let wrapped = wrap(&key, &[&alice.public()]).unwrap();
        let opened = unwrap(&wrapped, &alice).unwrap().unwrap();
        assert_eq!(opened.public(), key.public());
        assert!(unwrap(&wrapped, &bob).unwrap().is_none());
    }

    #[test]
    fn debug_never_prints_the_secret() {
        let key = SecretKey::generate();
        let text = key.to_secret_string();
        let debug = format!("{key:?}");
        assert_eq!(debug, "SecretKey(***)");
        assert!(!debug.contains(&text.expose_secret()[..20]));
    }

    #[test]
    fn damaged_wrap_is_an_error_not_a_panic() {
        let key = SecretKey::generate();
        let alice = SecretKey::generate();
        let mut wrapped = wrap(&key, &[&alice.public()]).unwrap();
        let last = wrapped.len() - 1;
        wrapped[last] ^= 1;
        assert!(matches!(
            unwrap(&wrapped, &alice),
            Err(Error::Damaged { .. })
        ));
        assert!(matches!(
            unwrap(b"garbage", &alice),
            Err(Error::Damaged { .. })
        ));
    }
}
