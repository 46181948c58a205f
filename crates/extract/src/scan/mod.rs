//! Finding references in one cleaned paragraph.
//!
//! Two kinds of anchor start a reference: the word `resolution(s)` or
//! `decision(s)`, which opens a list of numbers (`resolutions 43/78 H of 7
//! December 1988, 53/70 ... and 76/19`), and a masthead symbol written
//! out (`A/65/201`, `S/RES/1373 (2001)`). Then numbers that carry their
//! own proof are read wherever they stand (`proof`). Bare numbers with no
//! proof (`2/3`, `2021–2025`, `12/12/2019`) are never read as citations.
//!
//! - `owner`: whose resolution a head word introduces;
//! - `list`: the list grammar after a head word and what each number means;
//! - `plausible`: what a number beyond any session's count is;
//! - `proof`: the self-proving forms;
//! - `masthead`: masthead symbols.

use std::sync::OnceLock;

use rustc_hash::FxHashMap;

use resgraph_symbol::{Act, Body, Symbol};

use crate::anchor::Triggers;
use crate::dates::Date;
use crate::spans::Spans;
use crate::verdict::Reason;

mod groups;
mod list;
mod masthead;
mod owner;
mod plausible;
mod proof;

use list::list;
use masthead::masthead;
use owner::{joins, owner_before, Owner};
use proof::{assembly_forms, council_forms};

/// One reference found in a paragraph, with its span in the cleaned text.
#[derive(Debug, Clone)]
pub(crate) struct Mention {
    pub symbol: Symbol,
    pub start: usize,
    pub end: usize,
    pub cited_date: Option<Date>,
}

/// What a document's scan carries from paragraph to paragraph.
pub(crate) struct ScanState {
    /// The body that "its" means: the organ adopting the document.
    pub own_body: Body,
    /// Security Council resolution years seen so far, to complete a later
    /// bare `resolution 1590` in the same text. A fast hash, not a keyed
    /// one: it is written for every Council number read, and nothing here
    /// collides on purpose.
    pub sc_years: FxHashMap<u32, u16>,
    pub notes: Vec<String>,
    /// Reference-shaped items read and deliberately not cited in the
    /// current paragraph, with why (clean offsets).
    pub excluded: Vec<(usize, usize, Reason)>,
}

impl ScanState {
    /// The state at the start of a document adopted by `own_body`.
    pub(crate) fn new(own_body: Body) -> ScanState {
        ScanState {
            own_body,
            sc_years: FxHashMap::default(),
            notes: Vec::new(),
            excluded: Vec::new(),
        }
    }
}

/// The latest year the numbering checks allow for: a Human Rights Council
/// session numbered beyond it has not been held.
pub(super) const CURRENT_YEAR: u16 = 2026;

/// The head words and masthead symbols, as a regular expression: the
/// rule that [`anchor_at`] reads by byte tests. Outside tests it is never
/// compiled; in tests every anchored search checks itself against it.
#[cfg(test)]
fn anchors() -> &'static regex_automata::meta::Regex {
    static RE: OnceLock<regex_automata::meta::Regex> = OnceLock::new();
    RE.get_or_init(|| {
        // The masthead alternative spells the UN series the symbol crate
        // accepts, longest first so that `ST/` is not read as `S`.
        regex_automata::meta::Regex::new(&format!(
            concat!(
                r"(?-u:\b)[Rr]esolutions?(?-u:\b)|(?-u:\b)[Dd]ecisions?(?-u:\b)|(?-u:\b)RESOLUTIONS?(?-u:\b)",
                r"|(?-u:\b)(?:{})",
                r"(?:/[A-Za-z0-9][A-Za-z0-9.\-]*)+"
            ),
            series_longest_first().join("|")
        ))
        .expect("static regex")
    })
}

fn series_longest_first() -> &'static [&'static str] {
    static SERIES: OnceLock<Vec<&'static str>> = OnceLock::new();
    SERIES.get_or_init(|| {
        let mut series: Vec<&str> = resgraph_symbol::DOCUMENT_SERIES.to_vec();
        series.sort_by_key(|s| std::cmp::Reverse(s.len()));
        series
    })
}

