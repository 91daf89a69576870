//! Quitting while the last edits are not on disk (the disk is full, the folder became
//! read-only): knoop never quits over them. It offers to try again, to save the session under
//! another name, or to keep the work in knoop's own data folder, where the next `knoop open`
//! of this file offers it; and it says where the work went.

use tui_input::Input;

use super::text_field::{MAX_TEXT, paste_into, type_into};
use crate::app::{App, Effect, Msg, Overlay};
use crate::i18n::fill;

/// The question, and the path being typed for "save elsewhere".
#[derive(Clone, Debug, Default)]
pub struct UnsavedDialog {
    /// The new file's path, while the facilitator types it.
    pub path: Option<Input>,
}

/// Opens the question: the last save failed while quitting.
pub(crate) fn ask(app: &mut App) {
    app.quitting = false;
    app.overlay = Overlay::Unsaved(UnsavedDialog::default());
}

/// Handles a key while the question is open.
pub(crate) fn update(app: &mut App, msg: Msg) {
    let Overlay::Unsaved(mut dialog) = std::mem::take(&mut app.overlay) else { return };
    let t = app.lang.texts();
    match (&mut dialog.path, msg) {
        (None, Msg::RetrySave) => {
            // Try once more now; quitting goes on when it works, and the question comes back
            // when it does not.
            app.quitting = true;
            let (revision, session) = (app.revision, app.session.clone());
            app.effect(Effect::Save { revision, session, now: true });
            return;
        }
        (None, Msg::SaveElsewhere) => {
            let suggestion = app.path.with_file_name(fill(
                t.unsaved_copy_name,
                &[&app.path.file_stem().unwrap_or_default().to_string_lossy()],
            ));
            dialog.path = Some(Input::new(suggestion.display().to_string()));
        }
        (None, Msg::KeepInDataFolder) => {
            app.effect(Effect::WriteRecovery { session: app.session.clone() });
            return;
        }
        (None, Msg::Close) => return,
        (Some(_), Msg::Close) => dialog.path = None,
        (Some(path), Msg::Confirm) => {
            let typed = path.value().trim();
            if typed.is_empty() {
                app.message = Some(t.unsaved_path_required.to_owned());
            } else {
                let path = std::path::PathBuf::from(typed);
                let (revision, session) = (app.revision, app.session.clone());
                app.quitting = true;
                app.effect(Effect::SaveAs { path, session, revision });
                return;
            }
        }
        (Some(path), Msg::Input(request)) => {
            let fits = type_into(path, request, MAX_TEXT);
            if !fits {
                app.message = Some(fill(t.ui_too_long, &[&MAX_TEXT]));
            }
        }
        (Some(path), Msg::Paste(text)) => {
            let fits = paste_into(path, &text, MAX_TEXT);
            if !fits {
                app.message = Some(fill(t.ui_too_long, &[&MAX_TEXT]));
            }
        }
        _ => {}
    }
    app.overlay = Overlay::Unsaved(dialog);
}
