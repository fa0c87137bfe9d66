//! The JSON API under `/api/v1`, described by `openapi.json` (served at
//! `/api/v1/openapi.json`). Handlers are thin: they parse, call vault-core on a blocking
//! thread (it encrypts, hashes and fsyncs) and shape the answer; authorization and the
//! access log are vault-core's.

mod admin;
pub(crate) mod cases;
pub(crate) mod documents;
pub(crate) mod links;
pub(crate) mod session;

use axum::extract::rejection::JsonRejection;
use axum::extract::{DefaultBodyLimit, FromRequest, Request};
use axum::http::{header, StatusCode};
use axum::response::IntoResponse;
use axum::routing::{delete, get, post, put};
use axum::Router;
use serde::de::DeserializeOwned;

use crate::error::{ApiError, ApiResult};
use crate::state::AppState;

/// The OpenAPI 3.1 description of this API.
pub const OPENAPI: &str = include_str!("openapi.json");

/// JSON bodies other than uploads are small.
const JSON_LIMIT: usize = 256 * 1024;

pub fn routes() -> Router<AppState> {
    let json = Router::new()
        .route(
            "/session",
            post(session::sign_in)
                .get(session::whoami)
                .delete(session::sign_out),
        )
        .route("/session/password", put(session::change_password))
        .route("/users", get(admin::list_users).post(admin::create_user))
        .route("/users/{user}/recover", post(admin::recover_user))
        .route("/teams", get(admin::list_teams).post(admin::create_team))
        .route("/teams/{team}/members", post(admin::add_member))
        .route("/teams/{team}/members/{user}", delete(admin::remove_member))
        .route("/cases", get(cases::list).post(cases::create))
        .route("/cases/search", post(cases::search))
        .route(
            "/cases/{case}",
            get(cases::show).patch(cases::update).delete(cases::erase),
        )
        .route("/cases/{case}/access-report", get(cases::access_report))
        .route("/cases/{case}/bundles", post(cases::bundle))
        .route(
            "/documents/{doc}",
            get(documents::history)
                .patch(documents::reclassify)
                .delete(documents::delete),
        )
        .route("/documents/{doc}/verify", post(documents::verify))
        .route(
            "/cases/{case}/shares",
            get(links::list_shares).post(links::create_share),
        )
        .route("/shares/{id}", delete(links::revoke_share))
        .route(
            "/cases/{case}/upload-links",
            get(links::list_upload_links).post(links::create_upload_link),
        )
        .route("/upload-links/{id}", delete(links::revoke_upload_link))
        .route("/log/checkpoint", get(cases::checkpoint))
        .route(
            "/admin/backups",
            get(admin::backup_status).post(admin::create_backup),
        )
        .route("/openapi.json", get(openapi))
        .layer(DefaultBodyLimit::max(JSON_LIMIT))
        .layer(axum::middleware::from_fn(crate::middleware::body_idle));
    // Document bodies stream with their own limit (`Config::max_upload_bytes`).
    let streams = Router::new()
        .route(
            "/cases/{case}/documents",
            get(documents::list).post(documents::upload),
        )
        .route("/documents/{doc}/versions", post(documents::add_version))
        .route("/documents/{doc}/content", get(documents::content))
        .layer(DefaultBodyLimit::disable());
    json.merge(streams)
}

async fn openapi() -> impl IntoResponse {
    ([(header::CONTENT_TYPE, "application/json")], OPENAPI)
}

/// Runs vault-core work on a blocking thread.
pub(crate) async fn blocking<T: Send + 'static>(
    work: impl FnOnce() -> vault_core::Result<T> + Send + 'static,
) -> ApiResult<T> {
    tokio::task::spawn_blocking(work)
        .await
        .map_err(|e| ApiError::internal(&e))?
        .map_err(ApiError::from)
}

/// A JSON body whose rejections are answered in the API's error format.
pub(crate) struct ApiJson<T>(pub T);

