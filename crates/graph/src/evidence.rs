//! Evidence: why a link exists. Each occurrence keeps the byte offsets of
//! its mention in the citing text ([`Span`]), and the citing document its
//! source file ([`NodeInfo::source`](crate::NodeInfo::source)); the words
//! that make the link are read back from that text by [`quote`], **the
//! one rule of what a quote is**. The graph keeps no quoted text: at 10^7
//! citations a clause each would be several times the graph itself,
//! while a span is about 4 bytes in the file.
//!
//! Which citations put a row of an answer there is
//! [`CitationGraph::steps`] (for ancestors and descendants) and
//! [`CitationGraph::path_steps`] (for a path).

use petgraph::Direction;
use resgraph_symbol::Symbol;

use crate::graph::CitationGraph;
use crate::model::{Filter, Occurrence, QueryOptions, Span};
use crate::packed::FxMap;

/// The longest quote, in characters, ellipses included.
pub const MAX_QUOTE_CHARS: usize = 300;

/// How far around a mention a clause is looked for, in bytes: a clause
/// longer than this is cut anyway, and a text of one endless line costs
/// no more than a short one.
const SEARCH_BYTES: usize = 4 * MAX_QUOTE_CHARS;

/// Words whose period does not end a sentence (`No. 12`, `para. 7`,
/// `Add.`, `Mr.`).
const ABBREVIATIONS: &[&str] = &[
    "No", "Nos", "no", "nos", "para", "paras", "Para", "vol", "Vol", "p", "pp", "art", "arts",
    "Art", "Mr", "Mrs", "Ms", "Dr", "St", "e.g", "i.e", "etc", "cf", "Add", "Rev", "Corr", "Suppl",
    "sect", "Sect", "chap", "Chap", "op", "cit", "Inc", "Ltd", "Co", "Jr", "Sr",
];

/// The clause of `text` that holds the mention at `span`, as a quote: the
/// sentence or clause around it, whitespace folded and markdown link
/// targets left out, cut at word boundaries to at most
/// [`MAX_QUOTE_CHARS`] characters with `…` where it was cut, always
/// holding the whole mention. `None` when the span is not inside `text`
/// on character boundaries (the text is not the one the span was read
/// from).
///
/// A clause ends at a paragraph break (a blank line, or a line ending in
/// `,;:.` before one starting with a capital), at `;`, and at the end of a
/// sentence (`.`, `?` or `!` followed by a space and a capital or digit,
/// unless the word before the period is an abbreviation such as `No.` or
/// `para.`, or a single letter). So in a long preambular list each item
/// between semicolons is its own clause, and a footnote's "See A/65/201."
/// is its sentence. A quote that starts in lower case or ends without
/// punctuation was cut short of its clause (a page break in a PDF's text
/// stands between the halves of a paragraph: its furniture is never
/// quoted) and shows `…` there.
///
/// ```
/// use resgraph_graph::{evidence::quote, Span};
/// let text = "The General Assembly,\n\nRecalling its resolutions 53/70 of 4 December 1998\nand 76/19 of 6 December 2021,\n\nNoting the report; welcoming 75/240 of 31 December 2020. Also this.\n";
/// let at = |s: &str| { let i = text.find(s).unwrap(); Span::new(i, i + s.len()).unwrap() };
/// assert_eq!(quote(text, at("76/19")).unwrap(),
///            "Recalling its resolutions 53/70 of 4 December 1998 and 76/19 of 6 December 2021,");
/// assert_eq!(quote(text, at("75/240")).unwrap(), "welcoming 75/240 of 31 December 2020.");
/// assert!(quote("short", Span::new(2, 99).unwrap()).is_none());
/// ```
pub fn quote(text: &str, span: Span) -> Option<String> {
    quote_marked(text, span).map(|q| q.text)
}

/// A [`quote`] and where its mention stands in it, so that a reader can
/// be shown which words make the link (in a long list of resolutions the
/// clause is the same for every one of them).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Quote {
    /// The quote, exactly as [`quote`] gives it.
    pub text: String,
    /// The mention's bytes in `text` (on character boundaries; its
    /// whitespace folded as the quote's is).
    pub mention: std::ops::Range<usize>,
}

