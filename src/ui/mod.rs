//! Drawing only: reads the [`App`], never changes it. One module per pane, plus the status
//! line, the help overlay and the dialogs.

mod acties;
mod cell;
mod dialog;
mod matrix;
mod picker;
mod stemmen;
mod text;
mod theme;
mod voting;

use jiff::tz::TimeZone;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Borders, Clear, Paragraph, Wrap};

pub use matrix::cell_at as matrix_cell_at;
pub use picker::draw as draw_picker;
pub use theme::Palette;

use crate::app::{App, Overlay, Pane, SaveState, keymap};
use crate::i18n::{Texts, fill};

/// The smallest terminal knoop draws in.
pub const MIN_SIZE: (u16, u16) = (80, 24);

/// Where everything goes on a screen of this size.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Areas {
    /// The panes shown, with their rectangles.
    pub panes: Vec<(Pane, Rect)>,
    /// The two status rows at the bottom.
    pub status: Rect,
}

/// The layout for `area`, or `None` when it is below [`MIN_SIZE`]. The runtime uses the same
/// function to find which pane a mouse click hit.
pub fn areas(area: Rect, zoomed: bool, focus: Pane) -> Option<Areas> {
    if area.width < MIN_SIZE.0 || area.height < MIN_SIZE.1 {
        return None;
    }
    let [body, status] = Layout::vertical([Constraint::Min(0), Constraint::Length(2)]).areas(area);
    let panes = if zoomed {
        vec![(focus, body)]
    } else {
        // Voting needs room for the theme names: the Stemmen pane widens while it has the focus.
        let left_share = if focus == Pane::Stemmen { 50 } else { 36 };
        let [left, right] = Layout::horizontal([
            Constraint::Percentage(left_share),
            Constraint::Percentage(100 - left_share),
        ])
        .areas(body);
        let [top, bottom] =
            Layout::vertical([Constraint::Percentage(58), Constraint::Percentage(42)]).areas(right);
        vec![(Pane::Stemmen, left), (Pane::Matrix, top), (Pane::Acties, bottom)]
    };
    Some(Areas { panes, status })
}

/// Draws the whole screen.
pub fn draw(frame: &mut Frame, app: &App, palette: &Palette) {
    let area = frame.area();
    let t = app.lang.texts();
    let Some(areas) = areas(area, app.zoomed, app.focus) else {
        frame.render_widget(Block::new().style(palette.text), area);
        let message = fill(t.too_small, &[&area.width, &area.height, &MIN_SIZE.0, &MIN_SIZE.1]);
        let p = Paragraph::new(message).wrap(Wrap { trim: true }).style(palette.warn);
        frame.render_widget(p, area);
        return;
    };
    for (pane, rect) in &areas.panes {
        let focused = *pane == app.focus;
        let inner = pane_block(frame, *rect, pane_title(t, *pane), focused, palette);
        match pane {
            Pane::Stemmen => stemmen::draw(frame, inner, app, focused, palette),
            Pane::Matrix => matrix::draw(frame, inner, app, focused, palette),
            Pane::Acties => acties::draw(frame, inner, app, focused, palette),
        }
    }
    status_line(frame, areas.status, app, palette);
    match &app.overlay {
        Overlay::None => {}
        Overlay::Help => help(frame, area, app, palette),
        Overlay::Participants(dialog) => dialog::participants(frame, area, app, dialog, palette),
        Overlay::Recovery(recovered) => dialog::recovery(frame, area, app, recovered, palette),
        Overlay::TextField(field) => dialog::text_field(frame, area, app, field, palette),
        Overlay::RoundSetup(setup) => voting::setup(frame, area, app, setup, palette),
        Overlay::Tie(dialog) => voting::tie(frame, area, app, dialog, palette),
        Overlay::ConfirmReopen(round) => voting::reopen(frame, area, app, *round, palette),
        Overlay::TopThree => voting::top_three(frame, area, app, palette),
        Overlay::Cell(cell) => cell::editor(frame, area, app, cell, palette),
        Overlay::ActieForm(form) => acties::form(frame, area, app, form, palette),
        Overlay::Review(review) => acties::review(frame, area, app, review, palette),
        Overlay::ConfirmRemove(removal) => {
            cell::remove_question(frame, area, app, *removal, palette)
        }
    }
}

