//! The ballot box's rules, without any network: which request gets which answer. The server
//! (`server.rs`) reads a request, bounded in size and time, and hands it here; everything the
//! box remembers lives in [`Desk`], and every table in it is bounded and pruned.

use std::collections::{HashMap, VecDeque};
use std::io;
use std::net::{IpAddr, SocketAddr};
use std::time::{Duration, Instant};

use super::{BallotEvent, BoxRound, BoxState, BoxStats, Limits, Serving, page};
use crate::i18n::errors::vote_text;
use crate::i18n::{Lang, fill};
use crate::model::{Ballot, ParticipantId, ThemeId, VoteError, Voter};

/// The cookie that names a device.
pub(crate) const COOKIE: &str = "knoop";
/// Page tokens a device keeps: a few open tabs or a back button still send.
const PAGES_PER_DEVICE: usize = 4;

/// `n` random bytes as hex, from the operating system's random source.
pub(crate) fn random_hex(n: usize) -> io::Result<String> {
    let mut bytes = vec![0u8; n];
    getrandom::fill(&mut bytes).map_err(|e| io::Error::other(e.to_string()))?;
    Ok(bytes.iter().map(|b| format!("{b:02x}")).collect())
}

/// The address a peer counts as, for every per-address limit: an IPv4 address itself, an IPv6
/// address by its /64 network, since one phone may use many addresses of its network (privacy
/// addresses) and a script could use them all.
pub(crate) fn address_group(ip: IpAddr) -> IpAddr {
    match ip.to_canonical() {
        IpAddr::V6(v6) => {
            let bits = u128::from(v6) & !((1u128 << 64) - 1);
            IpAddr::V6(std::net::Ipv6Addr::from(bits))
        }
        v4 => v4,
    }
}

/// Compares two codes in time that does not depend on where they differ.
fn same_code(a: &str, b: &str) -> bool {
    a.len() == b.len() && a.bytes().zip(b.bytes()).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

/// The request methods the box tells apart.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Method {
    Get,
    Post,
    Other,
}

/// What the desk needs of one request; the server fills it in.
#[derive(Debug)]
pub(crate) struct Request<'a> {
    pub method: Method,
    pub path: &'a str,
    pub host: Option<&'a str>,
    pub origin: Option<&'a str>,
    /// `Sec-Fetch-Site`: where a browser says the request comes from.
    pub fetch_site: Option<&'a str>,
    /// The value of the `knoop` cookie, if the request sent one.
    pub cookie: Option<&'a str>,
    /// The peer's [`address_group`].
    pub peer: IpAddr,
    pub body: &'a [u8],
}

/// The desk's answer: status, HTML body, a device cookie to set, and what the app must hear.
#[derive(Debug)]
pub(crate) struct Reply {
    pub status: u16,
    pub body: String,
    pub cookie: Option<String>,
    pub event: Option<BallotEvent>,
}

impl Reply {
    fn page(status: u16, body: String) -> Reply {
        Reply { status, body, cookie: None, event: None }
    }
}

/// One phone, known by the token in its cookie.
#[derive(Debug)]
struct Device {
    /// "t3": the name the app hears, never the token (which is the phone's key).
    label: String,
    address: IpAddr,
    voter: Option<Voter>,
    voted: bool,
    /// Activities this phone sent in.
    sent: u32,
    /// The name this phone signed in with, until the app has added it to the round's list;
    /// the phone then holds that name.
    joined: Option<String>,
    /// The cell its last activity was for: the page offers it again, as people tell about
    /// one cell at a time.
    last_cell: Option<(ThemeId, crate::model::LevelId)>,
    seen: Instant,
    /// The page tokens of the forms this device was shown, newest last.
    pages: VecDeque<String>,
}

/// A token bucket: a burst, refilled at a steady rate.
#[derive(Debug)]
struct Bucket {
    tokens: f64,
    at: Instant,
}

/// Whose request budget a request spends.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
enum RateKey {
    Device(String),
    Address(IpAddr),
}

/// Everything the box knows and counts.
#[derive(Debug)]
pub(crate) struct Desk {
    serving: Serving,
    /// Activities sent in while the box was open, all phones together.
    contributions: usize,
    lang: Lang,
    limits: Limits,
    /// `ip:port`, as phones' browsers put it in Host and Origin.
    authority: String,
    port: u16,
    ip: IpAddr,
    long_code: String,
    short_code: String,
    devices: HashMap<String, Device>,
    next_label: u32,
    buckets: HashMap<RateKey, Bucket>,
    /// Wrong codes since the start of the current minute.
    wrong_window: (Instant, u32),
    requests: u64,
    wrong_codes: u64,
    refused_devices: u64,
    pub state: BoxState,
}

