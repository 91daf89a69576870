//! What each section of the regional overview lists: the columns, the rows with their counts,
//! and the details of the selected row, in the interface's language.

use super::*;

/// The selected section as a table: its header, column widths, rows (a label and its
/// counts) and the selected row's details.
pub(super) fn section_table(v: &OverzichtView, width: usize) -> Table {
    let t = v.lang.texts();
    let o = &v.overview;
    let s = &v.scan.sessions;
    let n = |x: usize| x.to_string();
    let wide = width >= 110;
    match v.section {
        Section::Top => {
            let widths = vec![8];
            let rows = o.top.iter().map(|r| (r.theme.clone(), vec![n(r.sessions.len())])).collect();
            let details = o
                .top
                .get(v.selected())
                .map(|r| {
                    vec![
                        fill(
                            t.ovz_by_gemeente,
                            &[&counts_text(&r.by_gemeente, |k| k.clone(), v.lang)],
                        ),
                        fill(t.ovz_by_wijk, &[&counts_text(&r.by_wijk, |k| k.clone(), v.lang)]),
                        fill(
                            t.ovz_by_type,
                            &[&counts_text(
                                &r.by_type,
                                |k| k.map_or(String::new(), |k| k.key().to_owned()),
                                v.lang,
                            )],
                        ),
                        schools_text(s, &r.sessions, v.lang),
                    ]
                })
                .unwrap_or_default();
            (vec![t.ovz_col_theme.to_owned(), t.ovz_col_sessions.to_owned()], widths, rows, details)
        }
        Section::Gaps => {
            let level_w = if wide { 16 } else { 11 };
            let widths = vec![level_w, 6, if wide { 15 } else { 7 }];
            let rows = o
                .gaps
                .iter()
                .map(|g| {
                    (g.theme.clone(), vec![g.level.clone(), n(g.needed.len()), n(g.nothing.len())])
                })
                .collect();
            let details = o
                .gaps
                .get(v.selected())
                .map(|g| {
                    vec![
                        format!("{} · {}", g.theme, g.level),
                        format!(
                            "{} {} · {} {}",
                            t.ovz_col_needed,
                            g.needed.len(),
                            t.ovz_col_nothing,
                            g.nothing.len()
                        ),
                        schools_text(s, &g.sessions, v.lang),
                    ]
                })
                .unwrap_or_default();
            let nothing = if wide { t.ovz_col_nothing } else { "∅" };
            (
                vec![
                    t.ovz_col_theme.to_owned(),
                    t.ovz_col_level.to_owned(),
                    t.ovz_col_needed.to_owned(),
                    nothing.to_owned(),
                ],
                widths,
                rows,
                details,
            )
        }
        Section::Providers => {
            let widths = vec![10, 9];
            let rows = o
                .providers
                .iter()
                .map(|p| {
                    let name = if p.also.is_empty() {
                        p.name.clone()
                    } else {
                        format!("{} (+{})", p.name, p.also.len())
                    };
                    (name, vec![n(p.runs.len()), n(p.asked.len())])
                })
                .collect();
            let details = o
                .providers
                .get(v.selected())
                .map(|p| {
                    let mut d = Vec::new();
                    if !p.also.is_empty() {
                        d.push(fill(t.ovz_also_written, &[&p.also.join(", ")]));
                    }
                    d.push(fill(t.ovz_themes, &[&p.themes.join(", ")]));
                    d.push(schools_text(s, &p.sessions, v.lang));
                    d
                })
                .unwrap_or_default();
            (
                vec![
                    t.ovz_col_provider.to_owned(),
                    t.ovz_col_runs.to_owned(),
                    t.ovz_col_asked.to_owned(),
                ],
                widths,
                rows,
                details,
            )
        }
        Section::Follow => {
            let widths = vec![
                if wide { 12 } else { 5 },
                8,
                if wide { 46 } else { 17 },
                if wide { 19 } else { 15 },
            ];
            let rows = o
                .follow
                .iter()
                .map(|f| {
                    let last = if wide {
                        date_text(v.lang, f.last)
                    } else {
                        f.last.strftime("%d-%m-%Y").to_string()
                    };
                    let last = if f.stale { format!("⚠ {last}") } else { last };
                    let last =
                        if f.stale && wide { format!("{last} {}", t.ovz_stale) } else { last };
                    let indicators = if f.reached + f.closer + f.not_yet == 0 {
                        "–".to_owned()
                    } else {
                        fill(t.ovz_progress_short, &[&f.reached, &f.closer, &f.not_yet])
                    };
                    (f.school.clone(), vec![n(f.open), n(f.overdue), last, indicators])
                })
                .collect();
            let details = o
                .follow
                .get(v.selected())
                .map(|f| {
                    let mut d = vec![format!(
                        "{} · {} {}",
                        f.school,
                        t.ovz_col_last,
                        date_text(v.lang, f.last)
                    )];
                    if f.stale {
                        d.push(format!("⚠ {}", t.ovz_stale));
                    }
                    d.push(format!(
                        "{} {} · {} {}",
                        t.ovz_col_open, f.open, t.ovz_col_overdue, f.overdue
                    ));
                    if f.reached + f.closer + f.not_yet > 0 {
                        d.push(fill(t.ovz_progress, &[&f.reached, &f.closer, &f.not_yet]));
                    }
                    d
                })
                .unwrap_or_default();
            let open = if wide { t.ovz_col_open } else { "Open" };
            (
                vec![
                    t.ovz_col_school.to_owned(),
                    open.to_owned(),
                    t.ovz_col_overdue.to_owned(),
                    t.ovz_col_last.to_owned(),
                    t.ovz_col_indicators.to_owned(),
                ],
                widths,
                rows,
                details,
            )
        }
        Section::Interventions => {
            let widths = vec![if wide { 37 } else { 8 }, 9, 8, 7];
            let rows = o
                .interventions
                .iter()
                .map(|r| {
                    let rating = match (r.recognition, wide) {
                        (Some(x), true) => recognition_text(v.lang, x).to_owned(),
                        (Some(x), false) => x.marker().to_owned(),
                        (None, true) => t.ovz_not_rated.to_owned(),
                        (None, false) => "–".to_owned(),
                    };
                    let stop = if r.stop.is_empty() {
                        "–".to_owned()
                    } else {
                        format!("⊘ {}", r.stop.len())
                    };
                    (r.name.clone(), vec![rating, n(r.runs.len()), n(r.asked.len()), stop])
                })
                .collect();
            let details = o
                .interventions
                .get(v.selected())
                .map(|r| {
                    let rating =
                        r.recognition.map_or(t.ovz_not_rated, |x| recognition_text(v.lang, x));
                    let mut d = vec![
                        format!("{} · {}", r.name, fill(t.ovz_rating, &[&rating])),
                        fill(t.ovz_runs_at, &[&r.run_schools, &r.runs.len(), &r.asked.len()]),
                        format!(
                            "{} · {}",
                            fill(
                                t.ovz_by_gemeente,
                                &[&counts_text(&r.by_gemeente, |k| k.clone(), v.lang)],
                            ),
                            fill(
                                t.ovz_by_type,
                                &[&counts_text(
                                    &r.by_type,
                                    |k| k.map_or(String::new(), |k| k.key().to_owned()),
                                    v.lang,
                                )],
                            )
                        ),
                    ];
                    if !r.stop.is_empty() {
                        d.push(format!(
                            "⊘ {}",
                            fill(t.ovz_stop_at, &[&schools_text(s, &r.stop, v.lang)])
                        ));
                    }
                    d.push(fill(t.ovz_by_wijk, &[&counts_text(&r.by_wijk, |k| k.clone(), v.lang)]));
                    d.push(schools_text(s, &r.sessions, v.lang));
                    d
                })
                .unwrap_or_default();
            (
                vec![
                    t.ovz_col_intervention.to_owned(),
                    t.ovz_col_rating.to_owned(),
                    t.ovz_col_runs.to_owned(),
                    t.ovz_col_asked.to_owned(),
                    t.ovz_col_stop.to_owned(),
                ],
                widths,
                rows,
                details,
            )
        }
        Section::Unread => {
            let rows = v
                .scan
                .unread
                .iter()
                .map(|u| {
                    let shown = u.path.strip_prefix(&v.scan.dir).unwrap_or(&u.path);
                    (shown.display().to_string(), vec![])
                })
                .collect();
            let details =
                v.scan.unread.get(v.selected()).map(|u| vec![u.reason.clone()]).unwrap_or_default();
            (vec![t.ovz_col_file.to_owned()], vec![], rows, details)
        }
    }
}
