//! Router tests: every route through `tower::ServiceExt::oneshot`, signed in and not,
//! with bad input.

mod common;

use common::*;

use std::net::SocketAddr;

use axum::body::{Body, Bytes};
use axum::extract::ConnectInfo;
use axum::http::{header, Method, Request, StatusCode};
use http_body_util::BodyExt;
use secrecy::SecretString;
use serde_json::{json, Value};
use tower::ServiceExt;
use vault_core::{KdfParams, Settings, Vault};
use vault_server::{app, AppState, Config};

#[tokio::test]
async fn sign_in_answers_tokens_and_a_strict_cookie() {
    let f = Fixture::new().await;
    let r = f
        .call(
            Method::POST,
            "/api/v1/session",
            None,
            json!({"user": "vera", "password": "vera-password"}),
        )
        .await
        .expect(StatusCode::OK);
    let body = r.json();
    let token = body["token"].as_str().unwrap();
    assert_eq!(token.len(), 43);
    assert_eq!(body["csrf_token"].as_str().unwrap().len(), 43);
    assert_eq!(body["user"]["name"], "vera");
    let cookie = r.headers[header::SET_COOKIE].to_str().unwrap();
    assert!(cookie.starts_with(&format!("vault_session={token};")));
    for attribute in ["HttpOnly", "SameSite=Strict", "Path=/"] {
        assert!(cookie.contains(attribute), "{cookie}");
    }
    assert!(!cookie.contains("Secure"), "plain http: no Secure flag");
    let me = f
        .get("/api/v1/session", Some(token))
        .await
        .expect(StatusCode::OK);
    assert_eq!(me.json()["user"]["role"], "volunteer");

    // Sign out: the token is dead, the cookie cleared.
    let r = f
        .call(Method::DELETE, "/api/v1/session", Some(token), Value::Null)
        .await
        .expect(StatusCode::NO_CONTENT);
    assert!(r.headers[header::SET_COOKIE]
        .to_str()
        .unwrap()
        .contains("Max-Age=0"));
    let r = f
        .get("/api/v1/session", Some(token))
        .await
        .expect(StatusCode::UNAUTHORIZED);
    assert_eq!(r.error_code(), "unauthenticated");
}

