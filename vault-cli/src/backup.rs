//! `vault backup`, `vault backup list|prune`, `vault restore`.

use anyhow::anyhow;
use clap::{Args, Subcommand};
use vault_storage::backup::{self, Target};

use crate::context::Context;

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
                    println!("aucune sauvegarde / no snapshot");
                }
                for s in snapshots.iter().filter(|_| !json) {
                    if s.complete {
                        println!(
                            "{}  {}  {} événements / events  {} fichiers / blobs  {} octets / bytes",
                            s.id,
                            vault_core::format_time(s.created),
                            s.log_size,
                            s.blobs,
                            s.blob_bytes
                        );
                    } else {
                        println!("{}  INACHEVÉE / UNFINISHED", s.id);
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
                        "supprimées / removed: {} sauvegarde(s) / snapshot(s), {} fichier(s) / blob(s); gardées / kept: {}",
                        report.snapshots_removed.len(),
                        report.blobs_removed,
                        report.snapshots_kept
                    );
                }
                Ok(())
            }
            None => {
                let location = self.target.ok_or_else(|| {
                    anyhow!("destination manquante / no target: vault backup TARGET")
                })?;
                let vault = ctx.open()?;
                let target = ctx.target(&location)?;
                let report = backup::backup(&vault, None, &target)?;
                if self.json {
                    println!("{}", serde_json::to_string_pretty(&report)?);
                } else {
                    println!(
                        "sauvegarde / snapshot {}: {} événements / events, {} fichiers / blobs ({} copiés / copied), {} octets copiés / bytes copied",
                        report.snapshot,
                        report.log_size,
                        report.blobs,
                        report.blobs_copied,
                        report.bytes_copied
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
            return Err(anyhow!(
                "la sauvegarde restaurée ne passe pas fsck / the restored vault fails fsck: {}",
                serde_json::to_string(&fsck)?
            ));
        }
        if self.json {
            println!("{}", serde_json::to_string_pretty(&report)?);
        } else {
            println!(
                "restaurée / restored {} dans / into {}: {} événements / events (racine / root {}), {} fichiers / blobs, fsck OK",
                report.snapshot,
                dest.display(),
                report.log_size,
                report.log_root,
                report.blobs
            );
        }
        Ok(())
    }
}
