//! The web interface through the router: CSRF on every form, sessions, sign-in messages,
//! and no name or token in an address.

mod common;

use axum::body::Body;
use axum::http::{header, Method, Request, StatusCode};
use common::*;
use serde_json::{json, Value};

/// A form request to the web interface, with the session cookie when given.
async fn post_form(f: &Fixture, uri: &str, cookie: Option<&str>, form: &str) -> Reply {
    let mut request = Request::builder()
        .method(Method::POST)
        .uri(uri)
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded");
    if let Some(c) = cookie {
        request = request.header(header::COOKIE, c);
    }
    f.send(request.body(Body::from(form.to_owned())).unwrap())
        .await
}

async fn get_page(f: &Fixture, uri: &str, cookie: Option<&str>) -> Reply {
    let mut request = Request::get(uri);
    if let Some(c) = cookie {
        request = request.header(header::COOKIE, c);
    }
    f.send(request.body(Body::empty()).unwrap()).await
}

/// Follows the answer of a form that shows a secret once (Post/Redirect/Get) as a browser
/// does: a 303 to `/shown` with the `vault_shown` cookie, then `GET /shown`.
async fn follow_shown(f: &Fixture, made: Reply, cookie: &str) -> Reply {
    let made = made.expect(StatusCode::SEE_OTHER);
    assert_eq!(made.headers[header::LOCATION], "/shown");
    let shown = made
        .headers
        .get_all(header::SET_COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|v| v.starts_with("vault_shown="))
        .and_then(|v| v.split(';').next())
        .expect("a vault_shown cookie")
        .to_owned();
    get_page(f, "/shown", Some(&format!("{cookie}; {shown}"))).await
}

/// The value of the first hidden `csrf` field of a page.
fn csrf_of(page: &str) -> String {
    let start = page.find("name=\"csrf\" value=\"").expect("a CSRF field") + 19;
    page[start..].split('"').next().unwrap().to_owned()
}

/// Every `href` and `action` of a page.
fn addresses(page: &str) -> Vec<String> {
    let mut out = Vec::new();
    for attr in ["href=\"", "action=\""] {
        for part in page.split(attr).skip(1) {
            out.push(part.split('"').next().unwrap().to_owned());
        }
    }
    out
}

struct Scene {
    f: Fixture,
    token: String,
    cookie: String,
    case: String,
    doc: String,
    share: String,
    upload: String,
}

