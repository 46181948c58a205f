//! The graph commands: build, queries, exports, pictures.

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{bail, Context, Result};
use resgraph_extract::{Document, Section};
use resgraph_graph::{CitationGraph, Filter, QueryOptions, Symbol};

use crate::input::{self, FileError};

/// Where a command's graph comes from: a saved file, or texts read now.
pub struct GraphSource<'a> {
    pub graph: Option<&'a Path>,
    pub paths: &'a [PathBuf],
    pub quiet: bool,
}

/// Adds a document to a graph, with the draft-to-resolution links its
/// heading states (`[without reference to a Main Committee (A/78/L.1)]`).
/// Returns false for a document without a symbol, which is left out.
pub fn add_document(graph: &mut CitationGraph, doc: &Document) -> bool {
    let Some(own) = &doc.symbol else {
        return false;
    };
    let _ = graph.add_document(doc);
    for c in doc
        .citations
        .iter()
        .filter(|c| c.section == Section::Heading && c.relation == "draft")
    {
        graph.add_adopted_as(&c.target, own);
    }
    true
}

/// Loads or builds the graph; per-file errors go to `errors`.
pub fn load(source: &GraphSource<'_>, errors: &mut Vec<FileError>) -> Result<CitationGraph> {
    if let Some(path) = source.graph {
        if !source.paths.is_empty() {
            bail!("give either --graph FILE or texts to read, not both");
        }
        return CitationGraph::load(path).map_err(|e| anyhow::anyhow!("{e}"));
    }
    if source.paths.is_empty() {
        bail!("no graph: give --graph FILE (made by `resgraph build`) or the texts to read");
    }
    let files = input::expand(source.paths, errors);
    // Each document joins the graph as soon as it is read: the texts are
    // never all in memory at once.
    let mut graph = CitationGraph::new();
    let mut skipped = 0;
    let _ = input::stream(&files, source.quiet, false, |result| {
        match result {
            Ok(explained) => skipped += usize::from(!add_document(&mut graph, &explained.document)),
            Err(err) => errors.push(err),
        }
        Ok::<(), std::convert::Infallible>(())
    });
    resgraph::enrich::fill_from_registry(&mut graph, resgraph_registry::Registry::bundled_ref());
    if skipped > 0 {
        eprintln!(
            "resgraph: {skipped} text(s) state no symbol and their file names spell none: left out of the graph"
        );
    }
    Ok(graph)
}

/// Resolves what the user typed to a symbol of the graph, or explains.
pub fn resolve(graph: &CitationGraph, typed: &str) -> Result<Symbol> {
    graph.resolve(typed).map_err(|e| anyhow::anyhow!("{e}"))
}

/// Query options from the command line's depth and filters.
pub fn options(
    depth: Option<u32>,
    relations: &[String],
    sections: &[String],
) -> Result<QueryOptions> {
    let mut opts = QueryOptions::new();
    if let Some(d) = depth {
        opts = opts.depth(d);
    }
    let mut filter = Filter::default();
    if !relations.is_empty() {
        filter = filter.with_relations(relations.iter().map(|r| r.to_lowercase()));
    }
    if !sections.is_empty() {
        let mut parsed = Vec::new();
        for s in sections {
            parsed.push(match s.to_lowercase().as_str() {
                "heading" => Section::Heading,
                "preamble" => Section::Preamble,
                "operative" => Section::Operative,
                "footnote" => Section::Footnote,
                "annex" => Section::Annex,
                other => bail!("unknown section {other:?}: expected heading, preamble, operative, footnote or annex"),
            });
        }
        filter = filter.with_sections(parsed);
    }
    if !filter.is_empty() {
        opts = opts.filter(filter);
    }
    Ok(opts)
}

/// Prints `(symbol, distance)` rows with what is known of each.
pub fn print_ranked(
    out: &mut dyn Write,
    graph: &CitationGraph,
    rows: &[(Symbol, u32)],
    json: bool,
) -> std::io::Result<()> {
    if json {
        let items: Vec<serde_json::Value> = rows
            .iter()
            .map(|(s, d)| {
                let info = graph.node(s);
                serde_json::json!({
                    "symbol": s.to_string(),
                    "distance": d,
                    "kind": s.kind().as_str(),
                    "date": info.and_then(|i| i.date).map(|d| d.to_string()),
                    "title": info.and_then(|i| i.title.clone()),
                    "read": info.is_some_and(|i| i.read),
                })
            })
            .collect();
        serde_json::to_writer_pretty(&mut *out, &items)?;
        return writeln!(out);
    }
    for (s, d) in rows {
        let info = graph.node(s);
        let read = if info.is_some_and(|i| i.read) {
            "read "
        } else {
            "cited"
        };
        let date = info
            .and_then(|i| i.date)
            .map(|d| d.to_string())
            .unwrap_or_else(|| "-".into());
        let title: String = info
            .and_then(|i| i.title.clone())
            .unwrap_or_default()
            .chars()
            .take(80)
            .collect();
        writeln!(
            out,
            "{d:>3}  {:<26} {date:<10}  {read}  {title}",
            s.to_string()
        )?;
    }
    Ok(())
}

/// Writes to a file atomically, or to standard output.
pub fn emit(
    output: Option<&Path>,
    write: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
) -> Result<()> {
    match output {
        Some(path) => crate::output::write_atomically(path, write),
        None => {
            let stdout = std::io::stdout();
            let mut lock = std::io::BufWriter::new(stdout.lock());
            match write(&mut lock).and_then(|_| lock.flush()) {
                Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
                    Err(e).context("cannot write to standard output")
                }
                _ => Ok(()),
            }
        }
    }
}

/// The documents of a saved graph as `check` sees them: each read node
/// with the citations its edges keep (without byte offsets).
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
    let index: std::collections::HashMap<Symbol, usize> = docs
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
                kind: edge.to().kind().as_str().to_string(),
                cited_date: o.cited_date,
                relation: o.relation.clone(),
                section: o.section,
                paragraph: o.paragraph,
                start: 0,
                end: 0,
                text: edge.to().short(),
                anchor_section: None,
                anchor_paragraph: None,
                cited_title: None,
            });
        }
    }
    docs
}

/// Line numbers of byte offsets in source files, each file read once.
#[derive(Default)]
pub struct LineIndex {
    files: std::collections::HashMap<String, Vec<usize>>,
}

impl LineIndex {
    /// The 1-based line of byte `offset` in the file at `path`.
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
