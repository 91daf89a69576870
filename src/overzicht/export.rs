//! The overview for the people who decide (`knoop overzicht MAP --naar FILE`): a printable
//! HTML page in the same style as the session report, Markdown, or one CSV table. Each names
//! the filters applied at the top and says in its footer what it leaves out for privacy.

use std::fmt::Write;
use std::path::Path;

use jiff::civil::Date;

use super::aggregate::{Filter, FollowRow, InterventionRow, Overview, counts_text, schools_text};
use super::scan::Scan;
use crate::html::escape as esc;
use crate::i18n::{Lang, date_text, fill, recognition_text};

/// The formats the overview is written in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// A printable, self-contained HTML page.
    Html,
    /// Markdown.
    Md,
    /// One CSV table, every section in it.
    Csv,
}

impl Format {
    /// The format a file name asks for, by its extension.
    pub fn of(path: &Path) -> Option<Format> {
        match path.extension()?.to_str()?.to_lowercase().as_str() {
            "html" | "htm" => Some(Format::Html),
            "md" | "markdown" => Some(Format::Md),
            "csv" => Some(Format::Csv),
            _ => None,
        }
    }
}

/// Everything an export needs: what was read, what it adds up to, under which filter, when.
pub struct Report<'a> {
    /// The folder read.
    pub scan: &'a Scan,
    /// The overview under `filter`.
    pub overview: &'a Overview,
    /// The filters applied.
    pub filter: &'a Filter,
    /// The day it is made.
    pub today: Date,
    /// The language.
    pub lang: Lang,
}

/// The overview as bytes in `format`.
pub fn render(r: &Report, format: Format) -> Vec<u8> {
    match format {
        Format::Html => html(r).into_bytes(),
        Format::Md => markdown(r).into_bytes(),
        Format::Csv => csv(r),
    }
}

fn made(r: &Report) -> String {
    fill(
        r.lang.texts().ovz_made,
        &[&date_text(r.lang, r.today), &r.scan.files(), &r.scan.dir.display()],
    )
}

fn date_or_unknown(r: &Report, d: Date) -> String {
    date_text(r.lang, d)
}

/// A school's indicators as "1 ✓ · 2 ↗ · 0 ✗", or "–" when none has a new value.
fn progress_short(r: &Report, f: &FollowRow) -> String {
    if f.reached + f.closer + f.not_yet == 0 {
        return "–".to_owned();
    }
    fill(r.lang.texts().ovz_progress_short, &[&f.reached, &f.closer, &f.not_yet])
}

/// An intervention's Databank rating in words, or that nobody looked it up.
fn rating(r: &Report, row: &InterventionRow) -> &'static str {
    row.recognition.map_or(r.lang.texts().ovz_not_rated, |x| recognition_text(r.lang, x))
}

/// Where an intervention runs: per gemeente, per wijk and per school type.
fn where_text(r: &Report, row: &InterventionRow) -> String {
    let t = r.lang.texts();
    format!(
        "{} · {} · {}",
        fill(t.ovz_by_gemeente, &[&counts_text(&row.by_gemeente, |k| k.clone(), r.lang)]),
        fill(t.ovz_by_wijk, &[&counts_text(&row.by_wijk, |k| k.clone(), r.lang)]),
        fill(
            t.ovz_by_type,
            &[&counts_text(
                &row.by_type,
                |k| k.map_or(String::new(), |k| k.key().to_owned()),
                r.lang
            )]
        )
    )
}

/// Which schools mark an intervention to stop, or nothing when none does.
fn stop_text(r: &Report, row: &InterventionRow) -> String {
    if row.stop.is_empty() {
        return String::new();
    }
    format!(
        "⊘ {}",
        fill(r.lang.texts().ovz_stop_at, &[&schools_text(&r.scan.sessions, &row.stop, r.lang)])
    )
}

