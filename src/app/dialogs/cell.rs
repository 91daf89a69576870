//! An open matrix cell: its activities, added, edited, switched between bestaand and nodig,
//! moved, removed, or turned into an action; and the question before a row or column with
//! activities is removed.

use tui_input::Input;

use super::text_field::{MAX_TEXT, paste_into, pasted_lines, type_into};
use crate::app::panes::matrix::remove;
use crate::app::{App, Msg, Overlay, Pane};
use crate::i18n::fill;
use crate::model::{Activity, ActivityStatus, LevelId, ThemeId};

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

/// Adding or editing one activity: typed in the open cell at the speed of talking.
///
/// An open cell starts with an empty line to type on: the activity, `;` (or Tab) and the
/// provider, Enter; the line empties for the next one and the cell stays open. Enter on an
/// empty line closes the cell; ↑ on it goes to the activities above, to edit or remove one.
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
    /// Bestaand or nodig: one key switches it, and it stays for the next line (an
    /// inventory of what is needed is said in one go).
    pub status: ActivityStatus,
}

impl ActivityForm {
    /// An empty line to add an activity with this status.
    fn new_line(status: ActivityStatus) -> Self {
        ActivityForm { status, ..ActivityForm::default() }
    }

    /// Whether nothing was typed on a line that adds: keys for the list then act on the list.
    fn untouched(&self) -> bool {
        self.editing.is_none() && self.text.value().is_empty() && self.provider.value().is_empty()
    }
}

/// The providers the session knows: those of its activities, then the organisations of its
/// participants, each once whatever the case.
pub fn known_providers(app: &App) -> Vec<String> {
    let mut known = app.session.matrix.providers();
    for p in app.session.participants.iter() {
        let name = p.organisation.trim();
        if !name.is_empty() && !known.iter().any(|k| k.eq_ignore_ascii_case(name)) {
            known.push(name.to_owned());
        }
    }
    known
}

/// The provider the text typed so far points at: the known one it is, whatever the case, or
/// the only known one it is the start of. The cell shows it beside the field; → at the end
/// of the field takes it (Enter keeps what was typed: "Gemeente" stays "Gemeente" while only
/// "Gemeentelijke toegang" is known).
pub fn suggestion(app: &App, typed: &str) -> Option<String> {
    let typed = typed.trim().to_lowercase();
    if typed.is_empty() {
        return None;
    }
    let known = known_providers(app);
    if let Some(same) = known.iter().find(|p| p.to_lowercase() == typed) {
        return Some(same.clone());
    }
    let mut starting = known.into_iter().filter(|p| p.to_lowercase().starts_with(&typed));
    match (starting.next(), starting.next()) {
        (Some(only), None) => Some(only),
        _ => None,
    }
}

/// A provider as typed, in the spelling the session knows it by: "jgz" is the known "JGZ".
pub(crate) fn known_spelling(app: &App, typed: &str) -> String {
    let typed = typed.trim();
    known_providers(app)
        .into_iter()
        .find(|p| p.to_lowercase() == typed.to_lowercase())
        .unwrap_or_else(|| typed.to_owned())
}

/// One pasted or typed line as an activity: "Gezonde School; GGD" is the activity and its
/// provider.
fn activity_of_line(app: &App, line: &str, status: ActivityStatus) -> Activity {
    let (text, provider) = line.split_once(';').unwrap_or((line, ""));
    let text: String = text.trim().chars().take(MAX_TEXT).collect();
    let provider: String = known_spelling(app, provider).chars().take(MAX_TEXT).collect();
    Activity::new(&text, status, &provider)
}

/// Adds one activity per pasted line (one undo step); true when there was any.
fn add_lines(app: &mut App, theme: ThemeId, level: LevelId, text: &str, status: ActivityStatus) {
    let activities: Vec<Activity> = pasted_lines(text)
        .map(|l| activity_of_line(app, l, status))
        .filter(|a| !a.text.is_empty())
        .collect();
    let _ = app.edit(|s| {
        for activity in activities {
            s.matrix.add_activity(theme, level, activity)?;
        }
        Ok::<(), crate::model::MatrixError>(())
    });
}

