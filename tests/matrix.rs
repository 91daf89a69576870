//! The Matrix pane driven through `update`: moving, the cell editor, rows and columns, and
//! a needed activity becoming an action.

mod common;

use std::path::PathBuf;

use knoop::app::{App, Msg, Overlay, Pane, acties_rows, matrix_rows, selected_cell, update};
use knoop::i18n::Lang;
use knoop::model::{ActivityStatus, Session, ThemeId, template};

fn run(app: &mut App, actions: impl IntoIterator<Item = Msg>) {
    for a in actions {
        update(app, a);
    }
}

fn example() -> App {
    let mut a = common::example_app();
    run(&mut a, [Msg::Focus(Pane::Matrix)]);
    a
}

fn texts(app: &App, theme: u32, level: usize) -> Vec<String> {
    let level = app.session.matrix.levels[level].id;
    app.session
        .matrix
        .theme(ThemeId(theme))
        .unwrap()
        .activities(level)
        .iter()
        .map(|a| a.text.clone())
        .collect()
}

#[test]
fn moving_between_cells_stays_inside_the_grid() {
    let mut a = example();
    assert_eq!(matrix_rows(&a), [16, 1, 5, 20].map(ThemeId));
    run(&mut a, [Msg::Right, Msg::Right, Msg::Right, Msg::Down]);
    assert_eq!((a.selected(Pane::Matrix), a.matrix.col), (1, 2));
    run(&mut a, [Msg::End, Msg::Left, Msg::Left, Msg::Left]);
    assert_eq!((a.selected(Pane::Matrix), a.matrix.col), (3, 0));
    assert_eq!(selected_cell(&a).unwrap(), (ThemeId(20), a.session.matrix.levels[0].id));
    run(&mut a, [Msg::ToggleAllRows]);
    assert_eq!(matrix_rows(&a).len(), 20, "all 19 themes and the basis row");
}

#[test]
fn an_activity_added_to_a_gap_fills_it_with_the_known_provider_spelling() {
    let mut a = example();
    // Gezonde leefstijl × Geïndiceerd is a gap (only a needed activity).
    run(&mut a, [Msg::Down, Msg::Right, Msg::Right]);
    let (theme, level) = selected_cell(&a).unwrap();
    assert!(a.session.matrix.is_gap(theme, level));
    run(&mut a, [Msg::Edit, Msg::Add]);
    run(&mut a, [Msg::Paste("Diëtist op consult via de huisarts".into()), Msg::NextField]);
    run(&mut a, [Msg::Paste("jgz".into()), Msg::Confirm]);
    let added = a.session.matrix.theme(theme).unwrap().activities(level).last().unwrap().clone();
    assert_eq!(
        (added.text.as_str(), added.provider.as_str(), added.status),
        ("Diëtist op consult via de huisarts", "JGZ", ActivityStatus::Existing)
    );
    assert!(!a.session.matrix.is_gap(theme, level), "the gap is gone");
    assert_eq!(
        a.session.matrix.providers().iter().filter(|p| p.eq_ignore_ascii_case("jgz")).count(),
        1
    );
    run(&mut a, [Msg::Close, Msg::Undo]);
    assert!(a.session.matrix.is_gap(theme, level), "undo brings the gap back");
}

#[test]
fn the_provider_is_completed_with_the_arrow_key() {
    let mut a = example();
    run(&mut a, [Msg::Edit, Msg::Add, Msg::Paste("Iets".into()), Msg::NextField]);
    run(&mut a, [Msg::Paste("schoolm".into())]);
    assert_eq!(
        knoop::app::suggestion(&a, "schoolm").as_deref(),
        Some("Schoolmaatschappelijk werk")
    );
    run(&mut a, [Msg::Input(tui_input::InputRequest::GoToNextChar), Msg::Confirm]);
    assert_eq!(
        a.session
            .matrix
            .themes
            .iter()
            .find(|t| t.id == ThemeId(16))
            .unwrap()
            .activities(a.session.matrix.levels[0].id)
            .last()
            .unwrap()
            .provider,
        "Schoolmaatschappelijk werk"
    );
}

