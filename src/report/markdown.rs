//! The Markdown report: headings, lists and tables that read well as plain text too.

use std::fmt::Write;

use super::{
    actions_by_owner, ambition_rows, counts_shown, indicator_figures, owner_heading, report_rows,
    round_settings, status_word, theme_names,
};
use crate::i18n::{Lang, date_text, fill};
use crate::model::{ActivityStatus, Decision, Role, Session};

/// Escapes text so Markdown shows it as typed: emphasis, links, code, HTML and table pipes.
fn esc(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for (i, c) in text.chars().enumerate() {
        match c {
            '\\' | '*' | '_' | '`' | '[' | ']' | '<' | '>' | '|' => {
                out.push('\\');
                out.push(c);
            }
            '#' if i == 0 => out.push_str("\\#"),
            '\r' | '\n' => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

fn table(out: &mut String, header: &[&str], rows: &[Vec<String>]) {
    let _ = writeln!(out, "| {} |", header.join(" | "));
    let _ = writeln!(out, "|{}", "---|".repeat(header.len()));
    for row in rows {
        let _ = writeln!(out, "| {} |", row.join(" | "));
    }
    out.push('\n');
}

/// The whole report.
pub fn render(s: &Session, lang: Lang) -> String {
    let t = lang.texts();
    let mut out = String::new();
    let _ = writeln!(out, "# {}\n", esc(&s.title));
    let date = s.meeting_date.map_or_else(|| t.no_date.to_owned(), |d| date_text(lang, d));
    let _ = writeln!(out, "- **{}:** {date}", t.rep_date);
    if !s.place.is_empty() {
        let _ = writeln!(out, "- **{}:** {}", t.rep_place, esc(&s.place));
    }
    if !s.facilitator.is_empty() {
        let _ = writeln!(out, "- **{}:** {}", t.rep_facilitator, esc(&s.facilitator));
    }
    for (label, value) in super::detail_lines(s, lang) {
        let _ = writeln!(out, "- **{label}:** {}", esc(&value));
    }
    if let Some(follows) = &s.follows {
        let _ = writeln!(out, "- **{}:** {}", t.rep_follows, esc(follows));
    }
    out.push('\n');

    ambitions(&mut out, s, lang);
    year_after(&mut out, s, lang);
    participants(&mut out, s, lang);
    facts(&mut out, s, lang);
    rounds(&mut out, s, lang);
    top(&mut out, s, lang);
    matrix(&mut out, s, lang);
    actions(&mut out, s, lang);

    let _ = writeln!(out, "## {}\n", t.agreements_title);
    // Question by question, as step 4 asks them; an open question says so.
    for (question, agreements) in super::agreement_groups(s) {
        let _ = writeln!(out, "### {}\n", esc(&super::agreement_heading(lang, question)));
        if agreements.is_empty() {
            let _ = writeln!(out, "{}\n", t.regie_unanswered);
            continue;
        }
        let rows: Vec<Vec<String>> = agreements
            .iter()
            .map(|a| {
                let owner = a
                    .owner
                    .and_then(|id| s.participant(id))
                    .map_or_else(|| t.rep_no_owner.to_owned(), |p| esc(&p.name));
                let review = a.review.map(|d| date_text(lang, d)).unwrap_or_default();
                vec![esc(&a.text), owner, review]
            })
            .collect();
        table(&mut out, &[t.col_agreement, t.col_owner, t.col_review], &rows);
    }
    let _ = writeln!(out, "## {}\n", t.rep_notes);
    let notes = if s.notes.trim().is_empty() { t.rep_none.to_owned() } else { esc(s.notes.trim()) };
    let _ = writeln!(out, "{notes}");
    out
}

/// A follow-up meeting's report: what changed since last year, part by part.
fn year_after(out: &mut String, s: &Session, lang: Lang) {
    let Some((since, sections)) = super::year_after_sections(s, lang) else { return };
    let t = lang.texts();
    let _ = writeln!(out, "## {}\n\n{}\n", t.year_after_title, esc(&since));
    for (heading, items) in sections {
        let _ = writeln!(out, "### {heading}\n");
        if items.is_empty() {
            let _ = writeln!(out, "{}\n", t.rep_none);
            continue;
        }
        for item in items {
            let _ = writeln!(out, "- {}", esc(&item));
        }
        out.push('\n');
    }
}

/// Step 3 at the top: per focus theme the outcome aimed for and its indicators.
fn ambitions(out: &mut String, s: &Session, lang: Lang) {
    let t = lang.texts();
    let rows = ambition_rows(s);
    if rows.is_empty() {
        return;
    }
    let _ = writeln!(out, "## {}\n", t.rep_ambitions);
    for (theme, ambition) in rows {
        let _ = writeln!(out, "### {}\n", esc(&theme.desired));
        let Some(a) = ambition else {
            let _ = writeln!(out, "{}\n", t.rep_no_ambitions);
            continue;
        };
        let _ = writeln!(out, "**{}:** {}\n", t.field_outcome, esc(&a.outcome));
        if a.indicators.is_empty() {
            let _ = writeln!(out, "{}\n", t.ambition_no_indicators);
            continue;
        }
        let rows: Vec<Vec<String>> = a
            .indicators
            .iter()
            .map(|i| {
                let (base, target) = indicator_figures(lang, i);
                vec![esc(&i.name), esc(&i.source), esc(&base), esc(&target)]
            })
            .collect();
        table(out, &[t.col_indicator, t.col_source, t.col_baseline, t.col_target], &rows);
    }
}

/// The figures behind every theme that has some, not only the top 3: why the room chose.
fn facts(out: &mut String, s: &Session, lang: Lang) {
    let t = lang.texts();
    let themes: Vec<_> = s.matrix.themes.iter().filter(|th| !th.facts.is_empty()).collect();
    if themes.is_empty() {
        return;
    }
    let _ = writeln!(out, "## {}\n", t.rep_facts);
    for theme in themes {
        let _ = writeln!(out, "**{}**\n", esc(&theme.desired));
        for fact in &theme.facts {
            let _ = writeln!(out, "- {}", esc(&crate::i18n::fact_text(fact)));
        }
        out.push('\n');
    }
}

fn participants(out: &mut String, s: &Session, lang: Lang) {
    let t = lang.texts();
    let _ = writeln!(out, "## {}\n", t.rep_participants);
    for (heading, present) in [(t.rep_present, true), (t.rep_absent, false)] {
        let rows: Vec<Vec<String>> = s
            .participants
            .iter()
            .filter(|p| p.present == present)
            .map(|p| {
                let role = match p.role {
                    Role::Structural => t.role_structural,
                    Role::Incidental => t.role_incidental,
                };
                let partner = p.partner().map_or("", |k| crate::i18n::partner_text(lang, k));
                vec![esc(&p.name), esc(&p.organisation), esc(partner), role.to_owned()]
            })
            .collect();
        if rows.is_empty() {
            continue;
        }
        let _ = writeln!(out, "**{heading}** ({})\n", rows.len());
        table(out, &[t.col_name, t.col_org, t.col_partner, t.col_role], &rows);
    }
    if let Some(missing) = crate::i18n::missing_partners_text(lang, s) {
        let _ = writeln!(out, "{}\n", esc(&missing));
    }
}

fn rounds(out: &mut String, s: &Session, lang: Lang) {
    let t = lang.texts();
    if s.rounds.is_empty() {
        return;
    }
    let _ = writeln!(out, "## {}\n", t.rep_rounds);
    for (n, r) in s.rounds.iter().enumerate() {
        let state = if r.is_open() { t.round_open } else { t.round_closed };
        let _ = writeln!(out, "### {}. {} ({state})\n", n + 1, esc(&r.name));
        if let Some(parent) = r.runoff_of.and_then(|id| s.round(id)) {
            let _ = writeln!(out, "{}\n", fill(t.rep_runoff_of, &[&esc(&parent.name)]));
        }
        let dots: u32 = r.ballots.iter().map(|b| b.total()).sum();
        let _ = writeln!(
            out,
            "{} {}\n",
            round_settings(lang, r),
            fill(t.rep_ballots, &[&r.ballots.len(), &dots])
        );
        if !counts_shown(r) {
            let _ = writeln!(out, "{}\n", t.rep_hidden);
            continue;
        }
        let through = r.result.as_ref().map(|res| res.through.clone()).unwrap_or_default();
        let rows: Vec<Vec<String>> = r
            .ranking()
            .iter()
            .map(|x| {
                let theme = s
                    .matrix
                    .theme(x.theme)
                    .map_or_else(|| x.theme.to_string(), |th| esc(&th.label()));
                let mark = if through.contains(&x.theme) { t.rep_through } else { "" };
                vec![x.place.to_string(), theme, x.votes.to_string(), mark.to_owned()]
            })
            .collect();
        let row = crate::i18n::matrix_words(lang, &s.template).row;
        table(out, &[t.rep_col_place, row, t.rep_col_votes, ""], &rows);
        if let Some(result) = &r.result {
            if let Some(tie) = &result.tie {
                let _ = writeln!(
                    out,
                    "{}",
                    fill(
                        t.rep_tie,
                        &[&tie.first_place, &tie.last_place, &esc(&theme_names(s, &tie.themes))]
                    )
                );
                let decided = match &result.decision {
                    None => t.rep_tie_open.to_owned(),
                    Some(Decision::Picked { themes, reason }) => {
                        fill(t.rep_pick, &[&esc(&theme_names(s, themes)), &esc(reason)])
                    }
                    Some(Decision::RunOff { .. }) => t.rep_runoff.to_owned(),
                };
                let _ = writeln!(out, "{decided}\n");
            }
            if let Some((themes, _)) = s.settled_result(r.id) {
                let _ = writeln!(out, "**{}:** {}\n", t.rep_result, esc(&theme_names(s, &themes)));
            }
        }
    }
}

fn top(out: &mut String, s: &Session, lang: Lang) {
    let t = lang.texts();
    let focus = s.focus_themes();
    if focus.is_empty() {
        return;
    }
    let chosen_in = s.rounds.iter().rev().find(|r| !r.is_open() && r.runoff_of.is_none());
    let _ = writeln!(out, "## {}\n", t.top_title);
    for (i, th) in focus.iter().filter_map(|&id| s.matrix.theme(id)).enumerate() {
        let votes = chosen_in.map_or(0, |r| r.votes_for(th.id));
        let problem = if th.problem.is_empty() {
            String::new()
        } else {
            format!(" → {}", esc(&th.problem))
        };
        let _ = writeln!(
            out,
            "{}. **{}**{problem} ({})",
            i + 1,
            esc(&th.desired),
            fill(t.top_votes, &[&votes])
        );
    }
    out.push('\n');
}

fn matrix(out: &mut String, s: &Session, lang: Lang) {
    let t = lang.texts();
    let m = &s.matrix;
    if m.levels.is_empty() || m.themes.is_empty() {
        return;
    }
    let _ = writeln!(out, "## {}\n\n{}\n", t.rep_matrix, t.rep_gap_note);
    if crate::i18n::matrix_words(lang, &s.template).levels {
        let _ = writeln!(out, "{}\n", t.levels_explained);
    }
    let marked = m
        .themes
        .iter()
        .flat_map(|th| th.cells.values().flatten())
        .any(|a| a.recognition.is_some() || a.stop);
    if marked {
        let _ = writeln!(out, "{}\n", esc(t.recognition_legend));
    }
    for theme in report_rows(s) {
        let _ = writeln!(out, "### {}\n", esc(&theme.label()));
        if !theme.evidence.is_empty() {
            let _ = writeln!(out, "{}: {}\n", t.rep_evidence, esc(&theme.evidence));
        }
        let (recognised, looked_up, existing) = theme.recognised();
        if looked_up > 0 {
            let _ = writeln!(out, "{}\n", fill(t.recognised_count, &[&recognised, &existing]));
        }
        let rows: Vec<Vec<String>> = m
            .levels
            .iter()
            .map(|l| {
                let list = |status| {
                    let items: Vec<String> = theme
                        .activities(l.id)
                        .iter()
                        .filter(|a| a.status == status)
                        .map(|a| {
                            let marks = crate::i18n::activity_marks(lang, a);
                            let marks = if marks.is_empty() {
                                marks
                            } else {
                                format!(" — {}", esc(&marks))
                            };
                            if a.provider.is_empty() {
                                format!("{}{marks}", esc(&a.text))
                            } else {
                                format!("{} ({}){marks}", esc(&a.text), esc(&a.provider))
                            }
                        })
                        .collect();
                    items.join("; ")
                };
                let existing = if m.is_gap(theme.id, l.id) {
                    format!("**{}**", t.rep_gap)
                } else {
                    list(ActivityStatus::Existing)
                };
                let name = if l.alias.is_empty() {
                    esc(&l.name)
                } else {
                    format!("{} ({})", esc(&l.name), esc(&l.alias))
                };
                vec![name, existing, list(ActivityStatus::Needed)]
            })
            .collect();
        table(out, &[t.rep_level, t.rep_existing, t.rep_needed], &rows);
    }
}

fn actions(out: &mut String, s: &Session, lang: Lang) {
    let t = lang.texts();
    let _ = writeln!(out, "## {}\n", t.rep_actions);
    if s.actions.is_empty() {
        let _ = writeln!(out, "{}\n", t.rep_none);
        return;
    }
    for (owner, actions) in actions_by_owner(s) {
        let heading = esc(&owner_heading(lang, owner));
        let _ = writeln!(out, "### {heading}\n");
        let rows: Vec<Vec<String>> = actions
            .iter()
            .map(|a| {
                let due = a.due.map_or_else(|| t.rep_no_date.to_owned(), |d| date_text(lang, d));
                vec![
                    esc(&a.text),
                    due,
                    status_word(lang, a.status).to_owned(),
                    esc(&s.link_label(a)),
                ]
            })
            .collect();
        let link = crate::i18n::matrix_words(lang, &s.template).link;
        table(out, &[t.col_action, t.col_due, t.col_status, link], &rows);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_specials_are_escaped_and_lines_joined() {
        assert_eq!(
            esc("a|b *c* [d](e) <f> `g` _h_ \\"),
            "a\\|b \\*c\\* \\[d\\](e) \\<f\\> \\`g\\` \\_h\\_ \\\\"
        );
        assert_eq!(esc("# kop\ntwee"), "\\# kop twee");
        assert_eq!(esc("Geïndiceerd 25% #1"), "Geïndiceerd 25% #1");
    }
}
