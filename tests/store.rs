//! Session files as a facilitator meets them: the example, broken files, locks.

use std::fs;
use std::path::{Path, PathBuf};

use knoop::i18n::Lang;
use knoop::model::{ParticipantId, RuleKind, Session, VoteError};
use knoop::store::faults::{self, At, Errno};
use knoop::store::{self, Access, LoadError, LockInfo, ReadOnlyReason, SaveError, SaveStep};

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
        Access::ReadOnly(ReadOnlyReason::HeldElsewhere(Some(holder))) => {
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

fn now() -> jiff::Timestamp {
    "2026-11-23T10:00:00Z".parse().unwrap()
}

/// Whether permissions stop this process (not when running as root).
#[cfg(unix)]
fn permissions_bind(dir: &Path) -> bool {
    use std::os::unix::fs::PermissionsExt;
    let probe = dir.join("probe");
    fs::create_dir(&probe).unwrap();
    fs::set_permissions(&probe, fs::Permissions::from_mode(0o500)).unwrap();
    let bound = fs::write(probe.join("x"), "").is_err();
    fs::set_permissions(&probe, fs::Permissions::from_mode(0o700)).unwrap();
    let _ = fs::remove_file(probe.join("x"));
    fs::remove_dir(&probe).unwrap();
    bound
}

#[cfg(unix)]
/// `path` spelled relative to the current folder, with as many `..` as needed.
fn relative_to_cwd(path: &Path) -> PathBuf {
    let cwd = std::env::current_dir().unwrap().canonicalize().unwrap();
    let mut rel = PathBuf::new();
    for _ in cwd.components().skip(1) {
        rel.push("..");
    }
    rel.join(path.strip_prefix("/").unwrap())
}

#[cfg(unix)]
#[test]
fn every_spelling_of_a_session_meets_the_same_lock_and_saves_reach_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let real = dir.path().canonicalize().unwrap();
    fs::create_dir(real.join("sub")).unwrap();
    let path = real.join("s.json");
    store::save(&path, &example()).unwrap();
    let link = real.join("link.json");
    std::os::unix::fs::symlink("s.json", &link).unwrap();

    let first = store::open(&link, now()).unwrap();
    assert!(matches!(first.access, Access::Editable(_)));
    assert_eq!(first.path, path, "opened by its canonical path");
    assert!(store::lock_path(&path).exists());
    assert!(!store::lock_path(&link).exists(), "no second lock beside the link");
    for spelling in [path.clone(), real.join("sub/../s.json"), relative_to_cwd(&path)] {
        let second = store::open(&spelling, now()).unwrap();
        match &second.access {
            Access::ReadOnly(ReadOnlyReason::HeldElsewhere(Some(holder))) => {
                assert_eq!(holder.pid, std::process::id(), "{}", spelling.display());
            }
            other => panic!("{}: expected read-only, got {other:?}", spelling.display()),
        }
    }

    // Saving through the link writes the file and leaves the link a link.
    let mut changed = example();
    changed.notes = "Via de link".into();
    store::save(&link, &changed).unwrap();
    assert!(fs::symlink_metadata(&link).unwrap().file_type().is_symlink());
    assert_eq!(store::load(&path).unwrap().notes, "Via de link");
    assert!(store::backup_path(&path).exists(), "the backup sits beside the file");
    drop(first);
    assert!(!store::lock_path(&path).exists());
}

#[cfg(unix)]
#[test]
fn a_file_marked_read_only_opens_read_only_with_the_reason() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("s.json");
    store::save(&path, &example()).unwrap();
    fs::set_permissions(&path, fs::Permissions::from_mode(0o444)).unwrap();
    let opened = store::open(&path, now()).unwrap();
    let why = opened.access.read_only().expect("read-only");
    assert!(matches!(why, ReadOnlyReason::FileNotWritable), "{why:?}");
    assert_eq!(why.reason(Lang::Nl), "bestand is alleen-lezen");
    let message = why.message(Lang::Nl, &path);
    assert!(message.contains("alleen-lezen") && message.contains("andere naam"), "{message}");
    assert!(!store::lock_path(&path).exists(), "no lock is kept on a read-only session");
    assert_eq!(opened.session, example());
}

