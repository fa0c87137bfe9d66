//! `vault log ...`: the access log.

use std::path::PathBuf;

use anyhow::{anyhow, Context as _};
use clap::Subcommand;
use vault_core::{describe_fr, CaseId, Checkpoint};

use crate::context::Context;

#[derive(Subcommand)]
pub enum LogCmd {
    /// Show the log, or every access to one case / Afficher le journal
    Show {
        /// Only the events of this case (its access report)
        #[arg(long)]
        case: Option<CaseId>,
        #[arg(long)]
        json: bool,
    },
    /// Recompute the log; with a kept checkpoint, prove the log extends it / Vérifier
    Verify {
        #[arg(long)]
        checkpoint: Option<PathBuf>,
        #[arg(long)]
        json: bool,
    },
    /// Sign a checkpoint of the log, to keep outside the vault (admins) / Point de contrôle
    Checkpoint {
        #[arg(short, long)]
        output: Option<PathBuf>,
    },
}

impl LogCmd {
    pub fn run(self, ctx: &Context) -> anyhow::Result<()> {
        match self {
            LogCmd::Show { case, json } => {
                let (vault, session) = ctx.session()?;
                let events = match case {
                    Some(case) => vault.access_report(&session, &case)?,
                    None => vault.log_events(&session, 0, u64::MAX)?,
                };
                if json {
                    println!("{}", serde_json::to_string_pretty(&events)?);
                } else {
                    for e in &events {
                        println!("{}  {}", describe_fr(e), e.targets.join(" "));
                    }
                }
            }
            LogCmd::Verify { checkpoint, json } => {
                let vault = ctx.open()?;
                let kept = checkpoint
                    .map(|path| {
                        let text = std::fs::read_to_string(&path).with_context(|| {
                            format!("impossible de lire / cannot read {}", path.display())
                        })?;
                        Ok::<_, anyhow::Error>(Checkpoint::parse(&text)?)
                    })
                    .transpose()?;
                let report = vault.verify_log(kept.as_ref())?;
                if json {
                    println!("{}", serde_json::to_string_pretty(&report)?);
                } else {
                    println!(
                        "événements / events: {}\nracine / root: {}",
                        report.size, report.root
                    );
                }
                if let (Some(i), Some(problem)) = (report.first_bad_index, &report.problem) {
                    return Err(anyhow!(
                        "journal altéré à partir de l'événement {i} / log altered from event {i}: {problem}"
                    ));
                }
                if let Some(k) = &kept {
                    eprintln!("Le journal prolonge le point de contrôle de taille {} / the log extends the checkpoint of size {}", k.size, k.size);
                }
            }
            LogCmd::Checkpoint { output } => {
                let (vault, session) = ctx.session()?;
                let checkpoint = vault.checkpoint(&session)?.to_string();
                match output.filter(|p| p.as_os_str() != "-") {
                    Some(path) => std::fs::write(&path, checkpoint).with_context(|| {
                        format!("impossible d'écrire / cannot write {}", path.display())
                    })?,
                    None => print!("{checkpoint}"),
                }
            }
        }
        Ok(())
    }
}
