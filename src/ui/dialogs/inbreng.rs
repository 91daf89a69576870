//! What phones sent in for the matrix: the contribution on screen, large enough for the room
//! (its cell, bestaand or nodig, the words, the provider, and a look-alike already in the cell),
//! the ones after it, and beside the matrix the queue and the box's address.

use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};

use crate::app::{App, InbrengDialog};
use crate::i18n::fill;
use crate::model::Inbreng;
use crate::ui::text::{fit, status_words, wrap};
use crate::ui::{Palette, lines_and_keys, popup, render_lines};

/// "Gezonde leefstijl · Universeel": the cell a contribution is for.
fn cell_name(app: &App, item: &Inbreng) -> String {
    let m = &app.session.matrix;
    let theme = m.theme(item.theme).map_or("?", |t| t.desired.as_str());
    let level = m.level(item.level).map_or("?", |l| l.name.as_str());
    format!("{theme} · {level}")
}

/// The queue dialog.
pub fn dialog(frame: &mut Frame, area: Rect, app: &App, dialog: &InbrengDialog, palette: &Palette) {
    let t = app.lang.texts();
    let queue = app.session.inbreng.in_order();
    let Some(item) = queue.get(dialog.at) else { return };
    let title = fill(t.inbreng_title, &[&(dialog.at + 1), &queue.len()]);
    let width = area.width.min(100);
    let w = usize::from(width.saturating_sub(2));
    let mut lines = vec![Line::styled(fit(&cell_name(app, item), w), palette.focus)];
    let aside = if item.set_aside { format!("  {}", t.inbreng_set_aside) } else { String::new() };
    let from = if item.from.is_empty() {
        String::new()
    } else {
        // The box calls phones "t1", "t2": the room hears "telefoon 2".
        format!("  {}", fill(t.inbreng_from, &[&item.from.trim_start_matches('t')]))
    };
    lines.push(Line::from(vec![
        Span::styled(status_words(app.lang, item.status), palette.selected),
        Span::styled(format!("{aside}{from}"), palette.dim),
    ]));
    let mut cursor = None;
    match &dialog.form {
        Some((field, text, provider)) => {
            let labels = [t.field_activity, t.field_provider];
            let label_w = labels.iter().map(|l| l.chars().count()).max().unwrap_or(0) + 2;
            let field_w = w.saturating_sub(label_w + 2).max(8);
            for (i, (label, input)) in labels.iter().zip([text, provider]).enumerate() {
                let active = i == *field;
                let scroll = input.visual_scroll(field_w);
                if active {
                    let x =
                        2 + label_w as u16 + input.visual_cursor().saturating_sub(scroll) as u16;
                    cursor = Some(Position::new(x, lines.len() as u16));
                }
                lines.push(Line::from(vec![
                    Span::raw(format!("{} {label:<label_w$}", if active { "▶" } else { " " })),
                    Span::styled(
                        crate::ui::text::field(input.value(), scroll, field_w),
                        if active { palette.selected } else { palette.text },
                    ),
                ]));
            }
        }
        None => {
            // The words in full, wrapped: the room reads what goes into the matrix.
            for line in wrap(&item.text, w) {
                lines.push(Line::styled(line, palette.text));
            }
            if !item.provider.is_empty() {
                let provider = format!("{}: {}", t.field_provider, item.provider);
                lines.extend(wrap(&provider, w).into_iter().map(|l| Line::styled(l, palette.dim)));
            }
        }
    }
    if let Some(at) = app.session.inbreng_look_alike(item.id)
        && let Some(existing) =
            app.session.matrix.theme(item.theme).and_then(|th| th.activities(item.level).get(at))
    {
        lines.push(Line::default());
        let alike = fill(t.inbreng_looks_like, &[&existing.text]);
        lines.extend(wrap(&alike, w).into_iter().map(|l| Line::styled(l, palette.warn)));
    }
    // The ones after it, one line each, so the facilitator sees what is coming.
    let after: Vec<_> = queue.iter().skip(dialog.at + 1).take(4).collect();
    if !after.is_empty() {
        lines.push(Line::default());
        for next in after {
            let mark = crate::ui::text::status_mark(next.status);
            let line = format!("{mark} {} — {}", next.text, cell_name(app, next));
            lines.push(Line::styled(fit(&line, w), palette.dim));
        }
    }
    lines.push(Line::default());
    // As tall as its lines and the keys under them (three rows when wrapped).
    let height = (lines.len() as u16 + 5).min(area.height);
    let inner = popup(frame, area, (width, height), &title, palette.focus, palette);
    lines_and_keys(frame, inner, lines, app, palette);
    if let Some(at) = cursor {
        let x = (inner.x + at.x).min(inner.right().saturating_sub(1));
        frame.set_cursor_position(Position::new(x, inner.y + at.y));
    }
}

