//! Ambities (step 3 of the method): for a focus theme, what the knooppunt aims for and how it
//! will know, next year, whether it came.
//!
//! Seed 000, step 3: "Wat willen we bereiken? Welke opbrengsten beogen we?" An [`Ambition`]
//! holds the intended outcome in a sentence or two and one to three [`Indicator`]s, each with
//! a source (Gezondheidsmonitor Jeugd, schoolmonitor, eigen telling…), a baseline (value and
//! year) and a target (value and date). Values are [`Figure`]s, numbers with a unit as the
//! room says them ("14%", "3,5", "12 leerlingen"), so a follow-up can tell whether a figure
//! moved toward its target.

use std::fmt;

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use super::ThemeId;

/// At most this many indicators per ambition: more cannot be followed in a yearly meeting.
pub const MAX_INDICATORS: usize = 3;

/// The earliest and latest year a baseline may have: catches "23" and typos like "20233".
pub const YEARS: std::ops::RangeInclusive<i16> = 1990..=2100;

/// A measured or aimed-for value: a number (kept in hundredths, so it compares exactly) and
/// the unit typed after it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Figure {
    /// The number × 100: "14%" is 1400, "3,5" is 350.
    pub hundredths: i64,
    /// What follows the number: "%", "leerlingen", or nothing.
    pub unit: String,
}

/// Why a typed figure, year or indicator was refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AmbitionError {
    /// The outcome (beoogde opbrengst) is empty.
    NoOutcome,
    /// More than [`MAX_INDICATORS`] indicators.
    TooManyIndicators,
    /// An indicator has figures but no name.
    NoName,
    /// A value does not start with a number.
    NotANumber,
    /// A year outside [`YEARS`], or not a year.
    BadYear,
    /// A target date that is not a date.
    BadDate,
    /// A target date before the baseline's year.
    TargetBeforeBaseline,
    /// A value without the year or date it belongs to, or the other way round.
    Incomplete,
}

impl Figure {
    /// Reads a figure as people type it: "14%", "14 %", "3,5", "3.5 per klas", "-2". The
    /// number comes first, with at most two decimals; the rest is the unit.
    pub fn parse(input: &str) -> Result<Figure, AmbitionError> {
        let text = input.trim();
        let number_len = text
            .char_indices()
            .take_while(|&(i, c)| {
                c.is_ascii_digit() || c == ',' || c == '.' || (i == 0 && c == '-')
            })
            .map(|(i, c)| i + c.len_utf8())
            .last()
            .unwrap_or(0);
        let (number, unit) = text.split_at(number_len);
        let number = number.trim_end_matches(['.', ',']).replace(',', ".");
        let (whole, fraction) = number.split_once('.').unwrap_or((&number, ""));
        let negative = whole.starts_with('-');
        let digits = whole.trim_start_matches('-');
        if digits.is_empty() || fraction.len() > 2 || fraction.contains('.') {
            return Err(AmbitionError::NotANumber);
        }
        let whole: i64 = digits.parse().map_err(|_| AmbitionError::NotANumber)?;
        let fraction: i64 = if fraction.is_empty() {
            0
        } else {
            format!("{fraction:0<2}").parse().map_err(|_| AmbitionError::NotANumber)?
        };
        let hundredths = whole
            .checked_mul(100)
            .and_then(|w| w.checked_add(fraction))
            .ok_or(AmbitionError::NotANumber)?;
        Ok(Figure {
            hundredths: if negative { -hundredths } else { hundredths },
            unit: unit.trim().to_owned(),
        })
    }

    /// The number with a decimal comma, as Dutch reports write it: "3,5".
    pub fn number(&self, comma: bool) -> String {
        let sign = if self.hundredths < 0 { "-" } else { "" };
        let abs = self.hundredths.unsigned_abs();
        let (whole, cents) = (abs / 100, abs % 100);
        let sep = if comma { "," } else { "." };
        match cents {
            0 => format!("{sign}{whole}"),
            c if c % 10 == 0 => format!("{sign}{whole}{sep}{}", c / 10),
            c => format!("{sign}{whole}{sep}{c:02}"),
        }
    }

    /// The figure as typed back, with a decimal comma: "14%", "3,5 leerlingen".
    pub fn text(&self, comma: bool) -> String {
        let number = self.number(comma);
        match self.unit.as_str() {
            "" => number,
            u if u.starts_with('%') => format!("{number}{u}"),
            u => format!("{number} {u}"),
        }
    }
}

impl fmt::Display for Figure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text(true))
    }
}

/// Where a new value stands against its baseline and target.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Progress {
    /// At or past the target.
    Reached,
    /// Moved from the baseline toward the target.
    Closer,
    /// Not moved toward the target.
    NotYet,
}

/// A nulmeting: a figure measured in a year.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Baseline {
    /// What was measured.
    pub value: Figure,
    /// The year of the measurement, e.g. the Gezondheidsmonitor Jeugd of 2023.
    pub year: i16,
}

/// A streefwaarde: the figure the knooppunt aims for, and by when.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Target {
    /// What the room aims for.
    pub value: Figure,
    /// By when.
    pub by: Date,
}

