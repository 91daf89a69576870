//! Gegevens van het overleg: which school, where in the region, and when the meeting starts.
//!
//! A region holds a Preventiematrix conversation at every school and then looks across them
//! (seed 001: Noord-Kennemerland, FoodValley). That look needs each session to say who and where
//! it is about: the school, its BRIN or other code, its type, the gemeente, the wijk and the
//! samenwerkingsverband. Everything is optional, so older files (without these details) still
//! open; what is missing shows as "onbekend".

use jiff::civil::Time;
use serde::{Deserialize, Serialize};

/// The kind of school or setting a meeting is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SchoolType {
    /// Primair onderwijs (basisschool).
    Po,
    /// Speciaal onderwijs.
    So,
    /// Voortgezet onderwijs.
    Vo,
    /// Middelbaar beroepsonderwijs.
    Mbo,
    /// Kinderopvang.
    Kinderopvang,
}

impl SchoolType {
    /// In the order the dialog cycles through them.
    pub const ALL: [SchoolType; 5] =
        [SchoolType::Po, SchoolType::So, SchoolType::Vo, SchoolType::Mbo, SchoolType::Kinderopvang];

    /// The short name people in Dutch education use, the same in both languages: "po", "vo".
    pub fn key(self) -> &'static str {
        match self {
            SchoolType::Po => "po",
            SchoolType::So => "so",
            SchoolType::Vo => "vo",
            SchoolType::Mbo => "mbo",
            SchoolType::Kinderopvang => "kinderopvang",
        }
    }

    /// The type a typed word stands for ("PO", "vo", "kinderopvang"), whatever the case.
    pub fn from_key(typed: &str) -> Option<SchoolType> {
        let typed = typed.trim().to_lowercase();
        SchoolType::ALL.into_iter().find(|t| t.key() == typed)
    }

    /// The next type in the dialog's cycle; after the last comes "not set".
    pub fn cycle(current: Option<SchoolType>) -> Option<SchoolType> {
        match current {
            None => Some(SchoolType::ALL[0]),
            Some(t) => {
                let at = SchoolType::ALL.iter().position(|&x| x == t).unwrap_or(0);
                SchoolType::ALL.get(at + 1).copied()
            }
        }
    }
}

/// Who and where a meeting is about, for the regional overview. Every field may be empty.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct MeetingDetails {
    /// The school's name, e.g. "OBS De Regenboog".
    pub school: String,
    /// The BRIN number or another school code, e.g. "12AB".
    pub code: String,
    /// Po, so, vo, mbo or kinderopvang.
    pub school_type: Option<SchoolType>,
    /// The gemeente the school is in.
    pub gemeente: String,
    /// The wijk (neighbourhood) the school serves.
    pub wijk: String,
    /// The samenwerkingsverband passend onderwijs.
    pub samenwerkingsverband: String,
    /// When the meeting starts, on its day.
    pub start: Option<Time>,
}

impl MeetingDetails {
    /// Whether nothing is filled in: a report then leaves the lines out.
    pub fn is_empty(&self) -> bool {
        *self == MeetingDetails::default()
    }

    /// The school as a regional list names it: the name, else the code, else nothing.
    pub fn school_label(&self) -> &str {
        if self.school.trim().is_empty() { self.code.trim() } else { self.school.trim() }
    }
}

/// A start time as people type it: "19:30", "19.30", "1930", "19u30" or "19".
pub fn parse_time(typed: &str) -> Option<Time> {
    let typed = typed.trim().to_lowercase();
    let (h, m) = match typed.find([':', '.', 'u', 'h']) {
        Some(at) => {
            let rest = typed[at + 1..].trim();
            (&typed[..at], if rest.is_empty() { "0" } else { rest })
        }
        None if typed.len() == 4 => (&typed[..2], &typed[2..]),
        None if typed.len() == 3 => (&typed[..1], &typed[1..]),
        None => (typed.as_str(), "0"),
    };
    let (h, m): (i8, i8) = (h.trim().parse().ok()?, m.parse().ok()?);
    Time::new(h, m, 0, 0).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn start_times_are_read_as_people_type_them() {
        let t = |h, m| Some(Time::new(h, m, 0, 0).unwrap());
        assert_eq!(parse_time("19:30"), t(19, 30));
        assert_eq!(parse_time("19.30"), t(19, 30));
        assert_eq!(parse_time("1930"), t(19, 30));
        assert_eq!(parse_time("930"), t(9, 30));
        assert_eq!(parse_time("19u"), t(19, 0));
        assert_eq!(parse_time(" 8 "), t(8, 0));
        assert_eq!(parse_time("25:00"), None);
        assert_eq!(parse_time("half acht"), None);
        assert_eq!(parse_time(""), None);
    }

    #[test]
    fn school_types_cycle_through_not_set() {
        let mut t = None;
        let mut seen = Vec::new();
        for _ in 0..6 {
            t = SchoolType::cycle(t);
            seen.push(t);
        }
        assert_eq!(seen[0], Some(SchoolType::Po));
        assert_eq!(seen[4], Some(SchoolType::Kinderopvang));
        assert_eq!(seen[5], None);
        assert_eq!(SchoolType::from_key(" VO "), Some(SchoolType::Vo));
        assert_eq!(SchoolType::from_key("hbo"), None);
    }

    #[test]
    fn an_old_file_without_details_reads_as_empty() {
        let d: MeetingDetails = serde_json::from_str("{}").unwrap();
        assert!(d.is_empty());
        let d: MeetingDetails = serde_json::from_str(
            r#"{"school":"De Regenboog","school_type":"po","start":"19:30:00"}"#,
        )
        .unwrap();
        assert_eq!(d.school_type, Some(SchoolType::Po));
        assert_eq!(d.start, Time::new(19, 30, 0, 0).ok());
        assert_eq!(d.school_label(), "De Regenboog");
    }
}
