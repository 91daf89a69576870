//! `update`: the one place where messages change the app, and the one place that decides who
//! gets a key.
//!
//! A message travels like this:
//! 1. Messages from the runtime (a tick, a save result, a phone's ballot, a resize) are
//!    handled first; they never reach a dialog or a pane.
//! 2. A key goes to the overlay that is open, through one exhaustive `match` without a `_`
//!    arm: a new kind of overlay cannot be added without saying here what it does with keys.
//!    An open overlay swallows every key; nothing reaches the panes beneath it.
//! 3. With nothing open, the focused pane gets the key first, then the keys every pane shares.
//!
//! What must happen outside (saving, exporting, the ballot box, quitting) is returned as
//! [`Effect`]s for the runtime; nothing here touches a file, a socket or the terminal.

use super::dialogs::{
    actie_form, ambition, cell, details, help, inbreng, participants, round, text_field, unsaved,
};
use super::panes::{acties, matrix, stemmen};
use super::{App, Effect, Msg, Overlay, Pane, ParticipantsDialog, SaveState, Step};
use crate::report::Format;

/// Rows a page key moves.
const PAGE: usize = 10;

/// Applies `msg` to `app` and returns what the runtime must do next.
pub fn update(app: &mut App, msg: Msg) -> Vec<Effect> {
    if handle_background(app, &msg) {
        app.refresh();
        return std::mem::take(&mut app.effects);
    }
    // Whatever a key does, the screen answers it in the next frame.
    app.view_revision += 1;
    app.message = None;
    if app.too_small {
        // Nothing on screen says what a key would act on: only quitting and help work.
        match msg {
            Msg::Quit => quit(app),
            Msg::ToggleHelp => toggle_help(app),
            _ => {}
        }
    } else {
        handle_key(app, msg);
    }
    app.refresh();
    std::mem::take(&mut app.effects)
}

/// Messages from the runtime. Returns false for a key, which the overlay or panes handle.
fn handle_background(app: &mut App, msg: &Msg) -> bool {
    match msg {
        Msg::Tick(elapsed) => {
            let before = app.timer.text();
            let was_up = app.timer.is_up();
            app.timer.tick(*elapsed);
            if app.timer.text() != before || app.timer.is_up() != was_up {
                app.view_revision += 1;
            }
            if let SaveState::Failed { retry_in, .. } = &mut app.save_state {
                let shown = retry_in.as_secs();
                *retry_in = retry_in.saturating_sub(*elapsed);
                if retry_in.as_secs() != shown {
                    app.view_revision += 1;
                }
            }
        }
        Msg::SavedAs(result) => saved_as(app, result.clone()),
        Msg::RecoveryWritten(result) => recovery_written(app, result.clone()),
        Msg::Saved { revision, result } => saved(app, *revision, result.clone()),
        // Phones vote whatever the facilitator has open; the same model rules as the
        // keyboard's dots apply, and a refusal changes nothing.
        Msg::PhoneBallot(round, ballot) => {
            let (round, ballot) = (*round, ballot.clone());
            let voter = ballot.voter;
            if app.edit(|s| s.set_ballot(round, ballot)).is_ok() {
                app.voting.from_phones.insert(voter);
            }
            app.view_revision += 1;
        }
        // A name typed on a phone: present at the table (someone on the list already, written
        // another way, is marked present rather than added twice).
        Msg::PhoneJoin { name, organisation } => {
            let (name, organisation) = (name.clone(), organisation.clone());
            let _ = app.edit(|s| {
                let known = s.participants.iter().position(|p| p.name.eq_ignore_ascii_case(&name));
                match known.and_then(|at| s.participants.get_mut(at)) {
                    Some(p) => p.present = true,
                    None => {
                        s.add_participant(&name, &organisation, crate::model::Role::Structural);
                    }
                }
                Ok::<(), ()>(())
            });
            app.view_revision += 1;
        }
        // Phones' activities wait in the queue beside the matrix until the facilitator looks.
        Msg::PhoneInbreng(item) => {
            app.receive(item);
            app.view_revision += 1;
        }
        Msg::PhonesOpened(Ok(view)) => {
            app.phones = Some(view.clone());
            app.view_revision += 1;
        }
        Msg::PhonesOpened(Err(why)) => {
            app.phones = None;
            app.message = Some(crate::i18n::fill(app.lang.texts().phones_open_failed, &[why]));
            app.view_revision += 1;
        }
        Msg::PhonesStats { connected, voted, unreached } => {
            let now = (*connected, *voted, *unreached);
            if let Some(phones) = &mut app.phones
                && (phones.connected, phones.voted, phones.unreached) != now
            {
                (phones.connected, phones.voted, phones.unreached) = now;
                app.view_revision += 1;
            }
        }
        Msg::PhonesStopped(why) => {
            if app.phones.take().is_some() {
                app.message = Some(crate::i18n::fill(app.lang.texts().box_stopped, &[why]));
                app.view_revision += 1;
            }
        }
        Msg::Exported(result) => {
            let t = app.lang.texts();
            app.message = Some(match result {
                Ok(path) => crate::i18n::fill(t.rep_written, &[&path.display()]),
                Err(why) => crate::i18n::fill(t.rep_write_failed, &[why]),
            });
            app.view_revision += 1;
        }
        Msg::Resize(width, height) => {
            app.too_small = super::too_small(*width, *height);
            app.help.screen = (*width, *height);
            app.view_revision += 1;
        }
        _ => return false,
    }
    true
}

