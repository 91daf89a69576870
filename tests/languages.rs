//! Both languages, checked: every pane and dialog of the demo is walked in Dutch and in
//! English, at 80×24 and 160×48, and no word that only the other language's table has appears
//! on screen. The English screens are snapshotted. Words of the session itself (theme names,
//! people, activities: the meeting's own Dutch) are not the interface and are left out.

mod common;

use std::collections::BTreeSet;

use knoop::app::{App, Msg, Overlay, Pane, Review, update};
use knoop::i18n::Lang;

/// The words of `text`, lower case: runs of letters, three or more long.
fn words(text: &str) -> BTreeSet<String> {
    text.split(|c: char| !c.is_alphabetic())
        .filter(|w| w.chars().count() >= 3)
        .map(str::to_lowercase)
        .collect()
}

fn table_words(lang: Lang) -> BTreeSet<String> {
    lang.texts().entries().iter().flat_map(|(_, text)| words(text)).collect()
}

/// Words that only `lang`'s table has.
fn only_in(lang: Lang) -> BTreeSet<String> {
    let other = if lang == Lang::Nl { Lang::En } else { Lang::Nl };
    let theirs = table_words(other);
    table_words(lang).into_iter().filter(|w| !theirs.contains(w)).collect()
}

/// Every screen of the demo in `lang`: (name, app).
fn screens(lang: Lang) -> Vec<(String, App)> {
    let base = || {
        let mut a = common::example_app_with_guide();
        a.lang = lang;
        a.demo = Some("/tmp/demo".into());
        a
    };
    let with = |msgs: &[Msg]| {
        let mut a = base();
        for m in msgs {
            update(&mut a, m.clone());
        }
        a
    };
    let mut out: Vec<(String, App)> = Vec::new();
    let mut push = |name: &str, a: App| out.push((name.to_owned(), a));
    push("stemmen", base());
    push("matrix", with(&[Msg::NextStep]));
    push("acties", with(&[Msg::NextStep, Msg::NextStep]));
    push("regie", with(&[Msg::NextStep, Msg::NextStep, Msg::NextStep, Msg::ToggleAgreements]));
    push("zoom", with(&[Msg::NextStep, Msg::ToggleZoom]));
    for (name, pane) in
        [("stemmen", Pane::Stemmen), ("matrix", Pane::Matrix), ("acties", Pane::Acties)]
    {
        push(&format!("help_{name}"), with(&[Msg::Focus(pane), Msg::ToggleHelp]));
    }
    push("help_search", with(&[Msg::ToggleHelp, Msg::HelpSearch]));
    push("participants", with(&[Msg::Participants]));
    push("participant_form", with(&[Msg::Participants, Msg::Add]));
    push("participant_remove", with(&[Msg::Participants, Msg::Remove]));
    push("round_setup", with(&[Msg::NewRound]));
    push("round_open", with(&[Msg::NewRound, Msg::Confirm]));
    push("reopen", with(&[Msg::ReopenRound]));
    push("top_three", with(&[Msg::BigTop]));
    push("cell", with(&[Msg::NextStep, Msg::Edit]));
    push("activity_form", with(&[Msg::NextStep, Msg::Edit, Msg::Add]));
    push("rename_theme", with(&[Msg::NextStep, Msg::RenameTheme]));
    push("evidence", with(&[Msg::NextStep, Msg::Evidence]));
    push("remove_row", with(&[Msg::NextStep, Msg::RemoveRow]));
    push("actie_form", with(&[Msg::NextStep, Msg::NextStep, Msg::Add]));
    push("agreement_form", with(&[Msg::Focus(Pane::Acties), Msg::ToggleAgreements, Msg::Add]));
    let mut review = base();
    review.focus = Pane::Acties;
    review.overlay = Overlay::Review(Review::of(&review.session).expect("open actions"));
    push("review", review);
    let mut recovery = base();
    recovery.overlay = Overlay::Recovery(Box::new(recovery.session.clone()));
    push("recovery", recovery);
    let mut message = base();
    update(&mut message, Msg::Redo);
    push("message", message);
    let mut read_only = base();
    read_only.read_only = Some("anna".into());
    push("read_only", read_only);
    out
}

