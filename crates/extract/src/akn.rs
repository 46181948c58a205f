//! Reading the UN's own XML: Akoma Ntoso for the United Nations (AKN4UN).
//!
//! The UN publishes its resolutions as Akoma Ntoso XML: the cover page,
//! the preface (number and title), the preamble, the operative
//! paragraphs with their numbers, footnotes (`authorialNote`) where their
//! marks stand, the conclusions and annexes, and in the metadata the
//! adoption date. Nothing here guesses layout: **sections, paragraph
//! numbers and footnote anchors come from the elements**, and the
//! document's own symbol, date and title from the metadata and cover page.
//! The words of each paragraph go through the same cleaning, scanning and
//! placing as a text's (one copy of each citation rule), and every span is
//! a byte offset into the XML file itself.
//!
//! The editors' hyperlinks (`<a href="https://undocs.org/en/A/RES/70/1">`)
//! are evidence, not the answer: citations come from the words, and a link
//! whose target is another document than the words cite is reported
//! ([`LinkFinding`], and a note in [`Document::diagnostics`]).
//!
//! ```
//! use resgraph_extract::{akn, Hint, Section, Verdicts};
//!
//! let xml = r##"<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0">
//!   <statement name="resolution">
//!     <meta><identification source="#DGACM"><FRBRWork>
//!       <FRBRdate date="2021-12-06" name="adoption"/>
//!     </FRBRWork></identification></meta>
//!     <coverPage><p><docNumber refersTo="#symbol">A/RES/76/19</docNumber></p></coverPage>
//!     <preface><p><docNumber>76/19.</docNumber> <docTitle>Developments</docTitle></p></preface>
//!     <preamble>
//!       <formula name="enactingFormula"><p>The General Assembly,</p></formula>
//!       <container name="Recalling"><p>Recalling its resolution
//!         <a href="https://undocs.org/en/A/RES/75/32">75/32</a> of 7 December 2020,<authorialNote marker="1"><p>See A/65/201.</p></authorialNote></p></container>
//!     </preamble>
//!     <mainBody><paragraph><num>1.</num><content><p>Welcomes resolution
//!       <a href="https://undocs.org/en/A/RES/75/241">75/240</a>;</p></content></paragraph></mainBody>
//!   </statement>
//! </akomaNtoso>"##;
//! let read = akn::read(xml, &Hint::default(), Verdicts::Skip).unwrap();
//! let doc = &read.explained.document;
//! assert_eq!(doc.symbol.as_ref().unwrap().to_string(), "A/RES/76/19");
//! assert_eq!(doc.date.unwrap().to_string(), "2021-12-06");
//! assert_eq!(doc.title.as_deref(), Some("Developments"));
//!
//! let recalled = &doc.citations[0];
//! assert_eq!(recalled.target.to_string(), "A/RES/75/32");
//! assert_eq!((recalled.section, recalled.paragraph), (Section::Preamble, Some(1)));
//! assert_eq!(&xml[recalled.start..recalled.end], "75/32");
//!
//! let footnote = &doc.citations[1];
//! assert_eq!((footnote.section, footnote.paragraph), (Section::Footnote, Some(1)));
//! assert_eq!(footnote.anchor_paragraph, Some(1));
//!
//! let welcomed = &doc.citations[2];
//! assert_eq!((welcomed.section, welcomed.paragraph), (Section::Operative, Some(1)));
//! assert_eq!(welcomed.relation, "welcomes");
//! // The link names 75/241, the words 75/240: a finding, and a note.
//! assert_eq!(read.links.iter().filter(|l| l.kind == akn::LinkKind::OtherDocument).count(), 1);
//! assert!(doc.diagnostics.iter().any(|d| d.message.contains("A/RES/75/241")));
//! ```

use std::collections::HashMap;

use resgraph_core::{Date, HeadingRole, Relation, Section};
use resgraph_symbol::{Organ, Symbol};

use crate::model::{Diagnostic, Document, Severity};
use crate::place::{place_at, Place};
use crate::scan::ScanState;
use crate::text::{clean_line_into, Mapped};
use crate::{verdict, Evidence, Explained, Hint, Text, Verdicts};

/// The Akoma Ntoso 3.0 namespace, which AKN4UN documents use.
pub const AKN_NAMESPACE: &str = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0";

