//! Real-terminal tests: the built binary in tmux, driven with send-keys and read with
//! capture-pane. They skip, saying so, only where tmux is missing; CI installs it.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

mod common;
use common::EXAMPLE;
use common::tmux::Tmux;

/// knoop on `file` in a 160×48 tmux session, with the data folder `dir` and `extra_env`.
fn start(name: &str, dir: &Path, file: &Path, extra_env: &str) -> Option<Tmux> {
    let command = format!(
        "env LANG=C.UTF-8 KNOOP_DIR={} {extra_env} {} open {}; echo KNOOP-EXIT $?; sleep 60",
        dir.display(),
        env!("CARGO_BIN_EXE_knoop"),
        file.display()
    );
    Tmux::start(name, &command, (160, 48))
}

fn copy_of_example() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("knooppunt.json");
    std::fs::copy(EXAMPLE, &file).unwrap();
    (dir, file)
}

#[test]
fn open_help_add_a_participant_quit_and_find_it_saved() {
    let (dir, file) = copy_of_example();
    let Some(t) = start("participant", dir.path(), &file, "") else {
        return;
    };
    // The status line is drawn last: once it shows, the whole first frame is there.
    let screen = t.wait_for("? hulp", true);
    assert!(
        screen.contains("STEMMEN") && screen.contains("Matrix") && screen.contains("Acties"),
        "{screen}"
    );
    t.keys(&["?"]);
    t.wait_for("Toetsen", true);
    t.keys(&["Escape"]);
    t.wait_for("Toetsen", false);
    t.keys(&["p"]);
    t.wait_for("Deelnemers ═", true);
    t.keys(&["a"]);
    t.wait_for("Deelnemer toevoegen", true);
    t.text("Tess de Wit");
    t.keys(&["Tab"]);
    t.text("Bibliotheek");
    // Enter adds and offers the form for the next one; Enter on it empty goes to the list.
    t.keys(&["Enter"]);
    t.keys(&["Enter"]);
    t.wait_for("Tess de Wit", true);
    t.keys(&["Escape"]);
    t.wait_for("9/9 aanwezig", true);
    t.keys(&["q"]);
    t.wait_for("KNOOP-EXIT 0", true);
    assert_eq!(
        t.tmux(&["display-message", "-p", "#{alternate_on} #{cursor_flag}"]).trim(),
        "0 1",
        "terminal given back"
    );

    let session = knoop::store::load(&file).unwrap();
    let tess = session.participants.iter().find(|p| p.name == "Tess de Wit").expect("saved");
    assert_eq!(tess.organisation, "Bibliotheek");
    assert!(!knoop::store::lock_path(&file).exists(), "the lock is released");
}

#[test]
fn a_crash_leaves_a_recovery_file_that_the_next_open_offers() {
    let (dir, file) = copy_of_example();
    {
        let Some(t) = start("panic", dir.path(), &file, "KNOOP_TEST_PANIC=1") else {
            return;
        };
        t.wait_for("? hulp", true);
        t.keys(&["p"]);
        t.wait_for("Deelnemers ═", true);
        // Two edits and the crash at once: the second edit is not on disk yet.
        t.keys(&["Space", "Down", "Space", "F12"]);
        let screen = t.wait_for("KNOOP-EXIT", true);
        assert!(screen.contains("KNOOP-EXIT 101"), "{screen}");
        assert_eq!(t.tmux(&["display-message", "-p", "#{alternate_on}"]).trim(), "0");
    }
    assert!(knoop::store::recovery_path(&file).exists(), "the crash left a recovery file");
    let on_disk = knoop::store::load(&file).unwrap();
    assert!(on_disk.participants[1].present, "the second edit was not saved before the crash");

    let Some(t) = start("recover", dir.path(), &file, "") else {
        return;
    };
    t.wait_for("Herstellen na een storing", true);
    t.keys(&["j"]);
    t.wait_for("Herstellen na een storing", false);
    t.keys(&["q"]);
    t.wait_for("KNOOP-EXIT 0", true);
    let restored = knoop::store::load(&file).unwrap();
    assert!(!restored.participants[0].present && !restored.participants[1].present);
    assert!(
        !knoop::store::recovery_path(&file).exists(),
        "the recovery file is gone once answered"
    );
}

#[test]
fn a_round_with_three_voters_closed_in_the_terminal_lands_in_the_file() {
    let (dir, file) = copy_of_example();
    let Some(t) = start("voting", dir.path(), &file, "") else {
        return;
    };
    t.wait_for("? hulp", true);
    t.keys(&["n"]);
    t.wait_for("Nieuwe stemronde", true);
    t.keys(&["Enter"]);
    t.wait_for("Stemmer: Marieke de Vries", true);
    // Three voters dictate three themes each by number; a full ballot moves on by itself.
    // With 19 candidates "1" could still become 10 to 19: Enter says it is 1.
    t.keys(&["1", "Enter", "2", "3"]);
    t.wait_for("Stemmer: Sanne Jansen", true);
    t.keys(&["4", "5", "6"]);
    t.wait_for("Stemmer: Ahmed Benali", true);
    t.keys(&["7", "8", "9"]);
    t.wait_for("3/8 gestemd", true);
    t.keys(&["c"]);
    // Nine themes have a dot; the twelfth place is shared by the ten without.
    t.wait_for("Gelijke stand op de grens", true);
    // Escape and q apart: sent at once, a terminal reads them as Alt-q.
    t.keys(&["Escape"]);
    t.wait_for("Gelijke stand op de grens", false);
    t.keys(&["q"]);
    t.wait_for("KNOOP-EXIT 0", true);

    let session = knoop::store::load(&file).unwrap();
    let round = session.rounds.last().unwrap();
    assert_eq!((round.name.as_str(), round.is_open(), round.ballots.len()), ("Top 12", false, 3));
    let themes =
        |b: &std::sync::Arc<knoop::model::Ballot>| b.dots.keys().map(|t| t.0).collect::<Vec<_>>();
    assert_eq!(
        round.ballots.iter().map(themes).collect::<Vec<_>>(),
        [[1, 2, 3], [4, 5, 6], [7, 8, 9]]
    );
    let result = round.result.as_ref().unwrap();
    assert_eq!(result.through.iter().map(|t| t.0).collect::<Vec<_>>(), (1..=9).collect::<Vec<_>>());
    let tie = result.tie.as_ref().expect("the tie at the cut is kept");
    assert_eq!((tie.first_place, tie.last_place, tie.open_places), (10, 19, 3));
    assert!(result.decision.is_none(), "decided later, never silently");
}

