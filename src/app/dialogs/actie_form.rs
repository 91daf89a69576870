//! Adding or editing an action or a regie agreement (owners from the participants, dates as
//! people say them), and going through the actions carried into a follow-up meeting.

use jiff::civil::Date;
use tui_input::Input;

use super::text_field::{MAX_TEXT, paste_into, type_into};
use crate::app::panes::acties::rows;
use crate::app::panes::acties::{ActiesList, set_status};
use crate::app::{App, Msg, Overlay};
use crate::i18n::fill;
use crate::model::{
    ActionId, ActionStatus, AgreementId, DateError, ParticipantId, RegieQuestion, Role, Session,
    ThemeId, parse_date,
};

/// What the form edits.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FormTarget {
    /// An action; `None` adds one.
    Actie(Option<ActionId>),
    /// An agreement; `None` adds one.
    Agreement(Option<AgreementId>),
}

/// Adding or editing an action or an agreement: text, owner, date.
#[derive(Clone, Debug)]
pub struct ActieForm {
    /// What is edited.
    pub target: FormTarget,
    /// 0: text, 1: owner, 2: date.
    pub field: usize,
    /// What will be done (or agreed).
    pub text: Input,
    /// Who: a participant's name, or a new name.
    pub owner: Input,
    /// By when (or when to review), as typed.
    pub date: Input,
    /// For an agreement: the regie question it answers, as its place in
    /// [`RegieQuestion::ALL`].
    pub question: Option<usize>,
    /// For an action: the theme it works on, chosen with ←/→ on the form's last line; a new
    /// action starts on the theme selected in the matrix.
    pub theme: Option<ThemeId>,
    /// For a new action: the needed activity of the matrix it takes up, by place in
    /// [`Session::needed_without_action`]; ↓ in the empty text field fills one in.
    pub suggestion: Option<usize>,
}

impl ActieForm {
    /// How many fields the form has: an action also has its theme.
    pub fn fields(&self) -> usize {
        match self.target {
            FormTarget::Actie(_) => 4,
            FormTarget::Agreement(_) => 3,
        }
    }
}

/// The themes an action can be for, in the order ←/→ goes through them: none, the focus
/// themes, then every other row of the matrix (the basis row among them).
pub fn theme_choices(s: &Session) -> Vec<Option<ThemeId>> {
    let focus = s.focus_themes();
    let rest = s.matrix.themes.iter().map(|t| t.id).filter(|id| !focus.contains(id));
    std::iter::once(None).chain(focus.iter().copied().map(Some)).chain(rest.map(Some)).collect()
}

/// The next (or previous) theme choice after `now`.
fn step_theme(s: &Session, now: Option<ThemeId>, forward: bool) -> Option<ThemeId> {
    let choices = theme_choices(s);
    let at = choices.iter().position(|c| *c == now).unwrap_or(0);
    let n = choices.len();
    let next = if forward { (at + 1) % n } else { (at + n - 1) % n };
    choices.get(next).copied().flatten()
}

/// The owner a typed name points at: a participant whose name it is, or the only one whose
/// name starts with it, whatever the case.
pub fn owner_match(s: &Session, typed: &str) -> Option<ParticipantId> {
    let typed = typed.trim().to_lowercase();
    if typed.is_empty() {
        return None;
    }
    if let Some(p) = s.participants.iter().find(|p| p.name.to_lowercase() == typed) {
        return Some(p.id);
    }
    let mut starts = s.participants.iter().filter(|p| p.name.to_lowercase().starts_with(&typed));
    match (starts.next(), starts.next()) {
        (Some(p), None) => Some(p.id),
        _ => None,
    }
}

/// The participants whose name starts with what was typed, whatever the case: more than one
/// means the form must ask which.
pub fn owner_candidates(s: &Session, typed: &str) -> Vec<String> {
    let typed = typed.trim().to_lowercase();
    if typed.is_empty() {
        return Vec::new();
    }
    s.participants
        .iter()
        .filter(|p| p.name.to_lowercase().starts_with(&typed))
        .map(|p| p.name.clone())
        .collect()
}

/// The date the form's date field stands for now: nothing typed, a date, or why not.
pub fn typed_date(form: &ActieForm, today: Date) -> Result<Option<Date>, DateError> {
    match parse_date(form.date.value(), today) {
        Ok(d) => Ok(Some(d)),
        Err(DateError::Empty) => Ok(None),
        Err(e) => Err(e),
    }
}

