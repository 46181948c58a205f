//! Placing: the mentions a paragraph's scan found become citations, each
//! with its place. **Where a citation's section, paragraph number,
//! relation, footnote anchor and cited title are decided**: from the
//! paragraph ([`Layout`]), from the clause around the mention in a GA
//! decision's running sentence, and, for a footnote, from the body
//! paragraph that carries its mark ([`FootnoteAnchors`]). A mention of the
//! document's own symbol is no citation (noted outside the heading).

use resgraph_core::{Relation, Section};

use crate::layout::{self, Layout};
use crate::model::{Citation, Diagnostic, Document, Severity};
use crate::relation;
use crate::scan::Mention;
use crate::text::Mapped;
use crate::verdict::{self, Reason};

/// Adds to `doc` the citations of paragraph `index`, whose cleaned text
/// is `text` and whose scan found `mentions`; mentions of `doc`'s own
/// symbol go to `excluded` (when verdicts are collected) instead.
pub(crate) fn place_mentions(
    doc: &mut Document,
    layout: &Layout<'_>,
    index: usize,
    text: &Mapped,
    mentions: Vec<Mention>,
    anchors: &mut FootnoteAnchors,
    excluded: Option<&mut Vec<verdict::Excluded>>,
) {
    let paragraph = &layout.paragraphs[index];
    let relation = layout.relation(index);
    let anchor = if paragraph.section == Section::Footnote {
        anchors.anchor(layout, index)
    } else {
        None
    };
    let place = Place {
        section: paragraph.section,
        number: paragraph.number,
        line: paragraph.line,
        running: paragraph.running,
        relation,
        anchor,
    };
    place_at(doc, &place, text, mentions, excluded);
}

/// Where a paragraph stands, as placing needs it: from a text's
/// [`Layout`], or from the elements of an XML document (`akn`).
pub(crate) struct Place {
    pub section: Section,
    pub number: Option<u32>,
    /// 1-based source line of the paragraph's start, for notes.
    pub line: usize,
    /// A GA decision's running sentence: relations per clause.
    pub running: bool,
    pub relation: Relation,
    /// For a footnote, the section and number of the paragraph that
    /// carries its mark.
    pub anchor: Option<(Section, Option<u32>)>,
}

/// Adds to `doc` the citations of a paragraph standing at `place`, whose
/// cleaned text is `text` and whose scan found `mentions`: the one rule
/// for placing, whatever the paragraph was read from.
pub(crate) fn place_at(
    doc: &mut Document,
    paragraph: &Place,
    text: &Mapped,
    mentions: Vec<Mention>,
    mut excluded: Option<&mut Vec<verdict::Excluded>>,
) {
    let own = doc.symbol.as_ref();
    let relation = &paragraph.relation;
    let anchor = paragraph.anchor;
    // A title follows a mention only where "entitled" comes after it.
    let last_entitled = entitled_finder().find_iter(text.text.as_bytes()).last();
    let mut running: Option<relation::RunningText> = None;
    for mention in mentions {
        if Some(&mention.symbol) == own {
            if let Some(excluded) = excluded.as_mut() {
                let (start, end) = text.source_span(mention.start, mention.end);
                excluded.push(verdict::Excluded {
                    start,
                    end,
                    reason: Reason::OwnSymbol,
                });
            }
            // The masthead and title name the document itself; a
            // mention anywhere else is worth a note (`resgraph check`
            // reports it).
            if paragraph.section != Section::Heading {
                doc.diagnostics.push(Diagnostic {
                    severity: Severity::Note,
                    line: paragraph.line,
                    message: format!(
                        "cites its own symbol {} in {} paragraph {}",
                        mention.symbol,
                        paragraph.section,
                        paragraph.number.map_or("-".to_string(), |n| n.to_string())
                    ),
                });
            }
            continue;
        }
        let (start, end) = text.source_span(mention.start, mention.end);
        let mut citation = Citation {
            target: mention.symbol,
            cited_date: mention.cited_date,
            relation: relation.clone(),
            section: paragraph.section,
            paragraph: paragraph.number,
            start,
            end,
            // Counted for the whole document once it is read
            // (`model::index_chars`).
            start_char: 0,
            end_char: 0,
            text: text.text[mention.start..mention.end].to_string(),
            anchor_section: None,
            anchor_paragraph: None,
            cited_title: last_entitled
                .filter(|&at| at >= mention.end)
                .and_then(|_| relation::entitled_after(&text.text[mention.end..])),
        };
        if paragraph.running {
            let running = running.get_or_insert_with(|| relation::RunningText::new(&text.text));
            place_in_running_text(&mut citation, running, mention.start);
        }
        if let Some(anchor) = anchor {
            citation.anchor_section = Some(anchor.0);
            citation.anchor_paragraph = anchor.1;
        }
        doc.citations.push(citation);
    }
}

