//! Inbreng: phones send activities for the matrix through the ballot box, they wait in a
//! queue in the session, and the facilitator takes each in with one key, merges a look-alike,
//! or sets it aside. Driven over loopback TCP with several simulated phones, then through
//! `update`.

mod common;
mod phone;

use std::net::IpAddr;
use std::sync::mpsc::{self, Receiver};

use knoop::app::{App, Msg, Overlay, Pane, update};
use knoop::ballot::{BallotBox, BallotEvent, BoxConfig, BoxInbreng, BoxRound, Limits};
use knoop::i18n::Lang;
use knoop::model::{ActivityStatus, Inbreng, ThemeId};
use phone::{Phone, authority};

const LOOPBACK: [u8; 4] = [127, 0, 0, 1];

/// A box on loopback serving the inbreng form of the example, its contributions reaching the
/// app as `Msg::PhoneInbreng`, as the runtime passes them on.
fn open_box(app: &App, limits: Limits) -> (BallotBox, Receiver<Msg>, String) {
    let (tx, rx) = mpsc::channel();
    let serving = BoxInbreng::of(&app.session);
    let config =
        BoxConfig { limits, ..BoxConfig::new(serving, IpAddr::from(LOOPBACK), 0, Lang::Nl) };
    let b = BallotBox::open(config, move |event| {
        if let BallotEvent::Inbreng { theme, level, text, provider, status, device } = event {
            let (id, set_aside, from) = (0, false, device);
            let item = Inbreng { id, theme, level, text, provider, status, from, set_aside };
            let _ = tx.send(Msg::PhoneInbreng(item));
        }
    })
    .unwrap();
    let addr = authority(&b);
    (b, rx, addr)
}

/// The form value of theme × level.
fn cell(theme: u32, app: &App, level: usize) -> String {
    format!("{theme}-{}", app.session.matrix.levels[level].id.0)
}

fn example() -> App {
    let mut app = common::example_app();
    update(&mut app, Msg::Focus(Pane::Matrix));
    app
}

