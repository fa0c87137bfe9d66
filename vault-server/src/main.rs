//! `vault-server [--data-dir DIR] [--listen ADDR] [--public-url URL]`

#![forbid(unsafe_code)]

use std::net::SocketAddr;
use std::path::PathBuf;

use anyhow::Context;
use clap::Parser;
use secrecy::ExposeSecret;
use vault_core::{Error, KdfParams, Vault};
use vault_server::{serve, AppState, Config};

/// Serveur du coffre / Vault server.
#[derive(Parser)]
#[command(name = "vault-server", version, about)]
struct Args {
    /// Data directory / Dossier de données
    #[arg(long, env = "VAULT_DIR", default_value = "vault-data")]
    data_dir: PathBuf,
    /// Address to listen on / Adresse d'écoute
    #[arg(long, env = "VAULT_LISTEN", default_value = "127.0.0.1:8080")]
    listen: SocketAddr,
    /// Address users reach (https behind a proxy) / Adresse publique
    #[arg(
        long,
        env = "VAULT_PUBLIC_URL",
        default_value = "http://127.0.0.1:8080"
    )]
    public_url: String,
    /// The association's name, shown to lawyers on share links / Nom de l'association
    #[arg(long, env = "VAULT_ASSOCIATION")]
    association: Option<String>,
    /// Largest upload, e.g. 2GiB, 500MiB, 1000000 / Taille maximale d'un envoi
    #[arg(long, env = "VAULT_MAX_UPLOAD", default_value = "2GiB", value_parser = parse_size)]
    max_upload: u64,
    /// Free space the disk must keep; below it uploads and changes get 507, reads go on
    /// / Espace libre minimal
    #[arg(long, env = "VAULT_MIN_FREE", default_value = "64MiB", value_parser = parse_size)]
    min_free: u64,
    /// Blob store: s3://BUCKET/PREFIX or a directory [default: [storage] of vault.toml,
    /// else blobs/ of the data directory]
    #[arg(long, env = "VAULT_BLOBS")]
    blobs: Option<String>,
    /// A second store that receives every blob before an upload is acknowledged
    #[arg(long, env = "VAULT_BLOBS_MIRROR")]
    blobs_mirror: Option<String>,
    /// S3 endpoint, e.g. http://127.0.0.1:3900 (Garage, MinIO)
    #[arg(long, env = "VAULT_S3_ENDPOINT")]
    s3_endpoint: Option<String>,
    /// S3 region
    #[arg(long, env = "VAULT_S3_REGION")]
    s3_region: Option<String>,
    /// Path-style S3 requests (Garage, MinIO)
    #[arg(long, env = "VAULT_S3_PATH_STYLE")]
    s3_path_style: bool,
    /// File with AWS_ACCESS_KEY_ID=... and AWS_SECRET_ACCESS_KEY=... lines [default: the
    /// environment]
    #[arg(long, env = "VAULT_S3_CREDENTIALS")]
    s3_credentials: Option<PathBuf>,
    /// Where online backups go: a directory or s3://BUCKET/PREFIX / Destination des
    /// sauvegardes
    #[arg(long, env = "VAULT_BACKUP_TO")]
    backup_to: Option<String>,
    /// How often to back up, e.g. 24h (needs --backup-to) / Fréquence des sauvegardes
    #[arg(long, env = "VAULT_BACKUP_EVERY", value_parser = parse_duration, requires = "backup_to")]
    backup_every: Option<u64>,
    /// Take client addresses from X-Forwarded-For (only behind your own proxy)
    #[arg(long, env = "VAULT_TRUST_PROXY")]
    trust_proxy: bool,
    /// Requests per minute per client on share and upload link pages
    #[arg(long, env = "VAULT_LINK_RATE", default_value_t = 60)]
    link_rate: u32,
    /// Seconds a client has to send its request headers
    #[arg(
        long,
        env = "VAULT_HEADER_TIMEOUT_SECS",
        default_value_t = 10,
        hide = true
    )]
    header_timeout_secs: u64,
    /// argon2id memory in KiB for a vault made by the setup page (default 65536); lower
    /// only for tests
    #[arg(long, env = "VAULT_KDF_MEMORY_KIB", hide = true)]
    kdf_memory_kib: Option<u32>,
    /// argon2id passes for the setup page's vault (default 3)
    #[arg(long, env = "VAULT_KDF_ITERATIONS", hide = true)]
    kdf_iterations: Option<u32>,
    /// argon2id lanes for the setup page's vault (default 4)
    #[arg(long, env = "VAULT_KDF_PARALLELISM", hide = true)]
    kdf_parallelism: Option<u32>,
}

