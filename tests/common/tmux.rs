//! The built binary in a detached tmux session, driven with send-keys and read with
//! capture-pane: the real-terminal tests. A test skips, saying so, where tmux is missing;
//! `.ci/run` installs it.

use std::process::Command;
use std::time::{Duration, Instant};

/// A tmux server of its own (a socket per test), killed when dropped.
pub struct Tmux {
    socket: String,
}

impl Tmux {
    /// Runs `command` (a shell line) in a detached `width` × `height` tmux session, or `None`
    /// when tmux is missing. `name` keeps parallel tests apart.
    pub fn start(name: &str, command: &str, (width, height): (u16, u16)) -> Option<Tmux> {
        if Command::new("tmux").arg("-V").output().is_err() {
            eprintln!("SKIPPED: tmux is not installed, so the real-terminal test cannot run");
            return None;
        }
        let socket = format!("knoop-test-{name}-{}", std::process::id());
        let (width, height) = (width.to_string(), height.to_string());
        let status = Command::new("tmux")
            .args(["-L", &socket, "-f", "/dev/null", "new-session", "-d"])
            .args(["-x", &width, "-y", &height, command])
            .status()
            .expect("tmux runs");
        assert!(status.success());
        Some(Tmux { socket })
    }

    /// A tmux command on this server; what it printed.
    pub fn tmux(&self, args: &[&str]) -> String {
        let out = Command::new("tmux")
            .arg("-L")
            .arg(&self.socket)
            .args(args)
            .output()
            .expect("tmux runs");
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    /// The screen now, as text.
    pub fn screen(&self) -> String {
        self.tmux(&["capture-pane", "-p"])
    }

    /// Keys by tmux's names ("Enter", "Escape", "Down", "q").
    pub fn keys(&self, keys: &[&str]) {
        let mut args = vec!["send-keys"];
        args.extend_from_slice(keys);
        self.tmux(&args);
    }

    /// Text typed as it is.
    pub fn text(&self, text: &str) {
        self.tmux(&["send-keys", "-l", text]);
    }

    /// Waits until the screen shows `what` (or, with `present` false, no longer shows it).
    pub fn wait_for(&self, what: &str, present: bool) -> String {
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
