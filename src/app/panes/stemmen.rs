//! The Stemmen pane: live dot voting. Who votes now, giving and taking back dots, closing a
//! round with an honest tie, and the order the round is listed in.
//!
//! The rules themselves live in the model (`Round`, `Session`); this module turns messages
//! into model calls and says, in the room's language, why a dot was refused. The dialogs that
//! belong to voting (a new round, a tie, reopening) are in `app::dialogs::round`.

use crate::app::dialogs::round::TieDialog;
use crate::app::{App, Effect, Msg, Overlay, Pane, PhonesFor, RoundSetup, TextField, TextTarget};
use crate::i18n::errors::vote_text;
use crate::i18n::fill;
use std::collections::HashSet;

use crate::model::{Ballot, Round, RoundId, Session, SessionError, ThemeId, Voter};

/// How the Stemmen pane shows the round.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct VotingView {
    /// Who is voting now.
    pub voter: Option<Voter>,
    /// Voters whose ballot came from a phone: the keyboard changes it only when asked twice.
    pub from_phones: HashSet<Voter>,
    /// The phone voter the facilitator was warned about once: the next key acts.
    pub confirmed: Option<Voter>,
    /// Digits typed so far for a candidate's number, when more could follow ("1" of "14").
    pub digits: Option<u32>,
    /// Ranking order (true) or list order, when the facilitator chose one; by default an open
    /// round lists the themes in a steady order and a closed one shows the ranking.
    pub ranked: Option<bool>,
}

/// Whether the shown round is listed by ranking now.
pub fn ranked(app: &App) -> bool {
    app.round_view().is_some_and(|v| v.ranked)
}

/// The themes in the order the pane shows them.
pub fn rows(app: &App) -> Vec<ThemeId> {
    app.round_view().map(|v| v.rows.clone()).unwrap_or_default()
}

/// Who may vote in `round`: the present participants, or as many anonymous voters.
pub fn voters(s: &Session, round: &Round) -> Vec<Voter> {
    let present = s.participants.iter().filter(|p| p.present);
    if round.anonymous {
        (1..=present.count() as u32).map(Voter::Anonymous).collect()
    } else {
        present.map(|p| Voter::Participant(p.id)).collect()
    }
}

/// A voter's name as the room says it.
pub fn voter_name(app: &App, voter: Voter) -> String {
    match voter {
        Voter::Participant(id) => {
            app.session.participant(id).map_or_else(|| id.to_string(), |p| p.name.clone())
        }
        Voter::Anonymous(n) => fill(app.lang.texts().anonymous_voter, &[&n]),
    }
}

/// Handles the Stemmen pane's own actions; false when `action` is not one of them.
pub(crate) fn pane_action(app: &mut App, msg: &Msg) -> bool {
    let pending = app.voting.digits.take();
    match msg {
        Msg::Digit(d) if keyboard_may_change(app) => digit(app, pending, *d),
        Msg::Digit(_) => {}
        Msg::Confirm => match pending {
            Some(n) if keyboard_may_change(app) => dot_on_row(app, n),
            _ => {}
        },
        Msg::NewRound => new_round(app),
        Msg::Dot if keyboard_may_change(app) => dot(app, true),
        Msg::TakeBack if keyboard_may_change(app) => dot(app, false),
        Msg::Dot | Msg::TakeBack => {}
        Msg::VoidBallot => void_ballot(app),
        Msg::NextAddress => next_address(app),
        Msg::NextVoter => next_voter(app, true, false),
        Msg::PrevVoter => next_voter(app, false, false),
        Msg::VoterWithDotsLeft => next_voter(app, true, true),
        Msg::ToggleOrder => app.voting.ranked = Some(!ranked(app)),
        Msg::CloseRound => close_round(app),
        Msg::ReopenRound => match app.shown_round().map(|r| (r.id, r.is_open())) {
            Some((id, false)) if !app.refuse_if_read_only() => {
                app.overlay = Overlay::ConfirmReopen(id)
            }
            Some(_) => {}
            None => app.message = Some(app.lang.texts().no_rounds.to_owned()),
        },
        Msg::DecideTie => open_tie_dialog(app),
        Msg::BigTop => app.overlay = Overlay::TopThree,
        Msg::Reveal => reveal(app),
        Msg::TogglePhones => toggle_phones(app),
        Msg::OwnTheme if !app.refuse_if_read_only() => {
            if let Some(form) = TextField::open(app, TextTarget::NewTheme) {
                app.overlay = Overlay::TextField(form);
            }
        }
        _ => return false,
    }
    true
}

