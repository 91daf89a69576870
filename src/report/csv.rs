//! One table of the session as CSV (the actions unless asked otherwise). The `csv` crate does
//! the quoting, so separators, quotes and line breaks in a text survive a round trip through
//! any spreadsheet.
//!
//! What Excel expects differs per country: Dutch Excel splits on `;` (the comma is the decimal
//! sign) and reads UTF-8 accents right only after a byte-order mark. So `nl` writes `;` and a
//! BOM, `en` a plain `,`; [`Options`] can choose either way.

use super::Options;
use super::tables::{Cell, looks_like_formula, sheet};
use crate::i18n::Lang;
use crate::model::Session;

/// The byte-order mark Excel needs to read a UTF-8 file's accents.
const BOM: &[u8] = "\u{feff}".as_bytes();

/// The separator `lang`'s spreadsheets expect: `;` in Dutch, `,` in English.
pub fn separator(lang: Lang) -> u8 {
    match lang {
        Lang::Nl => b';',
        Lang::En => b',',
    }
}

/// The table `options.table` of `s`, with the separator and BOM `options` and `lang` ask for.
pub fn render(s: &Session, lang: Lang, options: Options) -> Vec<u8> {
    let bom = options.bom.unwrap_or(lang == Lang::Nl);
    let mut out = if bom { BOM.to_vec() } else { Vec::new() };
    let data = sheet(s, lang, options.table);
    {
        let mut w = ::csv::WriterBuilder::new()
            .delimiter(options.separator.unwrap_or_else(|| separator(lang)))
            .terminator(::csv::Terminator::CRLF)
            .from_writer(&mut out);
        // Writing to a Vec cannot fail.
        let _ = w.write_record(&data.header);
        for row in &data.rows {
            let _ = w.write_record(row.iter().map(field));
        }
        let _ = w.flush();
    }
    out
}

/// One cell as CSV text: dates as `2027-02-01` (which every spreadsheet reads as a date), and
/// text that a spreadsheet would run as a formula behind a `'`, as OWASP advises.
fn field(cell: &Cell) -> String {
    match cell {
        Cell::Text(t) if looks_like_formula(t) => format!("'{t}"),
        Cell::Text(t) => t.clone(),
        Cell::Date(d) => d.to_string(),
        Cell::Number(n) => n.to_string(),
        Cell::Empty => String::new(),
    }
}
