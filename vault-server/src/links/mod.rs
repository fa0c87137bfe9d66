//! The pages of people without an account: `/s/{token}` (a lawyer downloads what was
//! shared) and `/u/{token}` (a beneficiary uploads photos of their papers).
//!
//! They work without JavaScript and on a phone, in fifteen languages (`i18n::locale`),
//! with a picker on every page and the choice kept in a cookie. Every dead,
//! unknown or malformed link gets the same 404 page. The token is in the path: the request
//! log names only the route template, and pages send `Referrer-Policy: no-referrer`, so it
//! leaves no trace in logs or in other sites' referrers. Requests are rate-limited per
//! client.

mod share;
mod space;
pub(crate) mod upload;

pub(crate) use upload::safe_name;

use axum::extract::{DefaultBodyLimit, Query, Request, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::Router;
use serde::Deserialize;

use maud::{html, Markup, DOCTYPE};

use crate::auth::Client;
use crate::i18n::locale::{Locale, COOKIE};
use crate::state::AppState;

pub fn routes(state: AppState) -> Router<AppState> {
    // Forms read whole, with a time limit.
    let forms = Router::new()
        .route("/s/{token}", get(share::page).post(share::unlock))
        .route("/s/{token}/all", post(share::download_all))
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
        // Not rate limited: it reads a memory entry by its cookie, and says nothing of the
        // link (without a receipt, it leads to the form whatever the token).
        .route("/u/{token}/receipt", get(upload::shown_receipt))
        .layer(axum::middleware::from_fn(remember_language))
}

/// A language picked with `?lang=` is kept in a cookie for the link pages: the next
/// page (a link opened again, the receipt after a form) is in the same language.
async fn remember_language(Query(q): Query<LangQuery>, request: Request, next: Next) -> Response {
    let picked = q.lang.as_deref().and_then(Locale::parse);
    let mut response = next.run(request).await;
    if let Some(l) = picked {
        let value = format!(
            "{COOKIE}={}; Path=/; Max-Age=31536000; SameSite=Lax",
            l.tag()
        );
        if let Ok(v) = HeaderValue::from_str(&value) {
            response.headers_mut().append(header::SET_COOKIE, v);
        }
    }
    response
}

/// `?lang=` (a tag of `Locale::ALL`).
#[derive(Deserialize, Default)]
pub struct LangQuery {
    lang: Option<String>,
    /// The page of a personal space's access report.
    page: Option<String>,
}

impl LangQuery {
    fn page(&self) -> usize {
        self.page
            .as_deref()
            .and_then(|p| p.parse().ok())
            .unwrap_or(1)
    }

    fn pick(&self, headers: &HeaderMap) -> Locale {
        crate::i18n::pick(self.lang.as_deref(), headers)
    }
}

/// Whether a page offers the language picker: not on a page that answers a form (a
/// receipt), which a link to the same address would lose.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Picker {
    Shown,
    Hidden,
}

/// A link page in `l`: `<html lang dir>`, the picker (each language named in its own
/// script), the title, `body`.
fn link_page(status: StatusCode, l: Locale, title: &str, body: Markup) -> Response {
    page(status, l, title, body, Picker::Shown)
}

fn page(status: StatusCode, l: Locale, title: &str, body: Markup, picker: Picker) -> Response {
    let markup = html! {
        (DOCTYPE)
        html lang=(l.tag()) dir=(l.dir()) {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                meta name="robots" content="noindex";
                title { (title) }
                link rel="stylesheet" href="/assets/vault.css";
                // Size checks and progress on the upload page; every page works without it.
                script src="/assets/vault.js" defer {}
            }
            body {
                main {
                    @if picker == Picker::Shown { (languages(l)) }
                    h1 { (title) }
                    (body)
                }
            }
        }
    };
    let mut response = (status, axum::response::Html(markup.into_string())).into_response();
    response.headers_mut().insert(
        header::VARY,
        HeaderValue::from_static("Accept-Language, Cookie"),
    );
    response
}

