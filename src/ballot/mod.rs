//! The ballot box (stembus): participants vote from their phones on the local network, without
//! any cloud service. The laptop serves one page for the one open stemronde; each accepted
//! ballot is reported as a [`BallotEvent`], and the app checks it by the same model rules again.
//!
//! The box knows nothing of the app: it reports through the callback given to
//! [`BallotBox::open`] and is told how the round stands through [`BallotBox::update_round`], so
//! the runtime decides what a ballot or a stopped box means on screen.
//!
//! What keeps it standing and honest:
//! - **Bounded server** (`server.rs`): hyper's HTTP/1 server on a current-thread tokio runtime
//!   on the box's own thread. At most [`Limits::max_connections`] connections are open at once
//!   (the box stops accepting at the cap, so the excess waits in the kernel's backlog and the
//!   app keeps its file descriptors for saving), at most [`Limits::connections_per_address`] of
//!   them from one address; headers must arrive within [`Limits::header_timeout`] (shorter when
//!   the box is busy, and then also for connections that came in earlier and have not spoken),
//!   which also ends idle keep-alive connections; a body within
//!   [`Limits::body_timeout`]; no connection lives longer than [`Limits::connection_lifetime`];
//!   headers are at most [`MAX_HEADERS`] and bodies [`MAX_BODY`] bytes.
//! - **One phone, one ballot**: a device is the random token in a cookie that only the box
//!   issues, on a page request; every form carries a page token tied to that device, checked on
//!   sending. One address gets [`Limits::devices_per_address`] devices (one by default): a script
//!   without cookies, or a second browser on the same phone, gets that address's device back,
//!   so it can only change one ballot (an IPv6 address counts by its /64). No more devices vote
//!   than the participants present (or [`Limits::unlisted_room`] when nobody is marked present)
//!   plus [`Limits::spare_voters`], so even many addresses can't outvote the room. One name
//!   per device and each name once; a named ballot cast at the keyboard (a ballot in the round
//!   whose voter no device holds) can't be taken over. Why one device per address: on a school
//!   network every phone has an address of its own, and a phone's second browser should not
//!   be a second voter; where phones share one NAT address, raise the limit.
//! - **Hard to guess**: the QR link carries a 128-bit code; the six-character code to type
//!   stays, but after [`Limits::wrong_codes_per_minute`] wrong codes the typed code is refused
//!   for the rest of that minute. Every answer carries a Content-Security-Policy without any
//!   external source, `X-Frame-Options: DENY`, `nosniff`, `no-referrer` and `no-store`; a
//!   request whose Host (or, when sending, Origin) is not the box's own is refused.
//! - **Nothing grows without bound**: the device table ([`Limits::max_devices`], devices that
//!   never voted forgotten after [`Limits::device_idle`]) and the rate table
//!   ([`Limits::max_rate_entries`], buckets that filled up again dropped) are capped and pruned.
//! - **A stop is reported**: if the server ends for any reason but being closed, the callback
//!   hears [`BallotEvent::Stopped`] and [`BallotBox::stats`] says so.

mod desk;
mod net;
pub mod page;
mod server;

use std::io;
use std::net::IpAddr;
use std::sync::{Arc, MutexGuard};
use std::thread::JoinHandle;
use std::time::Duration;

pub use net::{Candidate, CandidateKind, address_candidates, rank_candidates};

use crate::i18n::Lang;
use crate::model::{
    ActivityStatus, Ballot, LevelId, ParticipantId, Round, RoundId, Session, ThemeId, Voter,
};

/// The largest request body accepted: a ballot of a few hundred themes fits easily.
pub const MAX_BODY: usize = 16 * 1024;
/// The most header bytes accepted (request line and headers together).
pub const MAX_HEADERS: usize = 8 * 1024;

/// What the box knows of the round: its rules and ballots, the present participants' names
/// and the candidates' texts. Nothing else of the session reaches the network.
///
/// Its ballots also tell the box which names the keyboard voted for: a ballot whose voter no
/// phone holds was cast at the keyboard, and no phone may replace it.
#[derive(Clone, Debug)]
pub struct BoxRound {
    /// The round, as the app has it now.
    pub round: Round,
    /// The participants present: who may vote in a named round, and how many phones may vote
    /// at all.
    pub present: Vec<(ParticipantId, String)>,
    /// Each candidate's desired situation and problem.
    pub themes: Vec<(ThemeId, String, String)>,
}

