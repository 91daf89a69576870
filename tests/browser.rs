//! A real browser votes: Debian's headless Chromium, driven through chromedriver's WebDriver
//! protocol (plain JSON over HTTP on loopback), opens the ballot page, picks a name, ticks two
//! themes, sends, and the ballot lands in the session. Skips, saying so, only where Chromium or
//! chromedriver is missing; `.ci/run` installs them.

mod common;

use std::net::IpAddr;
use std::sync::mpsc;
use std::time::{Duration, Instant};

use common::webdriver::Driver;
use knoop::app::{Msg, update};
use knoop::ballot::{BallotBox, BallotEvent, BoxConfig, BoxRound};
use knoop::i18n::Lang;
use knoop::model::{ParticipantId, ThemeId, Voter};
use serde_json::json;

/// The key WebDriver names element references with.
const ELEMENT: &str = "element-6066-11e4-a52e-4f735466cecf";

impl Driver {
    fn click(&self, css: &str) {
        let found =
            self.call("POST", "/element", Some(json!({"using": "css selector", "value": css})));
        let id = found["value"][ELEMENT]
            .as_str()
            .unwrap_or_else(|| panic!("no element {css}: {found}"))
            .to_owned();
        self.call("POST", &format!("/element/{id}/click"), Some(json!({})));
    }
}

#[test]
fn a_headless_browser_votes_and_the_ballot_lands_in_the_session() {
    let profile = tempfile::tempdir().unwrap();
    let Some(browser) = Driver::start(profile.path(), &[], "the real-browser test") else { return };

    let mut app = common::example_app();
    let candidates = app.session.rounds[0].result.as_ref().unwrap().through.clone();
    let round = app.session.start_round("Top 3", candidates, 3);
    let (tx, rx) = mpsc::channel();
    let config = BoxConfig::new(
        BoxRound::of(&app.session, round).unwrap(),
        IpAddr::from([127, 0, 0, 1]),
        0,
        Lang::Nl,
    );
    let ballot_box = BallotBox::open(config, move |event| {
        if let BallotEvent::Ballot { round, ballot, .. } = event {
            let _ = tx.send(Msg::PhoneBallot(round, ballot));
        }
    })
    .unwrap();

    browser.call("POST", "/url", Some(json!({"url": ballot_box.url})));
    let source = browser.call("GET", "/source", None);
    assert!(source["value"].as_str().unwrap_or_default().contains("Wie ben je?"), "{source}");
    browser.click("input[name=voter][value='4']");
    browser.click("input[name=t16]");
    browser.click("input[name=t5]");
    browser.click("button[type=submit]");
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        let page = browser.call("GET", "/source", None);
        if page["value"].as_str().unwrap_or_default().contains("Ontvangen") {
            break;
        }
        assert!(Instant::now() < deadline, "no confirmation page: {page}");
        std::thread::sleep(Duration::from_millis(100));
    }
    drop(ballot_box);
    while let Ok(action) = rx.try_recv() {
        update(&mut app, action);
    }
    let r = app.session.round(round).unwrap();
    let ballot =
        r.ballot(Voter::Participant(ParticipantId(4))).expect("Ingrid's ballot from the browser");
    assert_eq!(ballot.dots.keys().copied().collect::<Vec<_>>(), [ThemeId(5), ThemeId(16)]);
}
