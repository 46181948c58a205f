//! # The citation graph of UN documents
//!
//! A [`CitationGraph`] holds documents (nodes, keyed by their canonical
//! [`Symbol`]) and citations (edges from the
//! citing to the cited document, each keeping every distinct
//! [`Occurrence`]: relation, section, paragraph, cited date, and the
//! mention's place in the text, its [`Span`]: the [`evidence`]). It is built
//! incrementally from extracted [`Document`](resgraph_extract::Document)s;
//! a document that is cited but not read is still a node.
//!
//! Queries return results in a deterministic order (distance, then
//! chronological symbol order) and take [`QueryOptions`] (depth limit,
//! [`Filter`] on relation or section, adoption links, result limit):
//! [`ancestors`](CitationGraph::ancestors),
//! [`descendants`](CitationGraph::descendants),
//! [`shortest_path`](CitationGraph::shortest_path),
//! [`all_simple_paths`](CitationGraph::all_simple_paths),
//! [`common_ancestors`](CitationGraph::common_ancestors),
//! [`most_cited`](CitationGraph::most_cited),
//! [`pagerank`](CitationGraph::pagerank),
//! [`series_lineage`](CitationGraph::series_lineage) and
//! [`subgraph`](CitationGraph::subgraph).
//!
//! Graphs are saved to one checksummed, versioned file
//! ([`save`](CitationGraph::save), [`load`](CitationGraph::load); the
//! format is in [`persist`]) and exported as GraphML, CSV and JSON
//! node-link ([`export`]).
//!
//! ```
//! use resgraph_extract::{Citation, Document, Section};
//! use resgraph_graph::{CitationGraph, QueryOptions};
//! use resgraph_symbol::Symbol;
//!
//! let cite = |target: &str, relation: &str, section, paragraph| Citation {
//!     target: Symbol::parse_loose(target).unwrap(),
//!     cited_date: None,
//!     relation: relation.into(),
//!     section,
//!     paragraph: Some(paragraph),
//!     start: 0, end: 0, start_char: 0, end_char: 0, text: String::new(),
//!     anchor_section: None, anchor_paragraph: None, cited_title: None,
//! };
//! let draft = Document {
//!     symbol: Some("A/C.1/77/L.73".parse().unwrap()),
//!     citations: vec![
//!         cite("53/70", "recalling", Section::Preamble, 1),
//!         cite("76/19", "recalling", Section::Preamble, 1),
//!         cite("A/77/275", "see", Section::Footnote, 2),
//!         cite("76/19", "welcomes", Section::Operative, 1),
//!     ],
//!     ..Document::default()
//! };
//! let mut g = CitationGraph::new();
//! let _ = g.add_document(&draft);
//! assert_eq!((g.node_count(), g.edge_count(), g.occurrence_count()), (4, 3, 4));
//! let up = g.ancestors(&g.resolve("A/C.1/77/L.73").unwrap(), &QueryOptions::new());
//! assert_eq!(up.len(), 3);
//! ```
#![forbid(unsafe_code)]
#![warn(missing_docs)]

pub mod evidence;
pub mod export;
mod graph;
mod model;
mod packed;
pub mod persist;
mod query;
mod resolve;
mod series;
pub mod synthetic;

pub use export::{csv_field, xml_escape};
pub use graph::{CitationGraph, EdgeRef};
pub use model::{
    AddOutcome, Filter, GraphStats, NodeInfo, Occurrence, OccurrenceRef, QueryOptions, Span, Years,
};
pub use persist::{fnv1a64, write_atomically, LoadError, WriteError, FORMAT_VERSION, MAGIC};
pub use query::DEFAULT_MAX_PATHS;
pub use resolve::{UnknownRelation, UnknownSymbol, CLASS_WORDS, MAX_SUGGESTIONS};
pub use series::{title_similarity, title_words, NoSeries, SeriesRule, SeriesTrack};

pub use resgraph_core::{Date, Relation, RelationClass, Section};
pub use resgraph_symbol::{Kind, Organ, Symbol};
