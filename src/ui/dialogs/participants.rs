//! The participants dialog: who sits at the table, present or not, and the form to add or
//! edit one.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Row, Table, TableState, Wrap};

use crate::app::{App, ParticipantsDialog};
use crate::i18n::fill;
use crate::model::Role;
use crate::ui::{Palette, popup};

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
    let rows_count = s.participants.len() + s.open_seats.len();
    let height = (rows_count as u16 + 10).max(14);
    let inner = popup(
        frame,
        area,
        (area.width.min(100), height),
        t.dlg_participants,
        palette.focus,
        palette,
    );
    let [list_area, bottom] =
        Layout::vertical([Constraint::Min(3), Constraint::Length(4)]).areas(inner);

    if rows_count == 0 {
        frame.render_widget(Paragraph::new(t.participants_empty).style(palette.dim), list_area);
    } else {
        // Default column spacing 1, selection marker 2: what the organisation column gets.
        let org_w = list_area.width.saturating_sub(18 + 17 + 12 + 9 + 4 + 2) as usize;
        let fit = crate::ui::text::fit;
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
            let partner =
                p.partner().map_or("", |k| crate::i18n::partner_text(app.lang, k)).to_owned();
            Row::new(vec![
                fit(&p.name, 18),
                fit(&p.organisation, org_w),
                partner,
                role.to_owned(),
                present,
            ])
        });
        // Open seats after the people: "—" for the name nobody filled yet, the partner they
        // are for, and "open" where presence would be (Enter fills one).
        let seats = s.open_seats.iter().map(|&k| {
            Row::new(vec![
                "—".to_owned(),
                String::new(),
                crate::i18n::partner_text(app.lang, k).to_owned(),
                t.role_structural.to_owned(),
                t.seat_open.to_owned(),
            ])
            .style(palette.dim)
        });
        let rows = rows.chain(seats);
        let widths = [
            Constraint::Length(18),
            Constraint::Fill(1),
            Constraint::Length(17),
            Constraint::Length(12),
            Constraint::Length(9),
        ];
        let table = Table::new(rows, widths)
            .header(
                Row::new([t.col_name, t.col_org, t.col_partner, t.col_role, t.col_present])
                    .style(palette.focus),
            )
            .row_highlight_style(palette.selected)
            .highlight_symbol("▶ ");
        let mut state = TableState::default().with_selected(Some(dialog.selected));
        // Who the method needs and is not here today, on the list's last line.
        let missing = crate::i18n::missing_partners_text(app.lang, s);
        let list_area = match missing {
            Some(text) if list_area.height as usize > rows_count + 2 => {
                let line = Rect { y: list_area.bottom() - 1, height: 1, ..list_area };
                frame.render_widget(Line::styled(text, palette.warn), line);
                Rect { height: list_area.height - 1, ..list_area }
            }
            _ => list_area,
        };
        frame.render_stateful_widget(table, list_area, &mut state);
    }

    if let Some(q) = &dialog.question {
        let name = s.participant(q.participant).map_or("", |p| p.name.as_str());
        let text = format!("{} {}", fill(t.question_remove, &[&name, &q.owned]), t.question_keys);
        frame.render_widget(
            Paragraph::new(text).style(palette.warn).wrap(Wrap { trim: true }),
            bottom,
        );
    } else if let Some(form) = &dialog.form {
        let title = match form.seat {
            Some(k) => fill(t.seat_fill, &[&crate::i18n::partner_text(app.lang, k)]),
            None if form.editing.is_some() => t.form_edit.to_owned(),
            None => t.form_add.to_owned(),
        };
        let fields = [(t.col_name, &form.name), (t.col_org, &form.organisation)];
        let mut lines = vec![Line::styled(title, palette.focus)];
        let label_w = 14;
        let field_w = (bottom.width as usize).saturating_sub(label_w + 3);
        for (i, (label, input)) in fields.iter().enumerate() {
            let scroll = input.visual_scroll(field_w);
            let shown = crate::ui::text::field(input.value(), scroll, field_w);
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
            crate::ui::key_hints(app, |b| {
                matches!(b.msg, crate::app::Msg::Up | crate::app::Msg::Down)
            }),
            palette.dim,
        ));
        frame.render_widget(Paragraph::new(lines), bottom);
    } else {
        frame.render_widget(
            Paragraph::new(crate::ui::key_hints(app, |b| {
                matches!(b.msg, crate::app::Msg::Up | crate::app::Msg::Down)
            }))
            .style(palette.dim)
            .wrap(Wrap { trim: true }),
            bottom,
        );
    }
}
