//! `vault share ...` and `vault upload-link ...`: links for people without an account.
//! A link's address is printed once, alone on stdout; nothing stored can rebuild it.

use std::path::PathBuf;

use clap::Subcommand;
use secrecy::ExposeSecret;
use vault_core::{
    format_time, parse_duration, parse_size, LinkToken, NewShare, NewUploadLink, Vault,
};

use crate::context::{print_list, read_password_file, Context};

#[derive(Subcommand)]
pub enum ShareCmd {
    /// Share documents of a case with a lawyer; prints the link / Partager des documents
    Create {
        case: String,
        #[arg(required = true)]
        docs: Vec<String>,
        /// Lifetime, e.g. 7d, 12h (at most 30d)
        #[arg(long, default_value = "7d")]
        expires: String,
        /// Downloads allowed in all (at most 50)
        #[arg(long, default_value_t = vault_core::SHARE_DEFAULT_DOWNLOADS)]
        max_downloads: u32,
        /// File whose first line is a passphrase to send separately
        #[arg(long)]
        passphrase_file: Option<PathBuf>,
        /// Who it is for, e.g. "Me Dupont"
        #[arg(long)]
        label: Option<String>,
    },
    /// List a case's share links / Lister les liens de partage
    List {
        case: String,
        #[arg(long)]
        json: bool,
    },
    /// Revoke a share link: its keys are destroyed / Révoquer un lien
    Revoke { id: String },
}

#[derive(Subcommand)]
pub enum UploadLinkCmd {
    /// Let a beneficiary upload files to a case; prints the link / Lien de dépôt
    Create {
        case: String,
        /// Lifetime, e.g. 3d (at most 30d)
        #[arg(long, default_value = "3d")]
        expires: String,
        /// Files accepted
        #[arg(long, default_value_t = vault_core::UPLOAD_DEFAULT_FILES)]
        max_files: u32,
        /// Bytes accepted in all, e.g. 200MiB
        #[arg(long, default_value = "200MiB")]
        max_bytes: String,
    },
    /// List a case's upload links / Lister les liens de dépôt
    List {
        case: String,
        #[arg(long)]
        json: bool,
    },
    /// Revoke an upload link / Révoquer un lien de dépôt
    Revoke { id: String },
}

fn address(vault: &Vault, kind: &str, token: &LinkToken) -> String {
    format!(
        "{}/{kind}/{}",
        vault.public_url().trim_end_matches('/'),
        token.to_secret_string().expose_secret()
    )
}

impl ShareCmd {
    pub fn run(self, ctx: &Context) -> anyhow::Result<()> {
        let (vault, session) = ctx.session()?;
        match self {
            ShareCmd::Create {
                case,
                docs,
                expires,
                max_downloads,
                passphrase_file,
                label,
            } => {
                let case = vault.resolve_case(&case)?;
                let documents = docs
                    .iter()
                    .map(|d| vault.resolve_document(d))
                    .collect::<Result<Vec<_>, _>>()?;
                let passphrase = passphrase_file
                    .as_deref()
                    .map(read_password_file)
                    .transpose()?;
                let new = NewShare {
                    documents,
                    expires_in: Some(parse_duration(&expires)?),
                    max_downloads: Some(max_downloads),
                    passphrase,
                    label,
                };
                let (info, token) = vault.create_share(&session, &case, &new)?;
                eprintln!(
                    "Lien de partage {} : {} document(s), {} téléchargement(s), jusqu'au {} / share link, until then",
                    info.id,
                    info.documents.len(),
                    info.max_downloads,
                    format_time(info.expires)
                );
                println!("{}", address(&vault, "s", &token));
            }
            ShareCmd::List { case, json } => {
                let links = vault.list_shares(&session, &vault.resolve_case(&case)?)?;
                print_list(json, &links, |l| {
                    format!(
                        "{}  {}  {}/{} téléchargements  jusqu'au {}  {} doc(s){}  {}",
                        l.id,
                        vault_words::log::link_status(vault_words::Locale::Fr, l.status),
                        l.downloads,
                        l.max_downloads,
                        format_time(l.expires),
                        l.documents.len(),
                        if l.passphrase {
                            "  phrase secrète"
                        } else {
                            ""
                        },
                        l.label.as_deref().unwrap_or("").escape_debug()
                    )
                })?;
            }
            ShareCmd::Revoke { id } => {
                vault.revoke_share(&session, &vault.resolve_share(&id)?)?;
                eprintln!("Lien révoqué, clés détruites / link revoked, keys destroyed");
            }
        }
        Ok(())
    }
}

impl UploadLinkCmd {
    pub fn run(self, ctx: &Context) -> anyhow::Result<()> {
        let (vault, session) = ctx.session()?;
        match self {
            UploadLinkCmd::Create {
                case,
                expires,
                max_files,
                max_bytes,
            } => {
                let case = vault.resolve_case(&case)?;
                let new = NewUploadLink {
                    expires_in: Some(parse_duration(&expires)?),
                    max_files: Some(max_files),
                    max_bytes: Some(parse_size(&max_bytes)?),
                };
                let (info, token) = vault.create_upload_link(&session, &case, &new)?;
                eprintln!(
                    "Lien de dépôt {} : {} fichier(s), {} octets, jusqu'au {} / upload link",
                    info.id,
                    info.max_files,
                    info.max_bytes,
                    format_time(info.expires)
                );
                println!("{}", address(&vault, "u", &token));
            }
            UploadLinkCmd::List { case, json } => {
                let links = vault.list_upload_links(&session, &vault.resolve_case(&case)?)?;
                print_list(json, &links, |l| {
                    format!(
                        "{}  {}  {}/{} fichiers  {}/{} octets  jusqu'au {}",
                        l.id,
                        vault_words::log::link_status(vault_words::Locale::Fr, l.status),
                        l.files,
                        l.max_files,
                        l.bytes,
                        l.max_bytes,
                        format_time(l.expires)
                    )
                })?;
            }
            UploadLinkCmd::Revoke { id } => {
                vault.revoke_upload_link(&session, &vault.resolve_upload_link(&id)?)?;
                eprintln!("Lien de dépôt révoqué / upload link revoked");
            }
        }
        Ok(())
    }
}
