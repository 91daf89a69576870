//! One knoop at a time per session: a real operating-system lock on `NAME.json.lock`.
//!
//! The lock is `std::fs::File::try_lock` (flock on Unix, LockFileEx on Windows), which the
//! operating system drops when the process ends, however it ends. So a lock file left behind
//! by a crashed knoop is not locked any more: the next knoop takes it over and says so. The
//! file's content says who holds it and since when, for the message a second window shows.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Read, Seek, Write};
use std::path::{Path, PathBuf};

use jiff::Timestamp;
use serde::{Deserialize, Serialize};

/// Who holds a session open.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LockInfo {
    /// The user name.
    pub user: String,
    /// The computer.
    pub host: String,
    /// The process id.
    pub pid: u32,
    /// Since when.
    pub since: Timestamp,
}

impl LockInfo {
    /// This process, now.
    pub fn current(now: Timestamp) -> Self {
        let user = std::env::var("USER").or_else(|_| std::env::var("USERNAME")).unwrap_or_default();
        let host = std::env::var("HOSTNAME")
            .ok()
            .or_else(|| fs::read_to_string("/etc/hostname").ok())
            .or_else(|| std::env::var("COMPUTERNAME").ok())
            .map(|h| h.trim().to_owned())
            .unwrap_or_default();
        LockInfo { user, host, pid: std::process::id(), since: now }
    }
}

/// A held lock; dropping it releases the lock and removes the lock file.
#[derive(Debug)]
pub struct SessionLock {
    file: File,
    path: PathBuf,
}

/// The outcome of trying to lock a session.
#[derive(Debug)]
pub enum LockOutcome {
    /// The session is ours. `stale` names a crashed knoop whose lock we took over.
    Acquired {
        /// The lock, held until dropped.
        lock: SessionLock,
        /// The previous holder, if its knoop ended without letting go.
        stale: Option<LockInfo>,
    },
    /// Another knoop has it open; `None` when it did not say who.
    HeldElsewhere(Option<LockInfo>),
}

/// The lock file beside a session: `NAME.json.lock`.
pub fn lock_path(session: &Path) -> PathBuf {
    let mut name = session.file_name().unwrap_or_default().to_os_string();
    name.push(".lock");
    session.with_file_name(name)
}

/// Tries to lock `session` for `me`, without waiting.
pub fn try_lock(session: &Path, me: &LockInfo) -> io::Result<LockOutcome> {
    let path = lock_path(session);
    // A holder that just let go may have removed the file we opened; try again on a fresh one.
    for _ in 0..5 {
        let mut file =
            OpenOptions::new().read(true).write(true).create(true).truncate(false).open(&path)?;
        match file.try_lock() {
            Ok(()) => {
                if !still_at(&file, &path) {
                    continue;
                }
                let stale = read_info(&mut file);
                file.set_len(0)?;
                file.rewind()?;
                file.write_all(&serde_json::to_vec(me).map_err(io::Error::other)?)?;
                file.sync_all()?;
                return Ok(LockOutcome::Acquired { lock: SessionLock { file, path }, stale });
            }
            Err(fs::TryLockError::WouldBlock) => {
                return Ok(LockOutcome::HeldElsewhere(read_info(&mut file)));
            }
            Err(fs::TryLockError::Error(e)) => return Err(e),
        }
    }
    Err(io::Error::other("lock file keeps changing"))
}

fn read_info(file: &mut File) -> Option<LockInfo> {
    let mut text = String::new();
    file.rewind().ok()?;
    file.read_to_string(&mut text).ok()?;
    serde_json::from_str(&text).ok()
}

/// Whether the open file is still the one at `path` (not removed or replaced meanwhile).
fn still_at(file: &File, path: &Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        match (file.metadata(), fs::metadata(path)) {
            (Ok(a), Ok(b)) => a.dev() == b.dev() && a.ino() == b.ino(),
            _ => false,
        }
    }
    #[cfg(not(unix))]
    {
        let _ = (file, path);
        true
    }
}

impl Drop for SessionLock {
    fn drop(&mut self) {
        // Remove while still holding the lock, so nobody locks a file that is about to go.
        let _ = fs::remove_file(&self.path);
        let _ = self.file.unlock();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn me(user: &str) -> LockInfo {
        LockInfo {
            user: user.into(),
            host: "laptop".into(),
            pid: 4242,
            since: "2026-11-23T09:00:00Z".parse().unwrap(),
        }
    }

    #[test]
    fn a_held_lock_is_reported_with_who_and_since_when() {
        let dir = tempfile::tempdir().unwrap();
        let session = dir.path().join("sessie.json");
        let first = try_lock(&session, &me("anna")).unwrap();
        assert!(matches!(first, LockOutcome::Acquired { stale: None, .. }));
        match try_lock(&session, &me("bram")).unwrap() {
            LockOutcome::HeldElsewhere(Some(info)) => assert_eq!(info, me("anna")),
            other => panic!("expected held elsewhere, got {other:?}"),
        }
        drop(first);
        assert!(!lock_path(&session).exists(), "letting go removes the lock file");
        assert!(matches!(
            try_lock(&session, &me("bram")).unwrap(),
            LockOutcome::Acquired { stale: None, .. }
        ));
    }

    #[test]
    fn a_stale_lock_of_a_crashed_knoop_is_taken_over() {
        let dir = tempfile::tempdir().unwrap();
        let session = dir.path().join("sessie.json");
        // What a crashed knoop leaves: the file with its owner, but no OS lock on it.
        fs::write(lock_path(&session), serde_json::to_vec(&me("anna")).unwrap()).unwrap();
        match try_lock(&session, &me("bram")).unwrap() {
            LockOutcome::Acquired { stale, .. } => assert_eq!(stale, Some(me("anna"))),
            other => panic!("expected take-over, got {other:?}"),
        }
    }

    #[test]
    fn a_lock_of_a_killed_process_is_taken_over() {
        // A real second process holds the lock, then is killed without cleaning up.
        let dir = tempfile::tempdir().unwrap();
        let session = dir.path().join("sessie.json");
        let lock = lock_path(&session);
        fs::write(&lock, serde_json::to_vec(&me("anna")).unwrap()).unwrap();
        // `--close`: only flock itself holds the lock, not the command it waits for.
        let holder = std::process::Command::new("flock")
            .arg("--close")
            .arg(&lock)
            .args(["sleep", "30"])
            .spawn();
        let Ok(mut holder) = holder else {
            eprintln!("flock(1) not available; the in-process take-over test covers this");
            return;
        };
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(5);
        let held_by_helper = || {
            let file = File::open(&lock).unwrap();
            matches!(file.try_lock(), Err(fs::TryLockError::WouldBlock))
        };
        while !held_by_helper() {
            assert!(std::time::Instant::now() < deadline, "the helper never took the lock");
            std::thread::sleep(std::time::Duration::from_millis(20));
        }
        assert!(matches!(
            try_lock(&session, &me("bram")).unwrap(),
            LockOutcome::HeldElsewhere(Some(_))
        ));
        holder.kill().unwrap();
        holder.wait().unwrap();
        assert!(matches!(
            try_lock(&session, &me("bram")).unwrap(),
            LockOutcome::Acquired { stale: Some(_), .. }
        ));
    }
}
