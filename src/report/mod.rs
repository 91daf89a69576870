//! The meeting report: what a knooppunt decided, to mail to the partners. Markdown (the
//! default, readable as plain text), CSV (one table, for a spreadsheet), an Excel workbook
//! (every table, one sheet each) and one printable, self-contained HTML page.
//!
//! Reports are made from the session and [`Options`] alone (the export date comes in through
//! the options, never from the clock), so the same input always gives the same bytes.

mod csv;
mod html;
mod markdown;
pub mod spiekbrief;
mod tables;
mod xlsx;

use jiff::civil::Date;

pub use self::csv::separator;
pub use self::tables::{Table, looks_like_formula};
use crate::i18n::{Lang, fill};
use crate::model::{Action, ActionStatus, Ambition, Participant, Round, Session, Theme};

/// A report format.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Markdown.
    Md,
    /// One table (the actions by default) as separated values.
    Csv,
    /// One printable HTML page.
    Html,
    /// An Excel workbook with every table.
    Xlsx,
}

impl Format {
    /// The file extension.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Md => "md",
            Format::Csv => "csv",
            Format::Html => "html",
            Format::Xlsx => "xlsx",
        }
    }
}

/// Options for a report; the default is what the language expects and no export date.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Options {
    /// Start a CSV with a byte-order mark, so Excel reads UTF-8 accents right; `None`: as the
    /// language expects (yes for Dutch, whose Excel needs it; no for English).
    pub bom: Option<bool>,
    /// The CSV's separator; `None`: as the language expects (`;` for Dutch, `,` for English).
    pub separator: Option<u8>,
    /// Which table a CSV holds.
    pub table: Table,
    /// The day of the export, for the printed page's footer and the workbook's properties;
    /// passed in (not read from the clock) so a report is the same in every test run.
    pub exported: Option<Date>,
}

/// Why a report could not be made: only the workbook writer can refuse.
#[derive(Debug)]
pub struct RenderError(String);

impl RenderError {
    /// The reason, in words the facilitator can act on.
    pub fn message(&self, lang: Lang) -> String {
        fill(lang.texts().rep_xlsx_failed, &[&self.0])
    }
}

/// The report of `session` in `format` and `lang`. Markdown, CSV and HTML cannot fail; for a
/// workbook that the writer refuses this gives no bytes, which [`try_render`] explains.
pub fn render(session: &Session, format: Format, lang: Lang, options: Options) -> Vec<u8> {
    try_render(session, format, lang, options).unwrap_or_default()
}

/// The report of `session` in `format` and `lang`, or why the workbook could not be made.
pub fn try_render(
    session: &Session,
    format: Format,
    lang: Lang,
    options: Options,
) -> Result<Vec<u8>, RenderError> {
    Ok(match format {
        Format::Md => markdown::render(session, lang).into_bytes(),
        Format::Csv => csv::render(session, lang, options),
        Format::Html => html::render(session, lang, options).into_bytes(),
        Format::Xlsx => {
            xlsx::render(session, lang, options).map_err(|e| RenderError(e.to_string()))?
        }
    })
}

/// The actions per owner, in participant order, those without an owner last.
fn actions_by_owner(s: &Session) -> Vec<(Option<&Participant>, Vec<&Action>)> {
    let mut groups: Vec<(Option<&Participant>, Vec<&Action>)> = s
        .participants
        .iter()
        .map(|p| (Some(p), s.actions.iter().filter(|a| a.owner == Some(p.id)).collect()))
        .filter(|(_, actions): &(_, Vec<&Action>)| !actions.is_empty())
        .collect();
    let unowned: Vec<&Action> = s.actions.iter().filter(|a| a.owner.is_none()).collect();
    if !unowned.is_empty() {
        groups.push((None, unowned));
    }
    groups
}

/// The heading of one owner's actions: "Name (organisation)", or "without an owner".
fn owner_heading(lang: Lang, owner: Option<&Participant>) -> String {
    match owner {
        Some(p) if p.organisation.is_empty() => p.name.clone(),
        Some(p) => format!("{} ({})", p.name, p.organisation),
        None => lang.texts().rep_no_owner.to_owned(),
    }
}

