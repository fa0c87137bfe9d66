//! Coordinators and admins: accounts (create, reset with the recovery key), teams and
//! membership (removing a member rotates the team's keys), and the audit tools: a signed
//! checkpoint of the log to download, the log's verification, the storage check.

use axum::extract::State;
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use maud::html;
use secrecy::ExposeSecret;
use vault_core::{Checkpoint, Role, Team, User};

use super::{role_name, run, see_other, when, Fields, Volunteer};
use crate::api::session::with_kdf_slot;
use crate::backups::{Backups, LastBackup};
use crate::error::ApiError;
use crate::state::AppState;

fn only_managers(v: &Volunteer) -> Result<(), Response> {
    if v.manages() {
        Ok(())
    } else {
        Err(v.error(
            ApiError::from(vault_core::Error::Denied(
                vault_core::Why::ManagersManageAccounts,
            )),
            "/cases",
        ))
    }
}

/// `GET /admin[?done=WHAT]`.
pub async fn page(
    State(state): State<AppState>,
    v: Volunteer,
    axum::extract::RawQuery(query): axum::extract::RawQuery,
) -> Response {
    if let Err(r) = only_managers(&v) {
        return r;
    }
    let vault = match state.vault() {
        Ok(vault) => vault,
        Err(e) => return v.error(e, "/cases"),
    };
    let session = v.session.clone();
    let loaded = run(move || Ok((vault.list_users(&session)?, vault.list_teams(&session)?))).await;
    let (users, teams) = match loaded {
        Ok(x) => x,
        Err(e) => return v.error(e, "/cases"),
    };
    let done = query.is_some_and(|q| q.contains("done=1"));
    admin_page(&state, &v, &users, &teams, StatusCode::OK, done, None)
}

