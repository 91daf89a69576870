//! Evidence as data: figures per theme read from a GGD's CSV file with `knoop
//! importeer-cijfers` (all rows or none, with a clear refusal), shown beside the candidates
//! while voting, and in the reports for every theme.

mod common;

use knoop::app::{Msg, Pane, update};
use knoop::i18n::Lang;
use knoop::model::{Fact, ThemeId};
use knoop::report::{Format, Options, render};

use common::knoop_command as knoop;

const FIGURES: &str = "\u{feff}thema;bron;jaar;waarde;tekst\n\
Opgroeien met voldoende middelen;CBS;2024;11%;kinderen in een huishouden met een laag inkomen\n\
Gezonde leefstijl;Gezondheidsmonitor Jeugd;2023;14%;overgewicht in groep 7-8\n\
Psychisch welbevinden;Gezondheidsmonitor Jeugd;2023;1 op 5;jongeren voelt zich vaak somber\n";

#[test]
fn a_ggd_file_is_read_whole_and_a_wrong_theme_stops_it_with_its_line() {
    let dir = tempfile::tempdir().unwrap();
    let session = dir.path().join("school.json");
    std::fs::copy(common::EXAMPLE, &session).unwrap();
    let before = std::fs::read(&session).unwrap();
    let bad = dir.path().join("fout.csv");
    std::fs::write(&bad, format!("{FIGURES}Veilig Thuis;GMJ;2023;3%;meldingen\n")).unwrap();
    let out = knoop(&["importeer-cijfers", session.to_str().unwrap(), bad.to_str().unwrap()]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("Niets ingelezen: 1 regel(s) passen niet."), "{err}");
    assert!(err.contains("regel 5: geen thema „Veilig Thuis” in deze sessie"), "{err}");
    assert_eq!(std::fs::read(&session).unwrap(), before, "nothing half imported");

    let good = dir.path().join("ggd.csv");
    std::fs::write(&good, FIGURES).unwrap();
    let out = knoop(&["importeer-cijfers", session.to_str().unwrap(), good.to_str().unwrap()]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(String::from_utf8_lossy(&out.stdout).contains("3 cijfer(s) ingelezen"));
    let s = knoop::store::load(&session).unwrap();
    let gezond = s.matrix.themes.iter().find(|t| t.desired == "Gezonde leefstijl").unwrap();
    assert_eq!(
        gezond.facts,
        [Fact {
            source: "Gezondheidsmonitor Jeugd".into(),
            year: Some(2023),
            value: "14%".into(),
            text: "overgewicht in groep 7-8".into()
        }]
    );
    assert_eq!(s.validate(), Ok(()));
}

fn with_facts() -> knoop::app::App {
    let mut a = common::example_app();
    let facts = knoop::model::parse_facts(FIGURES, &a.session.matrix).unwrap();
    for (theme, fact) in facts {
        a.session.matrix.theme_mut(theme).unwrap().facts.push(fact);
    }
    a
}

#[test]
fn the_figures_stand_beside_the_candidates_while_voting() {
    let mut a = with_facts();
    update(&mut a, Msg::Focus(Pane::Stemmen));
    let screen = common::screen(&a, 160, 48);
    assert!(screen.contains("» Cijfers · Opgroeien met"), "{screen}");
    assert!(screen.contains("• CBS 2024: 11% kinderen in"), "{screen}");
    common::both_sizes!("voting_with_facts", &a);
    update(&mut a, Msg::ToggleZoom);
    common::both_sizes!("voting_with_facts_zoomed", &a);
    // A theme without figures leaves the candidates the whole pane.
    let mut plain = with_facts();
    let rows = knoop::app::voting_rows(&plain);
    let bare = rows
        .iter()
        .position(|&id| {
            let th = plain.session.matrix.theme(id).unwrap();
            th.facts.is_empty()
        })
        .expect("a theme without figures");
    plain.selected[0] = bare;
    assert!(!common::screen(&plain, 160, 48).contains("» Cijfers"));
}

#[test]
fn the_reports_give_the_figures_of_every_theme() {
    let a = with_facts();
    let md =
        String::from_utf8(render(&a.session, Format::Md, Lang::Nl, Options::default())).unwrap();
    assert!(md.contains("## Cijfers per thema"));
    assert!(
        md.contains(
            "**Psychisch welbevinden**\n\n- Gezondheidsmonitor Jeugd 2023: 1 op 5 jongeren"
        ),
        "not only the top 3: {md}"
    );
    let html =
        String::from_utf8(render(&a.session, Format::Html, Lang::Nl, Options::default())).unwrap();
    assert!(html.contains("<h3>Gezonde leefstijl</h3>\n<ul>\n<li>Gezondheidsmonitor Jeugd 2023: 14% overgewicht in groep 7-8</li>"));
    assert!(a.session.matrix.theme(ThemeId(16)).is_some());
}
