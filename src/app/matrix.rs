//! The Matrix pane: moving between cells, the cell editor with its activities, rows and
//! columns of the room's own, and turning a needed activity into an action.

use tui_input::Input;

use super::text_field::{paste_into, type_into};
use super::{App, Msg, Overlay, Pane, TextField, TextTarget};
use crate::i18n::fill;
use crate::model::{Activity, ActivityStatus, LevelId, SessionError, ThemeId};

/// The longest activity text or provider.
pub const MAX_ACTIVITY: usize = 200;

/// Where the Matrix pane stands.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct MatrixView {
    /// The selected column (level), by position.
    pub col: usize,
    /// Every theme, not only the focus themes.
    pub all_rows: bool,
}

/// An open cell: its activities, one selected, and perhaps the form to add or edit one.
#[derive(Clone, Debug)]
pub struct CellEditor {
    /// The row.
    pub theme: ThemeId,
    /// The column.
    pub level: LevelId,
    /// The selected activity.
    pub selected: usize,
    /// The add/edit form.
    pub form: Option<ActivityForm>,
}

/// Adding or editing one activity.
#[derive(Clone, Debug, Default)]
pub struct ActivityForm {
    /// The activity edited, by position; `None` adds one.
    pub editing: Option<usize>,
    /// 0: text, 1: provider.
    pub field: usize,
    /// What happens.
    pub text: Input,
    /// Who provides it.
    pub provider: Input,
}

/// A row or column that holds activities, about to be removed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Removal {
    /// A theme and how many activities it holds.
    Theme(ThemeId, usize),
    /// A level and how many activities it holds.
    Level(LevelId, usize),
}

/// The rows the pane shows: the focus themes (or all, on request, or when there are none),
/// the basis row last.
pub fn rows(app: &App) -> Vec<ThemeId> {
    let themes = &app.session.matrix.themes;
    let focus = if app.matrix.all_rows { Vec::new() } else { app.session.focus_themes() };
    let mut rows: Vec<_> = if focus.is_empty() {
        themes.iter().filter(|t| !t.basis).map(|t| t.id).collect()
    } else {
        focus
    };
    rows.extend(themes.iter().filter(|t| t.basis).map(|t| t.id));
    rows
}

/// The selected cell, if the matrix has rows and columns.
pub fn selected_cell(app: &App) -> Option<(ThemeId, LevelId)> {
    let theme = *rows(app).get(app.selected(Pane::Matrix))?;
    let level = app.session.matrix.levels.get(app.matrix.col)?.id;
    Some((theme, level))
}

/// The provider the text typed so far points at: a known one it is the start of, whatever
/// the case.
pub fn suggestion(app: &App, typed: &str) -> Option<String> {
    let typed = typed.trim().to_lowercase();
    if typed.is_empty() {
        return None;
    }
    app.session.matrix.providers().into_iter().find(|p| p.to_lowercase().starts_with(&typed))
}

