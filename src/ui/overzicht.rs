//! The regional overview drawn: a title bar, the filters, the section tabs, the section's list
//! with the selected row's details under it, and the keys at the foot. Same palette, same
//! markers, same help as the session screen. Reads the view, never changes it.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Borders};

use super::{Palette, popup, render_lines, text};
use crate::app::keymap;
use crate::i18n::{Texts, date_text, fill, recognition_text};
use crate::overzicht::aggregate::{counts_text, schools_text};
use crate::overzicht::{OverzichtView, Section};

/// Draws the whole overview screen.
pub fn draw(frame: &mut Frame, v: &OverzichtView, palette: &Palette) {
    let area = frame.area();
    let t = v.lang.texts();
    if crate::app::too_small(area.width, area.height) {
        return super::too_small(frame, t, palette);
    }
    frame.render_widget(Block::new().style(palette.text), area);
    let [top, filters, tabs, body, foot] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Min(0),
        Constraint::Length(1),
    ])
    .areas(area);
    let width = area.width as usize;

    // Title bar: what this is, how many sessions count.
    let shown = fill(t.ovz_shown, &[&v.overview.shown.len(), &v.scan.sessions.len()]);
    let right = format!("│ {shown} │ {} ", t.status_help_hint);
    let left_w = width.saturating_sub(right.chars().count() + 1);
    let bold = palette.status.add_modifier(Modifier::BOLD);
    frame.render_widget(
        Line::from(vec![
            Span::styled(format!(" {:<left_w$}", text::fit(t.ovz_title, left_w)), bold),
            Span::styled(right, palette.status),
        ])
        .style(palette.status),
        top,
    );

    // The filters, in words; set filters stand out.
    let described = fill(t.ovz_filters, &[&v.filter.describe(v.lang)]);
    let style = if v.filter.is_empty() { palette.dim } else { palette.focus };
    frame.render_widget(
        Line::styled(format!(" {}", text::fit(&described, width - 1)), style),
        filters,
    );

    draw_tabs(frame, tabs, v, palette);

    let title = format!(" {} ", v.section.title(v.lang, v.scan.unread.len()));
    let block = Block::new()
        .borders(Borders::ALL)
        .border_type(BorderType::Thick)
        .border_style(palette.focus)
        .title(Span::styled(title, palette.focus))
        .style(palette.text);
    let inner = block.inner(body);
    frame.render_widget(block, body);
    draw_section(frame, inner, v, palette);

    let bottom = match &v.message {
        Some(m) => Line::styled(format!(" {}", text::fit(m, width - 1)), palette.warn),
        None => Line::styled(format!(" {}", hints(v, t, width - 2)), palette.dim),
    };
    frame.render_widget(bottom, foot);

    if let Some(behind) = &v.behind {
        draw_behind(frame, area, v, behind, palette);
    }
    if v.help {
        draw_help(frame, area, v, palette);
    }
}

/// As many whole key hints as fit in `width`.
fn hints(v: &OverzichtView, t: &Texts, width: usize) -> String {
    let mut line = String::new();
    for b in keymap::bindings_in(&v.contexts()) {
        let hint = format!("{} {}", keymap::key_label(&b.keys[0], t), (b.help)(t));
        let sep = if line.is_empty() { "" } else { "  ·  " };
        if line.chars().count() + sep.len() + hint.chars().count() > width {
            break;
        }
        line.push_str(sep);
        line.push_str(&hint);
    }
    line
}

/// The section tabs: all names when they fit, else the current one named and the others by
/// number. The current one is marked ▶ ◀ and reversed, not by colour alone.
fn draw_tabs(frame: &mut Frame, area: Rect, v: &OverzichtView, palette: &Palette) {
    let unread = v.scan.unread.len();
    // Every name in full when they fit, else short names, and when even those do not fit the
    // last tabs (never the current one) go by number only.
    let label = |i: usize, s: &Section, full: bool, named: bool| match (full, named) {
        (true, _) => format!("{} {}", i + 1, s.title(v.lang, unread)),
        (false, true) => format!("{} {}", i + 1, s.short(v.lang, unread)),
        (false, false) => format!("{}", i + 1),
    };
    // A leading space, " │ " between tabs and "▶ " " ◀" around the current one.
    let width = |full: bool, named: &[bool]| -> usize {
        let labels: usize = Section::ALL
            .iter()
            .enumerate()
            .map(|(i, s)| label(i, s, full, named[i]).chars().count())
            .sum();
        labels + 1 + 3 * (Section::ALL.len() - 1) + 4
    };
    let room = area.width as usize;
    let mut named = [true; Section::ALL.len()];
    let full = width(true, &named) <= room;
    if !full {
        for i in (0..named.len()).rev() {
            if width(false, &named) <= room {
                break;
            }
            if Section::ALL[i] != v.section {
                named[i] = false;
            }
        }
    }
    let mut spans = vec![Span::raw(" ")];
    for (i, s) in Section::ALL.iter().enumerate() {
        if i > 0 {
            spans.push(Span::styled(" │ ", palette.dim));
        }
        let name = label(i, s, full, named[i]);
        if *s == v.section {
            spans.push(Span::styled(format!("▶ {} ◀", name.to_uppercase()), palette.selected));
        } else {
            spans.push(Span::styled(name, palette.dim));
        }
    }
    frame.render_widget(Line::from(spans), area);
}

