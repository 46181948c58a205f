//! The groups of a match, read by a regex or, for the commonest shapes,
//! by a few byte tests that give the same answer.
//!
//! Reading a list costs a search with groups per number (the item, its
//! date, the separator before the next one). The regexes stay the rule:
//! the fast readers below recognise only shapes whose match and groups
//! they can state with certainty (`76/19,`, `76/19 of`, `, 76/19`, ` and
//! 76/19`, ` of 7 December 1988`) and hand everything else to the regex.
//! In tests every fast answer is checked against the regex's.

use regex::Regex;

/// One group: its span in the text the match was read in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Group<'t> {
    text: &'t str,
    start: usize,
    end: usize,
}

impl<'t> Group<'t> {
    pub fn as_str(&self) -> &'t str {
        &self.text[self.start..self.end]
    }

    pub fn start(&self) -> usize {
        self.start
    }

    pub fn end(&self) -> usize {
        self.end
    }

    pub fn len(&self) -> usize {
        self.end - self.start
    }

    /// The text from this group's start to the end of `last`, a later
    /// group of the same match.
    pub fn through(&self, last: &Group<'t>) -> &'t str {
        &self.text[self.start..last.end]
    }
}

/// A match and its named groups that took part.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Groups<'t> {
    text: &'t str,
    whole: (usize, usize),
    named: Vec<(&'static str, usize, usize)>,
}

impl<'t> Groups<'t> {
    /// The groups of `re`'s match at the start of `text` (an anchored
    /// regex), by the regex.
    /// `names` lists groups in the order the regex opens them (the order
    /// the fast readers give them in, so that answers compare equal).
    pub fn read(re: &Regex, names: &[&'static str], text: &'t str) -> Option<Groups<'t>> {
        let caps = re.captures(text)?;
        let whole = caps.get(0)?;
        // Groups by index, in the regex's order: a lookup by name hashes
        // the name for every group of every match.
        let mut named = Vec::with_capacity(names.len());
        for (index, name) in re.capture_names().enumerate() {
            let Some(name) = name.and_then(|n| names.iter().find(|known| **known == n)) else {
                continue;
            };
            if let Some(m) = caps.get(index) {
                named.push((*name, m.start(), m.end()));
            }
        }
        Some(Groups {
            text,
            whole: (whole.start(), whole.end()),
            named,
        })
    }

    fn new(text: &'t str, end: usize, named: Vec<(&'static str, usize, usize)>) -> Groups<'t> {
        Groups {
            text,
            whole: (0, end),
            named,
        }
    }

    /// The whole match (`0`); there are no numbered groups.
    pub fn get(&self, index: usize) -> Option<Group<'t>> {
        (index == 0).then_some(Group {
            text: self.text,
            start: self.whole.0,
            end: self.whole.1,
        })
    }

    pub fn name(&self, name: &str) -> Option<Group<'t>> {
        self.named
            .iter()
            .find(|(n, _, _)| *n == name)
            .map(|&(_, start, end)| Group {
                text: self.text,
                start,
                end,
            })
    }
}

/// In tests, the regex's answer must be the fast reader's.
#[cfg(test)]
fn checked<'t>(fast: Groups<'t>, re: &Regex, names: &[&'static str], text: &'t str) -> Groups<'t> {
    assert_eq!(
        Some(&fast),
        Groups::read(re, names, text).as_ref(),
        "fast reading of {text:?}"
    );
    fast
}

#[cfg(not(test))]
fn checked<'t>(fast: Groups<'t>, _: &Regex, _: &[&'static str], _: &'t str) -> Groups<'t> {
    fast
}

/// The length of the run of ASCII digits at the start of `bytes`.
fn digits(bytes: &[u8]) -> usize {
    bytes.iter().take_while(|b| b.is_ascii_digit()).count()
}

