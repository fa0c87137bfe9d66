//! `vault-server [--data-dir DIR] [--listen ADDR] [--public-url URL]`

#![forbid(unsafe_code)]

use std::net::SocketAddr;
use std::path::PathBuf;

use anyhow::Context;
use clap::Parser;
use vault_server::{serve, AppState};

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
        .init();
    let args = Args::parse();
    let vault = vault_core::Vault::open(&args.data_dir)
        .map_err(|e| anyhow::anyhow!("erreur : {} / error: {e}", e.message_fr()))?;
    let listener = tokio::net::TcpListener::bind(args.listen)
        .await
        .with_context(|| format!("cannot listen on {}", args.listen))?;
    tracing::info!(address = %args.listen, "vault-server ready");
    serve(listener, AppState { vault }, shutdown_signal()).await?;
    Ok(())
}
