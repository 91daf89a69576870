//! Each template speaks its own words: the onderwijs–jeugdhulp matrix has phases and sides
//! (onderwijs / gezamenlijk / jeugdhulp), never "Thema" or "Niveau", on screen and in every
//! export; the Preventiematrix keeps thema and niveau and explains its levels.

mod common;

use std::path::PathBuf;

use knoop::app::{App, Msg, Pane, update};
use knoop::i18n::Lang;
use knoop::model::{Session, template};
use knoop::report::{Format, Options, Table, render};

fn oj() -> App {
    let s = Session::new("OJ", &template::ONDERWIJS_JEUGDHULP, jiff::Timestamp::UNIX_EPOCH);
    let mut a = App::new(s, PathBuf::from("oj.json"), Lang::Nl);
    a.today = common::TODAY;
    update(&mut a, Msg::Focus(Pane::Matrix));
    a
}

#[test]
fn the_onderwijs_jeugdhulp_matrix_says_phase_and_side_everywhere() {
    let a = oj();
    let screen = common::screen(&a, 160, 48);
    assert!(screen.contains("Fase (Alle fasen)"), "{screen}");
    // The panes say phase (the key hints, from the one key map, still say "thema").
    let panes: String = screen.lines().take(46).collect::<Vec<_>>().join("\n");
    assert!(!panes.contains("Thema") && !panes.contains("thema's"), "{panes}");
    let md =
        String::from_utf8(render(&a.session, Format::Md, Lang::Nl, Options::default())).unwrap();
    assert!(!md.contains("Universeel (basis): voor alle kinderen"), "no prevention levels here");
    for table in [Table::Matrix, Table::Acties] {
        let options = Options { table, ..Options::default() };
        let csv = String::from_utf8(render(&a.session, Format::Csv, Lang::Nl, options)).unwrap();
        let header = csv.lines().next().unwrap();
        assert!(header.contains(";fase;") || header.contains("fase;"), "{header}");
        assert!(!header.contains("thema") && !header.contains("niveau"), "{header}");
    }
    let html =
        String::from_utf8(render(&a.session, Format::Html, Lang::Nl, Options::default())).unwrap();
    assert!(html.contains("<table class=\"matrix\">\n<thead><tr><th>Fase</th>"), "{html}");
}

#[test]
fn the_preventiematrix_keeps_its_words_and_explains_its_levels() {
    let a = common::example_app();
    let md =
        String::from_utf8(render(&a.session, Format::Md, Lang::Nl, Options::default())).unwrap();
    assert!(md.contains("Universeel (basis): voor alle kinderen"));
    let options = Options { table: Table::Matrix, ..Options::default() };
    let csv = String::from_utf8(render(&a.session, Format::Csv, Lang::Nl, options)).unwrap();
    assert!(csv.lines().next().unwrap().contains("thema;probleem;niveau"));
}
