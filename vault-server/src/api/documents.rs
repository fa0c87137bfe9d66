//! Documents: streamed uploads and downloads, listing, history, verification, deletion.
//!
//! An upload is encrypted while it arrives: the body goes through a bounded channel to a
//! blocking thread that runs vault-core's `add_document`, so memory stays a few chunks
//! whatever the size. The document becomes visible only once complete and durable; a
//! body cut off stores nothing.

use axum::body::Body;
use axum::extract::{Path, Query, Request, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use bytes::Bytes;
use futures_util::Stream;
use serde::{Deserialize, Serialize};
use vault_core::{
    check_filename, DocumentId, DocumentInfo, DocumentKind, DocumentMeta, NewDocument,
};

use super::{blocking, parse_id};
use crate::auth::Auth;
use crate::error::{ApiError, ApiResult};
use crate::multipart::{Form, Part, SMALL_PART};
use crate::state::AppState;
use crate::stream::{attachment, body_from_reader, stream_into, UploadReader};

/// `GET /cases/{case}/documents`.
pub async fn list(
    State(state): State<AppState>,
    auth: Auth,
    Path(case): Path<String>,
) -> ApiResult<Json<Vec<DocumentInfo>>> {
    let vault = state.vault()?;
    let case = parse_id(&case)?;
    blocking(move || vault.list_documents(&auth.session, &case))
        .await
        .map(Json)
}

/// What the query string says about an upload.
#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct UploadQuery {
    kind: Option<String>,
    filename: Option<String>,
    media_type: Option<String>,
    note: Option<String>,
}

fn query<T: serde::de::DeserializeOwned + Default>(request: &Request) -> ApiResult<T> {
    let Some(raw) = request.uri().query() else {
        return Ok(T::default());
    };
    // serde_urlencoded would turn bytes that are not UTF-8 into U+FFFD.
    if crate::web::form::strict_pairs(raw.as_bytes()).is_err() {
        return Err(ApiError::not_utf8("invalid_query"));
    }
    Query::<T>::try_from_uri(request.uri())
        .map(|Query(q)| q)
        .map_err(|e| {
            ApiError::said_with(
                StatusCode::BAD_REQUEST,
                "invalid_query",
                "api-invalid-query",
                &[("detail", e.body_text().into())],
            )
        })
}

fn kind(text: Option<&str>) -> ApiResult<DocumentKind> {
    let text =
        text.ok_or_else(|| ApiError::said(StatusCode::BAD_REQUEST, "invalid", "api-missing-kind"))?;
    text.parse().map_err(ApiError::from)
}

/// A media type from the file name's extension; the stored type is informative only
/// (downloads are always served as attachments).
fn media_type(filename: &str) -> &'static str {
    let ext = filename
        .rsplit_once('.')
        .map(|(_, e)| e.to_ascii_lowercase());
    match ext.as_deref() {
        Some("pdf") => "application/pdf",
        Some("jpg" | "jpeg") => "image/jpeg",
        Some("png") => "image/png",
        Some("heic") => "image/heic",
        Some("webp") => "image/webp",
        Some("txt") => "text/plain",
        Some("odt") => "application/vnd.oasis.opendocument.text",
        Some("doc") => "application/msword",
        Some("docx") => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        Some("mp3") => "audio/mpeg",
        Some("m4a") => "audio/mp4",
        Some("mp4") => "video/mp4",
        _ => "application/octet-stream",
    }
}

fn new_document(
    kind: DocumentKind,
    filename: Option<String>,
    q: &UploadQuery,
) -> ApiResult<NewDocument> {
    let filename = filename.ok_or_else(|| {
        ApiError::said(StatusCode::BAD_REQUEST, "invalid", "api-missing-filename")
    })?;
    check_filename(&filename)?;
    let media_type = q
        .media_type
        .clone()
        .unwrap_or_else(|| media_type(&filename).to_owned());
    Ok(NewDocument {
        kind,
        filename,
        media_type,
        note: q.note.clone(),
    })
}

/// The upload limit: the server's and the vault's, whichever is lower.
fn limit(state: &AppState, vault: &vault_core::Vault) -> u64 {
    state
        .config()
        .max_upload_bytes
        .min(vault.max_document_bytes())
}

/// 413 at once when the declared length is over the limit.
fn check_length(headers: &HeaderMap, limit: u64) -> ApiResult<()> {
    let declared = headers
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok());
    match declared {
        // Multipart framing adds a little: allow 64 KiB for it.
        Some(n) if n > limit.saturating_add(64 * 1024) => Err(ApiError::too_large(limit)),
        _ => Ok(()),
    }
}

