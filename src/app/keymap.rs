//! The one key map: which key does what, where. Key handling and the `?` help overlay both read
//! this table, so the help can never be out of date.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};
use tui_input::backend::crossterm::to_input_request;

use super::{Action, App, Overlay, Pane, ParticipantsDialog};
use crate::i18n::Texts;

/// Where a binding applies.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Context {
    /// Everywhere outside dialogs.
    Global,
    /// When this pane has the focus.
    Pane(Pane),
    /// In the participants list.
    Participants,
    /// In a form with text fields: other keys type text.
    Form,
    /// While a yes/no question is asked.
    Question,
    /// The session picker's list.
    Picker,
    /// The picker's new-session form: a template to choose and a title to type.
    NewSession,
}

/// A key with its modifiers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Key {
    /// The key.
    pub code: KeyCode,
    /// Ctrl, Alt, Shift.
    pub mods: KeyModifiers,
}

const fn key(c: char) -> Key {
    Key {
        code: KeyCode::Char(c),
        mods: KeyModifiers::NONE,
    }
}

const fn ctrl(c: char) -> Key {
    Key {
        code: KeyCode::Char(c),
        mods: KeyModifiers::CONTROL,
    }
}

const fn code(code: KeyCode) -> Key {
    Key {
        code,
        mods: KeyModifiers::NONE,
    }
}

/// One line of the key map.
pub struct Binding {
    /// The keys, the first one shown first in the help.
    pub keys: &'static [Key],
    /// What they do.
    pub action: Action,
    /// Where.
    pub context: Context,
    /// The help text, in the interface language.
    pub help: fn(&Texts) -> &'static str,
}

use Context::{Form, Global, Participants, Question};

