//! `/s/{token}`: the page (GET, consumes nothing), the passphrase form (POST), and the
//! downloads (POST `/s/{token}/{doc}`, each counted).

use axum::body::Body;
use axum::extract::rejection::FormRejection;
use axum::extract::{Path, Query, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Form;
use secrecy::{ExposeSecret, SecretString};
use serde::Deserialize;
use vault_core::{DocumentId, Error, LinkToken, SharedView};

use super::{busy, dead, link_page, run, trouble, LangQuery};
use crate::auth::Client;
use crate::html::escape;
use crate::i18n::Lang;
use crate::state::AppState;
use crate::stream::{attachment, body_from_reader};

/// The passphrase, when the link has one. No Debug.
#[derive(Deserialize, Default)]
pub struct Passphrase {
    #[serde(default)]
    passphrase: Option<SecretString>,
}

impl Passphrase {
    fn given(self) -> Option<SecretString> {
        self.passphrase.filter(|p| !p.expose_secret().is_empty())
    }
}

fn list(lang: Lang, token: &str, view: &SharedView, passphrase: Option<&SecretString>) -> Response {
    let t = lang.t();
    let hidden = passphrase
        .map(|p| {
            format!(
                "<input type=\"hidden\" name=\"passphrase\" value=\"{}\">",
                escape(p.expose_secret())
            )
        })
        .unwrap_or_default();
    let mut items = String::new();
    for d in &view.documents {
        items.push_str(&format!(
            "<li><form method=\"post\" action=\"/s/{token}/{id}?lang={code}\">{hidden}\
             <p><strong><bdi>{name}</bdi></strong><br>{kind}, {size}</p>\
             <button type=\"submit\">{download}</button></form></li>\n",
            id = d.id,
            code = lang.code(),
            name = escape(&d.meta.filename),
            kind = t.kind(d.meta.kind),
            size = t.size(d.meta.size),
            download = t.download,
        ));
    }
    let documents = if items.is_empty() {
        format!("<p>{}</p>", t.no_document)
    } else {
        format!("<ul class=\"docs\">\n{items}</ul>")
    };
    let body = format!(
        "<p>{intro}</p>\n<p>{expires} {when}.<br>{left} <strong>{n}</strong></p>\n{documents}\n\
         <p class=\"note\">{recorded}</p>",
        intro = t.share_intro,
        expires = t.expires,
        when = vault_core::format_time(view.expires),
        left = t.downloads_left,
        n = view.downloads_left,
        recorded = t.recorded,
    );
    link_page(StatusCode::OK, lang, t.share_title, &body)
}

fn passphrase_form(lang: Lang, tries_left: Option<u32>) -> Response {
    let t = lang.t();
    let (status, error) = match tries_left {
        Some(n) => (
            StatusCode::FORBIDDEN,
            format!(
                "<p class=\"error\" role=\"alert\">{} {n}</p>",
                t.passphrase_wrong
            ),
        ),
        None => (StatusCode::OK, String::new()),
    };
    let body = format!(
        "<p>{text}</p>{error}\
         <form method=\"post\" action=\"?lang={code}\">\
         <label for=\"passphrase\">{label}</label>\
         <input type=\"password\" id=\"passphrase\" name=\"passphrase\" required autocomplete=\"off\">\
         <button type=\"submit\">{open}</button></form>",
        text = t.passphrase_text,
        code = lang.code(),
        label = t.passphrase_label,
        open = t.open,
    );
    link_page(status, lang, t.passphrase_title, &body)
}

/// What to answer for an error of the public side.
fn refusal(lang: Lang, e: Error) -> Response {
    match e {
        Error::PassphraseRequired => passphrase_form(lang, None),
        Error::WrongPassphrase { tries_left } => passphrase_form(lang, Some(tries_left)),
        Error::LinkUnavailable | Error::NotFound { .. } => dead(lang),
        e => trouble(lang, &e),
    }
}

async fn open(
    state: &AppState,
    client: Option<std::net::IpAddr>,
    lang: Lang,
    text: String,
    passphrase: Option<SecretString>,
) -> Response {
    let (Some(token), Ok(vault)) = (LinkToken::parse(&text), state.vault()) else {
        return dead(lang);
    };
    let now = vault_core::unix_now();
    let pass = passphrase.clone();
    let work = move || vault.open_share(&token, pass.as_ref(), client, now);
    // A passphrase means argon2: on the bounded pool.
    let result = if passphrase.is_some() {
        match state.inner.kdf.run_core(work).await {
            Ok(r) => r,
            Err(e) => return busy(lang, e),
        }
    } else {
        run(work).await
    };
    match result {
        Ok(view) => list(lang, &text, &view, passphrase.as_ref()),
        Err(e) => refusal(lang, e),
    }
}

/// `GET /s/{token}`: the documents, the expiry, the downloads left. Consumes nothing.
pub async fn page(
    State(state): State<AppState>,
    Client(client): Client,
    Path(token): Path<String>,
    Query(q): Query<LangQuery>,
    headers: HeaderMap,
) -> Response {
    open(&state, client, q.pick(&headers), token, None).await
}

/// `POST /s/{token}` with the passphrase: the same page, unlocked.
pub async fn unlock(
    State(state): State<AppState>,
    Client(client): Client,
    Path(token): Path<String>,
    Query(q): Query<LangQuery>,
    headers: HeaderMap,
    form: Result<Form<Passphrase>, FormRejection>,
) -> Response {
    let passphrase = form.ok().and_then(|Form(f)| f.given());
    open(&state, client, q.pick(&headers), token, passphrase).await
}

/// `GET /s/{token}/{doc}` (the language switch of a page answered to a download): back to
/// the link's page. A GET never downloads.
pub async fn to_page(
    Path((token, _)): Path<(String, String)>,
    Query(q): Query<LangQuery>,
    headers: HeaderMap,
) -> Response {
    let lang = q.pick(&headers);
    if LinkToken::parse(&token).is_none() {
        return dead(lang);
    }
    let to = format!("/s/{token}?lang={}", lang.code());
    (StatusCode::SEE_OTHER, [(header::LOCATION, to)]).into_response()
}

/// `POST /s/{token}/{doc}`: one download, counted before the first byte.
pub async fn download(
    State(state): State<AppState>,
    Client(client): Client,
    Path((token, doc)): Path<(String, String)>,
    Query(q): Query<LangQuery>,
    headers: HeaderMap,
    form: Result<Form<Passphrase>, FormRejection>,
) -> Response {
    let lang = q.pick(&headers);
    let (Some(token), Ok(doc), Ok(vault)) = (
        LinkToken::parse(&token),
        doc.parse::<DocumentId>(),
        state.vault(),
    ) else {
        return dead(lang);
    };
    let passphrase = form.ok().and_then(|Form(f)| f.given());
    let now = vault_core::unix_now();
    let has_passphrase = passphrase.is_some();
    let work = move || vault.download_shared(&token, &doc, passphrase.as_ref(), client, now);
    let result = if has_passphrase {
        match state.inner.kdf.run_core(work).await {
            Ok(r) => r,
            Err(e) => return busy(lang, e),
        }
    } else {
        run(work).await
    };
    let (meta, reader, _) = match result {
        Ok(r) => r,
        Err(e) => return refusal(lang, e),
    };
    let mut response = Body::new(body_from_reader(reader)).into_response();
    let h = response.headers_mut();
    h.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/octet-stream"),
    );
    h.insert(header::CONTENT_LENGTH, HeaderValue::from(meta.size));
    h.insert(header::CONTENT_DISPOSITION, attachment(&meta.filename));
    response
}
