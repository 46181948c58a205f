//! # Citation extraction from UN texts
//!
//! A UN resolution is built on earlier ones: its preamble *recalls*
//! them ("Recalling its resolutions 43/78 H of 7 December 1988, 53/70 of
//! 4 December 1998 ..."), its footnotes point to reports ("See A/65/201"),
//! its operative paragraphs act on them ("as affirmed in General Assembly
//! resolution 76/19"). This crate reads such a text and returns a
//! [`Document`]: the document's own symbol, date, session and title, and
//! every [`Citation`] with its canonical target, the byte span of the
//! mention, the date the text gives for it, where it stands
//! ([`Section`], paragraph number) and how the paragraph treats it
//! (`recalling`, `welcomes`, `see`).
//!
//! ```
//! use resgraph_extract::{extract, Hint, Section};
//!
//! let text = "The General Assembly,\n\n\
//!     Recalling its resolutions [43/78](#) H of 7 December 1988, \
//!     74/28 and 74/29 of 12 December 2019,¹\n\n\
//!     ¹ See A/65/201.\n\n\
//!     1. *Welcomes* the report, as affirmed in General Assembly resolution 76/19;\n";
//! let doc = extract(text, &Hint::default());
//!
//! let first = &doc.citations[0];
//! assert_eq!(first.target.to_string(), "A/RES/43/78 H");
//! assert_eq!(first.cited_date.unwrap().to_string(), "1988-12-07");
//! assert_eq!((first.section, first.paragraph), (Section::Preamble, Some(1)));
//! assert_eq!(first.relation, "recalling");
//! assert_eq!(&text[first.start..first.end], "43/78](#) H");
//! assert_eq!(first.text, "43/78 H");
//!
//! // One date closing a list of one session belongs to all of it.
//! assert_eq!(doc.citations[1].cited_date, doc.citations[2].cited_date);
//!
//! let footnote = &doc.citations[3];
//! assert_eq!(footnote.target.to_string(), "A/65/201");
//! assert_eq!((footnote.section, footnote.relation.as_str()), (Section::Footnote, "see"));
//! assert_eq!(footnote.anchor_paragraph, Some(1));
//!
//! let operative = &doc.citations[4];
//! assert_eq!((operative.section, operative.paragraph), (Section::Operative, Some(1)));
//! assert_eq!(operative.relation, "welcomes");
//! ```
//!
//! ## How it reads a text
//!
//! 1. **Lines to paragraphs** (`layout`): page furniture of the official
//!    PDFs is dropped (running headers that repeat the symbol and title,
//!    job numbers `21-18253 (E)`, barcodes, page numbers `2/3`); lines are
//!    joined, paragraphs cut by a page break are put back together;
//!    footnotes (after a `____` rule, or marked `¹`, `[^1]:`, `1/`) are
//!    set apart; each paragraph is placed in the heading, preamble,
//!    operative part, a footnote or an annex.
//! 2. **Cleaning** (`text`): markdown links, HTML tags and entities,
//!    no-break spaces and soft hyphens are removed from a copy that maps
//!    every byte back to the source.
//! 3. **Scanning** (`scan`): a citation starts at the word `resolution(s)`
//!    or `decision(s)` followed by a list of numbers, or at a masthead
//!    symbol written out. The body named before the word decides what the
//!    digits mean (`Human Rights Council resolution 47/16`), as does the
//!    form of the number (`1373 (2001)` is the Security Council, `2625
//!    (XXV)` the Assembly before 1976, `1996/31` the Economic and Social
//!    Council).
//! 4. **Placing**: footnotes are tied to the paragraph carrying their
//!    mark; the document's own symbol is never a citation.
//!
//! Extraction never fails: whatever the bytes, it returns a document, and
//! what it could not read is in [`Document::diagnostics`].
#![forbid(unsafe_code)]
#![warn(missing_docs)]