/// `24h`, `30d`, `90m`, or seconds.
/// The `--backup-to` target, opened with the storage settings in force (for S3: the
/// endpoint, region and style).
fn backup_target(
    args: &Args,
    settings: &vault_core::StorageSettings,
    credentials: &vault_storage::Credentials,
) -> anyhow::Result<Option<vault_storage::backup::Target>> {
    let Some(location) = &args.backup_to else {
        return Ok(None);
    };
    let target = vault_storage::backup::Target::open(location, settings, credentials)
        .map_err(|e| anyhow::anyhow!(vault_words::bilingual(&e)))?;
    tracing::info!(target = %target.describe(), every = ?args.backup_every, "online backups");
    Ok(Some(target))
}

fn parse_duration(text: &str) -> Result<u64, String> {
    match vault_core::parse_duration(text) {
        Ok(0) => Err(vault_words::bilingual(&vault_core::Error::Invalid(
            vault_core::Problem::DurationZero,
        ))),
        Ok(s) => Ok(s),
        Err(e) => Err(vault_words::bilingual(&e)),
    }
}

/// `2GiB`, `500MiB`, `64KiB`, `10MB`, or bytes.
fn parse_size(text: &str) -> Result<u64, String> {
    vault_core::parse_size(text).map_err(|e| vault_words::bilingual(&e))
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! { _ = ctrl_c => {}, _ = term => {} }
    tracing::info!("shutting down");
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env().unwrap_or_else(|_| "info".into()),
        )
        .with_writer(std::io::stderr)
        .with_ansi(std::io::IsTerminal::is_terminal(&std::io::stderr()))
        .init();
    let args = Args::parse();
    let defaults = KdfParams::default();
    let setup_kdf = (args.kdf_memory_kib.is_some()
        || args.kdf_iterations.is_some()
        || args.kdf_parallelism.is_some())
    .then(|| KdfParams {
        memory_kib: args.kdf_memory_kib.unwrap_or(defaults.memory_kib),
        iterations: args.kdf_iterations.unwrap_or(defaults.iterations),
        parallelism: args.kdf_parallelism.unwrap_or(defaults.parallelism),
    });
    let config = Config {
        public_url: args.public_url.trim_end_matches('/').to_owned(),
        max_upload_bytes: args.max_upload,
        association: args.association.clone().filter(|a| !a.trim().is_empty()),
        setup_kdf,
        trust_proxy: args.trust_proxy,
        header_timeout: std::time::Duration::from_secs(args.header_timeout_secs.max(1)),
        link_rate_per_minute: args.link_rate.max(1),
        min_free_bytes: args.min_free,
        backup_every: args.backup_every.map(std::time::Duration::from_secs),
        ..Config::new(args.data_dir.clone())
    };
    let overrides = vault_core::StorageSettings {
        blobs: args.blobs.clone(),
        mirror: args.blobs_mirror.clone(),
        s3_endpoint: args.s3_endpoint.clone(),
        s3_region: args.s3_region.clone(),
        s3_path_style: args.s3_path_style,
    };
    let credentials = vault_storage::Credentials::load(args.s3_credentials.as_deref())
        .map_err(|e| anyhow::anyhow!(vault_words::bilingual(&e)))?;
    let config = Config {
        storage: overrides.clone(),
        s3_credentials: args.s3_credentials.clone(),
        ..config
    };
    let listener = tokio::net::TcpListener::bind(args.listen)
        .await
        .with_context(|| format!("cannot listen on {}", args.listen))?;
    let opened = vault_storage::open_vault(&args.data_dir, &overrides, &credentials);
    let state = match opened {
        Ok(vault) => {
            let swept = vault.swept_at_open();
            if swept > 0 {
                tracing::info!(swept, "unfinished uploads from a previous run removed");
            }
            for notice in vault.log_notices() {
                tracing::warn!(
                    "{}",
                    vault_words::log::notice(vault_words::Locale::En, &notice)
                );
            }
            tracing::info!(store = %vault.blob_store().describe(), "blob store");
            let stored = vault_storage::merge(vault.storage_settings(), &overrides);
            match backup_target(&args, &stored, &credentials)? {
                None => AppState::new(vault, config)?,
                Some(target) => AppState::with_backups(vault, config, target)?,
            }
        }
        Err(Error::NotAVault { .. }) => {
            // Refuse a directory that holds something else before offering to set it up.
            Vault::check_free(&args.data_dir)
                .map_err(|e| anyhow::anyhow!(vault_words::bilingual(&e)))?;
            let target = backup_target(&args, &overrides, &credentials)?;
            let (state, token) = AppState::awaiting_setup(config, target)?;
            let url = state.setup_url(&token);
            // On stdout, not in the log: the address is a one-time secret.
            println!(
                "Aucun coffre dans {dir} : ouvrez cette adresse pour le créer (une seule fois) :\n\
                 No vault in {dir}: open this address to create it (once):\n\n    {}\n",
                url.expose_secret(),
                dir = args.data_dir.display()
            );
            state
        }
        Err(e) => anyhow::bail!(vault_words::bilingual(&e)),
    };
    let address = listener.local_addr()?;
    tracing::info!(%address, "vault-server ready");
    serve(listener, state, shutdown_signal()).await?;
    Ok(())
}