/// The searcher for "entitled", built once. The last one of a paragraph
/// is found going forward: the forward searcher is vectorised, the
/// reverse one is not, and most paragraphs hold none.
fn entitled_finder() -> &'static memchr::memmem::Finder<'static> {
    static FINDER: std::sync::OnceLock<memchr::memmem::Finder<'static>> =
        std::sync::OnceLock::new();
    FINDER.get_or_init(|| memchr::memmem::Finder::new("entitled"))
}

/// In a decision's running sentence the relation is the clause word
/// before the mention, and an inline "(footnote: ...)" is a footnote.
fn place_in_running_text(citation: &mut Citation, text: &relation::RunningText, at: usize) {
    if text.in_footnote(at) {
        citation.section = Section::Footnote;
        citation.relation = Relation::SEE;
        citation.paragraph = None;
        return;
    }
    citation.relation = text.relation_at(at);
    citation.paragraph = None;
}

/// The paragraph carrying each footnote's mark, found on demand (only
/// footnotes that cite something need it): among the nearest earlier
/// body paragraphs (a mark stands on the same page as its footnote), the
/// one with the strongest mark for that number (superscript or `[^n]`,
/// then a number glued to a word or year, then a spaced number), the
/// nearest on a tie; failing any mark, the body paragraph just before the
/// footnote.
///
/// The paragraphs are passed in order ([`FootnoteAnchors::pass_body`]),
/// and only the last [`FootnoteAnchors::LOOK_BACK`] bodies are kept, with
/// what is known of their marks: memory and work stay bounded by the
/// look back, however long the text.
#[derive(Default)]
pub(crate) struct FootnoteAnchors {
    /// The last body (non-footnote) paragraphs passed, oldest first, each
    /// with what is known of its marks (`None`: not looked at yet).
    recent: std::collections::VecDeque<(usize, Option<Marks>)>,
}

impl FootnoteAnchors {
    /// How many body paragraphs before a footnote may carry its mark.
    const LOOK_BACK: usize = 20;

    /// Body paragraph `index` is passed (in the order of the text): the
    /// body it pushes out of the look back, if any, is returned, as no
    /// later footnote reads it.
    pub(crate) fn pass_body(&mut self, index: usize) -> Option<usize> {
        self.recent.push_back((index, None));
        if self.recent.len() > Self::LOOK_BACK {
            self.recent.pop_front().map(|(old, _)| old)
        } else {
            None
        }
    }

    /// The section and number of the paragraph that footnote `index`
    /// belongs to, among the bodies passed before it.
    fn anchor(&mut self, layout: &Layout<'_>, index: usize) -> Option<(Section, Option<u32>)> {
        let paragraphs = &layout.paragraphs;
        let n = paragraphs[index].number?;
        let mut best: Option<(u8, usize)> = None;
        let mut nearest = None;
        for (i, marks) in self.recent.iter_mut().rev() {
            let i = *i;
            debug_assert!(i < index, "bodies passed before footnote {index}");
            nearest = nearest.or(Some(i));
            // Most of the paragraphs looked back at cite nothing and were
            // never cleaned: their source bytes tell which numbers they
            // cannot mark, without cleaning them.
            let marks = marks.get_or_insert_with(|| Marks::Possible(PossibleMarks::of(layout, i)));
            let strength = match marks {
                Marks::Read(found) => strength_of(found, n),
                Marks::Possible(possible) if !possible.may_mark(n) => 0,
                Marks::Possible(_) => {
                    let found = footnote_marks(&layout.text(i).text);
                    let strength = strength_of(&found, n);
                    *marks = Marks::Read(found);
                    strength
                }
            };
            if strength > best.map_or(0, |(s, _)| s) {
                best = Some((strength, i));
                if strength == 3 {
                    break;
                }
            }
        }
        best.map(|(_, i)| i)
            .or(nearest)
            .map(|i| (paragraphs[i].section, paragraphs[i].number))
    }
}

