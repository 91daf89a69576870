//! Acties (wie doet wat, wanneer) and afspraken over de regie.

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use super::{ActionId, AgreementId, LevelId, ParticipantId, ThemeId};

/// Where an action stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum ActionStatus {
    /// Open: nobody started yet.
    #[default]
    Open,
    /// Bezig: under way.
    Busy,
    /// Klaar: done.
    Done,
}

impl ActionStatus {
    /// The next status in the cycle open → bezig → klaar → open, for a one-key change.
    pub fn next(self) -> Self {
        match self {
            ActionStatus::Open => ActionStatus::Busy,
            ActionStatus::Busy => ActionStatus::Done,
            ActionStatus::Done => ActionStatus::Open,
        }
    }
}

/// One actie: what, who, by when, and where in the matrix it comes from.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Action {
    /// Unique within the session.
    pub id: ActionId,
    /// What will be done.
    pub text: String,
    /// Who does it; none yet is allowed but flagged, since "wie doet wat" is the point.
    pub owner: Option<ParticipantId>,
    /// By when.
    pub due: Option<Date>,
    /// Open, bezig, klaar.
    pub status: ActionStatus,
    /// The theme it serves, if any.
    pub theme: Option<ThemeId>,
    /// The level it serves, if any.
    pub level: Option<LevelId>,
    /// What came of it, in a line, for the meeting a year later.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub result: String,
}

/// The questions of step 4 (seed 000, "Maak afspraken over de regie"), and when the table
/// meets again: every regie agreement answers one of them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RegieQuestion {
    /// Wat is nodig om het overzicht te bewaren?
    Overzicht,
    /// Hoe kunnen de kwaliteit en de effectiviteit (outcome) gemeten en gevolgd worden?
    Kwaliteit,
    /// Wat zijn ieders taken daarin?
    Taken,
    /// Hoe communiceren we?
    Communicatie,
    /// Wanneer komen we weer bij elkaar? (the yearly cycle of the Kwaliteitskompas)
    Weerzien,
}

impl RegieQuestion {
    /// In the order the method asks them.
    pub const ALL: [RegieQuestion; 5] = [
        RegieQuestion::Overzicht,
        RegieQuestion::Kwaliteit,
        RegieQuestion::Taken,
        RegieQuestion::Communicatie,
        RegieQuestion::Weerzien,
    ];

    /// 1 to 5, as the screen and the report number them.
    pub fn number(self) -> usize {
        RegieQuestion::ALL.iter().position(|&q| q == self).map_or(0, |i| i + 1)
    }

    /// The question after this one; after the last, none (an agreement of its own kind).
    pub fn next(question: Option<RegieQuestion>) -> Option<RegieQuestion> {
        match question {
            None => Some(RegieQuestion::Overzicht),
            Some(q) => RegieQuestion::ALL.get(q.number()).copied(),
        }
    }
}

/// One afspraak over de regie (step 4): keeping the overview, measuring, roles, communication.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Agreement {
    /// Unique within the session.
    pub id: AgreementId,
    /// The agreement.
    pub text: String,
    /// Who keeps it.
    pub owner: Option<ParticipantId>,
    /// When the room looks at it again.
    pub review: Option<Date>,
    /// The regie question it answers; none in files from before the questions were asked.
    #[serde(default)]
    pub question: Option<RegieQuestion>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn regie_questions_are_numbered_and_cycle_through_none() {
        assert_eq!(RegieQuestion::ALL.map(RegieQuestion::number), [1, 2, 3, 4, 5]);
        let mut q = None;
        let mut seen = Vec::new();
        for _ in 0..6 {
            q = RegieQuestion::next(q);
            seen.push(q);
        }
        assert_eq!(seen[..5], RegieQuestion::ALL.map(Some));
        assert_eq!(seen[5], None, "after the last question: an agreement of its own kind");
    }

    #[test]
    fn status_cycles_open_busy_done() {
        let s = ActionStatus::Open;
        assert_eq!(s.next(), ActionStatus::Busy);
        assert_eq!(s.next().next(), ActionStatus::Done);
        assert_eq!(s.next().next().next(), ActionStatus::Open);
    }
}
