//! The way a message travels: `update` decides, through one exhaustive match on the overlay,
//! who gets a key, and returns what the runtime must do as effects. All without a terminal.

mod common;

use std::path::PathBuf;

use knoop::app::{
    App, Effect, Msg, Overlay, Pane, ParticipantsDialog, PhonesView, Review, RoundSetup,
    SaveFailure, SaveState, TextField, TextTarget, TieDialog, update,
};
use knoop::model::{RoundId, Session, Voter};

/// The example with an open top-3 round, a voter chosen, in the Stemmen pane.
fn voting() -> (App, RoundId) {
    let mut app = common::example_app();
    let candidates = app.session.rounds[0].result.as_ref().unwrap().through.clone();
    let round = app.session.start_round("Top 3", candidates, 3);
    update(&mut app, Msg::Focus(Pane::Stemmen));
    update(&mut app, Msg::VoterWithDotsLeft);
    assert!(app.voting.voter.is_some());
    (app, round)
}

fn saves(effects: &[Effect]) -> Vec<(u64, bool)> {
    effects
        .iter()
        .filter_map(|e| match e {
            Effect::Save { revision, now, .. } => Some((*revision, *now)),
            _ => None,
        })
        .collect()
}

#[test]
fn an_edit_asks_for_a_save_of_exactly_that_state() {
    let (mut app, round) = voting();
    let effects = update(&mut app, Msg::Dot);
    assert_eq!(saves(&effects), vec![(app.revision, false)]);
    let Some(Effect::Save { session, .. }) = effects.first() else { panic!("{effects:?}") };
    assert_eq!(session, &app.session, "the state to write is the state on screen");
    assert_eq!(session.round(round).unwrap().ballots.len(), 1);
    // Moving changes nothing on disk: no save.
    assert!(saves(&update(&mut app, Msg::Down)).is_empty());
    // Undo is a change too.
    assert_eq!(saves(&update(&mut app, Msg::Undo)).len(), 1);
}

fn disk_full() -> SaveFailure {
    SaveFailure::new("schijf vol", "knooppunt.json kon niet worden opgeslagen: de schijf is vol.")
}

#[test]
fn quitting_waits_for_the_last_save_and_never_leaves_an_edit_behind() {
    let (mut app, _) = voting();
    update(&mut app, Msg::Dot);
    let effects = update(&mut app, Msg::Quit);
    assert_eq!(saves(&effects), vec![(app.revision, true)], "written at once");
    assert!(!effects.contains(&Effect::QUIT), "not before it is on disk");
    // The disk refuses: knoop stays, tries again by itself, and asks what to do.
    let revision = app.revision;
    let failed = update(&mut app, Msg::Saved { revision, result: Err(disk_full()) });
    assert!(!failed.contains(&Effect::QUIT));
    assert!(
        failed.iter().any(|e| matches!(e, Effect::RetrySave { revision: r, .. } if *r == revision)),
        "{failed:?}"
    );
    assert!(matches!(app.save_state, SaveState::Failed { attempts: 1, .. }));
    assert!(matches!(app.overlay, Overlay::Unsaved(_)), "asks what to do");
    // Try again: this time it is written, and then it stops.
    let again = update(&mut app, Msg::RetrySave);
    assert_eq!(saves(&again), vec![(revision, true)]);
    let done = update(&mut app, Msg::Saved { revision, result: Ok(jiff::Timestamp::now()) });
    assert_eq!(done, vec![Effect::QUIT]);
}

#[test]
fn a_failed_save_is_tried_again_less_and_less_often() {
    let (mut app, _) = voting();
    update(&mut app, Msg::Dot);
    let revision = app.revision;
    let mut waits = Vec::new();
    for _ in 0..7 {
        let effects = update(&mut app, Msg::Saved { revision, result: Err(disk_full()) });
        for e in effects {
            if let Effect::RetrySave { after, .. } = e {
                waits.push(after.as_secs());
            }
        }
    }
    assert_eq!(waits, vec![1, 2, 5, 10, 30, 30, 30]);
    // The countdown on screen runs with the ticks, a second at a time.
    let SaveState::Failed { retry_in, .. } = app.save_state.clone() else { panic!() };
    assert_eq!(retry_in.as_secs(), 30);
    let before = app.view_revision;
    update(&mut app, Msg::Tick(std::time::Duration::from_secs(1)));
    assert!(app.view_revision > before, "the countdown is redrawn");
    let screen = common::screen(&app, 160, 48);
    assert!(screen.contains("Niet opgeslagen: schijf vol — nieuwe poging over 29 s"), "{screen}");
    // Once the disk has room, the next save clears it.
    update(&mut app, Msg::Saved { revision, result: Ok(jiff::Timestamp::now()) });
    assert!(matches!(app.save_state, SaveState::Saved(_)));
}

