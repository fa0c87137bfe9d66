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

use maud::html;

use super::{busy, dead, document_line, link_page, run, trouble, LangQuery};
use crate::auth::Client;
use crate::i18n::Locale;
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

fn list(
    state: &AppState,
    l: Locale,
    token: &str,
    view: &SharedView,
    passphrase: Option<&SecretString>,
) -> Response {
    // Days left on the calendar: 0 when it expires today.
    let days = vault_words::days_between(vault_core::unix_now(), view.expires).max(0);
    // The name goes in `<bdi>`, so that the words around it keep their order in a page
    // written right to left (a control character marks its place: none is in a name).
    let intro = match &state.config().association {
        Some(name) => {
            let text = l.say_with("share-intro-named", &[("association", "\u{1}".into())]);
            let bdi = format!("<bdi>{}</bdi>", crate::html::escape(name));
            maud::PreEscaped(crate::html::escape(&text).replace('\u{1}', &bdi))
        }
        None => maud::PreEscaped(crate::html::escape(&l.say("share-intro"))),
    };
    let body = html! {
        p { (intro) }
        @if let Some(message) = &view.message {
            section.message aria-labelledby="message-title" {
                h2 #message-title { (l.say("share-message-title")) }
                // Written by the volunteer, in whatever language and direction.
                p dir="auto" { (message) }
            }
        }
        p {
            (l.say_with("share-expires", &[
                ("when", l.when(view.expires).into()),
                ("days", days.into()),
            ]))
            br;
            strong { (l.say_with("share-downloads-left", &[("count", view.downloads_left.into())])) }
        }
        @if !view.to.is_empty() {
            section.sealed aria-labelledby="sealed-title" {
                h2 #sealed-title { (l.say("share-sealed-title")) }
                p { (l.say("share-sealed-text")) }
                ul.keys dir="ltr" {
                    @for key in &view.to { li { code { (key) } } }
                }
                p { (l.say("share-sealed-how")) }
                // A command, the same in every language.
                pre dir="ltr" { code { "age -d -i key.txt document.pdf.age > document.pdf" } }
            }
        }
        @if view.documents.is_empty() {
            p { (l.say("share-nothing-left")) }
        } @else {
            ul.docs {
                @for d in &view.documents {
                    li {
                        form method="post" action={ "/s/" (token) "/" (d.id) "?lang=" (l.tag()) } {
                            @if let Some(p) = passphrase {
                                input type="hidden" name="passphrase" value=(p.expose_secret());
                            }
                            (document_line(l, &d.meta))
                            button type="submit" { (l.say("download")) }
                        }
                    }
                }
            }
            @if view.documents.len() > 1 {
                form method="post" action={ "/s/" (token) "/all?lang=" (l.tag()) } {
                    @if let Some(p) = passphrase {
                        input type="hidden" name="passphrase" value=(p.expose_secret());
                    }
                    button.secondary type="submit" { (l.say("share-download-all")) }
                }
            }
        }
        p.note { (l.say("share-recorded")) }
    };
    link_page(StatusCode::OK, l, &l.say("share-title"), body)
}

fn passphrase_form(l: Locale, tries_left: Option<u32>) -> Response {
    let status = if tries_left.is_some() {
        StatusCode::FORBIDDEN
    } else {
        StatusCode::OK
    };
    let body = html! {
        p { (l.say("passphrase-text")) }
        @if let Some(n) = tries_left {
            p.error role="alert" { (l.say_with("passphrase-wrong", &[("tries", n.into())])) }
        }
        form method="post" action={ "?lang=" (l.tag()) } {
            label for="passphrase" { (l.say("passphrase-label")) }
            input type="password" #passphrase name="passphrase" required autocomplete="off";
            button type="submit" { (l.say("open")) }
        }
    };
    link_page(status, l, &l.say("passphrase-title"), body)
}

/// What to answer for an error of the public side.
fn refusal(lang: Locale, e: Error) -> Response {
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
    lang: Locale,
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
        Ok(view) => list(state, lang, &text, &view, passphrase.as_ref()),
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
    let to = format!("/s/{token}?lang={}", lang.tag());
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
    let (file, _) = match with_passphrase(&state, lang, has_passphrase, work).await {
        Ok(r) => r,
        Err(refused) => return refused,
    };
    let (media_type, length, name) = (file.media_type(), file.length(), file.file_name());
    let mut response = Body::new(body_from_reader(file)).into_response();
    let h = response.headers_mut();
    h.insert(header::CONTENT_TYPE, HeaderValue::from_static(media_type));
    if let Some(length) = length {
        h.insert(header::CONTENT_LENGTH, HeaderValue::from(length));
    }
    h.insert(header::CONTENT_DISPOSITION, attachment(&name));
    response
}

/// Runs a link's work, on the argon2 pool when a passphrase must be stretched; a refusal
/// is the page that says so.
async fn with_passphrase<T: Send + 'static>(
    state: &AppState,
    lang: Locale,
    has_passphrase: bool,
    work: impl FnOnce() -> vault_core::Result<T> + Send + 'static,
) -> Result<T, Response> {
    let result = if has_passphrase {
        match state.inner.kdf.run_core(work).await {
            Ok(r) => r,
            Err(e) => return Err(busy(lang, e)),
        }
    } else {
        run(work).await
    };
    result.map_err(|e| refusal(lang, e))
}

/// `POST /s/{token}/all`: every document still offered, as one ZIP, counted as one
/// download before the first byte.
pub async fn download_all(
    State(state): State<AppState>,
    Client(client): Client,
    Path(token): Path<String>,
    Query(q): Query<LangQuery>,
    headers: HeaderMap,
    form: Result<Form<Passphrase>, FormRejection>,
) -> Response {
    let lang = q.pick(&headers);
    let (Some(token), Ok(vault)) = (LinkToken::parse(&token), state.vault()) else {
        return dead(lang);
    };
    let passphrase = form.ok().and_then(|Form(f)| f.given());
    let now = vault_core::unix_now();
    let has_passphrase = passphrase.is_some();
    let work = move || vault.download_shared_all(&token, passphrase.as_ref(), client, now);
    let (archive, _) = match with_passphrase(&state, lang, has_passphrase, work).await {
        Ok(r) => r,
        Err(refused) => return refused,
    };
    let (media_type, name) = (archive.media_type(), archive.file_name());
    let body = match crate::stream::body_from_writer(move |out| archive.write_to(out)).await {
        Ok(b) => b,
        Err(e) => return refusal(lang, e),
    };
    let mut response = body.into_response();
    let h = response.headers_mut();
    h.insert(header::CONTENT_TYPE, HeaderValue::from_static(media_type));
    h.insert(header::CONTENT_DISPOSITION, attachment(name));
    response
}
