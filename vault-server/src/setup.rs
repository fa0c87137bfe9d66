//! First start: with no vault in the data directory, the server prints a one-time setup
//! address (`/setup/{token}`). Its page creates the first admin and shows the recovery
//! key once. Afterwards, and for any other token, the address answers 404.

use axum::extract::rejection::FormRejection;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Form, Router};
use secrecy::{ExposeSecret, SecretString};
use serde::Deserialize;
use vault_core::{Settings, Vault};

use crate::api::session::with_kdf_slot;
use maud::{html, Markup, PreEscaped};

use crate::html::{css, escape, js, page};
use crate::i18n::Locale;
use crate::state::AppState;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/", get(home))
        .route("/assets/vault.css", get(css))
        .route("/assets/vault.js", get(js))
        .route("/setup/{token}", get(form).post(create))
        .layer(axum::middleware::from_fn(crate::middleware::body_idle))
}

async fn home(State(state): State<AppState>) -> Response {
    if state.is_set_up() {
        // The web interface: its list of cases, or its sign-in page.
        return axum::response::Redirect::to("/cases").into_response();
    }
    let body = html! {
        h1 { (both("setup-home-title")) }
        (both_paragraphs("setup-home-text"))
    };
    setup_page(StatusCode::OK, "setup-home-title", body)
}

/// The setup page comes before anyone chose a language: French first, then English.
const FR: Locale = Locale::Fr;
const EN: Locale = Locale::En;

/// A short text in both languages: "Créer le coffre / Create the vault".
fn both(id: &str) -> Markup {
    html! { (FR.say(id)) " / " span.en lang="en" { (EN.say(id)) } }
}

/// A paragraph in French, then the same in English.
fn both_paragraphs(id: &str) -> Markup {
    html! {
        p { (FR.say(id)) }
        p.en lang="en" { (EN.say(id)) }
    }
}

fn setup_page(status: StatusCode, title: &str, body: Markup) -> Response {
    page(status, &FR.say(title), &body.into_string())
}

/// The recovery key's split at setup: three custodians, any two.
const SETUP_SHARES: u8 = 3;
const SETUP_THRESHOLD: u8 = 2;