/// The item regex's groups (`sess`/`num` or `bare`, `parts`, `paren`,
/// `after`) for an item with no footnote mark: digits, optionally `/`
/// and digits, optionally one or two part letters (` A`) that nothing
/// could continue, optionally ` (YYYY)` or a roman session ` (XXV)`,
/// then the end of the text, a punctuation mark other than `(`, or one
/// space before a lower-case word (after a parenthesis, any space or
/// punctuation). `None` when the shape is any other (the regex then
/// decides).
pub(crate) fn item_fast<'t>(
    re: &Regex,
    names: &[&'static str],
    text: &'t str,
) -> Option<Groups<'t>> {
    let b = text.as_bytes();
    let first = digits(b);
    if first == 0 {
        return None;
    }
    let mut named = Vec::with_capacity(5);
    let number_end = if b.get(first) == Some(&b'/') {
        let second = digits(&b[first + 1..]);
        if first > 4 || second == 0 || second > 5 {
            return None;
        }
        named.push(("sess", 0, first));
        named.push(("num", first + 1, first + 1 + second));
        first + 1 + second
    } else {
        if first > 5 {
            return None;
        }
        named.push(("bare", 0, first));
        first
    };
    let number_end = match part_letters_end(b, number_end)? {
        Some(parts_end) => {
            named.push(("parts", number_end, parts_end));
            parts_end
        }
        None => number_end,
    };
    // A Council year or a roman session in parentheses, ` (2001)`,
    // ` (XXV)`, with no footnote mark glued to it.
    let paren_end = b.get(number_end..number_end + 2).and_then(|open| {
        if open != b" (" {
            return None;
        }
        let inside = &b[number_end + 2..];
        let year = inside.len() >= 4 && inside[..4].iter().all(u8::is_ascii_digit);
        let roman = inside
            .iter()
            .take_while(|c| matches!(c, b'I' | b'V' | b'X' | b'L' | b'C'))
            .count();
        let inside_len = if year { 4 } else { roman };
        ((year || (1..=9).contains(&roman)) && inside.get(inside_len) == Some(&b')'))
            .then_some(number_end + 2 + inside_len + 1)
    });
    let with_paren = paren_end.is_some();
    let number_end = match paren_end {
        Some(paren_end) => {
            if b.get(paren_end).is_some_and(u8::is_ascii_digit) {
                return None;
            }
            named.push(("paren", number_end, paren_end));
            paren_end
        }
        None => number_end,
    };
    let end = match b.get(number_end) {
        None => {
            named.push(("after", number_end, number_end));
            number_end
        }
        // After a parenthesis any non-word byte ends the item.
        Some(&c)
            if with_paren
                && (c == b' ' || (c.is_ascii_punctuation() && !matches!(c, b'/' | b'-'))) =>
        {
            named.push(("after", number_end, number_end + 1));
            number_end + 1
        }
        // A space, then a lower-case letter: no part letters (which need a
        // capital) and no parenthesis can follow; the space ends the item.
        Some(b' ') if b.get(number_end + 1).is_some_and(u8::is_ascii_lowercase) => {
            named.push(("after", number_end, number_end + 1));
            number_end + 1
        }
        Some(&c) if c.is_ascii_punctuation() && !matches!(c, b'(' | b'/' | b'-') => {
            named.push(("after", number_end, number_end + 1));
            number_end + 1
        }
        _ => return None,
    };
    // Pushed in the regex's group order, the order [`Groups::read`]
    // gives.
    Some(checked(Groups::new(text, end, named), re, names, text))
}

