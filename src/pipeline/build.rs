//! From documents to a citation graph, with its adoption links made one
//! way, filled from the registry.

use std::path::PathBuf;

use resgraph_extract::{Document, Section};
use resgraph_graph::CitationGraph;
use resgraph_registry::Registry;

use super::read::{ReadError, Verdicts};
use super::stream::{stream, Progress};
use super::walk::expand;

/// Adds a document to a graph, with the draft-to-resolution links its
/// heading states (`[without reference to a Main Committee (A/78/L.1)]`:
/// the draft a resolution was adopted from). Returns false for a document
/// without a symbol, which is left out.
///
/// This and [`crate::enrich::fill_from_registry`] (the links the registry
/// records) are the only sources of adoption links: what the texts state
/// and what is known of them, nothing a caller keeps on the side.
///
/// ```
/// use resgraph::extract::{extract, Hint};
/// use resgraph::graph::CitationGraph;
///
/// let text = "A/RES/78/1\n\n[without reference to a Main Committee (A/78/L.1)]\n\n78/1. Title\n\nThe General Assembly,\n\nRecalling its resolution 77/1,\n";
/// let mut graph = CitationGraph::new();
/// assert!(resgraph::pipeline::add_document(&mut graph, &extract(text, &Hint::default())));
/// let draft = "A/78/L.1".parse().unwrap();
/// assert_eq!(graph.adopted_as(&draft).map(|r| r.to_string()), Some("A/RES/78/1".to_string()));
/// ```
pub fn add_document(graph: &mut CitationGraph, doc: &Document) -> bool {
    let Some(own) = &doc.symbol else {
        return false;
    };
    let _ = graph.add_document(doc);
    for c in doc
        .citations
        .iter()
        .filter(|c| c.section == Section::Heading && c.relation.is_draft_of())
    {
        graph.add_adopted_as(&c.target, own);
    }
    true
}

/// A graph built from texts, with what happened on the way.
#[derive(Debug)]
pub struct Built {
    /// The graph, filled from the registry.
    pub graph: CitationGraph,
    /// Documents added to the graph.
    pub documents: usize,
    /// Citations of the documents added.
    pub citations: usize,
    /// Texts that state no symbol, and whose file names spell none: left
    /// out of the graph.
    pub without_symbol: usize,
    /// Paths that could not be listed or read, in the order met (the
    /// walk's first, then the reads'); the rest was built.
    pub errors: Vec<ReadError>,
}

/// Reads the texts under `paths` (see [`expand`]), adds each document to a
/// graph as soon as it is read ([`add_document`]: the texts are never all
/// in memory at once), then fills what the texts did not say from
/// `registry` ([`crate::enrich::fill_from_registry`]).
///
/// ```
/// use resgraph::pipeline::{build_graph, NoProgress};
/// use resgraph::registry::Registry;
///
/// let texts = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data/lineage");
/// let built = build_graph(&[texts], &NoProgress, Registry::bundled_ref());
/// for err in &built.errors {
///     eprintln!("{err}");
/// }
/// assert_eq!(built.documents, 20);
/// // The bundled PROVENANCE.md is read too, and states no symbol.
/// assert_eq!(built.without_symbol, 1);
/// ```
pub fn build_graph(paths: &[PathBuf], progress: &dyn Progress, registry: &Registry) -> Built {
    let expanded = expand(paths);
    let mut built = Built {
        graph: CitationGraph::new(),
        documents: 0,
        citations: 0,
        without_symbol: 0,
        errors: expanded.errors,
    };
    let _ = stream(&expanded.files, Verdicts::Skip, progress, |result| {
        match result {
            Ok(explained) => {
                let doc = &explained.document;
                if add_document(&mut built.graph, doc) {
                    built.documents += 1;
                    built.citations += doc.citations.len();
                } else {
                    built.without_symbol += 1;
                }
            }
            Err(err) => built.errors.push(err),
        }
        Ok::<(), std::convert::Infallible>(())
    });
    crate::enrich::fill_from_registry(&mut built.graph, registry);
    built
}
