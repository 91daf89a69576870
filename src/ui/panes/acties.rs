//! The Acties pane: who does what by when, with markers for what is overdue, due this week or
//! missing an owner or a date; the round of owners; the regie agreements.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Modifier;
use ratatui::text::{Line, Text};
use ratatui::widgets::{Cell, Paragraph, Row, Table, TableState, Wrap};

use crate::app::{ActiesList, App, Pane, SortBy, acties_rows};
use crate::i18n::{date_text, fill};
use crate::model::{ActionStatus, ParticipantId, Urgency, urgency};
use crate::ui::Palette;
use crate::ui::text::{fit, wrap};

/// Draws the pane's content into `area`.
pub fn draw(frame: &mut Frame, area: Rect, app: &App, focused: bool, palette: &Palette) {
    match app.acties.list {
        // With room to spare, the regie agreements stand under the actions.
        ActiesList::Actions if area.height >= 14 => {
            let [top, bottom] =
                Layout::vertical([Constraint::Percentage(62), Constraint::Percentage(38)])
                    .areas(area);
            actions(frame, top, app, focused, palette);
            agreements(frame, bottom, app, false, palette);
        }
        ActiesList::Actions => actions(frame, area, app, focused, palette),
        ActiesList::Agreements => by_question(frame, area, app, focused, palette),
    }
}

pub(crate) fn status_text(app: &App, status: ActionStatus) -> String {
    let t = app.lang.texts();
    match status {
        ActionStatus::Open => format!("○ {}", t.action_open),
        ActionStatus::Busy => format!("◐ {}", t.action_busy),
        ActionStatus::Done => format!("● {}", t.action_done),
    }
}

/// The line above the table: the order and the filters in force.
fn caption(app: &App) -> Option<String> {
    let t = app.lang.texts();
    let s = &app.session;
    let v = &app.acties;
    let mut parts = Vec::new();
    let sort = match v.sort {
        SortBy::List => None,
        SortBy::Due => Some(t.sort_due),
        SortBy::Owner => Some(t.sort_owner),
        SortBy::Status => Some(t.sort_status),
    };
    if let Some(sort) = sort {
        parts.push(fill(t.list_sorted, &[&sort]));
    }
    let mut filters = Vec::new();
    match v.owner {
        Some(Some(id)) => {
            filters.push(s.participant(id).map_or_else(|| id.to_string(), |p| p.name.clone()))
        }
        Some(None) => filters.push(format!("⚠ {}", t.no_owner)),
        None => {}
    }
    if let Some(status) = v.status {
        filters.push(status_text(app, status));
    }
    if let Some(theme) = v.theme.and_then(|id| s.matrix.theme(id)) {
        filters.push(theme.desired.clone());
    }
    if !filters.is_empty() {
        parts.push(fill(t.list_filter, &[&filters.join(", ")]));
    }
    if v.by_owner {
        parts.insert(0, t.key_by_owner.to_owned());
    }
    (!parts.is_empty()).then(|| parts.join(" · "))
}

