//! What the handlers share: the vault (once set up), the sessions, the sign-in throttle
//! and the argon2 pool.

use std::path::PathBuf;
use std::sync::{Arc, Mutex, OnceLock, PoisonError};
use std::time::Duration;

use secrecy::{ExposeSecret, SecretString};
use subtle::ConstantTimeEq;
use vault_core::{KdfParams, Vault};

use crate::error::{ApiError, ApiResult};
use crate::sessions::Sessions;
use crate::throttle::{Policies, Throttle};

/// The server's settings, from its command line or environment.
#[derive(Clone, Debug)]
pub struct Config {
    /// The data directory.
    pub data_dir: PathBuf,
    /// The address users reach, e.g. `https://coffre.example.org` (cookies are `Secure`
    /// when it is https).
    pub public_url: String,
    /// Largest upload, in bytes (the vault's own limit applies too).
    pub max_upload_bytes: u64,
    /// The association's name, said to the lawyers who open a share link (`None`: "a
    /// legal-aid association").
    pub association: Option<String>,
    /// argon2id parameters of a vault made by the setup page (`None`: the defaults).
    pub setup_kdf: Option<KdfParams>,
    /// Take the client's address from the last `X-Forwarded-For` entry (behind a proxy).
    pub trust_proxy: bool,
    /// Sign-in throttling per account and client, per account, and per client.
    pub throttle: Policies,
    /// How many argon2 computations run at once (about one per core).
    pub kdf_slots: usize,
    /// A client must send its request headers within this time.
    pub header_timeout: Duration,
    /// Requests per minute per client on share and upload link pages.
    pub link_rate_per_minute: u32,
    /// Free bytes the data directory's disk must keep: below it, changes and uploads are
    /// answered 507 (the vault's floor, `vault_core::DEFAULT_MIN_FREE` by default).
    pub min_free_bytes: u64,
    /// Where online backups go, and how often (`None`: only on demand).
    pub backup_every: Option<Duration>,
    /// Blob stores given by flags, written to `vault.toml` by the setup page.
    pub storage: vault_core::StorageSettings,
    /// `--s3-credentials`: the file of S3 keys (`None`: the environment).
    pub s3_credentials: Option<PathBuf>,
}

impl Config {
    /// Defaults for a data directory: `http://127.0.0.1:8080`, 2 GiB uploads.
    pub fn new(data_dir: PathBuf) -> Config {
        Config {
            data_dir,
            public_url: "http://127.0.0.1:8080".into(),
            max_upload_bytes: 2 * 1024 * 1024 * 1024,
            association: None,
            setup_kdf: None,
            trust_proxy: false,
            throttle: Policies::default(),
            kdf_slots: std::thread::available_parallelism().map_or(1, |n| n.get()),
            header_timeout: crate::serve::HEADER_TIMEOUT,
            link_rate_per_minute: 60,
            min_free_bytes: vault_core::DEFAULT_MIN_FREE,
            backup_every: None,
            storage: vault_core::StorageSettings::default(),
            s3_credentials: None,
        }
    }
}

/// Shared state of the handlers: a cheap clone.
#[derive(Clone)]
pub struct AppState {
    pub(crate) inner: Arc<Shared>,
}

pub(crate) struct Shared {
    pub config: Config,
    vault: OnceLock<Vault>,
    /// BLAKE3 of the one-time setup token, until the vault is created.
    setup: Mutex<Option<[u8; 32]>>,
    pub sessions: Sessions,
    /// Beneficiaries with their space open.
    pub spaces: Sessions<vault_core::Space>,
    /// Pages with a secret shown once (a new link, a space's code), until their one display.
    pub shown: Sessions<crate::web::Shown>,
    /// Upload receipts, kept for their display after the form's redirect.
    pub receipts: Sessions<crate::links::upload::Receipted>,
    pub throttle: Throttle,
    /// Requests per client on the link pages.
    pub link_rate: crate::throttle::RateLimit,
    /// Runs the argon2 computations (64 MiB each by default), a few at once.
    pub kdf: crate::kdf::KdfPool,
    /// Online backups: target, the one running, the last outcome.
    pub backups: Arc<crate::backups::Backups>,
}

impl AppState {
    fn build(
        config: Config,
        vault: Option<Vault>,
        target: Option<vault_storage::backup::Target>,
    ) -> std::io::Result<AppState> {
        let throttle = config.throttle;
        let slots = config.kdf_slots.max(1);
        let rate = config.link_rate_per_minute;
        let cell = OnceLock::new();
        if let Some(v) = vault {
            v.set_min_free_bytes(config.min_free_bytes);
            let _ = cell.set(v);
        }
        let state = AppState {
            inner: Arc::new(Shared {
                config,
                vault: cell,
                setup: Mutex::new(None),
                sessions: Sessions::default(),
                spaces: Sessions::default(),
                shown: Sessions::default(),
                receipts: Sessions::default(),
                throttle: Throttle::new(throttle)?,
                link_rate: crate::throttle::RateLimit::new(rate)?,
                kdf: crate::kdf::KdfPool::new(slots)?,
                backups: Arc::new(crate::backups::Backups::new(target)),
            }),
        };
        if let (Some(every), Some(_)) = (state.config().backup_every, state.inner.backups.target())
        {
            crate::backups::schedule(state.clone(), every);
        }
        Ok(state)
    }