async fn scene() -> Scene {
    let f = Fixture::new().await;
    let token = f.sign_in("admin", ADMIN_PASSWORD).await;
    let case = f.new_case(&token).await;
    let doc = f
        .upload(
            &token,
            &case,
            "kind=appeal&filename=recours.pdf",
            Body::from("PDF"),
        )
        .await
        .expect(StatusCode::CREATED)
        .json()["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let share = f
        .call(
            Method::POST,
            &format!("/api/v1/cases/{case}/shares"),
            Some(&token),
            json!({"documents": [doc], "label": "Me Dupont"}),
        )
        .await
        .expect(StatusCode::CREATED)
        .json()["link"]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let upload = f
        .call(
            Method::POST,
            &format!("/api/v1/cases/{case}/upload-links"),
            Some(&token),
            json!({}),
        )
        .await
        .expect(StatusCode::CREATED)
        .json()["link"]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    Scene {
        cookie: format!("vault_session={token}"),
        f,
        token,
        case,
        doc,
        share,
        upload,
    }
}

#[tokio::test]
async fn every_form_refuses_a_request_without_its_csrf_token() {
    let s = scene().await;
    let (case, doc) = (&s.case, &s.doc);
    let epoch = s.f.get("/api/v1/teams", Some(&s.token)).await.json()[0]["epoch"].clone();
    // A personal space, made with the page's token, for its revoke form.
    let page = get_page(&s.f, &format!("/cases/{case}"), Some(&s.cookie))
        .await
        .expect(StatusCode::OK)
        .text();
    post_form(
        &s.f,
        &format!("/cases/{case}/space"),
        Some(&s.cookie),
        &format!("csrf={}&days=90", csrf_of(&page)),
    )
    .await
    .expect(StatusCode::SEE_OTHER);
    let spaces = |page: &str| -> Vec<String> {
        addresses(page)
            .into_iter()
            .filter(|a| a.starts_with("/spaces/"))
            .collect()
    };
    let page = get_page(&s.f, &format!("/cases/{case}"), Some(&s.cookie))
        .await
        .expect(StatusCode::OK)
        .text();
    let space = spaces(&page);
    assert_eq!(space.len(), 1, "one space, one revoke form");
    let events_before = report_events(&s).await.len();
    let forms = [
        (format!("/cases/{case}/contact"), String::new()),
        (
            format!("/cases/{case}/hold"),
            "until=2031-06-30&reason=evidence&note=x".to_owned(),
        ),
        (space[0].clone(), format!("case={case}")),
        ("/logout".to_owned(), String::new()),
        ("/cases".to_owned(), "q=Amina".to_owned()),
        (
            "/cases/new".to_owned(),
            "team=Belleville&name=Someone".to_owned(),
        ),
        (format!("/cases/{case}/edit"), "name=Changed".to_owned()),
        (format!("/cases/{case}/status"), "status=closed".to_owned()),
        (format!("/cases/{case}/bundle"), String::new()),
        (format!("/documents/{doc}/verify"), format!("case={case}")),
        (
            format!("/documents/{doc}/kind"),
            format!("kind=evidence&case={case}"),
        ),
        (
            format!("/cases/{case}/share"),
            format!("documents={doc}&label=X"),
        ),
        (format!("/cases/{case}/ask"), "days=3".to_owned()),
        (
            format!("/shares/{}/revoke", s.share),
            format!("case={case}"),
        ),
        (
            format!("/upload-links/{}/revoke", s.upload),
            format!("case={case}"),
        ),
        (
            "/admin/users".to_owned(),
            "name=zed&role=admin&password=zed-password-123".to_owned(),
        ),
        (
            "/admin/recover".to_owned(),
            "name=vera&recovery_key=x&password=new-password-123".to_owned(),
        ),
        ("/admin/teams".to_owned(), "name=Autre".to_owned()),
        (
            "/admin/members".to_owned(),
            "team=Belleville&user=admin".to_owned(),
        ),
        (
            "/admin/members/remove".to_owned(),
            "team=Belleville&user=vera".to_owned(),
        ),
        ("/admin/verify".to_owned(), String::new()),
        ("/admin/backups".to_owned(), String::new()),
        (
            "/admin/users/state".to_owned(),
            "name=vera&disabled=1".to_owned(),
        ),
        (format!("/cases/{case}/space"), "days=90".to_owned()),
        (
            "/account/password".to_owned(),
            format!("old_password={ADMIN_PASSWORD}&new_password=x&again_password=x"),
        ),
    ];
    for (uri, form) in &forms {
        for extra in ["", "csrf=wrong&"] {
            let r = post_form(&s.f, uri, Some(&s.cookie), &format!("{extra}{form}")).await;
            assert_eq!(r.status, StatusCode::FORBIDDEN, "{uri} with {extra:?}");
            assert!(r.text().contains("Formulaire expiré"), "{uri}");
        }
    }
    // The two upload forms (multipart): the token must be the first part.
    let boundary = "XyZ";
    let body = format!(
        "--{boundary}\r\nContent-Disposition: form-data; name=\"kind\"\r\n\r\nother\r\n\
         --{boundary}\r\nContent-Disposition: form-data; name=\"files\"; filename=\"a.pdf\"\r\n\r\n\
         DATA\r\n--{boundary}--\r\n"
    );
    for uri in [
        format!("/cases/{case}/documents"),
        format!("/documents/{doc}/versions?case={case}"),
    ] {
        let r =
            s.f.send(
                Request::post(&uri)
                    .header(header::COOKIE, &s.cookie)
                    .header(
                        header::CONTENT_TYPE,
                        format!("multipart/form-data; boundary={boundary}"),
                    )
                    .body(Body::from(body.clone()))
                    .unwrap(),
            )
            .await;
        assert_eq!(r.status, StatusCode::FORBIDDEN, "{uri}");
    }

    // Nothing happened: same case, one document of one version, links live, same people.
    let shown =
        s.f.get(&format!("/api/v1/cases/{case}"), Some(&s.token))
            .await
            .expect(StatusCode::OK)
            .json();
    assert_eq!(shown["profile"]["name"], "Amina K.");
    assert_eq!(shown["status"], "open");
    let docs =
        s.f.get(&format!("/api/v1/cases/{case}/documents"), Some(&s.token))
            .await
            .json();
    assert_eq!(docs.as_array().unwrap().len(), 1);
    assert_eq!(docs[0]["versions"], 1);
    assert_eq!(docs[0]["meta"]["kind"], "appeal");
    for (list, id) in [("shares", &s.share), ("upload-links", &s.upload)] {
        let links =
            s.f.get(&format!("/api/v1/cases/{case}/{list}"), Some(&s.token))
                .await
                .json();
        assert_eq!(links.as_array().unwrap().len(), 1, "{list}");
        assert_eq!(links[0]["id"], id.as_str());
        assert_eq!(links[0]["status"], "live");
    }
    let users = s.f.get("/api/v1/users", Some(&s.token)).await.json();
    assert_eq!(users.as_array().unwrap().len(), 2);
    assert!(users
        .as_array()
        .unwrap()
        .iter()
        .all(|u| u["disabled"] == false));
    let page = get_page(&s.f, &format!("/cases/{case}"), Some(&s.cookie))
        .await
        .expect(StatusCode::OK)
        .text();
    assert_eq!(spaces(&page), space, "no space made, none revoked");
    // Nothing reached the log but the page views of this check: no contact, hold or space.
    let events = report_events(&s).await;
    let done: Vec<&str> = events[events_before..]
        .iter()
        .map(|e| e["action"].as_str().unwrap())
        .filter(|a| !(["case.report", "case.view"].contains(a) || a.ends_with(".list")))
        .collect();
    assert!(done.is_empty(), "refused forms left events: {done:?}");
    let teams = s.f.get("/api/v1/teams", Some(&s.token)).await.json();
    assert_eq!(teams.as_array().unwrap().len(), 1);
    assert_eq!(teams[0]["members"].as_array().unwrap().len(), 2);
    assert_eq!(teams[0]["epoch"], epoch, "no key rotation");

    // With the page's token, the same form works: the token was the only thing missing.
    let page = get_page(&s.f, &format!("/cases/{case}"), Some(&s.cookie))
        .await
        .expect(StatusCode::OK)
        .text();
    let csrf = csrf_of(&page);
    // Closing asks first (issue 16): a page that says what happens, the same form again
    // to confirm, a way back; nothing is done yet.
    let asked = post_form(
        &s.f,
        &format!("/cases/{case}/status"),
        Some(&s.cookie),
        &format!("csrf={csrf}&status=closed"),
    )
    .await
    .expect(StatusCode::OK)
    .text();
    assert!(asked.contains("Clore ce dossier ?"), "{asked}");
    assert!(asked.contains("name=\"confirmed\" value=\"1\""));
    assert!(asked.contains("name=\"status\" value=\"closed\""));
    assert!(
        asked.contains(&format!("href=\"/cases/{case}\"")),
        "a way back"
    );
    let still =
        s.f.get(&format!("/api/v1/cases/{case}"), Some(&s.token))
            .await
            .json();
    assert_eq!(still["status"], "open");
    let r = post_form(
        &s.f,
        &format!("/cases/{case}/status"),
        Some(&s.cookie),
        &format!("csrf={}&status=closed&confirmed=1", csrf_of(&asked)),
    )
    .await
    .expect(StatusCode::SEE_OTHER);
    assert_eq!(
        r.headers[header::LOCATION],
        format!("/cases/{case}").as_str()
    );
    let shown =
        s.f.get(&format!("/api/v1/cases/{case}"), Some(&s.token))
            .await
            .json();
    assert_eq!(shown["status"], "closed");
}

#[tokio::test]
async fn pages_need_a_session_and_keep_names_out_of_addresses() {
    let s = scene().await;
    let case = &s.case;
    for uri in [
        "/cases".to_owned(),
        "/cases/new".to_owned(),
        format!("/cases/{case}"),
        format!("/cases/{case}/edit"),
        format!("/cases/{case}/share"),
        format!("/documents/{}/download", s.doc),
        "/admin".to_owned(),
        "/admin/checkpoint".to_owned(),
    ] {
        for cookie in [None, Some("vault_session=not-a-session")] {
            let r = get_page(&s.f, &uri, cookie)
                .await
                .expect(StatusCode::SEE_OTHER);
            assert_eq!(r.headers[header::LOCATION], "/login", "{uri}");
        }
    }
    let r = get_page(&s.f, "/", None)
        .await
        .expect(StatusCode::SEE_OTHER);
    assert_eq!(r.headers[header::LOCATION], "/cases");

    // The pages that show the person's name address them by ids only, and searching by
    // name is a POST.
    let list = get_page(&s.f, "/cases", Some(&s.cookie))
        .await
        .expect(StatusCode::OK)
        .text();
    let page = get_page(&s.f, &format!("/cases/{case}"), Some(&s.cookie))
        .await
        .expect(StatusCode::OK)
        .text();
    assert!(list.contains("Amina K.") && page.contains("Amina K.") && page.contains("recours.pdf"));
    for address in addresses(&list).iter().chain(addresses(&page).iter()) {
        assert!(
            !address.contains("Amina") && !address.contains("recours"),
            "a name in {address}"
        );
    }
    assert!(list.contains("<form class=\"search\" method=\"post\""));
    let found = post_form(
        &s.f,
        "/cases",
        Some(&s.cookie),
        &format!("csrf={}&q=amina&status=open", csrf_of(&list)),
    )
    .await
    .expect(StatusCode::OK)
    .text();
    assert!(found.contains("Amina K."));
    let none = post_form(
        &s.f,
        "/cases",
        Some(&s.cookie),
        &format!("csrf={}&q=nobody&status=open", csrf_of(&list)),
    )
    .await
    .expect(StatusCode::OK)
    .text();
    assert!(!none.contains("Amina K.") && none.contains("Aucun dossier"));

    // A download from the page is recorded like one from the API.
    let r = get_page(
        &s.f,
        &format!("/documents/{}/download", s.doc),
        Some(&s.cookie),
    )
    .await
    .expect(StatusCode::OK);
    assert_eq!(r.body.as_ref(), b"PDF");
    let report: Value =
        s.f.get(
            &format!("/api/v1/cases/{case}/access-report"),
            Some(&s.token),
        )
        .await
        .json();
    assert!(report
        .as_array()
        .unwrap()
        .iter()
        .any(|e| e["action"] == "document.read"));

    // Another team's volunteer gets a refusal page, not the case.
    let admin = &s.token;
    s.f.call(
        Method::POST,
        "/api/v1/users",
        Some(admin),
        json!({"name": "olga", "role": "volunteer", "password": "olga-password"}),
    )
    .await
    .expect(StatusCode::CREATED);
    let olga = s.f.sign_in("olga", "olga-password").await;
    let r = get_page(
        &s.f,
        &format!("/cases/{case}"),
        Some(&format!("vault_session={olga}")),
    )
    .await
    .expect(StatusCode::FORBIDDEN);
    assert!(!r.text().contains("Amina"));
}

#[tokio::test]
async fn signing_in_says_what_went_wrong() {
    let f = Fixture::new().await;
    let login = get_page(&f, "/login", None).await.expect(StatusCode::OK);
    let pre = login.headers[header::SET_COOKIE]
        .to_str()
        .unwrap()
        .split(';')
        .next()
        .unwrap()
        .to_owned();
    let csrf = csrf_of(&login.text());
    // Without the sign-in form's own token: refused.
    post_form(
        &f,
        "/login",
        None,
        &format!("csrf={csrf}&user=vera&password=vera-password"),
    )
    .await
    .expect(StatusCode::FORBIDDEN);
    // A wrong password, five times; then even the right one waits, and the page says so.
    for _ in 0..5 {
        let r = post_form(
            &f,
            "/login",
            Some(&pre),
            &format!("csrf={csrf}&user=vera&password=nope"),
        )
        .await
        .expect(StatusCode::UNAUTHORIZED);
        assert!(r.text().contains("Identifiant ou mot de passe incorrect"));
    }
    let r = post_form(
        &f,
        "/login",
        Some(&pre),
        &format!("csrf={csrf}&user=vera&password=vera-password"),
    )
    .await
    .expect(StatusCode::TOO_MANY_REQUESTS);
    assert!(r.headers.contains_key(header::RETRY_AFTER));
    assert!(r.text().contains("Trop d'essais"), "{}", r.text());
    // Another account signs in, and gets the session cookie.
    let r = post_form(
        &f,
        "/login?lang=en",
        Some(&pre),
        &format!("csrf={csrf}&user=admin&password={ADMIN_PASSWORD}"),
    )
    .await
    .expect(StatusCode::SEE_OTHER);
    assert_eq!(r.headers[header::LOCATION], "/cases");
    let cookies: Vec<&str> = r
        .headers
        .get_all(header::SET_COOKIE)
        .iter()
        .map(|v| v.to_str().unwrap())
        .collect();
    let session = cookies
        .iter()
        .find(|c| c.starts_with("vault_session="))
        .expect("a session cookie");
    assert!(session.contains("HttpOnly") && session.contains("SameSite=Strict"));
    let cookie = session.split(';').next().unwrap();
    let page = get_page(&f, "/cases", Some(cookie))
        .await
        .expect(StatusCode::OK)
        .text();
    assert!(page.contains("Mes dossiers"));
    // Signing out ends the session, and tells the browser to forget the pages it kept.
    let out = post_form(
        &f,
        "/logout",
        Some(cookie),
        &format!("csrf={}", csrf_of(&page)),
    )
    .await
    .expect(StatusCode::SEE_OTHER);
    assert_eq!(out.headers["clear-site-data"], "\"cache\"");
    get_page(&f, "/cases", Some(cookie))
        .await
        .expect(StatusCode::SEE_OTHER);
}

#[tokio::test]
async fn disabling_an_account_ends_its_sessions() {
    let s = scene().await;
    let vera = s.f.sign_in("vera", "vera-password").await;
    s.f.get("/api/v1/session", Some(&vera))
        .await
        .expect(StatusCode::OK);
    let admin_page = get_page(&s.f, "/admin", Some(&s.cookie))
        .await
        .expect(StatusCode::OK)
        .text();
    assert!(admin_page.contains("Désactiver vera"));
    let asked = post_form(
        &s.f,
        "/admin/users/state",
        Some(&s.cookie),
        &format!("csrf={}&name=vera&disabled=1", csrf_of(&admin_page)),
    )
    .await
    .expect(StatusCode::OK)
    .text();
    assert!(asked.contains("Désactiver le compte vera ?"), "{asked}");
    s.f.get("/api/v1/session", Some(&vera))
        .await
        .expect(StatusCode::OK);
    post_form(
        &s.f,
        "/admin/users/state",
        Some(&s.cookie),
        &format!("csrf={}&name=vera&disabled=1&confirmed=1", csrf_of(&asked)),
    )
    .await
    .expect(StatusCode::SEE_OTHER);
    s.f.get("/api/v1/session", Some(&vera))
        .await
        .expect(StatusCode::UNAUTHORIZED);
    let r =
        s.f.call(
            Method::POST,
            "/api/v1/session",
            None,
            json!({"user": "vera", "password": "vera-password"}),
        )
        .await
        .expect(StatusCode::UNAUTHORIZED);
    assert_eq!(r.error_code(), "bad_credentials");
    let page = get_page(&s.f, "/admin", Some(&s.cookie)).await.text();
    assert!(page.contains("Réactiver vera") && page.contains("désactivé"));
    // The admin cannot disable themselves (no button, and the form is refused).
    assert!(!page.contains("Désactiver admin"));
    post_form(
        &s.f,
        "/admin/users/state",
        Some(&s.cookie),
        &format!("csrf={}&name=admin&disabled=1&confirmed=1", csrf_of(&page)),
    )
    .await
    .expect(StatusCode::BAD_REQUEST);
}

#[tokio::test]
async fn a_space_needs_its_code_and_its_forms_their_token() {
    let s = scene().await;
    let page = get_page(&s.f, &format!("/cases/{}", s.case), Some(&s.cookie))
        .await
        .text();
    let made = post_form(
        &s.f,
        &format!("/cases/{}/space", s.case),
        Some(&s.cookie),
        &format!("csrf={}&days=30", csrf_of(&page)),
    )
    .await;
    let made = follow_shown(&s.f, made, &s.cookie)
        .await
        .expect(StatusCode::OK)
        .text();
    let link = made.split("value=\"http://127.0.0.1:8080").nth(1).unwrap();
    let path = link.split('"').next().unwrap().to_owned();
    let code = made.split("id=\"passcode\">").nth(1).unwrap();
    let code = code.split('<').next().unwrap().to_owned();
    assert!(path.starts_with("/b/") && code.len() == 9, "{path} {code}");

    // Unknown and malformed spaces look like any dead link.
    let dead = get_page(&s.f, &format!("/b/{}", "A".repeat(43)), None)
        .await
        .expect(StatusCode::NOT_FOUND)
        .text();
    assert!(dead.contains("Lien expiré ou inconnu"));
    get_page(&s.f, "/b/short", None)
        .await
        .expect(StatusCode::NOT_FOUND);
    // The code form, a wrong code, the right one: a cookie for /b/ only.
    get_page(&s.f, &path, None).await.expect(StatusCode::OK);
    let wrong = post_form(&s.f, &path, None, "passcode=ZZZZ-ZZZZ")
        .await
        .expect(StatusCode::FORBIDDEN)
        .text();
    assert!(wrong.contains("Code erroné"));
    let r = post_form(&s.f, &path, None, &format!("passcode={code}"))
        .await
        .expect(StatusCode::SEE_OTHER);
    let cookie = r.headers[header::SET_COOKIE].to_str().unwrap().to_owned();
    assert!(
        cookie.contains("Path=/b/")
            && cookie.contains("HttpOnly")
            && cookie.contains("SameSite=Strict")
    );
    let cookie = cookie.split(';').next().unwrap().to_owned();
    let home = get_page(&s.f, &path, Some(&cookie))
        .await
        .expect(StatusCode::OK)
        .text();
    assert!(home.contains("recours.pdf") && home.contains("Qui a consulté votre dossier"));
    // The space's cookie opens nothing of the volunteers' interface.
    get_page(&s.f, "/cases", Some(&cookie))
        .await
        .expect(StatusCode::SEE_OTHER);
    // Its forms need its token.
    for (form, status) in [
        (
            format!("documents={}&label=X", s.doc),
            StatusCode::FORBIDDEN,
        ),
        (
            format!("csrf=wrong&documents={}", s.doc),
            StatusCode::FORBIDDEN,
        ),
    ] {
        post_form(&s.f, &format!("{path}/share"), Some(&cookie), &form)
            .await
            .expect(status);
    }
    let shares =
        s.f.get(&format!("/api/v1/cases/{}/shares", s.case), Some(&s.token))
            .await
            .json();
    assert_eq!(shares.as_array().unwrap().len(), 1, "no share was made");
    let made = post_form(
        &s.f,
        &format!("{path}/share"),
        Some(&cookie),
        &format!(
            "csrf={}&documents={}&label=Me+Martin",
            csrf_of(&home),
            s.doc
        ),
    )
    .await
    .expect(StatusCode::CREATED)
    .text();
    assert!(made.contains("/s/"));
    // The person reads what was done in plain words, theirs included.
    let home = get_page(&s.f, &path, Some(&cookie)).await.text();
    assert!(
        home.contains("<bdi>Vous</bdi> : espace personnel ouvert"),
        "{home}"
    );
    // Leaving needs the space's token too: without it, nothing ends, no cookie is cleared.
    let r = post_form(&s.f, &format!("{path}/leave"), Some(&cookie), "")
        .await
        .expect(StatusCode::FORBIDDEN);
    assert!(!r.headers.contains_key(header::SET_COOKIE));
    let still = get_page(&s.f, &path, Some(&cookie))
        .await
        .expect(StatusCode::OK)
        .text();
    assert!(still.contains("Qui a consulté votre dossier"));
    // Leaving ends it; the cookie opens nothing more, and the browser forgets the pages.
    let left = post_form(
        &s.f,
        &format!("{path}/leave"),
        Some(&cookie),
        &format!("csrf={}", csrf_of(&home)),
    )
    .await
    .expect(StatusCode::SEE_OTHER);
    assert_eq!(left.headers["clear-site-data"], "\"cache\"");
    let again = get_page(&s.f, &path, Some(&cookie))
        .await
        .expect(StatusCode::OK)
        .text();
    assert!(again.contains("Entrez le code"));
    // Leaving a visit already over just clears the cookie.
    let r = post_form(&s.f, &format!("{path}/leave"), Some(&cookie), "")
        .await
        .expect(StatusCode::SEE_OTHER);
    assert!(r.headers[header::SET_COOKIE]
        .to_str()
        .unwrap()
        .contains("Max-Age=0"));
}

/// A multipart upload form of the case page: the CSRF token, then files given as raw
/// file-name bytes and contents.
fn upload_form(csrf: &str, files: &[(&[u8], &[u8])]) -> (String, Vec<u8>) {
    let boundary = "NamesBoundary42";
    let mut body = format!(
        "--{boundary}\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n{csrf}\r\n\
         --{boundary}\r\nContent-Disposition: form-data; name=\"kind\"\r\n\r\nother\r\n"
    )
    .into_bytes();
    for (name, content) in files {
        body.extend_from_slice(
            format!("--{boundary}\r\nContent-Disposition: form-data; name=\"files\"; filename=\"")
                .as_bytes(),
        );
        body.extend_from_slice(name);
        body.extend_from_slice(b"\"\r\n\r\n");
        body.extend_from_slice(content);
        body.extend_from_slice(b"\r\n");
    }
    body.extend_from_slice(format!("--{boundary}--\r\n").as_bytes());
    (format!("multipart/form-data; boundary={boundary}"), body)
}

#[tokio::test]
async fn names_that_lie_or_are_not_utf8_are_refused_and_names_are_isolated() {
    let s = scene().await;
    let case = &s.case;
    let page = get_page(&s.f, &format!("/cases/{case}"), Some(&s.cookie))
        .await
        .expect(StatusCode::OK)
        .text();
    let csrf = csrf_of(&page);
    // Every user-given name is shown isolated from the text around it.
    for name in ["recours.pdf", "Amina K.", "Me Dupont", "admin"] {
        assert!(
            page.contains(&format!("<bdi>{name}</bdi>")),
            "{name} in {page}"
        );
    }
    let list = get_page(&s.f, "/cases", Some(&s.cookie))
        .await
        .expect(StatusCode::OK)
        .text();
    for name in ["Amina K.", "Belleville", "admin"] {
        assert!(
            list.contains(&format!("<bdi>{name}</bdi>")),
            "{name} in {list}"
        );
    }
    let admin = get_page(&s.f, "/admin", Some(&s.cookie))
        .await
        .expect(StatusCode::OK)
        .text();
    for name in ["vera", "Belleville"] {
        assert!(
            admin.contains(&format!("<bdi>{name}</bdi>")),
            "{name} in {admin}"
        );
    }

    let files: [&[(&[u8], &[u8])]; 3] = [
        &[("photo-passeport\u{202E}gpj.exe".as_bytes(), b"MZ")],
        &[("   ".as_bytes(), b"blank")],
        // Not UTF-8, before a good file: the form is refused, not the bad file skipped.
        &[(b"photo\xFF.jpg", b"BAD"), (b"ok.pdf", b"OK")],
    ];
    for parts in files {
        let (content_type, body) = upload_form(&csrf, parts);
        let r =
            s.f.send(
                Request::post(format!("/cases/{case}/documents"))
                    .header(header::COOKIE, &s.cookie)
                    .header(header::CONTENT_TYPE, content_type)
                    .body(Body::from(body))
                    .unwrap(),
            )
            .await;
        assert_eq!(r.status, StatusCode::BAD_REQUEST, "{}", r.text());
        assert!(r.text().contains("nom de fichier"), "{}", r.text());
    }
    // A urlencoded form field that is not UTF-8 is refused, not stored with U+FFFD.
    let r = post_form(
        &s.f,
        &format!("/cases/{case}/edit"),
        Some(&s.cookie),
        &format!("csrf={csrf}&name=Amina%FF"),
    )
    .await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST, "{}", r.text());
    assert!(r.text().contains("UTF-8"), "{}", r.text());

    let shown =
        s.f.get(&format!("/api/v1/cases/{case}"), Some(&s.token))
            .await
            .expect(StatusCode::OK)
            .json();
    assert_eq!(shown["profile"]["name"], "Amina K.");
    let docs =
        s.f.get(&format!("/api/v1/cases/{case}/documents"), Some(&s.token))
            .await
            .json();
    assert_eq!(docs.as_array().unwrap().len(), 1, "{docs}");
}

