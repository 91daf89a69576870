//! Activities that say what they are, driven through `update` in the cell editor: setting,
//! formal or informal, the Databank rating, the intervention's name and the stop mark; the
//! matrix's markers, legend and recognised count; the reports.

mod common;

use knoop::app::{App, Msg, Overlay, Pane, selected_cell, update};
use knoop::i18n::Lang;
use knoop::model::{Recognition, Setting};
use knoop::report::{Format, Options, Table, render};

fn run(app: &mut App, msgs: impl IntoIterator<Item = Msg>) {
    for m in msgs {
        update(app, m);
    }
}

/// The example with the first cell of the first focus theme open.
fn open_cell() -> App {
    let mut a = common::example_app();
    run(&mut a, [Msg::Focus(Pane::Matrix), Msg::Edit]);
    assert!(matches!(a.overlay, Overlay::Cell(_)));
    a
}

fn first_activity(a: &App) -> knoop::model::Activity {
    let (theme, level) = selected_cell(a).unwrap();
    a.session.matrix.theme(theme).unwrap().activities(level)[0].clone()
}

/// Marks the first activity of the first cell effective by good indications, in school,
/// informal, named, and the second one to stop.
fn marked() -> App {
    let mut a = open_cell();
    run(&mut a, [Msg::CycleRecognition, Msg::CycleRecognition, Msg::CycleRecognition]);
    run(&mut a, [Msg::CycleRecognition, Msg::CycleSetting, Msg::ToggleInformal]);
    run(&mut a, [Msg::InterventionName]);
    assert!(matches!(a.overlay, Overlay::TextField(_)), "n asks for the name");
    run(&mut a, [Msg::Paste("Jeugdfonds Sport & Cultuur".into()), Msg::Confirm]);
    run(&mut a, [Msg::Edit, Msg::Down, Msg::ToggleStop, Msg::Close]);
    a
}

#[test]
fn the_cell_editor_says_what_an_activity_is_and_undo_takes_it_back() {
    let mut a = marked();
    let first = first_activity(&a);
    assert_eq!(first.recognition, Some(Recognition::GoedeAanwijzingen));
    assert_eq!((first.setting, first.informal), (Some(Setting::School), true));
    assert_eq!(first.intervention, "Jeugdfonds Sport & Cultuur");
    let (theme, level) = selected_cell(&a).unwrap();
    assert!(a.session.matrix.theme(theme).unwrap().activities(level)[1].stop);
    run(&mut a, [Msg::Undo, Msg::Undo]);
    assert!(!a.session.matrix.theme(theme).unwrap().activities(level)[1].stop);
    assert!(first_activity(&a).intervention.is_empty(), "undo takes the name back");
    assert_eq!(a.session.validate(), Ok(()));
    // Read-only: nothing changes.
    let mut b = open_cell();
    b.read_only = Some("anna op laptop".into());
    run(&mut b, [Msg::CycleRecognition, Msg::ToggleStop]);
    assert_eq!(first_activity(&b).recognition, None);
    assert_eq!(b.message.as_deref(), Some(Lang::Nl.texts().ui_read_only_refused));
}

#[test]
fn the_matrix_shows_markers_a_legend_and_how_much_is_recognised() {
    let a = marked();
    let screen = common::screen(&a, 160, 48);
    assert!(screen.contains("[E2]"), "{screen}");
    assert!(screen.contains("⊘ stoppen"), "{screen}");
    let (theme, _) = selected_cell(&a).unwrap();
    let (recognised, looked_up, existing) = a.session.matrix.theme(theme).unwrap().recognised();
    assert_eq!((recognised, looked_up), (1, 1), "the stopped one does not count");
    assert!(screen.contains(&format!("1/{existing} erkend")), "{screen}");
    assert!(screen.contains("Databank: NE niet erkend"), "{screen}");
    common::both_sizes!("activities_marked", &a);
}

#[test]
fn reports_say_what_activities_are() {
    let a = marked();
    let md =
        String::from_utf8(render(&a.session, Format::Md, Lang::Nl, Options::default())).unwrap();
    assert!(md.contains("Gratis ontbijt op school (School) — \\[E2\\] · Jeugdfonds Sport & Cultuur · school · informeel"), "{md}");
    assert!(md.contains("⊘ stoppen"));
    let (theme, _) = selected_cell(&a).unwrap();
    let existing = a.session.matrix.theme(theme).unwrap().recognised().2;
    assert!(md.contains(&format!("1/{existing} erkend")));
    let html =
        String::from_utf8(render(&a.session, Format::Html, Lang::Nl, Options::default())).unwrap();
    assert!(html.contains("<p class=\"legend\">Databank: NE niet erkend"));
    let options = Options { table: Table::Matrix, ..Options::default() };
    let csv = String::from_utf8(render(&a.session, Format::Csv, Lang::Nl, options)).unwrap();
    let row = csv.lines().find(|l| l.contains("Gratis ontbijt")).unwrap();
    assert!(
        row.ends_with(
            ";school;ja;effectief volgens goede aanwijzingen;Jeugdfonds Sport & Cultuur;nee"
        ),
        "{row}"
    );
}

#[test]
fn the_matrix_help_explains_the_levels_and_the_basis_row() {
    let mut a = common::example_app();
    run(&mut a, [Msg::Focus(Pane::Matrix), Msg::Resize(160, 48), Msg::ToggleHelp]);
    // The keys come first; under them, at the end of the help, what the columns mean.
    let top = common::screen(&a, 160, 48);
    assert!(top.contains("Kolom naar links") && !top.contains("fundament"), "{top}");
    run(&mut a, [Msg::End]);
    let screen = common::screen(&a, 160, 48);
    assert!(screen.contains("Universeel (basis): voor"), "{screen}");
    assert!(screen.contains("fundament"), "{screen}");
    // The basis row is a foundation: no gaps, in the model too.
    let s = &a.session;
    let basis = s.matrix.themes.iter().find(|t| t.basis).unwrap().id;
    assert!(s.matrix.levels.iter().all(|l| !s.matrix.is_gap(basis, l.id)));
}
