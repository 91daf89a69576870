//! The participants dialog: who is at the table, with a small form to add or edit someone.

use tui_input::Input;

use crate::app::dialogs::text_field::{paste_into, type_into};

use crate::app::{App, Msg, Overlay};
use crate::i18n::fill;
use crate::model::{ParticipantId, Role, SessionError};

/// The longest name or organisation (the model's [`crate::model::MAX_NAME`]).
pub const MAX_FIELD: usize = crate::model::MAX_NAME;

/// The dialog's state.
#[derive(Clone, Debug, Default)]
pub struct ParticipantsDialog {
    /// The selected participant (row).
    pub selected: usize,
    /// The add/edit form, when open.
    pub form: Option<ParticipantForm>,
    /// A question before removing someone who owns work.
    pub question: Option<RemovalQuestion>,
}

/// Adding or editing one participant.
#[derive(Clone, Debug, Default)]
pub struct ParticipantForm {
    /// The participant edited; `None` adds a new one.
    pub editing: Option<ParticipantId>,
    /// 0: name, 1: organisation.
    pub field: usize,
    /// The name.
    pub name: Input,
    /// The organisation.
    pub organisation: Input,
    /// The open seat this form fills (a new participant of that partner kind); `None` for
    /// a plain add or edit.
    pub seat: Option<crate::model::Partner>,
}

impl ParticipantForm {
    /// The text field with the cursor.
    pub fn active(&mut self) -> &mut Input {
        if self.field == 0 { &mut self.name } else { &mut self.organisation }
    }
}

/// Removing someone who owns actions or agreements: their work would lose its owner.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RemovalQuestion {
    /// Who.
    pub participant: ParticipantId,
    /// How many actions and agreements they own.
    pub owned: usize,
}

/// Handles an action while the participants dialog is open.
pub(crate) fn update(app: &mut App, msg: Msg) {
    let Overlay::Participants(mut dialog) = std::mem::take(&mut app.overlay) else {
        return;
    };
    let keep_open = if dialog.question.is_some() {
        on_question(app, &mut dialog, msg);
        true
    } else if dialog.form.is_some() {
        on_form(app, &mut dialog, msg);
        true
    } else {
        on_list(app, &mut dialog, msg)
    };
    // The list shows the participants, then the open seats.
    let count = app.session.participants.len() + app.session.open_seats.len();
    dialog.selected = dialog.selected.min(count.saturating_sub(1));
    if keep_open {
        app.overlay = Overlay::Participants(dialog);
    }
}

/// Returns whether the dialog stays open.
fn on_list(app: &mut App, dialog: &mut ParticipantsDialog, msg: Msg) -> bool {
    let selected = app.session.participants.get(dialog.selected).map(|p| p.id);
    // The open seat under the cursor, when it is past the participants.
    let seat = dialog
        .selected
        .checked_sub(app.session.participants.len())
        .and_then(|i| app.session.open_seats.get(i).copied());
    match msg {
        Msg::Close => return false,
        Msg::Up => dialog.selected = dialog.selected.saturating_sub(1),
        Msg::Down => dialog.selected += 1,
        Msg::Undo => app.undo(),
        Msg::Redo => app.redo(),
        Msg::Add if !app.refuse_if_read_only() => dialog.form = Some(ParticipantForm::default()),
        Msg::Edit if !app.refuse_if_read_only() => {
            if let Some(p) = app.session.participants.get(dialog.selected) {
                dialog.form = Some(ParticipantForm {
                    editing: Some(p.id),
                    field: 0,
                    name: Input::new(p.name.clone()),
                    organisation: Input::new(p.organisation.clone()),
                    seat: None,
                });
            } else if let Some(k) = seat {
                // Filling a seat: the partner's name as the organisation to start from.
                let organisation = crate::i18n::partner_text(app.lang, k).to_owned();
                dialog.form = Some(ParticipantForm {
                    organisation: Input::new(organisation),
                    seat: Some(k),
                    ..ParticipantForm::default()
                });
            }
        }
        Msg::TogglePresent => edit_selected(app, selected, |p| p.present = !p.present),
        Msg::CyclePartner => edit_selected(app, selected, |p| {
            p.partner = crate::model::Partner::next(p.partner());
        }),
        Msg::ToggleRole => edit_selected(app, selected, |p| {
            p.role = match p.role {
                Role::Structural => Role::Incidental,
                Role::Incidental => Role::Structural,
            }
        }),
        Msg::Remove => {
            if let Some(id) = selected {
                remove(app, dialog, id, false);
            } else if let Some(k) = seat {
                // A partner that does not come here: the seat goes, undoably.
                let _ = app.edit(|s| {
                    if let Some(at) = s.open_seats.iter().position(|&x| x == k) {
                        s.open_seats.remove(at);
                    }
                    Ok::<(), ()>(())
                });
            }
        }
        _ => {}
    }
    true
}