fn actions(frame: &mut Frame, area: Rect, app: &App, focused: bool, palette: &Palette) {
    let t = app.lang.texts();
    let s = &app.session;
    let mut area = area;
    if let Some(caption) = caption(app) {
        frame.render_widget(Line::styled(fit(&caption, area.width as usize), palette.focus), area);
        area = Rect { y: area.y + 1, height: area.height.saturating_sub(1), ..area };
    }
    // The ambition of the theme the selected action serves: what the action is for.
    if let Some(a) = crate::app::theme_in_pane(app, Pane::Acties).and_then(|id| s.ambition(id)) {
        let lines =
            crate::ui::dialogs::ambition::ambition_lines(app.lang, a, area.width as usize, palette);
        let room = (area.height / 3) as usize;
        if !lines.is_empty() && room > 0 && area.height >= 8 {
            let height = lines.len().min(room) as u16;
            crate::ui::render_lines(frame, Rect { height, ..area }, lines);
            area = Rect { y: area.y + height, height: area.height - height, ..area };
        }
    }
    let rows = acties_rows(app);
    if s.actions.is_empty() || rows.is_empty() {
        let text = if s.actions.is_empty() { t.no_actions } else { t.no_match };
        frame.render_widget(
            Paragraph::new(format!("{text}\n\na: {}", t.key_add_action)).style(palette.dim),
            area,
        );
        return;
    }
    // Columns by width: a pane of 40 columns still shows what, who, when and the status.
    let tiny = area.width < 60;
    let narrow = area.width < 90;
    let wide = area.width >= 140;
    let owner_name =
        |id: Option<ParticipantId>| id.and_then(|id| s.participant(id)).map(|p| p.name.clone());
    // Only the rows that fit are built; the selection stays in view.
    let room = (area.height as usize).saturating_sub(1).max(1);
    let selected = app.selected(Pane::Acties).min(rows.len() - 1);
    let offset = selected.saturating_sub(room - 1);
    let (marker_w, who_w, due_w, status_w) = match (tiny, narrow) {
        (true, _) => (1, 10, 5, 1),
        (false, true) => (1, 13, 10, 8),
        _ => (12, 18, 15, 8),
    };
    let link_w = if wide { 30 } else { 0 };
    // What the flexible column gets: the pane less the fixed columns, their gaps and the
    // selection marker. Every text is fitted to its column at a word boundary, so a name
    // reads "Marieke de…" rather than "Marieke de Vr".
    let mut widths = vec![
        Constraint::Length(marker_w),
        Constraint::Fill(1),
        Constraint::Length(who_w),
        Constraint::Length(due_w),
        Constraint::Length(status_w),
    ];
    let mut header =
        vec!["", t.col_action, t.col_owner, t.col_due, if tiny { "" } else { t.col_status }];
    if wide {
        widths.push(Constraint::Length(link_w));
        header.push(crate::i18n::matrix_words(app.lang, &s.template).link);
    }
    let text_w = column_widths(area.width, &widths, ACTION_GAP)[1] as usize;
    let header: Vec<String> = header
        .iter()
        .zip(column_widths(area.width, &widths, ACTION_GAP))
        .map(|(h, w)| fit(h, w as usize))
        .collect();
    let mut table_rows = Vec::new();
    let mut previous_owner: Option<Option<ParticipantId>> = None;
    // In the round of owners each owner's actions stand under their name, for the closing
    // round of the meeting; the selected action moves down by the headings above it.
    let mut selected_row = selected - offset;
    for (k, &i) in rows.iter().enumerate().skip(offset).take(room) {
        let a = &s.actions[i];
        if app.acties.by_owner && previous_owner != Some(a.owner) {
            let count = rows.iter().filter(|&&j| s.actions[j].owner == a.owner).count();
            let name = owner_name(a.owner).unwrap_or_else(|| format!("⚠ {}", t.no_owner));
            let heading = Cell::from(fill(t.owner_group, &[&name, &count]));
            table_rows.push(
                Row::new(vec![Cell::from(""), heading])
                    .style(palette.focus.add_modifier(Modifier::BOLD)),
            );
            if k <= selected {
                selected_row += 1;
            }
        }
        let done = a.status == ActionStatus::Done;
        let mut style = if done { palette.dim } else { palette.text };
        let marker = match a.due.map(|d| urgency(d, app.today)) {
            Some(Urgency::Overdue) if !done => {
                style = style.add_modifier(Modifier::BOLD);
                if narrow { "⚠".to_owned() } else { format!("⚠ {}", t.marker_overdue) }
            }
            Some(Urgency::ThisWeek) if !done => {
                if narrow {
                    "!".to_owned()
                } else {
                    format!("! {}", t.marker_this_week)
                }
            }
            _ => String::new(),
        };
        // The selected action shows its whole text and owner, wrapped; the others one line.
        let whole = focused && k == selected;
        let lines = |text: &str, width: usize| -> (Text<'static>, usize) {
            if whole {
                let wrapped = wrap(text, width.max(1));
                let n = wrapped.len().max(1);
                (Text::from(wrapped.into_iter().map(Line::from).collect::<Vec<_>>()), n)
            } else {
                (Text::from(fit(text, width)), 1)
            }
        };
        let mut height = 1;
        let who = match owner_name(a.owner) {
            Some(_) if app.acties.by_owner => Cell::from(""),
            Some(name) => {
                let (name, n) = lines(&name, who_w as usize);
                height = height.max(n);
                Cell::from(name)
            }
            None => Cell::from(format!("⚠ {}", t.no_owner)).style(palette.gap),
        };
        previous_owner = Some(a.owner);
        let due = match a.due {
            Some(d) if tiny => Cell::from(d.strftime("%d-%m").to_string()),
            Some(d) if narrow => Cell::from(d.strftime("%d-%m-%Y").to_string()),
            Some(d) => Cell::from(date_text(app.lang, d)),
            None => Cell::from("⚠ —").style(palette.gap),
        };
        let status = status_text(app, a.status);
        let status = if tiny { status.chars().take(1).collect() } else { status };
        let text = if done { format!("✔ {}", a.text) } else { a.text.clone() };
        let (text, n) = lines(&text, text_w);
        height = height.max(n);
        let text = Cell::from(text);
        let mut cells = vec![Cell::from(marker), text, who, due, Cell::from(status)];
        if wide {
            let (link, n) = lines(&s.link_label(a), link_w as usize);
            height = height.max(n);
            cells.push(Cell::from(link));
        }
        table_rows.push(Row::new(cells).style(style).height(height as u16));
    }
    let table = Table::new(table_rows, widths)
        .header(Row::new(header).style(palette.focus))
        .column_spacing(ACTION_GAP)
        .row_highlight_style(palette.selected)
        .highlight_symbol("▶ ")
        .style(palette.text);
    let mut state = TableState::default().with_selected(focused.then_some(selected_row));
    frame.render_stateful_widget(table, area, &mut state);
}

