//! Cases, their access report, and the log checkpoint.

use axum::extract::{Path, State};
use axum::http::{header, StatusCode};
use axum::response::IntoResponse;
use axum::Json;
use serde::{Deserialize, Serialize};
use vault_core::{Case, CaseId, CasePage, CaseProfile, CaseQuery, CaseStatus, Event};

use super::{blocking, parse_id, ApiJson};
use crate::auth::Auth;
use crate::error::{ApiError, ApiResult};
use crate::state::AppState;

/// `GET /cases`: the cases of the user's teams.
pub async fn list(State(state): State<AppState>, auth: Auth) -> ApiResult<Json<Vec<Case>>> {
    let vault = state.vault()?;
    blocking(move || vault.list_cases(&auth.session))
        .await
        .map(Json)
}

/// What `POST /cases/search` asks. No Debug: `name` is a beneficiary's name.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Search {
    #[serde(default)]
    name: Option<String>,
    #[serde(default)]
    status: Option<CaseStatus>,
    #[serde(default)]
    offset: usize,
    /// 50 when absent; at most `vault_core::MAX_PAGE`.
    #[serde(default)]
    limit: Option<usize>,
}

/// `POST /cases/search`: a page of the user's cases, last activity first, by status and
/// by name (a POST, so that the name never reaches a URL or a request log).
pub async fn search(
    State(state): State<AppState>,
    auth: Auth,
    ApiJson(body): ApiJson<Search>,
) -> ApiResult<Json<CasePage>> {
    let vault = state.vault()?;
    let query = CaseQuery {
        status: body.status,
        name: body.name,
        offset: body.offset,
        limit: body.limit.unwrap_or(50),
    };
    blocking(move || vault.find_cases(&auth.session, &query))
        .await
        .map(Json)
}

/// No Debug: it holds a beneficiary's personal data.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NewCase {
    team: String,
    profile: CaseProfile,
}

/// `POST /cases`: answers 201 with the new case.
pub async fn create(
    State(state): State<AppState>,
    auth: Auth,
    ApiJson(body): ApiJson<NewCase>,
) -> ApiResult<(StatusCode, Json<Case>)> {
    let vault = state.vault()?;
    let case = blocking(move || {
        let id = vault.create_case(&auth.session, &body.team, &body.profile)?;
        vault.case(&auth.session, &id)
    })
    .await?;
    Ok((StatusCode::CREATED, Json(case)))
}

/// `GET /cases/{case}`.
pub async fn show(
    State(state): State<AppState>,
    auth: Auth,
    Path(case): Path<String>,
) -> ApiResult<Json<Case>> {
    let vault = state.vault()?;
    let case: CaseId = parse_id(&case)?;
    blocking(move || vault.case(&auth.session, &case))
        .await
        .map(Json)
}

/// A change: a new profile (replacing the old one whole), a new status, or both.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CaseChange {
    #[serde(default)]
    profile: Option<CaseProfile>,
    #[serde(default)]
    status: Option<CaseStatus>,
}

/// `PATCH /cases/{case}`.
pub async fn update(
    State(state): State<AppState>,
    auth: Auth,
    Path(case): Path<String>,
    ApiJson(body): ApiJson<CaseChange>,
) -> ApiResult<Json<Case>> {
    let vault = state.vault()?;
    let case: CaseId = parse_id(&case)?;
    if body.profile.is_none() && body.status.is_none() {
        return Err(ApiError::said(
            StatusCode::BAD_REQUEST,
            "invalid",
            "api-nothing-to-change",
        ));
    }
    blocking(move || {
        if let Some(profile) = &body.profile {
            vault.update_case(&auth.session, &case, profile)?;
        }
        if let Some(status) = body.status {
            vault.set_case_status(&auth.session, &case, status)?;
        }
        vault.case(&auth.session, &case)
    })
    .await
    .map(Json)
}

#[derive(Serialize)]
pub struct Erased {
    documents: usize,
    blobs: usize,
}

/// `DELETE /cases/{case}`: erases the case for good (crypto-shredding).
pub async fn erase(
    State(state): State<AppState>,
    auth: Auth,
    Path(case): Path<String>,
) -> ApiResult<Json<Erased>> {
    let vault = state.vault()?;
    let case: CaseId = parse_id(&case)?;
    let report = blocking(move || vault.erase_case(&auth.session, &case)).await?;
    Ok(Json(Erased {
        documents: report.documents,
        blobs: report.blobs,
    }))
}

/// One line of an access report.
#[derive(Serialize)]
pub struct ReportLine {
    #[serde(flatten)]
    event: Event,
    /// The actor as a person reads it (a user's name).
    actor_label: String,
    /// The line in French.
    text_fr: String,
}

