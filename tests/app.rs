//! `update`-level tests: the app driven by actions, no terminal.

mod common;

use std::time::Duration;

use knoop::app::{App, Msg, Overlay, Pane, Step, keymap, update};
use knoop::model::{ActionStatus, ParticipantId, Role};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use tui_input::InputRequest;

fn app() -> App {
    common::example_app()
}

fn run(app: &mut App, actions: impl IntoIterator<Item = Msg>) {
    for a in actions {
        update(app, a);
    }
}

fn press(app: &mut App, code: KeyCode, mods: KeyModifiers) {
    if let Some(msg) = keymap::msg_for(app, KeyEvent::new(code, mods)) {
        update(app, msg);
    }
}

fn type_text(app: &mut App, text: &str) {
    for c in text.chars() {
        press(app, KeyCode::Char(c), KeyModifiers::NONE);
    }
}

#[test]
fn focus_moves_with_tab_shift_tab_and_clicks() {
    let mut a = app();
    assert_eq!(a.focus, Pane::Stemmen);
    press(&mut a, KeyCode::Tab, KeyModifiers::NONE);
    assert_eq!(a.focus, Pane::Matrix);
    press(&mut a, KeyCode::Tab, KeyModifiers::NONE);
    assert_eq!(a.focus, Pane::Acties);
    press(&mut a, KeyCode::Tab, KeyModifiers::NONE);
    assert_eq!(a.focus, Pane::Stemmen);
    press(&mut a, KeyCode::BackTab, KeyModifiers::SHIFT);
    assert_eq!(a.focus, Pane::Acties);
    run(&mut a, [Msg::Focus(Pane::Matrix)]);
    assert_eq!(a.focus, Pane::Matrix);
}

#[test]
fn zoom_and_help_toggle_and_esc_unzooms() {
    let mut a = app();
    press(&mut a, KeyCode::Char('z'), KeyModifiers::NONE);
    assert!(a.zoomed);
    press(&mut a, KeyCode::Char('?'), KeyModifiers::NONE);
    assert!(matches!(a.overlay, Overlay::Help));
    press(&mut a, KeyCode::Esc, KeyModifiers::NONE);
    assert!(matches!(a.overlay, Overlay::None) && a.zoomed, "Esc closes only the help");
    press(&mut a, KeyCode::Esc, KeyModifiers::NONE);
    assert!(!a.zoomed);
}

#[test]
fn steps_move_the_focus_to_their_pane() {
    let mut a = app();
    press(&mut a, KeyCode::Char('>'), KeyModifiers::NONE);
    assert_eq!((a.step, a.focus), (Step::Inventariseren, Pane::Matrix));
    run(&mut a, [Msg::NextStep, Msg::NextStep, Msg::NextStep]);
    assert_eq!((a.step, a.focus), (Step::Regie, Pane::Acties), "stops at step 4");
    run(&mut a, [Msg::PrevStep, Msg::PrevStep, Msg::PrevStep, Msg::PrevStep]);
    assert_eq!((a.step, a.focus), (Step::Prioriteren, Pane::Stemmen));
}

#[test]
fn the_timer_counts_down_from_ticks_and_says_when_time_is_up() {
    let mut a = app();
    run(&mut a, std::iter::repeat_n(Msg::TimerShorter, 9));
    assert_eq!(a.timer.text(), "01:00");
    press(&mut a, KeyCode::Char('t'), KeyModifiers::NONE);
    run(&mut a, [Msg::Tick(Duration::from_secs(45))]);
    assert_eq!(a.timer.text(), "00:15");
    run(&mut a, [Msg::Tick(Duration::from_secs(20))]);
    assert!(a.timer.is_up());
    press(&mut a, KeyCode::Char('T'), KeyModifiers::SHIFT);
    assert_eq!((a.timer.text(), a.timer.running), ("01:00".to_owned(), false));
}