fn edit_selected(
    app: &mut App,
    id: Option<ParticipantId>,
    change: impl FnOnce(&mut crate::model::Participant),
) {
    let Some(id) = id else { return };
    let _ = app.edit(|s| {
        if let Some(p) = s.participants.iter_mut().find(|p| p.id == id) {
            change(p);
        }
        Ok::<(), ()>(())
    });
}

fn remove(app: &mut App, dialog: &mut ParticipantsDialog, id: ParticipantId, unassign: bool) {
    let t = app.lang.texts();
    let name = app.session.participant(id).map(|p| p.name.clone()).unwrap_or_default();
    match app.edit(|s| s.remove_participant(id, unassign).map(|_| ())) {
        Ok(()) => {}
        Err(SessionError::OwnsWork { owned }) => {
            dialog.question = Some(RemovalQuestion { participant: id, owned });
        }
        Err(SessionError::VotedIn(_)) => app.message = Some(fill(t.ui_participant_voted, &[&name])),
        Err(_) => {}
    }
}

fn on_question(app: &mut App, dialog: &mut ParticipantsDialog, msg: Msg) {
    match msg {
        Msg::Yes => {
            if let Some(q) = dialog.question.take() {
                remove(app, dialog, q.participant, true);
            }
        }
        Msg::Close => dialog.question = None,
        _ => {}
    }
}

fn on_form(app: &mut App, dialog: &mut ParticipantsDialog, msg: Msg) {
    let t = app.lang.texts();
    let Some(form) = dialog.form.as_mut() else {
        return;
    };
    match msg {
        Msg::Close => dialog.form = None,
        Msg::NextField => form.field = 1 - form.field,
        Msg::Input(request) => {
            let fits = type_into(form.active(), request, MAX_FIELD);
            if !fits {
                app.message = Some(fill(t.ui_too_long, &[&MAX_FIELD]));
            }
        }
        Msg::Paste(text) => {
            let fits = paste_into(form.active(), &text, MAX_FIELD);
            if !fits {
                app.message = Some(fill(t.ui_too_long, &[&MAX_FIELD]));
            }
        }
        Msg::Confirm => {
            let name = form.name.value().trim().to_owned();
            let organisation = form.organisation.value().trim().to_owned();
            let (editing, seat) = (form.editing, form.seat);
            if name.is_empty() {
                if editing.is_none() && seat.is_none() && organisation.is_empty() {
                    // Enter on the empty form of the next one: done adding.
                    dialog.form = None;
                    return;
                }
                app.message = Some(t.ui_name_required.to_owned());
                form.field = 0;
                return;
            }
            // Where the filled seat stood: the next open seat takes its place in the list.
            let seat_at = seat.and_then(|k| app.session.open_seats.iter().position(|s| *s == k));
            let mut added = None;
            let _ = app.edit(|s| {
                if let Some(k) = seat {
                    added = s.fill_seat(k, &name, &organisation);
                    if added.is_some() {
                        return Ok::<(), ()>(());
                    }
                }
                match editing.and_then(|id| s.participants.iter_mut().find(|p| p.id == id)) {
                    Some(p) => {
                        p.name = name;
                        p.organisation = organisation;
                    }
                    None => added = Some(s.add_participant(&name, &organisation, Role::Structural)),
                }
                Ok::<(), ()>(())
            });
            if let Some(id) = added {
                dialog.selected =
                    app.session.participants.iter().position(|p| p.id == id).unwrap_or_default();
            }
            dialog.form = None;
            match (editing, seat_at) {
                // A seat filled: on to the next open seat, so Enter, a name, Enter fills it.
                (None, Some(k)) if k < app.session.open_seats.len() => {
                    dialog.selected = app.session.participants.len() + k;
                }
                // Someone new: the form again for the next one (Enter on it empty stops).
                (None, None) => dialog.form = Some(ParticipantForm::default()),
                _ => {}
            }
        }
        _ => {}
    }
}
