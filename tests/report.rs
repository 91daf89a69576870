//! The meeting report in Markdown, CSV, HTML and xlsx: snapshots, escaping, CSV and the
//! workbook read back, formula-like text kept as data, and an HTML page that needs nothing
//! from outside itself.

mod common;

use std::fs;
use std::path::Path;

use knoop::i18n::Lang;
use knoop::model::{Action, Activity, ActivityStatus, Role, Session, ThemeId};
use knoop::report::{Format, Options, Table, render};

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
    s.add_action("=SOM(A1:A9;\"klik\")", None, None);
    s.add_participant("@Ali", "+31 6 1234 5678", Role::Structural);
    s.add_participant("-Piet", "\tTab & Co", Role::Incidental);
    let level = s.matrix.levels[0].id;
    s.matrix
        .add_activity(
            ThemeId(16),
            level,
            Activity::new("Tafel [1] | *gratis*", ActivityStatus::Needed, "Stichting <Vrij>"),
        )
        .unwrap();
    s
}

/// The day the tests export on.
fn options() -> Options {
    Options { exported: Some(common::TODAY), ..Options::default() }
}

fn text(s: &Session, format: Format) -> String {
    String::from_utf8(render(s, format, Lang::Nl, options())).unwrap()
}

/// A CSV without its byte-order mark, split on `sep`.
fn csv_reader(bytes: &[u8], sep: u8) -> csv::Reader<&[u8]> {
    let body = bytes.strip_prefix("\u{feff}".as_bytes()).unwrap_or(bytes);
    csv::ReaderBuilder::new().delimiter(sep).from_reader(body)
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
    for format in [Format::Md, Format::Csv, Format::Html, Format::Xlsx] {
        let bytes = render(&s, format, Lang::Nl, options());
        assert!(!bytes.is_empty(), "{format:?}");
        assert_eq!(bytes, render(&s.clone(), format, Lang::Nl, options()), "{format:?}");
    }
}

#[test]
fn the_dutch_csv_has_a_bom_and_semicolons_and_reads_back_to_the_same_fields() {
    let s = nasty();
    let bytes = render(&s, Format::Csv, Lang::Nl, options());
    assert!(bytes.starts_with("\u{feff}actie;eigenaar;".as_bytes()), "BOM and ; for Dutch Excel");
    let mut reader = csv_reader(&bytes, b';');
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
    assert_eq!(&records[8][0], "'=SOM(A1:A9;\"klik\")", "a formula stays text");
    let first: &Action = &s.actions[0];
    assert_eq!(&records[0][0], first.text.as_str());
    assert_eq!(&records[0][5], "Gezonde leefstijl");
    assert_eq!(&records[0][6], "Selectief");
}

#[test]
fn the_english_csv_has_commas_and_no_bom_and_sep_and_bom_can_be_chosen() {
    let s = example();
    let en = render(&s, Format::Csv, Lang::En, options());
    assert!(en.starts_with(b"action,owner,organisation,"), "{:?}", &en[..20]);
    let tabs = Options { separator: Some(b'\t'), bom: Some(false), ..options() };
    let nl_tabs = render(&s, Format::Csv, Lang::Nl, tabs);
    assert!(nl_tabs.starts_with(b"actie\teigenaar\t"));
    let with = render(&s, Format::Csv, Lang::En, Options { bom: Some(true), ..options() });
    assert!(with.starts_with("\u{feff}".as_bytes()));
    assert_eq!(&with[3..], en.as_slice());
}