#[test]
fn unsaved_work_can_be_kept_in_knoops_folder_and_knoop_says_where() {
    let (mut app, _) = voting();
    update(&mut app, Msg::Dot);
    update(&mut app, Msg::Quit);
    let revision = app.revision;
    update(&mut app, Msg::Saved { revision, result: Err(disk_full()) });
    let effects = update(&mut app, Msg::KeepInDataFolder);
    let [Effect::WriteRecovery { session }] = effects.as_slice() else { panic!("{effects:?}") };
    assert_eq!(session, &app.session, "exactly what is on screen");
    let kept = PathBuf::from("/home/fac/.local/share/knoop/recovery/knooppunt-1a2b.json");
    let done = update(&mut app, Msg::RecoveryWritten(Ok(kept.clone())));
    let [Effect::Quit { farewell: Some(farewell) }] = done.as_slice() else { panic!("{done:?}") };
    assert!(farewell.contains(&kept.display().to_string()), "{farewell}");
}

#[test]
fn unsaved_work_can_be_saved_under_another_name() {
    let (mut app, _) = voting();
    update(&mut app, Msg::Dot);
    update(&mut app, Msg::Quit);
    let revision = app.revision;
    update(&mut app, Msg::Saved { revision, result: Err(disk_full()) });
    update(&mut app, Msg::SaveElsewhere);
    let Overlay::Unsaved(dialog) = &app.overlay else { panic!() };
    let suggested = dialog.path.as_ref().expect("a path to edit").value().to_owned();
    assert!(suggested.ends_with("voorbeeld-basisschool-kopie.json"), "{suggested}");
    let effects = update(&mut app, Msg::Confirm);
    let [Effect::SaveAs { path, revision: r, .. }] = effects.as_slice() else { panic!() };
    assert_eq!((path.display().to_string(), *r), (suggested.clone(), revision));
    let done = update(&mut app, Msg::SavedAs(Ok((revision, PathBuf::from(&suggested)))));
    assert_eq!(app.path, PathBuf::from(&suggested), "saves go there from now on");
    assert!(matches!(done.as_slice(), [Effect::Quit { farewell: Some(_) }]), "{done:?}");
}

#[test]
fn a_taken_over_lock_stays_on_screen_until_seen() {
    let mut app = common::example_app();
    app.overlay = Overlay::Notice {
        text: "Een knoop van Sanne op laptop-2 stopte onverwacht.".into(),
        then: Box::new(Overlay::None),
    };
    update(&mut app, Msg::FocusNext);
    update(&mut app, Msg::Down);
    assert!(matches!(app.overlay, Overlay::Notice { .. }), "other keys do not make it go");
    assert!(common::screen(&app, 80, 24).contains("stopte onverwacht"));
    update(&mut app, Msg::Confirm);
    assert!(matches!(app.overlay, Overlay::None));
}

#[test]
fn quitting_with_nothing_to_write_stops_at_once() {
    let mut app = common::example_app();
    assert_eq!(update(&mut app, Msg::Quit), vec![Effect::QUIT]);
    let mut read_only = common::example_app();
    read_only.read_only = Some("Sanne op laptop-2".into());
    assert_eq!(update(&mut read_only, Msg::Quit), vec![Effect::QUIT]);
}

#[test]
fn ctrl_s_writes_now_or_says_all_is_saved() {
    let (mut app, _) = voting();
    assert!(saves(&update(&mut app, Msg::Save)).is_empty());
    assert!(app.message.is_some(), "says everything is saved");
    update(&mut app, Msg::Dot);
    assert_eq!(saves(&update(&mut app, Msg::Save)), vec![(app.revision, true)]);
}