/// The picker: a disclosure (no script) with a globe, this language's name, and every
/// language in its own name, script and direction.
fn languages(l: Locale) -> Markup {
    html! {
        nav.langs aria-label=(l.say("language-picker")) {
            details {
                summary { (icon(Icon::Globe)) " " (l.say("language-picker")) ": " (l.say("language-name")) }
                ul {
                    @for other in Locale::ALL {
                        li {
                            a href={ "?lang=" (other.tag()) } lang=(other.tag()) hreflang=(other.tag()) dir=(other.dir())
                                aria-current=[(other == l).then_some("true")] {
                                (other.say("language-name"))
                            }
                        }
                    }
                }
            }
        }
    }
}

/// A pictogram for people who read little, beside the words (never instead of them):
/// inline SVG, drawn in the text's colour, hidden from screen readers. Emoji would need
/// a colour font that many phones and servers lack.
#[derive(Clone, Copy)]
enum Icon {
    Camera,
    File,
    Send,
    Done,
    Refused,
    Globe,
    Key,
}

fn icon(which: Icon) -> Markup {
    let path = match which {
        Icon::Camera => "M4 8h3l2-3h6l2 3h3v11H4z M12 17a4 4 0 1 0 0-8 4 4 0 0 0 0 8z",
        Icon::File => "M6 3h8l4 4v14H6z M14 3v4h4 M9 12h6 M9 16h6",
        Icon::Send => "M12 16V4 M7 9l5-5 5 5 M5 20h14",
        Icon::Done => "M12 21a9 9 0 1 0 0-18 9 9 0 0 0 0 18z M8 12l3 3 5-6",
        Icon::Refused => "M12 21a9 9 0 1 0 0-18 9 9 0 0 0 0 18z M8 12h8",
        Icon::Globe => "M12 21a9 9 0 1 0 0-18 9 9 0 0 0 0 18z M3 12h18 M12 3c3 3 3 15 0 18 M12 3c-3 3-3 15 0 18",
        Icon::Key => "M8 15a4 4 0 1 0 0-8 4 4 0 0 0 0 8z M12 11h9 M18 11v3 M21 11v3",
    };
    html! {
        svg.icon aria-hidden="true" focusable="false" viewBox="0 0 24 24" width="24" height="24"
            fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round" {
            path d=(path) {}
        }
    }
}

/// A document as a person sees it in a list: the file's name, its kind and size.
fn document_line(l: Locale, meta: &vault_core::DocumentMeta) -> Markup {
    html! {
        p {
            (icon(Icon::File)) " "
            strong { bdi { (meta.filename) } }
            br;
            (l.say_with("space-document", &[
                ("kind", l.kind(meta.kind).into()),
                ("size", l.size(meta.size).into()),
            ]))
        }
    }
}

/// The one page of every dead, unknown or malformed link.
fn dead(l: Locale) -> Response {
    link_page(
        StatusCode::NOT_FOUND,
        l,
        &l.say("dead-title"),
        html! { p { (l.say("dead-text")) } },
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
            let l = q.pick(request.headers());
            let mut response = link_page(
                StatusCode::TOO_MANY_REQUESTS,
                l,
                &l.say("too-many-requests"),
                html! {},
            );
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
fn trouble(l: Locale, e: &vault_core::Error) -> Response {
    tracing::error!(error = %e, "link request failed");
    let (status, text) = match e {
        vault_core::Error::LogUnavailable => {
            (StatusCode::SERVICE_UNAVAILABLE, l.say("log-unavailable"))
        }
        _ => (StatusCode::INTERNAL_SERVER_ERROR, l.say("internal-error")),
    };
    link_page(status, l, &text, html! {})
}

/// The answer when argon2 work (a passphrase) cannot be queued: the API's status and
/// Retry-After, on a page in the visitor's language.
fn busy(l: Locale, e: crate::error::ApiError) -> Response {
    let mut response = link_page(e.status, l, &l.say("busy"), html! {});
    if let Some(wait) = e.retry_after {
        response
            .headers_mut()
            .insert(header::RETRY_AFTER, HeaderValue::from(wait));
    }
    response
}
