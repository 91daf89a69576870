//! The runtime: the terminal loop, and the only place that performs what `update` asks.
//!
//! One inbox gathers everything that happens: terminal events (from a reader thread),
//! save results (from the saver thread) and the ballot box's messages. The loop waits on it,
//! turns each item into a [`Msg`], lets [`update`] change the app, performs the returned
//! [`Effect`]s (whose answers are messages again) and draws, but only when the app says the
//! screen changed. With nothing happening it sleeps: no timer running, no save waiting and
//! no ballot box open means no wake-ups and no frames.

mod input;
mod overzicht;
mod phones;
mod picker;
pub use overzicht::overzicht;
mod recovery;
mod saver;

use std::collections::VecDeque;
use std::io;
use std::path::PathBuf;
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::time::{Duration, Instant};

use ratatui::Terminal;
use ratatui::backend::Backend;
use ratatui::crossterm::event::{
    DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture, Event,
};
use ratatui::crossterm::execute;
use ratatui::layout::Rect;

pub use input::msg_for;
pub use picker::pick;

use crate::app::{App, Effect, Msg, SaveState, update};
use crate::report;
use crate::store::{self, LockInfo, SessionLock};
use crate::ui::{self, Palette};
use phones::Phones;
use saver::Saver;

/// How often the timebox (and a failed save's countdown) is advanced while on screen: the
/// display counts seconds.
const TICK: Duration = Duration::from_secs(1);

/// One item of the runtime's inbox.
#[derive(Debug)]
pub enum Inbox {
    /// Something the terminal sent: a key, a paste, a click, a resize.
    Terminal(Event),
    /// A message from the saver or the ballot box, for `update` as it is.
    Msg(Msg),
}

/// What the command line sets for the full-screen program.
#[derive(Clone, Debug, Default)]
pub struct Options {
    /// The port for the ballot box (`--port`); any free one when `None`.
    pub port: Option<u16>,
    /// The address for the ballot box (`--bind`); the best local network address when `None`.
    pub bind: Option<std::net::IpAddr>,
    /// knoop's own folder for work that could not be written beside the session.
    pub recovery_dir: Option<PathBuf>,
}

/// How a run ended.
#[derive(Debug, Default)]
pub struct Ended {
    /// What to tell the facilitator once the screen is closed (where unsaved work went).
    pub farewell: Option<String>,
    /// How many frames were drawn: only after changes, never while idle.
    pub frames: u64,
}

/// Runs the full-screen program on `app` until the facilitator quits and everything is
/// written (or kept elsewhere, as `Ended::farewell` says).
pub fn run(mut app: App, palette: Palette, options: Options) -> io::Result<Ended> {
    let mut terminal = ratatui::init();
    recovery::install_hook();
    execute!(io::stdout(), EnableMouseCapture, EnableBracketedPaste)?;
    let (to_inbox, inbox) = mpsc::channel::<Inbox>();
    // Dropped when the program ends: the reader stops before the next program reads keys.
    let _reader = input::spawn_reader(to_inbox.clone());
    let outcome = event_loop(&mut terminal, &mut app, &palette, options, inbox, to_inbox);
    let _ = execute!(io::stdout(), DisableMouseCapture, DisableBracketedPaste);
    ratatui::restore();
    recovery::forget();
    outcome
}