/// A key: to the open overlay, else to the focused pane, else to the keys all panes share.
fn handle_key(app: &mut App, msg: Msg) {
    // `?` (F1 where keys type text) opens the help over any dialog; the dialog waits beneath.
    if msg == Msg::ToggleHelp && !matches!(app.overlay, Overlay::None | Overlay::Help) {
        return help::open(app);
    }
    match &app.overlay {
        Overlay::None => {}
        Overlay::Help => return help(app, msg),
        Overlay::Participants(_) => return participants::update(app, msg),
        Overlay::TextField(_) => return text_field::update(app, msg),
        Overlay::RoundSetup(_) => return round::update_setup(app, msg),
        Overlay::Tie(_) => return round::update_tie(app, msg),
        Overlay::ConfirmReopen(_) => return round::update_reopen(app, msg),
        Overlay::TopThree => return top_three(app, msg),
        Overlay::Cell(_) => return cell::update_cell(app, msg),
        Overlay::ConfirmRemove(_) => return cell::update_remove(app, msg),
        Overlay::ActieForm(_) => return actie_form::update_form(app, msg),
        Overlay::Review(_) => return actie_form::update_review(app, msg),
        Overlay::Recovery(_) => return recovery(app, msg),
        Overlay::Notice { .. } => return notice(app, msg),
        Overlay::Unsaved(_) => return unsaved::update(app, msg),
        Overlay::Details(_) => return details::update(app, msg),
        Overlay::Ambition(_) => return ambition::update(app, msg),
        Overlay::YearAfter => return top_three(app, msg),
        Overlay::Inspiratie(_) => return super::dialogs::inspiratie::update(app, msg),
        Overlay::Inbreng(_) => return inbreng::update(app, msg),
    }
    let handled = match app.focus {
        Pane::Stemmen => stemmen::pane_action(app, &msg),
        Pane::Matrix => matrix::pane_action(app, &msg),
        Pane::Acties => acties::pane_action(app, &msg),
    };
    if !handled {
        global(app, msg);
    }
}

/// The keys every pane shares.
fn global(app: &mut App, msg: Msg) {
    match msg {
        Msg::Quit => quit(app),
        Msg::Save => save_now(app),
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
        Msg::ToggleHelp => toggle_help(app),
        Msg::ToggleGuide => toggle_guide(app),
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
            // Step 3 is about actions, step 4 about the agreements on regie: the list follows.
            use super::panes::acties::ActiesList;
            match app.step {
                Step::Aanpak => app.acties.list = ActiesList::Actions,
                Step::Regie => app.acties.list = ActiesList::Agreements,
                _ => {}
            }
            app.clamp_selection();
        }
        Msg::TimerStartPause => app.timer.start_or_pause(),
        Msg::TimerReset => app.timer.reset(),
        Msg::TimerLonger => app.timer.adjust(true),
        Msg::TimerShorter => app.timer.adjust(false),
        Msg::Participants => app.overlay = Overlay::Participants(ParticipantsDialog::default()),
        Msg::Details => details::open(app),
        Msg::Ambition => ambition::open(app),
        Msg::YearAfter => app.overlay = Overlay::YearAfter,
        Msg::Export => {
            let format = Format::Md;
            let path = app.path.with_extension(format.extension());
            app.effect(Effect::Export { path, format, session: app.session.clone() });
        }
        _ => {}
    }
}

/// Quits once everything is written: at once when nothing waits, else after the last save.
fn quit(app: &mut App) {
    if app.read_only.is_some() || !app.unsaved() {
        app.effect(Effect::QUIT);
        return;
    }
    app.quitting = true;
    save_now(app);
}

/// Ctrl-S: write now, or say that everything is written already.
fn save_now(app: &mut App) {
    if app.read_only.is_some() {
        app.refuse_if_read_only();
    } else if app.unsaved() {
        let (revision, session) = (app.revision, app.session.clone());
        app.effect(Effect::Save { revision, session, now: true });
    } else {
        app.message = Some(app.lang.texts().ui_all_saved.to_owned());
    }
}

fn toggle_help(app: &mut App) {
    match app.overlay {
        Overlay::Help => help::close(app),
        _ => help::open(app),
    }
}

/// The help swallows every key: the arrows and page keys scroll it, `/` searches, Esc and
/// `?` close it; any other key closes it without acting, and quitting also quits.
fn help(app: &mut App, msg: Msg) {
    match msg {
        // Over a dialog `q` only closes the help: the dialog (perhaps a half-typed form) waits.
        Msg::Quit if app.help.beneath.is_none() => {
            help::close(app);
            quit(app);
        }
        Msg::ToggleHelp if !app.help.typing => help::close(app),
        msg => help::update(app, msg),
    }
}

