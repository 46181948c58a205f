//! `resgraph check`: citations compared with the registry.

use std::path::PathBuf;

use anyhow::Result;
use resgraph::pipeline::{self, LineIndex};
use resgraph_registry::check::Level;

use super::{report_errors, QueryFormat};
use crate::output::{emit, Reader};
use crate::progress::Bar;
use crate::terminal::say;

#[derive(clap::Args)]
pub struct Args {
    /// Texts (files or directories).
    paths: Vec<PathBuf>,
    /// Check the citations kept in a graph file instead.
    #[arg(long)]
    graph: Option<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value = "table")]
    format: QueryFormat,
    /// Also list warnings and notes (errors are always listed).
    #[arg(long)]
    all: bool,
    /// No progress bar even on a terminal.
    #[arg(short, long)]
    quiet: bool,
}

/// Exit code 1 (`Ok(false)`) also when an error is found.
pub fn run(args: Args) -> Result<bool> {
    let Args {
        paths,
        graph,
        format,
        all,
        quiet,
    } = args;
    let mut errors = Vec::new();
    let docs = match &graph {
        Some(path) => {
            if !paths.is_empty() {
                anyhow::bail!("give either --graph FILE or texts to check, not both");
            }
            let graph =
                resgraph_graph::CitationGraph::load(path).map_err(|e| anyhow::anyhow!("{e}"))?;
            pipeline::documents_of(&graph)
        }
        None => {
            if paths.is_empty() {
                anyhow::bail!("nothing to check: give texts or --graph FILE");
            }
            let expanded = pipeline::expand(&paths);
            errors = expanded.errors;
            let (docs, read_errors) = pipeline::extract_all(&expanded.files, &Bar::new(quiet));
            errors.extend(read_errors);
            docs
        }
    };
    let findings = pipeline::check_documents(&docs, resgraph_registry::Registry::bundled_ref());
    let has_error = findings.iter().any(|f| f.level == Level::Error);
    let shown: Vec<_> = findings
        .iter()
        .filter(|f| all || f.level == Level::Error)
        .collect();
    let json = matches!(format, QueryFormat::Json);
    emit(None, Reader::of(json), |w| {
        if json {
            let rows = resgraph::rows::check_rows(
                shown.iter().copied(),
                resgraph_registry::Registry::bundled_ref(),
            );
            serde_json::to_writer_pretty(&mut *w, &rows)?;
            return writeln!(w);
        }
        let mut lines = LineIndex::default();
        for f in &shown {
            // A graph keeps no byte offsets of its citations.
            let line = f
                .offset
                .filter(|_| graph.is_none())
                .and_then(|o| lines.line_of(&f.source, o))
                .map(|l| format!(":{l}"))
                .unwrap_or_default();
            writeln!(w, "{}{line}: {}: {}", f.source, f.level, f.message)?;
        }
        Ok(())
    })?;
    let count = |level| findings.iter().filter(|f| f.level == level).count();
    say!(
        "resgraph: {} documents checked: {} errors, {} warnings, {} notes",
        docs.len(),
        count(Level::Error),
        count(Level::Warning),
        count(Level::Note)
    );
    Ok(report_errors(&errors) && !has_error)
}
