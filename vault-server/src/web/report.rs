//! The access report in plain words, for the volunteers' case page and the person's own
//! space: one Fluent sentence per line (`report-line` of `links.ftl`), when, who, what,
//! with the names in `<bdi>`.
//!
//! Repeated reads of the same thing by the same actor within an hour are one line ("dossier
//! consulté (6 fois entre 19 h 37 et 19 h 52)"). The grouping is the presentation's only:
//! every event stays in the log, and the API and the CLI give them one by one.

use std::collections::HashMap;

use maud::{html, Markup, PreEscaped};
use vault_core::{Action, ActionKind, Event, Outcome};

use crate::html::escape;
use crate::i18n::Locale;

/// Lines per page of the report.
pub const PAGE: usize = 50;

/// Reads of the same thing by the same actor closer than this to the group's newest are
/// one line.
const GROUP_WINDOW: u64 = 3600;

/// The document an event is about, if any.
pub fn document_of(e: &Event) -> Option<&str> {
    e.targets.iter().find_map(|t| t.strip_prefix("document:"))
}

fn kind_of(e: &Event) -> Option<ActionKind> {
    Action::from_wire(&e.action).map(Action::kind)
}

/// What the volunteers' report shows: everything, or one family of actions.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Filter {
    #[default]
    All,
    Downloads,
    Uploads,
    Links,
    Changes,
}

impl Filter {
    pub const ALL: [Filter; 5] = [
        Filter::All,
        Filter::Downloads,
        Filter::Uploads,
        Filter::Links,
        Filter::Changes,
    ];

    /// The value in the address (`?show=downloads`).
    pub fn code(self) -> &'static str {
        match self {
            Filter::All => "all",
            Filter::Downloads => "downloads",
            Filter::Uploads => "uploads",
            Filter::Links => "links",
            Filter::Changes => "changes",
        }
    }

    /// The filter of an address's value; anything else shows everything.
    pub fn from_code(code: &str) -> Filter {
        Filter::ALL
            .into_iter()
            .find(|f| f.code() == code)
            .unwrap_or_default()
    }

    fn keeps(self, e: &Event) -> bool {
        let wanted = match self {
            Filter::All => return true,
            Filter::Downloads => ActionKind::Download,
            Filter::Uploads => ActionKind::Upload,
            Filter::Links => ActionKind::Link,
            Filter::Changes => ActionKind::Change,
        };
        kind_of(e) == Some(wanted)
    }
}

/// One line of the report: one event, or repeated reads shown together.
pub struct Entry<'a> {
    /// The newest event of the line (the one whose words it takes).
    pub newest: &'a Event,
    /// When the oldest event of the line happened.
    pub oldest: u64,
    /// How many events the line stands for.
    pub count: usize,
}

/// The lines of the report, newest first, from the events in log order: those `filter`
/// keeps, with views and downloads of the same thing by the same actor, with the same
/// outcome, within [`GROUP_WINDOW`] of the line's newest, as one line. Changes and links
/// are never grouped: each stays a line.
pub fn entries(events: &[Event], filter: Filter) -> Vec<Entry<'_>> {
    let mut out: Vec<Entry<'_>> = Vec::new();
    let mut open: HashMap<(&str, &str, Option<&str>, bool), usize> = HashMap::new();
    for e in events.iter().rev().filter(|e| filter.keeps(e)) {
        let groupable = matches!(kind_of(e), Some(ActionKind::View | ActionKind::Download));
        // A case page's view names the documents it showed; it is still a view of the case.
        let doc = if e.action.starts_with("case.") {
            None
        } else {
            document_of(e)
        };
        let key = (
            e.actor.as_str(),
            e.action.as_str(),
            doc,
            matches!(e.outcome, Outcome::Ok),
        );
        if groupable {
            if let Some(&i) = open.get(&key) {
                let line = &mut out[i];
                if line.newest.time.saturating_sub(e.time) < GROUP_WINDOW {
                    line.count += 1;
                    line.oldest = e.time;
                    continue;
                }
            }
            open.insert(key, out.len());
        }
        out.push(Entry {
            newest: e,
            oldest: e.time,
            count: 1,
        });
    }
    out
}

