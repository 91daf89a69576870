//! A small text form over the panes: one or more one-line fields for a piece of the session,
//! such as a theme's evidence note or a theme the room adds on the spot.

use tui_input::{Input, InputRequest};

use crate::app::{App, Msg, Overlay};
use crate::i18n::fill;
use crate::model::{LevelId, ThemeId};

/// The longest text in a one-line field.
pub const MAX_TEXT: usize = 200;

/// What the form edits.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TextTarget {
    /// The monitor figures behind a theme (one field).
    Evidence(ThemeId),
    /// A new theme of the room's own: domain, desired situation, problem. It joins the open
    /// round's candidates.
    NewTheme,
    /// A theme's texts: domain, desired situation, problem.
    Theme(ThemeId),
    /// A new column: name and everyday alias.
    NewLevel,
    /// A column's name and alias.
    Level(LevelId),
    /// The Databank name of the activity at this place in a cell (one field).
    Intervention(ThemeId, LevelId, usize),
    /// What came of an action, in a line (one field).
    ActionResult(crate::model::ActionId),
}

/// The state of the form.
#[derive(Clone, Debug)]
pub struct TextField {
    /// What is edited.
    pub target: TextTarget,
    /// One input per field.
    pub inputs: Vec<Input>,
    /// The field with the cursor.
    pub field: usize,
}

impl TextField {
    /// A form on `target`, starting from its current text.
    pub fn open(app: &App, target: TextTarget) -> Option<Self> {
        let inputs = match target {
            TextTarget::Evidence(id) => {
                vec![Input::new(app.session.matrix.theme(id)?.evidence.clone())]
            }
            TextTarget::NewTheme => vec![Input::default(); 3],
            TextTarget::Theme(id) => {
                let t = app.session.matrix.theme(id)?;
                [&t.domain, &t.desired, &t.problem].map(|x| Input::new(x.clone())).to_vec()
            }
            TextTarget::NewLevel => vec![Input::default(); 2],
            TextTarget::Level(id) => {
                let l = app.session.matrix.level(id)?;
                vec![Input::new(l.name.clone()), Input::new(l.alias.clone())]
            }
            TextTarget::Intervention(theme, level, at) => {
                let a = app.session.matrix.theme(theme)?.activities(level).get(at)?;
                vec![Input::new(a.intervention.clone())]
            }
            TextTarget::ActionResult(id) => {
                let a = app.session.actions.iter().find(|a| a.id == id)?;
                vec![Input::new(a.result.clone())]
            }
        };
        Some(TextField { target, inputs, field: 0 })
    }
}

/// Types one editing request into `input`, refusing to grow it past `max` characters.
/// Returns false when refused.
pub(crate) fn type_into(input: &mut Input, request: InputRequest, max: usize) -> bool {
    let grows = matches!(request, InputRequest::InsertChar(_));
    if grows && input.value().chars().count() >= max {
        return false;
    }
    input.handle(request);
    true
}

/// Pastes `text` into a one-line `input`: line breaks become spaces, and what does not fit
/// in `max` characters is left out. Returns false when something was left out.
pub(crate) fn paste_into(input: &mut Input, text: &str, max: usize) -> bool {
    // One line goes in as it is (a space typed before a word stays); several are joined.
    let line = if text.contains(['\r', '\n']) {
        pasted_lines(text).collect::<Vec<_>>().join(" ")
    } else {
        text.to_owned()
    };
    let room = max.saturating_sub(input.value().chars().count());
    for c in line.chars().take(room) {
        input.handle(InputRequest::InsertChar(c));
    }
    line.chars().count() <= room
}

/// The lines of a paste, whatever ends them: LF (Linux, macOS), CRLF (Windows) or a lone CR
/// (old Mac, some Windows clipboards); trimmed, without empty ones.
pub(crate) fn pasted_lines(text: &str) -> impl Iterator<Item = &str> {
    text.split(['\r', '\n']).map(str::trim).filter(|l| !l.is_empty())
}