fn agreements(frame: &mut Frame, area: Rect, app: &App, focused: bool, palette: &Palette) {
    let t = app.lang.texts();
    let s = &app.session;
    let [title, rest] = Layout::vertical([Constraint::Length(1), Constraint::Min(0)]).areas(area);
    frame
        .render_widget(Line::styled(format!("── {} ──", t.agreements_title), palette.focus), title);
    if s.agreements.is_empty() {
        let mut lines = vec![Line::styled(t.no_agreements, palette.dim)];
        lines.extend(crate::model::RegieQuestion::ALL.map(|q| {
            Line::from(format!("  {}. {}", q.number(), crate::i18n::question_text(app.lang, q)))
        }));
        lines.push(Line::styled(fill(t.answer_hint, &[&1]), palette.dim));
        frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), rest);
        return;
    }
    let widths = [Constraint::Fill(1), Constraint::Length(18), Constraint::Length(15)];
    let text_w = column_widths(rest.width, &widths, 1)[0] as usize;
    let rows = s.agreements.iter().map(|a| {
        let owner = a.owner.and_then(|id| s.participant(id)).map(|p| p.name.clone());
        let who = match owner {
            Some(name) => Cell::from(fit(&name, 18)),
            None => Cell::from(format!("⚠ {}", t.no_owner)).style(palette.gap),
        };
        let review = a.review.map(|d| date_text(app.lang, d)).unwrap_or_default();
        Row::new(vec![Cell::from(fit(&a.text, text_w)), who, Cell::from(review)])
    });
    let table = Table::new(rows, widths)
        .header(Row::new([t.col_agreement, t.col_owner, t.col_review]).style(palette.focus))
        .column_spacing(1)
        .row_highlight_style(palette.selected)
        .highlight_symbol("▶ ");
    let selected = app.selected(Pane::Acties).min(s.agreements.len() - 1);
    let mut state = TableState::default().with_selected(focused.then_some(selected));
    let table = if focused { table } else { table.highlight_symbol("  ") };
    frame.render_stateful_widget(table, rest, &mut state);
    let unanswered = s.unanswered_questions();
    if let Some(&q) = unanswered.first()
        && rest.height as usize > s.agreements.len() + 3
    {
        let y = rest.y + s.agreements.len() as u16 + 2;
        let hint = format!(
            "{}  {}",
            fill(t.answer_hint, &[&q.number()]),
            crate::i18n::question_text(app.lang, q)
        );
        frame.render_widget(
            Line::styled(fit(&hint, rest.width as usize), palette.dim),
            Rect { y, height: 1, ..rest },
        );
    }
}

