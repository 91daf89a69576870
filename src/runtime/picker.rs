//! The session picker's loop: it has no background work, so it simply waits for a key,
//! updates and redraws.

use std::io;

use ratatui::DefaultTerminal;
use ratatui::crossterm::event::{self, DisableBracketedPaste, EnableBracketedPaste, Event};
use ratatui::crossterm::execute;

use crate::app::{Msg, Picker, PickerOutcome, keymap};
use crate::ui::{self, Palette};

/// Runs the session picker until it has an outcome.
pub fn pick(picker: &mut Picker, palette: Palette) -> io::Result<PickerOutcome> {
    let mut terminal = ratatui::init();
    let _ = execute!(io::stdout(), EnableBracketedPaste);
    let outcome = pick_loop(&mut terminal, picker, &palette);
    let _ = execute!(io::stdout(), DisableBracketedPaste);
    ratatui::restore();
    outcome
}

fn pick_loop(
    terminal: &mut DefaultTerminal,
    picker: &mut Picker,
    palette: &Palette,
) -> io::Result<PickerOutcome> {
    loop {
        terminal.draw(|frame| ui::draw_picker(frame, picker, palette))?;
        let msg = match event::read()? {
            Event::Key(key) => keymap::msg_in(&picker.contexts(), key),
            Event::Paste(text) => Some(Msg::Paste(text)),
            _ => None,
        };
        if let Some(msg) = msg {
            picker.update(msg);
        }
        if let Some(outcome) = picker.outcome.take() {
            return Ok(outcome);
        }
    }
}
