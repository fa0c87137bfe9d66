//! My cases (search by name, open/closed filters), a new case, a case's profile.

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use maud::{html, Markup};
use vault_core::{CaseId, CaseProfile, CaseQuery, CaseStatus, Team};

use super::{run, see_other, when, Fields, Volunteer};
use crate::api::parse_id;
use crate::i18n::Web;
use crate::state::AppState;

/// Which cases the list shows.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Filter {
    Open,
    Closed,
    All,
}

impl Filter {
    fn parse(text: Option<&str>) -> Filter {
        match text {
            Some("closed") => Filter::Closed,
            Some("all") => Filter::All,
            _ => Filter::Open,
        }
    }

    fn code(self) -> &'static str {
        match self {
            Filter::Open => "open",
            Filter::Closed => "closed",
            Filter::All => "all",
        }
    }

    fn status(self) -> Option<CaseStatus> {
        match self {
            Filter::Open => Some(CaseStatus::Open),
            Filter::Closed => Some(CaseStatus::Closed),
            Filter::All => None,
        }
    }
}

/// Cases on one page of the list.
const PAGE: usize = 50;

fn status_name(w: &Web, status: CaseStatus) -> &'static str {
    match status {
        CaseStatus::Closed => w.status_closed,
        _ => w.status_open,
    }
}

/// The list page: a page of 50 (`page` from 1), newest activity first; `query` is the
/// searched name (never in a URL: the search is a POST, and so is its pager). Only the
/// page's profiles are decrypted (`Vault::find_cases`).
async fn list_page(
    state: AppState,
    v: Volunteer,
    filter: Filter,
    query: Option<String>,
    page: usize,
) -> Response {
    let w = v.ctx.w();
    let lang = v.ctx.lang;
    let vault = match state.vault() {
        Ok(vault) => vault,
        Err(e) => return v.error(e, "/cases"),
    };
    let session = v.session.clone();
    let wanted = CaseQuery {
        status: filter.status(),
        name: query.clone(),
        offset: (page - 1) * PAGE,
        limit: PAGE,
    };
    let loaded = run(move || {
        Ok((
            vault.find_cases(&session, &wanted)?,
            vault.list_teams(&session)?,
        ))
    })
    .await;
    let (found, teams) = match loaded {
        Ok(x) => x,
        Err(e) => return v.error(e, "/cases"),
    };
    let team_name = |id: &vault_core::TeamId| {
        teams
            .iter()
            .find(|t| &t.id == id)
            .map(|t| t.name.clone())
            .unwrap_or_default()
    };
    // (shown, page, words, rel)
    let pager = [
        (
            page > 1,
            page - 1,
            lang.locale().say("report-newer"),
            "prev",
        ),
        (
            found.more,
            page + 1,
            lang.locale().say("report-older"),
            "next",
        ),
    ];
    let body = html! {
        form.search method="post" action="/cases" role="search" {
            (v.csrf_field())
            input type="hidden" name="status" value=(filter.code());
            label for="q" { (w.search_label) }
            p.hint #q-hint { (w.search_hint) }
            div.inline {
                input type="search" #q name="q" value=(query.as_deref().unwrap_or("")) autocomplete="off" aria-describedby="q-hint";
                button type="submit" { (w.search_button) }
            }
        }
        nav.filters aria-label=(w.filter_label) {
            @for (f, label) in [(Filter::Open, w.filter_open), (Filter::Closed, w.filter_closed), (Filter::All, w.filter_all)] {
                @if f == filter {
                    a href={ "/cases?status=" (f.code()) } aria-current="page" { (label) }
                } @else {
                    a href={ "/cases?status=" (f.code()) } { (label) }
                }
            }
        }
        @if found.cases.is_empty() {
            p { (w.no_cases) }
        } @else {
            table.cases.stack {
                caption.visually-hidden { (w.cases_title) }
                thead { tr {
                    th scope="col" { (w.col_name) }
                    th scope="col" { (w.col_team) }
                    th scope="col" { (w.col_status) }
                    th scope="col" { (w.col_activity) }
                } }
                tbody {
                    @for c in &found.cases {
                        tr {
                            td data-label=(w.col_name) { a href={ "/cases/" (c.id) } { bdi { (c.profile.name) } } }
                            td data-label=(w.col_team) { bdi { (team_name(&c.team)) } }
                            td data-label=(w.col_status) { (status_name(w, c.status)) }
                            td data-label=(w.col_activity) { (when(lang, c.updated)) }
                        }
                    }
                }
            }
        }
        @if let Some(q) = &query {
            @if page > 1 || found.more {
                // The search's pager sends the search again: a form, so that the name
                // stays out of the address.
                form.pager method="post" action="/cases" aria-label=(w.pages_label) {
                    (v.csrf_field())
                    input type="hidden" name="status" value=(filter.code());
                    input type="hidden" name="q" value=(q);
                    @for (shown, to, label, rel) in &pager {
                        @if *shown {
                            button.link type="submit" name="page" value=(to) data-rel=(rel) { (label) }
                        }
                    }
                }
            }
        } @else if page > 1 || found.more {
            nav.pager aria-label=(w.pages_label) {
                @for (shown, to, label, rel) in &pager {
                    @if *shown {
                        a rel=(rel) href={ "/cases?status=" (filter.code()) "&page=" (to) } { (label) }
                    }
                }
            }
        }
        p { a.button href="/cases/new" { (w.nav_new_case) } }
    };
    let here = format!("/cases?status={}", filter.code());
    v.page(StatusCode::OK, w.cases_title, &here, body)
}

