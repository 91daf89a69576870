//! The commands that read or write files and print: new, list, check, open (not on a
//! terminal), export, the man page, the follow-up, figures, demo, cheat sheet, generator.

use std::io::Write;
use std::path::{Path, PathBuf};

use jiff::Timestamp;
use jiff::tz::TimeZone;

use crate::i18n::{Lang, date_text, fill, moment_text};
use crate::model::{ActivityStatus, Session, template};
use crate::store::{self, Access, LockInfo, ReadOnlyReason};

use super::screens::*;
use super::{Failure, Outcome, View, command};

pub(super) fn new(
    lang: Lang,
    dir: &Path,
    title: &str,
    template_key: &str,
    view: View,
    out: &mut impl Write,
) -> Outcome {
    let title = title.trim();
    if title.is_empty() {
        return Err(Failure::Usage("--title".to_owned()));
    }
    let template =
        template::by_key(template_key).ok_or_else(|| Failure::Usage(template_key.to_owned()))?;
    let now = Timestamp::now();
    let today = jiff::ZonedDateTime::now().date();
    let session = Session::for_meeting(title, template, now, today);
    let path =
        store::create(dir, &session).map_err(|e| Failure::Bad(e.report(lang, view.verbose)))?;
    let _ = writeln!(out, "{}", fill(lang.texts().created_at, &[&path.display()]));
    if !on_terminal() {
        return Ok(());
    }
    let opened = store::open(&path, Timestamp::now())
        .map_err(|e| Failure::Bad(e.report(lang, view.verbose)))?;
    full_screen(lang, opened, view, false)
}

pub(super) fn list(lang: Lang, dir: &Path, out: &mut impl Write) -> Outcome {
    let t = lang.texts();
    let listed =
        store::list(dir).map_err(|e| Failure::Bad(fill(t.load_io, &[&dir.display(), &e])))?;
    if listed.is_empty() {
        let _ = writeln!(out, "{}", fill(t.list_empty, &[&dir.display()]));
        return Ok(());
    }
    let zone = TimeZone::system();
    let rows: Vec<[String; 4]> = listed
        .iter()
        .map(|l| match &l.session {
            Ok(s) => [
                s.title.clone(),
                s.meeting_date.map_or_else(|| t.no_date.to_owned(), |d| date_text(lang, d)),
                moment_text(lang, s.updated, &zone),
                l.path.display().to_string(),
            ],
            Err(_) => [
                fill(t.list_unreadable, &[&l.path.display()]),
                String::new(),
                String::new(),
                l.path.display().to_string(),
            ],
        })
        .collect();
    let header =
        [t.list_col_title, t.list_col_date, t.list_col_changed, t.list_col_file].map(str::to_owned);
    let widths: Vec<usize> = (0..4)
        .map(|c| rows.iter().chain([&header]).map(|r| r[c].chars().count()).max().unwrap_or(0))
        .collect();
    let _ = writeln!(out, "{}", fill(t.list_header, &[&dir.display()]));
    for row in [&header].into_iter().chain(&rows) {
        let cells: Vec<String> = row
            .iter()
            .zip(&widths)
            .map(|(cell, w)| format!("{cell}{}", " ".repeat(w - cell.chars().count())))
            .collect();
        let _ = writeln!(out, "  {}", cells.join("  ").trim_end());
    }
    Ok(())
}

pub(super) fn check(lang: Lang, files: &[PathBuf], verbose: bool, out: &mut impl Write) -> Outcome {
    let t = lang.texts();
    let mut problems = Vec::new();
    for file in files {
        match store::load(file) {
            Ok(session) => {
                let _ = writeln!(out, "{}", fill(t.check_ok, &[&file.display(), &session.title]));
            }
            Err(e) => problems.push(e.report(lang, verbose)),
        }
    }
    if problems.is_empty() { Ok(()) } else { Err(Failure::Bad(problems.join("\n\n"))) }
}

/// Who holds a lock, in words (never a blank name); see [`crate::i18n::errors::holder_text`].
pub fn holder_text(lang: Lang, holder: Option<&LockInfo>) -> String {
    crate::i18n::errors::holder_text(lang, holder)
}

