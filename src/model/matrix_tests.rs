//! Unit tests of `matrix`, kept beside it so the module itself stays short.

use super::*;
use crate::model::{Recognition, Setting};

#[test]
fn recognition_levels_cycle_and_count_only_existing_activities_not_being_stopped() {
    assert_eq!(Recognition::next(None), Some(Recognition::NietErkend));
    assert_eq!(Recognition::next(Some(Recognition::SterkeAanwijzingen)), None);
    assert!(!Recognition::NietErkend.recognised() && Recognition::GoedOnderbouwd.recognised());
    assert_eq!(Recognition::ALL.map(Recognition::marker), ["NE", "GO", "E1", "E2", "E3"]);
    assert_eq!(Setting::next(Some(Setting::Online)), None);
    let mut theme = Theme::new(ThemeId(1), "", "T", "");
    let mut act = |status, rec: Option<Recognition>, stop| {
        let mut a = Activity::new("x", status, "");
        (a.recognition, a.stop) = (rec, stop);
        theme.cells.entry(LevelId(1)).or_default().push(a);
    };
    act(ActivityStatus::Existing, Some(Recognition::GoedeAanwijzingen), false);
    act(ActivityStatus::Existing, Some(Recognition::NietErkend), false);
    act(ActivityStatus::Existing, None, false);
    act(ActivityStatus::Existing, Some(Recognition::NietErkend), true);
    act(ActivityStatus::Needed, Some(Recognition::SterkeAanwijzingen), false);
    assert_eq!(theme.recognised(), (1, 2, 3), "1 recognised, 2 looked up, 3 existing");
}