/// The strongest of `marks` for footnote `n` (a paragraph holds a few
/// marks), 0 for none.
fn strength_of(marks: &[(u32, u8)], n: u32) -> u8 {
    marks
        .iter()
        .filter(|&&(m, _)| m == n)
        .map(|&(_, s)| s)
        .max()
        .unwrap_or(0)
}

/// What is known of a body paragraph's footnote marks.
enum Marks {
    /// Read from its cleaned text ([`footnote_marks`]).
    Read(Vec<(u32, u8)>),
    /// Not read yet: the numbers it may mark, told by its source bytes.
    Possible(PossibleMarks),
}

/// The numbers a body paragraph may carry a footnote mark for, judged
/// from its source bytes without cleaning it: a superset of what
/// [`footnote_marks`] finds in its cleaned text.
///
/// Every mark is read from a maximal run of ASCII digits ([`run_mark`]),
/// from superscript digits, or after `[^`. When cleaning drops no bytes
/// ([`Layout::source_blocks`]; `[` is a drop), it makes no digit and
/// joins no two runs: the cleaned text's runs are the source's, and a
/// superscript digit in the source is the only other way to a mark.
#[derive(Debug, Clone, Copy)]
struct PossibleMarks {
    /// Bit `n` set: `n` (below 64) may be marked.
    small: u64,
    /// A number of 64 or more may be marked.
    large: bool,
}

impl PossibleMarks {
    /// Any number at all.
    const ANY: PossibleMarks = PossibleMarks {
        small: u64::MAX,
        large: true,
    };

    fn of(layout: &Layout<'_>, index: usize) -> PossibleMarks {
        if crate::anchor::exhaustive() {
            return PossibleMarks::ANY;
        }
        let (blocks, drops) = layout.source_blocks(index);
        if drops {
            return PossibleMarks::ANY;
        }
        let mut possible = PossibleMarks {
            small: 0,
            large: false,
        };
        for text in blocks {
            if has_superscript_digit(text) {
                return PossibleMarks::ANY;
            }
            for run in digit_runs(text.as_bytes()) {
                let n = match run_mark(run) {
                    Some(RunMark::Alone(digits) | RunMark::AfterYear(digits)) => value(digits),
                    None => continue,
                };
                match 1u64.checked_shl(n) {
                    Some(bit) => possible.small |= bit,
                    None => possible.large = true,
                }
            }
        }
        possible
    }

    fn may_mark(self, n: u32) -> bool {
        match 1u64.checked_shl(n) {
            Some(bit) => self.small & bit != 0,
            None => self.large,
        }
    }
}

/// Whether `text` holds a superscript digit ([`layout::superscript_digit`],
/// the one list of them), looked for at the bytes its characters start
/// with (`C2` for `¹²³`, `E2` for `⁰⁴`-`⁹`: a test checks).
fn has_superscript_digit(text: &str) -> bool {
    memchr::memchr2_iter(0xC2, 0xE2, text.as_bytes()).any(|at| {
        text.get(at..)
            .and_then(|rest| rest.chars().next())
            .and_then(layout::superscript_digit)
            .is_some()
    })
}

