//! How the Security Council and the General Assembly numbered their
//! resolutions over time: which numbers a year or session can hold.
//!
//! ## Security Council
//!
//! The Council numbers its resolutions in one series since 1946
//! (`S/RES/1 (1946)` to `S/RES/2825 (2026)`), so a number alone tells its
//! year, and a number printed with a year that does not hold it is not a
//! Council resolution (`general comment No. 12 (1999)`).

/// The first resolution number of each year from 1946, read from the UN
/// Digital Library voting registry (S/RES/1 to 2790) and the UN's AKN4UN
/// XML of 2016-2026 (`../shared/data`, see data/registry/PROVENANCE.md).
const FIRST_OF_YEAR: [u32; 81] = [
    1, 16, 38, 67, 79, 90, 97, 99, 104, 106, 111, 122, 127, 132, 133, 161, 171, 178, 186, 200, 220,
    233, 245, 263, 276, 292, 308, 325, 345, 367, 385, 403, 423, 444, 462, 485, 500, 529, 546, 560,
    581, 594, 607, 627, 647, 684, 726, 800, 893, 970, 1036, 1093, 1147, 1220, 1285, 1335, 1387,
    1455, 1522, 1581, 1652, 1739, 1795, 1860, 1908, 1967, 2033, 2086, 2133, 2196, 2260, 2337, 2398,
    2452, 2504, 2561, 2618, 2672, 2722, 2768, 2812,
];

const FIRST_YEAR: u16 = 1946;

/// The most resolutions the Council has adopted in one year (93 in
/// 1993), with room: bounds the years after the table.
const MOST_IN_A_YEAR: u32 = 120;

/// The year of Security Council resolution `number`, where the table
/// knows it (numbers up to the last year in it).
///
/// ```
/// use resgraph_symbol::sc_year_of;
/// assert_eq!(sc_year_of(1325), Some(2000));
/// assert_eq!(sc_year_of(242), Some(1967));
/// assert_eq!(sc_year_of(0), None);
/// ```
pub fn sc_year_of(number: u32) -> Option<u16> {
    if number == 0 {
        return None;
    }
    let next = FIRST_OF_YEAR.partition_point(|&first| first <= number);
    if next == FIRST_OF_YEAR.len() {
        // The last year of the table may not be complete: a number past
        // its first is known no further than a year's worth.
        let last = FIRST_OF_YEAR[FIRST_OF_YEAR.len() - 1];
        return (number < last + MOST_IN_A_YEAR).then_some(FIRST_YEAR + next as u16 - 1);
    }
    Some(FIRST_YEAR + next as u16 - 1)
}

/// Whether `number (year)` can be a Security Council resolution: the
/// number falls in that year's run (beyond the table, in a plausible
/// continuation of it).
///
/// ```
/// use resgraph_symbol::sc_number_fits_year;
/// assert!(sc_number_fits_year(1325, 2000));
/// assert!(!sc_number_fits_year(12, 1999));
/// assert!(sc_number_fits_year(2900, 2027));
/// ```
pub fn sc_number_fits_year(number: u32, year: u16) -> bool {
    if year < FIRST_YEAR || number == 0 {
        return false;
    }
    let index = usize::from(year - FIRST_YEAR);
    match FIRST_OF_YEAR.get(index) {
        Some(&first) => {
            let next = FIRST_OF_YEAR.get(index + 1).copied();
            number >= first && next.is_none_or(|n| number < n)
        }
        None => {
            let last = FIRST_OF_YEAR[FIRST_OF_YEAR.len() - 1];
            let years_after =
                u32::from(year) - (u32::from(FIRST_YEAR) + FIRST_OF_YEAR.len() as u32 - 1);
            number > last && number < last + MOST_IN_A_YEAR * (years_after + 1)
        }
    }
}

/// The lowest resolution number of each General Assembly regular session
/// I to XXX (1946-1975) in the UN Digital Library voting registry
/// (recorded votes only, so a session may start a little lower; session
/// XIX, which held almost no votes, is set from its neighbours).
const GA_ROMAN_FIRST: [u32; 30] = [
    1, 108, 191, 288, 376, 502, 609, 713, 807, 908, 1009, 1134, 1239, 1351, 1472, 1627, 1752, 1881,
    1993, 2012, 2134, 2262, 2379, 2498, 2621, 2752, 2908, 3055, 3206, 3366,
];

/// How far a number may stand outside the registry's range for its
/// session: the registry lists only resolutions adopted by recorded
/// vote, and special sessions interleave their numbers.
const GA_SLACK: u32 = 30;

/// Whether `number (session)` can be a General Assembly resolution of
/// regular session `session` (1 to 30, the sessions that numbered their
/// resolutions `2625 (XXV)`), within a margin.
///
/// ```
/// use resgraph_symbol::ga_roman_number_fits_session;
/// assert!(ga_roman_number_fits_session(1514, 15));
/// assert!(ga_roman_number_fits_session(2625, 25));
/// assert!(!ga_roman_number_fits_session(4, 4));
/// assert!(!ga_roman_number_fits_session(1514, 40));
/// ```
pub fn ga_roman_number_fits_session(number: u32, session: u16) -> bool {
    let Some(index) = usize::from(session).checked_sub(1) else {
        return false;
    };
    let Some(&first) = GA_ROMAN_FIRST.get(index) else {
        return false;
    };
    let end = GA_ROMAN_FIRST.get(index + 1).copied().unwrap_or(3550);
    number + GA_SLACK >= first && number < end + GA_SLACK
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_year_of_the_table_round_trips() {
        for (i, &first) in FIRST_OF_YEAR.iter().enumerate() {
            let year = FIRST_YEAR + i as u16;
            assert_eq!(sc_year_of(first), Some(year));
            assert!(sc_number_fits_year(first, year));
            if first > 1 {
                assert!(!sc_number_fits_year(first - 1, year));
            }
        }
        assert_eq!(sc_year_of(2825), Some(2026));
        assert_eq!(sc_year_of(5000), None);
    }
}
