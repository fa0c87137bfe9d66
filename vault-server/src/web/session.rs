//! Signing in and out. The sign-in form has no session yet, so its CSRF token is a
//! double-submit one: a random value in a `SameSite=Strict` cookie and in the form.

use axum::extract::{RawQuery, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use maud::html;
use secrecy::{ExposeSecret, SecretString};

use super::{render, see_other, Ctx, Fields, Volunteer};
use crate::api::session::{authenticate, change_own_password, expired_cookie};
use crate::auth::{cookie, Client, COOKIE};
use crate::sessions::random_token;
use crate::state::AppState;

const PRE_COOKIE: &str = "vault_pre";

/// The sign-in page, with a fresh double-submit token; `problem` is shown above the form.
fn login_page(state: &AppState, ctx: Ctx, status: StatusCode, problem: Option<String>) -> Response {
    let w = ctx.w();
    let Ok(token) = random_token() else {
        return StatusCode::INTERNAL_SERVER_ERROR.into_response();
    };
    let body = html! {
        @if let Some(problem) = &problem {
            p.error role="alert" #problem { (problem) }
        }
        form method="post" action="/login" {
            input type="hidden" name="csrf" value=(token.expose_secret());
            label for="user" { (w.login_user) }
            input type="text" #user name="user" autocomplete="username" required autofocus;
            label for="password" { (w.login_password) }
            input type="password" #password name="password" autocomplete="current-password" required;
            button type="submit" { (w.login_button) }
        }
        p.note { (w.login_note) }
    };
    let mut response = render(
        ctx,
        status,
        (w.login_title, w.login_title),
        "/login",
        None,
        body,
    );
    super::set_cookie(state, &mut response, PRE_COOKIE, &token, "/login", 3600);
    response
}

/// `GET /login`.
pub async fn form(State(state): State<AppState>, ctx: Ctx) -> Response {
    if !state.is_set_up() {
        return see_other("/");
    }
    login_page(&state, ctx, StatusCode::OK, None)
}

/// `POST /login`: on success, the session cookie and the list of cases.
pub async fn sign_in(
    State(state): State<AppState>,
    Client(client): Client,
    ctx: Ctx,
    headers: HeaderMap,
    fields: Fields,
) -> Response {
    let w = ctx.w();
    let sent = fields.get("csrf").unwrap_or("");
    let expected = cookie(&headers, PRE_COOKIE).unwrap_or("");
    if expected.is_empty()
        || !bool::from(subtle::ConstantTimeEq::ct_eq(
            expected.as_bytes(),
            sent.as_bytes(),
        ))
    {
        let text = w.csrf_text.to_owned();
        return login_page(&state, ctx, StatusCode::FORBIDDEN, Some(text));
    }
    let (Some(user), Some(password)) = (fields.text("user"), fields.secret("password")) else {
        let text = w.login_wrong.to_owned();
        return login_page(&state, ctx, StatusCode::BAD_REQUEST, Some(text));
    };
    match authenticate(&state, user, password, client).await {
        Ok(signed_in) => {
            let mut response = see_other("/cases");
            response
                .headers_mut()
                .append(header::SET_COOKIE, signed_in.cookie);
            response
        }
        Err(e) => {
            let text = match e.code {
                "bad_credentials" => w.login_wrong.to_owned(),
                "throttled" => format!("{} {}", w.login_throttled, e.retry_after.unwrap_or(1)),
                _ => e.message_in(ctx.lang.code()).to_owned(),
            };
            let mut response = login_page(&state, ctx, e.status, Some(text));
            if let Some(wait) = e.retry_after {
                response
                    .headers_mut()
                    .insert(header::RETRY_AFTER, HeaderValue::from(wait));
            }
            response
        }
    }
}

/// `POST /logout`: forgets the session (its key is zeroized once unused).
pub async fn sign_out(
    State(state): State<AppState>,
    v: Volunteer,
    headers: HeaderMap,
    fields: Fields,
) -> Response {
    if let Err(refused) = v.check(&fields) {
        return refused;
    }
    if let Some(token) = cookie(&headers, COOKIE) {
        state.inner.sessions.remove(token);
    }
    let mut response = see_other("/login");
    response
        .headers_mut()
        .append(header::SET_COOKIE, expired_cookie());
    crate::middleware::forget_pages(&mut response);
    response
}

/// The account page: the volunteer changes their own password. `problem` is shown above
/// the form (the passwords typed are never sent back).
fn account_page(
    v: &Volunteer,
    status: StatusCode,
    done: bool,
    problem: Option<String>,
) -> Response {
    let w = v.ctx.w();
    let min = vault_core::MIN_PASSWORD_CHARS.to_string();
    let body = html! {
        @if done { p.done role="status" { (w.password_changed) } }
        @if let Some(problem) = &problem {
            p.error role="alert" { (problem) }
        }
        form method="post" action="/account/password" {
            (v.csrf_field())
            label for="old-password" { (w.old_password) }
            input type="password" #old-password name="old_password" autocomplete="current-password" required;
            label for="new-password" { (w.new_password) }
            input type="password" #new-password name="new_password" autocomplete="new-password" required minlength=(min);
            label for="again-password" { (w.again_password) }
            input type="password" #again-password name="again_password" autocomplete="new-password" required minlength=(min);
            button type="submit" { (w.change_password) }
        }
    };
    v.page(status, w.account_title, "/account", body)
}

/// `GET /account[?done=1]`.
pub async fn account(v: Volunteer, RawQuery(query): RawQuery) -> Response {
    let done = query.is_some_and(|q| q.split('&').any(|p| p == "done=1"));
    account_page(&v, StatusCode::OK, done, None)
}

/// `POST /account/password`: the old password, and the new one twice.
pub async fn change_password(
    State(state): State<AppState>,
    Client(client): Client,
    v: Volunteer,
    fields: Fields,
) -> Response {
    if let Err(refused) = v.check(&fields) {
        return refused;
    }
    let secret = |name| SecretString::from(fields.get(name).unwrap_or("").to_owned());
    let (old, new, again) = (
        secret("old_password"),
        secret("new_password"),
        secret("again_password"),
    );
    if new.expose_secret() != again.expose_secret() {
        let problem = v.ctx.w().passwords_differ.to_owned();
        return account_page(&v, StatusCode::BAD_REQUEST, false, Some(problem));
    }
    let session = v.session.clone();
    match change_own_password(&state, client, session, old, new).await {
        Ok(()) => see_other("/account?done=1"),
        Err(e) => {
            let problem = e.message_in(v.ctx.lang.code()).to_owned();
            account_page(&v, e.status, false, Some(problem))
        }
    }
}