/// [`quote`], with the mention's place in the quote.
///
/// ```
/// use resgraph_graph::{evidence::quote_marked, Span};
/// let text = "Recalling its resolutions 53/70 and\n  76/19 of 6 December 2021,\n";
/// let i = text.find("76/19").unwrap();
/// let q = quote_marked(text, Span::new(i, i + 5).unwrap()).unwrap();
/// assert_eq!(q.text, "Recalling its resolutions 53/70 and 76/19 of 6 December 2021,");
/// assert_eq!(&q.text[q.mention], "76/19");
/// ```
pub fn quote_marked(text: &str, span: Span) -> Option<Quote> {
    let (start, end) = (span.start as usize, span.end as usize);
    if end > text.len() || !text.is_char_boundary(start) || !text.is_char_boundary(end) {
        return None;
    }
    let ((from, opened_by), (to, closed_by)) = clause(text, start, end);
    let (folded, m0, m1) = fold(text, from, to, start, end);
    // A paragraph that starts in lower case or ends without punctuation
    // was cut by something else than its own end: a page break (page
    // furniture stands between the two halves of the paragraph). Say so
    // as a cut would; and where the search's reach ended it, it was cut.
    let open_start = match opened_by {
        Boundary::Punctuation => false,
        Boundary::Paragraph => folded.starts_with(char::is_lowercase),
        Boundary::Reach => from > 0,
    };
    let open_end = match closed_by {
        Boundary::Punctuation => false,
        Boundary::Paragraph => {
            !folded.ends_with(['.', ',', ';', ':', '?', '!', ')', ']', '”', '"'])
        }
        Boundary::Reach => to < text.len(),
    };
    let (text, mut mention) = trim(&folded, m0, m1, open_start, open_end);
    // A span that starts or ends on whitespace marks only its words.
    // (The range is built on the quote's character boundaries; should it
    // ever not be, nothing is marked rather than a panic.)
    match text.get(mention.clone()) {
        Some(marked) => {
            mention.start += marked.len() - marked.trim_start().len();
            mention.end -= marked.len() - marked.trim_end().len();
            mention.end = mention.end.max(mention.start);
        }
        None => mention = 0..0,
    }
    Some(Quote { text, mention })
}

/// What ended a clause on one side.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Boundary {
    /// `;` or the end of a sentence.
    Punctuation,
    /// A blank line (or the text's end).
    Paragraph,
    /// Nothing within [`SEARCH_BYTES`].
    Reach,
}

/// The clause around `start..end`: where it starts and ends, and what
/// ended it on each side.
fn clause(text: &str, start: usize, end: usize) -> ((usize, Boundary), (usize, Boundary)) {
    let mut lo = start.saturating_sub(SEARCH_BYTES);
    while !text.is_char_boundary(lo) {
        lo -= 1;
    }
    let mut hi = end.saturating_add(SEARCH_BYTES).min(text.len());
    while !text.is_char_boundary(hi) {
        hi += 1;
    }
    let before = &text[lo..start];
    let after = &text[end..hi];

    // Backwards: the last boundary before the mention.
    let reach = |at: usize, limit: usize| {
        if at == limit {
            Boundary::Paragraph
        } else {
            Boundary::Reach
        }
    };
    let mut from = (lo, reach(lo, 0));
    let mut line_end: Option<usize> = None; // the end of the line after the one being looked at
    for (i, c) in before.char_indices().rev() {
        let at = lo + i;
        if c == '\n' {
            // A blank line between here and the next line break ends a paragraph.
            if let Some(next) = line_end {
                if text[at + 1..next].trim().is_empty() {
                    from = (next + 1, Boundary::Paragraph);
                    break;
                }
            }
            if line_break_ends_paragraph(text, at) {
                from = (at + 1, Boundary::Paragraph);
                break;
            }
            line_end = Some(at);
            continue;
        }
        if c == ';' || is_sentence_end(text, at, c) {
            from = (at + c.len_utf8(), Boundary::Punctuation);
            break;
        }
    }

    // Forwards: the first boundary after the mention, kept in the clause.
    let mut to = (hi, reach(hi, text.len()));
    let mut line_start: Option<usize> = None;
    for (i, c) in after.char_indices() {
        let at = end + i;
        if c == '\n' {
            if let Some(previous) = line_start {
                if text[previous..at].trim().is_empty() {
                    to = (previous, Boundary::Paragraph);
                    break;
                }
            }
            if line_break_ends_paragraph(text, at) {
                to = (at, Boundary::Paragraph);
                break;
            }
            line_start = Some(at + 1);
            continue;
        }
        if c == ';' || is_sentence_end(text, at, c) {
            to = (at + c.len_utf8(), Boundary::Punctuation);
            break;
        }
    }
    (from, (to.0.max(end), to.1))
}