pub(super) fn open(lang: Lang, file: &Path, view: View, out: &mut impl Write) -> Outcome {
    let t = lang.texts();
    let opened = store::open(file, Timestamp::now())
        .map_err(|e| Failure::Bad(e.report(lang, view.verbose)))?;
    if let Some(took_over) = opened.took_over_message(lang) {
        let _ = writeln!(out, "{took_over}");
    }
    if let Access::ReadOnly(why) = &opened.access {
        let told = why.report(lang, file, view.verbose);
        let _ = writeln!(out, "{}", fill(t.open_read_only, &[&told]));
    }
    if !on_terminal() {
        // Not on a terminal (a pipe, a script): say what the session holds instead.
        let _ = writeln!(out, "{}", summary(lang, &opened.session));
        return Ok(());
    }
    full_screen(lang, opened, view, false)
}

/// `knoop export`: the report beside the session (or at `-o`, or on stdout with `-o -`).
/// A CSV of another table than the actions is named after it: `NAME-stemmen.csv`.
pub(super) fn export(
    lang: Lang,
    file: &Path,
    format: crate::report::Format,
    target: Option<&Path>,
    options: crate::report::Options,
    verbose: bool,
    out: &mut impl Write,
) -> Outcome {
    use crate::report::{Format, Table};
    let t = lang.texts();
    let session = store::load(file).map_err(|e| Failure::Bad(e.report(lang, verbose)))?;
    let bytes = crate::report::try_render(&session, format, lang, options)
        .map_err(|e| Failure::Bad(e.message(lang)))?;
    if target == Some(Path::new("-")) {
        let _ = out.write_all(&bytes);
        return Ok(());
    }
    let beside = || match (format, options.table) {
        (Format::Csv, table) if table != Table::Acties => {
            let stem = file.file_stem().unwrap_or_default().to_string_lossy();
            file.with_file_name(format!("{stem}-{}.csv", table.key()))
        }
        _ => file.with_extension(format.extension()),
    };
    let path = target.map_or_else(beside, Path::to_owned);
    store::write_replace(&path, &bytes).map_err(|e| {
        let mut message = fill(t.rep_write_failed, &[&e.report(lang, verbose)]);
        // Windows refuses to replace a file another program holds open, as Excel does with
        // the workbook or CSV it shows; say what to do about it.
        if e.source.kind() == std::io::ErrorKind::PermissionDenied {
            message.push('\n');
            message.push_str(&fill(t.rep_write_in_use, &[&path.display()]));
        }
        Failure::Bad(message)
    })?;
    let _ = writeln!(out, "{}", fill(t.rep_written, &[&path.display()]));
    Ok(())
}

/// `knoop manpage`: the man page (roff) of the same command line as `--help`, on stdout or in
/// a file.
pub(super) fn manpage(lang: Lang, target: Option<&Path>, out: &mut impl Write) -> Outcome {
    let t = lang.texts();
    let mut page = Vec::new();
    // Rendering into a Vec cannot fail.
    let _ = clap_mangen::Man::new(command(lang)).render(&mut page);
    match target {
        None => {
            let _ = out.write_all(&page);
        }
        Some(path) if path == Path::new("-") => {
            let _ = out.write_all(&page);
        }
        Some(path) => {
            store::write_replace(path, &page)
                .map_err(|e| Failure::Bad(fill(t.rep_write_failed, &[&e.message(lang)])))?;
            let _ = writeln!(out, "{}", fill(t.rep_written, &[&path.display()]));
        }
    }
    Ok(())
}

/// Makes the follow-up of the session at `path` as a new file in `dir`.
pub(super) fn make_follow_up(
    lang: Lang,
    path: &Path,
    dir: &Path,
    verbose: bool,
) -> Result<PathBuf, String> {
    let session = store::load(path).map_err(|e| e.report(lang, verbose))?;
    let title = format!("{} ({})", session.title, lang.texts().follow_up_suffix);
    let next = session.follow_up(&title, &follows_name(path), Timestamp::now());
    store::create(dir, &next).map_err(|e| e.report(lang, verbose))
}