/// The recovery key (or a share of it) as it is copied onto paper: groups of four characters, five groups
/// a line, each group in its own span (the key parses back with or without the spaces,
/// see `SecretKey::parse`).
fn key_in_groups(key: &str) -> String {
    let chars: Vec<char> = key.chars().collect();
    chars
        .chunks(20)
        .map(|line| {
            line.chunks(4)
                .map(|g| format!("<span>{}</span>", escape(&g.iter().collect::<String>())))
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect::<Vec<_>>()
        .join("<br>")
}

fn dead() -> Response {
    let body = html! {
        h1 { (both("setup-dead-title")) }
        (both_paragraphs("setup-dead-text"))
    };
    setup_page(StatusCode::NOT_FOUND, "setup-dead-title", body)
}

/// What went wrong, said above the form: the words of the catalogues, or (from the vault)
/// a message already in words.
enum Trouble<'a> {
    Said(&'static str),
    Message(&'a str),
}

fn form_page(status: StatusCode, trouble: Option<Trouble<'_>>, admin: &str) -> Response {
    let body = html! {
        h1 { (both("setup-title")) }
        p { (FR.say("setup-intro")) " " span.en lang="en" { (EN.say("setup-intro")) } }
        @match trouble {
            Some(Trouble::Said(id)) => p.error role="alert" { (both(id)) },
            Some(Trouble::Message(m)) => p.error role="alert" { (m) },
            None => {}
        }
        form method="post" {
            label for="admin" { (both("setup-f-admin")) }
            input type="text" #admin name="admin" required autocomplete="username" value=(admin);
            label for="password" { (both("setup-f-password")) }
            input type="password" #password name="password" required minlength="8" autocomplete="new-password";
            label for="confirm" { (both("setup-f-confirm")) }
            input type="password" #confirm name="confirm" required minlength="8" autocomplete="new-password";
            button type="submit" { (both("setup-title")) }
        }
    };
    setup_page(status, "setup-title", body)
}

async fn form(State(state): State<AppState>, Path(token): Path<String>) -> Response {
    if !state.setup_token_matches(&token) {
        return dead();
    }
    form_page(StatusCode::OK, None, "")
}

/// No Debug: it holds passwords.
#[derive(Deserialize)]
struct SetupForm {
    admin: String,
    password: SecretString,
    confirm: SecretString,
}

async fn create(
    State(state): State<AppState>,
    Path(token): Path<String>,
    form: Result<Form<SetupForm>, FormRejection>,
) -> Response {
    if !state.setup_token_matches(&token) {
        return dead();
    }
    let Ok(Form(form)) = form else {
        return form_page(
            StatusCode::BAD_REQUEST,
            Some(Trouble::Said("setup-incomplete")),
            "",
        );
    };
    if form.password.expose_secret() != form.confirm.expose_secret() {
        return form_page(
            StatusCode::BAD_REQUEST,
            Some(Trouble::Said("setup-differ")),
            &form.admin,
        );
    }
    // Taken now, so that a second submission cannot make a second vault.
    let Some(hash) = state.take_setup(&token) else {
        return dead();
    };
    let config = state.config().clone();
    let admin = form.admin.clone();
    let created = with_kdf_slot(&state, move || {
        let settings = Settings {
            public_url: config.public_url.clone(),
            kdf: config.setup_kdf.clone().unwrap_or_default(),
            storage: config.storage.clone(),
            ..Settings::default()
        };
        let created = Vault::create(&config.data_dir, &settings, &form.admin, &form.password)?;
        if config.storage.is_default() {
            return Ok(created);
        }
        // Blobs elsewhere (--blobs, --blobs-mirror): reopen with the stores vault.toml now
        // names, so that the first documents go there too.
        drop(created.vault);
        let credentials = vault_storage::Credentials::load(config.s3_credentials.as_deref())?;
        let vault = vault_storage::open_vault(
            &config.data_dir,
            &vault_core::StorageSettings::default(),
            &credentials,
        )?;
        Ok(vault_core::Created { vault, ..created })
    })
    .await;
    let created = match created {
        Ok(c) => c,
        Err(e) => {
            state.restore_setup(hash);
            let status = if e.status.is_server_error() {
                e.status
            } else {
                StatusCode::BAD_REQUEST
            };
            return form_page(status, Some(Trouble::Message(&e.message)), &admin);
        }
    };
    state.install(created.vault);
    tracing::info!("vault created by the setup page");
    // The recovery key never shows whole: three shares for three custodians, any two of
    // which give it back (`vault user recover --recovery-share-file`, the admin page).
    let key = match vault_core::SecretKey::parse(created.recovery_key.expose_secret())
        .and_then(|k| vault_core::split_key(&k, SETUP_SHARES, SETUP_THRESHOLD))
    {
        Ok(shares) => shares,
        // The vault exists now: its key must be shown, whole if it cannot be split.
        Err(e) => {
            tracing::error!(code = e.code(), "the recovery key could not be split");
            vec![created.recovery_key]
        }
    };
    let shares: Vec<PreEscaped<String>> = key
        .iter()
        .map(|s| PreEscaped(key_in_groups(s.expose_secret())))
        .collect();
    let body = html! {
        h1 { (both("setup-created-title")) }
        p { (both("setup-created-admin")) " " strong { (created.admin.name) } }
        h2 { (both("setup-key-title")) }
        p { strong { (FR.say("setup-key-never")) } " " (FR.say("setup-key-text")) }
        p.en lang="en" { strong { (EN.say("setup-key-never")) } " " (EN.say("setup-key-text")) }
        @for (i, (share, text)) in shares.iter().zip(&key).enumerate() {
            @let n = [("n", (i + 1).into()), ("of", key.len().into())];
            // One share a sheet when printed: each goes to a different custodian.
            section.share {
                h3 { (FR.say_with("setup-share-title", &n)) " / " span.en lang="en" { (EN.say_with("setup-share-title", &n)) } }
                p.key translate="no" { (share) }
                figure.qr role="img" aria-label={ (FR.say_with("setup-share-qr", &n)) " / " (EN.say_with("setup-share-qr", &n)) } { (crate::html::qr(text.expose_secret())) }
            }
        }
        h2 { (both("setup-next-title")) }
        (both_paragraphs("setup-next-text"))
        p { a href="/login" { (both("setup-sign-in")) } }
    };
    setup_page(StatusCode::CREATED, "setup-created-title", body)
}

#[cfg(test)]
mod tests {
    use super::key_in_groups;

    #[test]
    fn the_recovery_key_is_shown_in_groups_that_parse_back() {
        // A key made for this test by age-keygen.
        let key = "AGE-SECRET-KEY-1MX5DLPG5RR5A06HUEF4E4U98C52RZX33Q0GSWZJFC8H8M0SVQF7QR2SCQJ";
        let shown = key_in_groups(key);
        assert!(
            shown.starts_with("<span>AGE-</span> <span>SECR</span>"),
            "{shown}"
        );
        let copied = shown
            .replace("<br>", "\n")
            .replace("<span>", "")
            .replace("</span>", "");
        assert!(copied.lines().all(|l| l.split(' ').count() <= 5));
        let parsed = vault_core::SecretKey::parse(&copied).unwrap();
        assert_eq!(
            secrecy::ExposeSecret::expose_secret(&parsed.to_secret_string()),
            key
        );
    }
}
