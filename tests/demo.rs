//! `knoop demo`: practice on a copy in knoop's data folder (here a temporary one), so the
//! repository's `sessions/` never changes by trying knoop out; `--reset` puts a fresh copy
//! back; `--tijdelijk` leaves nothing behind. One test drives the real program in tmux
//! (skipped, saying so, where tmux is missing).

mod common;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::time::{Duration, Instant};

use knoop::app::{App, Effect, Msg, Pane, update};
use knoop::i18n::Lang;

/// Every file of the repository's `sessions/` with its bytes.
fn repository_sessions() -> BTreeMap<PathBuf, Vec<u8>> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("sessions");
    std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .map(|p| {
            let bytes = std::fs::read(&p).unwrap();
            (p, bytes)
        })
        .collect()
}

/// `knoop ARGS` with `data` as the data folder (XDG_DATA_HOME), not on a terminal.
fn knoop(data: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_knoop"))
        .args(args)
        .env("XDG_DATA_HOME", data)
        .env("HOME", data)
        .env("KNOOP_RECOVERY_DIR", data.join("recovery"))
        .env_remove("KNOOP_LANG")
        .env("LANG", "C.UTF-8")
        .env_remove("LC_ALL")
        .output()
        .expect("knoop runs")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

#[test]
fn edits_change_the_copy_never_the_repository_and_reset_restores_the_copy() {
    let before = repository_sessions();
    let data = tempfile::tempdir().unwrap();
    let out = knoop(data.path(), &["demo"]);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let copy = data.path().join("knoop/demo/voorbeeld-basisschool.json");
    assert!(stdout(&out).contains("Demo-kopie klaar in"), "{}", stdout(&out));
    assert!(stdout(&out).contains(&copy.display().to_string()), "{}", stdout(&out));
    assert_eq!(std::fs::read(&copy).unwrap(), std::fs::read(common::EXAMPLE).unwrap());

    // Practice: edits saved the way the runtime saves them.
    let opened = knoop::store::open(&copy, jiff::Timestamp::now()).unwrap();
    let mut app = App::new(opened.session.clone(), opened.path.clone(), Lang::Nl);
    let mut effects = Vec::new();
    for msg in [Msg::Focus(Pane::Acties), Msg::CycleStatus, Msg::ToggleGuide, Msg::Down] {
        effects.extend(update(&mut app, msg));
    }
    for effect in effects {
        if let Effect::Save { session, .. } = effect {
            knoop::store::save(&copy, &session).unwrap();
        }
    }
    drop(opened);
    let practised = std::fs::read(&copy).unwrap();
    assert_ne!(practised, std::fs::read(common::EXAMPLE).unwrap(), "the copy changed");
    assert_eq!(repository_sessions(), before, "the repository's sessions/ never changes");

    // A second run goes on with the practice.
    let out = knoop(data.path(), &["demo"]);
    assert!(stdout(&out).contains("gaat verder"), "{}", stdout(&out));
    assert_eq!(std::fs::read(&copy).unwrap(), practised);

    // --reset: the copy as it came, byte for byte, without the old backup.
    let out = knoop(data.path(), &["demo", "--reset"]);
    assert_eq!(out.status.code(), Some(0));
    assert!(stdout(&out).contains("begint opnieuw"), "{}", stdout(&out));
    assert_eq!(std::fs::read(&copy).unwrap(), std::fs::read(common::EXAMPLE).unwrap());
    assert!(!knoop::store::backup_path(&copy).exists());
    assert_eq!(repository_sessions(), before);
}

#[test]
fn tijdelijk_leaves_nothing_behind_and_english_says_so_in_english() {
    let data = tempfile::tempdir().unwrap();
    let out = knoop(data.path(), &["demo", "--tijdelijk", "--lang", "en"]);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let text = stdout(&out);
    assert!(text.starts_with("Demo copy ready in"), "{text}");
    let folder = text.lines().next().unwrap().trim_start_matches("Demo copy ready in ").trim();
    assert!(!Path::new(folder).exists(), "{folder} was removed when knoop ended");
    assert!(!data.path().join("knoop/demo").exists(), "the data folder's demo is untouched");
}

#[test]
fn the_status_line_says_it_is_a_copy_in_both_languages() {
    let mut app = common::example_app();
    app.demo = Some(PathBuf::from("/tmp/demo"));
    assert!(common::screen(&app, 80, 24).contains("DEMO-KOPIE"));
    app.lang = Lang::En;
    assert!(common::screen(&app, 80, 24).contains("DEMO COPY"));
    // A long step name at 80 columns: still a whole word that says it is a copy.
    for _ in 0..2 {
        update(&mut app, Msg::NextStep);
    }
    let status = common::screen(&app, 80, 24).lines().nth(22).unwrap_or_default().to_owned();
    assert!(status.contains(" COPY "), "{status}");
    assert!(!status.contains("CO…"), "{status}");
    app.demo = None;
    assert!(!common::screen(&app, 80, 24).contains("DEMO"));
}

#[test]
fn in_a_real_terminal_the_demo_opens_the_copy_and_the_repository_stays_as_it_was() {
    if Command::new("tmux").arg("-V").output().is_err() {
        eprintln!("SKIPPED: tmux is not installed, so the real-terminal test cannot run");
        return;
    }
    let before = repository_sessions();
    let data = tempfile::tempdir().unwrap();
    let socket = format!("knoop-test-demo-{}", std::process::id());
    let command = format!(
        "env LANG=C.UTF-8 XDG_DATA_HOME={0} HOME={0} KNOOP_RECOVERY_DIR={0}/recovery {1} demo; echo KNOOP-EXIT $?; sleep 60",
        data.path().display(),
        env!("CARGO_BIN_EXE_knoop"),
    );
    let tmux = |args: &[&str]| {
        let out = Command::new("tmux").args(["-L", &socket]).args(args).output().unwrap();
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    struct Kill<'a>(&'a str);
    impl Drop for Kill<'_> {
        fn drop(&mut self) {
            let _ = Command::new("tmux").args(["-L", self.0, "kill-server"]).output();
        }
    }
    let _kill = Kill(&socket);
    tmux(&["-f", "/dev/null", "new-session", "-d", "-x", "80", "-y", "24", &command]);
    let wait = |what: &str, present: bool| {
        let deadline = Instant::now() + Duration::from_secs(15);
        loop {
            let screen = tmux(&["capture-pane", "-p"]);
            if screen.contains(what) == present {
                return screen;
            }
            assert!(Instant::now() < deadline, "waited for {what:?}; screen:\n{screen}");
            std::thread::sleep(Duration::from_millis(100));
        }
    };
    let wait_for = |what: &str| wait(what, true);
    let screen = wait_for("DEMO-KOPIE");
    assert!(screen.contains("Dit is een kopie"), "the notice:\n{screen}");
    assert!(screen.contains("Stap 1 · Prioriteren"), "the guide:\n{screen}");
    // An edit: a new participant.
    tmux(&["send-keys", "p"]);
    wait_for("Deelnemers ═");
    tmux(&["send-keys", "a"]);
    wait_for("Deelnemer toevoegen");
    tmux(&["send-keys", "-l", "Oefen Persoon"]);
    // Enter adds and offers the form for the next one; Enter on it empty goes to the list.
    tmux(&["send-keys", "Enter"]);
    tmux(&["send-keys", "Enter"]);
    wait_for("Oefen Persoon");
    tmux(&["send-keys", "Escape"]);
    wait("Deelnemers ═", false);
    tmux(&["send-keys", "q"]);
    wait_for("KNOOP-EXIT 0");
    let copy = data.path().join("knoop/demo/voorbeeld-basisschool.json");
    let session = knoop::store::load(&copy).unwrap();
    assert!(session.participants.iter().any(|p| p.name == "Oefen Persoon"), "saved in the copy");
    assert_eq!(repository_sessions(), before, "the repository's sessions/ never changes");
    let out = knoop(data.path(), &["demo", "--reset"]);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(std::fs::read(&copy).unwrap(), std::fs::read(common::EXAMPLE).unwrap());
}
