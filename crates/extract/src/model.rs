//! What extraction produces: a [`Document`] with its [`Citation`]s and
//! [`Diagnostic`]s. The JSON field names are a contract with scripts and
//! the other resgraph crates; keep them.

use resgraph_core::{Date, Relation, Section};
use resgraph_symbol::Symbol;
use serde::{Deserialize, Serialize};

/// The version of the JSON contract (`docs/schema/`): written as
/// `schema_version` in every JSON output of resgraph (extracted
/// documents, query rows, the node-link export). It is raised when a
/// field is removed or changes meaning; added fields do not raise it, so
/// a script should ignore fields it does not know.
pub const SCHEMA_VERSION: u32 = 1;

/// One mention of another document.
///
/// In JSON a `kind` field follows `target`: the target's kind tag
/// (`ga-resolution`, `document`, ...), for scripts that do not parse
/// symbols. It is written from the target, never stored (and ignored
/// when read back).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct Citation {
    /// The cited document, canonical.
    pub target: Symbol,
    /// The date the text gives for the cited document (`of 7 December
    /// 1988`), if any: a claim that `resgraph check` compares with the
    /// adoption date.
    pub cited_date: Option<Date>,
    /// The opening word of the paragraph, lower-cased (`recalling`,
    /// `welcomes`), `see` in footnotes, `report`/`draft`/`title`/`heading`
    /// in the heading, `annex` in annexes; with its class.
    pub relation: Relation,
    /// Where the mention stands.
    pub section: Section,
    /// Preambular paragraphs counted from 1, operative paragraphs as
    /// printed, footnotes by number; `None` where no number applies.
    pub paragraph: Option<u32>,
    /// Byte offset of the mention's first byte in the source text.
    pub start: usize,
    /// Byte offset just past the mention's last byte in the source text.
    pub end: usize,
    /// [`start`](Citation::start) counted in Unicode scalar values (what
    /// Python's `str` indexes): `text[start_char:end_char]` in Python is
    /// `source[start..end]` in Rust.
    #[serde(default)]
    pub start_char: usize,
    /// [`end`](Citation::end) counted in Unicode scalar values.
    #[serde(default)]
    pub end_char: usize,
    /// The mention as read, with link wrappers and line breaks removed
    /// (`43/78 H`).
    pub text: String,
    /// For a footnote, the section of the paragraph that carries its mark.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub anchor_section: Option<Section>,
    /// For a footnote, the paragraph number that carries its mark.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub anchor_paragraph: Option<u32>,
    /// The cited document's title as the text gives it right after the
    /// mention ("70/1 of 25 September 2015, entitled “Transforming our
    /// world: ...”"): the graph names cited-only documents with it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cited_title: Option<String>,
}

impl Citation {
    /// The cited document's kind tag (`ga-resolution`, `document`, ...),
    /// as JSON writes it.
    ///
    /// ```
    /// let doc = resgraph_extract::extract(
    ///     "The General Assembly,\n\nRecalling its resolution 74/28,\n",
    ///     &Default::default(),
    /// );
    /// assert_eq!(doc.citations[0].kind(), "ga-resolution");
    /// ```
    pub fn kind(&self) -> &'static str {
        self.target.kind().as_str()
    }
}

/// The JSON form of a [`Citation`]: its fields in their order, with the
/// target's kind after the target. The Python package builds the same
/// dict directly (`python/src/convert.rs`), and the JSON Lines writer
/// writes it by hand (`JsonWriter::citation`): a field added here goes
/// there too (a test compares the JSON writer with this).
#[derive(Serialize)]
struct CitationJson<'a> {
    target: &'a Symbol,
    kind: &'static str,
    cited_date: &'a Option<Date>,
    relation: &'a Relation,
    section: Section,
    paragraph: Option<u32>,
    start: usize,
    end: usize,
    start_char: usize,
    end_char: usize,
    text: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    anchor_section: Option<Section>,
    #[serde(skip_serializing_if = "Option::is_none")]
    anchor_paragraph: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    cited_title: &'a Option<String>,
}

