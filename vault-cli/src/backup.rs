//! `vault backup`, `vault backup list|prune`, `vault restore`.

use anyhow::anyhow;
use clap::{Args, Subcommand};
use vault_storage::backup::{self, Target};

use crate::context::Context;
use crate::words::{say, say_with};

#[derive(Args)]
#[command(args_conflicts_with_subcommands = true)]
pub struct BackupCmd {
    /// Where to back up: a directory or s3://BUCKET/PREFIX / Destination
    target: Option<String>,
    /// JSON output
    #[arg(long)]
    json: bool,
    #[command(subcommand)]
    command: Option<BackupSub>,
}

#[derive(Subcommand)]
enum BackupSub {
    /// The snapshots of a target / Les sauvegardes d'une destination
    List {
        target: String,
        #[arg(long)]
        json: bool,
    },
    /// Remove snapshots older than --keep (the newest is always kept), then the blobs no
    /// kept snapshot refers to / Supprimer les anciennes sauvegardes
    Prune {
        target: String,
        /// How long snapshots are kept, e.g. 30d
        #[arg(long, value_parser = parse_duration)]
        keep: u64,
        #[arg(long)]
        json: bool,
    },
}

fn parse_duration(text: &str) -> Result<u64, String> {
    vault_core::parse_duration(text).map_err(|e| vault_words::bilingual(&e))
}

#[derive(Args)]
pub struct RestoreCmd {
    /// The backup: a directory or s3://BUCKET/PREFIX
    target: String,
    /// The snapshot [default: the newest finished one]
    snapshot: Option<String>,
    #[arg(long)]
    json: bool,
}

impl Context {
    fn target(&self, location: &str) -> anyhow::Result<Target> {
        let settings = self.s3_settings();
        Ok(Target::open(location, &settings, &self.credentials()?)?)
    }

    /// The S3 settings for targets: the flags, else the vault's own (when there is one).
    fn s3_settings(&self) -> vault_core::StorageSettings {
        let stored = vault_core::StorageSettings::read(&self.data_dir).unwrap_or_default();
        vault_storage::merge(&stored, &self.storage.settings())
    }
}

impl BackupCmd {
    pub fn run(self, ctx: &Context) -> anyhow::Result<()> {
        match self.command {
            Some(BackupSub::List { target, json }) => {
                let snapshots = backup::list(&ctx.target(&target)?)?;
                if json {
                    println!("{}", serde_json::to_string_pretty(&snapshots)?);
                } else if snapshots.is_empty() {
                    println!("{}", say("cli-no-snapshot"));
                }
                for s in snapshots.iter().filter(|_| !json) {
                    if s.complete {
                        println!(
                            "{}  {}  {}",
                            s.id,
                            vault_core::format_time(s.created),
                            say_with(
                                "cli-snapshot-line",
                                &[
                                    ("events", s.log_size.into()),
                                    ("blobs", s.blobs.into()),
                                    ("bytes", s.blob_bytes.into()),
                                ]
                            )
                        );
                    } else {
                        println!("{}  {}", s.id, say("cli-snapshot-unfinished"));
                    }
                }
                Ok(())
            }
            Some(BackupSub::Prune { target, keep, json }) => {
                let report = backup::prune(&ctx.target(&target)?, keep, vault_core::unix_now())?;
                if json {
                    println!("{}", serde_json::to_string_pretty(&report)?);
                } else {
                    println!(
                        "{}",
                        say_with(
                            "cli-pruned",
                            &[
                                ("snapshots", report.snapshots_removed.len().into()),
                                ("blobs", report.blobs_removed.into()),
                                ("kept", report.snapshots_kept.into()),
                            ]
                        )
                    );
                }
                Ok(())
            }
            None => {
                let location = self.target.ok_or_else(|| anyhow!(say("cli-no-target")))?;
                let vault = ctx.open()?;
                let target = ctx.target(&location)?;
                let report = backup::backup(&vault, None, &target)?;
                if self.json {
                    println!("{}", serde_json::to_string_pretty(&report)?);
                } else {
                    println!(
                        "{}",
                        say_with(
                            "cli-snapshot-taken",
                            &[
                                ("id", report.snapshot.clone().into()),
                                ("events", report.log_size.into()),
                                ("blobs", report.blobs.into()),
                                ("copied", report.blobs_copied.into()),
                                ("bytes", report.bytes_copied.into()),
                            ]
                        )
                    );
                }
                Ok(())
            }
        }
    }
}

impl RestoreCmd {
    pub fn run(self, ctx: &Context) -> anyhow::Result<()> {
        // --data-dir names the new directory (it must not exist, or be empty).
        let dest = ctx.data_dir.clone();
        let target = ctx.target(&self.target)?;
        let storage = ctx.storage.settings();
        let report = backup::restore(
            &target,
            self.snapshot.as_deref(),
            &dest,
            &storage,
            &ctx.credentials()?,
        )?;
        // The restored vault must pass fsck before anyone relies on it.
        let vault = vault_storage::open_vault(&dest, &storage, &ctx.credentials()?)?;
        let fsck = vault.fsck()?;
        if !fsck.is_clean() {
            let report = serde_json::to_string(&fsck)?;
            return Err(anyhow!(say_with(
                "cli-restore-fails-fsck",
                &[("report", report.into())]
            )));
        }
        if self.json {
            println!("{}", serde_json::to_string_pretty(&report)?);
        } else {
            println!(
                "{}",
                say_with(
                    "cli-restored",
                    &[
                        ("id", report.snapshot.clone().into()),
                        ("path", dest.display().to_string().into()),
                        ("events", report.log_size.into()),
                        ("root", report.log_root.clone().into()),
                        ("blobs", report.blobs.into()),
                    ]
                )
            );
        }
        Ok(())
    }
}
