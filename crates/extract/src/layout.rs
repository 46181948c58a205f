//! From lines to paragraphs: page furniture dropped, paragraphs joined
//! across line and page breaks, each paragraph placed in its section with
//! its number and relation.

use std::cell::OnceCell;
use std::ops::Range;

use crate::relation::opening_relation;
use crate::text::{clean_line_into, fold_line_into, Cleaning, Mapped};
use resgraph_core::{HeadingRole, Relation, Section};

/// What decides the relation of the citations in a paragraph.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum RelationSource {
    /// The opening words of the paragraph at this index
    /// ([`opening_relation`]), read only when a citation needs them.
    Opening(usize),
    /// A footnote: [`Relation::SEE`].
    Footnote,
    /// A heading paragraph: its role's verb ([`Relation::heading`]).
    Heading(HeadingRole),
    /// An annex: [`Relation::ANNEX`].
    Annex,
    /// No relation ([`Relation::EMPTY`]).
    None,
}

/// How a later block is joined to a paragraph.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Join {
    /// With a space (a heading's bracket continued on the next block).
    Space,
    /// With a space unless the text already ends with one (a paragraph
    /// cut by a page break or a footnote block).
    SpaceUnlessSpaced,
}

// The size the comment on `Paragraph::more` keeps small.
#[cfg(target_pointer_width = "64")]
const _: () = assert!(std::mem::size_of::<Paragraph>() == 72);

/// A block that continues a paragraph (its lines), and how it is joined.
type Continuation = (Join, Range<usize>);

/// A paragraph of the document with its place. Its cleaned text is
/// built on demand ([`Layout::text`]): most paragraphs cite nothing and
/// are never cleaned.
#[derive(Debug)]
pub(crate) struct Paragraph {
    pub section: Section,
    pub number: Option<u32>,
    pub relation: RelationSource,
    /// 1-based source line of the paragraph's first line.
    pub line: usize,
    pub heading_role: Option<HeadingRole>,
    /// True in texts without an organ line (GA decisions): the relation
    /// is read per clause, not per paragraph.
    pub running: bool,
    /// The lines of its first block (indices into [`Layout::lines`]).
    first: Range<usize>,
    /// Blocks that continue it, each with how it is joined: few
    /// paragraphs have any, so the list is boxed (8 bytes, not 24, in
    /// each of the 193,000 paragraphs of the joined GA and SC texts).
    #[allow(
        clippy::box_collection,
        reason = "boxed for the paragraph's size: a Vec is 24 bytes where most paragraphs need none"
    )]
    more: Option<Box<Vec<Continuation>>>,
    /// What cleaning does to its source bytes, found once.
    cleaning: OnceCell<Cleaning>,
    text: OnceCell<Box<Mapped>>,
}

impl Paragraph {
    fn new(section: Section, first: Range<usize>, line: usize) -> Paragraph {
        Paragraph {
            section,
            number: None,
            relation: RelationSource::None,
            line,
            heading_role: None,
            running: false,
            first,
            more: None,
            cleaning: OnceCell::new(),
            text: OnceCell::new(),
        }
    }

    /// The source line ranges of the paragraph's blocks.
    fn blocks(&self) -> impl DoubleEndedIterator<Item = &Range<usize>> {
        std::iter::once(&self.first).chain(self.continuations().map(|(_, r)| r))
    }

    /// The blocks that continue it, each with how it is joined.
    fn continuations(&self) -> impl DoubleEndedIterator<Item = &Continuation> {
        self.more.iter().flat_map(|more| more.iter())
    }

    /// Adds a block that continues it.
    fn continue_with(&mut self, join: Join, lines: Range<usize>) {
        self.more.get_or_insert_default().push((join, lines));
    }

    /// A footnote, whose number is dropped from its text.
    fn is_footnote(&self) -> bool {
        self.section == Section::Footnote
    }
}

/// The document cut into paragraphs.
#[derive(Debug, Default)]
pub(crate) struct Layout<'a> {
    pub paragraphs: Vec<Paragraph>,
    /// The text the lines are slices of.
    source: &'a str,
    /// The source's lines, trimmed, which paragraphs refer to.
    lines: Vec<Line<'a>>,
    /// The organ line, such as `The General Assembly,`.
    pub organ_line: Option<String>,
    /// `symbol:` and `date:` from a markdown front matter.
    pub front_symbol: Option<String>,
    pub front_date: Option<String>,
    /// Where in the source a paragraph becomes worth reading
    /// ([`Layout::may_cite`]).
    places: crate::anchor::Places,
}

impl<'a> Layout<'a> {
    /// The cleaned text of paragraph `index`, built on first use.
    pub fn text(&self, index: usize) -> &Mapped {
        let paragraph = &self.paragraphs[index];
        paragraph
            .text
            .get_or_init(|| Box::new(self.clean(paragraph)))
    }

    /// The cleaned text of a paragraph, built from its blocks.
    fn clean(&self, paragraph: &Paragraph) -> Mapped {
        // One allocation: the cleaned text is never longer than the
        // source lines, and has about two runs per line.
        let (bytes, lines) = paragraph.blocks().fold((0, 0), |(bytes, lines), range| {
            let span = self.span_of(range).len();
            (bytes + span + 1, lines + range.len())
        });
        let mut text = Mapped::with_capacity(bytes, 2 * lines + 1);
        // Most paragraphs hold nothing for cleaning to do but fold spaces:
        // they take the fast way.
        let clean_line: CleanLine = if self.cleaning_of(paragraph) == Cleaning::Folds {
            fold_line_into
        } else {
            clean_line_into
        };
        append_lines_with(
            self.source,
            &self.lines,
            paragraph.first.clone(),
            &mut text,
            clean_line,
        );
        if paragraph.is_footnote() {
            text = strip_footnote_number(text);
        }
        for (join, lines) in paragraph.continuations() {
            join_to(&mut text, *join, self.lines[lines.start].at(self.source));
            append_lines_with(
                self.source,
                &self.lines,
                lines.clone(),
                &mut text,
                clean_line,
            );
        }
        text
    }

    /// Lets the cleaned text of paragraph `index` go (unless it is a
    /// heading's, which is built at once and never again): it is built
    /// again should it be asked for.
    pub fn forget_text(&mut self, index: usize) {
        if let Some(paragraph) = self.paragraphs.get_mut(index) {
            if paragraph.section != Section::Heading {
                paragraph.text.take();
            }
        }
    }

    /// The offset in characters of source byte offset `at` (a character
    /// boundary; see `anchor::Places::char_offset`).
    pub fn char_offset(&self, at: usize) -> usize {
        self.places.char_offset(self.source.as_bytes(), at)
    }

    /// Whether paragraph `index` can hold a reference: cleaning could
    /// drop bytes in it, or its source bytes hold a trigger of a scanner
    /// pass (`anchor::Triggers`). The paragraphs that fail this are never
    /// cleaned nor scanned.
    pub fn may_cite(&self, index: usize) -> bool {
        let paragraph = &self.paragraphs[index];
        if crate::anchor::exhaustive() {
            return true;
        }
        if let Some(text) = paragraph.text.get() {
            return crate::anchor::Triggers::of(text.text.as_bytes()).any();
        }
        // A trigger or a byte that cleaning drops in one of its blocks.
        paragraph
            .blocks()
            .any(|lines| self.places.may_cite_in(self.span_of(lines)))
    }

    /// The source bytes of paragraph `index` that its cleaned text is
    /// made of, one slice per block (each from its first line's start to
    /// its last line's end), and whether cleaning may drop bytes in them.
    /// Without drops, cleaning only folds spaces, turns tabs, Unicode
    /// spaces and hyphens into ASCII ones and joins lines with a space or
    /// after a hyphen: every run of ASCII digits in the cleaned text then
    /// stands in these bytes, and no character outside ASCII is made.
    pub fn source_blocks(&self, index: usize) -> (impl Iterator<Item = &'a str> + '_, bool) {
        let paragraph = &self.paragraphs[index];
        let drops = self.cleaning_of(paragraph) == Cleaning::Drops;
        let source = self.source;
        // A block runs from a line's start to a line's end: slices of
        // the source at character boundaries, so `get` always finds it.
        let spans = paragraph
            .blocks()
            .map(move |lines| source.get(self.span_of(lines)).unwrap_or_default());
        (spans, drops)
    }

