//! Sign-in throttling after Microsoft Entra ID's smart lockout: an attacker is slowed,
//! and cannot lock the real user out by failing on purpose.
//!
//! Failures are counted per (account, client): that counter makes the waits, so guesses
//! from elsewhere never hold back a user at her own desk or at a new one. Failures from
//! clients that never signed into the account are also counted per account, with a much
//! higher ceiling: past it, only such unfamiliar clients wait. A client that signed into
//! the account in the last 30 days (familiar) is never held back by that count and has a
//! looser count of its own. Each client (an IPv4 address, or an IPv6 /64) also has a
//! count over all names, so one address cannot spray passwords over many accounts.
//! Past a threshold each further failure waits longer (doubling, capped).
//!
//! Names and addresses are kept only as keyed BLAKE3 hashes (a random key per start),
//! and both tables are bounded, so guessing with random names cannot exhaust memory.

use std::collections::HashMap;
use std::net::IpAddr;
use std::sync::{Mutex, MutexGuard, PoisonError};
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

/// The policies of the sign-in throttle.
#[derive(Clone, Copy, Debug)]
pub struct Policies {
    /// Per account and client, for a client that has not signed into the account.
    pub unfamiliar: Policy,
    /// Per account and client, for a client that has signed into it (see [`FAMILIAR_FOR`]).
    pub familiar: Policy,
    /// Per account, the failures of unfamiliar clients only; holds back unfamiliar
    /// clients only.
    pub account: Policy,
    /// Per client, whatever the account.
    pub client: Policy,
}

/// Per account and unfamiliar client: 5 free tries, then 2 s, 4 s, ... up to 15 minutes.
pub const UNFAMILIAR: Policy = Policy {
    free: 5,
    base: Duration::from_secs(2),
    max: Duration::from_secs(15 * 60),
    forget: Duration::from_secs(60 * 60),
};

/// Per account and familiar client: 10 free tries, then 1 s, 2 s, ... up to 15 minutes.
pub const FAMILIAR: Policy = Policy {
    free: 10,
    base: Duration::from_secs(1),
    max: Duration::from_secs(15 * 60),
    forget: Duration::from_secs(60 * 60),
};

/// Per account, over all unfamiliar clients: 100 free tries (counted until an hour passes
/// with none), then unfamiliar clients wait 1 minute, 2, 4, ... up to 15 minutes.
pub const ACCOUNT: Policy = Policy {
    free: 100,
    base: Duration::from_secs(60),
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

impl Default for Policies {
    fn default() -> Policies {
        Policies {
            unfamiliar: UNFAMILIAR,
            familiar: FAMILIAR,
            account: ACCOUNT,
            client: CLIENT,
        }
    }
}

/// A client stays familiar to an account this long after its last successful sign-in
/// (or until the server restarts: the table is in memory).
pub const FAMILIAR_FOR: Duration = Duration::from_secs(30 * 24 * 60 * 60);

/// Counters kept at most.
const MAX_ENTRIES: usize = 100_000;
/// Familiar clients remembered per account at most (the least recent are forgotten).
const FAMILIAR_PER_ACCOUNT: usize = 16;
/// Accounts with familiar clients remembered at most. Only a right password adds one,
/// so only the vault's real accounts are there.
const MAX_FAMILIAR_ACCOUNTS: usize = 10_000;

struct Counter {
    failures: u32,
    /// Attempts begun and not yet ended: they count as failures until they end, so a
    /// burst of parallel guesses cannot all pass the check before any of them fails.
    in_flight: u32,
    /// Set past the free tries only: a counter just made by a concurrent attempt, whose
    /// clock was read later, must not make this one wait.
    blocked_until: Option<Instant>,
    last_failure: Instant,
}

impl Counter {
    fn new(now: Instant) -> Counter {
        Counter {
            failures: 0,
            in_flight: 0,
            blocked_until: None,
            last_failure: now,
        }
    }
}

type Hash = [u8; 32];

/// Failure counters and familiar clients. std `Mutex`es, held only for table
/// operations, and never both at once.
pub struct Throttle {
    key: Hash,
    policies: Policies,
    table: Mutex<HashMap<Hash, Counter>>,
    /// Per account: its familiar clients and the time of their last successful sign-in.
    familiar: Mutex<HashMap<Hash, Vec<(Hash, Instant)>>>,
}

/// A sign-in attempt under way; ended by [`Attempt::failed`] or [`Attempt::succeeded`],
/// or by being dropped (an attempt that failed for another reason than the password).
pub struct Attempt<'a> {
    throttle: &'a Throttle,
    account: Hash,
    client: Hash,
    /// The counters of this attempt; the (account, client) one first.
    keys: Vec<(Hash, Policy)>,
}