/// Page `page` (from 1) of `lines`, and how many pages there are (at least 1).
pub fn page<T>(lines: &[T], page: usize) -> (&[T], usize, usize) {
    let pages = lines.len().div_ceil(PAGE).max(1);
    let page = page.clamp(1, pages);
    let start = (page - 1) * PAGE;
    (
        &lines[start.min(lines.len())..(start + PAGE).min(lines.len())],
        page,
        pages,
    )
}

/// Where the document's name and who did it go in a line, before they are put in
/// `<bdi>` (neither is in a name: control characters are refused in names).
const DOC: char = '\u{1}';
const WHO: char = '\u{2}';

/// The sentence of what the person did themselves, in their space ("Vous avez consulté
/// votre dossier"), for the actions a space does.
fn yours(e: &Event) -> Option<&'static str> {
    let ok = matches!(e.outcome, Outcome::Ok);
    Some(match Action::from_wire(&e.action)? {
        Action::CaseView | Action::CaseReport | Action::DocumentList if ok => "you-case-view",
        Action::SpaceOpen if ok => "you-space-open",
        Action::DocumentRead if ok => "you-document-read",
        Action::ShareCreate if ok => "you-share-create",
        Action::SpacePasscodeFailed => "you-space-passcode-failed",
        Action::SpaceLocked => "you-space-locked",
        _ => return None,
    })
}

/// Who reads the report, which decides how its lines are worded.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Reader {
    /// A volunteer, on the case page: every line says who.
    Volunteer,
    /// The person, in their space: what they did themselves says "Vous avez…".
    Person,
}

