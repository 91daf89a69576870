//! Adding sessions up: the top 3 across schools, the gaps they share, the providers' reach
//! and the follow-through, under the coordinator's filters. Every count keeps the sessions
//! behind it, so the screen can go from a number straight to the schools.

use std::collections::{BTreeMap, BTreeSet};

use jiff::ToSpan;
use jiff::civil::Date;

use super::summary::Summary;
use crate::i18n::{Lang, fill};
use crate::model::{Progress, Recognition, SchoolType};

mod filter;
mod rows;
pub use filter::*;
pub use rows::*;

/// Counts of reached, closer and not yet among `progress`.
fn tally<'a>(progress: impl Iterator<Item = &'a Progress>) -> (usize, usize, usize) {
    progress.fold((0, 0, 0), |(r, c, n), p| match p {
        Progress::Reached => (r + 1, c, n),
        Progress::Closer => (r, c + 1, n),
        Progress::NotYet => (r, c, n + 1),
    })
}

/// Counts per key, most first, then by key.
fn ranked<K: Ord + Clone>(counts: BTreeMap<K, usize>) -> Vec<(K, usize)> {
    let mut v: Vec<_> = counts.into_iter().collect();
    v.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    v
}

/// A provider's name as words for grouping: lower case, letters and digits only.
fn words(name: &str) -> Vec<String> {
    name.to_lowercase()
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_owned)
        .collect()
}

/// Groups near-identical spellings: two names go together when their words (case and
/// punctuation ignored) are equal, or the shorter one's words begin the longer one's
/// ("GGD" and "GGD Hollands Noorden"; "J.G.Z." and "jgz" do not, "JGZ" and "jgz" do).
/// Returns for each spelling the spelling its group goes by.
pub fn group_providers<'a>(
    spellings: impl IntoIterator<Item = &'a str>,
) -> BTreeMap<String, String> {
    let mut distinct: Vec<(&str, Vec<String>)> = spellings
        .into_iter()
        .collect::<BTreeSet<_>>()
        .into_iter()
        .map(|s| (s, words(s)))
        .filter(|(_, w)| !w.is_empty())
        .collect();
    distinct.sort_by(|a, b| a.1.len().cmp(&b.1.len()).then(a.0.cmp(b.0)));
    let mut groups: Vec<(Vec<String>, String)> = Vec::new();
    let mut of = BTreeMap::new();
    for (spelling, w) in distinct {
        let home = groups
            .iter()
            .filter(|(key, _)| w.starts_with(key))
            .max_by_key(|(key, _)| key.len())
            .map(|(_, name)| name.clone());
        let name = match home {
            Some(name) => name,
            None => {
                groups.push((w, spelling.to_owned()));
                spelling.to_owned()
            }
        };
        of.insert(spelling.to_owned(), name);
    }
    of
}

