//! What keeps the ballot box honest, on loopback only: one phone one ballot, the keyboard's
//! ballots, the join codes, the security headers, Host and Origin, the page token, bounded
//! tables, the connection cap, and a box that stops saying so.

mod phone;

use std::net::{IpAddr, Ipv4Addr, TcpStream};
use std::path::Path;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use knoop::ballot::{BallotBox, BallotEvent, BoxConfig, BoxRound, BoxState, Limits};
use knoop::i18n::Lang;
use knoop::model::{ParticipantId, RoundId, Session, ThemeId, Voter};
use phone::{Phone, authority, path_of, raw, request_from};

const EXAMPLE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/sessions/voorbeeld-basisschool.json");

/// The example with an open top-3 round over its top 12.
fn session(anonymous: bool) -> (Session, RoundId) {
    let mut session = knoop::store::load(Path::new(EXAMPLE)).unwrap();
    let candidates = session.rounds[0].result.as_ref().unwrap().through.clone();
    let round = session.start_round("Top 3", candidates, 3);
    session.rounds.last_mut().unwrap().anonymous = anonymous;
    (session, round)
}

type Heard = Arc<Mutex<Vec<BallotEvent>>>;

/// A box on 127.0.0.1 that writes down everything it reports.
fn open(session: &Session, round: RoundId, limits: Limits) -> (BallotBox, Heard, String) {
    let heard: Heard = Arc::default();
    let config = BoxConfig {
        limits,
        ..BoxConfig::new(
            BoxRound::of(session, round).unwrap(),
            IpAddr::from([127, 0, 0, 1]),
            0,
            Lang::Nl,
        )
    };
    let sink = heard.clone();
    let b = BallotBox::open(config, move |e| sink.lock().unwrap().push(e)).unwrap();
    let addr = authority(&b);
    (b, heard, addr)
}

/// The ballots heard, by voter, the newest of each: what the app would hold.
fn ballots(heard: &Heard) -> Vec<(Voter, Vec<u32>)> {
    let mut by_voter = std::collections::BTreeMap::new();
    for event in heard.lock().unwrap().iter() {
        if let BallotEvent::Ballot { ballot, .. } = event {
            by_voter.insert(ballot.voter, ballot.dots.keys().map(|t| t.0).collect());
        }
    }
    by_voter.into_iter().collect()
}

#[test]
fn twenty_scripted_requests_from_one_address_make_at_most_one_ballot() {
    let (s, round) = session(true);
    let (b, heard, addr) = open(&s, round, Limits::default());
    let from = Ipv4Addr::new(127, 0, 3, 1);
    // Without a cookie nothing counts.
    for _ in 0..20 {
        let reply = request_from(from, &addr, &raw("POST", &path_of(&b.url), &addr, "", "t16=1"));
        assert_eq!(reply.status, 400);
    }
    assert!(ballots(&heard).is_empty());
    // A script that fetches the page each time, forgetting its cookie, is one device.
    let mut cookies = Vec::new();
    for i in 0..20 {
        let mut script = Phone { from, ..Phone::new(0, &addr, &b.url) };
        assert_eq!(script.open().status, 200);
        cookies.push(script.cookie.clone().unwrap());
        let theme = [16, 1, 5, 2][i % 4];
        assert_eq!(script.send(&format!("t{theme}=1")).status, 200);
    }
    cookies.dedup();
    assert_eq!(cookies.len(), 1, "the address's device each time");
    assert_eq!(ballots(&heard).len(), 1, "{:?}", ballots(&heard));
    let stats = b.stats();
    assert_eq!((stats.opened, stats.voted), (1, 1));
    assert_eq!(stats.refused_devices, 19);
    // A cookie the box never issued is no device either.
    let forged = request_from(
        from,
        &addr,
        &raw(
            "POST",
            &path_of(&b.url),
            &addr,
            "Cookie: knoop=0123456789abcdef0123456789abcdef\r\n",
            "t1=1",
        ),
    );
    assert_eq!(forged.status, 400);
    // Another address is another phone.
    let mut other = Phone::new(7, &addr, &b.url);
    other.open();
    assert_eq!(other.send("t1=1").status, 200);
    assert_eq!(ballots(&heard).len(), 2);
}