impl CellEditor {
    /// The cell of `theme` × `level`, open with an empty line to type the next activity on.
    pub fn typing(theme: ThemeId, level: LevelId) -> Self {
        let form = Some(ActivityForm::new_line(ActivityStatus::Existing));
        CellEditor { theme, level, selected: 0, form }
    }
}

/// Handles the answer to "remove this row or column with its activities?".
pub(crate) fn update_remove(app: &mut App, msg: Msg) {
    let Overlay::ConfirmRemove(removal) = std::mem::take(&mut app.overlay) else { return };
    match msg {
        Msg::Yes => remove(app, removal, true),
        Msg::Close => {}
        _ => app.overlay = Overlay::ConfirmRemove(removal),
    }
}

/// Handles an action while a cell is open.
pub(crate) fn update_cell(app: &mut App, msg: Msg) {
    let Overlay::Cell(mut cell) = std::mem::take(&mut app.overlay) else { return };
    let count = app.session.matrix.theme(cell.theme).map_or(0, |t| t.activities(cell.level).len());
    let untouched = cell.form.as_ref().is_some_and(ActivityForm::untouched);
    let for_the_list = !matches!(
        msg,
        Msg::Input(_)
            | Msg::Paste(_)
            | Msg::Confirm
            | Msg::Close
            | Msg::NextField
            | Msg::ToggleNeeded
            | Msg::ToggleHelp
    );
    if untouched && msg == Msg::Up {
        // ↑ on the empty line: to the activities above it, the last one first.
        cell.form = None;
        cell.selected = count.saturating_sub(1);
        app.overlay = Overlay::Cell(cell);
        return;
    }
    if untouched && for_the_list {
        // Nothing typed: the key is for the list (tests and scripts send list messages).
        cell.form = None;
    }
    if cell.form.is_some() {
        if on_form(app, &mut cell, msg) {
            app.overlay = Overlay::Cell(cell);
        }
        return;
    }
    let (theme, level, at) = (cell.theme, cell.level, cell.selected);
    match msg {
        Msg::Close => return,
        Msg::Inspiratie => return super::inspiratie::open(app, cell),
        Msg::Up => cell.selected = cell.selected.saturating_sub(1),
        Msg::Down => cell.selected = (cell.selected + 1).min(count.saturating_sub(1)),
        Msg::Undo => app.undo(),
        Msg::Redo => app.redo(),
        Msg::Add if !app.refuse_if_read_only() => {
            cell.form = Some(ActivityForm::new_line(ActivityStatus::Existing))
        }
        Msg::Edit if !app.refuse_if_read_only() => {
            if let Some(a) = activity(app, theme, level, at) {
                cell.form = Some(ActivityForm {
                    editing: Some(at),
                    field: 0,
                    text: Input::new(a.text.clone()),
                    provider: Input::new(a.provider.clone()),
                    status: a.status,
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
            add_lines(app, theme, level, &text, ActivityStatus::Existing);
        }
        Msg::MakeAction if at < count => {
            make_action(app, theme, level, at);
            return;
        }
        Msg::CycleSetting | Msg::ToggleInformal | Msg::CycleRecognition | Msg::ToggleStop
            if at < count =>
        {
            let _ = app.edit(|s| {
                let a = activity_mut(s, theme, level, at).ok_or(())?;
                match msg {
                    Msg::CycleSetting => a.setting = crate::model::Setting::next(a.setting),
                    Msg::ToggleInformal => a.informal = !a.informal,
                    Msg::CycleRecognition => {
                        a.recognition = crate::model::Recognition::next(a.recognition)
                    }
                    _ => a.stop = !a.stop,
                }
                Ok::<(), ()>(())
            });
        }
        Msg::InterventionName if at < count && !app.refuse_if_read_only() => {
            let target = super::text_field::TextTarget::Intervention(theme, level, at);
            if let Some(field) = super::text_field::TextField::open(app, target) {
                app.overlay = Overlay::TextField(field);
                return;
            }
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

/// A key on the typing line. Returns false when the cell closed (Enter on an empty line).
fn on_form(app: &mut App, cell: &mut CellEditor, msg: Msg) -> bool {
    let t = app.lang.texts();
    let too_long = fill(t.ui_too_long, &[&MAX_TEXT]);
    let (theme, level) = (cell.theme, cell.level);
    let Some(form) = cell.form.as_mut() else { return true };
    match msg {
        Msg::Close => cell.form = None,
        Msg::NextField => form.field = 1 - form.field,
        Msg::ToggleNeeded => {
            form.status = match form.status {
                ActivityStatus::Existing => ActivityStatus::Needed,
                ActivityStatus::Needed => ActivityStatus::Existing,
            }
        }
        // `;` after the activity goes on to its provider, as in "Gezonde School; GGD".
        Msg::Input(tui_input::InputRequest::InsertChar(';')) if form.field == 0 => form.field = 1,
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
            let fits = type_into(input, request, MAX_TEXT);
            if !fits {
                app.message = Some(too_long);
            }
        }
        Msg::Paste(text)
            if form.field == 0 && form.editing.is_none() && {
                pasted_lines(&text).nth(1).is_some() || text.contains(';')
            } =>
        {
            // A list (or "activity; provider") pasted on the line: one activity per line.
            let status = form.status;
            add_lines(app, theme, level, &text, status);
            cell.selected = count(app, theme, level).saturating_sub(1);
            cell.form = Some(ActivityForm::new_line(status));
        }
        Msg::Paste(text) => {
            let input = if form.field == 0 { &mut form.text } else { &mut form.provider };
            let fits = paste_into(input, &text, MAX_TEXT);
            if !fits {
                app.message = Some(too_long);
            }
        }
        Msg::Confirm if form.untouched() => return false,
        Msg::Confirm => {
            let text = form.text.value().trim().to_owned();
            if text.is_empty() {
                app.message = Some(t.ui_activity_required.to_owned());
                form.field = 0;
                return true;
            }
            let provider = known_spelling(app, form.provider.value());
            let (editing, status) = (form.editing, form.status);
            let _ = app.edit(|s| match editing.and_then(|at| activity_mut(s, theme, level, at)) {
                Some(a) => {
                    (a.text, a.provider, a.status) = (text, provider, status);
                    Ok(())
                }
                None => {
                    s.matrix.add_activity(theme, level, Activity::new(&text, status, &provider))
                }
            });
            if editing.is_none() {
                // Added: the line empties for the next one, with the same bestaand/nodig.
                cell.selected = count(app, theme, level).saturating_sub(1);
                cell.form = Some(ActivityForm::new_line(status));
            } else {
                cell.form = None;
            }
        }
        _ => {}
    }
    true
}

/// How many activities the cell holds.
fn count(app: &App, theme: ThemeId, level: LevelId) -> usize {
    app.session.matrix.theme(theme).map_or(0, |t| t.activities(level).len())
}

/// Turns a needed activity into an action linked to its theme and level, and goes to the
/// Acties pane with it selected, to set the owner and the date.
fn make_action(app: &mut App, theme: ThemeId, level: LevelId, at: usize) {
    let t = app.lang.texts();
    let Some(a) = activity(app, theme, level, at).cloned() else { return };
    if let Some(existing) = app.session.action_for(theme, level, &a.text) {
        // One action per activity: `m` again goes to the one it has.
        app.focus = Pane::Acties;
        if let Some(row) = crate::app::panes::acties::rows(app)
            .iter()
            .position(|&i| app.session.actions.get(i).is_some_and(|x| x.id == existing))
        {
            app.selected[2] = row;
        }
        app.message = Some(t.ui_action_exists.to_owned());
        return;
    }
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
