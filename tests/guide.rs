//! The guide panel: what each step of the Preventiematrix is for and the keys that do it now.
//! One line at 80×24 above the panes (never over them), several on a tall screen; `i` hides it
//! and the session remembers that; the text follows the step and what is open.

mod common;

use knoop::app::{App, Effect, Msg, Overlay, Pane, Step, guide, update};
use knoop::model::Shared;
use ratatui::layout::Rect;

fn run(app: &mut App, msgs: impl IntoIterator<Item = Msg>) -> Vec<Effect> {
    msgs.into_iter().flat_map(|m| update(app, m)).collect()
}

/// The example with no voting round yet: the first thing a new session shows.
fn no_round() -> App {
    let mut a = common::example_app_with_guide();
    a.session.rounds = Shared::default();
    a
}

fn step(n: usize) -> App {
    let mut a = common::example_app_with_guide();
    run(&mut a, std::iter::repeat_n(Msg::NextStep, n - 1));
    assert_eq!(a.step.number(), n);
    a
}

#[test]
fn the_guide_in_each_step_and_without_a_round() {
    common::both_sizes!("guide_no_round", &no_round());
    common::both_sizes!("guide_step_1", &step(1));
    common::both_sizes!("guide_step_2", &step(2));
    common::both_sizes!("guide_step_3", &step(3));
    common::both_sizes!("guide_step_4", &step(4));
}

#[test]
fn the_guide_with_a_cell_open_and_a_round_running() {
    let mut a = step(2);
    run(&mut a, [Msg::Edit]);
    assert!(matches!(a.overlay, Overlay::Cell(_)));
    common::both_sizes!("guide_cell", &a);

    let mut a = no_round();
    run(&mut a, [Msg::NewRound, Msg::Confirm]);
    assert!(a.shown_round().is_some_and(|r| r.is_open()), "the round started");
    common::both_sizes!("guide_round_open", &a);
}

#[test]
fn the_guide_takes_one_row_at_80x24_and_never_covers_a_pane() {
    let a = no_round();
    let small = knoop::ui::app_areas(Rect::new(0, 0, 80, 24), &a).unwrap();
    assert_eq!(small.guide, Rect::new(0, 0, 80, 1));
    let tall = knoop::ui::app_areas(Rect::new(0, 0, 160, 48), &a).unwrap();
    assert!((2..=5).contains(&tall.guide.height), "{:?}", tall.guide);
    for areas in [small, tall] {
        for (pane, rect) in &areas.panes {
            assert!(!rect.intersects(areas.guide), "{pane:?} under the guide");
            assert!(rect.y >= areas.guide.bottom());
        }
    }
    // What is drawn there is the guide, whole words only.
    let screen = common::screen(&a, 80, 24);
    let first = screen.lines().next().unwrap();
    assert!(first.contains("Stap 1 · Prioriteren"), "{first}");
    assert!(first.contains("n: stemronde starten"), "{first}");
    assert!(!first.contains('…'), "{first}");
    // Hidden, the panes get the row back.
    let mut hidden = no_round();
    run(&mut hidden, [Msg::ToggleGuide]);
    let areas = knoop::ui::app_areas(Rect::new(0, 0, 80, 24), &hidden).unwrap();
    assert_eq!(areas.guide.height, 0);
    assert_eq!(areas.panes[0].1.y, 0);
}

#[test]
fn the_guide_says_what_to_do_now_and_which_key_does_it() {
    let a = no_round();
    let g = guide(&a);
    assert_eq!(g.title, "Stap 1 · Prioriteren");
    assert!(g.now.contains("Nog geen stemronde"), "{}", g.now);
    assert_eq!(g.keys[0].key, "n");
    // The key it names really starts a round.
    let mut b = no_round();
    run(&mut b, [Msg::NewRound]);
    assert!(matches!(b.overlay, Overlay::RoundSetup(_)));

    let mut a = step(2);
    assert!(guide(&a).purpose.contains("drie niveaus"));
    assert_eq!(guide(&a).keys[0].key, "Enter");
    // Another pane focused: the guide says where the work is, and how to get there.
    run(&mut a, [Msg::Focus(Pane::Acties)]);
    let g = guide(&a);
    assert!(g.now.contains("Matrix"), "{}", g.now);
    assert!(g.keys[0].what.contains("Matrix"));

    // Step 4 opens on the agreements: the guide's first key adds one.
    let mut a = step(4);
    assert!(guide(&a).keys.iter().any(|k| k.what == "afspraak toevoegen"), "{:?}", guide(&a));
    run(&mut a, [Msg::ToggleAgreements]);
    assert_eq!(guide(&a).keys[0].key, "A", "back to the actions, A shows the agreements");

    let mut a = step(3);
    a.session.rounds = Shared::default();
    assert!(guide(&a).now.contains("nog geen top 3"), "{}", guide(&a).now);
}

#[test]
fn i_hides_the_guide_saves_it_with_the_session_and_undo_leaves_it() {
    let mut a = no_round();
    assert!(!a.session.guide_hidden, "a session shows the guide by default");
    let effects = run(&mut a, [Msg::ToggleGuide]);
    assert!(a.session.guide_hidden);
    let saved = effects.iter().find_map(|e| match e {
        Effect::Save { session, .. } => Some(session.guide_hidden),
        _ => None,
    });
    assert_eq!(saved, Some(true), "the choice is saved with the session: {effects:?}");
    // An edit, then undo: the edit goes, the guide stays hidden.
    run(&mut a, [Msg::Focus(Pane::Acties), Msg::CycleStatus, Msg::Undo]);
    assert!(a.session.guide_hidden);
    // Read-only: shown again, nothing saved.
    a.read_only = Some("iemand anders".into());
    let effects = run(&mut a, [Msg::ToggleGuide]);
    assert!(!a.session.guide_hidden);
    assert!(!effects.iter().any(|e| matches!(e, Effect::Save { .. })));
}

#[test]
fn the_choice_is_written_only_when_hidden_so_older_files_read_as_shown() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("s.json");
    let mut session = no_round().session;
    session.guide_hidden = false;
    knoop::store::save(&path, &session).unwrap();
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(!text.contains("guide_hidden"), "nothing new in a file that never hid it");
    assert!(!knoop::store::load(&path).unwrap().guide_hidden);
    session.guide_hidden = true;
    knoop::store::save(&path, &session).unwrap();
    assert!(knoop::store::load(&path).unwrap().guide_hidden, "remembered per session");
}

#[test]
fn the_guide_follows_the_step_keys() {
    let mut a = no_round();
    for n in 1..=4 {
        assert_eq!(a.step, Step::ALL[n - 1]);
        assert!(guide(&a).title.contains(&n.to_string()));
        run(&mut a, [Msg::NextStep]);
    }
}
