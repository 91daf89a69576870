//! The full-screen programs the commands hand over to: a session (with its recovery, notice
//! or review first), the session picker, and the regional overview.

use std::io::{IsTerminal, Write};
use std::path::Path;

use jiff::Timestamp;
use jiff::tz::TimeZone;

use crate::app::{App, Overlay, Picker, PickerEntry, PickerOutcome, Review};
use crate::i18n::{Lang, fill};
use crate::model::{Session, template};
use crate::store::{self, Access, OpenError, ReadOnlyReason};
use crate::ui::Palette;

use super::commands::*;
use super::{Failure, Outcome, View};

/// Why a session could not be opened, in words.
pub(super) fn open_error(lang: Lang, e: OpenError, verbose: bool) -> String {
    e.report(lang, verbose)
}

pub(super) fn on_terminal() -> bool {
    std::io::stdin().is_terminal() && std::io::stdout().is_terminal()
}

pub(super) fn palette(theme: Option<&str>) -> Palette {
    Palette::choose(theme, std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty()))
}

/// Runs the full-screen program on an opened session, offering a recovery file if a crash
/// left one.
pub(super) fn full_screen(lang: Lang, opened: store::Opened, view: View, review: bool) -> Outcome {
    full_screen_with(lang, opened, view, review, |_| {})
}

/// [`full_screen`], with `prepare` changing the app before it shows (the demo's notice).
pub(super) fn full_screen_with(
    lang: Lang,
    opened: store::Opened,
    view: View,
    review: bool,
    prepare: impl FnOnce(&mut App),
) -> Outcome {
    let read_only = match &opened.access {
        Access::ReadOnly(ReadOnlyReason::HeldElsewhere(holder)) => {
            Some(holder_text(lang, holder.as_ref()))
        }
        Access::ReadOnly(why) => Some(why.reason(lang).to_owned()),
        Access::Editable(_) => None,
    };
    let data_dir = store::recovery_dir(std::env::var("KNOOP_RECOVERY_DIR").ok());
    let recovered = match read_only {
        None => store::pending_recovery(&opened.path, data_dir.as_deref(), &opened.session)
            .map(|r| r.session),
        Some(_) => None,
    };
    let took_over = opened.took_over_message(lang);
    let mut app = App::new(opened.session, opened.path.clone(), lang);
    app.read_only = read_only;
    if let Some(recovered) = recovered {
        app.overlay = Overlay::Recovery(Box::new(recovered));
    } else if review && let Some(review) = Review::of(&app.session) {
        // The first screen of a follow-up meeting: the carried actions, one key each.
        app.focus = crate::app::Pane::Acties;
        app.overlay = Overlay::Review(review);
    }
    prepare(&mut app);
    if let Some(text) = took_over {
        // A crashed knoop's lock was taken over: say so until the facilitator has seen it.
        let then = Box::new(std::mem::take(&mut app.overlay));
        app.overlay = Overlay::Notice { text, then };
    }
    let options =
        crate::runtime::Options { port: view.port, bind: view.bind, recovery_dir: data_dir };
    let result = crate::runtime::run(app, palette(view.theme), options);
    drop(opened.access);
    let ended = result.map_err(|e| Failure::Bad(e.to_string()))?;
    if let Some(farewell) = ended.farewell {
        println!("{farewell}");
    }
    Ok(())
}

/// `knoop` without a command on a terminal: the session picker, then the chosen session.
pub(super) fn picker(lang: Lang, dir: &Path, view: View) -> Outcome {
    let mut message = None;
    loop {
        let listed = store::list(dir)
            .map_err(|e| Failure::Bad(fill(lang.texts().load_io, &[&dir.display(), &e])))?;
        let entries = listed.iter().map(|l| PickerEntry::from_listed(l, lang)).collect();
        let mut picker = Picker::new(lang, dir.to_owned(), entries, TimeZone::system());
        picker.message = message.take();
        let outcome = crate::runtime::pick(&mut picker, palette(view.theme))
            .map_err(|e| Failure::Bad(e.to_string()))?;
        let review = matches!(outcome, PickerOutcome::FollowUp(_));
        let made = match outcome {
            PickerOutcome::Quit => return Ok(()),
            PickerOutcome::Open(path) => Ok(path),
            PickerOutcome::Create { title, template } => {
                let template = template::by_key(template).unwrap_or(&template::PREVENTIEMATRIX);
                let now = Timestamp::now();
                let today = jiff::ZonedDateTime::now().date();
                store::create(dir, &Session::for_meeting(&title, template, now, today))
                    .map_err(|e| e.report(lang, view.verbose))
            }
            PickerOutcome::FollowUp(path) => make_follow_up(lang, &path, dir, view.verbose),
        };
        match made.map(|path| store::open(&path, Timestamp::now())) {
            Ok(Ok(opened)) => return full_screen(lang, opened, view, review),
            Ok(Err(e)) => message = Some(open_error(lang, e, view.verbose)),
            Err(why) => message = Some(why),
        }
    }
}

