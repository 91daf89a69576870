//! The ambition form, and the ambition of a theme as lines that the Matrix and Acties panes
//! show for the theme in focus.

use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};

use crate::app::{AmbitionForm, App, INDICATOR_FIELDS};
use crate::i18n::{Lang, fill};
use crate::model::{Ambition, Indicator, MAX_INDICATORS, Session, ThemeId};
use crate::ui::text::{field, fit, wrap};
use crate::ui::{Palette, popup};

/// One indicator in words: "Overgewicht (GMJ): nulmeting 14% (2023) → doel 10% vóór 31 juli
/// 2028".
pub fn indicator_text(lang: Lang, i: &Indicator) -> String {
    let t = lang.texts();
    let comma = lang == Lang::Nl;
    let mut parts = Vec::new();
    if let Some(b) = &i.baseline {
        parts.push(fill(t.indicator_baseline, &[&b.value.text(comma), &b.year]));
    }
    if let Some(target) = &i.target {
        let by = target.by.strftime("%d-%m-%Y").to_string();
        parts.push(fill(t.indicator_target, &[&target.value.text(comma), &by]));
    }
    let name =
        if i.source.is_empty() { i.name.clone() } else { format!("{} ({})", i.name, i.source) };
    if parts.is_empty() { name } else { format!("{name}: {}", parts.join(" → ")) }
}

/// The ambition of `theme` as lines of at most `width` columns: "◎ Ambitie: …" and one line
/// per indicator. From step 3 on, a focus theme without an ambition gets the question of step
/// 3; any other theme without one gets nothing.
pub fn lines(app: &App, theme: ThemeId, width: usize, palette: &Palette) -> Vec<Line<'static>> {
    let t = app.lang.texts();
    let s: &Session = &app.session;
    let Some(a) = s.ambition(theme) else {
        let step_three = app.step.number() >= crate::app::Step::Aanpak.number();
        if step_three && s.focus_themes().contains(&theme) {
            return vec![Line::styled(
                fit(&format!("◎ {}", t.ambition_missing), width),
                palette.dim,
            )];
        }
        return Vec::new();
    };
    ambition_lines(app.lang, a, width, palette)
}

/// An ambition as lines: the outcome (wrapped, at most two lines), then each indicator.
pub fn ambition_lines(
    lang: Lang,
    a: &Ambition,
    width: usize,
    palette: &Palette,
) -> Vec<Line<'static>> {
    let t = lang.texts();
    let mut out: Vec<Line> = wrap(&format!("◎ {}: {}", t.ambition_label, a.outcome), width)
        .into_iter()
        .take(2)
        .map(|l| Line::styled(l, palette.focus))
        .collect();
    if a.indicators.is_empty() {
        out.push(Line::styled(fit(&format!("  {}", t.ambition_no_indicators), width), palette.gap));
    }
    for i in &a.indicators {
        let text = format!("  ▸ {}", indicator_text(lang, i));
        out.push(Line::styled(fit_words(&text, width), palette.text));
    }
    out
}

/// `text` in at most `width` columns, cut after a whole word with "…" when it is longer:
/// a projector shows no half words.
pub(crate) fn fit_words(text: &str, width: usize) -> String {
    if text.chars().count() <= width {
        return text.to_owned();
    }
    let body = text.trim_start();
    let indent = &text[..text.len() - body.len()];
    let room = width.saturating_sub(indent.chars().count() + 2).max(1);
    match wrap(body, room).first() {
        Some(first) => format!("{indent}{first} …"),
        None => String::new(),
    }
}

