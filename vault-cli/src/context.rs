//! What every command needs: the data directory, the acting user, their password.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};

use crate::words::{say, say_with};
use anyhow::{anyhow, Context as _};
use secrecy::{ExposeSecret, SecretString};
use vault_core::{Session, Vault};
use zeroize::Zeroize;

pub struct Context {
    pub data_dir: PathBuf,
    pub user: Option<String>,
    pub password_file: Option<PathBuf>,
    /// The free-space floor (`None`: the vault's default).
    pub min_free: Option<u64>,
    /// Blob stores given by flags (over `[storage]` of vault.toml).
    pub storage: crate::StorageArgs,
}

impl Context {
    pub fn open(&self) -> anyhow::Result<Vault> {
        let vault = vault_storage::open_vault(
            &self.data_dir,
            &self.storage.settings(),
            &self.credentials()?,
        )?;
        if let Some(bytes) = self.min_free {
            vault.set_min_free_bytes(bytes);
        }
        // What opening repaired (a torn tail set aside, an index rebuilt) is said, once.
        for notice in vault.log_notices() {
            eprintln!("{}", warning(&notice));
        }
        Ok(vault)
    }

    /// S3 credentials: from --s3-credentials, else the environment.
    pub fn credentials(&self) -> anyhow::Result<vault_storage::Credentials> {
        Ok(vault_storage::Credentials::load(
            self.storage.s3_credentials.as_deref(),
        )?)
    }

    /// Opens the vault and signs the user in.
    pub fn session(&self) -> anyhow::Result<(Vault, Session)> {
        let vault = self.open()?;
        let user = self
            .user
            .as_deref()
            .ok_or_else(|| anyhow!(say("cli-no-user")))?;
        let password = self.password(&say("cli-password"))?;
        let session = vault.login(user, &password)?;
        Ok((vault, session))
    }

    /// The acting user's password: from --password-file, else a prompt without echo.
    pub fn password(&self, prompt: &str) -> anyhow::Result<SecretString> {
        match &self.password_file {
            Some(path) => read_password_file(path),
            None => prompt_password(prompt),
        }
    }
}

/// Reads a password from the first line of a file.
/// A lawyer's own age recipients given with `--to` (a share's, a bundle's); a bad one is
/// named.
pub fn recipients(list: &[String]) -> anyhow::Result<Vec<vault_core::PublicKey>> {
    let to = list
        .iter()
        .map(|r| {
            vault_core::PublicKey::parse(r).map_err(|_| {
                anyhow!(say_with(
                    "cli-bad-recipient",
                    &[("value", r.clone().into())]
                ))
            })
        })
        .collect::<anyhow::Result<Vec<_>>>()?;
    vault_core::check_recipients(&to)?;
    Ok(to)
}

/// A secret file read whole (a key or a share copied from paper may run over several
/// lines), cleared from memory when dropped.
pub fn read_secret_file(path: &Path) -> anyhow::Result<zeroize::Zeroizing<String>> {
    let text = std::fs::read_to_string(path).with_context(|| {
        say_with(
            "cli-cannot-read",
            &[("path", path.display().to_string().into())],
        )
    })?;
    Ok(zeroize::Zeroizing::new(text))
}

/// The recovery key: from its file, or rebuilt from custodians' shares (each in a file).
pub fn recovery_key(
    key_file: Option<&Path>,
    share_files: &[PathBuf],
) -> anyhow::Result<vault_core::SecretKey> {
    match (key_file, share_files) {
        (Some(file), []) => Ok(vault_core::SecretKey::parse(&read_secret_file(file)?)?),
        (None, files) if !files.is_empty() => {
            let shares = files
                .iter()
                .map(|f| read_secret_file(f).map(|t| SecretString::from(t.to_string())))
                .collect::<anyhow::Result<Vec<_>>>()?;
            Ok(vault_core::combine_shares(&shares)?)
        }
        _ => Err(anyhow!(say("cli-recovery-key-or-shares"))),
    }
}

pub fn read_password_file(path: &Path) -> anyhow::Result<SecretString> {
    let mut text = std::fs::read_to_string(path).with_context(|| {
        say_with(
            "cli-cannot-read",
            &[("path", path.display().to_string().into())],
        )
    })?;
    let password = text.lines().next().unwrap_or("").to_string();
    text.zeroize();
    Ok(SecretString::from(password))
}

pub fn prompt_password(prompt: &str) -> anyhow::Result<SecretString> {
    if !std::io::stdin().is_terminal() {
        return Err(anyhow!(say("cli-no-terminal")));
    }
    Ok(SecretString::from(rpassword::prompt_password(format!(
        "{prompt}: "
    ))?))
}

/// A new password: from a file, else prompted twice.
pub fn new_password(file: Option<&Path>) -> anyhow::Result<SecretString> {
    if let Some(path) = file {
        return read_password_file(path);
    }
    let first = prompt_password(&say("cli-new-password"))?;
    let second = prompt_password(&say("cli-confirm"))?;
    if first.expose_secret() != second.expose_secret() {
        return Err(anyhow!(say("cli-passwords-differ")));
    }
    Ok(first)
}

/// A notice of the log, as a warning: French, then English.
pub fn warning(notice: &vault_core::LogNotice) -> String {
    vault_words::both(|l| {
        l.say_with(
            "cli-warning",
            &[("notice", vault_words::log::notice(l, notice).into())],
        )
    })
}

/// One line for stderr: French first, then English.
pub fn describe(e: &anyhow::Error) -> String {
    match e.downcast_ref::<vault_core::Error>() {
        Some(v) => vault_words::bilingual(v),
        None => format!("{}: {e:#}", say("cli-other-error")),
    }
}

/// The error as a JSON object, for `--json`: `{"error": {"code", "message", "message_fr"}}`.
pub fn json_error(e: &anyhow::Error) -> String {
    let (code, message, message_fr) = match e.downcast_ref::<vault_core::Error>() {
        Some(v) => (
            v.code(),
            vault_words::error_message(vault_words::Locale::En, v),
            vault_words::error_message(vault_words::Locale::Fr, v),
        ),
        None => ("command", format!("{e:#}"), format!("{e:#}")),
    };
    serde_json::json!({
        "error": {"code": code, "message": message, "message_fr": message_fr}
    })
    .to_string()
}

/// Prints a listing: pretty JSON with `--json`, else one line per item.
pub fn print_list<T: serde::Serialize>(
    json: bool,
    items: &[T],
    line: impl Fn(&T) -> String,
) -> anyhow::Result<()> {
    if json {
        println!("{}", serde_json::to_string_pretty(items)?);
    } else {
        for item in items {
            println!("{}", line(item));
        }
    }
    Ok(())
}
