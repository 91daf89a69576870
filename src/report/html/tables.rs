//! The report's two big tables: every voting round with its ranking, and the matrix per
//! theme and level, both breaking across pages with their header repeated.

use super::*;

pub(super) fn rounds(o: &mut String, s: &Session, lang: Lang) {
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
            "<h3>{}. {} ({state})</h3>\n<p class=\"note\">{} {}</p>",
            n + 1,
            esc(&r.name),
            esc(&round_settings(lang, r)),
            fill(t.rep_ballots, &[&r.ballots.len(), &dots])
        );
        if !counts_shown(r) {
            let _ = writeln!(o, "<p>{}</p>", t.rep_hidden);
            continue;
        }
        let through = r.result.as_ref().map(|res| res.through.clone()).unwrap_or_default();
        let ranking = r.ranking();
        let max = ranking.first().map_or(0, |x| x.votes).max(1);
        let _ = writeln!(
            o,
            "<table class=\"votes\">\n<thead><tr><th>{}</th><th>{}</th><th>{}</th><th></th></tr></thead>\n<tbody>",
            t.rep_col_place,
            crate::i18n::matrix_words(lang, &s.template).row,
            t.rep_col_votes
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
            let bar = if x.votes == 0 {
                String::new()
            } else {
                format!("<span class=\"bar\" style=\"width:{width}%\"></span>")
            };
            let _ = writeln!(
                o,
                "<tr{class}><td class=\"n\">{}</td><td>{}{mark}</td><td class=\"n\">{}</td><td class=\"bars\">{bar}</td></tr>",
                x.place,
                esc(&theme),
                x.votes
            );
        }
        o.push_str("</tbody>\n</table>\n");
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
    }
}

pub(super) fn matrix(o: &mut String, s: &Session, lang: Lang) {
    let t = lang.texts();
    let m = &s.matrix;
    let marked = m
        .themes
        .iter()
        .flat_map(|th| th.cells.values().flatten())
        .any(|a| a.recognition.is_some() || a.stop);
    if m.levels.is_empty() || m.themes.is_empty() {
        return;
    }
    let words = crate::i18n::matrix_words(lang, &s.template);
    let _ = writeln!(o, "<h2>{}</h2>\n<p class=\"note\">{}</p>", t.rep_matrix, t.rep_gap_note);
    if words.levels {
        let _ = writeln!(o, "<p class=\"note\">{}</p>", esc(t.levels_explained));
    }
    if marked {
        let _ = writeln!(o, "<p class=\"legend\">{}</p>", esc(t.recognition_legend));
    }
    let _ = writeln!(o, "<table class=\"matrix\">\n<thead><tr><th>{}</th>", words.row);
    for l in &m.levels {
        let name =
            if l.alias.is_empty() { l.name.clone() } else { format!("{} ({})", l.name, l.alias) };
        let _ = write!(o, "<th>{}</th>", esc(&name));
    }
    o.push_str("</tr></thead>\n<tbody>\n");
    for theme in report_rows(s) {
        let _ = write!(o, "<tr><th>{}", esc(&theme.desired));
        let (recognised, looked_up, existing) = theme.recognised();
        if looked_up > 0 {
            let _ = write!(
                o,
                "<br><small>{}</small>",
                fill(t.recognised_count, &[&recognised, &existing])
            );
        }
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
                    let marks = crate::i18n::activity_marks(lang, a);
                    let marks = if marks.is_empty() {
                        marks
                    } else {
                        format!(" — <b>{}</b>", esc(&marks))
                    };
                    let _ = write!(o, "<li{class}>{mark} {}{provider}{marks}</li>", esc(&a.text));
                }
                o.push_str("</ul>");
            }
            o.push_str("</td>");
        }
        o.push_str("</tr>\n");
    }
    o.push_str("</tbody>\n</table>\n");
}