/// Handles an action while the form is open.
pub(crate) fn update(app: &mut App, msg: Msg) {
    let Overlay::TextField(mut form) = std::mem::take(&mut app.overlay) else {
        return;
    };
    let t = app.lang.texts();
    let too_long = fill(t.ui_too_long, &[&MAX_TEXT]);
    match msg {
        Msg::Close => return,
        Msg::NextField => form.field = (form.field + 1) % form.inputs.len(),
        Msg::Confirm => {
            let texts: Vec<String> =
                form.inputs.iter().map(|i| i.value().trim().to_owned()).collect();
            match form.target {
                TextTarget::Evidence(id) => {
                    let _ = app.edit(|s| {
                        if let Ok(theme) = s.matrix.theme_mut(id) {
                            theme.evidence = texts[0].clone();
                        }
                        Ok::<(), ()>(())
                    });
                }
                TextTarget::NewTheme | TextTarget::Theme(_) if texts[1].is_empty() => {
                    app.message = Some(t.ui_desired_required.to_owned());
                    form.field = 1;
                    app.overlay = Overlay::TextField(form);
                    return;
                }
                TextTarget::NewLevel | TextTarget::Level(_) if texts[0].is_empty() => {
                    app.message = Some(t.ui_name_required.to_owned());
                    form.field = 0;
                    app.overlay = Overlay::TextField(form);
                    return;
                }
                TextTarget::NewTheme => {
                    let _ = app.edit(|s| {
                        s.add_own_theme(&texts[0], &texts[1], &texts[2]);
                        Ok::<(), ()>(())
                    });
                }
                TextTarget::Theme(id) => {
                    let _ = app.edit(|s| {
                        let theme = s.matrix.theme_mut(id)?;
                        theme.domain = texts[0].clone();
                        theme.desired = texts[1].clone();
                        theme.problem = texts[2].clone();
                        Ok::<(), crate::model::MatrixError>(())
                    });
                }
                TextTarget::NewLevel => {
                    let _ = app.edit(|s| {
                        s.matrix.add_level(&texts[0], &texts[1]);
                        Ok::<(), ()>(())
                    });
                    app.matrix.col = app.session.matrix.levels.len().saturating_sub(1);
                }
                TextTarget::Level(id) => {
                    let _ = app.edit(|s| s.matrix.rename_level(id, &texts[0], &texts[1]));
                }
                TextTarget::ActionResult(id) => {
                    let _ = app.edit(|s| {
                        let a = s.actions.iter_mut().find(|a| a.id == id).ok_or(())?;
                        a.result = texts[0].clone();
                        Ok::<(), ()>(())
                    });
                }
                TextTarget::Intervention(theme, level, at) => {
                    let _ = app.edit(|s| {
                        let row = s.matrix.theme_mut(theme).map_err(|_| ())?;
                        let a = row.cells.get_mut(&level).and_then(|c| c.get_mut(at)).ok_or(())?;
                        a.intervention = texts[0].clone();
                        Ok::<(), ()>(())
                    });
                }
            }
            return;
        }
        Msg::Input(request) => {
            let fits = type_into(&mut form.inputs[form.field], request, MAX_TEXT);
            if !fits {
                app.message = Some(too_long);
            }
        }
        Msg::Paste(text) => {
            let fits = paste_into(&mut form.inputs[form.field], &text, MAX_TEXT);
            if !fits {
                app.message = Some(too_long);
            }
        }
        _ => {}
    }
    app.overlay = Overlay::TextField(form);
}

#[cfg(test)]
mod tests {
    use super::pasted_lines;

    #[test]
    fn a_paste_splits_on_every_kind_of_line_end() {
        for text in
            ["Eén\nTwee\nDrie", "Eén\r\nTwee\r\nDrie\r\n", "Eén\rTwee\rDrie", "Eén\n\r\nTwee\rDrie"]
        {
            assert_eq!(pasted_lines(text).collect::<Vec<_>>(), ["Eén", "Twee", "Drie"], "{text:?}");
        }
    }
}
