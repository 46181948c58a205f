//! `resgraph export`: the graph for other tools.

use std::path::PathBuf;

use anyhow::Result;
use clap::ValueEnum;

use super::GraphArgs;
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
}

pub fn run(args: Args) -> Result<bool> {
    let Args {
        source,
        format,
        output,
    } = args;
    let (graph, all_read) = source.load()?;
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