/// The widths a table with these columns gives them in a pane `width` wide: ratatui's own
/// layout (column gaps of one, two for the selection marker), so a text can be fitted to
/// its column at a word boundary before the table would cut it anywhere.
fn column_widths(width: u16, widths: &[Constraint], spacing: u16) -> Vec<u16> {
    let row = Rect::new(0, 0, width.saturating_sub(2), 1);
    Layout::horizontal(widths.iter().copied())
        .spacing(spacing)
        .split(row)
        .iter()
        .map(|r| r.width)
        .collect()
}

/// The gap between the actions' columns: two spaces, so a wrapped action never reads on into
/// its owner's name.
const ACTION_GAP: u16 = 2;

/// Step 4 as the method asks it: each regie question with its answers under it, a question
/// without an answer marked, and agreements without a question last. Lines, not a table, so
/// a question reads in full across the pane and no word is cut.
fn by_question(frame: &mut Frame, area: Rect, app: &App, focused: bool, palette: &Palette) {
    let t = app.lang.texts();
    let s = &app.session;
    let width = area.width as usize;
    let unanswered = s.unanswered_questions();
    let title = format!("── {} ──", t.agreements_title);
    let caption = match unanswered.first() {
        None => t.regie_all_answered.to_owned(),
        Some(q) => fill(t.answer_hint, &[&q.number()]),
    };
    let full = format!("{title} {caption}");
    let title = if full.chars().count() <= width { full } else { title };
    let mut lines = vec![Line::styled(fit(&title, width), palette.focus)];
    let order = s.agreements_in_order();
    let selected = app.selected(Pane::Acties).min(order.len().saturating_sub(1));
    let mut selected_line = 0;
    let groups = crate::model::RegieQuestion::ALL.map(Some).into_iter().chain([None]);
    for question in groups {
        let answers: Vec<(usize, usize)> = order
            .iter()
            .enumerate()
            .filter(|&(_, &i)| s.agreements[i].question == question)
            .map(|(k, &i)| (k, i))
            .collect();
        let heading = match question {
            Some(q) => format!("{}. {}", q.number(), crate::i18n::question_text(app.lang, q)),
            None if answers.is_empty() => continue,
            None => t.regie_other.to_owned(),
        };
        let bold = palette.focus.add_modifier(Modifier::BOLD);
        lines.extend(wrap(&heading, width).into_iter().map(|l| Line::styled(l, bold)));
        if answers.is_empty() {
            lines.push(Line::styled(format!("   {}", t.regie_unanswered), palette.gap));
        }
        for (k, i) in answers {
            let a = &s.agreements[i];
            let who = a
                .owner
                .and_then(|id| s.participant(id))
                .map_or_else(|| format!("⚠ {}", t.no_owner), |p| p.name.clone());
            let mut text = format!("{} — {who}", a.text);
            if let Some(d) = a.review {
                text.push_str(&format!(
                    ", {} {}",
                    t.col_review.to_lowercase(),
                    date_text(app.lang, d)
                ));
            }
            let here = focused && k == selected;
            if k == selected {
                selected_line = lines.len();
            }
            let style = if here { palette.selected } else { palette.text };
            for (n, l) in wrap(&text, width.saturating_sub(3)).into_iter().enumerate() {
                let mark = if here && n == 0 { "▶  " } else { "   " };
                lines.push(Line::styled(format!("{mark}{l}"), style));
            }
        }
    }
    // The selected agreement stays in view.
    let height = area.height as usize;
    let offset = (selected_line + 3).saturating_sub(height).min(lines.len().saturating_sub(height));
    let shown: Vec<Line> = lines.into_iter().skip(offset).collect();
    crate::ui::render_lines(frame, area, shown);
}
