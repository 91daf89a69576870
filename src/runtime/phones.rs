//! The bridge between the app and the ballot box: opens and closes the box when `update`
//! asks, gives it the round as it stands after every change, and turns what the box sees
//! (ballots, phones, a stop) into messages for `update`.

use std::sync::mpsc::{self, Sender};
use std::time::{Duration, Instant};

use super::Inbox;
use crate::app::{App, Msg, PhonesView};
use crate::ballot::{self, BallotBox, BoxRound};
use crate::model::RoundId;

/// How often the pane's phone counts are refreshed while the box is open.
pub const STATS_EVERY: Duration = Duration::from_secs(1);

/// The open ballot box, if any.
pub struct Phones {
    open: Option<(RoundId, BallotBox)>,
    port: Option<u16>,
    inbox: Sender<Inbox>,
    last_stats: Instant,
}

impl Phones {
    /// No box yet; one opens on `port` (any free one when `None`) when `update` asks.
    pub fn new(port: Option<u16>, inbox: Sender<Inbox>) -> Phones {
        Phones { open: None, port, inbox, last_stats: Instant::now() }
    }

    /// Opens the box for `round` on the local network: what the pane shows, or why not.
    pub fn open(&mut self, app: &App, round: RoundId) -> Msg {
        self.open = None;
        let Some(snapshot) = BoxRound::of(&app.session, round) else {
            return Msg::PhonesOpened(Err(app.lang.texts().phones_need_open_round.to_owned()));
        };
        let (to_app, from_box) = mpsc::channel::<Msg>();
        let inbox = self.inbox.clone();
        // The box speaks in messages; pass them on to the runtime's one inbox.
        std::thread::spawn(move || {
            while let Ok(msg) = from_box.recv() {
                if inbox.send(Inbox::Msg(msg)).is_err() {
                    break;
                }
            }
        });
        let ip = ballot::local_address();
        match BallotBox::open(snapshot, ip, self.port.unwrap_or(0), app.lang, to_app) {
            Ok(b) => {
                let view = PhonesView {
                    round,
                    url: b.url.clone(),
                    code: b.code.clone(),
                    connected: 0,
                    voted: 0,
                };
                self.open = Some((round, b));
                Msg::PhonesOpened(Ok(view))
            }
            Err(e) => Msg::PhonesOpened(Err(e.to_string())),
        }
    }

    /// Gives the box the round as it stands now.
    pub fn sync(&self, app: &App) {
        if let Some((round, b)) = &self.open
            && let Some(snapshot) = BoxRound::of(&app.session, *round)
        {
            b.update_round(snapshot);
        }
    }

    /// Closes the box: its server stops listening.
    pub fn close(&mut self) {
        self.open = None;
    }

    /// When the counts are next looked at, while the box is open.
    pub fn due(&self) -> Option<Instant> {
        self.open.as_ref().map(|_| self.last_stats + STATS_EVERY)
    }

    /// The box's counts as a message, when they are due.
    pub fn poll(&mut self) -> Option<Msg> {
        let (_, b) = self.open.as_ref()?;
        if self.last_stats + STATS_EVERY > Instant::now() {
            return None;
        }
        self.last_stats = Instant::now();
        let (connected, voted) = b.stats();
        Some(Msg::PhonesStats { connected, voted })
    }
}
