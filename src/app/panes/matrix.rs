//! The Matrix pane: themes × levels. Moving between cells, opening one, and changing the
//! rows and columns themselves (own themes, levels, order, removal).

use crate::app::dialogs::cell::CellEditor;
use crate::app::{App, Effect, Msg, Overlay, Pane, PhonesFor, TextField, TextTarget};
use crate::model::{LevelId, SessionError, ThemeId};

/// Where the Matrix pane stands.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct MatrixView {
    /// The selected column (level), by position.
    pub col: usize,
    /// Every theme, not only the focus themes.
    pub all_rows: bool,
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

/// Handles the Matrix pane's own actions; false when `action` is not one of them.
pub(crate) fn pane_action(app: &mut App, msg: &Msg) -> bool {
    let levels = app.session.matrix.levels.len();
    match msg {
        Msg::Left => app.matrix.col = app.matrix.col.saturating_sub(1),
        Msg::Right => app.matrix.col = (app.matrix.col + 1).min(levels.saturating_sub(1)),
        Msg::ToggleAllRows => {
            app.matrix.all_rows = !app.matrix.all_rows;
            app.clamp_selection();
        }
        Msg::Edit => {
            // The cell opens ready to type its next activity (read-only: to look at it).
            if let Some((theme, level)) = selected_cell(app) {
                let cell = match app.read_only {
                    Some(_) => CellEditor { theme, level, selected: 0, form: None },
                    None => CellEditor::typing(theme, level),
                };
                app.overlay = Overlay::Cell(cell);
            }
        }
        Msg::TogglePhones => toggle_phones(app),
        Msg::InbrengQueue => crate::app::dialogs::inbreng::open(app),
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

/// Opens the box for phones to send activities in, switches an open box from the ballot to
/// the inbreng form (same address and code), or closes it.
fn toggle_phones(app: &mut App) {
    match &mut app.phones {
        Some(phones) if phones.serving == PhonesFor::Inbreng => {
            app.phones = None;
            app.effect(Effect::ClosePhones);
        }
        Some(phones) => {
            phones.serving = PhonesFor::Inbreng;
            app.effect(Effect::ServePhones(PhonesFor::Inbreng));
        }
        None => {
            if !app.refuse_if_read_only() {
                app.effect(Effect::OpenPhones { serving: PhonesFor::Inbreng, address: 0 });
            }
        }
    }
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
pub(crate) fn remove(app: &mut App, removal: Removal, sure: bool) {
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
