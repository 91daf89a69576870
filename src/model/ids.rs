//! Typed ids, so a theme id can never be passed where a participant id is meant.
//!
//! Ids are small numbers, unique per kind within one session, and never reused while the
//! thing they name exists. In the file they are plain numbers.

use serde::{Deserialize, Serialize};

macro_rules! id_type {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        #[serde(transparent)]
        pub struct $name(pub u32);

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                write!(f, "{}", self.0)
            }
        }
    };
}

id_type!(
    /// Names a [`crate::model::Participant`].
    ParticipantId
);
id_type!(
    /// Names a [`crate::model::Theme`] (a row of the matrix).
    ThemeId
);
id_type!(
    /// Names a [`crate::model::Level`] (a column of the matrix).
    LevelId
);
id_type!(
    /// Names a [`crate::model::Round`].
    RoundId
);
id_type!(
    /// Names an [`crate::model::Action`].
    ActionId
);
id_type!(
    /// Names an [`crate::model::Agreement`].
    AgreementId
);

/// The next free id number after the ones in use: one more than the largest.
pub(crate) fn next_id(in_use: impl Iterator<Item = u32>) -> u32 {
    in_use.max().map_or(1, |max| max + 1)
}
