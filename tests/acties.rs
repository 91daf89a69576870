//! The Acties pane driven through `update`: actions and agreements, owners, dates, order,
//! filters, the round of owners, and the start of a follow-up meeting.

mod common;

use jiff::civil::date;
use knoop::app::{ActiesList, App, Msg, Overlay, Pane, Review, SortBy, acties_rows, update};
use knoop::model::{ActionStatus, ParticipantId, ThemeId};

fn run(app: &mut App, actions: impl IntoIterator<Item = Msg>) {
    for a in actions {
        update(app, a);
    }
}

fn acties() -> App {
    let mut a = common::example_app();
    run(&mut a, [Msg::Focus(Pane::Acties)]);
    a
}

/// The texts of the listed actions, in order.
fn listed(app: &App) -> Vec<String> {
    acties_rows(app).iter().map(|&i| app.session.actions[i].text.clone()).collect()
}

fn fill_form(app: &mut App, what: &str, who: &str, when: &str) {
    run(
        app,
        [
            Msg::Paste(what.into()),
            Msg::NextField,
            Msg::Paste(who.into()),
            Msg::NextField,
            Msg::Paste(when.into()),
            Msg::Confirm,
        ],
    );
}

#[test]
fn an_action_is_added_with_an_owner_and_a_spoken_date() {
    let mut a = acties();
    run(&mut a, [Msg::Add]);
    fill_form(&mut a, "Uitnodiging GGD voor volgende keer", "sanne", "vrijdag");
    let added = a.session.actions.last().unwrap();
    assert_eq!(added.text, "Uitnodiging GGD voor volgende keer");
    assert_eq!(added.owner, Some(ParticipantId(2)), "Sanne Jansen, whatever the case");
    assert_eq!(added.due, Some(date(2026, 12, 11)), "the Friday after Monday 7 December");
    assert_eq!(added.status, ActionStatus::Open);
    assert!(matches!(a.overlay, Overlay::None));
    assert_eq!(
        acties_rows(&a)[a.selected(Pane::Acties)],
        a.session.actions.len() - 1,
        "the new msg is selected"
    );
    run(&mut a, [Msg::Undo]);
    assert_eq!(a.session.actions.len(), 6);
}

#[test]
fn a_date_knoop_does_not_understand_changes_nothing() {
    let mut a = acties();
    run(&mut a, [Msg::Add]);
    fill_form(&mut a, "Iets", "", "binnenkort");
    assert!(a.message.as_deref().unwrap().contains("\"binnenkort\" is geen datum"));
    assert!(matches!(a.overlay, Overlay::ActieForm(_)), "the form stays open to mend");
    assert_eq!(a.session.actions.len(), 6);
    run(
        &mut a,
        [
            Msg::Input(tui_input::InputRequest::DeleteLine),
            Msg::Paste("31-02-2027".into()),
            Msg::Confirm,
        ],
    );
    assert_eq!(a.session.actions.len(), 6, "a day that does not exist is refused");
    run(&mut a, [Msg::Input(tui_input::InputRequest::DeleteLine), Msg::Confirm]);
    let added = a.session.actions.last().unwrap();
    assert_eq!(
        (added.text.as_str(), added.owner, added.due),
        ("Iets", None, None),
        "no owner and no date are allowed, and flagged"
    );
}

#[test]
fn a_new_name_as_owner_adds_a_participant_on_the_spot() {
    let mut a = acties();
    run(&mut a, [Msg::Add]);
    fill_form(&mut a, "Bibliotheek benaderen", "Els Vermeer", "25-01");
    let els = a.session.participants.last().unwrap();
    assert_eq!(els.name, "Els Vermeer");
    assert_eq!(a.session.actions.last().unwrap().owner, Some(els.id));
    assert_eq!(a.session.actions.last().unwrap().due, Some(date(2027, 1, 25)));
    assert!(a.message.as_deref().unwrap().contains("Nieuwe deelnemer toegevoegd: Els Vermeer"));
    run(&mut a, [Msg::Undo]);
    assert_eq!(
        a.session.participants.len(),
        8,
        "one undo takes back the msg and the new participant"
    );
}

