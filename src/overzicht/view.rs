//! The full-screen overview's state and what keys do to it. Like the session picker it has its
//! own small loop (`runtime::overzicht`); its keys come from the one key map, in the
//! [`Context::Overzicht`] and [`Context::OverzichtBehind`] contexts, so `?` and the hints list
//! them the same way as everywhere else.

use std::path::PathBuf;

use jiff::civil::Date;

use super::aggregate::{Choices, Filter, Overview, choices, overview};
use super::scan::Scan;
use crate::app::Msg;
use crate::app::keymap::Context;
use crate::i18n::{Lang, fill};

/// The parts of the overview, one on screen at a time.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Section {
    /// Focus themes across schools.
    Top,
    /// Gaps schools share.
    Gaps,
    /// Providers' reach.
    Providers,
    /// Follow-through per school.
    Follow,
    /// Recognised interventions: which are used where.
    Interventions,
    /// Files that could not be read.
    Unread,
}

impl Section {
    /// In tab order.
    pub const ALL: [Section; 6] = [
        Section::Top,
        Section::Gaps,
        Section::Providers,
        Section::Follow,
        Section::Interventions,
        Section::Unread,
    ];

    fn index(self) -> usize {
        Section::ALL.iter().position(|&s| s == self).unwrap_or(0)
    }

    /// The section's short name, for tabs on a narrow screen.
    pub fn short(self, lang: Lang, unread: usize) -> String {
        let t = lang.texts();
        match self {
            Section::Top => t.ovz_short_top.to_owned(),
            Section::Gaps => t.ovz_short_gaps.to_owned(),
            Section::Providers => t.ovz_short_providers.to_owned(),
            Section::Follow => t.ovz_short_follow.to_owned(),
            Section::Interventions => t.ovz_short_interventions.to_owned(),
            Section::Unread => fill(t.ovz_short_unread, &[&unread]),
        }
    }

    /// The section's name on its tab.
    pub fn title(self, lang: Lang, unread: usize) -> String {
        let t = lang.texts();
        match self {
            Section::Top => t.ovz_tab_top.to_owned(),
            Section::Gaps => t.ovz_tab_gaps.to_owned(),
            Section::Providers => t.ovz_tab_providers.to_owned(),
            Section::Follow => t.ovz_tab_follow.to_owned(),
            Section::Interventions => t.ovz_tab_interventions.to_owned(),
            Section::Unread => fill(t.ovz_tab_unread, &[&unread]),
        }
    }
}

/// The sessions behind one count, listed over the section.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Behind {
    /// What the count is of: a theme, a gap, a provider, a school, an intervention.
    pub title: String,
    /// The sessions (indexes into the scan), in path order.
    pub sessions: Vec<usize>,
    /// The selected one.
    pub selected: usize,
}

/// How the overview ended.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// Stop.
    Quit,
    /// Open this session read-only, then come back.
    Open(PathBuf),
}

/// The overview on screen.
#[derive(Clone, Debug)]
pub struct OverzichtView {
    /// The interface language.
    pub lang: Lang,
    /// What was read.
    pub scan: Scan,
    /// The values each filter can take.
    pub choices: Choices,
    /// The filters set.
    pub filter: Filter,
    /// The overview under `filter`.
    pub overview: Overview,
    /// Today, for what is overdue and which schools have not met for a year.
    pub today: Date,
    /// The section on screen.
    pub section: Section,
    /// The selected row per section.
    pub selected: [usize; 6],
    /// The sessions behind a count, when open.
    pub behind: Option<Behind>,
    /// The key help is open.
    pub help: bool,
    /// A short message for the bottom line, cleared by the next key.
    pub message: Option<String>,
    /// Set when the loop must stop.
    pub outcome: Option<Outcome>,
}

fn cycle<T: Clone + PartialEq>(current: &Option<T>, values: &[T]) -> Option<T> {
    match current {
        None => values.first().cloned(),
        Some(v) => {
            let at = values.iter().position(|x| x == v);
            at.and_then(|at| values.get(at + 1).cloned())
        }
    }
}

fn cycle_text(current: &Option<String>, values: &[String]) -> Option<String> {
    let at = current.as_ref().and_then(|c| values.iter().position(|v| v.eq_ignore_ascii_case(c)));
    match (current, at) {
        (None, _) => values.first().cloned(),
        (Some(_), Some(at)) => values.get(at + 1).cloned(),
        (Some(_), None) => None,
    }
}

impl OverzichtView {
    /// The overview of `scan`, without filters, on `today`.
    pub fn new(scan: Scan, lang: Lang, today: Date) -> Self {
        Self::with_filter(scan, lang, today, Filter::default())
    }

    /// The overview of `scan` under `filter`.
    pub fn with_filter(scan: Scan, lang: Lang, today: Date, filter: Filter) -> Self {
        let overview = overview(&scan.sessions, &filter, today);
        OverzichtView {
            lang,
            choices: choices(&scan.sessions),
            scan,
            filter,
            overview,
            today,
            section: Section::Top,
            selected: [0; 6],
            behind: None,
            help: false,
            message: None,
            outcome: None,
        }
    }

    /// The key-map contexts that apply now.
    pub fn contexts(&self) -> Vec<Context> {
        if self.behind.is_some() {
            vec![Context::OverzichtBehind]
        } else {
            vec![Context::Overzicht]
        }
    }

