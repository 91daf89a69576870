//! Draws the guide panel above the panes: what this step is for and the keys that do it now
//! (see [`crate::app::guide`]). At 80×24 it is one line; on a tall screen up to five, with the
//! step's purpose in the seeds' words. It takes its rows from the body in [`super::areas`], so
//! it never covers a pane.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};

use super::{Palette, render_lines, text};
use crate::app::{App, Guide, guide};

/// Screens at least this high show the guide on several rows.
const TALL: u16 = 36;

/// The most rows the guide takes on a tall screen.
const MOST: usize = 5;

/// The rows the guide takes on a screen `area`: none when hidden, one below [`TALL`] rows,
/// else as many as its text needs (at most [`MOST`]).
pub fn height(app: &App, area: Rect) -> u16 {
    if app.session.guide_hidden {
        0
    } else if area.height < TALL {
        1
    } else {
        tall_rows(&guide(app), area.width).len() as u16
    }
}

/// The guide's keys as "Enter: cel openen", one per key.
fn key_texts(g: &Guide) -> Vec<(String, String)> {
    g.keys.iter().map(|k| (k.key.clone(), k.what.clone())).collect()
}

/// The parts of the tall guide: (bold part, plain part) per row.
fn tall_rows(g: &Guide, width: u16) -> Vec<(String, String)> {
    let w = usize::from(width).saturating_sub(2).max(20);
    let mut rows = Vec::new();
    let head = format!("{} — {}", g.title, g.purpose);
    for (i, line) in text::wrap(&head, w).into_iter().enumerate() {
        // The title stays bold on the first row.
        match (i, line.strip_prefix(g.title.as_str())) {
            (0, Some(rest)) => rows.push((g.title.clone(), rest.to_owned())),
            _ => rows.push((String::new(), line)),
        }
    }
    for line in text::wrap(&g.now, w) {
        rows.push((String::new(), line));
    }
    // The keys last, so they are never wrapped away.
    let keys = key_texts(g)
        .iter()
        .map(|(k, what)| format!("{k}: {what}"))
        .collect::<Vec<_>>()
        .join("  ·  ");
    rows.truncate(MOST - 1);
    rows.push((String::new(), keys));
    rows
}

/// The one-line guide in `width` columns: the step, its question and as many whole keys as
/// fit; the question makes way when not even the first key would fit beside it. Never a word
/// cut. Each part says whether it is drawn bold.
pub fn one_line(g: &Guide, width: usize) -> Vec<(String, bool)> {
    let width = width.saturating_sub(1);
    let len =
        |parts: &[(String, bool)]| parts.iter().map(|(s, _)| s.chars().count()).sum::<usize>();
    let with_keys = |mut parts: Vec<(String, bool)>| {
        let mut shown = 0;
        for (i, (k, what)) in key_texts(g).into_iter().enumerate() {
            let sep = if i == 0 { " │ " } else { " · " };
            let part = [(format!("{sep}{k}"), true), (format!(": {what}"), false)];
            if len(&parts) + len(&part) > width {
                break;
            }
            parts.extend(part);
            shown += 1;
        }
        (parts, shown)
    };
    let title = (g.title.clone(), true);
    let short = (format!(" — {}", g.short), false);
    let (parts, shown) = with_keys(vec![title.clone(), short]);
    if shown > 0 || g.keys.is_empty() && len(&parts) <= width {
        return parts;
    }
    with_keys(vec![title]).0
}

/// Draws the guide in `area` (its rows from [`height`]).
pub fn draw(frame: &mut Frame, area: Rect, app: &App, palette: &Palette) {
    if area.height == 0 {
        return;
    }
    let g = guide(app);
    let bold = palette.text.add_modifier(Modifier::BOLD);
    let lines: Vec<Line> = if area.height == 1 {
        let spans = std::iter::once(Span::styled(" ", palette.text))
            .chain(
                one_line(&g, usize::from(area.width))
                    .into_iter()
                    .map(|(s, strong)| Span::styled(s, if strong { bold } else { palette.text })),
            )
            .collect::<Vec<_>>();
        vec![Line::from(spans)]
    } else {
        tall_rows(&g, area.width)
            .into_iter()
            .enumerate()
            .map(|(i, (strong, plain))| {
                let last = i + 1 == usize::from(area.height);
                Line::from(vec![
                    Span::styled(" ", palette.text),
                    Span::styled(strong, bold),
                    Span::styled(plain, if last { palette.focus } else { palette.text }),
                ])
            })
            .collect()
    };
    frame.render_widget(ratatui::widgets::Block::new().style(palette.text), area);
    render_lines(frame, area, lines);
}