/// Rows the queue strip takes under a grid too narrow for a column beside it.
const STRIP_ROWS: u16 = 2;
/// A pane at least this wide has the queue in a column beside the grid.
const COLUMN_FROM: u16 = 120;
/// That column's width.
const COLUMN_WIDTH: u16 = 46;

/// Where the grid goes when phones send activities in (or some wait): beside a column for
/// the box and the queue on a wide pane, above two lines for them on a narrow one. The grid
/// and the mouse use the same split.
pub fn split(app: &App, area: Rect) -> (Rect, Option<Rect>) {
    let serving = app.phones.as_ref().is_some_and(|p| p.round().is_none());
    if !serving && app.session.inbreng.is_empty() {
        return (area, None);
    }
    if area.width >= COLUMN_FROM {
        let grid = Rect { width: area.width - COLUMN_WIDTH - 1, ..area };
        let side = Rect { x: area.right() - COLUMN_WIDTH, width: COLUMN_WIDTH, ..area };
        (grid, Some(side))
    } else {
        let rows = STRIP_ROWS.min(area.height / 3);
        let grid = Rect { height: area.height - rows, ..area };
        let strip = Rect { y: area.bottom() - rows, height: rows, ..area };
        (grid, Some(strip))
    }
}

/// The box (its QR code where a column has room) and the queue, in the place [`split`] gave.
pub fn strip(frame: &mut Frame, area: Rect, app: &App, palette: &Palette) {
    let t = app.lang.texts();
    let queue = &app.session.inbreng;
    let waiting: Vec<&Inbreng> = queue.waiting().collect();
    let aside = queue.items.len() - waiting.len();
    let mut head = fill(t.inbreng_queue_title, &[&waiting.len()]);
    if aside > 0 {
        head = format!("{head} · {}", fill(t.inbreng_queue_aside, &[&aside]));
    }
    if area.height <= STRIP_ROWS {
        // Two lines under the grid: the address to type, then the queue.
        let mut lines = Vec::new();
        if let Some(phones) = app.phones.as_ref().filter(|p| p.round().is_none()) {
            let address = format!("{} · {}", phones.address, fill(t.phones_code, &[&phones.code]));
            lines.push(Line::styled(fit(&address, area.width as usize), palette.focus));
        }
        let line = format!("{head} · {}", t.inbreng_queue_keys);
        lines.push(Line::styled(fit(&line, area.width as usize), palette.text));
        return render_lines(frame, area, lines);
    }
    let rest = match app.phones.as_ref().filter(|p| p.round().is_none()) {
        Some(phones) => crate::ui::panes::stemmen::phones_panel(frame, area, app, phones, palette),
        None => area,
    };
    let w = rest.width as usize;
    let mut lines = vec![Line::styled(fit(&head, w), palette.focus)];
    if !waiting.is_empty() {
        lines.push(Line::styled(fit(t.inbreng_queue_keys, w), palette.dim));
    }
    for item in waiting {
        let mark = crate::ui::text::status_mark(item.status);
        for (i, line) in wrap(&format!("{mark} {}", item.text), w).into_iter().enumerate() {
            let line = if i == 0 { line } else { format!("  {line}") };
            lines.push(Line::styled(line, palette.text));
        }
    }
    render_lines(frame, rest, lines);
}
