//! The matrix: themes (rows) × levels (columns), each cell a list of activities.
//!
//! The matrix is generic: the Preventiematrix, the onderwijs–jeugdhulp matrix and an empty one
//! are all just rows and columns from a [`crate::model::Template`]. The point of the matrix is
//! to show the gaps: a cell without any existing activity.

use std::collections::BTreeMap;
use std::sync::Arc;

use super::shared::Shared;
use super::{Activity, ActivityStatus};

use serde::{Deserialize, Serialize};

use super::ids::next_id;
use super::{LevelId, ThemeId};

/// A niveau: a column of the matrix, e.g. "Universeel" also called "basis".
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Level {
    /// Unique within the matrix.
    pub id: LevelId,
    /// The column's name, e.g. "Universeel".
    pub name: String,
    /// The everyday name beside it, e.g. "basis"; may be empty.
    pub alias: String,
}

/// A thema: a row of the matrix, a desired situation paired with the problem it prevents.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Theme {
    /// Unique within the matrix.
    pub id: ThemeId,
    /// Gezond, Veilig, Kansrijk, or empty for templates without domains.
    pub domain: String,
    /// The gewenste situatie, or the row's title where a template has no problem column.
    pub desired: String,
    /// The probleem of belemmering; empty where the template has none.
    pub problem: String,
    /// Monitor figures behind the theme, e.g. "GMJ 2023: 14% overgewicht in klas 2".
    pub evidence: String,
    /// The same as data: figures with their source and year, shown beside the candidates.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub facts: Vec<super::Fact>,
    /// The basis row (goed pedagogisch klimaat) under all themes; never a voting candidate.
    pub basis: bool,
    /// Activities per level; a level without an entry has no activities.
    pub cells: BTreeMap<LevelId, Vec<Activity>>,
}

impl Theme {
    /// A theme with the given texts and no activities.
    pub fn new(id: ThemeId, domain: &str, desired: &str, problem: &str) -> Self {
        Theme {
            id,
            domain: domain.to_owned(),
            desired: desired.to_owned(),
            problem: problem.to_owned(),
            evidence: String::new(),
            facts: Vec::new(),
            basis: false,
            cells: BTreeMap::new(),
        }
    }

    /// The activities in this theme's cell at `level`, in order.
    pub fn activities(&self, level: LevelId) -> &[Activity] {
        self.cells.get(&level).map_or(&[], Vec::as_slice)
    }

    /// How many activities the row holds over all its cells.
    pub fn activity_count(&self) -> usize {
        self.cells.values().map(Vec::len).sum()
    }

    /// Of the existing activities that are not being stopped: how many the Databank
    /// recognises, how many were looked up, and how many there are. Seed 001: build on what
    /// is known to work.
    pub fn recognised(&self) -> (usize, usize, usize) {
        let existing = self
            .cells
            .values()
            .flatten()
            .filter(|a| a.status == ActivityStatus::Existing && !a.stop);
        let (mut recognised, mut looked_up, mut total) = (0, 0, 0);
        for a in existing {
            total += 1;
            if let Some(r) = a.recognition {
                looked_up += 1;
                recognised += usize::from(r.recognised());
            }
        }
        (recognised, looked_up, total)
    }

    /// The theme as one line: "Gezonde leefstijl → Overgewicht", or the title alone.
    pub fn label(&self) -> String {
        if self.problem.is_empty() {
            self.desired.clone()
        } else {
            format!("{} → {}", self.desired, self.problem)
        }
    }
}

/// How many cells of a row or column are covered (hold an existing activity).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Coverage {
    /// Cells with at least one existing activity.
    pub covered: usize,
    /// All cells counted.
    pub total: usize,
}

impl Coverage {
    /// Cells that are gaps.
    pub fn gaps(self) -> usize {
        self.total - self.covered
    }
}

/// Why a matrix edit was refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum MatrixError {
    /// No theme with this id.
    UnknownTheme(ThemeId),
    /// No level with this id.
    UnknownLevel(LevelId),
    /// Removing this row or column would throw away activities; ask first.
    HoldsActivities {
        /// How many activities would go.
        activities: usize,
    },
    /// A position outside the list.
    OutOfRange,
}

