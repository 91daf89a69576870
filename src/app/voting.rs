//! Live dot voting in the Stemmen pane: setting up a round, choosing who votes, giving and
//! taking back dots, closing with an honest tie, run-offs, picks and reopening.
//!
//! The rules themselves live in the model (`Round`, `Session`); this module turns key actions
//! into model calls and says, in the room's language, why a dot was refused.

use tui_input::Input;

use super::text_field::{paste_into, type_into};
use super::{App, Msg, Overlay, Pane, TextField, TextTarget};
use crate::i18n::errors::vote_text;
use crate::i18n::fill;
use crate::model::{Round, RoundId, Session, SessionError, ThemeId, Voter};

/// The longest reason for a pick.
pub const MAX_REASON: usize = 200;

/// How the Stemmen pane shows the round.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct VotingView {
    /// Who is voting now.
    pub voter: Option<Voter>,
    /// Ranking order (true) or list order, when the facilitator chose one; by default an open
    /// round lists the themes in a steady order and a closed one shows the ranking.
    pub ranked: Option<bool>,
}

/// Whether the shown round is listed by ranking now.
pub fn ranked(app: &App) -> bool {
    app.shown_round()
        .is_some_and(|r| r.counts_visible() && app.voting.ranked.unwrap_or(!r.is_open()))
}

/// The settings of a new round, before it starts.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RoundSetup {
    /// Candidates: the result of the last closed round (true) or every theme.
    pub from_result: bool,
    /// Dots per voter.
    pub dots: u32,
    /// Most dots per voter per theme.
    pub max_per_theme: u32,
    /// How many go through.
    pub advance: u32,
    /// Counts hidden until revealed.
    pub secret: bool,
    /// Anonymous ballots.
    pub anonymous: bool,
    /// The setting with the cursor, 0 to [`RoundSetup::FIELDS`] - 1.
    pub field: usize,
}

impl RoundSetup {
    /// How many settings there are.
    pub const FIELDS: usize = 6;

    /// The settings a facilitator most likely wants next: after a closed round with more than
    /// three themes through, its result; the top 12 from more than 12, else the top 3.
    pub fn for_session(s: &Session) -> Self {
        let from_result = last_result(s).is_some_and(|r| r.len() > 3);
        let mut setup = RoundSetup {
            from_result,
            dots: Round::DEFAULT_DOTS,
            max_per_theme: Round::DEFAULT_MAX_PER_THEME,
            advance: 3,
            secret: false,
            anonymous: false,
            field: 0,
        };
        setup.advance = default_advance(setup.candidates(s).len());
        setup
    }

    /// The candidates these settings give.
    pub fn candidates(&self, s: &Session) -> Vec<ThemeId> {
        match (self.from_result, last_result(s)) {
            (true, Some(result)) if !result.is_empty() => {
                // List order, as in the matrix: the ranking must not bias the next round.
                let mut themes = result;
                themes.sort_by_key(|t| s.matrix.themes.iter().position(|th| th.id == *t));
                themes
            }
            _ => s.votable_themes(),
        }
    }
}

fn default_advance(candidates: usize) -> u32 {
    if candidates > 12 { 12 } else { 3 }
}

/// The settled result of the last closed round, if any.
fn last_result(s: &Session) -> Option<Vec<ThemeId>> {
    let themes = s.focus_themes();
    (!themes.is_empty()).then_some(themes)
}

/// Breaking a tie at the cut: the choice, then (for a pick) the themes and the reason.
#[derive(Clone, Debug)]
pub struct TieDialog {
    /// The closed round with the tie.
    pub round: RoundId,
    /// The pick being made, once the facilitator chose to pick.
    pub pick: Option<TiePick>,
}

/// The facilitator's pick among the tied themes.
#[derive(Clone, Debug, Default)]
pub struct TiePick {
    /// The tied theme under the cursor.
    pub cursor: usize,
    /// The themes ticked so far.
    pub chosen: Vec<ThemeId>,
    /// The reason, once the themes are ticked.
    pub reason: Option<Input>,
}