/// Every key of knoop.
pub static KEYMAP: &[Binding] = &[
    Binding {
        keys: &[key('?'), code(KeyCode::F(1))],
        action: Action::ToggleHelp,
        context: Global,
        help: |t| t.key_help,
    },
    Binding {
        keys: &[key('q')],
        action: Action::Quit,
        context: Global,
        help: |t| t.key_quit,
    },
    Binding {
        keys: &[ctrl('s')],
        action: Action::Save,
        context: Global,
        help: |t| t.key_save,
    },
    Binding {
        keys: &[key('u'), ctrl('z')],
        action: Action::Undo,
        context: Global,
        help: |t| t.key_undo,
    },
    Binding {
        keys: &[ctrl('y'), ctrl('r')],
        action: Action::Redo,
        context: Global,
        help: |t| t.key_redo,
    },
    Binding {
        keys: &[code(KeyCode::Tab)],
        action: Action::FocusNext,
        context: Global,
        help: |t| t.key_focus_next,
    },
    Binding {
        keys: &[
            Key {
                code: KeyCode::BackTab,
                mods: KeyModifiers::SHIFT,
            },
            code(KeyCode::BackTab),
        ],
        action: Action::FocusPrev,
        context: Global,
        help: |t| t.key_focus_prev,
    },
    Binding {
        keys: &[key('z')],
        action: Action::ToggleZoom,
        context: Global,
        help: |t| t.key_zoom,
    },
    Binding {
        keys: &[code(KeyCode::Esc)],
        action: Action::Close,
        context: Global,
        help: |t| t.key_close,
    },
    Binding {
        keys: &[code(KeyCode::Up), key('k')],
        action: Action::Up,
        context: Global,
        help: |t| t.key_up,
    },
    Binding {
        keys: &[code(KeyCode::Down), key('j')],
        action: Action::Down,
        context: Global,
        help: |t| t.key_down,
    },
    Binding {
        keys: &[code(KeyCode::Home), key('g')],
        action: Action::Home,
        context: Global,
        help: |t| t.key_home,
    },
    Binding {
        keys: &[code(KeyCode::End), key('G')],
        action: Action::End,
        context: Global,
        help: |t| t.key_end,
    },
    Binding {
        keys: &[code(KeyCode::PageUp)],
        action: Action::PageUp,
        context: Global,
        help: |t| t.key_page_up,
    },
    Binding {
        keys: &[code(KeyCode::PageDown)],
        action: Action::PageDown,
        context: Global,
        help: |t| t.key_page_down,
    },
    Binding {
        keys: &[key('>'), key('.')],
        action: Action::NextStep,
        context: Global,
        help: |t| t.key_next_step,
    },
    Binding {
        keys: &[key('<'), key(',')],
        action: Action::PrevStep,
        context: Global,
        help: |t| t.key_prev_step,
    },
    Binding {
        keys: &[key('t')],
        action: Action::TimerStartPause,
        context: Global,
        help: |t| t.key_timer,
    },
    Binding {
        keys: &[key('T')],
        action: Action::TimerReset,
        context: Global,
        help: |t| t.key_timer_reset,
    },
    Binding {
        keys: &[key('+'), key('=')],
        action: Action::TimerLonger,
        context: Global,
        help: |t| t.key_timer_longer,
    },
    Binding {
        keys: &[key('-')],
        action: Action::TimerShorter,
        context: Global,
        help: |t| t.key_timer_shorter,
    },
    Binding {
        keys: &[key('p')],
        action: Action::Participants,
        context: Global,
        help: |t| t.key_participants,
    },
    Binding {
        keys: &[key(' '), key('s')],
        action: Action::CycleStatus,
        context: Context::Pane(Pane::Acties),
        help: |t| t.key_cycle_status,
    },
    Binding {
        keys: &[key('o')],
        action: Action::Reveal,
        context: Context::Pane(Pane::Stemmen),
        help: |t| t.key_reveal,
    },
    Binding {
        keys: &[code(KeyCode::Up), key('k')],
        action: Action::Up,
        context: Participants,
        help: |t| t.key_up,
    },
    Binding {
        keys: &[code(KeyCode::Down), key('j')],
        action: Action::Down,
        context: Participants,
        help: |t| t.key_down,
    },
    Binding {
        keys: &[key('a'), code(KeyCode::Insert)],
        action: Action::Add,
        context: Participants,
        help: |t| t.key_add_participant,
    },
    Binding {
        keys: &[code(KeyCode::Enter), key('e')],
        action: Action::Edit,
        context: Participants,
        help: |t| t.key_edit_participant,
    },
    Binding {
        keys: &[key('d'), code(KeyCode::Delete)],
        action: Action::Remove,
        context: Participants,
        help: |t| t.key_remove_participant,
    },
    Binding {
        keys: &[key(' ')],
        action: Action::TogglePresent,
        context: Participants,
        help: |t| t.key_toggle_present,
    },
    Binding {
        keys: &[key('r')],
        action: Action::ToggleRole,
        context: Participants,
        help: |t| t.key_toggle_role,
    },
    Binding {
        keys: &[key('u'), ctrl('z')],
        action: Action::Undo,
        context: Participants,
        help: |t| t.key_undo,
    },
    Binding {
        keys: &[ctrl('y'), ctrl('r')],
        action: Action::Redo,
        context: Participants,
        help: |t| t.key_redo,
    },
    Binding {
        keys: &[code(KeyCode::Esc), key('q')],
        action: Action::Close,
        context: Participants,
        help: |t| t.key_close,
    },
    Binding {
        keys: &[code(KeyCode::Enter)],
        action: Action::Confirm,
        context: Form,
        help: |t| t.key_form_save,
    },
    Binding {
        keys: &[
            code(KeyCode::Tab),
            code(KeyCode::Down),
            code(KeyCode::Up),
            code(KeyCode::BackTab),
        ],
        action: Action::NextField,
        context: Form,
        help: |t| t.key_next_field,
    },
    Binding {
        keys: &[code(KeyCode::Esc)],
        action: Action::Close,
        context: Form,
        help: |t| t.key_form_cancel,
    },
    Binding {
        keys: &[key('j'), key('y')],
        action: Action::Yes,
        context: Question,
        help: |t| t.key_yes,
    },
    Binding {
        keys: &[code(KeyCode::Esc), key('n')],
        action: Action::Close,
        context: Question,
        help: |t| t.key_no,
    },
    Binding {
        keys: &[code(KeyCode::Up), key('k')],
        action: Action::Up,
        context: Context::Picker,
        help: |t| t.key_up,
    },
    Binding {
        keys: &[code(KeyCode::Down), key('j')],
        action: Action::Down,
        context: Context::Picker,
        help: |t| t.key_down,
    },
    Binding {
        keys: &[code(KeyCode::Enter)],
        action: Action::Confirm,
        context: Context::Picker,
        help: |t| t.key_open_session,
    },
    Binding {
        keys: &[key('n')],
        action: Action::Add,
        context: Context::Picker,
        help: |t| t.key_new_session,
    },
    Binding {
        keys: &[key('v')],
        action: Action::FollowUp,
        context: Context::Picker,
        help: |t| t.key_follow_up,
    },
    Binding {
        keys: &[key('q'), code(KeyCode::Esc)],
        action: Action::Quit,
        context: Context::Picker,
        help: |t| t.key_quit_picker,
    },
    Binding {
        keys: &[code(KeyCode::Down)],
        action: Action::Down,
        context: Context::NewSession,
        help: |t| t.key_choose_template,
    },
    Binding {
        keys: &[code(KeyCode::Up)],
        action: Action::Up,
        context: Context::NewSession,
        help: |t| t.key_choose_template_up,
    },
    Binding {
        keys: &[code(KeyCode::Enter)],
        action: Action::Confirm,
        context: Context::NewSession,
        help: |t| t.key_create_session,
    },
    Binding {
        keys: &[code(KeyCode::Esc)],
        action: Action::Close,
        context: Context::NewSession,
        help: |t| t.key_form_cancel,
    },
];

