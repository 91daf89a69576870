//! Deelnemers: the people at the table.

use serde::{Deserialize, Serialize};

use super::ParticipantId;

/// Whether a partner is always at the knooppunt table or joins when a subject asks for it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// Structurele kernpartner: part of every meeting.
    #[default]
    Structural,
    /// Incidentele kernpartner: joins for some subjects.
    Incidental,
}

/// One deelnemer: a person, the organisation they speak for, and whether they are here today.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Participant {
    /// Unique within the session.
    pub id: ParticipantId,
    /// How the room calls them, e.g. "Fatima el Amrani".
    pub name: String,
    /// Who they speak for, e.g. "JGZ" or "ouder".
    pub organisation: String,
    /// Structural or incidental partner.
    pub role: Role,
    /// Present at this meeting; only present participants vote.
    pub present: bool,
}
