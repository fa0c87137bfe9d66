//! `/u/{token}`: the upload page (GET) and the upload itself (POST multipart, one or more
//! parts named `files`), answered with a receipt: names, sizes, BLAKE3 hashes. The
//! uploader can read nothing back.

use axum::extract::{Path, Query, Request, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use vault_core::{Error, LinkToken, Receipt, UploadView};

use maud::{html, Markup};

use super::{dead, icon, link_page, run, trouble, Icon, LangQuery};
use crate::auth::Client;
use crate::i18n::Locale;
use crate::multipart::{Form, NotUtf8, SMALL_PART};
use crate::state::AppState;
use crate::stream::stream_into;

/// `GET /u/{token}`: what the link still takes, and the form.
pub async fn page(
    State(state): State<AppState>,
    Client(client): Client,
    Path(token): Path<String>,
    Query(q): Query<LangQuery>,
    headers: axum::http::HeaderMap,
) -> Response {
    let l = q.pick(&headers);
    let (Some(token), Ok(vault)) = (LinkToken::parse(&token), state.vault()) else {
        return dead(l);
    };
    let now = vault_core::unix_now();
    let view = match run(move || vault.open_upload_link(&token, client, now)).await {
        Ok(v) => v,
        Err(Error::LinkUnavailable) => return dead(l),
        Err(e) => return trouble(l, &e),
    };
    // The real limit: the link's room, but never more than one file may weigh on this
    // server (announcing more would let a phone send a photo in full, then refuse it).
    let room = view.bytes_left.min(state.config().max_upload_bytes);
    let body = html! {
        p { (l.say("upload-intro")) }
        p {
            strong { (l.say_with("upload-limits", &[
                ("files", view.files_left.into()),
                ("size", l.size(room).into()),
                ("when", l.when(view.expires).into()),
            ])) }
        }
        // With the script, sizes are checked before anything is sent and the sending shows
        // its progress; without it, the server says the same after.
        form method="post" enctype="multipart/form-data" action={ "?lang=" (l.tag()) }
            data-progress data-max-file=(room) data-max-total=(view.bytes_left)
            data-max-files=(view.files_left) {
            label for="camera" { (icon(Icon::Camera)) " " (l.say("upload-camera-label")) }
            input type="file" #camera name="files" accept="image/*" capture="environment";
            label for="files" { (icon(Icon::File)) " " (l.say("upload-files-label")) }
            input type="file" #files name="files" multiple accept="image/*,application/pdf";
            div.error.checked hidden role="alert" data-too-large=(l.say("refused-too-large"))
                data-too-much=(l.say("upload-too-much")) {}
            button type="submit" { (icon(Icon::Send)) " " (l.say("send")) }
            progress hidden max="100" value="0" aria-label=(l.say("upload-title")) {}
        }
    };
    link_page(StatusCode::OK, l, &l.say("upload-title"), body)
}

/// The largest body a form to this link could bring and still have something kept: the
/// room left (never more than the server's per-file limit for each file left), plus room
/// for the form's own framing (boundaries, part headers, the file names).
fn most_a_form_can_bring(view: &UploadView, per_file: u64) -> u64 {
    let payload = view
        .bytes_left
        .min(per_file.saturating_mul(u64::from(view.files_left)));
    payload.saturating_add(64 * 1024 + 4096 * u64::from(view.files_left))
}

/// A phone's file name made safe to store: the last path component, control characters
/// replaced, at most 255 bytes; never empty, `.` or `..`.
pub fn safe_name(name: &str) -> String {
    let base = name.rsplit(['/', '\\']).next().unwrap_or("");
    let mut out: String = base
        .chars()
        .map(|c| if c.is_control() { '_' } else { c })
        .collect();
    while out.len() > 255 {
        out.pop();
    }
    let trimmed = out.trim();
    if trimmed.is_empty() || trimmed == "." || trimmed == ".." {
        "document".to_owned()
    } else {
        trimmed.to_owned()
    }
}

/// A refused name as it can be shown: each hidden or direction character written as its
/// code point (`[U+202E]`), so that it is seen and not obeyed.
pub fn reveal(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for c in name.chars() {
        if vault_core::is_hidden_char(c) {
            out.push_str(&format!("[{}]", crate::i18n::code_point(c)));
        } else {
            out.push(c);
        }
    }
    out
}

/// A part's media type if it is a plain `type/subtype`, else octet-stream.
fn media_type(given: Option<&str>) -> String {
    match given {
        Some(m)
            if m.len() <= 100
                && m.contains('/')
                && m.bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b"/.+-".contains(&b)) =>
        {
            m.to_owned()
        }
        _ => "application/octet-stream".to_owned(),
    }
}

enum Outcome {
    Stored(Receipt),
    Refused(String, String),
}

