//! Share and upload link pages through the router: counting, death, passphrases, limits,
//! headers, languages.

mod common;

use axum::body::Body;
use axum::http::{header, Method, Request, StatusCode};
use common::*;
use serde_json::{json, Value};

const PUBLIC: &str = "http://127.0.0.1:8080";

struct Setup {
    f: Fixture,
    vera: String,
    case: String,
    docs: Vec<String>,
}

async fn setup() -> Setup {
    setup_with(|c| c).await
}

async fn setup_with(adjust: impl FnOnce(vault_server::Config) -> vault_server::Config) -> Setup {
    let f = Fixture::with(adjust).await;
    let vera = f.sign_in("vera", "vera-password").await;
    let case = f.new_case(&vera).await;
    let mut docs = Vec::new();
    for (name, content) in [("recours.pdf", "RECOURS"), ("passeport.jpg", "PASSEPORT")] {
        let r = f
            .upload(
                &vera,
                &case,
                &format!("kind=appeal&filename={name}"),
                Body::from(content),
            )
            .await
            .expect(StatusCode::CREATED);
        docs.push(r.json()["id"].as_str().unwrap().to_owned());
    }
    Setup {
        f,
        vera,
        case,
        docs,
    }
}

impl Setup {
    /// Makes a share link through the API; returns its path (`/s/...`) and id.
    async fn share(&self, body: Value) -> (String, String) {
        let r = self
            .f
            .call(
                Method::POST,
                &format!("/api/v1/cases/{}/shares", self.case),
                Some(&self.vera),
                body,
            )
            .await
            .expect(StatusCode::CREATED);
        let v = r.json();
        let url = v["url"].as_str().unwrap();
        (
            url.strip_prefix(PUBLIC).unwrap().to_owned(),
            v["link"]["id"].as_str().unwrap().to_owned(),
        )
    }

    async fn upload_link(&self, body: Value) -> String {
        let r = self
            .f
            .call(
                Method::POST,
                &format!("/api/v1/cases/{}/upload-links", self.case),
                Some(&self.vera),
                body,
            )
            .await
            .expect(StatusCode::CREATED);
        r.json()["url"]
            .as_str()
            .unwrap()
            .strip_prefix(PUBLIC)
            .unwrap()
            .to_owned()
    }

    async fn download(&self, path: &str, doc: &str, form: &str) -> Reply {
        self.f
            .send(
                Request::post(format!("{path}/{doc}"))
                    .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
                    .body(Body::from(form.to_owned()))
                    .unwrap(),
            )
            .await
    }
}

/// The boundary of the multipart forms built here.
const BOUNDARY: &str = "----vaultTestBoundary7MA4YWxk";

fn multipart(parts: &[(&str, &str, &[u8])]) -> (String, Vec<u8>) {
    let boundary = BOUNDARY;
    let mut body = Vec::new();
    for (name, filename, content) in parts {
        body.extend_from_slice(
            format!(
                "--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"; filename=\"{filename}\"\r\n\
                 Content-Type: image/jpeg\r\n\r\n"
            )
            .as_bytes(),
        );
        body.extend_from_slice(content);
        body.extend_from_slice(b"\r\n");
    }
    body.extend_from_slice(format!("--{boundary}--\r\n").as_bytes());
    (format!("multipart/form-data; boundary={boundary}"), body)
}

/// Sends files to an upload link as a browser does: the form, then the receipt it
/// redirects to (Post/Redirect/Get), with its cookie. Other answers come as they are.
async fn post_files(f: &Fixture, path: &str, parts: &[(&str, &str, &[u8])]) -> Reply {
    let sent = send_files(f, path, parts).await;
    followed(f, sent).await
}

/// The receipt a form's answer redirects to, or the answer itself.
async fn followed(f: &Fixture, sent: Reply) -> Reply {
    match receipt_of(&sent) {
        Some((to, cookie)) => get_with(f, &to, &cookie).await,
        None => sent,
    }
}

async fn send_files(f: &Fixture, path: &str, parts: &[(&str, &str, &[u8])]) -> Reply {
    let (content_type, body) = multipart(parts);
    f.send(
        Request::post(path)
            .header(header::CONTENT_TYPE, content_type)
            .body(Body::from(body))
            .unwrap(),
    )
    .await
}

/// Where a form's answer sends to its receipt, and the receipt's cookie.
fn receipt_of(sent: &Reply) -> Option<(String, String)> {
    if sent.status != StatusCode::SEE_OTHER {
        return None;
    }
    let to = sent.headers[header::LOCATION].to_str().unwrap().to_owned();
    let cookie = sent
        .headers
        .get_all(header::SET_COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|v| v.starts_with("vault_receipt="))?
        .split(';')
        .next()
        .unwrap()
        .to_owned();
    Some((to, cookie))
}

async fn get_with(f: &Fixture, uri: &str, cookie: &str) -> Reply {
    f.send(
        Request::get(uri)
            .header(header::COOKIE, cookie)
            .body(Body::empty())
            .unwrap(),
    )
    .await
}

