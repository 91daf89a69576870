//! Live dot voting driven through `update`: whole rounds as a facilitator runs them.

mod common;

use knoop::app::{App, Msg, Overlay, Pane, update, voting_rows};
use knoop::model::{Decision, RoundState, ThemeId, Voter};

fn run(app: &mut App, actions: impl IntoIterator<Item = Msg>) {
    for a in actions {
        update(app, a);
    }
}

/// An app on the example session with its rounds cleared, in the Stemmen pane.
fn fresh() -> App {
    let mut a = common::example_app();
    a.session.rounds.clear();
    run(&mut a, [Msg::Focus(Pane::Stemmen)]);
    a
}

/// Selects `theme` in the pane's current order.
fn select(app: &mut App, theme: ThemeId) {
    let at = voting_rows(app).iter().position(|&t| t == theme).expect("a candidate");
    run(app, [Msg::Home]);
    run(app, std::iter::repeat_n(Msg::Down, at));
}

/// The current voter gives one dot to each theme. Once a voter's dots are all given, the
/// pane moves on to the next voter by itself, and says so.
fn cast(app: &mut App, themes: &[u32]) {
    let voter = app.voting.voter.expect("a voter");
    let round = app.shown_round().expect("a round").id;
    for &t in themes {
        select(app, ThemeId(t));
        let before = app.session.round(round).unwrap().ballot(voter).map_or(0, |b| b.total());
        run(app, [Msg::Dot]);
        let after = app.session.round(round).unwrap().ballot(voter).map_or(0, |b| b.total());
        assert_eq!(after, before + 1, "dot on {t} refused: {:?}", app.message);
    }
}

fn t(ids: &[u32]) -> Vec<ThemeId> {
    ids.iter().map(|&i| ThemeId(i)).collect()
}

#[test]
fn a_top_12_round_and_a_top_3_round_for_the_example_participants() {
    let mut a = fresh();
    run(&mut a, [Msg::NewRound]);
    match &a.overlay {
        Overlay::RoundSetup(s) => assert_eq!((s.from_result, s.advance, s.dots), (false, 12, 3)),
        other => panic!("{other:?}"),
    }
    // Six dots each, as in the example.
    run(&mut a, [Msg::Down, Msg::Right, Msg::Right, Msg::Right, Msg::Confirm]);
    let round = a.session.rounds[0].clone();
    assert_eq!((round.candidates.len(), round.dots_per_voter, round.advance), (19, 6, 12));
    assert_eq!(
        a.voting.voter,
        Some(Voter::Participant(knoop::model::ParticipantId(1))),
        "the first voter is chosen"
    );

    let ballots: [&[u32]; 8] = [
        &[1, 5, 16, 18, 3, 9],
        &[1, 6, 8, 5, 16, 2],
        &[16, 18, 8, 15, 13, 1],
        &[5, 16, 8, 15, 3, 6],
        &[5, 7, 10, 2, 4, 16],
        &[18, 16, 17, 1, 3, 15],
        &[1, 5, 16, 17, 12, 4],
        &[16, 1, 9, 11, 2, 6],
    ];
    for (i, ballot) in ballots.iter().enumerate() {
        cast(&mut a, ballot);
        if i < 7 {
            // Dictation: the next voter is up by itself, and the room is told.
            let next = Voter::Participant(knoop::model::ParticipantId(i as u32 + 2));
            assert_eq!(a.voting.voter, Some(next));
            assert!(a.message.as_deref().unwrap().contains("nu stemt"), "{:?}", a.message);
            // Back to the one who just voted: a seventh dot is refused, and says why.
            run(&mut a, [Msg::PrevVoter, Msg::Dot]);
            assert!(a.message.as_deref().unwrap().contains("Alle 6 stippen"), "{:?}", a.message);
            run(&mut a, [Msg::NextVoter]);
        } else {
            run(&mut a, [Msg::VoterWithDotsLeft]);
            assert!(a.message.as_deref().unwrap().contains("alle stippen gegeven"));
        }
    }
    run(&mut a, [Msg::CloseRound]);
    assert!(matches!(a.overlay, Overlay::None), "no tie at the cut");
    let result = a.session.rounds[0].result.clone().unwrap();
    assert_eq!(result.through, t(&[16, 1, 5, 2, 3, 6, 8, 15, 18, 4, 9, 17]));
    assert_eq!(a.session.focus_themes().len(), 12);

    // The top 3 from the top 12: the setup offers the result as candidates.
    run(&mut a, [Msg::NewRound]);
    match &a.overlay {
        Overlay::RoundSetup(s) => {
            assert_eq!((s.from_result, s.advance), (true, 3));
            assert_eq!(s.candidates(&a.session).len(), 12);
        }
        other => panic!("{other:?}"),
    }
    run(&mut a, [Msg::Confirm]);
    let top3: [&[u32]; 8] = [
        &[1, 16, 5],
        &[1, 8, 16],
        &[16, 18, 8],
        &[5, 16, 1],
        &[5, 16, 2],
        &[18, 16, 1],
        &[1, 5, 16],
        &[16, 1, 5],
    ];
    for ballot in top3 {
        cast(&mut a, ballot);
    }
    run(&mut a, [Msg::CloseRound]);
    assert_eq!(a.session.rounds[1].result.as_ref().unwrap().through, t(&[16, 1, 5]));
    assert_eq!(a.session.focus_themes(), t(&[16, 1, 5]), "the top 3 is the Matrix pane's focus");
    assert_eq!(knoop::app::matrix_rows(&a)[..3], t(&[16, 1, 5]));
    assert_eq!(a.session.validate(), Ok(()));
}

