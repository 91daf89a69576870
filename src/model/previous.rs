//! The year after (Kwaliteitskompas: monitoring and ambitions as a cycle): a follow-up
//! meeting keeps last year's picture frozen inside the new session, and [`Comparison`] says
//! what changed: indicators against their targets, cells that went from nodig to bestaand,
//! actions done, not done or dropped, and themes that left or entered the top 3.

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use super::{Action, ActionStatus, ActivityStatus, Ambition, LevelId, Matrix, Session, ThemeId};
use super::{Indicator, Progress};

/// Last year's meeting as it was, frozen: what the comparison reads. It holds the year before
/// it in turn, so a chain of years stays readable.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PreviousYear {
    /// Its title.
    pub title: String,
    /// Its day.
    pub meeting_date: Option<Date>,
    /// Its top 3.
    pub focus: Vec<ThemeId>,
    /// Its ambitions and indicators.
    pub ambitions: Vec<Ambition>,
    /// Its matrix.
    pub matrix: Matrix,
    /// Its actions.
    pub actions: Vec<Action>,
    /// The year before it, if that was a follow-up too.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub previous: Option<Box<PreviousYear>>,
}

impl PreviousYear {
    /// `session` frozen, holding its own previous year.
    pub fn of(session: &Session) -> PreviousYear {
        PreviousYear {
            title: session.title.clone(),
            meeting_date: session.meeting_date,
            focus: session.focus_themes(),
            ambitions: session.ambitions.to_vec(),
            matrix: session.matrix.clone(),
            actions: session.actions.to_vec(),
            previous: session.previous.clone(),
        }
    }

    /// How many years this picture reaches back, itself included.
    pub fn depth(&self) -> usize {
        1 + self.previous.as_ref().map_or(0, |p| p.depth())
    }
}

/// One indicator then and now.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct IndicatorChange {
    /// The theme of its ambition.
    pub theme: ThemeId,
    /// The indicator as it stands now, with its new value if entered.
    pub indicator: Indicator,
    /// Reached, closer, not yet; `None` without all three figures.
    pub progress: Option<Progress>,
}

/// What became of one of last year's actions.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ActionOutcome {
    /// Klaar.
    Done,
    /// Still open or under way.
    NotDone,
    /// No longer on the list.
    Dropped,
}

/// What changed since last year, for the follow-up meeting and its report.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Comparison {
    /// Last year's title, for the heading.
    pub previous_title: String,
    /// Every indicator of last year's ambitions, as it stands now.
    pub indicators: Vec<IndicatorChange>,
    /// Activities that were nodig last year and exist now: theme, level, text.
    pub filled: Vec<(ThemeId, LevelId, String)>,
    /// Last year's actions: what, its outcome, its result line.
    pub actions: Vec<(String, ActionOutcome, String)>,
    /// Themes in last year's top 3 and not in this year's.
    pub left: Vec<ThemeId>,
    /// Themes in this year's top 3 and not in last year's.
    pub entered: Vec<ThemeId>,
    /// Themes in both.
    pub stayed: Vec<ThemeId>,
}

impl Comparison {
    /// What changed between `session` and the year it follows; `None` for a first meeting.
    pub fn of(session: &Session) -> Option<Comparison> {
        let prev = session.previous.as_deref()?;
        let indicators = prev
            .ambitions
            .iter()
            .flat_map(|then| {
                let now = session.ambition(then.theme);
                then.indicators.iter().map(move |i| {
                    let current = now
                        .and_then(|a| a.indicators.iter().find(|x| x.name == i.name))
                        .unwrap_or(i)
                        .clone();
                    IndicatorChange {
                        theme: then.theme,
                        progress: current.progress(),
                        indicator: current,
                    }
                })
            })
            .collect();
        let mut filled = Vec::new();
        for theme in &prev.matrix.themes {
            for (&level, activities) in &theme.cells {
                for a in activities.iter().filter(|a| a.status == ActivityStatus::Needed) {
                    let exists_now = session.matrix.theme(theme.id).is_some_and(|t| {
                        t.activities(level)
                            .iter()
                            .any(|n| n.status == ActivityStatus::Existing && n.text == a.text)
                    });
                    if exists_now {
                        filled.push((theme.id, level, a.text.clone()));
                    }
                }
            }
        }
        let actions = prev
            .actions
            .iter()
            .map(|then| match session.actions.iter().find(|a| a.id == then.id) {
                Some(now) if now.status == ActionStatus::Done => {
                    (now.text.clone(), ActionOutcome::Done, now.result.clone())
                }
                Some(now) => (now.text.clone(), ActionOutcome::NotDone, now.result.clone()),
                None => (then.text.clone(), ActionOutcome::Dropped, then.result.clone()),
            })
            .collect();
        let focus = session.focus_themes();
        Some(Comparison {
            previous_title: prev.title.clone(),
            indicators,
            filled,
            actions,
            left: prev.focus.iter().copied().filter(|t| !focus.contains(t)).collect(),
            entered: focus.iter().copied().filter(|t| !prev.focus.contains(t)).collect(),
            stayed: focus.iter().copied().filter(|t| prev.focus.contains(t)).collect(),
        })
    }
}