#[cfg(unix)]
#[test]
fn a_folder_that_cannot_be_written_opens_read_only_with_the_reason() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("s.json");
    store::save(&path, &example()).unwrap();
    let real_permissions = permissions_bind(dir.path());
    fs::set_permissions(dir.path(), fs::Permissions::from_mode(0o555)).unwrap();
    // As root permissions do not stop writes; the fault seam gives the same failure.
    let _fault = (!real_permissions)
        .then(|| faults::inject(dir.path(), At::AnyWrite, Errno::PermissionDenied));
    let opened = store::open(&path, now());
    let save = store::save(&path, &example());
    fs::set_permissions(dir.path(), fs::Permissions::from_mode(0o755)).unwrap();
    let opened = opened.expect("a session in a read-only folder still opens");
    let why = opened.access.read_only().expect("read-only");
    assert!(matches!(why, ReadOnlyReason::FolderNotWritable(_)), "{why:?}");
    assert_eq!(why.reason(Lang::Nl), "geen schrijfrechten");
    assert_eq!(why.reason(Lang::En), "no permission to write");
    assert!(why.message(Lang::Nl, &path).contains("kan niet schrijven in de map"));
    let err = save.unwrap_err();
    assert_eq!(err.reason(Lang::Nl), "geen schrijfrechten");
    assert_eq!(opened.session, example());
}

#[test]
fn a_read_only_disk_opens_read_only_and_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("s.json");
    store::save(&path, &example()).unwrap();
    let _fault = faults::inject(dir.path(), At::Lock, Errno::ReadOnlyFs);
    let opened = store::open(&path, now()).unwrap();
    let why = opened.access.read_only().expect("read-only");
    assert_eq!(why.reason(Lang::Nl), "alleen-lezen schijf");
    assert!(why.detail().unwrap().contains("os error 30"), "{:?}", why.detail());
}

#[test]
fn a_stale_lock_taken_over_says_who_and_since_when() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("s.json");
    store::save(&path, &example()).unwrap();
    let crashed = LockInfo {
        user: "anna".into(),
        host: "laptop-3".into(),
        pid: 4242,
        since: "2026-11-23T09:00:00Z".parse().unwrap(),
    };
    fs::write(store::lock_path(&path), serde_json::to_vec(&crashed).unwrap()).unwrap();
    let opened = store::open(&path, now()).unwrap();
    assert!(matches!(opened.access, Access::Editable(_)));
    assert_eq!(opened.took_over.as_ref(), Some(&crashed));
    let told = opened.took_over_message(Lang::Nl).unwrap();
    assert!(told.contains("anna op laptop-3 (proces 4242) sinds"), "{told}");
    assert!(told.contains("23 nov 2026"), "{told}");
}

#[test]
fn a_lock_without_a_user_name_names_the_computer() {
    let holder = |user: &str, host: &str| LockInfo {
        user: user.into(),
        host: host.into(),
        pid: 7,
        since: now(),
    };
    let text = |h: &LockInfo, lang| knoop::i18n::errors::holder_text(lang, Some(h));
    assert!(text(&holder("", "laptop-3"), Lang::Nl).starts_with("iemand op laptop-3 (proces 7)"));
    assert!(text(&holder("", "laptop-3"), Lang::En).starts_with("someone on laptop-3 (process 7)"));
    assert!(text(&holder(" ", ""), Lang::Nl).starts_with("een andere knoop (proces 7)"));
    assert!(text(&holder("anna", ""), Lang::Nl).starts_with("anna (proces 7)"));
    for h in [holder("", "laptop-3"), holder("", ""), holder("anna", "")] {
        for lang in [Lang::Nl, Lang::En] {
            let t = text(&h, lang);
            assert!(!t.starts_with(' ') && !t.contains("  ") && !t.contains(" op  "), "{t:?}");
        }
    }
}