/// The contexts whose keys apply now, most specific first.
pub fn contexts(app: &App) -> Vec<Context> {
    match &app.overlay {
        Overlay::Participants(ParticipantsDialog {
            question: Some(_), ..
        }) => vec![Context::Question],
        Overlay::Participants(ParticipantsDialog { form: Some(_), .. }) => vec![Context::Form],
        Overlay::Participants(_) => vec![Context::Participants],
        Overlay::Recovery(_) => vec![Context::Question],
        Overlay::Help | Overlay::None => vec![Context::Pane(app.focus), Context::Global],
    }
}

/// Whether `event` is this key. Shift is part of capitals and symbols, so it is ignored for
/// characters.
fn matches(k: &Key, event: &KeyEvent) -> bool {
    let mods = match event.code {
        KeyCode::Char(_) => event.modifiers - KeyModifiers::SHIFT,
        _ => event.modifiers,
    };
    let want = match k.code {
        KeyCode::Char(_) => k.mods - KeyModifiers::SHIFT,
        _ => k.mods,
    };
    let code = match (k.code, event.code) {
        // Some terminals send Ctrl-S as upper case when Shift is down; letters compare case-blind
        // only under Ctrl.
        (KeyCode::Char(a), KeyCode::Char(b)) if want.contains(KeyModifiers::CONTROL) => {
            a.eq_ignore_ascii_case(&b)
        }
        (a, b) => a == b,
    };
    code && mods == want
}

/// The action of a key press now, if any. In a form, keys that are not bound edit the text.
pub fn action_for(app: &App, event: KeyEvent) -> Option<Action> {
    action_in(&contexts(app), event)
}

/// The action of a key press in these contexts, most specific first. In a context with a text
/// field, keys that are not bound edit the text.
pub fn action_in(contexts: &[Context], event: KeyEvent) -> Option<Action> {
    if event.kind == KeyEventKind::Release {
        return None;
    }
    for context in contexts {
        for binding in KEYMAP.iter().filter(|b| b.context == *context) {
            if binding.keys.iter().any(|k| matches(k, &event)) {
                return Some(binding.action.clone());
            }
        }
    }
    if contexts.contains(&Context::Form) || contexts.contains(&Context::NewSession) {
        let event = ratatui::crossterm::event::Event::Key(event);
        return to_input_request(&event).map(Action::Input);
    }
    None
}

/// The bindings to show in the help for the current contexts.
pub fn help_lines(app: &App) -> Vec<&'static Binding> {
    bindings_in(&contexts(app))
}

/// The bindings of these contexts, in order.
pub fn bindings_in(contexts: &[Context]) -> Vec<&'static Binding> {
    contexts
        .iter()
        .flat_map(|c| KEYMAP.iter().filter(move |b| b.context == *c))
        .collect()
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_key_means_two_things_in_one_context() {
        let contexts = [
            Context::Global,
            Context::Pane(Pane::Stemmen),
            Context::Pane(Pane::Matrix),
            Context::Pane(Pane::Acties),
            Context::Participants,
            Context::Form,
            Context::Question,
            Context::Picker,
            Context::NewSession,
        ];
        for c in contexts {
            let keys: Vec<&Key> = KEYMAP
                .iter()
                .filter(|b| b.context == c)
                .flat_map(|b| b.keys)
                .collect();
            for (i, a) in keys.iter().enumerate() {
                assert!(!keys[i + 1..].contains(a), "{a:?} twice in {c:?}");
            }
        }
    }

    #[test]
    fn every_binding_has_help_in_both_languages() {
        for b in KEYMAP {
            assert!(!(b.help)(crate::i18n::Lang::Nl.texts()).is_empty());
            assert!(!(b.help)(crate::i18n::Lang::En.texts()).is_empty());
        }
    }
}
