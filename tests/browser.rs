//! A real browser votes: Debian's headless Chromium, driven through chromedriver's WebDriver
//! protocol (plain JSON over HTTP on loopback), opens the ballot page, picks a name, ticks two
//! themes, sends, and the ballot lands in the session. Skips, saying so, only where Chromium or
//! chromedriver is missing; `.ci/run` installs them.

mod common;

use std::io::{Read, Write};
use std::net::{IpAddr, TcpListener, TcpStream};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use knoop::app::{Msg, update};
use knoop::ballot::{BallotBox, BallotEvent, BoxConfig, BoxRound};
use knoop::i18n::Lang;
use knoop::model::{ParticipantId, ThemeId, Voter};
use serde_json::{Value, json};

/// The key WebDriver names element references with.
const ELEMENT: &str = "element-6066-11e4-a52e-4f735466cecf";

fn http(port: u16, method: &str, path: &str, body: Option<&Value>) -> Value {
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

struct Driver {
    child: Child,
    port: u16,
    session: String,
}

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = http(self.port, "DELETE", &format!("/session/{}", self.session), None);
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn free_port() -> u16 {
    TcpListener::bind(("127.0.0.1", 0)).unwrap().local_addr().unwrap().port()
}

fn start_browser(profile: &std::path::Path) -> Option<Driver> {
    let (chromium, driver) = ("/usr/bin/chromium", "chromedriver");
    if !std::path::Path::new(chromium).exists()
        || Command::new(driver).arg("--version").output().is_err()
    {
        eprintln!(
            "SKIPPED: chromium or chromedriver is not installed, so the real-browser test cannot run"
        );
        return None;
    }
    let port = free_port();
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

impl Driver {
    fn call(&self, method: &str, path: &str, body: Option<Value>) -> Value {
        http(self.port, method, &format!("/session/{}{path}", self.session), body.as_ref())
    }

    fn click(&self, css: &str) {
        let found =
            self.call("POST", "/element", Some(json!({"using": "css selector", "value": css})));
        let id = found["value"][ELEMENT]
            .as_str()
            .unwrap_or_else(|| panic!("no element {css}: {found}"))
            .to_owned();
        self.call("POST", &format!("/element/{id}/click"), Some(json!({})));
    }
}

#[test]
fn a_headless_browser_votes_and_the_ballot_lands_in_the_session() {
    let profile = tempfile::tempdir().unwrap();
    let Some(browser) = start_browser(profile.path()) else { return };

    let mut app = common::example_app();
    let candidates = app.session.rounds[0].result.as_ref().unwrap().through.clone();
    let round = app.session.start_round("Top 3", candidates, 3);
    let (tx, rx) = mpsc::channel();
    let config = BoxConfig::new(
        BoxRound::of(&app.session, round).unwrap(),
        IpAddr::from([127, 0, 0, 1]),
        0,
        Lang::Nl,
    );
    let ballot_box = BallotBox::open(config, move |event| {
        if let BallotEvent::Ballot { round, ballot, .. } = event {
            let _ = tx.send(Msg::PhoneBallot(round, ballot));
        }
    })
    .unwrap();

    browser.call("POST", "/url", Some(json!({"url": ballot_box.url})));
    let source = browser.call("GET", "/source", None);
    assert!(source["value"].as_str().unwrap_or_default().contains("Wie ben je?"), "{source}");
    browser.click("input[name=voter][value='4']");
    browser.click("input[name=t16]");
    browser.click("input[name=t5]");
    browser.click("button[type=submit]");
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        let page = browser.call("GET", "/source", None);
        if page["value"].as_str().unwrap_or_default().contains("Ontvangen") {
            break;
        }
        assert!(Instant::now() < deadline, "no confirmation page: {page}");
        std::thread::sleep(Duration::from_millis(100));
    }
    drop(ballot_box);
    while let Ok(action) = rx.try_recv() {
        update(&mut app, action);
    }
    let r = app.session.round(round).unwrap();
    let ballot =
        r.ballot(Voter::Participant(ParticipantId(4))).expect("Ingrid's ballot from the browser");
    assert_eq!(ballot.dots.keys().copied().collect::<Vec<_>>(), [ThemeId(5), ThemeId(16)]);
}
