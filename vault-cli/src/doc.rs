//! `vault doc ...` and `vault fsck`.

use std::fs::File;
use std::io::{self, Write};
use std::path::PathBuf;

use anyhow::{anyhow, Context as _};
use clap::Subcommand;
use vault_core::{CaseId, DocumentId, DocumentKind, NewDocument};

use crate::context::Context;

#[derive(Subcommand)]
pub enum DocCmd {
    /// Add files to a case; prints one id per file / Ajouter des documents
    Add {
        case: CaseId,
        #[arg(required = true)]
        files: Vec<PathBuf>,
        #[arg(long)]
        kind: DocumentKind,
        #[arg(long)]
        note: Option<String>,
        /// Media type (default: application/octet-stream)
        #[arg(long, default_value = "application/octet-stream")]
        media_type: String,
    },
    /// List a case's documents / Lister les documents
    List {
        case: CaseId,
        #[arg(long)]
        json: bool,
    },
    /// Write a document to FILE or stdout / Lire un document
    Get {
        doc: DocumentId,
        #[arg(short, long)]
        output: Option<PathBuf>,
        /// Version number (default: the newest)
        #[arg(long)]
        version: Option<u32>,
    },
    /// Re-hash every version against its recorded hash / Vérifier un document
    Verify { doc: DocumentId },
    /// Print a version's age key and blob path, to decrypt it with the `age` tool
    ExportKey {
        doc: DocumentId,
        #[arg(long)]
        version: Option<u32>,
    },
}

impl DocCmd {
    pub fn run(self, ctx: &Context) -> anyhow::Result<()> {
        let (vault, session) = ctx.session()?;
        match self {
            DocCmd::Add {
                case,
                files,
                kind,
                note,
                media_type,
            } => {
                for path in files {
                    if path.is_dir() {
                        return Err(anyhow!(
                            "{} est un dossier, pas un fichier / is a directory, not a file",
                            path.display()
                        ));
                    }
                    let file = File::open(&path).with_context(|| {
                        format!("impossible d'ouvrir / cannot open {}", path.display())
                    })?;
                    let filename = path
                        .file_name()
                        .map(|n| n.to_string_lossy().into_owned())
                        .unwrap_or_default();
                    let new = NewDocument {
                        kind,
                        filename,
                        media_type: media_type.clone(),
                        note: note.clone(),
                    };
                    println!("{}", vault.add_document(&session, &case, file, &new)?);
                }
            }
            DocCmd::List { case, json } => {
                let docs = vault.list_documents(&session, &case)?;
                if json {
                    println!("{}", serde_json::to_string_pretty(&docs)?);
                } else {
                    for d in docs {
                        println!(
                            "{}  {:<9} v{} {:>12}  {}",
                            d.id,
                            d.meta.kind,
                            d.versions,
                            d.meta.size,
                            d.meta.filename.escape_debug()
                        );
                    }
                }
            }
            DocCmd::Get {
                doc,
                output,
                version,
            } => {
                let (_, mut reader) = vault.open_document(&session, &doc, version)?;
                match output.filter(|p| p.as_os_str() != "-") {
                    Some(path) => {
                        // Written beside the target and renamed: a damaged document leaves no file.
                        let dir = path
                            .parent()
                            .filter(|p| !p.as_os_str().is_empty())
                            .unwrap_or(std::path::Path::new("."));
                        let mut tmp = tempfile::NamedTempFile::new_in(dir)?;
                        io::copy(&mut reader, &mut tmp).map_err(vault_core::Error::from)?;
                        tmp.as_file().sync_all()?;
                        tmp.persist(&path)?;
                        File::open(dir)?.sync_all()?;
                    }
                    None => {
                        let mut out = io::stdout().lock();
                        io::copy(&mut reader, &mut out).map_err(vault_core::Error::from)?;
                        out.flush()?;
                    }
                }
            }
            DocCmd::Verify { doc } => {
                let n = vault.verify_document(&session, &doc)?;
                eprintln!("Intact : {n} version(s) / intact: {n} version(s)");
            }
            DocCmd::ExportKey { doc, version } => {
                let (blob, key) = vault.export_version_key(&session, &doc, version)?;
                let h = blob.as_str();
                let path = ctx
                    .data_dir
                    .join("blobs")
                    .join(&h[0..2])
                    .join(&h[2..4])
                    .join(format!("{h}.age"));
                eprintln!("{}", path.display());
                println!("{}", secrecy::ExposeSecret::expose_secret(&key));
            }
        }
        Ok(())
    }
}

pub fn fsck(ctx: &Context, repair: bool, json: bool) -> anyhow::Result<()> {
    let vault = ctx.open()?;
    let report = if repair {
        vault.fsck_repair()?
    } else {
        vault.fsck()?
    };
    if json {
        println!("{}", serde_json::to_string_pretty(&report)?);
    } else {
        println!(
            "versions: {}, fichiers vérifiés / blobs checked: {}",
            report.versions, report.blobs_checked
        );
        for b in &report.missing_blobs {
            println!("MANQUANT / MISSING blob {b}");
        }
        for b in &report.corrupt_blobs {
            println!("ENDOMMAGÉ / CORRUPT blob {b}");
        }
        for e in &report.missing_entries {
            println!("ENTRÉE MANQUANTE / MISSING ENTRY {e}");
        }
        for b in &report.orphan_blobs {
            println!("orphelin / orphan blob {b}");
        }
        for l in &report.leftovers {
            println!("reste / leftover tmp/{l}");
        }
        if repair {
            println!("supprimés / removed: {}", report.removed);
        }
    }
    if report.has_damage() {
        return Err(anyhow!(
            "des documents sont endommagés / some documents are damaged"
        ));
    }
    if !repair && !report.is_clean() {
        return Err(anyhow!("orphelins ou restes : `vault fsck --repair` les supprime / orphans or leftovers: `vault fsck --repair` removes them"));
    }
    Ok(())
}
