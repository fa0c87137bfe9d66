//! `vault share ...` and `vault upload-link ...`: links for people without an account.
//! A link's address is printed once, alone on stdout; nothing stored can rebuild it.

use std::path::PathBuf;

use clap::Subcommand;
use secrecy::ExposeSecret;
use vault_core::{
    format_time, parse_duration, parse_size, LinkToken, NewShare, NewUploadLink, Vault,
};

use crate::context::{print_list, read_password_file, Context};
use crate::words::{say, say_with};

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
        /// A few words shown to the recipient on the link's page
        #[arg(long)]
        message: Option<String>,
        /// The lawyer's own age recipient (age1..., repeatable): every download is
        /// encrypted to it, so that the link alone does not read the documents
        #[arg(long = "to")]
        to: Vec<String>,
        /// Send the originals, with their hidden metadata (GPS, author, device serial),
        /// rather than cleaned copies
        #[arg(long)]
        originals: bool,
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
                message,
                to,
                originals,
            } => {
                let to = crate::context::recipients(&to)?;
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
                    message: message.filter(|m| !m.trim().is_empty()),
                    to,
                    form: if originals {
                        vault_core::Form::Original
                    } else {
                        vault_core::Form::Cleaned
                    },
                };
                let (info, token) = vault.create_share(&session, &case, &new)?;
                eprintln!(
                    "{}",
                    say_with(
                        "cli-share-made",
                        &[
                            ("id", info.id.to_string().into()),
                            ("documents", info.documents.len().into()),
                            ("downloads", info.max_downloads.into()),
                            ("until", format_time(info.expires).into()),
                        ]
                    )
                );
                // What leaves for each document: a cleaned copy, or why not.
                for (doc, sent) in info.documents.iter().zip(&info.sent) {
                    if let Some(sent) = sent {
                        let words = vault_words::both(|l| vault_words::metadata::sent(l, sent));
                        eprintln!("  {doc}  {words}");
                    }
                }
                println!("{}", address(&vault, "s", &token));
            }
            ShareCmd::List { case, json } => {
                let links = vault.list_shares(&session, &vault.resolve_case(&case)?)?;
                print_list(json, &links, |l| {
                    let line = vault_words::both(|lang| {
                        lang.say_with(
                            "cli-share-line",
                            &[
                                (
                                    "status",
                                    vault_words::log::link_status(lang, l.status).into(),
                                ),
                                ("downloads", l.downloads.into()),
                                ("max", l.max_downloads.into()),
                                ("until", format_time(l.expires).into()),
                                ("documents", l.documents.len().into()),
                                ("passphrase", if l.passphrase { "yes" } else { "no" }.into()),
                                ("sealed", if l.to.is_empty() { "no" } else { "yes" }.into()),
                            ],
                        )
                    });
                    format!(
                        "{}  {line}  {}",
                        l.id,
                        l.label.as_deref().unwrap_or("").escape_debug()
                    )
                })?;
            }
            ShareCmd::Revoke { id } => {
                vault.revoke_share(&session, &vault.resolve_share(&id)?)?;
                eprintln!("{}", say("cli-share-revoked"));
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
                    "{}",
                    say_with(
                        "cli-upload-made",
                        &[
                            ("id", info.id.to_string().into()),
                            ("files", info.max_files.into()),
                            ("bytes", info.max_bytes.into()),
                            ("until", format_time(info.expires).into()),
                        ]
                    )
                );
                println!("{}", address(&vault, "u", &token));
            }
            UploadLinkCmd::List { case, json } => {
                let links = vault.list_upload_links(&session, &vault.resolve_case(&case)?)?;
                print_list(json, &links, |l| {
                    let line = vault_words::both(|lang| {
                        lang.say_with(
                            "cli-upload-line",
                            &[
                                (
                                    "status",
                                    vault_words::log::link_status(lang, l.status).into(),
                                ),
                                ("files", l.files.into()),
                                ("max", l.max_files.into()),
                                ("bytes", l.bytes.into()),
                                ("max-bytes", l.max_bytes.into()),
                                ("until", format_time(l.expires).into()),
                            ],
                        )
                    });
                    format!("{}  {line}", l.id)
                })?;
            }
            UploadLinkCmd::Revoke { id } => {
                vault.revoke_upload_link(&session, &vault.resolve_upload_link(&id)?)?;
                eprintln!("{}", say("cli-upload-revoked"));
            }
        }
        Ok(())
    }
}
