//! The whole example meeting, key by key, through the key map and `update`: 8 participants,
//! 3 dots each, a top 12 and then a top 3 with a tie broken by a run-off, a 3×3 matrix with 12
//! activities, 6 actions and 4 agreements. Once at the keyboard alone, once with the phones
//! voting, signing people in and bringing in the inventory. Counts every key the facilitator
//! presses, and prints the counts (`cargo test --test meeting_keys -- --nocapture`).

mod common;

use std::path::PathBuf;

use knoop::app::{App, Msg, keymap, update};
use knoop::i18n::Lang;
use knoop::model::{ActivityStatus, Ballot, Inbreng, Session, ThemeId, Voter, template};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// The facilitator at the keyboard: every key goes through the key map, as in the terminal.
struct Facilitator {
    app: App,
    /// Characters typed as text (names, activities) or dictated (a candidate's number).
    typed: usize,
    /// Every other key: commands, Enter, Tab, Esc, arrows.
    other: usize,
}

impl Facilitator {
    fn new() -> Self {
        // As `knoop new` and the picker make it: for a meeting today.
        let (title, now) = ("Knooppunt De Regenboog", jiff::Timestamp::UNIX_EPOCH);
        let session = Session::for_meeting(title, &template::PREVENTIEMATRIX, now, common::TODAY);
        let mut app = App::new(session, PathBuf::from("regenboog.json"), Lang::Nl);
        app.today = common::TODAY;
        update(&mut app, Msg::Resize(120, 36));
        Facilitator { app, typed: 0, other: 0 }
    }

    fn press(&mut self, code: KeyCode, mods: KeyModifiers) {
        let msg = keymap::msg_for(&self.app, KeyEvent::new(code, mods));
        let Some(msg) = msg else {
            panic!("{code:?} does nothing here: {:?}", self.app.overlay);
        };
        let text =
            matches!(msg, Msg::Input(tui_input::InputRequest::InsertChar(_)) | Msg::Digit(_));
        if text {
            self.typed += 1;
        } else {
            self.other += 1;
        }
        update(&mut self.app, msg);
    }

    /// Command keys, by name: "Enter", "Tab", "Esc", "Right", "^n" (Ctrl), or one character.
    fn keys(&mut self, keys: &[&str]) {
        for k in keys {
            let (code, mods) = match *k {
                "Enter" => (KeyCode::Enter, KeyModifiers::NONE),
                "Tab" => (KeyCode::Tab, KeyModifiers::NONE),
                "Esc" => (KeyCode::Esc, KeyModifiers::NONE),
                "Right" => (KeyCode::Right, KeyModifiers::NONE),
                "Left" => (KeyCode::Left, KeyModifiers::NONE),
                "Down" => (KeyCode::Down, KeyModifiers::NONE),
                ctrl if ctrl.starts_with('^') => {
                    (KeyCode::Char(ctrl.chars().nth(1).unwrap()), KeyModifiers::CONTROL)
                }
                c => (KeyCode::Char(c.chars().next().unwrap()), KeyModifiers::NONE),
            };
            self.press(code, mods);
        }
    }

    /// Text typed character by character; every one must land in a text field.
    fn text(&mut self, text: &str) {
        for c in text.chars() {
            let before = self.typed;
            self.press(KeyCode::Char(c), KeyModifiers::NONE);
            assert_eq!(self.typed, before + 1, "{c:?} of {text:?} did not type");
        }
    }

    /// A voter's dots, dictated as candidate numbers: "4", "12", or "1" then Enter.
    fn dictate(&mut self, numbers: &[u32]) {
        let count = self.app.session.rounds.last().map_or(0, |r| r.candidates.len()) as u32;
        for &n in numbers {
            for c in n.to_string().chars() {
                self.press(KeyCode::Char(c), KeyModifiers::NONE);
            }
            // A number that could still grow (1 of 12) waits for Enter.
            if n * 10 <= count {
                self.keys(&["Enter"]);
            }
        }
    }

    fn total(&self) -> usize {
        self.typed + self.other
    }
}

/// The eight people at the table, in the order of the open seats they fill.
const PEOPLE: [&str; 8] = [
    "Marieke de Vries",
    "Sanne Jansen",
    "Ahmed Benali",
    "Ingrid Smit",
    "Ruud Verbeek",
    "Kevin Pinas",
    "Fatima el Amrani",
    "Jeroen Bakker",
];

/// Round 1, 19 themes → top 12: each voter's three candidate numbers; 12 themes get two dots
/// each, the other 7 none, so the cut is clean.
const ROUND_1: [[u32; 3]; 8] = [
    [16, 1, 5],
    [16, 1, 5],
    [8, 9, 18],
    [8, 9, 18],
    [2, 3, 4],
    [2, 3, 4],
    [6, 17, 19],
    [6, 17, 19],
];

/// Round 2, the top 12 → top 3 (numbered in list order): 2 and 3 clearly through, 4 and 5
/// tie for third place.
const ROUND_2: [[u32; 3]; 8] =
    [[2, 3, 4], [2, 3, 5], [2, 3, 4], [2, 3, 5], [2, 6, 4], [2, 7, 5], [3, 8, 9], [10, 11, 12]];

