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

/// The detail of a [`LoadError::Syntax`] for a file saved as UTF-16 instead of UTF-8.
pub const UTF16: &str = "the file is UTF-16, not UTF-8";

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
    let file = FileOut { format: FORMAT, version: VERSION, session };
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
    // Notepad and Excel start a UTF-8 file with a byte-order mark; it is not part of the JSON.
    // Lines and columns are counted after it, as an editor shows them.
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF") {
        // Notepad's "Unicode": serde_json would only say it expected a value at 1:1.
        let at = Position { line: 1, column: 1 };
        return Err(LoadError::Syntax { path, at, truncated: false, detail: UTF16.to_owned() });
    }
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(LoadError::Empty { path });
    }
    let text = String::from_utf8_lossy(bytes);
    let mut value: Value = serde_json::from_slice(bytes).map_err(|e| LoadError::Syntax {
        path: path.clone(),
        at: Position { line: e.line(), column: e.column() },
        truncated: e.is_eof(),
        detail: without_position(&e.to_string()),
    })?;
    if value.get("format").and_then(Value::as_str) != Some(FORMAT) {
        return Err(LoadError::NotKnoop { path });
    }
    let version = match value.get("version").and_then(Value::as_u64) {
        Some(v) if v > u64::from(current) => {
            return Err(LoadError::TooNew { path, version: v, supported: current });
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
                at: Some(Position { line: inner.line(), column: inner.column() }),
                field: e.path().to_string(),
                detail: without_position(&inner.to_string()),
            }
        })?
    } else {
        for (step, migrate) in migrations.iter().enumerate().skip(version as usize - 1) {
            migrate(&mut value).map_err(|detail| LoadError::InvalidField {
                path: path.clone(),
                at: None,
                field: "session".into(),
                detail: format!("{} → {}: {detail}", step + 1, step + 2),
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

/// serde_json ends its messages with " at line L column C"; knoop says where itself.
fn without_position(detail: &str) -> String {
    match detail.rfind(" at line ") {
        Some(at) => detail[..at].to_owned(),
        None => detail.to_owned(),
    }
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Role, template};

    fn session() -> Session {
        let mut s = Session::new(
            "Migratie",
            &template::PREVENTIEMATRIX,
            "2026-11-23T09:00:00Z".parse().unwrap(),
        );
        s.add_participant("Anna", "School", Role::Structural);
        s
    }

    /// A test-only older shape: "version 1" called a participant's name `naam` and kept no
    /// `present` flag. Its step to "version 2" (today's shape here) renames and fills in.
    fn older_shape(s: &Session) -> Vec<u8> {
        let mut v: Value = serde_json::from_slice(&to_bytes(s)).unwrap();
        for p in v["session"]["participants"].as_array_mut().unwrap() {
            let p = p.as_object_mut().unwrap();
            let name = p.remove("name").unwrap();
            p.insert("naam".into(), name);
            p.remove("present");
        }
        serde_json::to_vec_pretty(&v).unwrap()
    }

    fn step_1_to_2(v: &mut Value) -> Result<(), String> {
        let participants =
            v["session"]["participants"].as_array_mut().ok_or("participants is not a list")?;
        for p in participants {
            let p = p.as_object_mut().ok_or("participant is not an object")?;
            let name = p.remove("naam").ok_or("participant without naam")?;
            p.insert("name".into(), name);
            p.insert("present".into(), Value::Bool(true));
        }
        Ok(())
    }

    #[test]
    fn the_current_version_round_trips_byte_for_byte() {
        let s = session();
        let bytes = to_bytes(&s);
        let back = from_bytes(Path::new("x.json"), &bytes).unwrap();
        assert_eq!(back, s);
        assert_eq!(to_bytes(&back), bytes);
    }

    #[test]
    fn a_byte_order_mark_is_accepted_and_positions_stay_right() {
        let s = session();
        let mut bytes = b"\xEF\xBB\xBF".to_vec();
        bytes.extend(to_bytes(&s));
        assert_eq!(from_bytes(Path::new("x.json"), &bytes).unwrap(), s);
        let broken = String::from_utf8(bytes).unwrap().replacen("\"title\": ", "\"title\" ", 1);
        match from_bytes(Path::new("x.json"), broken.as_bytes()) {
            Err(LoadError::Syntax { at, .. }) => {
                let line = broken.trim_start_matches('\u{feff}').lines().nth(at.line - 1).unwrap();
                assert!(line.contains("\"title\" "), "points at {line:?}");
            }
            other => panic!("expected a syntax error, got {other:?}"),
        }
    }

    #[test]
    fn a_utf16_file_is_told_to_be_saved_as_utf8() {
        let err = from_bytes(Path::new("x.json"), b"\xFF\xFE{\0}\0").unwrap_err();
        assert!(err.message(crate::i18n::Lang::Nl).contains("UTF-8"), "{err:?}");
        assert!(err.message(crate::i18n::Lang::En).contains("UTF-8"), "{err:?}");
    }

    #[test]
    fn an_empty_file_says_so() {
        for bytes in [&b""[..], b"  \n\r\n", b"\xEF\xBB\xBF\n"] {
            assert!(matches!(from_bytes(Path::new("x.json"), bytes), Err(LoadError::Empty { .. })));
        }
    }

    #[test]
    fn an_older_version_is_migrated_step_by_step() {
        let s = session();
        let old = older_shape(&s);
        // As today's knoop (version 1), the old shape is missing fields.
        assert!(matches!(
            from_bytes(Path::new("x.json"), &old),
            Err(LoadError::InvalidField { .. })
        ));
        // As a knoop whose current version is 2, the same bytes are migrated and read.
        let migrated = from_bytes_with(Path::new("x.json"), &old, 2, &[step_1_to_2]).unwrap();
        assert_eq!(migrated, s);
    }

    #[test]
    fn a_migration_that_fails_names_the_step() {
        let mut v: Value = serde_json::from_slice(&to_bytes(&session())).unwrap();
        v["session"]["participants"] = Value::from(3);
        let bytes = serde_json::to_vec(&v).unwrap();
        match from_bytes_with(Path::new("x.json"), &bytes, 2, &[step_1_to_2]) {
            Err(LoadError::InvalidField { detail, .. }) => {
                assert!(detail.contains("1 → 2"), "{detail}");
            }
            other => panic!("expected a migration error, got {other:?}"),
        }
    }
}