impl Throttle {
    /// A throttle with the given policies and a random hashing key.
    pub fn new(policies: Policies) -> std::io::Result<Throttle> {
        let mut key = [0u8; 32];
        getrandom::fill(&mut key).map_err(|e| std::io::Error::other(e.to_string()))?;
        Ok(Throttle {
            key,
            policies,
            table: Mutex::new(HashMap::new()),
            familiar: Mutex::new(HashMap::new()),
        })
    }

    fn hash(&self, kind: &[u8], value: &[u8]) -> Hash {
        let mut h = blake3::Hasher::new_keyed(&self.key);
        h.update(kind).update(&[0]).update(value);
        *h.finalize().as_bytes()
    }

    /// The client's hash; requests with no known address are one client.
    fn client_hash(&self, client: Option<IpAddr>) -> Hash {
        match client {
            Some(addr) => self.hash(b"addr", &network(addr)),
            None => self.hash(b"no-addr", b""),
        }
    }

    fn table(&self) -> MutexGuard<'_, HashMap<Hash, Counter>> {
        self.table.lock().unwrap_or_else(PoisonError::into_inner)
    }

    fn familiar(&self) -> MutexGuard<'_, HashMap<Hash, Vec<(Hash, Instant)>>> {
        self.familiar.lock().unwrap_or_else(PoisonError::into_inner)
    }

    fn is_familiar(&self, account: &Hash, client: &Hash, now: Instant) -> bool {
        self.familiar().get(account).is_some_and(|clients| {
            clients
                .iter()
                .any(|(c, at)| c == client && now.saturating_duration_since(*at) < FAMILIAR_FOR)
        })
    }

    /// Remembers that `client` signed into `account` at `now`.
    fn remember(&self, account: Hash, client: Hash, now: Instant) {
        let mut familiar = self.familiar();
        let fresh = |at: &Instant| now.saturating_duration_since(*at) < FAMILIAR_FOR;
        if familiar.len() >= MAX_FAMILIAR_ACCOUNTS && !familiar.contains_key(&account) {
            familiar.retain(|_, clients| {
                clients.retain(|(_, at)| fresh(at));
                !clients.is_empty()
            });
            if familiar.len() >= MAX_FAMILIAR_ACCOUNTS {
                // Forgets the half of the accounts signed into least recently.
                let mut latest: Vec<Instant> = familiar
                    .values()
                    .filter_map(|clients| clients.iter().map(|(_, at)| *at).max())
                    .collect();
                latest.sort_unstable();
                let cut = latest[latest.len() / 2];
                familiar.retain(|_, clients| clients.iter().any(|(_, at)| *at > cut));
            }
        }
        let clients = familiar.entry(account).or_default();
        clients.retain(|(c, at)| *c != client && fresh(at));
        if clients.len() >= FAMILIAR_PER_ACCOUNT {
            if let Some(oldest) = (0..clients.len()).min_by_key(|i| clients[*i].1) {
                clients.swap_remove(oldest);
            }
        }
        clients.push((client, now));
    }

    /// Begins a sign-in attempt, or `Err(wait)` when it must wait: because of its
    /// (account, client) counter, its client's, or (for a client that has not signed
    /// into the account) the account's. Attempts under way count as failures: past the
    /// free tries, a new attempt waits (one second) until those under way end.
    pub fn begin(
        &self,
        user: &str,
        client: Option<IpAddr>,
        now: Instant,
    ) -> Result<Attempt<'_>, Duration> {
        let account = self.hash(b"user", user.as_bytes());
        let client_hash = self.client_hash(client);
        let familiar = self.is_familiar(&account, &client_hash, now);
        let pair = self.hash(b"pair", &[account, client_hash].concat());
        let p = &self.policies;
        let mut keys = vec![(pair, if familiar { p.familiar } else { p.unfamiliar })];
        if !familiar {
            keys.push((account, p.account));
        }
        if client.is_some() {
            keys.push((client_hash, p.client));
        }
        let mut table = self.table();
        let mut wait = Duration::ZERO;
        for (key, policy) in &keys {
            if let Some(c) = table.get(key) {
                let failures = if now.saturating_duration_since(c.last_failure) >= policy.forget {
                    0
                } else {
                    c.failures
                };
                if let Some(until) = c.blocked_until {
                    wait = wait.max(until.saturating_duration_since(now));
                }
                if c.in_flight > 0 && failures + c.in_flight >= policy.free {
                    wait = wait.max(Duration::from_secs(1));
                }
            }
        }
        if !wait.is_zero() {
            return Err(wait);
        }
        let forget = [p.unfamiliar, p.familiar, p.account, p.client]
            .iter()
            .map(|p| p.forget)
            .max()
            .unwrap_or_default();
        make_room(&mut table, keys.len(), forget, now);
        for (key, _) in &keys {
            table
                .entry(*key)
                .or_insert_with(|| Counter::new(now))
                .in_flight += 1;
        }
        drop(table);
        Ok(Attempt {
            throttle: self,
            account,
            client: client_hash,
            keys,
        })
    }
}