pub mod akn;
mod anchor;
mod dates;
mod decode;
pub mod html;
mod layout;
mod meta;
mod model;
mod place;
mod relation;
mod scan;
mod spans;
mod text;
mod verdict;

use resgraph_symbol::{Body, Organ, Symbol};

pub use decode::{read_limited, InvalidUtf8, SourceEncoding, Text, TooLarge, MAX_TEXT_BYTES};
pub use meta::symbol_from_file_name;
pub use model::{Citation, Diagnostic, Document, Severity, SCHEMA_VERSION};
pub use resgraph_core::{Date, DateParseError, HeadingRole, Relation, RelationClass, Section};
pub use resgraph_symbol as symbol;
pub use verdict::{Candidate, Explained, Reason, Verdict};

use layout::{layout, Furniture};
use scan::{scan, ScanState};

/// Whether reading judges every reference-shaped token (the verdicts of
/// [`explain`]) or only extracts the citations, which is cheaper.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Verdicts {
    /// Citations only: [`Explained::candidates`] stays empty.
    #[default]
    Skip,
    /// Citations and a verdict for every reference-shaped token.
    Judge,
}

/// What the caller knows about a text before reading it.
#[derive(Debug, Clone, Default)]
pub struct Hint {
    /// Where the text came from, copied to [`Document::source`].
    pub source: String,
    /// The document's symbol, used when the text does not state its own
    /// (the seed draft's symbol is only in its file name).
    pub symbol: Option<Symbol>,
}

impl Hint {
    /// A hint for a file: its path as the source and the symbol its name
    /// spells, if any ([`symbol_from_file_name`]).
    ///
    /// ```
    /// let hint = resgraph_extract::Hint::from_path("data/A_C.1_77_L.73.txt");
    /// assert_eq!(hint.symbol.unwrap().to_string(), "A/C.1/77/L.73");
    /// ```
    pub fn from_path(path: &str) -> Hint {
        Hint {
            source: path.to_string(),
            symbol: symbol_from_file_name(path),
        }
    }
}

/// Reads raw bytes, decoded as [`Text::decode`] says: UTF-8; UTF-16 by
/// its byte order mark; another encoding (Windows-1252, ...) guessed from
/// bytes that are not UTF-8, with a note; damaged UTF-8 decoded lossily,
/// with a warning; a binary file (NUL bytes) yields an empty document
/// with a warning.
///
/// ```
/// use resgraph_extract::{extract_bytes, Hint, Severity};
/// // Windows-1252: "Côte d’Ivoire".
/// let doc = extract_bytes(b"Recalling its resolution 1572 (2004) on C\xf4te d\x92Ivoire\n", &Hint::default());
/// assert_eq!(doc.citations[0].target.to_string(), "S/RES/1572 (2004)");
/// assert_eq!(doc.diagnostics[0].severity, Severity::Note);
/// assert!(doc.diagnostics[0].message.contains("windows-1252"));
/// // UTF-8 quotes and a stray byte: damaged UTF-8.
/// let mut bytes = "Recalling its resolution 76/19 “ICT” ".as_bytes().to_vec();
/// bytes.push(0xFF);
/// let doc = extract_bytes(&bytes, &Hint::default());
/// assert_eq!(doc.citations.len(), 1);
/// assert!(doc.diagnostics[0].message.contains("invalid UTF-8"));
/// assert!(extract_bytes(b"\x00\x01\x02ELF", &Hint::default()).citations.is_empty());
/// ```
pub fn extract_bytes(bytes: &[u8], hint: &Hint) -> Document {
    read_bytes(bytes, hint, extract)
}

/// [`extract_html`] for raw bytes, with the same decoding as
/// [`extract_bytes`].
///
/// ```
/// let doc = resgraph_extract::extract_html_bytes(b"<p>Recalling its resolution 76/19 \xe9t\xe9</p>", &Default::default());
/// assert_eq!(doc.citations.len(), 1);
/// assert!(doc.diagnostics[0].message.contains("decoded as windows-1252"));
/// ```
pub fn extract_html_bytes(bytes: &[u8], hint: &Hint) -> Document {
    read_bytes(bytes, hint, extract_html)
}