fn pane_title(t: &Texts, pane: Pane) -> &'static str {
    match pane {
        Pane::Stemmen => t.pane_stemmen,
        Pane::Matrix => t.pane_matrix,
        Pane::Acties => t.pane_acties,
    }
}

/// A pane's frame: the focused one has a thick border and an arrowed, upper-case title, so
/// the focus shows from across the room without colour.
fn pane_block(
    frame: &mut Frame,
    area: Rect,
    title: &str,
    focused: bool,
    palette: &Palette,
) -> Rect {
    let (title, border_type, style) = if focused {
        (format!(" ▶ {} ◀ ", title.to_uppercase()), BorderType::Thick, palette.focus)
    } else {
        (format!(" {title} "), BorderType::Plain, palette.border)
    };
    let block = Block::new()
        .borders(Borders::ALL)
        .border_type(border_type)
        .border_style(style)
        .style(palette.text)
        .title(Span::styled(title, style));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    inner
}

fn status_line(frame: &mut Frame, area: Rect, app: &App, palette: &Palette) {
    let t = app.lang.texts();
    let [first, second] =
        Layout::vertical([Constraint::Length(1), Constraint::Length(1)]).areas(area);
    let step_name = [t.step_1, t.step_2, t.step_3, t.step_4][app.step.number() - 1];
    let present = app.session.participants.iter().filter(|p| p.present).count();
    let bold = palette.status.add_modifier(Modifier::BOLD);
    let mut right = vec![Span::styled(
        format!("│ {} ", fill(t.status_step, &[&app.step.number(), &step_name])),
        palette.status,
    )];
    right.push(if app.timer.is_up() {
        Span::styled(format!(" ⏰ {} {} ", t.status_timer_up, app.timer.text()), palette.warn)
    } else if app.timer.running {
        Span::styled(format!("│ ▶ {} ", app.timer.text()), bold)
    } else {
        Span::styled(format!("│ ⏸ {} ", app.timer.text()), palette.status)
    });
    if area.width >= 120 {
        let text = fill(t.status_present, &[&present, &app.session.participants.len()]);
        right.push(Span::styled(format!("│ {text} "), palette.status));
    }
    right.push(match (&app.read_only, &app.save_state) {
        (Some(_), _) => Span::styled(format!(" {} ", t.status_read_only), palette.warn),
        (None, SaveState::Failed(_)) => {
            Span::styled(format!(" {} ", t.status_save_failed), palette.warn)
        }
        (None, _) if app.unsaved() => {
            Span::styled(format!("│ {} ", t.status_saving), palette.status)
        }
        (None, SaveState::Saved(at)) => {
            let time = at.to_zoned_datetime(TimeZone::system()).strftime("%H:%M:%S").to_string();
            Span::styled(format!("│ ✓ {} ", fill(t.status_saved, &[&time])), palette.status)
        }
        (None, SaveState::Unchanged) => {
            Span::styled(format!("│ {} ", t.status_unchanged), palette.status)
        }
    });
    right.push(Span::styled(format!("│ {} ", t.status_help_hint), palette.status));
    let right_w: usize = right.iter().map(|s| s.content.chars().count()).sum();
    let title_w = (area.width as usize).saturating_sub(right_w + 2);
    let title = format!(" {:<title_w$} ", text::fit(&app.session.title, title_w));
    let mut spans = vec![Span::styled(title, bold)];
    spans.extend(right);
    frame.render_widget(Line::from(spans).style(palette.status), first);

    let second_line = match (&app.message, &app.save_state, &app.read_only) {
        (Some(message), _, _) => Line::styled(format!(" {message}"), palette.warn),
        (None, SaveState::Failed(why), _) => Line::styled(format!(" {why}"), palette.warn),
        (None, _, Some(holder)) => {
            Line::styled(format!(" {}", fill(t.open_read_only, &[holder])), palette.warn)
        }
        (None, _, None) => Line::styled(
            format!(" {}", hints(app, area.width.saturating_sub(2) as usize)),
            palette.dim,
        ),
    };
    frame.render_widget(second_line, second);
}

