//! Small HTML pages (setup, home), built from escaped parts. French first, English second.

use axum::http::{header, StatusCode};
use axum::response::{Html, IntoResponse, Response};

/// The style sheet of every page (served at `/assets/vault.css`, allowed by the CSP).
pub const CSS: &str = include_str!("../assets/vault.css");

/// Escapes text for HTML content and attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

/// A whole page around `body` (already HTML), in French.
pub fn page(status: StatusCode, title: &str, body: &str) -> Response {
    page_in(status, "fr", title, body)
}

/// A whole page around `body` (already HTML), in language `lang` (`fr`, `en`).
pub fn page_in(status: StatusCode, lang: &str, title: &str, body: &str) -> Response {
    let html = format!(
        "<!doctype html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta name=\"robots\" content=\"noindex\">\n\
         <title>{}</title>\n<link rel=\"stylesheet\" href=\"/assets/vault.css\">\n</head>\n\
         <body>\n<main>\n{body}\n</main>\n</body>\n</html>\n",
        escape(title)
    );
    (status, Html(html)).into_response()
}

/// The script of the web interface (served at `/assets/vault.js`); pages work without it.
pub const JS: &str = include_str!("../assets/vault.js");

/// `GET /assets/vault.js`.
pub async fn js() -> impl IntoResponse {
    (
        [
            (header::CONTENT_TYPE, "text/javascript; charset=utf-8"),
            (header::CACHE_CONTROL, "public, max-age=3600"),
        ],
        JS,
    )
}

/// `GET /assets/vault.css`.
pub async fn css() -> impl IntoResponse {
    (
        [
            (header::CONTENT_TYPE, "text/css; charset=utf-8"),
            (header::CACHE_CONTROL, "public, max-age=3600"),
        ],
        CSS,
    )
}

/// The QR code of a text (a link's address, a recovery share), as inline SVG (no image
/// request, nothing for the CSP); nothing when the text is too long for one.
pub fn qr(text: &str) -> maud::Markup {
    match qrcode::QrCode::new(text.as_bytes()) {
        Ok(code) => {
            let svg = code
                .render::<qrcode::render::svg::Color<'_>>()
                .min_dimensions(240, 240)
                .quiet_zone(true)
                .build();
            // The renderer starts with an XML declaration, out of place inside HTML.
            let svg = match svg.find("<svg") {
                Some(i) => svg[i..].to_owned(),
                None => svg,
            };
            maud::PreEscaped(svg)
        }
        Err(_) => maud::html! {},
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn escapes_markup() {
        assert_eq!(
            super::escape("<a href=\"x\">'&'</a>"),
            "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;"
        );
    }
}
