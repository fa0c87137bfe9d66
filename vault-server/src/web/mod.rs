//! The volunteers' web interface: server-rendered pages (maud templates, escaped by
//! construction), French first with English, usable without JavaScript.
//!
//! Authentication is the session cookie of the API (`HttpOnly; SameSite=Strict`); every
//! form carries the session's CSRF token in a hidden field, checked before anything else.
//! Names never travel in a URL: searching is a POST, and pages address cases and documents
//! by their random ids only, so neither the request log nor a proxy's log holds a name.

// Handlers answer refusals as whole pages: `Result<_, Response>` is the point, and a
// response is built once per request.
#![allow(clippy::result_large_err)]

mod admin;
mod cases;
mod documents;
pub(crate) mod form;
mod links;
pub(crate) mod report;
mod retention;
mod session;

use std::sync::Arc;
use std::time::Instant;

use axum::extract::{DefaultBodyLimit, FromRequestParts, State};
use axum::http::request::Parts;
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::Router;
use maud::{html, Markup, DOCTYPE};
use secrecy::{ExposeSecret, SecretString};
use vault_core::{Role, Session};

use crate::auth::{cookie, COOKIE};
use crate::error::ApiError;
use crate::i18n::{Lang, Web};
use crate::state::AppState;

pub use form::Fields;

/// Name of the cookie that remembers the language chosen with the switch.
const LANG_COOKIE: &str = "vault_lang";

/// Name of the cookie that names a page shown once ([`show_once`]).
const SHOWN_COOKIE: &str = "vault_shown";

/// A page with a secret (a new link, a space's code) waiting for its one display, for the
/// user who made it. Its markup is a secret: zeroized when dropped.
pub struct Shown {
    user: vault_core::UserId,
    title: String,
    body: SecretString,
}

/// Answers a POST that made a secret with a redirect to `GET /shown` (Post/Redirect/Get):
/// a reload then repeats no action, and the page is kept server-side for one display,
/// named by a random id in a cookie, never in the address.
pub fn show_once(state: &AppState, v: &Volunteer, title: &str, body: Markup) -> Response {
    let shown = Shown {
        user: v.session.user().id.clone(),
        title: title.to_owned(),
        body: SecretString::from(body.into_string()),
    };
    let token = match state.inner.shown.insert(shown, Instant::now()) {
        Ok(new) => new.token,
        Err(e) => return v.error(ApiError::internal(&e), "/cases"),
    };
    let mut response = see_other("/shown");
    set_cookie(state, &mut response, SHOWN_COOKIE, &token, "/shown", 1800);
    response
}

/// Sets an `HttpOnly; SameSite=Strict` cookie holding a secret token on `path`, `Secure`
/// when the vault is served over https.
pub(crate) fn set_cookie(
    state: &AppState,
    response: &mut Response,
    name: &str,
    token: &SecretString,
    path: &str,
    max_age: u64,
) {
    let mut value = format!(
        "{name}={}; Path={path}; HttpOnly; SameSite=Strict; Max-Age={max_age}",
        token.expose_secret()
    );
    if state.secure() {
        value.push_str("; Secure");
    }
    if let Ok(v) = HeaderValue::from_str(&value) {
        response.headers_mut().append(header::SET_COOKIE, v);
    }
}

