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
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn status_cycles_open_busy_done() {
        let s = ActionStatus::Open;
        assert_eq!(s.next(), ActionStatus::Busy);
        assert_eq!(s.next().next(), ActionStatus::Done);
        assert_eq!(s.next().next().next(), ActionStatus::Open);
    }
}