/// `read` on the text of `bytes` (UTF-8 without a copy), decoded and
/// reported as [`Text::decode`] says.
fn read_bytes(
    bytes: &[u8],
    hint: &Hint,
    mut read: impl FnMut(&str, &Hint) -> Document,
) -> Document {
    match std::str::from_utf8(bytes) {
        // A UTF-16 byte order mark is never UTF-8, so valid UTF-8 without
        // NUL bytes is what `Text::decode` would give.
        Ok(text) if !is_binary(bytes) => read(text, hint),
        _ => read_decoded(&Text::from_bytes(bytes), hint, read),
    }
}

/// [`read_bytes`] for a text decoded by [`Text::read`].
fn read_decoded(
    text: &Text,
    hint: &Hint,
    mut read: impl FnMut(&str, &Hint) -> Document,
) -> Document {
    if text.binary {
        return binary_document(hint);
    }
    let mut doc = read(&text.text, hint);
    if let Some(invalid) = text.invalid_utf8 {
        doc.diagnostics.insert(0, invalid_utf8_diagnostic(invalid));
    }
    if let Some(note) = encoding_note(text.encoding) {
        doc.diagnostics.insert(0, note);
    }
    doc
}

/// The note of a text that was not UTF-8.
fn encoding_note(encoding: SourceEncoding) -> Option<Diagnostic> {
    let (encoding, how) = match encoding {
        SourceEncoding::Utf8 => return None,
        SourceEncoding::ByteOrderMark(e) => (e, "as its byte order mark says"),
        SourceEncoding::Guessed(e) => (e, "guessed from its bytes, which are not UTF-8"),
    };
    Some(Diagnostic {
        severity: Severity::Note,
        line: 1,
        message: format!(
            "decoded as {} ({how}): byte offsets refer to the decoded UTF-8 text",
            encoding.name().to_ascii_lowercase()
        ),
    })
}

/// The document of a binary file: nothing but a warning.
fn binary_document(hint: &Hint) -> Document {
    let mut doc = Document {
        source: hint.source.clone(),
        symbol: hint.symbol.clone(),
        ..Document::default()
    };
    doc.diagnostics.push(Diagnostic {
        severity: Severity::Warning,
        line: 1,
        message: "binary content (NUL bytes): not a text, nothing extracted".into(),
    });
    doc
}

fn invalid_utf8_diagnostic(invalid: InvalidUtf8) -> Diagnostic {
    Diagnostic {
        severity: Severity::Warning,
        line: invalid.line,
        message: format!(
            "invalid UTF-8 at byte {}: decoded lossily (U+FFFD), byte offsets refer to the decoded text",
            invalid.byte
        ),
    }
}

/// [`extract_bytes`] for a text read with [`Text::read`]: the same
/// document, without holding the file's bytes and a decoded copy at once.
///
/// ```
/// use resgraph_extract::{extract_text, Hint, Text};
/// let text = Text::read(&b"Recalling its resolution 76/19 \xff\n"[..], 0).unwrap();
/// let doc = extract_text(&text, &Hint::default());
/// assert_eq!(doc.citations.len(), 1);
/// assert!(doc.diagnostics[0].message.contains("UTF-8"));
/// ```
pub fn extract_text(text: &Text, hint: &Hint) -> Document {
    read_decoded(text, hint, extract)
}

/// [`explain_bytes`] for a text read with [`Text::read`].
pub fn explain_text(text: &Text, hint: &Hint) -> Explained {
    explain_through(|read| read_decoded(text, hint, read), explain)
}