/// The run-off between the two tied themes: one dot each, five to three.
const RUN_OFF: [u32; 8] = [1, 1, 1, 1, 1, 2, 2, 2];

/// The inventory as it goes on a flip chart: for each of the 3 focus themes × 3 levels, what
/// is said, "activity;provider" ("→" takes the provider knoop suggests from the session and
/// the organisations at the table), a leading "+" for what is needed.
const INVENTORY: [&[&str]; 9] = [
    &["Ontbijt;School", "Jeugdfonds"],
    &["+Spreekuur armoede"],
    &["Schuldhulp;Gemeente"],
    &["Schoolfruit;GGD", "Watertappunt"],
    &["Extra consult;JGZ"],
    &["+GLI;Huisarts"],
    &["Kanjertraining", "+Buitenspelen;jo→"],
    &["+Weerbaarheid;jo→"],
    &["Ambulant;Jeugdhulp"],
];

/// The actions: what (empty: the next needed activity of the matrix, taken with ↓), owner (a
/// prefix of a name), when.
const ACTIONS: [(&str, &str, &str); 6] = [
    ("", "ma", "vr"),
    ("", "ah", "1 mrt"),
    ("", "ke", "eind jan"),
    ("", "ke", "1 feb"),
    ("Beweegprogramma", "in", "vr"),
    ("Verzuimcijfers", "ru", "eind mrt"),
];

/// The agreements on regie, one per question of step 4.
const AGREEMENTS: [&str; 4] =
    ["Elke zes weken", "IB houdt lijst bij", "JGZ brengt cijfers", "Via nieuwsbrief"];

/// Steps 3 and 4, the same with or without phones.
fn actions_and_agreements(f: &mut Facilitator) {
    f.keys(&[">"]);
    for (what, who, when) in ACTIONS {
        f.keys(&["a"]);
        if what.is_empty() {
            f.keys(&["Down"]);
        } else {
            f.text(what);
        }
        f.keys(&["Tab"]);
        f.text(who);
        f.keys(&["Tab"]);
        f.text(when);
        f.keys(&["Enter"]);
    }
    f.keys(&[">"]);
    for agreed in AGREEMENTS {
        f.keys(&["a"]);
        f.text(agreed);
        f.keys(&["Enter"]);
    }
}

/// What every meeting must end with, however it was entered.
fn check_the_outcome(app: &App, voted_by: &str) {
    let s = &app.session;
    assert_eq!(s.participants.len(), 8, "{voted_by}");
    assert_eq!(s.focus_themes().len(), 3, "{voted_by}: a settled top 3");
    let focus = s.focus_themes();
    let activities: usize = focus
        .iter()
        .filter_map(|&t| s.matrix.theme(t))
        .map(|t| s.matrix.levels.iter().map(|l| t.activities(l.id).len()).sum::<usize>())
        .sum();
    assert_eq!(activities, 12, "{voted_by}: twelve activities in the top 3's rows");
    assert_eq!(s.actions.len(), 6, "{voted_by}");
    assert!(s.actions.iter().all(|a| a.owner.is_some() && a.due.is_some()), "{voted_by}");
    assert_eq!(s.agreements.len(), 4, "{voted_by}");
    assert!(s.agreements.iter().all(|a| a.question.is_some()), "{voted_by}: each answers one");
    assert_eq!(s.meeting_date, Some(common::TODAY), "{voted_by}");
}

/// Setup: the eight people in the open seats (the date is today's already).
fn setup(f: &mut Facilitator) {
    f.keys(&["p"]);
    for name in PEOPLE {
        f.keys(&["Enter"]);
        f.text(name);
        f.keys(&["Enter"]);
    }
    f.keys(&["Esc"]);
}