#[test]
fn activities_are_edited_toggled_moved_and_deleted_each_undoably() {
    let mut a = example();
    run(&mut a, [Msg::Edit]); // Opgroeien met voldoende middelen × Universeel
    assert_eq!(
        texts(&a, 16, 0),
        ["Gratis ontbijt op school", "Jeugdfonds Sport & Cultuur bekend maken bij ouders"]
    );
    run(&mut a, [Msg::Down, Msg::MoveUp]);
    assert_eq!(texts(&a, 16, 0)[0], "Jeugdfonds Sport & Cultuur bekend maken bij ouders");
    run(&mut a, [Msg::Undo]);
    assert_eq!(texts(&a, 16, 0)[0], "Gratis ontbijt op school");
    run(&mut a, [Msg::Home, Msg::Up, Msg::Edit, Msg::Input(tui_input::InputRequest::DeleteLine)]);
    run(&mut a, [Msg::Paste("Gezond ontbijt op school".into()), Msg::Confirm]);
    assert_eq!(texts(&a, 16, 0)[0], "Gezond ontbijt op school");
    run(&mut a, [Msg::Toggle]);
    let level = a.session.matrix.levels[0].id;
    assert_eq!(
        a.session.matrix.theme(ThemeId(16)).unwrap().activities(level)[0].status,
        ActivityStatus::Needed
    );
    run(&mut a, [Msg::Remove]);
    assert_eq!(texts(&a, 16, 0).len(), 1);
    run(&mut a, [Msg::Undo, Msg::Undo, Msg::Undo]);
    assert_eq!(
        texts(&a, 16, 0)[0],
        "Gratis ontbijt op school",
        "three undos: delete, toggle, edit"
    );
}

#[test]
fn pasting_several_lines_adds_one_activity_per_line() {
    let mut a = example();
    run(&mut a, [Msg::End, Msg::Right, Msg::Edit]); // basis × Selectief, a gap
    run(
        &mut a,
        [Msg::Paste("Schoolregels met ouders\r\n\r\n  Kindgesprekken\nPleinwacht\n".into())],
    );
    assert_eq!(texts(&a, 20, 1), ["Schoolregels met ouders", "Kindgesprekken", "Pleinwacht"]);
    run(&mut a, [Msg::Undo]);
    assert!(texts(&a, 20, 1).is_empty(), "one paste, one undo");
    // An old Mac or Windows clipboard ends lines with a lone CR: still one activity a line.
    run(&mut a, [Msg::Paste("Schoolregels met ouders\rKindgesprekken\rPleinwacht".into())]);
    assert_eq!(texts(&a, 20, 1), ["Schoolregels met ouders", "Kindgesprekken", "Pleinwacht"]);
}

#[test]
fn a_needed_activity_becomes_an_action_linked_to_its_cell() {
    let mut a = example();
    run(&mut a, [Msg::Down, Msg::Right, Msg::Edit]); // Gezonde leefstijl × Selectief
    run(&mut a, [Msg::MakeAction]);
    assert!(a.message.as_deref().unwrap().contains("Alleen een nodige"), "the first is existing");
    run(&mut a, [Msg::Down, Msg::MakeAction]);
    let msg = a.session.actions.last().unwrap();
    assert_eq!(msg.text, "Beweegprogramma na school voor kinderen met overgewicht");
    assert_eq!((msg.theme, msg.level), (Some(ThemeId(1)), Some(a.session.matrix.levels[1].id)));
    assert_eq!((msg.owner, msg.due), (None, None));
    assert_eq!(a.focus, Pane::Acties);
    assert_eq!(a.selected(Pane::Acties), a.session.actions.len() - 1);
    assert!(matches!(a.overlay, Overlay::None));
    // The cell marks it (⚑), and `m` again goes to that action instead of making a second.
    run(&mut a, [Msg::Focus(Pane::Matrix), Msg::ToggleZoom]);
    assert!(common::screen(&a, 160, 48).contains("⚑"));
    run(&mut a, [Msg::ToggleZoom, Msg::Edit, Msg::Down, Msg::MakeAction]);
    assert_eq!(a.session.actions.len(), 7, "no duplicate");
    assert_eq!(a.focus, Pane::Acties);
    assert!(a.message.as_deref().unwrap().contains("al een actie"), "{:?}", a.message);
    let row = acties_rows(&a)[a.selected(Pane::Acties)];
    assert_eq!(
        a.session.actions[row].text,
        "Beweegprogramma na school voor kinderen met overgewicht"
    );
    run(&mut a, [Msg::Undo]);
    assert_eq!(a.session.actions.len(), 6);
}

