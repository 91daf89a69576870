//! Unit tests of `voting`, kept beside it so the module itself stays short.

use super::*;

const A: ThemeId = ThemeId(1);
const B: ThemeId = ThemeId(2);
const C: ThemeId = ThemeId(3);
const D: ThemeId = ThemeId(4);
const E: ThemeId = ThemeId(5);

fn p(n: u32) -> Voter {
    Voter::Participant(ParticipantId(n))
}

fn round(advance: u32) -> Round {
    Round::new(RoundId(1), "Top", vec![A, B, C, D, E], advance)
}

/// Each (voter, themes) gives one dot per theme.
fn vote(round: &mut Round, ballots: &[(Voter, &[ThemeId])]) {
    for (voter, themes) in ballots {
        for &t in *themes {
            round.add_dot(*voter, t).unwrap();
        }
    }
}

#[test]
fn a_voter_can_never_exceed_the_dot_budget() {
    let mut r = round(3);
    r.max_per_theme = 3;
    vote(&mut r, &[(p(1), &[A, A, B])]);
    assert_eq!(r.dots_left(p(1)), 0);
    assert_eq!(r.add_dot(p(1), C), Err(VoteError::OverBudget { budget: 3 }));
    assert_eq!(r.ballot(p(1)).unwrap().total(), 3);
}

#[test]
fn a_voter_can_never_exceed_the_per_theme_limit() {
    let mut r = round(3);
    r.add_dot(p(1), A).unwrap();
    assert_eq!(r.add_dot(p(1), A), Err(VoteError::OverThemeLimit { limit: 1 }));
    r.max_per_theme = 2;
    r.add_dot(p(1), A).unwrap();
    assert_eq!(r.votes_for(A), 2);
}

#[test]
fn dots_only_land_on_candidates_in_an_open_round_by_the_right_kind_of_voter() {
    let mut r = round(3);
    assert_eq!(r.add_dot(p(1), ThemeId(9)), Err(VoteError::NotCandidate(ThemeId(9))));
    assert_eq!(r.add_dot(Voter::Anonymous(1), A), Err(VoteError::WrongKindOfVoter));
    r.close().unwrap();
    assert_eq!(r.add_dot(p(1), A), Err(VoteError::Closed));
    assert_eq!(r.take_back_dot(p(1), A), Err(VoteError::Closed));
}

#[test]
fn taking_a_dot_back_frees_it_and_drops_an_empty_ballot() {
    let mut r = round(3);
    r.add_dot(p(1), A).unwrap();
    assert_eq!(r.take_back_dot(p(1), B), Err(VoteError::NoDotToTakeBack));
    r.take_back_dot(p(1), A).unwrap();
    assert!(r.ballots.is_empty());
    assert_eq!(r.dots_left(p(1)), 3);
    assert_eq!(r.take_back_dot(p(2), A), Err(VoteError::NoDotToTakeBack));
}

#[test]
fn named_tally_counts_every_dot_in_list_order() {
    let mut r = round(2);
    vote(&mut r, &[(p(1), &[A, B, C]), (p(2), &[B, C, D]), (p(3), &[C])]);
    assert_eq!(r.tally(), vec![(A, 1), (B, 2), (C, 3), (D, 1), (E, 0)]);
}

#[test]
fn anonymous_tally_counts_like_a_named_one() {
    let mut r = round(2);
    r.anonymous = true;
    let anon = Voter::Anonymous;
    vote(&mut r, &[(anon(1), &[A, B]), (anon(2), &[B]), (anon(3), &[B, E])]);
    assert_eq!(r.tally(), vec![(A, 1), (B, 3), (C, 0), (D, 0), (E, 1)]);
    assert_eq!(r.add_dot(p(1), A), Err(VoteError::WrongKindOfVoter));
}

#[test]
fn ranking_shares_places_between_equal_votes_and_keeps_list_order() {
    let mut r = round(2);
    vote(&mut r, &[(p(1), &[C, D, B]), (p(2), &[C, D])]);
    let places: Vec<_> = r.ranking().iter().map(|x| (x.theme, x.votes, x.place)).collect();
    assert_eq!(places, vec![(C, 2, 1), (D, 2, 1), (B, 1, 3), (A, 0, 4), (E, 0, 4)]);
}

#[test]
fn a_clear_cut_has_no_tie() {
    let mut r = round(2);
    vote(&mut r, &[(p(1), &[A, B, C]), (p(2), &[A, B])]);
    assert_eq!(r.cut(), Cut { through: vec![A, B], tie: None });
}

