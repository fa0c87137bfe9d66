//! `vault init`: creates the vault, its first admin and the recovery key.

use std::io::Write;
use std::path::PathBuf;

use anyhow::Context as _;
use clap::Args;
use secrecy::ExposeSecret;
use vault_core::{KdfParams, Settings, Vault};

use crate::context::{new_password, Context};

#[derive(Args)]
pub struct Init {
    /// Name of the first admin / Nom du premier administrateur
    #[arg(long)]
    admin: String,
    /// Address of the server, for links / Adresse publique du serveur
    #[arg(long)]
    public_url: Option<String>,
    /// Write the recovery key to FILE (mode 0600) instead of printing it
    #[arg(long)]
    recovery_key_out: Option<PathBuf>,
    /// File holding the admin's password (else prompted twice)
    #[arg(long)]
    new_password_file: Option<PathBuf>,
    /// argon2id memory in KiB (default 65536); lower only for tests
    #[arg(long)]
    kdf_memory_kib: Option<u32>,
    /// argon2id passes (default 3)
    #[arg(long)]
    kdf_iterations: Option<u32>,
    /// argon2id lanes (default 4)
    #[arg(long)]
    kdf_parallelism: Option<u32>,
}

impl Init {
    pub fn run(self, ctx: &Context) -> anyhow::Result<()> {
        let defaults = KdfParams::default();
        let kdf = KdfParams {
            memory_kib: self.kdf_memory_kib.unwrap_or(defaults.memory_kib),
            iterations: self.kdf_iterations.unwrap_or(defaults.iterations),
            parallelism: self.kdf_parallelism.unwrap_or(defaults.parallelism),
        };
        if kdf.memory_kib < defaults.memory_kib || kdf.iterations < defaults.iterations {
            eprintln!("attention : paramètres argon2 plus faibles que recommandé / warning: argon2 parameters below the recommended ones");
        }
        let mut settings = Settings {
            kdf,
            ..Settings::default()
        };
        if let Some(url) = self.public_url {
            settings.public_url = url;
        }
        // --blobs and the other storage flags are kept in vault.toml's [storage] table,
        // so that the server and every command use the same stores.
        settings.storage = ctx.storage.settings();
        // Refuse before asking for a password that would not be used.
        Vault::check_free(&ctx.data_dir)?;
        let password = match &self.new_password_file {
            Some(f) => new_password(Some(f))?,
            None => new_password(ctx.password_file.as_deref())?,
        };
        let created = Vault::create(&ctx.data_dir, &settings, &self.admin, &password)?;
        let key = created.recovery_key.expose_secret();
        let warning = "CLÉ DE SECOURS : elle seule permet de récupérer un compte ou le coffre. Gardez-la hors ligne (papier, coffre), jamais sur cet ordinateur.\n\
                       RECOVERY KEY: the only way to recover an account or the vault. Keep it offline (paper, safe), never on this computer.";
        match self.recovery_key_out {
            Some(path) => {
                write_private(&path, key)?;
                eprintln!("{warning}\nÉcrite dans / written to {}", path.display());
            }
            None => {
                eprintln!("{warning}");
                println!("{key}");
            }
        }
        eprintln!(
            "Coffre créé dans / vault created in {} ; administrateur / admin: {}",
            ctx.data_dir.display(),
            created.admin.name
        );
        Ok(())
    }
}

/// Creates a file readable by its owner only.
fn write_private(path: &std::path::Path, text: &str) -> anyhow::Result<()> {
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    let mut file = options
        .open(path)
        .with_context(|| format!("impossible de créer / cannot create {}", path.display()))?;
    writeln!(file, "{text}")?;
    file.sync_all()?;
    Ok(())
}
