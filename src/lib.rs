//! # resgraph
//!
//! A citation graph and cross-reference engine for United Nations
//! documents. This facade crate re-exports the member crates, each usable
//! alone:
//!
//! - [`primitives`]: dates, sections and typed relations every crate shares;
//! - [`symbol`]: canonical UN symbols (`A/RES/76/19`, `S/RES/1373 (2001)`);
//! - [`extract`]: citations, with place, relation and cited date, from a text;
//! - [`graph`]: the directed citation graph, lineage queries, persistence, exports;
//! - [`render`]: lineages drawn as DOT and SVG;
//! - [`registry`]: adoption dates and titles, and the cross-reference check;
//! - [`enrich`]: the graph filled from the registry;
//! - [`view`]: the glue that turns part of a graph into a picture model;
//! - [`pipeline`]: files to documents, a graph, a check and a picture, as
//!   the command line does it;
//! - [`rows`]: the rows of query answers, as the command line's JSON and
//!   the Python package give them.
//!
//! ```
//! use resgraph::extract::{extract, Hint};
//!
//! let doc = extract(
//!     "The General Assembly,\n\nRecalling its resolution 76/19 of 6 December 2021,\n",
//!     &Hint::default(),
//! );
//! assert_eq!(doc.citations[0].target.to_string(), "A/RES/76/19");
//! ```
#![forbid(unsafe_code)]

pub mod enrich;
pub mod pipeline;
pub mod rows;
pub mod view;

pub use resgraph_core as primitives;
pub use resgraph_extract as extract;
pub use resgraph_graph as graph;
pub use resgraph_registry as registry;
pub use resgraph_render as render;
pub use resgraph_symbol as symbol;
