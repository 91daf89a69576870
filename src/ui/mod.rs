//! Drawing only: reads the [`App`], never changes it. One module per pane, plus the status
//! line, the help overlay and the dialogs.

pub mod dialogs;
mod guide;
mod help;
pub mod overzicht;
pub mod panes;
mod picker;
mod status;
pub(crate) mod text;
mod theme;

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Borders, Clear, Paragraph, Wrap};

pub use panes::matrix::cell_at as matrix_cell_at;
pub use picker::draw as draw_picker;
pub use theme::Palette;

use crate::app::{App, Overlay, Pane, keymap};
use crate::i18n::{Texts, fill};

pub use crate::app::MIN_SIZE;

/// Fills the screen with what a screen below [`MIN_SIZE`] says: how big it is and how big it
/// must be.
pub(crate) fn too_small(frame: &mut Frame, t: &Texts, palette: &Palette) {
    let area = frame.area();
    frame.render_widget(Block::new().style(palette.text), area);
    let message = fill(t.too_small, &[&area.width, &area.height, &MIN_SIZE.0, &MIN_SIZE.1]);
    let p = Paragraph::new(message).wrap(Wrap { trim: true }).style(palette.warn);
    frame.render_widget(p, area);
}

/// Where everything goes on a screen of this size.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Areas {
    /// The panes shown, with their rectangles.
    pub panes: Vec<(Pane, Rect)>,
    /// The two status rows at the bottom.
    pub status: Rect,
    /// The guide's rows above the panes (none high when the guide is hidden).
    pub guide: Rect,
}

/// The layout for `area` without the guide, or `None` when it is below [`MIN_SIZE`].
pub fn areas(area: Rect, zoomed: bool, focus: Pane) -> Option<Areas> {
    layout(area, zoomed, focus, 0)
}

/// Screens narrower than this show the matrix and the actions across the whole width while
/// one of them has the focus: beside the ranking their cells would shrink to counts.
const NARROW_BELOW: u16 = 120;

/// The layout of `app` on `area`, the guide included, or `None` when it is below
/// [`MIN_SIZE`]. The screen is drawn with it and the runtime finds which pane a mouse click
/// hit with it, so the two always agree.
pub fn app_areas(area: Rect, app: &App) -> Option<Areas> {
    layout(area, app.zoomed, app.focus, guide::height(app, area))
}

fn layout(area: Rect, zoomed: bool, focus: Pane, guide_rows: u16) -> Option<Areas> {
    if crate::app::too_small(area.width, area.height) {
        return None;
    }
    let [guide, body, status] = Layout::vertical([
        Constraint::Length(guide_rows),
        Constraint::Min(0),
        Constraint::Length(2),
    ])
    .areas(area);
    let panes = if zoomed {
        vec![(focus, body)]
    } else if area.width < NARROW_BELOW && focus != Pane::Stemmen {
        // A narrow screen in steps 2–4: the matrix and the actions get the whole width (their
        // words stay words, not counts) and the focused one most of the height; the ranking
        // comes back with Tab or step 1.
        let share = 75;
        let (top, bottom) =
            if focus == Pane::Matrix { (share, 100 - share) } else { (100 - share, share) };
        let [upper, lower] =
            Layout::vertical([Constraint::Percentage(top), Constraint::Percentage(bottom)])
                .areas(body);
        vec![(Pane::Matrix, upper), (Pane::Acties, lower)]
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
    Some(Areas { panes, status, guide })
}

/// Draws the whole screen.
pub fn draw(frame: &mut Frame, app: &App, palette: &Palette) {
    let area = frame.area();
    let t = app.lang.texts();
    let Some(areas) = app_areas(area, app) else {
        return too_small(frame, t, palette);
    };
    guide::draw(frame, areas.guide, app, palette);
    for (pane, rect) in &areas.panes {
        let focused = *pane == app.focus;
        let inner = pane_block(frame, *rect, pane_title(t, *pane), focused, palette);
        match pane {
            Pane::Stemmen => panes::stemmen::draw(frame, inner, app, focused, palette),
            Pane::Matrix => panes::matrix::draw(frame, inner, app, focused, palette),
            Pane::Acties => panes::acties::draw(frame, inner, app, focused, palette),
        }
    }
    status::status_line(frame, areas.status, app, palette);
    draw_overlay(frame, area, app, &app.overlay, palette);
}

/// Draws `overlay` over the panes; the help over a dialog draws that dialog first.
fn draw_overlay(frame: &mut Frame, area: Rect, app: &App, overlay: &Overlay, palette: &Palette) {
    use dialogs::{actie_form, cell, details, participants, round, text_field};
    match overlay {
        Overlay::None => {}
        Overlay::Help => {
            if let Some(dialog) = &app.help.beneath {
                draw_overlay(frame, area, app, dialog, palette);
            }
            help::help(frame, area, app, palette)
        }
        Overlay::Participants(dialog) => {
            participants::participants(frame, area, app, dialog, palette)
        }
        Overlay::Recovery(recovered) => dialogs::recovery(frame, area, app, recovered, palette),
        Overlay::Notice { text, .. } => dialogs::notice(frame, area, app, text, palette),
        Overlay::Unsaved(dialog) => dialogs::unsaved(frame, area, app, dialog, palette),
        Overlay::Details(form) => details::form(frame, area, app, form, palette),
        Overlay::TextField(field) => text_field::text_field(frame, area, app, field, palette),
        Overlay::RoundSetup(setup) => round::setup(frame, area, app, setup, palette),
        Overlay::Tie(dialog) => round::tie(frame, area, app, dialog, palette),
        Overlay::ConfirmReopen(r) => round::reopen(frame, area, app, *r, palette),
        Overlay::TopThree => round::top_three(frame, area, app, palette),
        Overlay::Cell(cell) => cell::editor(frame, area, app, cell, palette),
        Overlay::ActieForm(form) => actie_form::form(frame, area, app, form, palette),
        Overlay::Review(review) => actie_form::review(frame, area, app, review, palette),
        Overlay::ConfirmRemove(removal) => {
            cell::remove_question(frame, area, app, *removal, palette)
        }
        Overlay::Ambition(form) => dialogs::ambition::form(frame, area, app, form, palette),
        Overlay::YearAfter => dialogs::year_after::year_after(frame, area, app, palette),
        Overlay::Inspiratie(pick) => {
            dialogs::inspiratie::pick_list(frame, area, app, pick, palette)
        }
        Overlay::Inbreng(dialog) => dialogs::inbreng::dialog(frame, area, app, dialog, palette),
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

/// The keys that work now, as "key what · key what", from the key map; `skip` leaves some
/// out (the arrows that every list has).
pub(crate) fn key_hints(app: &App, skip: impl Fn(&keymap::Binding) -> bool) -> String {
    let t = app.lang.texts();
    // The help key is on the status line, the same in every dialog.
    // Only the keys that act now (no "merge" without a look-alike).
    keymap::acting_lines(app)
        .iter()
        .filter(|b| !skip(b) && b.msg != crate::app::Msg::ToggleHelp)
        // A no-break space between the key and its word: a wrapped hint never leaves "↑" at
        // the end of one line and "Omhoog" at the start of the next (ratatui keeps it whole).
        .map(|b| format!("{}\u{a0}{}", keymap::key_label(&b.keys[0], t), keymap::help_text(app, b)))
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