/// Where the part letters after an item's number at `at` end: `Some(None)`
/// when there are none (no space and capital there), `Some(Some(end))`
/// for one or two capitals after one space that no other part, `and`,
/// `to` or word could continue (` A of`, ` B, section`, ` A (XXI)`),
/// `None` for any other shape (the regex decides).
fn part_letters_end(b: &[u8], at: usize) -> Option<Option<usize>> {
    if b.get(at) != Some(&b' ') || !b.get(at + 1).is_some_and(u8::is_ascii_uppercase) {
        return Some(None);
    }
    let letters = b[at + 1..]
        .iter()
        .take_while(|c| c.is_ascii_uppercase())
        .count();
    let end = at + 1 + letters;
    // More letters would be a word, never parts: the regex backtracks.
    if letters > 2 {
        return None;
    }
    let continued = match b.get(end) {
        None => false,
        Some(&c) if c.is_ascii_alphanumeric() || matches!(c, b'/' | b'-') || !c.is_ascii() => true,
        // `, B` would be another part; only a small letter, digit or
        // sign after the comma and its spaces ends them.
        Some(b',') => {
            let next = b[end + 1..].iter().find(|c| **c != b' ');
            next.is_some_and(|c| {
                c.is_ascii_uppercase() || !c.is_ascii() || (0x09..=0x0d).contains(c)
            })
        }
        // ` and B`, ` to D`, or more spaces.
        Some(b' ') => {
            let rest = &b[end + 1..];
            rest.starts_with(b"and")
                || rest.starts_with(b"to")
                || rest.first().is_some_and(|c| !c.is_ascii_graphic())
        }
        Some(&c) => !c.is_ascii_punctuation(),
    };
    if continued {
        return None;
    }
    Some(Some(end))
}

/// The separator regex's groups for the commonest separators: `, `,
/// `; `, ` and `, `, and ` and the like, followed by a visible ASCII
/// character (after `, `, no digits that could be a footnote mark, and
/// no joining word). `None` for any other text.
pub(crate) fn separator_fast<'t>(
    re: &Regex,
    names: &[&'static str],
    text: &'t str,
) -> Option<Groups<'t>> {
    const SEPARATORS: [&str; 9] = [
        ", and ",
        ", or ",
        ", as well as ",
        "; and ",
        " and ",
        " or ",
        " as well as ",
        ", ",
        "; ",
    ];
    let sep = SEPARATORS.iter().find(|sep| text.starts_with(*sep))?;
    let end = sep.len();
    let b = text.as_bytes();
    // A visible ASCII character must follow (one space only).
    let next = *b.get(end)?;
    if !next.is_ascii_graphic() {
        return None;
    }
    if matches!(*sep, ", " | "; ") {
        // A joining word after a bare comma or semicolon belongs to the
        // separator in ways the regex decides.
        let rest = &text[end..];
        let joined = ["and", "or", "as"].iter().any(|w| {
            rest.strip_prefix(w)
                .is_some_and(|r| r.starts_with(char::is_whitespace))
        });
        if joined {
            return None;
        }
    }
    if *sep == ", " && next.is_ascii_digit() {
        // One or two digits before a space would be a footnote mark
        // (`, 12 76/19`), which the regex reads.
        let run = digits(&b[end..]);
        if run <= 2 && !b.get(end + run).is_some_and(|c| c.is_ascii_punctuation()) {
            return None;
        }
    }
    Some(checked(Groups::new(text, end, Vec::new()), re, names, text))
}

/// The separator regex's answer, match or none, for what most often
/// follows a list's last item: the paragraph's closing `,`, `;` or `.`;
/// one space before a word that joins nothing (` on the`, ` Adopted`),
/// which the regex reads as a bare space; a full stop and one space
/// before a new sentence (`. Recalls`), its `ocr` separator. `None` when
/// the text is of any other shape (the regex then decides).
pub(crate) fn separator_short<'t>(
    re: &Regex,
    names: &[&'static str],
    text: &'t str,
) -> Option<Option<Groups<'t>>> {
    let b = text.as_bytes();
    let answer = match *b {
        [b',' | b';'] => Some(Groups::new(text, 1, Vec::new())),
        // Every alternative needs a space, a digit, `,` or `;` first, or
        // a space after the full stop.
        [b'.'] => None,
        [b'.', next, ..] if next.is_ascii_graphic() => None,
        [b'.', b' ', next, ..] if next.is_ascii_graphic() && next != b'a' => {
            Some(Groups::new(text, 2, vec![("ocr", 2, 2)]))
        }
        [b' ', next, ..]
            if next.is_ascii_graphic()
                && !next.is_ascii_digit()
                && !matches!(next, b',' | b';' | b'.')
                && !["and", "or", "as", "to"]
                    .iter()
                    .any(|word| b[1..].starts_with(word.as_bytes())) =>
        {
            Some(Groups::new(text, 1, vec![("space", 0, 1)]))
        }
        _ => return None,
    };
    #[cfg(test)]
    assert_eq!(
        answer,
        Groups::read(re, names, text),
        "short reading of {text:?}"
    );
    #[cfg(not(test))]
    let _ = (re, names);
    Some(answer)
}