/// `knoop overzicht MAP`: reads every session under MAP (no locks), then writes the overview
/// to `--naar` or shows it full-screen; from the screen a session opens read-only and the
/// overview comes back when it is closed.
pub(super) fn overzicht(
    lang: Lang,
    dir: &Path,
    target: Option<&Path>,
    filter: crate::overzicht::Filter,
    view: View,
    out: &mut impl Write,
) -> Outcome {
    use crate::overzicht::export::{Format, Report, render};
    let t = lang.texts();
    if !dir.is_dir() {
        return Err(Failure::Bad(fill(t.ovz_no_folder, &[&dir.display()])));
    }
    let format = match target {
        Some(path) => Some(Format::of(path).ok_or_else(|| {
            let ext =
                path.extension().map_or_else(String::new, |e| e.to_string_lossy().into_owned());
            Failure::Usage(fill(t.ovz_out_format, &[&ext]))
        })?),
        None => None,
    };
    let scan = crate::overzicht::scan(dir, lang)
        .map_err(|e| Failure::Bad(fill(t.load_io, &[&dir.display(), &e])))?;
    let today = jiff::ZonedDateTime::now().date();
    if let (Some(path), Some(format)) = (target, format) {
        let overview = crate::overzicht::overview(&scan.sessions, &filter, today);
        let report = Report { scan: &scan, overview: &overview, filter: &filter, today, lang };
        let bytes = render(&report, format);
        store::write_replace(path, &bytes).map_err(|e| {
            Failure::Bad(fill(t.rep_write_failed, &[&e.report(lang, view.verbose)]))
        })?;
        if !scan.unread.is_empty() {
            let _ = writeln!(out, "{}", fill(t.ovz_unread_note, &[&scan.unread.len()]));
            for u in &scan.unread {
                let _ = writeln!(out, "  {}", u.reason.replace('\n', "\n  "));
            }
        }
        let _ = writeln!(out, "{}", fill(t.rep_written, &[&path.display()]));
        return Ok(());
    }
    let mut overview = crate::overzicht::OverzichtView::with_filter(scan, lang, today, filter);
    if !on_terminal() {
        // Not on a terminal: the Markdown overview on stdout.
        let report = Report {
            scan: &overview.scan,
            overview: &overview.overview,
            filter: &overview.filter,
            today,
            lang,
        };
        let _ = out.write_all(crate::overzicht::export::markdown(&report).as_bytes());
        return Ok(());
    }
    loop {
        let outcome = crate::runtime::overzicht(&mut overview, palette(view.theme))
            .map_err(|e| Failure::Bad(e.to_string()))?;
        let path = match outcome {
            crate::overzicht::Outcome::Quit => return Ok(()),
            crate::overzicht::Outcome::Open(path) => path,
        };
        // Read-only and without a lock: the overview never writes or blocks a session.
        match store::load(&path) {
            Ok(session) => {
                let mut app = App::new(session, path, lang);
                app.read_only = Some(t.ovz_read_only.to_owned());
                let options = crate::runtime::Options {
                    port: view.port,
                    bind: view.bind,
                    recovery_dir: None,
                };
                crate::runtime::run(app, palette(view.theme), options)
                    .map_err(|e| Failure::Bad(e.to_string()))?;
            }
            Err(e) => overview.message = Some(fill(t.ovz_open_failed, &[&e.message(lang)])),
        }
    }
}
