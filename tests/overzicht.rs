//! The regional overview on small hand-made folders with known answers: counts per theme,
//! shared gaps, provider grouping, overdue actions and stale schools, filters; files that are
//! corrupt, newer, locked or replaced during the scan; privacy; the screen and the HTML export.

mod common;

use std::path::{Path, PathBuf};

use jiff::civil::{Date, date};
use knoop::app::Msg;
use knoop::i18n::Lang;
use knoop::model::{ActionStatus, Activity, ActivityStatus, SchoolType, Session};
use knoop::overzicht::export::{Format, Report, render};
use knoop::overzicht::{Filter, Outcome, OverzichtView, Section, overview, scan};

const TODAY: Date = date(2026, 12, 7);

/// People in the hand-made sessions: no output may name them.
const PEOPLE: [&str; 3] = ["Annemiek Pieterse", "Bartholomeus Kok", "Celine Oudshoorn"];

const GL: &str = "Gezonde leefstijl";
const GB: &str = "Gezond beweeggedrag";
const VS: &str = "Veilige school";

/// A session of `school` in `gemeente` (type, day), with `focus` as its closed top 3, its
/// samenwerkingsverband, and a note that names someone (which no output may show).
fn session(school: &str, gemeente: &str, kind: SchoolType, day: Date, focus: &[&str]) -> Session {
    let mut s = common::region::session(school, gemeente, kind, day, focus, &PEOPLE);
    s.details.samenwerkingsverband = "SWV Test".into();
    s.notes = format!("Intern: {} belt terug", PEOPLE[0]);
    s
}

/// Adds an activity to a theme × level (0 universeel, 1 selectief, 2 geïndiceerd).
fn activity(s: &mut Session, theme: &str, level: usize, status: ActivityStatus, provider: &str) {
    let theme = s.matrix.themes.iter().find(|t| t.desired == theme).unwrap().id;
    let level = s.matrix.levels[level].id;
    let a = Activity::new("Iets", status, provider);
    s.matrix.add_activity(theme, level, a).unwrap();
}

fn action(s: &mut Session, due: Date, status: ActionStatus) {
    let id = s.add_action("Bellen", None, Some(due));
    s.actions.iter_mut().find(|a| a.id == id).unwrap().status = status;
}

use common::region::{names, write};

/// Three schools: A (Alkmaar, po, early 2025), B (Alkmaar, vo), C (Heiloo, po), in subfolders.
fn region() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let mut a =
        session("De Regenboog", "Alkmaar", SchoolType::Po, date(2025, 1, 10), &[GL, GB, VS]);
    activity(&mut a, GL, 0, ActivityStatus::Needed, "GGD");
    activity(&mut a, GL, 1, ActivityStatus::Existing, "JGZ");
    activity(&mut a, GB, 0, ActivityStatus::Existing, "Buurtsportcoach");
    // A provider that is a person's name never reaches the overview.
    activity(&mut a, GB, 1, ActivityStatus::Existing, PEOPLE[1]);
    action(&mut a, date(2025, 3, 1), ActionStatus::Open);
    action(&mut a, date(2025, 2, 1), ActionStatus::Done);
    action(&mut a, date(2027, 3, 1), ActionStatus::Busy);
    write(dir.path(), "alkmaar/regenboog.json", &a);

    let mut b = session("Het Anker", "Alkmaar", SchoolType::Vo, date(2026, 3, 2), &[GL, VS]);
    activity(&mut b, GL, 1, ActivityStatus::Existing, "GGD Hollands Noorden");
    activity(&mut b, GL, 2, ActivityStatus::Needed, "jgz");
    action(&mut b, date(2026, 11, 1), ActionStatus::Open);
    action(&mut b, date(2026, 12, 1), ActionStatus::Busy);
    write(dir.path(), "alkmaar/anker.json", &b);

    let mut c = session("De Vlinder", "Heiloo", SchoolType::Po, date(2026, 10, 1), &[GL, GB]);
    activity(&mut c, GL, 0, ActivityStatus::Existing, "ggd");
    activity(&mut c, GL, 0, ActivityStatus::Needed, "Bibliotheek");
    action(&mut c, date(2027, 1, 15), ActionStatus::Open);
    write(dir.path(), "heiloo/vlinder.json", &c);
    dir
}