impl BoxRound {
    /// What the box may know of `round` in `session`.
    pub fn of(session: &Session, round: RoundId) -> Option<Self> {
        let round = session.round(round)?.clone();
        let present = session
            .participants
            .iter()
            .filter(|p| p.present)
            .map(|p| (p.id, p.name.clone()))
            .collect();
        let themes = round
            .candidates
            .iter()
            .filter_map(|&id| session.matrix.theme(id))
            .map(|t| (t.id, t.desired.clone(), t.problem.clone()))
            .collect();
        Some(BoxRound { round, present, themes })
    }
}

/// What the box serves phones: the ballot of the open round (step 1), or the inbreng form
/// for the inventory (step 2). The same box, code and rules either way; the facilitator
/// switches it with the step.
#[derive(Clone, Debug)]
pub enum Serving {
    /// Votes for this round.
    Round(BoxRound),
    /// Activities for the matrix.
    Inbreng(BoxInbreng),
}

impl From<BoxRound> for Serving {
    fn from(round: BoxRound) -> Self {
        Serving::Round(round)
    }
}

impl From<BoxInbreng> for Serving {
    fn from(inbreng: BoxInbreng) -> Self {
        Serving::Inbreng(inbreng)
    }
}

/// One cell a phone may send an activity for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct InbrengCell {
    /// Its row.
    pub theme: ThemeId,
    /// Its column.
    pub level: LevelId,
    /// The theme's desired situation: the page groups the cells under it.
    pub theme_name: String,
    /// The level's name, as the page lists it under its theme.
    pub level_name: String,
}

/// What the box may know for the inbreng page: the cells phones may fill (the focus themes
/// and the basis row, at every level) and the providers the session knows, to suggest. Nothing
/// else of the session reaches the network.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BoxInbreng {
    /// The cells, in the matrix's order.
    pub cells: Vec<InbrengCell>,
    /// Providers to suggest on the page.
    pub providers: Vec<String>,
}

impl BoxInbreng {
    /// What the box may know of `session` for the inventory: the rows the Matrix pane shows
    /// (the focus themes, or every theme when none was chosen yet, and the basis row).
    pub fn of(session: &Session) -> Self {
        let focus = session.focus_themes();
        let themes = session
            .matrix
            .themes
            .iter()
            .filter(|t| if focus.is_empty() { true } else { t.basis || focus.contains(&t.id) });
        let mut rows: Vec<_> = themes.collect();
        // The focus themes in their order of the result, the basis row last, as on screen.
        rows.sort_by_key(|t| (t.basis, focus.iter().position(|f| *f == t.id)));
        let cells = rows
            .iter()
            .flat_map(|t| {
                session.matrix.levels.iter().map(move |l| InbrengCell {
                    theme: t.id,
                    level: l.id,
                    theme_name: t.desired.clone(),
                    level_name: l.name.clone(),
                })
            })
            .collect();
        let providers = session.matrix.providers();
        BoxInbreng { cells, providers }
    }
}