/// Whether the line break at byte `at` ends a paragraph without a blank
/// line, as in texts that put each paragraph on one line (the UN's XML
/// renderings): the line ends with `,`, `;`, `:` or `.` and the next one
/// starts with a capital (`Reaffirming`). A wrapped line that happens to
/// look so only makes a quote shorter; it still holds the mention.
fn line_break_ends_paragraph(text: &str, at: usize) -> bool {
    let ends = text[..at].trim_end().ends_with([',', ';', ':', '.']);
    ends && text[at + 1..]
        .trim_start_matches([' ', '\t', '\u{a0}'])
        .starts_with(char::is_uppercase)
}

/// Whether the character `c` at byte `at` ends a sentence.
fn is_sentence_end(text: &str, at: usize, c: char) -> bool {
    if !matches!(c, '.' | '?' | '!') {
        return false;
    }
    let rest = &text[at + c.len_utf8()..];
    if !rest.starts_with(char::is_whitespace) {
        return false;
    }
    let Some(next) = rest.trim_start().chars().next() else {
        return true;
    };
    // A capital, or a number (a footnote's page number, the next
    // operative paragraph): `No. 12` and `para. 7` are abbreviations below.
    if !(next.is_uppercase() || next.is_ascii_digit()) {
        return false;
    }
    if c != '.' {
        return true;
    }
    let word_start = text[..at]
        .char_indices()
        .rev()
        .find(|&(_, ch)| !(ch.is_alphanumeric() || ch == '.'))
        .map_or(0, |(i, ch)| i + ch.len_utf8());
    let word = &text[word_start..at];
    let single_letter = word.chars().count() == 1 && word.chars().all(char::is_alphabetic);
    !(single_letter || ABBREVIATIONS.contains(&word))
}

/// `text[from..to]` with runs of whitespace folded to one space, the
/// clause trimmed, and markdown link targets (`](https://...)`) and their
/// opening brackets left out; with the mention's place in the result.
fn fold(text: &str, from: usize, to: usize, start: usize, end: usize) -> (String, usize, usize) {
    let clause = &text[from..to];
    // Markdown links outside the mention: `[label](target)` shows `label`.
    let mut dropped: Vec<std::ops::Range<usize>> = Vec::new();
    let mut search = 0;
    while let Some(k) = clause[search..].find("](") {
        let k = search + k;
        let close = clause[k..]
            .find(|c: char| c == ')' || c.is_whitespace())
            .map(|i| k + i)
            .filter(|&i| clause[i..].starts_with(')'));
        let open = clause[..k].rfind('[');
        search = k + 2;
        if let (Some(open), Some(close)) = (open, close) {
            let touches = |r: &std::ops::Range<usize>| from + r.start < end && start < from + r.end;
            let (bracket, target) = (open..open + 1, k..close + 1);
            if !touches(&bracket) && !touches(&target) {
                dropped.push(bracket);
                dropped.push(target);
                search = close + 1;
            }
        }
    }
    dropped.sort_by_key(|r| r.start);

    let mut out = String::with_capacity(clause.len());
    let (mut m0, mut m1) = (0, 0);
    let mut space = false;
    let mut skip = dropped.iter().peekable();
    for (i, c) in clause.char_indices() {
        let at = from + i;
        if at == start {
            if space && !out.is_empty() {
                out.push(' ');
            }
            space = false;
            m0 = out.len();
        }
        if at == end {
            m1 = out.len();
        }
        while skip.peek().is_some_and(|r| r.end <= i) {
            skip.next();
        }
        if skip.peek().is_some_and(|r| r.start <= i) {
            continue;
        }
        if c.is_whitespace() {
            space = true;
            continue;
        }
        if space && !out.is_empty() {
            out.push(' ');
        }
        space = false;
        out.push(c);
    }
    if end == to {
        m1 = out.len();
    }
    (out, m0, m1.max(m0))
}

