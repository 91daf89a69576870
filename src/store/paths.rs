//! Where sessions live, and file names that are safe everywhere.

use std::fs;
use std::path::{Path, PathBuf};

/// The sessions folder: `--dir` if given, else `KNOOP_DIR`, else the platform's data folder
/// (`~/.local/share/knoop/sessions` on Linux). `None` only when no home folder is known.
pub fn sessions_dir(cli: Option<PathBuf>, knoop_dir: Option<String>) -> Option<PathBuf> {
    if let Some(dir) = cli {
        return Some(dir);
    }
    if let Some(dir) = knoop_dir.filter(|d| !d.is_empty()) {
        return Some(PathBuf::from(dir));
    }
    directories::ProjectDirs::from("nl", "knoop", "knoop").map(|d| d.data_dir().join("sessions"))
}

/// The folder where knoop keeps what it could not save beside a session (recovery files):
/// `KNOOP_RECOVERY_DIR` if set, else the platform's data folder
/// (`~/.local/share/knoop/recovery` on Linux). A session's own folder may be read-only or
/// gone; this one is knoop's own. `None` only when no home folder is known.
pub fn recovery_dir(knoop_recovery_dir: Option<String>) -> Option<PathBuf> {
    if let Some(dir) = knoop_recovery_dir.filter(|d| !d.is_empty()) {
        return Some(PathBuf::from(dir));
    }
    directories::ProjectDirs::from("nl", "knoop", "knoop").map(|d| d.data_dir().join("recovery"))
}

/// The one name of a file, however it was spelled: symlinks followed (also a link to a file
/// that does not exist yet), `.` and `..` resolved, relative made absolute. Locks and
/// recovery files are keyed on it, so a second spelling of the same session finds them.
pub fn canonical(path: &Path) -> PathBuf {
    let path = follow_links(path);
    if let Ok(p) = fs::canonicalize(&path) {
        return p;
    }
    // The file does not exist (yet): resolve its folder and keep the name.
    if let (Some(parent), Some(name)) = (path.parent(), path.file_name()) {
        let parent = if parent.as_os_str().is_empty() { Path::new(".") } else { parent };
        if let Ok(p) = fs::canonicalize(parent) {
            return p.join(name);
        }
    }
    std::path::absolute(&path).unwrap_or(path)
}

/// Where writing to `path` should go: the target of a symlink (even one whose target does not
/// exist yet), so that saving through a link changes the file and leaves the link a link.
pub fn follow_links(path: &Path) -> PathBuf {
    let mut path = path.to_owned();
    // As many hops as the operating system itself allows before it gives up (ELOOP).
    for _ in 0..40 {
        let is_link = fs::symlink_metadata(&path).is_ok_and(|m| m.file_type().is_symlink());
        let Ok(target) = fs::read_link(&path) else { break };
        if !is_link {
            break;
        }
        path = match path.parent() {
            Some(parent) => parent.join(target),
            None => target,
        };
    }
    path
}

/// Names Windows refuses for a file, whatever the extension.
const RESERVED: [&str; 22] = [
    "con", "prn", "aux", "nul", "com1", "com2", "com3", "com4", "com5", "com6", "com7", "com8",
    "com9", "lpt1", "lpt2", "lpt3", "lpt4", "lpt5", "lpt6", "lpt7", "lpt8", "lpt9",
];

/// The longest stem, so the full path stays well inside every platform's limits.
const MAX_STEM: usize = 60;

/// A file stem from a title: lower case ASCII letters, digits and dashes, accents folded
/// ("Knooppunt Één!" → "knooppunt-een"), never empty and never a reserved name.
pub fn file_stem(title: &str) -> String {
    let mut stem = String::new();
    for c in title.chars().flat_map(fold_accent) {
        if c.is_ascii_alphanumeric() {
            stem.push(c.to_ascii_lowercase());
        } else if !stem.is_empty() && !stem.ends_with('-') {
            stem.push('-');
        }
        if stem.len() >= MAX_STEM {
            break;
        }
    }
    let stem = stem.trim_end_matches('-').to_owned();
    if stem.is_empty() {
        "sessie".to_owned()
    } else if RESERVED.contains(&stem.as_str()) {
        format!("{stem}-sessie")
    } else {
        stem
    }
}

