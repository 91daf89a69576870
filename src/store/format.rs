//! The session file format: `{"format": "knoop-session", "version": N, "session": {…}}`.
//!
//! Pretty-printed with the model's field order, so a session diffs well in git. Older versions
//! are brought up to date one step at a time before they are read; newer ones are refused.

use std::path::Path;

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::error::{LoadError, Position, field_text};
use super::locate::locate;
use crate::model::{PathSeg, Session};

/// The value of the `format` field.
pub const FORMAT: &str = "knoop-session";

/// The version this knoop writes, and the newest it reads.
pub const VERSION: u32 = 1;

/// One migration step: turns the JSON of version `n` into that of version `n + 1`.
pub type Migration = fn(&mut Value) -> Result<(), String>;

/// The steps from each older version: `MIGRATIONS[0]` takes version 1 to 2, and so on.
/// There is only version 1 yet; the mechanism is exercised by a test-only older shape.
pub const MIGRATIONS: &[Migration] = &[];

#[derive(Serialize)]
struct FileOut<'a> {
    format: &'static str,
    version: u32,
    session: &'a Session,
}

#[derive(Deserialize)]
struct FileIn {
    #[serde(rename = "format")]
    _format: String,
    #[serde(rename = "version")]
    _version: u32,
    session: Session,
}

/// The bytes of a session file, ending in a newline.
pub fn to_bytes(session: &Session) -> Vec<u8> {
    let file = FileOut {
        format: FORMAT,
        version: VERSION,
        session,
    };
    let mut bytes =
        serde_json::to_vec_pretty(&file).expect("a session always serializes: plain data only");
    bytes.push(b'\n');
    bytes
}

/// Reads a session from the bytes of the file at `path` (the path is for messages only).
pub fn from_bytes(path: &Path, bytes: &[u8]) -> Result<Session, LoadError> {
    from_bytes_with(path, bytes, VERSION, MIGRATIONS)
}

pub(crate) fn from_bytes_with(
    path: &Path,
    bytes: &[u8],
    current: u32,
    migrations: &[Migration],
) -> Result<Session, LoadError> {
    let path = path.to_owned();
    let text = String::from_utf8_lossy(bytes);
    let mut value: Value = serde_json::from_slice(bytes).map_err(|e| LoadError::Syntax {
        path: path.clone(),
        at: Position {
            line: e.line(),
            column: e.column(),
        },
        truncated: e.is_eof(),
        detail: e.to_string(),
    })?;
    if value.get("format").and_then(Value::as_str) != Some(FORMAT) {
        return Err(LoadError::NotKnoop { path });
    }
    let version = match value.get("version").and_then(Value::as_u64) {
        Some(v) if v > u64::from(current) => {
            return Err(LoadError::TooNew {
                path,
                version: v,
                supported: current,
            });
        }
        Some(v) if v >= 1 => v as u32,
        _ => return Err(LoadError::BadVersion { path }),
    };

    let session = if version == current {
        let mut de = serde_json::Deserializer::from_slice(bytes);
        serde_path_to_error::deserialize::<_, FileIn>(&mut de).map_err(|e| {
            let inner = e.inner();
            LoadError::InvalidField {
                path: path.clone(),
                at: Some(Position {
                    line: inner.line(),
                    column: inner.column(),
                }),
                field: e.path().to_string(),
                detail: inner.to_string(),
            }
        })?
    } else {
        for (step, migrate) in migrations.iter().enumerate().skip(version as usize - 1) {
            migrate(&mut value).map_err(|detail| LoadError::InvalidField {
                path: path.clone(),
                at: None,
                field: "session".into(),
                detail: format!("versie {} → {}: {detail}", step + 1, step + 2),
            })?;
            value["version"] = Value::from(step as u64 + 2);
        }
        serde_path_to_error::deserialize::<_, FileIn>(value).map_err(|e| {
            let segs = to_segs(e.path());
            LoadError::InvalidField {
                path: path.clone(),
                at: locate(&text, &segs),
                field: e.path().to_string(),
                detail: e.inner().to_string(),
            }
        })?
    }
    .session;

    session.validate().map_err(|broken| {
        let mut segs = vec![PathSeg::Key("session".into())];
        segs.extend(broken.path.iter().cloned());
        LoadError::Rule {
            at: locate(&text, &segs),
            path: path.clone(),
            field: field_text(&broken.path),
            kind: broken.kind,
        }
    })?;
    Ok(session)
}

fn to_segs(path: &serde_path_to_error::Path) -> Vec<PathSeg> {
    use serde_path_to_error::Segment;
    path.iter()
        .filter_map(|seg| match seg {
            Segment::Seq { index } => Some(PathSeg::Index(*index)),
            Segment::Map { key } => Some(PathSeg::Key(key.clone())),
            Segment::Enum { variant } => Some(PathSeg::Key(variant.clone())),
            Segment::Unknown => None,
        })
        .collect()
}