/// Why a file could not be read as Akoma Ntoso. Line and column are
/// 1-based, in characters, as editors show them.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum AknError {
    /// The bytes are not well-formed XML.
    #[error("not well-formed XML at line {line}, column {column}: {reason}")]
    Malformed {
        /// Where the parser stopped.
        line: u32,
        /// Where the parser stopped.
        column: u32,
        /// What the parser expected there.
        reason: String,
    },
    /// Well-formed XML whose root is not Akoma Ntoso's `akomaNtoso`.
    #[error("not Akoma Ntoso XML: the root element at line {line}, column {column} is <{found}>, expected <akomaNtoso> in the namespace {AKN_NAMESPACE}")]
    NotAkn {
        /// Where the root element starts.
        line: u32,
        /// Where the root element starts.
        column: u32,
        /// The root element's name, with its namespace when it has one.
        found: String,
    },
    /// Binary content (NUL bytes): neither XML nor text.
    #[error("not a text file (binary content)")]
    Binary,
}

/// What the editors' hyperlink on some words says, compared with what
/// the words cite.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum LinkKind {
    /// The link names a document the words cite (a part letter the words
    /// add or the link adds aside).
    Agrees,
    /// The link names another document than the words cite: the
    /// editors' error (or the extractor's), reported as a note.
    OtherDocument,
    /// An undocs.org link over words from which no citation was read
    /// ("the 2030 Agenda", "the Charter").
    WordsCiteNothing,
    /// An undocs.org link whose path is no symbol resgraph reads (a
    /// series it does not know, such as `FCCC/CP/2015/10/Add.1`, or a
    /// temporary address).
    Unreadable,
    /// A link to the author's local file (`file:///...`): ignored.
    LocalFile,
    /// A link to another site than undocs.org: not a document symbol.
    OtherSite,
}

impl LinkKind {
    /// The kind's name, as reports print it.
    pub fn as_str(self) -> &'static str {
        match self {
            LinkKind::Agrees => "agrees",
            LinkKind::OtherDocument => "other-document",
            LinkKind::WordsCiteNothing => "words-cite-nothing",
            LinkKind::Unreadable => "unreadable",
            LinkKind::LocalFile => "local-file",
            LinkKind::OtherSite => "other-site",
        }
    }
}

/// One hyperlink of the document and what came of comparing it with the
/// citations read from its words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LinkFinding {
    /// The link's target as written.
    pub href: String,
    /// The symbol the link names, when it names one.
    pub linked: Option<Symbol>,
    /// What the words under the link cite (empty when nothing).
    pub cited: Vec<Symbol>,
    /// Byte span of the linked words in the XML file.
    pub start: usize,
    /// End of that span.
    pub end: usize,
    /// 1-based line of the link.
    pub line: usize,
    /// The verdict.
    pub kind: LinkKind,
}

/// An Akoma Ntoso document read: the document (and verdicts when asked
/// for) and its hyperlinks checked against its citations.
#[derive(Debug, Clone)]
pub struct AknRead {
    /// The document, with verdicts when [`Verdicts::Judge`] asked.
    pub explained: Explained,
    /// Every hyperlink in the document's text, in document order.
    pub links: Vec<LinkFinding>,
}

/// Whether `bytes` look like Akoma Ntoso XML: after an optional byte
/// order mark and white space they open with `<`, and the first 4 KiB
/// name the `akomaNtoso` element. Cheap; [`read`] decides for sure.
///
/// ```
/// assert!(resgraph_extract::akn::sniff(b"<?xml version=\"1.0\"?>\n<akomaNtoso xmlns=\"...\">"));
/// assert!(!resgraph_extract::akn::sniff(b"The General Assembly,\n<akomaNtoso>"));
/// ```
pub fn sniff(bytes: &[u8]) -> bool {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let start = bytes
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .unwrap_or(bytes.len());
    bytes.get(start) == Some(&b'<')
        && memchr::memmem::find(&bytes[start..bytes.len().min(start + 4096)], b"<akomaNtoso")
            .is_some()
}

/// [`read`] for raw bytes: UTF-8 read without a copy; other bytes decoded
/// as [`Text::decode`] says, with a note, offsets then referring to the
/// decoded text.
///
/// # Errors
///
/// As [`read`], and [`AknError::Binary`] for NUL bytes.
pub fn read_bytes(bytes: &[u8], hint: &Hint, verdicts: Verdicts) -> Result<AknRead, AknError> {
    if crate::is_binary(bytes) {
        return Err(AknError::Binary);
    }
    if let Ok(xml) = std::str::from_utf8(bytes) {
        return read(xml, hint, verdicts);
    }
    let text = Text::from_bytes(bytes);
    let mut read = read(&text.text, hint, verdicts)?;
    let diagnostics = &mut read.explained.document.diagnostics;
    if let Some(invalid) = text.invalid_utf8 {
        diagnostics.insert(0, crate::invalid_utf8_diagnostic(invalid));
    }
    if let Some(note) = crate::encoding_note(text.encoding) {
        diagnostics.insert(0, note);
    }
    Ok(read)
}