/// The series of [`series_longest_first`] by length (index: length in
/// bytes), each list sorted for a binary search.
fn series_by_length() -> &'static [Vec<&'static [u8]>] {
    static BY_LENGTH: OnceLock<Vec<Vec<&'static [u8]>>> = OnceLock::new();
    BY_LENGTH.get_or_init(|| {
        let longest = series_longest_first().first().map_or(0, |s| s.len());
        let mut by_length = vec![Vec::new(); longest + 1];
        for series in series_longest_first() {
            by_length[series.len()].push(series.as_bytes());
        }
        for series in &mut by_length {
            series.sort_unstable();
        }
        by_length
    })
}

/// Every place where a match of [`anchors`] can start, in order: a byte
/// before `esolution`, `ecision` or `ESOLUTION`, and the start of a
/// series name written just before a `/` at a word boundary. A match starts nowhere else,
/// so an anchored search at each of these finds what an unanchored
/// search over the whole paragraph would, without running the automaton
/// over the bytes between. With them, the Council and Assembly triggers
/// of the text (`anchored` left false): one pass over its `/` and `(`
/// serves both.
fn anchor_starts(text: &str) -> (Vec<usize>, Triggers) {
    let bytes = text.as_bytes();
    // The three head words' parts in one search of the paragraph, not
    // three.
    let mut starts: Vec<usize> = crate::anchor::head_word_starts(bytes)
        .filter_map(|at| at.checked_sub(1))
        .collect();
    let mut numbers = Triggers::default();
    let by_length = series_by_length();
    for mark in memchr::memchr2_iter(b'/', b'(', bytes) {
        numbers.add_number_trigger(bytes, mark);
        if bytes[mark] != b'/' {
            continue;
        }
        // The series that ends just before the slash, if any. Series are
        // written in capitals only, and a match starts at a word
        // boundary: only all the capitals there, with no letter, digit
        // or `_` before them, can be one (a lookup instead of a
        // comparison with every series).
        let capitals = bytes[..mark]
            .iter()
            .rev()
            .take(by_length.len())
            .take_while(|b| b.is_ascii_uppercase())
            .count();
        let start = mark - capitals;
        let at_boundary = start
            .checked_sub(1)
            .is_none_or(|before| !(bytes[before].is_ascii_alphanumeric() || bytes[before] == b'_'));
        if capitals > 0
            && at_boundary
            && by_length
                .get(capitals)
                .is_some_and(|series| series.binary_search(&&bytes[start..mark]).is_ok())
        {
            starts.push(start);
        }
    }
    starts.sort_unstable();
    starts.dedup();
    (starts, numbers)
}

/// What [`anchor_at`] found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Anchor {
    /// A head word: `resolution(s)`, `Decisions`, `RESOLUTION`.
    Head(Act),
    /// A masthead symbol: `A/65/201`, `S/RES/1373`.
    Masthead,
}

/// The head word or masthead symbol starting at `start`, with where it
/// ends: what an anchored search of [`anchors`] there finds, read by byte
/// tests (the head words first, as the expression's alternation tries
/// them). A head word is `[Rr]esolution`, `RESOLUTION` or `[Dd]ecision`,
/// with an `s` or not, between ASCII word boundaries; a masthead symbol
/// is a series written just before a `/` (at most one series can end
/// there: they are all capitals) at a word boundary, then every
/// `/[A-Za-z0-9][A-Za-z0-9.-]*` that follows.
fn anchor_at(text: &[u8], start: usize) -> Option<(usize, Anchor)> {
    let is_word = |b: u8| b.is_ascii_alphanumeric() || b == b'_';
    if start
        .checked_sub(1)
        .is_some_and(|before| is_word(text[before]))
    {
        return None;
    }
    let rest = text.get(start..)?;
    let head = |word: &[u8], act: Act| {
        let after = rest.strip_prefix(word)?;
        // `s?` then a boundary: `resolutions` with one, `resolution`
        // without; `resolutionsX` neither.
        let plural = usize::from(after.first() == Some(&b's'));
        if after.get(plural).is_some_and(|&b| is_word(b)) {
            return None;
        }
        Some((start + word.len() + plural, Anchor::Head(act)))
    };
    let found = match rest.first()? {
        b'r' => head(b"resolution", Act::Resolution),
        b'R' => head(b"Resolution", Act::Resolution).or_else(|| {
            let after = rest.strip_prefix(b"RESOLUTION")?;
            let plural = usize::from(after.first() == Some(&b'S'));
            if after.get(plural).is_some_and(|&b| is_word(b)) {
                return None;
            }
            Some((start + 10 + plural, Anchor::Head(Act::Resolution)))
        }),
        b'd' => head(b"decision", Act::Decision),
        b'D' => head(b"Decision", Act::Decision),
        _ => None,
    };
    found.or_else(|| masthead_at(text, start).map(|end| (end, Anchor::Masthead)))
}

