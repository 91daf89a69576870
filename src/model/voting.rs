//! Stemrondes: dot voting on themes, from the long list to the top 12 and the top 3.
//!
//! The rules the room must be able to trust live here: nobody goes over their dots or over
//! the per-theme limit, the count is the count, and a tie at the cut is reported, never broken
//! silently. Only the facilitator breaks it: by a run-off round or by a recorded choice.

use std::collections::BTreeMap;
use std::sync::Arc;

use super::shared::Shared;
use serde::{Deserialize, Serialize};

use super::{ParticipantId, RoundId, ThemeId};

/// Who casts a ballot: a named participant, or the n-th anonymous voter (1-based).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Voter {
    /// A participant of the session, in a named round.
    Participant(ParticipantId),
    /// "Anonieme stemmer 4", in an anonymous round.
    Anonymous(u32),
}

/// One voter's dots: how many on each theme.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Ballot {
    /// Who votes.
    pub voter: Voter,
    /// Dots per theme; themes without dots are left out.
    pub dots: BTreeMap<ThemeId, u32>,
}

impl Ballot {
    /// All dots on this ballot.
    pub fn total(&self) -> u32 {
        self.dots.values().sum()
    }
}

/// Whether dots can still land.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RoundState {
    /// Voting goes on.
    Open,
    /// The result is fixed.
    Closed,
}

/// Themes with equal votes that straddle the cut: places `first_place..=last_place` share
/// `votes`, and only `open_places` of them go through.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Tie {
    /// The tied themes, in candidate order.
    pub themes: Vec<ThemeId>,
    /// The first place they share (1-based).
    pub first_place: u32,
    /// The last place they share.
    pub last_place: u32,
    /// How many of them go through.
    pub open_places: u32,
    /// The votes each of them has.
    pub votes: u32,
}

/// How the facilitator broke a tie at the cut.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Decision {
    /// A run-off round between exactly the tied themes decides.
    RunOff {
        /// The run-off round.
        round: RoundId,
    },
    /// The facilitator picked, with the room's reason on record.
    Picked {
        /// The chosen themes, as many as there were open places.
        themes: Vec<ThemeId>,
        /// Why, in the room's words.
        reason: String,
    },
}

/// The fixed result of a closed round.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RoundResult {
    /// The themes that are surely through, best first.
    pub through: Vec<ThemeId>,
    /// A tie at the cut, if there was one.
    pub tie: Option<Tie>,
    /// How that tie was broken, once it was.
    pub decision: Option<Decision>,
}

/// A theme's place in the ranking. Equal votes share a place ("1, 2, 2, 4").
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Ranked {
    /// The theme.
    pub theme: ThemeId,
    /// Its dots.
    pub votes: u32,
    /// Its place, 1-based, shared with equal votes.
    pub place: u32,
}

/// What goes through at the current counts.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Cut {
    /// Surely through, best first.
    pub through: Vec<ThemeId>,
    /// The tie at the cut, if any.
    pub tie: Option<Tie>,
}

/// Why a vote or a round change was refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum VoteError {
    /// The round is closed: reopen it first.
    Closed,
    /// The round is still open.
    StillOpen,
    /// The theme is not a candidate in this round.
    NotCandidate(ThemeId),
    /// The voter has no dots left.
    OverBudget {
        /// Dots per voter in this round.
        budget: u32,
    },
    /// The voter already gave this theme the most dots one voter may.
    OverThemeLimit {
        /// Most dots per voter per theme.
        limit: u32,
    },
    /// The voter has no dot on this theme to take back.
    NoDotToTakeBack,
    /// A named voter in an anonymous round, or the other way round.
    WrongKindOfVoter,
    /// Two ballots of the same voter.
    DuplicateVoter,
    /// There is no tie to decide.
    NoTie,
    /// The tie was already decided.
    AlreadyDecided,
    /// A pick must name exactly the open places' number of tied themes.
    PickDoesNotFit {
        /// How many themes must be picked.
        open_places: u32,
    },
    /// A pick needs a reason on record.
    ReasonMissing,
}

/// One stemronde.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Round {
    /// Unique within the session.
    pub id: RoundId,
    /// What the room calls it, e.g. "Top 12".
    pub name: String,
    /// The themes that can get dots, in list order.
    pub candidates: Vec<ThemeId>,
    /// Dots each voter may give.
    pub dots_per_voter: u32,
    /// The most dots one voter may give one theme.
    pub max_per_theme: u32,
    /// How many themes go through (12, then 3).
    pub advance: u32,
    /// Ballots of "anonieme stemmer n" instead of named participants.
    pub anonymous: bool,
    /// Counts are hidden until the facilitator reveals them.
    pub secret: bool,
    /// In a secret round: whether the counts have been revealed.
    pub revealed: bool,
    /// Open or closed.
    pub state: RoundState,
    /// The round whose tie this run-off decides.
    pub runoff_of: Option<RoundId>,
    /// One ballot per voter who gave at least one dot.
    pub ballots: Shared<Arc<Ballot>>,
    /// Fixed when the round closes.
    pub result: Option<RoundResult>,
}

