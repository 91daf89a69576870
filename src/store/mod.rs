//! Session files: where they live, reading and writing them, and never losing one.
//!
//! - [`load`] refuses anything that is not a valid session, with the path, line and column,
//!   the field, and what to do; it never writes.
//! - [`save`] writes atomically and keeps the previous version as `NAME.json.bak`.
//! - [`create`] gives a new session a file of its own without ever replacing another.
//! - [`open`] loads and locks, so two windows never silently overwrite each other's work; a
//!   session that cannot be written (locked elsewhere, a read-only file, folder or disk) still
//!   opens, read-only, with the reason.
//! - [`save_as`] saves under another name; [`write_recovery_to_data`] keeps unsaved work in
//!   knoop's own data folder when the session's folder cannot be written; [`pending_recovery`]
//!   finds it again.
//!
//! Every path is keyed on its canonical form ([`canonical`]): a symlink, `..` or a relative
//! spelling of a session meets the same lock and the same recovery file.

mod atomic;
mod error;
#[doc(hidden)]
pub mod faults;
pub mod format;
mod locate;
mod lock;
mod paths;

use std::fs;
use std::hash::Hasher;
use std::io;
use std::path::{Path, PathBuf};

use jiff::Timestamp;

pub use atomic::{backup_path, write_replace};
pub use error::{LoadError, Position, SaveError, SaveStep, field_text};
pub use lock::{LockInfo, LockOutcome, SessionLock, lock_path, try_lock};
pub use paths::{canonical, file_names, file_stem, follow_links, recovery_dir, sessions_dir};

use crate::i18n::errors::{holder_text, io_reason, with_detail};
use crate::i18n::{Lang, fill};
use crate::model::Session;

/// Reads and checks the session at `path`. The file is never changed.
pub fn load(path: &Path) -> Result<Session, LoadError> {
    let bytes = fs::read(path).map_err(|source| LoadError::Io { path: path.to_owned(), source })?;
    format::from_bytes(path, &bytes)
}

/// Saves `session` to `path` atomically, keeping the previous version as a backup and the
/// file's permissions. Through a symlink the target is saved and the link stays a link. On
/// failure the old file is as it was and [`SaveError::reason`] says why in a few words.
pub fn save(path: &Path, session: &Session) -> Result<(), SaveError> {
    atomic::write_atomic(path, &format::to_bytes(session))
}

/// Saves `session` as a new file in `dir`, named after its title, and returns the path.
/// An existing file is never replaced: a taken name gets a number (`titel-2.json`).
pub fn create(dir: &Path, session: &Session) -> Result<PathBuf, SaveError> {
    let bytes = format::to_bytes(session);
    for name in file_names(&session.title).take(10_000) {
        let path = dir.join(name);
        match atomic::write_new(&path, &bytes) {
            Err(e) if e.source.kind() == io::ErrorKind::AlreadyExists => continue,
            other => return other.map(|()| path),
        }
    }
    Err(SaveError::new(dir, SaveStep::CreateTemp, io::Error::other("no free file name")))
}

/// One entry of [`list`]: a session file and what it holds, or why it cannot be read.
#[derive(Debug)]
pub struct Listed {
    /// The file.
    pub path: PathBuf,
    /// The session, or the reason it was refused.
    pub session: Result<Session, LoadError>,
}

/// The session files in `dir` (`*.json`), newest change first; unreadable ones last.
pub fn list(dir: &Path) -> io::Result<Vec<Listed>> {
    let mut listed = Vec::new();
    for entry in fs::read_dir(dir)? {
        let path = entry?.path();
        if path.extension().is_some_and(|e| e == "json") && path.is_file() {
            listed.push(Listed { session: load(&path), path });
        }
    }
    listed.sort_by(|a, b| match (&a.session, &b.session) {
        (Ok(x), Ok(y)) => y.updated.cmp(&x.updated).then(a.path.cmp(&b.path)),
        (Ok(_), Err(_)) => std::cmp::Ordering::Less,
        (Err(_), Ok(_)) => std::cmp::Ordering::Greater,
        (Err(_), Err(_)) => a.path.cmp(&b.path),
    });
    Ok(listed)
}