#[test]
fn the_top_3_counts_sessions_per_theme_by_gemeente_and_type() {
    let dir = region();
    let scan = scan(dir.path(), Lang::Nl).unwrap();
    assert_eq!(scan.sessions.len(), 3, "subfolders are read: {:?}", scan.unread);
    assert!(scan.unread.is_empty());
    let o = overview(&scan.sessions, &Filter::default(), TODAY);
    let top: Vec<(&str, usize)> =
        o.top.iter().map(|r| (r.theme.as_str(), r.sessions.len())).collect();
    assert_eq!(top, vec![(GL, 3), (GB, 2), (VS, 2)]);
    assert_eq!(o.top[0].by_gemeente, vec![("Alkmaar".to_owned(), 2), ("Heiloo".to_owned(), 1)]);
    assert_eq!(o.top[0].by_type, vec![(Some(SchoolType::Po), 2), (Some(SchoolType::Vo), 1)]);
    assert_eq!(names(&scan, &o.top[1].sessions), vec!["De Regenboog", "De Vlinder"]);
}

#[test]
fn shared_gaps_put_what_most_schools_miss_first() {
    let dir = region();
    let scan = scan(dir.path(), Lang::Nl).unwrap();
    let o = overview(&scan.sessions, &Filter::default(), TODAY);
    let first = &o.gaps[0];
    // Gezonde leefstijl · Universeel: needed at A and C, nothing existing at A and B.
    assert_eq!((first.theme.as_str(), first.level.as_str()), (GL, "Universeel"));
    assert_eq!(names(&scan, &first.needed), vec!["De Regenboog", "De Vlinder"]);
    assert_eq!(names(&scan, &first.nothing), vec!["De Regenboog", "Het Anker"]);
    assert_eq!(first.sessions.len(), 3);
    // Gezonde leefstijl · Selectief exists at A and B, and C has nothing there: one school.
    let sel = o.gaps.iter().find(|g| g.theme == GL && g.level == "Selectief").unwrap();
    assert_eq!(names(&scan, &sel.sessions), vec!["De Vlinder"]);
    // A cell with something existing and nothing needed is no gap.
    let counts: Vec<usize> = o.gaps.iter().map(|g| g.sessions.len()).collect();
    assert!(counts.windows(2).all(|w| w[0] >= w[1]), "most shared first: {counts:?}");
}

#[test]
fn provider_spellings_are_grouped_and_the_grouping_shown() {
    let dir = region();
    let scan = scan(dir.path(), Lang::Nl).unwrap();
    let o = overview(&scan.sessions, &Filter::default(), TODAY);
    let ggd = o.providers.iter().find(|p| p.name == "GGD").expect("a GGD row");
    assert_eq!(ggd.also, vec!["GGD Hollands Noorden".to_owned(), "ggd".to_owned()]);
    assert_eq!(names(&scan, &ggd.runs), vec!["De Vlinder", "Het Anker"]);
    assert_eq!(names(&scan, &ggd.asked), vec!["De Regenboog"]);
    let jgz = o.providers.iter().find(|p| p.name == "JGZ").expect("a JGZ row");
    assert_eq!(jgz.also, vec!["jgz".to_owned()]);
    assert_eq!(jgz.sessions.len(), 2);
    assert_eq!(o.providers[0].name, "GGD", "the widest reach first");
    assert!(
        o.providers
            .iter()
            .all(|p| !p.name.contains("Kok") && p.also.iter().all(|a| !a.contains("Kok"))),
        "a participant named as provider is left out"
    );
    let grouped = knoop::overzicht::aggregate::group_providers([
        "GGD",
        "GGD Hollands Noorden",
        "G.G.D.",
        "Gemeente Ede",
    ]);
    assert_eq!(grouped["GGD Hollands Noorden"], "GGD");
    assert_eq!(grouped["Gemeente Ede"], "Gemeente Ede", "no shorter spelling to group under");
    assert_eq!(grouped["G.G.D."], "G.G.D.", "initials with dots are other words");
}

