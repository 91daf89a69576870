//! `knoop spiekbrief`: a cheat sheet on one A4 page, for the facilitator who prepares on paper.
//! The four steps of the Preventiematrix with what each asks of the group (the guide's words),
//! then every key of knoop, grouped by where it acts, generated from the one key map
//! ([`crate::app::keymap::KEYMAP`]), so the sheet is never out of date. Self-contained HTML in
//! the report's style: no scripts, no links, no pictures; print it from any browser.

use std::fmt::Write as _;

use crate::app::keymap::{Binding, Context, KEYMAP, key_label, key_labels};
use crate::app::{Msg, Pane, Step, step_name};
use crate::html::escape as esc;
use crate::i18n::{Lang, Texts, fill};

const STYLE: &str = "
body { font-family: system-ui, 'Segoe UI', Arial, sans-serif; color: #111; margin: 1.5rem auto; max-width: 64rem; line-height: 1.25; padding: 0 1rem; font-size: 10pt; }
h1 { font-size: 1.35rem; margin: 0 0 .2rem; }
h2 { font-size: .95rem; border-bottom: 2px solid #111; margin: 0 0 .2rem; padding-bottom: .1rem; }
h3 { font-size: .85rem; margin: .35rem 0 .1rem; border-bottom: 1px solid #777; break-after: avoid; page-break-after: avoid; }
p { margin: .1rem 0 .3rem; }
.steps { display: grid; grid-template-columns: repeat(4, 1fr); gap: .5rem; margin: .4rem 0; }
.steps section { border-left: 5px solid #111; padding: 0 .4rem; }
.asks b { display: block; }
.keys { column-count: 3; column-gap: 1rem; }
.keys section { break-inside: avoid-column; }
table { border-collapse: collapse; width: 100%; }
tr { break-inside: avoid; page-break-inside: avoid; }
td { padding: 0 .2rem .05rem 0; vertical-align: top; }
td.k { white-space: nowrap; width: 1%; }
kbd { font-family: ui-monospace, 'DejaVu Sans Mono', Consolas, monospace; border: 1px solid #777; border-radius: 2px; padding: 0 .15rem; font-size: .9em; }
.foot { color: #333; margin-top: .4rem; }
@page { size: A4; margin: 9mm 10mm; }
@media print { body { margin: 0; max-width: none; padding: 0; font-size: 6.5pt; } .keys { column-count: 4; column-gap: .7rem; } h3 { margin-top: .2rem; } }
";

/// Where a group of keys acts, as the sheet names it.
fn context_name(t: &Texts, context: Context) -> String {
    let pane = |p: Pane, step: &str| {
        let name = match p {
            Pane::Stemmen => t.pane_stemmen,
            Pane::Matrix => t.pane_matrix,
            Pane::Acties => t.pane_acties,
        };
        format!("{name} ({step})")
    };
    match context {
        Context::Global => t.sb_ctx_global.to_owned(),
        Context::Pane(Pane::Stemmen) => pane(Pane::Stemmen, &step_label(t, Step::Prioriteren)),
        Context::Pane(Pane::Matrix) => pane(Pane::Matrix, &step_label(t, Step::Inventariseren)),
        Context::Pane(Pane::Acties) => {
            let both = format!("{}, {}", step_label(t, Step::Aanpak), step_label(t, Step::Regie));
            pane(Pane::Acties, &both)
        }
        Context::Participants => t.sb_ctx_participants.to_owned(),
        Context::Form => t.sb_ctx_form.to_owned(),
        Context::Question => t.sb_ctx_question.to_owned(),
        Context::Picker => t.sb_ctx_picker.to_owned(),
        Context::NewSession => t.sb_ctx_new_session.to_owned(),
        Context::RoundSetup => t.sb_ctx_round_setup.to_owned(),
        Context::Tie => t.sb_ctx_tie.to_owned(),
        Context::TiePick => t.sb_ctx_tie_pick.to_owned(),
        Context::BigView => t.sb_ctx_big_view.to_owned(),
        Context::Cell | Context::CellLine => t.sb_ctx_cell.to_owned(),
        Context::ActieForm => t.sb_ctx_form.to_owned(),
        Context::Review => t.sb_ctx_review.to_owned(),
        Context::Help => t.sb_ctx_help.to_owned(),
        Context::HelpSearch => t.sb_ctx_help_search.to_owned(),
        Context::Notice => t.sb_ctx_notice.to_owned(),
        Context::Unsaved => t.sb_ctx_unsaved.to_owned(),
        Context::Overzicht => t.sb_ctx_overzicht.to_owned(),
        Context::OverzichtBehind => t.sb_ctx_overzicht_behind.to_owned(),
        Context::Inspiratie => t.sb_ctx_inspiratie.to_owned(),
        Context::Inbreng => t.sb_ctx_inbreng.to_owned(),
        Context::DialogHelp | Context::FormHelp => t.sb_ctx_global.to_owned(),
    }
}

fn step_label(t: &Texts, step: Step) -> String {
    fill(t.guide_title, &[&step.number(), &step_name(t, step)])
}

/// The contexts in the order the sheet lists them: the panes of the four steps and their
/// dialogs first, the keys that work everywhere after, then the rest as the key map has them.
fn contexts_in_order() -> Vec<Context> {
    let mut order = vec![
        Context::Pane(Pane::Stemmen),
        Context::RoundSetup,
        Context::Tie,
        Context::TiePick,
        Context::BigView,
        Context::Pane(Pane::Matrix),
        Context::CellLine,
        Context::Cell,
        Context::Pane(Pane::Acties),
        Context::Form,
        Context::Global,
        Context::Participants,
        Context::Question,
        Context::Review,
        Context::Picker,
        Context::NewSession,
    ];
    // A context added to the key map later still gets its place on the sheet. The help's own
    // keys are not: `?` and F1 are among the keys that work everywhere, and the open help
    // lists its keys in its foot; a page of paper has no room to say it twice.
    let in_the_help = [Context::DialogHelp, Context::FormHelp, Context::Help, Context::HelpSearch];
    for b in KEYMAP {
        if !order.contains(&b.context) && !in_the_help.contains(&b.context) {
            order.push(b.context);
        }
    }
    order
}

/// A binding's keys as `<kbd>` labels, each label once.
fn keys_html(t: &Texts, b: &Binding) -> String {
    key_labels(b, t).iter().map(|l| format!("<kbd>{}</kbd>", esc(l))).collect::<Vec<_>>().join(" ")
}

/// The cheat sheet in `lang`, as one self-contained HTML page.
pub fn render(lang: Lang) -> String {
    let t = lang.texts();
    let mut o = String::new();
    let _ = writeln!(o, "{}", crate::html::page_start(lang, t.sb_title, STYLE));
    // The keys the introduction names, from the key map like the rest of the sheet.
    let global = |msg: Msg| {
        KEYMAP
            .iter()
            .find(|b| b.context == Context::Global && b.msg == msg)
            .map_or_else(String::new, |b| format!("<kbd>{}</kbd>", esc(&key_label(&b.keys[0], t))))
    };
    let intro = fill(
        &esc(t.sb_intro),
        &[
            &global(Msg::FocusNext),
            &global(Msg::NextStep),
            &global(Msg::ToggleGuide),
            &global(Msg::ToggleHelp),
        ],
    );
    let _ = writeln!(o, "<h1>{}</h1>\n<p>{intro}</p>", esc(t.sb_title));
    let _ = writeln!(o, "<div class=\"steps\">");
    for step in Step::ALL {
        let purpose =
            [t.guide_step_1, t.guide_step_2, t.guide_step_3, t.guide_step_4][step.number() - 1];
        let _ = writeln!(
            o,
            "<section><h2>{}</h2><p class=\"asks\"><b>{}</b>{}</p></section>",
            esc(&step_label(t, step)),
            esc(t.sb_asks),
            esc(purpose)
        );
    }
    let _ = writeln!(o, "</div>\n<div class=\"keys\">");
    // The same keys with the same meaning (the arrows in every list) are listed once.
    let mut listed: Vec<(String, &str)> = Vec::new();
    for context in contexts_in_order() {
        let mut rows = String::new();
        for b in KEYMAP.iter().filter(|b| b.context == context) {
            let keys = keys_html(t, b);
            let help = (b.help)(t);
            if listed.iter().any(|(k, h)| *k == keys && *h == help) {
                continue;
            }
            let _ = writeln!(rows, "<tr><td class=\"k\">{keys}</td><td>{}</td></tr>", esc(help));
            listed.push((keys, help));
        }
        if !rows.is_empty() {
            let _ = writeln!(
                o,
                "<section><h3>{}</h3><table>\n{rows}</table></section>",
                esc(&context_name(t, context))
            );
        }
    }
    let _ = writeln!(o, "</div>\n<p class=\"foot\">{}</p>\n</body>\n</html>", esc(t.sb_footer));
    o
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_context_has_a_name_in_both_languages() {
        for lang in [Lang::Nl, Lang::En] {
            for c in contexts_in_order() {
                assert!(!context_name(lang.texts(), c).is_empty());
            }
        }
    }
}