/// Handles the Matrix pane's own actions; false when `action` is not one of them.
pub(super) fn pane_action(app: &mut App, msg: &Msg) -> bool {
    let levels = app.session.matrix.levels.len();
    match msg {
        Msg::Left => app.matrix.col = app.matrix.col.saturating_sub(1),
        Msg::Right => app.matrix.col = (app.matrix.col + 1).min(levels.saturating_sub(1)),
        Msg::ToggleAllRows => {
            app.matrix.all_rows = !app.matrix.all_rows;
            app.clamp_selection();
        }
        Msg::Edit => {
            if let Some((theme, level)) = selected_cell(app) {
                app.overlay = Overlay::Cell(CellEditor { theme, level, selected: 0, form: None });
            }
        }
        Msg::Evidence => open_form(app, |theme, _| TextTarget::Evidence(theme)),
        Msg::RenameTheme => open_form(app, |theme, _| TextTarget::Theme(theme)),
        Msg::RenameLevel => open_form(app, |_, level| TextTarget::Level(level)),
        Msg::OwnTheme => {
            if !app.refuse_if_read_only()
                && let Some(form) = TextField::open(app, TextTarget::NewTheme)
            {
                app.overlay = Overlay::TextField(form);
            }
        }
        Msg::AddLevel => {
            if !app.refuse_if_read_only()
                && let Some(form) = TextField::open(app, TextTarget::NewLevel)
            {
                app.overlay = Overlay::TextField(form);
            }
        }
        Msg::MoveUp | Msg::MoveDown => move_row(app, *msg == Msg::MoveUp),
        Msg::MoveLeft | Msg::MoveRight => move_column(app, *msg == Msg::MoveLeft),
        Msg::RemoveRow => {
            if let Some((theme, _)) = selected_cell_or_row(app) {
                let count = app.session.matrix.theme(theme).map_or(0, |t| t.activity_count());
                remove(app, Removal::Theme(theme, count), false);
            }
        }
        Msg::RemoveColumn => {
            if let Some(level) = app.session.matrix.levels.get(app.matrix.col).map(|l| l.id) {
                let count =
                    app.session.matrix.themes.iter().map(|t| t.activities(level).len()).sum();
                remove(app, Removal::Level(level, count), false);
            }
        }
        _ => return false,
    }
    true
}

/// The selected row's theme (and the column's level, if there are columns).
fn selected_cell_or_row(app: &App) -> Option<(ThemeId, Option<LevelId>)> {
    let theme = *rows(app).get(app.selected(Pane::Matrix))?;
    Some((theme, app.session.matrix.levels.get(app.matrix.col).map(|l| l.id)))
}

fn open_form(app: &mut App, target: impl FnOnce(ThemeId, LevelId) -> TextTarget) {
    if app.refuse_if_read_only() {
        return;
    }
    let Some((theme, level)) = selected_cell_or_row(app) else { return };
    let Some(level) = level.or_else(|| app.session.matrix.levels.first().map(|l| l.id)) else {
        // Without columns only the theme's own texts can be edited.
        if let Some(form) = TextField::open(app, TextTarget::Theme(theme)) {
            app.overlay = Overlay::TextField(form);
        }
        return;
    };
    if let Some(form) = TextField::open(app, target(theme, level)) {
        app.overlay = Overlay::TextField(form);
    }
}

fn move_row(app: &mut App, up: bool) {
    let Some((theme, _)) = selected_cell_or_row(app) else { return };
    let themes = &app.session.matrix.themes;
    let Some(from) = themes.iter().position(|t| t.id == theme) else { return };
    let to = if up { from.checked_sub(1) } else { Some(from + 1).filter(|&i| i < themes.len()) };
    let Some(to) = to else { return };
    let _ = app.edit(|s| s.matrix.move_theme(from, to));
    if let Some(at) = rows(app).iter().position(|&t| t == theme) {
        app.selected[1] = at;
    }
}

fn move_column(app: &mut App, left: bool) {
    let from = app.matrix.col;
    let levels = app.session.matrix.levels.len();
    let to = if left { from.checked_sub(1) } else { Some(from + 1).filter(|&i| i < levels) };
    let Some(to) = to else { return };
    if app.edit(|s| s.matrix.move_level(from, to)).is_ok() {
        app.matrix.col = to;
    }
}

/// Removes a row or column; one with activities asks first (`sure` is the answer yes).
fn remove(app: &mut App, removal: Removal, sure: bool) {
    if app.refuse_if_read_only() {
        return;
    }
    let count = match removal {
        Removal::Theme(_, n) | Removal::Level(_, n) => n,
    };
    if count > 0 && !sure {
        app.overlay = Overlay::ConfirmRemove(removal);
        return;
    }
    let result = app.edit(|s| match removal {
        Removal::Theme(id, _) => s.remove_theme(id, true).map(|_| ()),
        Removal::Level(id, _) => s.remove_level(id, true).map(|_| ()),
    });
    if let Err(SessionError::VotedOn(_)) = result {
        app.message = Some(app.lang.texts().ui_theme_voted_on.to_owned());
    }
    let levels = app.session.matrix.levels.len();
    app.matrix.col = app.matrix.col.min(levels.saturating_sub(1));
    app.clamp_selection();
}

