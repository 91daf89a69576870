//! The ballot box on 127.0.0.1, driven by an HTTP client over plain TCP: phones casting,
//! changing and failing to cast ballots, and a bounded load on loopback.

mod common;

use std::io::{Read, Write};
use std::net::{IpAddr, TcpStream};
use std::sync::mpsc::{self, Receiver};
use std::time::{Duration, Instant};

use knoop::app::{App, Msg, Pane, update};
use knoop::ballot::{BallotBox, BoxRound};
use knoop::i18n::Lang;
use knoop::model::{ParticipantId, RoundId, ThemeId, Voter};

const LOOPBACK: [u8; 4] = [127, 0, 0, 1];

/// An HTTP reply: status, the `knoop` cookie if one was set, the body.
struct Reply {
    status: u16,
    cookie: Option<String>,
    body: String,
}

fn request(addr: &str, raw: &[u8]) -> Reply {
    let mut stream = TcpStream::connect(addr).expect("the box listens");
    stream.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
    stream.write_all(raw).unwrap();
    let mut bytes = Vec::new();
    let _ = stream.read_to_end(&mut bytes);
    let text = String::from_utf8_lossy(&bytes).into_owned();
    let (head, body) = text.split_once("\r\n\r\n").unwrap_or((&text, ""));
    let status = head.split_whitespace().nth(1).and_then(|s| s.parse().ok()).unwrap_or(0);
    let cookie = head.lines().find_map(|l| {
        l.strip_prefix("Set-Cookie: knoop=")
            .map(|v| v.split(';').next().unwrap_or_default().to_owned())
    });
    Reply { status, cookie, body: body.to_owned() }
}

fn get(addr: &str, path: &str, cookie: Option<&str>) -> Reply {
    let cookie = cookie.map(|c| format!("Cookie: knoop={c}\r\n")).unwrap_or_default();
    request(
        addr,
        format!("GET {path} HTTP/1.1\r\nHost: {addr}\r\n{cookie}Connection: close\r\n\r\n")
            .as_bytes(),
    )
}

