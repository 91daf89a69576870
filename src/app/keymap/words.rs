//! The key map in words: which bindings the help and the hint line show now (only keys
//! that act here), and how a key and its meaning are written for people.

use super::*;

/// A binding's help line as this session's template says it: phases and sides, not themes
/// and levels, in the onderwijs–jeugdhulp matrix.
pub fn help_text(app: &App, b: &Binding) -> String {
    crate::i18n::in_template_words(app.lang, &app.session.template, (b.help)(app.lang.texts()))
}

/// The bindings that act now, for the hint line: those of [`help_lines`] whose message does
/// something in this state. The help lists every key of the pane; the hint line never offers
/// a key that would only answer "not now" (Space with no round open, a status key among the
/// agreements).
pub fn acting_lines(app: &App) -> Vec<&'static Binding> {
    help_lines(app).into_iter().filter(|b| acts(app, &b.msg)).collect()
}

/// Whether `msg` does something now: the context rules of the key map.
pub fn acts(app: &App, msg: &Msg) -> bool {
    use crate::app::panes::acties::ActiesList;
    let round = app.shown_round();
    let open = round.is_some_and(|r| r.is_open());
    let voting = open && app.voting.voter.is_some();
    let agreements = app.acties.list == ActiesList::Agreements;
    match (app.focus, &app.overlay, msg) {
        (_, Overlay::None, Msg::Undo) => app.history.steps() > 0,
        (Pane::Stemmen, Overlay::None, m) => match m {
            Msg::Dot | Msg::TakeBack | Msg::Digit(_) | Msg::VoidBallot => voting,
            Msg::Confirm => app.voting.digits.is_some(),
            Msg::NextVoter | Msg::PrevVoter | Msg::VoterWithDotsLeft | Msg::CloseRound => open,
            Msg::TogglePhones => open || app.phones.is_some(),
            Msg::NextAddress => app.phones.as_ref().is_some_and(|p| p.addresses.len() > 1),
            Msg::NewRound => !open,
            Msg::DecideTie => round.is_some_and(|r| r.undecided_tie().is_some()),
            Msg::ReopenRound => round.is_some_and(|r| !r.is_open()),
            Msg::Reveal => round.is_some_and(|r| r.secret),
            Msg::ToggleOrder => round.is_some(),
            Msg::BigTop => !app.session.focus_themes().is_empty(),
            _ => true,
        },
        (Pane::Acties, Overlay::None, m) => match m {
            Msg::CycleStatus
            | Msg::Sort
            | Msg::FilterOwner
            | Msg::FilterStatus
            | Msg::FilterTheme
            | Msg::ByOwner
            | Msg::ActionResult => !agreements && !app.session.actions.is_empty(),
            Msg::NextQuestion => agreements && !app.session.agreements.is_empty(),
            Msg::Edit | Msg::Remove => app.rows_in(Pane::Acties) > 0,
            _ => true,
        },
        (Pane::Matrix, Overlay::None, Msg::InbrengQueue) => !app.session.inbreng.is_empty(),
        // ← and → only where there is a column to go to.
        (Pane::Matrix, Overlay::None, Msg::Left) => app.matrix.col > 0,
        (Pane::Matrix, Overlay::None, Msg::Right) => {
            app.matrix.col + 1 < app.session.matrix.levels.len()
        }
        // ↓/↑ offer the matrix's needed activities only in a new action's untouched text.
        (_, Overlay::ActieForm(form), Msg::Down | Msg::Up) => {
            form.field == 0 && crate::app::dialogs::actie_form::suggests(app, form)
        }
        (_, Overlay::Inbreng(_), Msg::Merge) => {
            let queue = app.session.inbreng.in_order();
            let Overlay::Inbreng(d) = &app.overlay else { return true };
            queue.get(d.at).is_some_and(|i| app.session.inbreng_look_alike(i.id).is_some())
        }
        _ => true,
    }
}

/// The bindings to show in the help for the current contexts. With the help open, the keys
/// of what lies beneath it: the help's own keys are in its foot.
pub fn help_lines(app: &App) -> Vec<&'static Binding> {
    match app.overlay {
        Overlay::Help => match &app.help.beneath {
            Some(dialog) => {
                let mut contexts = super::overlay_contexts(app, dialog);
                contexts.push(super::help_context(&contexts));
                bindings_in(&contexts)
            }
            None => bindings_in(&[Context::Pane(app.focus), Context::Global]),
        },
        _ => bindings_in(&contexts(app)),
    }
}

/// The bindings of these contexts, in order.
pub fn bindings_in(contexts: &[Context]) -> Vec<&'static Binding> {
    contexts.iter().flat_map(|c| KEYMAP.iter().filter(move |b| b.context == *c)).collect()
}

/// Every key of a binding as people write them, each once: "Enter / e". The ten digits of
/// one binding are one label, "0–9".
pub fn key_labels(b: &Binding, t: &Texts) -> Vec<String> {
    if matches!(b.msg, Msg::Digit(_)) {
        return vec!["0–9".to_owned()];
    }
    let mut labels: Vec<String> = b.keys.iter().map(|k| key_label(k, t)).collect();
    labels.dedup();
    labels
}

/// A key as people write it: "Ctrl-S", "Tab", "↑", "Spatie"/"Space".
pub fn key_label(k: &Key, t: &Texts) -> String {
    let name = match k.code {
        KeyCode::Char(' ') => t.key_name_space.to_owned(),
        KeyCode::Char(c) => c.to_string(),
        KeyCode::Up => "↑".into(),
        KeyCode::Down => "↓".into(),
        KeyCode::Left => "←".into(),
        KeyCode::Right => "→".into(),
        KeyCode::Home => "Home".into(),
        KeyCode::End => "End".into(),
        KeyCode::PageUp => "PgUp".into(),
        KeyCode::PageDown => "PgDn".into(),
        KeyCode::Tab => "Tab".into(),
        KeyCode::BackTab => "Shift-Tab".into(),
        KeyCode::Enter => "Enter".into(),
        KeyCode::Esc => "Esc".into(),
        KeyCode::Insert => "Ins".into(),
        KeyCode::Delete => "Del".into(),
        KeyCode::F(n) => format!("F{n}"),
        other => format!("{other:?}"),
    };
    if k.mods.contains(KeyModifiers::CONTROL) {
        format!("Ctrl-{}", name.to_uppercase())
    } else {
        name
    }
}
