//! The fields of a submitted form (`application/x-www-form-urlencoded`), repeated names
//! included (document check boxes). No Debug: forms carry passwords.

use axum::extract::{FromRequest, Request};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use secrecy::SecretString;

use crate::stream::BODY_IDLE;

/// Forms are small: names, a profile, a password.
const LIMIT: usize = 64 * 1024;

/// The decoded pairs of a form, in order.
pub struct Fields {
    pairs: Vec<(String, String)>,
}

impl Fields {
    /// Parses a form body.
    pub fn parse(body: &[u8]) -> Fields {
        Fields {
            pairs: form_urlencoded::parse(body).into_owned().collect(),
        }
    }

    /// The first value of `name`.
    pub fn get(&self, name: &str) -> Option<&str> {
        self.pairs
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }

    /// The first value of `name`, trimmed, if not empty.
    pub fn text(&self, name: &str) -> Option<String> {
        self.get(name)
            .map(str::trim)
            .filter(|v| !v.is_empty())
            .map(str::to_owned)
    }

    /// Every value of `name`.
    pub fn all(&self, name: &str) -> Vec<&str> {
        self.pairs
            .iter()
            .filter(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
            .collect()
    }

    /// A secret field (password, passphrase, recovery key), if not empty.
    pub fn secret(&self, name: &str) -> Option<SecretString> {
        self.get(name)
            .filter(|v| !v.is_empty())
            .map(|v| SecretString::from(v.to_owned()))
    }
}

impl Drop for Fields {
    fn drop(&mut self) {
        use zeroize::Zeroize;
        for (k, v) in &mut self.pairs {
            k.zeroize();
            v.zeroize();
        }
    }
}

impl<S: Send + Sync> FromRequest<S> for Fields {
    type Rejection = Response;

    async fn from_request(req: Request, _: &S) -> Result<Self, Response> {
        let form = req
            .headers()
            .get(axum::http::header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.starts_with("application/x-www-form-urlencoded"));
        if !form {
            return Err(StatusCode::UNSUPPORTED_MEDIA_TYPE.into_response());
        }
        // A small form has a minute to arrive whole: a client trickling it must not hold
        // the connection for ever.
        let body = tokio::time::timeout(BODY_IDLE, axum::body::to_bytes(req.into_body(), LIMIT))
            .await
            .map_err(|_| StatusCode::REQUEST_TIMEOUT.into_response())?
            .map_err(|_| StatusCode::PAYLOAD_TOO_LARGE.into_response())?;
        // Forms carry passwords: our copy of the raw body is wiped once parsed (the
        // connection's own buffers are hyper's, and are not).
        let body = zeroize::Zeroizing::new(Vec::from(body));
        Ok(Fields::parse(&body))
    }
}

#[cfg(test)]
mod tests {
    use super::Fields;

    #[test]
    fn repeated_names_and_escapes() {
        let f = Fields::parse(b"csrf=a%2Bb&documents=1&documents=2&name=+Ana+Lopez+&empty=");
        assert_eq!(f.get("csrf"), Some("a+b"));
        assert_eq!(f.all("documents"), ["1", "2"]);
        assert_eq!(f.text("name").as_deref(), Some("Ana Lopez"));
        assert_eq!(f.text("empty"), None);
        assert!(f.secret("empty").is_none());
    }
}
