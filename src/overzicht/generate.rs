//! Made-up regions, to practise with and to measure the overview on (`knoop genereer MAP
//! --aantal N`): sessions of made-up schools in a few gemeenten, each from the Preventiematrix
//! template with a closed top-3 round, filled cells with providers spelled the ways people
//! spell them, open and finished actions, and every fifth school a follow-up a year later.
//! Some activities are interventions with a Databank rating (a few marked to stop), the first
//! focus theme has an ambition with an indicator, and a follow-up carries last year frozen
//! with a new value for each indicator, so every part of the overview has something to show.
//! The same count always gives the same region.

use std::io;
use std::path::{Path, PathBuf};

use jiff::civil::{Date, date};
use jiff::{Timestamp, ToSpan};

use crate::model::{
    ActionStatus, Activity, ActivityStatus, Ambition, Baseline, Figure, Indicator, MeetingDetails,
    PreviousYear, Recognition, Role, SchoolType, Session, Target, Voter, template,
};

/// Gemeenten with their wijken and samenwerkingsverband (after seed 001's two regions).
const GEMEENTEN: &[(&str, &[&str], &str)] = &[
    ("Alkmaar", &["Overdie", "Oudorp", "De Mare", "Centrum"], "SWV Noord-Kennemerland"),
    ("Heiloo", &["Het Maalwater", "Zuiderloo"], "SWV Noord-Kennemerland"),
    ("Castricum", &["Centrum", "Noord"], "SWV Noord-Kennemerland"),
    ("Ede", &["Veldhuizen", "Kernhem", "Bennekom"], "SWV De Vallei"),
    ("Wageningen", &["Noordwest", "Benedenbuurt"], "SWV De Vallei"),
    ("Barneveld", &["Centrum", "Voorthuizen"], "SWV Barneveld"),
];

/// School names; a number makes each unique.
const SCHOOLS: &[&str] = &[
    "OBS De Regenboog",
    "CBS Het Anker",
    "IKC De Vlinder",
    "KBS De Wegwijzer",
    "Daltonschool De Kring",
];

/// Providers as people type them: the same organisation in several spellings.
const PROVIDERS: &[&str] = &[
    "GGD",
    "GGD Hollands Noorden",
    "ggd",
    "JGZ",
    "Schoolmaatschappelijk werk",
    "Buurtsportcoach",
    "Jongerenwerk",
    "Gemeente",
    "Bibliotheek",
    "Huisarts",
    "Jeugdhulp",
];

/// Activities, neutral enough for any theme.
const ACTIVITIES: &[&str] = &[
    "Voorlichting aan ouders",
    "Signaleringsoverleg",
    "Training in de klas",
    "Spreekuur op school",
    "Ouderavond",
    "Begeleiding in kleine groepjes",
    "Doorverwijzing naar hulp",
];

/// Interventions by name with a rating, for practice (the ratings are made up here: look an
/// intervention up in the Databank Effectieve Jeugdinterventies before relying on one).
const INTERVENTIONS: &[(&str, Recognition)] = &[
    ("Kanjertraining", Recognition::EersteAanwijzingen),
    ("Rots en Water", Recognition::GoedOnderbouwd),
    ("Taakspel", Recognition::GoedeAanwijzingen),
    ("PAD", Recognition::SterkeAanwijzingen),
    ("Gezonde School-aanpak", Recognition::GoedOnderbouwd),
    ("Eenmalige voorlichtingsavond drugs", Recognition::NietErkend),
];

/// Participants' names: they are in the files and must never reach the overview.
pub const NAMES: &[&str] = &[
    "Anouk Visser",
    "Bram de Wit",
    "Fatima El Amrani",
    "Joost Mulder",
    "Lotte Hendriks",
    "Mehmet Yilmaz",
    "Sanne Jansen",
    "Ruud Verbeek",
];

/// A small, fixed random sequence (xorshift), so a region is the same every time.
struct Dice(u64);

