//! The rules a whole session must keep, checked when a file is loaded.
//!
//! A file can say anything; the model only accepts what its own edits could have produced.
//! Each break names the field it sits in, so the store can point at its line and column.

use std::collections::BTreeSet;
use std::fmt;

use super::{
    Decision, LevelId, ParticipantId, RoundId, RoundState, Session, ThemeId, VoteError, Voter,
};

/// One step of the path to a field: an object key or a list index.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PathSeg {
    /// A field name or map key.
    Key(String),
    /// A position in a list.
    Index(usize),
}

/// What rule a session breaks.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RuleKind {
    /// Two things of one kind share an id.
    DuplicateId(u32),
    /// Names a participant that is not in the session.
    UnknownParticipant(ParticipantId),
    /// Names a theme that is not in the matrix.
    UnknownTheme(ThemeId),
    /// Names a level that is not in the matrix.
    UnknownLevel(LevelId),
    /// Names a round that is not in the session.
    UnknownRound(RoundId),
    /// A ballot breaks a voting rule.
    Vote(VoteError),
    /// A closed round without a result, or an open round with one.
    ResultDoesNotFitState,
    /// A result names a theme that was not a candidate.
    ResultNotCandidate(ThemeId),
    /// A closed round's result is not what its ballots give.
    ResultDoesNotMatchBallots,
    /// An ambition has more indicators than a yearly meeting can follow.
    TooManyIndicators,
    /// A text that is empty where one is needed, or longer than knoop lets anyone type.
    BadText,
}

/// A rule broken at a field.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RuleBreak {
    /// Where, from the session's root.
    pub path: Vec<PathSeg>,
    /// What.
    pub kind: RuleKind,
}

impl fmt::Display for PathSeg {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PathSeg::Key(k) => write!(f, ".{k}"),
            PathSeg::Index(i) => write!(f, "[{i}]"),
        }
    }
}

/// Builds a path from `"key"` and index parts.
macro_rules! path {
    ($($seg:expr),* $(,)?) => { vec![$(PathSeg::from($seg)),*] };
}

impl From<&str> for PathSeg {
    fn from(k: &str) -> Self {
        PathSeg::Key(k.to_owned())
    }
}

impl From<String> for PathSeg {
    fn from(k: String) -> Self {
        PathSeg::Key(k)
    }
}

impl From<usize> for PathSeg {
    fn from(i: usize) -> Self {
        PathSeg::Index(i)
    }
}

fn broken(path: Vec<PathSeg>, kind: RuleKind) -> Result<(), RuleBreak> {
    Err(RuleBreak { path, kind })
}

/// The first id that occurs twice, with its position.
fn first_duplicate(ids: impl Iterator<Item = u32>) -> Option<(usize, u32)> {
    let mut seen = BTreeSet::new();
    ids.enumerate().find(|(_, id)| !seen.insert(*id))
}

impl Session {
    /// Checks every rule across the session; the first break found is returned.
    pub fn validate(&self) -> Result<(), RuleBreak> {
        self.check_unique_ids()?;
        self.check_matrix()?;
        self.check_rounds()?;
        self.check_owners_and_links()?;
        self.check_ambitions()?;
        self.check_inbreng()
    }

    /// Each contribution waiting from a phone has a number of its own below the next one, is
    /// for a cell of the matrix, and is no longer than a phone may send.
    fn check_inbreng(&self) -> Result<(), RuleBreak> {
        let mut seen = BTreeSet::new();
        for (i, item) in self.inbreng.items.iter().enumerate() {
            if !seen.insert(item.id) || item.id >= self.inbreng.next {
                return broken(path!["inbreng", "items", i, "id"], RuleKind::DuplicateId(item.id));
            }
            if self.matrix.theme(item.theme).is_none() {
                let kind = RuleKind::UnknownTheme(item.theme);
                return broken(path!["inbreng", "items", i, "theme"], kind);
            }
            if self.matrix.level(item.level).is_none() {
                let kind = RuleKind::UnknownLevel(item.level);
                return broken(path!["inbreng", "items", i, "level"], kind);
            }
            let long = item.text.chars().count() > super::MAX_INBRENG_TEXT
                || item.provider.chars().count() > super::MAX_INBRENG_PROVIDER;
            if item.text.trim().is_empty() || long {
                return broken(path!["inbreng", "items", i, "text"], RuleKind::BadText);
            }
        }
        Ok(())
    }

    /// Each ambition names a theme of the matrix that is not the basis row, once, with at
    /// most [`super::MAX_INDICATORS`] indicators.
    fn check_ambitions(&self) -> Result<(), RuleBreak> {
        let mut seen = BTreeSet::new();
        for (i, a) in self.ambitions.iter().enumerate() {
            if self.matrix.theme(a.theme).is_none_or(|t| t.basis) {
                return broken(path!["ambitions", i, "theme"], RuleKind::UnknownTheme(a.theme));
            }
            if !seen.insert(a.theme) {
                return broken(path!["ambitions", i, "theme"], RuleKind::DuplicateId(a.theme.0));
            }
            if a.indicators.len() > super::MAX_INDICATORS {
                return broken(path!["ambitions", i, "indicators"], RuleKind::TooManyIndicators);
            }
        }
        Ok(())
    }

