//! The HTML report on paper: Debian's headless Chromium, driven through chromedriver's
//! WebDriver protocol on loopback, prints the example report to PDF (A4), and `pdftotext`
//! reads it back page by page: the page count, no nearly empty page, the page foot with page
//! number and export date, and the top 3 on page 1. Skips, saying so, where Chromium,
//! chromedriver or pdftotext is missing; `.ci/run` installs them.

mod common;

use std::path::Path;
use std::process::Command;

use common::webdriver::Driver;
use knoop::i18n::Lang;
use knoop::report::{Format, Options, render};
use serde_json::json;

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
    let Some(browser) = Driver::start(profile.path(), &[("pdftotext", "-v")], "the print test")
    else {
        return;
    };
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
