//! The sessie: everything one knooppunt meeting produces, and the rules that span its parts.

use jiff::Timestamp;
use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use super::ids::next_id;
use super::shared::Shared;
use super::{
    Action, ActionId, Agreement, Ambition, Level, LevelId, Matrix, MatrixError, MeetingDetails,
    Participant, ParticipantId, Role, Round, RoundId, Template, Theme, ThemeId, VoteError, Voter,
};

/// One workshop: one JSON file.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Session {
    /// What the meeting is called, e.g. "Knooppunt De Regenboog, najaar 2026".
    pub title: String,
    /// Where it takes place.
    pub place: String,
    /// The day of the meeting.
    pub meeting_date: Option<Date>,
    /// Who leads it.
    pub facilitator: String,
    /// Free notes.
    pub notes: String,
    /// When the session was made.
    pub created: Timestamp,
    /// When it last changed.
    pub updated: Timestamp,
    /// The key of the template the matrix started from.
    pub template: String,
    /// The file name of the session this one follows up, for a follow-up meeting.
    #[serde(default)]
    pub follows: Option<String>,
    /// The people at the table.
    pub participants: Shared<Participant>,
    /// Themes × levels with their activities.
    pub matrix: Matrix,
    /// Every voting round, oldest first.
    pub rounds: Shared<Round>,
    /// Wie doet wat.
    pub actions: Shared<Action>,
    /// Afspraken over de regie.
    pub agreements: Shared<Agreement>,
    /// The facilitator hid the guide panel (what this step is for and which keys do it):
    /// a new session shows it, and the choice stays with the session. Written only when set,
    /// so older files and files that never hid it stay as they were.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub guide_hidden: bool,
    /// Who and where: the school, its code and type, gemeente, wijk, samenwerkingsverband and
    /// the start time; for the regional overview. Missing in older files: all empty.
    #[serde(default, skip_serializing_if = "MeetingDetails::is_empty")]
    pub details: MeetingDetails,
    /// Ambities (step 3): per focus theme the outcome aimed for and its indicators. Older
    /// files have none, and a session without any writes none, so it reads as before.
    #[serde(default, skip_serializing_if = "Shared::is_empty")]
    pub ambitions: Shared<Ambition>,
    /// Last year's meeting, frozen, when this one follows it up (`knoop vervolg`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub previous: Option<Box<super::PreviousYear>>,
    /// Open seats: the seed's structural partners nobody fills yet, as slots the facilitator
    /// turns into a participant. A separate list rather than participants without a name, so
    /// that voting, owners, validation and reports never meet a half-person: a seat is only a
    /// reminder of who belongs at the table. Older files have none and write none.
    #[serde(default, skip_serializing_if = "Shared::is_empty")]
    pub open_seats: Shared<super::Partner>,
    /// What phones sent in for the inventory and the facilitator has not handled yet: kept
    /// in the file, so a crash loses none of it. Older files have none and write none.
    #[serde(default, skip_serializing_if = "super::InbrengQueue::is_empty")]
    pub inbreng: super::InbrengQueue,
}

/// Why a session-wide change was refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SessionError {
    /// No participant with this id.
    UnknownParticipant(ParticipantId),
    /// The participant is not present, so cannot vote.
    NotPresent(ParticipantId),
    /// No round with this id.
    UnknownRound(RoundId),
    /// A voting rule refused it.
    Vote(VoteError),
    /// The participant voted, so removing them would change a round's count.
    VotedIn(ParticipantId),
    /// The participant owns actions or agreements; removal must say what happens to them.
    OwnsWork {
        /// How many actions and agreements they own.
        owned: usize,
    },
    /// The theme was a candidate in a voting round.
    VotedOn(ThemeId),
    /// A matrix rule refused it.
    Matrix(MatrixError),
    /// The basis row is what everything builds on; it has no ambition of its own.
    BasisHasNoAmbition,
}

impl From<VoteError> for SessionError {
    fn from(e: VoteError) -> Self {
        SessionError::Vote(e)
    }
}