#[test]
fn an_action_status_edit_is_undone_and_redone() {
    let mut a = app();
    run(&mut a, [Msg::Focus(Pane::Acties), Msg::Down, Msg::Down]);
    assert_eq!(a.session.actions[2].status, ActionStatus::Busy);
    press(&mut a, KeyCode::Char(' '), KeyModifiers::NONE);
    assert_eq!(a.session.actions[2].status, ActionStatus::Done);
    assert!(a.unsaved());
    press(&mut a, KeyCode::Char('u'), KeyModifiers::NONE);
    assert_eq!(a.session.actions[2].status, ActionStatus::Busy);
    press(&mut a, KeyCode::Char('y'), KeyModifiers::CONTROL);
    assert_eq!(a.session.actions[2].status, ActionStatus::Done);
    press(&mut a, KeyCode::Char('z'), KeyModifiers::CONTROL);
    press(&mut a, KeyCode::Char('z'), KeyModifiers::CONTROL);
    assert!(a.message.as_deref().unwrap().contains("niets om ongedaan"));
}

#[test]
fn a_participant_is_added_through_the_dialog_with_accents_and_paste() {
    let mut a = app();
    press(&mut a, KeyCode::Char('p'), KeyModifiers::NONE);
    press(&mut a, KeyCode::Char('a'), KeyModifiers::NONE);
    type_text(&mut a, "Zoë Ünal");
    run(&mut a, [Msg::Input(InputRequest::GoToPrevWord), Msg::Input(InputRequest::DeletePrevChar)]);
    press(&mut a, KeyCode::Tab, KeyModifiers::NONE);
    run(&mut a, [Msg::Paste("Wijkteam\nNoord".into())]);
    press(&mut a, KeyCode::Enter, KeyModifiers::NONE);
    let added = a.session.participants.last().unwrap();
    assert_eq!((added.name.as_str(), added.organisation.as_str()), ("ZoëÜnal", "Wijkteam Noord"));
    assert!(added.present && added.role == Role::Structural);
    // The form is there again for the next one; Enter on it empty goes back to the list.
    let Overlay::Participants(dialog) = &a.overlay else { panic!("{:?}", a.overlay) };
    assert!(dialog.form.as_ref().is_some_and(|f| f.name.value().is_empty()));
    press(&mut a, KeyCode::Enter, KeyModifiers::NONE);
    // Keys in the list toggle presence and role; undo reaches into the dialog too.
    press(&mut a, KeyCode::Char(' '), KeyModifiers::NONE);
    press(&mut a, KeyCode::Char('r'), KeyModifiers::NONE);
    let added = a.session.participants.last().unwrap();
    assert!(!added.present && added.role == Role::Incidental);
    press(&mut a, KeyCode::Char('u'), KeyModifiers::NONE);
    assert_eq!(a.session.participants.last().unwrap().role, Role::Structural);
    press(&mut a, KeyCode::Esc, KeyModifiers::NONE);
    assert!(matches!(a.overlay, Overlay::None));
}

#[test]
fn a_name_is_required_and_has_a_length_limit() {
    let mut a = app();
    // An organisation without a name is refused; an empty form just closes.
    run(&mut a, [Msg::Participants, Msg::Add, Msg::NextField, Msg::Paste("School".into())]);
    run(&mut a, [Msg::Confirm]);
    assert_eq!(a.message.as_deref(), Some("Vul een naam in."));
    run(&mut a, [Msg::Paste("x".repeat(100))]);
    assert!(a.message.as_deref().unwrap().contains("hooguit 80"));
    run(&mut a, [Msg::Confirm]);
    assert_eq!(a.session.participants.last().unwrap().name.chars().count(), 80);
}

#[test]
fn removing_someone_with_actions_asks_and_someone_who_voted_stays() {
    let mut a = app();
    a.session.rounds.clear(); // nobody has voted now
    run(&mut a, [Msg::Participants, Msg::Down, Msg::Down, Msg::Remove]);
    // Ahmed (3rd) owns an action: a question, nothing removed yet.
    assert_eq!(a.session.participants.len(), 8);
    match &a.overlay {
        Overlay::Participants(d) => {
            assert_eq!(d.question.as_ref().unwrap().participant, ParticipantId(3))
        }
        other => panic!("{other:?}"),
    }
    press(&mut a, KeyCode::Char('n'), KeyModifiers::NONE);
    assert_eq!(a.session.participants.len(), 8);
    run(&mut a, [Msg::Remove, Msg::Yes]);
    assert_eq!(a.session.participants.len(), 7);
    assert!(a.session.actions[0].owner.is_none());
    assert_eq!(a.session.validate(), Ok(()));

    let mut a = app();
    run(&mut a, [Msg::Participants, Msg::Remove]);
    assert_eq!(a.session.participants.len(), 8);
    assert!(a.message.as_deref().unwrap().contains("heeft gestemd"));
}