    fn check_unique_ids(&self) -> Result<(), RuleBreak> {
        let lists: [(&str, Option<(usize, u32)>); 6] = [
            ("participants", first_duplicate(self.participants.iter().map(|p| p.id.0))),
            ("rounds", first_duplicate(self.rounds.iter().map(|r| r.id.0))),
            ("actions", first_duplicate(self.actions.iter().map(|a| a.id.0))),
            ("agreements", first_duplicate(self.agreements.iter().map(|a| a.id.0))),
            ("levels", first_duplicate(self.matrix.levels.iter().map(|l| l.id.0))),
            ("themes", first_duplicate(self.matrix.themes.iter().map(|t| t.id.0))),
        ];
        for (list, dup) in lists {
            if let Some((at, id)) = dup {
                let path = match list {
                    "levels" | "themes" => path!["matrix", list, at, "id"],
                    _ => path![list, at, "id"],
                };
                return broken(path, RuleKind::DuplicateId(id));
            }
        }
        Ok(())
    }

    fn check_matrix(&self) -> Result<(), RuleBreak> {
        for (i, theme) in self.matrix.themes.iter().enumerate() {
            for level in theme.cells.keys() {
                if self.matrix.level(*level).is_none() {
                    return broken(
                        path!["matrix", "themes", i, "cells", level.to_string()],
                        RuleKind::UnknownLevel(*level),
                    );
                }
            }
        }
        Ok(())
    }

    fn check_rounds(&self) -> Result<(), RuleBreak> {
        for (r, round) in self.rounds.iter().enumerate() {
            for (c, theme) in round.candidates.iter().enumerate() {
                if self.matrix.theme(*theme).is_none() {
                    return broken(
                        path!["rounds", r, "candidates", c],
                        RuleKind::UnknownTheme(*theme),
                    );
                }
            }
            if let Some(parent) = round.runoff_of
                && self.round(parent).is_none()
            {
                return broken(path!["rounds", r, "runoff_of"], RuleKind::UnknownRound(parent));
            }
            let mut voters = BTreeSet::new();
            for (b, ballot) in round.ballots.iter().enumerate() {
                if let Voter::Participant(id) = ballot.voter
                    && self.participant(id).is_none()
                {
                    return broken(
                        path!["rounds", r, "ballots", b, "voter"],
                        RuleKind::UnknownParticipant(id),
                    );
                }
                if !voters.insert(ballot.voter) {
                    return broken(
                        path!["rounds", r, "ballots", b, "voter"],
                        RuleKind::Vote(VoteError::DuplicateVoter),
                    );
                }
                if let Err(e) = round.check_ballot(ballot) {
                    let field = match e {
                        VoteError::WrongKindOfVoter => "voter",
                        _ => "dots",
                    };
                    return broken(path!["rounds", r, "ballots", b, field], RuleKind::Vote(e));
                }
            }
            self.check_result(r, round)?;
        }
        Ok(())
    }

    fn check_result(&self, r: usize, round: &super::Round) -> Result<(), RuleBreak> {
        let result = match (&round.result, round.state) {
            (None, RoundState::Open) => return Ok(()),
            (Some(result), RoundState::Closed) => result,
            _ => {
                return broken(path!["rounds", r, "result"], RuleKind::ResultDoesNotFitState);
            }
        };
        let tied = result.tie.iter().flat_map(|t| t.themes.iter());
        for theme in result.through.iter().chain(tied) {
            if !round.candidates.contains(theme) {
                return broken(path!["rounds", r, "result"], RuleKind::ResultNotCandidate(*theme));
            }
        }
        let cut = round.cut();
        if cut.through != result.through || cut.tie != result.tie {
            return broken(path!["rounds", r, "result"], RuleKind::ResultDoesNotMatchBallots);
        }
        match &result.decision {
            Some(Decision::RunOff { round: id }) if self.round(*id).is_none() => {
                broken(path!["rounds", r, "result", "decision"], RuleKind::UnknownRound(*id))
            }
            Some(Decision::Picked { themes, .. }) => {
                match themes.iter().find(|t| !round.candidates.contains(t)) {
                    Some(t) => broken(
                        path!["rounds", r, "result", "decision"],
                        RuleKind::ResultNotCandidate(*t),
                    ),
                    None => Ok(()),
                }
            }
            _ => Ok(()),
        }
    }