/// `POST /u/{token}`: stores each file of the form, then answers the receipt.
pub async fn receive(
    State(state): State<AppState>,
    Client(client): Client,
    Path(token): Path<String>,
    Query(q): Query<LangQuery>,
    request: Request,
) -> Response {
    let lang = q.pick(request.headers());
    let (Some(parsed), Ok(vault)) = (LinkToken::parse(&token), state.vault()) else {
        return dead(lang);
    };
    // A dead or used-up link gets the dead-link page before its body is read, as its GET.
    let v = vault.clone();
    let view = match run(move || v.check_upload_link(&parsed, vault_core::unix_now())).await {
        Ok(view) => view,
        Err(Error::LinkUnavailable) => return dead(lang),
        Err(e) => return trouble(lang, &e),
    };
    let limit = state.config().max_upload_bytes;
    // A body declared larger than all the link could still take is refused before it is
    // read: nothing of it could be kept whole, and a phone need not wait for the rest.
    let declared = request
        .headers()
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok()?.parse::<u64>().ok());
    if declared.is_some_and(|d| d > most_a_form_can_bring(&view, limit)) {
        let again = format!("/u/{token}?lang={}", lang.tag());
        let body = html! {
            p.error role="alert" { (lang.say("upload-too-much")) }
            p { a href=(again) { (icon(Icon::Send)) " " (lang.say("upload-title")) } }
        };
        let mut response = link_page(
            StatusCode::PAYLOAD_TOO_LARGE,
            lang,
            &lang.say("upload-title"),
            body,
        );
        // The rest of the body is not read: the connection ends with this answer.
        response
            .headers_mut()
            .insert(header::CONNECTION, HeaderValue::from_static("close"));
        return response;
    }
    let mut form = match Form::from_request(request, &state).await {
        Ok(f) => f,
        Err(_) => {
            return link_page(
                StatusCode::BAD_REQUEST,
                lang,
                &lang.say("nothing-chosen"),
                html! {},
            )
        }
    };
    let mut outcomes = Vec::new();
    // Once the link takes nothing more (full, or dead meanwhile), the files after are
    // listed as refused without being tried: no more work, and no more log entries.
    // The id of the reason.
    let mut closed: Option<&'static str> = None;
    loop {
        let mut part = match form.next().await {
            Ok(Some(p)) => p,
            Ok(None) => break,
            Err(_) => {
                outcomes.push(Outcome::Refused(String::new(), lang.say("refused-failed")));
                break;
            }
        };
        // Browsers send an empty part for a file input left empty.
        let name = match (part.field.name(), part.file_name()) {
            (Some("files"), Ok(Some(n))) if !n.is_empty() => safe_name(n),
            // Listed as refused, and the files after are still taken.
            (Some("files"), Err(NotUtf8)) => {
                outcomes.push(Outcome::Refused(
                    String::new(),
                    lang.say("refused-not-utf8"),
                ));
                if part.skip(limit).await {
                    continue;
                }
                break;
            }
            _ => {
                if part.skip(SMALL_PART).await {
                    continue;
                }
                outcomes.push(Outcome::Refused(String::new(), lang.say("refused-failed")));
                break;
            }
        };
        if let Some(why) = closed {
            outcomes.push(Outcome::Refused(name, lang.say(why)));
            if part.skip(limit).await {
                continue;
            }
            break;
        }
        let media = media_type(part.field.content_type());
        let token = LinkToken::parse(&token).expect("parsed above");
        let v = vault.clone();
        let stored_name = name.clone();
        let now = vault_core::unix_now();
        let (result, complete) = stream_into(&mut part, limit, move |reader| {
            v.upload_via_link(&token, reader, &stored_name, &media, client, now)
        })
        .await;
        // A refused file's rest is read past (up to the upload limit), to reach the next.
        let read_past = match &result {
            Ok(_) => true,
            Err(Error::TooLarge { .. } | Error::Invalid { .. } | Error::BadName { .. })
            | Err(Error::LinkFull | Error::LinkUnavailable) => complete && part.skip(limit).await,
            Err(_) => false,
        };
        outcomes.push(match result {
            Ok(receipt) => Outcome::Stored(receipt),
            Err(Error::LinkUnavailable) if outcomes.is_empty() => return dead(lang),
            Err(Error::LinkUnavailable) => {
                closed = Some("refused-failed");
                Outcome::Refused(name, lang.say("refused-failed"))
            }
            Err(Error::TooLarge { .. }) => Outcome::Refused(name, lang.say("refused-too-large")),
            Err(Error::LinkFull) => {
                closed = Some("refused-full");
                Outcome::Refused(name, lang.say("refused-full"))
            }
            Err(Error::Invalid { .. }) => Outcome::Refused(name, lang.say("refused-invalid")),
            Err(Error::BadName { .. }) => {
                Outcome::Refused(reveal(&name), lang.say("refused-hidden-name"))
            }
            Err(Error::LogUnavailable) => return trouble(lang, &Error::LogUnavailable),
            Err(e) => {
                tracing::warn!(error = %e, "an upload through a link failed");
                Outcome::Refused(name, lang.say("refused-failed"))
            }
        });
        if !read_past {
            break;
        }
    }
    let again = format!("/u/{token}?lang={}", lang.tag());
    let (status, title, body) = receipt(lang, &outcomes, &again);
    // Post/Redirect/Get: a reload of the receipt shows it again and sends nothing.
    let kept = Receipted {
        link: token.clone(),
        status,
        title,
        body: body.into_string(),
    };
    let new = match state.inner.receipts.insert(kept, std::time::Instant::now()) {
        Ok(new) => new,
        Err(e) => return trouble(lang, &Error::Io(e)),
    };
    let path = format!("/u/{token}/receipt");
    let mut response = Redirect::to(&format!("{path}?lang={}", lang.tag())).into_response();
    crate::web::set_cookie(
        &state,
        &mut response,
        RECEIPT_COOKIE,
        &new.token,
        &path,
        1800,
    );
    response
}

