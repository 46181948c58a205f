//! The rows of query answers: what `resgraph ancestors`, `descendants`,
//! `path`, `top` and `check` give as JSON, what the Python package
//! returns as dicts and what the explorer's `/api/doc` lists. All three
//! build them here, evidence included, so they cannot drift apart.
//!
//! Every row carries `schema_version` ([`SCHEMA_VERSION`]); the fields
//! are described by `docs/schema/rows.schema.json`.
//!
//! ```
//! use resgraph::graph::{evidence::Toward, CitationGraph, Occurrence, QueryOptions, Section};
//! use resgraph::pipeline::Quotes;
//! use resgraph::rows::walk_rows;
//!
//! let mut g = CitationGraph::new();
//! let (a, b) = ("A/RES/76/19".parse().unwrap(), "A/RES/75/240".parse().unwrap());
//! g.add_link(&a, &b, &Occurrence::new("recalling", Section::Preamble, Some(1), None));
//! let options = QueryOptions::new();
//! // Without quotes no text is read, and rows have no `evidence`.
//! let rows = walk_rows(&g, &a, Toward::Ancestors, &options, None);
//! let json = serde_json::to_value(&rows).unwrap();
//! assert_eq!(json[0]["symbol"], "A/RES/75/240");
//! assert_eq!(json[0]["distance"], 1);
//! assert_eq!(json[0]["schema_version"], 1);
//! assert!(json[0].get("evidence").is_none());
//! // With them, each row says which citations put it there; this link
//! // was added without the mention's place, so the quote is unknown.
//! let rows = walk_rows(&g, &a, Toward::Ancestors, &options, Some(&mut Quotes::new()));
//! let evidence = rows[0].evidence.as_ref().unwrap();
//! assert_eq!((evidence[0].citing.as_str(), evidence[0].relation.as_str()), ("A/RES/76/19", "recalling"));
//! assert_eq!(evidence[0].quote, None);
//! assert!(evidence[0].unknown.is_some());
//! ```

use resgraph_core::{Section, UnknownSection};
use resgraph_graph::evidence::Toward;
use resgraph_graph::{CitationGraph, Filter, QueryOptions, Symbol, UnknownRelation};
use resgraph_registry::check::Finding;
use resgraph_registry::Registry;
use serde::Serialize;

use crate::pipeline::{Evidence, Quotes};

pub use resgraph_extract::SCHEMA_VERSION;

/// What a row shows of a document: what the graph knows of its date and
/// title (from its own text, from "entitled" in a citing text, or from
/// the registry), and whether its text was read.
pub struct Known {
    /// The date, ISO.
    pub date: Option<String>,
    /// The title.
    pub title: Option<String>,
    /// Whether its text was read.
    pub read: bool,
}

impl Known {
    /// What `graph` knows of `symbol`.
    pub fn of(graph: &CitationGraph, symbol: &Symbol) -> Known {
        let info = graph.node(symbol);
        Known {
            date: info.and_then(|i| i.date).map(|d| d.to_string()),
            title: info.and_then(|i| i.title.clone()),
            read: info.is_some_and(|i| i.read),
        }
    }

    /// The date for a table: `-` when unknown.
    pub fn date_cell(&self) -> String {
        self.date.clone().unwrap_or_else(|| "-".into())
    }

    /// The title for a table: its first 80 characters.
    pub fn title_cell(&self) -> String {
        self.title
            .as_deref()
            .unwrap_or_default()
            .chars()
            .take(80)
            .collect()
    }
}

/// A document of a lineage (`ancestors`, `descendants`) or of a chain
/// (`path`), with its distance from the document asked about (for a
/// chain: its place in it, the first document at 0).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LineageRow {
    /// The contract's version, [`SCHEMA_VERSION`].
    pub schema_version: u32,
    /// The canonical symbol.
    pub symbol: String,
    /// The short label ([`Symbol::label`]: the organ shows for all but
    /// Assembly resolutions).
    pub label: String,
    /// Citations followed from the document asked about.
    pub distance: u32,
    /// The kind tag (`ga-resolution`, `document`, ...).
    pub kind: &'static str,
    /// The date, ISO, when known.
    pub date: Option<String>,
    /// The title, when known.
    pub title: Option<String>,
    /// Whether its text was read (otherwise it is only cited).
    pub read: bool,
    /// The citations that put the row there, each occurrence with the
    /// clause that cites quoted from the citing text ([`Quotes`]): from
    /// the documents one step closer to the focus, or for a chain from
    /// the document before it (empty for the first). `None`, and absent
    /// from JSON, when the answer was asked without evidence (a table
    /// without `--why`, a series), so that no text was read for it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub evidence: Option<Vec<Evidence>>,
}

impl LineageRow {
    /// What the row shows of its document, for a table's cells.
    pub fn known(&self) -> Known {
        Known {
            date: self.date.clone(),
            title: self.title.clone(),
            read: self.read,
        }
    }
}

