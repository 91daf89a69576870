//! The bridge between the app and the ballot box: opens and closes the box when `update`
//! asks, gives it the round as it stands after every change, and turns what the box sees
//! (ballots, phones, a stop) into messages for `update`.

use std::net::IpAddr;
use std::sync::mpsc::Sender;
use std::time::{Duration, Instant};

use super::Inbox;
use crate::app::{App, Msg, PhonesFor, PhonesView};
use crate::ballot::Serving;
use crate::ballot::{self, BallotBox, BallotEvent, BoxConfig, BoxInbreng, BoxRound, BoxState};
use crate::model::{Inbreng, Voter};

/// How often the pane's phone counts are refreshed while the box is open.
pub const STATS_EVERY: Duration = Duration::from_secs(1);

/// How long the box waits for a first phone before the pane suggests a hotspot.
pub const UNREACHED_AFTER: Duration = Duration::from_secs(60);

/// The open ballot box, if any.
pub struct Phones {
    open: Option<Open>,
    port: Option<u16>,
    bind: Option<IpAddr>,
    inbox: Sender<Inbox>,
}

struct Open {
    serving: PhonesFor,
    ballot_box: BallotBox,
    opened: Instant,
    last_stats: Instant,
}

impl Phones {
    /// No box yet; one opens on `port` (any free one when `None`) and on `bind` (the best
    /// local network address when `None`) when `update` asks.
    pub fn new(port: Option<u16>, bind: Option<IpAddr>, inbox: Sender<Inbox>) -> Phones {
        Phones { open: None, port, bind, inbox }
    }

    /// What the box may know for `serving`, from the session as it is now.
    fn snapshot(app: &App, serving: PhonesFor) -> Option<Serving> {
        match serving {
            PhonesFor::Round(round) => BoxRound::of(&app.session, round).map(Serving::Round),
            PhonesFor::Inbreng => Some(Serving::Inbreng(BoxInbreng::of(&app.session))),
        }
    }

    /// Opens the box for `serving` on the local network, on the `address`-th of the
    /// candidate addresses (wrapping): what the pane shows, or why not.
    pub fn open(&mut self, app: &App, serving: PhonesFor, address: usize) -> Msg {
        self.open = None;
        let t = app.lang.texts();
        let Some(snapshot) = Self::snapshot(app, serving) else {
            return Msg::PhonesOpened(Err(t.phones_need_open_round.to_owned()));
        };
        let candidates = ballot::address_candidates();
        let labels: Vec<String> = candidates
            .iter()
            .map(|c| format!("{} · {} · {}", c.ip, c.interface, c.kind.label(app.lang)))
            .collect();
        let (ip, at) = match self.bind {
            Some(ip) => (ip, 0),
            None if candidates.is_empty() => {
                return Msg::PhonesOpened(Err(t.box_no_network.to_owned()));
            }
            None => {
                let at = address % candidates.len();
                (candidates[at].ip, at)
            }
        };
        let inbox = self.inbox.clone();
        // The box's thread calls this: pass what it saw on to the runtime's one inbox.
        let report = move |event| {
            let msg = match event {
                BallotEvent::Ballot { round, ballot, .. } => Msg::PhoneBallot(round, ballot),
                BallotEvent::Inbreng { theme, level, text, provider, status, device } => {
                    // Numbered and checked again when the app queues it.
                    let (id, set_aside, from) = (0, false, device);
                    let item =
                        Inbreng { id, theme, level, text, provider, status, from, set_aside };
                    Msg::PhoneInbreng(item)
                }
                BallotEvent::Join { name, organisation, .. } => {
                    Msg::PhoneJoin { name, organisation }
                }
                BallotEvent::Stopped(why) => Msg::PhonesStopped(why),
            };
            let _ = inbox.send(Inbox::Msg(msg));
        };
        let config = BoxConfig::new(snapshot, ip, self.port.unwrap_or(0), app.lang);
        match BallotBox::open(config, report) {
            Ok(b) => {
                let view = PhonesView {
                    serving,
                    url: b.url.clone(),
                    address: b.short_url.clone(),
                    code: b.code.clone(),
                    connected: 0,
                    voted: 0,
                    unreached: false,
                    addresses: if self.bind.is_some() { Vec::new() } else { labels },
                    address_at: at,
                };
                let now = Instant::now();
                self.open = Some(Open { serving, ballot_box: b, opened: now, last_stats: now });
                Msg::PhonesOpened(Ok(view))
            }
            Err(e) => Msg::PhonesOpened(Err(e.to_string())),
        }
    }

    /// Gives the box the round (or the inbreng cells) as they stand now.
    pub fn sync(&self, app: &App) {
        if let Some(open) = &self.open
            && let Some(snapshot) = Self::snapshot(app, open.serving)
        {
            open.ballot_box.update(snapshot);
        }
    }

    /// The open box serves `serving` from now on: same address, code and phones.
    pub fn serve(&mut self, app: &App, serving: PhonesFor) {
        if let Some(open) = &mut self.open {
            open.serving = serving;
        }
        self.sync(app);
    }

    /// The facilitator voided `voter`'s ballot: the box frees the name and the phone.
    pub fn void(&self, voter: Voter) {
        if let Some(open) = &self.open {
            open.ballot_box.void(&voter);
        }
    }

    /// Closes the box: its server stops listening.
    pub fn close(&mut self) {
        self.open = None;
    }

    /// When the counts are next looked at, while the box is open.
    pub fn due(&self) -> Option<Instant> {
        self.open.as_ref().map(|open| open.last_stats + STATS_EVERY)
    }

    /// The box's counts as a message when they are due, or the news that it stopped.
    pub fn poll(&mut self) -> Option<Msg> {
        let open = self.open.as_mut()?;
        let now = Instant::now();
        if open.last_stats + STATS_EVERY > now {
            return None;
        }
        open.last_stats = now;
        let stats = open.ballot_box.stats();
        if let BoxState::Stopped(why) = stats.state {
            self.open = None;
            return Some(Msg::PhonesStopped(why));
        }
        let unreached = stats.connections + stats.requests == 0
            && now.duration_since(open.opened) >= UNREACHED_AFTER;
        let voted = match open.serving {
            PhonesFor::Round(_) => stats.voted,
            PhonesFor::Inbreng => stats.contributions,
        };
        Some(Msg::PhonesStats { connected: stats.opened, voted, unreached })
    }
}
