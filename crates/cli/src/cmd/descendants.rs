//! `resgraph descendants`: everything that builds on a document.

use anyhow::Result;
use resgraph_graph::CitationGraph;

use super::{lineage_query, GraphArgs, QueryArgs};

#[derive(clap::Args)]
pub struct Args {
    /// The document.
    symbol: String,
    #[command(flatten)]
    source: GraphArgs,
    #[command(flatten)]
    query: QueryArgs,
}

pub fn run(args: Args) -> Result<bool> {
    lineage_query(
        &args.symbol,
        &args.source,
        &args.query,
        CitationGraph::descendants,
    )
}
