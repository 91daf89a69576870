//! The ballot box on 127.0.0.1, driven by an HTTP client over plain TCP: phones casting,
//! changing and failing to cast ballots, and a bounded load on loopback.

mod common;
mod phone;

use std::net::{IpAddr, TcpStream};
use std::sync::mpsc::{self, Receiver};
use std::time::{Duration, Instant};

use knoop::app::{App, Msg, Pane, update};
use knoop::ballot::{BallotBox, BallotEvent, BoxConfig, BoxRound, Limits};
use knoop::i18n::Lang;
use knoop::model::{ParticipantId, RoundId, ThemeId, Voter};
use phone::{Phone, authority, path_of, raw, request_from};

const LOOPBACK: [u8; 4] = [127, 0, 0, 1];

/// The example with an open round over the twelve themes of its top 12, three dots each.
fn open_round(anonymous: bool) -> (App, RoundId) {
    let mut app = common::example_app();
    let candidates = app.session.rounds[0].result.as_ref().unwrap().through.clone();
    let round = app.session.start_round("Top 3", candidates, 3);
    app.session.rounds.last_mut().unwrap().anonymous = anonymous;
    update(&mut app, Msg::Focus(Pane::Stemmen));
    (app, round)
}

fn open_box(app: &App, round: RoundId) -> (BallotBox, Receiver<Msg>, String) {
    open_box_with(app, round, Limits::default())
}

/// A box on loopback whose ballots reach the app as `Msg::PhoneBallot`: the glue the runtime
/// has, in three lines.
fn open_box_with(app: &App, round: RoundId, limits: Limits) -> (BallotBox, Receiver<Msg>, String) {
    let (tx, rx) = mpsc::channel();
    let config = BoxConfig {
        limits,
        ..BoxConfig::new(
            BoxRound::of(&app.session, round).unwrap(),
            IpAddr::from(LOOPBACK),
            0,
            Lang::Nl,
        )
    };
    let b = BallotBox::open(config, move |event| {
        if let BallotEvent::Ballot { round, ballot, .. } = event {
            let _ = tx.send(Msg::PhoneBallot(round, ballot));
        }
    })
    .unwrap();
    let addr = authority(&b);
    (b, rx, addr)
}

fn dots(app: &App, round: RoundId, voter: Voter) -> Vec<u32> {
    let r = app.session.round(round).unwrap();
    r.ballot(voter).map(|b| b.dots.keys().map(|t| t.0).collect()).unwrap_or_default()
}

#[test]
fn named_ballots_are_cast_changed_and_every_wrong_one_refused() {
    let (mut app, round) = open_round(false);
    let (b, rx, addr) = open_box(&app, round);
    assert!(b.url.starts_with("http://127.0.0.1:"));
    assert_eq!(b.code.len(), 6);
    assert!(b.short_url.ends_with(&format!("/s/{}", b.code)));
    assert_eq!(path_of(&b.url).len(), "/s/".len() + 32, "a 128-bit code in the QR link");

    let (mut a, mut bee, mut c) = (
        Phone::new(1, &addr, &b.url),
        Phone::new(2, &addr, &b.url),
        Phone::new(3, &addr, &b.short_url),
    );
    for p in [&mut a, &mut bee, &mut c] {
        let page = p.open();
        assert_eq!(page.status, 200, "{}", page.body);
        assert!(p.cookie.is_some() && p.token.is_some(), "a device cookie and a page token");
    }
    let page = a.open();
    assert!(
        page.body.contains("Marieke de Vries")
            && page.body.contains("Opgroeien met voldoende middelen")
    );
    assert!(!page.body.contains("Gemeentelijke toegang"), "no organisations on the network");
    assert!(!page.body.contains("buurtsportcoach"), "no actions on the network");

    let ok = a.send("voter=1&t16=1&t1=1&t5=1");
    assert_eq!(ok.status, 200, "{}", ok.body);
    assert!(ok.body.contains("Ontvangen") && ok.body.contains("1 stip"), "{}", ok.body);
    assert_eq!(bee.send("voter=2&t2=1").status, 200);
    // The same name from another phone; another name from the same phone.
    assert_eq!(c.send("voter=1&t3=1").status, 409);
    assert_eq!(a.send("voter=3&t3=1").status, 409);
    // Changing a ballot replaces it.
    assert_eq!(a.send("voter=1&t8=1").status, 200);
    // Over budget, over the per-theme limit, an unknown candidate, no name.
    let over = c.send("voter=3&t1=1&t2=1&t3=1&t4=1");
    assert_eq!(over.status, 422);
    assert!(over.body.contains("Alle 3 stippen"), "{}", over.body);
    assert_eq!(c.send("voter=3&t1=2").status, 422);
    assert_eq!(c.send("voter=3&t7=1").status, 422, "theme 7 was not in the top 12");
    assert_eq!(c.send("t1=1").status, 422);
    // No or a wrong join code, another path, no cookie, an oversized body.
    let get =
        |path: &str| request_from(phone::phone_ip(9), &addr, &raw("GET", path, &addr, "", ""));
    assert_eq!(get("/").status, 404);
    assert_eq!(get("/s/000000").status, 403);
    assert_eq!(get("/api/session").status, 404);
    let mut stranger = Phone::new(10, &addr, &b.url);
    assert_eq!(stranger.post_raw("voter=4&t1=1", "").status, 400);
    let huge = format!("voter=4&t1=1&x={}", "a".repeat(knoop::ballot::MAX_BODY));
    assert_eq!(c.send(&huge).status, 413);

    // A closed round takes nothing more.
    common::deliver(&mut app, &rx);
    let mut closed = BoxRound::of(&app.session, round).unwrap();
    closed.round.close().unwrap();
    b.update_round(closed);
    assert_eq!(c.send("voter=3&t1=1").status, 409);
    drop(b);

    assert_eq!(dots(&app, round, Voter::Participant(ParticipantId(1))), [8]);
    assert_eq!(dots(&app, round, Voter::Participant(ParticipantId(2))), [2]);
    assert_eq!(app.session.round(round).unwrap().ballots.len(), 2, "exactly the valid ballots");
    // The server lets go of the port right after the box is dropped.
    let deadline = Instant::now() + Duration::from_secs(3);
    while TcpStream::connect(&addr).is_ok() {
        assert!(Instant::now() < deadline, "closing the box stops listening");
        std::thread::sleep(Duration::from_millis(20));
    }
}