/// Every bound the box keeps. The defaults suit a meeting of 5–15 people on a school network
/// and a laptop whose open-files limit may be as low as 1,024; tests shrink them.
#[derive(Clone, Debug)]
pub struct Limits {
    /// Connections open at once. Well below a 1,024 open-files limit, so saving and the
    /// terminal always have file descriptors left; beyond it the box stops accepting and new
    /// connections wait in the kernel's backlog. The box never takes more than a quarter of
    /// the process's open-files limit, whatever this says.
    pub max_connections: usize,
    /// Connections open at once from one address: one flooding machine can't take the box.
    pub connections_per_address: usize,
    /// Time for a request's headers to arrive, counted from when the connection starts waiting
    /// for them: this also ends idle keep-alive connections.
    pub header_timeout: Duration,
    /// The header time when more than half the connections are in use; also how long a
    /// connection may stay without a complete first request once the box is that busy, however
    /// quiet it was when the connection came in. Honest phones send their request at once.
    pub busy_header_timeout: Duration,
    /// Time for a request's body to arrive once its headers have.
    pub body_timeout: Duration,
    /// The longest any connection lives, whatever it does.
    pub connection_lifetime: Duration,
    /// Devices one address may have; a request without a cookie beyond this gets the address's
    /// newest device. Raise it only when phones reach the laptop through one NAT address.
    pub devices_per_address: usize,
    /// Devices the box remembers at once (the device table's cap).
    pub max_devices: usize,
    /// Devices that may vote beyond the participants present (late arrivals, a second phone).
    pub spare_voters: usize,
    /// The room an anonymous round assumes when no participant is marked present (the
    /// facilitator kept no list): that many voters, plus the spare ones.
    pub unlisted_room: usize,
    /// A device that never voted is forgotten after this long without a request.
    pub device_idle: Duration,
    /// Wrong join codes per minute, counted over all addresses, before the typed code is
    /// refused for the rest of the minute.
    pub wrong_codes_per_minute: u32,
    /// Requests one device or address may make in a burst: far more than a person tapping.
    pub rate_burst: f64,
    /// Requests per second one device or address may keep making.
    pub rate_per_second: f64,
    /// Addresses and devices the rate table tracks at once.
    pub max_rate_entries: usize,
    /// Activities one phone may send in while the box is open: a person sends a handful.
    pub contributions_per_device: u32,
    /// Activities all phones together may send in while the box is open.
    pub max_contributions: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_connections: 256,
            connections_per_address: 16,
            header_timeout: Duration::from_secs(10),
            busy_header_timeout: Duration::from_secs(1),
            body_timeout: Duration::from_secs(10),
            connection_lifetime: Duration::from_secs(60),
            devices_per_address: 1,
            max_devices: 512,
            spare_voters: 10,
            unlisted_room: 20,
            device_idle: Duration::from_secs(30 * 60),
            wrong_codes_per_minute: 30,
            rate_burst: 60.0,
            rate_per_second: 10.0,
            max_rate_entries: 4096,
            contributions_per_device: 40,
            max_contributions: crate::model::MAX_WAITING,
        }
    }
}

/// How to open a box.
#[derive(Clone, Debug)]
pub struct BoxConfig {
    /// What it serves: a round's ballot or the inbreng form.
    pub serving: Serving,
    /// The one address it listens on (see [`address_candidates`]); it is also the address in
    /// the QR link and the only Host the box answers to, so it can't be unspecified.
    pub bind: IpAddr,
    /// The port, 0 for any free one.
    pub port: u16,
    /// The language of the page and of the reasons it gives.
    pub lang: Lang,
    /// Its bounds.
    pub limits: Limits,
}

impl BoxConfig {
    /// A box serving `serving` (a [`BoxRound`] or a [`BoxInbreng`]) on `bind`:`port` with
    /// the default [`Limits`].
    pub fn new(serving: impl Into<Serving>, bind: IpAddr, port: u16, lang: Lang) -> Self {
        BoxConfig { serving: serving.into(), bind, port, lang, limits: Limits::default() }
    }
}

/// What the box tells the app.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum BallotEvent {
    /// A phone's ballot, checked by the round's rules as the box knows it; it replaces that
    /// voter's earlier ballot. An empty ballot takes the voter's dots back.
    Ballot {
        /// The round it is for.
        round: RoundId,
        /// The ballot.
        ballot: Ballot,
        /// A short name of the phone ("t3"), the same for all its ballots while the box is
        /// open; never its cookie.
        device: String,
    },
    /// An activity a phone sent in for the inventory, checked for size and cell; the app
    /// queues it for the facilitator.
    Inbreng {
        /// Its row.
        theme: ThemeId,
        /// Its column.
        level: LevelId,
        /// What happens or is needed.
        text: String,
        /// Who provides it, if the phone said.
        provider: String,
        /// Bestaand or nodig.
        status: ActivityStatus,
        /// The phone's short name ("t3").
        device: String,
    },
    /// Someone at the table signed in from their phone in a named round (their name was
    /// not on the list): the app adds them as present, and the phone then votes as them.
    Join {
        /// Their name, as typed on the phone.
        name: String,
        /// Their organisation (or "ouder", "leerling"), if given.
        organisation: String,
        /// The phone's short name ("t3").
        device: String,
    },
    /// The box stopped by itself (not because it was closed): it takes no more ballots. The
    /// reason is in the box's language, ready for the screen.
    Stopped(String),
}