pub(crate) fn open_form(app: &mut App, target: Option<FormTarget>) {
    if app.refuse_if_read_only() {
        return;
    }
    let s = &app.session;
    let name = |id: Option<ParticipantId>| {
        id.and_then(|id| s.participant(id)).map(|p| p.name.clone()).unwrap_or_default()
    };
    let date = |d: Option<Date>| d.map(|d| d.strftime("%d-%m-%Y").to_string()).unwrap_or_default();
    let agreements = app.acties.list == ActiesList::Agreements;
    let form = match target {
        Some(FormTarget::Actie(Some(id))) => {
            let Some(a) = s.actions.iter().find(|a| a.id == id) else { return };
            ActieForm {
                target: FormTarget::Actie(Some(id)),
                field: 0,
                text: Input::new(a.text.clone()),
                owner: Input::new(name(a.owner)),
                date: Input::new(date(a.due)),
                question: None,
                theme: a.theme,
                suggestion: None,
            }
        }
        Some(FormTarget::Agreement(Some(id))) => {
            let Some(a) = s.agreements.iter().find(|a| a.id == id) else { return };
            ActieForm {
                target: FormTarget::Agreement(Some(id)),
                field: 0,
                text: Input::new(a.text.clone()),
                owner: Input::new(name(a.owner)),
                date: Input::new(date(a.review)),
                question: a.question.map(|q| q.number() - 1),
                theme: None,
                suggestion: None,
            }
        }
        _ => ActieForm {
            target: if agreements { FormTarget::Agreement(None) } else { FormTarget::Actie(None) },
            field: 0,
            text: Input::default(),
            owner: Input::default(),
            date: Input::default(),
            // The first regie question without an answer, else the one of the selected
            // agreement: another answer to it.
            question: agreements
                .then(|| {
                    let selected = || {
                        let order = s.agreements_in_order();
                        let at = order.get(app.selected[2]).copied()?;
                        s.agreements.get(at)?.question
                    };
                    s.unanswered_questions().first().copied().or_else(selected)
                })
                .flatten()
                .map(|q| q.number() - 1),
            // What the room is talking about: the row selected in the matrix.
            theme: (!agreements)
                .then(|| crate::app::panes::matrix::selected_cell(app).map(|(theme, _)| theme))
                .flatten(),
            suggestion: None,
        },
    };
    app.overlay = Overlay::ActieForm(form);
}

/// Handles an action while the form is open.
pub(crate) fn update_form(app: &mut App, msg: Msg) {
    let Overlay::ActieForm(mut form) = std::mem::take(&mut app.overlay) else { return };
    let t = app.lang.texts();
    let too_long = fill(t.ui_too_long, &[&MAX_TEXT]);
    match msg {
        Msg::Close => return,
        Msg::Down | Msg::Up if form.field == 0 && suggests(app, &form) => {
            // ↓/↑ in the text of a new action: the needed activities of the matrix, one by
            // one, with their theme; the room decided them in step 2.
            let needed = app.session.needed_without_action();
            let n = needed.len();
            let next = match (form.suggestion, msg == Msg::Down) {
                (None, true) => 0,
                (None, false) => n - 1,
                (Some(at), true) => (at + 1) % n,
                (Some(at), false) => (at + n - 1) % n,
            };
            if let Some((theme, _, text)) = needed.get(next) {
                form.text = Input::new(text.clone());
                form.theme = Some(*theme);
                form.suggestion = Some(next);
            }
        }
        Msg::Down => form.field = (form.field + 1) % form.fields(),
        Msg::Up => form.field = (form.field + form.fields() - 1) % form.fields(),
        Msg::NextField => form.field = (form.field + 1) % form.fields(),
        Msg::Input(request) if form.field == 3 => {
            // The theme line: ← and → (or Space) go through the themes; nothing is typed.
            use tui_input::InputRequest::{GoToNextChar, GoToPrevChar, InsertChar};
            match request {
                GoToNextChar | InsertChar(' ') => {
                    form.theme = step_theme(&app.session, form.theme, true)
                }
                GoToPrevChar => form.theme = step_theme(&app.session, form.theme, false),
                _ => {}
            }
        }
        Msg::Input(tui_input::InputRequest::GoToNextChar)
            if form.field == 1 && form.owner.cursor() == form.owner.value().chars().count() =>
        {
            // → at the end of the owner takes the participant it points at.
            if let Some(p) = owner_match(&app.session, form.owner.value())
                .and_then(|id| app.session.participant(id))
            {
                form.owner = Input::new(p.name.clone());
            }
        }
        Msg::Input(request) => {
            let input =
                [&mut form.text, &mut form.owner, &mut form.date].into_iter().nth(form.field);
            if let Some(input) = input
                && !type_into(input, request, MAX_TEXT)
            {
                app.message = Some(too_long);
            }
        }
        Msg::Paste(text) => {
            let input =
                [&mut form.text, &mut form.owner, &mut form.date].into_iter().nth(form.field);
            if let Some(input) = input
                && !paste_into(input, &text, MAX_TEXT)
            {
                app.message = Some(too_long);
            }
        }
        Msg::Confirm => {
            let kept = confirm(app, &form);
            if kept {
                return;
            }
        }
        _ => {}
    }
    app.overlay = Overlay::ActieForm(form);
}

/// Whether ↓/↑ in the text field go through the needed activities: a new action whose text
/// is empty or still a suggestion as filled in, and something needed without an action.
pub(crate) fn suggests(app: &App, form: &ActieForm) -> bool {
    let needed = app.session.needed_without_action();
    let untouched = match form.suggestion.and_then(|at| needed.get(at)) {
        Some((_, _, text)) => form.text.value() == text,
        None => form.text.value().is_empty(),
    };
    form.target == FormTarget::Actie(None) && untouched && !needed.is_empty()
}

