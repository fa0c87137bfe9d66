//! Share links and upload links, for the team of a case: create (the address is in the
//! answer, once), list, revoke.

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::Json;
use secrecy::{ExposeSecret, SecretString};
use serde::{Deserialize, Serialize};
use vault_core::{
    parse_duration, parse_size, CaseId, Form, LinkId, LinkToken, NewShare, NewUploadLink,
    ShareInfo, UploadLinkInfo,
};

use super::session::with_kdf_slot;
use super::{blocking, parse_id, ApiJson};
use crate::auth::Auth;
use crate::error::{ApiError, ApiResult};
use crate::state::AppState;

/// `"7d"` or seconds; `"200MiB"` or bytes.
#[derive(Deserialize)]
#[serde(untagged)]
pub enum Amount {
    Number(u64),
    Text(String),
}

impl Amount {
    fn duration(this: Option<Amount>) -> ApiResult<Option<u64>> {
        Ok(match this {
            None => None,
            Some(Amount::Number(n)) => Some(n),
            Some(Amount::Text(t)) => Some(parse_duration(&t)?),
        })
    }

    fn size(this: Option<Amount>) -> ApiResult<Option<u64>> {
        Ok(match this {
            None => None,
            Some(Amount::Number(n)) => Some(n),
            Some(Amount::Text(t)) => Some(parse_size(&t)?),
        })
    }
}

/// No Debug: it holds a passphrase.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NewShareBody {
    documents: Vec<String>,
    #[serde(default)]
    expires: Option<Amount>,
    #[serde(default)]
    max_downloads: Option<u32>,
    #[serde(default)]
    passphrase: Option<SecretString>,
    #[serde(default)]
    label: Option<String>,
    /// Shown to the recipient on the link's page.
    #[serde(default)]
    message: Option<String>,
    /// The lawyer's own age recipients: every download is encrypted to them.
    #[serde(default)]
    to: Vec<String>,
    /// The originals, with their metadata (GPS, authors...), rather than cleaned copies.
    #[serde(default)]
    originals: bool,
}

/// A new link and its address, shown this once.
#[derive(Serialize)]
pub struct Made<T> {
    link: T,
    url: String,
}

pub(crate) fn url(state: &AppState, kind: &str, token: &LinkToken) -> String {
    format!(
        "{}/{kind}/{}",
        state.config().public_url.trim_end_matches('/'),
        token.to_secret_string().expose_secret()
    )
}

/// `POST /cases/{case}/shares`.
pub async fn create_share(
    State(state): State<AppState>,
    auth: Auth,
    Path(case): Path<String>,
    ApiJson(body): ApiJson<NewShareBody>,
) -> ApiResult<(StatusCode, Json<Made<ShareInfo>>)> {
    let vault = state.vault()?;
    let case: CaseId = parse_id(&case)?;
    let documents = body
        .documents
        .iter()
        .map(|d| d.parse())
        .collect::<Result<Vec<_>, _>>()
        .map_err(|_| {
            ApiError::said(
                StatusCode::BAD_REQUEST,
                "invalid",
                "api-invalid-document-id",
            )
        })?;
    let new = NewShare {
        documents,
        expires_in: Amount::duration(body.expires)?,
        max_downloads: body.max_downloads,
        passphrase: body.passphrase.filter(|p| !p.expose_secret().is_empty()),
        label: body.label.filter(|l| !l.trim().is_empty()),
        message: body.message.filter(|m| !m.trim().is_empty()),
        to: super::recipients(&body.to)?,
        form: if body.originals {
            Form::Original
        } else {
            Form::Cleaned
        },
    };
    // A passphrase is stretched with argon2: on the bounded pool.
    let (info, token) = if new.passphrase.is_some() {
        with_kdf_slot(&state, move || {
            vault.create_share(&auth.session, &case, &new)
        })
        .await?
    } else {
        blocking(move || vault.create_share(&auth.session, &case, &new)).await?
    };
    let url = url(&state, "s", &token);
    Ok((StatusCode::CREATED, Json(Made { link: info, url })))
}

/// `GET /cases/{case}/shares`.
pub async fn list_shares(
    State(state): State<AppState>,
    auth: Auth,
    Path(case): Path<String>,
) -> ApiResult<Json<Vec<ShareInfo>>> {
    let vault = state.vault()?;
    let case: CaseId = parse_id(&case)?;
    blocking(move || vault.list_shares(&auth.session, &case))
        .await
        .map(Json)
}

/// `DELETE /shares/{id}`: its keys are destroyed at once.
pub async fn revoke_share(
    State(state): State<AppState>,
    auth: Auth,
    Path(id): Path<String>,
) -> ApiResult<StatusCode> {
    let vault = state.vault()?;
    let id: LinkId = parse_id(&id)?;
    blocking(move || vault.revoke_share(&auth.session, &id)).await?;
    Ok(StatusCode::NO_CONTENT)
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NewUploadBody {
    #[serde(default)]
    expires: Option<Amount>,
    #[serde(default)]
    max_files: Option<u32>,
    #[serde(default)]
    max_bytes: Option<Amount>,
}

/// `POST /cases/{case}/upload-links`.
pub async fn create_upload_link(
    State(state): State<AppState>,
    auth: Auth,
    Path(case): Path<String>,
    ApiJson(body): ApiJson<NewUploadBody>,
) -> ApiResult<(StatusCode, Json<Made<UploadLinkInfo>>)> {
    let vault = state.vault()?;
    let case: CaseId = parse_id(&case)?;
    let new = NewUploadLink {
        expires_in: Amount::duration(body.expires)?,
        max_files: body.max_files,
        max_bytes: Amount::size(body.max_bytes)?,
    };
    let (info, token) =
        blocking(move || vault.create_upload_link(&auth.session, &case, &new)).await?;
    let url = url(&state, "u", &token);
    Ok((StatusCode::CREATED, Json(Made { link: info, url })))
}

/// `GET /cases/{case}/upload-links`.
pub async fn list_upload_links(
    State(state): State<AppState>,
    auth: Auth,
    Path(case): Path<String>,
) -> ApiResult<Json<Vec<UploadLinkInfo>>> {
    let vault = state.vault()?;
    let case: CaseId = parse_id(&case)?;
    blocking(move || vault.list_upload_links(&auth.session, &case))
        .await
        .map(Json)
}

/// `DELETE /upload-links/{id}`.
pub async fn revoke_upload_link(
    State(state): State<AppState>,
    auth: Auth,
    Path(id): Path<String>,
) -> ApiResult<StatusCode> {
    let vault = state.vault()?;
    let id: LinkId = parse_id(&id)?;
    blocking(move || vault.revoke_upload_link(&auth.session, &id)).await?;
    Ok(StatusCode::NO_CONTENT)
}
