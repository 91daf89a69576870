//! The regional overview's HTML in a real browser: Debian's headless Chromium, driven through
//! chromedriver's WebDriver protocol on loopback, opens the exported page and reads back what
//! it renders: the title, the filters named at the top, every section's table with rows, the
//! privacy footer, and that it prints to a PDF. Skips, saying so, only where Chromium or
//! chromedriver is missing; `.ci/run` installs them.

mod common;

use common::webdriver::Driver;
use jiff::civil::date;
use knoop::i18n::Lang;
use knoop::overzicht::export::{Format, Report, render};
use knoop::overzicht::{Filter, overview, scan};
use serde_json::json;

#[test]
fn the_overview_html_renders_in_a_browser() {
    let profile = tempfile::tempdir().unwrap();
    let Some(browser) = Driver::start(profile.path(), &[], "the overview browser test") else {
        return;
    };
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
