//! Real-terminal tests: the built binary in tmux, driven with send-keys and read with
//! capture-pane. They skip, saying so, only where tmux is missing; CI installs it.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

mod common;
use common::EXAMPLE;

struct Tmux {
    socket: String,
}

impl Tmux {
    /// Starts knoop in a detached 160×48 tmux session, or `None` when tmux is missing.
    fn start(name: &str, dir: &Path, file: &Path, extra_env: &str) -> Option<Tmux> {
        if Command::new("tmux").arg("-V").output().is_err() {
            eprintln!("SKIPPED: tmux is not installed, so the real-terminal test cannot run");
            return None;
        }
        let socket = format!("knoop-test-{name}-{}", std::process::id());
        let command = format!(
            "env LANG=C.UTF-8 KNOOP_DIR={} {extra_env} {} open {}; echo KNOOP-EXIT $?; sleep 60",
            dir.display(),
            env!("CARGO_BIN_EXE_knoop"),
            file.display()
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
                "160",
                "-y",
                "48",
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

    fn screen(&self) -> String {
        self.tmux(&["capture-pane", "-p"])
    }

    fn keys(&self, keys: &[&str]) {
        let mut args = vec!["send-keys"];
        args.extend_from_slice(keys);
        self.tmux(&args);
    }

    fn text(&self, text: &str) {
        self.tmux(&["send-keys", "-l", text]);
    }

    /// Waits until the screen shows `what` (or, with `present` false, no longer shows it).
    fn wait_for(&self, what: &str, present: bool) -> String {
        let deadline = Instant::now() + Duration::from_secs(15);
        loop {
            let screen = self.screen();
            if screen.contains(what) == present {
                return screen;
            }
            assert!(
                Instant::now() < deadline,
                "waited for {what:?} (present: {present}); screen:\n{screen}"
            );
            std::thread::sleep(Duration::from_millis(100));
        }
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = Command::new("tmux").args(["-L", &self.socket, "kill-server"]).output();
    }
}

fn copy_of_example() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("knooppunt.json");
    std::fs::copy(EXAMPLE, &file).unwrap();
    (dir, file)
}

#[test]
fn open_help_add_a_participant_quit_and_find_it_saved() {
    let (dir, file) = copy_of_example();
    let Some(t) = Tmux::start("participant", dir.path(), &file, "") else {
        return;
    };
    // The status line is drawn last: once it shows, the whole first frame is there.
    let screen = t.wait_for("? hulp", true);
    assert!(screen.contains("STEMMEN") && screen.contains("Matrix") && screen.contains("Acties"), "{screen}");
    t.keys(&["?"]);
    t.wait_for("Toetsen", true);
    t.keys(&["Escape"]);
    t.wait_for("Toetsen", false);
    t.keys(&["p"]);
    t.wait_for("Deelnemers ═", true);
    t.keys(&["a"]);
    t.wait_for("Deelnemer toevoegen", true);
    t.text("Tess de Wit");
    t.keys(&["Tab"]);
    t.text("Bibliotheek");
    t.keys(&["Enter"]);
    t.wait_for("Tess de Wit", true);
    t.keys(&["Escape"]);
    t.wait_for("9/9 aanwezig", true);
    t.keys(&["q"]);
    t.wait_for("KNOOP-EXIT 0", true);
    assert_eq!(
        t.tmux(&["display-message", "-p", "#{alternate_on} #{cursor_flag}"]).trim(),
        "0 1",
        "terminal given back"
    );

    let session = knoop::store::load(&file).unwrap();
    let tess = session.participants.iter().find(|p| p.name == "Tess de Wit").expect("saved");
    assert_eq!(tess.organisation, "Bibliotheek");
    assert!(!knoop::store::lock_path(&file).exists(), "the lock is released");
}

#[test]
fn a_crash_leaves_a_recovery_file_that_the_next_open_offers() {
    let (dir, file) = copy_of_example();
    {
        let Some(t) = Tmux::start("panic", dir.path(), &file, "KNOOP_TEST_PANIC=1") else {
            return;
        };
        t.wait_for("? hulp", true);
        t.keys(&["p"]);
        t.wait_for("Deelnemers ═", true);
        // Two edits and the crash at once: the second edit is not on disk yet.
        t.keys(&["Space", "Down", "Space", "F12"]);
        let screen = t.wait_for("KNOOP-EXIT", true);
        assert!(screen.contains("KNOOP-EXIT 101"), "{screen}");
        assert_eq!(t.tmux(&["display-message", "-p", "#{alternate_on}"]).trim(), "0");
    }
    assert!(knoop::store::recovery_path(&file).exists(), "the crash left a recovery file");
    let on_disk = knoop::store::load(&file).unwrap();
    assert!(on_disk.participants[1].present, "the second edit was not saved before the crash");

    let Some(t) = Tmux::start("recover", dir.path(), &file, "") else {
        return;
    };
    t.wait_for("Herstellen na een storing", true);
    t.keys(&["j"]);
    t.wait_for("Herstellen na een storing", false);
    t.keys(&["q"]);
    t.wait_for("KNOOP-EXIT 0", true);
    let restored = knoop::store::load(&file).unwrap();
    assert!(!restored.participants[0].present && !restored.participants[1].present);
    assert!(
        !knoop::store::recovery_path(&file).exists(),
        "the recovery file is gone once answered"
    );
}
