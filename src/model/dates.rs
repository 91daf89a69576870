//! Dates as people in the room say them: "25-12-2026", "25-12", "25/12/2026", "2026-12-25",
//! "morgen", "volgende week", "vrijdag", "over 2 weken", "1 maart", "1 mrt", "eind juni",
//! and the English words too.
//!
//! "Today" is an argument, so every rule is tested on a fixed day. Words are understood in
//! both languages whatever the interface language: a Dutch facilitator may type "friday".

use jiff::ToSpan;
use jiff::civil::{Date, Weekday};

/// Why a typed date was not understood.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DateError {
    /// Nothing typed.
    Empty,
    /// Not a form knoop knows.
    NotUnderstood,
    /// The form is right but the day does not exist, like 31-02.
    NoSuchDay,
}

const WEEKDAYS: [(&[&str], Weekday); 7] = [
    (&["maandag", "ma", "monday", "mon"], Weekday::Monday),
    (&["dinsdag", "di", "tuesday", "tue", "tues"], Weekday::Tuesday),
    (&["woensdag", "wo", "wednesday", "wed"], Weekday::Wednesday),
    (&["donderdag", "do", "thursday", "thu", "thur", "thurs"], Weekday::Thursday),
    (&["vrijdag", "vr", "friday", "fri"], Weekday::Friday),
    (&["zaterdag", "za", "saturday", "sat"], Weekday::Saturday),
    (&["zondag", "zo", "sunday", "sun"], Weekday::Sunday),
];

const MONTHS: [&[&str]; 12] = [
    &["januari", "jan", "january"],
    &["februari", "feb", "febr", "february"],
    &["maart", "mrt", "mar", "march"],
    &["april", "apr"],
    &["mei", "may"],
    &["juni", "jun", "june"],
    &["juli", "jul", "july"],
    &["augustus", "aug", "august"],
    &["september", "sep", "sept"],
    &["oktober", "okt", "oct", "october"],
    &["november", "nov"],
    &["december", "dec"],
];

/// The month a word names, 1 to 12: "maart", "mrt", "march".
fn month(word: &str) -> Option<i32> {
    let word = word.trim_end_matches('.');
    MONTHS.iter().position(|names| names.contains(&word)).map(|i| i as i32 + 1)
}

/// Reads a date typed as people type it, relative to `today`.
pub fn parse_date(input: &str, today: Date) -> Result<Date, DateError> {
    let text = input.trim().to_lowercase();
    let text = text.trim_end_matches('.');
    if text.is_empty() {
        return Err(DateError::Empty);
    }
    if let Some(date) = relative(text, today) {
        return Ok(date);
    }
    if let Some(date) = named_month(text, today) {
        return date;
    }
    numeric(text, today)
}

fn relative(text: &str, today: Date) -> Option<Date> {
    let days = |n: i64| today.checked_add(n.days()).ok();
    match text {
        "vandaag" | "today" => return Some(today),
        "morgen" | "tomorrow" => return days(1),
        "overmorgen" | "day after tomorrow" => return days(2),
        "volgende week" | "next week" | "over een week" | "in a week" => return days(7),
        "over een maand" | "in a month" | "volgende maand" | "next month" => {
            return today.checked_add(1.month()).ok();
        }
        _ => {}
    }
    // "vrijdag", "volgende vrijdag", "friday", "next friday": the first one after today.
    let day_name = text
        .strip_prefix("volgende ")
        .or_else(|| text.strip_prefix("next "))
        .or_else(|| text.strip_prefix("aanstaande "))
        .unwrap_or(text);
    if let Some((_, weekday)) = WEEKDAYS.iter().find(|(names, _)| names.contains(&day_name)) {
        return today.nth_weekday(1, *weekday).ok();
    }
    // "over 2 weken", "in 3 days", "over 1 maand".
    let rest = text.strip_prefix("over ").or_else(|| text.strip_prefix("in "))?;
    let (count, unit) = rest.split_once(' ')?;
    let count: i64 = match count {
        "een" | "één" | "a" | "an" | "one" => 1,
        n => n.parse().ok().filter(|n| (1..=520).contains(n))?,
    };
    match unit {
        "dag" | "dagen" | "day" | "days" => days(count),
        "week" | "weken" | "weeks" => days(7 * count),
        "maand" | "maanden" | "month" | "months" => today.checked_add(count.months()).ok(),
        _ => None,
    }
}

