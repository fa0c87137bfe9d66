//! A real `vault-server` process on a free port, and a small HTTP client for its API.

use std::io::{BufRead, BufReader, Read};
use std::path::Path;
use std::process::{Child, Command, ExitStatus, Stdio};
use std::sync::mpsc;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use serde_json::Value;

use super::bin;

/// A running server; killed on drop. Everything it wrote is kept for inspection.
pub struct Server {
    child: Child,
    /// `http://127.0.0.1:PORT`
    pub base: String,
    stderr: Arc<Mutex<String>>,
    stdout: Arc<Mutex<String>>,
}

fn collect(
    stream: impl Read + Send + 'static,
    into: Arc<Mutex<String>>,
    lines: mpsc::Sender<String>,
) {
    std::thread::spawn(move || {
        for line in BufReader::new(stream).lines() {
            let Ok(line) = line else { return };
            into.lock().unwrap().push_str(&line);
            into.lock().unwrap().push('\n');
            let _ = lines.send(line);
        }
    });
}

impl Server {
    /// Starts `vault-server --data-dir DATA --listen 127.0.0.1:0 EXTRA...` and waits until
    /// `/healthz` answers.
    pub fn start(data: &Path, extra: &[&str]) -> Server {
        let mut child = Command::new(bin("vault-server"))
            .env_clear()
            .env("RUST_LOG", "info")
            .arg("--data-dir")
            .arg(data)
            .args(["--listen", "127.0.0.1:0"])
            .args(extra)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let stderr = Arc::new(Mutex::new(String::new()));
        let stdout = Arc::new(Mutex::new(String::new()));
        let (tx, rx) = mpsc::channel();
        collect(child.stderr.take().unwrap(), stderr.clone(), tx.clone());
        collect(child.stdout.take().unwrap(), stdout.clone(), tx);
        let deadline = Instant::now() + Duration::from_secs(60);
        let address = loop {
            let left = deadline.saturating_duration_since(Instant::now());
            match rx.recv_timeout(left) {
                Ok(line) => {
                    if let Some(rest) = line.split("address=").nth(1) {
                        break rest.split_whitespace().next().unwrap().to_owned();
                    }
                }
                Err(_) => panic!(
                    "the server did not start: {}",
                    stderr.lock().unwrap().as_str()
                ),
            }
        };
        let server = Server {
            child,
            base: format!("http://{address}"),
            stderr,
            stdout,
        };
        let api = Api::new(&server.base);
        while api.get("/healthz").0 != 200 {
            assert!(Instant::now() < deadline, "the server never became healthy");
            std::thread::sleep(Duration::from_millis(20));
        }
        server
    }

    pub fn pid(&self) -> u32 {
        self.child.id()
    }

    /// What the server logged so far (stderr).
    pub fn log(&self) -> String {
        self.stderr.lock().unwrap().clone()
    }

    /// What the server printed so far (stdout).
    pub fn printed(&self) -> String {
        self.stdout.lock().unwrap().clone()
    }

    /// SIGKILL: no shutdown code runs.
    pub fn kill(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }

    /// SIGTERM, then waits for the exit.
    pub fn terminate(&mut self) -> ExitStatus {
        let status = Command::new("kill")
            .args(["-TERM", &self.child.id().to_string()])
            .status()
            .unwrap();
        assert!(status.success());
        self.child.wait().unwrap()
    }

    /// Peak resident memory of the server so far, in KiB (Linux's VmHWM).
    pub fn peak_rss_kib(&self) -> u64 {
        let status = std::fs::read_to_string(format!("/proc/{}/status", self.pid())).unwrap();
        status
            .lines()
            .find_map(|l| l.strip_prefix("VmHWM:"))
            .and_then(|v| v.split_whitespace().next())
            .and_then(|v| v.parse().ok())
            .unwrap()
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.kill();
    }
}

/// A client of the JSON API, signed in or not.
#[derive(Clone)]
pub struct Api {
    agent: ureq::Agent,
    pub base: String,
    pub token: Option<String>,
}

/// Status, headers and body of an answer.
pub type Answer = (u16, ureq::http::HeaderMap, Vec<u8>);

fn answer(mut response: ureq::http::Response<ureq::Body>) -> Answer {
    let status = response.status().as_u16();
    let headers = response.headers().clone();
    let mut body = Vec::new();
    response
        .body_mut()
        .as_reader()
        .read_to_end(&mut body)
        .unwrap();
    (status, headers, body)
}

impl Api {
    pub fn new(base: &str) -> Api {
        Api::with_pool(base, true)
    }

    /// A client that opens a connection per request (for servers that drop idle ones).
    pub fn unpooled(base: &str) -> Api {
        Api::with_pool(base, false)
    }

    fn with_pool(base: &str, pool: bool) -> Api {
        let mut config = ureq::Agent::config_builder().http_status_as_error(false);
        if !pool {
            config = config
                .max_idle_connections(0)
                .max_idle_connections_per_host(0);
        }
        let agent = config.build().into();
        Api {
            agent,
            base: base.to_owned(),
            token: None,
        }
    }

    /// Signs in; panics unless it works.
    pub fn signed_in(base: &str, user: &str, password: &str) -> Api {
        let mut api = Api::new(base);
        let (status, body) = api.json(
            "POST",
            "/api/v1/session",
            Some(serde_json::json!({"user": user, "password": password})),
        );
        assert_eq!(status, 200, "sign-in: {body}");
        api.token = Some(body["token"].as_str().unwrap().to_owned());
        api
    }