/// `GET /shown`: the page kept by [`show_once`], once; a reload says it was shown.
async fn shown(
    State(state): State<AppState>,
    v: Volunteer,
    headers: axum::http::HeaderMap,
) -> Response {
    // Only its own volunteer takes it: another account signed in on the same browser
    // sees "already shown" and leaves it for its owner.
    let me = v.session.user().id.clone();
    let page = cookie(&headers, SHOWN_COOKIE).and_then(|token| {
        state
            .inner
            .shown
            .take_if(token, Instant::now(), |page| page.user == me)
    });
    let shown = page.is_some();
    let mut response = match page {
        Some(page) => v.page(
            StatusCode::OK,
            &page.title,
            "/cases",
            maud::PreEscaped(page.body.expose_secret().to_owned()),
        ),
        None => {
            let l = v.ctx.lang.locale();
            v.page(
                StatusCode::GONE,
                &l.say("web-shown-gone-title"),
                "/cases",
                html! {
                    p role="status" { (l.say("web-shown-gone")) }
                    p { a href="/cases" { (v.ctx.w().nav_cases) } }
                },
            )
        }
    };
    if shown {
        response.headers_mut().append(
            header::SET_COOKIE,
            HeaderValue::from_static(
                "vault_shown=; Path=/shown; HttpOnly; SameSite=Strict; Max-Age=0",
            ),
        );
    }
    response
}

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/login", get(session::form).post(session::sign_in))
        .route("/logout", post(session::sign_out))
        .route("/account", get(session::account))
        .route("/account/password", post(session::change_password))
        .route("/cases", get(cases::list).post(cases::search))
        .route("/cases/new", get(cases::new_form).post(cases::create))
        .route("/cases/{case}", get(cases::show))
        .route(
            "/cases/{case}/edit",
            get(cases::edit_form).post(cases::edit),
        )
        .route("/cases/{case}/status", post(cases::set_status))
        .route("/cases/{case}/contact", post(retention::contact))
        .route("/cases/{case}/hold", post(retention::hold))
        .route("/retention", get(retention::due))
        .route("/cases/{case}/bundle", post(documents::bundle))
        // Uploads stream, with the server's upload limit.
        .route(
            "/cases/{case}/documents",
            post(documents::upload).layer(DefaultBodyLimit::disable()),
        )
        .route("/documents/{doc}/download", get(documents::download))
        .route("/documents/{doc}/verify", post(documents::verify))
        .route("/documents/{doc}/kind", post(documents::reclassify))
        .route(
            "/documents/{doc}/versions",
            post(documents::add_version).layer(DefaultBodyLimit::disable()),
        )
        .route(
            "/cases/{case}/share",
            get(links::share_form).post(links::create_share),
        )
        .route("/cases/{case}/ask", post(links::create_upload_link))
        .route("/cases/{case}/space", post(links::create_space))
        .route("/spaces/{id}/revoke", post(links::revoke_space))
        .route("/shares/{id}/revoke", post(links::revoke_share))
        .route("/upload-links/{id}/revoke", post(links::revoke_upload_link))
        .route("/admin", get(admin::page))
        .route("/admin/users", post(admin::create_user))
        .route("/admin/users/state", post(admin::set_state))
        .route("/admin/recover", post(admin::recover))
        .route("/admin/teams", post(admin::create_team))
        .route("/admin/members", post(admin::add_member))
        .route("/admin/members/remove", post(admin::remove_member))
        .route("/admin/checkpoint", get(admin::checkpoint))
        .route("/admin/verify", post(admin::verify))
        .route("/admin/backups", post(admin::backup))
        .route("/shown", get(shown))
}

/// The language of a request: `?lang=` (then remembered in a cookie), the cookie, then
/// `Accept-Language`.
#[derive(Clone, Copy)]
pub struct Ctx {
    pub lang: Lang,
    /// `?lang=` was given: the answer sets the cookie.
    remember: bool,
}

impl Ctx {
    fn of(parts: &Parts) -> Ctx {
        let query = parts.uri.query().unwrap_or("");
        let asked = form_urlencoded::parse(query.as_bytes())
            .find(|(k, _)| k == "lang")
            .and_then(|(_, v)| Lang::parse(&v));
        let lang = asked
            .or_else(|| cookie(&parts.headers, LANG_COOKIE).and_then(Lang::parse))
            .unwrap_or_else(|| Lang::pick(None, &parts.headers));
        Ctx {
            lang,
            remember: asked.is_some(),
        }
    }

    /// The words of the interface.
    pub fn w(&self) -> &'static Web {
        &self.lang.t().web
    }
}

impl<S: Send + Sync> FromRequestParts<S> for Ctx {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        Ok(Ctx::of(parts))
    }
}

/// A signed-in user of the web interface. Without a live session cookie, the request is
/// answered with a redirection to the sign-in page.
pub struct Volunteer {
    pub session: Arc<Session>,
    csrf: SecretString,
    pub ctx: Ctx,
}