#[tokio::test]
async fn opening_ten_times_consumes_nothing_and_downloads_are_counted() {
    let s = setup().await;
    let (path, _) = s
        .share(
            json!({"documents": [s.docs[0], s.docs[1]], "max_downloads": 2, "label": "Me Dupont"}),
        )
        .await;
    assert_eq!(path.len(), "/s/".len() + 43);
    for _ in 0..10 {
        let page = s.f.get(&path, None).await.expect(StatusCode::OK).text();
        assert!(page.contains("recours.pdf") && page.contains("passeport.jpg"));
        assert!(
            page.contains("2 téléchargements restants"),
            "still two downloads left"
        );
    }
    let r = s
        .download(&path, &s.docs[0], "")
        .await
        .expect(StatusCode::OK);
    assert_eq!(r.body.as_ref(), b"RECOURS");
    assert_eq!(
        r.headers[header::CONTENT_DISPOSITION],
        "attachment; filename=\"recours.pdf\"; filename*=UTF-8''recours.pdf"
    );
    let page = s.f.get(&path, None).await.expect(StatusCode::OK).text();
    assert!(page.contains("Un téléchargement restant"));
    s.download(&path, &s.docs[1], "")
        .await
        .expect(StatusCode::OK);
    s.f.get(&path, None).await.expect(StatusCode::NOT_FOUND);

    // The volunteer's view: the link is used up, and the report says when it was used.
    let links =
        s.f.get(&format!("/api/v1/cases/{}/shares", s.case), Some(&s.vera))
            .await
            .expect(StatusCode::OK)
            .json();
    assert_eq!(links[0]["status"], "exhausted");
    assert_eq!(links[0]["downloads"], 2);
    assert_eq!(links[0]["label"], "Me Dupont");
    let report =
        s.f.get(
            &format!("/api/v1/cases/{}/access-report", s.case),
            Some(&s.vera),
        )
        .await
        .expect(StatusCode::OK)
        .json();
    let downloads: Vec<&Value> = report
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["action"] == "share.download")
        .collect();
    assert_eq!(downloads.len(), 2);
    assert!(downloads[0]["text_fr"]
        .as_str()
        .unwrap()
        .contains("téléchargement par un lien de partage"));
}

#[tokio::test]
async fn twenty_concurrent_downloads_with_a_limit_of_five() {
    let s = setup().await;
    let (path, _) = s
        .share(json!({"documents": [s.docs[0]], "max_downloads": 5}))
        .await;
    let mut handles = Vec::new();
    for _ in 0..20 {
        let app = s.f.app.clone();
        let uri = format!("{path}/{}", s.docs[0]);
        handles.push(tokio::spawn(async move {
            use tower::ServiceExt;
            let response = app
                .oneshot(Request::post(uri).body(Body::empty()).unwrap())
                .await
                .unwrap();
            let status = response.status();
            let body = http_body_util::BodyExt::collect(response.into_body())
                .await
                .unwrap()
                .to_bytes();
            (status, body)
        }));
    }
    let mut ok = 0;
    for h in handles {
        let (status, body) = h.await.unwrap();
        match status {
            StatusCode::OK => {
                assert_eq!(body.as_ref(), b"RECOURS");
                ok += 1;
            }
            StatusCode::NOT_FOUND => {}
            other => panic!("{other}"),
        }
    }
    assert_eq!(ok, 5);
}