/// A page number from a form or a query: 1 when absent or not a number, at most 10,000.
fn page_number(text: Option<&str>) -> usize {
    text.and_then(|t| t.trim().parse::<usize>().ok())
        .unwrap_or(1)
        .clamp(1, 10_000)
}

/// `GET /cases?status=open|closed|all`.
pub async fn list(
    State(state): State<AppState>,
    v: Volunteer,
    axum::extract::RawQuery(query): axum::extract::RawQuery,
) -> Response {
    let param = |name: &str| {
        query.as_deref().and_then(|q| {
            form_urlencoded::parse(q.as_bytes())
                .find(|(k, _)| k == name)
                .map(|(_, v)| v.into_owned())
        })
    };
    let filter = Filter::parse(param("status").as_deref());
    list_page(
        state,
        v,
        filter,
        None,
        page_number(param("page").as_deref()),
    )
    .await
}

/// `POST /cases`: the search (a POST so that the name never reaches a URL).
pub async fn search(State(state): State<AppState>, v: Volunteer, fields: Fields) -> Response {
    if let Err(refused) = v.check(&fields) {
        return refused;
    }
    let filter = Filter::parse(fields.get("status"));
    let page = page_number(fields.get("page"));
    list_page(state, v, filter, fields.text("q"), page).await
}

/// The profile fields of a form, filled with `profile` when editing.
fn profile_fields(w: &Web, profile: Option<&CaseProfile>) -> Markup {
    let value = |f: fn(&CaseProfile) -> Option<&str>| profile.and_then(f).unwrap_or("").to_owned();
    html! {
        label for="name" { (w.f_name) " " span.required { (w.required) } }
        input type="text" #name name="name" required autocomplete="off"
            value=(value(|p| Some(p.name.as_str())));
        label for="birth_date" { (w.f_birth) }
        input type="date" #birth_date name="birth_date" autocomplete="off"
            value=(value(|p| p.birth_date.as_deref()));
        label for="nationality" { (w.f_nationality) }
        input type="text" #nationality name="nationality" autocomplete="off"
            value=(value(|p| p.nationality.as_deref()));
        label for="language" { (w.f_language) }
        input type="text" #language name="language" autocomplete="off"
            value=(value(|p| p.language.as_deref()));
        label for="contact" { (w.f_contact) }
        input type="text" #contact name="contact" autocomplete="off"
            value=(value(|p| p.contact.as_deref()));
        label for="notes" { (w.f_notes) }
        textarea #notes name="notes" rows="4" { (value(|p| p.notes.as_deref())) }
    }
}

