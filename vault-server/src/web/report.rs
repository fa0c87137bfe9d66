//! The access report in plain words, for the volunteers' case page and the person's own
//! space: one Fluent sentence per event (`report-line` of `links.ftl`), when, who, what,
//! with the names in `<bdi>`.

use std::collections::HashMap;

use maud::{Markup, PreEscaped};
use vault_core::Event;

use crate::html::escape;
use crate::i18n::Locale;

/// The document an event is about, if any.
pub fn document_of(e: &Event) -> Option<&str> {
    e.targets.iter().find_map(|t| t.strip_prefix("document:"))
}

/// Where the document's name and who did it go in a line, before they are put in
/// `<bdi>` (neither is in a name: control characters are refused in names).
const DOC: char = '\u{1}';
const WHO: char = '\u{2}';

/// One line of the access report: when, who, what; the names in `<bdi>`, so that one
/// written right to left cannot reorder the words around it. `names` maps document ids
/// to file names (those the reader can see).
pub fn sentence(l: Locale, e: &Event, who: &str, names: &HashMap<String, String>) -> Markup {
    let doc = document_of(e)
        .map(|id| {
            names
                .get(id)
                .cloned()
                .unwrap_or_else(|| l.say("deleted-document"))
        })
        .unwrap_or_default();
    let what = l.say_action("action", &e.action, &[("doc", DOC.to_string().into())]);
    let line = if matches!(e.outcome, vault_core::Outcome::Ok) {
        "report-line"
    } else {
        "report-line-refused"
    };
    let text = l.say_with(
        line,
        &[
            ("when", l.when(e.time).into()),
            ("who", WHO.to_string().into()),
            ("what", what.into()),
        ],
    );
    let mut out = String::with_capacity(text.len() + 64);
    for c in escape(&text).chars() {
        match c {
            DOC => out.push_str(&format!("<bdi>{}</bdi>", escape(&doc))),
            WHO => out.push_str(&format!("<bdi>{}</bdi>", escape(who))),
            c => out.push(c),
        }
    }
    PreEscaped(out)
}