#[test]
fn editing_changes_owner_and_date_and_delete_is_undone() {
    let mut a = acties();
    run(&mut a, [Msg::Edit]);
    run(
        &mut a,
        [
            Msg::NextField,
            Msg::Input(tui_input::InputRequest::DeleteLine),
            Msg::Paste("Kevin".into()),
        ],
    );
    run(
        &mut a,
        [
            Msg::NextField,
            Msg::Input(tui_input::InputRequest::DeleteLine),
            Msg::Paste("over 2 weken".into()),
            Msg::Confirm,
        ],
    );
    let first = &a.session.actions[0];
    assert_eq!((first.owner, first.due), (Some(ParticipantId(5)), Some(date(2026, 12, 21))));
    run(&mut a, [Msg::Remove]);
    assert_eq!(a.session.actions.len(), 5);
    run(&mut a, [Msg::Undo, Msg::Undo]);
    assert_eq!(a.session.actions[0].owner, Some(ParticipantId(3)), "back to Ahmed");
}

#[test]
fn status_cycles_with_one_key_and_done_actions_move_out_of_the_way() {
    let mut a = acties();
    run(&mut a, [Msg::CycleStatus]);
    assert_eq!(a.session.actions[0].status, ActionStatus::Busy);
    run(&mut a, [Msg::CycleStatus]);
    assert_eq!(a.session.actions[0].status, ActionStatus::Done);
    assert_eq!(
        listed(&a).last().unwrap(),
        &a.session.actions[0].text,
        "done actions are listed last"
    );
}

#[test]
fn sorting_by_date_owner_and_status() {
    let mut a = acties();
    run(&mut a, [Msg::Sort]);
    assert_eq!(a.acties.sort, SortBy::Due);
    assert_eq!(listed(&a)[0], "Vast aanspreekpunt armoede op school aanwijzen", "4 December first");
    run(&mut a, [Msg::Sort]);
    assert_eq!(
        listed(&a)[0],
        "Afspraak met de buurtsportcoach over een beweegprogramma na school",
        "Ahmed first"
    );
    run(&mut a, [Msg::Sort]);
    assert_eq!(
        listed(&a)[5],
        "Vast aanspreekpunt armoede op school aanwijzen",
        "the busy one after the open ones"
    );
    run(&mut a, [Msg::Sort]);
    assert_eq!(a.acties.sort, SortBy::List);
}

#[test]
fn filters_by_owner_status_and_theme() {
    let mut a = acties();
    run(&mut a, [Msg::FilterOwner]);
    assert_eq!(a.acties.owner, Some(Some(ParticipantId(1))));
    assert_eq!(listed(&a), ["Vast aanspreekpunt armoede op school aanwijzen"]);
    run(
        &mut a,
        [
            Msg::FilterOwner,
            Msg::FilterOwner,
            Msg::FilterOwner,
            Msg::FilterOwner,
            Msg::FilterOwner,
            Msg::FilterOwner,
        ],
    );
    assert_eq!(a.acties.owner, None, "after the last owner the filter is off");
    run(&mut a, [Msg::FilterStatus]);
    assert_eq!(listed(&a).len(), 5, "open only");
    run(&mut a, [Msg::FilterStatus]);
    assert_eq!(listed(&a).len(), 1, "bezig only");
    run(&mut a, [Msg::FilterStatus, Msg::FilterStatus, Msg::FilterTheme]);
    assert_eq!(a.acties.theme, Some(ThemeId(1)));
    assert_eq!(listed(&a).len(), 2, "Gezonde leefstijl");
}

#[test]
fn the_round_of_owners_groups_actions_per_participant() {
    let mut a = acties();
    run(&mut a, [Msg::Add]);
    fill_form(&mut a, "Tweede actie van Marieke", "Marieke", "");
    run(&mut a, [Msg::ByOwner]);
    let owners: Vec<_> =
        acties_rows(&a).iter().map(|&i| a.session.actions[i].owner.unwrap().0).collect();
    assert_eq!(owners, [1, 1, 2, 3, 4, 5, 6]);
}

