//! The Matrix pane: desired situation left, the levels in between, the problem right, as on
//! the printed Preventiematrix. Each cell lists its activities (✓ exists, + needed, with the
//! provider); a cell without an existing activity is a gap and says so in words.

use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::{Line, Text};
use ratatui::widgets::{Cell, HighlightSpacing, Paragraph, Row, Table, TableState};

use crate::app::{App, Pane, matrix_rows};
use crate::i18n::fill;
use crate::model::{ActivityStatus, Matrix, Theme};
use crate::ui::Palette;
use crate::ui::text::{fit, wrap};

/// Cells narrower than this show counts instead of texts: texts that narrow cannot be read
/// from the back of the room.
const COMPACT_BELOW: usize = 16;

/// Panes at least this wide show the problem in a column of its own, right of the levels.
const PROBLEM_COLUMN_FROM: u16 = 110;

/// The widths the grid is drawn with.
struct Widths {
    theme: usize,
    cell: usize,
    problem: Option<usize>,
}

/// The column widths for `area`.
fn widths(app: &App, area: Rect, rows: &[crate::model::ThemeId]) -> Widths {
    let m = &app.session.matrix;
    let has_problems = rows.iter().filter_map(|&id| app.theme(id)).any(|th| !th.problem.is_empty());
    let levels = m.levels.len().max(1);
    let theme = (area.width as usize * 22 / 100).max(14);
    let problem = (has_problems && area.width >= PROBLEM_COLUMN_FROM).then_some(theme);
    // The highlight column (1) and one space before each further column.
    let used = theme + 1 + levels + problem.map_or(0, |w| w + 1);
    let cell = ((area.width as usize).saturating_sub(used) / levels).max(6);
    Widths { theme, cell, problem }
}

