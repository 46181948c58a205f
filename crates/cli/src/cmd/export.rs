//! `resgraph export`: the graph for other tools.

use std::path::PathBuf;

use anyhow::Result;
use clap::ValueEnum;

use resgraph::pipeline::lineage_members;
use resgraph_graph::CitationGraph;

use super::{options, resolve, DirectionArgs, FilterArgs, GraphArgs};
use crate::output::{emit, Reader};

#[derive(Clone, Copy, ValueEnum)]
pub enum ExportFormat {
    Graphml,
    Csv,
    Json,
}

#[derive(clap::Args)]
pub struct Args {
    #[command(flatten)]
    source: GraphArgs,
    /// GraphML (Gephi, networkx, igraph), CSV (pandas, Neo4j), JSON node-link (d3, networkx).
    #[arg(long, value_enum)]
    format: ExportFormat,
    /// Write here (atomically); CSV writes OUT.nodes.csv and OUT.edges.csv,
    /// both new or, on failure, both as they were.
    #[arg(short, long)]
    output: Option<PathBuf>,
    /// Write only this document's lineage (with --ancestors, the default,
    /// --descendants or --both, and --depth): the document, the documents
    /// found, and the citations among them.
    #[arg(long, value_name = "SYMBOL")]
    focus: Option<String>,
    #[command(flatten)]
    direction: DirectionArgs,
    /// With --focus: follow citations at most this many steps (no limit
    /// by default).
    #[arg(long)]
    depth: Option<u32>,
    /// Which citations are written (--relation, --section: a link none of
    /// whose occurrences passes is left out, and so are the occurrences
    /// that do not pass) and which documents (--kind, --organ, --since,
    /// --until).
    #[command(flatten)]
    filter: FilterArgs,
}

pub fn run(args: Args) -> Result<bool> {
    let Args {
        source,
        format,
        output,
        focus,
        direction,
        depth,
        filter,
    } = args;
    let (whole, all_read) = source.load()?;
    let filter = filter.filter(&whole)?;
    let selected: Option<CitationGraph> = match &focus {
        Some(typed) => {
            let focus = resolve(&whole, typed)?;
            let opts = options(depth, filter.clone());
            let members = lineage_members(&whole, &focus, direction.direction(), &opts);
            Some(whole.subgraph_with(&members, &filter))
        }
        None if direction.any() || depth.is_some() => {
            anyhow::bail!(
                "--ancestors, --descendants, --both and --depth choose a lineage: give its document with --focus SYMBOL"
            )
        }
        None if filter.is_empty() => None,
        None => {
            let members = whole
                .nodes()
                .filter(|n| filter.wants_document(n))
                .map(|n| &n.symbol);
            Some(whole.subgraph_with(members, &filter))
        }
    };
    let graph = selected.as_ref().unwrap_or(&whole);
    match format {
        ExportFormat::Graphml => emit(output.as_deref(), Reader::Programs, |w| {
            graph.write_graphml(w)
        })?,
        ExportFormat::Json => emit(output.as_deref(), Reader::Programs, |w| {
            graph.write_json_node_link(w)
        })?,
        ExportFormat::Csv => match output.as_deref().and_then(crate::output::destination) {
            Some(prefix) => {
                let nodes = PathBuf::from(format!("{}.nodes.csv", prefix.display()));
                let edges = PathBuf::from(format!("{}.edges.csv", prefix.display()));
                // Both new or both old: a reader never pairs new nodes
                // with old edges.
                resgraph_io::write_pair_atomically(
                    &nodes,
                    |w| graph.write_csv_nodes(w),
                    &edges,
                    |w| graph.write_csv_edges(w),
                )?;
            }
            None => emit(None, Reader::Programs, |w| {
                graph.write_csv_nodes(&mut *w)?;
                writeln!(w)?;
                graph.write_csv_edges(w)
            })?,
        },
    }
    Ok(all_read)
}
