//! `vault init`: creates the vault, its first admin and the recovery key.

use std::io::Write;
use std::path::PathBuf;

use anyhow::Context as _;
use clap::Args;
use secrecy::ExposeSecret;
use vault_core::{KdfParams, Settings, Vault};

use crate::context::{new_password, Context};
use crate::words::{say, say_with};
use vault_words::Locale;

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
            eprintln!("{}", say("cli-weak-argon2"));
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
        // Two lines: French, then English, for the one message that must be read whole.
        let warning = format!(
            "{}\n{}",
            Locale::Fr.say("cli-recovery-key"),
            Locale::En.say("cli-recovery-key")
        );
        match self.recovery_key_out {
            Some(path) => {
                write_private(&path, key)?;
                eprintln!(
                    "{warning}\n{}",
                    say_with(
                        "cli-written-to",
                        &[("path", path.display().to_string().into())]
                    )
                );
            }
            None => {
                eprintln!("{warning}");
                println!("{key}");
            }
        }
        eprintln!(
            "{}",
            say_with(
                "cli-vault-created",
                &[
                    ("path", ctx.data_dir.display().to_string().into()),
                    ("admin", created.admin.name.clone().into()),
                ]
            )
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
    let mut file = options.open(path).with_context(|| {
        say_with(
            "cli-cannot-create",
            &[("path", path.display().to_string().into())],
        )
    })?;
    writeln!(file, "{text}")?;
    file.sync_all()?;
    Ok(())
}