/// Reads an Akoma Ntoso document: its own symbol, date, session and title
/// from the metadata and cover page, its paragraphs from the elements,
/// their citations through the same scanner as texts, and its hyperlinks
/// checked against them. Spans are byte offsets into `xml`.
///
/// # Errors
///
/// [`AknError::Malformed`] for XML that is not well-formed,
/// [`AknError::NotAkn`] for XML whose root is not `akomaNtoso`; both
/// say where.
pub fn read(xml: &str, hint: &Hint, verdicts: Verdicts) -> Result<AknRead, AknError> {
    let tree = roxmltree::Document::parse(xml).map_err(|err| {
        let pos = err.pos();
        // The parser's message ends with the place, which ours says first.
        let said = err.to_string();
        let place = format!(" at {}:{}", pos.row, pos.col);
        AknError::Malformed {
            line: pos.row,
            column: pos.col,
            reason: said.strip_suffix(&place).unwrap_or(&said).to_string(),
        }
    })?;
    let root = tree.root_element();
    if root.tag_name().name() != "akomaNtoso" || root.tag_name().namespace() != Some(AKN_NAMESPACE)
    {
        let pos = tree.text_pos_at(root.range().start);
        let tag = root.tag_name();
        return Err(AknError::NotAkn {
            line: pos.row,
            column: pos.col,
            found: match tag.namespace() {
                Some(ns) => format!("{} xmlns=\"{ns}\"", tag.name()),
                None => tag.name().to_string(),
            },
        });
    }
    let mut walker = Walker {
        source: xml,
        line_breaks: memchr::memchr_iter(b'\n', xml.as_bytes()).collect(),
        units: Vec::new(),
        links: Vec::new(),
        kept: Vec::new(),
        own_numbers: Vec::new(),
        preamble_count: 0,
        groups: 0,
    };
    walker.visit(root, Context::START);
    let Walker {
        units,
        links,
        mut kept,
        own_numbers,
        ..
    } = walker;
    let mut doc = metadata(&tree, hint);
    let own_body = crate::own_body(doc.organ.as_deref());
    let mut evidence = (verdicts == Verdicts::Judge).then(Evidence::default);
    read_units(&units, &mut doc, own_body, evidence.as_mut());
    let links = check_links(links, &mut doc);
    // Character offsets, as Python indexes the file's text.
    crate::model::index_chars(&mut doc.citations, xml);
    let candidates = match evidence {
        Some(mut evidence) => {
            for &(start, end) in &own_numbers {
                kept.push((start, end));
                evidence.excluded.push(verdict::Excluded {
                    start,
                    end,
                    reason: verdict::Reason::OwnSymbol,
                });
            }
            // The verdicts look at the words only: markup and metadata
            // are blanked in place, so that offsets stay the file's.
            let words = blank_outside(xml, kept);
            verdict::judge(&words, &doc, &evidence.excluded, &evidence.furniture)
        }
        None => Vec::new(),
    };
    Ok(AknRead {
        explained: Explained {
            document: doc,
            candidates,
        },
        links,
    })
}

/// A paragraph-level piece of text (`p`, `heading`, `listIntroduction`,
/// ...) with its place, as the elements around it say.
struct Unit {
    section: Section,
    number: Option<u32>,
    relation: UnitRelation,
    anchor: Option<(Section, Option<u32>)>,
    text: Mapped,
    line: usize,
}

/// Where a unit's relation comes from.
#[derive(Debug, Clone, Copy)]
enum UnitRelation {
    /// The opening words of the first unit of its group (a preambular
    /// paragraph, an operative paragraph with its sub-paragraphs), or of
    /// itself outside a group.
    Opening(Option<u32>),
    /// A cover page or preface line: its role's verb.
    Heading {
        /// The preface, which holds the document's number and title.
        title: bool,
    },
    Footnote,
    Annex,
    None,
}

/// What the enclosing elements say about the text below them.
#[derive(Debug, Clone, Copy)]
struct Context {
    section: Section,
    number: Option<u32>,
    group: Option<u32>,
    title: bool,
    /// Inside a quoted or embedded structure: its paragraphs are quoted
    /// text, not the document's own.
    quoted: bool,
    /// Inside the conclusions (the meeting and vote lines).
    closing: bool,
}

impl Context {
    const START: Context = Context {
        section: Section::Heading,
        number: None,
        group: None,
        title: false,
        quoted: false,
        closing: false,
    };
}

/// The elements whose text is one paragraph (those `akn2txt.py` writes a
/// line for).
const PARAGRAPH_ELEMENTS: [&str; 7] = [
    "p",
    "heading",
    "subheading",
    "crossHeading",
    "listIntroduction",
    "listWrapUp",
    "block",
];

