//! The Matrix pane: the focus themes × levels, each cell listing its activities; gaps show.

use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::{Line, Text};
use ratatui::widgets::{Cell, HighlightSpacing, Paragraph, Row, Table, TableState};

use super::Palette;
use super::text::{fit, wrap};
use crate::app::{App, Pane};
use crate::i18n::fill;
use crate::model::{ActivityStatus, Theme};

/// Draws the pane's content into `area`.
pub fn draw(frame: &mut Frame, area: Rect, app: &App, focused: bool, palette: &Palette) {
    let t = app.lang.texts();
    let m = &app.session.matrix;
    if m.levels.is_empty() || m.themes.is_empty() {
        frame.render_widget(Paragraph::new(t.matrix_empty).style(palette.dim), area);
        return;
    }
    let rows_shown = app.matrix_rows();
    let focus_count = app.session.focus_themes().len();
    let caption = if focus_count > 0 {
        fill(t.matrix_focus, &[&focus_count])
    } else {
        t.matrix_all.to_owned()
    };
    let levels = m.levels.len() as u16;
    let theme_w = (area.width * 28 / 100).max(14);
    // The highlight column (1) and one space before each level column.
    let cell_w = ((area.width.saturating_sub(theme_w + 1 + levels)) / levels).max(6) as usize;
    let row_count = rows_shown.len().max(1);
    let max_lines =
        ((area.height as usize).saturating_sub(1) / row_count).saturating_sub(1).clamp(3, 12);
    let theme_lines = |theme: &Theme| -> Vec<Line<'static>> {
        let mut lines: Vec<Line> =
            wrap(&theme.desired, theme_w as usize - 1).into_iter().map(Line::from).collect();
        if !theme.problem.is_empty() {
            lines.extend(
                wrap(&format!("→ {}", theme.problem), theme_w as usize - 1)
                    .into_iter()
                    .map(|l| Line::styled(l, palette.dim)),
            );
        }
        // Monitor figures need room to be read; a narrow matrix shows counts only.
        if !theme.evidence.is_empty() && cell_w >= 16 {
            let evidence = wrap(&format!("» {}", theme.evidence), theme_w as usize - 1);
            lines.extend(evidence.into_iter().map(|l| Line::styled(l, palette.dim)));
        }
        lines
    };
    let rows: Vec<Row> = rows_shown
        .iter()
        .filter_map(|&id| m.theme(id))
        .map(|theme| {
            let label = theme_lines(theme);
            let mut height = label.len();
            let mut cells = vec![Cell::from(Text::from(label))];
            for level in &m.levels {
                let mut lines: Vec<Line> = Vec::new();
                if m.is_gap(theme.id, level.id) {
                    lines.push(Line::styled(format!("▒ {} ▒", t.matrix_gap), palette.gap));
                }
                let activities = theme.activities(level.id);
                if cell_w < 16 {
                    // Too narrow to read the texts from afar: counts, with the same markers.
                    let existing =
                        activities.iter().filter(|a| a.status == ActivityStatus::Existing).count();
                    let needed = activities.len() - existing;
                    if existing > 0 {
                        lines.push(Line::from(format!("✓ {existing}")));
                    }
                    if needed > 0 {
                        lines.push(Line::from(format!("+ {needed}")));
                    }
                    height = height.max(lines.len());
                    cells.push(Cell::from(Text::from(lines)));
                    continue;
                }
                for a in activities {
                    let mark = match a.status {
                        ActivityStatus::Existing => "✓",
                        ActivityStatus::Needed => "+",
                    };
                    let provider = if a.provider.is_empty() {
                        String::new()
                    } else {
                        format!(" ({})", a.provider)
                    };
                    for (i, l) in wrap(&format!("{mark} {}{provider}", a.text), cell_w - 2)
                        .into_iter()
                        .enumerate()
                    {
                        let l = if i == 0 { l } else { format!("  {l}") };
                        lines.push(Line::from(l));
                    }
                }
                if lines.len() > max_lines {
                    let more = lines.len() - (max_lines - 1);
                    lines.truncate(max_lines - 1);
                    lines.push(Line::styled(format!("… +{more}"), palette.dim));
                }
                height = height.max(lines.len());
                cells.push(Cell::from(Text::from(lines)));
            }
            Row::new(cells).height(height.min(max_lines) as u16 + 1)
        })
        .collect();
    let mut widths = vec![Constraint::Length(theme_w)];
    widths.extend(m.levels.iter().map(|_| Constraint::Fill(1)));
    let mut header =
        vec![Cell::from(fit(&format!("{} ({caption})", t.matrix_theme), theme_w as usize))];
    header.extend(m.levels.iter().map(|l| {
        let name =
            if l.alias.is_empty() { l.name.clone() } else { format!("{} ({})", l.name, l.alias) };
        let name = if name.chars().count() > cell_w { l.name.clone() } else { name };
        Cell::from(fit(&name, cell_w))
    }));
    let table = Table::new(rows, widths)
        .header(Row::new(header).style(palette.focus).height(1))
        .column_spacing(1)
        .row_highlight_style(palette.selected)
        .highlight_symbol("▶")
        .highlight_spacing(HighlightSpacing::Always)
        .style(palette.text);
    let mut state =
        TableState::default().with_selected(focused.then(|| app.selected(Pane::Matrix)));
    frame.render_stateful_widget(table, area, &mut state);
}
