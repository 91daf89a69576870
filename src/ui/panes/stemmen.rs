//! The Stemmen pane: the round on screen, who votes now with their dots left, the candidates
//! with bars and counts, the cut, and how a tie was decided.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};

use crate::app::{App, Pane, RoundView, voter_name};
use crate::i18n::fill;
use crate::model::{Decision, Round};
use crate::ui::text::{fit, fit_pad, wrap};
use crate::ui::{Palette, render_lines};

/// Draws the pane's content into `area`.
pub fn draw(frame: &mut Frame, area: Rect, app: &App, focused: bool, palette: &Palette) {
    // The box shows where its page is used: here while phones vote, beside the matrix while
    // they send activities in.
    let area = match &app.phones {
        Some(phones) if phones.round().is_some() => phones_panel(frame, area, app, phones, palette),
        _ => area,
    };
    let area = facts_panel(frame, area, app, palette);
    let t = app.lang.texts();
    let (Some(round), Some(view)) = (app.shown_round(), app.round_view()) else {
        render_lines(
            frame,
            area,
            vec![
                Line::styled(t.no_rounds, palette.dim),
                Line::styled(format!("n: {}", t.key_new_round), palette.dim),
            ],
        );
        return;
    };
    let mut lines = header(app, round, &view, area.width as usize, palette);
    let visible = round.counts_visible();
    let (rows, by_theme, ranked_view) = (&view.rows, &view.by_theme, view.ranked);
    let own_w = if round.is_open() { 2 } else { 0 };
    let max_votes = view.ranking.first().map_or(0, |r| r.votes).max(1);
    let width = area.width as usize;
    // Places and counts as wide as their largest number, so a 100th place keeps its row.
    let digits = |n: usize| n.max(1).ilog10() as usize + 1;
    let place_w = digits(rows.len()).max(2);
    let count_w = digits(max_votes as usize).max(3);
    // A narrow pane keeps the names readable and drops the bars; the counts stay.
    let bar_w = if visible && width >= 44 { (width / 4).clamp(4, 24) } else { 0 };
    let label_w = width.saturating_sub(2 + place_w + 1 + 2 + own_w + bar_w + count_w + 2);
    let selected = app.selected(Pane::Stemmen);
    let room = (area.height as usize).saturating_sub(lines.len() + 1);
    let skip = selected.saturating_sub(room.saturating_sub(1));
    // After a run-off the stars mark the final top, whichever round picked each theme.
    let in_runoff_chain = round.runoff_of.is_some()
        || matches!(
            round.result.as_ref().and_then(|r| r.decision.as_ref()),
            Some(Decision::RunOff { .. })
        );
    let through: Vec<_> = if in_runoff_chain && !round.is_open() {
        app.session.focus_themes()
    } else {
        round.result.as_ref().map(|r| r.through.clone()).unwrap_or_default()
    };
    let mine = app.voting.voter.and_then(|v| round.ballot(v));
    // Only the rows that fit are built: a long list costs no more than a short one.
    for (i, &theme) in rows.iter().enumerate().skip(skip).take(room + 1) {
        if ranked_view && i == round.advance as usize && i > 0 {
            let cut = format!(" {} ", fill(t.cut_line, &[&round.advance]));
            let side = width.saturating_sub(cut.chars().count()) / 2;
            lines.push(Line::styled(
                format!("{}{cut}{}", "─".repeat(side), "─".repeat(side)),
                palette.dim,
            ));
        }
        let r = by_theme.get(&theme);
        let votes = r.map_or(0, |r| r.votes);
        let label = app.theme(theme).map_or_else(|| theme.to_string(), |th| th.desired.clone());
        let is_selected = focused && i == selected;
        let place = match r {
            // An open round numbers its candidates: a digit gives that one a dot.
            _ if round.is_open() => format!("{:>place_w$}.", i + 1),
            Some(r) if visible => format!("{:>place_w$}.", r.place),
            _ => format!("{:>w$}", "·", w = place_w + 1),
        };
        let star = if through.contains(&theme) { "★ " } else { "  " };
        let own = match mine.and_then(|b| b.dots.get(&theme)) {
            Some(n) => format!("{:<own_w$}", "●".repeat(*n as usize)),
            None => " ".repeat(own_w),
        };
        // The selected theme shows its whole name, wrapped under itself; the others one line.
        let mut parts = if is_selected { wrap(&label, label_w.max(1)) } else { Vec::new() };
        let first = if parts.is_empty() { label.clone() } else { parts.remove(0) };
        let indent = 2 + place.chars().count() + 2 + own_w;
        let mut spans = vec![
            Span::raw(if is_selected { "▶ " } else { "  " }),
            Span::raw(place),
            Span::styled(star, palette.bar),
            Span::styled(own, palette.focus),
            Span::raw(fit_pad(&first, label_w)),
        ];
        if visible && bar_w > 0 {
            let filled = (votes as usize * bar_w).div_ceil(max_votes as usize);
            spans.push(Span::raw(" "));
            spans.push(Span::styled(format!("{:<bar_w$}", "█".repeat(filled)), palette.bar));
            spans.push(Span::raw(format!(" {votes:>count_w$}")));
        } else if visible {
            spans.push(Span::raw(format!(" {votes:>count_w$}")));
        }
        let style = if is_selected { palette.selected } else { palette.text };
        lines.push(Line::from(spans).style(style));
        for part in parts {
            let rest = format!("{}{}", " ".repeat(indent), fit_pad(&part, label_w));
            lines.push(Line::styled(fit_pad(&rest, width), style));
        }
    }
    render_lines(frame, area, lines);
}

