//! Fault-injection points, for the fault suite (`tests/faults.rs`): each write of the
//! vault's files can be made to fail with ENOSPC or EIO. They are the `fail` crate's
//! points, compiled to nothing unless the `failpoints` feature is on; with it, they stay
//! inactive until a test configures them (`fail::cfg("log.events.fsync", "return(eio)")`).
//!
//! | point | where |
//! |---|---|
//! | `blob.write`, `blob.fsync`, `blob.rename`, `blob.dirsync` | a blob's bytes, its fsync, its rename into `blobs/`, the directory's fsync |
//! | `log.levels`, `log.levels.fsync`, `log.events`, `log.events.fsync`, `log.offsets`, `log.offsets.fsync` | an append to the access log |
//! | `catalog.batch`, `catalog.flush` | a catalogue batch, before it is applied in memory and before its flush |

/// The error a configured point returns: `return(eio)` gives EIO, anything else ENOSPC.
#[cfg_attr(not(feature = "failpoints"), allow(dead_code))]
pub(crate) fn injected(arg: Option<String>) -> std::io::Error {
    match arg.as_deref() {
        Some("eio") => std::io::Error::from_raw_os_error(5),
        _ => std::io::Error::from(std::io::ErrorKind::StorageFull),
    }
}

/// Fails the enclosing function (or closure) when the point is configured.
macro_rules! inject {
    ($name:literal) => {
        fail::fail_point!($name, |arg| Err(crate::faults::injected(arg).into()))
    };
}
pub(crate) use inject;
