//! The overview's filters (gemeente, wijk, samenwerkingsverband, school type, year) and the
//! values each can take.

use super::*;

/// Which sessions count: every field that is set must match.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Filter {
    /// Only this gemeente (as typed in the sessions, case ignored).
    pub gemeente: Option<String>,
    /// Only this wijk.
    pub wijk: Option<String>,
    /// Only this samenwerkingsverband.
    pub samenwerkingsverband: Option<String>,
    /// Only this school type.
    pub school_type: Option<SchoolType>,
    /// Only meetings in this year.
    pub year: Option<i16>,
}

pub(super) fn same(filter: &Option<String>, value: &str) -> bool {
    filter.as_ref().is_none_or(|f| f.trim().eq_ignore_ascii_case(value.trim()))
}

impl Filter {
    /// Whether `s` counts under this filter.
    pub fn accepts(&self, s: &Summary) -> bool {
        let d = &s.details;
        same(&self.gemeente, &d.gemeente)
            && same(&self.wijk, &d.wijk)
            && same(&self.samenwerkingsverband, &d.samenwerkingsverband)
            && self.school_type.is_none_or(|t| d.school_type == Some(t))
            && self.year.is_none_or(|y| s.year() == y)
    }

    /// Whether no filter is set.
    pub fn is_empty(&self) -> bool {
        *self == Filter::default()
    }

    /// The filters in words, for the top of the screen and of every export:
    /// "gemeente Alkmaar · jaar 2026", or that there are none.
    pub fn describe(&self, lang: Lang) -> String {
        let t = lang.texts();
        if self.is_empty() {
            return t.ovz_no_filters.to_owned();
        }
        let mut parts = Vec::new();
        if let Some(v) = &self.gemeente {
            parts.push(format!("{} {v}", t.ovz_filter_gemeente));
        }
        if let Some(v) = &self.wijk {
            parts.push(format!("{} {v}", t.ovz_filter_wijk));
        }
        if let Some(v) = &self.samenwerkingsverband {
            parts.push(format!("{} {v}", t.ovz_filter_swv));
        }
        if let Some(v) = self.school_type {
            parts.push(format!("{} {}", t.ovz_filter_type, v.key()));
        }
        if let Some(v) = self.year {
            parts.push(format!("{} {v}", t.ovz_filter_year));
        }
        parts.join(" · ")
    }
}

/// The values each filter can take in these sessions, for cycling through them with a key.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Choices {
    /// Every gemeente named, sorted.
    pub gemeenten: Vec<String>,
    /// Every wijk named.
    pub wijken: Vec<String>,
    /// Every samenwerkingsverband named.
    pub samenwerkingsverbanden: Vec<String>,
    /// Every school type set.
    pub school_types: Vec<SchoolType>,
    /// Every meeting year, newest first.
    pub years: Vec<i16>,
}

/// The filter values found in `sessions`.
pub fn choices(sessions: &[Summary]) -> Choices {
    let collect = |f: fn(&Summary) -> &str| -> Vec<String> {
        let mut seen: BTreeMap<String, String> = BTreeMap::new();
        for s in sessions {
            let v = f(s).trim();
            if !v.is_empty() {
                seen.entry(v.to_lowercase()).or_insert_with(|| v.to_owned());
            }
        }
        seen.into_values().collect()
    };
    let mut years: Vec<i16> =
        sessions.iter().map(Summary::year).collect::<BTreeSet<_>>().into_iter().collect();
    years.reverse();
    Choices {
        gemeenten: collect(|s| &s.details.gemeente),
        wijken: collect(|s| &s.details.wijk),
        samenwerkingsverbanden: collect(|s| &s.details.samenwerkingsverband),
        school_types: sessions
            .iter()
            .filter_map(|s| s.details.school_type)
            .collect::<BTreeSet<_>>()
            .into_iter()
            .collect(),
        years,
    }
}
