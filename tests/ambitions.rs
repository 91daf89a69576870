//! Step 3's ambitions and indicators, driven through `update`: the form opened with `i` from
//! the Matrix and Acties panes, its refusals, undo, the panes and reports that show it, and
//! old session files that have none.

mod common;

use std::path::PathBuf;

use knoop::app::{App, Msg, Overlay, Pane, update};
use knoop::i18n::Lang;
use knoop::model::{AmbitionError, Figure, ThemeId};
use knoop::report::{Format, Options, Table, render};

fn run(app: &mut App, msgs: impl IntoIterator<Item = Msg>) {
    for m in msgs {
        update(app, m);
    }
}

/// Pastes `text` and goes to the next field.
fn field(text: &str) -> [Msg; 2] {
    [Msg::Paste(text.to_owned()), Msg::NextField]
}

/// The example with an ambition for its first focus theme (Gezond gewicht, theme 16), typed
/// in the form from the Matrix pane.
fn with_ambition() -> App {
    let mut a = common::example_app();
    run(&mut a, [Msg::Focus(Pane::Matrix), Msg::Ambition]);
    assert!(matches!(a.overlay, Overlay::Ambition(_)), "i opens the form");
    run(&mut a, field("Alle kinderen doen mee, ook als er thuis weinig geld is."));
    for text in ["Meedoen aan sport of cultuur", "GMJ", "62%", "2023", "75%", "31-07-2028"] {
        run(&mut a, field(text));
    }
    for text in ["Ouders die de regelingen kennen", "eigen telling", "40 %", "2025", "60%"] {
        run(&mut a, field(text));
    }
    run(&mut a, [Msg::Paste("2027".into()), Msg::Confirm]);
    assert!(matches!(a.overlay, Overlay::None), "{:?}", a.message);
    a
}

#[test]
fn an_ambition_is_typed_kept_and_undone() {
    let mut a = with_ambition();
    let amb = a.session.ambition(ThemeId(16)).expect("the ambition is kept").clone();
    assert_eq!(amb.outcome, "Alle kinderen doen mee, ook als er thuis weinig geld is.");
    assert_eq!(amb.indicators.len(), 2);
    let i = &amb.indicators[0];
    assert_eq!((i.name.as_str(), i.source.as_str()), ("Meedoen aan sport of cultuur", "GMJ"));
    let base = i.baseline.as_ref().unwrap();
    assert_eq!((base.value.hundredths, base.value.unit.as_str(), base.year), (6200, "%", 2023));
    let target = i.target.as_ref().unwrap();
    assert_eq!(
        (target.value.to_string(), target.by),
        ("75%".into(), jiff::civil::date(2028, 7, 31))
    );
    assert_eq!(amb.indicators[1].target.as_ref().unwrap().by, jiff::civil::date(2027, 12, 31));
    assert_eq!(a.session.validate(), Ok(()));
    // Opening again shows what was typed, ready to change.
    run(&mut a, [Msg::Ambition]);
    let Overlay::Ambition(form) = &a.overlay else { panic!("the form opens again") };
    assert_eq!(
        form.row(0)[..6],
        ["Meedoen aan sport of cultuur", "GMJ", "62%", "2023", "75%", "31-07-2028"]
    );
    assert_eq!(form.row(1)[2], "40%");
    run(&mut a, [Msg::Close, Msg::Undo]);
    assert!(a.session.ambition(ThemeId(16)).is_none(), "undo takes it back");
    run(&mut a, [Msg::Redo]);
    assert!(a.session.ambition(ThemeId(16)).is_some());
}

