//! The key help (`?`) at 80 columns: descriptions wrapped, never cut with "…"; scrolling with
//! the arrows and page keys; a search typed after `/`.

mod common;

use knoop::app::{App, Msg, Overlay, Pane, help_rows, keymap, update};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use tui_input::InputRequest;

fn run(app: &mut App, msgs: impl IntoIterator<Item = Msg>) {
    for m in msgs {
        update(app, m);
    }
}

/// A key as the terminal sends it, through the key map.
fn press(app: &mut App, code: KeyCode) {
    if let Some(msg) = keymap::msg_for(app, KeyEvent::new(code, KeyModifiers::NONE)) {
        update(app, msg);
    }
}

fn help_at_80x24(pane: Pane) -> App {
    let mut a = common::example_app();
    run(&mut a, [Msg::Resize(80, 24), Msg::Focus(pane), Msg::ToggleHelp]);
    assert!(matches!(a.overlay, Overlay::Help));
    a
}

#[test]
fn at_80x24_no_description_is_cut_on_any_page_of_any_pane() {
    for pane in Pane::ALL {
        let mut a = help_at_80x24(pane);
        let (rows, _) = help_rows(&a, 80);
        let mut seen = String::new();
        for _ in 0..rows.len() {
            let screen = common::screen(&a, 80, 24);
            assert!(!screen.contains('…'), "{pane:?}:\n{screen}");
            seen.push_str(&screen);
            run(&mut a, [Msg::Down]);
        }
        assert!(matches!(a.overlay, Overlay::Help), "scrolling keeps the help open");
        // Every description shows, in full, on some page.
        let t = a.lang.texts();
        for b in keymap::help_lines(&a) {
            for word in (b.help)(t).split_whitespace() {
                assert!(seen.contains(word), "{pane:?}: {word:?} of {:?} never shown", (b.help)(t));
            }
        }
    }
}

#[test]
fn wrapped_rows_hold_each_description_whole() {
    let a = help_at_80x24(Pane::Stemmen);
    let t = a.lang.texts();
    let (rows, key_w) = help_rows(&a, 60);
    let mut joined: Vec<String> = Vec::new();
    for row in &rows {
        assert!(row.text.chars().count() + key_w + 4 <= 60, "{row:?} is wider than the window");
        if row.keys.is_empty() {
            let last = joined.last_mut().expect("a continuation follows an entry");
            last.push(' ');
            last.push_str(&row.text);
        } else {
            joined.push(row.text.clone());
        }
    }
    let wanted: Vec<String> =
        keymap::help_lines(&a).iter().map(|b| (b.help)(t).to_owned()).collect();
    assert_eq!(joined, wanted);
    assert!(rows.len() > wanted.len(), "at 60 columns some description wraps");
}

#[test]
fn the_help_scrolls_and_says_where_it_is() {
    let mut a = help_at_80x24(Pane::Stemmen);
    let top = common::screen(&a, 80, 24);
    assert!(top.contains("1–21 van"), "{top}");
    press(&mut a, KeyCode::PageDown);
    let next = common::screen(&a, 80, 24);
    assert_ne!(top, next);
    press(&mut a, KeyCode::End);
    let end = common::screen(&a, 80, 24);
    assert!(end.contains("Verslag schrijven"), "the last key is on the last page:\n{end}");
    // No scrolling past the end: one step up shows at once.
    press(&mut a, KeyCode::Up);
    assert_ne!(common::screen(&a, 80, 24), end);
    press(&mut a, KeyCode::Home);
    assert_eq!(common::screen(&a, 80, 24), top);
    // Esc closes.
    press(&mut a, KeyCode::Esc);
    assert!(matches!(a.overlay, Overlay::None));
}