#[test]
fn anonymous_phones_get_their_own_numbers() {
    let (mut app, round) = open_round(true);
    let (b, rx, addr) = open_box(&app, round);
    let (mut p1, mut p2) = (Phone::new(1, &addr, &b.url), Phone::new(2, &addr, &b.url));
    assert!(!p1.open().body.contains("Marieke"), "no names in an anonymous round");
    p2.open();
    assert_eq!(p1.send("t16=1&t1=1").status, 200);
    assert_eq!(p2.send("t16=1").status, 200);
    assert_eq!(p1.send("t5=1").status, 200, "a change, not a second ballot");
    let stats = b.stats();
    assert_eq!((stats.opened, stats.voted), (2, 2));
    drop(b);
    common::deliver(&mut app, &rx);
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
    // A big room: more phones than the eight present may vote.
    let limits = Limits { spare_voters: 50, ..Limits::default() };
    let (b, rx, addr) = open_box_with(&app, round, limits);
    let start = Instant::now();
    let phones: Vec<_> = (0..50u32)
        .map(|i| {
            let (addr, url) = (addr.clone(), b.url.clone());
            std::thread::spawn(move || {
                let mut phone = Phone::new(i + 1, &addr, &url);
                assert_eq!(phone.open().status, 200);
                let themes = [16, 1, 5, 2, 3, 6, 8, 15, 18, 4, 9, 17];
                let i = i as usize;
                phone.send(&format!("t{}=1&t{}=1", themes[i % 12], themes[(i + 1) % 12])).status
            })
        })
        .collect();
    let flood: Vec<_> = (0..4)
        .map(|k| {
            let addr = addr.clone();
            std::thread::spawn(move || {
                let from = std::net::Ipv4Addr::new(127, 0, 0, 1);
                let mut refused = 0;
                for i in 0..250 {
                    let request = if i % 2 == 0 {
                        raw("GET", "/s/zzzzzz", &addr, "", "")
                    } else {
                        raw("POST", &format!("/x/{k}"), &addr, "", "t1=1")
                    };
                    if request_from(from, &addr, &request).status >= 400 {
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
        common::deliver(&mut app, &rx);
        keys += 1;
        assert!(start.elapsed() < Duration::from_secs(60), "bounded in time");
        std::thread::sleep(Duration::from_millis(1));
    }
    let statuses: Vec<u16> = phones.into_iter().map(|h| h.join().unwrap()).collect();
    let refused: usize = flood.into_iter().map(|h| h.join().unwrap()).sum();
    let stats = b.stats();
    drop(b);
    common::deliver(&mut app, &rx);
    assert!(statuses.iter().all(|&s| s == 200), "every phone's ballot was taken: {statuses:?}");
    assert_eq!(refused, 1000, "every bad request was refused");
    assert!(stats.requests >= 1100, "{stats:?}");
    assert!(stats.wrong_codes > 0 && stats.wrong_codes <= 500, "{stats:?}");
    assert_eq!(app.session.round(round).unwrap().ballots.len(), 50, "nothing valid lost");
    assert_eq!(app.session.round(round).unwrap().tally().iter().map(|(_, n)| n).sum::<u32>(), 100);
    assert!(keys > 10, "the keyboard kept being answered");
}

#[test]
fn snapshots_of_the_pane_with_the_qr_code_and_of_the_ballot_page() {
    let (mut app, round) = open_round(false);
    let mut view = knoop::app::PhonesView::new(
        knoop::app::PhonesFor::Round(round),
        "http://192.168.1.23:8123/v/3f9c2a7be41d08c5a6e7f1b2c3d4e5f6",
        "http://192.168.1.23:8123/s/4f2a9c",
        "4f2a9c",
    );
    (view.connected, view.voted) = (5, 3);
    view.addresses =
        vec!["192.168.1.23 · wlan0 · lokaal netwerk".into(), "10.8.0.2 · tun0 · VPN".into()];
    app.phones = Some(view);
    insta::assert_snapshot!("phones_pane_160x48", common::screen(&app, 160, 48));
    let snapshot = BoxRound::of(&app.session, round).unwrap();
    let page = knoop::ballot::page::ballot(
        Lang::Nl,
        "/s/4f2a9c",
        "0123456789abcdef",
        &snapshot,
        None,
        &[Voter::Participant(ParticipantId(2))],
        None,
        knoop::ballot::page::Notice::None,
    );
    insta::assert_snapshot!("ballot_page", page);
    assert!(!page.contains("Sanne Jansen"), "a name chosen on another phone is not offered");
    // A link within the page (to the sign-in under the ballot) is no way out of it.
    let page = page.to_lowercase().replace("href=\"#aanmelden\"", "");
    for outside in ["http:", "https:", "src=", "href=", "<script", "<link"] {
        assert!(!page.contains(outside), "{outside}");
    }
}

/// Someone not on the list signs in from their phone in a named round: the app adds them as
/// present, the phone then holds their name and votes as them. One sign-in per phone, no name
/// twice, none in an anonymous round.
#[test]
fn a_phone_signs_someone_in_who_then_votes_as_themselves() {
    let (mut app, round) = open_round(false);
    let (tx, rx) = mpsc::channel();
    let config = BoxConfig::new(
        BoxRound::of(&app.session, round).unwrap(),
        IpAddr::from(LOOPBACK),
        0,
        Lang::Nl,
    );
    let b = BallotBox::open(config, move |event| match event {
        BallotEvent::Ballot { round, ballot, .. } => {
            let _ = tx.send(Msg::PhoneBallot(round, ballot));
        }
        BallotEvent::Join { name, organisation, .. } => {
            let _ = tx.send(Msg::PhoneJoin { name, organisation });
        }
        _ => {}
    })
    .unwrap();
    let addr = authority(&b);
    let mut p = Phone::new(1, &addr, &b.url);
    let page = p.open();
    assert!(page.body.contains("Staat je naam er niet bij?"), "{}", page.body);
    assert_eq!(p.send("join=1&name=++&org=").status, 422, "a name is needed");
    assert_eq!(p.send("join=1&name=marieke+de+vries&org=").status, 409, "on the list already");
    let long = "x".repeat(81);
    assert_eq!(p.send(&format!("join=1&name={long}&org=")).status, 422);
    let joined = p.send("join=1&name=Yusuf+Demir&org=Jongerenwerk");
    assert_eq!(joined.status, 200, "{}", joined.body);
    assert!(joined.body.contains("Welkom, Yusuf Demir!"), "{}", joined.body);
    assert_eq!(p.send("join=1&name=Nog+Iemand&org=").status, 409, "one sign-in per phone");

    assert_eq!(common::deliver(&mut app, &rx), 1);
    let yusuf = app.session.participants.iter().find(|x| x.name == "Yusuf Demir").unwrap();
    assert!(yusuf.present && yusuf.organisation == "Jongerenwerk");
    let id = yusuf.id;
    // The app gives the box the round with the new name (as the runtime does after an edit);
    // the phone's next page has it chosen, and its ballot counts as Yusuf's.
    b.update_round(BoxRound::of(&app.session, round).unwrap());
    let page = p.open();
    assert!(
        page.body.contains(&format!("value=\"{}\" checked>Yusuf Demir", id.0)),
        "{}",
        page.body
    );
    assert!(!page.body.contains("Staat je naam er niet bij?"), "no second sign-in offered");
    let vote = p.send(&format!("voter={}&t16=1&t5=1", id.0));
    assert_eq!(vote.status, 200, "{}", vote.body);
    common::deliver(&mut app, &rx);
    assert_eq!(dots(&app, round, Voter::Participant(id)), [5, 16]);

    // An anonymous round has no list to be on.
    let (app, round) = open_round(true);
    let (b, _rx, addr) = open_box(&app, round);
    let mut p = Phone::new(2, &addr, &b.url);
    let page = p.open();
    assert!(!page.body.contains("Staat je naam er niet bij?"));
    assert_eq!(p.send("join=1&name=Iemand&org=").status, 409);
}
