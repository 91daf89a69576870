//! The onderwijs–jeugdhulp template's words in the key help, the status-line hints, the
//! dialog titles and questions: fase and kant, never "Thema" or "Niveau" where the rows are
//! phases and the columns sides. The Preventiematrix keeps thema and niveau.

mod common;

use std::path::PathBuf;

use knoop::app::{App, Msg, Pane, update};
use knoop::i18n::{Lang, in_template_words};
use knoop::model::{Session, template};

fn app(t: &template::Template, lang: Lang) -> App {
    let s = Session::new("OJ", t, jiff::Timestamp::UNIX_EPOCH);
    let mut a = App::new(s, PathBuf::from("oj.json"), lang);
    a.today = common::TODAY;
    a.session.guide_hidden = true;
    update(&mut a, Msg::Focus(Pane::Matrix));
    a
}

fn run(a: &mut App, msgs: impl IntoIterator<Item = Msg>) {
    for m in msgs {
        update(a, m);
    }
}

/// Whether the screen names a theme or level as a word of its own.
fn says_theme_or_level(screen: &str, lang: Lang) -> Option<String> {
    let words: &[&str] = match lang {
        Lang::Nl => &["thema", "thema's", "niveau", "niveaus"],
        Lang::En => &["theme", "themes", "level", "levels"],
    };
    screen
        .split(|c: char| !c.is_alphanumeric() && c != '\'')
        .find(|w| words.contains(&w.to_lowercase().as_str()))
        .map(str::to_owned)
}

#[test]
fn help_hints_and_dialogs_say_phase_and_side() {
    for lang in [Lang::Nl, Lang::En] {
        let mut a = app(&template::ONDERWIJS_JEUGDHULP, lang);
        let mut screens = vec![("matrix", common::screen(&a, 160, 48))];
        a.session.guide_hidden = false;
        screens.push(("guide", common::screen(&a, 160, 48)));
        a.session.guide_hidden = true;
        run(&mut a, [Msg::ToggleHelp]);
        screens.push(("help", common::screen(&a, 160, 48)));
        // The whole help, scrolled to its end, and the Stemmen pane's help too.
        run(&mut a, [Msg::End]);
        screens.push(("help end", common::screen(&a, 160, 48)));
        run(&mut a, [Msg::Close, Msg::Focus(Pane::Stemmen), Msg::ToggleHelp]);
        screens.push(("stemmen help", common::screen(&a, 160, 48)));
        run(&mut a, [Msg::Close, Msg::Focus(Pane::Matrix), Msg::RenameTheme]);
        screens.push(("rename row", common::screen(&a, 160, 48)));
        run(&mut a, [Msg::Close, Msg::OwnTheme]);
        screens.push(("own row", common::screen(&a, 160, 48)));
        run(&mut a, [Msg::Close, Msg::AddLevel]);
        screens.push(("add column", common::screen(&a, 160, 48)));
        run(&mut a, [Msg::Close, Msg::RenameLevel]);
        screens.push(("rename column", common::screen(&a, 160, 48)));
        run(&mut a, [Msg::Close]);
        for (name, screen) in &screens {
            assert!(
                says_theme_or_level(screen, lang).is_none(),
                "{lang:?} {name}: {:?}\n{screen}",
                says_theme_or_level(screen, lang)
            );
        }
        let help = &screens[2].1;
        let phase = if lang == Lang::Nl { "Fase bewerken" } else { "Edit the phase" };
        assert!(help.contains(phase), "{lang:?}: {help}");
        let title = &screens[5].1;
        assert!(title.contains(phase), "{lang:?}: the dialog's title: {title}");
    }
}

#[test]
fn the_preventiematrix_keeps_thema_and_niveau() {
    let mut a = app(&template::PREVENTIEMATRIX, Lang::Nl);
    run(&mut a, [Msg::ToggleHelp]);
    let help = common::screen(&a, 160, 48);
    assert!(help.contains("Thema bewerken") && help.contains("Kolom (niveau) toevoegen"), "{help}");
}

#[test]
fn only_whole_words_change_and_articles_follow() {
    let oj = template::ONDERWIJS_JEUGDHULP.key;
    let nl = |s| in_template_words(Lang::Nl, oj, s);
    assert_eq!(nl("Stip geven aan het thema"), "Stip geven aan de fase");
    assert_eq!(nl("Alle thema's of alleen de top"), "Alle fasen of alleen de top");
    assert_eq!(nl("Kolom (niveau) toevoegen"), "Kolom (kant) toevoegen");
    assert_eq!(
        nl("Themaweek en niveaubepaling"),
        "Themaweek en niveaubepaling",
        "not inside words"
    );
    assert_eq!(in_template_words(Lang::En, oj, "Add a column (level)"), "Add a column (side)");
    assert_eq!(in_template_words(Lang::Nl, "preventiematrix", "Thema bewerken"), "Thema bewerken");
}
