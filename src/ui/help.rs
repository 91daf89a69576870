//! The help overlay: every key that acts here, from the same key map that handles them.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use super::{Palette, pane_title, popup, render_lines, text};
use crate::app::{App, keymap};

pub fn help(frame: &mut Frame, area: Rect, app: &App, palette: &Palette) {
    let t = app.lang.texts();
    let entries: Vec<(String, &str)> = keymap::help_lines(app)
        .iter()
        .map(|b| {
            let mut labels: Vec<String> = b.keys.iter().map(|k| keymap::key_label(k, t)).collect();
            labels.dedup();
            (labels.join(" / "), (b.help)(t))
        })
        .collect();
    // One column when it fits the screen's height, else two side by side.
    let room = area.height.saturating_sub(4) as usize;
    let columns = if entries.len() <= room { 1 } else { 2 };
    let per_column = entries.len().div_ceil(columns);
    let popup_w = if columns == 1 { 76 } else { area.width };
    let column_w = (popup_w as usize - 2) / columns;
    let key_w = if columns == 1 { 18 } else { 12 };
    let mut lines: Vec<Line> = (0..per_column)
        .map(|row| {
            let mut spans = Vec::new();
            for col in 0..columns {
                if let Some((keys, help)) = entries.get(col * per_column + row) {
                    spans.push(Span::styled(
                        format!(" {:<key_w$}", text::fit(keys, key_w - 1)),
                        palette.focus,
                    ));
                    let help_w = column_w.saturating_sub(key_w + 1);
                    spans.push(Span::styled(
                        format!("{:<help_w$}", text::fit(help, help_w)),
                        palette.text,
                    ));
                }
            }
            Line::from(spans)
        })
        .collect();
    // The Matrix pane's help says what the levels and the basis row mean.
    // Only when it fits with the keys: the keys come first.
    let words = crate::i18n::matrix_words(app.lang, &app.session.template);
    if app.focus == crate::app::Pane::Matrix && words.levels {
        let explained = text::wrap(t.levels_explained, (popup_w as usize).saturating_sub(4));
        if lines.len() + explained.len() + 3 <= area.height as usize {
            lines.extend(explained.into_iter().map(|l| Line::styled(format!(" {l}"), palette.dim)));
        }
    }
    lines.push(Line::styled(format!(" {}", t.help_close), palette.dim));
    let title = format!("{} · {}", t.help_title, pane_title(t, app.focus));
    let inner =
        popup(frame, area, (popup_w, lines.len() as u16 + 2), &title, palette.focus, palette);
    render_lines(frame, inner, lines);
}
