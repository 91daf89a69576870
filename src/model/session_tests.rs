//! Unit tests of `session`, kept beside it so the module itself stays short.

use super::*;
use crate::model::AgreementId;
use crate::model::template;

fn session() -> Session {
    let mut s =
        Session::new("Test", template::by_key("preventiematrix").unwrap(), Timestamp::UNIX_EPOCH);
    for name in ["Anna", "Bram", "Cem", "Dewi"] {
        s.add_participant(name, "School", Role::Structural);
    }
    s
}

fn p(n: u32) -> Voter {
    Voter::Participant(ParticipantId(n))
}

#[test]
fn a_whole_ballot_replaces_the_earlier_one_under_the_same_rules() {
    let mut s = session();
    let r = s.start_round("Top 3", vec![ThemeId(1), ThemeId(2), ThemeId(3), ThemeId(4)], 3);
    let ballot = |voter, themes: &[u32]| crate::model::Ballot {
        voter,
        dots: themes.iter().map(|&t| (ThemeId(t), 1)).collect(),
    };
    s.set_ballot(r, ballot(p(1), &[1, 2, 3])).unwrap();
    s.set_ballot(r, ballot(p(1), &[4])).unwrap();
    assert_eq!(
        s.rounds[0].tally(),
        vec![(ThemeId(1), 0), (ThemeId(2), 0), (ThemeId(3), 0), (ThemeId(4), 1)]
    );
    assert_eq!(
        s.set_ballot(r, ballot(p(2), &[1, 2, 3, 4])),
        Err(SessionError::Vote(VoteError::OverBudget { budget: 3 }))
    );
    assert_eq!(
        s.set_ballot(r, ballot(p(2), &[9])),
        Err(SessionError::Vote(VoteError::NotCandidate(ThemeId(9))))
    );
    assert_eq!(
        s.set_ballot(r, ballot(Voter::Anonymous(1), &[1])),
        Err(SessionError::Vote(VoteError::WrongKindOfVoter))
    );
    s.participants[2].present = false;
    assert_eq!(
        s.set_ballot(r, ballot(p(3), &[1])),
        Err(SessionError::NotPresent(ParticipantId(3)))
    );
    s.set_ballot(r, ballot(p(1), &[])).unwrap();
    assert!(s.rounds[0].ballots.is_empty(), "an empty ballot takes the dots back");
    s.rounds[0].close().unwrap();
    assert_eq!(s.set_ballot(r, ballot(p(1), &[1])), Err(SessionError::Vote(VoteError::Closed)));
}

#[test]
fn only_present_participants_vote() {
    let mut s = session();
    let r = s.start_round("Top 3", s.votable_themes(), 3);
    s.participants[1].present = false;
    let t = ThemeId(1);
    assert_eq!(s.add_dot(r, p(2), t), Err(SessionError::NotPresent(ParticipantId(2))));
    assert_eq!(s.add_dot(r, p(9), t), Err(SessionError::UnknownParticipant(ParticipantId(9))));
    s.add_dot(r, p(1), t).unwrap();
    assert_eq!(s.add_dot(RoundId(7), p(1), t), Err(SessionError::UnknownRound(RoundId(7))));
}

#[test]
fn removing_a_participant_asks_about_their_work_and_keeps_voters() {
    let mut s = session();
    let anna = ParticipantId(1);
    s.add_action("Folder", Some(anna), None);
    s.add_agreement("Evalueren", Some(anna), None);
    assert_eq!(s.remove_participant(anna, false), Err(SessionError::OwnsWork { owned: 2 }));
    let removed = s.remove_participant(anna, true).unwrap();
    assert_eq!(removed.name, "Anna");
    assert!(s.actions[0].owner.is_none() && s.agreements[0].owner.is_none());
    let r = s.start_round("Top 3", s.votable_themes(), 3);
    s.add_dot(r, p(2), ThemeId(1)).unwrap();
    assert_eq!(
        s.remove_participant(ParticipantId(2), true),
        Err(SessionError::VotedIn(ParticipantId(2)))
    );
    assert_eq!(s.validate(), Ok(()));
}

#[test]
fn a_follow_up_carries_everything_and_knows_what_it_follows() {
    let mut s = session();
    s.participants[0].present = false;
    s.add_action("Klaar", None, None);
    s.add_action("Nog open", None, None);
    s.actions[0].status = crate::model::ActionStatus::Done;
    s.notes = "oud".into();
    let now: Timestamp = "2027-01-10T09:00:00Z".parse().unwrap();
    let next = s.follow_up("Test (vervolg)", "test.json", now);
    assert_eq!(
        (next.title.as_str(), next.follows.as_deref()),
        ("Test (vervolg)", Some("test.json"))
    );
    assert_eq!(next.actions, s.actions, "done actions stay listed, as done");
    assert_eq!(next.open_actions().map(|a| a.text.as_str()).collect::<Vec<_>>(), ["Nog open"]);
    assert!(next.participants.iter().all(|p| p.present));
    assert_eq!((next.created, next.notes.as_str(), next.meeting_date), (now, "", None));
    assert_eq!(next.matrix, s.matrix);
    assert_eq!(next.validate(), Ok(()));
}

