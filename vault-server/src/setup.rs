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
use crate::html::{css, escape, js, page};
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
    let body = if state.is_set_up() {
        // The web interface: its list of cases, or its sign-in page.
        return axum::response::Redirect::to("/cases").into_response();
    } else {
        "<h1>Coffre de documents : à installer</h1>\
         <p>Aucun coffre n'existe encore. Ouvrez l'adresse d'installation affichée par le \
         serveur à son démarrage.</p>\
         <p class=\"en\" lang=\"en\">No vault exists yet. Open the setup address that the \
         server printed when it started.</p>"
    };
    page(StatusCode::OK, "Coffre de documents", body)
}

/// The recovery key as it is copied onto paper: groups of four characters, five groups
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
    page(
        StatusCode::NOT_FOUND,
        "Adresse inconnue",
        "<h1>Adresse inconnue ou déjà utilisée</h1>\
         <p>Cette adresse d'installation n'existe pas, ou le coffre a déjà été créé.</p>\
         <p class=\"en\" lang=\"en\">This setup address does not exist, or the vault was \
         already created.</p>",
    )
}

fn form_page(status: StatusCode, error: Option<&str>, admin: &str) -> Response {
    let error = error
        .map(|e| format!("<p class=\"error\" role=\"alert\">{}</p>", escape(e)))
        .unwrap_or_default();
    let body = format!(
        "<h1>Créer le coffre <span class=\"en\" lang=\"en\">/ Create the vault</span></h1>\
         <p>Choisissez le nom et le mot de passe du premier administrateur. \
         <span class=\"en\" lang=\"en\">Choose the first admin's name and password.</span></p>\
         {error}\
         <form method=\"post\">\
         <label for=\"admin\">Nom de l'administrateur / Admin name</label>\
         <input type=\"text\" id=\"admin\" name=\"admin\" required autocomplete=\"username\" value=\"{}\">\
         <label for=\"password\">Mot de passe, 8 caractères au moins / Password, 8 characters or more</label>\
         <input type=\"password\" id=\"password\" name=\"password\" required minlength=\"8\" autocomplete=\"new-password\">\
         <label for=\"confirm\">Le même, encore / The same again</label>\
         <input type=\"password\" id=\"confirm\" name=\"confirm\" required minlength=\"8\" autocomplete=\"new-password\">\
         <button type=\"submit\">Créer le coffre / Create the vault</button>\
         </form>",
        escape(admin)
    );
    page(status, "Créer le coffre", &body)
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
            Some("Formulaire incomplet. / Incomplete form."),
            "",
        );
    };
    if form.password.expose_secret() != form.confirm.expose_secret() {
        return form_page(
            StatusCode::BAD_REQUEST,
            Some("Les deux mots de passe diffèrent. / The two passwords differ."),
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
            return form_page(status, Some(&e.message), &admin);
        }
    };
    state.install(created.vault);
    tracing::info!("vault created by the setup page");
    let body = format!(
        "<h1>Coffre créé <span class=\"en\" lang=\"en\">/ Vault created</span></h1>\
         <p>Administrateur / admin : <strong>{}</strong></p>\
         <h2>Clé de secours / Recovery key</h2>\
         <p class=\"key\" translate=\"no\">{}</p>\
         <p><strong>Elle ne sera plus jamais affichée.</strong> Recopiez-la sur papier ou \
         imprimez cette page, puis rangez-la hors ligne dans un lieu sûr de l'association \
         (pas sur cet ordinateur, pas dans un courriel). Elle seule permet de redonner accès \
         à un compte dont le mot de passe est perdu, et d'ouvrir le coffre si tous les \
         mots de passe l'étaient. Qui la détient peut tout lire.</p>\
         <p class=\"en\" lang=\"en\"><strong>It will never be shown again.</strong> Copy it \
         on paper or print this page, then keep it offline in a safe place of the \
         association (not on this computer, not in an e-mail). It alone gives back access \
         to an account whose password is lost, and opens the vault if every password were. \
         Whoever holds it can read everything.</p>\
         <h2>Ensuite / Next</h2>\
         <p>Une fois la clé rangée, <a href=\"/login\">connectez-vous</a> : créez les \
         équipes et les comptes des bénévoles dans « Administration ». \
         <span class=\"en\" lang=\"en\">Once the key is put away, \
         <a href=\"/login\">sign in</a>: create the teams and the volunteers' accounts in \
         \"Administration\".</span></p>",
        escape(&created.admin.name),
        key_in_groups(created.recovery_key.expose_secret())
    );
    page(StatusCode::CREATED, "Coffre créé", &body)
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
