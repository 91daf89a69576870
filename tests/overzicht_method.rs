//! The regional overview over what the method's second half adds to a session: recognised
//! interventions (which are used where, which schools stop one) and, for second-year
//! sessions, indicators reached, moving toward their target, or not — per school and per
//! theme. Hand-made folders with known answers, the second-year example session, and
//! privacy over the new output.

mod common;

use std::path::Path;

use jiff::civil::{Date, date};
use knoop::app::Msg;
use knoop::i18n::Lang;
use knoop::model::{
    Activity, ActivityStatus, Ambition, Baseline, Figure, Indicator, Recognition, SchoolType,
    Session, Target,
};
use knoop::overzicht::export::{Format, Report, render};
use knoop::overzicht::{Filter, OverzichtView, Section, overview, scan};

const TODAY: Date = date(2027, 12, 7);

/// People in the hand-made sessions: no output may name them.
const PEOPLE: [&str; 2] = ["Annemiek Pieterse", "Bartholomeus Kok"];

const GL: &str = "Gezonde leefstijl";
const GB: &str = "Gezond beweeggedrag";

/// A session of `school` in `gemeente` on `day`, with `focus` as its closed top 3 and a
/// school code.
fn session(school: &str, gemeente: &str, kind: SchoolType, day: Date, focus: &[&str]) -> Session {
    let mut s = common::region::session(school, gemeente, kind, day, focus, &PEOPLE);
    s.details.code = format!("{}XX", school.len());
    s
}

use common::region::{names, theme, write};

/// Adds an activity that is (or may be) an intervention.
fn intervention(
    s: &mut Session,
    level: usize,
    text: &str,
    name: &str,
    rating: Option<Recognition>,
    status: ActivityStatus,
    stop: bool,
) {
    let theme = theme(s, GL);
    let level = s.matrix.levels[level].id;
    let mut a = Activity::new(text, status, "GGD");
    a.intervention = name.into();
    a.recognition = rating;
    a.stop = stop;
    s.matrix.add_activity(theme, level, a).unwrap();
}

/// A (Alkmaar, po) runs Kanjertraining (E1), runs a drugs evening it marks to stop, asks for
/// Rots en Water (rated, no Databank name) and has an intervention typed as a person's name;
/// B (Heiloo, vo) runs Kanjertraining (E2) and the drugs evening; C has none.
fn interventions_region() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let mut a = session("De Regenboog", "Alkmaar", SchoolType::Po, date(2027, 3, 1), &[GL, GB]);
    let e1 = Some(Recognition::EersteAanwijzingen);
    intervention(
        &mut a,
        0,
        "Kanjer in de klas",
        "Kanjertraining",
        e1,
        ActivityStatus::Existing,
        false,
    );
    let ne = Some(Recognition::NietErkend);
    intervention(&mut a, 0, "Avond", "Drugsvoorlichting", ne, ActivityStatus::Existing, true);
    let go = Some(Recognition::GoedOnderbouwd);
    intervention(&mut a, 1, "Rots en Water", "", go, ActivityStatus::Needed, false);
    intervention(&mut a, 1, "Iets", PEOPLE[0], go, ActivityStatus::Existing, false);
    // Not an intervention: no name and no rating.
    intervention(&mut a, 2, "Gewoon overleg", "", None, ActivityStatus::Existing, false);
    write(dir.path(), "alkmaar/regenboog.json", &a);

    let mut b = session("Het Anker", "Heiloo", SchoolType::Vo, date(2027, 4, 1), &[GL]);
    let e2 = Some(Recognition::GoedeAanwijzingen);
    intervention(
        &mut b,
        0,
        "Kanjertraining",
        "Kanjertraining",
        e2,
        ActivityStatus::Existing,
        false,
    );
    intervention(&mut b, 2, "Avond", "Drugsvoorlichting", ne, ActivityStatus::Existing, false);
    write(dir.path(), "heiloo/anker.json", &b);

    let c = session("De Vlinder", "Heiloo", SchoolType::Po, date(2027, 5, 1), &[GB]);
    write(dir.path(), "heiloo/vlinder.json", &c);
    dir
}

