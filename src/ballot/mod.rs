//! The ballot box: participants vote from their phones on the local network, without any
//! cloud service. The laptop serves one page for the one open round; each accepted ballot
//! reaches the app as [`crate::app::Msg::PhoneBallot`], exactly the way keyboard actions do, and is
//! checked by the same model rules again there.
//!
//! `tiny_http` serves it: a small, synchronous, well-kept HTTP server that needs no async
//! runtime, so one thread of its own keeps it off the UI thread. Only what belongs is
//! answered: the ballot page of the open round behind an unguessable join code. Bodies and
//! headers are bounded, each address is rate limited, and one ballot belongs to one device
//! (a random token in a cookie); a device's new ballot replaces its earlier one.

pub mod page;

use std::collections::HashMap;
use std::io::{self, Read};
use std::net::{IpAddr, SocketAddr};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::Sender;
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use tiny_http::{Header, Method, Request, Response, Server};

use crate::app::Msg;
use crate::i18n::errors::vote_text;
use crate::i18n::{Lang, fill};
use crate::model::{Ballot, ParticipantId, Round, RoundId, Session, ThemeId, Voter};

/// The largest request body accepted: a ballot of a few hundred themes fits easily.
pub const MAX_BODY: usize = 16 * 1024;
/// The most header bytes accepted.
pub const MAX_HEADERS: usize = 8 * 1024;
/// Requests one phone (or one address without a phone cookie) may make in a burst, refilled
/// at [`RATE_PER_SECOND`]: far more than a person tapping, far less than a flood.
const RATE_BURST: f64 = 60.0;
/// Requests per second one phone or address may keep making.
const RATE_PER_SECOND: f64 = 10.0;

/// What the box knows of the round: its rules and ballots, the present participants' names
/// and the candidates' texts. Nothing else of the session reaches the network.
#[derive(Clone, Debug)]
pub struct BoxRound {
    /// The round, as the app has it now.
    pub round: Round,
    /// The participants present: who may vote in a named round.
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

/// One phone, known by its cookie.
#[derive(Debug, Default)]
struct Device {
    voter: Option<Voter>,
    voted: bool,
}

/// A token bucket per address.
#[derive(Debug)]
struct Bucket {
    tokens: f64,
    at: Instant,
}

#[derive(Debug)]
struct Shared {
    round: BoxRound,
    code: String,
    lang: Lang,
    devices: HashMap<String, Device>,
    buckets: HashMap<RateKey, Bucket>,
    events: Sender<Msg>,
}

/// An open ballot box. Dropping it closes it: the server stops listening.
pub struct BallotBox {
    /// The address phones open, with the join code in it.
    pub url: String,
    /// The join code, new for every box.
    pub code: String,
    shared: Arc<Mutex<Shared>>,
    server: Arc<Server>,
    stop: Arc<AtomicBool>,
    thread: Option<JoinHandle<()>>,
}

/// `n` random bytes as hex, from the operating system's random source.
fn random_hex(n: usize) -> io::Result<String> {
    let mut bytes = vec![0u8; n];
    getrandom::fill(&mut bytes).map_err(|e| io::Error::other(e.to_string()))?;
    Ok(bytes.iter().map(|b| format!("{b:02x}")).collect())
}

/// The laptop's address on the local network: the first IPv4 address that is not loopback,
/// or loopback when there is none.
pub fn local_address() -> IpAddr {
    if_addrs::get_if_addrs()
        .ok()
        .and_then(|addrs| {
            addrs.into_iter().map(|a| a.ip()).find(|ip| ip.is_ipv4() && !ip.is_loopback())
        })
        .unwrap_or(IpAddr::from([127, 0, 0, 1]))
}

impl BallotBox {
    /// Opens a box for `round` on `ip`, port `port` (0: any free port). Accepted ballots go
    /// to `events` as actions.
    pub fn open(
        round: BoxRound,
        ip: IpAddr,
        port: u16,
        lang: Lang,
        events: Sender<Msg>,
    ) -> io::Result<BallotBox> {
        let server =
            Server::http(SocketAddr::new(ip, port)).map_err(|e| io::Error::other(e.to_string()))?;
        let addr = server.server_addr().to_ip().ok_or_else(|| io::Error::other("no address"))?;
        // Six hex digits: short to type from the screen, and the device cookie below is what
        // makes a ballot one device's.
        let code = random_hex(3)?;
        let url = format!("http://{addr}/s/{code}");
        let shared = Arc::new(Mutex::new(Shared {
            round,
            code: code.clone(),
            lang,
            devices: HashMap::new(),
            buckets: HashMap::new(),
            events,
        }));
        let server = Arc::new(server);
        let stop = Arc::new(AtomicBool::new(false));
        let thread = {
            let (server, shared, stop) = (server.clone(), shared.clone(), stop.clone());
            std::thread::spawn(move || {
                while !stop.load(Ordering::Relaxed) {
                    if let Ok(Some(request)) = server.recv_timeout(Duration::from_millis(100)) {
                        handle(&shared, request);
                    }
                }
            })
        };
        Ok(BallotBox { url, code, shared, server, stop, thread: Some(thread) })
    }