#[test]
fn saves_fail_with_each_system_error_then_work_again() {
    let cases = [
        (Errno::DiskFull, "schijf vol", "disk full", "ruimte vrij"),
        (
            Errno::QuotaExceeded,
            "schijfruimte van je account is op",
            "disk quota used up",
            "ruimte vrij",
        ),
        (
            Errno::PermissionDenied,
            "geen schrijfrechten",
            "no permission to write",
            "schrijfrechten",
        ),
        (Errno::ReadOnlyFs, "alleen-lezen schijf", "read-only disk", "USB-stick"),
        (Errno::FolderGone, "map bestaat niet meer", "folder no longer exists", "weer aan"),
    ];
    for (errno, nl, en, to_do) in cases {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("s.json");
        store::save(&path, &example()).unwrap();
        let before = fs::read(&path).unwrap();
        let mut changed = example();
        changed.notes = "Nieuw".into();
        let fault = faults::inject_times(dir.path(), At::AnyWrite, errno, 3);
        for _ in 0..3 {
            let err = store::save(&path, &changed).unwrap_err();
            assert_eq!(err.reason(Lang::Nl), nl, "{errno:?}");
            assert_eq!(err.reason(Lang::En), en, "{errno:?}");
            assert!(err.message(Lang::Nl).contains(to_do), "{errno:?}: {}", err.message(Lang::Nl));
            assert_eq!(fs::read(&path).unwrap(), before, "{errno:?}: the old file stays");
        }
        store::save(&path, &changed).expect("the disk works again");
        assert_eq!(store::load(&path).unwrap().notes, "Nieuw");
        drop(fault);
    }
}

#[test]
fn unsaved_work_goes_to_the_data_folder_and_is_found_again_by_any_spelling() {
    let dir = tempfile::tempdir().unwrap();
    let data = tempfile::tempdir().unwrap();
    let path = dir.path().join("s.json");
    let original = example();
    store::save(&path, &original).unwrap();
    let mut unsaved = example();
    unsaved.notes = "Nog niet opgeslagen".into();
    unsaved.updated = now();

    // The session's folder is full; knoop's own data folder is not.
    let _fault = faults::inject(dir.path(), At::AnyWrite, Errno::DiskFull);
    assert!(store::save(&path, &unsaved).is_err());
    assert!(store::write_recovery(&path, &unsaved).is_err());
    let kept = store::write_recovery_to_data(data.path(), &path, &unsaved).unwrap();
    assert!(kept.starts_with(data.path()));
    assert!(kept.file_name().unwrap().to_string_lossy().starts_with("s-"), "{kept:?}");

    let spelled = dir.path().join(".").join("s.json");
    let found = store::pending_recovery(&spelled, Some(data.path()), &original).unwrap();
    assert_eq!(found.session, unsaved);
    assert_eq!(found.from, kept);
    assert!(store::pending_recovery(&path, Some(data.path()), &unsaved).is_none(), "same state");
    assert!(store::pending_recovery(&path, None, &original).is_none(), "not beside the file");
    // Another session with the same name elsewhere does not see it.
    let other = tempfile::tempdir().unwrap();
    store::save(&other.path().join("s.json"), &original).unwrap();
    assert!(
        store::pending_recovery(&other.path().join("s.json"), Some(data.path()), &original)
            .is_none()
    );

    store::discard_recovery(&path, Some(data.path())).unwrap();
    assert!(!kept.exists());
    assert!(store::pending_recovery(&path, Some(data.path()), &original).is_none());
}

#[test]
fn the_newest_recovery_wins_and_discard_removes_both() {
    let dir = tempfile::tempdir().unwrap();
    let data = tempfile::tempdir().unwrap();
    let path = dir.path().join("s.json");
    let original = example();
    store::save(&path, &original).unwrap();
    let mut older = example();
    older.notes = "ouder".into();
    older.updated = "2026-11-23T10:00:00Z".parse().unwrap();
    let mut newer = example();
    newer.notes = "nieuwer".into();
    newer.updated = "2026-11-23T11:00:00Z".parse().unwrap();
    store::write_recovery(&path, &newer).unwrap();
    store::write_recovery_to_data(data.path(), &path, &older).unwrap();
    let found = store::pending_recovery(&path, Some(data.path()), &original).unwrap();
    assert_eq!(found.session.notes, "nieuwer");
    assert_eq!(found.from, store::recovery_path(&path));
    store::discard_recovery(&path, Some(data.path())).unwrap();
    assert!(!store::recovery_path(&path).exists());
    assert!(store::pending_recovery(&path, Some(data.path()), &original).is_none());
}

