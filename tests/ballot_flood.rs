//! A flood the ballot box must survive, on loopback only: 2,000 slow connections (opened and
//! never finishing their headers) against a box in a process whose open-files limit is 1,024,
//! while 50 honest phones vote, the process keeps saving the session, and its main loop (the
//! keyboard's) keeps turning.
//!
//! The box runs in a child: this same test binary, started through `sh -c 'ulimit -n 1024;
//! exec …'` with `KNOOP_FLOOD_CHILD` set, runs `flood_child`. The attackers and the phones live
//! here in the parent, which raises its own limit to hold 2,000 sockets. The child reports on
//! its stdout, line by line; closing its stdin ends it.

// Linux only: it sets the open-files limit and connects from chosen loopback addresses.
#![cfg(target_os = "linux")]

mod phone;

use std::io::{BufRead, BufReader, Write};
use std::net::{IpAddr, Ipv4Addr, TcpStream};
use std::path::Path;
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, mpsc};
use std::time::{Duration, Instant};

use knoop::ballot::{BallotBox, BallotEvent, BoxConfig, BoxRound, Limits};
use knoop::i18n::Lang;
use phone::Phone;

const CHILD: &str = "KNOOP_FLOOD_CHILD";
const EXAMPLE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/sessions/voorbeeld-basisschool.json");
const SLOW: usize = 2000;
const PHONES: u32 = 50;
/// Half the attack comes from a few machines with many connections each, half from many
/// addresses with a few each: the first meets the per-address cap, the second the box's cap,
/// its backlog and its busy-time header timeout.
const HEAVY: usize = 10;
const LIGHT: usize = 190;

/// The loopback address attack connection `i` comes from.
fn attacker(i: usize) -> Ipv4Addr {
    let n = if i.is_multiple_of(2) { (i / 2) % HEAVY } else { HEAVY + (i / 2) % LIGHT };
    Ipv4Addr::new(127, 0, 0, 10 + n as u8)
}

fn open_files_limit() -> (libc::rlim_t, libc::rlim_t) {
    let mut limit = libc::rlimit { rlim_cur: 0, rlim_max: 0 };
    // SAFETY: getrlimit writes into the struct we own.
    let ok = unsafe { libc::getrlimit(libc::RLIMIT_NOFILE, &mut limit) } == 0;
    assert!(ok, "getrlimit");
    (limit.rlim_cur, limit.rlim_max)
}

/// The child: a ballot box, a saver and a main loop, reporting on stdout.
#[test]
fn flood_child() {
    if std::env::var_os(CHILD).is_none() {
        return; // only as the parent's child
    }
    println!("LIMIT {}", open_files_limit().0);
    let mut session = knoop::store::load(Path::new(EXAMPLE)).unwrap();
    let candidates = session.rounds[0].result.as_ref().unwrap().through.clone();
    let round = session.start_round("Top 3", candidates, 3);
    session.rounds.last_mut().unwrap().anonymous = true;
    let (tx, events) = mpsc::channel();
    let config = BoxConfig {
        // Fifty phones in a room of eight present.
        limits: Limits { spare_voters: PHONES as usize, ..Limits::default() },
        ..BoxConfig::new(
            BoxRound::of(&session, round).unwrap(),
            IpAddr::from([127, 0, 0, 1]),
            0,
            Lang::Nl,
        )
    };
    let b = BallotBox::open(config, move |e| {
        let _ = tx.send(e);
    })
    .unwrap();
    println!("BOX {}", b.url);
    let done = Arc::new(AtomicBool::new(false));
    {
        let done = done.clone();
        std::thread::spawn(move || {
            let _ = std::io::stdin().lock().read_line(&mut String::new());
            done.store(true, Ordering::SeqCst);
        });
    }
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("sessie.json");
    let (mut saves, mut failed, mut worst_gap) = (0, 0, Duration::ZERO);
    let mut voters = std::collections::BTreeSet::new();
    let mut last = Instant::now();
    let deadline = Instant::now() + Duration::from_secs(90);
    while !done.load(Ordering::SeqCst) && Instant::now() < deadline {
        // The saver's work: the whole session, atomically, with fsync and a backup.
        match knoop::store::save(&path, &session) {
            Ok(()) => saves += 1,
            Err(e) => {
                failed += 1;
                println!("SAVE FAILED {}", e.message(Lang::En));
            }
        }
        while let Ok(event) = events.try_recv() {
            if let BallotEvent::Ballot { ballot, .. } = event {
                let r = session.rounds.last_mut().unwrap();
                r.ballots.retain(|b| b.voter != ballot.voter);
                voters.insert(ballot.voter);
                r.ballots.push(ballot.into());
                println!("BALLOTS {}", voters.len());
            }
        }
        std::thread::sleep(Duration::from_millis(20));
        let now = Instant::now();
        worst_gap = worst_gap.max(now - last);
        last = now;
    }
    let stats = b.stats();
    println!(
        "DONE ballots={} saves={saves} failed={failed} gap_ms={} requests={} running={}",
        voters.len(),
        worst_gap.as_millis(),
        stats.requests,
        u8::from(stats.state == knoop::ballot::BoxState::Running)
    );
}