/// Where a footnote mark can stand in a maximal run of ASCII digits: the
/// one rule of [`footnote_marks`] and [`PossibleMarks`].
enum RunMark<'r> {
    /// The whole run, of at most three digits (`Security,1`, `1993 17`).
    Alone(&'r [u8]),
    /// What follows the year in a run of five or six digits opening
    /// with `19` or `20`: a mark glued to a year (`20132`).
    AfterYear(&'r [u8]),
}

fn run_mark(run: &[u8]) -> Option<RunMark<'_>> {
    match run.len() {
        1..=3 => Some(RunMark::Alone(run)),
        5 | 6 if run.starts_with(b"19") || run.starts_with(b"20") => {
            Some(RunMark::AfterYear(&run[4..]))
        }
        _ => None,
    }
}

/// The number that at most three ASCII digits write (no overflow).
fn value(digits: &[u8]) -> u32 {
    digits
        .iter()
        .fold(0u32, |n, d| n * 10 + u32::from(d.wrapping_sub(b'0')))
}

/// The maximal runs of ASCII digits in `bytes`, in order.
fn digit_runs(bytes: &[u8]) -> impl Iterator<Item = &[u8]> {
    let mut at = 0;
    std::iter::from_fn(move || {
        // Most bytes are no digit: 16 at a time are passed over while
        // none is (a test the compiler turns into vector instructions).
        while let Some(chunk) = bytes.get(at..at + 16) {
            if chunk.iter().fold(false, |any, b| any | b.is_ascii_digit()) {
                break;
            }
            at += 16;
        }
        let start = at + bytes.get(at..)?.iter().position(u8::is_ascii_digit)?;
        let len = bytes[start..]
            .iter()
            .position(|b| !b.is_ascii_digit())
            .unwrap_or(bytes.len() - start);
        at = start + len;
        Some(&bytes[start..at])
    })
}

