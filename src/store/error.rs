//! What can go wrong with a session file, said so that a facilitator knows what to do.

use std::io;
use std::path::{Path, PathBuf};

use crate::i18n::errors::{
    detail_in, io_reason, position_text, rule_text, save_what_to_do, syntax_text, with_detail,
};
use crate::i18n::{Lang, fill};
use crate::model::{PathSeg, RuleKind};

/// The step of a save that failed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SaveStep {
    /// Making the temporary file beside the session.
    CreateTemp,
    /// Writing the bytes.
    Write,
    /// Flushing them to the disk.
    Sync,
    /// Copying the old file's permissions.
    Permissions,
    /// Keeping the previous version as a backup.
    Backup,
    /// Putting the new file in place.
    Rename,
    /// Making the rename durable.
    SyncFolder,
    /// Checking the place a session is saved to under a new name: another file is there
    /// (`AlreadyExists`) or that session is open in another knoop (`ResourceBusy`).
    Target,
}

/// A save that did not happen. Up to the rename, the old file is untouched.
#[derive(Debug)]
pub struct SaveError {
    /// The session file.
    pub path: PathBuf,
    /// Where it failed.
    pub step: SaveStep,
    /// What the system said.
    pub source: io::Error,
}

impl SaveError {
    pub(crate) fn new(path: &Path, step: SaveStep, source: io::Error) -> Self {
        SaveError { path: path.to_owned(), step, source }
    }

    /// A few words for a status line, in `lang`: "schijf vol", "geen schrijfrechten",
    /// "alleen-lezen schijf", "map bestaat niet meer", …
    pub fn reason(&self, lang: Lang) -> &'static str {
        io_reason(lang, &self.source, true)
    }

    /// What happened, to which file, at which step, and what to do, in `lang`. Never the
    /// system's own (English) words: those are in [`SaveError::detail`].
    pub fn message(&self, lang: Lang) -> String {
        let t = lang.texts();
        let step = match self.step {
            SaveStep::CreateTemp => t.save_step_create_temp,
            SaveStep::Write => t.save_step_write,
            SaveStep::Sync => t.save_step_sync,
            SaveStep::Permissions => t.save_step_permissions,
            SaveStep::Backup => t.save_step_backup,
            SaveStep::Rename => t.save_step_rename,
            SaveStep::SyncFolder => t.save_step_sync_folder,
            SaveStep::Target => t.save_step_target,
        };
        let what = fill(t.save_failed, &[&self.path.display(), &step, &self.reason(lang)]);
        format!("{what}\n{}", save_what_to_do(lang, &self.source))
    }

    /// The system's own words ("No space left on device (os error 28)"), for `--verbose`.
    pub fn detail(&self) -> String {
        self.source.to_string()
    }

    /// [`SaveError::message`], with the system's words on a last line when `verbose`.
    pub fn report(&self, lang: Lang, verbose: bool) -> String {
        with_detail(lang, self.message(lang), Some(self.detail()), verbose)
    }
}

/// Where in a file something is wrong: 1-based line and column.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Position {
    /// Line, from 1.
    pub line: usize,
    /// Column, from 1, in characters.
    pub column: usize,
}

/// Why a session file was refused. The file itself is never changed.
#[derive(Debug)]
pub enum LoadError {
    /// It could not be read at all.
    Io {
        /// The file.
        path: PathBuf,
        /// What the system said.
        source: io::Error,
    },
    /// It is empty, or holds only spaces and line breaks.
    Empty {
        /// The file.
        path: PathBuf,
    },
    /// It is not valid JSON (or it ends too soon).
    Syntax {
        /// The file.
        path: PathBuf,
        /// Where.
        at: Position,
        /// The file ends before the JSON does: truncated.
        truncated: bool,
        /// The parser's own words, without its position; shown only with `--verbose`.
        detail: String,
    },
    /// Valid JSON, but not a knoop session.
    NotKnoop {
        /// The file.
        path: PathBuf,
    },
    /// Made by a newer knoop than this one.
    TooNew {
        /// The file.
        path: PathBuf,
        /// Its version.
        version: u64,
        /// The newest version this knoop reads.
        supported: u32,
    },
    /// The version field is not a version this knoop knows.
    BadVersion {
        /// The file.
        path: PathBuf,
    },
    /// A field is missing or holds the wrong kind of value.
    InvalidField {
        /// The file.
        path: PathBuf,
        /// Where, if known.
        at: Option<Position>,
        /// The field, e.g. `session.actions[2].due`.
        field: String,
        /// The parser's own words; in Dutch they are rebuilt, see [`detail_in`].
        detail: String,
    },
    /// The content breaks a rule of the model.
    Rule {
        /// The file.
        path: PathBuf,
        /// Where, if found.
        at: Option<Position>,
        /// The field.
        field: String,
        /// Which rule.
        kind: RuleKind,
    },
}