#[test]
fn export_is_an_effect_and_its_answer_a_message() {
    let mut app = common::example_app();
    let effects = update(&mut app, Msg::Export);
    let [Effect::Export { path, session, .. }] = effects.as_slice() else { panic!("{effects:?}") };
    assert_eq!(path, &PathBuf::from(common::EXAMPLE).with_extension("md"));
    assert_eq!(session, &app.session);
    update(&mut app, Msg::Exported(Ok(path.clone())));
    assert!(app.message.as_deref().unwrap_or_default().contains("voorbeeld-basisschool.md"));
    update(&mut app, Msg::Exported(Err("schijf vol".into())));
    assert!(app.message.as_deref().unwrap_or_default().contains("schijf vol"));
}

fn phones_view(round: RoundId) -> PhonesView {
    PhonesView::new(
        knoop::app::PhonesFor::Round(round),
        "http://192.168.1.2:8000/v/long",
        "http://192.168.1.2:8000/s/abc",
        "abc",
    )
}

#[test]
fn the_ballot_box_opens_follows_the_round_and_closes_with_it() {
    let (mut app, round) = voting();
    assert_eq!(
        update(&mut app, Msg::TogglePhones),
        vec![Effect::OpenPhones { serving: knoop::app::PhonesFor::Round(round), address: 0 }]
    );
    update(&mut app, Msg::PhonesOpened(Ok(phones_view(round))));
    assert!(app.phones.is_some());
    // A dot at the keyboard: the box learns the new state of the round.
    let effects = update(&mut app, Msg::Dot);
    assert!(effects.contains(&Effect::SyncPhones), "{effects:?}");
    // A phone's ballot arrives as a message and is an edit like any other.
    let ballot = knoop::model::Ballot { voter: Voter::Anonymous(99), dots: Default::default() };
    let before = app.view_revision;
    update(&mut app, Msg::PhoneBallot(round, ballot));
    assert!(app.view_revision > before, "the pane is redrawn");
    // Closing the round closes the box.
    let effects = update(&mut app, Msg::CloseRound);
    assert!(effects.contains(&Effect::ClosePhones), "{effects:?}");
    assert!(app.phones.is_none());
}

#[test]
fn the_box_says_why_it_could_not_open_or_stopped() {
    let (mut app, round) = voting();
    update(&mut app, Msg::TogglePhones);
    update(&mut app, Msg::PhonesOpened(Err("adres in gebruik".into())));
    assert!(app.phones.is_none());
    assert!(app.message.as_deref().unwrap_or_default().contains("adres in gebruik"));
    update(&mut app, Msg::PhonesOpened(Ok(phones_view(round))));
    update(&mut app, Msg::PhonesStopped("netwerk weg".into()));
    assert!(app.phones.is_none(), "no QR code of a box that is gone");
    assert!(app.message.as_deref().unwrap_or_default().contains("netwerk weg"));
    // f again while open closes it.
    update(&mut app, Msg::PhonesOpened(Ok(phones_view(round))));
    assert_eq!(update(&mut app, Msg::TogglePhones), vec![Effect::ClosePhones]);
}

#[test]
fn a_read_only_session_opens_no_ballot_box() {
    let (mut app, _) = voting();
    app.read_only = Some("Sanne op laptop-2".into());
    assert_eq!(update(&mut app, Msg::TogglePhones), vec![]);
    assert!(app.message.is_some(), "says why");
}

#[test]
fn a_screen_too_small_lets_only_quit_and_help_act() {
    let (mut app, round) = voting();
    update(&mut app, Msg::Resize(60, 20));
    assert!(app.too_small);
    for msg in [Msg::Dot, Msg::FocusNext, Msg::Undo, Msg::NewRound, Msg::Participants] {
        assert_eq!(update(&mut app, msg.clone()), vec![], "{msg:?}");
    }
    assert_eq!(app.session.round(round).unwrap().ballots.len(), 0);
    assert!(matches!(app.overlay, Overlay::None));
    update(&mut app, Msg::ToggleHelp);
    assert!(matches!(app.overlay, Overlay::Help));
    update(&mut app, Msg::Resize(80, 24));
    assert!(!app.too_small);
    assert_eq!(update(&mut app, Msg::Quit), vec![Effect::QUIT]);
}