#[test]
fn slash_searches_and_esc_clears_then_closes() {
    let mut a = help_at_80x24(Pane::Stemmen);
    press(&mut a, KeyCode::Char('/'));
    assert!(a.help.typing);
    // While typing, letters are text: 'q' does not quit, 'k' does not scroll.
    for c in "timer".chars() {
        press(&mut a, KeyCode::Char(c));
    }
    assert_eq!(a.help.query.value(), "timer");
    let (rows, _) = help_rows(&a, 80);
    assert_eq!(rows.len(), 4, "{rows:?}");
    assert!(rows.iter().all(|r| r.text.to_lowercase().contains("timer")));
    insta::assert_snapshot!("help_search_80x24", common::screen(&a, 80, 24));
    press(&mut a, KeyCode::Enter);
    assert!(!a.help.typing, "Enter ends typing, the search stays");
    assert_eq!(help_rows(&a, 80).0.len(), 4);
    // Nothing found says so.
    press(&mut a, KeyCode::Char('/'));
    update(&mut a, Msg::Input(InputRequest::InsertChar('x')));
    assert!(help_rows(&a, 80).0.is_empty());
    assert!(common::screen(&a, 80, 24).contains("Geen toets gevonden"));
    press(&mut a, KeyCode::Esc);
    assert!(matches!(a.overlay, Overlay::Help), "the first Esc clears the search");
    assert_eq!(a.help.query.value(), "");
    press(&mut a, KeyCode::Esc);
    assert!(matches!(a.overlay, Overlay::None));
    // Opened again: at the top, no search.
    press(&mut a, KeyCode::Char('?'));
    assert_eq!(a.help.scroll, 0);
    assert!(!a.help.typing);
}

#[test]
fn another_key_still_closes_the_help_and_q_still_quits() {
    let mut a = help_at_80x24(Pane::Stemmen);
    press(&mut a, KeyCode::Char('n'));
    assert!(matches!(a.overlay, Overlay::None), "closed");
    assert!(a.session.rounds.len() == common::example_app().session.rounds.len(), "not acted");
    let mut a = help_at_80x24(Pane::Stemmen);
    let effects = update(&mut a, Msg::Quit);
    assert!(effects.iter().any(|e| matches!(e, knoop::app::Effect::Quit { .. })));
}

/// `?` works in every dialog without a text field, F1 in every one with: the help lists the
/// dialog's own keys, and closing it brings the dialog back as it was.
#[test]
fn the_help_opens_over_every_dialog_and_closes_back_to_it() {
    let mut a = common::example_app();
    run(&mut a, [Msg::Resize(80, 24), Msg::Participants, Msg::Down]);
    let before = format!("{:?}", a.overlay);
    press(&mut a, KeyCode::Char('?'));
    assert!(matches!(a.overlay, Overlay::Help), "? opens the help over the participants");
    let t = a.lang.texts();
    let listed: Vec<&str> = keymap::help_lines(&a).iter().map(|b| (b.help)(t)).collect();
    assert!(listed.contains(&t.key_toggle_present), "the participants' own keys: {listed:?}");
    assert!(!listed.contains(&t.key_dot), "no pane key under a dialog: {listed:?}");
    let screen = common::screen(&a, 80, 24);
    assert!(screen.contains("Toetsen"), "{screen}");
    press(&mut a, KeyCode::Esc);
    assert_eq!(format!("{:?}", a.overlay), before, "Esc goes back to the dialog as it was");

    // In a form `?` is text; F1 opens the help, and the typed text waits.
    run(&mut a, [Msg::Add]);
    press(&mut a, KeyCode::Char('?'));
    assert!(!matches!(a.overlay, Overlay::Help), "? types in a form");
    press(&mut a, KeyCode::F(1));
    assert!(matches!(a.overlay, Overlay::Help), "F1 opens the help over a form");
    let listed: Vec<&str> = keymap::help_lines(&a).iter().map(|b| (b.help)(t)).collect();
    assert!(listed.contains(&t.key_form_save), "the form's keys: {listed:?}");
    // `q` over a dialog closes the help, never knoop: the typed text waits.
    press(&mut a, KeyCode::Char('q'));
    let Overlay::Participants(dialog) = &a.overlay else { panic!("{:?}", a.overlay) };
    let form = dialog.form.as_ref().expect("the form is back");
    assert!(format!("{form:?}").contains('?'), "the typed text waits: {form:?}");
}
