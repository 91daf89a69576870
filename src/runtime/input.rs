//! Terminal events in, messages out: a thread reads the terminal so the loop can wait on one
//! inbox for keys, save results and ballots alike; [`msg_for`] turns an event into a
//! [`Msg`] through the one key map (keys) or the same layout the screen is drawn with
//! (mouse clicks).

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::Sender;
use std::thread;
use std::time::Duration;

use ratatui::crossterm::event::{self, Event, KeyCode, KeyEventKind, MouseButton, MouseEventKind};
use ratatui::layout::{Margin, Position, Rect};

use super::Inbox;
use crate::app::{App, Msg, Pane, keymap};
use crate::ui;

/// Stops the terminal reader when dropped, so that the key pressed after the full-screen
/// program ends goes to whoever reads the terminal next (the regional overview, which opens a
/// session and then takes the keys back), not to a reader whose program is gone.
pub struct ReaderStop(Arc<AtomicBool>);

impl Drop for ReaderStop {
    fn drop(&mut self) {
        self.0.store(true, Ordering::Relaxed);
    }
}

/// Reads terminal events on a thread of its own and posts them to `inbox`, until the returned
/// guard is dropped, the inbox is gone or the terminal fails. It waits for an event a tenth of
/// a second at a time and reads one only while the guard lives.
pub fn spawn_reader(inbox: Sender<Inbox>) -> ReaderStop {
    let stop = Arc::new(AtomicBool::new(false));
    let stopped = stop.clone();
    thread::spawn(move || {
        while let Ok(ready) = event::poll(Duration::from_millis(100)) {
            if stopped.load(Ordering::Relaxed) {
                break;
            }
            if !ready {
                continue;
            }
            let Ok(event) = event::read() else { break };
            if inbox.send(Inbox::Terminal(event)).is_err() {
                break;
            }
        }
    });
    ReaderStop(stop)
}

/// The message a terminal event asks for, on a screen of `screen`'s size.
pub fn msg_for(app: &App, event: Event, screen: Rect) -> Option<Msg> {
    match event {
        Event::Key(key)
            if key.code == KeyCode::F(12) && std::env::var_os("KNOOP_TEST_PANIC").is_some() =>
        {
            // Test-only: lets the real-terminal test prove a crash leaves a recovery file.
            panic!("KNOOP_TEST_PANIC: forced panic");
        }
        Event::Key(key) if key.kind != KeyEventKind::Release => keymap::msg_for(app, key),
        Event::Paste(text) => Some(Msg::Paste(text)),
        Event::Resize(width, height) => Some(Msg::Resize(width, height)),
        Event::Mouse(mouse) if mouse.kind == MouseEventKind::Down(MouseButton::Left) => {
            let at = Position::new(mouse.column, mouse.row);
            let areas = ui::app_areas(screen, app)?;
            let (pane, rect) = areas.panes.iter().find(|(_, rect)| rect.contains(at))?;
            match pane {
                Pane::Matrix => match ui::matrix_cell_at(app, rect.inner(Margin::new(1, 1)), at) {
                    Some((row, col)) => Some(Msg::SelectCell(row, col)),
                    None => Some(Msg::Focus(Pane::Matrix)),
                },
                _ => Some(Msg::Focus(*pane)),
            }
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use std::path::PathBuf;

    use jiff::Timestamp;
    use ratatui::crossterm::event::{KeyModifiers, MouseEvent};

    use super::*;
    use crate::i18n::Lang;
    use crate::model::Session;

    /// A left click at a screen position.
    fn click(column: u16, row: u16) -> Event {
        Event::Mouse(MouseEvent {
            kind: MouseEventKind::Down(MouseButton::Left),
            column,
            row,
            modifiers: KeyModifiers::NONE,
        })
    }

    #[test]
    fn a_click_focuses_the_pane_under_it() {
        let session =
            Session::new("T", &crate::model::template::PREVENTIEMATRIX, Timestamp::UNIX_EPOCH);
        let mut app = App::new(session, PathBuf::from("t.json"), Lang::Nl);
        app.session.guide_hidden = true;
        let screen = Rect::new(0, 0, 160, 48);
        assert_eq!(
            msg_for(&app, click(100, 0), screen),
            Some(Msg::Focus(Pane::Matrix)),
            "the border"
        );
        assert_eq!(msg_for(&app, click(100, 40), screen), Some(Msg::Focus(Pane::Acties)));
        assert_eq!(msg_for(&app, click(5, 40), screen), Some(Msg::Focus(Pane::Stemmen)));
        assert_eq!(msg_for(&app, click(5, 47), screen), None, "the status line is no pane");
    }

    #[test]
    fn a_click_in_the_matrix_selects_that_cell() {
        let session = crate::store::load(std::path::Path::new(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/sessions/voorbeeld-basisschool.json"
        )))
        .unwrap();
        let mut app = App::new(session, PathBuf::from("t.json"), Lang::Nl);
        app.session.guide_hidden = true;
        let screen = Rect::new(0, 0, 160, 48);
        // Stemmen has the focus (half the width): the matrix starts at column 80. Its first
        // row of cells starts below the border and the header; the theme column is 22% wide.
        let Some(Msg::SelectCell(row, col)) = msg_for(&app, click(150, 3), screen) else {
            panic!("a cell");
        };
        assert_eq!((row, col), (0, 2), "first focus theme, last level");
        assert_eq!(
            msg_for(&app, click(85, 3), screen),
            Some(Msg::Focus(Pane::Matrix)),
            "the theme column"
        );
        let Some(Msg::SelectCell(row, _)) = msg_for(&app, click(120, 20), screen) else {
            panic!("a cell further down");
        };
        assert!(row >= 1);
    }

    #[test]
    fn a_click_on_the_guide_is_no_pane_and_the_panes_move_below_it() {
        let session =
            Session::new("T", &crate::model::template::PREVENTIEMATRIX, Timestamp::UNIX_EPOCH);
        let app = App::new(session, PathBuf::from("t.json"), Lang::Nl);
        for screen in [Rect::new(0, 0, 80, 24), Rect::new(0, 0, 160, 48)] {
            let guide = ui::app_areas(screen, &app).map(|a| a.guide).unwrap_or_default();
            assert!(guide.height >= 1, "a new session shows the guide");
            let x = screen.width - 5;
            assert_eq!(msg_for(&app, click(x, guide.bottom() - 1), screen), None, "the guide");
            assert_eq!(
                msg_for(&app, click(x, guide.bottom()), screen),
                Some(Msg::Focus(Pane::Matrix)),
                "the Matrix pane's border, right under the guide"
            );
        }
    }

    #[test]
    fn a_resize_is_a_message() {
        let session =
            Session::new("T", &crate::model::template::PREVENTIEMATRIX, Timestamp::UNIX_EPOCH);
        let app = App::new(session, PathBuf::from("t.json"), Lang::Nl);
        let screen = Rect::new(0, 0, 80, 24);
        assert_eq!(msg_for(&app, Event::Resize(60, 20), screen), Some(Msg::Resize(60, 20)));
    }
}