#[test]
fn each_intervention_with_its_rating_where_it_runs_and_who_stops_it() {
    let dir = interventions_region();
    let scan = scan(dir.path(), Lang::Nl).unwrap();
    let o = overview(&scan.sessions, &Filter::default(), TODAY);
    let rows: Vec<&str> = o.interventions.iter().map(|r| r.name.as_str()).collect();
    // Most schools running it first, then by name; the person's name is left out, and an
    // activity without a Databank name or rating is no intervention.
    assert_eq!(rows, ["Drugsvoorlichting", "Kanjertraining", "Rots en Water"]);

    let kanjer = &o.interventions[1];
    // The strongest rating any school gives it.
    assert_eq!(kanjer.recognition, Some(Recognition::GoedeAanwijzingen));
    assert_eq!(names(&scan, &kanjer.runs), ["De Regenboog", "Het Anker"]);
    assert_eq!(kanjer.run_schools, 2);
    assert!(kanjer.asked.is_empty() && kanjer.stop.is_empty());
    assert_eq!(kanjer.by_gemeente, [("Alkmaar".to_owned(), 1), ("Heiloo".to_owned(), 1)]);
    assert_eq!(kanjer.by_type, [(Some(SchoolType::Po), 1), (Some(SchoolType::Vo), 1)]);

    let drugs = &o.interventions[0];
    assert_eq!(drugs.recognition, Some(Recognition::NietErkend));
    assert_eq!(names(&scan, &drugs.runs), ["De Regenboog", "Het Anker"]);
    assert_eq!(names(&scan, &drugs.stop), ["De Regenboog"]);

    // Named by its activity's text when the Databank name is missing; asked for, not run.
    let rots = &o.interventions[2];
    assert_eq!(rots.recognition, Some(Recognition::GoedOnderbouwd));
    assert!(rots.runs.is_empty());
    assert_eq!(names(&scan, &rots.asked), ["De Regenboog"]);
    assert!(rots.by_gemeente.is_empty(), "where it runs: nowhere yet");

    // A filter narrows the section too.
    let heiloo = Filter { gemeente: Some("Heiloo".into()), ..Filter::default() };
    let o = overview(&scan.sessions, &heiloo, TODAY);
    let rows: Vec<(&str, Option<Recognition>, usize)> =
        o.interventions.iter().map(|r| (r.name.as_str(), r.recognition, r.runs.len())).collect();
    assert_eq!(
        rows,
        [
            ("Drugsvoorlichting", Some(Recognition::NietErkend), 1),
            ("Kanjertraining", Some(Recognition::GoedeAanwijzingen), 1)
        ]
    );
    assert!(o.interventions.iter().all(|r| r.stop.is_empty()), "Het Anker stops nothing");
}

#[test]
fn the_interventions_section_opens_the_sessions_behind_a_row() {
    let dir = interventions_region();
    let scan = scan(dir.path(), Lang::Nl).unwrap();
    let mut v = OverzichtView::new(scan, Lang::Nl, TODAY);
    while v.section != Section::Interventions {
        v.update(Msg::FocusNext);
    }
    v.update(Msg::Down);
    v.update(Msg::Confirm);
    let behind = v.behind.clone().expect("the sessions behind Kanjertraining");
    assert_eq!(behind.title, "Kanjertraining");
    assert_eq!(names(&v.scan, &behind.sessions), ["De Regenboog", "Het Anker"]);
}

#[test]
fn the_exports_list_the_interventions() {
    let dir = interventions_region();
    let scan = scan(dir.path(), Lang::Nl).unwrap();
    let o = overview(&scan.sessions, &Filter::default(), TODAY);
    let report = Report {
        scan: &scan,
        overview: &o,
        filter: &Filter::default(),
        today: TODAY,
        lang: Lang::Nl,
    };
    let md = String::from_utf8(render(&report, Format::Md)).unwrap();
    assert!(md.contains("## Erkende interventies"), "{md}");
    assert!(
        md.contains("| Kanjertraining | effectief volgens goede aanwijzingen | 2 | 0 | 0 |"),
        "{md}"
    );
    assert!(md.contains("⊘ Stoppen: Scholen: De Regenboog"), "{md}");
    let csv = String::from_utf8(render(&report, Format::Csv)).unwrap();
    assert!(csv.contains("Erkende interventies;Drugsvoorlichting;niet erkend;2;0;2;"), "{csv}");
    let html = String::from_utf8(render(&report, Format::Html)).unwrap();
    assert!(html.contains("<h2 id=\"interventions\">Erkende interventies</h2>"));
    assert!(html.contains("<td>effectief volgens goede aanwijzingen</td>"));
    for text in [&md, &csv, &html] {
        for person in PEOPLE {
            assert!(!text.contains(person), "{person} appears:\n{text}");
        }
    }
}

fn figure(text: &str) -> Figure {
    Figure::parse(text).unwrap()
}

/// An indicator from `base` to `target`, with `now` as its new value when given.
fn indicator(name: &str, base: &str, target: &str, now: Option<&str>) -> Indicator {
    Indicator {
        name: name.into(),
        source: "Gezondheidsmonitor Jeugd".into(),
        baseline: Some(Baseline { value: figure(base), year: 2026 }),
        target: Some(Target { value: figure(target), by: date(2028, 7, 31) }),
        latest: now.map(|n| Baseline { value: figure(n), year: 2027 }),
    }
}