/// `knoop vervolg FILE`: the follow-up meeting's session beside FILE, opened on its carried
/// actions (or its path printed when not on a terminal).
pub(super) fn follow_up(lang: Lang, file: &Path, view: View, out: &mut impl Write) -> Outcome {
    let dir = match file.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_owned(),
        _ => PathBuf::from("."),
    };
    let path = make_follow_up(lang, file, &dir, view.verbose).map_err(Failure::Bad)?;
    let _ = writeln!(out, "{}", fill(lang.texts().created_at, &[&path.display()]));
    if !on_terminal() {
        return Ok(());
    }
    let opened = store::open(&path, Timestamp::now())
        .map_err(|e| Failure::Bad(e.report(lang, view.verbose)))?;
    full_screen(lang, opened, view, true)
}

/// `knoop importeer-cijfers SESSIE CSV`: a GGD's figures per theme into the session, all
/// rows or none: a row that names no theme of the session stops the import with its line.
pub(super) fn import_figures(
    lang: Lang,
    file: &Path,
    csv: &Path,
    verbose: bool,
    out: &mut impl Write,
) -> Outcome {
    use crate::model::FactRefusal;
    let t = lang.texts();
    let text = std::fs::read_to_string(csv)
        .map_err(|e| Failure::Bad(fill(t.import_read_failed, &[&csv.display(), &e])))?;
    let opened =
        store::open(file, Timestamp::now()).map_err(|e| Failure::Bad(e.report(lang, verbose)))?;
    if let Access::ReadOnly(why) = &opened.access {
        let why = match why {
            ReadOnlyReason::HeldElsewhere(holder) => holder_text(lang, holder.as_ref()),
            other => other.reason(lang).to_owned(),
        };
        return Err(Failure::Bad(fill(t.import_read_only, &[&why])));
    }
    let mut session = opened.session;
    let facts = match crate::model::parse_facts(&text, &session.matrix) {
        Ok(facts) => facts,
        Err(refused) => {
            let mut message = fill(t.import_refused, &[&refused.len()]);
            for row in &refused {
                let line = match &row.why {
                    FactRefusal::UnknownTheme(name) => {
                        fill(t.import_row_unknown, &[&row.line, name])
                    }
                    FactRefusal::BadYear(year) => fill(t.import_row_year, &[&row.line, year]),
                    FactRefusal::Empty => fill(t.import_row_empty, &[&row.line]),
                    FactRefusal::Unreadable(why) => {
                        fill(t.import_row_unreadable, &[&row.line, why])
                    }
                };
                message.push_str(&format!("\n  {line}"));
            }
            message.push_str(&format!("\n{}", t.import_hint));
            return Err(Failure::Bad(message));
        }
    };
    let count = facts.len();
    for (theme, fact) in facts {
        if let Ok(row) = session.matrix.theme_mut(theme) {
            row.facts.push(fact);
        }
    }
    session.touch(Timestamp::now());
    store::save(&opened.path, &session).map_err(|e| Failure::Bad(e.report(lang, verbose)))?;
    let _ = writeln!(out, "{}", fill(t.import_done, &[&count, &file.display()]));
    Ok(())
}

/// The file name a follow-up records as the session it follows.
pub(super) fn follows_name(path: &Path) -> String {
    path.file_name()
        .map_or_else(|| path.display().to_string(), |n| n.to_string_lossy().into_owned())
}

