//! Dialogs over the panes: the participants list and its form.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Row, Table, TableState, Wrap};

use super::{Palette, popup};
use crate::app::{App, ParticipantsDialog, TextField, TextTarget};
use crate::i18n::fill;
use crate::model::Role;

/// The participants dialog.
pub fn participants(
    frame: &mut Frame,
    area: Rect,
    app: &App,
    dialog: &ParticipantsDialog,
    palette: &Palette,
) {
    let t = app.lang.texts();
    let s = &app.session;
    let height = (s.participants.len() as u16 + 9).max(14);
    let inner = popup(frame, area, (78, height), t.dlg_participants, palette.focus, palette);
    let [list_area, bottom] =
        Layout::vertical([Constraint::Min(3), Constraint::Length(4)]).areas(inner);

    if s.participants.is_empty() {
        frame.render_widget(Paragraph::new(t.participants_empty).style(palette.dim), list_area);
    } else {
        let rows = s.participants.iter().map(|p| {
            let role = match p.role {
                Role::Structural => t.role_structural,
                Role::Incidental => t.role_incidental,
            };
            let present = if p.present {
                format!("✓ {}", t.present_yes)
            } else {
                format!("✗ {}", t.present_no)
            };
            Row::new(vec![p.name.clone(), p.organisation.clone(), role.to_owned(), present])
        });
        let widths = [
            Constraint::Length(20),
            Constraint::Fill(1),
            Constraint::Length(12),
            Constraint::Length(9),
        ];
        let table = Table::new(rows, widths)
            .header(
                Row::new([t.col_name, t.col_org, t.col_role, t.col_present]).style(palette.focus),
            )
            .row_highlight_style(palette.selected)
            .highlight_symbol("▶ ");
        let mut state = TableState::default().with_selected(Some(dialog.selected));
        frame.render_stateful_widget(table, list_area, &mut state);
    }

    if let Some(q) = &dialog.question {
        let name = s.participant(q.participant).map_or("", |p| p.name.as_str());
        let text = format!("{} (j/n)", fill(t.question_remove, &[&name, &q.owned]));
        frame.render_widget(
            Paragraph::new(text).style(palette.warn).wrap(Wrap { trim: true }),
            bottom,
        );
    } else if let Some(form) = &dialog.form {
        let title = if form.editing.is_some() { t.form_edit } else { t.form_add };
        let fields = [(t.col_name, &form.name), (t.col_org, &form.organisation)];
        let mut lines = vec![Line::styled(title, palette.focus)];
        let label_w = 14;
        let field_w = (bottom.width as usize).saturating_sub(label_w + 3);
        for (i, (label, input)) in fields.iter().enumerate() {
            let scroll = input.visual_scroll(field_w);
            let shown = super::text::field(input.value(), scroll, field_w);
            let style = if i == form.field { palette.selected } else { palette.text };
            let marker = if i == form.field { "▶" } else { " " };
            lines.push(Line::from(vec![
                Span::raw(format!("{marker} {label:<label_w$}")),
                Span::styled(shown, style),
            ]));
            if i == form.field {
                let x = bottom.x
                    + (label_w + 2) as u16
                    + (input.visual_cursor().saturating_sub(scroll)) as u16;
                frame.set_cursor_position(Position::new(
                    x.min(bottom.right().saturating_sub(1)),
                    bottom.y + 1 + i as u16,
                ));
            }
        }
        lines.push(Line::styled(
            super::key_hints(app, |b| matches!(b.msg, crate::app::Msg::Up | crate::app::Msg::Down)),
            palette.dim,
        ));
        frame.render_widget(Paragraph::new(lines), bottom);
    } else {
        frame.render_widget(
            Paragraph::new(super::key_hints(app, |b| {
                matches!(b.msg, crate::app::Msg::Up | crate::app::Msg::Down)
            }))
            .style(palette.dim)
            .wrap(Wrap { trim: true }),
            bottom,
        );
    }
}

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

/// The text form: one labelled line per field.
pub fn text_field(frame: &mut Frame, area: Rect, app: &App, form: &TextField, palette: &Palette) {
    let t = app.lang.texts();
    let (title, labels) = match form.target {
        TextTarget::Evidence(id) => {
            let theme =
                app.session.matrix.theme(id).map(|th| th.desired.as_str()).unwrap_or_default();
            (fill(t.evidence_title, &[&theme]), vec![t.field_evidence])
        }
        TextTarget::NewTheme => {
            (t.own_theme_title.to_owned(), vec![t.field_domain, t.field_desired, t.field_problem])
        }
        TextTarget::Theme(_) => {
            (t.theme_title.to_owned(), vec![t.field_domain, t.field_desired, t.field_problem])
        }
        TextTarget::NewLevel => (t.key_add_level.to_owned(), vec![t.field_name, t.field_alias]),
        TextTarget::Level(_) => (t.level_title.to_owned(), vec![t.field_name, t.field_alias]),
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
            Span::styled(super::text::field(input.value(), scroll, width), style),
        ]));
        lines.push(Line::default());
        if active {
            let x =
                inner.x + 2 + label_w as u16 + input.visual_cursor().saturating_sub(scroll) as u16;
            let y = inner.y + 2 * i as u16;
            frame.set_cursor_position(Position::new(x.min(inner.right().saturating_sub(1)), y));
        }
    }
    let hint =
        super::key_hints(app, |b| form.inputs.len() == 1 && b.msg == crate::app::Msg::NextField);
    lines.push(Line::styled(hint, palette.dim));
    super::render_lines(frame, inner, lines);
}
