//! A session with long Dutch names (people, organisations, themes, levels, activities,
//! actions): every pane, focused in turn, at 80×24, 120×36 and 160×48, pictured and checked
//! that no word of the session is cut except where "…" says it was shortened.

mod common;

use std::path::{Path, PathBuf};

use knoop::app::{App, Msg, Pane, update};
use knoop::i18n::Lang;

fn long_names() -> App {
    let session = knoop::store::load(Path::new(common::LONG_NAMES)).expect("it loads");
    let mut app = App::new(session, PathBuf::from(common::LONG_NAMES), Lang::Nl);
    app.today = common::TODAY;
    app.session.guide_hidden = true;
    app
}

#[test]
fn every_pane_at_every_size_keeps_the_words_whole() {
    let mut app = long_names();
    let mut found = Vec::new();
    for pane in Pane::ALL {
        update(&mut app, Msg::Focus(pane));
        for (w, h) in [(80, 24), (120, 36), (160, 48)] {
            update(&mut app, Msg::Resize(w, h));
            let screen = common::screen(&app, w, h);
            let name = format!("long_names_{}_{w}x{h}", format!("{pane:?}").to_lowercase());
            insta::assert_snapshot!(name, screen);
            for cut in common::cut_words(&app.session, Lang::Nl, &screen) {
                found.push(format!("{pane:?} {w}×{h}: {cut}"));
            }
        }
    }
    assert!(found.is_empty(), "words cut without …:\n{}", found.join("\n"));
}

#[test]
fn the_check_finds_a_word_cut_without_a_mark() {
    let app = long_names();
    let screen = "│ Wilhelmina van der Heij │\n│ Schoonderwoerd… │";
    let cut = common::cut_words(&app.session, Lang::Nl, screen);
    assert_eq!(cut.len(), 1, "{cut:?}");
    assert!(cut[0].starts_with("\"Heij\""), "{cut:?}");
}