/// Why a session opened read-only: each is a mode to show, not a refusal.
#[derive(Debug)]
pub enum ReadOnlyReason {
    /// Another knoop has it open; says who, if known.
    HeldElsewhere(Option<LockInfo>),
    /// The file's own permissions do not allow changing it (someone marked it read-only).
    FileNotWritable,
    /// The lock file could not be made beside it: a folder without write permission, a
    /// read-only disk or USB stick, … The system's error says which.
    FolderNotWritable(io::Error),
}

impl ReadOnlyReason {
    /// A few words for the status line, in `lang`: "open in een andere knoop",
    /// "bestand is alleen-lezen", "geen schrijfrechten", "alleen-lezen schijf", …
    pub fn reason(&self, lang: Lang) -> &'static str {
        let t = lang.texts();
        match self {
            ReadOnlyReason::HeldElsewhere(_) => t.reason_busy,
            ReadOnlyReason::FileNotWritable => t.read_only_reason_file,
            ReadOnlyReason::FolderNotWritable(e) => io_reason(lang, e, true),
        }
    }

    /// What is going on with the session at `path` and what to do, in `lang`: who has it open
    /// since when, or why it cannot be written.
    pub fn message(&self, lang: Lang, path: &Path) -> String {
        let t = lang.texts();
        let (what, to_do) = match self {
            ReadOnlyReason::HeldElsewhere(holder) => (
                fill(t.lock_held, &[&path.display(), &holder_text(lang, holder.as_ref())]),
                t.read_only_what_to_do_held,
            ),
            ReadOnlyReason::FileNotWritable => {
                (fill(t.read_only_file, &[&path.display()]), t.read_only_what_to_do)
            }
            ReadOnlyReason::FolderNotWritable(_) => (
                fill(t.read_only_folder, &[&path.display(), &self.reason(lang)]),
                t.read_only_what_to_do,
            ),
        };
        format!("{what}\n{to_do}")
    }

    /// The system's own words, for `--verbose`.
    pub fn detail(&self) -> Option<String> {
        match self {
            ReadOnlyReason::FolderNotWritable(e) => Some(e.to_string()),
            _ => None,
        }
    }

    /// [`ReadOnlyReason::message`], with the system's words on a last line when `verbose`.
    pub fn report(&self, lang: Lang, path: &Path, verbose: bool) -> String {
        with_detail(lang, self.message(lang, path), self.detail(), verbose)
    }
}

/// How an opened session may be used.
#[derive(Debug)]
pub enum Access {
    /// Ours to change: the lock is held until this value is dropped.
    Editable(SessionLock),
    /// Look, don't touch: changes cannot be kept, and this says why.
    ReadOnly(ReadOnlyReason),
}

impl Access {
    /// Why changes cannot be kept, or `None` when the session is ours to change.
    pub fn read_only(&self) -> Option<&ReadOnlyReason> {
        match self {
            Access::Editable(_) => None,
            Access::ReadOnly(why) => Some(why),
        }
    }
}

/// A loaded session with its lock.
#[derive(Debug)]
pub struct Opened {
    /// The file, canonical: symlinks followed, `..` resolved. Saves go here, so saving through
    /// a link writes its target and leaves the link a link.
    pub path: PathBuf,
    /// Its content.
    pub session: Session,
    /// Editable or read-only.
    pub access: Access,
    /// A crashed knoop whose stale lock was taken over: who and since when, to show until the
    /// facilitator has seen it.
    pub took_over: Option<LockInfo>,
}