    /// What cleaning does to a paragraph's source bytes (the most it does
    /// to any of its blocks).
    fn cleaning_of(&self, paragraph: &Paragraph) -> Cleaning {
        *paragraph.cleaning.get_or_init(|| {
            paragraph
                .blocks()
                .map(|lines| self.places.cleaning.cleaning_in(self.span_of(lines)))
                .max()
                .unwrap_or(Cleaning::Folds)
        })
    }

    /// The source span of a block: its lines and the breaks between.
    fn span_of(&self, lines: &Range<usize>) -> Range<usize> {
        let first = &self.lines[lines.start];
        let last = &self.lines[lines.end - 1];
        first.at(self.source)..last.at(self.source) + last.text.len()
    }

    /// Source spans of the lines dropped as page furniture or front
    /// matter, in order. Found when asked for (only `--explain` reads
    /// them), not gathered for every text.
    pub fn furniture(&self) -> Vec<(usize, usize)> {
        self.lines
            .iter()
            .filter(|line| line.kind == LineKind::Furniture)
            .map(|line| {
                let at = line.at(self.source);
                (at, at + line.text.len())
            })
            .collect()
    }

    /// The relation of the citations in paragraph `index`.
    pub fn relation(&self, index: usize) -> Relation {
        match self.paragraphs[index].relation {
            RelationSource::None => Relation::EMPTY,
            RelationSource::Footnote => Relation::SEE,
            RelationSource::Annex => Relation::ANNEX,
            RelationSource::Heading(role) => Relation::heading(role),
            RelationSource::Opening(of) => {
                // The opening words of the paragraph's first block: 120
                // cleaned bytes are all that `opening_relation` reads.
                let paragraph = &self.paragraphs[of];
                let mut text = Mapped::default();
                for index in paragraph.first.clone() {
                    if text.text.len() >= OPENING_BYTES {
                        break;
                    }
                    append_lines(self.source, &self.lines, index..index + 1, &mut text);
                }
                opening_relation(&text.text)
            }
        }
    }

    /// The last character of paragraph `index`'s cleaned text that is not
    /// a space, cleaning as few of its lines as it can.
    fn last_visible_char(&self, index: usize, scratch: &mut Mapped) -> Option<char> {
        let paragraph = &self.paragraphs[index];
        if let Some(text) = paragraph.text.get() {
            return text.text.trim_end().chars().next_back();
        }
        for lines in paragraph.blocks().rev() {
            for line in lines.clone().rev() {
                scratch.clear();
                let line = &self.lines[line];
                clean_line_into(scratch, line.text, line.at(self.source));
                if let Some(c) = scratch.text.trim_end().chars().next_back() {
                    return Some(c);
                }
            }
        }
        None
    }
}

/// What [`opening_relation`] reads of a paragraph.
const OPENING_BYTES: usize = 120;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum LineKind {
    Blank,
    /// Page furniture: running header, job number, barcode, page number.
    Furniture,
    /// The `______` rule above footnotes.
    FootnoteRule,
    /// A form feed: a page break in pdftotext output.
    PageBreak,
    Content,
}

/// A line of the source, or a piece of a run-on line. Its offset in the
/// source is not stored but found from where `text` points
/// ([`Line::at`]): a line is 24 bytes, not 32, and a large text has
/// hundreds of thousands of them (695,000 in the joined GA and SC
/// texts), whose memory is fresh on every run.
#[derive(Debug)]
struct Line<'a> {
    /// Trimmed text: a slice of the source.
    text: &'a str,
    /// 1-based line number (a text of more than 4 billion lines would
    /// repeat the last).
    number: u32,
    kind: LineKind,
    /// A form feed opens the line: a new page starts here.
    page_break_before: bool,
}

// The size the comment on `Line` gives.
#[cfg(target_pointer_width = "64")]
const _: () = assert!(std::mem::size_of::<Line<'static>>() == 24);

impl Line<'_> {
    /// Source offset of the line's text in `source`, the text it was cut
    /// from.
    fn at(&self, source: &str) -> usize {
        offset_in(source, self.text)
    }
}

/// The offset of `part`, a slice of `source`, in `source`.
fn offset_in(source: &str, part: &str) -> usize {
    debug_assert!(source.as_ptr().addr() <= part.as_ptr().addr());
    debug_assert!(part.as_ptr().addr() + part.len() <= source.as_ptr().addr() + source.len());
    part.as_ptr().addr() - source.as_ptr().addr()
}

/// A run of content lines between blank lines.
struct Block {
    lines: Range<usize>,
    footnote: Option<u32>,
    /// Preceded by furniture or a page break: a new page starts here.
    after_page_break: bool,
}

/// The texts whose lines are running headers: the document's own symbol,
/// and the lines of its title.
pub(crate) struct Furniture {
    pub own_symbol_lines: Vec<String>,
}

pub(crate) fn layout<'a>(source: &'a str, furniture: &Furniture) -> Layout<'a> {
    let mut out = Layout {
        places: crate::anchor::Places::of(source.as_bytes()),
        source,
        ..Layout::default()
    };
    let (mut lines, title_lines) = split_lines(source, furniture, &mut out);
    mark_rebroken_title_lines(&mut lines, &title_lines);
    out.lines = lines;
    place_blocks(&mut out);
    out
}

/// The 1-based number of the line at `index`, saturating.
fn line_number(index: usize) -> u32 {
    u32::try_from(index + 1).unwrap_or(u32::MAX)
}

/// Cuts the source into lines, each classified as it is cut, while its
/// bytes are still in the cache (a second pass over a large text reads
/// it from memory again); returns them with the title lines of the
/// heading ([`Classifier`]). A markdown front matter's `symbol:` and
/// `date:` go to `out`.
fn split_lines<'a>(
    source: &'a str,
    furniture: &Furniture,
    out: &mut Layout<'_>,
) -> (Vec<Line<'a>>, Vec<String>) {
    let bytes = source.as_bytes();
    // One allocation: a line per line break, and room for the pieces of
    // run-on lines cut into paragraphs (a few hundred in the 695,000
    // lines of the GA and SC texts joined). Without that room the vector
    // would double, copying every line into fresh memory; room never used
    // is never touched, and costs only address space.
    let breaks = out.places.line_feeds;
    let mut lines = ClassifiedLines {
        lines: Vec::with_capacity(breaks + 1 + breaks / 64 + 64),
        classifier: Classifier::new(furniture),
        front_matter: FrontMatter::NotYet,
    };
    let mut at = 0;
    let mut index = 0;
    // A form feed anywhere in a line opens a page there. Feeds and line
    // breaks are found by one search, in order.
    let mut page_break = false;
    for end in memchr::memchr2_iter(b'\n', 0x0C, bytes).chain([source.len()]) {
        if bytes.get(end) == Some(&0x0C) {
            page_break = true;
            continue;
        }
        let raw = &source[at..end];
        at = end + 1;
        let page_break = std::mem::take(&mut page_break);
        let number = line_number(index);
        index += 1;
        // Most lines, once ASCII spaces are trimmed, start and end with a
        // visible ASCII character: the Unicode trimming below would stop
        // at the same bytes, and only a line opening with "The " can be
        // run on.
        let b = raw.as_bytes();
        let first = b.iter().position(|c| !c.is_ascii_whitespace());
        let last = b.iter().rposition(|c| !c.is_ascii_whitespace());
        if let (Some(first), Some(last)) = (first, last) {
            let text = &raw[first..=last];
            if b[first].is_ascii_graphic()
                && b[last].is_ascii_graphic()
                && !text.starts_with("The ")
            {
                lines.push(
                    Line {
                        text,
                        number,
                        kind: LineKind::Content,
                        page_break_before: page_break,
                    },
                    out,
                );
                continue;
            }
        }
        // Trimmed from the start first: a line of spaces becomes the empty
        // slice after them, where its offset has always been.
        let text = raw
            .trim_end_matches('\r')
            .trim_start_matches(is_space)
            .trim_end_matches(is_space);
        let kind = if page_break && text.trim_matches('\u{c}').is_empty() {
            LineKind::PageBreak
        } else if text.is_empty() {
            LineKind::Blank
        } else {
            LineKind::Content
        };
        let text = text.trim_start_matches('\u{c}');
        // A run-on line holding the organ line and every paragraph after
        // it becomes one virtual line per paragraph, each a slice of the
        // source, so offsets stay exact.
        let mut from = 0;
        for cut in run_on_breaks(text).into_iter().chain([text.len()]) {
            lines.push(
                Line {
                    text: text[from..cut].trim(),
                    number,
                    kind,
                    page_break_before: page_break && from == 0,
                },
                out,
            );
            from = cut;
        }
    }
    lines.finish()
}

