//! `vault user ...`

use std::path::PathBuf;

use anyhow::Context as _;
use clap::Subcommand;
use vault_core::{Role, SecretKey};

use crate::context::{new_password, print_list, Context};
use crate::words::{say, say_with};

#[derive(Subcommand)]
pub enum UserCmd {
    /// Add a user / Ajouter un utilisateur
    Add {
        name: String,
        #[arg(long, default_value = "volunteer")]
        role: Role,
        /// File holding the new user's password (else prompted twice)
        #[arg(long)]
        new_password_file: Option<PathBuf>,
    },
    /// List users / Lister les utilisateurs
    List {
        #[arg(long)]
        json: bool,
    },
    /// Change your password / Changer de mot de passe
    Passwd {
        #[arg(long)]
        new_password_file: Option<PathBuf>,
    },
    /// Give a user a new password with the recovery key / Récupérer un compte
    Recover {
        name: String,
        #[arg(long)]
        recovery_key_file: PathBuf,
        #[arg(long)]
        new_password_file: Option<PathBuf>,
    },
}

impl UserCmd {
    pub fn run(self, ctx: &Context) -> anyhow::Result<()> {
        let (vault, session) = ctx.session()?;
        match self {
            UserCmd::Add {
                name,
                role,
                new_password_file,
            } => {
                let password = new_password(new_password_file.as_deref())?;
                let user = vault.create_user(&session, &name, role, &password)?;
                println!("{}", user.id);
            }
            UserCmd::List { json } => {
                let users = vault.list_users(&session)?;
                print_list(json, &users, |u| {
                    format!("{}  {:<12} {}", u.id, u.role, u.name)
                })?;
            }
            UserCmd::Passwd { new_password_file } => {
                let old = ctx.password(&say("cli-current-password"))?;
                let new = new_password(new_password_file.as_deref())?;
                vault.change_password(&session, &old, &new)?;
                eprintln!("{}", say("cli-password-changed"));
            }
            UserCmd::Recover {
                name,
                recovery_key_file,
                new_password_file,
            } => {
                // The whole file: a key copied from paper may run over several lines.
                let text = zeroize::Zeroizing::new(
                    std::fs::read_to_string(&recovery_key_file).with_context(|| {
                        say_with(
                            "cli-cannot-read",
                            &[("path", recovery_key_file.display().to_string().into())],
                        )
                    })?,
                );
                let key = SecretKey::parse(&text)?;
                let new = new_password(new_password_file.as_deref())?;
                vault.recover_user(&session, &key, &name, &new)?;
                eprintln!(
                    "{}",
                    say_with("cli-account-recovered", &[("name", name.clone().into())])
                );
            }
        }
        Ok(())
    }
}