impl Opened {
    /// The take-over of a crashed knoop's lock in words, if there was one: "Een eerdere knoop
    /// van anna op laptop (proces 12) sinds … is niet netjes afgesloten; …".
    pub fn took_over_message(&self, lang: Lang) -> Option<String> {
        let stale = self.took_over.as_ref()?;
        Some(fill(lang.texts().open_took_over, &[&holder_text(lang, Some(stale))]))
    }
}

/// Why a session could not be opened at all. (A session that cannot be written still opens,
/// read-only: see [`ReadOnlyReason`].)
#[derive(Debug)]
pub enum OpenError {
    /// The file was refused.
    Load(LoadError),
}

impl OpenError {
    /// What happened and what to do, in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            OpenError::Load(e) => e.message(lang),
        }
    }

    /// [`OpenError::message`], with the original words on a last line when `verbose`.
    pub fn report(&self, lang: Lang, verbose: bool) -> String {
        match self {
            OpenError::Load(e) => e.report(lang, verbose),
        }
    }
}

/// Loads the session at `path` and locks it for this process. A session that cannot be
/// changed here still opens, read-only, with the reason: another knoop holds the lock, the
/// file is marked read-only, or the lock file cannot be made (a read-only folder or disk).
pub fn open(path: &Path, now: Timestamp) -> Result<Opened, OpenError> {
    let file = canonical(path);
    // Lock first, then read: what we read is then what nobody else is changing.
    let outcome = try_lock(&file, &LockInfo::current(now));
    // Read by the name given, so a refusal names the file as the facilitator typed it.
    let session = load(path).map_err(OpenError::Load)?;
    let (access, took_over) = match outcome {
        Ok(LockOutcome::Acquired { lock, stale }) => {
            if fs::metadata(&file).is_ok_and(|m| m.permissions().readonly()) {
                drop(lock);
                (Access::ReadOnly(ReadOnlyReason::FileNotWritable), None)
            } else {
                (Access::Editable(lock), stale)
            }
        }
        Ok(LockOutcome::HeldElsewhere(holder)) => {
            (Access::ReadOnly(ReadOnlyReason::HeldElsewhere(holder)), None)
        }
        Err(e) => (Access::ReadOnly(ReadOnlyReason::FolderNotWritable(e)), None),
    };
    Ok(Opened { path: file, session, access, took_over })
}

/// A session saved under a new name by [`save_as`]: its canonical path, locked for us.
#[derive(Debug)]
pub struct SavedAs {
    /// Where it now is; the runtime saves here from now on.
    pub path: PathBuf,
    /// The lock on it; keep it for as long as the session is open (and drop the old one).
    pub lock: SessionLock,
}

/// Saves `session` under another name, "opslaan als": atomically, locked for `me`. A file
/// already at `path` is replaced only when it is this same session (same creation moment) or
/// when `replace` says so; otherwise this fails at [`SaveStep::Target`] with `AlreadyExists`.
/// A session open in another knoop is never replaced (`ResourceBusy`). Not for the session's
/// own file, which this process has locked already: use [`save`].
pub fn save_as(
    path: &Path,
    session: &Session,
    replace: bool,
    me: &LockInfo,
) -> Result<SavedAs, SaveError> {
    let target = canonical(path);
    let refuse = |source| SaveError::new(&target, SaveStep::Target, source);
    let lock = match try_lock(&target, me).map_err(refuse)? {
        LockOutcome::Acquired { lock, .. } => lock,
        LockOutcome::HeldElsewhere(_) => {
            return Err(refuse(io::Error::from(io::ErrorKind::ResourceBusy)));
        }
    };
    match fs::metadata(&target) {
        Ok(m) if m.is_dir() => return Err(refuse(io::Error::from(io::ErrorKind::IsADirectory))),
        Ok(_) => {
            let same = load(&target).is_ok_and(|there| there.created == session.created);
            if !same && !replace {
                return Err(refuse(io::Error::from(io::ErrorKind::AlreadyExists)));
            }
            save(&target, session)?;
        }
        Err(_) => atomic::write_new(&target, &format::to_bytes(session))?,
    }
    Ok(SavedAs { path: target, lock })
}