#[tokio::test]
async fn only_admins_see_and_take_backups() {
    let s = scene().await;
    s.f.call(
        Method::POST,
        "/api/v1/users",
        Some(&s.token),
        json!({"name": "coline", "role": "coordinator", "password": "coline-password"}),
    )
    .await
    .expect(StatusCode::CREATED);
    let coline = format!(
        "vault_session={}",
        s.f.sign_in("coline", "coline-password").await
    );
    let page = get_page(&s.f, "/admin", Some(&coline))
        .await
        .expect(StatusCode::OK)
        .text();
    assert!(page.contains("Comptes"), "a coordinator manages accounts");
    assert!(!page.contains("Sauvegardes"), "but sees no backups");
    let r = post_form(
        &s.f,
        "/admin/backups",
        Some(&coline),
        &format!("csrf={}", csrf_of(&page)),
    )
    .await
    .expect(StatusCode::FORBIDDEN);
    assert!(r.text().contains("accès refusé"), "{}", r.text());
    // The admin sees the section; without --backup-to the button is not offered, and the
    // form says why.
    let page = get_page(&s.f, "/admin", Some(&s.cookie)).await.text();
    assert!(page.contains("Sauvegardes") && page.contains("--backup-to"));
    assert!(!page.contains("action=\"/admin/backups\""));
    let r = post_form(
        &s.f,
        "/admin/backups",
        Some(&s.cookie),
        &format!("csrf={}", csrf_of(&page)),
    )
    .await
    .expect(StatusCode::CONFLICT);
    assert!(r.text().contains("aucune destination de sauvegarde"));
}