/// Handles the answer to "remove this row or column with its activities?".
pub(super) fn update_remove(app: &mut App, msg: Msg) {
    let Overlay::ConfirmRemove(removal) = std::mem::take(&mut app.overlay) else { return };
    match msg {
        Msg::Yes => remove(app, removal, true),
        Msg::Close => {}
        _ => app.overlay = Overlay::ConfirmRemove(removal),
    }
}

/// Handles an action while a cell is open.
pub(super) fn update_cell(app: &mut App, msg: Msg) {
    let Overlay::Cell(mut cell) = std::mem::take(&mut app.overlay) else { return };
    let count = app.session.matrix.theme(cell.theme).map_or(0, |t| t.activities(cell.level).len());
    if cell.form.is_some() {
        on_form(app, &mut cell, msg);
        app.overlay = Overlay::Cell(cell);
        return;
    }
    let (theme, level, at) = (cell.theme, cell.level, cell.selected);
    match msg {
        Msg::Close => return,
        Msg::Up => cell.selected = cell.selected.saturating_sub(1),
        Msg::Down => cell.selected = (cell.selected + 1).min(count.saturating_sub(1)),
        Msg::Undo => app.undo(),
        Msg::Redo => app.redo(),
        Msg::Add if !app.refuse_if_read_only() => cell.form = Some(ActivityForm::default()),
        Msg::Edit if !app.refuse_if_read_only() => {
            if let Some(a) = activity(app, theme, level, at) {
                cell.form = Some(ActivityForm {
                    editing: Some(at),
                    field: 0,
                    text: Input::new(a.text.clone()),
                    provider: Input::new(a.provider.clone()),
                });
            }
        }
        Msg::Remove if at < count => {
            let _ = app.edit(|s| s.matrix.remove_activity(theme, level, at).map(|_| ()));
        }
        Msg::Toggle if at < count => {
            let _ = app.edit(|s| {
                let a = activity_mut(s, theme, level, at).ok_or(())?;
                a.status = match a.status {
                    ActivityStatus::Existing => ActivityStatus::Needed,
                    ActivityStatus::Needed => ActivityStatus::Existing,
                };
                Ok::<(), ()>(())
            });
        }
        Msg::MoveUp | Msg::MoveDown if at < count => {
            let to = if msg == Msg::MoveUp {
                at.checked_sub(1)
            } else {
                Some(at + 1).filter(|&i| i < count)
            };
            if let Some(to) = to
                && app.edit(|s| s.matrix.move_activity(theme, level, at, to)).is_ok()
            {
                cell.selected = to;
            }
        }
        Msg::Paste(text) if !app.refuse_if_read_only() => {
            // Each pasted line becomes an activity: a list from a document lands at once.
            let lines: Vec<String> = text
                .lines()
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .map(|l| l.chars().take(MAX_ACTIVITY).collect())
                .collect();
            let _ = app.edit(|s| {
                for line in &lines {
                    let activity = Activity {
                        text: line.clone(),
                        status: ActivityStatus::Existing,
                        provider: String::new(),
                    };
                    s.matrix.add_activity(theme, level, activity)?;
                }
                Ok::<(), crate::model::MatrixError>(())
            });
        }
        Msg::MakeAction if at < count => {
            make_action(app, theme, level, at);
            return;
        }
        _ => {}
    }
    let count = app.session.matrix.theme(theme).map_or(0, |t| t.activities(level).len());
    cell.selected = cell.selected.min(count.saturating_sub(1));
    app.overlay = Overlay::Cell(cell);
}