    /// State over an open vault.
    pub fn new(vault: Vault, config: Config) -> std::io::Result<AppState> {
        AppState::build(config, Some(vault), None)
    }

    /// State over an open vault that backs up to `target` (on demand, and every
    /// `config.backup_every` if set).
    pub fn with_backups(
        vault: Vault,
        config: Config,
        target: vault_storage::backup::Target,
    ) -> std::io::Result<AppState> {
        AppState::build(config, Some(vault), Some(target))
    }

    /// State of a server with no vault yet; returns the one-time setup token, to print.
    /// Backups to `target` begin once the setup page has created the vault.
    pub fn awaiting_setup(
        config: Config,
        target: Option<vault_storage::backup::Target>,
    ) -> std::io::Result<(AppState, SecretString)> {
        let state = AppState::build(config, None, target)?;
        let token = crate::sessions::random_token()?;
        *state.setup_slot() = Some(*blake3::hash(token.expose_secret().as_bytes()).as_bytes());
        Ok((state, token))
    }

    /// The setup address to print: `{public_url}/setup/{token}`.
    pub fn setup_url(&self, token: &SecretString) -> SecretString {
        SecretString::from(format!(
            "{}/setup/{}",
            self.config().public_url.trim_end_matches('/'),
            token.expose_secret()
        ))
    }

    pub(crate) fn config(&self) -> &Config {
        &self.inner.config
    }

    pub(crate) fn secure(&self) -> bool {
        self.config().public_url.starts_with("https://")
    }

    /// Whether a vault is open (set up).
    pub fn is_set_up(&self) -> bool {
        self.inner.vault.get().is_some()
    }

    /// The vault, or 503 while the setup page has not been used.
    pub(crate) fn vault(&self) -> ApiResult<Vault> {
        self.inner.vault.get().cloned().ok_or_else(|| {
            ApiError::said(
                axum::http::StatusCode::SERVICE_UNAVAILABLE,
                "setup_required",
                "api-setup-required",
            )
        })
    }

    fn setup_slot(&self) -> std::sync::MutexGuard<'_, Option<[u8; 32]>> {
        self.inner
            .setup
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
    }

    /// Whether `token` is the live setup token.
    pub(crate) fn setup_token_matches(&self, token: &str) -> bool {
        let hash = blake3::hash(token.as_bytes());
        self.setup_slot()
            .as_ref()
            .is_some_and(|h| bool::from(h.ct_eq(hash.as_bytes())))
    }

    /// Takes the setup token so that no second setup can start; `None` if it is not live.
    pub(crate) fn take_setup(&self, token: &str) -> Option<[u8; 32]> {
        let mut slot = self.setup_slot();
        let hash = blake3::hash(token.as_bytes());
        match *slot {
            Some(h) if bool::from(h.ct_eq(hash.as_bytes())) => slot.take(),
            _ => None,
        }
    }

    /// Gives the setup token back after a failed setup.
    pub(crate) fn restore_setup(&self, hash: [u8; 32]) {
        *self.setup_slot() = Some(hash);
    }

    /// Installs the vault made by the setup page.
    pub(crate) fn install(&self, vault: Vault) {
        vault.set_min_free_bytes(self.inner.config.min_free_bytes);
        let _ = self.inner.vault.set(vault);
    }

    /// Destroys the keys of share links that died since the last sweep.
    pub async fn sweep_links(&self) {
        let Some(vault) = self.inner.vault.get().cloned() else {
            return;
        };
        let now = vault_core::unix_now();
        match tokio::task::spawn_blocking(move || vault.sweep_links(now)).await {
            Ok(Ok(0)) => {}
            Ok(Ok(n)) => tracing::info!(links = n, "dead share links swept"),
            Ok(Err(e)) => tracing::error!(error = %e, "sweeping share links failed"),
            Err(e) => tracing::error!(error = %e, "sweeping share links failed"),
        }
    }

    /// Erases the cases whose retention term has come (each in the log as
    /// `retention.erase` by `system`); the server calls it at start and every hour.
    /// Returns how many went.
    pub async fn sweep_retention(&self) -> usize {
        let Some(vault) = self.inner.vault.get().cloned() else {
            return 0;
        };
        match tokio::task::spawn_blocking(move || vault.sweep_retention(false)).await {
            Ok(Ok(swept)) => {
                if !swept.is_empty() {
                    // Ids only: the log says which; no name reaches the server's output.
                    tracing::info!(cases = swept.len(), "cases erased at their retention term");
                }
                swept.len()
            }
            Ok(Err(e)) => {
                tracing::error!(code = e.code(), "the retention sweep failed");
                0
            }
            Err(e) => {
                tracing::error!(error = %e, "the retention sweep failed");
                0
            }
        }
    }

    /// Removes expired sessions; the server calls it every minute.
    pub fn sweep_sessions(&self) -> usize {
        let now = std::time::Instant::now();
        self.inner.sessions.sweep(now)
            + self.inner.spaces.sweep(now)
            + self.inner.shown.sweep(now)
            + self.inner.receipts.sweep(now)
    }
}