impl Attempt<'_> {
    /// The password was wrong: counts a failure, and past the free tries sets the wait.
    pub fn failed(self, now: Instant) {
        let mut table = self.throttle.table();
        for (key, policy) in &self.keys {
            let c = table.entry(*key).or_insert_with(|| Counter::new(now));
            if now.saturating_duration_since(c.last_failure) >= policy.forget {
                c.failures = 0;
            }
            c.failures += 1;
            c.last_failure = now;
            if c.failures >= policy.free {
                let doublings = (c.failures - policy.free).min(20);
                let wait = policy.base.saturating_mul(1 << doublings).min(policy.max);
                c.blocked_until = Some(now + wait);
            }
        }
        // Drop ends the attempt.
    }

    /// Signed in: the (account, client) counter starts again, and the client is familiar
    /// to the account from now on. Neither the account's count of unfamiliar failures
    /// (else each sign-in of the user would give guessers a fresh ceiling) nor the
    /// client's (else signing into one's own account would reset a spray) starts again.
    pub fn succeeded(self, now: Instant) {
        let mut table = self.throttle.table();
        if let Some((pair, _)) = self.keys.first() {
            if let Some(c) = table.get_mut(pair) {
                c.failures = 0;
                c.blocked_until = None;
            }
        }
        drop(table);
        self.throttle.remember(self.account, self.client, now);
        // Drop ends the attempt.
    }
}

impl Drop for Attempt<'_> {
    fn drop(&mut self) {
        let mut table = self.throttle.table();
        for (key, _) in &self.keys {
            if let Some(c) = table.get_mut(key) {
                c.in_flight = c.in_flight.saturating_sub(1);
                if c.in_flight == 0 && c.failures == 0 {
                    table.remove(key);
                }
            }
        }
    }
}

/// The part of a client address that names the client: an IPv4 address, or the /64
/// network of an IPv6 address (one machine is routinely given a whole /64).
fn network(addr: IpAddr) -> Vec<u8> {
    match addr {
        IpAddr::V4(v4) => v4.octets().to_vec(),
        IpAddr::V6(v6) => match v6.to_ipv4_mapped() {
            Some(v4) => v4.octets().to_vec(),
            None => v6.octets()[..8].to_vec(),
        },
    }
}

/// Makes room for `new` counters under `MAX_ENTRIES`: forgets old counters first, then,
/// if a flood of distinct names still fills the table, the quietest half of those with
/// nothing under way and no wait set: flooding the table must not free an account
/// someone is guessing. Only a table of twice the size, all waiting, loses its quietest
/// half whatever they are.
fn make_room(table: &mut HashMap<Hash, Counter>, new: usize, forget: Duration, now: Instant) {
    if table.len() + new <= MAX_ENTRIES {
        return;
    }
    table.retain(|_, c| c.in_flight > 0 || now.saturating_duration_since(c.last_failure) < forget);
    if table.len() + new > MAX_ENTRIES {
        let cut = median_failure(table);
        table.retain(|_, c| {
            c.in_flight > 0 || c.blocked_until.is_some_and(|b| b > now) || c.last_failure > cut
        });
    }
    if table.len() + new > 2 * MAX_ENTRIES {
        let cut = median_failure(table);
        table.retain(|_, c| c.in_flight > 0 || c.last_failure > cut);
    }
}