/// Reads an HTML page: markup is blanked out in place
/// ([`html::blank_markup`]), so that citation spans are byte offsets into
/// the page itself.
///
/// ```
/// let page = "<html><head><title>x</title></head><body><p>The General Assembly,</p>\
///             <p>Recalling its resolution <a href=\"#\">76/19</a> of 6 December 2021,</p></body></html>";
/// let doc = resgraph_extract::extract_html(page, &Default::default());
/// let c = &doc.citations[0];
/// assert_eq!(c.target.to_string(), "A/RES/76/19");
/// assert_eq!(&page[c.start..c.end], "76/19");
/// assert_eq!((c.section.as_str(), c.paragraph), ("preamble", Some(1)));
/// ```
pub fn extract_html(html: &str, hint: &Hint) -> Document {
    indexed(
        html,
        read(
            &decode::line_feeds(&html::blank_markup(html)),
            hint,
            None,
            CharOffsets::Elsewhere,
        ),
    )
}

/// Whether bytes look like a binary file rather than text: a NUL byte in
/// the first 8 KiB.
pub fn is_binary(bytes: &[u8]) -> bool {
    memchr::memchr(0, &bytes[..bytes.len().min(8192)]).is_some()
}

/// Reads a text and returns the document with its citations.
///
/// See the [crate documentation](crate) for what is found and how.
pub fn extract(source: &str, hint: &Hint) -> Document {
    read(&decode::line_feeds(source), hint, None, CharOffsets::OfText)
}

/// Whose characters a document's citations' `start_char` and `end_char`
/// count, as [`read`] is told.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum CharOffsets {
    /// The text read's own: it is the caller's text (line feeds are
    /// normalised one byte for one, so they move no offset), and the
    /// offsets are counted as it is read, from where its continuation
    /// bytes stand (`anchor::Places::char_offset`), without another pass
    /// over it.
    OfText,
    /// Another text's: an HTML page, whose blanked copy is read (its
    /// markup may have held characters of several bytes); the caller
    /// counts them in the page ([`indexed`]).
    Elsewhere,
}

/// `doc` with its citations' character offsets counted in `source`, the
/// text the caller gave (an HTML page, not its blanked copy).
fn indexed(source: &str, mut doc: Document) -> Document {
    model::index_chars(&mut doc.citations, source);
    doc
}

/// Reads a text like [`extract`] and also judges every reference-shaped
/// token in it (see [`Verdict`]): the tool for finding what extraction
/// misses.
pub fn explain(source: &str, hint: &Hint) -> Explained {
    explain_indexed(source, None, hint)
}

/// [`explain`] of `read_from`: the text itself (`original` `None`), or an
/// HTML page's blanked copy, with character offsets counted in the page
/// (`original`).
fn explain_indexed(read_from: &str, original: Option<&str>, hint: &Hint) -> Explained {
    let source = &decode::line_feeds(read_from);
    let mut evidence = Evidence::default();
    let offsets = match original {
        None => CharOffsets::OfText,
        Some(_) => CharOffsets::Elsewhere,
    };
    let document = read(source, hint, Some(&mut evidence), offsets);
    let candidates = verdict::judge(source, &document, &evidence.excluded, &evidence.furniture);
    Explained {
        document: match original {
            Some(page) => indexed(page, document),
            None => document,
        },
        candidates,
    }
}

/// [`explain`] for raw bytes, decoded as [`extract_bytes`] does.
pub fn explain_bytes(bytes: &[u8], hint: &Hint) -> Explained {
    explain_decoded(bytes, hint, explain)
}

/// [`explain`] for an HTML page, read as [`extract_html`] does.
pub fn explain_html_bytes(bytes: &[u8], hint: &Hint) -> Explained {
    explain_decoded(bytes, hint, |html, hint| {
        explain_indexed(&html::blank_markup(html), Some(html), hint)
    })
}

fn explain_decoded(bytes: &[u8], hint: &Hint, run: impl Fn(&str, &Hint) -> Explained) -> Explained {
    explain_through(|read| read_bytes(bytes, hint, read), run)
}