    fn check_owners_and_links(&self) -> Result<(), RuleBreak> {
        let known =
            |owner: Option<ParticipantId>| owner.is_none_or(|id| self.participant(id).is_some());
        for (i, action) in self.actions.iter().enumerate() {
            if !known(action.owner) {
                return broken(
                    path!["actions", i, "owner"],
                    RuleKind::UnknownParticipant(action.owner.unwrap_or(ParticipantId(0))),
                );
            }
            if let Some(t) = action.theme
                && self.matrix.theme(t).is_none()
            {
                return broken(path!["actions", i, "theme"], RuleKind::UnknownTheme(t));
            }
            if let Some(l) = action.level
                && self.matrix.level(l).is_none()
            {
                return broken(path!["actions", i, "level"], RuleKind::UnknownLevel(l));
            }
        }
        for (i, agreement) in self.agreements.iter().enumerate() {
            if !known(agreement.owner) {
                return broken(
                    path!["agreements", i, "owner"],
                    RuleKind::UnknownParticipant(agreement.owner.unwrap_or(ParticipantId(0))),
                );
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use jiff::Timestamp;

    use super::*;
    use crate::model::{Ballot, Role, template};

    fn session() -> Session {
        let mut s = Session::new("T", &template::PREVENTIEMATRIX, Timestamp::UNIX_EPOCH);
        s.add_participant("Anna", "School", Role::Structural);
        s
    }

    #[test]
    fn a_fresh_session_is_valid() {
        assert_eq!(session().validate(), Ok(()));
    }

    #[test]
    fn an_action_owned_by_an_unknown_participant_is_refused_at_its_owner_field() {
        let mut s = session();
        s.add_action("Folder maken", Some(ParticipantId(1)), None);
        s.add_action("Ouderavond", Some(ParticipantId(42)), None);
        let e = s.validate().unwrap_err();
        assert_eq!(e.kind, RuleKind::UnknownParticipant(ParticipantId(42)));
        assert_eq!(e.path, path!["actions", 1, "owner"]);
    }

    #[test]
    fn a_ballot_over_budget_is_refused() {
        let mut s = session();
        let r = s.start_round("Top 3", s.votable_themes(), 3);
        let dots = (1..=4).map(|t| (ThemeId(t), 1)).collect();
        s.rounds[0]
            .ballots
            .push(Ballot { voter: Voter::Participant(ParticipantId(1)), dots }.into());
        let e = s.validate().unwrap_err();
        assert_eq!(e.kind, RuleKind::Vote(VoteError::OverBudget { budget: 3 }));
        assert_eq!(e.path, path!["rounds", 0, "ballots", 0, "dots"]);
        assert_eq!(r, RoundId(1));
    }

    #[test]
    fn duplicate_ids_unknown_levels_and_links_are_refused() {
        let mut s = session();
        s.add_participant("Bram", "JGZ", Role::Incidental);
        s.participants[1].id = ParticipantId(1);
        assert_eq!(s.validate().unwrap_err().kind, RuleKind::DuplicateId(1));

        let mut s = session();
        std::sync::Arc::make_mut(&mut s.matrix.themes[0]).cells.insert(LevelId(9), vec![]);
        assert_eq!(s.validate().unwrap_err().path, path!["matrix", "themes", 0, "cells", "9"]);

        let mut s = session();
        let a = s.add_action("x", None, None);
        s.actions[0].theme = Some(ThemeId(99));
        assert_eq!(s.validate().unwrap_err().kind, RuleKind::UnknownTheme(ThemeId(99)));
        assert_eq!(a.0, 1);
    }

    #[test]
    fn a_closed_round_needs_a_result_made_of_candidates() {
        let mut s = session();
        s.start_round("Top 3", vec![ThemeId(1), ThemeId(2)], 1);
        s.rounds[0].state = RoundState::Closed;
        assert_eq!(s.validate().unwrap_err().kind, RuleKind::ResultDoesNotFitState);
        s.rounds[0].state = RoundState::Open;
        s.rounds[0].close().unwrap();
        assert_eq!(s.validate(), Ok(()));
        s.rounds[0].result.as_mut().unwrap().through = vec![ThemeId(5)];
        assert_eq!(s.validate().unwrap_err().kind, RuleKind::ResultNotCandidate(ThemeId(5)));
        s.rounds[0].result.as_mut().unwrap().through = vec![ThemeId(2)];
        assert_eq!(s.validate().unwrap_err().kind, RuleKind::ResultDoesNotMatchBallots);
    }

    #[test]
    fn a_named_voter_must_be_a_participant_and_vote_once() {
        let mut s = session();
        s.start_round("Top 3", s.votable_themes(), 3);
        let ballot = |p| Ballot {
            voter: Voter::Participant(ParticipantId(p)),
            dots: [(ThemeId(1), 1)].into(),
        };
        s.rounds[0].ballots = vec![ballot(1).into(), ballot(1).into()].into();
        assert_eq!(s.validate().unwrap_err().kind, RuleKind::Vote(VoteError::DuplicateVoter));
        s.rounds[0].ballots = vec![ballot(5).into()].into();
        assert_eq!(s.validate().unwrap_err().kind, RuleKind::UnknownParticipant(ParticipantId(5)));
    }
}