/// The "1 docs": counts on the case page agree with their number, in English and
/// in French.
#[tokio::test]
async fn counts_agree_with_their_number() {
    let s = scene().await;
    let en = get_page(&s.f, &format!("/cases/{}?lang=en", s.case), Some(&s.cookie))
        .await
        .expect(StatusCode::OK)
        .text();
    assert!(en.contains("(1 document)"), "{en}");
    assert!(!en.contains("1 docs") && !en.contains("1 days"), "{en}");
    assert!(en.contains(">1 day<") && en.contains(">7 days<"), "{en}");
    let fr = get_page(&s.f, &format!("/cases/{}?lang=fr", s.case), Some(&s.cookie))
        .await
        .expect(StatusCode::OK)
        .text();
    assert!(
        fr.contains("(1 document)") && fr.contains(">1 jour<"),
        "{fr}"
    );
}

/// The words of a page as people read them: the text of `<body>` without tags, scripts and
/// styles (attributes go with the tags).
fn visible_text(page: &str) -> String {
    let body = page
        .split_once("<body")
        .and_then(|(_, b)| b.split_once('>'))
        .map_or(page, |(_, b)| b);
    let mut out = String::new();
    let mut rest = body;
    while let Some(start) = rest.find('<') {
        out.push_str(&rest[..start]);
        out.push(' ');
        let tag = &rest[start..];
        let skip_to = ["<script", "<style"]
            .iter()
            .find(|t| tag.starts_with(**t))
            .map(|t| format!("</{}", &t[1..]));
        let end = match skip_to {
            Some(close) => tag
                .find(&close)
                .and_then(|i| tag[i..].find('>').map(|j| i + j)),
            None => tag.find('>'),
        };
        match end {
            Some(e) => rest = &tag[e + 1..],
            None => break,
        }
    }
    out.push_str(rest);
    out.replace("&amp;", "&")
        .replace("&#39;", "'")
        .replace("&quot;", "\"")
}

/// In the pseudo-language (debug builds), every word of the volunteers' pages comes from
/// the catalogues: what is left in plain ASCII letters is the data, never a word spelled in
/// the code.
#[tokio::test]
async fn every_word_of_the_volunteers_pages_comes_from_the_catalogues() {
    let s = scene().await;
    let pages = [
        "/login".to_owned(),
        "/cases".to_owned(),
        "/cases/new".to_owned(),
        format!("/cases/{}", s.case),
        "/admin".to_owned(),
    ];
    // The data of the scene and the page's own symbols.
    let data = [
        // The scene's data: people, users, team, file and label.
        "Fatou",
        "Diallo",
        "Amina",
        "K",
        "admin",
        "vera",
        "Belleville",
        "recours",
        "pdf",
        "Me",
        "Dupont",
        // Languages named in their own script (the switch, the handout's language).
        "English",
        "Fran",
        "ais",
        "T",
        "rk",
        "e",
        "Shqip",
        "Soomaali",
        "Espa",
        "ol",
    ];
    for page in pages {
        let cookie = (page != "/login").then_some(s.cookie.as_str());
        let html = get_page(&s.f, &format!("{page}?lang=en-XA"), cookie)
            .await
            .expect(StatusCode::OK)
            .text();
        assert!(
            html.contains("lang=\"en-XA\""),
            "{page}: not in the pseudo-language"
        );
        let text = visible_text(&html);
        let escaped: Vec<&str> = text
            .split(|c: char| c.is_whitespace() || c == '⟦' || c == '⟧')
            .filter(|t| !(t.len() >= 8 && t.bytes().all(|b| b.is_ascii_hexdigit())))
            .filter(|t| !t.contains(".pdf") && !t.contains("://") && !t.contains('@'))
            .flat_map(|t| t.split(|c: char| !c.is_ascii_alphabetic()))
            .filter(|w| !w.is_empty() && !data.contains(w))
            .collect();
        assert!(
            escaped.is_empty(),
            "{page}: words outside the catalogues: {escaped:?}\n{text}"
        );
    }
}

