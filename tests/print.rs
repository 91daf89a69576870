//! The HTML report on paper: Debian's headless Chromium, driven through chromedriver's
//! WebDriver protocol on loopback, prints the example report to PDF (A4), and `pdftotext`
//! reads it back page by page: the page count, no nearly empty page, the page foot with page
//! number and export date, and the top 3 on page 1. Skips, saying so, where Chromium,
//! chromedriver or pdftotext is missing; `.ci/run` installs them.

mod common;

use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use knoop::i18n::Lang;
use knoop::report::{Format, Options, render};
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
    let missing = !Path::new(chromium).exists()
        || Command::new(driver).arg("--version").output().is_err()
        || Command::new("pdftotext").arg("-v").output().is_err();
    if missing {
        eprintln!(
            "SKIPPED: chromium, chromedriver or pdftotext (poppler-utils) is not installed, so the print test cannot run"
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

/// Standard base64, as WebDriver returns the PDF.
fn base64(text: &str) -> Vec<u8> {
    let value = |c: u8| match c {
        b'A'..=b'Z' => Some(c - b'A'),
        b'a'..=b'z' => Some(c - b'a' + 26),
        b'0'..=b'9' => Some(c - b'0' + 52),
        b'+' => Some(62),
        b'/' => Some(63),
        _ => None,
    };
    let sextets: Vec<u8> = text.bytes().filter_map(value).collect();
    sextets
        .chunks(4)
        .flat_map(|c| {
            let n = c.iter().fold(0u32, |n, &v| n << 6 | u32::from(v)) << (6 * (4 - c.len()));
            let bytes = [(n >> 16) as u8, (n >> 8) as u8, n as u8];
            bytes.into_iter().take(c.len().saturating_sub(1))
        })
        .collect()
}

/// The text of page `n` of `pdf`, as pdftotext reads it.
fn page_text(pdf: &Path, n: usize) -> String {
    let out = Command::new("pdftotext")
        .args(["-layout", "-f", &n.to_string(), "-l", &n.to_string()])
        .arg(pdf)
        .arg("-")
        .output()
        .expect("pdftotext runs");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn page_count(pdf: &Path) -> usize {
    let bytes = std::fs::read(pdf).unwrap();
    let text = String::from_utf8_lossy(&bytes);
    // Each page object says "/Type /Page" (the page tree says "/Type /Pages").
    text.matches("/Type /Page").count() - text.matches("/Type /Pages").count()
}

#[test]
fn the_example_report_prints_on_a4_without_empty_pages() {
    let profile = tempfile::tempdir().unwrap();
    let Some(browser) = start_browser(profile.path()) else { return };
    let session = knoop::store::load(Path::new(common::EXAMPLE)).unwrap();
    let options = Options { exported: Some(common::TODAY), ..Options::default() };
    let html = render(&session, Format::Html, Lang::Nl, options);
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("verslag.html");
    std::fs::write(&page, html).unwrap();

    browser.call("POST", "/url", Some(json!({"url": format!("file://{}", page.display())})));
    let printed = browser.call(
        "POST",
        "/print",
        Some(json!({"page": {"width": 21.0, "height": 29.7}, "background": true})),
    );
    let pdf_bytes = base64(printed["value"].as_str().unwrap_or_else(|| panic!("{printed}")));
    assert!(pdf_bytes.starts_with(b"%PDF"), "not a PDF");
    let pdf = dir.path().join("verslag.pdf");
    std::fs::write(&pdf, &pdf_bytes).unwrap();

    let pages = page_count(&pdf);
    let texts: Vec<String> = (1..=pages).map(|n| page_text(&pdf, n)).collect();
    let words = |t: &str| t.split_whitespace().count();
    let counts: Vec<usize> = texts.iter().map(|t| words(t)).collect();
    eprintln!("pages: {pages}, words per page: {counts:?}");
    // Five pages here (Chromium 156, Debian's fonts); a page more or less with other fonts.
    assert!(
        (4..=6).contains(&pages),
        "the example fills about 5 A4 pages, not {pages}: {counts:?}"
    );
    for (n, text) in texts.iter().enumerate() {
        // No page is nearly empty: the blank page 2 a tall unbreakable matrix used to leave.
        // The last page holds what is left, however little.
        let last = n + 1 == pages;
        assert!(
            last || words(text) >= 60,
            "page {} holds only {} words:\n{text}",
            n + 1,
            words(text)
        );
        let foot = format!("Pagina {} van {pages}", n + 1);
        assert!(text.contains(&foot), "page {} has no page number: {text}", n + 1);
        assert!(
            text.contains("Geëxporteerd op ma 7 dec 2026"),
            "page {} has no export date",
            n + 1
        );
    }
    assert!(texts[0].contains("Onze top 3"), "the top 3 is on page 1: {}", texts[0]);
    assert!(texts[0].contains("Structurele kernpartners"), "the participants are on page 1");
    // No page ends on a heading: the matrix heading is never orphaned at a page foot.
    for (n, text) in texts.iter().enumerate() {
        let body: Vec<&str> =
            text.lines().filter(|l| !l.trim().is_empty() && !l.contains("Pagina ")).collect();
        let last = body.last().map(|l| l.trim()).unwrap_or_default();
        for heading in ["Matrix", "Stemrondes", "Acties: wie doet wat", "Deelnemers"] {
            assert_ne!(last, heading, "page {} ends on the heading {heading}", n + 1);
        }
    }
}
