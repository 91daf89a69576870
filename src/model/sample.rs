//! Larger sessions made from a real one, for benchmarks and load tests: what knoop must stay
//! fast with is a meeting many times the size of the example, in every list at once.

use std::sync::Arc;

use super::{ParticipantId, Session, ThemeId, Voter};

/// `session` with `factor` times its participants, themes (the basis row stays last),
/// actions and agreements, and a last open round voting on every theme, in which every
/// participant gave three dots.
pub fn scaled(session: &Session, factor: u32) -> Session {
    let mut s = session.clone();
    let (participants, themes, actions, agreements) =
        (s.participants.clone(), s.matrix.themes.clone(), s.actions.clone(), s.agreements.clone());
    // Ids of the copies start past every id in use, so none collides.
    let step = 1000;
    for copy in 1..factor {
        for p in participants.iter() {
            let mut p = p.clone();
            p.id = ParticipantId(p.id.0 + step * copy);
            s.participants.push(p);
        }
        for t in themes.iter().filter(|t| !t.basis) {
            let mut t = (**t).clone();
            t.id = ThemeId(t.id.0 + step * copy);
            let at = s.matrix.themes.len().saturating_sub(1);
            s.matrix.themes.insert(at, Arc::new(t));
        }
        for a in actions.iter() {
            let mut a = a.clone();
            a.id.0 += step * copy;
            s.actions.push(a);
        }
        for a in agreements.iter() {
            let mut a = a.clone();
            a.id.0 += step * copy;
            s.agreements.push(a);
        }
    }
    let candidates = s.votable_themes();
    let round = s.start_round("Alles", candidates.clone(), 12);
    let voters: Vec<_> = s.participants.iter().map(|p| p.id).collect();
    for (i, voter) in voters.into_iter().enumerate() {
        for k in 0..3 {
            let theme = candidates[(i * 7 + k * 13) % candidates.len()];
            let _ = s.add_dot(round, Voter::Participant(voter), theme);
        }
    }
    s
}
