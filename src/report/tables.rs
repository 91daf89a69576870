//! The session as tables of data, one per [`Table`]: what the CSV holds one of and the
//! workbook holds all of. One place decides the columns, so CSV and xlsx never disagree.

use jiff::civil::Date;

use super::{counts_shown, report_rows, status_word};
use crate::i18n::Lang;
use crate::model::{ActivityStatus, Role, Session};

/// Which table of a session a CSV holds; the workbook has a sheet for each.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum Table {
    /// The actions: what, who, when, status, theme and level.
    #[default]
    #[value(alias = "actions")]
    Acties,
    /// The votes of every round, ranked per round.
    #[value(alias = "votes")]
    Stemmen,
    /// The matrix activities of the report's themes, gaps included.
    Matrix,
    /// The regie agreements.
    #[value(alias = "agreements")]
    Afspraken,
    /// The participants.
    #[value(alias = "participants")]
    Deelnemers,
    /// The ambitions of the focus themes, one row per indicator.
    #[value(alias = "ambitions")]
    Ambities,
}

impl Table {
    /// Every table, in the order of the workbook's sheets.
    pub const ALL: [Table; 6] = [
        Table::Acties,
        Table::Stemmen,
        Table::Matrix,
        Table::Afspraken,
        Table::Deelnemers,
        Table::Ambities,
    ];

    /// The Dutch word, as on the command line and in file names.
    pub fn key(self) -> &'static str {
        match self {
            Table::Acties => "acties",
            Table::Stemmen => "stemmen",
            Table::Matrix => "matrix",
            Table::Afspraken => "afspraken",
            Table::Deelnemers => "deelnemers",
            Table::Ambities => "ambities",
        }
    }
}

/// One cell: text, a date or a count, so the workbook can write each as what it is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Cell {
    /// Text as typed.
    Text(String),
    /// A calendar date.
    Date(Date),
    /// A count (places, dots).
    Number(u32),
    /// Nothing.
    Empty,
}

impl Cell {
    fn text(s: &str) -> Cell {
        if s.is_empty() { Cell::Empty } else { Cell::Text(s.to_owned()) }
    }

    fn date(d: Option<Date>) -> Cell {
        d.map_or(Cell::Empty, Cell::Date)
    }
}

/// A table: its sheet name, its header and its rows.
#[derive(Clone, Debug)]
pub struct Sheet {
    /// The sheet's name in the workbook.
    pub name: &'static str,
    /// The column names.
    pub header: Vec<&'static str>,
    /// The rows, each as long as the header.
    pub rows: Vec<Vec<Cell>>,
}

/// Whether a spreadsheet would take `text` as a formula (or a command, DDE): it starts with
/// `=`, `+`, `-`, `@`, a tab or a carriage return. Such text is written with a leading `'`
/// in CSV and as quoted text in xlsx, so a cell is data and never runs.
pub fn looks_like_formula(text: &str) -> bool {
    text.starts_with(['=', '+', '-', '@', '\t', '\r'])
}