impl Serialize for Citation {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        CitationJson {
            target: &self.target,
            kind: self.kind(),
            cited_date: &self.cited_date,
            relation: &self.relation,
            section: self.section,
            paragraph: self.paragraph,
            start: self.start,
            end: self.end,
            start_char: self.start_char,
            end_char: self.end_char,
            text: &self.text,
            anchor_section: self.anchor_section,
            anchor_paragraph: self.anchor_paragraph,
            cited_title: &self.cited_title,
        }
        .serialize(serializer)
    }
}

/// How serious a [`Diagnostic`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Worth knowing; the extraction is complete.
    Note,
    /// Part of the text could not be read as intended (an ambiguous or
    /// malformed reference, bytes that are not UTF-8).
    Warning,
}

/// Something extraction noticed and could not (or chose not to) turn
/// into a citation. Extraction never fails; it reports instead.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Diagnostic {
    /// How serious it is.
    pub severity: Severity,
    /// The 1-based line in the source where it was noticed.
    pub line: usize,
    /// What was noticed and what was expected.
    pub message: String,
}

/// A document as read: what it says about itself and what it cites.
///
/// In JSON a `schema_version` field ([`SCHEMA_VERSION`]) comes first; it
/// is written, never stored (and ignored when read back).
#[derive(Debug, Clone, PartialEq, Eq, Default, Deserialize)]
pub struct Document {
    /// Where the text came from (a path), as the caller named it.
    pub source: String,
    /// The document's own symbol, from its text or, failing that, the
    /// caller's hint.
    pub symbol: Option<Symbol>,
    /// The adopting organ, as texts name it (`General Assembly`).
    pub organ: Option<String>,
    /// The General Assembly (or other organ's) session number.
    pub session: Option<u16>,
    /// The adoption date, or for a draft the date of issue.
    pub date: Option<Date>,
    /// The title.
    pub title: Option<String>,
    /// Every citation, in the order of the text.
    pub citations: Vec<Citation>,
    /// What extraction noticed along the way (in JSON always present,
    /// an empty list when nothing was noticed).
    #[serde(default)]
    pub diagnostics: Vec<Diagnostic>,
}

/// The JSON form of a [`Document`]: the contract's version, then its
/// fields in their order (as for `CitationJson`, `python/src/convert.rs`
/// and `Document::write_json_line` repeat them).
#[derive(Serialize)]
struct DocumentJson<'a> {
    schema_version: u32,
    source: &'a str,
    symbol: &'a Option<Symbol>,
    organ: &'a Option<String>,
    session: Option<u16>,
    date: Option<Date>,
    title: &'a Option<String>,
    citations: &'a [Citation],
    diagnostics: &'a [Diagnostic],
}

impl Serialize for Document {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        DocumentJson {
            schema_version: SCHEMA_VERSION,
            source: &self.source,
            symbol: &self.symbol,
            organ: &self.organ,
            session: self.session,
            date: self.date,
            title: &self.title,
            citations: &self.citations,
            diagnostics: &self.diagnostics,
        }
        .serialize(serializer)
    }
}