#[tokio::test]
async fn every_dead_link_gets_the_same_page_and_strict_headers() {
    let s = setup().await;
    let (revoked, revoked_id) = s.share(json!({"documents": [s.docs[0]]})).await;
    s.f.call(
        Method::DELETE,
        &format!("/api/v1/shares/{revoked_id}"),
        Some(&s.vera),
        Value::Null,
    )
    .await
    .expect(StatusCode::NO_CONTENT);
    let (exhausted, _) = s
        .share(json!({"documents": [s.docs[0]], "max_downloads": 1}))
        .await;
    s.download(&exhausted, &s.docs[0], "")
        .await
        .expect(StatusCode::OK);
    let (locked, _) = s
        .share(json!({"documents": [s.docs[0]], "passphrase": "citron vert"}))
        .await;
    for _ in 0..vault_core::PASSPHRASE_TRIES {
        s.f.send(
            Request::post(locked.as_str())
                .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
                .body(Body::from("passphrase=faux"))
                .unwrap(),
        )
        .await;
    }
    let (expiring, _) = s
        .share(json!({"documents": [s.docs[0]], "expires": 1}))
        .await;
    s.f.get(&expiring, None).await.expect(StatusCode::OK);
    tokio::time::sleep(std::time::Duration::from_millis(2100)).await;
    let unknown = format!("/s/{}", "A".repeat(43));
    let malformed = "/s/not-a-token".to_string();
    let mut bodies = Vec::new();
    for path in [
        &revoked, &exhausted, &locked, &expiring, &unknown, &malformed,
    ] {
        let r = s.f.get(path, None).await.expect(StatusCode::NOT_FOUND);
        for (name, value) in [
            ("referrer-policy", "no-referrer"),
            ("cache-control", "no-store"),
            ("x-robots-tag", "noindex, nofollow"),
        ] {
            assert_eq!(r.headers[name], value, "{name}");
        }
        assert!(r.headers[header::CONTENT_SECURITY_POLICY]
            .to_str()
            .unwrap()
            .contains("default-src 'none'"));
        bodies.push(r.body);
        // Downloads too; and the language switch of that answer leads back to the
        // link's page, never to a download.
        let r = s
            .download(path, &s.docs[0], "")
            .await
            .expect(StatusCode::NOT_FOUND);
        assert_eq!(r.body, bodies[0]);
        if path != &malformed {
            assert!(r.text().contains("href=\"?lang=en\""));
            let r =
                s.f.get(&format!("{path}/{}?lang=en", s.docs[0]), None)
                    .await
                    .expect(StatusCode::SEE_OTHER);
            assert_eq!(
                r.headers[header::LOCATION],
                format!("{path}?lang=en").as_str()
            );
        }
    }
    assert!(
        bodies.windows(2).all(|w| w[0] == w[1]),
        "all dead links look the same"
    );
    let live = s.share(json!({"documents": [s.docs[0]]})).await.0;
    let r = s.f.get(&live, None).await.expect(StatusCode::OK);
    assert_eq!(r.headers["x-robots-tag"], "noindex, nofollow");
    assert_eq!(r.headers["referrer-policy"], "no-referrer");
    // A document not shared by this link is not reachable through it.
    s.download(&live, &s.docs[1], "")
        .await
        .expect(StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn a_passphrase_opens_the_link_and_a_wrong_one_is_counted() {
    let s = setup().await;
    let (path, _) = s
        .share(json!({"documents": [s.docs[0]], "passphrase": "citron vert"}))
        .await;
    let page = s.f.get(&path, None).await.expect(StatusCode::OK).text();
    assert!(page.contains("type=\"password\"") && !page.contains("recours.pdf"));
    let post = |form: &'static str| {
        Request::post(path.as_str())
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .body(Body::from(form))
            .unwrap()
    };
    let r =
        s.f.send(post("passphrase=citron+jaune"))
            .await
            .expect(StatusCode::FORBIDDEN);
    assert!(
        r.text().contains("Phrase secrète erronée. Encore 9 essais"),
        "{}",
        r.text()
    );
    let r =
        s.f.send(post("passphrase=citron+vert"))
            .await
            .expect(StatusCode::OK);
    assert!(r.text().contains("recours.pdf"));
    // Without it a download asks for it; with it, it works.
    let r = s
        .download(&path, &s.docs[0], "")
        .await
        .expect(StatusCode::OK);
    assert!(r.text().contains("type=\"password\""));
    let r = s
        .download(&path, &s.docs[0], "passphrase=citron+vert")
        .await
        .expect(StatusCode::OK);
    assert_eq!(r.body.as_ref(), b"RECOURS");
}

#[tokio::test]
async fn pages_speak_french_or_english() {
    let s = setup().await;
    let (path, _) = s.share(json!({"documents": [s.docs[0]]})).await;
    let fr = s.f.get(&path, None).await.expect(StatusCode::OK).text();
    assert!(
        fr.contains("<html lang=\"fr\" dir=\"ltr\">")
            && fr.contains("Télécharger")
            && fr.contains("?lang=en")
    );
    let en =
        s.f.get(&format!("{path}?lang=en"), None)
            .await
            .expect(StatusCode::OK)
            .text();
    assert!(
        en.contains("<html lang=\"en\" dir=\"ltr\">")
            && en.contains(">Download<")
            && en.contains("?lang=fr")
    );
    let r =
        s.f.send(
            Request::get(path.as_str())
                .header(header::ACCEPT_LANGUAGE, "en-US,en;q=0.8")
                .body(Body::empty())
                .unwrap(),
        )
        .await
        .expect(StatusCode::OK);
    assert!(r.text().contains("Documents shared with you"));
    // A language picked on a link page is kept for the link pages only: the volunteers'
    // choice (vault_lang) does not change what a person sees on the desk's computer.
    let picked =
        s.f.get(&format!("{path}?lang=ar"), None)
            .await
            .expect(StatusCode::OK);
    let set = picked.headers[header::SET_COOKIE]
        .to_str()
        .unwrap()
        .to_owned();
    assert!(
        set.starts_with("vault_link_lang=ar;") && set.contains("Path=/"),
        "{set}"
    );
    assert!(picked.text().contains("dir=\"rtl\""));
    for (cookie, expected) in [
        ("vault_link_lang=ar", "lang=\"ar\" dir=\"rtl\""),
        ("vault_lang=en", "lang=\"fr\" dir=\"ltr\""),
    ] {
        let r =
            s.f.send(
                Request::get(path.as_str())
                    .header(header::COOKIE, cookie)
                    .body(Body::empty())
                    .unwrap(),
            )
            .await
            .expect(StatusCode::OK);
        assert!(r.text().contains(expected), "{cookie}");
    }
    let dead =
        s.f.get("/s/x?lang=en", None)
            .await
            .expect(StatusCode::NOT_FOUND)
            .text();
    assert!(dead.contains("no longer valid"));
}

#[tokio::test]
async fn sharing_through_the_api_checks_input_and_membership() {
    let s = setup().await;
    let url = format!("/api/v1/cases/{}/shares", s.case);
    for bad in [
        json!({"documents": []}),
        json!({"documents": ["nope"]}),
        json!({"documents": [s.docs[0]], "expires": "31d"}),
        json!({"documents": [s.docs[0]], "expires": "soon"}),
        json!({"documents": [s.docs[0]], "max_downloads": 51}),
        json!({"documents": [s.docs[0]], "passphrase": "abc"}),
        json!({"documents": [s.docs[0]], "colour": "red"}),
    ] {
        s.f.call(Method::POST, &url, Some(&s.vera), bad.clone())
            .await
            .expect(StatusCode::BAD_REQUEST);
    }
    let admin = s.f.sign_in("admin", ADMIN_PASSWORD).await;
    s.f.call(
        Method::POST,
        "/api/v1/users",
        Some(&admin),
        json!({"name": "otto", "role": "volunteer", "password": "otto-password"}),
    )
    .await
    .expect(StatusCode::CREATED);
    let otto = s.f.sign_in("otto", "otto-password").await;
    s.f.call(
        Method::POST,
        &url,
        Some(&otto),
        json!({"documents": [s.docs[0]]}),
    )
    .await
    .expect(StatusCode::FORBIDDEN);
    s.f.get(&url, Some(&otto))
        .await
        .expect(StatusCode::FORBIDDEN);
    let (_, id) = s.share(json!({"documents": [s.docs[0]]})).await;
    s.f.call(
        Method::DELETE,
        &format!("/api/v1/shares/{id}"),
        Some(&otto),
        Value::Null,
    )
    .await
    .expect(StatusCode::FORBIDDEN);
    s.f.call(
        Method::DELETE,
        "/api/v1/shares/0123456789abcdef0123456789abcdef",
        Some(&s.vera),
        Value::Null,
    )
    .await
    .expect(StatusCode::NOT_FOUND);
    let listed =
        s.f.get(&url, Some(&s.vera))
            .await
            .expect(StatusCode::OK)
            .json();
    assert_eq!(listed[0]["status"], "live");
    assert!(
        listed[0].get("url").is_none() && listed[0].get("token").is_none(),
        "the address is shown once"
    );
}

#[tokio::test]
async fn beneficiaries_upload_several_files_within_the_limits() {
    let s = setup().await;
    let path = s
        .upload_link(json!({"max_files": 3, "max_bytes": "1MiB"}))
        .await;
    let page = s.f.get(&path, None).await.expect(StatusCode::OK).text();
    assert!(page.contains("enctype=\"multipart/form-data\"") && page.contains("name=\"files\""));
    assert!(page.contains("capture=\"environment\""));
    assert!(page.contains("Ce lien accepte encore 3 fichiers"), "{page}");

    let photo = vec![0xFFu8; 200_000];
    let r = post_files(
        &s.f,
        &path,
        &[
            ("files", "IMG_0001.jpg", &photo),
            ("files", "../../etc/passwd", b"root:x:0:0"),
            // Browsers escape newlines in names; a tab can come through.
            ("files", "titre\tde séjour.jpg", b"TITRE"),
            ("files", "", b""),
        ],
    )
    .await
    .expect(StatusCode::OK);
    let receipt = r.text();
    for name in ["IMG_0001.jpg", "passwd", "titre_de séjour.jpg"] {
        assert!(receipt.contains(name), "{name} in {receipt}");
    }
    assert!(receipt.contains(blake3::hash(&photo).to_hex().as_str()));
    assert!(receipt.contains("195,3 Ko"));

    // The link is full now: it is dead, for a new upload as for its page; nothing is kept.
    let before = s.f.stored_files();
    let dead_page =
        s.f.get(&path, None)
            .await
            .expect(StatusCode::NOT_FOUND)
            .text();
    let r = post_files(&s.f, &path, &[("files", "extra.jpg", b"EXTRA")])
        .await
        .expect(StatusCode::NOT_FOUND);
    assert_eq!(r.text(), dead_page);
    assert_eq!(s.f.stored_files(), before);

    // What the volunteer sees: three documents of kind other, names made safe.
    let docs =
        s.f.get(
            &format!("/api/v1/cases/{}/documents", s.case),
            Some(&s.vera),
        )
        .await
        .expect(StatusCode::OK)
        .json();
    let uploaded: Vec<&Value> = docs
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["meta"]["kind"] == "other")
        .collect();
    assert_eq!(uploaded.len(), 3);
    let links =
        s.f.get(
            &format!("/api/v1/cases/{}/upload-links", s.case),
            Some(&s.vera),
        )
        .await
        .expect(StatusCode::OK)
        .json();
    assert_eq!(links[0]["files"], 3);
    assert_eq!(links[0]["status"], "exhausted");
}

