//! Dates as texts print them: `7 December 1988`.

use std::sync::OnceLock;

use regex::Regex;

use resgraph_core::date::MONTHS;
pub use resgraph_core::Date;

/// The month names as a regex alternation (`January|February|...`),
/// from the one table.
fn month_alternation() -> String {
    MONTHS.join("|")
}

/// The cited date's expression: `of 7 December 1988`, `on 29 April
/// 2016`, `of 15 of December of 2022`, `of 4 March` (the year in the
/// number's parentheses), a footnote mark glued to the year (`of 24 May
/// 201947`), spaces lost in print (`68/557of 8September 2014`). The
/// adoption told right after the number, past its title if any, is its
/// date too: `1881 (XVIII) adopted by the General Assembly on 11 October
/// 1963` (S/RES/182 (1963)), `3212 (XXIX) entitled “Question of Cyprus”
/// adopted unanimously by the General Assembly at its 2275th plenary
/// meeting on 1 November 1974` (S/RES/364 (1974)).
///
/// `whole`: the rule, with its opening comma and spaces and optional
/// title, compiled only in tests. Otherwise the part from "of", "on" or
/// "adopted" on, which [`date_by_regex`] runs after reading the opening
/// and the title by byte tests ([`title_len`]): the title's 300
/// repetitions of a Unicode class are most of the whole automaton's
/// build.
fn cited_date_pattern(whole: bool) -> String {
    let opening = if whole {
        r#"^,?\s*(?:entitled\s+[“"][^”"]{1,300}[”"],?\s+)?"#
    } else {
        "^"
    };
    format!(
        r#"{opening}(?:of|on|adopted(?:\s+unanimously|\s+without\s+a\s+vote|\s+by\s+consensus)?(?:\s+by\s+the\s+(?:General\s+Assembly|Security\s+Council|Economic\s+and\s+Social\s+Council|Human\s+Rights\s+Council|Assembly|Council))?(?:\s+at\s+its\s+\d{{1,4}}(?:st|nd|rd|th)\s+(?:plenary\s+)?meeting)?,?\s+on)\s+(\d{{1,2}})\s*(?:of\s+)?({})(?:,?\s+(?:of\s+)?(\d{{4}})(?:\d{{1,2}})?)?(?-u:\b)"#,
        month_alternation()
    )
}

/// [`cited_date_pattern`], whole: the rule the fast readings are checked
/// against in tests.
#[cfg(test)]
fn cited_date() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| Regex::new(&cited_date_pattern(true)).expect("static regex"))
}

/// [`cited_date_pattern`] from "of", "on" or "adopted" on.
fn cited_date_after_title() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| Regex::new(&cited_date_pattern(false)).expect("static regex"))
}

/// The length of the title opening `text` as the cited date's
/// expression reads it, `entitled\s+[“"][^”"]{1,300}[”"],?\s+`: the
/// word, white space, a quote, 1 to 300 characters none of them a closing
/// quote, the closing quote, a comma or none, white space (`\s` is
/// Unicode white space, as `char::is_whitespace`). `None` when there is
/// none such; nothing the expression could read another way.
fn title_len(text: &str) -> Option<usize> {
    let spaced = text.strip_prefix("entitled")?;
    let quoted = spaced.trim_start();
    if quoted.len() == spaced.len() {
        return None;
    }
    let inside = quoted
        .strip_prefix('“')
        .or_else(|| quoted.strip_prefix('"'))?;
    let (length, (close, quote)) = inside
        .char_indices()
        .take(301)
        .enumerate()
        .find(|&(_, (_, c))| c == '”' || c == '"')?;
    if !(1..=300).contains(&length) {
        return None;
    }
    let after = &inside[close + quote.len_utf8()..];
    let after = after.strip_prefix(',').unwrap_or(after);
    let dated = after.trim_start();
    (dated.len() < after.len()).then_some(text.len() - dated.len())
}

fn any_date() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(&format!(
            r"(?-u:\b)(\d{{1,2}})\s+({})\s+(\d{{4}})(?-u:\b)",
            month_alternation()
        ))
        .expect("static regex")
    })
}

fn from_parts(day: &str, month: &str, year: &str) -> Option<Date> {
    Date::from_words(day.parse().ok()?, month, year.parse().ok()?)
}

/// The date a reference carries right after its number (`of 7 December
/// 1988`), with the length of text it takes.
pub(crate) fn date_at(text: &str) -> Option<(Date, usize)> {
    date_at_in(text, None)
}

/// [`date_at`], where a date without a year (`186 (1964) of 4 March`)
/// takes `year`, the year the reference itself states.
/// The commonest cited date, ` of 7 December 1988` (or ` on ...`) ended
/// by a non-word byte or the end, read without the regex: the same date
/// and length [`cited_date_pattern`] gives. `None` for any other shape (the regex
/// then decides; in tests it also checks this answer).
fn plain_date(text: &str) -> Option<Option<(Date, usize)>> {
    let b = text.as_bytes();
    if !(text.starts_with(" of ") || text.starts_with(" on ")) {
        return None;
    }
    let day = b[4..].iter().take_while(|c| c.is_ascii_digit()).count();
    if !(1..=2).contains(&day) || b.get(4 + day) != Some(&b' ') {
        return None;
    }
    let month_at = 5 + day;
    let month = MONTHS.iter().find(|m| text[month_at..].starts_with(*m))?;
    let year_at = month_at + month.len() + 1;
    if b.get(year_at - 1) != Some(&b' ') {
        return None;
    }
    let year = b.get(year_at..year_at + 4)?;
    if !year.iter().all(u8::is_ascii_digit) {
        return None;
    }
    let end = year_at + 4;
    if b.get(end)
        .is_some_and(|c| !c.is_ascii() || c.is_ascii_alphanumeric() || *c == b'_')
    {
        return None;
    }
    let date = from_parts(&text[4..4 + day], month, &text[year_at..end]);
    Some(date.map(|d| (d, end)))
}