/// Where a run-on line is cut into paragraphs: after the organ line
/// ("The Security Council, "), before a paragraph opening after a comma
/// or semicolon ("..., Reaffirming ...", "..., Acting under Chapter VII
/// ..."), and before an operative number ("...; 2. Decides"). Only a
/// line that opens with the organ line is cut: a few Security Council
/// texts print their whole body on one line.
fn run_on_breaks(text: &str) -> Vec<usize> {
    const ORGANS: [&str; 4] = [
        "The Security Council, ",
        "The General Assembly, ",
        "The Economic and Social Council, ",
        "The Human Rights Council, ",
    ];
    let Some(organ) = ORGANS.iter().find(|o| text.starts_with(*o)) else {
        return Vec::new();
    };
    if text.len() < 200 {
        return Vec::new();
    }
    let mut cuts = vec![organ.len()];
    let bytes = text.as_bytes();
    let mut i = organ.len();
    while i + 2 < bytes.len() {
        if matches!(bytes[i], b',' | b';' | b':') && bytes[i + 1] == b' ' {
            let next = &text[i + 2..];
            let numbered = operative_number(crate::text::prefix(next, 8), 0).is_some();
            if numbered || opens_paragraph(next) {
                cuts.push(i + 2);
            }
        }
        i += 1;
    }
    cuts
}

fn is_space(c: char) -> bool {
    c.is_whitespace() || c == '\u{a0}' || c == '\u{feff}'
}

/// Where a text's lines stand with a markdown front matter: the lines
/// between a first line `---` and the next `---` are furniture, read for
/// `symbol:` and `date:`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum FrontMatter {
    /// No line yet.
    NotYet,
    /// The first line is `---`: the lines wait, unclassified, for the
    /// `---` that closes the front matter (without one there is none).
    Open,
    /// There is none, or it is closed: lines are classified as they come.
    Done,
}

/// The lines of a text as they are cut, each classified on arrival
/// ([`Classifier`]) unless a front matter may be open.
struct ClassifiedLines<'a, 'f> {
    lines: Vec<Line<'a>>,
    classifier: Classifier<'f>,
    front_matter: FrontMatter,
}

impl<'a> ClassifiedLines<'a, '_> {
    fn push(&mut self, mut line: Line<'a>, out: &mut Layout<'_>) {
        match self.front_matter {
            FrontMatter::NotYet if line.text == "---" => {
                self.front_matter = FrontMatter::Open;
                self.lines.push(line);
            }
            FrontMatter::Open => {
                let closes = line.text == "---";
                self.lines.push(line);
                if closes {
                    read_front_matter(&mut self.lines, out);
                    self.front_matter = FrontMatter::Done;
                }
            }
            FrontMatter::NotYet | FrontMatter::Done => {
                self.front_matter = FrontMatter::Done;
                self.classifier.classify(&mut line);
                self.lines.push(line);
            }
        }
    }

    /// The lines, all classified, and the title lines of the heading.
    fn finish(mut self) -> (Vec<Line<'a>>, Vec<String>) {
        if self.front_matter == FrontMatter::Open {
            // Never closed: no front matter, and the waiting lines are
            // classified as any others.
            for line in &mut self.lines {
                self.classifier.classify(line);
            }
        }
        (self.lines, self.classifier.title_lines)
    }
}

/// Marks the lines of a closed front matter as furniture, reading its
/// `symbol:` and `date:` into `out`.
fn read_front_matter(lines: &mut [Line<'_>], out: &mut Layout) {
    for line in lines {
        if let Some(value) = line.text.strip_prefix("symbol:") {
            out.front_symbol = Some(value.trim().trim_matches('"').to_string());
        }
        if let Some(value) = line.text.strip_prefix("date:") {
            out.front_date = Some(value.trim().trim_matches('"').to_string());
        }
        line.kind = LineKind::Furniture;
    }
}

/// Marks furniture lines one at a time, in order, and gathers the title
/// lines seen in the heading (running headers repeat them on every
/// page).
struct Classifier<'f> {
    furniture: &'f Furniture,
    /// How the document's own symbol lines open (in either case).
    own_symbol_openings: Openings,
    title_lines: Vec<String>,
    /// How the title lines open.
    title_openings: Openings,
    in_title: bool,
    seen_organ: bool,
}

impl<'f> Classifier<'f> {
    fn new(furniture: &'f Furniture) -> Self {
        let mut own_symbol_openings = Openings::default();
        for own in &furniture.own_symbol_lines {
            own_symbol_openings.add(own, Case::Ascii);
        }
        Classifier {
            furniture,
            own_symbol_openings,
            title_lines: Vec::new(),
            title_openings: Openings::default(),
            in_title: false,
            seen_organ: false,
        }
    }

    fn add_title_line(&mut self, text: &str) {
        let line = normalize_for_compare(text);
        self.title_openings.add(&line, Case::Exact);
        self.title_lines.push(line);
    }

    /// Classifies the next line.
    fn classify(&mut self, line: &mut Line<'_>) {
        if line.kind != LineKind::Content {
            // `73/7.` alone, then a blank line, then the title (pdftotext).
            self.in_title &= self.title_lines.is_empty();
            return;
        }
        let text = line.text;
        if !self.seen_organ && is_organ_line(text) {
            self.seen_organ = true;
        }
        if is_rule(text) {
            line.kind = LineKind::FootnoteRule;
            return;
        }
        if is_job_number(text)
            || is_barcode(text)
            || is_date_code(text)
            || is_page_number(text)
            || (self.own_symbol_openings.may_open(text)
                && self
                    .furniture
                    .own_symbol_lines
                    .iter()
                    .any(|s| same_furniture(text, s)))
        {
            line.kind = LineKind::Furniture;
            return;
        }
        if !self.seen_organ {
            if title_number_prefix(text).is_some() {
                self.in_title = true;
                if let Some((_, rest)) = text.split_once(". ") {
                    self.add_title_line(rest);
                }
                return;
            }
            if self.in_title && is_organ_line(text) {
                self.in_title = false;
            }
            if self.in_title {
                self.add_title_line(text);
            }
        } else if text.len() > 12
            && self.title_openings.may_open(text)
            && self.title_lines.iter().any(|t| same_words(t, text))
        {
            line.kind = LineKind::Furniture;
        }
    }
}

/// Whether a comparison of lines folds ASCII case.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Case {
    Exact,
    Ascii,
}

/// The first bytes (after leading white space) of a few lines that every
/// line of a text is compared with, such as running headers: a line
/// opening with none of them is none of those lines (same words or the
/// same symbol open with the same byte), and most lines are passed over
/// by this one lookup instead of a comparison with each.
#[derive(Debug, Clone)]
struct Openings {
    bytes: [bool; 256],
    /// A line with nothing but white space was added: it opens with no
    /// byte, so every line is compared.
    any: bool,
}

impl Default for Openings {
    fn default() -> Self {
        Openings {
            bytes: [false; 256],
            any: false,
        }
    }
}

impl Openings {
    fn add(&mut self, line: &str, case: Case) {
        match first_visible_byte(line) {
            None => self.any = true,
            Some(b) if case == Case::Ascii => {
                self.bytes[usize::from(b.to_ascii_lowercase())] = true;
                self.bytes[usize::from(b.to_ascii_uppercase())] = true;
            }
            Some(b) => self.bytes[usize::from(b)] = true,
        }
    }

    /// Whether `text` may be one of the lines added.
    fn may_open(&self, text: &str) -> bool {
        self.any || first_visible_byte(text).is_none_or(|b| self.bytes[usize::from(b)])
    }
}

