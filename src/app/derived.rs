//! What the screen computes from the session, computed once per change instead of once per
//! frame or per row: the ranking of the round on screen with its counts, who still has dots,
//! and an index of the themes by id.
//!
//! `update` refreshes it after every message. Each part remembers the lists it was computed
//! from ([`Shared`] copies, compared by pointer), so it is recomputed only when one of them
//! changed; and a reader never trusts a stale part: when the lists differ (a test that changed
//! the session by hand) it computes afresh.

use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::Arc;

use crate::model::{Participant, Ranked, Round, RoundId, Shared, Theme, ThemeId, Voter};

use super::App;

/// The round on screen as the Stemmen pane shows it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RoundView {
    /// The round.
    pub round: RoundId,
    /// From most to fewest dots, with places.
    pub ranking: Vec<Ranked>,
    /// The ranking of each theme.
    pub by_theme: HashMap<ThemeId, Ranked>,
    /// The themes in the order the pane lists them.
    pub rows: Vec<ThemeId>,
    /// Whether that order is the ranking.
    pub ranked: bool,
    /// Who may vote.
    pub voters: Vec<Voter>,
    /// The dots each voter gave.
    pub used: HashMap<Voter, u32>,
    /// Dots not yet given by those who may vote.
    pub dots_out: u32,
}

impl RoundView {
    /// The view of `round` with the present `participants`, in ranking order when `ranked`
    /// (the facilitator's choice; `None`: ranking once the round is closed).
    pub fn of(round: &Round, participants: &[Participant], ranked: Option<bool>) -> RoundView {
        let ranking = round.ranking();
        let by_theme = ranking.iter().map(|r| (r.theme, *r)).collect();
        let ranked = round.counts_visible() && ranked.unwrap_or(!round.is_open());
        let rows = if ranked {
            ranking.iter().map(|r| r.theme).collect()
        } else {
            round.candidates.clone()
        };
        let present = participants.iter().filter(|p| p.present);
        let voters: Vec<Voter> = if round.anonymous {
            (1..=present.count() as u32).map(Voter::Anonymous).collect()
        } else {
            present.map(|p| Voter::Participant(p.id)).collect()
        };
        let used: HashMap<Voter, u32> =
            round.ballots.iter().map(|b| (b.voter, b.total())).collect();
        let dots_out = voters
            .iter()
            .map(|v| round.dots_per_voter.saturating_sub(used.get(v).copied().unwrap_or(0)))
            .sum();
        RoundView { round: round.id, ranking, by_theme, rows, ranked, voters, used, dots_out }
    }

    /// The dots `voter` has left in `round`.
    pub fn dots_left(&self, round: &Round, voter: Voter) -> u32 {
        round.dots_per_voter.saturating_sub(self.used.get(&voter).copied().unwrap_or(0))
    }
}

/// The lists a [`RoundView`] was computed from.
#[derive(Debug)]
struct RoundKey {
    rounds: Shared<Round>,
    participants: Shared<Participant>,
    ranked: Option<bool>,
}

/// Where each theme stands in the list it was computed from.
#[derive(Debug)]
struct ThemeIndex {
    themes: Shared<Arc<Theme>>,
    at: HashMap<ThemeId, usize>,
}

/// The cache itself.
#[derive(Debug, Default)]
pub struct Derived {
    themes: Option<ThemeIndex>,
    round: Option<(RoundKey, Option<RoundView>)>,
}

impl App {
    /// Recomputes what changed since the last message. Called by `update`.
    pub(crate) fn refresh(&mut self) {
        let themes = &self.session.matrix.themes;
        if !self.derived.themes.as_ref().is_some_and(|index| index.themes.same(themes)) {
            let at = themes.iter().enumerate().map(|(i, t)| (t.id, i)).collect();
            self.derived.themes = Some(ThemeIndex { themes: themes.clone(), at });
        }
        if !self.derived.round.as_ref().is_some_and(|(key, _)| self.fits(key)) {
            let key = RoundKey {
                rounds: self.session.rounds.clone(),
                participants: self.session.participants.clone(),
                ranked: self.voting.ranked,
            };
            let view = self.compute_round_view();
            self.derived.round = Some((key, view));
        }
    }

    fn fits(&self, key: &RoundKey) -> bool {
        key.rounds.same(&self.session.rounds)
            && key.participants.same(&self.session.participants)
            && key.ranked == self.voting.ranked
    }

    fn compute_round_view(&self) -> Option<RoundView> {
        let round = self.shown_round()?;
        Some(RoundView::of(round, &self.session.participants, self.voting.ranked))
    }

    /// The theme with this id, found through the index.
    pub fn theme(&self, id: ThemeId) -> Option<&Theme> {
        let themes = &self.session.matrix.themes;
        match &self.derived.themes {
            Some(index) if index.themes.same(themes) => index.at.get(&id).map(|&i| &*themes[i]),
            _ => self.session.matrix.theme(id),
        }
    }

    /// The round on screen with its ranking and counts, from the cache when it is current.
    pub fn round_view(&self) -> Option<Cow<'_, RoundView>> {
        match &self.derived.round {
            Some((key, view)) if self.fits(key) => view.as_ref().map(Cow::Borrowed),
            _ => self.compute_round_view().map(Cow::Owned),
        }
    }
}
