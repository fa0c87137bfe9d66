//! `vault doc ...` and `vault fsck`.

use std::fs::File;
use std::io::{self, IsTerminal, Read, Write};
use std::path::{Path, PathBuf};

use anyhow::{anyhow, Context as _};
use clap::Subcommand;
use indicatif::{ProgressBar, ProgressStyle};
use vault_core::{DocumentKind, NewDocument};

use crate::context::{print_list, Context};
use crate::words::{say, say_with};

#[derive(Subcommand)]
pub enum DocCmd {
    /// Add files to a case; prints one id per file / Ajouter des documents
    Add {
        case: String,
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
    /// Add a new version of a document (not evidence); prints its number / Nouvelle version
    Replace {
        doc: String,
        file: PathBuf,
        #[arg(long)]
        note: Option<String>,
        #[arg(long, default_value = "application/octet-stream")]
        media_type: String,
    },
    /// List a case's documents / Lister les documents
    List {
        case: String,
        #[arg(long)]
        json: bool,
    },
    /// Write a document to FILE or stdout / Lire un document
    Get {
        doc: String,
        #[arg(short, long)]
        output: Option<PathBuf>,
        /// Version number (default: the newest)
        #[arg(long)]
        version: Option<u32>,
    },
    /// Re-hash every version against its recorded hash / Vérifier un document
    Verify { doc: String },
    /// File a document under another kind (uploads arrive as other) / Changer le type
    Reclassify {
        doc: String,
        #[arg(long)]
        kind: DocumentKind,
    },
    /// Print a version's age key and blob path, to decrypt it with the `age` tool
    ExportKey {
        doc: String,
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
                let case = vault.resolve_case(&case)?;
                for path in files {
                    let (file, new) = open_input(&path, kind, &media_type, note.as_deref())?;
                    println!("{}", vault.add_document(&session, &case, file, &new)?);
                }
            }
            DocCmd::Replace {
                doc,
                file,
                note,
                media_type,
            } => {
                let doc = vault.resolve_document(&doc)?;
                // The kind stays the document's own; the one given here is ignored.
                let (input, new) =
                    open_input(&file, DocumentKind::Other, &media_type, note.as_deref())?;
                let version = vault.add_version(&session, &doc, input, &new)?;
                println!("{version}");
            }
            DocCmd::List { case, json } => {
                let mut docs = vault.list_documents(&session, &vault.resolve_case(&case)?)?;
                // Grouped by kind (identity, appeal, evidence, other), then by name.
                docs.sort_by(|a, b| {
                    (a.meta.kind as u8, &a.meta.filename)
                        .cmp(&(b.meta.kind as u8, &b.meta.filename))
                });
                print_list(json, &docs, |d| {
                    format!(
                        "{}  {:<9} v{} {:>12}  {}",
                        d.id,
                        d.meta.kind,
                        d.versions,
                        d.meta.size,
                        d.meta.filename.escape_debug()
                    )
                })?;
            }
            DocCmd::Get {
                doc,
                output,
                version,
            } => {
                let (_, mut reader) =
                    vault.open_document(&session, &vault.resolve_document(&doc)?, version)?;
                match output.filter(|p| p.as_os_str() != "-") {
                    Some(path) => {
                        // Written beside the target and renamed: a damaged document leaves no file.
                        let dir = path
                            .parent()
                            .filter(|p| !p.as_os_str().is_empty())
                            .unwrap_or(std::path::Path::new("."));
                        let tmp = tempfile::NamedTempFile::new_in(dir)?;
                        // io::copy reads straight into a BufWriter's buffer: 256 KiB at a time.
                        let mut out = io::BufWriter::with_capacity(256 * 1024, tmp);
                        io::copy(&mut reader, &mut out).map_err(vault_core::Error::from)?;
                        let tmp = out.into_inner().map_err(|e| e.into_error())?;
                        tmp.as_file().sync_all()?;
                        tmp.persist(&path)?;
                        File::open(dir)?.sync_all()?;
                    }
                    None => {
                        let mut out = io::BufWriter::with_capacity(256 * 1024, io::stdout().lock());
                        io::copy(&mut reader, &mut out).map_err(vault_core::Error::from)?;
                        out.flush()?;
                    }
                }
            }
            DocCmd::Verify { doc } => {
                let n = vault.verify_document(&session, &vault.resolve_document(&doc)?)?;
                eprintln!("{}", say_with("cli-intact", &[("versions", n.into())]));
            }
            DocCmd::Reclassify { doc, kind } => {
                vault.set_document_kind(&session, &vault.resolve_document(&doc)?, kind)?;
                eprintln!(
                    "{}",
                    vault_words::both(
                        |l| l.say_with("cli-kind-changed", &[("kind", l.kind(kind).into())])
                    )
                );
            }
            DocCmd::ExportKey { doc, version } => {
                let (blob, key) =
                    vault.export_version_key(&session, &vault.resolve_document(&doc)?, version)?;
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

/// Files above this size get a progress bar (when stderr is a terminal).
const PROGRESS_ABOVE: u64 = 8 * 1024 * 1024;

/// Opens a file to add: refuses directories, names the document after the file, and shows
/// a progress bar on stderr for large files when stderr is a terminal.
fn open_input(
    path: &Path,
    kind: DocumentKind,
    media_type: &str,
    note: Option<&str>,
) -> anyhow::Result<(Box<dyn Read>, NewDocument)> {
    if path.is_dir() {
        return Err(anyhow!(say_with(
            "cli-is-directory",
            &[("path", path.display().to_string().into())]
        )));
    }
    let file = File::open(path).with_context(|| {
        say_with(
            "cli-cannot-open",
            &[("path", path.display().to_string().into())],
        )
    })?;
    // A name that is not UTF-8 is refused, not stored with U+FFFD in it.
    let filename = match path.file_name().map(|n| n.to_str()) {
        Some(Some(name)) => name.to_owned(),
        Some(None) => {
            return Err(anyhow!(say_with(
                "cli-name-not-utf8",
                &[("path", path.display().to_string().into())]
            )))
        }
        None => String::new(),
    };
    let new = NewDocument {
        kind,
        filename,
        media_type: media_type.to_owned(),
        note: note.map(str::to_owned),
    };
    let size = file.metadata().map(|m| m.len()).unwrap_or(0);
    let input: Box<dyn Read> = if size > PROGRESS_ABOVE && io::stderr().is_terminal() {
        let bar = ProgressBar::new(size).with_style(
            ProgressStyle::with_template("{bytes}/{total_bytes} {wide_bar} {eta}")
                .unwrap_or_else(|_| ProgressStyle::default_bar()),
        );
        Box::new(bar.wrap_read(file))
    } else {
        Box::new(file)
    };
    Ok((input, new))
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
            "{}",
            say_with(
                "cli-fsck-summary",
                &[
                    ("versions", report.versions.into()),
                    ("blobs", report.blobs_checked.into()),
                ]
            )
        );
        let blob = |id: &str, b: &vault_core::BlobId| {
            say_with(id, &[("blob", b.as_str().to_owned().into())])
        };
        for b in &report.missing_blobs {
            println!("{}", blob("cli-fsck-missing", b));
        }
        for b in &report.corrupt_blobs {
            println!("{}", blob("cli-fsck-corrupt", b));
        }
        for e in &report.missing_entries {
            println!(
                "{}",
                say_with("cli-fsck-missing-entry", &[("entry", e.clone().into())])
            );
        }
        for b in &report.orphan_blobs {
            println!("{}", blob("cli-fsck-orphan", b));
        }
        for l in &report.leftovers {
            println!(
                "{}",
                say_with("cli-fsck-leftover", &[("file", l.clone().into())])
            );
        }
        for c in &report.degraded_copies {
            let state = match c.state {
                vault_core::CopyState::Missing => "missing",
                _ => "damaged",
            };
            println!(
                "{}",
                say_with(
                    "cli-fsck-copy",
                    &[
                        ("state", state.into()),
                        ("blob", c.blob.as_str().to_owned().into()),
                        ("store", c.store.clone().into()),
                    ]
                )
            );
        }
        if repair {
            println!(
                "{}",
                say_with("cli-fsck-removed", &[("count", report.removed.into())])
            );
            if report.rewritten > 0 {
                println!(
                    "{}",
                    say_with("cli-fsck-rewritten", &[("count", report.rewritten.into())])
                );
            }
        }
    }
    if report.has_damage() {
        return Err(anyhow!(say("cli-fsck-damaged")));
    }
    if !repair && !report.is_clean() {
        return Err(anyhow!(say("cli-fsck-repairable")));
    }
    Ok(())
}
