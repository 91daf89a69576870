//! An open matrix cell: its activities with their markers and providers, and the form to add
//! or edit one with the provider suggested from the ones typed before.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use crate::app::{App, CellEditor, Removal, suggestion};
use crate::i18n::fill;
use crate::ui::{Palette, popup, render_lines};

/// The cell editor popup.
pub fn editor(frame: &mut Frame, area: Rect, app: &App, cell: &CellEditor, palette: &Palette) {
    let t = app.lang.texts();
    let m = &app.session.matrix;
    let (Some(theme), Some(level)) = (m.theme(cell.theme), m.level(cell.level)) else { return };
    let activities = theme.activities(level.id);
    let title = format!("{} · {}", theme.desired, level.name);
    let height = (activities.len() as u16 + 12).clamp(14, area.height);
    let inner = popup(frame, area, (area.width.min(110), height), &title, palette.focus, palette);
    let [list, form_area, hint_area] =
        Layout::vertical([Constraint::Min(2), Constraint::Length(4), Constraint::Length(3)])
            .areas(inner);

    let mut lines = Vec::new();
    if m.is_gap(theme.id, level.id) {
        lines.push(Line::styled(format!("▒ {} ▒", t.matrix_gap), palette.gap));
    }
    if activities.is_empty() {
        lines.push(Line::styled(t.cell_empty, palette.dim));
    }
    let room = (list.height as usize).saturating_sub(lines.len());
    let skip = cell.selected.saturating_sub(room.saturating_sub(1));
    for (i, a) in activities.iter().enumerate().skip(skip).take(room) {
        let mark = crate::ui::text::status_mark(a.status);
        let here = i == cell.selected && cell.form.is_none();
        let provider =
            if a.provider.is_empty() { String::new() } else { format!("  ({})", a.provider) };
        let style = if here { palette.selected } else { palette.text };
        let marks = crate::i18n::activity_marks(app.lang, a);
        let marks = if marks.is_empty() { marks } else { format!("  {marks}") };
        lines.push(Line::from(vec![
            Span::styled(if here { "▶ " } else { "  " }, style),
            Span::styled(format!("{mark} {}", a.text), style),
            Span::styled(provider, if here { style } else { palette.dim }),
            Span::styled(marks, if here { style } else { palette.focus }),
        ]));
    }
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), list);

    if let Some(form) = &cell.form {
        let labels = [t.field_activity, t.field_provider];
        let label_w = labels.iter().map(|l| l.chars().count()).max().unwrap_or(0) + 2;
        let width = (form_area.width as usize).saturating_sub(label_w + 2);
        // Bestaand or nodig, in words and sign (not by colour), with the key that switches.
        let status = crate::ui::text::status_words(app.lang, form.status);
        let head = if form.editing.is_some() { t.key_edit_activity } else { t.key_add_activity };
        let mut lines = vec![Line::from(vec![
            Span::styled(format!("{head} · "), palette.focus),
            Span::styled(status, palette.selected),
            Span::styled(format!("  ({})", t.cell_line_switch), palette.dim),
        ])];
        for (i, (label, input)) in labels.iter().zip([&form.text, &form.provider]).enumerate() {
            let active = i == form.field;
            // The provider field makes room for the suggestion beside it.
            let hint = (i == 1)
                .then(|| suggestion(app, input.value()).filter(|k| k != input.value()))
                .flatten()
                .map(|known| format!(" {}", fill(t.provider_hint, &[&known])));
            let width = width.saturating_sub(hint.as_ref().map_or(0, |h| h.chars().count())).max(8);
            let scroll = input.visual_scroll(width);
            let mut spans = vec![
                Span::raw(format!("{} {label:<label_w$}", if active { "▶" } else { " " })),
                Span::styled(
                    crate::ui::text::field(input.value(), scroll, width),
                    if active { palette.selected } else { palette.text },
                ),
            ];
            if let Some(hint) = hint {
                spans.push(Span::styled(hint, palette.dim));
            }
            lines.push(Line::from(spans));
            if active {
                let x = form_area.x
                    + 2
                    + label_w as u16
                    + input.visual_cursor().saturating_sub(scroll) as u16;
                frame.set_cursor_position(Position::new(
                    x.min(form_area.right().saturating_sub(1)),
                    form_area.y + 1 + i as u16,
                ));
            }
        }
        render_lines(frame, form_area, lines);
    }
    frame.render_widget(
        Paragraph::new(crate::ui::key_hints(app, |_| false))
            .style(palette.dim)
            .wrap(Wrap { trim: true }),
        hint_area,
    );
}

/// "Remove this row or column with its activities?"
pub fn remove_question(
    frame: &mut Frame,
    area: Rect,
    app: &App,
    removal: Removal,
    palette: &Palette,
) {
    let t = app.lang.texts();
    let m = &app.session.matrix;
    // In the template's words ("Fase … heeft" in the onderwijs–jeugdhulp matrix), turned
    // before the names go in, so a name is never changed.
    let words = |text: &str| crate::i18n::in_template_words(app.lang, &app.session.template, text);
    let text = match removal {
        Removal::Theme(id, n) => fill(
            &words(t.remove_theme_question),
            &[&m.theme(id).map_or("", |th| th.desired.as_str()), &n],
        ),
        Removal::Level(id, n) => fill(
            &words(t.remove_level_question),
            &[&m.level(id).map_or("", |l| l.name.as_str()), &n],
        ),
    };
    let inner = popup(frame, area, (66, 8), t.remove_title, palette.warn, palette);
    frame.render_widget(
        Paragraph::new(format!("{text}\n\n{}", t.question_keys)).wrap(Wrap { trim: true }),
        inner,
    );
}