#[test]
fn no_more_phones_vote_than_the_room_holds() {
    let (s, round) = session(true);
    let present = s.participants.iter().filter(|p| p.present).count();
    let limits = Limits { spare_voters: 2, ..Limits::default() };
    let (b, heard, addr) = open(&s, round, limits);
    let mut statuses = Vec::new();
    for n in 1..=present as u32 + 4 {
        let mut p = Phone::new(n, &addr, &b.url);
        p.open();
        statuses.push(p.send("t16=1").status);
    }
    assert_eq!(statuses.iter().filter(|&&s| s == 200).count(), present + 2, "{statuses:?}");
    assert_eq!(statuses.iter().filter(|&&s| s == 409).count(), 2);
    assert_eq!(ballots(&heard).len(), present + 2);
    drop(b);

    // Nobody marked present: the assumed room, plus the spare phones.
    let (mut s, round) = session(true);
    s.participants.iter_mut().for_each(|p| p.present = false);
    let limits = Limits { unlisted_room: 3, spare_voters: 1, ..Limits::default() };
    let (b, heard, addr) = open(&s, round, limits);
    for n in 1..=6 {
        let mut p = Phone::new(n, &addr, &b.url);
        p.open();
        p.send("t16=1");
    }
    assert_eq!(ballots(&heard).len(), 4);
}

#[test]
fn a_name_voted_at_the_keyboard_cannot_be_taken_from_a_phone_until_voided() {
    let (mut s, round) = session(false);
    // Marieke (1) voted at the keyboard.
    s.add_dot(round, Voter::Participant(ParticipantId(1)), ThemeId(16)).unwrap();
    let (b, heard, addr) = open(&s, round, Limits::default());
    let mut p = Phone::new(1, &addr, &b.url);
    let page = p.open();
    assert!(!page.body.contains("value=\"1\">Marieke"), "her name is not offered");
    let refused = p.send("voter=1&t1=1");
    assert_eq!(refused.status, 409);
    assert!(refused.body.contains("al gestemd op de laptop"), "{}", refused.body);
    assert!(ballots(&heard).is_empty());
    // Another name works; then that phone's ballot is voided and the name is free again.
    assert_eq!(p.send("voter=2&t1=1").status, 200);
    let mut q = Phone::new(2, &addr, &b.url);
    q.open();
    assert_eq!(q.send("voter=2&t5=1").status, 409, "each name once");
    b.void(&Voter::Participant(ParticipantId(2)));
    assert_eq!(b.stats().voted, 0);
    q.open();
    assert_eq!(q.send("voter=2&t5=1").status, 200, "a voided name is free");
    assert_eq!(p.send("voter=3&t5=1").status, 200, "the voided phone may vote as someone else");
    let events = heard.lock().unwrap().clone();
    let devices: Vec<&str> = events
        .iter()
        .filter_map(|e| match e {
            BallotEvent::Ballot { device, .. } => Some(device.as_str()),
            BallotEvent::Stopped(_) | BallotEvent::Inbreng { .. } | BallotEvent::Join { .. } => {
                None
            }
        })
        .collect();
    assert_eq!(devices.len(), 3);
    assert_eq!(devices[0], devices[2], "the same phone, the same short name");
    assert!(devices.iter().all(|d| d.len() < 8), "never the cookie: {devices:?}");
}

#[test]
fn wrong_codes_lock_the_typed_code_but_not_the_qr_link() {
    let (s, round) = session(true);
    let limits = Limits { wrong_codes_per_minute: 5, ..Limits::default() };
    let (b, _heard, addr) = open(&s, round, limits);
    let get = |n: u8, path: &str| {
        request_from(Ipv4Addr::new(127, 0, 4, n), &addr, &raw("GET", path, &addr, "", "")).status
    };
    assert_eq!(get(1, &path_of(&b.short_url)), 200, "the typed code works");
    for n in 0..5 {
        assert_eq!(get(10 + n, &format!("/s/{:06x}", n)), 403);
    }
    assert_eq!(get(20, "/s/abcdef"), 429, "locked for the rest of the minute");
    assert_eq!(get(2, &path_of(&b.short_url)), 429, "even the right typed code");
    assert_eq!(get(3, &path_of(&b.url)), 200, "the QR link still opens");
    let stats = b.stats();
    assert_eq!(stats.wrong_codes, 6);
    assert_eq!((stats.connections, stats.requests), (9, 9));
}