/// The candidate file names for a title, in order: `stem.json`, `stem-2.json`, …
pub fn file_names(title: &str) -> impl Iterator<Item = String> {
    let stem = file_stem(title);
    (1..).map(move |n| match n {
        1 => format!("{stem}.json"),
        n => format!("{stem}-{n}.json"),
    })
}

/// Letters with an accent become their plain letter; ß and ligatures become two letters.
fn fold_accent(c: char) -> impl Iterator<Item = char> {
    let plain = match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'À' | 'Á' | 'Â' | 'Ã' | 'Ä' | 'Å' => "a",
        'è' | 'é' | 'ê' | 'ë' | 'È' | 'É' | 'Ê' | 'Ë' => "e",
        'ì' | 'í' | 'î' | 'ï' | 'Ì' | 'Í' | 'Î' | 'Ï' => "i",
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'Ò' | 'Ó' | 'Ô' | 'Õ' | 'Ö' | 'Ø' => "o",
        'ù' | 'ú' | 'û' | 'ü' | 'Ù' | 'Ú' | 'Û' | 'Ü' => "u",
        'ý' | 'ÿ' | 'Ý' => "y",
        'ç' | 'Ç' => "c",
        'ñ' | 'Ñ' => "n",
        'ß' => "ss",
        'æ' | 'Æ' => "ae",
        'œ' | 'Œ' => "oe",
        'ĳ' | 'Ĳ' => "ij",
        _ => "",
    };
    let own = plain.is_empty().then_some(c);
    own.into_iter().chain(plain.chars())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stems_are_safe_on_every_platform() {
        assert_eq!(
            file_stem("Knooppunt De Regenboog, najaar 2026"),
            "knooppunt-de-regenboog-najaar-2026"
        );
        assert_eq!(file_stem("Één / twee: drie?*<>|\"\\"), "een-twee-drie");
        assert_eq!(file_stem("Café Ĳsselmonde — ß"), "cafe-ijsselmonde-ss");
        assert_eq!(file_stem("  ...  "), "sessie");
        assert_eq!(file_stem("CON"), "con-sessie");
        assert_eq!(file_stem("日本語"), "sessie");
        assert!(file_stem(&"lang ".repeat(50)).len() <= MAX_STEM);
        assert!(!file_stem(&"a-".repeat(40)).ends_with('-'));
    }

    #[cfg(unix)]
    #[test]
    fn every_spelling_of_a_file_has_one_canonical_name() {
        let dir = tempfile::tempdir().unwrap();
        let real = dir.path().canonicalize().unwrap();
        fs::create_dir(real.join("sub")).unwrap();
        fs::write(real.join("s.json"), "x").unwrap();
        std::os::unix::fs::symlink(real.join("s.json"), real.join("link.json")).unwrap();
        std::os::unix::fs::symlink("nog-niet.json", real.join("vooruit.json")).unwrap();
        let want = real.join("s.json");
        assert_eq!(canonical(&real.join("link.json")), want);
        assert_eq!(canonical(&real.join("sub/../s.json")), want);
        assert_eq!(canonical(&real.join("./s.json")), want);
        // A file that does not exist yet, and a link to one.
        assert_eq!(canonical(&real.join("sub/../nieuw.json")), real.join("nieuw.json"));
        assert_eq!(canonical(&real.join("vooruit.json")), real.join("nog-niet.json"));
        assert_eq!(follow_links(&real.join("vooruit.json")), real.join("nog-niet.json"));
    }

    #[test]
    fn names_count_up_when_taken() {
        let names: Vec<_> = file_names("Overleg").take(3).collect();
        assert_eq!(names, ["overleg.json", "overleg-2.json", "overleg-3.json"]);
    }

    #[test]
    fn the_folder_comes_from_flag_then_environment_then_platform() {
        assert_eq!(sessions_dir(Some("/a".into()), Some("/b".into())), Some(PathBuf::from("/a")));
        assert_eq!(sessions_dir(None, Some("/b".into())), Some(PathBuf::from("/b")));
        if let Some(dir) = sessions_dir(None, None) {
            assert!(dir.ends_with("sessions"));
        }
    }
}