/// Streams `chunks` into `work`, which runs on a blocking thread.
async fn store<T: Send + 'static, E: std::fmt::Display>(
    chunks: impl Stream<Item = Result<Bytes, E>> + Unpin,
    limit: u64,
    work: impl FnOnce(UploadReader) -> vault_core::Result<T> + Send + 'static,
) -> ApiResult<T> {
    match stream_into(chunks, limit, work).await {
        (Ok(v), _) => Ok(v),
        (Err(vault_core::Error::TooLarge { .. }), _) => Err(ApiError::too_large(limit)),
        (Err(_), false) => {
            tracing::info!("upload cut off; nothing stored");
            Err(ApiError::said(
                StatusCode::BAD_REQUEST,
                "upload_interrupted",
                "api-upload-interrupted",
            ))
        }
        (Err(e), true) => Err(e.into()),
    }
}

#[derive(Serialize)]
pub struct Created {
    id: DocumentId,
}

/// `POST /cases/{case}/documents?kind=KIND&filename=NAME`: the raw body is the file;
/// `multipart/form-data` is accepted too (a `kind` field, then a `file` field).
pub async fn upload(
    State(state): State<AppState>,
    auth: Auth,
    Path(case): Path<String>,
    request: Request,
) -> ApiResult<(StatusCode, Json<Created>)> {
    let vault = state.vault()?;
    let case: vault_core::CaseId = parse_id(&case)?;
    let q: UploadQuery = query(&request)?;
    let limit = limit(&state, &vault);
    check_length(request.headers(), limit)?;
    let multipart = request
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("multipart/form-data"));
    let id = if multipart {
        let mut form = Form::from_request(request, &state)
            .await
            .map_err(|_| invalid_form())?;
        let mut kind_field = q.kind.clone();
        loop {
            let Some(part) = form.next().await.map_err(|_| invalid_form())? else {
                return Err(ApiError::said(
                    StatusCode::BAD_REQUEST,
                    "invalid_form",
                    "api-form-no-file",
                ));
            };
            match part.field.name() {
                Some("kind") => {
                    kind_field = Some(small_text(part).await?);
                }
                Some("file") => {
                    let kind = kind(kind_field.as_deref())?;
                    let filename = q
                        .filename
                        .clone()
                        .or(part.field.file_name().map(str::to_owned));
                    let new = new_document(kind, filename, &q)?;
                    let session = auth.session.clone();
                    let v = vault.clone();
                    break store(part, limit, move |reader| {
                        v.add_document(&session, &case, reader, &new)
                    })
                    .await?;
                }
                _ => {
                    // Other fields are ignored.
                    if !part.skip(SMALL_PART).await {
                        return Err(invalid_form());
                    }
                }
            }
        }
    } else {
        let new = new_document(kind(q.kind.as_deref())?, q.filename.clone(), &q)?;
        let body = request.into_body().into_data_stream();
        let session = auth.session.clone();
        store(body, limit, move |reader| {
            vault.add_document(&session, &case, reader, &new)
        })
        .await?
    };
    Ok((StatusCode::CREATED, Json(Created { id })))
}

fn invalid_form() -> ApiError {
    ApiError::said(StatusCode::BAD_REQUEST, "invalid_form", "api-form-invalid")
}

/// A short text field of a form (a kind's name): at most 64 bytes are read.
pub(crate) async fn small_text(mut part: Part<'_>) -> ApiResult<String> {
    const MAX: usize = 64;
    let invalid = || {
        ApiError::said(
            StatusCode::BAD_REQUEST,
            "invalid_form",
            "api-form-kind-unreadable",
        )
    };
    let mut text = Vec::new();
    while let Some(chunk) = part.chunk().await.map_err(|_| invalid())? {
        if text.len() + chunk.len() > MAX {
            return Err(invalid());
        }
        text.extend_from_slice(&chunk);
    }
    String::from_utf8(text).map_err(|_| invalid())
}

