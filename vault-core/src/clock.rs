//! The vault's clock: what "now" is for dates that people rely on (a case's last contact,
//! its retention term, a link's expiry). Injected, so that a test moves time forward
//! instead of waiting for it (`testing::ManualClock`). The access log's event times and
//! backups keep the system's clock: they record when things really happened.

/// Seconds since the Unix epoch, as the vault sees them.
pub trait Clock: Send + Sync {
    /// Now, in Unix seconds.
    fn now(&self) -> u64;
}

/// The system's clock (the default).
pub struct SystemClock;

impl Clock for SystemClock {
    fn now(&self) -> u64 {
        crate::ids::now()
    }
}
