//! Every reference-shaped token of a text, with a verdict: the recall
//! instrument.
//!
//! Extraction starts from anchors (`resolution(s)`, `decision(s)`, a
//! masthead symbol) and reads what follows; what it never looks at, it
//! cannot miss loudly. This module looks at the text the other way round:
//! it finds every token that has the *shape* of a reference (`76/19`,
//! `1373 (2001)`, `2625 (XXV)`, `186 (S-2)`, `43/78 H`, `A/65/201`) and
//! gives each a [`Verdict`]: part of a citation, or excluded for a named
//! [`Reason`] (page furniture, the document's own symbol, another body's
//! resolution, a date ...). What no rule explains is
//! [`Reason::Unexplained`]: on any corpus, with no gold, the unexplained
//! tokens are where extraction may be missing citations.
//!
//! ```
//! use resgraph_extract::{explain, Hint, Reason, Verdict};
//!
//! let text = "The General Assembly,\n\nRecalling its resolution 76/19 and \
//!             World Health Assembly resolution 58/3, and the 2020/21 biennium,\n";
//! let explained = explain(text, &Hint::default());
//! let verdicts: Vec<(&str, Verdict)> =
//!     explained.candidates.iter().map(|c| (c.text.as_str(), c.verdict)).collect();
//! assert_eq!(
//!     verdicts,
//!     [
//!         ("76/19", Verdict::Cited),
//!         ("58/3", Verdict::Excluded(Reason::OtherBody)),
//!         ("2020/21", Verdict::Excluded(Reason::Period)),
//!     ]
//! );
//! ```
//!
//! Cost: one extra regex pass over the text and a binary search per
//! token; [`extract`](crate::extract) does not pay it.

use std::fmt;
use std::sync::OnceLock;

use regex::Regex;
use serde::Serialize;

use crate::model::Document;
use crate::spans::Spans;

/// Why a reference-shaped token is not a citation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Reason {
    /// A line of page furniture: running header, page number (`2/5`),
    /// job number, barcode, front matter.
    PageFurniture,
    /// The document's own symbol (masthead, title line, running header,
    /// a mention of itself).
    OwnSymbol,
    /// A resolution or decision of another body (World Health Assembly,
    /// Commission on Narcotic Drugs, ESCAP, a conference of parties ...):
    /// not a UN symbol the graph can hold.
    OtherBody,
    /// A slash number of a General Assembly session that numbered its
    /// resolutions otherwise (sessions 1-30), with no organ named: another
    /// body's (`resolution 5/8` of the Environment Assembly).
    ImpossibleSession,
    /// A number of the Assembly's modern series (`73/8`) dated outside the
    /// session it names, with the Assembly not named: another body's.
    DateOutsideSession,
    /// A number after `resolution` that no UN numbering allows.
    NotAUnNumber,
    /// A bare number after `resolution` with neither session nor year,
    /// outside a Security Council list (`resolution 2` of a conference).
    NoSessionOrYear,
    /// A Security Council number printed without its year, not seen
    /// earlier in the text with one.
    NoYear,
    /// A numbered general comment, recommendation or convention, or a
    /// volume (`general comment No. 12 (1999)`, `Convention No. 169
    /// (1989)`, `Treaty Series, vol. 75 (1950)`).
    NumberedInstrument,
    /// A document of another organization, its series written before
    /// the number with a space (`MSC 108/4/1` of the IMO, `C 2015/20` of
    /// the FAO, `OC 18/03` of the Inter-American Court).
    OtherOrganizationDocument,
    /// Part of a longer code (`P-2/1`, a post grade; `RES/10` in the
    /// IAEA's `GC(45)/RES/10`).
    PartOfACode,
    /// A document symbol of a series that is not the UN's
    /// ([`resgraph_symbol::DOCUMENT_SERIES`]): the WHO's
    /// `WHA58/2005/REC/1`, the IAEA's `GOV/2006/14`, the WTO's
    /// `WT/L/508`.
    UnknownSeries,
    /// A decision numbered by a roman session, the style of conferences of
    /// parties (`decision X/2`, `XIII/18`).
    RomanSessionDecision,
    /// The name of a Security Council committee (`the 1267/1989
    /// Committee`).
    CommitteeName,
    /// A ratio (`50/50 gender balance`).
    Ratio,
    /// The number heading another document printed in the same file, at
    /// the start of a line (`71/536.⇥Comprehensive implementation ...` in
    /// a file compiling several decisions).
    DocumentHeading,
    /// The symbol of a resolution just cited, restated in parentheses
    /// ("resolution 1781 of 15 October 2007 (S/RES/1781)").
    Restated,
    /// A date written with slashes (`12/12/2019`).
    Date,
    /// A period of years (`2020/21`, `2014/2015`).
    Period,
    /// No rule explains it: a possible missed citation.
    Unexplained,
}