    fn request(&self, method: &str, path: &str) -> ureq::http::request::Builder {
        let mut b = ureq::http::Request::builder()
            .method(method)
            .uri(format!("{}{path}", self.base));
        if let Some(t) = &self.token {
            b = b.header("authorization", format!("Bearer {t}"));
        }
        b
    }

    /// Sends `body` (any reader, streamed) with extra headers; returns the whole answer.
    pub fn send(
        &self,
        method: &str,
        path: &str,
        headers: &[(&str, &str)],
        body: impl Read + 'static,
    ) -> Answer {
        let mut b = self.request(method, path);
        for (k, v) in headers {
            b = b.header(*k, *v);
        }
        let request = b.body(ureq::SendBody::from_owned_reader(body)).unwrap();
        answer(self.agent.run(request).unwrap())
    }

    /// POSTs a form of the volunteers' pages that shows a secret once (Post/Redirect/Get)
    /// and follows it as a browser does: the 303, its `vault_shown` cookie, `GET /shown`.
    /// `cookie` is the session's.
    pub fn post_shown(&self, path: &str, cookie: &str, form: &str) -> Answer {
        let agent: ureq::Agent = ureq::Agent::config_builder()
            .http_status_as_error(false)
            .max_redirects(0)
            .build()
            .into();
        let request = ureq::http::Request::builder()
            .method("POST")
            .uri(format!("{}{path}", self.base))
            .header("cookie", cookie)
            .header("content-type", "application/x-www-form-urlencoded")
            .body(form.to_owned())
            .unwrap();
        let (status, headers, body) = answer(agent.run(request).unwrap());
        if status != 303 {
            return (status, headers, body);
        }
        let shown = headers
            .get_all("set-cookie")
            .iter()
            .filter_map(|v| v.to_str().ok())
            .find(|v| v.starts_with("vault_shown="))
            .and_then(|v| v.split(';').next())
            .unwrap_or("")
            .to_owned();
        let request = ureq::http::Request::builder()
            .method("GET")
            .uri(format!("{}/shown", self.base))
            .header("cookie", format!("{cookie}; {shown}"))
            .body(())
            .unwrap();
        answer(agent.run(request).unwrap())
    }

    /// GET that may meet a server gone: the status once the answer's head came (its body
    /// then read, whole or not), `None` when no head came.
    pub fn try_get(&self, path: &str) -> Option<u16> {
        let request = self.request("GET", path).body(()).unwrap();
        let mut response = self.agent.run(request).ok()?;
        let _ = std::io::copy(&mut response.body_mut().as_reader(), &mut std::io::sink());
        Some(response.status().as_u16())
    }

    /// GET, body as bytes.
    pub fn get(&self, path: &str) -> Answer {
        let request = self.request("GET", path).body(()).unwrap();
        answer(self.agent.run(request).unwrap())
    }

    /// Sends a body of known length (with Content-Length, not chunked).
    pub fn send_bytes(
        &self,
        method: &str,
        path: &str,
        content_type: &str,
        body: Vec<u8>,
    ) -> Answer {
        let request = self
            .request(method, path)
            .header("content-type", content_type)
            .body(body)
            .unwrap();
        answer(self.agent.run(request).unwrap())
    }

    /// Sends a body of known length with the given headers.
    pub fn send_with(
        &self,
        method: &str,
        path: &str,
        headers: &[(&str, &str)],
        body: Vec<u8>,
    ) -> Answer {
        let mut b = self.request(method, path);
        for (k, v) in headers {
            b = b.header(*k, *v);
        }
        answer(self.agent.run(b.body(body).unwrap()).unwrap())
    }

    /// A JSON request (or none), a JSON answer (`null` when empty).
    pub fn json(&self, method: &str, path: &str, body: Option<Value>) -> (u16, Value) {
        let (status, _, bytes) = match body {
            Some(v) => {
                self.send_bytes(method, path, "application/json", v.to_string().into_bytes())
            }
            None if method == "GET" => self.get(path),
            None => self.send_bytes(method, path, "application/octet-stream", Vec::new()),
        };
        let value = if bytes.is_empty() {
            Value::Null
        } else {
            serde_json::from_slice(&bytes)
                .unwrap_or_else(|_| Value::String(String::from_utf8_lossy(&bytes).into_owned()))
        };
        (status, value)
    }

    /// Creates a case in team Belleville; returns its id.
    pub fn new_case(&self, name: &str) -> String {
        let (status, body) = self.json(
            "POST",
            "/api/v1/cases",
            Some(serde_json::json!({"team": "Belleville", "profile": {"name": name}})),
        );
        assert_eq!(status, 201, "{body}");
        body["id"].as_str().unwrap().to_owned()
    }
}

/// Sends `head` (request line and headers, without the blank line) and `body` in one
/// write, with `Connection: close`; returns the status and the raw answer. For answers
/// given before the body is read (a refused upload), which some clients report as a
/// broken pipe.
pub fn raw_request(base: &str, head: &str, body: &[u8]) -> (u16, String) {
    let address = base.trim_start_matches("http://");
    let mut s = std::net::TcpStream::connect(address).unwrap();
    let mut request = format!(
        "{head}\r\nHost: {address}\r\nConnection: close\r\nContent-Length: {}\r\n\r\n",
        body.len()
    )
    .into_bytes();
    request.extend_from_slice(body);
    std::io::Write::write_all(&mut s, &request).unwrap();
    let mut answer = Vec::new();
    let _ = s.read_to_end(&mut answer);
    let answer = String::from_utf8_lossy(&answer).into_owned();
    let status = answer
        .split_whitespace()
        .nth(1)
        .and_then(|c| c.parse().ok())
        .unwrap_or(0);
    (status, answer)
}