#[test]
fn every_answer_carries_the_security_headers() {
    let (s, round) = session(true);
    let (b, _heard, addr) = open(&s, round, Limits::default());
    let mut p = Phone::new(1, &addr, &b.url);
    let mut replies = vec![p.open(), p.send("t16=1")];
    let from = Ipv4Addr::new(127, 0, 5, 1);
    for path in ["/", "/s/000000"] {
        replies.push(request_from(from, &addr, &raw("GET", path, &addr, "", "")));
    }
    let huge = "x".repeat(knoop::ballot::MAX_BODY + 1);
    replies.push(p.post_raw(&huge, ""));
    let statuses: Vec<u16> = replies.iter().map(|r| r.status).collect();
    assert_eq!(statuses, [200, 200, 404, 403, 413]);
    for reply in &replies {
        let csp = reply.header("content-security-policy").expect("a CSP");
        assert!(csp.contains("default-src 'none'") && !csp.contains("http"), "{csp}");
        assert_eq!(reply.header("x-frame-options").as_deref(), Some("DENY"));
        assert_eq!(reply.header("x-content-type-options").as_deref(), Some("nosniff"));
        assert_eq!(reply.header("referrer-policy").as_deref(), Some("no-referrer"));
        assert_eq!(reply.header("cache-control").as_deref(), Some("no-store"));
    }
    // Headers over the limit are refused before they reach the box.
    let long = format!("X-Long: {}\r\n", "a".repeat(knoop::ballot::MAX_HEADERS));
    let reply = request_from(from, &addr, &raw("GET", &path_of(&b.url), &addr, &long, ""));
    assert_eq!(reply.status, 431);
}

#[test]
fn a_ballot_from_another_origin_or_host_is_refused() {
    let (s, round) = session(true);
    let (b, heard, addr) = open(&s, round, Limits::default());
    let mut p = Phone::new(1, &addr, &b.url);
    p.open();
    let form = format!("p={}&t16=1", p.token.clone().unwrap());
    assert_eq!(p.post_raw(&form, "Origin: http://evil.example\r\n").status, 403);
    assert_eq!(p.post_raw(&form, "Origin: http://127.0.0.1:1\r\n").status, 403);
    assert_eq!(p.post_raw(&form, "Sec-Fetch-Site: cross-site\r\n").status, 403);
    // A request for another name (DNS rebinding) is refused, whatever it asks.
    let cookie = format!("Cookie: knoop={}\r\n", p.cookie.clone().unwrap());
    for method in ["GET", "POST"] {
        let request = raw(method, &path_of(&b.url), "attacker.example", &cookie, &form);
        assert_eq!(request_from(p.from, &addr, &request).status, 403, "{method}");
    }
    assert!(ballots(&heard).is_empty());
    // The page's own Origin, the null Origin browsers send under no-referrer, or none at all.
    let origin = format!("Origin: http://{addr}\r\nSec-Fetch-Site: same-origin\r\n");
    assert_eq!(p.post_raw(&format!("p={}&t16=1", p.token.clone().unwrap()), &origin).status, 200);
    let null = "Origin: null\r\n";
    assert_eq!(p.post_raw(&format!("p={}&t1=1", p.token.clone().unwrap()), null).status, 200);
    assert_eq!(p.post_raw(&format!("p={}&t5=1", p.token.clone().unwrap()), "").status, 200);
    assert_eq!(ballots(&heard).len(), 1);
}