#[test]
fn the_whole_meeting_at_the_keyboard_takes_at_most_600_keys() {
    let mut f = Facilitator::new();
    setup(&mut f);
    let after_setup = f.total();

    // Step 1: the top 12, the top 3, the tie at the cut broken by a run-off.
    f.keys(&["n", "Enter"]);
    for dots in ROUND_1 {
        f.dictate(&dots);
    }
    f.keys(&["c", "n", "Enter"]);
    for dots in ROUND_2 {
        f.dictate(&dots);
    }
    f.keys(&["c", "r"]);
    for dot in RUN_OFF {
        f.dictate(&[dot]);
    }
    f.keys(&["c"]);
    let after_voting = f.total();

    // Step 2: the matrix, cell by cell, typed in the cell (serpentine through the grid).
    f.keys(&[">"]);
    let moves = ["Right", "Right", "Down", "Left", "Left", "Down", "Right", "Right"];
    let order = [0, 1, 2, 5, 4, 3, 6, 7, 8];
    for (k, &cell) in order.iter().enumerate() {
        f.keys(&["Enter"]);
        for (n, line) in INVENTORY[cell].iter().enumerate() {
            let more = n + 1 < INVENTORY[cell].len();
            let (needed, line) = match line.strip_prefix('+') {
                Some(rest) => (true, rest),
                None => (false, *line),
            };
            if needed {
                f.keys(&["^n"]);
            }
            match line.strip_suffix('→') {
                Some(start) => {
                    f.text(start);
                    f.keys(&["Right"]);
                }
                None => f.text(line),
            }
            f.keys(&["Enter"]);
            // Bestaat/nodig stays for the next line of the cell: back only if one follows.
            if needed && more {
                f.keys(&["^n"]);
            }
        }
        f.keys(&["Enter"]);
        if let Some(m) = moves.get(k) {
            f.keys(&[m]);
        }
    }
    let after_matrix = f.total();

    actions_and_agreements(&mut f);
    check_the_outcome(&f.app, "keyboard");
    let needed = f
        .app
        .session
        .matrix
        .themes
        .iter()
        .flat_map(|t| t.cells.values().flatten())
        .filter(|a| a.status == ActivityStatus::Needed)
        .count();
    assert!(needed >= 4, "the needed activities are needed: {needed}");
    let linked = f.app.session.actions.iter().filter(|a| a.level.is_some()).count();
    assert_eq!(linked, 4, "four actions take up what the matrix needs, linked to their cell");
    assert!(f.app.session.needed_without_action().is_empty());

    println!(
        "keyboard only: {} keys ({} typed, {} other) · setup {}, voting {}, matrix {}, actions and agreements {}",
        f.total(),
        f.typed,
        f.other,
        after_setup,
        after_voting - after_setup,
        after_matrix - after_voting,
        f.total() - after_matrix
    );
    assert!(f.total() <= 600, "{} keys", f.total());
    assert!(f.other <= 120, "{} keys that are not typed text", f.other);
}

#[test]
fn with_phones_the_facilitator_presses_at_most_250_keys() {
    let mut f = Facilitator::new();

    // Step 1: the phones sign their owners in and vote; the keyboard opens and closes rounds.
    f.keys(&["n", "Enter", "f"]);
    let phones = |f: &mut Facilitator, ballots: Vec<Vec<u32>>| {
        let round = f.app.session.rounds.last().unwrap();
        let (id, candidates) = (round.id, round.candidates.clone());
        for (p, numbers) in f.app.session.participants.clone().iter().zip(ballots) {
            let dots = numbers.iter().map(|&n| (candidates[n as usize - 1], 1)).collect();
            let ballot = Ballot { voter: Voter::Participant(p.id), dots };
            update(&mut f.app, Msg::PhoneBallot(id, ballot));
        }
    };
    let organisations = [
        "Schoolleiding",
        "Intern begeleider",
        "JGZ",
        "Schoolmaatschappelijk werk",
        "Leerplicht",
        "Jongerenwerk",
        "Ouder",
        "Ouder",
    ];
    for (name, organisation) in PEOPLE.iter().zip(organisations) {
        let (name, organisation) = (name.to_string(), organisation.to_owned());
        update(&mut f.app, Msg::PhoneJoin { name, organisation });
    }
    phones(&mut f, ROUND_1.iter().map(|b| b.to_vec()).collect());
    f.keys(&["c", "n", "Enter", "f"]);
    phones(&mut f, ROUND_2.iter().map(|b| b.to_vec()).collect());
    f.keys(&["c", "r", "f"]);
    phones(&mut f, RUN_OFF.iter().map(|&n| vec![n]).collect());
    f.keys(&["c"]);
    let after_voting = f.total();

    // Step 2: the phones bring the inventory in; Enter takes each into the matrix.
    f.keys(&[">", "f"]);
    let focus = f.app.session.focus_themes();
    let levels: Vec<_> = f.app.session.matrix.levels.iter().map(|l| l.id).collect();
    for (cell, lines) in INVENTORY.iter().enumerate() {
        for line in *lines {
            let (status, line) = match line.strip_prefix('+') {
                Some(rest) => (ActivityStatus::Needed, rest),
                None => (ActivityStatus::Existing, *line),
            };
            let (text, provider) = line.split_once(';').unwrap_or((line, ""));
            // A phone types the whole name (its page suggests the known ones).
            let provider = match provider.strip_suffix('→') {
                Some(start) => knoop::app::suggestion(&f.app, start).unwrap(),
                None => provider.to_owned(),
            };
            let item = Inbreng {
                id: 0,
                theme: focus[cell / 3],
                level: levels[cell % 3],
                text: text.into(),
                provider,
                status,
                from: "t1".into(),
                set_aside: false,
            };
            update(&mut f.app, Msg::PhoneInbreng(item));
        }
    }
    f.keys(&["b"]);
    for _ in 0..12 {
        f.keys(&["Enter"]);
    }
    f.keys(&["f"]);
    let after_matrix = f.total();

    actions_and_agreements(&mut f);
    check_the_outcome(&f.app, "phones");
    println!(
        "with phones: {} keys ({} typed, {} other) · voting {}, matrix {}, actions and agreements {}",
        f.total(),
        f.typed,
        f.other,
        after_voting,
        after_matrix - after_voting,
        f.total() - after_matrix
    );
    assert!(f.total() <= 250, "{} keys", f.total());
    let _ = ThemeId(0);
}