#[test]
fn an_activity_from_an_old_file_says_nothing_about_what_it_is_and_writes_nothing_new() {
    let old: Activity = serde_json::from_str(
        r#"{"text":"Kanjertraining","status":"existing","provider":"School"}"#,
    )
    .unwrap();
    assert_eq!(old, Activity::new("Kanjertraining", ActivityStatus::Existing, "School"));
    assert_eq!(
        serde_json::to_string(&old).unwrap(),
        r#"{"text":"Kanjertraining","status":"existing","provider":"School"}"#
    );
    let mut new = old.clone();
    (new.recognition, new.setting, new.stop) =
        (Some(Recognition::EersteAanwijzingen), Some(Setting::Wijk), true);
    let text = serde_json::to_string(&new).unwrap();
    assert!(text.contains(r#""recognition":"eerste_aanwijzingen""#), "{text}");
    assert_eq!(serde_json::from_str::<Activity>(&text).unwrap(), new);
}

fn activity(text: &str, status: ActivityStatus) -> Activity {
    Activity::new(text, status, "JGZ")
}

fn small() -> (Matrix, ThemeId, ThemeId, LevelId, LevelId) {
    let mut m = Matrix::default();
    let u = m.add_level("Universeel", "basis");
    let s = m.add_level("Selectief", "extra");
    let a = m.add_theme("Gezond", "Gezonde leefstijl", "Overgewicht");
    let b = m.add_theme("Veilig", "Veilige school", "Onveilig schoolklimaat");
    (m, a, b, u, s)
}

#[test]
fn a_cell_is_a_gap_until_an_existing_activity_lands() {
    let (mut m, a, _, u, _) = small();
    assert!(m.is_gap(a, u));
    m.add_activity(a, u, activity("Watertappunt", ActivityStatus::Needed)).unwrap();
    assert!(m.is_gap(a, u), "a needed activity does not fill a gap");
    m.add_activity(a, u, activity("Gezonde kantine", ActivityStatus::Existing)).unwrap();
    assert!(!m.is_gap(a, u));
}

#[test]
fn gaps_and_coverage_count_rows_and_columns() {
    let (mut m, a, b, u, s) = small();
    m.add_activity(a, u, activity("Gezonde kantine", ActivityStatus::Existing)).unwrap();
    m.add_activity(b, s, activity("Anti-pestcoach", ActivityStatus::Needed)).unwrap();
    assert_eq!(m.gaps(&[a, b]), vec![(a, s), (b, u), (b, s)]);
    assert_eq!(m.row_coverage(a), Coverage { covered: 1, total: 2 });
    assert_eq!(m.row_coverage(b).gaps(), 2);
    assert_eq!(m.column_coverage(u, &[a, b]), Coverage { covered: 1, total: 2 });
    assert_eq!(m.column_coverage(s, &[a, b]).covered, 0);
}

#[test]
fn removing_a_row_with_activities_must_be_explicit() {
    let (mut m, a, b, u, _) = small();
    m.add_activity(a, u, activity("Gezonde kantine", ActivityStatus::Existing)).unwrap();
    assert_eq!(m.remove_theme(a, false), Err(MatrixError::HoldsActivities { activities: 1 }));
    assert_eq!(m.themes.len(), 2);
    assert_eq!(m.remove_theme(b, false).unwrap().id, b, "an empty row just goes");
    assert_eq!(m.remove_theme(a, true).unwrap().id, a);
    assert!(m.themes.is_empty());
}

#[test]
fn removing_a_column_with_activities_must_be_explicit_and_clears_its_cells() {
    let (mut m, a, _, u, s) = small();
    m.add_activity(a, u, activity("Gezonde kantine", ActivityStatus::Existing)).unwrap();
    assert!(matches!(
        m.remove_level(u, false),
        Err(MatrixError::HoldsActivities { activities: 1 })
    ));
    m.remove_level(s, false).unwrap();
    m.remove_level(u, true).unwrap();
    assert!(m.levels.is_empty());
    assert_eq!(m.theme(a).unwrap().activity_count(), 0);
}

#[test]
fn rows_and_columns_can_be_renamed_and_reordered() {
    let (mut m, a, b, u, s) = small();
    m.move_theme(1, 0).unwrap();
    assert_eq!(m.themes.iter().map(|t| t.id).collect::<Vec<_>>(), vec![b, a]);
    m.move_level(0, 1).unwrap();
    assert_eq!(m.levels.iter().map(|l| l.id).collect::<Vec<_>>(), vec![s, u]);
    assert_eq!(m.move_level(0, 2), Err(MatrixError::OutOfRange));
    m.rename_level(u, "Basis", "").unwrap();
    assert_eq!(m.level(u).unwrap().name, "Basis");
    m.theme_mut(a).unwrap().desired = "Gezond gewicht".into();
    assert_eq!(m.theme(a).unwrap().label(), "Gezond gewicht → Overgewicht");
}

#[test]
fn new_themes_go_above_the_basis_row_with_a_fresh_id() {
    let (mut m, a, _, _, _) = small();
    let basis = m.add_theme("", "De basis", "");
    m.theme_mut(basis).unwrap().basis = true;
    let own = m.add_theme("Kansrijk", "Eigen thema", "Eigen probleem");
    assert_eq!(m.themes.last().unwrap().id, basis);
    assert_eq!(m.themes[2].id, own);
    m.remove_theme(own, false).unwrap();
    let again = m.add_theme("", "Nog een", "");
    let ids: std::collections::BTreeSet<_> = m.themes.iter().map(|t| t.id).collect();
    assert_eq!(ids.len(), m.themes.len(), "ids stay unique");
    assert!(again != a && again != basis);
}

#[test]
fn activities_move_within_their_cell() {
    let (mut m, a, _, u, _) = small();
    for text in ["een", "twee", "drie"] {
        m.add_activity(a, u, activity(text, ActivityStatus::Existing)).unwrap();
    }
    m.move_activity(a, u, 2, 0).unwrap();
    let texts: Vec<_> = m.theme(a).unwrap().activities(u).iter().map(|x| x.text.as_str()).collect();
    assert_eq!(texts, ["drie", "een", "twee"]);
    assert_eq!(m.move_activity(a, u, 0, 3), Err(MatrixError::OutOfRange));
}

#[test]
fn providers_are_one_whatever_their_case() {
    let (mut m, a, b, u, s) = small();
    let with = |p: &str| Activity::new("x", ActivityStatus::Existing, p);
    m.add_activity(a, u, with("JGZ")).unwrap();
    m.add_activity(b, s, with("jgz ")).unwrap();
    m.add_activity(b, u, with("School")).unwrap();
    m.add_activity(a, s, with("")).unwrap();
    assert_eq!(m.providers(), ["JGZ", "School"]);
}

#[test]
fn removing_the_last_activity_empties_the_cell() {
    let (mut m, a, _, u, _) = small();
    m.add_activity(a, u, activity("x", ActivityStatus::Existing)).unwrap();
    assert_eq!(m.remove_activity(a, u, 1), Err(MatrixError::OutOfRange));
    m.remove_activity(a, u, 0).unwrap();
    assert!(m.theme(a).unwrap().cells.is_empty());
    assert!(m.add_activity(a, LevelId(99), activity("x", ActivityStatus::Needed)).is_err());
}