    /// Tells the box how the round stands now (new ballots from the keyboard, closed, …).
    pub fn update_round(&self, round: BoxRound) {
        if let Ok(mut s) = self.shared.lock() {
            s.round = round;
        }
    }

    /// How many phones have opened the page, and how many of them voted.
    pub fn stats(&self) -> (usize, usize) {
        self.shared
            .lock()
            .map_or((0, 0), |s| (s.devices.len(), s.devices.values().filter(|d| d.voted).count()))
    }
}

impl Drop for BallotBox {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
        self.server.unblock();
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

type Reply = (u16, String, Option<String>);

fn html(status: u16, body: String) -> Reply {
    (status, body, None)
}

fn handle(shared: &Mutex<Shared>, mut request: Request) {
    let reply = match shared.lock() {
        Ok(mut s) => answer(&mut s, &mut request),
        Err(_) => html(500, String::new()),
    };
    let (status, body, cookie) = reply;
    let mut response = Response::from_string(body).with_status_code(status);
    if let Ok(h) = Header::from_bytes("Content-Type", "text/html; charset=utf-8") {
        response = response.with_header(h);
    }
    if let Ok(h) = Header::from_bytes("Cache-Control", "no-store") {
        response = response.with_header(h);
    }
    if let Some(token) = cookie
        && let Ok(h) = Header::from_bytes(
            "Set-Cookie",
            format!("knoop={token}; Path=/; HttpOnly; SameSite=Strict"),
        )
    {
        response = response.with_header(h);
    }
    let _ = request.respond(response);
}

fn cookie_token(request: &Request) -> Option<String> {
    request
        .headers()
        .iter()
        .filter(|h| h.field.equiv("Cookie"))
        .flat_map(|h| h.value.as_str().split(';'))
        .find_map(|part| part.trim().strip_prefix("knoop=").map(str::to_owned))
}

/// Whose request budget a request spends.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
enum RateKey {
    Device(String),
    Address(Option<IpAddr>),
}

fn allowed(s: &mut Shared, key: RateKey) -> bool {
    let now = Instant::now();
    let bucket = s.buckets.entry(key).or_insert(Bucket { tokens: RATE_BURST, at: now });
    let refill = now.duration_since(bucket.at).as_secs_f64() * RATE_PER_SECOND;
    bucket.tokens = (bucket.tokens + refill).min(RATE_BURST);
    bucket.at = now;
    if bucket.tokens < 1.0 {
        return false;
    }
    bucket.tokens -= 1.0;
    true
}

fn answer(s: &mut Shared, request: &mut Request) -> Reply {
    let t = s.lang.texts();
    let lang = s.lang;
    // A known phone is limited by its own cookie, anything else by its address: phones on one
    // network share no budget, and a flood without a cookie only stops itself.
    let key = match cookie_token(request).filter(|c| s.devices.contains_key(c)) {
        Some(token) => RateKey::Device(token),
        None => RateKey::Address(request.remote_addr().map(|a| a.ip())),
    };
    if !allowed(s, key) {
        return html(429, page::message(lang, t.page_too_many));
    }
    let header_bytes: usize = request
        .headers()
        .iter()
        .map(|h| h.field.as_str().as_str().len() + h.value.as_str().len() + 4)
        .sum();
    if header_bytes > MAX_HEADERS {
        return html(431, page::message(lang, t.page_too_large));
    }
    let path = request.url().split('?').next().unwrap_or_default().to_owned();
    let Some(code) = path.strip_prefix("/s/") else {
        return html(404, page::message(lang, t.page_not_found));
    };
    if code != s.code {
        return html(403, page::message(lang, t.page_wrong_code));
    }
    match request.method() {
        Method::Get => {
            let (token, new) = match cookie_token(request).filter(|c| s.devices.contains_key(c)) {
                Some(token) => (token, false),
                None => match random_hex(16) {
                    Ok(token) => (token, true),
                    Err(_) => return html(500, String::new()),
                },
            };
            let me = s.devices.entry(token.clone()).or_default().voter;
            (200, device_page(s, me, page::Notice::None), new.then_some(token))
        }
        Method::Post => post(s, request),
        _ => html(405, page::message(lang, t.page_not_found)),
    }
}

/// The ballot page as the device voting as `me` sees it: its own ballot filled in, the names
/// other devices chose left out.
fn device_page(s: &Shared, me: Option<Voter>, notice: page::Notice) -> String {
    let own = me.and_then(|v| s.round.round.ballot(v));
    page::ballot(s.lang, &s.code, &s.round, me, &taken(s), own, notice)
}

/// The names other devices chose.
fn taken(s: &Shared) -> Vec<Voter> {
    s.devices.values().filter_map(|d| d.voter).collect()
}

fn post(s: &mut Shared, request: &mut Request) -> Reply {
    let t = s.lang.texts();
    let lang = s.lang;
    if request.body_length().is_some_and(|n| n > MAX_BODY) {
        return html(413, page::message(lang, t.page_too_large));
    }
    let mut body = Vec::new();
    if request.as_reader().take(MAX_BODY as u64 + 1).read_to_end(&mut body).is_err()
        || body.len() > MAX_BODY
    {
        return html(413, page::message(lang, t.page_too_large));
    }
    let Some(token) = cookie_token(request).filter(|c| s.devices.contains_key(c)) else {
        return html(400, page::message(lang, t.page_reload));
    };
    let form = parse_form(&String::from_utf8_lossy(&body));
    let round = &s.round.round;
    let refuse = |s: &Shared, status: u16, why: &str| -> Reply {
        let me = s.devices.get(&token).and_then(|d| d.voter);
        html(status, device_page(s, me, page::Notice::Refused(why)))
    };
    if !round.is_open() {
        return refuse(s, 409, t.page_closed);
    }
    let mine = s.devices.get(&token).and_then(|d| d.voter);
    let voter = if round.anonymous {
        match mine {
            Some(v) => v,
            None => {
                // Phones get numbers after every anonymous voter the keyboard could use.
                let used = round.ballots.iter().filter_map(|b| match b.voter {
                    Voter::Anonymous(n) => Some(n),
                    Voter::Participant(_) => None,
                });
                let others = s.devices.values().filter_map(|d| match d.voter {
                    Some(Voter::Anonymous(n)) => Some(n),
                    _ => None,
                });
                let highest =
                    used.chain(others).max().unwrap_or(0).max(s.round.present.len() as u32);
                Voter::Anonymous(highest + 1)
            }
        }
    } else {
        let chosen = form
            .iter()
            .find(|(k, _)| k == "voter")
            .and_then(|(_, v)| v.parse().ok())
            .map(ParticipantId);
        let Some(id) = chosen.filter(|id| s.round.present.iter().any(|(p, _)| p == id)) else {
            return refuse(s, 422, t.page_pick_name);
        };
        let voter = Voter::Participant(id);
        match mine {
            Some(other) if other != voter => {
                let name = s
                    .round
                    .present
                    .iter()
                    .find(|(p, _)| Voter::Participant(*p) == other)
                    .map_or("?", |(_, n)| n.as_str());
                return refuse(s, 409, &fill(t.page_other_name, &[&name]));
            }
            _ => {}
        }
        if s.devices.iter().any(|(k, d)| *k != token && d.voter == Some(voter)) {
            return refuse(s, 409, t.page_name_taken);
        }
        voter
    };
    let mut ballot = Ballot { voter, dots: Default::default() };
    for (key, value) in &form {
        let Some(theme) = key.strip_prefix('t').and_then(|n| n.parse().ok()).map(ThemeId) else {
            continue;
        };
        let Ok(dots) = value.parse::<u32>() else {
            return refuse(s, 422, &vote_text(lang, &crate::model::VoteError::NotCandidate(theme)));
        };
        if dots > 0 {
            *ballot.dots.entry(theme).or_insert(0) += dots;
        }
    }
    if let Err(e) = round.check_ballot(&ballot) {
        return refuse(s, 422, &vote_text(lang, &e));
    }
    // Accepted: the app gets it as an action, and the box's copy of the round takes it too,
    // so the next page shows it and names stay taken.
    let round_id = round.id;
    if s.events.send(Msg::PhoneBallot(round_id, ballot.clone())).is_err() {
        return refuse(s, 503, t.page_closed);
    }
    let r = &mut s.round.round;
    r.ballots.retain(|b| b.voter != voter);
    if !ballot.dots.is_empty() {
        r.ballots.push(Arc::new(ballot.clone()));
    }
    if let Some(device) = s.devices.get_mut(&token) {
        device.voter = Some(voter);
        device.voted = true;
    }
    (200, device_page(s, Some(voter), page::Notice::Received(&ballot)), None)
}

/// Reads an `application/x-www-form-urlencoded` body.
fn parse_form(body: &str) -> Vec<(String, String)> {
    body.split('&')
        .filter(|p| !p.is_empty())
        .map(|pair| {
            let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
            (decode(k), decode(v))
        })
        .collect()
}

fn decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < bytes.len() => {
                match u8::from_str_radix(
                    std::str::from_utf8(&bytes[i + 1..i + 3]).unwrap_or("zz"),
                    16,
                ) {
                    Ok(b) => {
                        out.push(b);
                        i += 2;
                    }
                    Err(_) => out.push(b'%'),
                }
            }
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn form_bodies_are_decoded() {
        assert_eq!(
            parse_form("voter=3&t1=1&t12=0"),
            vec![
                ("voter".into(), "3".into()),
                ("t1".into(), "1".into()),
                ("t12".into(), "0".into())
            ]
        );
        assert_eq!(decode("a+b%20c%C3%A9%zz%"), "a b cé%zz%");
    }
}
