//! Headless Chromium driven through ChromeDriver's W3C WebDriver protocol (plain JSON over
//! HTTP): open a page, read it, click, take a screenshot, collect a download.

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::{json, Value};

use super::server::Api;

const CHROMIUM: &str = "/usr/bin/chromium";
const CHROMEDRIVER: &str = "/usr/bin/chromedriver";
const ELEMENT: &str = "element-6066-11e4-a52e-4f735466cecf";

/// A browser session; the driver is stopped on drop.
pub struct Browser {
    driver: Child,
    api: Api,
    session: String,
    /// Where downloads land.
    pub downloads: tempfile::TempDir,
    /// The browser's profile, removed with it.
    _profile: tempfile::TempDir,
}

/// Why the browser tests cannot run here, if they cannot. In CI they must: `.ci/run`
/// installs Debian's chromium and chromium-driver.
pub fn missing() -> Option<String> {
    let absent: Vec<&str> = [CHROMIUM, CHROMEDRIVER]
        .into_iter()
        .filter(|p| !Path::new(p).exists())
        .collect();
    if absent.is_empty() {
        return None;
    }
    let why = format!(
        "{} not installed (apt-get install chromium chromium-driver)",
        absent.join(" and ")
    );
    if std::env::var_os("CI").is_some() {
        panic!("browser tests must run in CI: {why}");
    }
    Some(why)
}