#[test]
fn an_activity_added_to_a_gap_in_the_terminal_fills_it_in_the_file() {
    let (dir, file) = copy_of_example();
    let Some(t) = start("matrix", dir.path(), &file, "") else {
        return;
    };
    t.wait_for("? hulp", true);
    // Matrix pane, second focus theme (Gezonde leefstijl), third column (Geïndiceerd): a gap.
    // Enter opens the cell ready to type: activity, Tab (or `;`), provider, Enter; Enter
    // again on the empty line closes it.
    t.keys(&["Tab", "j", "l", "l", "Enter"]);
    t.wait_for("Gezonde leefstijl · Geïndiceerd", true);
    t.wait_for("Activiteit toevoegen", true);
    t.text("Diëtist in de wijk");
    t.keys(&["Tab"]);
    t.text("jgz");
    t.wait_for("→: JGZ", true);
    t.keys(&["Enter"]);
    t.wait_for("✓ Diëtist in de wijk", true);
    t.keys(&["Enter"]);
    t.wait_for("Gezonde leefstijl · Geïndiceerd", false);
    t.keys(&["q"]);
    t.wait_for("KNOOP-EXIT 0", true);

    let session = knoop::store::load(&file).unwrap();
    let theme = session.matrix.theme(knoop::model::ThemeId(1)).unwrap();
    let level = session.matrix.levels[2].id;
    let added = theme.activities(level).last().unwrap();
    assert_eq!((added.text.as_str(), added.provider.as_str()), ("Diëtist in de wijk", "JGZ"));
    assert!(!session.matrix.is_gap(theme.id, level), "the gap is gone");
}

#[test]
fn an_action_with_owner_and_spoken_date_and_a_done_one_land_in_the_file() {
    let (dir, file) = copy_of_example();
    let Some(t) = start("acties", dir.path(), &file, "") else {
        return;
    };
    t.wait_for("? hulp", true);
    t.keys(&["Tab", "Tab"]);
    t.wait_for("ACTIES", true);
    t.keys(&["a"]);
    t.wait_for("Nieuwe actie", true);
    t.text("Uitnodiging GGD voor de volgende keer");
    t.keys(&["Tab"]);
    t.text("Sanne");
    t.keys(&["Tab"]);
    t.text("vrijdag");
    t.wait_for("= vr ", true);
    t.keys(&["Enter"]);
    t.wait_for("Nieuwe actie", false);
    // The new action is selected; the one above it (Verzuimcijfers) goes open → bezig → klaar.
    t.keys(&["k", "Space", "Space"]);
    t.wait_for("✔ Verzuimcijfers", true);
    t.keys(&["q"]);
    t.wait_for("KNOOP-EXIT 0", true);

    let session = knoop::store::load(&file).unwrap();
    let today = jiff::ZonedDateTime::now().date();
    let friday = knoop::model::parse_date("vrijdag", today).unwrap();
    let added = session
        .actions
        .iter()
        .find(|a| a.text == "Uitnodiging GGD voor de volgende keer")
        .expect("saved");
    assert_eq!((added.owner, added.due), (Some(knoop::model::ParticipantId(2)), Some(friday)));
    let done = session.actions.iter().find(|a| a.text.starts_with("Verzuimcijfers")).unwrap();
    assert_eq!(done.status, knoop::model::ActionStatus::Done);
}

#[test]
fn every_key_is_on_screen_by_the_next_capture() {
    let (dir, file) = copy_of_example();
    let Some(t) = start("keys", dir.path(), &file, "") else {
        return;
    };
    t.wait_for("? hulp", true);
    // The closed top-3 round lists the candidates by ranking; each Down moves the ▶ one row.
    let session = knoop::store::load(&file).unwrap();
    let app = knoop::app::App::new(session, file.clone(), knoop::i18n::Lang::Nl);
    let rows = knoop::app::voting_rows(&app);
    let names: Vec<String> =
        rows.iter().map(|&id| app.theme(id).unwrap().desired.chars().take(20).collect()).collect();
    for name in names.iter().skip(1).take(8) {
        t.keys(&["Down"]);
        // Bounded, not timed: the key's effect is there within a few captures.
        let deadline = Instant::now() + Duration::from_secs(3);
        let marked =
            |screen: &str| screen.lines().any(|l| l.contains('▶') && l.contains(name.as_str()));
        let mut screen = t.screen();
        while !marked(&screen) && Instant::now() < deadline {
            std::thread::sleep(Duration::from_millis(20));
            screen = t.screen();
        }
        assert!(marked(&screen), "▶ on {name:?}:\n{screen}");
    }
    t.keys(&["q"]);
    t.wait_for("KNOOP-EXIT 0", true);
}