#[tokio::test]
async fn bad_sign_ins_are_refused_alike_then_throttled() {
    let f = Fixture::new().await;
    let wrong = f
        .call(
            Method::POST,
            "/api/v1/session",
            None,
            json!({"user": "vera", "password": "nope-nope"}),
        )
        .await
        .expect(StatusCode::UNAUTHORIZED);
    let unknown = f
        .call(
            Method::POST,
            "/api/v1/session",
            None,
            json!({"user": "nobody", "password": "nope-nope"}),
        )
        .await
        .expect(StatusCode::UNAUTHORIZED);
    assert_eq!(
        wrong.json(),
        unknown.json(),
        "unknown user and wrong password look the same"
    );
    assert_eq!(wrong.error_code(), "bad_credentials");
    assert!(wrong.json()["message"]
        .as_str()
        .unwrap()
        .contains("mot de passe"));

    let r = f
        .send(
            Request::post("/api/v1/session")
                .header(header::CONTENT_TYPE, "application/json")
                .body(Body::from("{\"user\": \"vera\", \"password\": "))
                .unwrap(),
        )
        .await
        .expect(StatusCode::BAD_REQUEST);
    assert_eq!(r.error_code(), "invalid_json");
    let r = f
        .send(
            Request::post("/api/v1/session")
                .body(Body::from("user=vera"))
                .unwrap(),
        )
        .await
        .expect(StatusCode::UNSUPPORTED_MEDIA_TYPE);
    assert_eq!(r.error_code(), "unsupported_media_type");
    f.call(
        Method::POST,
        "/api/v1/session",
        None,
        json!({"user": "vera", "password": "x", "admin": true}),
    )
    .await
    .expect(StatusCode::BAD_REQUEST);
    // A refused value is never quoted back: the message names the field only.
    let r = f
        .call(
            Method::POST,
            "/api/v1/session",
            None,
            json!({"user": "vera", "password": 987654321}),
        )
        .await
        .expect(StatusCode::BAD_REQUEST);
    let message = r.json()["message"].as_str().unwrap().to_owned();
    assert!(
        message.contains("password") && !message.contains("987654321"),
        "{message}"
    );

    // Four more failures on vera (five in all): the sixth try waits, even with the right
    // password, and says how long.
    for _ in 0..4 {
        f.call(
            Method::POST,
            "/api/v1/session",
            None,
            json!({"user": "vera", "password": "nope-nope"}),
        )
        .await
        .expect(StatusCode::UNAUTHORIZED);
    }
    let r = f
        .call(
            Method::POST,
            "/api/v1/session",
            None,
            json!({"user": "vera", "password": "vera-password"}),
        )
        .await
        .expect(StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(r.error_code(), "throttled");
    let wait: u64 = r.headers[header::RETRY_AFTER]
        .to_str()
        .unwrap()
        .parse()
        .unwrap();
    assert!((1..=2).contains(&wait), "{wait}");
    // Another account is not held back.
    f.sign_in("admin", ADMIN_PASSWORD).await;
}

/// A sign-in whose connection comes from `client`.
async fn sign_in_from(f: &Fixture, client: [u8; 4], user: &str, password: &str) -> Reply {
    let mut request = Request::post("/api/v1/session")
        .header(header::CONTENT_TYPE, "application/json")
        .body(Body::from(
            json!({"user": user, "password": password}).to_string(),
        ))
        .unwrap();
    request
        .extensions_mut()
        .insert(ConnectInfo(SocketAddr::from((client, 40_000))));
    f.send(request).await
}

/// `tries` wrong passwords on `user` from each of `clients` addresses 203.0.113.x (x from
/// `first`); answers the statuses.
async fn guess_from_many(
    f: &Fixture,
    user: &str,
    first: u8,
    clients: u8,
    tries: usize,
) -> Vec<StatusCode> {
    let mut statuses = Vec::new();
    for c in first..first + clients {
        for _ in 0..tries {
            statuses.push(
                sign_in_from(f, [203, 0, 113, c], user, "guess-guess")
                    .await
                    .status,
            );
        }
    }
    statuses
}

#[tokio::test]
async fn throttling_guesses_from_many_addresses_cannot_lock_out_the_user() {
    let f = Fixture::new().await;
    let home = [198, 51, 100, 7];
    sign_in_from(&f, home, "vera", "vera-password")
        .await
        .expect(StatusCode::OK);
    // 24 wrong passwords from 12 other addresses, two each.
    let statuses = guess_from_many(&f, "vera", 1, 12, 2).await;
    // The real user, from an address never seen and from the one she used before.
    sign_in_from(&f, [192, 0, 2, 50], "vera", "vera-password")
        .await
        .expect(StatusCode::OK);
    sign_in_from(&f, home, "vera", "vera-password")
        .await
        .expect(StatusCode::OK);
    // Each guessing address had its own tries: none was held back by the others.
    assert!(
        statuses.iter().all(|s| *s == StatusCode::UNAUTHORIZED),
        "{statuses:?}"
    );
}

#[tokio::test]
async fn throttling_still_slows_an_attacker_per_client_and_per_account() {
    let f = Fixture::new().await;
    // One address: five wrong passwords, then it waits, even with the right one.
    let one = [203, 0, 113, 1];
    for _ in 0..5 {
        sign_in_from(&f, one, "vera", "guess-guess")
            .await
            .expect(StatusCode::UNAUTHORIZED);
    }
    let r = sign_in_from(&f, one, "vera", "vera-password")
        .await
        .expect(StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(r.error_code(), "throttled");
    // 95 more from 19 other addresses, 100 in all: every one is checked...
    let statuses = guess_from_many(&f, "vera", 2, 19, 5).await;
    assert!(
        statuses.iter().all(|s| *s == StatusCode::UNAUTHORIZED),
        "{statuses:?}"
    );
    // ...and past the account's ceiling an address never seen waits, for a minute.
    let r = sign_in_from(&f, [192, 0, 2, 50], "vera", "vera-password")
        .await
        .expect(StatusCode::TOO_MANY_REQUESTS);
    let wait: u64 = r.headers[header::RETRY_AFTER]
        .to_str()
        .unwrap()
        .parse()
        .unwrap();
    assert!((55..=60).contains(&wait), "{wait}");
    // Another account is not held back.
    sign_in_from(&f, [192, 0, 2, 50], "admin", ADMIN_PASSWORD)
        .await
        .expect(StatusCode::OK);
}

#[tokio::test]
async fn throttling_trusts_a_client_that_signed_in_before() {
    let f = Fixture::new().await;
    let home = [198, 51, 100, 7];
    sign_in_from(&f, home, "vera", "vera-password")
        .await
        .expect(StatusCode::OK);
    // 150 wrong passwords from 30 addresses, past the account's ceiling of 100.
    let statuses = guess_from_many(&f, "vera", 1, 30, 5).await;
    let refused = statuses
        .iter()
        .filter(|s| **s == StatusCode::TOO_MANY_REQUESTS)
        .count();
    assert!(refused >= 40, "the ceiling held no one back: {statuses:?}");
    sign_in_from(&f, [192, 0, 2, 50], "vera", "vera-password")
        .await
        .expect(StatusCode::TOO_MANY_REQUESTS);
    // The address vera signed in from is not held back by them.
    sign_in_from(&f, home, "vera", "vera-password")
        .await
        .expect(StatusCode::OK);
    // It has its own count: a few typos there are forgiven, ten make it wait.
    for _ in 0..10 {
        sign_in_from(&f, home, "vera", "vera-pasword")
            .await
            .expect(StatusCode::UNAUTHORIZED);
    }
    sign_in_from(&f, home, "vera", "vera-password")
        .await
        .expect(StatusCode::TOO_MANY_REQUESTS);
}

#[tokio::test]
async fn every_protected_route_wants_a_session() {
    let f = Fixture::new().await;
    let id = "0123456789abcdef0123456789abcdef";
    let routes = [
        (Method::GET, "/api/v1/session".to_string()),
        (Method::DELETE, "/api/v1/session".into()),
        (Method::PUT, "/api/v1/session/password".into()),
        (Method::GET, "/api/v1/users".into()),
        (Method::POST, "/api/v1/users".into()),
        (Method::POST, "/api/v1/users/vera/recover".into()),
        (Method::GET, "/api/v1/teams".into()),
        (Method::POST, "/api/v1/teams".into()),
        (Method::POST, "/api/v1/teams/Belleville/members".into()),
        (
            Method::DELETE,
            "/api/v1/teams/Belleville/members/vera".into(),
        ),
        (Method::GET, "/api/v1/cases".into()),
        (Method::POST, "/api/v1/cases".into()),
        (Method::POST, "/api/v1/cases/search".into()),
        (Method::GET, format!("/api/v1/cases/{id}")),
        (Method::PATCH, format!("/api/v1/cases/{id}")),
        (Method::DELETE, format!("/api/v1/cases/{id}")),
        (Method::GET, format!("/api/v1/cases/{id}/access-report")),
        (Method::POST, format!("/api/v1/cases/{id}/bundles")),
        (Method::GET, format!("/api/v1/cases/{id}/documents")),
        (
            Method::POST,
            format!("/api/v1/cases/{id}/documents?kind=other&filename=a"),
        ),
        (Method::GET, format!("/api/v1/documents/{id}")),
        (Method::DELETE, format!("/api/v1/documents/{id}")),
        (Method::PATCH, format!("/api/v1/documents/{id}")),
        (Method::GET, format!("/api/v1/documents/{id}/content")),
        (
            Method::POST,
            format!("/api/v1/documents/{id}/versions?filename=a"),
        ),
        (Method::POST, format!("/api/v1/documents/{id}/verify")),
        (Method::GET, "/api/v1/log/checkpoint".into()),
        (Method::GET, "/api/v1/admin/backups".into()),
        (Method::POST, "/api/v1/admin/backups".into()),
        (Method::GET, format!("/api/v1/cases/{id}/shares")),
        (Method::POST, format!("/api/v1/cases/{id}/shares")),
        (Method::DELETE, format!("/api/v1/shares/{id}")),
        (Method::GET, format!("/api/v1/cases/{id}/upload-links")),
        (Method::POST, format!("/api/v1/cases/{id}/upload-links")),
        (Method::DELETE, format!("/api/v1/upload-links/{id}")),
    ];
    for (method, uri) in &routes {
        for token in [None, Some("not-a-session-token")] {
            let r = f.call(method.clone(), uri, token, json!({})).await;
            assert_eq!(
                r.status,
                StatusCode::UNAUTHORIZED,
                "{method} {uri}: {}",
                r.text()
            );
            assert_eq!(r.error_code(), "unauthenticated");
        }
    }
    // The OpenAPI document lists exactly these routes, and itself.
    let doc = f
        .get("/api/v1/openapi.json", None)
        .await
        .expect(StatusCode::OK)
        .json();
    let mut documented: Vec<String> = Vec::new();
    for (path, item) in doc["paths"].as_object().unwrap() {
        for method in item.as_object().unwrap().keys() {
            documented.push(format!("{} {path}", method.to_uppercase()));
        }
    }
    let mut routed: Vec<String> = routes
        .iter()
        .map(|(m, u)| {
            let path = u
                .trim_start_matches("/api/v1")
                .split('?')
                .next()
                .unwrap()
                .replace(&format!("cases/{id}"), "cases/{case}")
                .replace(&format!("documents/{id}"), "documents/{doc}")
                .replace(&format!("shares/{id}"), "shares/{id}")
                .replace(&format!("upload-links/{id}"), "upload-links/{id}")
                .replace("users/vera", "users/{user}")
                .replace("members/vera", "members/{user}")
                .replace("teams/Belleville", "teams/{team}");
            format!("{m} {path}")
        })
        .collect();
    routed.push("POST /session".into());
    routed.push("GET /openapi.json".into());
    documented.sort();
    routed.sort();
    assert_eq!(documented, routed);
}

#[tokio::test]
async fn cookie_changes_need_the_csrf_token() {
    let f = Fixture::new().await;
    let r = f
        .call(
            Method::POST,
            "/api/v1/session",
            None,
            json!({"user": "admin", "password": ADMIN_PASSWORD}),
        )
        .await
        .expect(StatusCode::OK);
    let token = r.json()["token"].as_str().unwrap().to_owned();
    let csrf = r.json()["csrf_token"].as_str().unwrap().to_owned();
    let with_cookie = |method: Method, uri: &str, csrf: Option<&str>| {
        let mut b = Request::builder()
            .method(method)
            .uri(uri)
            .header(header::COOKIE, format!("theme=dark; vault_session={token}"))
            .header(header::CONTENT_TYPE, "application/json");
        if let Some(c) = csrf {
            b = b.header("x-csrf-token", c);
        }
        b.body(Body::from(json!({"name": "Permanence Nord"}).to_string()))
            .unwrap()
    };
    // Reading needs no CSRF token.
    f.send(with_cookie(Method::GET, "/api/v1/teams", None))
        .await
        .expect(StatusCode::OK);
    let r = f
        .send(with_cookie(Method::POST, "/api/v1/teams", None))
        .await
        .expect(StatusCode::FORBIDDEN);
    assert_eq!(r.error_code(), "csrf");
    let r = f
        .send(with_cookie(Method::POST, "/api/v1/teams", Some(&token)))
        .await
        .expect(StatusCode::FORBIDDEN);
    assert_eq!(r.error_code(), "csrf");
    f.send(with_cookie(Method::POST, "/api/v1/teams", Some(&csrf)))
        .await
        .expect(StatusCode::CREATED);
    // A bearer token needs none: browsers never send it on their own.
    f.call(
        Method::POST,
        "/api/v1/teams",
        Some(&token),
        json!({"name": "Permanence Sud"}),
    )
    .await
    .expect(StatusCode::CREATED);
}

#[tokio::test]
async fn users_and_teams_follow_roles() {
    let f = Fixture::new().await;
    let admin = f.sign_in("admin", ADMIN_PASSWORD).await;
    let vera = f.sign_in("vera", "vera-password").await;
    let users = f
        .get("/api/v1/users", Some(&admin))
        .await
        .expect(StatusCode::OK)
        .json();
    let names: Vec<&str> = users
        .as_array()
        .unwrap()
        .iter()
        .map(|u| u["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["admin", "vera"]);
    let r = f
        .get("/api/v1/users", Some(&vera))
        .await
        .expect(StatusCode::FORBIDDEN);
    assert_eq!(r.error_code(), "forbidden");
    let r = f
        .call(
            Method::POST,
            "/api/v1/users",
            Some(&admin),
            json!({"name": "vera", "role": "volunteer", "password": "another-pass"}),
        )
        .await
        .expect(StatusCode::CONFLICT);
    assert_eq!(r.error_code(), "conflict");
    f.call(
        Method::POST,
        "/api/v1/users",
        Some(&admin),
        json!({"name": "zed", "role": "pope", "password": "another-pass"}),
    )
    .await
    .expect(StatusCode::BAD_REQUEST);
    f.call(
        Method::POST,
        "/api/v1/users",
        Some(&admin),
        json!({"name": "zed", "role": "volunteer", "password": "short"}),
    )
    .await
    .expect(StatusCode::BAD_REQUEST);
    f.call(
        Method::POST,
        "/api/v1/users",
        Some(&vera),
        json!({"name": "zed", "role": "volunteer", "password": "long-enough"}),
    )
    .await
    .expect(StatusCode::FORBIDDEN);
    f.call(
        Method::POST,
        "/api/v1/teams/Nowhere/members",
        Some(&admin),
        json!({"user": "vera"}),
    )
    .await
    .expect(StatusCode::NOT_FOUND);
    let teams = f
        .get("/api/v1/teams", Some(&admin))
        .await
        .expect(StatusCode::OK)
        .json();
    let epoch = teams[0]["epoch"].as_u64().unwrap();
    let team = f
        .call(
            Method::DELETE,
            "/api/v1/teams/Belleville/members/vera",
            Some(&admin),
            Value::Null,
        )
        .await
        .expect(StatusCode::OK)
        .json();
    assert_eq!(
        team["epoch"],
        epoch + 1,
        "removing a member rotates the team's keys"
    );

    // Password change: the wrong old password is not a lost session.
    let r = f
        .call(
            Method::PUT,
            "/api/v1/session/password",
            Some(&vera),
            json!({"old_password": "wrong-one", "new_password": "vera-new-password"}),
        )
        .await
        .expect(StatusCode::FORBIDDEN);
    assert_eq!(r.error_code(), "wrong_password");
    f.call(
        Method::PUT,
        "/api/v1/session/password",
        Some(&vera),
        json!({"old_password": "vera-password", "new_password": "vera-new-password"}),
    )
    .await
    .expect(StatusCode::NO_CONTENT);
    f.sign_in("vera", "vera-new-password").await;
    // Recovery with a key that is not the vault's.
    let r = f
        .call(
            Method::POST,
            "/api/v1/users/vera/recover",
            Some(&admin),
            json!({"recovery_key": "AGE-SECRET-KEY-1QQQ", "new_password": "whatever-123"}),
        )
        .await
        .expect(StatusCode::BAD_REQUEST);
    assert!(!r.text().contains("QQQ"), "the key is not echoed");
    let key = secrecy::ExposeSecret::expose_secret(f.recovery_key.as_ref().unwrap()).to_owned();
    f.call(
        Method::POST,
        "/api/v1/users/vera/recover",
        Some(&vera),
        json!({"recovery_key": key, "new_password": "vera-recovered"}),
    )
    .await
    .expect(StatusCode::FORBIDDEN);
    f.call(
        Method::POST,
        "/api/v1/users/vera/recover",
        Some(&admin),
        json!({"recovery_key": key, "new_password": "vera-recovered"}),
    )
    .await
    .expect(StatusCode::NO_CONTENT);
    // Whoever held the old password is signed out.
    f.get("/api/v1/session", Some(&vera))
        .await
        .expect(StatusCode::UNAUTHORIZED);
    f.get("/api/v1/session", Some(&admin))
        .await
        .expect(StatusCode::OK);
    f.sign_in("vera", "vera-recovered").await;
}

#[tokio::test]
async fn cases_can_be_created_changed_and_erased() {
    let f = Fixture::new().await;
    let admin = f.sign_in("admin", ADMIN_PASSWORD).await;
    let vera = f.sign_in("vera", "vera-password").await;
    let case = f.new_case(&vera).await;
    let shown = f
        .get(&format!("/api/v1/cases/{case}"), Some(&admin))
        .await
        .expect(StatusCode::OK)
        .json();
    assert_eq!(shown["profile"]["name"], "Amina K.");
    assert_eq!(shown["status"], "open");
    let list = f
        .get("/api/v1/cases", Some(&vera))
        .await
        .expect(StatusCode::OK)
        .json();
    assert_eq!(list.as_array().unwrap().len(), 1);

    let changed = f
        .call(
            Method::PATCH,
            &format!("/api/v1/cases/{case}"),
            Some(&vera),
            json!({"status": "closed", "profile": {"name": "Amina K.", "language": "ar"}}),
        )
        .await
        .expect(StatusCode::OK)
        .json();
    assert_eq!(changed["status"], "closed");
    assert_eq!(changed["profile"]["language"], "ar");
    f.call(
        Method::PATCH,
        &format!("/api/v1/cases/{case}"),
        Some(&vera),
        json!({}),
    )
    .await
    .expect(StatusCode::BAD_REQUEST);
    f.call(
        Method::PATCH,
        &format!("/api/v1/cases/{case}"),
        Some(&vera),
        json!({"profile": {"name": " "}}),
    )
    .await
    .expect(StatusCode::BAD_REQUEST);
    f.call(
        Method::POST,
        "/api/v1/cases",
        Some(&vera),
        json!({"team": "Belleville", "profile": {"name": "X", "birth_date": "1991-02-30"}}),
    )
    .await
    .expect(StatusCode::BAD_REQUEST);
    f.call(
        Method::POST,
        "/api/v1/cases",
        Some(&vera),
        json!({"team": "Nowhere", "profile": {"name": "X"}}),
    )
    .await
    .expect(StatusCode::NOT_FOUND);
    // Unknown and malformed ids.
    f.get(
        "/api/v1/cases/0123456789abcdef0123456789abcdef",
        Some(&vera),
    )
    .await
    .expect(StatusCode::NOT_FOUND);
    f.get("/api/v1/cases/..%2F..%2Fvault.toml", Some(&vera))
        .await
        .expect(StatusCode::NOT_FOUND);

    // The report shows who did what; names are resolved for people.
    let report = f
        .get(&format!("/api/v1/cases/{case}/access-report"), Some(&vera))
        .await
        .expect(StatusCode::OK)
        .json();
    let actions: Vec<&str> = report
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["action"].as_str().unwrap())
        .collect();
    assert!(
        actions.contains(&"case.create") && actions.contains(&"case.close"),
        "{actions:?}"
    );
    assert!(report[0]["text_fr"].as_str().unwrap().contains("par vera"));

    // Only coordinators and admins erase.
    f.call(
        Method::DELETE,
        &format!("/api/v1/cases/{case}"),
        Some(&vera),
        Value::Null,
    )
    .await
    .expect(StatusCode::FORBIDDEN);
    f.call(
        Method::DELETE,
        &format!("/api/v1/cases/{case}"),
        Some(&admin),
        Value::Null,
    )
    .await
    .expect(StatusCode::OK);
    f.get(&format!("/api/v1/cases/{case}"), Some(&admin))
        .await
        .expect(StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn documents_stream_in_and_out() {
    let f = Fixture::new().await;
    let vera = f.sign_in("vera", "vera-password").await;
    let case = f.new_case(&vera).await;
    let content: Vec<u8> = (0..300_000u32).map(|i| (i % 251) as u8).collect();
    let id = f
        .upload(
            &vera,
            &case,
            "kind=appeal&filename=recours%20n%C2%B01.pdf",
            Body::from(content.clone()),
        )
        .await
        .expect(StatusCode::CREATED)
        .json()["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let list = f
        .get(&format!("/api/v1/cases/{case}/documents"), Some(&vera))
        .await
        .expect(StatusCode::OK)
        .json();
    assert_eq!(list[0]["meta"]["filename"], "recours n°1.pdf");
    assert_eq!(list[0]["meta"]["media_type"], "application/pdf");
    assert_eq!(list[0]["meta"]["size"], 300_000);

    let r = f
        .get(&format!("/api/v1/documents/{id}/content"), Some(&vera))
        .await
        .expect(StatusCode::OK);
    assert_eq!(r.body.as_ref(), content.as_slice());
    assert_eq!(r.headers[header::CONTENT_LENGTH], "300000");
    assert_eq!(r.headers[header::CONTENT_TYPE], "application/octet-stream");
    assert_eq!(
        r.headers[header::CONTENT_DISPOSITION],
        "attachment; filename=\"recours n_1.pdf\"; filename*=UTF-8''recours%20n%C2%B01.pdf"
    );
    assert_eq!(
        r.headers["x-content-blake3"],
        blake3::hash(&content).to_hex().as_str()
    );

    // A second version, then the first is still there.
    let v = f
        .send(
            Request::post(format!(
                "/api/v1/documents/{id}/versions?filename=recours-v2.pdf"
            ))
            .header(header::AUTHORIZATION, format!("Bearer {vera}"))
            .body(Body::from("v2"))
            .unwrap(),
        )
        .await
        .expect(StatusCode::CREATED);
    assert_eq!(v.json()["version"], 2);
    let r = f
        .get(
            &format!("/api/v1/documents/{id}/content?version=1"),
            Some(&vera),
        )
        .await
        .expect(StatusCode::OK);
    assert_eq!(r.body.len(), 300_000);
    f.get(
        &format!("/api/v1/documents/{id}/content?version=9"),
        Some(&vera),
    )
    .await
    .expect(StatusCode::NOT_FOUND);
    f.get(
        &format!("/api/v1/documents/{id}/content?version=x"),
        Some(&vera),
    )
    .await
    .expect(StatusCode::BAD_REQUEST);
    let history = f
        .get(&format!("/api/v1/documents/{id}"), Some(&vera))
        .await
        .expect(StatusCode::OK)
        .json();
    assert_eq!(history["versions"].as_array().unwrap().len(), 2);
    let verified = f
        .call(
            Method::POST,
            &format!("/api/v1/documents/{id}/verify"),
            Some(&vera),
            Value::Null,
        )
        .await
        .expect(StatusCode::OK)
        .json();
    assert_eq!(verified, json!({"ok": true, "versions": 2}));

    // Multipart, as a browser form sends it.
    let boundary = "XyZ0123";
    let form = format!(
        "--{boundary}\r\nContent-Disposition: form-data; name=\"kind\"\r\n\r\nevidence\r\n\
         --{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"photo.jpg\"\r\n\
         Content-Type: image/jpeg\r\n\r\nJPEGDATA\r\n--{boundary}--\r\n"
    );
    let r = f
        .send(
            Request::post(format!("/api/v1/cases/{case}/documents"))
                .header(header::AUTHORIZATION, format!("Bearer {vera}"))
                .header(
                    header::CONTENT_TYPE,
                    format!("multipart/form-data; boundary={boundary}"),
                )
                .body(Body::from(form))
                .unwrap(),
        )
        .await
        .expect(StatusCode::CREATED);
    let evidence = r.json()["id"].as_str().unwrap().to_owned();
    // A form field other than the file is read only so far.
    let long = format!(
        "--{boundary}\r\nContent-Disposition: form-data; name=\"kind\"\r\n\r\n{}\r\n\
         --{boundary}--\r\n",
        "e".repeat(100_000)
    );
    let r = f
        .send(
            Request::post(format!("/api/v1/cases/{case}/documents"))
                .header(header::AUTHORIZATION, format!("Bearer {vera}"))
                .header(
                    header::CONTENT_TYPE,
                    format!("multipart/form-data; boundary={boundary}"),
                )
                .body(Body::from(long))
                .unwrap(),
        )
        .await
        .expect(StatusCode::BAD_REQUEST);
    assert_eq!(r.error_code(), "invalid_form");
    let r = f
        .get(
            &format!("/api/v1/documents/{evidence}/content"),
            Some(&vera),
        )
        .await
        .expect(StatusCode::OK);
    assert_eq!(r.body.as_ref(), b"JPEGDATA");
    // Evidence is immutable; other documents can be deleted.
    let r = f
        .call(
            Method::DELETE,
            &format!("/api/v1/documents/{evidence}"),
            Some(&vera),
            Value::Null,
        )
        .await
        .expect(StatusCode::CONFLICT);
    assert_eq!(r.error_code(), "immutable");
    f.call(
        Method::DELETE,
        &format!("/api/v1/documents/{id}"),
        Some(&vera),
        Value::Null,
    )
    .await
    .expect(StatusCode::NO_CONTENT);
    f.get(&format!("/api/v1/documents/{id}/content"), Some(&vera))
        .await
        .expect(StatusCode::NOT_FOUND);

    // Every read is in the case's report.
    let report = f
        .get(&format!("/api/v1/cases/{case}/access-report"), Some(&vera))
        .await
        .expect(StatusCode::OK)
        .json();
    let reads = report
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["action"] == "document.read")
        .count();
    assert!(reads >= 3, "{report}");
}

#[tokio::test]
async fn bad_uploads_store_nothing() {
    let f = Fixture::new().await;
    let vera = f.sign_in("vera", "vera-password").await;
    let case = f.new_case(&vera).await;
    let before = f.stored_files();
    let bad = [
        ("kind=passport&filename=a.pdf", "invalid"),
        ("filename=a.pdf", "invalid"),
        ("kind=identity", "invalid"),
        ("kind=identity&filename=..%2F..%2Fetc%2Fpasswd", "invalid"),
        ("kind=identity&filename=a%0Ab.pdf", "invalid"),
        ("kind=identity&filename=..", "invalid"),
        ("kind=identity&filename=a.pdf&colour=red", "invalid_query"),
    ];
    for (query, code) in bad {
        let r = f
            .upload(&vera, &case, query, Body::from("data"))
            .await
            .expect(StatusCode::BAD_REQUEST);
        assert_eq!(r.error_code(), code, "{query}");
    }
    f.upload(
        &vera,
        "0123456789abcdef0123456789abcdef",
        "kind=other&filename=a",
        Body::from("data"),
    )
    .await
    .expect(StatusCode::NOT_FOUND);

    // Over the limit, declared: refused before anything is read.
    let big = vec![7u8; (LIMIT + 64 * 1024 + 1) as usize];
    let r = f
        .upload(&vera, &case, "kind=other&filename=big.bin", Body::from(big))
        .await
        .expect(StatusCode::PAYLOAD_TOO_LARGE);
    assert_eq!(r.error_code(), "too_large");
    // Over the limit, streamed without a length: refused when the limit is crossed.
    let chunks = (0..20).map(|_| Ok::<_, std::io::Error>(Bytes::from(vec![1u8; 64 * 1024])));
    let r = f
        .upload(
            &vera,
            &case,
            "kind=other&filename=big.bin",
            Body::from_stream(futures_util::stream::iter(chunks)),
        )
        .await
        .expect(StatusCode::PAYLOAD_TOO_LARGE);
    assert_eq!(r.error_code(), "too_large");
    // A body that breaks off midway.
    let chunks: Vec<Result<Bytes, std::io::Error>> = vec![
        Ok(Bytes::from_static(b"first part")),
        Err(std::io::Error::other("connection reset")),
    ];
    let r = f
        .upload(
            &vera,
            &case,
            "kind=other&filename=cut.bin",
            Body::from_stream(futures_util::stream::iter(chunks)),
        )
        .await
        .expect(StatusCode::BAD_REQUEST);
    assert_eq!(r.error_code(), "upload_interrupted");

    assert_eq!(
        f.stored_files(),
        before,
        "no blob and no temporary file left"
    );
    let list = f
        .get(&format!("/api/v1/cases/{case}/documents"), Some(&vera))
        .await
        .expect(StatusCode::OK)
        .json();
    assert_eq!(list, json!([]));
}

#[tokio::test]
async fn file_names_that_lie_or_are_not_utf8_are_refused() {
    let f = Fixture::new().await;
    let vera = f.sign_in("vera", "vera-password").await;
    let case = f.new_case(&vera).await;
    let before = f.stored_files();
    for query in [
        // U+202E: reads as "photo-passeportexe.jpg".
        "kind=identity&filename=photo-passeport%E2%80%AEgpj.exe",
        "kind=identity&filename=a%E2%81%A6b.pdf",
        "kind=identity&filename=a%E2%80%8B.pdf",
        "kind=identity&filename=%EF%BB%BFa.pdf",
        "kind=identity&filename=%20%20%20",
    ] {
        let r = f
            .upload(&vera, &case, query, Body::from("data"))
            .await
            .expect(StatusCode::BAD_REQUEST);
        assert_eq!(r.error_code(), "invalid_name", "{query}");
    }
    // Bytes that are not UTF-8 are refused, not turned into U+FFFD.
    for query in [
        "kind=identity&filename=%FF%FE.pdf",
        "kind=identity&filename=a.pdf&note=%C3",
    ] {
        let r = f
            .upload(&vera, &case, query, Body::from("data"))
            .await
            .expect(StatusCode::BAD_REQUEST);
        assert_eq!(r.error_code(), "invalid_query", "{query}");
        assert!(r.text().contains("UTF-8"), "{}", r.text());
    }
    assert_eq!(f.stored_files(), before);
    let list = f
        .get(&format!("/api/v1/cases/{case}/documents"), Some(&vera))
        .await
        .expect(StatusCode::OK)
        .json();
    assert_eq!(list, json!([]));
}

#[tokio::test]
async fn outsiders_cannot_reach_a_case() {
    let f = Fixture::new().await;
    let admin = f.sign_in("admin", ADMIN_PASSWORD).await;
    let vera = f.sign_in("vera", "vera-password").await;
    f.call(
        Method::POST,
        "/api/v1/users",
        Some(&admin),
        json!({"name": "otto", "role": "volunteer", "password": "otto-password"}),
    )
    .await
    .expect(StatusCode::CREATED);
    let otto = f.sign_in("otto", "otto-password").await;
    let case = f.new_case(&vera).await;
    let doc = f
        .upload(
            &vera,
            &case,
            "kind=identity&filename=id.jpg",
            Body::from("ID"),
        )
        .await
        .expect(StatusCode::CREATED)
        .json()["id"]
        .as_str()
        .unwrap()
        .to_owned();
    for uri in [
        format!("/api/v1/cases/{case}"),
        format!("/api/v1/cases/{case}/documents"),
        format!("/api/v1/documents/{doc}/content"),
        format!("/api/v1/cases/{case}/access-report"),
    ] {
        let r = f.get(&uri, Some(&otto)).await;
        assert_eq!(r.status, StatusCode::FORBIDDEN, "{uri}: {}", r.text());
    }
    f.upload(&otto, &case, "kind=other&filename=x", Body::from("x"))
        .await
        .expect(StatusCode::FORBIDDEN);
    let list = f
        .get("/api/v1/cases", Some(&otto))
        .await
        .expect(StatusCode::OK)
        .json();
    assert_eq!(list, json!([]));
}

#[tokio::test]
async fn responses_carry_security_headers() {
    let f = Fixture::new().await;
    for uri in [
        "/healthz",
        "/",
        "/api/v1/cases",
        "/nowhere",
        "/api/v1/openapi.json",
    ] {
        let r = f.get(uri, None).await;
        let h = &r.headers;
        let csp = h[header::CONTENT_SECURITY_POLICY].to_str().unwrap();
        assert!(
            csp.contains("frame-ancestors 'none'") && csp.contains("default-src 'none'"),
            "{uri}"
        );
        assert_eq!(h[header::X_CONTENT_TYPE_OPTIONS], "nosniff", "{uri}");
        assert_eq!(h[header::REFERRER_POLICY], "no-referrer", "{uri}");
        assert_eq!(h[header::X_FRAME_OPTIONS], "DENY", "{uri}");
        assert_eq!(h[header::CACHE_CONTROL], "no-store", "{uri}");
    }
    assert!(f
        .get("/", None)
        .await
        .headers
        .get(header::STRICT_TRANSPORT_SECURITY)
        .is_none());
    let r = f.get("/nowhere", None).await.expect(StatusCode::NOT_FOUND);
    assert_eq!(r.error_code(), "not_found");
    let r = f.get("/healthz", None).await.expect(StatusCode::OK);
    assert_eq!(r.json(), json!({"status": "ok"}));
}

#[tokio::test]
async fn the_setup_page_creates_the_vault_once() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let config = Config {
        setup_kdf: Some(KdfParams::insecure_for_tests()),
        ..config(data.clone())
    };
    let (state, token) = AppState::awaiting_setup(config, None).unwrap();
    let url = state.setup_url(&token);
    let path = secrecy::ExposeSecret::expose_secret(&url)
        .strip_prefix("http://127.0.0.1:8080")
        .unwrap()
        .to_owned();
    let f = Fixture {
        app: app(state.clone()),
        data,
        _dir: dir,
        recovery_key: None,
        vault: None,
        state,
    };
    let r = f.get("/healthz", None).await.expect(StatusCode::OK);
    assert_eq!(r.json(), json!({"status": "setup"}));
    let r = f
        .call(
            Method::POST,
            "/api/v1/session",
            None,
            json!({"user": "a", "password": "b"}),
        )
        .await
        .expect(StatusCode::SERVICE_UNAVAILABLE);
    assert_eq!(r.error_code(), "setup_required");
    f.get("/setup/wrong-token", None)
        .await
        .expect(StatusCode::NOT_FOUND);
    let page = f.get(&path, None).await.expect(StatusCode::OK).text();
    assert!(page.contains("Créer le coffre") && page.contains("Create the vault"));
    only_catalogue_words("form", &page);
    only_catalogue_words("home", &f.get("/", None).await.text());

    let post = |form: &str| {
        Request::post(path.as_str())
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .body(Body::from(form.to_owned()))
            .unwrap()
    };
    let r = f
        .send(post(
            "admin=%3Cb%3Eana&password=long-password&confirm=other-password",
        ))
        .await
        .expect(StatusCode::BAD_REQUEST);
    assert!(r.text().contains("diffèrent"));
    assert!(
        r.text().contains("value=\"&lt;b&gt;ana\""),
        "the name is kept, escaped"
    );
    let r = f
        .send(post("admin=ana&password=short&confirm=short"))
        .await
        .expect(StatusCode::BAD_REQUEST);
    assert!(r.text().contains("password"), "{}", r.text());
    let r = f
        .send(post(
            "admin=ana&password=long-password&confirm=long-password",
        ))
        .await
        .expect(StatusCode::CREATED);
    let page = r.text();
    // The recovery key is never shown whole: three shares, in groups, any two of which
    // give back the key whose public half vault.toml holds.
    assert!(!page.contains("AGE-"), "the key itself is shown: {page}");
    let shares: Vec<String> = page
        .split("<p class=\"key\" translate=\"no\">")
        .skip(1)
        .map(|rest| {
            let shown = rest.split_once("</p>").unwrap().0;
            shown
                .replace("<br>", " ")
                .replace("<span>", "")
                .replace("</span>", "")
        })
        .collect();
    assert_eq!(shares.len(), 3, "{page}");
    assert!(
        shares.iter().all(|s| s.starts_with("VAUL TSHA RE1")),
        "{shares:?}"
    );
    let toml = std::fs::read_to_string(f.data.join("vault.toml")).unwrap();
    for pair in [[0, 1], [1, 2], [2, 0]] {
        let typed = format!("{}\n{}", shares[pair[0]], shares[pair[1]]);
        let key = vault_core::recovery_key_from_text(&typed).unwrap();
        assert!(toml.contains(&key.public().to_string()), "{pair:?}");
    }
    assert!(vault_core::recovery_key_from_text(&shares[0]).is_err());
    assert!(page.contains("Part 2 sur 3") && page.contains("Share 3 of 3"));
    assert!(page.contains("hors ligne") && page.contains("offline"));
    assert_eq!(r.headers[header::CACHE_CONTROL], "no-store");
    // Every word of the setup pages comes from the catalogues, in French and English.
    only_catalogue_words("created", &page);
    only_catalogue_words("dead", &f.get(&path, None).await.text());

    // The address is dead now; the vault works.
    f.get(&path, None).await.expect(StatusCode::NOT_FOUND);
    f.send(post(
        "admin=eve&password=long-password&confirm=long-password",
    ))
    .await
    .expect(StatusCode::NOT_FOUND);
    let r = f.get("/healthz", None).await.expect(StatusCode::OK);
    assert_eq!(r.json(), json!({"status": "ok"}));
    f.sign_in("ana", "long-password").await;
    assert!(f.data.join("vault.toml").is_file());
}

#[tokio::test]
async fn checkpoints_are_signed_text() {
    let f = Fixture::new().await;
    let admin = f.sign_in("admin", ADMIN_PASSWORD).await;
    let r = f
        .get("/api/v1/log/checkpoint", Some(&admin))
        .await
        .expect(StatusCode::OK);
    let text = r.text();
    let checkpoint = vault_core::Checkpoint::parse(&text).unwrap();
    assert!(checkpoint.size > 0);
    let toml = std::fs::read_to_string(f.data.join("vault.toml")).unwrap();
    let key = toml
        .lines()
        .find_map(|l| l.strip_prefix("log_public_key = "))
        .unwrap()
        .trim_matches('"');
    assert!(checkpoint.verify_signature(key));
}

#[tokio::test]
async fn over_https_cookies_are_secure_and_hsts_is_sent() {
    let f = Fixture::bare(|c| Config {
        public_url: "https://coffre.example.org".into(),
        ..c
    });
    let r = f
        .call(
            Method::POST,
            "/api/v1/session",
            None,
            json!({"user": "admin", "password": ADMIN_PASSWORD}),
        )
        .await
        .expect(StatusCode::OK);
    assert!(r.headers[header::SET_COOKIE]
        .to_str()
        .unwrap()
        .contains("; Secure"));
    assert_eq!(
        r.headers[header::STRICT_TRANSPORT_SECURITY],
        "max-age=31536000"
    );
}

#[tokio::test]
async fn a_tampered_document_is_reported_and_never_served_whole() {
    let f = Fixture::new().await;
    let vera = f.sign_in("vera", "vera-password").await;
    let case = f.new_case(&vera).await;
    let content = vec![42u8; 200_000];
    let id = f
        .upload(
            &vera,
            &case,
            "kind=evidence&filename=photo.jpg",
            Body::from(content),
        )
        .await
        .expect(StatusCode::CREATED)
        .json()["id"]
        .as_str()
        .unwrap()
        .to_owned();
    // Flip one byte in the middle of the only blob.
    let mut stack = vec![f.data.join("blobs")];
    let mut blob = None;
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                stack.push(p)
            } else {
                blob = Some(p)
            }
        }
    }
    let blob = blob.unwrap();
    let mut bytes = std::fs::read(&blob).unwrap();
    let middle = bytes.len() / 2;
    bytes[middle] ^= 1;
    std::fs::write(&blob, bytes).unwrap();

    let verified = f
        .call(
            Method::POST,
            &format!("/api/v1/documents/{id}/verify"),
            Some(&vera),
            Value::Null,
        )
        .await
        .expect(StatusCode::OK)
        .json();
    assert_eq!(verified["ok"], false);
    assert!(
        verified["problem"].as_str().unwrap().contains("damaged"),
        "{verified}"
    );
    // The download starts (the length is announced) but breaks off before the damage.
    let response = f
        .app
        .clone()
        .oneshot(
            Request::get(format!("/api/v1/documents/{id}/content"))
                .header(header::AUTHORIZATION, format!("Bearer {vera}"))
                .body(Body::empty())
                .unwrap(),
        )
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(response.headers()[header::CONTENT_LENGTH], "200000");
    assert!(
        response.into_body().collect().await.is_err(),
        "the body fails"
    );
}

#[tokio::test]
async fn a_full_disk_is_a_clear_error_and_stores_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let settings = Settings {
        kdf: KdfParams::insecure_for_tests(),
        ..Settings::default()
    };
    let password = SecretString::from(ADMIN_PASSWORD.to_string());
    let created = Vault::create(&data, &settings, "admin", &password).unwrap();
    let admin = created.vault.login("admin", &password).unwrap();
    created.vault.create_team(&admin, "Belleville").unwrap();
    drop((admin, created));
    let blobs = vault_core::FsBlobStore::new(data.join("blobs"), data.join("tmp")).unwrap();
    let full = vault_core::testing::FullDisk::new(blobs, 100_000);
    let vault = Vault::open_with_blobs(&data, Box::new(full)).unwrap();
    let state = AppState::new(vault.clone(), config(data.clone())).unwrap();
    let f = Fixture {
        app: app(state.clone()),
        data,
        _dir: dir,
        recovery_key: None,
        vault: Some(vault),
        state,
    };
    let admin = f.sign_in("admin", ADMIN_PASSWORD).await;
    let case = f.new_case(&admin).await;
    f.upload(
        &admin,
        &case,
        "kind=other&filename=small.txt",
        Body::from("fits"),
    )
    .await
    .expect(StatusCode::CREATED);
    let r = f
        .upload(
            &admin,
            &case,
            "kind=other&filename=big.bin",
            Body::from(vec![0u8; 500_000]),
        )
        .await
        .expect(StatusCode::INSUFFICIENT_STORAGE);
    assert_eq!(r.error_code(), "disk_full");
    assert!(r.json()["message"]
        .as_str()
        .unwrap()
        .contains("disque plein"));
    let list = f
        .get(&format!("/api/v1/cases/{case}/documents"), Some(&admin))
        .await
        .expect(StatusCode::OK)
        .json();
    assert_eq!(list.as_array().unwrap().len(), 1, "only the first document");
}