#[test]
fn a_ballot_without_its_page_token_is_refused() {
    let (s, round) = session(true);
    let (b, heard, addr) = open(&s, round, Limits::default());
    let (mut p, mut q) = (Phone::new(1, &addr, &b.url), Phone::new(2, &addr, &b.url));
    p.open();
    q.open();
    assert_eq!(p.send_with_token("t16=1", "").status, 403, "no token");
    assert_eq!(p.send_with_token("t16=1", "0000").status, 403, "a made-up token");
    let theirs = q.token.clone().unwrap();
    let stale = p.send_with_token("t16=1", &theirs);
    assert_eq!(stale.status, 403, "another phone's token");
    assert!(stale.body.contains("verlopen"), "{}", stale.body);
    assert!(ballots(&heard).is_empty());
    // The refusal came with a fresh form: sending again works.
    assert_eq!(p.send("t16=1").status, 200);
    assert_eq!(ballots(&heard).len(), 1);
}

#[test]
fn the_device_and_rate_tables_are_pruned() {
    let (s, round) = session(true);
    let limits = Limits {
        device_idle: Duration::from_millis(200),
        max_rate_entries: 8,
        rate_burst: 5.0,
        rate_per_second: 100.0,
        ..Limits::default()
    };
    let (b, _heard, addr) = open(&s, round, limits);
    let mut voter = Phone::new(1, &addr, &b.url);
    voter.open();
    assert_eq!(voter.send("t16=1").status, 200);
    for n in 2..=30 {
        let status = Phone::new(n, &addr, &b.url).open().status;
        assert_eq!(status, 200, "phone {n}");
        assert!(b.stats().rate_entries <= 8, "{:?}", b.stats());
        // Give full buckets time to count as empty again.
        std::thread::sleep(Duration::from_millis(60));
    }
    assert!(b.stats().opened > 2);
    std::thread::sleep(Duration::from_millis(250));
    assert_eq!(Phone::new(40, &addr, &b.url).open().status, 200);
    let stats = b.stats();
    assert_eq!(stats.opened, 2, "idle devices that never voted are forgotten: {stats:?}");
    assert_eq!(stats.voted, 1, "a device that voted is kept");
    assert_eq!(voter.send("t1=1").status, 200, "and still votes");
}

#[test]
fn at_the_connection_cap_new_connections_wait_and_are_then_served() {
    let (s, round) = session(true);
    let limits = Limits {
        max_connections: 4,
        header_timeout: Duration::from_millis(600),
        busy_header_timeout: Duration::from_millis(600),
        ..Limits::default()
    };
    let (b, _heard, addr) = open(&s, round, limits);
    // Four silent connections from four addresses take every slot.
    let silent: Vec<TcpStream> =
        (1..=4).map(|n| phone::connect_from(Ipv4Addr::new(127, 0, 6, n), &addr).unwrap()).collect();
    std::thread::sleep(Duration::from_millis(100));
    let start = Instant::now();
    let reply = Phone::new(1, &addr, &b.url).open();
    assert_eq!(reply.status, 200);
    let waited = start.elapsed();
    assert!(
        waited >= Duration::from_millis(300),
        "the fifth waited in the backlog until a slot was free: {waited:?}"
    );
    assert!(waited < Duration::from_secs(5), "{waited:?}");
    drop(silent);
}

#[test]
fn one_address_holds_only_its_share_of_connections() {
    let (s, round) = session(true);
    let limits = Limits { connections_per_address: 3, ..Limits::default() };
    let (b, _heard, addr) = open(&s, round, limits);
    let from = Ipv4Addr::new(127, 0, 7, 1);
    let held: Vec<TcpStream> = (0..10).map(|_| phone::connect_from(from, &addr).unwrap()).collect();
    std::thread::sleep(Duration::from_millis(200));
    let closed = held
        .iter()
        .filter(|s| {
            use std::io::Read;
            s.set_read_timeout(Some(Duration::from_millis(100))).unwrap();
            // End of stream or a reset: the box closed it. A timeout: still open.
            match (&mut &**s).read(&mut [0u8; 1]) {
                Ok(n) => n == 0,
                Err(e) => !matches!(
                    e.kind(),
                    std::io::ErrorKind::WouldBlock | std::io::ErrorKind::TimedOut
                ),
            }
        })
        .count();
    assert_eq!(closed, 7, "beyond three, the box closed them at once");
    assert_eq!(Phone::new(1, &addr, &b.url).open().status, 200, "others still get in");
}

