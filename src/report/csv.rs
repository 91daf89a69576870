//! The actions as CSV, one per row. The `csv` crate does the quoting, so commas, quotes and
//! line breaks in a text survive a round trip through any spreadsheet.

use super::status_word;
use crate::i18n::Lang;
use crate::model::Session;

/// The byte-order mark Excel needs to read a UTF-8 file's accents.
const BOM: &[u8] = "\u{feff}".as_bytes();

/// The actions of `s`; with `bom`, preceded by a byte-order mark.
pub fn render(s: &Session, lang: Lang, bom: bool) -> Vec<u8> {
    let t = lang.texts();
    let mut out = if bom { BOM.to_vec() } else { Vec::new() };
    {
        let mut w =
            ::csv::WriterBuilder::new().terminator(::csv::Terminator::CRLF).from_writer(&mut out);
        let header = [
            t.rep_csv_action,
            t.rep_csv_owner,
            t.rep_csv_organisation,
            t.rep_csv_due,
            t.rep_csv_status,
            t.rep_csv_theme,
            t.rep_csv_level,
        ];
        // Writing to a Vec cannot fail.
        let _ = w.write_record(header);
        for a in &s.actions {
            let owner = a.owner.and_then(|id| s.participant(id));
            let theme = a
                .theme
                .and_then(|id| s.matrix.theme(id))
                .map(|th| th.desired.as_str())
                .unwrap_or("");
            let level =
                a.level.and_then(|id| s.matrix.level(id)).map(|l| l.name.as_str()).unwrap_or("");
            let due = a.due.map(|d| d.to_string()).unwrap_or_default();
            let _ = w.write_record([
                a.text.as_str(),
                owner.map_or("", |p| p.name.as_str()),
                owner.map_or("", |p| p.organisation.as_str()),
                &due,
                status_word(lang, a.status),
                theme,
                level,
            ]);
        }
        let _ = w.flush();
    }
    out
}
