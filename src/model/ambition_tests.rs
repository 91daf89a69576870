//! Unit tests of `ambition`, kept beside it so the module itself stays short.

use super::*;

fn today() -> Date {
    Date::new(2026, 11, 12).unwrap()
}

#[test]
fn figures_are_read_as_people_type_them() {
    let f = Figure::parse("14%").unwrap();
    assert_eq!((f.hundredths, f.unit.as_str(), f.to_string()), (1400, "%", "14%".into()));
    let f = Figure::parse(" 3,5 per klas ").unwrap();
    assert_eq!((f.hundredths, f.unit.as_str()), (350, "per klas"));
    assert_eq!(f.text(false), "3.5 per klas");
    assert_eq!(Figure::parse("12.25").unwrap().hundredths, 1225);
    assert_eq!(Figure::parse("-2").unwrap().to_string(), "-2");
    assert_eq!(Figure::parse("0,05").unwrap().to_string(), "0,05");
    assert_eq!(Figure::parse("veel"), Err(AmbitionError::NotANumber));
    assert_eq!(Figure::parse("1,234"), Err(AmbitionError::NotANumber));
    assert_eq!(Figure::parse(""), Err(AmbitionError::NotANumber));
    assert_eq!(Figure::parse("99999999999999999999"), Err(AmbitionError::NotANumber));
}

#[test]
fn an_indicator_needs_a_name_whole_figures_and_a_target_after_its_baseline() {
    let ok = Indicator::from_typed(
        ["Overgewicht groep 8", "GMJ", "14%", "2023", "10%", "31-07-2028"],
        today(),
    )
    .unwrap();
    assert_eq!(ok.baseline.as_ref().map(|b| (b.value.hundredths, b.year)), Some((1400, 2023)));
    assert_eq!(ok.target.as_ref().map(|t| t.by), Some(Date::new(2028, 7, 31).unwrap()));
    assert_eq!(ok.aims_lower(), Some(true));
    let year = Indicator::from_typed(["Meedoen", "", "", "", "80%", "2027"], today()).unwrap();
    assert_eq!(year.target.map(|t| t.by), Some(Date::new(2027, 12, 31).unwrap()));
    let check = |fields| Indicator::from_typed(fields, today()).unwrap_err();
    assert_eq!(check(["", "GMJ", "14%", "2023", "", ""]), AmbitionError::NoName);
    assert_eq!(check(["X", "", "14%", "", "", ""]), AmbitionError::Incomplete);
    assert_eq!(check(["X", "", "", "", "", "2027"]), AmbitionError::Incomplete);
    assert_eq!(check(["X", "", "14%", "23", "", ""]), AmbitionError::BadYear);
    assert_eq!(check(["X", "", "veel", "2023", "", ""]), AmbitionError::NotANumber);
    assert_eq!(check(["X", "", "", "", "10%", "ooit"]), AmbitionError::BadDate);
    assert_eq!(
        check(["X", "", "14%", "2023", "10%", "01-01-2022"]),
        AmbitionError::TargetBeforeBaseline
    );
}

#[test]
fn a_new_value_is_measured_against_baseline_and_target_in_either_direction() {
    let mut lower =
        Indicator::from_typed(["X", "", "14%", "2023", "10%", "2027"], today()).unwrap();
    assert_eq!(lower.progress(), None, "no new value yet");
    for (now, want) in
        [("9%", Progress::Reached), ("12%", Progress::Closer), ("15%", Progress::NotYet)]
    {
        lower.latest = Indicator::latest_from_typed(now, "2026").unwrap();
        assert_eq!(lower.progress(), Some(want), "{now}");
    }
    let mut higher =
        Indicator::from_typed(["Y", "", "55%", "2025", "70%", "2027"], today()).unwrap();
    higher.latest = Indicator::latest_from_typed("60%", "2026").unwrap();
    assert_eq!(higher.progress(), Some(Progress::Closer));
    assert_eq!(Indicator::latest_from_typed("60%", ""), Err(AmbitionError::Incomplete));
    assert_eq!(Indicator::latest_from_typed("60%", "26"), Err(AmbitionError::BadYear));
    assert_eq!(Indicator::latest_from_typed("", ""), Ok(None));
}

#[test]
fn an_ambition_has_an_outcome_and_at_most_three_indicators() {
    let i = Indicator {
        name: "X".into(),
        source: String::new(),
        baseline: None,
        target: None,
        latest: None,
    };
    assert_eq!(Ambition::new(ThemeId(1), "  ", vec![]), Err(AmbitionError::NoOutcome));
    assert_eq!(
        Ambition::new(ThemeId(1), "Minder", vec![i.clone(); 4]),
        Err(AmbitionError::TooManyIndicators)
    );
    let a = Ambition::new(ThemeId(1), " Minder overgewicht ", vec![i; 3]).unwrap();
    assert_eq!(a.outcome, "Minder overgewicht");
}

#[test]
fn a_session_keeps_one_ambition_per_theme_and_never_for_the_basis_row() {
    use crate::model::{RuleKind, Session, SessionError, template};
    let mut s = Session::new(
        "T",
        template::by_key("preventiematrix").unwrap(),
        jiff::Timestamp::UNIX_EPOCH,
    );
    let a = |text: &str| Ambition::new(ThemeId(99), text, vec![]).unwrap();
    s.set_ambition(ThemeId(1), Some(a("Eerst"))).unwrap();
    s.set_ambition(ThemeId(1), Some(a("Beter"))).unwrap();
    assert_eq!(s.ambitions.len(), 1);
    assert_eq!(
        s.ambition(ThemeId(1)).map(|a| (a.theme, a.outcome.as_str())),
        Some((ThemeId(1), "Beter"))
    );
    let basis = s.matrix.themes.iter().find(|t| t.basis).unwrap().id;
    assert_eq!(s.set_ambition(basis, Some(a("X"))), Err(SessionError::BasisHasNoAmbition));
    assert!(s.set_ambition(ThemeId(999), Some(a("X"))).is_err());
    assert_eq!(s.validate(), Ok(()));
    // A file may say anything: a second ambition for a theme, or one for the basis row.
    let mut twice = s.clone();
    let copy = twice.ambitions[0].clone();
    twice.ambitions.push(copy);
    assert_eq!(twice.validate().unwrap_err().kind, RuleKind::DuplicateId(1));
    let mut on_basis = s.clone();
    on_basis.ambitions[0].theme = basis;
    assert_eq!(on_basis.validate().unwrap_err().kind, RuleKind::UnknownTheme(basis));
    let mut many = s.clone();
    many.ambitions[0].indicators = vec![
        Indicator {
            name: "X".into(),
            source: String::new(),
            baseline: None,
            target: None,
            latest: None,
        };
        4
    ];
    assert_eq!(many.validate().unwrap_err().kind, RuleKind::TooManyIndicators);
    // Removing the theme removes its ambition; None removes it too.
    s.remove_theme(ThemeId(1), true).unwrap();
    assert!(s.ambitions.is_empty());
}
