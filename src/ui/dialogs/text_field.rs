//! A small text form over the panes: a theme's texts, its evidence, a column's name.

use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};

use crate::app::{App, TextField, TextTarget};
use crate::i18n::fill;
use crate::ui::{Palette, popup};

/// The text form: one labelled line per field.
pub fn text_field(frame: &mut Frame, area: Rect, app: &App, form: &TextField, palette: &Palette) {
    let t = app.lang.texts();
    // Titles in the template's words: "Fase bewerken" in the onderwijs–jeugdhulp matrix.
    let words = |text: &str| crate::i18n::in_template_words(app.lang, &app.session.template, text);
    let (title, labels) = match form.target {
        TextTarget::Evidence(id) => {
            let theme =
                app.session.matrix.theme(id).map(|th| th.desired.as_str()).unwrap_or_default();
            (fill(t.evidence_title, &[&theme]), vec![t.field_evidence])
        }
        TextTarget::NewTheme => {
            (words(t.own_theme_title), vec![t.field_domain, t.field_desired, t.field_problem])
        }
        TextTarget::Theme(_) => {
            (words(t.theme_title), vec![t.field_domain, t.field_desired, t.field_problem])
        }
        TextTarget::NewLevel => (words(t.key_add_level), vec![t.field_name, t.field_alias]),
        TextTarget::Level(_) => (words(t.level_title), vec![t.field_name, t.field_alias]),
        TextTarget::ActionResult(id) => {
            let action = app.session.actions.iter().find(|a| a.id == id);
            let text = action.map_or("", |a| a.text.as_str());
            (format!("{} · {text}", t.field_result), vec![t.field_result])
        }
        TextTarget::Intervention(theme, level, at) => {
            let activity =
                app.session.matrix.theme(theme).and_then(|th| th.activities(level).get(at));
            let text = activity.map_or("", |a| a.text.as_str());
            (format!("{} · {text}", t.field_intervention), vec![t.field_intervention])
        }
    };
    let height = 2 * labels.len() as u16 + 4;
    let inner = popup(frame, area, (area.width.min(100), height), &title, palette.focus, palette);
    let label_w = labels.iter().map(|l| l.chars().count()).max().unwrap_or(0) + 2;
    let width = (inner.width as usize).saturating_sub(label_w + 2);
    let mut lines = Vec::new();
    for (i, (label, input)) in labels.iter().zip(&form.inputs).enumerate() {
        let scroll = input.visual_scroll(width);
        let active = i == form.field;
        let marker = if active { "▶" } else { " " };
        let style = if active { palette.selected } else { palette.text };
        lines.push(Line::from(vec![
            Span::raw(format!("{marker} {label:<label_w$}")),
            Span::styled(crate::ui::text::field(input.value(), scroll, width), style),
        ]));
        lines.push(Line::default());
        if active {
            let x =
                inner.x + 2 + label_w as u16 + input.visual_cursor().saturating_sub(scroll) as u16;
            let y = inner.y + 2 * i as u16;
            frame.set_cursor_position(Position::new(x.min(inner.right().saturating_sub(1)), y));
        }
    }
    let hint = crate::ui::key_hints(app, |b| {
        form.inputs.len() == 1 && b.msg == crate::app::Msg::NextField
    });
    lines.push(Line::styled(hint, palette.dim));
    crate::ui::render_lines(frame, inner, lines);
}
