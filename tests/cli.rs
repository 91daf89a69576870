//! The `knoop` binary from the outside: commands, messages and exit codes.

use std::fs;
use std::path::Path;
use std::process::{Command, Output};

mod common;
use common::EXAMPLE;

fn knoop(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_knoop"))
        .args(args)
        .env("KNOOP_DIR", dir)
        .env_remove("KNOOP_LANG")
        .env("LANG", "C.UTF-8")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .output()
        .expect("knoop runs")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

#[test]
fn new_creates_a_session_from_a_template_and_list_shows_it() {
    let dir = tempfile::tempdir().unwrap();
    let out = knoop(
        dir.path(),
        &["new", "--title", "Knooppunt Het Anker", "--template", "onderwijs-jeugdhulp"],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let path = dir.path().join("knooppunt-het-anker.json");
    assert!(stdout(&out).contains(&path.display().to_string()), "{}", stdout(&out));
    let session = knoop::store::load(&path).unwrap();
    assert_eq!(session.template, "onderwijs-jeugdhulp");
    assert_eq!(session.matrix.themes.len(), 5);

    let out = knoop(dir.path(), &["list"]);
    assert_eq!(out.status.code(), Some(0));
    let text = stdout(&out);
    // Made for a meeting today: the date is known, nobody is asked for it.
    assert!(text.contains("Knooppunt Het Anker") && !text.contains("geen datum"), "{text}");
    assert_eq!(session.meeting_date, Some(jiff::ZonedDateTime::now().date()));
}

#[test]
fn list_of_an_empty_folder_says_how_to_start() {
    let dir = tempfile::tempdir().unwrap();
    let out = knoop(dir.path(), &["list"]);
    assert_eq!(out.status.code(), Some(0));
    assert!(stdout(&out).contains("knoop new --title"));
}

#[test]
fn check_exits_0_for_valid_files_and_1_with_each_error() {
    let dir = tempfile::tempdir().unwrap();
    let out = knoop(dir.path(), &["check", EXAMPLE]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stdout(&out).contains("In orde"));

    let bad = dir.path().join("kapot.json");
    fs::write(&bad, "{\"format\": \"knoop-session\", \"version\": 1, \"session\": ").unwrap();
    let missing = dir.path().join("weg.json");
    let out =
        knoop(dir.path(), &["check", EXAMPLE, bad.to_str().unwrap(), missing.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(err.contains("kapot.json houdt te vroeg op (regel 1"), "{err}");
    assert!(err.contains("weg.json bestaat niet"), "{err}");
}

#[test]
fn open_prints_a_summary_until_the_full_screen_lands() {
    let dir = tempfile::tempdir().unwrap();
    let copy = dir.path().join("s.json");
    fs::copy(EXAMPLE, &copy).unwrap();
    let out = knoop(dir.path(), &["open", copy.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(text.contains("Deelnemers: 8 (8 aanwezig)"), "{text}");
    assert!(text.contains("1. Opgroeien met voldoende middelen"), "{text}");
    assert!(!knoop::store::lock_path(&copy).exists(), "the lock is released on exit");
}

#[test]
fn english_on_request() {
    let dir = tempfile::tempdir().unwrap();
    let out = knoop(dir.path(), &["--lang", "en", "open", EXAMPLE]);
    assert!(stdout(&out).contains("Participants: 8 (8 present)"));
    let out = knoop(dir.path(), &["check", "--lang", "en", "/nergens.json"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("does not exist"));
    let out = knoop(dir.path(), &["--help", "--lang", "en"]);
    assert!(stdout(&out).contains("Make a new session"));
}

#[test]
fn wrong_usage_exits_2_with_a_dutch_message() {
    let dir = tempfile::tempdir().unwrap();
    for args in [
        &["frobnicate"][..],
        &["check"],
        &["new", "--title", "x", "--template", "onbekend"],
        &["new", "--title", "  "],
    ] {
        let out = knoop(dir.path(), args);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {}", stderr(&out));
        assert!(stderr(&out).contains("De opdracht klopt niet"), "{args:?}: {}", stderr(&out));
    }
    let out = knoop(dir.path(), &["--help"]);
    assert_eq!(out.status.code(), Some(0));
    assert!(stdout(&out).contains("Gebruik: knoop"));
}

#[test]
fn vervolg_makes_the_follow_up_beside_the_session() {
    let dir = tempfile::tempdir().unwrap();
    let copy = dir.path().join("najaar.json");
    fs::copy(EXAMPLE, &copy).unwrap();
    for command in ["vervolg", "follow-up"] {
        let out = knoop(dir.path(), &[command, copy.to_str().unwrap()]);
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
        assert!(stdout(&out).contains("-vervolg"), "{}", stdout(&out));
    }
    let made = dir.path().join("knooppunt-obs-de-regenboog-najaar-2026-vervolg.json");
    let next = knoop::store::load(&made).unwrap();
    assert_eq!(next.follows.as_deref(), Some("najaar.json"));
    assert_eq!(next.title, "Knooppunt OBS De Regenboog, najaar 2026 (vervolg)");
    assert_eq!(next.actions.len(), 6);
    assert!(
        dir.path().join("knooppunt-obs-de-regenboog-najaar-2026-vervolg-2.json").exists(),
        "never overwritten"
    );
}

#[test]
fn errors_are_in_dutch_and_verbose_adds_the_original_words() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("kapot.json");
    fs::write(&bad, "{\"format\": \"knoop-session\", \"version\": 1, \"session\": ").unwrap();
    let out = knoop(dir.path(), &["check", bad.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(err.contains("houdt te vroeg op"), "{err}");
    assert!(!err.contains("EOF") && !err.contains("Technische details"), "{err}");

    let out = knoop(dir.path(), &["--verbose", "check", bad.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(err.contains("houdt te vroeg op"), "{err}");
    assert!(err.contains("Technische details: EOF while parsing"), "{err}");

    let out =
        knoop(dir.path(), &["check", "--verbose", "--lang", "en", dir.path().to_str().unwrap()]);
    let err = stderr(&out);
    assert!(err.contains("is a folder, not a session file"), "{err}");
    assert!(err.contains("Technical details: Is a directory"), "{err}");
}

#[cfg(unix)]
#[test]
fn a_read_only_session_still_opens_and_says_why() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let copy = dir.path().join("s.json");
    fs::copy(EXAMPLE, &copy).unwrap();
    fs::set_permissions(&copy, fs::Permissions::from_mode(0o444)).unwrap();
    let out = knoop(dir.path(), &["open", copy.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(text.contains("Alleen-lezen") && text.contains("is alleen-lezen"), "{text}");
    assert!(text.contains("Deelnemers: 8"), "{text}");
}

/// The subcommands every completion script and the man page must name.
const SUBCOMMANDS: [&str; 8] =
    ["new", "list", "check", "open", "export", "vervolg", "completions", "manpage"];

#[test]
fn completions_for_every_shell_name_the_subcommands_and_options() {
    let dir = tempfile::tempdir().unwrap();
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        let out = knoop(dir.path(), &["completions", shell]);
        assert_eq!(out.status.code(), Some(0), "{shell}: {}", stderr(&out));
        let script = stdout(&out);
        assert!(script.len() > 500, "{shell}: {script}");
        for name in SUBCOMMANDS.iter().chain(&["tabel", "format", "xlsx"]) {
            assert!(script.contains(name), "{shell} completion lacks {name}");
        }
    }
    let out = knoop(dir.path(), &["completions", "cmd"]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn the_man_page_is_made_from_the_same_command_line() {
    let dir = tempfile::tempdir().unwrap();
    let out = knoop(dir.path(), &["manpage"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let page = stdout(&out);
    assert!(page.starts_with(".ie") || page.contains(".TH knoop 1"), "roff: {page}");
    assert!(page.contains(".TH knoop 1") && page.contains(".SH NAME"), "{page}");
    for name in SUBCOMMANDS {
        assert!(page.contains(name), "the man page lacks {name}");
    }
    assert!(page.contains("Preventiematrix"), "the Dutch about text: {page}");

    let file = dir.path().join("knoop.1");
    let out = knoop(dir.path(), &["--lang", "en", "manpage", "-o", file.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let english = fs::read_to_string(&file).unwrap();
    assert!(english.contains("Write the report of a session"), "{english}");
}
