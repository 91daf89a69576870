//! What changed since last year, over the panes for the projector: the top 3 then and now,
//! each indicator's baseline, target and new value, cells that went from nodig to bestaand,
//! and what became of last year's actions.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Modifier;
use ratatui::text::Line;

use crate::app::App;
use crate::i18n::{Lang, fill};
use crate::model::{ActionOutcome, Comparison, Progress, Session, ThemeId};
use crate::ui::dialogs::ambition::indicator_text;
use crate::ui::text::wrap;
use crate::ui::{Palette, popup};

/// The comparison as lines of at most `width` columns, section by section.
pub fn lines(app: &App, width: usize, palette: &Palette) -> Vec<Line<'static>> {
    let t = app.lang.texts();
    let s = &app.session;
    let Some(c) = Comparison::of(s) else {
        return wrap(t.year_after_none, width)
            .into_iter()
            .map(|l| Line::styled(l, palette.dim))
            .collect();
    };
    let mut out = Vec::new();
    let mut push = |text: String, style| {
        for l in wrap(&text, width) {
            out.push(Line::styled(l, style));
        }
    };
    let heading = palette.focus.add_modifier(Modifier::BOLD);
    push(fill(t.year_after_since, &[&c.previous_title]), palette.dim);
    push(t.year_top.to_owned(), heading);
    for (key, themes) in
        [(t.year_stayed, &c.stayed), (t.year_left, &c.left), (t.year_entered, &c.entered)]
    {
        if !themes.is_empty() {
            push(format!("  {}", fill(key, &[&names(s, themes)])), palette.text);
        }
    }
    push(t.year_indicators.to_owned(), heading);
    if c.indicators.is_empty() {
        push(format!("  {}", t.year_no_indicators), palette.dim);
    }
    for change in &c.indicators {
        let theme = s.matrix.theme(change.theme).map_or("", |th| th.desired.as_str());
        let now = match &change.indicator.latest {
            Some(l) => fill(t.year_now, &[&l.value.text(app.lang == Lang::Nl), &l.year]),
            None => t.year_no_value.to_owned(),
        };
        let progress = match change.progress {
            Some(Progress::Reached) => t.progress_reached,
            Some(Progress::Closer) => t.progress_closer,
            Some(Progress::NotYet) => t.progress_not_yet,
            None => "",
        };
        let style =
            if change.progress == Some(Progress::NotYet) { palette.gap } else { palette.text };
        push(
            format!(
                "  ▸ {theme} · {} · {now} {progress}",
                indicator_text(app.lang, &change.indicator)
            ),
            style,
        );
    }
    push(t.year_filled.to_owned(), heading);
    if c.filled.is_empty() {
        push(format!("  {}", t.year_none_filled), palette.dim);
    }
    for (theme, level, text) in &c.filled {
        let theme = s.matrix.theme(*theme).map_or("", |th| th.desired.as_str());
        let level = s.matrix.level(*level).map_or("", |l| l.name.as_str());
        push(format!("  ✓ {theme} · {level}: {text}"), palette.text);
    }
    push(t.year_actions.to_owned(), heading);
    for (text, outcome, result) in &c.actions {
        let word = match outcome {
            ActionOutcome::Done => t.outcome_done,
            ActionOutcome::NotDone => t.outcome_not_done,
            ActionOutcome::Dropped => t.outcome_dropped,
        };
        let result = if result.is_empty() { String::new() } else { format!(" — {result}") };
        push(format!("  {word}: {text}{result}"), palette.text);
    }
    if let Some(prev) = &s.previous
        && prev.depth() > 1
    {
        let older = older_titles(prev);
        push(fill(t.year_older, &[&older.join("; ")]), palette.dim);
    }
    out
}

/// The titles of the years before last year, newest first.
fn older_titles(prev: &crate::model::PreviousYear) -> Vec<String> {
    let mut titles = Vec::new();
    let mut at = prev.previous.as_deref();
    while let Some(p) = at {
        titles.push(p.title.clone());
        at = p.previous.as_deref();
    }
    titles
}

fn names(s: &Session, themes: &[ThemeId]) -> String {
    themes
        .iter()
        .filter_map(|&id| s.matrix.theme(id))
        .map(|t| t.desired.clone())
        .collect::<Vec<_>>()
        .join(", ")
}

/// The comparison over the panes.
pub fn year_after(frame: &mut Frame, area: Rect, app: &App, palette: &Palette) {
    let t = app.lang.texts();
    let inner = popup(
        frame,
        area,
        (area.width.saturating_sub(4).max(20), area.height.saturating_sub(2).max(8)),
        t.year_after_title,
        palette.focus,
        palette,
    );
    let lines = lines(app, inner.width as usize, palette);
    crate::ui::lines_and_keys(frame, inner, lines, app, palette);
}