impl Dice {
    fn new(seed: u64) -> Dice {
        Dice(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }

    fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % n.max(1) as u64) as usize
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

/// The `n`-th session of a region (from 0): a school's first meeting, or (every fifth) the
/// follow-up of the school before it a year later.
pub fn session(n: usize) -> Session {
    let follow_up = n % 5 == 4;
    let school_n = if follow_up { n - 1 } else { n };
    let mut dice = Dice::new(school_n as u64 + 1);
    let (gemeente, wijken, swv) = *dice.pick(GEMEENTEN);
    let school_type = match dice.below(10) {
        0..=5 => SchoolType::Po,
        6 => SchoolType::So,
        7 | 8 => SchoolType::Vo,
        _ => SchoolType::Kinderopvang,
    };
    let details = MeetingDetails {
        school: format!("{} {}", dice.pick(SCHOOLS), school_n + 1),
        code: format!(
            "{:02}{}{}",
            school_n % 100,
            (b'A' + (school_n / 100 % 26) as u8) as char,
            (b'A' + dice.below(26) as u8) as char
        ),
        school_type: Some(school_type),
        gemeente: gemeente.to_owned(),
        wijk: dice.pick(wijken).to_string(),
        samenwerkingsverband: swv.to_owned(),
        start: jiff::civil::Time::new(15 + dice.below(5) as i8, 0, 0, 0).ok(),
    };
    let first_day =
        date(2024, 9, 2).checked_add((dice.below(450) as i64).days()).unwrap_or(date(2025, 1, 6));
    let day =
        if follow_up { first_day.checked_add(1.year()).unwrap_or(first_day) } else { first_day };
    let mut dice = Dice::new(n as u64 * 7 + 3);
    let title = format!("Knooppunt {}, {}", details.school, day.year());
    let now = Timestamp::UNIX_EPOCH;
    let mut s = Session::new(&title, &template::PREVENTIEMATRIX, now);
    s.meeting_date = Some(day);
    s.place = details.school.clone();
    s.details = details;
    s.follows = follow_up.then(|| format!("school-{:05}.json", n - 1));
    let people = 4 + dice.below(4);
    let mut ids = Vec::new();
    for k in 0..people {
        let role = if k < 3 { Role::Structural } else { Role::Incidental };
        ids.push(s.add_participant(NAMES[(n + k) % NAMES.len()], "School", role));
    }
    // A top 3 that leans toward a few themes region-wide: the first ones of the list.
    let votable = s.votable_themes();
    let mut focus = Vec::new();
    while focus.len() < 3 && focus.len() < votable.len() {
        let at = (dice.below(votable.len()) * dice.below(votable.len())) / votable.len().max(1);
        let theme = votable[at.min(votable.len() - 1)];
        if !focus.contains(&theme) {
            focus.push(theme);
        }
    }
    let round = s.start_round("Top 3", votable.clone(), 3);
    for &id in &ids {
        for &theme in &focus {
            let _ = s.add_dot(round, Voter::Participant(id), theme);
        }
    }
    if let Some(r) = s.rounds.iter_mut().find(|r| r.id == round) {
        let _ = r.close();
    }
    let levels: Vec<_> = s.matrix.levels.iter().map(|l| l.id).collect();
    let mut extra = Dice::new(n as u64 * 13 + 5);
    for &theme in &focus {
        for &level in &levels {
            for _ in 0..dice.below(3) {
                let status = if dice.below(3) == 0 {
                    ActivityStatus::Needed
                } else {
                    ActivityStatus::Existing
                };
                let text = dice.pick(ACTIVITIES);
                let provider = if dice.below(6) == 0 { "" } else { dice.pick(PROVIDERS) };
                let mut activity = Activity::new(text, status, provider);
                // A separate dice, so the rest of the region stays as it was.
                if extra.below(4) == 0 {
                    let (name, rating) = *extra.pick(INTERVENTIONS);
                    activity.intervention = name.to_owned();
                    activity.recognition = Some(rating);
                    activity.stop = !rating.recognised() && extra.below(2) == 0;
                }
                let _ = s.matrix.add_activity(theme, level, activity);
            }
        }
    }
    for k in 0..2 + dice.below(4) {
        let due = day.checked_add(((1 + dice.below(8)) as i64 * 4).weeks()).ok();
        let owner = ids.get(k % ids.len()).copied();
        let id = s.add_action(&format!("Actie {} uit het overleg", k + 1), owner, due);
        if let Some(a) = s.actions.iter_mut().find(|a| a.id == id) {
            a.status = match dice.below(4) {
                0 => ActionStatus::Done,
                1 => ActionStatus::Busy,
                _ => ActionStatus::Open,
            };
        }
    }
    s.notes = format!("Intern: {} belt de ouders terug.", NAMES[n % NAMES.len()]);
    if follow_up {
        // Last year frozen, and a new value for each of its indicators.
        let last_year = session(n - 1);
        s.previous = Some(Box::new(PreviousYear::of(&last_year)));
        for mut ambition in last_year.ambitions.iter().cloned() {
            for indicator in &mut ambition.indicators {
                let base = indicator.baseline.as_ref().map_or(0, |b| b.value.hundredths);
                let now = match extra.below(3) {
                    0 => base - 500,
                    1 => base - 200,
                    _ => base + 100,
                };
                indicator.latest = Figure::parse(&format!("{}%", now / 100))
                    .ok()
                    .map(|value| Baseline { value, year: day.year() });
            }
            s.ambitions.push(ambition);
        }
    } else {
        // Ambitions for the first two focus themes: fewer pupils with a problem, from a
        // monitor. A school that meets again next year always has one, so its follow-up has
        // something to compare.
        for (k, &theme) in focus.iter().take(2).enumerate() {
            let wanted =
                if k == 0 { n % 5 == 3 || extra.below(3) != 0 } else { extra.below(2) == 0 };
            if !wanted {
                continue;
            }
            let base = 10 + extra.below(10);
            let indicator = Indicator {
                name: "Leerlingen die het thema als probleem noemen".to_owned(),
                source: "Gezondheidsmonitor Jeugd".to_owned(),
                baseline: Figure::parse(&format!("{base}%"))
                    .ok()
                    .map(|value| Baseline { value, year: 2023 }),
                target: Figure::parse(&format!("{}%", base - 4))
                    .ok()
                    .map(|value| Target { value, by: date(2027, 12, 31) }),
                latest: None,
            };
            let outcome = "Minder leerlingen noemen dit een probleem";
            if let Ok(a) = Ambition::new(theme, outcome, vec![indicator]) {
                s.ambitions.push(a);
            }
        }
    }
    s
}

/// The file the `n`-th session goes in under `dir`: one subfolder per gemeente.
pub fn path(dir: &Path, n: usize, s: &Session) -> PathBuf {
    let gemeente = if s.details.gemeente.is_empty() { "onbekend" } else { &s.details.gemeente };
    dir.join(gemeente.to_lowercase()).join(format!("school-{n:05}.json"))
}

/// Writes a region of `count` sessions under `dir` (made if missing) and returns how many
/// were written.
pub fn write_region(dir: &Path, count: usize) -> io::Result<usize> {
    for n in 0..count {
        let s = session(n);
        let path = path(dir, n, &s);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent)?;
        }
        std::fs::write(&path, crate::store::format::to_bytes(&s))?;
    }
    Ok(count)
}

/// The day a region's follow-through is best looked at: a while after its last meetings.
pub fn reference_day() -> Date {
    date(2026, 12, 7)
}
