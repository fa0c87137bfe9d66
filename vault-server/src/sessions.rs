//! Signed-in sessions, in memory only: a restart ends them all.
//!
//! A session token is 32 random bytes (base64url). The map is keyed by the BLAKE3 hash of
//! the token, so the server's memory holds no token it could leak in a dump of the map;
//! the value holds the unlocked user identity (`vault_core::Session`), which zeroizes when
//! the last reference is dropped: at sign-out, at expiry, or when the request that was
//! using it ends.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, PoisonError};
use std::time::{Duration, Instant};

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use secrecy::{ExposeSecret, SecretString};
use subtle::ConstantTimeEq;
use vault_core::Session;

/// A session ends after this long without a request.
pub const IDLE: Duration = Duration::from_secs(30 * 60);
/// A session ends this long after sign-in, whatever its use.
pub const ABSOLUTE: Duration = Duration::from_secs(12 * 60 * 60);

/// 32 random bytes, base64url without padding.
pub fn random_token() -> std::io::Result<SecretString> {
    let mut bytes = [0u8; 32];
    getrandom::fill(&mut bytes).map_err(|e| std::io::Error::other(e.to_string()))?;
    let token = URL_SAFE_NO_PAD.encode(bytes);
    bytes.fill(0);
    Ok(SecretString::from(token))
}

type TokenHash = [u8; 32];

fn hash(token: &str) -> TokenHash {
    *blake3::hash(token.as_bytes()).as_bytes()
}

struct Entry<T> {
    session: Arc<T>,
    csrf: SecretString,
    created: Instant,
    last_used: Instant,
}

impl<T> Entry<T> {
    fn alive(&self, now: Instant) -> bool {
        now.saturating_duration_since(self.last_used) < IDLE
            && now.saturating_duration_since(self.created) < ABSOLUTE
    }
}

/// What a request authenticated with a token gets.
pub struct Authenticated<T = Session> {
    /// The unlocked user (or beneficiary's space).
    pub session: Arc<T>,
    csrf: SecretString,
}

impl<T> Authenticated<T> {
    /// The CSRF token, for the hidden field of the web interface's forms.
    pub fn csrf(&self) -> &SecretString {
        &self.csrf
    }

    /// Whether `header` is this session's CSRF token (constant-time comparison).
    pub fn csrf_matches(&self, header: &str) -> bool {
        let expected = self.csrf.expose_secret().as_bytes();
        expected.len() == header.len() && bool::from(expected.ct_eq(header.as_bytes()))
    }
}

/// The tokens and CSRF token handed out at sign-in.
pub struct NewSession {
    /// Bearer token and cookie value.
    pub token: SecretString,
    /// Value of the `X-CSRF-Token` header for cookie-authenticated changes.
    pub csrf: SecretString,
}

/// The sessions of this process: signed-in users (`Session`), or beneficiaries with
/// their space open (`vault_core::Space`). Cheap to clone.
///
/// A std `Mutex`: it is held only for map operations, never across an `.await`.
#[derive(Clone)]
pub struct Sessions<T = Session> {
    map: Arc<Mutex<HashMap<TokenHash, Entry<T>>>>,
    /// When each user's sessions were last ended ([`Sessions::end_user`]): a sign-in begun
    /// before then gets no session. Locked before `map`.
    ended: Arc<Mutex<HashMap<vault_core::UserId, Instant>>>,
}

impl<T> Default for Sessions<T> {
    fn default() -> Self {
        Sessions {
            map: Arc::default(),
            ended: Arc::default(),
        }
    }
}

impl<T> Sessions<T> {
    fn map(&self) -> std::sync::MutexGuard<'_, HashMap<TokenHash, Entry<T>>> {
        self.map.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Registers a signed-in user; returns the token and CSRF token.
    pub fn insert(&self, session: T, now: Instant) -> std::io::Result<NewSession> {
        let token = random_token()?;
        let csrf = random_token()?;
        self.map().insert(
            hash(token.expose_secret()),
            Entry {
                session: Arc::new(session),
                csrf: csrf.clone(),
                created: now,
                last_used: now,
            },
        );
        Ok(NewSession { token, csrf })
    }

    /// The live session of `token`, which counts as a use. Expired ones are removed.
    pub fn get(&self, token: &str, now: Instant) -> Option<Authenticated<T>> {
        let key = hash(token);
        let mut map = self.map();
        let entry = map.get_mut(&key)?;
        if !entry.alive(now) {
            map.remove(&key);
            return None;
        }
        entry.last_used = now;
        Some(Authenticated {
            session: entry.session.clone(),
            csrf: entry.csrf.clone(),
        })
    }

    /// Removes and returns the entry of `token` if it is alive and `keep` accepts it;
    /// otherwise leaves it where it is.
    pub fn take_if(
        &self,
        token: &str,
        now: Instant,
        keep: impl FnOnce(&T) -> bool,
    ) -> Option<Arc<T>> {
        let mut map = self.map();
        let key = hash(token);
        let wanted = map
            .get(&key)
            .is_some_and(|e| e.alive(now) && keep(&e.session));
        if !wanted {
            return None;
        }
        map.remove(&key).map(|e| e.session)
    }

    /// Signs out: the identity is dropped (and zeroized) once no request uses it.
    pub fn remove(&self, token: &str) -> bool {
        self.map().remove(&hash(token)).is_some()
    }