/// The footnote marks a paragraph may carry, each with how sure it is:
/// 3 for `¹` or `[^1]`, 2 for a number glued to a word, bracket, quote or
/// year (`Security,1`, `20132`), 1 for a spaced number after a year or an
/// old `1/` mark (`1993 17`). One pass over the text.
fn footnote_marks(text: &str) -> Vec<(u32, u8)> {
    let mut marks = Vec::new();
    let bytes = text.as_bytes();
    // Only `[`, digits and non-ASCII bytes can start a mark.
    let starts_mark = |b: u8| b == b'[' || b.is_ascii_digit() || b >= 0x80;
    let mut i = 0;
    while i < bytes.len() {
        if !starts_mark(bytes[i]) {
            // Skip 16 bytes at a time while none can: a test the compiler
            // turns into vector instructions.
            while let Some(chunk) = bytes.get(i..i + 16) {
                if chunk.iter().fold(false, |any, &b| any | starts_mark(b)) {
                    break;
                }
                i += 16;
            }
            while i < bytes.len() && !starts_mark(bytes[i]) {
                i += 1;
            }
            continue;
        }
        let b = bytes[i];
        if b == b'[' && bytes.get(i + 1) == Some(&b'^') {
            let digits: String = text[i + 2..]
                .chars()
                .take_while(char::is_ascii_digit)
                .collect();
            if let Ok(n) = digits.parse() {
                marks.push((n, 3));
            }
            i += 2;
            continue;
        }
        if b >= 0x80 {
            let ch = text[i..].chars().next().unwrap_or(' ');
            if layout::superscript_digit(ch).is_some() {
                let mut n = 0u32;
                let mut j = i;
                while let Some(d) = text[j..].chars().next().and_then(layout::superscript_digit) {
                    n = n.saturating_mul(10).saturating_add(d);
                    j += text[j..].chars().next().map_or(1, char::len_utf8);
                }
                marks.push((n, 3));
                i = j;
                continue;
            }
            i += ch.len_utf8();
            continue;
        }
        if !b.is_ascii_digit() {
            i += 1;
            continue;
        }
        let start = i;
        while i < bytes.len() && bytes[i].is_ascii_digit() {
            i += 1;
        }
        let run = &text[start..i];
        let next = bytes.get(i).copied();
        if next == Some(b'/') && run.len() > 3 {
            continue;
        }
        let prev = start.checked_sub(1).map(|j| bytes[j]);
        let prev2 = start.checked_sub(2).map(|j| bytes[j]);
        let n = match run_mark(run.as_bytes()) {
            Some(RunMark::AfterYear(digits)) => {
                // `20132`: a year with the mark glued on.
                if prev != Some(b'/') {
                    marks.push((value(digits), 2));
                }
                continue;
            }
            Some(RunMark::Alone(digits)) => value(digits),
            None => continue,
        };
        let strength = match prev {
            Some(b) if b.is_ascii_alphabetic() => 2,
            Some(b',' | b';' | b':' | b')' | b']') => 2,
            Some(b'.') if !prev2.is_some_and(|c| c.is_ascii_uppercase() || c.is_ascii_digit()) => 2,
            Some(0x80..) => {
                let ch = text[..start].chars().next_back().unwrap_or(' ');
                u8::from(matches!(ch, '’' | '”' | '»')) * 2
            }
            Some(b' ') => {
                let after_number = prev2.is_some_and(|c| c.is_ascii_digit() || c == b',');
                let at_end = next.is_none_or(|b| matches!(b, b' ' | b',' | b';' | b'.'));
                u8::from((after_number && at_end) || next == Some(b'/'))
            }
            _ => 0,
        };
        if strength > 0 {
            marks.push((n, strength));
        }
    }
    marks
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mark_strength(text: &str, n: u32) -> u8 {
        footnote_marks(text)
            .into_iter()
            .filter(|(m, _)| *m == n)
            .map(|(_, s)| s)
            .max()
            .unwrap_or(0)
    }

    #[test]
    fn marks() {
        assert_eq!(mark_strength("Security,¹ and", 1), 3);
        assert_eq!(mark_strength("Headquarters[^2] are", 2), 3);
        assert_eq!(mark_strength("International Security,1", 1), 2);
        assert_eq!(mark_strength("in 20132 and", 2), 2);
        assert_eq!(mark_strength("in 201312 and", 12), 2);
        assert_eq!(mark_strength("in 2013123 and", 123), 0);
        assert_eq!(mark_strength("of 1993 17 submitted", 17), 1);
        assert_eq!(mark_strength("resolution 70/1 of", 1), 0);
        assert_eq!(mark_strength("A/C.1/77/L.73", 73), 0);
    }

    /// `has_superscript_digit` looks at the bytes that start every
    /// character `layout::superscript_digit` reads.
    #[test]
    fn superscript_digits_start_with_the_bytes_looked_for() {
        let superscripts: Vec<char> = (0..=u32::from(char::MAX))
            .filter_map(char::from_u32)
            .filter(|&c| layout::superscript_digit(c).is_some())
            .collect();
        assert_eq!(superscripts.len(), 10);
        for c in superscripts {
            let mut utf8 = [0; 4];
            let lead = c.encode_utf8(&mut utf8).as_bytes()[0];
            assert!(matches!(lead, 0xC2 | 0xE2), "{c:?} starts with {lead:#x}");
            assert!(has_superscript_digit(&format!("a{c}b")), "{c:?}");
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(4000))]
        /// [`PossibleMarks`] holds every number the cleaned text marks:
        /// texts of digits, superscripts, brackets, markup, spaces of
        /// every kind, hyphens and line breaks, every paragraph asked for
        /// every number.
        #[test]
        fn possible_marks_hold_every_mark(
            text in r"([0-9]{1,6}|[a-z]{1,3}|[ ,.;:)\]’/\n\t*<>&^\[-]|\u{b9}|\u{b2}|\u{2075}|\u{a0}|\u{2010}|\u{ad}|\n\n|2013[0-9]|19[0-9]{3,4}){0,30}"
        ) {
            let layout = layout::layout(&text, &layout::Furniture { own_symbol_lines: Vec::new() });
            for index in 0..layout.paragraphs.len() {
                let possible = PossibleMarks::of(&layout, index);
                for (n, _) in footnote_marks(&layout.text(index).text) {
                    proptest::prop_assert!(
                        possible.may_mark(n),
                        "paragraph {index} of {text:?} marks {n}: {possible:?}"
                    );
                }
            }
        }
    }
}
