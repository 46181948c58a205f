//! The evidence of an answer's citations, with quotes read back from the
//! citing texts: the graph keeps where each mention stands (its span) and
//! each read document's source file; [`Quotes`] reads a source once, checks
//! that it still holds the mention, and cuts the quote by
//! [`resgraph_graph::evidence::quote`].

use std::collections::HashMap;
use std::path::Path;

use resgraph_graph::evidence::{Quote, Step};
use resgraph_graph::{CitationGraph, Span, Symbol};
use serde::Serialize;

use super::read::read_text;

/// Why an occurrence has no quote: never a guess.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Unknown {
    /// The graph does not know where the mention stands (a graph file of
    /// format version 1, or a link added without its place).
    #[error("the graph does not record where the mention stands (a graph file of format version 1: rebuild it with `resgraph build`)")]
    NoSpan,
    /// The citing document's source is not known, or is standard input.
    #[error("the citing text's source is not known")]
    NoSource,
    /// The source could not be read now.
    #[error("{0}")]
    Unreadable(String),
    /// The source no longer holds the mention where the graph says: it
    /// changed since the graph was built.
    #[error("{0} changed since the graph was built: the mention is no longer where it was")]
    Changed(String),
}

/// One occurrence of a citation as evidence: where it stands, how it
/// cites, and the words that make the link.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Evidence {
    /// The citing document.
    pub citing: String,
    /// The cited document.
    pub cited: String,
    /// The citing document's source file, when known.
    pub source: Option<String>,
    /// The section of the citing text (`preamble`, `operative`, ...).
    pub section: String,
    /// The paragraph (preambular from 1, operative as printed, footnote
    /// number), if any.
    pub paragraph: Option<u32>,
    /// The relation: the verb as written (`recalling`, `welcomes`, `see`).
    pub relation: String,
    /// The clause that cites, cut to a readable length around the mention
    /// ([`resgraph_graph::evidence::quote`]); `None` when unknown.
    pub quote: Option<String>,
    /// Byte offset of the mention in the citing text, when known.
    pub start: Option<u32>,
    /// Byte offset just past the mention, when known.
    pub end: Option<u32>,
    /// Why there is no quote, when there is none.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unknown: Option<String>,
}

/// Quotes read back from the citing texts, each text read at most once.
#[derive(Debug, Default)]
pub struct Quotes {
    texts: HashMap<String, Result<String, String>>,
}

impl Quotes {
    /// No text read yet.
    pub fn new() -> Quotes {
        Quotes::default()
    }

    /// The quote of the mention at `span` in the text at `source`, which
    /// cites `cited`. The text must still hold the mention: the bytes at
    /// the span must share a number with the cited symbol (`43/78 H` in
    /// `resolutions 43/78 H` for `A/RES/43/78 H`), or the text is taken
    /// to have changed.
    ///
    /// # Errors
    ///
    /// [`Unknown`] saying why there is no quote.
    ///
    /// ```
    /// use resgraph::graph::Span;
    /// use resgraph::pipeline::{Quotes, Unknown};
    /// let path = std::env::temp_dir().join(format!("resgraph-quotes-{}.txt", std::process::id()));
    /// std::fs::write(&path, "The General Assembly,\n\nRecalling its resolution 76/19,\n").unwrap();
    /// let source = path.display().to_string();
    /// let cited = "A/RES/76/19".parse().unwrap();
    /// let mut quotes = Quotes::new();
    /// let span = Span::new(48, 53);
    /// assert_eq!(quotes.quote(Some(&source), span, &cited).unwrap(), "Recalling its resolution 76/19,");
    /// assert_eq!(quotes.quote(Some(&source), None, &cited), Err(Unknown::NoSpan));
    /// let elsewhere = Span::new(0, 5);
    /// assert!(matches!(quotes.quote(Some(&source), elsewhere, &cited), Err(Unknown::Changed(_))));
    /// # std::fs::remove_file(&path).unwrap();
    /// ```
    pub fn quote(
        &mut self,
        source: Option<&str>,
        span: Option<Span>,
        cited: &Symbol,
    ) -> Result<String, Unknown> {
        self.quote_marked(source, span, cited).map(|q| q.text)
    }

    /// [`Quotes::quote`], with the mention's place in the quote
    /// ([`resgraph_graph::evidence::quote_marked`]), for a reader who
    /// shows it.
    ///
    /// # Errors
    ///
    /// [`Unknown`] saying why there is no quote.
    pub fn quote_marked(
        &mut self,
        source: Option<&str>,
        span: Option<Span>,
        cited: &Symbol,
    ) -> Result<Quote, Unknown> {
        let span = span.ok_or(Unknown::NoSpan)?;
        let source = source
            .filter(|s| *s != super::walk::STANDARD_INPUT)
            .ok_or(Unknown::NoSource)?;
        let text = self
            .texts
            .entry(source.to_string())
            .or_insert_with(|| read_text(Path::new(source)).map_err(|e| e.to_string()))
            .as_ref()
            .map_err(|e| Unknown::Unreadable(e.clone()))?;
        let changed = || Unknown::Changed(source.to_string());
        let mention = text.get(span.range()).ok_or_else(changed)?;
        if !shares_a_number(mention, &cited.short()) {
            return Err(changed());
        }
        resgraph_graph::evidence::quote_marked(text, span).ok_or_else(changed)
    }

    /// The evidence of each occurrence of `steps`, quoted from the citing
    /// texts of `graph`.
    pub fn evidence(&mut self, graph: &CitationGraph, steps: &[Step]) -> Vec<Evidence> {
        let mut out = Vec::new();
        for step in steps {
            let source = graph.node(&step.citing).and_then(|i| i.source.clone());
            for o in &step.occurrences {
                let quoted = self.quote(source.as_deref(), o.span, &step.cited);
                out.push(Evidence {
                    citing: step.citing.to_string(),
                    cited: step.cited.to_string(),
                    source: source.clone(),
                    section: o.section.as_str().to_string(),
                    paragraph: o.paragraph,
                    relation: o.relation.verb().to_string(),
                    start: o.span.map(|s| s.start),
                    end: o.span.map(|s| s.end),
                    unknown: quoted.as_ref().err().map(ToString::to_string),
                    quote: quoted.ok(),
                });
            }
        }
        out
    }
}

/// Whether `mention` and `symbol` (its short form) have a run of digits in
/// common: the check that a text still holds a mention at its span.
fn shares_a_number(mention: &str, symbol: &str) -> bool {
    let numbers = |s: &str| -> Vec<String> {
        s.split(|c: char| !c.is_ascii_digit())
            .filter(|run| !run.is_empty())
            .map(str::to_string)
            .collect()
    };
    let wanted = numbers(symbol);
    numbers(mention).iter().any(|n| wanted.contains(n))
}
