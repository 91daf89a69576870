//! The help overlay: every key that acts here, from the same key map that handles them,
//! each description wrapped (never cut) in a window as wide as the screen allows, scrolled
//! when it is longer than the screen, and narrowed by a search typed after `/`.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use super::{Palette, pane_title, popup, render_lines, text};
use crate::app::dialogs::help::{help_room, help_width};
use crate::app::{App, help_rows};
use crate::i18n::fill;

pub fn help(frame: &mut Frame, area: Rect, app: &App, palette: &Palette) {
    let t = app.lang.texts();
    let width = help_width(area.width);
    let (rows, key_w) = help_rows(app, width);
    let room = help_room(area.height);
    let scroll = app.help.scroll.min(rows.len().saturating_sub(room));
    let shown = rows.len().saturating_sub(scroll).min(room);
    let mut lines: Vec<Line> = rows[scroll..scroll + shown]
        .iter()
        .map(|row| {
            Line::from(vec![
                Span::styled(format!(" {:<key_w$} ", row.keys), palette.focus),
                Span::styled(row.text.clone(), palette.text),
            ])
        })
        .collect();
    let query = app.help.query.value();
    if rows.is_empty() {
        lines.push(Line::styled(format!(" {}", fill(t.help_no_match, &[&query])), palette.warn));
    }
    let inner_w = usize::from(width).saturating_sub(2);
    // The foot: the search being typed, else the help's own keys and where in the list we are.
    let foot = if app.help.typing || !query.is_empty() {
        let cursor = if app.help.typing { "▏" } else { "" };
        format!(" {}{cursor}", fill(t.help_search, &[&query]))
    } else {
        let at = fill(t.help_position, &[&(scroll + 1), &(scroll + shown), &rows.len()]);
        let with_place = format!(" {}   {at}", t.help_footer);
        if rows.len() > room && with_place.chars().count() <= inner_w {
            with_place
        } else {
            format!(" {}", t.help_footer)
        }
    };
    // Never cut: a foot wider than the window (a long search) shows its last part.
    let foot = match text::wrap(&foot, inner_w).last() {
        Some(last) if foot.chars().count() > inner_w => format!(" {last}"),
        _ => foot,
    };
    lines.push(Line::styled(foot, palette.dim));
    let title = format!("{} · {}", t.help_title, pane_title(t, app.focus));
    let height = (lines.len() as u16 + 2).min(area.height);
    let inner = popup(frame, area, (width, height), &title, palette.focus, palette);
    // The foot on the last row, the list above it.
    let foot = lines.pop().unwrap_or_default();
    let list = Rect { height: inner.height.saturating_sub(1), ..inner };
    render_lines(frame, list, lines);
    let foot_row = Rect { y: inner.bottom().saturating_sub(1), height: 1, ..inner };
    render_lines(frame, foot_row, vec![foot]);
}