/// A hyperlink met in a unit: its target and the source span of its words.
struct Link {
    href: String,
    span: Option<(usize, usize)>,
    line: usize,
}

struct Walker<'input> {
    source: &'input str,
    /// Offsets of the source's line feeds.
    line_breaks: Vec<usize>,
    units: Vec<Unit>,
    links: Vec<Link>,
    /// Source ranges of the words read (text nodes of units).
    kept: Vec<(usize, usize)>,
    /// Source ranges of the document's own number (`docNumber`).
    own_numbers: Vec<(usize, usize)>,
    preamble_count: u32,
    groups: u32,
}

impl Walker<'_> {
    /// The 1-based line of source offset `at` (a search in the line
    /// breaks found once: `text_pos_at` counts from the start each time).
    fn line_of(&self, at: usize) -> usize {
        self.line_breaks.partition_point(|&b| b < at) + 1
    }

    fn new_group(&mut self) -> Option<u32> {
        self.groups += 1;
        Some(self.groups)
    }

    fn visit(&mut self, node: roxmltree::Node<'_, '_>, ctx: Context) {
        for child in node.children().filter(roxmltree::Node::is_element) {
            let name = child.tag_name().name();
            let mut inner = ctx;
            // Inside an annex, the annexed document's own parts are the
            // annex.
            let annexed = ctx.section == Section::Annex;
            match name {
                "meta" | "num" => continue,
                "coverPage" | "preface" if !annexed => {
                    inner.section = Section::Heading;
                    inner.title = name == "preface";
                    inner.closing = false;
                }
                "preamble" if !annexed => {
                    inner.section = Section::Preamble;
                    inner.closing = false;
                    self.preamble_count = 0;
                    self.visit_preamble(child, inner);
                    continue;
                }
                "mainBody" if !annexed => {
                    inner.section = Section::Operative;
                    inner.closing = false;
                    inner.number = None;
                    inner.group = None;
                }
                "conclusions" if !annexed => {
                    inner.section = Section::Operative;
                    inner.number = None;
                    inner.group = None;
                    inner.closing = true;
                }
                "attachments" | "attachment" => {
                    inner.section = Section::Annex;
                    inner.number = None;
                    inner.group = None;
                    inner.closing = false;
                }
                "embeddedStructure" | "quotedStructure" | "quotedText" => inner.quoted = true,
                "paragraph"
                    if matches!(ctx.section, Section::Operative | Section::Annex)
                        && !ctx.quoted
                        && ctx.number.is_none() =>
                {
                    inner.number = paragraph_number(child);
                    inner.group = self.new_group();
                }
                "authorialNote" => {
                    self.footnote(child, ctx);
                    continue;
                }
                _ if PARAGRAPH_ELEMENTS.contains(&name) => {
                    self.unit(child, inner);
                    continue;
                }
                _ => {}
            }
            self.visit(child, inner);
        }
    }

    /// The preamble: each child but the enacting formula is one
    /// preambular paragraph, numbered from 1.
    fn visit_preamble(&mut self, node: roxmltree::Node<'_, '_>, ctx: Context) {
        for child in node.children().filter(roxmltree::Node::is_element) {
            let mut inner = ctx;
            inner.group = self.new_group();
            if child.tag_name().name() != "formula" {
                self.preamble_count += 1;
                inner.number = Some(self.preamble_count);
            }
            if PARAGRAPH_ELEMENTS.contains(&child.tag_name().name()) {
                self.unit(child, inner);
            } else {
                self.visit(child, inner);
            }
        }
    }

    /// A footnote: its paragraphs, numbered by its marker, anchored to
    /// the paragraph whose text holds it.
    fn footnote(&mut self, note: roxmltree::Node<'_, '_>, holder: Context) {
        let inner = Context {
            section: Section::Footnote,
            number: note.attribute("marker").and_then(|m| m.trim().parse().ok()),
            group: None,
            title: false,
            quoted: false,
            closing: false,
        };
        let anchor = Some((holder.section, holder.number));
        let first = self.units.len();
        self.visit(note, inner);
        for unit in &mut self.units[first..] {
            unit.anchor = anchor;
        }
    }

    /// One paragraph-level element: its words, then its footnotes.
    fn unit(&mut self, node: roxmltree::Node<'_, '_>, ctx: Context) {
        let mut text = Mapped::default();
        let mut notes = Vec::new();
        self.collect(node, &mut text, &mut notes);
        let relation = match ctx.section {
            Section::Heading => UnitRelation::Heading { title: ctx.title },
            Section::Footnote => UnitRelation::Footnote,
            Section::Annex => UnitRelation::Annex,
            _ if ctx.closing => UnitRelation::None,
            _ => UnitRelation::Opening(ctx.group),
        };
        self.units.push(Unit {
            section: ctx.section,
            number: ctx.number,
            relation,
            anchor: None,
            text,
            line: self.line_of(node.range().start),
        });
        for note in notes {
            self.footnote(note, ctx);
        }
    }

    /// Appends the words below `node` to `text`; footnotes met are kept
    /// for later, hyperlinks recorded.
    fn collect<'a, 'i>(
        &mut self,
        node: roxmltree::Node<'a, 'i>,
        text: &mut Mapped,
        notes: &mut Vec<roxmltree::Node<'a, 'i>>,
    ) {
        for child in node.children() {
            if child.is_text() {
                let range = child.range();
                self.kept.push((range.start, range.end));
                append_words(text, &self.source[range.clone()], range.start);
                continue;
            }
            if !child.is_element() {
                continue;
            }
            match child.tag_name().name() {
                "authorialNote" => notes.push(child),
                // The document's own number (cover page, preface): never
                // a citation, so not scanned; a space keeps the words
                // around it apart.
                "docNumber" => {
                    for words in child.descendants().filter(roxmltree::Node::is_text) {
                        self.own_numbers
                            .push((words.range().start, words.range().end));
                    }
                    if !text.ends_with_space() {
                        text.push_replacement(child.range().start, ' ');
                    }
                }
                // A line break in print: a space between the words.
                "eol" | "eop" | "br" => {
                    if !text.ends_with_space() {
                        text.push_replacement(child.range().start, ' ');
                    }
                }
                "a" | "ref" => {
                    let from = text.text.len();
                    self.collect(child, text, notes);
                    let words = text.text[from..].trim_end();
                    let lead = words.len() - words.trim_start().len();
                    let span = (words.len() > lead)
                        .then(|| text.source_span(from + lead, from + words.len()));
                    if let Some(href) = child.attribute("href") {
                        self.links.push(Link {
                            href: href.to_string(),
                            span,
                            line: self.line_of(child.range().start),
                        });
                    }
                }
                _ => self.collect(child, text, notes),
            }
        }
    }
}