/// `i`: shows or hides the guide panel. A view choice, not an edit: it is saved with the
/// session (so the next meeting opens the same way) but is no step to undo; a read-only
/// session shows or hides it without saving.
fn toggle_guide(app: &mut App) {
    app.session.guide_hidden = !app.session.guide_hidden;
    if app.read_only.is_none() {
        app.revision += 1;
        let (revision, session) = (app.revision, app.session.clone());
        app.effect(Effect::Save { revision, session, now: false });
    }
}

/// The big top 3 or the year-after comparison: any key brings the panes back; quitting also
/// quits.
fn top_three(app: &mut App, msg: Msg) {
    app.overlay = Overlay::None;
    if msg == Msg::Quit {
        quit(app);
    }
}

/// "A crash left a newer state: restore it?" Nothing else acts until it is answered.
fn recovery(app: &mut App, msg: Msg) {
    let Overlay::Recovery(recovered) = std::mem::take(&mut app.overlay) else { return };
    match msg {
        Msg::Yes => {
            let _ = app.edit(|s| {
                *s = *recovered;
                Ok::<(), ()>(())
            });
            app.clamp_selection();
            app.effect(Effect::DiscardRecovery);
        }
        Msg::Close => app.effect(Effect::DiscardRecovery),
        Msg::Quit => {
            app.overlay = Overlay::Recovery(recovered);
            quit(app);
        }
        _ => app.overlay = Overlay::Recovery(recovered),
    }
}

fn move_selection(app: &mut App, to: impl FnOnce(usize, usize) -> usize) {
    let pane = app.focus;
    let rows = app.rows_in(pane);
    let last = rows.saturating_sub(1);
    let at = &mut app.selected[Pane::ALL.iter().position(|&p| p == pane).unwrap_or(0)];
    *at = to(*at, last).min(last);
}

/// A save finished: note it, and quit when quitting waited for it.
fn saved(app: &mut App, revision: u64, result: Result<jiff::Timestamp, super::SaveFailure>) {
    app.view_revision += 1;
    match result {
        Ok(at) => {
            app.saved_revision = app.saved_revision.max(revision);
            app.save_state = SaveState::Saved(at);
            if app.quitting && !app.unsaved() {
                app.effect(Effect::QUIT);
            }
        }
        Err(failure) => {
            let attempts = match &app.save_state {
                SaveState::Failed { attempts, .. } => attempts + 1,
                _ => 1,
            };
            let after = retry_after(attempts);
            app.save_state = SaveState::Failed { failure, attempts, retry_in: after };
            // Tried again by itself, until it works; a newer edit is tried sooner.
            let (revision, session) = (app.revision, app.session.clone());
            app.effect(Effect::RetrySave { revision, session, after });
            // Never quit over an edit that is not on disk: ask what to do with it.
            if app.quitting {
                unsaved::ask(app);
            }
        }
    }
}

/// How long to wait before trying a failed save again: soon at first, then less often, so
/// a disk that stays full is not hammered, and never longer than half a minute.
pub fn retry_after(attempts: u32) -> std::time::Duration {
    const STEPS: [u64; 5] = [1, 2, 5, 10, 30];
    std::time::Duration::from_secs(STEPS[(attempts as usize).saturating_sub(1).min(4)])
}

/// The session now lives in a new file: go on from there, and finish quitting.
fn saved_as(app: &mut App, result: Result<(u64, std::path::PathBuf), String>) {
    app.view_revision += 1;
    let t = app.lang.texts();
    match result {
        Ok((revision, path)) => {
            app.message = Some(crate::i18n::fill(t.unsaved_saved_as, &[&path.display()]));
            app.path = path;
            app.saved_revision = app.saved_revision.max(revision);
            app.save_state = SaveState::Saved(jiff::Timestamp::now());
            if app.quitting && !app.unsaved() {
                let farewell = app.message.clone();
                app.effect(Effect::Quit { farewell });
            }
        }
        Err(why) => {
            app.message = Some(why);
            unsaved::ask(app);
        }
    }
}

/// The unsaved work is in knoop's own folder: say where, and quit.
fn recovery_written(app: &mut App, result: Result<std::path::PathBuf, String>) {
    app.view_revision += 1;
    let t = app.lang.texts();
    match result {
        Ok(path) => {
            let farewell = crate::i18n::fill(t.unsaved_kept, &[&path.display()]);
            app.effect(Effect::Quit { farewell: Some(farewell) });
        }
        Err(why) => {
            app.message = Some(why);
            unsaved::ask(app);
        }
    }
}

/// A notice the facilitator must have read: Enter or Esc, then what comes after it.
fn notice(app: &mut App, msg: Msg) {
    let Overlay::Notice { text, then } = std::mem::take(&mut app.overlay) else { return };
    match msg {
        Msg::Confirm | Msg::Close | Msg::Yes => app.overlay = *then,
        Msg::Quit => {
            app.overlay = Overlay::Notice { text, then };
            quit(app);
        }
        _ => app.overlay = Overlay::Notice { text, then },
    }
}
