//! What one session adds to the regional picture, and nothing more.

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use jiff::civil::Date;

use crate::model::{
    ActionStatus, ActivityStatus, Comparison, MeetingDetails, Progress, Recognition, Session,
};

/// How many activities one theme × level cell holds, by status.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CellCount {
    /// The theme's desired situation (the same words across sessions from one template).
    pub theme: Arc<str>,
    /// The level's name.
    pub level: Arc<str>,
    /// Activities marked needed (nodig).
    pub needed: u32,
    /// Activities that exist (bestaand).
    pub existing: u32,
}

/// One provider (uitvoerder) named in a session's matrix.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ProviderUse {
    /// The provider as typed.
    pub name: Arc<str>,
    /// The theme of the cell.
    pub theme: Arc<str>,
    /// True when it runs the activity (bestaand), false when it is asked for it (nodig).
    pub existing: bool,
}

/// One recognised (or looked-up) intervention in a session's matrix: the Databank's name, its
/// rating, whether it runs and whether the room marked it to stop.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct InterventionUse {
    /// The intervention's name as the Databank lists it, else the activity's text.
    pub name: Arc<str>,
    /// Its Databank rating, when looked up.
    pub recognition: Option<Recognition>,
    /// True when it runs (bestaand), false when it is asked for (nodig).
    pub existing: bool,
    /// The room decided to stop it.
    pub stop: bool,
}

/// Where one indicator of a school's ambitions stands, for the follow-through per school and
/// per theme.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct IndicatorUse {
    /// The theme of its ambition.
    pub theme: Arc<str>,
    /// Reached, moved toward the target, or not.
    pub progress: Progress,
}

/// One session as the regional overview sees it: no names, no ballots, no notes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Summary {
    /// The session file.
    pub path: PathBuf,
    /// The school as the overview names it: its name, else its code, else the file's name.
    pub school: String,
    /// Who and where: school, code, type, gemeente, wijk, samenwerkingsverband.
    pub details: MeetingDetails,
    /// The day of the meeting, if set.
    pub date: Option<Date>,
    /// The day of the meeting, else the day the session was last changed: when the school
    /// last met.
    pub last: Date,
    /// A follow-up (second-year) meeting.
    pub follow_up: bool,
    /// The focus themes (top 3), in order.
    pub focus: Vec<Arc<str>>,
    /// The cells of the focus themes and of every theme with activities.
    pub cells: Vec<CellCount>,
    /// Every provider named, with its theme and whether it runs or is asked.
    pub providers: Vec<ProviderUse>,
    /// The due dates of open (not done) actions; `None` for one without a date.
    pub open_actions: Vec<Option<Date>>,
    /// Activities that are an intervention (a Databank name or rating), with their rating.
    pub interventions: Vec<InterventionUse>,
    /// Indicators with a baseline, a target and a new value: where each stands.
    pub indicators: Vec<IndicatorUse>,
}

impl Summary {
    /// The meeting's year: of its day, else of its last change.
    pub fn year(&self) -> i16 {
        self.date.unwrap_or(self.last).year()
    }

    /// How many open actions are past their date on `today`.
    pub fn overdue(&self, today: Date) -> usize {
        self.open_actions.iter().filter(|d| d.is_some_and(|d| d < today)).count()
    }

    /// The key that says two sessions are the same school: its code, else its name, else
    /// the file.
    pub fn school_key(&self) -> String {
        let code = self.details.code.trim().to_lowercase();
        if !code.is_empty() {
            return format!("code:{code}");
        }
        let name = self.details.school.trim().to_lowercase();
        if !name.is_empty() {
            return format!("naam:{name}|{}", self.details.gemeente.trim().to_lowercase());
        }
        format!("file:{}", self.path.display())
    }
}

/// The people in a session, as the words that must never reach the overview.
struct Names {
    /// Whole names, lower case.
    full: Vec<String>,
    /// Parts of names of at least four letters, lower case, matched as whole words.
    parts: Vec<String>,
}

impl Names {
    fn of(s: &Session) -> Names {
        let mut full = Vec::new();
        let mut parts = Vec::new();
        for p in s.participants.iter() {
            let name = p.name.trim().to_lowercase();
            if name.chars().count() >= 3 {
                full.push(name.clone());
            }
            for part in name.split(|c: char| !c.is_alphanumeric()) {
                if part.chars().count() >= 4 && !parts.iter().any(|x| x == part) {
                    parts.push(part.to_owned());
                }
            }
        }
        Names { full, parts }
    }

    /// Whether `text` names one of the people.
    fn in_text(&self, text: &str) -> bool {
        let lower = text.to_lowercase();
        self.full.iter().any(|n| lower.contains(n.as_str()))
            || lower
                .split(|c: char| !c.is_alphanumeric())
                .any(|w| self.parts.iter().any(|p| p == w))
    }

