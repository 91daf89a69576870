//! The meeting-details dialog (`g`): date, start time, place, facilitator and the school and
//! region the meeting is about, kept in the session, shown in the status line and the reports.

mod common;

use knoop::app::{App, Effect, Msg, Overlay, update};
use knoop::i18n::Lang;
use knoop::model::SchoolType;
use knoop::report::{Format, Options, render};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

fn press(app: &mut App, code: KeyCode) -> Vec<Effect> {
    let msg = knoop::app::keymap::msg_for(app, KeyEvent::new(code, KeyModifiers::NONE));
    msg.map(|m| update(app, m)).unwrap_or_default()
}

fn type_text(app: &mut App, text: &str) {
    for c in text.chars() {
        press(app, KeyCode::Char(c));
    }
}

/// Clears the field under the cursor and types `text` into it.
fn replace_field(app: &mut App, text: &str) {
    for _ in 0..80 {
        press(app, KeyCode::Backspace);
    }
    press(app, KeyCode::End);
    for _ in 0..80 {
        press(app, KeyCode::Backspace);
    }
    type_text(app, text);
}

/// Fills the form field by field from the first: date, start, place, facilitator, school,
/// code, type, gemeente, wijk, samenwerkingsverband.
fn fill_form(app: &mut App, values: [&str; 10]) {
    for value in values {
        replace_field(app, value);
        press(app, KeyCode::Tab);
    }
}

#[test]
fn g_opens_the_form_and_enter_keeps_every_field() {
    let mut app = common::example_app();
    press(&mut app, KeyCode::Char('g'));
    assert!(matches!(app.overlay, Overlay::Details(_)), "g opens the meeting details");
    fill_form(
        &mut app,
        [
            "14-1-2027",
            "19.30",
            "Aula",
            "Fatima",
            "OBS De Regenboog",
            "12AB",
            "PO",
            "Alkmaar",
            "Overdie",
            "SWV Noord-Kennemerland",
        ],
    );
    let effects = press(&mut app, KeyCode::Enter);
    assert!(matches!(app.overlay, Overlay::None), "kept and closed");
    assert!(effects.iter().any(|e| matches!(e, Effect::Save { .. })), "and saved: {effects:?}");
    let s = &app.session;
    assert_eq!(s.meeting_date, Some(jiff::civil::date(2027, 1, 14)));
    assert_eq!((s.place.as_str(), s.facilitator.as_str()), ("Aula", "Fatima"));
    let d = &s.details;
    assert_eq!(d.start, jiff::civil::Time::new(19, 30, 0, 0).ok());
    assert_eq!(d.school, "OBS De Regenboog");
    assert_eq!(d.code, "12AB");
    assert_eq!(d.school_type, Some(SchoolType::Po));
    assert_eq!((d.gemeente.as_str(), d.wijk.as_str()), ("Alkmaar", "Overdie"));
    assert_eq!(d.samenwerkingsverband, "SWV Noord-Kennemerland");
    // One undo takes the whole form back.
    update(&mut app, Msg::Undo);
    assert!(app.session.details.is_empty());
}

#[test]
fn a_bad_date_time_or_type_keeps_the_form_open_on_that_field() {
    let mut app = common::example_app();
    let before = app.session.clone();
    update(&mut app, Msg::Details);
    replace_field(&mut app, "morgenochtend vroeg");
    press(&mut app, KeyCode::Enter);
    let Overlay::Details(form) = &app.overlay else { panic!("the form stays open") };
    assert_eq!(form.field, 0);
    assert!(app.message.as_deref().unwrap_or("").contains("geen datum"), "{:?}", app.message);
    replace_field(&mut app, "");
    press(&mut app, KeyCode::Tab);
    replace_field(&mut app, "half acht");
    press(&mut app, KeyCode::Enter);
    let Overlay::Details(form) = &app.overlay else { panic!("the form stays open") };
    assert_eq!(form.field, 1);
    assert!(app.message.as_deref().unwrap_or("").contains("geen tijd"), "{:?}", app.message);
    replace_field(&mut app, "");
    for _ in 0..5 {
        press(&mut app, KeyCode::Tab);
    }
    replace_field(&mut app, "hbo");
    press(&mut app, KeyCode::Enter);
    let Overlay::Details(form) = &app.overlay else { panic!("the form stays open") };
    assert_eq!(form.field, 6);
    assert!(app.message.as_deref().unwrap_or("").contains("soort school"), "{:?}", app.message);
    press(&mut app, KeyCode::Esc);
    assert!(matches!(app.overlay, Overlay::None));
    assert_eq!(app.session, before, "Esc keeps nothing");
}

#[test]
fn a_read_only_session_does_not_open_the_form() {
    let mut app = common::example_app();
    app.read_only = Some("iemand anders".into());
    update(&mut app, Msg::Details);
    assert!(matches!(app.overlay, Overlay::None));
    assert!(app.message.is_some());
}

#[test]
fn the_school_shows_in_the_status_line_and_in_the_reports() {
    let mut app = common::example_app();
    app.session.details.school = "OBS De Regenboog".into();
    app.session.details.gemeente = "Alkmaar".into();
    app.session.details.school_type = Some(SchoolType::Po);
    let screen = common::screen(&app, 160, 48);
    assert!(screen.contains("OBS De Regenboog"), "{screen}");
    for format in [Format::Md, Format::Html] {
        let report = render(&app.session, format, Lang::Nl, Options::default());
        let report = String::from_utf8(report).unwrap();
        assert!(report.contains("OBS De Regenboog"), "{format:?}");
        assert!(report.contains("Gemeente"), "{format:?}");
        assert!(report.contains("Alkmaar"), "{format:?}");
        assert!(report.contains("Soort school"), "{format:?}");
    }
    // An older session without details: the report names no such lines.
    let plain = common::example_app();
    let md = String::from_utf8(render(&plain.session, Format::Md, Lang::Nl, Options::default()));
    assert!(!md.unwrap().contains("Soort school"));
}

#[test]
fn the_form_at_80x24_and_160x48() {
    let mut app = common::example_app();
    app.session.details.school = "OBS De Regenboog".into();
    update(&mut app, Msg::Details);
    common::both_sizes!("details_form", &app);
}
