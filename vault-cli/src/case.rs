//! `vault case ...`

use clap::Subcommand;
use vault_core::{CaseProfile, CaseStatus};

use crate::context::{print_list, Context};
use crate::words::{say, say_with};

#[derive(Subcommand)]
pub enum CaseCmd {
    /// Open a case in a team; prints its id / Ouvrir un dossier
    Add {
        #[arg(long)]
        team: String,
        #[arg(long)]
        name: String,
        /// YYYY-MM-DD
        #[arg(long)]
        born: Option<String>,
        #[arg(long)]
        nationality: Option<String>,
        #[arg(long)]
        phone: Option<String>,
        #[arg(long)]
        language: Option<String>,
        #[arg(long)]
        note: Option<String>,
    },
    /// List the cases you can open / Lister les dossiers
    List {
        #[arg(long)]
        team: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// Show a case / Afficher un dossier
    Show {
        case: String,
        #[arg(long)]
        json: bool,
    },
    /// Close a case / Clore un dossier
    Close { case: String },
    /// Reopen a case / Rouvrir un dossier
    Reopen { case: String },
    /// Record a contact with the person today: the retention term counts from it / Noter
    /// un contact aujourd'hui
    Contact { case: String },
    /// Erase a case and all its documents for good / Effacer définitivement
    Erase {
        case: String,
        /// Confirm the erasure
        #[arg(long)]
        yes: bool,
    },
}

impl CaseCmd {
    pub fn run(self, ctx: &Context) -> anyhow::Result<()> {
        let (vault, session) = ctx.session()?;
        match self {
            CaseCmd::Add {
                team,
                name,
                born,
                nationality,
                phone,
                language,
                note,
            } => {
                let profile = CaseProfile {
                    name,
                    birth_date: born,
                    nationality,
                    contact: phone,
                    language,
                    notes: note,
                };
                println!("{}", vault.create_case(&session, &team, &profile)?);
            }
            CaseCmd::List { team, json } => {
                let team = team.map(|t| vault.team(&t)).transpose()?;
                let cases: Vec<_> = vault
                    .list_cases(&session)?
                    .into_iter()
                    .filter(|c| team.as_ref().is_none_or(|t| t.id == c.team))
                    .collect();
                print_list(json, &cases, |c| {
                    // Escaped: a name must not drive the terminal.
                    let name = c.profile.name.escape_debug();
                    format!("{}  {:<14} {name}", c.id, status_label(c.status))
                })?;
            }
            CaseCmd::Show { case, json } => {
                let c = vault.case(&session, &vault.resolve_case(&case)?)?;
                if json {
                    println!("{}", serde_json::to_string_pretty(&c)?);
                } else {
                    let p = &c.profile;
                    println!("id: {}\n{}: {}", c.id, say("cli-case-name"), p.name);
                    for (label, value) in [
                        ("cli-case-born", &p.birth_date),
                        ("cli-case-nationality", &p.nationality),
                        ("cli-case-contact", &p.contact),
                        ("cli-case-language", &p.language),
                        ("cli-case-notes", &p.notes),
                    ] {
                        if let Some(v) = value {
                            println!("{}: {v}", say(label));
                        }
                    }
                    println!("{}: {}", say("cli-case-status"), status_label(c.status));
                }
            }
            CaseCmd::Close { case } => {
                vault.set_case_status(&session, &vault.resolve_case(&case)?, CaseStatus::Closed)?
            }
            CaseCmd::Reopen { case } => {
                vault.set_case_status(&session, &vault.resolve_case(&case)?, CaseStatus::Open)?
            }
            CaseCmd::Contact { case } => {
                vault.record_contact(&session, &vault.resolve_case(&case)?)?
            }
            CaseCmd::Erase { case, yes } => {
                if !yes {
                    anyhow::bail!(say("cli-erase-needs-yes"));
                }
                let r = vault.erase_case(&session, &vault.resolve_case(&case)?)?;
                eprintln!(
                    "{}",
                    say_with(
                        "cli-case-erased",
                        &[("documents", r.documents.into()), ("blobs", r.blobs.into())]
                    )
                );
            }
        }
        Ok(())
    }
}

fn status_label(status: CaseStatus) -> String {
    say(match status {
        CaseStatus::Open => "cli-status-open",
        CaseStatus::Closed => "cli-status-closed",
    })
}
