//! The meeting report in Markdown, CSV and HTML: snapshots, escaping, CSV read back, and an
//! HTML page that needs nothing from outside itself.

mod common;

use std::fs;
use std::path::Path;
use std::process::Command;

use knoop::i18n::Lang;
use knoop::model::{Action, Activity, ActivityStatus, Role, Session, ThemeId};
use knoop::report::{Format, Options, render};

fn example() -> Session {
    knoop::store::load(Path::new(common::EXAMPLE)).unwrap()
}

/// A session whose texts are full of what each format must escape.
fn nasty() -> Session {
    let mut s = example();
    s.title = "Knooppunt <De \"Brug\"> & 'Co' | #1".into();
    s.notes =
        "Regel één, met *sterretjes* en _lage_ streepjes\nen een tweede regel; \"quotes\" & <tags>"
            .into();
    let p = s.add_participant("O'Neill, \"Jo\"", "Wijkteam | Noord & Zuid", Role::Incidental);
    s.add_action(
        "Brief \"Ouders & school\", met komma's\nen een nieuwe regel | pijp",
        Some(p),
        None,
    );
    s.add_action("<script>alert('x')</script>", None, jiff::civil::Date::new(2027, 2, 1).ok());
    let level = s.matrix.levels[0].id;
    s.matrix
        .add_activity(
            ThemeId(16),
            level,
            Activity {
                text: "Tafel [1] | *gratis*".into(),
                status: ActivityStatus::Needed,
                provider: "Stichting <Vrij>".into(),
            },
        )
        .unwrap();
    s
}

fn text(s: &Session, format: Format) -> String {
    String::from_utf8(render(s, format, Lang::Nl, Options::default())).unwrap()
}

#[test]
fn snapshots_of_the_example_in_all_three_formats() {
    let s = example();
    insta::assert_snapshot!("example_md", text(&s, Format::Md));
    insta::assert_snapshot!("example_csv", text(&s, Format::Csv));
    insta::assert_snapshot!("example_html", text(&s, Format::Html));
}

#[test]
fn snapshots_of_texts_that_must_be_escaped() {
    let s = nasty();
    insta::assert_snapshot!("nasty_md", text(&s, Format::Md));
    insta::assert_snapshot!("nasty_csv", text(&s, Format::Csv));
    insta::assert_snapshot!("nasty_html", text(&s, Format::Html));
}

#[test]
fn the_same_session_gives_the_same_bytes() {
    let s = nasty();
    for format in [Format::Md, Format::Csv, Format::Html] {
        assert_eq!(
            render(&s, format, Lang::Nl, Options::default()),
            render(&s.clone(), format, Lang::Nl, Options::default())
        );
    }
}

#[test]
fn the_csv_reads_back_to_the_same_fields() {
    let s = nasty();
    let bytes = render(&s, Format::Csv, Lang::Nl, Options::default());
    let mut reader = csv::Reader::from_reader(bytes.as_slice());
    assert_eq!(
        reader.headers().unwrap().iter().collect::<Vec<_>>(),
        ["actie", "eigenaar", "organisatie", "wanneer", "status", "thema", "niveau"]
    );
    let records: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(records.len(), s.actions.len());
    let tricky = &records[6];
    assert_eq!(&tricky[0], "Brief \"Ouders & school\", met komma's\nen een nieuwe regel | pijp");
    assert_eq!(&tricky[1], "O'Neill, \"Jo\"");
    assert_eq!(&tricky[2], "Wijkteam | Noord & Zuid");
    assert_eq!((&records[7][3], &records[7][4]), ("2027-02-01", "open"));
    let first: &Action = &s.actions[0];
    assert_eq!(&records[0][0], first.text.as_str());
    assert_eq!(&records[0][5], "Gezonde leefstijl");
    assert_eq!(&records[0][6], "Selectief");
}

#[test]
fn the_bom_is_there_only_when_asked_for() {
    let s = example();
    let with = render(&s, Format::Csv, Lang::Nl, Options { bom: true });
    let without = render(&s, Format::Csv, Lang::Nl, Options::default());
    assert!(with.starts_with("\u{feff}".as_bytes()));
    assert_eq!(&with[3..], without.as_slice());
}

#[test]
fn the_html_page_references_nothing_outside_itself() {
    let html = text(&nasty(), Format::Html);
    let lower = html.to_lowercase();
    for outside in ["http:", "https:", "//", "src=", "href=", "<link", "<script", "@import", "url("]
    {
        let found = lower
            .match_indices(outside)
            .map(|(i, _)| &lower[i.saturating_sub(20)..(i + 30).min(lower.len())])
            .next();
        assert!(found.is_none(), "{outside:?} in: {found:?}");
    }
    assert!(
        html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"),
        "the text is escaped, not run"
    );
}

#[test]
fn the_markdown_names_gaps_as_gaps_and_keeps_pipes_out_of_tables() {
    let md = text(&nasty(), Format::Md);
    assert!(md.contains("**GAT**"));
    assert!(md.contains("Tafel \\[1\\] \\| \\*gratis\\* (Stichting \\<Vrij\\>)"));
    for line in md.lines().filter(|l| l.starts_with('|')) {
        let unescaped = line.replace("\\|", "");
        let cells = unescaped.matches('|').count();
        assert!(cells >= 3, "{line}");
    }
    let en = String::from_utf8(render(&nasty(), Format::Md, Lang::En, Options::default())).unwrap();
    assert!(en.contains("## Actions: who does what") && en.contains("**GAP**"));
}

fn knoop(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_knoop"))
        .args(args)
        .env("LANG", "C.UTF-8")
        .env_remove("KNOOP_LANG")
        .output()
        .unwrap()
}

#[test]
fn export_writes_beside_the_session_or_where_asked() {
    let dir = tempfile::tempdir().unwrap();
    let copy = dir.path().join("najaar.json");
    fs::copy(common::EXAMPLE, &copy).unwrap();
    let out = knoop(&["export", copy.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&out.stdout).contains("najaar.md"));
    assert_eq!(
        fs::read(dir.path().join("najaar.md")).unwrap(),
        render(&example(), Format::Md, Lang::Nl, Options::default())
    );
    let html = dir.path().join("verslag.html");
    let out = knoop(&[
        "export",
        copy.to_str().unwrap(),
        "--format",
        "html",
        "-o",
        html.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(0));
    assert!(fs::read_to_string(&html).unwrap().starts_with("<!DOCTYPE html>"));
    let out = knoop(&["export", copy.to_str().unwrap(), "--format", "csv", "--bom", "-o", "-"]);
    assert!(out.stdout.starts_with("\u{feff}actie,eigenaar".as_bytes()));
}

#[test]
fn export_errors_are_clear_and_leave_nothing_half_written() {
    let dir = tempfile::tempdir().unwrap();
    let out = knoop(&["export", dir.path().join("weg.json").to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("bestaat niet"));
    let copy = dir.path().join("s.json");
    fs::copy(common::EXAMPLE, &copy).unwrap();
    let target = dir.path().join("geen-map").join("verslag.md");
    let out = knoop(&["export", copy.to_str().unwrap(), "-o", target.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("Het verslag kon niet geschreven worden"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let leftovers: Vec<_> =
        fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().file_name()).collect();
    assert_eq!(leftovers.len(), 1, "only the session: {leftovers:?}");
}