impl Document {
    /// Appends the document to `out` as one line of JSON: the bytes
    /// `serde_json::to_writer` writes of it, and a line feed (what
    /// `extract --format jsonl` writes for each document).
    ///
    /// The citations, most of a document's JSON, are written by hand:
    /// through serde, the symbols and dates go through the formatting
    /// machinery piece by piece and every field through several calls
    /// (half the time of an extraction's output). Everything else, and
    /// any string that needs escaping, is written by serde_json, so its
    /// rules stay the only ones; a test compares the two writings on the
    /// golden texts and on generated documents.
    ///
    /// ```
    /// let doc = resgraph_extract::extract(
    ///     "The General Assembly,\n\nRecalling its resolution 74/28 of 12 December 2019,\n",
    ///     &Default::default(),
    /// );
    /// let mut line = Vec::new();
    /// doc.write_json_line(&mut line);
    /// let mut expected = serde_json::to_vec(&doc).unwrap();
    /// expected.push(b'\n');
    /// assert_eq!(line, expected);
    /// ```
    pub fn write_json_line(&self, out: &mut Vec<u8>) {
        let no_flush = |_: &mut Vec<u8>| Ok::<(), std::convert::Infallible>(());
        match self.write_json_line_with(out, no_flush) {
            Ok(()) => {}
            Err(never) => match never {},
        }
    }

    /// [`Document::write_json_line`] to a writer, in pieces of about
    /// 64 KiB: the same bytes, without holding the whole line (a long
    /// text's is tens of megabytes, fresh memory written once and read
    /// back once) in memory.
    ///
    /// # Errors
    ///
    /// The writer's.
    ///
    /// ```
    /// let doc = resgraph_extract::extract(
    ///     "The General Assembly,\n\nRecalling its resolution 74/28 of 12 December 2019,\n",
    ///     &Default::default(),
    /// );
    /// let (mut whole, mut pieces) = (Vec::new(), Vec::new());
    /// doc.write_json_line(&mut whole);
    /// doc.write_json_line_to(&mut pieces).unwrap();
    /// assert_eq!(whole, pieces);
    /// ```
    pub fn write_json_line_to(&self, out: &mut dyn std::io::Write) -> std::io::Result<()> {
        self.write_json_line_in_pieces(out, 64 * 1024)
    }

    /// [`Document::write_json_line_to`], in pieces of at least `piece`
    /// bytes (but the last).
    fn write_json_line_in_pieces(
        &self,
        out: &mut dyn std::io::Write,
        piece: usize,
    ) -> std::io::Result<()> {
        let mut buffer = Vec::with_capacity(piece + 4096);
        self.write_json_line_with(&mut buffer, |buffer| {
            if buffer.len() >= piece {
                out.write_all(buffer)?;
                buffer.clear();
            }
            Ok::<(), std::io::Error>(())
        })?;
        out.write_all(&buffer)
    }

    /// The writing of both: `flush` is offered the bytes written so far
    /// after each citation (and may take them away).
    fn write_json_line_with<E>(
        &self,
        out: &mut Vec<u8>,
        mut flush: impl FnMut(&mut Vec<u8>) -> Result<(), E>,
    ) -> Result<(), E> {
        let mut json = JsonWriter {
            out,
            scratch: String::new(),
        };
        json.raw("{\"schema_version\":");
        json.uint(SCHEMA_VERSION);
        json.raw(",\"source\":");
        json.str(&self.source);
        json.raw(",\"symbol\":");
        json.option(self.symbol.as_ref(), |json, symbol| json.display(symbol));
        json.raw(",\"organ\":");
        json.option(self.organ.as_deref(), JsonWriter::str);
        json.raw(",\"session\":");
        json.option(self.session, JsonWriter::uint);
        json.raw(",\"date\":");
        json.option(self.date, JsonWriter::date);
        json.raw(",\"title\":");
        json.option(self.title.as_deref(), JsonWriter::str);
        json.raw(",\"citations\":[");
        for (index, citation) in self.citations.iter().enumerate() {
            if index > 0 {
                json.raw(",");
            }
            json.citation(citation);
            flush(json.out)?;
        }
        json.raw("],\"diagnostics\":");
        json.serde(&self.diagnostics);
        json.raw("}\n");
        Ok(())
    }
}

/// The pieces of [`Document::write_json_line`], each written as
/// serde_json writes it.
struct JsonWriter<'a> {
    out: &'a mut Vec<u8>,
    /// Where a symbol is formatted before it is written as a string.
    scratch: String,
}