fn profile_of(fields: &Fields) -> Option<CaseProfile> {
    Some(CaseProfile {
        name: fields.text("name")?,
        birth_date: fields.text("birth_date").map(|d| iso_date(&d)),
        nationality: fields.text("nationality"),
        contact: fields.text("contact"),
        language: fields.text("language"),
        notes: fields.text("notes"),
    })
}

/// A date as written at a French desk, `JJ/MM/AAAA` (or with `.` or `-`), in the ISO form
/// the vault keeps, `AAAA-MM-JJ`; anything else is returned as typed, for vault-core to
/// accept or refuse. Three numbers are reordered, no more: whether the date exists is
/// vault-core's check.
pub(super) fn iso_date(typed: &str) -> String {
    let parts: Vec<&str> = typed.trim().split(['/', '.', '-']).collect();
    match parts[..] {
        [d, m, y]
            if (1..=2).contains(&d.len())
                && (1..=2).contains(&m.len())
                && y.len() == 4
                && [d, m, y]
                    .iter()
                    .all(|p| p.bytes().all(|b| b.is_ascii_digit())) =>
        {
            format!("{y}-{m:0>2}-{d:0>2}")
        }
        _ => typed.trim().to_owned(),
    }
}

fn new_case_page(
    v: &Volunteer,
    teams: &[Team],
    status: StatusCode,
    problem: Option<&str>,
    typed: Option<(&str, &CaseProfile)>,
) -> Response {
    let w = v.ctx.w();
    let me = &v.session.user().id;
    let mine: Vec<&Team> = teams.iter().filter(|t| t.members.contains(me)).collect();
    let body = html! {
        @if let Some(problem) = problem {
            p.error role="alert" { (problem) }
        }
        @if mine.is_empty() {
            p { (w.no_team) }
        } @else {
            form method="post" action="/cases/new" {
                (v.csrf_field())
                label for="team" { (w.f_team) }
                select #team name="team" {
                    @for t in &mine {
                        option value=(t.name) selected[typed.is_some_and(|(team, _)| team == t.name)] { (t.name) }
                    }
                }
                (profile_fields(w, typed.map(|(_, p)| p)))
                button type="submit" { (w.create_case) }
            }
        }
    };
    v.page(status, w.new_case_title, "/cases/new", body)
}

async fn my_teams(state: &AppState, v: &Volunteer) -> Result<Vec<Team>, Response> {
    let vault = state.vault().map_err(|e| v.error(e, "/cases"))?;
    let session = v.session.clone();
    run(move || vault.list_teams(&session))
        .await
        .map_err(|e| v.error(e, "/cases"))
}

/// `GET /cases/new`.
pub async fn new_form(State(state): State<AppState>, v: Volunteer) -> Response {
    match my_teams(&state, &v).await {
        Ok(teams) => new_case_page(&v, &teams, StatusCode::OK, None, None),
        Err(r) => r,
    }
}

/// `POST /cases/new`: creates the case and opens it.
pub async fn create(State(state): State<AppState>, v: Volunteer, fields: Fields) -> Response {
    if let Err(refused) = v.check(&fields) {
        return refused;
    }
    let (Some(team), Some(profile)) = (fields.text("team"), profile_of(&fields)) else {
        return match my_teams(&state, &v).await {
            Ok(teams) => new_case_page(
                &v,
                &teams,
                StatusCode::BAD_REQUEST,
                Some(v.ctx.w().name_missing),
                None,
            ),
            Err(r) => r,
        };
    };
    let vault = match state.vault() {
        Ok(vault) => vault,
        Err(e) => return v.error(e, "/cases/new"),
    };
    let session = v.session.clone();
    let (asked, kept) = (team.clone(), profile.clone());
    match run(move || vault.create_case(&session, &asked, &kept)).await {
        Ok(id) => see_other(&format!("/cases/{id}")),
        // A refusal comes back above the form, with everything that was typed.
        Err(e) => match (v.correctable(&e), my_teams(&state, &v).await) {
            (Some(problem), Ok(teams)) => new_case_page(
                &v,
                &teams,
                e.status,
                Some(&problem),
                Some((&team, &profile)),
            ),
            _ => v.error(e, "/cases/new"),
        },
    }
}