/// Markdown: headings and tables, the same sections as the screen.
pub fn markdown(r: &Report) -> String {
    let t = r.lang.texts();
    let o = r.overview;
    let s = &r.scan.sessions;
    let cell = |x: &str| x.replace('|', "\\|").replace('\n', " ");
    let mut out = String::new();
    let _ = writeln!(out, "# {}\n", t.ovz_title);
    let _ = writeln!(out, "**{}**\n", cell(&fill(t.ovz_filters, &[&r.filter.describe(r.lang)])));
    let _ = writeln!(out, "{} · {}\n", fill(t.ovz_shown, &[&o.shown.len(), &s.len()]), made(r));

    let _ = writeln!(out, "## {}\n", t.ovz_tab_top);
    let _ = writeln!(
        out,
        "| {} | {} | {} / {} / {} |\n|---|---:|---|",
        t.ovz_col_theme,
        t.ovz_col_sessions,
        t.details_gemeente,
        t.details_school_type,
        t.ovz_col_school
    );
    for row in &o.top {
        let by = [
            fill(t.ovz_by_gemeente, &[&counts_text(&row.by_gemeente, |k| k.clone(), r.lang)]),
            fill(
                t.ovz_by_type,
                &[&counts_text(
                    &row.by_type,
                    |k| k.map_or(String::new(), |k| k.key().to_owned()),
                    r.lang,
                )],
            ),
            schools_text(s, &row.sessions, r.lang),
        ];
        let _ = writeln!(
            out,
            "| {} | {} | {} |",
            cell(&row.theme),
            row.sessions.len(),
            cell(&by.join("; "))
        );
    }
    let _ = writeln!(out, "\n## {}\n", t.ovz_tab_gaps);
    let _ = writeln!(
        out,
        "| {} | {} | {} | {} | {} |\n|---|---|---:|---:|---|",
        t.ovz_col_theme, t.ovz_col_level, t.ovz_col_needed, t.ovz_col_nothing, t.ovz_col_school
    );
    for g in &o.gaps {
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} | {} |",
            cell(&g.theme),
            cell(&g.level),
            g.needed.len(),
            g.nothing.len(),
            cell(&schools_text(s, &g.sessions, r.lang))
        );
    }
    let _ = writeln!(out, "\n## {}\n", t.ovz_tab_providers);
    let _ = writeln!(
        out,
        "| {} | {} | {} | {} |\n|---|---:|---:|---|",
        t.ovz_col_provider, t.ovz_col_runs, t.ovz_col_asked, t.ovz_col_theme
    );
    for p in &o.providers {
        let mut name = p.name.clone();
        if !p.also.is_empty() {
            name = format!("{name} ({})", fill(t.ovz_also_written, &[&p.also.join(", ")]));
        }
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} |",
            cell(&name),
            p.runs.len(),
            p.asked.len(),
            cell(&p.themes.join(", "))
        );
    }
    let _ = writeln!(out, "\n## {}\n", t.ovz_tab_follow);
    let _ = writeln!(
        out,
        "| {} | {} | {} | {} | {} | {} |\n|---|---:|---:|---|---:|---|",
        t.ovz_col_school,
        t.ovz_col_open,
        t.ovz_col_overdue,
        t.ovz_col_last,
        t.ovz_col_sessions,
        t.ovz_col_indicators
    );
    for f in &o.follow {
        let last = if f.stale {
            format!("{} ⚠ {}", date_or_unknown(r, f.last), t.ovz_stale)
        } else {
            date_or_unknown(r, f.last)
        };
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} | {} | {} |",
            cell(&f.school),
            f.open,
            f.overdue,
            cell(&last),
            f.sessions.len(),
            cell(&progress_short(r, f))
        );
    }
    if !o.progress.is_empty() {
        let _ = writeln!(out, "\n### {}\n", t.ovz_progress_theme);
        let _ = writeln!(
            out,
            "| {} | {} | {} |\n|---|---|---|",
            t.ovz_col_theme, t.ovz_col_indicators, t.ovz_col_school
        );
        for p in &o.progress {
            let _ = writeln!(
                out,
                "| {} | {} | {} |",
                cell(&p.theme),
                cell(&fill(t.ovz_progress, &[&p.reached, &p.closer, &p.not_yet])),
                cell(&schools_text(s, &p.sessions, r.lang))
            );
        }
    }
    let _ = writeln!(out, "\n## {}\n", t.ovz_tab_interventions);
    let _ = writeln!(
        out,
        "| {} | {} | {} | {} | {} | {} |\n|---|---|---:|---:|---:|---|",
        t.ovz_col_intervention,
        t.ovz_col_rating,
        t.ovz_col_runs,
        t.ovz_col_asked,
        t.ovz_col_stop,
        t.ovz_col_school
    );
    for row in &o.interventions {
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} | {} | {} |",
            cell(&row.name),
            cell(rating(r, row)),
            row.runs.len(),
            row.asked.len(),
            row.stop.len(),
            cell(
                format!(
                    "{} · {} {}",
                    schools_text(s, &row.sessions, r.lang),
                    where_text(r, row),
                    stop_text(r, row)
                )
                .trim_end()
            )
        );
    }
    if !r.scan.unread.is_empty() {
        let _ = writeln!(out, "\n## {}\n", fill(t.ovz_tab_unread, &[&r.scan.unread.len()]));
        for u in &r.scan.unread {
            let _ = writeln!(out, "- {}", cell(&u.reason));
        }
    }
    let _ = writeln!(out, "\n---\n\n*{}*", t.ovz_privacy);
    out
}