/// Cuts `text` to `width` at a space, ending in " …" when cut, so no word is cut in half.
fn fit_words(text: &str, width: usize) -> String {
    if text.chars().count() <= width {
        return text.to_owned();
    }
    let room: String = text.chars().take(width.saturating_sub(2)).collect();
    match room.rfind(' ') {
        Some(at) => format!("{} …", room[..at].trim_end()),
        None => text::fit(text, width),
    }
}

/// A list row: marker, the label cut to fit, then right-aligned columns.
fn row(marker: bool, label: &str, columns: &[String], widths: &[usize], width: usize) -> String {
    let cols: usize = widths.iter().map(|w| w + 1).sum();
    let label_w = width.saturating_sub(cols + 2).max(4);
    let mut out =
        format!("{}{:<label_w$}", if marker { "▶ " } else { "  " }, text::fit(label, label_w));
    for (c, w) in columns.iter().zip(widths) {
        out.push_str(&format!(" {:>w$}", text::fit(c, *w)));
    }
    out
}

/// A section as a table: header, column widths, rows (label and columns), and the selected
/// row's details.
mod sections;

/// A section as a table: header, column widths, rows (label and counts), details.
pub(super) type Table = (Vec<String>, Vec<usize>, Vec<(String, Vec<String>)>, Vec<String>);

fn draw_section(frame: &mut Frame, area: Rect, v: &OverzichtView, palette: &Palette) {
    let t = v.lang.texts();
    let o = &v.overview;
    let width = area.width as usize;
    if v.section != Section::Unread && o.shown.is_empty() {
        render_lines(frame, area, vec![Line::styled(format!(" {}", t.ovz_empty), palette.warn)]);
        return;
    }
    // The header, the list, and under a rule the selected row's details.
    let detail_h: u16 = if area.height >= 30 { 6 } else { 4 };
    let [list_area, detail_area] =
        Layout::vertical([Constraint::Min(0), Constraint::Length(detail_h)]).areas(area);
    let (header, widths, rows, details): Table = sections::section_table(v, width);
    let mut lines = Vec::new();
    if rows.is_empty() {
        let empty = if v.section == Section::Unread { t.ovz_all_read } else { t.ovz_empty };
        lines.push(Line::styled(format!(" {empty}"), palette.dim));
        render_lines(frame, list_area, lines);
        return;
    }
    // Under the schools' follow-through, the indicators per theme across the region.
    let list_area = if v.section == Section::Follow && !o.progress.is_empty() {
        let most = if area.height >= 30 { 6 } else { 3 };
        let shown = o.progress.len().min(most);
        let [list, regional] =
            Layout::vertical([Constraint::Min(0), Constraint::Length(shown as u16 + 1)])
                .areas(list_area);
        let head = format!("{} · {}", t.ovz_progress_theme, t.ovz_progress_legend);
        let mut lines = vec![Line::styled(
            format!(" {}", fit_words(&head, width.saturating_sub(1))),
            palette.dim.add_modifier(Modifier::BOLD),
        )];
        for p in o.progress.iter().take(shown) {
            let counts = fill(t.ovz_progress_short, &[&p.reached, &p.closer, &p.not_yet]);
            let line = format!("{counts:<15} {}", p.theme);
            lines.push(Line::styled(
                format!("   {}", fit_words(&line, width.saturating_sub(3))),
                palette.text,
            ));
        }
        render_lines(frame, regional, lines);
        list
    } else {
        list_area
    };
    let head = row(false, &header[0], &header[1..], &widths, width);
    lines.push(Line::styled(head, palette.dim.add_modifier(Modifier::BOLD)));
    let room = (list_area.height as usize).saturating_sub(1).max(1);
    let selected = v.selected();
    let first = selected.saturating_sub(room - 1).min(rows.len().saturating_sub(room));
    for (i, (label, cols)) in rows.iter().enumerate().skip(first).take(room) {
        let here = i == selected;
        let style = if here { palette.selected } else { palette.text };
        lines.push(Line::styled(row(here, label, cols, &widths, width), style));
    }
    render_lines(frame, list_area, lines);

    // Details of the selected row, wrapped at spaces; what does not fit ends in " …".
    let mut wrapped: Vec<(usize, String)> = Vec::new();
    for (n, d) in details.iter().enumerate() {
        wrapped.extend(text::wrap(d, width.saturating_sub(1)).into_iter().map(|l| (n, l)));
    }
    let room = detail_h as usize - 1;
    if wrapped.len() > room {
        // The last row holds what is left, the details kept apart by " · ".
        let mut rest = String::new();
        for (i, (n, l)) in wrapped[room - 1..].iter().enumerate() {
            if i > 0 {
                rest.push_str(if wrapped[room - 1 + i - 1].0 == *n { " " } else { " · " });
            }
            rest.push_str(l);
        }
        wrapped.truncate(room - 1);
        wrapped.push((0, fit_words(&rest, width.saturating_sub(1))));
    }
    let wrapped: Vec<String> = wrapped.into_iter().map(|(_, l)| l).collect();
    let mut detail_lines = vec![Line::styled("─".repeat(width), palette.border)];
    detail_lines.extend(wrapped.into_iter().map(|l| Line::styled(format!(" {l}"), palette.text)));
    render_lines(frame, detail_area, detail_lines);
}