/// A page's title goes to the browser's history, its tabs and a shared screen: it names the
/// case by its short id, never the person.
#[tokio::test]
async fn no_title_names_the_person() {
    let s = scene().await;
    let pages = [
        format!("/cases/{}", s.case),
        format!("/cases/{}/edit", s.case),
        "/cases".to_owned(),
    ];
    for page in pages {
        let html = get_page(&s.f, &page, Some(&s.cookie))
            .await
            .expect(StatusCode::OK)
            .text();
        let title = html
            .split_once("<title>")
            .and_then(|(_, t)| t.split_once("</title>"))
            .map(|(t, _)| t.to_owned())
            .expect("a title");
        assert!(!title.contains("Amina"), "{page}: {title}");
        if page == format!("/cases/{}", s.case) {
            assert!(title.contains(&s.case[..8]), "{page}: {title}");
            assert!(html.contains("Amina K."), "the page itself shows the name");
        }
    }
}

/// A form refused for one field keeps everything that was typed, names the field in the
/// page's language, and a birth date is taken as people write it in France.
#[tokio::test]
async fn the_case_form_keeps_what_was_typed_and_reads_french_dates() {
    let s = scene().await;
    let form = get_page(&s.f, "/cases/new", Some(&s.cookie))
        .await
        .expect(StatusCode::OK)
        .text();
    assert!(form.contains("type=\"date\""), "a date field");
    let csrf = csrf_of(&form);
    let typed = |date: &str| {
        format!(
            "csrf={csrf}&team=Belleville&name=Binta+S.&birth_date={date}\
             &nationality=guin%C3%A9enne&notes=Rendez-vous+pr%C3%A9fecture+le+12"
        )
    };
    // An impossible date: refused, in French, with every value kept.
    let refused = post_form(&s.f, "/cases/new", Some(&s.cookie), &typed("1991-02-30"))
        .await
        .expect(StatusCode::BAD_REQUEST)
        .text();
    assert!(refused.contains("date de naissance invalide"), "{refused}");
    for kept in [
        "Binta S.",
        "guinéenne",
        "Rendez-vous préfecture le 12",
        "1991-02-30",
    ] {
        assert!(refused.contains(kept), "{kept:?} lost: {refused}");
    }
    // As written at the desk: 02/04/1991 is the 2nd of April.
    let made = post_form(
        &s.f,
        "/cases/new",
        Some(&s.cookie),
        &typed("02%2F04%2F1991"),
    )
    .await
    .expect(StatusCode::SEE_OTHER);
    let case = made.headers[header::LOCATION]
        .to_str()
        .unwrap()
        .trim_start_matches("/cases/")
        .to_owned();
    let got =
        s.f.call(
            Method::GET,
            &format!("/api/v1/cases/{case}"),
            Some(&s.token),
            json!(null),
        )
        .await
        .expect(StatusCode::OK)
        .json();
    assert_eq!(got["profile"]["birth_date"], "1991-04-02", "{got}");
    // The edit form keeps what was typed too.
    let edit = get_page(&s.f, &format!("/cases/{case}/edit"), Some(&s.cookie))
        .await
        .expect(StatusCode::OK)
        .text();
    let refused = post_form(
        &s.f,
        &format!("/cases/{case}/edit"),
        Some(&s.cookie),
        &format!(
            "csrf={}&name=Binta+S.&birth_date=31%2F02%2F1991&notes=Nouvelle+adresse",
            csrf_of(&edit)
        ),
    )
    .await
    .expect(StatusCode::BAD_REQUEST)
    .text();
    assert!(refused.contains("date de naissance invalide"), "{refused}");
    // Kept in the ISO form a date field holds.
    assert!(refused.contains("Nouvelle adresse") && refused.contains("1991-02-31"));
}

/// The case's share links, as the API lists them.
async fn shares_of_case(s: &Scene) -> Value {
    s.f.call(
        Method::GET,
        &format!("/api/v1/cases/{}/shares", s.case),
        Some(&s.token),
        json!(null),
    )
    .await
    .expect(StatusCode::OK)
    .json()
}

async fn count_shares(s: &Scene) -> usize {
    shares_of_case(s).await.as_array().map_or(0, Vec::len)
}

/// Reloading the page that shows a new link repeats nothing: the link was made by the POST,
/// the page that shows it answers once, and a reload says it was shown.
#[tokio::test]
async fn a_new_link_is_made_once_and_shown_once() {
    let s = scene().await;
    let page = get_page(&s.f, &format!("/cases/{}/share", s.case), Some(&s.cookie))
        .await
        .expect(StatusCode::OK)
        .text();
    let before = count_shares(&s).await;
    let made = post_form(
        &s.f,
        &format!("/cases/{}/share", s.case),
        Some(&s.cookie),
        &format!(
            "csrf={}&documents={}&label=Me+Martin",
            csrf_of(&page),
            s.doc
        ),
    )
    .await;
    let location = made.headers.get(header::LOCATION).cloned();
    let cookie_line = made
        .headers
        .get_all(header::SET_COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|v| v.starts_with("vault_shown="))
        .map(str::to_owned)
        .expect("a vault_shown cookie");
    assert!(
        cookie_line.contains("HttpOnly") && cookie_line.contains("Path=/shown"),
        "{cookie_line}"
    );
    let shown = follow_shown(&s.f, made, &s.cookie)
        .await
        .expect(StatusCode::OK)
        .text();
    assert!(shown.contains("/s/"), "the link is on the page");
    assert_eq!(location.unwrap(), "/shown", "no secret in the address");
    assert_eq!(count_shares(&s).await, before + 1);
    // The reload: the same request, the same cookie.
    let shown_cookie = cookie_line.split(';').next().unwrap();
    let again = get_page(
        &s.f,
        "/shown",
        Some(&format!("{}; {shown_cookie}", s.cookie)),
    )
    .await
    .expect(StatusCode::GONE)
    .text();
    assert!(
        again.contains("déjà été affiché") && !again.contains("/s/"),
        "{again}"
    );
    assert_eq!(
        count_shares(&s).await,
        before + 1,
        "a reload makes no second link"
    );
    // Another user's session gets nothing from the cookie either.
    get_page(&s.f, "/shown", Some(shown_cookie))
        .await
        .expect(StatusCode::SEE_OTHER);
}

/// The events of the case's access report, as the API gives them (the request itself
/// recorded after them).
async fn report_events(s: &Scene) -> Vec<Value> {
    s.f.get(
        &format!("/api/v1/cases/{}/access-report", s.case),
        Some(&s.token),
    )
    .await
    .expect(StatusCode::OK)
    .json()
    .as_array()
    .unwrap()
    .clone()
}

/// The lines of the access report on a case page.
fn report_lines(page: &str) -> Vec<String> {
    let section = &page[page.find("id=\"report\"").expect("a report")..];
    let list = section.split("</ol>").next().unwrap();
    list.split("<li>")
        .skip(1)
        .map(|li| li.split("</li>").next().unwrap().to_owned())
        .collect()
}