/// The form: the question of step 3, the outcome, and a table of three indicators.
pub fn form(frame: &mut Frame, area: Rect, app: &App, form: &AmbitionForm, palette: &Palette) {
    let t = app.lang.texts();
    let theme = app.session.matrix.theme(form.theme).map_or("", |th| th.desired.as_str());
    let title = fill(t.ambition_title, &[&theme]);
    let inner = popup(
        frame,
        area,
        (area.width.min(120), 14.min(area.height)),
        &title,
        palette.focus,
        palette,
    );
    let width = inner.width as usize;
    let mut lines = vec![Line::styled(fit(t.ambition_question, width), palette.focus)];
    let mut cursor = None;
    // The outcome: label, then the input over the rest of the line.
    let label_w = t.field_outcome.chars().count() + 3;
    let outcome_w = width.saturating_sub(label_w).max(10);
    let active = form.field == 0;
    let input = &form.inputs[0];
    let scroll = if active { input.visual_scroll(outcome_w) } else { 0 };
    if active {
        let x = label_w + input.visual_cursor().saturating_sub(scroll);
        cursor = Some((x, lines.len()));
    }
    lines.push(Line::from(vec![
        Span::raw(format!("{} {}: ", if active { "▶" } else { " " }, t.field_outcome)),
        Span::styled(
            field(input.value(), scroll, outcome_w),
            if active { palette.selected } else { palette.text },
        ),
    ]));
    lines.push(Line::default());
    // The indicator table: the name takes what the five short columns leave.
    // A follow-up meeting adds the new value and its year.
    let follow_up = app.session.previous.is_some();
    let columns = if follow_up { INDICATOR_FIELDS } else { 6 };
    let fixed = [0, 12, 9, 5, 9, 11, 9, 5];
    let name_w = width.saturating_sub(3 + fixed[..columns].iter().sum::<usize>() + columns).max(8);
    let mut widths = fixed;
    widths[0] = name_w;
    let widths = &widths[..columns];
    let heads = [
        t.col_indicator,
        t.col_source,
        t.col_baseline,
        t.col_baseline_year,
        t.col_target,
        t.col_target_by,
        t.col_latest,
        t.col_baseline_year,
    ];
    let mut head = vec![Span::raw("   ")];
    for (h, &w) in heads.iter().zip(widths) {
        head.push(Span::styled(format!("{:<w$} ", fit(h, w)), palette.focus));
    }
    lines.push(Line::from(head));
    for k in 0..MAX_INDICATORS {
        let mut spans = vec![Span::raw(format!("{}. ", k + 1))];
        let mut x = 3;
        for (j, &w) in widths.iter().enumerate() {
            let at = 1 + k * INDICATOR_FIELDS + j;
            let input = &form.inputs[at];
            let active = form.field == at;
            // A field without the cursor shows its start, where its words begin.
            let scroll = if active { input.visual_scroll(w) } else { 0 };
            if active {
                cursor = Some((x + input.visual_cursor().saturating_sub(scroll), lines.len()));
            }
            spans.push(Span::styled(
                field(input.value(), scroll, w),
                if active { palette.selected } else { palette.dim },
            ));
            spans.push(Span::raw(" "));
            x += w + 1;
        }
        lines.push(Line::from(spans));
    }
    lines.push(Line::default());
    // What knoop understood of the indicator with the cursor, or why not.
    let row = form.field.checked_sub(1).map(|f| f / INDICATOR_FIELDS);
    let understood = match row {
        Some(k) if !form.row_is_empty(k) => {
            match Indicator::from_typed(std::array::from_fn(|j| form.row(k)[j]), app.today) {
                Ok(i) => Line::styled(
                    fit_words(
                        &fill(t.indicator_understood, &[&(k + 1), &indicator_text(app.lang, &i)]),
                        width,
                    ),
                    palette.focus,
                ),
                Err(e) => Line::styled(
                    fit(&format!("⚠ {}", crate::i18n::errors::ambition_text(app.lang, &e)), width),
                    palette.gap,
                ),
            }
        }
        _ => Line::styled(fit(t.ambition_sources, width), palette.dim),
    };
    lines.push(understood);
    lines.push(Line::default());
    if let Some((x, y)) = cursor {
        let x = (inner.x + x as u16).min(inner.right().saturating_sub(1));
        frame.set_cursor_position(Position::new(x, inner.y + y as u16));
    }
    crate::ui::lines_and_keys(frame, inner, lines, app, palette);
}
