//! A small WebDriver client over a TcpStream on loopback: Debian's headless Chromium driven by
//! chromedriver, for the tests that need a real browser (the ballot page, the printed
//! reports). A test that finds Chromium or a tool missing says it skipped; `.ci/run` installs
//! them.

use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::{Value, json};

/// One WebDriver call: `method` on `path` with a JSON `body`; the reply's JSON, or `Null`.
pub fn http(port: u16, method: &str, path: &str, body: Option<&Value>) -> Value {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).expect("chromedriver listens");
    stream.set_read_timeout(Some(Duration::from_secs(60))).unwrap();
    let body = body.map(Value::to_string).unwrap_or_default();
    let raw = format!(
        "{method} {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    );
    stream.write_all(raw.as_bytes()).unwrap();
    // Read the head, then exactly Content-Length bytes: chromedriver keeps the connection open.
    let mut reply = Vec::new();
    let mut byte = [0u8; 1];
    while !reply.ends_with(b"\r\n\r\n") {
        if stream.read(&mut byte).unwrap_or(0) == 0 {
            return Value::Null;
        }
        reply.push(byte[0]);
    }
    let head = String::from_utf8_lossy(&reply).to_lowercase();
    let length: usize = head
        .lines()
        .find_map(|l| l.strip_prefix("content-length:").map(|v| v.trim().parse().unwrap_or(0)))
        .unwrap_or(0);
    let mut body = vec![0u8; length];
    stream.read_exact(&mut body).unwrap();
    serde_json::from_slice(&body).unwrap_or(Value::Null)
}

/// A running chromedriver with one browser session; dropping it ends both.
pub struct Driver {
    child: Child,
    /// chromedriver's port on loopback.
    pub port: u16,
    /// The browser session.
    pub session: String,
}

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = http(self.port, "DELETE", &format!("/session/{}", self.session), None);
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Driver {
    /// Starts chromedriver and a headless Chromium with its profile in `profile`, or says why
    /// `test` skipped when Chromium, chromedriver or one of the `tools` (command, version
    /// flag) is missing.
    pub fn start(profile: &Path, tools: &[(&str, &str)], test: &str) -> Option<Driver> {
        let (chromium, driver) = ("/usr/bin/chromium", "chromedriver");
        let missing = !Path::new(chromium).exists()
            || Command::new(driver).arg("--version").output().is_err()
            || tools.iter().any(|(tool, flag)| Command::new(tool).arg(flag).output().is_err());
        if missing {
            let tools: Vec<&str> = tools.iter().map(|(tool, _)| *tool).collect();
            eprintln!(
                "SKIPPED: {test} needs chromium, chromedriver {}, and one is not installed",
                tools.join(", ")
            );
            return None;
        }
        let port = TcpListener::bind(("127.0.0.1", 0)).unwrap().local_addr().unwrap().port();
        let child = Command::new(driver)
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("chromedriver starts");
        let deadline = Instant::now() + Duration::from_secs(20);
        while TcpStream::connect(("127.0.0.1", port)).is_err() {
            assert!(Instant::now() < deadline, "chromedriver did not start");
            std::thread::sleep(Duration::from_millis(50));
        }
        // The closed network of this machine refuses Chromium's own calls home: switch them off.
        let args = [
            "--headless=new",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            &format!("--user-data-dir={}", profile.display()),
        ];
        let capabilities = json!({"capabilities": {"alwaysMatch": {"browserName": "chrome", "goog:chromeOptions": {"binary": chromium, "args": args}}}});
        let reply = http(port, "POST", "/session", Some(&capabilities));
        let session = reply["value"]["sessionId"]
            .as_str()
            .unwrap_or_else(|| panic!("no browser session: {reply}"))
            .to_owned();
        Some(Driver { child, port, session })
    }

    /// A call within the session: `path` after `/session/{id}`.
    pub fn call(&self, method: &str, path: &str, body: Option<Value>) -> Value {
        http(self.port, method, &format!("/session/{}{path}", self.session), body.as_ref())
    }
}