fn median_failure(table: &HashMap<Hash, Counter>) -> Instant {
    let mut ages: Vec<Instant> = table.values().map(|c| c.last_failure).collect();
    ages.sort_unstable();
    ages[ages.len() / 2]
}

#[cfg(test)]
mod tests {
    use super::*;

    /// One attempt with a wrong password.
    fn fail(t: &Throttle, user: &str, client: Option<IpAddr>, now: Instant) {
        t.begin(user, client, now)
            .expect("not throttled")
            .failed(now);
    }

    fn wait(t: &Throttle, user: &str, client: Option<IpAddr>, now: Instant) -> Option<Duration> {
        t.begin(user, client, now).err()
    }

    #[test]
    fn a_client_waits_after_five_failures_on_an_account() {
        let t = Throttle::new(Policies::default()).unwrap();
        let now = Instant::now();
        let desk = Some(IpAddr::from([10, 0, 0, 1]));
        for _ in 0..5 {
            fail(&t, "alice", desk, now);
        }
        assert_eq!(wait(&t, "alice", desk, now), Some(Duration::from_secs(2)));
        // Another account is not affected, from the same or another client.
        assert_eq!(wait(&t, "bob", desk, now), None);
        // The wait doubles, and ends.
        let later = now + Duration::from_secs(2);
        fail(&t, "alice", desk, later);
        assert_eq!(wait(&t, "alice", desk, later), Some(Duration::from_secs(4)));
        // A success resets the count of the account and client.
        let even_later = later + Duration::from_secs(4);
        t.begin("alice", desk, even_later)
            .unwrap()
            .succeeded(even_later);
        fail(&t, "alice", desk, even_later);
        assert_eq!(wait(&t, "alice", desk, even_later), None);
        // Requests with no known address are one client.
        for _ in 0..5 {
            fail(&t, "carol", None, now);
        }
        assert_eq!(wait(&t, "carol", None, now), Some(Duration::from_secs(2)));
    }

    #[test]
    fn parallel_attempts_cannot_outrun_the_count() {
        let t = Throttle::new(Policies::default()).unwrap();
        let now = Instant::now();
        // Sent all at once, before any has failed: only the free tries get through.
        let begun: Vec<_> = (0..50)
            .filter_map(|_| t.begin("alice", None, now).ok())
            .collect();
        assert_eq!(begun.len(), UNFAMILIAR.free as usize);
        for attempt in begun {
            attempt.failed(now);
        }
        assert!(wait(&t, "alice", None, now).is_some());
        // The same from one client trying many names.
        let addr = Some(IpAddr::from([192, 0, 2, 9]));
        let begun: Vec<_> = (0..50)
            .filter_map(|i| t.begin(&format!("u{i}"), addr, now).ok())
            .collect();
        assert_eq!(begun.len(), CLIENT.free as usize);
        // Attempts that end without a failure (say, the vault was busy) free their place.
        drop(begun);
        assert_eq!(wait(&t, "v", addr, now), None);
        assert_eq!(t.table().len(), 2, "only alice's counters remain");
    }

    #[test]
    fn a_counter_made_by_a_later_attempt_does_not_hold_an_earlier_one() {
        // Two sign-ins at once: the one that read the clock first may take the lock last.
        let t = Throttle::new(Policies::default()).unwrap();
        let now = Instant::now();
        let desk = Some(IpAddr::from([10, 0, 0, 1]));
        let later = t
            .begin("alice", desk, now + Duration::from_millis(5))
            .unwrap();
        let earlier = t.begin("bob", desk, now);
        assert!(earlier.is_ok(), "waits {:?}", earlier.err());
        let earlier = t.begin("alice", Some(IpAddr::from([10, 0, 0, 2])), now);
        assert!(earlier.is_ok(), "waits {:?}", earlier.err());
        drop(later);
    }

    #[test]
    fn a_client_trying_many_names_waits() {
        let t = Throttle::new(Policies::default()).unwrap();
        let now = Instant::now();
        let addr = Some(IpAddr::from([192, 0, 2, 7]));
        for i in 0..20 {
            fail(&t, &format!("user{i}"), addr, now);
        }
        assert!(wait(&t, "someone-new", addr, now).is_some());
        assert_eq!(
            wait(&t, "someone-new", Some(IpAddr::from([192, 0, 2, 8])), now),
            None
        );
        // Waits are capped.
        let mut at = now;
        for i in 0..30 {
            at += wait(&t, &format!("n{i}"), addr, at).unwrap_or_default();
            fail(&t, &format!("n{i}"), addr, at);
        }
        assert_eq!(wait(&t, "y", addr, at), Some(CLIENT.max));
    }

