//! The session picker screen.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Position};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Borders, Cell, Paragraph, Row, Table, TableState, Wrap};

use super::text::fit;
use super::{Palette, popup, render_lines};
use crate::app::{Picker, keymap};
use crate::i18n::{date_text, fill, moment_text};
use crate::model::template;

/// Draws the picker over the whole screen.
pub fn draw(frame: &mut Frame, picker: &Picker, palette: &Palette) {
    let area = frame.area();
    let t = picker.lang.texts();
    if crate::app::too_small(area.width, area.height) {
        return super::too_small(frame, t, palette);
    }
    frame.render_widget(Block::new().style(palette.text), area);
    let [body, status] = Layout::vertical([Constraint::Min(0), Constraint::Length(2)]).areas(area);
    let title = fill(t.picker_title, &[&picker.dir.display()]);
    let block = Block::new()
        .borders(Borders::ALL)
        .border_type(BorderType::Thick)
        .border_style(palette.focus)
        .title(Span::styled(format!(" {} ", fit(&title, area.width as usize - 4)), palette.focus));
    let inner = block.inner(body);
    frame.render_widget(block, body);

    if picker.entries.is_empty() {
        frame.render_widget(Paragraph::new(t.picker_empty).style(palette.dim), inner);
    } else {
        let wide = inner.width >= 120;
        // The fixed columns (date, last change, people) and the gaps between the columns; the
        // title takes two fifths of the rest (three with the top 3 beside it) and is fitted
        // at a word boundary, never cut mid-word.
        let rest = usize::from(inner.width).saturating_sub(2 + 16 + 22 + 6 + 2 * 4);
        let (title_w, top_w) = if wide { (rest * 2 / 5, rest * 3 / 5) } else { (rest, 0) };
        let rows = picker.entries.iter().map(|e| match &e.title {
            Some(title) => {
                let date =
                    e.date.map_or_else(|| t.no_date.to_owned(), |d| date_text(picker.lang, d));
                let changed = e
                    .updated
                    .map(|u| moment_text(picker.lang, u, &picker.zone))
                    .unwrap_or_default();
                let top = e
                    .top
                    .iter()
                    .enumerate()
                    .map(|(i, d)| format!("{}. {d}", i + 1))
                    .collect::<Vec<_>>()
                    .join("  ");
                let mut cells = vec![
                    Cell::from(fit(title, title_w)),
                    Cell::from(date),
                    Cell::from(changed),
                    Cell::from(e.participants.to_string()),
                ];
                if wide {
                    cells.push(Cell::from(fit(&top, top_w)));
                }
                Row::new(cells)
            }
            None => {
                let name = e
                    .path
                    .file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_default();
                Row::new(vec![Cell::from(fill(t.picker_unreadable, &[&name])).style(palette.gap)])
            }
        });
        let mut widths = vec![
            Constraint::Fill(2),
            Constraint::Length(16),
            Constraint::Length(22),
            Constraint::Length(6),
        ];
        let mut header =
            vec![t.list_col_title, t.list_col_date, t.list_col_changed, t.picker_col_participants];
        if wide {
            widths.push(Constraint::Fill(3));
            header.push(t.picker_col_top);
        }
        let table = Table::new(rows, widths)
            .header(Row::new(header).style(palette.focus))
            .column_spacing(2)
            .row_highlight_style(palette.selected)
            .highlight_symbol("▶ ");
        let mut state = TableState::default().with_selected(Some(picker.selected));
        frame.render_stateful_widget(table, inner, &mut state);
    }

    let hints: Vec<String> = keymap::bindings_in(&picker.contexts())
        .iter()
        .map(|b| format!("{} {}", keymap::key_label(&b.keys[0], t), (b.help)(t)))
        .collect();
    let room = usize::from(area.width).saturating_sub(1);
    let second = match &picker.message {
        Some(m) => Line::styled(
            format!(" {}", fit(m.lines().next().unwrap_or_default(), room)),
            palette.warn,
        ),
        None => Line::styled(
            format!(" {}", super::text::whole_hints(hints.clone(), "  ·  ", room)),
            palette.dim,
        ),
    };
    let first = Line::styled(
        format!(" {}", fill(t.picker_title, &[&picker.dir.display()])),
        palette.status,
    );
    render_lines(frame, status, vec![first.style(palette.status), second]);

    if let Some(form) = &picker.form {
        let names = [t.template_preventiematrix, t.template_onderwijs_jeugdhulp, t.template_leeg];
        let inner = popup(
            frame,
            area,
            (70, names.len() as u16 + 8),
            t.new_session_title,
            palette.focus,
            palette,
        );
        let mut lines = vec![Line::styled(t.new_session_template, palette.focus)];
        for (i, name) in names.iter().enumerate().take(template::ALL.len()) {
            let chosen = i == form.template;
            let marker = if chosen { "▶ (•) " } else { "  ( ) " };
            let style = if chosen { palette.selected } else { palette.text };
            lines.push(Line::styled(format!("{marker}{name}"), style));
        }
        lines.push(Line::default());
        let label = format!("{}: ", t.new_session_name);
        let field_w = (inner.width as usize).saturating_sub(label.chars().count() + 1);
        let scroll = form.title.visual_scroll(field_w);
        let shown = super::text::field(form.title.value(), scroll, field_w);
        lines.push(Line::from(vec![
            Span::styled(label.clone(), palette.focus),
            Span::styled(shown, palette.selected),
        ]));
        let hints: Vec<String> = keymap::bindings_in(&picker.contexts())
            .iter()
            .map(|b| format!("{} {}", keymap::key_label(&b.keys[0], t), (b.help)(t)))
            .collect();
        let title_row = inner.y + lines.len() as u16 - 1;
        let hint_area = ratatui::layout::Rect {
            y: title_row + 1,
            height: inner.bottom().saturating_sub(title_row + 1),
            ..inner
        };
        render_lines(frame, inner, lines);
        frame.render_widget(
            Paragraph::new(hints.join(" · ")).style(palette.dim).wrap(Wrap { trim: true }),
            hint_area,
        );
        let x = inner.x
            + label.chars().count() as u16
            + form.title.visual_cursor().saturating_sub(scroll) as u16;
        frame.set_cursor_position(Position::new(x.min(inner.right().saturating_sub(1)), title_row));
    }
    if picker.help {
        picker_help(frame, area, picker, palette);
    }
}