/// `POST /documents/{doc}/versions?filename=NAME`: a new version (raw body); the kind
/// stays the document's; evidence is refused.
pub async fn add_version(
    State(state): State<AppState>,
    auth: Auth,
    Path(doc): Path<String>,
    request: Request,
) -> ApiResult<(StatusCode, Json<serde_json::Value>)> {
    let vault = state.vault()?;
    let doc: DocumentId = parse_id(&doc)?;
    let q: UploadQuery = query(&request)?;
    let limit = limit(&state, &vault);
    check_length(request.headers(), limit)?;
    // The kind is ignored for versions; "other" only fills the field.
    let new = new_document(DocumentKind::Other, q.filename.clone(), &q)?;
    let body = request.into_body().into_data_stream();
    let id = doc.clone();
    let version = store(body, limit, move |reader| {
        vault.add_version(&auth.session, &doc, reader, &new)
    })
    .await?;
    Ok((
        StatusCode::CREATED,
        Json(serde_json::json!({ "id": id, "version": version })),
    ))
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct VersionQuery {
    version: Option<u32>,
}

/// `GET /documents/{doc}/content[?version=N]`: the plaintext, streamed, as an attachment.
/// The read is in the access log before the first byte leaves.
pub async fn content(
    State(state): State<AppState>,
    auth: Auth,
    Path(doc): Path<String>,
    request: Request,
) -> ApiResult<Response> {
    let vault = state.vault()?;
    let doc: DocumentId = parse_id(&doc)?;
    let q: VersionQuery = query(&request)?;
    let (meta, reader) =
        blocking(move || vault.open_document(&auth.session, &doc, q.version)).await?;
    Ok(download_response(&meta, reader))
}

/// A document as a download: streamed, with its length, a safe file name and its BLAKE3.
pub(crate) fn download_response(
    meta: &vault_core::DocumentMeta,
    reader: impl std::io::Read + Send + 'static,
) -> Response {
    let mut response = Body::new(body_from_reader(reader)).into_response();
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/octet-stream"),
    );
    headers.insert(header::CONTENT_LENGTH, HeaderValue::from(meta.size));
    headers.insert(header::CONTENT_DISPOSITION, attachment(&meta.filename));
    if let Ok(v) = HeaderValue::from_str(&meta.blake3) {
        headers.insert("x-content-blake3", v);
    }
    response
}

/// A document as it leaves through a link: a cleaned copy (its own length, and no BLAKE3
/// header: the hash is the original's) or the original.
pub(crate) fn outgoing_response(
    meta: &vault_core::DocumentMeta,
    out: vault_core::Outgoing,
) -> Response {
    let length = out.len(meta);
    let original = matches!(out.copy, vault_core::Sent::Original);
    let mut response = download_response(meta, out);
    let headers = response.headers_mut();
    headers.insert(header::CONTENT_LENGTH, HeaderValue::from(length));
    if !original {
        headers.remove("x-content-blake3");
    }
    response
}

#[derive(Serialize)]
pub struct History {
    id: DocumentId,
    /// Every version, oldest first.
    versions: Vec<DocumentMeta>,
}

/// `GET /documents/{doc}`: the metadata of every version.
pub async fn history(
    State(state): State<AppState>,
    auth: Auth,
    Path(doc): Path<String>,
) -> ApiResult<Json<History>> {
    let vault = state.vault()?;
    let doc: DocumentId = parse_id(&doc)?;
    let id = doc.clone();
    let versions = blocking(move || vault.document_history(&auth.session, &doc)).await?;
    Ok(Json(History { id, versions }))
}

/// `POST /documents/{doc}/verify`: re-reads every version against its recorded hash.
/// Damage is an answer here, not a failure: `{"ok": false, "problem": ...}`.
pub async fn verify(
    State(state): State<AppState>,
    auth: Auth,
    Path(doc): Path<String>,
) -> ApiResult<Json<serde_json::Value>> {
    let vault = state.vault()?;
    let doc: DocumentId = parse_id(&doc)?;
    match blocking(move || vault.verify_document(&auth.session, &doc)).await {
        Ok(n) => Ok(Json(serde_json::json!({ "ok": true, "versions": n }))),
        Err(e) if e.code == "document_damaged" => Ok(Json(
            serde_json::json!({ "ok": false, "problem": e.message }),
        )),
        Err(e) => Err(e),
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Reclassify {
    kind: DocumentKind,
}

/// `PATCH /documents/{doc}` with `{"kind": ...}`: files a document under another kind
/// (uploads from beneficiaries arrive as `other`); evidence stays evidence.
pub async fn reclassify(
    State(state): State<AppState>,
    auth: Auth,
    Path(doc): Path<String>,
    super::ApiJson(body): super::ApiJson<Reclassify>,
) -> ApiResult<Json<History>> {
    let vault = state.vault()?;
    let doc: DocumentId = parse_id(&doc)?;
    let id = doc.clone();
    let versions = blocking(move || {
        vault.set_document_kind(&auth.session, &doc, body.kind)?;
        vault.document_history(&auth.session, &doc)
    })
    .await?;
    Ok(Json(History { id, versions }))
}

/// `DELETE /documents/{doc}`: deletes a document and its versions (never evidence).
pub async fn delete(
    State(state): State<AppState>,
    auth: Auth,
    Path(doc): Path<String>,
) -> ApiResult<StatusCode> {
    let vault = state.vault()?;
    let doc: DocumentId = parse_id(&doc)?;
    blocking(move || vault.delete_document(&auth.session, &doc)).await?;
    Ok(StatusCode::NO_CONTENT)
}
