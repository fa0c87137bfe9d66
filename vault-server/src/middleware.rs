//! Layers: a time limit on small request bodies, security headers on every response, and
//! a request log that names the route template (`/api/v1/documents/{doc}/content`),
//! never the path, query, client address or any header: paths carry ids and tokens,
//! queries carry file names.

use std::time::Instant;

use axum::body::Body;
use axum::extract::{MatchedPath, Request};
use axum::http::{header, HeaderName, HeaderValue};
use axum::middleware::Next;
use axum::response::Response;
use tower::layer::util::{Identity, Stack};
use tower::ServiceBuilder;
use tower_http::set_header::SetResponseHeaderLayer;
use tower_http::timeout::TimeoutBody;

use crate::stream::BODY_IDLE;

/// The Content-Security-Policy of every response: nothing from elsewhere, no inline
/// script, no framing. Pages take their style from `/assets/vault.css` and their only
/// script (copy buttons, upload progress) from `/assets/vault.js`.
pub const CSP: &str = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

/// One response-header layer; HSTS is `None` (not sent) over plain http.
type Set<V> = SetResponseHeaderLayer<V>;
type S<Inner> = Stack<Set<HeaderValue>, Inner>;
type Headers = Stack<Set<Option<HeaderValue>>, S<S<S<S<S<S<Identity>>>>>>>;

/// Tells the browser to drop what it kept of this site's pages (its HTTP cache and its
/// back/forward cache), for the answer that ends a session or a space's visit: Back then
/// brings no page with a name out of a cache. Cookies and the language choice stay.
pub fn forget_pages(response: &mut axum::response::Response) {
    response.headers_mut().insert(
        HeaderName::from_static("clear-site-data"),
        HeaderValue::from_static("\"cache\""),
    );
}

/// The security headers; `Strict-Transport-Security` too when served over https.
pub fn security_headers(https: bool) -> Headers {
    let set = |name: HeaderName, value: &'static str| {
        SetResponseHeaderLayer::if_not_present(name, HeaderValue::from_static(value))
    };
    let hsts = https.then(|| HeaderValue::from_static("max-age=31536000"));
    ServiceBuilder::new()
        .layer(set(header::CONTENT_SECURITY_POLICY, CSP))
        .layer(set(header::X_CONTENT_TYPE_OPTIONS, "nosniff"))
        .layer(set(header::REFERRER_POLICY, "no-referrer"))
        .layer(set(header::X_FRAME_OPTIONS, "DENY"))
        // Answers hold personal data: no cache keeps them.
        .layer(set(header::CACHE_CONTROL, "no-store"))
        // Link pages above all: no search engine lists them.
        .layer(set(
            HeaderName::from_static("x-robots-tag"),
            "noindex, nofollow",
        ))
        .layer(SetResponseHeaderLayer::if_not_present(
            header::STRICT_TRANSPORT_SECURITY,
            hsts,
        ))
        .into_inner()
}

/// The request body fails when the client sends nothing for [`BODY_IDLE`]: for the routes
/// that read small bodies whole (JSON, forms). Not on uploads, where a timer per network
/// chunk costs a third of the throughput: they have their own limits (`stream.rs`,
/// `multipart.rs`), and the web interface's forms theirs (`web/form.rs`).
pub async fn body_idle(request: Request, next: Next) -> Response {
    let request = request.map(|body| Body::new(TimeoutBody::new(BODY_IDLE, body)));
    next.run(request).await
}

/// Logs each request's method, route template, status and duration.
pub async fn request_log(request: Request, next: Next) -> Response {
    let start = Instant::now();
    let method = request.method().clone();
    let route = request
        .extensions()
        .get::<MatchedPath>()
        .map_or("(no route)", |m| m.as_str())
        .to_owned();
    let response = next.run(request).await;
    tracing::info!(
        method = %method,
        route = %route,
        status = response.status().as_u16(),
        ms = start.elapsed().as_millis() as u64,
        "request"
    );
    response
}
