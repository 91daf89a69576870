//! Session files as a facilitator meets them: the example, broken files, locks.

use std::fs;
use std::path::{Path, PathBuf};

use knoop::i18n::Lang;
use knoop::model::{ParticipantId, RuleKind, Session, VoteError};
use knoop::store::{self, Access, LoadError};

mod common;
use common::EXAMPLE;

fn example() -> Session {
    store::load(Path::new(EXAMPLE)).expect("the example session loads")
}

/// A copy of the example in a fresh folder, with its text changed by `edit`.
fn broken_copy(edit: impl FnOnce(String) -> String) -> (tempfile::TempDir, PathBuf, Vec<u8>) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("kapot.json");
    let text = edit(fs::read_to_string(EXAMPLE).unwrap());
    fs::write(&path, &text).unwrap();
    (dir, path, text.into_bytes())
}

#[test]
fn the_example_round_trips_to_the_same_session_and_the_same_bytes() {
    let original = example();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("kopie.json");
    store::save(&path, &original).unwrap();
    assert_eq!(store::load(&path).unwrap(), original);
    assert_eq!(
        fs::read(&path).unwrap(),
        fs::read(EXAMPLE).unwrap(),
        "stable field order and layout"
    );
}

#[test]
fn the_example_is_a_realistic_knooppunt() {
    let s = example();
    assert_eq!(s.participants.len(), 8);
    assert_eq!(s.rounds.len(), 2);
    assert!(s.rounds.iter().all(|r| !r.is_open()));
    let focus = s.focus_themes();
    assert_eq!(focus.len(), 3);
    let gaps = s.matrix.gaps(&focus);
    assert!(gaps.len() >= 2, "the matrix shows gaps: {gaps:?}");
    assert_eq!(s.actions.len(), 6);
    assert!(s.actions.iter().all(|a| a.owner.is_some() && a.due.is_some()));
    assert_eq!(s.agreements.len(), 3);
}

#[test]
fn saving_over_keeps_a_backup_of_the_previous_version() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("s.json");
    let mut s = example();
    store::save(&path, &s).unwrap();
    let first = fs::read(&path).unwrap();
    s.notes = "Nieuwe notitie".into();
    store::save(&path, &s).unwrap();
    assert_eq!(fs::read(store::backup_path(&path)).unwrap(), first);
    assert_eq!(store::load(&path).unwrap().notes, "Nieuwe notitie");
}

fn assert_refused(path: &Path, before: &[u8], err: &LoadError, expect: &[&str]) {
    assert_eq!(fs::read(path).unwrap(), before, "a refused file is never changed");
    let message = err.message(Lang::Nl);
    assert!(message.contains(&path.display().to_string()), "{message}");
    assert!(message.contains("niet gewijzigd"), "{message}");
    for part in expect {
        assert!(message.contains(part), "expected {part:?} in: {message}");
    }
}

#[test]
fn invalid_json_is_refused_with_line_and_column() {
    let (_dir, path, before) = broken_copy(|t| t.replacen("\"title\": ", "\"title\" ", 1));
    let err = store::load(&path).unwrap_err();
    assert!(matches!(err, LoadError::Syntax { truncated: false, .. }), "{err:?}");
    assert_refused(&path, &before, &err, &["geen geldig JSON", "regel 5, kolom"]);
}

#[test]
fn a_truncated_file_is_refused_as_cut_off() {
    let (_dir, path, before) = broken_copy(|t| t[..t.len() / 2].to_owned());
    let err = store::load(&path).unwrap_err();
    assert!(matches!(err, LoadError::Syntax { truncated: true, .. }), "{err:?}");
    assert_refused(&path, &before, &err, &["houdt te vroeg op", "afgebroken"]);
}

#[test]
fn a_wrong_field_type_names_the_field_line_and_column() {
    let (_dir, path, before) =
        broken_copy(|t| t.replacen("\"present\": true", "\"present\": \"ja\"", 1));
    let err = store::load(&path).unwrap_err();
    match &err {
        LoadError::InvalidField { field, at, .. } => {
            assert_eq!(field, "session.participants[0].present");
            assert!(at.is_some());
        }
        other => panic!("expected a field error, got {other:?}"),
    }
    assert_refused(&path, &before, &err, &["session.participants[0].present", "regel"]);
}