/// Rows × columns with their activities.
///
/// Rows are shared (`Arc`) so that keeping a copy of the session before every edit, for undo,
/// costs a pointer per row rather than a copy of every activity; an edit copies just the row
/// it changes (`Arc::make_mut`), and comparing two versions skips the rows they share.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Matrix {
    /// The columns, in order.
    pub levels: Vec<Level>,
    /// The rows, in order; the basis row is usually last.
    pub themes: Shared<Arc<Theme>>,
}

impl Matrix {
    /// The theme with this id.
    pub fn theme(&self, id: ThemeId) -> Option<&Theme> {
        self.themes.iter().find(|t| t.id == id).map(|t| &**t)
    }

    /// The theme with this id, to change it.
    pub fn theme_mut(&mut self, id: ThemeId) -> Result<&mut Theme, MatrixError> {
        self.themes
            .iter_mut()
            .find(|t| t.id == id)
            .map(Arc::make_mut)
            .ok_or(MatrixError::UnknownTheme(id))
    }

    /// The level with this id.
    pub fn level(&self, id: LevelId) -> Option<&Level> {
        self.levels.iter().find(|l| l.id == id)
    }

    /// Adds a theme at the end (before the basis row, if there is one) and returns its id.
    pub fn add_theme(&mut self, domain: &str, desired: &str, problem: &str) -> ThemeId {
        let id = ThemeId(next_id(self.themes.iter().map(|t| t.id.0)));
        let at = self.themes.iter().position(|t| t.basis).unwrap_or(self.themes.len());
        self.themes.insert(at, Arc::new(Theme::new(id, domain, desired, problem)));
        id
    }

    /// Adds a level at the end and returns its id.
    pub fn add_level(&mut self, name: &str, alias: &str) -> LevelId {
        let id = LevelId(next_id(self.levels.iter().map(|l| l.id.0)));
        self.levels.push(Level { id, name: name.to_owned(), alias: alias.to_owned() });
        id
    }

    /// Renames a level.
    pub fn rename_level(
        &mut self,
        id: LevelId,
        name: &str,
        alias: &str,
    ) -> Result<(), MatrixError> {
        let level =
            self.levels.iter_mut().find(|l| l.id == id).ok_or(MatrixError::UnknownLevel(id))?;
        level.name = name.to_owned();
        level.alias = alias.to_owned();
        Ok(())
    }

    /// Moves the theme at position `from` to position `to`.
    pub fn move_theme(&mut self, from: usize, to: usize) -> Result<(), MatrixError> {
        move_item(&mut self.themes, from, to)
    }

    /// Moves the level at position `from` to position `to`.
    pub fn move_level(&mut self, from: usize, to: usize) -> Result<(), MatrixError> {
        move_item(&mut self.levels, from, to)
    }

    /// Removes a theme. A theme with activities is removed only when `even_with_activities`
    /// is set: losing content must be an explicit choice.
    pub fn remove_theme(
        &mut self,
        id: ThemeId,
        even_with_activities: bool,
    ) -> Result<Theme, MatrixError> {
        let at =
            self.themes.iter().position(|t| t.id == id).ok_or(MatrixError::UnknownTheme(id))?;
        let activities = self.themes[at].activity_count();
        if activities > 0 && !even_with_activities {
            return Err(MatrixError::HoldsActivities { activities });
        }
        Ok(Arc::unwrap_or_clone(self.themes.remove(at)))
    }

    /// Removes a level and its cells. A level with activities is removed only when
    /// `even_with_activities` is set.
    pub fn remove_level(
        &mut self,
        id: LevelId,
        even_with_activities: bool,
    ) -> Result<Level, MatrixError> {
        let at =
            self.levels.iter().position(|l| l.id == id).ok_or(MatrixError::UnknownLevel(id))?;
        let activities: usize = self.themes.iter().map(|t| t.activities(id).len()).sum();
        if activities > 0 && !even_with_activities {
            return Err(MatrixError::HoldsActivities { activities });
        }
        for theme in self.themes.iter_mut().filter(|t| t.cells.contains_key(&id)) {
            Arc::make_mut(theme).cells.remove(&id);
        }
        Ok(self.levels.remove(at))
    }

