//! The voting dialogs: a new round's settings, breaking a tie, reopening, and the big top 3.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Position, Rect};
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};
use tui_big_text::{BigText, PixelSize};

use crate::app::{App, RoundSetup, TieDialog};
use crate::i18n::fill;
use crate::model::Round;
use crate::ui::{Palette, popup, render_lines};

/// The settings of a new round: one row per setting, ← → to change.
pub fn setup(frame: &mut Frame, area: Rect, app: &App, setup: &RoundSetup, palette: &Palette) {
    let t = app.lang.texts();
    let s = &app.session;
    let count = setup.candidates(s).len();
    let yes_no = |b: bool| if b { t.present_yes } else { t.present_no };
    let candidates = if setup.from_result {
        fill(t.setup_last_result, &[&count])
    } else {
        fill(t.setup_all_themes, &[&count])
    };
    let rows = [
        (t.setup_candidates, candidates),
        (t.setup_dots, setup.dots.to_string()),
        (t.setup_max, setup.max_per_theme.to_string()),
        (t.setup_advance, setup.advance.to_string()),
        (t.setup_secret, yes_no(setup.secret).to_owned()),
        (t.setup_anonymous, yes_no(setup.anonymous).to_owned()),
    ];
    let inner =
        popup(frame, area, (72, rows.len() as u16 + 6), t.setup_title, palette.focus, palette);
    let mut lines: Vec<Line> = rows
        .iter()
        .enumerate()
        .map(|(i, (label, value))| {
            let active = i == setup.field;
            let style = if active { palette.selected } else { palette.text };
            Line::from(vec![
                Span::raw(if active { "▶ " } else { "  " }),
                Span::raw(format!("{label:<24}")),
                Span::styled(format!("◀ {value} ▶"), style),
            ])
        })
        .collect();
    lines.push(Line::default());
    crate::ui::lines_and_keys(frame, inner, lines, app, palette);
}

/// Breaking a tie at the cut: which themes, how many places, and the choice.
pub fn tie(frame: &mut Frame, area: Rect, app: &App, dialog: &TieDialog, palette: &Palette) {
    let t = app.lang.texts();
    let Some(tie) = app.session.round(dialog.round).and_then(Round::undecided_tie) else { return };
    let height = tie.themes.len() as u16 + 11;
    let inner = popup(frame, area, (76, height), t.tie_title, palette.warn, palette);
    let body = fill(t.tie_body, &[&tie.first_place, &tie.last_place, &tie.votes, &tie.open_places]);
    let body_lines = crate::ui::text::wrap(&body, inner.width as usize);
    let mut lines: Vec<Line> = body_lines.into_iter().map(Line::from).collect();
    lines.push(Line::default());
    for (i, theme) in tie.themes.iter().enumerate() {
        let name =
            app.session.matrix.theme(*theme).map_or_else(|| theme.to_string(), |th| th.label());
        let line = match &dialog.pick {
            Some(pick) => {
                let ticked = if pick.chosen.contains(theme) { "[x]" } else { "[ ]" };
                let here = pick.reason.is_none() && pick.cursor == i;
                let style = if here { palette.selected } else { palette.text };
                Line::styled(format!("{} {ticked} {name}", if here { "▶" } else { " " }), style)
            }
            None => Line::from(format!("  • {name}")),
        };
        lines.push(line);
    }
    lines.push(Line::default());
    match dialog.pick.as_ref().and_then(|p| p.reason.as_ref()) {
        Some(reason) => {
            let label = format!("{}: ", t.tie_reason);
            let width = (inner.width as usize).saturating_sub(label.chars().count());
            let scroll = reason.visual_scroll(width);
            let y = inner.y + lines.len() as u16;
            lines.push(Line::from(vec![
                Span::styled(label.clone(), palette.focus),
                Span::styled(
                    crate::ui::text::field(reason.value(), scroll, width),
                    palette.selected,
                ),
            ]));
            let x = inner.x
                + label.chars().count() as u16
                + reason.visual_cursor().saturating_sub(scroll) as u16;
            frame.set_cursor_position(Position::new(x.min(inner.right().saturating_sub(1)), y));
        }
        None if dialog.pick.is_some() => {
            lines.push(Line::styled(fill(t.tie_pick_body, &[&tie.open_places]), palette.focus));
        }
        None => {}
    }
    crate::ui::lines_and_keys(frame, inner, lines, app, palette);
}

