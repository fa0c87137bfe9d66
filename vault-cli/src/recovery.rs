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
        /// How many shares (one per custodian); with --custodian, one per custodian given
        #[arg(long, default_value_t = 3)]
        shares: u8,
        /// A custodian's own age recipient (age1..., repeat: one per share): each share is
        /// written encrypted to its custodian (share-N.age), for the age tool to open
        #[arg(long = "custodian")]
        custodians: Vec<String>,
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
                custodians,
                out_dir,
            } => {
                let custodians = crate::context::recipients(&custodians)?;
                let shares = if custodians.is_empty() {
                    shares
                } else {
                    u8::try_from(custodians.len()).unwrap_or(u8::MAX)
                };
                let key = crate::context::recovery_key(Some(&recovery_key_file), &[])?;
                let split = vault.split_recovery(&session, &key, shares, threshold)?;
                // A new directory: shares are never written over anything.
                std::fs::create_dir(&out_dir)?;
                for (i, share) in split.iter().enumerate() {
                    let (name, bytes): (String, zeroize::Zeroizing<Vec<u8>>) =
                        match custodians.get(i) {
                            Some(to) => (
                                format!("share-{}.age", i + 1),
                                vault_core::seal_share(share, to)?.into(),
                            ),
                            None => (
                                format!("share-{}.txt", i + 1),
                                format!("{}\n", share.expose_secret()).into_bytes().into(),
                            ),
                        };
                    let mut file = std::fs::File::create_new(out_dir.join(name))?;
                    file.write_all(&bytes)?;
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