impl Session {
    /// A new session from a template, made at `now`.
    pub fn new(title: &str, template: &Template, now: Timestamp) -> Self {
        Session {
            title: title.to_owned(),
            place: String::new(),
            meeting_date: None,
            facilitator: String::new(),
            notes: String::new(),
            created: now,
            updated: now,
            template: template.key.to_owned(),
            follows: None,
            participants: Shared::default(),
            matrix: template.matrix(),
            rounds: Shared::default(),
            actions: Shared::default(),
            agreements: Shared::default(),
            guide_hidden: false,
            details: MeetingDetails::default(),
            ambitions: Shared::default(),
            previous: None,
            open_seats: super::Partner::STRUCTURAL_SEATS.into_iter().collect(),
            inbreng: super::InbrengQueue::default(),
        }
    }

    /// A new session for a meeting held on `today` (the day knoop makes it, unless the
    /// facilitator changes it with `g`): the date is known, so nobody is asked for it.
    pub fn for_meeting(title: &str, template: &Template, now: Timestamp, today: Date) -> Self {
        Session { meeting_date: Some(today), ..Session::new(title, template, now) }
    }

    /// The session for the next meeting: the same participants (all expected present), themes,
    /// matrix, voting history, agreements and actions, recording the file it follows. Done
    /// actions come along as done, so the list shows what was finished; it starts without a
    /// date and with empty notes.
    pub fn follow_up(&self, title: &str, follows: &str, now: Timestamp) -> Session {
        let mut next = self.clone();
        // Last year's picture, frozen beside this year's (holding the years before it).
        next.previous = Some(Box::new(super::PreviousYear::of(self)));
        next.title = title.to_owned();
        next.follows = Some(follows.to_owned());
        next.meeting_date = None;
        next.notes = String::new();
        next.created = now;
        next.updated = now;
        for p in &mut next.participants {
            p.present = true;
        }
        next
    }

    /// The action made from an activity of this cell with this text, if any: one activity
    /// gets one action.
    pub fn action_for(&self, theme: ThemeId, level: LevelId, text: &str) -> Option<ActionId> {
        self.actions
            .iter()
            .find(|a| a.theme == Some(theme) && a.level == Some(level) && a.text == text)
            .map(|a| a.id)
    }

    /// The needed activities of the focus themes (the basis row included) that no action
    /// takes up yet, in the matrix's order: what step 3 turns into actions.
    pub fn needed_without_action(&self) -> Vec<(ThemeId, LevelId, String)> {
        let focus = self.focus_themes();
        let rows = self.matrix.themes.iter().filter(|t| t.basis || focus.contains(&t.id));
        let mut out = Vec::new();
        for theme in rows {
            for level in &self.matrix.levels {
                for a in theme.activities(level.id) {
                    let needed = a.status == super::ActivityStatus::Needed;
                    if needed && self.action_for(theme.id, level.id, &a.text).is_none() {
                        out.push((theme.id, level.id, a.text.clone()));
                    }
                }
            }
        }
        out
    }

    /// Adds a theme of the room's own to the matrix and, when a round is open, to its
    /// candidates, so the room can vote on it at once.
    pub fn add_own_theme(&mut self, domain: &str, desired: &str, problem: &str) -> ThemeId {
        let theme = self.matrix.add_theme(domain, desired, problem);
        if let Some(round) = self.rounds.iter_mut().find(|r| r.is_open()) {
            round.candidates.push(theme);
        }
        theme
    }

    /// Where an action comes from in the matrix, in words: "Gezonde leefstijl · Selectief",
    /// the theme alone, or nothing.
    pub fn link_label(&self, action: &Action) -> String {
        let theme = action.theme.and_then(|id| self.matrix.theme(id)).map(|t| t.desired.as_str());
        let level = action.level.and_then(|id| self.matrix.level(id)).map(|l| l.name.as_str());
        match (theme, level) {
            (Some(t), Some(l)) => format!("{t} · {l}"),
            (Some(t), None) => t.to_owned(),
            _ => String::new(),
        }
    }

    /// The actions still to do, in list order.
    pub fn open_actions(&self) -> impl Iterator<Item = &Action> {
        self.actions.iter().filter(|a| a.status != super::ActionStatus::Done)
    }

    /// Marks the session changed at `now`.
    pub fn touch(&mut self, now: Timestamp) {
        self.updated = now;
    }