#[test]
fn agreements_answer_the_four_questions_of_step_4() {
    let mut a = acties();
    a.session.agreements.clear();
    run(&mut a, [Msg::ToggleAgreements, Msg::Add]);
    let Overlay::ActieForm(form) = &a.overlay else { panic!("{:?}", a.overlay) };
    assert_eq!(form.question, Some(0), "the first question is the prompt");
    fill_form(&mut a, "Jaarlijks evalueren in het knooppunt", "Marieke", "1-11-2027");
    let agreement = &a.session.agreements[0];
    assert_eq!(
        (agreement.owner, agreement.review),
        (Some(ParticipantId(1)), Some(date(2027, 11, 1)))
    );
    run(&mut a, [Msg::Add]);
    let Overlay::ActieForm(form) = &a.overlay else { panic!() };
    assert_eq!(form.question, Some(1));
    run(&mut a, [Msg::Close, Msg::Remove]);
    assert!(a.session.agreements.is_empty());
    assert_eq!(a.acties.list, ActiesList::Agreements);
}

#[test]
fn a_follow_up_starts_by_going_through_the_carried_actions() {
    let mut a = acties();
    a.session.actions[1].status = ActionStatus::Done;
    a.session = a.session.follow_up("Vervolg", "vorige.json", jiff::Timestamp::UNIX_EPOCH);
    let review = Review::of(&a.session).unwrap();
    assert_eq!(review.actions.len(), 5, "the done one is not carried to review");
    a.overlay = Overlay::Review(review);
    run(&mut a, [Msg::SetDone, Msg::SetBusy, Msg::Down, Msg::SetOpen]);
    let statuses: Vec<_> = a.session.actions.iter().map(|x| x.status).collect();
    assert_eq!(statuses[0], ActionStatus::Done);
    assert_eq!(statuses[2], ActionStatus::Busy);
    assert_eq!(statuses[4], ActionStatus::Open);
    run(&mut a, [Msg::SetDone]);
    assert!(matches!(a.overlay, Overlay::None), "after the last one the review closes");
}

#[test]
fn screens_of_the_acties_pane() {
    let mut a = acties();
    run(&mut a, [Msg::ToggleZoom]);
    common::both_sizes!("acties_list", &a);
    run(&mut a, [Msg::Sort, Msg::FilterStatus]);
    common::both_sizes!("acties_sorted_filtered", &a);
    run(
        &mut a,
        [
            Msg::Sort,
            Msg::Sort,
            Msg::Sort,
            Msg::FilterStatus,
            Msg::FilterStatus,
            Msg::FilterStatus,
            Msg::ByOwner,
        ],
    );
    common::both_sizes!("acties_by_owner", &a);
    run(&mut a, [Msg::ByOwner, Msg::ToggleAgreements]);
    common::both_sizes!("acties_agreements", &a);
    run(
        &mut a,
        [
            Msg::ToggleAgreements,
            Msg::Add,
            Msg::Paste("Uitnodiging GGD".into()),
            Msg::NextField,
            Msg::Paste("san".into()),
            Msg::NextField,
            Msg::Paste("vrijdag".into()),
        ],
    );
    common::both_sizes!("acties_form", &a);
}

#[test]
fn screens_of_a_follow_up_and_of_empty_agreements() {
    let mut a = acties();
    a.session = a.session.follow_up(
        "Knooppunt De Regenboog (vervolg)",
        "voorbeeld-basisschool.json",
        jiff::Timestamp::UNIX_EPOCH,
    );
    a.overlay = Overlay::Review(Review::of(&a.session).unwrap());
    common::both_sizes!("acties_follow_up", &a);
    let mut a = acties();
    a.session.agreements.clear();
    run(&mut a, [Msg::ToggleAgreements]);
    common::both_sizes!("acties_questions", &a);
}