/// A value `key=…` of the child's DONE line.
fn field(line: &str, key: &str) -> u64 {
    line.split_whitespace()
        .find_map(|w| w.strip_prefix(key)?.strip_prefix('='))
        .and_then(|v| v.parse().ok())
        .unwrap_or_else(|| panic!("no {key} in {line}"))
}

#[test]
fn two_thousand_slow_connections_leave_saving_the_keyboard_and_honest_phones_working() {
    if std::env::var_os(CHILD).is_some() {
        return;
    }
    let start = Instant::now();
    // Room for the attack's sockets in this process.
    let (_, hard) = open_files_limit();
    let want = hard.min(16_384);
    let limit = libc::rlimit { rlim_cur: want, rlim_max: hard };
    // SAFETY: setrlimit reads the struct we pass.
    unsafe { libc::setrlimit(libc::RLIMIT_NOFILE, &limit) };
    assert!(open_files_limit().0 >= SLOW as libc::rlim_t + 500, "the attack needs its sockets");

    let exe = std::env::current_exe().unwrap();
    let mut child = Command::new("sh")
        .arg("-c")
        .arg("ulimit -n 1024 && exec \"$0\" --exact flood_child --nocapture --test-threads=1")
        .arg(&exe)
        .env(CHILD, "1")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let (lines_tx, lines) = mpsc::channel::<String>();
    let stdout = child.stdout.take().unwrap();
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines().map_while(Result::ok) {
            let _ = lines_tx.send(line);
        }
    });
    let wait_for = |prefix: &str, seconds: u64| -> String {
        let deadline = Instant::now() + Duration::from_secs(seconds);
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            match lines.recv_timeout(left) {
                // The test harness may have begun the line ("test flood_child ... ").
                Ok(line) if line.contains(prefix) => {
                    return line[line.find(prefix).unwrap_or(0)..].to_owned();
                }
                Ok(line) => assert!(!line.contains("SAVE FAILED"), "{line}"),
                Err(_) => panic!("the child never said {prefix:?}"),
            }
        }
    };
    assert_eq!(wait_for("LIMIT", 30), "LIMIT 1024", "the box runs with 1,024 open files");
    let url = wait_for("BOX ", 30)["BOX ".len()..].to_owned();
    let addr = url.trim_start_matches("http://").split('/').next().unwrap().to_owned();

    // The attack: 2,000 connections from 200 addresses; half send part of a request line and
    // headers, half nothing at all, and none ever finishes. Whatever the box closes is
    // opened again, until the test releases them.
    let opened = Arc::new(AtomicUsize::new(0));
    let release = Arc::new(AtomicBool::new(false));
    let attack = {
        let (addr, opened, release) = (addr.clone(), opened.clone(), release.clone());
        std::thread::spawn(move || {
            let slow = |i: usize| {
                let mut stream = phone::connect_from(attacker(i), &addr).ok()?;
                if (i / 2).is_multiple_of(2) {
                    let _ = stream.write_all(b"GET /s/ HTTP/1.1\r\nHost: x\r\nX-Slow: ");
                }
                stream.set_nonblocking(true).ok()?;
                opened.fetch_add(1, Ordering::SeqCst);
                Some(stream)
            };
            let mut held: Vec<Option<TcpStream>> = (0..SLOW).map(slow).collect();
            let mut reopened = 0;
            while !release.load(Ordering::SeqCst) {
                for (i, stream) in held.iter_mut().enumerate() {
                    let closed = match stream {
                        None => true,
                        Some(s) => matches!(std::io::Read::read(s, &mut [0u8; 64]), Ok(0)),
                    };
                    if closed {
                        *stream = slow(i);
                        reopened += 1;
                    }
                }
                std::thread::sleep(Duration::from_millis(50));
            }
            (held.iter().flatten().count(), reopened)
        })
    };
    while opened.load(Ordering::SeqCst) < SLOW / 2 {
        assert!(start.elapsed() < Duration::from_secs(30), "the attack could not connect");
        std::thread::sleep(Duration::from_millis(5));
    }

    // Fifty honest phones vote during the flood.
    let phones: Vec<_> = (1..=PHONES)
        .map(|n| {
            let (addr, url) = (addr.clone(), url.clone());
            std::thread::spawn(move || {
                let mut phone = Phone::new(n, &addr, &url);
                let page = phone.open().status;
                let themes = [16, 1, 5, 2, 3, 6, 8, 15, 18, 4, 9, 17];
                let i = n as usize;
                let form = format!(
                    "t{}=1&t{}=1&t{}=1",
                    themes[i % 12],
                    themes[(i + 1) % 12],
                    themes[(i + 2) % 12]
                );
                (page, phone.send(&form).status)
            })
        })
        .collect();
    let phones_from = start.elapsed();
    let statuses: Vec<(u16, u16)> = phones.into_iter().map(|h| h.join().unwrap()).collect();
    eprintln!("the phones voted between {phones_from:?} and {:?}", start.elapsed());
    assert!(statuses.iter().all(|&s| s == (200, 200)), "every phone voted: {statuses:?}");
    wait_for(&format!("BALLOTS {PHONES}"), 20);
    let during = Instant::now();
    while opened.load(Ordering::SeqCst) < SLOW && during.elapsed() < Duration::from_secs(20) {
        std::thread::sleep(Duration::from_millis(5));
    }
    assert!(opened.load(Ordering::SeqCst) >= SLOW * 95 / 100, "the flood was on");
    // The flood goes on for a while, past the box's header timeouts; the box keeps answering.
    while start.elapsed() < Duration::from_secs(6) {
        std::thread::sleep(Duration::from_millis(100));
    }
    assert_eq!(Phone::new(200, &addr, &url).open().status, 200);
    release.store(true, Ordering::SeqCst);
    let (held, reopened) = attack.join().unwrap();
    eprintln!("the attack held {held} connections and reopened {reopened} the box closed");
    // …and after they are gone.
    assert_eq!(Phone::new(201, &addr, &url).open().status, 200);

    writeln!(stdin, "stop").unwrap();
    let done = wait_for("DONE", 30);
    let _ = child.wait();
    assert_eq!(field(&done, "ballots"), PHONES as u64, "{done}");
    assert_eq!(field(&done, "failed"), 0, "saving kept working: {done}");
    assert!(field(&done, "saves") >= 50, "it saved all along: {done}");
    assert!(field(&done, "gap_ms") < 1000, "the main loop kept turning: {done}");
    assert_eq!(field(&done, "running"), 1, "{done}");
    assert!(held >= SLOW * 95 / 100);
    assert!(start.elapsed() < Duration::from_secs(50), "bounded in time: {:?}", start.elapsed());
    eprintln!("flood test took {:?}: {done}", start.elapsed());
}