impl Reason {
    /// The kebab-case name used in output (`page-furniture`).
    pub fn as_str(self) -> &'static str {
        match self {
            Reason::PageFurniture => "page-furniture",
            Reason::OwnSymbol => "own-symbol",
            Reason::OtherBody => "other-body",
            Reason::ImpossibleSession => "impossible-session",
            Reason::DateOutsideSession => "date-outside-session",
            Reason::NotAUnNumber => "not-a-un-number",
            Reason::NoSessionOrYear => "no-session-or-year",
            Reason::NoYear => "no-year",
            Reason::NumberedInstrument => "numbered-instrument",
            Reason::OtherOrganizationDocument => "other-organization-document",
            Reason::PartOfACode => "part-of-a-code",
            Reason::UnknownSeries => "unknown-series",
            Reason::RomanSessionDecision => "roman-session-decision",
            Reason::CommitteeName => "committee-name",
            Reason::Ratio => "ratio",
            Reason::DocumentHeading => "document-heading",
            Reason::Restated => "restated",
            Reason::Date => "date",
            Reason::Period => "period",
            Reason::Unexplained => "unexplained",
        }
    }
}

impl fmt::Display for Reason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// What became of a reference-shaped token.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case", tag = "verdict", content = "reason")]
pub enum Verdict {
    /// It lies inside a citation's span.
    Cited,
    /// It was left out, for this reason.
    Excluded(Reason),
}

impl fmt::Display for Verdict {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Verdict::Cited => f.write_str("cited"),
            Verdict::Excluded(reason) => write!(f, "excluded: {reason}"),
        }
    }
}

/// One reference-shaped token of the source text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Candidate {
    /// Byte offset of its first byte in the source text.
    pub start: usize,
    /// Byte offset just past its last byte.
    pub end: usize,
    /// 1-based line of its first byte.
    pub line: usize,
    /// The token as it stands (line breaks kept).
    pub text: String,
    /// Up to 60 characters either side of it, on one line (line breaks
    /// and other control characters shown as spaces).
    pub context: String,
    /// What became of it.
    #[serde(flatten)]
    pub verdict: Verdict,
}

/// A document as read, with every reference-shaped token judged.
#[derive(Debug, Clone)]
pub struct Explained {
    /// The document, exactly as [`extract`](crate::extract) returns it.
    pub document: Document,
    /// Every reference-shaped token, in the order of the text.
    pub candidates: Vec<Candidate>,
}

impl Explained {
    /// The tokens no rule explains.
    pub fn unexplained(&self) -> impl Iterator<Item = &Candidate> {
        self.candidates
            .iter()
            .filter(|c| c.verdict == Verdict::Excluded(Reason::Unexplained))
    }
}

/// A source span left out on purpose, with why.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Excluded {
    pub start: usize,
    pub end: usize,
    pub reason: Reason,
}

/// Reference shapes, most specific first: a masthead symbol (capital
/// series, a slash, a digit somewhere), a slashed date, a slash number
/// with an optional part letter, a number with a year or session in
/// parentheses (across a line break).
fn shapes() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(concat!(
            r"(?P<doc>(?-u:\b)[A-Z][A-Z0-9.]{0,11}/(?:[A-Za-z0-9.\-]+/)*[A-Za-z.\-]*\d[A-Za-z0-9.\-]*(?:/[A-Za-z0-9.\-]*[A-Za-z0-9])*)",
            r"|(?P<date>(?-u:\b)\d{1,2}/\d{1,2}/\d{2,4}(?-u:\b))",
            r"|(?P<slash>(?-u:\b)(?:ES-|S-)?\d{1,4}/\d{1,5}(?:\s[A-Z]{1,2}(?-u:\b))?)",
            r"|(?P<paren>(?-u:\b)\d{1,4}(?:\s+[A-Z]{1,2})?\s*\((?:\d{4}|(?:ES-|S-)?[IVXLC]{1,9}|S-\d{1,2}|ES-\d{1,2})\))",
        ))
        .expect("static regex")
    })
}