#[test]
fn an_action_owned_by_an_unknown_participant_is_refused_at_its_field() {
    let (_dir, path, before) = broken_copy(|t| t.replacen("\"owner\": 3,", "\"owner\": 42,", 1));
    let err = store::load(&path).unwrap_err();
    match &err {
        LoadError::Rule { field, kind, at, .. } => {
            assert_eq!(field, "session.actions[0].owner");
            assert_eq!(*kind, RuleKind::UnknownParticipant(ParticipantId(42)));
            let at = at.expect("the owner field is found in the text");
            let line =
                fs::read_to_string(&path).unwrap().lines().nth(at.line - 1).unwrap().to_owned();
            assert!(line.contains("\"owner\": 42"), "points at {line:?}");
        }
        other => panic!("expected a rule error, got {other:?}"),
    }
    assert_refused(
        &path,
        &before,
        &err,
        &["deelnemer 42 bestaat niet", "session.actions[0].owner"],
    );
}

#[test]
fn a_ballot_over_budget_is_refused() {
    // The first ballot of the top-3 round gets a fourth dot.
    let (_dir, path, before) = broken_copy(|t| {
        let round = t.find("\"name\": \"Top 3\"").unwrap();
        let dots = round + t[round..].find("\"dots\": {").unwrap() + "\"dots\": {".len();
        format!("{}\n \"2\": 1,{}", &t[..dots], &t[dots..])
    });
    let err = store::load(&path).unwrap_err();
    match &err {
        LoadError::Rule { kind, field, .. } => {
            assert_eq!(*kind, RuleKind::Vote(VoteError::OverBudget { budget: 3 }));
            assert_eq!(field, "session.rounds[1].ballots[0].dots");
        }
        other => panic!("expected a rule error, got {other:?}"),
    }
    assert_refused(&path, &before, &err, &["stippen"]);
}

#[test]
fn a_file_from_a_newer_knoop_is_refused_as_such() {
    let (_dir, path, before) = broken_copy(|t| t.replacen("\"version\": 1", "\"version\": 7", 1));
    let err = store::load(&path).unwrap_err();
    assert!(matches!(err, LoadError::TooNew { version: 7, supported: 1, .. }));
    assert_eq!(fs::read(&path).unwrap(), before);
    assert!(err.message(Lang::Nl).contains("nieuwere knoop"));
    assert!(err.message(Lang::En).contains("newer knoop"));
}

#[test]
fn other_json_is_not_a_session() {
    let (_dir, path, _) = broken_copy(|_| "{\"naam\": \"boodschappen\"}".into());
    assert!(matches!(store::load(&path), Err(LoadError::NotKnoop { .. })));
    let (_dir, path, _) = broken_copy(|t| t.replacen("\"version\": 1", "\"version\": \"een\"", 1));
    assert!(matches!(store::load(&path), Err(LoadError::BadVersion { .. })));
}

#[test]
fn a_missing_file_says_so() {
    let err = store::load(Path::new("/geen/map/sessie.json")).unwrap_err();
    assert!(err.message(Lang::Nl).contains("bestaat niet"));
}

#[test]
fn a_second_window_opens_read_only_and_is_told_who_has_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("s.json");
    store::save(&path, &example()).unwrap();
    let now = "2026-11-23T10:00:00Z".parse().unwrap();
    let first = store::open(&path, now).unwrap();
    assert!(matches!(first.access, Access::Editable(_)));
    let second = store::open(&path, now).unwrap();
    match &second.access {
        Access::ReadOnly(Some(holder)) => {
            assert_eq!(holder.pid, std::process::id());
            assert_eq!(holder.since, now);
        }
        other => panic!("expected read-only, got {other:?}"),
    }
    drop(first);
    let third = store::open(&path, now).unwrap();
    assert!(matches!(third.access, Access::Editable(_)), "closing the first frees the session");
}

#[test]
fn creating_sessions_never_clobbers_another() {
    let dir = tempfile::tempdir().unwrap();
    let s = example();
    let a = store::create(dir.path(), &s).unwrap();
    let b = store::create(dir.path(), &s).unwrap();
    assert_ne!(a, b);
    assert_eq!(a.file_name().unwrap(), "knooppunt-obs-de-regenboog-najaar-2026.json");
    assert_eq!(b.file_name().unwrap(), "knooppunt-obs-de-regenboog-najaar-2026-2.json");
    let listed = store::list(dir.path()).unwrap();
    assert_eq!(listed.len(), 2);
    assert!(listed.iter().all(|l| l.session.is_ok()));
}