/// The lines above the candidates: the round, the voter, the turnout, a tie.
fn header<'a>(
    app: &App,
    round: &Round,
    view: &RoundView,
    width: usize,
    palette: &Palette,
) -> Vec<Line<'a>> {
    let t = app.lang.texts();
    let state = if round.is_open() { t.round_open } else { t.round_closed };
    let mut lines = vec![Line::styled(
        fill(t.round_line, &[&round.name, &state, &round.advance]),
        palette.focus,
    )];
    if round.is_open() {
        lines.push(match app.voting.voter {
            Some(voter) => {
                let left = view.dots_left(round, voter);
                let used = round.dots_per_voter.saturating_sub(left);
                let dots = format!("{}{}", "●".repeat(used as usize), "○".repeat(left as usize));
                Line::from(vec![
                    Span::styled(
                        fill(t.voter_line, &[&voter_name(app, voter)]),
                        palette.text.add_modifier(Modifier::BOLD),
                    ),
                    Span::raw("  "),
                    Span::styled(dots, palette.focus),
                    Span::styled(format!("  {}", fill(t.voter_dots_left, &[&left])), palette.dim),
                ])
            }
            None => Line::styled(t.voter_none, palette.warn),
        });
        lines.push(Line::styled(
            fill(t.vote_stats, &[&round.ballots.len(), &view.voters.len(), &view.dots_out]),
            palette.dim,
        ));
        // Who still has dots, so the room sees whose turn is coming.
        let waiting: Vec<String> = view
            .voters
            .iter()
            .filter(|&&v| view.dots_left(round, v) > 0 && Some(v) != app.voting.voter)
            .map(|&v| voter_name(app, v))
            .collect();
        let line = if waiting.is_empty() && view.dots_out == 0 {
            t.vote_waiting_none.to_owned()
        } else {
            fill(t.vote_waiting, &[&waiting.join(", ")])
        };
        if !(waiting.is_empty() && view.dots_out > 0) {
            lines.push(Line::styled(fit(&line, width), palette.dim));
        }
    } else {
        let dots: u32 = round.ballots.iter().map(|b| b.total()).sum();
        lines
            .push(Line::styled(fill(t.round_ballots, &[&round.ballots.len(), &dots]), palette.dim));
    }
    if !round.counts_visible() {
        lines.push(Line::styled(fill(t.round_hidden, &[&round.ballots.len()]), palette.warn));
    }
    if let Some(tie) = round.undecided_tie() {
        lines.push(Line::styled(
            fill(t.tie_at_cut, &[&tie.first_place, &tie.last_place]),
            palette.warn,
        ));
    }
    match round.result.as_ref().and_then(|r| r.decision.as_ref()) {
        Some(Decision::Picked { themes, reason }) => {
            let names: Vec<_> = themes
                .iter()
                .filter_map(|&id| app.theme(id))
                .map(|th| th.desired.as_str())
                .collect();
            lines.push(Line::styled(
                fill(t.decided_pick, &[&names.join(", "), reason]),
                palette.dim,
            ));
        }
        Some(Decision::RunOff { .. }) => lines.push(Line::styled(t.decided_runoff, palette.dim)),
        None => {}
    }
    if round.runoff_of.is_some() && !round.is_open() {
        // The run-off lists only the tied themes: say what the whole top is now.
        let names: Vec<String> = app
            .session
            .focus_themes()
            .iter()
            .filter_map(|&id| app.theme(id))
            .map(|th| format!("★ {}", th.desired))
            .collect();
        let line = fill(t.runoff_final, &[&names.join(" · ")]);
        for part in wrap(&line, width) {
            lines.push(Line::styled(part, palette.focus));
        }
    }
    lines
}