/// The separator regex's answer where "entitled" and a quoted title
/// open the text (`, entitled “…”, and 76/19`): the title read by byte
/// tests, the separator after it by `untitled_at` (the same regex
/// without its title, a fraction of the size). The order of trials is
/// the regex's: the title with the comma after it, then without that
/// comma, then no title at all. Cheaper than the whole regex, whose
/// automaton spells 400 repetitions of a Unicode class: `re` gives it,
/// and is called only in tests, to check the answer, so that it is never
/// compiled otherwise.
pub(crate) fn titled_separator<'t>(
    re: fn() -> &'static Regex,
    names: &[&'static str],
    text: &'t str,
    untitled_at: impl Fn(&'t str) -> Option<Groups<'t>>,
) -> Option<Groups<'t>> {
    let after_title = |at: usize| {
        untitled_at(&text[at..]).map(|found| Groups {
            text,
            whole: (0, at + found.whole.1),
            named: found
                .named
                .into_iter()
                .map(|(name, start, end)| (name, at + start, at + end))
                .collect(),
        })
    };
    let found = match title_end(text) {
        Some(end) => (text[end..].starts_with(',').then(|| after_title(end + 1)))
            .flatten()
            .or_else(|| after_title(end))
            .or_else(|| untitled_at(text)),
        None => untitled_at(text),
    };
    checked_answer(found, re, names, text)
}

/// The end of the opening `\s*,?\s*entitled\s+“…”` of the separator
/// regex: a title of at most 400 characters between quotes (“, ” or ").
fn title_end(text: &str) -> Option<usize> {
    let is_quote = |c: char| matches!(c, '“' | '”' | '"');
    let rest = text.trim_start();
    let rest = rest.strip_prefix(',').unwrap_or(rest).trim_start();
    let word_end = rest.strip_prefix("entitled")?;
    let title = word_end.trim_start();
    if title.len() == word_end.len() {
        return None;
    }
    let mut chars = title.char_indices();
    if !chars.next().is_some_and(|(_, c)| is_quote(c)) {
        return None;
    }
    for (inside, (at, c)) in chars.enumerate() {
        if is_quote(c) {
            return Some(text.len() - title.len() + at + c.len_utf8());
        }
        if inside == 400 {
            return None;
        }
    }
    None
}

/// In tests, an answer (found or not) must be the regex's.
#[cfg(test)]
fn checked_answer<'t>(
    found: Option<Groups<'t>>,
    re: fn() -> &'static Regex,
    names: &[&'static str],
    text: &'t str,
) -> Option<Groups<'t>> {
    assert_eq!(
        found,
        Groups::read(re(), names, text),
        "reading of {text:?}"
    );
    found
}

#[cfg(not(test))]
fn checked_answer<'t>(
    found: Option<Groups<'t>>,
    _: fn() -> &'static Regex,
    _: &[&'static str],
    _: &'t str,
) -> Option<Groups<'t>> {
    found
}

#[cfg(test)]
mod tests {
    use super::super::list::{item, separator_names, separator_untitled, ITEM_NAMES};
    use super::*;