/// A round of three candidates for the top 1 where two themes tie.
fn tied_round() -> App {
    let mut a = fresh();
    a.session.start_round("Top 2", t(&[1, 2, 3, 4]), 2);
    a.session.rounds[0].dots_per_voter = 2;
    run(&mut a, [Msg::VoterWithDotsLeft]);
    cast(&mut a, &[1, 2]); // Marieke
    cast(&mut a, &[1, 3]); // Sanne
    cast(&mut a, &[4]); // Ahmed: 1 has 2; 2, 3 and 4 have 1 each for one place.
    a
}

#[test]
fn a_tie_at_the_cut_is_reported_and_settled_by_a_runoff() {
    let mut a = tied_round();
    run(&mut a, [Msg::CloseRound]);
    let Overlay::Tie(dialog) = &a.overlay else { panic!("the tie is shown: {:?}", a.overlay) };
    assert!(dialog.pick.is_none());
    let tie = a.session.rounds[0].undecided_tie().unwrap().clone();
    assert_eq!(
        (tie.themes, tie.first_place, tie.last_place, tie.open_places),
        (t(&[2, 3, 4]), 2, 4, 1)
    );
    assert_eq!(a.session.focus_themes(), t(&[1]), "never broken silently");

    run(&mut a, [Msg::RunOff]);
    let runoff = a.session.rounds[1].clone();
    assert_eq!(
        (runoff.candidates, runoff.advance, runoff.runoff_of),
        (t(&[2, 3, 4]), 1, Some(a.session.rounds[0].id))
    );
    assert_eq!(a.shown_round().unwrap().id, runoff.id);
    for _ in 0..3 {
        cast(&mut a, &[3]);
    }
    run(&mut a, [Msg::CloseRound]);
    assert_eq!(a.session.focus_themes(), t(&[1, 3]), "the run-off fills exactly the open place");
    // The pane shows the final top with a star on every picked theme, whichever round
    // picked it: theme 1 came through the first round, theme 3 through the run-off.
    let screen = common::screen(&a, 160, 48);
    let starred = |name: &str| screen.lines().any(|l| l.contains(&format!("★ {name}")));
    let name = |id: u32| a.theme(ThemeId(id)).unwrap().desired.clone();
    assert!(screen.contains("Eindresultaat"), "{screen}");
    assert!(starred(&name(1)) && starred(&name(3)), "{screen}");
    assert!(!starred(&name(2)), "{screen}");
}

