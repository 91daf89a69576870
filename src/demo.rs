//! `knoop demo`: practise on a copy of the example sessions, so that trying knoop out never
//! changes a file of the repository (or of the installed program).
//!
//! The examples are compiled in; `knoop demo` copies them into the demo folder (knoop's data
//! folder, `~/.local/share/knoop/demo` on Linux, or a temporary folder with `--tijdelijk`) the
//! first time, and opens the first. Later runs go on with the same copy, so practice is not lost
//! between tries; `--reset` puts fresh copies back and forgets their backups and recovery files.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use crate::store::{self, SaveError};

/// The example sessions, by file name, in the order `knoop demo` offers them: the first opens.
pub const EXAMPLES: &[(&str, &str)] =
    &[("voorbeeld-basisschool.json", include_str!("../sessions/voorbeeld-basisschool.json"))];

/// The demo folder in knoop's own data folder (`~/.local/share/knoop/demo` on Linux), or
/// `None` when no home folder is known.
pub fn demo_dir() -> Option<PathBuf> {
    directories::ProjectDirs::from("nl", "knoop", "knoop").map(|d| d.data_dir().join("demo"))
}

/// What [`prepare`] did.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Prepared {
    /// The session to open: the first example's copy.
    pub first: PathBuf,
    /// Every copy in the demo folder.
    pub copies: Vec<PathBuf>,
    /// Whether fresh copies were written (a first run, `--reset`, or a copy gone missing).
    pub fresh: bool,
}

/// Puts the examples in `dir`: fresh copies when `reset` or when a copy is missing (with
/// `reset`, also without the backups and recovery files of the previous copies, so the demo
/// really starts over); otherwise the copies stay as practice left them.
pub fn prepare(
    dir: &Path,
    reset: bool,
    recovery_dir: Option<&Path>,
) -> Result<Prepared, SaveError> {
    fs::create_dir_all(dir).map_err(|e| SaveError::new(dir, store::SaveStep::CreateTemp, e))?;
    let mut fresh = false;
    let mut copies = Vec::new();
    for (name, text) in EXAMPLES {
        let copy = dir.join(name);
        if reset || !copy.exists() {
            store::write_replace(&copy, text.as_bytes())?;
            fresh = true;
        }
        if reset {
            remove_if_there(&store::backup_path(&copy))
                .and_then(|()| store::discard_recovery(&copy, recovery_dir))
                .map_err(|e| SaveError::new(&copy, store::SaveStep::Rename, e))?;
        }
        copies.push(copy);
    }
    let first = copies.first().cloned().unwrap_or_else(|| dir.to_owned());
    Ok(Prepared { first, copies, fresh })
}

fn remove_if_there(path: &Path) -> io::Result<()> {
    match fs::remove_file(path) {
        Err(e) if e.kind() != io::ErrorKind::NotFound => Err(e),
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_compiled_in_examples_are_valid_sessions() {
        let dir = tempfile::tempdir().unwrap();
        let prepared = prepare(dir.path(), false, None).unwrap();
        assert!(prepared.fresh);
        for copy in &prepared.copies {
            store::load(copy).unwrap();
        }
    }

    #[test]
    fn a_second_run_keeps_the_practice_and_reset_starts_over() {
        let dir = tempfile::tempdir().unwrap();
        let first = prepare(dir.path(), false, None).unwrap().first;
        fs::write(&first, b"practice").unwrap();
        fs::write(store::backup_path(&first), b"old").unwrap();
        let again = prepare(dir.path(), false, None).unwrap();
        assert!(!again.fresh);
        assert_eq!(fs::read(&first).unwrap(), b"practice");
        let reset = prepare(dir.path(), true, None).unwrap();
        assert!(reset.fresh);
        assert_eq!(fs::read_to_string(&first).unwrap(), EXAMPLES[0].1);
        assert!(!store::backup_path(&first).exists());
    }
}