#[tokio::test]
async fn below_the_free_space_floor_changes_get_507_and_reads_go_on() {
    // A floor no disk meets: every change is refused, nothing else is.
    let f = Fixture::bare(|c| Config {
        min_free_bytes: u64::MAX,
        ..c
    });
    let admin = f.sign_in("admin", ADMIN_PASSWORD).await;
    let r = f
        .call(
            Method::POST,
            "/api/v1/teams",
            Some(&admin),
            json!({"name": "Belleville"}),
        )
        .await
        .expect(StatusCode::INSUFFICIENT_STORAGE);
    assert_eq!(r.error_code(), "disk_full");
    f.get("/api/v1/teams", Some(&admin))
        .await
        .expect(StatusCode::OK);
    assert_eq!(f.get("/api/v1/teams", Some(&admin)).await.json(), json!([]));
    assert_eq!(f.stored_files(), 0);
}

/// Once every setup message (French and English), the recovery key's groups and the
/// admin's name are taken out of a setup page's visible text, no letter is left.
fn only_catalogue_words(name: &str, html: &str) {
    let mut text = setup_visible_text(html);
    let ids = [
        "setup-home-title",
        "setup-home-text",
        "setup-dead-title",
        "setup-dead-text",
        "setup-title",
        "setup-intro",
        "setup-f-admin",
        "setup-f-password",
        "setup-f-confirm",
        "setup-incomplete",
        "setup-differ",
        "setup-created-title",
        "setup-created-admin",
        "setup-key-title",
        "setup-key-never",
        "setup-key-text",
        "setup-next-title",
        "setup-next-text",
        "setup-sign-in",
    ];
    // Longest first, so that a message is not cut by a shorter one it contains.
    let mut words: Vec<String> = ids
        .iter()
        .flat_map(|id| {
            [
                vault_words::Locale::Fr.say(id),
                vault_words::Locale::En.say(id),
            ]
        })
        .collect();
    // The shares' headings, "Part 1 sur 3".
    for n in 1..=3 {
        for l in [vault_words::Locale::Fr, vault_words::Locale::En] {
            words.push(l.say_with("setup-share-title", &[("n", n.into()), ("of", 3.into())]));
        }
    }
    words.sort_by_key(|w| std::cmp::Reverse(w.len()));
    for w in &words {
        text = text.replace(w.as_str(), " ");
    }
    let key_group = |w: &str| {
        w.len() <= 4
            && w.chars()
                .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '-')
    };
    let left: Vec<&str> = text
        .split_whitespace()
        .filter(|w| *w != "ana" && !key_group(w) && w.chars().any(char::is_alphabetic))
        .collect();
    assert!(
        left.is_empty(),
        "{name}: words outside the catalogues: {left:?}\n{text}"
    );
}