#[test]
fn follow_through_counts_overdue_actions_and_stale_schools() {
    let dir = region();
    let scan = scan(dir.path(), Lang::Nl).unwrap();
    let o = overview(&scan.sessions, &Filter::default(), TODAY);
    let row = |name: &str| o.follow.iter().find(|f| f.school == name).unwrap().clone();
    let a = row("De Regenboog");
    assert_eq!(
        (a.open, a.overdue, a.stale),
        (2, 1, true),
        "met in Jan 2025: no follow-up for 12 months"
    );
    let b = row("Het Anker");
    assert_eq!((b.open, b.overdue, b.stale), (2, 2, false));
    let c = row("De Vlinder");
    assert_eq!((c.open, c.overdue, c.stale), (1, 0, false));
    assert_eq!(o.follow[0].school, "Het Anker", "the most overdue first");

    // A follow-up meeting of De Regenboog a year later: one school, its latest session counts.
    let first = knoop::store::load(&dir.path().join("alkmaar/regenboog.json")).unwrap();
    let mut next = first.follow_up(
        "Knooppunt De Regenboog 2026",
        "regenboog.json",
        jiff::Timestamp::UNIX_EPOCH,
    );
    next.meeting_date = Some(date(2026, 2, 1));
    write(dir.path(), "alkmaar/regenboog-2026.json", &next);
    let scan = knoop::overzicht::scan(dir.path(), Lang::Nl).unwrap();
    let o = overview(&scan.sessions, &Filter::default(), TODAY);
    let a = o.follow.iter().find(|f| f.school == "De Regenboog").unwrap();
    assert_eq!(a.sessions.len(), 2);
    assert_eq!(a.last, date(2026, 2, 1));
    assert!(!a.stale);
    assert_eq!(o.follow.len(), 3, "still three schools");
}

#[test]
fn filters_narrow_every_count() {
    let dir = region();
    let scan = scan(dir.path(), Lang::Nl).unwrap();
    let by = |f: Filter| {
        let o = overview(&scan.sessions, &f, TODAY);
        (
            o.shown.len(),
            o.top.iter().map(|r| (r.theme.clone(), r.sessions.len())).collect::<Vec<_>>(),
        )
    };
    let alkmaar = Filter { gemeente: Some("alkmaar".into()), ..Filter::default() };
    assert_eq!(by(alkmaar.clone()), (2, vec![(GL.into(), 2), (VS.into(), 2), (GB.into(), 1)]));
    let po = Filter { school_type: Some(SchoolType::Po), ..Filter::default() };
    assert_eq!(by(po).0, 2);
    let y2026 = Filter { year: Some(2026), ..Filter::default() };
    assert_eq!(by(y2026).0, 2);
    let none = Filter {
        gemeente: Some("Alkmaar".into()),
        school_type: Some(SchoolType::Kinderopvang),
        ..Filter::default()
    };
    assert_eq!(by(none), (0, vec![]));
    assert_eq!(alkmaar.describe(Lang::Nl), "gemeente alkmaar");
    assert_eq!(Filter::default().describe(Lang::Nl), "geen filters, alle sessies");
}

#[test]
fn the_screen_filters_by_key_and_opens_the_sessions_behind_a_count() {
    let dir = region();
    let scan = scan(dir.path(), Lang::Nl).unwrap();
    let mut v = OverzichtView::new(scan, Lang::Nl, TODAY);
    v.update(Msg::FilterGemeente);
    assert_eq!(v.filter.gemeente.as_deref(), Some("Alkmaar"));
    assert_eq!(v.overview.shown.len(), 2);
    v.update(Msg::FilterGemeente);
    assert_eq!(v.filter.gemeente.as_deref(), Some("Heiloo"));
    v.update(Msg::FilterGemeente);
    assert_eq!(v.filter.gemeente, None, "after the last value: all again");
    v.update(Msg::FilterYear);
    assert_eq!(v.filter.year, Some(2026), "newest year first");
    v.update(Msg::ClearFilters);
    assert!(v.filter.is_empty());
    // Enter on a count lists the sessions behind it; o opens one read-only.
    v.update(Msg::Down);
    v.update(Msg::Confirm);
    let behind = v.behind.clone().expect("the sessions behind Gezond beweeggedrag");
    assert_eq!(behind.sessions.len(), 2);
    v.update(Msg::Down);
    v.update(Msg::OpenReadOnly);
    let Some(Outcome::Open(path)) = v.outcome.clone() else { panic!("{:?}", v.outcome) };
    assert!(path.ends_with("heiloo/vlinder.json"), "{path:?}");
    v.update(Msg::Close);
    assert!(v.behind.is_none());
    v.update(Msg::FocusNext);
    assert_eq!(v.section, Section::Gaps);
    v.update(Msg::FocusPrev);
    v.update(Msg::FocusPrev);
    assert_eq!(v.section, Section::Unread);
}

