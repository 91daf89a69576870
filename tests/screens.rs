//! Whole screens rendered into ratatui's `TestBackend` and snapshotted with insta.

mod common;

use common::screen;
use knoop::app::{App, Msg, Pane, update};
use knoop::i18n::Lang;
use knoop::ui::{self, Palette};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn app() -> App {
    common::example_app()
}

#[test]
fn three_panes_with_the_example_session() {
    common::both_sizes!("panes", &app());
}

#[test]
fn the_matrix_pane_focused_and_zoomed() {
    let mut a = app();
    update(&mut a, Msg::Focus(Pane::Matrix));
    update(&mut a, Msg::ToggleZoom);
    common::both_sizes!("matrix_zoomed", &a);
}

#[test]
fn the_help_overlay_of_the_acties_pane() {
    let mut a = app();
    update(&mut a, Msg::Focus(Pane::Acties));
    update(&mut a, Msg::ToggleHelp);
    common::both_sizes!("help_acties", &a);
}

#[test]
fn the_participants_dialog_with_the_form_open() {
    let mut a = app();
    update(&mut a, Msg::Participants);
    common::both_sizes!("participants", &a);
    update(&mut a, Msg::Add);
    update(&mut a, Msg::Paste("Zoë Ünal".into()));
    common::both_sizes!("participants_form", &a);
}

#[test]
fn a_read_only_session_says_so() {
    let mut a = app();
    a.read_only = Some("anna op laptop (proces 42) sinds ma 23 nov 2026 10:00".into());
    common::both_sizes!("read_only", &a);
}

#[test]
fn too_small_says_so_instead_of_drawing_a_broken_screen() {
    insta::assert_snapshot!("too_small", screen(&app(), 60, 20));
}

#[test]
fn english_on_request() {
    let mut a = app();
    a.lang = Lang::En;
    insta::assert_snapshot!("panes_en_160x48", screen(&a, 160, 48));
}

fn picker() -> knoop::app::Picker {
    let dir = std::path::Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/sessions"));
    let listed = knoop::store::list(dir).unwrap();
    let mut entries: Vec<_> =
        listed.iter().map(|l| knoop::app::PickerEntry::from_listed(l, Lang::Nl)).collect();
    // A fresh session and an unreadable file beside the example.
    entries.push(knoop::app::PickerEntry {
        path: "kapot.json".into(),
        title: None,
        date: None,
        updated: None,
        participants: 0,
        top: vec![],
        error: Some("kapot".into()),
    });
    knoop::app::Picker::new(Lang::Nl, "/home/lotte/knoop".into(), entries, jiff::tz::TimeZone::UTC)
}

fn picker_screen(p: &knoop::app::Picker, width: u16, height: u16) -> String {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal.draw(|f| ui::draw_picker(f, p, &Palette::mono())).unwrap();
    terminal.backend().to_string()
}

#[test]
fn the_session_picker_and_its_new_session_form() {
    let mut p = picker();
    insta::assert_snapshot!("picker_80x24", picker_screen(&p, 80, 24));
    insta::assert_snapshot!("picker_160x48", picker_screen(&p, 160, 48));
    p.update(Msg::Add);
    p.update(Msg::Paste("Knooppunt Het Anker".into()));
    insta::assert_snapshot!("picker_new_80x24", picker_screen(&p, 80, 24));
    insta::assert_snapshot!("picker_new_160x48", picker_screen(&p, 160, 48));
    // `?` in the list, F1 in the form (where `?` is text): the help over the picker.
    p.update(Msg::Close);
    p.update(Msg::ToggleHelp);
    insta::assert_snapshot!("picker_help_80x24", picker_screen(&p, 80, 24));
}

#[test]
fn every_size_from_80x24_to_250x70_draws_all_three_panes() {
    let a = app();
    for (w, h) in [
        (80, 24),
        (81, 25),
        (100, 30),
        (120, 40),
        (160, 48),
        (200, 60),
        (250, 70),
        (80, 70),
        (250, 24),
    ] {
        let text = screen(&a, w, h);
        for title in ["STEMMEN", "Matrix", "Acties", "Stap 1/4"] {
            assert!(text.contains(title), "{title} missing at {w}×{h}:\n{text}");
        }
    }
}

#[test]
fn wide_characters_in_a_field_keep_the_cursor_after_the_text() {
    let mut a = app();
    update(&mut a, Msg::Participants);
    update(&mut a, Msg::Add);
    update(&mut a, Msg::Paste("日本語".into()));
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
    terminal.draw(|f| ui::draw(f, &a, &Palette::mono())).unwrap();
    let text = terminal.backend().to_string();
    assert!(text.contains("▶ Naam          日本語"), "{text}");
    // The field starts after the marker, the label (14) and a space; three wide characters
    // take six columns.
    let cursor = terminal.get_cursor_position().unwrap();
    let field_start = text.lines().nth(cursor.y as usize).unwrap().find("日").unwrap();
    let line = text.lines().nth(cursor.y as usize).unwrap();
    let start_col = line[..field_start].chars().count() as u16 - 1; // the line starts with a quote
    assert_eq!(cursor.x, start_col + 6);
}