    /// Adds an activity at the end of a cell.
    pub fn add_activity(
        &mut self,
        theme: ThemeId,
        level: LevelId,
        activity: Activity,
    ) -> Result<(), MatrixError> {
        if self.level(level).is_none() {
            return Err(MatrixError::UnknownLevel(level));
        }
        self.theme_mut(theme)?.cells.entry(level).or_default().push(activity);
        Ok(())
    }

    /// Removes the activity at `index` from a cell and returns it.
    pub fn remove_activity(
        &mut self,
        theme: ThemeId,
        level: LevelId,
        index: usize,
    ) -> Result<Activity, MatrixError> {
        let row = self.theme_mut(theme)?;
        let cell = row.cells.get_mut(&level).ok_or(MatrixError::OutOfRange)?;
        if index >= cell.len() {
            return Err(MatrixError::OutOfRange);
        }
        let removed = cell.remove(index);
        if cell.is_empty() {
            row.cells.remove(&level);
        }
        Ok(removed)
    }

    /// Moves the activity at `from` to `to` within one cell.
    pub fn move_activity(
        &mut self,
        theme: ThemeId,
        level: LevelId,
        from: usize,
        to: usize,
    ) -> Result<(), MatrixError> {
        let cell = self.theme_mut(theme)?.cells.get_mut(&level).ok_or(MatrixError::OutOfRange)?;
        move_item(cell, from, to)
    }

    /// Every provider named in the matrix, once each whatever its case ("JGZ" and "jgz" are
    /// one), in the spelling used first, sorted.
    pub fn providers(&self) -> Vec<String> {
        let mut seen = std::collections::BTreeMap::new();
        for activity in self.themes.iter().flat_map(|t| t.cells.values().flatten()) {
            let name = activity.provider.trim();
            if !name.is_empty() {
                seen.entry(name.to_lowercase()).or_insert_with(|| name.to_owned());
            }
        }
        seen.into_values().collect()
    }

    /// A cell is a gap when it holds no existing activity (needed ones do not fill it).
    pub fn is_gap(&self, theme: ThemeId, level: LevelId) -> bool {
        // The basis row is the foundation everything builds on, not a level with gaps.
        self.theme(theme).is_none_or(|t| {
            !t.basis && !t.activities(level).iter().any(|a| a.status == ActivityStatus::Existing)
        })
    }

    /// The gaps among the given rows, as (theme, level) pairs in display order.
    pub fn gaps(&self, rows: &[ThemeId]) -> Vec<(ThemeId, LevelId)> {
        rows.iter()
            .flat_map(|&t| self.levels.iter().map(move |l| (t, l.id)))
            .filter(|&(t, l)| self.is_gap(t, l))
            .collect()
    }

    /// How many cells of a row are covered.
    pub fn row_coverage(&self, theme: ThemeId) -> Coverage {
        let total = self.levels.len();
        let gaps = self.levels.iter().filter(|l| self.is_gap(theme, l.id)).count();
        Coverage { covered: total - gaps, total }
    }

    /// How many cells of a column are covered, counting only the given rows.
    pub fn column_coverage(&self, level: LevelId, rows: &[ThemeId]) -> Coverage {
        let total = rows.len();
        let gaps = rows.iter().filter(|&&t| self.is_gap(t, level)).count();
        Coverage { covered: total - gaps, total }
    }
}

fn move_item<T>(items: &mut Vec<T>, from: usize, to: usize) -> Result<(), MatrixError> {
    if from >= items.len() || to >= items.len() {
        return Err(MatrixError::OutOfRange);
    }
    let item = items.remove(from);
    items.insert(to, item);
    Ok(())
}

#[cfg(test)]
#[path = "matrix_tests.rs"]
mod tests;