impl<T: DeserializeOwned, S: Send + Sync> FromRequest<S> for ApiJson<T> {
    type Rejection = ApiError;

    async fn from_request(req: Request, state: &S) -> Result<Self, ApiError> {
        let rejection: JsonRejection = match axum::Json::<T>::from_request(req, state).await {
            Ok(axum::Json(v)) => return Ok(ApiJson(v)),
            Err(rejection) => rejection,
        };
        match rejection.status() {
            StatusCode::PAYLOAD_TOO_LARGE => Err(ApiError::too_large(JSON_LIMIT as u64)),
            StatusCode::UNSUPPORTED_MEDIA_TYPE => Err(ApiError::said(
                StatusCode::UNSUPPORTED_MEDIA_TYPE,
                "unsupported_media_type",
                "api-json-only",
            )),
            _ => {
                // serde's message can quote the value it refused (a password sent as a
                // number, say): only the field's name is passed on.
                let field = match &rejection {
                    JsonRejection::JsonDataError(e) => field_of(&e.body_text()),
                    _ => None,
                };
                Err(match field {
                    Some(field) => ApiError::said_with(
                        StatusCode::BAD_REQUEST,
                        "invalid_json",
                        "api-invalid-json-field",
                        &[("field", field.into())],
                    ),
                    None => {
                        ApiError::said(StatusCode::BAD_REQUEST, "invalid_json", "api-invalid-json")
                    }
                })
            }
        }
    }
}

/// The field an error of serde's names: the path before the reason ("password: invalid
/// type ..."), or the name in "missing field `x`" / "unknown field `x`"; never a value.
fn field_of(text: &str) -> Option<String> {
    let text = text.strip_prefix("Failed to deserialize the JSON body into the target type: ")?;
    let plain = |s: &str| {
        !s.is_empty()
            && s.len() <= 64
            && s.bytes()
                .all(|b| b.is_ascii_alphanumeric() || b"_.[]".contains(&b))
    };
    for marker in ["missing field `", "unknown field `"] {
        if let Some(rest) = text.find(marker).map(|i| &text[i + marker.len()..]) {
            let name = rest.split('`').next().unwrap_or("");
            return plain(name).then(|| name.to_owned());
        }
    }
    let path = text.split(": ").next().unwrap_or("");
    plain(path).then(|| path.to_owned())
}

/// Parses an id from the path: 32 hex characters, else 404 (the id cannot exist).
pub(crate) fn parse_id<T: std::str::FromStr>(text: &str) -> ApiResult<T> {
    text.parse().map_err(|_| ApiError::not_found())
}

/// A lawyer's own age recipients as a JSON list of `age1...` (a share's, a bundle's).
pub(crate) fn recipients(list: &[String]) -> ApiResult<Vec<vault_core::PublicKey>> {
    let to = list
        .iter()
        .map(|r| vault_core::PublicKey::parse(r))
        .collect::<vault_core::Result<Vec<_>>>()?;
    vault_core::check_recipients(&to)?;
    Ok(to)
}

#[cfg(test)]
mod tests {
    use super::field_of;

    #[test]
    fn json_errors_name_the_field_never_the_value() {
        let p = "Failed to deserialize the JSON body into the target type: ";
        let cases = [
            (
                "password: invalid type: integer `123456`, expected a string at line 1 column 30",
                Some("password"),
            ),
            ("missing field `user` at line 1 column 2", Some("user")),
            (
                "unknown field `admin`, expected `user` or `password` at line 1 column 9",
                Some("admin"),
            ),
            (
                "kind: unknown variant `secret-value`, expected one of `identity` at line 1",
                Some("kind"),
            ),
            (
                "invalid type: string \"hunter2\", expected struct at line 1 column 9",
                None,
            ),
        ];
        for (text, field) in cases {
            let got = field_of(&format!("{p}{text}"));
            assert_eq!(got.as_deref(), field, "{text}");
        }
    }
}
