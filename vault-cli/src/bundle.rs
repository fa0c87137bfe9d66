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
        /// Encrypt the bundle to this age recipient (age1..., repeatable): the lawyer's own
        /// key, so that the file alone does not open
        #[arg(long = "to")]
        to: Vec<String>,
        /// Also copies without hidden metadata (GPS, authors, serials), under
        /// data/working-copies/, beside the originals
        #[arg(long)]
        working_copies: bool,
    },
    /// Check a bundle offline, without any vault: manifests, signature, checkpoint, every
    /// proof, each file against its intake hash / Vérifier un dossier de preuves
    Verify {
        bundle: PathBuf,
        /// The log's public key as the association published it (64 hex); without it the
        /// bundle's own key is used, which proves the bundle whole, not who made it
        #[arg(long)]
        pubkey: Option<String>,
        /// The log's origin as the association published it
        #[arg(long)]
        origin: Option<String>,
    },
}

/// Checks a bundle; prints what it proved, or why it is refused (an error).
fn verify(
    bundle: &std::path::Path,
    pubkey: Option<&str>,
    origin: Option<&str>,
) -> anyhow::Result<()> {
    use vault_core::BundleProblem as P;
    let file = std::fs::File::open(bundle)?;
    let checked = vault_core::verify_bundle(std::io::BufReader::new(file), pubkey, origin);
    let check = match checked {
        Ok(c) => c,
        Err(problem) => {
            let (code, detail) = match problem {
                P::NotABag => ("not-a-bag", String::new()),
                P::FileChanged(f) => ("file-changed", f),
                P::FileMissing(f) => ("file-missing", f),
                P::FileUnlisted(f) => ("file-unlisted", f),
                P::TagChanged(f) => ("tag-changed", f),
                P::BadSignature => ("bad-signature", String::new()),
                P::BadCheckpoint => ("bad-checkpoint", String::new()),
                P::BadProof(seq) => ("bad-proof", seq.to_string()),
                P::IntakeMismatch(f) => ("intake-mismatch", f),
            };
            anyhow::bail!(say_with(
                "cli-bundle-refused",
                &[("problem", code.into()), ("detail", detail.into())]
            ));
        }
    };
    println!(
        "{}",
        say_with(
            "cli-bundle-verified",
            &[
                ("documents", check.documents.into()),
                ("bytes", check.bytes.into()),
                ("events", check.events.into()),
                ("size", check.checkpoint_size.into()),
            ]
        )
    );
    if check.working_copies > 0 {
        println!(
            "{}",
            say_with(
                "cli-bundle-working-copies",
                &[("copies", check.working_copies.into())]
            )
        );
    }
    let key_words = if check.key_from_bundle {
        "cli-bundle-key-own"
    } else {
        "cli-bundle-key-given"
    };
    println!(
        "{}",
        say_with(key_words, &[("key", check.public_key.into())])
    );
    Ok(())
}

impl BundleCmd {
    pub fn run(self, ctx: &Context) -> anyhow::Result<()> {
        if let BundleCmd::Verify {
            bundle,
            pubkey,
            origin,
        } = &self
        {
            // Offline: no vault, no account.
            return verify(bundle, pubkey.as_deref(), origin.as_deref());
        }
        let (vault, session) = ctx.session()?;
        match self {
            BundleCmd::Create {
                case,
                docs,
                output,
                association,
                to,
                working_copies,
            } => {
                let to = crate::context::recipients(&to)?;
                let case = vault.resolve_case(&case)?;
                let docs = docs
                    .iter()
                    .map(|d| vault.resolve_document(d))
                    .collect::<Result<Vec<_>, _>>()?;
                // Encrypted, it is an age file, and says so by its name.
                let output = if !to.is_empty() && output.extension() != Some("age".as_ref()) {
                    PathBuf::from(format!("{}.age", output.display()))
                } else {
                    output
                };
                let file = std::fs::File::create_new(&output)?;
                let mut out = std::io::BufWriter::with_capacity(256 * 1024, file);
                let context = BundleContext {
                    association,
                    to,
                    report: Some(vault_words::custody::report),
                    working_copies,
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
            BundleCmd::Verify { .. } => unreachable!("answered above, without a vault"),
        }
        Ok(())
    }
}