    #[test]
    fn the_table_stays_bounded() {
        let t = Throttle::new(Policies::default()).unwrap();
        let now = Instant::now();
        for i in 0..(MAX_ENTRIES + 10) {
            fail(
                &t,
                &i.to_string(),
                None,
                now + Duration::from_millis(i as u64),
            );
        }
        assert!(t.table().len() <= MAX_ENTRIES);
    }

    #[test]
    fn a_flood_of_names_does_not_free_a_guessed_account() {
        let t = Throttle::new(Policies::default()).unwrap();
        let now = Instant::now();
        for _ in 0..UNFAMILIAR.free {
            fail(&t, "victim", None, now);
        }
        // Within the victim's 2 s wait, a flood of names fills the table.
        let end = now + Duration::from_micros(MAX_ENTRIES as u64 + 20);
        for i in 0..(MAX_ENTRIES + 20) {
            fail(
                &t,
                &i.to_string(),
                None,
                now + Duration::from_micros(i as u64 + 1),
            );
        }
        assert!(t.table().len() <= MAX_ENTRIES);
        assert!(wait(&t, "victim", None, end).is_some());
    }

    fn addr(i: u32) -> Option<IpAddr> {
        Some(IpAddr::from((0xCB00_7100u32 + i).to_be_bytes()))
    }

    #[test]
    fn guesses_from_many_clients_do_not_hold_a_new_client_back() {
        let t = Throttle::new(Policies::default()).unwrap();
        let now = Instant::now();
        for i in 0..12 {
            fail(&t, "alice", addr(i), now);
        }
        assert_eq!(wait(&t, "alice", addr(100), now), None, "a new client");
        assert_eq!(
            wait(&t, "alice", addr(3), now),
            None,
            "a client with one failure"
        );
    }

    #[test]
    fn past_its_ceiling_an_account_holds_back_unfamiliar_clients_only() {
        let t = Throttle::new(Policies::default()).unwrap();
        let now = Instant::now();
        let home = addr(1000);
        t.begin("alice", home, now).unwrap().succeeded(now);
        // 100 failures from 25 clients, 4 each: none waits yet.
        for i in 0..100 {
            let at = now + Duration::from_secs(i as u64);
            assert_eq!(wait(&t, "alice", addr(i / 4), at), None, "try {i}");
            fail(&t, "alice", addr(i / 4), at);
        }
        // Right after the 100th.
        let at = now + Duration::from_secs(99);
        assert_eq!(
            wait(&t, "alice", addr(500), at),
            Some(Duration::from_secs(60)),
            "a new client waits past the ceiling"
        );
        assert_eq!(
            wait(&t, "alice", home, at),
            None,
            "the familiar client does not"
        );
        // Another account is not affected.
        assert_eq!(wait(&t, "bob", addr(500), at), None);
        // An hour without failure forgets the count.
        let quiet = at + Duration::from_secs(3600);
        assert_eq!(wait(&t, "alice", addr(500), quiet), None);
    }

    #[test]
    fn a_familiar_client_has_its_own_looser_count() {
        let t = Throttle::new(Policies::default()).unwrap();
        let now = Instant::now();
        let home = addr(7);
        let stranger = addr(8);
        t.begin("alice", home, now).unwrap().succeeded(now);
        for _ in 0..5 {
            fail(&t, "alice", stranger, now);
        }
        assert!(
            wait(&t, "alice", stranger, now).is_some(),
            "five from a stranger"
        );
        for i in 0..10 {
            assert_eq!(wait(&t, "alice", home, now), None, "typo {i} at home");
            fail(&t, "alice", home, now);
        }
        assert!(wait(&t, "alice", home, now).is_some(), "ten at home");
        // A flood past the account's ceiling from others leaves a familiar client alone.
        let t = Throttle::new(Policies::default()).unwrap();
        t.begin("alice", home, now).unwrap().succeeded(now);
        for i in 0..300 {
            let at = now + Duration::from_secs(i as u64);
            if wait(&t, "alice", addr(100 + i / 3), at).is_none() {
                fail(&t, "alice", addr(100 + i / 3), at);
            }
        }
        let at = now + Duration::from_secs(300);
        assert!(wait(&t, "alice", addr(9999), at).is_some());
        assert_eq!(wait(&t, "alice", home, at), None);
    }