#[tokio::test]
async fn names_that_lie_or_are_not_utf8_are_refused_in_the_receipt() {
    let s = setup().await;
    let path = s.upload_link(json!({"max_files": 5})).await;
    let r = post_files(
        &s.f,
        &path,
        &[
            // Reads as "photo-passeportexe.jpg".
            ("files", "photo-passeport\u{202E}gpj.exe", b"MZ"),
            ("files", "a\u{200B}.jpg", b"ZW"),
            ("files", "ok.jpg", b"OK"),
        ],
    )
    .await
    .expect(StatusCode::OK);
    let receipt = r.text();
    assert!(receipt.contains("<bdi>ok.jpg</bdi>"), "{receipt}");
    // Refused with its reason; the hidden characters are shown, not obeyed.
    assert!(
        !receipt.contains('\u{202E}') && !receipt.contains('\u{200B}'),
        "{receipt}"
    );
    assert!(
        receipt.contains("U+202E") && receipt.contains("U+200B"),
        "{receipt}"
    );
    assert_eq!(
        receipt.matches("caractères invisibles").count(),
        2,
        "{receipt}"
    );

    // A file name whose bytes are not UTF-8 is refused and said so, not skipped or
    // stored with U+FFFD.
    let mut body = Vec::new();
    for (filename, content) in [
        (&b"photo\xFF\xFE.jpg"[..], &b"BAD"[..]),
        (b"ok2.jpg", b"OK2"),
    ] {
        body.extend_from_slice(
            format!("--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"files\"; filename=\"")
                .as_bytes(),
        );
        body.extend_from_slice(filename);
        body.extend_from_slice(b"\"\r\nContent-Type: image/jpeg\r\n\r\n");
        body.extend_from_slice(content);
        body.extend_from_slice(b"\r\n");
    }
    body.extend_from_slice(format!("--{BOUNDARY}--\r\n").as_bytes());
    let sent =
        s.f.send(
            Request::post(&path)
                .header(
                    header::CONTENT_TYPE,
                    format!("multipart/form-data; boundary={BOUNDARY}"),
                )
                .body(Body::from(body))
                .unwrap(),
        )
        .await;
    let r = followed(&s.f, sent).await.expect(StatusCode::OK);
    let receipt = r.text();
    assert!(receipt.contains("<bdi>ok2.jpg</bdi>"), "{receipt}");
    assert!(receipt.contains("UTF-8"), "{receipt}");
    assert!(!receipt.contains('\u{FFFD}'), "{receipt}");

    let docs =
        s.f.get(
            &format!("/api/v1/cases/{}/documents", s.case),
            Some(&s.vera),
        )
        .await
        .expect(StatusCode::OK)
        .json();
    let mut names: Vec<&str> = docs
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["meta"]["filename"].as_str().unwrap())
        .collect();
    names.sort();
    assert_eq!(names, ["ok.jpg", "ok2.jpg", "passeport.jpg", "recours.pdf"]);
}