#[test]
fn several_phones_send_activities_that_wait_for_the_facilitator() {
    let mut app = example();
    let (b, rx, addr) = open_box(&app, Limits::default());
    let mut phones: Vec<Phone> = (1..=3).map(|n| Phone::new(n, &addr, &b.url)).collect();
    for p in &mut phones {
        let page = p.open();
        assert_eq!(page.status, 200, "{}", page.body);
        assert!(page.body.contains("Wat is er al, wat is nodig?"), "{}", page.body);
        assert!(page.body.contains("<optgroup label=\"Gezonde leefstijl\">"), "the focus cells");
        assert!(!page.body.contains("label=\"Veilige school\""), "only focus themes and basis");
        assert!(!page.body.contains("Marieke"), "no names on the inbreng page");
    }
    let gezond = cell(1, &app, 0);
    let sent = phones[0].send(&format!("c={gezond}&s=n&t=Kookles+voor+ouders&a=ggd"));
    assert_eq!(sent.status, 200, "{}", sent.body);
    assert!(sent.body.contains("Ontvangen: „Kookles voor ouders”"), "{}", sent.body);
    assert!(sent.body.contains(&format!("value=\"{gezond}\" selected")), "same cell offered again");
    // A near-duplicate of what is in the cell already, from another phone.
    let dup = phones[1].send(&format!("c={gezond}&s=b&t=jong+leren+eten&a="));
    assert_eq!(dup.status, 200);
    // Bad ones: no text, too long, a cell that is not offered, a foreign theme, no token.
    let long = "x".repeat(201);
    for (form, status) in [
        (format!("c={gezond}&s=b&t=++&a="), 422),
        (format!("c={gezond}&s=b&t={long}&a="), 422),
        ("c=7-1&s=b&t=Iets&a=".to_owned(), 422),
        ("c=zzz&s=b&t=Iets".to_owned(), 422),
        ("s=b&t=Iets".to_owned(), 422),
    ] {
        let reply = phones[2].send(&form);
        assert_eq!(reply.status, status, "{form}: {}", reply.body);
    }
    assert_eq!(phones[2].send_with_token("c=1-1&t=x", "f00").status, 403, "a stale page");
    // Control characters from a paste become spaces; one line arrives.
    let tab = phones[2].send(&format!("c={gezond}&s=b&t=Wandel%09club%0Ana+school&a="));
    assert_eq!(tab.status, 200, "{}", tab.body);

    assert_eq!(common::deliver(&mut app, &rx), 3, "three activities passed the box");
    let queue = &app.session.inbreng;
    let texts: Vec<&str> = queue.items.iter().map(|i| i.text.as_str()).collect();
    assert_eq!(texts, ["Kookles voor ouders", "jong leren eten", "Wandel club na school"]);
    assert_eq!(queue.items[0].status, ActivityStatus::Needed);
    assert_eq!(queue.items[0].from, "t1");
    let level = app.session.matrix.levels[0].id;
    let before = app.session.matrix.theme(ThemeId(1)).unwrap().activities(level).len();
    assert!(
        !app.session
            .matrix
            .theme(ThemeId(1))
            .unwrap()
            .activities(level)
            .iter()
            .any(|a| a.text == "Kookles voor ouders"),
        "nothing enters the matrix unseen"
    );
    assert_eq!(app.session.inbreng_look_alike(queue.items[1].id), Some(0), "the look-alike");
    // The queue is in the session: saved with it, so a crash loses none.
    let json = serde_json::to_string(&app.session).unwrap();
    let back: knoop::model::Session = serde_json::from_str(&json).unwrap();
    assert_eq!(back.inbreng, app.session.inbreng);
    assert!(back.validate().is_ok());

    // The facilitator: b, Enter (taken in, with the known provider spelling), s (merged with
    // its look-alike), x (set aside), then the queue holds only the one set aside.
    update(&mut app, Msg::InbrengQueue);
    assert!(matches!(app.overlay, Overlay::Inbreng(_)));
    let screen = common::screen(&app, 120, 36);
    assert!(screen.contains("Kookles voor ouders") && screen.contains("+ Nodig"), "{screen}");
    update(&mut app, Msg::Confirm);
    let after = app.session.matrix.theme(ThemeId(1)).unwrap().activities(level);
    assert_eq!(after.len(), before + 1);
    let taken = after.last().unwrap();
    assert_eq!((taken.text.as_str(), taken.provider.as_str()), ("Kookles voor ouders", "ggd"));
    let screen = common::screen(&app, 120, 36);
    assert!(screen.contains("Lijkt op wat er al staat"), "the look-alike is pointed out: {screen}");
    update(&mut app, Msg::Merge);
    assert_eq!(app.session.matrix.theme(ThemeId(1)).unwrap().activities(level).len(), before + 1);
    update(&mut app, Msg::SetAside);
    assert!(matches!(app.overlay, Overlay::Inbreng(_)), "the set-aside one stays to look at");
    assert_eq!(app.session.inbreng.waiting().count(), 0);
    assert_eq!(app.session.inbreng.items.len(), 1);
    update(&mut app, Msg::Close);

    // Undo is the facilitator's: it brings the set-aside one back, and something a phone sent
    // meanwhile stays in the queue.
    let late = phones[0].send(&format!("c={gezond}&s=b&t=Moestuin&a="));
    assert_eq!(late.status, 200);
    common::deliver(&mut app, &rx);
    update(&mut app, Msg::Undo);
    let texts: Vec<&str> = app.session.inbreng.waiting().map(|i| i.text.as_str()).collect();
    assert_eq!(texts, ["Wandel club na school", "Moestuin"]);
    update(&mut app, Msg::Undo); // the merge
    update(&mut app, Msg::Undo); // the take-in
    let texts: Vec<&str> = app.session.inbreng.waiting().map(|i| i.text.as_str()).collect();
    assert_eq!(texts.len(), 4, "every contribution back in the queue: {texts:?}");
    assert_eq!(app.session.matrix.theme(ThemeId(1)).unwrap().activities(level).len(), before);
}