/// "1 maart", "1 mrt 2027", "march 1", "eind juni", "begin september", "half mei": the next
/// such day from `today` on when no year is given.
fn named_month(text: &str, today: Date) -> Option<Result<Date, DateError>> {
    let words: Vec<&str> = text.split_whitespace().filter(|w| *w != "of").collect();
    let (day, m, year) = match words.as_slice() {
        [part, name] | [part, name, "van"] if month(name).is_some() => {
            let m = month(name)?;
            let day = match *part {
                "begin" | "start" | "early" => Some(1),
                "half" | "midden" | "mid" => Some(15),
                "eind" | "einde" | "end" | "late" => None,
                d => Some(d.parse::<i32>().ok()?),
            };
            (day, m, None)
        }
        [name, d] if month(name).is_some() && d.parse::<i32>().is_ok() => {
            (d.parse().ok(), month(name)?, None)
        }
        [d, name, y] if month(name).is_some() => {
            let y: i32 = y.parse().ok()?;
            (Some(d.parse().ok()?), month(name)?, Some(if y < 100 { 2000 + y } else { y }))
        }
        _ => return None,
    };
    let on = |y: i32| -> Result<Date, DateError> {
        let d = match day {
            Some(d) if (1..=31).contains(&d) => d,
            Some(_) => return Err(DateError::NotUnderstood),
            // "eind juni": the month's last day.
            None => i32::from(
                Date::new(y as i16, m as i8, 1).map_err(|_| DateError::NoSuchDay)?.days_in_month(),
            ),
        };
        Date::new(y as i16, m as i8, d as i8).map_err(|_| DateError::NoSuchDay)
    };
    if let Some(y) = year {
        return Some(on(y));
    }
    let year = i32::from(today.year());
    let mut last = Err(DateError::NoSuchDay);
    for y in year..=year + 4 {
        match on(y) {
            Ok(date) if date >= today => return Some(Ok(date)),
            Err(DateError::NotUnderstood) => return Some(Err(DateError::NotUnderstood)),
            other => last = other,
        }
    }
    Some(last.and(Err(DateError::NoSuchDay)))
}

fn numeric(text: &str, today: Date) -> Result<Date, DateError> {
    let parts: Vec<&str> = text.split(['-', '/', '.']).collect();
    let number = |s: &str| -> Result<i32, DateError> {
        if s.is_empty() || s.len() > 4 || !s.bytes().all(|b| b.is_ascii_digit()) {
            return Err(DateError::NotUnderstood);
        }
        s.parse().map_err(|_| DateError::NotUnderstood)
    };
    let make = |y: i32, m: i32, d: i32| -> Result<Date, DateError> {
        if !(1..=12).contains(&m) || !(1..=31).contains(&d) {
            return Err(DateError::NotUnderstood);
        }
        Date::new(y as i16, m as i8, d as i8).map_err(|_| DateError::NoSuchDay)
    };
    match parts.as_slice() {
        // ISO: 2026-12-25.
        [y, m, d] if y.len() == 4 => make(number(y)?, number(m)?, number(d)?),
        // 25-12-2026, 25/12/26.
        [d, m, y] => {
            let y = number(y)?;
            let y = if y < 100 { 2000 + y } else { y };
            make(y, number(m)?, number(d)?)
        }
        // 25-12: the next 25 December from today on.
        [d, m] => {
            let (d, m) = (number(d)?, number(m)?);
            // A leap day can be up to four years away.
            let year = i32::from(today.year());
            let mut last = Err(DateError::NoSuchDay);
            for y in year..=year + 4 {
                match make(y, m, d) {
                    Ok(date) if date >= today => return Ok(date),
                    Err(DateError::NotUnderstood) => return Err(DateError::NotUnderstood),
                    other => last = other,
                }
            }
            last.and(Err(DateError::NoSuchDay))
        }
        _ => Err(DateError::NotUnderstood),
    }
}

/// How a due date stands against today, for markers in the action list.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Urgency {
    /// Past its date.
    Overdue,
    /// Due within the next seven days (today included).
    ThisWeek,
    /// Later.
    Later,
}

/// The urgency of `due` on `today`.
pub fn urgency(due: Date, today: Date) -> Urgency {
    if due < today {
        Urgency::Overdue
    } else if due <= today.checked_add(6.days()).unwrap_or(today) {
        Urgency::ThisWeek
    } else {
        Urgency::Later
    }
}

#[cfg(test)]
mod tests {
    use jiff::civil::date;

    use super::*;

    /// A Wednesday.
    const TODAY: Date = date(2026, 11, 25);

    fn p(s: &str) -> Result<Date, DateError> {
        parse_date(s, TODAY)
    }

    #[test]
    fn numeric_forms() {
        assert_eq!(p("25-12-2026"), Ok(date(2026, 12, 25)));
        assert_eq!(p("25/12/2026"), Ok(date(2026, 12, 25)));
        assert_eq!(p("25.12.2026"), Ok(date(2026, 12, 25)));
        assert_eq!(p("5-1-2027"), Ok(date(2027, 1, 5)));
        assert_eq!(p("25-12-26"), Ok(date(2026, 12, 25)));
        assert_eq!(p("2026-12-25"), Ok(date(2026, 12, 25)));
        assert_eq!(p(" 25-12 "), Ok(date(2026, 12, 25)));
    }