#[tokio::test]
async fn uploads_over_the_limits_or_after_expiry_are_refused_clearly() {
    let s = setup().await;
    let path = s
        .upload_link(json!({"max_files": 3, "max_bytes": 100_000}))
        .await;
    let before = s.f.stored_files();
    let big = vec![1u8; 150_000];
    let r = post_files(&s.f, &path, &[("files", "big.jpg", &big)])
        .await
        .expect(StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        r.text().contains("big.jpg") && r.text().contains("trop volumineux"),
        "{}",
        r.text()
    );
    // Nothing was received: the page does not say "Reçu", and it leads back to the form.
    let title = r.text();
    let title = title
        .split_once("<title>")
        .and_then(|(_, t)| t.split_once("</title>"))
        .map(|(t, _)| t.to_owned())
        .unwrap();
    assert!(!title.contains("Reçu"), "{title}");
    assert!(
        r.text().contains(&format!("href=\"{path}?lang=fr\"")),
        "{}",
        r.text()
    );
    assert_eq!(
        s.f.stored_files(),
        before,
        "nothing of the big file is kept"
    );
    // A file far over the limit, then a small one: the rest of the first is read past
    // (more than a form may hold outside its files), and the second is kept.
    let huge = vec![2u8; 3 << 20];
    let r = post_files(
        &s.f,
        &path,
        &[("files", "huge.jpg", &huge), ("files", "small.jpg", b"S")],
    )
    .await
    .expect(StatusCode::OK);
    assert!(r.text().contains("huge.jpg") && r.text().contains("trop volumineux"));
    assert!(r.text().contains("small.jpg"), "{}", r.text());
    assert_eq!(s.f.stored_files(), before + 1);
    let r = post_files(
        &s.f,
        &path,
        &[
            ("files", "a.jpg", b"A"),
            ("files", "b.jpg", b"B"),
            ("files", "c.jpg", b"C"),
            ("files", "d.jpg", b"D"),
        ],
    )
    .await
    .expect(StatusCode::OK);
    assert!(r.text().contains("a.jpg") && r.text().contains("b.jpg"));
    assert!(
        r.text()
            .contains("<strong><bdi>c.jpg</bdi></strong> : ce lien n'accepte plus de fichier")
            && r.text()
                .contains("<strong><bdi>d.jpg</bdi></strong> : ce lien n'accepte plus de fichier"),
        "the third and fourth are refused: {}",
        r.text()
    );

    let short = s.upload_link(json!({"expires": 1})).await;
    tokio::time::sleep(std::time::Duration::from_millis(2100)).await;
    s.f.get(&short, None).await.expect(StatusCode::NOT_FOUND);
    post_files(&s.f, &short, &[("files", "late.jpg", b"LATE")])
        .await
        .expect(StatusCode::NOT_FOUND);
    let docs =
        s.f.get(
            &format!("/api/v1/cases/{}/documents", s.case),
            Some(&s.vera),
        )
        .await
        .expect(StatusCode::OK)
        .json();
    assert!(!docs.to_string().contains("late.jpg") && !docs.to_string().contains("big.jpg"));
}

