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
    /// Write the whole recovery key to FILE (mode 0600), not split into shares
    #[arg(long)]
    recovery_key_out: Option<PathBuf>,
    /// Write the recovery key's three shares (any two give it back) to a new directory,
    /// as share-N.txt and its QR code share-N.svg, instead of printing them
    #[arg(long, conflicts_with = "recovery_key_out")]
    recovery_shares_out: Option<PathBuf>,
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
        let both = |id: &str| format!("{}\n{}", Locale::Fr.say(id), Locale::En.say(id));
        // A new vault starts with a 2-of-3 recovery, as the setup page's does; the whole
        // key only when asked for by name.
        let split = || {
            vault_core::SecretKey::parse(key)
                .and_then(|k| vault_core::split_key(&k, SETUP_SHARES, SETUP_THRESHOLD))
        };
        match (self.recovery_key_out, self.recovery_shares_out) {
            (Some(path), _) => {
                write_private(&path, key)?;
                eprintln!(
                    "{}\n{}",
                    both("cli-recovery-key"),
                    say_with(
                        "cli-written-to",
                        &[("path", path.display().to_string().into())]
                    )
                );
            }
            (None, Some(dir)) => {
                let shares = split()?;
                crate::recovery::write_shares(&dir, &shares, &[])?;
                eprintln!(
                    "{}\n{}",
                    both("cli-recovery-shares"),
                    crate::recovery::written(
                        "cli-recovery-split",
                        shares.len(),
                        SETUP_THRESHOLD,
                        &dir
                    )
                );
            }
            (None, None) => {
                let shares = split()?;
                eprintln!("{}", both("cli-recovery-shares"));
                for share in &shares {
                    println!("{}", share.expose_secret());
                }
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

/// A new vault's recovery: three shares, any two of which give the key back.
const SETUP_SHARES: u8 = 3;
const SETUP_THRESHOLD: u8 = 2;

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