#[test]
fn save_as_writes_a_new_file_and_refuses_another_session_unless_told() {
    let dir = tempfile::tempdir().unwrap();
    let me = LockInfo::current(now());
    let s = example();
    let target = dir.path().join("elders.json");
    let saved = store::save_as(&target, &s, false, &me).unwrap();
    assert_eq!(saved.path, target.canonicalize().unwrap());
    assert_eq!(store::load(&target).unwrap(), s);
    // The new file is ours: another window opens it read-only.
    let second = store::open(&target, now()).unwrap();
    assert!(matches!(second.access, Access::ReadOnly(ReadOnlyReason::HeldElsewhere(_))));
    drop(second);
    // Saving the same session there again is fine.
    drop(saved);
    let mut later = s.clone();
    later.notes = "later".into();
    drop(store::save_as(&target, &later, false, &me).unwrap());
    assert_eq!(store::load(&target).unwrap().notes, "later");

    // Another session, or any other file, is not replaced without asking.
    let other = dir.path().join("ander.json");
    let mut different = Session::new("Ander overleg", &knoop::model::template::LEEG, now());
    different.notes = "van iemand anders".into();
    store::save(&other, &different).unwrap();
    let before = fs::read(&other).unwrap();
    let err = store::save_as(&other, &s, false, &me).unwrap_err();
    assert_eq!(err.step, SaveStep::Target);
    assert_eq!(err.source.kind(), std::io::ErrorKind::AlreadyExists);
    assert_eq!(err.reason(Lang::Nl), "er staat al een ander bestand");
    assert!(err.message(Lang::Nl).contains("andere naam"), "{}", err.message(Lang::Nl));
    assert_eq!(fs::read(&other).unwrap(), before);
    let notes = dir.path().join("notities.txt");
    fs::write(&notes, "boodschappen").unwrap();
    assert!(store::save_as(&notes, &s, false, &me).is_err());
    assert_eq!(fs::read_to_string(&notes).unwrap(), "boodschappen");
    // Told to: replaced, with the previous version kept as a backup.
    drop(store::save_as(&other, &s, true, &me).unwrap());
    assert_eq!(store::load(&other).unwrap(), s);
    assert_eq!(fs::read(store::backup_path(&other)).unwrap(), before);

    // A session open in another knoop is never replaced, not even when told.
    let held = store::open(&other, now()).unwrap();
    assert!(matches!(held.access, Access::Editable(_)));
    let err = store::save_as(&other, &different, true, &me).unwrap_err();
    assert_eq!(err.source.kind(), std::io::ErrorKind::ResourceBusy);
    assert_eq!(err.reason(Lang::Nl), "open in een andere knoop");
    assert_eq!(store::load(&other).unwrap(), s);
}

#[cfg(unix)]
#[test]
fn new_files_follow_the_umask_and_a_save_keeps_the_mode() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let mode = |p: &Path| fs::metadata(p).unwrap().permissions().mode() & 0o777;
    let probe = dir.path().join("probe");
    fs::write(&probe, "").unwrap();
    let umask_mode = mode(&probe);
    if umask_mode == 0o600 {
        eprintln!("umask 077: a new file looks like a temporary one here; skipped");
        return;
    }
    let created = store::create(dir.path(), &example()).unwrap();
    assert_eq!(mode(&created), umask_mode);
    let recovery = store::write_recovery_to_data(&dir.path().join("data"), &created, &example());
    assert_eq!(mode(&recovery.unwrap()), umask_mode);
    store::write_recovery(&created, &example()).unwrap();
    assert_eq!(mode(&store::recovery_path(&created)), umask_mode);
    let saved_as =
        store::save_as(&dir.path().join("als.json"), &example(), false, &LockInfo::current(now()));
    assert_eq!(mode(&saved_as.unwrap().path), umask_mode);
    fs::set_permissions(&created, fs::Permissions::from_mode(0o640)).unwrap();
    store::save(&created, &example()).unwrap();
    assert_eq!(mode(&created), 0o640, "a save keeps the file's mode");
    assert_eq!(mode(&store::backup_path(&created)), 0o640);
}

/// serde's and the operating system's English, which a Dutch message must never show.
const ENGLISH: &[&str] = &[
    "expected",
    "value",
    "line",
    "column",
    "permission",
    "denied",
    "os error",
    "eof",
    "invalid",
    "trailing",
    "missing field",
    "unknown",
    "no such file",
    "no space",
    "read-only file system",
    "is a directory",
    "while parsing",
    "type",
    "string",
    "integer",
    "boolean",
    "struct",
    "found",
];