fn activity(app: &App, theme: ThemeId, level: LevelId, at: usize) -> Option<&Activity> {
    app.session.matrix.theme(theme)?.activities(level).get(at)
}

fn activity_mut(
    s: &mut crate::model::Session,
    theme: ThemeId,
    level: LevelId,
    at: usize,
) -> Option<&mut Activity> {
    s.matrix.theme_mut(theme).ok()?.cells.get_mut(&level)?.get_mut(at)
}

fn on_form(app: &mut App, cell: &mut CellEditor, msg: Msg) {
    let t = app.lang.texts();
    let too_long = fill(t.ui_too_long, &[&MAX_ACTIVITY]);
    let Some(form) = cell.form.as_mut() else { return };
    match msg {
        Msg::Close => cell.form = None,
        Msg::NextField => form.field = 1 - form.field,
        Msg::Input(tui_input::InputRequest::GoToNextChar)
            if form.field == 1
                && form.provider.cursor() == form.provider.value().chars().count() =>
        {
            // → at the end of the provider takes the suggestion.
            if let Some(known) = suggestion(app, form.provider.value()) {
                form.provider = Input::new(known);
            }
        }
        Msg::Input(request) => {
            let input = if form.field == 0 { &mut form.text } else { &mut form.provider };
            let fits = type_into(input, request, MAX_ACTIVITY);
            if !fits {
                app.message = Some(too_long);
            }
        }
        Msg::Paste(text) => {
            let input = if form.field == 0 { &mut form.text } else { &mut form.provider };
            let fits = paste_into(input, &text, MAX_ACTIVITY);
            if !fits {
                app.message = Some(too_long);
            }
        }
        Msg::Confirm => {
            let text = form.text.value().trim().to_owned();
            if text.is_empty() {
                app.message = Some(t.ui_activity_required.to_owned());
                form.field = 0;
                return;
            }
            // A provider typed in another case is the known one: "jgz" stays "JGZ".
            let typed = form.provider.value().trim().to_owned();
            let provider = app
                .session
                .matrix
                .providers()
                .into_iter()
                .find(|p| p.to_lowercase() == typed.to_lowercase())
                .unwrap_or(typed);
            let (theme, level, editing) = (cell.theme, cell.level, form.editing);
            let _ = app.edit(|s| match editing.and_then(|at| activity_mut(s, theme, level, at)) {
                Some(a) => {
                    a.text = text;
                    a.provider = provider;
                    Ok(())
                }
                None => s.matrix.add_activity(
                    theme,
                    level,
                    Activity { text, status: ActivityStatus::Existing, provider },
                ),
            });
            if editing.is_none() {
                cell.selected = app
                    .session
                    .matrix
                    .theme(theme)
                    .map_or(0, |th| th.activities(level).len().saturating_sub(1));
            }
            cell.form = None;
        }
        _ => {}
    }
}

/// Turns a needed activity into an action linked to its theme and level, and goes to the
/// Acties pane with it selected, to set the owner and the date.
fn make_action(app: &mut App, theme: ThemeId, level: LevelId, at: usize) {
    let t = app.lang.texts();
    let Some(a) = activity(app, theme, level, at).cloned() else { return };
    if a.status != ActivityStatus::Needed {
        app.message = Some(t.ui_only_needed_to_action.to_owned());
        app.overlay = Overlay::Cell(CellEditor { theme, level, selected: at, form: None });
        return;
    }
    let result = app.edit(|s| {
        let id = s.add_action(&a.text, None, None);
        if let Some(msg) = s.actions.iter_mut().find(|x| x.id == id) {
            msg.theme = Some(theme);
            msg.level = Some(level);
        }
        Ok::<(), ()>(())
    });
    if result.is_ok() && app.read_only.is_none() {
        app.focus = Pane::Acties;
        app.selected[2] = app.session.actions.len().saturating_sub(1);
        app.message = Some(t.ui_action_made.to_owned());
    }
}