#[test]
fn a_tie_can_be_picked_with_a_reason_on_record() {
    let mut a = tied_round();
    run(&mut a, [Msg::CloseRound, Msg::Pick]);
    run(&mut a, [Msg::Confirm]);
    assert!(a.message.as_deref().unwrap().contains("Kies precies 1"));
    run(&mut a, [Msg::Down, Msg::Toggle, Msg::Down, Msg::Toggle]);
    assert!(a.message.as_deref().unwrap().contains("Kies precies 1"), "a second tick is refused");
    run(&mut a, [Msg::Confirm, Msg::Confirm]);
    assert!(a.message.as_deref().unwrap().contains("reden"), "a reason is required");
    run(&mut a, [Msg::Paste("Sluit aan bij het schoolplan".into()), Msg::Confirm]);
    assert!(matches!(a.overlay, Overlay::None));
    let decision = a.session.rounds[0].result.as_ref().unwrap().decision.clone();
    assert_eq!(
        decision,
        Some(Decision::Picked { themes: t(&[3]), reason: "Sluit aan bij het schoolplan".into() })
    );
    assert_eq!(a.session.focus_themes(), t(&[1, 3]));
    // Undo takes the pick back, the tie waits again.
    run(&mut a, [Msg::Undo]);
    assert!(a.session.rounds[0].undecided_tie().is_some());
}

#[test]
fn every_dot_can_be_undone_and_taken_back() {
    let mut a = tied_round();
    let before = a.session.rounds[0].tally();
    run(&mut a, [Msg::Undo]);
    assert_ne!(a.session.rounds[0].tally(), before);
    run(&mut a, [Msg::Redo]);
    assert_eq!(a.session.rounds[0].tally(), before);
    // Ahmed takes his dot on 4 back.
    select(&mut a, ThemeId(4));
    run(&mut a, [Msg::TakeBack]);
    assert_eq!(a.session.rounds[0].votes_for(ThemeId(4)), 0);
    run(&mut a, [Msg::TakeBack]);
    assert!(a.message.as_deref().unwrap().contains("geen stip"));
}

#[test]
fn the_per_theme_limit_and_absent_voters_are_refused_with_a_message() {
    let mut a = fresh();
    run(&mut a, [Msg::NewRound, Msg::Confirm]);
    cast(&mut a, &[1]);
    run(&mut a, [Msg::Dot]);
    assert!(a.message.as_deref().unwrap().contains("maximum van 1"));
    a.session.participants[0].present = false;
    select(&mut a, ThemeId(2));
    run(&mut a, [Msg::Dot]);
    assert!(a.message.as_deref().unwrap().contains("afwezig"));
    run(&mut a, [Msg::VoterWithDotsLeft]);
    assert_eq!(
        a.voting.voter,
        Some(Voter::Participant(knoop::model::ParticipantId(2))),
        "absent voters are skipped"
    );
}

#[test]
fn a_secret_anonymous_round_hides_counts_until_revealed() {
    let mut a = fresh();
    run(&mut a, [Msg::NewRound]);
    run(&mut a, std::iter::repeat_n(Msg::Down, 4));
    run(&mut a, [Msg::Toggle, Msg::Down, Msg::Toggle, Msg::Confirm]);
    let r = &a.session.rounds[0];
    assert!(r.secret && r.anonymous && !r.counts_visible());
    assert_eq!(a.voting.voter, Some(Voter::Anonymous(1)));
    cast(&mut a, &[3, 4, 5]);
    assert_eq!(a.voting.voter, Some(Voter::Anonymous(2)));
    run(&mut a, [Msg::ToggleOrder]);
    assert_eq!(voting_rows(&a), a.session.rounds[0].candidates, "no ranking while secret");
    run(&mut a, [Msg::Reveal]);
    assert!(a.session.rounds[0].counts_visible());
}

