//! A real browser votes: Debian's headless Chromium, driven through chromedriver's WebDriver
//! protocol (plain JSON over HTTP on loopback), opens the ballot page, picks a name, ticks two
//! themes, sends, and the ballot lands in the session. Then the same box serves the inbreng
//! form: the browser sends an activity for a cell, and it waits in the facilitator's queue. Skips, saying so, only where Chromium or
//! chromedriver is missing; `.ci/run` installs them.

mod common;

use std::net::IpAddr;
use std::sync::mpsc;
use std::time::{Duration, Instant};

use common::webdriver::Driver;
use knoop::app::{Msg, update};
use knoop::ballot::{BallotBox, BallotEvent, BoxConfig, BoxInbreng, BoxRound};
use knoop::i18n::Lang;
use knoop::model::{ActivityStatus, Inbreng, ParticipantId, ThemeId, Voter};
use serde_json::json;

/// The key WebDriver names element references with.
const ELEMENT: &str = "element-6066-11e4-a52e-4f735466cecf";

impl Driver {
    /// The WebDriver reference of the element `css` selects.
    fn find(&self, css: &str) -> String {
        let found =
            self.call("POST", "/element", Some(json!({"using": "css selector", "value": css})));
        found["value"][ELEMENT]
            .as_str()
            .unwrap_or_else(|| panic!("no element {css}: {found}"))
            .to_owned()
    }

    fn click(&self, css: &str) {
        let id = self.find(css);
        self.call("POST", &format!("/element/{id}/click"), Some(json!({})));
    }

    /// Types `text` into the field `css`, as a person on a phone would.
    fn type_into(&self, css: &str, text: &str) {
        let id = self.find(css);
        self.call("POST", &format!("/element/{id}/value"), Some(json!({"text": text})));
    }

    /// Waits until the page holds `text`.
    fn wait_for(&self, text: &str) {
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            let page = self.call("GET", "/source", None);
            if page["value"].as_str().unwrap_or_default().contains(text) {
                return;
            }
            assert!(Instant::now() < deadline, "no {text:?} on the page: {page}");
            std::thread::sleep(Duration::from_millis(100));
        }
    }
}

#[test]
fn a_headless_browser_votes_then_sends_an_activity_and_both_land_in_the_session() {
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
    let ballot_box = BallotBox::open(config, move |event| match event {
        BallotEvent::Ballot { round, ballot, .. } => {
            let _ = tx.send(Msg::PhoneBallot(round, ballot));
        }
        BallotEvent::Inbreng { theme, level, text, provider, status, device } => {
            let (id, set_aside, from) = (0, false, device);
            let item = Inbreng { id, theme, level, text, provider, status, from, set_aside };
            let _ = tx.send(Msg::PhoneInbreng(item));
        }
        BallotEvent::Join { .. } | BallotEvent::Stopped(_) => {}
    })
    .unwrap();

    browser.call("POST", "/url", Some(json!({"url": ballot_box.url})));
    let source = browser.call("GET", "/source", None);
    assert!(source["value"].as_str().unwrap_or_default().contains("Wie ben je?"), "{source}");
    browser.click("input[name=voter][value='4']");
    browser.click("input[name=t16]");
    browser.click("input[name=t5]");
    browser.click("button[type=submit]");
    browser.wait_for("Ontvangen");
    while let Ok(action) = rx.try_recv() {
        update(&mut app, action);
    }
    let r = app.session.round(round).unwrap();
    let ballot =
        r.ballot(Voter::Participant(ParticipantId(4))).expect("Ingrid's ballot from the browser");
    assert_eq!(ballot.dots.keys().copied().collect::<Vec<_>>(), [ThemeId(5), ThemeId(16)]);

    // Step 2: the same box (same link, same cookie) serves the inbreng form.
    ballot_box.update(BoxInbreng::of(&app.session));
    browser.call("POST", "/url", Some(json!({"url": ballot_box.url})));
    browser.wait_for("Wat is er al, wat is nodig?");
    let level = app.session.matrix.levels[1].id;
    browser.click(&format!("option[value='1-{}']", level.0));
    browser.click("input[name=s][value=n]");
    browser.type_into("#t", "Beweegmaatje in de pauze");
    browser.type_into("#a", "Buurtsportcoach");
    browser.click("button[type=submit]");
    browser.wait_for("Ontvangen: „Beweegmaatje in de pauze”");
    drop(ballot_box);
    while let Ok(action) = rx.try_recv() {
        update(&mut app, action);
    }
    let queued: Vec<_> = app.session.inbreng.waiting().collect();
    assert_eq!(queued.len(), 1, "the activity waits in the queue");
    let item = queued[0];
    assert_eq!(
        (item.theme, item.level, item.text.as_str(), item.provider.as_str(), item.status),
        (ThemeId(1), level, "Beweegmaatje in de pauze", "Buurtsportcoach", ActivityStatus::Needed)
    );
    let cell = app.session.matrix.theme(ThemeId(1)).unwrap().activities(level);
    assert!(!cell.iter().any(|a| a.text == item.text), "not in the matrix before it is taken in");
}