fn status_word(lang: Lang, status: ActionStatus) -> &'static str {
    let t = lang.texts();
    match status {
        ActionStatus::Open => t.action_open,
        ActionStatus::Busy => t.action_busy,
        ActionStatus::Done => t.action_done,
    }
}

/// The settings of a round in one sentence.
fn round_settings(lang: Lang, r: &Round) -> String {
    let t = lang.texts();
    let who = if r.anonymous { t.rep_anonymous } else { t.rep_named };
    let counts = if r.secret { t.rep_secret } else { t.rep_open_counts };
    fill(t.rep_round_settings, &[&r.dots_per_voter, &r.max_per_theme, &r.advance, &who, &counts])
}

/// Whether a report may show this round's counts: a secret round only once revealed or closed.
fn counts_shown(r: &Round) -> bool {
    r.counts_visible() || !r.is_open()
}

/// The themes of a round's decision and tie, in words.
fn theme_names(s: &Session, ids: &[crate::model::ThemeId]) -> String {
    ids.iter()
        .filter_map(|&id| s.matrix.theme(id))
        .map(|t| t.desired.clone())
        .collect::<Vec<_>>()
        .join("; ")
}

/// The rows the matrix part of a report covers: the focus themes (or all), the basis row last.
fn report_rows(s: &Session) -> Vec<&Theme> {
    let focus = s.focus_themes();
    let mut rows: Vec<&Theme> = if focus.is_empty() {
        s.matrix.themes.iter().filter(|t| !t.basis).map(|t| &**t).collect()
    } else {
        focus.iter().filter_map(|&id| s.matrix.theme(id)).collect()
    };
    rows.extend(s.matrix.themes.iter().filter(|t| t.basis).map(|t| &**t));
    rows
}

/// The meeting details a report's header names, as (label, value), filled ones only: start
/// time, school, code, school type, gemeente, wijk, samenwerkingsverband. An older session
/// without details gives none, so its report is as before.
pub fn detail_lines(s: &Session, lang: Lang) -> Vec<(&'static str, String)> {
    let t = lang.texts();
    let d = &s.details;
    let mut lines = Vec::new();
    if let Some(start) = d.start {
        lines.push((t.details_start, start.strftime("%H:%M").to_string()));
    }
    for (label, value) in [
        (t.details_school, d.school.as_str()),
        (t.details_code, d.code.as_str()),
        (t.details_school_type, d.school_type.map_or("", |k| k.key())),
        (t.details_gemeente, d.gemeente.as_str()),
        (t.details_wijk, d.wijk.as_str()),
        (t.details_swv, d.samenwerkingsverband.as_str()),
    ] {
        if !value.trim().is_empty() {
            lines.push((label, value.trim().to_owned()));
        }
    }
    lines
}

/// The ambitions a report opens with: each focus theme in order (with its ambition, or `None`
/// when step 3 has not set one yet for it), then every other theme that has one; nothing
/// while no theme has an ambition.
fn ambition_rows(s: &Session) -> Vec<(&Theme, Option<&Ambition>)> {
    if s.ambitions.is_empty() {
        // Before step 3 a report has no ambitions section at all.
        return Vec::new();
    }
    let focus = s.focus_themes();
    let mut rows: Vec<(&Theme, Option<&Ambition>)> = focus
        .iter()
        .filter_map(|&id| s.matrix.theme(id))
        .map(|th| (th, s.ambition(th.id)))
        .collect();
    for a in s.ambitions.iter().filter(|a| !focus.contains(&a.theme)) {
        if let Some(th) = s.matrix.theme(a.theme) {
            rows.push((th, Some(a)));
        }
    }
    rows
}

/// An indicator's figures for a report: baseline "14% (2023)" and target "10% vóór 31 juli
/// 2028", empty where not set.
fn indicator_figures(lang: Lang, i: &crate::model::Indicator) -> (String, String) {
    let comma = lang == Lang::Nl;
    let base = i
        .baseline
        .as_ref()
        .map(|b| format!("{} ({})", b.value.text(comma), b.year))
        .unwrap_or_default();
    let target = i
        .target
        .as_ref()
        .map(|t| {
            let by = lang.texts().col_target_by.to_lowercase();
            format!("{} {by} {}", t.value.text(comma), t.by.strftime("%d-%m-%Y"))
        })
        .unwrap_or_default();
    (base, target)
}