/// The end of the masthead symbol starting at `start` (a word boundary
/// before it checked): a series, then one or more
/// `/[A-Za-z0-9][A-Za-z0-9.-]*`.
fn masthead_at(text: &[u8], start: usize) -> Option<usize> {
    let by_length = series_by_length();
    let capitals = text[start..]
        .iter()
        .take(by_length.len())
        .take_while(|b| b.is_ascii_uppercase())
        .count();
    let slash = start + capitals;
    if text.get(slash) != Some(&b'/')
        || by_length
            .get(capitals)
            .is_none_or(|series| series.binary_search(&&text[start..slash]).is_err())
    {
        return None;
    }
    let mut end = slash;
    while text.get(end) == Some(&b'/') && text.get(end + 1).is_some_and(u8::is_ascii_alphanumeric) {
        end += 2;
        while text
            .get(end)
            .is_some_and(|&b| b.is_ascii_alphanumeric() || b == b'.' || b == b'-')
        {
            end += 1;
        }
    }
    (end > slash).then_some(end)
}

/// Scans one paragraph.
pub(crate) fn scan(text: &str, state: &mut ScanState) -> Vec<Mention> {
    let mut mentions = Vec::new();
    // Each pass runs only where its byte patterns occur (`anchor`): most
    // paragraphs need one pass or none. The anchored pass needs a place
    // where a head word or masthead can start, found once here for both
    // the test and the search.
    let (triggers, starts) = if crate::anchor::exhaustive() {
        let every_start = (0..text.len())
            .filter(|&i| text.is_char_boundary(i))
            .collect();
        (Triggers::every(), every_start)
    } else {
        let (starts, numbers) = anchor_starts(text);
        (numbers, starts)
    };
    if !starts.is_empty() {
        anchored(text, starts, state, &mut mentions);
    }
    if triggers.council {
        council_forms(text, state, &mut mentions);
    }
    if triggers.assembly {
        assembly_forms(text, state, &mut mentions);
    }
    mentions.sort_by_key(|m| m.start);
    mentions
}

/// The lists after head words and the masthead symbols, searched for at
/// `starts` ([`anchor_starts`]; every character when reading
/// exhaustively, the unanchored search's answer).
fn anchored(text: &str, starts: Vec<usize>, state: &mut ScanState, mentions: &mut Vec<Mention>) {
    let mut consumed_to = 0;
    let mut last_list: Option<(usize, Owner)> = None;
    // What `find_iter` over the paragraph would return: at each possible
    // start past the last match, an anchored search.
    let mut searched_to = 0;
    for start in starts {
        if start < searched_to {
            continue;
        }
        let found = anchor_at(text.as_bytes(), start);
        #[cfg(test)]
        {
            let input = regex_automata::Input::new(text)
                .range(start..)
                .anchored(regex_automata::Anchored::Yes);
            let by_regex = anchors().search(&input).map(|m| {
                let masthead = text[m.range()].contains('/');
                let decision = text[m.range()].to_ascii_lowercase().starts_with("decision");
                (m.end(), masthead, decision)
            });
            let by_bytes = found.map(|(end, anchor)| {
                (
                    end,
                    anchor == Anchor::Masthead,
                    anchor == Anchor::Head(Act::Decision),
                )
            });
            assert_eq!(by_bytes, by_regex, "anchor at {start} of {text:?}");
        }
        let Some((m_end, anchor)) = found else {
            continue;
        };
        let m_start = start;
        searched_to = m_end;
        if m_start < consumed_to {
            continue;
        }
        if let Anchor::Head(act) = anchor {
            let mut owner = owner_before(&text[..m_start], state.own_body);
            // "Human Rights Council decision 18/120 of 30 September 2011
            // and resolutions 24/14 ...": a head joined to the list before
            // it by "and" keeps that list's body.
            if owner == Owner::Default {
                if let Some((end, previous)) = last_list {
                    if joins(&text[end..m_start]) {
                        owner = previous;
                    }
                }
            }
            consumed_to = list(text, m_end, owner, act, state, mentions);
            last_list = Some((consumed_to, owner));
        } else {
            consumed_to = masthead(text, m_start, m_end, state, mentions);
        }
    }
}