/// Two schools, each met in 2026 and again in 2027. De Regenboog: on Gezonde leefstijl one
/// indicator reached (aims lower: 14% → 9%, target 10%) and one closer (60% → 66%, target 70%),
/// on Gezond beweeggedrag one not moved (50% → 48%, target 60%). Het Anker: on Gezonde
/// leefstijl one not moved (20% → 20%, target 15%), one without a new value. De Vlinder met
/// once and has an ambition without a new value.
fn progress_region() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let mut a = session("De Regenboog", "Alkmaar", SchoolType::Po, date(2026, 3, 1), &[GL, GB]);
    let gl = theme(&a, GL);
    let gb = theme(&a, GB);
    let then =
        vec![indicator("Overgewicht", "14%", "10%", None), indicator("Sport", "60%", "70%", None)];
    a.set_ambition(gl, Some(Ambition::new(gl, "Gezonder", then).unwrap())).unwrap();
    let then = vec![indicator("Buitenspelen", "50%", "60%", None)];
    a.set_ambition(gb, Some(Ambition::new(gb, "Meer bewegen", then).unwrap())).unwrap();
    write(dir.path(), "alkmaar/regenboog-2026.json", &a);
    let mut a2 = a.follow_up(
        "Knooppunt De Regenboog 2027",
        "regenboog-2026.json",
        jiff::Timestamp::UNIX_EPOCH,
    );
    a2.meeting_date = Some(date(2027, 3, 1));
    let now = vec![
        indicator("Overgewicht", "14%", "10%", Some("9%")),
        indicator("Sport", "60%", "70%", Some("66%")),
    ];
    a2.set_ambition(gl, Some(Ambition::new(gl, "Gezonder", now).unwrap())).unwrap();
    let now = vec![indicator("Buitenspelen", "50%", "60%", Some("48%"))];
    a2.set_ambition(gb, Some(Ambition::new(gb, "Meer bewegen", now).unwrap())).unwrap();
    write(dir.path(), "alkmaar/regenboog-2027.json", &a2);

    let mut b = session("Het Anker", "Heiloo", SchoolType::Vo, date(2026, 4, 1), &[GL]);
    let then =
        vec![indicator("Roken", "20%", "15%", None), indicator("Ontbijt", "80%", "90%", None)];
    b.set_ambition(gl, Some(Ambition::new(gl, "Gezonder", then).unwrap())).unwrap();
    write(dir.path(), "heiloo/anker-2026.json", &b);
    let mut b2 =
        b.follow_up("Knooppunt Het Anker 2027", "anker-2026.json", jiff::Timestamp::UNIX_EPOCH);
    b2.meeting_date = Some(date(2027, 4, 1));
    let now = vec![
        indicator("Roken", "20%", "15%", Some("20%")),
        indicator("Ontbijt", "80%", "90%", None),
    ];
    b2.set_ambition(gl, Some(Ambition::new(gl, "Gezonder", now).unwrap())).unwrap();
    write(dir.path(), "heiloo/anker-2027.json", &b2);

    let mut c = session("De Vlinder", "Heiloo", SchoolType::Po, date(2027, 5, 1), &[GB]);
    let gb = theme(&c, GB);
    let then = vec![indicator("Buitenspelen", "50%", "60%", None)];
    c.set_ambition(gb, Some(Ambition::new(gb, "Meer bewegen", then).unwrap())).unwrap();
    write(dir.path(), "heiloo/vlinder.json", &c);
    dir
}