impl Desk {
    pub fn new(
        serving: Serving,
        lang: Lang,
        limits: Limits,
        addr: SocketAddr,
        long_code: String,
        short_code: String,
        now: Instant,
    ) -> Desk {
        Desk {
            serving,
            contributions: 0,
            lang,
            limits,
            authority: addr.to_string(),
            port: addr.port(),
            ip: addr.ip(),
            long_code,
            short_code,
            devices: HashMap::new(),
            next_label: 1,
            buckets: HashMap::new(),
            wrong_window: (now, 0),
            requests: 0,
            wrong_codes: 0,
            refused_devices: 0,
            state: BoxState::Running,
        }
    }

    pub fn update(&mut self, serving: Serving) {
        self.serving = serving;
    }

    /// The round the box serves, when it serves one.
    fn round(&self) -> Option<&BoxRound> {
        match &self.serving {
            Serving::Round(round) => Some(round),
            Serving::Inbreng(_) => None,
        }
    }

    /// The desk's counts; the server adds its connections.
    pub fn stats(&self) -> BoxStats {
        BoxStats {
            opened: self.devices.len(),
            voted: self.devices.values().filter(|d| d.voted).count(),
            contributions: self.contributions,
            connections: 0,
            requests: self.requests,
            wrong_codes: self.wrong_codes,
            refused_devices: self.refused_devices,
            rate_entries: self.buckets.len(),
            state: self.state.clone(),
        }
    }

    /// Frees `voter`'s name: the device that voted as them no longer holds it, and its ballot
    /// leaves the box's copy of the round (the app removes it from the session).
    pub fn void(&mut self, voter: Voter) {
        for device in self.devices.values_mut().filter(|d| d.voter == Some(voter)) {
            device.voter = None;
            device.voted = false;
        }
        if let Serving::Round(round) = &mut self.serving {
            round.round.ballots.retain(|b| b.voter != voter);
        }
    }

    /// Counts a request that never reached the desk (refused while reading it).
    pub fn count_request(&mut self) {
        self.requests += 1;
    }

    /// The answer to `request` at `now`.
    pub fn answer(&mut self, request: &Request, now: Instant) -> Reply {
        self.requests += 1;
        let t = self.lang.texts();
        let lang = self.lang;
        let known = request.cookie.filter(|c| self.devices.contains_key(*c)).map(str::to_owned);
        // A known phone is limited by its own cookie, anything else by its address: phones on
        // one network share no budget, and a flood without a cookie only stops itself.
        let key = match &known {
            Some(token) => RateKey::Device(token.clone()),
            None => RateKey::Address(request.peer),
        };
        if !self.allowed(key, now) {
            return Reply::page(429, page::message(lang, t.page_too_many));
        }
        let path = request.path.split('?').next().unwrap_or_default();
        let Some(code) = path.strip_prefix("/s/") else {
            return Reply::page(404, page::message(lang, t.page_not_found));
        };
        // The long code of the QR link always opens; the short code typed from the screen only
        // while wrong codes are rare, so guessing it takes longer than any meeting.
        if !same_code(code, &self.long_code) {
            let wrong = !same_code(code, &self.short_code);
            if wrong {
                self.wrong_codes += 1;
            }
            if self.codes_locked(now) {
                return Reply::page(429, page::message(lang, t.page_code_locked));
            }
            if wrong {
                self.wrong_window.1 += 1;
                return Reply::page(403, page::message(lang, t.page_wrong_code));
            }
        }
        // A page from another name for this address (DNS rebinding) is not ours to answer.
        if !request.host.is_some_and(|h| self.is_own(h, "")) {
            return Reply::page(403, page::message(lang, t.page_wrong_host));
        }
        match request.method {
            Method::Get => self.get(request, known, now),
            Method::Post => {
                // A ballot must come from the box's own page. Browsers send `Origin: null` for a
                // form on a page with `Referrer-Policy: no-referrer`, so "null" says nothing;
                // `Sec-Fetch-Site` is not touched by that policy. Old browsers send neither:
                // the page token and the SameSite cookie still hold.
                let foreign_origin =
                    request.origin.is_some_and(|o| o != "null" && !self.is_own(o, "http://"));
                let foreign_site = request.fetch_site.is_some_and(|s| s != "same-origin");
                if foreign_origin || foreign_site {
                    return Reply::page(403, page::message(lang, t.page_wrong_host));
                }
                self.post(request, known, now)
            }
            Method::Other => Reply::page(405, page::message(lang, t.page_not_found)),
        }
    }

