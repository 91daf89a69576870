//! The year after: `knoop vervolg` freezes last year inside the new session, the comparison
//! says what changed (indicators, cells, actions, top 3), the new values are entered in the
//! ambition form, the projector shows it all, reports get a section, and years chain.

mod common;

use std::path::{Path, PathBuf};

use knoop::app::{App, Msg, Overlay, Pane, update};
use knoop::i18n::Lang;
use knoop::model::{ActionOutcome, Comparison, Progress, ThemeId};
use knoop::report::{Format, Options, render};

const SECOND_YEAR: &str =
    concat!(env!("CARGO_MANIFEST_DIR"), "/sessions/voorbeeld-basisschool-2027.json");

fn second_year() -> App {
    let session = knoop::store::load(Path::new(SECOND_YEAR)).expect("the second year loads");
    let mut app = App::new(session, PathBuf::from(SECOND_YEAR), Lang::Nl);
    app.today = jiff::civil::date(2027, 11, 18);
    app
}

fn run(app: &mut App, msgs: impl IntoIterator<Item = Msg>) {
    for m in msgs {
        update(app, m);
    }
}

#[test]
fn the_second_year_example_compares_with_the_first() {
    let a = second_year();
    assert_eq!(a.session.validate(), Ok(()));
    let c = Comparison::of(&a.session).expect("a follow-up has a previous year");
    assert_eq!(c.previous_title, "Knooppunt OBS De Regenboog, najaar 2026");
    assert_eq!((c.stayed.len(), c.left.len(), c.entered.len()), (3, 0, 0));
    let progress: Vec<_> = c.indicators.iter().map(|i| i.progress).collect();
    assert_eq!(
        progress,
        [Some(Progress::Closer), Some(Progress::Reached), Some(Progress::NotYet), None],
        "69% toward 75%; 63% past 60%; 14.5% not below 14%; no new value yet"
    );
    assert_eq!(c.filled.len(), 2, "two cells went from nodig to bestaand");
    let outcomes: Vec<_> = c.actions.iter().map(|(_, o, _)| *o).collect();
    use ActionOutcome::{Done, Dropped, NotDone};
    assert_eq!(outcomes, [Done, Dropped, Done, Done, NotDone, NotDone]);
    assert!(c.actions[0].2.starts_with("Beweegprogramma op woensdagmiddag"), "a result line");
    // The first year has no previous year: nothing to compare.
    assert!(Comparison::of(&common::example_app().session).is_none());
}

#[test]
fn vervolg_freezes_the_year_and_a_third_year_compares_with_the_second() {
    let first = common::example_app().session;
    let now: jiff::Timestamp = "2027-11-01T09:00:00Z".parse().unwrap();
    let second = first.follow_up("Jaar 2", "voorbeeld-basisschool.json", now);
    let frozen = second.previous.as_deref().unwrap();
    assert_eq!((frozen.title.as_str(), frozen.depth()), (first.title.as_str(), 1));
    assert_eq!(frozen.focus, first.focus_themes());
    assert_eq!(frozen.actions, first.actions.to_vec());
    let third = second.follow_up("Jaar 3", "jaar-2.json", now);
    let prev = third.previous.as_deref().unwrap();
    assert_eq!((prev.title.as_str(), prev.depth()), ("Jaar 2", 2));
    assert_eq!(prev.previous.as_deref().unwrap().title, first.title, "the first stays readable");
    assert_eq!(Comparison::of(&third).unwrap().previous_title, "Jaar 2");
    assert_eq!(third.validate(), Ok(()));
    // Through the files and back, with the command the README names.
    let dir = tempfile::tempdir().unwrap();
    let copy = dir.path().join("jaar-2.json");
    std::fs::copy(SECOND_YEAR, &copy).unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_knoop"))
        .args(["vervolg", copy.to_str().unwrap()])
        .env("LANG", "C.UTF-8")
        .env_remove("KNOOP_LANG")
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let made = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p != &copy)
        .expect("the third year's file");
    let third = knoop::store::load(&made).unwrap();
    let prev = third.previous.as_deref().unwrap();
    assert_eq!((prev.depth(), prev.ambitions.len()), (2, 3), "year 2 holds year 1");
}

