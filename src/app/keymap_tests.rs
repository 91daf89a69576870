//! Unit tests of `keymap`, kept beside it so the module itself stays short.

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
        Context::RoundSetup,
        Context::Tie,
        Context::TiePick,
        Context::BigView,
        Context::Cell,
        Context::Review,
        Context::Notice,
        Context::Unsaved,
        Context::Help,
        Context::HelpSearch,
        Context::Overzicht,
        Context::OverzichtBehind,
    ];
    for c in contexts {
        let keys: Vec<&Key> =
            KEYMAP.iter().filter(|b| b.context == c).flat_map(|b| b.keys).collect();
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