/// "Reopen this round?"
pub fn reopen(
    frame: &mut Frame,
    area: Rect,
    app: &App,
    round: crate::model::RoundId,
    palette: &Palette,
) {
    let t = app.lang.texts();
    let name = app.session.round(round).map(|r| r.name.clone()).unwrap_or_default();
    let inner = popup(frame, area, (64, 7), t.key_reopen_round, palette.warn, palette);
    let text = format!("{}\n\n{}", fill(t.reopen_question, &[&name]), t.question_keys);
    frame.render_widget(Paragraph::new(text).wrap(Wrap { trim: true }), inner);
}

/// The top 3 for the projector: big numbers and desired situations, the problem and the votes.
pub fn top_three(frame: &mut Frame, area: Rect, app: &App, palette: &Palette) {
    let t = app.lang.texts();
    let s = &app.session;
    frame.render_widget(ratatui::widgets::Clear, area);
    frame.render_widget(ratatui::widgets::Block::new().style(palette.text), area);
    let focus = s.focus_themes();
    if focus.is_empty() {
        frame.render_widget(
            Paragraph::new(t.top_none).style(palette.warn).wrap(Wrap { trim: true }),
            area,
        );
        return;
    }
    // The votes each theme got in the round that chose it.
    let chosen_in = s.rounds.iter().rev().find(|r| !r.is_open() && r.runoff_of.is_none());
    let votes = |id| chosen_in.map_or(0, |r| r.votes_for(id));
    let shown: Vec<_> = focus.iter().take(3).filter_map(|&id| s.matrix.theme(id)).collect();
    let [title_area, body] =
        Layout::vertical([Constraint::Length(4), Constraint::Min(0)]).areas(area);
    let title = BigText::builder()
        .pixel_size(PixelSize::Quadrant)
        .style(palette.focus)
        .lines(vec![Line::from(t.top_title.to_uppercase())])
        .centered()
        .build();
    frame.render_widget(title, title_area);
    let slots = Layout::vertical(vec![Constraint::Fill(1); shown.len()]).split(body);
    for (i, (theme, slot)) in shown.iter().zip(slots.iter()).enumerate() {
        // Big letters when the desired situation fits at four columns a letter.
        let big_fits =
            (theme.desired.chars().count() as u16 + 3) * 4 <= slot.width && slot.height >= 7;
        let [heading, rest] = Layout::vertical([
            Constraint::Length(if big_fits { 4 } else { 1 }),
            Constraint::Min(0),
        ])
        .areas(*slot);
        let heading_text = format!("{}. {}", i + 1, theme.desired);
        if big_fits {
            let big = BigText::builder()
                .pixel_size(PixelSize::Quadrant)
                .style(palette.text)
                .lines(vec![Line::from(heading_text)])
                .build();
            frame.render_widget(big, heading);
        } else {
            frame.render_widget(
                Line::styled(
                    heading_text.to_uppercase(),
                    palette.focus.add_modifier(Modifier::BOLD),
                ),
                heading,
            );
        }
        let mut lines = Vec::new();
        if !theme.problem.is_empty() {
            lines.push(Line::styled(
                format!("   → {}", theme.problem),
                palette.text.add_modifier(Modifier::BOLD),
            ));
        }
        lines.push(Line::styled(
            format!("   {}", fill(t.top_votes, &[&votes(theme.id)])),
            palette.bar,
        ));
        render_lines(frame, rest, lines);
    }
}
