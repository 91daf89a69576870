//! The Acties pane: who does what by when, and the regie agreements beside it.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Cell, Paragraph, Row, Table, TableState};

use super::Palette;
use super::text::fit;
use crate::app::{App, Pane};
use crate::i18n::date_text;
use crate::model::{ActionStatus, ParticipantId};

/// Draws the pane's content into `area`.
pub fn draw(frame: &mut Frame, area: Rect, app: &App, focused: bool, palette: &Palette) {
    let t = app.lang.texts();
    let s = &app.session;
    let show_agreements = area.height >= 16 && !s.agreements.is_empty();
    let (list_area, agreements_area) = if show_agreements {
        let [a, b] =
            Layout::vertical([Constraint::Percentage(65), Constraint::Percentage(35)]).areas(area);
        (a, Some(b))
    } else {
        (area, None)
    };
    if s.actions.is_empty() {
        frame.render_widget(Paragraph::new(t.no_actions).style(palette.dim), list_area);
    } else {
        let owner =
            |id: Option<ParticipantId>| id.and_then(|id| s.participant(id)).map(|p| p.name.clone());
        let narrow = area.width < 90;
        // Only the rows that fit are built; the selection stays in view.
        let room = (list_area.height as usize).saturating_sub(1).max(1);
        let selected = app.selected(Pane::Acties);
        let offset = selected.saturating_sub(room - 1);
        let rows = s.actions.iter().skip(offset).take(room).map(|a| {
            let status = match a.status {
                ActionStatus::Open => format!("○ {}", t.action_open),
                ActionStatus::Busy => format!("◐ {}", t.action_busy),
                ActionStatus::Done => format!("● {}", t.action_done),
            };
            let who = match owner(a.owner) {
                Some(name) => Cell::from(name),
                None => Cell::from(format!("⚠ {}", t.no_owner)).style(palette.gap),
            };
            let due = match a.due {
                Some(d) if narrow => Cell::from(d.strftime("%d-%m-%Y").to_string()),
                Some(d) => Cell::from(date_text(app.lang, d)),
                None => Cell::from("⚠ —").style(palette.gap),
            };
            Row::new(vec![Cell::from(a.text.clone()), who, due, Cell::from(status)])
        });
        let narrow = area.width < 90;
        let widths = if narrow {
            [
                Constraint::Fill(1),
                Constraint::Length(13),
                Constraint::Length(10),
                Constraint::Length(8),
            ]
        } else {
            [
                Constraint::Fill(1),
                Constraint::Length(18),
                Constraint::Length(15),
                Constraint::Length(8),
            ]
        };
        let header =
            Row::new([t.col_action, t.col_owner, t.col_due, t.col_status]).style(palette.focus);
        let table = Table::new(rows, widths)
            .header(header)
            .column_spacing(1)
            .row_highlight_style(palette.selected)
            .highlight_symbol("▶ ")
            .style(palette.text);
        let mut state = TableState::default().with_selected(focused.then_some(selected - offset));
        frame.render_stateful_widget(table, list_area, &mut state);
    }
    if let Some(area) = agreements_area {
        let mut lines = vec![Line::styled(format!("── {} ──", t.agreements_title), palette.focus)];
        for a in &s.agreements {
            let owner = a.owner.and_then(|id| s.participant(id)).map_or("", |p| p.name.as_str());
            let review = a.review.map(|d| date_text(app.lang, d)).unwrap_or_default();
            let tail = format!(" ({owner}{}{review})", if review.is_empty() { "" } else { ", " });
            let width = (area.width as usize).saturating_sub(tail.chars().count() + 2);
            lines.push(Line::from(vec![
                Span::raw("• "),
                Span::raw(fit(&a.text, width)),
                Span::styled(tail, palette.dim),
            ]));
        }
        super::render_lines(frame, area, lines);
    }
}
