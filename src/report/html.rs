//! One self-contained HTML page: styles inline, no scripts, no fetches. It reads on a screen
//! and prints on A4: vote results as bars, the matrix as a grid with gaps marked in words, the
//! actions per owner.

use std::fmt::Write;

use crate::html::escape as esc;

use super::{
    actions_by_owner, counts_shown, owner_heading, report_rows, round_settings, status_word,
    theme_names,
};
use crate::i18n::{Lang, date_text, fill};
use crate::model::{ActivityStatus, Decision, Role, Session};

const STYLE: &str = "
body { font-family: system-ui, 'Segoe UI', Arial, sans-serif; color: #111; margin: 2rem auto; max-width: 60rem; line-height: 1.45; padding: 0 1rem; }
h1 { font-size: 1.8rem; margin-bottom: .3rem; }
h2 { border-bottom: 2px solid #111; padding-bottom: .2rem; margin-top: 2rem; }
h3 { margin: 1.2rem 0 .4rem; }
table { border-collapse: collapse; width: 100%; margin: .4rem 0 1rem; }
th, td { border: 1px solid #999; padding: .3rem .5rem; text-align: left; vertical-align: top; }
th { background: #eee; }
.meta { list-style: none; padding: 0; }
.bar { background: #1a5fb4; height: .9rem; display: inline-block; vertical-align: middle; }
.votes td.n { text-align: right; width: 4rem; }
.through { font-weight: bold; }
.gap { background: #fde2e2; font-weight: bold; }
.gap::before { content: '▒ '; }
ul.acts { margin: 0; padding-left: 1.1rem; }
.needed { font-style: italic; }
.note { color: #444; }
@page { size: A4; margin: 15mm; }
@media print { body { margin: 0; max-width: none; } h2 { break-after: avoid; } table, section { break-inside: avoid; } .bar { -webkit-print-color-adjust: exact; print-color-adjust: exact; } }
";

/// The whole page.
pub fn render(s: &Session, lang: Lang) -> String {
    let t = lang.texts();
    let html_lang = match lang {
        Lang::Nl => "nl",
        Lang::En => "en",
    };
    let mut o = String::new();
    let _ = writeln!(
        o,
        "<!DOCTYPE html>\n<html lang=\"{html_lang}\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{}</title>\n<style>{STYLE}</style>\n</head>\n<body>",
        esc(&s.title)
    );
    let _ = writeln!(o, "<h1>{}</h1>\n<ul class=\"meta\">", esc(&s.title));
    let date = s.meeting_date.map_or_else(|| t.no_date.to_owned(), |d| date_text(lang, d));
    let _ = writeln!(o, "<li><b>{}:</b> {}</li>", t.rep_date, esc(&date));
    for (label, value) in [(t.rep_place, &s.place), (t.rep_facilitator, &s.facilitator)] {
        if !value.is_empty() {
            let _ = writeln!(o, "<li><b>{label}:</b> {}</li>", esc(value));
        }
    }
    if let Some(follows) = &s.follows {
        let _ = writeln!(o, "<li><b>{}:</b> {}</li>", t.rep_follows, esc(follows));
    }
    o.push_str("</ul>\n");

    // Participants.
    let _ = writeln!(
        o,
        "<h2>{}</h2>\n<table>\n<tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr>",
        t.rep_participants, t.col_name, t.col_org, t.col_role, t.rep_present
    );
    for p in &s.participants {
        let role = match p.role {
            Role::Structural => t.role_structural,
            Role::Incidental => t.role_incidental,
        };
        let present = if p.present { t.present_yes } else { t.present_no };
        let _ = writeln!(
            o,
            "<tr><td>{}</td><td>{}</td><td>{role}</td><td>{present}</td></tr>",
            esc(&p.name),
            esc(&p.organisation)
        );
    }
    o.push_str("</table>\n");

    rounds(&mut o, s, lang);
    matrix(&mut o, s, lang);
    actions(&mut o, s, lang);

    let _ = writeln!(o, "<h2>{}</h2>", t.agreements_title);
    if s.agreements.is_empty() {
        let _ = writeln!(o, "<p>{}</p>", t.rep_none);
    } else {
        let _ = writeln!(
            o,
            "<table>\n<tr><th>{}</th><th>{}</th><th>{}</th></tr>",
            t.col_agreement, t.col_owner, t.col_review
        );
        for a in &s.agreements {
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
        o.push_str("</table>\n");
    }
    let _ = writeln!(o, "<h2>{}</h2>", t.rep_notes);
    let notes = if s.notes.trim().is_empty() {
        t.rep_none.to_owned()
    } else {
        esc(s.notes.trim()).replace('\n', "<br>")
    };
    let _ = writeln!(o, "<p>{notes}</p>\n</body>\n</html>");
    o
}

fn rounds(o: &mut String, s: &Session, lang: Lang) {
    let t = lang.texts();
    if s.rounds.is_empty() {
        return;
    }
    let _ = writeln!(o, "<h2>{}</h2>", t.rep_rounds);
    for (n, r) in s.rounds.iter().enumerate() {
        let state = if r.is_open() { t.round_open } else { t.round_closed };
        let dots: u32 = r.ballots.iter().map(|b| b.total()).sum();
        let _ = writeln!(
            o,
            "<section>\n<h3>{}. {} ({state})</h3>\n<p class=\"note\">{} {}</p>",
            n + 1,
            esc(&r.name),
            esc(&round_settings(lang, r)),
            fill(t.rep_ballots, &[&r.ballots.len(), &dots])
        );
        if !counts_shown(r) {
            let _ = writeln!(o, "<p>{}</p>\n</section>", t.rep_hidden);
            continue;
        }
        let through = r.result.as_ref().map(|res| res.through.clone()).unwrap_or_default();
        let ranking = r.ranking();
        let max = ranking.first().map_or(0, |x| x.votes).max(1);
        let _ = writeln!(
            o,
            "<table class=\"votes\">\n<tr><th>{}</th><th>{}</th><th>{}</th></tr>",
            t.rep_col_place, t.matrix_theme, t.rep_col_votes
        );
        for x in &ranking {
            let theme =
                s.matrix.theme(x.theme).map_or_else(|| x.theme.to_string(), |th| th.label());
            let class = if through.contains(&x.theme) { " class=\"through\"" } else { "" };
            let mark = if through.contains(&x.theme) {
                format!(" ({})", t.rep_through)
            } else {
                String::new()
            };
            let width = x.votes * 100 / max;
            let _ = writeln!(
                o,
                "<tr{class}><td class=\"n\">{}</td><td>{}{mark}<br><span class=\"bar\" style=\"width:{width}%\"></span></td><td class=\"n\">{}</td></tr>",
                x.place,
                esc(&theme),
                x.votes
            );
        }
        o.push_str("</table>\n");
        if let Some(result) = &r.result {
            if let Some(tie) = &result.tie {
                let decided = match &result.decision {
                    None => t.rep_tie_open.to_owned(),
                    Some(Decision::Picked { themes, reason }) => {
                        fill(t.rep_pick, &[&theme_names(s, themes), reason])
                    }
                    Some(Decision::RunOff { .. }) => t.rep_runoff.to_owned(),
                };
                let tie_text = fill(
                    t.rep_tie,
                    &[&tie.first_place, &tie.last_place, &theme_names(s, &tie.themes)],
                );
                let _ = writeln!(o, "<p>{} {}</p>", esc(&tie_text), esc(&decided));
            }
            if let Some((themes, _)) = s.settled_result(r.id) {
                let _ = writeln!(
                    o,
                    "<p><b>{}:</b> {}</p>",
                    t.rep_result,
                    esc(&theme_names(s, &themes))
                );
            }
        }
        o.push_str("</section>\n");
    }
}

fn matrix(o: &mut String, s: &Session, lang: Lang) {
    let t = lang.texts();
    let m = &s.matrix;
    if m.levels.is_empty() || m.themes.is_empty() {
        return;
    }
    let _ = writeln!(
        o,
        "<h2>{}</h2>\n<p class=\"note\">{}</p>\n<table class=\"matrix\">\n<tr><th>{}</th>",
        t.rep_matrix, t.rep_gap_note, t.matrix_theme
    );
    for l in &m.levels {
        let name =
            if l.alias.is_empty() { l.name.clone() } else { format!("{} ({})", l.name, l.alias) };
        let _ = write!(o, "<th>{}</th>", esc(&name));
    }
    o.push_str("</tr>\n");
    for theme in report_rows(s) {
        let _ = write!(o, "<tr><th>{}", esc(&theme.desired));
        if !theme.problem.is_empty() {
            let _ = write!(o, "<br>→ {}", esc(&theme.problem));
        }
        if !theme.evidence.is_empty() {
            let _ = write!(o, "<br><small>{}: {}</small>", t.rep_evidence, esc(&theme.evidence));
        }
        o.push_str("</th>");
        for l in &m.levels {
            let gap = m.is_gap(theme.id, l.id);
            let _ = write!(o, "<td{}>", if gap { " class=\"gap\"" } else { "" });
            if gap {
                let _ = write!(o, "{}", t.rep_gap);
            }
            let activities = theme.activities(l.id);
            if !activities.is_empty() {
                o.push_str("<ul class=\"acts\">");
                for a in activities {
                    let (mark, class) = match a.status {
                        ActivityStatus::Existing => ("✓", ""),
                        ActivityStatus::Needed => ("+", " class=\"needed\""),
                    };
                    let provider = if a.provider.is_empty() {
                        String::new()
                    } else {
                        format!(" ({})", esc(&a.provider))
                    };
                    let _ = write!(o, "<li{class}>{mark} {}{provider}</li>", esc(&a.text));
                }
                o.push_str("</ul>");
            }
            o.push_str("</td>");
        }
        o.push_str("</tr>\n");
    }
    o.push_str("</table>\n");
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
            "<section>\n<h3>{}</h3>\n<table>\n<tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr>",
            esc(&heading),
            t.col_action,
            t.col_due,
            t.col_status,
            t.col_theme_level
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
        o.push_str("</table>\n</section>\n");
    }
}
