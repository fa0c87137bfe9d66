//! `vault-server`: the HTTP face of the vault.
//!
//! - a JSON API under `/api/v1` (described by `/api/v1/openapi.json`), with sessions held
//!   in memory, sign-in throttling and a bounded argon2 pool;
//! - streaming uploads and downloads: a document never sits whole in memory;
//! - the volunteers' web interface (server-rendered pages, see [`web`]);
//! - a one-time setup page when the data directory holds no vault yet;
//! - `/healthz` for supervisors and tests.
//!
//! [`app`] builds the router (tests call it with `tower::ServiceExt::oneshot`); [`serve`]
//! runs it on a listener until a shutdown future completes.

#![forbid(unsafe_code)]
#![deny(missing_docs)]

mod api;
mod auth;
pub mod backups;
mod error;
mod html;
mod i18n;
mod kdf;
mod links;
mod middleware;
mod multipart;
mod serve;
mod sessions;
mod setup;
mod state;
mod stream;
mod throttle;
mod web;

use axum::extract::{DefaultBodyLimit, State};
use axum::http::StatusCode;
use axum::routing::get;
use axum::{Json, Router};

pub use error::{ApiError, ApiResult};
pub use serve::{serve, GRACE_PERIOD, HEADER_TIMEOUT};
pub use sessions::{ABSOLUTE as SESSION_ABSOLUTE, IDLE as SESSION_IDLE};
pub use state::{AppState, Config};
pub use throttle::{Policies as ThrottlePolicies, Policy, FAMILIAR_FOR};

/// The most a body read whole may hold: a form, a passphrase.
const SMALL_BODY: usize = 64 * 1024;

/// The router, separate from the listener so tests can call it directly.
pub fn app(state: AppState) -> Router {
    Router::new()
        .route("/healthz", get(healthz))
        .merge(setup::routes())
        .merge(links::routes(state.clone()))
        .merge(web::routes())
        .nest("/api/v1", api::routes())
        .fallback(fallback)
        // Bodies read whole (forms) are small; uploads stream with their own limit (their
        // routes lift this one), JSON bodies have theirs (api::routes).
        .layer(DefaultBodyLimit::max(SMALL_BODY))
        .layer(axum::middleware::from_fn(middleware::request_log))
        .layer(middleware::security_headers(state.secure()))
        .with_state(state)
}

/// 200 once the server is ready, with whether the vault is set up.
async fn healthz(State(state): State<AppState>) -> (StatusCode, Json<serde_json::Value>) {
    let status = if state.is_set_up() { "ok" } else { "setup" };
    (
        StatusCode::OK,
        Json(serde_json::json!({ "status": status })),
    )
}

async fn fallback() -> ApiError {
    ApiError::not_found()
}