/// Where screenshots are kept after the tests: `target/browser-artefacts/`.
pub fn artefacts() -> PathBuf {
    let exe = std::env::current_exe().unwrap();
    let target = exe.ancestors().nth(3).unwrap().to_path_buf();
    let dir = target.join("browser-artefacts");
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// axe-core's source, fetched by `tests/tools/fetch-axe.sh` into
/// `target/axe-core/axe.min.js` (CI runs it). Missing: `None` with a printed reason, or a
/// failure in CI.
pub fn axe_source() -> Option<String> {
    let exe = std::env::current_exe().unwrap();
    let path = exe
        .ancestors()
        .nth(3)
        .unwrap()
        .join("axe-core")
        .join("axe.min.js");
    match std::fs::read_to_string(&path) {
        Ok(source) => Some(source),
        Err(_) => {
            let why = format!(
                "{} is missing (run tests/tools/fetch-axe.sh)",
                path.display()
            );
            if std::env::var_os("CI").is_some() {
                panic!("accessibility checks must run in CI: {why}");
            }
            eprintln!("skipping accessibility checks: {why}");
            None
        }
    }
}

/// Whether ChromeDriver answers `/status` with ready (any failure: not yet).
fn ready(port: u16) -> bool {
    use std::io::{Read, Write};
    let Ok(mut s) = std::net::TcpStream::connect(("127.0.0.1", port)) else {
        return false;
    };
    let request = "GET /status HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n";
    if s.write_all(request.as_bytes()).is_err() {
        return false;
    }
    // ChromeDriver may keep the connection open: read what comes within a second.
    let _ = s.set_read_timeout(Some(Duration::from_secs(1)));
    let mut answer = Vec::new();
    let mut buf = [0u8; 4096];
    while let Ok(n) = s.read(&mut buf) {
        if n == 0 {
            break;
        }
        answer.extend_from_slice(&buf[..n]);
        if answer.windows(12).any(|w| w == b"\"ready\":true") {
            return true;
        }
    }
    false
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

impl Browser {
    /// A fresh headless Chromium with a phone-sized window and its own profile.
    pub fn start(lang: &str) -> Browser {
        let port = free_port();
        let driver = Command::new(CHROMEDRIVER)
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let api = Api::unpooled(&format!("http://127.0.0.1:{port}"));
        let deadline = Instant::now() + Duration::from_secs(30);
        loop {
            if ready(port) {
                break;
            }
            assert!(Instant::now() < deadline, "chromedriver did not start");
            std::thread::sleep(Duration::from_millis(50));
        }
        let downloads = tempfile::tempdir().unwrap();
        let dir = downloads.path().display().to_string();
        let profile = tempfile::tempdir().unwrap();
        let (status, body) = api.json(
            "POST",
            "/session",
            Some(json!({"capabilities": {"alwaysMatch": {
                "browserName": "chrome",
                "goog:chromeOptions": {
                    "binary": CHROMIUM,
                    "args": ["--headless=new", "--no-sandbox", "--disable-gpu",
                             "--disable-dev-shm-usage", "--window-size=412,915",
                             format!("--lang={lang}"),
                             format!("--user-data-dir={}", profile.path().display())],
                    "prefs": {
                        "download.default_directory": dir,
                        "download.prompt_for_download": false,
                        "intl.accept_languages": lang
                    }
                }
            }}})),
        );
        assert_eq!(status, 200, "no browser session: {body}");
        let session = body["value"]["sessionId"].as_str().unwrap().to_owned();
        let b = Browser {
            driver,
            api,
            session,
            downloads,
            _profile: profile,
        };
        // Headless Chromium downloads only when told where.
        b.command(
            "POST",
            "goog/cdp/execute",
            json!({"cmd": "Browser.setDownloadBehavior",
                   "params": {"behavior": "allow", "downloadPath": dir}}),
        );
        b
    }

    fn command(&self, method: &str, path: &str, body: Value) -> Value {
        let url = format!("/session/{}/{path}", self.session);
        let body = if method == "GET" { None } else { Some(body) };
        let (status, value) = self.api.json(method, &url, body);
        assert_eq!(status, 200, "{method} {path}: {value}");
        value["value"].clone()
    }

    /// Renders the page as for `media` ("print", or "" for the screen again), through
    /// chromedriver's DevTools passthrough.
    pub fn emulate_media(&self, media: &str) {
        self.command(
            "POST",
            "goog/cdp/execute",
            json!({"cmd": "Emulation.setEmulatedMedia", "params": {"media": media}}),
        );
    }

    pub fn open(&self, url: &str) {
        self.command("POST", "url", json!({ "url": url }));
    }

    /// The browser's Back button.
    pub fn back(&self) {
        self.command("POST", "back", json!({}));
    }

    /// The page's HTML as the browser has it.
    pub fn source(&self) -> String {
        self.command("GET", "source", Value::Null)
            .as_str()
            .unwrap()
            .to_owned()
    }

    /// Waits (10 s at most) until the page holds `text`, for a navigation a click
    /// started; answers the page.
    pub fn wait_for(&self, text: &str) -> String {
        let deadline = Instant::now() + Duration::from_secs(10);
        loop {
            let page = self.source();
            if page.contains(text) {
                return page;
            }
            assert!(Instant::now() < deadline, "no {text:?} in {page}");
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// Clicks the first element matching a CSS selector.
    pub fn click(&self, css: &str) {
        let found = self.command(
            "POST",
            "element",
            json!({"using": "css selector", "value": css}),
        );
        let id = found[ELEMENT]
            .as_str()
            .unwrap_or_else(|| panic!("no element {css}: {found}"))
            .to_owned();
        self.command("POST", &format!("element/{id}/click"), json!({}));
    }

    /// Clicks, then waits (10 s at most) until a new page has loaded; answers it.
    pub fn click_and_load(&self, css: &str) -> String {
        self.execute("window.__before_click = true;", json!([]));
        self.click(css);
        let deadline = Instant::now() + Duration::from_secs(10);
        loop {
            let loaded = self.execute(
                "return window.__before_click === undefined && document.readyState === 'complete'",
                json!([]),
            );
            if loaded == Value::Bool(true) {
                return self.source();
            }
            assert!(
                Instant::now() < deadline,
                "no new page after clicking {css}"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// Types into the first element matching a CSS selector.
    pub fn type_into(&self, css: &str, text: &str) {
        let found = self.command(
            "POST",
            "element",
            json!({"using": "css selector", "value": css}),
        );
        let id = found[ELEMENT]
            .as_str()
            .unwrap_or_else(|| panic!("no element {css}: {found}"))
            .to_owned();
        self.command(
            "POST",
            &format!("element/{id}/value"),
            json!({ "text": text }),
        );
    }

    /// Runs a script in the page (`arguments[i]` are `args`); answers what it returns.
    pub fn execute(&self, script: &str, args: Value) -> Value {
        self.command(
            "POST",
            "execute/sync",
            json!({ "script": script, "args": args }),
        )
    }

    /// The address the browser is at.
    pub fn url(&self) -> String {
        self.command("GET", "url", Value::Null)
            .as_str()
            .unwrap()
            .to_owned()
    }

    /// The value of the first form field matching a CSS selector.
    pub fn value(&self, css: &str) -> String {
        self.execute(
            "return document.querySelector(arguments[0]).value",
            json!([css]),
        )
        .as_str()
        .unwrap_or_else(|| panic!("no field {css}"))
        .to_owned()
    }

    /// Sets a `<select>` (or any field) to `value`.
    pub fn set(&self, css: &str, value: &str) {
        self.execute(
            "document.querySelector(arguments[0]).value = arguments[1]",
            json!([css, value]),
        );
    }

    /// Runs axe-core in the page; saves every violation under
    /// `target/browser-artefacts/axe-NAME.json` and answers the serious and critical ones
    /// (`None` when axe-core is not there: see [`axe_source`]).
    pub fn axe(&self, name: &str) -> Option<Vec<String>> {
        let source = axe_source()?;
        // The source is the body of the injected function (not eval'd: the pages' CSP
        // forbids eval); axe-core sets `window.axe`.
        self.execute(&format!("{source}\nreturn true;"), json!([]));
        let found = self.command(
            "POST",
            "execute/async",
            json!({"script": "const done = arguments[arguments.length - 1];\
                axe.run(document).then(r => done(r.violations.map(v => ({\
                  id: v.id, impact: v.impact, help: v.help,\
                  targets: v.nodes.map(n => n.target.join(' '))}))))\
                .catch(e => done({error: String(e)}));",
                   "args": []}),
        );
        assert!(found.is_array(), "axe-core failed: {found}");
        let path = artefacts().join(format!("axe-{name}.json"));
        std::fs::write(&path, serde_json::to_string_pretty(&found).unwrap()).unwrap();
        Some(
            found
                .as_array()
                .unwrap()
                .iter()
                .filter(|v| matches!(v["impact"].as_str(), Some("serious" | "critical")))
                .map(|v| {
                    format!(
                        "{} ({}): {} at {}",
                        v["id"], v["impact"], v["help"], v["targets"]
                    )
                })
                .collect(),
        )
    }

    /// Checks the page with axe-core (when it is there): no serious or critical violation.
    pub fn assert_accessible(&self, name: &str) {
        if let Some(violations) = self.axe(name) {
            assert!(
                violations.is_empty(),
                "accessibility of {name}: {violations:#?}"
            );
        }
    }

    /// The viewport of a phone `width` CSS pixels wide (Chromium's device emulation).
    pub fn viewport(&self, width: u32, height: u32) {
        self.command(
            "POST",
            "goog/cdp/execute",
            json!({"cmd": "Emulation.setDeviceMetricsOverride",
                   "params": {"width": width, "height": height, "deviceScaleFactor": 1,
                              "mobile": true}}),
        );
    }

    /// Saves a PNG of the viewport under `target/browser-artefacts/NAME.png`.
    pub fn screenshot(&self, name: &str) -> PathBuf {
        use base64::Engine;
        let data = self.command("GET", "screenshot", Value::Null);
        let png = base64::engine::general_purpose::STANDARD
            .decode(data.as_str().unwrap())
            .unwrap();
        assert!(png.starts_with(b"\x89PNG"), "not a PNG");
        let path = artefacts().join(format!("{name}.png"));
        std::fs::write(&path, png).unwrap();
        path
    }

    /// Waits for a finished download named `name`; returns its bytes.
    pub fn downloaded(&self, name: &str) -> Vec<u8> {
        let path = self.downloads.path().join(name);
        let deadline = Instant::now() + Duration::from_secs(30);
        loop {
            if path.is_file() {
                let partial = std::fs::read_dir(self.downloads.path()).unwrap().any(|e| {
                    e.unwrap()
                        .file_name()
                        .to_string_lossy()
                        .ends_with(".crdownload")
                });
                if !partial {
                    return std::fs::read(&path).unwrap();
                }
            }
            assert!(Instant::now() < deadline, "no download named {name}");
            std::thread::sleep(Duration::from_millis(50));
        }
    }
}

impl Drop for Browser {
    fn drop(&mut self) {
        let _ = self
            .api
            .json("DELETE", &format!("/session/{}", self.session), None);
        let _ = self.driver.kill();
        let _ = self.driver.wait();
    }
}
