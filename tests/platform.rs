//! Where Windows and Unix differ for knoop, each side tested where it runs (`.ci/run` also
//! compiles these for Windows): the session lock, replacing a file another program holds
//! open, and the sessions folder.

mod common;

use std::fs;
use std::path::Path;

use knoop::store::{self, LockInfo, LockOutcome, try_lock};

fn me(user: &str) -> LockInfo {
    LockInfo {
        user: user.into(),
        host: "laptop".into(),
        pid: 4242,
        since: "2026-11-23T09:00:00Z".parse().unwrap(),
    }
}

#[test]
fn a_second_window_finds_the_session_locked() {
    let dir = tempfile::tempdir().unwrap();
    let session = dir.path().join("sessie.json");
    let first = try_lock(&session, &me("anna")).unwrap();
    assert!(matches!(first, LockOutcome::Acquired { .. }));
    let second = try_lock(&session, &me("bram")).unwrap();
    // Unix locks (flock) are advisory: the second window can read who holds the session.
    #[cfg(unix)]
    assert!(matches!(second, LockOutcome::HeldElsewhere(Some(ref who)) if who.user == "anna"));
    // Windows locks (LockFileEx) are mandatory: the locked file cannot be read by anyone else,
    // so the second window opens read-only without being able to say who has it.
    #[cfg(windows)]
    assert!(matches!(second, LockOutcome::HeldElsewhere(_)), "{second:?}");
    drop(first);
    assert!(matches!(try_lock(&session, &me("bram")).unwrap(), LockOutcome::Acquired { .. }));
}

#[test]
fn this_computer_has_a_name_in_the_lock() {
    // Linux names it in /etc/hostname or HOSTNAME, Windows in COMPUTERNAME.
    let named = std::env::var("HOSTNAME").is_ok()
        || Path::new("/etc/hostname").exists()
        || std::env::var("COMPUTERNAME").is_ok();
    let me = LockInfo::current(jiff::Timestamp::UNIX_EPOCH);
    assert_eq!(me.pid, std::process::id());
    if named {
        assert!(!me.host.is_empty(), "{me:?}");
    }
}

#[test]
fn a_report_replaces_a_file_that_is_open_for_reading() {
    // A browser or text editor that shows the previous report has it open to read (with
    // sharing, as std and most programs open files on Windows too): the export still lands.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("verslag.html");
    fs::write(&path, "oud").unwrap();
    let reader = fs::File::open(&path).unwrap();
    store::write_replace(&path, b"nieuw").unwrap();
    assert_eq!(fs::read_to_string(&path).unwrap(), "nieuw");
    drop(reader);
}

/// Excel opens a workbook or CSV without sharing it: Windows then refuses to replace the
/// file, and `knoop export` says to close it there.
#[cfg(windows)]
#[test]
fn exporting_over_a_workbook_open_in_excel_says_to_close_it() {
    use std::os::windows::fs::OpenOptionsExt;
    let dir = tempfile::tempdir().unwrap();
    let copy = dir.path().join("najaar.json");
    fs::copy(common::EXAMPLE, &copy).unwrap();
    let book = dir.path().join("najaar.xlsx");
    fs::write(&book, "oud").unwrap();
    let excel = fs::OpenOptions::new().read(true).write(true).share_mode(0).open(&book).unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_knoop"))
        .args(["--lang", "nl", "export", copy.to_str().unwrap(), "--format", "xlsx"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("Sluit het daar en exporteer opnieuw"), "{err}");
    drop(excel);
    assert_eq!(fs::read_to_string(&book).unwrap(), "oud", "the open file was left alone");
}

/// On Unix a rename replaces even a file another program holds open; the reader keeps the
/// old contents it opened.
#[cfg(unix)]
#[test]
fn exporting_over_an_open_file_replaces_it_on_unix() {
    use std::io::Read;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("najaar.xlsx");
    fs::write(&path, "oud").unwrap();
    let mut reader = fs::File::open(&path).unwrap();
    store::write_replace(&path, b"nieuw").unwrap();
    let mut seen = String::new();
    reader.read_to_string(&mut seen).unwrap();
    assert_eq!(seen, "oud");
    assert_eq!(fs::read_to_string(&path).unwrap(), "nieuw");
}

#[test]
fn the_sessions_folder_is_the_platforms_data_folder() {
    let dir = store::sessions_dir(None, None).expect("a home folder is known");
    let text = dir.display().to_string();
    assert!(text.ends_with("sessions"), "{text}");
    // %APPDATA%\knoop\knoop\data\sessions on Windows, ~/.local/share/knoop/sessions on Linux.
    #[cfg(windows)]
    assert!(text.contains("AppData") && text.contains("knoop"), "{text}");
    #[cfg(target_os = "linux")]
    assert!(text.contains("knoop"), "{text}");
}