/// Runs `run` on the text that `decode` hands to its reader, and keeps
/// the verdicts beside the document `decode` returns.
fn explain_through(
    decode: impl FnOnce(&mut dyn FnMut(&str, &Hint) -> Document) -> Document,
    run: impl Fn(&str, &Hint) -> Explained,
) -> Explained {
    let mut out = None;
    let document = decode(&mut |text, hint| {
        let explained = run(text, hint);
        out = Some(explained.candidates);
        explained.document
    });
    Explained {
        document,
        candidates: out.unwrap_or_default(),
    }
}

/// What [`explain`] collects beside the document, in source offsets.
#[derive(Default)]
struct Evidence {
    /// The spans left out on purpose, with why.
    excluded: Vec<verdict::Excluded>,
    /// The lines dropped as page furniture.
    furniture: Vec<(usize, usize)>,
}

/// The body whose resolutions a text's bare numbers are, from the name
/// of its organ (the General Assembly when none is known).
fn own_body(organ_name: Option<&str>) -> Body {
    match organ_name {
        Some("Security Council") => Body::SecurityCouncil,
        Some("Economic and Social Council") => Body::EconomicAndSocialCouncil,
        Some("Human Rights Council") => Body::HumanRightsCouncil,
        Some("Commission on Human Rights") => Body::CommissionOnHumanRights,
        _ => Body::GeneralAssembly,
    }
}

/// Scans one paragraph's cleaned text for mentions: the one scanning
/// step of text paragraphs and XML elements alike. What the scanners set
/// aside goes to `evidence`, in source offsets, for the verdicts; their
/// notes become diagnostics at `line`.
fn scan_paragraph(
    text: &text::Mapped,
    line: usize,
    state: &mut ScanState,
    doc: &mut Document,
    evidence: Option<&mut Evidence>,
) -> Vec<scan::Mention> {
    let before_notes = state.notes.len();
    let mentions = scan(&text.text, state);
    match evidence {
        Some(evidence) => {
            for (start, end, reason) in state.excluded.drain(..) {
                let (start, end) = text.source_span(start, end);
                evidence
                    .excluded
                    .push(verdict::Excluded { start, end, reason });
            }
        }
        None => state.excluded.clear(),
    }
    for note in state.notes.drain(before_notes..) {
        doc.diagnostics.push(Diagnostic {
            severity: Severity::Note,
            line,
            message: note,
        });
    }
    mentions
}