/// The spans already read in a paragraph: its mentions and exclusions.
pub(super) fn taken(out: &[Mention], state: &ScanState) -> Spans {
    Spans::new(
        out.iter()
            .map(|m| (m.start, m.end))
            .chain(state.excluded.iter().map(|&(s, e, _)| (s, e))),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(text: &str) -> Vec<(String, Option<String>)> {
        let mut state = ScanState::new(Body::GeneralAssembly);
        scan(text, &mut state)
            .into_iter()
            .map(|m| (m.symbol.to_string(), m.cited_date.map(|d| d.to_string())))
            .collect()
    }

    #[test]
    fn lists_with_shared_dates_and_parts() {
        let found = run("Recalling its resolutions 43/78 H of 7 December 1988, 74/28 and 74/29 of 12 December 2019 and 3419 A to C (XXX),");
        let targets: Vec<&str> = found.iter().map(|(s, _)| s.as_str()).collect();
        assert_eq!(
            targets,
            [
                "A/RES/43/78 H",
                "A/RES/74/28",
                "A/RES/74/29",
                "A/RES/3419 A (XXX)",
                "A/RES/3419 B (XXX)",
                "A/RES/3419 C (XXX)"
            ]
        );
        assert_eq!(found[0].1.as_deref(), Some("1988-12-07"));
        assert_eq!(found[1].1.as_deref(), Some("2019-12-12"));
    }

    #[test]
    fn dates_are_not_shared_across_sessions() {
        let found = run("resolutions 55/2 and 70/1 of 25 September 2015");
        assert_eq!(found[0].1, None);
        assert_eq!(found[1].1.as_deref(), Some("2015-09-25"));
    }

    #[test]
    fn security_council_lists_and_bare_continuations() {
        let found = run(
            "Security Council resolutions 1547 (2004) of 11 June 2004 and 1585 of 10 March 2005",
        );
        assert_eq!(found[0].0, "S/RES/1547 (2004)");
        assert_eq!(found[1].0, "S/RES/1585 (2005)");
    }

    #[test]
    fn traps() {
        assert!(
            run("the 2010, 2013 and 2021 reports; working group 2021–2025, page 2/3").is_empty()
        );
        assert!(run("World Health Assembly resolution 58/3 and UNEA resolution 4/14").is_empty());
        assert_eq!(
            run("Human Rights Council resolutions 5/1 and 5/2")[1].0,
            "A/HRC/RES/5/2"
        );
    }

    /// [`anchor_at`] finds, at every place, what the anchored search of
    /// its expression finds: plurals, word boundaries on either side,
    /// capitals, series nested in longer runs of capitals, slashes not
    /// followed by a letter or digit.
    #[test]
    fn anchors_read_by_bytes_are_the_expressions() {
        let texts = [
            "Recalling its resolutions 43/78 and Decision 2/3, RESOLUTIONS 5 and RESOLUTION 6",
            "resolutionsX resolution_ resolutions_ xresolution 2resolution decisions, Decisions.",
            "RESOLUTIONS RESOLUTIONSS ResolutionS resolutioN deCision",
            "A/65/201, S/RES/1373 (2001), ST/SGB/2019/8, XA/1, _S/1, AS/2, A/ B/1 A//1 A/-1",
            "E/CN.4/2005/L.10/Add.1- S/PRST/2017/3. UNEP/EA.5/Res.8 A/C.1/77/L.73/",
            "«A/1» é S/2 A/1\u{a0}A/2 résolution S/RES/",
        ];
        let re = anchors();
        for text in texts {
            for start in (0..=text.len()).filter(|&i| text.is_char_boundary(i)) {
                let input = regex_automata::Input::new(text)
                    .range(start..)
                    .anchored(regex_automata::Anchored::Yes);
                let by_regex = re.search(&input).map(|m| m.end());
                let by_bytes = anchor_at(text.as_bytes(), start).map(|(end, _)| end);
                assert_eq!(by_bytes, by_regex, "at {start} of {text:?}");
            }
        }
    }

    /// The suffixes after a masthead symbol in every joining the
    /// expression allows, and texts the byte tests before it turn away.
    #[test]
    fn suffixes_after_a_symbol() {
        let suffixes = |text: &str| {
            let mut found = Vec::new();
            let mut pos = 0;
            while let Some((_, end, suffix)) = masthead::suffix_after(text, pos) {
                found.push(suffix);
                pos = end;
            }
            found
        };
        assert_eq!(
            suffixes(" and Add.1, Corr.2 ,and Rev.3,\u{a0}Amend.4 and Add.I"),
            ["Add.1", "Corr.2", "Rev.3", "Amend.4", "Add.1"]
        );
        assert!(suffixes("and Add.1").is_empty());
        assert!(suffixes(" and\nAdd. 1").len() == 1);
        assert!(suffixes(", , Add.1").is_empty());
        assert!(suffixes(" Addendum 1").is_empty());
        assert!(suffixes(" andAdd.1").is_empty());
    }

    /// `anchor_starts` looks for series among the capitals before a
    /// slash.
    #[test]
    fn series_are_written_in_capitals() {
        assert!(series_longest_first()
            .iter()
            .all(|s| !s.is_empty() && s.bytes().all(|b| b.is_ascii_uppercase())));
    }

    #[test]
    fn mastheads() {
        let found = run(
            "See A/79/302-S/2024/600, S/26777 and Add.1, A/78/6 (Sect. 3) and S/RES/1373 (2001).",
        );
        let targets: Vec<&str> = found.iter().map(|(s, _)| s.as_str()).collect();
        assert_eq!(
            targets,
            [
                "A/79/302",
                "S/2024/600",
                "S/26777",
                "S/26777/Add.1",
                "A/78/6",
                "S/RES/1373 (2001)"
            ]
        );
    }

    /// Suffixes whose number the printed line broke from its kind, and
    /// OCR's `I` for the number one (S/RES/465 (1980), S/RES/182 (1963)),
    /// but not a word that starts with `I`.
    #[test]
    fn suffixes_broken_over_a_line_or_misread() {
        let found = run("documents S/13450 and Corr.\n1 and Add.1 18 and S/13679, 19");
        let targets: Vec<&str> = found.iter().map(|(s, _)| s.as_str()).collect();
        assert_eq!(
            targets,
            ["S/13450", "S/13450/Corr.1", "S/13450/Add.1", "S/13679"]
        );
        let found = run("documents A/5497 and Add.I. (A document distributed");
        let targets: Vec<&str> = found.iter().map(|(s, _)| s.as_str()).collect();
        assert_eq!(targets, ["A/5497", "A/5497/Add.1"]);
        let found = run("document A/5497 and Add.Index of 1963");
        let targets: Vec<&str> = found.iter().map(|(s, _)| s.as_str()).collect();
        assert_eq!(targets, ["A/5497"]);
    }

    /// The Council numbers its decisions from 101 on: a `decision 14/1`
    /// in its text is another body's (A/HRC/RES/58/13), `17/120` is its.
    #[test]
    fn council_decisions_are_numbered_from_101() {
        let mut state = ScanState::new(Body::HumanRightsCouncil);
        let found: Vec<String> = scan(
            "the Open-ended Working Group on Ageing over 14 sessions and noting its decision 14/1,2 in which",
            &mut state,
        )
        .into_iter()
        .map(|m| m.symbol.to_string())
        .collect();
        assert!(found.is_empty(), "{found:?}");
        let mut state = ScanState::new(Body::HumanRightsCouncil);
        let found: Vec<String> = scan("Recalling its decision 17/120 of 17 June 2011", &mut state)
            .into_iter()
            .map(|m| m.symbol.to_string())
            .collect();
        assert_eq!(found, ["A/HRC/DEC/17/120"]);
    }
}
