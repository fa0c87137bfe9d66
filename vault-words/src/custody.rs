//! The custody record of an evidence bundle in words (vault-core's `Custody`), for the
//! bundle's `custody/report-*.txt`: the same for the CLI and the server.

use crate::locale::Locale;

/// The custody record in words, French then English, as plain text a clerk can print:
/// each document, its versions as recorded at intake, and every event of the log that
/// names it; times in Paris time, with the log's UTC beside them.
pub fn report(
    custody: &vault_core::Custody,
    who: &dyn Fn(&str) -> vault_core::ActorLabel,
) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for (l, name) in [(Locale::Fr, "report-fr.txt"), (Locale::En, "report-en.txt")] {
        let mut text = String::new();
        text.push_str(&l.say("custody-report-title"));
        text.push_str("\n\n");
        text.push_str(&l.say_with(
            "custody-report-intro",
            &[
                ("size", custody.checkpoint_size.into()),
                ("origin", custody.origin.clone().into()),
            ],
        ));
        text.push('\n');
        for d in &custody.documents {
            text.push('\n');
            text.push_str(&l.say_with(
                "custody-report-document",
                &[
                    ("file", d.file.clone().into()),
                    ("kind", l.kind(d.kind).into()),
                ],
            ));
            text.push('\n');
            for v in &d.versions {
                text.push_str("  ");
                text.push_str(&l.say_with(
                    "custody-report-version",
                    &[
                        ("number", v.number.into()),
                        ("when", moment(l, v.created).into()),
                        ("size", v.size.into()),
                        ("blake3", v.blake3.clone().into()),
                    ],
                ));
                text.push('\n');
            }
            for seq in &d.events {
                if let Some(e) = custody.events.iter().find(|e| e.event.seq == *seq) {
                    let actor = crate::log::actor(l, &who(&e.event.actor));
                    // Paris time for the reader; the log's line keeps its UTC.
                    text.push_str("  ");
                    text.push_str(&l.when(e.event.time));
                    text.push_str(" — ");
                    text.push_str(&crate::log::log_line(l, &e.event, &actor));
                    text.push('\n');
                }
            }
        }
        out.push((name.to_owned(), text));
    }
    out
}

/// A moment for a court: in Paris time in words, and in UTC as the log records it.
fn moment(l: Locale, secs: u64) -> String {
    format!("{} ({})", l.when(secs), vault_core::format_time(secs))
}
