//! The overlays over the panes, drawn: one module per kind, the same names as
//! `app::dialogs`, which handles their keys.

pub mod actie_form;
pub mod ambition;
pub mod cell;
pub mod participants;
pub mod round;
pub mod text_field;
pub mod year_after;

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::widgets::{Paragraph, Wrap};

use crate::app::App;
use crate::i18n::fill;
use crate::ui::{Palette, popup};

/// The question after a crash: restore the recovered state?
pub fn recovery(
    frame: &mut Frame,
    area: Rect,
    app: &App,
    recovered: &crate::model::Session,
    palette: &Palette,
) {
    let t = app.lang.texts();
    let when = crate::i18n::moment_text(app.lang, recovered.updated, &jiff::tz::TimeZone::system());
    let text = format!("{}\n\n(j/n)", fill(t.recovery_question, &[&when]));
    let inner = popup(frame, area, (64, 9), t.recovery_title, palette.warn, palette);
    frame.render_widget(Paragraph::new(text).wrap(Wrap { trim: true }), inner);
}