#[tokio::test]
async fn a_form_part_whose_headers_never_end_is_cut_off() {
    let s = setup().await;
    let path = s.upload_link(json!({})).await;
    let before = s.f.stored_files();
    let boundary = BOUNDARY;
    let start = format!(
        "--{boundary}\r\nContent-Disposition: form-data; name=\"files\"; filename=\"a.jpg\"\r\n\
         X-Padding: "
    );
    // 2 MiB of one header line, then the client waits: the parser must not keep reading
    // until a blank line that never comes.
    let padding = bytes::Bytes::from(vec![b'a'; 64 * 1024]);
    let body = futures_util::StreamExt::chain(
        futures_util::stream::iter(
            std::iter::once(bytes::Bytes::from(start))
                .chain(std::iter::repeat_n(padding, 32))
                .map(Ok::<_, std::io::Error>),
        ),
        futures_util::stream::pending(),
    );
    let request = Request::post(&path)
        .header(
            header::CONTENT_TYPE,
            format!("multipart/form-data; boundary={boundary}"),
        )
        .body(Body::from_stream(body))
        .unwrap();
    let r = tokio::time::timeout(std::time::Duration::from_secs(20), s.f.send(request))
        .await
        .expect("the form is cut off, not waited on");
    let r = followed(&s.f, r).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(s.f.stored_files(), before);
}

#[tokio::test]
async fn forms_without_files_are_read_to_a_small_limit() {
    let s = setup().await;
    let doc = &s.docs[0];
    let (share, _) = s.share(json!({"documents": [doc]})).await;
    // A long body (64 MiB): each form is read to its limit (64 KiB) and answered, as if
    // empty or refused; the rest is never read.
    for path in [
        share.clone(),
        format!("{share}/{doc}"),
        format!("/s/{}", "A".repeat(43)),
        "/login".to_owned(),
        format!("/b/{}", "A".repeat(43)),
    ] {
        let pulled = std::sync::Arc::new(std::sync::atomic::AtomicUsize::new(0));
        let count = pulled.clone();
        let chunk = bytes::Bytes::from(vec![b'a'; 16 * 1024]);
        let long = futures_util::StreamExt::take(
            futures_util::stream::repeat_with(move || {
                count.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                Ok::<_, std::io::Error>(chunk.clone())
            }),
            4096,
        );
        let request = Request::post(&path)
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .body(Body::from_stream(long))
            .unwrap();
        let r = s.f.send(request).await;
        assert!(!r.status.is_server_error(), "{path}: {}", r.status);
        let read = pulled.load(std::sync::atomic::Ordering::Relaxed);
        assert!(read <= 8, "{path}: {read} chunks of 16 KiB read");
    }
}