    /// `text` trimmed, or empty when it names a person.
    fn scrub(&self, text: &str) -> String {
        if self.in_text(text) { String::new() } else { text.trim().to_owned() }
    }
}

/// One copy of each theme, level and provider text for many summaries: 10,000 sessions from
/// one template name the same themes, and keep them once.
#[derive(Debug, Default)]
pub struct Interner(HashSet<Arc<str>>);

impl Interner {
    /// The shared copy of `text`.
    pub fn get(&mut self, text: &str) -> Arc<str> {
        if let Some(shared) = self.0.get(text) {
            return shared.clone();
        }
        let shared: Arc<str> = Arc::from(text);
        self.0.insert(shared.clone());
        shared
    }
}

/// The regional summary of `session` read from `path`. Texts that name a participant are
/// left out; notes, ballots, participants and action texts are never read.
pub fn summarize(path: &Path, session: &Session) -> Summary {
    summarize_with(path, session, &mut Interner::default())
}

/// [`summarize`], sharing repeated texts through `interner`.
pub fn summarize_with(path: &Path, session: &Session, interner: &mut Interner) -> Summary {
    let names = Names::of(session);
    let d = &session.details;
    let details = MeetingDetails {
        school: names.scrub(&d.school),
        code: names.scrub(&d.code),
        school_type: d.school_type,
        gemeente: names.scrub(&d.gemeente),
        wijk: names.scrub(&d.wijk),
        samenwerkingsverband: names.scrub(&d.samenwerkingsverband),
        start: d.start,
    };
    let stem = path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
    let school = match details.school_label() {
        "" => names.scrub(&stem),
        label => label.to_owned(),
    };
    let m = &session.matrix;
    let focus_ids = session.focus_themes();
    let focus: Vec<Arc<str>> = focus_ids
        .iter()
        .filter_map(|&id| m.theme(id))
        .map(|t| names.scrub(&t.desired))
        .filter(|t| !t.is_empty())
        .map(|t| interner.get(&t))
        .collect();
    let mut cells = Vec::new();
    let mut providers = Vec::new();
    let mut interventions = Vec::new();
    for theme in m.themes.iter() {
        let label = names.scrub(&theme.desired);
        if label.is_empty() || (!focus_ids.contains(&theme.id) && theme.activity_count() == 0) {
            continue;
        }
        let label = interner.get(&label);
        for level in m.levels.iter() {
            let activities = theme.activities(level.id);
            let needed =
                activities.iter().filter(|a| a.status == ActivityStatus::Needed).count() as u32;
            cells.push(CellCount {
                theme: label.clone(),
                level: interner.get(level.name.trim()),
                needed,
                existing: activities.len() as u32 - needed,
            });
            for a in activities {
                if a.recognition.is_some() || !a.intervention.trim().is_empty() {
                    let label = if a.intervention.trim().is_empty() {
                        names.scrub(&a.text)
                    } else {
                        names.scrub(&a.intervention)
                    };
                    if !label.is_empty() {
                        interventions.push(InterventionUse {
                            name: interner.get(&label),
                            recognition: a.recognition,
                            existing: a.status == ActivityStatus::Existing,
                            stop: a.stop,
                        });
                    }
                }
                let name = names.scrub(&a.provider);
                if !name.is_empty() {
                    providers.push(ProviderUse {
                        name: interner.get(&name),
                        theme: label.clone(),
                        existing: a.status == ActivityStatus::Existing,
                    });
                }
            }
        }
    }
    let open_actions =
        session.actions.iter().filter(|a| a.status != ActionStatus::Done).map(|a| a.due).collect();
    // A second-year session compares with last year's ambitions; a first one has its own.
    let progress: Vec<(crate::model::ThemeId, Option<Progress>)> = match Comparison::of(session) {
        Some(c) => c.indicators.iter().map(|i| (i.theme, i.progress)).collect(),
        None => session
            .ambitions
            .iter()
            .flat_map(|a| a.indicators.iter().map(|i| (a.theme, i.progress())))
            .collect(),
    };
    let previous = session.previous.as_deref();
    let indicators = progress
        .into_iter()
        .filter_map(|(id, p)| {
            let theme = m
                .theme(id)
                .or_else(|| previous.and_then(|prev| prev.matrix.theme(id)))
                .map(|t| names.scrub(&t.desired))
                .filter(|t| !t.is_empty())?;
            Some(IndicatorUse { theme: interner.get(&theme), progress: p? })
        })
        .collect();
    let changed = session.updated.to_zoned_datetime(jiff::tz::TimeZone::UTC).date();
    Summary {
        path: path.to_owned(),
        school,
        details,
        date: session.meeting_date,
        last: session.meeting_date.unwrap_or(changed),
        follow_up: session.follows.is_some(),
        focus,
        cells,
        providers,
        open_actions,
        interventions,
        indicators,
    }
}