const RECEIPT_COOKIE: &str = "vault_receipt";

/// A receipt kept for its display (memory only; the link it answers, so that its cookie
/// opens that link's receipt only).
pub struct Receipted {
    link: String,
    status: StatusCode,
    title: String,
    body: String,
}

/// `GET /u/{token}/receipt`: the receipt of the last form sent, as often as it is
/// reloaded (for half an hour); without it, the form.
pub async fn shown_receipt(
    State(state): State<AppState>,
    Path(token): Path<String>,
    Query(q): Query<LangQuery>,
    headers: axum::http::HeaderMap,
) -> Response {
    let l = q.pick(&headers);
    let kept = crate::auth::cookie(&headers, RECEIPT_COOKIE)
        .and_then(|c| state.inner.receipts.get(c, std::time::Instant::now()))
        .filter(|r| r.session.link == token);
    match kept {
        Some(r) => super::page(
            r.session.status,
            l,
            &r.session.title,
            maud::PreEscaped(r.session.body.clone()),
            super::Picker::Hidden,
        ),
        None => Redirect::to(&format!("/u/{token}?lang={}", l.tag())).into_response(),
    }
}

/// What the link took and refused; `again` leads back to the form. A receipt only when
/// something was received: otherwise the page is titled as the form, to send again.
fn receipt(l: Locale, outcomes: &[Outcome], again: &str) -> (StatusCode, String, Markup) {
    let stored: Vec<&Receipt> = outcomes
        .iter()
        .filter_map(|o| match o {
            Outcome::Stored(r) => Some(r),
            Outcome::Refused(..) => None,
        })
        .collect();
    let refused: Vec<(&str, &str)> = outcomes
        .iter()
        .filter_map(|o| match o {
            Outcome::Refused(name, why) => Some((name.as_str(), why.as_str())),
            Outcome::Stored(_) => None,
        })
        .collect();
    let status = match (stored.is_empty(), refused.is_empty()) {
        (true, true) => StatusCode::BAD_REQUEST,
        (true, false) => StatusCode::UNPROCESSABLE_ENTITY,
        _ => StatusCode::OK,
    };
    let body = html! {
        @if !stored.is_empty() {
            p.done role="status" { (icon(Icon::Done)) " " (l.say("receipt-intro")) }
            table.stack {
                thead { tr {
                    th scope="col" { (l.say("receipt-name")) }
                    th scope="col" { (l.say("receipt-size")) }
                    th scope="col" { (l.say("receipt-hash")) }
                } }
                tbody {
                    @for r in &stored {
                        tr {
                            td data-label=(l.say("receipt-name")) { bdi { (r.meta.filename) } }
                            td data-label=(l.say("receipt-size")) { (l.size(r.meta.size)) }
                            td.hash data-label=(l.say("receipt-hash")) { (r.meta.blake3) }
                        }
                    }
                }
            }
        }
        @if !refused.is_empty() {
            h2 { (icon(Icon::Refused)) " " (l.say("refused-title")) }
            ul.refused {
                @for (name, why) in &refused {
                    @if name.is_empty() {
                        li { (why) }
                    } @else {
                        li { strong { bdi { (name) } } " : " (why) }
                    }
                }
            }
        }
        @if stored.is_empty() && refused.is_empty() {
            p { (l.say("nothing-chosen")) }
        }
        p { a href=(again) { (icon(Icon::Send)) " " (l.say("upload-title")) } }
    };
    let title = if stored.is_empty() {
        l.say("upload-title")
    } else {
        l.say("receipt-title")
    };
    // A receipt answers a form: a language link would lose it (it is shown without one).
    (status, title, body)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phone_file_names_are_made_safe() {
        assert_eq!(safe_name("IMG_0001.jpg"), "IMG_0001.jpg");
        assert_eq!(safe_name("../../etc/passwd"), "passwd");
        assert_eq!(safe_name("C:\\Users\\a\\photo.jpg"), "photo.jpg");
        assert_eq!(safe_name("a\nb\u{7}.jpg"), "a_b_.jpg");
        assert_eq!(safe_name(".."), "document");
        assert_eq!(safe_name("dir/"), "document");
        assert_eq!(safe_name(&"é".repeat(200)).len(), 254);
        assert_eq!(media_type(Some("image/jpeg")), "image/jpeg");
        assert_eq!(
            media_type(Some("text/html; charset=x\r\n")),
            "application/octet-stream"
        );
    }
}