impl FromRequestParts<AppState> for Volunteer {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Response> {
        let ctx = Ctx::of(parts);
        if !state.is_set_up() {
            return Err(Redirect::to("/").into_response());
        }
        let auth = cookie(&parts.headers, COOKIE)
            .and_then(|token| state.inner.sessions.get(token, Instant::now()))
            .ok_or_else(|| Redirect::to("/login").into_response())?;
        Ok(Volunteer {
            csrf: auth.csrf().clone(),
            session: auth.session,
            ctx,
        })
    }
}

impl Volunteer {
    /// What cannot be undone (a revocation, a member's removal, an account's
    /// disabling, a case's closing) asks first: without `confirmed=1`, the answer is a
    /// page that says what will happen, with the same form again (its fields hidden) to
    /// confirm, and a way back. No script is needed. `None` when confirmed.
    pub fn unconfirmed(
        &self,
        action: &str,
        fields: &Fields,
        question: &str,
        back: &str,
    ) -> Option<Response> {
        if fields.get("confirmed") == Some("1") {
            return None;
        }
        let w = self.ctx.w();
        let body = html! {
            p.warning role="alert" { (question) }
            form method="post" action=(action) {
                (self.csrf_field())
                @for (name, value) in fields.pairs().filter(|(n, _)| *n != "csrf" && *n != "confirmed") {
                    input type="hidden" name=(name) value=(value);
                }
                input type="hidden" name="confirmed" value="1";
                div.actions {
                    button.danger type="submit" { (w.confirm_yes) }
                    a.button.secondary href=(back) { (w.confirm_no) }
                }
            }
        };
        Some(self.page(StatusCode::OK, w.confirm_title, back, body))
    }

    /// The message of a refusal the person at the desk can correct (a 4xx), to show above
    /// the form they filled; `None` for a failure of the server itself.
    pub fn correctable(&self, e: &ApiError) -> Option<String> {
        e.status
            .is_client_error()
            .then(|| e.message_in(self.ctx.lang.code()).to_owned())
    }

    /// Refuses a form whose CSRF token is absent or wrong (403, nothing done).
    pub fn check(&self, fields: &Fields) -> Result<(), Response> {
        self.check_token(fields.get("csrf").unwrap_or(""))
    }

    /// What every form about one case checks first: its CSRF token, that the vault is
    /// there, and the case's id from the address. The refusal is the page to answer.
    pub fn case_form(
        &self,
        state: &AppState,
        case: &str,
        fields: &Fields,
    ) -> Result<(vault_core::Vault, vault_core::CaseId), Response> {
        self.check(fields)?;
        match (
            state.vault(),
            crate::api::parse_id::<vault_core::CaseId>(case),
        ) {
            (Ok(vault), Ok(case)) => Ok((vault, case)),
            (Err(e), _) | (_, Err(e)) => Err(self.error(e, "/cases")),
        }
    }

    /// Refuses a CSRF token that is not the session's (403, nothing done).
    pub fn check_token(&self, sent: &str) -> Result<(), Response> {
        let expected = self.csrf.expose_secret().as_bytes();
        if expected.len() == sent.len()
            && bool::from(subtle::ConstantTimeEq::ct_eq(expected, sent.as_bytes()))
        {
            Ok(())
        } else {
            let w = self.ctx.w();
            Err(self.page(
                StatusCode::FORBIDDEN,
                w.csrf_title,
                "/cases",
                html! { p.error role="alert" { (w.csrf_text) } },
            ))
        }
    }

    /// The hidden field every form of a signed-in page carries.
    pub fn csrf_field(&self) -> Markup {
        html! { input type="hidden" name="csrf" value=(self.csrf.expose_secret()); }
    }

    /// Whether the user manages users and teams.
    pub fn manages(&self) -> bool {
        self.session.user().role.manages()
    }

    /// A page of the signed-in interface, whose heading is its title.
    pub fn page(&self, status: StatusCode, title: &str, here: &str, body: Markup) -> Response {
        self.page_headed(status, title, title, here, body)
    }