impl Round {
    /// Dots per voter unless the facilitator says otherwise.
    pub const DEFAULT_DOTS: u32 = 3;
    /// Most dots per voter per theme unless the facilitator says otherwise.
    pub const DEFAULT_MAX_PER_THEME: u32 = 1;

    /// An open, named, visible round with the default dots.
    pub fn new(id: RoundId, name: &str, candidates: Vec<ThemeId>, advance: u32) -> Self {
        Round {
            id,
            name: name.to_owned(),
            candidates,
            dots_per_voter: Self::DEFAULT_DOTS,
            max_per_theme: Self::DEFAULT_MAX_PER_THEME,
            advance,
            anonymous: false,
            secret: false,
            revealed: false,
            state: RoundState::Open,
            runoff_of: None,
            ballots: Shared::default(),
            result: None,
        }
    }

    /// Whether dots can still land.
    pub fn is_open(&self) -> bool {
        self.state == RoundState::Open
    }

    /// Whether the room may see the counts now.
    pub fn counts_visible(&self) -> bool {
        !self.secret || self.revealed
    }

    /// This voter's ballot, if they gave any dot.
    pub fn ballot(&self, voter: Voter) -> Option<&Ballot> {
        self.ballots.iter().find(|b| b.voter == voter).map(|b| &**b)
    }

    /// Dots this voter still has.
    pub fn dots_left(&self, voter: Voter) -> u32 {
        let used = self.ballot(voter).map_or(0, Ballot::total);
        self.dots_per_voter.saturating_sub(used)
    }

    fn check_voter_kind(&self, voter: Voter) -> Result<(), VoteError> {
        match (voter, self.anonymous) {
            (Voter::Participant(_), false) | (Voter::Anonymous(_), true) => Ok(()),
            _ => Err(VoteError::WrongKindOfVoter),
        }
    }

    /// Gives `theme` one dot of `voter`, within the budget and the per-theme limit.
    pub fn add_dot(&mut self, voter: Voter, theme: ThemeId) -> Result<(), VoteError> {
        if !self.is_open() {
            return Err(VoteError::Closed);
        }
        self.check_voter_kind(voter)?;
        if !self.candidates.contains(&theme) {
            return Err(VoteError::NotCandidate(theme));
        }
        if self.dots_left(voter) == 0 {
            return Err(VoteError::OverBudget { budget: self.dots_per_voter });
        }
        let on_theme = self.ballot(voter).and_then(|b| b.dots.get(&theme).copied()).unwrap_or(0);
        if on_theme >= self.max_per_theme {
            return Err(VoteError::OverThemeLimit { limit: self.max_per_theme });
        }
        let at = match self.ballots.iter().position(|b| b.voter == voter) {
            Some(at) => at,
            None => {
                self.ballots.push(Arc::new(Ballot { voter, dots: BTreeMap::new() }));
                self.ballots.len() - 1
            }
        };
        *Arc::make_mut(&mut self.ballots[at]).dots.entry(theme).or_insert(0) += 1;
        Ok(())
    }

    /// Takes one of `voter`'s dots back from `theme`.
    pub fn take_back_dot(&mut self, voter: Voter, theme: ThemeId) -> Result<(), VoteError> {
        if !self.is_open() {
            return Err(VoteError::Closed);
        }
        let at =
            self.ballots.iter().position(|b| b.voter == voter).ok_or(VoteError::NoDotToTakeBack)?;
        let ballot = Arc::make_mut(&mut self.ballots[at]);
        let dots = ballot.dots.get_mut(&theme).ok_or(VoteError::NoDotToTakeBack)?;
        *dots -= 1;
        if *dots == 0 {
            ballot.dots.remove(&theme);
        }
        if ballot.dots.is_empty() {
            self.ballots.remove(at);
        }
        Ok(())
    }

    /// Checks a whole ballot against this round's rules, as a file or a phone delivers it.
    pub fn check_ballot(&self, ballot: &Ballot) -> Result<(), VoteError> {
        self.check_voter_kind(ballot.voter)?;
        for (&theme, &dots) in &ballot.dots {
            if !self.candidates.contains(&theme) {
                return Err(VoteError::NotCandidate(theme));
            }
            if dots > self.max_per_theme {
                return Err(VoteError::OverThemeLimit { limit: self.max_per_theme });
            }
        }
        if ballot.total() > self.dots_per_voter {
            return Err(VoteError::OverBudget { budget: self.dots_per_voter });
        }
        Ok(())
    }