#[tokio::test]
async fn forms_are_held_part_by_part_and_to_two_hundred_parts() {
    let s = setup().await;
    let path = s.upload_link(json!({})).await;
    let before = s.f.stored_files();
    let boundary = BOUNDARY;
    let form = |fields: usize| {
        let mut body = Vec::new();
        let padding = "p".repeat(6000);
        for i in 0..fields {
            body.extend_from_slice(
                format!(
                    "--{boundary}\r\nContent-Disposition: form-data; name=\"note{i}\"\r\n\
                     X-Padding: {padding}\r\n\r\nx\r\n"
                )
                .as_bytes(),
            );
        }
        body.extend_from_slice(
            format!(
                "--{boundary}\r\nContent-Disposition: form-data; name=\"files\"; \
                 filename=\"last.jpg\"\r\n\r\nLAST\r\n--{boundary}--\r\n"
            )
            .as_bytes(),
        );
        Request::post(&path)
            .header(
                header::CONTENT_TYPE,
                format!("multipart/form-data; boundary={boundary}"),
            )
            .body(Body::from(body))
            .unwrap()
    };
    // 190 parts of 6 KB headers (over 1 MiB in all, each small): the file after is kept.
    let sent = s.f.send(form(190)).await;
    let r = followed(&s.f, sent).await.expect(StatusCode::OK);
    assert!(r.text().contains("last.jpg"));
    assert_eq!(s.f.stored_files(), before + 1);
    // 250 parts: refused, the file after them is not reached.
    let sent = s.f.send(form(250)).await;
    followed(&s.f, sent)
        .await
        .expect(StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(s.f.stored_files(), before + 1);
}

/// A request whose body starts with `start`, then sends nothing more.
fn stalled(path: &str, content_type: &str, start: &str) -> Request<Body> {
    let body = futures_util::StreamExt::chain(
        futures_util::stream::iter([Ok::<_, std::io::Error>(bytes::Bytes::from(
            start.to_owned(),
        ))]),
        futures_util::stream::pending(),
    );
    Request::post(path)
        .header(header::CONTENT_TYPE, content_type)
        .body(Body::from_stream(body))
        .unwrap()
}

#[tokio::test(start_paused = true)]
async fn a_client_that_stops_sending_is_cut_off_after_a_minute() {
    let s = setup().await;
    let (share, _) = s.share(json!({"documents": [s.docs[0]]})).await;
    let upload = s.upload_link(json!({})).await;
    let form = "application/x-www-form-urlencoded";
    let boundary = BOUNDARY;
    let multipart = format!("multipart/form-data; boundary={boundary}");
    let cases = [
        stalled("/api/v1/session", "application/json", "{\"user\": \"ve"),
        stalled(&share, form, "passphrase=ab"),
        stalled("/login", form, "user=ve"),
        stalled(
            &upload,
            &multipart,
            &format!("--{boundary}\r\nContent-Disposition: form-data; name=\"fi"),
        ),
    ];
    // (A file stalled halfway is cut off by the upload's own pump: stream.rs tests it; the
    // paused clock used here does not advance while its encryption thread waits.)
    let before = s.f.stored_files();
    for (i, request) in cases.into_iter().enumerate() {
        let start = tokio::time::Instant::now();
        let r = tokio::time::timeout(std::time::Duration::from_secs(600), s.f.send(request))
            .await
            .unwrap_or_else(|_| panic!("request {i} is still waited on after ten minutes"));
        // The share page has no passphrase: it is shown, as for an empty form.
        assert!(
            i == 1 || !r.status.is_success(),
            "request {i}: {}",
            r.status
        );
        assert!(!r.status.is_server_error(), "request {i}: {}", r.status);
        assert!(
            start.elapsed() <= std::time::Duration::from_secs(61),
            "request {i}"
        );
    }
    assert_eq!(s.f.stored_files(), before);
}

#[tokio::test]
async fn link_pages_are_rate_limited_per_client() {
    let f = Fixture::bare(|c| vault_server::Config {
        link_rate_per_minute: 5,
        ..c
    });
    let unknown = format!("/s/{}", "A".repeat(43));
    for _ in 0..5 {
        f.get(&unknown, None).await.expect(StatusCode::NOT_FOUND);
    }
    let r = f
        .get(&unknown, None)
        .await
        .expect(StatusCode::TOO_MANY_REQUESTS);
    assert!(r.headers.contains_key(header::RETRY_AFTER));
    // The API is not counted.
    f.get("/healthz", None).await.expect(StatusCode::OK);
}

#[tokio::test]
async fn an_upload_page_announces_the_servers_limit_when_it_is_the_smaller() {
    // A link for 200 MB on a server that takes 5 MiB per file: the page says 5 MiB, the
    // limit a photo meets (it said 200 Mo, then refused a 7.8 MB photo once sent).
    let s = setup_with(|c| vault_server::Config {
        max_upload_bytes: 5 << 20,
        ..c
    })
    .await;
    let path = s
        .upload_link(json!({"max_files": 10, "max_bytes": 200_000_000}))
        .await;
    let page = s.f.get(&path, None).await.expect(StatusCode::OK).text();
    assert!(page.contains("jusqu'à 5,0 Mo en tout"), "{page}");
    // (The script's data-max-total holds the link's 200,000,000 bytes; no words do.)
    assert!(
        !page.contains("190,7 Mo") && !page.contains("200 Mo") && !page.contains("200,0"),
        "{page}"
    );
}

#[tokio::test]
async fn reloading_the_receipt_sends_nothing_again() {
    let s = setup().await;
    let path = s.upload_link(json!({"max_files": 10})).await;
    let before = s.f.stored_files();
    let sent = send_files(&s.f, &path, &[("files", "photo.jpg", b"JPEG")]).await;
    let (to, cookie) = receipt_of(&sent).expect("a redirect to the receipt");
    assert_eq!(to, format!("{path}/receipt?lang=fr"));
    assert_eq!(s.f.stored_files(), before + 1);
    // Reloaded three times: the same receipt, nothing stored again.
    for _ in 0..3 {
        let page = get_with(&s.f, &to, &cookie)
            .await
            .expect(StatusCode::OK)
            .text();
        assert!(
            page.contains("photo.jpg") && page.contains("Reçu"),
            "{page}"
        );
    }
    assert_eq!(s.f.stored_files(), before + 1);
    // Without its cookie (another phone, or later), the address leads to the form.
    let r = s.f.get(&to, None).await.expect(StatusCode::SEE_OTHER);
    assert_eq!(
        r.headers[header::LOCATION],
        format!("{path}?lang=fr").as_str()
    );
    // A receipt's cookie opens that link's receipt only.
    let other = s.upload_link(json!({})).await;
    let r = get_with(&s.f, &format!("{other}/receipt"), &cookie).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
}

#[tokio::test]
async fn the_lawyers_page_names_the_association_and_counts_the_days() {
    let s = setup_with(|c| vault_server::Config {
        association: Some("Droits Devant 93".into()),
        ..c
    })
    .await;
    let (path, _) = s
        .share(json!({"documents": [s.docs[0]], "expires": "7d"}))
        .await;
    let page = s.f.get(&path, None).await.expect(StatusCode::OK).text();
    assert!(
        page.contains("association <bdi>Droits Devant 93</bdi> vous a envoyé ces documents."),
        "{page}"
    );
    assert!(page.contains("(dans 7 jours)"), "{page}");
    // Without the setting, the page says "an association", as before.
    let plain = setup().await;
    let (path, _) = plain
        .share(json!({"documents": [plain.docs[0]], "expires": "1d"}))
        .await;
    let page = plain.f.get(&path, None).await.expect(StatusCode::OK).text();
    assert!(
        page.contains("Une association d&#39;aide juridique"),
        "{page}"
    );
    assert!(page.contains("(demain)"), "{page}");
}

#[tokio::test]
async fn a_form_declared_larger_than_the_link_takes_is_refused_before_it_is_read() {
    let s = setup_with(|c| vault_server::Config {
        max_upload_bytes: 5 << 20,
        ..c
    })
    .await;
    let path = s
        .upload_link(json!({"max_files": 2, "max_bytes": 200_000_000}))
        .await;
    let before = s.f.stored_files();
    // 30 MB declared, for a link that takes 2 files of 5 MiB at most: refused at once.
    // The body never comes: had the server waited for it, the timeout would say so.
    let request = Request::post(&path)
        .header(
            header::CONTENT_TYPE,
            format!("multipart/form-data; boundary={BOUNDARY}"),
        )
        .header(header::CONTENT_LENGTH, "30000000")
        .body(Body::from_stream(futures_util::stream::pending::<
            Result<bytes::Bytes, std::io::Error>,
        >()))
        .unwrap();
    let r = tokio::time::timeout(std::time::Duration::from_secs(10), s.f.send(request))
        .await
        .expect("refused without waiting for the body");
    assert_eq!(r.status, StatusCode::PAYLOAD_TOO_LARGE);
    let page = r.text();
    assert!(page.contains("Rien n'a été enregistré"), "{page}");
    assert!(page.contains(&format!("href=\"{path}?lang=fr\"")), "{page}");
    assert_eq!(s.f.stored_files(), before);
    // The page carries the limits for the script's check before sending.
    let page = s.f.get(&path, None).await.expect(StatusCode::OK).text();
    assert!(page.contains("data-max-file=\"5242880\""), "{page}");
    assert!(page.contains("data-max-files=\"2\""), "{page}");
    assert!(
        page.contains("data-too-large=\"trop volumineux pour ce lien\""),
        "{page}"
    );
    // A form within the limits is still taken.
    let sent = send_files(&s.f, &path, &[("files", "photo.jpg", b"JPEG")]).await;
    assert_eq!(followed(&s.f, sent).await.status, StatusCode::OK);
    assert_eq!(s.f.stored_files(), before + 1);
}

#[tokio::test]
async fn the_lawyers_page_shows_the_volunteers_message() {
    let s = setup().await;
    let (path, _) = s
        .share(json!({"documents": [s.docs[0]], "message": "Pièces pour l'audience du 12.\n<b>Merci</b>"}))
        .await;
    let page = s.f.get(&path, None).await.expect(StatusCode::OK).text();
    assert!(
        page.contains("<h2 id=\"message-title\">Message de l'association</h2>"),
        "{page}"
    );
    // As typed, line break kept by the style, markup escaped, its direction its own.
    assert!(
        page.contains(
            "<p dir=\"auto\">Pièces pour l'audience du 12.\n&lt;b&gt;Merci&lt;/b&gt;</p>"
        ),
        "{page}"
    );
    let (plain, _) = s.share(json!({"documents": [s.docs[0]]})).await;
    let page = s.f.get(&plain, None).await.text();
    assert!(!page.contains("message-title"), "{page}");
    // Too long: refused with the field named.
    let r =
        s.f.call(
            Method::POST,
            &format!("/api/v1/cases/{}/shares", s.case),
            Some(&s.vera),
            json!({"documents": [s.docs[0]], "message": "x".repeat(1001)}),
        )
        .await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST, "{}", r.text());
}

