//! Online backups while the server runs: on a schedule (`--backup-every`), and when an
//! admin asks (`POST /api/v1/admin/backups`, the button of the admin page). One at a time.
//! A failed backup is logged as an error, kept as the last result for the admin page, and
//! recorded in the access log (`backup.create`, failed).

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;

use axum::http::StatusCode;
use serde::Serialize;
use vault_core::{Session, Vault};
use vault_storage::backup::{self, BackupReport, Target};

use crate::error::ApiError;
use crate::state::AppState;
use vault_words::Locale;

/// The server's backup target and the last outcome.
#[derive(Default)]
pub struct Backups {
    target: Option<Arc<Target>>,
    running: AtomicBool,
    last: Mutex<Option<LastBackup>>,
}

/// The last backup's outcome, for admins.
#[derive(Clone, Debug, Serialize)]
pub struct LastBackup {
    /// When it ended (seconds since the Unix epoch).
    pub at: u64,
    /// Whether it succeeded.
    pub ok: bool,
    /// What it did, when it succeeded.
    pub report: Option<BackupReport>,
    /// Why it failed (English), and in French.
    pub error: Option<String>,
    /// Why it failed, in French.
    pub error_fr: Option<String>,
}

/// Why no backup was taken.
pub enum BackupRefused {
    /// No `--backup-to`.
    NoTarget,
    /// One is running.
    Running,
    /// It ran and failed.
    Failed(vault_core::Error),
}

impl From<BackupRefused> for ApiError {
    fn from(refused: BackupRefused) -> Self {
        match refused {
            BackupRefused::NoTarget => ApiError::said(
                StatusCode::CONFLICT,
                "no_backup_target",
                "api-no-backup-target",
            ),
            BackupRefused::Running => {
                ApiError::said(StatusCode::CONFLICT, "backup_running", "api-backup-running")
            }
            BackupRefused::Failed(e) => {
                ApiError::in_both(StatusCode::SERVICE_UNAVAILABLE, "backup_failed", |l| {
                    let reason = vault_words::error_message(l, &e);
                    l.say_with("api-backup-failed", &[("reason", reason.into())])
                })
            }
        }
    }
}

impl Backups {
    /// Backups to `target` (none when `None`).
    pub fn new(target: Option<Target>) -> Self {
        Backups {
            target: target.map(Arc::new),
            ..Backups::default()
        }
    }

    /// The target, as configured.
    pub fn target(&self) -> Option<&str> {
        self.target.as_deref().map(Target::describe)
    }

    /// Whether one is running.
    pub fn running(&self) -> bool {
        self.running.load(Ordering::SeqCst)
    }

    /// The last outcome.
    pub fn last(&self) -> Option<LastBackup> {
        self.last
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .clone()
    }

    /// Takes a backup now, on a blocking thread; `by` is the admin who asked.
    pub async fn run(
        self: &Arc<Self>,
        vault: Vault,
        by: Option<Arc<Session>>,
    ) -> Result<BackupReport, BackupRefused> {
        let target = self.target.clone().ok_or(BackupRefused::NoTarget)?;
        if self.running.swap(true, Ordering::SeqCst) {
            return Err(BackupRefused::Running);
        }
        let result =
            tokio::task::spawn_blocking(move || backup::backup(&vault, by.as_deref(), &target))
                .await
                .unwrap_or_else(|e| {
                    Err(vault_core::Error::Io(std::io::Error::other(e.to_string())))
                });
        self.running.store(false, Ordering::SeqCst);
        let last = match &result {
            Ok(report) => {
                tracing::info!(
                    snapshot = %report.snapshot,
                    blobs_copied = report.blobs_copied,
                    bytes_copied = report.bytes_copied,
                    took_ms = report.took_ms,
                    "backup done"
                );
                LastBackup {
                    at: vault_core::unix_now(),
                    ok: true,
                    report: Some(report.clone()),
                    error: None,
                    error_fr: None,
                }
            }
            Err(e) => {
                tracing::error!(error = %e, "BACKUP FAILED: the vault has no fresh second copy");
                LastBackup {
                    at: vault_core::unix_now(),
                    ok: false,
                    report: None,
                    error: Some(vault_words::error_message(Locale::En, e)),
                    error_fr: Some(vault_words::error_message(Locale::Fr, e)),
                }
            }
        };
        *self.last.lock().unwrap_or_else(PoisonError::into_inner) = Some(last);
        result.map_err(BackupRefused::Failed)
    }
}

/// Backs up every `every`, the first one `every` after start; a tick before the setup
/// page has created the vault is skipped.
pub fn schedule(state: AppState, every: Duration) {
    tokio::spawn(async move {
        loop {
            tokio::time::sleep(every).await;
            let Ok(vault) = state.vault() else { continue };
            // The outcome is logged and kept by `run`.
            let _ = state.inner.backups.run(vault, None).await;
        }
    });
}