/// The ballot box at the top of the pane: the QR code as large as fits, the address and the
/// join code to type, and how many phones came and voted. Returns the room left below it.
pub(crate) fn phones_panel(
    frame: &mut Frame,
    area: Rect,
    app: &App,
    phones: &crate::app::PhonesView,
    palette: &Palette,
) -> Rect {
    use qrcode::QrCode;
    use tui_qrcode::{QrCodeWidget, Scaling};
    let t = app.lang.texts();
    let present = app.session.participants.iter().filter(|p| p.present).count();
    let bold = palette.text.add_modifier(Modifier::BOLD);
    let (title, stats) = match phones.serving {
        crate::app::PhonesFor::Round(_) => {
            (t.phones_title, fill(t.phones_stats, &[&phones.connected, &phones.voted, &present]))
        }
        crate::app::PhonesFor::Inbreng => (
            t.phones_title_inbreng,
            fill(t.phones_stats_inbreng, &[&phones.connected, &phones.voted]),
        ),
    };
    let mut entries: Vec<(String, Style)> = vec![
        (title.to_owned(), palette.focus),
        (phones.address.clone(), bold),
        (fill(t.phones_code, &[&phones.code]), bold),
        (stats, palette.dim),
    ];
    if phones.connected > present {
        entries.push((fill(t.phones_more_devices, &[&phones.connected, &present]), palette.warn));
    }
    if phones.unreached {
        entries.push((t.box_unreached.to_owned(), palette.warn));
    }
    if phones.addresses.len() > 1
        && let Some(shown) = phones.addresses.get(phones.address_at)
    {
        let n = phones.addresses.len();
        let line = fill(t.phones_address, &[&(phones.address_at + 1), &n, shown]);
        entries.push((line, palette.dim));
    }
    // Each text wrapped at word boundaries to the width it gets: beside the code or under it.
    let wrapped = |width: u16| -> Vec<Line<'static>> {
        entries
            .iter()
            .flat_map(|(text, style)| {
                wrap(text, width as usize).into_iter().map(move |l| Line::styled(l, *style))
            })
            .collect()
    };
    let text_only = |frame: &mut Frame| {
        let text = wrapped(area.width);
        let used = text.len() as u16 + 1;
        render_lines(frame, area, text);
        Rect { y: area.y + used, height: area.height.saturating_sub(used), ..area }
    };
    let Ok(code) = QrCode::new(phones.url.as_bytes()) else {
        return text_only(frame);
    };
    // The biggest whole scale that leaves half the pane for the candidates.
    let room = Rect { height: (area.height / 2).max(4), ..area };
    let mut scale = 1;
    while scale < 4 {
        let next = QrCodeWidget::new(code.clone())
            .scaling(Scaling::Exact(scale + 1, scale + 1))
            .size(room);
        if next.width > room.width.saturating_sub(2) || next.height > room.height {
            break;
        }
        scale += 1;
    }
    let mut widget = QrCodeWidget::new(code).scaling(Scaling::Exact(scale, scale));
    if palette.text.bg.is_some() {
        // Dark modules on a light ground, whatever the theme: every phone camera reads that.
        widget = widget.style(
            ratatui::style::Style::new()
                .fg(ratatui::style::Color::Black)
                .bg(ratatui::style::Color::White),
        );
    }
    let size = widget.size(room);
    let beside = area.width.saturating_sub(size.width + 1);
    let (text, text_area) = if beside >= 24 {
        let text = wrapped(beside);
        let rect = Rect { x: area.x + size.width + 1, width: beside, height: size.height, ..area };
        (text, rect)
    } else {
        let text = wrapped(area.width);
        let rect = Rect { y: area.y + size.height, height: text.len() as u16, ..area };
        (text, rect)
    };
    let lines = text.len() as u16;
    let used = if beside >= 24 { size.height.max(lines) } else { size.height + lines };
    if size.width > area.width || used + 1 > area.height {
        // Too small a pane for a code that scans: the address and the code as text.
        return text_only(frame);
    }
    frame.render_widget(widget, Rect { width: size.width, height: size.height, ..area });
    render_lines(frame, text_area, text);
    Rect { y: area.y + used + 1, height: area.height.saturating_sub(used + 1), ..area }
}

