//! Saving on a thread of its own, so a slow disk never holds up a key press.
//!
//! `update` asks for a save after every edit ([`crate::app::Effect::Save`]); the [`Saver`]
//! gathers them and hands the newest state to the writer thread at most twice a second (at
//! once when asked). The thread answers each write with [`Msg::Saved`] through the runtime's
//! inbox, like any other message.

use std::path::PathBuf;
use std::sync::mpsc::{self, Sender};
use std::thread;
use std::time::{Duration, Instant};

use jiff::Timestamp;

use super::Inbox;
use crate::app::{Msg, SaveFailure};
use crate::i18n::Lang;
use crate::model::Session;
use crate::store;

/// How long edits gather before they are written.
pub const SAVE_EVERY: Duration = Duration::from_millis(500);

/// Gathers save requests and feeds the writer thread.
pub struct Saver {
    jobs: Sender<(u64, Session)>,
    pending: Option<(u64, Session)>,
    last_sent: Option<Instant>,
    /// A failed save waits until then before it is tried again.
    retry_at: Option<Instant>,
}

impl Saver {
    /// Starts the writer thread for the session file at `path`; its answers go to `inbox`.
    pub fn spawn(path: PathBuf, lang: Lang, inbox: Sender<Inbox>) -> Saver {
        let (jobs, queue) = mpsc::channel::<(u64, Session)>();
        thread::spawn(move || {
            while let Ok((mut revision, mut session)) = queue.recv() {
                // Only the newest state matters: skip any that queued up meanwhile.
                while let Ok((r, s)) = queue.try_recv() {
                    (revision, session) = (r, s);
                }
                let result = store::save(&path, &session).map(|()| Timestamp::now()).map_err(|e| {
                    SaveFailure { reason: e.reason(lang).to_owned(), message: e.message(lang) }
                });
                if inbox.send(Inbox::Msg(Msg::Saved { revision, result })).is_err() {
                    break;
                }
            }
        });
        Saver { jobs, pending: None, last_sent: None, retry_at: None }
    }

    /// Takes the newest state to write: at once when `now` or when the last write is long
    /// enough ago, else at [`Saver::due`]. A new edit does not wait for a failed save's retry.
    pub fn want(&mut self, revision: u64, session: Session, now: bool) {
        self.pending = Some((revision, session));
        self.retry_at = None;
        if now || self.due().is_some_and(|due| due <= Instant::now()) {
            self.send();
        }
    }

    /// Tries a failed save again after `after`, unless a newer state is written first.
    pub fn retry(&mut self, revision: u64, session: Session, after: Duration) {
        if self.pending.as_ref().is_some_and(|(r, _)| *r > revision) {
            return;
        }
        self.pending = Some((revision, session));
        self.retry_at = Some(Instant::now() + after);
    }

    /// When the gathered state must be written, if one waits.
    pub fn due(&self) -> Option<Instant> {
        self.pending.as_ref()?;
        let gathered = self.last_sent.map_or_else(Instant::now, |at| at + SAVE_EVERY);
        Some(self.retry_at.map_or(gathered, |at| at.max(gathered)))
    }

    /// Writes the gathered state if it is due.
    pub fn flush_if_due(&mut self) {
        if self.due().is_some_and(|due| due <= Instant::now()) {
            self.send();
        }
    }

    fn send(&mut self) {
        if let Some(job) = self.pending.take() {
            self.last_sent = Some(Instant::now());
            let _ = self.jobs.send(job);
        }
    }
}