fn new_round(app: &mut App) {
    if app.refuse_if_read_only() {
        return;
    }
    if app.session.rounds.iter().any(Round::is_open) {
        app.message = Some(app.lang.texts().ui_close_open_round_first.to_owned());
        return;
    }
    app.overlay = Overlay::RoundSetup(RoundSetup::for_session(&app.session));
}

fn open_round(app: &mut App) -> Option<RoundId> {
    let t = app.lang.texts();
    match app.shown_round() {
        Some(r) if r.is_open() => Some(r.id),
        Some(_) => {
            app.message = Some(t.vote_closed.to_owned());
            None
        }
        None => {
            app.message = Some(t.no_rounds.to_owned());
            None
        }
    }
}

fn dot(app: &mut App, give: bool) {
    let Some(round) = open_round(app) else { return };
    let t = app.lang.texts();
    let Some(voter) = app.voting.voter else {
        app.message = Some(t.ui_choose_voter.to_owned());
        return;
    };
    let rows = rows(app);
    let Some(&theme) = rows.get(app.selected(Pane::Stemmen)) else { return };
    let result = app.edit(|s| match give {
        true => s.add_dot(round, voter, theme),
        false => s
            .rounds
            .iter_mut()
            .find(|r| r.id == round)
            .ok_or(SessionError::UnknownRound(round))
            .and_then(|r| r.take_back_dot(voter, theme).map_err(SessionError::Vote)),
    });
    match result {
        Ok(()) => {
            // In ranking order the theme may move: keep it selected.
            if let Some(at) = self::rows(app).iter().position(|&t| t == theme) {
                app.selected[0] = at;
            }
            // Dictation: once a voter's dots are all given, the next one is up.
            let done = app.session.round(round).is_some_and(|r| r.dots_left(voter) == 0);
            if give && done {
                let name = voter_name(app, voter);
                next_voter(app, true, true);
                if let Some(next) = app.voting.voter.filter(|&v| v != voter) {
                    let next = voter_name(app, next);
                    app.message = Some(fill(t.ui_next_voter_auto, &[&name, &next]));
                }
            }
        }
        Err(SessionError::Vote(e)) => app.message = Some(vote_text(app.lang, &e)),
        Err(SessionError::NotPresent(_)) => app.message = Some(t.ui_voter_absent.to_owned()),
        Err(_) => {}
    }
}

/// Moves to the next (or previous) voter; with `with_dots_left`, to the next one who still
/// has dots.
pub(crate) fn next_voter(app: &mut App, forward: bool, with_dots_left: bool) {
    let Some(round) = app.shown_round() else { return };
    let voters = voters(&app.session, round);
    if voters.is_empty() {
        app.message = Some(app.lang.texts().ui_nobody_present.to_owned());
        return;
    }
    let n = voters.len();
    let start = app.voting.voter.and_then(|v| voters.iter().position(|&x| x == v));
    let candidates = (1..=n).map(|k| match (start, forward) {
        (Some(s), true) => (s + k) % n,
        (Some(s), false) => (s + n - k % n) % n,
        (None, _) => k - 1,
    });
    let found = candidates.map(|i| voters[i]).find(|&v| !with_dots_left || round.dots_left(v) > 0);
    match found {
        Some(v) => {
            app.voting.voter = Some(v);
            app.voting.confirmed = None;
        }
        None => app.message = Some(app.lang.texts().ui_all_dots_given.to_owned()),
    }
}

fn close_round(app: &mut App) {
    let Some(round) = open_round(app) else { return };
    let _ = app.edit(|s| match s.rounds.iter_mut().find(|r| r.id == round) {
        Some(r) => r.close().map(|_| ()),
        None => Ok(()),
    });
    app.voting = VotingView::default();
    if app.session.round(round).and_then(Round::undecided_tie).is_some() {
        app.overlay = Overlay::Tie(TieDialog { round, pick: None });
    }
}