#[test]
fn a_phone_has_a_budget_and_a_box_serving_votes_takes_no_activities() {
    let mut app = example();
    let limits = Limits { contributions_per_device: 2, ..Limits::default() };
    let (b, rx, addr) = open_box(&app, limits);
    let mut p = Phone::new(1, &addr, &b.url);
    p.open();
    let c = cell(1, &app, 1);
    for (text, status) in [("Een", 200), ("Twee", 200), ("Drie", 429)] {
        assert_eq!(p.send(&format!("c={c}&s=b&t={text}")).status, status, "{text}");
    }
    assert_eq!(common::deliver(&mut app, &rx), 2);
    // The same box switched to a round's ballot: an activity is not a ballot.
    let candidates = app.session.rounds[0].result.as_ref().unwrap().through.clone();
    let round = app.session.start_round("Top 3", candidates, 3);
    b.update(BoxRound::of(&app.session, round).unwrap());
    let page = p.open();
    assert!(!page.body.contains("Activiteit"), "the ballot now: {}", page.body);
    let refused = p.send(&format!("c={c}&s=b&t=Vier"));
    assert_ne!(refused.status, 200);
    assert_eq!(common::deliver(&mut app, &rx), 0);
    // A closed box: nothing more reaches the app (another test's box may get the port).
    drop(b);
    assert_eq!(common::deliver(&mut app, &rx), 0);
}

#[test]
fn the_inbreng_page_as_a_phone_sees_it() {
    let app = example();
    let (b, _rx, addr) = open_box(&app, Limits::default());
    let mut p = Phone::new(1, &addr, &b.url);
    let page = p.open();
    // The page token and the link differ each time: the rest is the page.
    let token = page.page_token().unwrap();
    let action = page.action().unwrap();
    let body = page.body.replace(&token, "PAGINA").replace(&action, "/s/CODE");
    insta::assert_snapshot!("inbreng_page", body);
}

/// `f` in the Matrix pane asks for the box serving the inbreng form; with the ballot open it
/// switches the same box; `b` opens the queue only when something waits.
#[test]
fn f_opens_the_box_for_inbreng_and_b_the_queue() {
    let mut app = example();
    let effects = update(&mut app, Msg::TogglePhones);
    assert!(
        format!("{effects:?}").contains("OpenPhones { serving: Inbreng"),
        "the box opens for inbreng: {effects:?}"
    );
    update(&mut app, Msg::InbrengQueue);
    assert!(matches!(app.overlay, Overlay::None));
    assert!(app.message.as_deref().unwrap_or_default().contains("Nog niets binnengekomen"));
    let view = knoop::app::PhonesView::new(
        knoop::app::PhonesFor::Inbreng,
        "http://192.168.1.20:8080/s/abcdef0123456789abcdef0123456789",
        "http://192.168.1.20:8080/s/abc123",
        "abc123",
    );
    update(&mut app, Msg::PhonesOpened(Ok(view)));
    let level = app.session.matrix.levels[1].id;
    for text in ["Schoolfruit ook op vrijdag", "Sportdag met de buurtsportcoach"] {
        let item = Inbreng {
            id: 0,
            theme: ThemeId(1),
            level,
            text: text.into(),
            provider: String::new(),
            status: ActivityStatus::Existing,
            from: "t2".into(),
            set_aside: false,
        };
        update(&mut app, Msg::PhoneInbreng(item));
    }
    update(&mut app, Msg::Down); // a key clears the message of before
    common::both_sizes!("inbreng_queue_beside_matrix", &app);
    update(&mut app, Msg::InbrengQueue);
    common::both_sizes!("inbreng_dialog", &app);
    // Enter twice: both in the matrix, the queue done and closed.
    update(&mut app, Msg::Confirm);
    update(&mut app, Msg::Confirm);
    assert!(matches!(app.overlay, Overlay::None));
    assert!(app.session.inbreng.is_empty());
    assert!(app.message.as_deref().unwrap_or_default().contains("verwerkt"));
}

/// What the box let through but the session can no longer take (its row was removed a moment
/// before) is said on screen, never dropped unseen.
#[test]
fn a_contribution_the_session_cannot_take_is_said_on_screen() {
    let mut app = example();
    let item = Inbreng {
        id: 0,
        theme: ThemeId(9999),
        level: app.session.matrix.levels[0].id,
        text: "Iets".into(),
        provider: String::new(),
        status: ActivityStatus::Existing,
        from: "t1".into(),
        set_aside: false,
    };
    update(&mut app, Msg::PhoneInbreng(item));
    assert!(app.session.inbreng.is_empty());
    let said = app.message.clone().unwrap_or_default();
    assert!(said.contains("niet in de rij") && said.contains("matrix"), "{said}");
}