/// `GET /cases/{case}/access-report`: every event that touched the case.
pub async fn access_report(
    State(state): State<AppState>,
    auth: Auth,
    Path(case): Path<String>,
) -> ApiResult<Json<Vec<ReportLine>>> {
    let vault = state.vault()?;
    let case: CaseId = parse_id(&case)?;
    blocking(move || {
        let events = vault.access_report(&auth.session, &case)?;
        Ok(events
            .into_iter()
            .map(|event| {
                let actor_label = vault_words::log::actor(
                    vault_words::Locale::Fr,
                    &vault.actor_label_for(&auth.session, &event.actor),
                );
                let text_fr =
                    vault_words::log::log_line(vault_words::Locale::Fr, &event, &actor_label);
                ReportLine {
                    event,
                    actor_label,
                    text_fr,
                }
            })
            .collect())
    })
    .await
    .map(Json)
}

/// `GET /log/checkpoint`: a signed checkpoint of the access log, as text, for auditors to
/// keep outside the vault (`vault log verify --checkpoint FILE` checks it later).
pub async fn checkpoint(State(state): State<AppState>, auth: Auth) -> ApiResult<impl IntoResponse> {
    let vault = state.vault()?;
    let checkpoint = blocking(move || vault.checkpoint(&auth.session)).await?;
    Ok((
        [
            (header::CONTENT_TYPE, "text/plain; charset=utf-8"),
            (
                header::CONTENT_DISPOSITION,
                "attachment; filename=\"checkpoint.txt\"",
            ),
        ],
        checkpoint.to_string(),
    ))
}

/// What `POST /cases/{case}/bundles` asks: some documents (all when absent), and the
/// lawyer's own age recipients to encrypt the bundle to.
#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct NewBundle {
    #[serde(default)]
    documents: Vec<String>,
    #[serde(default)]
    to: Vec<String>,
    /// Also copies without hidden metadata, under `data/working-copies/`.
    #[serde(default)]
    working_copies: bool,
}

/// `POST /cases/{case}/bundles`: an evidence bundle (docs/evidence.md), streamed as it is
/// made: `application/zip`, or `application/age` when encrypted to `to`. Admins only (the
/// log key signs it); the export is an event of the log before the first byte.
pub async fn bundle(
    State(state): State<AppState>,
    auth: Auth,
    Path(case): Path<String>,
    ApiJson(body): ApiJson<NewBundle>,
) -> ApiResult<axum::response::Response> {
    let vault = state.vault()?;
    let case: CaseId = parse_id(&case)?;
    let invalid = |id: &'static str| ApiError::said(StatusCode::BAD_REQUEST, "invalid", id);
    let documents = body
        .documents
        .iter()
        .map(|d| d.parse())
        .collect::<Result<Vec<vault_core::DocumentId>, _>>()
        .map_err(|_| invalid("api-invalid-document-id"))?;
    let to = super::recipients(&body.to)?;
    let copies = body.working_copies;
    bundle_download(&state, vault, auth.session, case, documents, to, copies)
        .await
        .map_err(ApiError::from)
}

/// The evidence bundle as a download, streamed as it is made (the API's route and the case
/// page's button): `application/zip`, or `application/age` when encrypted to `to`. An
/// error before the first byte is returned, for the caller to answer with its status.
pub(crate) async fn bundle_download(
    state: &AppState,
    vault: vault_core::Vault,
    session: std::sync::Arc<vault_core::Session>,
    case: CaseId,
    documents: Vec<vault_core::DocumentId>,
    to: Vec<vault_core::PublicKey>,
    working_copies: bool,
) -> vault_core::Result<axum::response::Response> {
    let encrypted = !to.is_empty();
    let context = vault_core::BundleContext {
        association: state.config().association.clone(),
        to,
        report: Some(vault_words::custody::report),
        working_copies,
    };
    let name = format!(
        "case-{}.zip{}",
        &case.as_str()[..8.min(case.as_str().len())],
        if encrypted { ".age" } else { "" }
    );
    let body = crate::stream::body_from_writer(move |out| {
        vault
            .export_bundle(&session, &case, &documents, &context, out)
            .map(|_| ())
    })
    .await?;
    let mut response = axum::response::IntoResponse::into_response(body);
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        axum::http::HeaderValue::from_static(if encrypted {
            "application/age"
        } else {
            "application/zip"
        }),
    );
    headers.insert(
        header::CONTENT_DISPOSITION,
        crate::stream::attachment(&name),
    );
    Ok(response)
}
