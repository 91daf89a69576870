//! A one-line text dialog for a single field of the session, such as a theme's evidence note.

use tui_input::{Input, InputRequest};

use super::{Action, App, Overlay};
use crate::i18n::fill;
use crate::model::ThemeId;

/// The longest text in a one-line field.
pub const MAX_TEXT: usize = 200;

/// Which field of the session is being edited.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TextTarget {
    /// The monitor figures behind a theme.
    Evidence(ThemeId),
}

/// The state of the dialog.
#[derive(Clone, Debug)]
pub struct TextField {
    /// What is edited.
    pub target: TextTarget,
    /// The text so far.
    pub input: Input,
}

impl TextField {
    /// A dialog on `target`, starting from its current text.
    pub fn open(app: &App, target: TextTarget) -> Option<Self> {
        let current = match target {
            TextTarget::Evidence(id) => app.session.matrix.theme(id)?.evidence.clone(),
        };
        Some(TextField { target, input: Input::new(current) })
    }
}

/// Types one editing request into `input`, refusing to grow it past `max` characters.
/// Returns false when refused.
pub(super) fn type_into(input: &mut Input, request: InputRequest, max: usize) -> bool {
    let grows = matches!(request, InputRequest::InsertChar(_));
    if grows && input.value().chars().count() >= max {
        return false;
    }
    input.handle(request);
    true
}

/// Pastes `text` into a one-line `input`: line breaks become spaces, and what does not fit
/// in `max` characters is left out. Returns false when something was left out.
pub(super) fn paste_into(input: &mut Input, text: &str, max: usize) -> bool {
    let line = text.split(['\r', '\n']).filter(|l| !l.is_empty()).collect::<Vec<_>>().join(" ");
    let room = max.saturating_sub(input.value().chars().count());
    for c in line.chars().take(room) {
        input.handle(InputRequest::InsertChar(c));
    }
    line.chars().count() <= room
}

/// Handles an action while the dialog is open.
pub(super) fn update(app: &mut App, action: Action) {
    let Overlay::TextField(mut field) = std::mem::take(&mut app.overlay) else {
        return;
    };
    let too_long = fill(app.lang.texts().ui_too_long, &[&MAX_TEXT]);
    match action {
        Action::Close => return,
        Action::Confirm => {
            let text = field.input.value().trim().to_owned();
            let _ = app.edit(|s| {
                match field.target {
                    TextTarget::Evidence(id) => {
                        if let Ok(theme) = s.matrix.theme_mut(id) {
                            theme.evidence = text;
                        }
                    }
                }
                Ok::<(), ()>(())
            });
            return;
        }
        Action::Input(request) => {
            let fits = type_into(&mut field.input, request, MAX_TEXT);
            if !fits {
                app.message = Some(too_long);
            }
        }
        Action::Paste(text) => {
            let fits = paste_into(&mut field.input, &text, MAX_TEXT);
            if !fits {
                app.message = Some(too_long);
            }
        }
        _ => {}
    }
    app.overlay = Overlay::TextField(field);
}