pub(crate) fn date_at_in(text: &str, year: Option<u16>) -> Option<(Date, usize)> {
    if let Some(fast) = plain_date(text) {
        #[cfg(test)]
        assert_eq!(fast, date_by_regex(text, year), "fast reading of {text:?}");
        return fast;
    }
    date_by_regex(text, year)
}

fn date_by_regex(text: &str, year: Option<u16>) -> Option<(Date, usize)> {
    let found = date_after_opening(text, year);
    #[cfg(test)]
    {
        let by_rule = cited_date().captures(text).and_then(|caps| {
            let date = match caps.get(3) {
                Some(y) => from_parts(&caps[1], &caps[2], y.as_str())?,
                None => from_parts(&caps[1], &caps[2], &year?.to_string())?,
            };
            Some((date, caps.get(0)?.end()))
        });
        assert_eq!(found, by_rule, "reading of {text:?}");
    }
    found
}

/// [`date_by_regex`]: the opening comma and spaces and the title read by
/// byte tests, the rest by the expression.
fn date_after_opening(text: &str, year: Option<u16>) -> Option<(Date, usize)> {
    // The pattern opens with an optional comma and spaces (`,?\s*`, which
    // takes all there are), then "of", "on", "adopted" or "entitled":
    // most texts after a number fail at once.
    let opening = text.strip_prefix(',').unwrap_or(text).trim_start();
    if !(opening.starts_with('o') || opening.starts_with('a') || opening.starts_with('e')) {
        return None;
    }
    let dated = if opening.starts_with("entitled") {
        &opening[title_len(opening)?..]
    } else {
        opening
    };
    let caps = cited_date_after_title().captures(dated)?;
    let date = match caps.get(3) {
        Some(y) => from_parts(&caps[1], &caps[2], y.as_str())?,
        None => from_parts(&caps[1], &caps[2], &year?.to_string())?,
    };
    Some((date, text.len() - dated.len() + caps.get(0)?.end()))
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
        assert_eq!(
            date_at(" of 15 of December of 2022").unwrap().0.to_string(),
            "2022-12-15"
        );
        assert_eq!(
            date_at(" of 24 May 201947,").unwrap().0.to_string(),
            "2019-05-24"
        );
        assert_eq!(
            date_at(" on 29 April 2016").unwrap().0.to_string(),
            "2016-04-29"
        );
        assert!(date_at(" of 4 March, 187").is_none());
        // The adoption told right after the number (S/RES/182 (1963),
        // S/RES/364 (1974)); a date further on is not the number's.
        assert_eq!(
            date_at(" adopted by the General\nAssembly on 11 October 1963,")
                .unwrap()
                .0
                .to_string(),
            "1963-10-11"
        );
        assert_eq!(
            date_at(
                " entitled “Question of Cyprus”\nadopted unanimously by the General Assembly at its\n\
                 2275th plenary meeting on 1 November 1974,"
            )
            .unwrap()
            .0
            .to_string(),
            "1974-11-01"
        );
        assert!(
            date_at(" entitled “Question of Cyprus”, and the report of 1 November 1974").is_none()
        );
        assert!(date_at(" adopted by the Commission on 1 November 1974").is_none());
        assert_eq!(
            date_at("of 8September 2014").unwrap().0.to_string(),
            "2014-09-08"
        );
        // Titles read by bytes, each checked against the whole expression
        // (`date_by_regex`): quotes of both kinds, a title of 300
        // characters and one of 301, one never closed, one empty.
        let long = |n: usize| "x".repeat(n);
        for text in [
            ", entitled \"Question of Cyprus\", adopted on 1 November 1974".to_string(),
            " entitled “A “nested” title” on 1 November 1974".to_string(),
            format!(" entitled “{}” on 1 November 1974", long(300)),
            format!(" entitled “{}” on 1 November 1974", long(301)),
            format!(" entitled “é{}” on 1 November 1974", long(299)),
            " entitled “” on 1 November 1974".to_string(),
            " entitled “Open on 1 November 1974".to_string(),
            " entitled\u{a0}“T”,\u{2003}of 2 May 1990".to_string(),
            " entitled “T”,of 2 May 1990".to_string(),
            " entitled“T” of 2 May 1990".to_string(),
            " entitledx “T” of 2 May 1990".to_string(),
        ] {
            let _ = date_at(&text);
        }
        assert_eq!(
            date_at(" entitled “A “nested” title” on 1 November 1974")
                .map(|(d, _)| d.to_string())
                .as_deref(),
            None
        );
        assert!(date_at(&format!(" entitled “{}” on 1 November 1974", long(300))).is_some());
        assert_eq!(
            date_at_in(" of 4 March, 187", Some(1964))
                .unwrap()
                .0
                .to_string(),
            "1964-03-04"
        );
    }
}