/// Builds `table` of `s` with its header in `lang`.
pub fn sheet(s: &Session, lang: Lang, table: Table) -> Sheet {
    let t = lang.texts();
    let yes_no = |b: bool| Cell::text(if b { t.rep_csv_yes } else { t.rep_csv_no });
    let participant = |id| s.participant(id);
    let words = crate::i18n::matrix_words(lang, &s.template);
    match table {
        Table::Acties => Sheet {
            name: t.rep_sheet_actions,
            header: vec![
                t.rep_csv_action,
                t.rep_csv_owner,
                t.rep_csv_organisation,
                t.rep_csv_due,
                t.rep_csv_status,
                words.csv_row,
                words.csv_column,
            ],
            rows: s
                .actions
                .iter()
                .map(|a| {
                    let owner = a.owner.and_then(participant);
                    let theme = a.theme.and_then(|id| s.matrix.theme(id));
                    let level = a.level.and_then(|id| s.matrix.level(id));
                    vec![
                        Cell::text(&a.text),
                        Cell::text(owner.map_or("", |p| p.name.as_str())),
                        Cell::text(owner.map_or("", |p| p.organisation.as_str())),
                        Cell::date(a.due),
                        Cell::text(status_word(lang, a.status)),
                        Cell::text(theme.map_or("", |th| th.desired.as_str())),
                        Cell::text(level.map_or("", |l| l.name.as_str())),
                    ]
                })
                .collect(),
        },
        Table::Stemmen => {
            let mut rows = Vec::new();
            for (n, r) in s.rounds.iter().enumerate() {
                let name = format!("{}. {}", n + 1, r.name);
                if !counts_shown(r) {
                    // A secret round still open: its candidates, never its counts.
                    for &id in &r.candidates {
                        let theme = s.matrix.theme(id).map_or_else(String::new, |th| th.label());
                        rows.push(vec![
                            Cell::text(&name),
                            Cell::Empty,
                            Cell::text(&theme),
                            Cell::Empty,
                            Cell::Empty,
                        ]);
                    }
                    continue;
                }
                let through = r.result.as_ref().map(|res| res.through.clone()).unwrap_or_default();
                for x in r.ranking() {
                    let theme = s.matrix.theme(x.theme).map_or_else(String::new, |th| th.label());
                    rows.push(vec![
                        Cell::text(&name),
                        Cell::Number(x.place),
                        Cell::text(&theme),
                        Cell::Number(x.votes),
                        yes_no(through.contains(&x.theme)),
                    ]);
                }
            }
            Sheet {
                name: t.rep_sheet_votes,
                header: vec![
                    t.rep_csv_round,
                    t.rep_csv_place,
                    words.csv_row,
                    t.rep_csv_votes,
                    t.rep_csv_through,
                ],
                rows,
            }
        }
        Table::Matrix => {
            let mut rows = Vec::new();
            for theme in report_rows(s) {
                for l in &s.matrix.levels {
                    let gap = yes_no(s.matrix.is_gap(theme.id, l.id));
                    let first = |rest: Vec<Cell>| {
                        let mut row = vec![
                            Cell::text(&theme.domain),
                            Cell::text(&theme.desired),
                            Cell::text(&theme.problem),
                            Cell::text(&l.name),
                        ];
                        row.extend(rest);
                        row.push(gap.clone());
                        row
                    };
                    let activities = theme.activities(l.id);
                    if activities.is_empty() {
                        let mut row = first(vec![Cell::Empty, Cell::Empty, Cell::Empty]);
                        row.extend(std::iter::repeat_n(Cell::Empty, 5));
                        rows.push(row);
                    }
                    for a in activities {
                        let status = match a.status {
                            ActivityStatus::Existing => t.rep_csv_existing,
                            ActivityStatus::Needed => t.rep_csv_needed,
                        };
                        let mut row = first(vec![
                            Cell::text(&a.text),
                            Cell::text(status),
                            Cell::text(&a.provider),
                        ]);
                        // What the activity is, after the gap column that was there first.
                        row.extend([
                            Cell::text(
                                a.setting.map_or("", |x| crate::i18n::setting_text(lang, x)),
                            ),
                            yes_no(a.informal),
                            Cell::text(
                                a.recognition
                                    .map_or("", |r| crate::i18n::recognition_text(lang, r)),
                            ),
                            Cell::text(&a.intervention),
                            yes_no(a.stop),
                        ]);
                        rows.push(row);
                    }
                }
            }
            Sheet {
                name: t.rep_sheet_matrix,
                header: vec![
                    t.rep_csv_domain,
                    words.csv_row,
                    t.rep_csv_problem,
                    words.csv_column,
                    t.rep_csv_activity,
                    t.rep_csv_status,
                    t.rep_csv_provider,
                    t.rep_csv_gap,
                    t.rep_csv_setting,
                    t.rep_csv_informal,
                    t.rep_csv_recognition,
                    t.rep_csv_intervention,
                    t.rep_csv_stop,
                ],
                rows,
            }
        }
        Table::Afspraken => {
            Sheet {
                name: t.rep_sheet_agreements,
                header: vec![
                    t.rep_csv_agreement,
                    t.rep_csv_owner,
                    t.rep_csv_organisation,
                    t.rep_csv_review,
                    t.rep_csv_question,
                ],
                rows: s
                    .agreements_in_order()
                    .into_iter()
                    .map(|i| {
                        let a = &s.agreements[i];
                        let owner = a.owner.and_then(participant);
                        vec![
                            Cell::text(&a.text),
                            Cell::text(owner.map_or("", |p| p.name.as_str())),
                            Cell::text(owner.map_or("", |p| p.organisation.as_str())),
                            Cell::date(a.review),
                            Cell::text(&a.question.map_or_else(String::new, |q| {
                                super::agreement_heading(lang, Some(q))
                            })),
                        ]
                    })
                    .collect(),
            }
        }
        Table::Ambities => {
            let comma = lang == Lang::Nl;
            let mut rows = Vec::new();
            for (theme, ambition) in super::ambition_rows(s) {
                let start = |outcome: &str| vec![Cell::text(&theme.desired), Cell::text(outcome)];
                let Some(a) = ambition else {
                    let mut row = start("");
                    row.extend(std::iter::repeat_n(Cell::Empty, 6));
                    rows.push(row);
                    continue;
                };
                if a.indicators.is_empty() {
                    let mut row = start(&a.outcome);
                    row.extend(std::iter::repeat_n(Cell::Empty, 6));
                    rows.push(row);
                }
                for i in &a.indicators {
                    let mut row = start(&a.outcome);
                    let base = i.baseline.as_ref();
                    let target = i.target.as_ref();
                    row.extend([
                        Cell::text(&i.name),
                        Cell::text(&i.source),
                        base.map_or(Cell::Empty, |b| Cell::Text(b.value.text(comma))),
                        base.map_or(Cell::Empty, |b| Cell::Number(b.year.unsigned_abs().into())),
                        target.map_or(Cell::Empty, |t| Cell::Text(t.value.text(comma))),
                        Cell::date(target.map(|t| t.by)),
                    ]);
                    rows.push(row);
                }
            }
            Sheet {
                name: t.rep_sheet_ambitions,
                header: vec![
                    words.csv_row,
                    t.rep_csv_outcome,
                    t.rep_csv_indicator,
                    t.rep_csv_source,
                    t.rep_csv_baseline,
                    t.rep_csv_baseline_year,
                    t.rep_csv_target,
                    t.rep_csv_target_by,
                ],
                rows,
            }
        }
        Table::Deelnemers => Sheet {
            name: t.rep_sheet_participants,
            header: vec![t.rep_csv_name, t.rep_csv_organisation, t.rep_csv_role, t.rep_csv_present],
            rows: s
                .participants
                .iter()
                .map(|p| {
                    let role = match p.role {
                        Role::Structural => t.role_structural,
                        Role::Incidental => t.role_incidental,
                    };
                    vec![
                        Cell::text(&p.name),
                        Cell::text(&p.organisation),
                        Cell::text(role),
                        yes_no(p.present),
                    ]
                })
                .collect(),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formula_starts_are_recognised_and_ordinary_text_is_not() {
        for bad in ["=1+1", "+31 6", "-5", "@SUM(A1)", "\tx", "\rx"] {
            assert!(looks_like_formula(bad), "{bad:?}");
        }
        for good in ["", "Gezonde leefstijl", "2027-02-01", "a=b", " =x"] {
            assert!(!looks_like_formula(good), "{good:?}");
        }
    }
}
