//! The inspiration pick list over an open cell: example activities for this theme and level
//! and the protective factors, from the template's data file and the region's. Enter adds
//! the chosen one as a needed activity and opens it for editing; Esc goes back to the cell.

use tui_input::Input;

use super::cell::{ActivityForm, CellEditor};
use crate::app::{App, Msg, Overlay};
use crate::inspiratie::Voorbeeld;
use crate::model::{Activity, ActivityStatus, LevelId, ThemeId};

/// The pick list's state.
#[derive(Clone, Debug)]
pub struct InspiratiePick {
    /// The cell's row.
    pub theme: ThemeId,
    /// The cell's column.
    pub level: LevelId,
    /// What can be picked, examples first.
    pub voorbeelden: Vec<Voorbeeld>,
    /// The highlighted line.
    pub selected: usize,
}

/// Opens the pick list for the cell; refused (with a message) when read-only, and said when
/// the template and region have no examples for it.
pub(crate) fn open(app: &mut App, cell: CellEditor) {
    if app.refuse_if_read_only() {
        app.overlay = Overlay::Cell(cell);
        return;
    }
    let t = app.lang.texts();
    // Read here, when asked, so a region file edited during the meeting counts.
    let insp = match crate::inspiratie::load(&app.session.template, app.lang) {
        Ok(insp) => insp,
        Err(e) => {
            app.message = Some(crate::i18n::fill(t.inspiratie_unreadable, &[&e]));
            crate::inspiratie::builtin(&app.session.template, app.lang).unwrap_or_default()
        }
    };
    let m = &app.session.matrix;
    let voorbeelden = match (m.theme(cell.theme), m.level(cell.level)) {
        (Some(theme), Some(level)) => insp.voorbeelden(theme, level),
        _ => Vec::new(),
    };
    if voorbeelden.is_empty() {
        app.message = Some(t.inspiratie_none.to_owned());
        app.overlay = Overlay::Cell(cell);
        return;
    }
    app.overlay = Overlay::Inspiratie(InspiratiePick {
        theme: cell.theme,
        level: cell.level,
        voorbeelden,
        selected: 0,
    });
}

/// Handles a key while the pick list is open.
pub(crate) fn update(app: &mut App, msg: Msg) {
    let Overlay::Inspiratie(mut pick) = std::mem::take(&mut app.overlay) else { return };
    match msg {
        Msg::Up => pick.selected = pick.selected.saturating_sub(1),
        Msg::Down => {
            pick.selected = (pick.selected + 1).min(pick.voorbeelden.len().saturating_sub(1))
        }
        Msg::Close => {
            let (theme, level) = (pick.theme, pick.level);
            app.overlay = Overlay::Cell(CellEditor { theme, level, selected: 0, form: None });
            return;
        }
        Msg::Confirm => {
            let Some(chosen) = pick.voorbeelden.get(pick.selected) else { return };
            let text = chosen.text().to_owned();
            let (theme, level) = (pick.theme, pick.level);
            let added = app.edit(|s| {
                s.matrix.add_activity(
                    theme,
                    level,
                    Activity::new(&text, ActivityStatus::Needed, ""),
                )
            });
            let at = app
                .session
                .matrix
                .theme(theme)
                .map_or(0, |th| th.activities(level).len().saturating_sub(1));
            let mut cell = CellEditor { theme, level, selected: at, form: None };
            if added.is_ok() {
                // Open it for editing: the example is a start, the room makes it its own.
                cell.form = Some(ActivityForm {
                    editing: Some(at),
                    field: 0,
                    text: Input::new(text),
                    provider: Input::default(),
                    status: ActivityStatus::Needed,
                });
            }
            app.overlay = Overlay::Cell(cell);
            return;
        }
        _ => {}
    }
    app.overlay = Overlay::Inspiratie(pick);
}
