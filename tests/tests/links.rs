//! Share and upload links against the real server: what a lawyer and a beneficiary do,
//! in headless Chromium when it is installed (always in CI), and what the server logs.

mod util;

use serde_json::json;
use util::browser::{missing, Browser};
use util::server::{raw_request, Api, Server};
use util::*;

const PUBLIC: &str = "http://127.0.0.1:8080";

struct Scene {
    _v: VaultDir,
    server: Server,
    api: Api,
    case: String,
    doc: String,
    share_path: String,
    upload_path: String,
}

fn scene() -> Scene {
    let v = VaultDir::init();
    let server = Server::start(&v.data(), &[]);
    let api = Api::signed_in(&server.base, "alice", ADMIN_PASSWORD);
    let case = api.new_case("Fatou D.");
    let (status, _, body) = api.send(
        "POST",
        &format!("/api/v1/cases/{case}/documents?kind=appeal&filename=recours.pdf"),
        &[("content-type", "application/octet-stream")],
        std::io::Cursor::new(b"%PDF-1.7 recours".to_vec()),
    );
    assert_eq!(status, 201);
    let doc = serde_json::from_slice::<serde_json::Value>(&body).unwrap()["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let (status, share) = api.json(
        "POST",
        &format!("/api/v1/cases/{case}/shares"),
        Some(json!({"documents": [doc], "label": "Me Dupont", "max_downloads": 3})),
    );
    assert_eq!(status, 201, "{share}");
    let (status, upload) = api.json(
        "POST",
        &format!("/api/v1/cases/{case}/upload-links"),
        Some(json!({})),
    );
    assert_eq!(status, 201, "{upload}");
    let path = |v: &serde_json::Value| {
        v["url"]
            .as_str()
            .unwrap()
            .strip_prefix(PUBLIC)
            .unwrap()
            .to_owned()
    };
    Scene {
        share_path: path(&share),
        upload_path: path(&upload),
        _v: v,
        server,
        api,
        case,
        doc,
    }
}

#[test]
fn link_tokens_never_reach_the_servers_output() {
    let s = scene();
    let anonymous = Api::new(&s.server.base);
    assert_eq!(anonymous.get(&s.share_path).0, 200);
    let (status, _, body) = anonymous.send(
        "POST",
        &format!("{}/{}", s.share_path, s.doc),
        &[],
        std::io::empty(),
    );
    assert_eq!(
        (status, body.as_slice()),
        (200, b"%PDF-1.7 recours".as_slice())
    );
    assert_eq!(anonymous.get(&s.upload_path).0, 200);
    let boundary = "b0undary";
    let form = format!(
        "--{boundary}\r\nContent-Disposition: form-data; name=\"files\"; filename=\"photo.jpg\"\r\n\
         Content-Type: image/jpeg\r\n\r\nJPEG\r\n--{boundary}--\r\n"
    );
    let (status, answer) = raw_request(
        &s.server.base,
        &format!(
            "POST {} HTTP/1.1\r\nContent-Type: multipart/form-data; boundary={boundary}",
            s.upload_path
        ),
        form.as_bytes(),
    );
    assert_eq!(status, 200, "{answer}");
    let log = s.server.log() + &s.server.printed();
    for path in [&s.share_path, &s.upload_path] {
        let token = path.rsplit('/').next().unwrap();
        assert!(
            !log.contains(token),
            "a link token reached the server's output"
        );
    }
    assert!(!log.contains("Fatou") && !log.contains("recours.pdf") && !log.contains("photo.jpg"));
    assert!(
        log.contains("route=/s/{token}/{doc}") && log.contains("route=/u/{token}"),
        "{log}"
    );

    // The case's report shows the lawyer's download and the beneficiary's upload.
    let (_, report) = s.api.json(
        "GET",
        &format!("/api/v1/cases/{}/access-report", s.case),
        None,
    );
    let actions: Vec<(String, String)> = report
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            (
                e["actor"].as_str().unwrap().to_owned(),
                e["action"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    assert!(actions
        .iter()
        .any(|(a, x)| a.starts_with("share:") && x == "share.download"));
    assert!(actions
        .iter()
        .any(|(a, x)| a.starts_with("upload:") && x == "document.add"));
}

#[test]
fn a_lawyer_and_a_beneficiary_use_their_links_in_chromium() {
    if let Some(why) = missing() {
        eprintln!("SKIPPED a_lawyer_and_a_beneficiary_use_their_links_in_chromium: {why}");
        return;
    }
    let s = scene();
    let base = &s.server.base;

    // The lawyer: the page lists the document; its button downloads it.
    let lawyer = Browser::start("fr");
    lawyer.open(&format!("{base}{}", s.share_path));
    let page = lawyer.source();
    assert!(
        page.contains("Documents partagés avec vous") && page.contains("recours.pdf"),
        "{page}"
    );
    lawyer.assert_accessible("share-page-fr");
    let shot = lawyer.screenshot("share-page-fr");
    println!("screenshot: {}", shot.display());
    lawyer.click("ul.docs form button");
    assert_eq!(lawyer.downloaded("recours.pdf"), b"%PDF-1.7 recours");
    lawyer.open(&format!("{base}{}?lang=en", s.share_path));
    assert!(lawyer.source().contains("Documents shared with you"));
    lawyer.screenshot("share-page-en");
    lawyer.assert_accessible("share-page-en");
    lawyer.open(&format!("{base}/s/{}", "A".repeat(43)));
    assert!(lawyer.source().contains("Lien expiré ou inconnu"));
    lawyer.screenshot("dead-link");
    lawyer.assert_accessible("dead-link");

    // The beneficiary, on a phone-sized window: choose a photo, send, get a receipt.
    let phone = Browser::start("en");
    phone.open(&format!("{base}{}", s.upload_path));
    assert!(
        phone.source().contains("Send your documents"),
        "Accept-Language picks English"
    );
    phone.screenshot("upload-page");
    phone.assert_accessible("upload-page");
    let photo = tempfile::tempdir().unwrap();
    let file = photo.path().join("titre-de-sejour.jpg");
    std::fs::write(&file, b"JPEG photo of a residence permit").unwrap();
    phone.type_into("#files", &file.display().to_string());
    phone.click("form button[type=submit]");
    let receipt = phone.wait_for("titre-de-sejour.jpg");
    assert!(receipt.contains(
        blake3::hash(b"JPEG photo of a residence permit")
            .to_hex()
            .as_str()
    ));
    phone.screenshot("upload-receipt");
    phone.assert_accessible("upload-receipt");

    // The volunteer sees the new document, kind other, to classify.
    let (_, docs) = s
        .api
        .json("GET", &format!("/api/v1/cases/{}/documents", s.case), None);
    assert!(docs
        .as_array()
        .unwrap()
        .iter()
        .any(|d| d["meta"]["filename"] == "titre-de-sejour.jpg" && d["meta"]["kind"] == "other"));
}
