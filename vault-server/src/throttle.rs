//! Sign-in throttling: failures are counted per account name and per client, and past a
//! threshold each further try waits longer (doubling, capped). Names and addresses are
//! kept only as keyed BLAKE3 hashes, and the table is bounded, so guessing with random
//! names cannot exhaust memory.

use std::collections::HashMap;
use std::net::IpAddr;
use std::sync::{Mutex, PoisonError};
use std::time::{Duration, Instant};

/// Policy of one kind of counter.
#[derive(Clone, Copy, Debug)]
pub struct Policy {
    /// Failures allowed before waiting starts.
    pub free: u32,
    /// First wait; doubled at each further failure.
    pub base: Duration,
    /// Longest wait.
    pub max: Duration,
    /// A counter with no failure for this long is forgotten.
    pub forget: Duration,
}

/// Per account: 5 free tries, then 2 s, 4 s, ... up to 15 minutes.
pub const ACCOUNT: Policy = Policy {
    free: 5,
    base: Duration::from_secs(2),
    max: Duration::from_secs(15 * 60),
    forget: Duration::from_secs(60 * 60),
};

/// Per client: 20 free tries (a desk shares one address), then 1 s, 2 s, ... up to 15 min.
pub const CLIENT: Policy = Policy {
    free: 20,
    base: Duration::from_secs(1),
    max: Duration::from_secs(15 * 60),
    forget: Duration::from_secs(60 * 60),
};

const MAX_ENTRIES: usize = 100_000;

struct Counter {
    failures: u32,
    blocked_until: Instant,
    last_failure: Instant,
}

/// Failure counters. A std `Mutex`, held only for table operations.
pub struct Throttle {
    key: [u8; 32],
    account: Policy,
    client: Policy,
    table: Mutex<HashMap<[u8; 32], Counter>>,
}

impl Throttle {
    /// A throttle with the given policies and a random hashing key.
    pub fn new(account: Policy, client: Policy) -> std::io::Result<Throttle> {
        let mut key = [0u8; 32];
        getrandom::fill(&mut key).map_err(|e| std::io::Error::other(e.to_string()))?;
        Ok(Throttle {
            key,
            account,
            client,
            table: Mutex::new(HashMap::new()),
        })
    }

    fn keys(&self, user: &str, client: Option<IpAddr>) -> Vec<([u8; 32], Policy)> {
        let mut keys = vec![(self.hash(b"user", user.as_bytes()), self.account)];
        if let Some(addr) = client {
            keys.push((self.hash(b"addr", addr.to_string().as_bytes()), self.client));
        }
        keys
    }

    fn hash(&self, kind: &[u8], value: &[u8]) -> [u8; 32] {
        let mut h = blake3::Hasher::new_keyed(&self.key);
        h.update(kind).update(&[0]).update(value);
        *h.finalize().as_bytes()
    }

    /// `Err(wait)` when this account or client must wait before trying again.
    pub fn check(&self, user: &str, client: Option<IpAddr>, now: Instant) -> Result<(), Duration> {
        let table = self.table.lock().unwrap_or_else(PoisonError::into_inner);
        let wait = self
            .keys(user, client)
            .iter()
            .filter_map(|(k, _)| table.get(k))
            .map(|c| c.blocked_until.saturating_duration_since(now))
            .max()
            .unwrap_or_default();
        if wait.is_zero() {
            Ok(())
        } else {
            Err(wait)
        }
    }

    /// Records a failed sign-in.
    pub fn failed(&self, user: &str, client: Option<IpAddr>, now: Instant) {
        let mut table = self.table.lock().unwrap_or_else(PoisonError::into_inner);
        if table.len() >= MAX_ENTRIES {
            table.retain(|_, c| now.saturating_duration_since(c.last_failure) < ACCOUNT.forget);
            if table.len() >= MAX_ENTRIES {
                // Still full: a flood of distinct names. Forget the quietest half.
                let mut ages: Vec<Instant> = table.values().map(|c| c.last_failure).collect();
                ages.sort_unstable();
                let cut = ages[ages.len() / 2];
                table.retain(|_, c| c.last_failure > cut);
            }
        }
        for (key, policy) in self.keys(user, client) {
            let c = table.entry(key).or_insert(Counter {
                failures: 0,
                blocked_until: now,
                last_failure: now,
            });
            if now.saturating_duration_since(c.last_failure) >= policy.forget {
                c.failures = 0;
            }
            c.failures += 1;
            c.last_failure = now;
            if c.failures >= policy.free {
                let doublings = (c.failures - policy.free).min(20);
                let wait = policy.base.saturating_mul(1 << doublings).min(policy.max);
                c.blocked_until = now + wait;
            }
        }
    }