/// The number of an operative paragraph from its `<num>` (`1.`, `12`).
fn paragraph_number(paragraph: roxmltree::Node<'_, '_>) -> Option<u32> {
    let num = paragraph
        .children()
        .find(|c| c.is_element() && c.tag_name().name() == "num")?;
    let text: String = num
        .descendants()
        .filter(roxmltree::Node::is_text)
        .filter_map(|t| t.text())
        .collect();
    let digits: String = text
        .trim()
        .chars()
        .take_while(char::is_ascii_digit)
        .collect();
    digits.parse().ok()
}

/// Appends the raw text `raw` (a text node as the file spells it, at
/// source offset `at`) to `text`: line breaks and tabs read as spaces, and
/// the runs between them are cleaned as a text line is
/// (`clean_line_into`: runs of spaces folded, entities, no-break spaces,
/// soft hyphens).
fn append_words(text: &mut Mapped, raw: &str, at: usize) {
    let bytes = raw.as_bytes();
    let is_break = |b: u8| matches!(b, b'\t' | b'\n' | b'\r');
    let mut i = 0;
    while i < bytes.len() {
        let start = i;
        if is_break(bytes[i]) {
            while i < bytes.len() && (is_break(bytes[i]) || bytes[i] == b' ') {
                i += 1;
            }
            if !text.ends_with_space() {
                text.push_replacement(at + start, ' ');
            }
        } else {
            i = memchr::memchr3(b'\t', b'\n', b'\r', &bytes[i..]).map_or(bytes.len(), |n| i + n);
            clean_line_into(text, &raw[start..i], at + start);
        }
    }
}

