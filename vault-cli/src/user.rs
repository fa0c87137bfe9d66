//! `vault user ...`

use std::path::PathBuf;

use clap::Subcommand;
use vault_core::Role;

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
        /// The recovery key, in a file
        #[arg(long, required_unless_present = "recovery_share_file")]
        recovery_key_file: Option<PathBuf>,
        /// Or a custodian's share of it, in a file (repeat: as many as the split needs)
        #[arg(long, conflicts_with = "recovery_key_file")]
        recovery_share_file: Vec<PathBuf>,
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
                recovery_share_file,
                new_password_file,
            } => {
                let key = crate::context::recovery_key(
                    recovery_key_file.as_deref(),
                    &recovery_share_file,
                )?;
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
