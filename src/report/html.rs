//! One self-contained HTML page: styles inline, no scripts, no fetches, no fonts. It reads on
//! a screen and prints on A4: "Onze top 3" with each theme's gaps and actions first, the
//! participants per role, a legend for every marker, vote results as bars, the matrix as a
//! grid with gaps marked in words, the actions per owner.
//!
//! For print, tables may break across pages (a tall matrix no longer leaves page 2 blank),
//! their header row repeats on every page, rows and headings are never split from what
//! follows, and the page foot carries the page number and the export date. Nothing relies on
//! colour alone: gaps are the word GAT in a dashed box, so a grayscale printer keeps them.

use std::fmt::Write;

use crate::html::escape as esc;

use super::{
    Options, actions_by_owner, counts_shown, owner_heading, report_rows, round_settings,
    status_word, theme_names,
};
use crate::i18n::{Lang, date_text, fill};
use crate::model::{ActivityStatus, Decision, Role, Session};

const STYLE: &str = "
body { font-family: system-ui, 'Segoe UI', Arial, sans-serif; color: #111; margin: 2rem auto; max-width: 60rem; line-height: 1.4; padding: 0 1rem; }
h1 { font-size: 1.7rem; margin-bottom: .3rem; }
h2 { border-bottom: 2px solid #111; padding-bottom: .2rem; margin-top: 1.6rem; }
h3 { margin: 1rem 0 .3rem; }
h1, h2, h3 { break-after: avoid; page-break-after: avoid; }
table { border-collapse: collapse; width: 100%; margin: .3rem 0 .8rem; }
thead { display: table-header-group; }
tr, li { break-inside: avoid; page-break-inside: avoid; }
th, td { border: 1px solid #777; padding: .25rem .45rem; text-align: left; vertical-align: top; }
th { background: #e6e6e6; }
.meta { list-style: none; padding: 0; margin: .2rem 0; }
.meta li { display: inline; margin-right: 1.2rem; }
.top { list-style: none; padding: 0; margin: 0; }
.top > li { border-left: 6px solid #111; padding: .2rem .7rem; margin: .5rem 0; }
.top .theme { font-weight: bold; font-size: 1.1rem; }
.top ul { margin: .2rem 0; padding-left: 1.1rem; }
.roles { display: flex; gap: 1.2rem; flex-wrap: wrap; }
.roles > div { flex: 1 1 18rem; }
.absent { color: #555; font-style: italic; }
.legend { border: 1px solid #777; padding: .3rem .6rem; margin: .6rem 0; break-inside: avoid; }
.legend span { margin-right: 1.2rem; white-space: nowrap; }
.bar { background: #1f3f73; height: .8rem; display: inline-block; vertical-align: middle; }
.votes td.n { text-align: right; width: 4rem; }
.votes td.bars { width: 18%; }
.matrix thead th:first-child { width: 22%; }
.through { font-weight: bold; }
.gap { border: 2px dashed #111; font-weight: bold; }
.mark-gap { border: 2px dashed #111; padding: 0 .2rem; font-weight: bold; }
ul.acts { margin: 0; padding: 0; list-style: none; }
ul.acts li { padding-left: 1em; text-indent: -1em; }
.needed { font-style: italic; }
.note { color: #333; }
.exported { color: #333; }
";

/// The print rules: A4, margins, and the page foot with the export date and "page n of m".
fn print_style(lang: Lang, options: Options) -> String {
    let t = lang.texts();
    // "Pagina {0} van {1}" becomes "Pagina " counter(page) " van " counter(pages).
    let mut counter = String::new();
    let mut rest = t.rep_page;
    for (placeholder, css) in [("{0}", "counter(page)"), ("{1}", "counter(pages)")] {
        if let Some((before, after)) = rest.split_once(placeholder) {
            let _ = write!(counter, "{} {css} ", css_string(before));
            rest = after;
        }
    }
    if rest.is_empty() {
        counter.truncate(counter.trim_end().len());
    } else {
        counter.push_str(&css_string(rest));
    }
    let exported = options
        .exported
        .map(|d| css_string(&fill(t.rep_exported, &[&date_text(lang, d)])))
        .unwrap_or_else(|| "\"\"".to_owned());
    format!(
        "@page {{ size: A4; margin: 14mm 14mm 16mm; @bottom-left {{ content: {exported}; font: 9pt system-ui, Arial, sans-serif; color: #333; }} @bottom-right {{ content: {counter}; font: 9pt system-ui, Arial, sans-serif; color: #333; }} }}
@media print {{ body {{ margin: 0; max-width: none; font-size: 10pt; padding: 0; }} .bar, th {{ -webkit-print-color-adjust: exact; print-color-adjust: exact; }} .exported {{ display: none; }} }}
"
    )
}

/// Text as a quoted CSS string.
fn css_string(text: &str) -> String {
    let mut out = String::from("\"");
    for c in text.chars() {
        match c {
            '"' | '\\' => {
                out.push('\\');
                out.push(c);
            }
            '\n' | '\r' => out.push(' '),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// The whole page.
pub fn render(s: &Session, lang: Lang, options: Options) -> String {
    let t = lang.texts();
    let mut o = String::new();
    let style = format!("{STYLE}{}", print_style(lang, options));
    let _ = writeln!(o, "{}", crate::html::page_start(lang, &s.title, &style));
    let _ = writeln!(o, "<h1>{}</h1>\n<ul class=\"meta\">", esc(&s.title));
    let date = s.meeting_date.map_or_else(|| t.no_date.to_owned(), |d| date_text(lang, d));
    let _ = writeln!(o, "<li><b>{}:</b> {}</li>", t.rep_date, esc(&date));
    for (label, value) in [(t.rep_place, &s.place), (t.rep_facilitator, &s.facilitator)] {
        if !value.is_empty() {
            let _ = writeln!(o, "<li><b>{label}:</b> {}</li>", esc(value));
        }
    }
    for (label, value) in super::detail_lines(s, lang) {
        let _ = writeln!(o, "<li><b>{label}:</b> {}</li>", esc(&value));
    }
    if let Some(follows) = &s.follows {
        let _ = writeln!(o, "<li><b>{}:</b> {}</li>", t.rep_follows, esc(follows));
    }
    if let Some(day) = options.exported {
        let _ = writeln!(
            o,
            "<li class=\"exported\">{}</li>",
            esc(&fill(t.rep_exported, &[&date_text(lang, day)]))
        );
    }
    o.push_str("</ul>\n");

    ambitions(&mut o, s, lang);
    year_after(&mut o, s, lang);
    top(&mut o, s, lang);
    participants(&mut o, s, lang);
    facts(&mut o, s, lang);
    legend(&mut o, lang);
    rounds(&mut o, s, lang);
    matrix(&mut o, s, lang);
    actions(&mut o, s, lang);

    let _ = writeln!(o, "<h2>{}</h2>", t.agreements_title);
    // Question by question, as step 4 asks them, in one table; an open question says so.
    let _ = writeln!(
        o,
        "<table class=\"regie\">\n<thead><tr><th>{}</th><th>{}</th><th>{}</th></tr></thead>\n<tbody>",
        t.col_agreement, t.col_owner, t.col_review
    );
    for (question, agreements) in super::agreement_groups(s) {
        let heading = esc(&super::agreement_heading(lang, question));
        let _ = writeln!(o, "<tr class=\"question\"><th colspan=\"3\">{heading}</th></tr>");
        if agreements.is_empty() {
            let _ = writeln!(
                o,
                "<tr><td colspan=\"3\" class=\"note\">{}</td></tr>",
                esc(t.regie_unanswered)
            );
        }
        for a in agreements {
            let owner = a
                .owner
                .and_then(|id| s.participant(id))
                .map_or_else(|| t.rep_no_owner.to_owned(), |p| p.name.clone());
            let review = a.review.map(|d| date_text(lang, d)).unwrap_or_default();
            let _ = writeln!(
                o,
                "<tr><td>{}</td><td>{}</td><td>{}</td></tr>",
                esc(&a.text),
                esc(&owner),
                esc(&review)
            );
        }
    }
    o.push_str("</tbody>\n</table>\n");
    let _ = writeln!(o, "<h2>{}</h2>", t.rep_notes);
    let notes = if s.notes.trim().is_empty() {
        t.rep_none.to_owned()
    } else {
        esc(s.notes.trim()).replace('\n', "<br>")
    };
    let _ = writeln!(o, "<p>{notes}</p>\n</body>\n</html>");
    o
}

/// A follow-up meeting's report: what changed since last year, part by part.
fn year_after(o: &mut String, s: &Session, lang: Lang) {
    let Some((since, sections)) = super::year_after_sections(s, lang) else { return };
    let t = lang.texts();
    let _ = writeln!(o, "<h2>{}</h2>\n<p class=\"note\">{}</p>", t.year_after_title, esc(&since));
    for (heading, items) in sections {
        let _ = writeln!(o, "<h3>{heading}</h3>");
        if items.is_empty() {
            let _ = writeln!(o, "<p>{}</p>", t.rep_none);
            continue;
        }
        o.push_str("<ul>\n");
        for item in items {
            let _ = writeln!(o, "<li>{}</li>", esc(&item));
        }
        o.push_str("</ul>\n");
    }
}

/// Step 3 at the top: per focus theme the outcome aimed for and its indicators.
fn ambitions(o: &mut String, s: &Session, lang: Lang) {
    let t = lang.texts();
    let rows = super::ambition_rows(s);
    if rows.is_empty() {
        return;
    }
    let _ = writeln!(o, "<h2>{}</h2>", t.rep_ambitions);
    for (theme, ambition) in rows {
        let _ = writeln!(o, "<h3>{}</h3>", esc(&theme.desired));
        let Some(a) = ambition else {
            let _ = writeln!(o, "<p class=\"note\">{}</p>", t.rep_no_ambitions);
            continue;
        };
        let _ = writeln!(o, "<p><b>{}:</b> {}</p>", t.field_outcome, esc(&a.outcome));
        if a.indicators.is_empty() {
            let _ = writeln!(o, "<p class=\"note\">{}</p>", esc(t.ambition_no_indicators));
            continue;
        }
        let _ = writeln!(
            o,
            "<table>\n<thead><tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr></thead>\n<tbody>",
            t.col_indicator, t.col_source, t.col_baseline, t.col_target
        );
        for i in &a.indicators {
            let (base, target) = super::indicator_figures(lang, i);
            let _ = writeln!(
                o,
                "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
                esc(&i.name),
                esc(&i.source),
                esc(&base),
                esc(&target)
            );
        }
        o.push_str("</tbody>\n</table>\n");
    }
}

/// "Onze top 3": each chosen theme with its gaps and its actions, the summary people read first.
fn top(o: &mut String, s: &Session, lang: Lang) {
    let t = lang.texts();
    let focus = s.focus_themes();
    if focus.is_empty() {
        return;
    }
    let chosen_in = s.rounds.iter().rev().find(|r| !r.is_open() && r.runoff_of.is_none());
    let _ = writeln!(o, "<h2>{}</h2>\n<ol class=\"top\">", t.top_title);
    for (i, th) in focus.iter().filter_map(|&id| s.matrix.theme(id)).enumerate() {
        let votes = chosen_in.map_or(0, |r| r.votes_for(th.id));
        let _ = write!(o, "<li><span class=\"theme\">{}. {}</span>", i + 1, esc(&th.desired));
        if !th.problem.is_empty() {
            let _ = write!(o, " → {}", esc(&th.problem));
        }
        let _ = writeln!(o, " ({})", fill(t.top_votes, &[&votes]));
        let gaps: Vec<&str> = s
            .matrix
            .levels
            .iter()
            .filter(|l| s.matrix.is_gap(th.id, l.id))
            .map(|l| l.name.as_str())
            .collect();
        if !gaps.is_empty() {
            let _ = writeln!(
                o,
                "<br><span class=\"mark-gap\">{}</span> {}",
                t.rep_gap,
                esc(&fill(t.rep_top_gaps, &[&gaps.join(", ")]))
            );
        }
        let linked: Vec<_> = s.actions.iter().filter(|a| a.theme == Some(th.id)).collect();
        if linked.is_empty() {
            let _ = writeln!(o, "<br><span class=\"note\">{}</span>", t.rep_top_no_actions);
        } else {
            let _ = writeln!(o, "<br>{}:\n<ul>", t.rep_top_actions);
            for a in linked {
                let owner = a.owner.and_then(|id| s.participant(id)).map(|p| p.name.as_str());
                let due = a.due.map_or_else(|| t.rep_no_date.to_owned(), |d| date_text(lang, d));
                let _ = writeln!(
                    o,
                    "<li>{} — {} — {} ({})</li>",
                    esc(&a.text),
                    esc(owner.unwrap_or(t.rep_no_owner)),
                    esc(&due),
                    status_word(lang, a.status)
                );
            }
            o.push_str("</ul>\n");
        }
        o.push_str("</li>\n");
    }
    o.push_str("</ol>\n");
}

/// The figures behind every theme that has some, not only the top 3.
fn facts(o: &mut String, s: &Session, lang: Lang) {
    let t = lang.texts();
    let themes: Vec<_> = s.matrix.themes.iter().filter(|th| !th.facts.is_empty()).collect();
    if themes.is_empty() {
        return;
    }
    let _ = writeln!(o, "<h2>{}</h2>", t.rep_facts);
    for theme in themes {
        let _ = writeln!(o, "<h3>{}</h3>\n<ul>", esc(&theme.desired));
        for fact in &theme.facts {
            let _ = writeln!(o, "<li>{}</li>", esc(&crate::i18n::fact_text(fact)));
        }
        o.push_str("</ul>\n");
    }
}

/// The participants per role, side by side, absent ones marked in words.
fn participants(o: &mut String, s: &Session, lang: Lang) {
    let t = lang.texts();
    let _ = writeln!(o, "<h2>{}</h2>\n<div class=\"roles\">", t.rep_participants);
    for (role, heading) in [
        (Role::Structural, t.rep_structural_partners),
        (Role::Incidental, t.rep_incidental_partners),
    ] {
        let people: Vec<_> = s.participants.iter().filter(|p| p.role == role).collect();
        if people.is_empty() {
            continue;
        }
        let _ = writeln!(
            o,
            "<div>\n<h3>{heading} ({})</h3>\n<table>\n<thead><tr><th>{}</th><th>{}</th><th>{}</th></tr></thead>\n<tbody>",
            people.len(),
            t.col_name,
            t.col_org,
            t.col_present
        );
        for p in people {
            let (class, present) =
                if p.present { ("", t.present_yes) } else { (" class=\"absent\"", t.present_no) };
            let _ = writeln!(
                o,
                "<tr{class}><td>{}</td><td>{}</td><td>{present}</td></tr>",
                esc(&p.name),
                esc(&p.organisation)
            );
        }
        o.push_str("</tbody>\n</table>\n</div>\n");
    }
    o.push_str("</div>\n");
    if let Some(missing) = crate::i18n::missing_partners_text(lang, s) {
        let _ = writeln!(o, "<p class=\"note\"><b>{}</b></p>", esc(&missing));
    }
}

/// What each marker of the page means.
fn legend(o: &mut String, lang: Lang) {
    let t = lang.texts();
    let _ = writeln!(
        o,
        "<p class=\"legend\"><b>{}:</b> <span>✓ {}</span> <span>+ <i>{}</i></span> <span><span class=\"mark-gap\">{}</span> {}</span> <span><b>{}</b>: {}</span></p>",
        t.rep_legend,
        t.rep_legend_existing,
        t.rep_legend_needed,
        t.rep_gap,
        t.rep_legend_gap,
        t.rep_through,
        t.rep_legend_through
    );
}

fn actions(o: &mut String, s: &Session, lang: Lang) {
    let t = lang.texts();
    let _ = writeln!(o, "<h2>{}</h2>", t.rep_actions);
    if s.actions.is_empty() {
        let _ = writeln!(o, "<p>{}</p>", t.rep_none);
        return;
    }
    for (owner, actions) in actions_by_owner(s) {
        let heading = owner_heading(lang, owner);
        let _ = writeln!(
            o,
            "<h3>{}</h3>\n<table>\n<thead><tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr></thead>\n<tbody>",
            esc(&heading),
            t.col_action,
            t.col_due,
            t.col_status,
            crate::i18n::matrix_words(lang, &s.template).link
        );
        for a in actions {
            let due = a.due.map_or_else(|| t.rep_no_date.to_owned(), |d| date_text(lang, d));
            let _ = writeln!(
                o,
                "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
                esc(&a.text),
                esc(&due),
                status_word(lang, a.status),
                esc(&s.link_label(a))
            );
        }
        o.push_str("</tbody>\n</table>\n");
    }
}

mod tables;
use tables::{matrix, rounds};
