//! The inspiration pick list: example activities for the open cell, then protective factors,
//! each marked in words (not by colour alone), wrapped so no word is cut on a projector.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use crate::app::{App, InspiratiePick};
use crate::i18n::fill;
use crate::inspiratie::Voorbeeld;
use crate::ui::{Palette, popup};

/// The pick list popup.
pub fn pick_list(
    frame: &mut Frame,
    area: Rect,
    app: &App,
    pick: &InspiratiePick,
    palette: &Palette,
) {
    let t = app.lang.texts();
    let m = &app.session.matrix;
    let (Some(theme), Some(level)) = (m.theme(pick.theme), m.level(pick.level)) else { return };
    let title = fill(t.dlg_inspiratie, &[&theme.desired, &level.name]);
    let height = (pick.voorbeelden.len() as u16 + 6).clamp(10, area.height);
    let inner = popup(frame, area, (area.width.min(100), height), &title, palette.focus, palette);
    let [list, hint_area] =
        Layout::vertical([Constraint::Min(2), Constraint::Length(2)]).areas(inner);

    // One line per example; scroll so the highlighted one stays in view.
    let room = list.height as usize;
    let skip = pick.selected.saturating_sub(room.saturating_sub(1));
    let width = list.width as usize;
    let lines: Vec<Line> = pick
        .voorbeelden
        .iter()
        .enumerate()
        .skip(skip)
        .take(room)
        .map(|(i, v)| {
            let here = i == pick.selected;
            let style = if here { palette.selected } else { palette.text };
            let text = match v {
                Voorbeeld::Activiteit(s) => format!("+ {s}"),
                Voorbeeld::Beschermend(s) => format!("◆ {s} ({})", t.inspiratie_protective),
            };
            let text = crate::ui::text::fit(&text, width.saturating_sub(2));
            Line::from(vec![
                Span::styled(if here { "▶ " } else { "  " }, style),
                Span::styled(text, style),
            ])
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), list);
    frame.render_widget(
        Paragraph::new(crate::ui::key_hints(app, |_| false))
            .style(palette.dim)
            .wrap(Wrap { trim: true }),
        hint_area,
    );
}
