//! Retention on the volunteers' pages: "contact today" on a case, a manager's hold (kept
//! past the term until a date, with a reason), and the managers' list of the cases that
//! reach their term within 30 days.

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use maud::{html, Markup};
use vault_core::HoldReason;

use super::{run, see_other, when, Fields, Volunteer};
use crate::state::AppState;

/// `POST /cases/{case}/contact`: the person was met or heard from today.
pub async fn contact(
    State(state): State<AppState>,
    v: Volunteer,
    Path(case): Path<String>,
    fields: Fields,
) -> Response {
    let (vault, case) = match v.case_form(&state, &case, &fields) {
        Ok(checked) => checked,
        Err(refused) => return refused,
    };
    let here = format!("/cases/{case}");
    let session = v.session.clone();
    match run(move || vault.record_contact(&session, &case)).await {
        Ok(()) => see_other(&here),
        Err(e) => v.error(e, &here),
    }
}

/// `POST /cases/{case}/hold`: kept until a date (`until`, YYYY-MM-DD as a date field
/// sends it, or as typed in France), with a `reason` and an optional `note`.
pub async fn hold(
    State(state): State<AppState>,
    v: Volunteer,
    Path(case): Path<String>,
    fields: Fields,
) -> Response {
    let (vault, case) = match v.case_form(&state, &case, &fields) {
        Ok(checked) => checked,
        Err(refused) => return refused,
    };
    let here = format!("/cases/{case}");
    // A browser without a date picker sends what was typed: 30/06/2027 reads too.
    let until = fields
        .get("until")
        .map(super::cases::iso_date)
        .and_then(|d| vault_words::end_of_paris_day(&d));
    let reason = fields
        .get("reason")
        .and_then(|r| r.parse::<HoldReason>().ok());
    let (Some(until), Some(reason)) = (until, reason) else {
        let l = v.ctx.lang.locale();
        return v.page(
            StatusCode::BAD_REQUEST,
            &l.say("web-hold-title"),
            &here,
            html! {
                p.error role="alert" { (l.say("web-hold-incomplete")) }
                p { a href=(here) { (v.ctx.w().back_to_case) } }
            },
        );
    };
    let note = fields.get("note").map(str::to_owned);
    let session = v.session.clone();
    match run(move || vault.hold_case(&session, &case, until, reason, note.as_deref())).await {
        Ok(()) => see_other(&here),
        Err(e) => v.error(e, &here),
    }
}

/// The case page's part: its last contact, its term, "contact today" and, for managers,
/// the hold form.
pub fn case_part(v: &Volunteer, case: &vault_core::Case) -> Markup {
    let lang = v.ctx.lang;
    let l = lang.locale();
    let id = &case.id;
    html! {
        section #retention aria-labelledby="retention-title" {
            h2 #retention-title { (l.say("web-retention-title")) }
            dl.profile {
                dt { (l.say("web-last-contact")) } dd { (when(lang, case.updated)) }
                @if let Some(closed) = case.closed {
                    dt { (l.say("web-closed-on")) } dd { (l.day(closed)) }
                }
                dt { (l.say("web-retention-term")) }
                dd {
                    (l.day(case.retention_term))
                    @if case.hold_until.is_some() { " (" (l.say("web-retention-held")) ")" }
                }
            }
            div.actions {
                form method="post" action={ "/cases/" (id) "/contact" } {
                    (v.csrf_field())
                    button.secondary type="submit" { (l.say("web-contact-today")) }
                }
            }
            @if v.session.user().role.manages() {
                details {
                    summary { (l.say("web-hold-title")) }
                    form method="post" action={ "/cases/" (id) "/hold" } {
                        (v.csrf_field())
                        label for="hold-until" { (l.say("web-hold-until")) }
                        input type="date" #hold-until name="until" required;
                        label for="hold-reason" { (l.say("web-hold-reason")) }
                        select #hold-reason name="reason" required {
                            @for r in HoldReason::ALL {
                                option value=(r.as_str()) { (l.say(&format!("web-hold-{}", r.as_str()))) }
                            }
                        }
                        label for="hold-note" { (l.say("web-hold-note")) }
                        textarea #hold-note name="note" maxlength="2000" aria-describedby="hold-note-help" {}
                        p.note #hold-note-help { (l.say("web-hold-note-help")) }
                        button type="submit" { (l.say("web-hold-submit")) }
                    }
                }
            }
        }
    }
}

/// `GET /retention`: the cases of the manager's teams that reach their term within 30
/// days, or have (the sweeper erases them within the hour).
pub async fn due(State(state): State<AppState>, v: Volunteer) -> Response {
    let vault = match state.vault() {
        Ok(vault) => vault,
        Err(e) => return v.error(e, "/cases"),
    };
    let session = v.session.clone();
    let due = match run(move || vault.retention_due(&session, vault_core::DUE_WITHIN_DAYS)).await {
        Ok(due) => due,
        Err(e) => return v.error(e, "/cases"),
    };
    let lang = v.ctx.lang;
    let l = lang.locale();
    let w = v.ctx.w();
    let title = l.say("web-due-title");
    let body = html! {
        p { (l.say_with("web-due-intro", &[("days", vault_core::DUE_WITHIN_DAYS.into())])) }
        @if due.is_empty() {
            p { (l.say("web-due-none")) }
        } @else {
            table.cases.stack {
                caption.visually-hidden { (title) }
                thead { tr {
                    th scope="col" { (w.col_name) }
                    th scope="col" { (w.col_team) }
                    th scope="col" { (l.say("web-last-contact")) }
                    th scope="col" { (l.say("web-retention-term")) }
                    th scope="col" { (l.say("web-due-kept")) }
                } }
                tbody {
                    @for d in &due {
                        tr {
                            td data-label=(w.col_name) { a href={ "/cases/" (d.case) "#retention" } { bdi { (d.name) } } }
                            td data-label=(w.col_team) { bdi { (d.team) } }
                            td data-label=(l.say("web-last-contact")) { (l.day(d.last_contact)) }
                            td data-label=(l.say("web-retention-term")) { (l.day(d.term)) }
                            td data-label=(l.say("web-due-kept")) {
                                @match &d.hold {
                                    Some(h) => {
                                        (l.say(&format!("web-hold-{}", h.reason.as_str())))
                                        @if let Some(note) = &d.hold_note { br; bdi { (note) } }
                                    }
                                    None => { "—" }
                                }
                            }
                        }
                    }
                }
            }
        }
    };
    v.page(StatusCode::OK, &title, "/retention", body)
}
