//! `vault bundle create`: documents of a case as an evidence bundle (a BagIt bag in a
//! ZIP, see vault-core's `bundle.rs` and docs/evidence.md).

use std::io::Write;
use std::path::PathBuf;

use clap::Subcommand;
use vault_core::BundleContext;

use crate::context::Context;
use crate::words::say_with;

#[derive(Subcommand)]
pub enum BundleCmd {
    /// Export documents of a case (all when none is named) as an evidence bundle / Exporter un dossier de preuves
    Create {
        case: String,
        docs: Vec<String>,
        /// Where to write the bundle; an existing file is never overwritten
        #[arg(short = 'o', long)]
        output: PathBuf,
        /// The association's name, for the bag's Source-Organization
        #[arg(long, env = "VAULT_ASSOCIATION")]
        association: Option<String>,
    },
}

impl BundleCmd {
    pub fn run(self, ctx: &Context) -> anyhow::Result<()> {
        let (vault, session) = ctx.session()?;
        match self {
            BundleCmd::Create {
                case,
                docs,
                output,
                association,
            } => {
                let case = vault.resolve_case(&case)?;
                let docs = docs
                    .iter()
                    .map(|d| vault.resolve_document(d))
                    .collect::<Result<Vec<_>, _>>()?;
                let file = std::fs::File::create_new(&output)?;
                let mut out = std::io::BufWriter::with_capacity(256 * 1024, file);
                let context = BundleContext {
                    association,
                    report: None,
                };
                let written = vault
                    .export_bundle(&session, &case, &docs, &context, &mut out)
                    .map_err(anyhow::Error::from)
                    .and_then(|summary| {
                        out.flush()?;
                        out.get_ref().sync_all()?;
                        Ok(summary)
                    });
                let summary = match written {
                    Ok(s) => s,
                    Err(e) => {
                        // Half a bundle is no bundle: it goes.
                        drop(out);
                        let _ = std::fs::remove_file(&output);
                        return Err(e);
                    }
                };
                eprintln!(
                    "{}",
                    say_with(
                        "cli-bundle-made",
                        &[
                            ("reference", summary.reference.clone().into()),
                            ("documents", summary.documents.into()),
                            ("bytes", summary.bytes.into()),
                        ]
                    )
                );
                println!("{}", output.display());
            }
        }
        Ok(())
    }
}
