//! The queue of what phones sent in for the matrix (`b` in the Matrix pane): one
//! contribution at a time, with its cell, and the look-alike already in that cell if there is
//! one. One key each: Enter takes it in, `s` merges it with the look-alike, `x` sets it aside,
//! `e` edits it before it goes in. Every step is an edit: undo puts it back in the queue.

use tui_input::Input;

use super::text_field::{MAX_TEXT, paste_into, type_into};
use crate::app::panes::matrix::rows;
use crate::app::{App, Msg, Overlay, Pane};
use crate::i18n::errors::inbreng_text;
use crate::i18n::fill;
use crate::model::Inbreng;

/// The queue as the facilitator goes through it.
#[derive(Clone, Debug, Default)]
pub struct InbrengDialog {
    /// The contribution on screen, by place in the queue (waiting ones first).
    pub at: usize,
    /// Editing its text (0) and provider (1) before it goes in.
    pub form: Option<(usize, Input, Input)>,
}

/// The contribution on screen, if any.
pub fn current<'a>(app: &'a App, dialog: &InbrengDialog) -> Option<&'a Inbreng> {
    app.session.inbreng.in_order().get(dialog.at).copied()
}

/// Opens the queue at its first contribution, or says there is nothing yet.
pub(crate) fn open(app: &mut App) {
    if app.session.inbreng.is_empty() {
        app.message = Some(app.lang.texts().inbreng_nothing_yet.to_owned());
        return;
    }
    let dialog = InbrengDialog::default();
    show_cell(app, &dialog);
    app.overlay = Overlay::Inbreng(dialog);
}

/// Selects the contribution's cell in the matrix beneath: the room sees where it would go.
fn show_cell(app: &mut App, dialog: &InbrengDialog) {
    let Some(item) = current(app, dialog).cloned() else { return };
    if !rows(app).contains(&item.theme) {
        app.matrix.all_rows = true;
    }
    if let Some(row) = rows(app).iter().position(|&t| t == item.theme) {
        app.selected[1] = row;
    }
    if let Some(col) = app.session.matrix.levels.iter().position(|l| l.id == item.level) {
        app.matrix.col = col;
    }
    app.focus = Pane::Matrix;
}

/// A key while the queue is open.
pub(crate) fn update(app: &mut App, msg: Msg) {
    let Overlay::Inbreng(mut dialog) = std::mem::take(&mut app.overlay) else { return };
    let t = app.lang.texts();
    if dialog.form.is_some() {
        on_form(app, &mut dialog, msg);
        return after(app, dialog);
    }
    let Some(item) = current(app, &dialog).cloned() else { return };
    match msg {
        Msg::Close => return,
        Msg::Up => dialog.at = dialog.at.saturating_sub(1),
        Msg::Down => dialog.at += 1,
        Msg::Undo => app.undo(),
        Msg::Redo => app.redo(),
        Msg::Confirm => take_in(app, &item, &item.text, &item.provider),
        Msg::Edit if !app.refuse_if_read_only() => {
            let (text, provider) = (Input::new(item.text.clone()), Input::new(item.provider));
            dialog.form = Some((0, text, provider));
        }
        Msg::Merge => match app.session.inbreng_look_alike(item.id) {
            Some(at) => {
                if let Err(e) = app.edit(|s| s.merge_inbreng(item.id, at)) {
                    app.message = Some(inbreng_text(app.lang, &e));
                }
            }
            None => app.message = Some(t.inbreng_no_look_alike.to_owned()),
        },
        Msg::SetAside => {
            let _ = app.edit(|s| s.set_inbreng_aside(item.id));
        }
        _ => {}
    }
    after(app, dialog);
}

/// After a key: keep the place inside the queue, show its cell, and close when the queue is
/// done with (everything handled).
fn after(app: &mut App, mut dialog: InbrengDialog) {
    let left = app.session.inbreng.items.len();
    if left == 0 {
        app.message = Some(app.lang.texts().inbreng_all_done.to_owned());
        return;
    }
    dialog.at = dialog.at.min(left - 1);
    show_cell(app, &dialog);
    app.overlay = Overlay::Inbreng(dialog);
}

/// Takes `item` into its cell with this text and provider (one undoable edit).
fn take_in(app: &mut App, item: &Inbreng, text: &str, provider: &str) {
    // A provider the session knows is written its way: "ggd" is the known "GGD".
    let provider = crate::app::dialogs::cell::known_spelling(app, provider);
    if let Err(e) = app.edit(|s| s.take_in(item.id, text, &provider)) {
        app.message = Some(inbreng_text(app.lang, &e));
    }
}

/// A key while the contribution is edited.
fn on_form(app: &mut App, dialog: &mut InbrengDialog, msg: Msg) {
    let too_long = fill(app.lang.texts().ui_too_long, &[&MAX_TEXT]);
    let Some(item) = current(app, dialog).cloned() else { return };
    let Some((field, text, provider)) = dialog.form.as_mut() else { return };
    match msg {
        Msg::Close => dialog.form = None,
        Msg::NextField => *field = 1 - *field,
        Msg::Input(request) => {
            let input = if *field == 0 { text } else { provider };
            if !type_into(input, request, MAX_TEXT) {
                app.message = Some(too_long);
            }
        }
        Msg::Paste(pasted) => {
            let input = if *field == 0 { text } else { provider };
            if !paste_into(input, &pasted, MAX_TEXT) {
                app.message = Some(too_long);
            }
        }
        Msg::Confirm => {
            let (text, provider) = (text.value().to_owned(), provider.value().to_owned());
            take_in(app, &item, &text, &provider);
            dialog.form = None;
        }
        _ => {}
    }
}
