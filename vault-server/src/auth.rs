//! Authentication is an extractor: a handler that takes [`Auth`] runs only for a live
//! session, and a cookie-authenticated change only with its CSRF token.

use std::net::{IpAddr, SocketAddr};
use std::sync::Arc;
use std::time::Instant;

use axum::extract::{ConnectInfo, FromRequestParts};
use axum::http::request::Parts;
use axum::http::{header, HeaderMap, StatusCode};
use vault_core::Session;

use crate::error::ApiError;
use crate::state::AppState;

/// Name of the session cookie.
pub const COOKIE: &str = "vault_session";
/// Header carrying the CSRF token.
pub const CSRF_HEADER: &str = "x-csrf-token";

/// A signed-in user.
pub struct Auth {
    /// The unlocked session.
    pub session: Arc<Session>,
}

/// The session token of a request, from `Authorization: Bearer` or the cookie.
pub enum Credential<'a> {
    /// A script's bearer token: no CSRF check (browsers never send it by themselves).
    Bearer(&'a str),
    /// The browser's cookie: changes need the CSRF header.
    Cookie(&'a str),
}

/// Finds the request's session token.
pub fn credential(headers: &HeaderMap) -> Option<Credential<'_>> {
    if let Some(value) = headers.get(header::AUTHORIZATION) {
        let value = value.to_str().ok()?;
        return value
            .strip_prefix("Bearer ")
            .map(|t| Credential::Bearer(t.trim()));
    }
    cookie(headers, COOKIE).map(Credential::Cookie)
}

/// The value of cookie `name`.
pub fn cookie<'a>(headers: &'a HeaderMap, name: &str) -> Option<&'a str> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v)
}

impl FromRequestParts<AppState> for Auth {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, ApiError> {
        state.vault()?;
        let credential = credential(&parts.headers).ok_or_else(ApiError::unauthenticated)?;
        let now = Instant::now();
        let sessions = &state.inner.sessions;
        match credential {
            Credential::Bearer(token) => sessions
                .get(token, now)
                .map(|a| Auth { session: a.session })
                .ok_or_else(ApiError::unauthenticated),
            Credential::Cookie(token) => {
                let auth = sessions
                    .get(token, now)
                    .ok_or_else(ApiError::unauthenticated)?;
                if !parts.method.is_safe() {
                    let sent = parts
                        .headers
                        .get(CSRF_HEADER)
                        .and_then(|v| v.to_str().ok())
                        .unwrap_or("");
                    if !auth.csrf_matches(sent) {
                        return Err(ApiError::said(StatusCode::FORBIDDEN, "csrf", "api-csrf"));
                    }
                }
                Ok(Auth {
                    session: auth.session,
                })
            }
        }
    }
}

/// The client's address, when known: from the connection, or from the last
/// `X-Forwarded-For` entry when the server is configured to trust its proxy.
pub struct Client(pub Option<IpAddr>);

impl FromRequestParts<AppState> for Client {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        if state.config().trust_proxy {
            let forwarded = parts
                .headers
                .get_all("x-forwarded-for")
                .iter()
                .filter_map(|v| v.to_str().ok())
                .flat_map(|v| v.split(','))
                .next_back()
                .and_then(|a| a.trim().parse().ok());
            if forwarded.is_some() {
                return Ok(Client(forwarded));
            }
        }
        Ok(Client(
            parts
                .extensions
                .get::<ConnectInfo<SocketAddr>>()
                .map(|ConnectInfo(a)| a.ip()),
        ))
    }
}
