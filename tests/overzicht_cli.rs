//! `knoop genereer` and `knoop overzicht` from the command line: a region written, the overview
//! written as HTML, Markdown and CSV with unread files listed, and wrong input refused in Dutch.

use std::process::Command;

fn knoop(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_knoop")).args(args).env("KNOOP_LANG", "nl").output().unwrap()
}

#[test]
fn a_generated_region_is_written_and_its_overview_exported_in_three_formats() {
    let dir = tempfile::tempdir().unwrap();
    let region = dir.path().join("regio");
    let region_s = region.to_str().unwrap();
    let out = knoop(&["genereer", region_s, "--aantal", "12"]);
    assert!(out.status.success(), "{out:?}");
    assert!(String::from_utf8_lossy(&out.stdout).contains("12 sessies geschreven"));
    let (files, _) = knoop::overzicht::session_files(&region).unwrap();
    assert_eq!(files.len(), 12);
    std::fs::write(region.join("kapot.json"), "{").unwrap();

    for ext in ["html", "md", "csv"] {
        let target = dir.path().join(format!("overzicht.{ext}"));
        let out =
            knoop(&["overzicht", region_s, "--naar", target.to_str().unwrap(), "--soort", "po"]);
        assert!(out.status.success(), "{ext}: {out:?}");
        let said = String::from_utf8_lossy(&out.stdout);
        assert!(said.contains("1 bestanden konden niet worden gelezen"), "{said}");
        assert!(said.contains("kapot.json"), "the unread file is named: {said}");
        let written = std::fs::read_to_string(&target).unwrap();
        if ext != "csv" {
            assert!(written.contains("soort school po"), "the filter is named at the top: {ext}");
            assert!(written.contains("geen namen van deelnemers"), "{ext}");
        } else {
            assert!(written.starts_with('\u{feff}'), "Dutch CSV has a BOM");
            assert!(written.contains("Top 3 over scholen;"), "{written}");
        }
    }
}

#[test]
fn wrong_input_is_refused_in_dutch() {
    let dir = tempfile::tempdir().unwrap();
    let out = knoop(&["overzicht", "/geen/map/hier"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("bestaat niet of is geen map"));
    let out = knoop(&["overzicht", dir.path().to_str().unwrap(), "--naar", "x.pdf"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains(".html, .md of .csv"));
}

#[test]
fn without_a_terminal_the_overview_is_printed_as_markdown() {
    let dir = tempfile::tempdir().unwrap();
    knoop::overzicht::generate::write_region(dir.path(), 5).unwrap();
    let out = knoop(&["overzicht", dir.path().to_str().unwrap()]);
    assert!(out.status.success());
    let said = String::from_utf8_lossy(&out.stdout);
    assert!(said.starts_with("# Regionaal overzicht"), "{said}");
    assert!(said.contains("5 van 5 sessies"));
}