#[test]
fn indicators_per_school_and_per_theme_count_reached_closer_and_not() {
    let dir = progress_region();
    let scan = scan(dir.path(), Lang::Nl).unwrap();
    let o = overview(&scan.sessions, &Filter::default(), TODAY);
    let per_school = |school: &str| {
        let f = o.follow.iter().find(|f| f.school == school).expect(school);
        (f.reached, f.closer, f.not_yet)
    };
    assert_eq!(per_school("De Regenboog"), (1, 1, 1));
    assert_eq!(per_school("Het Anker"), (0, 0, 1));
    assert_eq!(per_school("De Vlinder"), (0, 0, 0), "a first meeting has no new values");

    // Per theme, from each school's latest session only (last year's sessions do not count
    // twice), the theme with the most indicators first.
    let rows: Vec<(&str, usize, usize, usize, Vec<String>)> = o
        .progress
        .iter()
        .map(|p| (p.theme.as_str(), p.reached, p.closer, p.not_yet, names(&scan, &p.sessions)))
        .collect();
    assert_eq!(
        rows,
        [
            (GL, 1, 1, 1, vec!["De Regenboog".to_owned(), "Het Anker".to_owned()]),
            (GB, 0, 0, 1, vec!["De Regenboog".to_owned()]),
        ]
    );

    // A filter narrows it.
    let heiloo = Filter { gemeente: Some("Heiloo".into()), ..Filter::default() };
    let o = overview(&scan.sessions, &heiloo, TODAY);
    let rows: Vec<(&str, usize, usize, usize)> =
        o.progress.iter().map(|p| (p.theme.as_str(), p.reached, p.closer, p.not_yet)).collect();
    assert_eq!(rows, [(GL, 0, 0, 1)]);

    // The exports say it per school and per theme.
    let o = overview(&scan.sessions, &Filter::default(), TODAY);
    let report = Report {
        scan: &scan,
        overview: &o,
        filter: &Filter::default(),
        today: TODAY,
        lang: Lang::Nl,
    };
    let md = String::from_utf8(render(&report, Format::Md)).unwrap();
    assert!(md.contains("| 1 ✓ · 1 ↗ · 1 ✗ |"), "{md}");
    assert!(md.contains("### Regionaal per thema"), "{md}");
    assert!(
        md.contains("| Gezonde leefstijl | Indicatoren: 1 bereikt · 1 op weg naar de streefwaarde · 1 niet |"),
        "{md}"
    );
    let csv = String::from_utf8(render(&report, Format::Csv)).unwrap();
    assert!(
        csv.contains("Indicatoren: 0 bereikt · 0 op weg naar de streefwaarde · 1 niet"),
        "{csv}"
    );
}

#[test]
fn the_second_year_example_session_counts_its_indicators() {
    let dir = tempfile::tempdir().unwrap();
    let example =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("sessions/voorbeeld-basisschool-2027.json");
    std::fs::copy(&example, dir.path().join("voorbeeld-basisschool-2027.json")).unwrap();
    let scan = scan(dir.path(), Lang::Nl).unwrap();
    assert_eq!(scan.sessions.len(), 1, "{:?}", scan.unread);
    let s = &scan.sessions[0];
    assert!(s.follow_up);
    let o = overview(&scan.sessions, &Filter::default(), TODAY);
    // Sport or culture 62% → 69% (target 75%): closer; parents who know the schemes 40% →
    // 63% (target 60%): reached; overgewicht 14% → 14,5% (target 10%): not; feeling safe has
    // no new value.
    let f = &o.follow[0];
    assert_eq!((f.reached, f.closer, f.not_yet), (1, 1, 1));
    let total: usize = o.progress.iter().map(|p| p.reached + p.closer + p.not_yet).sum();
    assert_eq!(total, 3);
    // Its Kanjertraining is listed with the Databank's rating.
    let kanjer =
        o.interventions.iter().find(|r| r.name == "Kanjertraining").expect("Kanjertraining");
    assert_eq!(kanjer.recognition, Some(Recognition::GoedeAanwijzingen));
    assert_eq!(kanjer.runs.len(), 1);
}

#[test]
fn generated_regions_exercise_interventions_and_indicators() {
    let dir = tempfile::tempdir().unwrap();
    knoop::overzicht::generate::write_region(dir.path(), 24).unwrap();
    let scan = scan(dir.path(), Lang::Nl).unwrap();
    assert!(scan.unread.is_empty(), "{:?}", scan.unread);
    let o =
        overview(&scan.sessions, &Filter::default(), knoop::overzicht::generate::reference_day());
    assert!(o.interventions.len() >= 4, "{:?}", o.interventions);
    assert!(o.interventions.iter().any(|r| !r.stop.is_empty()), "some school stops one");
    assert!(o.interventions.iter().all(|r| r.recognition.is_some()));
    let follow_ups = scan.sessions.iter().filter(|s| s.follow_up).count();
    assert_eq!(follow_ups, 4);
    let with_values = o.follow.iter().filter(|f| f.reached + f.closer + f.not_yet > 0).count();
    assert_eq!(with_values, follow_ups, "every second-year school has indicators with new values");
    assert!(!o.progress.is_empty());
}

#[test]
fn a_school_with_a_follow_up_counts_once_where_an_intervention_runs() {
    let dir = interventions_region();
    let a = knoop::store::load(&dir.path().join("alkmaar/regenboog.json")).unwrap();
    let mut a2 =
        a.follow_up("Knooppunt De Regenboog 2028", "regenboog.json", jiff::Timestamp::UNIX_EPOCH);
    a2.meeting_date = Some(date(2027, 11, 1));
    write(dir.path(), "alkmaar/regenboog-2028.json", &a2);
    let scan = scan(dir.path(), Lang::Nl).unwrap();
    let o = overview(&scan.sessions, &Filter::default(), TODAY);
    let kanjer = o.interventions.iter().find(|r| r.name == "Kanjertraining").unwrap();
    assert_eq!((kanjer.runs.len(), kanjer.run_schools), (3, 2));
}