/// The key help over the picker: every key of the list (or the form) and what it does,
/// descriptions wrapped, never cut.
fn picker_help(frame: &mut Frame, area: ratatui::layout::Rect, picker: &Picker, palette: &Palette) {
    let t = picker.lang.texts();
    let entries: Vec<(String, &str)> = keymap::bindings_in(&picker.contexts())
        .iter()
        .map(|b| (keymap::key_labels(b, t).join(" / "), (b.help)(t)))
        .collect();
    let key_w = entries.iter().map(|(k, _)| super::text::width(k)).max().unwrap_or(0);
    let width = area.width.min(80);
    let text_w = usize::from(width).saturating_sub(key_w + 4).max(10);
    let mut lines = Vec::new();
    for (keys, help) in &entries {
        for (i, part) in super::text::wrap(help, text_w).into_iter().enumerate() {
            let keys = if i == 0 { keys.as_str() } else { "" };
            lines.push(Line::from(vec![
                Span::styled(format!(" {} ", super::text::fit_pad(keys, key_w)), palette.focus),
                Span::styled(part, palette.text),
            ]));
        }
    }
    lines.push(Line::styled(format!(" {}", t.picker_help_close), palette.dim));
    let height = (lines.len() as u16 + 2).min(area.height);
    let inner = popup(frame, area, (width, height), t.help_title, palette.focus, palette);
    render_lines(frame, inner, lines);
}