    /// A page whose heading differs from its title: the title goes to history, tabs and
    /// shared screens, so it never holds a person's name; the heading may.
    pub fn page_headed(
        &self,
        status: StatusCode,
        title: &str,
        heading: &str,
        here: &str,
        body: Markup,
    ) -> Response {
        let w = self.ctx.w();
        let user = self.session.user();
        let nav = html! {
            nav aria-label=(w.nav_label) {
                ul.nav {
                    li { a href="/cases" { (w.nav_cases) } }
                    li { a href="/cases/new" { (w.nav_new_case) } }
                    @if user.role.manages() {
                        li { a href="/retention" { (self.ctx.lang.locale().say("web-nav-due")) } }
                        li { a href="/admin" { (w.nav_admin) } }
                    }
                    li { a href="/account" { (w.nav_account) } }
                }
                form.signout method="post" action="/logout" {
                    (self.csrf_field())
                    span { (w.signed_in_as) " " strong { bdi { (user.name) } } " (" (role_name(w, user.role)) ")" }
                    " "
                    button.link type="submit" { (w.sign_out) }
                }
            }
        };
        render(self.ctx, status, (title, heading), here, Some(nav), body)
    }

    /// The page of an error from the vault or the server, in the user's language.
    pub fn error(&self, e: ApiError, here: &str) -> Response {
        let w = self.ctx.w();
        let message = e.message_in(self.ctx.lang.code()).to_owned();
        self.page(
            e.status,
            w.error_title,
            here,
            html! {
                p.error role="alert" { (message) }
                p { a href=(here) { (w.back) } }
            },
        )
    }
}

/// The name of a role.
pub fn role_name(w: &Web, role: Role) -> &'static str {
    match role {
        Role::Admin => w.role_admin,
        Role::Coordinator => w.role_coordinator,
        _ => w.role_volunteer,
    }
}

/// A whole page: skip link, header with the language switch, optional navigation, body.
/// `(title, heading)` are the window's title and the page's `h1`; `here` is the address the
/// language switch reloads (a page that answers GET).
pub fn render(
    ctx: Ctx,
    status: StatusCode,
    (title, heading): (&str, &str),
    here: &str,
    nav: Option<Markup>,
    body: Markup,
) -> Response {
    let w = ctx.w();
    let other = ctx.lang.other();
    let sep = if here.contains('?') { '&' } else { '?' };
    let page = html! {
        (DOCTYPE)
        html lang=(ctx.lang.code()) {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                meta name="robots" content="noindex";
                title { (title) " — " (w.app_name) }
                link rel="stylesheet" href="/assets/vault.css";
                script src="/assets/vault.js" defer {}
            }
            body.app {
                a.skip href="#main" { (w.skip) }
                header.top {
                    a.brand href="/cases" { (w.app_name) }
                    a.lang href={ (here) (sep) "lang=" (other.code()) } lang=(other.code()) {
                        (ctx.lang.t().switch_to)
                    }
                }
                @if let Some(nav) = nav { (nav) }
                main #main {
                    h1 { bdi { (heading) } }
                    (body)
                }
            }
        }
    };
    let mut response = (status, axum::response::Html(page.into_string())).into_response();
    let headers = response.headers_mut();
    headers.insert(
        header::VARY,
        HeaderValue::from_static("Accept-Language, Cookie"),
    );
    if ctx.remember {
        let value = format!(
            "{LANG_COOKIE}={}; Path=/; SameSite=Strict; Max-Age=31536000",
            ctx.lang.code()
        );
        if let Ok(v) = HeaderValue::from_str(&value) {
            headers.append(header::SET_COOKIE, v);
        }
    }
    response
}

/// After a change: back to a page with GET (POST, redirect, GET), with a `done` word the
/// page turns into a confirmation.
pub fn see_other(to: &str) -> Response {
    Redirect::to(to).into_response()
}

/// Runs vault-core work on a blocking thread; its error as the API would answer it.
pub async fn run<T: Send + 'static>(
    work: impl FnOnce() -> vault_core::Result<T> + Send + 'static,
) -> Result<T, ApiError> {
    crate::api::blocking(work).await
}

/// Today's date and time as people read it, in Paris time (the association's desks).
pub fn when(lang: Lang, secs: u64) -> String {
    lang.locale().when(secs)
}