/// The rows of `(symbol, distance)` pairs, as
/// [`CitationGraph::ancestors`] and [`CitationGraph::descendants`] give
/// them, without evidence (see [`walk_rows`] for the rows with it).
pub fn lineage_rows(graph: &CitationGraph, found: &[(Symbol, u32)]) -> Vec<LineageRow> {
    found
        .iter()
        .map(|(symbol, distance)| {
            let known = Known::of(graph, symbol);
            LineageRow {
                schema_version: SCHEMA_VERSION,
                symbol: symbol.to_string(),
                label: symbol.label(),
                distance: *distance,
                kind: symbol.kind().as_str(),
                date: known.date,
                title: known.title,
                read: known.read,
                evidence: None,
            }
        })
        .collect()
}

/// The rows of `ancestors` (`toward` [`Toward::Ancestors`]) or
/// `descendants` of `focus` asked with `options`, nearest first. With
/// `quotes`, each row has its `evidence` ([`CitationGraph::steps`], quoted
/// by [`Quotes::evidence`], which reads each citing text once); without,
/// none, and no text is read.
pub fn walk_rows(
    graph: &CitationGraph,
    focus: &Symbol,
    toward: Toward,
    options: &QueryOptions,
    quotes: Option<&mut Quotes>,
) -> Vec<LineageRow> {
    let found = match toward {
        Toward::Ancestors => graph.ancestors(focus, options),
        Toward::Descendants => graph.descendants(focus, options),
    };
    let mut rows = lineage_rows(graph, &found);
    if let Some(quotes) = quotes {
        let steps = graph.steps(focus, &found, toward, options);
        for (row, steps) in rows.iter_mut().zip(steps) {
            row.evidence = Some(quotes.evidence(graph, &steps));
        }
    }
    rows
}

/// The rows of a chain of citations ([`CitationGraph::shortest_path`]),
/// each at its place in the chain. With `quotes`, each row has the
/// evidence of the citation that leads to it from the one before (the
/// occurrences `filter` lets through; none for the first); without,
/// none, and no text is read.
pub fn path_rows(
    graph: &CitationGraph,
    chain: &[Symbol],
    filter: &Filter,
    quotes: Option<&mut Quotes>,
) -> Vec<LineageRow> {
    let placed: Vec<(Symbol, u32)> = chain
        .iter()
        .zip(0u32..)
        .map(|(s, step)| (s.clone(), step))
        .collect();
    let mut rows = lineage_rows(graph, &placed);
    if let Some(quotes) = quotes {
        let steps = graph.path_steps(chain, filter);
        for (i, row) in rows.iter_mut().enumerate() {
            let leading = i.checked_sub(1).and_then(|before| steps.get(before));
            row.evidence = Some(match leading {
                Some(step) => quotes.evidence(graph, std::slice::from_ref(step)),
                None => Vec::new(),
            });
        }
    }
    rows
}

/// How `top` ranks documents.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ranking {
    /// By the number of documents citing it.
    Cited,
    /// By PageRank over the citation links.
    PageRank,
}

impl std::str::FromStr for Ranking {
    type Err = UnknownRanking;

    /// `cited` or `pagerank`, in any case.
    fn from_str(name: &str) -> Result<Ranking, UnknownRanking> {
        match name.to_ascii_lowercase().as_str() {
            "cited" => Ok(Ranking::Cited),
            "pagerank" => Ok(Ranking::PageRank),
            _ => Err(UnknownRanking(name.to_string())),
        }
    }
}

/// A ranking that is neither `cited` nor `pagerank`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown ranking {0:?}: expected \"cited\" or \"pagerank\"")]
pub struct UnknownRanking(pub String);

/// PageRank's damping factor and iterations, as `top` uses them.
const PAGERANK_DAMPING: f64 = 0.85;
const PAGERANK_ITERATIONS: u32 = 50;

/// The `limit` highest ranked documents that `filter` shows, best
/// first, with their score (the number of citing documents along the
/// links the filter follows, or the PageRank flowing along them). Heading
/// citations (a draft's own report, its title) count only when
/// `include_headings` or when the filter names sections.
pub fn top(
    graph: &CitationGraph,
    by: Ranking,
    limit: usize,
    mut filter: Filter,
    include_headings: bool,
) -> Vec<(Symbol, f64)> {
    if !include_headings && filter.sections.is_none() {
        filter = filter.without_headings();
    }
    match by {
        Ranking::Cited => graph
            .most_cited_with(limit, None, &filter)
            .into_iter()
            .map(|(s, n)| (s, n as f64))
            .collect(),
        // Rank flows along the links the filter follows; every document
        // takes part, the filter's documents are shown.
        Ranking::PageRank => graph
            .pagerank_with(PAGERANK_DAMPING, PAGERANK_ITERATIONS, &filter)
            .into_iter()
            .take(limit)
            .collect(),
    }
}