impl LoadError {
    /// The file the error is about.
    pub fn path(&self) -> &Path {
        match self {
            LoadError::Io { path, .. }
            | LoadError::Empty { path }
            | LoadError::Syntax { path, .. }
            | LoadError::NotKnoop { path }
            | LoadError::TooNew { path, .. }
            | LoadError::BadVersion { path }
            | LoadError::InvalidField { path, .. }
            | LoadError::Rule { path, .. } => path,
        }
    }

    /// What happened, where (file, line, column, field) and what to do, in `lang`. Never the
    /// parser's or the system's own English: that is in [`LoadError::detail`].
    pub fn message(&self, lang: Lang) -> String {
        let t = lang.texts();
        let path = self.path().display();
        let at = |p: &Option<Position>| match p {
            Some(p) => format!(" ({})", position_text(lang, *p)),
            None => String::new(),
        };
        let (what, to_do) = match self {
            LoadError::Io { source, .. } if source.kind() == io::ErrorKind::NotFound => {
                return fill(t.load_not_found, &[&path]);
            }
            LoadError::Io { source, .. } if source.kind() == io::ErrorKind::PermissionDenied => {
                return fill(t.load_no_permission, &[&path]);
            }
            LoadError::Io { source, .. } if source.kind() == io::ErrorKind::IsADirectory => {
                return fill(t.load_is_dir, &[&path]);
            }
            LoadError::Io { source, .. } => {
                return fill(t.load_io, &[&path, &io_reason(lang, source, false)]);
            }
            LoadError::Empty { .. } => (fill(t.load_empty, &[&path]), t.load_what_to_do_empty),
            LoadError::Syntax { at: p, truncated, detail, .. } => {
                let template = if *truncated { t.load_truncated } else { t.load_syntax };
                let what =
                    fill(template, &[&path, &position_text(lang, *p), &syntax_text(lang, detail)]);
                (what, t.load_what_to_do)
            }
            LoadError::NotKnoop { .. } => {
                (fill(t.load_not_knoop, &[&path]), t.load_what_to_do_other)
            }
            LoadError::TooNew { version, supported, .. } => {
                (fill(t.load_too_new, &[&path, version, supported]), t.load_what_to_do_newer)
            }
            LoadError::BadVersion { .. } => (fill(t.load_bad_version, &[&path]), t.load_what_to_do),
            LoadError::InvalidField { at: p, field, detail, .. } => (
                fill(t.load_invalid_field, &[&path, &at(p), field, &detail_in(lang, detail)]),
                t.load_what_to_do,
            ),
            LoadError::Rule { at: p, field, kind, .. } => (
                fill(t.load_rule, &[&path, &at(p), field, &rule_text(lang, kind)]),
                t.load_what_to_do,
            ),
        };
        format!("{what}\n{to_do}")
    }

    /// The parser's or the system's own words, for `--verbose`; `None` when knoop's message
    /// says it all.
    pub fn detail(&self) -> Option<String> {
        match self {
            LoadError::Io { source, .. } => Some(source.to_string()),
            LoadError::Syntax { detail, .. } | LoadError::InvalidField { detail, .. } => {
                Some(detail.clone())
            }
            _ => None,
        }
    }

    /// [`LoadError::message`], with the original words on a last line when `verbose`.
    pub fn report(&self, lang: Lang, verbose: bool) -> String {
        with_detail(lang, self.message(lang), self.detail(), verbose)
    }
}

/// A field path as a person reads it: `session.actions[2].owner`.
pub fn field_text(path: &[PathSeg]) -> String {
    let mut out = String::from("session");
    for seg in path {
        out.push_str(&seg.to_string());
    }
    out
}