#[test]
fn a_wrong_figure_keeps_the_form_open_with_the_cursor_on_it() {
    let mut a = common::example_app();
    run(&mut a, [Msg::Focus(Pane::Matrix), Msg::Ambition]);
    run(&mut a, field("Alle kinderen doen mee"));
    for text in ["Overgewicht", "GMJ", "14%", "23"] {
        run(&mut a, field(text));
    }
    run(&mut a, [Msg::Confirm]);
    let Overlay::Ambition(form) = &a.overlay else { panic!("the form stays open") };
    assert_eq!(form.field, 4, "on the year of indicator 1");
    assert_eq!(a.message.as_deref(), Some(Lang::Nl.texts().amb_bad_year));
    assert!(a.session.ambitions.is_empty(), "nothing kept yet");
    // A value without its date points at the empty date.
    if let Overlay::Ambition(form) = &mut a.overlay {
        form.inputs[4] = tui_input::Input::new("2023".into());
    }
    run(&mut a, [Msg::NextField, Msg::Paste("10%".into()), Msg::Confirm]);
    let Overlay::Ambition(form) = &a.overlay else { panic!("still open") };
    assert_eq!((form.field, a.message.as_deref()), (6, Some(Lang::Nl.texts().amb_incomplete)));
    // Indicators without an outcome: the outcome is asked for.
    let mut b = common::example_app();
    run(&mut b, [Msg::Focus(Pane::Matrix), Msg::Ambition, Msg::NextField]);
    run(&mut b, [Msg::Paste("Overgewicht".into()), Msg::Confirm]);
    let Overlay::Ambition(form) = &b.overlay else { panic!("still open") };
    assert_eq!((form.field, b.message.as_deref()), (0, Some(Lang::Nl.texts().amb_no_outcome)));
}

#[test]
fn emptying_the_form_removes_the_ambition() {
    let mut a = with_ambition();
    run(&mut a, [Msg::Ambition]);
    let Overlay::Ambition(form) = &mut a.overlay else { panic!("open") };
    for input in &mut form.inputs {
        *input = tui_input::Input::default();
    }
    run(&mut a, [Msg::Confirm]);
    assert!(a.session.ambition(ThemeId(16)).is_none());
    assert_eq!(a.message.as_deref(), Some(Lang::Nl.texts().ui_ambition_removed));
}

#[test]
fn the_basis_row_has_no_ambition_and_read_only_refuses() {
    let mut a = common::example_app();
    run(&mut a, [Msg::Focus(Pane::Matrix), Msg::End, Msg::Ambition]);
    assert!(a.session.matrix.theme(ThemeId(20)).unwrap().basis);
    assert!(matches!(a.overlay, Overlay::None));
    assert_eq!(a.message.as_deref(), Some(Lang::Nl.texts().ui_ambition_basis));
    let mut b = common::example_app();
    b.read_only = Some("anna op laptop".into());
    run(&mut b, [Msg::Focus(Pane::Matrix), Msg::Ambition]);
    assert!(matches!(b.overlay, Overlay::None));
    assert_eq!(b.message.as_deref(), Some(Lang::Nl.texts().ui_read_only_refused));
}

#[test]
fn from_the_acties_pane_the_form_is_for_the_selected_actions_theme() {
    let mut a = common::example_app();
    run(&mut a, [Msg::Focus(Pane::Acties)]);
    let rows = knoop::app::acties_rows(&a);
    let at = rows
        .iter()
        .position(|&i| a.session.actions[i].theme.is_some())
        .expect("the example has an action with a theme");
    let theme = a.session.actions[rows[at]].theme.unwrap();
    a.selected[2] = at;
    run(&mut a, [Msg::Ambition]);
    let Overlay::Ambition(form) = &a.overlay else { panic!("the form opens") };
    assert_eq!(form.theme, theme);
    // Without a theme anywhere, it says what to choose.
    let mut b = common::example_app();
    run(&mut b, [Msg::Focus(Pane::Acties)]);
    let rows = knoop::app::acties_rows(&b);
    if let Some(at) = rows.iter().position(|&i| b.session.actions[i].theme.is_none()) {
        b.selected[2] = at;
        run(&mut b, [Msg::Ambition]);
        assert!(matches!(b.overlay, Overlay::None));
        assert_eq!(b.message.as_deref(), Some(Lang::Nl.texts().ui_ambition_no_theme));
    }
}

#[test]
fn figures_compare_exactly() {
    assert_eq!(Figure::parse("14,0%").unwrap(), Figure::parse("14%").unwrap());
    assert_eq!(Figure::parse("x"), Err(AmbitionError::NotANumber));
}