/// The document's own facts: the symbol on the cover page (`docNumber`
/// referring to `#symbol`), the adoption date of the work
/// (`FRBRWork/FRBRdate name="adoption"`), the preface's titles, the organ
/// and session.
fn metadata(tree: &roxmltree::Document<'_>, hint: &Hint) -> Document {
    let elements = || tree.descendants().filter(roxmltree::Node::is_element);
    let named = |name: &'static str| elements().filter(move |n| n.tag_name().name() == name);
    let printed_symbol = named("docNumber")
        .find(|n| n.attribute("refersTo") == Some("#symbol"))
        .map(|n| words_of(n));
    let symbol = printed_symbol
        .as_deref()
        .and_then(own_symbol)
        .or_else(|| hint.symbol.clone());
    let date = named("FRBRdate")
        .find(|n| {
            n.attribute("name") == Some("adoption")
                && n.parent()
                    .is_some_and(|p| p.tag_name().name() == "FRBRWork")
        })
        .and_then(|n| n.attribute("date"))
        .and_then(|d| d.parse::<Date>().ok());
    // The titles of the first preface (a collection's common title comes
    // before its parts' prefaces).
    let titles: Vec<String> = named("preface")
        .next()
        .map(|preface| {
            preface
                .descendants()
                .filter(|n| n.is_element() && n.tag_name().name() == "docTitle")
                .map(words_of)
                .filter(|t| !t.is_empty())
                .collect()
        })
        .unwrap_or_default();
    let organ = symbol
        .as_ref()
        .map(Symbol::organ)
        .filter(|o| *o != Organ::Other)
        .map(|o| o.name().to_string())
        .or_else(|| {
            named("docAuthority")
                .find(|n| n.attribute("refersTo") == Some("#issuingBody"))
                .map(words_of)
        });
    let session = named("session")
        .next()
        .and_then(|n| n.attribute("value"))
        .and_then(|v| v.trim().parse().ok())
        .or_else(|| symbol.as_ref().and_then(crate::meta::session_from_symbol));
    let title = if matches!(symbol, Some(Symbol::ScResolution { .. })) || titles.is_empty() {
        None
    } else {
        Some(titles.join(" | "))
    };
    Document {
        source: hint.source.clone(),
        symbol,
        organ,
        session,
        date,
        title,
        ..Document::default()
    }
}

/// The symbol a cover page prints. A file holding several parts
/// (`A/RES/75/101 A-B`, a `documentCollection`) or a part symbols cannot
/// carry (`E/RES/2021/2 B`: ECOSOC resolutions have no parts in
/// [`Symbol`]) is read as the resolution without parts: the node its
/// citations come from.
fn own_symbol(printed: &str) -> Option<Symbol> {
    let parse = |s: &str| s.parse::<Symbol>().or_else(|_| Symbol::parse_loose(s)).ok();
    parse(printed).or_else(|| {
        let (base, parts) = printed.trim().rsplit_once(' ')?;
        let is_parts = !parts.is_empty()
            && parts
                .split('-')
                .all(|p| p.len() == 1 && p.chars().all(|c| c.is_ascii_uppercase()));
        is_parts.then(|| parse(base)).flatten()
    })
}