/// Judges every reference-shaped token of `source`, given what extraction
/// made of it (`doc`), the spans it left out on purpose and the page
/// furniture lines.
pub(crate) fn judge(
    source: &str,
    doc: &Document,
    excluded: &[Excluded],
    furniture: &[(usize, usize)],
) -> Vec<Candidate> {
    let cited = Spans::new(doc.citations.iter().map(|c| (c.start, c.end)));
    let furniture = Spans::new(furniture.iter().copied());
    let mut excluded = excluded.to_vec();
    excluded.sort_unstable_by_key(|e| (e.start, e.end));
    let mut out = Vec::new();
    let mut line = 1;
    let mut counted_to = 0;
    for caps in shapes().captures_iter(source) {
        let Some(m) = caps.get(0) else { continue };
        let (start, end) = (m.start(), m.end());
        line += memchr::memchr_iter(b'\n', &source.as_bytes()[counted_to..start]).count();
        counted_to = start;
        let verdict = if cited.overlaps(start, end) {
            Verdict::Cited
        } else if let Some(reason) = excluded_reason(&excluded, start, end) {
            Verdict::Excluded(reason)
        } else if is_own(m.as_str(), doc) {
            Verdict::Excluded(Reason::OwnSymbol)
        } else if furniture.overlaps(start, end) || inline_page_number(source, start, end) {
            Verdict::Excluded(Reason::PageFurniture)
        } else if let Some(reason) = prefix_reason(&source[..start]) {
            Verdict::Excluded(reason)
        } else if heads_a_line(source, start, end) {
            Verdict::Excluded(Reason::DocumentHeading)
        } else if is_period(m.as_str()) {
            Verdict::Excluded(Reason::Period)
        } else if let Some(reason) =
            shape_reason(&caps, m.as_str(), &source[..start], &source[end..])
        {
            Verdict::Excluded(reason)
        } else if caps.name("date").is_some() {
            Verdict::Excluded(Reason::Date)
        } else {
            Verdict::Excluded(Reason::Unexplained)
        };
        out.push(Candidate {
            start,
            end,
            line,
            text: m.as_str().to_string(),
            context: context(source, start, end),
            verdict,
        });
    }
    out
}

/// `71/536.` opening a line and followed by a title: the heading of a
/// document (its own symbol is caught before this).
fn heads_a_line(source: &str, start: usize, end: usize) -> bool {
    let line_start = source[..start].rfind('\n').map_or(0, |i| i + 1);
    let at_start = source[line_start..start].trim().is_empty();
    let after = &source[end..];
    at_start
        && after.starts_with('.')
        && after[1..]
            .trim_start()
            .starts_with(|c: char| c.is_uppercase())
}

/// `2/5 15-21698`: a page number beside a job number, inside a line of
/// texts that print one paragraph per line.
fn inline_page_number(source: &str, start: usize, end: usize) -> bool {
    let token = &source[start..end];
    let small = token.len() <= 7
        && token
            .split('/')
            .all(|p| (1..=3).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_digit()));
    // `15-21698`, looked at as bytes (the text around may be any UTF-8).
    let job = |b: &[u8]| {
        b.len() >= 8
            && b[..2].iter().all(u8::is_ascii_digit)
            && b[2] == b'-'
            && b[3..8].iter().all(u8::is_ascii_digit)
    };
    let after = source[end..].trim_start().as_bytes();
    let before = source[..start].trim_end().as_bytes();
    let before_job = before.len() >= 8 && job(&before[before.len() - 8..]);
    small && (job(after) || before_job)
}