#[test]
fn reopening_asks_first_and_keeps_the_ballots() {
    let mut a = tied_round();
    run(&mut a, [Msg::CloseRound, Msg::Close, Msg::ReopenRound]);
    assert!(matches!(a.overlay, Overlay::ConfirmReopen(_)));
    run(&mut a, [Msg::Close]);
    assert_eq!(a.session.rounds[0].state, RoundState::Closed, "no is no");
    run(&mut a, [Msg::ReopenRound, Msg::Yes]);
    assert!(a.session.rounds[0].is_open() && a.session.rounds[0].result.is_none());
    assert_eq!(a.session.rounds[0].ballots.len(), 3);
}

#[test]
fn a_theme_of_the_rooms_own_joins_the_open_round() {
    let mut a = fresh();
    run(&mut a, [Msg::NewRound, Msg::Confirm, Msg::OwnTheme]);
    run(&mut a, [Msg::Paste("Kansrijk".into()), Msg::NextField, Msg::Confirm]);
    assert!(a.message.as_deref().unwrap().contains("gewenste situatie"));
    run(&mut a, [Msg::Paste("Veilig naar school".into()), Msg::NextField]);
    run(&mut a, [Msg::Paste("Onveilige oversteek".into()), Msg::Confirm]);
    let theme =
        a.session.matrix.themes.iter().find(|th| th.desired == "Veilig naar school").unwrap();
    assert_eq!(
        (theme.domain.as_str(), theme.problem.as_str()),
        ("Kansrijk", "Onveilige oversteek")
    );
    assert!(a.session.rounds[0].candidates.contains(&theme.id));
    assert!(!theme.basis && a.session.matrix.themes.last().unwrap().basis, "above the basis row");
}

#[test]
fn only_one_round_is_open_at_a_time() {
    let mut a = fresh();
    run(&mut a, [Msg::NewRound, Msg::Confirm, Msg::NewRound]);
    assert!(matches!(a.overlay, Overlay::None));
    assert!(a.message.as_deref().unwrap().contains("Sluit eerst"));
}

/// The example's participants halfway through a top-12 round.
fn mid_vote() -> App {
    let mut a = fresh();
    run(&mut a, [Msg::NewRound, Msg::Confirm]);
    for ballot in [[1, 5, 16], [1, 6, 8], [16, 18, 8]] {
        cast(&mut a, &ballot);
    }
    cast(&mut a, &[5]);
    a
}

#[test]
fn screens_of_an_open_round_mid_vote_in_list_and_ranking_order() {
    let mut a = mid_vote();
    common::both_sizes!("vote_open_list", &a);
    run(&mut a, [Msg::ToggleOrder]);
    common::both_sizes!("vote_open_ranking", &a);
}

#[test]
fn screens_of_a_secret_round_before_and_after_reveal() {
    let mut a = mid_vote();
    a.session.rounds[0].secret = true;
    common::both_sizes!("vote_secret_hidden", &a);
    run(&mut a, [Msg::Reveal]);
    common::both_sizes!("vote_secret_revealed", &a);
}

#[test]
fn screens_of_a_tie_at_the_cut_and_its_runoff() {
    let mut a = tied_round();
    run(&mut a, [Msg::CloseRound]);
    common::both_sizes!("vote_tie", &a);
    run(&mut a, [Msg::RunOff]);
    cast(&mut a, &[3]);
    common::both_sizes!("vote_runoff", &a);
}

#[test]
fn screens_of_the_big_top_3() {
    let mut a = common::example_app();
    run(&mut a, [Msg::BigTop]);
    common::both_sizes!("top3", &a);
}