#[test]
fn the_new_value_is_entered_in_the_ambition_form_of_a_follow_up() {
    let mut a = second_year();
    // The third focus theme (Sociaal vaardige jeugdigen, 5) has no new value yet.
    run(&mut a, [Msg::Focus(Pane::Matrix), Msg::Down, Msg::Down, Msg::Ambition]);
    let Overlay::Ambition(form) = &a.overlay else { panic!("the form opens") };
    assert_eq!(form.theme, ThemeId(5));
    for _ in 0..7 {
        run(&mut a, [Msg::NextField]);
    }
    run(&mut a, [Msg::Paste("85%".into()), Msg::NextField, Msg::Paste("2027".into())]);
    common::both_sizes!("year_after_form", &a);
    run(&mut a, [Msg::Confirm]);
    let latest = a.session.ambition(ThemeId(5)).unwrap().indicators[0].latest.clone().unwrap();
    assert_eq!((latest.value.hundredths, latest.year), (8500, 2027));
    let c = Comparison::of(&a.session).unwrap();
    assert_eq!(c.indicators[3].progress, Some(Progress::Closer));
    // In a first year the form skips the new-value fields.
    let mut first = common::example_app();
    run(&mut first, [Msg::Focus(Pane::Matrix), Msg::Ambition]);
    for _ in 0..7 {
        run(&mut first, [Msg::NextField]);
    }
    let Overlay::Ambition(form) = &first.overlay else { panic!("open") };
    assert_eq!(form.field, 9, "from the outcome past six fields to indicator 2's name");
}

#[test]
fn the_projector_shows_what_changed() {
    let mut a = second_year();
    run(&mut a, [Msg::YearAfter]);
    assert!(matches!(a.overlay, Overlay::YearAfter));
    // The screen as running text: a phrase may wrap at a word boundary between two lines.
    let screen = common::screen(&a, 160, 48);
    let text: String = screen
        .lines()
        .filter_map(|l| Some(l[l.find('║')? + '║'.len_utf8()..l.rfind('║')?].trim()))
        .collect::<Vec<_>>()
        .join(" ");
    for want in [
        "Vergeleken met: Knooppunt OBS De Regenboog, najaar 2026",
        "bleef: Opgroeien met voldoende middelen",
        "nu 69% (2027) ↗ dichterbij",
        "✓ doel gehaald",
        "✗ nog niet verbeterd",
        "✓ Opgroeien met voldoende middelen · Selectief: Vast aanspreekpunt armoede op school",
        "✗ vervallen: GLI-aanbod in de regio",
    ] {
        assert!(text.contains(want), "{want}\n{screen}");
    }
    common::both_sizes!("year_after", &a);
    run(&mut a, [Msg::Close]);
    assert!(matches!(a.overlay, Overlay::None));
}

#[test]
fn the_report_says_what_changed_since_last_year() {
    let a = second_year();
    let md =
        String::from_utf8(render(&a.session, Format::Md, Lang::Nl, Options::default())).unwrap();
    let at = md.find("## Wat is er veranderd sinds vorig jaar").expect("the section");
    assert!(at < md.find("## Deelnemers").unwrap());
    assert!(md.contains("- ✔ klaar: Afspraak met de buurtsportcoach over een beweegprogramma na school — Beweegprogramma op woensdagmiddag"), "{md}");
    assert!(md.contains("Gezonde leefstijl · Overgewicht groep 7 en 8: Nulmeting 14% (2026) → Doel 10% vóór 31-07-2029 · nu 14,5% (2027) ✗ nog niet verbeterd"), "{md}");
    let html =
        String::from_utf8(render(&a.session, Format::Html, Lang::Nl, Options::default())).unwrap();
    assert!(html.contains("<h2>Wat is er veranderd sinds vorig jaar</h2>"));
    assert!(
        html.contains("<li>erin") || html.contains("<li>bleef: Opgroeien met voldoende middelen")
    );
    let first = String::from_utf8(render(
        &common::example_app().session,
        Format::Md,
        Lang::Nl,
        Options::default(),
    ))
    .unwrap();
    assert!(!first.contains("Wat is er veranderd"), "a first meeting has no such section");
}

#[test]
fn r_writes_what_came_of_an_action_and_the_comparison_shows_it() {
    let mut a = second_year();
    run(&mut a, [Msg::Focus(Pane::Acties)]);
    let rows = knoop::app::acties_rows(&a);
    let at = rows.iter().position(|&i| a.session.actions[i].id.0 == 6).expect("action 6");
    a.selected[2] = at;
    run(&mut a, [Msg::ActionResult]);
    assert!(matches!(a.overlay, Overlay::TextField(_)), "R asks for the result");
    run(&mut a, [Msg::Paste("Cijfers komen elk kwartaal van leerplicht".into()), Msg::Confirm]);
    let c = Comparison::of(&a.session).unwrap();
    let (_, outcome, result) = c.actions.last().unwrap();
    assert_eq!(
        (*outcome, result.as_str()),
        (ActionOutcome::NotDone, "Cijfers komen elk kwartaal van leerplicht")
    );
    run(&mut a, [Msg::Undo]);
    assert!(Comparison::of(&a.session).unwrap().actions.last().unwrap().2.is_empty());
    // In the agreements list R does nothing.
    run(&mut a, [Msg::ToggleAgreements, Msg::ActionResult]);
    assert!(matches!(a.overlay, Overlay::None));
}
