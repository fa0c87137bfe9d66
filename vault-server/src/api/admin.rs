//! Users and teams: admins and coordinators (vault-core checks the roles).

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::Json;
use secrecy::{ExposeSecret, SecretString};
use serde::Deserialize;
use vault_core::{Role, Team, User};

use super::session::with_kdf_slot;
use super::{blocking, ApiJson};
use crate::auth::Auth;
use crate::error::ApiResult;
use crate::state::AppState;

/// `GET /users`.
pub async fn list_users(State(state): State<AppState>, auth: Auth) -> ApiResult<Json<Vec<User>>> {
    let vault = state.vault()?;
    blocking(move || vault.list_users(&auth.session))
        .await
        .map(Json)
}

/// No Debug: it holds a password.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NewUser {
    name: String,
    role: Role,
    password: SecretString,
}

/// `POST /users`: the admin or coordinator sets a first password, to hand over in person.
pub async fn create_user(
    State(state): State<AppState>,
    auth: Auth,
    ApiJson(body): ApiJson<NewUser>,
) -> ApiResult<(StatusCode, Json<User>)> {
    let vault = state.vault()?;
    let user = with_kdf_slot(&state, move || {
        vault.create_user(&auth.session, &body.name, body.role, &body.password)
    })
    .await?;
    Ok((StatusCode::CREATED, Json(user)))
}

/// No Debug: it holds the recovery key and a password.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Recover {
    recovery_key: SecretString,
    new_password: SecretString,
}

/// `POST /users/{user}/recover`: an admin, with the recovery key, sets a new password.
pub async fn recover_user(
    State(state): State<AppState>,
    auth: Auth,
    Path(user): Path<String>,
    ApiJson(body): ApiJson<Recover>,
) -> ApiResult<StatusCode> {
    let vault = state.vault()?;
    let user = with_kdf_slot(&state, move || {
        let key = vault_core::recovery_key_from_text(body.recovery_key.expose_secret())?;
        vault.recover_user(&auth.session, &key, &user, &body.new_password)
    })
    .await?;
    // Whoever was signed in with the old password is signed out.
    state.inner.sessions.end_user(&user);
    Ok(StatusCode::NO_CONTENT)
}

/// `GET /teams`.
pub async fn list_teams(State(state): State<AppState>, auth: Auth) -> ApiResult<Json<Vec<Team>>> {
    let vault = state.vault()?;
    blocking(move || vault.list_teams(&auth.session))
        .await
        .map(Json)
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NewTeam {
    name: String,
}

/// `POST /teams`.
pub async fn create_team(
    State(state): State<AppState>,
    auth: Auth,
    ApiJson(body): ApiJson<NewTeam>,
) -> ApiResult<(StatusCode, Json<Team>)> {
    let vault = state.vault()?;
    let team = blocking(move || vault.create_team(&auth.session, &body.name)).await?;
    Ok((StatusCode::CREATED, Json(team)))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Member {
    user: String,
}

/// `POST /teams/{team}/members`: the team is named by name or id, the user by name.
pub async fn add_member(
    State(state): State<AppState>,
    auth: Auth,
    Path(team): Path<String>,
    ApiJson(body): ApiJson<Member>,
) -> ApiResult<Json<Team>> {
    let vault = state.vault()?;
    blocking(move || vault.add_member(&auth.session, &team, &body.user))
        .await
        .map(Json)
}

/// `DELETE /teams/{team}/members/{user}`: removes the member and rotates the team's keys.
pub async fn remove_member(
    State(state): State<AppState>,
    auth: Auth,
    Path((team, user)): Path<(String, String)>,
) -> ApiResult<Json<Team>> {
    let vault = state.vault()?;
    blocking(move || vault.remove_member(&auth.session, &team, &user))
        .await
        .map(Json)
}

/// `GET /admin/backups`: the target, whether one runs, the last outcome.
pub async fn backup_status(
    State(state): State<AppState>,
    auth: Auth,
) -> ApiResult<Json<serde_json::Value>> {
    state.vault()?.may_back_up(Some(&auth.session))?;
    let backups = &state.inner.backups;
    Ok(Json(serde_json::json!({
        "target": backups.target(),
        "running": backups.running(),
        "last": backups.last(),
    })))
}

/// `POST /admin/backups`: takes a backup now (while the vault serves) and answers with
/// what it did; 409 when none is configured or one is running, 503 when it failed.
pub async fn create_backup(
    State(state): State<AppState>,
    auth: Auth,
) -> ApiResult<(StatusCode, Json<vault_storage::backup::BackupReport>)> {
    let vault = state.vault()?;
    vault.may_back_up(Some(&auth.session))?;
    let backups = state.inner.backups.clone();
    let report = backups.run(vault, Some(auth.session.clone())).await?;
    Ok((StatusCode::CREATED, Json(report)))
}
