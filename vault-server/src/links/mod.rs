//! The pages of people without an account: `/s/{token}` (a lawyer downloads what was
//! shared) and `/u/{token}` (a beneficiary uploads photos of their papers).
//!
//! They work without JavaScript and on a phone, in French or English. Every dead,
//! unknown or malformed link gets the same 404 page. The token is in the path: the request
//! log names only the route template, and pages send `Referrer-Policy: no-referrer`, so it
//! leaves no trace in logs or in other sites' referrers. Requests are rate-limited per
//! client.

mod share;
mod space;
mod upload;

pub(crate) use upload::safe_name;

use axum::extract::{DefaultBodyLimit, Query, Request, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::Router;
use serde::Deserialize;

use crate::auth::Client;
use crate::html::{escape, page_in};
use crate::i18n::Lang;
use crate::state::AppState;

pub fn routes(state: AppState) -> Router<AppState> {
    // Forms read whole, with a time limit.
    let forms = Router::new()
        .route("/s/{token}", get(share::page).post(share::unlock))
        .route(
            "/s/{token}/{doc}",
            get(share::to_page).post(share::download),
        )
        .route("/b/{token}", get(space::page).post(space::unlock))
        .route("/b/{token}/d/{doc}", get(space::download))
        .route("/b/{token}/share", get(space::to_space).post(space::share))
        .route("/b/{token}/leave", post(space::leave))
        .layer(axum::middleware::from_fn(crate::middleware::body_idle));
    forms
        // Uploads stream, with the link's limits and their own time limits.
        .route(
            "/u/{token}",
            get(upload::page)
                .post(upload::receive)
                .layer(DefaultBodyLimit::disable()),
        )
        .route_layer(axum::middleware::from_fn_with_state(state, rate_limit))
}

/// `?lang=fr|en`.
#[derive(Deserialize, Default)]
pub struct LangQuery {
    lang: Option<String>,
}

impl LangQuery {
    fn pick(&self, headers: &HeaderMap) -> Lang {
        Lang::pick(self.lang.as_deref(), headers)
    }
}

/// A link page in `lang`, with the switch to the other language (same address).
fn link_page(status: StatusCode, lang: Lang, title: &str, body: &str) -> Response {
    let other = lang.other();
    let body = format!(
        "<p class=\"lang\"><a href=\"?lang={}\" lang=\"{}\">{}</a></p>\n<h1>{}</h1>\n{body}",
        other.code(),
        other.code(),
        lang.t().switch_to,
        escape(title)
    );
    let mut response = page_in(status, lang.code(), title, &body);
    response
        .headers_mut()
        .insert(header::VARY, HeaderValue::from_static("Accept-Language"));
    response
}

/// The one page of every dead, unknown or malformed link.
fn dead(lang: Lang) -> Response {
    let t = lang.t();
    link_page(
        StatusCode::NOT_FOUND,
        lang,
        t.dead_title,
        &format!("<p>{}</p>", escape(t.dead_text)),
    )
}

async fn rate_limit(
    State(state): State<AppState>,
    Client(client): Client,
    Query(q): Query<LangQuery>,
    request: Request,
    next: Next,
) -> Response {
    match state.inner.link_rate.check(client, vault_core::unix_now()) {
        Ok(()) => next.run(request).await,
        Err(wait) => {
            let lang = q.pick(request.headers());
            let t = lang.t();
            let mut response =
                link_page(StatusCode::TOO_MANY_REQUESTS, lang, t.too_many_requests, "");
            response
                .headers_mut()
                .insert(header::RETRY_AFTER, HeaderValue::from(wait));
            response
        }
    }
}

/// Runs vault-core work on a blocking thread, keeping its own error.
async fn run<T: Send + 'static>(
    work: impl FnOnce() -> vault_core::Result<T> + Send + 'static,
) -> vault_core::Result<T> {
    tokio::task::spawn_blocking(work)
        .await
        .unwrap_or_else(|e| Err(vault_core::Error::Io(std::io::Error::other(e.to_string()))))
}

/// An answer for an error that is not the link's death: 503 when the log cannot be
/// written, 500 otherwise (detail logged).
fn trouble(lang: Lang, e: &vault_core::Error) -> Response {
    tracing::error!(error = %e, "link request failed");
    let (status, text) = match e {
        vault_core::Error::LogUnavailable => (StatusCode::SERVICE_UNAVAILABLE, e.message_fr()),
        _ => (
            StatusCode::INTERNAL_SERVER_ERROR,
            "erreur interne / internal error".to_owned(),
        ),
    };
    link_page(status, lang, &text, "").into_response()
}

/// The answer when argon2 work (a passphrase) cannot be queued: the API's status and
/// Retry-After, on a page in the visitor's language.
fn busy(lang: Lang, e: crate::error::ApiError) -> Response {
    let mut response = link_page(e.status, lang, lang.t().busy, "");
    if let Some(wait) = e.retry_after {
        response
            .headers_mut()
            .insert(header::RETRY_AFTER, HeaderValue::from(wait));
    }
    response
}