/// The themes in the order the pane shows them.
pub fn rows(app: &App) -> Vec<ThemeId> {
    let Some(round) = app.shown_round() else { return Vec::new() };
    if ranked(app) {
        round.ranking().into_iter().map(|r| r.theme).collect()
    } else {
        round.candidates.clone()
    }
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
pub(super) fn pane_action(app: &mut App, msg: &Msg) -> bool {
    match msg {
        Msg::NewRound => new_round(app),
        Msg::Dot => dot(app, true),
        Msg::TakeBack => dot(app, false),
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

/// Handles an action while the round setup is open.
pub(super) fn update_setup(app: &mut App, msg: Msg) {
    let Overlay::RoundSetup(mut setup) = std::mem::take(&mut app.overlay) else { return };
    let step = |value: u32, up: bool, max: u32| {
        if up { (value + 1).min(max) } else { value.saturating_sub(1).max(1) }
    };
    match msg {
        Msg::Close => return,
        Msg::Up => setup.field = setup.field.saturating_sub(1),
        Msg::Down => setup.field = (setup.field + 1).min(RoundSetup::FIELDS - 1),
        Msg::Left | Msg::Right | Msg::Toggle => {
            let up = msg != Msg::Left;
            let candidates = setup.candidates(&app.session).len() as u32;
            match setup.field {
                0 => {
                    setup.from_result = !setup.from_result;
                    setup.advance = default_advance(setup.candidates(&app.session).len());
                }
                1 => setup.dots = step(setup.dots, up, 50),
                2 => setup.max_per_theme = step(setup.max_per_theme, up, setup.dots),
                3 => setup.advance = step(setup.advance, up, candidates.max(1)),
                4 => setup.secret = !setup.secret,
                _ => setup.anonymous = !setup.anonymous,
            }
            setup.max_per_theme = setup.max_per_theme.min(setup.dots);
        }
        Msg::Confirm => {
            let candidates = setup.candidates(&app.session);
            let _ = app.edit(|s| {
                let id =
                    s.start_round(&format!("Top {}", setup.advance), candidates, setup.advance);
                if let Some(r) = s.rounds.iter_mut().find(|r| r.id == id) {
                    r.dots_per_voter = setup.dots;
                    r.max_per_theme = setup.max_per_theme;
                    r.secret = setup.secret;
                    r.anonymous = setup.anonymous;
                }
                Ok::<(), ()>(())
            });
            app.voting = VotingView::default();
            app.selected[0] = 0;
            next_voter(app, true, true);
            return;
        }
        _ => {}
    }
    app.overlay = Overlay::RoundSetup(setup);
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
        }
        Err(SessionError::Vote(e)) => app.message = Some(vote_text(app.lang, &e)),
        Err(SessionError::NotPresent(_)) => app.message = Some(t.ui_voter_absent.to_owned()),
        Err(_) => {}
    }
}

/// Moves to the next (or previous) voter; with `with_dots_left`, to the next one who still
/// has dots.
fn next_voter(app: &mut App, forward: bool, with_dots_left: bool) {
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
        Some(v) => app.voting.voter = Some(v),
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

/// Handles an action while the tie dialog is open.
pub(super) fn update_tie(app: &mut App, msg: Msg) {
    let Overlay::Tie(mut dialog) = std::mem::take(&mut app.overlay) else { return };
    let t = app.lang.texts();
    let Some(tie) = app.session.round(dialog.round).and_then(Round::undecided_tie).cloned() else {
        return;
    };
    let Some(pick) = dialog.pick.as_mut() else {
        match msg {
            Msg::RunOff => {
                let mut runoff = None;
                let result = app.edit(|s| s.start_runoff(dialog.round).map(|id| runoff = Some(id)));
                if let Err(SessionError::Vote(e)) = result {
                    app.message = Some(vote_text(app.lang, &e));
                }
                if runoff.is_some() {
                    app.voting = VotingView::default();
                    app.selected[0] = 0;
                    next_voter(app, true, true);
                }
                return;
            }
            Msg::Pick => dialog.pick = Some(TiePick::default()),
            Msg::Close => return,
            _ => {}
        }
        app.overlay = Overlay::Tie(dialog);
        return;
    };
    match (&mut pick.reason, msg) {
        (_, Msg::Close) => return,
        (None, Msg::Up) => pick.cursor = pick.cursor.saturating_sub(1),
        (None, Msg::Down) => pick.cursor = (pick.cursor + 1).min(tie.themes.len() - 1),
        (None, Msg::Toggle) => {
            let theme = tie.themes[pick.cursor];
            if let Some(at) = pick.chosen.iter().position(|&x| x == theme) {
                pick.chosen.remove(at);
            } else if pick.chosen.len() < tie.open_places as usize {
                pick.chosen.push(theme);
            } else {
                app.message = Some(fill(t.vote_pick_does_not_fit, &[&tie.open_places]));
            }
        }
        (None, Msg::Confirm) => {
            if pick.chosen.len() == tie.open_places as usize {
                pick.reason = Some(Input::default());
            } else {
                app.message = Some(fill(t.vote_pick_does_not_fit, &[&tie.open_places]));
            }
        }
        (Some(reason), Msg::Input(request)) => {
            let fits = type_into(reason, request, MAX_REASON);
            if !fits {
                app.message = Some(fill(t.ui_too_long, &[&MAX_REASON]));
            }
        }
        (Some(reason), Msg::Paste(text)) => {
            let fits = paste_into(reason, &text, MAX_REASON);
            if !fits {
                app.message = Some(fill(t.ui_too_long, &[&MAX_REASON]));
            }
        }
        (Some(reason), Msg::Confirm) => {
            let (themes, reason) = (pick.chosen.clone(), reason.value().to_owned());
            let result = app.edit(|s| match s.rounds.iter_mut().find(|r| r.id == dialog.round) {
                Some(r) => r.pick(themes, &reason),
                None => Ok(()),
            });
            match result {
                Ok(()) => return,
                Err(e) => app.message = Some(vote_text(app.lang, &e)),
            }
        }
        _ => {}
    }
    app.overlay = Overlay::Tie(dialog);
}

/// Handles the answer to "reopen this closed round?".
pub(super) fn update_reopen(app: &mut App, msg: Msg) {
    let Overlay::ConfirmReopen(round) = std::mem::take(&mut app.overlay) else { return };
    match msg {
        Msg::Yes => {
            let _ = app.edit(|s| match s.rounds.iter_mut().find(|r| r.id == round) {
                Some(r) => r.reopen(),
                None => Ok(()),
            });
            app.voting = VotingView::default();
        }
        Msg::Close => {}
        _ => app.overlay = Overlay::ConfirmReopen(round),
    }
}

/// Adds a theme of the room's own to the matrix, and to the open round's candidates.
pub(super) fn add_own_theme(app: &mut App, domain: &str, desired: &str, problem: &str) {
    let open = app.session.rounds.iter().find(|r| r.is_open()).map(|r| r.id);
    let _ = app.edit(|s| {
        let theme = s.matrix.add_theme(domain, desired, problem);
        if let Some(r) = open.and_then(|id| s.rounds.iter_mut().find(|r| r.id == id)) {
            r.candidates.push(theme);
        }
        Ok::<(), ()>(())
    });
}