/// Whether the box still takes ballots.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum BoxState {
    /// Listening.
    Running,
    /// Stopped by itself, with the reason in the box's language.
    Stopped(String),
}

/// How the box is doing, for the pane.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BoxStats {
    /// Devices that opened the page (and were not forgotten for idling).
    pub opened: usize,
    /// Devices that voted.
    pub voted: usize,
    /// Activities sent in from phones while the box was open.
    pub contributions: usize,
    /// Connections accepted at all, even those that never sent a request (a browser's
    /// preconnect, a flood): with [`BoxStats::requests`], still 0 after a minute means no phone
    /// reaches the laptop (another network, a firewall, client isolation); the pane can then
    /// say `box_unreached`.
    pub connections: u64,
    /// Requests seen at all, refused ones included.
    pub requests: u64,
    /// Requests with a wrong join code.
    pub wrong_codes: u64,
    /// Requests for a new device that got their address's existing device, or no device (the
    /// table or the voters were full). Many of them: phones share one address, or a script
    /// is at work.
    pub refused_devices: u64,
    /// Entries in the rate table now: bounded by [`Limits::max_rate_entries`].
    pub rate_entries: usize,
    /// Running, or stopped and why.
    pub state: BoxState,
}

/// An open ballot box. Dropping it closes it: the server stops listening and lets go of the
/// port before `drop` returns. Being closed this way is not reported as
/// [`BallotEvent::Stopped`].
pub struct BallotBox {
    /// The address in the QR code: the box's address with the long join code.
    pub url: String,
    /// The short join code, to type from the screen.
    pub code: String,
    /// The address to type: the box's address with the short code.
    pub short_url: String,
    shared: Arc<server::Shared>,
    stop: Option<server::StopHandle>,
    thread: Option<JoinHandle<()>>,
}

impl BallotBox {
    /// Opens a box as `config` says, reporting to `events` from the box's own thread (keep it
    /// quick: send on a channel). Fails when the address can't be listened on.
    pub fn open(
        config: BoxConfig,
        events: impl Fn(BallotEvent) + Send + Sync + 'static,
    ) -> io::Result<BallotBox> {
        let (opened, thread) = server::start(config, Box::new(events))?;
        let server::Opened { addr, long_code, short_code, shared, stop } = opened;
        Ok(BallotBox {
            url: format!("http://{addr}/s/{long_code}"),
            short_url: format!("http://{addr}/s/{short_code}"),
            code: short_code,
            shared,
            stop: Some(stop),
            thread: Some(thread),
        })
    }

    fn desk(&self) -> MutexGuard<'_, desk::Desk> {
        self.shared.desk()
    }

    /// Tells the box how the round stands now: new keyboard ballots, settings, closed, …
    pub fn update_round(&self, round: BoxRound) {
        self.update(round);
    }

    /// Tells the box what to serve now: the round as it stands, the inbreng cells as they are
    /// (renamed, added), or the other of the two. Phones keep their device and cookie.
    pub fn update(&self, serving: impl Into<Serving>) {
        self.desk().update(serving.into());
    }

    /// How many phones came and voted, how many requests arrived, and whether the box runs.
    pub fn stats(&self) -> BoxStats {
        let mut stats = self.desk().stats();
        stats.connections = self.shared.connections();
        stats
    }

    /// The facilitator voids `voter`'s phone ballot: the device that voted as them forgets it
    /// (and may vote again, as anyone), and the name is free for another phone. The app
    /// removes the ballot from the session itself.
    pub fn void(&self, voter: &Voter) {
        self.desk().void(*voter);
    }

    /// Makes the server end as if it failed, to test that a stop is reported. Not for use
    /// outside tests.
    #[doc(hidden)]
    pub fn fail_for_test(&self) {
        self.shared.fail_for_test();
    }
}

impl Drop for BallotBox {
    fn drop(&mut self) {
        if let Some(stop) = self.stop.take() {
            stop.stop();
        }
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}
