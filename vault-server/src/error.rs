//! The server's one error type: every handler returns it, and it becomes a JSON answer
//! `{"error": CODE, "message": TEXT}` with the right status. A 5xx answer says little; the
//! detail goes to the log (never a secret: vault-core's errors hold none).

use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use vault_core::Error;
use vault_words::{Arg, Locale};

/// An error answered to a client.
#[derive(Debug)]
pub struct ApiError {
    /// HTTP status.
    pub status: StatusCode,
    /// Stable machine-readable code, e.g. `not_found`.
    pub code: &'static str,
    /// French first, then English.
    pub message: String,
    /// Seconds to wait before retrying (429, 503).
    pub retry_after: Option<u64>,
    fr: String,
    en: String,
}

impl ApiError {
    /// An error with a status, a code and a bilingual message.
    pub fn new(status: StatusCode, code: &'static str, fr: &str, en: &str) -> Self {
        ApiError {
            status,
            code,
            message: format!("{fr} / {en}"),
            retry_after: None,
            fr: fr.to_owned(),
            en: en.to_owned(),
        }
    }

    /// An error said in French and English by `words`.
    pub fn in_both(
        status: StatusCode,
        code: &'static str,
        words: impl Fn(Locale) -> String,
    ) -> Self {
        ApiError::new(status, code, &words(Locale::Fr), &words(Locale::En))
    }

    /// An error whose words are the message `id` of `api.ftl`, in French and English.
    pub fn said(status: StatusCode, code: &'static str, id: &str) -> Self {
        ApiError::said_with(status, code, id, &[])
    }

    /// [`ApiError::said`] with the message's variables.
    pub fn said_with(status: StatusCode, code: &'static str, id: &str, args: &[Arg<'_>]) -> Self {
        ApiError::in_both(status, code, |l| l.say_with(id, args))
    }

    /// 400 with a code and message.
    pub fn bad_request(code: &'static str, fr: &str, en: &str) -> Self {
        ApiError::new(StatusCode::BAD_REQUEST, code, fr, en)
    }

    /// 401: no valid session.
    pub fn unauthenticated() -> Self {
        ApiError::said(
            StatusCode::UNAUTHORIZED,
            "unauthenticated",
            "api-unauthenticated",
        )
    }

    /// 404 for a route or object that does not exist.
    pub fn not_found() -> Self {
        ApiError::said(StatusCode::NOT_FOUND, "not_found", "api-not-found")
    }

    /// 413: the body is larger than `limit` bytes.
    pub fn too_large(limit: u64) -> Self {
        ApiError::said_with(
            StatusCode::PAYLOAD_TOO_LARGE,
            "too_large",
            "api-too-large",
            &[("limit", limit.into())],
        )
    }

    /// 400: a form or query string whose fields are not UTF-8 once decoded.
    pub fn not_utf8(code: &'static str) -> Self {
        ApiError::bad_request(
            code,
            crate::i18n::FR.form_not_utf8,
            crate::i18n::EN.form_not_utf8,
        )
    }

    /// 400: a multipart part's file name that is not UTF-8.
    pub fn file_name_not_utf8() -> Self {
        ApiError::bad_request(
            "invalid_name",
            crate::i18n::FR.file_name_not_utf8,
            crate::i18n::EN.file_name_not_utf8,
        )
    }

    /// 500 whose detail is logged, not answered.
    pub fn internal(detail: &dyn std::fmt::Display) -> Self {
        tracing::error!(error = %detail, "internal error");
        ApiError::said(
            StatusCode::INTERNAL_SERVER_ERROR,
            "internal",
            "api-internal",
        )
    }

    /// The message in French (`fr`) or English.
    pub fn message_in(&self, lang: &str) -> &str {
        if lang == "fr" {
            &self.fr
        } else {
            &self.en
        }
    }

    /// Adds a Retry-After.
    pub fn retry_after(mut self, seconds: u64) -> Self {
        self.retry_after = Some(seconds.max(1));
        self
    }
}

impl From<Error> for ApiError {
    fn from(e: Error) -> Self {
        if let Error::BadName { .. } = &e {
            return ApiError::in_both(StatusCode::BAD_REQUEST, "invalid_name", |l| {
                vault_words::error_message(l, &e)
            });
        }
        let (status, code) = match &e {
            Error::BadCredentials => (StatusCode::UNAUTHORIZED, "bad_credentials"),
            Error::BadRecoveryKey => (StatusCode::BAD_REQUEST, "bad_recovery_key"),
            Error::Denied(_) => (StatusCode::FORBIDDEN, "forbidden"),
            Error::NotFound { .. } => (StatusCode::NOT_FOUND, "not_found"),
            Error::Duplicate { .. } => (StatusCode::CONFLICT, "conflict"),
            Error::Invalid { .. } => (StatusCode::BAD_REQUEST, "invalid"),
            Error::Immutable => (StatusCode::CONFLICT, "immutable"),
            Error::TooLarge { .. } => (StatusCode::PAYLOAD_TOO_LARGE, "too_large"),
            Error::LogUnavailable => (StatusCode::SERVICE_UNAVAILABLE, "log_unavailable"),
            Error::DiskFull => (StatusCode::INSUFFICIENT_STORAGE, "disk_full"),
            Error::Busy => (StatusCode::SERVICE_UNAVAILABLE, "busy"),
            Error::Storage { .. } => (StatusCode::SERVICE_UNAVAILABLE, "storage_unavailable"),
            Error::DocumentDamaged(_) => (StatusCode::INTERNAL_SERVER_ERROR, "document_damaged"),
            _ => return ApiError::internal(&e),
        };
        if status.is_server_error() {
            tracing::error!(error = %e, "request failed");
        }
        ApiError::in_both(status, code, |l| vault_words::error_message(l, &e))
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let body = serde_json::json!({ "error": self.code, "message": self.message });
        let mut response = (self.status, Json(body)).into_response();
        if let Some(seconds) = self.retry_after {
            response
                .headers_mut()
                .insert(header::RETRY_AFTER, HeaderValue::from(seconds));
        }
        response
    }
}

/// The result type of handlers.
pub type ApiResult<T> = Result<T, ApiError>;