/// The words below an element, footnotes left out, white space
/// normalized.
fn words_of(node: roxmltree::Node<'_, '_>) -> String {
    let mut out = String::new();
    for text in node.descendants().filter(roxmltree::Node::is_text) {
        let in_note = text
            .ancestors()
            .take_while(|a| *a != node)
            .any(|a| a.tag_name().name() == "authorialNote");
        if !in_note {
            out.push_str(text.text().unwrap_or(""));
        }
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Anchor test, scan and placing of every unit: the loop of
/// `crate::read`, over paragraphs whose place the elements gave.
fn read_units(
    units: &[Unit],
    doc: &mut Document,
    own_body: resgraph_symbol::Body,
    mut evidence: Option<&mut Evidence>,
) {
    let mut state = ScanState::new(own_body);
    // The relation of a group is read from its first unit, whether or not
    // that one cites anything; but only once a unit of the group cites
    // something (most groups cite nothing, and reading an opening is
    // dear).
    let mut first_of_group: HashMap<u32, &Unit> = HashMap::new();
    let mut openings: HashMap<u32, Relation> = HashMap::new();
    for unit in units {
        if let UnitRelation::Opening(Some(group)) = unit.relation {
            first_of_group.entry(group).or_insert(unit);
        }
        if !crate::anchor::exhaustive()
            && !crate::anchor::Triggers::of(unit.text.text.as_bytes()).any()
        {
            continue;
        }
        let mentions = crate::scan_paragraph(
            &unit.text,
            unit.line,
            &mut state,
            doc,
            evidence.as_deref_mut(),
        );
        if mentions.is_empty() {
            continue;
        }
        let relation = match unit.relation {
            UnitRelation::Opening(Some(group)) => openings
                .entry(group)
                .or_insert_with(|| {
                    let first = first_of_group.get(&group).copied().unwrap_or(unit);
                    crate::relation::opening_relation(&first.text.text)
                })
                .clone(),
            UnitRelation::Opening(None) => crate::relation::opening_relation(&unit.text.text),
            UnitRelation::Heading { title } => {
                Relation::heading(heading_role(&unit.text.text, title))
            }
            UnitRelation::Footnote => Relation::SEE,
            UnitRelation::Annex => Relation::ANNEX,
            UnitRelation::None => Relation::EMPTY,
        };
        let place = Place {
            section: unit.section,
            number: unit.number,
            line: unit.line,
            running: false,
            relation,
            anchor: unit.anchor,
        };
        place_at(
            doc,
            &place,
            &unit.text,
            mentions,
            evidence.as_deref_mut().map(|e| &mut e.excluded),
        );
    }
    doc.citations.sort_by_key(|c| c.start);
}

/// The role of a cover page or preface line: the committee report or
/// draft its bracketed line names, the title in the preface.
fn heading_role(text: &str, title: bool) -> HeadingRole {
    crate::layout::heading_role(text.trim_start(), title)
}

/// The target an editor's link names.
enum LinkTarget {
    Document(Symbol),
    Unreadable,
    LocalFile,
    OtherSite,
}

/// What `href` points to: a document on undocs.org (`/en/A/RES/70/1`,
/// `/S/RES/2547(2020)`, `/A/RES/74/92a-b`), an author's local file, or
/// something else.
fn link_target(href: &str) -> LinkTarget {
    let lower = href.trim().to_ascii_lowercase();
    if lower.starts_with("file:") {
        return LinkTarget::LocalFile;
    }
    let Some(at) = lower.find("undocs.org/") else {
        return LinkTarget::OtherSite;
    };
    let href = href.trim();
    let mut path = &href[at + "undocs.org/".len()..];
    // The search form: `Home/Mobile?FinalSymbol=A%2FRES%2F77%2F232&...`.
    let asked = path
        .split(['?', '&'])
        .find_map(|p| p.strip_prefix("FinalSymbol="));
    if let Some(asked) = asked {
        path = asked;
    }
    path = path.split(['?', '#', '&']).next().unwrap_or("");
    // A language segment: `en/`, `fr/`, `zh/`.
    if let Some((lang, rest)) = path.split_once('/') {
        if lang.len() == 2 && lang.chars().all(|c| c.is_ascii_alphabetic()) {
            path = rest;
        }
    }
    let path = percent_decoded(path).replace('+', " ");
    let path = path.trim().trim_end_matches('/');
    let parse = |s: &str| s.parse::<Symbol>().or_else(|_| Symbol::parse_loose(s)).ok();
    let symbol = parse(path)
        .or_else(|| {
            // `A/RES/74/92a-b`: the parts the words name, dropped.
            let trimmed = path.trim_end_matches(|c: char| c.is_ascii_lowercase() || c == '-');
            (trimmed.len() < path.len())
                .then(|| parse(trimmed))
                .flatten()
        })
        .or_else(|| {
            // `NPT/CONF.2010/50(Vol.I)`, `A/77/6 (PLAN OUTLINE)`: the
            // document without the volume or part the words leave out.
            let (document, _) = path.split_once('(')?;
            parse(document.trim())
        });
    symbol.map_or(LinkTarget::Unreadable, LinkTarget::Document)
}

/// `%2F` and the like decoded (a malformed escape is kept as written).
fn percent_decoded(path: &str) -> String {
    let bytes = path.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = bytes
            .get(i + 1..i + 3)
            .and_then(|h| std::str::from_utf8(h).ok())
            .and_then(|h| u8::from_str_radix(h, 16).ok());
        match (bytes[i], hex) {
            (b'%', Some(byte)) => {
                out.push(byte);
                i += 3;
            }
            (byte, _) => {
                out.push(byte);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Compares every link with the citations its words hold; a link naming
/// another document becomes a note.
fn check_links(links: Vec<Link>, doc: &mut Document) -> Vec<LinkFinding> {
    let mut findings = Vec::with_capacity(links.len());
    for link in links {
        let (start, end) = link.span.unwrap_or((0, 0));
        let cited: Vec<Symbol> = if link.span.is_some() {
            doc.citations
                .iter()
                .filter(|c| c.start < end && start < c.end)
                .map(|c| c.target.clone())
                .collect()
        } else {
            Vec::new()
        };
        let (linked, kind) = match link_target(&link.href) {
            LinkTarget::LocalFile => (None, LinkKind::LocalFile),
            LinkTarget::OtherSite => (None, LinkKind::OtherSite),
            LinkTarget::Unreadable => (None, LinkKind::Unreadable),
            LinkTarget::Document(symbol) => {
                let kind = if cited.is_empty() {
                    LinkKind::WordsCiteNothing
                } else if cited
                    .iter()
                    .any(|c| c.without_part() == symbol.without_part())
                {
                    LinkKind::Agrees
                } else {
                    LinkKind::OtherDocument
                };
                (Some(symbol), kind)
            }
        };
        if kind == LinkKind::OtherDocument {
            if let Some(linked) = &linked {
                let words: Vec<String> = cited.iter().map(Symbol::to_string).collect();
                doc.diagnostics.push(Diagnostic {
                    severity: Severity::Note,
                    line: link.line,
                    message: format!(
                        "hyperlink names {linked} but its words cite {}: the link is not followed",
                        words.join(", ")
                    ),
                });
            }
        }
        findings.push(LinkFinding {
            href: link.href,
            linked,
            cited,
            start,
            end,
            line: link.line,
            kind,
        });
    }
    findings
}

/// `xml` with every byte outside `kept` blanked (line breaks kept, so
/// that lines stay the file's).
fn blank_outside(xml: &str, mut kept: Vec<(usize, usize)>) -> String {
    kept.sort_unstable();
    let mut out = Vec::with_capacity(xml.len());
    let bytes = xml.as_bytes();
    let mut at = 0;
    let blank = |out: &mut Vec<u8>, from: usize, to: usize| {
        out.extend(
            bytes[from..to]
                .iter()
                .map(|&b| if b == b'\n' { b'\n' } else { b' ' }),
        );
    };
    for (start, end) in kept {
        if start < at {
            continue;
        }
        blank(&mut out, at, start);
        out.extend_from_slice(&bytes[start..end]);
        at = end;
    }
    blank(&mut out, at, bytes.len());
    // Kept ranges are whole text nodes and blanked bytes become ASCII
    // spaces: the result is UTF-8.
    String::from_utf8(out).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    const OPEN: &str =
        "<akomaNtoso xmlns=\"http://docs.oasis-open.org/legaldocml/ns/akn/3.0\"><statement>";

    #[test]
    fn links_name_their_documents() {
        let symbol = |href: &str| match link_target(href) {
            LinkTarget::Document(s) => Some(s.to_string()),
            _ => None,
        };
        assert_eq!(
            symbol("https://undocs.org/en/S/RES/2547(2020)").as_deref(),
            Some("S/RES/2547 (2020)")
        );
        assert_eq!(
            symbol("https://undocs.org/en/A/RES/74/92a-b").as_deref(),
            Some("A/RES/74/92")
        );
        assert_eq!(
            symbol(
                "https://www.undocs.org/Home/Mobile?FinalSymbol=A%2FRES%2F77%2F232&amp;Language=E"
            )
            .as_deref(),
            Some("A/RES/77/232")
        );
        assert!(matches!(
            link_target("file:///C:/Users/a.docx"),
            LinkTarget::LocalFile
        ));
        assert!(matches!(
            link_target("https://treaties.un.org/x"),
            LinkTarget::OtherSite
        ));
    }

    #[test]
    fn a_part_symbol_is_read_without_its_parts() {
        assert_eq!(
            own_symbol("A/RES/75/101 A-B")
                .map(|s| s.to_string())
                .as_deref(),
            Some("A/RES/75/101")
        );
        assert_eq!(
            own_symbol("A/RES/75/242 B")
                .map(|s| s.to_string())
                .as_deref(),
            Some("A/RES/75/242 B")
        );
        assert_eq!(
            own_symbol("E/RES/2021/2 B")
                .map(|s| s.to_string())
                .as_deref(),
            Some("E/RES/2021/2")
        );
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(400))]

        /// Whatever the elements, entities and words, reading returns a
        /// document or an error with a place, and every span lies on
        /// character boundaries inside the file.
        #[test]
        fn any_akoma_ntoso_shaped_input_is_read_without_panicking(
            body in "(<preamble>|</preamble>|<mainBody>|</mainBody>|<paragraph>|</paragraph>|<num>1.</num>|<p>|</p>|<authorialNote marker=\"1\">|</authorialNote>|<a href=\"https://undocs.org/en/A/RES/7[0-9]/1\">|</a>|<eol/>|<docNumber refersTo=\"#symbol\">A/RES/76/19</docNumber>|Recalling its resolution |7[0-9]/[0-9]{1,3}| of 7 December 2020|&amp;|&#160;|\u{a0}|é|\n|\t| ){0,40}"
        ) {
            let xml = format!("{OPEN}{body}</statement></akomaNtoso>");
            for verdicts in [Verdicts::Skip, Verdicts::Judge] {
                match read(&xml, &Hint::default(), verdicts) {
                    Ok(read) => {
                        for c in &read.explained.document.citations {
                            prop_assert!(c.start < c.end && c.end <= xml.len());
                            prop_assert!(xml.is_char_boundary(c.start) && xml.is_char_boundary(c.end));
                            // Character offsets index the file's text as Python does.
                            prop_assert_eq!(c.start_char, xml[..c.start].chars().count());
                            prop_assert_eq!(c.end_char - c.start_char, xml[c.start..c.end].chars().count());
                        }
                    }
                    Err(AknError::Malformed { line, column, .. }) => {
                        prop_assert!(line >= 1 && column >= 1);
                    }
                    Err(other) => prop_assert!(false, "{other}"),
                }
            }
        }
    }
}
