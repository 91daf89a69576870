//! Inspiration instead of retyping: `v` in an open cell lists the template's example
//! activities for that theme and level and the protective factors; Enter adds the chosen one
//! as a needed activity and opens it for editing; undo takes it back.

mod common;

use knoop::app::{App, Msg, Overlay, Pane, update};
use knoop::model::ActivityStatus;

fn run(app: &mut App, msgs: impl IntoIterator<Item = Msg>) {
    for m in msgs {
        update(app, m);
    }
}

#[test]
fn v_opens_the_examples_and_enter_adds_one_to_edit() {
    let mut a = common::example_app();
    run(&mut a, [Msg::Focus(Pane::Matrix), Msg::Edit]);
    let Overlay::Cell(cell) = &a.overlay else { panic!("a cell is open") };
    let (theme, level) = (cell.theme, cell.level);
    let before = a.session.matrix.theme(theme).unwrap().activities(level).len();
    run(&mut a, [Msg::Inspiratie]);
    let Overlay::Inspiratie(pick) = &a.overlay else { panic!("the pick list opens") };
    assert!(pick.voorbeelden.len() >= 2);
    let first = pick.voorbeelden[0].text().to_owned();
    let screen = common::screen(&a, 80, 24);
    assert!(screen.contains("Voorbeelden ·"), "{screen}");
    assert!(screen.contains("beschermende factor"), "{screen}");
    common::both_sizes!("inspiratie_pick", &a);

    run(&mut a, [Msg::Down, Msg::Up, Msg::Confirm]);
    let Overlay::Cell(cell) = &a.overlay else { panic!("back in the cell") };
    let form = cell.form.as_ref().expect("the new activity is open for editing");
    assert_eq!(form.text.value(), first);
    let acts = a.session.matrix.theme(theme).unwrap().activities(level);
    assert_eq!(acts.len(), before + 1);
    let added = acts.last().unwrap();
    assert_eq!((added.text.as_str(), added.status), (first.as_str(), ActivityStatus::Needed));
    // The room makes it its own: typed over, Enter keeps the edit.
    let space = Msg::Input(tui_input::InputRequest::InsertChar(' '));
    run(&mut a, [space, Msg::Paste("met de ouderraad".into()), Msg::Confirm]);
    let acts = a.session.matrix.theme(theme).unwrap().activities(level);
    assert_eq!(acts.last().unwrap().text, format!("{first} met de ouderraad"));
    run(&mut a, [Msg::Undo, Msg::Undo]);
    assert_eq!(a.session.matrix.theme(theme).unwrap().activities(level).len(), before);
}

#[test]
fn esc_goes_back_to_the_cell_without_adding() {
    let mut a = common::example_app();
    run(&mut a, [Msg::Focus(Pane::Matrix), Msg::Edit, Msg::Inspiratie]);
    let count = |a: &App| {
        let m = &a.session.matrix;
        m.themes
            .iter()
            .flat_map(|t| m.levels.iter().map(|l| t.activities(l.id).len()))
            .sum::<usize>()
    };
    let before = count(&a);
    run(&mut a, [Msg::Down, Msg::Close]);
    assert!(matches!(&a.overlay, Overlay::Cell(c) if c.form.is_none()));
    assert_eq!(count(&a), before);
}

#[test]
fn a_template_without_examples_says_so() {
    // The empty template has no inspiration file: a row and column of the room's own.
    let mut session = knoop::model::Session::new(
        "Leeg",
        &knoop::model::template::LEEG,
        jiff::Timestamp::UNIX_EPOCH,
    );
    session.matrix.add_level("Eigen kolom", "");
    session.matrix.add_theme("", "Eigen rij", "");
    let mut a = App::new(session, "leeg.json".into(), knoop::i18n::Lang::Nl);
    run(&mut a, [Msg::Focus(Pane::Matrix), Msg::Edit, Msg::Inspiratie]);
    assert!(matches!(a.overlay, Overlay::Cell(_)), "stays in the cell");
    assert!(a.message.as_deref().unwrap_or("").starts_with("Geen voorbeelden"));
}

#[test]
fn the_onderwijs_jeugdhulp_phases_have_examples_from_the_seed() {
    let session = knoop::model::Session::new(
        "OJ",
        &knoop::model::template::ONDERWIJS_JEUGDHULP,
        jiff::Timestamp::UNIX_EPOCH,
    );
    let mut a = App::new(session, "oj.json".into(), knoop::i18n::Lang::Nl);
    run(&mut a, [Msg::Focus(Pane::Matrix), Msg::Edit, Msg::Inspiratie]);
    let Overlay::Inspiratie(pick) = &a.overlay else { panic!("the pick list opens") };
    assert!(pick.voorbeelden[0].text().starts_with("Basisondersteuning volgens de norm"));
}
