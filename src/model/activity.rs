//! An activiteit in a matrix cell: what it is, bestaand or nodig, who provides it, where it
//! happens, and its recognition in the Databank Effectieve Jeugdinterventies.

use serde::{Deserialize, Serialize};

/// Whether an activity already happens or is still needed.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ActivityStatus {
    /// Bestaand: it happens today.
    #[default]
    Existing,
    /// Nodig: the room wants it, nobody does it yet.
    Needed,
}

/// Where an activity happens (seed 001: in school, the neighbourhood, at home, online).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Setting {
    /// Op school.
    School,
    /// In de wijk.
    Wijk,
    /// Thuis.
    Thuis,
    /// Online.
    Online,
}

impl Setting {
    /// The next setting for a one-key change; after the last, none.
    pub fn next(setting: Option<Setting>) -> Option<Setting> {
        match setting {
            None => Some(Setting::School),
            Some(Setting::School) => Some(Setting::Wijk),
            Some(Setting::Wijk) => Some(Setting::Thuis),
            Some(Setting::Thuis) => Some(Setting::Online),
            Some(Setting::Online) => None,
        }
    }
}

/// How the Databank Effectieve Jeugdinterventies rates an intervention (seed 001): from not
/// recognised to effective by strong evidence.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Recognition {
    /// Niet erkend.
    NietErkend,
    /// Goed onderbouwd.
    GoedOnderbouwd,
    /// Effectief volgens eerste aanwijzingen.
    EersteAanwijzingen,
    /// Effectief volgens goede aanwijzingen.
    GoedeAanwijzingen,
    /// Effectief volgens sterke aanwijzingen.
    SterkeAanwijzingen,
}

impl Recognition {
    /// Every level, from none to the strongest.
    pub const ALL: [Recognition; 5] = [
        Recognition::NietErkend,
        Recognition::GoedOnderbouwd,
        Recognition::EersteAanwijzingen,
        Recognition::GoedeAanwijzingen,
        Recognition::SterkeAanwijzingen,
    ];

    /// Whether the Databank recognises it (goed onderbouwd or effectief).
    pub fn recognised(self) -> bool {
        self != Recognition::NietErkend
    }

    /// The short marker the matrix shows, the same in every language (the Databank is Dutch):
    /// NE, GO, E1, E2, E3.
    pub fn marker(self) -> &'static str {
        match self {
            Recognition::NietErkend => "NE",
            Recognition::GoedOnderbouwd => "GO",
            Recognition::EersteAanwijzingen => "E1",
            Recognition::GoedeAanwijzingen => "E2",
            Recognition::SterkeAanwijzingen => "E3",
        }
    }

    /// The next level for a one-key change; after the strongest, none (not looked up yet).
    pub fn next(recognition: Option<Recognition>) -> Option<Recognition> {
        match recognition {
            None => Some(Recognition::NietErkend),
            Some(r) => Recognition::ALL
                .iter()
                .position(|&x| x == r)
                .and_then(|i| Recognition::ALL.get(i + 1))
                .copied(),
        }
    }
}

/// One activiteit in a cell: what, whether it exists, who provides it, and what it is.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Activity {
    /// What happens, e.g. "Gezonde schoolkantine".
    pub text: String,
    /// Existing or needed.
    pub status: ActivityStatus,
    /// Who provides it, e.g. "JGZ"; empty when nobody is named yet.
    pub provider: String,
    /// Where it happens; none when not said.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub setting: Option<Setting>,
    /// Informal (volunteers, parents, a club) rather than a professional service.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub informal: bool,
    /// Its rating in the Databank Effectieve Jeugdinterventies; none when not looked up.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub recognition: Option<Recognition>,
    /// The intervention's name as the Databank lists it, when it is one.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub intervention: String,
    /// The room decided to stop it: the Databank says it does not work (seed 001).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub stop: bool,
}

impl Activity {
    /// An activity with a text, status and provider, and nothing said yet about what it is.
    pub fn new(text: &str, status: ActivityStatus, provider: &str) -> Activity {
        Activity {
            text: text.to_owned(),
            status,
            provider: provider.to_owned(),
            setting: None,
            informal: false,
            recognition: None,
            intervention: String::new(),
            stop: false,
        }
    }
}