/// `folded` cut to [`MAX_QUOTE_CHARS`] around the mention at `m0..m1`,
/// at word boundaries, with `…` where it was cut or is `open` already;
/// with the mention's place in the result.
fn trim(
    folded: &str,
    m0: usize,
    m1: usize,
    open_start: bool,
    open_end: bool,
) -> (String, std::ops::Range<usize>) {
    let total = folded.chars().count();
    let marks = 2 * (usize::from(open_start) + usize::from(open_end));
    if total + marks <= MAX_QUOTE_CHARS {
        let mut out = String::with_capacity(folded.len() + 8);
        if open_start {
            out.push_str("… ");
        }
        let at = out.len();
        out.push_str(folded);
        if open_end {
            out.push_str(" …");
        }
        return (out, at + m0..at + m1);
    }
    let (before, mention, after) = (&folded[..m0], &folded[m0..m1], &folded[m1..]);
    let mention_chars = mention.chars().count();
    // Room for the words around the mention, with an ellipsis and a
    // space on each side that may be cut.
    let room = MAX_QUOTE_CHARS.saturating_sub(mention_chars + 4);
    let (before_chars, after_chars) = (before.chars().count(), after.chars().count());
    // The clause's opening words say how it cites (`Recalling`), so the
    // left keeps up to two thirds of the room, more when the right is short.
    let left = before_chars.min((room * 2 / 3).max(room.saturating_sub(after_chars)));
    let right = after_chars.min(room - left);

    let mut out = String::with_capacity(MAX_QUOTE_CHARS * 4);
    if open_start && left == before_chars {
        out.push_str("… ");
    }
    if left < before_chars {
        let skip = before_chars - left;
        let cut = before
            .char_indices()
            .nth(skip)
            .map_or(before.len(), |(i, _)| i);
        // Start at the next word: the cut lands inside one, or on a space.
        let tail = &before[cut..];
        let word = if before[..cut].ends_with(' ') {
            tail
        } else {
            tail.find(' ').map_or("", |i| &tail[i + 1..])
        };
        out.push_str("… ");
        out.push_str(word);
    } else {
        out.push_str(before);
    }
    let mention_at = out.len()..out.len() + mention.len();
    out.push_str(mention);
    if right < after_chars {
        let cut = after
            .char_indices()
            .nth(right)
            .map_or(after.len(), |(i, _)| i);
        let head = &after[..cut];
        let word = if after[cut..].starts_with(' ') {
            head
        } else {
            head.rfind(' ').map_or("", |i| &head[..i])
        };
        out.push_str(word.trim_end());
        out.push_str(" …");
    } else {
        out.push_str(after);
        if open_end {
            out.push_str(" …");
        }
    }
    (out, mention_at)
}

/// Which way an answer went from its focus.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Toward {
    /// What the focus builds on: each row is cited by a document one step
    /// closer.
    Ancestors,
    /// What builds on the focus: each row cites a document one step
    /// closer.
    Descendants,
}

/// One citation step of an answer: `citing` cites `cited`, with the
/// occurrences that pass the query's filter (each with its span when the
/// graph has it).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Step {
    /// The citing document, whose source the quotes come from.
    pub citing: Symbol,
    /// The cited document.
    pub cited: Symbol,
    /// The occurrences, by place in the citing text.
    pub occurrences: Vec<Occurrence>,
}

