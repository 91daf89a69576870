//! The overview as one printable HTML page, in the style of the session report, with the
//! filters named at the top.

use super::*;

const STYLE: &str = "
body { font-family: system-ui, 'Segoe UI', Arial, sans-serif; color: #111; margin: 2rem auto; max-width: 60rem; line-height: 1.4; padding: 0 1rem; }
h1 { font-size: 1.7rem; margin-bottom: .3rem; }
h2 { border-bottom: 2px solid #111; padding-bottom: .2rem; margin-top: 1.6rem; }
h1, h2 { break-after: avoid; page-break-after: avoid; }
table { border-collapse: collapse; width: 100%; margin: .3rem 0 .8rem; }
thead { display: table-header-group; }
tr, li { break-inside: avoid; page-break-inside: avoid; }
th, td { border: 1px solid #777; padding: .25rem .45rem; text-align: left; vertical-align: top; }
th { background: #e6e6e6; }
td.n { text-align: right; width: 5rem; }
.filters { border: 2px solid #111; padding: .3rem .6rem; font-weight: bold; }
.meta { color: #333; }
.schools { color: #333; font-size: .9em; }
.stale { border: 2px dashed #111; padding: 0 .2rem; font-weight: bold; }
footer { border-top: 1px solid #777; margin-top: 2rem; padding-top: .4rem; color: #333; }
@page { size: A4; margin: 14mm; }
@media print { body { margin: 0; max-width: none; font-size: 10pt; padding: 0; } th { -webkit-print-color-adjust: exact; print-color-adjust: exact; } }
";

/// The printable page: filters at the top, one table per section, the privacy note at the foot.
pub fn html(r: &Report) -> String {
    let t = r.lang.texts();
    let o = r.overview;
    let s = &r.scan.sessions;
    let mut h = String::new();
    let _ = writeln!(h, "{}", crate::html::page_start(r.lang, t.ovz_title, STYLE));
    let _ = writeln!(h, "<h1>{}</h1>", esc(t.ovz_title));
    let _ = writeln!(
        h,
        "<p class=\"filters\" id=\"filters\">{}</p>",
        esc(&fill(t.ovz_filters, &[&r.filter.describe(r.lang)]))
    );
    let _ = writeln!(
        h,
        "<p class=\"meta\">{} · {}</p>",
        esc(&fill(t.ovz_shown, &[&o.shown.len(), &s.len()])),
        esc(&made(r))
    );
    let schools = |list: &[usize]| {
        format!("<div class=\"schools\">{}</div>", esc(&schools_text(s, list, r.lang)))
    };

    let _ = writeln!(
        h,
        "<h2 id=\"top\">{}</h2>\n<table>\n<thead><tr><th>{}</th><th>{}</th><th>{} / {}</th></tr></thead>\n<tbody>",
        esc(t.ovz_tab_top),
        esc(t.ovz_col_theme),
        esc(t.ovz_col_sessions),
        esc(t.details_gemeente),
        esc(t.details_school_type)
    );
    for row in &o.top {
        let _ = writeln!(
            h,
            "<tr><td>{}{}</td><td class=\"n\">{}</td><td>{}<br>{}</td></tr>",
            esc(&row.theme),
            schools(&row.sessions),
            row.sessions.len(),
            esc(&fill(t.ovz_by_gemeente, &[&counts_text(&row.by_gemeente, |k| k.clone(), r.lang)])),
            esc(&fill(
                t.ovz_by_type,
                &[&counts_text(
                    &row.by_type,
                    |k| k.map_or(String::new(), |k| k.key().to_owned()),
                    r.lang
                )]
            ))
        );
    }
    h.push_str("</tbody>\n</table>\n");

    let _ = writeln!(
        h,
        "<h2 id=\"gaps\">{}</h2>\n<table>\n<thead><tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr></thead>\n<tbody>",
        esc(t.ovz_tab_gaps),
        esc(t.ovz_col_theme),
        esc(t.ovz_col_level),
        esc(t.ovz_col_needed),
        esc(t.ovz_col_nothing)
    );
    for g in &o.gaps {
        let _ = writeln!(
            h,
            "<tr><td>{}{}</td><td>{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td></tr>",
            esc(&g.theme),
            schools(&g.sessions),
            esc(&g.level),
            g.needed.len(),
            g.nothing.len()
        );
    }
    h.push_str("</tbody>\n</table>\n");

    let _ = writeln!(
        h,
        "<h2 id=\"providers\">{}</h2>\n<table>\n<thead><tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr></thead>\n<tbody>",
        esc(t.ovz_tab_providers),
        esc(t.ovz_col_provider),
        esc(t.ovz_col_runs),
        esc(t.ovz_col_asked),
        esc(t.ovz_col_theme)
    );
    for p in &o.providers {
        let also = if p.also.is_empty() {
            String::new()
        } else {
            format!(
                "<div class=\"schools\">{}</div>",
                esc(&fill(t.ovz_also_written, &[&p.also.join(", ")]))
            )
        };
        let _ = writeln!(
            h,
            "<tr><td>{}{also}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td>{}</td></tr>",
            esc(&p.name),
            p.runs.len(),
            p.asked.len(),
            esc(&p.themes.join(", "))
        );
    }
    h.push_str("</tbody>\n</table>\n");

    let _ = writeln!(
        h,
        "<h2 id=\"follow\">{}</h2>\n<table>\n<thead><tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr></thead>\n<tbody>",
        esc(t.ovz_tab_follow),
        esc(t.ovz_col_school),
        esc(t.ovz_col_open),
        esc(t.ovz_col_overdue),
        esc(t.ovz_col_last),
        esc(t.ovz_col_indicators)
    );
    for f in &o.follow {
        let stale = if f.stale {
            format!(" <span class=\"stale\">⚠ {}</span>", esc(t.ovz_stale))
        } else {
            String::new()
        };
        let _ = writeln!(
            h,
            "<tr><td>{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td>{}{stale}</td><td>{}</td></tr>",
            esc(&f.school),
            f.open,
            f.overdue,
            esc(&date_or_unknown(r, f.last)),
            esc(&progress_short(r, f))
        );
    }
    h.push_str("</tbody>\n</table>\n");
    if !o.progress.is_empty() {
        let _ = writeln!(
            h,
            "<h3 id=\"progress\">{}</h3>\n<table>\n<thead><tr><th>{}</th><th>{}</th></tr></thead>\n<tbody>",
            esc(t.ovz_progress_theme),
            esc(t.ovz_col_theme),
            esc(t.ovz_col_indicators)
        );
        for p in &o.progress {
            let _ = writeln!(
                h,
                "<tr><td>{}{}</td><td>{}</td></tr>",
                esc(&p.theme),
                schools(&p.sessions),
                esc(&fill(t.ovz_progress, &[&p.reached, &p.closer, &p.not_yet]))
            );
        }
        h.push_str("</tbody>\n</table>\n");
    }

    let _ = writeln!(
        h,
        "<h2 id=\"interventions\">{}</h2>\n<table>\n<thead><tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr></thead>\n<tbody>",
        esc(t.ovz_tab_interventions),
        esc(t.ovz_col_intervention),
        esc(t.ovz_col_rating),
        esc(t.ovz_col_runs),
        esc(t.ovz_col_asked),
        esc(t.ovz_col_stop)
    );
    for row in &o.interventions {
        let stop = stop_text(r, row);
        let stop = if stop.is_empty() {
            String::new()
        } else {
            format!("<div class=\"schools\">{}</div>", esc(&stop))
        };
        let _ = writeln!(
            h,
            "<tr><td>{}{}<div class=\"schools\">{}</div>{stop}</td><td>{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td></tr>",
            esc(&row.name),
            schools(&row.sessions),
            esc(&where_text(r, row)),
            esc(rating(r, row)),
            row.runs.len(),
            row.asked.len(),
            row.stop.len()
        );
    }
    h.push_str("</tbody>\n</table>\n");

    if !r.scan.unread.is_empty() {
        let _ = writeln!(
            h,
            "<h2 id=\"unread\">{}</h2>\n<p>{}</p>\n<ul>",
            esc(&fill(t.ovz_tab_unread, &[&r.scan.unread.len()])),
            esc(&fill(t.ovz_unread_note, &[&r.scan.unread.len()]))
        );
        for u in &r.scan.unread {
            let _ = writeln!(h, "<li>{}</li>", esc(&u.reason).replace('\n', "<br>"));
        }
        h.push_str("</ul>\n");
    }
    let _ = writeln!(h, "<footer id=\"privacy\">{}</footer>\n</body>\n</html>", esc(t.ovz_privacy));
    h
}
