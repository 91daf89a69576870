//! The guide panel: what this step of the Preventiematrix is for, in the method's own words,
//! what to do now (no round yet → how to start one; a cell open → how to fill it), and the two
//! or three keys that do it. The keys are looked up in the one key map, so the guide names the
//! key that really acts, and leaves out one that no longer exists.

use super::keymap::{Context, KEYMAP, key_label};
use super::{ActiesList, App, Msg, Overlay, Pane, Step};
use crate::i18n::{Texts, fill};

/// One key the guide names: its label and what it does in this situation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GuideKey {
    /// The key as the key map labels it: "n", "Enter", "Spatie".
    pub key: String,
    /// What it does here, in a few words.
    pub what: String,
}

/// What the guide says now.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Guide {
    /// "Stap 2 · Inventariseren".
    pub title: String,
    /// The step's question in a few words, for the one-line guide.
    pub short: &'static str,
    /// What the step is for, in the seeds' words.
    pub purpose: &'static str,
    /// What to do now, in this situation.
    pub now: String,
    /// The keys that do it, most important first.
    pub keys: Vec<GuideKey>,
}

/// The step's name.
pub fn step_name(t: &Texts, step: Step) -> &'static str {
    [t.step_1, t.step_2, t.step_3, t.step_4][step.number() - 1]
}

/// The guide for the app as it is now.
pub fn guide(app: &App) -> Guide {
    let t = app.lang.texts();
    let step = app.step;
    let (short, purpose) = match step {
        Step::Prioriteren => (t.guide_step_1_short, t.guide_step_1),
        Step::Inventariseren => (t.guide_step_2_short, t.guide_step_2),
        Step::Aanpak => (t.guide_step_3_short, t.guide_step_3),
        Step::Regie => (t.guide_step_4_short, t.guide_step_4),
    };
    let title = fill(t.guide_title, &[&step.number(), &step_name(t, step)]);
    let (now, keys) = situation(app, t);
    let keys = keys
        .into_iter()
        .filter_map(|(context, msg, what)| {
            let binding = KEYMAP.iter().find(|b| b.context == context && b.msg == msg)?;
            Some(GuideKey { key: key_label(&binding.keys[0], t), what })
        })
        .collect();
    Guide { title, short, purpose, now, keys }
}

type Wanted = (Context, Msg, String);