/// How a knooppunt will know whether its ambition came: a figure from a named source.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Indicator {
    /// What is counted, e.g. "Leerlingen met overgewicht (groep 7-8)".
    pub name: String,
    /// Where the figure comes from: Gezondheidsmonitor Jeugd, schoolmonitor, eigen telling…
    pub source: String,
    /// The nulmeting, when known.
    pub baseline: Option<Baseline>,
    /// The streefwaarde, when agreed.
    pub target: Option<Target>,
    /// The new value, entered in the meeting a year later (a figure and its year).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub latest: Option<Baseline>,
}

impl Indicator {
    /// An indicator from what was typed in the ambition form: name, source, baseline value,
    /// baseline year, target value, target date (read as people say dates, from `today`).
    /// A value without its year or date (or the reverse) is refused, as is a target date
    /// before the baseline's year.
    pub fn from_typed(fields: [&str; 6], today: Date) -> Result<Indicator, AmbitionError> {
        let [name, source, base_value, base_year, target_value, target_by] = fields.map(str::trim);
        if name.is_empty() {
            return Err(AmbitionError::NoName);
        }
        let baseline = match (base_value.is_empty(), base_year.is_empty()) {
            (true, true) => None,
            (false, false) => {
                let year: i16 = base_year.parse().map_err(|_| AmbitionError::BadYear)?;
                if !YEARS.contains(&year) {
                    return Err(AmbitionError::BadYear);
                }
                Some(Baseline { value: Figure::parse(base_value)?, year })
            }
            _ => return Err(AmbitionError::Incomplete),
        };
        let target = match (target_value.is_empty(), target_by.is_empty()) {
            (true, true) => None,
            (false, false) => {
                let value = Figure::parse(target_value)?;
                let by = super::parse_date(target_by, today)
                    .or_else(|_| year_end(target_by))
                    .map_err(|_| AmbitionError::BadDate)?;
                Some(Target { value, by })
            }
            _ => return Err(AmbitionError::Incomplete),
        };
        if let (Some(b), Some(t)) = (&baseline, &target)
            && t.by.year() < b.year
        {
            return Err(AmbitionError::TargetBeforeBaseline);
        }
        Ok(Indicator {
            name: name.to_owned(),
            source: source.to_owned(),
            baseline,
            target,
            latest: None,
        })
    }

    /// The new value typed in a follow-up meeting: a figure and its year, both or neither.
    pub fn latest_from_typed(value: &str, year: &str) -> Result<Option<Baseline>, AmbitionError> {
        match (value.trim().is_empty(), year.trim().is_empty()) {
            (true, true) => Ok(None),
            (false, false) => {
                let year: i16 = year.trim().parse().map_err(|_| AmbitionError::BadYear)?;
                if !YEARS.contains(&year) {
                    return Err(AmbitionError::BadYear);
                }
                Ok(Some(Baseline { value: Figure::parse(value)?, year }))
            }
            _ => Err(AmbitionError::Incomplete),
        }
    }

    /// How the new value stands against the target: reached, moved toward it, or not;
    /// `None` without a baseline, target and new value.
    pub fn progress(&self) -> Option<Progress> {
        let (b, t, now) = (self.baseline.as_ref()?, self.target.as_ref()?, self.latest.as_ref()?);
        let lower = t.value.hundredths < b.value.hundredths;
        let (base, goal, now) = (b.value.hundredths, t.value.hundredths, now.value.hundredths);
        Some(if (lower && now <= goal) || (!lower && now >= goal) {
            Progress::Reached
        } else if (lower && now < base) || (!lower && now > base) {
            Progress::Closer
        } else {
            Progress::NotYet
        })
    }

    /// Whether the target lies below the baseline (fewer pupils with overgewicht), so that a
    /// lower new value is progress; `None` without both figures or when they are equal.
    pub fn aims_lower(&self) -> Option<bool> {
        let (b, t) = (self.baseline.as_ref()?, self.target.as_ref()?);
        (b.value.hundredths != t.value.hundredths)
            .then_some(t.value.hundredths < b.value.hundredths)
    }
}

/// A target typed as a bare year ("2027") means the end of that year.
fn year_end(text: &str) -> Result<Date, AmbitionError> {
    let year: i16 = text.trim().parse().map_err(|_| AmbitionError::BadDate)?;
    if !YEARS.contains(&year) {
        return Err(AmbitionError::BadDate);
    }
    Date::new(year, 12, 31).map_err(|_| AmbitionError::BadDate)
}

/// The ambitie of one theme: the outcome the knooppunt aims for and how it is measured.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Ambition {
    /// The theme it belongs to; one ambition per theme.
    pub theme: ThemeId,
    /// The beoogde opbrengst, in one or two sentences.
    pub outcome: String,
    /// One to three indicators.
    pub indicators: Vec<Indicator>,
}

impl Ambition {
    /// An ambition for `theme`, checked: an outcome, at most [`MAX_INDICATORS`] indicators.
    pub fn new(
        theme: ThemeId,
        outcome: &str,
        indicators: Vec<Indicator>,
    ) -> Result<Ambition, AmbitionError> {
        let outcome = outcome.trim();
        if outcome.is_empty() {
            return Err(AmbitionError::NoOutcome);
        }
        if indicators.len() > MAX_INDICATORS {
            return Err(AmbitionError::TooManyIndicators);
        }
        Ok(Ambition { theme, outcome: outcome.to_owned(), indicators })
    }
}

#[cfg(test)]
#[path = "ambition_tests.rs"]
mod tests;
