//! `/b/{token}`: a beneficiary's own space. The link and a short passcode, given at the
//! desk, open it: their documents, every access to their case (their right of access), and
//! a share link for their own lawyer. A session cookie (`vault_space`, path `/b/`) keeps it
//! open for the visit; every form carries the session's CSRF token. Unknown and dead
//! spaces get the dead-link page, like every other link.

use std::collections::HashMap;
use std::time::Instant;

use axum::extract::{Path, Query, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use maud::html;
use secrecy::ExposeSecret;
use vault_core::{DocumentId, Error, Event, LinkToken, NewShare, Space};

use super::{busy, dead, document_line, icon, link_page, run, trouble, Icon, LangQuery};
use crate::auth::{cookie, Client};
use crate::i18n::Locale;
use crate::sessions::Authenticated;
use crate::state::AppState;
use crate::web::report::{self, entries, pager, sentence, Filter, Reader};
use crate::web::Fields;

const COOKIE: &str = "vault_space";

/// The open space of this request, if its cookie belongs to the space of `token`.
fn opened(
    state: &AppState,
    headers: &HeaderMap,
    token: &LinkToken,
) -> Option<Authenticated<Space>> {
    let value = cookie(headers, COOKIE)?;
    let auth = state.inner.spaces.get(value, Instant::now())?;
    (auth.session.id() == &token.id()).then_some(auth)
}

fn passcode_form(l: Locale, status: StatusCode, tries_left: Option<u32>) -> Response {
    let body = html! {
        p { (l.say("space-intro")) }
        @if let Some(n) = tries_left {
            p.error role="alert" { (l.say_with("space-wrong", &[("tries", n.into())])) }
        }
        form method="post" {
            label for="passcode" { (icon(Icon::Key)) " " (l.say("space-code-label")) }
            input type="text" #passcode name="passcode" required autocomplete="off"
                autocapitalize="characters" spellcheck="false" dir="ltr";
            button type="submit" { (l.say("open")) }
        }
    };
    link_page(status, l, &l.say("space-title"), body)
}

/// `GET /b/{token}`: the space when it is open, else the passcode form.
pub async fn page(
    State(state): State<AppState>,
    Path(text): Path<String>,
    Query(q): Query<LangQuery>,
    headers: HeaderMap,
) -> Response {
    let lang = q.pick(&headers);
    let (Some(token), Ok(vault)) = (LinkToken::parse(&text), state.vault()) else {
        return dead(lang);
    };
    if let Some(auth) = opened(&state, &headers, &token) {
        return home(&state, &text, lang, &auth, None, q.page()).await;
    }
    let now = vault_core::unix_now();
    match run(move || vault.check_space(&token, now)).await {
        Ok(()) => passcode_form(lang, StatusCode::OK, None),
        Err(Error::LinkUnavailable) => dead(lang),
        Err(e) => trouble(lang, &e),
    }
}

/// `POST /b/{token}`: the passcode; opens the space for this visit.
pub async fn unlock(
    State(state): State<AppState>,
    Client(client): Client,
    Path(text): Path<String>,
    Query(q): Query<LangQuery>,
    headers: HeaderMap,
    fields: Fields,
) -> Response {
    let lang = q.pick(&headers);
    let (Some(token), Ok(vault)) = (LinkToken::parse(&text), state.vault()) else {
        return dead(lang);
    };
    let Some(passcode) = fields.secret("passcode") else {
        return passcode_form(lang, StatusCode::BAD_REQUEST, None);
    };
    let now = vault_core::unix_now();
    let work = move || vault.open_space(&token, &passcode, client, now);
    let space = match state.inner.kdf.run_core(work).await {
        Ok(Ok(space)) => space,
        Ok(Err(Error::WrongPassphrase { tries_left })) => {
            return passcode_form(lang, StatusCode::FORBIDDEN, Some(tries_left))
        }
        Ok(Err(Error::LinkUnavailable)) => return dead(lang),
        Ok(Err(e)) => return trouble(lang, &e),
        Err(e) => return busy(lang, e),
    };
    let new = match state.inner.spaces.insert(space, Instant::now()) {
        Ok(new) => new,
        Err(e) => return trouble(lang, &Error::Io(e)),
    };
    let mut value = format!(
        "{COOKIE}={}; Path=/b/; HttpOnly; SameSite=Strict",
        new.token.expose_secret()
    );
    if state.secure() {
        value.push_str("; Secure");
    }
    let mut response = Redirect::to(&format!("/b/{text}?lang={}", lang.tag())).into_response();
    if let Ok(v) = HeaderValue::from_str(&value) {
        response.headers_mut().insert(header::SET_COOKIE, v);
    }
    response
}

/// Who did something, in the words of the person whose case it is.
fn who(vault: &vault_core::Vault, l: Locale, actor: &str) -> String {
    match actor.split_once(':') {
        Some(("space", _)) => l.say("who-you"),
        Some(("share", _)) => l.say("who-lawyer"),
        Some(("upload", _)) => l.say("who-upload"),
        _ if actor == "system" => l.say("who-system"),
        _ => l.say_with(
            "who-association",
            &[("name", vault.actor_label(actor).into())],
        ),
    }
}

/// The space: documents, the share form, every access.
async fn home(
    state: &AppState,
    text: &str,
    l: Locale,
    auth: &Authenticated<Space>,
    made: Option<String>,
    asked_page: usize,
) -> Response {
    let Ok(vault) = state.vault() else {
        return dead(l);
    };
    let space = auth.session.clone();
    let now = vault_core::unix_now();
    let v = vault.clone();
    let loaded = run(move || v.space_home(&space, now)).await;
    let (documents, events): (Vec<vault_core::DocumentInfo>, Vec<Event>) = match loaded {
        Ok(x) => x,
        Err(Error::LinkUnavailable) => return dead(l),
        Err(e) => return trouble(l, &e),
    };
    let names: HashMap<String, String> = documents
        .iter()
        .map(|d| (d.id.to_string(), d.meta.filename.clone()))
        .collect();
    let here = format!("/b/{text}");
    let lines = entries(&events, Filter::All);
    let (shown, page, pages) = report::page(&lines, asked_page);
    let csrf = auth.csrf().expose_secret().to_owned();
    let body = html! {
        @if let Some(link) = &made {
            section.made aria-labelledby="made-title" {
                h2 #made-title { (l.say("space-share-title")) }
                p.warning role="status" { (l.say("space-link-once")) }
                label for="link" { (l.say("space-link-label")) }
                input type="text" #link readonly value=(link);
                button.copy type="button" data-copy-target="link" hidden { (l.say("space-copy")) }
            }
        }
        section aria-labelledby="docs-title" {
            h2 #docs-title { (l.say("space-docs-title")) }
            @if documents.is_empty() {
                p { (l.say("space-no-docs")) }
            } @else {
                ul.docs {
                    @for d in &documents {
                        li {
                            (document_line(l, &d.meta))
                            a.button href={ (here) "/d/" (d.id) } download { (l.say("download")) }
                        }
                    }
                }
            }
        }
        @if !documents.is_empty() {
            section aria-labelledby="share-title" {
                h2 #share-title { (l.say("space-share-title")) }
                p { (l.say("space-share-text")) }
                form method="post" action={ (here) "/share" } {
                    input type="hidden" name="csrf" value=(csrf);
                    fieldset {
                        legend { (l.say("space-share-docs")) }
                        @for d in &documents {
                            div.check {
                                input type="checkbox" id={ "doc-" (d.id) } name="documents" value=(d.id);
                                label for={ "doc-" (d.id) } { bdi { (d.meta.filename) } }
                            }
                        }
                    }
                    label for="label" { (l.say("space-share-label")) }
                    input type="text" #label name="label" autocomplete="off";
                    button type="submit" { (l.say("space-share-create")) }
                }
            }
        }
        section aria-labelledby="access-title" {
            h2 #access-title { (l.say("space-access-title")) }
            p.note { (l.say("space-access-note")) }
            ol.report {
                @for line in shown {
                    li { (sentence(l, line, Reader::Person, &who(&vault, l, &line.newest.actor), &names)) }
                }
            }
            (pager(l, page, pages, |n| format!("{here}?page={n}#access-title")))
        }
        form method="post" action={ (here) "/leave" } {
            input type="hidden" name="csrf" value=(csrf);
            button.secondary type="submit" { (l.say("space-leave")) }
        }
    };
    let status = if made.is_some() {
        StatusCode::CREATED
    } else {
        StatusCode::OK
    };
    link_page(status, l, &l.say("space-home-title"), body)
}

/// The open space of a form, checked: its cookie and its CSRF token.
fn checked(
    state: &AppState,
    headers: &HeaderMap,
    token: &LinkToken,
    fields: &Fields,
) -> Option<Authenticated<Space>> {
    let auth = opened(state, headers, token)?;
    auth.csrf_matches(fields.get("csrf").unwrap_or(""))
        .then_some(auth)
}

/// `GET /b/{token}/d/{doc}`: one of the person's documents.
pub async fn download(
    State(state): State<AppState>,
    Path((text, doc)): Path<(String, String)>,
    Query(q): Query<LangQuery>,
    headers: HeaderMap,
) -> Response {
    let lang = q.pick(&headers);
    let (Some(token), Ok(doc), Ok(vault)) = (
        LinkToken::parse(&text),
        doc.parse::<DocumentId>(),
        state.vault(),
    ) else {
        return dead(lang);
    };
    let Some(auth) = opened(&state, &headers, &token) else {
        return Redirect::to(&format!("/b/{text}")).into_response();
    };
    let space = auth.session.clone();
    let now = vault_core::unix_now();
    match run(move || vault.space_document(&space, &doc, now)).await {
        Ok((meta, out)) => crate::api::documents::outgoing_response(&meta, out),
        Err(Error::LinkUnavailable) | Err(Error::NotFound { .. }) => dead(lang),
        Err(e) => trouble(lang, &e),
    }
}

/// `POST /b/{token}/share`: a share link for the person's own lawyer, shown once.
pub async fn share(
    State(state): State<AppState>,
    Path(text): Path<String>,
    Query(q): Query<LangQuery>,
    headers: HeaderMap,
    fields: Fields,
) -> Response {
    let lang = q.pick(&headers);
    let (Some(token), Ok(vault)) = (LinkToken::parse(&text), state.vault()) else {
        return dead(lang);
    };
    let Some(auth) = checked(&state, &headers, &token, &fields) else {
        return link_page(
            StatusCode::FORBIDDEN,
            lang,
            &lang.say("space-expired"),
            html! {},
        );
    };
    let documents: Vec<DocumentId> = fields
        .all("documents")
        .iter()
        .filter_map(|d| d.parse().ok())
        .collect();
    if documents.is_empty() {
        return home(&state, &text, lang, &auth, None, 1).await;
    }
    let new = NewShare {
        documents,
        label: fields.text("label"),
        ..NewShare::default()
    };
    let space = auth.session.clone();
    let now = vault_core::unix_now();
    match run(move || vault.space_share(&space, &new, now)).await {
        Ok((_, link)) => {
            let address = crate::api::links::url(&state, "s", &link);
            home(&state, &text, lang, &auth, Some(address), 1).await
        }
        Err(Error::LinkUnavailable) => dead(lang),
        Err(e) => trouble(lang, &e),
    }
}

/// `GET /b/{token}/share` (the language switch of the page a share answered): back to
/// the space.
pub async fn to_space(
    Path(text): Path<String>,
    Query(q): Query<LangQuery>,
    headers: HeaderMap,
) -> Response {
    let lang = q.pick(&headers);
    if LinkToken::parse(&text).is_none() {
        return dead(lang);
    }
    Redirect::to(&format!("/b/{text}?lang={}", lang.tag())).into_response()
}

/// `POST /b/{token}/leave`: closes the space for this visit.
pub async fn leave(
    State(state): State<AppState>,
    Path(text): Path<String>,
    headers: HeaderMap,
    fields: Fields,
) -> Response {
    let Some(token) = LinkToken::parse(&text) else {
        return dead(Locale::Fr);
    };
    // A live visit ends only with its form's token; one already over just loses its cookie.
    if let Some(auth) = opened(&state, &headers, &token) {
        if !auth.csrf_matches(fields.get("csrf").unwrap_or("")) {
            let lang = crate::i18n::pick(None, &headers);
            return link_page(
                StatusCode::FORBIDDEN,
                lang,
                &lang.say("space-expired"),
                html! {},
            );
        }
        if let Some(value) = cookie(&headers, COOKIE) {
            state.inner.spaces.remove(value);
        }
    }
    let mut response = Redirect::to(&format!("/b/{text}")).into_response();
    response.headers_mut().insert(
        header::SET_COOKIE,
        HeaderValue::from_static("vault_space=; Path=/b/; HttpOnly; SameSite=Strict; Max-Age=0"),
    );
    crate::middleware::forget_pages(&mut response);
    response
}