impl JsonWriter<'_> {
    /// A citation, its fields in the order of `CitationJson` (serde's
    /// writing of a [`Citation`]).
    fn citation(&mut self, c: &Citation) {
        self.raw("{\"target\":");
        self.display(&c.target);
        self.raw(",\"kind\":");
        self.name(c.kind());
        self.raw(",\"cited_date\":");
        self.option(c.cited_date, JsonWriter::date);
        self.raw(",\"relation\":");
        self.str(c.relation.as_str());
        self.raw(",\"section\":");
        self.name(c.section.as_str());
        self.raw(",\"paragraph\":");
        self.option(c.paragraph, JsonWriter::uint);
        for (name, value) in [
            (",\"start\":", c.start),
            (",\"end\":", c.end),
            (",\"start_char\":", c.start_char),
            (",\"end_char\":", c.end_char),
        ] {
            self.raw(name);
            self.uint(value);
        }
        self.raw(",\"text\":");
        self.str(&c.text);
        if let Some(section) = c.anchor_section {
            self.raw(",\"anchor_section\":");
            self.name(section.as_str());
        }
        if let Some(paragraph) = c.anchor_paragraph {
            self.raw(",\"anchor_paragraph\":");
            self.uint(paragraph);
        }
        if let Some(title) = &c.cited_title {
            self.raw(",\"cited_title\":");
            self.str(title);
        }
        self.raw("}");
    }

    fn raw(&mut self, text: &str) {
        self.out.extend_from_slice(text.as_bytes());
    }

    /// A JSON string: copied between quotes when nothing in it needs
    /// escaping (the common case), else written by serde_json.
    fn str(&mut self, text: &str) {
        let plain = text.bytes().all(|b| b >= 0x20 && b != b'"' && b != b'\\');
        if plain {
            self.out.reserve(text.len() + 2);
            self.out.push(b'"');
            self.out.extend_from_slice(text.as_bytes());
            self.out.push(b'"');
        } else {
            self.serde(text);
        }
    }

    /// A name from one of resgraph's tables (a kind tag, a section),
    /// lower-case ASCII words that need no escaping.
    fn name(&mut self, name: &'static str) {
        self.out.push(b'"');
        self.raw(name);
        self.out.push(b'"');
    }

    /// A value's `Display` form as a JSON string (serde's `collect_str`).
    fn display(&mut self, value: &impl std::fmt::Display) {
        use std::fmt::Write;
        let mut scratch = std::mem::take(&mut self.scratch);
        scratch.clear();
        // Writing to a String cannot fail.
        let _ = write!(scratch, "{value}");
        self.str(&scratch);
        self.scratch = scratch;
    }

    /// A date as `"YYYY-MM-DD"`, the form of its `Display`.
    fn date(&mut self, date: Date) {
        self.out.push(b'"');
        self.padded(u64::from(date.year), 4);
        self.out.push(b'-');
        self.padded(u64::from(date.month), 2);
        self.out.push(b'-');
        self.padded(u64::from(date.day), 2);
        self.out.push(b'"');
    }

    /// `n` with leading zeros up to `width` digits (`{:0width$}`).
    fn padded(&mut self, n: u64, width: usize) {
        let mut digits = itoa::Buffer::new();
        let digits = digits.format(n);
        for _ in digits.len()..width {
            self.out.push(b'0');
        }
        self.raw(digits);
    }

    fn uint(&mut self, n: impl itoa::Integer) {
        self.raw(itoa::Buffer::new().format(n));
    }

    /// `null`, or the value as `write` writes it.
    fn option<T>(&mut self, value: Option<T>, write: impl FnOnce(&mut Self, T)) {
        match value {
            Some(value) => write(self, value),
            None => self.raw("null"),
        }
    }

    /// Anything else, by serde_json itself.
    fn serde(&mut self, value: &(impl Serialize + ?Sized)) {
        // Writing to a Vec cannot fail, nor can these values' serialization.
        let _ = serde_json::to_writer(&mut *self.out, value);
    }
}