    #[test]
    fn a_day_and_month_is_the_next_one_from_today() {
        assert_eq!(p("25-11"), Ok(date(2026, 11, 25)), "today counts");
        assert_eq!(p("24-11"), Ok(date(2027, 11, 24)), "past: next year");
        assert_eq!(p("3-1"), Ok(date(2027, 1, 3)), "over the year change");
        assert_eq!(p("29-02"), Ok(date(2028, 2, 29)), "the next leap day");
    }

    #[test]
    fn days_that_do_not_exist_are_refused() {
        assert_eq!(p("31-02-2027"), Err(DateError::NoSuchDay));
        assert_eq!(p("29-02-2027"), Err(DateError::NoSuchDay));
        assert_eq!(p("29-02-2028"), Ok(date(2028, 2, 29)), "a leap day");
        assert_eq!(p("31-04-2027"), Err(DateError::NoSuchDay));
    }

    #[test]
    fn relative_words_in_dutch_and_english() {
        assert_eq!(p("vandaag"), Ok(TODAY));
        assert_eq!(p("Morgen"), Ok(date(2026, 11, 26)));
        assert_eq!(p("tomorrow"), Ok(date(2026, 11, 26)));
        assert_eq!(p("overmorgen"), Ok(date(2026, 11, 27)));
        assert_eq!(p("volgende week"), Ok(date(2026, 12, 2)));
        assert_eq!(p("next week"), Ok(date(2026, 12, 2)));
        assert_eq!(p("over 2 weken"), Ok(date(2026, 12, 9)));
        assert_eq!(p("in 2 weeks"), Ok(date(2026, 12, 9)));
        assert_eq!(p("over 3 dagen"), Ok(date(2026, 11, 28)));
        assert_eq!(p("over een maand"), Ok(date(2026, 12, 25)));
        assert_eq!(p("over 2 maanden"), Ok(date(2027, 1, 25)), "over the year change");
    }

    #[test]
    fn weekdays_are_the_next_one_after_today() {
        assert_eq!(p("vrijdag"), Ok(date(2026, 11, 27)));
        assert_eq!(p("vr"), Ok(date(2026, 11, 27)));
        assert_eq!(p("friday"), Ok(date(2026, 11, 27)));
        assert_eq!(p("volgende vrijdag"), Ok(date(2026, 11, 27)));
        assert_eq!(p("woensdag"), Ok(date(2026, 12, 2)), "today's weekday: next week");
        assert_eq!(p("maandag"), Ok(date(2026, 11, 30)));
    }

    #[test]
    fn anything_else_is_refused() {
        for bad in [
            "",
            "  ",
            "binnenkort",
            "13-13-2026",
            "0-1-2026",
            "25-12-2026-1",
            "over veel weken",
            "in 0 days",
            "12/x/2026",
            "vrijdagmiddag",
        ] {
            assert!(p(bad).is_err(), "{bad:?} should be refused");
        }
        assert_eq!(p(""), Err(DateError::Empty));
    }

    #[test]
    fn urgency_of_due_dates() {
        assert_eq!(urgency(date(2026, 11, 24), TODAY), Urgency::Overdue);
        assert_eq!(urgency(TODAY, TODAY), Urgency::ThisWeek);
        assert_eq!(urgency(date(2026, 12, 1), TODAY), Urgency::ThisWeek);
        assert_eq!(urgency(date(2026, 12, 2), TODAY), Urgency::Later);
    }

    #[test]
    fn months_by_name_are_read_forward_from_today() {
        let today = date(2026, 12, 7);
        assert_eq!(parse_date("1 maart", today), Ok(date(2027, 3, 1)));
        assert_eq!(parse_date("1 mrt", today), Ok(date(2027, 3, 1)));
        assert_eq!(parse_date("1 Mrt.", today), Ok(date(2027, 3, 1)));
        assert_eq!(parse_date("15 december", today), Ok(date(2026, 12, 15)));
        assert_eq!(parse_date("eind juni", today), Ok(date(2027, 6, 30)));
        assert_eq!(parse_date("begin september", today), Ok(date(2027, 9, 1)));
        assert_eq!(parse_date("half mei", today), Ok(date(2027, 5, 15)));
        assert_eq!(parse_date("eind februari", today), Ok(date(2027, 2, 28)));
        assert_eq!(parse_date("march 1", today), Ok(date(2027, 3, 1)));
        assert_eq!(parse_date("end of june", today), Ok(date(2027, 6, 30)));
        assert_eq!(parse_date("1 maart 2028", today), Ok(date(2028, 3, 1)));
        assert_eq!(parse_date("30 februari", today), Err(DateError::NoSuchDay));
        assert_eq!(parse_date("40 maart", today), Err(DateError::NotUnderstood));
        assert_eq!(parse_date("1 maan", today), Err(DateError::NotUnderstood));
    }
}