fn admin_page(
    state: &AppState,
    v: &Volunteer,
    users: &[User],
    teams: &[Team],
    status: StatusCode,
    done: bool,
    result: Option<maud::Markup>,
) -> Response {
    let w = v.ctx.w();
    let name_of = |id: &vault_core::UserId| {
        users
            .iter()
            .find(|u| &u.id == id)
            .map(|u| u.name.clone())
            .unwrap_or_else(|| id.to_string())
    };
    let is_admin = v.session.user().role == Role::Admin;
    let backup_failed = is_admin && state.inner.backups.last().is_some_and(|l| !l.ok);
    let body = html! {
        @if done { p.done role="status" { (w.done) } }
        @if backup_failed {
            p.error role="alert" { a href="#backups-title" { (w.backup_failed) } }
        }
        @if let Some(result) = result { (result) }
        section aria-labelledby="users-title" {
            h2 #users-title { (w.users_title) }
            table.stack {
                caption.visually-hidden { (w.users_title) }
                thead { tr {
                    th scope="col" { (w.f_user) }
                    th scope="col" { (w.f_role) }
                    th scope="col" { (w.col_status) }
                    th scope="col" { span.visually-hidden { (w.account_action) } }
                } }
                tbody {
                    @for u in users {
                        tr {
                            td data-label=(w.f_user) { bdi { (u.name) } }
                            td data-label=(w.f_role) { (role_name(w, u.role)) }
                            td data-label=(w.col_status) { @if u.disabled { strong { (w.account_disabled) } } @else { (w.account_enabled) } }
                            td {
                                @if u.id != v.session.user().id {
                                    form method="post" action="/admin/users/state" {
                                        (v.csrf_field())
                                        input type="hidden" name="name" value=(u.name);
                                        @if u.disabled {
                                            input type="hidden" name="disabled" value="0";
                                            button.secondary type="submit" aria-label={ (w.enable) " " (u.name) } { (w.enable) }
                                        } @else {
                                            input type="hidden" name="disabled" value="1";
                                            button.danger type="submit" aria-label={ (w.disable) " " (u.name) } { (w.disable) }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
            h3 { (w.create_user) }
            form method="post" action="/admin/users" {
                (v.csrf_field())
                label for="new-user" { (w.f_user) }
                input type="text" #new-user name="name" required autocomplete="off";
                label for="new-role" { (w.f_role) }
                select #new-role name="role" {
                    option value="volunteer" { (w.role_volunteer) }
                    option value="coordinator" { (w.role_coordinator) }
                    @if is_admin { option value="admin" { (w.role_admin) } }
                }
                label for="new-password" { (w.f_first_password) }
                input type="password" #new-password name="password" required minlength="8" autocomplete="new-password";
                button type="submit" { (w.create_user) }
            }
            @if is_admin {
                h3 { (w.recover_title) }
                p.note { (w.recover_note) }
                form method="post" action="/admin/recover" {
                    (v.csrf_field())
                    label for="recover-user" { (w.f_user) }
                    select #recover-user name="name" {
                        @for u in users { option value=(u.name) { (u.name) } }
                    }
                    label for="recovery-key" { (w.f_recovery_key) }
                    input type="password" #recovery-key name="recovery_key" required autocomplete="off";
                    label for="recover-password" { (w.f_new_password) }
                    input type="password" #recover-password name="password" required minlength="8" autocomplete="new-password";
                    button type="submit" { (w.recover_button) }
                }
            }
        }
        section aria-labelledby="teams-title" {
            h2 #teams-title { (w.teams_title) }
            p.note { (w.rotation_note) }
            @for t in teams {
                h3 { bdi { (t.name) } " " span.note { "(" (w.key_epoch) " " (t.epoch) ")" } }
                ul.members {
                    @for m in &t.members {
                        li {
                            bdi { (name_of(m)) }
                            form.inline method="post" action="/admin/members/remove" {
                                (v.csrf_field())
                                input type="hidden" name="team" value=(t.name);
                                input type="hidden" name="user" value=(name_of(m));
                                button.danger type="submit" aria-label={ (w.remove_member) " " (name_of(m)) } { (w.remove_member) }
                            }
                        }
                    }
                }
                @let candidates: Vec<&User> = users.iter().filter(|u| !t.members.contains(&u.id) && !u.disabled).collect();
                @if !candidates.is_empty() {
                form.inline method="post" action="/admin/members" {
                    (v.csrf_field())
                    input type="hidden" name="team" value=(t.name);
                    label for={ "add-" (t.id) } { (w.add_member) }
                    select id={ "add-" (t.id) } name="user" {
                        @for u in &candidates {
                            option value=(u.name) { (u.name) }
                        }
                    }
                    button.secondary type="submit" { (w.add_button) }
                }
                }
            }
            h3 { (w.create_team) }
            form method="post" action="/admin/teams" {
                (v.csrf_field())
                label for="team-name" { (w.f_team_name) }
                input type="text" #team-name name="name" required autocomplete="off";
                button type="submit" { (w.create_team) }
            }
        }
        @if is_admin { (backups_section(v, &state.inner.backups)) }
        section aria-labelledby="audit-title" {
            h2 #audit-title { (w.audit_title) }
            p { a.button href="/admin/checkpoint" download { (w.checkpoint) } }
            p.note { (w.checkpoint_note) }
            form method="post" action="/admin/verify" {
                (v.csrf_field())
                label for="kept" { (w.f_kept_checkpoint) }
                textarea #kept name="checkpoint" rows="4" {}
                button type="submit" { (w.verify_log) }
            }
        }
    };
    v.page(status, w.admin_title, "/admin", body)
}

/// The backups: where they go, the last outcome (a failure in red), the button.
fn backups_section(v: &Volunteer, backups: &Backups) -> maud::Markup {
    let w = v.ctx.w();
    let lang = v.ctx.lang;
    let target = backups.target();
    html! {
        section aria-labelledby="backups-title" {
            h2 #backups-title { (w.backups_title) }
            @match target {
                Some(t) => p { (w.backup_target) " " code { (t) } },
                None => p.note { (w.backup_no_target) },
            }
            @if backups.running() { p.note role="status" { (w.backup_running) } }
            @match backups.last() {
                None => p.note { (w.backup_never) },
                Some(LastBackup { at, report: Some(r), .. }) => p.done role="status" {
                    (w.backup_ok) " " (when(lang, at)) " · " (w.backup_snapshot) " " code { (r.snapshot) }
                    " · " (w.backup_copied) " " (lang.t().size(r.bytes_copied))
                },
                Some(last) => div.error role="alert" {
                    p { strong { (w.backup_failed) } }
                    p { (when(lang, last.at)) " · "
                        (if lang.code() == "fr" { last.error_fr } else { last.error }.unwrap_or_default()) }
                },
            }
            @if target.is_some() {
                p.note { (w.backup_note) }
                form method="post" action="/admin/backups" {
                    (v.csrf_field())
                    button type="submit" { (w.backup_now) }
                }
            }
        }
    }
}

/// `POST /admin/backups`: a backup now, while the vault serves; back to the page, which
/// shows the outcome, or the error (a failed backup answers 503).
pub async fn backup(State(state): State<AppState>, v: Volunteer, fields: Fields) -> Response {
    if let Err(r) = v.check(&fields) {
        return r;
    }
    let vault = match state.vault() {
        Ok(vault) => vault,
        Err(e) => return v.error(e, "/admin"),
    };
    if let Err(e) = vault.may_back_up(Some(&v.session)) {
        return v.error(e.into(), "/admin");
    }
    let backups = state.inner.backups.clone();
    match backups.run(vault, Some(v.session.clone())).await {
        Ok(_) => see_other("/admin?done=1#backups-title"),
        Err(refused) => v.error(refused.into(), "/admin"),
    }
}

/// Runs `work` (argon2 inside) and comes back to the page, or shows the error.
async fn then_back(v: Volunteer, result: Result<(), ApiError>) -> Response {
    match result {
        Ok(()) => see_other("/admin?done=1"),
        Err(e) => v.error(e, "/admin"),
    }
}

/// `POST /admin/users`.
pub async fn create_user(State(state): State<AppState>, v: Volunteer, fields: Fields) -> Response {
    if let Err(r) = v.check(&fields).and_then(|()| only_managers(&v)) {
        return r;
    }
    let vault = match state.vault() {
        Ok(vault) => vault,
        Err(e) => return v.error(e, "/admin"),
    };
    let role = match fields.get("role") {
        Some("admin") => Role::Admin,
        Some("coordinator") => Role::Coordinator,
        _ => Role::Volunteer,
    };
    let name = fields.text("name").unwrap_or_default();
    let password = fields
        .secret("password")
        .unwrap_or_else(|| "".to_owned().into());
    let session = v.session.clone();
    let result = with_kdf_slot(&state, move || {
        vault
            .create_user(&session, &name, role, &password)
            .map(|_| ())
    })
    .await;
    then_back(v, result).await
}

/// `POST /admin/users/state`: disables an account (its sessions end now) or enables it.
pub async fn set_state(State(state): State<AppState>, v: Volunteer, fields: Fields) -> Response {
    if let Err(r) = v.check(&fields).and_then(|()| only_managers(&v)) {
        return r;
    }
    let vault = match state.vault() {
        Ok(vault) => vault,
        Err(e) => return v.error(e, "/admin"),
    };
    let name = fields.text("name").unwrap_or_default();
    let disabled = fields.get("disabled") == Some("1");
    if disabled {
        let l = v.ctx.lang.locale();
        let question = l.say_with("web-confirm-disable", &[("name", name.clone().into())]);
        if let Some(ask) = v.unconfirmed("/admin/users/state", &fields, &question, "/admin") {
            return ask;
        }
    }
    let session = v.session.clone();
    let result = run(move || vault.set_user_disabled(&session, &name, disabled)).await;
    match result {
        Ok(user) => {
            if user.disabled {
                state.inner.sessions.end_user(&user.id);
            }
            see_other("/admin?done=1")
        }
        Err(e) => v.error(e, "/admin"),
    }
}

/// `POST /admin/recover`: a new password set with the recovery key.
pub async fn recover(State(state): State<AppState>, v: Volunteer, fields: Fields) -> Response {
    if let Err(r) = v.check(&fields).and_then(|()| only_managers(&v)) {
        return r;
    }
    let vault = match state.vault() {
        Ok(vault) => vault,
        Err(e) => return v.error(e, "/admin"),
    };
    let name = fields.text("name").unwrap_or_default();
    let key = fields
        .secret("recovery_key")
        .unwrap_or_else(|| "".to_owned().into());
    let password = fields
        .secret("password")
        .unwrap_or_else(|| "".to_owned().into());
    let session = v.session.clone();
    let result = with_kdf_slot(&state, move || {
        let key = vault_core::recovery_key_from_text(key.expose_secret())?;
        vault.recover_user(&session, &key, &name, &password)
    })
    .await;
    // Whoever was signed in with the old password is signed out.
    let result = result.map(|user| {
        state.inner.sessions.end_user(&user);
    });
    then_back(v, result).await
}

/// `POST /admin/teams`.
pub async fn create_team(State(state): State<AppState>, v: Volunteer, fields: Fields) -> Response {
    if let Err(r) = v.check(&fields).and_then(|()| only_managers(&v)) {
        return r;
    }
    let vault = match state.vault() {
        Ok(vault) => vault,
        Err(e) => return v.error(e, "/admin"),
    };
    let name = fields.text("name").unwrap_or_default();
    let session = v.session.clone();
    let result = run(move || vault.create_team(&session, &name).map(|_| ())).await;
    then_back(v, result).await
}

/// `POST /admin/members`.
pub async fn add_member(State(state): State<AppState>, v: Volunteer, fields: Fields) -> Response {
    membership(state, v, fields, true).await
}

/// `POST /admin/members/remove`: the team's keys are rotated.
pub async fn remove_member(
    State(state): State<AppState>,
    v: Volunteer,
    fields: Fields,
) -> Response {
    membership(state, v, fields, false).await
}

async fn membership(state: AppState, v: Volunteer, fields: Fields, add: bool) -> Response {
    if let Err(r) = v.check(&fields).and_then(|()| only_managers(&v)) {
        return r;
    }
    let vault = match state.vault() {
        Ok(vault) => vault,
        Err(e) => return v.error(e, "/admin"),
    };
    let team = fields.text("team").unwrap_or_default();
    let user = fields.text("user").unwrap_or_default();
    if !add {
        let l = v.ctx.lang.locale();
        let question = l.say_with(
            "web-confirm-remove-member",
            &[("user", user.clone().into()), ("team", team.clone().into())],
        );
        if let Some(ask) = v.unconfirmed("/admin/members/remove", &fields, &question, "/admin") {
            return ask;
        }
    }
    let session = v.session.clone();
    let result = run(move || {
        if add {
            vault.add_member(&session, &team, &user).map(|_| ())
        } else {
            vault.remove_member(&session, &team, &user).map(|_| ())
        }
    })
    .await;
    then_back(v, result).await
}

/// `GET /admin/checkpoint`: a signed checkpoint as a text file, for the auditor.
pub async fn checkpoint(State(state): State<AppState>, v: Volunteer) -> Response {
    let vault = match state.vault() {
        Ok(vault) => vault,
        Err(e) => return v.error(e, "/admin"),
    };
    let session = v.session.clone();
    match run(move || vault.checkpoint(&session)).await {
        Ok(c) => (
            [
                (header::CONTENT_TYPE, "text/plain; charset=utf-8"),
                (
                    header::CONTENT_DISPOSITION,
                    "attachment; filename=\"checkpoint.txt\"",
                ),
            ],
            c.to_string(),
        )
            .into_response(),
        Err(e) => v.error(e, "/admin"),
    }
}

/// `POST /admin/verify`: the whole log, and that it extends a kept checkpoint if given;
/// then the storage check.
pub async fn verify(State(state): State<AppState>, v: Volunteer, fields: Fields) -> Response {
    if let Err(r) = v.check(&fields).and_then(|()| only_managers(&v)) {
        return r;
    }
    let w = v.ctx.w();
    let vault = match state.vault() {
        Ok(vault) => vault,
        Err(e) => return v.error(e, "/admin"),
    };
    let kept = match fields
        .text("checkpoint")
        .map(|t| Checkpoint::parse(&t))
        .transpose()
    {
        Ok(k) => k,
        Err(e) => return v.error(ApiError::from(e), "/admin"),
    };
    let session = v.session.clone();
    let loaded = run(move || {
        let log = vault.verify_log(kept.as_ref())?;
        let storage = vault.fsck()?;
        Ok((
            log,
            storage,
            vault.list_users(&session)?,
            vault.list_teams(&session)?,
        ))
    })
    .await;
    let (log, storage, users, teams) = match loaded {
        Ok(x) => x,
        Err(e) => return v.error(e, "/admin"),
    };
    let result = html! {
        section.result aria-labelledby="result-title" {
            h2 #result-title { (w.verify_result) }
            @match &log.problem {
                None => p.done role="status" { (w.log_ok) " " (log.size) " · " (w.root) " " code { (log.root) } },
                Some(problem) => p.error role="alert" {
                    (w.log_bad) " " (vault_words::log::problem(v.ctx.lang.locale(), problem))
                },
            }
            @if storage.is_clean() {
                p.done { (w.storage_ok) " " (storage.blobs_checked) }
            } @else if storage.has_damage() {
                p.error role="alert" {
                    (w.storage_damaged) " "
                    (storage.missing_blobs.len() + storage.corrupt_blobs.len() + storage.missing_entries.len())
                }
            } @else {
                p.note { (w.storage_leftovers) " " (storage.orphan_blobs.len() + storage.leftovers.len()) }
            }
        }
    };
    admin_page(
        &state,
        &v,
        &users,
        &teams,
        StatusCode::OK,
        false,
        Some(result),
    )
}