#[test]
fn a_box_that_stops_by_itself_says_so() {
    let (s, round) = session(true);
    let (b, heard, addr) = open(&s, round, Limits::default());
    assert_eq!(b.stats().state, BoxState::Running);
    b.fail_for_test();
    let deadline = Instant::now() + Duration::from_secs(5);
    while !matches!(b.stats().state, BoxState::Stopped(_)) {
        assert!(Instant::now() < deadline, "the stop shows in the stats");
        std::thread::sleep(Duration::from_millis(10));
    }
    let BoxState::Stopped(reason) = b.stats().state else { unreachable!() };
    assert!(reason.contains("De stembus is gestopt"), "{reason}");
    assert_eq!(heard.lock().unwrap().last(), Some(&BallotEvent::Stopped(reason)));
    assert!(TcpStream::connect(&addr).is_err(), "nothing listens any more");
    // Closing a box is no stop to report.
    let (b, heard, _) = open(&s, round, Limits::default());
    drop(b);
    assert!(heard.lock().unwrap().is_empty());
}

#[test]
fn slow_bodies_idle_connections_and_trickled_headers_are_cut_off() {
    use std::io::{Read, Write};
    let (s, round) = session(true);
    let limits = Limits {
        header_timeout: Duration::from_millis(400),
        busy_header_timeout: Duration::from_millis(400),
        body_timeout: Duration::from_millis(400),
        ..Limits::default()
    };
    let (b, heard, addr) = open(&s, round, limits);
    let mut p = Phone::new(1, &addr, &b.url);
    p.open();
    let read_all = |stream: &mut TcpStream| {
        stream.set_read_timeout(Some(Duration::from_secs(5))).unwrap();
        let mut bytes = Vec::new();
        let _ = stream.read_to_end(&mut bytes);
        String::from_utf8_lossy(&bytes).into_owned()
    };

    // A body that never finishes.
    let mut stream = phone::connect_from(p.from, &addr).unwrap();
    let head = format!(
        "POST {} HTTP/1.1\r\nHost: {addr}\r\nCookie: knoop={}\r\nContent-Length: 100\r\n\r\np={}&t16=1",
        path_of(&b.url),
        p.cookie.clone().unwrap(),
        p.token.clone().unwrap()
    );
    stream.write_all(head.as_bytes()).unwrap();
    let start = Instant::now();
    let reply = read_all(&mut stream);
    assert!(reply.starts_with("HTTP/1.1 408"), "{reply}");
    assert!(start.elapsed() < Duration::from_secs(3));
    assert!(heard.lock().unwrap().is_empty());

    // Headers trickled a byte at a time still have to be complete in time.
    let mut stream = phone::connect_from(p.from, &addr).unwrap();
    let start = Instant::now();
    let mut cut = false;
    for byte in
        b"GET /s/ HTTP/1.1\r\nX-Slow: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa".iter()
    {
        if stream.write_all(&[*byte]).is_err() {
            cut = true;
            break;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    assert!(cut || read_all(&mut stream).is_empty(), "closed without an answer");
    assert!(start.elapsed() < Duration::from_secs(4));

    // An idle keep-alive connection is closed after the header time.
    let mut stream = phone::connect_from(p.from, &addr).unwrap();
    let get = format!("GET {} HTTP/1.1\r\nHost: {addr}\r\n\r\n", path_of(&b.url));
    stream.write_all(get.as_bytes()).unwrap();
    let start = Instant::now();
    let reply = read_all(&mut stream);
    assert!(reply.starts_with("HTTP/1.1 200"), "{reply}");
    let idle = start.elapsed();
    assert!(
        idle >= Duration::from_millis(300) && idle < Duration::from_secs(3),
        "kept alive, then closed: {idle:?}"
    );
}