    /// Removes a theme (a row). A theme that was a candidate in a voting round stays, since
    /// the round's count depends on it; one with activities goes only with
    /// `even_with_activities`. Actions linked to it keep their text and lose the link.
    pub fn remove_theme(
        &mut self,
        id: ThemeId,
        even_with_activities: bool,
    ) -> Result<Theme, SessionError> {
        if self.rounds.iter().any(|r| r.candidates.contains(&id)) {
            return Err(SessionError::VotedOn(id));
        }
        let theme =
            self.matrix.remove_theme(id, even_with_activities).map_err(SessionError::Matrix)?;
        // Contributions for a row that is gone have no cell to go to (undo brings both back).
        self.inbreng.items.retain(|c| c.theme != id);
        for action in self.actions.iter_mut().filter(|a| a.theme == Some(id)) {
            action.theme = None;
        }
        if self.ambitions.iter().any(|a| a.theme == id) {
            self.ambitions.retain(|a| a.theme != id);
        }
        Ok(theme)
    }

    /// Removes a level (a column) and its cells; one with activities goes only with
    /// `even_with_activities`. Actions linked to it lose the link.
    pub fn remove_level(
        &mut self,
        id: LevelId,
        even_with_activities: bool,
    ) -> Result<Level, SessionError> {
        let level =
            self.matrix.remove_level(id, even_with_activities).map_err(SessionError::Matrix)?;
        self.inbreng.items.retain(|c| c.level != id);
        for action in self.actions.iter_mut().filter(|a| a.level == Some(id)) {
            action.level = None;
        }
        Ok(level)
    }

    /// The participant with this id.
    pub fn participant(&self, id: ParticipantId) -> Option<&Participant> {
        self.participants.iter().find(|p| p.id == id)
    }

    /// Adds a present participant and returns their id.
    pub fn add_participant(&mut self, name: &str, organisation: &str, role: Role) -> ParticipantId {
        let id = ParticipantId(next_id(self.participants.iter().map(|p| p.id.0)));
        self.participants.push(Participant {
            id,
            name: name.to_owned(),
            organisation: organisation.to_owned(),
            role,
            present: true,
            partner: None,
        });
        id
    }

    /// Fills an open seat: the partner's slot becomes a present participant of that kind, and
    /// the seat is gone. `None` when no seat for this partner is open.
    pub fn fill_seat(
        &mut self,
        seat: super::Partner,
        name: &str,
        organisation: &str,
    ) -> Option<ParticipantId> {
        let at = self.open_seats.iter().position(|&k| k == seat)?;
        self.open_seats.remove(at);
        let id = self.add_participant(name, organisation, Role::Structural);
        if let Some(p) = self.participants.iter_mut().find(|p| p.id == id) {
            p.partner = Some(seat);
        }
        Some(id)
    }

    /// Who is missing at the table today of those the method needs (pupils, parents, JGZ,
    /// the toegang), in that order: nobody present is of that kind.
    pub fn missing_partners(&self) -> Vec<super::Partner> {
        super::Partner::ESSENTIAL
            .into_iter()
            .filter(|&k| !self.participants.iter().any(|p| p.present && p.partner() == Some(k)))
            .collect()
    }

    /// How many actions and agreements this participant owns.
    pub fn owned_by(&self, id: ParticipantId) -> usize {
        let actions = self.actions.iter().filter(|a| a.owner == Some(id)).count();
        let agreements = self.agreements.iter().filter(|a| a.owner == Some(id)).count();
        actions + agreements
    }

    /// Whether this participant has a ballot in any round.
    pub fn has_voted(&self, id: ParticipantId) -> bool {
        self.rounds.iter().flat_map(|r| &r.ballots).any(|b| b.voter == Voter::Participant(id))
    }

    /// Removes a participant. Someone who voted stays (mark them absent instead), since their
    /// dots are part of a count; someone who owns work is removed only with
    /// `unassign_their_work`, which leaves their actions and agreements without an owner.
    pub fn remove_participant(
        &mut self,
        id: ParticipantId,
        unassign_their_work: bool,
    ) -> Result<Participant, SessionError> {
        let at = self
            .participants
            .iter()
            .position(|p| p.id == id)
            .ok_or(SessionError::UnknownParticipant(id))?;
        if self.has_voted(id) {
            return Err(SessionError::VotedIn(id));
        }
        let owned = self.owned_by(id);
        if owned > 0 && !unassign_their_work {
            return Err(SessionError::OwnsWork { owned });
        }
        for action in self.actions.iter_mut().filter(|a| a.owner == Some(id)) {
            action.owner = None;
        }
        for agreement in self.agreements.iter_mut().filter(|a| a.owner == Some(id)) {
            agreement.owner = None;
        }
        Ok(self.participants.remove(at))
    }
}

#[cfg(test)]
#[path = "session_tests.rs"]
mod tests;