fn read(
    source: &str,
    hint: &Hint,
    mut evidence: Option<&mut Evidence>,
    offsets: CharOffsets,
) -> Document {
    let stated = meta::own_symbol_from_lines(source);
    let mut furniture = Furniture {
        own_symbol_lines: Vec::new(),
    };
    if let Some((symbol, printed)) = &stated {
        furniture.own_symbol_lines.push(printed.clone());
        furniture.own_symbol_lines.push(symbol.to_string());
    } else if let Some(symbol) = &hint.symbol {
        furniture.own_symbol_lines.push(symbol.to_string());
    }
    let mut layout = layout(source, &furniture);
    let symbol = stated
        .map(|(s, _)| s)
        .or_else(|| meta::own_symbol_from_title(&layout))
        .or_else(|| hint.symbol.clone());
    let organ_name = layout
        .organ_line
        .as_deref()
        .map(|l| l.trim_start_matches("The ").to_string())
        .or_else(|| {
            symbol
                .as_ref()
                .map(|s| s.organ())
                .filter(|o| *o != Organ::Other)
                .map(|o| o.name().to_string())
        });
    let own_body = own_body(organ_name.as_deref());
    let mut state = ScanState::new(own_body);
    let mut doc = Document {
        source: hint.source.clone(),
        date: meta::document_date(&layout),
        title: meta::title(&layout),
        session: meta::session_from_heading(&layout)
            .or_else(|| symbol.as_ref().and_then(meta::session_from_symbol)),
        organ: organ_name,
        symbol,
        // About one citation per 600 bytes of UN text: room for them at
        // once, so that a long text's list is not copied as it doubles
        // (fresh memory is dear; the room is given back at the end).
        citations: Vec::with_capacity(source.len() / 512),
        ..Document::default()
    };
    // Security Council resolutions carry no title, in print or in the
    // UN's XML: what stands where a title would ("of 16 September
    // 1990", "Adopted by the Security Council at ...") is not one.
    if matches!(doc.symbol, Some(Symbol::ScResolution { .. })) {
        doc.title = None;
    }
    let mut anchors = place::FootnoteAnchors::default();
    for index in 0..layout.paragraphs.len() {
        // A footnote's own text is read once, by the scan just done.
        if index > 0 && layout.paragraphs[index - 1].section == Section::Footnote {
            layout.forget_text(index - 1);
        }
        // The cleaned texts of the bodies a later footnote may still read
        // for its mark are kept; older ones are let go, so that memory is
        // reused rather than grown.
        if layout.paragraphs[index].section != Section::Footnote {
            if let Some(old) = anchors.pass_body(index) {
                layout.forget_text(old);
            }
        }
        let paragraph = &layout.paragraphs[index];
        // Anchor first: a paragraph without a byte pattern that a
        // reference needs is neither cleaned nor scanned.
        if !layout.may_cite(index) {
            continue;
        }
        let text = layout.text(index);
        let mentions = scan_paragraph(
            text,
            paragraph.line,
            &mut state,
            &mut doc,
            evidence.as_deref_mut(),
        );
        if mentions.is_empty() {
            continue;
        }
        place::place_mentions(
            &mut doc,
            &layout,
            index,
            text,
            mentions,
            &mut anchors,
            evidence.as_deref_mut().map(|e| &mut e.excluded),
        );
    }
    doc.citations.sort_by_key(|c| c.start);
    doc.citations.shrink_to_fit();
    if offsets == CharOffsets::OfText {
        for citation in &mut doc.citations {
            citation.start_char = layout.char_offset(citation.start);
            citation.end_char = layout.char_offset(citation.end);
        }
    }
    if let Some(evidence) = evidence {
        evidence.furniture = layout.furniture();
    }
    doc
}

#[cfg(test)]
mod char_offsets {
    //! The character offsets counted as a text is read (from where its
    //! continuation bytes stand) are those `model::index_chars` counts
    //! in the text afterwards.

    use proptest::prelude::*;

    use super::*;

    /// Each citation's `start_char` and `end_char`.
    type Offsets = Vec<(usize, usize)>;

    fn counted_both_ways(text: &str) -> (Offsets, Offsets) {
        let doc = extract(text, &Hint::default());
        let as_read = doc
            .citations
            .iter()
            .map(|c| (c.start_char, c.end_char))
            .collect();
        let mut recounted = doc.citations;
        model::index_chars(&mut recounted, text);
        let recounted = recounted
            .iter()
            .map(|c| (c.start_char, c.end_char))
            .collect();
        (as_read, recounted)
    }

    #[test]
    fn the_golden_texts_count_as_index_chars_counts() {
        let golden = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/golden");
        let mut files = Vec::new();
        anchor_first::texts_under(&golden, &mut files);
        assert!(files.len() > 100, "golden texts at {}", golden.display());
        let mut citations = 0;
        for file in files {
            let text =
                String::from_utf8_lossy(&std::fs::read(&file).unwrap_or_default()).into_owned();
            let (as_read, recounted) = counted_both_ways(&text);
            assert_eq!(as_read, recounted, "{}", file.display());
            citations += as_read.len();
        }
        assert!(citations > 1000, "{citations} citations");
    }

