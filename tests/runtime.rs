//! The runtime's loop on a test backend, fed keys through its inbox: it draws only after a
//! change, and it never loses an edit when the disk refuses it for a while or for good.

mod common;

use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, Sender};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use knoop::app::App;
use knoop::i18n::Lang;
use knoop::runtime::{Ended, Inbox, Options, event_loop};
use knoop::store::faults::{At, Errno, inject, inject_times};
use knoop::ui::Palette;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};

/// A copy of the example in a folder of its own (faults are injected per folder).
fn copy_of_example() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("knooppunt.json");
    std::fs::copy(common::EXAMPLE, &file).unwrap();
    (dir, file)
}

/// The loop on an app for `file`, running on its own thread with a 120×36 test terminal.
fn start(file: &Path, options: Options) -> (Sender<Inbox>, JoinHandle<(Ended, App)>) {
    let session = knoop::store::load(file).unwrap();
    let mut app = App::new(session, file.to_owned(), Lang::Nl);
    app.today = common::TODAY;
    let (to_inbox, inbox) = mpsc::channel();
    let sender = to_inbox.clone();
    let handle = std::thread::spawn(move || {
        let mut terminal = Terminal::new(TestBackend::new(120, 36)).unwrap();
        let palette = Palette::mono();
        let ended = event_loop(&mut terminal, &mut app, &palette, options, inbox, sender).unwrap();
        (ended, app)
    });
    (to_inbox, handle)
}

fn key(inbox: &Sender<Inbox>, code: KeyCode) {
    let event = Event::Key(KeyEvent::new(code, KeyModifiers::NONE));
    inbox.send(Inbox::Terminal(event)).unwrap();
}

/// Waits until `done` holds, for at most `limit`.
fn wait_until(limit: Duration, done: impl Fn() -> bool) -> bool {
    let deadline = Instant::now() + limit;
    while Instant::now() < deadline {
        if done() {
            return true;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    done()
}

/// The status of the example's first action as the file on disk has it.
fn first_status_on_disk(file: &Path) -> knoop::model::ActionStatus {
    knoop::store::load(file).unwrap().actions[0].status
}

/// Focus the Acties pane and cycle the first action's status: one edit.
fn edit_first_action(inbox: &Sender<Inbox>) {
    key(inbox, KeyCode::Tab);
    key(inbox, KeyCode::Tab);
    key(inbox, KeyCode::Char(' '));
}

#[test]
fn nothing_is_drawn_while_nothing_happens() {
    let (_dir, file) = copy_of_example();
    let (inbox, handle) = start(&file, Options::default());
    // A second and a half without a key, a timer or a save: no frame but the first.
    std::thread::sleep(Duration::from_millis(1500));
    key(&inbox, KeyCode::Down);
    std::thread::sleep(Duration::from_millis(1500));
    key(&inbox, KeyCode::Char('q'));
    let (ended, _) = handle.join().unwrap();
    assert_eq!(ended.frames, 2, "the first frame and the one after the key, nothing idle");
}

#[test]
fn a_running_timebox_redraws_once_a_second() {
    let (_dir, file) = copy_of_example();
    let (inbox, handle) = start(&file, Options::default());
    key(&inbox, KeyCode::Char('t'));
    std::thread::sleep(Duration::from_millis(3300));
    key(&inbox, KeyCode::Char('q'));
    let (ended, _) = handle.join().unwrap();
    // The first frame, the one after `t`, and one per second shown.
    assert!((4..=6).contains(&ended.frames), "{} frames", ended.frames);
}

#[test]
fn an_edit_the_disk_refused_reaches_it_once_the_disk_has_room() {
    let (dir, file) = copy_of_example();
    let before = first_status_on_disk(&file);
    // The next three writes fail as on a full disk, then the disk has room again.
    let _faults = inject_times(dir.path(), At::AnyWrite, Errno::DiskFull, 3);
    let (inbox, handle) = start(&file, Options::default());
    edit_first_action(&inbox);
    let reached = wait_until(Duration::from_secs(15), || first_status_on_disk(&file) != before);
    key(&inbox, KeyCode::Char('q'));
    let (ended, app) = handle.join().unwrap();
    assert!(reached, "the edit was written by a later try");
    assert!(!app.unsaved());
    assert_eq!(ended.farewell, None);
    assert_eq!(knoop::store::load(&file).unwrap(), app.session, "on disk as on screen");
}

#[test]
fn quitting_while_the_disk_refuses_keeps_the_work_where_the_next_open_finds_it() {
    let (dir, file) = copy_of_example();
    let data = tempfile::tempdir().unwrap();
    let on_disk = std::fs::read(&file).unwrap();
    let faults = inject(dir.path(), At::AnyWrite, Errno::ReadOnlyFs);
    let options = Options { recovery_dir: Some(data.path().to_owned()), ..Options::default() };
    let (inbox, handle) = start(&file, options);
    edit_first_action(&inbox);
    key(&inbox, KeyCode::Char('q'));
    // The save fails: knoop asks; keep the work in knoop's own folder.
    std::thread::sleep(Duration::from_millis(1500));
    key(&inbox, KeyCode::Char('h'));
    let (ended, app) = handle.join().unwrap();
    drop(faults);
    let farewell = ended.farewell.expect("says where the work went");
    assert!(farewell.contains(&data.path().display().to_string()), "{farewell}");
    assert_eq!(std::fs::read(&file).unwrap(), on_disk, "the session file is untouched");
    // The next open offers exactly that state.
    let disk = knoop::store::load(&file).unwrap();
    let offered = knoop::store::pending_recovery(&file, Some(data.path()), &disk)
        .expect("the recovery is offered");
    assert_eq!(
        knoop::store::format::to_bytes(&offered.session),
        knoop::store::format::to_bytes(&app.session),
        "byte for byte what was on screen"
    );
}