/// The text a reader sees of a page: tags removed, entities of the escaper read back.
fn setup_visible_text(html: &str) -> String {
    let body = html.split_once("<main>").map_or(html, |(_, b)| b);
    let mut out = String::new();
    let mut in_tag = false;
    for c in body.chars() {
        match c {
            '<' => {
                in_tag = true;
                out.push(' ');
            }
            '>' => in_tag = false,
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    out.replace("&amp;", "&")
        .replace("&#39;", "'")
        .replace("&quot;", "\"")
}

/// `POST /api/v1/cases/{case}/bundles`: an admin gets the bundle as a streamed ZIP that
/// verifies offline; encrypted to a lawyer's key it is an age file; a volunteer gets a
/// refusal with its status, not half a file.
#[tokio::test]
async fn an_admin_downloads_an_evidence_bundle_through_the_api() {
    let f = Fixture::new().await;
    let admin = f.sign_in("admin", ADMIN_PASSWORD).await;
    let case = f.new_case(&admin).await;
    f.upload(
        &admin,
        &case,
        "kind=evidence&filename=photo.jpg",
        Body::from("JPEG"),
    )
    .await
    .expect(StatusCode::CREATED);
    let url = format!("/api/v1/cases/{case}/bundles");
    let r = f
        .call(Method::POST, &url, Some(&admin), json!({}))
        .await
        .expect(StatusCode::OK);
    assert_eq!(r.headers[header::CONTENT_TYPE], "application/zip");
    assert!(r.headers[header::CONTENT_DISPOSITION]
        .to_str()
        .unwrap()
        .contains(".zip"));
    let toml = std::fs::read_to_string(f.data.join("vault.toml")).unwrap();
    let key = toml
        .lines()
        .find_map(|l| l.strip_prefix("log_public_key = "))
        .unwrap()
        .trim_matches('"')
        .to_owned();
    let check = vault_core::verify_bundle(std::io::Cursor::new(r.body.to_vec()), Some(&key), None)
        .expect("the bundle verifies");
    assert_eq!(check.documents, 1);

    // A lawyer's public key (made by age-keygen; the Go tool's own test is tests/bundle.rs).
    let lawyer = "age1hm2zwz6w5vlq3wvsq5cx7ypw67yymvlr89hrtdjywy765nx4t93s0jacm0";
    let sealed = f
        .call(Method::POST, &url, Some(&admin), json!({"to": [lawyer]}))
        .await
        .expect(StatusCode::OK);
    assert_eq!(sealed.headers[header::CONTENT_TYPE], "application/age");
    assert!(sealed.body.starts_with(b"age-encryption.org/v1"));
    let bad = f
        .call(
            Method::POST,
            &url,
            Some(&admin),
            json!({"to": ["age1nope"]}),
        )
        .await
        .expect(StatusCode::BAD_REQUEST);
    assert_eq!(bad.error_code(), "invalid");

    // A volunteer of the team (the fixture's vera): refused before a byte, with the
    // API's error.
    let vera = f.sign_in("vera", "vera-password").await;
    let refused = f.call(Method::POST, &url, Some(&vera), json!({})).await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN, "{:?}", refused.body);
    assert_eq!(refused.error_code(), "forbidden");
}
