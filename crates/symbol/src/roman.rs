//! Roman numerals, as used for General Assembly sessions before 1976
//! (`2625 (XXV)`) and for old Economic and Social Council sessions
//! (`2008 (LX)`).

/// The largest session number written in roman numerals that we accept.
///
/// The General Assembly stopped at XXX (1975), the Economic and Social
/// Council at LXIII; 399 leaves room without accepting absurd input.
pub const MAX_ROMAN: u16 = 399;

const TABLE: [(u16, &str); 9] = [
    (100, "C"),
    (90, "XC"),
    (50, "L"),
    (40, "XL"),
    (10, "X"),
    (9, "IX"),
    (5, "V"),
    (4, "IV"),
    (1, "I"),
];

/// Writes `n` in upper-case roman numerals (`25` is `XXV`).
///
/// Returns `None` for 0 and for numbers above [`MAX_ROMAN`].
///
/// ```
/// assert_eq!(resgraph_symbol::roman::to_roman(25).as_deref(), Some("XXV"));
/// assert_eq!(resgraph_symbol::roman::to_roman(0), None);
/// ```
pub fn to_roman(mut n: u16) -> Option<String> {
    if n == 0 || n > MAX_ROMAN {
        return None;
    }
    let mut out = String::new();
    for (value, digits) in TABLE {
        while n >= value {
            out.push_str(digits);
            n -= value;
        }
    }
    Some(out)
}

/// Reads an upper- or lower-case roman numeral in its canonical form.
///
/// Only the canonical spelling is accepted (`XXV`, not `XXIIIII` nor the
/// OCR slip `XXY`), so that every accepted numeral prints back the same.
///
/// ```
/// use resgraph_symbol::roman::from_roman;
/// assert_eq!(from_roman("XXV"), Some(25));
/// assert_eq!(from_roman("xxv"), Some(25));
/// assert_eq!(from_roman("XXY"), None);
/// assert_eq!(from_roman("IIII"), None);
/// ```
pub fn from_roman(text: &str) -> Option<u16> {
    if text.is_empty() || text.len() > 16 {
        return None;
    }
    let mut total: u16 = 0;
    let mut prev: u16 = 0;
    for ch in text.chars().rev() {
        let value = match ch.to_ascii_uppercase() {
            'I' => 1,
            'V' => 5,
            'X' => 10,
            'L' => 50,
            'C' => 100,
            _ => return None,
        };
        if value < prev {
            total = total.checked_sub(value)?;
        } else {
            total = total.checked_add(value)?;
            prev = value;
        }
    }
    // Reject non-canonical spellings by printing back.
    match to_roman(total) {
        Some(canonical) if canonical.eq_ignore_ascii_case(text) => Some(total),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_every_accepted_number() {
        for n in 1..=MAX_ROMAN {
            let text = to_roman(n).unwrap();
            assert_eq!(from_roman(&text), Some(n), "{text}");
        }
    }

    #[test]
    fn rejects_garbage() {
        for bad in ["", "ABC", "IC", "VV", "MMMM", "IIIIIIIIIIIIIIIIIIIIIIII"] {
            assert_eq!(from_roman(bad), None, "{bad}");
        }
    }
}
