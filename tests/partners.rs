//! Who sits at the table: a kind of partner per participant (set with `f` in the participants
//! dialog, else read from the organisation), the warning for the partners the method needs,
//! and parents as structural partners in the example.

mod common;

use knoop::app::{App, Msg, Overlay, update};
use knoop::i18n::Lang;
use knoop::model::{Partner, Role};
use knoop::report::{Format, Options, render};

fn run(app: &mut App, msgs: impl IntoIterator<Item = Msg>) {
    for m in msgs {
        update(app, m);
    }
}

#[test]
fn the_example_has_parents_as_structural_partners_and_misses_pupils() {
    let a = common::example_app();
    let parents: Vec<_> =
        a.session.participants.iter().filter(|p| p.partner() == Some(Partner::Ouders)).collect();
    assert_eq!(parents.len(), 2);
    assert!(parents.iter().all(|p| p.role == Role::Structural), "equal footing");
    assert_eq!(a.session.missing_partners(), [Partner::Leerlingen]);
}

#[test]
fn f_sets_who_someone_is_at_the_table_and_the_warning_follows_presence() {
    let mut a = common::example_app();
    run(&mut a, [Msg::Participants]);
    assert!(matches!(a.overlay, Overlay::Participants(_)));
    // Sanne Jansen (JGZ) goes home: JGZ is missing, and the dialog says so.
    run(&mut a, [Msg::Down, Msg::TogglePresent]);
    assert_eq!(a.session.missing_partners(), [Partner::Leerlingen, Partner::Jgz]);
    let screen = common::screen(&a, 160, 48);
    assert!(screen.contains("⚠ Niet aan tafel: leerlingen, JGZ"), "{screen}");
    common::both_sizes!("participants_missing", &a);
    // The intern begeleider is marked as speaking for the pupils (a kinderraad member).
    run(&mut a, [Msg::TogglePresent, Msg::Up]);
    let before = a.session.participants[0].partner();
    assert_eq!(before, Some(Partner::InternBegeleider), "read from the organisation");
    run(&mut a, [Msg::CyclePartner]);
    assert_eq!(a.session.participants[0].partner, Some(Partner::Leerkracht), "the next kind");
    for _ in 0..10 {
        run(&mut a, [Msg::CyclePartner]);
    }
    assert_eq!(a.session.participants[0].partner, Some(Partner::Leerlingen));
    assert!(a.session.missing_partners().is_empty());
    run(&mut a, [Msg::Undo]);
    assert_eq!(a.session.participants[0].partner, Some(Partner::Ouders));
}

#[test]
fn the_report_names_who_is_missing() {
    let a = common::example_app();
    let md =
        String::from_utf8(render(&a.session, Format::Md, Lang::Nl, Options::default())).unwrap();
    assert!(
        md.contains("| Fatima el Amrani | Ouder (medezeggenschapsraad) | ouders | structureel |"),
        "{md}"
    );
    assert!(md.contains("⚠ Niet aan tafel: leerlingen"));
    let html =
        String::from_utf8(render(&a.session, Format::Html, Lang::Nl, Options::default())).unwrap();
    assert!(html.contains("<p class=\"note\"><b>⚠ Niet aan tafel: leerlingen</b></p>"));
}
