//! Evidence as data: monitor figures behind a theme (source, year, figure, short text), and
//! bringing a GGD's figures in at once from a CSV file.
//!
//! Seed 000: "Bij het vaststellen van de top 3 … kan ter onderbouwing gebruik gemaakt worden
//! van bestaande monitors en registraties", such as the Gezondheidsmonitor Jeugd. A [`Fact`]
//! is one such figure; the room sees them beside the candidates while voting.

use serde::{Deserialize, Serialize};

use super::{Matrix, ThemeId};

/// One figure behind a theme, e.g. Gezondheidsmonitor Jeugd 2023: 14% "overgewicht in klas 2".
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Fact {
    /// Where it comes from: Gezondheidsmonitor Jeugd, schoolmonitor, CBS, eigen telling…
    pub source: String,
    /// The year it was measured, when known.
    pub year: Option<i16>,
    /// The figure as the source gives it: "14%", "1 op 5".
    pub value: String,
    /// What it counts, in a few words.
    pub text: String,
}

/// Why a row of a figures file was not taken.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FactRefusal {
    /// The row names no theme of the session (the name as typed).
    UnknownTheme(String),
    /// The year is not a year.
    BadYear(String),
    /// The row has neither a figure nor a text.
    Empty,
    /// The row could not be read as separated values (the reader's words).
    Unreadable(String),
}

/// A refused row: its line in the file and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RefusedRow {
    /// The line number, counting the header as line 1.
    pub line: u64,
    /// Why.
    pub why: FactRefusal,
}

/// Reads a figures file: a header, then rows of theme; source; year; value; text, separated
/// by `;` (as Dutch Excel writes) or `,` (whichever the header uses). A theme is named by its
/// desired situation or its problem, in any case and spacing, or by its number. Every row is
/// checked: the facts come back only when all rows fit, else every refused row with its line,
/// so nothing is half imported.
pub fn parse_facts(text: &str, matrix: &Matrix) -> Result<Vec<(ThemeId, Fact)>, Vec<RefusedRow>> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let header = text.lines().next().unwrap_or("");
    let separator =
        if header.matches(';').count() >= header.matches(',').count() { b';' } else { b',' };
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(separator)
        .flexible(true)
        .trim(csv::Trim::All)
        .from_reader(text.as_bytes());
    let norm = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase();
    let mut facts = Vec::new();
    let mut refused = Vec::new();
    for record in reader.records() {
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                let line = e.position().map_or(0, |p| p.line());
                refused.push(RefusedRow { line, why: FactRefusal::Unreadable(e.to_string()) });
                continue;
            }
        };
        let line = record.position().map_or(0, |p| p.line());
        let field = |i: usize| record.get(i).unwrap_or("").to_owned();
        if record.iter().all(str::is_empty) {
            continue;
        }
        let name = field(0);
        let wanted = norm(&name);
        let theme = matrix.themes.iter().find(|t| {
            norm(&t.desired) == wanted
                || (!t.problem.is_empty() && norm(&t.problem) == wanted)
                || t.id.0.to_string() == wanted
        });
        let Some(theme) = theme else {
            refused.push(RefusedRow { line, why: FactRefusal::UnknownTheme(name) });
            continue;
        };
        let year = match field(2).as_str() {
            "" => None,
            y => match y.parse::<i16>() {
                Ok(y) if super::YEARS.contains(&y) => Some(y),
                _ => {
                    refused.push(RefusedRow { line, why: FactRefusal::BadYear(y.to_owned()) });
                    continue;
                }
            },
        };
        let fact = Fact { source: field(1), year, value: field(3), text: field(4) };
        if fact.value.is_empty() && fact.text.is_empty() {
            refused.push(RefusedRow { line, why: FactRefusal::Empty });
            continue;
        }
        facts.push((theme.id, fact));
    }
    if refused.is_empty() { Ok(facts) } else { Err(refused) }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::template;

    #[test]
    fn a_ggd_file_comes_in_whole_or_not_at_all() {
        let m = template::by_key("preventiematrix").unwrap().matrix();
        let gezond = m.themes.iter().find(|t| t.desired == "Gezonde leefstijl").unwrap().id;
        let file = "\u{feff}thema;bron;jaar;waarde;tekst\n\
                    gezonde  LEEFSTIJL;Gezondheidsmonitor Jeugd;2023;14%;overgewicht klas 2\n\
                    ;;;;\n\
                    1;schoolmonitor;;3 op 10;\n";
        let facts = parse_facts(file, &m).unwrap();
        assert_eq!(facts.len(), 2);
        assert_eq!(
            facts[0],
            (
                gezond,
                Fact {
                    source: "Gezondheidsmonitor Jeugd".into(),
                    year: Some(2023),
                    value: "14%".into(),
                    text: "overgewicht klas 2".into()
                }
            )
        );
        assert_eq!((facts[1].0, facts[1].1.year), (crate::model::ThemeId(1), None));
        let bad = "thema,bron,jaar,waarde,tekst\n\
                   Gezonde leefstijl,GMJ,2023,14%,x\n\
                   Veilig Thuis,GMJ,2023,3%,x\n\
                   Gezonde leefstijl,GMJ,23,5%,x\n\
                   Gezonde leefstijl,GMJ,2023,,\n";
        assert_eq!(
            parse_facts(bad, &m).unwrap_err(),
            [
                RefusedRow { line: 3, why: FactRefusal::UnknownTheme("Veilig Thuis".into()) },
                RefusedRow { line: 4, why: FactRefusal::BadYear("23".into()) },
                RefusedRow { line: 5, why: FactRefusal::Empty },
            ]
        );
    }
}