/// The first byte after `text`'s leading white space: without a look at
/// the characters when it opens with a visible ASCII one (most lines).
fn first_visible_byte(text: &str) -> Option<u8> {
    match text.as_bytes().first() {
        Some(&b) if b.is_ascii_graphic() => Some(b),
        _ => text.trim_start().as_bytes().first().copied(),
    }
}

/// Running headers next to other page furniture whose lines are broken
/// differently from the heading's title lines (pdftotext): a line of at
/// least 25 bytes within a few lines of furniture that is part of the
/// title is furniture too. Only lines near furniture are compared, which
/// keeps this cheap.
fn mark_rebroken_title_lines(lines: &mut [Line<'_>], title_lines: &[String]) {
    if title_lines.is_empty() {
        return;
    }
    let title = title_lines.join(" ");
    // Above the organ line the title is the agenda item's and the
    // document's own, not a running header: those lines stay.
    let body_from = lines
        .iter()
        .position(|l| l.kind == LineKind::Content && is_organ_line(l.text))
        .unwrap_or(0);
    let near: Vec<usize> = lines
        .iter()
        .enumerate()
        .filter(|(_, l)| l.kind == LineKind::Furniture || l.page_break_before)
        .map(|(i, _)| i)
        .collect();
    // Windows around neighbouring furniture overlap: each line is
    // compared once (marking a line changes no other line's answer).
    let mut compared_to = 0;
    let mut marked = Vec::new();
    for &at in &near {
        let from = at.saturating_sub(6).max(body_from).max(compared_to);
        let to = (at + 7).min(lines.len());
        compared_to = compared_to.max(to);
        for (index, line) in lines.iter_mut().enumerate().take(to).skip(from) {
            if line.kind == LineKind::Content && line.text.len() >= 25 && holds(&title, line.text) {
                line.kind = LineKind::Furniture;
                marked.push(index);
            }
        }
    }
    // A short tail of the title ("and 74/257") right after a title line
    // taken as furniture: too short to be compared alone, it is known by
    // the line it continues (the next line that is not blank). Only
    // furniture can be such a title line: it is found among the lines
    // just looked at (furniture before, or marked now), not by another
    // pass over every line. A tail, being short, is never a title line
    // itself, so the order they are marked in changes nothing.
    let furniture: Vec<usize> = near
        .iter()
        .copied()
        .filter(|&at| lines[at].kind == LineKind::Furniture)
        .chain(marked)
        .collect();
    for at in furniture {
        let before = &lines[at];
        if at < body_from || before.text.len() < 25 {
            continue;
        }
        let Some(next) = (at + 1..lines.len()).find(|&i| lines[i].kind != LineKind::Blank) else {
            continue;
        };
        let line = &lines[next];
        if line.kind == LineKind::Content
            && line.text.len() < 25
            && title.contains(&format!("{} {}", before.text, line.text))
        {
            lines[next].kind = LineKind::Furniture;
        }
    }
}

/// Whether `needle` occurs in the short `haystack`: a check at each
/// occurrence of its first byte, cheaper for a title than building a
/// substring searcher for every line.
fn holds(haystack: &str, needle: &str) -> bool {
    let (hay, needle) = (haystack.as_bytes(), needle.as_bytes());
    let Some(&first) = needle.first() else {
        return true;
    };
    memchr::memchr_iter(first, hay).any(|at| hay[at..].starts_with(needle))
}

fn normalize_for_compare(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Whether two lines have the same words, whatever the spacing, without
/// allocating (this runs for every line of a text).
fn same_words(a: &str, b: &str) -> bool {
    if a.len() > b.len() + 8 || b.len() > a.len() + 8 {
        return false;
    }
    let mut x = a.split_whitespace();
    let mut y = b.split_whitespace();
    loop {
        match (x.next(), y.next()) {
            (None, None) => return true,
            (Some(p), Some(q)) if p == q => {}
            _ => return false,
        }
    }
}

fn same_furniture(line: &str, own: &str) -> bool {
    if line.eq_ignore_ascii_case(own) {
        return true;
    }
    // `A/RES/76/19 2/3` or `Page 2` beside the symbol.
    line.len() > own.len()
        && line.is_char_boundary(own.len())
        && line[..own.len()].eq_ignore_ascii_case(own)
        && line[own.len()..]
            .trim()
            .chars()
            .all(|c| c.is_ascii_digit() || c == '/' || c == ' ')
}

fn is_rule(text: &str) -> bool {
    text.len() >= 3 && text.chars().all(|c| c == '_' || c == ' ')
}

/// `21-18253 (E)    131221`, `21-18253`, `GE.22-12345`, `94-12513 (E)`.
fn is_job_number(text: &str) -> bool {
    let text = text.strip_prefix("GE.").unwrap_or(text);
    let b = text.as_bytes();
    b.len() >= 8
        && b[..2].iter().all(u8::is_ascii_digit)
        && b[2] == b'-'
        && b[3..8].iter().all(u8::is_ascii_digit)
        && b.get(8).is_none_or(|c| !c.is_ascii_digit())
        && text[8..]
            .chars()
            .all(|c| c.is_ascii_digit() || c.is_whitespace() || "()E*".contains(c))
}

/// `071118`: the date code that pdftotext leaves on a line of its own.
fn is_date_code(text: &str) -> bool {
    text.len() == 6 && text.bytes().all(|b| b.is_ascii_digit())
}

/// `*2118253*`
fn is_barcode(text: &str) -> bool {
    text.len() >= 4
        && text.starts_with('*')
        && text.ends_with('*')
        && text[1..text.len() - 1].bytes().all(|b| b.is_ascii_digit())
}

/// `2/3`, `Page 2`, `- 3 -`
fn is_page_number(text: &str) -> bool {
    // Every form ends with a digit or a dash: most lines fail here
    // without a search for a slash.
    if !text.ends_with(|c: char| c.is_ascii_digit() || c == '-') {
        return false;
    }
    if let Some((a, b)) = text.split_once('/') {
        return (1..=3).contains(&a.len())
            && (1..=3).contains(&b.len())
            && a.bytes().all(|c| c.is_ascii_digit())
            && b.bytes().all(|c| c.is_ascii_digit());
    }
    let t = text.strip_prefix("Page ").unwrap_or(text);
    let t = t.trim_matches(|c: char| c == '-' || c == ' ');
    !t.is_empty() && t.len() <= 3 && t.bytes().all(|c| c.is_ascii_digit()) && text != t
}

/// `76/19. `, `ES-10/19. `, `S-8/1. ` at the start of a title line.
fn title_number_prefix(text: &str) -> Option<usize> {
    let (head, _) = text
        .split_once(". ")
        .or_else(|| text.strip_suffix('.').map(|h| (h, "")))?;
    let head_body = head
        .strip_prefix("ES-")
        .or_else(|| head.strip_prefix("S-"))
        .unwrap_or(head);
    let (a, b) = head_body.split_once('/')?;
    let ok = !a.is_empty()
        && a.len() <= 3
        && a.bytes().all(|c| c.is_ascii_digit())
        && !b.is_empty()
        && b.len() <= 4
        && b.bytes()
            .all(|c| c.is_ascii_digit() || c.is_ascii_uppercase() || c == b' ');
    ok.then_some(head.len())
}

pub(crate) fn is_organ_line(text: &str) -> bool {
    let Some(body) = text.strip_prefix("The ") else {
        return false;
    };
    // "The General Assembly," and, in some of the UN's XML, "The Economic
    // and Social Council" with no comma: the whole line is the name.
    let body = body.trim_end();
    let name = body
        .strip_suffix(',')
        .or_else(|| body.strip_suffix(':'))
        .unwrap_or(body);
    matches!(
        name.trim(),
        "General Assembly"
            | "Security Council"
            | "Economic and Social Council"
            | "Human Rights Council"
            | "Commission on Human Rights"
            | "Trusteeship Council"
    )
}

/// Footnote number at the start of a footnote line: `1 A/65/201`,
/// `1/ S/24476`, `¹ See`, `[^1]: See`.
fn footnote_start(text: &str, in_zone: bool) -> Option<u32> {
    // Every form below opens with `[`, `*`, a digit or a superscript
    // digit: the prose line, asked this for every line of a text, leaves
    // at its first byte.
    let opens = match text.as_bytes().first()? {
        b'[' | b'*' | b'0'..=b'9' => true,
        b if b.is_ascii() => false,
        _ => text.chars().next().and_then(superscript_digit).is_some(),
    };
    if !opens {
        return None;
    }
    if let Some(rest) = text.strip_prefix("[^") {
        let (n, tail) = rest.split_once("]:")?;
        let _ = tail;
        return n.parse().ok();
    }
    let sup: String = text
        .chars()
        .take_while(|c| superscript_digit(*c).is_some())
        .collect();
    if !sup.is_empty() {
        return sup
            .chars()
            .try_fold(0u32, |acc, c| Some(acc * 10 + superscript_digit(c)?));
    }
    // `* On behalf of ...`: a footnote marked with an asterisk, numbered 0.
    if in_zone && (text.starts_with("* ") || text.starts_with("** ")) {
        return Some(0);
    }
    let digits_end = text.bytes().position(|b| !b.is_ascii_digit())?;
    // `1/ S/24476, annex.`: the old footnote style, recognisable anywhere.
    if (1..=3).contains(&digits_end) && text[digits_end..].starts_with("/ ") {
        return text[..digits_end].parse().ok();
    }
    if !in_zone {
        return None;
    }
    if digits_end == 0 || digits_end > 3 {
        return None;
    }
    let rest = &text[digits_end..];
    let rest = rest.strip_prefix('/').unwrap_or(rest);
    if !rest.starts_with([' ', '\u{a0}']) && !rest.is_empty() {
        return None;
    }
    text[..digits_end].parse().ok()
}

pub(crate) fn superscript_digit(c: char) -> Option<u32> {
    Some(match c {
        '⁰' => 0,
        '¹' => 1,
        '²' => 2,
        '³' => 3,
        '⁴' => 4,
        '⁵' => 5,
        '⁶' => 6,
        '⁷' => 7,
        '⁸' => 8,
        '⁹' => 9,
        _ => return None,
    })
}

/// `1. ` or `1.` alone: an operative paragraph number. OCR's `S.` for `5.`
/// and `l.` for `1.`, and its comma for the full stop (`10, Reaffirms` in
/// S/RES/301 (1971)), are read when `expected` is the number they stand
/// for (a comma also needs a capitalised word after it: `4, 5 and 6` is
/// no paragraph).
fn operative_number(text: &str, expected: u32) -> Option<u32> {
    // The number (read by `u32::from_str`, after OCR's letters are
    // mapped to digits) opens with a digit, one of those letters or a
    // `+`: most lines leave at their first byte.
    if !matches!(
        text.as_bytes().first(),
        Some(b'0'..=b'9' | b'S' | b'l' | b'I' | b'O' | b'+')
    ) {
        return None;
    }
    if let Some(n) = ocr_comma_number(text, expected) {
        return Some(n);
    }
    // The number has at most three characters: its full stop is among
    // the first four bytes, or it is no number.
    // (A byte search, not memchr: this runs on every line, and a call
    // of memchr costs more than four comparisons.)
    let dot = text.as_bytes()[..text.len().min(4)]
        .iter()
        .position(|&b| b == b'.')?;
    let (head, rest) = (&text[..dot], &text[dot + 1..]);
    if !(rest.is_empty() || rest.starts_with(' ')) || head.is_empty() || head.len() > 3 {
        return None;
    }
    if head.bytes().all(|b| b.is_ascii_digit()) {
        return head.parse().ok();
    }
    let ocr: String = head
        .chars()
        .map(|c| match c {
            'S' => '5',
            'l' | 'I' => '1',
            'O' => '0',
            other => other,
        })
        .collect();
    let n: u32 = ocr.parse().ok()?;
    (n == expected && rest.len() > 2).then_some(n)
}

/// `10, Reaffirms`: OCR's comma for the full stop of the paragraph
/// number `expected`, before a capitalised word.
fn ocr_comma_number(text: &str, expected: u32) -> Option<u32> {
    ocr_comma_head(text).and_then(|(n, _)| (n == expected).then_some(n))
}

/// The shape of OCR's comma for a paragraph number's full stop: one to
/// three digits, `, ` and a capitalised word (`10, Reaffirms`); the
/// number and the length of `10, `. The relation reader skips it as it
/// skips `10. `; layout takes it for a number only where that number is
/// the one expected next.
pub(crate) fn ocr_comma_head(text: &str) -> Option<(u32, usize)> {
    // A byte search, not memchr: this runs on many lines, and a call of
    // memchr costs more than four comparisons.
    let comma = text.as_bytes()[..text.len().min(4)]
        .iter()
        .position(|&b| b == b',')?;
    let (head, rest) = (&text[..comma], &text[comma + 1..]);
    let word = rest.strip_prefix(' ')?;
    let capitalised = word.chars().next().is_some_and(char::is_uppercase)
        && word.chars().nth(1).is_some_and(char::is_lowercase);
    if head.is_empty() || !head.bytes().all(|b| b.is_ascii_digit()) || !capitalised {
        return None;
    }
    Some((head.parse().ok()?, comma + 2))
}

fn sub_paragraph_start(text: &str) -> bool {
    let Some(rest) = text.strip_prefix('(') else {
        return false;
    };
    let Some((label, _)) = rest.split_once(')') else {
        return false;
    };
    !label.is_empty() && label.len() <= 5 && label.chars().all(|c| c.is_ascii_alphanumeric())
}

/// Whether a text writes one paragraph per line with no blank lines
/// between (the plain-text renderings of the UN's XML): then every line
/// is a paragraph, and a line opening with a number and a space after the
/// organ line is a footnote (`2 A/HRC/53/31.`).
fn one_paragraph_per_line(lines: &[Line<'_>]) -> bool {
    // One pass, left at the second blank line: most texts have blank
    // lines near their top.
    let (mut content, mut blank) = (0, 0);
    for line in lines {
        match line.kind {
            LineKind::Content => content += 1,
            LineKind::Blank if blank == 1 => return false,
            LineKind::Blank => blank += 1,
            _ => {}
        }
    }
    content >= 8
}

/// The blocks of a text's lines, one at a time: they are placed as they
/// come ([`place_blocks`]), never held in a list (a large text has
/// hundreds of thousands of them, whose memory would be fresh).
struct Blocks<'l, 'a> {
    lines: &'l [Line<'a>],
    /// Every line is a paragraph ([`one_paragraph_per_line`]).
    per_line: bool,
    /// The next line to read.
    next_line: usize,
    /// The block being built.
    current: Option<Block>,
    /// A block finished by the line just read, handed out next.
    finished: Option<Block>,
    in_zone: bool,
    closing_seen: bool,
    organ_seen: bool,
    pending_footnote: Option<u32>,
    page_break: bool,
}

impl<'l, 'a> Blocks<'l, 'a> {
    fn new(lines: &'l [Line<'a>]) -> Self {
        Blocks {
            lines,
            per_line: one_paragraph_per_line(lines),
            next_line: 0,
            current: None,
            finished: None,
            in_zone: false,
            closing_seen: false,
            organ_seen: false,
            pending_footnote: None,
            page_break: false,
        }
    }

    /// Ends the block being built. A line ends at most one block (once
    /// ended, `current` is empty until the line opens the next), so
    /// `finished` is free here.
    fn finish(&mut self) {
        if let Some(block) = self.current.take() {
            debug_assert!(self.finished.is_none());
            self.finished = Some(block);
        }
    }

    /// Reads the line at `index`.
    fn read_line(&mut self, index: usize) {
        let lines = self.lines;
        let line = &lines[index];
        match line.kind {
            LineKind::Blank => {
                self.finish();
                // Old Security Council texts print their footnotes after
                // the closing "Adopted at the ... meeting" line.
                self.in_zone |= self.closing_seen;
                return;
            }
            LineKind::Furniture | LineKind::PageBreak => {
                self.finish();
                self.in_zone = false;
                self.page_break = true;
                return;
            }
            LineKind::FootnoteRule => {
                self.finish();
                self.in_zone = true;
                return;
            }
            LineKind::Content => {}
        }
        if line.page_break_before {
            self.finish();
            self.in_zone = false;
            self.page_break = true;
        }
        let text = line.text;
        // pdftotext may print a footnote's number alone, then page
        // furniture, then its text.
        if self.in_zone && text.len() <= 3 && text.bytes().all(|b| b.is_ascii_digit()) {
            self.finish();
            self.pending_footnote = text.parse().ok();
            return;
        }
        let footnote = footnote_start(text, self.in_zone || (self.per_line && self.organ_seen))
            .or_else(|| {
                let pending = self.pending_footnote.take();
                pending.filter(|_| self.current.is_none())
            });
        let organ = is_organ_line(text);
        let starts_new = match &self.current {
            None => true,
            Some(block) => {
                let previous = lines[block.lines.end - 1].text;
                // Its last byte, not its last character: the marks are
                // ASCII, and no other character ends with their bytes.
                let last = previous.as_bytes().last().copied();
                let ended = matches!(last, Some(b',' | b';' | b':' | b'.'));
                self.per_line
                    || footnote.is_some()
                    || organ
                    || is_organ_line(previous)
                    || (ended && operative_number(text, 0).is_some())
                    || (ended && sub_paragraph_start(text))
                    || (matches!(last, Some(b',' | b';')) && opens_paragraph(text))
            }
        };
        self.organ_seen |= organ;
        if self.organ_seen && text.starts_with("Adopted") && is_closing_line(text) {
            self.closing_seen = true;
        }
        // "Adopted unanimously at the\n1018th meeting.": the closing line
        // of the printed SC volumes, broken in two.
        if self.organ_seen && !self.closing_seen && text.len() < 60 {
            // The block's opening line first (a comparison), the search of
            // the line only under such an opening: most short lines are
            // under none.
            let opened = self.current.as_ref().map(|b| lines[b.lines.start].text);
            if opened.is_some_and(|t| t.starts_with("Adopted") && t.len() < 60)
                // (`holds`, not a substring searcher built for each line.)
                && holds(text, "meeting")
            {
                self.closing_seen = true;
            }
        }
        if starts_new {
            self.finish();
            self.current = Some(Block {
                lines: index..index + 1,
                footnote,
                after_page_break: std::mem::take(&mut self.page_break),
            });
        } else if let Some(block) = self.current.as_mut() {
            block.lines.end = index + 1;
        }
    }
}

impl Iterator for Blocks<'_, '_> {
    type Item = Block;

    fn next(&mut self) -> Option<Block> {
        while self.next_line < self.lines.len() {
            self.next_line += 1;
            self.read_line(self.next_line - 1);
            if let Some(block) = self.finished.take() {
                return Some(block);
            }
        }
        self.current.take()
    }
}

/// Appends lines to `text`, joined by spaces, or directly where a line
/// ends with a hyphen (`Open-` + `ended`).
fn append_lines(source: &str, lines: &[Line<'_>], range: Range<usize>, text: &mut Mapped) {
    append_lines_with(source, lines, range, text, clean_line_into);
}

/// How one line is cleaned into a text: [`clean_line_into`], or
/// [`fold_line_into`] where cleaning only folds spaces
/// ([`Cleaning::Folds`]).
type CleanLine = fn(&mut Mapped, &str, usize);

/// [`append_lines`] with each line cleaned by `clean_line`.
fn append_lines_with(
    source: &str,
    lines: &[Line<'_>],
    range: Range<usize>,
    text: &mut Mapped,
    clean_line: CleanLine,
) {
    for line in &lines[range] {
        if !text.text.is_empty() && !text.ends_with_space() && !text.text.ends_with('-') {
            text.push_replacement(line.at(source).saturating_sub(1), ' ');
        }
        clean_line(text, line.text, line.at(source));
    }
}

/// Joins a later block, whose first line starts at `at`, to `text`.
fn join_to(text: &mut Mapped, join: Join, at: usize) {
    if join == Join::Space || !text.ends_with_space() {
        text.push_replacement(at.saturating_sub(1), ' ');
    }
}

/// Cuts the text's lines into blocks and places each as a paragraph, or
/// joins it to one.
fn place_blocks(out: &mut Layout<'_>) {
    // At most one paragraph per block, and a block holds a line at least:
    // one allocation, no copies as the list grows (fresh memory is dear on
    // a large text, and room never used is never touched).
    out.paragraphs.reserve_exact(out.lines.len());
    // An organ line is always a block of its own (it ends the block
    // before it and the one it opens): whether there is one is known from
    // the lines, most often from the first few dozen.
    let has_organ_line = out
        .lines
        .iter()
        .any(|l| l.kind == LineKind::Content && is_organ_line(l.text));
    let mut section = if has_organ_line {
        Section::Heading
    } else {
        Section::Operative
    };
    let mut preamble_count = 0u32;
    let mut operative_number_now: Option<u32> = None;
    let mut operative_relation = RelationSource::None;
    // Index in out.paragraphs of the last body (non-footnote) paragraph,
    // which a continuation block extends.
    let mut last_body: Option<usize> = None;
    let mut last_footnote: Option<usize> = None;
    let mut scratch = Mapped::default();
    let mut blocks = Blocks::new(&out.lines);
    for block in blocks.by_ref() {
        let first_line = &out.lines[block.lines.start];
        let (first, first_at, line_number) = (
            first_line.text,
            first_line.at(out.source),
            first_line.number as usize,
        );
        if let Some(n) = block.footnote {
            let mut paragraph = Paragraph::new(Section::Footnote, block.lines.clone(), line_number);
            paragraph.number = Some(n).filter(|n| *n > 0);
            paragraph.relation = RelationSource::Footnote;
            out.paragraphs.push(paragraph);
            last_footnote = Some(out.paragraphs.len() - 1);
            continue;
        }
        if section == Section::Heading {
            if block.lines.len() == 1 && is_organ_line(first) {
                out.organ_line = Some(first.trim_end_matches(',').to_string());
                section = Section::Preamble;
                mark_draft_title(&mut out.paragraphs);
                continue;
            }
            // `[on the report of the ... Committee` + `(A/78/421, para. 13)]`
            // Heading paragraphs are few and always read: their text is
            // built at once.
            let lines = &out.lines;
            if let Some(open) = out.paragraphs.last_mut().filter(|p| {
                p.section == Section::Heading
                    && p.text
                        .get()
                        .is_some_and(|t| t.text.starts_with('[') && !t.text.contains(']'))
            }) {
                if let Some(text) = open.text.get_mut() {
                    join_to(text, Join::Space, first_at);
                    append_lines(out.source, lines, block.lines.clone(), text);
                    let role = heading_role(&text.text, false);
                    open.heading_role = Some(role);
                    open.relation = RelationSource::Heading(role);
                }
                open.continue_with(Join::Space, block.lines.clone());
                continue;
            }
            let mut text = Mapped::default();
            append_lines(out.source, lines, block.lines.clone(), &mut text);
            let role = heading_role(&text.text, title_number_prefix(first).is_some());
            let mut paragraph = Paragraph::new(section, block.lines.clone(), line_number);
            paragraph.relation = RelationSource::Heading(role);
            paragraph.heading_role = Some(role);
            paragraph.text = OnceCell::from(Box::new(text));
            out.paragraphs.push(paragraph);
            continue;
        }
        let starts_lower = first.chars().next().is_some_and(|c| c.is_lowercase());
        // A paragraph cut by a page break (or a footnote block) goes on
        // where the previous one stopped.
        if let Some(last) = last_body {
            let numbered = operative_number(first, operative_number_now.map_or(1, |n| n + 1))
                .is_some()
                || sub_paragraph_start(first);
            // Cleaning the end of the previous paragraph only when the
            // answer matters.
            // A quotation opening after a colon goes on with the paragraph
            // that introduced it: "... on the question:" + "“What are the
            // legal consequences ...”," (S/RES/301 (1971)).
            let opens_quote = first.starts_with(['“', '"']);
            let continues = !numbered
                && (starts_lower
                    || ((block.after_page_break || opens_quote) && {
                        let last_char = out.last_visible_char(last, &mut scratch);
                        let open_sentence =
                            !last_char.is_some_and(|c| matches!(c, ',' | ';' | ':' | '.'));
                        (block.after_page_break && open_sentence)
                            || (opens_quote && last_char == Some(':'))
                    }));
            if continues {
                // A lower-case block right after footnotes may continue
                // the footnote rather than the body.
                let target = match last_footnote {
                    Some(f) if f > last && !block.after_page_break => f,
                    _ => last,
                };
                let lines = &out.lines;
                let paragraph = &mut out.paragraphs[target];
                if let Some(text) = paragraph.text.get_mut() {
                    join_to(text, Join::SpaceUnlessSpaced, first_at);
                    append_lines(out.source, lines, block.lines.clone(), text);
                }
                paragraph.continue_with(Join::SpaceUnlessSpaced, block.lines.clone());
                continue;
            }
        }
        if is_closing_line(first) {
            section = Section::Annex;
            continue;
        }
        if is_annex_heading(first) && section != Section::Heading {
            section = Section::Annex;
        }
        let index = out.paragraphs.len();
        let (number, relation) = match section {
            Section::Preamble | Section::Operative if has_organ_line => {
                let expected = operative_number_now.map_or(1, |n| n + 1);
                if let Some(n) = operative_number(first, expected) {
                    section = Section::Operative;
                    operative_number_now = Some(n);
                    operative_relation = RelationSource::Opening(index);
                    (Some(n), operative_relation)
                } else if section == Section::Operative {
                    (operative_number_now, operative_relation)
                } else if sub_paragraph_start(first) && preamble_count > 0 {
                    let relation =
                        last_body.map_or(RelationSource::None, |i| out.paragraphs[i].relation);
                    (Some(preamble_count), relation)
                } else {
                    preamble_count += 1;
                    (Some(preamble_count), RelationSource::Opening(index))
                }
            }
            Section::Annex => (
                operative_number(first, 0).filter(|_| first.len() > 3),
                RelationSource::Annex,
            ),
            _ => (None, RelationSource::None),
        };
        let mut paragraph = Paragraph::new(section, block.lines.clone(), line_number);
        paragraph.number = number;
        paragraph.relation = relation;
        paragraph.running = !has_organ_line && section == Section::Operative;
        out.paragraphs.push(paragraph);
        last_body = Some(out.paragraphs.len() - 1);
    }
}

/// Drops the footnote number (`1 `, `1/ `, `¹ `, `[^1]: `) from the
/// start of a footnote's text, so that it is not read as a citation.
fn strip_footnote_number(text: Mapped) -> Mapped {
    let t = &text.text;
    let skip = if let Some(rest) = t.strip_prefix("[^") {
        rest.find("]:").map(|i| i + 4)
    } else {
        let n = t
            .char_indices()
            .find(|(_, c)| !(c.is_ascii_digit() || superscript_digit(*c).is_some() || *c == '/'))
            .map_or(t.len(), |(i, _)| i);
        Some(n)
    };
    let Some(skip) = skip else { return text };
    let mut text = text;
    text.drop_front(skip);
    text
}

pub(crate) fn heading_role(text: &str, numbered_title: bool) -> HeadingRole {
    // ECOSOC prints "[on the recommendation of the Commission ... (E/2022/44)]"
    // and "[on a proposal considered in plenary meeting (E/2021/L.27)]".
    if text.contains("on the report of") || text.starts_with("[on the recommendation of") {
        HeadingRole::Report
    } else if text.contains("without reference to a Main Committee")
        || text.starts_with("[on a proposal")
    {
        HeadingRole::DraftOf
    } else if ends_with_bracketed_council_symbol(text) {
        // The printed Resolutions and Decisions of the Security Council
        // give the draft's symbol in brackets under the title: `182
        // (1963). Resolution of 4 December 1963` + `[S/5471]`.
        HeadingRole::DraftOf
    } else if numbered_title {
        HeadingRole::Title
    } else {
        HeadingRole::Other
    }
}

/// A heading that ends with a Council document symbol in brackets:
/// `[S/5471]`, `[S/268/Rev.1/Corr.1]`, `[S/1376, II]`.
fn ends_with_bracketed_council_symbol(text: &str) -> bool {
    let Some(inside) = text.trim_end().strip_suffix(']') else {
        return false;
    };
    let Some(open) = inside.rfind('[') else {
        return false;
    };
    inside[open + 1..]
        .strip_prefix("S/")
        .is_some_and(|rest| rest.starts_with(|c: char| c.is_ascii_digit()))
}

/// `45th plenary meeting`, `Adopted unanimously at the 3322nd meeting.`
fn is_closing_line(text: &str) -> bool {
    // Cheap length and first-byte tests first: this runs on every line.
    let first = text.as_bytes().first().copied().unwrap_or(b' ');
    if text.len() < 40 && first.is_ascii_digit() {
        return text.contains("plenary meeting");
    }
    text.len() < 90
        && (first == b'A' || first == b'a')
        && text
            .get(..8)
            .is_some_and(|p| p.eq_ignore_ascii_case("adopted "))
        && text.contains(" meeting")
}

/// `Annex`, `Annex I`, `Annexes`, `Annex to resolution 78/1`.
fn is_annex_heading(text: &str) -> bool {
    let t = text.trim_end_matches(['.', ' ']);
    t == "Annex" || t == "Annexes" || t.starts_with("Annex ") && t.len() < 40
}

/// A draft has no numbered title line: its title is the last heading
/// paragraph above the organ line that is not the sponsors' line.
fn mark_draft_title(paragraphs: &mut [Paragraph]) {
    if paragraphs
        .iter()
        .any(|p| p.heading_role == Some(HeadingRole::Title))
    {
        return;
    }
    if let Some(last) = paragraphs.last_mut() {
        let Some(text) = last.text.get() else { return };
        let t = &text.text;
        let not_title = t.contains("draft resolution")
            || t.contains("draft decision")
            || t.starts_with("Resolution adopted")
            || t.starts_with("Adopted")
            || t.starts_with("Agenda item")
            || t.starts_with('[');
        if last.heading_role == Some(HeadingRole::Other) && !not_title {
            last.heading_role = Some(HeadingRole::Title);
            last.relation = RelationSource::Heading(HeadingRole::Title);
        }
    }
}

/// Whether a line opens a preambular or operative paragraph by its first
/// word (`Recalling`, `Convinced`, `Welcomes`): used where a text has no
/// blank lines between paragraphs (pdftotext output).
fn opens_paragraph(text: &str) -> bool {
    let word: &str = text.split([' ', ',']).next().unwrap_or("");
    if !word.chars().next().is_some_and(|c| c.is_uppercase()) || word.len() < 5 {
        return false;
    }
    const OPENERS: [&str; 16] = [
        "Bearing",
        "Deeply",
        "Gravely",
        "Mindful",
        "Aware",
        "Conscious",
        "Convinced",
        "Determined",
        "Alarmed",
        "Concerned",
        "Also",
        "Further",
        "Taking",
        "Having",
        "Guided",
        "Noting",
    ];
    let ends_ing = word.len() > 3
        && word.is_char_boundary(word.len() - 3)
        && word[word.len() - 3..].eq_ignore_ascii_case("ing");
    OPENERS.contains(&word)
        || (ends_ing
            && !matches!(
                word,
                "During" | "Following" | "Including" | "Regarding" | "Concerning"
            ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bracketed_symbol_under_an_old_council_title_is_the_draft() {
        for text in [
            "182 (1963). Resolution of 4 December 1963 [S/5471]",
            "144 (1960). Resolution of 19 July 1960 [S/4395]",
            "Resolution 10 (1946) [S/268/Rev.1/Corr.1]",
            "[S/1376, II]",
        ] {
            assert_eq!(heading_role(text, true), HeadingRole::DraftOf, "{text}");
        }
        assert_eq!(
            heading_role("182 (1963). Resolution of 4 December 1963", true),
            HeadingRole::Title
        );
        assert_eq!(heading_role("[Text unchanged.]", false), HeadingRole::Other);
        assert_eq!(heading_role("[A/78/L.1]", false), HeadingRole::Other);
    }

    /// A quotation after a colon is part of the paragraph that introduces
    /// it, not a preambular paragraph of its own (S/RES/301 (1971)).
    #[test]
    fn a_quotation_after_a_colon_goes_on_with_its_paragraph() {
        let text = "Resolution 301 (1971)\nof 20 October 1971\n\nThe Security Council,\n\n\
                    Recalling its resolution 284 (1970) of 29 July 1970,\nin which it requested \
                    an advisory opinion on the question:\n\n\
                    “What are the legal consequences for States,\nnotwithstanding Security \
                    Council resolution 276\n(1970)?”,\n\n\
                    Recalling its resolution 282 (1970) of 23 July 1970,\n\n\
                    “Quoted” words open this paragraph after a comma,\n\n\
                    1. Decides to remain seized of the matter.\n";
        let doc = crate::extract(text, &crate::Hint::default());
        let places: Vec<(String, Option<u32>, String)> = doc
            .citations
            .iter()
            .map(|c| (c.target.to_string(), c.paragraph, c.relation.to_string()))
            .collect();
        assert_eq!(
            places,
            [
                (
                    "S/RES/284 (1970)".to_string(),
                    Some(1),
                    "recalling".to_string()
                ),
                (
                    "S/RES/276 (1970)".to_string(),
                    Some(1),
                    "recalling".to_string()
                ),
                (
                    "S/RES/282 (1970)".to_string(),
                    Some(2),
                    "recalling".to_string()
                ),
            ]
        );
    }

    #[test]
    fn operative_numbers_and_their_ocr_slips() {
        assert_eq!(operative_number("3. Urges the parties", 3), Some(3));
        assert_eq!(operative_number("S. Decides", 5), Some(5));
        // OCR's comma for the full stop (S/RES/301 (1971), S/RES/364 (1974)),
        // only for the number expected next and before a capitalised word.
        assert_eq!(
            operative_number("10, Reaffirms the provisions", 10),
            Some(10)
        );
        assert_eq!(operative_number("4, Extends once more", 4), Some(4));
        assert_eq!(operative_number("10, Reaffirms the provisions", 9), None);
        assert_eq!(operative_number("4, 5 and 6 of resolution", 4), None);
        assert_eq!(operative_number("4, UNAMID", 4), None);
    }

    /// The lines of a markdown front matter are furniture only once it
    /// closes; lines are classified as they are cut, so those of an open
    /// one wait, and are classified as any others if it never closes.
    #[test]
    fn a_front_matter_is_furniture_only_when_it_closes() {
        let furniture = Furniture {
            own_symbol_lines: Vec::new(),
        };
        let kinds = |lines: &[Line<'_>]| lines.iter().map(|l| l.kind).collect::<Vec<_>>();
        let closed = "---\nsymbol: \"A/RES/76/19\"\ndate: 2021-12-06\n---\n21-18253 (E)\n\
                      The General Assembly,\n";
        let mut out = Layout::default();
        let (lines, _) = split_lines(closed, &furniture, &mut out);
        assert_eq!(
            kinds(&lines),
            [
                LineKind::Furniture,
                LineKind::Furniture,
                LineKind::Furniture,
                LineKind::Furniture,
                LineKind::Furniture,
                LineKind::Content,
                LineKind::Blank,
            ]
        );
        assert_eq!(out.front_symbol.as_deref(), Some("A/RES/76/19"));
        assert_eq!(out.front_date.as_deref(), Some("2021-12-06"));

        let open = "---\nsymbol: A/RES/76/19\n21-18253 (E)\nThe General Assembly,\n";
        let mut out = Layout::default();
        let (lines, _) = split_lines(open, &furniture, &mut out);
        assert_eq!(
            kinds(&lines),
            [
                LineKind::Content,
                LineKind::Content,
                LineKind::Furniture,
                LineKind::Content,
                LineKind::Blank,
            ]
        );
        assert_eq!(out.front_symbol, None);
    }

    /// A form feed anywhere in a line opens a page at that line; a line
    /// of nothing but feeds is a page break.
    #[test]
    fn form_feeds_open_pages_at_their_lines() {
        let furniture = Furniture {
            own_symbol_lines: Vec::new(),
        };
        let source = "one\n\u{c}two\nthree \u{c} four\n\u{c}\u{c}\nfive\u{c}";
        let (lines, _) = split_lines(source, &furniture, &mut Layout::default());
        let read: Vec<(&str, bool, LineKind)> = lines
            .iter()
            .map(|l| (l.text, l.page_break_before, l.kind))
            .collect();
        assert_eq!(
            read,
            [
                ("one", false, LineKind::Content),
                ("two", true, LineKind::Content),
                ("three \u{c} four", true, LineKind::Content),
                ("", true, LineKind::PageBreak),
                ("five", true, LineKind::Content),
            ]
        );
        assert_eq!(
            lines.iter().map(|l| l.number).collect::<Vec<_>>(),
            [1, 2, 3, 4, 5]
        );
    }

    #[test]
    fn a_run_on_body_is_cut_into_paragraphs_with_exact_offsets() {
        let source = "Resolution 1501 (2003)\nThe Security Council, Recalling its resolutions 1484 (2003) and 1493 (2003), \
                      Reaffirming its commitment to the sovereignty of the Democratic Republic of the Congo, \
                      Acting under Chapter VII of the Charter, 1. Approves the report; 2. Decides to remain seized.\n";
        let furniture = Furniture {
            own_symbol_lines: Vec::new(),
        };
        let (lines, _) = split_lines(source, &furniture, &mut Layout::default());
        let texts: Vec<&str> = lines.iter().map(|l| l.text).collect();
        assert_eq!(
            texts,
            [
                "Resolution 1501 (2003)",
                "The Security Council,",
                "Recalling its resolutions 1484 (2003) and 1493 (2003),",
                "Reaffirming its commitment to the sovereignty of the Democratic Republic of the Congo,",
                "Acting under Chapter VII of the Charter,",
                "1. Approves the report;",
                "2. Decides to remain seized.",
                "",
            ]
        );
        for line in &lines {
            let at = line.at(source);
            assert_eq!(&source[at..at + line.text.len()], line.text);
        }
        // Short lines and lines that do not open with the organ are left whole.
        assert!(run_on_breaks("The Security Council, Recalling x,").is_empty());
        assert!(run_on_breaks(&format!("Recalling {}", "x, Noting y, ".repeat(40))).is_empty());
    }

    use proptest::strategy::Strategy;

    proptest::proptest! {
        /// Openings only pass lines over that the comparisons they stand
        /// before would reject: lines of the same words, and a line that
        /// is a symbol line in either case, open alike.
        #[test]
        fn openings_never_pass_over_a_line_that_matches(
            (a, b) in "[ \u{a0}]{0,2}(A|a|B|[0-9]|/|\u{e9}| |\u{2003}){0,6}".prop_flat_map(|a| {
                // The other line: another such line, or this one with its
                // case flipped and a page number after it, or with its
                // spaces changed.
                let flipped: String = a
                    .chars()
                    .map(|c| {
                        if c.is_ascii_lowercase() {
                            c.to_ascii_uppercase()
                        } else {
                            c.to_ascii_lowercase()
                        }
                    })
                    .collect();
                let respaced = a.split_whitespace().collect::<Vec<_>>().join("  ");
                let b = proptest::prop_oneof![
                    "[ \u{a0}]{0,2}(A|a|B|[0-9]|/|\u{e9}| |\u{2003}){0,6}".boxed(),
                    "( [0-9/]{1,3})?"
                        .prop_map(move |tail| format!("{flipped}{tail}"))
                        .boxed(),
                    proptest::strategy::Just(respaced).boxed(),
                ];
                (proptest::strategy::Just(a), b)
            }),
        ) {
            let mut exact = Openings::default();
            exact.add(&a, Case::Exact);
            if same_words(&a, &b) {
                proptest::prop_assert!(exact.may_open(&b));
            }
            let mut ascii = Openings::default();
            ascii.add(&a, Case::Ascii);
            if same_furniture(&b, &a) {
                proptest::prop_assert!(ascii.may_open(&b));
            }
        }
    }

    #[test]
    fn openings_pass_over_lines_that_open_otherwise() {
        let mut openings = Openings::default();
        openings.add("A/RES/73/3", Case::Ascii);
        assert!(openings.may_open("a/res/73/3 2/3"));
        assert!(!openings.may_open("Recalling its resolution 73/3"));
        let mut openings = Openings::default();
        openings.add("Political declaration", Case::Exact);
        assert!(!openings.may_open("political declaration"));
        openings.add("   ", Case::Exact);
        assert!(openings.may_open("political declaration"));
    }
}