/// "Download all": one ZIP of every document, counted as one download; twenty at once on
/// a limit of five give exactly five archives.
#[tokio::test]
async fn download_all_is_one_zip_counted_once_even_twenty_at_a_time() {
    let s = setup().await;
    let (path, _) = s
        .share(json!({"documents": [s.docs[0], s.docs[1]], "max_downloads": 5}))
        .await;
    let page = s.f.get(&path, None).await.expect(StatusCode::OK).text();
    assert!(
        page.contains(&format!("action=\"{path}/all?lang=fr\"")),
        "{page}"
    );
    assert!(page.contains("Tout télécharger"), "{page}");
    let zip = s.download(&path, "all", "").await.expect(StatusCode::OK);
    assert_eq!(zip.headers[header::CONTENT_TYPE], "application/zip");
    assert!(zip.body.starts_with(b"PK"));
    // Stored entries: the names and contents are in the archive as they are.
    for part in [
        &b"recours.pdf"[..],
        b"RECOURS",
        b"passeport.jpg",
        b"PASSEPORT",
    ] {
        assert!(zip.body.windows(part.len()).any(|w| w == part), "{part:?}");
    }
    let links =
        s.f.get(&format!("/api/v1/cases/{}/shares", s.case), Some(&s.vera))
            .await
            .json();
    assert_eq!(
        links[0]["downloads"], 1,
        "one download for the whole archive"
    );

    let (path, _) = s
        .share(json!({"documents": [s.docs[0], s.docs[1]], "max_downloads": 5}))
        .await;
    let tries = (0..20).map(|_| s.download(&path, "all", ""));
    let answers = futures_util::future::join_all(tries).await;
    let served = answers
        .iter()
        .filter(|r| r.status == StatusCode::OK)
        .count();
    assert_eq!(served, 5, "exactly the limit");
    for r in answers.iter().filter(|r| r.status == StatusCode::OK) {
        assert!(
            r.body.windows(9).any(|w| w == b"PASSEPORT"),
            "each archive is whole"
        );
    }
}