#[tokio::test]
async fn a_case_page_view_is_one_event_and_its_report_groups_filters_and_pages() {
    let s = scene().await;
    let here = format!("/cases/{}", s.case);
    // One view, one event, whose targets are what the page showed.
    let before = report_events(&s).await.len();
    get_page(&s.f, &here, Some(&s.cookie))
        .await
        .expect(StatusCode::OK);
    let after = report_events(&s).await;
    let new: Vec<&str> = after[before..]
        .iter()
        .map(|e| e["action"].as_str().unwrap())
        .collect();
    assert_eq!(new, ["case.report", "case.view"], "one event per page view");
    let targets: Vec<&str> = after[after.len() - 1]["targets"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t.as_str().unwrap())
        .collect();
    for wanted in [
        format!("case:{}", s.case),
        format!("document:{}", s.doc),
        format!("share:{}", s.share),
        format!("upload:{}", s.upload),
    ] {
        assert!(
            targets.contains(&wanted.as_str()),
            "{wanted} in {targets:?}"
        );
    }

    // Views within the hour are one line, with their count and times.
    for _ in 0..5 {
        get_page(&s.f, &here, Some(&s.cookie)).await;
    }
    let page = get_page(&s.f, &here, Some(&s.cookie)).await.text();
    let lines = report_lines(&page);
    let viewed: Vec<&String> = lines
        .iter()
        .filter(|l| l.contains("dossier consulté"))
        .collect();
    assert_eq!(viewed.len(), 1, "{lines:#?}");
    // Within a minute: "7 fois à 15 h 33" (else "7 fois entre 15 h 33 et 15 h 34").
    assert!(
        viewed[0].contains("(7 fois à ") || viewed[0].contains("(7 fois entre "),
        "{}",
        viewed[0]
    );

    // Filters: nothing downloaded yet; then the download, and only it.
    let downloads = format!("{here}?show=downloads");
    let page = get_page(&s.f, &downloads, Some(&s.cookie)).await.text();
    assert!(report_lines(&page).is_empty());
    assert!(page.contains("Rien à afficher."));
    s.f.get(
        &format!("/api/v1/documents/{}/content", s.doc),
        Some(&s.token),
    )
    .await
    .expect(StatusCode::OK);
    let page = get_page(&s.f, &downloads, Some(&s.cookie)).await.text();
    let lines = report_lines(&page);
    assert_eq!(lines.len(), 1, "{lines:#?}");
    assert!(
        lines[0].contains("recours.pdf</bdi> téléchargé"),
        "{}",
        lines[0]
    );
    assert!(page.contains("<option value=\"downloads\" selected"));

    // Changes are never grouped; fifty lines a page, and the others one link away.
    for i in 0..60 {
        let status = if i % 2 == 0 { "closed" } else { "open" };
        s.f.call(
            Method::PATCH,
            &format!("/api/v1/cases/{}", s.case),
            Some(&s.token),
            json!({ "status": status }),
        )
        .await
        .expect(StatusCode::OK);
    }
    let changes = format!("{here}?show=changes");
    let first = get_page(&s.f, &changes, Some(&s.cookie)).await.text();
    assert_eq!(report_lines(&first).len(), 50);
    assert!(first.contains("Page 1 sur 2"));
    let older = format!("/cases/{}?show=changes&amp;page=2#report", s.case);
    assert!(
        first.contains(&format!("href=\"{older}\"")),
        "a link to page 2"
    );
    let second = get_page(&s.f, &format!("{changes}&page=2"), Some(&s.cookie))
        .await
        .text();
    // 60 status changes and the case's creation.
    assert_eq!(report_lines(&second).len(), 11);
    assert!(second.contains("Plus récents"));
    // Nothing is dropped from the record: the API still gives every event.
    let all = report_events(&s).await;
    let doc = json!(format!("document:{}", s.doc));
    let page_views = all
        .iter()
        .filter(|e| e["action"] == "case.view" && e["targets"].as_array().unwrap().contains(&doc))
        .count();
    assert_eq!(page_views, 11);
}

async fn share_status(s: &Scene) -> Value {
    let uri = format!("/api/v1/cases/{}/shares", s.case);
    s.f.get(&uri, Some(&s.token)).await.json()[0]["status"].clone()
}

/// Whether the admin page lists vera as a member (with a button to remove her).
async fn vera_is_a_member(s: &Scene) -> bool {
    get_page(&s.f, "/admin", Some(&s.cookie))
        .await
        .text()
        .contains("name=\"user\" value=\"vera\"")
}

#[tokio::test]
async fn what_cannot_be_undone_asks_first() {
    let s = scene().await;
    let page = get_page(&s.f, &format!("/cases/{}", s.case), Some(&s.cookie))
        .await
        .text();
    let csrf = csrf_of(&page);
    // Revoking a share link: the question names it, and nothing is revoked yet.
    let revoke = format!("/shares/{}/revoke", s.share);
    let form = format!("csrf={csrf}&case={}&label=Me+Dupont", s.case);
    let asked = post_form(&s.f, &revoke, Some(&s.cookie), &form)
        .await
        .expect(StatusCode::OK)
        .text();
    assert!(
        asked.contains("Révoquer le lien de partage Me Dupont ?"),
        "{asked}"
    );
    assert!(asked.contains(&format!("action=\"{revoke}\"")));
    assert_eq!(share_status(&s).await, "live");
    post_form(
        &s.f,
        &revoke,
        Some(&s.cookie),
        &format!("{form}&confirmed=1"),
    )
    .await
    .expect(StatusCode::SEE_OTHER);
    assert_eq!(share_status(&s).await, "revoked");
    // The same for an upload link.
    let revoke = format!("/upload-links/{}/revoke", s.upload);
    let form = format!("csrf={csrf}&case={}", s.case);
    let asked = post_form(&s.f, &revoke, Some(&s.cookie), &form)
        .await
        .expect(StatusCode::OK)
        .text();
    assert!(asked.contains("Révoquer ce lien de dépôt ?"), "{asked}");
    // Removing a member: asked, then done.
    let admin = get_page(&s.f, "/admin", Some(&s.cookie)).await.text();
    let form = format!("csrf={}&team=Belleville&user=vera", csrf_of(&admin));
    let asked = post_form(&s.f, "/admin/members/remove", Some(&s.cookie), &form)
        .await
        .expect(StatusCode::OK)
        .text();
    assert!(
        asked.contains("Retirer vera de l'équipe Belleville ?"),
        "{asked}"
    );
    assert!(vera_is_a_member(&s).await);
    post_form(
        &s.f,
        "/admin/members/remove",
        Some(&s.cookie),
        &format!("{form}&confirmed=1"),
    )
    .await
    .expect(StatusCode::SEE_OTHER);
    assert!(!vera_is_a_member(&s).await);
}

