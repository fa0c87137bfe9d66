//! The fixture of the router tests: a vault with an admin, a team and a volunteer, and
//! the router over it, called with `oneshot`.
#![allow(dead_code)]

use std::path::PathBuf;

use axum::body::{Body, Bytes};
use axum::http::{header, HeaderMap, Method, Request, StatusCode};
use axum::Router;
use http_body_util::BodyExt;
use secrecy::SecretString;
use serde_json::{json, Value};
use tower::ServiceExt;
use vault_core::{KdfParams, Settings, Vault};
use vault_server::{app, AppState, Config};

pub const ADMIN_PASSWORD: &str = "admin-pass-router";
pub const LIMIT: u64 = 1024 * 1024;

pub struct Fixture {
    pub _dir: tempfile::TempDir,
    pub data: PathBuf,
    pub app: Router,
    pub recovery_key: Option<SecretString>,
    /// The vault the app serves (to move its clock) and the app's state (to run its
    /// sweepers).
    pub vault: Option<Vault>,
    pub state: AppState,
}

pub struct Reply {
    pub status: StatusCode,
    pub headers: HeaderMap,
    pub body: Bytes,
}

impl Reply {
    pub fn json(&self) -> Value {
        serde_json::from_slice(&self.body)
            .unwrap_or_else(|_| panic!("not JSON: {}", String::from_utf8_lossy(&self.body)))
    }
    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }
    /// Asserts the status; shows the body when it differs.
    pub fn expect(self, status: StatusCode) -> Reply {
        assert_eq!(self.status, status, "body: {}", self.text());
        self
    }
    pub fn error_code(&self) -> String {
        self.json()["error"].as_str().unwrap().to_owned()
    }
}

pub fn config(data: PathBuf) -> Config {
    Config {
        max_upload_bytes: LIMIT,
        ..Config::new(data)
    }
}

impl Fixture {
    /// A vault with its admin only, served with `adjust(config)`.
    pub fn bare(adjust: impl FnOnce(Config) -> Config) -> Fixture {
        let dir = tempfile::tempdir().unwrap();
        let data = dir.path().join("data");
        let settings = Settings {
            kdf: KdfParams::insecure_for_tests(),
            ..Settings::default()
        };
        let password = SecretString::from(ADMIN_PASSWORD.to_string());
        let created = Vault::create(&data, &settings, "admin", &password).unwrap();
        let vault = created.vault.clone();
        let state = AppState::new(created.vault, adjust(config(data.clone()))).unwrap();
        Fixture {
            app: app(state.clone()),
            vault: Some(vault),
            state,
            data,
            _dir: dir,
            recovery_key: Some(created.recovery_key),
        }
    }

    /// A vault with admin "admin", a team "Belleville" (made by admin, so theirs) and a
    /// volunteer "vera" in it.
    pub async fn new() -> Fixture {
        Fixture::with(|c| c).await
    }

    /// The same, served with `adjust(config)`.
    pub async fn with(adjust: impl FnOnce(Config) -> Config) -> Fixture {
        let f = Fixture::bare(adjust);
        let admin = f.sign_in("admin", ADMIN_PASSWORD).await;
        f.call(
            Method::POST,
            "/api/v1/teams",
            Some(&admin),
            json!({"name": "Belleville"}),
        )
        .await
        .expect(StatusCode::CREATED);
        f.call(
            Method::POST,
            "/api/v1/users",
            Some(&admin),
            json!({"name": "vera", "role": "volunteer", "password": "vera-password"}),
        )
        .await
        .expect(StatusCode::CREATED);
        f.call(
            Method::POST,
            "/api/v1/teams/Belleville/members",
            Some(&admin),
            json!({"user": "vera"}),
        )
        .await
        .expect(StatusCode::OK);
        f
    }

    pub async fn send(&self, request: Request<Body>) -> Reply {
        let response = self.app.clone().oneshot(request).await.unwrap();
        let status = response.status();
        let headers = response.headers().clone();
        let body = response.into_body().collect().await.unwrap().to_bytes();
        Reply {
            status,
            headers,
            body,
        }
    }

    pub async fn call(&self, method: Method, uri: &str, token: Option<&str>, body: Value) -> Reply {
        let mut request = Request::builder().method(method).uri(uri);
        if let Some(t) = token {
            request = request.header(header::AUTHORIZATION, format!("Bearer {t}"));
        }
        let body = if body.is_null() {
            Body::empty()
        } else {
            request = request.header(header::CONTENT_TYPE, "application/json");
            Body::from(body.to_string())
        };
        self.send(request.body(body).unwrap()).await
    }

    pub async fn get(&self, uri: &str, token: Option<&str>) -> Reply {
        self.call(Method::GET, uri, token, Value::Null).await
    }

    pub async fn sign_in(&self, user: &str, password: &str) -> String {
        let r = self
            .call(
                Method::POST,
                "/api/v1/session",
                None,
                json!({"user": user, "password": password}),
            )
            .await
            .expect(StatusCode::OK);
        r.json()["token"].as_str().unwrap().to_owned()
    }

    pub async fn new_case(&self, token: &str) -> String {
        let r = self
            .call(
                Method::POST,
                "/api/v1/cases",
                Some(token),
                json!({"team": "Belleville", "profile": {"name": "Amina K.", "birth_date": "1991-04-02"}}),
            )
            .await
            .expect(StatusCode::CREATED);
        r.json()["id"].as_str().unwrap().to_owned()
    }

    pub async fn upload(&self, token: &str, case: &str, query: &str, body: Body) -> Reply {
        let request = Request::post(format!("/api/v1/cases/{case}/documents?{query}"))
            .header(header::AUTHORIZATION, format!("Bearer {token}"))
            .header(header::CONTENT_TYPE, "application/octet-stream")
            .body(body)
            .unwrap();
        self.send(request).await
    }

    /// Files under the data directory's `tmp/` and `blobs/`.
    pub fn stored_files(&self) -> usize {
        let mut n = 0;
        let mut stack = vec![self.data.join("tmp"), self.data.join("blobs")];
        while let Some(d) = stack.pop() {
            for e in std::fs::read_dir(&d).unwrap() {
                let e = e.unwrap();
                if e.file_type().unwrap().is_dir() {
                    stack.push(e.path());
                } else {
                    n += 1;
                }
            }
        }
        n
    }
}