#[test]
fn a_tick_redraws_only_when_the_timebox_shows_something_new() {
    let mut app = common::example_app();
    let before = app.view_revision;
    update(&mut app, Msg::Tick(std::time::Duration::from_secs(5)));
    assert_eq!(app.view_revision, before, "a paused timer: nothing to draw");
    update(&mut app, Msg::TimerStartPause);
    let running = app.view_revision;
    update(&mut app, Msg::Tick(std::time::Duration::from_millis(300)));
    update(&mut app, Msg::Tick(std::time::Duration::from_millis(300)));
    assert_eq!(app.view_revision, running, "the same second on screen");
    update(&mut app, Msg::Tick(std::time::Duration::from_secs(1)));
    assert!(app.view_revision > running, "a new second");
}

/// Every overlay there is, over an app that is voting in the Stemmen pane.
fn every_overlay(app: &App, round: RoundId) -> Vec<Overlay> {
    let closed = app.session.rounds[0].id;
    let mut with_tie = app.session.clone();
    with_tie.rounds.clear();
    vec![
        Overlay::Help,
        Overlay::Participants(ParticipantsDialog::default()),
        Overlay::TextField(TextField::open(app, TextTarget::NewTheme).expect("a form")),
        Overlay::RoundSetup(RoundSetup::for_session(&app.session)),
        Overlay::Tie(TieDialog { round, pick: None }),
        Overlay::ConfirmReopen(closed),
        Overlay::TopThree,
        Overlay::Cell(knoop::app::CellEditor {
            theme: app.session.matrix.themes[0].id,
            level: app.session.matrix.levels[0].id,
            selected: 0,
            form: None,
        }),
        Overlay::ConfirmRemove(knoop::app::Removal::Theme(app.session.matrix.themes[0].id, 3)),
        Overlay::ActieForm(knoop::app::ActieForm {
            target: knoop::app::FormTarget::Actie(None),
            field: 0,
            text: Default::default(),
            owner: Default::default(),
            date: Default::default(),
            question: None,
            theme: None,
            suggestion: None,
        }),
        Overlay::Review(Review::of(&app.session).expect("the example has open actions")),
        Overlay::Recovery(Box::new(with_tie)),
        Overlay::Notice { text: "Let op".into(), then: Box::new(Overlay::None) },
        Overlay::Unsaved(Default::default()),
    ]
}

/// What the panes would change: the open round's dots, the focus, the step, the zoom.
fn pane_state(app: &App, round: RoundId) -> (usize, Pane, usize, bool, Option<Voter>) {
    let dots = app.session.round(round).map_or(0, |r| r.ballots.len());
    (dots, app.focus, app.step.number(), app.zoomed, app.voting.voter)
}

#[test]
fn every_overlay_swallows_the_keys_of_the_panes_beneath() {
    let (app, round) = voting();
    let pane_keys = [
        Msg::Dot,
        Msg::TakeBack,
        Msg::NextVoter,
        Msg::CloseRound,
        Msg::NewRound,
        Msg::TogglePhones,
        Msg::BigTop,
        Msg::FocusNext,
        Msg::NextStep,
        Msg::ToggleZoom,
        Msg::Export,
        Msg::Participants,
        Msg::Undo,
    ];
    for overlay in every_overlay(&app, round) {
        for key in &pane_keys {
            let mut a = App::new(app.session.clone(), app.path.clone(), app.lang);
            a.focus = Pane::Stemmen;
            a.voting = app.voting.clone();
            a.overlay = overlay.clone();
            let before = pane_state(&a, round);
            let effects = update(&mut a, key.clone());
            assert_eq!(pane_state(&a, round), before, "{key:?} acted under {overlay:?}");
            assert!(
                !effects.iter().any(|e| matches!(
                    e,
                    Effect::Export { .. } | Effect::OpenPhones { .. } | Effect::Quit { .. }
                )),
                "{key:?} under {overlay:?} gave {effects:?}"
            );
            assert!(
                !matches!(a.overlay, Overlay::RoundSetup(_) | Overlay::Participants(_))
                    || matches!(overlay, Overlay::RoundSetup(_) | Overlay::Participants(_)),
                "{key:?} under {overlay:?} opened a pane's dialog"
            );
        }
    }
}

