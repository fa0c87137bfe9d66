//! Sign-in, sign-out, who am I, and changing one's password.

use std::time::Instant;

use axum::extract::State;
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use secrecy::{ExposeSecret, SecretString};
use serde::Deserialize;

use super::ApiJson;
use crate::auth::{credential, Auth, Client, Credential, COOKIE};
use crate::error::{ApiError, ApiResult};
use crate::sessions::ABSOLUTE;
use crate::state::AppState;

/// No Debug: it holds a password.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SignIn {
    user: String,
    password: SecretString,
}

/// Runs `work` (argon2 inside) on the bounded argon2 pool.
pub(crate) async fn with_kdf_slot<T: Send + 'static>(
    state: &AppState,
    work: impl FnOnce() -> vault_core::Result<T> + Send + 'static,
) -> ApiResult<T> {
    state.inner.kdf.run(work).await
}

fn throttled(wait: std::time::Duration) -> ApiError {
    let seconds = wait.as_secs_f64().ceil() as u64;
    ApiError::said_with(
        StatusCode::TOO_MANY_REQUESTS,
        "throttled",
        "api-throttled",
        &[("seconds", seconds.into())],
    )
    .retry_after(seconds)
}

/// A signed-in user's new session and the cookie that carries it.
pub(crate) struct SignedIn {
    pub new: crate::sessions::NewSession,
    pub cookie: HeaderValue,
    pub user: vault_core::User,
}

/// Checks a name and password (throttled, on the argon2 pool) and opens a session.
pub(crate) async fn authenticate(
    state: &AppState,
    user: String,
    password: SecretString,
    client: Option<std::net::IpAddr>,
) -> ApiResult<SignedIn> {
    let vault = state.vault()?;
    let begun = Instant::now();
    let throttle = &state.inner.throttle;
    let attempt = throttle
        .begin(&user, client, Instant::now())
        .map_err(throttled)?;
    let result = with_kdf_slot(state, move || vault.login_from(&user, &password, client)).await;
    let session = match result {
        Ok(s) => s,
        Err(e) => {
            if e.code == "bad_credentials" {
                attempt.failed(Instant::now());
            }
            return Err(e);
        }
    };
    attempt.succeeded(Instant::now());
    let who = session.user().clone();
    // Refused like a wrong password if the account's sessions were ended meanwhile
    // (disabled, or its password reset): the password checked may be the old one.
    let new = state
        .inner
        .sessions
        .insert_signed_in(session, begun, Instant::now())
        .map_err(|e| ApiError::internal(&e))?
        .ok_or_else(|| ApiError::from(vault_core::Error::BadCredentials))?;
    let mut cookie = format!(
        "{COOKIE}={}; Path=/; HttpOnly; SameSite=Strict; Max-Age={}",
        new.token.expose_secret(),
        ABSOLUTE.as_secs()
    );
    if state.secure() {
        cookie.push_str("; Secure");
    }
    let cookie = HeaderValue::from_str(&cookie).map_err(|e| ApiError::internal(&e))?;
    Ok(SignedIn {
        new,
        cookie,
        user: who,
    })
}

/// `POST /session`: answers the token and CSRF token, and sets the cookie.
pub async fn sign_in(
    State(state): State<AppState>,
    Client(client): Client,
    ApiJson(body): ApiJson<SignIn>,
) -> ApiResult<Response> {
    let SignedIn { new, cookie, user } =
        authenticate(&state, body.user, body.password, client).await?;
    let body = serde_json::json!({
        "token": new.token.expose_secret(),
        "csrf_token": new.csrf.expose_secret(),
        "user": user,
        "idle_timeout_seconds": crate::sessions::IDLE.as_secs(),
    });
    Ok(([(header::SET_COOKIE, cookie)], Json(body)).into_response())
}

/// The `Set-Cookie` value that deletes the session cookie.
pub(crate) fn expired_cookie() -> HeaderValue {
    HeaderValue::from_static("vault_session=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0")
}

/// `DELETE /session`: forgets the session; its identity is zeroized once unused.
pub async fn sign_out(State(state): State<AppState>, _auth: Auth, headers: HeaderMap) -> Response {
    if let Some(Credential::Bearer(t) | Credential::Cookie(t)) = credential(&headers) {
        state.inner.sessions.remove(t);
    }
    let mut response = StatusCode::NO_CONTENT.into_response();
    response
        .headers_mut()
        .insert(header::SET_COOKIE, expired_cookie());
    response
}

/// `GET /session`: who is signed in.
pub async fn whoami(auth: Auth) -> Json<serde_json::Value> {
    Json(serde_json::json!({ "user": auth.session.user() }))
}

/// No Debug: it holds passwords.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ChangePassword {
    old_password: SecretString,
    new_password: SecretString,
}

/// `PUT /session/password`.
pub async fn change_password(
    State(state): State<AppState>,
    Client(client): Client,
    auth: Auth,
    ApiJson(body): ApiJson<ChangePassword>,
) -> ApiResult<StatusCode> {
    change_own_password(
        &state,
        client,
        auth.session,
        body.old_password,
        body.new_password,
    )
    .await?;
    Ok(StatusCode::NO_CONTENT)
}

/// A user changes their own password (the API's route and the volunteers' account page):
/// the old one is checked and throttled as a sign-in is, in a slot of the KDF's pool.
pub async fn change_own_password(
    state: &AppState,
    client: Option<std::net::IpAddr>,
    session: std::sync::Arc<vault_core::Session>,
    old: SecretString,
    new: SecretString,
) -> ApiResult<()> {
    let vault = state.vault()?;
    let name = session.user().name.clone();
    let throttle = &state.inner.throttle;
    let attempt = throttle
        .begin(&name, client, Instant::now())
        .map_err(throttled)?;
    let result = with_kdf_slot(state, move || vault.change_password(&session, &old, &new)).await;
    match result {
        Ok(()) => {
            attempt.succeeded(Instant::now());
            Ok(())
        }
        // Not 401: the session is fine, the old password is not.
        Err(e) if e.code == "bad_credentials" => {
            attempt.failed(Instant::now());
            Err(ApiError::said(
                StatusCode::FORBIDDEN,
                "wrong_password",
                "api-wrong-old-password",
            ))
        }
        Err(e) => Err(e),
    }
}