/// The sessions behind a count: school, gemeente, type, date; the selected one opens
/// read-only.
fn draw_behind(
    frame: &mut Frame,
    area: Rect,
    v: &OverzichtView,
    behind: &crate::overzicht::Behind,
    palette: &Palette,
) {
    let t = v.lang.texts();
    let height = (behind.sessions.len() as u16 + 5).min(area.height.saturating_sub(2)).max(7);
    let title = text::fit(&fill(t.ovz_behind_title, &[&behind.title]), area.width as usize - 8);
    let inner = popup(frame, area, (area.width.min(100), height), &title, palette.focus, palette);
    let width = inner.width as usize;
    let room = (inner.height as usize).saturating_sub(2).max(1);
    let first = behind.selected.saturating_sub(room - 1);
    let unknown = t.details_unknown;
    let mut lines = Vec::new();
    for (i, &at) in behind.sessions.iter().enumerate().skip(first).take(room) {
        let Some(s) = v.scan.sessions.get(at) else { continue };
        let d = &s.details;
        let or =
            |x: &str| if x.trim().is_empty() { unknown.to_owned() } else { x.trim().to_owned() };
        let cols = vec![
            or(&d.gemeente),
            d.school_type.map_or(unknown.to_owned(), |k| k.key().to_owned()),
            s.date.map_or_else(|| t.no_date.to_owned(), |x| x.strftime("%d-%m-%Y").to_string()),
        ];
        let here = i == behind.selected;
        let style = if here { palette.selected } else { palette.text };
        lines.push(Line::styled(row(here, &or(&s.school), &cols, &[14, 12, 10], width), style));
    }
    let used = lines.len() as u16;
    render_lines(frame, inner, lines);
    let keys =
        Rect { y: inner.y + used + 1, height: inner.height.saturating_sub(used + 1), ..inner };
    render_lines(frame, keys, vec![Line::styled(hints(v, t, width), palette.dim)]);
}

/// Every key that acts here, from the key map.
fn draw_help(frame: &mut Frame, area: Rect, v: &OverzichtView, palette: &Palette) {
    let t = v.lang.texts();
    let bindings = keymap::bindings_in(&v.contexts());
    let width = area.width.min(76);
    let key_w = 18;
    let help_w = (width as usize).saturating_sub(key_w + 3);
    let mut lines: Vec<Line> = bindings
        .iter()
        .map(|b| {
            let mut labels: Vec<String> = b.keys.iter().map(|k| keymap::key_label(k, t)).collect();
            labels.dedup();
            Line::from(vec![
                Span::styled(
                    format!(" {:<key_w$}", text::fit(&labels.join(" / "), key_w - 1)),
                    palette.focus,
                ),
                Span::styled(text::fit((b.help)(t), help_w), palette.text),
            ])
        })
        .collect();
    lines.push(Line::styled(format!(" {}", t.help_close), palette.dim));
    let title = format!("{} · {}", t.help_title, t.ovz_title);
    let inner = popup(frame, area, (width, lines.len() as u16 + 2), &title, palette.focus, palette);
    render_lines(frame, inner, lines);
}
