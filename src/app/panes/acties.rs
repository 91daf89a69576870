//! The Acties pane: who does what by when, sorted and filtered, the round of owners, and the
//! regie agreements beside them.

use crate::app::dialogs::actie_form::open_form;
use crate::app::{App, FormTarget, Msg, Pane, TextField, TextTarget};
use crate::model::{ActionId, ActionStatus, ParticipantId, ThemeId};

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

/// Handles the Acties pane's own actions; false when `action` is not one of them.
pub(crate) fn pane_action(app: &mut App, msg: &Msg) -> bool {
    let agreements = app.acties.list == ActiesList::Agreements;
    match msg {
        Msg::Add => open_form(app, None),
        Msg::Edit => {
            let at = app.selected(Pane::Acties);
            if agreements {
                let order = app.session.agreements_in_order();
                let id = order.get(at).and_then(|&i| app.session.agreements.get(i)).map(|a| a.id);
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
        Msg::NextQuestion if agreements => next_question(app),
        Msg::ActionResult if !agreements && !app.refuse_if_read_only() => {
            if let Some(&i) = rows(app).get(app.selected(Pane::Acties)) {
                let target = TextTarget::ActionResult(app.session.actions[i].id);
                if let Some(field) = TextField::open(app, target) {
                    app.overlay = crate::app::Overlay::TextField(field);
                }
            }
        }
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

fn remove(app: &mut App) {
    let at = app.selected(Pane::Acties);
    if app.acties.list == ActiesList::Agreements {
        let _ = app.edit(|s| {
            if let Some(&i) = s.agreements_in_order().get(at) {
                s.agreements.remove(i);
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
pub(crate) fn set_status(app: &mut App, id: ActionId, status: Option<ActionStatus>) {
    let _ = app.edit(|s| {
        if let Some(a) = s.actions.iter_mut().find(|a| a.id == id) {
            a.status = status.unwrap_or(a.status.next());
        }
        Ok::<(), ()>(())
    });
}

/// `v` in the agreements: the selected agreement answers the next regie question (after the
/// last, none: an agreement of its own kind). The selection follows it to its new place.
fn next_question(app: &mut App) {
    let order = app.session.agreements_in_order();
    let Some(agreement) =
        order.get(app.selected(Pane::Acties)).map(|&i| &app.session.agreements[i])
    else {
        return;
    };
    let (id, next) = (agreement.id, crate::model::RegieQuestion::next(agreement.question));
    let _ = app.edit(|s| if s.set_question(id, next) { Ok(()) } else { Err(()) });
    let s = &app.session;
    if let Some(at) = s.agreements_in_order().iter().position(|&i| s.agreements[i].id == id) {
        app.selected[2] = at;
    }
}