    /// Removes expired sessions; returns how many.
    pub fn sweep(&self, now: Instant) -> usize {
        let mut map = self.map();
        let before = map.len();
        map.retain(|_, e| e.alive(now));
        before - map.len()
    }

    /// Number of live or not yet swept sessions.
    #[cfg(test)]
    pub fn len(&self) -> usize {
        self.map().len()
    }

    /// Whether there is no session.
    #[cfg(test)]
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

impl Sessions<Session> {
    fn ended(&self) -> std::sync::MutexGuard<'_, HashMap<vault_core::UserId, Instant>> {
        self.ended.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Ends every session of a user (their account was disabled, their password reset);
    /// returns how many. Sign-ins of theirs already under way get none either.
    pub fn end_user(&self, user: &vault_core::UserId) -> usize {
        let mut ended = self.ended();
        ended.insert(user.clone(), Instant::now());
        let mut map = self.map();
        let before = map.len();
        map.retain(|_, e| &e.session.user().id != user);
        before - map.len()
    }

    /// Registers a user signed in by a check begun at `begun`; `None` when their sessions
    /// were ended since (the password checked may no longer be theirs).
    pub fn insert_signed_in(
        &self,
        session: Session,
        begun: Instant,
        now: Instant,
    ) -> std::io::Result<Option<NewSession>> {
        let ended = self.ended();
        if ended.get(&session.user().id).is_some_and(|at| *at >= begun) {
            return Ok(None);
        }
        // Inserted with `ended` held: no end_user can come between the check and this.
        self.insert(session, now).map(Some)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `n` sessions of the same user of a new vault.
    fn sessions_of_one_user(n: usize) -> (tempfile::TempDir, Vec<Session>) {
        let dir = tempfile::tempdir().unwrap();
        let settings = vault_core::Settings {
            kdf: vault_core::KdfParams::insecure_for_tests(),
            ..Default::default()
        };
        let password = SecretString::from("admin-pass".to_string());
        let vault = vault_core::Vault::create(&dir.path().join("v"), &settings, "admin", &password)
            .unwrap()
            .vault;
        let sessions = (0..n)
            .map(|_| vault.login("admin", &password).unwrap())
            .collect();
        (dir, sessions)
    }

    fn session() -> (tempfile::TempDir, Session) {
        let (dir, mut sessions) = sessions_of_one_user(1);
        (dir, sessions.remove(0))
    }

    #[test]
    fn tokens_are_random_and_long() {
        let a = random_token().unwrap();
        let b = random_token().unwrap();
        assert_eq!(a.expose_secret().len(), 43);
        assert_ne!(a.expose_secret(), b.expose_secret());
    }

    #[test]
    fn idle_and_absolute_expiry() {
        let (_dir, s) = session();
        let sessions = Sessions::default();
        let t0 = Instant::now();
        let new = sessions.insert(s, t0).unwrap();
        let token = new.token.expose_secret();
        assert!(sessions.get("not-a-token", t0).is_none());
        // Used every 20 minutes, it lives until the absolute limit.
        let mut now = t0;
        while now + Duration::from_secs(20 * 60) < t0 + ABSOLUTE {
            now += Duration::from_secs(20 * 60);
            assert!(
                sessions.get(token, now).is_some(),
                "alive at {:?}",
                now - t0
            );
        }
        assert!(sessions.get(token, t0 + ABSOLUTE).is_none());
        assert!(
            sessions.is_empty(),
            "an expired session is removed when seen"
        );

        let (_dir, s) = session();
        let new = sessions.insert(s, t0).unwrap();
        let token = new.token.expose_secret();
        assert!(sessions
            .get(token, t0 + IDLE - Duration::from_secs(1))
            .is_some());
        assert!(sessions
            .get(token, t0 + 2 * IDLE - Duration::from_secs(2))
            .is_some());
        assert_eq!(sessions.sweep(t0 + 3 * IDLE), 1);
        assert!(sessions.get(token, t0 + 3 * IDLE).is_none());
    }

    #[test]
    fn a_sign_in_begun_before_the_users_sessions_ended_gets_none() {
        let (_dir, logins) = sessions_of_one_user(3);
        let [s, again, later]: [Session; 3] = logins.try_into().ok().unwrap();
        let sessions = Sessions::default();
        let begun = Instant::now();
        let user = s.user().id.clone();
        let live = sessions.insert(s, begun).unwrap();
        assert_eq!(sessions.end_user(&user), 1);
        assert!(sessions.get(live.token.expose_secret(), begun).is_none());
        // A check that began before the end (its password may be the old one): refused.
        assert!(sessions
            .insert_signed_in(again, begun, Instant::now())
            .unwrap()
            .is_none());
        // One that began after: a session.
        std::thread::sleep(Duration::from_millis(2));
        let after = Instant::now();
        assert!(sessions
            .insert_signed_in(later, after, after)
            .unwrap()
            .is_some());
    }

    #[test]
    fn sign_out_and_csrf() {
        let (_dir, s) = session();
        let sessions = Sessions::default();
        let now = Instant::now();
        let new = sessions.insert(s, now).unwrap();
        let auth = sessions.get(new.token.expose_secret(), now).unwrap();
        assert!(auth.csrf_matches(new.csrf.expose_secret()));
        assert!(!auth.csrf_matches(""));
        assert!(!auth.csrf_matches(new.token.expose_secret()));
        assert!(sessions.remove(new.token.expose_secret()));
        assert!(sessions.get(new.token.expose_secret(), now).is_none());
        assert!(!sessions.remove(new.token.expose_secret()));
    }
}
