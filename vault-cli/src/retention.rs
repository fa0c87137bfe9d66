//! `vault retention`: the cases near their term, holds, and the sweep that erases the
//! cases whose term has come (when no server runs one).

use clap::{Subcommand, ValueEnum};
use vault_core::HoldReason;

use crate::context::{print_list, Context};
use crate::words::{say, say_with};

#[derive(Subcommand)]
pub enum RetentionCmd {
    /// The cases of your teams that reach their term soon, or have / Dossiers proches de
    /// leur échéance
    Due {
        /// Within how many days
        #[arg(long, default_value_t = vault_core::DUE_WITHIN_DAYS)]
        days: u32,
        #[arg(long)]
        json: bool,
    },
    /// Keep a case past its term until a date, with a reason / Conserver un dossier
    /// au-delà de son échéance
    Hold {
        case: String,
        /// The last day to keep it, YYYY-MM-DD (Paris time)
        #[arg(long)]
        until: String,
        #[arg(long, value_enum)]
        reason: Reason,
        /// The justification (an appeal's number, a trial's date), sealed with the case
        #[arg(long)]
        note: Option<String>,
    },
    /// Erase the cases whose term has come, as `case erase` does / Effacer les dossiers
    /// arrivés à échéance
    Sweep {
        /// List what would go, erase nothing
        #[arg(long)]
        dry_run: bool,
        #[arg(long)]
        json: bool,
    },
}

/// Why a case is kept.
#[derive(Clone, Copy, ValueEnum)]
pub enum Reason {
    /// A procedure in progress (an appeal, an asylum claim)
    Procedure,
    /// Evidence within a limitation period
    Evidence,
    /// Another reason, in the note
    Other,
}

impl From<Reason> for HoldReason {
    fn from(r: Reason) -> HoldReason {
        match r {
            Reason::Procedure => HoldReason::Procedure,
            Reason::Evidence => HoldReason::Evidence,
            Reason::Other => HoldReason::Other,
        }
    }
}

impl RetentionCmd {
    pub fn run(self, ctx: &Context) -> anyhow::Result<()> {
        match self {
            RetentionCmd::Due { days, json } => {
                let (vault, session) = ctx.session()?;
                let due = vault.retention_due(&session, days)?;
                print_list(json, &due, |d| {
                    let kept = d.hold.as_ref().map_or(String::new(), |h| {
                        format!("  ({})", say(&format!("cli-hold-{}", h.reason.as_str())))
                    });
                    // Escaped: a name must not drive the terminal.
                    format!(
                        "{}  {}  {}  {}{kept}",
                        d.case,
                        vault_words::paris_date(d.term),
                        d.team.escape_debug(),
                        d.name.escape_debug()
                    )
                })?;
                if !json && due.is_empty() {
                    eprintln!(
                        "{}",
                        say_with("cli-retention-none-due", &[("days", days.into())])
                    );
                }
            }
            RetentionCmd::Hold {
                case,
                until,
                reason,
                note,
            } => {
                let (vault, session) = ctx.session()?;
                let at = vault_words::end_of_paris_day(&until)
                    .ok_or_else(|| anyhow::anyhow!(say("cli-retention-bad-date")))?;
                let case = vault.resolve_case(&case)?;
                vault.hold_case(&session, &case, at, reason.into(), note.as_deref())?;
                eprintln!(
                    "{}",
                    say_with("cli-retention-held", &[("until", until.trim().into())])
                );
            }
            RetentionCmd::Sweep { dry_run, json } => {
                // No sign-in: the sweep erases only what its term says, as the server's
                // sweeper does, and the log names `system` for it.
                let vault = ctx.open()?;
                let swept = vault.sweep_retention(dry_run)?;
                print_list(json, &swept, |s| {
                    format!("{}  {}", s.case, vault_words::paris_date(s.term))
                })?;
                if !json {
                    let id = if dry_run {
                        "cli-retention-would-erase"
                    } else {
                        "cli-retention-erased"
                    };
                    eprintln!("{}", say_with(id, &[("count", swept.len().into())]));
                }
            }
        }
        Ok(())
    }
}