/// The keys that work now, as "key what · key what", from the key map; `skip` leaves some
/// out (the arrows that every list has).
pub(crate) fn key_hints(app: &App, skip: impl Fn(&keymap::Binding) -> bool) -> String {
    let t = app.lang.texts();
    keymap::help_lines(app)
        .iter()
        .filter(|b| !skip(b))
        .map(|b| format!("{} {}", keymap::key_label(&b.keys[0], t), (b.help)(t)))
        .collect::<Vec<_>>()
        .join(" · ")
}

/// A dialog's body: `lines` from the top of `area`, and under them the keys that work now,
/// wrapped.
pub(crate) fn lines_and_keys(
    frame: &mut Frame,
    area: Rect,
    lines: Vec<Line>,
    app: &App,
    palette: &Palette,
) {
    let used = lines.len() as u16;
    render_lines(frame, area, lines);
    let rest = Rect { y: area.y + used, height: area.height.saturating_sub(used), ..area };
    let keys =
        Paragraph::new(key_hints(app, |_| false)).style(palette.dim).wrap(Wrap { trim: true });
    frame.render_widget(keys, rest);
}

/// A one-line reminder of the most used keys, from the key map: as many whole hints as fit
/// in `width` columns, so none is cut off mid-word.
fn hints(app: &App, width: usize) -> String {
    let t = app.lang.texts();
    let mut line = String::new();
    for b in keymap::help_lines(app) {
        let hint = format!("{} {}", keymap::key_label(&b.keys[0], t), (b.help)(t));
        let sep = if line.is_empty() { "" } else { "  ·  " };
        if line.chars().count() + sep.len() + hint.chars().count() > width {
            break;
        }
        line.push_str(sep);
        line.push_str(&hint);
    }
    line
}

/// Draws `lines` one per row from the top of `area`, clipped to it. Cheaper than a
/// `Paragraph`, which measures every grapheme to wrap or truncate; these lines are already
/// cut to width.
pub(crate) fn render_lines(frame: &mut Frame, area: Rect, lines: Vec<Line>) {
    for (line, y) in lines.into_iter().zip(area.top()..area.bottom()) {
        frame.render_widget(line, Rect::new(area.x, y, area.width, 1));
    }
}

/// A dialog over the panes: `width` × `height` in the middle of `area`, cleared, with a
/// double border and a title in `style`. Returns the inside.
pub(crate) fn popup(
    frame: &mut Frame,
    area: Rect,
    size: (u16, u16),
    title: &str,
    style: Style,
    palette: &Palette,
) -> Rect {
    let rect = centered(area, size.0, size.1);
    frame.render_widget(Clear, rect);
    let block = Block::bordered()
        .border_type(BorderType::Double)
        .border_style(style)
        .title(Span::styled(format!(" {title} "), style))
        .style(palette.text);
    let inner = block.inner(rect);
    frame.render_widget(block, rect);
    inner
}

/// A rectangle of at most `width` × `height` in the middle of `area`.
pub(crate) fn centered(area: Rect, width: u16, height: u16) -> Rect {
    let w = width.min(area.width);
    let h = height.min(area.height);
    Rect::new(area.x + (area.width - w) / 2, area.y + (area.height - h) / 2, w, h)
}

fn help(frame: &mut Frame, area: Rect, app: &App, palette: &Palette) {
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
    lines.push(Line::styled(format!(" {}", t.help_close), palette.dim));
    let title = format!("{} · {}", t.help_title, pane_title(t, app.focus));
    let inner =
        popup(frame, area, (popup_w, lines.len() as u16 + 2), &title, palette.focus, palette);
    render_lines(frame, inner, lines);
}
