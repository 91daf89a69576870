//! Step 4 as the four regie questions (and when we meet again), driven through `update`: an
//! answer goes to the first open question, `v` moves an agreement to the next question, the
//! view lists question by question and marks the open ones, and so do the reports.

mod common;

use knoop::app::{App, FormTarget, Msg, Overlay, Pane, update};
use knoop::i18n::Lang;
use knoop::model::RegieQuestion::{Communicatie, Kwaliteit, Overzicht, Taken, Weerzien};
use knoop::report::{Format, Options, Table, render};

fn run(app: &mut App, msgs: impl IntoIterator<Item = Msg>) {
    for m in msgs {
        update(app, m);
    }
}

/// The example with the Acties pane showing the agreements.
fn agreements() -> App {
    let mut a = common::example_app();
    run(&mut a, [Msg::Focus(Pane::Acties), Msg::ToggleAgreements]);
    a
}

fn questions(app: &App) -> Vec<Option<knoop::model::RegieQuestion>> {
    let s = &app.session;
    s.agreements_in_order().iter().map(|&i| s.agreements[i].question).collect()
}

#[test]
fn a_new_agreement_answers_the_first_open_question() {
    let mut a = agreements();
    assert_eq!(a.session.unanswered_questions(), [Taken, Weerzien]);
    run(&mut a, [Msg::Add]);
    let Overlay::ActieForm(form) = &a.overlay else { panic!("the form opens") };
    assert_eq!((form.target, form.question), (FormTarget::Agreement(None), Some(2)));
    run(&mut a, [Msg::Paste("De IB'er belt de JGZ bij elk zorgsignaal".into()), Msg::Confirm]);
    assert_eq!(
        questions(&a),
        [Some(Overzicht), Some(Kwaliteit), Some(Taken), Some(Communicatie)],
        "the answer stands under its question"
    );
    run(&mut a, [Msg::Add, Msg::Paste("Over een jaar, in november".into()), Msg::Confirm]);
    assert!(a.session.unanswered_questions().is_empty());
    assert_eq!(questions(&a).last(), Some(&Some(Weerzien)));
    // Every question answered: another answer goes to the selected agreement's question.
    a.selected[2] = 1;
    run(&mut a, [Msg::Add]);
    let Overlay::ActieForm(form) = &a.overlay else { panic!("the form opens") };
    assert_eq!(form.question, Some(1));
    run(&mut a, [Msg::Close, Msg::Undo, Msg::Undo]);
    assert_eq!(a.session.unanswered_questions(), [Taken, Weerzien], "undo takes both back");
}

#[test]
fn v_moves_an_agreement_to_the_next_question_and_the_selection_follows() {
    let mut a = agreements();
    // The second one (Kwaliteit) goes to Taken, then Communicatie: after the other answer.
    a.selected[2] = 1;
    let id = a.session.agreements[a.session.agreements_in_order()[1]].id;
    run(&mut a, [Msg::NextQuestion]);
    assert_eq!(questions(&a), [Some(Overzicht), Some(Taken), Some(Communicatie)]);
    run(&mut a, [Msg::NextQuestion]);
    assert_eq!(questions(&a), [Some(Overzicht), Some(Communicatie), Some(Communicatie)]);
    let s = &a.session;
    assert_eq!(s.agreements[s.agreements_in_order()[a.selected(Pane::Acties)]].id, id);
    assert_eq!(a.selected(Pane::Acties), 2, "after the answer that was there first");
    run(&mut a, [Msg::NextQuestion, Msg::NextQuestion]);
    assert_eq!(questions(&a).last(), Some(&None), "after the last question: none");
    run(&mut a, [Msg::Undo, Msg::Undo, Msg::Undo, Msg::Undo]);
    assert_eq!(questions(&a), [Some(Overzicht), Some(Kwaliteit), Some(Communicatie)]);
    // In the actions list, v does nothing to the agreements.
    run(&mut a, [Msg::ToggleAgreements, Msg::NextQuestion]);
    assert_eq!(questions(&a), [Some(Overzicht), Some(Kwaliteit), Some(Communicatie)]);
}

#[test]
fn editing_and_removing_act_on_the_agreement_on_screen() {
    let mut a = agreements();
    // Put the first agreement last: storage order and screen order now differ.
    run(&mut a, [Msg::NextQuestion, Msg::NextQuestion, Msg::NextQuestion]);
    let shown: Vec<_> = a.session.agreements_in_order();
    assert_eq!(a.selected(Pane::Acties), 2);
    let last = a.session.agreements[shown[2]].id;
    run(&mut a, [Msg::Home, Msg::Edit]);
    let Overlay::ActieForm(form) = &a.overlay else { panic!("the form opens") };
    let first = a.session.agreements[shown[0]].id;
    assert_eq!(form.target, FormTarget::Agreement(Some(first)));
    assert_eq!(form.question, Some(1), "the form names its question");
    run(&mut a, [Msg::Close, Msg::End, Msg::Remove]);
    assert!(a.session.agreements.iter().all(|x| x.id != last));
    assert_eq!(a.session.agreements.len(), 2);
}

#[test]
fn snapshots_of_the_agreements_by_regie_question() {
    let a = agreements();
    common::both_sizes!("regie_by_question", &a);
    let screen = common::screen(&a, 160, 48);
    assert!(screen.contains("3. Wat zijn ieders taken daarin?"), "{screen}");
    assert!(screen.contains("⚠ nog geen antwoord"), "{screen}");
}

#[test]
fn reports_follow_the_regie_questions() {
    let a = common::example_app();
    let md =
        String::from_utf8(render(&a.session, Format::Md, Lang::Nl, Options::default())).unwrap();
    let q3 = md.find("### 3. Wat zijn ieders taken daarin?").expect("question 3 is a heading");
    assert!(
        md[q3..].trim_start_matches(|c| c != '\n').trim_start().starts_with("⚠ nog geen antwoord")
    );
    let q1 = md.find("### 1. Wat is nodig om het overzicht te bewaren?").unwrap();
    assert!(q1 < md.find("Het knooppunt komt elke zes weken").unwrap());
    assert!(md.contains("### 5. Wanneer komen we weer bij elkaar?"));
    let html =
        String::from_utf8(render(&a.session, Format::Html, Lang::Nl, Options::default())).unwrap();
    assert!(html.contains(
        "<tr class=\"question\"><th colspan=\"3\">4. Hoe communiceren we?</th></tr>\n<tr><td>Nieuws"
    ));
    assert!(html.contains(
        "3. Wat zijn ieders taken daarin?</th></tr>\n<tr><td colspan=\"3\" class=\"note\">⚠ nog geen antwoord</td></tr>"
    ));
    let options = Options { table: Table::Afspraken, ..Options::default() };
    let csv = String::from_utf8(render(&a.session, Format::Csv, Lang::Nl, options)).unwrap();
    assert!(csv.lines().nth(1).unwrap().ends_with(";1. Wat is nodig om het overzicht te bewaren?"));
}
