//! The regional overview in a real terminal: the built binary in tmux. It shows the overview,
//! lists the sessions behind a count, opens one read-only without taking its lock, comes back
//! to the overview when that session is closed, and quits. Skips, saying so, where tmux is
//! missing; CI installs it.

mod common;

use common::tmux::Tmux;

/// `knoop overzicht` on `dir` in a 120×36 tmux session.
fn start(name: &str, dir: &std::path::Path) -> Option<Tmux> {
    let command = format!(
        "env LANG=C.UTF-8 KNOOP_LANG=nl {} overzicht {}; echo KNOOP-EXIT $?; sleep 60",
        env!("CARGO_BIN_EXE_knoop"),
        dir.display()
    );
    Tmux::start(&format!("ovz-{name}"), &command, (120, 36))
}

#[test]
fn the_overview_opens_a_session_read_only_and_comes_back() {
    let dir = tempfile::tempdir().unwrap();
    knoop::overzicht::generate::write_region(dir.path(), 10).unwrap();
    let Some(t) = start("open", dir.path()) else { return };
    let screen = t.wait_for("? hulp", true);
    assert!(
        screen.contains("Regionaal overzicht") && screen.contains("10 van 10 sessies"),
        "{screen}"
    );
    t.keys(&["Enter"]);
    t.wait_for("Sessies achter", true);
    t.keys(&["o"]);
    let screen = t.wait_for("ALLEEN-LEZEN", true);
    assert!(screen.contains("STEMMEN"), "the session itself, read-only: {screen}");
    let (files, _) = knoop::overzicht::session_files(dir.path()).unwrap();
    for f in &files {
        assert!(!knoop::store::lock_path(f).exists(), "no lock is taken: {}", f.display());
    }
    t.keys(&["q"]);
    // Back where the coordinator was: the list of sessions behind the count.
    t.wait_for("Sessies achter", true);
    t.keys(&["Escape"]);
    // Wait for the list to close: Esc and m sent together would read as Alt-m.
    t.wait_for("Sessies achter:", false);
    t.keys(&["m"]);
    t.wait_for("Filters: gemeente", true);
    t.keys(&["q"]);
    t.wait_for("KNOOP-EXIT 0", true);
}
