//! The Acties pane: who does what by when. Adding and editing actions and regie agreements
//! with dates typed as people say them, an owner from the participants (or a new one on the
//! spot), sorting and filtering, the round of owners, and reviewing carried actions at the
//! start of a follow-up meeting.

use jiff::civil::Date;
use tui_input::Input;

use super::text_field::{paste_into, type_into};
use super::{App, Msg, Overlay, Pane};
use crate::i18n::fill;
use crate::model::{
    ActionId, ActionStatus, AgreementId, DateError, ParticipantId, Role, Session, ThemeId,
    parse_date,
};

/// The longest action or agreement text.
pub const MAX_TEXT: usize = 200;

/// Which list the pane shows.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum ActiesList {
    /// Wie doet wat.
    #[default]
    Actions,
    /// Afspraken over de regie.
    Agreements,
}

/// How the action list is ordered. Done actions always come last: out of the way, but listed.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum SortBy {
    /// As added.
    #[default]
    List,
    /// Soonest date first; no date last.
    Due,
    /// By owner's name; no owner first, since that needs settling.
    Owner,
    /// Open, bezig, klaar.
    Status,
}

impl SortBy {
    fn next(self) -> Self {
        match self {
            SortBy::List => SortBy::Due,
            SortBy::Due => SortBy::Owner,
            SortBy::Owner => SortBy::Status,
            SortBy::Status => SortBy::List,
        }
    }
}

/// Where the Acties pane stands.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ActiesView {
    /// Actions or agreements.
    pub list: ActiesList,
    /// The order of the actions.
    pub sort: SortBy,
    /// Only this owner's actions (`Some(None)`: only those without an owner).
    pub owner: Option<Option<ParticipantId>>,
    /// Only actions with this status.
    pub status: Option<ActionStatus>,
    /// Only actions linked to this theme.
    pub theme: Option<ThemeId>,
    /// The round of owners: the actions grouped per participant.
    pub by_owner: bool,
}

/// The actions the list shows, as indices into the session's actions, in order.
pub fn rows(app: &App) -> Vec<usize> {
    let s = &app.session;
    let v = &app.acties;
    let mut rows: Vec<usize> = (0..s.actions.len())
        .filter(|&i| {
            let a = &s.actions[i];
            v.owner.is_none_or(|o| a.owner == o)
                && v.status.is_none_or(|st| a.status == st)
                && v.theme.is_none_or(|t| a.theme == Some(t))
        })
        .collect();
    let name = |i: usize| {
        s.actions[i].owner.and_then(|id| s.participant(id)).map(|p| p.name.to_lowercase())
    };
    let done_last = |i: usize| s.actions[i].status == ActionStatus::Done;
    match v.sort {
        SortBy::List => rows.sort_by_key(|&i| done_last(i)),
        SortBy::Due => {
            rows.sort_by_key(|&i| (done_last(i), s.actions[i].due.is_none(), s.actions[i].due))
        }
        SortBy::Owner => rows.sort_by_key(|&i| (done_last(i), name(i))),
        SortBy::Status => rows.sort_by_key(|&i| s.actions[i].status),
    }
    if v.by_owner {
        // The round of owners: grouped by owner in participant order, no owner first.
        let order = |i: usize| {
            s.actions[i]
                .owner
                .and_then(|id| s.participants.iter().position(|p| p.id == id))
                .map_or(0, |p| p + 1)
        };
        rows.sort_by_key(|&i| order(i));
    }
    rows
}

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
    /// For a new agreement: the question of step 4 it answers.
    pub question: Option<usize>,
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

/// The date the form's date field stands for now: nothing typed, a date, or why not.
pub fn typed_date(form: &ActieForm, today: Date) -> Result<Option<Date>, DateError> {
    match parse_date(form.date.value(), today) {
        Ok(d) => Ok(Some(d)),
        Err(DateError::Empty) => Ok(None),
        Err(e) => Err(e),
    }
}

