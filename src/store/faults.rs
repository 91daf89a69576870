//! Failures on demand at the store's file-system boundary, so tests can prove that a full disk,
//! a folder without write permission or a read-only USB stick never loses work, and that knoop
//! recovers when the disk works again.
//!
//! Why this shape: a process-wide registry keyed by folder, switched on by a guard.
//! - Not a cargo feature: integration tests (and the runtime's own tests) build against the
//!   ordinary library, and every `cargo test` would need `--features`.
//! - Not a thread-local: the runtime saves on its own saver thread, which a thread-local set in
//!   the test's thread would never reach.
//! - Keyed by folder: tests run in parallel in one process; each works in its own temporary
//!   folder, so a fault injected for one folder never touches another test's files.
//!
//! When nothing is injected the check is one atomic load, so the seam costs nothing in use.
//! The module is public (integration tests need it) but hidden from the documentation: it is
//! not part of what knoop offers.

use std::io;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};

use super::error::SaveStep;

/// The system error an injected failure gives, as the operating system would give it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Errno {
    /// ENOSPC: the disk is full.
    DiskFull,
    /// EDQUOT: the user's disk quota is used up.
    QuotaExceeded,
    /// EACCES: no permission to write here.
    PermissionDenied,
    /// EROFS: a read-only file system (a locked USB stick, a mounted image).
    ReadOnlyFs,
    /// ENOENT: the folder is gone (a USB stick pulled out, a network share dropped).
    FolderGone,
}

impl Errno {
    /// The `io::Error` the operating system gives for this failure, with its own words.
    pub fn error(self) -> io::Error {
        #[cfg(unix)]
        {
            // The classic values, the same on Linux, macOS and the BSDs; EDQUOT differs.
            let code = match self {
                Errno::DiskFull => 28,
                Errno::QuotaExceeded if cfg!(target_os = "linux") => 122,
                Errno::QuotaExceeded => 69,
                Errno::PermissionDenied => 13,
                Errno::ReadOnlyFs => 30,
                Errno::FolderGone => 2,
            };
            io::Error::from_raw_os_error(code)
        }
        #[cfg(not(unix))]
        {
            let kind = match self {
                Errno::DiskFull => io::ErrorKind::StorageFull,
                Errno::QuotaExceeded => io::ErrorKind::QuotaExceeded,
                Errno::PermissionDenied => io::ErrorKind::PermissionDenied,
                Errno::ReadOnlyFs => io::ErrorKind::ReadOnlyFilesystem,
                Errno::FolderGone => io::ErrorKind::NotFound,
            };
            io::Error::new(kind, format!("{self:?} (injected)"))
        }
    }
}

/// Where an injected failure strikes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum At {
    /// Every step that writes: each save step and making the lock file.
    AnyWrite,
    /// One step of a save.
    Step(SaveStep),
    /// Making or opening the lock file, as in a folder that cannot be written.
    Lock,
}

#[derive(Debug)]
struct Fault {
    id: u64,
    folder: PathBuf,
    at: At,
    errno: Errno,
    /// How many more times it strikes; `None` until the guard is dropped.
    left: Option<usize>,
}

static ACTIVE: AtomicUsize = AtomicUsize::new(0);
static NEXT_ID: AtomicU64 = AtomicU64::new(1);
static FAULTS: Mutex<Vec<Fault>> = Mutex::new(Vec::new());

/// An injected failure; dropping it makes the disk work again.
#[derive(Debug)]
#[must_use = "the failure stops as soon as this guard is dropped"]
pub struct Injected {
    id: u64,
}

/// Makes every write at `at` under `folder` fail with `errno`, until the guard is dropped.
pub fn inject(folder: &Path, at: At, errno: Errno) -> Injected {
    add(folder, at, errno, None)
}

/// Makes the next `times` writes at `at` under `folder` fail with `errno`, then work again.
pub fn inject_times(folder: &Path, at: At, errno: Errno, times: usize) -> Injected {
    add(folder, at, errno, Some(times))
}

fn add(folder: &Path, at: At, errno: Errno, left: Option<usize>) -> Injected {
    let id = NEXT_ID.fetch_add(1, Ordering::Relaxed);
    let folder = folder.canonicalize().unwrap_or_else(|_| folder.to_owned());
    if let Ok(mut faults) = FAULTS.lock() {
        faults.push(Fault { id, folder, at, errno, left });
        ACTIVE.fetch_add(1, Ordering::SeqCst);
    }
    Injected { id }
}

impl Drop for Injected {
    fn drop(&mut self) {
        if let Ok(mut faults) = FAULTS.lock() {
            let before = faults.len();
            faults.retain(|f| f.id != self.id);
            ACTIVE.fetch_sub(before - faults.len(), Ordering::SeqCst);
        }
    }
}

/// Whether a save step may go ahead on `path`; called by the store just before it touches
/// the file system.
pub(crate) fn check_step(path: &Path, step: SaveStep) -> io::Result<()> {
    check(path, |at| matches!(at, At::AnyWrite) || at == At::Step(step))
}

/// Whether the lock file beside `path` may be made.
pub(crate) fn check_lock(path: &Path) -> io::Result<()> {
    check(path, |at| matches!(at, At::AnyWrite | At::Lock))
}

fn check(path: &Path, strikes: impl Fn(At) -> bool) -> io::Result<()> {
    if ACTIVE.load(Ordering::SeqCst) == 0 {
        return Ok(());
    }
    let canonical = super::paths::canonical(path);
    let Ok(mut faults) = FAULTS.lock() else { return Ok(()) };
    let hit = faults.iter_mut().find(|f| {
        strikes(f.at)
            && f.left != Some(0)
            && (path.starts_with(&f.folder) || canonical.starts_with(&f.folder))
    });
    match hit {
        Some(fault) => {
            if let Some(left) = &mut fault.left {
                *left -= 1;
            }
            Err(fault.errno.error())
        }
        None => Ok(()),
    }
}