/// `knoop demo`: copies of the example sessions in the demo folder (or a temporary one), the
/// first opened with the status line saying it is a copy. Not on a terminal, it says where the
/// copies are and what the first holds.
pub(super) fn demo(
    lang: Lang,
    temporary: bool,
    reset: bool,
    view: View,
    out: &mut impl Write,
) -> Outcome {
    let t = lang.texts();
    let recovery = store::recovery_dir(std::env::var("KNOOP_RECOVERY_DIR").ok());
    // Kept until knoop ends, then removed with everything in it.
    let temp = if temporary {
        let made = tempfile::Builder::new().prefix("knoop-demo-").tempdir();
        Some(made.map_err(|e| {
            let dir = std::env::temp_dir();
            Failure::Bad(fill(t.folder_create_failed, &[&dir.display(), &e]))
        })?)
    } else {
        None
    };
    let dir = match &temp {
        Some(temp) => temp.path().to_owned(),
        None => crate::demo::demo_dir().ok_or_else(|| Failure::Bad(t.folder_unknown.to_owned()))?,
    };
    let prepared = crate::demo::prepare(&dir, reset, recovery.as_deref())
        .map_err(|e| Failure::Bad(e.report(lang, view.verbose)))?;
    let said = match (reset, prepared.fresh) {
        (true, _) => t.demo_reset_done,
        (false, true) => t.demo_ready,
        (false, false) => t.demo_kept,
    };
    let _ = writeln!(out, "{}", fill(said, &[&dir.display()]));
    if !on_terminal() {
        let session =
            store::load(&prepared.first).map_err(|e| Failure::Bad(e.report(lang, view.verbose)))?;
        let _ = writeln!(out, "{}", prepared.first.display());
        let _ = writeln!(out, "{}", summary(lang, &session));
        return Ok(());
    }
    let opened = store::open(&prepared.first, Timestamp::now())
        .map_err(|e| Failure::Bad(e.report(lang, view.verbose)))?;
    let result = full_screen_with(lang, opened, view, false, |app| {
        app.demo = Some(dir.clone());
        app.message = Some(t.demo_opened.to_owned());
    });
    drop(temp);
    result
}

/// `knoop spiekbrief`: the one-page cheat sheet as HTML, in `spiekbrief.html` (or at `-o`, or
/// on stdout with `-o -`).
pub(super) fn spiekbrief(lang: Lang, target: Option<&Path>, out: &mut impl Write) -> Outcome {
    let t = lang.texts();
    let page = crate::report::spiekbrief::render(lang);
    let path = target.unwrap_or(Path::new("spiekbrief.html"));
    if path == Path::new("-") {
        let _ = out.write_all(page.as_bytes());
        return Ok(());
    }
    store::write_replace(path, page.as_bytes())
        .map_err(|e| Failure::Bad(fill(t.rep_write_failed, &[&e.message(lang)])))?;
    let _ = writeln!(out, "{}", fill(t.sb_written, &[&path.display()]));
    Ok(())
}

/// `knoop genereer MAP --aantal N`: a made-up region to practise and measure with.
pub(super) fn genereer(lang: Lang, dir: &Path, count: usize, out: &mut impl Write) -> Outcome {
    let t = lang.texts();
    crate::overzicht::generate::write_region(dir, count)
        .map_err(|e| Failure::Bad(fill(t.folder_create_failed, &[&dir.display(), &e])))?;
    let _ = writeln!(out, "{}", fill(t.gen_written, &[&count, &dir.display()]));
    Ok(())
}

/// A few lines that say what a session holds.
pub fn summary(lang: Lang, s: &Session) -> String {
    let t = lang.texts();
    let present = s.participants.iter().filter(|p| p.present).count();
    let activities: usize = s.matrix.themes.iter().map(|th| th.activity_count()).sum();
    let needed: usize = s
        .matrix
        .themes
        .iter()
        .flat_map(|th| th.cells.values().flatten())
        .filter(|a| a.status == ActivityStatus::Needed)
        .count();
    let focus: Vec<String> = s
        .focus_themes()
        .iter()
        .filter_map(|&id| s.matrix.theme(id))
        .enumerate()
        .map(|(i, th)| format!("{}. {}", i + 1, th.desired))
        .collect();
    let date = s.meeting_date.map_or_else(|| t.no_date.to_owned(), |d| date_text(lang, d));
    fill(
        t.open_summary,
        &[
            &s.title,
            &s.place,
            &date,
            &s.facilitator,
            &s.participants.len(),
            &present,
            &s.matrix.themes.len(),
            &s.matrix.levels.len(),
            &activities,
            &needed,
            &s.rounds.len(),
            &if focus.is_empty() { "–".to_owned() } else { focus.join(", ") },
            &s.actions.len(),
            &s.agreements.len(),
        ],
    )
}