impl CitationGraph {
    /// For each row of an [`ancestors`](Self::ancestors) or
    /// [`descendants`](Self::descendants) answer from `focus` asked with
    /// `opts`, the citations that put it there: its links with the
    /// documents one step closer to the focus (the focus itself at
    /// distance 1; documents the filter does not show count, since the
    /// walk went through them) that the filter's relations and sections
    /// let through, in chronological order. A row reached only through an
    /// adoption link has none.
    ///
    /// ```
    /// use resgraph_graph::{evidence::Toward, CitationGraph, Occurrence, QueryOptions, Section, Span};
    /// let s = |t: &str| t.parse().unwrap();
    /// let mut g = CitationGraph::new();
    /// let occ = Occurrence::new("recalling", Section::Preamble, Some(1), None).with_span(Span::new(30, 35));
    /// g.add_link(&s("A/RES/76/19"), &s("A/RES/75/240"), &occ);
    /// g.add_link(&s("A/RES/75/240"), &s("A/RES/74/29"), &occ);
    /// let focus = s("A/RES/76/19");
    /// let opts = QueryOptions::new();
    /// let rows = g.ancestors(&focus, &opts);
    /// let steps = g.steps(&focus, &rows, Toward::Ancestors, &opts);
    /// assert_eq!(steps[1][0].citing, s("A/RES/75/240"));
    /// assert_eq!(steps[1][0].occurrences, [occ]);
    /// ```
    pub fn steps(
        &self,
        focus: &Symbol,
        rows: &[(Symbol, u32)],
        toward: Toward,
        opts: &QueryOptions,
    ) -> Vec<Vec<Step>> {
        // The rows may leave out documents the walk went through (the
        // documents a filter shows, a limit): the distances come from the
        // whole walk.
        let mut whole = opts.clone();
        whole.limit = None;
        whole.filter.kinds = None;
        whole.filter.organs = None;
        whole.filter.years = None;
        let walked = match toward {
            Toward::Ancestors => self.ancestors(focus, &whole),
            Toward::Descendants => self.descendants(focus, &whole),
        };
        let mut distance: FxMap<u32, u32> = FxMap::default();
        if let Some(f) = self.idx(focus) {
            distance.insert(f, 0);
        }
        for (s, d) in walked.iter().chain(rows) {
            if let Some(n) = self.idx(s) {
                distance.entry(n).or_insert(*d);
            }
        }
        let filter = &opts.filter;
        let csr = self.csr();
        rows.iter()
            .map(|(row, d)| {
                let Some(r) = self.idx(row) else {
                    return Vec::new();
                };
                let closer = match toward {
                    Toward::Ancestors => Direction::Incoming,
                    Toward::Descendants => Direction::Outgoing,
                };
                let mut steps: Vec<Step> = csr
                    .neighbors(r, closer)
                    .iter()
                    .filter(|n| distance.get(n).is_some_and(|&nd| nd + 1 == *d))
                    .filter_map(|&n| {
                        let other = self.symbol_of(n)?;
                        let (citing, cited) = match toward {
                            Toward::Ancestors => (other, row),
                            Toward::Descendants => (row, other),
                        };
                        self.step(citing, cited, filter)
                    })
                    .collect();
                steps.sort_by(|a, b| (&a.citing, &a.cited).cmp(&(&b.citing, &b.cited)));
                steps
            })
            .collect()
    }

    /// The citation steps of a path (as [`shortest_path`](Self::shortest_path)
    /// gives it: each document cites the next), one per consecutive pair,
    /// with the occurrences `filter` lets through.
    ///
    /// ```
    /// use resgraph_graph::{CitationGraph, Filter, Occurrence, QueryOptions, Section};
    /// let s = |t: &str| t.parse().unwrap();
    /// let mut g = CitationGraph::new();
    /// let occ = Occurrence::new("recalling", Section::Preamble, Some(1), None);
    /// g.add_link(&s("A/RES/76/19"), &s("A/RES/75/240"), &occ);
    /// let path = g.shortest_path(&s("A/RES/76/19"), &s("A/RES/75/240"), &QueryOptions::new()).unwrap();
    /// let steps = g.path_steps(&path, &Filter::default());
    /// assert_eq!((steps.len(), steps[0].occurrences.len()), (1, 1));
    /// ```
    pub fn path_steps(&self, path: &[Symbol], filter: &Filter) -> Vec<Step> {
        path.windows(2)
            .map(|pair| {
                self.step(&pair[0], &pair[1], filter)
                    .unwrap_or_else(|| Step {
                        citing: pair[0].clone(),
                        cited: pair[1].clone(),
                        occurrences: Vec::new(),
                    })
            })
            .collect()
    }

