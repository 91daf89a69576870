//! Hand-made region folders for the overview tests: a closed top 3 in a session of a known
//! school, written where the scan will find it.

use std::path::{Path, PathBuf};

use jiff::civil::Date;
use knoop::model::{Role, SchoolType, Session, ThemeId, Voter, template};

/// The template theme whose desired situation is `desired`.
pub fn theme(s: &Session, desired: &str) -> ThemeId {
    s.matrix.themes.iter().find(|t| t.desired == desired).expect("a template theme").id
}

/// A session of `school` in `gemeente` (type, day, wijk "Centrum"), with `people` at the table
/// each giving a dot to every theme of `focus`, which is its closed top 3.
pub fn session(
    school: &str,
    gemeente: &str,
    kind: SchoolType,
    day: Date,
    focus: &[&str],
    people: &[&str],
) -> Session {
    let mut s = Session::new(
        &format!("Knooppunt {school}"),
        &template::PREVENTIEMATRIX,
        jiff::Timestamp::UNIX_EPOCH,
    );
    s.meeting_date = Some(day);
    s.details.school = school.into();
    s.details.gemeente = gemeente.into();
    s.details.wijk = "Centrum".into();
    s.details.school_type = Some(kind);
    let ids: Vec<_> =
        people.iter().map(|p| s.add_participant(p, "School", Role::Structural)).collect();
    let themes: Vec<_> = focus.iter().map(|f| theme(&s, f)).collect();
    let round = s.start_round("Top 3", s.votable_themes(), focus.len() as u32);
    for &id in &ids {
        for &t in &themes {
            s.add_dot(round, Voter::Participant(id), t).unwrap();
        }
    }
    s.rounds.iter_mut().find(|r| r.id == round).unwrap().close().unwrap();
    assert_eq!(s.focus_themes(), themes);
    s
}

/// Saves `s` as `name` (subfolders made) under `dir`.
pub fn write(dir: &Path, name: &str, s: &Session) -> PathBuf {
    let path = dir.join(name);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    knoop::store::save(&path, s).unwrap();
    path
}

/// The schools of the scanned sessions at `list`, sorted.
pub fn names(scan: &knoop::overzicht::Scan, list: &[usize]) -> Vec<String> {
    let mut v: Vec<String> = list.iter().map(|&i| scan.sessions[i].school.clone()).collect();
    v.sort();
    v
}
