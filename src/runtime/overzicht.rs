//! The regional overview's loop: nothing happens in the background (the folder was read before
//! it starts), so it waits for a key, updates and redraws, until the coordinator quits or
//! opens a session.

use std::io;

use ratatui::DefaultTerminal;
use ratatui::crossterm::event::{self, DisableBracketedPaste, EnableBracketedPaste, Event};
use ratatui::crossterm::execute;

use crate::app::{Msg, keymap};
use crate::overzicht::{Outcome, OverzichtView};
use crate::ui::{self, Palette};

/// Runs the overview until it has an outcome (quit, or a session to open read-only).
pub fn overzicht(view: &mut OverzichtView, palette: Palette) -> io::Result<Outcome> {
    let mut terminal = ratatui::init();
    // As the picker does: a paste arrives as one event, never as keys that filter and open.
    let _ = execute!(io::stdout(), EnableBracketedPaste);
    let outcome = overzicht_loop(&mut terminal, view, &palette);
    let _ = execute!(io::stdout(), DisableBracketedPaste);
    ratatui::restore();
    outcome
}

fn overzicht_loop(
    terminal: &mut DefaultTerminal,
    view: &mut OverzichtView,
    palette: &Palette,
) -> io::Result<Outcome> {
    view.outcome = None;
    loop {
        terminal.draw(|frame| ui::overzicht::draw(frame, view, palette))?;
        if let Event::Key(key) = event::read()? {
            match keymap::msg_in(&view.contexts(), key) {
                Some(msg) => view.update(msg),
                // Any key closes the help, even one that does nothing here.
                None if view.help && key.kind != event::KeyEventKind::Release => {
                    view.update(Msg::Close)
                }
                None => {}
            }
        }
        if let Some(outcome) = view.outcome.take() {
            return Ok(outcome);
        }
    }
}