    proptest! {
        /// Texts of citations among characters of one to four bytes,
        /// line breaks of every kind (a lone carriage return is made a
        /// line feed before reading, one byte for one).
        #[test]
        fn generated_texts_count_as_index_chars_counts(
            text in "(Recalling its resolutions 76/19 and 53/70 of 4 December 1998|\\(2001\\)|S/RES/1373 \\(2001\\)|A/65/201|[a-z ]{1,8}|\u{e9}|\u{2019}|\u{1f600}|\u{a0}|\r|\r\n|\n\n){0,30}"
        ) {
            let (as_read, recounted) = counted_both_ways(&text);
            prop_assert_eq!(as_read, recounted);
        }
    }
}

#[cfg(test)]
mod anchor_first {
    //! Anchor-first reading skips paragraphs and passes; these tests
    //! check that it finds exactly what cleaning and scanning everything
    //! finds, on the golden texts and on generated ones.

    use proptest::prelude::*;

    use super::*;

    fn both_ways(text: &str) -> (String, String) {
        let fast = format!("{:?}", explain(text, &Hint::default()));
        anchor::EXHAUSTIVE.with(|e| e.set(true));
        let every = format!("{:?}", explain(text, &Hint::default()));
        anchor::EXHAUSTIVE.with(|e| e.set(false));
        (fast, every)
    }

    pub(super) fn texts_under(dir: &std::path::Path, out: &mut Vec<std::path::PathBuf>) {
        for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
            let path = entry.path();
            if path.is_dir() {
                texts_under(&path, out);
            } else if path.extension().is_some_and(|e| e == "txt" || e == "md") {
                out.push(path);
            }
        }
    }

    #[test]
    fn the_golden_texts_read_the_same_as_reading_everything() {
        let golden = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/golden");
        let mut files = Vec::new();
        texts_under(&golden, &mut files);
        assert!(files.len() > 100, "golden texts at {}", golden.display());
        for file in files {
            let text =
                String::from_utf8_lossy(&std::fs::read(&file).unwrap_or_default()).into_owned();
            let (fast, every) = both_ways(&text);
            assert!(fast == every, "{} reads differently", file.display());
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(500))]

        #[test]
        fn generated_texts_read_the_same_as_reading_everything(
            text in "(The General Assembly,\n|Recalling its resolutions |resolution |decision |[0-9]{1,4}/[0-9]{1,4}|\\([IVX]{1,4}\\)|\\([0-9]{4}\\)| of [0-9]{1,2} December [0-9]{4}| and |, | H |[¹²³]|\n|\n\n|_____\n|[0-9] |A/[0-9]{2}/[0-9]{3}|S/PRST/2012/1|ES-10/2|\\[|\\]\\(#\\)|<a>|<i>/</i>|&amp;|&#47;|\u{a0}|\u{ad}|\t|\\*|1\\. Decides |\\(a\\) |Annex\n|S/RES/|-\n|–|2/5 15-21698|No\\. | on [0-9] April|Security Council|Human Rights Council){0,60}"
        ) {
            let (fast, every) = both_ways(&text);
            prop_assert!(fast == every);
        }
    }
}

#[cfg(test)]
mod dump {
    /// `RESGRAPH_DUMP=path cargo test -p resgraph-extract dump -- --nocapture`
    /// prints the paragraphs of a text: a debugging aid.
    #[test]
    fn dump() {
        let Ok(path) = std::env::var("RESGRAPH_DUMP") else {
            return;
        };
        let text = std::fs::read_to_string(path).unwrap_or_default();
        let layout = crate::layout::layout(
            &text,
            &crate::layout::Furniture {
                own_symbol_lines: vec![],
            },
        );
        for (i, p) in layout.paragraphs.iter().enumerate() {
            println!(
                "[{:?} {:?} {} line {}] {}",
                p.section,
                p.number,
                layout.relation(i),
                p.line,
                layout.text(i).text
            );
        }
    }
}
