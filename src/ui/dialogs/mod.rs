//! The overlays over the panes, drawn: one module per kind, the same names as
//! `app::dialogs`, which handles their keys.

pub mod actie_form;
pub mod ambition;
pub mod cell;
pub mod details;
pub mod inbreng;
pub mod inspiratie;
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
    let text = format!("{}\n\n{}", fill(t.recovery_question, &[&when]), t.question_keys);
    let inner = popup(frame, area, (64, 9), t.recovery_title, palette.warn, palette);
    frame.render_widget(Paragraph::new(text).wrap(Wrap { trim: true }), inner);
}

/// A notice to acknowledge (a crashed knoop's lock was taken over), with its key.
pub fn notice(frame: &mut Frame, area: Rect, app: &App, text: &str, palette: &Palette) {
    let t = app.lang.texts();
    let width = 64.min(area.width);
    let lines = crate::ui::text::wrap(text, width.saturating_sub(2) as usize);
    let height = lines.len() as u16 + 4;
    let inner = popup(frame, area, (width, height), t.notice_title, palette.warn, palette);
    let lines = lines.into_iter().map(ratatui::text::Line::from).collect();
    crate::ui::lines_and_keys(frame, inner, lines, app, palette);
}

/// "The last changes are not on disk": the reason, the choices, and the path being typed.
pub fn unsaved(
    frame: &mut Frame,
    area: Rect,
    app: &App,
    dialog: &crate::app::UnsavedDialog,
    palette: &Palette,
) {
    use ratatui::text::{Line, Span};
    let t = app.lang.texts();
    let reason = match &app.save_state {
        crate::app::SaveState::Failed { failure, .. } => failure.reason.clone(),
        _ => String::new(),
    };
    let width = 72.min(area.width);
    let text_w = width.saturating_sub(2) as usize;
    let mut lines: Vec<Line> = crate::ui::text::wrap(&fill(t.unsaved_question, &[&reason]), text_w)
        .into_iter()
        .map(Line::from)
        .collect();
    lines.push(Line::from(""));
    let mut cursor = None;
    if let Some(path) = &dialog.path {
        let label = format!("{}: ", t.unsaved_path_label);
        let field_w = text_w.saturating_sub(label.chars().count() + 1);
        let scroll = path.visual_scroll(field_w);
        let shown = crate::ui::text::field(path.value(), scroll, field_w);
        cursor = Some((
            label.chars().count() + path.visual_cursor().saturating_sub(scroll),
            lines.len(),
        ));
        lines.push(Line::from(vec![
            Span::styled(label, palette.focus),
            Span::styled(shown, palette.selected),
        ]));
    }
    let height = lines.len() as u16 + 5;
    let inner = popup(frame, area, (width, height), t.unsaved_title, palette.warn, palette);
    if let Some((x, y)) = cursor {
        frame.set_cursor_position((inner.x + x as u16, inner.y + y as u16));
    }
    crate::ui::lines_and_keys(frame, inner, lines, app, palette);
}
