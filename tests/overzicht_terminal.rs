//! The regional overview in a real terminal: the built binary in tmux. It shows the overview,
//! lists the sessions behind a count, opens one read-only without taking its lock, comes back
//! to the overview when that session is closed, and quits. Skips, saying so, where tmux is
//! missing; CI installs it.

use std::process::Command;
use std::time::{Duration, Instant};

struct Tmux {
    socket: String,
}

impl Tmux {
    fn start(name: &str, dir: &std::path::Path) -> Option<Tmux> {
        if Command::new("tmux").arg("-V").output().is_err() {
            eprintln!("SKIPPED: tmux is not installed, so the real-terminal test cannot run");
            return None;
        }
        let socket = format!("knoop-ovz-{name}-{}", std::process::id());
        let command = format!(
            "env LANG=C.UTF-8 KNOOP_LANG=nl {} overzicht {}; echo KNOOP-EXIT $?; sleep 60",
            env!("CARGO_BIN_EXE_knoop"),
            dir.display()
        );
        let status = Command::new("tmux")
            .args([
                "-L",
                &socket,
                "-f",
                "/dev/null",
                "new-session",
                "-d",
                "-x",
                "120",
                "-y",
                "36",
                &command,
            ])
            .status()
            .expect("tmux runs");
        assert!(status.success());
        Some(Tmux { socket })
    }

    fn tmux(&self, args: &[&str]) -> String {
        let out = Command::new("tmux")
            .arg("-L")
            .arg(&self.socket)
            .args(args)
            .output()
            .expect("tmux runs");
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    fn keys(&self, keys: &[&str]) {
        let mut args = vec!["send-keys"];
        args.extend_from_slice(keys);
        self.tmux(&args);
    }

    fn wait_for(&self, what: &str) -> String {
        let deadline = Instant::now() + Duration::from_secs(15);
        loop {
            let screen = self.tmux(&["capture-pane", "-p"]);
            if screen.contains(what) {
                return screen;
            }
            assert!(Instant::now() < deadline, "waited for {what:?}; screen:\n{screen}");
            std::thread::sleep(Duration::from_millis(100));
        }
    }
}

impl Tmux {
    fn wait_for_gone(&self, what: &str) {
        let deadline = Instant::now() + Duration::from_secs(15);
        while self.tmux(&["capture-pane", "-p"]).contains(what) {
            assert!(Instant::now() < deadline, "{what:?} stays on screen");
            std::thread::sleep(Duration::from_millis(100));
        }
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = Command::new("tmux").args(["-L", &self.socket, "kill-server"]).output();
    }
}

#[test]
fn the_overview_opens_a_session_read_only_and_comes_back() {
    let dir = tempfile::tempdir().unwrap();
    knoop::overzicht::generate::write_region(dir.path(), 10).unwrap();
    let Some(t) = Tmux::start("open", dir.path()) else { return };
    let screen = t.wait_for("? hulp");
    assert!(
        screen.contains("Regionaal overzicht") && screen.contains("10 van 10 sessies"),
        "{screen}"
    );
    t.keys(&["Enter"]);
    t.wait_for("Sessies achter");
    t.keys(&["o"]);
    let screen = t.wait_for("ALLEEN-LEZEN");
    assert!(screen.contains("STEMMEN"), "the session itself, read-only: {screen}");
    let (files, _) = knoop::overzicht::session_files(dir.path()).unwrap();
    for f in &files {
        assert!(!knoop::store::lock_path(f).exists(), "no lock is taken: {}", f.display());
    }
    t.keys(&["q"]);
    // Back where the coordinator was: the list of sessions behind the count.
    t.wait_for("Sessies achter");
    t.keys(&["Escape"]);
    // Wait for the list to close: Esc and m sent together would read as Alt-m.
    t.wait_for_gone("Sessies achter:");
    t.keys(&["m"]);
    t.wait_for("Filters: gemeente");
    t.keys(&["q"]);
    t.wait_for("KNOOP-EXIT 0");
}
