//! The form to add or edit an action or agreement, with what the typed owner and date will
//! be before anything is stored, and the review of carried actions in a follow-up meeting.

use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};

use crate::app::{ActieForm, App, FormTarget, Review, owner_match, typed_date};
use crate::i18n::{date_text, fill};
use crate::model::DateError;
use crate::ui::panes::acties::status_text;
use crate::ui::{Palette, popup};

/// The action or agreement form: what, who (a participant or a new name), when (as typed,
/// with the date knoop understood beside it).
pub fn form(frame: &mut Frame, area: Rect, app: &App, form: &ActieForm, palette: &Palette) {
    let t = app.lang.texts();
    let (title, when) = match form.target {
        FormTarget::Actie(None) => (t.action_form_add, t.field_when),
        FormTarget::Actie(Some(_)) => (t.action_form_edit, t.field_when),
        FormTarget::Agreement(None) => (t.agreement_form_add, t.field_review),
        FormTarget::Agreement(Some(_)) => (t.agreement_form_edit, t.field_review),
    };
    // As tall as what it holds: the question, three fields a blank line apart, an action's
    // theme line (and its hint while chosen), three rows of keys, the border.
    let question = if form.question.is_some() { 2 } else { 0 };
    let theme = match form.target {
        FormTarget::Actie(_) => 1 + u16::from(form.field == 3),
        FormTarget::Agreement(_) => 0,
    };
    let height = (question + 6 + theme + 3 + 2).min(area.height);
    let inner = popup(frame, area, (area.width.min(100), height), title, palette.focus, palette);
    let mut lines = Vec::new();
    if let Some(q) = form.question.and_then(|i| crate::model::RegieQuestion::ALL.get(i).copied()) {
        let text = crate::i18n::question_text(app.lang, q);
        lines.push(Line::styled(format!("{}. {text}", q.number()), palette.focus));
        lines.push(Line::default());
    }
    let labels = [t.field_what, t.field_who, when];
    let theme_label =
        crate::i18n::in_template_words(app.lang, &app.session.template, t.field_theme);
    let label_w = labels
        .iter()
        .map(|l| l.chars().count())
        .chain([theme_label.chars().count()])
        .max()
        .unwrap_or(0)
        + 2;
    let hint_w = 30;
    let width = (inner.width as usize).saturating_sub(label_w + 2 + hint_w).max(10);
    let owner_hint = match owner_match(&app.session, form.owner.value()) {
        Some(id) => {
            app.session.participant(id).map(|p| fill(t.owner_known, &[&p.name])).unwrap_or_default()
        }
        None if form.owner.value().trim().is_empty() => String::new(),
        None => format!("+ {}", t.owner_new),
    };
    let date_hint = match typed_date(form, app.date_reference()) {
        Ok(Some(d)) => fill(t.date_understood, &[&date_text(app.lang, d)]),
        Ok(None) => String::new(),
        Err(DateError::NoSuchDay) => format!("⚠ {}", t.date_no_such_day),
        Err(_) => format!("⚠ {}", t.date_not_understood),
    };
    // A new action with nothing typed yet: what the matrix needs is a ↓ away.
    let needed = app.session.needed_without_action().len();
    let text_hint = if form.target == FormTarget::Actie(None)
        && needed > 0
        && (form.text.value().is_empty() || form.suggestion.is_some())
    {
        match form.suggestion {
            Some(at) => format!("↓↑ {}/{needed}", at + 1),
            None => fill(t.actie_suggest_hint, &[&needed]),
        }
    } else {
        String::new()
    };
    let field_hints = [text_hint, owner_hint, date_hint];
    for (i, ((label, input), hint)) in
        labels.iter().zip([&form.text, &form.owner, &form.date]).zip(&field_hints).enumerate()
    {
        let active = i == form.field;
        let scroll = input.visual_scroll(width);
        let y = inner.y + lines.len() as u16;
        lines.push(Line::from(vec![
            Span::raw(format!("{} {label:<label_w$}", if active { "▶" } else { " " })),
            Span::styled(
                crate::ui::text::field(input.value(), scroll, width),
                if active { palette.selected } else { palette.text },
            ),
            Span::styled(
                format!(" {hint}"),
                if hint.starts_with('⚠') { palette.gap } else { palette.focus },
            ),
        ]));
        lines.push(Line::default());
        if active {
            let x =
                inner.x + 2 + label_w as u16 + input.visual_cursor().saturating_sub(scroll) as u16;
            frame.set_cursor_position(Position::new(x.min(inner.right().saturating_sub(1)), y));
        }
    }
    if matches!(form.target, FormTarget::Actie(_)) {
        // The theme: chosen, not typed.
        let active = form.field == 3;
        let name = form
            .theme
            .and_then(|id| app.session.matrix.theme(id))
            .map_or(t.no_theme, |th| th.desired.as_str());
        let label = crate::i18n::in_template_words(app.lang, &app.session.template, t.field_theme);
        let room = (inner.width as usize).saturating_sub(label_w + 10);
        let choice = format!("◀ {} ▶", crate::ui::text::fit(name, room));
        lines.push(Line::from(vec![
            Span::raw(format!("{} {label:<label_w$}", if active { "▶" } else { " " })),
            Span::styled(choice, if active { palette.selected } else { palette.text }),
        ]));
        if active {
            lines.push(Line::styled(format!("  {}", t.theme_choose_hint), palette.dim));
        }
    }
    crate::ui::lines_and_keys(frame, inner, lines, app, palette);
}

/// Going through the carried actions of a follow-up meeting, one at a time.
pub fn review(frame: &mut Frame, area: Rect, app: &App, review: &Review, palette: &Palette) {
    let t = app.lang.texts();
    let s = &app.session;
    let inner = popup(
        frame,
        area,
        (area.width.min(100), (review.actions.len() as u16 + 9).min(area.height)),
        t.review_title,
        palette.focus,
        palette,
    );
    let mut lines = vec![
        Line::styled(
            fill(t.review_line, &[&(review.at + 1), &review.actions.len()]),
            palette.focus,
        ),
        Line::default(),
    ];
    for (i, id) in review.actions.iter().enumerate() {
        let Some(a) = s.actions.iter().find(|a| a.id == *id) else { continue };
        let who = a
            .owner
            .and_then(|o| s.participant(o))
            .map_or_else(|| format!("⚠ {}", t.no_owner), |p| p.name.clone());
        let when = a.due.map(|d| date_text(app.lang, d)).unwrap_or_default();
        let here = i == review.at;
        let style = if here { palette.selected } else { palette.text };
        lines.push(Line::styled(
            format!(
                "{} {:<9} {} — {who}, {when}",
                if here { "▶" } else { " " },
                status_text(app, a.status),
                a.text
            ),
            style,
        ));
    }
    lines.push(Line::default());
    crate::ui::lines_and_keys(frame, inner, lines, app, palette);
}
