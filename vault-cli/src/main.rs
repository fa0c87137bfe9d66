//! `vault`: the command line of the document vault, on a local data directory.

#![forbid(unsafe_code)]

mod backup;
mod bundle;
mod case;
mod context;
mod doc;
mod init;
mod link;
mod log;
mod recovery;
mod retention;
mod team;
mod user;
mod words;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use context::Context;

/// Coffre-fort de documents chiffrés / Encrypted document vault.
#[derive(Parser)]
#[command(name = "vault", version, about)]
struct Cli {
    /// Data directory / Dossier de données [default: $VAULT_DIR, else ./vault-data]
    #[arg(long, global = true, env = "VAULT_DIR", default_value = "vault-data")]
    data_dir: PathBuf,
    /// Acting user / Utilisateur
    #[arg(long, global = true, env = "VAULT_USER")]
    user: Option<String>,
    /// File holding the password (else a prompt) / Fichier contenant le mot de passe
    #[arg(long, global = true, env = "VAULT_PASSWORD_FILE")]
    password_file: Option<PathBuf>,
    /// Free space the disk must keep, e.g. 64MiB; below it changes are refused / Espace
    /// libre minimal
    #[arg(long, global = true, env = "VAULT_MIN_FREE", value_parser = parse_size)]
    min_free: Option<u64>,
    #[command(flatten)]
    storage: StorageArgs,
    #[command(subcommand)]
    command: Command,
}

/// Where the blobs are, over `[storage]` of vault.toml (the same flags as vault-server).
#[derive(clap::Args, Clone, Default)]
pub struct StorageArgs {
    /// Blob store: s3://BUCKET/PREFIX or a directory [default: [storage] of vault.toml,
    /// else blobs/ of the data directory]
    #[arg(long, global = true, env = "VAULT_BLOBS")]
    blobs: Option<String>,
    /// A second store that receives every blob too / Copie miroir
    #[arg(long, global = true, env = "VAULT_BLOBS_MIRROR")]
    blobs_mirror: Option<String>,
    /// S3 endpoint, e.g. http://127.0.0.1:3900 (Garage, MinIO)
    #[arg(long, global = true, env = "VAULT_S3_ENDPOINT")]
    s3_endpoint: Option<String>,
    /// S3 region
    #[arg(long, global = true, env = "VAULT_S3_REGION")]
    s3_region: Option<String>,
    /// Path-style S3 requests (Garage, MinIO)
    #[arg(long, global = true, env = "VAULT_S3_PATH_STYLE")]
    s3_path_style: bool,
    /// File with AWS_ACCESS_KEY_ID=... and AWS_SECRET_ACCESS_KEY=... lines [default: the
    /// environment]
    #[arg(long, global = true, env = "VAULT_S3_CREDENTIALS")]
    s3_credentials: Option<PathBuf>,
}

impl StorageArgs {
    pub fn settings(&self) -> vault_core::StorageSettings {
        vault_core::StorageSettings {
            blobs: self.blobs.clone(),
            mirror: self.blobs_mirror.clone(),
            s3_endpoint: self.s3_endpoint.clone(),
            s3_region: self.s3_region.clone(),
            s3_path_style: self.s3_path_style,
        }
    }
}

#[derive(Subcommand)]
enum Command {
    /// Create a vault, its first admin and its recovery key / Créer un coffre
    Init(init::Init),
    /// Users / Utilisateurs
    #[command(subcommand)]
    User(user::UserCmd),
    /// The recovery key shared among custodians / Clé de récupération partagée
    #[command(subcommand)]
    Recovery(recovery::RecoveryCmd),
    /// Teams / Équipes
    #[command(subcommand)]
    Team(team::TeamCmd),
    /// Cases / Dossiers
    #[command(subcommand)]
    Case(case::CaseCmd),
    /// Documents
    #[command(subcommand)]
    Doc(doc::DocCmd),
    /// Share links for lawyers / Liens de partage
    #[command(subcommand)]
    Share(link::ShareCmd),
    /// Evidence bundles for a lawyer or a court / Dossiers de preuves
    #[command(subcommand)]
    Bundle(bundle::BundleCmd),
    /// Upload links for beneficiaries / Liens de dépôt
    #[command(subcommand)]
    UploadLink(link::UploadLinkCmd),
    /// Access log / Journal des accès
    #[command(subcommand)]
    Log(log::LogCmd),
    /// How long cases are kept: the due list, holds, the sweep / Durée de conservation
    #[command(subcommand)]
    Retention(retention::RetentionCmd),
    /// Back up the vault (when no server holds it); list and prune backups / Sauvegardes
    Backup(backup::BackupCmd),
    /// Restore a backup into a new data directory / Restaurer une sauvegarde
    Restore(backup::RestoreCmd),
    /// Check the data directory; --repair removes orphans / Vérifier le coffre
    Fsck {
        /// Remove orphan blobs and unfinished writes
        #[arg(long)]
        repair: bool,
        /// JSON output
        #[arg(long)]
        json: bool,
    },
}

fn run(cli: Cli) -> anyhow::Result<()> {
    let ctx = Context {
        data_dir: cli.data_dir,
        user: cli.user,
        password_file: cli.password_file,
        min_free: cli.min_free,
        storage: cli.storage,
    };
    match cli.command {
        Command::Init(cmd) => cmd.run(&ctx),
        Command::User(cmd) => cmd.run(&ctx),
        Command::Recovery(cmd) => cmd.run(&ctx),
        Command::Team(cmd) => cmd.run(&ctx),
        Command::Case(cmd) => cmd.run(&ctx),
        Command::Doc(cmd) => cmd.run(&ctx),
        Command::Share(cmd) => cmd.run(&ctx),
        Command::Bundle(cmd) => cmd.run(&ctx),
        Command::UploadLink(cmd) => cmd.run(&ctx),
        Command::Log(cmd) => cmd.run(&ctx),
        Command::Retention(cmd) => cmd.run(&ctx),
        Command::Backup(cmd) => cmd.run(&ctx),
        Command::Restore(cmd) => cmd.run(&ctx),
        Command::Fsck { repair, json } => doc::fsck(&ctx, repair, json),
    }
}

fn parse_size(text: &str) -> Result<u64, String> {
    vault_core::parse_size(text).map_err(|e| vault_words::bilingual(&e))
}

fn main() -> ExitCode {
    // A closed pipe (`vault log prove ... | head`) ends the program quietly, as it does
    // other Unix tools, instead of a panic on the next print.
    sigpipe::reset();
    // Whether the command asked for JSON: then a failure is a JSON object on stdout too.
    let json = std::env::args_os().any(|a| a == "--json");
    let cli = Cli::parse();
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("{}", context::describe(&e));
            if json {
                println!("{}", context::json_error(&e));
            }
            ExitCode::FAILURE
        }
    }
}
