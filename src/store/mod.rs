//! Session files: where they live, reading and writing them, and never losing one.
//!
//! - [`load`] refuses anything that is not a valid session, with the path, line and column,
//!   the field, and what to do; it never writes.
//! - [`save`] writes atomically and keeps the previous version as `NAME.json.bak`.
//! - [`create`] gives a new session a file of its own without ever replacing another.
//! - [`open`] loads and locks, so two windows never silently overwrite each other's work.

mod atomic;
mod error;
pub mod format;
mod locate;
mod lock;
mod paths;

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use jiff::Timestamp;

pub use atomic::{backup_path, write_replace};
pub use error::{LoadError, Position, SaveError, SaveStep, field_text};
pub use lock::{LockInfo, LockOutcome, SessionLock, lock_path, try_lock};
pub use paths::{file_names, file_stem, sessions_dir};

use crate::model::Session;

/// Reads and checks the session at `path`. The file is never changed.
pub fn load(path: &Path) -> Result<Session, LoadError> {
    let bytes = fs::read(path).map_err(|source| LoadError::Io { path: path.to_owned(), source })?;
    format::from_bytes(path, &bytes)
}

/// Saves `session` to `path` atomically, keeping the previous version as a backup.
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

/// How an opened session may be used.
#[derive(Debug)]
pub enum Access {
    /// Ours to change: the lock is held until this value is dropped.
    Editable(SessionLock),
    /// Open elsewhere: look, don't touch. Says who has it, if known.
    ReadOnly(Option<LockInfo>),
}

/// A loaded session with its lock.
#[derive(Debug)]
pub struct Opened {
    /// The file.
    pub path: PathBuf,
    /// Its content.
    pub session: Session,
    /// Editable or read-only.
    pub access: Access,
    /// A crashed knoop whose stale lock was taken over, to mention once.
    pub took_over: Option<LockInfo>,
}

/// Why a session could not be opened.
#[derive(Debug)]
pub enum OpenError {
    /// The file was refused.
    Load(LoadError),
    /// The lock file could not be made or read.
    Lock {
        /// The lock file.
        path: PathBuf,
        /// What the system said.
        source: io::Error,
    },
}

/// Loads the session at `path` and locks it for this process. When another knoop holds the
/// lock, the session opens read-only and says who has it.
pub fn open(path: &Path, now: Timestamp) -> Result<Opened, OpenError> {
    // Lock first, then read: what we read is then what nobody else is changing.
    let outcome = try_lock(path, &LockInfo::current(now))
        .map_err(|source| OpenError::Lock { path: lock_path(path), source })?;
    let session = load(path).map_err(OpenError::Load)?;
    let (access, took_over) = match outcome {
        LockOutcome::Acquired { lock, stale } => (Access::Editable(lock), stale),
        LockOutcome::HeldElsewhere(holder) => (Access::ReadOnly(holder), None),
    };
    Ok(Opened { path: path.to_owned(), session, access, took_over })
}

/// The recovery file beside a session: `NAME.json.recover`, written when knoop crashes.
pub fn recovery_path(session: &Path) -> PathBuf {
    let mut name = session.file_name().unwrap_or_default().to_os_string();
    name.push(".recover");
    session.with_file_name(name)
}

/// Writes `session` as the recovery file of the session at `path`.
pub fn write_recovery(path: &Path, session: &Session) -> Result<(), SaveError> {
    let recovery = recovery_path(path);
    let _ = fs::remove_file(&recovery);
    atomic::write_new(&recovery, &format::to_bytes(session))
}

/// A recovery file left by a crash, if there is one that holds a valid session different from
/// `current`.
pub fn pending_recovery(path: &Path, current: &Session) -> Option<Session> {
    load(&recovery_path(path)).ok().filter(|s| s != current)
}

/// Removes the recovery file of the session at `path`, once restored or declined.
pub fn discard_recovery(path: &Path) -> io::Result<()> {
    match fs::remove_file(recovery_path(path)) {
        Err(e) if e.kind() != io::ErrorKind::NotFound => Err(e),
        _ => Ok(()),
    }
}
