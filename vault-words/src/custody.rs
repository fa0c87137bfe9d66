//! The custody record of an evidence bundle in words (vault-core's `Custody`), for the
//! bundle's `custody/report-*.txt` and `custody/report-*.html`: the same for the CLI and
//! the server.

use maud::{html, Markup, PreEscaped, DOCTYPE};

use crate::locale::Locale;

/// The printed page: black on white, A4, tables that break between rows, hashes that
/// wrap anywhere rather than run off the sheet.
const PRINT_CSS: &str = "\
body{font:11pt/1.4 system-ui,sans-serif;color:#000;background:#fff;max-width:60rem;margin:1.5rem auto;padding:0 1rem}\
h1{font-size:1.5rem}h2{font-size:1.15rem;margin-top:2rem;border-top:1px solid #000;padding-top:.5rem}\
table{border-collapse:collapse;width:100%;margin:.5rem 0 1rem}caption{text-align:start;font-weight:bold;padding:.25rem 0}\
th,td{border:1px solid #555;padding:.25rem .4rem;text-align:start;vertical-align:top}\
tr{break-inside:avoid}thead{display:table-header-group}\
.hash{font-family:monospace;font-size:9pt;overflow-wrap:anywhere;word-break:break-all}.num{text-align:end;white-space:nowrap}\
@media print,(min-width:50rem){.t{white-space:nowrap}}\
@media screen and (max-width:40rem){thead{display:none}tr{display:block;border:1px solid #555;margin-bottom:.5rem}\
td{display:block;border:none}td::before{content:attr(data-label);display:block;font-weight:bold;font-family:system-ui,sans-serif}.num{text-align:start}}\
@page{size:A4;margin:1.5cm}@media print{body{margin:0;max-width:none}}";

/// The custody record in words, French then English, as plain text a clerk can print:
/// each document, its versions as recorded at intake, and every event of the log that
/// names it; times in Paris time, with the log's UTC beside them.
pub fn report(
    custody: &vault_core::Custody,
    who: &dyn Fn(&str) -> vault_core::ActorLabel,
) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for l in [Locale::Fr, Locale::En] {
        out.push((format!("report-{}.txt", l.tag()), text(l, custody, who)));
        out.push((format!("report-{}.html", l.tag()), page(l, custody, who)));
    }
    out
}

/// The report as plain text.
fn text(
    l: Locale,
    custody: &vault_core::Custody,
    who: &dyn Fn(&str) -> vault_core::ActorLabel,
) -> String {
    let mut text = String::new();
    text.push_str(&l.say("custody-report-title"));
    text.push_str("\n\n");
    text.push_str(&intro(l, custody));
    text.push('\n');
    for d in &custody.documents {
        text.push('\n');
        text.push_str(&heading(l, d));
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
        for e in events_of(custody, d) {
            let actor = crate::log::actor(l, &who(&e.event.actor));
            // Paris time for the reader; the log's line keeps its UTC.
            text.push_str("  ");
            text.push_str(&l.when(e.event.time));
            text.push_str(" — ");
            text.push_str(&crate::log::log_line(l, &e.event, &actor));
            text.push('\n');
        }
    }
    text
}

/// The report as a printable HTML page: per document, a table of its versions and one of
/// its events, each time in Paris time and in UTC as the log records it.
fn page(
    l: Locale,
    custody: &vault_core::Custody,
    who: &dyn Fn(&str) -> vault_core::ActorLabel,
) -> String {
    let title = l.say("custody-report-title");
    let intro = intro(l, custody);
    let say = |ids: &[&str]| ids.iter().map(|id| l.say(id)).collect::<Vec<_>>();
    // Each cell carries its column's name, shown above it on a narrow screen.
    let vcols = say(&[
        "custody-col-version",
        "custody-col-received",
        "custody-col-utc",
        "custody-col-size",
        "custody-col-blake3",
    ]);
    let ecols = say(&[
        "custody-col-seq",
        "custody-col-when",
        "custody-col-utc",
        "custody-col-action",
        "custody-col-who",
        "custody-col-outcome",
    ]);
    let doc: Markup = html! {
        (DOCTYPE)
        html lang=(l.tag()) dir=(l.dir()) {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                title { (title) }
                style { (PreEscaped(PRINT_CSS)) }
            }
            body {
                h1 { (title) }
                p { (intro) }
                @for d in &custody.documents {
                    section {
                        h2 { (heading(l, d)) }
                        table {
                            caption { (l.say("custody-versions")) }
                            thead { tr { @for h in &vcols { th scope="col" { (h) } } } }
                            tbody { @for v in &d.versions { tr {
                                td.num data-label=(vcols[0]) { (v.number) }
                                td.t data-label=(vcols[1]) { (l.when(v.created)) }
                                td.t data-label=(vcols[2]) { (vault_core::format_time(v.created)) }
                                td.num data-label=(vcols[3]) { (v.size) }
                                td.hash data-label=(vcols[4]) { (v.blake3) }
                            } } }
                        }
                        table {
                            caption { (l.say("custody-events")) }
                            thead { tr { @for h in &ecols { th scope="col" { (h) } } } }
                            tbody {
                                @for e in events_of(custody, d) {
                                        tr {
                                            td.num data-label=(ecols[0]) { (e.event.seq) }
                                            td.t data-label=(ecols[1]) { (l.when(e.event.time)) }
                                            td.t data-label=(ecols[2]) { (vault_core::format_time(e.event.time)) }
                                            td data-label=(ecols[3]) { (crate::log::action(l, &e.event.action)) }
                                            td data-label=(ecols[4]) { (crate::log::actor(l, &who(&e.event.actor))) }
                                            td data-label=(ecols[5]) { (crate::log::outcome(l, e.event.outcome)) }
                                        }
                                }
                            }
                        }
                    }
                }
            }
        }
    };
    doc.into_string()
}

/// The opening sentence: the checkpoint the record is proved against.
fn intro(l: Locale, custody: &vault_core::Custody) -> String {
    l.say_with(
        "custody-report-intro",
        &[
            ("size", custody.checkpoint_size.into()),
            ("origin", custody.origin.clone().into()),
        ],
    )
}

/// A document's heading: its file in the bag and its kind.
fn heading(l: Locale, d: &vault_core::CustodyDocument) -> String {
    l.say_with(
        "custody-report-document",
        &[
            ("file", d.file.clone().into()),
            ("kind", l.kind(d.kind).into()),
        ],
    )
}

/// The log events that name a document, in log order.
fn events_of<'a>(
    custody: &'a vault_core::Custody,
    d: &'a vault_core::CustodyDocument,
) -> impl Iterator<Item = &'a vault_core::CustodyEvent> {
    d.events
        .iter()
        .filter_map(|seq| custody.events.iter().find(|e| e.event.seq == *seq))
}

/// A moment for a court: in Paris time in words, and in UTC as the log records it.
fn moment(l: Locale, secs: u64) -> String {
    format!("{} ({})", l.when(secs), vault_core::format_time(secs))
}