/// `GET /cases/{case}`: the case page (see `documents::case_page`).
pub async fn show(
    State(state): State<AppState>,
    v: Volunteer,
    Path(case): Path<String>,
    axum::extract::RawQuery(query): axum::extract::RawQuery,
) -> Response {
    super::documents::case_page(state, v, case, query).await
}

/// `GET /cases/{case}/edit`.
pub async fn edit_form(
    State(state): State<AppState>,
    v: Volunteer,
    Path(case): Path<String>,
) -> Response {
    let (vault, case) = match (state.vault(), parse_id::<CaseId>(&case)) {
        (Ok(vault), Ok(case)) => (vault, case),
        (Err(e), _) | (_, Err(e)) => return v.error(e, "/cases"),
    };
    let session = v.session.clone();
    let id = case.clone();
    let case = match run(move || vault.case(&session, &id)).await {
        Ok(c) => c,
        Err(e) => return v.error(e, "/cases"),
    };
    edit_page(&v, &case.id, StatusCode::OK, None, &case.profile)
}

/// The profile form of a case, filled with `profile` (the case's, or what was typed),
/// under `problem` when it was refused.
fn edit_page(
    v: &Volunteer,
    case: &CaseId,
    status: StatusCode,
    problem: Option<&str>,
    profile: &CaseProfile,
) -> Response {
    let w = v.ctx.w();
    let here = format!("/cases/{case}/edit");
    let body = html! {
        @if let Some(problem) = problem {
            p.error role="alert" { (problem) }
        }
        form method="post" action=(here) {
            (v.csrf_field())
            (profile_fields(w, Some(profile)))
            button type="submit" { (w.save) }
        }
        p { a href={ "/cases/" (case) } { (w.back_to_case) } }
    };
    v.page(status, w.edit_title, &here, body)
}

/// `POST /cases/{case}/edit`.
pub async fn edit(
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
    let Some(profile) = profile_of(&fields) else {
        let w = v.ctx.w();
        return v.page(
            StatusCode::BAD_REQUEST,
            w.edit_title,
            &here,
            html! { p.error role="alert" { (w.name_missing) } p { a href=(here) { (w.back_to_case) } } },
        );
    };
    let session = v.session.clone();
    let (id, kept) = (case.clone(), profile.clone());
    match run(move || vault.update_case(&session, &id, &kept)).await {
        Ok(()) => see_other(&here),
        Err(e) => match v.correctable(&e) {
            Some(problem) => edit_page(&v, &case, e.status, Some(&problem), &profile),
            None => v.error(e, &here),
        },
    }
}

/// `POST /cases/{case}/status`: closes or reopens.
pub async fn set_status(
    State(state): State<AppState>,
    v: Volunteer,
    Path(case): Path<String>,
    fields: Fields,
) -> Response {
    let (vault, case) = match v.case_form(&state, &case, &fields) {
        Ok(checked) => checked,
        Err(refused) => return refused,
    };
    let status = match fields.get("status") {
        Some("closed") => CaseStatus::Closed,
        _ => CaseStatus::Open,
    };
    let here = format!("/cases/{case}");
    if status == CaseStatus::Closed {
        let question = v.ctx.lang.locale().say("web-confirm-close");
        let action = format!("{here}/status");
        if let Some(ask) = v.unconfirmed(&action, &fields, &question, &here) {
            return ask;
        }
    }
    let session = v.session.clone();
    match run(move || vault.set_case_status(&session, &case, status)).await {
        Ok(()) => see_other(&here),
        Err(e) => v.error(e, &here),
    }
}

#[cfg(test)]
mod tests {
    use super::iso_date;

    #[test]
    fn dates_are_read_as_written_in_france() {
        assert_eq!(iso_date("02/04/1991"), "1991-04-02");
        assert_eq!(iso_date("2/4/1991"), "1991-04-02");
        assert_eq!(iso_date("02.04.1991"), "1991-04-02");
        assert_eq!(iso_date(" 1991-04-02 "), "1991-04-02");
        // Left as typed for vault-core to refuse.
        assert_eq!(iso_date("04/1991"), "04/1991");
        assert_eq!(iso_date("2 avril 1991"), "2 avril 1991");
    }
}