#[tokio::test]
async fn volunteers_change_their_own_password_in_the_browser() {
    let s = scene().await;
    let list = get_page(&s.f, "/cases", Some(&s.cookie)).await.text();
    assert!(
        list.contains("href=\"/account\""),
        "the account page is in the menu"
    );
    let page = get_page(&s.f, "/account", Some(&s.cookie))
        .await
        .expect(StatusCode::OK)
        .text();
    let csrf = csrf_of(&page);
    let change = |old: &str, new: &str, again: &str| {
        format!("csrf={csrf}&old_password={old}&new_password={new}&again_password={again}")
    };
    // A wrong current password: refused, said, nothing typed sent back.
    let r = post_form(
        &s.f,
        "/account/password",
        Some(&s.cookie),
        &change("wrong-password", "new-password-2026", "new-password-2026"),
    )
    .await
    .expect(StatusCode::FORBIDDEN)
    .text();
    assert!(r.contains("role=\"alert\""), "{r}");
    assert!(!r.contains("new-password-2026"));
    // Two new passwords that differ.
    let r = post_form(
        &s.f,
        "/account/password",
        Some(&s.cookie),
        &change(ADMIN_PASSWORD, "new-password-2026", "new-password-2027"),
    )
    .await
    .expect(StatusCode::BAD_REQUEST)
    .text();
    assert!(r.contains("ne sont pas les mêmes"), "{r}");
    // Too short: the vault's rule, in the page's language.
    post_form(
        &s.f,
        "/account/password",
        Some(&s.cookie),
        &change(ADMIN_PASSWORD, "short", "short"),
    )
    .await
    .expect(StatusCode::BAD_REQUEST);
    // Done: the new password signs in, the old one no longer does.
    let r = post_form(
        &s.f,
        "/account/password",
        Some(&s.cookie),
        &change(ADMIN_PASSWORD, "new-password-2026", "new-password-2026"),
    )
    .await
    .expect(StatusCode::SEE_OTHER);
    assert_eq!(r.headers[header::LOCATION], "/account?done=1");
    let done = get_page(&s.f, "/account?done=1", Some(&s.cookie))
        .await
        .text();
    assert!(done.contains("Votre mot de passe a été changé."));
    s.f.sign_in("admin", "new-password-2026").await;
    let r =
        s.f.call(
            Method::POST,
            "/api/v1/session",
            None,
            json!({"user": "admin", "password": ADMIN_PASSWORD}),
        )
        .await;
    assert_eq!(r.status, StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn the_share_form_keeps_what_was_typed() {
    let s = scene().await;
    let here = format!("/cases/{}/share", s.case);
    let page = get_page(&s.f, &here, Some(&s.cookie)).await.text();
    let csrf = csrf_of(&page);
    // No document ticked: said, and the recipient, the days and the limit are kept; the
    // passphrase is never sent back.
    let r = post_form(
        &s.f,
        &here,
        Some(&s.cookie),
        &format!("csrf={csrf}&label=Me+Dupont&days=14&downloads=3&passphrase=secret-words&message=Pour+le+12"),
    )
    .await
    .expect(StatusCode::BAD_REQUEST)
    .text();
    assert!(r.contains("role=\"alert\""), "{r}");
    assert!(r.contains("value=\"Me Dupont\""), "{r}");
    assert!(r.contains(">Pour le 12</textarea>"), "{r}");
    assert!(r.contains("<option value=\"14\" selected"), "{r}");
    assert!(r.contains("value=\"3\""), "{r}");
    assert!(!r.contains("secret-words"));
    // A refusal of the vault (a label with a hidden character) keeps the ticked document.
    let r = post_form(
        &s.f,
        &here,
        Some(&s.cookie),
        &format!("csrf={csrf}&documents={}&label=Me%E2%80%AEDupont", s.doc),
    )
    .await
    .expect(StatusCode::BAD_REQUEST)
    .text();
    assert!(r.contains("checked"), "{r}");
}

/// A volunteer shares to a lawyer's own age key from the form: a key that is not one is
/// refused with the form kept, a right one makes a link the case page marks as encrypted.
#[tokio::test]
async fn a_volunteer_shares_to_a_lawyers_own_key_from_the_form() {
    let s = scene().await;
    let here = format!("/cases/{}/share", s.case);
    let page = get_page(&s.f, &here, Some(&s.cookie)).await.text();
    assert!(page.contains("name=\"to\""), "{page}");
    let csrf = csrf_of(&page);
    let before = count_shares(&s).await;
    // A secret key pasted by mistake, or a typo: refused, nothing made, what was typed kept.
    let r = post_form(
        &s.f,
        &here,
        Some(&s.cookie),
        &format!(
            "csrf={csrf}&documents={}&label=Me+Diallo&to=age1pasunecle",
            s.doc
        ),
    )
    .await
    .expect(StatusCode::BAD_REQUEST)
    .text();
    assert!(
        r.contains("role=\"alert\"") && r.contains("clé publique age"),
        "{r}"
    );
    assert!(
        r.contains("value=\"age1pasunecle\"") && r.contains("checked"),
        "{r}"
    );
    assert_eq!(count_shares(&s).await, before);
    // The example recipient of age's own documentation.
    let lawyer = "age1ql3z7hjy54pw3hyww5ayyfg7zqgvc7w3j2elw8zmrj2kg5sfn9aqmcac8p";
    let made = post_form(
        &s.f,
        &here,
        Some(&s.cookie),
        &format!(
            "csrf={csrf}&documents={}&label=Me+Diallo&to=+{lawyer}+",
            s.doc
        ),
    )
    .await;
    follow_shown(&s.f, made, &s.cookie)
        .await
        .expect(StatusCode::OK);
    let shares = shares_of_case(&s).await;
    let made = shares
        .as_array()
        .unwrap()
        .iter()
        .find(|l| l["label"] == "Me Diallo")
        .expect("the new link");
    assert_eq!(made["to"], json!([lawyer]), "{shares}");
    let case_page = get_page(&s.f, &format!("/cases/{}", s.case), Some(&s.cookie))
        .await
        .expect(StatusCode::OK)
        .text();
    assert!(case_page.contains("chiffré pour sa clé age"), "{case_page}");
}

/// The rows of the case list of a page.
fn listed(page: &str) -> usize {
    page.split("<tbody>")
        .nth(1)
        .map_or(0, |body| body.matches("<tr>").count())
}

#[tokio::test]
async fn the_case_list_comes_in_pages_and_a_search_pages_without_the_name_in_an_address() {
    let s = scene().await;
    for i in 0..55 {
        s.f.call(
            Method::POST,
            "/api/v1/cases",
            Some(&s.token),
            json!({"team": "Belleville", "profile": {"name": format!("Fatou Diallo-Nguyễn {i}")}}),
        )
        .await
        .expect(StatusCode::CREATED);
    }
    // The list: 50 a page, and a link to the next one.
    let first = get_page(&s.f, "/cases", Some(&s.cookie)).await;
    let first = first.expect(StatusCode::OK).text();
    assert_eq!(listed(&first), 50);
    assert!(
        first.contains("href=\"/cases?status=open&amp;page=2\""),
        "{first}"
    );
    let second = get_page(&s.f, "/cases?status=open&page=2", Some(&s.cookie)).await;
    let second = second.expect(StatusCode::OK).text();
    assert_eq!(listed(&second), 6);
    assert!(second.contains("page=1"), "a way back");
    assert!(!second.contains("page=3"));
    // A page past the end is empty, a page that is not a number is the first.
    let past = get_page(&s.f, "/cases?page=9", Some(&s.cookie))
        .await
        .text();
    assert_eq!(listed(&past), 0);
    let odd = get_page(&s.f, "/cases?page=-1", Some(&s.cookie))
        .await
        .text();
    assert_eq!(listed(&odd), 50);

    // The search, typed as people type it, pages by a form: the name is never in an
    // address.
    let csrf = csrf_of(&first);
    let found = post_form(
        &s.f,
        "/cases",
        Some(&s.cookie),
        &format!("csrf={csrf}&status=open&q=diallo+nguyen"),
    )
    .await
    .expect(StatusCode::OK)
    .text();
    assert_eq!(listed(&found), 50);
    assert!(found.contains("name=\"page\" value=\"2\""), "{found}");
    for a in addresses(&found) {
        assert!(!a.to_lowercase().contains("diallo"), "{a}");
    }
    let next = post_form(
        &s.f,
        "/cases",
        Some(&s.cookie),
        &format!("csrf={csrf}&status=open&q=diallo+nguyen&page=2"),
    )
    .await
    .expect(StatusCode::OK)
    .text();
    assert_eq!(listed(&next), 5);
    assert!(!next.contains("Amina"));
    let one = post_form(
        &s.f,
        "/cases",
        Some(&s.cookie),
        &format!("csrf={csrf}&status=open&q=nguyen+17"),
    )
    .await
    .text();
    assert_eq!(listed(&one), 1);
    assert!(one.contains("Fatou Diallo-Nguyễn 17"));

    // The same through the API, as a POST too.
    let search = |body: Value| {
        s.f.call(Method::POST, "/api/v1/cases/search", Some(&s.token), body)
    };
    let page = search(json!({"name": "DIALLO", "limit": 10}))
        .await
        .expect(StatusCode::OK)
        .json();
    assert_eq!(page["cases"].as_array().unwrap().len(), 10);
    assert_eq!(page["more"], true);
    let last = search(json!({"name": "diallo", "offset": 50})).await.json();
    assert_eq!(last["cases"].as_array().unwrap().len(), 5);
    assert_eq!(last["more"], false);
    let all = search(json!({"status": "open", "limit": 1000}))
        .await
        .json();
    assert_eq!(all["cases"].as_array().unwrap().len(), 56);
    let closed = search(json!({"status": "closed"})).await.json();
    assert!(closed["cases"].as_array().unwrap().is_empty());
    let refused = search(json!({"name": "x", "secret": 1})).await;
    assert_eq!(refused.status, StatusCode::BAD_REQUEST);
}

/// A page shown once waits for its own volunteer: another account signed in on the same
/// browser sees "already shown", and the owner still gets the link after.
#[tokio::test]
async fn a_page_shown_once_is_not_spent_by_another_account() {
    let s = scene().await;
    s.f.call(
        Method::POST,
        "/api/v1/users",
        Some(&s.token),
        json!({"name": "olga", "role": "volunteer", "password": "olga-password"}),
    )
    .await
    .expect(StatusCode::CREATED);
    let olga = format!(
        "vault_session={}",
        s.f.sign_in("olga", "olga-password").await
    );
    let page = get_page(&s.f, &format!("/cases/{}/share", s.case), Some(&s.cookie))
        .await
        .text();
    let made = post_form(
        &s.f,
        &format!("/cases/{}/share", s.case),
        Some(&s.cookie),
        &format!("csrf={}&documents={}", csrf_of(&page), s.doc),
    )
    .await
    .expect(StatusCode::SEE_OTHER);
    let shown = made
        .headers
        .get_all(header::SET_COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|v| v.starts_with("vault_shown="))
        .and_then(|v| v.split(';').next())
        .unwrap()
        .to_owned();
    let theirs = get_page(&s.f, "/shown", Some(&format!("{olga}; {shown}")))
        .await
        .expect(StatusCode::GONE);
    assert!(!theirs.text().contains("/s/"));
    assert!(
        theirs.headers.get(header::SET_COOKIE).is_none(),
        "the owner's cookie is left alone"
    );
    let mine = get_page(&s.f, "/shown", Some(&format!("{}; {shown}", s.cookie)))
        .await
        .expect(StatusCode::OK)
        .text();
    assert!(mine.contains("/s/"), "{mine}");
}

/// The case page offers admins the evidence bundle; its answer is the download, and it
/// verifies; a volunteer sees no such form.
#[tokio::test]
async fn an_admin_downloads_the_evidence_bundle_from_the_case_page() {
    let s = scene().await;
    let here = format!("/cases/{}", s.case);
    let page = get_page(&s.f, &here, Some(&s.cookie))
        .await
        .expect(StatusCode::OK)
        .text();
    assert!(page.contains("Dossier de preuves"), "{page}");
    assert!(page.contains("Ajouter des copies de travail sans métadonnées cachées"));
    let csrf = csrf_of(&page);
    let zip = post_form(
        &s.f,
        &format!("{here}/bundle"),
        Some(&s.cookie),
        &format!("csrf={csrf}&to="),
    )
    .await
    .expect(StatusCode::OK);
    assert_eq!(zip.headers[header::CONTENT_TYPE], "application/zip");
    assert!(zip.headers[header::CONTENT_DISPOSITION]
        .to_str()
        .unwrap()
        .starts_with("attachment"));
    let check = vault_core::verify_bundle(std::io::Cursor::new(zip.body.to_vec()), None, None)
        .expect("the bundle verifies");
    assert_eq!((check.documents, check.working_copies), (1, 0));
    // With working copies: a Word letter naming its author gets one, beside its original.
    s.f.upload(
        &s.token,
        &s.case,
        "kind=other&filename=lettre.docx",
        Body::from(vault_meta::testing::docx()),
    )
    .await
    .expect(StatusCode::CREATED);
    let zip = post_form(
        &s.f,
        &format!("{here}/bundle"),
        Some(&s.cookie),
        &format!("csrf={csrf}&to=&working_copies=1"),
    )
    .await
    .expect(StatusCode::OK);
    let check = vault_core::verify_bundle(std::io::Cursor::new(zip.body.to_vec()), None, None)
        .expect("the bundle verifies");
    assert_eq!((check.documents, check.working_copies), (2, 1));
    let bad = post_form(
        &s.f,
        &format!("{here}/bundle"),
        Some(&s.cookie),
        &format!("csrf={csrf}&to=age1nope"),
    )
    .await;
    assert_eq!(bad.status, StatusCode::BAD_REQUEST);
    assert!(bad.text().contains("<html"), "an error page in words");

    let vera = format!(
        "vault_session={}",
        s.f.sign_in("vera", "vera-password").await
    );
    let theirs = get_page(&s.f, &here, Some(&vera)).await.text();
    assert!(
        !theirs.contains("/bundle\""),
        "no bundle form for a volunteer"
    );
}

#[tokio::test]
async fn an_admin_recovers_an_account_with_two_custodians_shares() {
    let s = scene().await;
    let key = vault_core::SecretKey::parse(secrecy::ExposeSecret::expose_secret(
        s.f.recovery_key.as_ref().unwrap(),
    ))
    .unwrap();
    let shares = vault_core::split_key(&key, 3, 2).unwrap();
    let share = |i: usize| secrecy::ExposeSecret::expose_secret(&shares[i]).to_owned();
    let page = get_page(&s.f, "/admin", Some(&s.cookie)).await.text();
    assert!(page.contains("Clé de récupération, ou ses parts"), "{page}");
    let form = |typed: String| {
        format!(
            "csrf={}&name=vera&recovery_key={}&password=vera-recovered-1",
            csrf_of(&page),
            typed.replace(' ', "+").replace('\n', "%0A")
        )
    };
    // One share alone reveals nothing and is refused, in words.
    let one = post_form(&s.f, "/admin/recover", Some(&s.cookie), &form(share(1))).await;
    assert_eq!(one.status, StatusCode::BAD_REQUEST);
    assert!(
        one.text().contains("pas assez de parts : il en faut 2"),
        "{}",
        one.text()
    );
    // Two, one after the other as copied from their sheets: vera is back.
    let two = form(format!("{}\n{}", share(2), share(0).to_lowercase()));
    post_form(&s.f, "/admin/recover", Some(&s.cookie), &two)
        .await
        .expect(StatusCode::SEE_OTHER);
    s.f.sign_in("vera", "vera-recovered-1").await;
}

#[tokio::test]
async fn a_manager_keeps_one_case_longer_and_the_sweeper_erases_the_other_on_its_term() {
    use vault_core::testing::ManualClock;
    let f = Fixture::new().await;
    let vault = f.vault.clone().unwrap();
    let clock = ManualClock::at(vault.now());
    vault.set_clock(std::sync::Arc::new(clock.clone()));
    let admin = f.sign_in("admin", ADMIN_PASSWORD).await;
    let (quiet, kept) = (f.new_case(&admin).await, f.new_case(&admin).await);
    let admin = format!("vault_session={admin}");
    let vera = format!("vault_session={}", f.sign_in("vera", "vera-password").await);

    // A volunteer's case page: the term, "contact today", no hold form; no due list.
    let page = get_page(&f, &format!("/cases/{quiet}?lang=fr"), Some(&vera))
        .await
        .expect(StatusCode::OK)
        .text();
    let in_two_years = vault_words::Locale::Fr.day(vault.now() + 730 * 86_400);
    assert!(page.contains(&in_two_years), "{in_two_years}: {page}");
    assert!(page.contains("Contact aujourd'hui"));
    assert!(!page.contains("Conserver plus longtemps"));
    assert!(!page.contains("href=\"/retention\""));
    let refused = get_page(&f, "/retention?lang=fr", Some(&vera)).await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN, "{}", refused.text());

    // 710 days on, the manager's list shows both; she keeps one for a pending appeal.
    clock.advance_days(710);
    let page = get_page(&f, "/retention?lang=fr", Some(&admin))
        .await
        .expect(StatusCode::OK)
        .text();
    assert_eq!(page.matches("Amina K.").count(), 2, "{page}");
    let case_page = get_page(&f, &format!("/cases/{kept}?lang=fr"), Some(&admin))
        .await
        .expect(StatusCode::OK)
        .text();
    assert!(case_page.contains("Conserver plus longtemps"));
    // As typed in a browser without a date picker: 2027-06-30 becomes 30/06/2027.
    let until = vault_words::paris_date(vault.now() + 200 * 86_400);
    let until = until.split('-').rev().collect::<Vec<_>>().join("%2F");
    let form = format!(
        "csrf={}&until={until}&reason=procedure&note=Recours+CNDA+n%C2%B0+24012345",
        csrf_of(&case_page)
    );
    post_form(&f, &format!("/cases/{kept}/hold"), Some(&admin), &form)
        .await
        .expect(StatusCode::SEE_OTHER);
    let page = get_page(&f, "/retention?lang=fr", Some(&admin))
        .await
        .expect(StatusCode::OK)
        .text();
    assert_eq!(
        page.matches("Amina K.").count(),
        1,
        "only the quiet one: {page}"
    );

    // Day 731: the sweeper erases the quiet case; the kept one stays, and says so.
    clock.advance_days(21);
    assert_eq!(f.state.sweep_retention().await, 1);
    let gone = get_page(&f, &format!("/cases/{quiet}?lang=fr"), Some(&admin)).await;
    assert_eq!(gone.status, StatusCode::NOT_FOUND);
    let page = get_page(&f, &format!("/cases/{kept}?lang=fr"), Some(&admin))
        .await
        .expect(StatusCode::OK)
        .text();
    assert!(page.contains("conservation prolongée"), "{page}");
    // Near the hold's date it is due again, with its reason and its note.
    clock.advance_days(180);
    let page = get_page(&f, "/retention?lang=fr", Some(&admin))
        .await
        .expect(StatusCode::OK)
        .text();
    assert!(page.contains("Procédure en cours"), "{page}");
    assert!(page.contains("Recours CNDA n° 24012345"), "{page}");
}