/// The loop itself, on any backend and fed from `inbox`: [`run`] gives it the terminal and
/// a reader of its events, a test gives it a `TestBackend` and sends the events itself.
pub fn event_loop<B: Backend>(
    terminal: &mut Terminal<B>,
    app: &mut App,
    palette: &Palette,
    options: Options,
    inbox: Receiver<Inbox>,
    to_inbox: Sender<Inbox>,
) -> io::Result<Ended> {
    let mut world = World {
        saver: Saver::spawn(app.path.clone(), app.lang, to_inbox.clone()),
        phones: Phones::new(options.port, options.bind, to_inbox.clone()),
        recovery_dir: options.recovery_dir,
        lock: None,
        inbox: to_inbox,
    };
    let size = terminal.size().map_err(|e| io::Error::other(e.to_string()))?;
    let mut screen = Rect::new(0, 0, size.width, size.height);
    let mut last_tick = Instant::now();
    let mut drawn = None;
    let mut frames = 0;
    let mut queue = VecDeque::from([Inbox::Msg(Msg::Resize(size.width, size.height))]);
    loop {
        // Everything that waits is handled before the next frame, one after the other: a
        // key is read in the context the keys before it left (typed text after `a` is text).
        while let Some(item) = queue.pop_front() {
            let msg = match item {
                Inbox::Terminal(event) => {
                    if let Event::Resize(width, height) = event {
                        screen = Rect::new(0, 0, width, height);
                    }
                    msg_for(app, event, screen)
                }
                Inbox::Msg(msg) => Some(msg),
            };
            for effect in msg.map(|msg| update(app, msg)).unwrap_or_default() {
                match perform(app, &mut world, effect) {
                    Step::Go(Some(reply)) => queue.push_back(Inbox::Msg(reply)),
                    Step::Go(None) => {}
                    Step::Stop(farewell) => return Ok(Ended { farewell, frames }),
                }
            }
        }
        if drawn != Some(app.view_revision) {
            terminal
                .draw(|frame| ui::draw(frame, app, palette))
                .map_err(|e| io::Error::other(e.to_string()))?;
            drawn = Some(app.view_revision);
            frames += 1;
        }
        let counting = app.timer.running || matches!(app.save_state, SaveState::Failed { .. });
        let tick_due = counting.then(|| last_tick + TICK);
        let deadline =
            [tick_due, world.saver.due(), world.phones.due()].into_iter().flatten().min();
        let item = match deadline {
            Some(at) => match inbox.recv_timeout(at.saturating_duration_since(Instant::now())) {
                Ok(item) => Some(item),
                Err(RecvTimeoutError::Timeout) => None,
                Err(RecvTimeoutError::Disconnected) => return Ok(Ended { farewell: None, frames }),
            },
            None => match inbox.recv() {
                Ok(item) => Some(item),
                Err(_) => return Ok(Ended { farewell: None, frames }),
            },
        };
        queue.extend(item);
        queue.extend(inbox.try_iter());
        let now = Instant::now();
        if !counting {
            last_tick = now;
        } else if now >= last_tick + TICK {
            queue.push_back(Inbox::Msg(Msg::Tick(now - last_tick)));
            last_tick = now;
        }
        world.saver.flush_if_due();
        queue.extend(world.phones.poll().map(Inbox::Msg));
    }
}

/// The parts of the runtime that perform effects.
struct World {
    saver: Saver,
    phones: Phones,
    recovery_dir: Option<PathBuf>,
    /// The lock on a file the session was saved to under a new name, held until the end.
    lock: Option<SessionLock>,
    /// For a new saver after "save as".
    inbox: Sender<Inbox>,
}

/// Whether the loop goes on after an effect, with the answer to it if there is one.
enum Step {
    Go(Option<Msg>),
    Stop(Option<String>),
}

/// Does what `update` asked, and returns the answer as a message.
fn perform(app: &App, world: &mut World, effect: Effect) -> Step {
    let reply = match effect {
        Effect::Save { revision, session, now } => {
            recovery::remember(app.path.clone(), session.clone());
            world.saver.want(revision, session, now);
            None
        }
        Effect::RetrySave { revision, session, after } => {
            world.saver.retry(revision, session, after);
            None
        }
        Effect::SaveAs { path, session, revision } => {
            let me = LockInfo::current(jiff::Timestamp::now());
            Some(Msg::SavedAs(match store::save_as(&path, &session, false, &me) {
                Ok(saved) => {
                    world.saver = Saver::spawn(saved.path.clone(), app.lang, world.inbox.clone());
                    world.lock = Some(saved.lock);
                    recovery::remember(saved.path.clone(), session);
                    Ok((revision, saved.path))
                }
                Err(e) => Err(e.message(app.lang)),
            }))
        }
        Effect::WriteRecovery { session } => {
            let t = app.lang.texts();
            Some(Msg::RecoveryWritten(match &world.recovery_dir {
                Some(dir) => store::write_recovery_to_data(dir, &app.path, &session)
                    .map_err(|e| e.message(app.lang)),
                None => Err(t.unsaved_no_data_folder.to_owned()),
            }))
        }
        Effect::Export { path, format, session } => {
            let bytes = report::render(&session, format, app.lang, report::Options::default());
            let result =
                store::write_replace(&path, &bytes).map(|()| path).map_err(|e| e.message(app.lang));
            Some(Msg::Exported(result))
        }
        Effect::OpenPhones { serving, address } => Some(world.phones.open(app, serving, address)),
        Effect::ServePhones(serving) => {
            world.phones.serve(app, serving);
            None
        }
        Effect::VoidPhone(voter) => {
            world.phones.void(voter);
            None
        }
        Effect::SyncPhones => {
            world.phones.sync(app);
            None
        }
        Effect::ClosePhones => {
            world.phones.close();
            None
        }
        Effect::DiscardRecovery => {
            let _ = store::discard_recovery(&app.path, world.recovery_dir.as_deref());
            None
        }
        Effect::Quit { farewell } => return Step::Stop(farewell),
    };
    Step::Go(reply)
}