/// Why a token is not a reference, read from its own shape and what
/// follows it.
fn shape_reason(
    caps: &regex::Captures<'_>,
    token: &str,
    before: &str,
    after: &str,
) -> Option<Reason> {
    // `decision XIII/18`: conferences of parties number by roman session.
    if let Some((first, _)) = token.split_once('/') {
        // A lone letter is a roman session only where no number or
        // "Part" stands before it (UNESCO's `40 C/68`, the ILO's `Part
        // I/2021/2` are codes).
        let code_before = before.ends_with(' ')
            && (before.trim_end().ends_with(|c: char| c.is_ascii_digit())
                || before.trim_end().ends_with("Part"));
        if resgraph_symbol::roman::from_roman(first).is_some() && !(first.len() == 1 && code_before)
        {
            return Some(Reason::RomanSessionDecision);
        }
    }
    if caps.name("doc").is_some() {
        let series = token.split('/').next().unwrap_or("");
        let known = resgraph_symbol::DOCUMENT_SERIES
            .iter()
            .any(|s| s.eq_ignore_ascii_case(series));
        return (!known).then_some(Reason::UnknownSeries);
    }
    if caps.name("paren").is_some() {
        // `514 (XV)`: a number the Assembly's numbering does not put in
        // that session (here OCR lost the 1 of 1514).
        let digits: String = token.chars().take_while(char::is_ascii_digit).collect();
        let inside = token.rsplit_once('(')?.1.trim_end_matches(')');
        let session = resgraph_symbol::roman::from_roman(inside)?;
        let number: u32 = digits.parse().ok()?;
        return (session <= 30 && !resgraph_symbol::ga_roman_number_fits_session(number, session))
            .then_some(Reason::NotAUnNumber);
    }
    caps.name("slash")?;
    let (first, second) = token.split_once('/')?;
    let second: String = second.chars().take_while(char::is_ascii_digit).collect();
    // "the 1267/1989 Committee", "the 1267/1989 (Al-Qaida) sanctions
    // regime": two Council resolution numbers naming a committee.
    if first.len() == 4 && second.len() == 4 && !after.starts_with(" of ") {
        return Some(Reason::CommitteeName);
    }
    if first == second && after.starts_with(' ') {
        // "50/50 gender balance".
        return Some(Reason::Ratio);
    }
    match first.parse::<u32>() {
        // Neither the Assembly's modern series (from session 31) nor, with
        // no date of a Council session, the Human Rights Council's: another
        // body's (the Environment Assembly's 4/10, a COP's 14/12).
        // Near a mention of the Human Rights Council it may be one of its
        // numbers that a list lost: left unexplained, to be looked at.
        Ok(n) if (1..31).contains(&n) => {
            let near = &before
                [crate::text::floor_char_boundary(before, before.len().saturating_sub(400))..];
            (!near.contains("Human Rights Council") && !near.contains("Council resolution"))
                .then_some(Reason::ImpossibleSession)
        }
        _ => None,
    }
}

/// Why a token is not a reference, read from what stands just before
/// it: another organization's series (`MSC 108/4/1`), a code (`P-2/1`),
/// ECOSOC's "agreed conclusions 1997/2".
fn prefix_reason(before: &str) -> Option<Reason> {
    // The tail of a symbol the shapes could not take whole.
    if before.ends_with('/') {
        return Some(Reason::PartOfACode);
    }
    // `P-2/1`, `A‑32/4.3` (a non-breaking hyphen), `LC-LP.1 (2008)`.
    for mark in ['-', '\u{2011}', '.'] {
        if let Some(head) = before.strip_suffix(mark) {
            if head.ends_with(|c: char| c.is_ascii_alphabetic()) {
                return Some(Reason::PartOfACode);
            }
        }
    }
    let trimmed = before.trim_end();
    // "CP/DEC.8 (927/93)": a number in parentheses right after a document
    // symbol of another organization belongs to that document.
    if let Some(head) = trimmed.strip_suffix('(') {
        let symbol = head.trim_end().rsplit([' ', '\n']).next().unwrap_or("");
        let series = symbol.split('/').next().unwrap_or("");
        if symbol.contains('/')
            && !series.is_empty()
            && series.bytes().all(|b| b.is_ascii_uppercase())
            && !resgraph_symbol::DOCUMENT_SERIES.contains(&series)
        {
            return Some(Reason::UnknownSeries);
        }
    }
    if trimmed.ends_with("recommendation") || trimmed.ends_with("No.") {
        return Some(Reason::NumberedInstrument);
    }
    if before.ends_with("agreed conclusions ") {
        return Some(Reason::NumberedInstrument);
    }
    let word = before.strip_suffix(' ')?.rsplit([' ', '(', '\n']).next()?;
    let series = (1..=5).contains(&word.len())
        && word.bytes().all(|b| b.is_ascii_uppercase())
        && !matches!(word, "A" | "S" | "E");
    series.then_some(Reason::OtherOrganizationDocument)
}

