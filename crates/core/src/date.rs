//! Calendar dates: the [`Date`] type, the one table of English month
//! names UN texts print ([`MONTHS`]), and the rule that dates a document
//! from the dates citing texts give it ([`majority`]).

use std::fmt;

use serde::{Deserialize, Serialize};

/// The English month names, January first: the one table that reading
/// dates (`7 December 1988`) and writing them (synthetic texts) share.
pub const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// The month number (1 to 12) of an English month name, exactly as
/// [`MONTHS`] spells it (capitalised).
///
/// ```
/// assert_eq!(resgraph_core::date::month_number("December"), Some(12));
/// assert_eq!(resgraph_core::date::month_number("december"), None);
/// ```
pub fn month_number(name: &str) -> Option<u8> {
    let index = MONTHS.iter().position(|m| *m == name)?;
    u8::try_from(index + 1).ok()
}

/// The number of days in a month of the Gregorian calendar (0 for a
/// month outside 1 to 12).
///
/// ```
/// use resgraph_core::date::days_in_month;
/// assert_eq!(days_in_month(2000, 2), 29);
/// assert_eq!(days_in_month(1900, 2), 28);
/// assert_eq!(days_in_month(2021, 13), 0);
/// ```
pub fn days_in_month(year: u16, month: u8) -> u8 {
    let leap = (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400);
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => 0,
    }
}

/// A calendar date, as texts print them (`7 December 1988`) and JSON
/// writes them (`"1988-12-07"`).
///
/// ```
/// use resgraph_core::Date;
/// let d = Date::new(1988, 12, 7).unwrap();
/// assert_eq!(d.to_string(), "1988-12-07");
/// assert_eq!("1988-12-07".parse::<Date>().unwrap(), d);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Date {
    /// The year.
    pub year: u16,
    /// The month, 1 to 12.
    pub month: u8,
    /// The day of the month, 1 to 31 (checked against the month).
    pub day: u8,
}

impl Date {
    /// A date, if it exists in the Gregorian calendar.
    ///
    /// ```
    /// use resgraph_core::Date;
    /// assert!(Date::new(2000, 2, 29).is_some());
    /// assert!(Date::new(1900, 2, 29).is_none());
    /// ```
    pub fn new(year: u16, month: u8, day: u8) -> Option<Date> {
        (day >= 1 && day <= days_in_month(year, month)).then_some(Date { year, month, day })
    }

    /// A date from a day, a month name as [`MONTHS`] spells it and a
    /// year, as texts print them (`7`, `December`, `1988`).
    ///
    /// ```
    /// use resgraph_core::Date;
    /// assert_eq!(Date::from_words(7, "December", 1988), Date::new(1988, 12, 7));
    /// assert_eq!(Date::from_words(31, "April", 1988), None);
    /// ```
    pub fn from_words(day: u8, month: &str, year: u16) -> Option<Date> {
        Date::new(year, month_number(month)?, day)
    }

    /// The English name of the date's month (`December`).
    pub fn month_name(self) -> &'static str {
        MONTHS[usize::from(self.month.clamp(1, 12) - 1)]
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// Why a string is not an ISO date: the string (its first 40
/// characters).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("not a date in YYYY-MM-DD form: {0:?}")]
pub struct DateParseError(pub String);

impl std::str::FromStr for Date {
    type Err = DateParseError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let err = || DateParseError(s.chars().take(40).collect());
        let mut parts = s.split('-');
        let (Some(y), Some(m), Some(d), None) =
            (parts.next(), parts.next(), parts.next(), parts.next())
        else {
            return Err(err());
        };
        let year = y.parse().map_err(|_| err())?;
        let month = m.parse().map_err(|_| err())?;
        let day = d.parse().map_err(|_| err())?;
        Date::new(year, month, day).ok_or_else(err)
    }
}

impl Serialize for Date {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = <std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

/// The date most citing texts give a document, with how many give it:
/// the largest count wins, and of tied counts the earliest date (an
/// earlier claim is likelier the adoption date than a later one, which
/// is often the date of a revision or a misprint). `None` when no text
/// gives a date. The order of `tally` does not matter.
///
/// Used wherever a document is dated from its citations: the graph's
/// undated nodes (`resgraph::enrich`) and the registry's symbols without
/// an adoption date.
///
/// ```
/// use resgraph_core::{date::majority, Date};
/// let d = |s: &str| s.parse::<Date>().unwrap();
/// let tally = [(d("1998-12-14"), 2), (d("1998-12-04"), 2), (d("1998-12-05"), 1)];
/// assert_eq!(majority(tally), Some((d("1998-12-04"), 2)));
/// assert_eq!(majority([]), None);
/// ```
pub fn majority(tally: impl IntoIterator<Item = (Date, u32)>) -> Option<(Date, u32)> {
    tally
        .into_iter()
        .max_by(|(a, n), (b, m)| n.cmp(m).then(b.cmp(a)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn month_table_round_trips() {
        for (i, name) in MONTHS.iter().enumerate() {
            let month = month_number(name).unwrap();
            assert_eq!(usize::from(month), i + 1);
            assert_eq!(Date::new(2000, month, 1).unwrap().month_name(), *name);
        }
    }

    #[test]
    fn parse_errors_say_what_was_read() {
        let err = "1988-02-30".parse::<Date>().unwrap_err();
        assert_eq!(
            err.to_string(),
            "not a date in YYYY-MM-DD form: \"1988-02-30\""
        );
        assert!("1988-12".parse::<Date>().is_err());
        assert!("1988-12-07-1".parse::<Date>().is_err());
    }

    #[test]
    fn serialized_as_iso_text() {
        let d = Date::new(1988, 12, 7).unwrap();
        let json = serde_json::to_string(&d).unwrap();
        assert_eq!(json, "\"1988-12-07\"");
        assert_eq!(serde_json::from_str::<Date>(&json).unwrap(), d);
    }
}
