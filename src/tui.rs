//! The terminal runtime: reads keys, runs `update`, draws, and saves in the background.
//!
//! Saving happens on a thread of its own, so a slow disk never holds up a key press: the loop
//! sends a copy of the session whenever the app's revision is ahead of what was sent, at most
//! twice a second (at once on Ctrl-S), and the saver's answers come back as actions.

use std::io;
use std::path::PathBuf;
use std::sync::Mutex;
use std::sync::mpsc::{self, Receiver, Sender};
use std::thread;
use std::time::{Duration, Instant};

use jiff::Timestamp;
use ratatui::DefaultTerminal;
use ratatui::crossterm::event::{
    self, DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
    Event, KeyCode, KeyEventKind, MouseButton, MouseEventKind,
};
use ratatui::crossterm::execute;
use ratatui::layout::{Position, Rect};

use crate::app::{App, Msg, Pane, Picker, PickerOutcome, keymap, update};
use crate::ballot::{self, BallotBox, BallotEvent, BoxConfig, BoxRound, BoxState};
use crate::i18n::Lang;
use crate::model::RoundId;
use crate::model::Session;
use crate::store;
use crate::ui::{self, Palette};

/// How long edits gather before they are written.
const SAVE_EVERY: Duration = Duration::from_millis(500);
/// How long quitting waits for the last save.
const QUIT_WAIT: Duration = Duration::from_secs(10);

/// The last session state, for the panic hook to write as a recovery file.
static RECOVERY: Mutex<Option<(PathBuf, Session)>> = Mutex::new(None);

type SaveResult = (u64, Result<Timestamp, String>);

/// Runs the full-screen program on `app` until the facilitator quits.
pub fn run(mut app: App, palette: Palette) -> io::Result<()> {
    let (to_saver, results) = spawn_saver(app.path.clone(), app.lang);
    let mut terminal = ratatui::init();
    install_recovery_hook();
    execute!(io::stdout(), EnableMouseCapture, EnableBracketedPaste)?;
    let outcome = event_loop(&mut terminal, &mut app, &palette, &to_saver, &results);
    let _ = execute!(io::stdout(), DisableMouseCapture, DisableBracketedPaste);
    ratatui::restore();
    if let Ok(mut recovery) = RECOVERY.lock() {
        *recovery = None;
    }
    outcome
}

fn spawn_saver(path: PathBuf, lang: Lang) -> (Sender<(u64, Session)>, Receiver<SaveResult>) {
    let (to_saver, jobs) = mpsc::channel::<(u64, Session)>();
    let (done, results) = mpsc::channel();
    thread::spawn(move || {
        while let Ok((mut revision, mut session)) = jobs.recv() {
            // Only the newest state matters: skip any that queued up meanwhile.
            while let Ok((r, s)) = jobs.try_recv() {
                (revision, session) = (r, s);
            }
            let result = store::save(&path, &session)
                .map(|()| Timestamp::now())
                .map_err(|e| e.message(lang));
            if done.send((revision, result)).is_err() {
                break;
            }
        }
    });
    (to_saver, results)
}

fn event_loop(
    terminal: &mut DefaultTerminal,
    app: &mut App,
    palette: &Palette,
    to_saver: &Sender<(u64, Session)>,
    results: &Receiver<SaveResult>,
) -> io::Result<()> {
    let mut last_tick = Instant::now();
    let mut sent = app.saved_revision;
    let (phone_events, phone_inbox) = mpsc::channel::<Msg>();
    let mut phones: Option<(RoundId, BallotBox)> = None;
    let mut last_sent = Instant::now() - SAVE_EVERY;
    loop {
        terminal.draw(|frame| ui::draw(frame, app, palette))?;
        let mut save_now = false;
        if event::poll(Duration::from_millis(200))? {
            // Handle everything that is waiting before the next frame.
            loop {
                let size = terminal.size()?;
                if let Some(msg) =
                    action_for(app, event::read()?, Rect::new(0, 0, size.width, size.height))
                {
                    save_now |= msg == Msg::Save;
                    let before = app.revision;
                    update(app, msg);
                    if app.revision != before {
                        remember_for_recovery(app);
                    }
                }
                if !event::poll(Duration::ZERO)? {
                    break;
                }
            }
        }
        if std::mem::take(&mut app.export_requested) {
            app.message = Some(export(app));
        }
        if std::mem::take(&mut app.phones_requested) {
            phones = match phones.take() {
                Some(_open) => None,
                None => open_phones(app, &phone_events),
            };
        }
        while let Ok(msg) = phone_inbox.try_recv() {
            let before = app.revision;
            update(app, msg);
            if app.revision != before {
                remember_for_recovery(app);
            }
        }
        sync_phones(app, &mut phones);
        let now = Instant::now();
        update(app, Msg::Tick(now - last_tick));
        last_tick = now;
        while let Ok((revision, result)) = results.try_recv() {
            update(app, Msg::Saved { revision, result });
        }
        let due = save_now || app.quit || now - last_sent >= SAVE_EVERY;
        if app.read_only.is_none() && app.revision != sent && due {
            sent = app.revision;
            last_sent = now;
            let _ = to_saver.send((sent, app.session.clone()));
        }
        if app.quit {
            return wait_for_last_save(app, results);
        }
    }
}