    /// The link `citing -> cited` with the occurrences `filter` lets
    /// through; `None` when there are none.
    fn step(&self, citing: &Symbol, cited: &Symbol, filter: &Filter) -> Option<Step> {
        let occurrences: Vec<Occurrence> = self
            .occurrences(citing, cited)
            .into_iter()
            .filter(|o| filter.matches(o))
            .collect();
        (!occurrences.is_empty()).then(|| Step {
            citing: citing.clone(),
            cited: cited.clone(),
            occurrences,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str, mention: &str) -> Span {
        let i = text.find(mention).expect("mention in text");
        Span::new(i, i + mention.len()).expect("span")
    }

    #[test]
    fn abbreviations_and_initials_do_not_end_sentences() {
        let text = "See Official Records, Supplement No. 12 (A/76/12), para. 7. Also A/65/201.";
        assert_eq!(
            quote(text, at(text, "A/76/12")).unwrap(),
            "See Official Records, Supplement No. 12 (A/76/12), para. 7."
        );
        assert_eq!(quote(text, at(text, "A/65/201")).unwrap(), "Also A/65/201.");
    }

    #[test]
    fn long_clauses_are_cut_at_words_around_the_mention() {
        let words = "word ".repeat(200);
        let text = format!("Recalling {words}its resolution 76/19 of 6 December 2021 {words}end,");
        let q = quote(&text, at(&text, "76/19")).unwrap();
        assert!(
            q.chars().count() <= MAX_QUOTE_CHARS,
            "{}",
            q.chars().count()
        );
        assert!(q.starts_with("… word") && q.ends_with("word …"), "{q}");
        assert!(q.contains("its resolution 76/19 of 6 December 2021"), "{q}");
        // A mention at the very start keeps the clause's opening words.
        let text = format!("Recalling 76/19 {words},");
        let q = quote(&text, at(&text, "76/19")).unwrap();
        assert!(
            q.starts_with("Recalling 76/19 word") && q.ends_with(" …"),
            "{q}"
        );
    }

    #[test]
    fn a_paragraph_cut_by_a_page_break_is_quoted_up_to_it_and_says_so() {
        let text = "2. Requests the support, as endorsed by the General Assembly in its\n\nA/RES/80/16\nOpen-ended working group\n\n25-19974\n2/2\n\nresolution 79/237, and the elements of document A/80/257;\n";
        assert_eq!(
            quote(text, at(text, "79/237")).unwrap(),
            "… resolution 79/237, and the elements of document A/80/257;"
        );
        assert_eq!(
            quote(text, at(text, "General Assembly")).unwrap(),
            "Requests the support, as endorsed by the General Assembly in its …",
            "an operative paragraph's number is no part of its clause"
        );
    }

    #[test]
    fn markdown_links_show_their_labels() {
        let text = "Recalling its resolution [76/19](https://undocs.org/A/RES/76/19) and [75/240](https://undocs.org/en/A/RES/75/240),";
        assert_eq!(
            quote(text, at(text, "75/240")).unwrap(),
            "Recalling its resolution 76/19 and 75/240,"
        );
    }

    /// Every span on character boundaries of a text full of multi-byte
    /// punctuation and spaces is quoted without a panic, with its mention.
    #[test]
    fn any_span_of_a_multibyte_text_is_quoted() {
        let text =
            "A–B. Ünïcode–text; “quoted” No.\u{a0}7 — é.\n\n  para.– x.\r\n[l](u) ] ( A. B? C! d;";
        let bounds: Vec<usize> = (0..=text.len())
            .filter(|&i| text.is_char_boundary(i))
            .collect();
        for (k, &start) in bounds.iter().enumerate() {
            for &end in &bounds[k + 1..] {
                let marked =
                    quote_marked(text, Span::new(start, end).unwrap()).expect("on boundaries");
                let q = marked.text.clone();
                let mention: String = text[start..end]
                    .split_whitespace()
                    .collect::<Vec<_>>()
                    .join(" ");
                // The marked place is the mention, whitespace folded
                // (markdown brackets inside it may have been left out).
                let at = marked.text.get(marked.mention.clone()).expect("boundaries");
                assert!(
                    at == mention || mention.contains(']') || mention.contains('['),
                    "{start}..{end}: {at:?} marked for {mention:?} in {q:?}"
                );
                let folded: String = q.split_whitespace().collect::<Vec<_>>().join(" ");
                assert!(
                    mention.is_empty() || folded.contains(&mention) || mention.contains(']'),
                    "{start}..{end}: {q:?} lacks {mention:?}"
                );
            }
        }
    }

    #[test]
    fn endless_lines_and_odd_spans_are_safe() {
        let text = format!("{}76/19{}", "x".repeat(100_000), "é".repeat(100_000));
        let q = quote(&text, at(&text, "76/19")).unwrap();
        assert!(q.contains("76/19") && q.chars().count() <= MAX_QUOTE_CHARS);
        let text = "aé76/19";
        assert!(
            quote(text, Span::new(2, 5).unwrap()).is_none(),
            "inside a character"
        );
        assert!(quote(text, Span::new(3, 8).unwrap()).is_some());
        assert!(
            quote(text, Span::new(3, 9).unwrap()).is_none(),
            "past the end"
        );
    }
}