/// Fills [`Citation::start_char`] and [`Citation::end_char`] from the
/// byte offsets, for citations of `source` sorted by start (as
/// extraction leaves them). Characters are counted once, forward,
/// between successive starts, so the cost is one pass over the text up
/// to the last citation plus each mention's own bytes, not a count from
/// the beginning for every citation.
pub(crate) fn index_chars(citations: &mut [Citation], source: &str) {
    let (mut byte, mut chars) = (0, 0);
    for c in citations {
        // Starts are sorted; a start out of order (never made by
        // extraction) is counted from the beginning rather than trusted.
        if c.start < byte {
            (byte, chars) = (0, 0);
        }
        chars += count_chars(source, byte, c.start);
        byte = c.start;
        c.start_char = chars;
        c.end_char = chars + count_chars(source, c.start, c.end);
    }
}

/// The characters of `source[from..to]`, or of as much of it as is a
/// character-aligned slice (a span is always one; this never panics).
fn count_chars(source: &str, from: usize, to: usize) -> usize {
    source.get(from..to.max(from)).map_or(0, |slice| {
        slice.len() - crate::text::continuation_bytes(slice.as_bytes())
    })
}

impl Document {
    /// The distinct documents cited, in chronological order.
    ///
    /// ```
    /// let doc = resgraph_extract::extract(
    ///     "The General Assembly,\n\nRecalling its resolutions 74/28 and 74/29 of 12 December 2019 and 74/28,\n",
    ///     &Default::default(),
    /// );
    /// let cited: Vec<String> = doc.cited_symbols().iter().map(|s| s.to_string()).collect();
    /// assert_eq!(cited, ["A/RES/74/28", "A/RES/74/29"]);
    /// ```
    pub fn cited_symbols(&self) -> Vec<Symbol> {
        let mut symbols: Vec<Symbol> = self.citations.iter().map(|c| c.target.clone()).collect();
        symbols.sort();
        symbols.dedup();
        symbols
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// What serde_json writes of `doc`, and a line feed.
    fn serde_line(doc: &Document) -> Vec<u8> {
        let mut line = serde_json::to_vec(doc).expect("a document serializes");
        line.push(b'\n');
        line
    }

    /// The line `write_json_line` writes, checked to be what writing it
    /// in pieces (of one citation each, and of 64 KiB) writes too.
    fn hand_line(doc: &Document) -> Vec<u8> {
        let mut line = Vec::new();
        doc.write_json_line(&mut line);
        for piece in [1, 64 * 1024] {
            let mut pieces = Vec::new();
            doc.write_json_line_in_pieces(&mut pieces, piece)
                .expect("a Vec takes every write");
            assert_eq!(pieces, line, "written in pieces of {piece} bytes");
        }
        line
    }

    #[test]
    fn the_golden_texts_write_the_json_serde_writes() {
        let golden = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/golden");
        let mut files = 0;
        let mut citations = 0;
        for entry in walk(&golden) {
            let bytes = std::fs::read(&entry).unwrap_or_default();
            let doc =
                crate::extract_bytes(&bytes, &crate::Hint::from_path(&entry.to_string_lossy()));
            assert!(hand_line(&doc) == serde_line(&doc), "{}", entry.display());
            files += 1;
            citations += doc.citations.len();
        }
        assert!(
            files > 100 && citations > 1000,
            "{files} golden texts, {citations} citations"
        );
    }

    fn walk(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
        let mut out = Vec::new();
        for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
            let path = entry.path();
            if path.is_dir() {
                out.extend(walk(&path));
            } else if path.extension().is_some_and(|e| e == "txt" || e == "md") {
                out.push(path);
            }
        }
        out
    }