/// A ranked document of `top`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RankedRow {
    /// The contract's version, [`SCHEMA_VERSION`].
    pub schema_version: u32,
    /// The canonical symbol.
    pub symbol: String,
    /// The short label ([`Symbol::label`]).
    pub label: String,
    /// The kind tag (`ga-resolution`, `document`, ...).
    pub kind: &'static str,
    /// The number of citing documents, or the PageRank.
    pub score: f64,
    /// The date, ISO, when known.
    pub date: Option<String>,
    /// The title, when known.
    pub title: Option<String>,
}

/// The rows of [`top`]'s answer.
pub fn ranked_rows(graph: &CitationGraph, ranked: &[(Symbol, f64)]) -> Vec<RankedRow> {
    ranked
        .iter()
        .map(|(symbol, score)| {
            let known = Known::of(graph, symbol);
            RankedRow {
                schema_version: SCHEMA_VERSION,
                symbol: symbol.to_string(),
                label: symbol.label(),
                kind: symbol.kind().as_str(),
                score: *score,
                date: known.date,
                title: known.title,
            }
        })
        .collect()
}

/// A finding of `check` ([`Finding`]'s fields after `schema_version`),
/// with what the registry knows of the cited document.
#[derive(Debug, Clone, Serialize)]
pub struct CheckRow<'a> {
    /// The contract's version, [`SCHEMA_VERSION`].
    pub schema_version: u32,
    /// The finding.
    #[serde(flatten)]
    pub finding: &'a Finding,
    /// The cited document's label and, where the registry knows them, its
    /// adoption date and title, so that a reader sees what was cited
    /// (absent when the finding names no cited document).
    #[serde(flatten)]
    pub cited: Option<CitedKnown>,
}

/// What a [`CheckRow`] shows of the cited document.
#[derive(Debug, Clone, Serialize)]
pub struct CitedKnown {
    /// [`Symbol::label`].
    pub target_label: String,
    /// The registry's adoption date, ISO.
    pub target_date: Option<String>,
    /// The registry's title.
    pub target_title: Option<String>,
}

/// The rows of findings, with what `registry` knows of each cited document.
pub fn check_rows<'a>(
    findings: impl IntoIterator<Item = &'a Finding>,
    registry: &Registry,
) -> Vec<CheckRow<'a>> {
    findings
        .into_iter()
        .map(|finding| CheckRow {
            schema_version: SCHEMA_VERSION,
            finding,
            cited: finding.target.as_ref().map(|target| {
                let entry = registry.get(target);
                CitedKnown {
                    target_label: target.label(),
                    target_date: entry.and_then(|e| e.adopted).map(|d| d.to_string()),
                    target_title: entry.and_then(|e| e.title.clone()),
                }
            }),
        })
        .collect()
}

/// Why query options could not be made.
#[derive(Debug, thiserror::Error)]
pub enum QueryError {
    /// A relation word that no citation of the graph has, nor any class.
    #[error(transparent)]
    Relation(#[from] UnknownRelation),
    /// A section that does not exist.
    #[error(transparent)]
    Section(#[from] UnknownSection),
}

/// The filter of links with these relations and sections: a relation is
/// a class word such as `recalling` (matching every verb of it) or a verb
/// as written, and a word that matches nothing in `graph` is an error
/// with the nearest words, since it is a typo, not an empty answer.
///
/// # Errors
///
/// [`UnknownRelation`] for such a word.
pub fn link_filter(
    graph: &CitationGraph,
    relations: &[String],
    sections: impl IntoIterator<Item = Section>,
) -> Result<Filter, UnknownRelation> {
    let mut filter = Filter::default();
    if !relations.is_empty() {
        for relation in relations {
            graph.check_relation(relation)?;
        }
        filter = filter.with_relations(relations.iter().map(|r| r.to_lowercase()));
    }
    let sections: Vec<Section> = sections.into_iter().collect();
    if !sections.is_empty() {
        filter = filter.with_sections(sections);
    }
    Ok(filter)
}

/// Query options from a depth and filters as typed: relations as
/// [`link_filter`] reads them, sections by name.
///
/// # Errors
///
/// [`QueryError`] for an unknown relation or section.
pub fn query_options(
    graph: &CitationGraph,
    depth: Option<u32>,
    relations: &[String],
    sections: &[String],
) -> Result<QueryOptions, QueryError> {
    let sections = sections
        .iter()
        .map(|s| s.parse::<Section>())
        .collect::<Result<Vec<_>, _>>()?;
    let opts = QueryOptions::new().filter(link_filter(graph, relations, sections)?);
    Ok(match depth {
        Some(d) => opts.depth(d),
        None => opts,
    })
}