/// The rows on screen: `start..end` of the shown rows, with their cells and heights, and the
/// basis row pinned under them when it is not among them.
struct Window {
    start: usize,
    end: usize,
    pinned: Option<usize>,
    built: Vec<Option<(Vec<Cell<'static>>, usize)>>,
}

impl Window {
    /// The shown rows in screen order: `start..end`, then the pinned basis row.
    fn shown(&self) -> impl Iterator<Item = usize> + use<> {
        (self.start..self.end).chain(self.pinned)
    }
}

/// Which rows fit around the selection. Rows are built only there: a hundred-row matrix costs
/// what fits on the screen. The basis row stays in sight under the selected theme (the seed's
/// matrix reads each theme against its basis), however far down the list it is.
fn window(
    app: &App,
    area: Rect,
    rows: &[crate::model::ThemeId],
    widths: &Widths,
    palette: &Palette,
) -> Window {
    let selected = app.selected(Pane::Matrix).min(rows.len().saturating_sub(1));
    let available = (area.height as usize).saturating_sub(1);
    let max_lines = (available / rows.len().max(1)).saturating_sub(1).clamp(3, 12);
    let last = rows.len().saturating_sub(1);
    let basis =
        (rows.len() >= 2 && selected != last && app.theme(rows[last]).is_some_and(|t| t.basis))
            .then_some(last);
    let mut built: Vec<Option<(Vec<Cell>, usize)>> = vec![None; rows.len()];
    let mut build = |i: usize, limit: usize| -> usize {
        let entry = built[i]
            .get_or_insert_with(|| row_cells(app, app.theme(rows[i]), widths, limit, palette));
        entry.1 + 1
    };
    // The basis row first, kept short, so the selected theme gets the rest.
    let reserved = basis.map_or(0, |b| build(b, max_lines.min(4)));
    let room = available.saturating_sub(reserved);
    // The selected row shows as much of its cells as fits: that is how a full cell scrolls.
    let mut used_h = build(selected, room.saturating_sub(1).max(max_lines));
    let mut start = selected;
    for i in (selected.saturating_sub(2)..selected).rev() {
        let h = build(i, max_lines);
        if used_h + h > room {
            break;
        }
        used_h += h;
        start = i;
    }
    let mut end = selected + 1;
    let stop = basis.unwrap_or(rows.len());
    while end < stop && used_h < room {
        used_h += build(end, max_lines);
        end += 1;
    }
    // Every row up to the basis fits: it follows on as usual.
    let pinned = basis.filter(|&b| end < b);
    if basis.is_some() && pinned.is_none() {
        end = last + 1;
    }
    Window { start, end, pinned, built }
}

/// The line under the rows that says how many themes are out of sight: where, and (above,
/// below).
type HiddenLine = (Rect, (usize, usize));

/// The rows out of sight: (above the window, between it and the pinned basis row or below).
fn hidden(window: &Window, rows: usize) -> (usize, usize) {
    let below = window.pinned.unwrap_or(rows).saturating_sub(window.end);
    (window.start, below)
}

/// The window of rows for `area`; when themes are out of sight, one line less for the rows
/// and that line (the last of `area`) to say how many are above and below, so no top-3 theme
/// ever seems lost. The screen and the mouse use the same split.
fn fit_window(
    app: &App,
    area: Rect,
    rows: &[crate::model::ThemeId],
    widths: &Widths,
    palette: &Palette,
) -> (Rect, Window, Option<HiddenLine>) {
    let all = window(app, area, rows, widths, palette);
    if hidden(&all, rows.len()) == (0, 0) || area.height < 3 {
        return (area, all, None);
    }
    let grid = Rect { height: area.height - 1, ..area };
    let window = window(app, grid, rows, widths, palette);
    let line = Rect { y: area.bottom() - 1, height: 1, ..area };
    let counts = hidden(&window, rows.len());
    (grid, window, Some((line, counts)))
}

/// The cell (shown row, column) at a point of the pane's inner `area`, for a mouse click.
pub fn cell_at(app: &App, area: Rect, at: ratatui::layout::Position) -> Option<(usize, usize)> {
    let m = &app.session.matrix;
    if m.levels.is_empty() || !area.contains(at) {
        return None;
    }
    let rows = matrix_rows(app);
    let (area, _) = crate::ui::dialogs::inbreng::split(app, area);
    let widths = widths(app, area, &rows);
    let (area, window, _) = fit_window(app, area, &rows, &widths, &Palette::mono());
    let built = &window.built;
    let mut y = area.y + 1;
    let row = window.shown().find(|&i| {
        let h = built[i].as_ref().map_or(1, |(_, h)| *h as u16 + 1);
        y += h;
        at.y < y
    })?;
    // The highlight column, the theme column, then the levels, one space apart.
    let mut constraints = vec![Constraint::Length(widths.theme as u16)];
    constraints.extend(m.levels.iter().map(|_| Constraint::Fill(1)));
    if let Some(w) = widths.problem {
        constraints.push(Constraint::Length(w as u16));
    }
    let columns = ratatui::layout::Layout::horizontal(constraints).spacing(1).split(Rect {
        x: area.x + 1,
        width: area.width.saturating_sub(1),
        ..area
    });
    let col = columns.iter().position(|c| at.x >= c.x && at.x < c.x + c.width + 1)?;
    (1..=m.levels.len()).contains(&col).then(|| (row, col - 1))
}

/// Draws the pane's content into `area`.
pub fn draw(frame: &mut Frame, area: Rect, app: &App, focused: bool, palette: &Palette) {
    let t = app.lang.texts();
    let m = &app.session.matrix;
    if m.levels.is_empty() || m.themes.is_empty() {
        frame.render_widget(
            Paragraph::new(format!("{}\n\na · A", t.matrix_empty)).style(palette.dim),
            area,
        );
        return;
    }
    let rows = matrix_rows(app);
    let (area, queue) = crate::ui::dialogs::inbreng::split(app, area);
    if let Some(queue) = queue {
        crate::ui::dialogs::inbreng::strip(frame, queue, app, palette);
    }
    let area = ambition_strip(frame, area, app, &rows, palette);
    let area = recognition_legend(frame, area, app, &rows, palette);
    let widths = widths(app, area, &rows);
    let selected = app.selected(Pane::Matrix).min(rows.len().saturating_sub(1));
    let (area, mut window, more) = fit_window(app, area, &rows, &widths, palette);
    if let Some((line, (above, below))) = more {
        let mut parts = Vec::new();
        if above > 0 {
            parts.push(fill(t.matrix_rows_above, &[&above]));
        }
        if below > 0 {
            parts.push(fill(t.matrix_rows_below, &[&below]));
        }
        parts.push(t.matrix_rows_keys.to_owned());
        let text = parts.join(" · ");
        frame.render_widget(Line::styled(fit(&text, line.width as usize), palette.dim), line);
    }
    let start = window.start;
    let (theme_w, cell, problem, levels) =
        (widths.theme, widths.cell, widths.problem, m.levels.len());
    let table_rows: Vec<Row> = window
        .shown()
        .filter_map(|i| window.built[i].take())
        .map(|(cells, h)| Row::new(cells).height(h as u16 + 1))
        .collect();

    let focus_count = app.session.focus_themes().len();
    let caption = if focus_count > 0 && !app.matrix.all_rows {
        fill(t.matrix_focus, &[&focus_count])
    } else {
        crate::i18n::matrix_words(app.lang, &app.session.template).all.to_owned()
    };
    let theme_rows: Vec<_> =
        rows.iter().copied().filter(|&id| app.theme(id).is_some_and(|th| !th.basis)).collect();
    let mut header = vec![Cell::from(fit(
        &format!("{} ({caption})", crate::i18n::matrix_words(app.lang, &app.session.template).row),
        theme_w,
    ))];
    header.extend(m.levels.iter().map(|l| {
        let cov = m.column_coverage(l.id, &theme_rows);
        let full =
            if l.alias.is_empty() { l.name.clone() } else { format!("{} ({})", l.name, l.alias) };
        let name = if full.chars().count() + 6 > cell { l.name.clone() } else { full };
        Cell::from(fit(&format!("{name} {}/{}", cov.covered, cov.total), cell))
    }));
    let mut constraints = vec![Constraint::Length(theme_w as u16)];
    constraints.extend(m.levels.iter().map(|_| Constraint::Fill(1)));
    if let Some(w) = problem {
        header.push(Cell::from(t.field_problem));
        constraints.push(Constraint::Length(w as u16));
    }
    let table = Table::new(table_rows, constraints)
        .header(Row::new(header).style(palette.focus).height(1))
        .column_spacing(1)
        .row_highlight_style(palette.text.add_modifier(ratatui::style::Modifier::BOLD))
        .cell_highlight_style(palette.selected)
        .highlight_symbol("▶")
        .highlight_spacing(HighlightSpacing::Always)
        .style(palette.text);
    let col = app.matrix.col.min(levels - 1) + 1;
    let mut state = TableState::default();
    if focused {
        state.select_cell(Some((selected - start, col)));
    }
    frame.render_stateful_widget(table, area, &mut state);
}

/// The legend on the bottom line: what ✓, +, GAT and ⚑ mean, and the Databank markers when a
/// shown activity has one; meaning is never left to colour. Returns what is left for the grid.
fn recognition_legend(
    frame: &mut Frame,
    area: Rect,
    app: &App,
    rows: &[crate::model::ThemeId],
    palette: &Palette,
) -> Rect {
    let marked = rows
        .iter()
        .filter_map(|&id| app.theme(id))
        .any(|th| th.cells.values().flatten().any(|a| a.recognition.is_some() || a.stop));
    if area.height < 16 && !(marked && area.height >= 10) {
        return area;
    }
    let t = app.lang.texts();
    let text = if marked {
        format!("{} · {}", t.recognition_legend, t.matrix_legend)
    } else {
        t.matrix_legend.to_owned()
    };
    let legend = crate::ui::dialogs::ambition::fit_words(&text, area.width as usize);
    let line = Line::styled(legend, palette.dim);
    frame.render_widget(line, Rect { y: area.bottom() - 1, height: 1, ..area });
    Rect { height: area.height - 1, ..area }
}

/// Step 3 beside step 2: the ambition of the selected theme under the grid, at most a third
/// of the pane. Returns what is left for the grid.
fn ambition_strip(
    frame: &mut Frame,
    area: Rect,
    app: &App,
    rows: &[crate::model::ThemeId],
    palette: &Palette,
) -> Rect {
    let Some(&theme) = rows.get(app.selected(Pane::Matrix)) else { return area };
    let lines = crate::ui::dialogs::ambition::lines(app, theme, area.width as usize, palette);
    let room = (area.height / 3) as usize;
    if lines.is_empty() || room == 0 || area.height < 10 {
        return area;
    }
    let height = lines.len().min(room) as u16;
    let strip = Rect { y: area.bottom() - height, height, ..area };
    crate::ui::render_lines(frame, strip, lines);
    Rect { height: area.height - height, ..area }
}

/// One row's cells and how many lines its tallest cell takes (at most `limit`).
fn row_cells(
    app: &App,
    theme: Option<&Theme>,
    w: &Widths,
    limit: usize,
    palette: &Palette,
) -> (Vec<Cell<'static>>, usize) {
    let t = app.lang.texts();
    let m: &Matrix = &app.session.matrix;
    let Some(theme) = theme else { return (Vec::new(), 1) };
    let mut label: Vec<Line> =
        wrap(&theme.desired, w.theme - 1).into_iter().map(Line::from).collect();
    if !theme.problem.is_empty() && w.problem.is_none() {
        label.extend(
            wrap(&format!("→ {}", theme.problem), w.theme - 1)
                .into_iter()
                .map(|l| Line::styled(l, palette.dim)),
        );
    }
    // Monitor figures need room to be read; a narrow matrix shows counts only.
    if !theme.evidence.is_empty() && w.cell >= COMPACT_BELOW {
        label.extend(
            wrap(&format!("» {}", theme.evidence), w.theme - 1)
                .into_iter()
                .map(|l| Line::styled(l, palette.dim)),
        );
    }
    if !theme.basis {
        let cov = m.row_coverage(theme.id);
        label.push(Line::styled(fill(t.coverage, &[&cov.covered, &cov.total]), palette.dim));
    }
    // How much of what exists the Databank recognises, once anything was looked up.
    let (recognised, looked_up, existing) = theme.recognised();
    if looked_up > 0 {
        let text = fill(t.recognised_count, &[&recognised, &existing]);
        label.push(Line::styled(fit(&text, w.theme - 1), palette.dim));
    }
    let mut height = label.len().min(limit);
    let mut cells = vec![Cell::from(Text::from(cut(label, limit, None, palette)))];
    for level in &m.levels {
        let lines = cell_lines(app, theme, level.id, w.cell, palette);
        height = height.max(lines.len().min(limit));
        cells.push(Cell::from(Text::from(cut(lines, limit, Some(t.cell_more), palette))));
    }
    if let Some(pw) = w.problem {
        let lines: Vec<Line> = wrap(&theme.problem, pw).into_iter().map(Line::from).collect();
        height = height.max(lines.len().min(limit));
        cells.push(Cell::from(Text::from(cut(lines, limit, None, palette))));
    }
    (cells, height)
}

/// The lines of one cell: a gap marker, then each activity with its marker and provider.
fn cell_lines(
    app: &App,
    theme: &Theme,
    level: crate::model::LevelId,
    width: usize,
    palette: &Palette,
) -> Vec<Line<'static>> {
    let t = app.lang.texts();
    let mut lines = Vec::new();
    if app.session.matrix.is_gap(theme.id, level) {
        lines.push(Line::styled(format!("▒ {} ▒", t.matrix_gap), palette.gap));
    }
    let activities = theme.activities(level);
    if width < COMPACT_BELOW {
        let existing = activities.iter().filter(|a| a.status == ActivityStatus::Existing).count();
        let needed = activities.len() - existing;
        if existing > 0 {
            lines.push(Line::from(format!("✓ {existing}")));
        }
        if needed > 0 {
            lines.push(Line::from(format!("+ {needed}")));
        }
        return lines;
    }
    for a in activities {
        let mark = crate::ui::text::status_mark(a.status);
        let provider =
            if a.provider.is_empty() { String::new() } else { format!(" ({})", a.provider) };
        // The Databank rating as a marker, and a stop as a word: see the legend under the grid.
        let rating = a.recognition.map(|r| format!(" [{}]", r.marker())).unwrap_or_default();
        let mark = if a.stop { format!("⊘ {}", t.stop_word) } else { mark.to_owned() };
        // ⚑: this activity has an action already (the legend says so); `m` goes to it.
        let flag =
            if app.session.action_for(theme.id, level, &a.text).is_some() { " ⚑" } else { "" };
        for (i, l) in wrap(&format!("{mark} {}{provider}{rating}{flag}", a.text), width - 2)
            .into_iter()
            .enumerate()
        {
            lines.push(Line::from(if i == 0 { l } else { format!("  {l}") }));
        }
    }
    lines
}

/// At most `limit` lines; a cut ends in "…" so nobody thinks the cell is complete, and in a
/// cell of activities says how many more there are ("… nog 2"): a count of activities, not
/// of lines (an activity's second line starts with two spaces).
fn cut(
    mut lines: Vec<Line<'static>>,
    limit: usize,
    more_text: Option<&str>,
    palette: &Palette,
) -> Vec<Line<'static>> {
    if lines.len() > limit {
        let hidden = &lines[limit - 1..];
        let items = hidden
            .iter()
            .filter(|l| !l.spans.first().is_some_and(|s| s.content.starts_with("  ")))
            .count();
        let mark = match more_text {
            Some(text) if items > 0 => fill(text, &[&items]),
            _ => "…".to_owned(),
        };
        lines.truncate(limit - 1);
        lines.push(Line::styled(mark, palette.dim));
    }
    lines
}