#[test]
fn a_two_way_tie_at_the_cut_is_reported() {
    let mut r = round(2);
    // A 3, B 2, C 2: places 2 and 3 share 2 votes, one of them goes through.
    vote(&mut r, &[(p(1), &[A, B, C]), (p(2), &[A, B, C]), (p(3), &[A])]);
    let cut = r.cut();
    assert_eq!(cut.through, vec![A]);
    assert_eq!(
        cut.tie,
        Some(Tie { themes: vec![B, C], first_place: 2, last_place: 3, open_places: 1, votes: 2 })
    );
}

#[test]
fn a_three_way_tie_at_the_cut_is_reported() {
    let mut r = round(3);
    // A 3; B, C, D 2 each; E 0. Places 2..=4 tie for the two open places 2 and 3.
    vote(&mut r, &[(p(1), &[A, B, C]), (p(2), &[A, D, B]), (p(3), &[A, C, D])]);
    let tie = r.cut().tie.expect("tie");
    assert_eq!(tie.themes, vec![B, C, D]);
    assert_eq!((tie.first_place, tie.last_place, tie.open_places), (2, 4, 2));
}

#[test]
fn a_tie_inside_the_top_is_no_tie_at_the_cut() {
    let mut r = round(3);
    vote(&mut r, &[(p(1), &[A, B, C]), (p(2), &[A, B, C]), (p(3), &[D])]);
    assert_eq!(r.cut(), Cut { through: vec![A, B, C], tie: None });
}

#[test]
fn with_fewer_candidates_than_places_all_go_through() {
    let mut r = Round::new(RoundId(1), "Top", vec![A, B], 3);
    assert_eq!(r.close().unwrap().through, vec![A, B]);
}

#[test]
fn closing_fixes_the_result_and_a_tie_waits_for_the_facilitator() {
    let mut r = round(1);
    vote(&mut r, &[(p(1), &[A]), (p(2), &[B])]);
    let result = r.close().unwrap().clone();
    assert!(result.through.is_empty());
    assert_eq!(r.undecided_tie().unwrap().themes, vec![A, B]);
    assert_eq!(r.close(), Err(VoteError::Closed));
}

#[test]
fn a_pick_must_fit_the_open_places_and_carry_a_reason() {
    let mut r = round(1);
    vote(&mut r, &[(p(1), &[A]), (p(2), &[B])]);
    assert_eq!(r.pick(vec![A], ""), Err(VoteError::StillOpen));
    r.close().unwrap();
    assert_eq!(r.pick(vec![A, B], "x"), Err(VoteError::PickDoesNotFit { open_places: 1 }));
    assert_eq!(r.pick(vec![C], "x"), Err(VoteError::PickDoesNotFit { open_places: 1 }));
    assert_eq!(r.pick(vec![A], "  "), Err(VoteError::ReasonMissing));
    r.pick(vec![B], "Sluit aan bij het schoolplan").unwrap();
    assert_eq!(
        r.result.as_ref().unwrap().decision,
        Some(Decision::Picked { themes: vec![B], reason: "Sluit aan bij het schoolplan".into() })
    );
    assert_eq!(r.pick(vec![A], "nog eens"), Err(VoteError::AlreadyDecided));
}

#[test]
fn reopening_is_deliberate_and_drops_the_result() {
    let mut r = round(1);
    assert_eq!(r.reopen(), Err(VoteError::StillOpen));
    r.add_dot(p(1), A).unwrap();
    r.close().unwrap();
    r.reopen().unwrap();
    assert!(r.is_open() && r.result.is_none());
    r.add_dot(p(2), B).unwrap();
    assert_eq!(r.tally()[1], (B, 1), "ballots survive a reopen");
}

#[test]
fn check_ballot_applies_every_rule_to_a_whole_ballot() {
    let r = round(3);
    let ballot =
        |dots: &[(ThemeId, u32)]| Ballot { voter: p(1), dots: dots.iter().copied().collect() };
    assert_eq!(r.check_ballot(&ballot(&[(A, 1), (B, 1), (C, 1)])), Ok(()));
    assert_eq!(
        r.check_ballot(&ballot(&[(A, 1), (B, 1), (C, 1), (D, 1)])),
        Err(VoteError::OverBudget { budget: 3 })
    );
    assert_eq!(r.check_ballot(&ballot(&[(A, 2)])), Err(VoteError::OverThemeLimit { limit: 1 }));
    assert_eq!(
        r.check_ballot(&ballot(&[(ThemeId(7), 1)])),
        Err(VoteError::NotCandidate(ThemeId(7)))
    );
}

#[test]
fn secret_counts_stay_hidden_until_revealed() {
    let mut r = round(3);
    assert!(r.counts_visible());
    r.secret = true;
    assert!(!r.counts_visible());
    r.revealed = true;
    assert!(r.counts_visible());
}