    /// Records a successful sign-in: the account's counter starts again (not the client's).
    pub fn succeeded(&self, user: &str) {
        let key = self.hash(b"user", user.as_bytes());
        self.table
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .remove(&key);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_account_waits_after_five_failures_whatever_the_client() {
        let t = Throttle::new(ACCOUNT, CLIENT).unwrap();
        let now = Instant::now();
        for i in 0..4u8 {
            let addr = IpAddr::from([10, 0, 0, i]);
            assert!(t.check("alice", Some(addr), now).is_ok());
            t.failed("alice", Some(addr), now);
        }
        assert!(t.check("alice", None, now).is_ok());
        t.failed("alice", None, now);
        assert_eq!(t.check("alice", None, now), Err(Duration::from_secs(2)));
        // Another account is not affected, from the same or another client.
        assert!(t
            .check("bob", Some(IpAddr::from([10, 0, 0, 1])), now)
            .is_ok());
        // The wait doubles, and ends.
        let later = now + Duration::from_secs(2);
        assert!(t.check("alice", None, later).is_ok());
        t.failed("alice", None, later);
        assert_eq!(t.check("alice", None, later), Err(Duration::from_secs(4)));
        // A success resets the account.
        t.succeeded("alice");
        assert!(t.check("alice", None, later).is_ok());
    }

    #[test]
    fn a_client_trying_many_names_waits() {
        let t = Throttle::new(ACCOUNT, CLIENT).unwrap();
        let now = Instant::now();
        let addr = Some(IpAddr::from([192, 0, 2, 7]));
        for i in 0..20 {
            assert!(t.check(&format!("user{i}"), addr, now).is_ok());
            t.failed(&format!("user{i}"), addr, now);
        }
        assert!(t.check("someone-new", addr, now).is_err());
        assert!(t
            .check("someone-new", Some(IpAddr::from([192, 0, 2, 8])), now)
            .is_ok());
        // Waits are capped.
        for _ in 0..100 {
            t.failed("x", addr, now);
        }
        assert_eq!(t.check("y", addr, now), Err(CLIENT.max));
    }

    #[test]
    fn the_table_stays_bounded() {
        let t = Throttle::new(ACCOUNT, CLIENT).unwrap();
        let now = Instant::now();
        for i in 0..(MAX_ENTRIES + 10) {
            t.failed(&i.to_string(), None, now + Duration::from_millis(i as u64));
        }
        assert!(t.table.lock().unwrap().len() <= MAX_ENTRIES);
    }
}

/// A fixed-window request limit per client, for the pages anyone can open (share and
/// upload links): `per_minute` requests per client per minute. Addresses are kept as
/// keyed hashes in a bounded table.
pub struct RateLimit {
    key: [u8; 32],
    per_minute: u32,
    table: Mutex<HashMap<[u8; 32], (u64, u32)>>,
}

impl RateLimit {
    /// A limit of `per_minute` requests per client.
    pub fn new(per_minute: u32) -> std::io::Result<RateLimit> {
        let mut key = [0u8; 32];
        getrandom::fill(&mut key).map_err(|e| std::io::Error::other(e.to_string()))?;
        Ok(RateLimit {
            key,
            per_minute,
            table: Mutex::new(HashMap::new()),
        })
    }

    /// Counts a request at Unix second `now`; `Err(seconds to wait)` past the limit.
    /// Requests with no known client share one counter.
    pub fn check(&self, client: Option<IpAddr>, now: u64) -> Result<(), u64> {
        let who = client.map(|a| a.to_string()).unwrap_or_default();
        let key = *blake3::keyed_hash(&self.key, who.as_bytes()).as_bytes();
        let minute = now / 60;
        let mut table = self.table.lock().unwrap_or_else(PoisonError::into_inner);
        if table.len() >= MAX_ENTRIES {
            table.retain(|_, (m, _)| *m == minute);
        }
        let entry = table.entry(key).or_insert((minute, 0));
        if entry.0 != minute {
            *entry = (minute, 0);
        }
        entry.1 += 1;
        if entry.1 > self.per_minute {
            Err(60 - now % 60)
        } else {
            Ok(())
        }
    }
}

#[cfg(test)]
mod rate_tests {
    use super::*;

    #[test]
    fn a_client_is_held_to_its_rate_per_minute() {
        let r = RateLimit::new(3).unwrap();
        let a = Some(IpAddr::from([198, 51, 100, 1]));
        let b = Some(IpAddr::from([198, 51, 100, 2]));
        let t = 6_000_000; // the start of a minute
        for _ in 0..3 {
            assert!(r.check(a, t).is_ok());
        }
        assert_eq!(r.check(a, t + 15), Err(45));
        assert!(
            r.check(b, t + 15).is_ok(),
            "another client is not held back"
        );
        assert!(r.check(a, t + 60).is_ok(), "a new minute starts afresh");
    }
}