/// Opens the ballot box for the open round on the local network, or says why not.
fn open_phones(app: &mut App, events: &Sender<Msg>) -> Option<(RoundId, BallotBox)> {
    let t = app.lang.texts();
    let Some(round) = app.shown_round().filter(|r| r.is_open()).map(|r| r.id) else {
        app.message = Some(t.phones_need_open_round.to_owned());
        return None;
    };
    let snapshot = BoxRound::of(&app.session, round)?;
    let Some(ip) = ballot::address_candidates().first().map(|c| c.ip) else {
        app.message = Some(t.box_no_network.to_owned());
        return None;
    };
    let config = BoxConfig::new(snapshot, ip, app.phone_port.unwrap_or(0), app.lang);
    let events = events.clone();
    // A stopped box shows in its stats, which `sync_phones` reads every frame.
    let report = move |event| {
        if let BallotEvent::Ballot { round, ballot, .. } = event {
            let _ = events.send(Msg::PhoneBallot(round, ballot));
        }
    };
    match BallotBox::open(config, report) {
        Ok(b) => Some((round, b)),
        Err(e) => {
            app.message = Some(crate::i18n::fill(t.phones_open_failed, &[&e]));
            None
        }
    }
}

/// Keeps the box and the screen in step: the round as it stands now, the counts of phones;
/// closes the box when its round is no longer open.
fn sync_phones(app: &mut App, phones: &mut Option<(RoundId, BallotBox)>) {
    let open = phones
        .as_ref()
        .is_some_and(|(round, _)| app.session.round(*round).is_some_and(|r| r.is_open()));
    if !open {
        *phones = None;
        app.phones = None;
        return;
    }
    if let Some((round, b)) = phones.as_ref() {
        if let Some(snapshot) = BoxRound::of(&app.session, *round) {
            b.update_round(snapshot);
        }
        let stats = b.stats();
        if let BoxState::Stopped(reason) = stats.state {
            app.message = Some(reason);
            *phones = None;
            app.phones = None;
            return;
        }
        app.phones = Some(crate::app::PhonesView {
            url: b.url.clone(),
            code: b.code.clone(),
            connected: stats.opened,
            voted: stats.voted,
        });
    }
}

/// Writes the Markdown report beside the session and says where, or why not.
fn export(app: &App) -> String {
    let t = app.lang.texts();
    let format = crate::report::Format::Md;
    let path = app.path.with_extension(format.extension());
    let bytes =
        crate::report::render(&app.session, format, app.lang, crate::report::Options::default());
    match store::write_replace(&path, &bytes) {
        Ok(()) => crate::i18n::fill(t.rep_written, &[&path.display()]),
        Err(e) => crate::i18n::fill(t.rep_write_failed, &[&e.message(app.lang)]),
    }
}

/// Keeps the newest state where the panic hook finds it.
fn remember_for_recovery(app: &App) {
    if app.read_only.is_none()
        && let Ok(mut recovery) = RECOVERY.lock()
    {
        *recovery = Some((app.path.clone(), app.session.clone()));
    }
}

fn wait_for_last_save(app: &mut App, results: &Receiver<SaveResult>) -> io::Result<()> {
    let deadline = Instant::now() + QUIT_WAIT;
    while app.read_only.is_none() && app.unsaved() {
        let left = deadline.saturating_duration_since(Instant::now());
        match results.recv_timeout(left) {
            Ok((revision, Err(message))) if revision == app.revision => {
                return Err(io::Error::other(message));
            }
            Ok((revision, result)) => update(app, Msg::Saved { revision, result }),
            Err(_) => return Err(io::Error::other("saving took too long")),
        }
    }
    Ok(())
}

