//! `vault-server`: the HTTP face of the vault. For now it opens the vault, holds its lock
//! and answers health checks; the API, sessions and link pages come with their issues.

#![forbid(unsafe_code)]
#![deny(missing_docs)]

use axum::extract::State;
use axum::http::StatusCode;
use axum::routing::get;
use axum::{Json, Router};
use vault_core::Vault;

/// Shared state of the handlers: a cheap clone of the vault handle.
#[derive(Clone)]
pub struct AppState {
    /// The open vault.
    pub vault: Vault,
}

/// The router, separate from the listener so tests can call it directly.
pub fn app(state: AppState) -> Router {
    Router::new()
        .route("/healthz", get(healthz))
        .with_state(state)
}

/// 200 once the vault is open: supervisors and tests poll it.
async fn healthz(State(state): State<AppState>) -> (StatusCode, Json<serde_json::Value>) {
    let _ = state.vault.path();
    (StatusCode::OK, Json(serde_json::json!({ "status": "ok" })))
}

/// Serves `app` on `listener` until `shutdown` completes.
pub async fn serve(
    listener: tokio::net::TcpListener,
    state: AppState,
    shutdown: impl std::future::Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    axum::serve(listener, app(state))
        .with_graceful_shutdown(shutdown)
        .await
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::body::Body;
    use axum::http::Request;
    use tower::ServiceExt;

    #[tokio::test]
    async fn healthz_answers_ok() {
        let dir = tempfile::tempdir().unwrap();
        let settings = vault_core::Settings {
            kdf: vault_core::KdfParams::insecure_for_tests(),
            ..Default::default()
        };
        let password = secrecy::SecretString::from("admin-pass".to_string());
        let vault = Vault::create(&dir.path().join("v"), &settings, "admin", &password)
            .unwrap()
            .vault;
        let response = app(AppState {
            vault: vault.clone(),
        })
        .oneshot(Request::get("/healthz").body(Body::empty()).unwrap())
        .await
        .unwrap();
        assert_eq!(response.status(), StatusCode::OK);
        let response = app(AppState { vault })
            .oneshot(Request::get("/nope").body(Body::empty()).unwrap())
            .await
            .unwrap();
        assert_eq!(response.status(), StatusCode::NOT_FOUND);
    }
}