/// Dutch words of knoop's messages, which an English message must never show.
const DUTCH: &[&str] = &[
    "het",
    "bestand",
    "regel",
    "kolom",
    "niet",
    "veld",
    "schijf",
    "rechten",
    "map",
    "opslaan",
    "leeg",
    "verwacht",
    "waarde",
    "sessiebestand",
    "kies",
    "bij",
    "een",
    "geen",
];

/// The words of `text` (letters only, lower case), with the file's path taken out.
fn words(text: &str, path: &Path) -> String {
    let text = text.replace(&path.display().to_string(), " ").to_lowercase();
    let spaced: String = text.chars().map(|c| if c.is_alphabetic() { c } else { ' ' }).collect();
    format!(" {} ", spaced.split_whitespace().collect::<Vec<_>>().join(" "))
}

fn assert_only(lang: Lang, case: &str, text: &str, path: &Path) {
    let (forbidden, other) = match lang {
        Lang::Nl => (ENGLISH, "English"),
        Lang::En => (DUTCH, "Dutch"),
    };
    let plain = words(text, path);
    for word in forbidden {
        let word = format!(" {} ", words(word, Path::new("\0")).trim());
        assert!(!plain.contains(&word), "{case} ({lang:?}) has the {other} {word:?}: {text}");
    }
    assert!(text.contains(&path.display().to_string()), "{case} ({lang:?}) names no file: {text}");
}

