//! The regional overview's HTML in a real browser: Debian's headless Chromium, driven through
//! chromedriver's WebDriver protocol on loopback, opens the exported page and reads back what
//! it renders: the title, the filters named at the top, every section's table with rows, the
//! privacy footer, and that it prints to a PDF. Skips, saying so, only where Chromium or
//! chromedriver is missing; `.ci/run` installs them.

use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use jiff::civil::date;
use knoop::i18n::Lang;
use knoop::overzicht::export::{Format, Report, render};
use knoop::overzicht::{Filter, overview, scan};
use serde_json::{Value, json};

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

impl Driver {
    fn call(&self, method: &str, path: &str, body: Option<Value>) -> Value {
        http(self.port, method, &format!("/session/{}{path}", self.session), body.as_ref())
    }
}

fn start_browser(profile: &Path) -> Option<Driver> {
    let (chromium, driver) = ("/usr/bin/chromium", "chromedriver");
    let missing =
        !Path::new(chromium).exists() || Command::new(driver).arg("--version").output().is_err();
    if missing {
        eprintln!(
            "SKIPPED: chromium or chromedriver is not installed, so the overview cannot be opened in a browser"
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

#[test]
fn the_overview_html_renders_in_a_browser() {
    let profile = tempfile::tempdir().unwrap();
    let Some(browser) = start_browser(profile.path()) else { return };
    let region = tempfile::tempdir().unwrap();
    knoop::overzicht::generate::write_region(region.path(), 60).unwrap();
    std::fs::write(region.path().join("kapot.json"), "{").unwrap();
    let scan = scan(region.path(), Lang::Nl).unwrap();
    let filter = Filter { gemeente: Some("Ede".into()), ..Filter::default() };
    let today = date(2026, 12, 7);
    let o = overview(&scan.sessions, &filter, today);
    let html = render(
        &Report { scan: &scan, overview: &o, filter: &filter, today, lang: Lang::Nl },
        Format::Html,
    );
    let out = tempfile::tempdir().unwrap();
    let page = out.path().join("overzicht.html");
    std::fs::write(&page, html).unwrap();

    browser.call("POST", "/url", Some(json!({"url": format!("file://{}", page.display())})));
    let script = r#"
        const text = id => (document.getElementById(id) || {}).innerText || '';
        const rows = id => {
            const h = document.getElementById(id);
            const table = h && h.nextElementSibling;
            return table && table.tagName === 'TABLE' ? table.tBodies[0].rows.length : -1;
        };
        const footer = document.getElementById('privacy');
        const box = footer ? footer.getBoundingClientRect() : {height: 0};
        return {
            title: document.title,
            filters: text('filters'),
            top: rows('top'), gaps: rows('gaps'), providers: rows('providers'), follow: rows('follow'),
            unread: text('unread'),
            privacy: text('privacy'),
            privacyHeight: box.height,
            width: document.documentElement.scrollWidth,
        };
    "#;
    let got = browser.call("POST", "/execute/sync", Some(json!({"script": script, "args": []})));
    let v = &got["value"];
    assert_eq!(v["title"], "Regionaal overzicht", "{got}");
    assert_eq!(v["filters"], "Filters: gemeente Ede", "{got}");
    for section in ["top", "gaps", "providers", "follow"] {
        assert!(v[section].as_i64().unwrap_or(-1) > 0, "{section} has rows: {got}");
    }
    assert!(v["unread"].as_str().unwrap_or("").contains("Niet gelezen (1)"), "{got}");
    assert!(v["privacy"].as_str().unwrap_or("").contains("geen namen van deelnemers"), "{got}");
    assert!(v["privacyHeight"].as_f64().unwrap_or(0.0) > 0.0, "the footer is visible: {got}");
    let printed = browser.call(
        "POST",
        "/print",
        Some(json!({"page": {"width": 21.0, "height": 29.7}, "background": true})),
    );
    let pdf = printed["value"].as_str().unwrap_or_else(|| panic!("{printed}"));
    assert!(pdf.starts_with("JVBERi"), "it prints to a PDF");
}