    #[test]
    fn an_ipv6_client_is_its_64_network_for_each_account() {
        let t = Throttle::new(Policies::default()).unwrap();
        let now = Instant::now();
        let a1: IpAddr = "2001:db8:1:2::1".parse().unwrap();
        let a2: IpAddr = "2001:db8:1:2:ffff::9".parse().unwrap();
        let other: IpAddr = "2001:db8:1:3::1".parse().unwrap();
        for _ in 0..5 {
            fail(&t, "alice", Some(a1), now);
        }
        assert!(wait(&t, "alice", Some(a2), now).is_some(), "same /64");
        assert_eq!(wait(&t, "alice", Some(other), now), None, "another /64");
    }

    #[test]
    fn familiar_clients_are_forgotten_after_30_days_and_bounded() {
        let t = Throttle::new(Policies::default()).unwrap();
        let now = Instant::now();
        let home = addr(1);
        t.begin("alice", home, now).unwrap().succeeded(now);
        // 30 days on, five failures make it wait again, as any unfamiliar client.
        let later = now + FAMILIAR_FOR;
        for _ in 0..5 {
            fail(&t, "alice", home, later);
        }
        assert!(wait(&t, "alice", home, later).is_some());

        // At most 16 clients per account: the one that signed in least recently goes.
        let t = Throttle::new(Policies::default()).unwrap();
        for i in 0..=FAMILIAR_PER_ACCOUNT as u32 {
            let at = now + Duration::from_secs(i.into());
            t.begin("alice", addr(i), at).unwrap().succeeded(at);
        }
        let at = now + Duration::from_secs(100);
        for _ in 0..5 {
            fail(&t, "alice", addr(0), at);
            fail(&t, "alice", addr(1), at);
        }
        assert!(wait(&t, "alice", addr(0), at).is_some(), "forgotten");
        assert_eq!(wait(&t, "alice", addr(1), at), None, "still familiar");

        // Accounts are bounded too; the latest to sign in are kept.
        let t = Throttle::new(Policies::default()).unwrap();
        for i in 0..MAX_FAMILIAR_ACCOUNTS + 10 {
            let at = now + Duration::from_micros(i as u64);
            t.begin(&format!("u{i}"), home, at).unwrap().succeeded(at);
        }
        assert!(t.familiar().len() <= MAX_FAMILIAR_ACCOUNTS);
        let last = MAX_FAMILIAR_ACCOUNTS + 9;
        let account = t.hash(b"user", format!("u{last}").as_bytes());
        let at = now + Duration::from_micros(last as u64);
        assert!(t.is_familiar(&account, &t.client_hash(home), at));
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
        let who = client.map(network).unwrap_or_default();
        let mut key = *blake3::keyed_hash(&self.key, &who).as_bytes();
        let minute = now / 60;
        let mut table = self.table.lock().unwrap_or_else(PoisonError::into_inner);
        if table.len() >= MAX_ENTRIES - 1 && !table.contains_key(&key) {
            table.retain(|_, (m, _)| *m == minute);
            if table.len() >= MAX_ENTRIES - 1 {
                // A flood of distinct clients within one minute: the newcomers share one
                // counter rather than grow the table.
                key = [0; 32];
            }
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

    #[test]
    fn an_ipv6_client_is_its_64_network_and_the_table_stays_bounded() {
        let r = RateLimit::new(2).unwrap();
        let t = 6_000_000;
        let a1: IpAddr = "2001:db8:1:2::1".parse().unwrap();
        let a2: IpAddr = "2001:db8:1:2:ffff::9".parse().unwrap();
        let other: IpAddr = "2001:db8:1:3::1".parse().unwrap();
        assert!(r.check(Some(a1), t).is_ok());
        assert!(r.check(Some(a2), t).is_ok());
        assert!(r.check(Some(a1), t).is_err(), "same /64, same counter");
        assert!(r.check(Some(other), t).is_ok());

        let r = RateLimit::new(1_000).unwrap();
        for i in 0..(MAX_ENTRIES as u32 + 500) {
            let _ = r.check(Some(IpAddr::from(i.to_be_bytes())), t);
        }
        assert!(r.table.lock().unwrap().len() <= MAX_ENTRIES);
    }
}
