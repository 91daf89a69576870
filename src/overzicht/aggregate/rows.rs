//! The rows of the overview's sections, as the screen and the exports show them.

use super::*;

/// A theme that is a focus theme (top 3) in some sessions.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TopRow {
    /// The theme.
    pub theme: String,
    /// The sessions where it is a focus theme (indexes into the scan's sessions).
    pub sessions: Vec<usize>,
    /// How many of them per gemeente ("" for unknown), most first.
    pub by_gemeente: Vec<(String, usize)>,
    /// Per wijk.
    pub by_wijk: Vec<(String, usize)>,
    /// Per school type (`None` for unknown).
    pub by_type: Vec<(Option<SchoolType>, usize)>,
}

/// A theme × level cell that is a gap in some sessions.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GapRow {
    /// The theme.
    pub theme: String,
    /// The level.
    pub level: String,
    /// Sessions where something is needed (nodig) here.
    pub needed: Vec<usize>,
    /// Sessions where nothing exists here.
    pub nothing: Vec<usize>,
    /// Sessions with either: the count the list is sorted by.
    pub sessions: Vec<usize>,
}

/// A provider (uitvoerder), its spellings grouped.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ProviderRow {
    /// The name the group goes by: its shortest spelling.
    pub name: String,
    /// The other spellings grouped under it, as typed.
    pub also: Vec<String>,
    /// Sessions where it runs activities.
    pub runs: Vec<usize>,
    /// Sessions where it is asked for (named at a needed activity).
    pub asked: Vec<usize>,
    /// The themes it works on or is asked for.
    pub themes: Vec<String>,
    /// Every session behind the row.
    pub sessions: Vec<usize>,
}

/// One school's follow-through: its sessions, its latest meeting and its open actions.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FollowRow {
    /// The school as the overview names it.
    pub school: String,
    /// Its sessions, oldest meeting first.
    pub sessions: Vec<usize>,
    /// Open actions in its latest session.
    pub open: usize,
    /// Of those, past their date.
    pub overdue: usize,
    /// The day of its latest meeting.
    pub last: Date,
    /// No meeting for more than 12 months.
    pub stale: bool,
    /// Indicators in its latest session at or past their target.
    pub reached: usize,
    /// Indicators moved from their baseline toward the target.
    pub closer: usize,
    /// Indicators not moved toward their target.
    pub not_yet: usize,
}

/// One intervention across schools: its Databank rating, where it runs, who stops it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct InterventionRow {
    /// The Databank's name, else the activity's text.
    pub name: String,
    /// The strongest rating any session gives it; `None` when nobody looked it up.
    pub recognition: Option<Recognition>,
    /// Sessions where it runs (bestaand).
    pub runs: Vec<usize>,
    /// How many schools those sessions are (a school with a follow-up counts once).
    pub run_schools: usize,
    /// Sessions where it is asked for (nodig).
    pub asked: Vec<usize>,
    /// Sessions that mark it to stop.
    pub stop: Vec<usize>,
    /// Every session behind the row.
    pub sessions: Vec<usize>,
    /// Where it runs: per gemeente ("" for unknown), most first.
    pub by_gemeente: Vec<(String, usize)>,
    /// Per wijk.
    pub by_wijk: Vec<(String, usize)>,
    /// Per school type (`None` for unknown).
    pub by_type: Vec<(Option<SchoolType>, usize)>,
}

/// One theme's indicators across the schools' latest sessions: reached, closer, not yet.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ProgressRow {
    /// The theme of the ambitions.
    pub theme: String,
    /// Indicators at or past their target.
    pub reached: usize,
    /// Indicators moved toward their target.
    pub closer: usize,
    /// Indicators not moved toward their target.
    pub not_yet: usize,
    /// The sessions behind the counts.
    pub sessions: Vec<usize>,
}

/// Everything the overview shows, for the sessions a filter lets through.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Overview {
    /// The sessions that count (indexes into the scan's sessions).
    pub shown: Vec<usize>,
    /// Focus themes across schools, most sessions first.
    pub top: Vec<TopRow>,
    /// Shared gaps, the gaps most schools share first.
    pub gaps: Vec<GapRow>,
    /// Providers, the widest reach first.
    pub providers: Vec<ProviderRow>,
    /// Schools, the most overdue first, then the longest without a meeting.
    pub follow: Vec<FollowRow>,
    /// Recognised interventions, the widest reach first.
    pub interventions: Vec<InterventionRow>,
    /// Indicators per theme across the schools' latest sessions, the most indicators first.
    pub progress: Vec<ProgressRow>,
}
