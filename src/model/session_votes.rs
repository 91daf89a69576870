//! The session's voting rules that span rounds and participants: starting a round, dots and
//! ballots, run-offs, and which themes are the focus now. Split from `session` to keep each
//! file short; it is the same `impl Session`.

use super::ids::next_id;
use super::session::SessionError;
use super::{Decision, Round, RoundId, Session, ThemeId, Tie, VoteError, Voter};

impl Session {
    /// The round with this id.
    pub fn round(&self, id: RoundId) -> Option<&Round> {
        self.rounds.iter().find(|r| r.id == id)
    }

    fn round_mut(&mut self, id: RoundId) -> Result<&mut Round, SessionError> {
        self.rounds.iter_mut().find(|r| r.id == id).ok_or(SessionError::UnknownRound(id))
    }

    /// Starts a new open round and returns its id.
    pub fn start_round(&mut self, name: &str, candidates: Vec<ThemeId>, advance: u32) -> RoundId {
        let id = RoundId(next_id(self.rounds.iter().map(|r| r.id.0)));
        self.rounds.push(Round::new(id, name, candidates, advance));
        id
    }

    /// The themes that can be candidates: every theme except the basis row.
    pub fn votable_themes(&self) -> Vec<ThemeId> {
        self.matrix.themes.iter().filter(|t| !t.basis).map(|t| t.id).collect()
    }

    /// Gives a dot, checking that a named voter is a present participant.
    pub fn add_dot(
        &mut self,
        round: RoundId,
        voter: Voter,
        theme: ThemeId,
    ) -> Result<(), SessionError> {
        if let Voter::Participant(id) = voter {
            let p = self.participant(id).ok_or(SessionError::UnknownParticipant(id))?;
            if !p.present {
                return Err(SessionError::NotPresent(id));
            }
        }
        Ok(self.round_mut(round)?.add_dot(voter, theme)?)
    }

    /// Puts a whole ballot in an open round at once, as a phone sends it: checked by the same
    /// rules as dots from the keyboard, replacing the voter's earlier ballot. An empty ballot
    /// takes the voter's dots back.
    pub fn set_ballot(
        &mut self,
        round: RoundId,
        ballot: super::Ballot,
    ) -> Result<(), SessionError> {
        if let Voter::Participant(id) = ballot.voter {
            let p = self.participant(id).ok_or(SessionError::UnknownParticipant(id))?;
            if !p.present {
                return Err(SessionError::NotPresent(id));
            }
        }
        let r = self.round_mut(round)?;
        if !r.is_open() {
            return Err(VoteError::Closed.into());
        }
        let mut ballot = ballot;
        ballot.dots.retain(|_, n| *n > 0);
        r.check_ballot(&ballot)?;
        r.ballots.retain(|b| b.voter != ballot.voter);
        if !ballot.dots.is_empty() {
            r.ballots.push(std::sync::Arc::new(ballot));
        }
        Ok(())
    }

    /// Starts a run-off round between exactly the themes tied at the cut of `round`, for its
    /// open places, and records it as the way that tie is decided.
    pub fn start_runoff(&mut self, round: RoundId) -> Result<RoundId, SessionError> {
        let parent = self.round(round).ok_or(SessionError::UnknownRound(round))?;
        let tie: Tie = parent.undecided_tie().cloned().ok_or_else(|| parent.no_tie_error())?;
        let (name, anonymous, secret) = (parent.name.clone(), parent.anonymous, parent.secret);
        let id = RoundId(next_id(self.rounds.iter().map(|r| r.id.0)));
        self.round_mut(round)?.decide(Decision::RunOff { round: id })?;
        let mut runoff =
            Round::new(id, &format!("{name} – herstemming"), tie.themes, tie.open_places);
        runoff.dots_per_voter = tie.open_places;
        runoff.anonymous = anonymous;
        runoff.secret = secret;
        runoff.runoff_of = Some(round);
        self.rounds.push(runoff);
        Ok(id)
    }

    /// The settled result of a closed round, with its tie decision applied (following run-offs),
    /// and whether it is complete: `None` while the round is open.
    pub fn settled_result(&self, round: RoundId) -> Option<(Vec<ThemeId>, bool)> {
        // Each run-off is a later round than the one it decides, so this is bounded.
        let round = self.round(round)?;
        let result = round.result.as_ref()?;
        let mut themes = result.through.clone();
        let complete = match (&result.tie, &result.decision) {
            (None, _) => true,
            (Some(_), None) => false,
            (Some(_), Some(Decision::Picked { themes: picked, .. })) => {
                themes.extend(picked);
                true
            }
            (Some(_), Some(Decision::RunOff { round: runoff })) if *runoff > round.id => {
                match self.settled_result(*runoff) {
                    Some((won, complete)) => {
                        themes.extend(won);
                        complete
                    }
                    None => false,
                }
            }
            (Some(_), Some(Decision::RunOff { .. })) => false,
        };
        Some((themes, complete))
    }

    /// The focus themes: the result of the last closed round (a run-off counts toward the
    /// round it decides). Empty when no round has closed.
    pub fn focus_themes(&self) -> Vec<ThemeId> {
        self.rounds
            .iter()
            .rev()
            .filter(|r| r.runoff_of.is_none() && !r.is_open())
            .find_map(|r| self.settled_result(r.id))
            .map(|(themes, _)| themes)
            .unwrap_or_default()
    }
}
