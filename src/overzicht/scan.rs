//! Reading a region's folder: every session file under it, in parallel, read-only.
//!
//! Nothing here takes, waits for or touches a lock: the overview only reads, so a session that
//! is open in a knoop at that moment is read as it was last saved. knoop saves by writing a
//! temporary file and renaming it over the session, so a read sees the old or the new file,
//! never half of one; a file that vanishes or reads wrong in the instant it is replaced is read
//! once more before it is listed as unread, with the reason in the interface language.
//!
//! Each file is turned into its [`Summary`] as soon as it is read and the session is dropped,
//! so memory grows with what the overview adds up, not with the files.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::time::Duration;

use super::summary::{Interner, Summary, summarize_with};
use crate::i18n::Lang;
use crate::i18n::errors::io_reason;
use crate::store::LoadError;
use crate::store::format::from_bytes;

/// A file the overview could not read, and why, in words.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Unread {
    /// The file.
    pub path: PathBuf,
    /// Why, in the interface language: what happened and what to do.
    pub reason: String,
}

/// What a folder holds: the sessions read (sorted by path) and the files that could not be.
#[derive(Clone, Debug, Default)]
pub struct Scan {
    /// The folder read.
    pub dir: PathBuf,
    /// One summary per session read, in path order.
    pub sessions: Vec<Summary>,
    /// The files that could not be read, in path order.
    pub unread: Vec<Unread>,
}

impl Scan {
    /// How many session files were found.
    pub fn files(&self) -> usize {
        self.sessions.len() + self.unread.len()
    }
}

/// A subfolder that could not be read, and what the system said.
pub type FolderError = (PathBuf, io::Error);

/// Every session file (`*.json`) under `dir`, subfolders included, in path order. Hidden
/// files and folders (knoop's temporary files start with a dot) and symbolic links to
/// folders are left out, so a link cannot send the walk in circles. A subfolder that cannot
/// be read is returned in the second list.
pub fn session_files(dir: &Path) -> io::Result<(Vec<PathBuf>, Vec<FolderError>)> {
    let mut files = Vec::new();
    let mut failed = Vec::new();
    let mut todo = vec![dir.to_owned()];
    let mut first = true;
    while let Some(folder) = todo.pop() {
        let entries = match fs::read_dir(&folder) {
            Ok(e) => e,
            // The folder asked for must exist; a subfolder that fails is reported, not fatal.
            Err(e) if first => return Err(e),
            Err(e) => {
                failed.push((folder, e));
                continue;
            }
        };
        first = false;
        for entry in entries.flatten() {
            let path = entry.path();
            let hidden = entry.file_name().to_string_lossy().starts_with('.');
            let Ok(kind) = entry.file_type() else { continue };
            if hidden {
                continue;
            }
            if kind.is_dir() {
                todo.push(path);
            } else if path.extension().is_some_and(|e| e == "json")
                && (kind.is_file() || (kind.is_symlink() && path.is_file()))
            {
                files.push(path);
            }
        }
    }
    files.sort();
    failed.sort_by(|a, b| a.0.cmp(&b.0));
    Ok((files, failed))
}

/// Reads one file into its summary; a failure is tried once more after a moment, for a file
/// caught while it was being replaced.
fn read_one(path: &Path, interner: &mut Interner) -> Result<Summary, LoadError> {
    let mut attempt = || {
        let bytes =
            fs::read(path).map_err(|source| LoadError::Io { path: path.to_owned(), source })?;
        from_bytes(path, &bytes).map(|session| summarize_with(path, &session, interner))
    };
    attempt().or_else(|_| {
        std::thread::sleep(Duration::from_millis(30));
        attempt()
    })
}

/// Reads every session file under `dir` on every core, without locks. The folder itself must
/// be readable; every other failure is an [`Unread`] entry, never a stop.
pub fn scan(dir: &Path, lang: Lang) -> io::Result<Scan> {
    let (files, failed_dirs) = session_files(dir)?;
    let threads = std::thread::available_parallelism().map_or(2, |n| n.get()).min(16);
    let chunk = files.len().div_ceil(threads).max(1);
    let mut sessions = Vec::with_capacity(files.len());
    let mut unread: Vec<Unread> = failed_dirs
        .into_iter()
        .map(|(path, e)| Unread { reason: io_reason(lang, &e, false).to_owned(), path })
        .collect();
    std::thread::scope(|scope| {
        let workers: Vec<_> = files
            .chunks(chunk)
            .map(|part| {
                scope.spawn(move || {
                    // One interner per worker: each theme, level and provider text kept once.
                    let mut interner = Interner::default();
                    part.iter()
                        .map(|p| (p, read_one(p, &mut interner)))
                        .map(|(p, r)| {
                            r.map_err(|e| Unread { path: p.clone(), reason: e.message(lang) })
                        })
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        for (worker, part) in workers.into_iter().zip(files.chunks(chunk)) {
            match worker.join() {
                Ok(results) => {
                    for r in results {
                        match r {
                            Ok(s) => sessions.push(s),
                            Err(u) => unread.push(u),
                        }
                    }
                }
                // A worker only stops on a bug in knoop; its files are listed, not lost.
                Err(_) => {
                    let e = io::Error::other("knoop");
                    let reason = io_reason(lang, &e, false).to_owned();
                    unread.extend(
                        part.iter().map(|p| Unread { path: p.clone(), reason: reason.clone() }),
                    );
                }
            }
        }
    });
    sessions.sort_by(|a, b| a.path.cmp(&b.path));
    unread.sort_by(|a, b| a.path.cmp(&b.path));
    Ok(Scan { dir: dir.to_owned(), sessions, unread })
}