fn post(addr: &str, path: &str, cookie: Option<&str>, body: &str) -> Reply {
    let cookie = cookie.map(|c| format!("Cookie: knoop={c}\r\n")).unwrap_or_default();
    let raw = format!(
        "POST {path} HTTP/1.1\r\nHost: {addr}\r\n{cookie}Content-Type: application/x-www-form-urlencoded\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    );
    request(addr, raw.as_bytes())
}

/// A phone: opens the page (and gets its cookie).
fn phone(addr: &str, path: &str) -> String {
    let reply = get(addr, path, None);
    assert_eq!(reply.status, 200, "{}", reply.body);
    reply.cookie.expect("a device cookie")
}

/// The example with an open round over the twelve themes of its top 12, three dots each.
fn open_round(anonymous: bool) -> (App, RoundId) {
    let mut app = common::example_app();
    let candidates = app.session.rounds[0].result.as_ref().unwrap().through.clone();
    let round = app.session.start_round("Top 3", candidates, 3);
    app.session.rounds.last_mut().unwrap().anonymous = anonymous;
    update(&mut app, Msg::Focus(Pane::Stemmen));
    (app, round)
}

fn open_box(app: &App, round: RoundId) -> (BallotBox, Receiver<Msg>, String, String) {
    let (tx, rx) = mpsc::channel();
    let b = BallotBox::open(
        BoxRound::of(&app.session, round).unwrap(),
        IpAddr::from(LOOPBACK),
        0,
        Lang::Nl,
        tx,
    )
    .unwrap();
    let addr = b.url.trim_start_matches("http://").split('/').next().unwrap().to_owned();
    let path = format!("/s/{}", b.code);
    (b, rx, addr, path)
}

/// Everything the box sent, through `update` as the runtime does.
fn deliver(app: &mut App, rx: &Receiver<Msg>) -> usize {
    let mut n = 0;
    while let Ok(msg) = rx.try_recv() {
        update(app, msg);
        n += 1;
    }
    n
}

fn dots(app: &App, round: RoundId, voter: Voter) -> Vec<u32> {
    let r = app.session.round(round).unwrap();
    r.ballot(voter).map(|b| b.dots.keys().map(|t| t.0).collect()).unwrap_or_default()
}

#[test]
fn named_ballots_are_cast_changed_and_every_wrong_one_refused() {
    let (mut app, round) = open_round(false);
    let (b, rx, addr, path) = open_box(&app, round);
    assert!(b.url.starts_with("http://127.0.0.1:"));
    assert_eq!(b.code.len(), 6);

    let (a, bee, c) = (phone(&addr, &path), phone(&addr, &path), phone(&addr, &path));
    let page = get(&addr, &path, Some(&a));
    assert!(
        page.body.contains("Marieke de Vries")
            && page.body.contains("Opgroeien met voldoende middelen")
    );
    assert!(!page.body.contains("Gemeentelijke toegang"), "no organisations on the network");
    assert!(!page.body.contains("buurtsportcoach"), "no actions on the network");

    let ok = post(&addr, &path, Some(&a), "voter=1&t16=1&t1=1&t5=1");
    assert_eq!(ok.status, 200, "{}", ok.body);
    assert!(ok.body.contains("Ontvangen"));
    assert_eq!(post(&addr, &path, Some(&bee), "voter=2&t2=1").status, 200);
    // The same name from another phone; another name from the same phone.
    assert_eq!(post(&addr, &path, Some(&c), "voter=1&t3=1").status, 409);
    assert_eq!(post(&addr, &path, Some(&a), "voter=3&t3=1").status, 409);
    // Changing a ballot replaces it.
    assert_eq!(post(&addr, &path, Some(&a), "voter=1&t8=1").status, 200);
    // Over budget, over the per-theme limit, an unknown candidate, no name.
    let over = post(&addr, &path, Some(&c), "voter=3&t1=1&t2=1&t3=1&t4=1");
    assert_eq!(over.status, 422);
    assert!(over.body.contains("Alle 3 stippen"), "{}", over.body);
    assert_eq!(post(&addr, &path, Some(&c), "voter=3&t1=2").status, 422);
    assert_eq!(
        post(&addr, &path, Some(&c), "voter=3&t7=1").status,
        422,
        "theme 7 was not in the top 12"
    );
    assert_eq!(post(&addr, &path, Some(&c), "t1=1").status, 422);
    // No or a wrong join code, another path, no cookie, an oversized body.
    assert_eq!(get(&addr, "/", None).status, 404);
    assert_eq!(get(&addr, "/s/000000", None).status, 403);
    assert_eq!(get(&addr, "/api/session", None).status, 404);
    assert_eq!(post(&addr, &path, None, "voter=4&t1=1").status, 400);
    let huge = format!("voter=4&t1=1&x={}", "a".repeat(knoop::ballot::MAX_BODY));
    assert_eq!(post(&addr, &path, Some(&c), &huge).status, 413);

    // A closed round takes nothing more.
    deliver(&mut app, &rx);
    let mut closed = BoxRound::of(&app.session, round).unwrap();
    closed.round.close().unwrap();
    b.update_round(closed);
    assert_eq!(post(&addr, &path, Some(&c), "voter=3&t1=1").status, 409);
    drop(b);

    assert_eq!(dots(&app, round, Voter::Participant(ParticipantId(1))), [8]);
    assert_eq!(dots(&app, round, Voter::Participant(ParticipantId(2))), [2]);
    assert_eq!(app.session.round(round).unwrap().ballots.len(), 2, "exactly the valid ballots");
    // The server's accept thread lets go of the port right after the box is dropped.
    let deadline = Instant::now() + Duration::from_secs(3);
    while TcpStream::connect(&addr).is_ok() {
        assert!(Instant::now() < deadline, "closing the box stops listening");
        std::thread::sleep(Duration::from_millis(20));
    }
}

#[test]
fn anonymous_phones_get_their_own_numbers() {
    let (mut app, round) = open_round(true);
    let (b, rx, addr, path) = open_box(&app, round);
    let (p1, p2) = (phone(&addr, &path), phone(&addr, &path));
    assert!(
        !get(&addr, &path, Some(&p1)).body.contains("Marieke"),
        "no names in an anonymous round"
    );
    assert_eq!(post(&addr, &path, Some(&p1), "t16=1&t1=1").status, 200);
    assert_eq!(post(&addr, &path, Some(&p2), "t16=1").status, 200);
    assert_eq!(post(&addr, &path, Some(&p1), "t5=1").status, 200, "a change, not a second ballot");
    assert_eq!(b.stats(), (2, 2));
    drop(b);
    deliver(&mut app, &rx);
    let r = app.session.round(round).unwrap();
    let voters: Vec<_> = r.ballots.iter().map(|b| b.voter).collect();
    assert_eq!(voters.len(), 2);
    assert!(
        voters.iter().all(|v| matches!(v, Voter::Anonymous(n) if *n > 8)),
        "{voters:?}: numbers after the present eight"
    );
    assert_eq!(r.votes_for(ThemeId(16)), 1);
    assert_eq!(r.votes_for(ThemeId(5)), 1);
}

#[test]
fn fifty_phones_and_a_thousand_bad_requests_lose_nothing_valid() {
    let (mut app, round) = open_round(true);
    app.session.rounds.last_mut().unwrap().dots_per_voter = 3;
    let (b, rx, addr, path) = open_box(&app, round);
    let start = Instant::now();
    let phones: Vec<_> = (0..50)
        .map(|i| {
            let (addr, path) = (addr.clone(), path.clone());
            std::thread::spawn(move || {
                let cookie = phone(&addr, &path);
                let themes = [16, 1, 5, 2, 3, 6, 8, 15, 18, 4, 9, 17];
                let body = format!("t{}=1&t{}=1", themes[i % 12], themes[(i + 1) % 12]);
                post(&addr, &path, Some(&cookie), &body).status
            })
        })
        .collect();
    let flood: Vec<_> = (0..4)
        .map(|k| {
            let addr = addr.clone();
            std::thread::spawn(move || {
                let mut refused = 0;
                for i in 0..250 {
                    let reply = if i % 2 == 0 {
                        get(&addr, "/s/zzzzzz", None)
                    } else {
                        post(&addr, &format!("/x/{k}"), None, "t1=1")
                    };
                    if reply.status >= 400 {
                        refused += 1;
                    }
                }
                refused
            })
        })
        .collect();
    // Meanwhile the keyboard goes on.
    let mut keys = 0;
    while phones.iter().any(|h| !h.is_finished()) || flood.iter().any(|h| !h.is_finished()) {
        update(&mut app, if keys % 2 == 0 { Msg::Down } else { Msg::Up });
        deliver(&mut app, &rx);
        keys += 1;
        assert!(start.elapsed() < Duration::from_secs(60), "bounded in time");
        std::thread::sleep(Duration::from_millis(1));
    }
    let statuses: Vec<u16> = phones.into_iter().map(|h| h.join().unwrap()).collect();
    let refused: usize = flood.into_iter().map(|h| h.join().unwrap()).sum();
    drop(b);
    deliver(&mut app, &rx);
    assert!(statuses.iter().all(|&s| s == 200), "every phone's ballot was taken: {statuses:?}");
    assert_eq!(refused, 1000, "every bad request was refused");
    assert_eq!(app.session.round(round).unwrap().ballots.len(), 50, "nothing valid lost");
    assert_eq!(app.session.round(round).unwrap().tally().iter().map(|(_, n)| n).sum::<u32>(), 100);
    assert!(keys > 10, "the keyboard kept being answered");
}

#[test]
fn snapshots_of_the_pane_with_the_qr_code_and_of_the_ballot_page() {
    let (mut app, round) = open_round(false);
    app.phones = Some(knoop::app::PhonesView {
        round,
        url: "http://192.168.1.23:8123/s/4f2a9c".into(),
        code: "4f2a9c".into(),
        connected: 5,
        voted: 3,
    });
    insta::assert_snapshot!("phones_pane_160x48", common::screen(&app, 160, 48));
    let snapshot = BoxRound::of(&app.session, round).unwrap();
    let page = knoop::ballot::page::ballot(
        Lang::Nl,
        "4f2a9c",
        &snapshot,
        None,
        &[Voter::Participant(ParticipantId(2))],
        None,
        knoop::ballot::page::Notice::None,
    );
    insta::assert_snapshot!("ballot_page", page);
    assert!(!page.contains("Sanne Jansen"), "a name chosen on another phone is not offered");
    for outside in ["http:", "https:", "src=", "href=", "<script", "<link"] {
        assert!(!page.to_lowercase().contains(outside), "{outside}");
    }
}