#[test]
fn every_table_exports_as_csv_and_reads_back() {
    let s = nasty();
    let csv_of = |table| {
        let bytes = render(&s, Format::Csv, Lang::Nl, Options { table, ..options() });
        let mut reader = csv_reader(&bytes, b';');
        let header: Vec<String> = reader.headers().unwrap().iter().map(str::to_owned).collect();
        let rows: Vec<Vec<String>> =
            reader.records().map(|r| r.unwrap().iter().map(str::to_owned).collect()).collect();
        (header, rows)
    };
    let (header, rows) = csv_of(Table::Deelnemers);
    assert_eq!(header, ["naam", "organisatie", "rol", "aanwezig"]);
    assert_eq!(rows.len(), s.participants.len());
    let ali = rows.iter().find(|r| r[0].contains("Ali")).unwrap();
    assert_eq!(ali[..2], ["'@Ali", "'+31 6 1234 5678"]);
    let piet = rows.iter().find(|r| r[0].contains("Piet")).unwrap();
    assert_eq!(piet[..2], ["'-Piet", "'\tTab & Co"]);

    let (header, rows) = csv_of(Table::Stemmen);
    assert_eq!(header, ["ronde", "plaats", "thema", "stippen", "door"]);
    let candidates: usize = s.rounds.iter().map(|r| r.candidates.len()).sum();
    assert_eq!(rows.len(), candidates);
    assert_eq!(rows[0][0], "1. Top 12");
    assert_eq!((rows[0][1].as_str(), rows[0][4].as_str()), ("1", "ja"));

    let (header, rows) = csv_of(Table::Matrix);
    assert_eq!(
        header,
        [
            "domein",
            "thema",
            "probleem",
            "niveau",
            "activiteit",
            "status",
            "uitvoerder",
            "gat",
            "waar",
            "informeel",
            "erkenning",
            "interventie",
            "stoppen"
        ]
    );
    assert!(rows.iter().any(|r| r[4] == "Tafel [1] | *gratis*" && r[5] == "nodig"));
    assert!(rows.iter().any(|r| r[7] == "ja"), "the gaps are in the table");

    let (header, rows) = csv_of(Table::Afspraken);
    assert_eq!(header, ["afspraak", "eigenaar", "organisatie", "herzien", "vraag"]);
    assert_eq!(rows.len(), s.agreements.len());
    assert!(rows.iter().all(|r| r[3].len() == 10 || r[3].is_empty()), "ISO dates: {rows:?}");
}

/// The serial number Excel gives a date: days since 30 December 1899.
fn excel_serial(d: jiff::civil::Date) -> f64 {
    f64::from((d - jiff::civil::date(1899, 12, 30)).get_days())
}

#[test]
fn the_workbook_has_a_sheet_per_table_with_real_dates_and_no_formulas() {
    use calamine::{Data, Reader, Xlsx};
    let s = nasty();
    let bytes = render(&s, Format::Xlsx, Lang::Nl, options());
    assert!(bytes.starts_with(b"PK"), "an xlsx is a zip");
    let mut book: Xlsx<_> = calamine::open_workbook_from_rs(std::io::Cursor::new(bytes)).unwrap();
    assert_eq!(
        book.sheet_names(),
        ["acties", "stemmen", "matrix", "afspraken", "deelnemers", "ambities"]
    );

    let acties = book.worksheet_range("acties").unwrap();
    let header: Vec<String> = acties.rows().next().unwrap().iter().map(|c| c.to_string()).collect();
    assert_eq!(
        header,
        ["actie", "eigenaar", "organisatie", "wanneer", "status", "thema", "niveau"]
    );
    assert_eq!(acties.height(), 1 + s.actions.len());
    // The eighth action is due 1 February 2027: a date cell, not text.
    match acties.get((8, 3)) {
        Some(Data::DateTime(d)) => {
            assert_eq!(d.as_f64(), excel_serial(jiff::civil::date(2027, 2, 1)));
        }
        other => panic!("expected a date cell, got {other:?}"),
    }
    // Formula-like text is a string cell holding exactly what was typed; no formula anywhere.
    assert_eq!(acties.get((9, 0)), Some(&Data::String("=SOM(A1:A9;\"klik\")".into())));
    for name in book.sheet_names() {
        let formulas = book.worksheet_formula(&name).unwrap();
        assert!(formulas.used_cells().all(|(_, _, f)| f.is_empty()), "a formula in {name}");
    }

    let deelnemers = book.worksheet_range("deelnemers").unwrap();
    assert_eq!(deelnemers.height(), 1 + s.participants.len());
    assert!(deelnemers.rows().any(|r| r[0] == Data::String("@Ali".into())));
    let stemmen = book.worksheet_range("stemmen").unwrap();
    let candidates: usize = s.rounds.iter().map(|r| r.candidates.len()).sum();
    assert_eq!(stemmen.height(), 1 + candidates);
    assert_eq!(stemmen.get((1, 3)), Some(&Data::Float(8.0)), "counts are numbers");
    let afspraken = book.worksheet_range("afspraken").unwrap();
    assert_eq!(afspraken.height(), 1 + s.agreements.len());
    assert!(matches!(afspraken.get((1, 3)), Some(Data::DateTime(_))));
    assert!(book.worksheet_range("matrix").unwrap().height() > 10);

    let en_bytes = render(&s, Format::Xlsx, Lang::En, options());
    let en: Xlsx<_> = calamine::open_workbook_from_rs(std::io::Cursor::new(en_bytes)).unwrap();
    assert_eq!(
        en.sheet_names(),
        ["actions", "votes", "matrix", "agreements", "participants", "ambitions"]
    );
}