    /// All dots on `theme`.
    pub fn votes_for(&self, theme: ThemeId) -> u32 {
        self.ballots.iter().filter_map(|b| b.dots.get(&theme)).sum()
    }

    /// Every candidate with its dots, in list order.
    pub fn tally(&self) -> Vec<(ThemeId, u32)> {
        let mut votes: BTreeMap<ThemeId, u32> = BTreeMap::new();
        for ballot in &self.ballots {
            for (&theme, &dots) in &ballot.dots {
                *votes.entry(theme).or_insert(0) += dots;
            }
        }
        self.candidates.iter().map(|&t| (t, votes.get(&t).copied().unwrap_or(0))).collect()
    }

    /// The candidates from most to fewest dots; equal dots keep list order and share a place.
    pub fn ranking(&self) -> Vec<Ranked> {
        let mut tally = self.tally();
        // A stable sort keeps list order among equals, so the screen never reshuffles them.
        tally.sort_by_key(|&(_, votes)| std::cmp::Reverse(votes));
        let mut ranked: Vec<Ranked> = Vec::with_capacity(tally.len());
        for (i, (theme, votes)) in tally.into_iter().enumerate() {
            let place = match ranked.last() {
                Some(prev) if prev.votes == votes => prev.place,
                _ => i as u32 + 1,
            };
            ranked.push(Ranked { theme, votes, place });
        }
        ranked
    }

    /// What goes through at the current counts, and the tie at the cut if there is one.
    pub fn cut(&self) -> Cut {
        let ranking = self.ranking();
        let n = self.advance as usize;
        if n == 0 || ranking.len() <= n || ranking[n - 1].votes != ranking[n].votes {
            return Cut { through: ranking.iter().take(n).map(|r| r.theme).collect(), tie: None };
        }
        let votes = ranking[n - 1].votes;
        let through: Vec<ThemeId> =
            ranking.iter().take_while(|r| r.votes > votes).map(|r| r.theme).collect();
        let tied: Vec<ThemeId> =
            ranking.iter().filter(|r| r.votes == votes).map(|r| r.theme).collect();
        let first_place = through.len() as u32 + 1;
        Cut {
            tie: Some(Tie {
                first_place,
                last_place: first_place + tied.len() as u32 - 1,
                open_places: (n - through.len()) as u32,
                votes,
                themes: tied,
            }),
            through,
        }
    }

    /// Closes the round and fixes its result. A tie at the cut is kept in the result,
    /// undecided, for the facilitator to break.
    pub fn close(&mut self) -> Result<&RoundResult, VoteError> {
        if !self.is_open() {
            return Err(VoteError::Closed);
        }
        let cut = self.cut();
        self.state = RoundState::Closed;
        Ok(self.result.insert(RoundResult { through: cut.through, tie: cut.tie, decision: None }))
    }

    /// Opens a closed round again; its result and any tie decision are dropped.
    pub fn reopen(&mut self) -> Result<(), VoteError> {
        if self.is_open() {
            return Err(VoteError::StillOpen);
        }
        self.state = RoundState::Open;
        self.result = None;
        Ok(())
    }

    /// The tie at the cut of the closed result that is still waiting for a decision.
    pub fn undecided_tie(&self) -> Option<&Tie> {
        let result = self.result.as_ref()?;
        match (&result.tie, &result.decision) {
            (Some(tie), None) => Some(tie),
            _ => None,
        }
    }

    /// Breaks the tie by the facilitator's pick, with the reason on record.
    pub fn pick(&mut self, themes: Vec<ThemeId>, reason: &str) -> Result<(), VoteError> {
        let tie = self.undecided_tie().ok_or(self.no_tie_error())?;
        let distinct: std::collections::BTreeSet<_> = themes.iter().collect();
        if themes.len() != tie.open_places as usize
            || distinct.len() != themes.len()
            || !themes.iter().all(|t| tie.themes.contains(t))
        {
            return Err(VoteError::PickDoesNotFit { open_places: tie.open_places });
        }
        if reason.trim().is_empty() {
            return Err(VoteError::ReasonMissing);
        }
        self.decide(Decision::Picked { themes, reason: reason.trim().to_owned() })
    }

    pub(crate) fn no_tie_error(&self) -> VoteError {
        match &self.result {
            None => VoteError::StillOpen,
            Some(r) if r.decision.is_some() => VoteError::AlreadyDecided,
            Some(_) => VoteError::NoTie,
        }
    }

    pub(crate) fn decide(&mut self, decision: Decision) -> Result<(), VoteError> {
        if self.undecided_tie().is_none() {
            return Err(self.no_tie_error());
        }
        if let Some(result) = &mut self.result {
            result.decision = Some(decision);
        }
        Ok(())
    }
}

#[cfg(test)]
#[path = "voting_tests.rs"]
mod tests;
