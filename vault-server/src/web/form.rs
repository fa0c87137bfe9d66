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

/// A form or query string with a name or value that is not UTF-8 once decoded.
#[derive(Debug)]
pub struct NotUtf8;

/// One name or value: `+` is a space, `%XX` a byte (a `%` not followed by two hex digits
/// stays), and the bytes must be UTF-8: `form_urlencoded` would put U+FFFD instead.
fn decode(text: &[u8]) -> Result<String, NotUtf8> {
    let hex = |b: u8| (b as char).to_digit(16).map(|d| d as u8);
    let mut out = Vec::with_capacity(text.len());
    let mut i = 0;
    while i < text.len() {
        match text[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < text.len() => match (hex(text[i + 1]), hex(text[i + 2])) {
                (Some(h), Some(l)) => {
                    out.push(h * 16 + l);
                    i += 2;
                }
                _ => out.push(b'%'),
            },
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8(out).map_err(|e| {
        use zeroize::Zeroize;
        e.into_bytes().zeroize();
        NotUtf8
    })
}

/// The decoded pairs of a form body or query string, refusing what is not UTF-8.
pub fn strict_pairs(body: &[u8]) -> Result<Vec<(String, String)>, NotUtf8> {
    body.split(|&b| b == b'&')
        .filter(|pair| !pair.is_empty())
        .map(|pair| {
            let (name, value) = match pair.iter().position(|&b| b == b'=') {
                Some(i) => (&pair[..i], &pair[i + 1..]),
                None => (pair, &[][..]),
            };
            Ok((decode(name)?, decode(value)?))
        })
        .collect()
}

impl Fields {
    /// Every field, in the order sent.
    pub fn pairs(&self) -> impl Iterator<Item = (&str, &str)> {
        self.pairs.iter().map(|(k, v)| (k.as_str(), v.as_str()))
    }

    /// Parses a form body; a name or value that is not UTF-8 is refused.
    pub fn parse(body: &[u8]) -> Result<Fields, NotUtf8> {
        Ok(Fields {
            pairs: strict_pairs(body)?,
        })
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
        Fields::parse(&body)
            .map_err(|NotUtf8| crate::error::ApiError::not_utf8("invalid_form").into_response())
    }
}

#[cfg(test)]
mod tests {
    use super::Fields;

    #[test]
    fn repeated_names_and_escapes() {
        let f =
            Fields::parse(b"csrf=a%2Bb&documents=1&documents=2&name=+Ana+Lopez+&empty=").unwrap();
        assert_eq!(f.get("csrf"), Some("a+b"));
        assert_eq!(f.all("documents"), ["1", "2"]);
        assert_eq!(f.text("name").as_deref(), Some("Ana Lopez"));
        assert_eq!(f.text("empty"), None);
        assert!(f.secret("empty").is_none());
    }

    #[test]
    fn bytes_that_are_not_utf8_are_refused_not_replaced() {
        assert!(Fields::parse(b"name=Amina%FF").is_err());
        assert!(Fields::parse(b"na%C3me=x").is_err());
        let f = Fields::parse(b"name=%C3%A9+%E2%80%8F&pct=100%&odd=%zz").unwrap();
        assert_eq!(f.get("name"), Some("\u{e9} \u{200f}"));
        assert_eq!(f.get("pct"), Some("100%"));
        assert_eq!(f.get("odd"), Some("%zz"));
    }
}
