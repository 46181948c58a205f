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
/// dict directly (`python/src/convert.rs`): a field added here goes there.
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
/// repeats them).
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
    source
        .get(from..to.max(from))
        .map_or(0, |slice| slice.chars().count())
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