/// The words on `screen` that only the other language's table has, leaving out the session's
/// own words and the key caps.
fn foreign_words(lang: Lang, screen: &str) -> Vec<String> {
    let other = if lang == Lang::Nl { Lang::En } else { Lang::Nl };
    // The sessions' own words (the picker lists every session in sessions/) are content.
    let long = knoop::store::load(std::path::Path::new(common::LONG_NAMES)).unwrap();
    let mut session_words = words(&serde_json::to_string(&common::example_app().session).unwrap());
    session_words.extend(words(&serde_json::to_string(&long).unwrap()));
    // Key caps ("End", "Home") are the keyboard's words, the same in both languages.
    let key_caps: BTreeSet<String> = [Lang::Nl, Lang::En]
        .iter()
        .flat_map(|l| {
            knoop::app::keymap::KEYMAP
                .iter()
                .flat_map(|b| b.keys)
                .map(|k| knoop::app::keymap::key_label(k, l.texts()))
        })
        .flat_map(|label| words(&label))
        .collect();
    let own = table_words(lang);
    let foreign: BTreeSet<String> = only_in(other)
        .into_iter()
        .filter(|w| !session_words.contains(w) && !key_caps.contains(w))
        // A dialog over a pane cuts the words beneath it ("When" → "hen"): a piece of one of
        // this language's own words, or of the session's, is no foreign word.
        .filter(|w| !own.iter().chain(&session_words).any(|o| o != w && o.contains(w.as_str())))
        .collect();
    assert!(foreign.len() > 200, "the check has words to look for: {}", foreign.len());
    words(screen).into_iter().filter(|w| foreign.contains(w)).collect()
}

#[test]
fn no_word_of_the_other_language_on_any_screen() {
    for lang in [Lang::Nl, Lang::En] {
        let other = if lang == Lang::Nl { Lang::En } else { Lang::Nl };
        for (name, app) in screens(lang) {
            for (w, h) in [(80, 24), (160, 48)] {
                let screen = common::screen(&app, w, h);
                let found = foreign_words(lang, &screen);
                assert!(found.is_empty(), "{lang:?} {name} {w}x{h}: {found:?}\n{screen}");
                // Too short for the word list, and once hard-coded in Dutch: the answer keys.
                let theirs = other.texts().question_keys;
                assert!(!screen.contains(theirs), "{lang:?} {name}: {theirs}\n{screen}");
            }
        }
    }
}

#[test]
fn the_english_screens() {
    for (name, app) in screens(Lang::En) {
        common::both_sizes!(format!("en_{name}"), &app);
    }
}

#[test]
fn the_check_would_catch_a_word_of_the_other_language() {
    // A Dutch message on an English screen, and the other way round, is found.
    let mut a = common::example_app();
    a.lang = Lang::En;
    a.message = Some(Lang::Nl.texts().ui_nothing_to_redo.to_owned());
    let found = foreign_words(Lang::En, &common::screen(&a, 80, 24));
    assert!(found.contains(&"niets".to_owned()), "{found:?}");
    a.lang = Lang::Nl;
    a.message = Some(Lang::En.texts().ui_nothing_to_redo.to_owned());
    let found = foreign_words(Lang::Nl, &common::screen(&a, 80, 24));
    assert!(found.contains(&"nothing".to_owned()), "{found:?}");
}

/// The session picker (`knoop` without a command) in `lang`, and its new-session form.
fn picker_screens(lang: Lang) -> Vec<(String, String)> {
    let dir = std::path::Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/sessions"));
    let listed = knoop::store::list(dir).unwrap();
    let entries = listed.iter().map(|l| knoop::app::PickerEntry::from_listed(l, lang)).collect();
    let mut p =
        knoop::app::Picker::new(lang, "/home/lotte/knoop".into(), entries, jiff::tz::TimeZone::UTC);
    let draw = |p: &knoop::app::Picker, w: u16, h: u16| {
        let mut terminal =
            ratatui::Terminal::new(ratatui::backend::TestBackend::new(w, h)).unwrap();
        terminal.draw(|f| knoop::ui::draw_picker(f, p, &knoop::ui::Palette::mono())).unwrap();
        terminal.backend().to_string()
    };
    let mut out = vec![
        ("picker_80x24".to_owned(), draw(&p, 80, 24)),
        ("picker_160x48".to_owned(), draw(&p, 160, 48)),
    ];
    p.update(Msg::Add);
    out.push(("picker_new_80x24".to_owned(), draw(&p, 80, 24)));
    out.push(("picker_new_160x48".to_owned(), draw(&p, 160, 48)));
    out
}

#[test]
fn the_session_picker_in_both_languages() {
    for lang in [Lang::Nl, Lang::En] {
        for (name, screen) in picker_screens(lang) {
            let found = foreign_words(lang, &screen);
            assert!(found.is_empty(), "{lang:?} {name}: {found:?}\n{screen}");
            if lang == Lang::En {
                insta::assert_snapshot!(format!("en_{name}"), screen);
            }
        }
    }
}