/// Beside the candidates, on the projector: the figures behind the selected theme, so the room
/// votes on what is known. Only in a pane wide enough to keep the candidates readable, and
/// only when the theme has figures as data (its free note comes under them). Returns what is left for the candidates.
fn facts_panel(frame: &mut Frame, area: Rect, app: &App, palette: &Palette) -> Rect {
    if area.width < 54 || area.height < 8 {
        return area;
    }
    let Some(view) = app.round_view() else { return area };
    let Some(theme) =
        view.rows.get(app.selected(Pane::Stemmen)).and_then(|&id| app.session.matrix.theme(id))
    else {
        return area;
    };
    if theme.facts.is_empty() {
        return area;
    }
    let t = app.lang.texts();
    let width = area.width * 2 / 5;
    let panel = Rect { x: area.right() - width, width, ..area };
    let inner_w = width.saturating_sub(2) as usize;
    let mut lines = vec![Line::styled(
        crate::ui::dialogs::ambition::fit_words(
            &format!("» {} · {}", t.facts_title, theme.desired),
            inner_w,
        ),
        palette.focus,
    )];
    for fact in &theme.facts {
        let text = crate::i18n::fact_text(fact);
        for (i, l) in
            crate::ui::text::wrap(&text, inner_w.saturating_sub(2)).into_iter().enumerate()
        {
            lines.push(Line::from(format!("{} {l}", if i == 0 { "•" } else { " " })));
        }
    }
    if !theme.evidence.is_empty() {
        for l in crate::ui::text::wrap(&theme.evidence, inner_w) {
            lines.push(Line::styled(l, palette.dim));
        }
    }
    let inner = Rect { x: panel.x + 2, width: panel.width.saturating_sub(2), ..panel };
    let bar = Rect { width: 1, ..panel };
    for y in bar.top()..bar.bottom() {
        frame.render_widget(Line::styled("│", palette.border), Rect { y, height: 1, ..bar });
    }
    render_lines(frame, inner, lines);
    Rect { width: area.width - width, ..area }
}