/// The overview of the `sessions` that `filter` lets through, on `today` (for what is overdue
/// and which schools have not met for 12 months).
pub fn overview(sessions: &[Summary], filter: &Filter, today: Date) -> Overview {
    let shown: Vec<usize> = (0..sessions.len()).filter(|&i| filter.accepts(&sessions[i])).collect();

    // Top 3 across schools.
    let mut top: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for &i in &shown {
        for theme in &sessions[i].focus {
            let list = top.entry(&**theme).or_default();
            if list.last() != Some(&i) {
                list.push(i);
            }
        }
    }
    let mut top: Vec<TopRow> = top
        .into_iter()
        .map(|(theme, list)| {
            let (mut g, mut w, mut k) = (BTreeMap::new(), BTreeMap::new(), BTreeMap::new());
            for &i in &list {
                let d = &sessions[i].details;
                *g.entry(d.gemeente.trim().to_owned()).or_insert(0) += 1;
                *w.entry(d.wijk.trim().to_owned()).or_insert(0) += 1;
                *k.entry(d.school_type).or_insert(0) += 1;
            }
            TopRow {
                theme: theme.to_owned(),
                sessions: list,
                by_gemeente: ranked(g),
                by_wijk: ranked(w),
                by_type: ranked(k),
            }
        })
        .collect();
    top.sort_by(|a, b| b.sessions.len().cmp(&a.sessions.len()).then(a.theme.cmp(&b.theme)));

    // Shared gaps.
    // Per (theme, level): the sessions where something is needed, where nothing exists.
    type Behind = (Vec<usize>, Vec<usize>);
    let mut gaps: BTreeMap<(&str, &str), Behind> = BTreeMap::new();
    for &i in &shown {
        for c in &sessions[i].cells {
            if c.needed == 0 && c.existing > 0 {
                continue;
            }
            let entry = gaps.entry((&*c.theme, &*c.level)).or_default();
            if c.needed > 0 && entry.0.last() != Some(&i) {
                entry.0.push(i);
            }
            if c.existing == 0 && entry.1.last() != Some(&i) {
                entry.1.push(i);
            }
        }
    }
    let mut gaps: Vec<GapRow> = gaps
        .into_iter()
        .map(|((theme, level), (needed, nothing))| {
            let sessions: Vec<usize> = needed
                .iter()
                .chain(&nothing)
                .copied()
                .collect::<BTreeSet<_>>()
                .into_iter()
                .collect();
            GapRow { theme: theme.to_owned(), level: level.to_owned(), needed, nothing, sessions }
        })
        .collect();
    gaps.sort_by(|a, b| {
        // At an equal count, where more schools ask for something (nodig) comes first.
        b.sessions
            .len()
            .cmp(&a.sessions.len())
            .then(b.needed.len().cmp(&a.needed.len()))
            .then(a.theme.cmp(&b.theme))
            .then(a.level.cmp(&b.level))
    });

    // Providers' reach.
    let grouped =
        group_providers(shown.iter().flat_map(|&i| sessions[i].providers.iter().map(|p| &*p.name)));
    #[derive(Default)]
    struct Acc {
        also: BTreeSet<String>,
        runs: BTreeSet<usize>,
        asked: BTreeSet<usize>,
        themes: BTreeSet<String>,
    }
    let mut providers: BTreeMap<&str, Acc> = BTreeMap::new();
    for &i in &shown {
        for p in &sessions[i].providers {
            let Some(name) = grouped.get(&*p.name) else { continue };
            let acc = providers.entry(name.as_str()).or_default();
            if *p.name != **name {
                acc.also.insert(p.name.to_string());
            }
            if p.existing {
                acc.runs.insert(i);
            } else {
                acc.asked.insert(i);
            }
            if !acc.themes.contains(&*p.theme) {
                acc.themes.insert(p.theme.to_string());
            }
        }
    }
    let mut providers: Vec<ProviderRow> = providers
        .into_iter()
        .map(|(name, acc)| ProviderRow {
            name: name.to_owned(),
            also: acc.also.into_iter().collect(),
            sessions: acc.runs.union(&acc.asked).copied().collect(),
            runs: acc.runs.into_iter().collect(),
            asked: acc.asked.into_iter().collect(),
            themes: acc.themes.into_iter().collect(),
        })
        .collect();
    providers.sort_by(|a, b| b.sessions.len().cmp(&a.sessions.len()).then(a.name.cmp(&b.name)));

    // Follow-through per school.
    let mut schools: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for &i in &shown {
        schools.entry(sessions[i].school_key()).or_default().push(i);
    }
    let year_ago = today.checked_sub(12.months()).unwrap_or(today);
    let mut follow: Vec<FollowRow> = schools
        .into_values()
        .map(|mut list| {
            list.sort_by_key(|&i| (sessions[i].last, sessions[i].follow_up));
            let latest = &sessions[*list.last().unwrap_or(&0)];
            let (reached, closer, not_yet) = tally(latest.indicators.iter().map(|i| &i.progress));
            FollowRow {
                reached,
                closer,
                not_yet,
                school: latest.school.clone(),
                open: latest.open_actions.len(),
                overdue: latest.overdue(today),
                last: latest.last,
                stale: latest.last < year_ago,
                sessions: list,
            }
        })
        .collect();
    follow.sort_by(|a, b| {
        b.overdue.cmp(&a.overdue).then(a.last.cmp(&b.last)).then(a.school.cmp(&b.school))
    });

    // Indicators per theme, from each school's latest session.
    let mut themes: BTreeMap<&str, (Vec<Progress>, Vec<usize>)> = BTreeMap::new();
    for f in &follow {
        let Some(&i) = f.sessions.last() else { continue };
        for ind in &sessions[i].indicators {
            let entry = themes.entry(&*ind.theme).or_default();
            entry.0.push(ind.progress);
            if entry.1.last() != Some(&i) {
                entry.1.push(i);
            }
        }
    }
    let mut progress: Vec<ProgressRow> = themes
        .into_iter()
        .map(|(theme, (list, mut behind))| {
            let (reached, closer, not_yet) = tally(list.iter());
            behind.sort_unstable();
            ProgressRow { theme: theme.to_owned(), reached, closer, not_yet, sessions: behind }
        })
        .collect();
    progress.sort_by(|a, b| {
        (b.reached + b.closer + b.not_yet)
            .cmp(&(a.reached + a.closer + a.not_yet))
            .then(a.theme.cmp(&b.theme))
    });

    // Recognised interventions.
    #[derive(Default)]
    struct Use {
        recognition: Option<Recognition>,
        runs: BTreeSet<usize>,
        asked: BTreeSet<usize>,
        stop: BTreeSet<usize>,
    }
    let mut uses: BTreeMap<&str, Use> = BTreeMap::new();
    for &i in &shown {
        for u in &sessions[i].interventions {
            let acc = uses.entry(&*u.name).or_default();
            acc.recognition = acc.recognition.max(u.recognition);
            if u.existing {
                acc.runs.insert(i);
            } else {
                acc.asked.insert(i);
            }
            if u.stop {
                acc.stop.insert(i);
            }
        }
    }
    let mut interventions: Vec<InterventionRow> = uses
        .into_iter()
        .map(|(name, acc)| {
            let (mut g, mut w, mut k) = (BTreeMap::new(), BTreeMap::new(), BTreeMap::new());
            for &i in &acc.runs {
                let d = &sessions[i].details;
                *g.entry(d.gemeente.trim().to_owned()).or_insert(0) += 1;
                *w.entry(d.wijk.trim().to_owned()).or_insert(0) += 1;
                *k.entry(d.school_type).or_insert(0) += 1;
            }
            let run_schools =
                acc.runs.iter().map(|&i| sessions[i].school_key()).collect::<BTreeSet<_>>().len();
            InterventionRow {
                run_schools,
                name: name.to_owned(),
                recognition: acc.recognition,
                sessions: acc
                    .runs
                    .union(&acc.asked)
                    .chain(&acc.stop)
                    .copied()
                    .collect::<BTreeSet<_>>()
                    .into_iter()
                    .collect(),
                runs: acc.runs.into_iter().collect(),
                asked: acc.asked.into_iter().collect(),
                stop: acc.stop.into_iter().collect(),
                by_gemeente: ranked(g),
                by_wijk: ranked(w),
                by_type: ranked(k),
            }
        })
        .collect();
    interventions.sort_by(|a, b| {
        b.runs
            .len()
            .cmp(&a.runs.len())
            .then(b.sessions.len().cmp(&a.sessions.len()))
            .then(a.name.cmp(&b.name))
    });

    Overview { shown, top, gaps, providers, follow, interventions, progress }
}

/// "Alkmaar 5 · Heiloo 2 · onbekend 1": counts with their names, unknown named so.
pub fn counts_text<K>(counts: &[(K, usize)], name: impl Fn(&K) -> String, lang: Lang) -> String {
    counts
        .iter()
        .map(|(k, n)| {
            let k = name(k);
            let k = if k.is_empty() { lang.texts().details_unknown.to_owned() } else { k };
            format!("{k} {n}")
        })
        .collect::<Vec<_>>()
        .join(" · ")
}

/// The schools behind a count, by name, in a list people can read: "De Regenboog, Het Anker".
pub fn schools_text(sessions: &[Summary], list: &[usize], lang: Lang) -> String {
    let names: BTreeSet<&str> = list
        .iter()
        .filter_map(|&i| sessions.get(i))
        .map(|s| if s.school.is_empty() { lang.texts().details_unknown } else { s.school.as_str() })
        .collect();
    fill(lang.texts().ovz_schools, &[&names.into_iter().collect::<Vec<_>>().join(", ")])
}
