//! Dates as texts print them: `7 December 1988`.

use std::sync::OnceLock;

use regex::Regex;

pub use crate::model::Date;

const MONTHS: [&str; 12] = [
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

fn cited_date() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"^,?\s+of\s+(\d{1,2})\s+(January|February|March|April|May|June|July|August|September|October|November|December)\s+(\d{4})(?:\d{1,2}(?-u:\b))?")
            .expect("static regex")
    })
}

fn any_date() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"(?-u:\b)(\d{1,2})\s+(January|February|March|April|May|June|July|August|September|October|November|December)\s+(\d{4})(?-u:\b)")
            .expect("static regex")
    })
}

fn from_parts(day: &str, month: &str, year: &str) -> Option<Date> {
    let month = MONTHS.iter().position(|m| *m == month)? as u8 + 1;
    Date::new(year.parse().ok()?, month, day.parse().ok()?)
}

/// The date a reference carries right after its number (`of 7 December
/// 1988`), with the length of text it takes.
pub(crate) fn date_at(text: &str) -> Option<(Date, usize)> {
    let caps = cited_date().captures(text)?;
    let date = from_parts(&caps[1], &caps[2], &caps[3])?;
    Some((date, caps.get(0)?.end()))
}

/// The first date anywhere in `text`.
pub(crate) fn first_date(text: &str) -> Option<Date> {
    any_date()
        .captures_iter(text)
        .find_map(|caps| from_parts(&caps[1], &caps[2], &caps[3]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cited_dates() {
        let (d, len) = date_at(" of 7 December 1988, 53/70").unwrap();
        assert_eq!(d.to_string(), "1988-12-07");
        assert_eq!(len, " of 7 December 1988".len());
        assert!(date_at(" of 31 February 1988").is_none());
        assert!(date_at(" and 7 December 1988").is_none());
    }
}