/// What every kind of bad file and failed save says, in Dutch and in English.
#[test]
fn every_message_speaks_one_language() {
    let dir = tempfile::tempdir().unwrap();
    let file = |name: &str, text: &str| {
        let path = dir.path().join(name);
        fs::write(&path, text).unwrap();
        path
    };
    let ex = fs::read_to_string(EXAMPLE).unwrap();
    let edit = |from: &str, to: &str| {
        assert!(ex.contains(from), "{from}");
        ex.replacen(from, to, 1)
    };
    let mut load_cases: Vec<(&str, PathBuf, LoadError)> = Vec::new();
    let mut case = |name: &'static str, path: PathBuf| {
        let err = store::load(&path).expect_err(name);
        load_cases.push((name, path, err));
    };
    case("not found", dir.path().join("weg.json"));
    case("is a directory", dir.path().to_owned());
    case("empty file", file("leeg.json", ""));
    case("only spaces", file("spaties.json", "  \n"));
    case("truncated", file("half.json", &ex[..ex.len() / 2]));
    case("missing colon", file("dubbelepunt.json", &edit("\"title\": ", "\"title\" ")));
    case("missing comma", file("komma.json", &edit("\"place\"", "\"x\": 1 \"place\"")));
    case(
        "trailing comma",
        file("kommateveel.json", &edit("\"title\": ", "\"x\": 1,}, \"title\": ")),
    );
    case("trailing characters", file("naloop.json", &format!("{ex} extra")));
    case("no value", file("geenwaarde.json", &edit("\"title\": ", "\"title\": ,")));
    case("bare word", file("woord.json", &edit("\"title\": ", "\"title\": tru, \"y\": ")));
    case("unquoted key", file("sleutel.json", &edit("\"title\": ", "title: ")));
    case("bad escape", file("escape.json", &edit("\"title\": \"", "\"title\": \"\\q")));
    case("control char", file("tab.json", &edit("\"title\": \"", "\"title\": \"\t")));
    case("not knoop", file("ander.json", "{\"x1\": 1}"));
    case("not an object", file("lijst.json", "[1, 2]"));
    case("newer version", file("nieuw.json", &edit("\"version\": 1", "\"version\": 9")));
    case("bad version", file("versie.json", &edit("\"version\": 1", "\"version\": \"x1\"")));
    case("wrong type", file("soort.json", &edit("\"present\": true", "\"present\": \"x1\"")));
    case("wrong number", file("getal.json", &edit("\"owner\": 3,", "\"owner\": -3,")));
    case("null", file("null.json", &edit("\"title\": ", "\"title\": null, \"y\": ")));
    case("missing field", file("ontbreekt.json", &edit("\"title\": ", "\"x1\": ")));
    case(
        "unknown variant",
        file("variant.json", &edit("\"role\": \"structural\"", "\"role\": \"x1\"")),
    );
    case(
        "bad date",
        file("datum.json", &edit("\"meeting_date\": \"2026-11-19\"", "\"meeting_date\": \"x1\"")),
    );
    case("broken rule", file("regel.json", &edit("\"owner\": 3,", "\"owner\": 42,")));
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let locked = file("dicht.json", &ex);
        fs::set_permissions(&locked, fs::Permissions::from_mode(0o000)).unwrap();
        if store::load(&locked).is_err() {
            case("permission denied", locked);
        }
    }
    // As root nothing can be unreadable; the error is made as the system gives it.
    let denied = dir.path().join("verboden.json");
    load_cases.push((
        "permission denied (as the system says it)",
        denied.clone(),
        LoadError::Io { path: denied, source: std::io::Error::from_raw_os_error(13) },
    ));
    let n = load_cases.len();
    for (case, path, err) in &load_cases {
        for lang in [Lang::Nl, Lang::En] {
            let message = err.message(lang);
            eprintln!("{case}: {}", err.report(lang, true));
            assert_only(lang, case, &message, path);
            let vague = ["klopt hier niet", "niet de juiste vorm", "not right here", "right form"];
            if *case != "bad date" {
                assert!(!vague.iter().any(|v| message.contains(v)), "{case}: {message}");
            }
            if let Some(detail) = err.detail() {
                assert!(
                    !message.contains(&detail),
                    "{case}: the original words only with --verbose"
                );
                assert!(err.report(lang, true).ends_with(&detail), "{case}: --verbose adds them");
            }
        }
    }
    assert!(n >= 26, "{n} cases");

    // Every save failure, by the system's error number.
    let mut save_cases: Vec<(String, PathBuf, SaveError)> = Vec::new();
    for errno in [
        Errno::DiskFull,
        Errno::QuotaExceeded,
        Errno::PermissionDenied,
        Errno::ReadOnlyFs,
        Errno::FolderGone,
    ] {
        for step in [SaveStep::CreateTemp, SaveStep::Write, SaveStep::Rename] {
            let sub = tempfile::tempdir().unwrap();
            let path = sub.path().join("s.json");
            let _fault = faults::inject(sub.path(), At::Step(step), errno);
            let err = store::save(&path, &example()).unwrap_err();
            save_cases.push((format!("{errno:?} at {step:?}"), path, err));
        }
    }
    let missing = dir.path().join("weg").join("s.json");
    save_cases.push((
        "missing folder".into(),
        missing.clone(),
        store::save(&missing, &example()).unwrap_err(),
    ));
    let other = dir.path().join("ander.json");
    let me = LockInfo::current(now());
    save_cases.push((
        "save as over another file".into(),
        other.clone(),
        store::save_as(&other, &example(), false, &me).unwrap_err(),
    ));
    for (case, path, err) in &save_cases {
        for lang in [Lang::Nl, Lang::En] {
            let message = err.message(lang);
            eprintln!("{case}: {}", err.report(lang, true));
            assert_only(lang, case, &message, path);
            assert!(message.contains(err.reason(lang)), "{case}: {message}");
            assert!(!message.contains(&err.detail()), "{case}");
            assert!(err.report(lang, true).ends_with(&err.detail()), "{case}");
        }
    }

    // Read-only reasons.
    let path = dir.path().join("s.json");
    let reasons = [
        ReadOnlyReason::HeldElsewhere(None),
        ReadOnlyReason::HeldElsewhere(Some(LockInfo {
            user: String::new(),
            host: "laptop-3".into(),
            pid: 7,
            since: now(),
        })),
        ReadOnlyReason::FileNotWritable,
        ReadOnlyReason::FolderNotWritable(Errno::PermissionDenied.error()),
        ReadOnlyReason::FolderNotWritable(Errno::ReadOnlyFs.error()),
    ];
    for why in &reasons {
        for lang in [Lang::Nl, Lang::En] {
            assert_only(lang, "read-only", &why.message(lang, &path), &path);
            assert!(!why.reason(lang).trim().is_empty());
        }
    }
}

#[test]
fn a_file_with_a_byte_order_mark_is_accepted() {
    let (_dir, path, _) = broken_copy(|t| format!("\u{feff}{t}"));
    assert_eq!(store::load(&path).unwrap(), example());
    // And a mistake in it is still pointed at the right line.
    let (_dir, path, _) =
        broken_copy(|t| format!("\u{feff}{}", t.replacen("\"title\": ", "\"title\" ", 1)));
    let err = store::load(&path).unwrap_err();
    assert!(err.message(Lang::Nl).contains("regel 5, kolom"), "{}", err.message(Lang::Nl));
}
