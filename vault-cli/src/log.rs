//! `vault log ...`: the access log.

use std::path::PathBuf;

use anyhow::{anyhow, Context as _};
use clap::Subcommand;
use vault_core::{verify_log_at, Checkpoint, LogPin};
use vault_words::Locale;

use crate::context::Context;
use crate::words::{say, say_with};

#[derive(Subcommand)]
pub enum LogCmd {
    /// Show the log, or every access to one case / Afficher le journal
    Show {
        /// Only the events of this case (its access report)
        #[arg(long)]
        case: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// Recompute the log; with a kept checkpoint, prove the log extends it / Vérifier
    Verify {
        #[arg(long)]
        checkpoint: Option<PathBuf>,
        /// The log's public key as the auditor keeps it (64 hex), instead of vault.toml's
        #[arg(long, requires = "checkpoint")]
        pubkey: Option<String>,
        /// The log's origin as the auditor keeps it, instead of vault.toml's
        #[arg(long, requires = "checkpoint")]
        origin: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// Print an inclusion proof (--event) or a consistency proof (--old) for a log size, as
    /// JSON, to check with docs/audit-log.md alone / Preuve
    Prove {
        /// The log size the proof is for (that of a checkpoint)
        #[arg(long)]
        size: u64,
        /// Prove that this event is in the log of --size events
        #[arg(long, conflicts_with = "old")]
        event: Option<u64>,
        /// Prove that the log of --size events extends the log of --old events
        #[arg(long)]
        old: Option<u64>,
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
                let print = |events: &[vault_core::Event], first: bool| -> anyhow::Result<()> {
                    for (i, e) in events.iter().enumerate() {
                        if json {
                            // One JSON array, written a page at a time.
                            let sep = if first && i == 0 { "[\n" } else { ",\n" };
                            print!("{sep}{}", serde_json::to_string(e)?);
                        } else {
                            let who = vault_words::log::actor(
                                Locale::Fr,
                                &vault.actor_label_for(&session, &e.actor),
                            );
                            println!(
                                "{}  {}",
                                vault_words::log::log_line(Locale::Fr, e, &who),
                                e.targets.join(" ")
                            );
                        }
                    }
                    Ok(())
                };
                let mut printed = 0u64;
                match case {
                    Some(case) => {
                        let events = vault.access_report(&session, &vault.resolve_case(&case)?)?;
                        print(&events, true)?;
                        printed = events.len() as u64;
                    }
                    None => {
                        // Pages of 10,000: memory stays bounded however long the log is.
                        let size = vault.log_size();
                        while printed < size {
                            let page = vault.log_events(&session, printed, 10_000)?;
                            if page.is_empty() {
                                break;
                            }
                            print(&page, printed == 0)?;
                            printed += page.len() as u64;
                        }
                    }
                }
                if json {
                    println!("{}", if printed == 0 { "[]" } else { "\n]" });
                }
            }
            LogCmd::Verify {
                checkpoint,
                pubkey,
                origin,
                json,
            } => {
                let kept = checkpoint
                    .map(|path| {
                        let text = std::fs::read_to_string(&path).with_context(|| {
                            say_with(
                                "cli-cannot-read",
                                &[("path", path.display().to_string().into())],
                            )
                        })?;
                        Ok::<_, anyhow::Error>(Checkpoint::parse(&text)?)
                    })
                    .transpose()?;
                // Read-only: the data directory is not opened for writing, not even to
                // set a torn tail aside.
                let pin = LogPin {
                    public_key: pubkey,
                    origin,
                };
                let report = verify_log_at(&ctx.data_dir, kept.as_ref(), &pin)?;
                if json {
                    println!("{}", serde_json::to_string_pretty(&report)?);
                } else {
                    println!(
                        "{}",
                        say_with(
                            "cli-log-summary",
                            &[
                                ("events", report.size.into()),
                                ("root", report.root.clone().into()),
                            ]
                        )
                    );
                }
                for notice in &report.notices {
                    eprintln!("{}", crate::context::warning(notice));
                }
                match (report.first_bad_index, &report.problem) {
                    (Some(i), Some(problem)) => {
                        return Err(anyhow!(vault_words::both(|l| l.say_with(
                            "cli-log-altered",
                            &[
                                ("event", i.into()),
                                ("problem", vault_words::log::problem(l, problem).into()),
                            ],
                        ))))
                    }
                    (None, Some(problem)) => {
                        return Err(anyhow!(vault_words::both(|l| l.say_with(
                            "cli-checkpoint-refused",
                            &[("problem", vault_words::log::problem(l, problem).into())],
                        ))))
                    }
                    _ => {}
                }
                if let Some(k) = &kept {
                    eprintln!(
                        "{}",
                        say_with("cli-log-extends", &[("size", k.size.into())])
                    );
                }
            }
            LogCmd::Prove { size, event, old } => {
                let vault = ctx.open()?;
                let hexes = |p: Vec<[u8; 32]>| p.iter().map(hex::encode).collect::<Vec<_>>();
                let out = match (event, old) {
                    (Some(seq), None) => serde_json::json!({
                        "type": "inclusion",
                        "index": seq,
                        "size": size,
                        "event": hex::encode(vault.log_event(seq)?.encode()),
                        "proof": hexes(vault.inclusion_proof(seq, size)?),
                    }),
                    (None, Some(old)) => serde_json::json!({
                        "type": "consistency",
                        "old_size": old,
                        "old_root": hex::encode(vault.log_root(old)?),
                        "size": size,
                        "proof": hexes(vault.consistency_proof(old, size)?),
                    }),
                    _ => return Err(anyhow!(say("cli-event-or-old"))),
                };
                println!("{}", serde_json::to_string_pretty(&out)?);
            }
            LogCmd::Checkpoint { output } => {
                let (vault, session) = ctx.session()?;
                let checkpoint = vault.checkpoint(&session)?.to_string();
                match output.filter(|p| p.as_os_str() != "-") {
                    Some(path) => std::fs::write(&path, checkpoint).with_context(|| {
                        say_with(
                            "cli-cannot-write",
                            &[("path", path.display().to_string().into())],
                        )
                    })?,
                    None => print!("{checkpoint}"),
                }
            }
        }
        Ok(())
    }
}
