//! General Assembly sessions and the part letters of composite resolutions.

use std::fmt;

use crate::roman;

/// A session of the General Assembly.
///
/// Regular sessions open each September (the 76th opened in 2021);
/// special (`S-8`) and emergency special (`ES-10`) sessions are counted
/// separately.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum GaSession {
    /// The n-th regular session.
    Regular(u16),
    /// The n-th special session (`S-8`).
    Special(u16),
    /// The n-th emergency special session (`ES-10`).
    EmergencySpecial(u16),
}

/// How a General Assembly resolution is numbered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum GaStyle {
    /// `session/number`, used from the 31st session (1976) on, and for
    /// special sessions from S-8: `76/19`, `S-8/1`, `ES-10/19`.
    Modern,
    /// `number (roman session)`, used before 1976: `2625 (XXV)`,
    /// `3362 (S-VII)`, `1000 (ES-I)`.
    Roman,
}

// Opening years of the special and emergency special sessions; sessions
// beyond the table are placed after the last known one.
const SPECIAL_SESSION_YEARS: [u16; 32] = [
    1947, 1948, 1961, 1963, 1967, 1974, 1975, 1978, 1978, 1978, 1980, 1982, 1986, 1986, 1988, 1989,
    1990, 1990, 1997, 1998, 1999, 1999, 2000, 2000, 2001, 2001, 2002, 2005, 2014, 2016, 2020, 2021,
];
const EMERGENCY_SESSION_YEARS: [u16; 11] = [
    1956, 1956, 1958, 1960, 1967, 1980, 1980, 1981, 1982, 1997, 2022,
];

impl GaSession {
    /// The session number, whatever its kind.
    pub fn number(self) -> u16 {
        match self {
            GaSession::Regular(n) | GaSession::Special(n) | GaSession::EmergencySpecial(n) => n,
        }
    }

    /// The year the session opened (a regular session n opens in
    /// 1945 + n).
    pub fn approximate_year(self) -> Option<u16> {
        let from_table = |table: &[u16], n: u16| {
            let index = usize::from(n.checked_sub(1)?);
            Some(
                table
                    .get(index)
                    .copied()
                    .unwrap_or_else(|| table[table.len() - 1]),
            )
        };
        match self {
            GaSession::Regular(n) => 1945u16.checked_add(n),
            GaSession::Special(n) => from_table(&SPECIAL_SESSION_YEARS, n),
            GaSession::EmergencySpecial(n) => from_table(&EMERGENCY_SESSION_YEARS, n),
        }
    }

    /// The session as written in a modern symbol: `76`, `S-8`, `ES-10`.
    pub fn modern(self) -> String {
        let (prefix, n) = self.prefixed();
        format!("{prefix}{n}")
    }

    /// The prefix a symbol writes before the session's number (`S-` for
    /// a special session, `ES-` for an emergency special one, nothing for
    /// a regular one), and the number.
    pub(crate) fn prefixed(self) -> (&'static str, u16) {
        match self {
            GaSession::Regular(n) => ("", n),
            GaSession::Special(n) => ("S-", n),
            GaSession::EmergencySpecial(n) => ("ES-", n),
        }
    }

    /// The session as written in a pre-1976 symbol: `XXV`, `S-VII`,
    /// `ES-I`.
    pub fn roman(self) -> String {
        let (prefix, n) = self.prefixed();
        let numeral = roman::to_roman(n).unwrap_or_else(|| n.to_string());
        format!("{prefix}{numeral}")
    }

    /// Reads `76`, `S-8`, `ES-10` (digits after an optional prefix).
    pub(crate) fn parse_modern(text: &str) -> Option<GaSession> {
        let (make, digits): (fn(u16) -> GaSession, &str) = split_session_prefix(text);
        let n = parse_small(digits, 999)?;
        Some(make(n))
    }

    /// Reads `XXV`, `S-VII`, `ES-I`.
    pub(crate) fn parse_roman(text: &str) -> Option<GaSession> {
        let (make, numeral): (fn(u16) -> GaSession, &str) = split_session_prefix(text);
        let n = roman::from_roman(numeral)?;
        Some(make(n))
    }
}

fn split_session_prefix(text: &str) -> (fn(u16) -> GaSession, &str) {
    let upper_prefix = |p: &str| {
        text.len() > p.len()
            && text.is_char_boundary(p.len())
            && text[..p.len()].eq_ignore_ascii_case(p)
    };
    if upper_prefix("ES-") {
        (GaSession::EmergencySpecial, &text[3..])
    } else if upper_prefix("S-") {
        (GaSession::Special, &text[2..])
    } else {
        (GaSession::Regular, text)
    }
}

/// Reads a positive decimal number no larger than `max`, digits only.
pub(crate) fn parse_small(digits: &str, max: u32) -> Option<u16> {
    let n = parse_number(digits, max)?;
    u16::try_from(n).ok()
}

/// Reads a positive decimal number no larger than `max`, digits only,
/// without leading zeros (so that every accepted string prints back).
pub(crate) fn parse_number(digits: &str, max: u32) -> Option<u32> {
    if digits.is_empty() || digits.len() > 6 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    if digits.starts_with('0') {
        return None;
    }
    let n: u32 = digits.parse().ok()?;
    (1..=max).contains(&n).then_some(n)
}

/// The part letter of a composite resolution or decision: `H` in
/// `43/78 H`, `A` in `217 A (III)`, and after `Z` the doubled letters
/// the Assembly uses for long disarmament omnibus resolutions (`53/77 AA`).
///
/// ```
/// use resgraph_symbol::Part;
/// let h = Part::from_letter('h').unwrap();
/// assert_eq!(h.to_string(), "H");
/// assert_eq!(Part::from_letters("AA").unwrap().to_string(), "AA");
/// assert_eq!(Part::from_letter('7'), None);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Part(u8);

impl Part {
    /// A part from its letter, `A` to `Z` in either case.
    pub fn from_letter(letter: char) -> Option<Part> {
        letter
            .is_ascii_alphabetic()
            .then(|| Part(letter.to_ascii_uppercase() as u8 - b'A'))
    }

    /// A part from its letters: one letter, or the same letter twice
    /// (`AA` follows `Z`).
    pub fn from_letters(letters: &str) -> Option<Part> {
        let mut chars = letters.chars();
        match (chars.next(), chars.next(), chars.next()) {
            (Some(a), None, None) => Part::from_letter(a),
            (Some(a), Some(b), None) if a.eq_ignore_ascii_case(&b) => {
                Part::from_letter(a).map(|p| Part(p.0 + 26))
            }
            _ => None,
        }
    }

    /// The upper-case letter (the first of a doubled part).
    pub fn letter(self) -> char {
        char::from(b'A' + self.0 % 26)
    }

    /// 1 for `A`, 26 for `Z`, 27 for `AA`.
    pub fn ordinal(self) -> u8 {
        self.0 + 1
    }

    /// The parts from `self` to `last` inclusive (`A to D` is A, B, C, D);
    /// empty when `last` comes before `self`.
    pub fn range_to(self, last: Part) -> impl Iterator<Item = Part> {
        (self.0..=last.0).map(Part)
    }
}

impl fmt::Display for Part {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let letter = self.letter();
        if self.0 >= 26 {
            write!(f, "{letter}{letter}")
        } else {
            write!(f, "{letter}")
        }
    }
}