    /// Whether `value` names this box: `scheme` + `ip:port` (or `ip` alone on port 80).
    fn is_own(&self, value: &str, scheme: &str) -> bool {
        let Some(rest) = value.strip_prefix(scheme) else { return false };
        let rest = rest.trim_end_matches('/');
        rest.eq_ignore_ascii_case(&self.authority)
            || (self.port == 80 && rest.eq_ignore_ascii_case(&self.ip_text()))
    }

    fn ip_text(&self) -> String {
        match self.ip {
            IpAddr::V4(v4) => v4.to_string(),
            IpAddr::V6(v6) => format!("[{v6}]"),
        }
    }

    /// Whether the short code is refused for now: too many wrong codes this minute.
    fn codes_locked(&mut self, now: Instant) -> bool {
        if now.duration_since(self.wrong_window.0) >= Duration::from_secs(60) {
            self.wrong_window = (now, 0);
        }
        self.wrong_window.1 >= self.limits.wrong_codes_per_minute
    }

    /// Spends one request of `key`'s budget, if there is one.
    fn allowed(&mut self, key: RateKey, now: Instant) -> bool {
        let (burst, rate) = (self.limits.rate_burst, self.limits.rate_per_second);
        if !self.buckets.contains_key(&key) && self.buckets.len() >= self.limits.max_rate_entries {
            // A bucket that filled up again is the same as no bucket.
            self.buckets
                .retain(|_, b| now.duration_since(b.at).as_secs_f64() * rate + b.tokens < burst);
            if self.buckets.len() >= self.limits.max_rate_entries {
                return false;
            }
        }
        let bucket = self.buckets.entry(key).or_insert(Bucket { tokens: burst, at: now });
        let refill = now.duration_since(bucket.at).as_secs_f64() * rate;
        bucket.tokens = (bucket.tokens + refill).min(burst);
        bucket.at = now;
        if bucket.tokens < 1.0 {
            return false;
        }
        bucket.tokens -= 1.0;
        true
    }

    /// Forgets devices that never voted and were not seen for a while.
    fn prune_devices(&mut self, now: Instant) {
        let idle = self.limits.device_idle;
        self.devices.retain(|_, d| {
            d.voted || d.voter.is_some() || d.sent > 0 || now.duration_since(d.seen) < idle
        });
        let known: Vec<RateKey> =
            self.buckets.keys().filter(|k| matches!(k, RateKey::Device(_))).cloned().collect();
        for key in known {
            if let RateKey::Device(token) = &key
                && !self.devices.contains_key(token)
            {
                self.buckets.remove(&key);
            }
        }
    }

    /// The device a page request belongs to: the one its cookie names; else, when its address
    /// already has as many devices as one address may, the newest of those (so a script without
    /// cookies, or a second browser on the same phone, stays one device); else a new one.
    /// `None` when the table is full of devices that matter.
    fn device_for(
        &mut self,
        request: &Request,
        known: Option<String>,
        now: Instant,
    ) -> Option<(String, bool)> {
        if let Some(token) = known {
            return Some((token, false));
        }
        self.prune_devices(now);
        let mut mine: Vec<(&String, &Device)> =
            self.devices.iter().filter(|(_, d)| d.address == request.peer).collect();
        if mine.len() >= self.limits.devices_per_address.max(1) {
            mine.sort_by_key(|(_, d)| d.seen);
            self.refused_devices += 1;
            return mine.last().map(|(token, _)| ((*token).clone(), true));
        }
        if self.devices.len() >= self.limits.max_devices {
            self.refused_devices += 1;
            return None;
        }
        let token = random_hex(16).ok()?;
        let label = format!("t{}", self.next_label);
        self.next_label += 1;
        self.devices.insert(
            token.clone(),
            Device {
                label,
                address: request.peer,
                voter: None,
                voted: false,
                sent: 0,
                joined: None,
                last_cell: None,
                seen: now,
                pages: VecDeque::new(),
            },
        );
        Some((token, true))
    }
}

/// A field as one line: control characters (a pasted tab or line break) become spaces, runs
/// of spaces one.
pub(crate) fn one_line(text: &str) -> String {
    let spaced: String = text.chars().map(|c| if c.is_control() { ' ' } else { c }).collect();
    spaced.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Reads an `application/x-www-form-urlencoded` body.
pub(crate) fn parse_form(body: &str) -> Vec<(String, String)> {
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

mod inbreng;
mod join;
mod pages;

#[cfg(test)]
#[path = "desk_tests.rs"]
mod tests;
