//! Open seats: a new session lists the seed's structural partners as slots to fill. A slot
//! is not a participant, so voting, owners, validation and reports never see it; Enter in
//! the participants dialog turns one into a present participant of that kind.

mod common;

use std::path::PathBuf;

use knoop::app::{App, Msg, Overlay, update};
use knoop::i18n::Lang;
use knoop::model::{Partner, Session, Voter, template};
use knoop::report::{Format, Options, render};

fn run(app: &mut App, msgs: impl IntoIterator<Item = Msg>) {
    for m in msgs {
        update(app, m);
    }
}

fn new_app() -> App {
    let session = Session::new("Nieuw", &template::PREVENTIEMATRIX, jiff::Timestamp::UNIX_EPOCH);
    let mut app = App::new(session, PathBuf::from("nieuw.json"), Lang::Nl);
    app.today = common::TODAY;
    app.session.guide_hidden = true;
    app
}

#[test]
fn a_new_session_lists_the_structural_partners_as_open_seats() {
    let s = Session::new("Nieuw", &template::ONDERWIJS_JEUGDHULP, jiff::Timestamp::UNIX_EPOCH);
    assert_eq!(s.open_seats.as_slice(), Partner::STRUCTURAL_SEATS.as_slice());
    assert!(s.participants.is_empty(), "a seat is no participant");
    for k in [Partner::Jgz, Partner::Toegang, Partner::Ouders, Partner::Leerlingen] {
        assert!(s.open_seats.contains(&k), "{k:?} belongs at the table");
    }
    // Nobody sits in them yet, so the method's warning still names all four.
    assert_eq!(s.missing_partners(), Partner::ESSENTIAL);
    s.validate().expect("open seats are a valid session");
}

#[test]
fn open_seats_survive_a_save_and_older_files_have_none() {
    let dir = tempfile::tempdir().unwrap();
    let s = Session::new("Nieuw", &template::PREVENTIEMATRIX, jiff::Timestamp::UNIX_EPOCH);
    let path = knoop::store::create(dir.path(), &s).unwrap();
    let back = knoop::store::load(&path).unwrap();
    assert_eq!(back.open_seats, s.open_seats);
    // The example was written before seats existed: it loads without any.
    assert!(common::example_app().session.open_seats.is_empty());
}

#[test]
fn seats_do_not_vote_own_work_or_show_in_reports() {
    let mut s = Session::new("Nieuw", &template::PREVENTIEMATRIX, jiff::Timestamp::UNIX_EPOCH);
    let candidates = s.votable_themes();
    let round = s.start_round("Ronde 1", candidates.clone(), 3);
    let id = s.fill_seat(Partner::Jgz, "Sanne", "GGD").expect("the JGZ seat is open");
    s.add_dot(round, Voter::Participant(id), candidates[0]).expect("a filled seat votes");
    assert_eq!(s.fill_seat(Partner::Jgz, "Nog een", "GGD"), None, "the seat is taken");
    assert_eq!(s.open_seats.len(), Partner::STRUCTURAL_SEATS.len() - 1);
    assert_eq!(s.participants.len(), 1);
    s.validate().expect("still valid");
    let md = String::from_utf8(render(&s, Format::Md, Lang::Nl, Options::default())).unwrap();
    assert!(md.contains("| Sanne | GGD |"), "{md}");
    assert!(!md.contains("open plek"), "{md}");
    assert!(md.contains("⚠ Niet aan tafel: leerlingen, ouders, wijkteam/toegang"), "{md}");
}

#[test]
fn enter_on_a_seat_fills_it_and_d_removes_it_undoably() {
    let mut a = new_app();
    run(&mut a, [Msg::Participants]);
    common::both_sizes!("participants_open_seats", &a);
    // The third seat is JGZ: Enter opens the form with the partner as organisation.
    run(&mut a, [Msg::Down, Msg::Down, Msg::Edit]);
    let Overlay::Participants(d) = &a.overlay else { panic!("the dialog stays") };
    let form = d.form.as_ref().expect("the form opens");
    assert_eq!(form.seat, Some(Partner::Jgz));
    assert_eq!(form.organisation.value(), "JGZ");
    let screen = common::screen(&a, 80, 24);
    assert!(screen.contains("Open plek vullen: JGZ"), "{screen}");
    run(&mut a, [Msg::Paste("Sanne Jansen".into()), Msg::Confirm]);
    let p = &a.session.participants[0];
    assert_eq!((p.name.as_str(), p.partner, p.present), ("Sanne Jansen", Some(Partner::Jgz), true));
    assert!(!a.session.open_seats.contains(&Partner::Jgz));
    assert!(!a.session.missing_partners().contains(&Partner::Jgz));
    // Leerplicht does not come to this school: its seat goes, and comes back with undo.
    let leerplicht =
        1 + a.session.open_seats.iter().position(|&k| k == Partner::Leerplicht).unwrap();
    let Overlay::Participants(d) = &mut a.overlay else { panic!() };
    d.selected = leerplicht;
    run(&mut a, [Msg::Remove]);
    assert!(!a.session.open_seats.contains(&Partner::Leerplicht));
    run(&mut a, [Msg::Undo]);
    assert!(a.session.open_seats.contains(&Partner::Leerplicht));
    run(&mut a, [Msg::Undo]);
    assert!(a.session.participants.is_empty(), "filling a seat is one undo step");
    assert_eq!(a.session.open_seats.as_slice(), Partner::STRUCTURAL_SEATS.as_slice());
}