/// One line of the access report: when, who, what; the names in `<bdi>`, so that one
/// written right to left cannot reorder the words around it. `names` maps document ids
/// to file names (those the reader can see).
pub fn sentence(
    l: Locale,
    line: &Entry<'_>,
    reader: Reader,
    who: &str,
    names: &HashMap<String, String>,
) -> Markup {
    let e = line.newest;
    let ok = matches!(e.outcome, Outcome::Ok);
    let doc = document_of(e)
        .map(|id| match names.get(id) {
            Some(name) => name.clone(),
            // A refused upload names a document that was never kept.
            None if !ok => l.say("unnamed-document"),
            None => l.say("deleted-document"),
        })
        .unwrap_or_default();
    let doc_arg = [("doc", DOC.to_string().into())];
    let group = line.count > 1;
    let mut args = vec![("who", WHO.to_string().into())];
    // "7 fois à 15 h 33" when every repeat fell in the minute the page shows.
    let mut same_minute = false;
    if group {
        let (from, to) = (l.time(line.oldest), l.time(e.time));
        same_minute = from == to;
        args.push(("day", l.day(e.time).into()));
        args.push(("count", (line.count as i64).into()));
        args.push(("from", from.into()));
        args.push(("to", to.into()));
    } else {
        args.push(("when", l.when(e.time).into()));
    }
    let own = (reader == Reader::Person && e.actor.starts_with("space:"))
        .then(|| yours(e))
        .flatten();
    let id = match (own, group, ok) {
        (Some(you), _, _) => {
            args.push(("what", l.say_with(you, &doc_arg).into()));
            if group && same_minute {
                "report-group-you-at"
            } else if group {
                "report-group-you"
            } else {
                "report-line-you"
            }
        }
        (None, g, ok) => {
            args.push(("what", l.say_action("action", &e.action, &doc_arg).into()));
            match (g, ok) {
                (true, _) if same_minute => "report-group-at",
                (true, _) => "report-group",
                (false, true) => "report-line",
                (false, false) => "report-line-refused",
            }
        }
    };
    let text = l.say_with(id, &args);
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

/// The links to the report's other pages; `href(n)` is page n's address.
pub fn pager(l: Locale, page: usize, pages: usize, href: impl Fn(usize) -> String) -> Markup {
    html! {
        @if pages > 1 {
            nav.pager aria-label=(l.say_with("report-page", &[("page", (page as i64).into()), ("pages", (pages as i64).into())])) {
                @if page > 1 {
                    a rel="prev" href=(href(page - 1)) { (l.say("report-newer")) }
                }
                span { (l.say_with("report-page", &[("page", (page as i64).into()), ("pages", (pages as i64).into())])) }
                @if page < pages {
                    a rel="next" href=(href(page + 1)) { (l.say("report-older")) }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn event(time: u64, actor: &str, action: &str, doc: Option<&str>) -> Event {
        let mut targets = vec!["case:c".to_owned()];
        if let Some(d) = doc {
            targets.push(format!("document:{d}"));
        }
        Event {
            seq: 0,
            time,
            actor: actor.into(),
            action: action.into(),
            targets,
            outcome: Outcome::Ok,
            client: None,
        }
    }

    /// Repeats within one minute say "7 fois à 15 h 33", not "entre 15 h 33 et 15 h 33".
    #[test]
    fn repeats_within_a_minute_name_that_minute_once() {
        let minute = 1_700_000_040; // a whole minute
        let newest = event(minute + 50, "u1", "case.view", None);
        let say = |l: Locale, oldest: u64, reader: Reader| {
            let line = Entry {
                newest: &newest,
                oldest,
                count: 7,
            };
            sentence(l, &line, reader, "admin", &HashMap::new()).into_string()
        };
        let same = say(Locale::Fr, minute + 5, Reader::Volunteer);
        assert!(same.contains("7 fois à "), "{same}");
        assert!(!same.contains("entre"), "{same}");
        let apart = say(Locale::Fr, minute - 600, Reader::Volunteer);
        assert!(apart.contains("7 fois entre "), "{apart}");
        let en = say(Locale::En, minute + 5, Reader::Volunteer);
        assert!(en.contains("7 times at "), "{en}");
    }

    #[test]
    fn repeated_reads_within_the_hour_are_one_line_and_changes_are_not() {
        let events = vec![
            event(1000, "u1", "case.view", None),
            event(1500, "u1", "case.view", None),
            event(1600, "u2", "case.view", None),
            event(1700, "u1", "case.update", None),
            event(1800, "u1", "case.update", None),
            event(2000, "u1", "case.view", None),
            event(2100, "u1", "document.read", Some("a")),
            event(2200, "u1", "document.read", Some("b")),
            event(9000, "u1", "case.view", None),
        ];
        let lines = entries(&events, Filter::All);
        let shape: Vec<(&str, &str, usize, u64)> = lines
            .iter()
            .map(|l| (&*l.newest.actor, &*l.newest.action, l.count, l.oldest))
            .collect();
        assert_eq!(
            shape,
            vec![
                ("u1", "case.view", 1, 9000),
                ("u1", "document.read", 1, 2200),
                ("u1", "document.read", 1, 2100),
                ("u1", "case.view", 3, 1000),
                ("u1", "case.update", 1, 1800),
                ("u1", "case.update", 1, 1700),
                ("u2", "case.view", 1, 1600),
            ]
        );
        // Nothing is dropped: the lines stand for every event.
        assert_eq!(lines.iter().map(|l| l.count).sum::<usize>(), events.len());
        let downloads = entries(&events, Filter::Downloads);
        assert_eq!(downloads.len(), 2);
        assert_eq!(entries(&events, Filter::Changes).len(), 2);
        assert!(entries(&events, Filter::Links).is_empty());
    }

    #[test]
    fn pages_hold_fifty_lines() {
        let lines: Vec<usize> = (0..120).collect();
        assert_eq!(page(&lines, 1), (&lines[..50], 1, 3));
        assert_eq!(page(&lines, 3), (&lines[100..], 3, 3));
        assert_eq!(page(&lines, 9).1, 3);
        assert_eq!(page(&Vec::<usize>::new(), 1), (&[][..], 1, 1));
    }
}