#[test]
fn the_recovery_question_is_answered_before_anything_else() {
    let (mut app, round) = voting();
    let mut recovered: Session = app.session.clone();
    recovered.title = "Hersteld".into();
    app.overlay = Overlay::Recovery(Box::new(recovered));
    update(&mut app, Msg::Dot);
    assert!(matches!(app.overlay, Overlay::Recovery(_)), "still asking");
    assert_eq!(app.session.round(round).unwrap().ballots.len(), 0);
    let effects = update(&mut app, Msg::Yes);
    assert_eq!(app.session.title, "Hersteld");
    assert!(effects.contains(&Effect::DiscardRecovery));
    assert_eq!(saves(&effects).len(), 1, "the recovered state is written");
}

#[test]
fn a_phones_ballot_changes_at_the_keyboard_only_when_asked_twice_and_can_be_voided() {
    let (mut app, round) = voting();
    let voter = app.voting.voter.expect("a voter");
    let theme = app.session.round(round).unwrap().candidates[0];
    let ballot = knoop::model::Ballot { voter, dots: [(theme, 1)].into_iter().collect() };
    update(&mut app, Msg::PhonesOpened(Ok(phones_view(round))));
    update(&mut app, Msg::PhoneBallot(round, ballot));
    let dots = |app: &App| app.session.round(round).unwrap().ballot(voter).map_or(0, |b| b.total());
    assert_eq!(dots(&app), 1);
    // The first key only warns: this person voted from a phone.
    update(&mut app, Msg::Down);
    update(&mut app, Msg::Dot);
    assert_eq!(dots(&app), 1, "not changed yet");
    assert!(app.message.as_deref().unwrap_or_default().contains("telefoon"));
    update(&mut app, Msg::Dot);
    assert_eq!(dots(&app), 2, "asked twice: changed");
    // w voids the ballot, tells the box, and undo brings it back.
    let effects = update(&mut app, Msg::VoidBallot);
    assert_eq!(dots(&app), 0);
    assert!(effects.contains(&Effect::VoidPhone(voter)), "{effects:?}");
    update(&mut app, Msg::Undo);
    assert_eq!(dots(&app), 2);
}

#[test]
fn f_shifted_opens_the_box_on_the_next_address() {
    let (mut app, round) = voting();
    update(&mut app, Msg::TogglePhones);
    let mut view = phones_view(round);
    view.addresses = vec!["192.168.1.2 · wlan0".into(), "10.0.0.5 · eth0".into()];
    update(&mut app, Msg::PhonesOpened(Ok(view)));
    assert_eq!(
        update(&mut app, Msg::NextAddress),
        vec![Effect::OpenPhones { serving: knoop::app::PhonesFor::Round(round), address: 1 }]
    );
}

#[test]
fn the_hint_line_offers_only_keys_that_act_here() {
    // A closed round: no dot to give, so no Space, digits or voter keys on the hint line.
    let mut app = common::example_app();
    update(&mut app, Msg::Focus(Pane::Stemmen));
    let hints: Vec<Msg> =
        knoop::app::keymap::acting_lines(&app).iter().map(|b| b.msg.clone()).collect();
    assert!(!hints.contains(&Msg::Dot) && !hints.contains(&Msg::NextVoter), "{hints:?}");
    assert!(hints.contains(&Msg::NewRound) && hints.contains(&Msg::ReopenRound));
    // With a round open and a voter chosen, the dots are offered and a new round is not.
    let (voting, _) = voting();
    let hints: Vec<Msg> =
        knoop::app::keymap::acting_lines(&voting).iter().map(|b| b.msg.clone()).collect();
    assert!(hints.contains(&Msg::Dot) && !hints.contains(&Msg::NewRound), "{hints:?}");
    // Among the agreements no action-status key is offered.
    update(&mut app, Msg::Focus(Pane::Acties));
    update(&mut app, Msg::ToggleAgreements);
    let hints: Vec<Msg> =
        knoop::app::keymap::acting_lines(&app).iter().map(|b| b.msg.clone()).collect();
    assert!(!hints.contains(&Msg::CycleStatus) && !hints.contains(&Msg::Sort), "{hints:?}");
    let screen = common::screen(&app, 160, 48);
    let last = screen.lines().last().unwrap_or_default();
    assert!(!last.contains("Status van de actie"), "{last}");
}
