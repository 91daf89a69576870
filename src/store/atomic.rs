//! Saving that never leaves a half-written file.
//!
//! The new bytes go to a temporary file in the same folder (same file system, so the final
//! rename is atomic), which is flushed and fsynced, given the old file's permissions, and
//! renamed over the old file; then the folder is fsynced so the rename itself survives a power
//! cut. Just before the rename the old file is copied to `NAME.bak` the same careful way.
//! A failure at any step before the rename leaves the old file byte for byte as it was.
//! `tempfile` is used for the temporary file because it picks a unique name and deletes the
//! file again if anything fails on the way.

use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use tempfile::NamedTempFile;

use super::error::{SaveError, SaveStep};

/// A failure to inject at one step, so tests can prove each step's failure is harmless.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Fault {
    /// Fail when making the temporary file, as in a folder that cannot be written.
    CreateTemp,
    /// Write half of the bytes, then fail, as a full disk does.
    WriteHalfway,
    /// Fail the fsync.
    Sync,
    /// Fail making the backup.
    Backup,
    /// Fail the rename.
    Rename,
}

/// The backup beside `path`: `NAME.json.bak`.
pub fn backup_path(path: &Path) -> PathBuf {
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(".bak");
    path.with_file_name(name)
}

/// Writes `bytes` to `path` atomically, keeping the previous version as a backup.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), SaveError> {
    write_atomic_with(path, bytes, None)
}

/// Writes `bytes` as a new file at `path`; fails with `AlreadyExists` rather than replace one.
pub fn write_new(path: &Path, bytes: &[u8]) -> Result<(), SaveError> {
    let err = |step| move |source| SaveError::new(path, step, source);
    let temp = filled_temp(path, bytes, None)?;
    temp.persist_noclobber(path).map_err(|e| err(SaveStep::Rename)(e.error))?;
    sync_folder(path).map_err(err(SaveStep::SyncFolder))
}

/// Writes `bytes` to `path` atomically without keeping a backup: for files knoop makes from a
/// session (reports), which can always be made again.
pub fn write_replace(path: &Path, bytes: &[u8]) -> Result<(), SaveError> {
    let err = |step| move |source| SaveError::new(path, step, source);
    let temp = filled_temp(path, bytes, None)?;
    temp.persist(path).map_err(|e| err(SaveStep::Rename)(e.error))?;
    sync_folder(path).map_err(err(SaveStep::SyncFolder))
}

pub(crate) fn write_atomic_with(
    path: &Path,
    bytes: &[u8],
    fault: Option<Fault>,
) -> Result<(), SaveError> {
    let err = |step| move |source| SaveError::new(path, step, source);
    let temp = filled_temp(path, bytes, fault)?;
    if let Ok(old) = fs::metadata(path) {
        fs::set_permissions(temp.path(), old.permissions()).map_err(err(SaveStep::Permissions))?;
        inject(fault, Fault::Backup).map_err(err(SaveStep::Backup))?;
        let old_bytes = fs::read(path).map_err(err(SaveStep::Backup))?;
        let backup = filled_temp(path, &old_bytes, None)?;
        fs::set_permissions(backup.path(), old.permissions()).map_err(err(SaveStep::Backup))?;
        backup.persist(backup_path(path)).map_err(|e| err(SaveStep::Backup)(e.error))?;
    }
    inject(fault, Fault::Rename).map_err(err(SaveStep::Rename))?;
    temp.persist(path).map_err(|e| err(SaveStep::Rename)(e.error))?;
    sync_folder(path).map_err(err(SaveStep::SyncFolder))
}

/// A temporary file beside `path` holding `bytes`, flushed and fsynced.
fn filled_temp(
    path: &Path,
    bytes: &[u8],
    fault: Option<Fault>,
) -> Result<NamedTempFile, SaveError> {
    let err = |step| move |source| SaveError::new(path, step, source);
    let folder = folder_of(path);
    inject(fault, Fault::CreateTemp).map_err(err(SaveStep::CreateTemp))?;
    let mut temp = tempfile::Builder::new()
        .prefix(".knoop-")
        .suffix(".tmp")
        .tempfile_in(folder)
        .map_err(err(SaveStep::CreateTemp))?;
    if fault == Some(Fault::WriteHalfway) {
        temp.write_all(&bytes[..bytes.len() / 2]).map_err(err(SaveStep::Write))?;
        return Err(err(SaveStep::Write)(io::Error::other("schijf vol (test)")));
    }
    temp.write_all(bytes).map_err(err(SaveStep::Write))?;
    temp.flush().map_err(err(SaveStep::Write))?;
    inject(fault, Fault::Sync).map_err(err(SaveStep::Sync))?;
    temp.as_file().sync_all().map_err(err(SaveStep::Sync))?;
    Ok(temp)
}