/// The needed activity a new action takes up: its theme and level, if the text is still it.
fn taken_up(app: &App, form: &ActieForm) -> Option<(ThemeId, crate::model::LevelId)> {
    let needed = app.session.needed_without_action();
    let (theme, level, text) = needed.get(form.suggestion?)?;
    (form.text.value().trim() == text && form.theme == Some(*theme)).then_some((*theme, *level))
}

/// Keeps the form's content; false (with a message) when something is not right yet.
fn confirm(app: &mut App, form: &ActieForm) -> bool {
    let t = app.lang.texts();
    let text = form.text.value().trim().to_owned();
    if text.is_empty() {
        app.message = Some(t.ui_action_text_required.to_owned());
        return false;
    }
    let date = match typed_date(form, app.date_reference()) {
        Ok(d) => d,
        Err(_) => {
            app.message = Some(fill(t.ui_date_not_understood, &[&form.date.value().trim()]));
            return false;
        }
    };
    let typed_owner = form.owner.value().trim().to_owned();
    let known = owner_match(&app.session, &typed_owner);
    let alike = owner_candidates(&app.session, &typed_owner);
    if known.is_none() && alike.len() > 1 {
        // "Ouder" fits two parents: ask which, never make a third one silently.
        app.message = Some(fill(t.ui_owner_ambiguous, &[&typed_owner, &alike.join(", ")]));
        return false;
    }
    let (target, theme) = (form.target, form.theme);
    let level = taken_up(app, form).map(|(_, level)| level);
    let question = form.question.and_then(|i| RegieQuestion::ALL.get(i).copied());
    let mut new_owner = None;
    let result = app.edit(|s| {
        let owner = match known {
            Some(id) => Some(id),
            None if typed_owner.is_empty() => None,
            None => {
                // A name nobody has yet: a new participant, added on the spot.
                let id = s.add_participant(&typed_owner, "", Role::Incidental);
                new_owner = Some(typed_owner.clone());
                Some(id)
            }
        };
        match target {
            FormTarget::Actie(Some(id)) => {
                let a = s.actions.iter_mut().find(|a| a.id == id).ok_or(())?;
                (a.text, a.owner, a.due) = (text, owner, date);
                if a.theme != theme {
                    // Another theme: the level was the old theme's cell.
                    (a.theme, a.level) = (theme, None);
                }
            }
            FormTarget::Actie(None) => {
                let id = s.add_action(&text, owner, date);
                if let Some(a) = s.actions.iter_mut().find(|a| a.id == id) {
                    // A needed activity taken up: linked to its cell, so the matrix marks it.
                    (a.theme, a.level) = (theme, level);
                }
            }
            FormTarget::Agreement(Some(id)) => {
                let a = s.agreements.iter_mut().find(|a| a.id == id).ok_or(())?;
                (a.text, a.owner, a.review) = (text, owner, date);
            }
            FormTarget::Agreement(None) => {
                s.add_answer(question, &text, owner, date);
            }
        }
        Ok::<(), ()>(())
    });
    if result.is_ok() {
        if matches!(target, FormTarget::Actie(None)) {
            let last = app.session.actions.len() - 1;
            app.selected[2] = rows(app).iter().position(|&i| i == last).unwrap_or(0);
        }
        if let Some(name) = new_owner {
            app.message = Some(fill(t.ui_new_participant, &[&name]));
        }
    }
    true
}

/// Going through the actions carried into a follow-up meeting, one at a time.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Review {
    /// The carried actions, in order.
    pub actions: Vec<ActionId>,
    /// The one on screen.
    pub at: usize,
}

impl Review {
    /// A review of the session's open actions, or none when there are none.
    pub fn of(s: &Session) -> Option<Review> {
        let actions: Vec<_> = s.open_actions().map(|a| a.id).collect();
        (!actions.is_empty()).then_some(Review { actions, at: 0 })
    }
}

/// Handles an action while the review is open.
pub(crate) fn update_review(app: &mut App, msg: Msg) {
    let Overlay::Review(mut review) = std::mem::take(&mut app.overlay) else { return };
    let current = review.actions.get(review.at).copied();
    let status = match msg {
        Msg::Close => return,
        Msg::SetOpen => Some(ActionStatus::Open),
        Msg::SetBusy => Some(ActionStatus::Busy),
        Msg::SetDone => Some(ActionStatus::Done),
        Msg::Up => {
            review.at = review.at.saturating_sub(1);
            None
        }
        Msg::Down | Msg::Confirm => {
            if review.at + 1 == review.actions.len() {
                return;
            }
            review.at += 1;
            None
        }
        _ => None,
    };
    if let (Some(status), Some(id)) = (status, current) {
        set_status(app, id, Some(status));
        // One key per action: on to the next one, and done after the last.
        if review.at + 1 == review.actions.len() {
            return;
        }
        review.at += 1;
    }
    app.overlay = Overlay::Review(review);
}