/// One CSV table: section, what, level, counts and the schools behind them. Dutch gets `;` and
/// a byte-order mark, as the session's CSV does.
pub fn csv(r: &Report) -> Vec<u8> {
    let t = r.lang.texts();
    let o = r.overview;
    let s = &r.scan.sessions;
    let mut out = if r.lang == Lang::Nl { "\u{feff}".as_bytes().to_vec() } else { Vec::new() };
    {
        let mut w = ::csv::WriterBuilder::new()
            .delimiter(if r.lang == Lang::Nl { b';' } else { b',' })
            .terminator(::csv::Terminator::CRLF)
            .from_writer(&mut out);
        let schools = |list: &[usize]| schools_text(s, list, r.lang);
        let _ = w.write_record([
            t.ovz_section,
            t.ovz_col_theme,
            t.ovz_col_level,
            t.ovz_count,
            t.ovz_col_needed,
            t.ovz_col_nothing,
            t.ovz_col_school,
            t.ovz_col_indicators,
        ]);
        let n = |x: usize| x.to_string();
        for row in &o.top {
            let _ = w.write_record([
                t.ovz_tab_top,
                &row.theme,
                "",
                &n(row.sessions.len()),
                "",
                "",
                &schools(&row.sessions),
                "",
            ]);
        }
        for g in &o.gaps {
            let _ = w.write_record([
                t.ovz_tab_gaps,
                &g.theme,
                &g.level,
                &n(g.sessions.len()),
                &n(g.needed.len()),
                &n(g.nothing.len()),
                &schools(&g.sessions),
                "",
            ]);
        }
        for p in &o.providers {
            let _ = w.write_record([
                t.ovz_tab_providers,
                &p.name,
                &p.themes.join(", "),
                &n(p.sessions.len()),
                &n(p.asked.len()),
                &n(p.runs.len()),
                &schools(&p.sessions),
                "",
            ]);
        }
        for f in &o.follow {
            let _ = w.write_record([
                t.ovz_tab_follow,
                &f.school,
                &f.last.to_string(),
                &n(f.sessions.len()),
                &n(f.open),
                &n(f.overdue),
                if f.stale { t.ovz_stale } else { "" },
                &if f.reached + f.closer + f.not_yet == 0 {
                    String::new()
                } else {
                    fill(t.ovz_progress, &[&f.reached, &f.closer, &f.not_yet])
                },
            ]);
        }
        for p in &o.progress {
            let _ = w.write_record([
                t.ovz_progress_theme,
                &p.theme,
                "",
                &n(p.sessions.len()),
                "",
                "",
                &schools(&p.sessions),
                &fill(t.ovz_progress, &[&p.reached, &p.closer, &p.not_yet]),
            ]);
        }
        for row in &o.interventions {
            let mut behind = format!("{} · {}", schools(&row.sessions), where_text(r, row));
            let stop = stop_text(r, row);
            if !stop.is_empty() {
                behind = format!("{behind} · {stop}");
            }
            let _ = w.write_record([
                t.ovz_tab_interventions,
                &row.name,
                rating(r, row),
                &n(row.sessions.len()),
                &n(row.asked.len()),
                &n(row.runs.len()),
                &behind,
                "",
            ]);
        }
        let _ = w.flush();
    }
    out
}

mod html;
pub use html::html;