fn folder_of(path: &Path) -> &Path {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    }
}

fn inject(fault: Option<Fault>, at: Fault) -> io::Result<()> {
    if fault == Some(at) { Err(io::Error::other("ingebouwde testfout")) } else { Ok(()) }
}

/// Makes a rename in the folder durable. Folders cannot be opened for syncing on Windows;
/// there the rename is durable by itself.
fn sync_folder(path: &Path) -> io::Result<()> {
    #[cfg(unix)]
    {
        fs::File::open(folder_of(path))?.sync_all()
    }
    #[cfg(not(unix))]
    {
        let _ = path;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn leftovers(dir: &Path) -> Vec<String> {
        fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| n.ends_with(".tmp"))
            .collect()
    }

    #[test]
    fn saving_replaces_the_file_and_keeps_the_previous_as_backup() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("sessie.json");
        write_atomic(&path, b"eerste").unwrap();
        assert!(!backup_path(&path).exists(), "nothing to back up the first time");
        write_atomic(&path, b"tweede").unwrap();
        assert_eq!(fs::read(&path).unwrap(), b"tweede");
        assert_eq!(fs::read(backup_path(&path)).unwrap(), b"eerste");
        assert!(leftovers(dir.path()).is_empty());
    }

    #[test]
    fn a_failure_at_any_step_leaves_the_old_file_byte_for_byte() {
        for fault in
            [Fault::CreateTemp, Fault::WriteHalfway, Fault::Sync, Fault::Backup, Fault::Rename]
        {
            let dir = tempfile::tempdir().unwrap();
            let path = dir.path().join("sessie.json");
            let old = "{\"oud\": \"één versie\"}\n".repeat(100);
            fs::write(&path, &old).unwrap();
            let err = write_atomic_with(&path, &vec![b'x'; 5000], Some(fault)).unwrap_err();
            assert_eq!(err.path, path, "{fault:?}");
            assert_eq!(fs::read_to_string(&path).unwrap(), old, "{fault:?}");
            assert!(leftovers(dir.path()).is_empty(), "{fault:?} left a temp file");
        }
    }

    #[cfg(unix)]
    #[test]
    fn the_file_keeps_its_permissions() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("sessie.json");
        fs::write(&path, "oud").unwrap();
        fs::set_permissions(&path, fs::Permissions::from_mode(0o640)).unwrap();
        write_atomic(&path, b"nieuw").unwrap();
        let mode = fs::metadata(&path).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o640);
    }

    #[cfg(unix)]
    #[test]
    fn a_folder_that_cannot_be_written_fails_and_leaves_the_file() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("sessie.json");
        fs::write(&path, "oud").unwrap();
        fs::set_permissions(dir.path(), fs::Permissions::from_mode(0o500)).unwrap();
        let probe = dir.path().join("probe");
        let root_ignores_permissions = fs::write(&probe, "").is_ok();
        if root_ignores_permissions {
            // Running as root: permissions do not stop us, so inject the same failure
            // (the temporary file cannot be made) that a read-only folder gives.
            fs::remove_file(&probe).unwrap();
            let err = write_atomic_with(&path, b"nieuw", Some(Fault::CreateTemp)).unwrap_err();
            assert_eq!(err.step, SaveStep::CreateTemp);
        } else {
            let err = write_atomic(&path, b"nieuw").unwrap_err();
            assert_eq!(err.step, SaveStep::CreateTemp);
            assert_eq!(err.source.kind(), io::ErrorKind::PermissionDenied);
        }
        fs::set_permissions(dir.path(), fs::Permissions::from_mode(0o700)).unwrap();
        assert_eq!(fs::read_to_string(&path).unwrap(), "oud");
    }

    #[test]
    fn a_missing_folder_is_an_error_not_a_panic() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("weg").join("sessie.json");
        let err = write_atomic(&path, b"x").unwrap_err();
        assert_eq!(err.step, SaveStep::CreateTemp);
        assert_eq!(err.source.kind(), io::ErrorKind::NotFound);
    }

    #[test]
    fn write_new_never_replaces_a_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("sessie.json");
        write_new(&path, b"eerste").unwrap();
        let err = write_new(&path, b"tweede").unwrap_err();
        assert_eq!(err.source.kind(), io::ErrorKind::AlreadyExists);
        assert_eq!(fs::read(&path).unwrap(), b"eerste");
        assert!(leftovers(dir.path()).is_empty());
    }
}
