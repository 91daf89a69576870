//! `update`: the one place where actions change the app.

use super::{
    App, Msg, Overlay, Pane, ParticipantsDialog, SaveState, Step, acties, matrix, participants,
    text_field, voting,
};

/// Rows a page key moves.
const PAGE: usize = 10;

/// Applies `action` to `app`.
pub fn update(app: &mut App, msg: Msg) {
    // Background events leave the message alone; a key press clears it.
    match msg {
        Msg::Tick(elapsed) => return app.timer.tick(elapsed),
        Msg::Saved { revision, result } => return saved(app, revision, result),
        // Phones vote whatever the facilitator has open; the same model rules as the
        // keyboard's dots apply, and a refusal changes nothing.
        Msg::PhoneBallot(round, ballot) => {
            let _ = app.edit(|s| s.set_ballot(round, ballot));
            return;
        }
        _ => app.message = None,
    }
    if matches!(app.overlay, Overlay::Participants(_)) {
        return participants::update(app, msg);
    }
    match app.overlay {
        Overlay::TextField(_) => return text_field::update(app, msg),
        Overlay::RoundSetup(_) => return voting::update_setup(app, msg),
        Overlay::Tie(_) => return voting::update_tie(app, msg),
        Overlay::ConfirmReopen(_) => return voting::update_reopen(app, msg),
        Overlay::Cell(_) => return matrix::update_cell(app, msg),
        Overlay::ActieForm(_) => return acties::update_form(app, msg),
        Overlay::Review(_) => return acties::update_review(app, msg),
        Overlay::ConfirmRemove(_) => return matrix::update_remove(app, msg),
        Overlay::TopThree => {
            app.overlay = Overlay::None;
            if msg == Msg::Quit {
                app.quit = true;
            }
            return;
        }
        _ => {}
    }
    if app.focus == Pane::Stemmen && voting::pane_action(app, &msg) {
        return;
    }
    if app.focus == Pane::Matrix && matrix::pane_action(app, &msg) {
        return;
    }
    if app.focus == Pane::Acties && acties::pane_action(app, &msg) {
        return;
    }
    if let Overlay::Recovery(recovered) = &app.overlay {
        match msg {
            Msg::Yes => {
                let recovered = (**recovered).clone();
                app.overlay = Overlay::None;
                let _ = app.edit(|s| {
                    *s = recovered;
                    Ok::<(), ()>(())
                });
                app.clamp_selection();
            }
            Msg::Close => app.overlay = Overlay::None,
            Msg::Quit => app.quit = true,
            _ => {}
        }
        return;
    }
    if matches!(app.overlay, Overlay::Help) && !matches!(msg, Msg::Quit | Msg::Save) {
        // Any key closes the help, and ? or Esc only that.
        app.overlay = Overlay::None;
        if matches!(msg, Msg::ToggleHelp | Msg::Close) {
            return;
        }
    }
    match msg {
        Msg::Quit => app.quit = true,
        // The runtime saves whenever the revision is ahead; asking again just says where it stands.
        Msg::Save if app.read_only.is_none() && !app.unsaved() => {
            app.message = Some(app.lang.texts().ui_all_saved.to_owned());
        }
        Msg::Undo => app.undo(),
        Msg::Redo => app.redo(),
        Msg::FocusNext => app.focus = app.focus.next(),
        Msg::FocusPrev => app.focus = app.focus.prev(),
        Msg::Focus(pane) => app.focus = pane,
        Msg::SelectCell(row, col) => {
            app.focus = Pane::Matrix;
            app.selected[1] = row;
            app.matrix.col = col;
            app.clamp_selection();
        }
        Msg::ToggleZoom => app.zoomed = !app.zoomed,
        Msg::ToggleHelp => app.overlay = Overlay::Help,
        Msg::Close => app.zoomed = false,
        Msg::Up => move_selection(app, |s, _| s.saturating_sub(1)),
        Msg::Down => move_selection(app, |s, _| s + 1),
        Msg::Home => move_selection(app, |_, _| 0),
        Msg::End => move_selection(app, |_, rows| rows),
        Msg::PageUp => move_selection(app, |s, _| s.saturating_sub(PAGE)),
        Msg::PageDown => move_selection(app, |s, _| s + PAGE),
        Msg::NextStep | Msg::PrevStep => {
            let n = app.step.number() - 1;
            let next = if msg == Msg::NextStep { (n + 1).min(3) } else { n.saturating_sub(1) };
            app.step = Step::ALL[next];
            app.focus = app.step.pane();
        }
        Msg::TimerStartPause => app.timer.start_or_pause(),
        Msg::TimerReset => app.timer.reset(),
        Msg::TimerLonger => app.timer.adjust(true),
        Msg::TimerShorter => app.timer.adjust(false),
        Msg::Participants => app.overlay = Overlay::Participants(ParticipantsDialog::default()),
        Msg::Export => app.export_requested = true,
        Msg::TogglePhones => app.phones_requested = true,

        Msg::Reveal if app.focus == Pane::Stemmen => reveal(app),
        _ => {}
    }
}

/// Reveals (or hides again) the counts of the round on screen, when it is secret.
fn reveal(app: &mut App) {
    let Some(id) = app.shown_round().map(|r| r.id) else {
        return;
    };
    let mut not_secret = false;
    let _ = app.edit(|s| {
        if let Some(round) = s.rounds.iter_mut().find(|r| r.id == id) {
            not_secret = !round.secret;
            if round.secret {
                round.revealed = !round.revealed;
            }
        }
        Ok::<(), ()>(())
    });
    if not_secret {
        app.message = Some(app.lang.texts().ui_not_secret.to_owned());
    }
}

fn move_selection(app: &mut App, to: impl FnOnce(usize, usize) -> usize) {
    let pane = app.focus;
    let rows = app.rows_in(pane);
    let last = rows.saturating_sub(1);
    let at = &mut app.selected[Pane::ALL.iter().position(|&p| p == pane).unwrap_or(0)];
    *at = to(*at, last).min(last);
}

fn saved(app: &mut App, revision: u64, result: Result<jiff::Timestamp, String>) {
    match result {
        Ok(at) => {
            app.saved_revision = app.saved_revision.max(revision);
            app.save_state = SaveState::Saved(at);
        }
        Err(message) => app.save_state = SaveState::Failed(message),
    }
}
