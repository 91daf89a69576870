//! The dialogs of a voting round: its settings before it starts, breaking a tie at the cut
//! (run-off or the facilitator's pick with a reason), and "reopen this closed round?".

use tui_input::Input;

use super::text_field::{MAX_TEXT, paste_into, type_into};
use crate::app::panes::stemmen::{VotingView, next_voter};
use crate::app::{App, Msg, Overlay};
use crate::i18n::errors::vote_text;
use crate::i18n::fill;
use crate::model::{Round, RoundId, Session, SessionError, ThemeId};

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

/// Handles an action while the round setup is open.
pub(crate) fn update_setup(app: &mut App, msg: Msg) {
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

/// Handles an action while the tie dialog is open.
pub(crate) fn update_tie(app: &mut App, msg: Msg) {
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
            let fits = type_into(reason, request, MAX_TEXT);
            if !fits {
                app.message = Some(fill(t.ui_too_long, &[&MAX_TEXT]));
            }
        }
        (Some(reason), Msg::Paste(text)) => {
            let fits = paste_into(reason, &text, MAX_TEXT);
            if !fits {
                app.message = Some(fill(t.ui_too_long, &[&MAX_TEXT]));
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
pub(crate) fn update_reopen(app: &mut App, msg: Msg) {
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