fn open_tie_dialog(app: &mut App) {
    match app.shown_round() {
        Some(r) if r.undecided_tie().is_some() => {
            app.overlay = Overlay::Tie(TieDialog { round: r.id, pick: None });
        }
        _ => app.message = Some(app.lang.texts().vote_no_tie.to_owned()),
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

/// Opens the ballot box for the open round, or closes it. A read-only session opens none:
/// its ballots could not be kept.
fn toggle_phones(app: &mut App) {
    let open = app.shown_round().filter(|r| r.is_open()).map(|r| r.id);
    match (&mut app.phones, open) {
        (Some(phones), Some(round)) if phones.serving == PhonesFor::Inbreng => {
            // The box served the inbreng form: the same box, code and phones now vote.
            phones.serving = PhonesFor::Round(round);
            app.effect(Effect::ServePhones(PhonesFor::Round(round)));
            return;
        }
        (Some(_), _) => {
            app.phones = None;
            app.effect(Effect::ClosePhones);
            return;
        }
        (None, _) => {}
    }
    if app.refuse_if_read_only() {
        return;
    }
    match open {
        Some(round) => {
            app.effect(Effect::OpenPhones { serving: PhonesFor::Round(round), address: 0 })
        }
        None => app.message = Some(app.lang.texts().phones_need_open_round.to_owned()),
    }
}

/// Whether the keyboard may change the current voter's ballot now. A ballot a phone cast is
/// that person's own: the first key only warns, the second (for the same voter) acts.
fn keyboard_may_change(app: &mut App) -> bool {
    let Some(voter) = app.voting.voter else { return true };
    if !app.voting.from_phones.contains(&voter) || app.voting.confirmed == Some(voter) {
        return true;
    }
    app.voting.confirmed = Some(voter);
    let name = voter_name(app, voter);
    app.message = Some(fill(app.lang.texts().ui_phone_voter_confirm, &[&name]));
    false
}

/// Voids the current voter's ballot in the open round (one undoable edit); a phone's ballot
/// is forgotten by the ballot box too, so that phone may vote again.
fn void_ballot(app: &mut App) {
    let Some(round) = open_round(app) else { return };
    let t = app.lang.texts();
    let Some(voter) = app.voting.voter else {
        app.message = Some(t.ui_choose_voter.to_owned());
        return;
    };
    let name = voter_name(app, voter);
    if app.session.round(round).and_then(|r| r.ballot(voter)).is_none() {
        app.message = Some(fill(t.ui_no_ballot, &[&name]));
        return;
    }
    let empty = Ballot { voter, dots: Default::default() };
    if app.edit(|s| s.set_ballot(round, empty)).is_ok() && app.read_only.is_none() {
        if app.voting.from_phones.remove(&voter) {
            app.effect(Effect::VoidPhone(voter));
        }
        app.message = Some(fill(t.ui_ballot_voided, &[&name]));
    }
}

/// Reopens the ballot box on the laptop's next network address (Wi-Fi, hotspot, cable).
fn next_address(app: &mut App) {
    let Some(phones) = app.phones.take() else {
        app.message = Some(app.lang.texts().phones_need_open_round.to_owned());
        return;
    };
    let address = phones.address_at + 1;
    app.effect(Effect::OpenPhones { serving: phones.serving, address });
}

/// A digit of a candidate's number: the dot goes on as soon as no further digit could make
/// another number on the list ("3" of 19 candidates at once, "1" waits for "14" or Enter).
fn digit(app: &mut App, pending: Option<u32>, d: u32) {
    let rows = rows(app).len() as u32;
    let n = pending.map_or(d, |p| p * 10 + d);
    if n == 0 || n > rows {
        let t = app.lang.texts();
        app.message = Some(fill(t.ui_no_such_number, &[&n, &rows]));
    } else if n * 10 <= rows {
        app.voting.digits = Some(n);
        app.message = Some(fill(app.lang.texts().ui_number_waits, &[&n]));
    } else {
        dot_on_row(app, n);
    }
}

/// A dot on the candidate with number `n` (1-based, as the pane numbers them).
fn dot_on_row(app: &mut App, n: u32) {
    app.selected[0] = n.saturating_sub(1) as usize;
    dot(app, true);
}
