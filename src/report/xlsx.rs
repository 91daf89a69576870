//! The session as an Excel workbook (.xlsx): one sheet per [`Table`], each with a bold, frozen
//! header row and a filter on it, columns sized to their text, and dates as real date cells
//! that sort and filter as dates.
//!
//! Written with `rust_xlsxwriter`: a maintained, pure-Rust writer that needs no C library and
//! no Excel, so the same code builds on the Windows laptops facilitators use, and it writes
//! exactly the parts a workbook needs (frozen panes, column widths, date formats, quote prefix).

use rust_xlsxwriter::{DocProperties, ExcelDateTime, Format, Workbook, Worksheet, XlsxError};

use super::Options;
use super::tables::{Cell, Table, looks_like_formula, sheet};
use jiff::tz::TimeZone;

use crate::i18n::Lang;
use crate::model::Session;

/// Excel refuses a cell longer than this; longer text is cut (knoop's texts never are).
const MAX_CELL_CHARS: usize = 32_767;
/// The widest a column is sized to, in characters; longer text wraps.
const MAX_WIDTH: usize = 60;

/// The workbook of `s`, or the writer's error.
pub fn render(s: &Session, lang: Lang, options: Options) -> Result<Vec<u8>, XlsxError> {
    let mut book = Workbook::new();
    // A fixed creation date, so the same session exported on the same day gives the same bytes.
    let day = options.exported.unwrap_or_else(|| s.updated.to_zoned_datetime(TimeZone::UTC).date());
    let created = excel_date(day)?;
    book.set_properties(&DocProperties::new().set_title(&s.title).set_creation_datetime(&created));
    let header = Format::new().set_bold().set_background_color(0xDDDDDD);
    let text = Format::new().set_text_wrap();
    let quoted = Format::new().set_text_wrap().set_quote_prefix();
    let date = Format::new().set_num_format(match lang {
        Lang::Nl => "dd-mm-yyyy",
        Lang::En => "yyyy-mm-dd",
    });
    for table in Table::ALL {
        let data = sheet(s, lang, table);
        let ws: &mut Worksheet = book.add_worksheet();
        ws.set_name(data.name)?;
        let mut widths: Vec<usize> = data.header.iter().map(|h| h.chars().count() + 2).collect();
        for (c, h) in data.header.iter().enumerate() {
            ws.write_string_with_format(0, col(c), *h, &header)?;
        }
        for (r, row) in data.rows.iter().enumerate() {
            let r = u32::try_from(r + 1).map_err(|_| XlsxError::RowColumnLimitError)?;
            for (c, cell) in row.iter().enumerate() {
                let chars = match cell {
                    Cell::Text(t) => {
                        let t: String = t.chars().take(MAX_CELL_CHARS).collect();
                        // Always a string, never a formula; a formula-like text also gets
                        // Excel's quote prefix, so editing the cell keeps it text.
                        let format = if looks_like_formula(&t) { &quoted } else { &text };
                        ws.write_string_with_format(r, col(c), &t, format)?;
                        t.lines().map(|l| l.chars().count()).max().unwrap_or(0)
                    }
                    Cell::Date(d) => {
                        ws.write_datetime_with_format(r, col(c), &excel_date(*d)?, &date)?;
                        10
                    }
                    Cell::Number(n) => {
                        ws.write_number(r, col(c), *n)?;
                        n.to_string().len()
                    }
                    Cell::Empty => 0,
                };
                if let Some(w) = widths.get_mut(c) {
                    *w = (*w).max(chars + 1).min(MAX_WIDTH);
                }
            }
        }
        for (c, w) in widths.iter().enumerate() {
            ws.set_column_width(col(c), u32::try_from(*w).unwrap_or(10))?;
        }
        ws.set_freeze_panes(1, 0)?;
        let last_row =
            u32::try_from(data.rows.len()).map_err(|_| XlsxError::RowColumnLimitError)?;
        ws.autofilter(0, 0, last_row, col(data.header.len().saturating_sub(1)))?;
    }
    book.save_to_buffer()
}

/// A column number; knoop's tables have a handful of columns.
fn col(c: usize) -> u16 {
    u16::try_from(c).unwrap_or(u16::MAX)
}

fn excel_date(d: jiff::civil::Date) -> Result<ExcelDateTime, XlsxError> {
    let year = u16::try_from(d.year()).map_err(|_| XlsxError::DateTimeRangeError(d.to_string()))?;
    ExcelDateTime::from_ymd(year, d.month().unsigned_abs(), d.day().unsigned_abs())
}