#[test]
fn a_read_only_session_refuses_edits_with_a_message() {
    let mut a = app();
    a.read_only = Some("anna op laptop".into());
    run(&mut a, [Msg::Focus(Pane::Acties), Msg::CycleStatus]);
    assert_eq!(a.session.actions[0].status, ActionStatus::Open);
    assert!(a.message.as_deref().unwrap().starts_with("Alleen-lezen"));
    assert!(!a.unsaved());
    run(&mut a, [Msg::Participants, Msg::Add]);
    match &a.overlay {
        Overlay::Participants(d) => assert!(d.form.is_none()),
        other => panic!("{other:?}"),
    }
}

#[test]
fn saves_reported_by_the_runtime_show_in_the_state() {
    let mut a = app();
    run(&mut a, [Msg::Focus(Pane::Acties), Msg::CycleStatus]);
    let revision = a.revision;
    run(
        &mut a,
        [Msg::Saved {
            revision,
            result: Err(knoop::app::SaveFailure::new("schijf vol", "De schijf is vol.")),
        }],
    );
    assert!(a.unsaved());
    run(&mut a, [Msg::Saved { revision, result: Ok("2026-11-23T10:00:00Z".parse().unwrap()) }]);
    assert!(!a.unsaved());
    press(&mut a, KeyCode::Char('s'), KeyModifiers::CONTROL);
    assert_eq!(a.message.as_deref(), Some("Alles is opgeslagen."));
}

#[test]
fn a_recovered_state_is_restored_on_yes_and_can_be_undone() {
    let mut a = app();
    let mut recovered = a.session.clone();
    recovered.notes = "Na de storing".into();
    a.overlay = Overlay::Recovery(Box::new(recovered));
    press(&mut a, KeyCode::Char('j'), KeyModifiers::NONE);
    assert_eq!(a.session.notes, "Na de storing");
    assert!(a.unsaved());
    run(&mut a, [Msg::Undo]);
    assert_ne!(a.session.notes, "Na de storing");
}

#[test]
fn revealing_a_secret_round_is_an_edit_that_undo_takes_back() {
    let mut a = app();
    press(&mut a, KeyCode::Char('o'), KeyModifiers::NONE);
    assert!(a.message.as_deref().unwrap().contains("niet geheim"));
    assert!(!a.unsaved());
    a.session.rounds[1].secret = true;
    press(&mut a, KeyCode::Char('o'), KeyModifiers::NONE);
    assert!(a.session.rounds[1].revealed && a.session.rounds[1].counts_visible());
    // Undo works across panes: from the Acties pane it takes back the reveal.
    run(&mut a, [Msg::Focus(Pane::Acties), Msg::Undo]);
    assert!(!a.session.rounds[1].counts_visible());
    run(&mut a, [Msg::Redo]);
    assert!(a.session.rounds[1].revealed);
}

#[test]
fn editing_a_themes_evidence_in_the_matrix_pane_is_undone_and_redone() {
    let mut a = app();
    run(&mut a, [Msg::Focus(Pane::Matrix), Msg::Down]);
    // The second focus theme is Gezonde leefstijl.
    press(&mut a, KeyCode::Char('o'), KeyModifiers::NONE);
    assert!(matches!(a.overlay, Overlay::TextField(_)));
    press(&mut a, KeyCode::Char('u'), KeyModifiers::CONTROL); // clear the line
    type_text(&mut a, "GMJ 2023: 14% overgewicht in klas 2");
    press(&mut a, KeyCode::Enter, KeyModifiers::NONE);
    let theme =
        |a: &App| a.session.matrix.theme(knoop::model::ThemeId(1)).unwrap().evidence.clone();
    assert_eq!(theme(&a), "GMJ 2023: 14% overgewicht in klas 2");
    press(&mut a, KeyCode::Char('u'), KeyModifiers::NONE);
    assert!(theme(&a).starts_with("GGD Gezondheidsmonitor"));
    press(&mut a, KeyCode::Char('r'), KeyModifiers::CONTROL);
    assert_eq!(theme(&a), "GMJ 2023: 14% overgewicht in klas 2");
    // Esc leaves the text as it was.
    run(&mut a, [Msg::Edit, Msg::Paste(" extra".into()), Msg::Close]);
    assert_eq!(theme(&a), "GMJ 2023: 14% overgewicht in klas 2");
}