    #[test]
    fn fast_items_are_the_regex_items() {
        for text in [
            "76/19, 53/70",
            "76/19 of 6 December",
            "76/19",
            "1373; and",
            "76/19.",
            "2758 and",
            "1373 (2001), 1540 (2004)",
            "1373 (2001) of",
            "1373 (2001)",
            "43/78 H of 7 December",
            "43/78 H",
            "3419 A (XXX),",
            "2625 (XXV) of",
            "2625 (XXV)",
            "45/248 B, section VI",
            "45/248 B, 45/249",
            "181 AB (II).",
            "1514 (XV); and",
        ] {
            let fast = item_fast(item(), ITEM_NAMES, text);
            assert!(fast.is_some(), "{text}");
        }
        for text in [
            "1373 (2001)1",
            "76/19A",
            "123456",
            "76/19 B and C",
            "76/19-",
            "1373 (2001)A",
            "76/19 B, C",
            "76/19 A to C",
            "76/19 Recalls",
            "76/19 ABC",
            "76/19 A  of",
            "76/19 A (XXV)1",
            "2625 (XXV)A",
            "2625 (XXVIIIIIIIII)",
            "2625 (ES-10)",
        ] {
            assert!(item_fast(item(), ITEM_NAMES, text).is_none(), "{text}");
        }
    }

    #[test]
    fn titled_separators_are_the_regex_separators() {
        let untitled_at = |text| {
            separator_fast(separator_untitled(), separator_names(), text)
                .or_else(|| Groups::read(separator_untitled(), separator_names(), text))
        };
        let long = format!(", entitled \"{}\", and 76/19", "x".repeat(400));
        let too_long = format!(", entitled \"{}\", and 76/19", "é".repeat(401));
        for text in [
            ", entitled “Rights of the child”, and 76/19",
            " entitled \"Rights\" 76/19",
            ", entitled “Rights”,76/19",
            ", entitled “Rights”, 12 76/19",
            ", entitled “Rights” to 5",
            ", entitled “Rights”A",
            ", entitled “Rights”",
            ", entitled “Rights",
            ", entitled Rights",
            ",entitled\u{a0}”Rights“; and 5",
            " entitled",
            long.as_str(),
            too_long.as_str(),
        ] {
            // Compared with the whole regex inside, in tests.
            titled_separator(
                super::super::list::separator,
                separator_names(),
                text,
                untitled_at,
            );
        }
    }

    #[test]
    fn short_separators_are_the_regex_separators() {
        // Each answer is compared with the regex's inside, in tests.
        for text in [
            ",",
            ";",
            ".",
            ".5",
            ".)",
            ". Recalls",
            ". 2 See",
            " on the",
            " Adopted",
            " (here",
            " in which",
            " of resolution",
        ] {
            assert!(
                separator_short(separator_untitled(), separator_names(), text).is_some(),
                "{text}"
            );
        }
        for text in [
            ", ",
            ". and",
            ".  Recalls",
            ". ",
            " and 5",
            " or",
            " as well as",
            " to 5",
            " 12 76/19",
            " , 5",
            "  on",
            " \u{a0}",
            ".\n",
        ] {
            assert!(
                separator_short(separator_untitled(), separator_names(), text).is_none(),
                "{text}"
            );
        }
    }

    #[test]
    fn fast_separators_are_the_regex_separators() {
        for text in [
            ", 53/70",
            ", and 74/29",
            "; 1373",
            " and 76/19",
            ", 123",
            ", welcomes",
            " and the",
            ", or 5",
        ] {
            assert!(
                separator_fast(separator_untitled(), separator_names(), text).is_some(),
                "{text}"
            );
        }
        for text in [
            ", 12 76/19",
            " to 5",
            ",  76/19",
            " 12 and",
            ", and\u{a0}5",
            ", as  well",
        ] {
            assert!(
                separator_fast(separator_untitled(), separator_names(), text).is_none(),
                "{text}"
            );
        }
    }
}
