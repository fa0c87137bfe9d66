//! The tamper-evident access log: every read and change, as leaves of a BLAKE3 Merkle
//! tree (RFC 6962 structure), with signed checkpoints and proofs. See docs/audit-log.md.

pub mod action;
pub(crate) mod audit;
pub mod event;
pub mod merkle;
pub(crate) mod recover;
pub mod report;
pub(crate) mod store;
pub mod verify;