#[test]
fn the_html_report_prints_well() {
    let html = text(&example(), Format::Html);
    assert!(
        html.contains(
            "@bottom-right { content: \"Pagina \" counter(page) \" van \" counter(pages)"
        )
    );
    assert!(html.contains("Geëxporteerd op ma 7 dec 2026"), "the export date is in the foot");
    assert!(html.contains("<thead>"), "table headers repeat on every page");
    assert!(!html.contains("table, section"), "tables may break across pages");
    assert!(html.contains("h1, h2, h3 { break-after: avoid"), "no heading ends a page");
    let top = html.find("Onze top 3").unwrap();
    assert!(top < html.find("Deelnemers").unwrap() && top < html.find("Stemrondes").unwrap());
    assert!(html.contains("Structurele kernpartners (7)"), "parents are structural partners");
    assert!(html.contains("Legenda") && html.contains("Acties bij dit thema"));
    let plain = String::from_utf8(render(&example(), Format::Html, Lang::Nl, Options::default()));
    assert!(!plain.unwrap().contains("Geëxporteerd"), "no export date unless given");
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

use common::knoop_command as knoop;

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
    let out = knoop(&["export", copy.to_str().unwrap(), "--format", "xlsx"]);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(fs::read(dir.path().join("najaar.xlsx")).unwrap().starts_with(b"PK"));
    let out = knoop(&["export", copy.to_str().unwrap(), "--format", "csv", "--tabel", "stemmen"]);
    assert_eq!(out.status.code(), Some(0));
    let votes = fs::read_to_string(dir.path().join("najaar-stemmen.csv")).unwrap();
    assert!(votes.starts_with("\u{feff}ronde;plaats;thema;stippen;door\r\n"), "{votes}");
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
    let out =
        knoop(&["export", copy.to_str().unwrap(), "--format", "csv", "--zonder-bom", "-o", "-"]);
    assert!(out.stdout.starts_with(b"actie;eigenaar"));
    let out =
        knoop(&["export", copy.to_str().unwrap(), "--format", "csv", "--sep", ",", "-o", "-"]);
    assert!(out.stdout.starts_with("\u{feff}actie,eigenaar".as_bytes()));
    let out = knoop(&[
        "--lang",
        "en",
        "export",
        copy.to_str().unwrap(),
        "--format",
        "csv",
        "--table",
        "actions",
        "-o",
        "-",
    ]);
    assert!(out.stdout.starts_with(b"action,owner"));
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

#[test]
fn the_workbook_freezes_its_headers_sizes_its_columns_and_quotes_formula_like_text() {
    use std::io::Read;
    let bytes = render(&nasty(), Format::Xlsx, Lang::Nl, options());
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut part = |name: &str| {
        let mut xml = String::new();
        zip.by_name(name).unwrap().read_to_string(&mut xml).unwrap();
        xml
    };
    for n in 1..=5 {
        let sheet = part(&format!("xl/worksheets/sheet{n}.xml"));
        assert!(sheet.contains("ySplit=\"1\"") && sheet.contains("state=\"frozen\""), "{sheet}");
        assert!(sheet.contains("customWidth=\"1\""), "columns are sized: {sheet}");
        assert!(sheet.contains("<autoFilter ref=\"A1:"), "a filter on the header: {sheet}");
        assert!(!sheet.contains("<f>"), "no formulas: {sheet}");
    }
    assert!(part("xl/styles.xml").contains("quotePrefix=\"1\""), "formula-like text is quoted");
    assert!(part("xl/styles.xml").contains("dd-mm-yyyy"), "Dutch dates");
}
