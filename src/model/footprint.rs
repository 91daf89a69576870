//! How much memory an undo step really holds: the parts of an older session state that it
//! does not share with the state after it.
//!
//! Sizes are measured as the length of the part's JSON, which follows the size of its
//! strings and lists closely enough to keep undo within a budget in bytes, and costs only a
//! pass over what changed: shared parts are recognised by pointer and cost nothing.

use std::io;
use std::sync::Arc;

use serde::Serialize;

use super::{Round, Session, Shared};

/// Counts the bytes written to it and keeps none.
struct Count(usize);

impl io::Write for Count {
    fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
        self.0 += bytes.len();
        Ok(bytes.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

/// The size of `value` as JSON: a stand-in for the memory it holds.
fn size<T: Serialize + ?Sized>(value: &T) -> usize {
    let mut count = Count(0);
    let _ = serde_json::to_writer(&mut count, value);
    count.0
}

/// Bytes of a list of `Arc`s held only by `older`: the pointers, and each element whose
/// `Arc` is not the one at the same place in `newer`.
fn arcs<T: Serialize>(older: &Shared<Arc<T>>, newer: &Shared<Arc<T>>) -> usize {
    if older.same(newer) {
        return 0;
    }
    let own = older
        .iter()
        .enumerate()
        .filter(|(i, item)| newer.get(*i).is_none_or(|n| !Arc::ptr_eq(item, n)))
        .map(|(_, item)| size(&**item))
        .sum::<usize>();
    older.len() * size_of::<usize>() + own
}

/// Bytes of a list held only by `older`: all of it, unless the two share it.
fn list<T: Serialize>(older: &Shared<T>, newer: &Shared<T>) -> usize {
    if older.same(newer) { 0 } else { size(&**older) }
}

/// Bytes of the rounds held only by `older`: each round's own fields, and its ballots as
/// far as they are not shared with the same round in `newer`.
fn rounds(older: &Shared<Round>, newer: &Shared<Round>) -> usize {
    if older.same(newer) {
        return 0;
    }
    older
        .iter()
        .map(|round| {
            let fields = size_of::<Round>() + round.name.len() + round.candidates.len() * 4;
            let result = round.result.as_ref().map_or(0, size);
            let ballots = match newer.iter().find(|r| r.id == round.id) {
                Some(n) => arcs(&round.ballots, &n.ballots),
                None => size(&*round.ballots),
            };
            fields + result + ballots
        })
        .sum()
}

impl Session {
    /// Roughly the bytes `self` holds that `newer` does not share: what keeping `self` as an
    /// undo step costs while `newer` is kept too.
    pub fn unshared_bytes(&self, newer: &Session) -> usize {
        let texts = self.title.len() + self.place.len() + self.facilitator.len() + self.notes.len();
        size_of::<Session>()
            + texts
            + list(&self.participants, &newer.participants)
            + list(&self.actions, &newer.actions)
            + list(&self.agreements, &newer.agreements)
            + size(&self.matrix.levels)
            + arcs(&self.matrix.themes, &newer.matrix.themes)
            + rounds(&self.rounds, &newer.rounds)
            // A plain list: every step holds its own copy.
            + if self.inbreng.is_empty() { 0 } else { size(&self.inbreng) }
    }
}

#[cfg(test)]
mod tests {
    use jiff::Timestamp;

    use super::*;
    use crate::model::template::PREVENTIEMATRIX;
    use crate::model::{Role, Voter};

    #[test]
    fn a_dot_costs_one_ballot_not_the_session() {
        let mut s = Session::new("T", &PREVENTIEMATRIX, Timestamp::UNIX_EPOCH);
        for i in 0..200 {
            s.add_participant(&format!("Deelnemer {i}"), "Organisatie", Role::Structural);
        }
        let candidates = s.votable_themes();
        let round = s.start_round("Top 3", candidates.clone(), 3);
        let voters: Vec<_> = s.participants.iter().map(|p| p.id).collect();
        for (i, &v) in voters.iter().enumerate() {
            let _ = s.add_dot(round, Voter::Participant(v), candidates[i % candidates.len()]);
        }
        let before = s.clone();
        assert_eq!(before.unshared_bytes(&s), size_of::<Session>() + 1 + size(&s.matrix.levels));
        let _ = s.add_dot(round, Voter::Participant(voters[0]), candidates[5]);
        let step = before.unshared_bytes(&s);
        let whole = size(&before);
        assert!(step * 10 < whole, "a step of {step} bytes, the session {whole}");
        assert!(step > 200 * size_of::<usize>(), "the ballot pointers are counted");
    }
}