#[test]
fn snapshots_of_the_ambition_in_the_matrix_and_the_form() {
    let mut a = with_ambition();
    common::both_sizes!("ambition_matrix", &a);
    run(&mut a, [Msg::Ambition, Msg::NextField, Msg::NextField, Msg::NextField]);
    common::both_sizes!("ambition_form", &a);
    // The next focus theme has none yet: the pane asks step 3's question.
    let mut b = with_ambition();
    run(&mut b, [Msg::Down]);
    let screen = common::screen(&b, 160, 48);
    assert!(!screen.contains("Nog geen ambitie"), "in step 2 the matrix is the work");
    run(&mut b, [Msg::NextStep, Msg::NextStep, Msg::Focus(Pane::Matrix)]);
    let screen = common::screen(&b, 160, 48);
    assert!(screen.contains("Nog geen ambitie voor dit thema"), "{screen}");
}

#[test]
fn the_acties_pane_shows_the_ambition_of_the_selected_actions_theme() {
    let mut a = with_ambition();
    run(&mut a, [Msg::Focus(Pane::Acties)]);
    let rows = knoop::app::acties_rows(&a);
    let at = rows.iter().position(|&i| a.session.actions[i].theme == Some(ThemeId(16)));
    let Some(at) = at else { return };
    a.selected[2] = at;
    let screen = common::screen(&a, 160, 48);
    assert!(screen.contains("◎ Ambitie: Alle kinderen doen mee"), "{screen}");
}

fn report(a: &App, format: Format, table: Table) -> String {
    let options = Options { table, ..Options::default() };
    String::from_utf8(render(&a.session, format, Lang::Nl, options)).unwrap()
}

#[test]
fn every_report_opens_with_the_ambitions() {
    let a = with_ambition();
    let md = report(&a, Format::Md, Table::Acties);
    let amb = md.find("## Ambities voor de top 3").expect("an ambitions section");
    assert!(amb < md.find("## Deelnemers").unwrap_or(usize::MAX), "at the top");
    assert!(md.contains("**Beoogde opbrengst:** Alle kinderen doen mee"));
    assert!(
        md.contains("| Meedoen aan sport of cultuur | GMJ | 62% (2023) | 75% vóór 31-07-2028 |"),
        "{md}"
    );
    assert!(md.contains("Nog geen ambitie vastgesteld"), "the focus themes without one say so");
    let html = report(&a, Format::Html, Table::Acties);
    let h2 = html.find("<h2>Ambities voor de top 3</h2>").expect("an ambitions section");
    assert!(h2 < html.find("<h2>").map_or(0, |first| first + 1), "the first section");
    assert!(html.contains(
        "<td>Ouders die de regelingen kennen</td><td>eigen telling</td><td>40% (2025)</td>"
    ));
    let csv = report(&a, Format::Csv, Table::Ambities);
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(b';')
        .from_reader(csv.trim_start_matches('\u{feff}').as_bytes());
    let header: Vec<String> = reader.headers().unwrap().iter().map(str::to_owned).collect();
    assert_eq!(header[..3], ["thema", "beoogde opbrengst", "indicator"]);
    let rows: Vec<Vec<String>> =
        reader.records().map(|r| r.unwrap().iter().map(str::to_owned).collect()).collect();
    let gezond: Vec<_> = rows.iter().filter(|r| r[1].starts_with("Alle kinderen")).collect();
    assert_eq!(gezond.len(), 2, "one row per indicator");
    assert_eq!(gezond[0][3..7], ["GMJ", "62%", "2023", "75%"]);
    assert_eq!(rows.len(), 4, "two indicators and the two focus themes without an ambition");
}

#[test]
fn an_old_session_file_without_ambitions_opens_and_keeps_them_after_saving() {
    let dir = tempfile::tempdir().unwrap();
    let copy = dir.path().join("oud.json");
    // The example as it was before ambitions and regie questions: format version 1.
    let old = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/voorbeeld-basisschool-v1.json");
    std::fs::copy(old, &copy).unwrap();
    let text = std::fs::read_to_string(&copy).unwrap();
    assert!(text.contains("\"version\": 1") && !text.contains("\"ambitions\""));
    let session = knoop::store::load(&copy).expect("a version 1 file opens");
    assert!(session.ambitions.is_empty());
    assert_eq!(session.agreements.len(), 3);
    assert!(session.agreements.iter().all(|a| a.question.is_none()), "no questions then");
    assert_eq!(session.unanswered_questions().len(), 5);
    let mut a = with_ambition();
    a.path = PathBuf::from(&copy);
    knoop::store::save(&copy, &a.session).unwrap();
    let back = knoop::store::load(&copy).unwrap();
    assert_eq!(back.ambitions, a.session.ambitions);
}