fn context(source: &str, start: usize, end: usize) -> String {
    let from = crate::text::floor_char_boundary(source, start.saturating_sub(60));
    let to = crate::text::floor_char_boundary(source, (end + 60).min(source.len()));
    source[from..to]
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect()
}

/// Whether a token spells the document's own symbol, in full or short
/// (`56/3` in the title of A/HRC/RES/56/3, `1302 (2000)` in "Resolution
/// 1302 (2000)").
fn is_own(token: &str, doc: &Document) -> bool {
    let Some(own) = &doc.symbol else {
        return false;
    };
    let squeeze = |s: &str| s.chars().filter(|c| !c.is_whitespace()).collect::<String>();
    let token = squeeze(token.trim_end_matches('.'));
    let full = squeeze(&own.to_string());
    // `S/RES/1153.(1998)` in a running header reads as `S/RES/1153.`.
    let without_year = full.split_once('(').map_or(full.as_str(), |(head, _)| head);
    // `A/RES/78/18A/RES/78/18`: a running header printed twice.
    let short = squeeze(&own.short());
    // `A/RES/77/291` in the header of A/RES/77/291 B, `75/242.` in its
    // title: the own symbol without its part letters.
    let strip_part = |s: &str| {
        s.trim_end_matches(|c: char| c.is_ascii_uppercase() || c == '-')
            .to_string()
    };
    let has_part = matches!(
        own,
        resgraph_symbol::Symbol::GaResolution { part: Some(_), .. }
            | resgraph_symbol::Symbol::GaDecision { part: Some(_), .. }
    ) || own.to_string().contains(' ');
    token == full
        || token == short
        || token == without_year
        || token == full.repeat(2)
        || (has_part && (token == strip_part(&full) || token == strip_part(&short)))
}

fn excluded_reason(spans: &[Excluded], start: usize, end: usize) -> Option<Reason> {
    let i = spans.partition_point(|e| e.start < end);
    spans[..i]
        .iter()
        .rev()
        .take(64)
        .find(|e| e.start < end && start < e.end)
        .map(|e| e.reason)
}

/// `2020/21`, `2014/2015`, `1999/2000`: two consecutive years.
fn is_period(token: &str) -> bool {
    let Some((a, b)) = token.split_once('/') else {
        return false;
    };
    let (Ok(first), Ok(second)) = (
        a.parse::<u32>(),
        b.trim_end_matches(|c: char| !c.is_ascii_digit())
            .parse::<u32>(),
    ) else {
        return false;
    };
    if !(1945..=2100).contains(&first) {
        return false;
    }
    match b.len() {
        // "the 2016/7 electoral process".
        1 => second == (first + 1) % 10,
        2 => second == (first + 1) % 100,
        4 => second == first + 1,
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn periods() {
        assert!(is_period("2020/21"));
        assert!(is_period("1999/2000"));
        assert!(is_period("1999/00"));
        assert!(!is_period("2019/27"));
        assert!(!is_period("76/19"));
    }

    #[test]
    fn shapes_found() {
        let found: Vec<&str> = shapes()
            .find_iter(
                "see A/65/201, 76/19, 43/78 H, 1373 (2001), 2625\n(XXV), 186 (S-2), 12/12/2019",
            )
            .map(|m| m.as_str())
            .collect();
        assert_eq!(
            found,
            [
                "A/65/201",
                "76/19",
                "43/78 H",
                "1373 (2001)",
                "2625\n(XXV)",
                "186 (S-2)",
                "12/12/2019"
            ]
        );
    }
}