/// The action a terminal event asks for.
fn action_for(app: &App, event: Event, screen: Rect) -> Option<Msg> {
    match event {
        Event::Key(key)
            if key.code == KeyCode::F(12) && std::env::var_os("KNOOP_TEST_PANIC").is_some() =>
        {
            // Test-only: lets the real-terminal test prove a crash leaves a recovery file.
            panic!("KNOOP_TEST_PANIC: forced panic");
        }
        Event::Key(key) if key.kind != KeyEventKind::Release => keymap::action_for(app, key),
        Event::Paste(text) => Some(Msg::Paste(text)),
        Event::Mouse(mouse) if mouse.kind == MouseEventKind::Down(MouseButton::Left) => {
            let at = Position::new(mouse.column, mouse.row);
            let areas = ui::areas(screen, app.zoomed, app.focus)?;
            let (pane, rect) = areas.panes.iter().find(|(_, rect)| rect.contains(at))?;
            let inner = rect.inner(ratatui::layout::Margin::new(1, 1));
            match pane {
                Pane::Matrix => match ui::matrix_cell_at(app, inner, at) {
                    Some((row, col)) => Some(Msg::SelectCell(row, col)),
                    None => Some(Msg::Focus(Pane::Matrix)),
                },
                _ => Some(Msg::Focus(*pane)),
            }
        }
        _ => None,
    }
}

/// On a panic, writes the last session state beside the session as `NAME.json.recover`, then
/// lets ratatui's hook give the terminal back.
fn install_recovery_hook() {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        if let Ok(recovery) = RECOVERY.try_lock()
            && let Some((path, session)) = recovery.as_ref()
        {
            let _ = store::write_recovery(path, session);
        }
        previous(info);
    }));
}

/// Runs the session picker until it has an outcome.
pub fn pick(picker: &mut Picker, palette: Palette) -> io::Result<PickerOutcome> {
    let mut terminal = ratatui::init();
    let _ = execute!(io::stdout(), EnableBracketedPaste);
    let outcome = pick_loop(&mut terminal, picker, &palette);
    let _ = execute!(io::stdout(), DisableBracketedPaste);
    ratatui::restore();
    outcome
}

fn pick_loop(
    terminal: &mut DefaultTerminal,
    picker: &mut Picker,
    palette: &Palette,
) -> io::Result<PickerOutcome> {
    loop {
        terminal.draw(|frame| ui::draw_picker(frame, picker, palette))?;
        let msg = match event::read()? {
            Event::Key(key) => keymap::action_in(&picker.contexts(), key),
            Event::Paste(text) => Some(Msg::Paste(text)),
            _ => None,
        };
        if let Some(msg) = msg {
            picker.update(msg);
        }
        if let Some(outcome) = picker.outcome.take() {
            return Ok(outcome);
        }
    }
}

#[cfg(test)]
mod tests {
    use ratatui::crossterm::event::{KeyModifiers, MouseEvent};

    use super::*;

    /// A left click at a screen position.
    fn click(column: u16, row: u16) -> Event {
        Event::Mouse(MouseEvent {
            kind: MouseEventKind::Down(MouseButton::Left),
            column,
            row,
            modifiers: KeyModifiers::NONE,
        })
    }

    #[test]
    fn a_click_focuses_the_pane_under_it() {
        let session =
            Session::new("T", &crate::model::template::PREVENTIEMATRIX, Timestamp::UNIX_EPOCH);
        let app = App::new(session, PathBuf::from("t.json"), Lang::Nl);
        let screen = Rect::new(0, 0, 160, 48);
        assert_eq!(
            action_for(&app, click(100, 0), screen),
            Some(Msg::Focus(Pane::Matrix)),
            "the border"
        );
        assert_eq!(action_for(&app, click(100, 40), screen), Some(Msg::Focus(Pane::Acties)));
        assert_eq!(action_for(&app, click(5, 40), screen), Some(Msg::Focus(Pane::Stemmen)));
        assert_eq!(action_for(&app, click(5, 47), screen), None, "the status line is no pane");
    }

    #[test]
    fn a_click_in_the_matrix_selects_that_cell() {
        let session = crate::store::load(std::path::Path::new(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/sessions/voorbeeld-basisschool.json"
        )))
        .unwrap();
        let app = App::new(session, PathBuf::from("t.json"), Lang::Nl);
        let screen = Rect::new(0, 0, 160, 48);
        // Stemmen has the focus (half the width): the matrix starts at column 80. Its first
        // row of cells starts below the border and the header; the theme column is 22% wide.
        let Some(Msg::SelectCell(row, col)) = action_for(&app, click(150, 3), screen) else {
            panic!("a cell");
        };
        assert_eq!((row, col), (0, 2), "first focus theme, last level");
        assert_eq!(
            action_for(&app, click(85, 3), screen),
            Some(Msg::Focus(Pane::Matrix)),
            "the theme column"
        );
        let Some(Msg::SelectCell(row, _)) = action_for(&app, click(120, 20), screen) else {
            panic!("a cell further down");
        };
        assert!(row >= 1);
    }
}