#[test]
fn a_voted_theme_stays_and_removing_rows_and_columns_unlinks_actions() {
    let mut s = session();
    let id = s.matrix.add_theme("Kansrijk", "Eigen", "");
    let level = s.matrix.levels[0].id;
    let a = s.add_action("Iets", None, None);
    s.actions[0].theme = Some(id);
    s.actions[0].level = Some(level);
    s.start_round("Top 3", vec![ThemeId(1)], 1);
    assert_eq!(s.remove_theme(ThemeId(1), true).unwrap_err(), SessionError::VotedOn(ThemeId(1)));
    s.remove_theme(id, false).unwrap();
    s.remove_level(level, false).unwrap();
    assert_eq!((s.actions[0].theme, s.actions[0].level, s.actions[0].id), (None, None, a));
    assert_eq!(s.validate(), Ok(()));
}

#[test]
fn answers_stay_grouped_by_regie_question() {
    use crate::model::RegieQuestion::{Communicatie, Kwaliteit, Overzicht, Taken, Weerzien};
    let mut s = session();
    let old = s.add_agreement("Zonder vraag", None, None);
    let comm = s.add_answer(Some(Communicatie), "Nieuwsbrief", None, None);
    let over = s.add_answer(Some(Overzicht), "IB bewaakt de lijst", None, None);
    let comm2 = s.add_answer(Some(Communicatie), "Ouderraad", None, None);
    let ids = |s: &Session| {
        s.agreements_in_order().iter().map(|&i| s.agreements[i].id).collect::<Vec<_>>()
    };
    assert_eq!(ids(&s), [over, comm, comm2, old]);
    assert_eq!(s.agreements.iter().map(|a| a.id).collect::<Vec<_>>(), [over, comm, comm2, old]);
    assert_eq!(s.unanswered_questions(), [Kwaliteit, Taken, Weerzien]);
    assert!(s.set_question(old, Some(Kwaliteit)));
    assert_eq!(ids(&s), [over, old, comm, comm2]);
    assert_eq!(s.unanswered_questions(), [Taken, Weerzien]);
    assert!(!s.set_question(AgreementId(99), None));
    assert_eq!(s.validate(), Ok(()));
}

#[test]
fn the_basis_row_is_never_a_candidate() {
    let s = session();
    let votable = s.votable_themes();
    assert_eq!(votable.len(), 19);
    assert!(votable.iter().all(|&t| !s.matrix.theme(t).unwrap().basis));
}

#[test]
fn focus_themes_are_the_result_of_the_last_closed_round() {
    let mut s = session();
    assert!(s.focus_themes().is_empty());
    let [t1, t2, t3, t4] = [ThemeId(1), ThemeId(2), ThemeId(3), ThemeId(4)];
    let first = s.start_round("Top 3", vec![t1, t2, t3, t4], 3);
    for (voter, theme) in [(1, t1), (1, t2), (1, t3), (2, t1), (2, t2), (2, t3)] {
        s.add_dot(first, p(voter), theme).unwrap();
    }
    s.rounds[0].close().unwrap();
    assert_eq!(s.focus_themes(), vec![t1, t2, t3]);
    let second = s.start_round("Top 1", vec![t1, t2], 1);
    assert_eq!(s.focus_themes(), vec![t1, t2, t3], "an open round changes nothing yet");
    s.add_dot(second, p(1), t2).unwrap();
    s.rounds[1].close().unwrap();
    assert_eq!(s.focus_themes(), vec![t2]);
}

#[test]
fn a_runoff_fills_exactly_the_contested_places() {
    let mut s = session();
    let [t1, t2, t3, t4] = [ThemeId(1), ThemeId(2), ThemeId(3), ThemeId(4)];
    let top = s.start_round("Top 2", vec![t1, t2, t3, t4], 2);
    // t1 2 votes; t2, t3, t4 1 each: one place open among three.
    for (voter, theme) in [(1, t1), (2, t1), (3, t2), (3, t3), (4, t4)] {
        s.add_dot(top, p(voter), theme).unwrap();
    }
    s.rounds[0].close().unwrap();
    assert_eq!(s.settled_result(top), Some((vec![t1], false)));
    let runoff = s.start_runoff(top).unwrap();
    let r = s.round(runoff).unwrap();
    assert_eq!((r.candidates.clone(), r.advance), (vec![t2, t3, t4], 1));
    assert_eq!(s.start_runoff(top), Err(SessionError::Vote(VoteError::AlreadyDecided)));
    for voter in 1..=3 {
        s.add_dot(runoff, p(voter), t3).unwrap();
    }
    s.rounds[1].close().unwrap();
    assert_eq!(s.settled_result(top), Some((vec![t1, t3], true)));
    assert_eq!(s.focus_themes(), vec![t1, t3], "the run-off counts toward its round");
}

#[test]
fn a_picked_tie_completes_the_result() {
    let mut s = session();
    let [t1, t2] = [ThemeId(1), ThemeId(2)];
    let r = s.start_round("Top 1", vec![t1, t2], 1);
    s.add_dot(r, p(1), t1).unwrap();
    s.add_dot(r, p(2), t2).unwrap();
    s.rounds[0].close().unwrap();
    assert_eq!(s.focus_themes(), Vec::<ThemeId>::new(), "an undecided tie is not a focus");
    s.rounds[0].pick(vec![t2], "Past bij het schoolplan").unwrap();
    assert_eq!(s.focus_themes(), vec![t2]);
}
