//! The meeting-details form drawn: ten labelled fields, with what knoop understood of the
//! date, time and school type beside them before anything is kept.

use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};

use crate::app::{App, DetailField, DetailsDialog};
use crate::i18n::{date_text, fill};
use crate::model::DateError;
use crate::ui::{Palette, popup};

/// The form: one row per field, the active one marked ▶ and highlighted, a hint after the
/// date, time and school type; the keys under it.
pub fn form(frame: &mut Frame, area: Rect, app: &App, form: &DetailsDialog, palette: &Palette) {
    let t = app.lang.texts();
    let rows = DetailField::ALL.len() as u16;
    // A blank line between fields where the screen has room, else one field per line.
    let spaced = area.height >= rows * 2 + 6;
    let height = if spaced { rows * 2 + 5 } else { rows + 4 };
    let inner = popup(
        frame,
        area,
        (area.width.min(100), height.min(area.height)),
        t.details_title,
        palette.focus,
        palette,
    );
    let label_w =
        DetailField::ALL.iter().map(|f| f.label(t).chars().count()).max().unwrap_or(0) + 1;
    let hint_w = 32.min(inner.width as usize / 2);
    let width = (inner.width as usize).saturating_sub(label_w + 4 + hint_w).max(8);
    let full = (inner.width as usize).saturating_sub(label_w + 4).max(8);
    let mut lines = Vec::new();
    for (i, (field, input)) in DetailField::ALL.iter().zip(&form.inputs).enumerate() {
        let active = i == form.field;
        let hint = hint(app, form, *field);
        // A field without a hint beside it uses the whole row.
        let width = if hint.is_empty() { full } else { width };
        // Only the field being typed in scrolls to its cursor; the others show their start.
        let scroll = if active { input.visual_scroll(width) } else { 0 };
        let y = inner.y + lines.len() as u16;
        let label = field.label(t);
        lines.push(Line::from(vec![
            Span::raw(format!("{} {label:<label_w$} ", if active { "▶" } else { " " })),
            Span::styled(
                crate::ui::text::field(input.value(), scroll, width),
                if active { palette.selected } else { palette.text },
            ),
            Span::styled(
                format!(" {}", crate::ui::text::fit(&hint, hint_w)),
                if hint.starts_with('⚠') { palette.gap } else { palette.dim },
            ),
        ]));
        if spaced {
            lines.push(Line::default());
        }
        if active {
            let x =
                inner.x + 3 + label_w as u16 + input.visual_cursor().saturating_sub(scroll) as u16;
            frame.set_cursor_position(Position::new(x.min(inner.right().saturating_sub(1)), y));
        }
    }
    crate::ui::lines_and_keys(frame, inner, lines, app, palette);
}

/// What knoop makes of the typed date, time or school type, or a ⚠ when it does not.
fn hint(app: &App, form: &DetailsDialog, field: DetailField) -> String {
    let t = app.lang.texts();
    match field {
        DetailField::Date => match form.date(app.today) {
            Ok(Some(d)) => fill(t.date_understood, &[&date_text(app.lang, d)]),
            Ok(None) => String::new(),
            Err(DateError::NoSuchDay) => format!("⚠ {}", t.date_no_such_day),
            Err(_) => format!("⚠ {}", t.date_not_understood),
        },
        DetailField::Start => match form.start() {
            Ok(Some(time)) => fill(t.details_time_understood, &[&time.strftime("%H:%M")]),
            Ok(None) => String::new(),
            Err(_) => format!("⚠ {}", t.date_not_understood),
        },
        DetailField::SchoolType => match form.school_type() {
            Ok(Some(_)) | Ok(None) => t.details_type_hint.to_owned(),
            Err(_) => format!("⚠ {}", t.details_type_hint),
        },
        _ => String::new(),
    }
}