/// What to do now and the keys that do it: (context, message, what it does here).
fn situation(app: &App, t: &Texts) -> (String, Vec<Wanted>) {
    let own = |s: &str| s.to_owned();
    let next = (Context::Global, Msg::NextStep, own(t.gk_next_step));
    let pane = |p: Pane| Context::Pane(p);
    match &app.overlay {
        Overlay::None | Overlay::Help => {}
        Overlay::Cell(super::CellEditor { form: Some(f), .. }) if f.editing.is_none() => {
            return (
                own(t.guide_cell),
                vec![
                    (Context::CellLine, Msg::Confirm, own(t.gk_cell_line_add)),
                    (Context::CellLine, Msg::NextField, own(t.gk_cell_line_provider)),
                    (Context::CellLine, Msg::ToggleNeeded, own(t.gk_cell_line_needed)),
                ],
            );
        }
        Overlay::Cell(super::CellEditor { form: Some(_), .. }) => {
            return (
                own(t.guide_cell),
                vec![
                    (Context::Form, Msg::NextField, own(t.gk_next_field)),
                    (Context::Form, Msg::Confirm, own(t.gk_save)),
                    (Context::Form, Msg::Close, own(t.gk_back)),
                ],
            );
        }
        Overlay::Cell(_) => {
            return (
                own(t.guide_cell),
                vec![
                    (Context::Cell, Msg::Add, own(t.gk_add_activity)),
                    (Context::Cell, Msg::Toggle, own(t.gk_toggle_activity)),
                    (Context::Cell, Msg::Close, own(t.gk_back)),
                ],
            );
        }
        Overlay::ActieForm(_) | Overlay::Details(_) | Overlay::Ambition(_) => {
            return (
                own(t.guide_form),
                vec![
                    (Context::Form, Msg::NextField, own(t.gk_next_field)),
                    (Context::Form, Msg::Confirm, own(t.gk_save)),
                    (Context::Form, Msg::Close, own(t.gk_back)),
                ],
            );
        }
        Overlay::RoundSetup(_) => {
            return (
                own(t.guide_round_setup),
                vec![
                    (Context::RoundSetup, Msg::Confirm, own(t.gk_start_round)),
                    (Context::RoundSetup, Msg::Close, own(t.gk_back)),
                ],
            );
        }
        Overlay::Participants(_)
        | Overlay::TextField(_)
        | Overlay::Tie(_)
        | Overlay::ConfirmReopen(_)
        | Overlay::TopThree
        | Overlay::ConfirmRemove(_)
        | Overlay::Review(_)
        | Overlay::Recovery(_)
        | Overlay::YearAfter
        | Overlay::Inspiratie(_)
        | Overlay::Inbreng(_)
        | Overlay::Notice { .. }
        | Overlay::Unsaved(_) => {
            return (
                own(t.guide_dialog),
                vec![(Context::Global, Msg::ToggleHelp, own(t.gk_all_keys))],
            );
        }
    }
    let step_pane = app.step.pane();
    if app.focus != step_pane && !(app.step == Step::Regie && app.focus == Pane::Acties) {
        let name = match step_pane {
            Pane::Stemmen => t.pane_stemmen,
            Pane::Matrix => t.pane_matrix,
            Pane::Acties => t.pane_acties,
        };
        // Tab goes forward through the panes, Shift-Tab back: name the shorter way.
        let forward = app.focus.next() == step_pane;
        let msg = if forward { Msg::FocusNext } else { Msg::FocusPrev };
        return (
            fill(t.guide_other_pane, &[&name]),
            vec![(Context::Global, msg, fill(t.gk_to_pane, &[&name])), next],
        );
    }
    match app.step {
        Step::Prioriteren => match app.shown_round() {
            None => (
                own(t.guide_no_round),
                vec![
                    (pane(Pane::Stemmen), Msg::NewRound, own(t.gk_new_round)),
                    (Context::Global, Msg::Participants, own(t.gk_participants)),
                    next,
                ],
            ),
            Some(round) if round.is_open() => (
                own(t.guide_round_open),
                vec![
                    (pane(Pane::Stemmen), Msg::Dot, own(t.gk_dot)),
                    (pane(Pane::Stemmen), Msg::TogglePhones, own(t.gk_phones)),
                    (pane(Pane::Stemmen), Msg::CloseRound, own(t.gk_close_round)),
                ],
            ),
            Some(_) => (
                own(t.guide_round_closed),
                vec![
                    (pane(Pane::Stemmen), Msg::BigTop, own(t.gk_big_top)),
                    next,
                    (pane(Pane::Stemmen), Msg::NewRound, own(t.gk_new_round)),
                ],
            ),
        },
        // Something sent in from phones waits: taking it in comes first.
        Step::Inventariseren if !app.session.inbreng.is_empty() => (
            own(t.guide_matrix),
            vec![
                (pane(Pane::Matrix), Msg::InbrengQueue, own(t.gk_inbreng_queue)),
                (pane(Pane::Matrix), Msg::Edit, own(t.gk_open_cell)),
                next,
            ],
        ),
        Step::Inventariseren => (
            own(t.guide_matrix),
            vec![
                (pane(Pane::Matrix), Msg::Edit, own(t.gk_open_cell)),
                (pane(Pane::Matrix), Msg::TogglePhones, own(t.gk_phones_inbreng)),
                next,
            ],
        ),
        Step::Aanpak if app.session.focus_themes().is_empty() => {
            (own(t.guide_no_top), vec![(Context::Global, Msg::PrevStep, own(t.gk_prev_step))])
        }
        Step::Aanpak => (
            own(t.guide_actions),
            vec![
                (pane(Pane::Acties), Msg::Add, own(t.gk_add_action)),
                (pane(Pane::Acties), Msg::Edit, own(t.gk_edit)),
                next,
            ],
        ),
        Step::Regie => match app.acties.list {
            ActiesList::Actions => (
                own(t.guide_agreements_hidden),
                vec![
                    (pane(Pane::Acties), Msg::ToggleAgreements, own(t.gk_agreements)),
                    (Context::Global, Msg::Export, own(t.gk_export)),
                ],
            ),
            ActiesList::Agreements => (
                own(t.guide_agreements),
                vec![
                    (pane(Pane::Acties), Msg::Add, own(t.gk_add_agreement)),
                    (pane(Pane::Acties), Msg::Edit, own(t.gk_edit)),
                    (Context::Global, Msg::Export, own(t.gk_export)),
                ],
            ),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

    #[test]
    fn every_key_the_guide_names_is_in_the_key_map() {
        // Every situation's keys resolve: none is silently dropped because the key map lost it.
        let t = Lang::Nl.texts();
        let session = crate::model::Session::new(
            "Proef",
            &crate::model::template::PREVENTIEMATRIX,
            jiff::Timestamp::UNIX_EPOCH,
        );
        let mut app = App::new(session, std::path::PathBuf::from("proef.json"), Lang::Nl);
        for step in Step::ALL {
            app.step = step;
            app.focus = step.pane();
            for list in [ActiesList::Actions, ActiesList::Agreements] {
                app.acties.list = list;
                let (_, wanted) = situation(&app, t);
                assert_eq!(guide(&app).keys.len(), wanted.len(), "{step:?}");
            }
        }
    }
}