#[test]
fn rows_and_columns_of_a_leeg_session() {
    let session = Session::new("Leeg", &template::LEEG, jiff::Timestamp::UNIX_EPOCH);
    let mut a = App::new(session, PathBuf::from("leeg.json"), Lang::Nl);
    run(&mut a, [Msg::Focus(Pane::Matrix)]);
    for (name, alias) in [("Thuis", ""), ("School", "onderwijs"), ("Wijk", "")] {
        run(
            &mut a,
            [
                Msg::AddLevel,
                Msg::Paste(name.into()),
                Msg::NextField,
                Msg::Paste(alias.into()),
                Msg::Confirm,
            ],
        );
    }
    for desired in ["Veilig naar school", "Samen spelen"] {
        run(&mut a, [Msg::OwnTheme, Msg::NextField, Msg::Paste(desired.into()), Msg::Confirm]);
    }
    let names: Vec<_> = a.session.matrix.levels.iter().map(|l| l.name.as_str()).collect();
    assert_eq!(names, ["Thuis", "School", "Wijk"]);
    assert_eq!(a.session.matrix.levels[1].alias, "onderwijs");
    // Rename the selected (last added) column, move it left, move the second row up.
    run(
        &mut a,
        [
            Msg::RenameLevel,
            Msg::Input(tui_input::InputRequest::DeleteLine),
            Msg::Paste("Buurt".into()),
            Msg::Confirm,
        ],
    );
    run(&mut a, [Msg::MoveLeft]);
    let names: Vec<_> = a.session.matrix.levels.iter().map(|l| l.name.as_str()).collect();
    assert_eq!(names, ["Thuis", "Buurt", "School"]);
    run(&mut a, [Msg::Down, Msg::MoveUp]);
    assert_eq!(a.session.matrix.themes[0].desired, "Samen spelen");
    assert_eq!(a.selected(Pane::Matrix), 0, "the selection follows the row");
    run(&mut a, [Msg::RenameTheme, Msg::Paste("Kansrijk".into()), Msg::Confirm]);
    assert_eq!(a.session.matrix.themes[0].domain, "Kansrijk");
}

#[test]
fn removing_a_row_or_column_with_activities_asks_and_undo_brings_it_back() {
    let mut a = example();
    // Gezond beweeggedrag holds nothing but was a candidate in the top 12.
    run(&mut a, [Msg::ToggleAllRows, Msg::Down]);
    run(&mut a, [Msg::RemoveRow]);
    assert!(a.message.as_deref().unwrap().contains("stemronde"), "a voted theme stays");
    run(&mut a, [Msg::RemoveColumn]);
    assert!(matches!(a.overlay, Overlay::ConfirmRemove(_)));
    run(&mut a, [Msg::Close]);
    assert_eq!(a.session.matrix.levels.len(), 3, "no is no");
    run(&mut a, [Msg::RemoveColumn, Msg::Yes]);
    assert_eq!(a.session.matrix.levels.len(), 2);
    assert_eq!(a.session.validate(), Ok(()));
    run(&mut a, [Msg::Undo]);
    assert_eq!(a.session.matrix.levels.len(), 3);
    // A theme of the room's own with an activity: asks, then goes.
    run(&mut a, [Msg::OwnTheme, Msg::NextField, Msg::Paste("Eigen thema".into()), Msg::Confirm]);
    let own = a.session.matrix.themes.iter().find(|t| t.desired == "Eigen thema").unwrap().id;
    let at = matrix_rows(&a).iter().position(|&t| t == own).unwrap();
    run(&mut a, [Msg::Home]);
    run(&mut a, std::iter::repeat_n(Msg::Down, at));
    run(&mut a, [Msg::Edit, Msg::Paste("Iets".into()), Msg::Confirm, Msg::Confirm]);
    run(&mut a, [Msg::RemoveRow, Msg::Yes]);
    assert!(a.session.matrix.theme(own).is_none());
    run(&mut a, [Msg::Undo]);
    assert!(a.session.matrix.theme(own).is_some());
}

