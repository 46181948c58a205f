//! Dates, month names and the ordinal words UN texts print
//! ("Seventy-eighth session", "45th plenary meeting").

use std::fmt;

use resgraph_core::date::MONTHS;
use resgraph_core::Date;

/// A calendar date (proleptic Gregorian).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) struct Day {
    pub year: u16,
    pub month: u8,
    pub day: u8,
}

impl Day {
    pub const fn new(year: u16, month: u8, day: u8) -> Day {
        Day { year, month, day }
    }

    /// The date as the extractor reads it: the shared date type, whose
    /// display is ISO (`1988-12-07`) where a `Day` prints as texts do.
    pub fn date(self) -> Date {
        // A `Day` is a real date by construction (tables of real dates
        // and calendar arithmetic), so no check is needed.
        Date {
            year: self.year,
            month: self.month,
            day: self.day,
        }
    }

    /// The days in a month (the one leap-year rule, `resgraph_core`).
    pub fn days_in_month(year: u16, month: u8) -> u8 {
        resgraph_core::date::days_in_month(year, month)
    }

    /// Days since 1970-01-01 (Hinnant's `days_from_civil`).
    pub fn ordinal(self) -> i64 {
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i64::from(self.month);
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The date `days` after 1970-01-01 (Hinnant's `civil_from_days`).
    pub fn from_ordinal(days: i64) -> Day {
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
        let year = (yoe + era * 400 + i64::from(month <= 2)) as u16;
        Day { year, month, day }
    }

    pub fn plus(self, days: i64) -> Day {
        Day::from_ordinal(self.ordinal() + days)
    }

    /// 0 = Monday ... 6 = Sunday.
    pub fn weekday(self) -> u8 {
        // 1970-01-01 was a Thursday (3).
        ((self.ordinal() + 3).rem_euclid(7)) as u8
    }

    /// The same day or the next working day (meetings are not held at
    /// weekends).
    pub fn to_weekday(self) -> Day {
        match self.weekday() {
            5 => self.plus(2),
            6 => self.plus(1),
            _ => self,
        }
    }

    /// The day of the year, 1-based.
    pub fn day_of_year(self) -> u32 {
        (self.ordinal() - Day::new(self.year, 1, 1).ordinal() + 1) as u32
    }

    pub fn month_name(self) -> &'static str {
        // The one month table, shared with the extractor's date reading.
        MONTHS[usize::from(self.month.clamp(1, 12) - 1)]
    }
}

/// `7 December 1988`, as texts print dates.
impl fmt::Display for Day {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {} {}", self.day, self.month_name(), self.year)
    }
}

const UNITS: [&str; 20] = [
    "",
    "first",
    "second",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
    "tenth",
    "eleventh",
    "twelfth",
    "thirteenth",
    "fourteenth",
    "fifteenth",
    "sixteenth",
    "seventeenth",
    "eighteenth",
    "nineteenth",
];
const TENS: [(&str, &str); 10] = [
    ("", ""),
    ("", ""),
    ("twenty", "twentieth"),
    ("thirty", "thirtieth"),
    ("forty", "fortieth"),
    ("fifty", "fiftieth"),
    ("sixty", "sixtieth"),
    ("seventy", "seventieth"),
    ("eighty", "eightieth"),
    ("ninety", "ninetieth"),
];

/// `seventy-eighth`, `eightieth`, `first` (1 to 99).
pub(crate) fn ordinal_word(n: u16) -> String {
    let n = usize::from(n.clamp(1, 99));
    if n < 20 {
        return UNITS[n].to_string();
    }
    let (tens, tenth) = TENS[n / 10];
    if n % 10 == 0 {
        tenth.to_string()
    } else {
        format!("{tens}-{}", UNITS[n % 10])
    }
}

/// `Seventy-eighth`: the word with a capital.
pub(crate) fn ordinal_word_capital(n: u16) -> String {
    let word = ordinal_word(n);
    let mut chars = word.chars();
    match chars.next() {
        Some(c) => c.to_ascii_uppercase().to_string() + chars.as_str(),
        None => word,
    }
}

/// `45th`, `1st`, `102nd`, `113th`.
pub(crate) fn ordinal_number(n: u32) -> String {
    let suffix = match (n % 10, n % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    format!("{n}{suffix}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ordinals_round_trip() {
        for d in [
            Day::new(1948, 12, 10),
            Day::new(2000, 2, 29),
            Day::new(2025, 12, 31),
        ] {
            assert_eq!(Day::from_ordinal(d.ordinal()), d);
        }
        assert_eq!(Day::new(1970, 1, 1).ordinal(), 0);
        // 6 December 2021 was a Monday.
        assert_eq!(Day::new(2021, 12, 6).weekday(), 0);
        assert_eq!(Day::new(2021, 12, 4).to_weekday(), Day::new(2021, 12, 6));
    }

    #[test]
    fn words() {
        assert_eq!(ordinal_word_capital(78), "Seventy-eighth");
        assert_eq!(ordinal_word(80), "eightieth");
        assert_eq!(ordinal_word(31), "thirty-first");
        assert_eq!(ordinal_number(45), "45th");
        assert_eq!(ordinal_number(112), "112th");
        assert_eq!(ordinal_number(102), "102nd");
        assert_eq!(Day::new(1988, 12, 7).to_string(), "7 December 1988");
    }
}
