//! `vault recovery`: the recovery key split among custodians, and replaced.

use std::io::Write;
use std::path::{Path, PathBuf};

use clap::Subcommand;
use secrecy::{ExposeSecret, SecretString};

use crate::context::Context;
use crate::words::{say, say_with};

#[derive(Subcommand)]
pub enum RecoveryCmd {
    /// Split the recovery key into shares for custodians: any THRESHOLD of them give it back,
    /// fewer reveal nothing / Partager la clé de récupération entre gardien·nes
    Split {
        /// The recovery key, in a file
        #[arg(long)]
        recovery_key_file: PathBuf,
        #[command(flatten)]
        new: NewShares,
    },
    /// Replace the recovery key by a new one, split again (a custodian left, a share was
    /// lost): the old key and its shares open nothing from then on / Remplacer la clé de
    /// récupération
    Rotate {
        /// The current recovery key, in a file
        #[arg(long, required_unless_present = "recovery_share_file")]
        recovery_key_file: Option<PathBuf>,
        /// One of the current key's shares, in a file (repeat: as many as its split needs)
        #[arg(long, conflicts_with = "recovery_key_file")]
        recovery_share_file: Vec<PathBuf>,
        #[command(flatten)]
        new: NewShares,
    },
}

/// Where the shares of a split go, and how many of them give the key back.
#[derive(clap::Args)]
pub struct NewShares {
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
    /// A new directory where share-1.txt, share-2.txt... are written (before a rotation
    /// gives the old key up)
    #[arg(long)]
    out_dir: PathBuf,
}

impl NewShares {
    /// The custodians' recipients, and how many shares: one each when they are given.
    fn plan(&self) -> anyhow::Result<(Vec<vault_core::PublicKey>, u8)> {
        let custodians = crate::context::recipients(&self.custodians)?;
        let count = if custodians.is_empty() {
            self.shares
        } else {
            u8::try_from(custodians.len()).unwrap_or(u8::MAX)
        };
        Ok((custodians, count))
    }
}

impl RecoveryCmd {
    pub fn run(self, ctx: &Context) -> anyhow::Result<()> {
        let (vault, session) = ctx.session()?;
        match self {
            RecoveryCmd::Split {
                recovery_key_file,
                new,
            } => {
                let (custodians, shares) = new.plan()?;
                let key = crate::context::recovery_key(Some(&recovery_key_file), &[])?;
                let split = vault.split_recovery(&session, &key, shares, new.threshold)?;
                write_shares(&new.out_dir, &split, &custodians)?;
                eprintln!(
                    "{}",
                    written(
                        "cli-recovery-split",
                        split.len(),
                        new.threshold,
                        &new.out_dir
                    )
                );
            }
            RecoveryCmd::Rotate {
                recovery_key_file,
                recovery_share_file,
                new,
            } => {
                let (custodians, shares) = new.plan()?;
                let (threshold, out_dir) = (new.threshold, &new.out_dir);
                let old = crate::context::recovery_key(
                    recovery_key_file.as_deref(),
                    &recovery_share_file,
                )?;
                // A directory that is there already is refused by write_shares, and left.
                let existed = out_dir.exists();
                let rotated = vault.rotate_recovery(&session, &old, shares, threshold, |split| {
                    write_shares(out_dir, split, &custodians)
                });
                let rotated = match rotated {
                    Ok(rotated) => rotated,
                    Err(e) => {
                        // The old key is still in force: shares of the new one (all or
                        // some written) would only mislead their custodians.
                        if !existed {
                            let _ = std::fs::remove_dir_all(out_dir);
                        }
                        return Err(e.into());
                    }
                };
                println!(
                    "{}",
                    say_with(
                        "cli-recovery-rotated",
                        &[("count", rotated.rewrapped.into())]
                    )
                );
                if !rotated.compacted {
                    eprintln!("{}", say("cli-recovery-not-compacted"));
                }
                eprintln!(
                    "{}",
                    written(
                        "cli-recovery-split",
                        rotated.shares.len(),
                        threshold,
                        out_dir
                    )
                );
            }
        }
        Ok(())
    }
}

/// Writes each share in a new directory `dir`: `share-N.txt`, or `share-N.age` sealed to
/// its custodian's recipient. Each file is on disk when this returns.
pub(crate) fn write_shares(
    dir: &Path,
    shares: &[SecretString],
    custodians: &[vault_core::PublicKey],
) -> vault_core::Result<()> {
    // A new directory: shares are never written over anything.
    std::fs::create_dir(dir)?;
    for (i, share) in shares.iter().enumerate() {
        let (name, bytes): (String, zeroize::Zeroizing<Vec<u8>>) = match custodians.get(i) {
            Some(to) => (
                format!("share-{}.age", i + 1),
                vault_core::seal_share(share, to)?.into(),
            ),
            None => {
                // Beside the text, its QR code to print on the custodian's sheet.
                write_new(&dir.join(format!("share-{}.svg", i + 1)), &qr_svg(share)?)?;
                (
                    format!("share-{}.txt", i + 1),
                    format!("{}\n", share.expose_secret()).into_bytes().into(),
                )
            }
        };
        write_new(&dir.join(name), &bytes)?;
    }
    std::fs::File::open(dir)?.sync_all()?;
    Ok(())
}

/// A new file (never over an old one), on disk when this returns.
fn write_new(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let mut file = std::fs::File::create_new(path)?;
    file.write_all(bytes)?;
    file.sync_all()
}

/// A share's QR code, as an SVG image. Its text is upper-case Bech32, within QR's
/// alphanumeric set: the code stays small (version 6 or so, for a phone's camera).
fn qr_svg(share: &SecretString) -> vault_core::Result<zeroize::Zeroizing<Vec<u8>>> {
    let code = qrcode::QrCode::new(share.expose_secret().as_bytes())
        .map_err(|e| std::io::Error::other(e.to_string()))?;
    let svg = code
        .render::<qrcode::render::svg::Color<'_>>()
        .min_dimensions(320, 320)
        .quiet_zone(true)
        .build();
    Ok(svg.into_bytes().into())
}

pub(crate) fn written(id: &str, count: usize, threshold: u8, dir: &Path) -> String {
    say_with(
        id,
        &[
            ("count", count.into()),
            ("threshold", threshold.into()),
            ("dir", dir.display().to_string().into()),
        ],
    )
}