    const SYMBOLS: [&str; 6] = [
        "A/RES/74/28",
        "A/RES/2625 (XXV)",
        "S/RES/1373 (2001)",
        "A/HRC/RES/47/16",
        "E/RES/1994/15",
        "A/65/201/Add.1",
    ];

    fn section(i: usize) -> Section {
        Section::ALL[i % Section::ALL.len()]
    }

    prop_compose! {
        fn citation()(
            symbol in 0..SYMBOLS.len(),
            date in proptest::option::of((0u16..12000, 0u8..120, 0u8..120)),
            relation in "\\PC{0,12}",
            section_index in 0..5usize,
            paragraph in proptest::option::of(any::<u32>()),
            offsets in any::<[usize; 4]>(),
            text in "\\PC{0,20}|[\"\\\\\u{0}-\u{1f}\u{7f}é“”]{0,6}",
            anchor in proptest::option::of((0..5usize, any::<u32>())),
            cited_title in proptest::option::of("\\PC{0,30}|\"[a\\\\\n\t]\""),
        ) -> Citation {
            Citation {
                target: SYMBOLS[symbol].parse().expect("a canonical symbol"),
                cited_date: date.map(|(year, month, day)| Date { year, month, day }),
                relation: Relation::new(relation),
                section: section(section_index),
                paragraph,
                start: offsets[0],
                end: offsets[1],
                start_char: offsets[2],
                end_char: offsets[3],
                text,
                anchor_section: anchor.map(|(s, _)| section(s)),
                anchor_paragraph: anchor.map(|(_, p)| p),
                cited_title,
            }
        }
    }

    proptest! {
        /// The vector count of characters is `chars().count()`, for any
        /// text and any length around the 32-byte chunks.
        #[test]
        fn characters_are_counted_as_std_counts_them(text in "\\PC{0,80}|[a\u{e9}\u{2019}\u{1f600}]{0,70}") {
            prop_assert_eq!(count_chars(&text, 0, text.len()), text.chars().count());
        }

        #[test]
        fn generated_documents_write_the_json_serde_writes(
            source in "\\PC{0,20}|[a\"\\\\\u{1}\n]{0,4}",
            symbol in proptest::option::of(0..SYMBOLS.len()),
            organ in proptest::option::of("\\PC{0,12}"),
            session in proptest::option::of(any::<u16>()),
            title in proptest::option::of("\\PC{0,30}|\\\\\\\"\u{8}"),
            citations in proptest::collection::vec(citation(), 0..4),
            notes in proptest::collection::vec("\\PC{0,10}", 0..2),
        ) {
            let doc = Document {
                source,
                symbol: symbol.map(|i| SYMBOLS[i].parse().expect("a canonical symbol")),
                organ,
                session,
                date: Some(Date { year: 987, month: 3, day: 4 }),
                title,
                citations,
                diagnostics: notes
                    .into_iter()
                    .map(|message| Diagnostic { severity: Severity::Note, line: 3, message })
                    .collect(),
            };
            let (hand, serde) = (hand_line(&doc), serde_line(&doc));
            prop_assert_eq!(String::from_utf8_lossy(&hand), String::from_utf8_lossy(&serde));
        }
    }

    #[test]
    fn a_citation_writes_its_kind_from_its_target_and_reads_back() {
        let doc = crate::extract(
            "The General Assembly,\n\nRecalling its resolution 74/28 of 12 December 2019,\n",
            &Default::default(),
        );
        let citation = &doc.citations[0];
        let json = serde_json::to_string(citation).unwrap();
        assert!(
            json.starts_with(r#"{"target":"A/RES/74/28","kind":"ga-resolution","cited_date":"2019-12-12","relation":"recalling","#),
            "{json}"
        );
        let back: Citation = serde_json::from_str(&json).unwrap();
        assert_eq!(&back, citation);
        assert_eq!(
            back.relation.class(),
            resgraph_core::RelationClass::Recalling
        );
    }
}
