//! `vault recovery`: the recovery key split among custodians.

use std::io::Write;
use std::path::PathBuf;

use clap::Subcommand;
use secrecy::ExposeSecret;

use crate::context::Context;
use crate::words::say_with;

#[derive(Subcommand)]
pub enum RecoveryCmd {
    /// Split the recovery key into shares for custodians: any THRESHOLD of them give it back,
    /// fewer reveal nothing / Partager la clé de récupération entre gardien·nes
    Split {
        /// The recovery key, in a file
        #[arg(long)]
        recovery_key_file: PathBuf,
        /// How many shares (one per custodian)
        #[arg(long, default_value_t = 3)]
        shares: u8,
        /// How many of them give the key back
        #[arg(long, default_value_t = 2)]
        threshold: u8,
        /// A new directory where share-1.txt, share-2.txt... are written
        #[arg(long)]
        out_dir: PathBuf,
    },
}

impl RecoveryCmd {
    pub fn run(self, ctx: &Context) -> anyhow::Result<()> {
        let (vault, session) = ctx.session()?;
        match self {
            RecoveryCmd::Split {
                recovery_key_file,
                shares,
                threshold,
                out_dir,
            } => {
                let key = crate::context::recovery_key(Some(&recovery_key_file), &[])?;
                let split = vault.split_recovery(&session, &key, shares, threshold)?;
                // A new directory: shares are never written over anything.
                std::fs::create_dir(&out_dir)?;
                for (i, share) in split.iter().enumerate() {
                    let path = out_dir.join(format!("share-{}.txt", i + 1));
                    let mut file = std::fs::File::create_new(&path)?;
                    writeln!(file, "{}", share.expose_secret())?;
                    file.sync_all()?;
                }
                eprintln!(
                    "{}",
                    say_with(
                        "cli-recovery-split",
                        &[
                            ("count", split.len().into()),
                            ("threshold", threshold.into()),
                            ("dir", out_dir.display().to_string().into()),
                        ]
                    )
                );
            }
        }
        Ok(())
    }
}