#[test]
fn unreadable_files_are_listed_with_their_reason_and_a_locked_file_is_read_untouched() {
    let dir = region();
    let d = dir.path();
    std::fs::write(d.join("kapot.json"), "{ \"format\": \"knoop-session\", ").unwrap();
    std::fs::write(d.join("leeg.json"), "").unwrap();
    std::fs::write(d.join("ander.json"), "{\"hallo\": 1}").unwrap();
    let newer = String::from_utf8(knoop::store::format::to_bytes(&session(
        "Nieuw",
        "Ede",
        SchoolType::Po,
        TODAY,
        &[GL],
    )))
    .unwrap()
    .replacen("\"version\": 1", "\"version\": 99", 1);
    std::fs::write(d.join("nieuwer.json"), newer).unwrap();
    // knoop's own files beside sessions are no sessions.
    std::fs::write(d.join(".knoop-x.tmp"), "half").unwrap();
    std::fs::write(d.join("alkmaar/anker.json.bak"), "oud").unwrap();
    // De Vlinder is open in a knoop right now: it holds the lock.
    let locked = d.join("heiloo/vlinder.json");
    let me = knoop::store::LockInfo::current(jiff::Timestamp::now());
    let lock = knoop::store::try_lock(&locked, &me).unwrap();
    let lock_file = knoop::store::lock_path(&locked);
    let lock_before = std::fs::read(&lock_file).unwrap();
    let session_before = std::fs::read(&locked).unwrap();

    let scan = scan(d, Lang::Nl).unwrap();
    assert_eq!(scan.sessions.len(), 3, "the locked session is read too");
    let unread: Vec<String> = scan
        .unread
        .iter()
        .map(|u| u.path.file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    assert_eq!(unread, vec!["ander.json", "kapot.json", "leeg.json", "nieuwer.json"]);
    for u in &scan.unread {
        assert!(
            u.reason.contains(&*u.path.display().to_string()),
            "the reason names the file: {}",
            u.reason
        );
    }
    let newer = &scan.unread[3].reason;
    assert!(newer.contains("nieuwere"), "says a newer knoop made it: {newer}");
    assert_eq!(std::fs::read(&lock_file).unwrap(), lock_before, "the lock is untouched");
    assert_eq!(std::fs::read(&locked).unwrap(), session_before, "the session is untouched");
    drop(lock);

    // The export lists them too, and the screen has a tab for them.
    let o = overview(&scan.sessions, &Filter::default(), TODAY);
    let md = String::from_utf8(render(
        &Report {
            scan: &scan,
            overview: &o,
            filter: &Filter::default(),
            today: TODAY,
            lang: Lang::Nl,
        },
        Format::Md,
    ))
    .unwrap();
    assert!(md.contains("Niet gelezen (4)"), "{md}");
    assert!(md.contains("kapot.json"));
}

#[test]
fn a_file_replaced_during_the_scan_is_read_whole_or_listed_never_lost() {
    let dir = region();
    let path = dir.path().join("heiloo/vlinder.json");
    let base = knoop::store::load(&path).unwrap();
    let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let saver = {
        let (path, stop, base) = (path.clone(), stop.clone(), base.clone());
        std::thread::spawn(move || {
            let mut n = 0u32;
            while !stop.load(std::sync::atomic::Ordering::Relaxed) {
                let mut s = base.clone();
                s.details.wijk = format!("Wijk {n}");
                knoop::store::save(&path, &s).unwrap();
                n += 1;
            }
            n
        })
    };
    for _ in 0..40 {
        let scan = scan(dir.path(), Lang::Nl).unwrap();
        assert_eq!(scan.files(), 3, "no file lost or doubled: {:?}", scan.unread);
        assert!(scan.sessions.iter().any(|s| s.path == path), "read whole: {:?}", scan.unread);
    }
    stop.store(true, std::sync::atomic::Ordering::Relaxed);
    let saves = saver.join().unwrap();
    assert!(saves > 0, "the file was replaced during the scans");
}

#[test]
fn a_missing_folder_is_an_error_not_an_empty_overview() {
    assert!(scan(Path::new("/geen/map/hier"), Lang::Nl).is_err());
}

/// Every text the overview can produce from `dir`: three exports and every section on screen.
fn every_output(dir: &Path) -> Vec<String> {
    let scan = scan(dir, Lang::Nl).unwrap();
    let o = overview(&scan.sessions, &Filter::default(), TODAY);
    let report = Report {
        scan: &scan,
        overview: &o,
        filter: &Filter::default(),
        today: TODAY,
        lang: Lang::Nl,
    };
    let mut out: Vec<String> = [Format::Html, Format::Md, Format::Csv]
        .into_iter()
        .map(|f| String::from_utf8(render(&report, f)).unwrap())
        .collect();
    let mut v = OverzichtView::new(scan.clone(), Lang::Nl, TODAY);
    for _ in 0..Section::ALL.len() {
        for _ in 0..3 {
            out.push(screen(&v, 160, 48));
            v.update(Msg::Down);
        }
        v.update(Msg::Confirm);
        out.push(screen(&v, 160, 48));
        v.update(Msg::Close);
        v.update(Msg::FocusNext);
    }
    out
}

#[test]
fn no_participant_name_vote_or_note_reaches_any_output() {
    let dir = region();
    knoop::overzicht::generate::write_region(&dir.path().join("gegenereerd"), 30).unwrap();
    let outputs = every_output(dir.path());
    let names: Vec<&str> =
        PEOPLE.iter().chain(knoop::overzicht::generate::NAMES).copied().collect();
    for text in &outputs {
        for name in &names {
            assert!(!text.contains(name), "{name} appears in an output:\n{text}");
            for part in name.split(' ').filter(|p| p.len() >= 5) {
                assert!(!text.contains(part), "{part} (of {name}) appears in an output");
            }
        }
        assert!(!text.contains("Intern"), "a note appears");
        assert!(!text.contains("Bellen"), "an action's text appears");
    }
    // The footer says so.
    assert!(outputs[0].contains("geen namen van deelnemers"));
    assert!(outputs[1].contains("geen namen van deelnemers"));
}

fn screen(v: &OverzichtView, width: u16, height: u16) -> String {
    let mut terminal =
        ratatui::Terminal::new(ratatui::backend::TestBackend::new(width, height)).unwrap();
    terminal.draw(|f| knoop::ui::overzicht::draw(f, v, &knoop::ui::Palette::mono())).unwrap();
    terminal.backend().to_string()
}

/// A made-up region of 24 sessions, its folder named "regio" for stable snapshots.
fn generated() -> (tempfile::TempDir, knoop::overzicht::Scan) {
    let dir = tempfile::tempdir().unwrap();
    knoop::overzicht::generate::write_region(dir.path(), 24).unwrap();
    std::fs::write(dir.path().join("kapot.json"), "{").unwrap();
    let mut scan = scan(dir.path(), Lang::Nl).unwrap();
    for u in &mut scan.unread {
        u.reason = u.reason.replace(&*dir.path().display().to_string(), "regio");
        u.path = Path::new("regio").join(u.path.strip_prefix(dir.path()).unwrap());
    }
    scan.dir = PathBuf::from("regio");
    (dir, scan)
}

#[test]
fn the_overview_at_80x24_and_160x48() {
    let (_dir, scan) = generated();
    let mut v = OverzichtView::new(scan, Lang::Nl, TODAY);
    for (name, section) in [
        ("top", Section::Top),
        ("gaps", Section::Gaps),
        ("providers", Section::Providers),
        ("follow", Section::Follow),
        ("interventions", Section::Interventions),
        ("unread", Section::Unread),
    ] {
        v.section = section;
        insta::assert_snapshot!(format!("overzicht_{name}_80x24"), screen(&v, 80, 24));
        insta::assert_snapshot!(format!("overzicht_{name}_160x48"), screen(&v, 160, 48));
    }
    v.section = Section::Top;
    v.update(Msg::FilterGemeente);
    v.update(Msg::Confirm);
    insta::assert_snapshot!("overzicht_behind_80x24", screen(&v, 80, 24));
    v.update(Msg::Close);
    v.update(Msg::ToggleHelp);
    insta::assert_snapshot!("overzicht_help_80x24", screen(&v, 80, 24));
}

#[test]
fn the_html_export() {
    let (_dir, scan) = generated();
    let filter = Filter { gemeente: Some("Alkmaar".into()), ..Filter::default() };
    let o = overview(&scan.sessions, &filter, TODAY);
    let html = String::from_utf8(render(
        &Report { scan: &scan, overview: &o, filter: &filter, today: TODAY, lang: Lang::Nl },
        Format::Html,
    ))
    .unwrap();
    assert!(html.contains("<p class=\"filters\" id=\"filters\">Filters: gemeente Alkmaar</p>"));
    insta::assert_snapshot!("overzicht_html", html);
}
