//! The access log in words (`desk.ftl`): one line per event for the `vault` command and
//! the API, who did something, a link's state, and what a verification or an opening of
//! the log found.

use vault_core::{ActorLabel, Event, LinkStatus, LogNotice, LogProblem, Outcome};

use crate::locale::Locale;

/// What an action is called (`document.read`: "lecture d'un document"); an action this
/// version does not name is shown by its code.
pub fn action(l: Locale, code: &str) -> String {
    l.say_action("log-action", code, &[])
}

/// Who did something, as the reader may see it.
pub fn actor(l: Locale, who: &ActorLabel) -> String {
    match who {
        ActorLabel::User(name) => name.clone(),
        ActorLabel::Share(Some(label)) => {
            l.say_with("actor-share-labelled", &[("label", label.clone().into())])
        }
        ActorLabel::Share(None) => l.say("actor-share"),
        ActorLabel::Upload => l.say("actor-upload"),
        ActorLabel::Space => l.say("actor-space"),
        ActorLabel::System => l.say("actor-system"),
    }
}

/// An event's outcome in words: done, refused, failed, begun.
pub fn outcome(l: Locale, o: Outcome) -> String {
    l.say(match o {
        Outcome::Ok => "log-outcome-ok",
        Outcome::Denied => "log-outcome-denied",
        Outcome::Failed => "log-outcome-failed",
        Outcome::Begun => "log-outcome-begun",
    })
}

/// One line of the log: number, time (UTC), what, who, outcome.
pub fn log_line(l: Locale, e: &Event, who: &str) -> String {
    l.say_with(
        "log-line",
        &[
            ("seq", e.seq.to_string().into()),
            ("time", vault_core::format_time(e.time).into()),
            ("action", action(l, &e.action).into()),
            ("who", who.to_owned().into()),
            ("outcome", outcome(l, e.outcome).into()),
        ],
    )
}

/// A link's state: live, expired, used up, revoked, locked.
pub fn link_status(l: Locale, status: LinkStatus) -> String {
    l.say(match status {
        LinkStatus::Live => "link-status-live",
        LinkStatus::Expired => "link-status-expired",
        LinkStatus::Exhausted => "link-status-exhausted",
        LinkStatus::Revoked => "link-status-revoked",
        LinkStatus::Locked => "link-status-locked",
    })
}

/// What a verification found wrong with the log.
pub fn problem(l: Locale, p: &LogProblem) -> String {
    let n = |v: u64| fluent_templates::fluent_bundle::FluentValue::from(v);
    match p {
        LogProblem::IndexedEventMissing { event } => {
            l.say_with("log-problem-indexed-missing", &[("event", n(*event))])
        }
        LogProblem::InvalidEvent { event } => {
            l.say_with("log-problem-invalid-event", &[("event", n(*event))])
        }
        LogProblem::EventMisplaced { event } => {
            l.say_with("log-problem-misplaced", &[("event", n(*event))])
        }
        LogProblem::EventAltered { event } => {
            l.say_with("log-problem-event-altered", &[("event", n(*event))])
        }
        LogProblem::HashesAltered { from, to } => l.say_with(
            "log-problem-hashes-altered",
            &[("from", n(*from)), ("to", n(*to))],
        ),
        LogProblem::EventMissing { event } => {
            l.say_with("log-problem-event-missing", &[("event", n(*event))])
        }
        LogProblem::RewrittenWhileOpen => l.say("log-problem-rewritten-while-open"),
        LogProblem::OtherLog { theirs, ours } => l.say_with(
            "log-problem-other-log",
            &[
                ("theirs", format!("{theirs:?}").into()),
                ("ours", format!("{ours:?}").into()),
            ],
        ),
        LogProblem::BadSignature => l.say("log-problem-bad-signature"),
        LogProblem::EventsRemoved { size, checkpoint } => l.say_with(
            "log-problem-events-removed",
            &[("size", n(*size)), ("checkpoint", n(*checkpoint))],
        ),
        LogProblem::HistoryRewritten { checkpoint } => l.say_with(
            "log-problem-history-rewritten",
            &[("checkpoint", n(*checkpoint))],
        ),
        _ => l.say("log-problem-other"),
    }
}

/// What opening or verifying the log repaired or found that is not damage.
pub fn notice(l: Locale, notice: &LogNotice) -> String {
    let n = |v: u64| fluent_templates::fluent_bundle::FluentValue::from(v);
    match notice {
        LogNotice::TornTail {
            at,
            bytes,
            quarantine: Some(q),
        } => l.say_with(
            "log-notice-torn-moved",
            &[
                ("bytes", n(*bytes)),
                ("at", n(*at)),
                ("path", q.display().to_string().into()),
            ],
        ),
        LogNotice::TornTail { at, bytes, .. } => {
            l.say_with("log-notice-torn", &[("bytes", n(*bytes)), ("at", n(*at))])
        }
        LogNotice::IndexRebuilt {
            file,
            covered,
            size,
            rebuilt,
        } => l.say_with(
            if *rebuilt {
                "log-notice-index-rebuilt"
            } else {
                "log-notice-index-short"
            },
            &[
                ("file", file.clone().into()),
                ("covered", n(*covered)),
                ("size", n(*size)),
            ],
        ),
        _ => l.say("log-notice-other"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_log_line_names_the_action_the_actor_and_the_outcome() {
        let e = Event {
            seq: 7,
            time: 0,
            actor: "share:x".into(),
            action: "share.download".into(),
            outcome: Outcome::Denied,
            targets: vec![],
            client: None,
        };
        let who = actor(Locale::Fr, &ActorLabel::Share(Some("Me Dupont".into())));
        assert_eq!(
            log_line(Locale::Fr, &e, &who),
            "n°7  1970-01-01 00:00:00 UTC  téléchargement par un lien de partage  par Me Dupont (lien de partage)  (refusé)"
        );
        let who = actor(Locale::En, &ActorLabel::Upload);
        assert_eq!(
            log_line(Locale::En, &e, &who),
            "#7  1970-01-01 00:00:00 UTC  download through a share link  by upload link  (refused)"
        );
        assert_eq!(action(Locale::Fr, "future.thing"), "future.thing");
        // Every action of vault-core has its words, in French and in English.
        for a in vault_core::Action::ALL {
            let id = format!("log-action-{}", a.wire().replace(['.', '_'], "-"));
            assert!(Locale::Fr.has(&id) && Locale::En.has(&id), "{id}");
            // What a case's access report shows (the personal space's too): its own words,
            // never "autre action (case.hold)".
            if a.kind() != vault_core::ActionKind::Vault {
                let id = format!("action-{}", a.wire().replace(['.', '_'], "-"));
                assert!(Locale::Fr.has(&id) && Locale::En.has(&id), "{id}");
            }
        }
        assert_eq!(link_status(Locale::En, LinkStatus::Exhausted), "used up");
    }
}