/// Handles the Acties pane's own actions; false when `action` is not one of them.
pub(super) fn pane_action(app: &mut App, msg: &Msg) -> bool {
    let agreements = app.acties.list == ActiesList::Agreements;
    match msg {
        Msg::Add => open_form(app, None),
        Msg::Edit => {
            let at = app.selected(Pane::Acties);
            if agreements {
                let id = app.session.agreements.get(at).map(|a| a.id);
                if id.is_some() {
                    open_form(app, Some(FormTarget::Agreement(id)));
                }
            } else if let Some(&i) = rows(app).get(at) {
                let id = app.session.actions[i].id;
                open_form(app, Some(FormTarget::Actie(Some(id))));
            }
        }
        Msg::Remove => remove(app),
        Msg::CycleStatus if !agreements => {
            if let Some(&i) = rows(app).get(app.selected(Pane::Acties)) {
                let id = app.session.actions[i].id;
                set_status(app, id, None);
            }
        }
        Msg::ToggleAgreements => {
            app.acties.list = if agreements { ActiesList::Actions } else { ActiesList::Agreements };
            app.selected[2] = 0;
        }
        Msg::Sort => app.acties.sort = app.acties.sort.next(),
        Msg::FilterOwner => {
            let owners: Vec<Option<ParticipantId>> = {
                let s = &app.session;
                let mut owners: Vec<Option<ParticipantId>> = s
                    .participants
                    .iter()
                    .filter(|p| s.actions.iter().any(|a| a.owner == Some(p.id)))
                    .map(|p| Some(p.id))
                    .collect();
                if s.actions.iter().any(|a| a.owner.is_none()) {
                    owners.push(None);
                }
                owners
            };
            app.acties.owner = next_in(&owners, app.acties.owner);
            app.selected[2] = 0;
        }
        Msg::FilterStatus => {
            let all = [ActionStatus::Open, ActionStatus::Busy, ActionStatus::Done];
            app.acties.status = next_in(&all, app.acties.status);
            app.selected[2] = 0;
        }
        Msg::FilterTheme => {
            let themes: Vec<ThemeId> = {
                let s = &app.session;
                let linked = |t: ThemeId| s.actions.iter().any(|a| a.theme == Some(t));
                s.matrix.themes.iter().map(|t| t.id).filter(|&t| linked(t)).collect()
            };
            app.acties.theme = next_in(&themes, app.acties.theme);
            app.selected[2] = 0;
        }
        Msg::ByOwner => app.acties.by_owner = !app.acties.by_owner,
        _ => return false,
    }
    app.clamp_selection();
    true
}

/// The filter after `current` in `options`, then none again.
fn next_in<T: Copy + PartialEq>(options: &[T], current: Option<T>) -> Option<T> {
    match current {
        None => options.first().copied(),
        Some(c) => options.iter().position(|&o| o == c).and_then(|i| options.get(i + 1)).copied(),
    }
}

fn open_form(app: &mut App, target: Option<FormTarget>) {
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
                question: None,
            }
        }
        _ => ActieForm {
            target: if agreements { FormTarget::Agreement(None) } else { FormTarget::Actie(None) },
            field: 0,
            text: Input::default(),
            owner: Input::default(),
            date: Input::default(),
            // The four questions of step 4, one per agreement, until each has an answer.
            question: (agreements && s.agreements.len() < 4).then_some(s.agreements.len()),
        },
    };
    app.overlay = Overlay::ActieForm(form);
}

fn remove(app: &mut App) {
    let at = app.selected(Pane::Acties);
    if app.acties.list == ActiesList::Agreements {
        let _ = app.edit(|s| {
            if at < s.agreements.len() {
                s.agreements.remove(at);
            }
            Ok::<(), ()>(())
        });
    } else if let Some(&i) = rows(app).get(at) {
        let _ = app.edit(|s| {
            s.actions.remove(i);
            Ok::<(), ()>(())
        });
    }
    app.clamp_selection();
}

/// Sets (or, with `None`, cycles) the status of an action.
fn set_status(app: &mut App, id: ActionId, status: Option<ActionStatus>) {
    let _ = app.edit(|s| {
        if let Some(a) = s.actions.iter_mut().find(|a| a.id == id) {
            a.status = status.unwrap_or(a.status.next());
        }
        Ok::<(), ()>(())
    });
}

/// Handles an action while the form is open.
pub(super) fn update_form(app: &mut App, msg: Msg) {
    let Overlay::ActieForm(mut form) = std::mem::take(&mut app.overlay) else { return };
    let t = app.lang.texts();
    let too_long = fill(t.ui_too_long, &[&MAX_TEXT]);
    match msg {
        Msg::Close => return,
        Msg::NextField => form.field = (form.field + 1) % 3,
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

/// Keeps the form's content; false (with a message) when something is not right yet.
fn confirm(app: &mut App, form: &ActieForm) -> bool {
    let t = app.lang.texts();
    let text = form.text.value().trim().to_owned();
    if text.is_empty() {
        app.message = Some(t.ui_action_text_required.to_owned());
        return false;
    }
    let date = match typed_date(form, app.today) {
        Ok(d) => d,
        Err(_) => {
            app.message = Some(fill(t.ui_date_not_understood, &[&form.date.value().trim()]));
            return false;
        }
    };
    let typed_owner = form.owner.value().trim().to_owned();
    let known = owner_match(&app.session, &typed_owner);
    let target = form.target;
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
            }
            FormTarget::Actie(None) => {
                s.add_action(&text, owner, date);
            }
            FormTarget::Agreement(Some(id)) => {
                let a = s.agreements.iter_mut().find(|a| a.id == id).ok_or(())?;
                (a.text, a.owner, a.review) = (text, owner, date);
            }
            FormTarget::Agreement(None) => {
                s.add_agreement(&text, owner, date);
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
pub(super) fn update_review(app: &mut App, msg: Msg) {
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
