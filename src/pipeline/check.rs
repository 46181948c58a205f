//! Checking documents against the registry, from texts or from a saved
//! graph.

use std::collections::HashMap;

use resgraph_extract::Document;
use resgraph_graph::{CitationGraph, Symbol};
use resgraph_registry::check::{Checker, Finding};
use resgraph_registry::Registry;

/// The findings of [`Checker::check`] on every document, in order.
///
/// ```
/// use resgraph::extract::{extract, Hint};
/// use resgraph::registry::{check::Level, Registry};
///
/// // 78/16 was adopted on 4 December 2023, not on the 5th.
/// let doc = extract(
///     "A/C.1/80/L.901\n\nThe General Assembly,\n\nRecalling its resolution 78/16 of 5 December 2023,\n",
///     &Hint::default(),
/// );
/// let findings = resgraph::pipeline::check_documents(&[doc], Registry::bundled_ref());
/// assert!(findings.iter().any(|f| f.level == Level::Error));
/// ```
pub fn check_documents(docs: &[Document], registry: &Registry) -> Vec<Finding> {
    let checker = Checker::new(registry);
    docs.iter().flat_map(|doc| checker.check(doc)).collect()
}

/// The documents of a saved graph as a check sees them: each read node
/// with the citations its edges keep (without byte offsets, which a graph
/// does not keep).
pub fn documents_of(graph: &CitationGraph) -> Vec<Document> {
    let mut docs: Vec<Document> = graph
        .nodes()
        .filter(|n| n.read)
        .map(|n| Document {
            source: n.source.clone().unwrap_or_else(|| n.symbol.to_string()),
            symbol: Some(n.symbol.clone()),
            organ: n.organ.clone(),
            session: n.symbol.ga_session(),
            date: n.date,
            title: n.title.clone(),
            ..Document::default()
        })
        .collect();
    let index: HashMap<Symbol, usize> = docs
        .iter()
        .enumerate()
        .filter_map(|(i, d)| Some((d.symbol.clone()?, i)))
        .collect();
    for edge in graph.edges() {
        let Some(&i) = index.get(edge.from()) else {
            continue;
        };
        for occurrence in edge.occurrences() {
            let o = occurrence.to_occurrence();
            docs[i].citations.push(resgraph_extract::Citation {
                target: edge.to().clone(),
                cited_date: o.cited_date,
                relation: o.relation.clone(),
                section: o.section,
                paragraph: o.paragraph,
                start: 0,
                end: 0,
                start_char: 0,
                end_char: 0,
                text: edge.to().short(),
                anchor_section: None,
                anchor_paragraph: None,
                cited_title: None,
            });
        }
    }
    docs
}

/// Line numbers of byte offsets in source files (a finding's place), each
/// file read once.
///
/// ```
/// let path = std::env::temp_dir().join(format!("resgraph-lines-{}.txt", std::process::id()));
/// std::fs::write(&path, "one\ntwo\nthree\n").unwrap();
/// let mut lines = resgraph::pipeline::LineIndex::default();
/// assert_eq!(lines.line_of(path.to_str().unwrap(), 5), Some(2));
/// # std::fs::remove_file(&path).unwrap();
/// ```
#[derive(Debug, Default)]
pub struct LineIndex {
    files: HashMap<String, Vec<usize>>,
}

impl LineIndex {
    /// The 1-based line of byte `offset` in the file at `path`, or `None`
    /// when the file cannot be read.
    pub fn line_of(&mut self, path: &str, offset: usize) -> Option<usize> {
        if !self.files.contains_key(path) {
            let bytes = std::fs::read(path).ok()?;
            let starts = std::iter::once(0)
                .chain(
                    bytes
                        .iter()
                        .enumerate()
                        .filter(|(_, b)| **b == b'\n')
                        .map(|(i, _)| i + 1),
                )
                .collect();
            self.files.insert(path.to_string(), starts);
        }
        let starts = self.files.get(path)?;
        Some(starts.partition_point(|s| *s <= offset))
    }
}