#[test]
fn screens_of_the_matrix() {
    // The filled example with its gaps, zoomed as on the projector.
    let mut a = example();
    run(&mut a, [Msg::Down, Msg::Right, Msg::ToggleZoom]);
    common::both_sizes!("matrix_example", &a);
    // An open cell with an activity being added.
    run(
        &mut a,
        [
            Msg::Edit,
            Msg::Add,
            Msg::Paste("Beweegcoach op het plein".into()),
            Msg::NextField,
            Msg::Paste("bu".into()),
        ],
    );
    common::both_sizes!("matrix_cell_form", &a);
    // The all-rows view.
    let mut a = example();
    run(&mut a, [Msg::ToggleAllRows]);
    common::both_sizes!("matrix_all_rows", &a);
}

#[test]
fn a_cell_that_overflows_says_how_many_more() {
    let mut a = example();
    let level = a.session.matrix.levels[0].id;
    for i in 1..=14 {
        let activity = knoop::model::Activity::new(
            &format!("Activiteit nummer {i} in deze cel"),
            ActivityStatus::Needed,
            "School",
        );
        a.session.matrix.add_activity(ThemeId(1), level, activity).unwrap();
    }
    common::both_sizes!("matrix_overflow", &a);
}

#[test]
fn screens_of_the_other_templates() {
    let session = Session::new(
        "Onderwijs en jeugdhulp",
        &template::ONDERWIJS_JEUGDHULP,
        jiff::Timestamp::UNIX_EPOCH,
    );
    let mut a = App::new(session, PathBuf::from("oj.json"), Lang::Nl);
    run(
        &mut a,
        [
            Msg::Focus(Pane::Matrix),
            Msg::ToggleZoom,
            Msg::Edit,
            Msg::Paste("Gezamenlijke scholing signaleren".into()),
            Msg::Confirm,
            Msg::Confirm,
        ],
    );
    common::both_sizes!("matrix_onderwijs_jeugdhulp", &a);

    let session = Session::new("Leeg", &template::LEEG, jiff::Timestamp::UNIX_EPOCH);
    let mut a = App::new(session, PathBuf::from("leeg.json"), Lang::Nl);
    run(&mut a, [Msg::Focus(Pane::Matrix)]);
    common::both_sizes!("matrix_leeg_empty", &a);
    for name in ["Thuis", "School"] {
        run(&mut a, [Msg::AddLevel, Msg::Paste(name.into()), Msg::Confirm]);
    }
    run(
        &mut a,
        [Msg::OwnTheme, Msg::NextField, Msg::Paste("Veilig naar school".into()), Msg::Confirm],
    );
    run(&mut a, [Msg::Edit, Msg::Paste("Klaar-overbrigade".into()), Msg::Confirm, Msg::Confirm]);
    common::both_sizes!("matrix_leeg_own", &a);
}

/// A key as the terminal sends it, through the key map.
fn press(app: &mut App, code: ratatui::crossterm::event::KeyCode, mods: KeyModifiers) {
    let event = ratatui::crossterm::event::KeyEvent::new(code, mods);
    if let Some(msg) = knoop::app::keymap::msg_for(app, event) {
        update(app, msg);
    }
}

