//! `knoop spiekbrief`: the cheat sheet on one A4 page, made from the key map. Every bound key
//! is on it next to what it does; the page needs nothing from outside; and printed by headless
//! Chromium it is exactly one A4 page in both languages (skipped, saying so, where Chromium or
//! pdftotext is missing).

use std::path::Path;
use std::process::Command;

use knoop::app::keymap::{KEYMAP, key_labels};
use knoop::html::escape;
use knoop::i18n::Lang;
use knoop::report::spiekbrief::render;

#[test]
fn every_bound_key_is_on_the_sheet_beside_what_it_does() {
    for lang in [Lang::Nl, Lang::En] {
        let t = lang.texts();
        let html = render(lang);
        let rows: Vec<&str> = html.lines().filter(|l| l.starts_with("<tr>")).collect();
        // The help's own keys are in the help's foot, and `?`/F1 among the keys that work
        // everywhere: the one page leaves them out.
        use knoop::app::keymap::Context;
        let in_the_help =
            [Context::DialogHelp, Context::FormHelp, Context::Help, Context::HelpSearch];
        for b in KEYMAP.iter().filter(|b| !in_the_help.contains(&b.context)) {
            let help = escape((b.help)(t));
            let labels: Vec<String> = key_labels(b, t)
                .iter()
                .map(|label| format!("<kbd>{}</kbd>", escape(label)))
                .collect();
            let row = rows.iter().find(|r| {
                r.contains(&format!("<td>{help}</td>")) && labels.iter().all(|l| r.contains(l))
            });
            assert!(row.is_some(), "{lang:?}: {labels:?} {help} is not on the sheet");
        }
        // And the four steps with what each asks.
        for n in 1..=4 {
            let title = knoop::i18n::fill(t.guide_title, &[&n, &""]);
            assert!(html.contains(title.trim_end()), "{lang:?}: step {n}");
        }
        assert!(html.contains(&escape(t.guide_step_3)));
        // The introduction names its keys from the key map too.
        assert!(html.contains("<kbd>Tab</kbd>") && html.contains("<kbd>i</kbd>"));
        assert!(!html.contains("{0}"), "every placeholder filled");
    }
}

#[test]
fn the_sheet_is_self_contained() {
    let html = render(Lang::Nl);
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(html.contains("<meta charset=\"utf-8\">"));
    assert!(html.contains("size: A4"));
    for outside in ["<script", "src=", "href=", "http:", "https:", "@import", "url("] {
        assert!(!html.contains(outside), "{outside} reaches outside the page");
    }
    assert!(render(Lang::En).starts_with("<!DOCTYPE html>\n<html lang=\"en\">"));
}

#[test]
fn the_command_writes_the_sheet_in_the_language_asked() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("blad.html");
    let out = Command::new(env!("CARGO_BIN_EXE_knoop"))
        .args(["spiekbrief", "--lang", "en", "-o"])
        .arg(&file)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(String::from_utf8_lossy(&out.stdout).contains("Cheat sheet written"));
    assert_eq!(std::fs::read_to_string(&file).unwrap(), render(Lang::En));
    let out =
        Command::new(env!("CARGO_BIN_EXE_knoop")).args(["spiekbrief", "-o", "-"]).output().unwrap();
    assert_eq!(String::from_utf8_lossy(&out.stdout), render(Lang::Nl));
}

/// Prints `html` to PDF with headless Chromium; `None` when Chromium or pdftotext is missing.
fn print_to_pdf(html: &str, dir: &Path) -> Option<std::path::PathBuf> {
    let chromium = "/usr/bin/chromium";
    if !Path::new(chromium).exists() || Command::new("pdftotext").arg("-v").output().is_err() {
        eprintln!("SKIPPED: chromium or pdftotext (poppler-utils) is not installed");
        return None;
    }
    let page = dir.join("spiekbrief.html");
    std::fs::write(&page, html).unwrap();
    let pdf = dir.join("spiekbrief.pdf");
    let status = Command::new(chromium)
        .args([
            "--headless=new",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-pdf-header-footer",
        ])
        .arg(format!("--user-data-dir={}", dir.join("profiel").display()))
        .arg(format!("--print-to-pdf={}", pdf.display()))
        .arg(format!("file://{}", page.display()))
        .output()
        .expect("chromium runs");
    assert!(pdf.exists(), "no PDF: {}", String::from_utf8_lossy(&status.stderr));
    Some(pdf)
}

#[test]
fn printed_it_is_exactly_one_a4_page_in_both_languages() {
    for lang in [Lang::Nl, Lang::En] {
        let dir = tempfile::tempdir().unwrap();
        let Some(pdf) = print_to_pdf(&render(lang), dir.path()) else { return };
        let bytes = std::fs::read(&pdf).unwrap();
        let raw = String::from_utf8_lossy(&bytes);
        let pages = raw.matches("/Type /Page").count() - raw.matches("/Type /Pages").count();
        assert_eq!(pages, 1, "{lang:?}: the cheat sheet takes {pages} pages");
        // A4: 595 × 842 points (Chromium writes 594.96 × 841.92).
        let info = Command::new("pdfinfo").arg(&pdf).output().unwrap();
        let info = String::from_utf8_lossy(&info.stdout);
        assert!(info.contains("(A4)"), "{lang:?}: not A4: {info}");
        let text = Command::new("pdftotext").arg("-layout").arg(&pdf).arg("-").output().unwrap();
        let text = String::from_utf8_lossy(&text.stdout);
        let t = lang.texts();
        // The first words and the last line are both on the page: nothing ran off it.
        assert!(text.contains(t.sb_title), "{lang:?}: {text}");
        let foot: String = t.sb_footer.split_whitespace().take(4).collect::<Vec<_>>().join(" ");
        assert!(text.contains(&foot), "{lang:?}: the foot is missing:\n{text}");
    }
}