/// The recovery file beside a session: `NAME.json.recover`, written when knoop crashes.
pub fn recovery_path(session: &Path) -> PathBuf {
    let mut name = session.file_name().unwrap_or_default().to_os_string();
    name.push(".recover");
    session.with_file_name(name)
}

/// The recovery file of a session in knoop's data folder `data_dir`: the session's file stem
/// and a hash of its canonical path (`sessie-1f2e3d4c5b6a7988.json.recover`), so that the same
/// session, however its path is spelled, finds it again, and two sessions with the same name
/// in different folders do not share one. FNV-1a is used because its value never changes
/// between Rust versions or runs (std's hasher makes no such promise).
pub fn data_recovery_path(data_dir: &Path, session: &Path) -> PathBuf {
    let file = canonical(session);
    let mut hash = fnv::FnvHasher::default();
    hash.write(file.as_os_str().as_encoded_bytes());
    let stem = file_stem(&file.file_stem().unwrap_or_default().to_string_lossy());
    data_dir.join(format!("{stem}-{:016x}.json.recover", hash.finish()))
}

/// Writes `session` as the recovery file beside the session at `path`.
pub fn write_recovery(path: &Path, session: &Session) -> Result<(), SaveError> {
    let recovery = recovery_path(&canonical(path));
    let _ = fs::remove_file(&recovery);
    atomic::write_new(&recovery, &format::to_bytes(session))
}

/// Writes `session` as the recovery file of the session at `session_path` in knoop's own
/// data folder `data_dir` (made if needed), for when the session's folder cannot be written
/// (full, read-only, gone). Returns where it went, to tell the facilitator.
pub fn write_recovery_to_data(
    data_dir: &Path,
    session_path: &Path,
    session: &Session,
) -> Result<PathBuf, SaveError> {
    fs::create_dir_all(data_dir).map_err(|e| SaveError::new(data_dir, SaveStep::CreateTemp, e))?;
    let recovery = data_recovery_path(data_dir, session_path);
    atomic::write_replace(&recovery, &format::to_bytes(session))?;
    Ok(recovery)
}

/// Unsaved work found for a session by [`pending_recovery`].
#[derive(Debug)]
pub struct Recovery {
    /// The newest recovered state.
    pub session: Session,
    /// The file it came from (beside the session or in the data folder).
    pub from: PathBuf,
}

/// The recovery files a session may have: beside it, and in the data folder if one is given.
fn recovery_candidates(path: &Path, data_dir: Option<&Path>) -> Vec<PathBuf> {
    let mut files = vec![recovery_path(&canonical(path))];
    files.extend(data_dir.map(|d| data_recovery_path(d, path)));
    files
}

/// Unsaved work left for the session at `path` (any spelling of it) by a crash or a failed
/// save: a recovery file beside it or in the data folder `data_dir`, holding a valid session
/// different from `current`. When both exist, the most recently changed session wins.
pub fn pending_recovery(
    path: &Path,
    data_dir: Option<&Path>,
    current: &Session,
) -> Option<Recovery> {
    recovery_candidates(path, data_dir)
        .into_iter()
        .filter_map(|from| Some(Recovery { session: load(&from).ok()?, from }))
        .filter(|r| &r.session != current)
        .max_by_key(|r| r.session.updated)
}

/// Removes every recovery file of the session at `path` (beside it and in `data_dir`), once
/// restored or declined.
pub fn discard_recovery(path: &Path, data_dir: Option<&Path>) -> io::Result<()> {
    for file in recovery_candidates(path, data_dir) {
        match fs::remove_file(file) {
            Err(e) if e.kind() != io::ErrorKind::NotFound => return Err(e),
            _ => {}
        }
    }
    Ok(())
}