#[test]
fn an_owner_that_fits_two_participants_is_asked_never_made_up() {
    let mut a = acties();
    a.session.add_participant("Sanne de Boer", "Bibliotheek", knoop::model::Role::Incidental);
    let people = a.session.participants.len();
    run(&mut a, [Msg::Add, Msg::Paste("Leesbevordering".into()), Msg::NextField]);
    run(&mut a, [Msg::Paste("Sanne".into()), Msg::Confirm]);
    assert!(matches!(a.overlay, Overlay::ActieForm(_)), "the form stays open to say which");
    let message = a.message.clone().unwrap_or_default();
    assert!(message.contains("Sanne Jansen") && message.contains("Sanne de Boer"), "{message}");
    assert_eq!(a.session.participants.len(), people, "no third Sanne made up");
    run(&mut a, [Msg::Paste(" de".into()), Msg::Confirm]);
    let last = a.session.actions.last().unwrap();
    assert_eq!(a.session.participant(last.owner.unwrap()).unwrap().name, "Sanne de Boer");
}

/// `a` in the Acties pane offers the theme selected in the matrix; ←/→ on the form's theme
/// line choose another (or none), and the action keeps it.
#[test]
fn a_new_action_is_for_the_theme_selected_in_the_matrix_or_another_chosen() {
    let mut a = common::example_app();
    run(&mut a, [Msg::Focus(Pane::Matrix), Msg::Down, Msg::Focus(Pane::Acties), Msg::Add]);
    let rows = knoop::app::matrix_rows(&a);
    let selected = rows[1];
    let Overlay::ActieForm(form) = &a.overlay else { panic!("{:?}", a.overlay) };
    assert_eq!(form.theme, Some(selected), "the matrix's selected row is offered");
    fill_form(&mut a, "Voorlichting ouderavond", "", "");
    let made = a.session.actions.last().unwrap();
    assert_eq!((made.text.as_str(), made.theme), ("Voorlichting ouderavond", Some(selected)));

    // Another theme, chosen on the theme line with →.
    let choices = knoop::app::theme_choices(&a.session);
    run(&mut a, [Msg::Add, Msg::Paste("Folder".into())]);
    run(&mut a, [Msg::NextField, Msg::NextField, Msg::NextField]);
    update(&mut a, Msg::Input(tui_input::InputRequest::GoToNextChar));
    let Overlay::ActieForm(form) = &a.overlay else { panic!("{:?}", a.overlay) };
    let at = choices.iter().position(|c| *c == Some(selected)).unwrap();
    let next = choices[(at + 1) % choices.len()];
    assert_eq!(form.theme, next);
    let screen = common::screen(&a, 80, 24);
    let name = a.session.matrix.theme(next.unwrap()).unwrap().desired.clone();
    let first_word = name.split_whitespace().next().unwrap();
    assert!(screen.contains("Thema") && screen.contains(first_word), "{screen}");
    update(&mut a, Msg::Confirm);
    assert_eq!(a.session.actions.last().unwrap().theme, next);
    // Undo takes the action back whole.
    let n = a.session.actions.len();
    update(&mut a, Msg::Undo);
    assert_eq!(a.session.actions.len(), n - 1);
}

/// ↓ in a new action's empty text takes up what the matrix needs: its text, theme and cell;
/// the matrix then marks it, and it is offered no more.
#[test]
fn a_needed_activity_of_the_matrix_becomes_an_action_with_one_key() {
    let mut a = acties();
    let needed = a.session.needed_without_action();
    assert!(!needed.is_empty(), "the example needs things");
    let (theme, level, text) = needed[0].clone();
    run(&mut a, [Msg::Add, Msg::Down]);
    let screen = common::screen(&a, 120, 36);
    assert!(screen.contains(&format!("↓↑ 1/{}", needed.len())), "{screen}");
    run(&mut a, [Msg::NextField, Msg::Paste("sa".into()), Msg::Confirm]);
    let made = a.session.actions.last().unwrap();
    assert_eq!(
        (made.text.as_str(), made.theme, made.level),
        (text.as_str(), Some(theme), Some(level))
    );
    assert_eq!(a.session.needed_without_action().len(), needed.len() - 1);
    // Typed text is the facilitator's own: ↓ then moves on to the next field.
    run(&mut a, [Msg::Add, Msg::Paste("Iets anders".into()), Msg::Down]);
    let Overlay::ActieForm(form) = &a.overlay else { panic!("{:?}", a.overlay) };
    assert_eq!((form.field, form.text.value()), (1, "Iets anders"));
}
