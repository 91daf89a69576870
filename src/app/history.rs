//! Undo and redo across every pane, within a memory budget.
//!
//! Each step keeps the whole session as it was; the lists it did not change are shared with
//! the state after it ([`crate::model::Shared`]), so a step costs about what the edit
//! changed. The budget is in bytes, not steps: a hundred small dots and one pasted list of
//! fifty activities cost what they cost, and the oldest steps go first when the budget is
//! full.

use std::collections::VecDeque;

use crate::model::Session;

/// The memory undo may hold: enough for hundreds of edits in the largest meeting.
pub const UNDO_BUDGET: usize = 8 * 1024 * 1024;

/// Older states to go back to, and undone ones to go forward to again.
#[derive(Debug, Default)]
pub struct History {
    /// States before each edit, newest last, each with what it holds on its own.
    undo: VecDeque<(Session, usize)>,
    /// States undone, newest last.
    redo: Vec<Session>,
    /// The sum of the undo steps' own bytes.
    bytes: usize,
}

impl History {
    /// Keeps `before` as the state an undo returns to from `now`; forgets what was undone,
    /// and the oldest steps while over the budget.
    pub fn push(&mut self, before: Session, now: &Session) {
        let cost = before.unshared_bytes(now);
        self.undo.push_back((before, cost));
        self.bytes += cost;
        self.redo.clear();
        while self.bytes > UNDO_BUDGET && self.undo.len() > 1 {
            if let Some((_, cost)) = self.undo.pop_front() {
                self.bytes -= cost;
            }
        }
    }

    /// The state before the last edit, keeping `now` as the state to redo; `None` when
    /// there is nothing to undo.
    pub fn undo(&mut self, now: Session) -> Option<Session> {
        let (before, cost) = self.undo.pop_back()?;
        self.bytes -= cost;
        self.redo.push(now);
        Some(before)
    }

    /// The state the last undo left, keeping `now` to undo again; `None` when there is
    /// nothing to redo.
    pub fn redo(&mut self, now: Session) -> Option<Session> {
        let next = self.redo.pop()?;
        let cost = now.unshared_bytes(&next);
        self.undo.push_back((now, cost));
        self.bytes += cost;
        Some(next)
    }

    /// How many edits can be undone.
    pub fn steps(&self) -> usize {
        self.undo.len()
    }

    /// What the undo steps hold, by [`Session::unshared_bytes`].
    pub fn bytes(&self) -> usize {
        self.bytes
    }
}