fn type_text(app: &mut App, text: &str) {
    for c in text.chars() {
        press(app, ratatui::crossterm::event::KeyCode::Char(c), KeyModifiers::NONE);
    }
}

use ratatui::crossterm::event::{KeyCode, KeyModifiers};

/// Matrix entry at the speed of talking: Enter opens the cell ready to type, `;` goes to the
/// provider (completed from the session's providers and the participants' organisations),
/// Enter adds and stays for the next one, Ctrl-N switches bestaand/nodig, a pasted list adds
/// a line each, Enter on the empty line closes the cell.
#[test]
fn activities_are_typed_in_the_cell_one_after_the_other() {
    let mut a = example();
    run(&mut a, [Msg::Down, Msg::Right, Msg::Right]); // Gezonde leefstijl × Geïndiceerd
    let (theme, level) = selected_cell(&a).unwrap();
    let before = a.session.matrix.theme(theme).unwrap().activities(level).len();
    press(&mut a, KeyCode::Enter, KeyModifiers::NONE);
    type_text(&mut a, "Diëtist in de wijk;jgz");
    press(&mut a, KeyCode::Enter, KeyModifiers::NONE);
    // Still in the cell, on a fresh line; the next one is needed, from an organisation.
    assert!(matches!(&a.overlay, Overlay::Cell(c) if c.form.is_some()), "{:?}", a.overlay);
    press(&mut a, KeyCode::Char('n'), KeyModifiers::CONTROL);
    type_text(&mut a, "Spreekuur over verzuim;leer");
    let screen = common::screen(&a, 120, 36);
    assert!(screen.contains("→: Leerplicht"), "{screen}");
    assert!(screen.contains("+ Nodig"), "the status in words and sign: {screen}");
    press(&mut a, KeyCode::Right, KeyModifiers::NONE);
    press(&mut a, KeyCode::Enter, KeyModifiers::NONE);
    // A pasted list: one activity per line, with the status chosen, "; provider" split off.
    update(&mut a, Msg::Paste("Kookles ; Buurtsportcoach\r\nWandelclub".into()));
    let added: Vec<(String, String, ActivityStatus)> =
        a.session.matrix.theme(theme).unwrap().activities(level)[before..]
            .iter()
            .map(|x| (x.text.clone(), x.provider.clone(), x.status))
            .collect();
    let needed = ActivityStatus::Needed;
    assert_eq!(
        added,
        [
            ("Diëtist in de wijk".into(), "JGZ".into(), ActivityStatus::Existing),
            ("Spreekuur over verzuim".into(), "Leerplicht".into(), needed),
            ("Kookles".into(), "Buurtsportcoach".into(), needed),
            ("Wandelclub".into(), String::new(), needed),
        ]
    );
    // ↑ on the empty line goes to the list (the last one), where Space toggles it.
    press(&mut a, KeyCode::Up, KeyModifiers::NONE);
    let Overlay::Cell(cell) = &a.overlay else { panic!("{:?}", a.overlay) };
    assert_eq!((cell.form.is_none(), cell.selected), (true, before + 3));
    press(&mut a, KeyCode::Char(' '), KeyModifiers::NONE);
    let last = a.session.matrix.theme(theme).unwrap().activities(level)[before + 3].status;
    assert_eq!(last, ActivityStatus::Existing);
    // `a` gives the line back; Enter on it, empty, closes the cell.
    press(&mut a, KeyCode::Char('a'), KeyModifiers::NONE);
    press(&mut a, KeyCode::Enter, KeyModifiers::NONE);
    assert!(matches!(a.overlay, Overlay::None), "{:?}", a.overlay);
    // Each line was one edit: undo takes back the toggle, the pasted two, then one at a time.
    run(&mut a, [Msg::Undo, Msg::Undo]);
    assert_eq!(a.session.matrix.theme(theme).unwrap().activities(level).len(), before + 2);
}
