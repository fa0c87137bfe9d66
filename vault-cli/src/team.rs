//! `vault team ...`

use clap::Subcommand;

use crate::context::{print_list, Context};
use crate::words::say_with;

#[derive(Subcommand)]
pub enum TeamCmd {
    /// Create a team (you become its first member) / Créer une équipe
    Add { name: String },
    /// List teams / Lister les équipes
    List {
        #[arg(long)]
        json: bool,
    },
    /// Add a member / Ajouter un membre
    AddMember {
        team: String,
        /// (not named `user`: that is the global --user, the one acting)
        #[arg(value_name = "USER")]
        member: String,
    },
    /// How many days after their last contact the team's cases are erased (admins) /
    /// Durée de conservation
    Retention {
        team: String,
        /// Days after the last contact (30 to 36500; 730 unless set)
        #[arg(long)]
        days: u32,
    },
    /// Remove a member and rotate the team's keys / Retirer un membre
    RemoveMember {
        team: String,
        #[arg(value_name = "USER")]
        member: String,
    },
}

impl TeamCmd {
    pub fn run(self, ctx: &Context) -> anyhow::Result<()> {
        let (vault, session) = ctx.session()?;
        match self {
            TeamCmd::Add { name } => println!("{}", vault.create_team(&session, &name)?.id),
            TeamCmd::List { json } => {
                let teams = vault.list_teams(&session)?;
                print_list(json, &teams, |t| {
                    let members =
                        say_with("cli-team-members", &[("members", t.members.len().into())]);
                    let kept = say_with("cli-team-retention", &[("days", t.retention_days.into())]);
                    format!("{}  {} ({members}; {kept})", t.id, t.name)
                })?;
            }
            TeamCmd::Retention { team, days } => {
                vault.set_team_retention(&session, &team, days)?;
            }
            TeamCmd::AddMember { team, member } => {
                vault.add_member(&session, &team, &member)?;
            }
            TeamCmd::RemoveMember { team, member } => {
                let t = vault.remove_member(&session, &team, &member)?;
                eprintln!(
                    "{}",
                    say_with("cli-team-rotated", &[("epoch", t.epoch.into())])
                );
            }
        }
        Ok(())
    }
}