    /// How many rows the section on screen lists.
    pub fn rows(&self, section: Section) -> usize {
        let o = &self.overview;
        match section {
            Section::Top => o.top.len(),
            Section::Gaps => o.gaps.len(),
            Section::Providers => o.providers.len(),
            Section::Follow => o.follow.len(),
            Section::Interventions => o.interventions.len(),
            Section::Unread => self.scan.unread.len(),
        }
    }

    /// The selected row of the section on screen.
    pub fn selected(&self) -> usize {
        self.selected[self.section.index()]
    }

    /// What the selected row counts and the sessions behind it.
    pub fn selected_sessions(&self) -> Option<(String, Vec<usize>)> {
        let o = &self.overview;
        let at = self.selected();
        match self.section {
            Section::Top => o.top.get(at).map(|r| (r.theme.clone(), r.sessions.clone())),
            Section::Gaps => {
                o.gaps.get(at).map(|r| (format!("{} · {}", r.theme, r.level), r.sessions.clone()))
            }
            Section::Providers => o.providers.get(at).map(|r| (r.name.clone(), r.sessions.clone())),
            Section::Follow => o.follow.get(at).map(|r| (r.school.clone(), r.sessions.clone())),
            Section::Interventions => {
                o.interventions.get(at).map(|r| (r.name.clone(), r.sessions.clone()))
            }
            Section::Unread => None,
        }
    }

    /// Recomputes the overview after a filter changed, keeping every selection in its list.
    pub fn refilter(&mut self) {
        self.overview = overview(&self.scan.sessions, &self.filter, self.today);
        for section in Section::ALL {
            let rows = self.rows(section);
            let at = &mut self.selected[section.index()];
            *at = (*at).min(rows.saturating_sub(1));
        }
    }

    /// Applies one key's message.
    pub fn update(&mut self, msg: Msg) {
        self.message = None;
        if self.help {
            self.help = false;
            if msg == Msg::Quit {
                self.outcome = Some(Outcome::Quit);
            }
            return;
        }
        if let Some(behind) = &mut self.behind {
            let last = behind.sessions.len().saturating_sub(1);
            match msg {
                Msg::Up => behind.selected = behind.selected.saturating_sub(1),
                Msg::Down => behind.selected = (behind.selected + 1).min(last),
                Msg::Home => behind.selected = 0,
                Msg::End => behind.selected = last,
                Msg::OpenReadOnly | Msg::Confirm => {
                    let path = behind
                        .sessions
                        .get(behind.selected)
                        .and_then(|&i| self.scan.sessions.get(i))
                        .map(|s| s.path.clone());
                    if let Some(path) = path {
                        self.outcome = Some(Outcome::Open(path));
                    }
                }
                Msg::Close => self.behind = None,
                Msg::Quit => self.outcome = Some(Outcome::Quit),
                Msg::ToggleHelp => self.help = true,
                _ => {}
            }
            return;
        }
        let at = self.section.index();
        let last = self.rows(self.section).saturating_sub(1);
        let sel = &mut self.selected[at];
        let mut filtered = false;
        match msg {
            Msg::Quit => self.outcome = Some(Outcome::Quit),
            Msg::ToggleHelp => self.help = true,
            Msg::FocusNext => self.section = Section::ALL[(at + 1) % Section::ALL.len()],
            Msg::FocusPrev => {
                self.section = Section::ALL[(at + Section::ALL.len() - 1) % Section::ALL.len()]
            }
            Msg::Up => *sel = sel.saturating_sub(1),
            Msg::Down => *sel = (*sel + 1).min(last),
            Msg::Home => *sel = 0,
            Msg::End => *sel = last,
            Msg::PageUp => *sel = sel.saturating_sub(10),
            Msg::PageDown => *sel = (*sel + 10).min(last),
            Msg::Confirm | Msg::OpenReadOnly => {
                if let Some((title, sessions)) = self.selected_sessions()
                    && !sessions.is_empty()
                {
                    let mut sessions = sessions;
                    sessions.sort_by(|&a, &b| {
                        self.scan.sessions[a].path.cmp(&self.scan.sessions[b].path)
                    });
                    let behind = Behind { title, sessions, selected: 0 };
                    if msg == Msg::OpenReadOnly && behind.sessions.len() == 1 {
                        let path = self.scan.sessions[behind.sessions[0]].path.clone();
                        self.outcome = Some(Outcome::Open(path));
                    } else {
                        self.behind = Some(behind);
                    }
                }
            }
            Msg::FilterGemeente => {
                self.filter.gemeente = cycle_text(&self.filter.gemeente, &self.choices.gemeenten);
                filtered = true;
            }
            Msg::FilterWijk => {
                self.filter.wijk = cycle_text(&self.filter.wijk, &self.choices.wijken);
                filtered = true;
            }
            Msg::FilterSwv => {
                self.filter.samenwerkingsverband = cycle_text(
                    &self.filter.samenwerkingsverband,
                    &self.choices.samenwerkingsverbanden,
                );
                filtered = true;
            }
            Msg::FilterSchoolType => {
                self.filter.school_type =
                    cycle(&self.filter.school_type, &self.choices.school_types);
                filtered = true;
            }
            Msg::FilterYear => {
                self.filter.year = cycle(&self.filter.year, &self.choices.years);
                filtered = true;
            }
            Msg::ClearFilters => {
                self.filter = Filter::default();
                filtered = true;
            }
            _ => {}
        }
        if filtered {
            self.refilter();
            self.message =
                Some(fill(self.lang.texts().ovz_filters, &[&self.filter.describe(self.lang)]));
        }
    }
}
