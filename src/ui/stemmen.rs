//! The Stemmen pane: the round on screen with its ranking, bars, counts and the cut.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::Palette;
use super::text::fit;
use crate::app::{App, Pane};
use crate::i18n::fill;

/// Draws the pane's content into `area`.
pub fn draw(frame: &mut Frame, area: Rect, app: &App, focused: bool, palette: &Palette) {
    let t = app.lang.texts();
    let Some(round) = app.shown_round() else {
        frame.render_widget(Paragraph::new(t.no_rounds).style(palette.dim), area);
        return;
    };
    let state = if round.is_open() { t.round_open } else { t.round_closed };
    let dots: u32 = round.ballots.iter().map(|b| b.total()).sum();
    let mut lines = vec![
        Line::styled(fill(t.round_line, &[&round.name, &state, &round.advance]), palette.focus),
        Line::styled(fill(t.round_ballots, &[&round.ballots.len(), &dots]), palette.dim),
    ];
    let visible = round.counts_visible();
    if !visible {
        lines.push(Line::styled(fill(t.round_hidden, &[&round.ballots.len()]), palette.warn));
    }
    let result = round.result.as_ref();
    if let Some(tie) = round.undecided_tie() {
        lines.push(Line::styled(
            fill(t.tie_at_cut, &[&tie.first_place, &tie.last_place]),
            palette.warn,
        ));
    }
    let header = lines.len();
    let ranking = round.ranking();
    let max_votes = ranking.first().map_or(0, |r| r.votes).max(1);
    let width = area.width as usize;
    let count_w = 3;
    let bar_w = if visible { (width / 4).clamp(4, 24) } else { 0 };
    let label_w = width.saturating_sub(2 + 3 + 2 + bar_w + count_w + 2);
    let selected = app.selected(Pane::Stemmen);
    let rows_room = (area.height as usize).saturating_sub(header + 1);
    let skip = selected.saturating_sub(rows_room.saturating_sub(1));
    let mut row_lines = Vec::new();
    // Only the rows that fit are built: a long list costs no more than a short one.
    for (i, r) in ranking.iter().enumerate().skip(skip).take(rows_room + 1) {
        if visible && i == round.advance as usize && i > 0 {
            let cut = format!(" {} ", fill(t.cut_line, &[&round.advance]));
            let side = width.saturating_sub(cut.chars().count()) / 2;
            row_lines.push(Line::styled(
                format!("{}{cut}{}", "─".repeat(side), "─".repeat(side)),
                palette.dim,
            ));
        }
        let through = result.is_some_and(|res| res.through.contains(&r.theme));
        let theme = app.session.matrix.theme(r.theme);
        let label = theme.map_or_else(|| r.theme.to_string(), |th| th.desired.clone());
        let is_selected = focused && i == selected;
        let marker = if is_selected { "▶ " } else { "  " };
        let place = if visible { format!("{:>2}.", r.place) } else { "  ·".to_owned() };
        let star = if through { "★ " } else { "  " };
        let mut spans = vec![
            Span::raw(marker),
            Span::raw(place),
            Span::styled(star, palette.bar),
            Span::raw(format!("{:<label_w$}", fit(&label, label_w))),
        ];
        if visible {
            let filled = (r.votes as usize * bar_w).div_ceil(max_votes as usize);
            spans.push(Span::raw(" "));
            spans.push(Span::styled(format!("{:<bar_w$}", "█".repeat(filled)), palette.bar));
            spans.push(Span::raw(format!(" {:>count_w$}", r.votes)));
        }
        let style = if is_selected { palette.selected } else { palette.text };
        row_lines.push(Line::from(spans).style(style));
    }
    lines.extend(row_lines);
    super::render_lines(frame, area, lines);
}
