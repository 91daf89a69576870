//! The key help (`?`): its scroll position and search, what it lists at a given width, and
//! what its keys do. It lists every key that acts beneath it, wrapped to the screen so that no
//! description is cut, scrolls when the list is longer than the screen, and narrows to the
//! keys whose name or description holds what is typed after `/`.

use tui_input::Input;

use super::text_field::{paste_into, type_into};
use crate::app::{App, Msg, Overlay, keymap};

/// Longest search that can be typed.
const MAX_QUERY: usize = 40;

/// The help's state while it is open: reset each time it opens, except the screen size.
#[derive(Clone, Debug, Default)]
pub struct HelpView {
    /// The first row shown.
    pub scroll: usize,
    /// What is searched for; empty lists every key.
    pub query: Input,
    /// The search is being typed: keys type text.
    pub typing: bool,
    /// The terminal's size from the last resize, to know how far the list can scroll.
    pub screen: (u16, u16),
    /// The dialog the help was opened over: it lists that dialog's keys, and closing the help
    /// brings the dialog back as it was.
    pub beneath: Option<Box<Overlay>>,
}

/// One row of the help: the keys (only on an entry's first row) and a part of what they do.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HelpRow {
    /// "↑ / k", or empty on a continuation row.
    pub keys: String,
    /// What they do, one wrapped part.
    pub text: String,
}

/// The help window's width on a screen `width` wide: the whole width up to 100 columns.
pub fn help_width(width: u16) -> u16 {
    width.min(100)
}

/// Rows of the help that fit between its border, its foot and the screen edges, on a screen
/// `height` rows high.
pub fn help_room(height: u16) -> usize {
    // Two border rows and the foot.
    usize::from(height.saturating_sub(3)).max(1)
}

/// The width of the key column for these entries: the longest keys, at most 20 columns.
fn key_width(entries: &[(String, String)]) -> usize {
    entries.iter().map(|(k, _)| k.chars().count()).max().unwrap_or(0).min(20)
}

/// The keys the help lists now, filtered by the search: (keys, description).
fn entries(app: &App) -> Vec<(String, String)> {
    let t = app.lang.texts();
    let query = app.help.query.value().trim().to_lowercase();
    keymap::help_lines(app)
        .iter()
        .map(|b| (keymap::key_labels(b, t).join(" / "), keymap::help_text(app, b)))
        .filter(|(keys, help)| {
            query.is_empty()
                || help.to_lowercase().contains(&query)
                || keys.to_lowercase().contains(&query)
        })
        .collect()
}

/// The help's rows for a window `width` columns wide (border included), and the width of the
/// key column: every description wrapped at spaces, never cut.
pub fn help_rows(app: &App, width: u16) -> (Vec<HelpRow>, usize) {
    let entries = entries(app);
    let key_w = key_width(&entries);
    // Border, a space before the keys, a space between the columns.
    let text_w = usize::from(width).saturating_sub(key_w + 4).max(10);
    let mut rows = Vec::new();
    let searching = !app.help.query.value().trim().is_empty();
    for (keys, help) in entries {
        let key_lines = crate::ui::text::wrap(&keys, key_w.max(1));
        let text_lines = crate::ui::text::wrap(&help, text_w);
        for i in 0..key_lines.len().max(text_lines.len()) {
            rows.push(HelpRow {
                keys: key_lines.get(i).cloned().unwrap_or_default(),
                text: text_lines.get(i).cloned().unwrap_or_default(),
            });
        }
    }
    // Under the Matrix pane's keys, what its columns mean: the levels and the basis row,
    // after the keys (scroll down to read it on a small screen).
    let words = crate::i18n::matrix_words(app.lang, &app.session.template);
    if app.focus == crate::app::Pane::Matrix && words.levels && !searching {
        let t = app.lang.texts();
        rows.push(HelpRow { keys: String::new(), text: String::new() });
        for line in crate::ui::text::wrap(t.levels_explained, text_w) {
            rows.push(HelpRow { keys: String::new(), text: line });
        }
    }
    (rows, key_w)
}

/// How far the help can scroll on the last known screen (80×24 before the first resize).
fn max_scroll(app: &App) -> usize {
    let (w, h) = match app.help.screen {
        (0, _) | (_, 0) => crate::app::MIN_SIZE,
        size => size,
    };
    help_rows(app, help_width(w)).0.len().saturating_sub(help_room(h))
}

/// Opens the help at its top, without a search, over whatever dialog is open: `?` (or F1
/// where keys type text) works in every dialog, and closing the help goes back to it.
pub(crate) fn open(app: &mut App) {
    let screen = app.help.screen;
    let beneath = match std::mem::take(&mut app.overlay) {
        Overlay::None | Overlay::Help => None,
        dialog => Some(Box::new(dialog)),
    };
    app.help = HelpView { screen, beneath, ..HelpView::default() };
    app.overlay = Overlay::Help;
}

/// Closes the help: back to the dialog it was opened over, or to the panes.
pub(crate) fn close(app: &mut App) {
    app.overlay = app.help.beneath.take().map_or(Overlay::None, |dialog| *dialog);
}

/// A key while the help is open: scroll, search, close. A key of the pane beneath closes the
/// help without acting, as before (`update` handles quitting, which also quits).
pub(crate) fn update(app: &mut App, msg: Msg) {
    let page = help_room(app.help.screen.1.max(crate::app::MIN_SIZE.1)).saturating_sub(1).max(1);
    let scroll = app.help.scroll;
    match msg {
        Msg::Up => app.help.scroll = scroll.saturating_sub(1),
        Msg::Down => app.help.scroll = scroll + 1,
        Msg::PageUp => app.help.scroll = scroll.saturating_sub(page),
        Msg::PageDown => app.help.scroll = scroll + page,
        Msg::Home => app.help.scroll = 0,
        Msg::End => app.help.scroll = usize::MAX,
        Msg::HelpSearch => app.help.typing = true,
        Msg::Confirm => app.help.typing = false,
        Msg::Input(request) => {
            type_into(&mut app.help.query, request, MAX_QUERY);
            app.help.scroll = 0;
        }
        Msg::Paste(text) if app.help.typing => {
            paste_into(&mut app.help.query, &text, MAX_QUERY);
            app.help.scroll = 0;
        }
        Msg::Close if app.help.typing || !app.help.query.value().is_empty() => {
            // Esc first clears the search, then closes.
            app.help.typing = false;
            app.help.query = Input::default();
            app.help.scroll = 0;
        }
        _ => close(app),
    }
    app.help.scroll = app.help.scroll.min(max_scroll(app));
}