/// The agreements as step 4 asks for them: each regie question with its answers (maybe none),
/// then the agreements without a question, if any.
fn agreement_groups(
    s: &Session,
) -> Vec<(Option<crate::model::RegieQuestion>, Vec<&crate::model::Agreement>)> {
    let mut groups: Vec<_> = crate::model::RegieQuestion::ALL
        .into_iter()
        .map(|q| (Some(q), s.agreements.iter().filter(|a| a.question == Some(q)).collect()))
        .collect();
    let other: Vec<_> = s.agreements.iter().filter(|a| a.question.is_none()).collect();
    if !other.is_empty() {
        groups.push((None, other));
    }
    groups
}

/// The heading of one group of agreements: "1. Wat is nodig om het overzicht te bewaren?"
fn agreement_heading(lang: Lang, question: Option<crate::model::RegieQuestion>) -> String {
    match question {
        Some(q) => format!("{}. {}", q.number(), crate::i18n::question_text(lang, q)),
        None => lang.texts().regie_other.to_owned(),
    }
}

/// Parts of a report section: each a heading and its items.
type Parts = Vec<(&'static str, Vec<String>)>;

/// "Wat is er veranderd sinds vorig jaar" as headed lists, for a follow-up meeting's report:
/// the title it compares with, then (heading, items) per part; `None` for a first meeting.
fn year_after_sections(s: &Session, lang: Lang) -> Option<(String, Parts)> {
    use crate::model::{ActionOutcome, Comparison, Progress};
    let t = lang.texts();
    let c = Comparison::of(s)?;
    let names = |ids: &[crate::model::ThemeId]| theme_names(s, ids);
    let mut top = Vec::new();
    for (key, ids) in
        [(t.year_stayed, &c.stayed), (t.year_left, &c.left), (t.year_entered, &c.entered)]
    {
        if !ids.is_empty() {
            top.push(fill(key, &[&names(ids)]));
        }
    }
    let comma = lang == Lang::Nl;
    let indicators = c
        .indicators
        .iter()
        .map(|ch| {
            let theme = s.matrix.theme(ch.theme).map_or("", |th| th.desired.as_str());
            let (base, target) = indicator_figures(lang, &ch.indicator);
            let now = ch.indicator.latest.as_ref().map_or_else(
                || t.year_no_value.to_owned(),
                |l| fill(t.year_now, &[&l.value.text(comma), &l.year]),
            );
            let progress = match ch.progress {
                Some(Progress::Reached) => t.progress_reached,
                Some(Progress::Closer) => t.progress_closer,
                Some(Progress::NotYet) => t.progress_not_yet,
                None => "",
            };
            format!(
                "{theme} · {}: {} {base} → {} {target} · {now} {progress}",
                ch.indicator.name, t.col_baseline, t.col_target
            )
            .trim_end()
            .to_owned()
        })
        .collect();
    let filled = c
        .filled
        .iter()
        .map(|(theme, level, text)| {
            let theme = s.matrix.theme(*theme).map_or("", |th| th.desired.as_str());
            let level = s.matrix.level(*level).map_or("", |l| l.name.as_str());
            format!("{theme} · {level}: {text}")
        })
        .collect();
    let actions = c
        .actions
        .iter()
        .map(|(text, outcome, result)| {
            let word = match outcome {
                ActionOutcome::Done => t.outcome_done,
                ActionOutcome::NotDone => t.outcome_not_done,
                ActionOutcome::Dropped => t.outcome_dropped,
            };
            if result.is_empty() {
                format!("{word}: {text}")
            } else {
                format!("{word}: {text} — {result}")
            }
        })
        .collect();
    Some((
        fill(t.year_after_since, &[&c.previous_title]),
        vec![
            (t.year_top, top),
            (t.year_indicators, indicators),
            (t.year_filled, filled),
            (t.year_actions, actions),
        ],
    ))
}
